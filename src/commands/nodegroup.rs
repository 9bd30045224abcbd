//! `eksup scale nodegroup`, `eksup delete nodegroup` and `eksup create nodegroup`.

use anyhow::Result;

use crate::cli::{CreateNodegroupArgs, DeleteNodegroupArgs, ScaleNodegroupArgs};
use crate::cloud::{self, AwsCloud, NodegroupKind};
use crate::error::{ExitStatus, UserError};
use crate::executor::{self, Cancel, RunOptions};
use crate::output::progress::Progress;
use crate::output::{PlanFormat, Printer};
use crate::plan::{self, PlanOptions, Resource, render};
use crate::settings::Settings;

pub fn scale_nodegroup(
    args: ScaleNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    if args.nodes.is_none() && args.nodes_min.is_none() && args.nodes_max.is_none() {
        return Err(
            UserError::usage("give at least one of `--nodes`, `--nodes-min` and `--nodes-max`").into()
        );
    }
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let groups = aws.list_nodegroups(&args.cluster).await?;
        let Some(g) = groups.iter().find(|g| g.name == args.name) else {
            return Err(UserError::new(format!(
                "no node group `{}` in cluster `{}`",
                args.name, args.cluster
            ))
            .hint(format!("list them with `eksup get nodegroup --cluster {}`", args.cluster))
            .into());
        };
        let desired = args.nodes.map(|n| n as i32).or(g.desired_size).unwrap_or(0);
        let min = args
            .nodes_min
            .map(|n| n as i32)
            .or(g.min_size)
            .unwrap_or(0)
            .min(if args.nodes_min.is_some() { i32::MAX } else { desired });
        let max = args
            .nodes_max
            .map(|n| n as i32)
            .or(g.max_size)
            .unwrap_or(desired)
            .max(if args.nodes_max.is_some() { 0 } else { desired });
        if min > desired || desired > max {
            return Err(UserError::usage(format!(
                "need min <= desired <= max, got {min} / {desired} / {max}"
            ))
            .hint("adjust `--nodes-min` or `--nodes-max` along with `--nodes`")
            .into());
        }
        let kind = aws.scale_nodegroup(&args.cluster, &args.name, min, desired, max).await?;
        let kind = match kind {
            NodegroupKind::Managed => "managed",
            NodegroupKind::SelfManaged => "self-managed",
        };
        printer.status(
            "Scaled",
            &format!("{kind} node group `{}` to min {min}, desired {desired}, max {max}", args.name),
        );
        Ok(ExitStatus::Success)
    })
}

pub fn delete_nodegroup(
    args: DeleteNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    printer.confirm(&format!("delete node group `{}` of cluster `{}`", args.name, args.cluster), args.yes)?;
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let cancel = Cancel::new();
        super::create_cluster::watch_interrupt(&cancel);
        let progress = Progress::new(printer, false, "deleting node group", &format!("`{}`", args.name));
        let found = tokio::time::timeout(
            args.timeout,
            aws.delete_nodegroup(&args.cluster, &args.name, args.no_wait, &progress, &cancel),
        )
        .await
        .map_err(|_| UserError::new("timed out").hint("run the same command again"))??;
        progress.finish();
        if found {
            let verb = if args.no_wait { "Started" } else { "Deleted" };
            printer.status(verb, &format!("node group `{}` of cluster `{}`", args.name, args.cluster));
        } else {
            printer.status(
                "Finished",
                &format!("nothing to delete: no node group `{}` in cluster `{}`", args.name, args.cluster),
            );
        }
        Ok(ExitStatus::Success)
    })
}

/// Create the node groups of a config file (with `--include`/`--exclude`) on an existing cluster:
/// the cluster's plan, reduced to those node groups and what they need. Steps that exist already
/// are found again, so only the new groups are made.
pub fn create_nodegroup(
    args: CreateNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    super::create_cluster::graph_needs_dry_run(args.output, args.dry_run)?;
    if args.file.config_file.is_none() {
        return Err(UserError::usage("give the config file with the node groups: `-f cluster.yaml`").into());
    }
    let (text, origin) = super::create_cluster::read_config(&args.file, None, settings)?;
    let loaded = super::create_cluster::load(&text, &origin, settings, printer, args.dry_run)?;
    let full = plan::build(
        &loaded,
        &PlanOptions { write_kubeconfig: false, wait_nodes: args.wait_nodes, account_id: None },
    );
    let matches = |name: &str| {
        let glob = |pat: &str| match pat.split_once('*') {
            Some((a, b)) => name.starts_with(a) && name.ends_with(b),
            None => name == pat,
        };
        (args.include.is_empty() || args.include.iter().any(|p| glob(p)))
            && !args.exclude.iter().any(|p| glob(p))
    };
    let names: Vec<String> = loaded
        .config
        .node_groups
        .iter()
        .flatten()
        .filter_map(|n| n.name.clone())
        .chain(loaded.config.managed_node_groups.iter().flatten().filter_map(|n| n.name.clone()))
        .filter(|n| matches(n))
        .collect();
    if names.is_empty() {
        return Err(UserError::new("no node group of the config matches")
            .hint("check `--include` and `--exclude`")
            .into());
    }
    // Keep the chosen node groups' steps and everything they depend on.
    // A step belongs to a node group by the names the plan carries, never by its id's spelling.
    let nodegroup_of = |r: &Resource| -> Option<String> {
        match r {
            Resource::ManagedNodegroup(spec) => Some(spec.nodegroup_name.clone()),
            Resource::AutoScalingGroup(spec) => spec.tags.get(crate::plan::tags::NODEGROUP).cloned(),
            Resource::NodesReady { nodegroup, .. } => Some(nodegroup.clone()),
            _ => None,
        }
    };
    let mut keep: Vec<String> = full
        .steps
        .iter()
        .filter(|s| nodegroup_of(&s.resource).is_some_and(|n| names.contains(&n)))
        .map(|s| s.id.clone())
        .collect();
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
    if args.dry_run {
        match args.output {
            Some(PlanFormat::Json) => printer.data(&serde_json::to_string_pretty(&reduced)?),
            Some(PlanFormat::Mermaid) => printer.data(&render::mermaid(&reduced)),
            Some(PlanFormat::Dot) => printer.data(&render::dot(&reduced)),
            _ => printer.data(&render::tree(&reduced)),
        }
        return Ok(ExitStatus::Success);
    }
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, Some(loaded.region())).await?;
        let aws = AwsCloud::new(&sdk);
        if aws.describe_cluster(loaded.name()).await?.is_none() {
            return Err(UserError::new(format!("no cluster `{}` in `{}`", loaded.name(), loaded.region()))
                .hint("create it first with `eksup create cluster -f`")
                .into());
        }
        let cancel = Cancel::new();
        super::create_cluster::watch_interrupt(&cancel);
        let progress = Progress::new(
            printer,
            args.output == Some(PlanFormat::Json),
            "creating node groups",
            &names.join(", "),
        );
        let outcome = executor::run(
            &reduced,
            &aws,
            &progress,
            RunOptions { timeout: Some(args.timeout), cancel, ..RunOptions::default() },
        )
        .await?;
        progress.finish();
        if let Some((step, e)) = outcome.failed.first() {
            return Err(UserError::new(format!("creating node groups failed at step `{step}`: {e:#}"))
                .hint("run the same command again: it creates only what is missing")
                .into());
        }
        if outcome.interrupted {
            return Ok(ExitStatus::Interrupted);
        }
        printer.status(
            "Created",
            &format!("node groups {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
        );
        Ok(ExitStatus::Success)
    })
}
