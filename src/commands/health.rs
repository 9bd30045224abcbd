//! `eksup utils nodegroup-health`, `eksup utils describe-addon-versions` and
//! `eksup utils describe-cluster-versions`.

use anyhow::Result;

use crate::cli::{DescribeAddonVersionsArgs, DescribeClusterVersionsArgs, NodegroupHealthArgs};
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;
use crate::settings::Settings;

pub fn nodegroup_health(
    args: NodegroupHealthArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    ops::finish(
        ops::health::nodegroup_health(&args.cluster, &args.name, args.output.output, settings)?,
        printer,
    )
}

pub fn describe_addon_versions(
    args: DescribeAddonVersionsArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let (version, cluster, name) =
        (args.kubernetes_version.as_deref(), args.cluster.as_deref(), args.name.as_deref());
    let offer =
        crate::plan::AddonOffer { types: args.types, owners: args.owners, publishers: args.publishers };
    ops::finish(
        ops::health::addon_versions(version, cluster, name, &offer, args.output.output, settings)?,
        printer,
    )
}

pub fn describe_cluster_versions(
    args: DescribeClusterVersionsArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report = ops::health::cluster_versions(
        args.default_only,
        args.version_status.as_deref(),
        args.output.output,
        settings,
    )?;
    ops::finish(report, printer)
}
