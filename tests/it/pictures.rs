//! Pictures: the plan graph of `--dry-run -o mermaid|dot`, checked structurally (and rendered by
//! Graphviz when `dot` is installed), and the SVG timeline of a real create and delete on the
//! emulator, parsed as XML.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::offline::eksup;
use serde_json::Value;

use crate::support::Emulator;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

fn dry_run(file: &Path, format: &str) -> String {
    let out =
        eksup().args(["create", "cluster", "--dry-run", "-o", format, "-f"]).arg(file).output().unwrap();
    assert!(out.status.success(), "{}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The plan's steps (id → dependencies) and its critical path, from `-o json`.
fn plan_of(file: &Path) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let doc: Value = serde_json::from_str(&dry_run(file, "json")).unwrap();
    let steps = doc["plan"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let deps = s["dependsOn"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string());
            (s["id"].as_str().unwrap().to_string(), deps.collect())
        })
        .collect();
    let cp = doc["criticalPath"]["steps"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string());
    (steps, cp.collect())
}

/// Parse `text` as XML: well-formed tokens and every element closed in order. Returns the
/// elements' attributes, in document order, as `(element, attributes)`.
fn parse_xml(text: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut open: Vec<String> = Vec::new();
    let mut elements: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    let mut roots = 0;
    for token in xmlparser::Tokenizer::from(text) {
        match token.unwrap_or_else(|e| panic!("not XML: {e}")) {
            xmlparser::Token::ElementStart { local, .. } => {
                if open.is_empty() {
                    roots += 1;
                }
                open.push(local.as_str().to_string());
                elements.push((local.as_str().to_string(), BTreeMap::new()));
            }
            xmlparser::Token::Attribute { local, value, .. } => {
                elements.last_mut().unwrap().1.insert(local.as_str().to_string(), value.as_str().to_string());
            }
            xmlparser::Token::ElementEnd { end, .. } => match end {
                xmlparser::ElementEnd::Open => {}
                xmlparser::ElementEnd::Empty => {
                    open.pop();
                }
                xmlparser::ElementEnd::Close(_, name) => {
                    assert_eq!(open.pop().as_deref(), Some(name.as_str()), "mismatched </{}>", name.as_str());
                }
            },
            _ => {}
        }
    }
    assert!(open.is_empty(), "unclosed elements: {open:?}");
    assert_eq!(roots, 1, "one root element");
    elements
}

#[test]
fn dry_run_draws_the_plan_as_mermaid() {
    for file in examples() {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let (steps, critical) = plan_of(&file);
        let chart = dry_run(&file, "mermaid");
        assert!(chart.contains("\nflowchart LR\n"), "{name}: {chart}");
        // one node per step, inside a subgraph per phase
        let nodes: Vec<&str> =
            chart.lines().filter(|l| l.starts_with("    s") && l.contains("[\"")).collect();
        assert_eq!(nodes.len(), steps.len(), "{name}: one node per step");
        for id in steps.keys() {
            assert!(nodes.iter().any(|n| n.contains(&format!("[\"{id}<br/>"))), "{name}: no node for `{id}`");
        }
        let subgraphs = chart.lines().filter(|l| l.starts_with("  subgraph ")).count();
        assert_eq!(subgraphs, chart.lines().filter(|l| *l == "  end").count(), "{name}: subgraphs closed");
        assert!(subgraphs >= 3, "{name}: grouped by phase");
        assert!(chart.contains("subgraph phase0[\"network\"]"), "{name}");
        // one link per dependency
        let links = chart.lines().filter(|l| l.contains(" --> ")).count();
        assert_eq!(links, steps.values().map(Vec::len).sum::<usize>(), "{name}: one link per dependency");
        // the critical path: its nodes and its links are highlighted
        let class = chart.lines().find(|l| l.starts_with("  class ")).expect("critical nodes");
        let marked = class.trim_start_matches("  class ").trim_end_matches(" critical").split(',').count();
        assert_eq!(marked, critical.len(), "{name}: {class}");
        let styled = chart.lines().find(|l| l.starts_with("  linkStyle ")).expect("critical links");
        let count = styled.trim_start_matches("  linkStyle ").split(' ').next().unwrap().split(',').count();
        assert_eq!(count, critical.len() - 1, "{name}: {styled}");
    }
}

#[test]
fn dry_run_draws_the_plan_for_graphviz() {
    let graphviz = std::process::Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success());
    if !graphviz {
        eprintln!("`dot` is not installed: checking the graph's structure only");
    }
    for file in examples() {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let (steps, critical) = plan_of(&file);
        let graph = dry_run(&file, "dot");
        assert!(graph.starts_with("digraph plan {\n") && graph.ends_with("}\n"), "{name}");
        assert_eq!(graph.matches('{').count(), graph.matches('}').count(), "{name}: braces balance");
        for (id, deps) in &steps {
            let node = format!("    \"{id}\" [label=\"{id}\\n");
            assert_eq!(graph.matches(&node).count(), 1, "{name}: one node for `{id}`");
            for d in deps {
                assert!(graph.contains(&format!("  \"{d}\" -> \"{id}\"")), "{name}: edge {d} -> {id}");
            }
        }
        assert_eq!(graph.matches(" -> ").count(), steps.values().map(Vec::len).sum::<usize>(), "{name}");
        assert!(graph.matches("subgraph cluster_").count() >= 3, "{name}: grouped by phase");
        let red_nodes = graph.lines().filter(|l| l.contains("[label=") && l.contains("#d62728")).count();
        assert_eq!(red_nodes, critical.len(), "{name}: the critical path's nodes");
        let red_edges = graph.lines().filter(|l| l.contains(" -> ") && l.contains("#d62728")).count();
        assert_eq!(red_edges, critical.len() - 1, "{name}: the critical path's edges");
        if graphviz {
            let mut child = std::process::Command::new("dot")
                .arg("-Tsvg")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(graph.as_bytes()).unwrap();
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "{name}: dot -Tsvg failed");
            parse_xml(&String::from_utf8(out.stdout).unwrap());
        }
    }
}

#[test]
fn graphs_need_a_dry_run() {
    let file = root().join("examples/managed.yaml");
    let out = eksup().args(["create", "cluster", "-o", "mermaid", "-f"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`-o mermaid` draws the plan and needs `--dry-run`"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}

/// The steps a `-o json` run reported, by outcome event.
fn reported_steps(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|e| matches!(e["event"].as_str(), Some("stepFinished" | "stepFailed")))
        .map(|e| e["step"].as_str().unwrap().to_string())
        .collect()
}

/// Checks a timeline: valid SVG, one row per reported step with its bar, a critical path.
fn assert_timeline(path: &Path, steps: &BTreeSet<String>, what: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{what}: no timeline: {e}"));
    let elements = parse_xml(&text);
    assert_eq!(elements[0].0, "svg", "{what}: the root is <svg>");
    assert_eq!(elements[0].1.get("xmlns").map(String::as_str), Some("http://www.w3.org/2000/svg"));
    let rows: BTreeSet<String> = elements
        .iter()
        .filter(|(e, a)| e == "g" && a.contains_key("data-step"))
        .map(|(_, a)| a["data-step"].clone())
        .collect();
    assert_eq!(&rows, steps, "{what}: one row per step");
    let bars =
        elements.iter().filter(|(e, a)| e == "rect" && a.get("class").is_some_and(|c| c == "bar")).count();
    assert_eq!(bars, steps.len(), "{what}: one bar per step");
    let critical =
        elements.iter().filter(|(_, a)| a.get("class").is_some_and(|c| c == "step critical")).count();
    assert!(critical >= 1, "{what}: the critical path is marked");
    // written atomically: nothing but the file itself in its directory
    let dir: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().filter_map(Result::ok).collect();
    assert_eq!(dir.len(), 1, "{what}: leftovers next to the timeline: {dir:?}");
}

#[test]
fn create_and_delete_write_svg_timelines() {
    let emu = Emulator::builder().region("us-west-2").start();
    emu.aws(&["ec2", "describe-availability-zones"]);
    let file = root().join("examples/managed.yaml");
    let dir = tempfile::tempdir().unwrap();
    let created = dir.path().join("create").join("timeline.svg");
    std::fs::create_dir_all(created.parent().unwrap()).unwrap();
    let out = emu
        .eksup()
        // the node wait is not what this test is about
        .args(["create", "cluster", "-o", "json", "--wait-nodes=false", "--timeline"])
        .arg(&created)
        .arg("-f")
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "create: {}", String::from_utf8_lossy(&out.stderr));
    let steps = reported_steps(&stdout);
    assert!(steps.contains("control-plane") && steps.len() > 20, "{steps:?}");
    assert_timeline(&created, &steps, "create");
    let text = std::fs::read_to_string(&created).unwrap();
    assert!(text.contains("data-step=\"control-plane\""));
    assert!(String::from_utf8_lossy(&out.stderr).contains("timeline `"), "the run says where it wrote it");

    let deleted = dir.path().join("delete").join("timeline.svg");
    std::fs::create_dir_all(deleted.parent().unwrap()).unwrap();
    let out = emu
        .eksup()
        .args(["delete", "cluster", "--yes", "-o", "json", "--timeline"])
        .arg(&deleted)
        .arg("-f")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "delete: {}", String::from_utf8_lossy(&out.stderr));
    let steps = reported_steps(&String::from_utf8_lossy(&out.stdout));
    assert!(!steps.is_empty());
    assert_timeline(&deleted, &steps, "delete");
}
