//! `delete cluster --dry-run`: what a delete would remove, found and ordered like a real delete,
//! with nothing deleted.

use serde_json::Value;

use crate::support::Emulator;

fn managed() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml")
}

/// How many VPCs, subnets and security groups are tagged for `demo`, and how many EKS clusters exist.
fn counts(emu: &Emulator) -> Vec<usize> {
    let f = "Name=tag:eksup.io/cluster,Values=demo";
    let n = |args: &[&str], key: &str| emu.aws(args)[key].as_array().map_or(0, Vec::len);
    vec![
        n(&["ec2", "describe-vpcs", "--filters", f], "Vpcs"),
        n(&["ec2", "describe-subnets", "--filters", f], "Subnets"),
        n(&["ec2", "describe-security-groups", "--filters", f], "SecurityGroups"),
        n(&["eks", "list-clusters"], "clusters"),
    ]
}

#[test]
fn a_dry_run_orders_the_delete_and_deletes_nothing() {
    let emu = Emulator::start();
    let out = emu.eksup().args(["create", "cluster", "-f"]).arg(managed()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let before = counts(&emu);
    let groups = || emu.aws(&["eks", "list-nodegroups", "--cluster-name", "demo"])["nodegroups"].clone();
    let groups_before = groups();

    // No `--yes` needed: nothing is deleted.
    let out = emu
        .eksup()
        .args(["delete", "cluster", "-f"])
        .arg(managed())
        .args(["--dry-run", "-o", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let plan: Value = serde_json::from_slice(&out.stdout).expect("one JSON document on stdout");
    assert_eq!(counts(&emu), before, "a dry-run deleted something");
    assert_eq!(groups(), groups_before, "a dry-run deleted a node group");
    assert_eq!(plan["clusterFound"], true);

    let steps = plan["steps"].as_array().unwrap();
    let ids: Vec<&str> = steps.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let deps = |id: &str| -> Vec<String> {
        let s = steps.iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("no step `{id}` in {ids:?}"));
        s["dependsOn"].as_array().unwrap().iter().map(|d| d.as_str().unwrap().to_string()).collect()
    };
    // The node group goes before the control plane; the VPC after its subnets and groups; the
    // roles once the control plane and node group are gone, without waiting for the network.
    assert!(deps("cluster/demo").contains(&"nodegroup/ng-1".to_string()));
    let vpc = ids.iter().find(|i| i.starts_with("vpc/")).expect("the VPC is in the plan");
    let vpc_deps = deps(vpc);
    assert!(
        ids.iter()
            .filter(|i| i.starts_with("subnet/") || i.starts_with("security-group/"))
            .all(|i| vpc_deps.contains(&i.to_string()))
    );
    let role = deps("iam-role/eksup-demo-cluster");
    assert!(
        role.contains(&"cluster/demo".to_string()) && !role.iter().any(|d| d.starts_with("subnet/")),
        "{role:?}"
    );
    assert_eq!(plan["kept"].as_array().map(Vec::len), Some(0));

    // People get the waves on stdout and one status line on stderr.
    let out = emu.eksup().args(["delete", "cluster", "--name", "demo", "--dry-run"]).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.lines().any(|l| l.contains("control plane `demo`")), "{stdout}");
    assert!(stderr.contains("would be deleted") && stderr.contains("nothing was deleted"), "{stderr}");

    // The real delete then removes exactly what was planned.
    let out =
        emu.eksup().args(["delete", "cluster", "--name", "demo", "--yes", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let last: Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().last().unwrap()).unwrap();
    let removed: Vec<String> = last["report"]["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}/{}", r["kind"].as_str().unwrap(), r["id"].as_str().unwrap()))
        .collect();
    for id in ids.iter().filter(|i| !i.starts_with("network-interface/")) {
        assert!(removed.contains(&id.to_string()), "`{id}` was planned but not removed: {removed:?}");
    }
    assert_eq!(counts(&emu), vec![0, 0, 0, 0]);
}
