//! The plan: a graph of resource steps built from a validated config. Pure data, no IO.
//!
//! A value that is only known once another step ran (a VPC id, a role ARN) is a [`Val::Out`]
//! reference to that step's output, so the plan can be printed and compared before anything
//! exists (terraform's "known after apply").

mod build;
pub mod drift;
pub mod estimate;
mod kind;
pub mod render;
pub mod teardown;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

pub use build::{
    PlanOptions, build, hybrid_node_role_name, is_eksup_inline_policy, partition, repository_spec,
    repository_step_id, slug,
};
pub use kind::{Kind, PHASES};

/// Identifies a step within a plan: `vpc`, `subnet-public-us-west-2a`, `nodegroup-ng-1`.
pub type StepId = String;

/// A value: known now, or another step's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Val {
    Lit(String),
    Out(OutRef),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutRef {
    pub step: StepId,
    pub key: String,
}

impl Val {
    pub fn lit(s: impl Into<String>) -> Self {
        Self::Lit(s.into())
    }
    pub fn out(step: &str, key: &str) -> Self {
        Self::Out(OutRef { step: step.to_string(), key: key.to_string() })
    }
    /// `literal` or `<step.key>`, for people.
    pub fn describe(&self) -> String {
        match self {
            Self::Lit(s) => s.clone(),
            Self::Out(r) => format!("<{}.{}>", r.step, r.key),
        }
    }
}

/// The id of the control plane's step: a part made from flags on an existing cluster reads the
/// cluster from EKS as this step's outputs (`crate::ops::part_flags::detach`).
pub const CONTROL_PLANE: &str = "control-plane";

/// How the control plane's security group rules that open the Kubernetes API to a network of the
/// file's begin their description: a re-run revokes those the file no longer has.
pub const API_OPENING: &str = "Kubernetes API from ";

/// Output keys every step kind may set.
pub mod keys {
    pub const ID: &str = "id";
    pub const ARN: &str = "arn";
    pub const NAME: &str = "name";
    pub const ENDPOINT: &str = "endpoint";
    pub const CA: &str = "certificateAuthority";
    pub const CLUSTER_SG: &str = "clusterSecurityGroupId";
    /// The cluster's service CIDR: IPv4, or IPv6 in an `IPv6` cluster.
    pub const SERVICE_CIDR: &str = "serviceCidr";
    pub const OIDC_ISSUER: &str = "oidcIssuer";
    /// A VPC's Amazon-provided IPv6 block (`autoAllocateIPv6`).
    pub const IPV6_CIDR: &str = "ipv6Cidr";
    pub const VERSION: &str = "version";
    /// What the step did (`created`, `exists`, `updated`).
    pub const ACTION: &str = "action";
}

/// Tags every resource eksup creates carries (besides the user's `metadata.tags`).
pub mod tags {
    /// The cluster the resource belongs to.
    pub const CLUSTER: &str = "eksup.io/cluster";
    /// The step id that created it: a re-run finds the resource again by this.
    pub const RESOURCE: &str = "eksup.io/resource";
    /// The eksup version that created it.
    pub const VERSION: &str = "eksup.io/version";
    /// Marker that eksup owns (and may delete) the resource.
    pub const MANAGED_BY: &str = "app.kubernetes.io/managed-by";
    /// The node group a self-managed Auto Scaling group belongs to: `get nodegroup`, `scale
    /// nodegroup` and `delete nodegroup` find the group by it (`crate::cloud::inventory`).
    pub const NODEGROUP: &str = "eksup.io/nodegroup";
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "camelCase")]
pub enum SubnetKind {
    Public,
    Private,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubnetRef {
    pub az: String,
    pub kind: SubnetKind,
    pub id: Val,
}

/// Routes to remote networks through a virtual private or transit gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteRoutes {
    pub cidrs: Vec<String>,
    /// `vgw-...` or `tgw-...`.
    pub gateway_id: String,
}

/// A security group rule: protocol, port range, and the peer (CIDR or group).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SgRule {
    /// `ingress` or `egress`.
    pub direction: String,
    /// `-1` (all), `tcp`, `udp`.
    pub protocol: String,
    pub from_port: i32,
    pub to_port: i32,
    /// A CIDR or a security group (`Val`).
    pub peer: SgPeer,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SgPeer {
    Cidr(String),
    Ipv6Cidr(String),
    Group(Val),
}

/// A network ACL entry (always `allow`; what no rule allows is denied).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NaclRule {
    pub rule_number: i32,
    pub egress: bool,
    /// `6` (TCP), `17` (UDP) or `-1` (all).
    pub protocol: String,
    pub cidr: String,
    pub from_port: i32,
    pub to_port: i32,
    pub description: String,
}

/// Node group launch template contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LaunchTemplateSpec {
    pub name: String,
    pub instance_type: Option<String>,
    /// `None` for managed groups, which let EKS pick the AMI by `amiType`.
    pub image: Option<AmiSource>,
    pub volume_size: i32,
    pub volume_type: String,
    pub volume_iops: Option<i32>,
    pub volume_throughput: Option<i32>,
    pub volume_encrypted: bool,
    pub volume_kms_key_id: Option<String>,
    /// `/dev/xvda`.
    pub device_name: String,
    /// The node's volume goes on the image's root device, read from EC2 when the image is known
    /// (eksctl's `ami.Use`): Canonical's and Windows images boot from `/dev/sda1`. Off with
    /// `volumeName` and for Bottlerocket, whose data volume is the group's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub root_from_image: bool,
    /// IMDSv2 required (`disableIMDSv1`, default true).
    pub imds_v2_required: bool,
    /// 2 by default, 1 with `disablePodIMDS`.
    pub hop_limit: i32,
    pub key_name: Option<String>,
    pub security_groups: Vec<Val>,
    /// Self-managed only: the instance profile.
    pub instance_profile_arn: Option<Val>,
    /// Self-managed only: user data template to render with the control plane's outputs.
    pub user_data: Option<UserDataSpec>,
    /// Managed only: user data EKS merges with its own bootstrap (MIME multipart or TOML).
    pub managed_user_data: Option<String>,
    pub instance_tags: BTreeMap<String, String>,
    /// More volumes, the placement group, EBS optimization, monitoring, CPU credits, enclaves.
    #[serde(skip_serializing_if = "crate::config::InstanceOptions::is_empty")]
    pub instance: crate::config::InstanceOptions,
    /// `efaEnabled`: the group's instance types. The template then has an `efa` network
    /// interface on each network card the types all have (the fewest `MaximumNetworkCards`,
    /// read from EC2 when it is made), each in `security_groups`, as eksctl's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub efa_instance_types: Vec<String>,
}

/// Where the AMI comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AmiSource {
    /// An explicit `ami-...`.
    Id(String),
    /// An EKS-optimized SSM parameter.
    SsmParameter(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserDataSpec {
    /// `al2023`, `al2`, `ubuntu`, `bottlerocket` or `windows` (a file in `templates/`).
    pub template: String,
    pub cluster_name: String,
    pub endpoint: Val,
    pub certificate_authority: Val,
    pub service_cidr: Val,
    pub labels: BTreeMap<String, String>,
    pub taints: Vec<String>,
    pub max_pods: Option<i32>,
    pub pre_bootstrap_commands: Vec<String>,
    pub override_bootstrap_command: Option<String>,
    /// Bottlerocket's settings from the file (`bottlerocket`), merged under eksup's.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub settings: serde_json::Map<String, serde_json::Value>,
    /// `containerRuntime` of a self-managed group (Windows' bootstrap script takes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container_runtime: Option<String>,
    /// `clusterDNS` of a self-managed group: kubelet's DNS server for pods.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_dns: Option<String>,
    /// `kubeletExtraConfig` of a self-managed group, merged into kubelet's configuration.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub kubelet_extra: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Taint {
    pub key: String,
    pub value: String,
    pub effect: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessPolicyAssoc {
    pub policy_arn: String,
    /// `cluster` or `namespace`.
    pub scope: String,
    pub namespaces: Vec<String>,
}

/// What a step makes. Each variant holds the settings AWS needs, with references to other steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Resource {
    /// A new VPC with DNS support and hostnames on, and with `ipv6` an Amazon-provided IPv6 block.
    #[serde(rename_all = "camelCase")]
    Vpc {
        cidr: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        ipv6: bool,
        /// The IPv6 block from a BYOIP pool (`ipv6Pool`, `ipv6Cidr`) instead of Amazon's.
        #[serde(skip_serializing_if = "Option::is_none")]
        ipv6_pool: Option<Ipv6PoolBlock>,
    },
    /// Check an existing VPC and its subnets (nothing is created); with `ipv6` (an `IPv6`
    /// cluster) that they have IPv6 blocks.
    #[serde(rename_all = "camelCase")]
    ImportVpc {
        vpc_id: String,
        subnets: Vec<ImportedSubnet>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        ipv6: bool,
    },
    #[serde(rename_all = "camelCase")]
    Subnet {
        vpc: Val,
        az: String,
        cidr: String,
        kind: SubnetKind,
        /// Its /64 of the VPC's IPv6 block (`autoAllocateIPv6`, `IPv6` clusters).
        #[serde(skip_serializing_if = "Option::is_none")]
        ipv6: Option<SubnetIpv6>,
        /// How instances launched in it are named (`resource-name`, `ip-name`).
        #[serde(skip_serializing_if = "Option::is_none")]
        hostname_type: Option<String>,
    },
    /// An internet gateway attached to the VPC.
    #[serde(rename_all = "camelCase")]
    InternetGateway { vpc: Val },
    /// An egress-only internet gateway: IPv6 traffic out of the private subnets of an `IPv6`
    /// cluster, and none in.
    #[serde(rename_all = "camelCase")]
    EgressOnlyInternetGateway { vpc: Val },
    #[serde(rename_all = "camelCase")]
    ElasticIp { az: String },
    /// An SSH public key imported as an EC2 key pair (ImportKeyPair), named after its digest.
    KeyPair { key_name: String, public_key: String },
    /// An EC2 placement group an EFA node group's instances launch in (`cluster`: close
    /// together, as eksctl makes one for `efaEnabled` without `placement`).
    #[serde(rename_all = "camelCase")]
    PlacementGroup { group_name: String, strategy: String },
    #[serde(rename_all = "camelCase")]
    NatGateway { az: String, subnet: Val, allocation: Val },
    /// The user's virtual private gateway (`vgw-`) or transit gateway (`tgw-`) attached to the
    /// VPC; a transit gateway's attachment in `subnets` (one per zone).
    #[serde(rename_all = "camelCase")]
    GatewayAttachment { vpc: Val, gateway_id: String, subnets: Vec<SubnetRef> },
    /// A route table with its default route and subnet associations.
    #[serde(rename_all = "camelCase")]
    RouteTable {
        vpc: Val,
        kind: SubnetKind,
        az: Option<String>,
        /// `0.0.0.0/0` to an internet gateway (public) or NAT gateway (private), if any.
        default_route: Option<Val>,
        /// `::/0` to the internet gateway (public subnets with IPv6 blocks) or, for an `IPv6`
        /// cluster's private subnets, to the egress-only internet gateway.
        #[serde(skip_serializing_if = "Option::is_none")]
        ipv6_route: Option<Val>,
        subnets: Vec<Val>,
        /// Routes to the hybrid nodes' networks through their gateway (`vpcGatewayID`).
        #[serde(skip_serializing_if = "Option::is_none")]
        remote: Option<RemoteRoutes>,
    },
    /// A VPC endpoint of a fully-private cluster (eksctl's `vpc_endpoint.go`): for `s3` a
    /// gateway endpoint with routes in the private route tables (with an existing VPC, the
    /// tables the subnets are associated with), else an interface endpoint with private DNS in
    /// one of `subnets` per zone the service offers, in `security_groups`.
    #[serde(rename_all = "camelCase")]
    VpcEndpoint {
        vpc: Val,
        /// The service's short name (`ecr.api`, `s3`); AWS's is `com.amazonaws.<region>.<service>`.
        service: String,
        gateway: bool,
        subnets: Vec<SubnetRef>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        route_tables: Vec<Val>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        security_groups: Vec<Val>,
    },
    /// An IAM Roles Anywhere trust anchor (hybrid nodes with `remoteNetworkConfig.iam.provider:
    /// IRA`, as eksctl's `addIAMRolesAnywhere`): the certificate authority (`caBundleCert`, PEM)
    /// whose certificates the hybrid machines present.
    #[serde(rename_all = "camelCase")]
    TrustAnchor { name: String, certificate: String },
    /// An IAM Roles Anywhere profile: the roles a machine with a certificate of the trust anchor
    /// may take, with the role session name the machine asks for (`acceptRoleSessionName`).
    #[serde(rename_all = "camelCase")]
    AnywhereProfile { name: String, roles: Vec<Val> },
    /// A network ACL for the subnets of one kind, with its rules, associated with the subnets.
    #[serde(rename_all = "camelCase")]
    NetworkAcl { vpc: Val, kind: SubnetKind, subnets: Vec<Val>, rules: Vec<NaclRule> },
    #[serde(rename_all = "camelCase")]
    SecurityGroup {
        vpc: Val,
        group_name: String,
        description: String,
        rules: Vec<SgRule>,
        /// Tagged `kubernetes.io/cluster/<cluster>=owned`: the one group of a node the AWS cloud
        /// provider and load balancer controller may change for Services.
        kubernetes_owned: bool,
    },
    /// Rules added to a group once another group exists (the EKS-made cluster security group).
    #[serde(rename_all = "camelCase")]
    SecurityGroupRules { group: Val, rules: Vec<SgRule> },
    #[serde(rename_all = "camelCase")]
    IamRole {
        role_name: String,
        /// Who may assume the role.
        trust: Trust,
        managed_policies: Vec<String>,
        permissions_boundary: Option<String>,
        /// Inline policies: name to JSON document.
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        inline_policies: BTreeMap<String, String>,
        /// Tags of the role besides the ownership tags.
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        tags: BTreeMap<String, String>,
    },
    #[serde(rename_all = "camelCase")]
    InstanceProfile { profile_name: String, role: Val },
    /// The EKS control plane.
    #[serde(rename_all = "camelCase")]
    ControlPlane(Box<ControlPlaneSpec>),
    #[serde(rename_all = "camelCase")]
    OidcProvider { issuer: Val },
    #[serde(rename_all = "camelCase")]
    LaunchTemplate(Box<LaunchTemplateSpec>),
    #[serde(rename_all = "camelCase")]
    ManagedNodegroup(Box<ManagedNodegroupSpec>),
    #[serde(rename_all = "camelCase")]
    AutoScalingGroup(Box<AutoScalingGroupSpec>),
    #[serde(rename_all = "camelCase")]
    FargateProfile(Box<FargateProfileSpec>),
    #[serde(rename_all = "camelCase")]
    Addon {
        addon_name: String,
        /// `None`: the default version for the cluster's Kubernetes version.
        version: Option<String>,
        configuration_values: Option<String>,
        service_account_role_arn: Option<Val>,
        /// EKS Pod Identity for the add-on's service accounts: the associations EKS makes
        /// (and deletes) with the add-on.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        pod_identities: Vec<AddonPodIdentity>,
        resolve_conflicts: Option<String>,
        /// The namespace EKS installs it in (`namespaceConfig`); `None`: the add-on's own.
        #[serde(skip_serializing_if = "Option::is_none")]
        namespace: Option<String>,
        /// The catalogue entries the file accepts (`owners`, `publishers`, `types`).
        #[serde(skip_serializing_if = "AddonOffer::is_any")]
        offer: AddonOffer,
        /// Wait until ACTIVE. CoreDNS and metrics-server are Deployments: they turn ACTIVE only
        /// once nodes run them, so the run does not wait for them (as eksctl); the networking
        /// add-ons are waited for by their own [`Resource::AddonReady`] step when the run waits
        /// for nodes.
        wait: bool,
    },
    /// An add-on of the cluster ACTIVE (the wait alone; its [`Resource::Addon`] step asks for
    /// it).
    #[serde(rename_all = "camelCase")]
    AddonReady { addon_name: String },
    /// The nodes of a node group registered and Ready in Kubernetes.
    #[serde(rename_all = "camelCase")]
    NodesReady {
        nodegroup: String,
        /// The label that marks the group's nodes: `eks.amazonaws.com/nodegroup=<name>` for
        /// managed groups, `alpha.eksctl.io/nodegroup-name=<name>` for self-managed ones.
        selector: String,
        /// How many must be Ready (the group's desired, at least its minimum, size).
        count: i32,
        endpoint: Val,
        certificate_authority: Val,
    },
    /// The cluster endpoint's access once everything that needs the Kubernetes API is done: a
    /// fully-private cluster turns its public endpoint off (UpdateClusterConfig), as eksctl does.
    #[serde(rename_all = "camelCase")]
    EndpointAccess { public: bool, private: bool },
    /// A Kubernetes ServiceAccount annotated with the IAM role it takes
    /// (`eks.amazonaws.com/role-arn`), made or merged into through the cluster's API.
    #[serde(rename_all = "camelCase")]
    ServiceAccount {
        namespace: String,
        name: String,
        labels: BTreeMap<String, String>,
        annotations: BTreeMap<String, String>,
        /// The IRSA role it is annotated with; none for a pod identity association's account.
        role: Option<Val>,
        endpoint: Val,
        certificate_authority: Val,
    },
    /// An AWS service's access to a namespace, as eksctl grants it (`serviceName`): the
    /// namespace, a Role with the service's rules, a RoleBinding of it to `user`, and the
    /// service-linked role `service_linked_role` (of the cluster's account, `cluster_arn`'s)
    /// mapped to `user` in `kube-system/aws-auth` (EKS takes no access entry for a
    /// service-linked role).
    #[serde(rename_all = "camelCase")]
    ServiceAccess {
        service: String,
        user: String,
        namespace: String,
        service_linked_role: String,
        cluster_arn: Val,
        endpoint: Val,
        certificate_authority: Val,
    },
    /// eksctl's EFA device plugin DaemonSet (`kube-system/aws-efa-k8s-device-plugin`), made or
    /// replaced when a node group has `efaEnabled`: on the nodes of `instance_types` it
    /// advertises `vpc.amazonaws.com/efa`.
    #[serde(rename_all = "camelCase")]
    EfaDevicePlugin { instance_types: Vec<String>, endpoint: Val, certificate_authority: Val },
    /// Whole AWS accounts mapped in `kube-system/aws-auth` (`mapAccounts`): each IAM principal
    /// of those accounts authenticates as its ARN, with no group (eksctl's `account`).
    #[serde(rename_all = "camelCase")]
    AccountMappings { accounts: Vec<String>, endpoint: Val, certificate_authority: Val },
    /// An EKS Pod Identity association: pods of `namespace/service_account` get `role`'s
    /// credentials (or, with `target_role_arn`, those of the role `role` assumes in turn).
    #[serde(rename_all = "camelCase")]
    PodIdentityAssociation {
        namespace: String,
        service_account: String,
        role: Val,
        target_role_arn: Option<String>,
        disable_session_tags: bool,
        /// A session policy (JSON) narrowing the role's permissions.
        policy: Option<String>,
        tags: BTreeMap<String, String>,
    },
    #[serde(rename_all = "camelCase")]
    IdentityProvider(Box<IdentityProviderSpec>),
    #[serde(rename_all = "camelCase")]
    Capability(Box<CapabilitySpec>),
    #[serde(rename_all = "camelCase")]
    AccessEntry {
        principal: Val,
        /// `STANDARD`, `EC2_LINUX`, `EC2_WINDOWS`.
        entry_type: String,
        kubernetes_groups: Vec<String>,
        username: Option<String>,
        policies: Vec<AccessPolicyAssoc>,
    },
    #[serde(rename_all = "camelCase")]
    EcrRepository(Box<EcrRepositorySpec>),
    /// Write the kubeconfig context (local, no AWS call).
    #[serde(rename_all = "camelCase")]
    Kubeconfig { endpoint: Val, certificate_authority: Val },
}

impl Resource {
    /// The phase the step belongs to (see [`Kind::phase`]).
    pub fn phase(&self) -> &'static str {
        self.kind().phase()
    }
}

/// Who may assume an IAM role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Trust {
    /// An AWS service principal, e.g. `eks.amazonaws.com`, with an optional `Condition`.
    #[serde(rename_all = "camelCase")]
    Service { service: String, condition: Option<serde_json::Value> },
    /// A Kubernetes service account, through the cluster's IAM OIDC provider (IRSA).
    #[serde(rename_all = "camelCase")]
    /// `name` is matched as a pattern (`StringLike`) when `pattern` is set (`subjectPattern`).
    ServiceAccount { oidc_provider: Val, namespace: String, name: String, pattern: bool },
    /// EKS Pod Identity (`pods.eks.amazonaws.com`, with `sts:TagSession` for its session tags).
    PodIdentity,
    /// IAM Roles Anywhere (`rolesanywhere.amazonaws.com`, with `sts:TagSession` and
    /// `sts:SetSourceIdentity`) for machines holding a certificate of `trust_anchor` alone.
    #[serde(rename_all = "camelCase")]
    RolesAnywhere { trust_anchor: Val },
}

impl Trust {
    pub fn service(service: &str) -> Self {
        Self::Service { service: service.to_string(), condition: None }
    }

    /// Whether the role is made for one workload alone (a service account's, a pod identity's):
    /// its policies are the config's, and those the config no longer has are removed. Other
    /// roles (a node role) keep what was added beside eksup's.
    pub fn is_exclusive(&self) -> bool {
        matches!(self, Self::ServiceAccount { .. } | Self::PodIdentity)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EcrRepositorySpec {
    pub repository_name: String,
    pub image_tag_mutability: String,
    pub scan_on_push: bool,
    pub encryption_type: String,
    pub kms_key: Option<String>,
    /// The lifecycle policy document (JSON), if any.
    pub lifecycle_policy: Option<String>,
    /// The repository policy document (JSON) for cross-account pulls, if any.
    pub repository_policy: Option<String>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportedSubnet {
    /// The output key the subnet's id is published under (`subnet-private-us-west-2a`).
    pub key: String,
    /// The subnet id, or `None` to find it in the VPC by `cidr` (and `az`).
    pub id: Option<String>,
    pub az: Option<String>,
    pub cidr: Option<String>,
    pub kind: SubnetKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ControlPlaneSpec {
    pub version: String,
    pub role: Val,
    pub subnets: Vec<Val>,
    pub security_groups: Vec<Val>,
    pub endpoint_public_access: bool,
    pub endpoint_private_access: bool,
    pub public_access_cidrs: Vec<String>,
    pub log_types: Vec<String>,
    pub authentication_mode: String,
    pub bootstrap_cluster_creator_admin_permissions: bool,
    pub secrets_key_arn: Option<String>,
    pub service_ipv4_cidr: Option<String>,
    pub ip_family: String,
    pub upgrade_support_type: Option<String>,
    pub zonal_shift: Option<bool>,
    /// `cloudWatch.clusterLogging.logRetentionInDays`: the retention of the log group EKS
    /// writes the control plane's logs to (none: CloudWatch's default, forever).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_retention_days: Option<i32>,
    /// `controlPlaneScalingConfig.tier` (none: EKS's default, `standard`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_tier: Option<String>,
    /// EKS Auto Mode: compute, block storage and load balancing turned on together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_mode: Option<AutoModeSpec>,
    /// EKS Hybrid Nodes: the remote node and pod networks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_network: Option<RemoteNetworkSpec>,
    /// The settings of the control plane's components the file sets.
    #[serde(skip_serializing_if = "ComponentConfigSpec::is_empty")]
    pub components: ComponentConfigSpec,
    /// `vpc.controlPlaneEgressMode` (none: EKS's default, `AWS_MANAGED`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub egress_mode: Option<String>,
}

/// `kubeAPIServerConfig`, `kubeSchedulerConfig` and `kubeControllerManagerConfig` as EKS takes
/// and returns them; `None`: not in the file, left as EKS has it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComponentConfigSpec {
    /// kube-apiserver's event TTL (`30m`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_ttl: Option<String>,
    /// kube-apiserver's NodePort range: its first and last port.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_port_range: Option<(i32, i32)>,
    /// kube-scheduler's NodeResourcesFit scoring strategy: `LeastAllocated` or `MostAllocated`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring_type: Option<String>,
    /// Its resources and their weights, in the file's order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring_resources: Option<Vec<(String, i32)>>,
    /// kube-controller-manager's horizontal pod autoscaler sync period (`15s`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hpa_sync_period: Option<String>,
}

impl ComponentConfigSpec {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// `remoteNetworkConfig` as CreateCluster takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemoteNetworkSpec {
    pub node_cidrs: Vec<String>,
    pub pod_cidrs: Vec<String>,
}

/// A /56 of a BYOIP IPv6 address pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ipv6PoolBlock {
    pub pool: String,
    pub cidr: String,
}

/// Which add-ons of EKS's catalogue a file accepts (`owners`, `publishers`, `types`), as eksctl
/// filters DescribeAddonVersions with them: an add-on outside them is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddonOffer {
    pub owners: Vec<String>,
    pub publishers: Vec<String>,
    pub types: Vec<String>,
}

impl AddonOffer {
    /// No filter: any add-on of EKS's catalogue will do.
    pub fn is_any(&self) -> bool {
        self.owners.is_empty() && self.publishers.is_empty() && self.types.is_empty()
    }

    /// Why an add-on of this owner, publisher and type is not one the file accepts, if it is not.
    pub fn refuses(&self, owner: &str, publisher: &str, kind: &str) -> Option<String> {
        [
            ("owners", &self.owners, owner),
            ("publishers", &self.publishers, publisher),
            ("types", &self.types, kind),
        ]
        .into_iter()
        .find(|(_, want, have)| !want.is_empty() && !want.iter().any(|w| w == have))
        .map(|(field, want, have)| {
            let want: Vec<String> = want.iter().map(|w| format!("`{w}`")).collect();
            format!("its {} is `{have}`, not one of {}", field.trim_end_matches('s'), want.join(", "))
        })
    }
}

/// A service account of an add-on and the role its pods get through EKS Pod Identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddonPodIdentity {
    pub service_account: String,
    pub role: Val,
}

/// A subnet's share of its VPC's Amazon-provided IPv6 block: the `index`-th /64 of it, as
/// eksctl hands them out (`Fn::Cidr` of the block, in the order of the subnets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubnetIpv6 {
    pub vpc_block: Val,
    pub index: u32,
    /// Instances launched in it get an IPv6 address (`AssignIpv6AddressOnCreation`; `IPv6`
    /// clusters, whose nodes and pods talk IPv6).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub assign_on_create: bool,
}

/// An EKS capability as CreateCapability takes it, and the access policies eksup associates
/// with the access entry EKS makes for its role once it is ACTIVE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapabilitySpec {
    pub name: String,
    /// `ACK`, `KRO` or `ARGOCD`.
    pub capability_type: String,
    pub role: Val,
    pub delete_propagation_policy: String,
    /// Argo CD's settings (`ARGOCD` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argocd: Option<crate::config::types::ArgoCDConfiguration>,
    pub access_policies: Vec<AccessPolicyAssoc>,
    /// Tags of the capability besides the ownership tags.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

/// An OIDC identity provider config as AssociateIdentityProviderConfig takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProviderSpec {
    pub name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub username_claim: Option<String>,
    pub username_prefix: Option<String>,
    pub groups_claim: Option<String>,
    pub groups_prefix: Option<String>,
    pub required_claims: BTreeMap<String, String>,
    pub tags: BTreeMap<String, String>,
}

/// EKS Auto Mode as CreateCluster takes it: the built-in node pools and their nodes' role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoModeSpec {
    pub node_pools: Vec<String>,
    pub node_role: Option<Val>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ManagedNodegroupSpec {
    pub nodegroup_name: String,
    pub node_role: Val,
    pub subnets: Vec<Val>,
    pub min_size: i32,
    pub max_size: i32,
    pub desired_size: i32,
    pub instance_types: Vec<String>,
    pub ami_type: String,
    pub capacity_type: String,
    pub labels: BTreeMap<String, String>,
    pub taints: Vec<Taint>,
    /// The launch template's id: eksup's (an output) or the user's (`launchTemplate.id`).
    pub launch_template: Val,
    /// The user's launch template version (`launchTemplate.version`); eksup's is its latest.
    pub launch_template_version: Option<String>,
    pub release_version: Option<String>,
    pub max_unavailable: Option<i32>,
    pub max_unavailable_percentage: Option<i32>,
    /// Node auto repair, as the file gives it (none: EKS's default, off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_repair: Option<crate::config::NodeRepairConfig>,
    /// `propagateASGTags`: tags put on the Auto Scaling groups EKS makes for the group (not
    /// propagated to instances), as eksctl does: Cluster Autoscaler's label and taint templates
    /// and the group's tags.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub asg_tags: BTreeMap<String, String>,
    /// `asgSuspendProcesses`: the Auto Scaling processes suspended on the groups EKS makes for
    /// it, as on a self-managed group's ([`AutoScalingGroupSpec::suspend_processes`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend_processes: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoScalingGroupSpec {
    pub group_name: String,
    pub launch_template: Val,
    pub subnets: Vec<Val>,
    pub min_size: i32,
    pub max_size: i32,
    pub desired_capacity: Option<i32>,
    pub target_group_arns: Vec<String>,
    pub load_balancer_names: Vec<String>,
    pub max_instance_lifetime: Option<i32>,
    /// Metrics sent to CloudWatch: per entry the granularity and the metrics (none: all).
    pub metrics_collection: Vec<(String, Vec<String>)>,
    /// Several instance types and purchase options (a mixed instances policy).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Tags propagated to instances (besides the ownership tags).
    pub tags: BTreeMap<String, String>,
    /// `asgSuspendProcesses`: the Auto Scaling processes suspended on the group (none: the file
    /// does not say, and a re-run leaves the group's as they are; empty: none suspended).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suspend_processes: Option<Vec<String>>,
}

/// An Auto Scaling group's mixed instances policy, as the API takes it (`maxPrice` as the string
/// Auto Scaling keeps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Distribution {
    pub instance_types: Vec<String>,
    pub spot_max_price: Option<String>,
    pub on_demand_base_capacity: Option<i32>,
    pub on_demand_percentage_above_base_capacity: Option<i32>,
    pub spot_instance_pools: Option<i32>,
    pub spot_allocation_strategy: Option<String>,
    pub capacity_rebalance: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FargateProfileSpec {
    pub profile_name: String,
    pub pod_execution_role: Val,
    pub subnets: Vec<Val>,
    pub selectors: Vec<FargateSelectorSpec>,
    /// The file's tags (eksup's own are added when it is made).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FargateSelectorSpec {
    pub namespace: String,
    pub labels: BTreeMap<String, String>,
}

impl Resource {
    /// The step's kind.
    pub fn kind(&self) -> Kind {
        match self {
            Self::Vpc { .. } => Kind::Vpc,
            Self::ImportVpc { .. } => Kind::ExistingVpc,
            Self::Subnet { .. } => Kind::Subnet,
            Self::InternetGateway { .. } => Kind::InternetGateway,
            Self::EgressOnlyInternetGateway { .. } => Kind::EgressOnlyInternetGateway,
            Self::ElasticIp { .. } => Kind::ElasticIp,
            Self::KeyPair { .. } => Kind::KeyPair,
            Self::PlacementGroup { .. } => Kind::PlacementGroup,
            Self::EfaDevicePlugin { .. } => Kind::DevicePlugin,
            Self::NatGateway { .. } => Kind::NatGateway,
            Self::GatewayAttachment { .. } => Kind::GatewayAttachment,
            Self::RouteTable { .. } => Kind::RouteTable,
            Self::NetworkAcl { .. } => Kind::NetworkAcl,
            Self::VpcEndpoint { .. } => Kind::VpcEndpoint,
            Self::TrustAnchor { .. } => Kind::TrustAnchor,
            Self::AnywhereProfile { .. } => Kind::AnywhereProfile,
            Self::EndpointAccess { .. } => Kind::EndpointAccess,
            Self::SecurityGroup { .. } => Kind::SecurityGroup,
            Self::SecurityGroupRules { .. } => Kind::SecurityGroupRules,
            Self::IamRole { .. } => Kind::IamRole,
            Self::InstanceProfile { .. } => Kind::InstanceProfile,
            Self::ControlPlane(_) => Kind::ControlPlane,
            Self::OidcProvider { .. } => Kind::OidcProvider,
            Self::LaunchTemplate(_) => Kind::LaunchTemplate,
            Self::ManagedNodegroup(_) => Kind::ManagedNodegroup,
            Self::AutoScalingGroup(_) => Kind::AutoScalingGroup,
            Self::FargateProfile(_) => Kind::FargateProfile,
            Self::Addon { .. } => Kind::Addon,
            Self::AddonReady { .. } => Kind::AddonReady,
            Self::AccessEntry { .. } => Kind::AccessEntry,
            Self::NodesReady { .. } => Kind::NodesReady,
            Self::ServiceAccount { .. } => Kind::ServiceAccount,
            Self::ServiceAccess { .. } | Self::AccountMappings { .. } => Kind::KubernetesAccess,
            Self::PodIdentityAssociation { .. } => Kind::PodIdentityAssociation,
            Self::IdentityProvider(_) => Kind::IdentityProvider,
            Self::Capability(_) => Kind::Capability,
            Self::EcrRepository(_) => Kind::EcrRepository,
            Self::Kubeconfig { .. } => Kind::Kubeconfig,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step<R = Resource> {
    pub id: StepId,
    /// What people read: "subnet `192.168.0.0/19` (public, us-west-2a)".
    pub description: String,
    pub resource: R,
    pub depends_on: Vec<StepId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan<R = Resource> {
    pub cluster: String,
    pub region: String,
    /// Tags every resource gets: ownership tags plus `metadata.tags`.
    pub tags: BTreeMap<String, String>,
    pub steps: Vec<Step<R>>,
}

/// A plan whose graph is broken: a missing dependency or a cycle. A bug in the builder.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GraphError {
    #[error("step `{step}` depends on unknown step `{missing}`")]
    UnknownDependency { step: StepId, missing: StepId },
    #[error("the plan has a cycle through `{0}`")]
    Cycle(StepId),
    #[error("step id `{0}` appears twice")]
    Duplicate(StepId),
}

/// A node group of a plan that launches from one of the plan's launch templates.
pub struct TemplateGroup<'a> {
    /// The group as the file names it.
    pub name: String,
    pub managed: bool,
    pub subnets: &'a [Val],
    /// A managed group's instance types (a self-managed group's are in its template).
    pub instance_types: &'a [String],
    /// The nodes it asks for.
    pub desired: i32,
}

impl Plan {
    /// The node group that launches from launch template step `template`: a managed group by
    /// its own name, a self-managed one by its Auto Scaling group's without eksup's prefix.
    pub fn group_of_template(&self, template: &str) -> Option<TemplateGroup<'_>> {
        let uses = |v: &Val| matches!(v, Val::Out(r) if r.step == template);
        self.steps.iter().find_map(|s| match &s.resource {
            Resource::ManagedNodegroup(m) if uses(&m.launch_template) => Some(TemplateGroup {
                name: m.nodegroup_name.clone(),
                managed: true,
                subnets: &m.subnets,
                instance_types: &m.instance_types,
                desired: m.desired_size,
            }),
            Resource::AutoScalingGroup(a) if uses(&a.launch_template) => {
                let prefix = format!("eksup-{}-", self.cluster);
                Some(TemplateGroup {
                    name: a.group_name.strip_prefix(&prefix).unwrap_or(&a.group_name).to_string(),
                    managed: false,
                    subnets: &a.subnets,
                    instance_types: &[],
                    desired: a.desired_capacity.unwrap_or(0),
                })
            }
            _ => None,
        })
    }
}

impl<R> Plan<R> {
    /// The tags of step `id`'s resource: the plan's, the cluster and the step that own it, and
    /// a `Name`.
    pub fn step_tags(&self, id: &str) -> BTreeMap<String, String> {
        let mut t = self.tags.clone();
        t.insert(tags::CLUSTER.to_string(), self.cluster.clone());
        t.insert(tags::RESOURCE.to_string(), id.to_string());
        t.insert("Name".to_string(), format!("{}/{id}", self.cluster));
        t
    }

    pub fn step(&self, id: &str) -> Option<&Step<R>> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Check that every dependency exists, ids are unique and there is no cycle.
    pub fn check(&self) -> Result<(), GraphError> {
        let mut seen = HashSet::new();
        for s in &self.steps {
            if !seen.insert(s.id.as_str()) {
                return Err(GraphError::Duplicate(s.id.clone()));
            }
        }
        for s in &self.steps {
            for d in &s.depends_on {
                if !seen.contains(d.as_str()) {
                    return Err(GraphError::UnknownDependency { step: s.id.clone(), missing: d.clone() });
                }
            }
        }
        self.levels().map(|_| ())
    }

    /// Steps grouped in waves: every step of a wave depends only on earlier waves, so a wave
    /// can run in parallel. Order within a wave follows the plan.
    pub fn levels(&self) -> Result<Vec<Vec<&Step<R>>>, GraphError> {
        let mut level: HashMap<&str, usize> = HashMap::new();
        let mut remaining: Vec<&Step<R>> = self.steps.iter().collect();
        while !remaining.is_empty() {
            let before = remaining.len();
            remaining.retain(|s| {
                let deps: Option<Vec<usize>> =
                    s.depends_on.iter().map(|d| level.get(d.as_str()).copied()).collect();
                match deps {
                    Some(ls) => {
                        level.insert(&s.id, ls.into_iter().map(|l| l + 1).max().unwrap_or(0));
                        false
                    }
                    None => true,
                }
            });
            if remaining.len() == before {
                return Err(GraphError::Cycle(remaining[0].id.clone()));
            }
        }
        let depth = level.values().copied().max().map_or(0, |m| m + 1);
        let mut waves: Vec<Vec<&Step<R>>> = vec![Vec::new(); depth];
        for s in &self.steps {
            waves[level[s.id.as_str()]].push(s);
        }
        Ok(waves)
    }

    /// Ids of the steps that depend on `id`, directly.
    pub fn dependents(&self, id: &str) -> Vec<&Step<R>> {
        self.steps.iter().filter(|s| s.depends_on.iter().any(|d| d == id)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str, deps: &[&str]) -> Step {
        Step {
            id: id.into(),
            description: id.into(),
            resource: Resource::ElasticIp { az: "a".into() },
            depends_on: deps.iter().map(|d| (*d).to_string()).collect(),
        }
    }

    fn plan(steps: Vec<Step>) -> Plan {
        Plan { cluster: "c".into(), region: "r".into(), tags: BTreeMap::new(), steps }
    }

    #[test]
    fn levels_group_independent_steps() {
        let p = plan(vec![step("a", &[]), step("b", &["a"]), step("c", &[]), step("d", &["b", "c"])]);
        let ids: Vec<Vec<&str>> =
            p.levels().unwrap().iter().map(|w| w.iter().map(|s| s.id.as_str()).collect()).collect();
        assert_eq!(ids, vec![vec!["a", "c"], vec!["b"], vec!["d"]]);
    }

    #[test]
    fn cycles_and_unknown_deps_are_caught() {
        assert_eq!(
            plan(vec![step("a", &["b"]), step("b", &["a"])]).check(),
            Err(GraphError::Cycle("a".into()))
        );
        assert!(matches!(plan(vec![step("a", &["x"])]).check(), Err(GraphError::UnknownDependency { .. })));
        assert!(matches!(plan(vec![step("a", &[]), step("a", &[])]).check(), Err(GraphError::Duplicate(_))));
    }
}
