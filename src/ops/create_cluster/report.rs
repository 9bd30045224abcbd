//! What `create cluster` hands back: the plan of a dry run, or the run's summary.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use crate::config::{self, Loaded};
use crate::kubeconfig::WriteOutcome;
use crate::ops::{Report, RunEnd};
use crate::output::progress::{Tally, TallyStep, short};
use crate::output::summary::{PhaseTime, Summary};
use crate::output::{PlanFormat, Printer};
use crate::plan::drift::LivePlan;
use crate::plan::estimate::{self, human};
use crate::plan::{self, Plan, render};

/// The report of `create cluster`.
#[derive(Debug)]
pub enum CreateReport {
    /// `--dry-run`: the plan.
    Plan(Box<PlanReport>),
    /// A real run.
    Run(Box<RunReport>),
}

impl Report for CreateReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        match self {
            Self::Plan(p) => p.print(printer),
            Self::Run(r) => r.print(printer),
        }
    }

    fn end(self) -> RunEnd {
        match self {
            Self::Plan(p) => p.end(),
            Self::Run(r) => r.end(),
        }
    }
}

/// A dry run's plan, in the format of `-o`.
#[derive(Debug)]
pub struct PlanReport {
    plan: Plan,
    /// The plan against the cluster as it exists, when it exists.
    live: Option<LivePlan>,
    format: PlanFormat,
    /// The defaulted config, for `-o yaml`.
    config_yaml: Option<String>,
}

impl PlanReport {
    pub fn new(plan: Plan, loaded: &Loaded, output: Option<PlanFormat>) -> Self {
        let format = output.unwrap_or_default();
        let config_yaml = (format == PlanFormat::Yaml).then(|| config::to_yaml(&loaded.config));
        Self { plan, live: None, format, config_yaml }
    }

    /// The plan marked against what exists.
    #[must_use]
    pub fn against(mut self, live: LivePlan) -> Self {
        self.live = Some(live);
        self
    }
}

impl Report for PlanReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let plan = &self.plan;
        match self.format {
            PlanFormat::Table => match &self.live {
                Some(live) => printer.data(&live.render()),
                None => printer.data(&render::tree(plan)),
            },
            PlanFormat::Yaml => printer.data(self.config_yaml.as_deref().unwrap_or_default()),
            PlanFormat::Mermaid => printer.data(&render::mermaid(plan)),
            PlanFormat::Dot => printer.data(&render::dot(plan)),
            PlanFormat::Json => {
                let cp = estimate::critical_path(plan);
                let doc = serde_json::json!({
                    "plan": plan,
                    "criticalPath": cp,
                    "estimatedSeconds": cp.total.as_secs(),
                    "live": self.live,
                });
                printer.data(&serde_json::to_string_pretty(&doc)?);
            }
        }
        Ok(())
    }
}

/// What a real run did.
#[derive(Debug)]
pub struct RunReport {
    pub cluster: String,
    pub region: String,
    /// `-o json`: the summary is a JSON line.
    pub json: bool,
    pub tally: Tally,
    pub phases: Vec<PhaseTime>,
    /// The kubeconfig entries the run wrote.
    pub kubeconfig: Option<WriteOutcome>,
    pub elapsed: Duration,
    /// How many steps the plan has, and how many finished.
    pub steps: usize,
    pub existing: usize,
    pub end: RunEnd,
    /// The run turned the cluster's endpoint private-only at its end.
    pub private_endpoint: bool,
}

/// The details of `create cluster`'s summary line.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateDetails<'a> {
    counts: BTreeMap<&'static str, usize>,
    phases: &'a [PhaseTime],
    failed: &'a [TallyStep],
    skipped: &'a [String],
    kubeconfig_context: Option<&'a str>,
    /// The AWS calls the run made: reads, writes, polls, throttled answers.
    aws_calls: crate::cloud::Calls,
}

impl RunReport {
    pub const RERUN_HINT: &str =
        "run the same command again: it finds what exists and creates only what is missing";

    pub fn delete_hint(name: &str, region: &str) -> String {
        format!("remove it all with `eksup delete cluster --name {name} --region {region}`")
    }

    fn print_finished(&self, printer: &Printer) {
        let what = self
            .tally
            .counts()
            .iter()
            .map(|(a, n)| format!("{n} {}", if *a == "existed" { "already there" } else { a }))
            .collect::<Vec<_>>()
            .join(", ");
        let (name, region) = (&self.cluster, &self.region);
        printer.status(
            "Finished",
            &format!("cluster `{name}` in `{region}` is ready in {} ({what})", human(self.elapsed)),
        );
        for p in &self.phases {
            printer.info(&format!("{:>14}  {}", short(Duration::from_secs_f64(p.seconds)), p.phase));
        }
        if let Some(k) = &self.kubeconfig {
            crate::ops::kubeconfig::print_outcome(k, printer);
        }
        if self.private_endpoint {
            printer.info(&format!(
                "the Kubernetes API of `{name}` is private-only now: it answers only inside its VPC"
            ));
            printer.hint(
                "run kubectl and eksup commands that reach the API from the VPC, a peered VPC or over Direct Connect or a VPN",
            );
        }
    }
}

impl Report for RunReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            let details = CreateDetails {
                counts: self.tally.counts(),
                phases: &self.phases,
                failed: &self.tally.failed,
                skipped: &self.tally.skipped,
                kubeconfig_context: self.kubeconfig.as_ref().map(|k| k.context.as_str()),
                aws_calls: crate::cloud::calls(),
            };
            let result = self.end.created_word();
            Summary::new(&self.cluster, &self.region, result, details, self.elapsed.as_secs_f64()).print();
        }
        match self.end {
            RunEnd::Done if !self.json => self.print_finished(printer),
            RunEnd::Interrupted => {
                printer.warn(&format!(
                    "interrupted: {} of {} steps had finished; nothing new was started",
                    self.existing, self.steps
                ));
                printer.hint(Self::RERUN_HINT);
                printer.hint(&Self::delete_hint(&self.cluster, &self.region));
            }
            _ => {}
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        self.end
    }
}

/// How long each phase of the run took, wall clock: network, IAM, control plane, nodes, extras.
pub(super) fn phases(plan: &Plan, tally: &Tally) -> Vec<PhaseTime> {
    let phase_of =
        |id: &str| -> &'static str { plan.step(id).map_or(plan::PHASES[4], |s| s.resource.phase()) };
    let mut spans: Vec<(&'static str, f64, f64)> = Vec::new();
    for s in &tally.finished {
        let p = phase_of(&s.step);
        let (start, end) = (s.started_at, s.started_at + s.seconds);
        match spans.iter_mut().find(|(n, _, _)| *n == p) {
            Some(span) => {
                span.1 = span.1.min(start);
                span.2 = span.2.max(end);
            }
            None => spans.push((p, start, end)),
        }
    }
    spans.sort_by(|a, b| a.1.total_cmp(&b.1));
    spans.into_iter().map(|(phase, a, b)| PhaseTime { phase, seconds: (b - a).max(0.0) }).collect()
}
