//! IAM roles for service accounts (`iam.serviceAccounts`): a role per service account trusted
//! through the cluster's OIDC provider for that account alone, with its managed, inline and
//! well-known policies, boundary and tags, read back with the AWS CLI; the Kubernetes
//! ServiceAccount annotated with it, read back with kubectl (none with `roleOnly`); a re-run
//! brings the policies to the file's; `delete cluster` leaves no role behind.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

fn config(policy: &str, boundary: &str, action: &str) -> String {
    format!(
        r#"apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: irsa
  region: us-west-2
  version: "1.34"
iam:
  withOIDC: true
  serviceAccounts:
    - metadata:
        name: reader
        namespace: backend
        labels: {{team: data}}
        annotations: {{note: kept}}
      attachPolicyARNs: ["{policy}"]
      attachPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: ["{action}"]
            Resource: "*"
      permissionsBoundary: {boundary}
      tags: {{owner: data-team}}
    - metadata:
        name: cluster-autoscaler
        namespace: kube-system
      wellKnownPolicies:
        autoScaler: true
      roleOnly: true
    - metadata:
        name: aws-load-balancer-controller
        namespace: kube-system
      wellKnownPolicies:
        awsLoadBalancerController: true
managedNodeGroups:
  - name: ng-1
    desiredCapacity: 1
"#
    )
}

fn inline(emu: &Emulator, role: &str) -> Vec<String> {
    let got = emu.aws(&["iam", "list-role-policies", "--role-name", role]);
    got["PolicyNames"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

/// The inline policy `attach-policy` of `backend/reader`'s role, as IAM has it.
fn attach_policy(emu: &Emulator) -> String {
    let role = "eksup-irsa-sa-backend-reader";
    let got = emu.aws(&["iam", "get-role-policy", "--role-name", role, "--policy-name", "attach-policy"]);
    got["PolicyDocument"].to_string()
}

fn service_account(emu: &Emulator, namespace: &str, name: &str) -> Option<Value> {
    let (ok, stdout, stderr) = emu.kubectl(&["get", "serviceaccount", name, "-n", namespace, "-o", "json"]);
    if !ok {
        assert!(stderr.contains("NotFound") || stderr.contains("not found"), "{stderr}");
        return None;
    }
    Some(serde_json::from_str(&stdout).unwrap())
}

#[test]
fn service_accounts_take_roles_trusted_through_the_oidc_provider_and_leave_nothing_behind() {
    let emu = Emulator::start();
    let document =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
    let policy = |name: &str| {
        emu.aws(&["iam", "create-policy", "--policy-name", name, "--policy-document", document])["Policy"]["Arn"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (reads, boundary) = (policy("reads"), policy("boundary"));
    let file = emu.home().join("irsa.yaml");
    std::fs::write(&file, config(&reads, &boundary, "sqs:SendMessage")).unwrap();
    let file = file.to_string_lossy().into_owned();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");

    // The role: trusted by the cluster's OIDC provider for `backend/reader` alone.
    let issuer =
        emu.aws(&["eks", "describe-cluster", "--name", "irsa"])["cluster"]["identity"]["oidc"]["issuer"]
            .as_str()
            .unwrap()
            .trim_start_matches("https://")
            .to_string();
    let role = emu.aws(&["iam", "get-role", "--role-name", "eksup-irsa-sa-backend-reader"])["Role"].clone();
    let trust = &role["AssumeRolePolicyDocument"]["Statement"][0];
    assert!(
        trust["Principal"]["Federated"].as_str().unwrap().ends_with(&format!(":oidc-provider/{issuer}")),
        "{role}"
    );
    assert_eq!(trust["Action"][0], "sts:AssumeRoleWithWebIdentity", "{role}");
    assert_eq!(
        trust["Condition"]["StringEquals"][format!("{issuer}:sub")],
        "system:serviceaccount:backend:reader"
    );
    assert_eq!(trust["Condition"]["StringEquals"][format!("{issuer}:aud")], "sts.amazonaws.com");
    assert_eq!(role["PermissionsBoundary"]["PermissionsBoundaryArn"], boundary.as_str(), "{role}");
    let tags = emu.aws(&["iam", "list-role-tags", "--role-name", "eksup-irsa-sa-backend-reader"]);
    let tags = crate::support::inventory::tags_of(&tags);
    assert_eq!(
        (tags.get("owner").map(String::as_str), tags.get("eksup.io/cluster").map(String::as_str)),
        (Some("data-team"), Some("irsa"))
    );
    let attached =
        emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-irsa-sa-backend-reader"]);
    assert_eq!(attached["AttachedPolicies"][0]["PolicyArn"], reads.as_str(), "{attached}");
    assert_eq!(inline(&emu, "eksup-irsa-sa-backend-reader"), ["attach-policy"]);
    assert!(attach_policy(&emu).contains("sqs:SendMessage"));
    // Well-known policies: eksctl's statements, inline.
    assert_eq!(inline(&emu, "eksup-irsa-sa-kube-system-cluster-autoscaler"), ["autoscaling"]);
    assert_eq!(
        inline(&emu, "eksup-irsa-sa-kube-system-aws-load-balancer-controller"),
        ["aws-load-balancer-controller"]
    );

    // The service accounts, as kubectl sees them; none for `roleOnly`.
    let reader = service_account(&emu, "backend", "reader").expect("backend/reader");
    assert_eq!(reader["metadata"]["annotations"]["eks.amazonaws.com/role-arn"], role["Arn"], "{reader}");
    assert_eq!(reader["metadata"]["annotations"]["note"], "kept", "{reader}");
    assert_eq!(reader["metadata"]["labels"]["team"], "data", "{reader}");
    assert_eq!(reader["metadata"]["labels"]["app.kubernetes.io/managed-by"], "eksup", "{reader}");
    let lbc = service_account(&emu, "kube-system", "aws-load-balancer-controller").expect("the controller's");
    assert!(
        lbc["metadata"]["annotations"]["eks.amazonaws.com/role-arn"]
            .as_str()
            .unwrap()
            .ends_with("/eksup-irsa-sa-kube-system-aws-load-balancer-controller")
    );
    assert!(
        service_account(&emu, "kube-system", "cluster-autoscaler").is_none(),
        "roleOnly makes no service account"
    );

    // `get iamserviceaccount`: every account with a role through the cluster's OIDC provider,
    // eksup's vpc-cni role included; one named; a role made outside eksup shown as such.
    let others = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"{}"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"{issuer}:sub":"system:serviceaccount:jobs:runner"}}}}}}]}}"#,
        trust["Principal"]["Federated"].as_str().unwrap()
    );
    emu.aws(&["iam", "create-role", "--role-name", "made-by-hand", "--assume-role-policy-document", &others]);
    let listed =
        eksup(&emu, &["get", "iamserviceaccount", "--cluster", "irsa", "-o", "json"]).expect(0, "get");
    let listed: Value = serde_json::from_str(&listed.stdout).unwrap();
    let names: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{}/{}",
                a["metadata"]["namespace"].as_str().unwrap(),
                a["metadata"]["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "backend/reader",
            "jobs/runner",
            "kube-system/aws-load-balancer-controller",
            "kube-system/aws-node",
            "kube-system/cluster-autoscaler"
        ]
    );
    assert_eq!(listed[0]["status"]["roleARN"], role["Arn"], "{listed}");
    assert_eq!(listed[0]["attachPolicyARNs"], serde_json::json!([reads]), "{listed}");
    assert_eq!(
        (listed[0]["status"]["managedByEksup"].clone(), listed[1]["status"]["managedByEksup"].clone()),
        (true.into(), false.into())
    );
    let one = eksup(
        &emu,
        &["get", "iamserviceaccount", "--cluster", "irsa", "--namespace", "backend", "--name", "reader"],
    )
    .expect(0, "get one");
    assert!(
        one.stdout.starts_with("NAMESPACE") && one.stdout.contains("eksup-irsa-sa-backend-reader"),
        "{}",
        one.stdout
    );
    let missing = eksup(&emu, &["get", "iamserviceaccount", "--cluster", "irsa", "--name", "nobody"]);
    assert_eq!(missing.code, 1);
    assert!(
        missing.stderr.contains("no service account `default/nobody` with an IAM role in cluster `irsa`"),
        "{}",
        missing.stderr
    );
    emu.aws(&["iam", "delete-role", "--role-name", "made-by-hand"]);

    // A re-run with another inline policy and another managed one: the role has the file's.
    let (writes, _) = (policy("writes"), ());
    std::fs::write(emu.home().join("irsa.yaml"), config(&writes, &boundary, "sqs:ReceiveMessage")).unwrap();
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]).expect(0, "dry-run");
    assert!(plan.stdout.contains("policies: `reads` -> `writes`"), "{}", plan.stdout);
    assert!(plan.stdout.contains("inline policies: `attach-policy` -> `attach-policy*`"), "{}", plan.stdout);
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "re-run");
    let attached =
        emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-irsa-sa-backend-reader"]);
    let arns: Vec<&str> = attached["AttachedPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["PolicyArn"].as_str().unwrap())
        .collect();
    assert_eq!(arns, [writes.as_str()]);
    assert!(attach_policy(&emu).contains("sqs:ReceiveMessage"));

    eksup(&emu, &["delete", "cluster", "--name", "irsa", "--yes"]).expect(0, "delete");
    let roles = emu.aws(&["iam", "list-roles"]);
    let left: Vec<&str> = roles["Roles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["RoleName"].as_str())
        .filter(|n| n.starts_with("eksup-irsa-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// `create iamserviceaccount -f`: a service account added to the file of a running cluster is
/// made with its role (and the OIDC provider, which the cluster did not have); nothing else of the
/// file is touched; `--include` picks by `namespace/name`, and a dry run shows only those steps.
#[test]
fn service_accounts_are_added_to_a_running_cluster_from_the_file() {
    let emu = Emulator::start();
    let file = emu.home().join("c.yaml").display().to_string();
    let head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: later\n  region: us-west-2\n";
    std::fs::write(
        emu.home().join("c.yaml"),
        format!("{head}managedNodeGroups:\n  - name: ng-1\n    desiredCapacity: 1\n"),
    )
    .unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    assert_eq!(
        emu.aws(&["iam", "list-open-id-connect-providers"])["OpenIDConnectProviderList"],
        serde_json::json!([])
    );

    let accounts = "iam:\n  withOIDC: true\n  serviceAccounts:\n    - metadata: {name: reader, namespace: backend}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n    - metadata: {name: other, namespace: jobs}\n      attachPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n";
    std::fs::write(
        emu.home().join("c.yaml"),
        format!("{head}{accounts}managedNodeGroups:\n  - name: ng-1\n    desiredCapacity: 1\n"),
    )
    .unwrap();
    let plan =
        eksup(&emu, &["create", "iamserviceaccount", "-f", &file, "--include", "backend/*", "--dry-run"])
            .expect(0, "dry-run");
    assert!(
        plan.stdout.contains("[iam-role-sa-backend-reader]")
            && plan.stdout.contains("[service-account-backend-reader]"),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("jobs") && !plan.stdout.contains("[nodegroup-ng-1]"), "{}", plan.stdout);
    // `jobs/other` exists already, made by someone else: annotated, not claimed.
    let manifest = emu.home().join("other.json");
    std::fs::write(
        &manifest,
        r#"{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"jobs"}},{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"other","namespace":"jobs"}}]}"#,
    )
    .unwrap();
    let (ok, _, err) = emu.kubectl(&["create", "--validate=false", "-f", manifest.to_str().unwrap()]);
    assert!(ok, "{err}");
    let made = eksup(&emu, &["create", "iamserviceaccount", "-f", &file, "--include", "backend/*"])
        .expect(0, "create");
    assert!(made.stderr.contains("service accounts `backend/reader`"), "{}", made.stderr);
    let role = emu.aws(&["iam", "get-role", "--role-name", "eksup-later-sa-backend-reader"])["Role"].clone();
    let reader = service_account(&emu, "backend", "reader").expect("backend/reader");
    assert_eq!(reader["metadata"]["annotations"]["eks.amazonaws.com/role-arn"], role["Arn"], "{reader}");
    assert!(
        service_account(&emu, "jobs", "other").expect("jobs/other")["metadata"]["annotations"].is_null(),
        "not included"
    );
    assert_eq!(
        emu.aws(&["iam", "list-open-id-connect-providers"])["OpenIDConnectProviderList"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let missing = eksup(&emu, &["create", "iamserviceaccount", "-f", &file, "--include", "nowhere/*"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no service account of the config matches"), "{}", missing.stderr);

    // `delete iamserviceaccount`: eksup's role and account go; then there is nothing to delete.
    let delete = |ns: &str, name: &str| {
        eksup(
            &emu,
            &[
                "delete",
                "iamserviceaccount",
                "--cluster",
                "later",
                "--namespace",
                ns,
                "--name",
                name,
                "--yes",
            ],
        )
        .expect(0, "delete iamserviceaccount")
    };
    eksup(&emu, &["create", "iamserviceaccount", "-f", &file, "--include", "jobs/*"]).expect(0, "jobs/other");
    let other = service_account(&emu, "jobs", "other").expect("jobs/other");
    assert!(other["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_string(), "{other}");
    assert!(other["metadata"]["labels"]["app.kubernetes.io/managed-by"].is_null(), "not claimed: {other}");
    delete("jobs", "other");
    assert!(service_account(&emu, "jobs", "other").is_some(), "the user's account stays");
    let gone = delete("backend", "reader");
    assert!(
        gone.stderr.contains("Deleted IAM role")
            && gone.stderr.contains("Deleted Kubernetes service account `backend/reader`"),
        "{}",
        gone.stderr
    );
    assert!(emu.aws_result(&["iam", "get-role", "--role-name", "eksup-later-sa-backend-reader"]).is_err());
    assert!(service_account(&emu, "backend", "reader").is_none());
    assert!(delete("backend", "reader").stderr.contains("nothing to delete"));

    // `set labels`, `get labels`, `unset labels` on the managed group, read back with the AWS CLI.
    let labels = || {
        let ng =
            emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "later", "--nodegroup-name", "ng-1"]);
        ng["nodegroup"]["labels"].clone()
    };
    let set = eksup(
        &emu,
        &["set", "labels", "--cluster", "later", "--nodegroup", "ng-1", "--labels", "team=web,tier=1"],
    )
    .expect(0, "set labels");
    assert!(set.stderr.contains("`team=web`, `tier=1`"), "{}", set.stderr);
    assert_eq!((labels()["team"].as_str(), labels()["tier"].as_str()), (Some("web"), Some("1")));
    let got = eksup(&emu, &["get", "labels", "--cluster", "later", "--nodegroup", "ng-1", "-o", "json"])
        .expect(0, "get labels");
    let got: Value = serde_json::from_str(&got.stdout).unwrap();
    assert_eq!(got["labels"]["team"], "web", "{got}");
    let again =
        eksup(&emu, &["set", "labels", "--cluster", "later", "--nodegroup", "ng-1", "--labels", "team=web"])
            .expect(0, "set labels again");
    assert!(again.stderr.contains("were already so"), "{}", again.stderr);
    eksup(&emu, &["unset", "labels", "--cluster", "later", "--nodegroup", "ng-1", "--labels", "team"])
        .expect(0, "unset labels");
    assert!(labels()["team"].is_null() && labels()["tier"] == "1", "{}", labels());
    let missing = eksup(&emu, &["get", "labels", "--cluster", "later", "--nodegroup", "nope"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no managed node group `nope`"), "{}", missing.stderr);

    eksup(&emu, &["delete", "cluster", "--name", "later", "--yes"]).expect(0, "delete");
}
