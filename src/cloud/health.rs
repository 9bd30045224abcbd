//! Read-only answers eksctl's users script against: a managed node group's health
//! (`utils nodegroup-health`) and the add-on versions EKS offers (`utils describe-addon-versions`).

use serde::Serialize;

use super::AwsCloud;
use super::error::{ApiResult as _, CloudError};

/// A managed node group's status and the issues EKS reports for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodegroupHealth {
    pub nodegroup: String,
    pub status: String,
    pub issues: Vec<HealthIssue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthIssue {
    pub code: String,
    pub message: String,
    pub resource_ids: Vec<String>,
}

/// One version of an add-on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddonVersion {
    pub addon: String,
    pub version: String,
    /// The version EKS installs by default for this Kubernetes version.
    pub default: bool,
    /// The add-on's type, owner and publisher, as DescribeAddonVersions filters them.
    #[serde(rename = "type")]
    pub kind: String,
    pub owner: String,
    pub publisher: String,
    /// Where EKS installs it when no namespace is asked for.
    pub default_namespace: String,
}

impl AwsCloud {
    /// The health of managed node group `name`, or `None` when there is no such group.
    pub async fn nodegroup_health(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<NodegroupHealth>, CloudError> {
        let Some(ng) = self.describe_nodegroup(cluster, name).await? else { return Ok(None) };
        let issues = ng
            .health()
            .map(|h| h.issues())
            .unwrap_or_default()
            .iter()
            .map(|i| HealthIssue {
                code: i.code().map(|c| c.as_str().to_string()).unwrap_or_default(),
                message: i.message().unwrap_or_default().to_string(),
                resource_ids: i.resource_ids().to_vec(),
            })
            .collect();
        Ok(Some(NodegroupHealth {
            nodegroup: name.to_string(),
            status: ng.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
            issues,
        }))
    }

    /// The versions of the add-ons EKS offers for Kubernetes `k8s` (all add-ons, or `name`).
    pub async fn offered_addon_versions(
        &self,
        k8s: &str,
        name: Option<&str>,
    ) -> Result<Vec<AddonVersion>, CloudError> {
        self.offered_addon_versions_of(k8s, name, &crate::plan::AddonOffer::default()).await
    }

    /// [`Self::offered_addon_versions`] of the add-ons of some types, owners and publishers.
    pub async fn offered_addon_versions_of(
        &self,
        k8s: &str,
        name: Option<&str>,
        offer: &crate::plan::AddonOffer,
    ) -> Result<Vec<AddonVersion>, CloudError> {
        let some = |v: &Vec<String>| (!v.is_empty()).then(|| v.clone());
        let pages: Result<Vec<_>, _> = self
            .eks
            .describe_addon_versions()
            .kubernetes_version(k8s)
            .set_addon_name(name.map(str::to_string))
            .set_types(some(&offer.types))
            .set_owners(some(&offer.owners))
            .set_publishers(some(&offer.publishers))
            .into_paginator()
            .send()
            .collect()
            .await;
        let mut out = Vec::new();
        for addon in pages.api("DescribeAddonVersions")?.iter().flat_map(|p| p.addons()) {
            for v in addon.addon_versions() {
                let default = v
                    .compatibilities()
                    .iter()
                    .any(|c| c.default_version() && c.cluster_version().is_none_or(|cv| cv == k8s));
                out.push(AddonVersion {
                    addon: addon.addon_name().unwrap_or_default().to_string(),
                    version: v.addon_version().unwrap_or_default().to_string(),
                    default,
                    kind: addon.r#type().unwrap_or_default().to_string(),
                    owner: addon.owner().unwrap_or_default().to_string(),
                    publisher: addon.publisher().unwrap_or_default().to_string(),
                    default_namespace: addon.default_namespace().unwrap_or_default().to_string(),
                });
            }
        }
        Ok(out)
    }
}
