//! Progress of a create or delete, for people (indicatif on a terminal, timestamped lines
//! otherwise) or for machines (one JSON event per line on stdout).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use console::Style;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::executor::{Action, Event, Reporter};
use crate::plan::estimate::human;

use super::Printer;

/// `12.3s`, `2m05s`.
pub fn short(d: Duration) -> String {
    if d < Duration::from_secs(60) { format!("{:.1}s", d.as_secs_f64()) } else { human(d) }
}

/// `HH:MM:SS` in UTC.
fn clock() -> String {
    let s = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default() % 86_400;
    format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
}

/// What the run did, step by step: for the summary.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub finished: Vec<TallyStep>,
    pub failed: Vec<TallyStep>,
    pub skipped: Vec<String>,
    /// When each step first reported waiting for AWS (seconds from the start of the run).
    #[serde(skip)]
    waiting: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TallyStep {
    pub step: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// Seconds from the start of the run to the start of the step.
    pub started_at: f64,
    pub seconds: f64,
    /// When the step began waiting for AWS (seconds from the start of the run), if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiting_from: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Tally {
    fn record(&mut self, event: &Event<'_>, since_start: Duration) {
        let started = |elapsed: &Duration| since_start.saturating_sub(*elapsed).as_secs_f64();
        match event {
            Event::StepWaiting { step, .. } => {
                self.waiting.entry(step.id.to_string()).or_insert(since_start.as_secs_f64());
            }
            Event::StepFinished { step, action, elapsed, .. } => self.finished.push(TallyStep {
                step: step.id.to_string(),
                description: step.description.to_string(),
                action: Some(*action),
                started_at: started(elapsed),
                seconds: elapsed.as_secs_f64(),
                waiting_from: self.waiting.get(step.id).copied(),
                error: None,
            }),
            Event::StepFailed { step, error, elapsed } => self.failed.push(TallyStep {
                step: step.id.to_string(),
                description: step.description.to_string(),
                action: None,
                started_at: started(elapsed),
                seconds: elapsed.as_secs_f64(),
                waiting_from: self.waiting.get(step.id).copied(),
                error: Some(format!("{error:#}")),
            }),
            Event::StepSkipped { step, .. } => self.skipped.push(step.id.to_string()),
            _ => {}
        }
    }

    /// How many steps ended with each action.
    pub fn counts(&self) -> BTreeMap<&'static str, usize> {
        let mut c = BTreeMap::new();
        for s in &self.finished {
            let key = match s.action {
                Some(Action::Created) => "created",
                Some(Action::Existed) => "existed",
                Some(Action::Updated) => "updated",
                Some(Action::Deleted) => "deleted",
                Some(Action::Absent) => "none",
                None => continue,
            };
            *c.entry(key).or_default() += 1;
        }
        c
    }
}

/// The reporter a command uses: human or JSON lines, plus the tally for the summary.
pub struct Progress {
    mode: Mode,
    tally: Mutex<Tally>,
    start: Instant,
}

enum Mode {
    /// Bars on a terminal.
    Bars { multi: MultiProgress, header: ProgressBar, bars: Mutex<BTreeMap<String, ProgressBar>> },
    /// Timestamped lines on stderr.
    Lines { quiet: bool, last_wait: Mutex<BTreeMap<String, Instant>> },
    /// One JSON object per line on stdout.
    Json,
}

impl Progress {
    /// `verb` is what the run does ("creating", "deleting"), `what` names the target.
    pub fn new(printer: &Printer, json: bool, verb: &str, what: &str) -> Self {
        let mode = if json {
            Mode::Json
        } else if printer.stderr_is_terminal() && printer.verbosity() > super::Verbosity::Quiet {
            let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
            let header = multi.add(ProgressBar::new_spinner());
            header.set_style(
                ProgressStyle::with_template("{spinner:.green} {msg} [{elapsed_precise}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            header.set_message(format!("{verb} {what}"));
            header.enable_steady_tick(Duration::from_millis(120));
            Mode::Bars { multi, header, bars: Mutex::new(BTreeMap::new()) }
        } else {
            let quiet = printer.verbosity() == super::Verbosity::Quiet;
            if !quiet {
                super::Printer::line(&format!("[{}] {verb} {what}", clock()));
            }
            Mode::Lines { quiet, last_wait: Mutex::new(BTreeMap::new()) }
        };
        Self { mode, tally: Mutex::new(Tally::default()), start: Instant::now() }
    }

    pub fn elapsed(&self) -> Duration {
        self.start.elapsed()
    }

    pub fn tally(&self) -> Tally {
        self.tally.lock().map(|t| t.clone()).unwrap_or_default()
    }

    /// Stop the bars (before printing the summary).
    pub fn finish(&self) {
        if let Mode::Bars { header, bars, .. } = &self.mode {
            if let Ok(mut bars) = bars.lock() {
                for (_, b) in std::mem::take(&mut *bars) {
                    b.finish_and_clear();
                }
            }
            header.finish_and_clear();
        }
    }

    /// Print a line above the bars (or plainly).
    fn println(&self, line: &str) {
        match &self.mode {
            Mode::Bars { multi, .. } => {
                let _ = multi.println(line);
            }
            Mode::Lines { quiet: false, .. } => super::Printer::line(&format!("[{}] {line}", clock())),
            _ => {}
        }
    }

    /// A JSON line on stdout (the summary object uses this too).
    pub fn json_line(value: &impl Serialize) {
        super::Printer::json_line(value);
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonEvent<'a> {
    event: &'a str,
    step: &'a str,
    description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    action: Option<Action>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    elapsed_seconds: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outputs: Option<&'a BTreeMap<String, String>>,
    time: u64,
}

impl Reporter for Progress {
    fn event(&self, event: &Event<'_>) {
        if let Ok(mut t) = self.tally.lock() {
            t.record(event, self.start.elapsed());
        }
        match &self.mode {
            Mode::Json => Self::json_event(event),
            Mode::Bars { multi, bars, .. } => self.bar_event(multi, bars, event),
            Mode::Lines { quiet, last_wait } => self.line_event(*quiet, last_wait, event),
        }
    }
}

impl Progress {
    /// [`Mode::Json`]: one JSON line per event.
    fn json_event(event: &Event<'_>) {
        let time =
            SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as u64).unwrap_or_default();
        let line = match event {
            Event::StepStarted { step } => JsonEvent::new("stepStarted", step.id, step.description, time),
            Event::StepWaiting { step, status, elapsed } => JsonEvent {
                status: Some(status),
                elapsed_seconds: Some(elapsed.as_secs_f64()),
                ..JsonEvent::new("stepWaiting", step.id, step.description, time)
            },
            Event::StepWarning { step, message } => JsonEvent {
                message: Some((*message).to_string()),
                ..JsonEvent::new("stepWarning", step.id, step.description, time)
            },
            Event::StepFinished { step, action, outputs, elapsed } => JsonEvent {
                action: Some(*action),
                outputs: Some(outputs),
                elapsed_seconds: Some(elapsed.as_secs_f64()),
                ..JsonEvent::new("stepFinished", step.id, step.description, time)
            },
            Event::StepFailed { step, error, elapsed } => JsonEvent {
                message: Some(format!("{error:#}")),
                elapsed_seconds: Some(elapsed.as_secs_f64()),
                ..JsonEvent::new("stepFailed", step.id, step.description, time)
            },
            Event::StepSkipped { step, because } => JsonEvent {
                message: Some(skip_reason(because)),
                ..JsonEvent::new("stepSkipped", step.id, step.description, time)
            },
        };
        Self::json_line(&line);
    }

    /// [`Mode::Bars`]: a spinner per step in flight; a line above the bars when a step ends.
    fn bar_event(
        &self,
        multi: &MultiProgress,
        bars: &Mutex<BTreeMap<String, ProgressBar>>,
        event: &Event<'_>,
    ) {
        match event {
            Event::StepStarted { step } => {
                let bar = multi.add(ProgressBar::new_spinner());
                bar.set_style(
                    ProgressStyle::with_template("  {spinner:.cyan} {msg} [{elapsed}]")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                bar.set_message(step.description.to_string());
                bar.enable_steady_tick(Duration::from_millis(120));
                if let Ok(mut b) = bars.lock() {
                    b.insert(step.id.to_string(), bar);
                }
            }
            Event::StepWaiting { step, status, .. } => {
                if let Some(bar) = bars.lock().ok().and_then(|b| b.get(step.id).cloned()) {
                    bar.set_message(format!("{} ({status})", step.description));
                }
            }
            _ => {
                if let Some(bar) = bars.lock().ok().and_then(|mut b| b.remove(event_id(event))) {
                    bar.finish_and_clear();
                    multi.remove(&bar);
                }
                if let Some(line) = describe(event) {
                    self.println(&line);
                }
            }
        }
    }

    /// [`Mode::Lines`]: a timestamped line per event (waits at most every 30 s per step); when
    /// `quiet`, only failures, plainly.
    fn line_event(&self, quiet: bool, last_wait: &Mutex<BTreeMap<String, Instant>>, event: &Event<'_>) {
        if quiet && !matches!(event, Event::StepFailed { .. }) {
            return;
        }
        match event {
            Event::StepStarted { step } => self.println(&format!("{:>9} {}", "starting", step.description)),
            Event::StepWaiting { step, status, elapsed } => {
                // at most one line every 30 s per step
                let due = last_wait.lock().map(|mut w| {
                    let now = Instant::now();
                    let due =
                        w.get(step.id).is_none_or(|t| now.duration_since(*t) >= Duration::from_secs(30));
                    if due {
                        w.insert(step.id.to_string(), now);
                    }
                    due
                });
                if due.unwrap_or(true) {
                    self.println(&format!(
                        "{:>9} {} ({status}, {})",
                        "waiting",
                        step.description,
                        short(*elapsed)
                    ));
                }
            }
            _ => {
                if let Some(line) = describe(event) {
                    if quiet {
                        super::Printer::line(&line);
                    } else {
                        self.println(&line);
                    }
                }
            }
        }
    }
}

impl<'a> JsonEvent<'a> {
    fn new(event: &'a str, step: &'a str, description: &'a str, time: u64) -> Self {
        Self {
            event,
            step,
            description,
            action: None,
            status: None,
            message: None,
            elapsed_seconds: None,
            outputs: None,
            time,
        }
    }
}

fn event_id<'a>(event: &'a Event<'_>) -> &'a str {
    match event {
        Event::StepStarted { step }
        | Event::StepWaiting { step, .. }
        | Event::StepWarning { step, .. }
        | Event::StepFinished { step, .. }
        | Event::StepFailed { step, .. }
        | Event::StepSkipped { step, .. } => step.id,
    }
}

/// Why a step did not start: the run was stopped, or a step failed (the one it needs, or the
/// one whose failure stopped the run).
fn skip_reason(because: &str) -> String {
    match because {
        crate::executor::INTERRUPTED | crate::executor::TIMED_OUT => format!("not started: {because}"),
        step => format!("not started: `{step}` failed"),
    }
}

/// The line for a step that ended (or a warning).
fn describe(event: &Event<'_>) -> Option<String> {
    let green = Style::new().green();
    let red = Style::new().red().bold();
    let yellow = Style::new().yellow();
    match event {
        Event::StepFinished { step, action, elapsed, .. } => {
            let label = format!("{:>9}", action.label());
            let label = if matches!(action, Action::Existed | Action::Absent) {
                Style::new().dim().apply_to(label).to_string()
            } else {
                green.apply_to(label).to_string()
            };
            Some(format!("{label} {} ({})", step.description, short(*elapsed)))
        }
        Event::StepFailed { step, error, .. } => {
            Some(format!("{} {}: {error:#}", red.apply_to(format!("{:>9}", "failed")), step.description))
        }
        Event::StepSkipped { step, because } => Some(format!(
            "{} {} ({})",
            yellow.apply_to(format!("{:>9}", "skipped")),
            step.description,
            skip_reason(because)
        )),
        Event::StepWarning { step, message } => {
            Some(format!("{} {}: {message}", yellow.apply_to(format!("{:>9}", "warning")), step.description))
        }
        _ => None,
    }
}
