//! `--rollback`: a failed create deletes what it made, and says so.

use crate::support::Emulator;

#[test]
fn a_failed_create_with_rollback_leaves_nothing() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    emu.fail_next("eks:CreateNodegroup", 1);
    let out = emu.eksup().args(["create", "cluster", "--rollback", "-f"]).arg(&config).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("failed at step `nodegroup-ng-1`"), "{stderr}");
    assert!(stderr.contains("rolling back"), "{stderr}");
    let vpcs = emu.aws(&["ec2", "describe-vpcs", "--filters", "Name=tag:eksup.io/cluster,Values=demo"]);
    assert_eq!(vpcs["Vpcs"].as_array().unwrap().len(), 0, "the VPC was rolled back");
    let clusters = emu.aws(&["eks", "list-clusters"]);
    assert_eq!(clusters["clusters"].as_array().unwrap().len(), 0);
    let roles = emu.aws(&["iam", "list-roles"]);
    assert!(
        !roles["Roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["RoleName"].as_str().unwrap().starts_with("eksup-demo")),
        "{roles}"
    );
    // The kubeconfig context written once the control plane was ACTIVE went with it.
    assert!(stderr.contains("kubeconfig entries"), "{stderr}");
    let text = std::fs::read_to_string(emu.home().join("kubeconfig")).unwrap_or_default();
    assert!(!text.contains("demo.us-west-2.eksup.io"), "the rolled-back cluster's entries are gone:\n{text}");
}
