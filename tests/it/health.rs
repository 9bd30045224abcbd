//! `utils nodegroup-health` says what EKS reports of a node group (NodeCreationFailure when its
//! nodes never join); `utils describe-addon-versions` lists the versions EKS offers, the default
//! marked.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn utils(emu: &Emulator, args: &[&str]) -> Run {
    let mut cmd = emu.eksup();
    cmd.arg("utils").args(args);
    Run::of(&mut cmd)
}

#[test]
fn nodegroup_health_reports_nodes_that_never_joined() {
    let emu = Emulator::start();
    // Without the VPC CNI add-on the nodes never turn Ready: EKS fails the group.
    let yaml = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: bare, region: us-west-2}\n\
                addonsConfig: {disableDefaultAddons: true}\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: 1\n";
    let file = emu.home().join("bare.yaml");
    std::fs::write(&file, yaml).unwrap();
    let create = Run::of(emu.eksup().args(["create", "cluster", "--timeout", "2m", "-f"]).arg(&file));
    create.expect(1, "a create whose nodes never join");

    let health = utils(&emu, &["nodegroup-health", "--cluster", "bare", "--name", "ng", "-o", "json"]);
    let health: Value = serde_json::from_str(&health.expect(0, "nodegroup-health").stdout).unwrap();
    assert_eq!(health["status"], "CREATE_FAILED", "{health}");
    let issue = &health["issues"][0];
    assert_eq!(issue["code"], "NodeCreationFailure", "{health}");
    assert!(issue["resourceIds"][0].as_str().unwrap().starts_with("i-"), "{health}");
    let table = utils(&emu, &["nodegroup-health", "--cluster", "bare", "--name", "ng"]).expect(0, "table");
    assert!(
        table.stdout.contains("CODE") && table.stdout.contains("NodeCreationFailure"),
        "{}",
        table.stdout
    );

    let missing =
        utils(&emu, &["nodegroup-health", "--cluster", "bare", "--name", "nope"]).expect(1, "no such group");
    assert!(missing.stderr.contains("no managed node group `nope`") && missing.stderr.contains("hint:"));
}

#[test]
fn describe_addon_versions_marks_the_default_of_each_addon() {
    let emu = Emulator::start();
    let all = utils(&emu, &["describe-addon-versions", "--kubernetes-version", "1.34", "-o", "json"]);
    let all: Vec<Value> = serde_json::from_str(&all.expect(0, "describe-addon-versions").stdout).unwrap();
    let addons: std::collections::BTreeSet<&str> = all.iter().map(|v| v["addon"].as_str().unwrap()).collect();
    assert!(addons.contains("vpc-cni") && addons.contains("coredns"), "{addons:?}");
    for addon in &addons {
        let defaults = all.iter().filter(|v| v["addon"] == *addon && v["default"] == true).count();
        assert_eq!(defaults, 1, "`{addon}` has {defaults} defaults");
    }
    let one = utils(&emu, &["describe-addon-versions", "--kubernetes-version", "1.34", "--name", "vpc-cni"]);
    let one = one.expect(0, "one add-on");
    assert!(one.stdout.contains("vpc-cni") && !one.stdout.contains("coredns"), "{}", one.stdout);
    assert!(
        one.stdout.lines().any(|l| l.contains("vpc-cni") && l.split_whitespace().nth(2) == Some("yes")),
        "{}",
        one.stdout
    );
    // eksctl's filters, passed to DescribeAddonVersions: the emulator's add-ons are all AWS's.
    let networking = utils(
        &emu,
        &["describe-addon-versions", "--kubernetes-version", "1.34", "--types", "networking", "-o", "json"],
    );
    let networking: Vec<Value> = serde_json::from_str(&networking.expect(0, "--types").stdout).unwrap();
    assert!(!networking.is_empty() && networking.iter().all(|v| v["type"] == "networking"), "{networking:?}");
    assert!(
        networking.iter().any(|v| v["addon"] == "vpc-cni")
            && !networking.iter().any(|v| v["addon"] == "aws-ebs-csi-driver")
    );
    assert!(
        networking.iter().all(|v| v["owner"] == "aws"
            && v["publisher"] == "eks"
            && v["defaultNamespace"] == "kube-system")
    );
    let nothing = utils(
        &emu,
        &[
            "describe-addon-versions",
            "--kubernetes-version",
            "1.34",
            "--publishers",
            "someone-else",
            "-o",
            "json",
        ],
    );
    assert_eq!(
        serde_json::from_str::<Vec<Value>>(&nothing.expect(0, "--publishers").stdout).unwrap(),
        Vec::<Value>::new()
    );
    let community = utils(
        &emu,
        &["describe-addon-versions", "--kubernetes-version", "1.34", "--owners", "community", "-o", "json"],
    );
    let community: Vec<Value> = serde_json::from_str(&community.expect(0, "--owners").stdout).unwrap();
    assert!(
        !community.is_empty()
            && community.iter().all(|v| v["addon"] == "metrics-server" && v["owner"] == "community"),
        "{community:?}"
    );
    let neither = utils(&emu, &["describe-addon-versions"]).expect(2, "no version, no cluster");
    assert!(neither.stderr.contains("`--kubernetes-version` or `--cluster`"), "{}", neither.stderr);
}
