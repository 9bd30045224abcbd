//! `create cluster`: load the config, build the plan, print it (`--dry-run`) or apply it.
//!
//! - [`apply`]: identity, preflight, the run with the kubeconfig step, Ctrl-C, the rollback policy;
//! - [`rollback`]: delete what a failed run created;
//! - [`report`]: the dry-run's plan and the run's summary.

mod apply;
mod report;
mod rollback;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Result;

use super::load::{self, ConfigSource};
use crate::cli::CreateClusterArgs;
use crate::error::UserError;
use crate::output::{PlanFormat, Printer};
use crate::plan::{self, PlanOptions};
use crate::settings::Settings;

pub use report::{CreateReport, PlanReport, RunReport};

/// What `create cluster` is asked to do.
#[derive(Debug, Clone)]
pub struct CreateOptions {
    pub source: ConfigSource,
    /// Print the plan and change nothing.
    pub dry_run: bool,
    pub skip_preflight: bool,
    pub output: Option<PlanFormat>,
    /// Write an SVG timeline of the run here.
    pub timeline: Option<PathBuf>,
    pub timeout: Duration,
    pub parallelism: usize,
    /// On failure, delete what this run created.
    pub rollback: bool,
    /// Delete what belongs to the cluster and is no longer in the config.
    pub prune: bool,
    pub wait_nodes: bool,
    pub write_kubeconfig: bool,
    /// `None` follows `$KUBECONFIG`, then `~/.kube/config`.
    pub kubeconfig: Option<PathBuf>,
    pub set_kubeconfig_context: bool,
}

impl CreateOptions {
    /// The options of `create cluster`'s arguments.
    pub fn from_args(args: CreateClusterArgs) -> Result<Self> {
        let CreateClusterArgs {
            file,
            quick,
            dry_run,
            skip_preflight,
            output,
            timeline,
            timeout,
            parallelism,
            rollback,
            prune,
            wait_nodes,
            kubeconfig,
        } = args;
        Ok(Self {
            source: ConfigSource::from_args(file.config_file, Some(quick))?,
            dry_run,
            skip_preflight,
            output,
            timeline,
            timeout: timeout.timeout,
            parallelism,
            rollback,
            prune,
            wait_nodes,
            write_kubeconfig: kubeconfig.write_kubeconfig,
            kubeconfig: kubeconfig.kubeconfig.kubeconfig,
            set_kubeconfig_context: kubeconfig.set_kubeconfig_context,
        })
    }

    /// Whether the run writes JSON lines on stdout.
    fn json(&self) -> bool {
        self.output == Some(PlanFormat::Json)
    }
}

/// Create the cluster (or print its plan, with `dry_run`).
pub fn create_cluster(
    options: &CreateOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreateReport> {
    graph_needs_dry_run(options.output, options.dry_run)?;
    let loaded = load::load(&options.source, settings, printer, options.dry_run)?;
    let plan_options = PlanOptions {
        write_kubeconfig: options.write_kubeconfig,
        wait_nodes: options.wait_nodes,
        account_id: None,
    };
    let plan = plan::build(&loaded, &plan_options);
    plan.check().map_err(|e| super::bug(e, "eksup built an inconsistent plan"))?;
    if options.dry_run {
        let live = live_plan(&plan, settings, printer)?;
        let report = PlanReport::new(plan, &loaded, options.output);
        return Ok(CreateReport::Plan(Box::new(match live {
            Some(live) => report.against(live),
            None => report,
        })));
    }
    let rt = super::runtime()?;
    let report = rt.block_on(apply::apply(plan_options, &loaded, options, settings, printer))?;
    Ok(CreateReport::Run(Box::new(report)))
}

/// The plan against the cluster as AWS has it (`+`, `~`, `!`, `-`, `=`), when there are
/// credentials and the cluster exists; `None` otherwise (the plan of a new cluster). A look that
/// fails is a warning: the dry-run still shows the plan.
fn live_plan(
    plan: &plan::Plan,
    settings: &Settings,
    printer: &Printer,
) -> Result<Option<plan::drift::LivePlan>> {
    if !crate::cloud::credentials_configured(settings) {
        return Ok(None);
    }
    let observed = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, Some(&plan.region)).await?;
        crate::cloud::AwsCloud::new(&sdk).observe(plan).await
    });
    match observed {
        Ok(Some((live, removals))) => Ok(Some(plan::drift::mark(plan, &live, removals))),
        Ok(None) => Ok(None),
        Err(e) => {
            printer.warn(&format!(
                "could not compare the plan with AWS ({e:#}): showing it as for a new cluster"
            ));
            Ok(None)
        }
    }
}

/// `-o mermaid` and `-o dot` draw the plan: they go with `--dry-run`.
pub fn graph_needs_dry_run(output: Option<PlanFormat>, dry_run: bool) -> Result<()> {
    let name = match output {
        Some(PlanFormat::Mermaid) => "mermaid",
        Some(PlanFormat::Dot) => "dot",
        _ => return Ok(()),
    };
    if dry_run {
        return Ok(());
    }
    Err(UserError::usage(format!("`-o {name}` draws the plan and needs `--dry-run`"))
        .hint("add `--dry-run`, or use `--timeline FILE` for a picture of a real run")
        .into())
}
