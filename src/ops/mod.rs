//! The operations: what each command does, given its options (as cargo's `ops`).
//!
//! A command in `src/commands/` turns its arguments into an operation's options, calls the
//! operation, and hands the typed report it returns to [`finish`]: the one place a report is
//! printed and turned into the exit status.

pub mod addon;
pub mod cluster_config;
pub mod create_cluster;
pub mod delete_cluster;
pub mod drain;
pub mod file_parts;
pub mod get;
pub mod health;
pub mod init;
pub mod kubeconfig;
pub mod load;
pub mod nodegroup;
pub mod oidc;
pub mod orphans;
pub mod part_flags;
pub mod parts;
pub mod repository;
pub mod service_account;
pub mod text;
pub mod token;
pub mod upgrade;

use std::time::Duration;

use anyhow::Result;

use crate::error::{ExitStatus, UserError};
use crate::executor::{Cancel, Outcome};
use crate::output::Printer;
use crate::plan::estimate::human;

/// What an operation hands back: something to print, and how it ended.
pub trait Report {
    /// Tell the user: data on stdout, sentences on stderr.
    fn print(&self, printer: &Printer) -> Result<()>;

    /// How the operation ended; most end done once they have a report.
    fn end(self) -> RunEnd
    where
        Self: Sized,
    {
        RunEnd::Done
    }
}

/// What a command that changes one thing in place did, or would do (`action` in its JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Without `--approve`: shown, nothing done.
    Plan,
    /// Already as asked: nothing was called.
    Unchanged,
    /// Found there already.
    Exists,
    Created,
    Updated,
    Upgraded,
}

/// Print `report` and turn it into the exit status: every command ends here.
pub fn finish(report: impl Report, printer: &Printer) -> Result<ExitStatus> {
    report.print(printer)?;
    report.end().exit_status()
}

/// How a run ended.
#[derive(Debug)]
pub enum RunEnd {
    /// Everything asked for is done (or started, with `--no-wait`): exit 0.
    Done,
    /// Ctrl-C: calls in flight settled and nothing new was started: exit 130.
    Interrupted,
    /// A step failed or the run timed out: the error says what, with its own status.
    Failed(UserError),
}

impl RunEnd {
    /// The end of a plan's run: Ctrl-C first, then the first failed step, then the timeout.
    /// `what` names the run in the error ("creating node groups"); other failed steps are hints.
    pub fn of_run(outcome: &Outcome, what: &str, timeout: Duration) -> Self {
        if outcome.interrupted {
            return Self::Interrupted;
        }
        if outcome.is_success() {
            return Self::Done;
        }
        let mut err = UserError::new(match outcome.failed.first() {
            Some((step, e)) => format!("{what} failed at step `{step}`: {e:#}"),
            None if outcome.timed_out => format!("{what} timed out after {}", human(timeout)),
            None => format!("{what} did not finish"),
        });
        // What the first failure says to do comes first.
        for h in outcome.failed.first().map(|(_, e)| crate::error::hints_of(e)).unwrap_or_default() {
            err = err.hint(h);
        }
        for (step, e) in outcome.failed.iter().skip(1) {
            err = err.hint(format!("step `{step}` failed too: {e:#}"));
        }
        Self::Failed(err)
    }

    /// The word of the run summary's `result` for a run that creates: `created`, `interrupted`
    /// or `failed`.
    pub fn created_word(&self) -> &'static str {
        match self {
            Self::Done => "created",
            Self::Interrupted => "interrupted",
            Self::Failed(_) => "failed",
        }
    }

    /// Add a hint to a failure.
    #[must_use]
    pub fn hint(self, hint: impl Into<String>) -> Self {
        match self {
            Self::Failed(e) => Self::Failed(e.hint(hint)),
            other => other,
        }
    }

    /// The exit status, or the failure as the command's error.
    pub fn exit_status(self) -> Result<ExitStatus> {
        match self {
            Self::Done => Ok(ExitStatus::Success),
            Self::Interrupted => Ok(ExitStatus::Interrupted),
            Self::Failed(e) => Err(e.into()),
        }
    }
}

/// A multi-threaded tokio runtime for operations that talk to AWS.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?)
}

/// Ctrl-C: the first one stops new steps and lets calls in flight settle; a second one exits.
pub fn watch_interrupt(cancel: &Cancel) {
    let cancel = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(ExitStatus::Interrupted.code()));
            }
        }
    });
}

/// An error that is a bug in eksup: exit 2, as [`crate::error`] says.
pub fn bug(err: impl Into<anyhow::Error>, what: &str) -> anyhow::Error {
    err.into().context(UserError::bug(format!("{what}; this is a bug, please report it")))
}
