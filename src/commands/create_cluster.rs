//! `eksup create cluster` and `eksup utils schema`.

use anyhow::Result;

use crate::cli::CreateClusterArgs;
use crate::error::ExitStatus;
use crate::ops::{self, create_cluster::CreateOptions};
use crate::output::Printer;
use crate::settings::Settings;

pub fn create_cluster(args: CreateClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let options = CreateOptions::from_args(args)?;
    ops::finish(ops::create_cluster::create_cluster(&options, settings, printer)?, printer)
}

/// The JSON Schema of the cluster config, for editors.
pub fn print_schema(printer: &Printer) -> Result<ExitStatus> {
    ops::finish(ops::text::schema()?, printer)
}
