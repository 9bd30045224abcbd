//! `eksup init`: write a commented cluster config, asking on a terminal.

use anyhow::Result;

use crate::cli::InitArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;
use crate::settings::Settings;

pub fn init(args: InitArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    // The flags are the options: each answers one question.
    ops::finish(ops::init::init(&args, settings, printer)?, printer)
}
