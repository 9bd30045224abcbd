"""Elastic Fabric Adapter (eksup_moto_efa): DescribeInstanceTypes' EFA data, the launches EC2 refuses
for their interfaces (RunInstances and Auto Scaling activities), a managed group's interfaces
kept in EKS's copy of its template, and the EFA device plugin's nodes in Kubernetes."""

from __future__ import annotations

from typing import Any

import pytest

from test_k8s_api import FAST, Env, ready, wait_for
from test_placement import AMI, error_of

pytestmark = pytest.mark.emulator_env(**FAST)


def efa(card: int = 0, groups: list[str] | None = None, **kw: Any) -> dict[str, Any]:
    return {"DeviceIndex": 0 if card == 0 else 1, "NetworkCardIndex": card, "InterfaceType": "efa", **({"Groups": groups} if groups else {}), **kw}


def test_instance_types_report_their_efa_network_info(emulator):
    ec2 = emulator.client("ec2")
    info = {t["InstanceType"]: t["NetworkInfo"] for t in
            ec2.describe_instance_types(InstanceTypes=["c5n.18xlarge", "p4d.24xlarge", "m5.large"])["InstanceTypes"]}
    assert info["c5n.18xlarge"]["EfaSupported"] and info["c5n.18xlarge"]["MaximumNetworkCards"] == 1
    assert info["c5n.18xlarge"]["EfaInfo"]["MaximumEfaInterfaces"] == 1
    assert info["p4d.24xlarge"]["MaximumNetworkCards"] == 4 and info["p4d.24xlarge"]["EfaInfo"]["MaximumEfaInterfaces"] == 4
    assert [c["NetworkCardIndex"] for c in info["p4d.24xlarge"]["NetworkCards"]] == [0, 1, 2, 3]
    assert info["m5.large"]["EfaSupported"] is False
    supported = ec2.describe_instance_types(Filters=[{"Name": "network-info.efa-supported", "Values": ["true"]}])["InstanceTypes"]
    assert supported and all(t["NetworkInfo"]["EfaSupported"] for t in supported)


def test_run_instances_refuses_what_ec2_refuses_of_efa_interfaces(emulator):
    ec2 = emulator.client("ec2")
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    sg = ec2.describe_security_groups()["SecurityGroups"][0]["GroupId"]

    def run(instance_type: str, nics: list[dict[str, Any]], **kw: Any) -> tuple[str, str]:
        return error_of(ec2.run_instances, ImageId=AMI, MinCount=1, MaxCount=1, InstanceType=instance_type,
                        NetworkInterfaces=[dict(n, SubnetId=subnet) for n in nics], **kw)

    assert run("m5.large", [efa()]) == ("UnsupportedOperation", "EFA interfaces are not supported on m5.large")
    code, message = run("p4d.24xlarge", [efa(card) for card in range(5)])
    assert code == "AttachmentLimitExceeded" and "4 network card" in message
    code, message = run("c5n.18xlarge", [efa(), {"DeviceIndex": 1, "NetworkCardIndex": 0, "InterfaceType": "efa"}])
    assert code == "AttachmentLimitExceeded" and "EFA interface count 2" in message
    code, message = run("c5n.18xlarge", [efa()], SecurityGroupIds=[sg])
    assert code == "InvalidParameterCombination" and "instance-level security groups" in message
    code, message = run("p4d.24xlarge", [efa(0, AssociatePublicIpAddress=True), efa(1)])
    assert code == "InvalidParameterCombination" and "associatePublicIPAddress" in message
    # What EC2 takes: an efa interface per card of an EFA type; no rule about the groups' rules.
    ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, InstanceType="p4d.24xlarge",
                      NetworkInterfaces=[dict(efa(card, [sg]), SubnetId=subnet) for card in range(4)])


def test_a_templates_interfaces_put_the_instance_in_their_groups_and_refusals_fail_auto_scaling_activities(emulator):
    ec2, asg = emulator.client("ec2"), emulator.client("autoscaling")
    subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
    vpc = ec2.describe_subnets()["Subnets"][0]["VpcId"]
    sg = ec2.create_security_group(GroupName="efa", Description="EFA-enabled security group", VpcId=vpc)["GroupId"]
    good = ec2.create_launch_template(LaunchTemplateName="efa", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "p4d.24xlarge", "NetworkInterfaces": [efa(card, [sg]) for card in range(4)]})
    instance = ec2.run_instances(LaunchTemplate={"LaunchTemplateId": good["LaunchTemplate"]["LaunchTemplateId"]}, MinCount=1, MaxCount=1,
                                 SubnetId=subnet)["Instances"][0]
    assert [g["GroupId"] for g in instance["SecurityGroups"]] == [sg]
    both = ec2.create_launch_template(LaunchTemplateName="both", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "c5n.18xlarge", "SecurityGroupIds": [sg], "NetworkInterfaces": [efa(0, [sg])]})
    code, _ = error_of(ec2.run_instances, LaunchTemplate={"LaunchTemplateId": both["LaunchTemplate"]["LaunchTemplateId"]},
                       MinCount=1, MaxCount=1, SubnetId=subnet)
    assert code == "InvalidParameterCombination"
    plain = ec2.create_launch_template(LaunchTemplateName="plain", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "m5.large", "NetworkInterfaces": [efa(0, [sg])]})["LaunchTemplate"]["LaunchTemplateId"]
    asg.create_auto_scaling_group(AutoScalingGroupName="plain", LaunchTemplate={"LaunchTemplateId": plain},
                                  MinSize=1, MaxSize=1, DesiredCapacity=1, VPCZoneIdentifier=subnet)
    group = asg.describe_auto_scaling_groups(AutoScalingGroupNames=["plain"])["AutoScalingGroups"][0]
    assert group["Instances"] == []
    activity = asg.describe_scaling_activities(AutoScalingGroupName="plain")["Activities"][0]
    assert activity["StatusCode"] == "Failed" and "EFA interfaces are not supported on m5.large" in activity["StatusMessage"]


def test_the_device_plugin_runs_on_efa_nodes_which_advertise_their_interfaces(emulator):
    env = Env(emulator)
    # One card: the node keeps its public address in the public subnet (several would not).
    lt = env.ec2.create_launch_template(LaunchTemplateName="efa", LaunchTemplateData={
        "NetworkInterfaces": [efa(0, [env.cluster_sg])]})["LaunchTemplate"]["LaunchTemplateId"]
    env.eks.create_nodegroup(clusterName=env.name, nodegroupName="efa", nodeRole=env.node_role["Arn"], subnets=env.subnets[:1],
                             scalingConfig={"minSize": 1, "maxSize": 1, "desiredSize": 1}, instanceTypes=["c5n.18xlarge"],
                             amiType="AL2023_x86_64_STANDARD", launchTemplate={"id": lt})
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="efa")["nodegroup"]["status"] == "ACTIVE"
    env.managed("plain", desired=1)
    nodes = wait_for(lambda: [n for n in env.kube.nodes() if ready(n) == "True"] if len(env.kube.nodes()) == 2 else None)
    assert nodes and len(nodes) == 2
    # EKS's copy of the template keeps the interfaces (the instance has an EFA interface).
    efa_node = next(n for n in nodes if n["metadata"]["labels"]["node.kubernetes.io/instance-type"] == "c5n.18xlarge")
    assert all("vpc.amazonaws.com/efa" not in n["status"]["capacity"] for n in nodes)
    plugin = {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "aws-efa-k8s-device-plugin", "namespace": "kube-system"},
              "spec": {"selector": {"matchLabels": {"name": "aws-efa-k8s-device-plugin"}},
                       "template": {"metadata": {"labels": {"name": "aws-efa-k8s-device-plugin"}}, "spec": {
                           "hostNetwork": True, "containers": [{"name": "plugin", "image": "efa"}],
                           "affinity": {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [{"matchExpressions": [
                               {"key": "node.kubernetes.io/instance-type", "operator": "In", "values": ["c5n.18xlarge", "m5.large"]},
                               {"key": "eks.amazonaws.com/compute-type", "operator": "NotIn", "values": ["auto"]}]}]}}}}}}}
    code, body = env.kube.call("POST", "/apis/apps/v1/namespaces/kube-system/daemonsets", plugin)
    assert code == 201, body

    def advertised() -> dict[str, str] | None:
        found = {n["metadata"]["name"]: n["status"]["capacity"].get("vpc.amazonaws.com/efa") for n in env.kube.nodes()}
        return found if any(found.values()) else None

    found = wait_for(advertised)
    # The m5.large node matches the affinity, but has no EFA interface: the plugin gives it nothing.
    assert found == {efa_node["metadata"]["name"]: "1", **{n: None for n in found if n != efa_node["metadata"]["name"]}}, found
    node = next(n for n in env.kube.nodes() if n["metadata"]["name"] == efa_node["metadata"]["name"])
    assert node["status"]["allocatable"]["vpc.amazonaws.com/efa"] == "1"
    pods = env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=name%3Daws-efa-k8s-device-plugin")["items"]
    assert [p["spec"]["nodeName"] for p in pods] == [efa_node["metadata"]["name"]]
    ds = wait_for(lambda: (d := env.kube.get("/apis/apps/v1/namespaces/kube-system/daemonsets/aws-efa-k8s-device-plugin"))["status"].get("numberReady") == 1 and d)
    assert ds and ds["status"]["desiredNumberScheduled"] == 1
    # Without the plugin nothing is advertised.
    assert env.kube.call("DELETE", "/apis/apps/v1/namespaces/kube-system/daemonsets/aws-efa-k8s-device-plugin")[0] == 200
    assert wait_for(lambda: advertised() is None)
    assert wait_for(lambda: env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=name%3Daws-efa-k8s-device-plugin")["items"] == [])


def test_an_instance_with_several_interfaces_gets_no_public_address(emulator):
    ec2 = emulator.client("ec2")
    subnet = ec2.describe_subnets()["Subnets"][0]
    assert subnet["MapPublicIpOnLaunch"], subnet  # the default VPC's subnets map one
    one = ec2.create_launch_template(LaunchTemplateName="one", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "c5n.18xlarge", "NetworkInterfaces": [efa()]})["LaunchTemplate"]["LaunchTemplateId"]
    four = ec2.create_launch_template(LaunchTemplateName="four", LaunchTemplateData={
        "ImageId": AMI, "InstanceType": "p4d.24xlarge", "NetworkInterfaces": [efa(card) for card in range(4)]})["LaunchTemplate"]["LaunchTemplateId"]

    def launched(template: str) -> dict[str, Any]:
        return ec2.run_instances(LaunchTemplate={"LaunchTemplateId": template}, MinCount=1, MaxCount=1,
                                 SubnetId=subnet["SubnetId"])["Instances"][0]

    assert launched(one).get("PublicIpAddress")
    assert not launched(four).get("PublicIpAddress")
