"""Requests EKS refuses: unsupported Kubernetes versions, and CreateNodegroup launch templates
(eksup_moto_eks.create_cluster, _check_launch_template)."""

from __future__ import annotations

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)


def create(env: Env, ng: str, template: dict, **kw):
    return env.eks.create_nodegroup(clusterName=env.name, nodegroupName=ng, nodeRole=env.node_role["Arn"], subnets=env.subnets,
                                    scalingConfig={"minSize": 0, "maxSize": 2, "desiredSize": 1}, launchTemplate=template, **kw)


def error_of(call) -> str:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call()
    return f"{e.value.response['Error']['Code']}: {e.value.response['Error']['Message']}"


def test_unknown_template_or_version_is_refused(emulator):
    env = Env(emulator)
    # eksup once sent `lt-...:1` as the id: AWS finds no such template.
    lt = env.ec2.create_launch_template(LaunchTemplateName="t", LaunchTemplateData={"InstanceType": "m5.large"})["LaunchTemplate"]
    assert "InvalidParameterException" in error_of(lambda: create(env, "ng", {"id": lt["LaunchTemplateId"] + ":1"}))
    assert "InvalidParameterException" in error_of(lambda: create(env, "ng", {"id": lt["LaunchTemplateId"], "version": "7"}))
    ng = create(env, "ng", {"id": lt["LaunchTemplateId"], "version": "1"})["nodegroup"]
    assert ng["launchTemplate"]["id"] == lt["LaunchTemplateId"] and ng["launchTemplate"]["version"] == "1"
    assert ng["instanceTypes"] == ["m5.large"]


def test_an_image_in_the_template_forbids_an_ami_type_and_makes_it_custom(emulator):
    env = Env(emulator)
    image = env.ec2.describe_images(Owners=["602401143452"])["Images"][0]["ImageId"]
    lt = env.ec2.create_launch_template(LaunchTemplateName="img", LaunchTemplateData={"ImageId": image})["LaunchTemplate"]
    message = error_of(lambda: create(env, "ng", {"id": lt["LaunchTemplateId"]}, amiType="AL2023_x86_64_STANDARD"))
    assert "AMI Type other than CUSTOM" in message
    ng = create(env, "ng", {"id": lt["LaunchTemplateId"]})["nodegroup"]
    assert ng["amiType"] == "CUSTOM"


def test_instance_types_cannot_be_in_both(emulator):
    env = Env(emulator)
    lt = env.ec2.create_launch_template(LaunchTemplateName="typed", LaunchTemplateData={"InstanceType": "m5.large"})["LaunchTemplate"]
    message = error_of(lambda: create(env, "ng", {"id": lt["LaunchTemplateId"]}, instanceTypes=["m5.large"]))
    assert "both launch template and nodegroup" in message


def test_unsupported_kubernetes_versions_are_refused(emulator):
    env = Env(emulator)
    message = error_of(lambda: env.eks.create_cluster(name="old", version="1.21", roleArn=env.cluster["roleArn"],
                                                       resourcesVpcConfig={"subnetIds": env.subnets}))
    assert message == "InvalidParameterException: unsupported Kubernetes version 1.21"


def test_cluster_security_groups_must_exist_in_the_subnets_vpc(emulator):
    ec2, eks, iam = emulator.client("ec2"), emulator.client("eks"), emulator.client("iam")
    trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
    role = iam.create_role(RoleName="cluster", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    iam.attach_role_policy(RoleName="cluster", PolicyArn="arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")

    def network(cidr: str) -> tuple[str, list[str]]:
        vpc = ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
        prefix = cidr.rsplit(".", 2)[0]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"{prefix}.{i * 16}.0/20", AvailabilityZone=f"us-west-2{z}")["Subnet"]["SubnetId"]
                   for i, z in enumerate("ab")]
        return vpc, subnets

    vpc, subnets = network("10.1.0.0/16")
    other, _ = network("10.2.0.0/16")
    mine = ec2.create_security_group(GroupName="mine", Description="d", VpcId=vpc)["GroupId"]
    theirs = ec2.create_security_group(GroupName="theirs", Description="d", VpcId=other)["GroupId"]

    def create(name: str, groups: list[str]):
        return eks.create_cluster(name=name, roleArn=role, resourcesVpcConfig={"subnetIds": subnets, "securityGroupIds": groups})

    assert error_of(lambda: create("a", ["sg-0123456789abcdef0"])) == \
        "InvalidParameterException: The security group 'sg-0123456789abcdef0' does not exist"
    assert "is not in the VPC of the subnets" in error_of(lambda: create("b", [theirs]))
    assert "up to 5 security groups" in error_of(lambda: create("c", [mine] * 6))
    assert create("d", [mine])["cluster"]["resourcesVpcConfig"]["securityGroupIds"] == [mine]


def test_control_plane_egress_mode_goes_to_customer_routed_for_good(emulator):
    """``resourcesVpcConfig.controlPlaneEgressMode``: AWS_MANAGED unless asked, one of AWS's values,
    changed in place to CUSTOMER_ROUTED, never back (EKS's API reference, VpcConfigRequest)."""
    env = Env(emulator, "egress")
    vpc = env.eks.describe_cluster(name="egress")["cluster"]["resourcesVpcConfig"]
    assert vpc["controlPlaneEgressMode"] == "AWS_MANAGED"
    assert "InvalidParameterException" in error_of(lambda: env.eks.create_cluster(
        name="other", roleArn="arn:aws:iam::123456789012:role/egress-cluster",
        resourcesVpcConfig={"subnetIds": env.subnets, "controlPlaneEgressMode": "SOMETIMES"}))
    env.eks.update_cluster_config(name="egress", resourcesVpcConfig={"controlPlaneEgressMode": "CUSTOMER_ROUTED"})
    vpc = env.eks.describe_cluster(name="egress")["cluster"]["resourcesVpcConfig"]
    assert vpc["controlPlaneEgressMode"] == "CUSTOMER_ROUTED"
    assert vpc["endpointPublicAccess"] is True, "the other settings stay"
    refused = error_of(lambda: env.eks.update_cluster_config(name="egress", resourcesVpcConfig={"controlPlaneEgressMode": "AWS_MANAGED"}))
    assert "InvalidParameterException" in refused and "CUSTOMER_ROUTED" in refused, refused
