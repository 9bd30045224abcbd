//! What `get addon`, `get fargateprofile` and `get accessentry` show: a cluster's parts as EKS
//! describes them, whoever made them, in eksctl's output fields.

use std::collections::BTreeMap;

use serde::Serialize;

use super::AwsCloud;
use super::error::{ApiResult as _, OrNotFound as _};
use crate::plan::tags as tag_keys;

/// A map of EKS's as a sorted one.
fn sorted(m: Option<&std::collections::HashMap<String, String>>) -> BTreeMap<String, String> {
    m.map(|m| m.clone().into_iter().collect()).unwrap_or_default()
}

/// Whether EKS's tags say eksup made the part for `cluster`.
fn made_by_eksup(tags: &BTreeMap<String, String>, cluster: &str) -> bool {
    tags.get(tag_keys::CLUSTER).is_some_and(|c| c == cluster)
}

/// An add-on, in eksctl's `get addon -o json` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AddonSummary {
    pub name: String,
    pub version: String,
    pub status: String,
    #[serde(rename = "IAMRole")]
    pub iam_role: String,
    pub configuration_values: String,
    /// The namespace EKS installed it in, when the add-on was given one (eksctl's
    /// `NamespaceConfig`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_config: Option<AddonNamespace>,
    /// The versions EKS offers for the cluster's Kubernetes version that are newer than this
    /// one, comma-separated (eksctl's); `-` when the version is not semantic.
    pub newer_version: String,
    /// EKS's health issues.
    pub issues: Vec<AddonIssue>,
    /// The add-on's own pod identity associations, described.
    pub pod_identity_associations: Vec<AddonPodIdentity>,
    #[serde(skip)]
    pub made_by_eksup: bool,
}

/// An add-on's `namespaceConfig`, in eksctl's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddonNamespace {
    pub namespace: String,
}

/// An add-on's health issue, in eksctl's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct AddonIssue {
    pub code: String,
    pub message: String,
    #[serde(rename = "ResourceIDs")]
    pub resource_ids: Vec<String>,
}

/// One of an add-on's pod identity associations, in eksctl's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddonPodIdentity {
    #[serde(rename = "AssociationID")]
    pub association_id: String,
    #[serde(rename = "Namespace")]
    pub namespace: String,
    #[serde(rename = "ServiceAccount")]
    pub service_account: String,
    #[serde(rename = "RoleARN")]
    pub role_arn: String,
}

/// The versions of `offered` newer than `current`, comma-separated, as eksctl's
/// `findNewerVersions` puts them; `-` when `current` is not a semantic version.
fn newer_versions(current: &str, offered: &[String]) -> String {
    let parse = |v: &str| semver::Version::parse(v.trim_start_matches('v')).ok();
    let Some(now) = parse(current) else { return "-".into() };
    offered.iter().filter(|v| parse(v).is_some_and(|v| v > now)).cloned().collect::<Vec<_>>().join(",")
}

/// A Fargate profile, in eksctl's `get fargateprofile -o json` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FargateSummary {
    pub name: String,
    pub selectors: Vec<FargateSelectorSummary>,
    #[serde(rename = "podExecutionRoleARN")]
    pub pod_execution_role_arn: String,
    pub subnets: Vec<String>,
    pub tags: BTreeMap<String, String>,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FargateSelectorSummary {
    pub namespace: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
}

/// An access entry, in eksctl's `get accessentry -o json` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessEntrySummary {
    #[serde(rename = "principalARN")]
    pub principal_arn: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kubernetes_groups: Vec<String>,
    pub kubernetes_username: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub access_policies: Vec<AccessPolicySummary>,
    #[serde(skip)]
    pub made_by_eksup: bool,
}

/// Whether the cluster's authentication mode reads the aws-auth ConfigMap (`CONFIG_MAP`,
/// `API_AND_CONFIG_MAP`).
pub(super) fn reads_aws_auth(eks: &aws_sdk_eks::types::Cluster) -> bool {
    eks.access_config()
        .and_then(|a| a.authentication_mode())
        .is_some_and(|m| m.as_str().contains("CONFIG_MAP"))
}

/// An identity mapping of `get iamidentitymapping`, in eksctl's fields (`rolearn`, `userarn`,
/// `username`, `groups`, `account`), with where it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IdentityMappingSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolearn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userarn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// `access entry (<type>)` or `aws-auth`.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessPolicySummary {
    #[serde(rename = "policyARN")]
    pub policy_arn: String,
    pub access_scope: AccessScopeSummary,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessScopeSummary {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub namespaces: Vec<String>,
}

impl AwsCloud {
    /// The add-ons of `cluster` (or the one named `name`); `None` when there is no such cluster.
    pub async fn addon_summaries(
        &self,
        cluster: &str,
        name: Option<&str>,
    ) -> anyhow::Result<Option<Vec<AddonSummary>>> {
        let Some(c) = self.describe_eks_cluster(cluster).await? else {
            return Ok(None);
        };
        let k8s = c.version().unwrap_or_default().to_string();
        let pages: Result<Vec<_>, _> =
            self.eks.list_addons().cluster_name(cluster).into_paginator().send().collect().await;
        let names: Vec<String> = pages
            .api("ListAddons")?
            .iter()
            .flat_map(|p| p.addons().iter().cloned())
            .filter(|n| name.is_none_or(|want| want == n))
            .collect();
        let mut out = Vec::new();
        for n in names {
            let Some(a) = self.describe_addon(cluster, &n).await? else { continue };
            let tags = sorted(a.tags());
            let version = a.addon_version().unwrap_or_default().to_string();
            let offered: Vec<String> =
                self.offered_addon_versions(&k8s, Some(&n)).await?.into_iter().map(|v| v.version).collect();
            let mut pod_identity_associations = Vec::new();
            for arn in a.pod_identity_associations() {
                let id = arn.rsplit('/').next().unwrap_or_default();
                let call =
                    self.eks.describe_pod_identity_association().cluster_name(cluster).association_id(id);
                let found = call.send().await.api("DescribePodIdentityAssociation").or_not_found()?;
                if let Some(p) = found.and_then(|o| o.association) {
                    let text = |s: Option<&str>| s.unwrap_or_default().to_string();
                    pod_identity_associations.push(AddonPodIdentity {
                        association_id: text(p.association_id()),
                        namespace: text(p.namespace()),
                        service_account: text(p.service_account()),
                        role_arn: text(p.role_arn()),
                    });
                }
            }
            out.push(AddonSummary {
                name: n,
                newer_version: newer_versions(&version, &offered),
                version,
                status: a.status().map_or(String::new(), |s| s.as_str().to_string()),
                iam_role: a.service_account_role_arn().unwrap_or_default().to_string(),
                configuration_values: a.configuration_values().unwrap_or_default().to_string(),
                namespace_config: a
                    .namespace_config()
                    .and_then(|c| c.namespace())
                    .map(|n| AddonNamespace { namespace: n.to_string() }),
                issues: a
                    .health()
                    .map(|h| {
                        h.issues()
                            .iter()
                            .map(|i| AddonIssue {
                                code: i.code().map_or(String::new(), |c| c.as_str().to_string()),
                                message: i.message().unwrap_or_default().to_string(),
                                resource_ids: i.resource_ids().to_vec(),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                pod_identity_associations,
                made_by_eksup: made_by_eksup(&tags, cluster),
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Some(out))
    }

    /// The Fargate profiles of `cluster` (or the one named `name`); `None` when there is no such
    /// cluster.
    pub async fn fargate_summaries(
        &self,
        cluster: &str,
        name: Option<&str>,
    ) -> anyhow::Result<Option<Vec<FargateSummary>>> {
        if self.describe_eks_cluster(cluster).await?.is_none() {
            return Ok(None);
        }
        let pages: Result<Vec<_>, _> =
            self.eks.list_fargate_profiles().cluster_name(cluster).into_paginator().send().collect().await;
        let names: Vec<String> = pages
            .api("ListFargateProfiles")?
            .iter()
            .flat_map(|p| p.fargate_profile_names().iter().cloned())
            .filter(|n| name.is_none_or(|want| want == n))
            .collect();
        let mut out = Vec::new();
        for n in names {
            let described = self
                .eks
                .describe_fargate_profile()
                .cluster_name(cluster)
                .fargate_profile_name(&n)
                .send()
                .await
                .api("DescribeFargateProfile")
                .or_not_found()?;
            let Some(p) = described.and_then(|d| d.fargate_profile) else { continue };
            out.push(FargateSummary {
                name: n,
                selectors: p
                    .selectors()
                    .iter()
                    .map(|s| FargateSelectorSummary {
                        namespace: s.namespace().unwrap_or_default().to_string(),
                        labels: sorted(s.labels()),
                    })
                    .collect(),
                pod_execution_role_arn: p.pod_execution_role_arn().unwrap_or_default().to_string(),
                subnets: p.subnets().to_vec(),
                tags: sorted(p.tags()),
                status: p.status().map_or(String::new(), |s| s.as_str().to_string()),
            });
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Some(out))
    }

    /// The identity mappings of `cluster` (or those of `arn`, or of account `arn`): its access
    /// entries, and, when its authentication mode reads it, the aws-auth ConfigMap's entries;
    /// `None` when there is no such cluster.
    pub async fn identity_mappings(
        &self,
        cluster: &str,
        arn: Option<&str>,
    ) -> anyhow::Result<Option<Vec<IdentityMappingSummary>>> {
        let Some(eks) = self.describe_eks_cluster(cluster).await? else { return Ok(None) };
        let entries = self.access_entry_summaries(cluster, arn).await?.unwrap_or_default();
        let arn_of = |a: &str| {
            if a.contains(":user/") { (None, Some(a.to_string())) } else { (Some(a.to_string()), None) }
        };
        let mut out: Vec<IdentityMappingSummary> = entries
            .into_iter()
            .map(|e| {
                let (rolearn, userarn) = arn_of(&e.principal_arn);
                IdentityMappingSummary {
                    rolearn,
                    userarn,
                    username: Some(e.kubernetes_username).filter(|u| !u.is_empty()),
                    groups: e.kubernetes_groups,
                    account: None,
                    source: format!("access entry ({})", e.kind),
                }
            })
            .collect();
        if reads_aws_auth(&eks) {
            let auth = self.cluster_api(&eks).await?.aws_auth().await?;
            let text = |v: &serde_json::Value, key: &str| v[key].as_str().map(str::to_string);
            let groups = |v: &serde_json::Value| -> Vec<String> {
                v["groups"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|g| g.as_str().map(str::to_string))
                    .collect()
            };
            for (list, key) in [(&auth.map_roles, "rolearn"), (&auth.map_users, "userarn")] {
                for v in list {
                    let Some(principal) = text(v, key) else { continue };
                    if arn.is_some_and(|a| a != principal) {
                        continue;
                    }
                    let (rolearn, userarn) = arn_of(&principal);
                    out.push(IdentityMappingSummary {
                        rolearn,
                        userarn,
                        username: text(v, "username"),
                        groups: groups(v),
                        account: None,
                        source: "aws-auth".into(),
                    });
                }
            }
            for v in &auth.map_accounts {
                let Some(account) = crate::kubernetes::AwsAuth::account(v) else { continue };
                if arn.is_some_and(|a| a != account) {
                    continue;
                }
                out.push(IdentityMappingSummary {
                    rolearn: None,
                    userarn: None,
                    username: None,
                    groups: vec![],
                    account: Some(account),
                    source: "aws-auth".into(),
                });
            }
        }
        Ok(Some(out))
    }

    /// The access entries of `cluster` (or the one of `principal`), with their access policies;
    /// `None` when there is no such cluster.
    pub async fn access_entry_summaries(
        &self,
        cluster: &str,
        principal: Option<&str>,
    ) -> anyhow::Result<Option<Vec<AccessEntrySummary>>> {
        if self.describe_eks_cluster(cluster).await?.is_none() {
            return Ok(None);
        }
        let pages: Result<Vec<_>, _> =
            self.eks.list_access_entries().cluster_name(cluster).into_paginator().send().collect().await;
        let arns: Vec<String> = pages
            .api("ListAccessEntries")?
            .iter()
            .flat_map(|p| p.access_entries().iter().cloned())
            .filter(|a| principal.is_none_or(|want| want == a))
            .collect();
        let mut out = Vec::new();
        for arn in arns {
            let described = self
                .eks
                .describe_access_entry()
                .cluster_name(cluster)
                .principal_arn(&arn)
                .send()
                .await
                .api("DescribeAccessEntry")
                .or_not_found()?;
            let Some(e) = described.and_then(|d| d.access_entry) else { continue };
            let pages: Result<Vec<_>, _> = self
                .eks
                .list_associated_access_policies()
                .cluster_name(cluster)
                .principal_arn(&arn)
                .into_paginator()
                .send()
                .collect()
                .await;
            let access_policies = pages
                .api("ListAssociatedAccessPolicies")?
                .iter()
                .flat_map(|p| p.associated_access_policies().iter())
                .map(|p| AccessPolicySummary {
                    policy_arn: p.policy_arn().unwrap_or_default().to_string(),
                    access_scope: AccessScopeSummary {
                        kind: p
                            .access_scope()
                            .and_then(|s| s.r#type())
                            .map_or(String::new(), |t| t.as_str().to_string()),
                        namespaces: p.access_scope().map(|s| s.namespaces().to_vec()).unwrap_or_default(),
                    },
                })
                .collect();
            let tags = sorted(e.tags());
            out.push(AccessEntrySummary {
                principal_arn: arn,
                kind: e.r#type().unwrap_or_default().to_string(),
                kubernetes_groups: e.kubernetes_groups().to_vec(),
                kubernetes_username: e.username().unwrap_or_default().to_string(),
                access_policies,
                made_by_eksup: made_by_eksup(&tags, cluster),
            });
        }
        out.sort_by(|a, b| a.principal_arn.cmp(&b.principal_arn));
        Ok(Some(out))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn newer_versions_are_listed_as_eksctl_lists_them() {
        let offered: Vec<String> =
            ["v1.19.0-eksbuild.1", "v1.20.1-eksbuild.1", "v1.18.5-eksbuild.1", "v1.19.0-eksbuild.2"]
                .iter()
                .map(|s| (*s).to_string())
                .collect();
        assert_eq!(
            super::newer_versions("v1.19.0-eksbuild.1", &offered),
            "v1.20.1-eksbuild.1,v1.19.0-eksbuild.2"
        );
        assert_eq!(super::newer_versions("latest", &offered), "-");
        assert_eq!(super::newer_versions("v1.20.1-eksbuild.1", &offered), "");
    }
}
