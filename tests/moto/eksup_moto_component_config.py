"""The control plane components' settings in eksup's moto emulator (installed by
``eksup_moto.install()`` right after ``eksup_moto_eks.install()``): CreateCluster's and
UpdateClusterConfig's ``kubeApiServerConfig``, ``kubeSchedulerConfig`` and
``kubeControllerManagerConfig`` (moto 5.2.5 drops them), read back by DescribeCluster.

Sources (AWS's words unless marked *ours*):

* [API] the EKS API model in botocore (KubeApiServerConfigRequest, ScoringStrategy, ResourceWeight:
  ``name`` 1 to 253 characters, ``weight`` 1 to 100, at most 100 resources; ScoringStrategyType
  LeastAllocated, MostAllocated; UpdateType ControlPlaneComponentConfigUpdate; UpdateParamType
  KubeApiServerConfig, KubeSchedulerConfig, KubeControllerManagerConfig). ``eventTtl`` and
  ``horizontalPodAutoscalerSyncPeriod``: "Valid values are single-unit durations such as 30m or 1h".
* [GUIDE] "Configure advanced Kubernetes control plane parameters" (EKS user guide): "supported on new
  and existing clusters running Kubernetes version 1.31 or later. All parameters in this topic share
  this minimum version."
* [TF] AWS's table in hashicorp/terraform-provider-aws#49411 (and terraform-aws-eks#3742): event TTL
  default ``1h``, ``10m`` to ``60m``; NodePort range default 30000-32767, ``minPort``/``maxPort`` in
  10260 to 32767; HPA sync period default ``15s``, ``10s`` to ``15s``, Provisioned Control Plane only
  ("Requires Provisioned Control Plane (tier-xl or higher)"); scoring strategy default LeastAllocated.

What is emulated:

* **Checks** (CreateCluster and UpdateClusterConfig alike), each an InvalidParameterException:
  a scoring ``type`` outside the enum, a resource ``name`` of 0 or more than 253 characters, a
  ``weight`` outside 1..100, more than 100 resources -> "1 validation error detected: Value '<v>' at
  '<path>' failed to satisfy constraint: Member must ..." ([API]'s constraints; the wording is
  eksup_moto_eks's model of AWS's validation errors, the paths are ours, UNVERIFIED); a duration that
  is not one number and one unit (s, m, h) or outside [TF]'s range, ``minPort``/``maxPort`` missing or
  outside 10260..32767 or ``minPort`` above ``maxPort`` (a one-port range is accepted), a cluster
  below Kubernetes 1.31 [GUIDE], an HPA sync period on a cluster whose tier is ``standard`` [TF]:
  wordings ours, UNVERIFIED. At CreateCluster the tier and version are those asked for; at
  UpdateClusterConfig the cluster's.
* **DescribeCluster** of a 1.31 or later cluster shows every component: what was asked, else [TF]'s
  defaults (``eventTtl`` ``1h``, 30000-32767, ``LeastAllocated`` without resources, ``15s``). The
  ACK EKS controller says "EKS injects tier defaults on read"; the exact shape of the defaults
  (resources listed or not, the HPA period on a standard tier) is UNVERIFIED. Below 1.31: none.
* **UpdateClusterConfig** with any of the three is one ``ControlPlaneComponentConfigUpdate`` (the
  three together are one type; with any other kind of update -> "Only one type of update can be
  allowed.", eksup_moto_eks's CLUSTER_UPDATE_TYPES). Its params: one per component sent, of type
  KubeApiServerConfig, KubeSchedulerConfig or KubeControllerManagerConfig, the value compact JSON of
  what was sent (the param types are [API]'s; their values are ours, UNVERIFIED). It waits its turn
  like the other cluster updates (ResourceInUseException while another is in progress or the cluster
  is not ACTIVE). When it is Successful each field sent replaces the cluster's, a field left out
  stays as it is (``type`` and ``resources`` of a scoring strategy each on their own): UNVERIFIED,
  as is whether AWS refuses an update that changes nothing (accepted here).
* **Not emulated**: DescribeClusterVersions' ``controlPlaneConfigInfo`` (per-version defaults and
  constraints).
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from moto.eks.responses import EKSResponse

import eksup_moto_eks as eks

MEMBERS = ("kubeApiServerConfig", "kubeSchedulerConfig", "kubeControllerManagerConfig")
# DescribeCluster's attributes (moto serializes a Cluster's snake_case attributes).
ATTRIBUTES = {"kubeApiServerConfig": "kube_api_server_config", "kubeSchedulerConfig": "kube_scheduler_config",
              "kubeControllerManagerConfig": "kube_controller_manager_config"}
PARAM_TYPES = {"kubeApiServerConfig": "KubeApiServerConfig", "kubeSchedulerConfig": "KubeSchedulerConfig",
               "kubeControllerManagerConfig": "KubeControllerManagerConfig"}
UPDATE_TYPE = "ControlPlaneComponentConfigUpdate"
OLDEST_MINOR = 31
SCORING_TYPES = ("LeastAllocated", "MostAllocated")
NODE_PORTS = (10260, 32767)
EVENT_TTL = (600, 3600)
HPA_SYNC_PERIOD = (10, 15)
DEFAULTS = {
    "kubeApiServerConfig": {"eventTtl": "1h", "serviceNodePortRange": {"minPort": 30000, "maxPort": 32767}},
    "kubeSchedulerConfig": {"nodeResourcesFit": {"scoringStrategy": {"type": "LeastAllocated"}}},
    "kubeControllerManagerConfig": {"horizontalPodAutoscalerControllerConfig": {"horizontalPodAutoscalerSyncPeriod": "15s"}},
}
HPA = ("horizontalPodAutoscalerControllerConfig", "horizontalPodAutoscalerSyncPeriod")


def _minor(version: Any) -> int | None:
    match = re.fullmatch(r"1\.(\d+)", str(version or ""))
    return int(match.group(1)) if match else None


def _seconds(value: Any) -> int | None:
    match = re.fullmatch(r"(\d+)([smh])", value) if isinstance(value, str) else None
    return int(match.group(1)) * {"s": 1, "m": 60, "h": 3600}[match.group(2)] if match else None


def _duration(path: str, value: Any, bounds: tuple[int, int]) -> None:
    seconds = _seconds(value)
    if seconds is None:
        raise eks._invalid_parameter(f"Invalid {path}: {value}. Valid values are single-unit durations such as 30m or 1h")
    if not bounds[0] <= seconds <= bounds[1]:
        raise eks._invalid_parameter(f"Invalid {path}: {value}. It must be between {bounds[0]}s and {bounds[1]}s")


def _object(path: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise eks._invalid_parameter(f"{path} must be an object")
    return value


def _check_api_server(config: dict[str, Any]) -> None:
    if config.get("eventTtl") is not None:
        _duration("kubeApiServerConfig.eventTtl", config["eventTtl"], EVENT_TTL)
    ports = config.get("serviceNodePortRange")
    if ports is None:
        return
    ports = _object("kubeApiServerConfig.serviceNodePortRange", ports)
    for key in ("minPort", "maxPort"):
        port = ports.get(key)
        if not isinstance(port, int) or not NODE_PORTS[0] <= port <= NODE_PORTS[1]:
            raise eks._invalid_parameter(f"Invalid kubeApiServerConfig.serviceNodePortRange.{key}: {port}. "
                                         f"It must be between {NODE_PORTS[0]} and {NODE_PORTS[1]}")
    if ports["minPort"] > ports["maxPort"]:
        raise eks._invalid_parameter(f"Invalid kubeApiServerConfig.serviceNodePortRange: minPort {ports['minPort']} "
                                     f"is greater than maxPort {ports['maxPort']}")


def _check_scheduler(config: dict[str, Any]) -> None:
    fit = config.get("nodeResourcesFit")
    strategy = _object("kubeSchedulerConfig.nodeResourcesFit", fit).get("scoringStrategy") if fit is not None else None
    if strategy is None:
        return
    path = "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy"
    strategy = _object(path, strategy)
    if strategy.get("type") is not None:
        eks._enum(f"{path}.type", strategy["type"], SCORING_TYPES)
    resources = strategy.get("resources") or []
    if len(resources) > 100:
        raise eks._constraint(f"{path}.resources", resources, "Member must have length less than or equal to 100")
    for i, resource in enumerate(resources, 1):
        name, weight = _object(f"{path}.resources.{i}.member", resource).get("name"), resource.get("weight")
        if not isinstance(name, str) or not 1 <= len(name) <= 253:
            raise eks._constraint(f"{path}.resources.{i}.member.name", name,
                                  "Member must have length greater than or equal to 1 and less than or equal to 253")
        if not isinstance(weight, int) or not 1 <= weight <= 100:
            raise eks._constraint(f"{path}.resources.{i}.member.weight", weight,
                                  "Member must have value greater than or equal to 1 and less than or equal to 100")


def check(asked: dict[str, Any], version: Any, tier: str) -> None:
    """The three components of a request (those present in `asked`) for a cluster of `version` on
    `tier`."""
    if not asked:
        return
    minor = _minor(version)
    if minor is not None and minor < OLDEST_MINOR:
        raise eks._invalid_parameter(f"Control plane component configuration is supported for Kubernetes version "
                                     f"1.{OLDEST_MINOR} and above, not {version}")
    if "kubeApiServerConfig" in asked:
        _check_api_server(_object("kubeApiServerConfig", asked["kubeApiServerConfig"]))
    if "kubeSchedulerConfig" in asked:
        _check_scheduler(_object("kubeSchedulerConfig", asked["kubeSchedulerConfig"]))
    if "kubeControllerManagerConfig" in asked:
        hpa = _object("kubeControllerManagerConfig", asked["kubeControllerManagerConfig"]).get(HPA[0])
        period = _object(f"kubeControllerManagerConfig.{HPA[0]}", hpa).get(HPA[1]) if hpa is not None else None
        if period is not None:
            _duration(f"kubeControllerManagerConfig.{HPA[0]}.{HPA[1]}", period, HPA_SYNC_PERIOD)
            if tier == "standard":
                raise eks._invalid_parameter(f"{HPA[1]} can only be configured on clusters with a provisioned control "
                                             f"plane tier, not {tier}")


def _merge(into: dict[str, Any], given: dict[str, Any]) -> dict[str, Any]:
    """`given`'s fields replace `into`'s, objects field by field (lists and values whole)."""
    out = copy.deepcopy(into)
    for key, value in given.items():
        if value is None:
            continue
        out[key] = _merge(out.get(key) or {}, value) if isinstance(value, dict) else copy.deepcopy(value)
    return out


def _asked(response: EKSResponse) -> dict[str, Any]:
    return {m: response._get_param(m) for m in MEMBERS if response._get_param(m) is not None}


def _tier(cluster: Any) -> str:
    return (cluster.__dict__.get("control_plane_scaling_config") or {}).get("tier", "standard")


def _show(cluster: Any, asked: dict[str, Any]) -> None:
    """The components as DescribeCluster shows them: [TF]'s defaults overlaid with `asked` (1.31+)."""
    if (_minor(cluster.version) or 0) < OLDEST_MINOR:
        return
    for member, attribute in ATTRIBUTES.items():
        current = cluster.__dict__.get(attribute) or DEFAULTS[member]
        setattr(cluster, attribute, _merge(current, asked.get(member) or {}))


def install() -> None:
    """Apply the patches (after eksup_moto_eks.install(); call once)."""
    for member in MEMBERS:
        eks.CLUSTER_UPDATE_TYPES[member] = UPDATE_TYPE

    previous_create = EKSResponse.create_cluster

    def create_cluster(self: EKSResponse) -> Any:
        asked = _asked(self)
        scaling = self._get_param("controlPlaneScalingConfig")
        tier = (scaling or {}).get("tier") or "standard" if isinstance(scaling, dict) else "standard"
        check(asked, self._get_param("version"), tier)
        result = previous_create(self)
        cluster = self.eks_backend.clusters.get(self._get_param("name"))
        if cluster is not None and not cluster.__dict__.get("_eksup_components"):  # not a replay
            cluster._eksup_components = True
            _show(cluster, asked)
        return result

    previous_update = EKSResponse.update_cluster_config

    def update_cluster_config(self: EKSResponse) -> Any:
        asked = _asked(self)
        if not asked:
            return previous_update(self)
        kinds = {kind for member, kind in eks.CLUSTER_UPDATE_TYPES.items() if self._get_param(member) is not None}
        if len(kinds) > 1:
            raise eks._invalid_parameter("Only one type of update can be allowed.")
        cluster = eks._cluster(self.eks_backend, self._get_param("name"))
        check(asked, cluster.version, _tier(cluster))
        eks._check_updatable(cluster, UPDATE_TYPE)
        params = [{"type": PARAM_TYPES[m], "value": json.dumps(v, separators=(",", ":"))} for m, v in asked.items()]
        update = eks._record_cluster_update(self.eks_backend, cluster, UPDATE_TYPE, params, lambda: _show(cluster, asked))
        return eks.ActionResult({"update": eks._public(update)})

    EKSResponse.create_cluster = create_cluster
    EKSResponse.update_cluster_config = update_cluster_config
