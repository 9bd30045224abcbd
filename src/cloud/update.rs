//! Changes to a cluster in place (`utils update-cluster-logging`, `utils update-cluster-vpc-config`):
//! what the control plane has now, and one UpdateClusterConfig waited for until EKS says it is
//! `Successful`. EKS runs one update of a cluster at a time: while another is in progress it
//! refuses (ResourceInUseException) and the change waits its turn.

use std::collections::BTreeSet;

use aws_sdk_eks::types::{LogSetup, LogType, Logging, UpdateStatus, VpcConfigRequest};
use serde::Serialize;

use super::error::{ApiResult as _, CloudError, ErrorKind};
use super::{AwsCloud, Poll, limits, retry_while, wait_for};
use crate::executor::{Cancel, Progress, Reporter, Subject};

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
        let logging = c
            .logging()
            .map(|l| l.cluster_logging())
            .unwrap_or_default()
            .iter()
            .filter(|s| s.enabled() == Some(true))
            .flat_map(|s| s.types().iter().map(|t| t.as_str().to_string()))
            .collect();
        let vpc = c.resources_vpc_config();
        Ok(Some(ClusterConfig {
            logging,
            endpoint_public_access: vpc.is_none_or(|v| v.endpoint_public_access()),
            endpoint_private_access: vpc.is_some_and(|v| v.endpoint_private_access()),
            public_access_cidrs: vpc.map(|v| v.public_access_cidrs().to_vec()).unwrap_or_default(),
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
        let id = format!("cluster/{name}");
        let description = format!("cluster `{name}`");
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        let busy = |e: &CloudError| {
            (e.kind() == ErrorKind::InUse).then_some("waiting for the update in progress to finish")
        };
        let update = retry_while(&progress, limits::CLUSTER, busy, || async {
            let req = self.eks.update_cluster_config().name(name);
            let req = match change {
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
                ClusterChange::AuthenticationMode(mode) => req.access_config(
                    aws_sdk_eks::types::UpdateAccessConfigRequest::builder()
                        .authentication_mode(aws_sdk_eks::types::AuthenticationMode::from(mode.as_str()))
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
            req.send().await.api("UpdateClusterConfig")
        })
        .await?;
        let update_id = update
            .update()
            .and_then(|u| u.id())
            .ok_or(CloudError::MissingField { operation: "UpdateClusterConfig", field: "update.id" })?
            .to_string();
        let what = format!("update `{update_id}` of cluster `{name}`");
        wait_for(&progress, &what, limits::CLUSTER_UPDATED, || async {
            let out = self.eks.describe_update().name(name).update_id(&update_id).send().await;
            let update = out
                .api("DescribeUpdate")?
                .update
                .ok_or(CloudError::MissingField { operation: "DescribeUpdate", field: "update" })?;
            match update.status() {
                Some(UpdateStatus::Successful) => Ok(Poll::Ready(())),
                Some(UpdateStatus::InProgress) | None => Ok(Poll::Pending("InProgress".into())),
                Some(other) => {
                    let errors = update.errors().iter().filter_map(|e| e.error_message()).collect::<Vec<_>>();
                    Err(CloudError::Failed {
                        what: what.clone(),
                        status: other.as_str().into(),
                        reason: (!errors.is_empty()).then(|| errors.join("; ")),
                    }
                    .into())
                }
            }
        })
        .await?;
        Ok(update_id)
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
        use aws_sdk_eks::types::{AddonStatus, ResolveConflicts};
        let id = format!("addon/{name}");
        let description = format!("add-on `{name}`");
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        let busy = |e: &CloudError| {
            (e.kind() == ErrorKind::InUse).then_some("waiting for the add-on's update in progress")
        };
        let update = retry_while(&progress, limits::ADDON, busy, || async {
            self.eks
                .update_addon()
                .cluster_name(cluster)
                .addon_name(name)
                .set_addon_version(change.version.clone())
                .set_configuration_values(change.configuration_values.clone())
                .set_service_account_role_arn(change.service_account_role_arn.clone())
                .set_resolve_conflicts(change.resolve_conflicts.as_deref().map(ResolveConflicts::from))
                .send()
                .await
                .api("UpdateAddon")
        })
        .await?;
        let update_id = update
            .update()
            .and_then(|u| u.id())
            .ok_or(CloudError::MissingField { operation: "UpdateAddon", field: "update.id" })?
            .to_string();
        let what = format!("update `{update_id}` of add-on `{name}`");
        wait_for(&progress, &what, limits::ADDON_ACTIVE, || async {
            let out =
                self.eks.describe_update().name(cluster).addon_name(name).update_id(&update_id).send().await;
            let update = out
                .api("DescribeUpdate")?
                .update
                .ok_or(CloudError::MissingField { operation: "DescribeUpdate", field: "update" })?;
            match update.status() {
                Some(UpdateStatus::Successful) => {}
                Some(UpdateStatus::InProgress) | None => return Ok(Poll::Pending("InProgress".into())),
                Some(other) => {
                    let errors = update.errors().iter().filter_map(|e| e.error_message()).collect::<Vec<_>>();
                    return Err(CloudError::Failed {
                        what: what.clone(),
                        status: other.as_str().into(),
                        reason: (!errors.is_empty()).then(|| errors.join("; ")),
                    }
                    .into());
                }
            }
            let addon = self.describe_addon(cluster, name).await?;
            Ok(match addon.as_ref().and_then(|a| a.status()) {
                Some(AddonStatus::Active) => Poll::Ready(()),
                status => Poll::Pending(status.map_or("UPDATING", |s| s.as_str()).to_string()),
            })
        })
        .await?;
        Ok(update_id)
    }
}
