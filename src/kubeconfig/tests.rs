//! Unit tests of the merge, the names and the file handling.

use std::path::Path;

use serde_json::Value;

use super::*;

fn entry(names: EntryNames) -> ClusterEntry {
    ClusterEntry {
        names,
        eks_cluster: "demo".into(),
        region: "us-west-2".into(),
        server: "https://ABC.gr7.us-west-2.eks.amazonaws.com".into(),
        certificate_authority_data: Some("LS0tLS1CRUdJTg==".into()),
        exec: ExecPlugin::eksup_with_command("eksup".into(), "demo", "us-west-2", None, Some("dev")),
        namespace: None,
    }
}

fn std_entry() -> ClusterEntry {
    entry(EntryNames::standard("alice", "demo", "us-west-2"))
}

const OTHER: &str = r#"apiVersion: v1
kind: Config
preferences:
  colors: true
clusters:
- name: kind-kind
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: QUJD
    tls-server-name: kind
  unknown-entry-field: keep-me
users:
- name: kind-kind
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
contexts:
- name: kind-kind
  context:
    cluster: kind-kind
    user: kind-kind
    namespace: dev
current-context: kind-kind
x-unknown-top-level:
  nested: [1, 2, "3"]
extensions:
- name: something
  extension:
    a: b
"#;

fn to_json(doc: &Document) -> Value {
    // Re-parse the rendered text: what a reader of the file sees.
    serde_saphyr::from_str(&doc.render()).unwrap()
}

#[test]
fn names_follow_the_documented_scheme() {
    let n = EntryNames::standard("alice", "demo", "us-west-2");
    assert_eq!(n.cluster, "demo.us-west-2.eksup.io");
    assert_eq!(n.user, "alice@demo.us-west-2.eksup.io");
    assert_eq!(n.context, "alice@demo.us-west-2.eksup.io");
    assert_eq!(
        EntryNames::alias("prod"),
        EntryNames { cluster: "prod".into(), user: "prod".into(), context: "prod".into() }
    );
}

#[test]
fn iam_user_is_the_last_arn_segment() {
    assert_eq!(iam_user_from_arn("arn:aws:iam::123456789012:user/alice"), "alice");
    assert_eq!(iam_user_from_arn("arn:aws:iam::123456789012:user/team/dev/alice"), "alice");
    assert_eq!(
        iam_user_from_arn("arn:aws:sts::123456789012:assumed-role/Admin/bob@example.com"),
        "bob@example.com"
    );
    assert_eq!(iam_user_from_arn("arn:aws:sts::123456789012:federated-user/carol"), "carol");
    assert_eq!(iam_user_from_arn("arn:aws:iam::123456789012:root"), "iam-root-account");
    assert_eq!(iam_user_from_arn("arn:aws-cn:iam::123456789012:user/dan"), "dan");
}

#[test]
fn merge_into_an_empty_file_writes_what_kubectl_expects() {
    let mut doc = Document::parse("").unwrap();
    doc.merge(&std_entry(), true);
    let v = to_json(&doc);
    assert_eq!(v["apiVersion"], "v1");
    assert_eq!(v["kind"], "Config");
    assert_eq!(v["current-context"], "alice@demo.us-west-2.eksup.io");
    let cluster = &v["clusters"][0];
    assert_eq!(cluster["name"], "demo.us-west-2.eksup.io");
    assert_eq!(cluster["cluster"]["server"], "https://ABC.gr7.us-west-2.eks.amazonaws.com");
    assert_eq!(cluster["cluster"]["certificate-authority-data"], "LS0tLS1CRUdJTg==");
    assert_eq!(cluster["cluster"]["extensions"][0]["name"], "eksup.io");
    assert_eq!(cluster["cluster"]["extensions"][0]["extension"]["cluster"], "demo");
    let exec = &v["users"][0]["user"]["exec"];
    assert_eq!(exec["apiVersion"], "client.authentication.k8s.io/v1beta1");
    assert_eq!(exec["command"], "eksup");
    assert_eq!(
        exec["args"],
        serde_json::json!(["get-token", "--cluster-name", "demo", "--region", "us-west-2"])
    );
    assert_eq!(exec["env"], serde_json::json!([{ "name": "AWS_PROFILE", "value": "dev" }]));
    assert_eq!(exec["interactiveMode"], "Never");
    assert_eq!(exec["provideClusterInfo"], false);
    let ctx = &v["contexts"][0];
    assert_eq!(ctx["name"], "alice@demo.us-west-2.eksup.io");
    assert_eq!(ctx["context"]["cluster"], "demo.us-west-2.eksup.io");
    assert_eq!(ctx["context"]["user"], "alice@demo.us-west-2.eksup.io");
}

#[test]
fn merge_keeps_every_other_entry_and_unknown_field() {
    let before: Value = serde_saphyr::from_str(OTHER).unwrap();
    let mut doc = Document::parse(OTHER).unwrap();
    doc.merge(&std_entry(), false);
    let after = to_json(&doc);
    // Everything that was there is there, unchanged, in the same order.
    for key in ["apiVersion", "kind", "preferences", "current-context", "x-unknown-top-level", "extensions"] {
        assert_eq!(after[key], before[key], "{key}");
    }
    for section in ["clusters", "users", "contexts"] {
        assert_eq!(after[section][0], before[section][0], "{section}");
        assert_eq!(after[section].as_array().unwrap().len(), 2, "{section}");
    }
    let keys: Vec<&String> = after.as_object().unwrap().keys().collect();
    let before_keys: Vec<&String> = before.as_object().unwrap().keys().collect();
    assert_eq!(keys, before_keys);
}

#[test]
fn set_current_switches_the_context() {
    let mut doc = Document::parse(OTHER).unwrap();
    doc.merge(&std_entry(), true);
    assert_eq!(doc.current_context(), Some("alice@demo.us-west-2.eksup.io"));
}

#[test]
fn refresh_updates_in_place_keeps_extra_cluster_fields_and_namespace() {
    let mut doc = Document::parse(OTHER).unwrap();
    doc.merge(&std_entry(), false);
    // The user edits the entries by hand.
    let mut text = doc.render();
    text = text.replace("server: https://ABC", "proxy-url: socks5://localhost:1080\n    server: https://OLD");
    let mut doc = Document::parse(&text).unwrap();
    let mut e = std_entry();
    e.namespace = Some("team-a".into());
    doc.merge(&e, false);
    let mut e = std_entry();
    e.server = "https://NEW.example".into();
    doc.merge(&e, false);
    let v = to_json(&doc);
    assert_eq!(v["clusters"].as_array().unwrap().len(), 2);
    assert_eq!(v["users"].as_array().unwrap().len(), 2);
    assert_eq!(v["contexts"].as_array().unwrap().len(), 2);
    let c = &v["clusters"][1]["cluster"];
    assert_eq!(c["server"], "https://NEW.example");
    assert_eq!(c["proxy-url"], "socks5://localhost:1080");
    assert_eq!(c["extensions"].as_array().unwrap().len(), 1, "one eksup extension, not two");
    assert_eq!(v["contexts"][1]["context"]["namespace"], "team-a", "a refresh keeps the namespace");
}

#[test]
fn user_entry_is_replaced_whole() {
    let text = r#"users:
- name: alice@demo.us-west-2.eksup.io
  user:
    token: old-static-token
"#;
    let mut doc = Document::parse(text).unwrap();
    doc.merge(&std_entry(), false);
    let v = to_json(&doc);
    assert!(v["users"][0]["user"].get("token").is_none());
    assert_eq!(v["users"][0]["user"]["exec"]["command"], "eksup");
}

#[test]
fn ca_file_is_replaced_by_ca_data() {
    let text = "clusters:\n- name: demo.us-west-2.eksup.io\n  cluster:\n    certificate-authority: /tmp/ca.pem\n    server: https://x\n";
    let mut doc = Document::parse(text).unwrap();
    doc.merge(&std_entry(), false);
    let c = doc.get(Section::Clusters, "demo.us-west-2.eksup.io").unwrap();
    assert!(c.get("certificate-authority").is_none());
    assert_eq!(c.get("certificate-authority-data").and_then(yaml::Node::as_str), Some("LS0tLS1CRUdJTg=="));
}

#[test]
fn null_sections_as_kubectl_writes_them_are_fine() {
    let text = "apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: \"\"\nkind: Config\npreferences: {}\nusers: null\n";
    let mut doc = Document::parse(text).unwrap();
    doc.merge(&std_entry(), true);
    assert_eq!(doc.names(Section::Users), ["alice@demo.us-west-2.eksup.io"]);
}

#[test]
fn comment_only_file_is_empty() {
    assert_eq!(Document::parse("# nothing here\n\n").unwrap(), Document::empty());
}

#[test]
fn broken_files_are_errors_with_a_line() {
    let e = Document::parse("apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: \n").unwrap_err();
    assert!(e.line.is_some(), "{e:?}");
    let e = Document::parse("apiVersion: v1\nkind: Config\nclusters:\n  - name: x\n   bad: indent\n")
        .unwrap_err();
    assert!(e.line.is_some(), "{e:?}");
    for (text, needle) in [
        ("- a\n- b\n", "top level"),
        ("clusters: {a: b}\n", "`clusters` is a mapping"),
        ("users:\n- just-a-string\n", "`users[0]`"),
        ("contexts:\n- name: x\n  context: [1]\n", "`contexts[0].context`"),
        ("current-context: [a]\n", "current-context"),
    ] {
        let e = Document::parse(text).unwrap_err();
        assert!(e.message.contains(needle), "{text:?}: {e:?}");
    }
}

#[test]
fn remove_takes_out_standard_and_aliased_entries_only() {
    let mut doc = Document::parse(OTHER).unwrap();
    doc.merge(&std_entry(), false);
    doc.merge(&entry(EntryNames::alias("prod")), true);
    // Another eksup cluster, same account.
    let mut other = std_entry();
    other.eks_cluster = "other".into();
    other.names = EntryNames::standard("alice", "other", "us-west-2");
    other.exec = ExecPlugin::eksup_with_command("eksup".into(), "other", "us-west-2", None, None);
    doc.merge(&other, false);
    // Same cluster name, other region.
    let mut east = std_entry();
    east.region = "us-east-1".into();
    east.names = EntryNames::standard("alice", "demo", "us-east-1");
    east.exec = ExecPlugin::eksup_with_command("eksup".into(), "demo", "us-east-1", None, None);
    doc.merge(&east, false);

    let removed = doc.remove_cluster("demo", "us-west-2");
    assert_eq!(removed.clusters, ["demo.us-west-2.eksup.io", "prod"]);
    assert_eq!(removed.contexts, ["alice@demo.us-west-2.eksup.io", "prod"]);
    assert_eq!(removed.users, ["alice@demo.us-west-2.eksup.io", "prod"]);
    assert_eq!(removed.current_context_cleared.as_deref(), Some("prod"));
    assert_eq!(doc.current_context(), None);
    assert_eq!(
        doc.names(Section::Clusters),
        ["kind-kind", "other.us-west-2.eksup.io", "demo.us-east-1.eksup.io"]
    );
    assert_eq!(
        doc.names(Section::Users),
        ["kind-kind", "alice@other.us-west-2.eksup.io", "alice@demo.us-east-1.eksup.io"]
    );
    // Nothing left to remove the second time.
    assert!(doc.remove_cluster("demo", "us-west-2").is_empty());
}

#[test]
fn remove_keeps_a_user_still_used_by_another_context_and_a_foreign_current_context() {
    let mut doc = Document::parse(OTHER).unwrap();
    doc.merge(&std_entry(), false);
    // A hand-made context that reuses eksup's user for another cluster.
    let mut shared = std_entry();
    shared.names = EntryNames {
        cluster: "kind-kind".into(),
        user: "alice@demo.us-west-2.eksup.io".into(),
        context: "mine".into(),
    };
    doc.merge_context(&shared);
    let removed = doc.remove_cluster("demo", "us-west-2");
    assert_eq!(removed.contexts, ["alice@demo.us-west-2.eksup.io"]);
    assert!(removed.users.is_empty());
    assert_eq!(removed.current_context_cleared, None);
    assert_eq!(doc.current_context(), Some("kind-kind"));
}

#[test]
fn aws_cli_authenticator() {
    let exec = ExecPlugin::aws_cli("demo", "eu-west-1", Some("arn:aws:iam::1:role/r"), None).to_value();
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
            "eu-west-1",
            "--role-arn",
            "arn:aws:iam::1:role/r"
        ])
    );
}

#[test]
fn store_writes_0600_and_follows_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real-config");
    std::fs::write(&real, OTHER).unwrap();
    let link = dir.path().join("sub").join("config");
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&real, &link).unwrap();
    #[cfg(not(unix))]
    std::fs::copy(&real, &link).unwrap();
    let outcome = write_cluster_entries(&KubeconfigTarget::file(&link), &std_entry(), true).unwrap();
    assert_eq!(outcome.files, std::slice::from_ref(&link));
    assert!(!outcome.updated);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "still a link");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let doc = store::load(&real).unwrap();
    assert_eq!(doc.current_context(), Some("alice@demo.us-west-2.eksup.io"));
    let again = write_cluster_entries(&KubeconfigTarget::file(&link), &std_entry(), true).unwrap();
    assert!(again.updated);
    // No temporary files left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn store_never_touches_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    let broken = "apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: [\n";
    std::fs::write(&path, broken).unwrap();
    let err = write_cluster_entries(&KubeconfigTarget::file(&path), &std_entry(), true).unwrap_err();
    let msg = format!("{err}");
    assert!(msg.contains(&format!("cannot parse kubeconfig `{}` at line", path.display())), "{msg}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(remove_cluster_entries(&KubeconfigTarget::file(&path), "demo", "us-west-2").is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn kubeconfig_list_placement_follows_client_go() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    let c = dir.path().join("c");
    let env = std::env::join_paths([&a, &b, &c]).unwrap();
    let target = KubeconfigTarget::from_parts(None, Some(&env), Some(Path::new("/nonexistent"))).unwrap();

    // Nothing exists: the first file is created.
    write_cluster_entries(&target, &std_entry(), true).unwrap();
    assert!(a.exists() && !b.exists() && !c.exists());
    std::fs::remove_file(&a).unwrap();

    // `c` exists and already holds the user: the user is updated there, the rest goes to the
    // first existing file (`c` too), and the current-context as well.
    std::fs::write(&c, "users:\n- name: alice@demo.us-west-2.eksup.io\n  user: {token: x}\n").unwrap();
    std::fs::write(&b, OTHER).unwrap();
    let outcome = write_cluster_entries(&target, &std_entry(), true).unwrap();
    assert_eq!(outcome.files.len(), 2, "{outcome:?}");
    let db = store::load(&b).unwrap();
    let dc = store::load(&c).unwrap();
    assert!(db.contains(Section::Clusters, "demo.us-west-2.eksup.io"));
    assert!(db.contains(Section::Contexts, "alice@demo.us-west-2.eksup.io"));
    assert!(!db.contains(Section::Users, "alice@demo.us-west-2.eksup.io"));
    assert!(dc.get(Section::Users, "alice@demo.us-west-2.eksup.io").unwrap().contains_key("exec"));
    assert_eq!(db.current_context(), Some("alice@demo.us-west-2.eksup.io"));

    // Remove cleans every file.
    let removed = remove_cluster_entries(&target, "demo", "us-west-2").unwrap();
    assert_eq!(removed.files.len(), 2);
    assert_eq!(removed.current_context_cleared(), Some("alice@demo.us-west-2.eksup.io"));
    assert!(!store::load(&c).unwrap().contains(Section::Users, "alice@demo.us-west-2.eksup.io"));
    assert_eq!(store::load(&b).unwrap().names(Section::Clusters), ["kind-kind"]);
}

/// Unknown fields hold scalars that a trip through `f64`, `i64` or `serde_json::Value` changes.
const SCALARS: &str = "big: 123456789012345678901234567890
float: 1.0
hex: 0x1F
quoted: '42'
double-quoted: \"42\"
null-word: null
tilde: ~
empty:
tagged: !!str 0x10
";

#[test]
fn scalars_in_unknown_fields_and_extensions_are_kept_as_written() {
    let indented = |n: usize| SCALARS.lines().map(|l| format!("{}{l}\n", " ".repeat(n))).collect::<String>();
    let text = format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: kind-kind\n  cluster:\n    server: https://127.0.0.1:6443\n    extensions:\n    - name: mine\n      extension:\n{}preferences:\n  extensions:\n  - name: p\n    extension:\n{}x-unknown:\n{}{SCALARS}",
        indented(8),
        indented(6),
        indented(2),
    );
    let mut doc = Document::parse(&text).unwrap();
    doc.merge(&std_entry(), true);
    let out = doc.render();
    for (lines, indent) in [(SCALARS, 8), (SCALARS, 6), (SCALARS, 2), (SCALARS, 0)] {
        for line in lines.lines() {
            let want = format!("\n{}{line}\n", " ".repeat(indent));
            assert!(out.contains(&want), "{want:?} missing from:\n{out}");
        }
    }
    // and eksup's own entries are there too
    let v = to_json(&doc);
    assert_eq!(v["clusters"][1]["name"], "demo.us-west-2.eksup.io");
    assert_eq!(v["current-context"], "alice@demo.us-west-2.eksup.io");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    // Valid YAML; one byte of Latin-1 in a value.
    let bytes =
        b"apiVersion: v1\nkind: Config\nclusters:\n- name: caf\xe9\n  cluster:\n    server: https://x\n";
    std::fs::write(&path, bytes).unwrap();
    let target = KubeconfigTarget::file(&path);
    let err = write_cluster_entries(&target, &std_entry(), true).unwrap_err();
    assert_eq!(
        format!("{err}"),
        format!("cannot parse kubeconfig `{}` at line 4 column 12: byte `0xe9` is not UTF-8", path.display())
    );
    assert!(crate::error::hints_of(&err)[0].starts_with("save the file as UTF-8"), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(remove_cluster_entries(&target, "demo", "us-west-2").is_err());
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn stale_temporary_files_of_gone_writers_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config");
    std::fs::write(&path, OTHER).unwrap();
    // No process has a pid above the kernel's limit (at most 2^22).
    let gone = ".config.eksup-999999999-1764230400000000000.tmp";
    let alive = format!(".config.eksup-{}-1.tmp", std::process::id());
    let others = [
        ".config.other.tmp",
        ".other.eksup-999999999-1.tmp",
        ".config.eksup-999999999-1.tmp.keep",
        ".config.eksup-abc-1.tmp",
        "config.eksup-999999999-1.tmp",
        alive.as_str(),
    ];
    for name in others.iter().chain([&gone]) {
        std::fs::write(dir.path().join(name), OTHER).unwrap();
    }
    write_cluster_entries(&KubeconfigTarget::file(&path), &std_entry(), true).unwrap();
    assert!(!dir.path().join(gone).exists(), "the writer of {gone} is gone");
    for name in others {
        assert!(dir.path().join(name).exists(), "{name} was removed");
    }
    // remove_cluster_entries cleans up too
    std::fs::write(dir.path().join(gone), OTHER).unwrap();
    remove_cluster_entries(&KubeconfigTarget::file(&path), "demo", "us-west-2").unwrap();
    assert!(!dir.path().join(gone).exists());
}

#[test]
fn a_text_that_does_not_read_back_the_same_is_not_written() {
    let doc = Document::parse(OTHER).unwrap();
    let path = Path::new("config");
    assert!(store::check_round_trip(&doc, &doc.render(), path).is_ok());
    let changed = doc.render().replace("colors: true", "colors: 'true'");
    let err = store::check_round_trip(&doc, &changed, path).unwrap_err();
    assert!(format!("{err}").contains("so that it reads back the same; the file is unchanged"), "{err}");
    assert!(store::check_round_trip(&doc, "clusters: {", path).is_err());
}

#[test]
fn long_runs_of_comments_parse() {
    let comments: String = (0..300).map(|i| format!("# comment {i}\n")).collect();
    let text =
        format!("clusters:\n{comments}- name: a\n{comments}  cluster:\n    server: https://a\n{comments}");
    let doc = Document::parse(&text).unwrap();
    assert_eq!(doc.names(Section::Clusters), ["a"]);
}
