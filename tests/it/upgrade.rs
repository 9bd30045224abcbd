//! `upgrade cluster` and `upgrade nodegroup`: a plan without `--approve`; a skip, a node group
//! ahead of its control plane and EKS's failing upgrade insights refused with what to do; the
//! control plane moved one minor version and its add-ons after it; a managed node group rolled
//! onto new nodes (held by a PodDisruptionBudget until `--force-upgrade`) and Ready at the new
//! version in kubectl; `utils describe-cluster-versions`.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("bad JSON ({e}): {}", run.stdout))
}

/// `examples/managed.yaml` at Kubernetes `version`, with `extra` appended; returns its path.
fn config(emu: &Emulator, version: &str, extra: &str) -> String {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    let text = std::fs::read_to_string(example).unwrap();
    let text = text.replace("version: \"1.34\"", &format!("version: \"{version}\""));
    assert!(text.contains(&format!("version: \"{version}\"")), "the example's version moved");
    let path = emu.home().join("cluster.yaml");
    std::fs::write(&path, format!("{text}{extra}")).unwrap();
    path.to_string_lossy().into_owned()
}

fn cluster_version(emu: &Emulator) -> String {
    emu.aws(&["eks", "describe-cluster", "--name", "demo"])["cluster"]["version"]
        .as_str()
        .unwrap()
        .to_string()
}

fn addon_version(emu: &Emulator, name: &str) -> String {
    let addon = emu.aws(&["eks", "describe-addon", "--cluster-name", "demo", "--addon-name", name]);
    addon["addon"]["addonVersion"].as_str().unwrap().to_string()
}

/// The kubelet versions of the nodes kubectl lists, with their readiness.
fn kubelets(emu: &Emulator) -> Vec<(String, bool)> {
    let (ok, stdout, stderr) = emu.kubectl(&["get", "nodes", "-o", "json"]);
    assert!(ok, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let ready = |n: &Value| {
        n["status"]["conditions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["type"] == "Ready" && c["status"] == "True")
    };
    doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["status"]["nodeInfo"]["kubeletVersion"].as_str().unwrap().to_string(), ready(n)))
        .collect()
}

#[test]
fn a_cluster_and_its_node_group_move_to_the_next_kubernetes_version() {
    let emu = Emulator::builder().env("MOTO_EKS_UPDATE_SECONDS", "1").start();
    let file = config(&emu, "1.33", "");
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create cluster");
    let kube_proxy = addon_version(&emu, "kube-proxy");
    assert!(kube_proxy.starts_with("v1.33."), "{kube_proxy}");

    // The plan: the next minor version, the add-ons that must follow; nothing changes.
    let plan = eksup(&emu, &["upgrade", "cluster", "--name", "demo"]).expect(0, "plan");
    assert!(
        plan.stderr.contains("would upgrade the control plane of cluster `demo` from `1.33` to `1.34`"),
        "{}",
        plan.stderr
    );
    assert!(plan.stderr.contains(&format!("`kube-proxy` `{kube_proxy}` -> `v1.34.")), "{}", plan.stderr);
    assert!(plan.stderr.contains("`--approve`"), "{}", plan.stderr);
    assert_eq!(cluster_version(&emu), "1.33");

    // A skip is refused with the step to take first.
    let skip = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--version", "1.35", "--approve"]);
    let skip = skip.expect(2, "a skip of a minor version");
    assert!(skip.stderr.contains("one minor version at a time"), "{}", skip.stderr);
    assert!(skip.stderr.contains("hint:") && skip.stderr.contains("--version 1.34"), "{}", skip.stderr);
    // A node group cannot go ahead of its control plane.
    let ahead = eksup(
        &emu,
        &["upgrade", "nodegroup", "--cluster", "demo", "--name", "ng-1", "--kubernetes-version", "1.34"],
    );
    let ahead = ahead.expect(2, "a node group ahead of the control plane");
    assert!(ahead.stderr.contains("upgrade the control plane first"), "{}", ahead.stderr);
    assert_eq!(cluster_version(&emu), "1.33");

    // The upgrade, from the config file: control plane, then add-ons, each waited for.
    let done =
        eksup(&emu, &["upgrade", "cluster", "-f", &file, "--version", "1.34", "--approve", "-o", "json"]);
    let report = json(&done.expect(0, "upgrade cluster --approve"));
    assert_eq!(
        (report["action"].as_str(), report["to"].as_str()),
        (Some("upgraded"), Some("1.34")),
        "{report}"
    );
    let id = report["updateId"].as_str().unwrap();
    let update = emu.aws(&["eks", "describe-update", "--name", "demo", "--update-id", id]);
    assert_eq!(update["update"]["status"], "Successful", "eksup returned before the upgrade was done");
    assert_eq!(update["update"]["type"], "VersionUpdate");
    assert_eq!(cluster_version(&emu), "1.34");
    assert!(addon_version(&emu, "kube-proxy").starts_with("v1.34."), "kube-proxy did not follow");
    let (ok, server, stderr) = emu.kubectl(&["version", "-o", "json"]);
    assert!(ok, "{stderr}");
    let server: Value = serde_json::from_str(&server).unwrap();
    assert_eq!(server["serverVersion"]["minor"], "34+", "{server}");
    // The nodes are still at 1.33: within the skew Kubernetes allows.
    assert!(kubelets(&emu).iter().all(|(v, ready)| v.starts_with("v1.33.") && *ready));
    let again = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--version", "1.34"]);
    let again = again.expect(0, "the same again");
    assert!(again.stderr.contains("nothing to upgrade"), "{}", again.stderr);

    // EKS refuses the next upgrade while the managed node group is behind: eksup says so first.
    let behind = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--approve"]);
    let behind = behind.expect(1, "a node group behind the control plane");
    assert!(behind.stderr.contains("managed node group `ng-1` runs `1.33`"), "{}", behind.stderr);
    assert!(
        behind.stderr.contains("eksup upgrade nodegroup --cluster demo --name ng-1"),
        "{}",
        behind.stderr
    );
    assert_eq!(cluster_version(&emu), "1.34");

    // A budget that allows no disruption holds the old nodes: EKS's update fails, eksup says why.
    let nodes: Vec<String> = emu.nodes().into_iter().map(|(n, ..)| n).collect();
    emu.pod_kept_by_a_budget(&nodes[0]);
    let held = eksup(&emu, &["upgrade", "nodegroup", "--cluster", "demo", "--name", "ng-1"]);
    let held = held.expect(1, "a node group held by a budget");
    assert!(held.stderr.contains("PodEvictionFailure"), "{}", held.stderr);
    assert!(held.stderr.contains("--force-upgrade"), "{}", held.stderr);
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", "ng-1"]);
    assert_eq!(ng["nodegroup"]["version"], "1.33", "a failed update left the group at its version");

    // Forced: new nodes at 1.34, Ready; the old ones gone.
    let rolled = eksup(
        &emu,
        &["upgrade", "nodegroup", "--cluster", "demo", "--name", "ng-1", "--force-upgrade", "-o", "json"],
    );
    let report = json(&rolled.expect(0, "upgrade nodegroup --force-upgrade"));
    assert_eq!((report["from"].as_str(), report["to"].as_str()), (Some("1.33"), Some("1.34")), "{report}");
    assert_eq!(report["nodes"].as_array().unwrap().len(), 2, "{report}");
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", "ng-1"]);
    assert_eq!(
        (ng["nodegroup"]["version"].as_str(), ng["nodegroup"]["status"].as_str()),
        (Some("1.34"), Some("ACTIVE"))
    );
    let now = kubelets(&emu);
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.iter().all(|(v, ready)| v.starts_with("v1.34.") && *ready), "{now:?}");
    let names: Vec<String> = emu.nodes().into_iter().map(|(n, ..)| n).collect();
    assert!(names.iter().all(|n| !nodes.contains(n)), "old nodes left: {names:?} vs {nodes:?}");
}

#[test]
fn failing_upgrade_insights_block_the_upgrade_until_fixed() {
    let emu = Emulator::start();
    // vpc-cni v1.18 runs on Kubernetes 1.31 at most: EKS's add-on compatibility insight fails.
    let addons = "\naddons:\n  - name: vpc-cni\n    version: v1.18.6-eksbuild.1\n  - name: coredns\n  - name: kube-proxy\n";
    let file = config(&emu, "1.31", addons);
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &file]).expect(0, "create cluster");

    let plan = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "-o", "json"]);
    let plan = plan.expect(1, "a plan with a blocker");
    let report = json(&plan);
    let insight = report["insights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["status"] == "ERROR")
        .unwrap_or_else(|| panic!("no failing insight: {report}"));
    assert_eq!(insight["kubernetesVersion"], "1.32");
    assert!(plan.stderr.contains("cannot upgrade cluster `demo` to `1.32`"), "{}", plan.stderr);
    assert!(plan.stderr.contains(insight["name"].as_str().unwrap()), "{}", plan.stderr);
    assert!(plan.stderr.contains("--force"), "{}", plan.stderr);
    let refused = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--approve"]).expect(1, "approved");
    assert!(refused.stderr.contains("cannot upgrade"), "{}", refused.stderr);
    assert_eq!(cluster_version(&emu), "1.31", "a blocked upgrade changed the cluster");

    // The fix the insight asks for; then the upgrade goes, and vpc-cni needs no more change.
    eksup(&emu, &["update", "addon", "--cluster", "demo", "--name", "vpc-cni", "--version", "default"])
        .expect(0, "update vpc-cni");
    let done = eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--approve", "-o", "json"]);
    let report = json(&done.expect(0, "upgrade after the fix"));
    assert!(report["blockers"].as_array().unwrap().is_empty(), "{report}");
    assert_eq!(cluster_version(&emu), "1.32");
    assert!(addon_version(&emu, "kube-proxy").starts_with("v1.32."));
}

/// `metadata.forceUpdateVersion` and `metadata.rollbackConfig` of the file: `upgrade cluster -f`
/// goes past EKS's failing insights as `--force` does, and asks EKS to cancel the update after
/// the file's minutes (read back from the update's parameters with the AWS CLI); minutes outside
/// EKS's bounds are refused at their line.
#[test]
fn a_file_that_forces_the_upgrade_goes_past_failing_insights_with_its_rollback_timeout() {
    let emu = Emulator::start();
    let addons = "\naddons:\n  - name: vpc-cni\n    version: v1.18.6-eksbuild.1\n  - name: coredns\n  - name: kube-proxy\n";
    let file = config(&emu, "1.31", addons);
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &file]).expect(0, "create cluster");
    let text = std::fs::read_to_string(&file).unwrap().replace("version: \"1.31\"", "version: \"1.32\"");
    let forced = text.replace(
        "metadata:\n",
        "metadata:\n  forceUpdateVersion: true\n  rollbackConfig:\n    timeoutMinutes: 240\n",
    );
    assert!(forced.contains("forceUpdateVersion"), "{forced}");
    std::fs::write(&file, &forced).unwrap();
    let done = eksup(&emu, &["upgrade", "cluster", "-f", &file, "--approve", "-o", "json"]);
    let report = json(&done.expect(0, "a forced upgrade"));
    assert!(report["blockers"].as_array().unwrap().is_empty(), "{report}");
    assert!(report["insights"].as_array().unwrap().iter().any(|i| i["status"] == "ERROR"), "{report}");
    assert_eq!(cluster_version(&emu), "1.32");
    let id = report["updateId"].as_str().unwrap_or_else(|| panic!("no update id: {report}"));
    let update = emu.aws(&["eks", "describe-update", "--name", "demo", "--update-id", id]);
    let params = update["update"]["params"].as_array().unwrap();
    assert!(params.iter().any(|p| p["type"] == "RollbackTimeoutMinutes" && p["value"] == "240"), "{update}");

    let bad = forced.replace("timeoutMinutes: 240", "timeoutMinutes: 60");
    std::fs::write(&file, bad).unwrap();
    let refused = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]);
    assert_ne!(refused.code, 0, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(
            "metadata.rollbackConfig.timeoutMinutes: `60` is not between 120 (2 hours) and 10080 (7 days)"
        ),
        "{}",
        refused.stderr
    );
}

#[test]
fn describe_cluster_versions_lists_what_eks_offers() {
    let emu = Emulator::start();
    let all = eksup(&emu, &["utils", "describe-cluster-versions", "-o", "json"]).expect(0, "all");
    let all = json(&all);
    let versions: Vec<&str> =
        all.as_array().unwrap().iter().map(|v| v["version"].as_str().unwrap()).collect();
    assert!(versions.len() >= 4 && versions.contains(&"1.34"), "{versions:?}");
    let mut sorted = versions.clone();
    sorted.sort_by_key(|v| std::cmp::Reverse(v.trim_start_matches("1.").parse::<u32>().unwrap()));
    assert_eq!(versions, sorted, "newest first");
    let default = eksup(&emu, &["utils", "describe-cluster-versions", "--default-only", "-o", "json"]);
    let default = json(&default.expect(0, "default only"));
    assert_eq!(default.as_array().unwrap().len(), 1, "{default}");
    assert_eq!(default[0]["default"], true);
    let table = eksup(&emu, &["utils", "describe-cluster-versions", "--version-status", "EXTENDED_SUPPORT"]);
    let table = table.expect(0, "table");
    assert!(table.stdout.starts_with("VERSION"), "{}", table.stdout);
    assert!(table.stdout.lines().skip(1).all(|l| l.contains("EXTENDED_SUPPORT")), "{}", table.stdout);
}

#[test]
fn a_self_managed_node_group_is_rolled_by_an_instance_refresh_that_drains_each_node() {
    let emu = Emulator::start();
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/self-managed.yaml");
    let text = std::fs::read_to_string(example).unwrap().replace("version: \"1.34\"", "version: \"1.33\"");
    assert!(text.contains("\"1.33\""), "the example's version moved");
    let file = emu.home().join("cluster.yaml");
    std::fs::write(&file, text).unwrap();
    let file = file.to_string_lossy().into_owned();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create cluster");
    let group = |emu: &Emulator| {
        let groups = emu.aws(&["autoscaling", "describe-auto-scaling-groups"]);
        groups["AutoScalingGroups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["AutoScalingGroupName"].as_str().unwrap().contains("workers"))
            .cloned()
            .unwrap_or_else(|| panic!("no workers group: {groups}"))
    };
    let before = group(&emu);
    let old: Vec<String> = before["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap().into())
        .collect();
    assert_eq!(old.len(), 2);

    // Ahead of the control plane: refused.
    let ahead = eksup(
        &emu,
        &[
            "upgrade",
            "nodegroup",
            "--cluster",
            "self-managed",
            "--name",
            "workers",
            "--kubernetes-version",
            "1.34",
        ],
    );
    assert!(ahead.expect(2, "ahead").stderr.contains("upgrade the control plane first"));
    eksup(&emu, &["upgrade", "cluster", "--name", "self-managed", "--approve"]).expect(0, "upgrade cluster");

    // A bare pod on an old node, kept by a budget: `--force-upgrade` deletes it when its node goes.
    let nodes: Vec<String> = emu.nodes().into_iter().map(|(n, ..)| n).collect();
    emu.pod_kept_by_a_budget(&nodes[0]);
    let rolled = eksup(
        &emu,
        &[
            "upgrade",
            "nodegroup",
            "--cluster",
            "self-managed",
            "--name",
            "workers",
            "--force-upgrade",
            "-o",
            "json",
        ],
    );
    let report = json(&rolled.expect(0, "upgrade nodegroup"));
    assert_eq!(report["kind"], "self-managed", "{report}");
    assert_eq!((report["from"].as_str(), report["to"].as_str()), (Some("1.33"), Some("1.34")), "{report}");
    let mut drained: Vec<String> =
        report["drained"].as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()).collect();
    drained.sort();
    let mut expected = nodes.clone();
    expected.sort();
    assert_eq!(drained, expected, "every old node is drained before its instance goes");
    let (ok, _, _) = emu.kubectl(&["get", "pod", "kept", "-n", "default"]);
    assert!(!ok, "the pod on the drained node is gone");

    // The group: on a new template version whose image is 1.34's, new instances, no hook left.
    let after = group(&emu);
    let now: Vec<String> = after["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap().into())
        .collect();
    assert_eq!(now.len(), 2, "{after}");
    assert!(now.iter().all(|i| !old.contains(i)), "{now:?} vs {old:?}");
    let template = &after["LaunchTemplate"];
    assert_eq!(template["Version"].as_str(), report["launchTemplateVersion"].as_str(), "{after}");
    let versions = emu.aws(&[
        "ec2",
        "describe-launch-template-versions",
        "--launch-template-id",
        template["LaunchTemplateId"].as_str().unwrap(),
        "--versions",
        template["Version"].as_str().unwrap(),
    ]);
    let data = &versions["LaunchTemplateVersions"][0]["LaunchTemplateData"];
    let image = data["ImageId"].as_str().unwrap();
    let images = emu.aws(&["ec2", "describe-images", "--image-ids", image]);
    assert!(images["Images"][0]["Name"].as_str().unwrap().contains("-1.34-"), "{images}");
    assert!(data["UserData"].as_str().is_some_and(|u| !u.is_empty()), "the new version kept the user data");
    let name = after["AutoScalingGroupName"].as_str().unwrap();
    let hooks = emu.aws(&["autoscaling", "describe-lifecycle-hooks", "--auto-scaling-group-name", name]);
    assert_eq!(hooks["LifecycleHooks"].as_array().map(Vec::len), Some(0), "{hooks}");
    let now = kubelets(&emu);
    assert_eq!(now.len(), 2, "{now:?}");
    assert!(now.iter().all(|(v, ready)| v.starts_with("v1.34.") && *ready), "{now:?}");

    // The same again: the group runs 1.34's image already.
    let again = eksup(&emu, &["upgrade", "nodegroup", "--cluster", "self-managed", "--name", "workers"]);
    assert!(again.expect(0, "again").stderr.contains("nothing to upgrade"));
}

/// After `upgrade cluster`, the config at the new version: the dry-run shows the node group
/// behind (`~ version`), the re-run rolls it onto nodes of that version, and its add-ons follow
/// the file. A group ahead of a control plane that is behind is `!` with what to do first.
#[test]
fn a_re_run_brings_a_node_group_to_the_control_planes_version() {
    let emu = Emulator::builder().env("MOTO_EKS_UPDATE_SECONDS", "1").start();
    let file = config(&emu, "1.33", "");
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create cluster");

    // The file at 1.34 while the control plane is still at 1.33: upgrade the cluster first.
    let file = config(&emu, "1.34", "");
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]).expect(0, "dry-run");
    assert!(
        plan.stdout.contains(
            "version: `1.33` -> `1.34` (cannot change in place: `eksup upgrade cluster --version 1.34` first)"
        ),
        "{}",
        plan.stdout
    );

    eksup(&emu, &["upgrade", "cluster", "--name", "demo", "--approve"]).expect(0, "upgrade cluster");
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]).expect(0, "dry-run");
    let line = plan.stdout.lines().find(|l| l.contains("[nodegroup-ng-1]")).unwrap();
    assert!(line.trim_start().starts_with("~ "), "{}", plan.stdout);
    assert!(plan.stdout.contains("      version: `1.33` -> `1.34`\n"), "{}", plan.stdout);

    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "re-run");
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", "ng-1"]);
    assert_eq!(ng["nodegroup"]["version"], "1.34", "{ng}");
    let nodes = kubelets(&emu);
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    assert!(nodes.iter().all(|(v, ready)| v.starts_with("v1.34.") && *ready), "{nodes:?}");
    let again = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]).expect(0, "dry-run after");
    assert!(
        again.stdout.contains("0 to create, 0 to change in place, 0 that cannot change in place"),
        "{}",
        again.stdout
    );
}
