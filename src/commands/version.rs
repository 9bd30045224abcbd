//! `eksup version`.

use anyhow::Result;

use crate::cli::VersionArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;

pub fn version(args: &VersionArgs, printer: &Printer) -> Result<ExitStatus> {
    ops::finish(ops::text::version(args.output.output), printer)
}
