//! `eksup utils write-kubeconfig` and `eksup set-context`: real binary, real files, real kubectl.

use crate::token::eksup;

#[test]
fn a_corrupt_kubeconfig_is_left_byte_for_byte_untouched() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config");
    let broken = b"apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: [\n";
    std::fs::write(&path, broken).unwrap();
    let out = eksup(home.path())
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--region", "us-west-2", "--kubeconfig"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("error: cannot parse kubeconfig `{}` at line 4", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains("hint: fix the file or move it away"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), broken);
    let names: Vec<_> = std::fs::read_dir(home.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary or lock file beside it: {names:?}");
}

#[test]
fn a_kubeconfig_that_is_not_utf8_is_refused_with_its_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("config");
    // Valid YAML; `café` in Latin-1.
    let latin1 =
        b"apiVersion: v1\nkind: Config\nclusters:\n- name: caf\xe9\n  cluster:\n    server: https://x\n";
    std::fs::write(&path, latin1).unwrap();
    let out = eksup(home.path())
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--region", "us-west-2", "--kubeconfig"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "error: cannot parse kubeconfig `{}` at line 4 column 12: byte `0xe9` is not UTF-8",
            path.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("hint: save the file as UTF-8"), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), latin1);
}

// ------------------------------------------------------------------ against the emulator

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use eksup::kubeconfig::{KubeconfigTarget, remove_cluster_entries};
use serde_json::Value;

use crate::support::Emulator;
use crate::token::bin_dir;

/// The kubeconfig the emulator's commands use (`KUBECONFIG`).
fn kubeconfig_of(emu: &Emulator) -> PathBuf {
    emu.home().join("kubeconfig")
}

/// Create an EKS cluster in the emulator; returns its DescribeCluster `cluster`.
fn create_cluster(emu: &Emulator, name: &str) -> Value {
    let subnets = emu.aws(&["ec2", "describe-subnets"]);
    let ids: Vec<&str> = subnets["Subnets"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|s| s["SubnetId"].as_str().unwrap())
        .collect();
    emu.create_cluster_with_aws(name, &ids, &[])
}

/// kubectl on a kubeconfig; stdout, panicking with stderr on failure.
fn kubectl(kubeconfig: &Path, args: &[&str]) -> String {
    let out = StdCommand::new("kubectl").env("KUBECONFIG", kubeconfig).args(args).output().expect("kubectl");
    assert!(out.status.success(), "kubectl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn named<'a>(doc: &'a Value, section: &str, name: &str) -> &'a Value {
    doc[section]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no {section} entry `{name}` in {doc}"))
}

#[test]
fn write_kubeconfig_writes_entries_that_kubectl_reads() {
    let emu = Emulator::start();
    let cluster = create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    emu.eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo"])
        .assert()
        .success()
        .stderr(predicates::str::contains("context `"))
        .stdout("");

    // moto's caller is `arn:aws:sts::123456789012:user/moto`.
    let context = "moto@demo.us-west-2.eksup.io";
    assert_eq!(kubectl(&kc, &["config", "get-contexts", "-o", "name"]).trim(), context);
    assert_eq!(kubectl(&kc, &["config", "current-context"]).trim(), context);
    let minify: Value =
        serde_json::from_str(&kubectl(&kc, &["config", "view", "--minify", "--raw", "-o", "json"])).unwrap();
    assert_eq!(minify["current-context"], context);
    let c = &minify["clusters"][0];
    assert_eq!(c["name"], "demo.us-west-2.eksup.io");
    assert_eq!(c["cluster"]["server"], cluster["endpoint"]);
    assert_eq!(c["cluster"]["certificate-authority-data"], cluster["certificateAuthority"]["data"]);
    let u = &minify["users"][0];
    assert_eq!(u["name"], context);
    let exec = &u["user"]["exec"];
    assert_eq!(exec["apiVersion"], "client.authentication.k8s.io/v1beta1");
    assert_eq!(
        exec["args"],
        serde_json::json!(["get-token", "--cluster-name", "demo", "--region", "us-west-2"])
    );
    assert_eq!(exec["interactiveMode"], "Never");
    assert_eq!(exec["provideClusterInfo"], false);
    // The test's PATH has no `eksup`: the absolute path of the running binary is written.
    let command = exec["command"].as_str().unwrap();
    assert!(Path::new(command).is_absolute() && Path::new(command).is_file(), "{command}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&kc).unwrap().permissions().mode() & 0o777, 0o600);
    }

    // With `eksup` on PATH, the bare name is written (it survives upgrades); a refresh
    // updates the same entries.
    let path = std::env::join_paths([bin_dir(), PathBuf::from("/usr/bin"), PathBuf::from("/bin")]).unwrap();
    // A profile must exist to be chosen (as the AWS CLI requires); the credentials stay the
    // emulator's, from the environment.
    let aws_config = emu.home().join("aws-config");
    std::fs::write(&aws_config, "[profile dev]\nregion = us-west-2\n").unwrap();
    emu.eksup()
        .env("PATH", path)
        .env("AWS_PROFILE", "dev")
        .env("AWS_CONFIG_FILE", &aws_config)
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--authenticator", "eksup"])
        .assert()
        .success()
        .stderr(predicates::str::contains("Updated"));
    let doc = yaml(&kc);
    assert_eq!(doc["users"].as_array().unwrap().len(), 1);
    let exec = &named(&doc, "users", context)["user"]["exec"];
    assert_eq!(exec["command"], "eksup");
    assert_eq!(exec["env"], serde_json::json!([{ "name": "AWS_PROFILE", "value": "dev" }]));
}

const OTHER: &str = r#"apiVersion: v1
kind: Config
preferences: {}
clusters:
- name: kind-kind
  cluster:
    server: https://127.0.0.1:6443
    insecure-skip-tls-verify: true
    proxy-url: http://proxy.local:3128
  x-entry-extra: kept
users:
- name: kind-kind
  user:
    token: static-token
contexts:
- name: kind-kind
  context:
    cluster: kind-kind
    user: kind-kind
    namespace: dev
current-context: kind-kind
x-top-level-unknown:
  answer: 42
"#;

#[test]
fn merge_keeps_other_clusters_users_contexts_and_unknown_fields() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    std::fs::write(&kc, OTHER).unwrap();
    let before = yaml(&kc);
    emu.eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--no-set-context"])
        .assert()
        .success();
    let after = yaml(&kc);
    for key in ["apiVersion", "kind", "preferences", "current-context", "x-top-level-unknown"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    for section in ["clusters", "users", "contexts"] {
        assert_eq!(named(&after, section, "kind-kind"), named(&before, section, "kind-kind"), "{section}");
        assert_eq!(after[section].as_array().unwrap().len(), 2, "{section}");
    }
    let contexts = kubectl(&kc, &["config", "get-contexts", "-o", "name"]);
    assert_eq!(contexts.lines().collect::<Vec<_>>(), ["kind-kind", "moto@demo.us-west-2.eksup.io"]);
    assert_eq!(kubectl(&kc, &["config", "current-context"]).trim(), "kind-kind", "--no-set-context");

    // `--no-set-context --set-context`: the last flag counts.
    emu.eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--no-set-context", "--set-context"])
        .assert()
        .success();
    assert_eq!(kubectl(&kc, &["config", "current-context"]).trim(), "moto@demo.us-west-2.eksup.io");

    // delete cluster's library call: only eksup's entries go, the current-context is cleared.
    let removed = remove_cluster_entries(&KubeconfigTarget::file(&kc), "demo", "us-west-2").unwrap();
    assert_eq!(
        removed.names(),
        ["demo.us-west-2.eksup.io", "moto@demo.us-west-2.eksup.io"],
        "cluster, and user + context of the same name"
    );
    assert_eq!(removed.current_context_cleared(), Some("moto@demo.us-west-2.eksup.io"));
    let cleaned = yaml(&kc);
    for section in ["clusters", "users", "contexts"] {
        assert_eq!(cleaned[section], before[section], "{section}");
    }
    assert_eq!(cleaned["x-top-level-unknown"], before["x-top-level-unknown"]);
    assert_eq!(cleaned["current-context"], "");
}

#[test]
fn set_context_with_namespace_and_alias() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    emu.eksup()
        .args(["set-context", "demo", "--namespace", "kube-system", "--alias", "prod"])
        .assert()
        .success();
    assert_eq!(kubectl(&kc, &["config", "current-context"]).trim(), "prod");
    let minify: Value =
        serde_json::from_str(&kubectl(&kc, &["config", "view", "--minify", "-o", "json"])).unwrap();
    assert_eq!(minify["contexts"][0]["name"], "prod");
    assert_eq!(minify["contexts"][0]["context"]["namespace"], "kube-system");
    assert_eq!(minify["contexts"][0]["context"]["cluster"], "prod");
    assert_eq!(minify["contexts"][0]["context"]["user"], "prod");
    // Refreshing without --namespace keeps the namespace.
    emu.eksup().args(["set-context", "demo", "--alias", "prod"]).assert().success();
    let minify: Value =
        serde_json::from_str(&kubectl(&kc, &["config", "view", "--minify", "-o", "json"])).unwrap();
    assert_eq!(minify["contexts"][0]["context"]["namespace"], "kube-system");
    // Aliased entries are found by `delete cluster` through eksup's extension.
    let removed = remove_cluster_entries(&KubeconfigTarget::file(&kc), "demo", "us-west-2").unwrap();
    assert_eq!(removed.names(), ["prod"]);
}

#[test]
fn aws_cli_authenticator_and_role() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    emu.eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--authenticator", "aws-cli"])
        .args(["--role-arn", "arn:aws:iam::123456789012:role/admin"])
        .assert()
        .success();
    let doc = yaml(&kc);
    let exec = &doc["users"][0]["user"]["exec"];
    assert_eq!(exec["command"], "aws");
    assert_eq!(
        exec["args"],
        serde_json::json!([
            "eks",
            "get-token",
            "--output",
            "json",
            "--cluster-name",
            "demo",
            "--region",
            "us-west-2",
            "--role-arn",
            "arn:aws:iam::123456789012:role/admin"
        ])
    );
}

#[test]
fn unknown_cluster_is_a_clear_error_and_writes_nothing() {
    let emu = Emulator::start();
    let out = emu
        .eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "nope"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: cluster `nope` not found in `us-west-2`"), "{stderr}");
    assert!(
        stderr.contains("hint: list the clusters with `eksup get cluster --region us-west-2`"),
        "{stderr}"
    );
    assert!(!kubeconfig_of(&emu).exists());
}

#[test]
fn kubeconfig_list_new_entries_go_to_the_first_existing_file() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let a = emu.home().join("a").join("config");
    let b = emu.home().join("b").join("config");
    std::fs::create_dir_all(b.parent().unwrap()).unwrap();
    std::fs::write(&b, OTHER).unwrap();
    let list = std::env::join_paths([&a, &b]).unwrap();
    emu.eksup().env("KUBECONFIG", &list).args(["set-context", "demo"]).assert().success();
    assert!(!a.exists(), "a does not exist, so b (the first existing) receives the entries");
    assert_eq!(kubectl(&b, &["config", "current-context"]).trim(), "moto@demo.us-west-2.eksup.io");
    // With no file at all, the first of the list is created (client-go), directories too.
    let c = emu.home().join("c").join("deep").join("config");
    let d = emu.home().join("d");
    let list = std::env::join_paths([&c, &d]).unwrap();
    emu.eksup().env("KUBECONFIG", &list).args(["set-context", "demo"]).assert().success();
    assert!(c.exists() && !d.exists());
}

#[test]
fn twenty_processes_writing_at_once_all_land() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    std::fs::write(&kc, OTHER).unwrap();
    let barrier = std::sync::Barrier::new(20);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let (emu, barrier) = (&emu, &barrier);
                s.spawn(move || {
                    let mut cmd = emu.eksup();
                    cmd.args(["set-context", "demo", "--alias", &format!("ctx-{i:02}")]);
                    barrier.wait();
                    cmd.output().unwrap()
                })
            })
            .collect();
        for h in handles {
            let out = h.join().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    });
    let contexts = kubectl(&kc, &["config", "get-contexts", "-o", "name"]);
    let mut names: Vec<&str> = contexts.lines().collect();
    names.sort_unstable();
    let mut expected: Vec<String> = (0..20).map(|i| format!("ctx-{i:02}")).collect();
    expected.push("kind-kind".into());
    assert_eq!(names, expected);
    let doc = yaml(&kc);
    assert_eq!(doc["clusters"].as_array().unwrap().len(), 21);
    assert_eq!(doc["users"].as_array().unwrap().len(), 21);
    assert!(doc["current-context"].as_str().unwrap().starts_with("ctx-"));
    let leftovers: Vec<String> = std::fs::read_dir(emu.home())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_kubeconfig_that_is_not_utf8_is_never_rewritten() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    let latin1 = [OTHER.as_bytes(), b"x-owner: Ren\xe9e\n"].concat();
    std::fs::write(&kc, &latin1).unwrap();
    let out = emu
        .eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = OTHER.lines().count() + 1;
    assert!(stderr.contains(&format!("at line {line} column 13: byte `0xe9` is not UTF-8")), "{stderr}");
    assert_eq!(std::fs::read(&kc).unwrap(), latin1, "byte for byte");
}

/// Scalars that a trip through `f64`, `i64` or a JSON null would change.
const SCALARS: &str = "big: 123456789012345678901234567890
float: 1.0
hex: 0x1F
quoted: '42'
double-quoted: \"0123\"
null-word: null
tilde: ~
empty:
";

#[test]
fn scalars_in_unknown_fields_and_extensions_survive_a_write_as_written() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let kc = kubeconfig_of(&emu);
    let indented = |n: usize| SCALARS.lines().map(|l| format!("{}{l}\n", " ".repeat(n))).collect::<String>();
    let extension = format!("    extensions:\n    - name: mine\n      extension:\n{}", indented(8));
    let text = OTHER.replace("  x-entry-extra: kept\n", &format!("{extension}  x-entry-extra: kept\n"))
        + &format!("x-scalars:\n{}", indented(2));
    std::fs::write(&kc, &text).unwrap();
    emu.eksup().args(["utils", "write-kubeconfig", "--cluster", "demo"]).assert().success();
    let written = std::fs::read_to_string(&kc).unwrap();
    for (indent, what) in [(8, "the cluster's extension"), (2, "an unknown top-level field")] {
        for line in SCALARS.lines() {
            let want = format!("\n{}{line}\n", " ".repeat(indent));
            assert!(written.contains(&want), "{what}: {want:?} missing from:\n{written}");
        }
    }
    // kubectl reads the file, with eksup's entries and the others.
    let contexts = kubectl(&kc, &["config", "get-contexts", "-o", "name"]);
    assert_eq!(contexts.lines().collect::<Vec<_>>(), ["kind-kind", "moto@demo.us-west-2.eksup.io"]);
}

#[test]
fn a_write_removes_the_temporary_files_of_killed_writers_and_nothing_else() {
    let emu = Emulator::start();
    create_cluster(&emu, "demo");
    let dir = emu.home().join("kube");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config");
    std::fs::write(&config, OTHER).unwrap();
    // What `kill -9` during a write leaves: a full copy, named after a writer that is gone (no
    // pid is above the kernel's limit of 2^22).
    let stale = dir.join(".config.eksup-999999999-1764230400000000000.tmp");
    std::fs::write(&stale, OTHER).unwrap();
    let unrelated = dir.join(".config.other.tmp");
    std::fs::write(&unrelated, "mine").unwrap();
    emu.eksup()
        .args(["utils", "write-kubeconfig", "--cluster", "demo", "--kubeconfig"])
        .arg(&config)
        .assert()
        .success();
    assert!(!stale.exists(), "the stale temporary file is still there");
    assert_eq!(std::fs::read_to_string(&unrelated).unwrap(), "mine");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".config.eksup.lock", ".config.other.tmp", "config"]);
}
