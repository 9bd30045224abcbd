//! The parts of an existing cluster from flags alone, as eksctl takes them: `create addon`,
//! `iamserviceaccount`, `podidentityassociation`, `fargateprofile`, `accessentry` and
//! `iamidentitymapping` with `--cluster` and the part's flags, no file. Each made on a cluster
//! eksup made (no node groups), read back with the AWS CLI (and kubectl for what lives in
//! Kubernetes); a dry-run changes nothing; a bad value fails with exit code 2 and names its flag;
//! the cluster itself (its network, its control plane's settings) is left as it is.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

/// A cluster without node groups, from flags (`extra` for more of `create cluster`'s).
fn cluster(emu: &Emulator, name: &str, extra: &[&str]) {
    let mut args = vec!["create", "cluster", "--name", name, "--without-nodegroup"];
    args.extend(extra);
    eksup(emu, &args).expect(0, "create cluster");
}

/// A usage error (exit code 2) whose message says `says`.
#[track_caller]
fn refused(run: &Run, says: &str) {
    assert_eq!(run.code, 2, "exit code {} (expected 2)\n{}", run.code, run.stderr);
    assert!(run.stderr.contains(says), "expected `{says}` in:\n{}", run.stderr);
}

/// An IAM role of the user's, trusted by `service`; its ARN.
fn role(emu: &Emulator, name: &str, service: &str) -> String {
    let trust = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Service":"{service}"}},"Action":["sts:AssumeRole","sts:TagSession"]}}]}}"#
    );
    let made = emu.aws(&["iam", "create-role", "--role-name", name, "--assume-role-policy-document", &trust]);
    made["Role"]["Arn"].as_str().unwrap().to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(str::to_string).collect()
}

fn addons(emu: &Emulator, cluster: &str) -> Vec<String> {
    strings(&emu.aws(&["eks", "list-addons", "--cluster-name", cluster])["addons"])
}

fn attached(emu: &Emulator, role: &str) -> Vec<String> {
    let got = emu.aws(&["iam", "list-attached-role-policies", "--role-name", role]);
    got["AttachedPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["PolicyArn"].as_str().unwrap().to_string())
        .collect()
}

fn service_account(emu: &Emulator, namespace: &str, name: &str) -> Option<Value> {
    let (ok, stdout, stderr) = emu.kubectl(&["get", "serviceaccount", name, "-n", namespace, "-o", "json"]);
    if !ok {
        assert!(stderr.contains("NotFound") || stderr.contains("not found"), "{stderr}");
        return None;
    }
    Some(serde_json::from_str(&stdout).unwrap())
}

/// `create addon --cluster --name --attach-policy-arn --force`: the add-on with a role eksup
/// makes (and the OIDC provider it needs); the control plane's logging, which the flags do not
/// mention, stays on; the file's rules (`-f` with a part's flags, `--include` without `-f`,
/// `--cluster` missing) and a value that is not an ARN are usage errors naming their flag.
#[test]
fn an_addon_is_created_from_flags_alone() {
    let emu = Emulator::start();
    let path = emu.home().join("c.yaml");
    std::fs::write(
        &path,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: flags\n  region: us-west-2\ncloudWatch:\n  clusterLogging:\n    enableTypes: [api, audit]\n",
    )
    .unwrap();
    let file = path.display().to_string();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create cluster");
    let ebs = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy";
    let add = ["create", "addon", "--cluster", "flags", "--name", "aws-ebs-csi-driver"];
    let with_role = [&add[..], &["--attach-policy-arn", ebs, "--force"]].concat();

    // The dry-run: the add-on, its role and the OIDC provider, nothing of the cluster's own.
    let plan = eksup(&emu, &[&with_role[..], &["--dry-run", "-o", "json"]].concat()).expect(0, "dry-run");
    let plan: Value = serde_json::from_str(&plan.stdout).unwrap();
    let ids: Vec<String> =
        plan["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().into()).collect();
    assert_eq!(ids, ["oidc-provider", "iam-role-addon-aws-ebs-csi-driver", "addon-aws-ebs-csi-driver"]);
    let addon = &plan["steps"][2]["resource"];
    assert_eq!(addon["resolveConflicts"], "overwrite", "`--force` is eksctl's OVERWRITE: {addon}");
    assert!(!addons(&emu, "flags").contains(&"aws-ebs-csi-driver".to_string()), "a dry-run makes nothing");
    let providers = emu.aws(&["iam", "list-open-id-connect-providers"]);
    assert_eq!(providers["OpenIDConnectProviderList"], serde_json::json!([]));

    let made = eksup(&emu, &with_role).expect(0, "create addon");
    assert!(made.stderr.contains("Created add-ons `aws-ebs-csi-driver`"), "{}", made.stderr);
    let described =
        emu.aws(&["eks", "describe-addon", "--cluster-name", "flags", "--addon-name", "aws-ebs-csi-driver"]);
    let role_arn = described["addon"]["serviceAccountRoleArn"].as_str().unwrap_or_default();
    assert!(role_arn.ends_with(":role/eksup-flags-addon-aws-ebs-csi-driver"), "{described}");
    assert_eq!(attached(&emu, "eksup-flags-addon-aws-ebs-csi-driver"), [ebs]);
    // The control plane is the cluster's, not the defaults of a config that names it only.
    let logging = emu.aws(&["eks", "describe-cluster", "--name", "flags"])["cluster"]["logging"].clone();
    let on: Vec<String> = logging["clusterLogging"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["enabled"] == true)
        .flat_map(|l| strings(&l["types"]))
        .collect();
    assert_eq!(on, ["api", "audit"], "{logging}");
    let again = eksup(&emu, &with_role).expect(0, "the same again");
    assert!(!again.stderr.contains("updat"), "nothing changes: {}", again.stderr);

    // Usage errors, each naming its flag.
    let bad = eksup(&emu, &[&add[..], &["--service-account-role-arn", "not-an-arn"]].concat());
    refused(&bad, "error: --service-account-role-arn: `not-an-arn` is not an ARN");
    assert!(bad.stderr.contains("the flags have 1 problem"), "{}", bad.stderr);
    refused(
        &eksup(&emu, &["create", "addon", "-f", &file, "--name", "vpc-cni"]),
        "cannot use `--name` when `--config-file/-f` is set",
    );
    refused(
        &eksup(&emu, &[&add[..], &["--include", "vpc-cni"]].concat()),
        "cannot use `--include` unless a config file is given with `--config-file/-f`",
    );
    let nameless = eksup(&emu, &["create", "addon", "--name", "vpc-cni"]);
    refused(&nameless, "`--cluster` must be set");
    assert!(nameless.stderr.contains("hint: name the existing cluster"), "{}", nameless.stderr);
    let elsewhere = eksup(&emu, &["create", "addon", "--cluster", "nope", "--name", "vpc-cni"]);
    assert_eq!(elsewhere.code, 1, "{}", elsewhere.stderr);
    assert!(elsewhere.stderr.contains("no cluster `nope` in `us-west-2`"), "{}", elsewhere.stderr);
    eksup(&emu, &["delete", "cluster", "--name", "flags", "--yes"]).expect(0, "delete cluster");
}

/// `create addon --wait` (eksctl's flag) waits until the add-on is ACTIVE, CoreDNS and
/// metrics-server too, which a run otherwise leaves turning ACTIVE once nodes run them.
#[test]
fn an_addon_made_with_wait_is_active_when_the_command_returns() {
    let emu = Emulator::builder().env("MOTO_EKS_ADDON_CREATE_SECONDS", "3").start();
    eksup(&emu, &["create", "cluster", "--name", "waits", "--nodes", "1"]).expect(0, "create cluster");
    let status = |name: &str| {
        emu.aws(&["eks", "describe-addon", "--cluster-name", "waits", "--addon-name", name])["addon"]["status"]
            .clone()
    };
    for name in ["coredns", "metrics-server"] {
        eksup(&emu, &["delete", "addon", "--cluster", "waits", "--name", name, "--yes"])
            .expect(0, "delete addon");
    }
    eksup(&emu, &["create", "addon", "--cluster", "waits", "--name", "coredns"]).expect(0, "create addon");
    assert_eq!(status("coredns"), "CREATING", "without --wait the run does not wait for CoreDNS");
    let waited =
        eksup(&emu, &["create", "addon", "--cluster", "waits", "--name", "metrics-server", "--wait"]);
    waited.expect(0, "create addon --wait");
    assert_eq!(status("metrics-server"), "ACTIVE");
    eksup(&emu, &["delete", "cluster", "--name", "waits", "--yes"]).expect(0, "delete cluster");
}

/// `create iamserviceaccount` from flags: the OIDC provider (the cluster had none), the role
/// (`--role-name`, `--tags`) trusted for that service account alone, and the ServiceAccount
/// annotated with it; `--role-only` makes the role alone; `--approve` changes nothing.
#[test]
fn a_service_account_and_its_role_are_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "irsaf", &[]);
    let s3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    let reader = [
        "create",
        "iamserviceaccount",
        "--cluster",
        "irsaf",
        "--name",
        "reader",
        "--namespace",
        "backend",
        "--attach-policy-arn",
        s3,
        "--role-name",
        "irsaf-reader",
        "--tags",
        "team=data",
    ];
    let plan = eksup(&emu, &[&reader[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert!(
        plan.stdout.contains("[oidc-provider]")
            && plan.stdout.contains("IAM role `irsaf-reader`")
            && plan.stdout.contains("[service-account-backend-reader]"),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("control-plane") && !plan.stdout.contains("VPC"), "{}", plan.stdout);
    assert!(
        emu.aws_result(&["iam", "get-role", "--role-name", "irsaf-reader"]).is_err(),
        "a dry-run makes nothing"
    );

    let made = eksup(&emu, &[&reader[..], &["--approve", "--override-existing-serviceaccounts"]].concat())
        .expect(0, "create");
    assert!(made.stderr.contains("Created service accounts `backend/reader`"), "{}", made.stderr);
    let role = emu.aws(&["iam", "get-role", "--role-name", "irsaf-reader"])["Role"].clone();
    let trust = &role["AssumeRolePolicyDocument"]["Statement"][0];
    let sub = trust["Condition"]["StringEquals"]
        .as_object()
        .and_then(|c| c.iter().find(|(k, _)| k.ends_with(":sub")).map(|(_, v)| v.clone()));
    assert_eq!(sub, Some("system:serviceaccount:backend:reader".into()), "{role}");
    assert_eq!(attached(&emu, "irsaf-reader"), [s3]);
    let tags = emu.aws(&["iam", "list-role-tags", "--role-name", "irsaf-reader"]);
    assert!(
        tags["Tags"].as_array().unwrap().iter().any(|t| t["Key"] == "team" && t["Value"] == "data"),
        "{tags}"
    );
    let account = service_account(&emu, "backend", "reader").expect("backend/reader");
    assert_eq!(account["metadata"]["annotations"]["eks.amazonaws.com/role-arn"], role["Arn"], "{account}");

    // `--role-only`: the role, no service account.
    eksup(
        &emu,
        &[
            "create",
            "iamserviceaccount",
            "--cluster",
            "irsaf",
            "--name",
            "autoscaler",
            "--namespace",
            "kube-system",
            "--role-only",
            "--attach-policy-arn",
            s3,
        ],
    )
    .expect(0, "role only");
    emu.aws(&["iam", "get-role", "--role-name", "eksup-irsaf-sa-kube-system-autoscaler"]);
    assert!(service_account(&emu, "kube-system", "autoscaler").is_none(), "--role-only makes no account");

    let bad = eksup(&emu, &[&reader[..], &["--permissions-boundary", "boundary"]].concat());
    refused(&bad, "error: --permissions-boundary: `boundary` is not an ARN");
    let policyless = eksup(&emu, &["create", "iamserviceaccount", "--cluster", "irsaf", "--name", "x"]);
    refused(&policyless, "`--attach-policy-arn` or `--attach-role-arn` must be set");
    let both = eksup(
        &emu,
        &[&reader[..6], &["--attach-role-arn", "arn:aws:iam::123456789012:role/r", "--role-only"]].concat(),
    );
    refused(&both, "cannot use `--role-only` with `--attach-role-arn`");
    eksup(&emu, &["delete", "cluster", "--name", "irsaf", "--yes"]).expect(0, "delete cluster");
    assert!(
        emu.aws_result(&["iam", "get-role", "--role-name", "irsaf-reader"]).is_err(),
        "deleted with the cluster"
    );
}

/// `create podidentityassociation` from flags: a role eksup makes with `--permission-policy-arns`
/// and `--well-known-policies`, the association, the ServiceAccount with
/// `--create-service-account`, and the `eks-pod-identity-agent` add-on the cluster lacked; a
/// role of the user's with `--role-arn`.
#[test]
fn a_pod_identity_association_is_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "pidf", &[]);
    let s3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    let app = [
        "create",
        "podidentityassociation",
        "--cluster",
        "pidf",
        "--namespace",
        "dev",
        "--service-account-name",
        "app",
        "--permission-policy-arns",
        s3,
        "--well-known-policies",
        "certManager",
        "--create-service-account",
        "--tags",
        "team=dev",
    ];
    let plan = eksup(&emu, &[&app[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert!(
        plan.stdout.contains("[addon-eks-pod-identity-agent]")
            && plan.stdout.contains("[pod-identity-dev-app]"),
        "{}",
        plan.stdout
    );
    assert!(addons(&emu, "pidf").iter().all(|a| a != "eks-pod-identity-agent"), "a dry-run makes nothing");

    eksup(&emu, &app).expect(0, "create");
    assert!(addons(&emu, "pidf").contains(&"eks-pod-identity-agent".to_string()));
    let listed = emu.aws(&[
        "eks",
        "list-pod-identity-associations",
        "--cluster-name",
        "pidf",
        "--namespace",
        "dev",
        "--service-account",
        "app",
    ]);
    let id = listed["associations"][0]["associationId"].as_str().expect("an association").to_string();
    let association = emu.aws(&[
        "eks",
        "describe-pod-identity-association",
        "--cluster-name",
        "pidf",
        "--association-id",
        &id,
    ])["association"]
        .clone();
    assert_eq!(
        association["roleArn"], "arn:aws:iam::123456789012:role/eksup-pidf-pod-dev.app",
        "{association}"
    );
    assert_eq!(association["tags"]["team"], "dev", "{association}");
    assert_eq!(attached(&emu, "eksup-pidf-pod-dev.app"), [s3]);
    let inline = emu.aws(&["iam", "list-role-policies", "--role-name", "eksup-pidf-pod-dev.app"]);
    assert!(!strings(&inline["PolicyNames"]).is_empty(), "cert-manager's statements: {inline}");
    assert!(service_account(&emu, "dev", "app").is_some(), "--create-service-account");

    let own = role(&emu, "job-role", "pods.eks.amazonaws.com");
    let job = [
        "create",
        "podidentityassociation",
        "--cluster",
        "pidf",
        "--namespace",
        "ops",
        "--service-account-name",
        "job",
    ];
    eksup(&emu, &[&job[..], &["--role-arn", &own]].concat()).expect(0, "a role of the user's");
    let listed =
        emu.aws(&["eks", "list-pod-identity-associations", "--cluster-name", "pidf", "--namespace", "ops"]);
    assert_eq!(listed["associations"].as_array().map(Vec::len), Some(1), "{listed}");
    assert!(service_account(&emu, "ops", "job").is_none(), "no --create-service-account");

    refused(
        &eksup(&emu, &[&job[..], &["--role-arn", &own, "--permission-policy-arns", s3]].concat()),
        "cannot use `--permission-policy-arns` with `--role-arn`",
    );
    refused(
        &eksup(
            &emu,
            &[
                &job[..3],
                &["pidf", "--namespace", "Ops", "--service-account-name", "job", "--role-arn", &own],
            ]
            .concat(),
        ),
        "error: --namespace: `Ops` is not a Kubernetes namespace name",
    );
    refused(&eksup(&emu, &[&job[..], &["--well-known-policies", "nope"]].concat()), "'--well-known-policies");
    eksup(&emu, &["delete", "cluster", "--name", "pidf", "--yes"]).expect(0, "delete cluster");
}

/// `create fargateprofile` from flags on a cluster in a VPC of another CIDR than the default:
/// the profile (named after its selector without `--name`) with the pod execution role eksup
/// makes, and no network of its own (the flags' defaults are not the cluster's); the same command
/// again finds it and replaces nothing.
#[test]
fn a_fargate_profile_is_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "fpf", &["--vpc-cidr", "10.42.0.0/16"]);
    let vpcs = || emu.aws(&["ec2", "describe-vpcs"])["Vpcs"].as_array().unwrap().len();
    let before = vpcs();
    let dev = [
        "create",
        "fargateprofile",
        "--cluster",
        "fpf",
        "--namespace",
        "dev",
        "--labels",
        "app=web",
        "--tags",
        "team=dev",
    ];
    let plan = eksup(&emu, &[&dev[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert!(plan.stdout.contains("Fargate profile `fp-"), "{}", plan.stdout);
    assert!(!plan.stdout.contains("subnet") && !plan.stdout.contains("VPC"), "{}", plan.stdout);
    let profiles = || {
        strings(&emu.aws(&["eks", "list-fargate-profiles", "--cluster-name", "fpf"])["fargateProfileNames"])
    };
    assert!(profiles().is_empty(), "a dry-run makes nothing");

    eksup(&emu, &dev).expect(0, "create");
    let names = profiles();
    assert!(names.len() == 1 && names[0].starts_with("fp-") && names[0].len() == 11, "{names:?}");
    let profile = emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        "fpf",
        "--fargate-profile-name",
        &names[0],
    ])["fargateProfile"]
        .clone();
    assert_eq!(profile["status"], "ACTIVE", "{profile}");
    assert_eq!(
        profile["selectors"],
        serde_json::json!([{"namespace": "dev", "labels": {"app": "web"}}]),
        "{profile}"
    );
    assert_eq!(profile["tags"]["team"], "dev", "{profile}");
    assert!(
        profile["podExecutionRoleArn"].as_str().unwrap().ends_with(":role/eksup-fpf-fargate"),
        "{profile}"
    );
    assert_eq!(vpcs(), before, "no VPC of the flags' defaults");

    let again = eksup(&emu, &dev).expect(0, "the same again");
    assert!(!again.stderr.contains("replacing"), "{}", again.stderr);
    assert_eq!(profiles(), names);
    let named = [&dev[..4], &["--name", "eks-dev", "--namespace", "dev"]].concat();
    refused(&eksup(&emu, &named), "error: --name: cannot start with `eks-`");
    refused(&eksup(&emu, &dev[..4]), "`--namespace` must be set");
    eksup(&emu, &["delete", "cluster", "--name", "fpf", "--yes"]).expect(0, "delete cluster");
}

/// `create accessentry` from flags: `--kubernetes-groups`, `--kubernetes-username`, `--type`; on
/// a cluster eksup made and on one made with the AWS CLI (the flags need only its name).
#[test]
fn an_access_entry_is_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "aef", &[]);
    let devs = role(&emu, "devs", "ec2.amazonaws.com");
    let nodes = role(&emu, "nodes", "ec2.amazonaws.com");
    let entry = |cluster: &str, arn: &str| {
        let got =
            emu.aws(&["eks", "describe-access-entry", "--cluster-name", cluster, "--principal-arn", arn]);
        got["accessEntry"].clone()
    };
    let add = ["create", "accessentry", "--cluster", "aef", "--principal-arn", &devs];
    let with_groups =
        [&add[..], &["--kubernetes-groups", "devs,readers", "--kubernetes-username", "dev"]].concat();
    eksup(&emu, &[&with_groups[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert!(
        emu.aws_result(&["eks", "describe-access-entry", "--cluster-name", "aef", "--principal-arn", &devs])
            .is_err()
    );

    eksup(&emu, &with_groups).expect(0, "create");
    let got = entry("aef", &devs);
    assert_eq!(strings(&got["kubernetesGroups"]), ["devs", "readers"], "{got}");
    assert_eq!((got["username"].as_str(), got["type"].as_str()), (Some("dev"), Some("STANDARD")), "{got}");
    eksup(
        &emu,
        &["create", "accessentry", "--cluster", "aef", "--principal-arn", &nodes, "--type", "EC2_LINUX"],
    )
    .expect(0, "EC2_LINUX");
    assert_eq!(entry("aef", &nodes)["type"], "EC2_LINUX");

    let bad = eksup(&emu, &[&add[..], &["--type", "BOGUS"]].concat());
    refused(&bad, "error: --type: `BOGUS` is not one of `STANDARD`");
    refused(&eksup(&emu, &add[..4]), "`--principal-arn` must be set");

    // A cluster eksup did not make: the part needs only its name.
    let subnets = emu.aws(&["ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true"]);
    let ids: Vec<&str> = subnets["Subnets"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|s| s["SubnetId"].as_str().unwrap())
        .collect();
    emu.create_cluster_with_aws(
        "foreign",
        &ids,
        &["--access-config", "authenticationMode=API_AND_CONFIG_MAP"],
    );
    eksup(
        &emu,
        &[
            "create",
            "accessentry",
            "--cluster",
            "foreign",
            "--principal-arn",
            &devs,
            "--kubernetes-groups",
            "devs",
        ],
    )
    .expect(0, "on a cluster made with the AWS CLI");
    assert_eq!(strings(&entry("foreign", &devs)["kubernetesGroups"]), ["devs"]);
    emu.aws(&["eks", "delete-access-entry", "--cluster-name", "foreign", "--principal-arn", &devs]);
    emu.aws(&["eks", "delete-cluster", "--name", "foreign"]);
    eksup(&emu, &["delete", "cluster", "--name", "aef", "--yes"]).expect(0, "delete cluster");
}

/// `create iamidentitymapping` from flags, each of eksctl's three forms: `--arn` (with
/// `--username` and `--group`; `system:masters` as the cluster admin access policy) as an access
/// entry, `--account` in aws-auth's `mapAccounts`, `--service-name` with `--namespace` as the
/// service's RBAC and its service-linked role in aws-auth; `get iamidentitymapping` lists them.
#[test]
fn identity_mappings_are_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "imf", &[]);
    let ops = role(&emu, "ops", "ec2.amazonaws.com");
    let admins = role(&emu, "admins", "ec2.amazonaws.com");
    let map = ["create", "iamidentitymapping", "--cluster", "imf"];
    let aws_auth = || {
        let (ok, data, _) = emu.kubectl(&["get", "configmap", "aws-auth", "-n", "kube-system", "-o", "json"]);
        ok.then(|| serde_json::from_str::<Value>(&data).unwrap()["data"].clone())
    };

    eksup(
        &emu,
        &[&map[..], &["--arn", &ops, "--username", "ops", "--group", "ops", "--group", "viewers"]].concat(),
    )
    .expect(0, "an ARN");
    let entry = emu.aws(&["eks", "describe-access-entry", "--cluster-name", "imf", "--principal-arn", &ops]);
    assert_eq!(strings(&entry["accessEntry"]["kubernetesGroups"]), ["ops", "viewers"], "{entry}");
    assert_eq!(entry["accessEntry"]["username"], "ops", "{entry}");
    eksup(&emu, &[&map[..], &["--arn", &admins, "--group", "system:masters"]].concat()).expect(0, "admins");
    let policies = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "imf",
        "--principal-arn",
        &admins,
    ]);
    assert_eq!(
        policies["associatedAccessPolicies"][0]["policyArn"],
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        "{policies}"
    );

    let account = [&map[..], &["--account", "111122223333"]].concat();
    let before = aws_auth();
    eksup(&emu, &[&account[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert_eq!(aws_auth(), before, "a dry-run changes nothing");
    eksup(&emu, &account).expect(0, "an account");
    let data = aws_auth().expect("aws-auth");
    let accounts: Value = serde_saphyr::from_str(data["mapAccounts"].as_str().unwrap()).unwrap();
    assert_eq!(accounts, serde_json::json!(["111122223333"]));

    eksup(&emu, &[&map[..], &["--service-name", "emr-containers", "--namespace", "emr"]].concat())
        .expect(0, "a service");
    let data = aws_auth().expect("aws-auth");
    let roles: Value = serde_saphyr::from_str(data["mapRoles"].as_str().unwrap()).unwrap();
    assert!(roles.to_string().contains("AWSServiceRoleForAmazonEMRContainers"), "{roles}");
    let (ok, rbac, err) = emu.kubectl(&["get", "roles,rolebindings", "-n", "emr", "-o", "json"]);
    assert!(ok, "{err}");
    let rbac: Value = serde_json::from_str(&rbac).unwrap();
    assert_eq!(rbac["items"].as_array().map(Vec::len), Some(2), "the Role and its RoleBinding: {rbac}");

    let listed =
        eksup(&emu, &["get", "iamidentitymapping", "--cluster", "imf", "-o", "json"]).expect(0, "get");
    let listed: Value = serde_json::from_str(&listed.stdout).unwrap();
    for want in [ops.as_str(), admins.as_str(), "111122223333", "AWSServiceRoleForAmazonEMRContainers"] {
        assert!(listed.to_string().contains(want), "{want}: {listed}");
    }

    refused(
        &eksup(&emu, &[&map[..], &["--arn", &ops, "--group", "system:nodes"]].concat()),
        "error: --group: `system:nodes` cannot be granted through an EKS access entry",
    );
    refused(
        &eksup(&emu, &[&map[..], &["--account", "12"]].concat()),
        "error: --account: `12` is not an AWS account id",
    );
    refused(
        &eksup(&emu, &[&map[..], &["--service-name", "emr-containers"]].concat()),
        "`--namespace` must be set with `--service-name`",
    );
    refused(&eksup(&emu, &map), "one of `--arn`, `--account` and `--service-name` must be set");
    eksup(&emu, &["delete", "cluster", "--name", "imf", "--yes"]).expect(0, "delete cluster");
}

/// `create capability` from flags: an ACK capability with a role eksup makes (the managed and
/// inline policies of the flags, the tags), a kro one acting as a role of the user's; read back
/// with the AWS CLI; a dry-run makes nothing; Argo CD (whose Identity Center settings have no
/// flags), a missing `--type`, a role of the user's with policies and a policy that is not JSON
/// are refused naming their flags; `delete capability` takes one with the role eksup made.
#[test]
fn capabilities_are_created_from_flags_alone() {
    let emu = Emulator::start();
    cluster(&emu, "capf", &[]);
    let create = ["create", "capability", "--cluster", "capf"];
    let listed = || -> Vec<String> {
        let got = emu.aws(&["eks", "list-capabilities", "--cluster-name", "capf"]);
        got["capabilities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["capabilityName"].as_str().unwrap().to_string())
            .collect()
    };
    let describe = |name: &str| {
        emu.aws(&["eks", "describe-capability", "--cluster-name", "capf", "--capability-name", name])["capability"]
            .clone()
    };
    let theirs = role(&emu, "kro-role", "capabilities.eks.amazonaws.com");
    refused(&eksup(&emu, &[&create[..], &["--name", "ack"]].concat()), "`--type` must be set");
    refused(
        &eksup(&emu, &[&create[..], &["--name", "argo", "--type", "ARGOCD"]].concat()),
        "an `ARGOCD` capability cannot be made from flags",
    );
    refused(
        &eksup(
            &emu,
            &[
                &create[..],
                &["--name", "kro", "--type", "KRO", "--role-arn", &theirs, "--attach-policy-arns", "x"],
            ]
            .concat(),
        ),
        "cannot use `--attach-policy-arns` with `--role-arn`",
    );
    refused(
        &eksup(
            &emu,
            &[&create[..], &["--name", "ack", "--type", "ACK", "--attach-policy", "{nope"]].concat(),
        ),
        "`--attach-policy` is not a JSON policy document",
    );
    let inline = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ListQueues","Resource":"*"}]}"#;
    let ack = [
        &create[..],
        &[
            "--name",
            "ack",
            "--type",
            "ACK",
            "--attach-policy-arns",
            "arn:aws:iam::aws:policy/AmazonS3FullAccess",
            "--attach-policy",
            inline,
            "--tags",
            "team=data",
        ],
    ]
    .concat();
    eksup(&emu, &[&ack[..], &["--dry-run"]].concat()).expect(0, "dry-run");
    assert!(listed().is_empty(), "a dry-run makes nothing");
    eksup(&emu, &ack).expect(0, "ack");
    let made = describe("ack");
    assert_eq!((made["type"].as_str(), made["status"].as_str()), (Some("ACK"), Some("ACTIVE")), "{made}");
    assert_eq!(made["tags"]["team"], "data", "{made}");
    assert_eq!(made["deletePropagationPolicy"], "RETAIN", "{made}");
    let role_name = made["roleArn"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
    assert_eq!(attached(&emu, &role_name), ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]);
    let inline_names = emu.aws(&["iam", "list-role-policies", "--role-name", &role_name]);
    let name = inline_names["PolicyNames"][0].as_str().expect("an inline policy").to_string();
    let doc = emu.aws(&["iam", "get-role-policy", "--role-name", &role_name, "--policy-name", &name]);
    assert_eq!(doc["PolicyDocument"]["Statement"][0]["Action"], "sqs:ListQueues", "{doc}");
    let trust = emu.aws(&["iam", "get-role", "--role-name", &role_name]);
    let trust = &trust["Role"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"];
    assert_eq!(trust, "capabilities.eks.amazonaws.com");

    eksup(&emu, &[&create[..], &["--name", "kro", "--type", "KRO", "--role-arn", &theirs]].concat())
        .expect(0, "kro");
    assert_eq!(describe("kro")["roleArn"], theirs.as_str());
    let mut names = listed();
    names.sort();
    assert_eq!(names, ["ack", "kro"]);

    eksup(&emu, &["delete", "capability", "--cluster", "capf", "--name", "ack", "--yes"]).expect(0, "delete");
    let gone = emu.aws_result(&["iam", "get-role", "--role-name", &role_name]);
    assert!(gone.is_err_and(|e| e.contains("NoSuchEntity")), "the role eksup made is gone");
    assert_eq!(listed(), ["kro"]);
    eksup(&emu, &["delete", "cluster", "--name", "capf", "--yes"]).expect(0, "delete cluster");
    emu.aws(&["iam", "get-role", "--role-name", "kro-role"]);
}
