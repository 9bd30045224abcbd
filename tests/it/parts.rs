//! A cluster's parts from its file, one kind at a time: `create addon|fargateprofile|accessentry
//! -f` add what the file gained to the running cluster (and only what `--include` names), `get`
//! shows them and `delete addon|fargateprofile|accessentry` removes one, whoever made it, and
//! says when there was nothing. Read back with the AWS CLI.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

const HEAD: &str =
    "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: parts\n  region: us-west-2\n";

fn addons(emu: &Emulator) -> Vec<String> {
    let listed = emu.aws(&["eks", "list-addons", "--cluster-name", "parts"]);
    listed["addons"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

fn access_entries(emu: &Emulator) -> Vec<String> {
    let listed = emu.aws(&["eks", "list-access-entries", "--cluster-name", "parts"]);
    listed["accessEntries"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_string()).collect()
}

fn fargate_profiles(emu: &Emulator) -> Value {
    emu.aws(&["eks", "list-fargate-profiles", "--cluster-name", "parts"])["fargateProfileNames"].clone()
}

#[test]
fn addons_fargate_profiles_and_access_entries_are_added_from_the_file_and_deleted_one_by_one() {
    let emu = Emulator::start();
    let path = emu.home().join("c.yaml");
    let file = path.display().to_string();
    std::fs::write(&path, HEAD).unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    let trust = r#"{"Version":"2012-10-17","Statement":[]}"#;
    let admins =
        emu.aws(&["iam", "create-role", "--role-name", "admins", "--assume-role-policy-document", trust]);
    let admins = admins["Role"]["Arn"].as_str().unwrap().to_string();
    std::fs::write(
        &path,
        format!(
            "{HEAD}addons:\n  - name: eks-pod-identity-agent\nfargateProfiles:\n  - name: fp-dev\n    selectors:\n      - namespace: dev\naccessConfig:\n  accessEntries:\n    - principalARN: {admins}\n      accessPolicies:\n        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy\n          accessScope:\n            type: cluster\n"
        ),
    )
    .unwrap();

    // The dry-run of one kind plans that kind only.
    let plan = eksup(&emu, &["create", "addon", "-f", &file, "--dry-run"]).expect(0, "dry-run");
    assert!(plan.stdout.contains("add-on `eks-pod-identity-agent`"), "{}", plan.stdout);
    assert!(!plan.stdout.contains("Fargate profile `fp-dev`"), "{}", plan.stdout);
    assert!(!addons(&emu).contains(&"eks-pod-identity-agent".to_string()), "a dry-run makes nothing");
    let none =
        eksup(&emu, &["create", "accessentry", "-f", &file, "--include", "arn:aws:iam::*:role/nobody"]);
    assert_eq!(none.code, 1);
    assert!(none.stderr.contains("no access entry of the config matches"), "{}", none.stderr);

    let made = eksup(&emu, &["create", "addon", "-f", &file, "--include", "eks-pod-identity-agent"])
        .expect(0, "addon");
    assert!(made.stderr.contains("add-ons `eks-pod-identity-agent`"), "{}", made.stderr);
    assert!(addons(&emu).contains(&"eks-pod-identity-agent".to_string()));
    assert_eq!(fargate_profiles(&emu), serde_json::json!([]), "only the add-on");
    eksup(&emu, &["create", "fargateprofile", "-f", &file]).expect(0, "fargate");
    let profile = emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        "parts",
        "--fargate-profile-name",
        "fp-dev",
    ]);
    assert_eq!(profile["fargateProfile"]["status"], "ACTIVE");
    assert!(!access_entries(&emu).contains(&admins));
    eksup(&emu, &["create", "accessentry", "-f", &file]).expect(0, "access entry");
    assert!(access_entries(&emu).contains(&admins));
    let policies = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "parts",
        "--principal-arn",
        &admins,
    ]);
    assert_eq!(
        policies["associatedAccessPolicies"][0]["policyArn"],
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
    );

    // Deleted one by one; a second delete finds nothing and says so.
    let gone =
        eksup(&emu, &["delete", "accessentry", "--cluster", "parts", "--principal-arn", &admins, "--yes"])
            .expect(0, "delete access entry");
    assert!(
        gone.stderr.contains(&format!("access entry for `{admins}` of cluster `parts`")),
        "{}",
        gone.stderr
    );
    assert!(!access_entries(&emu).contains(&admins));
    let again =
        eksup(&emu, &["delete", "accessentry", "--cluster", "parts", "--principal-arn", &admins, "--yes"])
            .expect(0, "again");
    assert!(again.stderr.contains("nothing to delete: no access entry for"), "{}", again.stderr);
    eksup(&emu, &["delete", "fargateprofile", "--cluster", "parts", "--name", "fp-dev", "--yes"])
        .expect(0, "fargate");
    assert_eq!(fargate_profiles(&emu), serde_json::json!([]));
    let agent = ["get", "daemonset", "eks-pod-identity-agent", "-n", "kube-system", "-o", "name"];
    let (ok, out, err) = emu.kubectl(&agent);
    assert!(ok && out.contains("eks-pod-identity-agent"), "{out}{err}");
    eksup(
        &emu,
        &["delete", "addon", "--cluster", "parts", "--name", "eks-pod-identity-agent", "--preserve", "--yes"],
    )
    .expect(0, "addon");
    assert!(!addons(&emu).contains(&"eks-pod-identity-agent".to_string()));
    // `--preserve`: EKS lets go of the add-on, its software stays on the cluster.
    let (ok, out, err) = emu.kubectl(&agent);
    assert!(ok && out.contains("eks-pod-identity-agent"), "preserved: {out}{err}");
    let nope = eksup(&emu, &["delete", "addon", "--cluster", "nope", "--name", "vpc-cni", "--yes"]);
    assert_eq!(nope.code, 1);
    assert!(nope.stderr.contains("no cluster `nope` in this region"), "{}", nope.stderr);
    eksup(&emu, &["delete", "cluster", "-f", &file, "--yes"]).expect(0, "delete cluster");
}

/// `get` and `delete` of a part with `-f`: the file names the cluster and its region (none in
/// the environment here), and a delete without a name removes the file's entries that
/// `--include`/`--exclude` choose, after one confirmation. Read back with the AWS CLI.
#[test]
fn the_files_parts_are_listed_and_deleted_with_the_file() {
    let emu = Emulator::start();
    let path = emu.home().join("c.yaml");
    let file = path.display().to_string();
    let trust = r#"{"Version":"2012-10-17","Statement":[]}"#;
    let admins =
        emu.aws(&["iam", "create-role", "--role-name", "admins", "--assume-role-policy-document", trust]);
    let admins = admins["Role"]["Arn"].as_str().unwrap().to_string();
    std::fs::write(
        &path,
        format!(
            "{HEAD}fargateProfiles:\n  - name: fp-a\n    selectors:\n      - namespace: a\n  - name: fp-b\n    selectors:\n      - namespace: b\naccessConfig:\n  accessEntries:\n    - principalARN: {admins}\n"
        ),
    )
    .unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    // Only the file says which region.
    let run = |args: &[&str]| {
        Run::of(emu.eksup().env_remove("AWS_REGION").env_remove("AWS_DEFAULT_REGION").args(args))
    };
    let listed = run(&["get", "fargateprofile", "-f", &file, "-o", "json"]).expect(0, "get");
    let listed: Value = serde_json::from_str(&listed.stdout).unwrap();
    let names: Vec<&str> = listed.as_array().unwrap().iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, ["fp-a", "fp-b"], "{listed}");
    let one = run(&["delete", "fargateprofile", "-f", &file, "--include", "fp-a", "--yes"])
        .expect(0, "delete fp-a");
    assert!(one.stderr.contains("Fargate profile `fp-a` of cluster `parts`"), "{}", one.stderr);
    assert_eq!(fargate_profiles(&emu), serde_json::json!(["fp-b"]));
    let rest = run(&["delete", "fargateprofile", "-f", &file, "--yes"]).expect(0, "delete the rest");
    assert!(rest.stderr.contains("nothing to delete: no Fargate profile `fp-a`"), "{}", rest.stderr);
    assert_eq!(fargate_profiles(&emu), serde_json::json!([]));
    run(&["delete", "accessentry", "-f", &file, "--yes"]).expect(0, "delete the entry");
    assert!(!access_entries(&emu).contains(&admins));
    let none = run(&["delete", "addon", "-f", &file, "--yes"]);
    assert_eq!(none.code, 1, "{}", none.stderr);
    assert!(none.stderr.contains("no add-on of the config matches"), "{}", none.stderr);
    // No prompt without a terminal: without `--yes` nothing is deleted.
    let asked = run(&["delete", "accessentry", "-f", &file]);
    assert_ne!(asked.code, 0, "{}", asked.stderr);
    // Which cluster: one way, not two, not none.
    assert_eq!(run(&["get", "addon", "-f", &file, "--cluster", "parts"]).code, 2);
    let neither = run(&["get", "addon"]);
    assert_eq!(neither.code, 2, "{}", neither.stderr);
    assert!(neither.stderr.contains("give `--cluster` or `-f cluster.yaml`"), "{}", neither.stderr);
    eksup(&emu, &["delete", "cluster", "-f", &file, "--yes"]).expect(0, "delete cluster");
}

/// The same parts from flags alone, as eksctl takes them.
mod flags;
