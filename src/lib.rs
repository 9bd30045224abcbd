//! # eksup
//!
//! Brings up Amazon EKS clusters from one declarative YAML file by calling the AWS APIs directly.
//!
//! ## A map of the code
//! The data flows through these modules, in this order:
//!
//! - [`cli`]: clap types only; [`settings`] resolves the global flags.
//! - [`config`]: parse, default and validate a `ClusterConfig` (pure: no IO, no AWS). Every
//!   problem carries its YAML path, line and column.
//! - [`plan`]: the graph of resource steps built from a validated config (pure data, printable);
//!   every kind of resource is declared once in [`plan::Kind`]; a delete's graph is
//!   [`plan::teardown`], built from what exists.
//! - [`executor`]: walks any plan (create or delete) concurrently and emits events; it knows
//!   nothing of AWS.
//! - [`cloud`]: the only module that names `aws-sdk-*`: the seam to AWS.
//! - [`kubernetes`]: the only module that names `kube`: the seam to a cluster's Kubernetes API.
//! - [`kubeconfig`]: merge entries into a kubeconfig, write it atomically; the exec token.
//! - [`output`]: the one printer; stdout for data, stderr for people.
//! - [`ops`]: the operations: what each command does, given its options; each returns a typed
//!   report that [`ops::finish`] prints and turns into the exit status.
//! - [`commands`]: one thin function per command: arguments to options, one operation, the report.
//! - [`fs`]: the one atomic file writer.
//!
//! Start reading at [`ops::create_cluster`].
#![forbid(unsafe_code)]
#![deny(clippy::print_stdout, clippy::print_stderr, clippy::dbg_macro)]
// Issue #10: no function over about 100 lines; CI runs clippy with `-D warnings`.
#![warn(clippy::too_many_lines)]

pub mod cli;
pub mod cloud;
pub mod commands;
pub mod config;
pub mod error;
pub mod executor;
pub mod fs;
pub mod kubeconfig;
pub mod kubernetes;
pub mod ops;
pub mod output;
pub mod plan;
pub mod settings;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

use crate::error::ExitStatus;

/// Parse `args`, run the command, print any error once, and return the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match cli::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { ExitStatus::Usage.code() } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    run_cli(cli)
}

/// Run a parsed command line: the one place a command's outcome becomes an exit code.
pub fn run_cli(cli: cli::Cli) -> ExitCode {
    let printer = settings::printer(&cli.global);
    let settings = settings::Settings::resolve(&cli.global);
    match commands::dispatch(cli.command, &settings, &printer) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) => {
            printer.error(&err);
            ExitCode::from(error::status_of(&err).code())
        }
    }
}
