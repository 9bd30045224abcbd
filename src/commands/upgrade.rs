//! `eksup upgrade cluster` and `eksup upgrade nodegroup`.

use anyhow::Result;

use crate::cli::{UpgradeClusterArgs, UpgradeNodegroupArgs};
use crate::error::ExitStatus;
use crate::ops;
use crate::ops::load::ClusterRef;
use crate::ops::upgrade::{UpgradeClusterOptions, UpgradeNodegroupOptions};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn upgrade_cluster(
    args: UpgradeClusterArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = UpgradeClusterOptions {
        cluster: ClusterRef::from_args(
            args.file.config_file,
            args.name,
            "eksup upgrade cluster --name demo",
        )?,
        version: args.version,
        approve: args.apply.approve,
        force: args.force,
        json: args.apply.output == Some(OutputFormat::Json),
        timeout: args.apply.timeout.timeout,
    };
    ops::finish(ops::upgrade::upgrade_cluster(&options, settings, printer)?, printer)
}

pub fn upgrade_nodegroup(
    args: UpgradeNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = UpgradeNodegroupOptions {
        cluster: args.cluster,
        name: args.name,
        kubernetes_version: args.kubernetes_version,
        release_version: args.release_version,
        launch_template_version: args.launch_template_version,
        force: args.force_upgrade,
        wait: args.wait,
        json: args.output == Some(OutputFormat::Json),
        timeout: args.timeout.timeout,
    };
    ops::finish(ops::upgrade::upgrade_nodegroup(&options, settings, printer)?, printer)
}
