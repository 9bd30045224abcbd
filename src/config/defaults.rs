//! eksctl's defaults, applied to a checked config. Pure: the zones come from the caller.

use std::collections::BTreeMap;

use ipnet::Ipv4Net;

use super::diag::Diagnostic;
use super::types::*;

/// The Kubernetes version a cluster gets when the config names none. The one place it lives.
pub const DEFAULT_KUBERNETES_VERSION: &str = "1.34";
/// The newest Kubernetes version with AmazonLinux2 nodes.
pub const LAST_AL2_VERSION: &str = "1.32";
pub const DEFAULT_VPC_CIDR: &str = "192.168.0.0/16";
pub const DEFAULT_INSTANCE_TYPE: &str = "m5.large";
pub const DEFAULT_AMI_FAMILY: &str = "AmazonLinux2023";
pub const DEFAULT_VOLUME_SIZE: i64 = 80;
pub const DEFAULT_VOLUME_TYPE: &str = "gp3";
pub const DEFAULT_GP3_IOPS: i64 = 3000;
pub const DEFAULT_GP3_THROUGHPUT: i64 = 125;
pub const DEFAULT_NODE_COUNT: i64 = 2;
/// The IOPS of an `io1` or `io2` volume that names none.
pub const DEFAULT_IO_IOPS: i64 = 100;
pub const DEFAULT_IP_FAMILY: &str = "IPv4";
pub const DEFAULT_AUTHENTICATION_MODE: &str = "API_AND_CONFIG_MAP";
pub const DEFAULT_BOOTSTRAP_ADMIN: bool = true;
pub const DEFAULT_VPC_RESOURCE_CONTROLLER_POLICY: bool = true;
pub const DEFAULT_NAT_GATEWAY: &str = "Single";
pub const DEFAULT_MANAGE_SHARED_NODE_SG_RULES: bool = true;
pub const DEFAULT_ENDPOINT_PUBLIC_ACCESS: bool = true;
pub const DEFAULT_ENDPOINT_PRIVATE_ACCESS: bool = false;
pub const DEFAULT_DISABLE_IMDSV1: bool = true;
/// Self-managed nodes join the shared node security group and get their own.
pub const DEFAULT_WITH_SHARED_SG: bool = true;
pub const DEFAULT_WITH_LOCAL_SG: bool = true;
pub const DEFAULT_IMAGE_TAG_MUTABILITY: &str = "IMMUTABLE";
pub const DEFAULT_SCAN_ON_PUSH: bool = true;
pub const DEFAULT_ECR_ENCRYPTION: &str = "AES256";
/// An access entry without `type`, and an access policy without a scope (not filled by
/// [`apply`]: the absent value means these).
pub const DEFAULT_ACCESS_ENTRY_TYPE: &str = "STANDARD";
pub const DEFAULT_ACCESS_SCOPE: &str = "cluster";
/// What EKS does with the Kubernetes resources of a deleted capability: the one value
/// CreateCapability takes, which it requires.
pub const DEFAULT_DELETE_PROPAGATION_POLICY: &str = "RETAIN";
/// The container runtime of current Kubernetes versions (eksctl's default `containerRuntime`).
pub const DEFAULT_CONTAINER_RUNTIME: &str = "containerd";
pub const ALL_LOG_TYPES: &[&str] = &["api", "audit", "authenticator", "controllerManager", "scheduler"];
/// The username of a node role in the aws-auth ConfigMap (eksctl's `RoleNodeGroupUsername`).
pub const NODE_USERNAME: &str = "system:node:{{EC2PrivateDNSName}}";
pub const CLUSTER_NAME_LABEL: &str = "alpha.eksctl.io/cluster-name";
pub const NODEGROUP_NAME_LABEL: &str = "alpha.eksctl.io/nodegroup-name";
pub const NODEGROUP_TYPE_TAG: &str = "alpha.eksctl.io/nodegroup-type";

/// Fill every default eksctl fills. `zones` are the availability zones to use when the config
/// gives neither `availabilityZones` nor `vpc.subnets`.
pub fn apply(cfg: &mut ClusterConfig, zones: &[String]) -> Vec<Diagnostic> {
    let notes = version(cfg);
    cluster(cfg);
    vpc(cfg, zones);
    node_groups(cfg);
    repositories(cfg);
    notes
}

/// The Kubernetes version: the newest, or the last with AmazonLinux2 nodes when a group uses them.
fn version(cfg: &mut ClusterConfig) -> Vec<Diagnostic> {
    let mut notes = Vec::new();
    if cfg.metadata.version.as_deref().is_none_or(|v| v.is_empty() || v == "auto" || v == "default") {
        let al2 = cfg
            .node_groups
            .iter()
            .flatten()
            .map(|n| (n.name.clone(), n.ami_family.clone()))
            .chain(cfg.managed_node_groups.iter().flatten().map(|n| (n.name.clone(), n.ami_family.clone())))
            .find(|(_, f)| f.as_deref() == Some("AmazonLinux2"));
        let version = match al2 {
            Some((ng, _)) => {
                notes.push(Diagnostic::warning(
                    "metadata.version",
                    format!("defaults to `{LAST_AL2_VERSION}` because node group `{}` uses AmazonLinux2, which Kubernetes 1.33 and later do not support", ng.unwrap_or_default()),
                ).with_hint("set `metadata.version`, or move the node group to `AmazonLinux2023`"));
                LAST_AL2_VERSION
            }
            None => DEFAULT_KUBERNETES_VERSION,
        };
        cfg.metadata.version = Some(version.to_string());
    }
    notes
}

/// Networking family, IAM, access and logging.
fn cluster(cfg: &mut ClusterConfig) {
    let knc = cfg.kubernetes_network_config.get_or_insert_with(Default::default);
    knc.ip_family.get_or_insert_with(|| DEFAULT_IP_FAMILY.into());

    let iam = cfg.iam.get_or_insert_with(Default::default);
    iam.with_oidc.get_or_insert(false);
    iam.vpc_resource_controller_policy.get_or_insert(DEFAULT_VPC_RESOURCE_CONTROLLER_POLICY);

    let access = cfg.access_config.get_or_insert_with(Default::default);
    access.authentication_mode.get_or_insert_with(|| DEFAULT_AUTHENTICATION_MODE.into());
    access.bootstrap_cluster_creator_admin_permissions.get_or_insert(DEFAULT_BOOTSTRAP_ADMIN);

    if let Some(logging) = cfg.cloud_watch.as_mut().and_then(|c| c.cluster_logging.as_mut())
        && let Some(types) = logging.enable_types.as_mut()
        && types.iter().any(|t| t == "*" || t == "all")
    {
        *types = ALL_LOG_TYPES.iter().map(|s| (*s).to_string()).collect();
    }
}

/// The VPC: CIDR, NAT, endpoints, and the subnets laid out over `zones` when the file gives
/// neither a VPC nor subnets.
fn vpc(cfg: &mut ClusterConfig, zones: &[String]) {
    let existing_vpc = cfg.vpc.as_ref().is_some_and(|v| v.id.is_some());
    let user_subnets = cfg.vpc.as_ref().and_then(|v| v.subnets.as_ref()).is_some_and(|s| {
        s.public.as_ref().is_some_and(|m| !m.is_empty()) || s.private.as_ref().is_some_and(|m| !m.is_empty())
    });
    let ipv6 = super::resolved::ipv6_cluster(cfg);
    // A fully-private cluster: private subnets only, no NAT gateway, and no endpoint settings
    // (eksctl refuses them in the file it reads; the endpoint ends private-only).
    let fully_private = super::resolved::private_cluster(cfg);
    let vpc = cfg.vpc.get_or_insert_with(Default::default);
    if !existing_vpc {
        vpc.cidr.get_or_insert_with(|| DEFAULT_VPC_CIDR.into());
    }
    // An `IPv6` cluster's VPC has one NAT gateway, which eksctl refuses to see configured.
    if !existing_vpc && !ipv6 && !fully_private {
        vpc.nat
            .get_or_insert_with(Default::default)
            .gateway
            .get_or_insert_with(|| DEFAULT_NAT_GATEWAY.into());
    }
    vpc.manage_shared_node_security_group_rules.get_or_insert(DEFAULT_MANAGE_SHARED_NODE_SG_RULES);
    if !fully_private {
        // Public access narrowed to some networks: the nodes reach the API server from the VPC's
        // own egress addresses (its NAT gateways'), which such CIDRs rarely hold, so that they
        // would never register. AWS's user guide ("Cluster API server endpoint") asks for the
        // private endpoint then, or for the egress sources in the CIDRs: private access is on
        // unless the file says otherwise.
        let narrowed = vpc
            .public_access_cidrs
            .as_ref()
            .is_some_and(|c| !c.is_empty() && !c.iter().any(|c| c == "0.0.0.0/0" || c == "::/0"));
        let endpoints = vpc.cluster_endpoints.get_or_insert_with(Default::default);
        endpoints.public_access.get_or_insert(DEFAULT_ENDPOINT_PUBLIC_ACCESS);
        endpoints.private_access.get_or_insert(narrowed || DEFAULT_ENDPOINT_PRIVATE_ACCESS);
    }

    let lzs = cfg.local_zones.clone().unwrap_or_default();
    if !existing_vpc && !user_subnets {
        let azs: Vec<String> = match cfg.availability_zones.as_ref() {
            Some(z) if !z.is_empty() => z.clone(),
            _ => zones.to_vec(),
        };
        let cidr = vpc.cidr.clone().unwrap_or_else(|| DEFAULT_VPC_CIDR.into());
        let layout = if ipv6 { carve_ipv6 } else { carve };
        if let Some(blocks) = cidr.parse::<Ipv4Net>().ok().and_then(|net| layout(net, azs.len() + lzs.len()))
        {
            let (public, private) = blocks.split_at(azs.len() + lzs.len());
            let subnets = vpc.subnets.get_or_insert_with(Default::default);
            // eksctl's layout either way: a fully-private VPC leaves the public blocks unused.
            subnets.public = (!fully_private).then(|| subnet_map(&azs, public));
            subnets.private = Some(subnet_map(&azs, private));
        }
        if !lzs.is_empty() {
            vpc.local_zone_subnets = local_zone_subnets(&cidr, &lzs, azs.len());
        }
        cfg.availability_zones = Some(azs);
    } else if let Some(subnets) = vpc.subnets.as_mut() {
        // A key that is a zone name also gives the subnet's zone.
        for map in [subnets.public.as_mut(), subnets.private.as_mut()].into_iter().flatten() {
            for (key, spec) in map.iter_mut() {
                if spec.az.is_none() && looks_like_zone(key) {
                    spec.az = Some(key.clone());
                }
            }
        }
        // A new VPC laid out in the file (a printed config read again): the Local Zones'
        // blocks come after the zones' as eksctl numbers them.
        if !existing_vpc && !lzs.is_empty() {
            let zones: std::collections::BTreeSet<&String> = subnets
                .public
                .iter()
                .chain(subnets.private.iter())
                .flatten()
                .filter_map(|(k, s)| s.az.as_ref().or(Some(k)))
                .collect();
            let cidr = vpc.cidr.clone().unwrap_or_else(|| DEFAULT_VPC_CIDR.into());
            vpc.local_zone_subnets = local_zone_subnets(&cidr, &lzs, zones.len());
        }
    }
}

fn subnet_map(zones: &[String], blocks: &[Ipv4Net]) -> BTreeMap<String, AZSubnetSpec> {
    zones
        .iter()
        .zip(blocks)
        .map(|(z, net)| {
            (z.clone(), AZSubnetSpec { id: None, az: Some(z.clone()), cidr: Some(net.to_string()) })
        })
        .collect()
}

/// The public and private subnets of the Local Zones `lzs` in a VPC of `cidr` whose `azs` zones
/// take the first blocks: eksctl's layout (`SetSubnets`), where the public blocks of the zones
/// then of the Local Zones come first, and the private ones after all of them.
fn local_zone_subnets(cidr: &str, lzs: &[String], azs: usize) -> Option<ClusterSubnets> {
    let total = azs + lzs.len();
    let blocks = carve(cidr.parse().ok()?, total)?;
    Some(ClusterSubnets {
        public: Some(subnet_map(lzs, &blocks[azs..total])),
        private: Some(subnet_map(lzs, &blocks[total + azs..])),
    })
}

fn node_groups(cfg: &mut ClusterConfig) {
    let name = cfg.metadata.name.clone().unwrap_or_default();
    let cluster_tags = cfg.metadata.tags.clone().unwrap_or_default();
    for ng in cfg.managed_node_groups.iter_mut().flatten() {
        let ng_name = ng.name.clone().unwrap_or_default();
        if ng.instance_types.as_ref().is_none_or(Vec::is_empty)
            && ng.launch_template.is_none()
            && !super::instance_selector::active(ng.instance_selector.as_ref())
        {
            ng.instance_type.get_or_insert_with(|| DEFAULT_INSTANCE_TYPE.into());
        }
        ng.ami_family.get_or_insert_with(|| DEFAULT_AMI_FAMILY.into());
        if ng.launch_template.is_none() {
            volume_defaults(
                &mut ng.volume_size,
                &mut ng.volume_type,
                &mut ng.volume_iops,
                &mut ng.volume_throughput,
            );
            ng.disable_imdsv1.get_or_insert(DEFAULT_DISABLE_IMDSV1);
            ng.disable_pod_imds.get_or_insert(false);
            ssh_defaults(&mut ng.ssh);
        }
        ng.private_networking.get_or_insert(false);
        ng.spot.get_or_insert(false);
        sizes(&mut ng.min_size, &mut ng.max_size, &mut ng.desired_capacity);
        identity(&mut ng.labels, &mut ng.tags, &name, &ng_name, &cluster_tags, "managed");
    }
    for ng in cfg.node_groups.iter_mut().flatten() {
        let ng_name = ng.name.clone().unwrap_or_default();
        // eksctl's word for a group whose types are in `instancesDistribution`.
        let default_type = if ng.instances_distribution.is_some()
            || super::instance_selector::active(ng.instance_selector.as_ref())
        {
            "mixed"
        } else {
            DEFAULT_INSTANCE_TYPE
        };
        ng.instance_type.get_or_insert_with(|| default_type.into());
        ng.ami_family.get_or_insert_with(|| DEFAULT_AMI_FAMILY.into());
        volume_defaults(
            &mut ng.volume_size,
            &mut ng.volume_type,
            &mut ng.volume_iops,
            &mut ng.volume_throughput,
        );
        ng.disable_imdsv1.get_or_insert(DEFAULT_DISABLE_IMDSV1);
        ng.disable_pod_imds.get_or_insert(false);
        ng.private_networking.get_or_insert(false);
        ssh_defaults(&mut ng.ssh);
        let sgs = ng.security_groups.get_or_insert_with(Default::default);
        sgs.with_shared.get_or_insert(DEFAULT_WITH_SHARED_SG);
        sgs.with_local.get_or_insert(DEFAULT_WITH_LOCAL_SG);
        sizes(&mut ng.min_size, &mut ng.max_size, &mut ng.desired_capacity);
        identity(&mut ng.labels, &mut ng.tags, &name, &ng_name, &cluster_tags, "unmanaged");
    }
}

fn repositories(cfg: &mut ClusterConfig) {
    for repo in cfg.ecr.iter_mut().flat_map(|e| e.repositories.iter_mut().flatten()) {
        repo.image_tag_mutability.get_or_insert_with(|| DEFAULT_IMAGE_TAG_MUTABILITY.into());
        repo.scan_on_push.get_or_insert(DEFAULT_SCAN_ON_PUSH);
        repo.encryption
            .get_or_insert_with(Default::default)
            .encryption_type
            .get_or_insert_with(|| DEFAULT_ECR_ENCRYPTION.into());
    }
}

/// `us-west-2a` and the like.
pub fn looks_like_zone(s: &str) -> bool {
    let mut parts = s.split('-');
    parts.clone().count() >= 3
        && parts.next().is_some_and(|p| p.chars().all(|c| c.is_ascii_lowercase()))
        && s.chars().last().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// eksctl's node group labels (cluster and node group names) and tags (the cluster's tags, the
/// node group's name and `managed` or `unmanaged`).
fn identity(
    labels: &mut Option<Map>,
    tags: &mut Option<Map>,
    cluster: &str,
    ng: &str,
    cluster_tags: &Map,
    kind: &str,
) {
    let labels = labels.get_or_insert_with(Default::default);
    labels.insert(CLUSTER_NAME_LABEL.into(), cluster.to_string());
    labels.insert(NODEGROUP_NAME_LABEL.into(), ng.to_string());
    let tags = tags.get_or_insert_with(Default::default);
    for (k, v) in cluster_tags {
        tags.entry(k.clone()).or_insert_with(|| v.clone());
    }
    tags.insert(NODEGROUP_NAME_LABEL.into(), ng.to_string());
    tags.insert(NODEGROUP_TYPE_TAG.into(), kind.into());
}

/// Giving a key implies `allow: true`; otherwise SSH is off.
pub fn ssh_allowed(ssh: &NodeGroupSSH) -> bool {
    ssh.allow
        .unwrap_or(ssh.public_key_name.is_some() || ssh.public_key_path.is_some() || ssh.public_key.is_some())
}

fn ssh_defaults(ssh: &mut Option<NodeGroupSSH>) {
    let ssh = ssh.get_or_insert_with(Default::default);
    ssh.allow = Some(ssh_allowed(ssh));
}

/// A node's root volume with its defaults: size, type, and the IOPS and throughput the type takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootVolume {
    pub size: i64,
    pub kind: String,
    pub iops: Option<i64>,
    pub throughput: Option<i64>,
}

pub fn root_volume(
    size: Option<i64>,
    kind: Option<&str>,
    iops: Option<i64>,
    throughput: Option<i64>,
) -> RootVolume {
    let kind = kind.unwrap_or(DEFAULT_VOLUME_TYPE).to_string();
    let (iops, throughput) = match kind.as_str() {
        "gp3" => (iops.or(Some(DEFAULT_GP3_IOPS)), throughput.or(Some(DEFAULT_GP3_THROUGHPUT))),
        "io1" | "io2" => (iops.or(Some(DEFAULT_IO_IOPS)), throughput),
        _ => (iops, throughput),
    };
    RootVolume { size: size.unwrap_or(DEFAULT_VOLUME_SIZE), kind, iops, throughput }
}

fn volume_defaults(
    size: &mut Option<i64>,
    kind: &mut Option<String>,
    iops: &mut Option<i64>,
    tput: &mut Option<i64>,
) {
    let v = root_volume(*size, kind.as_deref(), *iops, *tput);
    (*size, *kind, *iops, *tput) = (Some(v.size), Some(v.kind), v.iops, v.throughput);
}

/// eksctl's node-count rules: a bare group gets 2/2/2; a lone `desiredCapacity` sets all three.
/// Returns `(min, max, desired)`.
pub fn node_counts(min: Option<i64>, max: Option<i64>, desired: Option<i64>) -> (i64, i64, i64) {
    let min_size = min.unwrap_or(desired.unwrap_or(DEFAULT_NODE_COUNT));
    let max_size = max.unwrap_or_else(|| {
        let m = desired.unwrap_or(min_size);
        if m == 0 { 1 } else { m }
    });
    (min_size, max_size, desired.unwrap_or(min_size))
}

fn sizes(min: &mut Option<i64>, max: &mut Option<i64>, desired: &mut Option<i64>) {
    let (a, b, c) = node_counts(*min, *max, *desired);
    (*min, *max, *desired) = (Some(a), Some(b), Some(c));
}

/// Split `net` into the public-then-private blocks for `zones` zones: 8 blocks (prefix +3) up
/// to 4 zones, 16 blocks (prefix +4) up to 8. `None` when it does not fit.
pub fn carve(net: Ipv4Net, zones: usize) -> Option<Vec<Ipv4Net>> {
    let needed = zones * 2;
    let extra = match needed {
        0 => return Some(Vec::new()),
        1..=8 => 3,
        9..=16 => 4,
        _ => return None,
    };
    let prefix = net.prefix_len() + extra;
    if prefix > 28 {
        return None;
    }
    Some(net.subnets(prefix).ok()?.take(needed).collect())
}

/// Split `net` into the public-then-private blocks of an `IPv6` cluster's `zones` zones, as
/// eksctl's `vpc_ipv6.go` does with `Fn::Cidr`: `2·zones + 2` equal blocks, each as large as
/// fits (a /16 gives /19s up to three zones, /20s for four), of which the first `2·zones` are used.
pub fn carve_ipv6(net: Ipv4Net, zones: usize) -> Option<Vec<Ipv4Net>> {
    if zones == 0 {
        return Some(Vec::new());
    }
    let partitions = u32::try_from(zones * 2 + 2).ok()?;
    let host_bits = 32 - u32::from(net.prefix_len());
    // floor(log2(2^host_bits / partitions)): the bits left to each block.
    let per_block = (1u64 << host_bits) / u64::from(partitions);
    let prefix = u8::try_from(32 - per_block.checked_ilog2()?).ok()?;
    if prefix > 28 {
        return None;
    }
    Some(net.subnets(prefix).ok()?.take(zones * 2).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carves_like_eksctl() {
        let net: Ipv4Net = "192.168.0.0/16".parse().unwrap();
        let three: Vec<String> = carve(net, 3).unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(
            three,
            [
                "192.168.0.0/19",
                "192.168.32.0/19",
                "192.168.64.0/19",
                "192.168.96.0/19",
                "192.168.128.0/19",
                "192.168.160.0/19"
            ]
        );
        let two: Vec<String> = carve(net, 2).unwrap().iter().map(ToString::to_string).collect();
        assert_eq!(two, ["192.168.0.0/19", "192.168.32.0/19", "192.168.64.0/19", "192.168.96.0/19"]);
        let five = carve(net, 5).unwrap();
        assert_eq!(five[0].to_string(), "192.168.0.0/20");
        assert_eq!(five.len(), 10);
        assert!(carve(net, 9).is_none());
    }

    #[test]
    fn carves_ipv6_clusters_like_eksctl() {
        let net: Ipv4Net = "192.168.0.0/16".parse().unwrap();
        let show = |n: usize| carve_ipv6(net, n).unwrap().iter().map(ToString::to_string).collect::<Vec<_>>();
        // 2 zones: 6 partitions of 10922 addresses: /19s.
        assert_eq!(show(2), ["192.168.0.0/19", "192.168.32.0/19", "192.168.64.0/19", "192.168.96.0/19"]);
        assert_eq!(show(3).len(), 6);
        assert!(show(3).iter().all(|b| b.ends_with("/19")));
        // 4 zones: 10 partitions of 6553 addresses: /20s (eksctl's IPv4 layout keeps /19s).
        let four = show(4);
        assert_eq!((four.len(), four[7].as_str()), (8, "192.168.112.0/20"));
        let small: Ipv4Net = "10.0.0.0/24".parse().unwrap();
        assert_eq!(carve_ipv6(small, 3).unwrap()[1].to_string(), "10.0.0.32/27");
        assert!(carve_ipv6(small, 8).is_none());
    }

    #[test]
    fn node_counts() {
        let run = |min, max, desired| {
            let (mut a, mut b, mut c) = (min, max, desired);
            sizes(&mut a, &mut b, &mut c);
            (a.unwrap(), b.unwrap(), c.unwrap())
        };
        assert_eq!(run(None, None, None), (2, 2, 2));
        assert_eq!(run(None, None, Some(1)), (1, 1, 1));
        assert_eq!(run(Some(2), Some(4), None), (2, 4, 2));
        assert_eq!(run(Some(0), None, None), (0, 1, 0));
    }

    #[test]
    fn zones() {
        assert!(looks_like_zone("us-west-2a"));
        assert!(looks_like_zone("eu-north-1c"));
        assert!(!looks_like_zone("private-one"));
        assert!(!looks_like_zone("mysubnet"));
    }
}
