"""EKS Hybrid Nodes' remote networks at CreateCluster (eksup_moto_eks._check_remote_networks) and
the HYBRID_LINUX access entry they allow."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)

SSM_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ssm.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def error_of(call) -> str:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call()
    return f"{e.value.response['Error']['Code']}: {e.value.response['Error']['Message']}"


def create(env: Env, name: str, nodes: list[str], pods: list[str] | None = None, mode: str = "API_AND_CONFIG_MAP", **kw):
    remote = {"remoteNodeNetworks": [{"cidrs": nodes}]}
    if pods is not None:
        remote["remotePodNetworks"] = [{"cidrs": pods}]
    return env.eks.create_cluster(name=name, roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets},
                                  accessConfig={"authenticationMode": mode}, remoteNetworkConfig=remote, **kw)


def test_remote_networks_are_kept_and_admit_hybrid_nodes(emulator):
    env = Env(emulator, addons=())
    create(env, "hybrid", ["10.80.146.0/24"], ["10.85.0.0/16"])
    cluster = env.eks.describe_cluster(name="hybrid")["cluster"]
    assert cluster["remoteNetworkConfig"]["remoteNodeNetworks"] == [{"cidrs": ["10.80.146.0/24"]}]
    role = env.iam.create_role(RoleName="hybrid", AssumeRolePolicyDocument=SSM_TRUST)["Role"]["Arn"]
    entry = env.eks.create_access_entry(clusterName="hybrid", principalArn=role, type="HYBRID_LINUX")["accessEntry"]
    assert entry["type"] == "HYBRID_LINUX" and entry["username"] == "system:node:{{SessionName}}"
    # A cluster without remote networks takes no hybrid nodes.
    assert "requires the cluster to have remoteNetworkConfig" in error_of(
        lambda: env.eks.create_access_entry(clusterName="demo", principalArn=role, type="HYBRID_LINUX"))


def test_what_remote_networks_refuse(emulator):
    env = Env(emulator, addons=())  # its VPC is 10.0.0.0/16, its service range 172.20.0.0/16
    assert "RFC 1918" in error_of(lambda: create(env, "a", ["8.8.8.0/24"]))
    assert "overlaps the VPC" in error_of(lambda: create(env, "b", ["10.0.128.0/24"]))
    assert "overlaps the service range" in error_of(lambda: create(env, "c", ["172.20.1.0/24"]))
    assert "overlap" in error_of(lambda: create(env, "d", ["10.80.0.0/16"], ["10.80.1.0/24"]))
    assert "authenticationMode" in error_of(lambda: create(env, "e", ["10.80.0.0/16"], mode="CONFIG_MAP"))
    assert "Invalid CIDR" in error_of(lambda: create(env, "f", ["10.80.0.0/33"]))
    assert env.eks.list_clusters()["clusters"] == ["demo"]


def test_remote_networks_are_added_and_changed_by_an_update(emulator):
    env = Env(emulator, addons=())  # "demo": API_AND_CONFIG_MAP, no remote networks
    remote = {"remoteNodeNetworks": [{"cidrs": ["10.80.0.0/16"]}], "remotePodNetworks": [{"cidrs": ["10.85.0.0/16"]}]}
    assert "overlaps the VPC" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", remoteNetworkConfig={"remoteNodeNetworks": [{"cidrs": ["10.0.128.0/24"]}]}))
    assert "Only one type of update" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", remoteNetworkConfig=remote, logging={"clusterLogging": [{"types": ["api"], "enabled": True}]}))
    update = env.eks.update_cluster_config(name="demo", remoteNetworkConfig=remote)["update"]
    assert update["type"] == "RemoteNetworkConfigUpdate"
    assert update["params"] == [{"type": "RemoteNetworkConfig", "value": json.dumps(remote, separators=(",", ":"))}]
    done = env.eks.describe_update(name="demo", updateId=update["id"])["update"]
    assert done["status"] == "Successful"
    assert env.eks.describe_cluster(name="demo")["cluster"]["remoteNetworkConfig"] == remote
    # A list left out stays; a list given replaces the cluster's.
    env.eks.update_cluster_config(name="demo", remoteNetworkConfig={"remoteNodeNetworks": [{"cidrs": ["10.81.0.0/16"]}]})
    got = env.eks.describe_cluster(name="demo")["cluster"]["remoteNetworkConfig"]
    assert got == {"remoteNodeNetworks": [{"cidrs": ["10.81.0.0/16"]}], "remotePodNetworks": [{"cidrs": ["10.85.0.0/16"]}]}
    assert "No changes detected" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", remoteNetworkConfig={"remoteNodeNetworks": [{"cidrs": ["10.81.0.0/16"]}]}))


def test_remote_networks_are_removed_by_empty_lists(emulator):
    env = Env(emulator, addons=())
    remote = {"remoteNodeNetworks": [{"cidrs": ["10.80.0.0/16"]}], "remotePodNetworks": [{"cidrs": ["10.85.0.0/16"]}]}
    env.eks.update_cluster_config(name="demo", remoteNetworkConfig=remote)
    # Pod networks cannot stay without node networks.
    assert "requires remoteNodeNetworks" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", remoteNetworkConfig={"remoteNodeNetworks": []}))
    env.eks.update_cluster_config(name="demo", remoteNetworkConfig={"remotePodNetworks": []})
    got = env.eks.describe_cluster(name="demo")["cluster"]["remoteNetworkConfig"]
    assert got == {"remoteNodeNetworks": [{"cidrs": ["10.80.0.0/16"]}]}
    env.eks.update_cluster_config(name="demo", remoteNetworkConfig={"remoteNodeNetworks": [], "remotePodNetworks": []})
    assert "remoteNetworkConfig" not in env.eks.describe_cluster(name="demo")["cluster"]
    assert "No changes detected" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", remoteNetworkConfig={"remoteNodeNetworks": [], "remotePodNetworks": []}))
