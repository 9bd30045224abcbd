"""The control plane components' settings (eksup_moto_component_config): CreateCluster stores them,
DescribeCluster shows them, UpdateClusterConfig changes them as a ControlPlaneComponentConfigUpdate."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from test_eks_repair_scaling_logs import error, new_cluster, unchecked
from test_k8s_api import FAST, Env

API = {"eventTtl": "30m", "serviceNodePortRange": {"minPort": 30000, "maxPort": 31000}}
SCHEDULER = {"nodeResourcesFit": {"scoringStrategy": {"type": "MostAllocated", "resources": [{"name": "cpu", "weight": 2},
                                                                                             {"name": "memory", "weight": 1}]}}}
HPA = {"horizontalPodAutoscalerControllerConfig": {"horizontalPodAutoscalerSyncPeriod": "10s"}}
DEFAULT_API = {"eventTtl": "1h", "serviceNodePortRange": {"minPort": 30000, "maxPort": 32767}}


def components(cluster: dict[str, Any]) -> tuple[Any, Any, Any]:
    return cluster.get("kubeApiServerConfig"), cluster.get("kubeSchedulerConfig"), cluster.get("kubeControllerManagerConfig")


@pytest.mark.emulator_env(**FAST)
def test_create_cluster_stores_the_components_settings_and_shows_defaults_for_the_rest(emulator):
    env = Env(emulator, addons=())
    assert components(env.eks.describe_cluster(name=env.name)["cluster"]) == (
        DEFAULT_API, {"nodeResourcesFit": {"scoringStrategy": {"type": "LeastAllocated"}}}, {
            "horizontalPodAutoscalerControllerConfig": {"horizontalPodAutoscalerSyncPeriod": "15s"}})
    new_cluster(env, "tuned", version="1.34", controlPlaneScalingConfig={"tier": "tier-xl"}, kubeApiServerConfig=API,
                kubeSchedulerConfig=SCHEDULER, kubeControllerManagerConfig=HPA)
    assert components(env.eks.describe_cluster(name="tuned")["cluster"]) == (API, SCHEDULER, HPA)
    new_cluster(env, "ttl", version="1.34", kubeApiServerConfig={"eventTtl": "10m"})
    assert env.eks.describe_cluster(name="ttl")["cluster"]["kubeApiServerConfig"] == dict(DEFAULT_API, eventTtl="10m")
    # Before Kubernetes 1.31: none shown, none taken.
    new_cluster(env, "old", version="1.30")
    assert components(env.eks.describe_cluster(name="old")["cluster"]) == (None, None, None)
    e = error(new_cluster, env=env, name="older", version="1.30", kubeApiServerConfig={"eventTtl": "30m"})
    assert e == {"Code": "InvalidParameterException",
                 "Message": "Control plane component configuration is supported for Kubernetes version 1.31 and above, not 1.30"}
    assert "older" not in env.eks.list_clusters()["clusters"]


@pytest.mark.emulator_env(**FAST)
def test_the_api_and_aws_ranges_are_checked(emulator):
    env = Env(emulator, addons=())
    eks = unchecked(emulator, "eks")

    def refused(**kw: Any) -> dict[str, str]:
        return error(eks.create_cluster, name="bad", version="1.34", roleArn=env.cluster["roleArn"],
                     resourcesVpcConfig={"subnetIds": env.subnets}, **kw)

    strategy = "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy"
    e = refused(kubeSchedulerConfig={"nodeResourcesFit": {"scoringStrategy": {"type": "Balanced"}}})
    assert e == {"Code": "InvalidParameterException", "Message": (
        f"1 validation error detected: Value 'Balanced' at '{strategy}.type' failed to satisfy constraint: "
        "Member must satisfy enum value set: [LeastAllocated, MostAllocated]")}
    e = refused(kubeSchedulerConfig={"nodeResourcesFit": {"scoringStrategy": {"resources": [{"name": "cpu", "weight": 101}]}}})
    assert e["Message"] == (f"1 validation error detected: Value '101' at '{strategy}.resources.1.member.weight' failed to satisfy "
                            "constraint: Member must have value greater than or equal to 1 and less than or equal to 100")
    e = refused(kubeSchedulerConfig={"nodeResourcesFit": {"scoringStrategy": {"resources": [{"name": "", "weight": 1}]}}})
    assert "resources.1.member.name" in e["Message"] and "less than or equal to 253" in e["Message"]
    e = refused(kubeApiServerConfig={"eventTtl": "1h30m"})
    assert e["Message"] == "Invalid kubeApiServerConfig.eventTtl: 1h30m. Valid values are single-unit durations such as 30m or 1h"
    e = refused(kubeApiServerConfig={"eventTtl": "2h"})
    assert e["Message"] == "Invalid kubeApiServerConfig.eventTtl: 2h. It must be between 600s and 3600s"
    e = refused(kubeApiServerConfig={"serviceNodePortRange": {"minPort": 8080, "maxPort": 32767}})
    assert e["Message"] == "Invalid kubeApiServerConfig.serviceNodePortRange.minPort: 8080. It must be between 10260 and 32767"
    e = refused(kubeApiServerConfig={"serviceNodePortRange": {"minPort": 31000, "maxPort": 30000}})
    assert e["Message"] == "Invalid kubeApiServerConfig.serviceNodePortRange: minPort 31000 is greater than maxPort 30000"
    # The autoscaler's sync period: 10s to 15s, on a provisioned tier only.
    e = refused(kubeControllerManagerConfig=HPA)
    assert e["Message"] == ("horizontalPodAutoscalerSyncPeriod can only be configured on clusters with a provisioned control plane "
                            "tier, not standard")
    e = refused(controlPlaneScalingConfig={"tier": "tier-xl"},
                kubeControllerManagerConfig={"horizontalPodAutoscalerControllerConfig": {"horizontalPodAutoscalerSyncPeriod": "30s"}})
    assert e["Message"] == ("Invalid kubeControllerManagerConfig.horizontalPodAutoscalerControllerConfig.horizontalPodAutoscalerSyncPeriod: "
                            "30s. It must be between 10s and 15s")
    assert "bad" not in env.eks.list_clusters()["clusters"]


@pytest.mark.emulator_env(**FAST)
def test_an_update_is_a_control_plane_component_config_update_that_keeps_what_it_leaves_out(emulator):
    env = Env(emulator, addons=())
    update = env.eks.update_cluster_config(name=env.name, kubeApiServerConfig={"eventTtl": "30m"},
                                           kubeSchedulerConfig=SCHEDULER)["update"]
    assert (update["type"], update["status"]) == ("ControlPlaneComponentConfigUpdate", "Successful")
    assert update["params"] == [{"type": "KubeApiServerConfig", "value": json.dumps({"eventTtl": "30m"}, separators=(",", ":"))},
                                {"type": "KubeSchedulerConfig", "value": json.dumps(SCHEDULER, separators=(",", ":"))}]
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["type"] == "ControlPlaneComponentConfigUpdate"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert cluster["kubeApiServerConfig"] == dict(DEFAULT_API, eventTtl="30m")  # the port range as it was
    assert cluster["kubeSchedulerConfig"] == SCHEDULER
    # A strategy's type alone: its resources stay.
    env.eks.update_cluster_config(name=env.name, kubeSchedulerConfig={"nodeResourcesFit": {"scoringStrategy": {"type": "LeastAllocated"}}})
    strategy = env.eks.describe_cluster(name=env.name)["cluster"]["kubeSchedulerConfig"]["nodeResourcesFit"]["scoringStrategy"]
    assert strategy == dict(SCHEDULER["nodeResourcesFit"]["scoringStrategy"], type="LeastAllocated")

    # One type of update per call; the tier first, then the autoscaler.
    for other in ({"logging": {"clusterLogging": [{"types": ["api"], "enabled": True}]}},
                  {"resourcesVpcConfig": {"endpointPrivateAccess": True}},
                  {"controlPlaneScalingConfig": {"tier": "tier-xl"}}):
        e = error(env.eks.update_cluster_config, name=env.name, kubeApiServerConfig={"eventTtl": "20m"}, **other)
        assert e == {"Code": "InvalidParameterException", "Message": "Only one type of update can be allowed."}, other
    e = error(env.eks.update_cluster_config, name=env.name, kubeControllerManagerConfig=HPA)
    assert e["Message"].endswith("provisioned control plane tier, not standard")
    env.eks.update_cluster_config(name=env.name, controlPlaneScalingConfig={"tier": "tier-xl"})
    env.eks.update_cluster_config(name=env.name, kubeControllerManagerConfig=HPA)
    assert env.eks.describe_cluster(name=env.name)["cluster"]["kubeControllerManagerConfig"] == HPA


@pytest.mark.emulator_env(**FAST, MOTO_EKS_UPDATE_SECONDS="1")
def test_the_settings_change_when_the_update_is_done(emulator):
    env = Env(emulator, addons=())
    update = env.eks.update_cluster_config(name=env.name, kubeApiServerConfig=API)["update"]
    assert update["status"] == "InProgress"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert (cluster["status"], cluster["kubeApiServerConfig"]) == ("UPDATING", DEFAULT_API)
    e = error(env.eks.update_cluster_config, name=env.name, kubeApiServerConfig={"eventTtl": "20m"})
    assert e["Code"] == "ResourceInUseException"
    assert e["Message"] == f"Cannot ControlPlaneComponentConfigUpdate because cluster {env.name} currently has update {update['id']} in progress"
    time.sleep(1.2)
    assert env.eks.describe_update(name=env.name, updateId=update["id"])["update"]["status"] == "Successful"
    cluster = env.eks.describe_cluster(name=env.name)["cluster"]
    assert (cluster["status"], cluster["kubeApiServerConfig"]) == ("ACTIVE", API)
