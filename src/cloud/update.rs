//! Changes in place: the control plane's configuration (`utils update-cluster-logging`,
//! `utils update-cluster-vpc-config`, `utils update-authentication-mode`), its version
//! (`upgrade cluster`), a managed node group's version (`upgrade nodegroup`) and an add-on
//! (`update addon`). Each is one EKS update call whose update is then waited for until EKS says
//! it is `Successful` ([`AwsCloud::apply_update`]). EKS runs one update of a resource at a time:
//! while another is in progress it refuses (ResourceInUseException) and the change waits its
//! turn.

use std::collections::BTreeSet;

use std::future::Future;

use aws_sdk_eks::types::{LogSetup, LogType, Logging, Update, UpdateStatus, VpcConfigRequest};
use serde::Serialize;

use super::error::{ApiResult as _, CloudError, ErrorKind};
use super::{AwsCloud, Poll, Span, limits, retry_while, wait_for};
use crate::executor::{Cancel, Progress, Reporter, Subject};

/// What an update changes: the cluster itself, one of its add-ons or managed node groups.
#[derive(Debug, Clone, Copy)]
pub(super) enum Target<'a> {
    Cluster,
    Addon(&'a str),
    Nodegroup(&'a str),
}

impl Target<'_> {
    fn describe(self, cluster: &str) -> String {
        match self {
            Self::Cluster => format!("cluster `{cluster}`"),
            Self::Addon(a) => format!("add-on `{a}`"),
            Self::Nodegroup(n) => format!("node group `{n}`"),
        }
    }
}

/// The control-plane log types, as EKS names them.
pub const LOG_TYPES: [&str; 5] = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

/// What can change in place, as the control plane has it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterConfig {
    /// The log types sent to CloudWatch.
    pub logging: BTreeSet<String>,
    pub endpoint_public_access: bool,
    pub endpoint_private_access: bool,
    pub public_access_cidrs: Vec<String>,
    /// `CONFIG_MAP`, `API_AND_CONFIG_MAP` or `API`.
    pub authentication_mode: String,
}

/// One change, applied by one UpdateClusterConfig.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClusterChange {
    /// The log types to enable, and those to disable.
    Logging {
        enable: BTreeSet<String>,
        disable: BTreeSet<String>,
    },
    Endpoints {
        public: bool,
        private: bool,
        public_cidrs: Option<Vec<String>>,
    },
    AuthenticationMode(String),
    /// Envelope encryption of Kubernetes secrets with this KMS key (AssociateEncryptionConfig:
    /// on once, never off or to another key).
    SecretsEncryption(String),
    /// EKS Provisioned Control Plane's tier.
    ScalingTier(String),
    /// The control plane components' settings: every one the file sets (EKS leaves the others
    /// as they are).
    ComponentConfig(crate::plan::ComponentConfigSpec),
    /// How the control plane's own traffic leaves (`CUSTOMER_ROUTED`: through the cluster's
    /// subnets, for good).
    EgressMode(String),
    /// EKS Hybrid Nodes' remote node and pod networks (each one entry of CIDRs).
    RemoteNetworks {
        nodes: Vec<String>,
        pods: Vec<String>,
    },
    /// EKS Auto Mode on (with its node pools and their node role) or off: compute, block storage
    /// and load balancing, which EKS takes only together.
    AutoMode {
        on: bool,
        node_pools: Vec<String>,
        node_role: Option<String>,
    },
}

impl AwsCloud {
    /// The cluster's OIDC issuer and the ARN of the IAM OIDC provider for it, if there is one;
    /// `None` when there is no such cluster.
    pub async fn oidc_of(&self, name: &str) -> Result<Option<(Option<String>, Option<String>)>, CloudError> {
        let Some(c) = self.describe_eks_cluster(name).await? else { return Ok(None) };
        let issuer = c.identity().and_then(|i| i.oidc()).and_then(|o| o.issuer()).map(str::to_string);
        let provider = match &issuer {
            Some(i) => self.find_oidc_provider(i).await?,
            None => None,
        };
        Ok(Some((issuer, provider)))
    }

    /// The cluster's configuration, or `None` when there is no such cluster.
    pub async fn cluster_config(&self, name: &str) -> Result<Option<ClusterConfig>, CloudError> {
        let Some(c) = self.describe_eks_cluster(name).await? else { return Ok(None) };
        let live = super::live::live_control_plane(&c);
        Ok(Some(ClusterConfig {
            logging: live.logging,
            endpoint_public_access: live.endpoint_public_access,
            endpoint_private_access: live.endpoint_private_access,
            public_access_cidrs: live.public_access_cidrs,
            authentication_mode: c
                .access_config()
                .and_then(|a| a.authentication_mode())
                .map_or("CONFIG_MAP", |m| m.as_str())
                .to_string(),
        }))
    }

    /// Apply `change` to cluster `name` and wait until EKS has applied it (behind any update in
    /// progress); returns the update's id.
    pub async fn update_cluster_config(
        &self,
        name: &str,
        change: &ClusterChange,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<String> {
        self.apply_update(name, Target::Cluster, limits::CLUSTER_UPDATED, reporter, cancel, || {
            self.cluster_config_call(name, change)
        })
        .await
    }

    /// Apply `change` to the plan's cluster within a create step (a config re-run that changed
    /// logging or endpoint access), and wait.
    pub(crate) async fn update_cluster_config_in(
        &self,
        progress: &Progress<'_>,
        name: &str,
        change: &ClusterChange,
    ) -> anyhow::Result<String> {
        self.apply_update_in(progress, name, Target::Cluster, limits::CLUSTER_UPDATED, || {
            self.cluster_config_call(name, change)
        })
        .await
    }

    async fn cluster_config_call(
        &self,
        name: &str,
        change: &ClusterChange,
    ) -> Result<Option<Update>, CloudError> {
        let req = self.eks.update_cluster_config().name(name);
        let req = match change {
            ClusterChange::SecretsEncryption(key) => {
                // `resources` is deprecated: EKS encrypts all Kubernetes API data with the key.
                let config = aws_sdk_eks::types::EncryptionConfig::builder()
                    .provider(aws_sdk_eks::types::Provider::builder().key_arn(key).build())
                    .build();
                return self
                    .eks
                    .associate_encryption_config()
                    .cluster_name(name)
                    .encryption_config(config)
                    .client_request_token(self.token_for(&format!("{name}/encryption/{key}")))
                    .send()
                    .await
                    .api("AssociateEncryptionConfig")
                    .map(|o| o.update);
            }
            ClusterChange::Logging { enable, disable } => {
                let setup = |types: &BTreeSet<String>, on: bool| {
                    LogSetup::builder()
                        .set_types(Some(types.iter().map(|t| LogType::from(t.as_str())).collect()))
                        .enabled(on)
                        .build()
                };
                let mut logging = Logging::builder();
                if !enable.is_empty() {
                    logging = logging.cluster_logging(setup(enable, true));
                }
                if !disable.is_empty() {
                    logging = logging.cluster_logging(setup(disable, false));
                }
                req.logging(logging.build())
            }
            ClusterChange::AutoMode { on, node_pools, node_role } => {
                let role = node_role.clone().filter(|_| *on && !node_pools.is_empty());
                let (compute, storage, load_balancing) = super::eks::auto_mode_configs(*on, node_pools, role);
                req.compute_config(compute).storage_config(storage).kubernetes_network_config(
                    aws_sdk_eks::types::KubernetesNetworkConfigRequest::builder()
                        .elastic_load_balancing(load_balancing)
                        .build(),
                )
            }
            ClusterChange::RemoteNetworks { nodes, pods } => {
                req.remote_network_config(super::eks::remote_network_config(nodes, pods, true))
            }
            ClusterChange::ScalingTier(tier) => req.control_plane_scaling_config(
                aws_sdk_eks::types::ControlPlaneScalingConfig::builder()
                    .tier(aws_sdk_eks::types::ProvisionedControlPlaneTier::from(tier.as_str()))
                    .build(),
            ),
            ClusterChange::ComponentConfig(spec) => {
                let r = super::component_config::requests(spec);
                req.set_kube_api_server_config(r.api_server)
                    .set_kube_scheduler_config(r.scheduler)
                    .set_kube_controller_manager_config(r.controller_manager)
            }
            ClusterChange::AuthenticationMode(mode) => req.access_config(
                aws_sdk_eks::types::UpdateAccessConfigRequest::builder()
                    .authentication_mode(aws_sdk_eks::types::AuthenticationMode::from(mode.as_str()))
                    .build(),
            ),
            ClusterChange::EgressMode(mode) => req.resources_vpc_config(
                VpcConfigRequest::builder()
                    .control_plane_egress_mode(aws_sdk_eks::types::ControlPlaneEgressModeType::from(
                        mode.as_str(),
                    ))
                    .build(),
            ),
            ClusterChange::Endpoints { public, private, public_cidrs } => req.resources_vpc_config(
                VpcConfigRequest::builder()
                    .endpoint_public_access(*public)
                    .endpoint_private_access(*private)
                    .set_public_access_cidrs(public_cidrs.clone())
                    .build(),
            ),
        };
        req.send().await.api("UpdateClusterConfig").map(|o| o.update)
    }
}

/// An add-on as it is now: what `update addon` can change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddonState {
    pub version: String,
    pub configuration_values: Option<String>,
    pub service_account_role_arn: Option<String>,
}

/// What `update addon` changes; `None` keeps the add-on's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddonChange {
    pub version: Option<String>,
    pub configuration_values: Option<String>,
    pub service_account_role_arn: Option<String>,
    /// The add-on's pod identities, all of them (service account, role ARN): EKS replaces the
    /// set.
    pub pod_identities: Option<Vec<(String, String)>>,
    /// `OVERWRITE`, `PRESERVE` or `NONE`.
    pub resolve_conflicts: Option<String>,
}

impl AwsCloud {
    /// Add-on `name` of `cluster` with the cluster's Kubernetes version, or `None` when either
    /// does not exist.
    pub async fn addon_state(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<(AddonState, String)>, CloudError> {
        let Some(c) = self.describe_eks_cluster(cluster).await? else { return Ok(None) };
        let Some(a) = self.describe_addon(cluster, name).await? else { return Ok(None) };
        let state = AddonState {
            version: a.addon_version().unwrap_or_default().to_string(),
            configuration_values: a.configuration_values().map(str::to_string),
            service_account_role_arn: a.service_account_role_arn().map(str::to_string),
        };
        Ok(Some((state, c.version().unwrap_or_default().to_string())))
    }

    /// Apply `change` to add-on `name` and wait until EKS has applied it and the add-on is
    /// `ACTIVE` again; returns the update's id.
    pub async fn update_addon(
        &self,
        cluster: &str,
        name: &str,
        change: &AddonChange,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<String> {
        self.apply_update(cluster, Target::Addon(name), limits::ADDON_ACTIVE, reporter, cancel, || {
            self.addon_call(cluster, name, change)
        })
        .await
    }

    /// Apply `change` to an add-on within a create step (a config re-run that changed its
    /// version or configuration values), and wait.
    pub(crate) async fn update_addon_in(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
        change: &AddonChange,
    ) -> anyhow::Result<String> {
        self.apply_update_in(progress, cluster, Target::Addon(name), limits::ADDON_ACTIVE, || {
            self.addon_call(cluster, name, change)
        })
        .await
    }

    async fn addon_call(
        &self,
        cluster: &str,
        name: &str,
        change: &AddonChange,
    ) -> Result<Option<Update>, CloudError> {
        use aws_sdk_eks::types::ResolveConflicts;
        self.eks
            .update_addon()
            .cluster_name(cluster)
            .addon_name(name)
            .set_addon_version(change.version.clone())
            .set_configuration_values(change.configuration_values.clone())
            .set_service_account_role_arn(change.service_account_role_arn.clone())
            .set_pod_identity_associations(
                change.pod_identities.as_deref().map(super::eks::pod_identity_associations),
            )
            .set_resolve_conflicts(change.resolve_conflicts.as_deref().map(ResolveConflicts::from))
            .send()
            .await
            .api("UpdateAddon")
            .map(|o| o.update)
    }

    /// Apply a managed node group's new scaling, labels and taints within a create step (one
    /// UpdateNodegroupConfig), and wait.
    pub(crate) async fn update_nodegroup_config_in(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
        change: &NodegroupConfigChange,
    ) -> anyhow::Result<String> {
        use aws_sdk_eks::types::{NodegroupScalingConfig, Taint, UpdateLabelsPayload, UpdateTaintsPayload};
        let taint = |t: &crate::plan::Taint| {
            Taint::builder().key(&t.key).value(&t.value).effect(super::eks::taint_effect(&t.effect)).build()
        };
        let labels = (!change.set_labels.is_empty() || !change.remove_labels.is_empty()).then(|| {
            UpdateLabelsPayload::builder()
                .set_add_or_update_labels(
                    (!change.set_labels.is_empty()).then(|| change.set_labels.clone().into_iter().collect()),
                )
                .set_remove_labels((!change.remove_labels.is_empty()).then(|| change.remove_labels.clone()))
                .build()
        });
        let taints = (!change.set_taints.is_empty() || !change.remove_taints.is_empty()).then(|| {
            UpdateTaintsPayload::builder()
                .set_add_or_update_taints(
                    (!change.set_taints.is_empty()).then(|| change.set_taints.iter().map(taint).collect()),
                )
                .set_remove_taints(
                    (!change.remove_taints.is_empty())
                        .then(|| change.remove_taints.iter().map(taint).collect()),
                )
                .build()
        });
        let scaling = change.scaling.map(|(min, desired, max)| {
            NodegroupScalingConfig::builder().min_size(min).desired_size(desired).max_size(max).build()
        });
        let update_config = change.update_config.map(|(count, percentage)| {
            aws_sdk_eks::types::NodegroupUpdateConfig::builder()
                .set_max_unavailable(count)
                .set_max_unavailable_percentage(percentage)
                .build()
        });
        let node_repair = change.node_repair.as_ref().map(super::eks::node_repair_config);
        self.apply_update_in(progress, cluster, Target::Nodegroup(name), limits::NODEGROUP_ACTIVE, || async {
            self.eks
                .update_nodegroup_config()
                .cluster_name(cluster)
                .nodegroup_name(name)
                .set_scaling_config(scaling.clone())
                .set_update_config(update_config.clone())
                .set_node_repair_config(node_repair.clone())
                .set_labels(labels.clone())
                .set_taints(taints.clone())
                .send()
                .await
                .api("UpdateNodegroupConfig")
                .map(|o| o.update)
        })
        .await
    }

    /// Move cluster `name`'s control plane to Kubernetes `version` (the next minor one; EKS
    /// refuses any other) and wait until EKS has; `force` overrides EKS's upgrade-readiness
    /// checks, `rollback_minutes` is how long EKS lets the update run before it cancels it.
    /// Returns the update's id.
    pub async fn update_cluster_version(
        &self,
        name: &str,
        version: &str,
        (force, rollback_minutes): (bool, Option<i32>),
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<String> {
        let rollback = rollback_minutes
            .map(|m| aws_sdk_eks::types::RollbackConfig::builder().timeout_minutes(m).build());
        // The same token on every try: a retry after a lost answer gets the same update back.
        let token = self.token_for(&format!("{name}/version/{version}"));
        self.apply_update(name, Target::Cluster, limits::CLUSTER_UPGRADED, reporter, cancel, || async {
            self.eks
                .update_cluster_version()
                .name(name)
                .version(version)
                .force(force)
                .set_rollback_config(rollback.clone())
                .client_request_token(&token)
                .send()
                .await
                .api("UpdateClusterVersion")
                .map(|o| o.update)
        })
        .await
    }

    /// Roll managed node group `nodegroup` onto `change` (new nodes first, then the old ones
    /// drained and terminated, as EKS does) and wait until EKS has. Returns the update's id.
    pub async fn update_nodegroup_version(
        &self,
        cluster: &str,
        nodegroup: &str,
        change: &NodegroupVersionChange,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<String> {
        let token = self.token_for(&format!("{cluster}/{nodegroup}/version"));
        let target = Target::Nodegroup(nodegroup);
        self.apply_update(cluster, target, limits::NODEGROUP_UPGRADED, reporter, cancel, || {
            self.nodegroup_version_call(cluster, nodegroup, change, &token)
        })
        .await
    }

    /// `upgrade nodegroup --wait=false`: start the rolling update and return its id.
    pub async fn start_nodegroup_version_update(
        &self,
        cluster: &str,
        nodegroup: &str,
        change: &NodegroupVersionChange,
    ) -> anyhow::Result<String> {
        let token = self.token_for(&format!("{cluster}/{nodegroup}/version"));
        let update = self.nodegroup_version_call(cluster, nodegroup, change, &token).await?;
        Ok(update_id(update.as_ref())?.to_string())
    }

    /// A re-run's version change of a managed node group, waited for within its step.
    pub(crate) async fn update_nodegroup_version_in(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        nodegroup: &str,
        change: &NodegroupVersionChange,
    ) -> anyhow::Result<String> {
        let token = self.token_for(&format!("{cluster}/{nodegroup}/version"));
        self.apply_update_in(
            progress,
            cluster,
            Target::Nodegroup(nodegroup),
            limits::NODEGROUP_UPGRADED,
            || self.nodegroup_version_call(cluster, nodegroup, change, &token),
        )
        .await
    }

    async fn nodegroup_version_call(
        &self,
        cluster: &str,
        nodegroup: &str,
        change: &NodegroupVersionChange,
        token: &str,
    ) -> Result<Option<Update>, CloudError> {
        use aws_sdk_eks::types::LaunchTemplateSpecification;
        let template = change
            .launch_template
            .as_ref()
            .map(|(id, version)| LaunchTemplateSpecification::builder().id(id).version(version).build());
        self.eks
            .update_nodegroup_version()
            .cluster_name(cluster)
            .nodegroup_name(nodegroup)
            .set_version(change.version.clone())
            .set_release_version(change.release_version.clone())
            .set_launch_template(template)
            .force(change.force)
            .client_request_token(token)
            .send()
            .await
            .api("UpdateNodegroupVersion")
            .map(|o| o.update)
    }

    /// Start an update with `call` (tried again while another update of `target` is in
    /// progress), then wait until EKS says it is `Successful` and `target` is `ACTIVE` again.
    /// An update that ends `Failed` or `Cancelled` is an error with EKS's reasons. Returns the
    /// update's id.
    async fn apply_update<F, Fut>(
        &self,
        cluster: &str,
        target: Target<'_>,
        span: Span,
        reporter: &dyn Reporter,
        cancel: &Cancel,
        call: F,
    ) -> anyhow::Result<String>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<Update>, CloudError>>,
    {
        let id = match target {
            Target::Cluster => format!("cluster/{cluster}"),
            Target::Addon(a) => format!("addon/{a}"),
            Target::Nodegroup(n) => format!("nodegroup/{n}"),
        };
        let description = target.describe(cluster);
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        self.apply_update_in(&progress, cluster, target, span, call).await
    }

    /// [`Self::apply_update`] within a step's progress.
    pub(super) async fn apply_update_in<F, Fut>(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        target: Target<'_>,
        span: Span,
        call: F,
    ) -> anyhow::Result<String>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Option<Update>, CloudError>>,
    {
        let busy = |e: &CloudError| {
            (e.kind() == ErrorKind::InUse).then_some("waiting for the update in progress to finish")
        };
        let update = retry_while(progress, span.limit, busy, call).await?;
        let update_id = update_id(update.as_ref())?.to_string();
        let what = format!("update `{update_id}` of {}", target.describe(cluster));
        wait_for(progress, &what, span, || async {
            let mut req = self.eks.describe_update().name(cluster).update_id(&update_id);
            match target {
                Target::Cluster => {}
                Target::Addon(a) => req = req.addon_name(a),
                Target::Nodegroup(n) => req = req.nodegroup_name(n),
            }
            let update = req
                .send()
                .await
                .api("DescribeUpdate")?
                .update
                .ok_or(CloudError::MissingField { operation: "DescribeUpdate", field: "update" })?;
            match update.status() {
                Some(UpdateStatus::Successful) => {}
                Some(UpdateStatus::InProgress) | None => return Ok(Poll::Pending("InProgress".into())),
                Some(other) => {
                    let errors = update
                        .errors()
                        .iter()
                        .map(|e| {
                            let code =
                                e.error_code().map(|c| format!("{}: ", c.as_str())).unwrap_or_default();
                            let on = if e.resource_ids().is_empty() {
                                String::new()
                            } else {
                                format!(" ({})", e.resource_ids().join(", "))
                            };
                            format!("{code}{}{on}", e.error_message().unwrap_or_default())
                        })
                        .collect::<Vec<_>>();
                    return Err(CloudError::Failed {
                        what: what.clone(),
                        status: other.as_str().into(),
                        reason: (!errors.is_empty()).then(|| errors.join("; ")),
                    }
                    .into());
                }
            }
            let status = match target {
                Target::Cluster => self
                    .describe_eks_cluster(cluster)
                    .await?
                    .and_then(|c| c.status().map(|s| s.as_str().to_string())),
                Target::Addon(a) => self
                    .describe_addon(cluster, a)
                    .await?
                    .and_then(|a| a.status().map(|s| s.as_str().to_string())),
                Target::Nodegroup(n) => self
                    .describe_nodegroup(cluster, n)
                    .await?
                    .and_then(|g| g.status().map(|s| s.as_str().to_string())),
            };
            Ok(match status.as_deref() {
                Some("ACTIVE") => Poll::Ready(()),
                status => Poll::Pending(status.unwrap_or("UPDATING").to_string()),
            })
        })
        .await?;
        Ok(update_id)
    }
}

/// A managed node group's configuration change (UpdateNodegroupConfig).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodegroupConfigChange {
    /// min, desired, max.
    pub scaling: Option<(i32, i32, i32)>,
    pub set_labels: std::collections::BTreeMap<String, String>,
    pub remove_labels: Vec<String>,
    pub set_taints: Vec<crate::plan::Taint>,
    pub remove_taints: Vec<crate::plan::Taint>,
    /// maxUnavailable, maxUnavailablePercentage (one of them).
    pub update_config: Option<(Option<i32>, Option<i32>)>,
    pub node_repair: Option<crate::config::NodeRepairConfig>,
}

/// The id of the update an update call answered with.
fn update_id(update: Option<&Update>) -> Result<&str, CloudError> {
    update
        .and_then(Update::id)
        .ok_or(CloudError::MissingField { operation: "the update call", field: "update.id" })
}

/// What `upgrade nodegroup` asks EKS for; `None` leaves the choice to EKS (the node group's
/// version, the newest AMI release of it, the template version it has).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NodegroupVersionChange {
    pub version: Option<String>,
    pub release_version: Option<String>,
    /// The node group's launch template (id) in a new version.
    pub launch_template: Option<(String, String)>,
    /// Replace nodes even where a PodDisruptionBudget refuses their pods' eviction.
    pub force: bool,
}
