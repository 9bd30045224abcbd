//! Node groups of an existing cluster: create them from a config file, scale one, delete one.

use std::time::Duration;

use anyhow::Result;

use super::load::{self, ConfigSource};
use super::{Report, RunEnd};
use crate::cloud::{self, AwsCloud, NodegroupKind};
use crate::config::{Loaded, rules};
use crate::error::UserError;
use crate::executor::{self, Cancel, RunOptions};
use crate::output::progress::Progress;
use crate::output::{PlanFormat, Printer};
use crate::plan::{self, Plan, PlanOptions, Resource, render};
use crate::settings::Settings;

/// What `create nodegroup` is asked to do.
#[derive(Debug, Clone)]
pub struct CreateNodegroupOptions {
    pub source: ConfigSource,
    /// Names or globs (`ng-*`) of the node groups to create (empty: all) and to skip.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub dry_run: bool,
    pub output: Option<PlanFormat>,
    pub timeout: Duration,
    pub wait_nodes: bool,
}

/// What a `create <part> -f` on an existing cluster did: the reduced plan of a dry run, or the
/// parts it made (`what`: `node groups`, `service accounts`).
#[derive(Debug)]
pub enum CreatePartReport {
    Plan { plan: Plan, format: Option<PlanFormat> },
    Run { what: &'static str, names: Vec<String>, end: RunEnd },
}

impl Report for CreatePartReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        match self {
            Self::Plan { plan, format } => match format {
                Some(PlanFormat::Json) => printer.data(&serde_json::to_string_pretty(plan)?),
                Some(PlanFormat::Mermaid) => printer.data(&render::mermaid(plan)),
                Some(PlanFormat::Dot) => printer.data(&render::dot(plan)),
                _ => printer.data(&render::tree(plan)),
            },
            Self::Run { what, names, end: RunEnd::Done } => printer.status(
                "Created",
                &format!("{what} {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
            ),
            Self::Run { .. } => {}
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        match self {
            Self::Plan { .. } => RunEnd::Done,
            Self::Run { end, .. } => end,
        }
    }
}

/// Create the node groups of a config file (with `include`/`exclude`) on an existing cluster:
/// the cluster's plan, reduced to those node groups and what they need. Steps that exist already
/// are found again, so only the new groups are made.
pub fn create_nodegroup(
    options: &CreateNodegroupOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreatePartReport> {
    super::create_cluster::graph_needs_dry_run(options.output, options.dry_run)?;
    let loaded = load::load(&options.source, settings, printer, options.dry_run)?;
    let full = plan::build(
        &loaded,
        &PlanOptions { write_kubeconfig: false, wait_nodes: options.wait_nodes, account_id: None },
    );
    let names = chosen(&loaded, options);
    if names.is_empty() {
        return Err(UserError::new("no node group of the config matches")
            .hint("check `--include` and `--exclude`")
            .into());
    }
    let part = Part {
        loaded: &loaded,
        plan: reduce(&full, &names),
        what: "node groups",
        names,
        dry_run: options.dry_run,
        output: options.output,
        timeout: options.timeout,
        detached: false,
    };
    run_part(part, settings, printer)
}

/// A part of a cluster made from its file on the existing cluster: the cluster's plan reduced
/// to it, what it is called and what it names.
pub(super) struct Part<'a> {
    pub loaded: &'a Loaded,
    pub plan: Plan,
    pub what: &'static str,
    pub names: Vec<String>,
    pub dry_run: bool,
    pub output: Option<PlanFormat>,
    pub timeout: Duration,
    /// The config came from flags and knows nothing of the cluster but its name: the plan's
    /// steps of the cluster's own are left out and the cluster is read from EKS
    /// ([`super::part_flags::detach`]).
    pub detached: bool,
}

/// The dry-run of a part's plan, or its run on the existing cluster.
pub(super) fn run_part(part: Part<'_>, settings: &Settings, printer: &Printer) -> Result<CreatePartReport> {
    let Part { loaded, plan, what, names, dry_run, output, timeout, detached } = part;
    let plan = if detached { super::part_flags::detach(plan)? } else { plan };
    if dry_run {
        return Ok(CreatePartReport::Plan { plan, format: output });
    }
    let run = RunPart { plan: &plan, loaded, what: &format!("creating {what}"), names: &names, detached };
    let end = super::runtime()?.block_on(run_on_existing_cluster(run, output, timeout, settings, printer))?;
    Ok(CreatePartReport::Run { what, names, end })
}

/// The reduced plan of a `create <part>` to run: `what` is the run's title (`creating node
/// groups`), `names` the parts made.
struct RunPart<'a> {
    plan: &'a Plan,
    loaded: &'a Loaded,
    what: &'a str,
    names: &'a [String],
    detached: bool,
}

/// Run the reduced plan of a `create <part>` on the existing cluster.
async fn run_on_existing_cluster(
    run: RunPart<'_>,
    output: Option<PlanFormat>,
    timeout: Duration,
    settings: &Settings,
    printer: &Printer,
) -> Result<RunEnd> {
    let RunPart { plan, loaded, what, names, detached } = run;
    let sdk = cloud::load_sdk_config(settings, Some(loaded.region())).await?;
    let aws = AwsCloud::new(&sdk);
    let (name, region) = (loaded.name(), loaded.region());
    let missing = || {
        let hint = if detached {
            "check `--cluster` and `--region`, or create the cluster first with `eksup create cluster`"
        } else {
            "create it first with `eksup create cluster -f`"
        };
        anyhow::Error::from(UserError::new(format!("no cluster `{name}` in `{region}`")).hint(hint))
    };
    let mut initial_outputs = crate::executor::Outputs::new();
    if detached {
        let cluster = aws.existing_cluster_outputs(name).await?.ok_or_else(missing)?;
        initial_outputs.insert(crate::plan::CONTROL_PLANE.to_string(), cluster);
    } else if aws.describe_cluster(name).await?.is_none() {
        return Err(missing());
    }
    aws.look_before_create(plan).await;
    let cancel = Cancel::new();
    super::watch_interrupt(&cancel);
    let json = output == Some(PlanFormat::Json);
    let progress = Progress::new(printer, json, what, &names.join(", "));
    let run_options = RunOptions {
        timeout: Some(timeout),
        cancel,
        rank: crate::plan::estimate::tails(plan),
        initial_outputs,
        ..RunOptions::default()
    };
    let outcome = executor::run(plan, &aws, &progress, run_options).await?;
    progress.finish();
    Ok(RunEnd::of_run(&outcome, what, timeout)
        .hint("run the same command again: it creates only what is missing"))
}

/// Whether `name` is chosen by `include` (none: all) and not by `exclude`: names or globs with
/// one `*`.
pub(super) fn matches(name: &str, include: &[String], exclude: &[String]) -> bool {
    let glob = |pat: &str| match pat.split_once('*') {
        Some((a, b)) => name.len() >= a.len() + b.len() && name.starts_with(a) && name.ends_with(b),
        None => name == pat,
    };
    (include.is_empty() || include.iter().any(|p| glob(p))) && !exclude.iter().any(|p| glob(p))
}

/// The names of the config's node groups that `include` and `exclude` choose.
fn chosen(loaded: &Loaded, options: &CreateNodegroupOptions) -> Vec<String> {
    let matches = |name: &str| matches(name, &options.include, &options.exclude);
    let config = &loaded.config;
    config
        .node_groups
        .iter()
        .flatten()
        .filter_map(|n| n.name.clone())
        .chain(config.managed_node_groups.iter().flatten().filter_map(|n| n.name.clone()))
        .filter(|n| matches(n))
        .collect()
}

/// The chosen node groups' steps and everything they depend on. A step belongs to a node group
/// by the names the plan carries, never by its id's spelling.
fn reduce(full: &Plan, names: &[String]) -> Plan {
    let nodegroup_of = |r: &Resource| -> Option<String> {
        match r {
            Resource::ManagedNodegroup(spec) => Some(spec.nodegroup_name.clone()),
            Resource::AutoScalingGroup(spec) => spec.tags.get(crate::plan::tags::NODEGROUP).cloned(),
            Resource::NodesReady { nodegroup, .. } => Some(nodegroup.clone()),
            _ => None,
        }
    };
    let chosen = |r: &Resource| nodegroup_of(r).is_some_and(|n| names.contains(&n));
    let reduced = reduce_to(full, chosen);
    // An EFA group's nodes need the EFA device plugin, as after eksctl's `create nodegroup`.
    let efa = reduced
        .steps
        .iter()
        .any(|s| matches!(&s.resource, Resource::LaunchTemplate(lt) if !lt.efa_instance_types.is_empty()));
    if !efa {
        return reduced;
    }
    reduce_to(full, |r| chosen(r) || matches!(r, Resource::EfaDevicePlugin { .. }))
}

/// The steps whose resource `chosen` picks, and everything they depend on.
pub(super) fn reduce_to(full: &Plan, chosen: impl Fn(&Resource) -> bool) -> Plan {
    let mut keep: Vec<String> =
        full.steps.iter().filter(|s| chosen(&s.resource)).map(|s| s.id.clone()).collect();
    let mut i = 0;
    while i < keep.len() {
        if let Some(step) = full.step(&keep[i]) {
            for d in &step.depends_on {
                if !keep.contains(d) {
                    keep.push(d.clone());
                }
            }
        }
        i += 1;
    }
    let mut reduced = full.clone();
    reduced.steps.retain(|s| keep.contains(&s.id));
    reduced
}

/// `scale nodegroup`: the sizes asked for; `None` keeps the group's.
#[derive(Debug, Clone)]
pub struct ScaleOptions {
    pub cluster: String,
    pub name: String,
    pub desired: Option<u32>,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

/// What `scale nodegroup` set.
#[derive(Debug)]
pub struct ScaleReport {
    pub name: String,
    pub kind: NodegroupKind,
    pub min: i32,
    pub desired: i32,
    pub max: i32,
}

impl Report for ScaleReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let kind = match self.kind {
            NodegroupKind::Managed => "managed",
            NodegroupKind::SelfManaged => "self-managed",
        };
        let (min, desired, max) = (self.min, self.desired, self.max);
        printer.status(
            "Scaled",
            &format!("{kind} node group `{}` to min {min}, desired {desired}, max {max}", self.name),
        );
        Ok(())
    }
}

/// Change the sizes of a node group; a size not given keeps the group's, within the others.
pub fn scale_nodegroup(options: &ScaleOptions, settings: &Settings) -> Result<ScaleReport> {
    let o = options;
    if o.desired.is_none() && o.min.is_none() && o.max.is_none() {
        return Err(
            UserError::usage("give at least one of `--nodes`, `--nodes-min` and `--nodes-max`").into()
        );
    }
    let size = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let groups = aws.list_nodegroups(&o.cluster).await?;
        let Some(g) = groups.iter().find(|g| g.name == o.name) else {
            return Err(UserError::new(format!("no node group `{}` in cluster `{}`", o.name, o.cluster))
                .hint(format!("list them with `eksup get nodegroup --cluster {}`", o.cluster))
                .into());
        };
        let desired = o.desired.map(size).or(g.desired_size).unwrap_or(0);
        let min =
            o.min.map(size).or(g.min_size).unwrap_or(0).min(if o.min.is_some() { i32::MAX } else { desired });
        let max =
            o.max.map(size).or(g.max_size).unwrap_or(desired).max(if o.max.is_some() { 0 } else { desired });
        if let Some(problem) = rules::sizes(Some(min.into()), Some(desired.into()), Some(max.into())) {
            return Err(UserError::usage(format!(
                "need min <= desired <= max, got {min} / {desired} / {max}: {problem}"
            ))
            .hint("adjust `--nodes-min` or `--nodes-max` along with `--nodes`")
            .into());
        }
        let kind = aws.scale_nodegroup(&o.cluster, &o.name, min, desired, max).await?;
        Ok(ScaleReport { name: o.name.clone(), kind, min, desired, max })
    })
}

/// `delete nodegroup`.
#[derive(Debug, Clone)]
pub struct DeleteNodegroupOptions {
    pub cluster: String,
    pub name: String,
    pub yes: bool,
    pub no_wait: bool,
    pub timeout: Duration,
}

/// What `delete nodegroup` did.
#[derive(Debug)]
pub struct DeleteNodegroupReport {
    pub cluster: String,
    pub name: String,
    /// The group existed.
    pub found: bool,
    pub no_wait: bool,
}

impl Report for DeleteNodegroupReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let (name, cluster) = (&self.name, &self.cluster);
        if self.found {
            let verb = if self.no_wait { "Started" } else { "Deleted" };
            printer.status(verb, &format!("node group `{name}` of cluster `{cluster}`"));
        } else {
            printer.status(
                "Finished",
                &format!("nothing to delete: no node group `{name}` in cluster `{cluster}`"),
            );
        }
        Ok(())
    }
}

/// Delete one node group (after confirmation).
pub fn delete_nodegroup(
    options: &DeleteNodegroupOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeleteNodegroupReport> {
    let o = options;
    printer.confirm(&format!("delete node group `{}` of cluster `{}`", o.name, o.cluster), o.yes)?;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let cancel = Cancel::new();
        super::watch_interrupt(&cancel);
        let progress = Progress::new(printer, false, "deleting node group", &format!("`{}`", o.name));
        let deleting = aws.delete_nodegroup(&o.cluster, &o.name, o.no_wait, &progress, &cancel);
        let found = tokio::time::timeout(o.timeout, deleting)
            .await
            .map_err(|_| UserError::new("timed out").hint("run the same command again"))??;
        progress.finish();
        Ok(DeleteNodegroupReport {
            cluster: o.cluster.clone(),
            name: o.name.clone(),
            found,
            no_wait: o.no_wait,
        })
    })
}

/// The labels of a managed node group's nodes, as `get labels` shows them.
#[derive(Debug, serde::Serialize)]
pub struct LabelsReport {
    pub cluster: String,
    pub nodegroup: String,
    pub labels: std::collections::BTreeMap<String, String>,
    #[serde(skip)]
    pub output: crate::output::OutputFormat,
}

impl Report for LabelsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let labels = self.labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",");
        let rows = vec![vec![self.cluster.clone(), self.nodegroup.clone(), labels]];
        super::get::print(printer, self.output, self, &["CLUSTER", "NODEGROUP", "LABELS"], rows)
    }
}

/// A managed node group: its description, or what to do when there is none.
async fn managed_nodegroup(
    aws: &AwsCloud,
    cluster: &str,
    name: &str,
) -> Result<aws_sdk_eks::types::Nodegroup> {
    aws.describe_nodegroup(cluster, name).await?.ok_or_else(|| {
        UserError::new(format!("no managed node group `{name}` in cluster `{cluster}`"))
            .hint(format!(
                "list them with `eksup get nodegroup --cluster {cluster}`; a self-managed group's labels are in its launch template"
            ))
            .into()
    })
}

pub fn get_labels(
    cluster: &str,
    nodegroup: &str,
    output: crate::output::OutputFormat,
    settings: &Settings,
) -> Result<LabelsReport> {
    let labels = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let group = managed_nodegroup(&AwsCloud::new(&sdk), cluster, nodegroup).await?;
        anyhow::Ok(group.labels().cloned().unwrap_or_default().into_iter().collect())
    })?;
    Ok(LabelsReport { cluster: cluster.to_string(), nodegroup: nodegroup.to_string(), labels, output })
}

/// `set labels` / `unset labels`.
#[derive(Debug, Clone, Default)]
pub struct LabelChange {
    pub set: std::collections::BTreeMap<String, String>,
    pub remove: Vec<String>,
}

/// What `set labels` or `unset labels` did.
#[derive(Debug)]
pub struct LabelChangeReport {
    pub nodegroup: String,
    pub changed: Vec<String>,
}

impl Report for LabelChangeReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.changed.is_empty() {
            printer.status(
                "Finished",
                &format!("the labels of node group `{}` were already so", self.nodegroup),
            );
        } else {
            let list = self.changed.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ");
            printer.status("Updated", &format!("labels of node group `{}`: {list}", self.nodegroup));
        }
        Ok(())
    }
}

/// Add, change or remove labels of a managed node group's nodes, through one
/// UpdateNodegroupConfig, and wait until EKS has. What is already so is not sent.
pub fn change_labels(
    cluster: &str,
    nodegroup: &str,
    change: LabelChange,
    settings: &Settings,
    printer: &Printer,
) -> Result<LabelChangeReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let group = managed_nodegroup(&aws, cluster, nodegroup).await?;
        let have = group.labels().cloned().unwrap_or_default();
        let set: std::collections::BTreeMap<String, String> =
            change.set.into_iter().filter(|(k, v)| have.get(k) != Some(v)).collect();
        let remove: Vec<String> = change.remove.into_iter().filter(|k| have.contains_key(k)).collect();
        let changed: Vec<String> = set
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .chain(remove.iter().map(|k| format!("-{k}")))
            .collect();
        if !changed.is_empty() {
            let cancel = Cancel::new();
            super::watch_interrupt(&cancel);
            let reporter = Progress::new(printer, false, "updating labels of", &format!("`{nodegroup}`"));
            let subject = crate::executor::Subject { id: nodegroup, description: nodegroup };
            let progress = crate::executor::Progress::of(subject, &reporter, &cancel);
            let config =
                cloud::NodegroupConfigChange { set_labels: set, remove_labels: remove, ..Default::default() };
            aws.update_nodegroup_config_in(&progress, cluster, nodegroup, &config).await?;
            reporter.finish();
        }
        Ok(LabelChangeReport { nodegroup: nodegroup.to_string(), changed })
    })
}
