//! The `ClusterConfig` types, named after eksctl's schema definitions so that both formats share
//! one model. Every field is optional here: [`super::defaults`] fills what eksctl fills, and
//! [`super::validate`] checks the result. Fields of eksctl's schema that eksup does not model yet
//! are listed in [`super::known`] and refused with `not supported yet`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub type Map = BTreeMap<String, String>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
/// A cluster and everything it runs on.
pub struct ClusterConfig {
    /// `eksctl.io/v1alpha5` or `eksup.io/v1alpha1`
    #[serde(default)]
    pub api_version: String,
    /// Always `ClusterConfig`
    #[serde(default)]
    pub kind: String,
    /// The cluster's name, region, Kubernetes version and tags
    #[serde(default)]
    pub metadata: ClusterMeta,
    /// The cluster's service network
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_network_config: Option<KubernetesNetworkConfig>,
    /// The cluster's support policy (standard or extended support)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrade_policy: Option<UpgradePolicy>,
    /// Amazon Application Recovery Controller zonal shift
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zonal_shift_config: Option<ZonalShiftConfig>,
    /// EKS Provisioned Control Plane: the control plane's capacity tier
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control_plane_scaling_config: Option<ControlPlaneScalingConfig>,
    /// Settings of the control plane's kube-apiserver (Kubernetes 1.31 and later)
    #[serde(rename = "kubeAPIServerConfig", skip_serializing_if = "Option::is_none")]
    pub kube_api_server_config: Option<KubeAPIServerConfig>,
    /// Settings of the control plane's kube-scheduler (Kubernetes 1.31 and later)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kube_scheduler_config: Option<KubeSchedulerConfig>,
    /// Settings of the control plane's kube-controller-manager (Kubernetes 1.31 and later)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kube_controller_manager_config: Option<KubeControllerManagerConfig>,
    /// EKS Auto Mode: EKS runs the nodes, block storage and load balancing
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_mode_config: Option<AutoModeConfig>,
    /// An OIDC identity provider whose users and groups the cluster's API server accepts
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_providers: Option<Vec<IdentityProvider>>,
    /// EKS Hybrid Nodes: the networks of machines outside AWS that join the cluster
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_network_config: Option<RemoteNetworkConfig>,
    /// The cluster's IAM roles and OIDC provider
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam: Option<ClusterIAM>,
    /// IAM principals mapped to Kubernetes users and groups (created as access entries)
    #[serde(rename = "iamIdentityMappings", skip_serializing_if = "Option::is_none")]
    pub iam_identity_mappings: Option<Vec<IAMIdentityMapping>>,
    /// How IAM principals authenticate to the cluster, and their access entries
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_config: Option<AccessConfig>,
    /// The VPC: one eksup creates (the default) or an existing one
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc: Option<ClusterVPC>,
    /// EKS add-ons to install
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons: Option<Vec<Addon>>,
    /// How the default add-ons are installed
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons_config: Option<AddonsConfig>,
    /// A fully-private cluster: VPC endpoints, no internet gateway or NAT, a private endpoint
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_cluster: Option<PrivateCluster>,
    /// Self-managed node groups (launch template plus Auto Scaling group)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_groups: Option<Vec<NodeGroup>>,
    /// EKS managed node groups
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_node_groups: Option<Vec<ManagedNodeGroup>>,
    /// Fargate profiles
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
    /// At least two zones; default: the region's first three usable zones (two in us-east-1)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zones: Option<Vec<String>>,
    /// AWS Local Zones of the region (opted in) where eksup also lays out a public and a private
    /// subnet each, for self-managed node groups that name them in their `localZones`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_zones: Option<Vec<String>>,
    /// Control plane logging
    #[serde(rename = "cloudWatch", skip_serializing_if = "Option::is_none")]
    pub cloud_watch: Option<ClusterCloudWatch>,
    /// Envelope encryption of Kubernetes secrets with a KMS key
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets_encryption: Option<SecretsEncryption>,
    /// EKS capabilities: AWS Controllers for Kubernetes, kro and Argo CD, run by EKS
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capabilities: Option<Vec<Capability>>,
    /// ECR repositories (eksup.io/v1alpha1 only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecr: Option<EcrConfig>,
}

/// An EKS capability (CreateCapability) with the IAM role it acts as.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Capability {
    /// Unique in the cluster: letters, digits, `-` and `_`
    pub name: Option<String>,
    /// `ACK`, `KRO` or `ARGOCD`
    #[serde(rename = "type")]
    pub capability_type: Option<String>,
    /// An existing role trusted by `capabilities.eks.amazonaws.com`; default: one eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// What happens to the Kubernetes resources it manages when it is deleted: `RETAIN`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_propagation_policy: Option<String>,
    /// Argo CD's settings (type `ARGOCD` only, where they are required)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration: Option<CapabilityConfiguration>,
    /// Tags of the capability and of the role eksup creates for it
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    /// EKS access policies associated with the access entry EKS creates for the role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_policies: Option<Vec<AccessPolicy>>,
    /// Managed policies of the role eksup creates
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    /// An inline policy document for the role eksup creates (JSON or YAML)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach_policy: Option<serde_json::Value>,
    /// The permissions boundary of the role eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CapabilityConfiguration {
    /// Argo CD's settings
    #[serde(skip_serializing_if = "Option::is_none")]
    pub argocd: Option<ArgoCDConfiguration>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArgoCDConfiguration {
    /// The namespace Argo CD runs in (default: `argocd`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Private access to Argo CD's UI through VPC endpoints
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_access: Option<ArgoCDNetworkAccess>,
    /// IAM Identity Center users and groups given an Argo CD role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rbac_role_mappings: Option<Vec<ArgoCDRoleMapping>>,
    /// The IAM Identity Center instance Argo CD signs users in with (required)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_idc: Option<ArgoCDAWSIDC>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArgoCDNetworkAccess {
    /// VPC endpoint ids (`vpce-...`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpce_ids: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArgoCDRoleMapping {
    /// `ADMIN`, `EDITOR` or `VIEWER`
    pub role: Option<String>,
    /// The Identity Center users and groups given the role
    pub identities: Option<Vec<SSOIdentity>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SSOIdentity {
    /// The user's or group's id in IAM Identity Center
    pub id: Option<String>,
    /// `SSO_USER` or `SSO_GROUP`
    #[serde(rename = "type")]
    pub identity_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ArgoCDAWSIDC {
    /// `arn:aws:sso:::instance/ssoins-...`
    pub idc_instance_arn: Option<String>,
    /// The instance's region (default: the cluster's)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub idc_region: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterMeta {
    /// The cluster's name: a letter, then letters, digits and `-` (up to 100)
    pub name: Option<String>,
    /// The AWS region (or `--region`, `AWS_REGION`)
    pub region: Option<String>,
    /// The Kubernetes version, quoted, like `"1.34"`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Let `eksup upgrade cluster -f` go on although EKS's upgrade insights report errors
    /// (UpdateClusterVersion's `force`, as `--force`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_update_version: Option<bool>,
    /// How long EKS lets a version update run before it cancels it (`upgrade cluster -f`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollback_config: Option<RollbackConfig>,
    /// Tags on every resource eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    /// Free-form annotations (not sent to AWS)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Map>,
}

/// When EKS cancels a cluster version update that has not finished (`metadata.rollbackConfig`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RollbackConfig {
    /// Minutes, 120 (2 hours) to 10080 (7 days); EKS's default 720
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_minutes: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesNetworkConfig {
    /// `IPv4` (default) or `IPv6`: pods and services get IPv6 addresses, and the VPC eksup
    /// creates is dual-stack (an Amazon-provided /56, a /64 per subnet, an egress-only gateway)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_family: Option<String>,
    /// The CIDR Kubernetes service addresses come from (default: chosen by EKS)
    #[serde(rename = "serviceIPv4CIDR", skip_serializing_if = "Option::is_none")]
    pub service_ipv4_cidr: Option<String>,
    /// Refused: EKS chooses an `IPv6` cluster's service range itself (CreateCluster takes none);
    /// eksctl only reads it back from the cluster
    #[serde(rename = "serviceIPv6CIDR", skip_serializing_if = "Option::is_none")]
    pub service_ipv6_cidr: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpgradePolicy {
    /// `STANDARD` or `EXTENDED`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_type: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemoteNetworkConfig {
    /// How the hybrid nodes get AWS credentials, and their role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam: Option<RemoteNodesIAM>,
    /// A transit or virtual private gateway of yours to the remote networks (routes to them)
    #[serde(rename = "vpcGatewayID", skip_serializing_if = "Option::is_none")]
    pub vpc_gateway_id: Option<String>,
    /// The networks of the hybrid nodes (one entry of CIDRs)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_node_networks: Option<Vec<RemoteNetwork>>,
    /// The networks of pods on hybrid nodes (one entry of CIDRs)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_pod_networks: Option<Vec<RemoteNetwork>>,
}

impl ClusterConfig {
    /// `remoteNetworkConfig` when it gives hybrid nodes' networks (EKS Hybrid Nodes on).
    pub fn hybrid_nodes(&self) -> Option<&RemoteNetworkConfig> {
        self.remote_network_config
            .as_ref()
            .filter(|r| r.remote_node_networks.as_ref().is_some_and(|n| !n.is_empty()))
    }

    /// `remoteNetworkConfig` with `remoteNodeNetworks: []` (and no pod networks), as eksctl
    /// takes it: an existing cluster's remote networks are removed (hybrid nodes turned off).
    pub fn removes_remote_networks(&self) -> bool {
        self.remote_network_config.as_ref().is_some_and(|r| {
            r.remote_node_networks.as_ref().is_some_and(Vec::is_empty)
                && r.remote_pod_networks.as_ref().is_none_or(Vec::is_empty)
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemoteNodesIAM {
    /// `SSM` (hybrid activations, the default) or `IRA` (IAM Roles Anywhere: eksup makes a trust
    /// anchor for `caBundleCert` and a profile)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// The hybrid nodes' role (default: one eksup creates)
    #[serde(rename = "roleARN", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The PEM certificate of the certificate authority of the hybrid machines (`IRA`: IAM Roles
    /// Anywhere's trust anchor)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_bundle_cert: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemoteNetwork {
    /// IPv4 CIDRs in RFC 1918 or CGNAT (100.64.0.0/10) ranges
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidrs: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProvider {
    /// `oidc`, the only kind EKS takes
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The name of the association
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The provider's issuer URL (`https://...`)
    #[serde(rename = "issuerURL", skip_serializing_if = "Option::is_none")]
    pub issuer_url: Option<String>,
    /// The client id tokens are issued to
    #[serde(rename = "clientID", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The claim that names the user (EKS's default `sub`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_claim: Option<String>,
    /// A prefix for user names (not `system:`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username_prefix: Option<String>,
    /// The claim that lists the user's groups
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups_claim: Option<String>,
    /// A prefix for group names (not `system:`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups_prefix: Option<String>,
    /// Claims a token must carry, with their values (at most 10)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_claims: Option<Map>,
    /// Tags on the association
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AutoModeConfig {
    /// Turn EKS Auto Mode on (default off)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The built-in node pools, `general-purpose` and/or `system` (default both; `[]`: none)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_pools: Option<Vec<String>>,
    /// The role of the nodes Auto Mode launches (default: one eksup creates, when there are pools)
    #[serde(rename = "nodeRoleARN", skip_serializing_if = "Option::is_none")]
    pub node_role_arn: Option<String>,
    /// Permissions boundary of the node role eksup creates
    #[serde(rename = "permissionsBoundaryARN", skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_arn: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ControlPlaneScalingConfig {
    /// `standard` (EKS's default, scaling on demand), `tier-xl`, `tier-2xl`, `tier-4xl` or
    /// `tier-8xl` (capacity provisioned in advance, billed by the hour)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<String>,
}

/// `kubeAPIServerConfig`: what EKS lets you set of the kube-apiserver.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KubeAPIServerConfig {
    /// How long Kubernetes events are kept: one number and one unit, `10m` to `60m` (EKS's
    /// default `1h`)
    #[serde(rename = "eventTTL", skip_serializing_if = "Option::is_none")]
    pub event_ttl: Option<String>,
    /// The ports of NodePort services (EKS's default 30000 to 32767)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_node_port_range: Option<ServiceNodePortRange>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceNodePortRange {
    /// The first port, 10260 to 32767
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_port: Option<i64>,
    /// The last port, 10260 to 32767, not below `minPort`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_port: Option<i64>,
}

/// `kubeSchedulerConfig`: what EKS lets you set of the kube-scheduler.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KubeSchedulerConfig {
    /// The NodeResourcesFit plugin: how nodes are scored for a pod
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_resources_fit: Option<NodeResourcesFitConfig>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeResourcesFitConfig {
    /// How nodes are scored during scheduling
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring_strategy: Option<ScoringStrategy>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScoringStrategy {
    /// `LeastAllocated` (EKS's default: spread pods) or `MostAllocated` (pack them onto fewer
    /// nodes)
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub strategy_type: Option<String>,
    /// The resources scored and their weights
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<ResourceWeight>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceWeight {
    /// A resource, like `cpu` or `memory`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its weight, 1 to 100
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
}

/// `kubeControllerManagerConfig`: what EKS lets you set of the kube-controller-manager.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KubeControllerManagerConfig {
    /// The horizontal pod autoscaler controller
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizontal_pod_autoscaler_controller_config: Option<HorizontalPodAutoscalerControllerConfig>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HorizontalPodAutoscalerControllerConfig {
    /// How often the autoscaler syncs: one number and one unit, `10s` to `15s` (EKS's default
    /// `15s`); needs a provisioned control plane tier (`tier-xl` or larger)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub horizontal_pod_autoscaler_sync_period: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ZonalShiftConfig {
    /// Turn zonal shift on for the cluster
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAM {
    /// An existing role for the control plane (default: eksup creates one)
    #[serde(rename = "serviceRoleARN", skip_serializing_if = "Option::is_none")]
    pub service_role_arn: Option<String>,
    /// Permissions boundary ARN for the control plane role eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_role_permissions_boundary: Option<String>,
    /// An existing Fargate pod execution role (default: eksup creates one when there are Fargate profiles)
    #[serde(rename = "fargatePodExecutionRoleARN", skip_serializing_if = "Option::is_none")]
    pub fargate_pod_execution_role_arn: Option<String>,
    /// Permissions boundary ARN for the Fargate pod execution role eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fargate_pod_execution_role_permissions_boundary: Option<String>,
    /// Create the cluster's IAM OIDC provider (IRSA)
    #[serde(rename = "withOIDC", skip_serializing_if = "Option::is_none")]
    pub with_oidc: Option<bool>,
    /// Attach `AmazonEKSVPCResourceController` to the control plane role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc_resource_controller_policy: Option<bool>,
    /// IAM roles for service accounts (IRSA)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_accounts: Option<Vec<ClusterIAMServiceAccount>>,
    /// EKS Pod Identity associations: a role per service account, trusted by `pods.eks.amazonaws.com`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_identity_associations: Option<Vec<PodIdentityAssociation>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAMServiceAccount {
    /// The service account's name and namespace
    pub metadata: ClusterIAMMeta,
    /// Managed policies for the service account's role
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    /// An existing role for the service account
    #[serde(rename = "attachRoleARN", skip_serializing_if = "Option::is_none")]
    pub attach_role_arn: Option<String>,
    /// The name of the role to create
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    /// Create only the role, not the Kubernetes service account
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_only: Option<bool>,
    /// Permissions boundary ARN of the role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// Tags on the role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    /// An inline policy document for the role (JSON or YAML)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach_policy: Option<serde_json::Value>,
    /// eksctl's ready-made permissions for well-known controllers
    #[serde(skip_serializing_if = "Option::is_none")]
    pub well_known_policies: Option<WellKnownPolicies>,
    /// A pattern (`*`, `?`) the service account's name must match, instead of the name itself
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_pattern: Option<String>,
}

/// eksctl's `wellKnownPolicies`: the permissions of well-known controllers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WellKnownPolicies {
    /// ECR push and pull (AmazonEC2ContainerRegistryPowerUser)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_builder: Option<bool>,
    /// The cluster autoscaler's Auto Scaling and EC2 reads and writes
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaler: Option<bool>,
    /// The AWS Load Balancer Controller's permissions
    #[serde(rename = "awsLoadBalancerController", skip_serializing_if = "Option::is_none")]
    pub aws_load_balancer_controller: Option<bool>,
    /// external-dns: Route 53 record changes
    #[serde(rename = "externalDNS", skip_serializing_if = "Option::is_none")]
    pub external_dns: Option<bool>,
    /// cert-manager: Route 53 DNS-01 challenges
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_manager: Option<bool>,
    /// The EBS CSI driver (AmazonEBSCSIDriverPolicy)
    #[serde(rename = "ebsCSIController", skip_serializing_if = "Option::is_none")]
    pub ebs_csi_controller: Option<bool>,
    /// The EFS CSI driver's access points
    #[serde(rename = "efsCSIController", skip_serializing_if = "Option::is_none")]
    pub efs_csi_controller: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAMMeta {
    /// The service account's name
    pub name: Option<String>,
    /// The service account's namespace (default `default`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Labels of the service account
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map>,
    /// Annotations of the service account
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PodIdentityAssociation {
    /// The namespace of the service account
    pub namespace: Option<String>,
    /// The service account
    pub service_account_name: Option<String>,
    /// An existing role to associate (its trust must allow `pods.eks.amazonaws.com`)
    #[serde(rename = "roleARN", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// Create the Kubernetes service account too
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_service_account: Option<bool>,
    /// The name of the role to create
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    /// Permissions boundary ARN of the role eksup creates
    #[serde(rename = "permissionsBoundaryARN", skip_serializing_if = "Option::is_none")]
    pub permissions_boundary_arn: Option<String>,
    /// Managed policies for the role
    #[serde(rename = "permissionPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub permission_policy_arns: Option<Vec<String>>,
    /// An inline policy document for the role (JSON or YAML)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_policy: Option<serde_json::Value>,
    /// The name of the inline policy (default `Policy1`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_policy_name: Option<String>,
    /// eksctl's ready-made permissions for well-known controllers
    #[serde(skip_serializing_if = "Option::is_none")]
    pub well_known_policies: Option<WellKnownPolicies>,
    /// Tags on the association and on the role eksup creates
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    /// A role (in any account) the association's role assumes in turn: the credentials pods get
    #[serde(rename = "targetRoleARN", skip_serializing_if = "Option::is_none")]
    pub target_role_arn: Option<String>,
    /// Leave out the session tags EKS Pod Identity adds (cluster, namespace, service account...)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_session_tags: Option<bool>,
    /// A session policy (JSON) that narrows the role's permissions for these pods; needs
    /// `disableSessionTags: true`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IAMIdentityMapping {
    /// The IAM role or user ARN
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    /// The Kubernetes user name
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Kubernetes groups (`system:masters` maps to the cluster admin access policy)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    /// Map a whole account (the aws-auth ConfigMap's `mapAccounts`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// Map a service such as `emr-containers` (with `namespace`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    /// The namespace for a service mapping
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Refuse a mapping whose ARN is already mapped
    #[serde(rename = "noDuplicateARNs", skip_serializing_if = "Option::is_none")]
    pub no_duplicate_arns: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessConfig {
    /// `API`, `API_AND_CONFIG_MAP` or `CONFIG_MAP`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication_mode: Option<String>,
    /// Give the IAM principal that creates the cluster admin access (default true)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootstrap_cluster_creator_admin_permissions: Option<bool>,
    /// IAM principals and the access policies they get
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_entries: Option<Vec<AccessEntry>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessEntry {
    /// The IAM role or user ARN
    #[serde(rename = "principalARN")]
    pub principal_arn: Option<String>,
    /// `STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub entry_type: Option<String>,
    /// Kubernetes groups the principal is in (for RBAC bindings of your own)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_groups: Option<Vec<String>>,
    /// The Kubernetes user name of the principal
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_username: Option<String>,
    /// EKS access policies associated with the entry
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_policies: Option<Vec<AccessPolicy>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessPolicy {
    /// An EKS access policy, e.g. `arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy`
    #[serde(rename = "policyARN")]
    pub policy_arn: Option<String>,
    /// Where the policy applies: the whole cluster or some namespaces
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_scope: Option<AccessScope>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessScope {
    /// `cluster` or `namespace`
    #[serde(rename = "type")]
    pub scope_type: Option<String>,
    /// The namespaces of a `namespace` scope
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterVPC {
    /// An existing VPC (`vpc-...`): eksup then creates no network and needs `subnets`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The CIDR of the VPC eksup creates, /16 to /24
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// An existing control plane security group
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_group: Option<String>,
    /// Existing security groups for the control plane, instead of the one eksup makes (an
    /// existing VPC's, up to 5)
    #[serde(rename = "controlPlaneSecurityGroupIDs", skip_serializing_if = "Option::is_none")]
    pub control_plane_security_group_ids: Option<Vec<String>>,
    /// Subnets of an existing VPC for the control plane's network interfaces (default: all of
    /// the cluster's)
    #[serde(rename = "controlPlaneSubnetIDs", skip_serializing_if = "Option::is_none")]
    pub control_plane_subnet_ids: Option<Vec<String>>,
    /// Put the control plane's network interfaces in the private subnets only
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control_plane_on_private_subnets: Option<bool>,
    /// How the control plane's own traffic (webhooks, OIDC discovery) leaves: `AWS_MANAGED`
    /// (EKS's default) or `CUSTOMER_ROUTED` (through the cluster's subnets; final)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub control_plane_egress_mode: Option<String>,
    /// Subnets by zone (or alias): existing ones by `id`, or new ones by `cidr`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<ClusterSubnets>,
    /// The subnets eksup lays out in the cluster's `localZones` (as eksctl's, never read from or
    /// written to a file: they follow from `cidr` and the zones)
    #[serde(skip)]
    #[schemars(skip)]
    pub local_zone_subnets: Option<ClusterSubnets>,
    /// `ip-name` or `resource-name`: how instances launched in the subnets eksup creates are
    /// named in DNS (their private DNS name, and so the nodes' names)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname_type: Option<String>,
    /// An Amazon-provided IPv6 block for the VPC eksup creates and a /64 of it for each subnet
    /// (IPv4 clusters; the public subnets route `::/0` to the internet gateway)
    #[serde(rename = "autoAllocateIPv6", skip_serializing_if = "Option::is_none")]
    pub auto_allocate_ipv6: Option<bool>,
    /// Additional CIDR blocks associated with the VPC
    #[serde(rename = "extraCIDRs", skip_serializing_if = "Option::is_none")]
    pub extra_cidrs: Option<Vec<String>>,
    /// A /56 of a BYOIP IPv6 address pool for the VPC eksup creates, instead of an
    /// Amazon-provided block (`IPv6` clusters, with `ipv6Pool`)
    #[serde(rename = "ipv6Cidr", skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr: Option<String>,
    /// The BYOIP IPv6 address pool `ipv6Cidr` comes from (`ipv6pool-ec2-...`)
    #[serde(rename = "ipv6Pool", skip_serializing_if = "Option::is_none")]
    pub ipv6_pool: Option<String>,
    /// IPv6 blocks allowed to reach the Kubernetes API through the control plane's security
    /// group (`IPv6` clusters)
    #[serde(rename = "extraIPv6CIDRs", skip_serializing_if = "Option::is_none")]
    pub extra_ipv6_cidrs: Option<Vec<String>>,
    /// An existing security group shared by all nodes
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_node_security_group: Option<String>,
    /// Add eksup's rules to `sharedNodeSecurityGroup`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_shared_node_security_group_rules: Option<bool>,
    /// NAT gateways for the private subnets
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nat: Option<ClusterNAT>,
    /// Public and private access to the Kubernetes API
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_endpoints: Option<ClusterEndpoints>,
    /// CIDRs allowed to reach the public API endpoint (default `0.0.0.0/0`)
    #[serde(rename = "publicAccessCIDRs", skip_serializing_if = "Option::is_none")]
    pub public_access_cidrs: Option<Vec<String>>,
    /// Network ACLs for the public and private subnets (eksup.io/v1alpha1 only; default: the
    /// VPC's default ACL, which allows all traffic)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network_acls: Option<NetworkAcls>,
}

/// `vpc.networkAcls` (eksup.io/v1alpha1 only): opt-in network ACLs with the rules EKS needs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NetworkAcls {
    /// One network ACL for the public subnets and one for the private subnets, allowing only
    /// what EKS needs: HTTPS and kubelet within the VPC, DNS, ephemeral ports, NAT return
    /// traffic, and HTTP/HTTPS from the internet to the public subnets' load balancers
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterSubnets {
    /// Private subnets, by zone or alias
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<BTreeMap<String, AZSubnetSpec>>,
    /// Public subnets, by zone or alias
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<BTreeMap<String, AZSubnetSpec>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AZSubnetSpec {
    /// An existing subnet (`subnet-...`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The subnet's zone (default: the key)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    /// The subnet's CIDR, inside the VPC's
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterNAT {
    /// `HighlyAvailable`, `Single` (default) or `Disable`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gateway: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterEndpoints {
    /// The API endpoint is reachable from inside the VPC
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_access: Option<bool>,
    /// The API endpoint is reachable from the internet
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Addon {
    /// The add-on, e.g. `vpc-cni`, `coredns`, `aws-ebs-csi-driver`
    pub name: Option<String>,
    /// The add-on version, or `latest` (default: EKS's default for the cluster version)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The role the add-on's service account uses
    #[serde(rename = "serviceAccountRoleARN", skip_serializing_if = "Option::is_none")]
    pub service_account_role_arn: Option<String>,
    /// Configuration values (JSON or YAML text)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration_values: Option<String>,
    /// `none`, `overwrite` or `preserve`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolve_conflicts: Option<String>,
    /// Tags on the add-on
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    /// Managed policies for a role eksup makes for the add-on's service account (needs
    /// `iam.withOIDC`)
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    /// An inline policy document for that role (JSON or YAML)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach_policy: Option<serde_json::Value>,
    /// eksctl's ready-made permissions for that role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub well_known_policies: Option<WellKnownPolicies>,
    /// Permissions boundary ARN of that role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    /// EKS Pod Identity for the add-on's service accounts: EKS makes (and deletes with the
    /// add-on) an association per entry, with the entry's role or one eksup creates (needs the
    /// `eks-pod-identity-agent` add-on)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_identity_associations: Option<Vec<PodIdentityAssociation>>,
    /// Pod identity associations for the add-on's service accounts with roles eksup creates
    /// holding the policies AWS recommends for them
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_default_pod_identity_associations: Option<bool>,
    /// The Kubernetes namespace EKS installs the add-on in (default: the add-on's own, mostly
    /// `kube-system`); fixed once the add-on exists
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_config: Option<AddonNamespaceConfig>,
    /// Only an add-on of these publishers (as DescribeAddonVersions filters, e.g. `eks`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publishers: Option<Vec<String>>,
    /// Only an add-on of these types (as DescribeAddonVersions filters, e.g. `networking`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<String>>,
    /// Only an add-on of these owners (as DescribeAddonVersions filters: `aws`,
    /// `aws-marketplace`, `community`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owners: Option<Vec<String>>,
}

/// Where EKS installs an add-on.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddonNamespaceConfig {
    /// A Kubernetes namespace name (a DNS-1123 label); EKS creates it if it does not exist
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

/// How the default add-ons are installed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddonsConfig {
    /// `true` skips the default add-ons (vpc-cni, kube-proxy, coredns, metrics-server): the
    /// cluster's nodes then stay NotReady until a network plugin is installed some other way
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_default_addons: Option<bool>,
    /// `useDefaultPodIdentityAssociations` for every add-on AWS recommends pod identities for
    /// and that sets no IAM of its own
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_apply_pod_identity_associations: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrivateCluster {
    /// A fully-private cluster: VPC endpoints instead of a way out, a private endpoint only
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Do not create VPC endpoints
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_endpoint_creation: Option<bool>,
    /// Extra VPC endpoint services
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_endpoint_services: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterCloudWatch {
    /// Control plane log types sent to CloudWatch Logs
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_logging: Option<ClusterCloudWatchLogging>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterCloudWatchLogging {
    /// `api`, `audit`, `authenticator`, `controllerManager`, `scheduler`, `all` or `*`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_types: Option<Vec<String>>,
    /// Days the control plane's log group keeps its logs (CloudWatch Logs' periods)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_retention_in_days: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecretsEncryption {
    /// The KMS key ARN
    #[serde(rename = "keyARN")]
    pub key_arn: Option<String>,
}

/// Fields shared by self-managed and managed node groups.
macro_rules! nodegroup_struct {
    ($(#[$meta:meta])* $name:ident { $($extra:tt)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            /// The node group's name: letters, digits, `-` and `_`, unique in the cluster
            pub name: Option<String>,
            /// `AmazonLinux2023` (default), `AmazonLinux2` or `Bottlerocket`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ami_family: Option<String>,
            /// `ami-...` (with `amiFamily`), `auto` or `auto-ssm`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ami: Option<String>,
            /// The EC2 instance type, like `m5.large` (default `m5.large`)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_type: Option<String>,
            /// Zones of the node group (default: the cluster's)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub availability_zones: Option<Vec<String>>,
            /// Subnet ids or aliases from `vpc.subnets`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub subnets: Option<Vec<String>>,
            /// The EC2 `Name` tag of the instances (default `<cluster>-<group>-Node`)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_name: Option<String>,
            /// Put before the instances' `Name` tag, followed by `-`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_prefix: Option<String>,
            /// Tag the Auto Scaling group with the labels and taints for Cluster Autoscaler
            /// (`k8s.io/cluster-autoscaler/node-template/...`) and, on a managed group's (EKS
            /// makes it), with the group's tags
            #[serde(rename = "propagateASGTags", skip_serializing_if = "Option::is_none")]
            pub propagate_asg_tags: Option<bool>,
            /// Auto Scaling processes suspended on the group (a managed group's: the one EKS
            /// makes): `Launch`, `Terminate`, `AddToLoadBalancer`, `AlarmNotification`,
            /// `AZRebalance`, `HealthCheck`, `InstanceRefresh`, `ReplaceUnhealthy`,
            /// `ScheduledActions`
            #[serde(rename = "asgSuspendProcesses", skip_serializing_if = "Option::is_none")]
            pub asg_suspend_processes: Option<Vec<String>>,
            /// Nodes to run (default 2)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub desired_capacity: Option<i64>,
            /// Fewest nodes (default: desiredCapacity)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub min_size: Option<i64>,
            /// Most nodes (default: desiredCapacity)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_size: Option<i64>,
            /// Root volume size in GiB (default 80)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_size: Option<i64>,
            /// `gp3` (default), `gp2`, `io1`, `io2`, `sc1`, `st1`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_type: Option<String>,
            /// Root volume IOPS (gp3 3000-16000, default 3000; io1, io2)
            #[serde(rename = "volumeIOPS", skip_serializing_if = "Option::is_none")]
            pub volume_iops: Option<i64>,
            /// Root volume throughput in MiB/s (gp3 125-1000, default 125)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_throughput: Option<i64>,
            /// Encrypt the root volume
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_encrypted: Option<bool>,
            /// KMS key for the root volume (needs `volumeEncrypted`)
            #[serde(rename = "volumeKmsKeyID", skip_serializing_if = "Option::is_none")]
            pub volume_kms_key_id: Option<String>,
            /// SSH access to the nodes
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ssh: Option<NodeGroupSSH>,
            /// Kubernetes labels of the nodes
            #[serde(skip_serializing_if = "Option::is_none")]
            pub labels: Option<Map>,
            /// Put the nodes in the private subnets (default: public)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub private_networking: Option<bool>,
            /// Tags on the node group and its instances
            #[serde(skip_serializing_if = "Option::is_none")]
            pub tags: Option<Map>,
            /// The nodes' IAM role
            #[serde(skip_serializing_if = "Option::is_none")]
            pub iam: Option<NodeGroupIAM>,
            /// Security groups of the nodes
            #[serde(skip_serializing_if = "Option::is_none")]
            pub security_groups: Option<NodeGroupSGs>,
            /// Most pods per node
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_pods_per_node: Option<i64>,
            /// Shell commands run before the node joins
            #[serde(skip_serializing_if = "Option::is_none")]
            pub pre_bootstrap_commands: Option<Vec<String>>,
            /// Replaces the node's bootstrap command
            #[serde(skip_serializing_if = "Option::is_none")]
            pub override_bootstrap_command: Option<String>,
            /// Require IMDSv2 (default true)
            #[serde(rename = "disableIMDSv1", skip_serializing_if = "Option::is_none")]
            pub disable_imdsv1: Option<bool>,
            /// Keep pods away from the instance metadata (hop limit 1)
            #[serde(rename = "disablePodIMDS", skip_serializing_if = "Option::is_none")]
            pub disable_pod_imds: Option<bool>,
            /// How many nodes may be replaced at once during an update
            #[serde(skip_serializing_if = "Option::is_none")]
            pub update_config: Option<NodeGroupUpdateConfig>,
            /// Bottlerocket's own settings (with `amiFamily: Bottlerocket`)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub bottlerocket: Option<NodeGroupBottlerocket>,
            /// Instance types chosen by EC2 from what they have (instead of naming the types)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_selector: Option<InstanceSelector>,
            /// The device of the node's volume (default `/dev/xvda`; Windows `/dev/sda1`)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_name: Option<String>,
            /// More EBS volumes on each node
            #[serde(skip_serializing_if = "Option::is_none")]
            pub additional_volumes: Option<Vec<VolumeMapping>>,
            /// An existing EC2 placement group the nodes launch in
            #[serde(skip_serializing_if = "Option::is_none")]
            pub placement: Option<NodePlacement>,
            /// EBS-optimized instances
            #[serde(rename = "ebsOptimized", skip_serializing_if = "Option::is_none")]
            pub ebs_optimized: Option<bool>,
            /// EC2 detailed monitoring (one-minute metrics)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub enable_detailed_monitoring: Option<bool>,
            /// Which EC2 Capacity Reservations the nodes launch into: `open` ones, `none`, or one
            /// reservation (or resource group of them)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub capacity_reservation: Option<CapacityReservation>,
            /// `marketType: capacity-block`: the nodes run in a Capacity Block for ML (with a
            /// `capacityReservationTarget`)
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_market_options: Option<InstanceMarketOptions>,
            /// Elastic Fabric Adapter: an `efa` interface on each of the instance type's network
            /// cards, a `cluster` placement group (unless `placement` is set), a security group
            /// open to itself, and the EFA device plugin; one subnet or zone only
            #[serde(rename = "efaEnabled", skip_serializing_if = "Option::is_none")]
            pub efa_enabled: Option<bool>,
            $($extra)*
        }
    };
}

nodegroup_struct!(
    /// A self-managed node group: launch template plus Auto Scaling group.
    NodeGroup {
        /// Kubernetes taints: a list of `{key, value, effect}` or a map `key: value:Effect`
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taints: Option<Taints>,
        /// Load balancer target groups the instances join
        #[serde(rename = "targetGroupARNs", skip_serializing_if = "Option::is_none")]
        pub target_group_arns: Option<Vec<String>>,
        /// Classic load balancers the instances join
        #[serde(skip_serializing_if = "Option::is_none")]
        pub classic_load_balancer_names: Option<Vec<String>>,
        /// Seconds before an instance is replaced (at least 86400)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub max_instance_lifetime: Option<i64>,
        /// CloudWatch metrics of the Auto Scaling group
        #[serde(rename = "asgMetricsCollection", skip_serializing_if = "Option::is_none")]
        pub asg_metrics_collection: Option<Vec<MetricsCollection>>,
        /// Several instance types, On-Demand and Spot (an Auto Scaling mixed instances policy);
        /// `instanceType` is then `mixed` or unset
        #[serde(skip_serializing_if = "Option::is_none")]
        pub instances_distribution: Option<NodeGroupInstancesDistribution>,
        /// The container runtime: `containerd` (the only one of current Kubernetes versions)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub container_runtime: Option<String>,
        /// Local Zones of the cluster's `localZones` to run in (instead of `availabilityZones`)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub local_zones: Option<Vec<String>>,
        /// Burstable instances' CPU credits: `standard` or `unlimited` (T instance types)
        #[serde(rename = "cpuCredits", skip_serializing_if = "Option::is_none")]
        pub cpu_credits: Option<String>,
        /// AWS Nitro Enclaves on the nodes
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enclave_enabled: Option<bool>,
        /// The DNS server kubelet gives pods (default: the service range's `.10`, CoreDNS), e.g.
        /// NodeLocal DNSCache's `169.254.20.10`
        #[serde(rename = "clusterDNS", skip_serializing_if = "Option::is_none")]
        pub cluster_dns: Option<String>,
        /// Fields of kubelet's `KubeletConfiguration` merged into the node's (AmazonLinux2023)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub kubelet_extra_config: Option<serde_json::Map<String, serde_json::Value>>,
    }
);

/// One more EBS volume of each node (`additionalVolumes`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VolumeMapping {
    /// GiB
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_size: Option<i64>,
    /// `gp3` (default), `gp2`, `io1`, `io2`, `sc1`, `st1` or `standard`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_type: Option<String>,
    /// Its device, such as `/dev/xvdb` or `/dev/sdf`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_name: Option<String>,
    /// Encrypt the volume (default false)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_encrypted: Option<bool>,
    /// The KMS key of an encrypted volume (default: EBS's key)
    #[serde(rename = "volumeKmsKeyID", skip_serializing_if = "Option::is_none")]
    pub volume_kms_key_id: Option<String>,
    /// `io1`, `io2`, `gp3`
    #[serde(rename = "volumeIOPS", skip_serializing_if = "Option::is_none")]
    pub volume_iops: Option<i64>,
    /// MiB/s, `gp3`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_throughput: Option<i64>,
    /// An EBS snapshot the volume starts from
    #[serde(rename = "snapshotID", skip_serializing_if = "Option::is_none")]
    pub snapshot_id: Option<String>,
}

/// A node group's use of EC2 Capacity Reservations (`capacityReservation`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CapacityReservation {
    /// `open`: any open reservation that matches; `none`: never a reservation
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_reservation_preference: Option<String>,
    /// One reservation or one resource group of reservations (instead of a preference)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_reservation_target: Option<CapacityReservationTarget>,
}

/// The Capacity Reservation, or resource group of them, the nodes launch into.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CapacityReservationTarget {
    /// A reservation's id, `cr-...`
    #[serde(rename = "capacityReservationID", skip_serializing_if = "Option::is_none")]
    pub capacity_reservation_id: Option<String>,
    /// The ARN of a resource group of reservations
    #[serde(rename = "capacityReservationResourceGroupARN", skip_serializing_if = "Option::is_none")]
    pub capacity_reservation_resource_group_arn: Option<String>,
}

/// How the nodes are bought (`instanceMarketOptions`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InstanceMarketOptions {
    /// `capacity-block` (the only value eksctl takes)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_type: Option<String>,
}

/// The EC2 placement group a group's nodes launch in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodePlacement {
    /// The name of an existing placement group
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// Outposts' rack spreading (not for node groups in a Region)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spread_level: Option<String>,
}

/// A self-managed group's mix of instance types and purchase options.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupInstancesDistribution {
    /// The instance types, 1 to 20 (the first is the launch template's)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_types: Option<Vec<String>>,
    /// The most to pay per Spot instance hour, in USD (default: the On-Demand price)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_price: Option<f64>,
    /// On-Demand instances before any Spot one (default 0)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_base_capacity: Option<i64>,
    /// The On-Demand share above the base, 0 to 100 (default 100)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_percentage_above_base_capacity: Option<i64>,
    /// Spot pools to spread over, 1 to 20 (`lowest-price` only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spot_instance_pools: Option<i64>,
    /// `lowest-price`, `capacity-optimized`, `capacity-optimized-prioritized` or
    /// `price-capacity-optimized`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spot_allocation_strategy: Option<String>,
    /// Replace Spot instances at risk of interruption before they are interrupted
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_rebalance: Option<bool>,
}

/// Group metrics sent to CloudWatch (EnableMetricsCollection).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MetricsCollection {
    /// How often: `1Minute`, the only value AWS takes
    pub granularity: String,
    /// The metrics, like `GroupDesiredCapacity` (default: all)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metrics: Option<Vec<String>>,
}

nodegroup_struct!(
    /// An EKS managed node group.
    ManagedNodeGroup {
        /// Several instance types (instead of `instanceType`)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub instance_types: Option<Vec<String>>,
        /// Spot capacity
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spot: Option<bool>,
        /// Kubernetes taints of the nodes
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taints: Option<Vec<NodeGroupTaint>>,
        /// A launch template of your own
        #[serde(skip_serializing_if = "Option::is_none")]
        pub launch_template: Option<LaunchTemplate>,
        /// The AMI release version (default: the latest)
        #[serde(skip_serializing_if = "Option::is_none")]
        pub release_version: Option<String>,
        /// EKS node auto repair
        #[serde(skip_serializing_if = "Option::is_none")]
        pub node_repair_config: Option<NodeRepairConfig>,
    }
);

/// Self-managed taints: a list of `{key, value, effect}` or a map `key: value:Effect`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Taints {
    List(Vec<NodeGroupTaint>),
    Map(Map),
}

impl Taints {
    /// As a list, in a stable order.
    pub fn to_list(&self) -> Vec<NodeGroupTaint> {
        match self {
            Self::List(l) => l.clone(),
            Self::Map(m) => m
                .iter()
                .map(|(k, v)| {
                    let (value, effect) = match v.split_once(':') {
                        Some((val, eff)) => (val.to_string(), eff.to_string()),
                        None => (v.clone(), String::new()),
                    };
                    NodeGroupTaint { key: Some(k.clone()), value: Some(value), effect: Some(effect) }
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupTaint {
    /// The taint's key
    pub key: Option<String>,
    /// The taint's value
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`
    pub effect: Option<String>,
}

/// EKS node auto repair of a managed node group (NodeRepairConfig). For each threshold, a count or
/// a percentage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeRepairConfig {
    /// Repair unhealthy nodes (EKS's default: off)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Stop repairing above this many unhealthy nodes
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unhealthy_node_threshold_count: Option<i64>,
    /// Stop repairing above this percentage of unhealthy nodes (1 to 100)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unhealthy_node_threshold_percentage: Option<i64>,
    /// Repair at most this many nodes at once
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_parallel_nodes_repaired_count: Option<i64>,
    /// Repair at most this percentage of the unhealthy nodes at once (1 to 100)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_parallel_nodes_repaired_percentage: Option<i64>,
    /// What to do, and after how long, for a given condition and reason
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_repair_config_overrides: Option<Vec<NodeRepairConfigOverride>>,
}

/// One override of node auto repair: every field is required.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeRepairConfigOverride {
    /// The node monitoring agent's condition, like `AcceleratedInstanceNotReady`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_monitoring_condition: Option<String>,
    /// The agent's reason, like `NvidiaXID13Error`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_unhealthy_reason: Option<String>,
    /// Minutes to wait before repairing
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_repair_wait_time_mins: Option<i64>,
    /// `Replace`, `Reboot` or `NoAction`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair_action: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupUpdateConfig {
    /// Nodes replaced at once
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<i64>,
    /// Percentage of nodes replaced at once, 1 to 100
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable_percentage: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LaunchTemplate {
    /// The launch template (`lt-...`)
    pub id: Option<String>,
    /// Its version (default: the default version)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// What the instance types of a node group have: EC2 names the types that match exactly
/// (GetInstanceTypesFromInstanceRequirements), offered in the group's zones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct InstanceSelector {
    /// vCPUs of each type
    #[serde(rename = "vCPUs", skip_serializing_if = "Option::is_none")]
    pub vcpus: Option<i64>,
    /// Memory of each type: a number of GiB (`"4"`), or with a unit (`2GiB`, `512MiB`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<String>,
    /// GPUs of each type; `0` for types without accelerators
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gpus: Option<i64>,
    /// AWS Neuron (Inferentia, Trainium) devices of each type; `0` for types without accelerators
    #[serde(rename = "neuron_devices", skip_serializing_if = "Option::is_none")]
    pub neuron_devices: Option<i64>,
    /// `x86_64` (default, also `amd64`) or `arm64`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cpu_architecture: Option<String>,
    /// A regular expression the type's name must match (e.g. `^[cm][5-7]`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<String>,
    /// A regular expression the type's name must not match
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deny: Option<String>,
    /// The types were chosen by EC2 for this selector when the config was loaded
    /// ([`crate::config::instance_selector::apply`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub resolved: bool,
}

/// A Bottlerocket node's settings beyond those eksup derives from the node group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupBottlerocket {
    /// Run Bottlerocket's admin container (`settings.host-containers.admin.enabled`; default: on
    /// with `ssh.allow`, through which SSH reaches the node)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_admin_container: Option<bool>,
    /// Bottlerocket's settings (its API's `settings`, written as TOML user data), e.g.
    /// `motd: hello` or `kernel: {sysctl: {...}}`; labels, taints, max pods and the cluster's
    /// own fields come from the node group and the cluster
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupSSH {
    /// Open port 22 to the nodes
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<bool>,
    /// An existing EC2 key pair
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key_name: Option<String>,
    /// A public key file to import as an EC2 key pair (`~/` is your home)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key_path: Option<String>,
    /// A public key to import as an EC2 key pair (`ssh-rsa ...` or `ssh-ed25519 ...`)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
    /// The key read from `publicKeyPath` (or from `~/.ssh/id_rsa.pub` for `allow: true` alone)
    /// when the config is loaded ([`crate::config::read_public_keys`]).
    #[serde(skip)]
    #[schemars(skip)]
    pub key_read: Option<String>,
    /// Security groups allowed to reach port 22
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_security_group_ids: Option<Vec<String>>,
    /// SSM Session Manager (always on)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_ssm: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupIAM {
    /// Managed policies for the node role (replaces the defaults)
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    /// An inline policy document for the node role (JSON or YAML), named `attach-policy`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach_policy: Option<serde_json::Value>,
    /// An existing node role
    #[serde(rename = "instanceRoleARN", skip_serializing_if = "Option::is_none")]
    pub instance_role_arn: Option<String>,
    /// An existing instance profile (self-managed node groups only)
    #[serde(rename = "instanceProfileARN", skip_serializing_if = "Option::is_none")]
    pub instance_profile_arn: Option<String>,
    /// The name of the node role eksup creates (up to 64 characters)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_role_name: Option<String>,
    /// Permissions boundary ARN of the node role
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_role_permissions_boundary: Option<String>,
    /// Extra policies for common add-ons
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_addon_policies: Option<NodeGroupIAMAddonPolicies>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupIAMAddonPolicies {
    /// Pushing images to ECR: `AmazonEC2ContainerRegistryPowerUser`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_builder: Option<bool>,
    /// The CloudWatch agent: `CloudWatchAgentServerPolicy`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch: Option<bool>,
    /// The EBS CSI driver: `service-role/AmazonEBSCSIDriverPolicy`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ebs: Option<bool>,
    /// Cluster Autoscaler: an inline policy, and (self-managed groups) its Auto Scaling group tags
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaler: Option<bool>,
    /// external-dns: Route 53 record changes (inline)
    #[serde(rename = "externalDNS", skip_serializing_if = "Option::is_none")]
    pub external_dns: Option<bool>,
    /// cert-manager: Route 53 DNS-01 challenges (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_manager: Option<bool>,
    /// App Mesh: Cloud Map, Route 53 health checks, `appmesh:*` (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_mesh: Option<bool>,
    /// App Mesh preview: as `appMesh`, with `appmesh-preview:*` (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_mesh_preview: Option<bool>,
    /// The old name of `awsLoadBalancerController`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alb_ingress: Option<bool>,
    /// AWS Load Balancer Controller (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_load_balancer_controller: Option<bool>,
    /// The X-Ray daemon (inline)
    #[serde(rename = "xRay", skip_serializing_if = "Option::is_none")]
    pub x_ray: Option<bool>,
    /// EFS: `elasticfilesystem:*` and the network interfaces it needs (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efs: Option<bool>,
    /// FSx: `fsx:*` and its service-linked roles (inline)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fsx: Option<bool>,
}

impl NodeGroupIAMAddonPolicies {
    /// The flags turned on, by their names in the file.
    pub fn enabled(&self) -> Vec<&'static str> {
        [
            ("imageBuilder", self.image_builder),
            ("cloudWatch", self.cloud_watch),
            ("ebs", self.ebs),
            ("autoScaler", self.auto_scaler),
            ("externalDNS", self.external_dns),
            ("certManager", self.cert_manager),
            ("appMesh", self.app_mesh),
            ("appMeshPreview", self.app_mesh_preview),
            ("albIngress", self.alb_ingress),
            ("awsLoadBalancerController", self.aws_load_balancer_controller),
            ("xRay", self.x_ray),
            ("efs", self.efs),
            ("fsx", self.fsx),
        ]
        .into_iter()
        .filter(|(_, on)| *on == Some(true))
        .map(|(name, _)| name)
        .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupSGs {
    /// Existing security groups added to the nodes
    #[serde(rename = "attachIDs", skip_serializing_if = "Option::is_none")]
    pub attach_ids: Option<Vec<String>>,
    /// Add the shared node security group (self-managed only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_shared: Option<bool>,
    /// Add a security group of the node group's own (self-managed only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_local: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FargateProfile {
    /// The profile's name (not starting with `eks-`)
    pub name: Option<String>,
    /// An existing pod execution role
    #[serde(rename = "podExecutionRoleARN", skip_serializing_if = "Option::is_none")]
    pub pod_execution_role_arn: Option<String>,
    /// Which pods run on Fargate: 1 to 5 selectors
    pub selectors: Option<Vec<FargateProfileSelector>>,
    /// Subnet ids (default: the private subnets)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    /// Tags on the profile
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FargateProfileSelector {
    /// Pods in this namespace
    pub namespace: Option<String>,
    /// Pods with all these labels (up to 5)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map>,
}

/// `ecr:` (eksup.io/v1alpha1 only): the repositories the cluster's workloads use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrConfig {
    /// The repositories
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repositories: Option<Vec<EcrRepositoryConfig>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrRepositoryConfig {
    /// The repository name, like `team/app`
    pub name: Option<String>,
    /// `MUTABLE` or `IMMUTABLE` (default)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_tag_mutability: Option<String>,
    /// Default true
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_on_push: Option<bool>,
    /// Encryption at rest (cannot be changed once created)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption: Option<EcrEncryption>,
    /// Which images ECR expires
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle_policy: Option<EcrLifecyclePolicy>,
    /// Account ids allowed to pull
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pull_accounts: Option<Vec<String>>,
    /// Tags on the repository
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrEncryption {
    /// `AES256` (default) or `KMS`
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub encryption_type: Option<String>,
    /// The KMS key (with `type: KMS`; default: the AWS managed key)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrLifecyclePolicy {
    /// Keep this many most recent images
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_last_images: Option<i64>,
    /// Expire untagged images after this many days
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_untagged_after_days: Option<i64>,
    /// A raw ECR lifecycle policy document (JSON text)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}
