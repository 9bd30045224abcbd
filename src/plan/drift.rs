//! The plan against a live cluster: for each step, what AWS has compared with what the config
//! asks for (pure: what AWS has is handed in, see `cloud::live`).
//!
//! - `+` the resource does not exist: it is created;
//! - `~` it exists and differs where AWS can change it in place: each field, old and new;
//! - `!` it differs where AWS cannot change it in place: what to do instead;
//! - `-` it exists, belongs to the cluster, and is no longer in the config;
//! - `=` it exists as asked (folded in the output).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::{
    ComponentConfigSpec, ControlPlaneSpec, FargateProfileSpec, ManagedNodegroupSpec, Plan, Resource, Taint,
    Val,
};

/// What a run would do to one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mark {
    Create,
    Change,
    Replace,
    Remove,
    Same,
}

impl Mark {
    pub fn symbol(self) -> char {
        match self {
            Self::Create => '+',
            Self::Change => '~',
            Self::Replace => '!',
            Self::Remove => '-',
            Self::Same => '=',
        }
    }
}

/// One field that differs: as AWS has it, as the config asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub field: &'static str,
    pub from: String,
    pub to: String,
    /// Set when AWS cannot change the field in place: what to do instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instead: Option<String>,
}

impl FieldChange {
    fn new(field: &'static str, from: impl Into<String>, to: impl Into<String>) -> Self {
        Self { field, from: from.into(), to: to.into(), instead: None }
    }

    fn fixed(
        field: &'static str,
        from: impl Into<String>,
        to: impl Into<String>,
        instead: impl Into<String>,
    ) -> Self {
        Self { field, from: from.into(), to: to.into(), instead: Some(instead.into()) }
    }
}

/// A list in order, for comparing sets.
fn sorted(items: &[String]) -> Vec<String> {
    let mut out = items.to_vec();
    out.sort();
    out.dedup();
    out
}

/// The control plane as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveControlPlane {
    pub version: String,
    pub logging: BTreeSet<String>,
    pub endpoint_public_access: bool,
    pub endpoint_private_access: bool,
    pub public_access_cidrs: Vec<String>,
    pub tags: BTreeMap<String, String>,
    /// The KMS key of secrets encryption, if it is on.
    pub secrets_key_arn: Option<String>,
    /// The control plane's tier (`standard` unless provisioned).
    pub scaling_tier: String,
    /// The retention of the control plane's log group: `None` when there is no log group,
    /// `Some(None)` when it keeps logs forever.
    pub log_retention_days: Option<Option<i32>>,
    /// EKS Hybrid Nodes' remote node and pod networks (empty: none).
    pub remote_node_cidrs: Vec<String>,
    pub remote_pod_cidrs: Vec<String>,
    /// EKS Auto Mode's node pools when it is on (`None`: off).
    pub auto_mode_pools: Option<Vec<String>>,
    /// The control plane components' settings DescribeCluster shows.
    pub components: ComponentConfigSpec,
    /// `AWS_MANAGED` or `CUSTOMER_ROUTED`.
    pub egress_mode: String,
}

/// A managed node group as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveNodegroup {
    pub min_size: i32,
    pub max_size: i32,
    pub desired_size: i32,
    pub instance_types: Vec<String>,
    pub labels: BTreeMap<String, String>,
    /// EKS's spelling of effects (`NO_SCHEDULE`).
    pub taints: Vec<Taint>,
    pub tags: BTreeMap<String, String>,
    /// Kubernetes version and AMI release.
    pub version: String,
    pub release_version: String,
    pub max_unavailable: Option<i32>,
    pub max_unavailable_percentage: Option<i32>,
    /// Node auto repair (none when EKS shows none).
    pub node_repair: Option<crate::config::NodeRepairConfig>,
}

/// Whether EKS's node repair config is the file's: `enabled` unset is off, as EKS shows it.
fn same_repair(
    want: &crate::config::NodeRepairConfig,
    have: Option<&crate::config::NodeRepairConfig>,
) -> bool {
    let norm = |r: &crate::config::NodeRepairConfig| crate::config::NodeRepairConfig {
        enabled: Some(r.enabled == Some(true)),
        node_repair_config_overrides: r.node_repair_config_overrides.clone().filter(|o| !o.is_empty()),
        ..r.clone()
    };
    norm(want) == norm(&have.cloned().unwrap_or_default())
}

/// An add-on as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveAddon {
    pub version: String,
    pub configuration_values: Option<String>,
    pub service_account_role_arn: Option<String>,
    /// `namespaceConfig.namespace`: `None` when EKS shows none (the add-on's own namespace).
    pub namespace: Option<String>,
    pub tags: BTreeMap<String, String>,
}

/// A Fargate profile as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveFargate {
    /// `namespace` or `namespace{k=v,...}`, sorted.
    pub selectors: Vec<String>,
    pub subnets: Vec<String>,
    pub pod_execution_role: String,
    pub tags: BTreeMap<String, String>,
}

/// What AWS has of a resource a step would make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Live {
    /// Not there.
    Missing,
    /// There; nothing in it is compared.
    Exists,
    ControlPlane(LiveControlPlane),
    Nodegroup(LiveNodegroup),
    Addon(LiveAddon),
    Fargate(LiveFargate),
    /// There; only its tags are compared.
    Tagged(BTreeMap<String, String>),
    /// An IAM role: its tags and the managed policies attached to it.
    Role {
        tags: BTreeMap<String, String>,
        policies: Vec<String>,
        /// Inline policies: name to document.
        inline: BTreeMap<String, String>,
    },
    AccessEntry(LiveAccessEntry),
}

/// An access entry as EKS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveAccessEntry {
    pub kubernetes_groups: Vec<String>,
    pub username: Option<String>,
    /// Each associated policy as `name (cluster)` or `name (namespace: a,b)`, sorted.
    pub policies: Vec<String>,
    pub tags: BTreeMap<String, String>,
}

/// One line of the live plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Marked {
    pub id: String,
    pub description: String,
    pub mark: Mark,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<FieldChange>,
}

/// The plan against what exists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LivePlan {
    pub cluster: String,
    pub region: String,
    pub steps: Vec<Marked>,
    /// What belongs to the cluster and is not in the config (`-`): removed only with `--prune`.
    pub removals: Vec<Marked>,
}

/// The fields of `kubeAPIServerConfig`, `kubeSchedulerConfig` and `kubeControllerManagerConfig`
/// the file sets that EKS has otherwise (UpdateClusterConfig changes them in place); durations
/// compare by length (`60m` is `1h`), resources whatever their order. Every field starts with
/// `kube-`.
pub fn components(want: &ComponentConfigSpec, have: &ComponentConfigSpec) -> Vec<FieldChange> {
    use crate::config::rules::duration_seconds;
    let mut out = Vec::new();
    let show = |v: Option<String>| v.unwrap_or_else(|| "EKS's default".to_string());
    let same_duration = |a: &str, b: Option<&String>| {
        b.is_some_and(|b| b == a || duration_seconds(a).is_some_and(|s| duration_seconds(b) == Some(s)))
    };
    if let Some(ttl) = &want.event_ttl
        && !same_duration(ttl, have.event_ttl.as_ref())
    {
        out.push(FieldChange::new("kube-apiserver eventTTL", show(have.event_ttl.clone()), ttl));
    }
    let range = |r: (i32, i32)| format!("{}-{}", r.0, r.1);
    if let Some(r) = want.node_port_range
        && have.node_port_range != Some(r)
    {
        let from = show(have.node_port_range.map(range));
        out.push(FieldChange::new("kube-apiserver serviceNodePortRange", from, range(r)));
    }
    if let Some(t) = &want.scoring_type
        && have.scoring_type.as_ref() != Some(t)
    {
        out.push(FieldChange::new("kube-scheduler scoringStrategy.type", show(have.scoring_type.clone()), t));
    }
    let weights = |list: &[(String, i32)]| {
        let mut items: Vec<String> = list.iter().map(|(n, w)| format!("{n}={w}")).collect();
        items.sort();
        items.join(", ")
    };
    if let Some(list) = &want.scoring_resources
        && have.scoring_resources.as_deref().map(weights) != Some(weights(list))
    {
        let from = show(have.scoring_resources.as_deref().map(weights));
        out.push(FieldChange::new("kube-scheduler scoringStrategy.resources", from, weights(list)));
    }
    if let Some(period) = &want.hpa_sync_period
        && !same_duration(period, have.hpa_sync_period.as_ref())
    {
        let from = show(have.hpa_sync_period.clone());
        out.push(FieldChange::new("kube-controller-manager horizontalPodAutoscalerSyncPeriod", from, period));
    }
    out
}

/// The control plane's egress: EKS routes its traffic through the cluster's subnets from then on,
/// `CUSTOMER_ROUTED` is for the life of the cluster. A file without the field leaves it.
fn egress_mode(spec: &ControlPlaneSpec, live: &LiveControlPlane) -> Option<FieldChange> {
    let want = spec.egress_mode.as_ref().filter(|w| **w != live.egress_mode)?;
    Some(if live.egress_mode == "CUSTOMER_ROUTED" {
        FieldChange::fixed(
            "control plane egress mode",
            &live.egress_mode,
            want,
            "EKS keeps `CUSTOMER_ROUTED` for the life of the cluster; keep `vpc.controlPlaneEgressMode: CUSTOMER_ROUTED`, or make a new cluster",
        )
    } else {
        FieldChange::new("control plane egress mode", &live.egress_mode, want)
    })
}

/// The differences of the control plane that a run changes in place (`~`) or cannot (`!`).
pub fn control_plane(spec: &ControlPlaneSpec, live: &LiveControlPlane) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if live.version != spec.version {
        out.push(FieldChange::fixed(
            "version",
            &live.version,
            &spec.version,
            format!("`eksup upgrade cluster --version {}`", spec.version),
        ));
    }
    let want: BTreeSet<String> = spec.log_types.iter().cloned().collect();
    if want != live.logging {
        out.push(FieldChange::new("logging", list(&live.logging), list(&want)));
    }
    if spec.endpoint_public_access != live.endpoint_public_access {
        out.push(FieldChange::new(
            "endpoint public access",
            live.endpoint_public_access.to_string(),
            spec.endpoint_public_access.to_string(),
        ));
    }
    if spec.endpoint_private_access != live.endpoint_private_access {
        out.push(FieldChange::new(
            "endpoint private access",
            live.endpoint_private_access.to_string(),
            spec.endpoint_private_access.to_string(),
        ));
    }
    // No CIDRs in the config means AWS's default, open to all.
    let want: BTreeSet<&str> = if spec.public_access_cidrs.is_empty() {
        BTreeSet::from(["0.0.0.0/0"])
    } else {
        spec.public_access_cidrs.iter().map(String::as_str).collect()
    };
    let have: BTreeSet<&str> = live.public_access_cidrs.iter().map(String::as_str).collect();
    if spec.endpoint_public_access && !have.is_empty() && want != have {
        out.push(FieldChange::new("public access CIDRs", list(&have), list(&want)));
    }
    // EKS Auto Mode: turned on or off, or its node pools changed, in place (UpdateClusterConfig).
    let want_auto = spec.auto_mode.as_ref().map(|a| sorted(&a.node_pools));
    let have_auto = live.auto_mode_pools.as_deref().map(sorted);
    if want_auto != have_auto {
        let show = |pools: &Option<Vec<String>>| match pools {
            None => "off".to_string(),
            Some(p) if p.is_empty() => "on, no node pools".to_string(),
            Some(p) => format!("on, node pools {}", list(p)),
        };
        out.push(FieldChange::new("Auto Mode", show(&have_auto), show(&want_auto)));
    }
    // Hybrid nodes' networks: EKS adds, changes and removes them in place (UpdateClusterConfig,
    // each list replaced); a file without `remoteNetworkConfig` leaves them as they are.
    if let Some(remote) = &spec.remote_network {
        let (want_nodes, want_pods) = (sorted(&remote.node_cidrs), sorted(&remote.pod_cidrs));
        let (have_nodes, have_pods) = (sorted(&live.remote_node_cidrs), sorted(&live.remote_pod_cidrs));
        if (&want_nodes, &want_pods) != (&have_nodes, &have_pods) {
            let show = |nodes: &[String], pods: &[String]| match (nodes.is_empty(), pods.is_empty()) {
                (true, true) => "none".to_string(),
                (_, true) => format!("nodes {}", list(nodes)),
                _ => format!("nodes {}, pods {}", list(nodes), list(pods)),
            };
            let (from, to) = (show(&have_nodes, &have_pods), show(&want_nodes, &want_pods));
            out.push(FieldChange::new("remote networks", from, to));
        }
    }
    if let Some(want) = spec.log_retention_days {
        let have = match live.log_retention_days {
            None => "no log group".to_string(),
            Some(None) => "forever".to_string(),
            Some(Some(d)) => format!("{d} days"),
        };
        if live.log_retention_days != Some(Some(want)) {
            out.push(FieldChange::new("log retention", have, format!("{want} days")));
        }
    }
    if let Some(want) = &spec.scaling_tier
        && !live.scaling_tier.is_empty()
        && *want != live.scaling_tier
    {
        out.push(FieldChange::new("control plane tier", &live.scaling_tier, want));
    }
    out.extend(components(&spec.components, &live.components));
    out.extend(egress_mode(spec, live));
    // EKS turns secrets encryption on once: never off, never to another key.
    let have = live.secrets_key_arn.as_deref().unwrap_or("off");
    let want = spec.secrets_key_arn.as_deref().unwrap_or("off");
    if have != want {
        out.push(if live.secrets_key_arn.is_none() {
            FieldChange::new("secrets encryption", have, want)
        } else {
            FieldChange::fixed(
                "secrets encryption",
                have,
                want,
                format!("EKS cannot turn it off or change its key; keep `secretsEncryption.keyARN: {have}`"),
            )
        });
    }
    out
}

/// The Kubernetes version a managed node group follows: its control plane's, as the config asks
/// it (`want`) and as EKS has it now (`control_plane`).
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    pub want: &'a str,
    pub control_plane: &'a str,
}

/// The differences of a managed node group. The desired size is the autoscaler's once the
/// group exists: only a desired size outside the new bounds changes. A group behind the
/// config's Kubernetes version (or AMI release) is updated in place once the control plane runs
/// that version (EKS refuses a group newer than its control plane).
pub fn nodegroup(
    spec: &ManagedNodegroupSpec,
    live: &LiveNodegroup,
    versions: Versions<'_>,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if !live.version.is_empty() && !versions.want.is_empty() && live.version != versions.want {
        let own_template = matches!(spec.launch_template, Val::Lit(_));
        let instead = if own_template {
            Some(format!(
                "`eksup upgrade nodegroup --name {} --launch-template-version` with an image for {}",
                spec.nodegroup_name, versions.want
            ))
        } else if versions.control_plane != versions.want {
            Some(format!("`eksup upgrade cluster --version {}` first", versions.want))
        } else {
            None
        };
        out.push(FieldChange {
            field: "version",
            from: live.version.clone(),
            to: versions.want.to_string(),
            instead,
        });
    } else if let Some(want) = spec.release_version.as_deref()
        && !live.release_version.is_empty()
        && want != live.release_version
    {
        out.push(FieldChange::new("release version", &live.release_version, want));
    }
    // EKS's default: one node at a time.
    let want = match (spec.max_unavailable, spec.max_unavailable_percentage) {
        (None, None) => None,
        (count, percentage) => Some((count, percentage)),
    };
    let have = (live.max_unavailable, live.max_unavailable_percentage);
    if let Some(want) = want
        && want != have
    {
        let show = |(count, percentage): (Option<i32>, Option<i32>)| match (count, percentage) {
            (_, Some(p)) => format!("maxUnavailablePercentage={p}"),
            (Some(n), None) => format!("maxUnavailable={n}"),
            (None, None) => "maxUnavailable=1".to_string(),
        };
        out.push(FieldChange::new("update config", show(have), show(want)));
    }
    if let Some(want) = &spec.node_repair
        && !same_repair(want, live.node_repair.as_ref())
    {
        let show = |r: Option<&crate::config::NodeRepairConfig>| match r {
            Some(r) if r.enabled == Some(true) => {
                let n = r.node_repair_config_overrides.as_ref().map_or(0, Vec::len);
                if n > 0 { format!("enabled, {n} overrides") } else { "enabled".to_string() }
            }
            _ => "disabled".to_string(),
        };
        let (from, to) = (show(live.node_repair.as_ref()), show(Some(want)));
        // Same summary, other thresholds or overrides.
        let to = if from == to { format!("{to} (changed)") } else { to };
        out.push(FieldChange::new("node repair", from, to));
    }
    if (live.min_size, live.max_size) != (spec.min_size, spec.max_size) {
        let desired = live.desired_size.clamp(spec.min_size, spec.max_size);
        out.push(FieldChange::new(
            "scaling (min/desired/max)",
            format!("{}/{}/{}", live.min_size, live.desired_size, live.max_size),
            format!("{}/{desired}/{}", spec.min_size, spec.max_size),
        ));
    }
    if live.labels != spec.labels {
        let show =
            |m: &BTreeMap<String, String>| m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        out.push(FieldChange::new("labels", show(&live.labels).join(","), show(&spec.labels).join(",")));
    }
    let taints = |t: &[Taint]| {
        t.iter().map(|t| format!("{}={}:{}", t.key, t.value, eks_effect(&t.effect))).collect::<BTreeSet<_>>()
    };
    if taints(&live.taints) != taints(&spec.taints) {
        out.push(FieldChange::new("taints", list(taints(&live.taints)), list(taints(&spec.taints))));
    }
    if !spec.instance_types.is_empty()
        && !live.instance_types.is_empty()
        && live.instance_types != spec.instance_types
    {
        out.push(FieldChange::fixed(
            "instance types",
            live.instance_types.join(","),
            spec.instance_types.join(","),
            "create a node group with the new instance types, then delete this one",
        ));
    }
    out
}

/// The differences of an add-on: a version, configuration values or service-account role the
/// config sets (`role`: `None` when the config has none, or it is known only once the run is
/// under way), and a namespace EKS cannot move it to.
pub fn addon(
    version: Option<&str>,
    configuration_values: Option<&str>,
    role: Option<&str>,
    namespace: Option<&str>,
    live: &LiveAddon,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    // EKS keeps an add-on in the namespace it was made in ("you must remove and re-create the
    // add-on to change its namespace", its user guide); no namespace shown is `kube-system`,
    // where EKS's own add-ons go by default. A file without `namespaceConfig` leaves it.
    let have = live.namespace.as_deref().unwrap_or("kube-system");
    if let Some(want) = namespace.filter(|w| *w != have) {
        out.push(FieldChange::fixed(
            "namespace",
            have,
            want,
            "EKS keeps an add-on in the namespace it was made in: delete the add-on (`eksup delete addon`) and run again",
        ));
    }
    if let Some(want) = version.filter(|v| !v.is_empty() && *v != "latest" && *v != "default")
        && want != live.version
    {
        out.push(FieldChange::new("version", &live.version, want));
    }
    if let Some(want) = configuration_values
        && Some(want) != live.configuration_values.as_deref()
    {
        out.push(FieldChange::new(
            "configuration values",
            live.configuration_values.clone().unwrap_or_default(),
            want,
        ));
    }
    if let Some(want) = role
        && Some(want) != live.service_account_role_arn.as_deref()
    {
        out.push(FieldChange::new("role", live.service_account_role_arn.clone().unwrap_or_default(), want));
    }
    out
}

/// A Fargate profile's selectors as [`LiveFargate::selectors`] has them.
pub fn fargate_selectors<'a>(
    selectors: impl IntoIterator<Item = (&'a str, &'a BTreeMap<String, String>)>,
) -> Vec<String> {
    let mut out: Vec<String> = selectors
        .into_iter()
        .map(|(namespace, labels)| {
            if labels.is_empty() {
                namespace.to_string()
            } else {
                format!(
                    "{namespace}{{{}}}",
                    labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",")
                )
            }
        })
        .collect();
    out.sort();
    out
}

/// The differences of a Fargate profile. EKS cannot change a profile: a run replaces one that
/// differs (deleted, then created, one profile at a time as EKS requires). `role` and `subnets`
/// are compared when known (`None`: an output of a step of the run).
pub fn fargate(
    spec: &FargateProfileSpec,
    role: Option<&str>,
    subnets: Option<&[String]>,
    live: &LiveFargate,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let want = fargate_selectors(spec.selectors.iter().map(|s| (s.namespace.as_str(), &s.labels)));
    if want != live.selectors {
        out.push(FieldChange::new("selectors (replaced)", list(&live.selectors), list(&want)));
    }
    if let Some(subnets) = subnets {
        let mut want = subnets.to_vec();
        want.sort();
        let mut have = live.subnets.clone();
        have.sort();
        if want != have {
            out.push(FieldChange::new("subnets (replaced)", list(&have), list(&want)));
        }
    }
    if let Some(role) = role
        && role != live.pod_execution_role
    {
        out.push(FieldChange::new("pod execution role (replaced)", &live.pod_execution_role, role));
    }
    out
}

/// An access policy association as [`LiveAccessEntry::policies`] shows it.
pub fn access_policy(arn: &str, scope: &str, namespaces: &[String]) -> String {
    let name = arn.rsplit('/').next().unwrap_or(arn);
    if scope.eq_ignore_ascii_case("namespace") {
        let mut namespaces = namespaces.to_vec();
        namespaces.sort();
        format!("{name} (namespace: {})", namespaces.join(","))
    } else {
        format!("{name} (cluster)")
    }
}

/// The differences of an access entry: Kubernetes groups (standard entries), user name and
/// access policies, each changed in place. An entry eksup did not make (`owned` false: EKS's
/// own for the cluster's creator) only gains the policies the config adds.
pub fn access_entry(
    entry_type: &str,
    kubernetes_groups: &[String],
    username: Option<&str>,
    policies: &[super::AccessPolicyAssoc],
    live: &LiveAccessEntry,
    owned: bool,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    if !owned {
        let mut want = live.policies.clone();
        want.extend(
            policies
                .iter()
                .map(|p| access_policy(&p.policy_arn, &p.scope, &p.namespaces))
                .filter(|p| !live.policies.contains(p)),
        );
        want.sort();
        if want != live.policies {
            out.push(FieldChange::new("access policies", list(&live.policies), list(&want)));
        }
        return out;
    }
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let (want, have) = (sorted(kubernetes_groups), sorted(&live.kubernetes_groups));
    if entry_type.eq_ignore_ascii_case("STANDARD") && want != have {
        out.push(FieldChange::new("kubernetes groups", list(&have), list(&want)));
    }
    if let Some(want) = username
        && live.username.as_deref() != Some(want)
    {
        out.push(FieldChange::new("username", live.username.clone().unwrap_or_default(), want));
    }
    let mut want: Vec<String> =
        policies.iter().map(|p| access_policy(&p.policy_arn, &p.scope, &p.namespaces)).collect();
    want.sort();
    if want != live.policies {
        out.push(FieldChange::new("access policies", list(&live.policies), list(&want)));
    }
    out
}

/// The managed policies of a role that a run changes: those missing are attached; a service
/// account's role (made for that account alone) also loses those the config no longer has,
/// while other roles keep what was attached beside eksup's.
pub fn role_policies(trust: &super::Trust, want: &[String], have: &[String]) -> Option<FieldChange> {
    let exclusive = trust.is_exclusive();
    let missing = want.iter().any(|w| !have.contains(w));
    let extra = exclusive && have.iter().any(|h| !want.contains(h));
    if !missing && !extra {
        return None;
    }
    let name = |arn: &String| arn.rsplit('/').next().unwrap_or(arn).to_string();
    let mut from: Vec<String> = have.iter().map(name).collect();
    let mut to: Vec<String> = if exclusive {
        want.iter().map(name).collect()
    } else {
        have.iter().chain(want.iter().filter(|w| !have.contains(w))).map(name).collect()
    };
    from.sort();
    to.sort();
    Some(FieldChange::new("policies", list(&from), list(&to)))
}

/// The inline policies of a role that a run puts or deletes (all others of a service account's
/// role, eksup's grants no longer asked for of the others): their names, one marked `*` when its
/// document differs.
pub fn inline_policies_change(
    trust: &super::Trust,
    want: &BTreeMap<String, String>,
    have: &BTreeMap<String, String>,
) -> Option<FieldChange> {
    let exclusive = trust.is_exclusive();
    // What a run removes: anything but the file's from a service account's role, eksup's own
    // grants no longer asked for from the others.
    let removable = |n: &String| !want.contains_key(n) && (exclusive || super::is_eksup_inline_policy(n));
    let parse = |d: &String| serde_json::from_str::<serde_json::Value>(d).ok();
    let differs =
        |name: &String, document: &String| have.get(name).is_none_or(|h| parse(h) != parse(document));
    let changed = want.iter().any(|(n, d)| differs(n, d)) || have.keys().any(removable);
    if !changed {
        return None;
    }
    let to: Vec<String> = want
        .iter()
        .map(|(n, d)| if have.contains_key(n) && differs(n, d) { format!("{n}*") } else { n.clone() })
        .collect();
    let from: Vec<&String> = have.keys().filter(|n| want.contains_key(*n) || removable(n)).collect();
    Some(FieldChange::new("inline policies", list(from), list(to)))
}

/// The tags `want` has and `have` lacks or holds with another value (tags added outside eksup
/// stay: a re-run only adds and updates).
pub fn tags(want: &BTreeMap<String, String>, have: &BTreeMap<String, String>) -> Option<FieldChange> {
    let added = tags_to_add(want, have.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    if added.is_empty() {
        return None;
    }
    let show = |m: &BTreeMap<String, String>| {
        added.keys().filter_map(|k| m.get(k).map(|v| format!("{k}={v}"))).collect::<Vec<_>>().join(",")
    };
    Some(FieldChange::new("tags", show(have), show(want)))
}

/// The tags of `want` that a resource tagged `have` lacks or holds with another value: what a
/// re-run adds or updates (tags set outside eksup stay). The one rule every kind's retag uses.
pub fn tags_to_add<'a>(
    want: &BTreeMap<String, String>,
    have: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, String> {
    let have: BTreeMap<&str, &str> = have.into_iter().collect();
    want.iter()
        .filter(|(k, v)| have.get(k.as_str()) != Some(&v.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `NoSchedule` -> `NO_SCHEDULE`, as EKS spells taint effects.
pub fn eks_effect(effect: &str) -> String {
    match effect {
        "NoSchedule" => "NO_SCHEDULE".into(),
        "PreferNoSchedule" => "PREFER_NO_SCHEDULE".into(),
        "NoExecute" => "NO_EXECUTE".into(),
        other => other.to_string(),
    }
}

fn list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items.into_iter().map(|s| s.as_ref().to_string()).collect::<Vec<_>>().join(",")
}

/// The version the plan's managed node groups follow, and the control plane's as AWS has it
/// (the config's when it is not there yet).
pub fn versions<'a>(plan: &'a Plan, live: &'a BTreeMap<String, Live>) -> Versions<'a> {
    let step = plan.steps.iter().find(|s| matches!(s.resource, Resource::ControlPlane(_)));
    let want = match step.map(|s| &s.resource) {
        Some(Resource::ControlPlane(spec)) => spec.version.as_str(),
        _ => "",
    };
    let control_plane = match step.and_then(|s| live.get(&s.id)) {
        Some(Live::ControlPlane(l)) => l.version.as_str(),
        _ => want,
    };
    Versions { want, control_plane }
}

/// Mark every step of `plan` from what AWS has (`live`, by step id; a step not in it is
/// marked from its dependencies: created when one of them is, else there), and list `removals`.
pub fn mark(plan: &Plan, live: &BTreeMap<String, Live>, removals: Vec<Marked>) -> LivePlan {
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    let mut steps = Vec::new();
    // Plan order has dependencies first.
    let order = plan.levels().map(|l| l.into_iter().flatten().collect::<Vec<_>>()).unwrap_or_default();
    for step in order {
        let want_tags = plan.step_tags(&step.id);
        let changes = match (live.get(&step.id), &step.resource) {
            (Some(Live::ControlPlane(l)), Resource::ControlPlane(spec)) => {
                control_plane(spec, l).into_iter().chain(tags(&want_tags, &l.tags)).collect()
            }
            (Some(Live::Nodegroup(l)), Resource::ManagedNodegroup(spec)) => {
                nodegroup(spec, l, versions(plan, live))
                    .into_iter()
                    .chain(tags(&want_tags, &l.tags))
                    .collect()
            }
            (
                Some(Live::Addon(l)),
                Resource::Addon {
                    version, configuration_values, service_account_role_arn, namespace, ..
                },
            ) => {
                let role = match service_account_role_arn {
                    Some(Val::Lit(arn)) => Some(arn.as_str()),
                    _ => None,
                };
                addon(version.as_deref(), configuration_values.as_deref(), role, namespace.as_deref(), l)
                    .into_iter()
                    .chain(tags(&want_tags, &l.tags))
                    .collect()
            }
            (Some(Live::Fargate(l)), Resource::FargateProfile(spec)) => {
                let role = match &spec.pod_execution_role {
                    Val::Lit(arn) => Some(arn.as_str()),
                    Val::Out(_) => None,
                };
                let subnets: Option<Vec<String>> = spec
                    .subnets
                    .iter()
                    .map(|v| match v {
                        Val::Lit(id) => Some(id.clone()),
                        Val::Out(_) => None,
                    })
                    .collect();
                fargate(spec, role, subnets.as_deref(), l)
                    .into_iter()
                    .chain(tags(&want_tags, &l.tags))
                    .collect()
            }
            (
                Some(Live::Role { tags: have, policies, inline }),
                Resource::IamRole { trust, managed_policies, inline_policies, tags: own, .. },
            ) => {
                let mut want = want_tags;
                want.extend(own.clone());
                role_policies(trust, managed_policies, policies)
                    .into_iter()
                    .chain(inline_policies_change(trust, inline_policies, inline))
                    .chain(tags(&want, have))
                    .collect()
            }
            (
                Some(Live::AccessEntry(l)),
                Resource::AccessEntry { entry_type, kubernetes_groups, username, policies, .. },
            ) => {
                let owned = l.tags.get(super::tags::CLUSTER).is_some_and(|c| *c == plan.cluster);
                let changes =
                    access_entry(entry_type, kubernetes_groups, username.as_deref(), policies, l, owned);
                changes.into_iter().chain(tags(&want_tags, &l.tags).filter(|_| owned)).collect()
            }
            (Some(Live::Tagged(have)), resource) => {
                let mut want = want_tags;
                match resource {
                    // Auto Scaling groups are named after the node group; ECR repositories and
                    // groups carry their own tags too.
                    Resource::AutoScalingGroup(spec) => {
                        want.remove("Name");
                        want.extend(spec.tags.clone());
                    }
                    Resource::EcrRepository(spec) => want.extend(spec.tags.clone()),
                    _ => {}
                }
                tags(&want, have).into_iter().collect()
            }
            _ => Vec::new(),
        };
        let mark = match live.get(&step.id) {
            Some(Live::Missing) => Mark::Create,
            None if step.depends_on.iter().any(|d| marks.get(d.as_str()) == Some(&Mark::Create)) => {
                Mark::Create
            }
            _ if changes.iter().any(|c| c.instead.is_some()) => Mark::Replace,
            _ if !changes.is_empty() => Mark::Change,
            _ => Mark::Same,
        };
        marks.insert(&step.id, mark);
        steps.push(Marked { id: step.id.clone(), description: step.description.clone(), mark, changes });
    }
    LivePlan { cluster: plan.cluster.clone(), region: plan.region.clone(), steps, removals }
}

impl LivePlan {
    pub fn count(&self, mark: Mark) -> usize {
        self.steps.iter().chain(&self.removals).filter(|s| s.mark == mark).count()
    }

    /// The plan for people: what changes, one step a line with its fields; unchanged folded.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "plan for cluster `{}` in `{}` against what exists: {} to create, {} to change in place, {} that cannot change in place, {} to remove with `--prune`, {} unchanged",
            self.cluster,
            self.region,
            self.count(Mark::Create),
            self.count(Mark::Change),
            self.count(Mark::Replace),
            self.count(Mark::Remove),
            self.count(Mark::Same),
        );
        for s in self.steps.iter().chain(&self.removals).filter(|s| s.mark != Mark::Same) {
            let _ = writeln!(out, "  {} {}  [{}]", s.mark.symbol(), s.description, s.id);
            for c in &s.changes {
                let _ = write!(out, "      {}: `{}` -> `{}`", c.field, c.from, c.to);
                match &c.instead {
                    Some(i) => {
                        let _ = writeln!(out, " (cannot change in place: {i})");
                    }
                    None => out.push('\n'),
                }
            }
        }
        let same = self.count(Mark::Same);
        if same > 0 {
            let _ = writeln!(out, "  = {same} unchanged");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Step, Val};

    fn spec() -> ControlPlaneSpec {
        ControlPlaneSpec {
            version: "1.34".into(),
            role: Val::lit("arn:aws:iam::1:role/r"),
            subnets: Vec::new(),
            security_groups: Vec::new(),
            endpoint_public_access: true,
            endpoint_private_access: false,
            public_access_cidrs: Vec::new(),
            log_types: vec!["api".into(), "audit".into()],
            authentication_mode: "API_AND_CONFIG_MAP".into(),
            bootstrap_cluster_creator_admin_permissions: true,
            secrets_key_arn: None,
            service_ipv4_cidr: None,
            ip_family: "IPv4".into(),
            upgrade_support_type: None,
            zonal_shift: None,
            scaling_tier: None,
            auto_mode: None,
            remote_network: None,
            components: ComponentConfigSpec::default(),
            log_retention_days: None,
            egress_mode: None,
        }
    }

    fn group(name: &str, min: i32, max: i32, types: &[&str]) -> ManagedNodegroupSpec {
        ManagedNodegroupSpec {
            nodegroup_name: name.into(),
            node_role: Val::lit("arn:aws:iam::1:role/n"),
            subnets: Vec::new(),
            min_size: min,
            max_size: max,
            desired_size: min,
            instance_types: types.iter().map(ToString::to_string).collect(),
            ami_type: "AL2023_x86_64_STANDARD".into(),
            capacity_type: "ON_DEMAND".into(),
            labels: BTreeMap::from([("role".to_string(), "web".to_string())]),
            taints: vec![Taint { key: "d".into(), value: "x".into(), effect: "NoSchedule".into() }],
            launch_template: Val::lit("lt-1"),
            launch_template_version: None,
            release_version: None,
            max_unavailable: None,
            max_unavailable_percentage: None,
            node_repair: None,
            asg_tags: BTreeMap::new(),
            suspend_processes: None,
        }
    }

    fn step(id: &str, resource: Resource, after: &[&str]) -> Step {
        Step {
            id: id.into(),
            description: id.replace('-', " "),
            resource,
            depends_on: after.iter().map(ToString::to_string).collect(),
        }
    }

    /// A plan of a control plane, three node groups, the nodes of one and an add-on.
    fn marker_plan() -> Plan {
        let addon = Resource::Addon {
            addon_name: "coredns".into(),
            version: Some("v1.12.4-eksbuild.1".into()),
            configuration_values: None,
            service_account_role_arn: None,
            pod_identities: Vec::new(),
            resolve_conflicts: None,
            namespace: None,
            offer: crate::plan::AddonOffer::default(),
            wait: false,
        };
        Plan {
            cluster: "demo".into(),
            region: "us-west-2".into(),
            tags: BTreeMap::new(),
            steps: vec![
                step("vpc", Resource::Vpc { cidr: "10.0.0.0/16".into(), ipv6: false, ipv6_pool: None }, &[]),
                step("control-plane", Resource::ControlPlane(Box::new(spec())), &["vpc"]),
                step(
                    "nodegroup-web",
                    Resource::ManagedNodegroup(Box::new(group("web", 1, 4, &["m5.large"]))),
                    &["control-plane"],
                ),
                step(
                    "nodegroup-gpu",
                    Resource::ManagedNodegroup(Box::new(group("gpu", 1, 2, &["g5.xlarge"]))),
                    &["control-plane"],
                ),
                step(
                    "nodegroup-new",
                    Resource::ManagedNodegroup(Box::new(group("new", 1, 2, &["m5.large"]))),
                    &["control-plane"],
                ),
                step(
                    "nodes-new",
                    Resource::Vpc { cidr: String::new(), ipv6: false, ipv6_pool: None },
                    &["nodegroup-new"],
                ),
                step("addon-coredns", addon, &["control-plane"]),
            ],
        }
    }

    /// One plan with every marker: the snapshot of what people read.
    #[test]
    fn every_marker_renders_with_its_fields() {
        let plan = marker_plan();
        let same_group = LiveNodegroup {
            min_size: 1,
            max_size: 2,
            desired_size: 1,
            instance_types: vec!["m5.large".into()],
            labels: BTreeMap::from([("role".to_string(), "web".to_string())]),
            taints: vec![Taint { key: "d".into(), value: "x".into(), effect: "NO_SCHEDULE".into() }],
            tags: BTreeMap::new(),
            version: "1.34".into(),
            ..LiveNodegroup::default()
        };
        let live = BTreeMap::from([
            ("vpc".to_string(), Live::Exists),
            (
                "control-plane".to_string(),
                Live::ControlPlane(LiveControlPlane {
                    version: "1.33".into(),
                    logging: BTreeSet::from(["api".to_string()]),
                    endpoint_public_access: true,
                    endpoint_private_access: false,
                    public_access_cidrs: vec!["0.0.0.0/0".into()],
                    tags: BTreeMap::new(),
                    secrets_key_arn: Some("arn:aws:kms:us-west-2:1:key/k".into()),
                    scaling_tier: "standard".into(),
                    log_retention_days: None,
                    ..LiveControlPlane::default()
                }),
            ),
            (
                "nodegroup-web".to_string(),
                Live::Nodegroup(LiveNodegroup { labels: BTreeMap::new(), ..same_group.clone() }),
            ),
            ("nodegroup-gpu".to_string(), Live::Nodegroup(same_group)),
            ("nodegroup-new".to_string(), Live::Missing),
            (
                "addon-coredns".to_string(),
                Live::Addon(LiveAddon {
                    version: "v1.12.4-eksbuild.1".into(),
                    configuration_values: None,
                    service_account_role_arn: None,
                    namespace: None,
                    tags: BTreeMap::new(),
                }),
            ),
        ]);
        // EKS has the tags eksup gives (tags are their own test below).
        let mut live = live;
        for (id, l) in &mut live {
            match l {
                Live::ControlPlane(c) => c.tags = plan.step_tags(id),
                Live::Nodegroup(n) => n.tags = plan.step_tags(id),
                Live::Addon(a) => a.tags = plan.step_tags(id),
                Live::Fargate(f) => f.tags = plan.step_tags(id),
                Live::Tagged(t) | Live::Role { tags: t, .. } => *t = plan.step_tags(id),
                Live::AccessEntry(a) => a.tags = plan.step_tags(id),
                Live::Missing | Live::Exists => {}
            }
        }
        let removals = vec![Marked {
            id: "nodegroup-old".into(),
            description: "managed node group `old`".into(),
            mark: Mark::Remove,
            changes: Vec::new(),
        }];
        let live_plan = mark(&plan, &live, removals);
        let want = "\
plan for cluster `demo` in `us-west-2` against what exists: 2 to create, 1 to change in place, 2 that cannot change in place, 1 to remove with `--prune`, 2 unchanged
  ! control plane  [control-plane]
      version: `1.33` -> `1.34` (cannot change in place: `eksup upgrade cluster --version 1.34`)
      logging: `api` -> `api,audit`
      secrets encryption: `arn:aws:kms:us-west-2:1:key/k` -> `off` (cannot change in place: EKS cannot turn it off or change its key; keep `secretsEncryption.keyARN: arn:aws:kms:us-west-2:1:key/k`)
  ~ nodegroup web  [nodegroup-web]
      scaling (min/desired/max): `1/1/2` -> `1/1/4`
      labels: `` -> `role=web`
  ! nodegroup gpu  [nodegroup-gpu]
      instance types: `m5.large` -> `g5.xlarge` (cannot change in place: create a node group with the new instance types, then delete this one)
  + nodegroup new  [nodegroup-new]
  + nodes new  [nodes-new]
  - managed node group `old`  [nodegroup-old]
  = 2 unchanged
";
        assert_eq!(live_plan.render(), want);
        let json = serde_json::to_value(&live_plan).unwrap();
        assert_eq!(json["steps"][0]["mark"], "same");
        assert_eq!(json["removals"][0]["mark"], "remove");
    }

    #[test]
    fn a_group_behind_follows_its_control_plane_in_place_once_that_runs_the_version() {
        // eksup's launch template (an output), not the user's.
        let spec = &ManagedNodegroupSpec {
            launch_template: Val::out("launch-template-web", "id"),
            ..group("web", 1, 2, &["m5.large"])
        };
        let live = LiveNodegroup {
            min_size: spec.min_size,
            max_size: spec.max_size,
            desired_size: spec.desired_size,
            labels: spec.labels.clone(),
            taints: spec.taints.clone(),
            version: "1.33".into(),
            ..LiveNodegroup::default()
        };
        let at = |control_plane| Versions { want: "1.34", control_plane };
        let changes = nodegroup(spec, &live, at("1.34"));
        assert_eq!(changes, [FieldChange::new("version", "1.33", "1.34")]);
        let changes = nodegroup(spec, &live, at("1.33"));
        assert_eq!(changes[0].instead.as_deref(), Some("`eksup upgrade cluster --version 1.34` first"));
        let own = ManagedNodegroupSpec { launch_template: Val::lit("lt-1"), ..spec.clone() };
        assert!(
            nodegroup(&own, &live, at("1.34"))[0].instead.as_deref().unwrap().contains("upgrade nodegroup")
        );

        let current = LiveNodegroup { version: "1.34".into(), ..live };
        assert_eq!(nodegroup(spec, &current, at("1.34")), []);
        let one_at_a_time = ManagedNodegroupSpec { max_unavailable_percentage: Some(25), ..spec.clone() };
        assert_eq!(
            nodegroup(&one_at_a_time, &current, at("1.34")),
            [FieldChange::new("update config", "maxUnavailable=1", "maxUnavailablePercentage=25")]
        );
        let set = LiveNodegroup { max_unavailable_percentage: Some(25), ..current };
        assert_eq!(nodegroup(&one_at_a_time, &set, at("1.34")), []);
    }

    /// `unset` names no egress mode; `live_cp` is `AWS_MANAGED`.
    fn egress_mode_changes(unset: &ControlPlaneSpec, live_cp: &LiveControlPlane) {
        let routed = ControlPlaneSpec { egress_mode: Some("CUSTOMER_ROUTED".into()), ..unset.clone() };
        assert_eq!(
            control_plane(&routed, live_cp),
            [FieldChange::new("control plane egress mode", "AWS_MANAGED", "CUSTOMER_ROUTED")]
        );
        let live_routed = LiveControlPlane { egress_mode: "CUSTOMER_ROUTED".into(), ..live_cp.clone() };
        assert_eq!(control_plane(&routed, &live_routed), []);
        let back = ControlPlaneSpec { egress_mode: Some("AWS_MANAGED".into()), ..unset.clone() };
        let changes = control_plane(&back, &live_routed);
        let fixed = changes.len() == 1
            && changes[0].instead.as_deref().is_some_and(|i| i.contains("for the life of the cluster"));
        assert!(fixed, "{changes:?}");
        assert_eq!(control_plane(unset, &live_routed), [], "a file without the field leaves it");
    }

    #[test]
    fn node_repair_and_the_control_plane_tier_change_in_place() {
        use crate::config::{NodeRepairConfig, NodeRepairConfigOverride};
        let group_spec = &ManagedNodegroupSpec {
            node_repair: Some(NodeRepairConfig {
                enabled: Some(true),
                max_parallel_nodes_repaired_count: Some(1),
                ..NodeRepairConfig::default()
            }),
            ..group("web", 1, 2, &["m5.large"])
        };
        let live = LiveNodegroup {
            min_size: group_spec.min_size,
            max_size: group_spec.max_size,
            desired_size: group_spec.desired_size,
            labels: group_spec.labels.clone(),
            taints: group_spec.taints.clone(),
            ..LiveNodegroup::default()
        };
        let at = Versions { want: "", control_plane: "" };
        assert_eq!(
            nodegroup(group_spec, &live, at),
            [FieldChange::new("node repair", "disabled", "enabled")]
        );
        // EKS shows what it was given, with an empty list of overrides.
        let repaired = LiveNodegroup {
            node_repair: group_spec
                .node_repair
                .clone()
                .map(|r| NodeRepairConfig { node_repair_config_overrides: Some(vec![]), ..r }),
            ..live.clone()
        };
        assert_eq!(nodegroup(group_spec, &repaired, at), []);
        let with_override = ManagedNodegroupSpec {
            node_repair: group_spec.node_repair.clone().map(|r| NodeRepairConfig {
                node_repair_config_overrides: Some(vec![NodeRepairConfigOverride {
                    node_monitoring_condition: Some("NetworkNotReady".into()),
                    node_unhealthy_reason: Some("InterfaceNotUp".into()),
                    min_repair_wait_time_mins: Some(15),
                    repair_action: Some("Reboot".into()),
                }]),
                ..r
            }),
            ..group_spec.clone()
        };
        assert_eq!(
            nodegroup(&with_override, &repaired, at),
            [FieldChange::new("node repair", "enabled", "enabled, 1 overrides")]
        );
        // Not in the file: left as it is.
        let unset = ManagedNodegroupSpec { node_repair: None, ..group_spec.clone() };
        assert_eq!(nodegroup(&unset, &repaired, at), []);

        let cp = ControlPlaneSpec { scaling_tier: Some("tier-xl".into()), ..spec() };
        let live_cp = LiveControlPlane {
            version: cp.version.clone(),
            logging: cp.log_types.iter().cloned().collect(),
            endpoint_public_access: cp.endpoint_public_access,
            endpoint_private_access: cp.endpoint_private_access,
            public_access_cidrs: vec!["0.0.0.0/0".into()],
            scaling_tier: "standard".into(),
            ..LiveControlPlane::default()
        };
        assert_eq!(
            control_plane(&cp, &live_cp),
            [FieldChange::new("control plane tier", "standard", "tier-xl")]
        );
        let unset = ControlPlaneSpec { scaling_tier: None, ..cp };
        assert_eq!(control_plane(&unset, &live_cp), []);

        // The control plane's egress: to CUSTOMER_ROUTED in place, never back.
        egress_mode_changes(
            &unset,
            &LiveControlPlane { egress_mode: "AWS_MANAGED".into(), ..live_cp.clone() },
        );

        // Hybrid nodes' networks: added or changed in place; removed only by the user.
        let remote = |nodes: &[&str], pods: &[&str]| crate::plan::RemoteNetworkSpec {
            node_cidrs: nodes.iter().map(ToString::to_string).collect(),
            pod_cidrs: pods.iter().map(ToString::to_string).collect(),
        };
        let hybrid =
            ControlPlaneSpec { remote_network: Some(remote(&["10.80.0.0/16"], &[])), ..unset.clone() };
        let changes = control_plane(&hybrid, &live_cp);
        assert_eq!(changes, [FieldChange::new("remote networks", "none", "nodes 10.80.0.0/16")]);
        let live_hybrid =
            LiveControlPlane { remote_node_cidrs: vec!["10.80.0.0/16".into()], ..live_cp.clone() };
        assert_eq!(control_plane(&hybrid, &live_hybrid), []);
        let moved = ControlPlaneSpec {
            remote_network: Some(remote(&["10.81.0.0/16"], &["10.85.0.0/16"])),
            ..hybrid.clone()
        };
        assert_eq!(control_plane(&moved, &live_hybrid)[0].to, "nodes 10.81.0.0/16, pods 10.85.0.0/16");
        // Not in the file: left as they are; `remoteNodeNetworks: []`: removed in place.
        assert_eq!(control_plane(&unset, &live_hybrid), []);
        let off = ControlPlaneSpec { remote_network: Some(remote(&[], &[])), ..unset.clone() };
        assert_eq!(
            control_plane(&off, &live_hybrid),
            [FieldChange::new("remote networks", "nodes 10.80.0.0/16", "none")]
        );
        assert_eq!(control_plane(&off, &live_cp), []);
        // The pod networks dropped from a file that keeps the node networks: removed.
        let live_pods =
            LiveControlPlane { remote_pod_cidrs: vec!["10.85.0.0/16".into()], ..live_hybrid.clone() };
        assert_eq!(control_plane(&hybrid, &live_pods)[0].to, "nodes 10.80.0.0/16");
    }

    #[test]
    fn a_fargate_profile_that_differs_is_replaced_and_only_known_fields_are_compared() {
        use crate::plan::FargateSelectorSpec;
        let spec = FargateProfileSpec {
            profile_name: "fp".into(),
            pod_execution_role: Val::out("iam-role-fargate", "arn"),
            subnets: vec![Val::out("subnet-a", "id")],
            selectors: vec![
                FargateSelectorSpec { namespace: "default".into(), labels: BTreeMap::new() },
                FargateSelectorSpec {
                    namespace: "jobs".into(),
                    labels: BTreeMap::from([("tier".to_string(), "batch".to_string())]),
                },
            ],
            tags: BTreeMap::new(),
        };
        let live = LiveFargate {
            selectors: vec!["default".into(), "jobs{tier=batch}".into()],
            subnets: vec!["subnet-2".into(), "subnet-1".into()],
            pod_execution_role: "arn:aws:iam::1:role/f".into(),
            tags: BTreeMap::new(),
        };
        assert_eq!(fargate(&spec, None, None, &live), []);
        let subnets = ["subnet-1".to_string(), "subnet-2".to_string()];
        assert_eq!(fargate(&spec, Some("arn:aws:iam::1:role/f"), Some(&subnets), &live), []);
        let fewer = FargateProfileSpec { selectors: spec.selectors[..1].to_vec(), ..spec.clone() };
        let changes = fargate(&fewer, Some("arn:aws:iam::1:role/g"), Some(&subnets[..1]), &live);
        let fields: Vec<&str> = changes.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["selectors (replaced)", "subnets (replaced)", "pod execution role (replaced)"]);
        assert_eq!(
            (changes[0].from.as_str(), changes[0].to.as_str()),
            ("default,jobs{tier=batch}", "default")
        );
        assert!(changes.iter().all(|c| c.instead.is_none()), "a run replaces it: `~`, not `!`");
    }

    #[test]
    fn an_access_entry_eksup_did_not_make_only_gains_policies() {
        let admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
        let view = super::super::AccessPolicyAssoc {
            policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy".into(),
            scope: "cluster".into(),
            namespaces: Vec::new(),
        };
        let live = LiveAccessEntry {
            kubernetes_groups: vec!["x".into()],
            policies: vec![access_policy(admin, "cluster", &[])],
            ..LiveAccessEntry::default()
        };
        let mine = access_entry("STANDARD", &[], None, std::slice::from_ref(&view), &live, true);
        let fields: Vec<&str> = mine.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["kubernetes groups", "access policies"]);
        assert_eq!(mine[1].to, "AmazonEKSViewPolicy (cluster)");
        // EKS's entry for the cluster's creator: the admin policy stays, the groups too.
        let theirs = access_entry("STANDARD", &[], None, &[view], &live, false);
        assert_eq!(theirs.len(), 1);
        assert_eq!(theirs[0].to, "AmazonEKSClusterAdminPolicy (cluster),AmazonEKSViewPolicy (cluster)");
    }

    #[test]
    fn tags_are_added_and_updated_never_removed() {
        let want = BTreeMap::from([
            ("team".to_string(), "infra".to_string()),
            ("env".to_string(), "prod".to_string()),
        ]);
        let have = BTreeMap::from([
            ("team".to_string(), "platform".to_string()),
            ("owner".to_string(), "x".to_string()),
        ]);
        let change = tags(&want, &have).unwrap();
        assert_eq!((change.from.as_str(), change.to.as_str()), ("team=platform", "env=prod,team=infra"));
        let same = BTreeMap::from([
            ("team".to_string(), "infra".to_string()),
            ("env".to_string(), "prod".to_string()),
            ("owner".to_string(), "x".to_string()),
        ]);
        assert_eq!(tags(&want, &same), None);
    }

    #[test]
    fn the_desired_size_is_left_to_the_autoscaler_unless_out_of_bounds() {
        let live = LiveNodegroup {
            min_size: 1,
            max_size: 4,
            desired_size: 3,
            instance_types: vec!["m5.large".into()],
            labels: BTreeMap::from([("role".to_string(), "web".to_string())]),
            taints: vec![Taint { key: "d".into(), value: "x".into(), effect: "NO_SCHEDULE".into() }],
            tags: BTreeMap::new(),
            version: "1.34".into(),
            ..LiveNodegroup::default()
        };
        let v = Versions { want: "1.34", control_plane: "1.34" };
        assert!(nodegroup(&group("web", 1, 4, &["m5.large"]), &live, v).is_empty());
        let shrunk = nodegroup(&group("web", 1, 2, &["m5.large"]), &live, v);
        assert_eq!(shrunk[0].to, "1/2/2");
    }

    #[test]
    fn control_plane_component_configs_change_in_place() {
        let want = ComponentConfigSpec {
            event_ttl: Some("60m".into()),
            node_port_range: Some((30000, 31000)),
            scoring_type: Some("MostAllocated".into()),
            scoring_resources: Some(vec![("cpu".into(), 2), ("memory".into(), 1)]),
            hpa_sync_period: Some("10s".into()),
        };
        // EKS's durations compare by length, its resources in any order.
        let same = ComponentConfigSpec {
            event_ttl: Some("1h0m0s".into()),
            scoring_resources: Some(vec![("memory".into(), 1), ("cpu".into(), 2)]),
            ..want.clone()
        };
        assert_eq!(components(&want, &same), []);
        let defaults = ComponentConfigSpec { event_ttl: Some("1h".into()), ..ComponentConfigSpec::default() };
        assert_eq!(
            components(&want, &defaults),
            [
                FieldChange::new("kube-apiserver serviceNodePortRange", "EKS's default", "30000-31000"),
                FieldChange::new("kube-scheduler scoringStrategy.type", "EKS's default", "MostAllocated"),
                FieldChange::new(
                    "kube-scheduler scoringStrategy.resources",
                    "EKS's default",
                    "cpu=2, memory=1"
                ),
                FieldChange::new(
                    "kube-controller-manager horizontalPodAutoscalerSyncPeriod",
                    "EKS's default",
                    "10s"
                ),
            ]
        );
        let changed = ComponentConfigSpec { event_ttl: Some("30m".into()), ..want.clone() };
        assert_eq!(
            components(&changed, &same),
            [FieldChange::new("kube-apiserver eventTTL", "1h0m0s", "30m")]
        );
        // Not in the file: left as EKS has it.
        assert_eq!(components(&ComponentConfigSpec::default(), &same), []);

        // Through the control plane's comparison, as the plan shows it.
        let cp = ControlPlaneSpec { components: changed, ..spec() };
        let live_cp = LiveControlPlane {
            version: cp.version.clone(),
            logging: cp.log_types.iter().cloned().collect(),
            endpoint_public_access: cp.endpoint_public_access,
            endpoint_private_access: cp.endpoint_private_access,
            public_access_cidrs: vec!["0.0.0.0/0".into()],
            scaling_tier: "standard".into(),
            components: same,
            ..LiveControlPlane::default()
        };
        assert_eq!(
            control_plane(&cp, &live_cp),
            [FieldChange::new("kube-apiserver eventTTL", "1h0m0s", "30m")]
        );
    }
}
