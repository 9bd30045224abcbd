//! `delete cluster`: find everything eksup made for the cluster (by tags, names and the
//! cluster's own description: no local state) and delete it in reverse dependency order.

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::load::{ClusterRef, Named};
use super::{Report, RunEnd};
use crate::cloud::{self, AwsCloud, DeleteOptions, DeletePlan, DeleteReport};
use crate::error::UserError;
use crate::executor::Cancel;
use crate::kubeconfig::{self, KubeconfigTarget};
use crate::output::Printer;
use crate::output::progress::Progress;
use crate::output::summary::Summary;
use crate::plan::estimate::human;
use crate::settings::Settings;

/// What `delete cluster` is asked to do.
#[derive(Debug, Clone)]
pub struct DeleteClusterOptions {
    pub cluster: ClusterRef,
    /// Confirmed with `--yes`.
    pub yes: bool,
    pub no_wait: bool,
    pub delete_repositories: bool,
    /// Show the plan, delete nothing.
    pub dry_run: bool,
    /// The kubeconfig to clean; `None` follows `$KUBECONFIG`, then `~/.kube/config`.
    pub kubeconfig: Option<PathBuf>,
    /// JSON lines on stdout.
    pub json: bool,
    pub timeout: Duration,
    pub timeline: Option<PathBuf>,
}

/// What the deletion did.
#[derive(Debug)]
pub struct DeleteClusterReport {
    pub cluster: String,
    pub region: String,
    pub json: bool,
    pub report: DeleteReport,
    /// The kubeconfig entries removed, and the current-context cleared.
    pub kubeconfig_removed: Vec<String>,
    pub kubeconfig_cleared: Option<String>,
    pub interrupted: bool,
    pub elapsed: Duration,
}

/// Delete the cluster and everything eksup created for it.
pub fn delete_cluster(
    options: &DeleteClusterOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeleteClusterReport> {
    let Named { name, region, .. } = options.cluster.resolve(settings, printer)?;
    let place = region.as_deref().map(|r| format!(" in `{r}`")).unwrap_or_default();
    printer.confirm(
        &format!("delete cluster `{name}`{place} and everything eksup created for it"),
        options.yes,
    )?;
    super::runtime()?.block_on(delete(name, region, options, settings, printer))
}

async fn delete(
    name: String,
    region: Option<String>,
    options: &DeleteClusterOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeleteClusterReport> {
    let sdk = cloud::load_sdk_config(settings, region.as_deref()).await?;
    let region = sdk.region().map(ToString::to_string).unwrap_or_default();
    let aws = AwsCloud::new(&sdk);
    let cancel = Cancel::new();
    super::watch_interrupt(&cancel);
    let progress =
        Progress::new(printer, options.json, "deleting cluster", &format!("`{name}` in `{region}`"));
    let delete_options = DeleteOptions {
        delete_repositories: options.delete_repositories,
        no_wait: options.no_wait,
        cancel: cancel.clone(),
    };
    let deleting = aws.delete_cluster(&name, &delete_options, &progress);
    let Ok(report) = tokio::time::timeout(options.timeout, deleting).await else {
        cancel.cancel();
        return Err(UserError::new(format!(
            "deleting cluster `{name}` timed out after {}",
            human(options.timeout)
        ))
        .hint("run the same command again: it picks up what is left")
        .into());
    };
    let report = report?;
    progress.finish();
    if let Some(path) = &options.timeline {
        let title = format!("deleting cluster `{name}` in `{region}`");
        crate::output::timeline::save(path, &title, &progress.tally(), &Default::default(), printer);
    }
    // The kubeconfig entries eksup wrote for this cluster go too.
    let kube = KubeconfigTarget::resolve(options.kubeconfig.as_deref())
        .and_then(|t| kubeconfig::remove_cluster_entries(&t, &name, &region));
    let (kubeconfig_removed, kubeconfig_cleared) = match &kube {
        Ok(k) => (k.names(), k.current_context_cleared().map(str::to_string)),
        Err(e) => {
            printer.warn(&format!("the kubeconfig was left as it is: {e:#}"));
            (Vec::new(), None)
        }
    };
    Ok(DeleteClusterReport {
        cluster: name,
        region,
        json: options.json,
        report,
        kubeconfig_removed,
        kubeconfig_cleared,
        interrupted: cancel.is_cancelled(),
        elapsed: progress.elapsed(),
    })
}

/// What `delete cluster --dry-run` found: the delete plan, nothing deleted.
#[derive(Debug)]
pub struct DeletePlanReport {
    pub cluster: String,
    pub region: String,
    pub json: bool,
    pub plan: DeletePlan,
}

/// Find what `delete cluster` would delete and order it, deleting nothing (no confirmation).
pub fn plan_delete(
    options: &DeleteClusterOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeletePlanReport> {
    let Named { name, region, .. } = options.cluster.resolve(settings, printer)?;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, region.as_deref()).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let delete_options = DeleteOptions {
            delete_repositories: options.delete_repositories,
            no_wait: options.no_wait,
            cancel: Cancel::new(),
        };
        let plan = aws.plan_delete(&name, &delete_options, &crate::executor::Silent).await;
        Ok(DeletePlanReport { cluster: name, region, json: options.json, plan })
    })
}

/// One step of the delete plan, for `-o json`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlannedDelete<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    description: &'a str,
    depends_on: &'a [String],
}

impl Report for DeletePlanReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let DeletePlan { plan, pending, report } = &self.plan;
        if self.json {
            let steps: Vec<PlannedDelete<'_>> = plan
                .steps
                .iter()
                .map(|s| PlannedDelete {
                    id: &s.id,
                    kind: s.resource.label(),
                    name: &s.resource.name,
                    description: &s.description,
                    depends_on: &s.depends_on,
                })
                .collect();
            let pending: Vec<String> = pending.iter().map(|d| d.id()).collect();
            Printer::json_line(&serde_json::json!({
                "cluster": self.cluster,
                "region": self.region,
                "clusterFound": report.cluster_found,
                "steps": steps,
                "pending": pending,
                "kept": report.kept,
                "warnings": report.warnings,
            }));
            return Ok(());
        }
        if report.failed.is_empty() {
            let waves =
                plan.levels().map_err(|e| UserError::bug(format!("the delete plan is broken: {e}")))?;
            for (i, wave) in waves.iter().enumerate() {
                for step in wave {
                    printer.data(&format!(
                        "{:>3}  {:<22} {}",
                        i + 1,
                        step.resource.label(),
                        step.description
                    ));
                }
            }
            for d in pending {
                printer.data(&format!(
                    "{:>3}  {:<22} {} (left for a later run: `--no-wait`)",
                    "-",
                    d.label(),
                    d.description()
                ));
            }
        }
        for kept in &report.kept {
            printer.info(&format!(
                "would keep ECR repository `{}` (`--delete-repositories` removes it)",
                kept.id
            ));
        }
        for w in &report.warnings {
            printer.warn(w);
        }
        if report.failed.is_empty() {
            let waves = plan.levels().map(|w| w.len()).unwrap_or_default();
            let what = if plan.steps.is_empty() {
                format!(
                    "nothing to delete: no cluster `{}` and no resources of it in `{}`",
                    self.cluster, self.region
                )
            } else {
                format!(
                    "{} resources of cluster `{}` in `{}` would be deleted in {waves} waves (the number before each); nothing was deleted",
                    plan.steps.len(),
                    self.cluster,
                    self.region
                )
            };
            printer.status("Planned", &what);
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        match self.plan.report.failed.into_iter().next() {
            Some((what, e)) => RunEnd::Failed(UserError::new(format!(
                "could not plan the deletion of {} `{}`: {e:#}",
                what.kind, what.id
            ))),
            None => RunEnd::Done,
        }
    }
}

/// The details of `delete cluster`'s summary line.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DeleteDetails<'a> {
    report: &'a DeleteReport,
    kubeconfig_entries_removed: &'a [String],
    /// The AWS calls the run made: reads, writes, polls, throttled answers.
    aws_calls: cloud::Calls,
}

impl DeleteClusterReport {
    fn result(&self) -> &'static str {
        if self.interrupted {
            "interrupted"
        } else if !self.report.failed.is_empty() {
            "failed"
        } else if !self.report.pending.is_empty() {
            "started"
        } else {
            "deleted"
        }
    }

    /// What was kept or left, and the kubeconfig entries removed.
    fn print_details(&self, printer: &Printer) {
        for kept in &self.report.kept {
            let kind = if kept.kind == "ecr-repository" { "ECR repository" } else { kept.kind };
            printer.info(&format!(
                "kept {kind} `{}` (images are data: `--delete-repositories` removes it)",
                kept.id
            ));
        }
        for w in &self.report.warnings {
            printer.warn(w);
        }
        if !self.kubeconfig_removed.is_empty() {
            let names = self.kubeconfig_removed.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>();
            printer.status("Removed", &format!("kubeconfig entries {}", names.join(", ")));
        }
        if let Some(ctx) = &self.kubeconfig_cleared {
            printer.status("Cleared", &format!("current-context `{ctx}`"));
        }
    }

    fn print_result(&self, printer: &Printer) {
        let (name, region, report) = (&self.cluster, &self.region, &self.report);
        if self.interrupted {
            printer.warn(&format!("interrupted after removing {} resources", report.removed.len()));
            printer.hint("run the same command again to finish the deletion");
            return;
        }
        if !report.failed.is_empty() {
            return; // the error says it
        }
        if !report.pending.is_empty() {
            printer.status(
                "Started",
                &format!(
                    "deleting cluster `{name}`: {} resources removed, {} still being deleted (`--no-wait`)",
                    report.removed.len(),
                    report.pending.len()
                ),
            );
            printer.hint("run `eksup delete cluster` again later to remove what is left and wait for it");
        } else if report.removed.is_empty() && !report.cluster_found {
            printer.status(
                "Finished",
                &format!("nothing to delete: no cluster `{name}` and no resources of it in `{region}`"),
            );
        } else {
            printer.status(
                "Deleted",
                &format!(
                    "cluster `{name}` in `{region}`: {} resources removed in {}, nothing left",
                    report.removed.len(),
                    human(self.elapsed)
                ),
            );
        }
    }
}

impl Report for DeleteClusterReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            let details = DeleteDetails {
                report: &self.report,
                kubeconfig_entries_removed: &self.kubeconfig_removed,
                aws_calls: cloud::calls(),
            };
            Summary::new(&self.cluster, &self.region, self.result(), details, self.elapsed.as_secs_f64())
                .print();
        } else {
            self.print_details(printer);
            self.print_result(printer);
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        if self.interrupted {
            return RunEnd::Interrupted;
        }
        match self.report.failed.first() {
            Some((what, e)) => RunEnd::Failed(
                UserError::new(format!("could not delete {} `{}`: {e:#}", what.kind, what.id)).hint(format!(
                    "{} resources were removed; run the same command again to retry what is left",
                    self.report.removed.len()
                )),
            ),
            None => RunEnd::Done,
        }
    }
}
