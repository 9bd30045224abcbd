//! `eksup get cluster` and `eksup get nodegroup`.

use anyhow::Result;

use crate::cli::{GetClusterArgs, GetNodegroupArgs};
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;
use crate::settings::Settings;

pub fn get_cluster(args: GetClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let name = args.name_pos.or(args.name);
    ops::finish(ops::get::get_clusters(name.as_deref(), args.output.output, settings)?, printer)
}

pub fn get_nodegroup(args: GetNodegroupArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let report = ops::get::get_nodegroups(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}
