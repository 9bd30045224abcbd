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

use super::{ControlPlaneSpec, ManagedNodegroupSpec, Plan, Resource, Taint};

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

/// The control plane as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveControlPlane {
    pub version: String,
    pub logging: BTreeSet<String>,
    pub endpoint_public_access: bool,
    pub endpoint_private_access: bool,
    pub public_access_cidrs: Vec<String>,
    pub tags: BTreeMap<String, String>,
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
}

/// An add-on as AWS has it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LiveAddon {
    pub version: String,
    pub configuration_values: Option<String>,
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
    out
}

/// The differences of a managed node group. The desired size is the autoscaler's once the
/// group exists: only a desired size outside the new bounds changes.
pub fn nodegroup(spec: &ManagedNodegroupSpec, live: &LiveNodegroup) -> Vec<FieldChange> {
    let mut out = Vec::new();
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

/// The differences of an add-on: a version or configuration values the config sets.
pub fn addon(
    version: Option<&str>,
    configuration_values: Option<&str>,
    live: &LiveAddon,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
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
    out
}

/// The tags `want` has and `have` lacks or holds with another value (tags added outside eksup
/// stay: a re-run only adds and updates).
pub fn tags(want: &BTreeMap<String, String>, have: &BTreeMap<String, String>) -> Option<FieldChange> {
    let differ: Vec<&String> = want.keys().filter(|k| have.get(*k) != want.get(*k)).collect();
    if differ.is_empty() {
        return None;
    }
    let show = |m: &BTreeMap<String, String>| {
        differ.iter().filter_map(|k| m.get(*k).map(|v| format!("{k}={v}"))).collect::<Vec<_>>().join(",")
    };
    Some(FieldChange::new("tags", show(have), show(want)))
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
                nodegroup(spec, l).into_iter().chain(tags(&want_tags, &l.tags)).collect()
            }
            (Some(Live::Addon(l)), Resource::Addon { version, configuration_values, .. }) => {
                addon(version.as_deref(), configuration_values.as_deref(), l)
                    .into_iter()
                    .chain(tags(&want_tags, &l.tags))
                    .collect()
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
            resolve_conflicts: None,
            wait: false,
        };
        Plan {
            cluster: "demo".into(),
            region: "us-west-2".into(),
            tags: BTreeMap::new(),
            steps: vec![
                step("vpc", Resource::Vpc { cidr: "10.0.0.0/16".into() }, &[]),
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
                step("nodes-new", Resource::Vpc { cidr: String::new() }, &["nodegroup-new"]),
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
        };
        assert!(nodegroup(&group("web", 1, 4, &["m5.large"]), &live).is_empty());
        let shrunk = nodegroup(&group("web", 1, 2, &["m5.large"]), &live);
        assert_eq!(shrunk[0].to, "1/2/2");
    }
}
