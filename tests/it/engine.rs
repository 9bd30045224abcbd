//! The provisioning engine against the emulator: `executor::run` with `cloud::AwsCloud` on a
//! hand-built plan, every resource checked with awscli, re-apply, delete (twice).

use std::cell::RefCell;
use std::collections::BTreeMap;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::Credentials;
use eksup::cloud::{AwsCloud, DeleteOptions};
use eksup::executor::{self, Action, Event, Outcome, Reporter, RunOptions};
use eksup::plan::{
    AccessPolicyAssoc, AmiSource, AutoScalingGroupSpec, ControlPlaneSpec, EcrRepositorySpec,
    FargateProfileSpec, FargateSelectorSpec, ImportedSubnet, LaunchTemplateSpec, ManagedNodegroupSpec, Plan,
    Resource, SgPeer, SgRule, Step, SubnetKind, Taint, Trust, UserDataSpec, Val, keys, tags,
};
use serde_json::Value;

use crate::support::{Emulator, Inventory};

const CLUSTER: &str = "engine-demo";
const AZS: [&str; 2] = ["us-west-2a", "us-west-2b"];

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime")
}

/// The SDK config for this emulator, set explicitly (not through the process environment).
async fn sdk(emu: &Emulator) -> SdkConfig {
    aws_config::defaults(BehaviorVersion::latest())
        .endpoint_url(emu.endpoint())
        .region(Region::new(emu.region().to_string()))
        .credentials_provider(Credentials::new("testing", "testing", None, None, "test"))
        .load()
        .await
}

/// Records events as lines.
#[derive(Default)]
struct Log(RefCell<Vec<String>>);

impl Reporter for Log {
    fn event(&self, event: &Event<'_>) {
        let line = match event {
            Event::StepStarted { step } => format!("start {}", step.id),
            Event::StepWaiting { step, status, .. } => format!("wait {} {status}", step.id),
            Event::StepWarning { step, message } => format!("warn {}: {message}", step.id),
            Event::StepFinished { step, action, .. } => format!("{} {}", action.label(), step.id),
            Event::StepFailed { step, error, .. } => format!("FAILED {}: {error:#}", step.id),
            Event::StepSkipped { step, because } => format!("skip {} ({because})", step.id),
        };
        self.0.borrow_mut().push(line);
    }
}

fn step(id: &str, resource: Resource, deps: &[&str]) -> Step {
    Step {
        id: id.to_string(),
        description: format!("{} `{id}`", resource.kind()),
        resource,
        depends_on: deps.iter().map(|d| (*d).to_string()).collect(),
    }
}

fn rule(direction: &str, protocol: &str, ports: (i32, i32), peer: SgPeer, description: &str) -> SgRule {
    SgRule {
        direction: direction.into(),
        protocol: protocol.into(),
        from_port: ports.0,
        to_port: ports.1,
        peer,
        description: description.into(),
    }
}

fn launch_template(name: &str, self_managed: bool) -> LaunchTemplateSpec {
    LaunchTemplateSpec {
        name: name.into(),
        instance_type: self_managed.then(|| "m5.large".to_string()),
        image: self_managed.then(|| {
            AmiSource::SsmParameter(
                "/aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id"
                    .into(),
            )
        }),
        volume_size: 80,
        volume_type: "gp3".into(),
        volume_iops: Some(3000),
        volume_throughput: Some(125),
        volume_encrypted: false,
        volume_kms_key_id: None,
        device_name: "/dev/xvda".into(),
        imds_v2_required: true,
        hop_limit: 2,
        key_name: None,
        security_groups: if self_managed {
            vec![Val::out("sg-shared-node", keys::ID), Val::out("control-plane", keys::CLUSTER_SG)]
        } else {
            vec![]
        },
        instance_profile_arn: self_managed.then(|| Val::out("instance-profile-ng-self", keys::ARN)),
        managed_user_data: None,
        user_data: self_managed.then(|| UserDataSpec {
            template: "al2023".into(),
            cluster_name: CLUSTER.into(),
            endpoint: Val::out("control-plane", keys::ENDPOINT),
            certificate_authority: Val::out("control-plane", keys::CA),
            service_cidr: Val::out("control-plane", keys::SERVICE_CIDR),
            labels: BTreeMap::from([("role".to_string(), "self".to_string())]),
            taints: vec![],
            max_pods: Some(58),
            pre_bootstrap_commands: vec!["echo pre-bootstrap".into()],
            override_bootstrap_command: None,
            settings: serde_json::Map::new(),
            container_runtime: None,
            cluster_dns: None,
            kubelet_extra: serde_json::Map::new(),
        }),
        instance_tags: BTreeMap::from([("Name".to_string(), format!("{CLUSTER}-{name}-Node"))]),
        instance: eksup::config::InstanceOptions::default(),
        root_from_image: false,
        efa_instance_types: vec![],
    }
}

/// A cluster with a new VPC (2 AZs, public + private subnets, one NAT), security groups, roles,
/// the control plane, OIDC, a managed nodegroup, a self-managed group (launch template + ASG +
/// access entry), a Fargate profile, an add-on and an ECR repository.
fn cluster_plan() -> Plan {
    let mut steps =
        vec![step("vpc", Resource::Vpc { cidr: "192.168.0.0/16".into(), ipv6: false, ipv6_pool: None }, &[])];
    let vpc = || Val::out("vpc", keys::ID);
    let mut public = Vec::new();
    let mut private = Vec::new();
    for (i, az) in AZS.iter().enumerate() {
        for (kind, label, base) in [(SubnetKind::Public, "public", 0), (SubnetKind::Private, "private", 64)] {
            let id = format!("subnet-{label}-{az}");
            let cidr = format!("192.168.{}.0/19", base + 32 * i);
            steps.push(step(
                &id,
                Resource::Subnet {
                    vpc: vpc(),
                    az: (*az).into(),
                    cidr,
                    kind,
                    ipv6: None,
                    hostname_type: None,
                },
                &["vpc"],
            ));
            if kind == SubnetKind::Public { public.push(id) } else { private.push(id) }
        }
    }
    let ids = |v: &[String]| v.iter().map(|s| Val::out(s, keys::ID)).collect::<Vec<_>>();
    fn refs(v: &[String]) -> Vec<&str> {
        v.iter().map(String::as_str).collect()
    }
    steps.push(step("internet-gateway", Resource::InternetGateway { vpc: vpc() }, &["vpc"]));
    steps.push(step("nat-ip", Resource::ElasticIp { az: AZS[0].into() }, &[]));
    let first_public = public[0].clone();
    steps.push(step(
        "nat-gateway",
        Resource::NatGateway {
            az: AZS[0].into(),
            subnet: Val::out(&first_public, keys::ID),
            allocation: Val::out("nat-ip", keys::ID),
        },
        &[first_public.as_str(), "nat-ip", "internet-gateway"],
    ));
    let mut deps = refs(&public);
    deps.extend(["vpc", "internet-gateway"]);
    steps.push(step(
        "route-table-public",
        Resource::RouteTable {
            ipv6_route: None,
            remote: None,
            vpc: vpc(),
            kind: SubnetKind::Public,
            az: None,
            default_route: Some(Val::out("internet-gateway", keys::ID)),
            subnets: ids(&public),
        },
        &deps,
    ));
    let mut deps = refs(&private);
    deps.extend(["vpc", "nat-gateway"]);
    steps.push(step(
        "route-table-private",
        Resource::RouteTable {
            ipv6_route: None,
            remote: None,
            vpc: vpc(),
            kind: SubnetKind::Private,
            az: None,
            default_route: Some(Val::out("nat-gateway", keys::ID)),
            subnets: ids(&private),
        },
        &deps,
    ));
    steps.push(step(
        "sg-control-plane",
        Resource::SecurityGroup {
            vpc: vpc(),
            group_name: format!("eksup-{CLUSTER}-control-plane"),
            description: "Communication between the control plane and worker nodegroups".into(),
            rules: vec![],
            kubernetes_owned: false,
        },
        &["vpc"],
    ));
    steps.push(step(
        "sg-shared-node",
        Resource::SecurityGroup {
            vpc: vpc(),
            group_name: format!("eksup-{CLUSTER}-shared-node"),
            description: "Communication between all nodes in the cluster".into(),
            rules: vec![rule("egress", "tcp", (443, 443), SgPeer::Cidr("0.0.0.0/0".into()), "https out")],
            kubernetes_owned: true,
        },
        &["vpc"],
    ));
    // Rules that reference groups (itself, the EKS-made cluster group) come once those exist.
    steps.push(step(
        "sg-shared-node-rules",
        Resource::SecurityGroupRules {
            group: Val::out("sg-shared-node", keys::ID),
            rules: vec![
                rule(
                    "ingress",
                    "-1",
                    (0, 65535),
                    SgPeer::Group(Val::out("sg-shared-node", keys::ID)),
                    "nodes to nodes",
                ),
                rule(
                    "ingress",
                    "-1",
                    (0, 65535),
                    SgPeer::Group(Val::out("control-plane", keys::CLUSTER_SG)),
                    "cluster to nodes",
                ),
            ],
        },
        &["sg-shared-node", "control-plane"],
    ));
    steps.push(step(
        "cluster-sg-rules",
        Resource::SecurityGroupRules {
            group: Val::out("control-plane", keys::CLUSTER_SG),
            rules: vec![rule(
                "ingress",
                "-1",
                (0, 65535),
                SgPeer::Group(Val::out("sg-shared-node", keys::ID)),
                "nodes to cluster",
            )],
        },
        &["sg-shared-node", "control-plane"],
    ));
    let role = |id: &str, name: &str, service: &str, policies: &[&str], condition: Option<Value>| {
        step(
            id,
            Resource::IamRole {
                role_name: name.into(),
                trust: Trust::Service { service: service.into(), condition },
                managed_policies: policies.iter().map(|p| (*p).to_string()).collect(),
                permissions_boundary: None,
                inline_policies: Default::default(),
                tags: Default::default(),
            },
            &[],
        )
    };
    steps.push(role(
        "role-cluster",
        &format!("eksup-{CLUSTER}-cluster"),
        "eks.amazonaws.com",
        &["AmazonEKSClusterPolicy", "AmazonEKSVPCResourceController"],
        None,
    ));
    let node_policies = [
        "AmazonEKSWorkerNodePolicy",
        "AmazonEC2ContainerRegistryReadOnly",
        "AmazonSSMManagedInstanceCore",
        "AmazonEKS_CNI_Policy",
    ];
    steps.push(role(
        "role-ng-managed",
        &format!("eksup-{CLUSTER}-ng-managed"),
        "ec2.amazonaws.com",
        &node_policies,
        None,
    ));
    steps.push(role(
        "role-ng-self",
        &format!("eksup-{CLUSTER}-ng-self"),
        "ec2.amazonaws.com",
        &node_policies,
        None,
    ));
    steps.push(role(
        "role-fargate",
        &format!("eksup-{CLUSTER}-fargate"),
        "eks-fargate-pods.amazonaws.com",
        &["AmazonEKSFargatePodExecutionRolePolicy"],
        Some(serde_json::json!({"ArnLike": {"aws:SourceArn": format!("arn:aws:eks:us-west-2:123456789012:fargateprofile/{CLUSTER}/*")}})),
    ));
    steps.push(role("role-admin", &format!("eksup-{CLUSTER}-admin"), "ec2.amazonaws.com", &[], None));
    steps.push(step(
        "instance-profile-ng-self",
        Resource::InstanceProfile {
            profile_name: format!("eksup-{CLUSTER}-ng-self"),
            role: Val::out("role-ng-self", keys::NAME),
        },
        &["role-ng-self"],
    ));
    let mut cp_subnets = ids(&public);
    cp_subnets.extend(ids(&private));
    let mut deps = refs(&public);
    deps.extend(refs(&private));
    deps.extend(["sg-control-plane", "role-cluster"]);
    steps.push(step(
        "control-plane",
        Resource::ControlPlane(Box::new(ControlPlaneSpec {
            version: "1.31".into(),
            role: Val::out("role-cluster", keys::ARN),
            subnets: cp_subnets,
            security_groups: vec![Val::out("sg-control-plane", keys::ID)],
            endpoint_public_access: true,
            endpoint_private_access: false,
            public_access_cidrs: vec!["0.0.0.0/0".into()],
            log_types: vec!["api".into(), "audit".into()],
            authentication_mode: "API_AND_CONFIG_MAP".into(),
            bootstrap_cluster_creator_admin_permissions: true,
            secrets_key_arn: None,
            service_ipv4_cidr: Some("10.100.0.0/16".into()),
            ip_family: "ipv4".into(),
            upgrade_support_type: None,
            zonal_shift: None,
            scaling_tier: None,
            auto_mode: None,
            remote_network: None,
            components: Default::default(),
            egress_mode: None,
            log_retention_days: None,
        })),
        &deps,
    ));
    steps.push(step(
        "oidc-provider",
        Resource::OidcProvider { issuer: Val::out("control-plane", keys::OIDC_ISSUER) },
        &["control-plane"],
    ));
    steps.push(step(
        "launch-template-ng-managed",
        Resource::LaunchTemplate(Box::new(launch_template(&format!("eksup-{CLUSTER}-ng-managed"), false))),
        &[],
    ));
    let mut deps = refs(&private);
    deps.extend([
        "control-plane",
        "role-ng-managed",
        "launch-template-ng-managed",
        "route-table-private",
        "addon-vpc-cni",
        "addon-kube-proxy",
    ]);
    steps.push(step(
        "nodegroup-ng-managed",
        Resource::ManagedNodegroup(Box::new(ManagedNodegroupSpec {
            nodegroup_name: "ng-managed".into(),
            node_role: Val::out("role-ng-managed", keys::ARN),
            subnets: ids(&private),
            min_size: 1,
            max_size: 3,
            desired_size: 2,
            instance_types: vec!["m5.large".into()],
            ami_type: "AL2023_x86_64_STANDARD".into(),
            capacity_type: "ON_DEMAND".into(),
            labels: BTreeMap::from([("alpha.eksup.io/nodegroup-name".to_string(), "ng-managed".to_string())]),
            taints: vec![Taint { key: "dedicated".into(), value: "web".into(), effect: "NoSchedule".into() }],
            launch_template: Val::out("launch-template-ng-managed", keys::ID),
            launch_template_version: None,
            release_version: None,
            max_unavailable: Some(1),
            max_unavailable_percentage: None,
            node_repair: None,
            asg_tags: BTreeMap::new(),
            suspend_processes: None,
        })),
        &deps,
    ));
    steps.push(step(
        "launch-template-ng-self",
        Resource::LaunchTemplate(Box::new(launch_template(&format!("eksup-{CLUSTER}-ng-self"), true))),
        &["control-plane", "sg-shared-node", "instance-profile-ng-self"],
    ));
    steps.push(step(
        "access-entry-ng-self",
        Resource::AccessEntry {
            principal: Val::out("role-ng-self", keys::ARN),
            entry_type: "EC2_LINUX".into(),
            kubernetes_groups: vec![],
            username: None,
            policies: vec![],
        },
        &["control-plane", "role-ng-self"],
    ));
    steps.push(step(
        "access-entry-admin",
        Resource::AccessEntry {
            principal: Val::out("role-admin", keys::ARN),
            entry_type: "STANDARD".into(),
            kubernetes_groups: vec![],
            username: None,
            policies: vec![AccessPolicyAssoc {
                policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy".into(),
                scope: "cluster".into(),
                namespaces: vec![],
            }],
        },
        &["control-plane", "role-admin"],
    ));
    let mut deps = refs(&public);
    deps.extend(["launch-template-ng-self", "access-entry-ng-self"]);
    steps.push(step(
        "nodegroup-ng-self",
        Resource::AutoScalingGroup(Box::new(AutoScalingGroupSpec {
            group_name: format!("eksup-{CLUSTER}-ng-self"),
            launch_template: Val::out("launch-template-ng-self", keys::ID),
            subnets: ids(&public),
            min_size: 1,
            max_size: 2,
            desired_capacity: Some(1),
            target_group_arns: vec![],
            load_balancer_names: vec![],
            max_instance_lifetime: None,
            metrics_collection: vec![],
            distribution: None,
            tags: BTreeMap::from([("eksup.io/nodegroup".to_string(), "ng-self".to_string())]),
            suspend_processes: None,
        })),
        &deps,
    ));
    let mut deps = refs(&private);
    deps.extend(["control-plane", "role-fargate"]);
    steps.push(step(
        "fargate-fp-default",
        Resource::FargateProfile(Box::new(FargateProfileSpec {
            profile_name: "fp-default".into(),
            pod_execution_role: Val::out("role-fargate", keys::ARN),
            subnets: ids(&private),
            selectors: vec![FargateSelectorSpec {
                namespace: "serverless".into(),
                labels: BTreeMap::from([("run".to_string(), "fargate".to_string())]),
            }],
            tags: BTreeMap::new(),
        })),
        &deps,
    ));
    // Nodes turn Ready only with the networking add-ons.
    for addon in ["vpc-cni", "kube-proxy"] {
        steps.push(step(
            &format!("addon-{addon}"),
            Resource::Addon {
                addon_name: addon.into(),
                version: None,
                configuration_values: None,
                service_account_role_arn: None,
                pod_identities: Vec::new(),
                resolve_conflicts: Some("OVERWRITE".into()),
                namespace: None,
                offer: eksup::plan::AddonOffer::default(),
                wait: true,
            },
            &["control-plane"],
        ));
    }
    steps.push(step(
        "ecr-app",
        Resource::EcrRepository(Box::new(EcrRepositorySpec {
            repository_name: format!("{CLUSTER}/app"),
            image_tag_mutability: "IMMUTABLE".into(),
            scan_on_push: true,
            encryption_type: "AES256".into(),
            kms_key: None,
            lifecycle_policy: Some(
                r#"{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}"#.into(),
            ),
            repository_policy: None,
            tags: BTreeMap::from([("app".to_string(), "demo".to_string())]),
        })),
        &[],
    ));
    Plan {
        cluster: CLUSTER.into(),
        region: "us-west-2".into(),
        tags: BTreeMap::from([
            (tags::CLUSTER.to_string(), CLUSTER.to_string()),
            (tags::MANAGED_BY.to_string(), "eksup".to_string()),
            ("team".to_string(), "platform".to_string()),
        ]),
        steps,
    }
}

fn apply(rt: &tokio::runtime::Runtime, cloud: &AwsCloud, plan: &Plan, log: &Log) -> Outcome {
    rt.block_on(executor::run(plan, cloud, log, RunOptions::default())).expect("the plan's graph is valid")
}

fn assert_success(out: &Outcome, log: &Log) {
    assert!(
        out.is_success(),
        "the run failed: {:?}\nevents:\n{}",
        out.failed.iter().map(|(id, e)| format!("{id}: {e:#}")).collect::<Vec<_>>(),
        log.0.borrow().join("\n")
    );
}

fn tag(value: &Value, key: &str) -> Option<String> {
    value["Tags"]
        .as_array()?
        .iter()
        .find(|t| t["Key"] == key)
        .and_then(|t| t["Value"].as_str())
        .map(str::to_string)
}

fn tag_filter() -> String {
    format!("Name=tag:{},Values={CLUSTER}", tags::CLUSTER)
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_else(|| panic!("not a string: {v}")).to_string()
}

#[test]
fn a_full_cluster_is_created_checked_reapplied_and_deleted() {
    let emu = Emulator::start();
    let rt = runtime();
    let cloud = AwsCloud::new(&rt.block_on(sdk(&emu)));
    let plan = cluster_plan();

    // Create.
    let log = Log::default();
    let out = apply(&rt, &cloud, &plan, &log);
    assert_success(&out, &log);
    assert_eq!(out.count(Action::Created), plan.steps.len(), "events:\n{}", log.0.borrow().join("\n"));

    // VPC: tags, DNS attributes.
    let vpcs = emu.aws(&["ec2", "describe-vpcs", "--filters", &tag_filter()]);
    let vpcs = vpcs["Vpcs"].as_array().unwrap();
    assert_eq!(vpcs.len(), 1);
    let vpc = &vpcs[0];
    let vpc_id = s(&vpc["VpcId"]);
    assert_eq!(vpc["CidrBlock"], "192.168.0.0/16");
    assert_eq!(tag(vpc, tags::RESOURCE).as_deref(), Some("vpc"));
    assert_eq!(tag(vpc, "team").as_deref(), Some("platform"));
    assert_eq!(tag(vpc, "Name"), Some(format!("{CLUSTER}/vpc")));
    for attr in ["enableDnsSupport", "enableDnsHostnames"] {
        let a = emu.aws(&["ec2", "describe-vpc-attribute", "--vpc-id", &vpc_id, "--attribute", attr]);
        let key = format!("{}{}", attr[..1].to_uppercase(), &attr[1..]);
        assert_eq!(a[&key]["Value"], true, "{attr}");
    }

    // Subnets: 2 public (elb role, public IPs), 2 private (internal-elb role).
    let subnets = emu.aws(&["ec2", "describe-subnets", "--filters", &tag_filter()]);
    let subnets = subnets["Subnets"].as_array().unwrap();
    assert_eq!(subnets.len(), 4);
    for sn in subnets {
        let public = tag(sn, tags::RESOURCE).unwrap().starts_with("subnet-public");
        assert_eq!(sn["VpcId"], vpc_id.as_str());
        assert_eq!(sn["MapPublicIpOnLaunch"], public);
        let role = if public { "kubernetes.io/role/elb" } else { "kubernetes.io/role/internal-elb" };
        assert_eq!(tag(sn, role).as_deref(), Some("1"));
        assert_eq!(tag(sn, &format!("kubernetes.io/cluster/{CLUSTER}")).as_deref(), Some("owned"));
    }

    // Internet gateway attached; NAT available in the first public subnet; routes.
    let igws = emu.aws(&["ec2", "describe-internet-gateways", "--filters", &tag_filter()]);
    let igw = &igws["InternetGateways"][0];
    assert_eq!(igw["Attachments"][0]["VpcId"], vpc_id.as_str());
    let nat_id = out.outputs["nat-gateway"][keys::ID].clone();
    let nats = emu.aws(&["ec2", "describe-nat-gateways", "--nat-gateway-ids", &nat_id]);
    assert_eq!(nats["NatGateways"][0]["State"], "available");
    assert_eq!(
        nats["NatGateways"][0]["SubnetId"],
        out.outputs["subnet-public-us-west-2a"][keys::ID].as_str()
    );
    let tables = emu.aws(&["ec2", "describe-route-tables", "--filters", &tag_filter()]);
    let tables = tables["RouteTables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    for t in tables {
        let public = tag(t, tags::RESOURCE).as_deref() == Some("route-table-public");
        let default = t["Routes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["DestinationCidrBlock"] == "0.0.0.0/0")
            .unwrap();
        if public {
            assert_eq!(default["GatewayId"], igw["InternetGatewayId"]);
        } else {
            assert_eq!(default["NatGatewayId"], nat_id.as_str());
        }
        assert_eq!(
            t["Associations"].as_array().unwrap().iter().filter(|a| a["SubnetId"].is_string()).count(),
            2
        );
    }

    // Security groups and their rules, including those on the EKS-made cluster security group.
    let shared = out.outputs["sg-shared-node"][keys::ID].clone();
    let cluster_sg = out.outputs["control-plane"][keys::CLUSTER_SG].clone();
    let rules = emu.aws(&[
        "ec2",
        "describe-security-group-rules",
        "--filters",
        &format!("Name=group-id,Values={shared}"),
    ]);
    let peers: Vec<String> = rules["SecurityGroupRules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["IsEgress"] == false)
        .filter_map(|r| r["ReferencedGroupInfo"]["GroupId"].as_str().map(str::to_string))
        .collect();
    assert!(peers.contains(&shared) && peers.contains(&cluster_sg), "{peers:?}");
    let rules = emu.aws(&[
        "ec2",
        "describe-security-group-rules",
        "--filters",
        &format!("Name=group-id,Values={cluster_sg}"),
    ]);
    assert!(
        rules["SecurityGroupRules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["ReferencedGroupInfo"]["GroupId"] == shared.as_str())
    );

    // IAM roles with trust and policies; instance profile.
    let role = emu.aws(&["iam", "get-role", "--role-name", &format!("eksup-{CLUSTER}-cluster")]);
    assert_eq!(tag(&role["Role"], tags::CLUSTER).as_deref(), Some(CLUSTER));
    let attached =
        emu.aws(&["iam", "list-attached-role-policies", "--role-name", &format!("eksup-{CLUSTER}-cluster")]);
    let names: Vec<&str> = attached["AttachedPolicies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["PolicyName"].as_str())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"AmazonEKSClusterPolicy"));
    let profile = emu.aws(&[
        "iam",
        "get-instance-profile",
        "--instance-profile-name",
        &format!("eksup-{CLUSTER}-ng-self"),
    ]);
    assert_eq!(
        profile["InstanceProfile"]["Roles"][0]["RoleName"],
        format!("eksup-{CLUSTER}-ng-self").as_str()
    );

    // The control plane.
    let cluster = &emu.aws(&["eks", "describe-cluster", "--name", CLUSTER])["cluster"];
    assert_eq!(cluster["status"], "ACTIVE");
    assert_eq!(cluster["version"], "1.31");
    assert_eq!(cluster["roleArn"], out.outputs["role-cluster"][keys::ARN].as_str());
    assert_eq!(cluster["tags"][tags::CLUSTER], CLUSTER);
    assert_eq!(cluster["tags"][tags::RESOURCE], "control-plane");
    assert_eq!(cluster["resourcesVpcConfig"]["subnetIds"].as_array().unwrap().len(), 4);
    assert_eq!(cluster["accessConfig"]["authenticationMode"], "API_AND_CONFIG_MAP");
    assert!(out.outputs["control-plane"][keys::ENDPOINT].starts_with("https://"));

    // OIDC provider.
    let providers = emu.aws(&["iam", "list-open-id-connect-providers"]);
    let arn = s(&providers["OpenIDConnectProviderList"][0]["Arn"]);
    let provider = emu.aws(&["iam", "get-open-id-connect-provider", "--open-id-connect-provider-arn", &arn]);
    assert_eq!(provider["ClientIDList"][0], "sts.amazonaws.com");
    assert_eq!(provider["ThumbprintList"][0], eksup::cloud::OIDC_ROOT_CA_THUMBPRINT);

    // Launch templates: IMDSv2, gp3, user data with the NodeConfig.
    let versions = emu.aws(&[
        "ec2",
        "describe-launch-template-versions",
        "--launch-template-name",
        &format!("eksup-{CLUSTER}-ng-self"),
    ]);
    let data = &versions["LaunchTemplateVersions"][0]["LaunchTemplateData"];
    assert_eq!(data["MetadataOptions"]["HttpTokens"], "required");
    assert_eq!(data["MetadataOptions"]["HttpPutResponseHopLimit"], 2);
    let ebs = &data["BlockDeviceMappings"][0]["Ebs"];
    assert_eq!(ebs["VolumeType"], "gp3");
    assert_eq!(ebs["Iops"], 3000);
    assert_eq!(ebs["Throughput"], 125);
    assert!(s(&data["ImageId"]).starts_with("ami-"));
    use base64::Engine as _;
    let user_data = base64::engine::general_purpose::STANDARD.decode(s(&data["UserData"])).unwrap();
    let user_data = String::from_utf8(user_data).unwrap();
    assert!(user_data.contains("kind: NodeConfig"));
    assert!(user_data.contains(&format!("name: {CLUSTER}")));
    assert!(user_data.contains("echo pre-bootstrap"));
    assert!(
        user_data.contains(&format!("apiServerEndpoint: {}", out.outputs["control-plane"][keys::ENDPOINT]))
    );

    // Managed nodegroup.
    let ng =
        &emu.aws(&["eks", "describe-nodegroup", "--cluster-name", CLUSTER, "--nodegroup-name", "ng-managed"])
            ["nodegroup"];
    assert_eq!(ng["status"], "ACTIVE");
    assert_eq!(ng["scalingConfig"]["minSize"], 1);
    assert_eq!(ng["scalingConfig"]["desiredSize"], 2);
    assert_eq!(ng["scalingConfig"]["maxSize"], 3);
    assert_eq!(ng["taints"][0]["effect"], "NO_SCHEDULE");
    assert_eq!(ng["launchTemplate"]["id"], out.outputs["launch-template-ng-managed"][keys::ID].as_str());
    assert_eq!(ng["tags"][tags::CLUSTER], CLUSTER);

    // Self-managed group: tags propagated, launch template `$Latest`.
    let groups = emu.aws(&[
        "autoscaling",
        "describe-auto-scaling-groups",
        "--auto-scaling-group-names",
        &format!("eksup-{CLUSTER}-ng-self"),
    ]);
    let group = &groups["AutoScalingGroups"][0];
    assert_eq!(group["LaunchTemplate"]["Version"], "$Latest");
    assert_eq!(group["MinSize"], 1);
    let owned = group["Tags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["Key"] == format!("kubernetes.io/cluster/{CLUSTER}"))
        .unwrap();
    assert_eq!(owned["Value"], "owned");
    assert_eq!(owned["PropagateAtLaunch"], true);

    // Fargate profile, add-on, access entries, ECR repository.
    let fp = &emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        CLUSTER,
        "--fargate-profile-name",
        "fp-default",
    ])["fargateProfile"];
    assert_eq!(fp["status"], "ACTIVE");
    assert_eq!(fp["selectors"][0]["namespace"], "serverless");
    let addon =
        &emu.aws(&["eks", "describe-addon", "--cluster-name", CLUSTER, "--addon-name", "vpc-cni"])["addon"];
    assert_eq!(addon["status"], "ACTIVE");
    let principal = out.outputs["role-ng-self"][keys::ARN].clone();
    let entry =
        &emu.aws(&["eks", "describe-access-entry", "--cluster-name", CLUSTER, "--principal-arn", &principal])
            ["accessEntry"];
    assert_eq!(entry["type"], "EC2_LINUX");
    let assoc = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        CLUSTER,
        "--principal-arn",
        &format!("arn:aws:iam::123456789012:role/eksup-{CLUSTER}-admin"),
    ]);
    assert_eq!(assoc["associatedAccessPolicies"].as_array().unwrap().len(), 1);
    let repo = &emu.aws(&["ecr", "describe-repositories", "--repository-names", &format!("{CLUSTER}/app")])["repositories"]
        [0];
    assert_eq!(repo["imageTagMutability"], "IMMUTABLE");
    assert_eq!(repo["imageScanningConfiguration"]["scanOnPush"], true);

    // Re-apply: everything exists, nothing is created.
    emu.reset_calls();
    let log = Log::default();
    let again = apply(&rt, &cloud, &plan, &log);
    assert_success(&again, &log);
    let not_existed: Vec<_> = again.finished.iter().filter(|(_, a)| *a != Action::Existed).collect();
    assert!(
        not_existed.is_empty(),
        "expected all `Existed`, got {not_existed:?}\n{}",
        log.0.borrow().join("\n")
    );
    let creates: Vec<_> = emu
        .calls()
        .into_iter()
        .filter(|(op, _)| {
            let op = op.split(':').nth(1).unwrap_or_default();
            ["Create", "Allocate", "Run", "Attach", "Associate", "Authorize", "Put", "Set", "Add"]
                .iter()
                .any(|p| op.starts_with(p))
        })
        .collect();
    assert!(creates.is_empty(), "a re-run changed things: {creates:?}");
    assert_eq!(again.outputs["vpc"], out.outputs["vpc"]);

    // Delete: nothing eksup made is left, except the ECR repository (kept by default).
    let log = Log::default();
    let report = rt.block_on(cloud.delete_cluster(CLUSTER, &DeleteOptions::default(), &log)).unwrap();
    assert!(report.is_complete(), "delete failed: {:?}\n{}", report.failed, log.0.borrow().join("\n"));
    assert!(report.cluster_found);
    assert_eq!(report.kept.len(), 1);
    let kinds: Vec<&str> = report.removed.iter().map(|r| r.kind).collect();
    for kind in [
        "fargate-profile",
        "nodegroup",
        "auto-scaling-group",
        "control-plane",
        "vpc",
        "iam-role",
        "instance-profile",
        "launch-template",
        "oidc-provider",
        "nat-gateway",
        "elastic-ip",
    ] {
        let kind = if kind == "control-plane" { "cluster" } else { kind };
        assert!(kinds.contains(&kind), "no `{kind}` removed: {kinds:?}");
    }
    assert_nothing_left(&emu, true);

    // Delete again: succeeds and removes nothing; with `delete_repositories` the repository goes.
    let log = Log::default();
    let options = DeleteOptions { delete_repositories: true, ..DeleteOptions::default() };
    let report = rt.block_on(cloud.delete_cluster(CLUSTER, &options, &log)).unwrap();
    assert!(report.is_complete(), "{:?}", report.failed);
    assert!(!report.cluster_found);
    let kinds: Vec<&str> = report.removed.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec!["ecr-repository"]);
    assert_nothing_left(&emu, false);
    let log = Log::default();
    let report = rt.block_on(cloud.delete_cluster(CLUSTER, &options, &log)).unwrap();
    assert!(report.is_complete() && report.removed.is_empty(), "{:?}", report.removed);
}

/// No resource of any type eksup makes is left for the cluster (the emulator holds no other);
/// the ECR repository is kept, and the only one, when `repository_kept`.
#[track_caller]
fn assert_nothing_left(emu: &Emulator, repository_kept: bool) {
    let left = Inventory::sole(emu, CLUSTER);
    left.assert_empty(repository_kept);
    assert_eq!(left.count("ecr repositories"), usize::from(repository_kept), "ECR repositories: {left:?}");
}

#[test]
fn an_existing_vpc_is_checked_and_never_deleted() {
    let emu = Emulator::start();
    let rt = runtime();
    let cloud = AwsCloud::new(&rt.block_on(sdk(&emu)));
    let vpc = s(&emu.aws(&["ec2", "create-vpc", "--cidr-block", "10.0.0.0/16"])["Vpc"]["VpcId"]);
    let mut subnets = Vec::new();
    for (cidr, az) in [("10.0.1.0/24", "us-west-2a"), ("10.0.2.0/24", "us-west-2b")] {
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
        subnets.push(s(&out["Subnet"]["SubnetId"]));
    }
    let imported = |vpc_id: &str, second_az: &str| Plan {
        cluster: CLUSTER.into(),
        region: "us-west-2".into(),
        tags: BTreeMap::new(),
        steps: vec![step(
            "existing-vpc",
            Resource::ImportVpc {
                vpc_id: vpc_id.into(),
                subnets: vec![
                    ImportedSubnet {
                        key: "subnet-private-a".into(),
                        id: Some(subnets[0].clone()),
                        az: Some("us-west-2a".into()),
                        cidr: None,
                        kind: SubnetKind::Private,
                    },
                    ImportedSubnet {
                        key: "subnet-private-b".into(),
                        id: None,
                        az: Some(second_az.into()),
                        cidr: Some("10.0.2.0/24".into()),
                        kind: SubnetKind::Private,
                    },
                ],
                ipv6: false,
            },
            &[],
        )],
    };
    let log = Log::default();
    let out = apply(&rt, &cloud, &imported("", "us-west-2b"), &log);
    assert_success(&out, &log);
    assert_eq!(out.finished, vec![("existing-vpc".to_string(), Action::Existed)]);
    assert_eq!(out.outputs["existing-vpc"][keys::ID], vpc);
    assert_eq!(out.outputs["existing-vpc"]["subnet-private-a"], subnets[0]);
    assert_eq!(out.outputs["existing-vpc"]["subnet-private-b"], subnets[1]);

    // A zone that does not match is an error naming the subnet.
    let log = Log::default();
    let out = apply(&rt, &cloud, &imported(&vpc, "us-west-2c"), &log);
    assert_eq!(out.failed.len(), 1);
    let message = format!("{:#}", out.failed[0].1);
    assert!(
        message.contains(&format!("subnet `{}` is in zone `us-west-2b`, not `us-west-2c`", subnets[1])),
        "{message}"
    );

    // Delete finds nothing of eksup's and leaves the VPC alone.
    let report =
        rt.block_on(cloud.delete_cluster(CLUSTER, &DeleteOptions::default(), &Log::default())).unwrap();
    assert!(report.is_complete() && report.removed.is_empty(), "{:?}", report.removed);
    emu.aws(&["ec2", "describe-vpcs", "--vpc-ids", &vpc]);
    assert_eq!(
        emu.aws(&["ec2", "describe-subnets", "--subnet-ids", &subnets[0], &subnets[1]])["Subnets"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_failed_step_skips_its_dependents_and_a_rerun_resumes() {
    let emu = Emulator::builder().env("MOTO_EKS_CLUSTER_CREATE_SECONDS", "2").start();
    let rt = runtime();
    let cloud = AwsCloud::new(&rt.block_on(sdk(&emu)));
    let plan = cluster_plan();
    emu.fail_next("eks:CreateNodegroup", 1);
    let log = Log::default();
    let out = apply(&rt, &cloud, &plan, &log);
    assert_eq!(out.failed.len(), 1, "{}", log.0.borrow().join("\n"));
    assert_eq!(out.failed[0].0, "nodegroup-ng-managed");
    assert!(
        format!("{:#}", out.failed[0].1)
            .contains("failed to create managed-nodegroup `nodegroup-ng-managed`")
    );
    // The control plane waited (CREATING for 2 s) and reported it.
    assert!(
        log.0.borrow().iter().any(|l| l == "wait control-plane CREATING"),
        "{}",
        log.0.borrow().join("\n")
    );

    let log = Log::default();
    let again = apply(&rt, &cloud, &plan, &log);
    assert_success(&again, &log);
    let created: Vec<&str> =
        again.finished.iter().filter(|(_, a)| *a == Action::Created).map(|(id, _)| id.as_str()).collect();
    assert!(created.contains(&"nodegroup-ng-managed"), "{created:?}");
    assert!(!created.contains(&"vpc") && !created.contains(&"control-plane"), "{created:?}");
    assert_eq!(
        emu.aws(&["ec2", "describe-vpcs", "--filters", &tag_filter()])["Vpcs"].as_array().unwrap().len(),
        1
    );

    let report =
        rt.block_on(cloud.delete_cluster(CLUSTER, &DeleteOptions::default(), &Log::default())).unwrap();
    assert!(report.is_complete(), "{:?}", report.failed);
    assert_nothing_left(&emu, true);
}

#[test]
fn get_and_scale_helpers() {
    let emu = Emulator::start();
    let rt = runtime();
    let cloud = AwsCloud::new(&rt.block_on(sdk(&emu)));
    let log = Log::default();
    let out = apply(&rt, &cloud, &cluster_plan(), &log);
    assert_success(&out, &log);

    assert_eq!(rt.block_on(cloud.list_clusters()).unwrap(), vec![CLUSTER.to_string()]);
    let info = rt.block_on(cloud.describe_cluster(CLUSTER)).unwrap().unwrap();
    assert!(info.created_by_eksup);
    assert_eq!(info.status, "ACTIVE");
    assert!(rt.block_on(cloud.describe_cluster("nope")).unwrap().is_none());
    let groups = rt.block_on(cloud.list_nodegroups(CLUSTER)).unwrap();
    let names: Vec<(&str, eksup::cloud::NodegroupKind)> =
        groups.iter().map(|g| (g.name.as_str(), g.kind)).collect();
    assert_eq!(
        names,
        vec![
            ("ng-managed", eksup::cloud::NodegroupKind::Managed),
            ("ng-self", eksup::cloud::NodegroupKind::SelfManaged)
        ]
    );

    rt.block_on(cloud.scale_nodegroup(CLUSTER, "ng-managed", 0, 1, 5)).unwrap();
    let ng =
        &emu.aws(&["eks", "describe-nodegroup", "--cluster-name", CLUSTER, "--nodegroup-name", "ng-managed"])
            ["nodegroup"];
    assert_eq!(ng["scalingConfig"]["maxSize"], 5);
    rt.block_on(cloud.scale_nodegroup(CLUSTER, "ng-self", 2, 2, 4)).unwrap();
    let group = &emu.aws(&[
        "autoscaling",
        "describe-auto-scaling-groups",
        "--auto-scaling-group-names",
        &format!("eksup-{CLUSTER}-ng-self"),
    ])["AutoScalingGroups"][0];
    assert_eq!(group["DesiredCapacity"], 2);
    assert!(rt.block_on(cloud.scale_nodegroup(CLUSTER, "missing", 1, 1, 1)).is_err());

    let cancel = executor::Cancel::new();
    assert!(rt.block_on(cloud.delete_nodegroup(CLUSTER, "ng-self", false, &log, &cancel)).unwrap());
    assert!(!rt.block_on(cloud.delete_nodegroup(CLUSTER, "ng-self", false, &log, &cancel)).unwrap());
    assert!(rt.block_on(cloud.delete_nodegroup(CLUSTER, "ng-managed", false, &log, &cancel)).unwrap());
    assert!(rt.block_on(cloud.list_nodegroups(CLUSTER)).unwrap().is_empty());
}

/// The lead's plan builder and the engine together: each example config is created, re-applied
/// (all `Existed`) and deleted on the emulator.
#[test]
fn example_plans_apply_reapply_and_delete() {
    let emu = Emulator::start();
    let rt = runtime();
    let cloud = AwsCloud::new(&rt.block_on(sdk(&emu)));
    // The access entry of `mixed` names a role the user owns.
    emu.create_platform_admins_role();
    let zones: Vec<String> =
        ["us-west-2a", "us-west-2b", "us-west-2c"].iter().map(|z| (*z).to_string()).collect();
    for example in ["managed", "self-managed", "fargate", "mixed", "private-ha"] {
        let path = format!("{}/examples/{example}.yaml", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap();
        let parsed = eksup::config::parse(&source, &path).unwrap_or_else(|d| panic!("{example}: {d:?}"));
        let loaded = eksup::config::finish(parsed, &zones, Some("us-west-2"))
            .unwrap_or_else(|d| panic!("{example}: {d:?}"));
        let plan = eksup::plan::build(
            &loaded,
            &eksup::plan::PlanOptions { write_kubeconfig: false, wait_nodes: true, account_id: None },
        );
        let log = Log::default();
        let out = apply(&rt, &cloud, &plan, &log);
        assert_success(&out, &log);
        let log = Log::default();
        let again = apply(&rt, &cloud, &plan, &log);
        assert_success(&again, &log);
        let changed: Vec<_> = again.finished.iter().filter(|(_, a)| *a != Action::Existed).collect();
        assert!(changed.is_empty(), "{example}: re-run changed {changed:?}\n{}", log.0.borrow().join("\n"));
        let log = Log::default();
        let report = rt
            .block_on(cloud.delete_cluster(
                &plan.cluster,
                &DeleteOptions { delete_repositories: true, ..DeleteOptions::default() },
                &log,
            ))
            .unwrap();
        assert!(report.is_complete(), "{example}: {:?}\n{}", report.failed, log.0.borrow().join("\n"));
        let left = Inventory::sole(&emu, &plan.cluster);
        assert!(left.left(false).is_empty(), "{example}: left behind after delete: {left:?}");
    }
}
