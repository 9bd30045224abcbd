//! What a cluster needs to work on real AWS (issue #9), each shown on the strict emulator: nodes
//! join only with the networking add-ons and the right IAM, user data and security groups; a node
//! group whose nodes never join fails with the reason; launch templates, SSH and the security
//! group tags are what EKS and Kubernetes expect.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::{Emulator, Run};

fn config(emu: &Emulator, name: &str, yaml: &str) -> PathBuf {
    let path = emu.home().join(format!("{name}.yaml"));
    std::fs::write(&path, yaml).expect("cannot write the config");
    path
}

fn create(emu: &Emulator, file: &std::path::Path, extra: &[&str]) -> Run {
    Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(file).args(extra))
}

fn str_of(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The security groups tagged for `cluster` by eksup, with their tags and rules.
fn groups(emu: &Emulator, cluster: &str) -> Vec<Value> {
    let out = emu.aws(&[
        "ec2",
        "describe-security-groups",
        "--filters",
        &format!("Name=tag:eksup.io/cluster,Values={cluster}"),
    ]);
    out["SecurityGroups"].as_array().cloned().unwrap_or_default()
}

fn tag(v: &Value, key: &str) -> Option<String> {
    v["Tags"].as_array()?.iter().find(|t| t["Key"] == key).map(|t| str_of(&t["Value"]))
}

const HEADER: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n";

/// Without the networking add-ons the nodes register but never turn Ready: the create fails on
/// the node wait with Kubernetes' own reason, within `--timeout`.
#[test]
fn nodes_that_never_turn_ready_fail_the_create_with_the_reason() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "no-cni",
        &format!(
            "{HEADER}metadata: {{name: no-cni, region: us-west-2}}\naddonsConfig: {{disableDefaultAddons: true}}\n\
             nodeGroups:\n  - name: workers\n    instanceType: m5.large\n    desiredCapacity: 1\n"
        ),
    );
    let r = create(&emu, &file, &["--timeout", "45s"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("nodes-ready-workers"), "the failed step is the node wait:\n{}", r.stderr);
    assert!(
        r.stderr.contains("cni plugin not initialized") || r.stderr.contains("NetworkPluginNotReady"),
        "{}",
        r.stderr
    );
    let addons = emu.aws(&["eks", "list-addons", "--cluster-name", "no-cni"]);
    assert_eq!(addons["addons"], serde_json::json!([]), "disableDefaultAddons installs none: {addons}");
}

/// A managed node group without a network plugin ends `CREATE_FAILED` with
/// `NodeCreationFailure`, as on AWS, and eksup says so.
#[test]
fn a_managed_group_without_networking_fails_with_node_creation_failure() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "no-cni-managed",
        &format!(
            "{HEADER}metadata: {{name: bare, region: us-west-2}}\naddonsConfig: {{disableDefaultAddons: true}}\n\
             managedNodeGroups:\n  - name: ng\n    desiredCapacity: 1\n"
        ),
    );
    let r = create(&emu, &file, &["--timeout", "2m"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("NodeCreationFailure"), "{}", r.stderr);
}

/// `--wait-nodes=false` leaves the node wait out of the plan.
#[test]
fn wait_nodes_false_skips_the_node_wait() {
    let emu = Emulator::start();
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml");
    let plan = |extra: &[&str]| -> Vec<String> {
        let r = Run::of(
            emu.eksup().args(["create", "cluster", "--dry-run", "-o", "json", "-f"]).arg(&file).args(extra),
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let doc: Value = serde_json::from_str(&r.stdout).expect("JSON plan");
        doc["plan"]["steps"].as_array().unwrap().iter().map(|s| str_of(&s["id"])).collect()
    };
    assert!(plan(&[]).contains(&"nodes-ready-ng-1".to_string()));
    assert!(!plan(&["--wait-nodes=false"]).iter().any(|s| s.starts_with("nodes-ready")));
    let r = create(&emu, &file, &["--wait-nodes=false", "-o", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("nodes-ready"), "{}", r.stdout);
}

/// With `withOIDC`, vpc-cni gets its own role (trusted by the cluster's OIDC provider for
/// `kube-system/aws-node`, with AmazonEKS_CNI_Policy) and the node role goes without that policy;
/// the nodes still turn Ready.
#[test]
fn with_oidc_vpc_cni_gets_its_own_role() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "irsa",
        &format!(
            "{HEADER}metadata: {{name: irsa, region: us-west-2}}\niam: {{withOIDC: true}}\n\
             managedNodeGroups:\n  - name: ng\n    desiredCapacity: 1\n"
        ),
    );
    let r = create(&emu, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let addon = emu.aws(&["eks", "describe-addon", "--cluster-name", "irsa", "--addon-name", "vpc-cni"]);
    let role_arn = str_of(&addon["addon"]["serviceAccountRoleArn"]);
    assert!(role_arn.ends_with("/eksup-irsa-vpc-cni"), "{addon}");
    let role = emu.aws(&["iam", "get-role", "--role-name", "eksup-irsa-vpc-cni"]);
    let trust = role["Role"]["AssumeRolePolicyDocument"].to_string();
    assert!(trust.contains("system:serviceaccount:kube-system:aws-node"), "{trust}");
    assert!(trust.contains("sts:AssumeRoleWithWebIdentity") && trust.contains("oidc-provider"), "{trust}");
    let attached = emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-irsa-vpc-cni"]);
    assert!(attached.to_string().contains("AmazonEKS_CNI_Policy"), "{attached}");
    let node = emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-irsa-ng-node"]);
    assert!(!node.to_string().contains("AmazonEKS_CNI_Policy"), "{node}");
    let nodes = emu.nodes();
    assert_eq!(nodes.len(), 1, "{nodes:?}");
    assert!(nodes[0].1, "the node is Ready: {nodes:?}");
}

/// A user's launch template goes to EKS as an id and a version (instance types left out when
/// the template names one); managed user data carries preBootstrapCommands and maxPodsPerNode;
/// `ssh.allow` opens port 22 in a remote-access group on the group's template. A template with
/// its own image gets no AMI type, and, as on AWS, its nodes join only if its user data
/// bootstraps them.
#[test]
fn managed_groups_launch_templates_user_data_and_ssh() {
    let emu = Emulator::start();
    emu.aws(&["ec2", "describe-availability-zones"]);
    let template = |name: &str, data: &str| -> String {
        let lt = emu.aws(&[
            "ec2",
            "create-launch-template",
            "--launch-template-name",
            name,
            "--launch-template-data",
            data,
        ]);
        str_of(&lt["LaunchTemplate"]["LaunchTemplateId"])
    };
    let typed = template("users-typed", r#"{"InstanceType":"m5.xlarge"}"#);
    let file = config(
        &emu,
        "templates",
        &format!(
            "{HEADER}metadata: {{name: lt, region: us-west-2}}\nmanagedNodeGroups:\n\
             - name: own\n  desiredCapacity: 1\n  launchTemplate: {{id: {typed}, version: \"1\"}}\n\
             - name: boot\n  desiredCapacity: 1\n  maxPodsPerNode: 50\n  preBootstrapCommands: [\"echo hello-from-eksup\"]\n\
             \x20 ssh: {{allow: true, publicKeyName: my-key}}\n"
        ),
    );
    emu.aws(&["ec2", "create-key-pair", "--key-name", "my-key"]);
    let r = create(&emu, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let own = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "lt", "--nodegroup-name", "own"]);
    assert_eq!(own["nodegroup"]["launchTemplate"]["id"], typed.as_str(), "{own}");
    assert_eq!(own["nodegroup"]["launchTemplate"]["version"], "1", "{own}");
    assert_eq!(own["nodegroup"]["amiType"], "AL2023_x86_64_STANDARD", "{own}");

    let boot = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "lt", "--nodegroup-name", "boot"]);
    let boot_lt = str_of(&boot["nodegroup"]["launchTemplate"]["id"]);
    let versions = emu.aws(&["ec2", "describe-launch-template-versions", "--launch-template-id", &boot_lt]);
    let data = &versions["LaunchTemplateVersions"][0]["LaunchTemplateData"];
    use base64::Engine as _;
    let user_data = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(str_of(&data["UserData"]))
            .expect("base64 user data"),
    )
    .expect("UTF-8 user data");
    assert!(user_data.contains("Content-Type: multipart/mixed"), "{user_data}");
    assert!(user_data.contains("#!/bin/bash\r\necho hello-from-eksup"), "{user_data}");
    assert!(user_data.contains("kind: NodeConfig") && user_data.contains("maxPods: 50"), "{user_data}");
    let sgs: Vec<String> = data["SecurityGroupIds"].as_array().unwrap().iter().map(str_of).collect();
    let ssh = groups(&emu, "lt")
        .into_iter()
        .find(|g| tag(g, "eksup.io/resource").as_deref() == Some("security-group-remote-access-boot"))
        .expect("a remote-access security group");
    assert!(sgs.contains(&str_of(&ssh["GroupId"])), "the template uses it: {sgs:?}");
    let rules = ssh["IpPermissions"].to_string();
    assert!(rules.contains("\"FromPort\":22") && rules.contains("0.0.0.0/0"), "{rules}");
    assert_eq!(str_of(&data["KeyName"]), "my-key");
    assert_eq!(emu.nodes().iter().filter(|n| n.1).count(), 2, "both groups' nodes are Ready");

    // A template with an image of its own: no AMI type is sent; without bootstrap user data
    // its instances never join, and EKS reports NodeCreationFailure.
    let image = str_of(
        &emu.aws(&[
            "ssm",
            "get-parameter",
            "--name",
            "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id",
        ])["Parameter"]["Value"],
    );
    let imaged = template("users-image", &format!(r#"{{"ImageId":"{image}","InstanceType":"m5.large"}}"#));
    let more = config(
        &emu,
        "more",
        &format!(
            "{HEADER}metadata: {{name: lt, region: us-west-2}}\nmanagedNodeGroups:\n\
             - name: custom\n  desiredCapacity: 1\n  launchTemplate: {{id: {imaged}}}\n"
        ),
    );
    let r = Run::of(emu.eksup().args(["create", "nodegroup", "--timeout", "2m", "-f"]).arg(&more));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("NodeCreationFailure"), "{}", r.stderr);
    let custom =
        emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "lt", "--nodegroup-name", "custom"]);
    assert_eq!(custom["nodegroup"]["launchTemplate"]["id"], imaged.as_str(), "{custom}");
    let ami = custom["nodegroup"]["amiType"].as_str().unwrap_or("CUSTOM");
    assert_eq!(ami, "CUSTOM", "no AMI type beside the template's image: {custom}");
}

/// A self-managed group's own security group carries `kubernetes.io/cluster/<name>=owned`, and
/// the shared node security group has its node-to-node rule from the start.
#[test]
fn self_managed_security_groups_are_tagged_for_kubernetes() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "sg",
        &format!(
            "{HEADER}metadata: {{name: sg, region: us-west-2}}\n\
             nodeGroups:\n  - name: workers\n    instanceType: m5.large\n    desiredCapacity: 1\n"
        ),
    );
    let r = create(&emu, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let all = groups(&emu, "sg");
    let node = all
        .iter()
        .find(|g| tag(g, "eksup.io/resource").as_deref() == Some("security-group-workers"))
        .expect("the node group's security group");
    assert_eq!(tag(node, "kubernetes.io/cluster/sg").as_deref(), Some("owned"), "{node}");
    let shared = all
        .iter()
        .find(|g| tag(g, "eksup.io/resource").as_deref() == Some("security-group-shared-nodes"))
        .expect("the shared node security group");
    let shared_id = str_of(&shared["GroupId"]);
    assert!(shared["IpPermissions"].to_string().contains(&shared_id), "the self rule exists: {shared}");
}

/// The Fargate pod execution role trusts only this account's profiles of this cluster.
#[test]
fn fargate_role_trust_names_the_account() {
    let emu = Emulator::start();
    let file = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/fargate.yaml");
    let r = create(&emu, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let role = emu.aws(&["iam", "get-role", "--role-name", "eksup-serverless-fargate"]);
    let trust = role["Role"]["AssumeRolePolicyDocument"].to_string();
    assert!(
        trust.contains("arn:aws:eks:us-west-2:123456789012:fargateprofile/serverless/*"),
        "the trust names the account: {trust}"
    );
}

/// `delete nodegroup` drains the group's nodes, then removes the group and what only it used:
/// its launch template, security group, access entry, instance profile and role.
#[test]
fn delete_nodegroup_drains_and_removes_what_only_it_used() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "two",
        &format!(
            "{HEADER}metadata: {{name: two, region: us-west-2}}\nnodeGroups:\n\
             \x20 - name: keep\n    instanceType: m5.large\n    desiredCapacity: 1\n\
             \x20 - name: ng_GPU\n    instanceType: m5.large\n    desiredCapacity: 1\n"
        ),
    );
    let r = create(&emu, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r =
        Run::of(emu.eksup().args(["delete", "nodegroup", "--cluster", "two", "--name", "ng_GPU", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("drained"), "{}", r.stderr);
    let left: Vec<String> = groups(&emu, "two").iter().filter_map(|g| tag(g, "eksup.io/resource")).collect();
    assert!(!left.iter().any(|g| g.ends_with("ng-gpu")), "{left:?}");
    assert!(left.contains(&"security-group-keep".to_string()), "{left:?}");
    let lts = emu.aws(&["ec2", "describe-launch-templates"]).to_string();
    assert!(!lts.contains("eksup-two-ng_GPU") && lts.contains("eksup-two-keep"), "{lts}");
    assert!(emu.aws_result(&["iam", "get-role", "--role-name", "eksup-two-ng_GPU-node"]).is_err());
    assert!(
        emu.aws_result(&["iam", "get-instance-profile", "--instance-profile-name", "eksup-two-ng_GPU"])
            .is_err()
    );
    let entries = emu.aws(&["eks", "list-access-entries", "--cluster-name", "two"]).to_string();
    assert!(!entries.contains("ng_GPU") && entries.contains("eksup-two-keep-node"), "{entries}");
    let nodes = emu.nodes();
    assert!(
        nodes
            .iter()
            .all(|(_, _, l)| l.get("alpha.eksctl.io/nodegroup-name").map(String::as_str) == Some("keep")),
        "{nodes:?}"
    );
}

/// `create nodegroup` finds a group's steps by its name, whatever its id looks like.
#[test]
fn create_nodegroup_with_a_name_that_slugs_differently() {
    let emu = Emulator::start();
    let file = config(
        &emu,
        "slug",
        &format!(
            "{HEADER}metadata: {{name: slug, region: us-west-2}}\nnodeGroups:\n\
             \x20 - name: ng_GPU\n    instanceType: m5.large\n    desiredCapacity: 1\n"
        ),
    );
    let r = Run::of(emu.eksup().args(["create", "nodegroup", "--dry-run", "-o", "json", "-f"]).arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plan: Value = serde_json::from_str(&r.stdout).unwrap();
    let ids: Vec<String> = plan["steps"].as_array().unwrap().iter().map(|s| str_of(&s["id"])).collect();
    assert!(ids.contains(&"auto-scaling-group-ng-gpu".to_string()), "{ids:?}");
    assert!(ids.contains(&"nodes-ready-ng-gpu".to_string()), "{ids:?}");
}
