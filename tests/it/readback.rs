//! One cluster that exercises, and reads back with the AWS CLI and kubectl, what no other test
//! reads back: every `withAddonPolicies` flag on a managed group's node role (with
//! `ssh.enableSsm`), a self-managed group's Cluster Autoscaler tags (labels and taints, for scaling
//! from zero) and its `spotAllocationStrategy`, an add-on's inline `attachPolicy` and the EBS CSI
//! driver's default role; then every part `get` in its three formats (`-o table|json|yaml`,
//! the YAML parsed by another reader than eksup's and compared with the JSON) and `-r` for
//! `--region`, before and after the subcommand.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::inventory::{str_of, tags_of};
use crate::support::{Emulator, Inventory, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

const CLUSTER: &str = "rb";

fn config(admins: &str) -> String {
    format!(
        r#"apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: rb
  region: us-west-2
  version: "1.34"
iam:
  withOIDC: true
  podIdentityAssociations:
    - namespace: apps
      serviceAccountName: reader
      permissionPolicyARNs: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
accessConfig:
  accessEntries:
    - principalARN: {admins}
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
          accessScope:
            type: namespace
            namespaces: [apps]
addons:
  - name: eks-pod-identity-agent
  - name: aws-ebs-csi-driver
  - name: aws-efs-csi-driver
    attachPolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Action: ["elasticfilesystem:DescribeFileSystems"]
          Resource: "*"
capabilities:
  - name: kro
    type: KRO
fargateProfiles:
  - name: batch
    selectors:
      - namespace: batch
        labels: {{tier: jobs}}
managedNodeGroups:
  - name: mng
    desiredCapacity: 1
    labels: {{team: web}}
    ssh:
      enableSsm: true
    iam:
      withAddonPolicies:
        imageBuilder: true
        autoScaler: true
        externalDNS: true
        certManager: true
        appMesh: true
        appMeshPreview: true
        ebs: true
        fsx: true
        efs: true
        awsLoadBalancerController: true
        xRay: true
        cloudWatch: true
nodeGroups:
  - name: sm
    desiredCapacity: 1
    labels: {{role: ci}}
    taints:
      - key: dedicated
        value: ci
        effect: NoSchedule
    instancesDistribution:
      instanceTypes: [t3.medium, t3a.medium]
      onDemandBaseCapacity: 0
      onDemandPercentageAboveBaseCapacity: 0
      spotAllocationStrategy: capacity-optimized
    iam:
      withAddonPolicies:
        autoScaler: true
"#
    )
}

/// A role's managed policy names and inline policy documents (as text).
fn role_policies(emu: &Emulator, role: &str) -> (Vec<String>, BTreeMap<String, String>) {
    let attached = emu.aws(&["iam", "list-attached-role-policies", "--role-name", role]);
    let mut managed: Vec<String> =
        attached["AttachedPolicies"].as_array().unwrap().iter().map(|p| str_of(&p["PolicyName"])).collect();
    managed.sort();
    let names = emu.aws(&["iam", "list-role-policies", "--role-name", role])["PolicyNames"].clone();
    let inline = names
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let n = n.as_str().unwrap();
            let doc = emu.aws(&["iam", "get-role-policy", "--role-name", role, "--policy-name", n]);
            (n.to_string(), doc["PolicyDocument"].to_string())
        })
        .collect();
    (managed, inline)
}

fn asg(emu: &Emulator, name: &str) -> Value {
    let out = emu.aws(&["autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", name]);
    let group = out["AutoScalingGroups"][0].clone();
    assert!(group.is_object(), "no Auto Scaling group `{name}`: {out}");
    group
}

/// YAML read by PyYAML (the emulator's Python), not by eksup's own library, as JSON. Timestamps
/// stay strings, as in eksup's JSON.
fn yaml_as_json(text: &str) -> Value {
    let script = "import json, sys, yaml\n\
        class L(yaml.SafeLoader): pass\n\
        L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != 'tag:yaml.org,2002:timestamp'] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}\n\
        print(json.dumps(yaml.load(sys.stdin, Loader=L)))\n";
    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".emulator/venv/bin/python");
    let mut child = Command::new(python)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cannot run the emulator's python");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "not YAML ({}):\n{text}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `eksup get <what> <args>` in the three formats: the JSON (returned), the same data in YAML,
/// and a table whose header is `header` with a row holding each of `row`.
#[track_caller]
fn get_three_ways(emu: &Emulator, what: &str, args: &[&str], header: &[&str], row: &[&str]) -> Value {
    let run = |format: &str| {
        let mut argv = vec!["get", what];
        argv.extend(args);
        argv.extend(["-o", format]);
        eksup(emu, &argv).expect(0, &format!("get {what} -o {format}")).stdout
    };
    let json: Value = serde_json::from_str(&run("json")).expect("-o json is JSON");
    let yaml = run("yaml");
    assert!(!yaml.trim_start().starts_with(['{', '[']), "get {what} -o yaml printed JSON:\n{yaml}");
    assert_eq!(yaml_as_json(&yaml), json, "get {what}: -o yaml and -o json differ:\n{yaml}");
    let table = run("table");
    let first = table.lines().next().unwrap_or_default();
    let columns: Vec<&str> = first.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(columns, header, "get {what}: header\n{table}");
    assert!(
        table.lines().skip(1).any(|line| row.iter().all(|cell| line.contains(cell))),
        "get {what}: no row with {row:?}\n{table}"
    );
    json
}

#[test]
fn addon_policies_autoscaler_tags_spot_strategy_addon_roles_and_part_gets_read_back() {
    let emu = Emulator::start();
    emu.create_platform_admins_role();
    let admins = str_of(&emu.aws(&["iam", "get-role", "--role-name", "platform-admins"])["Role"]["Arn"]);
    let path = emu.home().join("rb.yaml");
    let file = path.display().to_string();
    std::fs::write(&path, config(&admins)).unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");

    // The managed group's node role: eksctl's policies for a managed group with `withOIDC` (the
    // vpc-cni has its own role), SSM's always on (`ssh.enableSsm: true` changes nothing, as in
    // eksctl, where it is deprecated), and each `withAddonPolicies` flag's grant.
    let (managed, inline) = role_policies(&emu, "eksup-rb-mng-node");
    assert_eq!(
        managed,
        [
            "AmazonEBSCSIDriverPolicy",
            "AmazonEC2ContainerRegistryPowerUser",
            "AmazonEC2ContainerRegistryPullOnly",
            "AmazonEKSWorkerNodePolicy",
            "AmazonSSMManagedInstanceCore",
            "CloudWatchAgentServerPolicy"
        ]
    );
    let names: Vec<&str> = inline.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "app-mesh",
            "app-mesh-preview",
            "autoscaling",
            "aws-load-balancer-controller",
            "cert-manager-change-set",
            "cert-manager-get-change",
            "cert-manager-hosted-zones",
            "efs",
            "efs-ec2",
            "external-dns-change-set",
            "external-dns-hosted-zones",
            "fsx",
            "service-linked-role",
            "xray"
        ]
    );
    for (policy, needle) in [
        ("app-mesh", "\"appmesh:*\""),
        ("app-mesh-preview", "\"appmesh-preview:*\""),
        ("autoscaling", "autoscaling:SetDesiredCapacity"),
        ("aws-load-balancer-controller", "elasticloadbalancing:CreateLoadBalancer"),
        ("cert-manager-get-change", "arn:aws:route53:::change/*"),
        ("efs", "elasticfilesystem:*"),
        ("efs-ec2", "ec2:CreateNetworkInterface"),
        ("external-dns-hosted-zones", "route53:ListHostedZones"),
        ("fsx", "fsx:*"),
        ("service-linked-role", "arn:aws:iam::*:role/aws-service-role/*"),
        ("xray", "xray:PutTraceSegments"),
    ] {
        assert!(inline[policy].contains(needle), "{policy}: {needle} in {}", inline[policy]);
    }
    // EKS tags a managed group's own Auto Scaling group for Cluster Autoscaler.
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", CLUSTER, "--nodegroup-name", "mng"]);
    let mng_asg = str_of(&ng["nodegroup"]["resources"]["autoScalingGroups"][0]["name"]);
    let tags = tags_of(&asg(&emu, &mng_asg));
    assert_eq!(tags.get("k8s.io/cluster-autoscaler/enabled").map(String::as_str), Some("true"), "{tags:?}");
    assert_eq!(tags.get("k8s.io/cluster-autoscaler/rb").map(String::as_str), Some("owned"), "{tags:?}");

    // The self-managed group: Cluster Autoscaler's policy, discovery tags and templates for its
    // label and taint; the Spot allocation strategy in the mixed instances policy.
    let (_, inline) = role_policies(&emu, "eksup-rb-sm-node");
    assert_eq!(inline.keys().collect::<Vec<_>>(), ["autoscaling"]);
    let group = asg(&emu, "eksup-rb-sm");
    let tags = tags_of(&group);
    let tag = |k: &str| tags.get(k).map(String::as_str);
    assert_eq!(
        (
            tag("k8s.io/cluster-autoscaler/enabled"),
            tag("k8s.io/cluster-autoscaler/rb"),
            tag("k8s.io/cluster-autoscaler/node-template/label/role"),
            tag("k8s.io/cluster-autoscaler/node-template/taint/dedicated"),
        ),
        (Some("true"), Some("owned"), Some("ci"), Some("ci:NoSchedule")),
        "{tags:?}"
    );
    let policy = &group["MixedInstancesPolicy"];
    let d = &policy["InstancesDistribution"];
    assert_eq!(d["SpotAllocationStrategy"], "capacity-optimized", "{policy}");
    assert!(d["SpotInstancePools"].is_null(), "pools only with lowest-price: {policy}");
    assert_eq!(
        (&d["OnDemandBaseCapacity"], &d["OnDemandPercentageAboveBaseCapacity"]),
        (&Value::from(0), &Value::from(0)),
        "{policy}"
    );
    let types: Vec<String> = policy["LaunchTemplate"]["Overrides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| str_of(&o["InstanceType"]))
        .collect();
    assert_eq!(types, ["t3.medium", "t3a.medium"], "{policy}");
    let (ok, out, err) = emu.kubectl(&["get", "nodes", "-l", "role=ci", "-o", "json"]);
    assert!(ok, "{err}");
    let nodes: Value = serde_json::from_str(&out).unwrap();
    let taints = nodes["items"][0]["spec"]["taints"].to_string();
    assert!(
        taints.contains("dedicated") && taints.contains("NoSchedule"),
        "the node has the taint: {taints}"
    );

    // Add-on roles: the EFS CSI driver's holds the file's inline policy alone (no default), the
    // EBS CSI driver's, given nothing, AWS's managed policy, as eksctl gives it.
    let addon_role = |addon: &str| {
        let a = emu.aws(&["eks", "describe-addon", "--cluster-name", CLUSTER, "--addon-name", addon]);
        str_of(&a["addon"]["serviceAccountRoleArn"])
    };
    let efs_role = addon_role("aws-efs-csi-driver");
    assert!(efs_role.ends_with("/eksup-rb-addon-aws-efs-csi-driver"), "{efs_role}");
    let (managed, inline) = role_policies(&emu, "eksup-rb-addon-aws-efs-csi-driver");
    assert!(managed.is_empty(), "{managed:?}");
    assert_eq!(inline.keys().collect::<Vec<_>>(), ["attach-policy"]);
    assert!(inline["attach-policy"].contains("elasticfilesystem:DescribeFileSystems"), "{inline:?}");
    let trust = emu.aws(&["iam", "get-role", "--role-name", "eksup-rb-addon-aws-efs-csi-driver"]);
    let trust = trust["Role"]["AssumeRolePolicyDocument"].to_string();
    assert!(trust.contains("system:serviceaccount:kube-system:efs-csi-"), "{trust}");
    let ebs_role = addon_role("aws-ebs-csi-driver");
    assert!(ebs_role.ends_with("/eksup-rb-addon-aws-ebs-csi-driver"), "{ebs_role}");
    let attached =
        emu.aws(&["iam", "list-attached-role-policies", "--role-name", "eksup-rb-addon-aws-ebs-csi-driver"]);
    assert_eq!(
        attached["AttachedPolicies"],
        serde_json::json!([{"PolicyName": "AmazonEBSCSIDriverPolicy", "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"}])
    );
    assert!(role_policies(&emu, "eksup-rb-addon-aws-ebs-csi-driver").1.is_empty());

    part_gets(&emu, &admins, &efs_role);

    eksup(&emu, &["delete", "cluster", "--yes", "-f", &file]).expect(0, "delete");
    Inventory::owned(&emu, CLUSTER).assert_empty(true);
}

/// Every part `get` in its three formats, with values read back from AWS; `-r` for `--region`.
fn part_gets(emu: &Emulator, admins: &str, efs_role: &str) {
    let cluster = ["--cluster", CLUSTER];
    let addons = get_three_ways(
        emu,
        "addon",
        &cluster,
        &["NAME", "VERSION", "STATUS", "ISSUES", "IAMROLE", "CONFIGURATION VALUES", "NAMESPACE", "MADE BY"],
        &["aws-efs-csi-driver", efs_role, "eksup"],
    );
    let efs = addons.as_array().unwrap().iter().find(|a| a["Name"] == "aws-efs-csi-driver");
    assert!(efs.is_some_and(|a| a["IAMRole"] == efs_role), "{addons}");

    let profile = emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        CLUSTER,
        "--fargate-profile-name",
        "batch",
    ]);
    let execution = str_of(&profile["fargateProfile"]["podExecutionRoleArn"]);
    assert!(execution.starts_with("arn:"), "{profile}");
    get_three_ways(
        emu,
        "fargateprofile",
        &cluster,
        &["NAME", "SELECTOR NAMESPACES", "SELECTOR LABELS", "POD EXECUTION ROLE ARN", "SUBNETS", "STATUS"],
        &["batch", "tier=jobs", &execution, "ACTIVE"],
    );

    let cni = str_of(&emu.aws(&["iam", "get-role", "--role-name", "eksup-rb-vpc-cni"])["Role"]["Arn"]);
    let accounts = get_three_ways(
        emu,
        "iamserviceaccount",
        &cluster,
        &["NAMESPACE", "NAME", "ROLE ARN", "MADE BY"],
        &["kube-system", "aws-node", &cni, "eksup"],
    );
    assert!(accounts.to_string().contains(&cni), "{accounts}");

    let listed = emu.aws(&["eks", "list-pod-identity-associations", "--cluster-name", CLUSTER]);
    let association = str_of(&listed["associations"][0]["associationArn"]);
    assert!(association.starts_with("arn:"), "{listed}");
    get_three_ways(
        emu,
        "podidentityassociation",
        &cluster,
        &[
            "ASSOCIATION ARN",
            "NAMESPACE",
            "SERVICE ACCOUNT NAME",
            "IAM ROLE ARN",
            "OWNER ARN",
            "TARGET ROLE ARN",
            "MADE BY",
        ],
        &[&association, "apps", "reader", "eksup"],
    );

    let entry =
        emu.aws(&["eks", "describe-access-entry", "--cluster-name", CLUSTER, "--principal-arn", admins]);
    assert_eq!(entry["accessEntry"]["type"], "STANDARD", "{entry}");
    get_three_ways(
        emu,
        "accessentry",
        &cluster,
        &["PRINCIPAL ARN", "TYPE", "KUBERNETES GROUPS", "ACCESS POLICIES", "MADE BY"],
        &[admins, "STANDARD", "AmazonEKSViewPolicy (namespace: apps)", "eksup"],
    );
    get_three_ways(
        emu,
        "iamidentitymapping",
        &cluster,
        &["ARN", "USERNAME", "GROUPS", "ACCOUNT", "KEPT IN"],
        &[admins],
    );

    let capability =
        emu.aws(&["eks", "describe-capability", "--cluster-name", CLUSTER, "--capability-name", "kro"]);
    let capability_role = str_of(&capability["capability"]["roleArn"]);
    assert!(capability_role.starts_with("arn:"), "{capability}");
    get_three_ways(
        emu,
        "capability",
        &cluster,
        &["NAME", "TYPE", "STATUS", "VERSION", "ROLE ARN", "MADE BY"],
        &["kro", "KRO", "ACTIVE", &capability_role],
    );

    let labels =
        emu.aws(&["eks", "describe-nodegroup", "--cluster-name", CLUSTER, "--nodegroup-name", "mng"]);
    assert_eq!(labels["nodegroup"]["labels"]["team"], "web", "{labels}");
    let got = get_three_ways(
        emu,
        "labels",
        &["--cluster", CLUSTER, "--nodegroup", "mng"],
        &["CLUSTER", "NODEGROUP", "LABELS"],
        &["rb", "mng", "team=web"],
    );
    assert_eq!(got["labels"]["team"], "web", "{got}");

    // `-r`, before or after the subcommand, is `--region`: elsewhere the cluster is not found.
    let elsewhere = eksup(emu, &["get", "addon", "--cluster", CLUSTER, "-r", "eu-west-1"]);
    assert_eq!(elsewhere.code, 1, "{}", elsewhere.stderr);
    assert!(elsewhere.stderr.contains("no cluster `rb`"), "{}", elsewhere.stderr);
    let here = eksup(
        emu,
        &[
            "-r",
            "us-west-2",
            "get",
            "addon",
            "--cluster",
            CLUSTER,
            "--name",
            "aws-efs-csi-driver",
            "-o",
            "json",
        ],
    )
    .expect(0, "-r before the subcommand");
    assert!(here.stdout.contains(efs_role), "{}", here.stdout);
    let clusters = eksup(emu, &["get", "cluster", "-r", "eu-west-1"]).expect(0, "get cluster -r");
    assert!(!clusters.stdout.contains("rb"), "{}", clusters.stdout);
    let clusters = eksup(emu, &["get", "cluster", "-r", "us-west-2"]).expect(0, "get cluster -r");
    assert!(clusters.stdout.lines().any(|l| l.starts_with("rb ")), "{}", clusters.stdout);
}
