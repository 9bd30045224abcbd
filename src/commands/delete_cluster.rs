//! `eksup delete cluster`.

use anyhow::Result;

use crate::cli::DeleteClusterArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::ops::delete_cluster::DeleteClusterOptions;
use crate::ops::load::ClusterRef;
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn delete_cluster(args: DeleteClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let cluster = ClusterRef::from_args(
        args.file.config_file,
        args.name,
        "eksup delete cluster --name demo --region us-west-2",
    )?;
    let options = DeleteClusterOptions {
        cluster,
        yes: args.yes,
        no_wait: args.no_wait,
        delete_repositories: args.delete_repositories,
        dry_run: args.dry_run,
        kubeconfig: args.kubeconfig,
        json: args.output == Some(OutputFormat::Json),
        timeout: args.timeout.timeout,
        timeline: args.timeline,
    };
    if options.dry_run {
        return ops::finish(ops::delete_cluster::plan_delete(&options, settings, printer)?, printer);
    }
    ops::finish(ops::delete_cluster::delete_cluster(&options, settings, printer)?, printer)
}
