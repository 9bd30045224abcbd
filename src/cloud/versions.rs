//! Kubernetes versions: those EKS offers (`utils describe-cluster-versions`), what EKS's upgrade
//! insights say of moving a cluster to the next one (`upgrade cluster` checks them before it
//! starts), and the versions a cluster's node groups and add-ons run (`upgrade nodegroup`).

use serde::Serialize;

use super::AwsCloud;
use super::error::{ApiResult as _, CloudError};

/// One Kubernetes version EKS offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterVersion {
    pub version: String,
    /// `STANDARD_SUPPORT`, `EXTENDED_SUPPORT` or `UNSUPPORTED`.
    pub status: String,
    /// The version EKS creates when none is asked for.
    pub default: bool,
    pub release_date: Option<String>,
    pub end_of_standard_support: Option<String>,
    pub end_of_extended_support: Option<String>,
}

/// One upgrade insight: a check EKS ran for moving to `kubernetes_version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Insight {
    pub name: String,
    pub kubernetes_version: String,
    /// `PASSING`, `WARNING`, `ERROR` or `UNKNOWN`.
    pub status: String,
    pub reason: String,
}

impl Insight {
    /// EKS refuses the upgrade (without `force`) while this insight fails.
    pub fn blocks(&self) -> bool {
        self.status == "ERROR"
    }
}

/// A managed node group's versions, as `upgrade nodegroup` needs them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodegroupVersion {
    pub nodegroup: String,
    pub status: String,
    pub version: String,
    pub release_version: Option<String>,
    /// The node group's launch template (id) and version, when it has one.
    pub launch_template: Option<(String, String)>,
    /// The AMI comes from the launch template: EKS will not choose a version for it.
    pub custom_ami: bool,
    /// The desired number of nodes.
    pub desired: i32,
}

impl AwsCloud {
    /// The Kubernetes versions EKS offers, newest first.
    pub async fn cluster_versions(&self) -> Result<Vec<ClusterVersion>, CloudError> {
        let pages: Result<Vec<_>, _> =
            self.eks.describe_cluster_versions().into_paginator().send().collect().await;
        let date = |d: Option<&aws_smithy_types::DateTime>| {
            d.and_then(|d| d.fmt(aws_smithy_types::date_time::Format::DateTime).ok())
                .map(|s| s.split('T').next().unwrap_or_default().to_string())
        };
        let mut out = pages
            .api("DescribeClusterVersions")?
            .iter()
            .flat_map(|p| p.cluster_versions())
            .map(|v| ClusterVersion {
                version: v.cluster_version().unwrap_or_default().to_string(),
                status: v.version_status().map(|s| s.as_str().to_string()).unwrap_or_default(),
                default: v.default_version(),
                release_date: date(v.release_date()),
                end_of_standard_support: date(v.end_of_standard_support_date()),
                end_of_extended_support: date(v.end_of_extended_support_date()),
            })
            .collect::<Vec<_>>();
        out.sort_by_key(|v| std::cmp::Reverse(minor(&v.version)));
        Ok(out)
    }

    /// EKS's upgrade-readiness insights of `cluster` for moving to `version`.
    pub async fn upgrade_insights(&self, cluster: &str, version: &str) -> Result<Vec<Insight>, CloudError> {
        use aws_sdk_eks::types::{Category, InsightsFilter};
        let filter = InsightsFilter::builder()
            .categories(Category::UpgradeReadiness)
            .kubernetes_versions(version)
            .build();
        let pages: Result<Vec<_>, _> = self
            .eks
            .list_insights()
            .cluster_name(cluster)
            .filter(filter)
            .into_paginator()
            .send()
            .collect()
            .await;
        Ok(pages
            .api("ListInsights")?
            .iter()
            .flat_map(|p| p.insights())
            .map(|i| Insight {
                name: i.name().unwrap_or_default().to_string(),
                kubernetes_version: i.kubernetes_version().unwrap_or(version).to_string(),
                status: i
                    .insight_status()
                    .and_then(|s| s.status())
                    .map_or("UNKNOWN", |s| s.as_str())
                    .to_string(),
                reason: i.insight_status().and_then(|s| s.reason()).unwrap_or_default().to_string(),
            })
            .collect())
    }

    /// The versions of managed node group `name`, or `None` when there is no such group.
    pub async fn nodegroup_version(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<NodegroupVersion>, CloudError> {
        let Some(ng) = self.describe_nodegroup(cluster, name).await? else { return Ok(None) };
        let launch_template = ng
            .launch_template()
            .and_then(|t| Some((t.id()?.to_string(), t.version().unwrap_or("1").to_string())));
        Ok(Some(NodegroupVersion {
            nodegroup: name.to_string(),
            status: ng.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
            version: ng.version().unwrap_or_default().to_string(),
            release_version: ng.release_version().map(str::to_string),
            launch_template,
            custom_ami: ng.ami_type().is_some_and(|t| t.as_str() == "CUSTOM"),
            desired: ng.scaling_config().and_then(|s| s.desired_size()).unwrap_or(0),
        }))
    }

    /// The installed add-ons of `cluster` and their versions.
    pub async fn installed_addons(&self, cluster: &str) -> Result<Vec<(String, String)>, CloudError> {
        let pages: Result<Vec<_>, _> =
            self.eks.list_addons().cluster_name(cluster).into_paginator().send().collect().await;
        let mut out = Vec::new();
        for name in pages.api("ListAddons")?.iter().flat_map(|p| p.addons()) {
            if let Some(a) = self.describe_addon(cluster, name).await? {
                out.push((name.clone(), a.addon_version().unwrap_or_default().to_string()));
            }
        }
        Ok(out)
    }
}

/// The minor number of `1.31` (0 when it is not a Kubernetes version).
pub fn minor(version: &str) -> u32 {
    version.strip_prefix("1.").and_then(|m| m.parse().ok()).unwrap_or(0)
}
