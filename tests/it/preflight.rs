//! Preflight: what would stop a create half-way on AWS is found before the first change, all of
//! it at once, and nothing is created.

use std::collections::BTreeMap;

use crate::support::{Emulator, Inventory, Run};

fn managed() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml")
}

/// The calls that change something (`Create*`, `Allocate*`, `Attach*`, ...).
fn mutations(calls: &BTreeMap<String, u64>) -> Vec<&String> {
    let verbs = ["Create", "Allocate", "Attach", "Associate", "Put", "Run", "Tag", "Authorize", "Modify"];
    calls
        .keys()
        .filter(|op| op.split(':').nth(1).is_some_and(|o| verbs.iter().any(|v| o.starts_with(v))))
        .collect()
}

fn allocate_addresses(emu: &Emulator, n: usize) {
    for _ in 0..n {
        emu.aws(&["ec2", "allocate-address", "--domain", "vpc"]);
    }
}

/// The region's Elastic IPs are all in use (AWS's default quota is 5, and the emulator enforces
/// it): without the preflight the create fails half-way; with it, before anything exists.
#[test]
fn a_quota_the_plan_would_exceed_stops_the_create_before_anything_is_made() {
    let emu = Emulator::start();
    // No value applied to the account (`GetServiceQuota` says `NoSuchResourceException`): AWS's
    // default is read instead.
    emu.control_json(
        "/eksup-test/quotas",
        &serde_json::json!({"L-0263D0A3": {"value": 5, "applied": false}}),
    );
    allocate_addresses(&emu, 5);
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(managed()));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "the plan needs 1 more Elastic IPs in the region (`us-west-2`), and 5 of the 5 allowed are in use"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("--quota-code L-0263D0A3"), "{stderr}");
    assert!(stderr.contains("preflight found 1 problem with this plan: nothing was created"), "{stderr}");
    // The emulator's default credentials are a user IAM does not know: said, not guessed.
    assert!(stderr.contains("preflight: permissions not checked"), "{stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
    assert_eq!(Inventory::owned(&emu, "demo").count("vpcs"), 0);

    // What the preflight spared: AWS refuses the address once the VPC and subnets exist.
    let out = Run::of(emu.eksup().args(["create", "cluster", "--skip-preflight", "-f"]).arg(managed()));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("preflight skipped"), "{stderr}");
    assert!(stderr.contains("AddressLimitExceeded"), "{stderr}");
    assert_eq!(Inventory::owned(&emu, "demo").count("vpcs"), 1, "created half-way");
}

/// Several problems: each is listed with what to do, in one run.
#[test]
fn every_problem_is_listed_at_once() {
    let emu = Emulator::start();
    allocate_addresses(&emu, 5);
    // A role with the name eksup gives the cluster role, made by someone else.
    emu.aws(&[
        "iam",
        "create-role",
        "--role-name",
        "eksup-demo-cluster",
        "--assume-role-policy-document",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
    ]);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cluster.yaml");
    std::fs::write(
        &file,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n  version: \"1.34\"\navailabilityZones: [us-west-2a, us-west-2z]\nkubernetesNetworkConfig:\n  serviceIPv4CIDR: 192.168.0.0/16\nmanagedNodeGroups:\n  - name: ng-1\n    desiredCapacity: 1\n",
    )
    .unwrap();
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    for expected in [
        "more Elastic IPs in the region",
        "zone `us-west-2z` does not exist in `us-west-2`",
        "IAM role `eksup-demo-cluster` exists and was not created by eksup",
        "the service CIDR `192.168.0.0/16` overlaps the VPC's CIDR `192.168.0.0/16`",
        "preflight found 4 problems",
    ] {
        assert!(stderr.contains(expected), "`{expected}` in:\n{stderr}");
    }
    assert_eq!(stderr.matches("hint: ").count(), 5, "a hint for each problem and the summary:\n{stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
}

/// A caller whose policies lack what the plan calls is told which actions, by IAM's policy
/// simulation, before anything is made.
#[test]
fn permissions_the_caller_lacks_are_listed() {
    let emu = Emulator::start();
    emu.aws(&["iam", "create-user", "--user-name", "ci"]);
    emu.aws(&[
        "iam",
        "put-user-policy",
        "--user-name",
        "ci",
        "--policy-name",
        "network-and-iam",
        "--policy-document",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","iam:*","ssm:GetParameter","sts:GetCallerIdentity"],"Resource":"*"}]}"#,
    ]);
    let key = emu.aws(&["iam", "create-access-key", "--user-name", "ci"]);
    let (id, secret) = (
        key["AccessKey"]["AccessKeyId"].as_str().unwrap(),
        key["AccessKey"]["SecretAccessKey"].as_str().unwrap(),
    );
    emu.reset_calls();
    let out = Run::of(
        emu.eksup()
            .env("AWS_ACCESS_KEY_ID", id)
            .env("AWS_SECRET_ACCESS_KEY", secret)
            .args(["create", "cluster", "-f"])
            .arg(managed()),
    );
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains("`arn:aws:iam::123456789012:user/ci` may not call"), "{stderr}");
    for action in ["`eks:CreateCluster`", "`eks:CreateNodegroup`", "`eks:CreateAddon`"] {
        assert!(stderr.contains(action), "{action} in:\n{stderr}");
    }
    assert!(!stderr.contains("`ec2:CreateVpc`"), "allowed actions are not listed:\n{stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
}

/// An `IPv6` cluster in a VPC of the user's that has no IPv6 block, or a subnet without one:
/// EKS would refuse the control plane after the roles and groups were made; the preflight says
/// which, and how to add them, before anything exists.
#[test]
fn an_ipv6_cluster_in_a_vpc_without_ipv6_blocks_is_stopped_before_anything_is_made() {
    let emu = Emulator::start();
    let vpc = emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.20.0.0/16"])["Vpc"]["VpcId"]
        .as_str()
        .unwrap()
        .to_string();
    let subnet = |cidr: &str, az: &str| {
        let out = emu.aws(&[
            "ec2",
            "create-subnet",
            "--vpc-id",
            &vpc,
            "--cidr-block",
            cidr,
            "--availability-zone",
            az,
        ]);
        out["Subnet"]["SubnetId"].as_str().unwrap().to_string()
    };
    let (a, b) = (subnet("10.20.0.0/20", "us-west-2a"), subnet("10.20.16.0/20", "us-west-2b"));
    let config = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: six\n  region: us-west-2\nkubernetesNetworkConfig:\n  ipFamily: IPv6\niam:\n  withOIDC: true\nvpc:\n  id: {vpc}\n  subnets:\n    private:\n      us-west-2a: {{id: {a}}}\n      us-west-2b: {{id: {b}}}\nmanagedNodeGroups:\n  - name: ng\n    privateNetworking: true\n"
    );
    let file = emu.home().join("six.yaml");
    std::fs::write(&file, &config).unwrap();
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains(&format!("VPC `{vpc}` has no IPv6 CIDR block")), "{stderr}");
    assert!(stderr.contains("--amazon-provided-ipv6-cidr-block"), "{stderr}");
    assert!(stderr.contains("nothing was created"), "{stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");

    // The VPC gets a block, one subnet a /64: the other subnet is named.
    let out =
        emu.aws(&["ec2", "associate-vpc-cidr-block", "--vpc-id", &vpc, "--amazon-provided-ipv6-cidr-block"]);
    let block: ipnet::Ipv6Net =
        out["Ipv6CidrBlockAssociation"]["Ipv6CidrBlock"].as_str().unwrap().parse().unwrap();
    let first = block.subnets(64).unwrap().next().unwrap().to_string();
    emu.aws(&["ec2", "associate-subnet-cidr-block", "--subnet-id", &a, "--ipv6-cidr-block", &first]);
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    assert!(stderr.contains(&format!("subnet `{b}` has no IPv6 CIDR block")), "{stderr}");
    assert!(!stderr.contains(&format!("subnet `{a}` has no IPv6")), "{stderr}");
    assert!(!stderr.contains(&format!("VPC `{vpc}` has no IPv6")), "the VPC has its block now: {stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
}

/// A VPC of the user's whose node subnets reach nothing outside it (no `0.0.0.0/0` route, no
/// endpoints for ECR and S3): on AWS the nodes never turn Ready (they cannot pull their images)
/// and the create would wait for them in vain; the preflight names each subnet before anything
/// is made. With a NAT gateway the same create goes through, nodes Ready.
#[test]
fn node_subnets_without_a_way_out_stop_the_create_before_anything_is_made() {
    let emu = Emulator::start();
    let vpc = emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.20.0.0/16"])["Vpc"]["VpcId"]
        .as_str()
        .unwrap()
        .to_string();
    let subnet = |cidr: &str, az: &str| {
        let out = emu.aws(&[
            "ec2",
            "create-subnet",
            "--vpc-id",
            &vpc,
            "--cidr-block",
            cidr,
            "--availability-zone",
            az,
        ]);
        out["Subnet"]["SubnetId"].as_str().unwrap().to_string()
    };
    let (a, b) = (subnet("10.20.0.0/20", "us-west-2a"), subnet("10.20.16.0/20", "us-west-2b"));
    let config = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: shut-in\n  region: us-west-2\nvpc:\n  id: {vpc}\n  subnets:\n    private:\n      us-west-2a: {{id: {a}}}\n      us-west-2b: {{id: {b}}}\nmanagedNodeGroups:\n  - name: ng\n    privateNetworking: true\n    desiredCapacity: 1\n"
    );
    let file = emu.home().join("shut-in.yaml");
    std::fs::write(&file, &config).unwrap();
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    for id in [&a, &b] {
        assert!(stderr.contains(&format!("the node subnet `{id}` has no `0.0.0.0/0` route")), "{stderr}");
    }
    assert!(stderr.contains("no endpoints for ECR and S3"), "{stderr}");
    assert!(stderr.contains("NAT gateway"), "{stderr}");
    assert!(stderr.contains("nothing was created"), "{stderr}");
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");

    // A way out: the same create goes through.
    emu.nat_egress(&vpc, "10.20.32.0/24", "us-west-2a");
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(emu.nodes().iter().all(|n| n.1), "{:?}", emu.nodes());
    Run::of(emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(&file)).expect(0, "delete");
}

/// Node groups that target a Capacity Reservation EC2 would launch none of their nodes into: a
/// group spread over zones the reservation is not in, of another instance type, wanting more
/// nodes than it holds, or a reservation that does not exist. On AWS each launch fails and the
/// create waits in vain; the preflight names them all before anything is made.
#[test]
fn node_groups_a_capacity_reservation_cannot_take_stop_the_create_before_anything_is_made() {
    let emu = Emulator::builder().region("us-west-2").start();
    let cr = emu.aws(&[
        "ec2",
        "create-capacity-reservation",
        "--instance-type",
        "m5.large",
        "--instance-platform",
        "Linux/UNIX",
        "--availability-zone",
        "us-west-2a",
        "--instance-count",
        "2",
        "--instance-match-criteria",
        "targeted",
    ])["CapacityReservation"]["CapacityReservationId"]
        .as_str()
        .unwrap()
        .to_string();
    let missing = "cr-0123456789abcdef0";
    let config = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: reserved\n  region: us-west-2\nnodeGroups:\n  - name: spread\n    instanceType: m5.large\n    desiredCapacity: 1\n    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {cr}}}\n  - name: other-type\n    instanceType: c5.large\n    desiredCapacity: 3\n    availabilityZones: [us-west-2a]\n    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {cr}}}\nmanagedNodeGroups:\n  - name: lost\n    instanceType: m5.large\n    desiredCapacity: 1\n    capacityReservation:\n      capacityReservationTarget: {{capacityReservationID: {missing}}}\n"
    );
    let file = emu.home().join("reserved.yaml");
    std::fs::write(&file, &config).unwrap();
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    for expected in [
        format!(
            "node group `spread` launches in `us-west-2b`, `us-west-2c` too, and its capacity reservation `{cr}` is in `us-west-2a` only"
        ),
        "set `availabilityZones: [us-west-2a]` on the node group".to_string(),
        format!(
            "node group `other-type` launches `c5.large`, and its capacity reservation `{cr}` holds `m5.large`"
        ),
        format!("node group `other-type` wants 3 nodes, and its capacity reservation `{cr}` holds 2"),
        format!("the capacity reservation `{missing}` of node group `lost` does not exist in `us-west-2`"),
        "nothing was created".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected}\n{stderr}");
    }
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
}

/// `efaEnabled` groups EC2 would launch no working node of: a type without EFA (EC2 refuses
/// every launch of its `efa` interfaces), and a type of several network cards in public subnets
/// (an instance with several interfaces gets no public address: its node never reaches the
/// cluster); the preflight names the groups before anything is made. A one-card type in a
/// public subnet and a many-card one in private subnets are fine.
#[test]
fn efa_groups_ec2_would_launch_no_working_node_of_stop_the_create_before_anything_is_made() {
    let emu = Emulator::builder().region("us-west-2").start();
    let group = |name: &str, t: &str, private: bool| {
        format!(
            "  - name: {name}\n    instanceType: {t}\n    availabilityZones: [us-west-2a]\n    privateNetworking: {private}\n    efaEnabled: true\n"
        )
    };
    let config = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: efa\n  region: us-west-2\nnodeGroups:\n{}{}managedNodeGroups:\n{}{}",
        group("plain", "m5.large", true),
        group("one-card", "c5n.18xlarge", false),
        group("public", "p4d.24xlarge", false),
        group("private", "p4d.24xlarge", true),
    );
    let file = emu.home().join("efa.yaml");
    std::fs::write(&file, config).unwrap();
    emu.reset_calls();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&file));
    let stderr = &out.stderr;
    assert_eq!(out.code, 1, "{stderr}");
    for expected in [
        "node group `plain` has `efaEnabled`, and its instance type `m5.large` does not support EFA",
        "Name=network-info.efa-supported,Values=true --region us-west-2",
        "node group `public` has `efaEnabled` in public subnets, and its instances get 4 network interfaces (one per network card): EC2 gives such an instance no public address",
        "set `privateNetworking: true` on the group",
        "nothing was created",
    ] {
        assert!(stderr.contains(expected), "{expected}\n{stderr}");
    }
    for fine in ["`one-card`", "`private`"] {
        assert!(!stderr.contains(fine), "{fine}: {stderr}");
    }
    assert_eq!(mutations(&emu.calls()), Vec::<&String>::new(), "nothing was changed");
}
