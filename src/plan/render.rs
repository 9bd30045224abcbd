//! The plan for people: a tree in waves (what runs in parallel), and the estimate.

use std::fmt::Write as _;

use std::collections::HashSet;

use super::estimate::{critical_path, human, typical};
use super::{PHASES, Plan, Step, Val};

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

/// The steps of each phase, in plan order; phases in their usual order.
fn by_phase(plan: &Plan) -> Vec<(&'static str, Vec<&Step>)> {
    PHASES
        .iter()
        .map(|p| (*p, plan.steps.iter().filter(|s| s.resource.phase() == *p).collect::<Vec<_>>()))
        .filter(|(_, steps)| !steps.is_empty())
        .collect()
}

/// The critical path's edges, as `(from, to)` step ids.
fn critical_edges(plan: &Plan) -> (HashSet<String>, HashSet<(String, String)>) {
    let cp = critical_path(plan);
    let edges = cp.steps.windows(2).map(|w| (w[0].clone(), w[1].clone())).collect();
    (cp.steps.into_iter().collect(), edges)
}

/// A node's label: the step id and its typical time on AWS.
fn label(step: &Step) -> String {
    format!("{}\\n{}", step.id, human(typical(&step.resource)))
}

/// The plan as a Mermaid flowchart: one node per step, a subgraph per phase, the critical path
/// drawn thick and red. Paste it into a Markdown file between ```` ```mermaid ```` fences.
pub fn mermaid(plan: &Plan) -> String {
    let (critical, critical_edges) = critical_edges(plan);
    let index: std::collections::HashMap<&str, usize> =
        plan.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let text = |t: &str| t.replace('"', "#quot;").replace('<', "#lt;").replace('>', "#gt;");
    let mut out = String::new();
    let _ =
        writeln!(out, "---\ntitle: plan for cluster {} in {}\n---", text(&plan.cluster), text(&plan.region));
    out.push_str("flowchart LR\n");
    for (i, (phase, steps)) in by_phase(plan).iter().enumerate() {
        let _ = writeln!(out, "  subgraph phase{i}[\"{}\"]", text(phase));
        for step in steps {
            let _ = writeln!(
                out,
                "    s{}[\"{}<br/>{}\"]",
                index[step.id.as_str()],
                text(&step.id),
                human(typical(&step.resource))
            );
        }
        out.push_str("  end\n");
    }
    let mut links = Vec::new();
    for step in &plan.steps {
        for dep in &step.depends_on {
            let Some(from) = index.get(dep.as_str()) else { continue };
            let _ = writeln!(out, "  s{from} --> s{}", index[step.id.as_str()]);
            if critical_edges.contains(&(dep.clone(), step.id.clone())) {
                links.push(links_len(&out) - 1);
            }
        }
    }
    out.push_str("  classDef critical stroke:#d62728,stroke-width:3px\n");
    let mut ids: Vec<usize> = critical.iter().filter_map(|id| index.get(id.as_str()).copied()).collect();
    ids.sort_unstable();
    if !ids.is_empty() {
        let list = ids.iter().map(|i| format!("s{i}")).collect::<Vec<_>>().join(",");
        let _ = writeln!(out, "  class {list} critical");
    }
    if !links.is_empty() {
        let list = links.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
        let _ = writeln!(out, "  linkStyle {list} stroke:#d62728,stroke-width:3px");
    }
    out
}

/// How many links (`-->`) the chart has so far.
fn links_len(chart: &str) -> usize {
    chart.lines().filter(|l| l.contains(" --> ")).count()
}

/// The plan as a Graphviz graph (`dot -Tsvg`): one node per step, a cluster per phase, the
/// critical path drawn thick and red.
pub fn dot(plan: &Plan) -> String {
    let (critical, critical_edges) = critical_edges(plan);
    // Graphviz strings: `"` escaped; a `\n` in a label is its line break.
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\\\""));
    let mut out = String::new();
    out.push_str("digraph plan {\n");
    let _ = writeln!(
        out,
        "  label={};\n  labelloc=t;\n  rankdir=LR;\n  fontname=\"Helvetica\";\n  node [shape=box, style=\"rounded\", fontname=\"Helvetica\"];\n  edge [color=\"#888888\"];",
        quote(&format!("plan for cluster `{}` in `{}`", plan.cluster, plan.region))
    );
    for (i, (phase, steps)) in by_phase(plan).iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph cluster_{i} {{\n    label={};\n    style=\"rounded,dashed\";",
            quote(phase)
        );
        for step in steps {
            let extra = if critical.contains(&step.id) { ", color=\"#d62728\", penwidth=3" } else { "" };
            let _ = writeln!(out, "    {} [label={}{extra}];", quote(&step.id), quote(&label(step)));
        }
        out.push_str("  }\n");
    }
    for step in &plan.steps {
        for dep in &step.depends_on {
            let extra = if critical_edges.contains(&(dep.clone(), step.id.clone())) {
                " [color=\"#d62728\", penwidth=3]"
            } else {
                ""
            };
            let _ = writeln!(out, "  {} -> {}{extra};", quote(dep), quote(&step.id));
        }
    }
    out.push_str("}\n");
    out
}
