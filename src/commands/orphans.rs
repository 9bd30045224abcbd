//! `eksup get orphans` and `eksup delete orphans`.

use anyhow::Result;

use crate::cli::{DeleteOrphansArgs, GetOrphansArgs};
use crate::error::ExitStatus;
use crate::ops::{self, orphans::DeleteOrphansOptions};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn get_orphans(args: GetOrphansArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    ops::finish(ops::orphans::get_orphans(args.output.output, settings)?, printer)
}

pub fn delete_orphans(args: DeleteOrphansArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let options = DeleteOrphansOptions {
        cluster: args.cluster,
        yes: args.yes,
        json: args.output == Some(OutputFormat::Json),
        timeout: args.timeout.timeout,
    };
    ops::finish(ops::orphans::delete_orphans(&options, settings, printer)?, printer)
}
