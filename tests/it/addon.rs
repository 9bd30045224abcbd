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
