//! Failures as the user sees them: a message, a chain of causes, hints and an exit code.
//!
//! Exit codes: 0 success, 1 the operation or the config failed, 2 usage or internal error,
//! 130 interrupted.

use std::fmt;

/// Exit code classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    /// The operation, the config or AWS refused: exit 1.
    Failure,
    /// Bad usage or a bug in eksup: exit 2.
    Usage,
    /// Interrupted by Ctrl-C: exit 130.
    Interrupted,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            Self::Success => 0,
            Self::Failure => 1,
            Self::Usage => 2,
            Self::Interrupted => 130,
        }
    }
}

/// An error that carries its own hint and exit status; anything else in an `anyhow` chain is
/// rendered as a cause.
#[derive(Debug)]
pub struct UserError {
    pub message: String,
    pub hints: Vec<String>,
    pub status: ExitStatus,
}

impl UserError {
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), hints: Vec::new(), status: ExitStatus::Failure }
    }

    /// A usage error (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self { status: ExitStatus::Usage, ..Self::new(message) }
    }

    /// A bug in eksup (exit code 2): `message` says what went wrong.
    pub fn bug(message: impl Into<String>) -> Self {
        Self { status: ExitStatus::Usage, ..Self::new(message) }
    }

    /// The cluster a command names does not exist in the region it asked.
    pub fn no_cluster(cluster: &str) -> Self {
        Self::new(format!("no cluster `{cluster}` in this region"))
            .hint("list the region's clusters with `eksup get cluster`, or check `--region`")
    }

    #[must_use]
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    #[must_use]
    pub fn status(mut self, status: ExitStatus) -> Self {
        self.status = status;
        self
    }
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for UserError {}

/// A capability that a later release delivers: exit code 2, never a fake success.
pub fn not_implemented(what: &str) -> anyhow::Error {
    UserError::usage(format!("`{what}` is not implemented yet"))
        .hint("follow the project's issue tracker for this capability")
        .into()
}

/// The exit status an error maps to.
pub fn status_of(err: &anyhow::Error) -> ExitStatus {
    err.chain().find_map(|e| e.downcast_ref::<UserError>().map(|u| u.status)).unwrap_or(ExitStatus::Failure)
}

/// The hints an error chain carries.
pub fn hints_of(err: &anyhow::Error) -> Vec<String> {
    err.chain().filter_map(|e| e.downcast_ref::<UserError>()).flat_map(|u| u.hints.iter().cloned()).collect()
}
