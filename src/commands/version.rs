//! `eksup version`.

use anyhow::Result;

use crate::cli::VersionArgs;
use crate::error::ExitStatus;
use crate::output::{OutputFormat, Printer};

pub fn version(args: &VersionArgs, printer: &Printer) -> Result<ExitStatus> {
    let version = env!("CARGO_PKG_VERSION");
    match args.output.output {
        OutputFormat::Table => printer.data(&format!("eksup {version}")),
        OutputFormat::Json => printer.data(&serde_json::json!({ "version": version }).to_string()),
        OutputFormat::Yaml => printer.data(&format!("version: {version}")),
    }
    Ok(ExitStatus::Success)
}
