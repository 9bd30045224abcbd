//! Walks a [`Plan`] concurrently and reports what happens; knows nothing of AWS.
//!
//! A step starts as soon as every step it depends on has finished, up to
//! [`RunOptions::parallelism`] steps at a time. The work of a step is done by an [`Apply`]
//! implementation (the AWS one is [`crate::cloud::AwsCloud`]; tests use an in-memory fake).
//! Everything that happens is sent to a [`Reporter`] as an [`Event`]: the executor never prints.
//!
//! On a failure, steps in flight finish, nothing new starts (with [`RunOptions::keep_going`]:
//! only what depends on the failed step does not), and every step that depends on the failed one
//! (directly or not) is reported [`Event::StepSkipped`]. Cancellation (Ctrl-C) takes the
//! same path: steps in flight see [`Cancel::is_cancelled`] at their next poll and stop waiting. The
//! overall timeout drops the steps still in flight and reports them failed.
//!
//! The futures borrow the provider and the plan: no `'static`, `Arc` or `Send` is needed, since
//! all of them are polled by the task that calls [`run`].

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use std::pin::Pin;

use tokio::sync::Notify;
use tokio::time::Instant;

use crate::plan::{Plan, Resource, Step, StepId, Val};

/// Output values of one step: key (see [`crate::plan::keys`]) to value.
pub type StepOutputs = BTreeMap<String, String>;

/// Outputs of every finished step.
pub type Outputs = BTreeMap<StepId, StepOutputs>;

/// What a step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    /// Made a new resource.
    Created,
    /// Found the resource already there, as planned.
    Existed,
    /// Found it and changed it in place to match the plan.
    Updated,
    /// Removed it (delete operations).
    Deleted,
    /// Found nothing to remove (a delete whose resources were gone already).
    Absent,
}

impl Action {
    /// `created`, `exists`, `updated`, `deleted`, `none`.
    pub fn label(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::Existed => "exists",
            Self::Updated => "updated",
            Self::Deleted => "deleted",
            Self::Absent => "none",
        }
    }
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepResult {
    pub action: Action,
    pub outputs: StepOutputs,
}

impl StepResult {
    pub fn new(action: Action) -> Self {
        Self { action, outputs: StepOutputs::new() }
    }

    #[must_use]
    pub fn with(mut self, key: &str, value: impl Into<String>) -> Self {
        self.outputs.insert(key.to_string(), value.into());
        self
    }
}

/// What an event is about: a plan step, or a resource found by `delete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject<'a> {
    /// The step id (`vpc`, `nodegroup-ng-1`) or, for deletes, `kind/name`.
    pub id: &'a str,
    /// For people: "subnet `192.168.0.0/19` (public, us-west-2a)".
    pub description: &'a str,
}

impl<'a, R> From<&'a Step<R>> for Subject<'a> {
    fn from(step: &'a Step<R>) -> Self {
        Self { id: &step.id, description: &step.description }
    }
}

/// What happened, as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    StepStarted {
        step: Subject<'a>,
    },
    /// The step waits for AWS (a cluster to become `ACTIVE`, a NAT gateway to be `available`).
    StepWaiting {
        step: Subject<'a>,
        status: &'a str,
        elapsed: Duration,
    },
    /// A note worth showing: a difference that cannot be changed in place, a skipped extra.
    StepWarning {
        step: Subject<'a>,
        message: &'a str,
    },
    StepFinished {
        step: Subject<'a>,
        action: Action,
        outputs: &'a StepOutputs,
        elapsed: Duration,
    },
    StepFailed {
        step: Subject<'a>,
        error: &'a anyhow::Error,
        elapsed: Duration,
    },
    /// Not started because `because` (a step it depends on) failed, or the run was stopped.
    StepSkipped {
        step: Subject<'a>,
        because: &'a str,
    },
}

/// Receives events. Implementations live in `output/` (human progress, JSON lines).
pub trait Reporter {
    fn event(&self, event: &Event<'_>);
}

/// A reporter that drops everything.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Reporter for Silent {
    fn event(&self, _: &Event<'_>) {}
}

/// A cancellation flag: set by Ctrl-C, seen by the executor and by steps that wait.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<CancelInner>);

#[derive(Debug, Default)]
struct CancelInner {
    flag: AtomicBool,
    notify: Notify,
}

impl Cancel {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        self.0.flag.store(true, Ordering::SeqCst);
        self.0.notify.notify_waiters();
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.flag.load(Ordering::SeqCst)
    }

    /// Resolves once [`Cancel::cancel`] was called.
    pub async fn cancelled(&self) {
        loop {
            let notified = self.0.notify.notified();
            if self.is_cancelled() {
                return;
            }
            notified.await;
        }
    }
}

/// The run stopped waiting because of Ctrl-C.
#[derive(Debug, thiserror::Error)]
#[error("interrupted")]
pub struct Interrupted;

/// A step's way to report progress while it waits, and to see cancellation.
pub struct Progress<'a> {
    pub subject: Subject<'a>,
    pub reporter: &'a dyn Reporter,
    pub cancel: &'a Cancel,
    pub started: Instant,
}

tokio::task_local! {
    /// The resting steps of the [`run`] that walks the step being polled.
    static REST: std::sync::Arc<Rest>;
}

/// Wait for `f` as a step at rest (sleeping between polls, or for the AWS request budget): it
/// does no work meanwhile, so it does not count against [`RunOptions::parallelism`] (a hundred
/// node groups are made together, not eight at a time). Outside a run, just `f`.
pub async fn resting<F: Future>(f: F) -> F::Output {
    let rest = REST.try_with(std::sync::Arc::clone).ok();
    let _resting = rest.as_deref().map(Rest::enter);
    f.await
}

/// How many steps of one run are at rest, and a signal when one goes to rest.
#[derive(Debug, Default)]
struct Rest {
    resting: std::sync::atomic::AtomicUsize,
    /// A step went to rest: a slot is free.
    freed: tokio::sync::Notify,
}

impl Rest {
    fn count(&self) -> usize {
        self.resting.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn enter(&self) -> Resting<'_> {
        self.resting.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.freed.notify_one();
        Resting(self)
    }
}

/// One step at rest, until dropped.
struct Resting<'a>(&'a Rest);

impl Drop for Resting<'_> {
    fn drop(&mut self) {
        self.0.resting.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

impl<'a> Progress<'a> {
    /// The progress of work outside a plan (one node group's delete, one cluster update),
    /// reported as `subject`, starting now.
    pub fn of(subject: Subject<'a>, reporter: &'a dyn Reporter, cancel: &'a Cancel) -> Self {
        Self { subject, reporter, cancel, started: Instant::now() }
    }

    /// Report that the step still waits, with the status AWS gave.
    pub fn waiting(&self, status: &str) {
        self.reporter.event(&Event::StepWaiting {
            step: self.subject,
            status,
            elapsed: self.started.elapsed(),
        });
    }

    pub fn warn(&self, message: &str) {
        self.reporter.event(&Event::StepWarning { step: self.subject, message });
    }

    /// Sleep `delay`, or fail with [`Interrupted`] as soon as the run is cancelled.
    pub async fn sleep(&self, delay: Duration) -> Result<(), Interrupted> {
        if self.cancel.is_cancelled() {
            return Err(Interrupted);
        }
        resting(async {
            tokio::select! {
                () = tokio::time::sleep(delay) => Ok(()),
                () = self.cancel.cancelled() => Err(Interrupted),
            }
        })
        .await
    }
}

/// Everything a step may read while it runs.
pub struct StepContext<'a, R = Resource> {
    pub plan: &'a Plan<R>,
    pub step: &'a Step<R>,
    /// Outputs of the finished steps: one map shared by every step in flight (a copy each cost
    /// a hundred node groups' create 10 MB); read through [`StepContext::output`], never held.
    outputs: &'a RefCell<Outputs>,
    pub progress: Progress<'a>,
}

impl<R> StepContext<'_, R> {
    /// The value of `val`: the literal, or the output it refers to.
    pub fn resolve(&self, val: &Val) -> anyhow::Result<String> {
        resolve(val, &self.outputs.borrow())
    }

    /// Output `key` of the finished step `step`, if it set one.
    pub fn output(&self, step: &str, key: &str) -> Option<String> {
        self.outputs.borrow().get(step).and_then(|o| o.get(key)).cloned()
    }

    /// Like [`StepContext::resolve`], but an output that the referred step did not set (AWS did not
    /// return it) is `None` instead of an error.
    pub fn resolve_opt(&self, val: &Val) -> anyhow::Result<Option<String>> {
        match val {
            Val::Lit(s) => Ok(Some(s.clone())),
            Val::Out(r) => match self.outputs.borrow().get(&r.step) {
                Some(out) => Ok(out.get(&r.key).filter(|v| !v.is_empty()).cloned()),
                None => Err(UnresolvedOutput { step: r.step.clone(), key: r.key.clone() }.into()),
            },
        }
    }

    pub fn resolve_all(&self, vals: &[Val]) -> anyhow::Result<Vec<String>> {
        vals.iter().map(|v| self.resolve(v)).collect()
    }
}

/// A reference to an output that does not exist (yet): a bug in the plan, or a step that did not
/// return what it should.
#[derive(Debug, thiserror::Error)]
#[error("no output `{key}` from step `{step}`")]
pub struct UnresolvedOutput {
    pub step: StepId,
    pub key: String,
}

/// The value of `val` given the outputs of finished steps.
pub fn resolve(val: &Val, outputs: &Outputs) -> anyhow::Result<String> {
    match val {
        Val::Lit(s) => Ok(s.clone()),
        Val::Out(r) => outputs
            .get(&r.step)
            .and_then(|o| o.get(&r.key))
            .cloned()
            .ok_or_else(|| UnresolvedOutput { step: r.step.clone(), key: r.key.clone() }.into()),
    }
}

/// Does the work of one step. Implementations must be idempotent: a step whose resource already
/// exists returns [`Action::Existed`] and the same outputs.
#[allow(async_fn_in_trait)]
pub trait Apply<R = Resource> {
    async fn apply(&self, ctx: &StepContext<'_, R>) -> anyhow::Result<StepResult>;
}

impl<R, A: Apply<R> + ?Sized> Apply<R> for &A {
    async fn apply(&self, ctx: &StepContext<'_, R>) -> anyhow::Result<StepResult> {
        (**self).apply(ctx).await
    }
}

/// A provider that hands [`Resource::Kubeconfig`] steps (local, no AWS call) to `kubeconfig` and
/// everything else to `inner`.
///
/// ```ignore
/// let provider = WithKubeconfig { inner: &cloud, kubeconfig: |ctx: &StepContext<'_>| {
///     let endpoint = ctx.resolve(endpoint_val)?; /* write the file */
///     Ok(StepResult::new(Action::Updated))
/// }};
/// ```
pub struct WithKubeconfig<A, F> {
    pub inner: A,
    pub kubeconfig: F,
}

impl<A, F> Apply for WithKubeconfig<A, F>
where
    A: Apply,
    F: Fn(&StepContext<'_>) -> anyhow::Result<StepResult>,
{
    async fn apply(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
        if matches!(ctx.step.resource, Resource::Kubeconfig { .. }) {
            (self.kubeconfig)(ctx)
        } else {
            self.inner.apply(ctx).await
        }
    }
}

/// How to run a plan.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Steps in flight at most (at least 1).
    pub parallelism: usize,
    /// Give up after this long: steps in flight are dropped and reported failed.
    pub timeout: Option<Duration>,
    pub cancel: Cancel,
    /// Outputs already known (e.g. from a previous run); their steps still run.
    pub initial_outputs: Outputs,
    /// After a failure, go on with every step that does not depend on the failed one (deletes:
    /// a subnet that will not go must not keep IAM roles). Otherwise nothing new starts.
    pub keep_going: bool,
    /// Per step, how long the longest chain from its start to the end of the plan typically
    /// takes ([`crate::plan::estimate::tails`]): of the ready steps, the one with the longest
    /// chain starts first (the control plane's network before a hundred node roles). Steps not
    /// in it come after, in the order they became ready.
    pub rank: HashMap<String, Duration>,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            parallelism: 8,
            timeout: None,
            cancel: Cancel::new(),
            initial_outputs: Outputs::new(),
            keep_going: false,
            rank: HashMap::new(),
        }
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Finished steps, in the order they finished, with what they did.
    pub finished: Vec<(StepId, Action)>,
    /// Failed steps with their errors.
    pub failed: Vec<(StepId, anyhow::Error)>,
    /// Steps not run, with the reason: the failed step they depend on, else the step whose
    /// failure stopped the run, [`INTERRUPTED`] or [`TIMED_OUT`].
    pub skipped: Vec<(StepId, String)>,
    pub outputs: Outputs,
    pub elapsed: Duration,
    pub interrupted: bool,
    pub timed_out: bool,
}

impl Outcome {
    /// Every step finished.
    pub fn is_success(&self) -> bool {
        self.failed.is_empty() && self.skipped.is_empty() && !self.interrupted && !self.timed_out
    }

    pub fn count(&self, action: Action) -> usize {
        self.finished.iter().filter(|(_, a)| *a == action).count()
    }
}

/// The reason recorded for steps not started after Ctrl-C.
pub const INTERRUPTED: &str = "interrupted";
/// The reason recorded for steps not started after the timeout.
pub const TIMED_OUT: &str = "timed out";

/// Run `plan` with `provider`, reporting to `reporter`.
///
/// # Errors
/// Only when the plan's graph is broken (unknown dependency, cycle); failures of steps are in the
/// [`Outcome`].
pub async fn run<R, A: Apply<R>>(
    plan: &Plan<R>,
    provider: &A,
    reporter: &dyn Reporter,
    options: RunOptions,
) -> Result<Outcome, crate::plan::GraphError> {
    plan.check()?;
    let started = Instant::now();
    let deadline = options.timeout.map(|t| started + t);
    let parallelism = options.parallelism.max(1);
    let cancel = options.cancel;

    let mut walk = Walk::new(plan, reporter, started, options.keep_going, options.initial_outputs);
    walk.rank = options.rank;
    let rest = std::sync::Arc::new(Rest::default());
    let mut running = Running::default();

    loop {
        if walk.stop_reason.is_none() && cancel.is_cancelled() {
            walk.interrupt();
        }
        if walk.stop_reason.is_none() {
            let slots = parallelism.saturating_sub(running.len().saturating_sub(rest.count()));
            walk.start_ready(&mut running, slots, provider, &cancel, &rest);
        }
        if running.is_empty() {
            break;
        }
        let next = tokio::select! {
            next = running.next() => next,
            () = rest.freed.notified() => continue,
            () = sleep_until(deadline) => {
                walk.outcome.timed_out = true;
                walk.stop_reason = Some(TIMED_OUT.to_string());
                None
            }
            () = cancel.cancelled(), if walk.stop_reason.is_none() => {
                walk.interrupt();
                continue;
            }
        };
        let Some((step, elapsed, result)) = next else {
            // Timed out: drop what is still in flight and report it failed.
            drop(running);
            walk.fail_in_flight(options.timeout.unwrap_or_default());
            break;
        };
        walk.finish(step, elapsed, result);
    }

    Ok(walk.skip_the_rest())
}

/// What a step in flight gives back: the step, how long it ran, what it did.
type Finished<'a, R> = (&'a Step<R>, Duration, anyhow::Result<StepResult>);

/// The state of one [`run`]: which steps wait, are ready, are in flight or are done, and the
/// [`Outcome`] so far.
struct Walk<'a, R> {
    plan: &'a Plan<R>,
    reporter: &'a dyn Reporter,
    started: Instant,
    keep_going: bool,
    /// Per step, how many of its dependencies have not finished.
    waiting_on: HashMap<&'a str, usize>,
    /// Steps whose dependencies have all finished, in the order they became ready.
    ready: Vec<&'a Step<R>>,
    /// See [`RunOptions::rank`].
    rank: HashMap<String, Duration>,
    done: BTreeSet<&'a str>,
    in_flight: BTreeSet<&'a str>,
    /// The outputs so far, shared with the steps in flight; moved into `outcome` at the end.
    outputs: Rc<RefCell<Outputs>>,
    outcome: Outcome,
    /// Why nothing new starts: the step whose failure stopped the run, [`INTERRUPTED`] or
    /// [`TIMED_OUT`].
    stop_reason: Option<String>,
}

impl<'a, R> Walk<'a, R> {
    fn new(
        plan: &'a Plan<R>,
        reporter: &'a dyn Reporter,
        started: Instant,
        keep_going: bool,
        initial_outputs: Outputs,
    ) -> Self {
        Self {
            plan,
            reporter,
            started,
            keep_going,
            waiting_on: plan.steps.iter().map(|s| (s.id.as_str(), s.depends_on.len())).collect(),
            ready: plan.steps.iter().filter(|s| s.depends_on.is_empty()).collect(),
            rank: HashMap::new(),
            done: BTreeSet::new(),
            in_flight: BTreeSet::new(),
            outputs: Rc::new(RefCell::new(initial_outputs)),
            outcome: Outcome::default(),
            stop_reason: None,
        }
    }

    /// Ctrl-C: nothing new starts.
    fn interrupt(&mut self) {
        self.stop_reason = Some(INTERRUPTED.to_string());
        self.outcome.interrupted = true;
    }

    /// Start up to `slots` ready steps, the longest chain first (see [`RunOptions::rank`]); each
    /// sees the outputs of the steps finished so far.
    fn start_ready<A: Apply<R>>(
        &mut self,
        running: &mut Running<'a, Finished<'a, R>>,
        slots: usize,
        provider: &'a A,
        cancel: &'a Cancel,
        rest: &std::sync::Arc<Rest>,
    ) {
        for _ in 0..slots {
            let Some(step) = self.next_ready() else { break };
            self.in_flight.insert(step.id.as_str());
            self.reporter.event(&Event::StepStarted { step: step.into() });
            let work = run_step(self.plan, step, provider, self.reporter, cancel, self.outputs.clone());
            running.push(REST.scope(rest.clone(), work));
        }
    }

    /// The ready step with the longest chain ahead; the first to become ready among equals.
    fn next_ready(&mut self) -> Option<&'a Step<R>> {
        let rank = |s: &Step<R>| self.rank.get(&s.id).copied().unwrap_or_default();
        let best = (0..self.ready.len()).rev().max_by_key(|i| rank(self.ready[*i]))?;
        Some(self.ready.remove(best))
    }

    /// A step came back: if it finished, keep its outputs and ready the dependents it was the
    /// last to wait on; if it failed, stop the run (unless keeping going, and not interrupted).
    fn finish(&mut self, step: &'a Step<R>, elapsed: Duration, result: anyhow::Result<StepResult>) {
        self.in_flight.remove(step.id.as_str());
        match result {
            Ok(result) => {
                self.reporter.event(&Event::StepFinished {
                    step: step.into(),
                    action: result.action,
                    outputs: &result.outputs,
                    elapsed,
                });
                self.outcome.finished.push((step.id.clone(), result.action));
                self.outputs.borrow_mut().insert(step.id.clone(), result.outputs);
                self.done.insert(step.id.as_str());
                for dependent in self.plan.dependents(&step.id) {
                    if let Some(n) = self.waiting_on.get_mut(dependent.id.as_str()) {
                        *n -= 1;
                        if *n == 0 {
                            self.ready.push(dependent);
                        }
                    }
                }
            }
            Err(error) => {
                if error.downcast_ref::<Interrupted>().is_some() {
                    self.outcome.interrupted = true;
                }
                self.reporter.event(&Event::StepFailed { step: step.into(), error: &error, elapsed });
                self.outcome.failed.push((step.id.clone(), error));
                if self.stop_reason.is_none() && (!self.keep_going || self.outcome.interrupted) {
                    self.stop_reason = Some(step.id.clone());
                }
            }
        }
    }

    /// Timed out after `timeout`: the steps still in flight (already dropped) are reported
    /// failed.
    fn fail_in_flight(&mut self, timeout: Duration) {
        let index: HashMap<&str, &Step<R>> = self.plan.steps.iter().map(|s| (s.id.as_str(), s)).collect();
        for id in std::mem::take(&mut self.in_flight) {
            let step = index[id];
            let error = anyhow::anyhow!("timed out after {}", format_duration(timeout));
            self.reporter.event(&Event::StepFailed {
                step: step.into(),
                error: &error,
                elapsed: self.started.elapsed(),
            });
            self.outcome.failed.push((step.id.clone(), error));
        }
    }

    /// The run is over: everything not finished, failed or dropped is skipped, after the failed
    /// step it depends on, else with the reason the run stopped.
    fn skip_the_rest(mut self) -> Outcome {
        let failed: BTreeSet<&str> = self.outcome.failed.iter().map(|(id, _)| id.as_str()).collect();
        let mut cause: HashMap<&str, String> = HashMap::new();
        let waves = self.plan.levels().unwrap_or_default();
        for step in waves.iter().flatten() {
            if self.done.contains(step.id.as_str()) || failed.contains(step.id.as_str()) {
                continue;
            }
            let because = step
                .depends_on
                .iter()
                .find_map(|d| {
                    if failed.contains(d.as_str()) { Some(d.clone()) } else { cause.get(d.as_str()).cloned() }
                })
                .unwrap_or_else(|| self.stop_reason.clone().unwrap_or_else(|| INTERRUPTED.to_string()));
            self.reporter.event(&Event::StepSkipped { step: (*step).into(), because: &because });
            cause.insert(step.id.as_str(), because.clone());
            self.outcome.skipped.push((step.id.clone(), because));
        }
        self.outcome.elapsed = self.started.elapsed();
        self.outcome.outputs = std::mem::take(&mut *self.outputs.borrow_mut());
        self.outcome
    }
}

async fn run_step<'a, R, A: Apply<R>>(
    plan: &'a Plan<R>,
    step: &'a Step<R>,
    provider: &'a A,
    reporter: &'a dyn Reporter,
    cancel: &'a Cancel,
    outputs: Rc<RefCell<Outputs>>,
) -> (&'a Step<R>, Duration, anyhow::Result<StepResult>) {
    let started = Instant::now();
    let ctx = StepContext {
        plan,
        step,
        outputs: &outputs,
        progress: Progress { subject: step.into(), reporter, cancel, started },
    };
    let result = provider.apply(&ctx).await;
    (step, started.elapsed(), result)
}

/// The steps in flight: only those woken are polled (a hundred node groups wait at once).
struct Running<'a, T> {
    futures: futures::stream::FuturesUnordered<Pin<Box<dyn Future<Output = T> + 'a>>>,
}

impl<T> Default for Running<'_, T> {
    fn default() -> Self {
        Self { futures: futures::stream::FuturesUnordered::new() }
    }
}

impl<'a, T> Running<'a, T> {
    fn push(&mut self, future: impl Future<Output = T> + 'a) {
        self.futures.push(Box::pin(future));
    }

    fn len(&self) -> usize {
        self.futures.len()
    }

    fn is_empty(&self) -> bool {
        self.futures.is_empty()
    }

    /// The output of the first future to finish; `None` when there is none.
    async fn next(&mut self) -> Option<T> {
        futures::StreamExt::next(&mut self.futures).await
    }
}

/// `90s`, or `250ms` below a second.
pub fn format_duration(d: Duration) -> String {
    if d.as_secs() > 0 { format!("{}s", d.as_secs()) } else { format!("{}ms", d.as_millis()) }
}

async fn sleep_until(deadline: Option<Instant>) {
    match deadline {
        Some(d) => tokio::time::sleep_until(d).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::HashSet;

    use super::*;
    use crate::plan::{Resource, keys};

    /// An in-memory cloud: each step "creates" a resource named after its id, remembered across
    /// runs; a step whose id is in `fail` fails; each step takes `delay`.
    #[derive(Default)]
    struct FakeCloud {
        existing: RefCell<HashSet<String>>,
        fail: HashSet<String>,
        delay: Duration,
        /// Steps that wait (poll) until cancelled.
        hang: HashSet<String>,
        log: RefCell<Vec<String>>,
        in_flight: RefCell<usize>,
        max_in_flight: RefCell<usize>,
    }

    impl Apply for FakeCloud {
        async fn apply(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
            let id = ctx.step.id.clone();
            // Inputs must be there: every dependency finished before we started.
            for d in &ctx.step.depends_on {
                ctx.resolve(&Val::out(d, keys::ID))?;
            }
            *self.in_flight.borrow_mut() += 1;
            let now = *self.in_flight.borrow();
            let max = *self.max_in_flight.borrow();
            *self.max_in_flight.borrow_mut() = max.max(now);
            self.log.borrow_mut().push(format!("start {id}"));
            if self.hang.contains(&id) {
                loop {
                    ctx.progress.waiting("CREATING");
                    if let Err(e) = ctx.progress.sleep(Duration::from_millis(10)).await {
                        *self.in_flight.borrow_mut() -= 1;
                        return Err(e.into());
                    }
                }
            }
            tokio::time::sleep(self.delay).await;
            *self.in_flight.borrow_mut() -= 1;
            self.log.borrow_mut().push(format!("end {id}"));
            if self.fail.contains(&id) {
                anyhow::bail!("failed to create `{id}`");
            }
            let action =
                if self.existing.borrow_mut().insert(id.clone()) { Action::Created } else { Action::Existed };
            Ok(StepResult::new(action).with(keys::ID, format!("{id}-123")))
        }
    }

    #[derive(Default)]
    struct Recorder(RefCell<Vec<String>>);

    impl Reporter for Recorder {
        fn event(&self, event: &Event<'_>) {
            let line = match event {
                Event::StepStarted { step } => format!("started {}", step.id),
                Event::StepWaiting { step, .. } => format!("waiting {}", step.id),
                Event::StepWarning { step, message } => format!("warning {}: {message}", step.id),
                Event::StepFinished { step, action, .. } => format!("{} {}", action.label(), step.id),
                Event::StepFailed { step, error, .. } => format!("failed {}: {error}", step.id),
                Event::StepSkipped { step, because } => format!("skipped {} because {because}", step.id),
            };
            self.0.borrow_mut().push(line);
        }
    }

    fn step(id: &str, deps: &[&str]) -> Step {
        Step {
            id: id.into(),
            description: id.into(),
            resource: Resource::ElasticIp { az: "a".into() },
            depends_on: deps.iter().map(|d| (*d).to_string()).collect(),
        }
    }

    fn plan(steps: Vec<Step>) -> Plan {
        Plan { cluster: "c".into(), region: "r".into(), tags: BTreeMap::new(), steps }
    }

    /// vpc -> subnets a, b -> cluster -> nodegroup; role -> cluster
    fn cluster_plan() -> Plan {
        plan(vec![
            step("vpc", &[]),
            step("subnet-a", &["vpc"]),
            step("subnet-b", &["vpc"]),
            step("role", &[]),
            step("cluster", &["subnet-a", "subnet-b", "role"]),
            step("nodegroup", &["cluster"]),
            step("addon", &["cluster"]),
        ])
    }

    fn position(log: &[String], line: &str) -> usize {
        log.iter().position(|l| l == line).unwrap_or_else(|| panic!("`{line}` not in {log:?}"))
    }

    #[tokio::test]
    async fn steps_start_after_their_dependencies() {
        let cloud = FakeCloud { delay: Duration::from_millis(10), ..FakeCloud::default() };
        let out = run(&cluster_plan(), &cloud, &Silent, RunOptions::default()).await.unwrap();
        assert!(out.is_success());
        assert_eq!(out.count(Action::Created), 7);
        let log = cloud.log.borrow();
        for (dep, step) in
            [("vpc", "subnet-a"), ("subnet-b", "cluster"), ("role", "cluster"), ("cluster", "addon")]
        {
            assert!(position(&log, &format!("end {dep}")) < position(&log, &format!("start {step}")));
        }
        assert_eq!(out.outputs["nodegroup"][keys::ID], "nodegroup-123");
        // Independent steps overlap: vpc and role both start before either ends.
        assert!(position(&log, "start role") < position(&log, "end vpc"));
    }

    #[tokio::test]
    async fn the_longest_chain_starts_first() {
        // Ready at once: ten roles (short) and the vpc (the start of the longest chain).
        let mut steps: Vec<Step> = (0..10).map(|i| step(&format!("role-{i}"), &[])).collect();
        steps.extend([step("vpc", &[]), step("subnet", &["vpc"]), step("cluster", &["subnet"])]);
        let plan = plan(steps);
        let cloud = FakeCloud { delay: Duration::from_millis(5), ..FakeCloud::default() };
        let mut rank: HashMap<String, Duration> =
            (0..10).map(|i| (format!("role-{i}"), Duration::from_secs(3))).collect();
        rank.extend(
            [("vpc", 600), ("subnet", 597), ("cluster", 540)]
                .map(|(id, s)| (id.to_string(), Duration::from_secs(s))),
        );
        let options = RunOptions { parallelism: 1, rank, ..RunOptions::default() };
        assert!(run(&plan, &cloud, &Silent, options).await.unwrap().is_success());
        let log = cloud.log.borrow().clone();
        assert_eq!(
            &log[..6],
            ["start vpc", "end vpc", "start subnet", "end subnet", "start cluster", "end cluster"]
        );
        // Without a rank, the order they became ready.
        let cloud = FakeCloud::default();
        let options = RunOptions { parallelism: 1, ..RunOptions::default() };
        assert!(run(&plan, &cloud, &Silent, options).await.unwrap().is_success());
        assert_eq!(cloud.log.borrow()[0], "start role-0");
    }

    /// Steps that wait by polling: each rests `polls` times for 20 ms.
    struct Poller {
        polls: usize,
        in_flight: RefCell<usize>,
        max_in_flight: RefCell<usize>,
    }

    impl Apply for Poller {
        async fn apply(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
            *self.in_flight.borrow_mut() += 1;
            let now = *self.in_flight.borrow();
            self.max_in_flight.replace_with(|m| (*m).max(now));
            for _ in 0..self.polls {
                ctx.progress.sleep(Duration::from_millis(20)).await?;
            }
            *self.in_flight.borrow_mut() -= 1;
            Ok(StepResult::new(Action::Created).with(keys::ID, "x"))
        }
    }

    #[tokio::test]
    async fn a_step_that_rests_between_polls_frees_its_slot() {
        let plan = plan((0..6).map(|i| step(&format!("nodegroup-{i}"), &[])).collect());
        let cloud = Poller { polls: 5, in_flight: RefCell::new(0), max_in_flight: RefCell::new(0) };
        let options = RunOptions { parallelism: 2, ..RunOptions::default() };
        assert!(run(&plan, &cloud, &Silent, options).await.unwrap().is_success());
        // All six wait together, not three rounds of two.
        assert_eq!(*cloud.max_in_flight.borrow(), 6);
    }

    #[tokio::test]
    async fn parallelism_is_capped() {
        let steps = (0..10).map(|i| step(&format!("s{i}"), &[])).collect();
        let cloud = FakeCloud { delay: Duration::from_millis(10), ..FakeCloud::default() };
        let options = RunOptions { parallelism: 3, ..RunOptions::default() };
        let out = run(&plan(steps), &cloud, &Silent, options).await.unwrap();
        assert_eq!(out.finished.len(), 10);
        assert_eq!(*cloud.max_in_flight.borrow(), 3);
    }

    #[tokio::test]
    async fn a_failure_skips_dependents_and_lets_others_finish() {
        let cloud = FakeCloud {
            delay: Duration::from_millis(10),
            fail: HashSet::from(["subnet-a".to_string()]),
            ..FakeCloud::default()
        };
        let reporter = Recorder::default();
        let out = run(&cluster_plan(), &cloud, &reporter, RunOptions::default()).await.unwrap();
        assert!(!out.is_success());
        assert_eq!(out.failed.len(), 1);
        assert_eq!(out.failed[0].0, "subnet-a");
        assert_eq!(out.failed[0].1.to_string(), "failed to create `subnet-a`");
        // subnet-b and role were in flight with subnet-a: they finish.
        let finished: HashSet<&str> = out.finished.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(finished, HashSet::from(["vpc", "subnet-b", "role"]));
        let skipped: Vec<(&str, &str)> = out.skipped.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(skipped, vec![("cluster", "subnet-a"), ("nodegroup", "subnet-a"), ("addon", "subnet-a")]);
        let events = reporter.0.borrow();
        assert!(events.contains(&"skipped nodegroup because subnet-a".to_string()));
        assert!(events.contains(&"failed subnet-a: failed to create `subnet-a`".to_string()));
    }

    #[tokio::test]
    async fn nothing_new_starts_after_a_failure() {
        // `role` fails at once; `vpc` is in flight; `subnet-*` depend on vpc only but must not start.
        let plan = plan(vec![step("role", &[]), step("vpc", &[]), step("subnet", &["vpc"])]);
        let cloud = FakeCloud { fail: HashSet::from(["role".to_string()]), ..FakeCloud::default() };
        let out = run(&plan, &cloud, &Silent, RunOptions { parallelism: 1, ..RunOptions::default() })
            .await
            .unwrap();
        assert_eq!(out.failed.len(), 1);
        assert!(out.finished.is_empty());
        assert_eq!(
            out.skipped,
            vec![("vpc".to_string(), "role".to_string()), ("subnet".to_string(), "role".to_string())]
        );
    }

    #[tokio::test]
    async fn keep_going_skips_only_the_dependents_of_a_failure() {
        // `role` fails at once; with keep_going, vpc and subnet (independent of it) still run.
        let plan =
            plan(vec![step("role", &[]), step("vpc", &[]), step("subnet", &["vpc"]), step("c", &["role"])]);
        let cloud = FakeCloud { fail: HashSet::from(["role".to_string()]), ..FakeCloud::default() };
        let options = RunOptions { parallelism: 1, keep_going: true, ..RunOptions::default() };
        let out = run(&plan, &cloud, &Silent, options).await.unwrap();
        assert_eq!(out.failed.len(), 1);
        let finished: Vec<&str> = out.finished.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(finished, ["vpc", "subnet"]);
        assert_eq!(out.skipped, vec![("c".to_string(), "role".to_string())]);
    }

    #[tokio::test]
    async fn a_second_run_is_all_existed() {
        let cloud = FakeCloud::default();
        let first = run(&cluster_plan(), &cloud, &Silent, RunOptions::default()).await.unwrap();
        assert_eq!(first.count(Action::Created), 7);
        let second = run(&cluster_plan(), &cloud, &Silent, RunOptions::default()).await.unwrap();
        assert!(second.is_success());
        assert_eq!(second.count(Action::Existed), 7);
        assert_eq!(first.outputs, second.outputs);
    }

    #[tokio::test]
    async fn resume_after_a_failure_creates_only_what_is_missing() {
        let mut cloud = FakeCloud { fail: HashSet::from(["cluster".to_string()]), ..FakeCloud::default() };
        let first = run(&cluster_plan(), &cloud, &Silent, RunOptions::default()).await.unwrap();
        assert_eq!(first.count(Action::Created), 4);
        cloud.fail.clear();
        let second = run(&cluster_plan(), &cloud, &Silent, RunOptions::default()).await.unwrap();
        assert!(second.is_success());
        assert_eq!(second.count(Action::Existed), 4);
        assert_eq!(second.count(Action::Created), 3);
    }

    #[tokio::test]
    async fn timeout_fails_what_is_in_flight_and_skips_the_rest() {
        let cloud = FakeCloud { hang: HashSet::from(["cluster".to_string()]), ..FakeCloud::default() };
        let options = RunOptions { timeout: Some(Duration::from_millis(300)), ..RunOptions::default() };
        let out = run(&cluster_plan(), &cloud, &Silent, options).await.unwrap();
        assert!(out.timed_out);
        assert_eq!(out.failed.len(), 1);
        assert_eq!(out.failed[0].0, "cluster");
        assert_eq!(out.failed[0].1.to_string(), "timed out after 300ms");
        assert_eq!(out.skipped.len(), 2);
        assert!(out.skipped.iter().all(|(_, why)| why == "cluster"));
    }

    #[tokio::test]
    async fn cancel_lets_waiting_steps_stop_and_starts_nothing_new() {
        let cloud = FakeCloud { hang: HashSet::from(["cluster".to_string()]), ..FakeCloud::default() };
        let reporter = Recorder::default();
        let options = RunOptions::default();
        let cancel = options.cancel.clone();
        let canceller = async {
            tokio::time::sleep(Duration::from_millis(200)).await;
            cancel.cancel();
        };
        let plan = cluster_plan();
        let (out, ()) = tokio::join!(run(&plan, &cloud, &reporter, options), canceller);
        let out = out.unwrap();
        assert!(out.interrupted);
        assert_eq!(out.failed.len(), 1);
        assert_eq!(out.failed[0].1.to_string(), "interrupted");
        assert_eq!(out.count(Action::Created), 4);
        assert_eq!(out.skipped.len(), 2);
        assert!(reporter.0.borrow().iter().any(|e| e == "waiting cluster"));
    }

    #[tokio::test]
    async fn a_cancelled_run_starts_nothing() {
        let cloud = FakeCloud::default();
        let options = RunOptions::default();
        options.cancel.cancel();
        let out = run(&cluster_plan(), &cloud, &Silent, options).await.unwrap();
        assert!(out.interrupted);
        assert!(out.finished.is_empty());
        assert_eq!(out.skipped.len(), 7);
    }

    #[tokio::test]
    async fn kubeconfig_steps_go_to_the_callback() {
        let mut p = cluster_plan();
        p.steps.push(Step {
            id: "kubeconfig".into(),
            description: "kubeconfig".into(),
            resource: Resource::Kubeconfig {
                endpoint: Val::out("cluster", keys::ID),
                certificate_authority: Val::lit("ca"),
            },
            depends_on: vec!["cluster".into()],
        });
        let cloud = FakeCloud::default();
        let provider = WithKubeconfig {
            inner: &cloud,
            kubeconfig: |ctx: &StepContext<'_>| {
                let Resource::Kubeconfig { endpoint, .. } = &ctx.step.resource else { unreachable!() };
                Ok(StepResult::new(Action::Updated).with("context", ctx.resolve(endpoint)?))
            },
        };
        let out = run(&p, &provider, &Silent, RunOptions::default()).await.unwrap();
        assert!(out.is_success());
        assert_eq!(out.outputs["kubeconfig"]["context"], "cluster-123");
        assert!(!cloud.log.borrow().iter().any(|l| l.contains("kubeconfig")));
    }

    #[tokio::test]
    async fn a_broken_graph_is_an_error() {
        let p = plan(vec![step("a", &["missing"])]);
        assert!(run(&p, &FakeCloud::default(), &Silent, RunOptions::default()).await.is_err());
    }

    #[test]
    fn resolve_reads_outputs() {
        let mut outputs = Outputs::new();
        outputs.insert("vpc".into(), StepOutputs::from([("id".to_string(), "vpc-1".to_string())]));
        assert_eq!(resolve(&Val::out("vpc", "id"), &outputs).unwrap(), "vpc-1");
        assert_eq!(resolve(&Val::lit("x"), &outputs).unwrap(), "x");
        assert_eq!(
            resolve(&Val::out("vpc", "arn"), &outputs).unwrap_err().to_string(),
            "no output `arn` from step `vpc`"
        );
    }
}
