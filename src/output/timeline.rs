//! `--timeline FILE`: an SVG waterfall of a real run, built from the same events as `-o json`
//! (the [`Tally`]): one row per step from its start to its end, the part spent waiting for AWS,
//! and the critical path (the chain of steps that decided when the run ended).

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context as _, Result};

use super::progress::{Tally, short};
use crate::executor::Action;

/// One row of the waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub step: String,
    pub description: String,
    /// Seconds from the start of the run.
    pub start: f64,
    pub end: f64,
    /// When the step began waiting for AWS, if it did.
    pub waiting_from: Option<f64>,
    /// `created`, `existed`, `updated`, `deleted`, `failed` or `skipped`.
    pub outcome: &'static str,
}

/// The rows of a run, in the order the steps started; skipped steps last, with no time.
pub fn rows(tally: &Tally) -> Vec<Row> {
    let mut rows: Vec<Row> = tally
        .finished
        .iter()
        .map(|s| {
            let outcome = match s.action {
                Some(Action::Existed) => "existed",
                Some(a) => a.label(),
                None => "created",
            };
            (s, outcome)
        })
        .chain(tally.failed.iter().map(|s| (s, "failed")))
        .map(|(s, outcome)| Row {
            step: s.step.clone(),
            description: s.description.clone(),
            start: s.started_at,
            end: s.started_at + s.seconds,
            waiting_from: s.waiting_from,
            outcome,
        })
        .collect();
    rows.sort_by(|a, b| a.start.total_cmp(&b.start).then_with(|| a.step.cmp(&b.step)));
    let end = rows.iter().map(|r| r.end).fold(0.0, f64::max);
    rows.extend(tally.skipped.iter().map(|s| Row {
        step: s.clone(),
        description: s.clone(),
        start: end,
        end,
        waiting_from: None,
        outcome: "skipped",
    }));
    rows
}

/// The steps on the critical path: from the step that ended last, back through the dependency
/// (`depends_on`, when known) or, without one, the step that ended last before it started.
pub fn critical_path(rows: &[Row], depends_on: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let ran: Vec<&Row> = rows.iter().filter(|r| r.outcome != "skipped").collect();
    let Some(mut at) = ran.iter().copied().max_by(|a, b| a.end.total_cmp(&b.end)) else {
        return Vec::new();
    };
    let mut path = vec![at.step.clone()];
    // A step starts a moment after what it waited for ended.
    let slack = 0.5;
    loop {
        let before = |r: &&&Row| r.step != at.step && r.end <= at.start + slack && !path.contains(&r.step);
        let prev = match depends_on.get(&at.step).filter(|d| !d.is_empty()) {
            Some(deps) => ran
                .iter()
                .filter(|r| deps.contains(&r.step))
                .filter(before)
                .max_by(|a, b| a.end.total_cmp(&b.end)),
            None => ran.iter().filter(before).max_by(|a, b| a.end.total_cmp(&b.end)),
        };
        match prev {
            Some(p) => {
                path.push(p.step.clone());
                at = p;
            }
            None => break,
        }
    }
    path.reverse();
    path
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn color(outcome: &str) -> &'static str {
    match outcome {
        "created" => "#4c78a8",
        "updated" => "#72b7b2",
        "existed" => "#b8b8b8",
        "deleted" => "#9d755d",
        "failed" => "#d62728",
        _ => "#dddddd",
    }
}

/// A tick step that gives 5 to 10 ticks over `total` seconds.
fn tick(total: f64) -> f64 {
    [1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0, 1800.0]
        .into_iter()
        .find(|t| total / t <= 10.0)
        .unwrap_or(3600.0)
}

/// The width of the steps' names, left of the bars, in pixels.
const LEFT: f64 = 330.0;
/// The width of the picture, in pixels.
const WIDTH: f64 = 1200.0;
/// The height of a step's row, in pixels.
const ROW: f64 = 22.0;
/// The top of the first row, under the title and the axis, in pixels.
const TOP: f64 = 64.0;

/// The waterfall as an SVG document.
pub fn svg(title: &str, rows: &[Row], critical: &[String]) -> String {
    let critical: HashSet<&str> = critical.iter().map(String::as_str).collect();
    let total = rows.iter().map(|r| r.end).fold(0.0, f64::max).max(1.0);
    let scale = (WIDTH - LEFT - 40.0) / total;
    let height = TOP + ROW * rows.len() as f64 + 70.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" font-size="12">
<title>{}</title>
<rect width="100%" height="100%" fill="white"/>
<text x="16" y="24" font-size="16" font-weight="bold">{}</text>
<text x="16" y="44" fill="#555">{} steps in {}; the critical path is outlined in red</text>"##,
        xml(title),
        xml(title),
        rows.len(),
        short(std::time::Duration::from_secs_f64(total)),
    );
    time_axis(&mut out, total, scale, rows.len());
    for (i, r) in rows.iter().enumerate() {
        step_row(&mut out, TOP + ROW * i as f64, r, critical.contains(r.step.as_str()), scale);
    }
    legend(&mut out, rows.len());
    out.push_str("</svg>\n");
    out
}

/// The time axis: a labelled line at every [`tick`] over the `rows` rows.
fn time_axis(out: &mut String, total: f64, scale: f64, rows: usize) {
    let x = |t: f64| LEFT + t * scale;
    let step = tick(total);
    let mut t = 0.0;
    out.push_str("<g class=\"axis\" stroke=\"#e5e5e5\">\n");
    while t <= total + 1e-9 {
        let _ = writeln!(
            out,
            r##"<line x1="{0:.1}" y1="{1}" x2="{0:.1}" y2="{2}"/><text x="{0:.1}" y="{3}" fill="#777" stroke="none" text-anchor="middle">{4}</text>"##,
            x(t),
            TOP - 8.0,
            TOP + ROW * rows as f64,
            TOP - 12.0,
            short(std::time::Duration::from_secs_f64(t)),
        );
        t += step;
    }
    out.push_str("</g>\n");
}

/// One step's row at height `y`: its name, then its bar (with the time it waited for AWS) or
/// `skipped`; outlined when `on_path` (the critical path).
fn step_row(out: &mut String, y: f64, r: &Row, on_path: bool, scale: f64) {
    let x = |t: f64| LEFT + t * scale;
    let waited = r.waiting_from.map(|w| (r.end - w).max(0.0)).unwrap_or_default();
    let tip = format!(
        "{} ({}): {} from {} to {}{}",
        r.description,
        r.outcome,
        short(std::time::Duration::from_secs_f64(r.end - r.start)),
        short(std::time::Duration::from_secs_f64(r.start)),
        short(std::time::Duration::from_secs_f64(r.end)),
        if waited > 0.0 {
            format!(", waiting {}", short(std::time::Duration::from_secs_f64(waited)))
        } else {
            String::new()
        },
    );
    let _ = writeln!(
        out,
        r#"<g class="step{}" data-step="{}" data-outcome="{}"><title>{}</title>"#,
        if on_path { " critical" } else { "" },
        xml(&r.step),
        r.outcome,
        xml(&tip)
    );
    let weight = if on_path { " font-weight=\"bold\"" } else { "" };
    let _ = writeln!(
        out,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="end"{weight}>{}</text>"#,
        LEFT - 8.0,
        y + 15.0,
        xml(&r.step)
    );
    if r.outcome == "skipped" {
        let _ =
            writeln!(out, r##"<text x="{:.1}" y="{:.1}" fill="#999">skipped</text>"##, LEFT + 4.0, y + 15.0);
    } else {
        let w = ((r.end - r.start) * scale).max(1.5);
        let stroke = if on_path { r##" stroke="#d62728" stroke-width="2.5""## } else { "" };
        let _ = writeln!(
            out,
            r#"<rect class="bar" x="{:.1}" y="{:.1}" width="{w:.1}" height="{:.1}" rx="2" fill="{}"{stroke}/>"#,
            x(r.start),
            y + 4.0,
            ROW - 8.0,
            color(r.outcome)
        );
        if let Some(from) = r.waiting_from.filter(|_| waited > 0.0) {
            let _ = writeln!(
                out,
                r##"<rect class="waiting" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#f2cf5b" fill-opacity="0.85"/>"##,
                x(from.max(r.start)),
                y + 8.0,
                (waited * scale).max(1.0),
                ROW - 16.0
            );
        }
        let _ = writeln!(
            out,
            r##"<text x="{:.1}" y="{:.1}" fill="#333">{}</text>"##,
            x(r.end) + 4.0,
            y + 15.0,
            short(std::time::Duration::from_secs_f64(r.end - r.start))
        );
    }
    out.push_str("</g>\n");
}

/// The legend under `rows` rows: the colour of each outcome, waiting, the critical path.
fn legend(out: &mut String, rows: usize) {
    let y = TOP + ROW * rows as f64 + 30.0;
    let mut lx = 16.0;
    for (label, fill) in [
        ("created", color("created")),
        ("already there", color("existed")),
        ("updated", color("updated")),
        ("deleted", color("deleted")),
        ("failed", color("failed")),
        ("waiting for AWS", "#f2cf5b"),
    ] {
        let _ = writeln!(
            out,
            r#"<rect x="{lx}" y="{}" width="14" height="10" fill="{fill}"/><text x="{}" y="{}">{label}</text>"#,
            y - 9.0,
            lx + 18.0,
            y
        );
        lx += 30.0 + 7.0 * label.len() as f64;
    }
    let _ = writeln!(
        out,
        r##"<rect x="{lx}" y="{}" width="14" height="10" fill="none" stroke="#d62728" stroke-width="2.5"/><text x="{}" y="{}">critical path</text>"##,
        y - 9.0,
        lx + 18.0,
        y
    );
}

/// Write the timeline atomically: a reader sees the old file or the whole new one, never half.
pub fn write(path: &Path, svg: &str) -> Result<()> {
    crate::fs::write_atomic(path, svg.as_bytes(), 0o644)
        .with_context(|| format!("cannot write the timeline `{}`", path.display()))
}

/// Write a run's timeline and say so; a failure to write it is a warning, not the run's failure.
pub fn save(
    path: &Path,
    title: &str,
    tally: &Tally,
    depends_on: &BTreeMap<String, Vec<String>>,
    printer: &super::Printer,
) {
    let rows = rows(tally);
    let critical = critical_path(&rows, depends_on);
    match write(path, &svg(title, &rows, &critical)) {
        Ok(()) => printer.status("Wrote", &format!("timeline `{}` ({} steps)", path.display(), rows.len())),
        Err(e) => printer.warn(&format!("{e:#}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(step: &str, start: f64, end: f64) -> Row {
        Row {
            step: step.into(),
            description: step.into(),
            start,
            end,
            waiting_from: None,
            outcome: "created",
        }
    }

    #[test]
    fn the_critical_path_follows_dependencies_then_time() {
        let rows =
            vec![row("vpc", 0.0, 2.0), row("role", 0.0, 5.0), row("subnet", 2.1, 3.0), row("cp", 5.2, 20.0)];
        let mut deps = BTreeMap::new();
        deps.insert("cp".to_string(), vec!["subnet".to_string(), "role".to_string()]);
        deps.insert("subnet".to_string(), vec!["vpc".to_string()]);
        assert_eq!(critical_path(&rows, &deps), ["role", "cp"]);
        // without dependencies: what ended last before each start
        assert_eq!(critical_path(&rows, &BTreeMap::new()), ["role", "cp"]);
        let chain = [rows[0].clone(), rows[2].clone()];
        assert_eq!(critical_path(&chain, &BTreeMap::new()), ["vpc", "subnet"]);
    }

    #[test]
    fn the_svg_escapes_text_and_has_a_bar_per_step() {
        let mut rows = vec![row("a<b", 0.0, 1.0), row("c", 1.0, 3.0)];
        rows[1].waiting_from = Some(1.5);
        let svg = svg("cluster `x` & co", &rows, &["c".to_string()]);
        assert!(svg.contains("a&lt;b") && svg.contains("&amp; co"));
        assert_eq!(svg.matches("class=\"bar\"").count(), 2);
        assert_eq!(svg.matches("class=\"waiting\"").count(), 1);
        assert!(svg.contains("class=\"step critical\" data-step=\"c\""));
    }
}
