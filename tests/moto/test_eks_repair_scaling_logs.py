"""Node auto repair, control plane scaling tiers and control plane logs (eksup_moto_eks:
create_nodegroup_response, _check_node_repair, update_nodegroup_config, _check_tier,
update_cluster_config_response, _ensure_log_group; eksup_moto_logs: check_retention)."""

from __future__ import annotations

import json
import time
from typing import Any

import botocore.config
import botocore.exceptions
import pytest

from test_k8s_api import FAST, Env

OVERRIDE = {"nodeMonitoringCondition": "NetworkingReady", "nodeUnhealthyReason": "InterfaceNotUp", "minRepairWaitTimeMins": 20,
            "repairAction": "Reboot"}
RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]


def error(call: Any, **kw: Any) -> dict[str, str]:
    with pytest.raises(botocore.exceptions.ClientError) as e:
        call(**kw)
    return e.value.response["Error"]


def unchecked(emulator: Any, service: str) -> Any:
    """A client that sends what it is given: botocore checks the minimum of integers client-side,
    AWS checks them again (and everything else) on the server."""
    return emulator.session.client(service, endpoint_url=emulator.endpoint, config=botocore.config.Config(parameter_validation=False))


def log_groups(emulator: Any, prefix: str = "/aws/eks/") -> dict[str, dict[str, Any]]:
    groups = emulator.client("logs").describe_log_groups(logGroupNamePrefix=prefix)["logGroups"]
    return {g["logGroupName"]: g for g in groups}


def new_cluster(env: Env, name: str, **kw: Any) -> dict[str, Any]:
    return env.eks.create_cluster(name=name, roleArn=env.cluster["roleArn"], resourcesVpcConfig={"subnetIds": env.subnets}, **kw)["cluster"]


# ---------------------------------------------------------------------------------------
# Node auto repair
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_a_node_group_keeps_its_repair_config_disabled_by_default(emulator):
    env = Env(emulator, addons=())
    assert env.managed("plain", desired=0)["nodeRepairConfig"] == {"enabled": False}
    config = {"enabled": True, "maxUnhealthyNodeThresholdPercentage": 20, "maxParallelNodesRepairedCount": 2,
              "nodeRepairConfigOverrides": [OVERRIDE, dict(OVERRIDE, nodeUnhealthyReason="IPAMDNotReady", repairAction="Replace")]}
    created = env.eks.create_nodegroup(clusterName=env.name, nodegroupName="repaired", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                                       scalingConfig={"minSize": 0, "maxSize": 2, "desiredSize": 0}, nodeRepairConfig=config)["nodegroup"]
    assert created["nodeRepairConfig"] == config
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="repaired")["nodegroup"]["nodeRepairConfig"] == config
    # Without `enabled`: off, as by default.
    assert env.managed("thresholds", desired=0, nodeRepairConfig={"maxUnhealthyNodeThresholdCount": 3})["nodeRepairConfig"] == \
        {"enabled": False, "maxUnhealthyNodeThresholdCount": 3}


@pytest.mark.emulator_env(**FAST)
def test_update_nodegroup_config_replaces_the_repair_config_and_records_a_config_update(emulator):
    env = Env(emulator, addons=())
    env.managed("ng", desired=0, nodeRepairConfig={"enabled": True, "maxUnhealthyNodeThresholdCount": 3})
    # The percentage form replaces the count form: the configuration given is the new one.
    new = {"enabled": True, "maxUnhealthyNodeThresholdPercentage": 50, "maxParallelNodesRepairedPercentage": 10}
    update = env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng", nodeRepairConfig=new)["update"]
    assert (update["type"], update["status"]) == ("ConfigUpdate", "Successful")
    assert update["params"] == [{"type": "NodeRepairConfig", "value": json.dumps(new, separators=(",", ":"))}]
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["nodeRepairConfig"] == new
    assert env.eks.describe_update(name=env.name, nodegroupName="ng", updateId=update["id"])["update"]["params"] == update["params"]
    assert env.eks.list_updates(name=env.name, nodegroupName="ng")["updateIds"] == [update["id"]]
    off = env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng", nodeRepairConfig={"enabled": False})["update"]
    assert off["params"] == [{"type": "NodeRepairConfig", "value": '{"enabled":false}'}]
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["nodeRepairConfig"] == {"enabled": False}


@pytest.mark.emulator_env(**FAST)
def test_node_group_config_update_params_are_aws_s(emulator):
    env = Env(emulator, addons=())
    env.managed("ng", desired=0)
    update = env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng", scalingConfig={"minSize": 0, "maxSize": 3, "desiredSize": 1},
                                             updateConfig={"maxUnavailable": 2})["update"]
    assert update["params"] == [{"type": "MinSize", "value": "0"}, {"type": "MaxSize", "value": "3"}, {"type": "DesiredSize", "value": "1"},
                                {"type": "MaxUnavailable", "value": "2"}]
    update = env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng",
                                             labels={"addOrUpdateLabels": {"role": "web"}, "removeLabels": ["old"]},
                                             taints={"addOrUpdateTaints": [{"key": "k", "value": "v", "effect": "NO_EXECUTE"}]})["update"]
    assert update["params"] == [{"type": "LabelsToAdd", "value": '{"role":"web"}'}, {"type": "LabelsToRemove", "value": '["old"]'},
                                {"type": "TaintsToAdd", "value": '[{"key":"k","value":"v","effect":"NO_EXECUTE"}]'}]


BAD_REPAIR = [
    ({"maxUnhealthyNodeThresholdCount": 2, "maxUnhealthyNodeThresholdPercentage": 20},
     "You cannot specify both maxUnhealthyNodeThresholdCount and maxUnhealthyNodeThresholdPercentage in nodeRepairConfig."),
    ({"enabled": True, "maxParallelNodesRepairedCount": 1, "maxParallelNodesRepairedPercentage": 10},
     "You cannot specify both maxParallelNodesRepairedCount and maxParallelNodesRepairedPercentage in nodeRepairConfig."),
    ({"maxUnhealthyNodeThresholdCount": 0},
     "1 validation error detected: Value '0' at 'nodeRepairConfig.maxUnhealthyNodeThresholdCount' failed to satisfy constraint: "
     "Member must have value greater than or equal to 1"),
    ({"maxParallelNodesRepairedCount": -1}, "Member must have value greater than or equal to 1"),
    ({"maxUnhealthyNodeThresholdPercentage": 101},
     "1 validation error detected: Value '101' at 'nodeRepairConfig.maxUnhealthyNodeThresholdPercentage' failed to satisfy constraint: "
     "Member must have value less than or equal to 100"),
    ({"maxParallelNodesRepairedPercentage": 0}, "Member must have value greater than or equal to 1"),
    ({"nodeRepairConfigOverrides": [{k: v for k, v in OVERRIDE.items() if k != "repairAction"}]},
     "Each nodeRepairConfigOverrides entry must specify nodeMonitoringCondition, nodeUnhealthyReason, minRepairWaitTimeMins and "
     "repairAction; entry 1 lacks repairAction."),
    ({"nodeRepairConfigOverrides": [OVERRIDE, {"repairAction": "Replace"}]},
     "entry 2 lacks nodeMonitoringCondition, nodeUnhealthyReason, minRepairWaitTimeMins."),
    ({"nodeRepairConfigOverrides": [dict(OVERRIDE, minRepairWaitTimeMins=0)]},
     "at 'nodeRepairConfig.nodeRepairConfigOverrides.1.member.minRepairWaitTimeMins' failed to satisfy constraint: "
     "Member must have value greater than or equal to 1"),
    ({"nodeRepairConfigOverrides": [dict(OVERRIDE, repairAction="Terminate")]},
     "1 validation error detected: Value 'Terminate' at 'nodeRepairConfig.nodeRepairConfigOverrides.1.member.repairAction' failed to "
     "satisfy constraint: Member must satisfy enum value set: [Replace, Reboot, NoAction]"),
    ({"enabled": "yes"}, "Member must be a boolean"),
]


@pytest.mark.emulator_env(**FAST)
def test_invalid_repair_configs_are_refused_before_anything_changes(emulator):
    env = Env(emulator, addons=())
    eks = unchecked(emulator, "eks")
    kept = {"enabled": True, "maxUnhealthyNodeThresholdCount": 3}
    env.managed("ng", desired=0, nodeRepairConfig=kept)
    for config, message in BAD_REPAIR:
        e = error(eks.create_nodegroup, clusterName=env.name, nodegroupName="bad", nodeRole=env.node_role["Arn"], subnets=env.subnets,
                  scalingConfig={"minSize": 0, "maxSize": 2, "desiredSize": 0}, nodeRepairConfig=config)
        assert e["Code"] == "InvalidParameterException" and message in e["Message"], (config, e)
        e = error(eks.update_nodegroup_config, clusterName=env.name, nodegroupName="ng", nodeRepairConfig=config)
        assert e["Code"] == "InvalidParameterException" and message in e["Message"], (config, e)
    assert env.eks.list_nodegroups(clusterName=env.name)["nodegroups"] == ["ng"]
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["nodeRepairConfig"] == kept
    assert env.eks.list_updates(name=env.name, nodegroupName="ng")["updateIds"] == []
    # The limits themselves are accepted.
    edge = {"enabled": True, "maxUnhealthyNodeThresholdPercentage": 100, "maxParallelNodesRepairedCount": 1,
            "nodeRepairConfigOverrides": [dict(OVERRIDE, minRepairWaitTimeMins=1, repairAction="NoAction")]}
    env.eks.update_nodegroup_config(clusterName=env.name, nodegroupName="ng", nodeRepairConfig=edge)
    assert env.eks.describe_nodegroup(clusterName=env.name, nodegroupName="ng")["nodegroup"]["nodeRepairConfig"] == edge


# ---------------------------------------------------------------------------------------
# Control plane scaling tiers
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_clusters_are_on_the_standard_tier_unless_another_is_asked_for(emulator):
    env = Env(emulator, addons=())
    assert env.cluster["controlPlaneScalingConfig"] == {"tier": "standard"}
    assert new_cluster(env, "big", controlPlaneScalingConfig={"tier": "tier-xl"})["controlPlaneScalingConfig"] == {"tier": "tier-xl"}
    assert env.eks.describe_cluster(name="big")["cluster"]["controlPlaneScalingConfig"] == {"tier": "tier-xl"}
    assert new_cluster(env, "empty", controlPlaneScalingConfig={})["controlPlaneScalingConfig"] == {"tier": "standard"}
    e = error(new_cluster, env=env, name="huge", controlPlaneScalingConfig={"tier": "tier-16xl"})
    assert e["Code"] == "InvalidParameterException"
    assert e["Message"] == ("1 validation error detected: Value 'tier-16xl' at 'controlPlaneScalingConfig.tier' failed to satisfy "
                            "constraint: Member must satisfy enum value set: [standard, tier-xl, tier-2xl, tier-4xl, tier-8xl]")
    assert "huge" not in env.eks.list_clusters()["clusters"]


@pytest.mark.emulator_env(**FAST)
def test_a_tier_change_is_a_control_plane_scaling_config_update(emulator):
    env = Env(emulator, addons=())
    update = env.eks.update_cluster_config(name=env.name, controlPlaneScalingConfig={"tier": "tier-2xl"})["update"]
    assert (update["type"], update["status"]) == ("ControlPlaneScalingConfigUpdate", "Successful")
    assert update["params"] == [{"type": "UpdatedTier", "value": "tier-2xl"}, {"type": "PreviousTier", "value": "standard"}]
    assert env.eks.describe_cluster(name=env.name)["cluster"]["controlPlaneScalingConfig"] == {"tier": "tier-2xl"}
    back = env.eks.update_cluster_config(name=env.name, controlPlaneScalingConfig={"tier": "standard"})["update"]
    assert back["params"] == [{"type": "UpdatedTier", "value": "standard"}, {"type": "PreviousTier", "value": "tier-2xl"}]
    assert env.eks.list_updates(name=env.name)["updateIds"] == [update["id"], back["id"]]
    assert env.eks.describe_update(name=env.name, updateId=back["id"])["update"]["type"] == "ControlPlaneScalingConfigUpdate"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["controlPlaneScalingConfig"] == {"tier": "standard"}

    e = error(env.eks.update_cluster_config, name=env.name, controlPlaneScalingConfig={"tier": "xl"})
    assert e["Code"] == "InvalidParameterException" and "Member must satisfy enum value set" in e["Message"]
    e = error(env.eks.update_cluster_config, name=env.name, controlPlaneScalingConfig={})
    assert e == {"Code": "InvalidParameterException", "Message": "controlPlaneScalingConfig.tier is required"}
    for other in ({"logging": {"clusterLogging": [{"types": ["api"], "enabled": True}]}},
                  {"resourcesVpcConfig": {"endpointPrivateAccess": True}},
                  {"accessConfig": {"authenticationMode": "API"}}):
        e = error(env.eks.update_cluster_config, name=env.name, controlPlaneScalingConfig={"tier": "tier-xl"}, **other)
        assert e == {"Code": "InvalidParameterException", "Message": "Only one type of update can be allowed."}, other
    assert env.eks.list_updates(name=env.name)["updateIds"] == [update["id"], back["id"]]
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["controlPlaneScalingConfig"] == {"tier": "standard"} and cluster["accessConfig"]["authenticationMode"] == "API_AND_CONFIG_MAP"


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1")
def test_the_cluster_is_on_the_new_tier_when_the_update_is_done(emulator):
    env = Env(emulator, addons=())
    update = env.eks.update_cluster_config(name=env.name, controlPlaneScalingConfig={"tier": "tier-4xl"})["update"]
    assert update["status"] == "InProgress"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert (cluster["status"], cluster["controlPlaneScalingConfig"]) == ("UPDATING", {"tier": "standard"})
    e = error(env.eks.update_cluster_config, name=env.name, controlPlaneScalingConfig={"tier": "tier-8xl"})
    assert e["Code"] == "ResourceInUseException"
    assert e["Message"] == (f"Cannot ControlPlaneScalingConfigUpdate because cluster {env.name} currently has update {update['id']} in progress")
    time.sleep(1.2)
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert (cluster["status"], cluster["controlPlaneScalingConfig"]) == ("ACTIVE", {"tier": "tier-4xl"})


# ---------------------------------------------------------------------------------------
# Control plane logs
# ---------------------------------------------------------------------------------------
@pytest.mark.emulator_env(**FAST)
def test_enabled_logging_makes_the_log_group_and_deleting_the_cluster_leaves_it(emulator):
    env = Env(emulator, addons=())
    logs = emulator.client("logs")
    assert log_groups(emulator) == {}  # the Env cluster logs nothing
    on = {"clusterLogging": [{"types": ["api", "audit"], "enabled": True}, {"types": ["scheduler"], "enabled": False}]}
    new_cluster(env, "loud", logging=on)
    new_cluster(env, "quiet", logging={"clusterLogging": [{"types": ["api", "audit"], "enabled": False}]})
    groups = log_groups(emulator)
    assert list(groups) == ["/aws/eks/loud/cluster"]
    assert "retentionInDays" not in groups["/aws/eks/loud/cluster"]  # "Never expire"
    assert groups["/aws/eks/loud/cluster"]["arn"].startswith(f"arn:aws:logs:{emulator.region}:123456789012:log-group:/aws/eks/loud/cluster")

    # Turning logging on later makes it too, and the update's param is the whole logging object.
    logging = {"clusterLogging": [{"types": ["authenticator"], "enabled": True}]}
    update = env.eks.update_cluster_config(name=env.name, logging=logging)["update"]
    assert update["params"] == [{"type": "ClusterLogging", "value": '{"clusterLogging":[{"types":["authenticator"],"enabled":true}]}'}]
    assert sorted(log_groups(emulator)) == ["/aws/eks/demo/cluster", "/aws/eks/loud/cluster"]
    logs.put_retention_policy(logGroupName="/aws/eks/demo/cluster", retentionInDays=30)
    assert log_groups(emulator)["/aws/eks/demo/cluster"]["retentionInDays"] == 30
    # Turning it off, or on again, keeps the group and its retention.
    env.eks.update_cluster_config(name=env.name, logging={"clusterLogging": [{"types": ["authenticator"], "enabled": False}]})
    env.eks.update_cluster_config(name=env.name, logging=logging)
    assert log_groups(emulator)["/aws/eks/demo/cluster"]["retentionInDays"] == 30

    env.eks.delete_cluster(name="loud")
    assert "loud" not in env.eks.list_clusters()["clusters"]
    assert "/aws/eks/loud/cluster" in log_groups(emulator)  # AWS leaves it behind
    # A cluster of the same name finds it there and uses it as it is.
    logs.put_retention_policy(logGroupName="/aws/eks/loud/cluster", retentionInDays=7)
    new_cluster(env, "loud", logging=on)
    assert log_groups(emulator)["/aws/eks/loud/cluster"]["retentionInDays"] == 7


@pytest.mark.emulator_env(**FAST, MOTO_EKS_CLUSTER_CREATE_SECONDS="1", MOTO_EKS_UPDATE_SECONDS="1")
def test_the_log_group_appears_when_the_cluster_is_active_or_the_update_is_done(emulator):
    env = Env(emulator, addons=())
    logs = emulator.client("logs")
    new_cluster(env, "loud", logging={"clusterLogging": [{"types": ["api"], "enabled": True}]})
    assert env.eks.describe_cluster(name="loud")["cluster"]["status"] == "CREATING"
    assert log_groups(emulator) == {}
    e = error(logs.put_retention_policy, logGroupName="/aws/eks/loud/cluster", retentionInDays=14)
    assert e == {"Code": "ResourceNotFoundException", "Message": "The specified log group does not exist."}
    time.sleep(1.3)
    assert env.eks.describe_cluster(name="loud")["cluster"]["status"] == "ACTIVE"
    assert env.eks.describe_cluster(name=env.name)["cluster"]["status"] == "ACTIVE"
    assert list(log_groups(emulator)) == ["/aws/eks/loud/cluster"]
    logs.put_retention_policy(logGroupName="/aws/eks/loud/cluster", retentionInDays=14)

    update = env.eks.update_cluster_config(name=env.name, logging={"clusterLogging": [{"types": ["audit"], "enabled": True}]})["update"]
    assert update["status"] == "InProgress"
    assert "/aws/eks/demo/cluster" not in log_groups(emulator)
    time.sleep(1.3)
    assert "/aws/eks/demo/cluster" in log_groups(emulator)  # by the update's timer, before anyone reads it
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"


@pytest.mark.emulator_env(**FAST)
def test_put_retention_policy_takes_only_cloudwatch_retention_periods(emulator):
    logs = emulator.client("logs")
    logs.create_log_group(logGroupName="/aws/eks/demo/cluster")
    for days in RETENTION_DAYS:
        logs.put_retention_policy(logGroupName="/aws/eks/demo/cluster", retentionInDays=days)
        assert log_groups(emulator)["/aws/eks/demo/cluster"]["retentionInDays"] == days
    allowed = ", ".join(str(d) for d in RETENTION_DAYS)
    for days in (0, 2, 10, 1000, 3654, -1):
        e = error(logs.put_retention_policy, logGroupName="/aws/eks/demo/cluster", retentionInDays=days)
        assert e == {"Code": "InvalidParameterException",
                     "Message": f"1 validation error detected: Value '{days}' at 'retentionInDays' failed to satisfy constraint: "
                                f"Member must satisfy enum value set: [{allowed}]"}, days
    assert log_groups(emulator)["/aws/eks/demo/cluster"]["retentionInDays"] == 3653
    # The value is checked before the group is looked up.
    assert error(logs.put_retention_policy, logGroupName="/aws/eks/none/cluster", retentionInDays=2)["Code"] == "InvalidParameterException"
    assert error(logs.put_retention_policy, logGroupName="/aws/eks/none/cluster", retentionInDays=7)["Code"] == "ResourceNotFoundException"
    e = error(unchecked(emulator, "logs").put_retention_policy, logGroupName="/aws/eks/demo/cluster")
    assert e["Code"] == "InvalidParameterException" and "Member must not be null" in e["Message"]
    logs.delete_retention_policy(logGroupName="/aws/eks/demo/cluster")
    assert "retentionInDays" not in log_groups(emulator)["/aws/eks/demo/cluster"]
