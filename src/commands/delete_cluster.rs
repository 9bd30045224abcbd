//! `eksup delete cluster`: find everything eksup made for the cluster (by tags, names and the
//! cluster's own description: no local state) and delete it in reverse dependency order.

use anyhow::Result;

use crate::cli::DeleteClusterArgs;
use crate::cloud::{self, AwsCloud, DeleteOptions};
use crate::error::{ExitStatus, UserError};
use crate::executor::Cancel;
use crate::kubeconfig::{self, KubeconfigTarget};
use crate::output::progress::Progress;
use crate::output::{OutputFormat, Printer};
use crate::plan::estimate::human;
use crate::settings::Settings;

/// The cluster to delete: `--name` and the region, or the config file's metadata.
fn target(
    args: &DeleteClusterArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<(String, Option<String>)> {
    if args.file.config_file.is_some() {
        if args.name.is_some() {
            return Err(UserError::usage("give either `--name` or `-f`, not both").into());
        }
        let (text, origin) = super::create_cluster::read_config(&args.file, None, settings)?;
        let parsed = crate::config::parse(&text, &origin)
            .map_err(|d| super::create_cluster::config_error(&d, printer))?;
        let name = parsed.config.metadata.name.clone().unwrap_or_default();
        if name.is_empty() {
            return Err(UserError::new(format!("`{origin}` names no cluster"))
                .hint("set `metadata.name`, or use `--name`")
                .into());
        }
        return Ok((name, parsed.region().map(str::to_string).or_else(|| settings.region.clone())));
    }
    match &args.name {
        Some(n) => Ok((n.clone(), settings.region.clone())),
        None => Err(UserError::usage("which cluster? give `--name` or `-f cluster.yaml`")
            .hint("e.g. `eksup delete cluster --name demo --region us-west-2`")
            .into()),
    }
}

pub fn delete_cluster(args: DeleteClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let (name, region) = target(&args, settings, printer)?;
    let json = args.output == Some(OutputFormat::Json);
    let place = region.as_deref().map(|r| format!(" in `{r}`")).unwrap_or_default();
    printer
        .confirm(&format!("delete cluster `{name}`{place} and everything eksup created for it"), args.yes)?;
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, region.as_deref()).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let cancel = Cancel::new();
        super::create_cluster::watch_interrupt(&cancel);
        let progress = Progress::new(printer, json, "deleting cluster", &format!("`{name}` in `{region}`"));
        let options = DeleteOptions { delete_repositories: args.delete_repositories, no_wait: args.no_wait, cancel: cancel.clone() };
        let deleting = aws.delete_cluster(&name, &options, &progress);
        let report = match tokio::time::timeout(args.timeout, deleting).await {
            Ok(r) => r?,
            Err(_) => {
                cancel.cancel();
                return Err(UserError::new(format!("deleting cluster `{name}` timed out after {}", human(args.timeout)))
                    .hint("run the same command again: it picks up what is left")
                    .into());
            }
        };
        progress.finish();
        if let Some(path) = &args.timeline {
            let title = format!("deleting cluster `{name}` in `{region}`");
            super::create_cluster::write_timeline(path, &title, &progress.tally(), &Default::default(), printer);
        }

        // The kubeconfig entries eksup wrote for this cluster go too.
        let kube = KubeconfigTarget::resolve(args.kubeconfig.as_deref()).and_then(|t| kubeconfig::remove_cluster_entries(&t, &name, &region));
        let (kube_removed, kube_cleared) = match &kube {
            Ok(k) => (k.names(), k.current_context_cleared()),
            Err(e) => {
                printer.warn(&format!("the kubeconfig was left as it is: {e:#}"));
                (Vec::new(), None)
            }
        };

        let interrupted = cancel.is_cancelled();
        let result = if interrupted {
            "interrupted"
        } else if !report.failed.is_empty() {
            "failed"
        } else if !report.pending.is_empty() {
            "started"
        } else {
            "deleted"
        };
        if json {
            Progress::json_line(&serde_json::json!({
                "event": "summary",
                "cluster": name,
                "region": region,
                "result": result,
                "report": report,
                "kubeconfigEntriesRemoved": kube_removed,
                "elapsedSeconds": progress.elapsed().as_secs_f64(),
            }));
        } else {
            for kept in &report.kept {
                let kind = if kept.kind == "ecr-repository" { "ECR repository" } else { kept.kind };
                printer.info(&format!("kept {kind} `{}` (images are data: `--delete-repositories` removes it)", kept.id));
            }
            for w in &report.warnings {
                printer.warn(w);
            }
            if !kube_removed.is_empty() {
                printer.status("Removed", &format!("kubeconfig entries {}", kube_removed.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")));
            }
            if let Some(ctx) = kube_cleared {
                printer.status("Cleared", &format!("current-context `{ctx}`"));
            }
        }
        if interrupted {
            if !json {
                printer.warn(&format!("interrupted after removing {} resources", report.removed.len()));
                printer.hint("run the same command again to finish the deletion");
            }
            return Ok(ExitStatus::Interrupted);
        }
        if let Some((what, e)) = report.failed.first() {
            return Err(UserError::new(format!("could not delete {} `{}`: {e:#}", what.kind, what.id))
                .hint(format!("{} resources were removed; run the same command again to retry what is left", report.removed.len()))
                .into());
        }
        if !json {
            if !report.pending.is_empty() {
                printer.status("Started", &format!("deleting cluster `{name}`: {} resources removed, {} still being deleted (`--no-wait`)", report.removed.len(), report.pending.len()));
                printer.hint("run `eksup delete cluster` again later to remove what is left and wait for it");
            } else if report.removed.is_empty() && !report.cluster_found {
                printer.status("Finished", &format!("nothing to delete: no cluster `{name}` and no resources of it in `{region}`"));
            } else {
                printer.status("Deleted", &format!("cluster `{name}` in `{region}`: {} resources removed in {}, nothing left", report.removed.len(), human(progress.elapsed())));
            }
        }
        Ok(ExitStatus::Success)
    })
}
