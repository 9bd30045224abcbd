//! The plan's critical path: the longest chain of dependent steps weighted by each kind's
//! typical duration ([`super::Kind::typical`]).

use std::collections::HashMap;
use std::time::Duration;

use serde::Serialize;

use super::{Plan, Resource};

/// How long a step of this kind typically takes on AWS, waiting included: an add-on the step
/// does not wait for is one CreateAddon.
pub fn typical(resource: &Resource) -> Duration {
    match resource {
        Resource::Addon { wait: false, .. } => Duration::from_secs(ADDON_ASKED_SECONDS),
        _ => resource.kind().typical(),
    }
}

/// An add-on asked for and not waited for: the call alone.
const ADDON_ASKED_SECONDS: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CriticalPath {
    /// Step ids, first to last.
    pub steps: Vec<String>,
    #[serde(with = "secs")]
    pub total: Duration,
}

mod secs {
    pub fn serialize<S: serde::Serializer>(d: &std::time::Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(d.as_secs())
    }
}

/// The longest chain through the plan with `duration` per step.
pub fn critical_path_with(plan: &Plan, duration: impl Fn(&Resource) -> Duration) -> CriticalPath {
    let Ok(levels) = plan.levels() else {
        return CriticalPath { steps: Vec::new(), total: Duration::ZERO };
    };
    // finish time and predecessor on the longest path, in dependency order
    let mut best: HashMap<&str, (Duration, Option<&str>)> = HashMap::new();
    for step in levels.iter().flatten() {
        let (start, prev) = step
            .depends_on
            .iter()
            .filter_map(|d| best.get(d.as_str()).map(|(t, _)| (*t, Some(d.as_str()))))
            .max_by_key(|(t, _)| *t)
            .unwrap_or((Duration::ZERO, None));
        best.insert(&step.id, (start + duration(&step.resource), prev));
    }
    let Some((mut at, (total, _))) = plan
        .steps
        .iter()
        .filter_map(|s| best.get(s.id.as_str()).map(|b| (s.id.as_str(), *b)))
        .max_by_key(|(_, (t, _))| *t)
    else {
        return CriticalPath { steps: Vec::new(), total: Duration::ZERO };
    };
    let mut steps = vec![at.to_string()];
    while let Some((_, Some(prev))) = best.get(at) {
        steps.push((*prev).to_string());
        at = prev;
    }
    steps.reverse();
    CriticalPath { steps, total }
}

pub fn critical_path(plan: &Plan) -> CriticalPath {
    critical_path_with(plan, typical)
}

/// Per step, the longest chain from its start to the end of the plan, each step weighted by its
/// kind's typical duration: what a scheduler starts first (empty when the graph is broken).
pub fn tails(plan: &Plan) -> HashMap<String, Duration> {
    let Ok(levels) = plan.levels() else { return HashMap::new() };
    let mut tail: HashMap<String, Duration> = HashMap::new();
    for step in levels.iter().flatten().rev() {
        let after = plan
            .dependents(&step.id)
            .into_iter()
            .filter_map(|d| tail.get(&d.id).copied())
            .max()
            .unwrap_or_default();
        tail.insert(step.id.clone(), typical(&step.resource) + after);
    }
    tail
}

/// `9m40s`, `45s`.
pub fn human(d: Duration) -> String {
    let s = d.as_secs();
    match (s / 60, s % 60) {
        (0, s) => format!("{s}s"),
        (m, 0) => format!("{m}m"),
        (m, s) => format!("{m}m{s:02}s"),
    }
}
