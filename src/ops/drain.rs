//! `drain nodegroup`: cordon a node group's nodes and evict their pods through the Eviction API
//! (PodDisruptionBudgets respected, DaemonSet and mirror pods left), or `--undo` to uncordon.
//! Without `--approve` only the plan is shown, as eksctl does.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::{Report, RunEnd};
use crate::cloud::{self, AwsCloud, NodegroupDrain};
use crate::error::UserError;
use crate::kubernetes::{DrainOptions, NodeDrained};
use crate::output::Printer;
use crate::settings::Settings;

/// What `drain nodegroup` is asked to do.
#[derive(Debug, Clone)]
pub struct DrainNodegroupOptions {
    pub cluster: String,
    pub name: String,
    pub approve: bool,
    pub undo: bool,
    pub drain: DrainOptions,
    pub timeout: Duration,
    pub json: bool,
}

/// What it did, or would do.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DrainReport {
    pub cluster: String,
    pub nodegroup: String,
    /// `plan` (no `--approve`), `drain` or `uncordon`.
    pub action: &'static str,
    /// The group's nodes (the plan, and `--undo`).
    pub nodes: Vec<String>,
    /// Node by node, for a drain.
    pub drained: Vec<NodeDrained>,
    #[serde(skip)]
    pub json: bool,
}

impl DrainReport {
    fn remaining(&self) -> Vec<&String> {
        self.drained.iter().flat_map(|n| &n.remaining).collect()
    }
}

impl Report for DrainReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let group = format!("node group `{}` of cluster `{}`", self.nodegroup, self.cluster);
        let names = |nodes: &[String]| nodes.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
        match self.action {
            "plan" => {
                let verb = if self.nodes.is_empty() { "no node to" } else { "would" };
                printer.info(&format!(
                    "{verb} cordon and drain {} node(s) of {group}: {}",
                    self.nodes.len(),
                    names(&self.nodes)
                ));
                printer.warn("nothing was changed: run again with `--approve` to drain");
            }
            "uncordon" => printer.status(
                "Uncordoned",
                &format!("{} node(s) of {group}: {}", self.nodes.len(), names(&self.nodes)),
            ),
            _ => {
                for n in &self.drained {
                    printer.status("Drained", &format!("node `{}`: {} pod(s) evicted", n.node, n.evicted));
                }
                if self.drained.is_empty() {
                    printer.info(&format!("{group} has no nodes"));
                }
            }
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        let remaining = self.remaining();
        if remaining.is_empty() {
            return RunEnd::Done;
        }
        let pods = remaining.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
        RunEnd::Failed(
            UserError::new(format!("{} pod(s) were not evicted in time: {pods}", remaining.len())).hint(
                "a PodDisruptionBudget kept them: wait and run again, or pass `--disable-eviction` to delete them anyway",
            ),
        )
    }
}

/// Drain (or uncordon, or plan) a node group.
pub fn drain_nodegroup(options: &DrainNodegroupOptions, settings: &Settings) -> Result<DrainReport> {
    let o = options;
    let missing = || {
        UserError::new(format!("no node group `{}` in cluster `{}`", o.name, o.cluster))
            .hint(format!("list them with `eksup get nodegroup --cluster {}`", o.cluster))
    };
    let mut report = DrainReport {
        cluster: o.cluster.clone(),
        nodegroup: o.name.clone(),
        action: "plan",
        nodes: Vec::new(),
        drained: Vec::new(),
        json: o.json,
    };
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        if !o.approve {
            report.nodes = aws.nodegroup_nodes(&o.cluster, &o.name).await?.ok_or_else(missing)?;
            return Ok(report);
        }
        let work = aws.drain_nodegroup(&o.cluster, &o.name, o.undo, &o.drain);
        let done = tokio::time::timeout(o.timeout, work)
            .await
            .map_err(|_| {
                UserError::new("timed out").hint("run the same command again: it goes on where it stopped")
            })??
            .ok_or_else(missing)?;
        match done {
            NodegroupDrain::Uncordoned(nodes) => {
                report.action = "uncordon";
                report.nodes = nodes;
            }
            NodegroupDrain::Drained(d) => {
                report.action = "drain";
                report.nodes = d.each.iter().map(|n| n.node.clone()).collect();
                report.drained = d.each;
            }
        }
        Ok(report)
    })
}
