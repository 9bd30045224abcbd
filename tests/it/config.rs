//! Loading configs through the real binary: eksctl's own examples, our examples, diagnostics,
//! the plan outputs, and eksctl's JSON Schema as the judge of what we print in its format.

use std::path::PathBuf;

use crate::support::offline::{eksup, yaml_files};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    root().join("..").join("shared")
}

fn eksctl_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(shared().join("eksctl-schema/clusterconfig.schema.json"))
        .expect("eksctl schema");
    // eksctl names some definitions after Go import paths with `|`, which is not valid in a
    // URI reference; rename them consistently (keys and `$ref`s) so the schema compiles.
    let mut schema: serde_json::Value =
        serde_json::from_str(&text.replace('|', "_")).expect("schema is JSON");
    // eksctl's generator contradicts itself on identity providers: `IdentityProvider` requires
    // `type` and is `oneOf` an `OIDCIdentityProvider` that allows no `type` (eksctl's Go type
    // reads `type`, then the rest as the provider). Its own example 27 fails that schema; the
    // provider takes the `type` it requires.
    schema["definitions"]["OIDCIdentityProvider"]["properties"]["type"] =
        serde_json::json!({ "type": "string", "enum": ["oidc"] });
    // And it requires `remoteNetworkConfig.vpcGatewayID`, which eksctl's Go type marks
    // `omitempty` and its example 43 leaves out.
    schema["definitions"]["RemoteNetworkConfig"]["required"] = serde_json::json!(["remoteNodeNetworks"]);
    jsonschema::validator_for(&schema).expect("eksctl's schema compiles")
}

fn assert_valid_eksctl(validator: &jsonschema::Validator, yaml: &str, what: &str) {
    let value: serde_json::Value =
        serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("{what}: output is not YAML: {e}"));
    let errors: Vec<String> =
        validator.iter_errors(&value).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(
        errors.is_empty(),
        "{what}: `-o yaml` is not valid eksctl input:\n{}\n---\n{yaml}",
        errors.join("\n")
    );
}

#[test]
fn every_eksctl_example_loads_or_is_refused_precisely() {
    let validator = eksctl_schema();
    // A user's home with the SSH public keys the examples import (`~/.ssh/...`).
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join(".ssh")).unwrap();
    let key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mL0f5tFWPpSUIdrpaGMXXR0OQrzbjdoKOoTTbs+z user@host\n";
    for file in ["id_rsa.pub", "id_rsa_tests.pub", "ec2_id_rsa.pub"] {
        std::fs::write(home.path().join(".ssh").join(file), key).unwrap();
    }
    let eksup = || crate::support::hermetic(home.path());
    let (mut accepted, mut refused) = (Vec::new(), Vec::new());
    for file in yaml_files(&shared().join("eksctl-examples")) {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let out = eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                // its defaulted form is still eksctl input
                let yaml = eksup()
                    .args(["create", "cluster", "--dry-run", "-o", "yaml", "-f"])
                    .arg(&file)
                    .output()
                    .unwrap();
                assert!(yaml.status.success(), "{name}: -o yaml failed");
                assert_valid_eksctl(&validator, &String::from_utf8_lossy(&yaml.stdout), &name);
                accepted.push(name);
            }
            Some(1) => {
                let problems: Vec<&str> =
                    stderr.lines().filter(|l| l.starts_with("error: ") && l.contains(".yaml:")).collect();
                assert!(!problems.is_empty(), "{name}: refused without a located problem:\n{stderr}");
                for p in &problems {
                    // An eksctl field eksup does not build yet, a Kubernetes version EKS no
                    // longer creates clusters with (31-override-bootstrap-command asks for 1.21),
                    // an ARN IAM would refuse (17-permissions-boundary has `arn:aws:iam:11111:`), or
                    // a repair action EKS does not take (44-node-repair has `Terminate`), or subnets
                    // and groups of another VPC for the control plane (38-cluster-subnets-sgs), or
                    // placeholders for an Identity Center instance and its users (48-...-argocd-capabilities).
                    assert!(
                        p.contains(": not supported yet: ")
                            || p.contains("is not a version EKS creates clusters with")
                            || p.contains("is not an ARN")
                            || (p.contains(".repairAction: `") && p.contains("is not one of"))
                            || p.contains("but eksup creates this cluster's VPC")
                            || p.contains("is not an IAM Identity Center instance ARN")
                            || p.contains("is not an IAM Identity Center user or group id"),
                        "{name}: refused for something else than an unsupported field or version:\n{p}"
                    );
                    // Of the examples' fields, eksup leaves only Outposts, Karpenter's Helm chart
                    // and Flux to other tools, and says which.
                    if let Some((_, field)) = p.split_once(": not supported yet: ") {
                        let field = field.split(' ').next().unwrap_or_default();
                        let instead = match field {
                            "outpost" => "with eksctl",
                            "karpenter" => "autoModeConfig",
                            "gitops" => "flux bootstrap",
                            other => panic!("{name}: `{other}` is refused as not supported:\n{stderr}"),
                        };
                        assert!(
                            stderr.contains(instead),
                            "{name}: `{field}` refused without `{instead}`:\n{stderr}"
                        );
                    }
                }
                refused.push(name);
            }
            other => panic!("{name}: exit code {other:?}\n{stderr}"),
        }
    }
    eprintln!(
        "eksctl examples: {} accepted, {} refused, each problem located",
        accepted.len(),
        refused.len()
    );
    eprintln!("accepted: {}", accepted.join(", "));
    assert_eq!(accepted.len() + refused.len(), 49, "all 49 examples were read");
    assert!(accepted.len() >= 34, "too few examples accepted: {accepted:?}");
    for example in [
        "13-iamserviceaccounts.yaml",
        "05-advanced-nodegroups.yaml",
        "06-csi-drivers.yaml",
        "46-control-plane-scaling-config.yaml",
        "11-cloudwatch-cluster-logging.yaml",
        "07-ssh-keys.yaml",
        "49-control-plane-on-private-subnets.yaml",
        "08-spot-instances.yaml",
        "20-bottlerocket.yaml",
        "28-instance-selector.yaml",
        "27-oidc-provider.yaml",
        "39-pod-identity-association.yaml",
        "42-auto-mode.yaml",
        "43-hybrid-nodes.yaml",
        "47-auto-mode-with-ack-kro-capabilities.yaml",
        "14-windows-nodes.yaml",
        "32-windows-nodes-with-containerd.yaml",
        "02-custom-vpc-cidr-no-nodes.yaml",
        "33-local-zones.yaml",
        "35-iamidentitymappings.yaml",
    ] {
        assert!(accepted.iter().any(|a| a == example), "{example} not in {accepted:?}");
    }
}

/// Snapshot of each of our examples' dry-run: `EKSUP_UPDATE_SNAPSHOTS=1` rewrites them.
#[test]
fn example_dry_runs_match_their_snapshots() {
    let validator = eksctl_schema();
    let update = std::env::var_os("EKSUP_UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for file in yaml_files(&root().join("examples")) {
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        let out = eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file).output().unwrap();
        assert!(out.status.success(), "{stem}: {}", String::from_utf8_lossy(&out.stderr));
        let got = String::from_utf8(out.stdout).unwrap();
        let snap = root().join("tests/snapshots").join(format!("{stem}.plan.txt"));
        if update {
            std::fs::create_dir_all(snap.parent().unwrap()).unwrap();
            std::fs::write(&snap, &got).unwrap();
        } else {
            let want = std::fs::read_to_string(&snap).unwrap_or_default();
            if want != got {
                stale.push(format!("{stem}:\n--- want\n{want}\n--- got\n{got}"));
            }
        }
        let yaml =
            eksup().args(["create", "cluster", "--dry-run", "-o", "yaml", "-f"]).arg(&file).output().unwrap();
        let text = String::from_utf8_lossy(&yaml.stdout).to_string();
        if text.contains("apiVersion: eksctl.io/v1alpha5") {
            assert_valid_eksctl(&validator, &text, &stem);
        }
        // what we print loads again, unchanged
        let again = eksup()
            .args(["create", "cluster", "--dry-run", "-o", "yaml", "-f", "-"])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&again.stdout),
            text,
            "{stem}: the defaulted config is not stable"
        );
    }
    assert!(
        stale.is_empty(),
        "dry-run output changed (EKSUP_UPDATE_SNAPSHOTS=1 to accept):\n{}",
        stale.join("\n")
    );
}

#[test]
fn problems_are_reported_together_with_lines_and_hints() {
    let config = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\nvpc:\n  cidr: 10.0.0.0/8\nmanagedNodeGroups:\n  - name: ng\n    instanceTyp: m5.large\n    volumeType: gp9\n";
    let out =
        eksup().args(["create", "cluster", "--dry-run", "-f", "-"]).write_stdin(config).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing on stdout when the config is bad");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: <stdin>:10:5: managedNodeGroups[0].instanceTyp: unknown field `instanceTyp`"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: did you mean `instanceType`?"), "{stderr}");
    assert!(
        stderr.contains("error: <stdin>:7:3: vpc.cidr: `10.0.0.0/8`: the prefix must be /16 to /24"),
        "{stderr}"
    );
    assert!(stderr.contains("managedNodeGroups[0].volumeType: `gp9` is not one of"), "{stderr}");
    assert!(stderr.contains("error: `<stdin>` has 3 problems"), "{stderr}");
}

/// `efaEnabled` where EFA cannot work: a group over two zones (eksctl's rule) and a managed
/// group with its own launch template (eksctl ignores `efaEnabled` there without a word), each
/// refused at its line with what to do.
#[test]
fn efa_groups_over_two_zones_or_with_their_own_template_are_refused_at_the_field() {
    let config = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\nnodeGroups:\n  - name: ng\n    instanceType: c5n.18xlarge\n    availabilityZones: [us-west-2a, us-west-2b]\n    efaEnabled: true\nmanagedNodeGroups:\n  - name: mng\n    launchTemplate: {id: lt-0123456789abcdef0}\n    efaEnabled: true\n";
    let out =
        eksup().args(["create", "cluster", "--dry-run", "-f", "-"]).write_stdin(config).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for expected in [
        "error: <stdin>:10:5: nodeGroups[0].efaEnabled: a node group with EFA must have only one subnet or one availability zone",
        "hint: keep one entry in `availabilityZones` or `subnets`",
        "error: <stdin>:14:5: managedNodeGroups[0].efaEnabled: cannot be set in a managed node group when a launch template is supplied",
        "hint: put the `efa` network interfaces in your launch template and remove `efaEnabled`, or remove `launchTemplate`",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
}

/// `create nodegroup` of an EFA group brings the EFA device plugin along (as eksctl's does);
/// of another group, not.
#[test]
fn create_nodegroup_of_an_efa_group_applies_the_device_plugin() {
    let config = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: efa\n  region: us-west-2\nnodeGroups:\n  - name: plain\n  - name: fast\n    instanceType: c5n.18xlarge\n    availabilityZones: [us-west-2a]\n    efaEnabled: true\n";
    let steps = |group: &str| -> Vec<String> {
        let out = eksup()
            .args(["create", "nodegroup", "--dry-run", "-o", "json", "--include", group, "-f", "-"])
            .write_stdin(config)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        plan["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
    };
    let fast = steps("fast");
    for id in ["device-plugin-efa", "placement-group-fast", "security-group-efa-fast", "launch-template-fast"]
    {
        assert!(fast.contains(&id.to_string()), "{id}: {fast:?}");
    }
    let plain = steps("plain");
    assert!(!plain.iter().any(|s| s.contains("efa")), "{plain:?}");
}

#[test]
fn json_plan_has_steps_dependencies_and_an_estimate() {
    let out = eksup()
        .args(["create", "cluster", "--dry-run", "-o", "json", "-f"])
        .arg(root().join("examples/managed.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let steps = doc["plan"]["steps"].as_array().expect("steps");
    let ids: Vec<&str> = steps.iter().filter_map(|s| s["id"].as_str()).collect();
    for want in [
        "vpc",
        "internet-gateway",
        "nat-gateway",
        "iam-role-cluster",
        "control-plane",
        "nodegroup-ng-1",
        "launch-template-ng-1",
        "kubeconfig",
    ] {
        assert!(ids.contains(&want), "missing step {want}: {ids:?}");
    }
    let ng = steps.iter().find(|s| s["id"] == "nodegroup-ng-1").unwrap();
    assert!(ng["dependsOn"].as_array().unwrap().iter().any(|d| d == "control-plane"));
    assert_eq!(ng["resource"]["desiredSize"], 2);
    assert!(doc["estimatedSeconds"].as_u64().unwrap() > 540);
    assert_eq!(
        doc["criticalPath"]["steps"].as_array().unwrap().iter().filter(|s| *s == "control-plane").count(),
        1
    );
}

#[test]
fn quick_flags_give_the_same_config_as_yaml() {
    let flags = eksup()
        .args([
            "--region",
            "us-west-2",
            "create",
            "cluster",
            "--name",
            "demo",
            "--version",
            "1.34",
            "--nodes",
            "2",
            "--node-type",
            "m5.large",
            "--nodegroup-name",
            "ng-1",
            "--tags",
            "team=platform",
            "--dry-run",
            "-o",
            "yaml",
        ])
        .output()
        .unwrap();
    assert!(flags.status.success(), "{}", String::from_utf8_lossy(&flags.stderr));
    let file = eksup()
        .args(["create", "cluster", "--dry-run", "-o", "yaml", "-f"])
        .arg(root().join("examples/managed.yaml"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&flags.stdout), String::from_utf8_lossy(&file.stdout));
}

/// The `create cluster` flags newcomers type most from eksctl give the config their YAML gives.
#[test]
fn eksctl_node_and_vpc_flags_give_the_same_config_as_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("id.pub");
    std::fs::write(
        &key,
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHV0dGVybHkgYSB0ZXN0IGtleSBmb3IgZWtzdXA= me@host\n",
    )
    .unwrap();
    let dry = |args: &[&str]| {
        let out = eksup()
            .args(["--region", "us-west-2", "create", "cluster", "--dry-run", "-o", "yaml"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let yaml = |body: &str| {
        let file = dir.path().join("c.yaml");
        std::fs::write(&file, format!("{HEAD}{body}")).unwrap();
        dry(&["-f", file.to_str().unwrap()])
    };
    let key_path = key.display().to_string();
    let flags = dry(&[
        "--name",
        "demo",
        "--zones",
        "us-west-2a,us-west-2b",
        "--node-zones",
        "us-west-2b",
        "--node-labels",
        "role=web,tier=1",
        "--max-pods-per-node",
        "50",
        "--ssh-public-key",
        &key_path,
    ]);
    let file = yaml(&format!(
        "availabilityZones: [us-west-2a, us-west-2b]\nmanagedNodeGroups:\n  - name: ng-1\n    availabilityZones: [us-west-2b]\n    labels: {{role: web, tier: \"1\"}}\n    maxPodsPerNode: 50\n    ssh: {{allow: true, publicKeyPath: {key_path}}}\n"
    ));
    assert_eq!(flags, file);
    // A key that is no file names an EC2 key pair.
    let flags = dry(&["--name", "demo", "--ssh-access", "--ssh-public-key", "team-key"]);
    assert_eq!(
        flags,
        yaml("managedNodeGroups:\n  - name: ng-1\n    ssh: {allow: true, publicKeyName: team-key}\n")
    );
    // Auto Mode: no node group.
    let flags = dry(&["--name", "demo", "--enable-auto-mode"]);
    assert_eq!(flags, yaml("autoModeConfig: {enabled: true}\n"));
    assert!(!flags.contains("managedNodeGroups"), "{flags}");
    // Subnets of an existing VPC.
    let out = eksup()
        .args([
            "--region",
            "us-west-2",
            "create",
            "cluster",
            "--dry-run",
            "--name",
            "demo",
            "--vpc-private-subnets",
            "subnet-1,subnet-2",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("existing VPC of the given subnets"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = eksup()
        .args([
            "create",
            "cluster",
            "--dry-run",
            "--name",
            "demo",
            "--vpc-public-subnets",
            "subnet-1",
            "--zones",
            "us-west-2a,us-west-2b",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "flags that cannot go together");
}

#[test]
fn missing_file_and_mixed_flags_are_clear_errors() {
    let out =
        eksup().args(["create", "cluster", "--dry-run", "-f", "/nonexistent/cluster.yaml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read `/nonexistent/cluster.yaml`"));
    let out = eksup()
        .args(["create", "cluster", "--dry-run", "--name", "x", "-f"])
        .arg(root().join("examples/managed.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn dry_run_without_credentials_assumes_zones_and_says_so() {
    let out = eksup()
        .args(["create", "cluster", "--dry-run", "-f"])
        .arg(root().join("examples/managed.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("assuming zones `us-west-2a`, `us-west-2b`, `us-west-2c`")
    );
}

#[test]
fn schema_command_prints_our_json_schema() {
    let out = eksup().args(["utils", "schema"]).output().unwrap();
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(schema["$defs"]["ManagedNodeGroup"]["properties"]["instanceType"].is_object());
    let validator = jsonschema::validator_for(&schema).expect("our schema compiles");
    let ok: serde_json::Value = serde_json::json!({"apiVersion": "eksctl.io/v1alpha5", "kind": "ClusterConfig", "metadata": {"name": "a", "region": "b"}});
    assert!(validator.is_valid(&ok));
}

const HEAD: &str =
    "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n";

#[test]
fn a_config_larger_than_4_mib_is_refused_from_a_file_and_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.yaml");
    // Valid YAML all the way: only its size is wrong.
    let mut text = HEAD.to_string();
    while text.len() <= 4 * 1024 * 1024 {
        text.push_str("# a comment line to make the file larger than the limit of eksup's loader\n");
    }
    std::fs::write(&path, &text).unwrap();
    let out = eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("error: config `{}` is larger than 4 MiB", path.display())), "{stderr}");
    assert!(
        stderr.contains("hint: a ClusterConfig is a few kilobytes: check the path given to `-f`"),
        "{stderr}"
    );
    let out = eksup().args(["create", "cluster", "--dry-run", "-f", "-"]).write_stdin(text).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: config `<stdin>` is larger than 4 MiB"), "{stderr}");
    assert!(stderr.contains("check what is sent to `-f -`"), "{stderr}");
    // Just under the limit, the same text loads.
    let fits = format!("{HEAD}{}", "# comment\n".repeat(400_000));
    let out = eksup().args(["create", "cluster", "--dry-run", "-f", "-"]).write_stdin(fits).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn dev_zero_fails_at_once() {
    // Reading all of it grows without end; the loader stops one byte past 4 MiB. (The timeout
    // only keeps a regression from hanging the suite.)
    let out = eksup()
        .args(["create", "cluster", "--dry-run", "-f", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error: config `/dev/zero` is larger than 4 MiB"), "{stderr}");
}

#[test]
fn invalid_utf8_has_its_line_column_and_an_encoding_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.yaml");
    // `équipe` written in Latin-1: 0xe9 is not UTF-8.
    std::fs::write(&path, [HEAD.as_bytes(), b"  tags:\n    team: \xe9quipe\n"].concat()).unwrap();
    let out = eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "error: config `{}` is not UTF-8: byte `0xe9` at line 7 column 11",
            path.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("hint: save the file as UTF-8"), "{stderr}");
    assert!(!stderr.contains("check the path"), "the path is fine, the encoding is not: {stderr}");
}

#[test]
fn a_hundred_thousand_tags_are_refused_at_their_line() {
    let mut text = format!("{HEAD}  tags:\n");
    for i in 0..100_000 {
        text.push_str(&format!("    team-{i}: value-{i}\n"));
    }
    let out = eksup().args(["create", "cluster", "--dry-run", "-f", "-"]).write_stdin(text).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error: <stdin>:6:3: metadata.tags: `100000` tags, but at most `42` fit"),
        "{stderr}"
    );
}
