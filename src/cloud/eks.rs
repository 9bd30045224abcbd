//! EKS: the control plane, managed nodegroups, Fargate profiles, add-ons and access entries.

use std::collections::HashMap;

use anyhow::Context as _;
use aws_sdk_eks::types::{
    AccessScope, AccessScopeType, AddonStatus, AmiTypes, AuthenticationMode, CapacityTypes, Cluster,
    ClusterStatus, CreateAccessConfigRequest, EncryptionConfig, FargateProfileSelector, FargateProfileStatus,
    IpFamily, KubernetesNetworkConfigRequest, LaunchTemplateSpecification, LogSetup, LogType, Logging,
    Nodegroup, NodegroupScalingConfig, NodegroupStatus, NodegroupUpdateConfig, Provider, ResolveConflicts,
    SupportType, Taint, TaintEffect, UpgradePolicyRequest, VpcConfigRequest, ZonalShiftConfigRequest,
};

use super::ec2::filter;
use super::error::{ApiResult as _, CloudError, ErrorKind, OrNotFound as _};
use super::{AwsCloud, Poll, iam_propagation, limits, retry_while, step_tags, wait_for, while_dependent};
use crate::executor::{Action, Progress, StepContext, StepOutputs, StepResult};
use crate::plan::drift;
use crate::plan::{
    AccessPolicyAssoc, ControlPlaneSpec, FargateProfileSpec, IdentityProviderSpec, ManagedNodegroupSpec, Val,
    keys, tags as tag_keys,
};

/// One part of a cluster that `delete <part>` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartRef {
    /// `preserve`: leave the add-on's software on the cluster.
    Addon {
        name: String,
        preserve: bool,
    },
    FargateProfile(String),
    /// By principal ARN.
    AccessEntry(String),
    /// By name; its IAM role goes too when eksup made it for the capability.
    Capability(String),
    /// By an IAM role or user ARN (its access entry, and its entries in aws-auth) or an account
    /// id (its `mapAccounts` entry).
    IdentityMapping(String),
}

impl PartRef {
    /// The part's id in progress lines (`addon/vpc-cni`).
    fn id(&self) -> String {
        match self {
            Self::Addon { name, .. } => format!("addon/{name}"),
            Self::FargateProfile(name) => format!("fargate/{name}"),
            Self::AccessEntry(arn) => format!("accessentry/{arn}"),
            Self::Capability(name) => format!("capability/{name}"),
            Self::IdentityMapping(arn) => format!("iamidentitymapping/{arn}"),
        }
    }
}

impl std::fmt::Display for PartRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Addon { name, .. } => write!(f, "add-on `{name}`"),
            Self::FargateProfile(name) => write!(f, "Fargate profile `{name}`"),
            Self::AccessEntry(arn) => write!(f, "access entry for `{arn}`"),
            Self::Capability(name) => write!(f, "capability `{name}`"),
            Self::IdentityMapping(arn) => write!(f, "identity mapping of `{arn}`"),
        }
    }
}

/// A Fargate profile's tags: the file's (`fargateProfiles[].tags`), with eksup's ownership tags
/// over them.
fn fargate_tags(
    ctx: &StepContext<'_>,
    spec: &FargateProfileSpec,
) -> std::collections::BTreeMap<String, String> {
    let mut tags = spec.tags.clone();
    tags.extend(step_tags(ctx));
    tags
}

/// `remoteNetworkConfig` as CreateCluster and UpdateClusterConfig take it: each list as one
/// entry of CIDRs; an empty list is left out, or with `empty_removes` (an update: AWS's user guide,
/// each list given replaces the cluster's) sent empty, which removes it.
pub(super) fn remote_network_config(
    nodes: &[String],
    pods: &[String],
    empty_removes: bool,
) -> aws_sdk_eks::types::RemoteNetworkConfigRequest {
    use aws_sdk_eks::types::{RemoteNodeNetwork, RemotePodNetwork};
    let list = |cidrs: &[String]| -> Option<Vec<String>> {
        (!cidrs.is_empty() || empty_removes).then(|| cidrs.to_vec())
    };
    let nodes = list(nodes).map(|c| {
        if c.is_empty() { vec![] } else { vec![RemoteNodeNetwork::builder().set_cidrs(Some(c)).build()] }
    });
    let pods = list(pods).map(|c| {
        if c.is_empty() { vec![] } else { vec![RemotePodNetwork::builder().set_cidrs(Some(c)).build()] }
    });
    aws_sdk_eks::types::RemoteNetworkConfigRequest::builder()
        .set_remote_node_networks(nodes)
        .set_remote_pod_networks(pods)
        .build()
}

/// CreateCluster's `resourcesVpcConfig`: subnets, security groups, endpoint access and the
/// control plane's egress.
fn vpc_config(ctx: &StepContext<'_>, spec: &ControlPlaneSpec) -> anyhow::Result<VpcConfigRequest> {
    let mut security_groups = Vec::new();
    for sg in &spec.security_groups {
        security_groups.extend(ctx.resolve_opt(sg)?);
    }
    Ok(VpcConfigRequest::builder()
        .set_subnet_ids(Some(ctx.resolve_all(&spec.subnets)?))
        .set_security_group_ids(Some(security_groups))
        .endpoint_public_access(spec.endpoint_public_access)
        .endpoint_private_access(spec.endpoint_private_access)
        .set_public_access_cidrs(
            (!spec.public_access_cidrs.is_empty()).then(|| spec.public_access_cidrs.clone()),
        )
        .set_control_plane_egress_mode(
            spec.egress_mode.as_deref().map(aws_sdk_eks::types::ControlPlaneEgressModeType::from),
        )
        .build())
}

/// EKS Auto Mode's compute, block storage and load balancing, which EKS takes only together, on
/// or off; the node pools (and their role, as the caller gives it) only when on.
pub(super) fn auto_mode_configs(
    on: bool,
    node_pools: &[String],
    node_role: Option<String>,
) -> (
    aws_sdk_eks::types::ComputeConfigRequest,
    aws_sdk_eks::types::StorageConfigRequest,
    aws_sdk_eks::types::ElasticLoadBalancing,
) {
    use aws_sdk_eks::types::{
        BlockStorage, ComputeConfigRequest, ElasticLoadBalancing, StorageConfigRequest,
    };
    let compute = ComputeConfigRequest::builder()
        .enabled(on)
        .set_node_pools((on && !node_pools.is_empty()).then(|| node_pools.to_vec()))
        .set_node_role_arn(node_role)
        .build();
    let storage =
        StorageConfigRequest::builder().block_storage(BlockStorage::builder().enabled(on).build()).build();
    (compute, storage, ElasticLoadBalancing::builder().enabled(on).build())
}

/// The file's node repair settings as EKS takes them.
pub(super) fn node_repair_config(
    r: &crate::config::NodeRepairConfig,
) -> aws_sdk_eks::types::NodeRepairConfig {
    use aws_sdk_eks::types::{NodeRepairConfigOverrides, RepairAction};
    let int = |n: Option<i64>| n.map(crate::config::resolved::int);
    aws_sdk_eks::types::NodeRepairConfig::builder()
        .set_enabled(r.enabled)
        .set_max_unhealthy_node_threshold_count(int(r.max_unhealthy_node_threshold_count))
        .set_max_unhealthy_node_threshold_percentage(int(r.max_unhealthy_node_threshold_percentage))
        .set_max_parallel_nodes_repaired_count(int(r.max_parallel_nodes_repaired_count))
        .set_max_parallel_nodes_repaired_percentage(int(r.max_parallel_nodes_repaired_percentage))
        .set_node_repair_config_overrides(r.node_repair_config_overrides.as_ref().map(|list| {
            list.iter()
                .map(|o| {
                    NodeRepairConfigOverrides::builder()
                        .set_node_monitoring_condition(o.node_monitoring_condition.clone())
                        .set_node_unhealthy_reason(o.node_unhealthy_reason.clone())
                        .set_min_repair_wait_time_mins(int(o.min_repair_wait_time_mins))
                        .set_repair_action(o.repair_action.as_deref().map(RepairAction::from))
                        .build()
                })
                .collect()
        }))
        .build()
}

/// `NoSchedule` -> `NO_SCHEDULE` (EKS spells taint effects in upper snake case).
pub fn taint_effect(effect: &str) -> TaintEffect {
    let upper = match effect {
        "NoSchedule" => "NO_SCHEDULE",
        "PreferNoSchedule" => "PREFER_NO_SCHEDULE",
        "NoExecute" => "NO_EXECUTE",
        other => other,
    };
    TaintEffect::from(upper)
}

/// An add-on step's settings (see [`Resource::Addon`]).
pub(crate) struct AddonSpec<'a> {
    pub addon_name: &'a str,
    pub version: Option<&'a str>,
    pub configuration_values: Option<&'a str>,
    pub service_account_role_arn: Option<&'a Val>,
    pub pod_identities: &'a [crate::plan::AddonPodIdentity],
    pub resolve_conflicts: Option<&'a str>,
    pub namespace: Option<&'a str>,
    pub offer: &'a crate::plan::AddonOffer,
    pub wait: bool,
}

/// Pod identities as CreateAddon and UpdateAddon take them.
pub(super) fn pod_identity_associations(
    pairs: &[(String, String)],
) -> Vec<aws_sdk_eks::types::AddonPodIdentityAssociations> {
    pairs
        .iter()
        .filter_map(|(account, role)| {
            aws_sdk_eks::types::AddonPodIdentityAssociations::builder()
                .service_account(account)
                .role_arn(role)
                .build()
                .ok()
        })
        .collect()
}

impl<'a> AddonSpec<'a> {
    pub(super) fn of(resource: &'a crate::plan::Resource) -> anyhow::Result<Self> {
        let crate::plan::Resource::Addon {
            addon_name,
            version,
            configuration_values,
            service_account_role_arn,
            pod_identities,
            resolve_conflicts,
            namespace,
            offer,
            wait,
        } = resource
        else {
            anyhow::bail!("not an add-on step")
        };
        Ok(Self {
            addon_name,
            version: version.as_deref(),
            configuration_values: configuration_values.as_deref(),
            service_account_role_arn: service_account_role_arn.as_ref(),
            pod_identities,
            resolve_conflicts: resolve_conflicts.as_deref(),
            namespace: namespace.as_deref(),
            offer,
            wait: *wait,
        })
    }
}

/// The add-on's pod identities as the plan has them, roles resolved: (service account, role ARN).
fn wanted_pod_identities(
    ctx: &StepContext<'_>,
    spec: &AddonSpec<'_>,
) -> anyhow::Result<Vec<(String, String)>> {
    spec.pod_identities.iter().map(|p| Ok((p.service_account.clone(), ctx.resolve(&p.role)?))).collect()
}

/// The cluster's Kubernetes version: the config's, or, in a plan without the control plane (a
/// part made from flags), EKS's.
fn cluster_version(ctx: &StepContext<'_>) -> String {
    ctx.plan
        .steps
        .iter()
        .find_map(|s| match &s.resource {
            crate::plan::Resource::ControlPlane(cp) => Some(cp.version.clone()),
            _ => None,
        })
        .or_else(|| ctx.output(crate::plan::CONTROL_PLANE, keys::VERSION))
        .unwrap_or_default()
}

pub(super) fn owned(tags: Option<&HashMap<String, String>>, cluster: &str) -> bool {
    tags.is_some_and(|t| t.get(tag_keys::CLUSTER).is_some_and(|v| v == cluster))
}

impl AwsCloud {
    pub(crate) async fn describe_eks_cluster(&self, name: &str) -> Result<Option<Cluster>, CloudError> {
        Ok(self
            .eks
            .describe_cluster()
            .name(name)
            .send()
            .await
            .api("DescribeCluster")
            .or_not_found()?
            .and_then(|o| o.cluster))
    }

    pub(super) async fn ensure_control_plane(
        &self,
        ctx: &StepContext<'_>,
        spec: &ControlPlaneSpec,
    ) -> anyhow::Result<StepResult> {
        let name = ctx.plan.cluster.as_str();
        let existing = if self.absent(ctx, name) { None } else { self.describe_eks_cluster(name).await? };
        let action = match existing {
            Some(cluster) => {
                if !owned(cluster.tags(), name) {
                    return Err(CloudError::NotOwned {
                        what: format!("EKS cluster `{name}`"),
                        cluster: name.to_string(),
                        tag: tag_keys::CLUSTER,
                    }
                    .into());
                }
                if let Some(version) = cluster.version()
                    && version != spec.version
                {
                    ctx.progress.warn(&format!(
                        "the cluster runs Kubernetes `{version}`, the config says `{}`; upgrades are not done by create",
                        spec.version
                    ));
                }
                Action::Existed
            }
            None => {
                self.create_cluster(ctx, spec).await?;
                Action::Created
            }
        };
        let what = format!("EKS cluster `{name}`");
        let cluster = wait_for(&ctx.progress, &what, limits::CLUSTER_ACTIVE, || async {
            let cluster = self.describe_eks_cluster(name).await?.ok_or_else(|| CloudError::Failed {
                what: what.clone(),
                status: "gone".into(),
                reason: None,
            })?;
            match cluster.status() {
                Some(ClusterStatus::Active | ClusterStatus::Updating) => Ok(Poll::Ready(cluster)),
                Some(ClusterStatus::Creating) | None => Ok(Poll::Pending("CREATING".into())),
                Some(other) => Err(CloudError::Failed {
                    what: what.clone(),
                    status: other.as_str().into(),
                    reason: None,
                }
                .into()),
            }
        })
        .await?;
        let mut action = if action == Action::Existed {
            self.converge_control_plane(ctx, spec, &cluster).await?
        } else {
            action
        };
        if let Some(days) = spec.log_retention_days
            && self.ensure_log_retention(&ctx.progress, &ctx.plan.cluster, days).await?
            && action == Action::Existed
        {
            action = Action::Updated;
        }
        self.cluster_outputs(ctx, &cluster, action).await
    }

    /// A re-run: change in place what the config now asks of an existing control plane
    /// (logging, endpoint access); a version is `upgrade cluster`'s (warned above).
    async fn converge_control_plane(
        &self,
        ctx: &StepContext<'_>,
        spec: &ControlPlaneSpec,
        cluster: &Cluster,
    ) -> anyhow::Result<Action> {
        use super::update::ClusterChange;
        let name = ctx.plan.cluster.as_str();
        let live = super::live::live_control_plane(cluster);
        let changes = crate::plan::drift::control_plane(spec, &live);
        let mut action = Action::Existed;
        if changes.iter().any(|c| c.field == "logging") {
            let want: std::collections::BTreeSet<String> = spec.log_types.iter().cloned().collect();
            let change = ClusterChange::Logging {
                enable: want.difference(&live.logging).cloned().collect(),
                disable: live.logging.difference(&want).cloned().collect(),
            };
            self.update_cluster_config_in(&ctx.progress, name, &change).await?;
            action = Action::Updated;
        }
        if self.retag(cluster.arn(), &ctx.plan.step_tags(&ctx.step.id), &live.tags).await? {
            action = Action::Updated;
        }
        if let Some(key) = &spec.secrets_key_arn
            && changes.iter().any(|c| c.field == "secrets encryption" && c.instead.is_none())
        {
            self.update_cluster_config_in(
                &ctx.progress,
                name,
                &ClusterChange::SecretsEncryption(key.clone()),
            )
            .await?;
            action = Action::Updated;
        }
        if let Some(tier) = &spec.scaling_tier
            && changes.iter().any(|c| c.field == "control plane tier")
        {
            self.update_cluster_config_in(&ctx.progress, name, &ClusterChange::ScalingTier(tier.clone()))
                .await?;
            action = Action::Updated;
        }
        // The control plane components' settings: all the file sets, in one update.
        if changes.iter().any(|c| c.field.starts_with("kube-")) {
            let change = ClusterChange::ComponentConfig(spec.components.clone());
            self.update_cluster_config_in(&ctx.progress, name, &change).await?;
            action = Action::Updated;
        }
        // EKS Auto Mode turned on or off, or its node pools changed.
        if changes.iter().any(|c| c.field == "Auto Mode") {
            let change = ClusterChange::AutoMode {
                on: spec.auto_mode.is_some(),
                node_pools: spec.auto_mode.as_ref().map(|a| a.node_pools.clone()).unwrap_or_default(),
                node_role: spec
                    .auto_mode
                    .as_ref()
                    .and_then(|a| a.node_role.as_ref())
                    .map(|r| ctx.resolve(r))
                    .transpose()?,
            };
            self.update_cluster_config_in(&ctx.progress, name, &change).await?;
            action = Action::Updated;
        }
        // Hybrid nodes' networks added, changed or removed (`remoteNodeNetworks: []`); with no
        // `remoteNetworkConfig` at all they are left, and the change says so.
        if let Some(remote) = &spec.remote_network
            && changes.iter().any(|c| c.field == "remote networks")
        {
            let change = ClusterChange::RemoteNetworks {
                nodes: remote.node_cidrs.clone(),
                pods: remote.pod_cidrs.clone(),
            };
            self.update_cluster_config_in(&ctx.progress, name, &change).await?;
            action = Action::Updated;
        } else if spec.remote_network.is_none() && !live.remote_node_cidrs.is_empty() {
            ctx.progress.warn(&format!(
                "the cluster has hybrid nodes' networks (`{}`) the config does not mention: left as they are; hint: `remoteNodeNetworks: []` under `remoteNetworkConfig` removes them",
                live.remote_node_cidrs.join(", ")
            ));
        }
        if let Some(mode) = &spec.egress_mode
            && changes.iter().any(|c| c.field == "control plane egress mode" && c.instead.is_none())
        {
            self.update_cluster_config_in(&ctx.progress, name, &ClusterChange::EgressMode(mode.clone()))
                .await?;
            action = Action::Updated;
        }
        if changes.iter().any(|c| c.field.starts_with("endpoint") || c.field == "public access CIDRs") {
            let change = ClusterChange::Endpoints {
                public: spec.endpoint_public_access,
                private: spec.endpoint_private_access,
                public_cidrs: (spec.endpoint_public_access && !spec.public_access_cidrs.is_empty())
                    .then(|| spec.public_access_cidrs.clone())
                    .or_else(|| spec.endpoint_public_access.then(|| vec!["0.0.0.0/0".to_string()])),
            };
            self.update_cluster_config_in(&ctx.progress, name, &change).await?;
            action = Action::Updated;
        }
        Ok(action)
    }

    async fn create_cluster(&self, ctx: &StepContext<'_>, spec: &ControlPlaneSpec) -> anyhow::Result<()> {
        let role = ctx.resolve(&spec.role)?;
        let vpc = vpc_config(ctx, spec)?;
        let logging = Logging::builder()
            .cluster_logging(
                LogSetup::builder()
                    .set_types(Some(spec.log_types.iter().map(|t| LogType::from(t.as_str())).collect()))
                    .enabled(!spec.log_types.is_empty())
                    .build(),
            )
            .build();
        let access = CreateAccessConfigRequest::builder()
            .authentication_mode(AuthenticationMode::from(spec.authentication_mode.as_str()))
            .bootstrap_cluster_creator_admin_permissions(spec.bootstrap_cluster_creator_admin_permissions)
            .build();
        let mut network = KubernetesNetworkConfigRequest::builder()
            .set_service_ipv4_cidr(spec.service_ipv4_cidr.clone())
            .ip_family(IpFamily::from(spec.ip_family.to_ascii_lowercase().as_str()));
        // Auto Mode: compute, block storage and load balancing, which EKS takes only together.
        let auto_mode = match &spec.auto_mode {
            Some(auto) => {
                let role = auto.node_role.as_ref().map(|r| ctx.resolve(r)).transpose()?;
                let (compute, storage, load_balancing) = auto_mode_configs(true, &auto.node_pools, role);
                network = network.elastic_load_balancing(load_balancing);
                Some((compute, storage))
            }
            None => None,
        };
        let network = network.build();
        let tags = step_tags(ctx);
        let name = ctx.plan.cluster.as_str();
        retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
            let mut req = self
                .eks
                .create_cluster()
                .client_request_token(self.client_token(ctx))
                .name(name)
                .version(&spec.version)
                .role_arn(&role)
                .resources_vpc_config(vpc.clone())
                .logging(logging.clone())
                .access_config(access.clone())
                .kubernetes_network_config(network.clone())
                .bootstrap_self_managed_addons(false)
                .set_tags(Some(tags.clone().into_iter().collect()));
            if let Some(key) = &spec.secrets_key_arn {
                req = req.encryption_config(
                    EncryptionConfig::builder().provider(Provider::builder().key_arn(key).build()).build(),
                );
            }
            if let Some(support) = &spec.upgrade_support_type {
                req = req.upgrade_policy(
                    UpgradePolicyRequest::builder().support_type(SupportType::from(support.as_str())).build(),
                );
            }
            if let Some(tier) = &spec.scaling_tier {
                req = req.control_plane_scaling_config(
                    aws_sdk_eks::types::ControlPlaneScalingConfig::builder()
                        .tier(aws_sdk_eks::types::ProvisionedControlPlaneTier::from(tier.as_str()))
                        .build(),
                );
            }
            if let Some(enabled) = spec.zonal_shift {
                req = req.zonal_shift_config(ZonalShiftConfigRequest::builder().enabled(enabled).build());
            }
            if let Some((compute, storage)) = &auto_mode {
                req = req.compute_config(compute.clone()).storage_config(storage.clone());
            }
            if let Some(remote) = spec.remote_network.as_ref().filter(|r| !r.node_cidrs.is_empty()) {
                req = req.remote_network_config(remote_network_config(
                    &remote.node_cidrs,
                    &remote.pod_cidrs,
                    false,
                ));
            }
            let components = super::component_config::requests(&spec.components);
            req = req
                .set_kube_api_server_config(components.api_server)
                .set_kube_scheduler_config(components.scheduler)
                .set_kube_controller_manager_config(components.controller_manager);
            async move { req.send().await.map(|_| ()).api("CreateCluster") }
        })
        .await?;
        self.made(ctx);
        Ok(())
    }

    /// Outputs of the control plane. AWS always returns the cluster security group; an emulator may
    /// not, so it is also looked up by the tag EKS puts on it (`aws:eks:cluster-name`), and left out
    /// when not found.
    async fn cluster_outputs(
        &self,
        ctx: &StepContext<'_>,
        cluster: &Cluster,
        action: Action,
    ) -> anyhow::Result<StepResult> {
        let outputs = self.outputs_of(&ctx.plan.cluster, cluster).await?;
        if !outputs.contains_key(keys::CLUSTER_SG) {
            ctx.progress.warn("EKS did not return the cluster security group (`clusterSecurityGroupId`)");
        }
        Ok(StepResult { action, outputs })
    }

    /// What the control plane's step gives the steps after it: the cluster as EKS has it.
    async fn outputs_of(&self, name: &str, cluster: &Cluster) -> anyhow::Result<StepOutputs> {
        let mut r = StepOutputs::from([(keys::NAME.to_string(), name.to_string())]);
        let pairs = [
            (keys::ARN, cluster.arn()),
            (keys::ENDPOINT, cluster.endpoint()),
            (keys::CA, cluster.certificate_authority().and_then(|c| c.data())),
            // An `IPv6` cluster's services (and its DNS) take IPv6 addresses.
            (
                keys::SERVICE_CIDR,
                cluster
                    .kubernetes_network_config()
                    .and_then(|n| n.service_ipv6_cidr().or(n.service_ipv4_cidr())),
            ),
            (keys::OIDC_ISSUER, cluster.identity().and_then(|i| i.oidc()).and_then(|o| o.issuer())),
            (keys::VERSION, cluster.version()),
            ("vpcId", cluster.resources_vpc_config().and_then(|v| v.vpc_id())),
        ];
        for (key, value) in pairs {
            if let Some(v) = value {
                r.insert(key.to_string(), v.to_string());
            }
        }
        let sg = match cluster.resources_vpc_config().and_then(|v| v.cluster_security_group_id()) {
            Some(sg) => Some(sg.to_string()),
            None => self.find_cluster_security_group(name).await?,
        };
        if let Some(sg) = sg {
            r.insert(keys::CLUSTER_SG.to_string(), sg);
        }
        Ok(r)
    }

    /// The control plane's step outputs for cluster `name` as it exists (a part made from flags
    /// reads the cluster so, `crate::ops::part_flags::detach`): `None` when there is no such
    /// cluster. One that is not ACTIVE (or UPDATING) is refused: its parts cannot be made yet.
    pub async fn existing_cluster_outputs(&self, name: &str) -> anyhow::Result<Option<StepOutputs>> {
        let Some(cluster) = self.describe_eks_cluster(name).await? else { return Ok(None) };
        match cluster.status() {
            Some(ClusterStatus::Active | ClusterStatus::Updating) => {}
            other => {
                let status = other.map_or("unknown", |s| s.as_str());
                return Err(crate::error::UserError::new(format!("cluster `{name}` is `{status}`"))
                    .hint("wait until it is `ACTIVE`, then run the command again")
                    .into());
            }
        }
        Ok(Some(self.outputs_of(name, &cluster).await?))
    }

    async fn find_cluster_security_group(&self, cluster: &str) -> Result<Option<String>, CloudError> {
        let out = self
            .ec2
            .describe_security_groups()
            .filters(filter("tag:aws:eks:cluster-name", [cluster]))
            .send()
            .await
            .api("DescribeSecurityGroups")?;
        Ok(out.security_groups().first().and_then(|g| g.group_id()).map(str::to_string))
    }

    pub(super) async fn ensure_nodegroup(
        &self,
        ctx: &StepContext<'_>,
        spec: &ManagedNodegroupSpec,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.nodegroup_name.as_str();
        let existing =
            if self.absent(ctx, name) { None } else { self.describe_nodegroup(cluster, name).await? };
        let mut action = if let Some(ng) = existing {
            if !owned(ng.tags(), cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("nodegroup `{name}`"),
                    cluster: cluster.to_string(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let types = ng.instance_types();
            if !spec.instance_types.is_empty() && !types.is_empty() && types != spec.instance_types.as_slice()
            {
                ctx.progress.warn(&format!(
                    "nodegroup `{name}` has instance types `{}`, the config says `{}`; instance types cannot be changed in place (create a new nodegroup)",
                    types.join(","),
                    spec.instance_types.join(",")
                ));
            }
            Action::Existed
        } else {
            self.create_nodegroup(ctx, spec).await?;
            Action::Created
        };
        let mut ng = self.wait_nodegroup(ctx, cluster, name).await?;
        if action == Action::Existed && self.converge_nodegroup(ctx, spec, &ng).await? {
            action = Action::Updated;
            ng = self.wait_nodegroup(ctx, cluster, name).await?;
        }
        if self.nodegroup_asgs(ctx, &ng, spec).await? && action == Action::Existed {
            action = Action::Updated;
        }
        let mut r = StepResult::new(action).with(keys::NAME, name);
        if let Some(arn) = ng.nodegroup_arn() {
            r = r.with(keys::ARN, arn);
        }
        Ok(r)
    }

    /// The Auto Scaling groups EKS made for the group, as eksctl leaves them (on a re-run too,
    /// so that changes follow): `propagateASGTags`' tags, not propagated to instances (eksctl's
    /// `PropagateManagedNodeGroupTagsToASG`), and `asgSuspendProcesses` (its `suspendProcesses`
    /// task). Whether it changed any.
    async fn nodegroup_asgs(
        &self,
        ctx: &StepContext<'_>,
        ng: &Nodegroup,
        spec: &ManagedNodegroupSpec,
    ) -> anyhow::Result<bool> {
        if spec.asg_tags.is_empty() && spec.suspend_processes.is_none() {
            return Ok(false);
        }
        let names = ng.resources().map(|r| r.auto_scaling_groups()).unwrap_or_default();
        let mut changed = false;
        for name in names.iter().filter_map(|g| g.name()).filter(|n| !n.is_empty()) {
            if let Some(group) = self.describe_asg(name).await? {
                changed |= self.sync_group_tags(&group, &spec.asg_tags, false).await?;
                changed |= self.converge_suspended(ctx, &group, spec.suspend_processes.as_deref()).await?;
            }
        }
        Ok(changed)
    }

    /// A re-run: change in place the scaling, labels and taints the config now asks of an
    /// existing managed node group (one UpdateNodegroupConfig, waited for); the desired size is
    /// the autoscaler's unless outside the new bounds. Instance types are warned about above.
    async fn converge_nodegroup(
        &self,
        ctx: &StepContext<'_>,
        spec: &ManagedNodegroupSpec,
        ng: &Nodegroup,
    ) -> anyhow::Result<bool> {
        use super::update::NodegroupConfigChange;
        let live = super::live::live_nodegroup(ng);
        let cluster = ctx.plan.cluster.as_str();
        // The control plane's version as EKS has it now (its step's output; the config's when
        // the step is not in this plan).
        let want = cluster_version(ctx);
        let running = ctx
            .plan
            .steps
            .iter()
            .find(|s| matches!(s.resource, crate::plan::Resource::ControlPlane(_)))
            .and_then(|s| ctx.output(&s.id, keys::VERSION))
            .unwrap_or_else(|| want.clone());
        let versions = drift::Versions { want: &want, control_plane: &running };
        let changes = crate::plan::drift::nodegroup(spec, &live, versions);
        let mut change = NodegroupConfigChange::default();
        let mut version = None;
        for c in changes.iter().filter(|c| c.instead.is_none()) {
            match c.field {
                "version" => {
                    version = Some(super::update::NodegroupVersionChange {
                        version: Some(want.clone()),
                        release_version: spec.release_version.clone(),
                        ..Default::default()
                    });
                }
                "release version" => {
                    version = Some(super::update::NodegroupVersionChange {
                        release_version: spec.release_version.clone(),
                        ..Default::default()
                    });
                }
                "update config" => {
                    change.update_config = Some((spec.max_unavailable, spec.max_unavailable_percentage));
                }
                "node repair" => change.node_repair = spec.node_repair.clone(),
                "labels" => {
                    change.set_labels = spec
                        .labels
                        .iter()
                        .filter(|(k, v)| live.labels.get(*k) != Some(*v))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    change.remove_labels =
                        live.labels.keys().filter(|k| !spec.labels.contains_key(*k)).cloned().collect();
                }
                "taints" => {
                    let same = |a: &crate::plan::Taint, b: &crate::plan::Taint| {
                        a.key == b.key
                            && a.value == b.value
                            && drift::eks_effect(&a.effect) == drift::eks_effect(&b.effect)
                    };
                    change.set_taints = spec
                        .taints
                        .iter()
                        .filter(|t| !live.taints.iter().any(|l| same(t, l)))
                        .cloned()
                        .collect();
                    change.remove_taints = live
                        .taints
                        .iter()
                        .filter(|l| !spec.taints.iter().any(|t| t.key == l.key))
                        .cloned()
                        .collect();
                }
                "scaling (min/desired/max)" => {
                    let desired = live.desired_size.clamp(spec.min_size, spec.max_size);
                    change.scaling = Some((spec.min_size, desired, spec.max_size));
                }
                _ => {}
            }
        }
        let mut updated =
            self.retag(ng.nodegroup_arn(), &ctx.plan.step_tags(&ctx.step.id), &live.tags).await?;
        if change != NodegroupConfigChange::default() {
            self.update_nodegroup_config_in(&ctx.progress, cluster, &spec.nodegroup_name, &change).await?;
            updated = true;
        }
        // Last: EKS replaces the nodes (new ones first, the old drained), with the update config
        // above.
        if let Some(version) = version {
            self.update_nodegroup_version_in(&ctx.progress, cluster, &spec.nodegroup_name, &version).await?;
            updated = true;
        }
        Ok(updated)
    }

    /// Add or update on an EKS resource the tags the plan gives it and it lacks (`metadata.tags`
    /// changed since it was made); tags added outside eksup stay. Whether it tagged.
    async fn retag(
        &self,
        arn: Option<&str>,
        want: &std::collections::BTreeMap<String, String>,
        have: &std::collections::BTreeMap<String, String>,
    ) -> Result<bool, CloudError> {
        let Some(arn) = arn else { return Ok(false) };
        let missing: HashMap<String, String> =
            drift::tags_to_add(want, have.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                .into_iter()
                .collect();
        if missing.is_empty() {
            return Ok(false);
        }
        self.eks.tag_resource().resource_arn(arn).set_tags(Some(missing)).send().await.api("TagResource")?;
        Ok(true)
    }

    pub(crate) async fn describe_nodegroup(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<Nodegroup>, CloudError> {
        Ok(self
            .eks
            .describe_nodegroup()
            .cluster_name(cluster)
            .nodegroup_name(name)
            .send()
            .await
            .api("DescribeNodegroup")
            .or_not_found()?
            .and_then(|o| o.nodegroup))
    }

    pub(crate) async fn update_nodegroup_scaling(
        &self,
        cluster: &str,
        name: &str,
        min: i32,
        desired: i32,
        max: i32,
    ) -> Result<(), CloudError> {
        self.eks
            .update_nodegroup_config()
            .cluster_name(cluster)
            .nodegroup_name(name)
            .scaling_config(
                NodegroupScalingConfig::builder().min_size(min).desired_size(desired).max_size(max).build(),
            )
            .send()
            .await
            .api("UpdateNodegroupConfig")?;
        Ok(())
    }

    async fn create_nodegroup(
        &self,
        ctx: &StepContext<'_>,
        spec: &ManagedNodegroupSpec,
    ) -> anyhow::Result<()> {
        let role = ctx.resolve(&spec.node_role)?;
        let subnets = ctx.resolve_all(&spec.subnets)?;
        let lt_id = ctx.resolve(&spec.launch_template)?;
        // The version of the launch template step, or the user's.
        let lt_version = match &spec.launch_template {
            Val::Out(r) => ctx.output(&r.step, keys::VERSION),
            Val::Lit(_) => spec.launch_template_version.clone(),
        };
        // A user's template with an image brings its own AMI, and one with an instance type its
        // own type: EKS refuses an AMI type or instance types beside them (eksctl leaves them out).
        let (template_image, template_type) = match &spec.launch_template {
            Val::Lit(_) => self.launch_template_image(&lt_id, lt_version.as_deref()).await?,
            Val::Out(_) => (None, None),
        };
        let ami_type = (!spec.ami_type.is_empty() && template_image.is_none())
            .then(|| AmiTypes::from(spec.ami_type.as_str()));
        let instance_types =
            (!spec.instance_types.is_empty() && template_type.is_none()).then(|| spec.instance_types.clone());
        let mut update = NodegroupUpdateConfig::builder();
        if let Some(n) = spec.max_unavailable {
            update = update.max_unavailable(n);
        }
        if let Some(p) = spec.max_unavailable_percentage {
            update = update.max_unavailable_percentage(p);
        }
        let update = (spec.max_unavailable.is_some() || spec.max_unavailable_percentage.is_some())
            .then(|| update.build());
        let taints: Vec<Taint> = spec
            .taints
            .iter()
            .map(|t| Taint::builder().key(&t.key).value(&t.value).effect(taint_effect(&t.effect)).build())
            .collect();
        let tags: HashMap<String, String> = step_tags(ctx).into_iter().collect();
        let cluster = ctx.plan.cluster.as_str();
        retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
            let req = self
                .eks
                .create_nodegroup()
                .client_request_token(self.client_token(ctx))
                .cluster_name(cluster)
                .nodegroup_name(&spec.nodegroup_name)
                .node_role(&role)
                .set_subnets(Some(subnets.clone()))
                .scaling_config(
                    NodegroupScalingConfig::builder()
                        .min_size(spec.min_size)
                        .max_size(spec.max_size)
                        .desired_size(spec.desired_size)
                        .build(),
                )
                .set_instance_types(instance_types.clone())
                .set_ami_type(ami_type.clone())
                .set_capacity_type(
                    (!spec.capacity_type.is_empty())
                        .then(|| CapacityTypes::from(spec.capacity_type.as_str())),
                )
                .set_labels((!spec.labels.is_empty()).then(|| spec.labels.clone().into_iter().collect()))
                .set_taints((!taints.is_empty()).then(|| taints.clone()))
                .launch_template(
                    LaunchTemplateSpecification::builder().id(&lt_id).set_version(lt_version.clone()).build(),
                )
                .set_release_version(spec.release_version.clone())
                .set_update_config(update.clone())
                .set_node_repair_config(spec.node_repair.as_ref().map(node_repair_config))
                .set_tags(Some(tags.clone()));
            async move { req.send().await.map(|_| ()).api("CreateNodegroup") }
        })
        .await?;
        self.made(ctx);
        Ok(())
    }

    async fn wait_nodegroup(
        &self,
        ctx: &StepContext<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<Nodegroup> {
        let what = format!("nodegroup `{name}`");
        wait_for(&ctx.progress, &what, limits::NODEGROUP_ACTIVE, || async {
            let ng = self.describe_nodegroup(cluster, name).await?.ok_or_else(|| CloudError::Failed {
                what: what.clone(),
                status: "gone".into(),
                reason: None,
            })?;
            match ng.status() {
                Some(NodegroupStatus::Active | NodegroupStatus::Updating) => Ok(Poll::Ready(ng)),
                Some(NodegroupStatus::Creating) | None => Ok(Poll::Pending("CREATING".into())),
                Some(other) => {
                    let reason = ng
                        .health()
                        .map(|h| {
                            h.issues()
                                .iter()
                                .map(|i| {
                                    format!(
                                        "{}: {}",
                                        i.code().map(|c| c.as_str()).unwrap_or("?"),
                                        i.message().unwrap_or_default()
                                    )
                                })
                                .collect::<Vec<_>>()
                                .join("; ")
                        })
                        .filter(|s| !s.is_empty());
                    Err(CloudError::Failed { what: what.clone(), status: other.as_str().into(), reason }
                        .into())
                }
            }
        })
        .await
    }

    pub(super) async fn ensure_fargate_profile(
        &self,
        ctx: &StepContext<'_>,
        spec: &FargateProfileSpec,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.profile_name.as_str();
        let role = ctx.resolve(&spec.pod_execution_role)?;
        let subnets = ctx.resolve_all(&spec.subnets)?;
        let mut existing =
            if self.absent(ctx, name) { None } else { self.describe_fargate(cluster, name).await? };
        // Still being deleted (a replacement cut short): gone first, then made anew.
        if existing.as_ref().is_some_and(|p| p.status() == Some(&FargateProfileStatus::Deleting)) {
            self.delete_fargate_profile(&ctx.progress, cluster, name).await?;
            existing = None;
        }
        let changes = existing
            .as_ref()
            .map(|p| {
                // A profile without subnets has those EKS chose: nothing to compare.
                let subnets = (!subnets.is_empty()).then_some(subnets.as_slice());
                drift::fargate(spec, Some(&role), subnets, &super::live::live_fargate(p))
            })
            .unwrap_or_default();
        if !changes.is_empty() {
            let what: Vec<&str> = changes.iter().map(|c| c.field.trim_end_matches(" (replaced)")).collect();
            ctx.progress.warn(&format!(
                "Fargate profile `{name}` differs in {}; profiles cannot change: replacing it (its pods are restarted)",
                what.join(", ")
            ));
            let arn = self.replace_fargate_profile(ctx, spec, &role, &subnets).await?;
            return Ok(StepResult::new(Action::Updated).with(keys::NAME, name).with(keys::ARN, arn));
        }
        let action = if let Some(p) = existing {
            let live = super::live::live_fargate(&p);
            let retagged = self.retag(p.fargate_profile_arn(), &fargate_tags(ctx, spec), &live.tags).await?;
            if retagged { Action::Updated } else { Action::Existed }
        } else if self.create_fargate_profile(ctx, spec, &role, &subnets).await? {
            Action::Created
        } else {
            Action::Existed
        };
        let arn = self.wait_fargate_active(&ctx.progress, cluster, name).await?;
        Ok(StepResult::new(action).with(keys::NAME, name).with(keys::ARN, arn))
    }

    /// EKS cannot change a Fargate profile: delete it and make it anew, one profile of the run at
    /// a time (the turn is held until the new one is ACTIVE, so that one profile is missing at a
    /// time). After a replacement failed, or Ctrl-C, no other profile is deleted.
    async fn replace_fargate_profile(
        &self,
        ctx: &StepContext<'_>,
        spec: &FargateProfileSpec,
        role: &str,
        subnets: &[String],
    ) -> anyhow::Result<String> {
        let (cluster, name) = (ctx.plan.cluster.as_str(), spec.profile_name.as_str());
        let mut failed = self.fargate_replacement.lock().await;
        if ctx.progress.cancel.is_cancelled() {
            return Err(crate::executor::Interrupted.into());
        }
        if *failed {
            anyhow::bail!(
                "Fargate profile `{name}` is left as it is: replacing another profile failed (see above)"
            );
        }
        let replaced = async {
            self.delete_fargate_profile(&ctx.progress, cluster, name).await?;
            self.create_fargate_profile(ctx, spec, role, subnets).await?;
            self.wait_fargate_active(&ctx.progress, cluster, name).await
        }
        .await;
        *failed = replaced.is_err();
        replaced
    }

    /// Wait until Fargate profile `name` is ACTIVE; its ARN.
    async fn wait_fargate_active(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<String> {
        let what = format!("Fargate profile `{name}`");
        wait_for(progress, &what, limits::FARGATE_ACTIVE, || async {
            let p = self.describe_fargate(cluster, name).await?.ok_or_else(|| CloudError::Failed {
                what: what.clone(),
                status: "gone".into(),
                reason: None,
            })?;
            match p.status() {
                Some(FargateProfileStatus::Active) => {
                    Ok(Poll::Ready(p.fargate_profile_arn().unwrap_or_default().to_string()))
                }
                Some(FargateProfileStatus::Creating) | None => Ok(Poll::Pending("CREATING".into())),
                Some(other) => {
                    let reason = p.health().map(|h| {
                        h.issues()
                            .iter()
                            .map(|i| i.message().unwrap_or_default().to_string())
                            .collect::<Vec<_>>()
                            .join("; ")
                    });
                    Err(CloudError::Failed { what: what.clone(), status: other.as_str().into(), reason }
                        .into())
                }
            }
        })
        .await
    }

    /// CreateFargateProfile, in our turn (EKS creates or deletes one profile per cluster at a
    /// time) and past IAM propagation of its role. Whether this call made it (`false`: an
    /// earlier attempt did, its answer lost).
    async fn create_fargate_profile(
        &self,
        ctx: &StepContext<'_>,
        spec: &FargateProfileSpec,
        role: &str,
        subnets: &[String],
    ) -> anyhow::Result<bool> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.profile_name.as_str();
        let selectors: Vec<FargateProfileSelector> = spec
            .selectors
            .iter()
            .map(|s| {
                FargateProfileSelector::builder()
                    .namespace(&s.namespace)
                    .set_labels((!s.labels.is_empty()).then(|| s.labels.clone().into_iter().collect()))
                    .build()
            })
            .collect();
        let tags: HashMap<String, String> = fargate_tags(ctx, spec).into_iter().collect();
        // EKS creates or deletes one Fargate profile per cluster at a time: wait for our turn.
        let busy = |e: &CloudError| {
            (e.kind() == ErrorKind::InUse)
                .then_some("waiting for another Fargate profile")
                .or_else(|| iam_propagation(e))
        };
        retry_while(&ctx.progress, limits::FARGATE, busy, || {
            let req = self
                .eks
                .create_fargate_profile()
                .client_request_token(self.client_token(ctx))
                .cluster_name(cluster)
                .fargate_profile_name(name)
                .pod_execution_role_arn(role)
                // None: EKS takes the cluster's private subnets (a profile made from flags).
                .set_subnets((!subnets.is_empty()).then(|| subnets.to_vec()))
                .set_selectors(Some(selectors.clone()))
                .set_tags(Some(tags.clone()));
            async move {
                match req.send().await.api("CreateFargateProfile") {
                    Ok(_) => {
                        self.made(ctx);
                        Ok(true)
                    }
                    // Created by an earlier attempt whose answer was lost.
                    Err(e)
                        if e.kind() == ErrorKind::InUse
                            && e.message().unwrap_or_default().contains("already exists") =>
                    {
                        Ok(false)
                    }
                    Err(e) => Err(e),
                }
            }
        })
        .await
    }

    pub(crate) async fn describe_fargate(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<aws_sdk_eks::types::FargateProfile>, CloudError> {
        Ok(self
            .eks
            .describe_fargate_profile()
            .cluster_name(cluster)
            .fargate_profile_name(name)
            .send()
            .await
            .api("DescribeFargateProfile")
            .or_not_found()?
            .and_then(|o| o.fargate_profile))
    }

    /// A re-run: the version, configuration values and tags the config now asks of an existing
    /// add-on, applied by one UpdateAddon (waited for) and a TagResource.
    async fn converge_addon(
        &self,
        ctx: &StepContext<'_>,
        spec: &AddonSpec<'_>,
        version: Option<&str>,
        addon: &aws_sdk_eks::types::Addon,
        wanted: &[(String, String)],
    ) -> anyhow::Result<Action> {
        let cluster = ctx.plan.cluster.as_str();
        let addon_name = spec.addon_name;
        let live = super::live::live_addon(addon);
        let role = spec.service_account_role_arn.map(|r| ctx.resolve(r)).transpose()?;
        let changes = crate::plan::drift::addon(
            version,
            spec.configuration_values,
            role.as_deref(),
            spec.namespace,
            &live,
        );
        let retagged = self.retag(addon.addon_arn(), &ctx.plan.step_tags(&ctx.step.id), &live.tags).await?;
        let mut wanted = wanted.to_vec();
        wanted.sort();
        let mut have = self.addon_pod_identities_live(cluster, addon).await?;
        have.sort();
        let pod_identities = (wanted != have).then_some(wanted);
        let action = if changes.is_empty() && pod_identities.is_none() {
            if retagged { Action::Updated } else { Action::Existed }
        } else {
            let change = super::update::AddonChange {
                version: changes
                    .iter()
                    .any(|c| c.field == "version")
                    .then(|| version.unwrap_or_default().to_string()),
                configuration_values: spec.configuration_values.map(str::to_string),
                service_account_role_arn: role.filter(|_| changes.iter().any(|c| c.field == "role")),
                pod_identities,
                resolve_conflicts: Some(spec.resolve_conflicts.unwrap_or("OVERWRITE").to_ascii_uppercase()),
            };
            self.update_addon_in(&ctx.progress, cluster, addon_name, &change).await?;
            Action::Updated
        };
        Ok(action)
    }

    pub(super) async fn ensure_addon(
        &self,
        ctx: &StepContext<'_>,
        spec: &AddonSpec<'_>,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let addon_name = spec.addon_name;
        let version = spec.version.filter(|v| !v.is_empty() && *v != "latest" && *v != "default");
        let role = spec.service_account_role_arn.map(|r| ctx.resolve(r)).transpose()?;
        let wanted = wanted_pod_identities(ctx, spec)?;
        let pod_identities = pod_identity_associations(&wanted);
        let existing = if self.absent(ctx, addon_name) {
            None
        } else {
            self.describe_addon(cluster, addon_name).await?
        };
        // What CreateAddon answered: the add-on as made, its version and ARN (no describe).
        let mut made = None;
        let action = if let Some(addon) = existing {
            self.converge_addon(ctx, spec, version, &addon, &wanted).await?
        } else {
            self.check_offer(addon_name, spec.offer, &cluster_version(ctx)).await?;
            // The default version for the cluster's Kubernetes version, as eksctl picks it.
            let version = match version {
                Some(v) => Some(v.to_string()),
                None => self.default_addon_version(addon_name, &cluster_version(ctx)).await?,
            };
            let tags: HashMap<String, String> = step_tags(ctx).into_iter().collect();
            made = retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
                let req = self
                    .eks
                    .create_addon()
                    .client_request_token(self.client_token(ctx))
                    .cluster_name(cluster)
                    .addon_name(addon_name)
                    .set_addon_version(version.clone())
                    .set_configuration_values(spec.configuration_values.map(str::to_string))
                    .set_service_account_role_arn(role.clone())
                    .set_pod_identity_associations(Some(pod_identities.clone()).filter(|p| !p.is_empty()))
                    .set_namespace_config(spec.namespace.map(|n| {
                        aws_sdk_eks::types::AddonNamespaceConfigRequest::builder().namespace(n).build()
                    }))
                    // eksctl's `create cluster` overwrites what a self-managed install left.
                    .resolve_conflicts(ResolveConflicts::from(
                        spec.resolve_conflicts.unwrap_or("OVERWRITE").to_ascii_uppercase().as_str(),
                    ))
                    .set_tags(Some(tags.clone()));
                async move { req.send().await.map(|o| o.addon).api("CreateAddon") }
            })
            .await?;
            self.made(ctx);
            Action::Created
        };
        let what = format!("add-on `{addon_name}`");
        let addon = if spec.wait {
            self.wait_addon_active(ctx, addon_name).await?
        } else if let Some(addon) = made {
            addon
        } else {
            self.describe_addon(cluster, addon_name).await?.ok_or_else(|| CloudError::Failed {
                what: what.clone(),
                status: "gone".into(),
                reason: None,
            })?
        };
        let mut r = StepResult::new(action).with(keys::NAME, addon_name);
        if let Some(v) = addon.addon_version() {
            r = r.with(keys::VERSION, v);
        }
        if let Some(arn) = addon.addon_arn() {
            r = r.with(keys::ARN, arn);
        }
        Ok(r)
    }

    /// An add-on's wait alone (a [`Resource::AddonReady`] step): until it is ACTIVE, or failed.
    pub(super) async fn addon_ready(
        &self,
        ctx: &StepContext<'_>,
        addon_name: &str,
    ) -> anyhow::Result<StepResult> {
        let addon = self.wait_addon_active(ctx, addon_name).await?;
        // ACTIVE for the first time when this run made it.
        let made = ctx
            .step
            .depends_on
            .iter()
            .any(|d| ctx.output(d, keys::ACTION).is_some_and(|a| a == Action::Created.label()));
        let action = if made { Action::Created } else { Action::Existed };
        let mut r = StepResult::new(action).with(keys::NAME, addon_name);
        if let Some(v) = addon.addon_version() {
            r = r.with(keys::VERSION, v);
        }
        Ok(r)
    }

    /// Poll an add-on until it is ACTIVE (or UPDATING: it was); CREATE_FAILED and the like end
    /// the wait with EKS's issues.
    async fn wait_addon_active(
        &self,
        ctx: &StepContext<'_>,
        addon_name: &str,
    ) -> anyhow::Result<aws_sdk_eks::types::Addon> {
        let cluster = ctx.plan.cluster.as_str();
        let what = format!("add-on `{addon_name}`");
        let addon =
            wait_for(&ctx.progress, &what, limits::ADDON_ACTIVE, || async {
                let a = self.describe_addon(cluster, addon_name).await?.ok_or_else(|| {
                    CloudError::Failed { what: what.clone(), status: "gone".into(), reason: None }
                })?;
                match a.status() {
                    Some(AddonStatus::Active | AddonStatus::Updating) => Ok(Poll::Ready(a)),
                    Some(AddonStatus::Creating | AddonStatus::Degraded) | None => {
                        Ok(Poll::Pending(a.status().map_or("CREATING", |s| s.as_str()).into()))
                    }
                    Some(other) => {
                        let reason = a.health().map(|h| {
                            h.issues()
                                .iter()
                                .map(|i| i.message().unwrap_or_default().to_string())
                                .collect::<Vec<_>>()
                                .join("; ")
                        });
                        Err(CloudError::Failed { what: what.clone(), status: other.as_str().into(), reason }
                            .into())
                    }
                }
            })
            .await?;
        Ok(addon)
    }

    /// The pod identities EKS keeps for an add-on (service account, role ARN): each association
    /// it lists, described.
    async fn addon_pod_identities_live(
        &self,
        cluster: &str,
        addon: &aws_sdk_eks::types::Addon,
    ) -> Result<Vec<(String, String)>, CloudError> {
        let mut out = Vec::new();
        for arn in addon.pod_identity_associations() {
            let id = arn.rsplit('/').next().unwrap_or_default();
            let call = self.eks.describe_pod_identity_association().cluster_name(cluster).association_id(id);
            let found = call.send().await.api("DescribePodIdentityAssociation").or_not_found()?;
            if let Some(a) = found.and_then(|o| o.association) {
                out.push((
                    a.service_account().unwrap_or_default().to_string(),
                    a.role_arn().unwrap_or_default().to_string(),
                ));
            }
        }
        Ok(out)
    }

    /// The version EKS marks as the default of `addon` for Kubernetes `k8s`, if it says.
    /// The file's `owners`, `publishers` and `types` of an add-on: EKS's catalogue entry for it
    /// must be one of them, as eksctl finds versions only through DescribeAddonVersions filtered
    /// by them ("no versions available").
    async fn check_offer(
        &self,
        addon: &str,
        offer: &crate::plan::AddonOffer,
        k8s: &str,
    ) -> anyhow::Result<()> {
        if offer.is_any() {
            return Ok(());
        }
        let all = self.addon_catalogue(addon, k8s).await?;
        let Some(info) = all.iter().find(|a| a.addon_name() == Some(addon)) else {
            return Ok(()); // CreateAddon says what EKS thinks of an add-on it does not offer
        };
        let (owner, publisher, kind) = (
            info.owner().unwrap_or_default(),
            info.publisher().unwrap_or_default(),
            info.r#type().unwrap_or_default(),
        );
        match offer.refuses(owner, publisher, kind) {
            None => Ok(()),
            Some(why) => Err(crate::error::UserError::new(format!(
                "EKS offers no version of add-on `{addon}` that the file accepts: {why}"
            ))
            .hint(format!(
                "correct or remove the add-on's `owners`, `publishers` and `types` (`eksup utils describe-addon-versions --name {addon} --kubernetes-version {k8s} -o json` shows them)"
            ))
            .into()),
        }
    }

    async fn default_addon_version(&self, addon: &str, k8s: &str) -> Result<Option<String>, CloudError> {
        let all = self.addon_catalogue(addon, k8s).await?;
        let versions = all.iter().filter(|a| a.addon_name() == Some(addon)).flat_map(|a| a.addon_versions());
        let mut first = None;
        for v in versions {
            first = first.or_else(|| v.addon_version().map(str::to_string));
            if v.compatibilities()
                .iter()
                .any(|c| c.default_version() && c.cluster_version().is_none_or(|cv| cv == k8s))
            {
                return Ok(v.addon_version().map(str::to_string));
            }
        }
        Ok(first)
    }

    pub(crate) async fn describe_addon(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<aws_sdk_eks::types::Addon>, CloudError> {
        Ok(self
            .eks
            .describe_addon()
            .cluster_name(cluster)
            .addon_name(name)
            .send()
            .await
            .api("DescribeAddon")
            .or_not_found()?
            .and_then(|o| o.addon))
    }

    /// Bring the access policies of the entry for `principal` to `policies`: missing ones and
    /// changed scopes associated, the rest removed when the entry is eksup's (`exclusive`)
    /// (`fresh`: the entry was just made and has none). Whether anything changed.
    pub(super) async fn sync_access_policies(
        &self,
        cluster: &str,
        principal: &str,
        policies: &[AccessPolicyAssoc],
        fresh: bool,
        exclusive: bool,
    ) -> anyhow::Result<bool> {
        if fresh && policies.is_empty() {
            return Ok(false);
        }
        let mut changed = false;
        let associated = if fresh {
            Vec::new()
        } else {
            self.eks
                .list_associated_access_policies()
                .cluster_name(cluster)
                .principal_arn(principal)
                .send()
                .await
                .api("ListAssociatedAccessPolicies")?
                .associated_access_policies
                .unwrap_or_default()
        };
        let same_scope = |p: &AccessPolicyAssoc, have: &aws_sdk_eks::types::AssociatedAccessPolicy| {
            let scope = have.access_scope();
            let mut namespaces = scope.map(|s| s.namespaces().to_vec()).unwrap_or_default();
            let mut want = p.namespaces.clone();
            namespaces.sort();
            want.sort();
            scope.and_then(|s| s.r#type()).is_some_and(|t| t.as_str().eq_ignore_ascii_case(&p.scope))
                && (namespaces == want || !p.scope.eq_ignore_ascii_case("namespace"))
        };
        let missing = policies.iter().filter(|p| {
            !associated.iter().any(|a| a.policy_arn() == Some(p.policy_arn.as_str()) && same_scope(p, a))
        });
        for p in missing {
            let namespace = p.scope.eq_ignore_ascii_case("namespace");
            let scope = AccessScope::builder()
                .r#type(if namespace { AccessScopeType::Namespace } else { AccessScopeType::Cluster })
                .set_namespaces(namespace.then(|| p.namespaces.clone()))
                .build();
            self.eks
                .associate_access_policy()
                .cluster_name(cluster)
                .principal_arn(principal)
                .policy_arn(&p.policy_arn)
                .access_scope(scope)
                .send()
                .await
                .api("AssociateAccessPolicy")
                .with_context(|| format!("failed to associate access policy `{}`", p.policy_arn))?;
            changed = true;
        }
        for gone in associated.iter().filter(|_| exclusive).filter_map(|a| a.policy_arn()) {
            if policies.iter().any(|p| p.policy_arn == gone) {
                continue;
            }
            self.eks
                .disassociate_access_policy()
                .cluster_name(cluster)
                .principal_arn(principal)
                .policy_arn(gone)
                .send()
                .await
                .api("DisassociateAccessPolicy")
                .or_not_found()
                .with_context(|| format!("failed to remove access policy `{gone}`"))?;
            changed = true;
        }
        Ok(changed)
    }

    /// A re-run: the Kubernetes groups, user name and tags the config now gives an existing
    /// access entry (UpdateAccessEntry, TagResource).
    async fn converge_access_entry(
        &self,
        ctx: &StepContext<'_>,
        entry: &aws_sdk_eks::types::AccessEntry,
        kubernetes_groups: &[String],
        username: Option<&str>,
    ) -> anyhow::Result<Action> {
        let cluster = ctx.plan.cluster.as_str();
        let principal = entry.principal_arn().unwrap_or_default();
        let entry_type = entry.r#type().unwrap_or("STANDARD");
        // A re-run: the Kubernetes groups and user name the config now gives it.
        let groups_differ = entry_type.eq_ignore_ascii_case("STANDARD") && {
            let mut have = entry.kubernetes_groups().to_vec();
            let mut want = kubernetes_groups.to_vec();
            have.sort();
            want.sort();
            have != want
        };
        let name_differs = username.is_some_and(|u| entry.username() != Some(u));
        let have: std::collections::BTreeMap<String, String> =
            entry.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default();
        let retagged = self.retag(entry.access_entry_arn(), &step_tags(ctx), &have).await?;
        let action = if groups_differ || name_differs {
            self.eks
                .update_access_entry()
                .cluster_name(cluster)
                .principal_arn(principal)
                .set_kubernetes_groups(groups_differ.then(|| kubernetes_groups.to_vec()))
                .set_username(username.filter(|_| name_differs).map(str::to_string))
                .send()
                .await
                .api("UpdateAccessEntry")?;
            Action::Updated
        } else if retagged {
            Action::Updated
        } else {
            Action::Existed
        };
        Ok(action)
    }

    pub(super) async fn ensure_access_entry(
        &self,
        ctx: &StepContext<'_>,
        principal: &Val,
        entry_type: &str,
        kubernetes_groups: &[String],
        username: Option<&str>,
        policies: &[AccessPolicyAssoc],
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let principal = ctx.resolve(principal)?;
        let existing = if self.absent(ctx, &principal) {
            None
        } else {
            self.eks
                .describe_access_entry()
                .cluster_name(cluster)
                .principal_arn(&principal)
                .send()
                .await
                .api("DescribeAccessEntry")
                .or_not_found()?
                .and_then(|o| o.access_entry)
        };
        // An entry eksup did not make (EKS's own for the cluster's creator, say) only gains what
        // the config adds: nothing of it is removed or changed.
        let mut owned_entry = true;
        let (arn, mut action) = if let Some(entry) = existing {
            if let Some(t) = entry.r#type()
                && !t.eq_ignore_ascii_case(entry_type)
            {
                return Err(CloudError::Drift {
                    what: format!("access entry for `{principal}`"),
                    difference: format!("has type `{t}`, not `{entry_type}`"),
                }
                .into());
            }
            owned_entry = owned(entry.tags(), cluster);
            let action = if owned_entry {
                self.converge_access_entry(ctx, &entry, kubernetes_groups, username).await?
            } else {
                Action::Existed
            };
            (entry.access_entry_arn().unwrap_or_default().to_string(), action)
        } else {
            let tags: HashMap<String, String> = step_tags(ctx).into_iter().collect();
            let standard = entry_type.eq_ignore_ascii_case("STANDARD");
            let out = retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
                let req = self
                    .eks
                    .create_access_entry()
                    .client_request_token(self.client_token(ctx))
                    .cluster_name(cluster)
                    .principal_arn(&principal)
                    .r#type(entry_type)
                    .set_kubernetes_groups(
                        (standard && !kubernetes_groups.is_empty()).then(|| kubernetes_groups.to_vec()),
                    )
                    .set_username(username.map(str::to_string))
                    .set_tags(Some(tags.clone()));
                async move { req.send().await.api("CreateAccessEntry") }
            })
            .await?;
            self.made(ctx);
            let arn = out.access_entry().and_then(|e| e.access_entry_arn()).unwrap_or_default().to_string();
            (arn, Action::Created)
        };
        let fresh = action == Action::Created;
        if self.sync_access_policies(cluster, &principal, policies, fresh, owned_entry).await?
            && action == Action::Existed
        {
            action = Action::Updated;
        }
        Ok(StepResult::new(action).with(keys::ARN, arn).with("principal", principal))
    }
}

/// Deletes, each beside the kind's create above.
impl AwsCloud {
    pub(crate) async fn wait_nodegroup_gone(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        let what = format!("nodegroup `{name}` to be deleted");
        wait_gone(progress, &what, limits::NODEGROUP_GONE, || async {
            Ok(self
                .describe_nodegroup(cluster, name)
                .await?
                .map(|g| g.status().map(|s| s.as_str().to_string())))
        })
        .await
    }

    /// Delete and wait until it is gone (EKS deletes one Fargate profile per cluster at a time).
    pub(super) async fn delete_fargate_profile(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        // EKS creates or deletes one profile per cluster at a time: wait for our turn.
        let busy =
            |e: &CloudError| (e.kind() == ErrorKind::InUse).then_some("waiting for another Fargate profile");
        retry_while(progress, limits::FARGATE, busy, || {
            let call = self.eks.delete_fargate_profile().cluster_name(cluster).fargate_profile_name(name);
            async move { call.send().await.api("DeleteFargateProfile").or_not_found().map(|_| ()) }
        })
        .await?;
        let what = format!("Fargate profile `{name}` to be deleted");
        wait_gone(progress, &what, limits::FARGATE_GONE, || async {
            Ok(self
                .describe_fargate(cluster, name)
                .await?
                .map(|p| p.status().map(|s| s.as_str().to_string())))
        })
        .await
    }

    /// Delete (retried while the group is still being created or updated) and wait until gone.
    pub(super) async fn delete_managed_nodegroup(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            let call = self.eks.delete_nodegroup().cluster_name(cluster).nodegroup_name(name);
            call.send().await.map(|_| ()).api("DeleteNodegroup")
        })
        .await?;
        self.wait_nodegroup_gone(progress, cluster, name).await
    }

    pub(super) async fn delete_access_entry(&self, cluster: &str, principal: &str) -> anyhow::Result<()> {
        let call = self.eks.delete_access_entry().cluster_name(cluster).principal_arn(principal);
        call.send().await.api("DeleteAccessEntry").or_not_found()?;
        Ok(())
    }

    /// Delete, retried while the add-on is still being created or updated; with `preserve`, EKS
    /// stops managing the add-on and leaves its software running on the cluster (DeleteAddon's
    /// `preserve`).
    pub(super) async fn delete_addon(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
        preserve: bool,
    ) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            let call = self.eks.delete_addon().cluster_name(cluster).addon_name(name).preserve(preserve);
            call.send().await.map(|_| ()).api("DeleteAddon")
        })
        .await
    }

    /// Delete an add-on and wait until EKS no longer lists it.
    async fn delete_addon_and_wait(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
        preserve: bool,
    ) -> anyhow::Result<()> {
        self.delete_addon(progress, cluster, name, preserve).await?;
        let what = format!("add-on `{name}` to be deleted");
        wait_gone(progress, &what, limits::ADDON_GONE, || async {
            Ok(self.describe_addon(cluster, name).await?.map(|a| a.status().map(|s| s.as_str().to_string())))
        })
        .await
    }

    /// `delete addon`, `delete fargateprofile`, `delete accessentry`: one part of `cluster`,
    /// whoever made it, waited for until it is gone. `false`: there was none.
    pub async fn remove_part(
        &self,
        cluster: &str,
        part: &PartRef,
        reporter: &dyn crate::executor::Reporter,
        cancel: &crate::executor::Cancel,
    ) -> anyhow::Result<Option<Vec<String>>> {
        let Some(eks) = self.describe_eks_cluster(cluster).await? else {
            return Err(crate::error::UserError::no_cluster(cluster).into());
        };
        let mut also = Vec::new();
        let id = part.id();
        let description = part.to_string();
        let progress =
            Progress::of(crate::executor::Subject { id: &id, description: &description }, reporter, cancel);
        match part {
            PartRef::Addon { name, preserve } => {
                let Some(addon) = self.describe_addon(cluster, name).await? else { return Ok(None) };
                // The roles eksup made for it: its IRSA role and those of its pod identities
                // (EKS deletes the associations with the add-on). With `--preserve` its software
                // keeps running, with those roles.
                let mut roles: Vec<String> = Vec::new();
                if !*preserve {
                    roles.extend(addon.service_account_role_arn().map(str::to_string));
                    roles.extend(
                        self.addon_pod_identities_live(cluster, &addon).await?.into_iter().map(|(_, r)| r),
                    );
                }
                self.delete_addon_and_wait(&progress, cluster, name, *preserve).await?;
                let prefixes =
                    [format!("iam-role-addon-{}", crate::plan::slug(name)), "iam-role-vpc-cni".to_string()];
                for role in roles {
                    for prefix in &prefixes {
                        if let Some(r) = self.delete_role_made_for(cluster, &role, prefix).await? {
                            also.push(format!("IAM role `{r}`"));
                            break;
                        }
                    }
                }
            }
            PartRef::FargateProfile(name) => {
                if self.describe_fargate(cluster, name).await?.is_none() {
                    return Ok(None);
                }
                self.delete_fargate_profile(&progress, cluster, name).await?;
            }
            PartRef::AccessEntry(arn) => {
                let call = self.eks.describe_access_entry().cluster_name(cluster).principal_arn(arn);
                if call.send().await.api("DescribeAccessEntry").or_not_found()?.is_none() {
                    return Ok(None);
                }
                self.delete_access_entry(cluster, arn).await?;
            }
            PartRef::Capability(name) => {
                let Some(role) = self.capability_role(cluster, name).await? else { return Ok(None) };
                self.delete_capability(&progress, cluster, name).await?;
                let deleted = self.delete_role_made_for(cluster, &role, "iam-role-capability-").await?;
                also.extend(deleted.map(|r| format!("IAM role `{r}`")));
            }
            PartRef::IdentityMapping(key) => {
                let mut found = false;
                if key.starts_with("arn:") {
                    let call = self.eks.describe_access_entry().cluster_name(cluster).principal_arn(key);
                    if call.send().await.api("DescribeAccessEntry").or_not_found()?.is_some() {
                        self.delete_access_entry(cluster, key).await?;
                        found = true;
                    }
                }
                if super::parts::reads_aws_auth(&eks) {
                    let removed = self.cluster_api(&eks).await?.remove_from_aws_auth(key).await?;
                    if removed > 0 {
                        also.push(format!(
                            "{removed} entr{} of `kube-system/aws-auth`",
                            if removed == 1 { "y" } else { "ies" }
                        ));
                        found = true;
                    }
                }
                if !found {
                    return Ok(None);
                }
            }
        }
        Ok(Some(also))
    }

    /// `create cluster --prune`: remove what belongs to the cluster and is no longer in the
    /// config (the `-` of the plan against the live cluster: `nodegroup/<name>` with a drain
    /// first, `addon/<name>`, `fargate/<name>`), each waited for until gone. Returns their ids.
    pub async fn prune(
        &self,
        cluster: &str,
        removals: &[crate::plan::drift::Marked],
        reporter: &dyn crate::executor::Reporter,
        cancel: &crate::executor::Cancel,
    ) -> anyhow::Result<Vec<String>> {
        let mut done = Vec::new();
        for r in removals {
            let Some((kind, name)) = r.id.split_once('/') else { continue };
            let progress = Progress::of(
                crate::executor::Subject { id: &r.id, description: &r.description },
                reporter,
                cancel,
            );
            match kind {
                "nodegroup" => {
                    self.delete_nodegroup(cluster, name, false, reporter, cancel).await?;
                }
                "addon" => self.delete_addon_and_wait(&progress, cluster, name, false).await?,
                "fargate" => self.delete_fargate_profile(&progress, cluster, name).await?,
                _ => continue,
            }
            done.push(r.id.clone());
        }
        Ok(done)
    }

    /// Delete the control plane, once the interfaces the VPC CNI left in `vpcs` are gone (they
    /// hold the cluster security group, which EKS could then not delete), and unless told not to,
    /// wait until it is gone.
    pub(super) async fn delete_control_plane(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        vpcs: &[String],
        wait: bool,
    ) -> anyhow::Result<()> {
        self.delete_cni_leftovers(progress, cluster, vpcs).await?;
        let busy = |e: &CloudError| (e.kind() == ErrorKind::InUse).then_some("waiting for nodegroups to go");
        retry_while(progress, limits::NODEGROUP, busy, || async {
            self.eks
                .delete_cluster()
                .name(cluster)
                .send()
                .await
                .api("DeleteCluster")
                .or_not_found()
                .map(|_| ())
        })
        .await?;
        if !wait {
            return Ok(());
        }
        let what = format!("control plane `{cluster}` to be deleted");
        wait_gone(progress, &what, limits::CLUSTER_GONE, || async {
            Ok(self.describe_eks_cluster(cluster).await?.map(|c| c.status().map(|s| s.as_str().to_string())))
        })
        .await
    }
}

/// Wait until `describe` finds nothing: it answers `None` once the resource is gone, else its
/// status (`DELETING` when EKS gives none).
pub(super) async fn wait_gone<F, Fut>(
    progress: &Progress<'_>,
    what: &str,
    span: super::Span,
    describe: F,
) -> anyhow::Result<()>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Option<Option<String>>>>,
{
    wait_for(progress, what, span, || async {
        Ok(match describe().await? {
            None => Poll::Ready(()),
            Some(status) => Poll::Pending(status.unwrap_or_else(|| "DELETING".into())),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taint_effects_are_upper_snake_case() {
        assert_eq!(taint_effect("NoSchedule"), TaintEffect::NoSchedule);
        assert_eq!(taint_effect("PreferNoSchedule"), TaintEffect::PreferNoSchedule);
        assert_eq!(taint_effect("NoExecute"), TaintEffect::NoExecute);
        assert_eq!(taint_effect("NO_EXECUTE"), TaintEffect::NoExecute);
    }
}

/// A pod identity association step's settings (see
/// [`crate::plan::Resource::PodIdentityAssociation`]).
pub(super) struct PodIdentitySpec<'a> {
    pub namespace: &'a str,
    pub service_account: &'a str,
    pub role: &'a Val,
    pub target_role_arn: Option<&'a str>,
    pub disable_session_tags: bool,
    pub policy: Option<&'a str>,
    pub tags: &'a std::collections::BTreeMap<String, String>,
}

/// A pod identity association as `get podidentityassociation` shows it: eksctl's fields (its
/// `Summary`, Go's names), then the cross-account ones and whether eksup made it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct PodIdentitySummary {
    #[serde(rename = "AssociationARN")]
    pub association_arn: String,
    pub namespace: String,
    pub service_account_name: String,
    #[serde(rename = "RoleARN")]
    pub role_arn: String,
    #[serde(rename = "OwnerARN")]
    pub owner_arn: String,
    #[serde(rename = "TargetRoleARN")]
    pub target_role_arn: String,
    pub disable_session_tags: bool,
    pub managed_by_eksup: bool,
}

impl<'a> PodIdentitySpec<'a> {
    pub(super) fn of(resource: &'a crate::plan::Resource) -> anyhow::Result<Self> {
        let crate::plan::Resource::PodIdentityAssociation {
            namespace,
            service_account,
            role,
            target_role_arn,
            disable_session_tags,
            policy,
            tags,
        } = resource
        else {
            anyhow::bail!("not a pod identity association step")
        };
        Ok(Self {
            namespace,
            service_account,
            role,
            target_role_arn: target_role_arn.as_deref(),
            disable_session_tags: *disable_session_tags,
            policy: policy.as_deref(),
            tags,
        })
    }
}

/// What `delete podidentityassociation` removed.
#[derive(Debug, Clone)]
pub struct RemovedPodIdentity {
    pub role_arn: String,
    /// The role's name, when eksup had made it for the association and deleted it too.
    pub role_deleted: Option<String>,
}

/// Whether two policy documents say the same (EKS may give back a policy re-serialized).
fn same_policy(a: Option<&str>, b: Option<&str>) -> bool {
    let parse = |d: Option<&str>| d.map(|d| serde_json::from_str::<serde_json::Value>(d).ok());
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => x == y || parse(Some(x)) == parse(Some(y)),
        _ => false,
    }
}

impl AwsCloud {
    /// The pod identity associations of `cluster` (of `namespace`, of `service_account` there),
    /// described: one List (all pages), then one Describe each.
    pub(crate) async fn pod_identity_associations(
        &self,
        cluster: &str,
        namespace: Option<&str>,
        service_account: Option<&str>,
    ) -> Result<Vec<aws_sdk_eks::types::PodIdentityAssociation>, CloudError> {
        let pages: Result<Vec<_>, _> = self
            .eks
            .list_pod_identity_associations()
            .cluster_name(cluster)
            .set_namespace(namespace.map(str::to_string))
            .set_service_account(service_account.map(str::to_string))
            .into_paginator()
            .send()
            .collect()
            .await;
        let ids: Vec<String> = pages
            .api("ListPodIdentityAssociations")?
            .iter()
            .flat_map(|p| p.associations().iter().filter_map(|a| a.association_id()).map(str::to_string))
            .collect();
        let mut out = Vec::new();
        for id in ids {
            let found = self
                .eks
                .describe_pod_identity_association()
                .cluster_name(cluster)
                .association_id(&id)
                .send()
                .await
                .api("DescribePodIdentityAssociation")
                .or_not_found()?;
            out.extend(found.and_then(|o| o.association));
        }
        Ok(out)
    }

    /// The association of `namespace/service_account` in `cluster`, if any.
    pub(crate) async fn find_pod_identity(
        &self,
        cluster: &str,
        namespace: &str,
        service_account: &str,
    ) -> Result<Option<aws_sdk_eks::types::PodIdentityAssociation>, CloudError> {
        Ok(self
            .pod_identity_associations(cluster, Some(namespace), Some(service_account))
            .await?
            .into_iter()
            .next())
    }

    /// Make the association, or bring one eksup made to the file's role, target role, session
    /// tags and session policy. One made outside eksup with the file's settings is left as it
    /// is; with others, the run stops rather than take the service account over.
    pub(super) async fn ensure_pod_identity(
        &self,
        ctx: &StepContext<'_>,
        spec: &PodIdentitySpec<'_>,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let (namespace, account) = (spec.namespace, spec.service_account);
        let role = ctx.resolve(spec.role)?;
        let key = format!("{namespace}/{account}");
        let existing = if self.absent(ctx, &key) {
            None
        } else {
            self.find_pod_identity(cluster, namespace, account).await?
        };
        let mut want_tags = step_tags(ctx);
        want_tags.extend(spec.tags.clone());
        let (association, mut action) = if let Some(a) = existing {
            let same = a.role_arn() == Some(role.as_str())
                && a.target_role_arn() == spec.target_role_arn
                && a.disable_session_tags().unwrap_or_default() == spec.disable_session_tags
                && same_policy(a.policy(), spec.policy);
            if same {
                (a, Action::Existed)
            } else if !owned(a.tags(), cluster) {
                return Err(anyhow::anyhow!(
                    "it was made outside eksup with other settings (role `{}`): delete it with `eksup delete podidentityassociation --cluster {cluster} --namespace {namespace} --service-account-name {account}` to have eksup make its own, or drop it from the file",
                    a.role_arn().unwrap_or_default()
                ));
            } else {
                let id = a.association_id().unwrap_or_default().to_string();
                // What changed, an empty string taking a target role or session policy away.
                let target = (a.target_role_arn() != spec.target_role_arn)
                    .then(|| spec.target_role_arn.unwrap_or_default().to_string());
                let policy = (!same_policy(a.policy(), spec.policy))
                    .then(|| spec.policy.unwrap_or_default().to_string());
                let out = retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
                    let req = self
                        .eks
                        .update_pod_identity_association()
                        .client_request_token(self.client_token(ctx))
                        .cluster_name(cluster)
                        .association_id(&id)
                        .role_arn(&role)
                        .set_target_role_arn(target.clone())
                        .disable_session_tags(spec.disable_session_tags)
                        .set_policy(policy.clone());
                    async move { req.send().await.api("UpdatePodIdentityAssociation") }
                })
                .await?;
                (out.association.unwrap_or(a), Action::Updated)
            }
        } else {
            let tags: HashMap<String, String> = want_tags.clone().into_iter().collect();
            let out = retry_while(&ctx.progress, limits::IAM_PROPAGATION, iam_propagation, || {
                let req = self
                    .eks
                    .create_pod_identity_association()
                    .client_request_token(self.client_token(ctx))
                    .cluster_name(cluster)
                    .namespace(namespace)
                    .service_account(account)
                    .role_arn(&role)
                    .set_target_role_arn(spec.target_role_arn.map(str::to_string))
                    .disable_session_tags(spec.disable_session_tags)
                    .set_policy(spec.policy.map(str::to_string))
                    .set_tags(Some(tags.clone()));
                async move { req.send().await.api("CreatePodIdentityAssociation") }
            })
            .await?;
            self.made(ctx);
            let a = out.association.ok_or(CloudError::MissingField {
                operation: "CreatePodIdentityAssociation",
                field: "association",
            })?;
            (a, Action::Created)
        };
        // One eksup made keeps the file's tags and its own (a re-run adds what is missing).
        if action != Action::Created && owned(association.tags(), cluster) {
            let have =
                association.tags().into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect();
            if self.retag(association.association_arn(), &want_tags, &have).await?
                && action == Action::Existed
            {
                action = Action::Updated;
            }
        }
        Ok(StepResult::new(action)
            .with(keys::ARN, association.association_arn().unwrap_or_default())
            .with(keys::ID, association.association_id().unwrap_or_default())
            .with("role", role))
    }

    /// The pod identity associations of cluster `name` (of `namespace`, and of
    /// `service_account` there), as `get podidentityassociation` shows them; `None` when there
    /// is no such cluster.
    pub async fn pod_identity_summaries(
        &self,
        name: &str,
        namespace: Option<&str>,
        service_account: Option<&str>,
    ) -> anyhow::Result<Option<Vec<PodIdentitySummary>>> {
        if self.describe_eks_cluster(name).await?.is_none() {
            return Ok(None);
        }
        let mut out = Vec::new();
        for a in self.pod_identity_associations(name, namespace, service_account).await? {
            let text = |s: Option<&str>| s.unwrap_or_default().to_string();
            out.push(PodIdentitySummary {
                association_arn: text(a.association_arn()),
                namespace: text(a.namespace()),
                service_account_name: text(a.service_account()),
                role_arn: text(a.role_arn()),
                owner_arn: text(a.owner_arn()),
                target_role_arn: text(a.target_role_arn()),
                disable_session_tags: a.disable_session_tags().unwrap_or_default(),
                managed_by_eksup: owned(a.tags(), name),
            });
        }
        out.sort_by(|a, b| {
            (&a.namespace, &a.service_account_name).cmp(&(&b.namespace, &b.service_account_name))
        });
        Ok(Some(out))
    }

    /// `delete podidentityassociation`: the association of `namespace/account`, and its role
    /// when eksup made that role for it (its ownership tags name this cluster and a pod
    /// identity's role step). `None`: there was none.
    pub async fn remove_pod_identity(
        &self,
        cluster: &str,
        namespace: &str,
        account: &str,
    ) -> anyhow::Result<Option<RemovedPodIdentity>> {
        if self.describe_eks_cluster(cluster).await?.is_none() {
            return Err(crate::error::UserError::no_cluster(cluster).into());
        }
        let Some(a) = self.find_pod_identity(cluster, namespace, account).await? else { return Ok(None) };
        self.delete_pod_identity(cluster, a.association_id().unwrap_or_default()).await?;
        let role_arn = a.role_arn().unwrap_or_default().to_string();
        let role_deleted = self.delete_role_made_for(cluster, &role_arn, "iam-role-pod-identity-").await?;
        Ok(Some(RemovedPodIdentity { role_arn, role_deleted }))
    }

    pub(super) async fn delete_pod_identity(&self, cluster: &str, id: &str) -> anyhow::Result<()> {
        let call = self.eks.delete_pod_identity_association().cluster_name(cluster).association_id(id);
        call.send().await.api("DeletePodIdentityAssociation").or_not_found()?;
        Ok(())
    }
}

/// An identity provider config eksup names (`oidc`, the only type EKS has).
fn oidc_config(name: &str) -> aws_sdk_eks::types::IdentityProviderConfig {
    aws_sdk_eks::types::IdentityProviderConfig::builder()
        .r#type("oidc")
        .name(name)
        .build()
        .expect("type and name are set")
}

/// Whether an associated provider has the file's settings (EKS cannot change them in place).
fn same_provider(live: &aws_sdk_eks::types::OidcIdentityProviderConfig, spec: &IdentityProviderSpec) -> bool {
    let claims: std::collections::BTreeMap<String, String> =
        live.required_claims().map(|c| c.clone().into_iter().collect()).unwrap_or_default();
    live.issuer_url() == Some(spec.issuer_url.as_str())
        && live.client_id() == Some(spec.client_id.as_str())
        && live.username_claim() == Some(spec.username_claim.as_deref().unwrap_or("sub"))
        && live.username_prefix() == spec.username_prefix.as_deref()
        && live.groups_claim() == spec.groups_claim.as_deref()
        && live.groups_prefix() == spec.groups_prefix.as_deref()
        && claims == spec.required_claims
}

/// An identity provider config as `get identityprovider` shows it: eksctl's `Summary`, in its
/// (Go) field names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct IdentityProviderSummary {
    #[serde(rename = "Type")]
    pub kind: String,
    pub name: String,
    #[serde(rename = "ClientID")]
    pub client_id: String,
    #[serde(rename = "IssuerURL")]
    pub issuer_url: String,
    pub status: String,
    pub arn: String,
    pub username_claim: Option<String>,
    pub username_prefix: Option<String>,
    pub groups_claim: Option<String>,
    pub groups_prefix: Option<String>,
    pub required_claims: std::collections::BTreeMap<String, String>,
    pub tags: std::collections::BTreeMap<String, String>,
}

impl AwsCloud {
    /// The identity provider configs of cluster `cluster` (or the one named `name`); `None`
    /// when there is no such cluster.
    pub async fn identity_provider_summaries(
        &self,
        cluster: &str,
        name: Option<&str>,
    ) -> anyhow::Result<Option<Vec<IdentityProviderSummary>>> {
        if self.describe_eks_cluster(cluster).await?.is_none() {
            return Ok(None);
        }
        let pages: Result<Vec<_>, _> = self
            .eks
            .list_identity_provider_configs()
            .cluster_name(cluster)
            .into_paginator()
            .send()
            .collect()
            .await;
        let names: Vec<String> = pages
            .api("ListIdentityProviderConfigs")?
            .iter()
            .flat_map(|p| p.identity_provider_configs().iter().map(|c| c.name().to_string()))
            .filter(|n| name.is_none_or(|want| want == n))
            .collect();
        let mut out = Vec::new();
        for n in names {
            let Some(c) = self.describe_identity_provider(cluster, &n).await? else { continue };
            let text = |s: Option<&str>| s.unwrap_or_default().to_string();
            let map = |m: Option<&HashMap<String, String>>| {
                m.map(|m| m.clone().into_iter().collect()).unwrap_or_default()
            };
            out.push(IdentityProviderSummary {
                kind: "oidc".into(),
                name: n,
                client_id: text(c.client_id()),
                issuer_url: text(c.issuer_url()),
                status: c.status().map_or(String::new(), |s| s.as_str().to_string()),
                arn: text(c.identity_provider_config_arn()),
                username_claim: c.username_claim().map(str::to_string),
                username_prefix: c.username_prefix().map(str::to_string),
                groups_claim: c.groups_claim().map(str::to_string),
                groups_prefix: c.groups_prefix().map(str::to_string),
                required_claims: map(c.required_claims()),
                tags: map(c.tags()),
            });
        }
        Ok(Some(out))
    }

    /// The identity provider config `name` of `cluster`, if any.
    async fn describe_identity_provider(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<aws_sdk_eks::types::OidcIdentityProviderConfig>, CloudError> {
        Ok(self
            .eks
            .describe_identity_provider_config()
            .cluster_name(cluster)
            .identity_provider_config(oidc_config(name))
            .send()
            .await
            .api("DescribeIdentityProviderConfig")
            .or_not_found()?
            .and_then(|o| o.identity_provider_config)
            .and_then(|c| c.oidc))
    }

    /// Disassociate provider `name` (`start`: it is not already going) and wait until it is
    /// gone.
    async fn disassociate_identity_provider(
        &self,
        ctx: &StepContext<'_>,
        name: &str,
        start: bool,
    ) -> anyhow::Result<()> {
        let cluster = ctx.plan.cluster.as_str();
        if start {
            let busy = |e: &CloudError| {
                (e.kind() == ErrorKind::InUse).then_some("another cluster update is in progress")
            };
            retry_while(&ctx.progress, limits::DEPENDENCY, busy, || {
                let call = self
                    .eks
                    .disassociate_identity_provider_config()
                    .cluster_name(cluster)
                    .identity_provider_config(oidc_config(name))
                    .client_request_token(self.token_for(&format!("{cluster}/disassociate/{name}")));
                async move { call.send().await.map(|_| ()).api("DisassociateIdentityProviderConfig") }
            })
            .await?;
        }
        let span = super::Span::making(crate::plan::Kind::IdentityProvider, limits::IDENTITY_PROVIDER);
        wait_for(&ctx.progress, &format!("identity provider `{name}` to go"), span, || async {
            Ok(match self.describe_identity_provider(cluster, name).await? {
                None => Poll::Ready(()),
                Some(_) => Poll::Pending("DELETING".into()),
            })
        })
        .await
    }

    /// EKS takes one provider per cluster: one of another name that eksup associated (the file
    /// renamed it) is disassociated first; one associated outside eksup stops the run.
    async fn make_room_for_identity_provider(&self, ctx: &StepContext<'_>, name: &str) -> anyhow::Result<()> {
        let cluster = ctx.plan.cluster.as_str();
        let listed = self.eks.list_identity_provider_configs().cluster_name(cluster).send().await;
        let listed = listed.api("ListIdentityProviderConfigs")?;
        for other in listed.identity_provider_configs().iter().map(|c| c.name()).filter(|n| *n != name) {
            let Some(live) = self.describe_identity_provider(cluster, other).await? else { continue };
            if !owned(live.tags(), cluster) {
                return Err(crate::error::UserError::new(format!(
                    "cluster `{cluster}` has identity provider `{other}`, associated outside eksup, and EKS takes one"
                ))
                .hint(format!("disassociate it (`aws eks disassociate-identity-provider-config --cluster-name {cluster} --identity-provider-config type=oidc,name={other}`), or name it in the file"))
                .into());
            }
            let deleting = live.status() == Some(&aws_sdk_eks::types::ConfigStatus::Deleting);
            ctx.progress
                .waiting(&format!("replacing identity provider `{other}`, which the file no longer names"));
            self.disassociate_identity_provider(ctx, other, !deleting).await?;
        }
        Ok(())
    }

    /// AssociateIdentityProviderConfig, once no other cluster update runs.
    async fn associate_identity_provider(
        &self,
        ctx: &StepContext<'_>,
        spec: &IdentityProviderSpec,
    ) -> anyhow::Result<()> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.name.as_str();
        let mut tags: HashMap<String, String> = step_tags(ctx).into_iter().collect();
        tags.extend(spec.tags.clone());
        let oidc = aws_sdk_eks::types::OidcIdentityProviderConfigRequest::builder()
            .identity_provider_config_name(name)
            .issuer_url(&spec.issuer_url)
            .client_id(&spec.client_id)
            .set_username_claim(spec.username_claim.clone())
            .set_username_prefix(spec.username_prefix.clone())
            .set_groups_claim(spec.groups_claim.clone())
            .set_groups_prefix(spec.groups_prefix.clone())
            .set_required_claims(
                (!spec.required_claims.is_empty())
                    .then(|| spec.required_claims.clone().into_iter().collect()),
            )
            .build()
            .context("an identity provider config needs a name, issuer URL and client id")?;
        // One cluster update at a time (waited for while another runs), then the association's
        // own update until it ends: a failed one says why (an issuer EKS cannot reach), where the
        // config alone would just vanish.
        let span = super::Span::making(crate::plan::Kind::IdentityProvider, limits::IDENTITY_PROVIDER);
        let made = std::sync::atomic::AtomicBool::new(false);
        let result = self
            .apply_update_in(&ctx.progress, cluster, super::update::Target::Cluster, span, || {
                let call = self
                    .eks
                    .associate_identity_provider_config()
                    .cluster_name(cluster)
                    .oidc(oidc.clone())
                    .set_tags(Some(tags.clone()))
                    .client_request_token(self.client_token(ctx));
                let made = &made;
                async move {
                    let out = call.send().await.api("AssociateIdentityProviderConfig")?;
                    made.store(true, std::sync::atomic::Ordering::Relaxed);
                    Ok(out.update)
                }
            })
            .await;
        if made.load(std::sync::atomic::Ordering::Relaxed) {
            self.made(ctx);
        }
        result.map(|_| ())
    }

    /// Associate the file's OIDC provider and wait until EKS has (ACTIVE). One eksup associated
    /// with other settings is replaced, as EKS cannot change it: disassociated, then associated
    /// again; one associated outside eksup is left alone and stops the run.
    pub(super) async fn ensure_identity_provider(
        &self,
        ctx: &StepContext<'_>,
        spec: &IdentityProviderSpec,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.name.as_str();
        let what = format!("identity provider `{name}`");
        let existing = if self.absent(ctx, name) {
            None
        } else {
            self.describe_identity_provider(cluster, name).await?
        };
        let mut action = Action::Created;
        if let Some(live) = existing {
            let gone = live.status() == Some(&aws_sdk_eks::types::ConfigStatus::Deleting);
            if !gone && same_provider(&live, spec) {
                action = Action::Existed;
            } else if !gone && !owned(live.tags(), cluster) {
                return Err(CloudError::Drift {
                    what: what.clone(),
                    difference: "was associated outside eksup with other settings".into(),
                }
                .into());
            } else {
                ctx.progress
                    .waiting("its settings changed, which EKS cannot change in place: associating it again");
                self.disassociate_identity_provider(ctx, name, !gone).await?;
                action = Action::Updated;
            }
        }
        if action != Action::Existed {
            self.make_room_for_identity_provider(ctx, name).await?;
            self.associate_identity_provider(ctx, spec).await?;
        }
        let live = wait_for(
            &ctx.progress,
            &what,
            super::Span::making(crate::plan::Kind::IdentityProvider, limits::IDENTITY_PROVIDER),
            || async {
                let live = self.describe_identity_provider(cluster, name).await?;
                Ok(match live {
                    Some(l) if l.status() == Some(&aws_sdk_eks::types::ConfigStatus::Active) => {
                        Poll::Ready(l)
                    }
                    Some(l) => Poll::Pending(l.status().map_or("CREATING", |s| s.as_str()).to_string()),
                    None => Poll::Pending("not listed yet".into()),
                })
            },
        )
        .await?;
        Ok(StepResult::new(action)
            .with(keys::NAME, name)
            .with(keys::ARN, live.identity_provider_config_arn().unwrap_or_default()))
    }
}
