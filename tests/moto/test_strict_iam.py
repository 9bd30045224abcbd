"""IAM propagation and EKS role checks (eksup_moto_strict.py, rules 3 and 4)."""

from __future__ import annotations

import base64
import json
import time

import pytest
from botocore.exceptions import ClientError

POLICY = "arn:aws:iam::aws:policy/"
FAST_EC2 = {"MOTO_EC2_NOT_FOUND_SECONDS": "0"}


def trust(service: str) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})


def error_of(call, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    return raised.value.response["Error"]["Code"], raised.value.response["Error"]["Message"]


def role(iam, name: str, service: str, *policies: str) -> str:
    arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust(service))["Role"]["Arn"]
    for policy in policies:
        iam.attach_role_policy(RoleName=name, PolicyArn=POLICY + policy)
    return arn


def subnets(ec2) -> list[str]:
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    return [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az)["Subnet"]["SubnetId"]
            for i, az in enumerate(["us-west-2a", "us-west-2b"])]


def assumed(arn: str) -> str:
    return f"Role with arn: {arn}, could not be assumed because it does not exist or the trusted entity is not correct"


def test_new_cluster_role_cannot_be_assumed_until_it_propagates(emulator):
    ec2, iam, eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
    ids = subnets(ec2)
    arn = role(iam, "cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy")
    create = lambda: eks.create_cluster(name="demo", roleArn=arn, resourcesVpcConfig={"subnetIds": ids})  # noqa: E731
    assert error_of(create) == ("InvalidParameterException", assumed(arn))
    time.sleep(3.05)
    assert create()["cluster"]["status"] in ("CREATING", "ACTIVE")

    # A trust policy change starts the window again.
    iam.update_assume_role_policy(RoleName="cluster", PolicyDocument=trust("eks.amazonaws.com").replace('"Action"', '"Sid": "x", "Action"'))
    assert error_of(eks.create_cluster, name="other", roleArn=arn, resourcesVpcConfig={"subnetIds": ids}) == ("InvalidParameterException", assumed(arn))


@pytest.mark.emulator_env(MOTO_IAM_ROLE_PROPAGATION_SECONDS="0")
def test_cluster_role_must_exist_trust_eks_and_have_the_cluster_policy(emulator):
    ec2, iam, eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
    ids = subnets(ec2)
    ghost = "arn:aws:iam::123456789012:role/ghost"
    assert error_of(eks.create_cluster, name="demo", roleArn=ghost, resourcesVpcConfig={"subnetIds": ids}) == ("InvalidParameterException", assumed(ghost))
    wrong = role(iam, "wrong-trust", "ec2.amazonaws.com", "AmazonEKSClusterPolicy")
    assert error_of(eks.create_cluster, name="demo", roleArn=wrong, resourcesVpcConfig={"subnetIds": ids}) == ("InvalidParameterException", assumed(wrong))
    bare = role(iam, "no-policy", "eks.amazonaws.com")
    code, message = error_of(eks.create_cluster, name="demo", roleArn=bare, resourcesVpcConfig={"subnetIds": ids})
    assert code == "InvalidParameterException" and message.endswith("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")
    iam.attach_role_policy(RoleName="no-policy", PolicyArn=POLICY + "AmazonEKSClusterPolicy")
    eks.create_cluster(name="demo", roleArn=bare, resourcesVpcConfig={"subnetIds": ids})


@pytest.mark.emulator_env(MOTO_IAM_ROLE_PROPAGATION_SECONDS="2")
def test_nodegroup_and_fargate_roles_propagate_and_are_checked(emulator):
    ec2, iam, eks = emulator.client("ec2"), emulator.client("iam"), emulator.client("eks")
    ids = subnets(ec2)
    cluster_role = role(iam, "cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy")
    time.sleep(2.05)
    eks.create_cluster(name="demo", roleArn=cluster_role, resourcesVpcConfig={"subnetIds": ids})

    node = role(iam, "node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly")
    pods = role(iam, "pods", "eks-fargate-pods.amazonaws.com", "AmazonEKSFargatePodExecutionRolePolicy")
    nodegroup = lambda name, arn: eks.create_nodegroup(clusterName="demo", nodegroupName=name, nodeRole=arn, subnets=ids)  # noqa: E731
    fargate = lambda name, arn: eks.create_fargate_profile(clusterName="demo", fargateProfileName=name, podExecutionRoleArn=arn,  # noqa: E731
                                                           selectors=[{"namespace": "default"}])
    assert error_of(nodegroup, "ng", node) == ("InvalidParameterException", assumed(node))
    assert error_of(fargate, "fp", pods) == ("InvalidParameterException", assumed(pods))

    time.sleep(2.05)
    untrusted = role(iam, "untrusted", "eks.amazonaws.com", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly")
    missing = role(iam, "missing", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy")
    time.sleep(2.05)
    assert error_of(nodegroup, "ng", untrusted) == (
        "InvalidParameterException",
        f"Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole {untrusted}")
    assert error_of(nodegroup, "ng", missing) == (
        "InvalidParameterException",
        "The provided role doesn't have the Amazon EKS Managed Policies associated with it. Please ensure the following policies "
        "[arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy, arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly] are attached")
    assert error_of(fargate, "fp", node)[1] == "Misconfigured PodExecutionRole Trust Policy; Please add the eks-fargate-pods.amazonaws.com Service Principal"
    assert nodegroup("ng", node)["nodegroup"]["nodeRole"] == node
    assert fargate("fp", pods)["fargateProfile"]["podExecutionRoleArn"] == pods


@pytest.mark.emulator_env(EKSUP_MOTO_LENIENT="1")
def test_lenient_accepts_any_role(emulator):
    ids = subnets(emulator.client("ec2"))
    emulator.client("eks").create_cluster(name="demo", roleArn="arn:aws:iam::123456789012:role/ghost", resourcesVpcConfig={"subnetIds": ids})


def launch_template(ec2, name: str, profile: dict) -> str:
    return ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData={
        "ImageId": "ami-12c6146b", "InstanceType": "t3.medium", "IamInstanceProfile": profile,
        "UserData": base64.b64encode(b"#!/bin/sh\n").decode()})["LaunchTemplate"]["LaunchTemplateId"]


@pytest.mark.emulator_env(MOTO_INSTANCE_PROFILE_PROPAGATION_SECONDS="2", **FAST_EC2)
def test_new_instance_profile_is_invalid_in_a_launch_template_until_it_propagates(emulator):
    ec2, iam, asg = emulator.client("ec2"), emulator.client("iam"), emulator.client("autoscaling")
    ids = subnets(ec2)
    iam.create_role(RoleName="node", AssumeRolePolicyDocument=trust("ec2.amazonaws.com"))
    profile = iam.create_instance_profile(InstanceProfileName="nodes")["InstanceProfile"]
    iam.add_role_to_instance_profile(InstanceProfileName="nodes", RoleName="node")
    by_arn = launch_template(ec2, "by-arn", {"Arn": profile["Arn"]})
    by_name = launch_template(ec2, "by-name", {"Name": "nodes"})
    create = lambda name, lt: asg.create_auto_scaling_group(  # noqa: E731
        AutoScalingGroupName=name, MinSize=0, MaxSize=1, DesiredCapacity=0, VPCZoneIdentifier=",".join(ids),
        LaunchTemplate={"LaunchTemplateId": lt, "Version": "$Latest"})
    assert error_of(create, "a", by_arn) == (
        "ValidationError",
        f"You must use a valid fully-formed launch template. Value ({profile['Arn']}) for parameter iamInstanceProfile.arn is invalid. "
        "Invalid IAM Instance Profile ARN")
    assert error_of(create, "b", by_name) == (
        "ValidationError",
        "You must use a valid fully-formed launch template. Value (nodes) for parameter iamInstanceProfile.name is invalid. "
        "Invalid IAM Instance Profile name")
    assert error_of(ec2.run_instances, MinCount=1, MaxCount=1, SubnetId=ids[0], LaunchTemplate={"LaunchTemplateId": by_name})[0] == "InvalidParameterValue"
    time.sleep(2.05)
    create("a", by_arn)
    create("b", by_name)
    ec2.run_instances(MinCount=1, MaxCount=1, SubnetId=ids[0], LaunchTemplate={"LaunchTemplateId": by_name})

    # A profile that does not exist is refused the same way, whatever its age.
    ghost = launch_template(ec2, "ghost", {"Name": "ghost"})
    assert error_of(create, "c", ghost)[0] == "ValidationError"


def test_a_role_cannot_trust_an_oidc_provider_that_does_not_exist(emulator):
    iam = emulator.client("iam")
    provider = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC"
    document = json.dumps({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Federated": provider}, "Action": "sts:AssumeRoleWithWebIdentity",
        "Condition": {"StringEquals": {"oidc.eks.us-west-2.amazonaws.com/id/ABC:sub": "system:serviceaccount:a:b"}}}]})
    code, message = error_of(iam.create_role, RoleName="irsa", AssumeRolePolicyDocument=document)
    assert (code, message) == ("MalformedPolicyDocument", f'Invalid principal in policy: "Federated":"{provider}"')
    role(iam, "plain", "ec2.amazonaws.com")
    assert error_of(iam.update_assume_role_policy, RoleName="plain", PolicyDocument=document)[0] == "MalformedPolicyDocument"
    iam.create_open_id_connect_provider(Url="https://oidc.eks.us-west-2.amazonaws.com/id/ABC",
                                       ClientIDList=["sts.amazonaws.com"], ThumbprintList=["9" * 40])
    assert iam.create_role(RoleName="irsa", AssumeRolePolicyDocument=document)["Role"]["RoleName"] == "irsa"


def test_a_roles_inline_policies_hold_10240_characters_together(emulator):
    iam = emulator.client("iam")
    role(iam, "big", "ec2.amazonaws.com")

    def document(actions: int) -> str:
        return json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": [f"s3:Get{i:05d}" for i in range(actions)], "Resource": "*"}]})

    iam.put_role_policy(RoleName="big", PolicyName="one", PolicyDocument=document(300))  # 4,563 characters without whitespace
    iam.put_role_policy(RoleName="big", PolicyName="one", PolicyDocument=document(320))  # replacing it counts once
    code, message = error_of(iam.put_role_policy, RoleName="big", PolicyName="two", PolicyDocument=document(400))
    assert (code, message) == ("LimitExceeded", "Maximum policy size of 10240 bytes exceeded for role big")
    iam.put_role_policy(RoleName="big", PolicyName="two", PolicyDocument=document(100))


def test_every_aws_managed_policy_exists_even_those_not_loaded_up_front(emulator):
    iam = emulator.client("iam")
    role(iam, "reader", "ec2.amazonaws.com", "AmazonS3ReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess")
    attached = iam.list_attached_role_policies(RoleName="reader")["AttachedPolicies"]
    assert sorted(p["PolicyName"] for p in attached) == ["AmazonDynamoDBReadOnlyAccess", "AmazonS3ReadOnlyAccess"]
    assert iam.get_policy(PolicyArn=POLICY + "AmazonElastiCacheFullAccess")["Policy"]["PolicyName"] == "AmazonElastiCacheFullAccess"
    code, _ = error_of(iam.attach_role_policy, RoleName="reader", PolicyArn=POLICY + "NoSuchPolicyAnywhere")
    assert code == "NoSuchEntity"
