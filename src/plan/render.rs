//! The plan for people: a tree in waves (what runs in parallel), and the estimate.

use std::fmt::Write as _;

use super::estimate::{critical_path, human, typical};
use super::{Plan, Val};

/// Render the plan: each wave of steps that can run at once, with what each waits for.
pub fn tree(plan: &Plan) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "plan for cluster `{}` in `{}`: {} steps", plan.cluster, plan.region, plan.steps.len());
    let Ok(levels) = plan.levels() else {
        out.push_str("(the plan has a cycle)\n");
        return out;
    };
    for (i, wave) in levels.iter().enumerate() {
        let parallel = if wave.len() > 1 { format!(", {} in parallel", wave.len()) } else { String::new() };
        let _ = writeln!(out, "\nwave {}{parallel}", i + 1);
        let last = wave.len().saturating_sub(1);
        for (j, step) in wave.iter().enumerate() {
            let branch = if j == last { "└─" } else { "├─" };
            let _ = writeln!(out, "  {branch} + {}  [{}]", step.description, step.id);
            if !step.depends_on.is_empty() {
                let pipe = if j == last { "   " } else { "│  " };
                let _ = writeln!(out, "  {pipe}   after: {}", step.depends_on.join(", "));
            }
        }
    }
    let cp = critical_path(plan);
    let _ = writeln!(
        out,
        "\ncritical path: {}",
        cp.steps
            .iter()
            .map(|id| {
                let d = plan.step(id).map(|s| typical(&s.resource)).unwrap_or_default();
                format!("{id} ({})", human(d))
            })
            .collect::<Vec<_>>()
            .join(" -> ")
    );
    let _ = writeln!(out, "estimated time: {}", human(cp.total));
    out
}

/// A value for the tree.
pub fn value(v: &Val) -> String {
    v.describe()
}
