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
    #[serde(default)]
    pub metadata: ClusterMeta,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_network_config: Option<KubernetesNetworkConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upgrade_policy: Option<UpgradePolicy>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zonal_shift_config: Option<ZonalShiftConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iam: Option<ClusterIAM>,
    #[serde(rename = "iamIdentityMappings", skip_serializing_if = "Option::is_none")]
    pub iam_identity_mappings: Option<Vec<IAMIdentityMapping>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_config: Option<AccessConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc: Option<ClusterVPC>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons: Option<Vec<Addon>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addons_config: Option<AddonsConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_cluster: Option<PrivateCluster>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node_groups: Option<Vec<NodeGroup>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub managed_node_groups: Option<Vec<ManagedNodeGroup>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fargate_profiles: Option<Vec<FargateProfile>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_zones: Option<Vec<String>>,
    #[serde(rename = "cloudWatch", skip_serializing_if = "Option::is_none")]
    pub cloud_watch: Option<ClusterCloudWatch>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets_encryption: Option<SecretsEncryption>,
    /// ECR repositories (eksup.io/v1alpha1 only)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ecr: Option<EcrConfig>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterMeta {
    pub name: Option<String>,
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesNetworkConfig {
    /// `IPv4` (IPv6 is not supported yet)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_family: Option<String>,
    #[serde(rename = "serviceIPv4CIDR", skip_serializing_if = "Option::is_none")]
    pub service_ipv4_cidr: Option<String>,
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
pub struct ZonalShiftConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAM {
    #[serde(rename = "serviceRoleARN", skip_serializing_if = "Option::is_none")]
    pub service_role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_role_permissions_boundary: Option<String>,
    #[serde(rename = "fargatePodExecutionRoleARN", skip_serializing_if = "Option::is_none")]
    pub fargate_pod_execution_role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fargate_pod_execution_role_permissions_boundary: Option<String>,
    #[serde(rename = "withOIDC", skip_serializing_if = "Option::is_none")]
    pub with_oidc: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vpc_resource_controller_policy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_accounts: Option<Vec<ClusterIAMServiceAccount>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod_identity_associations: Option<Vec<PodIdentityAssociation>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAMServiceAccount {
    pub metadata: ClusterIAMMeta,
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    #[serde(rename = "attachRoleARN", skip_serializing_if = "Option::is_none")]
    pub attach_role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_only: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterIAMMeta {
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PodIdentityAssociation {
    pub namespace: Option<String>,
    pub service_account_name: Option<String>,
    #[serde(rename = "roleARN", skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create_service_account: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    #[serde(rename = "permissionPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub permission_policy_arns: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IAMIdentityMapping {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    #[serde(rename = "noDuplicateARNs", skip_serializing_if = "Option::is_none")]
    pub no_duplicate_arns: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessConfig {
    /// `API`, `API_AND_CONFIG_MAP` or `CONFIG_MAP`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authentication_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bootstrap_cluster_creator_admin_permissions: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_entries: Option<Vec<AccessEntry>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessEntry {
    #[serde(rename = "principalARN")]
    pub principal_arn: Option<String>,
    /// `STANDARD` (default), `EC2_LINUX`, `EC2_WINDOWS`
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub entry_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_groups: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kubernetes_username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_policies: Option<Vec<AccessPolicy>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessPolicy {
    #[serde(rename = "policyARN")]
    pub policy_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_scope: Option<AccessScope>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AccessScope {
    /// `cluster` or `namespace`
    #[serde(rename = "type")]
    pub scope_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespaces: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterVPC {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub security_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<ClusterSubnets>,
    /// `ip-name` or `resource-name`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hostname_type: Option<String>,
    #[serde(rename = "extraCIDRs", skip_serializing_if = "Option::is_none")]
    pub extra_cidrs: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_node_security_group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manage_shared_node_security_group_rules: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nat: Option<ClusterNAT>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_endpoints: Option<ClusterEndpoints>,
    #[serde(rename = "publicAccessCIDRs", skip_serializing_if = "Option::is_none")]
    pub public_access_cidrs: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterSubnets {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<BTreeMap<String, AZSubnetSpec>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public: Option<BTreeMap<String, AZSubnetSpec>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AZSubnetSpec {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private_access: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_access: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Addon {
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(rename = "serviceAccountRoleARN", skip_serializing_if = "Option::is_none")]
    pub service_account_role_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub configuration_values: Option<String>,
    /// `none`, `overwrite` or `preserve`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolve_conflicts: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

/// How the default add-ons are installed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddonsConfig {
    /// `true` skips the default add-ons (vpc-cni, kube-proxy, coredns, metrics-server): the
    /// cluster's nodes then stay NotReady until a network plugin is installed some other way
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_default_addons: Option<bool>,
    /// Pod identity associations for add-ons (not supported yet when true)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_apply_pod_identity_associations: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct PrivateCluster {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skip_endpoint_creation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_endpoint_services: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterCloudWatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_logging: Option<ClusterCloudWatchLogging>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClusterCloudWatchLogging {
    /// `api`, `audit`, `authenticator`, `controllerManager`, `scheduler`, `all` or `*`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_types: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_retention_in_days: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecretsEncryption {
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
            pub name: Option<String>,
            /// `AmazonLinux2023` (default), `AmazonLinux2` or `Bottlerocket`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ami_family: Option<String>,
            /// `ami-...` (with `amiFamily`), `auto` or `auto-ssm`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ami: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_type: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub availability_zones: Option<Vec<String>>,
            /// Subnet ids or aliases from `vpc.subnets`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub subnets: Option<Vec<String>>,
            /// The EC2 `Name` tag of the instances
            #[serde(skip_serializing_if = "Option::is_none")]
            pub instance_name: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub desired_capacity: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub min_size: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_size: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_size: Option<i64>,
            /// `gp3` (default), `gp2`, `io1`, `io2`, `sc1`, `st1`
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_type: Option<String>,
            #[serde(rename = "volumeIOPS", skip_serializing_if = "Option::is_none")]
            pub volume_iops: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_throughput: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub volume_encrypted: Option<bool>,
            #[serde(rename = "volumeKmsKeyID", skip_serializing_if = "Option::is_none")]
            pub volume_kms_key_id: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub ssh: Option<NodeGroupSSH>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub labels: Option<Map>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub private_networking: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub tags: Option<Map>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub iam: Option<NodeGroupIAM>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub security_groups: Option<NodeGroupSGs>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub max_pods_per_node: Option<i64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub pre_bootstrap_commands: Option<Vec<String>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub override_bootstrap_command: Option<String>,
            #[serde(rename = "disableIMDSv1", skip_serializing_if = "Option::is_none")]
            pub disable_imdsv1: Option<bool>,
            #[serde(rename = "disablePodIMDS", skip_serializing_if = "Option::is_none")]
            pub disable_pod_imds: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub update_config: Option<NodeGroupUpdateConfig>,
            $($extra)*
        }
    };
}

nodegroup_struct!(
    /// A self-managed node group: launch template plus Auto Scaling group.
    NodeGroup {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taints: Option<Taints>,
        #[serde(rename = "targetGroupARNs", skip_serializing_if = "Option::is_none")]
        pub target_group_arns: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub classic_load_balancer_names: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub max_instance_lifetime: Option<i64>,
    }
);

nodegroup_struct!(
    /// An EKS managed node group.
    ManagedNodeGroup {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub instance_types: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub spot: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub taints: Option<Vec<NodeGroupTaint>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub launch_template: Option<LaunchTemplate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub release_version: Option<String>,
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
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`
    pub effect: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupUpdateConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_unavailable_percentage: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct LaunchTemplate {
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupSSH {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow: Option<bool>,
    /// An existing EC2 key pair
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_key_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_security_group_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_ssm: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupIAM {
    #[serde(rename = "attachPolicyARNs", skip_serializing_if = "Option::is_none")]
    pub attach_policy_arns: Option<Vec<String>>,
    #[serde(rename = "instanceRoleARN", skip_serializing_if = "Option::is_none")]
    pub instance_role_arn: Option<String>,
    #[serde(rename = "instanceProfileARN", skip_serializing_if = "Option::is_none")]
    pub instance_profile_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_role_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance_role_permissions_boundary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_addon_policies: Option<NodeGroupIAMAddonPolicies>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupIAMAddonPolicies {
    /// Adds `AmazonEC2ContainerRegistryPowerUser`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_builder: Option<bool>,
    /// Adds `CloudWatchAgentServerPolicy`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch: Option<bool>,
    /// Adds `service-role/AmazonEBSCSIDriverPolicy`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ebs: Option<bool>,
    /// Adds `AmazonElasticFileSystemClientReadWriteAccess`... not supported yet when true
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaler: Option<bool>,
    #[serde(rename = "externalDNS", skip_serializing_if = "Option::is_none")]
    pub external_dns: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_manager: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_mesh: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_mesh_preview: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alb_ingress: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aws_load_balancer_controller: Option<bool>,
    #[serde(rename = "xRay", skip_serializing_if = "Option::is_none")]
    pub x_ray: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub efs: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fsx: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NodeGroupSGs {
    #[serde(rename = "attachIDs", skip_serializing_if = "Option::is_none")]
    pub attach_ids: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_shared: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_local: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FargateProfile {
    pub name: Option<String>,
    #[serde(rename = "podExecutionRoleARN", skip_serializing_if = "Option::is_none")]
    pub pod_execution_role_arn: Option<String>,
    pub selectors: Option<Vec<FargateProfileSelector>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subnets: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct FargateProfileSelector {
    pub namespace: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Map>,
}

/// `ecr:` (eksup.io/v1alpha1 only): the repositories the cluster's workloads use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repositories: Option<Vec<EcrRepositoryConfig>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrRepositoryConfig {
    pub name: Option<String>,
    /// `MUTABLE` or `IMMUTABLE` (default)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_tag_mutability: Option<String>,
    /// Default true
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_on_push: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encryption: Option<EcrEncryption>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle_policy: Option<EcrLifecyclePolicy>,
    /// Account ids allowed to pull
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pull_accounts: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Map>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrEncryption {
    /// `AES256` (default) or `KMS`
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub encryption_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct EcrLifecyclePolicy {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_last_images: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_untagged_after_days: Option<i64>,
    /// A raw ECR lifecycle policy document (JSON text)
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
}
