//! AWS misbehaving as it does when an account is busy or a network flaps: bursts of throttling,
//! answers lost after the work was done, one resource that will not go. A create still
//! converges to exactly the planned resources, and a delete still leaves nothing.

use serde_json::{Value, json};

use crate::support::{Emulator, Inventory, Run};

fn managed() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/managed.yaml")
}

/// Queue `times` faults on `operation`; with `after`, the emulator does the work first and then
/// loses the answer.
fn fault(emu: &Emulator, operation: &str, times: u32, code: &str, status: u16, after: bool) {
    emu.fault(
        &json!({"operation": operation, "times": times, "code": code, "status": status, "after": after,
                "message": format!("injected by the test: {code}")}),
    );
}

fn delete(emu: &Emulator) -> Run {
    Run::of(emu.eksup().args(["delete", "cluster", "--yes", "-f"]).arg(managed()))
}

/// AWS throttles in bursts: four `Throttling` answers in a row to one call (one more than the
/// SDK's default attempts) slow a create and a delete down, and neither fails.
#[test]
fn bursts_of_throttling_slow_create_and_delete_down_without_failing_them() {
    let emu = Emulator::start();
    for op in ["ec2:CreateVpc", "iam:AttachRolePolicy", "eks:CreateCluster"] {
        fault(&emu, op, 4, "Throttling", 400, false);
    }
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(managed()));
    let stderr = &out.stderr;
    assert_eq!(out.code, 0, "{stderr}");
    assert_eq!(emu.pending_faults(), Vec::<Value>::new(), "every burst was met");
    let made = Inventory::owned(&emu, "demo");
    assert_eq!((made.count("vpcs"), made.count("eks clusters"), made.count("nodegroups")), (1, 1, 1));

    for op in ["iam:ListInstanceProfilesForRole", "eks:DeleteNodegroup"] {
        fault(&emu, op, 4, "Throttling", 400, false);
    }
    let out = delete(&emu);
    assert_eq!(out.code, 0, "{}", out.stderr);
    Inventory::owned(&emu, "demo").assert_empty(false);
}

/// One IAM role that cannot be deleted does not keep the delete from removing the others; the
/// run says which failed and exits non-zero, and a second delete finishes the job.
#[test]
fn a_delete_goes_on_past_one_resource_that_will_not_go() {
    let emu = Emulator::start();
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(managed()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let roles = Inventory::owned(&emu, "demo").count("iam roles");
    assert!(roles >= 2, "the cluster's and the nodes' roles: {roles}");

    fault(&emu, "iam:DeleteRole", 1, "AccessDenied", 403, false);
    fault(&emu, "ec2:DeleteSubnet", 1, "UnauthorizedOperation", 403, false);
    let out = delete(&emu);
    let stderr = &out.stderr;
    assert_ne!(out.code, 0, "{stderr}");
    assert!(stderr.contains("AccessDenied") && stderr.contains("UnauthorizedOperation"), "{stderr}");
    let left = Inventory::owned(&emu, "demo");
    assert_eq!(left.count("iam roles"), 1, "only the refused role is left: {left:?}");
    // The other subnets went; the VPC waits for the one that did not, and IAM was not held up.
    assert_eq!(left.count("subnets"), 1, "only the refused subnet is left: {left:?}");
    assert_eq!(left.count("vpcs"), 1, "{left:?}");

    let out = delete(&emu);
    assert_eq!(out.code, 0, "{}", out.stderr);
    Inventory::owned(&emu, "demo").assert_empty(false);
}

/// AWS commits a create and the answer is lost (a 500 after the work): the SDK sends it again.
/// Creates with an idempotency token get the first resource back; for those without one eksup
/// removes the copy and says so; names already taken by the lost attempt are recognised.
#[test]
fn a_create_whose_answer_was_lost_makes_no_duplicate() {
    let emu = Emulator::start();
    for op in [
        "ec2:CreateVpc",
        "ec2:AllocateAddress",
        "ec2:CreateInternetGateway",
        "ec2:CreateSubnet",
        "ec2:CreateSecurityGroup",
        "ec2:CreateNatGateway",
        "ec2:CreateRouteTable",
        "ec2:CreateLaunchTemplate",
        "iam:CreateRole",
        "eks:CreateCluster",
        "eks:CreateNodegroup",
        "eks:CreateAddon",
    ] {
        fault(&emu, op, 1, "InternalError", 500, true);
    }
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(managed()));
    let stderr = &out.stderr;
    assert_eq!(out.code, 0, "{stderr}");
    assert_eq!(emu.pending_faults(), Vec::<Value>::new(), "every lost answer was met");
    for copy in ["a copy of `vpc-", "a copy of `eipalloc-", "a copy of `igw-"] {
        assert!(stderr.contains(copy), "the removed copy is reported ({copy}):\n{stderr}");
    }
    let made = Inventory::owned(&emu, "demo");
    assert_eq!(made.count("vpcs"), 1, "{made:?}");
    assert_eq!(made.count("elastic ips"), 1, "{made:?}");
    assert_eq!(made.count("subnets"), 6, "{made:?}");
    assert_eq!((made.count("eks clusters"), made.count("nodegroups")), (1, 1), "{made:?}");
    let nats =
        emu.aws(&["ec2", "describe-nat-gateways", "--filter", "Name=tag:eksup.io/cluster,Values=demo"]);
    assert_eq!(nats["NatGateways"].as_array().map(Vec::len), Some(1), "{nats}");
    let igws =
        emu.aws(&["ec2", "describe-internet-gateways", "--filters", "Name=tag:eksup.io/cluster,Values=demo"]);
    assert_eq!(igws["InternetGateways"].as_array().map(Vec::len), Some(1), "{igws}");
    let templates =
        emu.aws(&["ec2", "describe-launch-templates", "--filters", "Name=tag:eksup.io/cluster,Values=demo"]);
    assert_eq!(templates["LaunchTemplates"].as_array().map(Vec::len), Some(1), "{templates}");

    let out = delete(&emu);
    assert_eq!(out.code, 0, "{}", out.stderr);
    Inventory::owned(&emu, "demo").assert_empty(false);
}

/// The same for the creates whose names are unique (instance profiles, OIDC providers, ECR
/// repositories, Auto Scaling groups) and the EKS parts of a cluster with every node kind: the
/// retry is refused as a duplicate, and eksup recognises what its lost attempt made.
#[test]
fn lost_answers_to_creates_of_unique_names_are_recognised() {
    let emu = Emulator::start();
    emu.create_platform_admins_role();
    for op in [
        "iam:CreateInstanceProfile",
        "iam:CreateOpenIDConnectProvider",
        "ecr:CreateRepository",
        "autoscaling:CreateAutoScalingGroup",
        "eks:CreateFargateProfile",
        "eks:CreateAccessEntry",
    ] {
        fault(&emu, op, 1, "InternalError", 500, true);
    }
    let config = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/mixed.yaml");
    let out = Run::of(emu.eksup().args(["create", "cluster", "-f"]).arg(&config));
    let stderr = &out.stderr;
    assert_eq!(out.code, 0, "{stderr}");
    assert_eq!(emu.pending_faults(), Vec::<Value>::new(), "every lost answer was met");
    let made = Inventory::owned(&emu, "mixed");
    assert_eq!(made.count("ecr repositories"), 1, "{made:?}");
    assert_eq!(made.count("fargate profiles"), 1, "{made:?}");
    let groups = emu.aws(&["autoscaling", "describe-auto-scaling-groups"]);
    let ours = groups["AutoScalingGroups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["Tags"].as_array().unwrap().iter().any(|t| t["Key"] == "eksup.io/cluster"))
        .count();
    assert_eq!(ours, 1, "the self-managed group once: {groups}");
    let providers = emu.aws(&["iam", "list-open-id-connect-providers"]);
    assert_eq!(providers["OpenIDConnectProviderList"].as_array().map(Vec::len), Some(1), "{providers}");

    let out =
        Run::of(emu.eksup().args(["delete", "cluster", "--yes", "--delete-repositories", "-f"]).arg(&config));
    assert_eq!(out.code, 0, "{}", out.stderr);
    Inventory::owned(&emu, "mixed").assert_empty(false);
}
