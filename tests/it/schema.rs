//! `eksup utils schema` against the loader: every example and every broken config goes through a
//! JSON Schema validator and through the real binary, and both must agree on valid or not.

use std::path::{Path, PathBuf};

use crate::support::offline::{eksup, yaml_files};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The schema as `eksup utils schema` prints it.
fn editor_schema() -> serde_json::Value {
    let out = eksup().args(["utils", "schema"]).output().unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

/// The document as an editor's YAML language server sees it (YAML 1.2, no eksup coercions).
fn as_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml_1_2 = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(&text, yaml_1_2)
        .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
}

fn schema_errors(validator: &jsonschema::Validator, doc: &serde_json::Value) -> Vec<String> {
    validator.iter_errors(doc).map(|e| format!("{} at `{}`", e, e.instance_path())).collect()
}

/// A home with the SSH public keys eksctl's examples import (`~/.ssh/...`): whether a file is
/// there is no matter for a schema.
fn home_with_keys() -> &'static Path {
    static HOME: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    HOME.get_or_init(|| {
        let home = tempfile::tempdir().unwrap();
        std::fs::create_dir(home.path().join(".ssh")).unwrap();
        let key =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mL0f5tFWPpSUIdrpaGMXXR0OQrzbjdoKOoTTbs+z user@host\n";
        for file in ["id_rsa.pub", "id_rsa_tests.pub", "ec2_id_rsa.pub"] {
            std::fs::write(home.path().join(".ssh").join(file), key).unwrap();
        }
        home
    })
    .path()
}

/// Whether the loader accepts the file: a dry-run with no AWS at all.
fn loader_accepts(path: &Path) -> (bool, String) {
    let out = crate::support::hermetic(home_with_keys())
        .args(["create", "cluster", "--dry-run", "-f"])
        .arg(path)
        .output()
        .unwrap();
    let code = out.status.code();
    assert!(matches!(code, Some(0 | 1)), "{}: exit code {code:?}", path.display());
    (code == Some(0), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn schema_and_loader_agree_on_every_example_and_every_broken_config() {
    let schema = editor_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let mut files = yaml_files(&root().join("examples"));
    files.extend(yaml_files(&root().join("examples/ci")));
    let eksctl = yaml_files(&root().join("../shared/eksctl-examples"));
    assert_eq!(eksctl.len(), 49, "eksctl's 49 examples");
    files.extend(eksctl);
    let broken = yaml_files(&root().join("tests/broken"));
    assert!(broken.len() >= 20, "the broken configs are there");
    files.extend(broken.iter().cloned());

    let mut disagreements = Vec::new();
    let (mut valid, mut invalid) = (0, 0);
    for file in &files {
        let name = file.strip_prefix(root()).unwrap_or(file).display().to_string();
        let (loads, stderr) = loader_accepts(file);
        let errors = schema_errors(&validator, &as_json(file));
        if broken.contains(file) {
            assert!(!loads, "{name}: a broken config loads");
        }
        match (loads, errors.is_empty()) {
            (true, true) => valid += 1,
            (false, false) => invalid += 1,
            (true, false) => disagreements.push(format!(
                "{name}: the loader accepts it, the schema refuses:\n  {}",
                errors.join("\n  ")
            )),
            (false, true) => {
                disagreements.push(format!("{name}: the schema accepts it, the loader refuses:\n{stderr}"))
            }
        }
    }
    eprintln!("schema and loader agree: {valid} valid, {invalid} invalid");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(valid >= 20 && invalid >= 40, "{valid} valid, {invalid} invalid");
}

#[test]
fn an_editor_flags_every_one_of_eight_mistakes() {
    let schema = editor_schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let file = root().join("tests/broken/eight-mistakes.yaml");
    let doc = as_json(&file);
    let mut paths: Vec<String> = validator.iter_errors(&doc).map(|e| e.instance_path().to_string()).collect();
    paths.sort();
    paths.dedup();
    let want = [
        "/managedNodeGroups/0",                   // instanceTyp
        "/managedNodeGroups/0/desiredCapacity",   // three
        "/managedNodeGroups/0/labels",            // a list
        "/managedNodeGroups/0/privateNetworking", // yes
        "/managedNodeGroups/0/volumeType",        // gp4
        "/metadata",                              // versoin
        "/vpc/cidr",                              // /33
        "/vpc/nat/gateway",                       // Singel
    ];
    assert_eq!(paths, want, "the schema's errors:\n{:#?}", schema_errors(&validator, &doc));
    // the loader reports the same eight, each on its line
    let (loads, stderr) = loader_accepts(&file);
    assert!(!loads);
    let located = stderr.lines().filter(|l| l.starts_with("error: ") && l.contains(".yaml:")).count();
    assert_eq!(located, 8, "{stderr}");
}

#[test]
fn the_schema_describes_unsupported_fields_and_defaults() {
    let schema = editor_schema();
    let ng = &schema["$defs"]["ManagedNodeGroup"]["properties"];
    assert_eq!(ng["instanceType"]["default"], "m5.large");
    assert!(ng["instanceType"]["description"].as_str().unwrap().contains("instance type"));
    assert!(ng["outpostARN"]["description"].as_str().unwrap().contains("not supported yet"));
    assert!(!ng["efaEnabled"]["description"].as_str().unwrap().contains("not supported yet"));
    assert_eq!(
        schema["properties"]["apiVersion"]["enum"],
        serde_json::json!(["eksctl.io/v1alpha5", "eksup.io/v1alpha1"])
    );
    // an eksup extension is valid in eksup's format only
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut doc = serde_json::json!({
        "apiVersion": "eksup.io/v1alpha1", "kind": "ClusterConfig",
        "metadata": {"name": "demo", "region": "us-west-2"},
        "ecr": {"repositories": [{"name": "team/app"}]},
    });
    assert!(validator.is_valid(&doc));
    doc["apiVersion"] = "eksctl.io/v1alpha5".into();
    assert!(!validator.is_valid(&doc));
}
