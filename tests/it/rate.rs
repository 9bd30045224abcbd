//! AWS's API rate limits: the emulator throttles as AWS does (`EKSUP_MOTO_RATE_LIMITS=aws`), and
//! eksup's request budget keeps a wide create within them instead of leaning on retries.

use crate::support::{Emulator, Run};

/// A cluster with twelve managed node groups: a burst of IAM mutations (a role and its policies
/// per group) several times IAM's bucket.
fn wide(emu: &Emulator) -> std::path::PathBuf {
    let groups: String = (1..=12).map(|i| format!("  - name: ng-{i}\n    desiredCapacity: 1\n")).collect();
    let yaml = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: wide\n  region: us-west-2\nmanagedNodeGroups:\n{groups}"
    );
    let path = emu.home().join("wide.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn a_wide_create_keeps_within_aws_rate_limits() {
    let emu = Emulator::builder().env("EKSUP_MOTO_RATE_LIMITS", "aws").start();
    let file = wide(&emu);
    let args = ["--parallelism", "64", "--wait-nodes=false", "-o", "json"];
    let run = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file).args(args));
    let run = run.expect(0, "create cluster");
    let limits = emu.rate_limits();
    assert_eq!(limits["enabled"], true, "{limits}");
    // The load was there: far more IAM mutations than IAM's burst of 10 per action.
    let calls = emu.calls();
    let attach = calls.get("iam:AttachRolePolicy").copied().unwrap_or_default();
    assert!(attach >= 40, "expected a burst of AttachRolePolicy: {calls:?}");
    // Without the budget this create meets about 70 `Throttling` answers (measured); with it, a
    // timing slip may meet one or two.
    let throttled = limits["throttled_total"].as_u64().unwrap_or(u64::MAX);
    assert!(throttled <= 3, "eksup went over AWS's rate limits {throttled} times: {}", limits["throttled"]);

    // The summary counts the calls eksup made (every attempt) and the throttled answers it met.
    let summary = run.summary();
    let counted = &summary["awsCalls"];
    assert_eq!(counted["throttled"].as_u64(), Some(throttled), "{counted}");
    assert!(counted["writes"].as_u64().unwrap() >= attach, "{counted}");
    assert!(counted["polls"].as_u64().unwrap() >= 1, "{counted}");
}
