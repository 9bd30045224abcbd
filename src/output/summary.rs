//! The run summary: the last JSON line of `create cluster -o json` and `delete cluster -o json`.
//! One typed value, rendered in one place ([`Summary::print`]).

use serde::Serialize;

/// `{"event": "summary", "cluster", "region", "result", ...details, "elapsedSeconds"}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary<'a, D: Serialize> {
    event: &'static str,
    pub cluster: &'a str,
    pub region: &'a str,
    /// `created`, `deleted`, `started`, `interrupted` or `failed`.
    pub result: &'static str,
    /// What the command adds (counts and phases, the delete report).
    #[serde(flatten)]
    pub details: D,
    pub elapsed_seconds: f64,
}

impl<'a, D: Serialize> Summary<'a, D> {
    pub fn new(cluster: &'a str, region: &'a str, result: &'static str, details: D, elapsed: f64) -> Self {
        Self { event: "summary", cluster, region, result, details, elapsed_seconds: elapsed }
    }

    /// One JSON line on stdout.
    pub fn print(&self) {
        super::Printer::json_line(self);
    }
}

/// How long a phase of a run took, wall clock.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseTime {
    pub phase: &'static str,
    pub seconds: f64,
}
