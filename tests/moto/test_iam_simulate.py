"""iam:SimulatePrincipalPolicy on the caller's identity (eksup_moto_iam.py)."""

from __future__ import annotations

import json

import boto3
import pytest
from botocore.exceptions import ClientError

ACCOUNT = "123456789012"


def policy(*statements: dict) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def allow(action, resource="*", **extra) -> dict:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action, resource="*", **extra) -> dict:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def decisions(iam, arn: str, actions: list[str], **kwargs) -> dict[str, str]:
    results = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=actions, **kwargs)["EvaluationResults"]
    return {r["EvalActionName"]: r["EvalDecision"] for r in results}


def error_of(call, *args, **kwargs) -> tuple[str, str, int]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    response = raised.value.response
    return response["Error"]["Code"], response["Error"]["Message"], response["ResponseMetadata"]["HTTPStatusCode"]


def test_restricted_user_from_its_own_access_key(emulator):
    iam = emulator.client("iam")
    iam.create_user(UserName="deployer")
    iam.put_user_policy(UserName="deployer", PolicyName="network", PolicyDocument=policy(
        allow(["ec2:Describe*", "ec2:CreateVpc", "ec2:CreateSubnet"]),
        deny("ec2:CreateVpc")))
    iam.create_group(GroupName="readers")
    iam.add_user_to_group(GroupName="readers", UserName="deployer")
    iam.put_group_policy(GroupName="readers", PolicyName="eks-read", PolicyDocument=policy(allow("eks:Describe*")))
    managed = iam.create_policy(PolicyName="iam-read", PolicyDocument=policy(allow("iam:Get*")))["Policy"]["Arn"]
    iam.attach_user_policy(UserName="deployer", PolicyArn=managed)
    key = iam.create_access_key(UserName="deployer")["AccessKey"]

    # What eksup does: GetCallerIdentity with the user's keys, then simulate on that ARN.
    session = boto3.session.Session(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"], region_name=emulator.region)
    me = session.client("sts", endpoint_url=emulator.endpoint).get_caller_identity()
    assert me["Arn"] == f"arn:aws:iam::{ACCOUNT}:user/deployer" and me["Account"] == ACCOUNT
    caller_iam = session.client("iam", endpoint_url=emulator.endpoint)
    results = caller_iam.simulate_principal_policy(PolicySourceArn=me["Arn"], ActionNames=[
        "ec2:DescribeVpcs", "ec2:CreateVpc", "ec2:CreateSubnet", "eks:DescribeCluster", "eks:CreateCluster", "iam:GetRole",
        "iam:CreateRole"])["EvaluationResults"]
    by_action = {r["EvalActionName"]: r for r in results}
    assert {a: r["EvalDecision"] for a, r in by_action.items()} == {
        "ec2:DescribeVpcs": "allowed", "ec2:CreateVpc": "explicitDeny", "ec2:CreateSubnet": "allowed",
        "eks:DescribeCluster": "allowed", "eks:CreateCluster": "implicitDeny", "iam:GetRole": "allowed", "iam:CreateRole": "implicitDeny"}
    assert all(r["EvalResourceName"] == "*" for r in results)
    assert by_action["ec2:CreateVpc"]["MatchedStatements"] == [{"SourcePolicyId": "network", "SourcePolicyType": "user"}]
    assert by_action["eks:DescribeCluster"]["MatchedStatements"] == [{"SourcePolicyId": "eks-read", "SourcePolicyType": "group"}]
    assert by_action["iam:GetRole"]["MatchedStatements"] == [{"SourcePolicyId": "iam-read", "SourcePolicyType": "user-managed"}]
    assert by_action["eks:CreateCluster"]["MatchedStatements"] == []


def test_dummy_credentials_and_unknown_principals(emulator):
    iam, sts = emulator.client("iam"), emulator.client("sts")
    # The emulator's dummy keys belong to no IAM user: moto answers a made-up user that IAM does not know.
    caller = sts.get_caller_identity()["Arn"]
    assert caller == f"arn:aws:sts::{ACCOUNT}:user/moto"
    assert error_of(iam.simulate_principal_policy, PolicySourceArn=caller, ActionNames=["ec2:CreateVpc"]) == (
        "NoSuchEntity", "The user with name moto cannot be found.", 404)
    assert error_of(iam.simulate_principal_policy, PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:role/ghost", ActionNames=["s3:*"])[:2] == (
        "NoSuchEntity", "The role with name ghost cannot be found.")
    assert error_of(iam.simulate_principal_policy, PolicySourceArn=f"arn:aws:iam::{ACCOUNT}:policy/p", ActionNames=["s3:*"])[0] == "InvalidInput"


def test_assumed_role_needs_the_role_arn(emulator):
    iam, sts = emulator.client("iam"), emulator.client("sts")
    trust = policy({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}, "Action": "sts:AssumeRole"})
    role = iam.create_role(RoleName="admin", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    iam.put_role_policy(RoleName="admin", PolicyName="all", PolicyDocument=policy(allow("*")))
    creds = sts.assume_role(RoleArn=role, RoleSessionName="alice")["Credentials"]
    session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                                    aws_session_token=creds["SessionToken"], region_name=emulator.region)
    caller = session.client("sts", endpoint_url=emulator.endpoint).get_caller_identity()["Arn"]
    assert caller == f"arn:aws:sts::{ACCOUNT}:assumed-role/admin/alice"
    assert error_of(iam.simulate_principal_policy, PolicySourceArn=caller, ActionNames=["ec2:CreateVpc"]) == (
        "InvalidInput", f"Invalid Entity Arn: {caller} does not clearly define entity type and name.", 400)
    assert decisions(iam, role, ["ec2:CreateVpc"]) == {"ec2:CreateVpc": "allowed"}


def test_wildcards_not_action_resources_and_conditions(emulator):
    iam = emulator.client("iam")
    iam.create_user(UserName="u")
    iam.put_user_policy(UserName="u", PolicyName="p", PolicyDocument=policy(
        allow("IAM:*"),  # action matching ignores case
        allow("ec2:Describe?pcs"),
        {"Effect": "Allow", "NotAction": ["s3:*", "ec2:*", "iam:*", "autoscaling:*"], "Resource": "*"},
        allow("autoscaling:CreateAutoScalingGroup", "arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/eks-*"),
        allow("s3:GetObject", "*", Condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}})))
    arn = f"arn:aws:iam::{ACCOUNT}:user/u"
    assert decisions(iam, arn, ["iam:PassRole", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "eks:CreateCluster", "s3:PutObject",
                                "autoscaling:CreateAutoScalingGroup"]) == {
        "iam:PassRole": "allowed", "ec2:DescribeVpcs": "allowed", "ec2:DescribeSubnets": "implicitDeny",
        "eks:CreateCluster": "allowed", "s3:PutObject": "implicitDeny",
        "autoscaling:CreateAutoScalingGroup": "implicitDeny"}  # the policy names ASGs, not "*"
    group = "arn:aws:autoscaling:us-west-2:123456789012:autoScalingGroup:1:autoScalingGroupName/"
    results = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["autoscaling:CreateAutoScalingGroup"],
                                            ResourceArns=[group + "eks-ng", group + "other"])["EvaluationResults"]
    assert [(r["EvalResourceName"], r["EvalDecision"]) for r in results] == [(group + "eks-ng", "allowed"), (group + "other", "implicitDeny")]
    [s3] = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["s3:GetObject"])["EvaluationResults"]
    assert s3["EvalDecision"] == "implicitDeny" and s3["MissingContextValues"] == ["aws:MultiFactorAuthPresent"]


def test_role_policies_managed_by_aws_and_permissions_boundary(emulator):
    iam = emulator.client("iam")
    trust = policy({"Effect": "Allow", "Principal": {"Service": "eks.amazonaws.com"}, "Action": "sts:AssumeRole"})
    arn = iam.create_role(RoleName="cluster", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
    iam.attach_role_policy(RoleName="cluster", PolicyArn="arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")
    [result] = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["ec2:CreateSecurityGroup"])["EvaluationResults"]
    assert result["EvalDecision"] == "allowed"
    assert result["MatchedStatements"] == [{"SourcePolicyId": "AmazonEKSClusterPolicy", "SourcePolicyType": "aws-managed"}]
    assert "PermissionsBoundaryDecisionDetail" not in result

    boundary = iam.create_policy(PolicyName="boundary", PolicyDocument=policy(allow("ec2:Describe*"), deny("ec2:DeleteRoute")))["Policy"]["Arn"]
    iam.put_role_permissions_boundary(RoleName="cluster", PermissionsBoundary=boundary)
    results = {r["EvalActionName"]: r for r in iam.simulate_principal_policy(
        PolicySourceArn=arn, ActionNames=["ec2:CreateSecurityGroup", "ec2:DescribeVpcs", "ec2:DeleteRoute"])["EvaluationResults"]}
    assert {a: r["EvalDecision"] for a, r in results.items()} == {
        "ec2:CreateSecurityGroup": "implicitDeny", "ec2:DescribeVpcs": "allowed", "ec2:DeleteRoute": "explicitDeny"}
    assert results["ec2:CreateSecurityGroup"]["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": False}
    assert results["ec2:DescribeVpcs"]["PermissionsBoundaryDecisionDetail"] == {"AllowedByPermissionsBoundary": True}

    # PolicyInputList adds policies to the simulation.
    extra = iam.simulate_principal_policy(PolicySourceArn=arn, ActionNames=["ec2:DescribeVpcs"],
                                          PolicyInputList=[policy(deny("ec2:Describe*"))])["EvaluationResults"][0]
    assert extra["EvalDecision"] == "explicitDeny"
    assert extra["MatchedStatements"] == [{"SourcePolicyId": "PolicyInputList.1", "SourcePolicyType": "none"}]
