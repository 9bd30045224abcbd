//! `eksup completion <shell>`: the same scripts that ship in `completions/`.

use anyhow::Result;

use crate::cli::CompletionArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;

pub fn completion(args: &CompletionArgs, printer: &Printer) -> Result<ExitStatus> {
    ops::finish(ops::text::completion(args.shell), printer)
}
