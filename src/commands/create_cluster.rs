//! `eksup create cluster`.

use anyhow::Result;

use crate::cli::CreateClusterArgs;
use crate::error::{ExitStatus, not_implemented};
use crate::output::Printer;
use crate::settings::Settings;

pub fn create_cluster(
    _args: CreateClusterArgs,
    _settings: &Settings,
    _printer: &Printer,
) -> Result<ExitStatus> {
    Err(not_implemented("create cluster"))
}

pub fn print_schema(_printer: &Printer) -> Result<ExitStatus> {
    Err(not_implemented("utils schema"))
}
