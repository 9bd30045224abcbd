"""iam:CreateServiceLinkedRole for Amazon EMR on EKS (eksup_moto_iam), and what EKS access entries
make of that role (eksup_moto_eks)."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)

ACCOUNT = "123456789012"
EMR = "emr-containers.amazonaws.com"
NAME = "AWSServiceRoleForAmazonEMRContainers"
ARN = f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/{EMR}/{NAME}"
PATHLESS_ARN = f"arn:aws:iam::{ACCOUNT}:role/{NAME}"
POLICY_ARN = "arn:aws:iam::aws:policy/aws-service-role/AmazonEMRContainersServiceRolePolicy"


def error_of(call, *args, **kwargs) -> tuple[int, str, str]:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    response = raised.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"]["Message"]


def test_emr_containers_service_linked_role_is_named_placed_trusted_and_given_its_policy(emulator):
    iam = emulator.client("iam")
    role = iam.create_service_linked_role(AWSServiceName=EMR)["Role"]
    assert role["RoleName"] == NAME
    assert role["Path"] == f"/aws-service-role/{EMR}/"
    assert role["Arn"] == ARN
    got = iam.get_role(RoleName=NAME)["Role"]
    assert got["Arn"] == ARN and got["Path"] == f"/aws-service-role/{EMR}/"
    assert got["AssumeRolePolicyDocument"] == {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": EMR}, "Action": "sts:AssumeRole"}]}
    attached = iam.list_attached_role_policies(RoleName=NAME)["AttachedPolicies"]
    assert attached == [{"PolicyName": "AmazonEMRContainersServiceRolePolicy", "PolicyArn": POLICY_ARN}]
    assert [r["RoleName"] for r in iam.list_roles(PathPrefix="/aws-service-role/")["Roles"]] == [NAME]


def test_a_second_call_fails_as_aws_does(emulator):
    iam = emulator.client("iam")
    iam.create_service_linked_role(AWSServiceName=EMR)
    assert error_of(iam.create_service_linked_role, AWSServiceName=EMR) == (
        400, "InvalidInput", f"Service role name {NAME} has been taken in this account, please try a different suffix.")
    assert len([r for r in iam.list_roles()["Roles"] if r["RoleName"] == NAME]) == 1


def test_a_role_of_that_name_in_any_case_takes_the_name(emulator):
    iam = emulator.client("iam")
    trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
    iam.create_role(RoleName=NAME.lower(), AssumeRolePolicyDocument=trust)
    assert error_of(iam.create_service_linked_role, AWSServiceName=EMR)[1:] == (
        "InvalidInput", f"Service role name {NAME} has been taken in this account, please try a different suffix.")


def test_other_services_keep_motos_naming_and_get_the_same_refusal(emulator):
    iam = emulator.client("iam")
    name = iam.create_service_linked_role(AWSServiceName="autoscaling.amazonaws.com")["Role"]["RoleName"]
    assert name == "AWSServiceRoleForAutoScaling"
    assert error_of(iam.create_service_linked_role, AWSServiceName="autoscaling.amazonaws.com")[1:] == (
        "InvalidInput", "Service role name AWSServiceRoleForAutoScaling has been taken in this account, please try a different suffix.")


def test_the_pathless_arn_does_not_name_the_role_for_an_access_entry(emulator):
    env = Env(emulator, addons=(), mode="API_AND_CONFIG_MAP")
    emulator.client("iam").create_service_linked_role(AWSServiceName=EMR)
    code, error, message = error_of(env.eks.create_access_entry, clusterName=env.name, principalArn=PATHLESS_ARN,
                                    username="emr-containers")
    assert (code, error) == (400, "InvalidParameterException") and message.startswith("The specified principalArn is invalid: invalid principal")


def test_eks_refuses_an_access_entry_for_the_service_linked_role(emulator):
    env = Env(emulator, addons=(), mode="API_AND_CONFIG_MAP")
    emulator.client("iam").create_service_linked_role(AWSServiceName=EMR)
    assert error_of(env.eks.create_access_entry, clusterName=env.name, principalArn=ARN, username="emr-containers") == (
        400, "InvalidParameterException", "The caller is not allowed to modify access entries with a principalArn value of a Service Linked Role")
