//! `drain nodegroup`: without `--approve` a plan; with it the group's nodes are cordoned and their
//! pods evicted (DaemonSet pods stay; a PodDisruptionBudget is respected until `--timeout`, and
//! `--disable-eviction` deletes anyway); `--undo` uncordons.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn kubectl_json(emu: &Emulator, args: &[&str]) -> Value {
    let (ok, stdout, stderr) = emu.kubectl(args);
    assert!(ok, "kubectl {args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {stdout}"))
}

/// Names of the cordoned nodes.
fn cordoned(emu: &Emulator) -> Vec<String> {
    let nodes = kubectl_json(emu, &["get", "nodes", "-o", "json"]);
    nodes["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["spec"]["unschedulable"] == true)
        .map(|n| n["metadata"]["name"].as_str().unwrap().to_string())
        .collect()
}

/// The pods on `node`: (namespace/name, owner kind).
fn pods_on(emu: &Emulator, node: &str) -> Vec<(String, String)> {
    let field = format!("spec.nodeName={node}");
    let pods = kubectl_json(emu, &["get", "pods", "-A", "--field-selector", &field, "-o", "json"]);
    pods["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let name = format!(
                "{}/{}",
                p["metadata"]["namespace"].as_str().unwrap(),
                p["metadata"]["name"].as_str().unwrap()
            );
            let owner = p["metadata"]["ownerReferences"][0]["kind"].as_str().unwrap_or("").to_string();
            (name, owner)
        })
        .collect()
}

fn drain(emu: &Emulator, extra: &[&str]) -> Run {
    let mut cmd = emu.eksup();
    cmd.args(["drain", "nodegroup", "--cluster", "demo", "--name", "ng-1"]).args(extra);
    Run::of(&mut cmd)
}

#[test]
fn drain_nodegroup_plans_cordons_evicts_respects_budgets_and_undoes() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&config)).expect(0, "create cluster");
    let nodes: Vec<String> = emu.nodes().into_iter().map(|(n, ..)| n).collect();
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    // A bare pod on the first node, kept by a budget that allows no disruption.
    emu.pod_kept_by_a_budget(&nodes[0]);
    let before: Vec<(String, String)> = nodes.iter().flat_map(|n| pods_on(&emu, n)).collect();
    assert!(before.iter().any(|(_, owner)| owner == "DaemonSet"), "{before:?}");
    assert!(
        before.iter().any(|(_, owner)| owner != "DaemonSet" && !owner.is_empty()),
        "no pod to evict: {before:?}"
    );

    // The plan: nothing changes.
    let plan = drain(&emu, &[]).expect(0, "drain without --approve");
    assert!(plan.stderr.contains("would cordon and drain 2 node(s)"), "{}", plan.stderr);
    assert!(plan.stderr.contains("`--approve`"), "{}", plan.stderr);
    assert_eq!(cordoned(&emu), Vec::<String>::new());

    // The budget holds the bare pod: the drain says so and fails once its time is up.
    let held =
        drain(&emu, &["--approve", "--timeout", "3s", "--pod-eviction-wait-period", "1s", "-o", "json"]);
    let held = held.expect(1, "drain held by a budget");
    assert!(
        held.stderr.contains("`default/kept`") && held.stderr.contains("--disable-eviction"),
        "{}",
        held.stderr
    );
    let report: Value = serde_json::from_str(&held.stdout).unwrap();
    assert_eq!(report["action"], "drain");
    assert_eq!(report["drained"].as_array().unwrap().len(), 2, "{report}");
    let mut cordoned_now = cordoned(&emu);
    cordoned_now.sort();
    let mut all = nodes.clone();
    all.sort();
    assert_eq!(cordoned_now, all);
    // Only DaemonSet pods and pods a budget protects are left on the drained nodes: the kept
    // one, and a CoreDNS replica (EKS's add-on allows one CoreDNS pod down at a time, and its
    // evicted replica has nowhere to go while both nodes are cordoned).
    for node in &nodes {
        for (name, owner) in pods_on(&emu, node) {
            let protected = name == "default/kept" || name.starts_with("kube-system/coredns-");
            assert!(owner == "DaemonSet" || protected, "`{name}` ({owner}) is still on `{node}`");
        }
    }
    assert!(pods_on(&emu, &nodes[0]).iter().any(|(n, _)| n == "default/kept"));

    // --disable-eviction deletes them anyway.
    drain(&emu, &["--approve", "--disable-eviction"]).expect(0, "drain with --disable-eviction");
    for node in &nodes {
        let left: Vec<_> =
            pods_on(&emu, node).into_iter().filter(|(_, owner)| owner != "DaemonSet").collect();
        assert!(left.is_empty(), "left on `{node}`: {left:?}");
    }

    // --undo: the nodes take pods again.
    let undo = drain(&emu, &["--undo", "--approve"]).expect(0, "drain --undo");
    assert!(undo.stderr.contains("Uncordoned"), "{}", undo.stderr);
    assert_eq!(cordoned(&emu), Vec::<String>::new());

    // An unknown group is an error that says how to list them.
    let mut cmd = emu.eksup();
    cmd.args(["drain", "nodegroup", "--cluster", "demo", "--name", "nope", "--approve"]);
    let missing = Run::of(&mut cmd).expect(1, "drain of an unknown group");
    assert!(missing.stderr.contains("no node group `nope`"), "{}", missing.stderr);
}
