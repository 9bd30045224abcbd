//! EKS Pod Identity associations (`iam.podIdentityAssociations`) on a running cluster:
//! `create podidentityassociation -f` adds the file's (with `--include`), a re-run of `create
//! cluster` changes one eksup made to the file's session tags and policy, one made outside eksup
//! for another role stops the run, and `delete cluster` leaves no role of eksup's behind. Read
//! back with the AWS CLI and kubectl.

use serde_json::Value;

use crate::support::{Emulator, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

const HEAD: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: pid\n  region: us-west-2\naddons:\n  - name: eks-pod-identity-agent\n";

/// The association of `namespace/account`, as the AWS CLI describes it.
fn association(emu: &Emulator, namespace: &str, account: &str) -> Option<Value> {
    let listed = emu.aws(&[
        "eks",
        "list-pod-identity-associations",
        "--cluster-name",
        "pid",
        "--namespace",
        namespace,
        "--service-account",
        account,
    ]);
    let id = listed["associations"].as_array()?.first()?["associationId"].as_str()?.to_string();
    let got = emu.aws(&[
        "eks",
        "describe-pod-identity-association",
        "--cluster-name",
        "pid",
        "--association-id",
        &id,
    ]);
    Some(got["association"].clone())
}

#[test]
fn pod_identity_associations_are_added_changed_and_removed_with_the_cluster() {
    let emu = Emulator::start();
    let path = emu.home().join("c.yaml");
    let file = path.display().to_string();
    std::fs::write(&path, HEAD).unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");

    // A role of the user's for `ops/job`.
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#;
    let own =
        emu.aws(&["iam", "create-role", "--role-name", "job-role", "--assume-role-policy-document", trust]);
    let own = own["Role"]["Arn"].as_str().unwrap().to_string();
    let associations = |dev_extra: &str| {
        format!(
            "{HEAD}iam:\n  podIdentityAssociations:\n    - namespace: dev\n      serviceAccountName: app\n      wellKnownPolicies: {{certManager: true}}\n{dev_extra}    - namespace: ops\n      serviceAccountName: job\n      roleARN: {own}\n      createServiceAccount: true\n"
        )
    };
    std::fs::write(&path, associations("")).unwrap();
    let plan =
        eksup(&emu, &["create", "podidentityassociation", "-f", &file, "--include", "dev/*", "--dry-run"])
            .expect(0, "dry-run");
    assert!(
        plan.stdout.contains("[iam-role-pod-identity-dev-app]")
            && plan.stdout.contains("[pod-identity-dev-app]"),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("ops/job"), "not included: {}", plan.stdout);
    let made = eksup(&emu, &["create", "podidentityassociation", "-f", &file, "--include", "dev/*"])
        .expect(0, "create dev/*");
    assert!(made.stderr.contains("pod identity associations `dev/app`"), "{}", made.stderr);
    let dev = association(&emu, "dev", "app").expect("dev/app");
    assert_eq!(dev["roleArn"], "arn:aws:iam::123456789012:role/eksup-pid-pod-dev.app", "{dev}");
    assert_eq!(dev["tags"]["eksup.io/cluster"], "pid", "ownership tags: {dev}");
    assert!(association(&emu, "ops", "job").is_none(), "not included");

    eksup(&emu, &["create", "podidentityassociation", "-f", &file]).expect(0, "create all");
    assert_eq!(association(&emu, "ops", "job").expect("ops/job")["roleArn"], own.as_str());
    let (ok, out, err) = emu.kubectl(&["get", "serviceaccount", "job", "-n", "ops", "-o", "json"]);
    assert!(ok, "{err}");
    let sa: Value = serde_json::from_str(&out).unwrap();
    assert!(sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_null(), "{sa}");
    let (ok, _, _) = emu.kubectl(&["get", "serviceaccount", "app", "-n", "dev"]);
    assert!(!ok, "`dev/app` has no createServiceAccount");

    // A re-run with session tags off and a session policy: the association is updated in place.
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"route53:GetChange","Resource":"*"}]}"#;
    std::fs::write(
        &path,
        associations(&format!("      disableSessionTags: true\n      policy: '{policy}'\n")),
    )
    .unwrap();
    let id = dev["associationId"].clone();
    // A tag of eksup's taken off by hand comes back with the re-run.
    emu.aws(&[
        "eks",
        "untag-resource",
        "--resource-arn",
        dev["associationArn"].as_str().unwrap(),
        "--tag-keys",
        "eksup.io/resource",
    ]);
    assert!(association(&emu, "dev", "app").unwrap()["tags"]["eksup.io/resource"].is_null());
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "re-run");
    let dev = association(&emu, "dev", "app").unwrap();
    assert_eq!(dev["associationId"], id, "the same association: {dev}");
    assert_eq!(dev["tags"]["eksup.io/resource"], "pod-identity-dev-app", "{dev}");
    assert_eq!(dev["disableSessionTags"], true, "{dev}");
    assert!(dev["policy"].as_str().is_some_and(|p| p.contains("route53:GetChange")), "{dev}");
    let listed = eksup(&emu, &["get", "podidentityassociation", "--cluster", "pid"]).expect(0, "get");
    assert!(
        listed.stdout.contains("eksup-pid-pod-dev.app") && listed.stdout.contains("job-role"),
        "{}",
        listed.stdout
    );

    // `web/site` associated outside eksup with another role: the run stops there.
    emu.aws(&[
        "eks",
        "create-pod-identity-association",
        "--cluster-name",
        "pid",
        "--namespace",
        "web",
        "--service-account",
        "site",
        "--role-arn",
        &own,
    ]);
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("    - namespace: web\n      serviceAccountName: site\n      permissionPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess]\n");
    std::fs::write(&path, text).unwrap();
    let refused = eksup(&emu, &["create", "cluster", "-f", &file]);
    assert_ne!(refused.code, 0);
    // Its role was made before the association was refused; `delete cluster` takes it.
    emu.aws(&["iam", "get-role", "--role-name", "eksup-pid-pod-web.site"]);
    assert!(
        refused.stderr.contains("pod identity association of `web/site`: it was made outside eksup")
            && refused.stderr.contains("role `arn:aws:iam::123456789012:role/job-role`")
            && refused.stderr.contains("delete it with `eksup delete podidentityassociation --cluster pid"),
        "{}",
        refused.stderr
    );

    // `delete podidentityassociation`: the association, and the role eksup made for it; a role
    // of the user's stays.
    let delete = |ns: &str, sa: &str| {
        eksup(
            &emu,
            &[
                "delete",
                "podidentityassociation",
                "--cluster",
                "pid",
                "--namespace",
                ns,
                "--service-account-name",
                sa,
                "--yes",
            ],
        )
        .expect(0, "delete podidentityassociation")
    };
    let gone = delete("dev", "app");
    assert!(
        gone.stderr.contains("IAM role `eksup-pid-pod-dev.app`, which eksup made for it"),
        "{}",
        gone.stderr
    );
    assert!(association(&emu, "dev", "app").is_none());
    assert!(emu.aws_result(&["iam", "get-role", "--role-name", "eksup-pid-pod-dev.app"]).is_err());
    let kept = delete("ops", "job");
    assert!(kept.stderr.contains("eksup did not make it"), "{}", kept.stderr);
    assert!(association(&emu, "ops", "job").is_none());
    emu.aws(&["iam", "get-role", "--role-name", "job-role"]);
    let nothing = delete("ops", "job");
    assert!(nothing.stderr.contains("nothing to delete"), "{}", nothing.stderr);

    eksup(&emu, &["delete", "cluster", "--name", "pid", "--yes"]).expect(0, "delete");
    for role in ["eksup-pid-pod-dev.app", "eksup-pid-pod-web.site"] {
        assert!(emu.aws_result(&["iam", "get-role", "--role-name", role]).is_err(), "{role} is gone");
    }
    emu.aws(&["iam", "get-role", "--role-name", "job-role"]);
}

/// Add-ons' own pod identities (`addonsConfig.autoApplyPodIdentityAssociations`, no OIDC): the
/// vpc-cni's `aws-node` and the EBS driver's controller get roles trusted by EKS Pod Identity
/// with AWS's recommended policies, passed in CreateAddon; EKS makes the associations (owned by
/// the add-on); the nodes turn Ready with aws-node's credentials from it, their role without the
/// CNI policy. A re-run changes nothing; `delete cluster` leaves no association or role.
#[test]
fn addons_take_their_roles_through_eks_pod_identity() {
    let emu = Emulator::start();
    let path = emu.home().join("c.yaml");
    let file = path.display().to_string();
    let config = format!(
        "{HEAD}  - name: aws-ebs-csi-driver\naddonsConfig:\n  autoApplyPodIdentityAssociations: true\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: 2\n"
    );
    std::fs::write(&path, config).unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    let nodes = emu.nodes();
    assert!(nodes.len() == 2 && nodes.iter().all(|n| n.1), "nodes Ready: {nodes:?}");

    for (addon, account, policy) in [
        ("vpc-cni", "aws-node", "AmazonEKS_CNI_Policy"),
        ("aws-ebs-csi-driver", "ebs-csi-controller-sa", "AmazonEBSCSIDriverPolicy"),
    ] {
        let described = emu.aws(&["eks", "describe-addon", "--cluster-name", "pid", "--addon-name", addon]);
        let arns = described["addon"]["podIdentityAssociations"].as_array().cloned().unwrap_or_default();
        assert_eq!(arns.len(), 1, "{addon}: {described}");
        let a =
            association(&emu, "kube-system", account).unwrap_or_else(|| panic!("{addon}: no association"));
        assert_eq!(a["associationArn"], arns[0], "{a}");
        assert!(
            a["ownerArn"].as_str().is_some_and(|o| o.contains(&format!("addon/pid/{addon}/"))),
            "owned by the add-on: {a}"
        );
        let role = a["roleArn"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
        assert_eq!(role, format!("eksup-pid-addon-{addon}-{account}"));
        let got = emu.aws(&["iam", "get-role", "--role-name", &role]);
        assert!(
            got["Role"]["AssumeRolePolicyDocument"].to_string().contains("pods.eks.amazonaws.com"),
            "{got}"
        );
        let attached = emu.aws(&["iam", "list-attached-role-policies", "--role-name", &role]);
        assert!(attached.to_string().contains(policy), "{addon}: {attached}");
    }
    let node_role = emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-pid-ng-node"]);
    assert!(!node_role.to_string().contains("AmazonEKS_CNI_Policy"), "{node_role}");

    // `get addon -o json` in eksctl's fields: the add-on's associations described.
    let got = eksup(&emu, &["get", "addon", "--cluster", "pid", "--name", "vpc-cni", "-o", "json"])
        .expect(0, "get addon");
    let got: Value = serde_json::from_str(&got.stdout).expect("JSON");
    let cni = &got[0];
    let pia = &cni["PodIdentityAssociations"][0];
    assert_eq!(
        (&pia["Namespace"], &pia["ServiceAccount"]),
        (&Value::from("kube-system"), &Value::from("aws-node")),
        "{cni}"
    );
    assert!(
        pia["RoleARN"].as_str().is_some_and(|r| r.ends_with("/eksup-pid-addon-vpc-cni-aws-node")),
        "{cni}"
    );
    assert_eq!(
        pia["AssociationID"],
        association(&emu, "kube-system", "aws-node").unwrap()["associationId"],
        "{cni}"
    );
    assert!(cni["Issues"].is_array() && cni["NewerVersion"].is_string(), "{cni}");

    let again = eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "re-run");
    assert!(!again.stderr.contains("updated add-on"), "nothing changes: {}", again.stderr);

    // `delete addon` takes the add-on's association (EKS) and the role eksup made for it.
    let gone = eksup(&emu, &["delete", "addon", "--cluster", "pid", "--name", "aws-ebs-csi-driver", "--yes"])
        .expect(0, "delete addon");
    let role = "eksup-pid-addon-aws-ebs-csi-driver-ebs-csi-controller-sa";
    assert!(gone.stderr.contains(role), "{}", gone.stderr);
    assert!(emu.aws_result(&["iam", "get-role", "--role-name", role]).is_err(), "the role is gone");
    assert!(association(&emu, "kube-system", "ebs-csi-controller-sa").is_none(), "the association is gone");

    eksup(&emu, &["delete", "cluster", "--yes", "-f", &file]).expect(0, "delete");
    let left = emu.aws(&["iam", "list-roles"]);
    assert!(!left.to_string().contains("eksup-pid-"), "{left}");
}
