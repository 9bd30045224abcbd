//! Read-back checks: every resource of an example, its settings and its tags, with awscli.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine as _;
use serde_json::Value;

use crate::support::Emulator;
use crate::support::inventory::{str_of, tags_of};

/// The ownership tags: `eksup.io/cluster=<cluster>` and `eksup.io/resource=<step>`.
#[track_caller]
pub fn assert_owned(v: &Value, cluster: &str, step: &str) {
    let tags = tags_of(v);
    assert_eq!(tags.get("eksup.io/cluster").map(String::as_str), Some(cluster), "cluster tag of {v}");
    assert_eq!(tags.get("eksup.io/resource").map(String::as_str), Some(step), "resource tag of {v}");
    assert_eq!(
        tags.get("app.kubernetes.io/managed-by").map(String::as_str),
        Some("eksup"),
        "managed-by tag of {v}"
    );
}

fn set(v: &Value) -> BTreeSet<String> {
    v.as_array().map(|a| a.iter().map(str_of).collect()).unwrap_or_default()
}

fn strings(list: &[String]) -> BTreeSet<String> {
    list.iter().cloned().collect()
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map_or(&[], Vec::as_slice)
}

/// The expected network of an example.
pub struct NetSpec {
    pub cidr: String,
    pub zones: Vec<String>,
    pub highly_available: bool,
    /// Subnet CIDRs by zone.
    pub public_cidrs: Vec<String>,
    pub private_cidrs: Vec<String>,
}

impl NetSpec {
    /// Three zones `<region>a..c`, a /16 carved in /19s: three public, then three private.
    pub fn three_zones(cidr: &str, region: &str, highly_available: bool) -> NetSpec {
        let prefix: Vec<&str> = cidr.split('.').take(2).collect();
        let block = |i: u32| format!("{}.{}.{}.0/19", prefix[0], prefix[1], i * 32);
        NetSpec {
            cidr: cidr.to_string(),
            zones: ["a", "b", "c"].iter().map(|z| format!("{region}{z}")).collect(),
            highly_available,
            public_cidrs: (0..3).map(block).collect(),
            private_cidrs: (3..6).map(block).collect(),
        }
    }
}

/// Ids found by [`network`]; subnets in zone order.
pub struct Net {
    pub vpc: String,
    pub public: Vec<String>,
    pub private: Vec<String>,
}

impl Net {
    pub fn all_subnets(&self) -> Vec<String> {
        self.public.iter().chain(&self.private).cloned().collect()
    }
}

fn tagged<'a>(list: &'a [Value], cluster: &str) -> Vec<&'a Value> {
    list.iter().filter(|v| tags_of(v).get("eksup.io/cluster").map(String::as_str) == Some(cluster)).collect()
}

/// VPC, subnets, internet gateway, EIPs + NAT gateways, route tables, security groups.
pub fn network(emu: &Emulator, cluster: &str, spec: &NetSpec) -> Net {
    // VPC.
    let vpcs = emu.aws(&["ec2", "describe-vpcs"]);
    let vpcs = tagged(arr(&vpcs["Vpcs"]), cluster);
    assert_eq!(vpcs.len(), 1, "one VPC for `{cluster}`: {vpcs:?}");
    let vpc = vpcs[0];
    let vpc_id = str_of(&vpc["VpcId"]);
    assert_eq!(vpc["CidrBlock"], spec.cidr.as_str());
    assert_owned(vpc, cluster, "vpc");
    for (attr, key) in
        [("enableDnsSupport", "EnableDnsSupport"), ("enableDnsHostnames", "EnableDnsHostnames")]
    {
        let a = emu.aws(&["ec2", "describe-vpc-attribute", "--vpc-id", &vpc_id, "--attribute", attr]);
        assert_eq!(a[key]["Value"], true, "{attr} of the VPC: {a}");
    }

    // Subnets.
    let filter = format!("Name=vpc-id,Values={vpc_id}");
    let subnets = emu.aws(&["ec2", "describe-subnets", "--filters", &filter]);
    let subnets = arr(&subnets["Subnets"]);
    assert_eq!(subnets.len(), spec.zones.len() * 2, "subnets of the VPC: {subnets:?}");
    let mut public = Vec::new();
    let mut private = Vec::new();
    for (kind, cidrs, out) in
        [("public", &spec.public_cidrs, &mut public), ("private", &spec.private_cidrs, &mut private)]
    {
        for (zone, cidr) in spec.zones.iter().zip(cidrs) {
            let s = subnets
                .iter()
                .find(|s| s["CidrBlock"] == cidr.as_str())
                .unwrap_or_else(|| panic!("no subnet `{cidr}`: {subnets:?}"));
            assert_eq!(s["AvailabilityZone"], zone.as_str(), "zone of {kind} subnet {cidr}");
            assert_owned(s, cluster, &format!("subnet-{kind}-{zone}"));
            let tags = tags_of(s);
            if kind == "public" {
                assert_eq!(tags.get("kubernetes.io/role/elb").map(String::as_str), Some("1"), "{s}");
                assert_eq!(s["MapPublicIpOnLaunch"], true, "public subnets map public IPs: {s}");
            } else {
                assert_eq!(tags.get("kubernetes.io/role/internal-elb").map(String::as_str), Some("1"), "{s}");
                assert_eq!(s["MapPublicIpOnLaunch"], false, "{s}");
                assert!(!tags.contains_key("kubernetes.io/role/elb"), "{s}");
            }
            out.push(str_of(&s["SubnetId"]));
        }
    }

    // Internet gateway.
    let igws = emu.aws(&[
        "ec2",
        "describe-internet-gateways",
        "--filters",
        &format!("Name=attachment.vpc-id,Values={vpc_id}"),
    ]);
    let igws = arr(&igws["InternetGateways"]);
    assert_eq!(igws.len(), 1, "one attached internet gateway: {igws:?}");
    let igw = str_of(&igws[0]["InternetGatewayId"]);
    assert_eq!(igws[0]["Attachments"][0]["State"], "available", "{:?}", igws[0]);
    assert_owned(&igws[0], cluster, "internet-gateway");

    // NAT gateways and their EIPs (moto ignores tag filters on NATs: filter by VPC).
    let nats = emu.aws(&["ec2", "describe-nat-gateways", "--filter", &filter]);
    let nats: Vec<&Value> = arr(&nats["NatGateways"]).iter().filter(|n| n["State"] != "deleted").collect();
    let expected_nats = if spec.highly_available { spec.zones.len() } else { 1 };
    assert_eq!(nats.len(), expected_nats, "NAT gateways: {nats:?}");
    let mut nat_by_zone: BTreeMap<String, String> = BTreeMap::new();
    let addresses = emu.aws(&["ec2", "describe-addresses"]);
    for nat in &nats {
        assert_eq!(nat["State"], "available", "{nat}");
        let subnet = str_of(&nat["SubnetId"]);
        let zone_idx = public
            .iter()
            .position(|p| *p == subnet)
            .unwrap_or_else(|| panic!("NAT not in a public subnet: {nat}"));
        let zone = &spec.zones[zone_idx];
        let suffix = if spec.highly_available { format!("-{zone}") } else { String::new() };
        assert_owned(nat, cluster, &format!("nat-gateway{suffix}"));
        let alloc = str_of(&nat["NatGatewayAddresses"][0]["AllocationId"]);
        let eip = arr(&addresses["Addresses"])
            .iter()
            .find(|a| a["AllocationId"] == alloc.as_str())
            .unwrap_or_else(|| panic!("no EIP `{alloc}` for {nat}"));
        assert_eq!(eip["Domain"], "vpc", "{eip}");
        assert_owned(eip, cluster, &format!("elastic-ip{suffix}"));
        nat_by_zone.insert(zone.clone(), str_of(&nat["NatGatewayId"]));
    }
    if !spec.highly_available {
        assert!(
            nat_by_zone.contains_key(&spec.zones[0]),
            "the single NAT is in the first zone: {nat_by_zone:?}"
        );
    }
    let eips = tagged(arr(&addresses["Addresses"]), cluster);
    assert_eq!(eips.len(), expected_nats, "one EIP per NAT gateway: {eips:?}");

    // Route tables.
    let rts = emu.aws(&["ec2", "describe-route-tables", "--filters", &filter]);
    let rts: Vec<&Value> = arr(&rts["RouteTables"])
        .iter()
        .filter(|rt| !arr(&rt["Associations"]).iter().any(|a| a["Main"] == true))
        .collect();
    assert_eq!(rts.len(), 1 + spec.zones.len(), "public + one private route table per zone: {rts:?}");
    let default_route = |rt: &Value| -> Value {
        arr(&rt["Routes"])
            .iter()
            .find(|r| r["DestinationCidrBlock"] == "0.0.0.0/0")
            .cloned()
            .unwrap_or(Value::Null)
    };
    let associated = |rt: &Value| -> BTreeSet<String> {
        arr(&rt["Associations"]).iter().map(|a| str_of(&a["SubnetId"])).collect()
    };
    let public_rt = rts
        .iter()
        .find(|rt| tags_of(rt).get("eksup.io/resource").map(String::as_str) == Some("route-table-public"))
        .unwrap_or_else(|| panic!("no public route table: {rts:?}"));
    assert_owned(public_rt, cluster, "route-table-public");
    assert_eq!(
        default_route(public_rt)["GatewayId"],
        igw.as_str(),
        "public 0.0.0.0/0 via the IGW: {public_rt}"
    );
    assert_eq!(associated(public_rt), strings(&public), "public associations");
    for (i, zone) in spec.zones.iter().enumerate() {
        let step = format!("route-table-private-{zone}");
        let rt = rts
            .iter()
            .find(|rt| tags_of(rt).get("eksup.io/resource") == Some(&step))
            .unwrap_or_else(|| panic!("no `{step}`: {rts:?}"));
        assert_owned(rt, cluster, &step);
        let nat = nat_by_zone.get(zone).or_else(|| nat_by_zone.values().next()).unwrap();
        assert_eq!(default_route(rt)["NatGatewayId"], nat.as_str(), "private 0.0.0.0/0 via the NAT: {rt}");
        assert_eq!(associated(rt), strings(&private[i..=i]), "associations of {step}");
    }

    // Security groups of the cluster.
    let sgs = emu.aws(&["ec2", "describe-security-groups", "--filters", &filter]);
    for (name, step) in [
        (format!("eksup-{cluster}-control-plane"), "security-group-control-plane"),
        (format!("eksup-{cluster}-shared-nodes"), "security-group-shared-nodes"),
    ] {
        let sg = arr(&sgs["SecurityGroups"])
            .iter()
            .find(|g| g["GroupName"] == name.as_str())
            .unwrap_or_else(|| panic!("no security group `{name}`: {sgs}"));
        assert_owned(sg, cluster, step);
    }
    Net { vpc: vpc_id, public, private }
}

/// A security group of the cluster by name.
pub fn security_group(emu: &Emulator, name: &str) -> Value {
    let sgs =
        emu.aws(&["ec2", "describe-security-groups", "--filters", &format!("Name=group-name,Values={name}")]);
    let list = arr(&sgs["SecurityGroups"]);
    assert_eq!(list.len(), 1, "one security group `{name}`: {sgs}");
    list[0].clone()
}

/// A role: trust principal, managed policies (a superset of `policies`), tags.
pub fn role(
    emu: &Emulator,
    cluster: &str,
    name: &str,
    step: &str,
    service: &str,
    policies: &[&str],
) -> String {
    let r = emu.aws(&["iam", "get-role", "--role-name", name]);
    let role = &r["Role"];
    let statement = &role["AssumeRolePolicyDocument"]["Statement"][0];
    assert_eq!(statement["Principal"]["Service"], service, "trust of `{name}`: {role}");
    assert_eq!(statement["Effect"], "Allow");
    assert_owned(role, cluster, step);
    let attached = emu.aws(&["iam", "list-attached-role-policies", "--role-name", name]);
    let arns: BTreeSet<String> =
        arr(&attached["AttachedPolicies"]).iter().map(|p| str_of(&p["PolicyArn"])).collect();
    for p in policies {
        let arn = format!("arn:aws:iam::aws:policy/{p}");
        assert!(arns.contains(&arn), "`{name}` lacks {arn}: {arns:?}");
    }
    str_of(&role["Arn"])
}

pub fn cluster_role(emu: &Emulator, cluster: &str) -> String {
    role(
        emu,
        cluster,
        &format!("eksup-{cluster}-cluster"),
        "iam-role-cluster",
        "eks.amazonaws.com",
        &["AmazonEKSClusterPolicy", "AmazonEKSVPCResourceController"],
    )
}

/// Control plane settings that differ between the examples.
pub struct CpSpec {
    pub public_access_cidrs: &'static [&'static str],
    pub private_access: bool,
    pub log_types: &'static [&'static str],
}

impl Default for CpSpec {
    fn default() -> Self {
        CpSpec { public_access_cidrs: &["0.0.0.0/0"], private_access: false, log_types: &[] }
    }
}

pub fn control_plane(emu: &Emulator, cluster: &str, spec: &CpSpec, subnets: &[String]) -> Value {
    let c = emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"].clone();
    assert_eq!(c["status"], "ACTIVE", "{c}");
    assert_eq!(c["version"], "1.34", "{c}");
    let role_arn = cluster_role(emu, cluster);
    assert_eq!(c["roleArn"], role_arn.as_str(), "{c}");
    let vpc = &c["resourcesVpcConfig"];
    assert_eq!(set(&vpc["subnetIds"]), strings(subnets), "cluster subnets: {c}");
    let cp_sg = security_group(emu, &format!("eksup-{cluster}-control-plane"));
    assert_eq!(set(&vpc["securityGroupIds"]), strings(&[str_of(&cp_sg["GroupId"])]), "{c}");
    assert_eq!(vpc["endpointPublicAccess"], true, "{c}");
    assert_eq!(vpc["endpointPrivateAccess"], spec.private_access, "{c}");
    let cidrs: Vec<String> = spec.public_access_cidrs.iter().map(|s| (*s).to_string()).collect();
    assert_eq!(set(&vpc["publicAccessCidrs"]), strings(&cidrs), "{c}");
    let enabled: BTreeSet<String> = arr(&c["logging"]["clusterLogging"])
        .iter()
        .filter(|l| l["enabled"] == true)
        .flat_map(|l| set(&l["types"]))
        .collect();
    let want: Vec<String> = spec.log_types.iter().map(|s| (*s).to_string()).collect();
    assert_eq!(enabled, strings(&want), "enabled log types: {c}");
    assert_owned(&c, cluster, "control-plane");
    // The EKS cluster security group gets the shared-node rule.
    let cluster_sg = str_of(&vpc["clusterSecurityGroupId"]);
    let shared = security_group(emu, &format!("eksup-{cluster}-shared-nodes"));
    let shared_id = str_of(&shared["GroupId"]);
    let peers: BTreeSet<String> = arr(&shared["IpPermissions"])
        .iter()
        .flat_map(|p| arr(&p["UserIdGroupPairs"]).iter().map(|g| str_of(&g["GroupId"])))
        .collect();
    assert!(peers.contains(&shared_id) && peers.contains(&cluster_sg), "shared node group rules: {shared}");
    c
}

/// A managed node group's expected settings.
pub struct NgSpec {
    pub name: &'static str,
    /// (min, desired, max)
    pub sizes: (i64, i64, i64),
    pub instance_types: &'static [&'static str],
    pub capacity: &'static str,
    pub subnets: Vec<String>,
}

const NODE_POLICIES: &[&str] =
    &["AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryPullOnly", "AmazonSSMManagedInstanceCore"];

/// The launch template data of `eksup-<cluster>-<ng>` (latest version), after its tag check.
fn launch_template(emu: &Emulator, cluster: &str, ng: &str, volume: i64) -> Value {
    let name = format!("eksup-{cluster}-{ng}");
    let lts = emu.aws(&["ec2", "describe-launch-templates", "--launch-template-names", &name]);
    assert_owned(&lts["LaunchTemplates"][0], cluster, &format!("launch-template-{ng}"));
    let v = emu.aws(&["ec2", "describe-launch-template-versions", "--launch-template-name", &name]);
    let data = v["LaunchTemplateVersions"][0]["LaunchTemplateData"].clone();
    let md = &data["MetadataOptions"];
    assert_eq!(md["HttpTokens"], "required", "IMDSv2 required: {md}");
    assert_eq!(md["HttpPutResponseHopLimit"], 2, "hop limit: {md}");
    let ebs = &data["BlockDeviceMappings"][0]["Ebs"];
    assert_eq!(data["BlockDeviceMappings"][0]["DeviceName"], "/dev/xvda");
    assert_eq!(ebs["VolumeType"], "gp3", "{ebs}");
    assert_eq!(ebs["VolumeSize"], volume, "{ebs}");
    assert_eq!(ebs["Iops"], 3000, "{ebs}");
    assert_eq!(ebs["Throughput"], 125, "{ebs}");
    data
}

pub fn managed_nodegroup(emu: &Emulator, cluster: &str, spec: &NgSpec) {
    let name = spec.name;
    let ng = emu.aws(&["eks", "describe-nodegroup", "--cluster-name", cluster, "--nodegroup-name", name]);
    let ng = &ng["nodegroup"];
    assert_eq!(ng["status"], "ACTIVE", "{ng}");
    let sc = &ng["scalingConfig"];
    assert_eq!(
        (sc["minSize"].as_i64(), sc["desiredSize"].as_i64(), sc["maxSize"].as_i64()),
        (Some(spec.sizes.0), Some(spec.sizes.1), Some(spec.sizes.2)),
        "scaling of `{name}`: {ng}"
    );
    let types: Vec<String> = spec.instance_types.iter().map(|s| (*s).to_string()).collect();
    assert_eq!(ng["instanceTypes"], serde_json::json!(types), "{ng}");
    assert_eq!(ng["amiType"], "AL2023_x86_64_STANDARD", "{ng}");
    assert_eq!(ng["capacityType"], spec.capacity, "{ng}");
    assert_eq!(set(&ng["subnets"]), strings(&spec.subnets), "subnets of `{name}`: {ng}");
    assert_eq!(ng["labels"]["alpha.eksctl.io/nodegroup-name"], name, "{ng}");
    assert_eq!(ng["labels"]["alpha.eksctl.io/cluster-name"], cluster, "{ng}");
    assert_eq!(arr(&ng["taints"]).len(), 0, "{ng}");
    assert_eq!(ng["launchTemplate"]["name"], format!("eksup-{cluster}-{name}").as_str(), "{ng}");
    assert_owned(ng, cluster, &format!("nodegroup-{name}"));
    let role_arn = role(
        emu,
        cluster,
        &format!("eksup-{cluster}-{name}-node"),
        &format!("iam-role-{name}"),
        "ec2.amazonaws.com",
        NODE_POLICIES,
    );
    assert_eq!(ng["nodeRole"], role_arn.as_str(), "{ng}");
    let data = launch_template(emu, cluster, name, 80);
    assert!(data.get("ImageId").is_none(), "managed groups let EKS choose the AMI: {data}");
}

/// A self-managed group: ASG, launch template (AMI, user data, profile, groups), instance
/// profile, node role, node security group, EC2_LINUX access entry.
pub fn self_managed_nodegroup(
    emu: &Emulator,
    cluster: &str,
    ng: &str,
    sizes: (i64, i64, i64),
    volume: i64,
    subnets: &[String],
    vpc: &str,
) {
    let asg_name = format!("eksup-{cluster}-{ng}");
    let asgs =
        emu.aws(&["autoscaling", "describe-auto-scaling-groups", "--auto-scaling-group-names", &asg_name]);
    let asg = &asgs["AutoScalingGroups"][0];
    assert_eq!(
        (asg["MinSize"].as_i64(), asg["DesiredCapacity"].as_i64(), asg["MaxSize"].as_i64()),
        (Some(sizes.0), Some(sizes.1), Some(sizes.2)),
        "sizes of `{asg_name}`: {asg}"
    );
    let zone_ids: BTreeSet<String> =
        str_of(&asg["VPCZoneIdentifier"]).split(',').map(str::to_string).collect();
    assert_eq!(zone_ids, strings(subnets), "ASG subnets: {asg}");
    assert_eq!(asg["LaunchTemplate"]["LaunchTemplateName"], asg_name.as_str(), "{asg}");
    assert_owned(asg, cluster, &format!("auto-scaling-group-{ng}"));
    assert_eq!(
        tags_of(asg).get(&format!("kubernetes.io/cluster/{cluster}")).map(String::as_str),
        Some("owned"),
        "{asg}"
    );

    let role_name = format!("eksup-{cluster}-{ng}-node");
    let role_arn =
        role(emu, cluster, &role_name, &format!("iam-role-{ng}"), "ec2.amazonaws.com", NODE_POLICIES);
    let profile = emu.aws(&["iam", "get-instance-profile", "--instance-profile-name", &asg_name]);
    let profile = &profile["InstanceProfile"];
    assert_eq!(profile["Roles"][0]["RoleName"], role_name.as_str(), "{profile}");
    assert_owned(profile, cluster, &format!("instance-profile-{ng}"));

    let data = launch_template(emu, cluster, ng, volume);
    assert_eq!(data["IamInstanceProfile"]["Arn"], profile["Arn"], "{data}");
    assert_eq!(data["InstanceType"], "m5.large", "{data}");
    assert!(str_of(&data["ImageId"]).starts_with("ami-"), "an AMI from SSM: {data}");
    let node_sg = security_group(emu, &format!("eksup-{cluster}-{ng}-nodes"));
    assert_eq!(node_sg["VpcId"], vpc, "{node_sg}");
    assert_owned(&node_sg, cluster, &format!("security-group-{ng}"));
    let shared = security_group(emu, &format!("eksup-{cluster}-shared-nodes"));
    assert_eq!(
        set(&data["SecurityGroupIds"]),
        strings(&[str_of(&node_sg["GroupId"]), str_of(&shared["GroupId"])]),
        "{data}"
    );
    let cp_sg = str_of(&security_group(emu, &format!("eksup-{cluster}-control-plane"))["GroupId"]);
    let from_cp: BTreeSet<(i64, i64)> = arr(&node_sg["IpPermissions"])
        .iter()
        .filter(|p| arr(&p["UserIdGroupPairs"]).iter().any(|g| g["GroupId"] == cp_sg.as_str()))
        .map(|p| (p["FromPort"].as_i64().unwrap_or(-1), p["ToPort"].as_i64().unwrap_or(-1)))
        .collect();
    assert_eq!(
        from_cp,
        [(443, 443), (1025, 65535)].into_iter().collect(),
        "node ingress from the control plane: {node_sg}"
    );
    let user_data = base64::engine::general_purpose::STANDARD
        .decode(str_of(&data["UserData"]))
        .expect("user data is base64");
    let user_data = String::from_utf8_lossy(&user_data);
    let endpoint = str_of(&emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["endpoint"]);
    assert!(
        user_data.contains(&endpoint) && user_data.contains(cluster),
        "user data joins the cluster:\n{user_data}"
    );
    if ng == "workers" {
        for needle in ["role=worker", "dedicated=batch:NoSchedule"] {
            assert!(user_data.contains(needle), "user data lacks `{needle}`:\n{user_data}");
        }
    }

    let entry =
        emu.aws(&["eks", "describe-access-entry", "--cluster-name", cluster, "--principal-arn", &role_arn]);
    assert_eq!(entry["accessEntry"]["type"], "EC2_LINUX", "{entry}");
    assert_owned(&entry["accessEntry"], cluster, &format!("access-entry-nodes-{ng}"));
}

pub fn fargate_profile(
    emu: &Emulator,
    cluster: &str,
    name: &str,
    selectors: &[(&str, &[(&str, &str)])],
    private: &[String],
) {
    let fp = emu.aws(&[
        "eks",
        "describe-fargate-profile",
        "--cluster-name",
        cluster,
        "--fargate-profile-name",
        name,
    ]);
    let fp = &fp["fargateProfile"];
    assert_eq!(fp["status"], "ACTIVE", "{fp}");
    assert_eq!(set(&fp["subnets"]), strings(private), "Fargate runs in the private subnets: {fp}");
    let want: Vec<Value> = selectors
        .iter()
        .map(|(ns, labels)| {
            let labels: serde_json::Map<String, Value> =
                labels.iter().map(|(k, v)| ((*k).to_string(), Value::from(*v))).collect();
            serde_json::json!({"namespace": ns, "labels": labels})
        })
        .collect();
    let got: Vec<Value> = arr(&fp["selectors"])
        .iter()
        .map(|s| serde_json::json!({"namespace": s["namespace"], "labels": s.get("labels").cloned().unwrap_or(serde_json::json!({}))}))
        .collect();
    assert_eq!(got, want, "selectors of `{name}`");
    assert_owned(fp, cluster, &format!("fargate-profile-{name}"));
    let role_arn = role(
        emu,
        cluster,
        &format!("eksup-{cluster}-fargate"),
        "iam-role-fargate",
        "eks-fargate-pods.amazonaws.com",
        &["AmazonEKSFargatePodExecutionRolePolicy"],
    );
    assert_eq!(fp["podExecutionRoleArn"], role_arn.as_str(), "{fp}");
}

pub fn oidc_provider(emu: &Emulator, cluster: &str) {
    let issuer = str_of(
        &emu.aws(&["eks", "describe-cluster", "--name", cluster])["cluster"]["identity"]["oidc"]["issuer"],
    );
    let list = emu.aws(&["iam", "list-open-id-connect-providers"]);
    let providers = arr(&list["OpenIDConnectProviderList"]);
    assert_eq!(providers.len(), 1, "{list}");
    let arn = str_of(&providers[0]["Arn"]);
    assert!(arn.ends_with(issuer.trim_start_matches("https://")), "{arn} vs {issuer}");
    let p = emu.aws(&["iam", "get-open-id-connect-provider", "--open-id-connect-provider-arn", &arn]);
    assert!(set(&p["ClientIDList"]).contains("sts.amazonaws.com"), "{p}");
    assert_owned(&p, cluster, "oidc-provider");
}

pub fn addons(emu: &Emulator, cluster: &str, names: &[&str]) {
    let list = emu.aws(&["eks", "list-addons", "--cluster-name", cluster]);
    let want: Vec<String> = names.iter().map(|s| (*s).to_string()).collect();
    assert_eq!(set(&list["addons"]), strings(&want), "{list}");
    for n in names {
        let a = emu.aws(&["eks", "describe-addon", "--cluster-name", cluster, "--addon-name", n]);
        assert_eq!(a["addon"]["status"], "ACTIVE", "{a}");
        assert_owned(&a["addon"], cluster, &format!("addon-{n}"));
    }
}

pub fn admin_access_entry(emu: &Emulator, cluster: &str, principal: &str) {
    let e =
        emu.aws(&["eks", "describe-access-entry", "--cluster-name", cluster, "--principal-arn", principal]);
    assert_eq!(e["accessEntry"]["type"], "STANDARD", "{e}");
    assert_owned(&e["accessEntry"], cluster, "access-entry-platform-admins");
    let p = emu.aws(&[
        "eks",
        "list-associated-access-policies",
        "--cluster-name",
        cluster,
        "--principal-arn",
        principal,
    ]);
    let policies = arr(&p["associatedAccessPolicies"]);
    assert_eq!(policies.len(), 1, "{p}");
    assert_eq!(
        policies[0]["policyArn"], "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
        "{p}"
    );
    assert_eq!(policies[0]["accessScope"]["type"], "cluster", "{p}");
}

pub fn ecr_repository(emu: &Emulator, cluster: &str, name: &str) {
    let r = emu.aws(&["ecr", "describe-repositories", "--repository-names", name]);
    let repo = &r["repositories"][0];
    assert_eq!(repo["imageTagMutability"], "IMMUTABLE", "{repo}");
    assert_eq!(repo["imageScanningConfiguration"]["scanOnPush"], true, "{repo}");
    let tags = emu.aws(&["ecr", "list-tags-for-resource", "--resource-arn", &str_of(&repo["repositoryArn"])]);
    assert_owned(&tags, cluster, &format!("ecr-repository-{}", name.replace('/', "-")));
    let lp = emu.aws(&["ecr", "get-lifecycle-policy", "--repository-name", name]);
    let doc: Value =
        serde_json::from_str(&str_of(&lp["lifecyclePolicyText"])).expect("lifecycle policy JSON");
    let rules = arr(&doc["rules"]);
    assert_eq!(rules.len(), 2, "{doc}");
    let untagged = rules.iter().find(|r| r["selection"]["tagStatus"] == "untagged").expect("untagged rule");
    assert_eq!(untagged["selection"]["countNumber"], 7, "{doc}");
    assert_eq!(untagged["selection"]["countType"], "sinceImagePushed", "{doc}");
    let keep = rules.iter().find(|r| r["selection"]["tagStatus"] == "any").expect("keep-last rule");
    assert_eq!(keep["selection"]["countNumber"], 30, "{doc}");
    assert_eq!(keep["selection"]["countType"], "imageCountMoreThan", "{doc}");
}
