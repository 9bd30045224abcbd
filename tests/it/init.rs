//! `eksup init`: the wizard through a real pseudo-terminal, and the non-terminal behaviour.

use std::path::Path;
use std::process::Command as Process;

use crate::support::hermetic_program;
use crate::support::offline::eksup;

/// The pty driver (`tests/pty/drive.py`, which removes `CI`) with HOME in `dir`: a terminal as a
/// user has it, so colours are on.
fn driver(script: &Path, dir: &Path) -> Process {
    let mut cmd = hermetic_program("python3", dir);
    cmd.env_remove("NO_COLOR")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pty/drive.py"))
        .arg(script)
        .arg("--")
        .current_dir(dir);
    cmd
}

/// Run `eksup ARGS` in a pseudo-terminal with the scripted answers; returns (exit code, transcript).
fn drive(steps: serde_json::Value, args: &[&str], dir: &Path) -> (i32, String) {
    let script = dir.join("steps.json");
    std::fs::write(&script, steps.to_string()).unwrap();
    let out = driver(&script, dir)
        .arg(assert_cmd::cargo::cargo_bin("eksup"))
        .args(args)
        .output()
        .expect("python3 runs the pty driver");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).to_string())
}

#[test]
fn wizard_asks_corrects_and_writes_a_valid_config() {
    let dir = tempfile::tempdir().unwrap();
    let steps = serde_json::json!([
        {"expect": "cluster name", "send": "\u{15}1bad\r"},
        {"expect": "not a valid cluster name", "send": "\u{15}shop\r"},
        {"expect": "region", "send": "\u{15}eu-central-1\r"},
        {"expect": "Kubernetes version", "send": "\r"},
        {"expect": "node kind", "send": "\u{1b}[B\r"},
        {"expect": "instance type", "send": "\u{15}t3.large\r"},
        {"expect": "nodes min/desired/max", "send": "\u{15}3/2/4\r"},
        {"expect": "need min <= desired <= max", "send": "\u{15}1/2/4\r"},
        {"expect": "private subnets only", "send": "y"},
        {"expect": "NAT gateways", "send": "\u{1b}[B\r"},
        {"expect": "ECR repositories", "send": "shop/web\r"},
        {"expect": "create the cluster now", "send": "n"}
    ]);
    let (code, transcript) = drive(steps, &["init", "-f", "shop.yaml"], dir.path());
    assert_eq!(code, 0, "{transcript}");
    let text = std::fs::read_to_string(dir.path().join("shop.yaml")).expect("the file was written");
    for want in [
        "name: shop",
        "region: eu-central-1",
        "nodeGroups:",
        "instanceType: t3.large",
        "minSize: 1",
        "maxSize: 4",
        "privateNetworking: true",
        "gateway: HighlyAvailable",
        "- name: shop/web",
        "apiVersion: eksup.io/v1alpha1",
    ] {
        assert!(text.contains(want), "missing `{want}` in:\n{text}");
    }
    assert!(
        transcript.contains("estimated time:"),
        "the plan is shown before offering to create:\n{transcript}"
    );
    // and it loads
    eksup()
        .args(["create", "cluster", "--dry-run", "-f"])
        .arg(dir.path().join("shop.yaml"))
        .env("HOME", dir.path())
        .assert()
        .success();
}

#[test]
fn without_a_terminal_it_uses_flags_and_never_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("c.yaml");
    // `CI` would keep it from prompting too: without it, only the missing terminal does.
    eksup()
        .env_remove("CI")
        .args(["--region", "us-east-2", "init", "--name", "ci-cluster", "--node-kind", "fargate", "-f"])
        .arg(&f)
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success();
    let text = std::fs::read_to_string(&f).unwrap();
    assert!(
        text.contains("name: ci-cluster")
            && text.contains("fargateProfiles:")
            && text.contains("region: us-east-2"),
        "{text}"
    );
    // an existing file is kept unless --force
    eksup()
        .args(["init", "--non-interactive", "-f"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), text);
    // bad flags are usage errors and write nothing
    let g = dir.path().join("g.yaml");
    eksup()
        .args(["init", "--non-interactive", "--nodes-min", "5", "--nodes", "2", "-f"])
        .arg(&g)
        .assert()
        .code(2);
    assert!(!g.exists());
}

#[test]
fn ci_variable_means_no_prompt_even_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // the driver removes CI, so set it through the command itself
    let steps = serde_json::json!([]);
    let script = dir.path().join("steps.json");
    std::fs::write(&script, steps.to_string()).unwrap();
    let out = driver(&script, dir.path())
        .arg("env")
        .arg("CI=true")
        .arg(assert_cmd::cargo::cargo_bin("eksup"))
        .args(["init", "--name", "quiet", "-f", "q.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(dir.path().join("q.yaml").exists());
}
