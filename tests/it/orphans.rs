//! What eksup left behind: `get orphans` finds the resources tagged for clusters that no longer
//! exist, `delete orphans` removes them in order, and a live cluster's resources are never listed.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{Emulator, Inventory, Run};

fn managed() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml")
}

/// `get orphans -o json`: each `{cluster, kind, id}`.
fn orphans(emu: &Emulator) -> Vec<Value> {
    let run = Run::of(emu.eksup().args(["get", "orphans", "-o", "json"])).expect(0, "get orphans");
    serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}", run.stdout))
}

fn kinds_of(list: &[Value], cluster: &str) -> Vec<String> {
    let mut kinds: Vec<String> = list
        .iter()
        .filter(|o| o["cluster"] == cluster)
        .map(|o| o["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.dedup();
    kinds
}

#[test]
fn a_create_killed_before_its_control_plane_leaves_orphans_that_delete_orphans_removes() {
    // The cluster role takes 5 s to propagate: the control plane cannot be asked for before.
    let emu = Emulator::builder().env("MOTO_IAM_ROLE_PROPAGATION_SECONDS", "5").start();
    let mut child = emu
        .eksup_process()
        .args(["create", "cluster", "-o", "json", "-f"])
        .arg(managed())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("eksup starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        let e: Value = serde_json::from_str(&line).expect("stdout holds only JSON lines");
        let done = e["event"] == "stepFinished" && e["step"] == "vpc";
        seen.push(e);
        if done {
            break;
        }
    }
    assert!(seen.iter().any(|e| e["event"] == "stepFinished" && e["step"] == "vpc"), "{seen:#?}");
    // Killed, not interrupted: nothing settles, nothing is said.
    assert!(Command::new("kill").args(["-KILL", &child.id().to_string()]).status().unwrap().success());
    child.wait().unwrap();
    assert_eq!(
        emu.aws(&["eks", "list-clusters"])["clusters"],
        serde_json::json!([]),
        "the control plane was asked for"
    );

    let left = orphans(&emu);
    let kinds = kinds_of(&left, "demo");
    assert!(kinds.contains(&"vpc".to_string()) && kinds.contains(&"iam-role".to_string()), "{left:#?}");
    // The table says what to run.
    let table = Run::of(emu.eksup().args(["get", "orphans"])).expect(0, "get orphans");
    assert!(table.stdout.contains("CLUSTER") && table.stdout.contains("demo"), "{}", table.stdout);
    assert!(table.stderr.contains("eksup delete orphans --cluster demo --yes"), "{}", table.stderr);

    Run::of(emu.eksup().args(["delete", "orphans", "--cluster", "demo", "--yes"]))
        .expect(0, "delete orphans");
    Inventory::owned(&emu, "demo").assert_empty(true);
    assert_eq!(orphans(&emu), Vec::<Value>::new());
    let again = Run::of(emu.eksup().args(["delete", "orphans", "--cluster", "demo", "--yes"]));
    let again = again.expect(0, "delete orphans again");
    assert!(again.stderr.contains("nothing left behind for cluster `demo`"), "{}", again.stderr);
}

#[test]
fn a_control_plane_deleted_behind_eksups_back_leaves_orphans() {
    let emu = Emulator::start();
    // The example's group with a key to import: the key pair is left too.
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mL0f5tFWPpSUIdrpaGMXXR0OQrzbjdoKOoTTbs+z user@host";
    let text = std::fs::read_to_string(managed()).unwrap().replace(
        "    desiredCapacity: 2",
        &format!("    ssh:\n      publicKey: \"{key}\"\n    desiredCapacity: 2"),
    );
    assert!(text.contains("publicKey"), "the example changed: {text}");
    let file = emu.home().join("managed-with-key.yaml");
    std::fs::write(&file, text).unwrap();
    let create =
        emu.eksup().args(["create", "cluster", "--wait-nodes=false", "-f"]).arg(&file).output().unwrap();
    assert!(create.status.success(), "{}", String::from_utf8_lossy(&create.stderr));
    // A live cluster's resources are not left behind, and its own delete is the way.
    assert_eq!(orphans(&emu), Vec::<Value>::new());
    let refused = Run::of(emu.eksup().args(["delete", "orphans", "--cluster", "demo", "--yes"]));
    let refused = refused.expect(1, "delete orphans of a live cluster");
    assert!(refused.stderr.contains("cluster `demo` exists"), "{}", refused.stderr);
    assert!(
        refused.stderr.contains("hint: delete the cluster with `eksup delete cluster --name demo`"),
        "{}",
        refused.stderr
    );

    // Behind eksup's back: the node group, then the control plane.
    emu.aws(&["eks", "delete-nodegroup", "--cluster-name", "demo", "--nodegroup-name", "ng-1"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !emu.aws(&["eks", "list-nodegroups", "--cluster-name", "demo"])["nodegroups"]
        .as_array()
        .unwrap()
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the node group did not go");
        std::thread::sleep(Duration::from_millis(500));
    }
    emu.aws(&["eks", "delete-cluster", "--name", "demo"]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while emu.aws_result(&["eks", "describe-cluster", "--name", "demo"]).is_ok() {
        assert!(Instant::now() < deadline, "the control plane did not go");
        std::thread::sleep(Duration::from_millis(500));
    }

    let left = orphans(&emu);
    let kinds = kinds_of(&left, "demo");
    for kind in ["vpc", "subnet", "nat-gateway", "security-group", "iam-role", "launch-template", "key-pair"]
    {
        assert!(kinds.contains(&kind.to_string()), "no {kind} among {left:#?}");
    }
    Run::of(emu.eksup().args(["delete", "orphans", "--cluster", "demo", "--yes"]))
        .expect(0, "delete orphans");
    Inventory::owned(&emu, "demo").assert_empty(true);
    assert_eq!(orphans(&emu), Vec::<Value>::new());
}
