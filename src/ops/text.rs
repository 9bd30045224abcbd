//! Operations that only produce text: the version, the config's JSON Schema, completion
//! scripts and man pages.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use super::Report;
use crate::cli::Cli;
use crate::output::{OutputFormat, Printer};

/// Data for stdout.
#[derive(Debug)]
pub struct Data {
    pub text: String,
    /// Printed as it is, without a final newline added.
    pub raw: bool,
}

impl Report for Data {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.raw {
            printer.data_raw(&self.text);
        } else {
            printer.data(&self.text);
        }
        Ok(())
    }
}

/// `eksup version` in `format`.
pub fn version(format: OutputFormat) -> Data {
    let version = env!("CARGO_PKG_VERSION");
    let text = match format {
        OutputFormat::Table => format!("eksup {version}"),
        OutputFormat::Json => serde_json::json!({ "version": version }).to_string(),
        OutputFormat::Yaml => format!("version: {version}"),
    };
    Data { text, raw: false }
}

/// The JSON Schema of the cluster config, for editors.
pub fn schema() -> Result<Data> {
    Ok(Data { text: serde_json::to_string_pretty(crate::config::schema())?, raw: false })
}

/// The completion script for `shell`, generated from the clap definition (the same scripts
/// ship in `completions/`).
pub fn completion(shell: clap_complete::Shell) -> Data {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "eksup", &mut buf);
    Data { text: String::from_utf8_lossy(&buf).into_owned(), raw: true }
}

/// The man pages written.
#[derive(Debug)]
pub struct ManPagesReport {
    pub dir: PathBuf,
    pub written: Vec<String>,
}

impl Report for ManPagesReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        printer.status("Wrote", &format!("{} man pages to `{}`", self.written.len(), self.dir.display()));
        Ok(())
    }
}

/// One roff man page per command, generated from the clap definition, into `dir`.
pub fn man_pages(dir: &Path) -> Result<ManPagesReport> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let mut cmd = Cli::command();
    cmd.build();
    let mut written = Vec::new();
    write_pages(&cmd, "", dir, &mut written)?;
    Ok(ManPagesReport { dir: dir.to_path_buf(), written })
}

fn write_pages(cmd: &clap::Command, prefix: &str, dir: &Path, written: &mut Vec<String>) -> Result<()> {
    let name =
        if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .title(name.to_uppercase())
        .render(&mut buf)
        .with_context(|| format!("cannot render the man page of `{name}`"))?;
    let file = dir.join(format!("{name}.1"));
    crate::fs::write_atomic(&file, &buf, 0o644)
        .with_context(|| format!("cannot write `{}`", file.display()))?;
    written.push(name.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        write_pages(sub, &name, dir, written)?;
    }
    Ok(())
}
