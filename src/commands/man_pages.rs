//! `eksup utils man-pages`: one roff man page per command, generated from the clap definition.

use anyhow::Result;

use crate::cli::ManPagesArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;

pub fn man_pages(args: &ManPagesArgs, printer: &Printer) -> Result<ExitStatus> {
    ops::finish(ops::text::man_pages(&args.dir)?, printer)
}
