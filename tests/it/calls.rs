//! How many calls a create makes: one look at what exists, whatever the size of the cluster
//! (#14's "discover once"), then only changes and polls; and what a create waits for before
//! what.

use crate::support::{Emulator, Run};

/// A cluster named `name` with `groups` managed node groups, written into the emulator's home.
fn cluster(emu: &Emulator, name: &str, groups: usize) -> std::path::PathBuf {
    let ngs: String = (1..=groups).map(|i| format!("  - name: ng-{i}\n    desiredCapacity: 1\n")).collect();
    let yaml = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: {name}\n  region: us-west-2\nmanagedNodeGroups:\n{ngs}"
    );
    let path = emu.home().join(format!("{name}.yaml"));
    std::fs::write(&path, yaml).unwrap();
    path
}

/// The summary's `awsCalls` and the emulator's count of each operation, for one create.
fn create(groups: usize) -> (serde_json::Value, std::collections::BTreeMap<String, u64>) {
    let emu = Emulator::start();
    let file = cluster(&emu, "calls", groups);
    let args = ["--wait-nodes=false", "-o", "json"];
    let run = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file).args(args));
    let summary = run.expect(0, "create cluster").summary();
    (summary["awsCalls"].clone(), emu.calls())
}

#[test]
fn a_creates_look_ups_do_not_grow_with_its_node_groups() {
    let (one, one_ops) = create(1);
    let (ten, ten_ops) = create(10);
    let reads = |v: &serde_json::Value| v["reads"].as_u64().unwrap();
    let writes = |v: &serde_json::Value| v["writes"].as_u64().unwrap();
    // Nine more groups are nine more node roles, launch templates and node groups, each made
    // with its policies attached: writes grow, look-ups do not.
    assert!(writes(&ten) >= writes(&one) + 9 * 3, "one: {one}, ten: {ten}");
    // Polls grow (each node group is waited for), look-ups do not.
    assert!(ten["polls"].as_u64() > one["polls"].as_u64(), "one: {one}, ten: {ten}");
    assert_eq!(
        reads(&ten),
        reads(&one),
        "look-ups grew with the node groups: one {one_ops:?}\nten {ten_ops:?}"
    );
    // Nothing existed: no step asked about its own resource.
    for op in
        ["iam:GetRole", "iam:ListAttachedRolePolicies", "iam:GetInstanceProfile", "eks:DescribeAccessEntry"]
    {
        assert_eq!(ten_ops.get(op), None, "{op} was called: {ten_ops:?}");
    }
    // One look per type: roles listed once, launch templates described once (by name).
    assert_eq!(ten_ops.get("iam:ListRoles"), Some(&1), "{ten_ops:?}");
    assert_eq!(ten_ops.get("ec2:DescribeLaunchTemplates"), Some(&1), "{ten_ops:?}");
}

#[test]
fn a_create_run_again_looks_for_each_resource_and_changes_nothing() {
    let emu = Emulator::start();
    let file = cluster(&emu, "again", 2);
    let args = ["--wait-nodes=false", "-o", "json"];
    Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file).args(args)).expect(0, "create cluster");
    let before = emu.calls();
    let again = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file).args(args));
    let again = again.expect(0, "create cluster again");
    let after = emu.calls();
    let made = |op: &str| after.get(op).copied().unwrap_or(0) - before.get(op).copied().unwrap_or(0);
    // Everything was found, so each step looked at its own resource, and nothing was made.
    for op in
        ["ec2:CreateVpc", "ec2:CreateSubnet", "iam:CreateRole", "eks:CreateCluster", "eks:CreateNodegroup"]
    {
        assert_eq!(made(op), 0, "{op} was called again");
    }
    assert!(made("iam:GetRole") >= 3, "the roles were not looked at: {after:?}");
    let finished: Vec<_> = again.events().into_iter().filter(|e| e["event"] == "stepFinished").collect();
    assert!(!finished.is_empty());
    assert!(
        finished.iter().all(|e| e["action"] != "created"),
        "a second run created something: {:?}",
        finished.iter().filter(|e| e["action"] == "created").collect::<Vec<_>>()
    );
}

/// Node groups start as soon as the networking add-ons are asked for, not once they are ACTIVE
/// (EKS installs them while the instances boot); only the nodes' readiness waits for them.
#[test]
fn node_groups_start_while_the_networking_add_ons_turn_active() {
    let emu = Emulator::builder()
        .env("MOTO_EKS_ADDON_CREATE_SECONDS", "4")
        .env("MOTO_EKS_NODEGROUP_CREATE_SECONDS", "6")
        .start();
    let file = cluster(&emu, "early", 1);
    let run = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file).args(["-o", "json"]));
    let events = run.expect(0, "create cluster").events();
    let at = |event: &str, step: &str| {
        events
            .iter()
            .find(|e| e["event"] == event && e["step"] == step)
            .and_then(|e| e["time"].as_f64())
            .unwrap_or_else(|| panic!("no {event} of {step}"))
    };
    let asked = at("stepFinished", "addon-vpc-cni");
    let active = at("stepFinished", "addon-ready-vpc-cni");
    let group = at("stepStarted", "nodegroup-ng-1");
    // The add-on was CREATING for its 4 seconds, and the group was asked for meanwhile.
    assert!(active - asked >= 3000.0, "asked at {asked} ms, ACTIVE at {active} ms");
    assert!(group >= asked && group < active, "group at {group} ms, add-on {asked}..{active} ms");
    assert!(
        at("stepStarted", "nodes-ready-ng-1") >= active.max(at("stepFinished", "addon-ready-kube-proxy"))
    );
    // Both were made by this run, the node and the add-ons' readiness alike.
    let action = |step: &str| {
        events.iter().find(|e| e["event"] == "stepFinished" && e["step"] == step).map(|e| e["action"].clone())
    };
    assert_eq!(action("addon-ready-vpc-cni"), Some("created".into()));
    assert_eq!(action("nodes-ready-ng-1"), Some("created".into()));
    // Its node turned Ready (the add-ons were ACTIVE by the end of the group's creation).
    let nodes = emu.nodes();
    assert!(nodes.len() == 1 && nodes.iter().all(|(_, ready, _)| *ready), "{nodes:?}");
}
