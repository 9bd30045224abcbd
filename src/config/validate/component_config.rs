//! `kubeAPIServerConfig`, `kubeSchedulerConfig` and `kubeControllerManagerConfig`: eksctl checks
//! nothing of them; these are the EKS API's rules (its model: weights 1 to 100, resource names of
//! 1 to 253 characters, at most 100 of them, the two scoring strategies) and those of AWS's user
//! guide, "Advanced Kubernetes control plane configuration": Kubernetes 1.31 or later, single-unit
//! durations, an event TTL of `10m` to `60m`, NodePorts within 10260 to 32767, a horizontal pod
//! autoscaler sync period of `10s` to `15s` that needs a provisioned control plane tier.

use std::collections::HashSet;

use super::V;
use crate::config::rules::single_unit_duration;
use crate::config::types::{ClusterConfig, ScoringStrategy, ServiceNodePortRange};

/// The oldest Kubernetes minor version whose control plane components EKS lets you configure.
pub const OLDEST_MINOR: u32 = 31;
/// ScoringStrategyType.
pub const SCORING_TYPES: &[&str] = &["LeastAllocated", "MostAllocated"];
/// The NodePorts EKS allows (`minPort` and `maxPort`).
pub const NODE_PORTS: (i64, i64) = (10260, 32767);
/// The resource weights of a scoring strategy.
pub const WEIGHTS: (i64, i64) = (1, 100);
/// At most this many resources in a scoring strategy, each name at most this long.
const MAX_RESOURCES: usize = 100;
const MAX_RESOURCE_NAME: usize = 253;
/// The event TTL EKS allows, in seconds (`10m` to `60m`).
const EVENT_TTL: (u64, u64) = (600, 3600);
/// The horizontal pod autoscaler's sync period EKS allows, in seconds (`10s` to `15s`).
const HPA_SYNC_PERIOD: (u64, u64) = (10, 15);

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig, minor_version: Option<u32>) {
    let set = [
        ("kubeAPIServerConfig", cfg.kube_api_server_config.is_some()),
        ("kubeSchedulerConfig", cfg.kube_scheduler_config.is_some()),
        ("kubeControllerManagerConfig", cfg.kube_controller_manager_config.is_some()),
    ];
    if let Some(m) = minor_version.filter(|m| *m < OLDEST_MINOR) {
        for (p, _) in set.iter().filter(|(_, on)| *on) {
            v.err_hint(
                *p,
                format!("EKS configures the control plane's components from Kubernetes 1.{OLDEST_MINOR}, not `1.{m}`"),
                format!("set `metadata.version` to `1.{OLDEST_MINOR}` or later, or remove `{p}`"),
            );
        }
    }
    if let Some(api) = &cfg.kube_api_server_config {
        if let Some(ttl) = &api.event_ttl {
            duration(v, "kubeAPIServerConfig.eventTTL", ttl, EVENT_TTL);
        }
        if let Some(range) = &api.service_node_port_range {
            port_range(v, "kubeAPIServerConfig.serviceNodePortRange", range);
        }
    }
    if let Some(strategy) = cfg
        .kube_scheduler_config
        .as_ref()
        .and_then(|s| s.node_resources_fit.as_ref())
        .and_then(|n| n.scoring_strategy.as_ref())
    {
        scoring_strategy(v, "kubeSchedulerConfig.nodeResourcesFit.scoringStrategy", strategy);
    }
    if let Some(period) = cfg
        .kube_controller_manager_config
        .as_ref()
        .and_then(|c| c.horizontal_pod_autoscaler_controller_config.as_ref())
        .and_then(|h| h.horizontal_pod_autoscaler_sync_period.as_ref())
    {
        let p = "kubeControllerManagerConfig.horizontalPodAutoscalerControllerConfig.horizontalPodAutoscalerSyncPeriod";
        duration(v, p, period, HPA_SYNC_PERIOD);
        let tier = cfg.control_plane_scaling_config.as_ref().and_then(|c| c.tier.as_deref());
        if matches!(tier, None | Some("standard")) {
            v.err_hint(
                p,
                "EKS sets the autoscaler's sync period only on a provisioned control plane",
                "set `controlPlaneScalingConfig.tier` to `tier-xl` or larger",
            );
        }
    }
}

/// A single-unit duration (`30m`) within `range` (seconds).
fn duration(v: &mut V, p: &str, value: &str, (min, max): (u64, u64)) {
    let show = |s: u64| if s.is_multiple_of(60) { format!("{}m", s / 60) } else { format!("{s}s") };
    match single_unit_duration(value) {
        None => v.err_hint(
            p,
            format!("`{value}` is not a duration EKS takes"),
            format!("write one number and one unit (`s`, `m` or `h`), like `{}`", show(max)),
        ),
        Some(s) if !(min..=max).contains(&s) => v.err_hint(
            p,
            format!("`{value}` is out of EKS's range"),
            format!("use `{}` to `{}`", show(min), show(max)),
        ),
        Some(_) => {}
    }
}

fn port_range(v: &mut V, p: &str, range: &ServiceNodePortRange) {
    let (lo, hi) = NODE_PORTS;
    for (key, port) in [("minPort", range.min_port), ("maxPort", range.max_port)] {
        match port {
            None => v.err_hint(
                format!("{p}.{key}"),
                "must be set",
                format!("EKS takes both ports: `{lo}` to `{hi}`"),
            ),
            Some(n) if !(lo..=hi).contains(&n) => v.err_hint(
                format!("{p}.{key}"),
                format!("`{n}` is not a NodePort EKS allows"),
                format!("use `{lo}` to `{hi}`"),
            ),
            Some(_) => {}
        }
    }
    if let (Some(min), Some(max)) = (range.min_port, range.max_port)
        && min > max
    {
        v.err_hint(
            format!("{p}.minPort"),
            format!("`{min}` is above maxPort `{max}`"),
            "make `minPort` the first port of the range and `maxPort` the last",
        );
    }
}

fn scoring_strategy(v: &mut V, p: &str, strategy: &ScoringStrategy) {
    if let Some(t) = &strategy.strategy_type {
        v.one_of(&format!("{p}.type"), t, SCORING_TYPES);
    }
    let resources = strategy.resources.as_deref().unwrap_or_default();
    if resources.len() > MAX_RESOURCES {
        v.err_hint(
            format!("{p}.resources"),
            format!("{} resources: EKS takes at most {MAX_RESOURCES}", resources.len()),
            "keep the resources that matter for scheduling",
        );
    }
    let mut names = HashSet::new();
    for (i, r) in resources.iter().enumerate() {
        let rp = format!("{p}.resources[{i}]");
        match r.name.as_deref() {
            None | Some("") => {
                v.err_hint(format!("{rp}.name"), "must be set", "name a resource, like `cpu` or `memory`")
            }
            Some(n) if n.len() > MAX_RESOURCE_NAME => v.err_hint(
                format!("{rp}.name"),
                format!("is {} characters long", n.len()),
                format!("EKS takes resource names of at most {MAX_RESOURCE_NAME} characters"),
            ),
            Some(n) => {
                if !names.insert(n) {
                    v.err_hint(
                        format!("{rp}.name"),
                        format!("`{n}` is weighted twice"),
                        "give each resource one weight",
                    );
                }
            }
        }
        let (lo, hi) = WEIGHTS;
        match r.weight {
            None => v.err_hint(format!("{rp}.weight"), "must be set", format!("use `{lo}` to `{hi}`")),
            Some(w) if !(lo..=hi).contains(&w) => v.err_hint(
                format!("{rp}.weight"),
                format!("`{w}` is not a weight EKS takes"),
                format!("use `{lo}` to `{hi}`"),
            ),
            Some(_) => {}
        }
    }
}
