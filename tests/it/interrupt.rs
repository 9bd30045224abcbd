//! Ctrl-C during a create: no new steps start, calls in flight settle, the user is told what
//! exists and how to resume, and the exit code is 130. A re-run then finishes the cluster.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Emulator;

#[test]
fn ctrl_c_stops_cleanly_and_a_rerun_resumes() {
    let emu = Emulator::builder().env("MOTO_EKS_CLUSTER_CREATE_SECONDS", "8").start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    let mut child = emu
        .eksup_process()
        .args(["create", "cluster", "-o", "json", "-f"])
        .arg(&config)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("eksup starts");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut events = Vec::new();
    // wait until the control plane is being waited for
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        let e: serde_json::Value = serde_json::from_str(&line).expect("stdout holds only JSON lines");
        let waiting = e["event"] == "stepWaiting" && e["step"] == "control-plane";
        events.push(e);
        if waiting {
            break;
        }
    }
    assert!(
        events.iter().any(|e| e["event"] == "stepWaiting" && e["step"] == "control-plane"),
        "{events:#?}"
    );
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    for line in lines.map_while(Result::ok) {
        events.push(serde_json::from_str(&line).expect("stdout holds only JSON lines"));
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let summary = events.last().unwrap();
    assert_eq!(summary["event"], "summary");
    assert_eq!(summary["result"], "interrupted");
    assert!(
        events.iter().any(|e| e["event"] == "stepSkipped" && e["step"] == "nodegroup-ng-1"),
        "the node group never started"
    );
    assert!(!events.iter().any(|e| e["event"] == "stepStarted" && e["step"] == "nodegroup-ng-1"));

    // what existed stays; a re-run finishes the job without duplicates
    let vpcs_before =
        emu.aws(&["ec2", "describe-vpcs", "--filters", "Name=tag:eksup.io/cluster,Values=demo"])["Vpcs"]
            .as_array()
            .unwrap()
            .len();
    assert_eq!(vpcs_before, 1);
    let out = emu
        .eksup()
        .args(["create", "cluster", "-f"])
        .arg(&config)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let vpcs =
        emu.aws(&["ec2", "describe-vpcs", "--filters", "Name=tag:eksup.io/cluster,Values=demo"])["Vpcs"]
            .as_array()
            .unwrap()
            .len();
    assert_eq!(vpcs, 1);
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", "ng-1"]);
    assert_eq!(ng["nodegroup"]["status"], "ACTIVE");
}
