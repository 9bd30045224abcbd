//! `eksup completion <shell>`: the same scripts that ship in `completions/`.

use anyhow::Result;
use clap::CommandFactory;

use crate::cli::{Cli, CompletionArgs};
use crate::error::ExitStatus;
use crate::output::Printer;

/// The completion script for `shell`, generated from the clap definition.
pub fn script(shell: clap_complete::Shell) -> String {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "eksup", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn completion(args: &CompletionArgs, printer: &Printer) -> Result<ExitStatus> {
    printer.data_raw(&script(args.shell));
    Ok(ExitStatus::Success)
}
