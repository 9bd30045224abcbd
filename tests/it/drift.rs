//! The plan against a live cluster: `create cluster --dry-run` on a cluster that exists marks each
//! step `+` (create), `~` (change in place, field by field), `!` (cannot change in place, what to
//! do instead), `-` (the cluster's, no longer in the config) and folds the unchanged; the re-run
//! applies the `~` changes and waits for them, and leaves `-` alone.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn example() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    std::fs::read_to_string(path).unwrap()
}

fn write(emu: &Emulator, name: &str, text: &str) -> String {
    let path = emu.home().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

/// The line of the step `id` in the plan's text.
fn line<'a>(plan: &'a str, id: &str) -> &'a str {
    let tag = format!("[{id}]");
    plan.lines().find(|l| l.contains(&tag)).unwrap_or_else(|| panic!("no `{id}` in:\n{plan}"))
}

fn nodegroup(emu: &Emulator, name: &str) -> Value {
    emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "demo", "--nodegroup-name", name])["nodegroup"]
        .clone()
}

#[test]
fn a_dry_run_on_a_live_cluster_marks_each_change_and_the_re_run_applies_it() {
    let emu = Emulator::start();
    let old_group = "  - name: ng-old\n    instanceType: m5.large\n    desiredCapacity: 1\n";
    let first = write(&emu, "first.yaml", &format!("{}{old_group}", example()));
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &first]).expect(0, "create");

    // The same file: nothing to do.
    let same = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &first]).expect(0, "dry-run, no change");
    assert!(
        same.stdout.contains("against what exists: 0 to create, 0 to change in place"),
        "{}",
        same.stdout
    );
    assert!(
        same.stdout.lines().filter(|l| l.trim_start().starts_with(['+', '~', '!', '-'])).count() == 0,
        "{}",
        same.stdout
    );

    // Logging on, ng-1 with labels and a larger maximum, ng-2 new, ng-old gone from the file.
    let changed = example().replace(
        "    desiredCapacity: 2     # alone, it sets minSize and maxSize too\n",
        "    desiredCapacity: 2\n    minSize: 2\n    maxSize: 4\n    labels:\n      team: web\n  - name: ng-2\n    instanceType: m5.large\n    desiredCapacity: 1\n",
    )
    .replace("    team: platform\n", "    team: infra\n")
        + "\ncloudWatch:\n  clusterLogging:\n    enableTypes: [\"api\", \"audit\"]\n";
    assert!(changed.contains("ng-2") && changed.contains("team: infra"), "the example moved");
    let second = write(&emu, "second.yaml", &changed);
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run");
    let text = plan.stdout.as_str();
    assert!(line(text, "control-plane").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains("logging: `` -> `api,audit`"), "{text}");
    assert!(line(text, "nodegroup-ng-1").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains("scaling (min/desired/max): `2/2/2` -> `2/2/4`"), "{text}");
    assert!(text.contains("team=web"), "{text}");
    assert!(text.contains("tags: `team=platform` -> `team=infra`"), "{text}");
    assert!(line(text, "nodegroup-ng-2").trim_start().starts_with("+ "), "{text}");
    assert!(
        line(text, "nodegroup/ng-old").trim_start().starts_with("- managed node group `ng-old`"),
        "{text}"
    );
    assert!(text.contains("unchanged"), "{text}");
    let json =
        eksup(&emu, &["create", "cluster", "--dry-run", "-o", "json", "-f", &second]).expect(0, "json");
    let doc: Value = serde_json::from_str(&json.stdout).unwrap();
    let steps = doc["live"]["steps"].as_array().unwrap();
    let mark = |id: &str| steps.iter().find(|s| s["id"] == id).map(|s| s["mark"].clone()).unwrap();
    // The VPC's tags follow `metadata.tags`; the kubeconfig context is compared with nothing.
    assert_eq!(
        (mark("nodegroup-ng-2"), mark("nodegroup-ng-1"), mark("vpc"), mark("kubeconfig")),
        ("create".into(), "change".into(), "change".into(), "same".into())
    );
    assert_eq!(doc["live"]["removals"][0]["id"], "nodegroup/ng-old");
    // Nothing changed.
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "demo"]);
    assert!(
        cluster["cluster"]["logging"]["clusterLogging"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["enabled"] != true),
        "{cluster}"
    );

    // A different instance type cannot change in place: `!` and what to do.
    let bigger =
        write(&emu, "third.yaml", &changed.replacen("instanceType: m5.large", "instanceType: m5.xlarge", 1));
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &bigger]).expect(0, "dry-run");
    assert!(line(&plan.stdout, "nodegroup-ng-1").trim_start().starts_with("! "), "{}", plan.stdout);
    assert!(plan.stdout.contains("(cannot change in place: create a node group"), "{}", plan.stdout);

    // The re-run applies `~` and `+`, each waited for; `-` stays (no `--prune`).
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &second]).expect(0, "re-run");
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "demo"]);
    let on: Vec<&str> = cluster["cluster"]["logging"]["clusterLogging"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["enabled"] == true)
        .flat_map(|s| s["types"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()))
        .collect();
    assert_eq!(on, ["api", "audit"], "{cluster}");
    let ng1 = nodegroup(&emu, "ng-1");
    assert_eq!(ng1["labels"]["team"], "web", "{ng1}");
    assert_eq!(ng1["scalingConfig"]["maxSize"], 4, "{ng1}");
    assert_eq!(
        (cluster["cluster"]["tags"]["team"].as_str(), ng1["tags"]["team"].as_str()),
        (Some("infra"), Some("infra"))
    );
    assert_eq!(nodegroup(&emu, "ng-2")["status"], "ACTIVE");
    assert_eq!(nodegroup(&emu, "ng-old")["status"], "ACTIVE", "removed without --prune");
    let again = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run after");
    assert!(
        again
            .stdout
            .contains("0 to create, 0 to change in place, 0 that cannot change in place, 1 to remove"),
        "{}",
        again.stdout
    );

    // `--prune` removes what the config no longer has, and waits until it is gone.
    let pruned = eksup(&emu, &["create", "cluster", "--wait-nodes=false", "--prune", "-f", &second])
        .expect(0, "prune");
    assert!(pruned.stderr.contains("`nodegroup/ng-old`"), "{}", pruned.stderr);
    let groups = emu.aws(&["eks", "list-nodegroups", "--cluster-name", "demo"]);
    let mut names: Vec<&str> =
        groups["nodegroups"].as_array().unwrap().iter().map(|g| g.as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["ng-1", "ng-2"]);
    let done =
        eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run after prune");
    assert!(done.stdout.contains("0 to remove with `--prune`"), "{}", done.stdout);
}

fn mixed() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed.yaml");
    std::fs::read_to_string(path).unwrap()
}

/// Every resource of cluster `mixed` that eksup owns, with its tags: EC2 (launch templates
/// included), IAM roles, instance profiles and the OIDC provider, Auto Scaling groups, the EKS
/// cluster, node groups, add-ons, Fargate profiles and access entries, ECR repositories.
fn owned_tags(emu: &Emulator) -> Vec<(String, std::collections::BTreeMap<String, String>)> {
    use crate::support::inventory::tags_of;
    let mut out = Vec::new();
    let owned = emu.aws(&[
        "ec2",
        "describe-tags",
        "--filters",
        "Name=key,Values=eksup.io/cluster",
        "Name=value,Values=mixed",
    ]);
    for t in owned["Tags"].as_array().unwrap() {
        let id = t["ResourceId"].as_str().unwrap();
        let all = emu.aws(&["ec2", "describe-tags", "--filters", &format!("Name=resource-id,Values={id}")]);
        let tags = all["Tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["Key"].as_str().unwrap().to_string(), t["Value"].as_str().unwrap().to_string()))
            .collect();
        out.push((id.to_string(), tags));
    }
    for role in emu.aws(&["iam", "list-roles"])["Roles"].as_array().unwrap() {
        let name = role["RoleName"].as_str().unwrap();
        if name.starts_with("eksup-mixed-") {
            out.push((name.to_string(), tags_of(&emu.aws(&["iam", "list-role-tags", "--role-name", name]))));
        }
    }
    for profile in emu.aws(&["iam", "list-instance-profiles"])["InstanceProfiles"].as_array().unwrap() {
        let name = profile["InstanceProfileName"].as_str().unwrap();
        let got = emu.aws(&["iam", "get-instance-profile", "--instance-profile-name", name]);
        out.push((name.to_string(), tags_of(&got["InstanceProfile"])));
    }
    for provider in
        emu.aws(&["iam", "list-open-id-connect-providers"])["OpenIDConnectProviderList"].as_array().unwrap()
    {
        let arn = provider["Arn"].as_str().unwrap();
        let got =
            emu.aws(&["iam", "list-open-id-connect-provider-tags", "--open-id-connect-provider-arn", arn]);
        out.push((arn.to_string(), tags_of(&got)));
    }
    for group in
        emu.aws(&["autoscaling", "describe-auto-scaling-groups"])["AutoScalingGroups"].as_array().unwrap()
    {
        let name = group["AutoScalingGroupName"].as_str().unwrap();
        if tags_of(group).get("eksup.io/cluster").is_some_and(|c| c == "mixed") {
            out.push((name.to_string(), tags_of(group)));
        }
    }
    let eks = |kind: &str,
               args: &[&str],
               field: &str|
     -> Vec<(String, std::collections::BTreeMap<String, String>)> {
        let got = emu.aws(args);
        vec![(kind.to_string(), tags_of(&got[field]))]
    };
    out.extend(eks("cluster", &["eks", "describe-cluster", "--name", "mixed"], "cluster"));
    out.extend(eks(
        "nodegroup",
        &["eks", "describe-nodegroup", "--cluster-name", "mixed", "--nodegroup-name", "managed"],
        "nodegroup",
    ));
    for addon in ["vpc-cni", "coredns", "kube-proxy"] {
        out.extend(eks(
            addon,
            &["eks", "describe-addon", "--cluster-name", "mixed", "--addon-name", addon],
            "addon",
        ));
    }
    out.extend(eks(
        "fargate",
        &["eks", "describe-fargate-profile", "--cluster-name", "mixed", "--fargate-profile-name", "batch"],
        "fargateProfile",
    ));
    for entry in emu.aws(&["eks", "list-access-entries", "--cluster-name", "mixed"])["accessEntries"]
        .as_array()
        .unwrap()
    {
        let principal = entry.as_str().unwrap();
        let got = emu.aws(&[
            "eks",
            "describe-access-entry",
            "--cluster-name",
            "mixed",
            "--principal-arn",
            principal,
        ]);
        if tags_of(&got["accessEntry"]).contains_key("eksup.io/cluster") {
            out.push((principal.to_string(), tags_of(&got["accessEntry"])));
        }
    }
    for repo in emu.aws(&["ecr", "describe-repositories"])["repositories"].as_array().unwrap() {
        let arn = repo["repositoryArn"].as_str().unwrap();
        out.push((
            arn.to_string(),
            tags_of(&emu.aws(&["ecr", "list-tags-for-resource", "--resource-arn", arn])),
        ));
    }
    out
}

#[test]
fn a_re_run_changes_in_place_encryption_update_config_roles_access_fargate_and_every_tag() {
    let emu = Emulator::start();
    emu.create_platform_admins_role();
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let dns_role = emu.aws(&[
        "iam",
        "create-role",
        "--role-name",
        "coredns",
        "--assume-role-policy-document",
        trust,
    ])["Role"]["Arn"]
        .as_str()
        .unwrap()
        .to_string();
    let key = emu.aws(&["kms", "create-key"])["KeyMetadata"]["Arn"].as_str().unwrap().to_string();
    let before =
        mixed().replace("  version: \"1.34\"\n", "  version: \"1.34\"\n  tags:\n    team: platform\n");
    let first = write(&emu, "first.yaml", &before);
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &first]).expect(0, "create");
    let tagged = owned_tags(&emu);
    assert!(tagged.len() > 30, "{tagged:?}");
    assert!(tagged.iter().all(|(_, t)| t.get("team").is_some_and(|v| v == "platform")), "{tagged:#?}");

    let after = before
        .replace("    team: platform\n", "    team: infra\n")
        .replace("\niam:\n", &format!("\nsecretsEncryption:\n  keyARN: {key}\n\niam:\n"))
        .replace(
            "    desiredCapacity: 2\n",
            "    desiredCapacity: 2\n    updateConfig:\n      maxUnavailablePercentage: 50\n",
        )
        .replace("  - name: coredns\n", &format!("  - name: coredns\n    serviceAccountRoleARN: {dns_role}\n"))
        .replace("      - namespace: batch\n", "      - namespace: jobs\n")
        .replace(
            "      accessPolicies:\n        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy\n          accessScope:\n            type: cluster\n",
            "      kubernetesGroups: [ops]\n      accessPolicies:\n        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\n          accessScope:\n            type: namespace\n            namespaces: [default]\n",
        );
    for moved in ["keyARN", "maxUnavailablePercentage", "serviceAccountRoleARN", "namespace: jobs", "[ops]"] {
        assert!(after.contains(moved), "the example moved: {moved}");
    }
    let second = write(&emu, "second.yaml", &after);
    // A policy attached beside eksup's: a service account's role loses it, a node role keeps it.
    let document =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let extra = emu.aws(&[
        "iam",
        "create-policy",
        "--policy-name",
        "eksup-test-extra",
        "--policy-document",
        document,
    ])["Policy"]["Arn"]
        .as_str()
        .unwrap()
        .to_string();
    let extra = extra.as_str();
    for role in ["eksup-mixed-vpc-cni", "eksup-mixed-managed-node"] {
        emu.aws(&["iam", "attach-role-policy", "--role-name", role, "--policy-arn", extra]);
    }
    let attached = |role: &str| -> Vec<String> {
        let got = emu.aws(&["iam", "list-attached-role-policies", "--role-name", role]);
        got["AttachedPolicies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["PolicyName"].as_str().unwrap().to_string())
            .collect()
    };

    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run");
    let text = plan.stdout.as_str();
    assert!(line(text, "control-plane").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains(&format!("secrets encryption: `off` -> `{key}`")), "{text}");
    assert!(text.contains("update config: `maxUnavailable=1` -> `maxUnavailablePercentage=50`"), "{text}");
    assert!(text.contains(&format!("role: `` -> `{dns_role}`")), "{text}");
    assert!(text.contains("selectors (replaced): `batch` -> `jobs`"), "{text}");
    for id in [
        "vpc",
        "subnet-private-us-west-2a",
        "iam-role-cluster",
        "launch-template-managed",
        "ecr-repository-mixed-app",
        "oidc-provider",
        "instance-profile-self-managed",
        "auto-scaling-group-self-managed",
    ] {
        assert!(line(text, id).trim_start().starts_with("~ "), "{id}: {text}");
    }
    assert!(text.contains("tags: `team=platform` -> `team=infra`"), "{text}");
    assert!(
        text.contains("policies: `AmazonEKS_CNI_Policy,eksup-test-extra` -> `AmazonEKS_CNI_Policy`"),
        "{text}"
    );
    assert_eq!(text.matches("\n      policies: ").count(), 1, "only the service account's role: {text}");
    assert!(line(text, "access-entry-platform-admins").trim_start().starts_with("~ "), "{text}");
    assert!(text.contains("kubernetes groups: `` -> `ops`"), "{text}");
    assert!(
        text.contains("access policies: `AmazonEKSClusterAdminPolicy (cluster)` -> `AmazonEKSViewPolicy (namespace: default)`"),
        "{text}"
    );

    let run = eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &second]).expect(0, "re-run");
    assert!(run.stderr.contains("Fargate profile `batch` differs in selectors"), "{}", run.stderr);
    let cluster = emu.aws(&["eks", "describe-cluster", "--name", "mixed"])["cluster"].clone();
    assert_eq!(cluster["encryptionConfig"][0]["provider"]["keyArn"], key.as_str(), "{cluster}");
    let ng =
        emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "mixed", "--nodegroup-name", "managed"]);
    assert_eq!(ng["nodegroup"]["updateConfig"]["maxUnavailablePercentage"], 50, "{ng}");
    let dns = emu.aws(&["eks", "describe-addon", "--cluster-name", "mixed", "--addon-name", "coredns"]);
    assert_eq!(dns["addon"]["serviceAccountRoleArn"], dns_role.as_str(), "{dns}");
    let profile = emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        "mixed",
        "--fargate-profile-name",
        "batch",
    ]);
    assert_eq!(profile["fargateProfile"]["selectors"][0]["namespace"], "jobs", "{profile}");
    assert_eq!(profile["fargateProfile"]["status"], "ACTIVE", "{profile}");
    let admins = "arn:aws:iam::123456789012:role/platform-admins";
    let entry =
        emu.aws(&["eks", "describe-access-entry", "--cluster-name", "mixed", "--principal-arn", admins]);
    assert_eq!(entry["accessEntry"]["kubernetesGroups"], serde_json::json!(["ops"]), "{entry}");
    let policies = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "mixed",
        "--principal-arn",
        admins,
    ]);
    let policies = policies["associatedAccessPolicies"].as_array().unwrap();
    assert_eq!(policies.len(), 1, "{policies:?}");
    assert!(policies[0]["policyArn"].as_str().unwrap().ends_with("/AmazonEKSViewPolicy"), "{policies:?}");
    assert_eq!(policies[0]["accessScope"]["namespaces"], serde_json::json!(["default"]), "{policies:?}");
    assert_eq!(attached("eksup-mixed-vpc-cni"), ["AmazonEKS_CNI_Policy"]);
    assert!(attached("eksup-mixed-managed-node").contains(&"eksup-test-extra".to_string()));
    // Running instances keep the tags they were launched with (new ones get the group's).
    let tagged = owned_tags(&emu);
    let stale: Vec<&String> = tagged
        .iter()
        .filter(|(id, t)| !id.starts_with("i-") && t.get("team").is_none_or(|v| v != "infra"))
        .map(|(id, _)| id)
        .collect();
    assert!(stale.is_empty(), "not re-tagged: {stale:?}");

    let again = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &second]).expect(0, "dry-run after");
    assert!(
        again.stdout.contains("0 to create, 0 to change in place, 0 that cannot change in place"),
        "{}",
        again.stdout
    );
    // EKS cannot turn encryption off: `!`, and what to keep.
    let off =
        write(&emu, "third.yaml", &after.replace(&format!("secretsEncryption:\n  keyARN: {key}\n\n"), ""));
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &off]).expect(0, "dry-run, no key");
    assert!(line(&plan.stdout, "control-plane").trim_start().starts_with("! "), "{}", plan.stdout);
    assert!(plan.stdout.contains("EKS cannot turn it off or change its key"), "{}", plan.stdout);
}

fn template(emu: &Emulator, name: &str) -> Value {
    emu.aws(&["ec2", "describe-launch-templates", "--launch-template-names", name])["LaunchTemplates"][0]
        .clone()
}

fn latest_volume(emu: &Emulator, name: &str) -> Value {
    crate::eksctl_examples::launch_template_data(emu, name)["BlockDeviceMappings"][0]["Ebs"]["VolumeSize"]
        .clone()
}

/// The launch templates of a re-run: the same file makes no new version; a changed volume
/// makes one of each group's template, which a self-managed group's new nodes take (its Auto
/// Scaling group launches `$Latest`) and a managed group takes when `upgrade nodegroup` rolls it,
/// as the run says.
#[test]
fn a_re_run_makes_a_launch_template_version_only_for_what_the_file_changed() {
    let emu = Emulator::start();
    let groups = "nodeGroups:\n  - name: self\n    instanceType: m5.large\n    desiredCapacity: 1\n    volumeSize: 80\n";
    let text = format!("{}    volumeSize: 80\n{groups}", example());
    let first = write(&emu, "first.yaml", &text);
    eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &first]).expect(0, "create");
    for name in ["eksup-demo-ng-1", "eksup-demo-self"] {
        assert_eq!(template(&emu, name)["LatestVersionNumber"], 1, "{name}");
        assert_eq!(latest_volume(&emu, name), 80, "{name}");
    }
    let same =
        eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &first]).expect(0, "the same again");
    assert!(!same.stderr.contains("changed ("), "{}", same.stderr);
    for name in ["eksup-demo-ng-1", "eksup-demo-self"] {
        assert_eq!(template(&emu, name)["LatestVersionNumber"], 1, "no new version of {name}");
    }

    let bigger = write(&emu, "bigger.yaml", &text.replace("volumeSize: 80", "volumeSize: 120"));
    let again =
        eksup(&emu, &["create", "cluster", "--wait-nodes=false", "-f", &bigger]).expect(0, "bigger volumes");
    assert!(
        again.stderr.contains("launch template `eksup-demo-ng-1` changed (volumes): version 2; node group `ng-1` keeps version 1 until `eksup upgrade nodegroup --cluster demo --name ng-1 --launch-template-version 2` rolls it"),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("launch template `eksup-demo-self` changed (volumes): version 2; new nodes of `self` take it; `eksup upgrade nodegroup --cluster demo --name self` rolls the running ones"),
        "{}",
        again.stderr
    );
    for name in ["eksup-demo-ng-1", "eksup-demo-self"] {
        assert_eq!(template(&emu, name)["LatestVersionNumber"], 2, "{name}");
        assert_eq!(latest_volume(&emu, name), 120, "{name}");
    }
    // The managed group runs the version it was made with until it is rolled.
    assert_eq!(nodegroup(&emu, "ng-1")["launchTemplate"]["version"], "1");
    let asg = emu.aws(&[
        "autoscaling",
        "describe-auto-scaling-groups",
        "--auto-scaling-group-names",
        "eksup-demo-self",
    ]);
    assert_eq!(asg["AutoScalingGroups"][0]["LaunchTemplate"]["Version"], "$Latest", "{asg}");
}
