"""Nodes join only when real nodes would (eksup_moto_k8s): one test per rule, each able to fail."""

from __future__ import annotations

import json
import time
from typing import Any

import botocore.exceptions
import pytest

from test_k8s_api import EC2_TRUST, FAST, Env, attach, ready, wait_for

pytestmark = pytest.mark.emulator_env(**FAST)


def ready_cluster(emulator: Any, desired: int = 1, addons: tuple[str, ...] = ("vpc-cni", "kube-proxy"), **kw: Any) -> Env:
    """A cluster with the networking add-ons and a managed node group of Ready nodes."""
    env = Env(emulator, addons=addons, **kw)
    ng = env.managed(desired=desired)
    assert ng["status"] == "ACTIVE", ng
    assert len(env.kube.nodes()) == desired
    return env


# ---------------------------------------------------------------------------------------
# Managed node groups
# ---------------------------------------------------------------------------------------
def test_managed_nodegroup_launches_instances_and_ready_nodes(emulator):
    env = Env(emulator)
    created = env.eks.create_nodegroup(clusterName="demo", nodegroupName="ng", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                                       scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 2}, instanceTypes=["m5.large"],
                                       amiType="AL2023_x86_64_STANDARD", labels={"team": "a"},
                                       taints=[{"key": "dedicated", "value": "x", "effect": "NO_SCHEDULE"}])["nodegroup"]
    assert created["status"] == "CREATING"
    ng = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="ng")["nodegroup"]
    assert ng["status"] == "ACTIVE" and ng["health"]["issues"] == []
    assert "remoteAccess" not in ng, "no SSH asked for: none shown"
    asg_name = ng["resources"]["autoScalingGroups"][0]["name"]
    assert asg_name.startswith("eks-ng-")
    asg = env.asg.describe_auto_scaling_groups(AutoScalingGroupNames=[asg_name])["AutoScalingGroups"][0]
    ids = [i["InstanceId"] for i in asg["Instances"]]
    instances = [i for r in env.ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]]
    assert len(instances) == 2 and {i["SubnetId"] for i in instances} == set(env.subnets)
    tags = {t["Key"]: t["Value"] for t in instances[0]["Tags"]}
    assert tags["eks:cluster-name"] == "demo" and tags["eks:nodegroup-name"] == "ng" and tags["kubernetes.io/cluster/demo"] == "owned"
    assert [g["GroupId"] for g in instances[0]["SecurityGroups"]] == [env.cluster_sg]
    assert instances[0]["InstanceType"] == "m5.large"
    nodes = {n["metadata"]["name"]: n for n in env.kube.nodes()}
    by_dns = {i["PrivateDnsName"]: i for i in instances}
    assert set(nodes) == set(by_dns)
    for name, node in nodes.items():
        inst = by_dns[name]
        assert name.endswith(".us-west-2.compute.internal")
        assert node["spec"]["providerID"] == f"aws:///{inst['Placement']['AvailabilityZone']}/{inst['InstanceId']}"
        labels = node["metadata"]["labels"]
        assert labels["eks.amazonaws.com/nodegroup"] == "ng" and labels["eks.amazonaws.com/capacityType"] == "ON_DEMAND"
        assert labels["eks.amazonaws.com/nodegroup-image"] == inst["ImageId"] and labels["team"] == "a"
        assert labels["node.kubernetes.io/instance-type"] == "m5.large" and labels["topology.kubernetes.io/zone"] == inst["Placement"]["AvailabilityZone"]
        assert labels["kubernetes.io/hostname"] == name and labels["kubernetes.io/os"] == "linux" and labels["kubernetes.io/arch"] == "amd64"
        assert {"key": "dedicated", "value": "x", "effect": "NoSchedule"} in node["spec"]["taints"]
        assert ready(node) == "True"
    # Scaling changes the instance count; deleting terminates them.
    env.eks.update_nodegroup_config(clusterName="demo", nodegroupName="ng", scalingConfig={"minSize": 1, "maxSize": 3, "desiredSize": 3})
    assert wait_for(lambda: len(env.kube.nodes()) == 3)
    env.eks.delete_nodegroup(clusterName="demo", nodegroupName="ng")
    assert wait_for(lambda: env.kube.nodes() == [])
    states = {i["State"]["Name"] for r in env.ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]}
    assert states <= {"shutting-down", "terminated"}


def test_managed_nodegroup_without_addons_fails_with_node_creation_failure(emulator):
    env = Env(emulator, addons=())
    ng = env.managed(desired=2)
    assert ng["status"] == "CREATE_FAILED"
    issue = ng["health"]["issues"][0]
    assert issue["code"] == "NodeCreationFailure" and issue["message"] == "Instances failed to join the kubernetes cluster"
    assert len(issue["resourceIds"]) == 2 and all(i.startswith("i-") for i in issue["resourceIds"])
    # The instances registered but are NotReady: no CNI.
    nodes = env.kube.nodes()
    assert len(nodes) == 2 and all(ready(n) == "False" for n in nodes)
    message = next(c for c in nodes[0]["status"]["conditions"] if c["type"] == "Ready")
    assert message["reason"] == "KubeletNotReady" and "cni plugin not initialized" in message["message"]


@pytest.mark.emulator_env(**FAST, MOTO_EKS_NODEGROUP_CREATE_SECONDS="1")
def test_nodegroup_outcome_is_decided_when_creation_ends(emulator):
    env = Env(emulator, addons=())
    assert env.managed(desired=1)["status"] == "CREATING"
    # The add-ons arrive while the nodegroup is still CREATING: the nodes become Ready in time.
    env.eks.create_addon(clusterName="demo", addonName="vpc-cni")
    env.eks.create_addon(clusterName="demo", addonName="kube-proxy")
    time.sleep(1.3)
    assert env.eks.describe_nodegroup(clusterName="demo", nodegroupName="ng")["nodegroup"]["status"] == "ACTIVE"
    # A second one without the network plugin's permission fails, decided at the end of its delay.
    env.iam.create_role(RoleName="bare", AssumeRolePolicyDocument=EC2_TRUST)
    attach(env.iam, "bare", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly")
    env.eks.create_nodegroup(clusterName="demo", nodegroupName="ng2", nodeRole="arn:aws:iam::123456789012:role/bare", subnets=env.subnets,
                             scalingConfig={"minSize": 1, "maxSize": 1, "desiredSize": 1})
    time.sleep(1.3)
    attach(env.iam, "bare", "AmazonEKS_CNI_Policy")  # too late: the outcome was decided at the end of the delay
    ng2 = env.eks.describe_nodegroup(clusterName="demo", nodegroupName="ng2")["nodegroup"]
    assert ng2["status"] == "CREATE_FAILED" and ng2["health"]["issues"][0]["code"] == "NodeCreationFailure"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_ADDON_CREATE_SECONDS="1.5")
def test_nodegroup_waits_for_networking_addons_still_creating(emulator):
    # The add-ons were just asked for (CREATING for 1.5 s) and the nodegroup's own delay is 0 s:
    # AWS would still be waiting for the nodes, so the nodegroup stays CREATING until they are done.
    env = Env(emulator)
    ng = env.managed(desired=1)
    assert ng["status"] == "CREATING", ng
    addon = env.eks.describe_addon(clusterName="demo", addonName="vpc-cni")["addon"]
    assert addon["status"] == "CREATING"
    assert ready(env.kube.nodes()[0]) == "False"
    assert wait_for(lambda: env.eks.describe_nodegroup(clusterName="demo", nodegroupName="ng")["nodegroup"]["status"] == "ACTIVE")
    assert ready(env.kube.nodes()[0]) == "True"
    # Without them on their way, the outcome is decided at once: no add-on, no Ready node.
    env.eks.delete_addon(clusterName="demo", addonName="kube-proxy")
    assert wait_for(lambda: "kube-proxy" not in env.eks.list_addons(clusterName="demo")["addons"])
    ng2 = env.managed(ng="ng2", desired=1)
    assert ng2["status"] == "CREATE_FAILED" and ng2["health"]["issues"][0]["code"] == "NodeCreationFailure", ng2


def test_no_vpc_cni_means_not_ready(emulator):
    env = Env(emulator, addons=("kube-proxy",))
    env.managed(desired=1)
    node = env.kube.nodes()[0]
    assert ready(node) == "False" and "vpc-cni" in node["status"]["conditions"][-1]["message"]
    assert {"key": "node.kubernetes.io/not-ready", "effect": "NoSchedule"} in node["spec"]["taints"]
    env.eks.create_addon(clusterName="demo", addonName="vpc-cni")
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    assert "taints" not in env.kube.nodes()[0]["spec"]


def test_no_kube_proxy_means_not_ready(emulator):
    env = Env(emulator, addons=("vpc-cni",))
    env.managed(desired=1)
    node = env.kube.nodes()[0]
    assert ready(node) == "False" and "kube-proxy" in node["status"]["conditions"][-1]["message"]


def test_node_role_without_cni_policy_is_not_ready_until_vpc_cni_has_an_irsa_role(emulator):
    env = Env(emulator, addons=("kube-proxy",), node_policies=("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly"))
    env.eks.create_addon(clusterName="demo", addonName="vpc-cni")
    env.managed(desired=1)
    assert ready(env.kube.nodes()[0]) == "False"
    issuer = env.cluster["identity"]["oidc"]["issuer"].replace("https://", "")
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::123456789012:oidc-provider/{issuer}"},
                                                    "Action": "sts:AssumeRoleWithWebIdentity",
                                                    "Condition": {"StringEquals": {f"{issuer}:sub": "system:serviceaccount:kube-system:aws-node"}}}]}
    # IAM refuses a role trusting a provider that does not exist (eksup_moto_strict, rule 6).
    with pytest.raises(botocore.exceptions.ClientError):
        env.iam.create_role(RoleName="cni", AssumeRolePolicyDocument=json.dumps(trust))
    url = env.cluster["identity"]["oidc"]["issuer"]
    provider = env.iam.create_open_id_connect_provider(Url=url, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["0" * 40])
    role = env.iam.create_role(RoleName="cni", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
    attach(env.iam, "cni", "AmazonEKS_CNI_Policy")
    # The provider deleted after the role was made: aws-node cannot take the role.
    env.iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=provider["OpenIDConnectProviderArn"])
    env.eks.update_addon(clusterName="demo", addonName="vpc-cni", serviceAccountRoleArn=role)
    node = env.kube.nodes()[0]
    assert ready(node) == "False" and "no IAM OIDC provider" in node["status"]["conditions"][-1]["message"]
    env.iam.create_open_id_connect_provider(Url=url, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["0" * 40])
    assert wait_for(lambda: ready(env.kube.nodes()[0]) == "True")
    sa = env.kube.get("/api/v1/namespaces/kube-system/serviceaccounts/aws-node")
    assert sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"] == role


def test_coredns_is_creating_until_a_node_is_ready(emulator):
    env = Env(emulator, addons=("vpc-cni", "kube-proxy", "coredns"))
    assert env.eks.describe_addon(clusterName="demo", addonName="coredns")["addon"]["status"] == "CREATING"
    assert env.eks.describe_addon(clusterName="demo", addonName="vpc-cni")["addon"]["status"] == "ACTIVE"
    pending = env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]
    assert len(pending) == 2 and all(p["status"]["phase"] == "Pending" for p in pending)
    env.managed(desired=1)
    assert env.eks.describe_addon(clusterName="demo", addonName="coredns")["addon"]["status"] == "ACTIVE"
    running = env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns")["items"]
    assert all(p["status"]["phase"] == "Running" for p in running)
    assert running[0]["metadata"]["ownerReferences"][0]["kind"] == "ReplicaSet"
    ds_pods = env.kube.get("/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Daws-node")["items"]
    assert len(ds_pods) == 1 and ds_pods[0]["metadata"]["ownerReferences"][0]["kind"] == "DaemonSet"


@pytest.mark.emulator_env(**FAST, EKSUP_MOTO_LENIENT="1")
def test_lenient_mode_makes_every_node_ready(emulator):
    env = Env(emulator, addons=())
    assert env.managed(desired=1)["status"] == "ACTIVE"
    assert ready(env.kube.nodes()[0]) == "True"
    assert env.node_status()[0]["reason"].startswith("lenient") or env.node_status()[0]["reason"] == ""


# ---------------------------------------------------------------------------------------
# Self-managed nodes
# ---------------------------------------------------------------------------------------
def _status(env: Env) -> list[dict[str, Any]]:
    return env.node_status()


def test_self_managed_node_joins_with_an_access_entry(emulator):
    env = Env(emulator, mode="API_AND_CONFIG_MAP")
    env.ec2_linux_entry()
    env.self_managed(count=2)
    nodes = env.kube.nodes()
    assert len(nodes) == 2 and all(ready(n) == "True" for n in nodes)
    labels = nodes[0]["metadata"]["labels"]
    assert labels["role"] == "web" and "eks.amazonaws.com/nodegroup" not in labels
    assert {"key": "dedicated", "value": "web", "effect": "NoSchedule"} in nodes[0]["spec"]["taints"]
    # moto's ASG spread, the instance profile and the private DNS name as on AWS
    ids = [s["instance"] for s in _status(env)]
    instances = [i for r in env.ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]]
    assert {i["SubnetId"] for i in instances} == set(env.subnets)
    assert instances[0]["IamInstanceProfile"]["Arn"] == env.profile


def test_self_managed_without_access_entry_does_not_join(emulator):
    env = Env(emulator, mode="API")
    env.self_managed()
    assert env.kube.nodes() == []
    status = _status(env)
    assert status[0]["node"] is None and "no EC2_LINUX access entry" in status[0]["reason"]


def test_self_managed_joins_through_aws_auth_in_config_map_mode(emulator):
    env = Env(emulator, mode="CONFIG_MAP")
    env.self_managed()
    assert env.kube.nodes() == [] and "aws-auth" in _status(env)[0]["reason"]
    mapping = f"- rolearn: {env.node_role['Arn']}\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups:\n  - system:bootstrappers\n  - system:nodes\n"
    code, _ = env.kube.call("POST", "/api/v1/namespaces/kube-system/configmaps", {"metadata": {"name": "aws-auth"}, "data": {"mapRoles": mapping}})
    assert code == 201
    assert len(env.kube.nodes()) == 1


def test_aws_auth_without_node_groups_does_not_join(emulator):
    env = Env(emulator, mode="CONFIG_MAP")
    mapping = f"- rolearn: {env.node_role['Arn']}\n  username: system:node:{{{{EC2PrivateDNSName}}}}\n  groups:\n  - system:masters\n"
    env.kube.call("POST", "/api/v1/namespaces/kube-system/configmaps", {"metadata": {"name": "aws-auth"}, "data": {"mapRoles": mapping}})
    env.self_managed()
    assert env.kube.nodes() == [] and "system:bootstrappers" in _status(env)[0]["reason"]


@pytest.mark.parametrize("template", ["al2023", "al2", "bottlerocket"])
def test_self_managed_user_data_forms_join(emulator, template):
    env = Env(emulator)
    env.ec2_linux_entry()
    ssm = emulator.client("ssm")
    param = {"al2023": "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id",
             "al2": "/aws/service/eks/optimized-ami/1.34/amazon-linux-2/recommended/image_id",
             "bottlerocket": "/aws/service/bottlerocket/aws-k8s-1.34/x86_64/latest/image_id"}[template]
    image = ssm.get_parameter(Name=param)["Parameter"]["Value"]
    env.self_managed(user_data=env.user_data(template, labels="role=web,tier=a"), image=image)
    nodes = env.kube.nodes()
    assert len(nodes) == 1, _status(env)
    assert nodes[0]["metadata"]["labels"]["tier"] == "a"
    assert {"key": "dedicated", "value": "web", "effect": "NoSchedule"} in nodes[0]["spec"]["taints"]


def test_user_data_form_must_fit_the_ami(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(user_data=env.user_data("al2"))  # bootstrap.sh on an AL2023 image
    assert env.kube.nodes() == [] and "does not read" in _status(env)[0]["reason"]


@pytest.mark.parametrize("field,value,message", [
    ("endpoint", "https://127.0.0.1:1", "endpoint"),
    ("ca", "Q0FEQVRB", "certificate authority"),
    ("cidr", "10.200.0.0/16", "service CIDR"),
])
def test_wrong_bootstrap_values_do_not_join(emulator, field, value, message):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(user_data=env.user_data(**{field: value}))
    assert env.kube.nodes() == []
    assert message in _status(env)[0]["reason"]


def test_missing_node_to_control_plane_443_rule_does_not_join(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(sg=env.node_group_sg(allow_443=False))
    assert env.kube.nodes() == [] and "tcp/443" in _status(env)[0]["reason"]


def test_missing_control_plane_to_kubelet_10250_rule_does_not_join(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(sg=env.node_group_sg(allow_10250=False))
    assert env.kube.nodes() == [] and "tcp/10250" in _status(env)[0]["reason"]


def test_cidr_rules_also_open_the_paths(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    sg = env.ec2.create_security_group(GroupName="cidr", Description="n", VpcId=env.vpc)["GroupId"]
    env.ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 10250, "ToPort": 10250,
                                                                          "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}])
    env.ec2.authorize_security_group_ingress(GroupId=env.cluster_sg, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                                                                                      "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}])
    env.self_managed(sg=sg)
    assert len(env.kube.nodes()) == 1


def test_node_role_without_worker_policy_does_not_join(emulator):
    env = Env(emulator, node_policies=("AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy"))
    env.ec2_linux_entry()
    env.self_managed()
    assert env.kube.nodes() == [] and "AmazonEKSWorkerNodePolicy" in _status(env)[0]["reason"]


def test_node_role_without_ecr_policy_does_not_join(emulator):
    env = Env(emulator, node_policies=("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy"))
    env.ec2_linux_entry()
    env.self_managed()
    assert env.kube.nodes() == [] and "AmazonEC2ContainerRegistryReadOnly" in _status(env)[0]["reason"]


def test_instance_without_profile_does_not_join(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed(profile=None)
    assert env.kube.nodes() == [] and "no IAM instance profile" in _status(env)[0]["reason"]


@pytest.mark.emulator_env(**FAST, MOTO_K8S_NODE_JOIN_SECONDS="1")
def test_join_delay(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed()
    assert env.kube.nodes() == [] and "not registered yet" in _status(env)[0]["reason"]
    assert wait_for(lambda: env.kube.nodes(), timeout=5)


def test_terminated_instance_loses_its_node(emulator):
    env = Env(emulator)
    env.ec2_linux_entry()
    env.self_managed()
    [node] = env.kube.nodes()
    instance = _status(env)[0]["instance"]
    env.ec2.terminate_instances(InstanceIds=[instance])
    # The node (and its pods) go; the Auto Scaling group's replacement registers as a new node.
    assert wait_for(lambda: node["metadata"]["name"] not in [n["metadata"]["name"] for n in env.kube.nodes()])
    assert not env.kube.get(f"/api/v1/pods?fieldSelector=spec.nodeName%3D{node['metadata']['name']}")["items"]


def test_managed_nodegroup_role_gets_an_access_entry_or_aws_auth_mapping(emulator):
    env = Env(emulator, mode="API")
    env.managed(desired=1)
    entry = env.eks.describe_access_entry(clusterName="demo", principalArn=env.node_role["Arn"])["accessEntry"]
    assert entry["type"] == "EC2_LINUX"
    cm_env = Env(emulator, name="cm", mode="CONFIG_MAP")
    cm_env.managed(desired=1)
    aws_auth = cm_env.kube.get("/api/v1/namespaces/kube-system/configmaps/aws-auth")
    assert cm_env.node_role["Arn"] in aws_auth["data"]["mapRoles"]


def test_describe_shapes_stay_compatible(emulator):
    env = Env(emulator)
    cluster = env.eks.describe_cluster(name="demo")["cluster"]
    assert cluster["status"] == "ACTIVE" and cluster["certificateAuthority"]["data"] and cluster["resourcesVpcConfig"]["vpcId"] == env.vpc
    assert cluster["kubernetesNetworkConfig"]["serviceIpv4Cidr"] == "172.20.0.0/16"  # the VPC is inside 10.0.0.0/8
    ng = env.managed(desired=1)
    for key in ("nodegroupName", "nodegroupArn", "status", "scalingConfig", "instanceTypes", "subnets", "nodeRole", "resources", "health"):
        assert key in ng
