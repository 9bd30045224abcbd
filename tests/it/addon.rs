//! `update addon`: a version (or `latest`/`default`) and configuration values applied by one
//! UpdateAddon and waited for; a version EKS does not offer for the cluster is EKS's error; the
//! same again calls nothing.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn update(emu: &Emulator, args: &[&str]) -> Run {
    let mut cmd = emu.eksup();
    cmd.args(["update", "addon", "--cluster", "demo"]).args(args);
    Run::of(&mut cmd)
}

fn addon(emu: &Emulator, name: &str) -> Value {
    emu.aws(&["eks", "describe-addon", "--cluster-name", "demo", "--addon-name", name])["addon"].clone()
}

#[test]
fn an_addon_changes_version_and_configuration_in_place() {
    let emu = Emulator::start();
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    Run::of(emu.eksup().args(["create", "cluster", "--wait-nodes=false", "-f"]).arg(&config))
        .expect(0, "create");
    let versions = Run::of(emu.eksup().args([
        "utils",
        "describe-addon-versions",
        "--cluster",
        "demo",
        "--name",
        "kube-proxy",
        "-o",
        "json",
    ]));
    let versions: Vec<Value> = serde_json::from_str(&versions.expect(0, "versions").stdout).unwrap();
    let default =
        versions.iter().find(|v| v["default"] == true).unwrap()["version"].as_str().unwrap().to_string();
    let older =
        versions.iter().map(|v| v["version"].as_str().unwrap()).find(|v| *v != default).unwrap().to_string();
    assert_eq!(addon(&emu, "kube-proxy")["addonVersion"], default.as_str());

    let done = update(&emu, &["--name", "kube-proxy", "--version", &older, "-o", "json"])
        .expect(0, "to an older version");
    let report: Value = serde_json::from_str(&done.stdout).unwrap();
    assert_eq!(report["action"], "updated", "{report}");
    assert_eq!(report["before"]["version"], default.as_str());
    let a = addon(&emu, "kube-proxy");
    assert_eq!(a["addonVersion"], older.as_str());
    assert_eq!(a["status"], "ACTIVE");

    let back =
        update(&emu, &["--name", "kube-proxy", "--version", "default"]).expect(0, "back to the default");
    assert!(back.stderr.contains(&format!("`{older}` -> `{default}`")), "{}", back.stderr);
    let same = update(&emu, &["--name", "kube-proxy", "--version", "default"]).expect(0, "the same again");
    assert!(same.stderr.contains("nothing to change"), "{}", same.stderr);

    let values = r#"{"replicaCount":3}"#;
    update(&emu, &["--name", "coredns", "--configuration-values", values, "--force"])
        .expect(0, "configuration values");
    assert_eq!(addon(&emu, "coredns")["configurationValues"], values);

    let refused = update(&emu, &["--name", "vpc-cni", "--version", "v1.0.0-eksbuild.1"])
        .expect(1, "a version EKS does not offer");
    assert!(refused.stderr.contains("not supported"), "{}", refused.stderr);
    let missing = update(&emu, &["--name", "nope", "--version", "latest"]).expect(1, "no such add-on");
    assert!(
        missing.stderr.contains("no add-on `nope`") && missing.stderr.contains("hint:"),
        "{}",
        missing.stderr
    );
}

const NAMESPACED: &str = r#"apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ns
  region: us-west-2
  version: "1.34"
iam:
  withOIDC: true
addons:
  - name: aws-ebs-csi-driver
    namespaceConfig:
      namespace: storage
    owners: [aws]
    types: [storage]
  - name: metrics-server
    owners: [community]
    publishers: [eks]
"#;

/// `namespaceConfig`: EKS installs the add-on (its workloads and service accounts) in the
/// namespace, the role eksup makes for it trusts that namespace's service account, `get addon`
/// shows it, and a file that moves it is told EKS cannot (`!`); `--namespace-config` does the same
/// from flags. `owners`/`publishers`/`types` take only an add-on EKS lists with them.
#[test]
fn an_addon_is_installed_in_its_namespace_and_only_from_the_owners_asked_for() {
    let emu = Emulator::start();
    let path = emu.home().join("ns.yaml");
    let file = path.display().to_string();
    std::fs::write(&path, NAMESPACED).unwrap();
    Run::of(emu.eksup().args(["create", "cluster", "-f", &file])).expect(0, "create");

    let ebs =
        emu.aws(&["eks", "describe-addon", "--cluster-name", "ns", "--addon-name", "aws-ebs-csi-driver"]);
    assert_eq!(ebs["addon"]["namespaceConfig"]["namespace"], "storage", "{ebs}");
    let metrics =
        emu.aws(&["eks", "describe-addon", "--cluster-name", "ns", "--addon-name", "metrics-server"]);
    assert!(metrics["addon"]["namespaceConfig"].is_null(), "{metrics}");
    assert_eq!(metrics["addon"]["owner"], "community");

    // The default role of the EBS CSI driver trusts its controller's account in `storage`.
    let role = ebs["addon"]["serviceAccountRoleArn"].as_str().expect("a role for the driver");
    let name = role.rsplit('/').next().unwrap();
    let trust =
        emu.aws(&["iam", "get-role", "--role-name", name])["Role"]["AssumeRolePolicyDocument"].to_string();
    assert!(trust.contains("system:serviceaccount:storage:ebs-csi-controller-sa"), "{trust}");

    // Kubernetes: the workloads and the service account are in `storage`, not in kube-system.
    let (ok, out, err) =
        emu.kubectl(&["get", "deployment,daemonset,serviceaccount", "-n", "storage", "-o", "name"]);
    assert!(ok, "{err}");
    for object in [
        "deployment.apps/ebs-csi-controller",
        "daemonset.apps/ebs-csi-node",
        "serviceaccount/ebs-csi-controller-sa",
    ] {
        assert!(out.lines().any(|l| l == object), "{object} missing: {out}");
    }
    let (_, system, _) = emu.kubectl(&["get", "deployment", "-n", "kube-system", "-o", "name"]);
    assert!(!system.contains("ebs-csi-controller") && system.contains("metrics-server"), "{system}");

    // `get addon` shows it, in eksctl's JSON field and its table column.
    let got = Run::of(emu.eksup().args(["get", "addon", "--cluster", "ns", "-o", "json"])).expect(0, "get");
    let got: Vec<Value> = serde_json::from_str(&got.stdout).unwrap();
    let shown = got.iter().find(|a| a["Name"] == "aws-ebs-csi-driver").unwrap();
    assert_eq!(shown["NamespaceConfig"]["namespace"], "storage", "{shown}");
    let table = Run::of(emu.eksup().args(["get", "addon", "--cluster", "ns"])).expect(0, "get table");
    assert!(table.stdout.lines().next().unwrap().contains("NAMESPACE"), "{}", table.stdout);
    assert!(
        table.stdout.lines().any(|l| l.starts_with("aws-ebs-csi-driver") && l.contains(" storage ")),
        "{}",
        table.stdout
    );

    // EKS cannot move it: the plan says so and what to do.
    let moved = emu.home().join("moved.yaml");
    std::fs::write(&moved, NAMESPACED.replace("namespace: storage", "namespace: disks")).unwrap();
    let plan =
        Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&moved)).expect(0, "dry-run");
    let line = plan.stdout.lines().find(|l| l.contains("[addon-aws-ebs-csi-driver]")).unwrap_or_default();
    assert!(line.trim_start().starts_with("! "), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("namespace: `storage` -> `disks` (cannot change in place: EKS keeps an add-on in the namespace it was made in"),
        "{}",
        plan.stdout
    );

    // From flags, as eksctl's `--namespace-config namespace=<name>`.
    Run::of(emu.eksup().args([
        "create",
        "addon",
        "--cluster",
        "ns",
        "--name",
        "eks-pod-identity-agent",
        "--namespace-config",
        "namespace=identity",
    ]))
    .expect(0, "create addon from flags");
    let agent = addon_in(&emu, "ns", "eks-pod-identity-agent");
    assert_eq!(agent["namespaceConfig"]["namespace"], "identity", "{agent}");
    let bad = Run::of(emu.eksup().args([
        "create",
        "addon",
        "--cluster",
        "ns",
        "--name",
        "kube-proxy",
        "--namespace-config",
        "identity",
    ]));
    let bad = bad.expect(2, "not namespace=<name>");
    assert!(bad.stderr.contains("expected `namespace=<name>`"), "{}", bad.stderr);

    // An add-on EKS lists under another owner is refused before anything is made.
    let other = emu.home().join("other.yaml");
    std::fs::write(
        &other,
        NAMESPACED.replace(
            "  - name: metrics-server\n    owners: [community]",
            "  - name: aws-efs-csi-driver\n    owners: [community]",
        ),
    )
    .unwrap();
    let refused = Run::of(
        emu.eksup().args(["create", "addon", "-f"]).arg(&other).args(["--include", "aws-efs-csi-driver"]),
    );
    let refused = refused.expect(1, "not a community add-on");
    assert!(
        refused.stderr.contains("EKS offers no version of add-on `aws-efs-csi-driver` that the file accepts: its owner is `aws`, not one of `community`")
            && refused.stderr.contains("hint:"),
        "{}",
        refused.stderr
    );
    let listed = emu.aws(&["eks", "list-addons", "--cluster-name", "ns"]).to_string();
    assert!(!listed.contains("aws-efs-csi-driver"), "{listed}");

    // eksctl's `--auto-apply-pod-identity-associations`: the pod identity AWS recommends, in a
    // role eksup makes with AWS's policy.
    Run::of(emu.eksup().args([
        "create",
        "addon",
        "--cluster",
        "ns",
        "--name",
        "aws-efs-csi-driver",
        "--auto-apply-pod-identity-associations",
    ]))
    .expect(0, "create addon with pod identities");
    let efs = addon_in(&emu, "ns", "aws-efs-csi-driver");
    assert_eq!(efs["podIdentityAssociations"].as_array().map(Vec::len), Some(1), "{efs}");
    let associations = emu.aws(&["eks", "list-pod-identity-associations", "--cluster-name", "ns"]);
    let efs_sa = associations["associations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["serviceAccount"] == "efs-csi-controller-sa")
        .unwrap_or_else(|| panic!("{associations}"))
        .clone();
    let id = efs_sa["associationId"].as_str().unwrap();
    let association = emu.aws(&[
        "eks",
        "describe-pod-identity-association",
        "--cluster-name",
        "ns",
        "--association-id",
        id,
    ]);
    let role =
        association["association"]["roleArn"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
    let attached = emu.aws(&["iam", "list-attached-role-policies", "--role-name", &role]).to_string();
    assert!(attached.contains("AmazonEFSCSIDriverPolicy"), "{attached}");
}

fn addon_in(emu: &Emulator, cluster: &str, name: &str) -> Value {
    emu.aws(&["eks", "describe-addon", "--cluster-name", cluster, "--addon-name", name])["addon"].clone()
}
