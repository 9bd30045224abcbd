//! `--rollback`: a failed create deletes what it made, and says so.

use crate::support::{Emulator, Inventory, Run};

#[test]
fn a_failed_create_with_rollback_leaves_nothing() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    emu.fail_next("eks:CreateNodegroup", 1);
    let out = Run::of(emu.eksup().args(["create", "cluster", "--rollback", "-f"]).arg(&config));
    assert_eq!(out.code, 1);
    let stderr = &out.stderr;
    assert!(stderr.contains("failed at step `nodegroup-ng-1`"), "{stderr}");
    assert!(stderr.contains("rolling back"), "{stderr}");
    // The VPC, the cluster, the roles: nothing of it is left.
    Inventory::sole(&emu, "demo").assert_empty(false);
    // The kubeconfig context written once the control plane was ACTIVE went with it.
    assert!(stderr.contains("kubeconfig entries"), "{stderr}");
    let text = std::fs::read_to_string(emu.home().join("kubeconfig")).unwrap_or_default();
    assert!(!text.contains("demo.us-west-2.eksup.io"), "the rolled-back cluster's entries are gone:\n{text}");
}

/// The issue-11 case: the failure comes after the control plane, on a cluster with every node
/// kind (whose EKS-made security group gets eksup's rules), and the rollback still removes all.
#[test]
fn a_failure_after_the_control_plane_rolls_back_everything_this_run_made() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed.yaml");
    emu.fail_next("eks:CreateFargateProfile", 1);
    let out = Run::of(emu.eksup().args(["create", "cluster", "--rollback", "-f"]).arg(&config));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("failed at step `fargate-profile-batch`"), "{stderr}");
    assert!(!stderr.contains("not rolling back"), "{stderr}");
    assert!(stderr.contains("Rolled back"), "{stderr}");
    // ECR repositories may hold images: kept, and said so.
    assert!(stderr.contains("kept ecr repository `mixed/app`: it may hold data"), "{stderr}");
    let left = Inventory::owned(&emu, "mixed");
    for (kind, ids) in &left.0 {
        let expected: &[&str] = if *kind == "ecr repositories" { &["mixed/app"] } else { &[] };
        assert_eq!(ids, expected, "{kind} left after the rollback:\n{stderr}");
    }
}

/// A run that resumes an earlier one rolls back only what it made itself: the earlier run's
/// resources stay, and the run lists them.
#[test]
fn a_resumed_run_rolls_back_only_what_it_made() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    // The first run stops before the control plane: network and roles exist.
    emu.fail_next("eks:CreateCluster", 1);
    let first = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&config));
    assert_eq!(first.code, 1, "{}", first.stderr);
    let before = Inventory::owned(&emu, "demo");
    assert_eq!(before.count("vpcs"), 1);
    assert_eq!(before.count("eks clusters"), 0);

    emu.fail_next("eks:CreateNodegroup", 1);
    let out = Run::of(emu.eksup().args(["create", "cluster", "--rollback", "-f"]).arg(&config));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("keeping") && stderr.contains("existed before this run"), "{stderr}");
    assert!(stderr.contains("`vpc`"), "the kept VPC is named:\n{stderr}");
    assert!(stderr.contains("Rolled back"), "{stderr}");
    // What the first run made is there, as it was; what the second made is gone.
    Inventory::owned(&emu, "demo").assert_same(&before, "after rolling back the second run");
}

/// A step that found what an earlier run made, then failed: the rollback deletes nothing of it.
#[test]
fn a_failed_step_that_found_an_earlier_resource_keeps_it() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    let first = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&config));
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = Inventory::owned(&emu, "demo");

    // The node group step finds the group, then cannot read it.
    emu.fail_next_with("eks:DescribeNodegroup", 1, "AccessDeniedException");
    let out = Run::of(emu.eksup().args(["create", "cluster", "--rollback", "-f"]).arg(&config));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("AccessDeniedException"), "{stderr}");
    assert!(stderr.contains("existed before this run"), "{stderr}");
    Inventory::owned(&emu, "demo").assert_same(&before, "after rolling back a run that made nothing");
}

/// A cluster of that name that eksup did not create: the rollback removes what the run made
/// around it and keeps the cluster.
#[test]
fn a_rollback_keeps_a_cluster_eksup_did_not_create() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    let vpc = emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.9.0.0/16"])["Vpc"]["VpcId"]
        .as_str()
        .unwrap()
        .to_string();
    let subnet = |cidr: &str, az: &str| {
        emu.aws(&["ec2", "create-subnet", "--vpc-id", &vpc, "--cidr-block", cidr, "--availability-zone", az])
            ["Subnet"]["SubnetId"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (a, b) = (subnet("10.9.1.0/24", "us-west-2a"), subnet("10.9.2.0/24", "us-west-2b"));
    emu.create_cluster_with_aws(
        "demo",
        &[&a, &b],
        &["--access-config", "authenticationMode=API_AND_CONFIG_MAP"],
    );
    let out =
        Run::of(emu.eksup().args(["create", "cluster", "--rollback", "--skip-preflight", "-f"]).arg(&config));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(
        stderr.contains("not owned by cluster `demo`") || stderr.contains("not created by eksup"),
        "{stderr}"
    );
    assert!(stderr.contains("Rolled back"), "{stderr}");
    let left = Inventory::owned(&emu, "demo");
    assert_eq!((left.count("vpcs"), left.count("subnets")), (0, 0), "the run's network went: {left:?}");
    let clusters = emu.aws(&["eks", "list-clusters"]);
    assert_eq!(clusters["clusters"], serde_json::json!(["demo"]), "the user's cluster stays");
}
