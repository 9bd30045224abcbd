"""EKS clientRequestToken: a retried create returns the resource it created
(eksup_moto_eks.idempotent)."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)
PODS_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "eks-fargate-pods.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def code_of(call, *args, **kwargs) -> str:
    with pytest.raises(ClientError) as raised:
        call(*args, **kwargs)
    return raised.value.response["Error"]["Code"]


def test_create_cluster_with_the_same_token_returns_the_cluster(emulator):
    env = Env(emulator, addons=())
    eks = env.eks
    create = dict(name="second", version="1.34", roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets})
    first = eks.create_cluster(clientRequestToken="token-1", **create)["cluster"]
    again = eks.create_cluster(clientRequestToken="token-1", **create)["cluster"]
    assert (again["arn"], again["createdAt"], again["clientRequestToken"]) == (first["arn"], first["createdAt"], "token-1")
    assert again["resourcesVpcConfig"]["clusterSecurityGroupId"] == first["resourcesVpcConfig"]["clusterSecurityGroupId"]
    # Another token (botocore makes a fresh one per call), or the token with other parameters: in use.
    assert code_of(eks.create_cluster, **create) == "ResourceInUseException"
    assert code_of(eks.create_cluster, clientRequestToken="token-1", tags={"a": "b"}, **create) == "ResourceInUseException"
    assert code_of(eks.create_cluster, name="demo", roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets},
                   clientRequestToken="token-1") == "ResourceInUseException"  # token of another cluster
    assert sorted(eks.list_clusters()["clusters"]) == ["demo", "second"]


def test_sdk_retry_after_a_lost_create_cluster_answer_succeeds(emulator):
    env = Env(emulator, addons=())
    emulator.control("POST", "/eksup-test/faults", {"operation": "eks:CreateCluster", "after": True})
    # boto3 retries the 500 with the same clientRequestToken: the cluster made by the first try comes back.
    cluster = env.eks.create_cluster(name="retried", version="1.34", roleArn=env.cluster["roleArn"],
                                     resourcesVpcConfig={"subnetIds": env.subnets})["cluster"]
    assert cluster["name"] == "retried" and cluster["status"] in ("CREATING", "ACTIVE")
    assert emulator.control("GET", "/eksup-test/calls")["eks:CreateCluster"] == 3  # Env's, the lost one, the retry


def test_nodegroup_fargate_addon_and_access_entry_tokens(emulator):
    env = Env(emulator, addons=())
    eks, name = env.eks, env.name

    ng = dict(clusterName=name, nodegroupName="ng", nodeRole=env.node_role["Arn"], subnets=env.subnets,
              scalingConfig={"minSize": 0, "maxSize": 2, "desiredSize": 1}, instanceTypes=["m5.large"])
    first = eks.create_nodegroup(clientRequestToken="ng-1", **ng)["nodegroup"]
    again = eks.create_nodegroup(clientRequestToken="ng-1", **ng)["nodegroup"]
    assert again["nodegroupArn"] == first["nodegroupArn"]
    assert again["resources"]["autoScalingGroups"] == first["resources"]["autoScalingGroups"]
    assert len(env.asg.describe_auto_scaling_groups()["AutoScalingGroups"]) == 1  # no second group launched
    assert code_of(eks.create_nodegroup, **ng) == "ResourceInUseException"

    pods = env.iam.create_role(RoleName="pods", AssumeRolePolicyDocument=PODS_TRUST)["Role"]["Arn"]
    fp = dict(clusterName=name, fargateProfileName="fp", podExecutionRoleArn=pods, subnets=env.subnets, selectors=[{"namespace": "x"}])
    first = eks.create_fargate_profile(clientRequestToken="fp-1", **fp)["fargateProfile"]
    assert eks.create_fargate_profile(clientRequestToken="fp-1", **fp)["fargateProfile"]["fargateProfileArn"] == first["fargateProfileArn"]
    assert code_of(eks.create_fargate_profile, clientRequestToken="fp-2", **fp) == "ResourceInUseException"

    first = eks.create_addon(clusterName=name, addonName="vpc-cni", clientRequestToken="addon-1")["addon"]
    assert eks.create_addon(clusterName=name, addonName="vpc-cni", clientRequestToken="addon-1")["addon"]["addonArn"] == first["addonArn"]
    assert code_of(eks.create_addon, clusterName=name, addonName="vpc-cni") == "ResourceInUseException"

    entries = set(eks.list_access_entries(clusterName=name)["accessEntries"])
    principal = env.iam.create_user(UserName="dev")["User"]["Arn"]
    first = eks.create_access_entry(clusterName=name, principalArn=principal, clientRequestToken="ae-1")["accessEntry"]
    again = eks.create_access_entry(clusterName=name, principalArn=principal, clientRequestToken="ae-1")["accessEntry"]
    assert again["accessEntryArn"] == first["accessEntryArn"]
    assert code_of(eks.create_access_entry, clusterName=name, principalArn=principal) == "ResourceInUseException"
    assert set(eks.list_access_entries(clusterName=name)["accessEntries"]) == entries | {principal}


def test_token_is_forgotten_with_the_resource(emulator):
    env = Env(emulator, addons=())
    eks = env.eks
    first = eks.create_addon(clusterName="demo", addonName="kube-proxy", clientRequestToken="t")["addon"]
    eks.delete_addon(clusterName="demo", addonName="kube-proxy")  # instant by default: gone at the next request
    second = eks.create_addon(clusterName="demo", addonName="kube-proxy", clientRequestToken="t")["addon"]
    assert second["addonArn"] != first["addonArn"]


def test_without_a_token_a_second_create_is_in_use(emulator):
    env = Env(emulator, addons=())
    eks = env.eks

    dropped = []

    def drop_token(params, **kwargs):  # botocore fills the token in; send the request without it
        body = json.loads(params["body"])
        dropped.append(body.pop("clientRequestToken"))
        params["body"] = json.dumps(body).encode()

    eks.meta.events.register("before-call.eks.CreateAddon", drop_token)
    eks.create_addon(clusterName="demo", addonName="coredns")
    assert code_of(eks.create_addon, clusterName="demo", addonName="coredns") == "ResourceInUseException"
    assert len(dropped) == 2
