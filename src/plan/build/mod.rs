//! Build the plan from a defaulted, validated config. Pure: the same config gives the same plan.
//!
//! [`build`] reads the [resolved](crate::config::resolved) config (every default already in
//! place) and adds the steps concern by concern, in this order: ECR repositories
//! ([`registries`]), the network ([`network`]), the control plane with its security groups and
//! role ([`control_plane`], [`iam`]), the add-ons the nodes need ([`addons`]), the managed and
//! self-managed node groups ([`managed`], [`self_managed`], sharing [`nodegroups`]), the add-ons
//! that need nodes, the Fargate profiles ([`fargate`]) and the access entries ([`access`]); a
//! fully-private cluster's VPC endpoints and private-only endpoint ([`private`]).

mod access;
pub use access::hybrid_node_role_name;
mod addons;
mod ami;
mod capabilities;
mod control_plane;
mod fargate;
mod iam;
pub use iam::is_eksup_inline_policy;
mod managed;
mod network;
mod nodegroups;
mod private;
mod registries;
mod self_managed;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use super::*;
use crate::config::{ClusterConfig, Loaded, resolved};
pub use registries::{repository_spec, repository_step_id};

/// What the plan builder needs besides the config.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// Add a step that writes the kubeconfig once the control plane is active.
    pub write_kubeconfig: bool,
    /// Add a step per node group that waits until its nodes are Ready in Kubernetes.
    pub wait_nodes: bool,
    /// The AWS account the cluster is created in (trust conditions name it); `None` offline.
    pub account_id: Option<String>,
}

/// The AWS partition of a region.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// `name` if it fits in `max` characters, else a prefix plus a stable hash of the whole name.
pub fn bounded_name(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    // FNV-1a: stable across runs and platforms.
    let hash = name
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let suffix = format!("-{:08x}", hash & 0xffff_ffff);
    let keep = max - suffix.len();
    format!("{}{suffix}", name[..keep].trim_end_matches('-'))
}

/// A step id fragment from free text (`team/app` -> `team-app`).
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' })
        .collect()
}

/// The ownership tags every resource gets, then the user's `metadata.tags`.
pub fn ownership_tags(cfg: &ClusterConfig) -> BTreeMap<String, String> {
    let mut t: BTreeMap<String, String> = cfg.metadata.tags.clone().unwrap_or_default();
    t.insert(tags::CLUSTER.into(), cfg.metadata.name.clone().unwrap_or_default());
    t.insert(tags::MANAGED_BY.into(), "eksup".into());
    t
}

/// The step that produces `v`, when it is another step's output.
fn step_of(v: &Val) -> Option<StepId> {
    match v {
        Val::Out(r) => Some(r.step.clone()),
        Val::Lit(_) => None,
    }
}

/// The plan as it grows, with what every concern reads.
struct Builder<'a> {
    cfg: &'a ClusterConfig,
    res: &'a resolved::Cluster,
    cluster: String,
    region: String,
    partition: &'static str,
    steps: Vec<Step>,
}

impl Builder<'_> {
    fn add(
        &mut self,
        id: impl Into<String>,
        description: impl Into<String>,
        resource: Resource,
        deps: Vec<StepId>,
    ) -> StepId {
        let id = id.into();
        let mut depends_on = deps;
        depends_on.sort();
        depends_on.dedup();
        self.steps.push(Step { id: id.clone(), description: description.into(), resource, depends_on });
        id
    }
}

/// Build the plan for creating the cluster of `loaded`.
pub fn build(loaded: &Loaded, opts: &PlanOptions) -> Plan {
    let cfg = &loaded.config;
    let res = resolved::Cluster::new(cfg);
    let cluster = loaded.name().to_string();
    let region = loaded.region().to_string();
    let mut b = Builder {
        cfg,
        res: &res,
        cluster: cluster.clone(),
        region: region.clone(),
        partition: partition(&region),
        steps: Vec::new(),
    };

    // ECR repositories depend on nothing: they start with the network.
    b.repositories();
    let mut net = b.network();
    let cp = b.control_plane(&net, opts);
    net.egress = b.vpc_endpoints(&net, &cp);

    // The networking add-ons start with the node groups, as soon as the control plane is up (EKS
    // installs them while the instances boot: both nodes and DaemonSets find each other), and
    // the nodes-ready steps wait for them: without them nodes never turn Ready. Node groups do
    // not wait for them to be ACTIVE (that wait would lie on every create's critical path).
    let (node_addons, after_nodes) = b.addons_before_nodes(&cp.step, opts.wait_nodes);
    let mut nodegroup_steps: Vec<StepId> = Vec::new();
    for ng in &res.managed_node_groups {
        nodegroup_steps.push(b.managed_nodegroup(&net, &cp, &node_addons, ng, opts));
    }
    for ng in &res.node_groups {
        nodegroup_steps.push(b.self_managed_nodegroup(&net, &cp, &node_addons, ng, opts));
    }
    b.addons_after_nodes(&cp.step, after_nodes, &nodegroup_steps);
    b.efa_device_plugin(&cp.step);

    b.fargate_profiles(&net, &cp.step, opts);
    b.access_entries(&cp.step);
    b.kubernetes_access(&cp.step);
    b.hybrid_nodes(&cp.step, opts);
    b.service_accounts(&cp.step);
    b.pod_identities(&cp.step);
    b.identity_providers(&cp.step);
    b.capabilities(&cp.step);
    // Last: it waits for everything that needs the Kubernetes API.
    b.endpoint_access();

    let tags = ownership_tags(cfg);
    Plan { cluster, region, tags, steps: b.steps }
}
