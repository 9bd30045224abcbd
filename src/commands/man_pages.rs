//! `eksup utils man-pages`: one roff man page per command, generated from the clap definition.

use std::path::Path;

use anyhow::{Context as _, Result};
use clap::CommandFactory;

use crate::cli::{Cli, ManPagesArgs};
use crate::error::ExitStatus;
use crate::output::Printer;

fn write_pages(cmd: &clap::Command, prefix: &str, dir: &Path, written: &mut Vec<String>) -> Result<()> {
    let name =
        if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .title(name.to_uppercase())
        .render(&mut buf)
        .with_context(|| format!("cannot render the man page of `{name}`"))?;
    let file = dir.join(format!("{name}.1"));
    std::fs::write(&file, buf).with_context(|| format!("cannot write `{}`", file.display()))?;
    written.push(name.clone());
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        write_pages(sub, &name, dir, written)?;
    }
    Ok(())
}

pub fn man_pages(args: &ManPagesArgs, printer: &Printer) -> Result<ExitStatus> {
    std::fs::create_dir_all(&args.dir).with_context(|| format!("cannot create `{}`", args.dir.display()))?;
    let mut cmd = Cli::command();
    cmd.build();
    let mut written = Vec::new();
    write_pages(&cmd, "", &args.dir, &mut written)?;
    printer.status("Wrote", &format!("{} man pages to `{}`", written.len(), args.dir.display()));
    Ok(ExitStatus::Success)
}
