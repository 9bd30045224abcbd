//! Fully-private clusters (`privateCluster.enabled`): a VPC with private subnets only and the VPC
//! endpoints eksctl makes, nodes that join through them, the endpoint private-only at the end
//! (so that kubectl from outside the VPC is refused, as on AWS), and a delete that leaves
//! nothing. Read back with the AWS CLI and kubectl.

use serde_json::Value;

use crate::support::inventory::str_of;
use crate::support::{Emulator, Inventory, Run};

fn eksup(emu: &Emulator, args: &[&str]) -> Run {
    Run::of(emu.eksup().args(args))
}

const CONFIG: &str = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: priv\n  region: us-west-2\nprivateCluster:\n  enabled: true\n  additionalEndpointServices: [autoscaling]\ncloudWatch:\n  clusterLogging:\n    enableTypes: [api]\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: 2\n    privateNetworking: true\nnodeGroups:\n  - name: sm\n    desiredCapacity: 1\n    privateNetworking: true\n";

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

#[test]
fn a_fully_private_cluster_reaches_aws_through_vpc_endpoints_and_ends_private_only() {
    let emu = Emulator::builder().region("us-west-2").start();
    let path = emu.home().join("private.yaml");
    let file = path.display().to_string();
    std::fs::write(&path, CONFIG).unwrap();
    let made = eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    assert!(made.stderr.contains("the Kubernetes API of `priv` is private-only now"), "{}", made.stderr);

    // The endpoint: private-only now.
    let cluster = &emu.aws(&["eks", "describe-cluster", "--name", "priv"])["cluster"];
    let vpc_config = &cluster["resourcesVpcConfig"];
    assert_eq!(
        (&vpc_config["endpointPublicAccess"], &vpc_config["endpointPrivateAccess"]),
        (&Value::Bool(false), &Value::Bool(true)),
        "{vpc_config}"
    );
    let vpc = str_of(&vpc_config["vpcId"]);
    let in_vpc = format!("Name=vpc-id,Values={vpc}");

    // No way out: private subnets only, no internet or NAT gateway.
    let subnets = emu.aws(&["ec2", "describe-subnets", "--filters", &in_vpc]);
    let subnets = list(&subnets, "Subnets");
    assert_eq!(subnets.len(), 3, "{subnets:?}");
    assert!(subnets.iter().all(|s| s["MapPublicIpOnLaunch"] != true), "{subnets:?}");
    let attached = format!("Name=attachment.vpc-id,Values={vpc}");
    let igws = emu.aws(&["ec2", "describe-internet-gateways", "--filters", &attached]);
    assert!(list(&igws, "InternetGateways").is_empty(), "{igws}");
    let nats = emu.aws(&["ec2", "describe-nat-gateways", "--filter", &in_vpc]);
    assert!(list(&nats, "NatGateways").iter().all(|n| n["State"] == "deleted"), "{nats}");

    // eksctl's endpoints, `logs` for the control plane's logs and the asked-for `autoscaling`.
    let endpoints = emu.aws(&["ec2", "describe-vpc-endpoints", "--filters", &in_vpc]);
    let endpoints = list(&endpoints, "VpcEndpoints");
    let mut services: Vec<String> = endpoints.iter().map(|e| str_of(&e["ServiceName"])).collect();
    services.sort();
    let want: Vec<String> = ["autoscaling", "ec2", "ecr.api", "ecr.dkr", "logs", "s3", "sts"]
        .iter()
        .map(|s| format!("com.amazonaws.us-west-2.{s}"))
        .collect();
    assert_eq!(services, want);
    let tables = emu.aws(&[
        "ec2",
        "describe-route-tables",
        "--filters",
        &in_vpc,
        "Name=tag:eksup.io/cluster,Values=priv",
    ]);
    let mut private_tables: Vec<String> =
        list(&tables, "RouteTables").iter().map(|t| str_of(&t["RouteTableId"])).collect();
    private_tables.sort();
    assert_eq!(private_tables.len(), 3, "{tables}");
    let groups = emu.aws(&[
        "ec2",
        "describe-security-groups",
        "--filters",
        "Name=tag:eksup.io/resource,Values=security-group-shared-nodes",
    ]);
    let shared = str_of(&list(&groups, "SecurityGroups")[0]["GroupId"]);
    for e in endpoints {
        let service = str_of(&e["ServiceName"]);
        assert_eq!(e["State"].as_str().map(str::to_ascii_lowercase).as_deref(), Some("available"), "{e}");
        assert_eq!(
            e["Tags"]
                .as_array()
                .map(|t| t.iter().any(|t| t["Key"] == "eksup.io/cluster" && t["Value"] == "priv")),
            Some(true),
            "ownership tags: {e}"
        );
        if service.ends_with(".s3") {
            assert_eq!(e["VpcEndpointType"], "Gateway", "{e}");
            let mut on: Vec<String> = list(e, "RouteTableIds").iter().map(str_of).collect();
            on.sort();
            assert_eq!(on, private_tables, "{e}");
        } else {
            assert_eq!(e["VpcEndpointType"], "Interface", "{e}");
            assert_eq!(e["PrivateDnsEnabled"], true, "{e}");
            assert_eq!(list(e, "SubnetIds").len(), 3, "one subnet per zone: {e}");
            let sgs: Vec<String> = list(e, "Groups").iter().map(|g| str_of(&g["GroupId"])).collect();
            assert_eq!(sgs, std::slice::from_ref(&shared), "{e}");
        }
    }

    // The nodes joined through the endpoints (the create waited for them Ready before closing
    // the public endpoint); from outside the VPC the API now refuses kubectl.
    let ng = &emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "priv", "--nodegroup-name", "ng"])["nodegroup"];
    assert_eq!(ng["status"], "ACTIVE", "{ng}");
    assert!(list(&ng["health"], "issues").is_empty(), "{ng}");
    let (ok, _, err) = emu.kubectl(&["get", "nodes", "--request-timeout=10s"]);
    assert!(!ok, "kubectl reached a private-only endpoint from outside the VPC");
    assert!(!err.is_empty());

    let out = eksup(&emu, &["delete", "cluster", "--yes", "-f", &file]).expect(0, "delete");
    assert!(out.stderr.contains("nothing left"), "{}", out.stderr);
    Inventory::owned(&emu, "priv").assert_empty(true);
}

/// `vpc.publicAccessCIDRs` that leave out the machine eksup runs on (the emulator's caller is
/// 203.0.113.10): eksup cannot see its nodes, and says so after a few minutes with what to do,
/// instead of waiting twenty for nothing. With the machine's address added to the file, the same
/// command goes on: it widens the endpoint's CIDRs and waits for the nodes Ready.
#[test]
fn public_access_cidrs_that_leave_this_machine_out_fail_fast_and_say_what_to_do() {
    let emu = Emulator::builder().start();
    let path = emu.home().join("narrow.yaml");
    let file = path.display().to_string();
    let config = |cidrs: &str| {
        format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: narrow\n  region: us-west-2\nvpc:\n  publicAccessCIDRs: [{cidrs}]\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: 1\n"
        )
    };
    std::fs::write(&path, config("198.51.100.0/24")).unwrap();
    let started = std::time::Instant::now();
    let failed = eksup(&emu, &["create", "cluster", "-f", &file]);
    assert_ne!(failed.code, 0, "{}", failed.stderr);
    assert!(
        failed.stderr.contains("the API server of `narrow` has not answered for")
            && failed.stderr.contains("admits only `198.51.100.0/24`"),
        "{}",
        failed.stderr
    );
    assert!(
        failed.stderr.contains("hint: add this machine's public address to `vpc.publicAccessCIDRs`"),
        "{}",
        failed.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10 * 60), "it waited {:?}", started.elapsed());
    // Nothing was written for a cluster eksup could not reach.
    let cluster = &emu.aws(&["eks", "describe-cluster", "--name", "narrow"])["cluster"];
    assert_eq!(cluster["resourcesVpcConfig"]["publicAccessCidrs"], serde_json::json!(["198.51.100.0/24"]));

    std::fs::write(&path, config("198.51.100.0/24, 203.0.113.10/32")).unwrap();
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create again with this machine admitted");
    let cluster = &emu.aws(&["eks", "describe-cluster", "--name", "narrow"])["cluster"];
    let mut cidrs: Vec<String> =
        list(&cluster["resourcesVpcConfig"], "publicAccessCidrs").iter().map(str_of).collect();
    cidrs.sort();
    assert_eq!(cidrs, ["198.51.100.0/24", "203.0.113.10/32"]);
    let (ok, out, err) = emu.kubectl(&["get", "nodes", "--no-headers"]);
    assert!(ok && out.contains(" Ready"), "{out}{err}");

    eksup(&emu, &["delete", "cluster", "--yes", "-f", &file]).expect(0, "delete");
    Inventory::owned(&emu, "narrow").assert_empty(true);
}

/// `privateCluster.skipEndpointCreation: true` in a VPC of the user's that has its endpoints (made
/// here with the AWS CLI, as AWS's guide lists them: `ec2`, `ecr.api`, `ecr.dkr`, `sts` with
/// private DNS and a group admitting HTTPS from the VPC, the `s3` gateway on the private route
/// table): eksup makes no endpoint (CreateVpcEndpoint is never called), the nodes join through the
/// user's, the endpoint ends private-only, and the delete leaves the user's endpoints as they were.
#[test]
fn skip_endpoint_creation_makes_no_endpoint_and_nodes_join_through_the_users() {
    let emu = Emulator::builder().region("us-west-2").start();
    let id = |v: &Value, object: &str, key: &str| str_of(&v[object][key]);
    let vpc = id(&emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.20.0.0/16"]), "Vpc", "VpcId");
    let started = std::time::Instant::now();
    while let Err(e) = emu.aws_result(&[
        "ec2",
        "modify-vpc-attribute",
        "--vpc-id",
        &vpc,
        "--enable-dns-hostnames",
        r#"{"Value":true}"#,
    ]) {
        assert!(e.contains("NotFound") && started.elapsed().as_secs() < 20, "{e}");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let table = id(&emu.aws(&["ec2", "create-route-table", "--vpc-id", &vpc]), "RouteTable", "RouteTableId");
    let mut subnets = Vec::new();
    for (zone, cidr) in [("us-west-2a", "10.20.1.0/24"), ("us-west-2b", "10.20.2.0/24")] {
        let made = emu.aws(&[
            "ec2",
            "create-subnet",
            "--vpc-id",
            &vpc,
            "--cidr-block",
            cidr,
            "--availability-zone",
            zone,
        ]);
        let subnet = id(&made, "Subnet", "SubnetId");
        emu.aws(&["ec2", "associate-route-table", "--route-table-id", &table, "--subnet-id", &subnet]);
        subnets.push(subnet);
    }
    let group = emu.aws(&[
        "ec2",
        "create-security-group",
        "--group-name",
        "endpoints",
        "--description",
        "HTTPS from the VPC",
        "--vpc-id",
        &vpc,
    ]);
    let group = str_of(&group["GroupId"]);
    // A new group is not found by every EC2 call for a moment (eventual consistency): retry.
    while let Err(e) = emu.aws_result(&[
        "ec2",
        "authorize-security-group-ingress",
        "--group-id",
        &group,
        "--protocol",
        "tcp",
        "--port",
        "443",
        "--cidr",
        "10.20.0.0/16",
    ]) {
        assert!(e.contains("NotFound") && started.elapsed().as_secs() < 30, "{e}");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    let mut mine = Vec::new();
    for service in ["ec2", "ecr.api", "ecr.dkr", "sts"] {
        let mut args = vec![
            "ec2",
            "create-vpc-endpoint",
            "--vpc-id",
            &vpc,
            "--vpc-endpoint-type",
            "Interface",
            "--private-dns-enabled",
            "--security-group-ids",
            &group,
            "--subnet-ids",
        ];
        args.extend(subnets.iter().map(String::as_str));
        let name = format!("com.amazonaws.us-west-2.{service}");
        args.extend(["--service-name", &name]);
        mine.push(id(&emu.aws(&args), "VpcEndpoint", "VpcEndpointId"));
    }
    let s3 = emu.aws(&[
        "ec2",
        "create-vpc-endpoint",
        "--vpc-id",
        &vpc,
        "--vpc-endpoint-type",
        "Gateway",
        "--service-name",
        "com.amazonaws.us-west-2.s3",
        "--route-table-ids",
        &table,
    ]);
    mine.push(id(&s3, "VpcEndpoint", "VpcEndpointId"));
    mine.sort();
    let in_vpc = format!("Name=vpc-id,Values={vpc}");
    let endpoints = || {
        let got = emu.aws(&["ec2", "describe-vpc-endpoints", "--filters", &in_vpc]);
        let mut all: Vec<(String, String)> = list(&got, "VpcEndpoints")
            .iter()
            .map(|e| (str_of(&e["VpcEndpointId"]), str_of(&e["State"]).to_ascii_lowercase()))
            .collect();
        all.sort();
        all
    };
    while endpoints().iter().any(|(_, state)| state != "available") {
        assert!(started.elapsed().as_secs() < 60, "{:?}", endpoints());
        std::thread::sleep(std::time::Duration::from_millis(500));
    }

    let path = emu.home().join("skip.yaml");
    let file = path.display().to_string();
    std::fs::write(
        &path,
        format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: skip\n  region: us-west-2\nvpc:\n  id: {vpc}\n  subnets:\n    private:\n      us-west-2a: {{id: {}}}\n      us-west-2b: {{id: {}}}\nprivateCluster:\n  enabled: true\n  skipEndpointCreation: true\nmanagedNodeGroups:\n  - name: ng\n    desiredCapacity: 1\n    privateNetworking: true\n",
            subnets[0], subnets[1]
        ),
    )
    .unwrap();
    let made_by_hand = emu.calls().get("ec2:CreateVpcEndpoint").copied();
    assert_eq!(made_by_hand, Some(5));
    let plan = eksup(&emu, &["create", "cluster", "--dry-run", "-f", &file]).expect(0, "dry-run");
    assert!(!plan.stdout.contains("vpc-endpoint"), "{}", plan.stdout);
    eksup(&emu, &["create", "cluster", "-f", &file]).expect(0, "create");
    assert_eq!(emu.calls().get("ec2:CreateVpcEndpoint").copied(), made_by_hand, "eksup made an endpoint");
    let now = endpoints();
    assert_eq!(now.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>(), mine, "{now:?}");

    let vpc_config =
        &emu.aws(&["eks", "describe-cluster", "--name", "skip"])["cluster"]["resourcesVpcConfig"];
    assert_eq!(
        (&vpc_config["endpointPublicAccess"], &vpc_config["endpointPrivateAccess"]),
        (&Value::Bool(false), &Value::Bool(true)),
        "{vpc_config}"
    );
    let ng = &emu.aws(&["eks", "describe-nodegroup", "--cluster-name", "skip", "--nodegroup-name", "ng"])["nodegroup"];
    assert_eq!(ng["status"], "ACTIVE", "{ng}");
    assert!(list(&ng["health"], "issues").is_empty(), "{ng}");

    eksup(&emu, &["delete", "cluster", "--yes", "-f", &file]).expect(0, "delete");
    Inventory::owned(&emu, "skip").assert_empty(true);
    let after = endpoints();
    assert_eq!(after.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>(), mine, "the user's stay: {after:?}");
    assert!(after.iter().all(|(_, state)| state == "available"), "{after:?}");
}

/// `skipEndpointCreation` in a VPC eksup would create: refused before anything is made (that VPC
/// would have no endpoint, and its nodes would never join).
#[test]
fn skip_endpoint_creation_without_a_vpc_of_ones_own_is_refused() {
    let emu = Emulator::start();
    let path = emu.home().join("skip.yaml");
    std::fs::write(
        &path,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: skip\n  region: us-west-2\nprivateCluster:\n  enabled: true\n  skipEndpointCreation: true\nmanagedNodeGroups:\n  - name: ng\n    privateNetworking: true\n",
    )
    .unwrap();
    let refused = eksup(&emu, &["create", "cluster", "-f", &path.display().to_string()]);
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("privateCluster.skipEndpointCreation: needs your VPC (`vpc.id`)"),
        "{}",
        refused.stderr
    );
    assert!(
        emu.calls().keys().all(|c| !c.starts_with("ec2:Create") && !c.starts_with("eks:Create")),
        "{:?}",
        emu.calls()
    );
}
