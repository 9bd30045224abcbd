//! The defaulted config as plain values: what [`defaults`](super::defaults) fills is read here, once,
//! so the plan builder reads values as they are and never applies a default again.
//!
//! A field that stays optional here is optional in AWS too (a KMS key, a release version). Counts
//! and sizes are `i32`, as AWS takes them.

use super::defaults::*;
use super::types::*;

/// The cluster-wide values the plan builder reads.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub version: String,
    pub vpc: Vpc,
    pub iam: Iam,
    /// The endpoint's access once the cluster is made (see the plan's `endpoint-access` step).
    pub endpoint_public_access: bool,
    pub endpoint_private_access: bool,
    pub log_types: Vec<String>,
    pub authentication_mode: String,
    pub bootstrap_cluster_creator_admin_permissions: bool,
    pub ip_family: String,
    pub service_ipv4_cidr: Option<String>,
    pub disable_default_addons: bool,
    /// EKS Auto Mode, when turned on.
    pub auto_mode: Option<AutoMode>,
    /// A fully-private cluster (`privateCluster.enabled`).
    pub private_cluster: Option<PrivateCluster>,
    pub managed_node_groups: Vec<Managed>,
    pub node_groups: Vec<SelfManaged>,
}

#[derive(Debug, Clone)]
pub struct Vpc {
    pub id: Option<String>,
    /// `None` only for an existing VPC whose CIDR the file does not give.
    pub cidr: Option<String>,
    pub public_subnets: Vec<(String, AZSubnetSpec)>,
    pub private_subnets: Vec<(String, AZSubnetSpec)>,
    /// The subnets of the cluster's `localZones` (a new VPC's only), by Local Zone.
    pub local_public_subnets: Vec<(String, AZSubnetSpec)>,
    pub local_private_subnets: Vec<(String, AZSubnetSpec)>,
    /// `Single`, `HighlyAvailable` or `Disable`.
    pub nat_gateway: String,
    pub network_acls: bool,
    /// An IPv6 block for the new VPC and a /64 for each subnet: `autoAllocateIPv6`, or an
    /// `IPv6` cluster.
    pub ipv6_blocks: bool,
    /// An `IPv6` cluster's VPC (eksctl's `vpc_ipv6.go`): instances get an IPv6 address at
    /// launch, private subnets reach out through an egress-only internet gateway, one NAT gateway.
    pub ipv6_cluster: bool,
    /// `ipv6Pool` and `ipv6Cidr`: the VPC's IPv6 block from a BYOIP pool instead of Amazon's.
    pub ipv6_pool: Option<(String, String)>,
    /// `extraIPv6CIDRs`: IPv6 blocks the Kubernetes API is open to.
    pub extra_ipv6_cidrs: Vec<String>,
    /// `hostnameType` of the new subnets (`resource-name`, `ip-name`); none: AWS's default.
    pub hostname_type: Option<String>,
    pub security_group: Option<String>,
    pub control_plane_security_group_ids: Vec<String>,
    pub control_plane_subnet_ids: Vec<String>,
    pub control_plane_on_private_subnets: bool,
    pub shared_node_security_group: Option<String>,
    pub manage_shared_node_security_group_rules: bool,
    pub extra_cidrs: Vec<String>,
    pub public_access_cidrs: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Iam {
    pub with_oidc: bool,
    pub vpc_resource_controller_policy: bool,
    pub service_role_arn: Option<String>,
    pub service_role_permissions_boundary: Option<String>,
    pub fargate_pod_execution_role_arn: Option<String>,
    pub fargate_pod_execution_role_permissions_boundary: Option<String>,
    pub service_accounts: Vec<ServiceAccount>,
    pub pod_identities: Vec<PodIdentity>,
}

/// The VPC endpoints every fully-private cluster gets (eksctl's `RequiredEndpointServices`,
/// Outposts' aside): images from ECR (its API, the registry, S3 for the layers), EC2 for the
/// cloud provider and the vpc-cni, STS for IRSA and Fargate.
pub const REQUIRED_ENDPOINT_SERVICES: &[&str] = &["ec2", "ecr.api", "ecr.dkr", "s3", "sts"];
/// The endpoints `privateCluster.additionalEndpointServices` may add (`logs` comes by itself
/// with control-plane logging).
pub const OPTIONAL_ENDPOINT_SERVICES: &[&str] = &["autoscaling", "cloudformation", "logs"];

/// `privateCluster`, turned on.
#[derive(Debug, Clone)]
pub struct PrivateCluster {
    /// The services eksup makes VPC endpoints for, in eksctl's order; none with
    /// `skipEndpointCreation`.
    pub endpoint_services: Vec<String>,
}

impl PrivateCluster {
    fn new(cfg: &ClusterConfig) -> Option<Self> {
        let p = cfg.private_cluster.as_ref().filter(|p| p.enabled == Some(true))?;
        if p.skip_endpoint_creation == Some(true) {
            return Some(Self { endpoint_services: Vec::new() });
        }
        let mut services: Vec<String> = REQUIRED_ENDPOINT_SERVICES.iter().map(|s| (*s).to_string()).collect();
        for s in p.additional_endpoint_services.iter().flatten() {
            if !services.contains(s) {
                services.push(s.clone());
            }
        }
        let logging = cfg
            .cloud_watch
            .as_ref()
            .and_then(|c| c.cluster_logging.as_ref())
            .and_then(|l| l.enable_types.as_ref())
            .is_some_and(|t| !t.is_empty());
        if logging && !services.iter().any(|s| s == "logs") {
            services.push("logs".to_string());
        }
        Some(Self { endpoint_services: services })
    }
}

/// Whether the cluster is fully private (`privateCluster.enabled`).
pub fn private_cluster(cfg: &ClusterConfig) -> bool {
    cfg.private_cluster.as_ref().and_then(|p| p.enabled) == Some(true)
}

/// Whether the cluster's pods and services get IPv6 addresses (`ipFamily: IPv6`).
pub fn ipv6_cluster(cfg: &ClusterConfig) -> bool {
    cfg.kubernetes_network_config.as_ref().and_then(|k| k.ip_family.as_deref()) == Some("IPv6")
}

/// Whether an Auto Mode cluster also has nodes of its own (node groups, Fargate profiles or
/// hybrid nodes), which need the networking add-ons Auto Mode's nodes do without (as eksctl).
pub fn nodes_beside_auto_mode(cfg: &ClusterConfig) -> bool {
    cfg.node_groups.as_ref().is_some_and(|n| !n.is_empty())
        || cfg.managed_node_groups.as_ref().is_some_and(|n| !n.is_empty())
        || cfg.fargate_profiles.as_ref().is_some_and(|f| !f.is_empty())
        || cfg.hybrid_nodes().is_some()
}

/// EKS's built-in node pools, the default of `autoModeConfig.nodePools`.
pub const AUTO_MODE_NODE_POOLS: &[&str] = &["general-purpose", "system"];

/// `autoModeConfig`, turned on and defaulted.
#[derive(Debug, Clone)]
pub struct AutoMode {
    /// Empty: no built-in pool (nodes only from pools of your own).
    pub node_pools: Vec<String>,
    /// The file's node role; none: eksup makes one when there are pools.
    pub node_role_arn: Option<String>,
    pub permissions_boundary: Option<String>,
}

/// An `iam.podIdentityAssociations` entry, defaulted: the role pods of a service account get
/// through EKS Pod Identity.
#[derive(Debug, Clone, Default)]
pub struct PodIdentity {
    pub namespace: String,
    pub service_account: String,
    /// The file's role; none: eksup creates one.
    pub role_arn: Option<String>,
    pub role_name: Option<String>,
    pub create_service_account: bool,
    pub permissions_boundary: Option<String>,
    pub policy_arns: Vec<String>,
    /// The inline policy's name (`permissionPolicyName`, default `attach-policy`, as eksup names
    /// the other roles' file policies) and document, as JSON.
    pub permission_policy: Option<(String, String)>,
    pub well_known: WellKnownPolicies,
    pub tags: Map,
    pub target_role_arn: Option<String>,
    pub disable_session_tags: bool,
    pub policy: Option<String>,
}

impl PodIdentity {
    /// A `podIdentityAssociations` entry (of `iam` or of an add-on), defaulted.
    pub fn new(p: &crate::config::types::PodIdentityAssociation) -> Self {
        Self {
            namespace: p.namespace.clone().unwrap_or_default(),
            service_account: p.service_account_name.clone().unwrap_or_default(),
            role_arn: p.role_arn.clone().filter(|a| !a.is_empty()),
            role_name: p.role_name.clone().filter(|n| !n.is_empty()),
            create_service_account: p.create_service_account.unwrap_or_default(),
            permissions_boundary: p.permissions_boundary_arn.clone().filter(|a| !a.is_empty()),
            policy_arns: p.permission_policy_arns.clone().unwrap_or_default(),
            permission_policy: p.permission_policy.as_ref().map(|d| {
                let name = p.permission_policy_name.clone().unwrap_or_else(|| "attach-policy".into());
                (name, d.to_string())
            }),
            well_known: p.well_known_policies.clone().unwrap_or_default(),
            tags: p.tags.clone().unwrap_or_default(),
            target_role_arn: p.target_role_arn.clone().filter(|a| !a.is_empty()),
            disable_session_tags: p.disable_session_tags.unwrap_or_default(),
            policy: p.policy.clone().filter(|d| !d.is_empty()),
        }
    }
}

/// An `iam.serviceAccounts` entry, defaulted: a role the service account takes (IRSA).
#[derive(Debug, Clone)]
pub struct ServiceAccount {
    pub name: String,
    /// `default` unless given.
    pub namespace: String,
    pub labels: Map,
    pub annotations: Map,
    pub attach_policy_arns: Vec<String>,
    /// The inline policy document, as JSON.
    pub attach_policy: Option<String>,
    pub well_known: WellKnownPolicies,
    pub attach_role_arn: Option<String>,
    pub role_name: Option<String>,
    pub role_only: bool,
    pub permissions_boundary: Option<String>,
    pub tags: Map,
    pub subject_pattern: Option<String>,
}

/// Whether any of `wellKnownPolicies` is on.
/// The namespace and service account an AWS add-on's pods run as, for the role eksup makes it
/// (`true`: the name is a pattern, for add-ons with several accounts), as AWS's user guide gives
/// them.
pub fn addon_service_account(addon: &str) -> Option<(&'static str, &'static str, bool)> {
    match addon {
        "vpc-cni" => Some(("kube-system", "aws-node", false)),
        "aws-ebs-csi-driver" => Some(("kube-system", "ebs-csi-controller-sa", false)),
        // The controller and the node daemon (`efs-csi-node-sa`): AWS's guide widens the trust to
        // `efs-csi-*`.
        "aws-efs-csi-driver" => Some(("kube-system", "efs-csi-*", true)),
        "aws-mountpoint-s3-csi-driver" => Some(("kube-system", "s3-csi-driver-sa", false)),
        _ => None,
    }
}

/// The service accounts of an AWS add-on that EKS Pod Identity can serve, with the AWS managed
/// policies (under `arn:<partition>:iam::aws:policy/`) AWS recommends for their roles: EKS's
/// DescribeAddonConfiguration `podIdentityConfiguration`, which eksctl reads for
/// `useDefaultPodIdentityAssociations`. `None`: the add-on takes no pod identity.
pub fn recommended_pod_identities(addon: &str) -> Option<&'static [(&'static str, &'static [&'static str])]> {
    match addon {
        "vpc-cni" => Some(&[("aws-node", &["AmazonEKS_CNI_Policy"])]),
        "aws-ebs-csi-driver" => {
            Some(&[("ebs-csi-controller-sa", &["service-role/AmazonEBSCSIDriverPolicy"])])
        }
        "aws-efs-csi-driver" => {
            Some(&[("efs-csi-controller-sa", &["service-role/AmazonEFSCSIDriverPolicy"])])
        }
        _ => None,
    }
}

pub fn any_well_known(w: &WellKnownPolicies) -> bool {
    [
        w.image_builder,
        w.auto_scaler,
        w.aws_load_balancer_controller,
        w.external_dns,
        w.cert_manager,
        w.ebs_csi_controller,
        w.efs_csi_controller,
    ]
    .into_iter()
    .any(|f| f == Some(true))
}

/// What both node group kinds have.
#[derive(Debug, Clone)]
pub struct Nodes {
    pub name: String,
    pub ami_family: String,
    pub volume: Volume,
    pub disable_imdsv1: bool,
    pub disable_pod_imds: bool,
    pub ssh: Ssh,
    pub private_networking: bool,
    pub min_size: i32,
    pub max_size: i32,
    pub desired_capacity: i32,
    pub max_pods: Option<i32>,
    pub labels: Map,
    pub tags: Map,
    pub taints: Vec<Taint>,
    pub iam: NodeGroupIAM,
    /// Empty: the cluster's zones.
    pub availability_zones: Vec<String>,
    /// Subnet ids or `vpc.subnets` keys; empty: by zone and `privateNetworking`.
    pub subnets: Vec<String>,
    pub attach_security_group_ids: Vec<String>,
    pub pre_bootstrap_commands: Vec<String>,
    pub override_bootstrap_command: Option<String>,
    /// Bottlerocket's settings from `bottlerocket` (empty for other families): the file's
    /// `settings` with the admin container's switch.
    pub bottlerocket_settings: serde_json::Map<String, serde_json::Value>,
    /// What `instanceSelector` asks for, while EC2 has not chosen the types (a dry-run without
    /// AWS): `2 vCPUs, 4 GiB, x86_64`.
    pub unresolved_selector: Option<String>,
    /// What the launch template sets of the instances beyond the root volume.
    pub instance: InstanceOptions,
    /// `instancePrefix` and `instanceName`: the instances' `Name` tag is
    /// `[<prefix>-](<name> | <cluster>-<group>-Node)`, as eksctl's `generateNodeName`.
    pub instance_prefix: Option<String>,
    pub instance_name: Option<String>,
    /// `propagateASGTags`: Cluster Autoscaler's label and taint templates (and, for a managed
    /// group, its tags) on the Auto Scaling group.
    pub propagate_asg_tags: bool,
    /// `asgSuspendProcesses`: Auto Scaling processes suspended on the group (none: not said).
    pub suspend_processes: Option<Vec<String>>,
    /// `efaEnabled`: an `efa` interface per network card, in one subnet.
    pub efa: bool,
}

impl Nodes {
    /// The instances' `Name` tag, as eksctl's `generateNodeName` makes it.
    pub fn instance_name_tag(&self, cluster: &str) -> String {
        let name = self.instance_name.clone().unwrap_or_else(|| format!("{cluster}-{}-Node", self.name));
        match &self.instance_prefix {
            Some(prefix) => format!("{prefix}-{name}"),
            None => name,
        }
    }
}

/// A launch template's settings of the instances beyond the root volume and the bootstrap
/// (`volumeName`, `additionalVolumes`, `placement`, `ebsOptimized`, `enableDetailedMonitoring`,
/// self-managed `cpuCredits` and `enclaveEnabled`).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceOptions {
    /// The root volume's device instead of the AMI family's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root_device: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_volumes: Vec<ExtraVolume>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub placement_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ebs_optimized: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detailed_monitoring: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_credits: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enclave: Option<bool>,
    /// The EC2 Capacity Reservations the nodes launch into.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<CapacityUse>,
}

/// Where a group's instances take their capacity (`capacityReservation` and
/// `instanceMarketOptions`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CapacityUse {
    /// `open` (any open reservation that matches) or `none`.
    Preference(String),
    /// One reservation (`cr-...`) or a resource group of them; `capacity_block`: bought as a
    /// Capacity Block for ML (`marketType: capacity-block`).
    #[serde(rename_all = "camelCase")]
    Target { reservation_id: Option<String>, resource_group_arn: Option<String>, capacity_block: bool },
}

impl CapacityUse {
    fn of(
        reservation: Option<&super::types::CapacityReservation>,
        market: Option<&super::types::InstanceMarketOptions>,
    ) -> Option<Self> {
        let r = reservation?;
        if let Some(t) = &r.capacity_reservation_target {
            return Some(Self::Target {
                reservation_id: t.capacity_reservation_id.clone(),
                resource_group_arn: t.capacity_reservation_resource_group_arn.clone(),
                capacity_block: market.and_then(|m| m.market_type.as_deref()) == Some("capacity-block"),
            });
        }
        r.capacity_reservation_preference.clone().map(Self::Preference)
    }

    /// Nodes in a Capacity Block for ML.
    pub fn capacity_block(this: Option<&Self>) -> bool {
        matches!(this, Some(Self::Target { capacity_block: true, .. }))
    }
}

impl InstanceOptions {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// One more EBS volume of each node.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExtraVolume {
    pub device: String,
    pub size: i32,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iops: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throughput: Option<i32>,
    pub encrypted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
}

/// The instance options common to both kinds of group.
fn instance_options(
    volume_name: Option<&String>,
    extra: Option<&Vec<super::types::VolumeMapping>>,
    placement: Option<&super::types::NodePlacement>,
    ebs_optimized: Option<bool>,
    detailed_monitoring: Option<bool>,
    capacity: Option<CapacityUse>,
) -> InstanceOptions {
    InstanceOptions {
        root_device: volume_name.cloned(),
        extra_volumes: extra
            .into_iter()
            .flatten()
            .map(|v| {
                let kind =
                    v.volume_type.clone().unwrap_or_else(|| super::defaults::DEFAULT_VOLUME_TYPE.into());
                ExtraVolume {
                    device: v.volume_name.clone().unwrap_or_default(),
                    size: int(v.volume_size.unwrap_or_default()),
                    iops: v.volume_iops.map(int).filter(|_| matches!(kind.as_str(), "io1" | "io2" | "gp3")),
                    throughput: v.volume_throughput.map(int).filter(|_| kind == "gp3"),
                    kind,
                    encrypted: v.volume_encrypted.unwrap_or_default(),
                    kms_key_id: v.volume_kms_key_id.clone(),
                    snapshot_id: v.snapshot_id.clone(),
                }
            })
            .collect(),
        placement_group: placement.and_then(|p| p.group_name.clone()),
        ebs_optimized,
        detailed_monitoring,
        cpu_credits: None,
        enclave: None,
        capacity,
    }
}

/// A Bottlerocket group's settings: the file's, with `host-containers.admin.enabled` from
/// `enableAdminContainer`, else on with SSH access (SSH reaches Bottlerocket through the admin
/// container), as eksctl's defaults.
fn bottlerocket_settings(
    family: &str,
    b: Option<&NodeGroupBottlerocket>,
    ssh_allowed: bool,
) -> serde_json::Map<String, serde_json::Value> {
    if super::rules::bottlerocket(family).is_none() {
        return serde_json::Map::new();
    }
    let mut settings = b.and_then(|b| b.settings.clone()).unwrap_or_default();
    let given = settings.get("host-containers").and_then(|h| h.get("admin")).and_then(|a| a.get("enabled"));
    let admin = match (b.and_then(|b| b.enable_admin_container), given) {
        (Some(on), _) => Some(on),
        (None, Some(_)) => None,
        (None, None) => ssh_allowed.then_some(true),
    };
    if let Some(on) = admin {
        let hosts = settings.entry("host-containers").or_insert_with(|| serde_json::json!({}));
        if let Some(hosts) = hosts.as_object_mut() {
            let a = hosts.entry("admin").or_insert_with(|| serde_json::json!({}));
            if let Some(a) = a.as_object_mut() {
                a.insert("enabled".into(), on.into());
            }
        }
    }
    settings
}

#[derive(Debug, Clone)]
pub struct Volume {
    pub size: i32,
    pub kind: String,
    pub iops: Option<i32>,
    pub throughput: Option<i32>,
    pub encrypted: bool,
    pub kms_key_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Ssh {
    pub allow: bool,
    pub public_key_name: Option<String>,
    /// A public key to import (`publicKey`, or the file `publicKeyPath` names, read at load).
    pub public_key: Option<String>,
    /// Empty: from the VPC (private groups) or anywhere.
    pub source_security_group_ids: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Taint {
    pub key: String,
    pub value: String,
    pub effect: String,
}

#[derive(Debug, Clone)]
pub struct Managed {
    pub nodes: Nodes,
    /// `instanceTypes`, else `instanceType`; empty with a launch template that sets the type.
    pub instance_types: Vec<String>,
    pub spot: bool,
    pub launch_template: Option<LaunchTemplate>,
    pub release_version: Option<String>,
    pub max_unavailable: Option<i32>,
    pub max_unavailable_percentage: Option<i32>,
    pub node_repair: Option<super::NodeRepairConfig>,
    /// A custom AMI (`ami: ami-...`).
    pub ami: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SelfManaged {
    pub nodes: Nodes,
    pub instance_type: String,
    pub ami: Option<String>,
    pub with_shared_security_group: bool,
    pub with_local_security_group: bool,
    pub target_group_arns: Vec<String>,
    pub classic_load_balancer_names: Vec<String>,
    pub max_instance_lifetime: Option<i32>,
    /// `instancesDistribution`: a mixed instances policy.
    pub distribution: Option<super::NodeGroupInstancesDistribution>,
    /// `asgMetricsCollection`: per entry its granularity and metrics (none: all).
    pub metrics_collection: Vec<(String, Vec<String>)>,
    /// `containerRuntime`, passed to the bootstrap script of Windows nodes.
    pub container_runtime: Option<String>,
    /// `clusterDNS`: kubelet's DNS server for pods instead of the service range's `.10`.
    pub cluster_dns: Option<String>,
    /// `kubeletExtraConfig`: kubelet configuration merged into the node's.
    pub kubelet_extra: serde_json::Map<String, serde_json::Value>,
}

/// A number the config holds as `i64` in the `i32` AWS takes. Validation keeps the numbers in
/// range; one beyond it is held at the nearest bound (AWS then refuses it) instead of wrapping.
pub fn int(n: i64) -> i32 {
    i32::try_from(n).unwrap_or(if n < 0 { i32::MIN } else { i32::MAX })
}

/// The values of a node group of either kind (`NodeGroup` and `ManagedNodeGroup` are distinct
/// types with the same fields).
macro_rules! nodes {
    ($ng:expr, $taints:expr) => {{
        let ng = $ng;
        let ssh = ng.ssh.clone().unwrap_or_default();
        let ssh_allowed = ssh_allowed(&ssh);
        let v = root_volume(ng.volume_size, ng.volume_type.as_deref(), ng.volume_iops, ng.volume_throughput);
        let (min, max, desired) = node_counts(ng.min_size, ng.max_size, ng.desired_capacity);
        Nodes {
            name: ng.name.clone().unwrap_or_default(),
            ami_family: ng.ami_family.clone().unwrap_or_else(|| DEFAULT_AMI_FAMILY.into()),
            volume: Volume {
                size: int(v.size),
                kind: v.kind,
                iops: v.iops.map(int),
                throughput: v.throughput.map(int),
                encrypted: ng.volume_encrypted.unwrap_or_default(),
                kms_key_id: ng.volume_kms_key_id.clone(),
            },
            disable_imdsv1: ng.disable_imdsv1.unwrap_or(DEFAULT_DISABLE_IMDSV1),
            disable_pod_imds: ng.disable_pod_imds.unwrap_or_default(),
            ssh: Ssh {
                allow: ssh_allowed,
                public_key_name: ssh.public_key_name,
                // Imported only for SSH access, as eksctl does.
                public_key: ssh.public_key.or(ssh.key_read).filter(|_| ssh_allowed),
                source_security_group_ids: ssh.source_security_group_ids.unwrap_or_default(),
            },
            private_networking: ng.private_networking.unwrap_or_default(),
            min_size: int(min),
            max_size: int(max),
            desired_capacity: int(desired),
            max_pods: ng.max_pods_per_node.map(int),
            labels: ng.labels.clone().unwrap_or_default(),
            tags: ng.tags.clone().unwrap_or_default(),
            taints: $taints
                .iter()
                .map(|t: &NodeGroupTaint| Taint {
                    key: t.key.clone().unwrap_or_default(),
                    value: t.value.clone().unwrap_or_default(),
                    effect: t.effect.clone().unwrap_or_default(),
                })
                .collect(),
            iam: ng.iam.clone().unwrap_or_default(),
            availability_zones: ng.availability_zones.clone().unwrap_or_default(),
            subnets: ng.subnets.clone().unwrap_or_default(),
            attach_security_group_ids: ng
                .security_groups
                .as_ref()
                .and_then(|g| g.attach_ids.clone())
                .unwrap_or_default(),
            pre_bootstrap_commands: ng.pre_bootstrap_commands.clone().unwrap_or_default(),
            override_bootstrap_command: ng.override_bootstrap_command.clone(),
            bottlerocket_settings: bottlerocket_settings(
                ng.ami_family.as_deref().unwrap_or(DEFAULT_AMI_FAMILY),
                ng.bottlerocket.as_ref(),
                ssh_allowed,
            ),
            unresolved_selector: ng
                .instance_selector
                .as_ref()
                .filter(|s| !s.resolved && !super::instance_selector::is_zero(s))
                .and_then(|s| super::instance_selector::Criteria::of(s).ok())
                .map(|c| c.summary()),
            instance: instance_options(
                ng.volume_name.as_ref(),
                ng.additional_volumes.as_ref(),
                ng.placement.as_ref(),
                ng.ebs_optimized,
                ng.enable_detailed_monitoring,
                CapacityUse::of(ng.capacity_reservation.as_ref(), ng.instance_market_options.as_ref()),
            ),
            // eksctl takes an empty string as unset.
            instance_prefix: ng.instance_prefix.clone().filter(|p| !p.is_empty()),
            instance_name: ng.instance_name.clone().filter(|n| !n.is_empty()),
            propagate_asg_tags: ng.propagate_asg_tags.unwrap_or_default(),
            suspend_processes: ng.asg_suspend_processes.clone(),
            efa: ng.efa_enabled.unwrap_or_default(),
        }
    }};
}

impl Managed {
    pub fn new(ng: &ManagedNodeGroup) -> Self {
        let update = ng.update_config.clone().unwrap_or_default();
        Self {
            nodes: nodes!(ng, ng.taints.clone().unwrap_or_default()),
            instance_types: ng
                .instance_types
                .clone()
                .filter(|t| !t.is_empty())
                .or_else(|| ng.instance_type.clone().map(|t| vec![t]))
                .unwrap_or_default(),
            spot: ng.spot.unwrap_or_default(),
            launch_template: ng.launch_template.clone(),
            release_version: ng.release_version.clone(),
            max_unavailable: update.max_unavailable.map(int),
            max_unavailable_percentage: update.max_unavailable_percentage.map(int),
            node_repair: ng.node_repair_config.clone(),
            ami: ng.ami.clone().filter(|a| a.starts_with("ami-")),
        }
    }
}

impl SelfManaged {
    /// The instance types the group launches: `instancesDistribution.instanceTypes`, else
    /// `instanceType`.
    pub fn instance_types(&self) -> Vec<String> {
        match self.distribution.as_ref().and_then(|d| d.instance_types.clone()) {
            Some(types) if !types.is_empty() => types,
            _ => vec![self.instance_type.clone()],
        }
    }

    pub fn new(ng: &NodeGroup) -> Self {
        let sgs = ng.security_groups.clone().unwrap_or_default();
        let mut nodes = nodes!(ng, ng.taints.as_ref().map(Taints::to_list).unwrap_or_default());
        nodes.instance.cpu_credits = ng.cpu_credits.as_deref().map(str::to_ascii_lowercase);
        nodes.instance.enclave = ng.enclave_enabled;
        // A group in Local Zones runs in their subnets (validation keeps it from also naming
        // availability zones).
        if let Some(lzs) = ng.local_zones.as_ref().filter(|l| !l.is_empty()) {
            nodes.availability_zones.clone_from(lzs);
        }
        Self {
            nodes,
            // A mixed group's launch template has its first type (as eksctl's).
            instance_type: ng
                .instances_distribution
                .as_ref()
                .and_then(|d| d.instance_types.as_ref()?.first().cloned())
                .or_else(|| ng.instance_type.clone())
                .unwrap_or_else(|| DEFAULT_INSTANCE_TYPE.into()),
            distribution: ng.instances_distribution.clone(),
            ami: ng.ami.clone(),
            with_shared_security_group: sgs.with_shared.unwrap_or(DEFAULT_WITH_SHARED_SG),
            with_local_security_group: sgs.with_local.unwrap_or(DEFAULT_WITH_LOCAL_SG),
            target_group_arns: ng.target_group_arns.clone().unwrap_or_default(),
            classic_load_balancer_names: ng.classic_load_balancer_names.clone().unwrap_or_default(),
            max_instance_lifetime: ng.max_instance_lifetime.map(int),
            // eksctl defaults it for every group, so Windows' bootstrap script (and a file's own
            // command using `$ContainerRuntime`) always gets it.
            container_runtime: ng.container_runtime.clone().or_else(|| {
                ng.ami_family
                    .as_deref()
                    .and_then(super::rules::windows)
                    .map(|_| DEFAULT_CONTAINER_RUNTIME.to_string())
            }),
            cluster_dns: ng.cluster_dns.clone(),
            kubelet_extra: ng.kubelet_extra_config.clone().unwrap_or_default(),
            metrics_collection: ng
                .asg_metrics_collection
                .iter()
                .flatten()
                .map(|m| (m.granularity.clone(), m.metrics.clone().unwrap_or_default()))
                .collect(),
        }
    }
}

impl Vpc {
    pub fn new(vpc: &ClusterVPC, ipv6_cluster: bool) -> Self {
        let subnets = vpc.subnets.clone().unwrap_or_default();
        let list = |m: Option<std::collections::BTreeMap<String, AZSubnetSpec>>| {
            m.unwrap_or_default().into_iter().collect::<Vec<_>>()
        };
        let local = vpc.local_zone_subnets.clone().unwrap_or_default();
        Self {
            id: vpc.id.clone(),
            cidr: vpc.cidr.clone(),
            public_subnets: list(subnets.public),
            private_subnets: list(subnets.private),
            local_public_subnets: list(local.public),
            local_private_subnets: list(local.private),
            nat_gateway: vpc
                .nat
                .as_ref()
                .and_then(|n| n.gateway.clone())
                .unwrap_or_else(|| DEFAULT_NAT_GATEWAY.into()),
            network_acls: vpc.network_acls.as_ref().and_then(|n| n.enabled).unwrap_or_default(),
            ipv6_blocks: ipv6_cluster || vpc.auto_allocate_ipv6.unwrap_or_default(),
            ipv6_cluster,
            ipv6_pool: vpc.ipv6_pool.clone().zip(vpc.ipv6_cidr.clone()),
            extra_ipv6_cidrs: vpc.extra_ipv6_cidrs.clone().unwrap_or_default(),
            hostname_type: vpc.hostname_type.clone(),
            security_group: vpc.security_group.clone(),
            control_plane_security_group_ids: vpc
                .control_plane_security_group_ids
                .clone()
                .unwrap_or_default(),
            control_plane_subnet_ids: vpc.control_plane_subnet_ids.clone().unwrap_or_default(),
            control_plane_on_private_subnets: vpc.control_plane_on_private_subnets.unwrap_or_default(),
            shared_node_security_group: vpc.shared_node_security_group.clone(),
            manage_shared_node_security_group_rules: vpc
                .manage_shared_node_security_group_rules
                .unwrap_or(DEFAULT_MANAGE_SHARED_NODE_SG_RULES),
            extra_cidrs: vpc.extra_cidrs.clone().unwrap_or_default(),
            public_access_cidrs: vpc.public_access_cidrs.clone().unwrap_or_default(),
        }
    }
}

impl Iam {
    pub fn new(iam: &ClusterIAM) -> Self {
        Self {
            with_oidc: iam.with_oidc.unwrap_or_default(),
            vpc_resource_controller_policy: iam
                .vpc_resource_controller_policy
                .unwrap_or(DEFAULT_VPC_RESOURCE_CONTROLLER_POLICY),
            service_role_arn: iam.service_role_arn.clone(),
            service_role_permissions_boundary: iam.service_role_permissions_boundary.clone(),
            fargate_pod_execution_role_arn: iam.fargate_pod_execution_role_arn.clone(),
            fargate_pod_execution_role_permissions_boundary: iam
                .fargate_pod_execution_role_permissions_boundary
                .clone(),
            service_accounts: iam
                .service_accounts
                .iter()
                .flatten()
                .map(|sa| ServiceAccount {
                    name: sa.metadata.name.clone().unwrap_or_default(),
                    namespace: sa.metadata.namespace.clone().unwrap_or_else(|| "default".into()),
                    labels: sa.metadata.labels.clone().unwrap_or_default(),
                    annotations: sa.metadata.annotations.clone().unwrap_or_default(),
                    attach_policy_arns: sa.attach_policy_arns.clone().unwrap_or_default(),
                    attach_policy: sa.attach_policy.as_ref().map(serde_json::Value::to_string),
                    well_known: sa.well_known_policies.clone().unwrap_or_default(),
                    attach_role_arn: sa.attach_role_arn.clone(),
                    role_name: sa.role_name.clone(),
                    role_only: sa.role_only.unwrap_or_default(),
                    permissions_boundary: sa.permissions_boundary.clone(),
                    tags: sa.tags.clone().unwrap_or_default(),
                    subject_pattern: sa.subject_pattern.clone(),
                })
                .collect(),
            pod_identities: iam.pod_identity_associations.iter().flatten().map(PodIdentity::new).collect(),
        }
    }
}

impl Cluster {
    /// The values of a defaulted config (one [`defaults::apply`](super::defaults::apply) filled).
    pub fn new(cfg: &ClusterConfig) -> Self {
        let endpoints = cfg.vpc.as_ref().and_then(|v| v.cluster_endpoints.clone()).unwrap_or_default();
        let access = cfg.access_config.clone().unwrap_or_default();
        let knc = cfg.kubernetes_network_config.clone().unwrap_or_default();
        Self {
            version: cfg.metadata.version.clone().unwrap_or_else(|| DEFAULT_KUBERNETES_VERSION.into()),
            vpc: Vpc::new(&cfg.vpc.clone().unwrap_or_default(), ipv6_cluster(cfg)),
            iam: Iam::new(&cfg.iam.clone().unwrap_or_default()),
            // What the endpoint ends as: a fully-private cluster's is private-only.
            endpoint_public_access: !private_cluster(cfg)
                && endpoints.public_access.unwrap_or(DEFAULT_ENDPOINT_PUBLIC_ACCESS),
            endpoint_private_access: private_cluster(cfg)
                || endpoints.private_access.unwrap_or(DEFAULT_ENDPOINT_PRIVATE_ACCESS),
            log_types: cfg
                .cloud_watch
                .as_ref()
                .and_then(|c| c.cluster_logging.as_ref())
                .and_then(|l| l.enable_types.clone())
                .unwrap_or_default(),
            authentication_mode: access
                .authentication_mode
                .unwrap_or_else(|| DEFAULT_AUTHENTICATION_MODE.into()),
            bootstrap_cluster_creator_admin_permissions: access
                .bootstrap_cluster_creator_admin_permissions
                .unwrap_or(DEFAULT_BOOTSTRAP_ADMIN),
            ip_family: knc.ip_family.unwrap_or_else(|| DEFAULT_IP_FAMILY.into()),
            service_ipv4_cidr: knc.service_ipv4_cidr,
            disable_default_addons: cfg
                .addons_config
                .as_ref()
                .and_then(|a| a.disable_default_addons)
                .unwrap_or_default(),
            auto_mode: cfg.auto_mode_config.as_ref().filter(|a| a.enabled == Some(true)).map(|a| AutoMode {
                node_pools: a
                    .node_pools
                    .clone()
                    .unwrap_or_else(|| AUTO_MODE_NODE_POOLS.iter().map(|p| (*p).to_string()).collect()),
                node_role_arn: a.node_role_arn.clone().filter(|r| !r.is_empty()),
                permissions_boundary: a.permissions_boundary_arn.clone().filter(|r| !r.is_empty()),
            }),
            private_cluster: PrivateCluster::new(cfg),
            managed_node_groups: cfg.managed_node_groups.iter().flatten().map(Managed::new).collect(),
            node_groups: cfg.node_groups.iter().flatten().map(SelfManaged::new).collect(),
        }
    }

    /// Whether any node group starts with nodes.
    pub fn has_nodes(&self) -> bool {
        self.managed_node_groups
            .iter()
            .map(|m| &m.nodes)
            .chain(self.node_groups.iter().map(|n| &n.nodes))
            .any(|n| n.desired_capacity > 0)
    }
}
