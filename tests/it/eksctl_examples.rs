//! Every eksctl example that eksup accepts creates a cluster on the strict emulator whose nodes
//! turn Ready (read back with kubectl through the kubeconfig eksup wrote), and, with load
//! balancers and CNI leftovers of Kubernetes present, deletes to nothing. What an example names
//! that must exist in the account (a VPC and subnets, principals, a KMS key, an AMI) is made
//! first with awscli and its ids put in place of the example's.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{Emulator, Inventory, Run};

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eksctl-examples").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// A VPC with one subnet per (cidr, zone), tagged for load balancers like eksctl's, and a way
/// out through a NAT gateway in a public subnet of its own (the last /24 of `cidr`, which no
/// caller's subnet uses): the subnets' ids.
fn network(emu: &Emulator, cidr: &str, subnets: &[(&str, &str)]) -> (String, Vec<String>) {
    let vpc = str_of(&emu.aws(&["ec2", "create-vpc", "--cidr-block", cidr])["Vpc"]["VpcId"]);
    let ids = subnets
        .iter()
        .map(|(cidr, az)| {
            let s = emu.aws(&[
                "ec2",
                "create-subnet",
                "--vpc-id",
                &vpc,
                "--cidr-block",
                cidr,
                "--availability-zone",
                az,
            ]);
            let id = str_of(&s["Subnet"]["SubnetId"]);
            emu.aws(&[
                "ec2",
                "create-tags",
                "--resources",
                &id,
                "--tags",
                "Key=kubernetes.io/role/elb,Value=1",
            ]);
            id
        })
        .collect();
    let (a, b) = {
        let mut octets = cidr.split('.');
        (octets.next().unwrap_or("10"), octets.next().unwrap_or("0"))
    };
    emu.nat_egress(&vpc, &format!("{a}.{b}.255.0/24"), subnets[0].1);
    (vpc, ids)
}

/// The dry-run of an example as eksctl publishes it, which eksup refuses (exit code 1).
fn refused_as_published(emu: &Emulator, name: &str) -> Run {
    let file = emu.home().join("as-published.yaml");
    std::fs::write(&file, example(name)).unwrap();
    let refused = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
    assert_eq!(refused.code, 1, "{name}: {}", refused.stderr);
    refused
}

/// A VPC of the user's in `us-west-2a` and `b`: its id, the public subnets' and then the private
/// ones' ids, and the `vpc:` block naming them.
fn vpc_of_two_zones(emu: &Emulator) -> (String, Vec<String>, String) {
    let (vpc, ids) = network(
        emu,
        "192.168.0.0/16",
        &[
            ("192.168.0.0/19", "us-west-2a"),
            ("192.168.32.0/19", "us-west-2b"),
            ("192.168.64.0/19", "us-west-2a"),
            ("192.168.96.0/19", "us-west-2b"),
        ],
    );
    let yaml = format!(
        "vpc:\n  id: {vpc}\n  subnets:\n    public:\n      us-west-2a: {{id: {}}}\n      us-west-2b: {{id: {}}}\n    private:\n      us-west-2a: {{id: {}}}\n      us-west-2b: {{id: {}}}\n",
        ids[0], ids[1], ids[2], ids[3]
    );
    (vpc, ids, yaml)
}

/// EKS's AmazonLinux2 AMI for Kubernetes 1.32 in the emulator's region, to stand for an example's
/// own AMI.
fn amazon_linux_2_ami(emu: &Emulator) -> String {
    let found = emu.aws(&[
        "ssm",
        "get-parameter",
        "--name",
        "/aws/service/eks/optimized-ami/1.32/amazon-linux-2/recommended/image_id",
    ]);
    str_of(&found["Parameter"]["Value"])
}

/// A security group of the user's in `vpc`; its id.
fn security_group(emu: &Emulator, vpc: &str, name: &str) -> String {
    let made = emu.aws(&[
        "ec2",
        "create-security-group",
        "--group-name",
        name,
        "--description",
        name,
        "--vpc-id",
        vpc,
    ]);
    str_of(&made["GroupId"])
}

/// Create the example (`text`, after its substitutions), check its nodes, add what Kubernetes
/// leaves in a VPC, delete, and check nothing of eksup's is left.
fn lifecycle(emu: &Emulator, name: &str, text: &str) {
    lifecycle_checked(emu, name, text, |_| {});
}

/// [`lifecycle`], with `check` run on the created cluster (its name given) before the delete.
fn lifecycle_checked(emu: &Emulator, name: &str, text: &str, check: impl FnOnce(&str)) {
    let file: PathBuf = emu.home().join(name);
    std::fs::write(&file, text).expect("cannot write the example");
    // The cluster's name and how many nodes it should have Ready, from the plan.
    let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-o", "json", "-f"]).arg(&file));
    assert_eq!(plan.code, 0, "{name}: dry-run:\n{}", plan.stderr);
    let plan: Value = serde_json::from_str(&plan.stdout).expect("JSON plan");
    let cluster = str_of(&plan["plan"]["cluster"]);
    let cluster = cluster.as_str();
    let nodes: usize = plan["plan"]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["resource"]["type"] == "nodesReady")
        .map(|s| s["resource"]["count"].as_u64().unwrap_or(0) as usize)
        .sum();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 0, "{name}: create failed:\n{stderr}");
    let access = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"];
    if access["endpointPublicAccess"] == false {
        // A private-only endpoint refuses kubectl from outside the VPC (the create saw the
        // nodes Ready before it closed the public endpoint).
        let (ok, _, _) = emu.kubectl(&["get", "nodes", "--request-timeout=10s"]);
        assert!(!ok, "{name}: kubectl reached a private-only endpoint from outside the VPC");
    } else {
        let listed = emu.nodes();
        assert_eq!(listed.len(), nodes, "{name}: nodes {listed:?}");
        assert!(listed.iter().all(|n| n.1), "{name}: every node Ready: {listed:?}");
    }
    check(cluster);
    if nodes > 0 {
        let lb = emu.control_json(
            "/eksup-test/kubernetes/load-balancer",
            &serde_json::json!({"cluster": cluster, "service": "default/web", "kind": "nlb", "region": emu.region()}),
        );
        assert!(lb["securityGroupId"].is_string(), "{name}: {lb}");
        emu.control_json(
            "/eksup-test/kubernetes/leftover-enis",
            &serde_json::json!({"cluster": cluster, "count": 1, "region": emu.region()}),
        );
    }
    let out = Run::of(emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 0, "{name}: delete failed:\n{stderr}");
    assert!(stderr.contains("nothing left"), "{name}: {stderr}");
    Inventory::owned(emu, cluster).assert_empty(true);
    assert_eq!(emu.aws(&["eks", "list-clusters"])["clusters"], serde_json::json!([]), "{name}");
    assert_eq!(
        emu.aws(&["elbv2", "describe-load-balancers"])["LoadBalancers"],
        serde_json::json!([]),
        "{name}"
    );
}

macro_rules! plain_example {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let emu = Emulator::builder().region(region_of(&example($file))).start();
            lifecycle(&emu, $file, &example($file));
        }
    };
}

/// The region an example names.
fn region_of(text: &str) -> String {
    text.lines()
        .find_map(|l| l.trim().strip_prefix("region:"))
        .map(|r| r.trim().trim_matches('"').to_string())
        .unwrap_or_else(|| "us-west-2".into())
}

plain_example!(simple_cluster, "01-simple-cluster.yaml");
plain_example!(two_nodegroups, "03-two-nodegroups.yaml");
plain_example!(nat_gateways, "09-nat-gateways.yaml");
plain_example!(encrypted_volumes, "10-encrypted-volumes.yaml");
plain_example!(node_to_pod_labels, "18-node-to-pod-label-matching.yaml");
plain_example!(managed_spot, "26-managed-nodegroup-spot-instances.yaml");
plain_example!(taints, "34-taints.yaml");
plain_example!(zonal_shift, "41-zonal-shift.yaml");
plain_example!(upgrade_policy, "45-upgrade-policy-example.yaml");

#[test]
fn existing_vpc() {
    let text = example("04-existing-vpc.yaml");
    let emu = Emulator::builder().region("eu-north-1").start();
    let (vpc, ids) = network(
        &emu,
        "192.168.0.0/16",
        &[
            ("192.168.128.0/19", "eu-north-1a"),
            ("192.168.64.0/19", "eu-north-1b"),
            ("192.168.0.0/19", "eu-north-1c"),
        ],
    );
    let text = text
        .replace("vpc-0dd338ecf29863c55", &vpc)
        .replace("subnet-0b2512f8c6ae9bf30", &ids[0])
        .replace("subnet-08cb9a2ed60394ce3", &ids[1])
        .replace("subnet-00f71956cdec8f1dc", &ids[2]);
    lifecycle(&emu, "04-existing-vpc.yaml", &text);
}

#[test]
fn nodegroup_subnets() {
    let text = example("24-nodegroup-subnets.yaml");
    let emu = Emulator::start();
    let (vpc, ids) = network(
        &emu,
        "192.168.0.0/16",
        &[
            ("192.168.0.0/19", "us-west-2a"),
            ("192.168.32.0/19", "us-west-2b"),
            ("192.168.64.0/19", "us-west-2c"),
            ("192.168.160.0/19", "us-west-2a"),
            ("192.168.96.0/19", "us-west-2b"),
            ("192.168.128.0/19", "us-west-2c"),
        ],
    );
    let text = text
        .replace("vpc-0c24b1cc77da8f463", &vpc)
        .replace("subnet-0324095a4f2188967", &ids[0])
        .replace("subnet-083814b087bad140b", &ids[1])
        .replace("subnet-03a1260affe6f9944", &ids[2])
        .replace("subnet-00110ffa3ef259d0c", &ids[4])
        .replace("subnet-0a96e24163ef2c9c3", &ids[5]);
    lifecycle(&emu, "24-nodegroup-subnets.yaml", &text);
}

#[test]
fn kms_cluster() {
    let emu = Emulator::start();
    let key = str_of(&emu.aws(&["kms", "create-key"])["KeyMetadata"]["Arn"]);
    let text = example("19-kms-cluster.yaml")
        .replace("arn:aws:kms:us-west-2:000000000000:key/00000000-0000-0000-0000-000000000000", &key);
    lifecycle(&emu, "19-kms-cluster.yaml", &text);
}

#[test]
fn access_entries() {
    let emu = Emulator::start();
    let trust = r#"{"Version":"2012-10-17","Statement":[]}"#;
    for role in ["role-name-1", "admin-role", "role-name-2"] {
        emu.aws(&["iam", "create-role", "--role-name", role, "--assume-role-policy-document", trust]);
    }
    emu.aws(&["iam", "create-user", "--user-name", "my-user-name"]);
    let text = example("40-access-entries.yaml").replace("111122223333", "123456789012");
    lifecycle_checked(&emu, "40-access-entries.yaml", &text, |cluster| {
        // `get accessentry`: every entry, with its policies and scopes, in eksctl's fields.
        let out = Run::of(emu.eksup().args(["get", "accessentry", "--cluster", cluster, "-o", "json"]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let entries: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let entry = |name: &str| {
            entries
                .as_array()
                .unwrap()
                .iter()
                .find(|e| str_of(&e["principalARN"]).ends_with(name))
                .unwrap_or_else(|| panic!("{name}: {entries}"))
                .clone()
        };
        assert_eq!(entry("user/my-user-name")["kubernetesGroups"], serde_json::json!(["group1", "group2"]));
        let viewer = entry("role/role-name-1");
        assert_eq!(
            viewer["accessPolicies"],
            serde_json::json!([{
                "policyARN": "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
                "accessScope": { "type": "namespace", "namespaces": ["default", "my-namespace", "dev-*"] }
            }]),
            "{viewer}"
        );
        assert_eq!(entry("role/admin-role")["accessPolicies"][0]["accessScope"]["type"], "cluster");
        assert_eq!(entry("role/role-name-2")["type"], "EC2_LINUX");
        let one = Run::of(emu.eksup().args([
            "get",
            "accessentry",
            "--cluster",
            cluster,
            "--principal-arn",
            "arn:aws:iam::123456789012:role/admin-role",
        ]));
        assert_eq!(one.code, 0, "{}", one.stderr);
        assert_eq!(one.stdout.lines().count(), 2, "a header and the one entry: {}", one.stdout);
        assert!(one.stdout.contains("AmazonEKSClusterAdminPolicy (cluster)"), "{}", one.stdout);
        let missing = Run::of(emu.eksup().args([
            "get",
            "accessentry",
            "--cluster",
            cluster,
            "--principal-arn",
            "arn:aws:iam::123456789012:role/nobody",
        ]));
        assert_eq!(missing.code, 1);
        assert!(
            missing.stderr.contains("hint: list them with `eksup get accessentry --cluster"),
            "{}",
            missing.stderr
        );
    });
}

/// Fargate profiles (with selectors' labels and tags), shown by `get fargateprofile` as EKS has
/// them, and the cluster's add-ons by `get addon`; a cluster that does not exist is an error
/// with what to do.
#[test]
fn fargate_profile() {
    let emu = Emulator::builder().region("ap-northeast-1").start();
    lifecycle_checked(&emu, "16-fargate-profile.yaml", &example("16-fargate-profile.yaml"), |cluster| {
        let out = Run::of(emu.eksup().args(["get", "fargateprofile", "--cluster", cluster, "-o", "json"]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let profiles: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let names: Vec<String> = profiles.as_array().unwrap().iter().map(|p| str_of(&p["name"])).collect();
        assert_eq!(names, ["fp-default", "fp-dev"]);
        let dev = &profiles[1];
        assert_eq!(
            dev["selectors"],
            serde_json::json!([{ "namespace": "dev", "labels": { "checks": "passed", "env": "dev" } }])
        );
        assert_eq!(
            (&dev["tags"]["env"], &dev["tags"]["name"]),
            (&"dev".into(), &"fp-dev".into()),
            "the file's tags"
        );
        assert_eq!(dev["tags"]["eksup.io/cluster"], cluster, "and eksup's");
        assert_eq!(dev["status"], "ACTIVE");
        let described = emu.aws(&[
            "eks",
            "describe-fargate-profile",
            "--cluster-name",
            cluster,
            "--fargate-profile-name",
            "fp-dev",
        ]);
        assert_eq!(dev["podExecutionRoleARN"], described["fargateProfile"]["podExecutionRoleArn"]);
        let table = Run::of(emu.eksup().args([
            "get",
            "fargateprofile",
            "--cluster",
            cluster,
            "--name",
            "fp-default",
        ]));
        assert_eq!(table.code, 0, "{}", table.stderr);
        assert!(
            table
                .stdout
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("fp-default") && l.contains("default,kube-system")),
            "{}",
            table.stdout
        );
        // `get addon`: what EKS lists, with the version EKS reports.
        let out = Run::of(emu.eksup().args(["get", "addon", "--cluster", cluster, "-o", "json"]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let addons: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let mut listed: Vec<String> = emu.aws(&["eks", "list-addons", "--cluster-name", cluster])["addons"]
            .as_array()
            .unwrap()
            .iter()
            .map(str_of)
            .collect();
        listed.sort();
        let names: Vec<String> = addons.as_array().unwrap().iter().map(|a| str_of(&a["Name"])).collect();
        assert_eq!(names, listed);
        let cni = emu.aws(&["eks", "describe-addon", "--cluster-name", cluster, "--addon-name", "vpc-cni"]);
        let ours = addons.as_array().unwrap().iter().find(|a| a["Name"] == "vpc-cni").unwrap();
        assert_eq!(ours["Version"], cni["addon"]["addonVersion"]);
        assert_eq!(ours["Status"], "ACTIVE");
    });
    let missing = Run::of(emu.eksup().args(["get", "addon", "--cluster", "nope"]));
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no cluster `nope` in this region"), "{}", missing.stderr);
}

/// IAM roles for service accounts: a role per account (managed, inline and every well-known
/// policy), the accounts annotated in Kubernetes, one with a role of its own; all gone after the
/// delete. Each of the seven `wellKnownPolicies` is read back with the AWS CLI: the role holds
/// exactly what eksctl's `createWellKnownPolicies` gives (`iam_helper.go`, statements from
/// `statement.go`), managed policies by name and inline ones by their actions and resources, the
/// partition filled in.
#[test]
fn iam_service_accounts() {
    let emu = Emulator::start();
    lifecycle_checked(
        &emu,
        "13-iamserviceaccounts.yaml",
        &example("13-iamserviceaccounts.yaml"),
        |cluster| {
            let role = |ns: &str, name: &str| format!("eksup-{cluster}-sa-{ns}-{name}");
            let policies = |ns: &str, name: &str| {
                let (managed, inline) = role_policies(&emu, &role(ns, name));
                let names: Vec<String> = inline.keys().cloned().collect();
                (managed, names, inline)
            };
            // imageBuilder and ebsCSIController: AWS managed policies, nothing inline.
            let (managed, names, _) = policies("ci-cd", "build-service");
            assert_eq!((managed, names), (vec!["AmazonEC2ContainerRegistryPowerUser".to_string()], vec![]));
            let attached = emu.aws(&[
                "iam",
                "list-attached-role-policies",
                "--role-name",
                &role("kube-system", "ebs-csi-controller-sa"),
            ]);
            assert_eq!(
                attached["AttachedPolicies"][0]["PolicyArn"],
                "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
                "{attached}"
            );
            assert_eq!(attached["AttachedPolicies"].as_array().map(Vec::len), Some(1), "{attached}");
            assert!(policies("kube-system", "ebs-csi-controller-sa").1.is_empty());
            // The five inline ones: eksctl's statements, one policy per eksctl policy.
            let inline_only = |ns: &str, name: &str, want: &[&str]| {
                let (managed, names, inline) = policies(ns, name);
                assert!(managed.is_empty(), "{ns}/{name}: {managed:?}");
                assert_eq!(names, want, "{ns}/{name}");
                for doc in inline.values() {
                    assert!(
                        !doc.contains("${Partition}") && !doc.contains("Partition"),
                        "{ns}/{name}: {doc}"
                    );
                }
                inline
            };
            let scaler = inline_only("kube-system", "cluster-autoscaler", &["autoscaling"]);
            for action in [
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeScalingActivities",
                "autoscaling:SetDesiredCapacity",
                "autoscaling:TerminateInstanceInAutoScalingGroup",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements",
                "eks:DescribeNodegroup",
            ] {
                assert!(scaler["autoscaling"].contains(action), "{action}: {}", scaler["autoscaling"]);
            }
            let lbc =
                inline_only("kube-system", "aws-load-balancer-controller", &["aws-load-balancer-controller"]);
            let lbc = &lbc["aws-load-balancer-controller"];
            let doc: Value = serde_json::from_str(lbc).unwrap();
            assert_eq!(doc["Statement"].as_array().map(Vec::len), Some(16), "eksctl's 16 statements: {lbc}");
            for needle in [
                "elasticloadbalancing.amazonaws.com",
                "elasticloadbalancing:CreateLoadBalancer",
                "wafv2:AssociateWebACL",
                "arn:aws:elasticloadbalancing:*:*:listener-rule/app/*/*/*",
                "arn:aws:ec2:*:*:security-group/*",
                "aws:ResourceTag/elbv2.k8s.aws/cluster",
            ] {
                assert!(lbc.contains(needle), "{needle}: {lbc}");
            }
            let dns = inline_only(
                "kube-system",
                "external-dns",
                &["external-dns-change-set", "external-dns-hosted-zones"],
            );
            assert!(
                dns["external-dns-change-set"].contains("arn:aws:route53:::hostedzone/*")
                    && dns["external-dns-change-set"].contains("route53:ChangeResourceRecordSets"),
                "{dns:?}"
            );
            assert!(dns["external-dns-hosted-zones"].contains("route53:ListTagsForResource"), "{dns:?}");
            let certs = inline_only(
                "cert-manager",
                "cert-manager",
                &["cert-manager-change-set", "cert-manager-get-change", "cert-manager-hosted-zones"],
            );
            assert!(
                certs["cert-manager-get-change"].contains("arn:aws:route53:::change/*")
                    && certs["cert-manager-get-change"].contains("route53:GetChange"),
                "{certs:?}"
            );
            assert!(
                certs["cert-manager-hosted-zones"].contains("route53:ListHostedZonesByName"),
                "{certs:?}"
            );
            let efs = inline_only("kube-system", "efs-csi-controller-sa", &["efs-csi-controller"]);
            let efs: Value = serde_json::from_str(&efs["efs-csi-controller"]).unwrap();
            let statements = efs["Statement"].as_array().unwrap();
            assert_eq!(statements.len(), 4, "{efs}");
            assert!(
                statements
                    .iter()
                    .any(|s| s["Action"].to_string().contains("elasticfilesystem:CreateAccessPoint")
                        && s["Condition"]["StringLike"]["aws:RequestTag/efs.csi.aws.com/cluster"] == "true"),
                "{efs}"
            );
            // Each account's role is the one its Kubernetes ServiceAccount names.
            for (ns, name) in [
                ("kube-system", "cluster-autoscaler"),
                ("cert-manager", "cert-manager"),
                ("ci-cd", "build-service"),
            ] {
                let (ok, out, err) = emu.kubectl(&["get", "serviceaccount", name, "-n", ns, "-o", "json"]);
                assert!(ok, "{ns}/{name}: {err}");
                let sa: Value = serde_json::from_str(&out).unwrap();
                let arn =
                    emu.aws(&["iam", "get-role", "--role-name", &role(ns, name)])["Role"]["Arn"].clone();
                assert_eq!(sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"], arn, "{sa}");
            }
        },
    );
}

/// Permissions boundaries on every role eksup makes. The example as published names its
/// boundary with a malformed ARN once (`arn:aws:iam:11111:...`, which IAM refuses): refused at
/// load with the line; with the ARN mended and the boundary policy (another account's) made in
/// this one, it creates and deletes.
#[test]
fn permissions_boundary() {
    let emu = Emulator::start();
    let refused = refused_as_published(&emu, "17-permissions-boundary.yaml");
    assert!(
        refused.stderr.contains(":16:3: iam.serviceRolePermissionsBoundary: `arn:aws:iam:11111:policy/entity/boundary` is not an ARN"),
        "{}",
        refused.stderr
    );
    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
    let made = emu.aws(&[
        "iam",
        "create-policy",
        "--policy-name",
        "boundary",
        "--path",
        "/entity/",
        "--policy-document",
        document,
    ]);
    let boundary = str_of(&made["Policy"]["Arn"]);
    let text = example("17-permissions-boundary.yaml")
        .replace("arn:aws:iam::11111:policy/entity/boundary", &boundary)
        .replace("arn:aws:iam:11111:policy/entity/boundary", &boundary);
    lifecycle(&emu, "17-permissions-boundary.yaml", &text);
}

/// An Auto Scaling group's tags, as a map.
fn asg_tags(group: &Value) -> std::collections::BTreeMap<String, String> {
    group["Tags"].as_array().into_iter().flatten().map(|t| (str_of(&t["Key"]), str_of(&t["Value"]))).collect()
}

fn asg(emu: &Emulator, name: &str) -> Value {
    let out = emu.aws(&["autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", name]);
    out["AutoScalingGroups"][0].clone()
}

/// A role's managed policy names and inline policy documents (as text).
fn role_policies(emu: &Emulator, role: &str) -> (Vec<String>, std::collections::BTreeMap<String, String>) {
    let managed = emu.aws(&["iam", "list-attached-role-policies", "--role-name", role])["AttachedPolicies"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| str_of(&p["PolicyName"]))
        .collect();
    let names = emu.aws(&["iam", "list-role-policies", "--role-name", role])["PolicyNames"].clone();
    let inline = names
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| {
            let doc = emu.aws(&[
                "iam",
                "get-role-policy",
                "--role-name",
                role,
                "--policy-name",
                n.as_str().unwrap(),
            ]);
            (str_of(n), doc["PolicyDocument"].to_string())
        })
        .collect();
    (managed, inline)
}

/// Self-managed groups with a custom AMI (AmazonLinux2, so Kubernetes 1.32), Cluster
/// Autoscaler's policy and Auto Scaling group tags (discovery, and the label template for scaling
/// from zero), a target group, a classic load balancer and group metrics. The AMI, target group
/// and load balancer the example names are made first (the target group in the default VPC: the
/// cluster's does not exist before the create).
#[test]
fn advanced_nodegroups() {
    let emu = Emulator::builder().region("eu-west-2").start();
    let ami = amazon_linux_2_ami(&emu);
    let vpcs = emu.aws(&["ec2", "describe-vpcs", "--filters", "Name=is-default,Values=true"]);
    let default_vpc = str_of(&vpcs["Vpcs"][0]["VpcId"]);
    let tg = emu.aws(&[
        "elbv2",
        "create-target-group",
        "--name",
        "target-group-1",
        "--protocol",
        "HTTP",
        "--port",
        "80",
        "--vpc-id",
        &default_vpc,
    ]);
    let tg = str_of(&tg["TargetGroups"][0]["TargetGroupArn"]);
    emu.aws(&[
        "elb",
        "create-load-balancer",
        "--load-balancer-name",
        "ng3-classic-load-balancer",
        "--listeners",
        "Protocol=HTTP,LoadBalancerPort=80,InstanceProtocol=HTTP,InstancePort=80",
        "--availability-zones",
        "eu-west-2a",
    ]);
    let text = example("05-advanced-nodegroups.yaml").replace("ami-05ecac759c81e0b0c", &ami).replace(
        "arn:aws:elasticloadbalancing:eu-west-2:01234567890:targetgroup/target-group-1/abcdef0123456789",
        &tg,
    );
    lifecycle_checked(&emu, "05-advanced-nodegroups.yaml", &text, |cluster| {
        let ng1 = asg(&emu, &format!("eksup-{cluster}-ng1-public"));
        let tags = asg_tags(&ng1);
        assert_eq!(
            tags.get("k8s.io/cluster-autoscaler/enabled").map(String::as_str),
            Some("true"),
            "{tags:?}"
        );
        assert_eq!(
            tags.get(&format!("k8s.io/cluster-autoscaler/{cluster}")).map(String::as_str),
            Some("owned")
        );
        assert_eq!(
            tags.get("k8s.io/cluster-autoscaler/node-template/label/nodegroup-type").map(String::as_str),
            Some("frontend-workloads")
        );
        let (managed, inline) = role_policies(&emu, &format!("eksup-{cluster}-ng1-public-node"));
        assert!(managed.contains(&"AmazonEKSWorkerNodePolicy".to_string()), "{managed:?}");
        assert!(inline["autoscaling"].contains("autoscaling:SetDesiredCapacity"), "{inline:?}");
        // Only the group that asks for it gets Cluster Autoscaler's tags and policy.
        let ng3 = asg(&emu, &format!("eksup-{cluster}-ng3-private-b"));
        assert!(!asg_tags(&ng3).keys().any(|k| k.starts_with("k8s.io/cluster-autoscaler")), "{ng3}");
        assert!(role_policies(&emu, &format!("eksup-{cluster}-ng3-private-b-node")).1.is_empty());
        let mut metrics: Vec<String> =
            ng3["EnabledMetrics"].as_array().into_iter().flatten().map(|m| str_of(&m["Metric"])).collect();
        metrics.sort();
        assert_eq!(
            metrics,
            [
                "GroupDesiredCapacity",
                "GroupInServiceInstances",
                "GroupMaxSize",
                "GroupMinSize",
                "GroupPendingInstances",
                "GroupStandbyInstances",
                "GroupTerminatingInstances",
                "GroupTotalInstances"
            ]
        );
        assert_eq!(ng3["LoadBalancerNames"], serde_json::json!(["ng3-classic-load-balancer"]));
        let ng2 = asg(&emu, &format!("eksup-{cluster}-ng2-private-a"));
        assert_eq!(ng2["TargetGroupARNs"], serde_json::json!([tg]));
        assert_eq!(ng2["EnabledMetrics"], serde_json::json!([]));
    });
}

/// The node role gains eksctl's grants for the EBS, FSx and EFS CSI drivers.
#[test]
fn csi_drivers() {
    let emu = Emulator::start();
    lifecycle_checked(&emu, "06-csi-drivers.yaml", &example("06-csi-drivers.yaml"), |cluster| {
        let (managed, inline) = role_policies(&emu, &format!("eksup-{cluster}-ng-1-node"));
        assert!(managed.contains(&"AmazonEBSCSIDriverPolicy".to_string()), "{managed:?}");
        let names: Vec<&str> = inline.keys().map(String::as_str).collect();
        assert_eq!(names, ["efs", "efs-ec2", "fsx", "service-linked-role"]);
        assert!(inline["fsx"].contains("fsx:*"));
        assert!(inline["service-linked-role"].contains("arn:aws:iam::*:role/aws-service-role/*"));
        assert!(inline["efs-ec2"].contains("ec2:CreateNetworkInterface"));
        // A re-run without `fsx` takes its grants back; a policy added outside eksup stays.
        let role = format!("eksup-{cluster}-ng-1-node");
        let mine = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}"#;
        emu.aws(&[
            "iam",
            "put-role-policy",
            "--role-name",
            &role,
            "--policy-name",
            "mine",
            "--policy-document",
            mine,
        ]);
        let file = emu.home().join("no-fsx.yaml");
        std::fs::write(&file, example("06-csi-drivers.yaml").replace("        fsx: true\n", "")).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(
            plan.stdout.contains("inline policies: `efs,efs-ec2,fsx,service-linked-role` -> `efs,efs-ec2`"),
            "{}",
            plan.stdout
        );
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let names: Vec<String> = role_policies(&emu, &role).1.into_keys().collect();
        assert_eq!(names, ["efs", "efs-ec2", "mine"]);
    });
}

/// Node auto repair on managed groups. The example as published names repair actions EKS does
/// not take (`Terminate`, `Restart`): refused at load with their lines and EKS's names; with those
/// names it creates, and EKS holds each group's settings.
#[test]
fn node_repair() {
    let emu = Emulator::start();
    let refused = refused_as_published(&emu, "44-node-repair.yaml");
    assert!(
        refused.stderr.contains(":61:11: managedNodeGroups[3].nodeRepairConfig.nodeRepairConfigOverrides[0].repairAction: `Terminate` is not one of `Replace`, `Reboot`, `NoAction`")
            && refused.stderr.contains("hint: use `Replace`: EKS's name for this action"),
        "{}",
        refused.stderr
    );
    let text = example("44-node-repair.yaml")
        .replace("\"Terminate\"", "\"Replace\"")
        .replace("\"Restart\"", "\"Reboot\"");
    lifecycle_checked(&emu, "44-node-repair.yaml", &text, |cluster| {
        let repair = |ng: &str| {
            emu.aws(&["eks", "describe-nodegroup", "--cluster-name", cluster, "--nodegroup-name", ng])["nodegroup"]
                ["nodeRepairConfig"]
                .clone()
        };
        assert_eq!(repair("basic-repair-ng")["enabled"], true);
        let percentage = repair("percentage-repair-ng");
        assert_eq!(percentage["maxUnhealthyNodeThresholdPercentage"], 20, "{percentage}");
        assert_eq!(percentage["maxParallelNodesRepairedPercentage"], 15, "{percentage}");
        let count = repair("count-repair-ng");
        assert_eq!(
            (count["maxUnhealthyNodeThresholdCount"].clone(), count["maxParallelNodesRepairedCount"].clone()),
            (3.into(), 2.into())
        );
        let gpu = repair("gpu-repair-ng");
        let overrides = &gpu["nodeRepairConfigOverrides"];
        assert_eq!(overrides[0]["repairAction"], "Replace", "{gpu}");
        assert_eq!(overrides[1]["repairAction"], "Reboot", "{gpu}");
        assert_eq!(overrides[1]["minRepairWaitTimeMins"], 15, "{gpu}");
        assert_eq!(overrides[1]["nodeUnhealthyReason"], "InterfaceNotUp", "{gpu}");
    });
}

/// EKS Provisioned Control Plane: the tier at create, then changed by a re-run
/// (UpdateClusterConfig), read back with the AWS CLI.
#[test]
fn control_plane_scaling() {
    let emu = Emulator::start();
    let text = example("46-control-plane-scaling-config.yaml");
    lifecycle_checked(&emu, "46-control-plane-scaling-config.yaml", &text, |cluster| {
        let tier = || {
            emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["controlPlaneScalingConfig"]["tier"]
                .clone()
        };
        assert_eq!(tier(), "tier-xl");
        let file = emu.home().join("tier-2xl.yaml");
        std::fs::write(&file, text.replace("tier: tier-xl", "tier: tier-2xl")).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(plan.stdout.contains("control plane tier: `tier-xl` -> `tier-2xl`"), "{}", plan.stdout);
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert_eq!(tier(), "tier-2xl");
    });
}

/// `vpc.controlPlaneEgressMode`: `AWS_MANAGED` at create, `CUSTOMER_ROUTED` by a re-run
/// (UpdateClusterConfig), read back with the AWS CLI; back to `AWS_MANAGED` is what EKS never
/// does (for the life of the cluster): the dry-run marks it `!` with what to do instead.
#[test]
fn control_plane_egress_mode() {
    let emu = Emulator::start();
    let text = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: egress
  region: us-west-2
vpc:
  controlPlaneEgressMode: AWS_MANAGED
";
    lifecycle_checked(&emu, "egress.yaml", text, |cluster| {
        let mode = || {
            emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"]
                ["controlPlaneEgressMode"]
                .clone()
        };
        assert_eq!(mode(), "AWS_MANAGED");
        let file = emu.home().join("routed.yaml");
        std::fs::write(&file, text.replace("AWS_MANAGED", "CUSTOMER_ROUTED")).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(
            plan.stdout.contains("control plane egress mode: `AWS_MANAGED` -> `CUSTOMER_ROUTED`"),
            "{}",
            plan.stdout
        );
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert_eq!(mode(), "CUSTOMER_ROUTED");
        nothing_to_do(&emu, &file);
        let back = emu.home().join("egress.yaml");
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&back));
        assert!(plan.stdout.contains("1 that cannot change in place"), "{}", plan.stdout);
        assert!(
            plan.stdout.contains("EKS keeps `CUSTOMER_ROUTED` for the life of the cluster"),
            "{}",
            plan.stdout
        );
    });
}

/// The control plane components' settings (`kubeAPIServerConfig`, `kubeSchedulerConfig`,
/// `kubeControllerManagerConfig`, as eksctl's schema writes them) at create, read back with the
/// AWS CLI; one changed in the file is shown by the dry-run and applied by a re-run
/// (UpdateClusterConfig), the others left as they are.
#[test]
fn control_plane_component_configs() {
    let emu = Emulator::start();
    let text = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: components
  region: us-west-2
  version: \"1.34\"
controlPlaneScalingConfig:
  tier: tier-xl
kubeAPIServerConfig:
  eventTTL: 30m
  serviceNodePortRange:
    minPort: 30000
    maxPort: 31000
kubeSchedulerConfig:
  nodeResourcesFit:
    scoringStrategy:
      type: MostAllocated
      resources:
        - name: cpu
          weight: 2
        - name: memory
          weight: 1
kubeControllerManagerConfig:
  horizontalPodAutoscalerControllerConfig:
    horizontalPodAutoscalerSyncPeriod: 10s
";
    lifecycle_checked(&emu, "components.yaml", text, |cluster| {
        let described = || emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"].clone();
        let c = described();
        assert_eq!(c["kubeApiServerConfig"]["eventTtl"], "30m", "{c}");
        assert_eq!(c["kubeApiServerConfig"]["serviceNodePortRange"]["minPort"], 30000, "{c}");
        assert_eq!(c["kubeApiServerConfig"]["serviceNodePortRange"]["maxPort"], 31000, "{c}");
        let strategy = &c["kubeSchedulerConfig"]["nodeResourcesFit"]["scoringStrategy"];
        assert_eq!(strategy["type"], "MostAllocated", "{c}");
        assert_eq!(strategy["resources"][0]["name"], "cpu", "{c}");
        assert_eq!(strategy["resources"][0]["weight"], 2, "{c}");
        assert_eq!(strategy["resources"][1]["name"], "memory", "{c}");
        let hpa = &c["kubeControllerManagerConfig"]["horizontalPodAutoscalerControllerConfig"];
        assert_eq!(hpa["horizontalPodAutoscalerSyncPeriod"], "10s", "{c}");

        let file = emu.home().join("least-allocated.yaml");
        std::fs::write(&file, text.replace("type: MostAllocated", "type: LeastAllocated")).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(
            plan.stdout.contains("kube-scheduler scoringStrategy.type: `MostAllocated` -> `LeastAllocated`"),
            "{}",
            plan.stdout
        );
        assert!(!plan.stdout.contains("kube-apiserver"), "{}", plan.stdout);
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let c = described();
        let strategy = &c["kubeSchedulerConfig"]["nodeResourcesFit"]["scoringStrategy"];
        assert_eq!(strategy["type"], "LeastAllocated", "{c}");
        assert_eq!(strategy["resources"][0]["weight"], 2, "{c}");
        assert_eq!(c["kubeApiServerConfig"]["eventTtl"], "30m", "{c}");
        let updates = emu.aws(&["eks", "list-updates", "--name", cluster])["updateIds"].clone();
        let types: Vec<Value> = updates
            .as_array()
            .into_iter()
            .flatten()
            .map(|id| {
                let id = id.as_str().unwrap_or_default();
                emu.aws(&["eks", "describe-update", "--name", cluster, "--update-id", id])["update"]["type"]
                    .clone()
            })
            .collect();
        assert!(types.contains(&Value::from("ControlPlaneComponentConfigUpdate")), "{types:?}");

        // The same file again: nothing to change.
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(!plan.stdout.contains("kube-"), "{}", plan.stdout);
    });
}

/// Control plane logging with a retention: EKS makes the log group, eksup sets its retention
/// (read back with the AWS CLI); a re-run with another retention changes it, and the dry-run
/// shows that first. The log group is EKS's and stays after the delete, as on AWS.
#[test]
fn cloudwatch_cluster_logging() {
    let emu = Emulator::builder().region("eu-west-2").start();
    let text = example("11-cloudwatch-cluster-logging.yaml");
    let retention = |emu: &Emulator, cluster: &str| {
        let group = format!("/aws/eks/{cluster}/cluster");
        let out = emu.aws(&["logs", "describe-log-groups", "--log-group-name-prefix", &group]);
        out["logGroups"][0]["retentionInDays"].clone()
    };
    lifecycle_checked(&emu, "11-cloudwatch-cluster-logging.yaml", &text, |cluster| {
        assert_eq!(retention(&emu, cluster), 60);
        let file = emu.home().join("a-year.yaml");
        std::fs::write(&file, text.replace("logRetentionInDays: 60", "logRetentionInDays: 365")).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert!(plan.stdout.contains("log retention: `60 days` -> `365 days`"), "{}", plan.stdout);
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert_eq!(retention(&emu, cluster), 365);
    });
    assert_eq!(retention(&emu, "cluster-11"), 365, "the log group (EKS's) and its logs stay");
}

/// The public key of example 07's `ng-4`, a valid RSA key, used for the files the example names.
fn public_key_of_example_07() -> String {
    let text = example("07-ssh-keys.yaml");
    let line = text.lines().find(|l| l.contains("publicKey: \"ssh-rsa")).expect("ng-4's key");
    line.split('"').nth(1).unwrap().to_string()
}

/// SSH keys four ways: imported from a file, from `~/.ssh/id_rsa.pub` (`allow: true` alone), from
/// the config, and an existing EC2 key pair (with port 22 open, and without). The imported pairs
/// are the cluster's (tagged, named after the group and the key's digest) and go with it; the
/// existing one stays.
#[test]
fn ssh_keys() {
    let emu = Emulator::builder().region("eu-north-1").start();
    let key = public_key_of_example_07();
    let ssh = emu.home().join(".ssh");
    std::fs::create_dir_all(&ssh).unwrap();
    std::fs::write(ssh.join("id_rsa_tests.pub"), format!("{key}\n")).unwrap();
    std::fs::write(ssh.join("id_rsa.pub"), format!("{key}\n")).unwrap();
    // The existing key must exist: refused before anything is made.
    let file = emu.home().join("07.yaml");
    std::fs::write(&file, example("07-ssh-keys.yaml")).unwrap();
    let refused = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("EC2 key pair `ec2_dev_key` does not exist in `eu-north-1`"),
        "{}",
        refused.stderr
    );
    assert_eq!(emu.aws(&["eks", "list-clusters"])["clusters"], serde_json::json!([]));
    emu.aws(&["ec2", "import-key-pair", "--key-name", "ec2_dev_key", "--public-key-material", &key]);

    lifecycle_checked(&emu, "07-ssh-keys.yaml", &example("07-ssh-keys.yaml"), |cluster| {
        let pairs = emu.aws(&["ec2", "describe-key-pairs"]);
        let mut names: Vec<String> =
            pairs["KeyPairs"].as_array().unwrap().iter().map(|k| str_of(&k["KeyName"])).collect();
        names.sort();
        let ours: Vec<&String> =
            names.iter().filter(|n| n.starts_with(&format!("eksup-{cluster}-"))).collect();
        assert_eq!(ours.len(), 3, "ng-1, ng-2 and ng-4 import theirs: {names:?}");
        for ng in ["ng-1", "ng-2", "ng-4"] {
            assert!(ours.iter().any(|n| n.starts_with(&format!("eksup-{cluster}-{ng}-"))), "{ng}: {names:?}");
        }
        let key_of =
            |ng: &str| launch_template_data(&emu, &format!("eksup-{cluster}-{ng}"))["KeyName"].clone();
        assert!(key_of("ng-1").as_str().is_some_and(|k| k.starts_with(&format!("eksup-{cluster}-ng-1-"))));
        assert_eq!(key_of("ng-3"), "ec2_dev_key");
        assert_eq!(
            key_of("ng-5"),
            "ec2_dev_key",
            "a key without `allow`: the nodes get it, port 22 stays shut"
        );
        assert_eq!(key_of("ng-6"), serde_json::Value::Null);
        // Port 22 is open for ng-3 and shut for ng-5.
        let port_22 = |ng: &str| {
            let sgs = emu.aws(&["ec2", "describe-security-groups"]);
            sgs["SecurityGroups"].as_array().unwrap().iter().any(|g| {
                str_of(&g["GroupName"]).contains(ng)
                    && g["IpPermissions"].as_array().into_iter().flatten().any(|p| p["FromPort"] == 22)
            })
        };
        assert!(port_22("ng-3"));
        assert!(!port_22("ng-5"));
    });
    let left = emu.aws(&["ec2", "describe-key-pairs"]);
    let names: Vec<String> =
        left["KeyPairs"].as_array().unwrap().iter().map(|k| str_of(&k["KeyName"])).collect();
    assert_eq!(names, ["ec2_dev_key"], "the imported pairs go with the cluster, the user's stays");
}

/// The control plane's network interfaces in the private subnets only: EKS's subnets are the
/// private ones, read back with the AWS CLI.
#[test]
fn control_plane_on_private_subnets() {
    let emu = Emulator::start();
    let text = example("49-control-plane-on-private-subnets.yaml");
    lifecycle_checked(&emu, "49-control-plane-on-private-subnets.yaml", &text, |cluster| {
        let described = emu.aws(&["eks", "describe-cluster", "--name", cluster]);
        let ids: Vec<String> = described["cluster"]["resourcesVpcConfig"]["subnetIds"]
            .as_array()
            .unwrap()
            .iter()
            .map(str_of)
            .collect();
        assert_eq!(ids.len(), 2, "{described}");
        let mut args = vec!["ec2", "describe-subnets", "--subnet-ids"];
        args.extend(ids.iter().map(String::as_str));
        let subnets = emu.aws(&args);
        for s in subnets["Subnets"].as_array().unwrap() {
            assert_eq!(s["MapPublicIpOnLaunch"], false, "a public subnet: {s}");
        }
    });
}

/// Control plane subnets and security groups of the user's. As published the example names them
/// for a VPC that eksup would create: refused with the line and what to do. In an existing VPC
/// they are EKS's, read back with the AWS CLI, and the groups stay after the delete.
#[test]
fn control_plane_subnets_and_security_groups() {
    // The example opens the API to `1.1.1.1/32` only: the test machine is that caller.
    let emu = Emulator::builder().env("EKSUP_MOTO_CALLER_IP", "1.1.1.1").start();
    let refused = refused_as_published(&emu, "38-cluster-subnets-sgs.yaml");
    assert!(
        refused.stderr.contains(
            ":14:3: vpc.controlPlaneSubnetIDs: names existing subnets, but eksup creates this cluster's VPC"
        ) && refused.stderr.contains("hint: set `vpc.id` and `vpc.subnets`"),
        "{}",
        refused.stderr
    );
    let (vpc, ids, yaml) = vpc_of_two_zones(&emu);
    let group = |name: &str| security_group(&emu, &vpc, name);
    let (a, b) = (group("cp-a"), group("cp-b"));
    let text = example("38-cluster-subnets-sgs.yaml")
        .replace("vpc:\n", &yaml)
        .replace("[subnet-1234, subnet-5678]", &format!("[{}, {}]", ids[2], ids[3]))
        .replace("[sg-1234, sg-5678]", &format!("[{a}, {b}]"));
    lifecycle_checked(&emu, "38-cluster-subnets-sgs.yaml", &text, |cluster| {
        let config =
            &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"];
        assert_eq!(config["subnetIds"], serde_json::json!([ids[2], ids[3]]), "{config}");
        assert_eq!(config["securityGroupIds"], serde_json::json!([a, b]), "{config}");
        assert_eq!(config["publicAccessCidrs"], serde_json::json!(["1.1.1.1/32"]), "{config}");
        let groups =
            emu.aws(&["ec2", "describe-security-groups", "--filters", &format!("Name=vpc-id,Values={vpc}")]);
        let names: Vec<String> =
            groups["SecurityGroups"].as_array().unwrap().iter().map(|g| str_of(&g["GroupName"])).collect();
        assert!(
            !names.iter().any(|n| n.ends_with("-control-plane")),
            "no group of eksup's for the control plane: {names:?}"
        );
    });
    let groups = emu.aws(&["ec2", "describe-security-groups", "--group-ids", &a, &b]);
    assert_eq!(groups["SecurityGroups"].as_array().unwrap().len(), 2, "the user's groups stay");
}

/// A mix of Spot and On-Demand instance types: the Auto Scaling group's mixed instances policy,
/// read back with the AWS CLI; a re-run with another mix updates it.
#[test]
fn spot_instances() {
    let emu = Emulator::builder().region("eu-central-1").start();
    let text = example("08-spot-instances.yaml");
    lifecycle_checked(&emu, "08-spot-instances.yaml", &text, |cluster| {
        let policy = || asg(&emu, &format!("eksup-{cluster}-ng-1"))["MixedInstancesPolicy"].clone();
        let p = policy();
        let types: Vec<String> = p["LaunchTemplate"]["Overrides"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| str_of(&o["InstanceType"]))
            .collect();
        assert_eq!(types, ["t3.small", "t3.medium"], "{p}");
        let d = &p["InstancesDistribution"];
        assert_eq!(d["OnDemandBaseCapacity"], 0, "{p}");
        assert_eq!(d["OnDemandPercentageAboveBaseCapacity"], 50, "{p}");
        assert_eq!(d["SpotInstancePools"], 2, "{p}");
        assert_eq!(d["SpotMaxPrice"].as_str().and_then(|s| s.parse::<f64>().ok()), Some(0.017), "{p}");
        let file = emu.home().join("more-on-demand.yaml");
        std::fs::write(
            &file,
            text.replace(
                "onDemandPercentageAboveBaseCapacity: 50",
                "onDemandPercentageAboveBaseCapacity: 75",
            ),
        )
        .unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert_eq!(policy()["InstancesDistribution"]["OnDemandPercentageAboveBaseCapacity"], 75);
    });
}

/// Managed node groups four ways, in the user's VPC (the example's `securityGroups.attachIDs` name
/// groups that only an existing VPC can hold: as published it is refused at that line): public
/// with SSH from a group, an imported key, extra groups and add-on policies; private; a custom
/// AMI, which EKS does not bootstrap, so the launch template's user data joins the nodes; and a
/// launch template of the user's. The AMI, groups, key and template are made first.
#[test]
fn managed_nodes() {
    let emu = Emulator::start();
    let key = public_key_of_example_07();
    std::fs::create_dir_all(emu.home().join(".ssh")).unwrap();
    std::fs::write(emu.home().join(".ssh/ec2_id_rsa.pub"), format!("{key}\n")).unwrap();
    let refused = refused_as_published(&emu, "15-managed-nodes.yaml");
    assert!(
        refused.stderr.contains(":21:7: managedNodeGroups[0].securityGroups.attachIDs: names existing security groups, but eksup creates this cluster's VPC"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains(":26:7: managedNodeGroups[0].ssh.sourceSecurityGroupIds: names existing security groups, but eksup creates this cluster's VPC"),
        "{}",
        refused.stderr
    );

    let (vpc, _, yaml) = vpc_of_two_zones(&emu);
    let group = |name: &str| security_group(&emu, &vpc, name);
    let (sg1, sg2, ssh_from) = (group("extra-1"), group("extra-2"), group("bastions"));
    let ami = amazon_linux_2_ami(&emu);
    let lt = emu.aws(&[
        "ec2",
        "create-launch-template",
        "--launch-template-name",
        "mine",
        "--launch-template-data",
        r#"{"InstanceType":"m5.large"}"#,
    ]);
    let lt = str_of(&lt["LaunchTemplate"]["LaunchTemplateId"]);
    for size in ["m5.xlarge", "m5.large"] {
        let data = format!(r#"{{"InstanceType":"{size}"}}"#);
        emu.aws(&[
            "ec2",
            "create-launch-template-version",
            "--launch-template-id",
            &lt,
            "--launch-template-data",
            &data,
        ]);
    }
    let text = example("15-managed-nodes.yaml")
        .replace("managedNodeGroups:\n", &format!("{yaml}\nmanagedNodeGroups:\n"))
        .replace(r#"["sg-1", "sg-2"]"#, &format!(r#"["{sg1}", "{sg2}"]"#))
        .replace("sg-00241fbb12c607007", &ssh_from)
        .replace("ami-custom", &ami)
        .replace("lt-1234", &lt);
    lifecycle_checked(&emu, "15-managed-nodes.yaml", &text, |cluster| {
        let ng = |name: &str| {
            emu.aws(&["eks", "describe-nodegroup", "--cluster-name", cluster, "--nodegroup-name", name])["nodegroup"]
                .clone()
        };
        let custom = ng("custom-ami");
        assert_eq!(custom["amiType"], "CUSTOM", "{custom}");
        let version = |id: &str, v: &str| {
            emu.aws(&[
                "ec2",
                "describe-launch-template-versions",
                "--launch-template-id",
                id,
                "--versions",
                v,
            ])["LaunchTemplateVersions"][0]["LaunchTemplateData"]
                .clone()
        };
        let template = str_of(&custom["launchTemplate"]["id"]);
        let data = version(&template, "$Latest");
        assert_eq!(data["ImageId"], ami.as_str(), "{data}");
        use base64::Engine as _;
        let user_data = base64::engine::general_purpose::STANDARD.decode(str_of(&data["UserData"])).unwrap();
        let user_data = String::from_utf8_lossy(&user_data);
        assert!(
            user_data.contains("/etc/eks/bootstrap.sh cluster-15"),
            "the file's bootstrap command: {user_data}"
        );
        assert!(user_data.contains("thread_siblings_list"), "preBootstrapCommands: {user_data}");
        let own = ng("custom-launch-template");
        assert_eq!(
            (str_of(&own["launchTemplate"]["id"]), str_of(&own["launchTemplate"]["version"])),
            (lt.clone(), "3".into())
        );
        let public = ng("managed-ng-public");
        let public_lt = version(&str_of(&public["launchTemplate"]["id"]), "$Latest");
        let groups: Vec<String> =
            public_lt["SecurityGroupIds"].as_array().unwrap().iter().map(str_of).collect();
        assert!(groups.contains(&sg1) && groups.contains(&sg2), "{groups:?}");
        assert!(
            str_of(&public_lt["KeyName"]).starts_with(&format!("eksup-{cluster}-managed-ng-public-")),
            "{public_lt}"
        );
        // `ssh.sourceSecurityGroupIds`: the remote-access group the nodes carry takes port 22
        // from the bastions' group alone (no address range).
        let remote = emu.aws(&[
            "ec2",
            "describe-security-groups",
            "--filters",
            &format!("Name=group-name,Values=eksup-{cluster}-managed-ng-public-remote-access"),
        ]);
        let remote = &remote["SecurityGroups"][0];
        assert!(groups.contains(&str_of(&remote["GroupId"])), "the nodes carry it: {groups:?} {remote}");
        let rules = remote["IpPermissions"].as_array().unwrap();
        assert_eq!(rules.len(), 1, "{remote}");
        assert_eq!(
            (&rules[0]["IpProtocol"], &rules[0]["FromPort"], &rules[0]["ToPort"]),
            (&Value::from("tcp"), &Value::from(22), &Value::from(22)),
            "{remote}"
        );
        let from: Vec<String> =
            rules[0]["UserIdGroupPairs"].as_array().unwrap().iter().map(|p| str_of(&p["GroupId"])).collect();
        assert_eq!(from, std::slice::from_ref(&ssh_from), "{remote}");
        assert!(
            rules[0]["IpRanges"].as_array().is_none_or(Vec::is_empty)
                && rules[0]["Ipv6Ranges"].as_array().is_none_or(Vec::is_empty),
            "{remote}"
        );
        // `withAddonPolicies` `externalDNS` and `certManager`: eksctl's inline grants on that
        // group's node role, none on the others'.
        let (_, inline) = role_policies(&emu, &format!("eksup-{cluster}-managed-ng-public-node"));
        let names: Vec<&str> = inline.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "cert-manager-change-set",
                "cert-manager-get-change",
                "cert-manager-hosted-zones",
                "external-dns-change-set",
                "external-dns-hosted-zones"
            ]
        );
        assert!(inline["external-dns-change-set"].contains("arn:aws:route53:::hostedzone/*"), "{inline:?}");
        assert!(role_policies(&emu, &format!("eksup-{cluster}-managed-ng-private-node")).1.is_empty());
    });
}

/// Add-ons with roles of their own: `vpc-cni` with the file's managed policy, the EBS CSI driver
/// with eksctl's well-known grant, each trusted only by its service account through the cluster's
/// OIDC provider, read back with the AWS CLI. The example asks for Kubernetes 1.18, which EKS no
/// longer creates: refused at that line; with a current version it creates and deletes.
#[test]
fn addons_with_roles() {
    let emu = Emulator::start();
    let refused = refused_as_published(&emu, "25-addons.yaml");
    assert!(
        refused
            .stderr
            .contains(":6:3: metadata.version: Kubernetes `1.18` is not a version EKS creates clusters with"),
        "{}",
        refused.stderr
    );
    let text = example("25-addons.yaml").replace("version: \"1.18\"", "version: \"1.34\"");
    lifecycle_checked(&emu, "25-addons.yaml", &text, |cluster| {
        let role_of = |addon: &str| {
            let a = emu.aws(&["eks", "describe-addon", "--cluster-name", cluster, "--addon-name", addon]);
            str_of(&a["addon"]["serviceAccountRoleArn"])
        };
        for (addon, account, policy) in [
            ("vpc-cni", "aws-node", "AmazonEKS_CNI_Policy"),
            ("aws-ebs-csi-driver", "ebs-csi-controller-sa", "AmazonEBSCSIDriverPolicy"),
        ] {
            let arn = role_of(addon);
            let name = arn.rsplit('/').next().unwrap().to_string();
            assert_eq!(name, format!("eksup-{cluster}-addon-{addon}"));
            let role = emu.aws(&["iam", "get-role", "--role-name", &name]);
            let trust = role["Role"]["AssumeRolePolicyDocument"].to_string();
            assert!(trust.contains(&format!("system:serviceaccount:kube-system:{account}")), "{trust}");
            assert!(
                trust.contains("sts.amazonaws.com") && trust.contains("AssumeRoleWithWebIdentity"),
                "{trust}"
            );
            let (managed, inline) = role_policies(&emu, &name);
            assert_eq!(managed, [policy], "{addon}");
            assert!(inline.is_empty(), "{addon}: {inline:?}");
        }
        assert_eq!(role_of("coredns"), "", "no role asked for");
    });
}

/// A role of the user's that EKS Pod Identity may take (what example 39's `roleARN`s name).
fn pod_identity_role(emu: &Emulator, name: &str) -> String {
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#;
    let made = emu.aws(&["iam", "create-role", "--role-name", name, "--assume-role-policy-document", trust]);
    str_of(&made["Role"]["Arn"])
}

/// A customer managed policy of the user's; its ARN.
fn managed_policy(emu: &Emulator, name: &str) -> String {
    let document = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}"#;
    let made = emu.aws(&["iam", "create-policy", "--policy-name", name, "--policy-document", document]);
    str_of(&made["Policy"]["Arn"])
}

/// Pod identity associations, every form of example 39: the file's role, a role eksup makes with
/// the file's managed policies, eksctl's well-known grants and a boundary, one with an inline
/// policy and a generated name, and two cross-account ones (a target role, session tags off).
/// Read back with `eksup get podidentityassociation` and the AWS CLI; the service accounts asked
/// for are there in kubectl, without an IRSA annotation. The example's account becomes the
/// emulator's, where its roles and policies are made first.
#[test]
fn pod_identity_associations() {
    let emu = Emulator::builder().region("us-west-2").start();
    let role_1 = pod_identity_role(&emu, "role-1");
    let role_a = pod_identity_role(&emu, "role-a");
    for policy in [
        "permission-policy-1",
        "permission-policy-2",
        "permission-boundary",
        "my-cross-account-permission-policy",
    ] {
        managed_policy(&emu, policy);
    }
    // The cross-account target stays in the other account: EKS does not look it up.
    let text = example("39-pod-identity-association.yaml")
        .replace("111122223333", "123456789012")
        .replace("arn:aws:iam::123456789012:role/role-1", &role_1)
        .replace("arn:aws:iam::123456789012:role/role-a", &role_a);
    lifecycle_checked(&emu, "39-pod-identity-association.yaml", &text, |cluster| {
        let got =
            Run::of(emu.eksup().args(["get", "podidentityassociation", "--cluster", cluster, "-o", "json"]));
        assert_eq!(got.code, 0, "{}", got.stderr);
        let listed: Value = serde_json::from_str(&got.stdout).expect("JSON");
        let by_account = |ns: &str, sa: &str| -> Value {
            listed
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["Namespace"] == ns && a["ServiceAccountName"] == sa)
                .unwrap_or_else(|| panic!("no `{ns}/{sa}` in {listed}"))
                .clone()
        };
        assert_eq!(listed.as_array().unwrap().len(), 5, "{listed}");
        assert_eq!(str_of(&by_account("default", "s3-reader")["RoleARN"]), role_1);
        let cross = by_account("default", "cross-account-s3-reader");
        assert_eq!(str_of(&cross["RoleARN"]), role_a);
        assert_eq!(str_of(&cross["TargetRoleARN"]), "arn:aws:iam::444455556666:role/role-b");
        assert_eq!(cross["DisableSessionTags"], true);
        assert!(str_of(&cross["AssociationARN"]).contains(&format!(":podidentityassociation/{cluster}/a-")));

        // The roles eksup made, as IAM has them.
        let cache = str_of(&by_account("dev", "app-cache-access")["RoleARN"]);
        assert!(cache.ends_with(":role/pod-identity-role-app-cache"), "{cache}");
        let role = emu.aws(&["iam", "get-role", "--role-name", "pod-identity-role-app-cache"]);
        let trust = role["Role"]["AssumeRolePolicyDocument"].to_string();
        assert!(
            trust.contains("pods.eks.amazonaws.com")
                && trust.contains("sts:TagSession")
                && !trust.contains("Federated"),
            "{trust}"
        );
        assert!(
            str_of(&role["Role"]["PermissionsBoundary"]["PermissionsBoundaryArn"])
                .ends_with(":policy/permission-boundary"),
            "{role}"
        );
        let (managed, inline) = role_policies(&emu, "pod-identity-role-app-cache");
        assert_eq!(managed, ["permission-policy-1", "permission-policy-2"]);
        assert!(
            inline.contains_key("autoscaling") && inline.contains_key("external-dns-change-set"),
            "{inline:?}"
        );
        let nginx = str_of(&by_account("dev", "nginx")["RoleARN"]);
        let nginx_role = nginx.rsplit('/').next().unwrap();
        assert_eq!(nginx_role, format!("eksup-{cluster}-pod-dev.nginx"));
        let (managed, inline) = role_policies(&emu, nginx_role);
        assert!(managed.is_empty(), "{managed:?}");
        assert!(inline["attach-policy"].contains("autoscaling:SetDesiredCapacity"), "{inline:?}");
        let b = by_account("default", "cross-account-s3-reader-b");
        assert_eq!(str_of(&b["TargetRoleARN"]), "arn:aws:iam::444455556666:role/role-b");
        assert_eq!(b["DisableSessionTags"], false);

        // The AWS CLI sees the same, filtered by namespace.
        let dev = emu.aws(&[
            "eks",
            "list-pod-identity-associations",
            "--cluster-name",
            cluster,
            "--namespace",
            "dev",
        ]);
        assert_eq!(dev["associations"].as_array().map(Vec::len), Some(2), "{dev}");

        // `createServiceAccount`: made, not annotated (EKS finds the association by name).
        for account in ["s3-reader", "cross-account-s3-reader", "cross-account-s3-reader-b"] {
            let (ok, out, err) =
                emu.kubectl(&["get", "serviceaccount", account, "-n", "default", "-o", "json"]);
            assert!(ok, "{account}: {err}");
            let sa: Value = serde_json::from_str(&out).unwrap();
            assert!(sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_null(), "{sa}");
        }
        let (ok, _, _) = emu.kubectl(&["get", "serviceaccount", "nginx", "-n", "dev"]);
        assert!(!ok, "`dev/nginx` was not asked for");
    });
    // The roles eksup made under the file's names are gone; the user's roles stay.
    for role in ["pod-identity-role-app-cache", "pod-identity-role-cross-account"] {
        assert!(emu.aws_result(&["iam", "get-role", "--role-name", role]).is_err(), "{role} is left");
    }
    emu.aws(&["iam", "get-role", "--role-name", "role-1"]);
    emu.aws(&["iam", "get-role", "--role-name", "role-a"]);
}

/// EKS Auto Mode as example 42 turns it on: compute (both built-in pools, with the node role
/// eksup makes), block storage and load balancing in CreateCluster, the cluster role with AWS's
/// Auto Mode policies, the node role with eksctl's, EKS's access entry for the nodes, and of the
/// default add-ons only metrics-server. There are no nodes until workloads ask for them; kubectl
/// answers. Read back with the AWS CLI.
#[test]
fn auto_mode() {
    let emu = Emulator::builder().region("us-west-2").start();
    lifecycle_checked(&emu, "42-auto-mode.yaml", &example("42-auto-mode.yaml"), |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        let compute = &c["computeConfig"];
        assert_eq!(compute["enabled"], true, "{c}");
        assert_eq!(compute["nodePools"], serde_json::json!(["general-purpose", "system"]));
        let node_role = str_of(&compute["nodeRoleArn"]);
        assert!(node_role.ends_with(&format!(":role/eksup-{cluster}-auto-node")), "{node_role}");
        assert_eq!(c["storageConfig"]["blockStorage"]["enabled"], true, "{c}");
        assert_eq!(c["kubernetesNetworkConfig"]["elasticLoadBalancing"]["enabled"], true, "{c}");
        let cluster_role = str_of(&c["roleArn"]);
        let (managed, _) = role_policies(&emu, cluster_role.rsplit('/').next().unwrap());
        for policy in [
            "AmazonEKSClusterPolicy",
            "AmazonEKSComputePolicy",
            "AmazonEKSBlockStoragePolicy",
            "AmazonEKSLoadBalancingPolicy",
            "AmazonEKSNetworkingPolicy",
        ] {
            assert!(managed.iter().any(|m| m == policy), "{policy}: {managed:?}");
        }
        let (managed, _) = role_policies(&emu, node_role.rsplit('/').next().unwrap());
        assert_eq!(
            managed,
            [
                "AmazonEC2ContainerRegistryPullOnly",
                "AmazonEKSWorkerNodeMinimalPolicy",
                "AmazonElasticContainerRegistryPublicReadOnly"
            ]
        );
        let entry = emu.aws(&[
            "eks",
            "describe-access-entry",
            "--cluster-name",
            cluster,
            "--principal-arn",
            &node_role,
        ]);
        assert_eq!(entry["accessEntry"]["type"], "EC2", "{entry}");
        let addons = emu.aws(&["eks", "list-addons", "--cluster-name", cluster]);
        assert_eq!(addons["addons"], serde_json::json!(["metrics-server"]));
        let (ok, out, err) = emu.kubectl(&["get", "namespaces", "-o", "name"]);
        assert!(ok && out.contains("namespace/kube-system"), "{out}{err}");

        // Turned off in the file: the plan against the cluster shows it, and a re-run turns
        // compute, block storage and load balancing off together (AutoModeUpdate).
        let file = emu.home().join("auto-off.yaml");
        let off = example("42-auto-mode.yaml")
            .replace("enabled: true", "enabled: false")
            .replace("nodePools: [general-purpose, system]", "");
        std::fs::write(&file, off).unwrap();
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert_eq!(plan.code, 0, "{}", plan.stderr);
        assert!(
            format!("{}{}", plan.stdout, plan.stderr).contains("Auto Mode"),
            "{}{}",
            plan.stdout,
            plan.stderr
        );
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        assert_eq!(c["computeConfig"]["enabled"], false, "{c}");
        assert_eq!(c["storageConfig"]["blockStorage"]["enabled"], false, "{c}");
        assert_eq!(c["kubernetesNetworkConfig"]["elasticLoadBalancing"]["enabled"], false, "{c}");
        // And on again with the example as it is.
        let file = emu.home().join("42-auto-mode.yaml");
        let again = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(again.code, 0, "{}", again.stderr);
        let compute = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["computeConfig"];
        assert_eq!(
            (&compute["enabled"], &compute["nodePools"]),
            (&Value::Bool(true), &serde_json::json!(["general-purpose", "system"])),
            "{compute}"
        );
    });
}

/// The OIDC identity provider of example 27, associated once the control plane is up and waited
/// for until ACTIVE, read back with `eksup get identityprovider` and the AWS CLI. A re-run with
/// another client id associates it again (EKS cannot change one in place).
#[test]
fn oidc_identity_provider() {
    let emu = Emulator::builder().region("us-west-2").start();
    let text = example("27-oidc-provider.yaml");
    lifecycle_checked(&emu, "27-oidc-provider.yaml", &text, |cluster| {
        let describe = || {
            let got = emu.aws(&[
                "eks",
                "describe-identity-provider-config",
                "--cluster-name",
                cluster,
                "--identity-provider-config",
                "type=oidc,name=cognito-user-pool-1",
            ]);
            got["identityProviderConfig"]["oidc"].clone()
        };
        let oidc = describe();
        assert_eq!(oidc["status"], "ACTIVE", "{oidc}");
        assert_eq!(oidc["issuerUrl"], "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Ur78RxTra");
        assert_eq!(oidc["clientId"], "10basodnbu3gs9b1bf9r566btu");
        assert_eq!(oidc["usernameClaim"], "email");
        assert_eq!(oidc["tags"]["eksup.io/cluster"], cluster, "ownership tags: {oidc}");
        let got = Run::of(emu.eksup().args(["get", "identityprovider", "--cluster", cluster, "-o", "json"]));
        assert_eq!(got.code, 0, "{}", got.stderr);
        let listed: Value = serde_json::from_str(&got.stdout).unwrap();
        assert_eq!(listed[0]["Name"], "cognito-user-pool-1", "{listed}");
        assert_eq!(listed[0]["Status"], "ACTIVE", "{listed}");
        assert_eq!(listed[0]["UsernameClaim"], "email", "{listed}");

        // Another client: associated again, under the same name.
        let file = emu.home().join("27-oidc-provider.yaml");
        std::fs::write(&file, text.replace("10basodnbu3gs9b1bf9r566btu", "another-client")).unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let oidc = describe();
        assert_eq!(
            (oidc["clientId"].as_str(), oidc["status"].as_str()),
            (Some("another-client"), Some("ACTIVE"))
        );
        let updates = emu.aws(&["eks", "list-updates", "--name", cluster]);
        assert_eq!(
            updates["updateIds"].as_array().map(Vec::len),
            Some(3),
            "associate, disassociate, associate: {updates}"
        );

        // Renamed: EKS takes one provider, so the old one goes first.
        let renamed = text
            .replace("10basodnbu3gs9b1bf9r566btu", "another-client")
            .replace("cognito-user-pool-1", "cognito-2");
        std::fs::write(&file, renamed).unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let listed = emu.aws(&["eks", "list-identity-provider-configs", "--cluster-name", cluster]);
        assert_eq!(
            listed["identityProviderConfigs"],
            serde_json::json!([{"type": "oidc", "name": "cognito-2"}])
        );

        // An issuer EKS cannot reach: the association's update fails, the config vanishes, and
        // the run says why at once instead of waiting an hour for a config that is gone.
        let unreachable = text
            .replace("cognito-user-pool-1", "cognito-3")
            .replace("https://cognito-idp.us-west-2.amazonaws.com", "https://idp.example.invalid");
        std::fs::write(&file, unreachable).unwrap();
        let failed = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_ne!(failed.code, 0, "{}", failed.stderr);
        assert!(
            failed.stderr.contains("identity-provider")
                && failed.stderr.contains(
                    "is `Failed`: Unknown: Unable to reach the OIDC issuer https://idp.example.invalid"
                ),
            "{}",
            failed.stderr
        );
        let listed = emu.aws(&["eks", "list-identity-provider-configs", "--cluster-name", cluster]);
        assert_eq!(listed["identityProviderConfigs"], serde_json::json!([]), "{listed}");
    });
}

/// EKS Hybrid Nodes as example 43 asks: the remote node network in CreateCluster, the role the
/// machines get through SSM hybrid activations (eksctl's policies, DescribeCluster on this
/// cluster only), its `HYBRID_LINUX` access entry, and the API open to the remote network on the
/// control plane's security group. Nothing is installed on the machines. Read back with the AWS
/// CLI.
#[test]
fn hybrid_nodes() {
    let emu = Emulator::builder().region("us-west-2").start();
    lifecycle_checked(&emu, "43-hybrid-nodes.yaml", &example("43-hybrid-nodes.yaml"), |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        assert_eq!(
            c["remoteNetworkConfig"]["remoteNodeNetworks"],
            serde_json::json!([{"cidrs": ["10.80.146.0/24"]}]),
            "{c}"
        );
        let role = format!("eksup-{cluster}-hybrid-node");
        let got = emu.aws(&["iam", "get-role", "--role-name", &role]);
        let trust = got["Role"]["AssumeRolePolicyDocument"].to_string();
        assert!(trust.contains("ssm.amazonaws.com"), "{trust}");
        let (managed, inline) = role_policies(&emu, &role);
        assert_eq!(managed, ["AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"]);
        assert!(
            inline["eks-describe-cluster"].contains(&format!(":cluster/{cluster}")),
            "this cluster only: {inline:?}"
        );
        let arn = str_of(&got["Role"]["Arn"]);
        let entry =
            emu.aws(&["eks", "describe-access-entry", "--cluster-name", cluster, "--principal-arn", &arn]);
        assert_eq!(entry["accessEntry"]["type"], "HYBRID_LINUX", "{entry}");
        let sg = &c["resourcesVpcConfig"]["securityGroupIds"][0];
        let group = emu.aws(&["ec2", "describe-security-groups", "--group-ids", sg.as_str().unwrap()]);
        let rules = group["SecurityGroups"][0]["IpPermissions"].to_string();
        assert!(rules.contains("10.80.146.0/24") && rules.contains("443"), "{rules}");

        // Other remote networks in the file: a re-run changes them in place (EKS's
        // RemoteNetworkConfigUpdate) and opens the API to them.
        let file = emu.home().join("43-hybrid-nodes.yaml");
        let moved = example("43-hybrid-nodes.yaml").replace(
            "    - cidrs: [\"10.80.146.0/24\"]",
            "    - cidrs: [\"10.80.146.0/24\", \"10.80.147.0/24\"]\n  remotePodNetworks:\n    - cidrs: [\"10.85.0.0/16\"]",
        );
        assert!(moved.contains("10.85.0.0/16"), "{moved}");
        std::fs::write(&file, moved).unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        assert_eq!(
            c["remoteNetworkConfig"],
            serde_json::json!({"remoteNodeNetworks": [{"cidrs": ["10.80.146.0/24", "10.80.147.0/24"]}],
                               "remotePodNetworks": [{"cidrs": ["10.85.0.0/16"]}]}),
            "{c}"
        );
        let updates = emu.aws(&["eks", "list-updates", "--name", cluster])["updateIds"].clone();
        let types: Vec<String> = updates
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                let u = emu.aws(&["eks", "describe-update", "--name", cluster, "--update-id", &str_of(id)]);
                str_of(&u["update"]["type"])
            })
            .collect();
        assert!(types.contains(&"RemoteNetworkConfigUpdate".to_string()), "{types:?}");
        let group = emu.aws(&["ec2", "describe-security-groups", "--group-ids", sg.as_str().unwrap()]);
        let rules = group["SecurityGroups"][0]["IpPermissions"].to_string();
        assert!(rules.contains("10.80.147.0/24") && rules.contains("10.85.0.0/16"), "{rules}");

        // Fewer networks in the file: EKS's lists replaced, the pod networks removed, and the API
        // no longer open to what the file dropped.
        std::fs::write(&file, example("43-hybrid-nodes.yaml")).unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert!(rerun.stderr.contains("no longer open to"), "{}", rerun.stderr);
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        assert_eq!(
            c["remoteNetworkConfig"],
            serde_json::json!({"remoteNodeNetworks": [{"cidrs": ["10.80.146.0/24"]}]}),
            "{c}"
        );
        let group = emu.aws(&["ec2", "describe-security-groups", "--group-ids", sg.as_str().unwrap()]);
        let rules = group["SecurityGroups"][0]["IpPermissions"].to_string();
        assert!(rules.contains("10.80.146.0/24"), "{rules}");
        assert!(!rules.contains("10.80.147.0/24") && !rules.contains("10.85.0.0/16"), "{rules}");

        // `remoteNodeNetworks: []` (as eksctl takes it): hybrid nodes off, the networks removed;
        // the section's `iam` is not used, and a warning says so. The role and access entry stay
        // until the cluster goes (the delete below finds them).
        let off = example("43-hybrid-nodes.yaml").replace("    - cidrs: [\"10.80.146.0/24\"]", "    []");
        assert!(off.contains("remoteNodeNetworks:\n    []"), "{off}");
        std::fs::write(&file, off).unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert!(rerun.stderr.contains("remoteNetworkConfig.iam"), "{}", rerun.stderr);
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        assert!(
            c.get("remoteNetworkConfig")
                .is_none_or(|r| r["remoteNodeNetworks"].as_array().is_none_or(Vec::is_empty)),
            "{c}"
        );
        let group = emu.aws(&["ec2", "describe-security-groups", "--group-ids", sg.as_str().unwrap()]);
        let rules = group["SecurityGroups"][0]["IpPermissions"].to_string();
        assert!(!rules.contains("10.80.146.0/24"), "{rules}");
        // Nothing left to change.
        let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&file));
        assert_eq!(plan.code, 0, "{}", plan.stderr);
        assert!(!plan.stdout.contains("remote networks"), "{}", plan.stdout);
    });
}

/// Example 43 with its `vpcGatewayID` line on, through a transit gateway of the user's (made
/// here first): the attachment in the private subnets, one per zone, tagged for the cluster and
/// `available`, and a route to the remote network in each private route table; a delete that
/// removes the attachment and leaves the gateway. Read back with the AWS CLI.
#[test]
fn hybrid_nodes_through_a_transit_gateway() {
    let emu = Emulator::builder().region("us-west-2").start();
    let tgw = str_of(&emu.aws(&["ec2", "create-transit-gateway"])["TransitGateway"]["TransitGatewayId"]);
    let text = example("43-hybrid-nodes.yaml")
        .replace("  # vpcGatewayID: tgw-028fbe2348e6eed74", &format!("  vpcGatewayID: {tgw}"))
        .replace("version: \"1.31\"", "version: \"1.34\"");
    assert!(text.contains(&tgw), "{text}");
    lifecycle_checked(&emu, "43-hybrid-nodes.yaml", &text, |cluster| {
        let vpc = str_of(
            &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"]["vpcId"],
        );
        let in_vpc = format!("Name=vpc-id,Values={vpc}");
        let found = emu.aws(&["ec2", "describe-transit-gateway-vpc-attachments", "--filters", &in_vpc]);
        let attachments = found["TransitGatewayVpcAttachments"].as_array().cloned().unwrap_or_default();
        assert_eq!(attachments.len(), 1, "{found}");
        let a = &attachments[0];
        assert_eq!(
            (a["State"].as_str(), a["TransitGatewayId"].as_str()),
            (Some("available"), Some(tgw.as_str())),
            "{a}"
        );
        assert!(a["Tags"].to_string().contains("\"eksup.io/cluster\""), "ownership tags: {a}");
        let subnets = emu.aws(
            &["ec2", "describe-subnets", "--subnet-ids"]
                .iter()
                .copied()
                .chain(a["SubnetIds"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()))
                .collect::<Vec<_>>(),
        );
        let mut zones: Vec<String> =
            subnets["Subnets"].as_array().unwrap().iter().map(|s| str_of(&s["AvailabilityZone"])).collect();
        zones.sort();
        assert_eq!(zones, ["us-west-2a", "us-west-2b", "us-west-2c"], "one private subnet per zone");
        for az in ["us-west-2a", "us-west-2b", "us-west-2c"] {
            let table = format!("Name=tag:eksup.io/resource,Values=route-table-private-{az}");
            let tables = emu.aws(&["ec2", "describe-route-tables", "--filters", &in_vpc, &table]);
            let routes = tables["RouteTables"][0]["Routes"].to_string();
            assert!(routes.contains("10.80.146.0/24") && routes.contains(&tgw), "{az}: {routes}");
        }
        let public = emu.aws(&[
            "ec2",
            "describe-route-tables",
            "--filters",
            &in_vpc,
            "Name=tag:eksup.io/resource,Values=route-table-public",
        ]);
        assert!(!public["RouteTables"][0]["Routes"].to_string().contains("10.80.146.0/24"), "{public}");
    });
    // The gateway is the user's: still there, with no attachment left.
    let gw = emu.aws(&["ec2", "describe-transit-gateways", "--transit-gateway-ids", &tgw]);
    assert_eq!(gw["TransitGateways"][0]["State"], "available", "{gw}");
    let left = emu.aws(&[
        "ec2",
        "describe-transit-gateway-vpc-attachments",
        "--filters",
        "Name=state,Values=pending,available,deleting",
    ]);
    assert_eq!(left["TransitGatewayVpcAttachments"], serde_json::json!([]), "{left}");
}

/// Example 43 through a virtual private gateway of the user's: attached to the VPC eksup makes,
/// routes to the remote network in the private tables, detached (not deleted) by the delete.
#[test]
fn hybrid_nodes_through_a_virtual_private_gateway() {
    let emu = Emulator::builder().region("us-west-2").start();
    let vgw =
        str_of(&emu.aws(&["ec2", "create-vpn-gateway", "--type", "ipsec.1"])["VpnGateway"]["VpnGatewayId"]);
    let text = example("43-hybrid-nodes.yaml")
        .replace("  # vpcGatewayID: tgw-028fbe2348e6eed74", &format!("  vpcGatewayID: {vgw}"))
        .replace("version: \"1.31\"", "version: \"1.34\"");
    lifecycle_checked(&emu, "43-hybrid-nodes.yaml", &text, |cluster| {
        let vpc = str_of(
            &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"]["vpcId"],
        );
        let gw = &emu.aws(&["ec2", "describe-vpn-gateways", "--vpn-gateway-ids", &vgw])["VpnGateways"][0];
        let attached: Vec<(String, String)> = gw["VpcAttachments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| (str_of(&a["VpcId"]), str_of(&a["State"])))
            .collect();
        assert_eq!(attached, [(vpc.clone(), "attached".to_string())], "{gw}");
        let in_vpc = format!("Name=vpc-id,Values={vpc}");
        for az in ["us-west-2a", "us-west-2b", "us-west-2c"] {
            let table = format!("Name=tag:eksup.io/resource,Values=route-table-private-{az}");
            let routes = emu.aws(&["ec2", "describe-route-tables", "--filters", &in_vpc, &table])["RouteTables"][0]["Routes"].to_string();
            assert!(routes.contains("10.80.146.0/24") && routes.contains(&vgw), "{az}: {routes}");
        }
    });
    let gw = &emu.aws(&["ec2", "describe-vpn-gateways", "--vpn-gateway-ids", &vgw])["VpnGateways"][0];
    assert_eq!(gw["State"], "available", "the user's gateway stays: {gw}");
    assert!(gw["VpcAttachments"].as_array().unwrap().iter().all(|a| a["State"] == "detached"), "{gw}");
}

/// The latest version of launch template `name`, as the AWS CLI describes its data.
pub(crate) fn launch_template_data(emu: &Emulator, name: &str) -> Value {
    let lt = emu.aws(&[
        "ec2",
        "describe-launch-template-versions",
        "--launch-template-name",
        name,
        "--versions",
        "$Latest",
    ]);
    lt["LaunchTemplateVersions"][0]["LaunchTemplateData"].clone()
}

/// A launch template's user data, decoded.
fn launch_template_user_data(emu: &Emulator, name: &str) -> String {
    use base64::Engine as _;
    let data = str_of(&launch_template_data(emu, name)["UserData"]);
    let bytes = base64::engine::general_purpose::STANDARD.decode(data).expect("base64 user data");
    String::from_utf8(bytes).expect("UTF-8 user data")
}

/// Bottlerocket's settings: `ng1-public`'s message of the day and admin container go into its
/// nodes' TOML settings around eksup's (the cluster's fields, the label whose key TOML must quote),
/// and `ng2-public-ssh` gets the admin container (SSH reaches Bottlerocket through it) and the
/// existing key pair. The emulator's nodes read that TOML to join, so all eight turn Ready with
/// the label; read back with the AWS CLI and kubectl.
#[test]
fn bottlerocket_settings() {
    let emu = Emulator::builder().region("us-west-2").start();
    let key = public_key_of_example_07();
    emu.aws(&["ec2", "import-key-pair", "--key-name", "my-example-keypair", "--public-key-material", &key]);
    lifecycle_checked(&emu, "20-bottlerocket.yaml", &example("20-bottlerocket.yaml"), |cluster| {
        let ng1 = launch_template_user_data(&emu, &format!("eksup-{cluster}-ng1-public"));
        let doc: toml::Table = ng1.parse().unwrap_or_else(|e| panic!("{e}\n{ng1}"));
        let settings = &doc["settings"];
        assert_eq!(settings["motd"].as_str(), Some("Hello, eksctl!"), "{ng1}");
        assert_eq!(settings["host-containers"]["admin"]["enabled"].as_bool(), Some(true), "{ng1}");
        assert_eq!(settings["kubernetes"]["cluster-name"].as_str(), Some(cluster), "{ng1}");
        assert_eq!(
            settings["kubernetes"]["node-labels"]["network-locality.example.com/public"].as_str(),
            Some("true"),
            "{ng1}"
        );
        let ng2 = launch_template_user_data(&emu, &format!("eksup-{cluster}-ng2-public-ssh"));
        let doc: toml::Table = ng2.parse().unwrap_or_else(|e| panic!("{e}\n{ng2}"));
        assert_eq!(doc["settings"]["host-containers"]["admin"]["enabled"].as_bool(), Some(true), "{ng2}");
        assert!(doc["settings"].get("motd").is_none(), "{ng2}");
        let (ok, out, err) =
            emu.kubectl(&["get", "nodes", "-l", "network-locality.example.com/public=true", "-o", "name"]);
        assert!(ok, "{err}");
        assert_eq!(out.lines().count(), 4, "ng1-public's nodes carry its label: {out}");
    });
}

/// `amiFamily: BottlerocketFips`: Bottlerocket's FIPS images, from the parameters eksctl's
/// resolver names (`aws-k8s-<version>-fips`) for a self-managed group, and EKS's AMI type
/// `BOTTLEROCKET_x86_64_FIPS` for a managed one; both join with Bottlerocket's TOML settings and
/// turn Ready. Read back with the AWS CLI (the image, the parameter, the AMI type) and kubectl.
#[test]
fn bottlerocket_fips_nodes() {
    let emu = Emulator::builder().region("us-west-2").start();
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: fips
  region: us-west-2
nodeGroups:
  - name: ng-fips
    instanceType: m5.large
    desiredCapacity: 1
    amiFamily: BottlerocketFips
    bottlerocket:
      settings:
        motd: fips
managedNodeGroups:
  - name: mng-fips
    instanceType: m5.large
    desiredCapacity: 1
    amiFamily: BottlerocketFips
";
    lifecycle_checked(&emu, "fips.yaml", config, |cluster| {
        let version = str_of(&emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["version"]);
        let parameter = format!("/aws/service/bottlerocket/aws-k8s-{version}-fips/x86_64/latest/image_id");
        let image = str_of(&emu.aws(&["ssm", "get-parameter", "--name", &parameter])["Parameter"]["Value"]);
        let lt = launch_template_data(&emu, &format!("eksup-{cluster}-ng-fips"));
        assert_eq!(str_of(&lt["ImageId"]), image);
        let described = emu.aws(&["ec2", "describe-images", "--image-ids", &image]);
        let name = str_of(&described["Images"][0]["Name"]);
        assert!(name.contains(&format!("aws-k8s-{version}-fips")), "{name}");
        let toml = launch_template_user_data(&emu, &format!("eksup-{cluster}-ng-fips"));
        let doc: toml::Table = toml.parse().unwrap_or_else(|e| panic!("{e}\n{toml}"));
        assert_eq!(doc["settings"]["motd"].as_str(), Some("fips"), "{toml}");
        let ng = &emu.aws(&[
            "eks",
            "describe-nodegroup",
            "--cluster-name",
            cluster,
            "--nodegroup-name",
            "mng-fips",
        ])["nodegroup"];
        assert_eq!(ng["amiType"], "BOTTLEROCKET_x86_64_FIPS", "{ng}");
        let (ok, out, err) =
            emu.kubectl(&["get", "nodes", "-o", "jsonpath={.items[*].status.nodeInfo.osImage}"]);
        assert!(ok, "{err}");
        assert_eq!(out.matches("Bottlerocket").count(), 2, "{out}");
    });
}

/// The instance types EC2 names for `requirements` (the AWS CLI's JSON), offered in every zone of
/// the cluster's subnets.
fn types_from_requirements(emu: &Emulator, arch: &str, requirements: &str, zones: &[String]) -> Vec<String> {
    let found = emu.aws(&[
        "ec2",
        "get-instance-types-from-instance-requirements",
        "--architecture-types",
        arch,
        "--virtualization-types",
        "hvm",
        "--instance-requirements",
        requirements,
    ]);
    let mut types: Vec<String> =
        found["InstanceTypes"].as_array().unwrap().iter().map(|t| str_of(&t["InstanceType"])).collect();
    types.retain(|t| {
        zones.iter().all(|z| {
            let offered = emu.aws(&[
                "ec2",
                "describe-instance-type-offerings",
                "--location-type",
                "availability-zone",
                "--filters",
                &format!("Name=location,Values={z}"),
                &format!("Name=instance-type,Values={t}"),
            ]);
            !offered["InstanceTypeOfferings"].as_array().unwrap().is_empty()
        })
    });
    types.sort();
    types
}

/// `instanceSelector`: EC2 names the types (GetInstanceTypesFromInstanceRequirements) and eksup
/// puts them where eksctl does: the managed group's `instanceTypes` and the self-managed group's
/// mixed instances policy. Read back with the AWS CLI against what EC2 gives for the same
/// requirements; the nodes turn Ready. A selector nothing matches is refused at its line.
#[test]
fn instance_selector() {
    let emu = Emulator::builder().region("us-west-2").start();
    let text = example("28-instance-selector.yaml");
    lifecycle_checked(&emu, "28-instance-selector.yaml", &text, |cluster| {
        let described =
            emu.aws(&["eks", "describe-nodegroup", "--cluster-name", cluster, "--nodegroup-name", "mng"]);
        let ng = &described["nodegroup"];
        let zones: Vec<String> = {
            let mut args = vec!["ec2", "describe-subnets", "--subnet-ids"];
            let ids: Vec<String> = ng["subnets"].as_array().unwrap().iter().map(str_of).collect();
            args.extend(ids.iter().map(String::as_str));
            let mut z: Vec<String> = emu.aws(&args)["Subnets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| str_of(&s["AvailabilityZone"]))
                .collect();
            z.sort();
            z.dedup();
            z
        };
        let mut managed: Vec<String> = ng["instanceTypes"].as_array().unwrap().iter().map(str_of).collect();
        managed.sort();
        let expected = types_from_requirements(
            &emu,
            "x86_64",
            r#"{"VCpuCount":{"Min":2,"Max":2},"MemoryMiB":{"Min":2048,"Max":2048},"BurstablePerformance":"included"}"#,
            &zones,
        );
        assert!(!expected.is_empty());
        assert_eq!(managed, expected, "mng: 2 vCPUs, 2 GiB, x86_64");
        let group = asg(&emu, &format!("eksup-{cluster}-ng"));
        let mut overrides: Vec<String> = group["MixedInstancesPolicy"]["LaunchTemplate"]["Overrides"]
            .as_array()
            .unwrap_or_else(|| panic!("ng: a mixed instances policy: {group}"))
            .iter()
            .map(|o| str_of(&o["InstanceType"]))
            .collect();
        overrides.sort();
        let expected = types_from_requirements(
            &emu,
            "x86_64",
            r#"{"VCpuCount":{"Min":2,"Max":2},"MemoryMiB":{"Min":4096,"Max":4096},"AcceleratorCount":{"Max":0},"BurstablePerformance":"included"}"#,
            &zones,
        );
        assert!(expected.len() > 1, "{expected:?}");
        assert_eq!(overrides, expected, "ng: 2 vCPUs, 4 GiB, no GPU");
    });
    // Its `-o yaml` (selectors beside the types EC2 chose, as eksctl prints them) loads again;
    // types that are not EC2's choice are refused.
    let file = emu.home().join("28.yaml");
    std::fs::write(&file, &text).unwrap();
    let yaml = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-o", "yaml", "-f"]).arg(&file));
    assert_eq!(yaml.code, 0, "{}", yaml.stderr);
    assert!(
        yaml.stdout.contains("instanceSelector:") && yaml.stdout.contains("instanceTypes:"),
        "{}",
        yaml.stdout
    );
    let again = emu.home().join("again.yaml");
    std::fs::write(&again, &yaml.stdout).unwrap();
    let reloaded = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&again));
    assert_eq!(reloaded.code, 0, "{}", reloaded.stderr);
    let other = text.replace(
        "    cpuArchitecture: x86_64 # default value",
        "    cpuArchitecture: x86_64\n  instanceTypes: [m5.large]",
    );
    assert_ne!(other, text);
    std::fs::write(&again, other).unwrap();
    let differs = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(&again));
    assert_eq!(differs.code, 1, "{}", differs.stderr);
    assert!(differs.stderr.contains("which is not `instanceTypes` (`m5.large`)"), "{}", differs.stderr);
    // Nothing has 3 vCPUs: refused at the selector's line, before anything is made.
    let file = emu.home().join("none.yaml");
    std::fs::write(&file, text.replace("vCPUs: 2\n    memory: \"4\"", "vCPUs: 3\n    memory: \"4\""))
        .unwrap();
    let refused = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(":11:3: nodeGroups[0].instanceSelector: no instance type offered in `us-west-2a`, `us-west-2b`, `us-west-2c` has 3 vCPUs, 4 GiB, no accelerators, x86_64"),
        "{}",
        refused.stderr
    );
    assert_eq!(emu.aws(&["eks", "list-clusters"])["clusters"], serde_json::json!([]));
}

/// The dry-run of `file` against its live cluster finds nothing to do.
fn nothing_to_do(emu: &Emulator, file: &Path) {
    let same = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-f"]).arg(file));
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(
        same.stdout.contains("against what exists: 0 to create, 0 to change in place"),
        "{}",
        same.stdout
    );
    let marked = same.stdout.lines().filter(|l| l.trim_start().starts_with(['+', '~', '!', '-'])).count();
    assert_eq!(marked, 0, "{}", same.stdout);
}

/// A capability as the AWS CLI describes it.
fn capability(emu: &Emulator, cluster: &str, name: &str) -> Value {
    emu.aws(&["eks", "describe-capability", "--cluster-name", cluster, "--capability-name", name])["capability"]
        .clone()
}

/// The access policies associated with `principal`'s access entry, as `(policy, scope type)`.
fn associated_policies(emu: &Emulator, cluster: &str, principal: &str) -> Vec<(String, String)> {
    let got = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        cluster,
        "--principal-arn",
        principal,
    ]);
    got["associatedAccessPolicies"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| (str_of(&p["policyArn"]), str_of(&p["accessScope"]["type"])))
        .collect()
}

/// Example 47's ACK and kro capabilities on an Auto Mode cluster: a role each, trusted by
/// `capabilities.eks.amazonaws.com` (with `sts:TagSession`) with the file's policies, the
/// capabilities ACTIVE with the file's tags and eksup's, and kro's access policy on the access
/// entry EKS made for its role. Read back with the AWS CLI and `eksup get capability`; `delete
/// capability` removes one with its role, `create capability -f` brings it back, a re-run
/// changes nothing, and `delete cluster` takes them (they must go before the cluster).
#[test]
fn capabilities() {
    let emu = Emulator::builder().region("ap-northeast-2").start();
    let name = "47-auto-mode-with-ack-kro-capabilities.yaml";
    lifecycle_checked(&emu, name, &example(name), |cluster| {
        let ack = capability(&emu, cluster, "ack-capability");
        assert_eq!((ack["type"].as_str(), ack["status"].as_str()), (Some("ACK"), Some("ACTIVE")), "{ack}");
        assert_eq!(ack["deletePropagationPolicy"], "RETAIN", "{ack}");
        assert_eq!(ack["tags"]["Environment"], "dev", "{ack}");
        assert_eq!(ack["tags"]["eksup.io/cluster"], cluster, "ownership tags: {ack}");
        let ack_role = str_of(&ack["roleArn"]);
        let ack_role_name = ack_role.rsplit('/').next().unwrap().to_string();
        assert_eq!(ack_role_name, format!("eksup-{cluster}-capability-ack-capability"));
        let role = &emu.aws(&["iam", "get-role", "--role-name", &ack_role_name])["Role"];
        let trust = &role["AssumeRolePolicyDocument"]["Statement"][0];
        assert_eq!(trust["Principal"]["Service"], "capabilities.eks.amazonaws.com", "{trust}");
        assert_eq!(trust["Action"], serde_json::json!(["sts:AssumeRole", "sts:TagSession"]), "{trust}");
        let (managed, inline) = role_policies(&emu, &ack_role_name);
        assert_eq!((managed, inline.len()), (vec!["AdministratorAccess".to_string()], 0));

        let kro = capability(&emu, cluster, "kro-capability");
        assert_eq!((kro["type"].as_str(), kro["status"].as_str()), (Some("KRO"), Some("ACTIVE")), "{kro}");
        let kro_role = str_of(&kro["roleArn"]);
        let (managed, _) = role_policies(&emu, kro_role.rsplit('/').next().unwrap());
        assert!(managed.is_empty(), "kro's role has no policy of the file: {managed:?}");
        let policies = associated_policies(&emu, cluster, &kro_role);
        assert!(
            policies.contains(&(
                "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy".into(),
                "cluster".into()
            )),
            "{policies:?}"
        );

        let got = Run::of(emu.eksup().args(["get", "capability", "--cluster", cluster, "-o", "json"]));
        assert_eq!(got.code, 0, "{}", got.stderr);
        let listed: Value = serde_json::from_str(&got.stdout).unwrap();
        let mut names: Vec<(String, String, String)> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (str_of(&c["name"]), str_of(&c["type"]), str_of(&c["Status"])))
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ("ack-capability".into(), "ACK".into(), "ACTIVE".into()),
                ("kro-capability".into(), "KRO".into(), "ACTIVE".into())
            ]
        );

        // The whole file again: nothing to do.
        let file = emu.home().join(name);
        nothing_to_do(&emu, &file);
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);

        // One deleted with the role eksup made for it, then made again from the file.
        let kro_role_name = kro_role.rsplit('/').next().unwrap().to_string();
        let delete = || {
            Run::of(emu.eksup().args([
                "delete",
                "capability",
                "--cluster",
                cluster,
                "--name",
                "kro-capability",
                "--yes",
            ]))
        };
        let deleted = delete();
        assert_eq!(deleted.code, 0, "{}", deleted.stderr);
        assert!(deleted.stderr.contains(&format!("IAM role `{kro_role_name}`")), "{}", deleted.stderr);
        let gone = emu.aws_result(&[
            "eks",
            "describe-capability",
            "--cluster-name",
            cluster,
            "--capability-name",
            "kro-capability",
        ]);
        assert!(gone.is_err_and(|e| e.contains("ResourceNotFoundException")), "the capability is gone");
        let gone = emu.aws_result(&["iam", "get-role", "--role-name", &kro_role_name]);
        assert!(gone.is_err_and(|e| e.contains("NoSuchEntity")), "its role is gone");
        let again = delete();
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert!(again.stderr.contains("nothing to delete"), "{}", again.stderr);

        let made = Run::of(emu.eksup().args(["create", "capability", "--include", "kro-*", "-f"]).arg(&file));
        assert_eq!(made.code, 0, "{}", made.stderr);
        let kro = capability(&emu, cluster, "kro-capability");
        assert_eq!(kro["status"], "ACTIVE", "{kro}");
        let policies = associated_policies(&emu, cluster, &str_of(&kro["roleArn"]));
        assert!(policies.iter().any(|(p, _)| p.ends_with("/AmazonEKSClusterAdminPolicy")), "{policies:?}");
    });
}

/// Example 48 names its Identity Center instance and users with placeholders, which EKS refuses:
/// refused at those lines. With real ones its Argo CD capability is made with the file's
/// namespace, Identity Center instance and role mappings (read back with the AWS CLI), and its
/// access policy.
#[test]
fn argocd_capability() {
    let emu = Emulator::builder().region("ap-northeast-2").start();
    let name = "48-auto-mode-with-argocd-capabilities.yaml";
    let refused = refused_as_published(&emu, name);
    assert!(
        refused.stderr.contains(":29:11: capabilities[0].configuration.argocd.awsIdc.idcInstanceArn: `arn:aws:sso:::instance/ssoins-<SSO Instance ID>` is not an IAM Identity Center instance ARN")
            && refused.stderr.contains("hint: use your instance's ARN")
            && refused.stderr.contains(":37:17: capabilities[0].configuration.argocd.rbacRoleMappings[0].identities[0].id: `38414300-1041-708a-01af-abc123defg` is not an IAM Identity Center user or group id"),
        "{}",
        refused.stderr
    );
    let text = example(name)
        .replace("ssoins-<SSO Instance ID>", "ssoins-7223c2d3b5a6e8f1")
        .replace("abc123defg", "abc123def012");
    lifecycle_checked(&emu, name, &text, |cluster| {
        let argocd = capability(&emu, cluster, "argocd-gitops");
        assert_eq!((argocd["type"].as_str(), argocd["status"].as_str()), (Some("ARGOCD"), Some("ACTIVE")));
        let config = &argocd["configuration"]["argoCd"];
        assert_eq!(config["namespace"], "argocd", "{argocd}");
        assert_eq!(config["awsIdc"]["idcInstanceArn"], "arn:aws:sso:::instance/ssoins-7223c2d3b5a6e8f1");
        assert_eq!(config["awsIdc"]["idcRegion"], "us-west-2", "{argocd}");
        let mapping = &config["rbacRoleMappings"][0];
        assert_eq!(mapping["role"], "ADMIN", "{argocd}");
        assert_eq!(mapping["identities"][1]["type"], "SSO_GROUP", "{argocd}");
        let policies = associated_policies(&emu, cluster, &str_of(&argocd["roleArn"]));
        assert!(policies.iter().any(|(p, _)| p.ends_with("/AmazonEKSClusterAdminPolicy")), "{policies:?}");

        // A re-run brings the role mappings and network access to the file's, in place: the
        // group leaves ADMIN, a user becomes VIEWER, a VPC endpoint gives private access.
        let group = "              - id: 08017340-8041-7093-3ffa-abc123def012 # AWS IDC GROUP ID\n                type: SSO_GROUP\n";
        assert!(text.contains(group), "{text}");
        let viewer = "          - role: VIEWER\n            identities:\n              - id: 92f5a4e1-7011-70c2-1234-0a1b2c3d4e5f\n                type: SSO_USER\n";
        let changed = text.replacen(group, viewer, 1).replacen(
            "        # networkAccess: # Need the VPC endpoint to be pre-povisioned\n        #   vpceIds:\n        #     - vpce-1234567890abcdef0\n",
            "        networkAccess:\n          vpceIds:\n            - vpce-1234567890abcdef0\n",
            1,
        );
        assert!(changed.contains("networkAccess:\n          vpceIds"), "{changed}");
        let file = emu.home().join("48-changed.yaml");
        std::fs::write(&file, &changed).unwrap();
        let again = Run::of(emu.eksup().args(["create", "capability", "-f"]).arg(&file));
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert!(
            again.stderr.contains("changing Argo CD's role mappings (identities 1 from `ADMIN`, 1 to `VIEWER`) and network access"),
            "{}",
            again.stderr
        );
        let argocd = capability(&emu, cluster, "argocd-gitops");
        assert_eq!(argocd["status"], "ACTIVE", "{argocd}");
        let config = &argocd["configuration"]["argoCd"];
        let mut roles: Vec<(String, Vec<String>)> = config["rbacRoleMappings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    str_of(&m["role"]),
                    m["identities"].as_array().unwrap().iter().map(|i| str_of(&i["type"])).collect(),
                )
            })
            .collect();
        roles.sort();
        assert_eq!(
            roles,
            vec![
                ("ADMIN".to_string(), vec!["SSO_USER".to_string()]),
                ("VIEWER".to_string(), vec!["SSO_USER".to_string()])
            ],
            "{argocd}"
        );
        assert_eq!(
            config["networkAccess"]["vpceIds"],
            serde_json::json!(["vpce-1234567890abcdef0"]),
            "{argocd}"
        );
        let same = Run::of(emu.eksup().args(["create", "capability", "-f"]).arg(&file));
        assert_eq!(same.code, 0, "{}", same.stderr);
        assert!(!same.stderr.contains("changing Argo CD"), "{}", same.stderr);

        // A capability made outside eksup: EKS deletes no cluster that has one, so the cluster's
        // delete takes it too (as node groups), and leaves its role, which is not eksup's.
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"capabilities.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}"#;
        let role =
            emu.aws(&["iam", "create-role", "--role-name", "theirs", "--assume-role-policy-document", trust]);
        let role = str_of(&role["Role"]["Arn"]);
        let create = || {
            emu.aws_result(&[
                "eks",
                "create-capability",
                "--cluster-name",
                cluster,
                "--capability-name",
                "theirs",
                "--type",
                "KRO",
                "--role-arn",
                &role,
                "--delete-propagation-policy",
                "RETAIN",
            ])
        };
        // IAM takes a moment before EKS may use a new role.
        let made = (0..20).find_map(|_| {
            create().ok().or_else(|| {
                std::thread::sleep(std::time::Duration::from_millis(500));
                None
            })
        });
        assert!(made.is_some(), "{:?}", create());
        let listed = Run::of(emu.eksup().args(["get", "capability", "--cluster", cluster]));
        assert!(
            listed.stdout.lines().any(|l| l.starts_with("theirs ") && l.trim_end().ends_with('-')),
            "{}",
            listed.stdout
        );
    });
    emu.aws(&["iam", "get-role", "--role-name", "theirs"]);
}

/// The nodes of the kubeconfig's cluster whose `kubernetes.io/os` label is `os`.
fn nodes_of_os(emu: &Emulator, os: &str) -> Vec<String> {
    emu.nodes()
        .into_iter()
        .filter(|(_, ready, labels)| *ready && labels.get("kubernetes.io/os").map(String::as_str) == Some(os))
        .map(|(name, _, _)| name)
        .collect()
}

/// What a Windows cluster needs besides its nodes: their role's `EC2_WINDOWS` access entry,
/// PowerShell user data calling the AMI's bootstrap script, and Windows IPAM on in vpc-cni's
/// ConfigMap (the VPC resource controller then gives Windows pods their addresses).
fn check_windows(emu: &Emulator, cluster: &str, group: &str, windows_nodes: usize) {
    assert_eq!(nodes_of_os(emu, "windows").len(), windows_nodes, "Ready Windows nodes");
    assert!(!nodes_of_os(emu, "linux").is_empty(), "Linux nodes beside them");
    let role = emu.aws(&["iam", "get-role", "--role-name", &format!("eksup-{cluster}-{group}-node")]);
    let role = str_of(&role["Role"]["Arn"]);
    let entry =
        emu.aws(&["eks", "describe-access-entry", "--cluster-name", cluster, "--principal-arn", &role]);
    assert_eq!(entry["accessEntry"]["type"], "EC2_WINDOWS", "{entry}");
    let user_data = launch_template_user_data(emu, &format!("eksup-{cluster}-{group}"));
    assert!(
        user_data.starts_with("<powershell>")
            && user_data.contains("& $EKSBootstrapScriptFile -EKSClusterName"),
        "{user_data}"
    );
    let (ok, out, err) =
        emu.kubectl(&["get", "configmap", "amazon-vpc-cni", "-n", "kube-system", "-o", "jsonpath={.data}"]);
    assert!(ok && out.contains("\"enable-windows-ipam\":\"true\""), "{out}{err}");
}

/// Example 14: Windows Server 2019 nodes (self-managed) beside managed Linux nodes, all Ready.
#[test]
fn windows_nodes() {
    let emu = Emulator::builder().region("us-west-2").start();
    let name = "14-windows-nodes.yaml";
    lifecycle_checked(&emu, name, &example(name), |cluster| check_windows(&emu, cluster, "windows-ng", 2));
}

/// Example 14 with Windows Server 2025 (Kubernetes 1.35, the first with its images): the nodes
/// run the image of the 2025 SSM parameter and report its build.
#[test]
fn windows_server_2025_nodes() {
    let emu = Emulator::builder().region("us-west-2").start();
    let name = "14-windows-nodes.yaml";
    let text = example(name)
        .replace("amiFamily: WindowsServer2019FullContainer", "amiFamily: WindowsServer2025FullContainer")
        .replace("  region: us-west-2\n", "  region: us-west-2\n  version: \"1.35\"\n");
    assert!(text.contains("2025") && text.contains("1.35"), "{text}");
    lifecycle_checked(&emu, name, &text, |cluster| {
        check_windows(&emu, cluster, "windows-ng", 2);
        let image = emu.aws(&[
            "ssm",
            "get-parameter",
            "--name",
            "/aws/service/ami-windows-latest/Windows_Server-2025-English-Full-EKS_Optimized-1.35/image_id",
        ]);
        let image = str_of(&image["Parameter"]["Value"]);
        let (ok, out, err) = emu.kubectl(&[
            "get",
            "nodes",
            "-l",
            "kubernetes.io/os=windows",
            "-o",
            "jsonpath={range .items[*]}{.metadata.labels.node\\.kubernetes\\.io/windows-build} {.status.nodeInfo.osImage}{\"\\n\"}{end}",
        ]);
        assert!(ok, "{err}");
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            ["10.0.26100 Windows Server 2025 Datacenter"; 2],
            "{out}"
        );
        let instances =
            emu.aws(&["ec2", "describe-instances", "--filters", "Name=instance-state-name,Values=running"]);
        let images: Vec<String> = instances["Reservations"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|r| r["Instances"].as_array().cloned().unwrap_or_default())
            .filter(|i| i["Platform"] == "windows")
            .map(|i| str_of(&i["ImageId"]))
            .collect();
        assert_eq!(images, [image.clone(), image], "{instances}");
    });
}

/// Example 32: Windows Server 2019 nodes on containerd, and 2022 nodes on an AMI of the file's
/// own with the file's bootstrap command, which uses the variables eksup defines (eksctl's);
/// the AMI the example names is the emulator's Windows 2022 image.
#[test]
fn windows_nodes_with_containerd() {
    let emu = Emulator::builder().region("us-west-2").start();
    let name = "32-windows-nodes-with-containerd.yaml";
    let ami = emu.aws(&[
        "ssm",
        "get-parameter",
        "--name",
        "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-EKS_Optimized-1.34/image_id",
    ]);
    let text = example(name).replace("ami-01579b74557facaf7", &str_of(&ami["Parameter"]["Value"]));
    lifecycle_checked(&emu, name, &text, |cluster| {
        check_windows(&emu, cluster, "windows-ng", 4);
        let user_data = launch_template_user_data(&emu, &format!("eksup-{cluster}-windows-ng"));
        assert!(user_data.contains("-ContainerRuntime \"containerd\""), "{user_data}");
        let custom = launch_template_user_data(&emu, &format!("eksup-{cluster}-custom-windows"));
        assert!(
            custom.contains(&format!("[string]$EKSClusterName = '{cluster}'"))
                && custom
                    .contains("-ContainerRuntime \"containerd\" -KubeletExtraArgs \"$KubeletExtraArgs\""),
            "{custom}"
        );
    });
}

/// Example 02: a VPC of the file's CIDR with an Amazon-provided IPv6 block, a /64 of it for each
/// subnet in order (public first), `::/0` from the public route table to the internet gateway,
/// subnets naming instances by resource, and a private endpoint only. Read back with the AWS CLI.
#[test]
fn auto_allocated_ipv6() {
    let emu = Emulator::builder().region("eu-north-1").start();
    let name = "02-custom-vpc-cidr-no-nodes.yaml";
    // Zones listed out of alphabetical order: the IPv6 /64s follow the list, as the IPv4 blocks do.
    let text =
        example(name).replace("vpc:\n", "availabilityZones: [eu-north-1c, eu-north-1a, eu-north-1b]\nvpc:\n");
    lifecycle_checked(&emu, name, &text, |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"];
        assert_eq!(
            (c["endpointPublicAccess"].as_bool(), c["endpointPrivateAccess"].as_bool()),
            (Some(false), Some(true))
        );
        let vpc_id = str_of(&c["vpcId"]);
        let vpc = &emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &vpc_id])["Vpcs"][0];
        assert_eq!(vpc["CidrBlock"], "10.10.0.0/16", "{vpc}");
        let block = &vpc["Ipv6CidrBlockAssociationSet"][0];
        assert_eq!(block["Ipv6CidrBlockState"]["State"], "associated", "{vpc}");
        let block = str_of(&block["Ipv6CidrBlock"]);
        assert!(block.ends_with("/56"), "{block}");
        let block: ipnet::Ipv6Net = block.parse().unwrap();
        let sixty_fours: Vec<String> = block.subnets(64).unwrap().take(6).map(|n| n.to_string()).collect();
        let subnets =
            emu.aws(&["ec2", "describe-subnets", "--filters", &format!("Name=vpc-id,Values={vpc_id}")]);
        let mut seen: Vec<(String, String, String)> = subnets["Subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    str_of(&s["CidrBlock"]),
                    str_of(&s["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]),
                    str_of(&s["PrivateDnsNameOptionsOnLaunch"]["HostnameType"]),
                )
            })
            .collect();
        seen.sort();
        let mut want: Vec<(String, String, String)> = (0..6)
            .map(|i| (format!("10.10.{}.0/19", i * 32), sixty_fours[i].clone(), "resource-name".to_string()))
            .collect();
        want.sort();
        assert_eq!(seen, want, "public subnets are 0 to 2, private ones 3 to 5, in the file's zone order");
        let zone_of = |v6: &str| {
            let s = subnets["Subnets"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"] == v6);
            s.map(|s| str_of(&s["AvailabilityZone"])).unwrap_or_default()
        };
        assert_eq!(zone_of(&sixty_fours[0]), "eu-north-1c", "the first zone listed gets the first /64");
        let tables = emu.aws(&[
            "ec2",
            "describe-route-tables",
            "--filters",
            &format!("Name=vpc-id,Values={vpc_id}"),
            "Name=tag:eksup.io/resource,Values=route-table-public",
        ]);
        let routes = &tables["RouteTables"][0]["Routes"];
        let v6 = routes.as_array().unwrap().iter().find(|r| r["DestinationIpv6CidrBlock"] == "::/0");
        assert!(v6.is_some_and(|r| str_of(&r["GatewayId"]).starts_with("igw-")), "{routes}");

        // A re-run finds it all as it is.
        let file = emu.home().join(name);
        nothing_to_do(&emu, &file);
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    });
}

/// Example 30, an `IPv6` cluster (its Kubernetes 1.21 is no longer created by EKS: run with
/// 1.34): eksctl's VPC (`vpc_ipv6.go`): an Amazon-provided /56, `2·3+2` IPv4 blocks of which the
/// six subnets take the first six, each subnet its /64 of the block (public first) with
/// addresses assigned on launch, one NAT gateway for IPv4 out, an egress-only internet gateway
/// for the private subnets' `::/0`; EKS's IPv6 service CIDR; the vpc-cni's role with the file's
/// IPv6 policy; nodes Ready with IPv6 addresses. Read back with the AWS CLI and kubectl.
#[test]
fn ipv6_cluster() {
    let emu = Emulator::builder().region("us-west-2").start();
    let name = "30-vpc-with-ip-family.yaml";
    let text = example(name).replace("version: \"1.21\"", "version: \"1.34\"");
    assert_ne!(text, example(name));
    lifecycle_checked(&emu, name, &text, |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        let net = &c["kubernetesNetworkConfig"];
        assert_eq!(net["ipFamily"], "ipv6", "{net}");
        let service: ipnet::Ipv6Net = str_of(&net["serviceIpv6Cidr"]).parse().expect("an IPv6 service CIDR");
        assert_eq!(service.prefix_len(), 108, "{net}");
        let vpc_id = str_of(&c["resourcesVpcConfig"]["vpcId"]);
        let vpc = &emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &vpc_id])["Vpcs"][0];
        let block: ipnet::Ipv6Net =
            str_of(&vpc["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]).parse().unwrap();
        assert_eq!(block.prefix_len(), 56, "{vpc}");
        let sixty_fours: Vec<String> = block.subnets(64).unwrap().take(6).map(|n| n.to_string()).collect();
        let in_vpc = format!("Name=vpc-id,Values={vpc_id}");
        let subnets = emu.aws(&["ec2", "describe-subnets", "--filters", &in_vpc]);
        let mut seen: Vec<(String, String, bool)> = subnets["Subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    str_of(&s["CidrBlock"]),
                    str_of(&s["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]),
                    s["AssignIpv6AddressOnCreation"].as_bool().unwrap_or_default(),
                )
            })
            .collect();
        seen.sort();
        let mut want: Vec<(String, String, bool)> =
            (0..6).map(|i| (format!("192.168.{}.0/19", i * 32), sixty_fours[i].clone(), true)).collect();
        want.sort();
        assert_eq!(seen, want, "public subnets take blocks 0 to 2, private ones 3 to 5");

        let owned = format!("Name=tag:eksup.io/cluster,Values={cluster}");
        let gateways = emu.aws(&["ec2", "describe-egress-only-internet-gateways", "--filters", &owned]);
        let gateways = gateways["EgressOnlyInternetGateways"].as_array().unwrap().clone();
        assert_eq!(gateways.len(), 1, "{gateways:?}");
        let eigw = str_of(&gateways[0]["EgressOnlyInternetGatewayId"]);
        assert_eq!(gateways[0]["Attachments"][0]["VpcId"], vpc_id.as_str(), "{gateways:?}");
        let nats = emu.aws(&["ec2", "describe-nat-gateways", "--filter", &in_vpc]);
        let nats: Vec<String> = nats["NatGateways"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["State"] == "available")
            .map(|n| str_of(&n["NatGatewayId"]))
            .collect();
        assert_eq!(nats.len(), 1, "one NAT gateway: {nats:?}");
        for az in ["us-west-2a", "us-west-2b", "us-west-2c"] {
            let table = format!("Name=tag:eksup.io/resource,Values=route-table-private-{az}");
            let tables = emu.aws(&["ec2", "describe-route-tables", "--filters", &in_vpc, &table]);
            let routes = tables["RouteTables"][0]["Routes"].as_array().unwrap().clone();
            let to = |dest: &str, key: &str, target: &str| {
                routes.iter().any(|r| {
                    (r["DestinationIpv6CidrBlock"] == dest || r["DestinationCidrBlock"] == dest)
                        && r[key] == target
                })
            };
            assert!(to("::/0", "EgressOnlyInternetGatewayId", &eigw), "{az}: {routes:?}");
            assert!(to("0.0.0.0/0", "NatGatewayId", &nats[0]), "{az}: {routes:?}");
        }

        // The vpc-cni's role holds the file's IPv6 policy; the nodes' role no CNI policy.
        let addon = &emu.aws(&[
            "eks",
            "describe-addon",
            "--cluster-name",
            cluster,
            "--addon-name",
            "vpc-cni",
        ])["addon"];
        let role = str_of(&addon["serviceAccountRoleArn"]);
        let role = role.rsplit('/').next().unwrap();
        let policy =
            emu.aws(&["iam", "get-role-policy", "--role-name", role, "--policy-name", "attach-policy"]);
        assert!(policy["PolicyDocument"].to_string().contains("ec2:AssignIpv6Addresses"), "{policy}");

        // The nodes talk IPv6: their InternalIP is an address of the VPC's block.
        let (ok, out, err) = emu.kubectl(&[
            "get",
            "nodes",
            "-o",
            "jsonpath={.items[*].status.addresses[?(@.type==\"InternalIP\")].address}",
        ]);
        assert!(ok, "{err}");
        let addresses: Vec<std::net::Ipv6Addr> = out
            .split_whitespace()
            .map(|a| a.parse().unwrap_or_else(|_| panic!("`{a}` is no IPv6 address")))
            .collect();
        assert_eq!(addresses.len(), 2, "{out}");
        assert!(addresses.iter().all(|a| block.contains(a)), "{addresses:?} in {block}");
    });
}

/// Example 30 with the VPC's IPv6 block from a BYOIP pool (`vpc.ipv6Pool`, `vpc.ipv6Cidr`):
/// the VPC gets that /56 of the pool, the subnets the /64s of it. Read back with the AWS CLI.
#[test]
fn ipv6_cluster_with_a_byoip_pool() {
    let pool = "ipv6pool-ec2-0123456789abcdef0";
    let emu = Emulator::builder()
        .region("us-west-2")
        .env("EKSUP_MOTO_IPV6_POOL", format!("{pool}=2001:db8:1200::/48"))
        .start();
    let name = "30-vpc-with-ip-family.yaml";
    let text = example(name)
        .replace("version: \"1.21\"", "version: \"1.34\"")
        .replace("iam:\n", &format!("vpc:\n  ipv6Pool: {pool}\n  ipv6Cidr: 2001:db8:1200:ab00::/56\niam:\n"));
    lifecycle_checked(&emu, name, &text, |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"];
        let vpc_id = str_of(&c["resourcesVpcConfig"]["vpcId"]);
        let vpc = &emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &vpc_id])["Vpcs"][0];
        let block = &vpc["Ipv6CidrBlockAssociationSet"][0];
        assert_eq!(
            (block["Ipv6CidrBlock"].as_str(), block["Ipv6Pool"].as_str()),
            (Some("2001:db8:1200:ab00::/56"), Some(pool)),
            "{vpc}"
        );
        let subnets =
            emu.aws(&["ec2", "describe-subnets", "--filters", &format!("Name=vpc-id,Values={vpc_id}")]);
        let mut blocks: Vec<String> = subnets["Subnets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| str_of(&s["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]))
            .collect();
        blocks.sort();
        let want: Vec<String> = (0..6).map(|i| format!("2001:db8:1200:ab0{i}::/64")).collect();
        assert_eq!(blocks, want);
    });
}

/// Example 33: a public and a private subnet in each Local Zone (eksctl's blocks: the zones'
/// public ones, the Local Zones', then the private ones), the control plane in the region's
/// availability zones only, the group's nodes Ready in the Local Zones' public subnets. Read
/// back with the AWS CLI and kubectl.
#[test]
fn local_zones() {
    let emu = Emulator::builder().region("us-west-2").start();
    let name = "33-local-zones.yaml";
    lifecycle_checked(&emu, name, &example(name), |cluster| {
        let c = &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"];
        let vpc_id = str_of(&c["vpcId"]);
        let subnets =
            emu.aws(&["ec2", "describe-subnets", "--filters", &format!("Name=vpc-id,Values={vpc_id}")]);
        let subnets = subnets["Subnets"].as_array().unwrap();
        let in_lz = |s: &&Value| str_of(&s["AvailabilityZone"]).starts_with("us-west-2-lax-1");
        let mut lz: Vec<(String, String)> = subnets
            .iter()
            .filter(in_lz)
            .map(|s| (str_of(&s["AvailabilityZone"]), str_of(&s["CidrBlock"])))
            .collect();
        lz.sort();
        assert_eq!(
            lz,
            [
                ("us-west-2-lax-1a".to_string(), "192.168.128.0/20".to_string()),
                ("us-west-2-lax-1a".into(), "192.168.48.0/20".into()),
                ("us-west-2-lax-1b".into(), "192.168.144.0/20".into()),
                ("us-west-2-lax-1b".into(), "192.168.64.0/20".into()),
            ]
        );
        let lz_ids: Vec<String> = subnets.iter().filter(in_lz).map(|s| str_of(&s["SubnetId"])).collect();
        let cp: Vec<String> = c["subnetIds"].as_array().unwrap().iter().map(str_of).collect();
        assert_eq!(cp.len(), 6, "{cp:?}");
        assert!(cp.iter().all(|s| !lz_ids.contains(s)), "control plane in a Local Zone: {cp:?}");
        // The group's instances run in the Local Zones' public subnets.
        let group = asg(&emu, &format!("eksup-{cluster}-local-ng"));
        let public_lz: Vec<String> = subnets
            .iter()
            .filter(in_lz)
            .filter(|s| s["MapPublicIpOnLaunch"] == true)
            .map(|s| str_of(&s["SubnetId"]))
            .collect();
        let mut used: Vec<String> =
            str_of(&group["VPCZoneIdentifier"]).split(',').map(str::to_string).collect();
        used.sort();
        let mut want = public_lz.clone();
        want.sort();
        assert_eq!(used, want, "{group}");
        let (ok, zones, err) = emu.kubectl(&[
            "get",
            "nodes",
            "-o",
            "jsonpath={.items[*].metadata.labels.topology\\.kubernetes\\.io/zone}",
        ]);
        assert!(ok, "{err}");
        let zones: Vec<&str> = zones.split_whitespace().collect();
        assert_eq!(zones.len(), 2, "{zones:?}");
        assert!(zones.iter().all(|z| z.starts_with("us-west-2-lax-1")), "{zones:?}");
    });
}

/// Example 35: the ARN mappings as access entries; `serviceName: emr-containers` as eksctl
/// grants it (the namespace, Amazon EMR's Role and its RoleBinding to the user
/// `emr-containers`, and the service-linked role mapped to that user in aws-auth, where EKS
/// takes no access entry for it); `account` in aws-auth's `mapAccounts`. Read back with the
/// AWS CLI and kubectl; a re-run changes nothing.
#[test]
fn iam_identity_mappings() {
    let emu = Emulator::builder().region("us-east-1").start();
    let trust = r#"{"Version":"2012-10-17","Statement":[]}"#;
    emu.aws(&["iam", "create-role", "--role-name", "myAdminRole", "--assume-role-policy-document", trust]);
    emu.aws(&["iam", "create-user", "--user-name", "myUser"]);
    let name = "35-iamidentitymappings.yaml";
    let text = example(name).replace("000000000000", "123456789012");
    lifecycle_checked(&emu, name, &text, |cluster| {
        let entries = emu.aws(&["eks", "list-access-entries", "--cluster-name", cluster]);
        let entries: Vec<String> = entries["accessEntries"].as_array().unwrap().iter().map(str_of).collect();
        assert!(entries.contains(&"arn:aws:iam::123456789012:role/myAdminRole".to_string()), "{entries:?}");
        assert!(entries.contains(&"arn:aws:iam::123456789012:user/myUser".to_string()), "{entries:?}");
        assert!(!entries.iter().any(|e| e.contains("AWSServiceRoleForAmazonEMRContainers")), "{entries:?}");
        let (ok, data, err) =
            emu.kubectl(&["get", "configmap", "aws-auth", "-n", "kube-system", "-o", "json"]);
        assert!(ok, "{err}");
        let data: Value = serde_json::from_str(&data).unwrap();
        let roles: Value = serde_saphyr::from_str(data["data"]["mapRoles"].as_str().unwrap()).unwrap();
        assert_eq!(
            roles,
            serde_json::json!([{
                "rolearn": "arn:aws:iam::123456789012:role/AWSServiceRoleForAmazonEMRContainers",
                "username": "emr-containers"
            }])
        );
        let accounts: Value = serde_saphyr::from_str(data["data"]["mapAccounts"].as_str().unwrap()).unwrap();
        assert_eq!(accounts, serde_json::json!(["123456789012"]));
        let (ok, rbac, err) = emu.kubectl(&["get", "roles,rolebindings", "-n", "emr", "-o", "json"]);
        assert!(ok, "{err}");
        let rbac: Value = serde_json::from_str(&rbac).unwrap();
        let items = rbac["items"].as_array().unwrap();
        let role = items.iter().find(|i| i["kind"] == "Role").expect("the Role");
        assert_eq!(role["metadata"]["name"], "emr-containers");
        assert!(
            role["rules"].as_array().unwrap().iter().any(|r| r["resources"][0] == "namespaces"),
            "{role}"
        );
        let binding = items.iter().find(|i| i["kind"] == "RoleBinding").expect("the RoleBinding");
        assert_eq!(binding["roleRef"]["name"], "emr-containers");
        assert_eq!(
            binding["subjects"][0],
            serde_json::json!({"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "emr-containers"})
        );
        // `get iamidentitymapping`: the access entries and aws-auth's entries, in eksctl's fields.
        let mappings = || {
            let out =
                Run::of(emu.eksup().args(["get", "iamidentitymapping", "--cluster", cluster, "-o", "json"]));
            assert_eq!(out.code, 0, "{}", out.stderr);
            serde_json::from_str::<Value>(&out.stdout).expect("JSON")
        };
        let listed = mappings();
        let has = |m: &Value, want: Value| m.as_array().unwrap().contains(&want);
        assert!(
            has(
                &listed,
                serde_json::json!({"rolearn": "arn:aws:iam::123456789012:role/AWSServiceRoleForAmazonEMRContainers", "username": "emr-containers", "source": "aws-auth"})
            ),
            "{listed}"
        );
        assert!(
            has(&listed, serde_json::json!({"account": "123456789012", "source": "aws-auth"})),
            "{listed}"
        );
        assert!(
            listed
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["rolearn"] == "arn:aws:iam::123456789012:role/myAdminRole"
                    && m["username"] == "admin"
                    && m["source"] == "access entry (STANDARD)"),
            "{listed}"
        );
        // Entries of others stay as they are written.
        let users =
            "- userarn: arn:aws:iam::123456789012:user/myUser\n  username: ops # on call\n  groups: [ops]\n";
        let patch = serde_json::json!({"data": {"mapUsers": users}}).to_string();
        let (ok, _, err) = emu.kubectl(&[
            "-n",
            "kube-system",
            "patch",
            "configmap",
            "aws-auth",
            "--type",
            "merge",
            "-p",
            &patch,
        ]);
        assert!(ok, "{err}");
        assert!(
            mappings()
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["userarn"] == "arn:aws:iam::123456789012:user/myUser"
                    && m["username"] == "ops"
                    && m["source"] == "aws-auth"),
            "aws-auth's users are listed too"
        );
        // `delete iamidentitymapping --account`, then `create iamidentitymapping -f` puts it back.
        let out = Run::of(emu.eksup().args([
            "delete",
            "iamidentitymapping",
            "--cluster",
            cluster,
            "--account",
            "123456789012",
            "--yes",
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stderr.contains("identity mapping of `123456789012`"), "{}", out.stderr);
        assert!(!has(&mappings(), serde_json::json!({"account": "123456789012", "source": "aws-auth"})));
        let file = emu.home().join(name);
        let out = Run::of(
            emu.eksup().args(["create", "iamidentitymapping", "--include", "123456789012", "-f"]).arg(&file),
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(has(&mappings(), serde_json::json!({"account": "123456789012", "source": "aws-auth"})));
        let (_, now, _) = emu.kubectl(&["get", "configmap", "aws-auth", "-n", "kube-system", "-o", "json"]);
        let now: Value = serde_json::from_str(&now).unwrap();
        assert_eq!(now["data"]["mapUsers"], users, "rewritten: {now}");
        // A re-run finds it all as it is.

        let again = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(again.code, 0, "{}", again.stderr);
        nothing_to_do(&emu, &file);
        let (_, after, _) = emu.kubectl(&["get", "configmap", "aws-auth", "-n", "kube-system", "-o", "json"]);
        let after: Value = serde_json::from_str(&after).unwrap();
        assert_eq!(
            after["metadata"]["resourceVersion"], now["metadata"]["resourceVersion"],
            "not written again"
        );
    });
}

/// A Local Zone the account has not opted in to, and an instance type a Local Zone does not
/// offer: both found before anything is made, with what to do.
#[test]
fn local_zones_refused_before_anything_is_made() {
    let emu = Emulator::builder().region("us-west-2").start();
    let text = example("33-local-zones.yaml")
        .replace(
            "[\"us-west-2-lax-1a\", \"us-west-2-lax-1b\"]",
            "[\"us-west-2-lax-1a\", \"us-west-2-den-1a\"]",
        )
        .replace("- name: local-ng\n", "- name: local-ng\n    instanceType: m6i.large\n");
    let file = emu.home().join("lz.yaml");
    std::fs::write(&file, &text).unwrap();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("Local Zone `us-west-2-den-1a` is not enabled in this account"), "{stderr}");
    assert!(
        stderr.contains("--group-name us-west-2-den-1 --opt-in-status opted-in"),
        "the hint opts in its group: {stderr}"
    );
    assert!(
        stderr.contains("instance type `m6i.large` of `eksup-")
            && stderr.contains("is not offered in Local Zone `us-west-2-lax-1a`"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was created"), "{stderr}");
    assert_eq!(Inventory::owned(&emu, "cluster-33").count("vpcs"), 0);
}

/// Example 43 with IAM Roles Anywhere (`provider: IRA`, as eksctl's docs write it): a trust anchor
/// for the machines' certificate authority, the hybrid nodes' role that only certificates of that
/// anchor may take (with the session named as the certificate's common name), a profile handing
/// it out, and the role's `HYBRID_LINUX` access entry; read back with the AWS CLI, all gone after
/// the delete. A certificate that is not a CA's is refused by IAM Roles Anywhere, and the run says
/// which step.
#[test]
fn hybrid_nodes_with_iam_roles_anywhere() {
    let emu = Emulator::builder().region("us-west-2").start();
    let pem = include_str!("../fixtures/hybrid-ca.pem");
    let with_ca = |pem: &str| {
        let block: String = pem.lines().map(|l| format!("      {l}\n")).collect();
        example("43-hybrid-nodes.yaml")
            .replace(
                "    provider: SSM\n    # caBundleCert: ceva\n",
                &format!("    provider: IRA\n    caBundleCert: |\n{block}"),
            )
            .replace("version: \"1.31\"", "version: \"1.34\"")
    };
    let text = with_ca(pem);
    assert!(text.contains("provider: IRA"), "{text}");
    lifecycle_checked(&emu, "43-hybrid-nodes-ira.yaml", &text, |cluster| {
        let anchors = emu.aws(&["rolesanywhere", "list-trust-anchors"])["trustAnchors"].clone();
        let anchors = anchors.as_array().unwrap();
        assert_eq!(anchors.len(), 1, "{anchors:?}");
        let anchor = &anchors[0];
        assert_eq!(anchor["name"], format!("eksup-{cluster}-hybrid-ca").as_str());
        assert_eq!(anchor["enabled"], true, "{anchor}");
        assert_eq!(anchor["source"]["sourceType"], "CERTIFICATE_BUNDLE", "{anchor}");
        assert_eq!(str_of(&anchor["source"]["sourceData"]["x509CertificateData"]).trim(), pem.trim());
        let anchor_arn = str_of(&anchor["trustAnchorArn"]);
        let tags = emu.aws(&["rolesanywhere", "list-tags-for-resource", "--resource-arn", &anchor_arn]);
        assert!(tags.to_string().contains(&format!("\"value\":\"{cluster}\"")), "ownership tags: {tags}");

        let role_name = format!("eksup-{cluster}-hybrid-node");
        let role = &emu.aws(&["iam", "get-role", "--role-name", &role_name])["Role"];
        let trust = role["AssumeRolePolicyDocument"].to_string();
        assert!(
            trust.contains("rolesanywhere.amazonaws.com")
                && trust.contains(&anchor_arn)
                && trust.contains("sts:SetSourceIdentity")
                && trust.contains("${aws:PrincipalTag/x509Subject/CN}"),
            "{trust}"
        );
        let attached =
            emu.aws(&["iam", "list-attached-role-policies", "--role-name", &role_name]).to_string();
        assert!(attached.contains("AmazonEC2ContainerRegistryPullOnly"), "{attached}");
        assert!(!attached.contains("AmazonSSMManagedInstanceCore"), "no SSM policy without SSM: {attached}");

        let profiles = emu.aws(&["rolesanywhere", "list-profiles"])["profiles"].clone();
        let profile = &profiles[0];
        assert_eq!(profile["name"], format!("eksup-{cluster}-hybrid-nodes").as_str(), "{profiles}");
        assert_eq!(profile["roleArns"], serde_json::json!([str_of(&role["Arn"])]), "{profile}");
        assert_eq!(
            (&profile["enabled"], &profile["acceptRoleSessionName"]),
            (&Value::Bool(true), &Value::Bool(true))
        );

        let entry = &emu.aws(&[
            "eks",
            "describe-access-entry",
            "--cluster-name",
            cluster,
            "--principal-arn",
            &str_of(&role["Arn"]),
        ])["accessEntry"];
        assert_eq!(entry["type"], "HYBRID_LINUX", "{entry}");
    });
    assert_eq!(emu.aws(&["rolesanywhere", "list-trust-anchors"])["trustAnchors"], serde_json::json!([]));
    assert_eq!(emu.aws(&["rolesanywhere", "list-profiles"])["profiles"], serde_json::json!([]));

    // A certificate that is not a certificate authority's: IAM Roles Anywhere refuses it.
    let path = emu.home().join("not-a-ca.yaml");
    std::fs::write(&path, with_ca(include_str!("../fixtures/not-a-ca.pem"))).unwrap();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&path));
    assert_ne!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("trust-anchor-hybrid-nodes") && out.stderr.contains("ValidationException"),
        "{}",
        out.stderr
    );
    Run::of(emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(&path)).expect(0, "delete");
    Inventory::owned(&emu, "hybrid-2").assert_empty(true);
}

/// A self-managed group's `kubeletExtraConfig` and `clusterDNS` (eksctl's fields): merged into
/// the AL2023 node's NodeConfig, which the emulator's kubelet loads as kubelet does: the node's
/// pod capacity is `maxPods` and its allocatable CPU and memory are what is left after the
/// reservations and the eviction threshold; pods are told NodeLocal DNSCache's address. Read
/// back from the launch template with the AWS CLI and from the node with kubectl.
#[test]
fn kubelet_extra_config_and_cluster_dns() {
    let emu = Emulator::builder().region("us-west-2").start();
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: kubelet-extra
  region: us-west-2
nodeGroups:
  - name: ng-1
    instanceType: m5.large
    desiredCapacity: 1
    clusterDNS: 169.254.20.10
    kubeletExtraConfig:
      maxPods: 30
      kubeReserved: {cpu: 300m, memory: 300Mi, ephemeral-storage: 1Gi}
      kubeReservedCgroup: /kube-reserved
      systemReserved: {cpu: 300m, memory: 300Mi}
      evictionHard: {memory.available: 200Mi, nodefs.available: 10%}
      featureGates: {RotateKubeletServerCertificate: true}
";
    lifecycle_checked(&emu, "kubelet-extra.yaml", config, |cluster| {
        let data = launch_template_user_data(&emu, &format!("eksup-{cluster}-ng-1"));
        let part = data.split("Content-Type: application/node.eks.aws").nth(1).expect("a NodeConfig part");
        for line in [
            "        - 169.254.20.10\n",
            "      kubeReserved: {\"cpu\":\"300m\",\"memory\":\"300Mi\",\"ephemeral-storage\":\"1Gi\"}\n",
            "      kubeReservedCgroup: \"/kube-reserved\"\n",
            "      maxPods: 30\n",
        ] {
            assert!(part.contains(line), "{line:?} not in {part}");
        }
        let (ok, out, err) = emu.kubectl(&["get", "nodes", "-o", "json"]);
        assert!(ok, "{err}");
        let nodes: Value = serde_json::from_str(&out).unwrap();
        let status = &nodes["items"][0]["status"];
        assert_eq!(status["capacity"]["pods"], "30", "{status}");
        // m5.large: 2 vCPUs, 8 GiB; 600m and 600Mi reserved, 200Mi kept free for eviction.
        assert_eq!(status["allocatable"]["cpu"], "1400m", "{status}");
        assert_eq!(
            status["allocatable"]["memory"],
            format!("{}Ki", 8192 * 1024 - 600 * 1024 - 200 * 1024),
            "{status}"
        );
    });
}

/// What eksctl's node groups set of their instances beyond the root volume: `volumeName`,
/// `additionalVolumes`, `placement` (a placement group of the user's, made first: the emulator,
/// as EC2, launches nothing into one that does not exist), `ebsOptimized`,
/// `enableDetailedMonitoring`, and self-managed `cpuCredits` and `enclaveEnabled`, on
/// self-managed and managed groups, whose nodes turn Ready. Read back from the launch templates
/// with the AWS CLI.
#[test]
fn instance_options_of_node_groups() {
    let emu = Emulator::builder().region("us-west-2").start();
    emu.aws(&["ec2", "create-placement-group", "--group-name", "hpc", "--strategy", "cluster"]);
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: instance-options
  region: us-west-2
nodeGroups:
  - name: ng-1
    instanceType: m5.xlarge
    desiredCapacity: 1
    volumeSize: 50
    volumeName: /dev/xvda
    additionalVolumes:
      - volumeName: /dev/xvdb
        volumeSize: 100
        volumeType: gp3
        volumeIOPS: 4000
        volumeThroughput: 250
        volumeEncrypted: true
    placement:
      groupName: hpc
    ebsOptimized: true
    enableDetailedMonitoring: true
    enclaveEnabled: true
  - name: ng-burst
    instanceType: t3.medium
    desiredCapacity: 1
    cpuCredits: Unlimited
managedNodeGroups:
  - name: mng-1
    instanceType: m5.large
    desiredCapacity: 1
    additionalVolumes:
      - volumeName: /dev/sdf
        volumeSize: 20
    placement:
      groupName: hpc
";
    lifecycle_checked(&emu, "instance-options.yaml", config, |cluster| {
        let data = |group: &str| launch_template_data(&emu, &format!("eksup-{cluster}-{group}"));
        let ng1 = data("ng-1");
        let disks = &ng1["BlockDeviceMappings"];
        assert_eq!(disks[0]["DeviceName"], "/dev/xvda", "{ng1}");
        assert_eq!(disks[0]["Ebs"]["VolumeSize"], 50, "{ng1}");
        assert_eq!(disks[1]["DeviceName"], "/dev/xvdb", "{ng1}");
        let extra = &disks[1]["Ebs"];
        assert_eq!(
            (
                &extra["VolumeSize"],
                &extra["VolumeType"],
                &extra["Iops"],
                &extra["Throughput"],
                &extra["Encrypted"]
            ),
            (
                &serde_json::json!(100),
                &serde_json::json!("gp3"),
                &serde_json::json!(4000),
                &serde_json::json!(250),
                &serde_json::json!(true)
            ),
            "{ng1}"
        );
        assert_eq!(ng1["Placement"]["GroupName"], "hpc", "{ng1}");
        assert_eq!(ng1["EbsOptimized"], true, "{ng1}");
        assert_eq!(ng1["Monitoring"]["Enabled"], true, "{ng1}");
        assert_eq!(ng1["EnclaveOptions"]["Enabled"], true, "{ng1}");
        let burst = data("ng-burst");
        assert_eq!(burst["CreditSpecification"]["CpuCredits"], "unlimited", "{burst}");
        let managed = data("mng-1");
        assert_eq!(managed["Placement"]["GroupName"], "hpc", "{managed}");
        assert_eq!(managed["BlockDeviceMappings"][1]["DeviceName"], "/dev/sdf", "{managed}");
        assert_eq!(managed["BlockDeviceMappings"][1]["Ebs"]["VolumeSize"], 20, "{managed}");
    });
    // The placement group is the user's: still there, and free to delete.
    emu.aws(&["ec2", "delete-placement-group", "--group-name", "hpc"]);
}

/// `capacityReservation` and `instanceMarketOptions`: a self-managed group launched into a
/// targeted Capacity Reservation, one that keeps out of the open one, and a managed group in a
/// Capacity Block for ML (capacity type `CAPACITY_BLOCK`, the block's type in the launch
/// template); read back with the AWS CLI (the templates, the node group, what is left of each
/// reservation), nodes Ready, deleted to nothing (the reservations are the user's and stay).
#[test]
fn capacity_reservations_and_blocks() {
    let emu = Emulator::builder().region("us-west-2").start();
    let reserve = |args: &[&str]| {
        let mut all = vec![
            "ec2",
            "create-capacity-reservation",
            "--instance-platform",
            "Linux/UNIX",
            "--availability-zone",
            "us-west-2a",
        ];
        all.extend_from_slice(args);
        str_of(&emu.aws(&all)["CapacityReservation"]["CapacityReservationId"])
    };
    let targeted = reserve(&[
        "--instance-type",
        "m5.large",
        "--instance-count",
        "2",
        "--instance-match-criteria",
        "targeted",
    ]);
    let open = reserve(&["--instance-type", "c5.large", "--instance-count", "3"]);
    let offers = emu.aws(&[
        "ec2",
        "describe-capacity-block-offerings",
        "--instance-type",
        "p5.48xlarge",
        "--instance-count",
        "1",
        "--capacity-duration-hours",
        "24",
    ]);
    let offer = offers["CapacityBlockOfferings"]
        .as_array()
        .and_then(|o| o.iter().find(|o| o["AvailabilityZone"] == "us-west-2a"))
        .map(|o| str_of(&o["CapacityBlockOfferingId"]))
        .expect("an offering in us-west-2a");
    let block = str_of(
        &emu.aws(&[
            "ec2",
            "purchase-capacity-block",
            "--capacity-block-offering-id",
            &offer,
            "--instance-platform",
            "Linux/UNIX",
        ])["CapacityReservation"]["CapacityReservationId"],
    );
    let config = format!(
        "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: reserved
  region: us-west-2
nodeGroups:
  - name: ng-reserved
    instanceType: m5.large
    desiredCapacity: 2
    availabilityZones: [us-west-2a]
    capacityReservation:
      capacityReservationTarget:
        capacityReservationID: {targeted}
  - name: ng-none
    instanceType: c5.large
    desiredCapacity: 1
    availabilityZones: [us-west-2a]
    capacityReservation:
      capacityReservationPreference: none
managedNodeGroups:
  - name: mng-block
    instanceType: p5.48xlarge
    desiredCapacity: 1
    availabilityZones: [us-west-2a]
    capacityReservation:
      capacityReservationTarget:
        capacityReservationID: {block}
    instanceMarketOptions:
      marketType: capacity-block
"
    );
    let left = |id: &str| {
        let r = emu.aws(&["ec2", "describe-capacity-reservations", "--capacity-reservation-ids", id]);
        r["CapacityReservations"][0]["AvailableInstanceCount"].clone()
    };
    lifecycle_checked(&emu, "reserved.yaml", &config, |cluster| {
        let data = |group: &str| launch_template_data(&emu, &format!("eksup-{cluster}-{group}"));
        let reserved = data("ng-reserved");
        let spec = &reserved["CapacityReservationSpecification"];
        assert_eq!(
            spec["CapacityReservationTarget"]["CapacityReservationId"],
            targeted.as_str(),
            "{reserved}"
        );
        assert!(reserved.get("InstanceMarketOptions").is_none(), "{reserved}");
        let none = data("ng-none");
        assert_eq!(
            none["CapacityReservationSpecification"]["CapacityReservationPreference"], "none",
            "{none}"
        );
        let managed = data("mng-block");
        assert_eq!(managed["InstanceMarketOptions"]["MarketType"], "capacity-block", "{managed}");
        assert_eq!(managed["InstanceType"], "p5.48xlarge", "{managed}");
        let spec = &managed["CapacityReservationSpecification"];
        assert_eq!(spec["CapacityReservationTarget"]["CapacityReservationId"], block.as_str(), "{managed}");
        let ng = &emu.aws(&[
            "eks",
            "describe-nodegroup",
            "--cluster-name",
            cluster,
            "--nodegroup-name",
            "mng-block",
        ])["nodegroup"];
        assert_eq!(ng["capacityType"], "CAPACITY_BLOCK", "{ng}");
        assert_eq!(ng["instanceTypes"], serde_json::json!(["p5.48xlarge"]), "{ng}");
        // Both nodes in the targeted reservation, the block's one in the block, none in the
        // open reservation of `ng-none`'s type.
        assert_eq!(left(&targeted), 0);
        assert_eq!(left(&block), 0);
        assert_eq!(left(&open), 3);
    });
    // The nodes are gone and gave their places back; the reservations are the user's.
    assert_eq!(left(&targeted), 2);
    assert_eq!(left(&block), 1);
}

/// Auto Scaling options of node groups, as eksctl applies them: `asgSuspendProcesses`
/// (SuspendProcesses, on the group EKS makes for a managed group), `propagateASGTags` (Cluster Autoscaler's label and
/// taint templates on the self-managed group's Auto Scaling group, and with the group's tags on
/// the one EKS makes for a managed group, not propagated to its instances), and the instances'
/// `Name` from `instancePrefix` and `instanceName`. Read back with the AWS CLI; the same file
/// again calls nothing, and a changed one is applied (processes resumed and suspended, templates
/// of removed labels deleted).
#[test]
fn auto_scaling_options_of_node_groups() {
    let emu = Emulator::builder().region("us-west-2").start();
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: asg-options
  region: us-west-2
nodeGroups:
  - name: ng-1
    desiredCapacity: 1
    instancePrefix: team
    instanceName: web
    asgSuspendProcesses: [AZRebalance, ScheduledActions]
    propagateASGTags: true
    labels: {tier: web}
    taints:
      - {key: gpu, value: 'yes', effect: NoSchedule}
managedNodeGroups:
  - name: mng-1
    desiredCapacity: 1
    instancePrefix: team
    asgSuspendProcesses: [AZRebalance]
    propagateASGTags: true
    labels: {tier: db}
    tags: {owner: me}
";
    lifecycle_checked(&emu, "asg-options.yaml", config, |cluster| {
        let template = "k8s.io/cluster-autoscaler/node-template";
        let self_managed = format!("eksup-{cluster}-ng-1");
        let suspended = |name: &str| -> Vec<String> {
            let mut names: Vec<String> = asg(&emu, name)["SuspendedProcesses"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|p| str_of(&p["ProcessName"]))
                .collect();
            names.sort();
            names
        };
        let tags = |name: &str| -> std::collections::BTreeMap<String, (String, bool)> {
            asg(&emu, name)["Tags"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| (str_of(&t["Key"]), (str_of(&t["Value"]), t["PropagateAtLaunch"] == true)))
                .collect()
        };
        let named = |name: &str| {
            let out =
                emu.aws(&["ec2", "describe-instances", "--filters", &format!("Name=tag:Name,Values={name}")]);
            out["Reservations"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|r| r["Instances"].as_array().cloned().unwrap_or_default())
                .count()
        };
        assert_eq!(suspended(&self_managed), ["AZRebalance", "ScheduledActions"]);
        let own = tags(&self_managed);
        assert_eq!(own["Name"], ("team-web".to_string(), true), "{own:?}");
        assert_eq!(own[&format!("{template}/label/tier")], ("web".to_string(), true), "{own:?}");
        assert_eq!(own[&format!("{template}/taint/gpu")], ("yes:NoSchedule".to_string(), true), "{own:?}");
        // propagateASGTags alone: no discovery tags (those come with `autoScaler`).
        assert!(!own.contains_key("k8s.io/cluster-autoscaler/enabled"), "{own:?}");
        assert_eq!(named("team-web"), 1);
        let ng =
            emu.aws(&["eks", "describe-nodegroup", "--cluster-name", cluster, "--nodegroup-name", "mng-1"]);
        let managed = str_of(&ng["nodegroup"]["resources"]["autoScalingGroups"][0]["name"]);
        let eks = tags(&managed);
        assert_eq!(eks[&format!("{template}/label/tier")], ("db".to_string(), false), "{eks:?}");
        assert_eq!(eks["owner"], ("me".to_string(), false), "{eks:?}");
        assert_eq!(named(&format!("team-{cluster}-mng-1-Node")), 1);
        assert_eq!(suspended(&managed), ["AZRebalance"]);

        // The same file again changes nothing.
        let file = emu.home().join("asg-options.yaml");
        let before = emu.calls();
        let again = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(again.code, 0, "{}", again.stderr);
        let after = emu.calls();
        let made = |op: &str| after.get(op).copied().unwrap_or(0) - before.get(op).copied().unwrap_or(0);
        for op in [
            "autoscaling:SuspendProcesses",
            "autoscaling:ResumeProcesses",
            "autoscaling:CreateOrUpdateTags",
            "autoscaling:DeleteTags",
        ] {
            assert_eq!(made(op), 0, "{op} was called again");
        }

        // Another list of processes and other labels: applied by a re-run.
        let changed = emu.home().join("asg-options-changed.yaml");
        std::fs::write(
            &changed,
            config
                .replace("[AZRebalance, ScheduledActions]", "[HealthCheck, ScheduledActions]")
                .replace("labels: {tier: db}", "labels: {role: db}")
                .replace("[AZRebalance]\n", "[]\n"),
        )
        .unwrap();
        let rerun = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&changed));
        assert_eq!(rerun.code, 0, "{}", rerun.stderr);
        assert_eq!(suspended(&self_managed), ["HealthCheck", "ScheduledActions"]);
        let eks = tags(&managed);
        assert_eq!(eks[&format!("{template}/label/role")], ("db".to_string(), false), "{eks:?}");
        assert!(!eks.contains_key(&format!("{template}/label/tier")), "{eks:?}");
        assert!(eks.contains_key("eks:nodegroup-name"), "EKS's own tags stay: {eks:?}");
        assert!(suspended(&managed).is_empty());
    });
}

/// The `create cluster` flags a newcomer types, without a file, on the emulator: labels, max
/// pods, node zones and the instance selector (EC2 picks the types), nodes Ready with the labels;
/// read back with the AWS CLI and kubectl, then deleted to nothing.
#[test]
fn newcomer_flags_make_a_working_cluster() {
    let emu = Emulator::builder().region("us-west-2").start();
    let run = |args: &[&str]| Run::of(emu.eksup().args(args));
    let create = [
        "create",
        "cluster",
        "--name",
        "flags",
        "--zones",
        "us-west-2a,us-west-2b",
        "--node-zones",
        "us-west-2b",
        "--nodes",
        "1",
        "--node-labels",
        "role=web,tier=1",
        "--max-pods-per-node",
        "50",
        "--instance-selector-vcpus",
        "2",
        "--instance-selector-memory",
        "4",
        "--instance-selector-cpu-architecture",
        "arm64",
    ];
    let plan = run(&[&create[..], &["--dry-run", "-o", "yaml"]].concat()).expect(0, "dry-run");
    assert!(plan.stdout.contains("instanceSelector:") && plan.stdout.contains("vCPUs: 2"), "{}", plan.stdout);
    run(&create).expect(0, "create");
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "flags", "--nodegroup-name", "ng-1"]);
    let types = ng["nodegroup"]["instanceTypes"].as_array().unwrap().clone();
    // Graviton types of 2 vCPUs and 4 GiB, as EC2 chose them (`c7g.large`, `t4g.medium`, ...).
    let graviton = |t: &str| t.split('.').next().is_some_and(|f| f.contains('g'));
    assert!(types.len() > 1 && types.iter().all(|t| t.as_str().is_some_and(graviton)), "{ng}");
    assert!(types.contains(&serde_json::json!("t4g.medium")), "{ng}");
    assert_eq!(ng["nodegroup"]["amiType"], "AL2023_ARM_64_STANDARD", "{ng}");
    assert_eq!(ng["nodegroup"]["labels"]["role"], "web", "{ng}");
    let nodes = emu.nodes();
    assert_eq!(nodes.len(), 1, "{nodes:?}");
    assert!(nodes.iter().all(|n| n.1), "{nodes:?}");
    let (ok, out, err) = emu.kubectl(&["get", "nodes", "-l", "role=web,tier=1", "-o", "name"]);
    assert!(ok && out.lines().count() == 1, "{out}{err}");
    run(&["delete", "cluster", "--name", "flags", "--yes"]).expect(0, "delete");
    Inventory::owned(&emu, "flags").assert_empty(true);
}

/// Ubuntu nodes (`amiFamily: Ubuntu2204` self-managed, `UbuntuPro2404` managed): Canonical's
/// images from their SSM parameters (eksctl's `ssm_resolver.go`), and eksctl's user data for
/// them, `/etc/eks/bootstrap.sh` of Canonical's EKS images (which read no nodeadm config); the
/// managed group's image is a custom AMI in its launch template (EKS has no Ubuntu AMI type). The
/// emulator joins an Ubuntu node only through that script, so all four turn Ready. Read back with
/// the AWS CLI: the dry-run's parameters, the launch templates' images and user data, and the
/// node group's `CUSTOM` type.
#[test]
fn ubuntu_node_groups() {
    let emu = Emulator::builder().region("us-west-2").start();
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ubuntu
  region: us-west-2
  version: \"1.34\"
nodeGroups:
  - name: ng-jammy
    amiFamily: Ubuntu2204
    instanceType: m5.large
    desiredCapacity: 2
    labels: {os: jammy}
managedNodeGroups:
  - name: mng-noble
    amiFamily: UbuntuPro2404
    instanceType: m6g.large
    desiredCapacity: 2
    labels: {os: noble}
";
    let file = emu.home().join("ubuntu-plan.yaml");
    std::fs::write(&file, config).unwrap();
    let plan = Run::of(emu.eksup().args(["create", "cluster", "--dry-run", "-o", "json", "-f"]).arg(&file));
    assert_eq!(plan.code, 0, "{}", plan.stderr);
    let jammy = "/aws/service/canonical/ubuntu/eks/22.04/1.34/stable/current/amd64/hvm/ebs-gp2/ami-id";
    let noble = "/aws/service/canonical/ubuntu/eks-pro/24.04/1.34/stable/current/arm64/hvm/ebs-gp3/ami-id";
    for parameter in [jammy, noble] {
        assert!(plan.stdout.contains(parameter), "{parameter} not in the dry-run:\n{}", plan.stdout);
    }
    let image_of = |parameter: &str| {
        str_of(&emu.aws(&["ssm", "get-parameter", "--name", parameter])["Parameter"]["Value"])
    };
    lifecycle_checked(&emu, "ubuntu.yaml", config, |cluster| {
        for (group, parameter, label) in [("ng-jammy", jammy, "jammy"), ("mng-noble", noble, "noble")] {
            let data = &launch_template_data(&emu, &format!("eksup-{cluster}-{group}"));
            assert_eq!(str_of(&data["ImageId"]), image_of(parameter), "{group}: {data}");
            // The node's volume on the image's root device, as EC2 describes the image
            // (Canonical's boot from `/dev/sda1`), not a second disk at Amazon Linux's `/dev/xvda`.
            assert_eq!(data["BlockDeviceMappings"][0]["DeviceName"], "/dev/sda1", "{group}: {data}");
            let user_data = launch_template_user_data(&emu, &format!("eksup-{cluster}-{group}"));
            assert!(
                user_data.starts_with("#!/bin/bash\n")
                    && user_data.contains(&format!("/etc/eks/bootstrap.sh '{cluster}' --dns-cluster-ip '"))
                    && user_data.contains("--node-labels=")
                    && user_data.contains(&format!("os={label}")),
                "{group}: {user_data}"
            );
            assert!(
                !user_data.contains("NodeConfig"),
                "{group}: Ubuntu reads no nodeadm config: {user_data}"
            );
            let (ok, out, err) = emu.kubectl(&["get", "nodes", "-l", &format!("os={label}"), "-o", "json"]);
            assert!(ok, "{err}");
            let nodes: Value = serde_json::from_str(&out).unwrap();
            let items = nodes["items"].as_array().unwrap();
            assert_eq!(items.len(), 2, "{group}: {out}");
            assert!(
                items.iter().all(|n| str_of(&n["status"]["nodeInfo"]["osImage"]).starts_with("Ubuntu ")),
                "{out}"
            );
        }
        let ng = emu.aws(&[
            "eks",
            "describe-nodegroup",
            "--cluster-name",
            cluster,
            "--nodegroup-name",
            "mng-noble",
        ]);
        assert_eq!(ng["nodegroup"]["amiType"], "CUSTOM", "{ng}");
    });
}

/// `efaEnabled` on a self-managed and a managed group (Kubernetes 1.32: both get an EFA security
/// group), each in one zone: read back with the AWS CLI, each template's `efa` interfaces (one
/// per network card of the type: c5n.18xlarge has 1, p4d.24xlarge 4) in the group's security
/// groups with the EFA group among them (the managed one's with the cluster group named), the
/// EFA groups' rules to and from themselves, the `cluster` placement groups the templates name;
/// with kubectl, the EFA device plugin and the nodes' `vpc.amazonaws.com/efa`; a re-run makes
/// nothing new; deleted to nothing (placement groups and EFA groups too).
#[test]
fn efa_node_groups() {
    let emu = Emulator::builder().region("us-west-2").start();
    let config = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: efa
  region: us-west-2
  version: \"1.32\"
nodeGroups:
  - name: ng-efa
    instanceType: c5n.18xlarge
    desiredCapacity: 1
    availabilityZones: [us-west-2a]
    efaEnabled: true
managedNodeGroups:
  - name: mng-efa
    instanceType: p4d.24xlarge
    desiredCapacity: 1
    availabilityZones: [us-west-2a]
    privateNetworking: true
    efaEnabled: true
";
    let placement_groups = || emu.aws(&["ec2", "describe-placement-groups"])["PlacementGroups"].clone();
    lifecycle_checked(&emu, "efa.yaml", config, |cluster| {
        let cluster_sg = str_of(
            &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["resourcesVpcConfig"]["clusterSecurityGroupId"],
        );
        for (group, cards) in [("ng-efa", 1), ("mng-efa", 4)] {
            let data = launch_template_data(&emu, &format!("eksup-{cluster}-{group}"));
            let efa_sg = emu.aws(&[
                "ec2",
                "describe-security-groups",
                "--filters",
                &format!("Name=group-name,Values=eksup-{cluster}-{group}-efa"),
            ])["SecurityGroups"][0]
                .clone();
            assert_eq!(efa_sg["Description"], "EFA-enabled security group", "{efa_sg}");
            let efa_id = str_of(&efa_sg["GroupId"]);
            let interfaces = data["NetworkInterfaces"].as_array().cloned().unwrap_or_default();
            assert_eq!(interfaces.len(), cards, "{data}");
            for (i, nic) in interfaces.iter().enumerate() {
                assert_eq!(nic["InterfaceType"], "efa", "{nic}");
                assert_eq!(nic["NetworkCardIndex"], i, "{nic}");
                assert_eq!(nic["DeviceIndex"], i32::from(i > 0), "{nic}");
                assert!(nic.get("AssociatePublicIpAddress").is_none(), "{nic}");
                let groups: Vec<String> = nic["Groups"].as_array().unwrap().iter().map(str_of).collect();
                assert!(groups.contains(&efa_id), "{groups:?}");
                if group == "mng-efa" {
                    assert_eq!(groups[0], cluster_sg, "the cluster group named first: {groups:?}");
                }
            }
            assert!(data.get("SecurityGroupIds").is_none(), "{data}");
            // All traffic from and to itself (and AWS's default egress).
            let rules = emu.aws(&[
                "ec2",
                "describe-security-group-rules",
                "--filters",
                &format!("Name=group-id,Values={efa_id}"),
            ]);
            let to_self = |egress: bool| {
                rules["SecurityGroupRules"].as_array().unwrap().iter().any(|r| {
                    r["IsEgress"] == egress
                        && r["IpProtocol"] == "-1"
                        && r["ReferencedGroupInfo"]["GroupId"] == efa_id.as_str()
                })
            };
            assert!(to_self(false) && to_self(true), "{rules}");
            let placement = str_of(&data["Placement"]["GroupName"]);
            assert_eq!(placement, format!("eksup-{cluster}-{group}"));
            let pg = emu.aws(&["ec2", "describe-placement-groups", "--group-names", &placement]);
            assert_eq!(pg["PlacementGroups"][0]["Strategy"], "cluster", "{pg}");
        }
        let (ok, ds, err) = emu.kubectl(&[
            "get",
            "daemonset",
            "aws-efa-k8s-device-plugin",
            "-n",
            "kube-system",
            "-o",
            "json",
        ]);
        assert!(ok, "{err}");
        let ds: Value = serde_json::from_str(&ds).unwrap();
        let pod = &ds["spec"]["template"]["spec"];
        assert_eq!(
            pod["containers"][0]["image"],
            "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/aws-efa-k8s-device-plugin:v0.5.4"
        );
        assert_eq!(pod["priorityClassName"], "system-node-critical");
        let efa = |emu: &Emulator| {
            let (_, out, _) = emu.kubectl(&[
                "get",
                "nodes",
                "-o",
                r"jsonpath={range .items[*]}{.metadata.labels.node\.kubernetes\.io/instance-type}={.status.capacity.vpc\.amazonaws\.com/efa} {end}",
            ]);
            let mut found: Vec<String> = out.split_whitespace().map(str::to_string).collect();
            found.sort();
            found
        };
        let mut advertised = efa(&emu);
        for _ in 0..50 {
            if advertised == ["c5n.18xlarge=1", "p4d.24xlarge=4"] {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
            advertised = efa(&emu);
        }
        assert_eq!(advertised, ["c5n.18xlarge=1", "p4d.24xlarge=4"]);
        // The same file again: nothing to do, and a re-run makes nothing new.
        let file = emu.home().join("efa.yaml");
        nothing_to_do(&emu, &file);
        let again = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert!(!again.stderr.contains("changed ("), "no new launch template version: {}", again.stderr);
        assert_eq!(placement_groups().as_array().map(Vec::len), Some(2));
        // `delete nodegroup` takes the group's placement and EFA groups with it.
        let out = Run::of(emu.eksup().args([
            "delete",
            "nodegroup",
            "--cluster",
            cluster,
            "--name",
            "ng-efa",
            "--yes",
        ]));
        assert_eq!(out.code, 0, "{}", out.stderr);
        let left: Vec<Value> = placement_groups().as_array().cloned().unwrap_or_default();
        assert_eq!(
            left.iter().map(|g| str_of(&g["GroupName"])).collect::<Vec<_>>(),
            [format!("eksup-{cluster}-mng-efa")]
        );
        let sgs = emu.aws(&[
            "ec2",
            "describe-security-groups",
            "--filters",
            &format!("Name=group-name,Values=eksup-{cluster}-ng-efa-efa,eksup-{cluster}-mng-efa-efa"),
        ]);
        let names: Vec<String> =
            sgs["SecurityGroups"].as_array().unwrap().iter().map(|g| str_of(&g["GroupName"])).collect();
        assert_eq!(names, [format!("eksup-{cluster}-mng-efa-efa")]);
        // The rest of the file again: the lost group comes back.
        let back = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
        assert_eq!(back.code, 0, "{}", back.stderr);
        assert_eq!(placement_groups().as_array().map(Vec::len), Some(2));
    });
    assert_eq!(placement_groups(), serde_json::json!([]));
}
