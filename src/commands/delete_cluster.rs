//! `eksup delete cluster`.

use anyhow::Result;

use crate::cli::DeleteClusterArgs;
use crate::error::{ExitStatus, UserError};
use crate::ops::delete_cluster::{ClusterRef, DeleteClusterOptions};
use crate::ops::{self, load::ConfigSource};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn delete_cluster(args: DeleteClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let cluster = match (args.file.config_file, args.name) {
        (Some(_), Some(_)) => return Err(UserError::usage("give either `--name` or `-f`, not both").into()),
        (Some(file), None) => ClusterRef::Config(ConfigSource::from_args(Some(file), None)?),
        (None, Some(name)) => ClusterRef::Name(name),
        (None, None) => {
            return Err(UserError::usage("which cluster? give `--name` or `-f cluster.yaml`")
                .hint("e.g. `eksup delete cluster --name demo --region us-west-2`")
                .into());
        }
    };
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
