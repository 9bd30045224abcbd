//! Tests of the local AWS emulator itself (`tests/moto/eksup_moto*.py` + the Rust harness):
//! they prove that the extensions behave like AWS, driven through awscli.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::Emulator;

const ROLE: &str = "arn:aws:iam::123456789012:role/eks-cluster";

/// These tests probe EKS API shapes and states with a made-up role: the role checks that the
/// strict emulator applies to every create (`tests/moto/eksup_moto_strict.py`) are off here,
/// as that module's documented focused-test switch allows.
fn focused() -> crate::support::EmulatorBuilder {
    Emulator::builder().env("EKSUP_MOTO_EKS_ROLE_CHECKS", "0").env("MOTO_IAM_ROLE_PROPAGATION_SECONDS", "0")
}

/// A VPC with two subnets in two AZs (what EKS requires); returns (vpc, [subnets]).
fn network(emu: &Emulator) -> (String, Vec<String>) {
    let vpc = emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.0.0.0/16"])["Vpc"]["VpcId"]
        .as_str()
        .expect("create-vpc returns a VpcId")
        .to_string();
    let subnets = [("10.0.1.0/24", "us-west-2a"), ("10.0.2.0/24", "us-west-2b")]
        .iter()
        .map(|(cidr, az)| {
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
            out["Subnet"]["SubnetId"].as_str().expect("create-subnet returns a SubnetId").to_string()
        })
        .collect();
    (vpc, subnets)
}

/// `aws eks create-cluster` in that network; returns the `cluster` object of the response.
fn create_cluster(emu: &Emulator, name: &str, subnets: &[String], extra: &[&str]) -> Value {
    let vpc_config = format!("subnetIds={}", subnets.join(","));
    let mut args = vec!["eks", "create-cluster", "--name", name, "--role-arn", ROLE];
    args.extend(["--kubernetes-version", "1.31", "--resources-vpc-config", &vpc_config]);
    args.extend(extra);
    emu.aws(&args)["cluster"].clone()
}

/// Polls `f` until it returns `Some`, for at most `limit`.
fn poll<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(value) = f() {
            return value;
        }
        assert!(Instant::now() < deadline, "condition not reached within {limit:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn assert_error(result: Result<Value, String>, code: &str) -> String {
    match result {
        Ok(value) => panic!("expected {code}, got success: {value}"),
        Err(err) => {
            assert!(err.contains(&format!("({code})")), "expected {code}, got: {err}");
            err
        }
    }
}

#[test]
fn emulator_starts_and_answers_awscli() {
    let emu = focused().start();
    let vpcs = emu.aws(&["ec2", "describe-vpcs"]);
    let default = vpcs["Vpcs"].as_array().expect("Vpcs is an array");
    assert_eq!(default.len(), 1, "only the default VPC exists: {vpcs}");
    assert_eq!(default[0]["IsDefault"], true);
    assert!(emu.endpoint().starts_with("http://127.0.0.1:"));
    assert_eq!(emu.region(), "us-west-2");
    let identity = emu.aws(&["sts", "get-caller-identity"]);
    assert_eq!(identity["Account"], "123456789012");
}

#[test]
fn eksup_command_runs_with_the_emulator_environment() {
    let emu = focused().start();
    emu.eksup().arg("--version").assert().success();
    assert!(emu.home().is_dir());
}

#[test]
fn cluster_with_a_create_delay_is_creating_then_active() {
    let emu = focused().env("MOTO_EKS_CLUSTER_CREATE_SECONDS", "1.5").start();
    let (_, subnets) = network(&emu);
    let cluster = create_cluster(&emu, "delayed", &subnets, &[]);
    assert_eq!(cluster["status"], "CREATING");
    let waited = Instant::now();
    poll(Duration::from_secs(15), || {
        let status = emu.aws(&["eks", "describe-cluster", "--name", "delayed"])["cluster"]["status"].clone();
        (status == "ACTIVE").then_some(())
    });
    assert!(waited.elapsed() < Duration::from_secs(10));
}

#[test]
fn nodegroup_fargate_and_addon_are_refused_while_the_cluster_is_creating() {
    // Long delay: the cluster stays CREATING for the whole test.
    let emu = focused().env("MOTO_EKS_CLUSTER_CREATE_SECONDS", "600").start();
    let (_, subnets) = network(&emu);
    create_cluster(&emu, "busy", &subnets, &[]);
    let ng = emu.aws_result(&[
        "eks",
        "create-nodegroup",
        "--cluster-name",
        "busy",
        "--nodegroup-name",
        "ng",
        "--node-role",
        ROLE,
        "--subnets",
        &subnets[0],
    ]);
    assert!(assert_error(ng, "InvalidRequestException").contains("not in ACTIVE status"));
    let fargate = emu.aws_result(&[
        "eks",
        "create-fargate-profile",
        "--cluster-name",
        "busy",
        "--fargate-profile-name",
        "fp",
        "--pod-execution-role-arn",
        ROLE,
        "--selectors",
        "namespace=default",
    ]);
    assert_error(fargate, "InvalidRequestException");
    let addon = emu.aws_result(&["eks", "create-addon", "--cluster-name", "busy", "--addon-name", "vpc-cni"]);
    assert_error(addon, "InvalidRequestException");
}

#[test]
fn cluster_security_group_lives_and_dies_with_the_cluster() {
    let emu = focused().env("MOTO_EKS_CLUSTER_DELETE_SECONDS", "2").start();
    let (vpc, subnets) = network(&emu);
    let cluster = create_cluster(&emu, "sg", &subnets, &[]);
    let vpc_config = &cluster["resourcesVpcConfig"];
    assert_eq!(vpc_config["vpcId"], vpc.as_str());
    let sg =
        vpc_config["clusterSecurityGroupId"].as_str().expect("clusterSecurityGroupId is set").to_string();

    let groups = emu.aws(&["ec2", "describe-security-groups", "--group-ids", &sg])["SecurityGroups"].clone();
    let group = &groups[0];
    assert_eq!(group["VpcId"], vpc.as_str());
    assert!(group["GroupName"].as_str().is_some_and(|n| n.starts_with("eks-cluster-sg-sg-")), "{group}");
    let tags: Vec<(String, String)> = group["Tags"]
        .as_array()
        .expect("the cluster SG is tagged")
        .iter()
        .map(|t| {
            (
                t["Key"].as_str().unwrap_or_default().to_string(),
                t["Value"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(tags.contains(&("aws:eks:cluster-name".into(), "sg".into())), "{tags:?}");
    assert!(tags.contains(&("kubernetes.io/cluster/sg".into(), "owned".into())), "{tags:?}");

    // Certificate and endpoint look like AWS's: a real PEM, a per-cluster host name.
    let ca = cluster["certificateAuthority"]["data"].as_str().expect("CA data");
    assert!(
        ca.starts_with("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"),
        "base64 of -----BEGIN CERTIFICATE-----: {ca}"
    );
    // The endpoint is the cluster's own Kubernetes API stand-in on the loopback address.
    let endpoint = cluster["endpoint"].as_str().expect("endpoint");
    assert!(endpoint.starts_with("https://127.0.0.1:"), "{endpoint}");
    let other = create_cluster(&emu, "other", &subnets, &[]);
    assert_ne!(other["endpoint"], cluster["endpoint"]);
    assert_ne!(other["resourcesVpcConfig"]["clusterSecurityGroupId"], sg.as_str());

    let deleted = emu.aws(&["eks", "delete-cluster", "--name", "sg"]);
    assert_eq!(deleted["cluster"]["status"], "DELETING");
    assert_eq!(emu.aws(&["eks", "describe-cluster", "--name", "sg"])["cluster"]["status"], "DELETING");
    poll(Duration::from_secs(15), || emu.aws_result(&["eks", "describe-cluster", "--name", "sg"]).err());
    assert_error(emu.aws_result(&["eks", "describe-cluster", "--name", "sg"]), "ResourceNotFoundException");
    let gone = emu.aws_result(&["ec2", "describe-security-groups", "--group-ids", &sg]);
    assert_error(gone, "InvalidGroup.NotFound");
}

#[test]
fn cluster_with_nodegroups_or_fargate_profiles_cannot_be_deleted() {
    let emu = focused().start();
    let (_, subnets) = network(&emu);
    create_cluster(&emu, "deps", &subnets, &[]);
    let fp = emu.aws(&[
        "eks",
        "create-fargate-profile",
        "--cluster-name",
        "deps",
        "--fargate-profile-name",
        "fp",
        "--pod-execution-role-arn",
        ROLE,
        "--selectors",
        "namespace=default",
        "--subnets",
        &subnets[0],
    ]);
    assert_eq!(fp["fargateProfile"]["status"], "ACTIVE");
    assert_error(emu.aws_result(&["eks", "delete-cluster", "--name", "deps"]), "ResourceInUseException");
    let deleted =
        emu.aws(&["eks", "delete-fargate-profile", "--cluster-name", "deps", "--fargate-profile-name", "fp"]);
    assert_eq!(deleted["fargateProfile"]["status"], "DELETING");
    assert_eq!(emu.aws(&["eks", "delete-cluster", "--name", "deps"])["cluster"]["status"], "DELETING");
}

#[test]
fn list_nodegroups_of_an_unknown_cluster_is_not_found() {
    let emu = focused().start();
    let err = assert_error(
        emu.aws_result(&["eks", "list-nodegroups", "--cluster-name", "nope"]),
        "ResourceNotFoundException",
    );
    assert!(err.contains("nope"), "{err}");
    assert_error(
        emu.aws_result(&["eks", "list-fargate-profiles", "--cluster-name", "nope"]),
        "ResourceNotFoundException",
    );
}

#[test]
fn addons_behave_like_aws() {
    let emu = focused().env("MOTO_EKS_ADDON_CREATE_SECONDS", "1").start();
    let (_, subnets) = network(&emu);
    create_cluster(&emu, "addons", &subnets, &[]);

    let versions = emu.aws(&[
        "eks",
        "describe-addon-versions",
        "--kubernetes-version",
        "1.31",
        "--addon-name",
        "vpc-cni",
    ]);
    let vpc_cni = &versions["addons"][0];
    assert_eq!(vpc_cni["addonName"], "vpc-cni");
    let default: Vec<&str> = vpc_cni["addonVersions"]
        .as_array()
        .expect("addonVersions")
        .iter()
        .filter(|v| v["compatibilities"][0]["defaultVersion"] == true)
        .filter_map(|v| v["addonVersion"].as_str())
        .collect();
    assert_eq!(default.len(), 1, "exactly one default version: {versions}");
    let all = emu.aws(&["eks", "describe-addon-versions", "--kubernetes-version", "1.31"]);
    let names: Vec<&str> =
        all["addons"].as_array().expect("addons").iter().filter_map(|a| a["addonName"].as_str()).collect();
    for expected in
        ["coredns", "kube-proxy", "vpc-cni", "eks-pod-identity-agent", "aws-ebs-csi-driver", "metrics-server"]
    {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }

    let created =
        emu.aws(&["eks", "create-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"])["addon"]
            .clone();
    assert_eq!(created["status"], "CREATING");
    assert_eq!(created["addonVersion"], default[0]);
    poll(Duration::from_secs(15), || {
        let addon =
            emu.aws(&["eks", "describe-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"]);
        (addon["addon"]["status"] == "ACTIVE").then_some(())
    });

    let duplicate =
        emu.aws_result(&["eks", "create-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"]);
    assert_error(duplicate, "ResourceInUseException");
    let unknown_cluster =
        emu.aws_result(&["eks", "create-addon", "--cluster-name", "nope", "--addon-name", "vpc-cni"]);
    assert_error(unknown_cluster, "ResourceNotFoundException");
    let bad_version = emu.aws_result(&[
        "eks",
        "create-addon",
        "--cluster-name",
        "addons",
        "--addon-name",
        "coredns",
        "--addon-version",
        "v0.0.1",
    ]);
    assert_error(bad_version, "InvalidParameterException");

    assert_eq!(
        emu.aws(&["eks", "list-addons", "--cluster-name", "addons"])["addons"],
        serde_json::json!(["vpc-cni"])
    );
    let update = emu.aws(&[
        "eks",
        "update-addon",
        "--cluster-name",
        "addons",
        "--addon-name",
        "vpc-cni",
        "--addon-version",
        "v1.19.6-eksbuild.1",
    ]);
    assert_eq!(update["update"]["type"], "AddonUpdate");
    let described =
        emu.aws(&["eks", "describe-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"]);
    assert_eq!(described["addon"]["addonVersion"], "v1.19.6-eksbuild.1");

    let deleted = emu.aws(&["eks", "delete-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"]);
    assert_eq!(deleted["addon"]["status"], "DELETING");
    let missing =
        emu.aws_result(&["eks", "describe-addon", "--cluster-name", "addons", "--addon-name", "vpc-cni"]);
    assert_error(missing, "ResourceNotFoundException");
}

#[test]
fn access_entries_and_policy_associations_behave_like_aws() {
    let emu = focused().start();
    let (_, subnets) = network(&emu);
    emu.aws(&["iam", "create-role", "--role-name", "admin", "--assume-role-policy-document", "{}"]);
    let principal = "arn:aws:iam::123456789012:role/admin";

    // CONFIG_MAP-only clusters refuse the access-entry API.
    create_cluster(&emu, "cm", &subnets, &[]);
    let refused =
        emu.aws_result(&["eks", "create-access-entry", "--cluster-name", "cm", "--principal-arn", principal]);
    assert_error(refused, "InvalidRequestException");

    let cluster = create_cluster(&emu, "api", &subnets, &["--access-config", "authenticationMode=API"]);
    assert_eq!(cluster["accessConfig"]["authenticationMode"], "API");
    let entry = emu.aws(&[
        "eks",
        "create-access-entry",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
        "--kubernetes-groups",
        "ops",
    ])["accessEntry"]
        .clone();
    assert_eq!(entry["principalArn"], principal);
    assert_eq!(entry["type"], "STANDARD");
    assert_eq!(entry["kubernetesGroups"], serde_json::json!(["ops"]));
    let duplicate = emu.aws_result(&[
        "eks",
        "create-access-entry",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
    ]);
    assert_error(duplicate, "ResourceInUseException");
    let no_such_role = emu.aws_result(&[
        "eks",
        "create-access-entry",
        "--cluster-name",
        "api",
        "--principal-arn",
        "arn:aws:iam::123456789012:role/ghost",
    ]);
    assert_error(no_such_role, "InvalidParameterException");

    let policies = emu.aws(&["eks", "list-access-policies"])["accessPolicies"].clone();
    let admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    assert!(policies.as_array().expect("accessPolicies").iter().any(|p| p["arn"] == admin), "{policies}");
    let associated = emu.aws(&[
        "eks",
        "associate-access-policy",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
        "--policy-arn",
        admin,
        "--access-scope",
        "type=cluster",
    ]);
    assert_eq!(associated["associatedAccessPolicy"]["policyArn"], admin);
    assert_eq!(associated["associatedAccessPolicy"]["accessScope"]["type"], "cluster");
    let listed = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
    ]);
    assert_eq!(listed["associatedAccessPolicies"][0]["policyArn"], admin);
    let by_policy =
        emu.aws(&["eks", "list-access-entries", "--cluster-name", "api", "--associated-policy-arn", admin]);
    assert_eq!(by_policy["accessEntries"], serde_json::json!([principal]));

    emu.aws(&[
        "eks",
        "disassociate-access-policy",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
        "--policy-arn",
        admin,
    ]);
    let listed = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
    ]);
    assert_eq!(listed["associatedAccessPolicies"], serde_json::json!([]));
    let again = emu.aws_result(&[
        "eks",
        "disassociate-access-policy",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
        "--policy-arn",
        admin,
    ]);
    assert_error(again, "ResourceNotFoundException");

    let updated = emu.aws(&[
        "eks",
        "update-access-entry",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
        "--kubernetes-groups",
        "dev",
    ]);
    assert_eq!(updated["accessEntry"]["kubernetesGroups"], serde_json::json!(["dev"]));
    emu.aws(&["eks", "delete-access-entry", "--cluster-name", "api", "--principal-arn", principal]);
    let gone = emu.aws_result(&[
        "eks",
        "describe-access-entry",
        "--cluster-name",
        "api",
        "--principal-arn",
        principal,
    ]);
    assert_error(gone, "ResourceNotFoundException");
    assert_eq!(
        emu.aws(&["eks", "list-access-entries", "--cluster-name", "api"])["accessEntries"],
        serde_json::json!([])
    );
}

#[test]
fn eks_ami_parameters_resolve_to_images_that_exist() {
    let emu = focused().env("MOTO_ENABLE_AMI_VALIDATION", "true").start();
    let names = [
        "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id",
        "/aws/service/eks/optimized-ami/1.35/amazon-linux-2023/arm64/nvidia/recommended/image_id",
        "/aws/service/eks/optimized-ami/1.28/amazon-linux-2-gpu/recommended/image_id",
        "/aws/service/bottlerocket/aws-k8s-1.30-nvidia/x86_64/latest/image_id",
    ];
    let mut ids = Vec::new();
    for name in names {
        let param = emu.aws(&["ssm", "get-parameter", "--name", name])["Parameter"].clone();
        let id = param["Value"].as_str().expect("parameter value").to_string();
        assert!(id.starts_with("ami-"), "{name} -> {id}");
        let images = emu.aws(&["ec2", "describe-images", "--image-ids", &id])["Images"].clone();
        assert_eq!(images[0]["ImageId"], id.as_str(), "{name}: {images}");
        ids.push(id);
    }
    assert_eq!(
        emu.aws(&["ec2", "describe-images", "--image-ids", &ids[1]])["Images"][0]["Architecture"],
        "arm64"
    );
    ids.dedup();
    assert_eq!(ids.len(), names.len(), "distinct families have distinct AMIs");
    let missing = emu.aws_result(&[
        "ssm",
        "get-parameter",
        "--name",
        "/aws/service/eks/optimized-ami/1.27/amazon-linux-2/recommended/image_id",
    ]);
    assert_error(missing, "ParameterNotFound");

    // With AMI validation on, instances can be launched from the resolved AMI only.
    let run = emu.aws(&[
        "ec2",
        "run-instances",
        "--image-id",
        &ids[0],
        "--instance-type",
        "m5.large",
        "--count",
        "1",
    ]);
    assert_eq!(run["Instances"][0]["ImageId"], ids[0].as_str());
    let bogus =
        emu.aws_result(&["ec2", "run-instances", "--image-id", "ami-12345678901234567", "--count", "1"]);
    assert_error(bogus, "InvalidAMIID.NotFound");
}

#[test]
fn nat_gateway_is_pending_then_available() {
    let emu = focused().env("MOTO_NAT_CREATE_SECONDS", "1").env("MOTO_NAT_DELETE_SECONDS", "2").start();
    let (_, subnets) = network(&emu);
    let eip = emu.aws(&["ec2", "allocate-address", "--domain", "vpc"])["AllocationId"]
        .as_str()
        .expect("AllocationId")
        .to_string();
    let nat = emu.aws(&["ec2", "create-nat-gateway", "--subnet-id", &subnets[0], "--allocation-id", &eip])["NatGateway"].clone();
    assert_eq!(nat["State"], "pending");
    let id = nat["NatGatewayId"].as_str().expect("NatGatewayId").to_string();
    let state = || {
        emu.aws(&["ec2", "describe-nat-gateways", "--nat-gateway-ids", &id])["NatGateways"][0]["State"]
            .clone()
    };
    poll(Duration::from_secs(15), || (state() == "available").then_some(()));
    emu.aws(&["ec2", "delete-nat-gateway", "--nat-gateway-id", &id]);
    assert_eq!(state(), "deleting");
    poll(Duration::from_secs(15), || (state() == "deleted").then_some(()));
}

#[test]
fn injected_fault_fails_exactly_once_and_calls_are_counted() {
    let emu = focused().start();
    emu.aws(&["ec2", "describe-vpcs"]);
    emu.aws(&["eks", "list-clusters"]);
    emu.aws(&["eks", "list-clusters"]);
    let calls = emu.calls();
    assert_eq!(calls.get("ec2:DescribeVpcs"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("eks:ListClusters"), Some(&2), "{calls:?}");

    emu.reset_calls();
    emu.fail_next("eks:ListClusters", 1);
    let err = assert_error(emu.aws_result(&["eks", "list-clusters"]), "InternalFailure");
    assert!(err.contains("Injected fault"), "{err}");
    emu.aws(&["eks", "list-clusters"]);
    emu.fail_next_with("iam:ListRoles", 1, "AccessDenied");
    assert_error(emu.aws_result(&["iam", "list-roles"]), "AccessDenied");
    emu.fail_next("ssm:GetParameter", 1);
    assert_error(emu.aws_result(&["ssm", "get-parameter", "--name", "x"]), "InternalFailure");
    emu.fail_next("ec2:CreateVpc", 1);
    assert_error(emu.aws_result(&["ec2", "create-vpc", "--cidr-block", "10.1.0.0/16"]), "InternalFailure");

    // Non-retryable: each failure is exactly one request.
    let calls = emu.calls();
    assert_eq!(calls.get("eks:ListClusters"), Some(&2), "{calls:?}");
    assert_eq!(calls.get("iam:ListRoles"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("ssm:GetParameter"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("ec2:CreateVpc"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("ec2:DescribeVpcs"), None, "reset_calls forgot earlier calls: {calls:?}");
}

/// The injected errors use each protocol's wire format, so the Rust SDK parses the code and,
/// with its standard retry policy, does not retry them (exactly one request each).
#[tokio::test(flavor = "multi_thread")]
async fn rust_sdk_parses_injected_faults_per_protocol_without_retrying() {
    use aws_sdk_eks::error::ProvideErrorMetadata;

    let emu = focused().start();
    let config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(emu.endpoint())
        .region(aws_config::Region::new(emu.region().to_string()))
        .credentials_provider(aws_credential_types::Credentials::new(
            "testing",
            "testing",
            None,
            None,
            "emulator-test",
        ))
        .load()
        .await;
    for operation in [
        "eks:ListClusters",
        "ec2:DescribeVpcs",
        "iam:ListRoles",
        "ecr:DescribeRepositories",
        "ssm:GetParameter",
    ] {
        emu.fail_next_with(operation, 1, "AccessDeniedException");
    }
    let eks = aws_sdk_eks::Client::new(&config).list_clusters().send().await.expect_err("eks fault");
    let ec2 = aws_sdk_ec2::Client::new(&config).describe_vpcs().send().await.expect_err("ec2 fault");
    let iam = aws_sdk_iam::Client::new(&config).list_roles().send().await.expect_err("iam fault");
    let ecr = aws_sdk_ecr::Client::new(&config).describe_repositories().send().await.expect_err("ecr fault");
    let ssm =
        aws_sdk_ssm::Client::new(&config).get_parameter().name("x").send().await.expect_err("ssm fault");
    let codes = [eks.code(), ec2.code(), iam.code(), ecr.code(), ssm.code()];
    assert_eq!(codes, [Some("AccessDeniedException"); 5], "{eks:?} {ec2:?} {iam:?} {ecr:?} {ssm:?}");
    assert!(eks.message().is_some_and(|m| m.contains("Injected fault")), "{eks:?}");

    let calls = emu.calls();
    for operation in [
        "eks:ListClusters",
        "ec2:DescribeVpcs",
        "iam:ListRoles",
        "ecr:DescribeRepositories",
        "ssm:GetParameter",
    ] {
        assert_eq!(calls.get(operation), Some(&1), "{operation} was retried: {calls:?}");
    }
    // The faults are used up: the next calls succeed.
    aws_sdk_eks::Client::new(&config).list_clusters().send().await.expect("list-clusters after the fault");
}
