"""EKS Auto Mode at CreateCluster (eksup_moto_eks._check_auto_mode, _enable_auto_mode): the three
configs together, what Auto Mode needs, and the node role's access entry EKS makes."""

from __future__ import annotations

import botocore.exceptions
import pytest

from test_k8s_api import EC2_TRUST, FAST, Env

pytestmark = pytest.mark.emulator_env(**FAST)

ON = {
    "computeConfig": {"enabled": True},
    "storageConfig": {"blockStorage": {"enabled": True}},
    "kubernetesNetworkConfig": {"elasticLoadBalancing": {"enabled": True}},
}


def error_of(call) -> str:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call()
    return f"{e.value.response['Error']['Code']}: {e.value.response['Error']['Message']}"


def create(env: Env, name: str, mode: str = "API", bootstrap: bool = False, **kw):
    params = {**ON, **kw}
    return env.eks.create_cluster(name=name, roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets},
                                  accessConfig={"authenticationMode": mode}, bootstrapSelfManagedAddons=bootstrap, **params)


def test_auto_mode_turns_on_three_configs_together_and_gives_its_nodes_an_access_entry(emulator):
    env = Env(emulator, addons=())
    role = env.iam.create_role(RoleName="auto-node", AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
    compute = {"enabled": True, "nodePools": ["general-purpose", "system"], "nodeRoleArn": role}
    create(env, "auto", computeConfig=compute)
    cluster = env.eks.describe_cluster(name="auto")["cluster"]
    assert cluster["computeConfig"] == compute
    assert cluster["storageConfig"] == {"blockStorage": {"enabled": True}}
    assert cluster["kubernetesNetworkConfig"]["elasticLoadBalancing"] == {"enabled": True}
    entry = env.eks.describe_access_entry(clusterName="auto", principalArn=role)["accessEntry"]
    assert entry["type"] == "EC2" and entry["tags"] == {}, entry
    policies = env.eks.list_associated_access_policies(clusterName="auto", principalArn=role)["associatedAccessPolicies"]
    assert [p["policyArn"].rsplit("/", 1)[1] for p in policies] == ["AmazonEKSAutoNodePolicy"]
    # Without pools there is no node role, and no entry.
    create(env, "bare", computeConfig={"enabled": True})
    assert env.eks.describe_cluster(name="bare")["cluster"]["computeConfig"] == {"enabled": True, "nodePools": []}
    assert env.eks.list_access_entries(clusterName="bare")["accessEntries"] == []
    # A cluster without Auto Mode has none of it.
    plain = env.eks.describe_cluster(name="demo")["cluster"]
    assert not plain.get("computeConfig", {}).get("enabled") and "storageConfig" not in plain, plain


def test_what_auto_mode_refuses(emulator):
    env = Env(emulator, addons=())
    role = env.iam.create_role(RoleName="auto-node", AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
    pools = {"enabled": True, "nodePools": ["general-purpose"], "nodeRoleArn": role}
    together = error_of(lambda: create(env, "a", storageConfig={"blockStorage": {"enabled": False}}))
    assert together.startswith("InvalidParameterException: For EKS Auto Mode, please ensure that all required configs"), together
    assert "bootstrapSelfManagedAddons" in error_of(lambda: create(env, "b", bootstrap=True))
    assert "authenticationMode" in error_of(lambda: create(env, "c", mode="CONFIG_MAP"))
    assert "1.29 or later" in error_of(lambda: create(env, "d", version="1.28"))
    assert "enum value set" in error_of(lambda: create(env, "e", computeConfig={**pools, "nodePools": ["gpu"]}))
    assert "nodeRoleArn is required" in error_of(lambda: create(env, "f", computeConfig={"enabled": True, "nodePools": ["system"]}))
    assert "could not be assumed" in error_of(
        lambda: create(env, "g", computeConfig={**pools, "nodeRoleArn": "arn:aws:iam::123456789012:role/none"}))
    assert "could not be assumed" in error_of(lambda: create(env, "h", computeConfig={**pools, "nodeRoleArn": env.cluster["roleArn"]}))
    assert env.eks.list_clusters()["clusters"] == ["demo"]


def test_auto_mode_is_turned_on_and_off_on_an_existing_cluster(emulator):
    env = Env(emulator, addons=())  # "demo": API_AND_CONFIG_MAP, Auto Mode off
    role = env.iam.create_role(RoleName="auto-node", AssumeRolePolicyDocument=EC2_TRUST)["Role"]["Arn"]
    on = {**ON, "computeConfig": {"enabled": True, "nodePools": ["general-purpose", "system"], "nodeRoleArn": role}}
    assert "fully enabled or fully disabled" in error_of(
        lambda: env.eks.update_cluster_config(name="demo", computeConfig=on["computeConfig"]))
    assert "fully enabled or fully disabled" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", **{**on, "storageConfig": {"blockStorage": {"enabled": False}}}))
    assert "nodeRoleArn is required" in error_of(lambda: env.eks.update_cluster_config(
        name="demo", **{**on, "computeConfig": {"enabled": True, "nodePools": ["system"]}}))
    update = env.eks.update_cluster_config(name="demo", **on)["update"]
    assert update["type"] == "AutoModeUpdate"
    assert [p["type"] for p in update["params"]] == ["ComputeConfig", "StorageConfig", "KubernetesNetworkConfig"]
    assert env.eks.describe_update(name="demo", updateId=update["id"])["update"]["status"] == "Successful"
    cluster = env.eks.describe_cluster(name="demo")["cluster"]
    assert cluster["computeConfig"] == on["computeConfig"]
    assert cluster["storageConfig"] == {"blockStorage": {"enabled": True}}
    assert cluster["kubernetesNetworkConfig"]["elasticLoadBalancing"] == {"enabled": True}
    entry = env.eks.describe_access_entry(clusterName="demo", principalArn=role)["accessEntry"]
    assert entry["type"] == "EC2"

    off = {"computeConfig": {"enabled": False}, "storageConfig": {"blockStorage": {"enabled": False}},
           "kubernetesNetworkConfig": {"elasticLoadBalancing": {"enabled": False}}}
    env.eks.update_cluster_config(name="demo", **off)
    cluster = env.eks.describe_cluster(name="demo")["cluster"]
    assert cluster["computeConfig"]["enabled"] is False
    assert cluster["kubernetesNetworkConfig"]["elasticLoadBalancing"] == {"enabled": False}
