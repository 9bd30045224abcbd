//! Read helpers for `get`, and day-2 nodegroup operations (scale, delete).

use serde::Serialize;

use super::autoscaling::asg_tag_pairs;
use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, limits};
use crate::executor::{Cancel, Progress, Reporter, Subject};
use crate::plan::tags as tag_keys;

/// Tag on a self-managed group's Auto Scaling group naming its nodegroup (when the plan sets it);
/// without it the group's name is the nodegroup name.
pub const NODEGROUP_TAG: &str = "eksup.io/nodegroup";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterInfo {
    pub name: String,
    pub status: String,
    pub version: Option<String>,
    pub endpoint: Option<String>,
    pub arn: Option<String>,
    /// The cluster carries `eksup.io/cluster=<name>`.
    pub created_by_eksup: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodegroupKind {
    Managed,
    SelfManaged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NodegroupInfo {
    pub name: String,
    pub kind: NodegroupKind,
    pub status: String,
    pub min_size: Option<i32>,
    pub desired_size: Option<i32>,
    pub max_size: Option<i32>,
    pub instance_types: Vec<String>,
    /// The Auto Scaling group behind a self-managed group.
    pub auto_scaling_group: Option<String>,
}

impl AwsCloud {
    /// Names of the EKS clusters in the region.
    pub async fn list_clusters(&self) -> anyhow::Result<Vec<String>> {
        let mut names = Vec::new();
        let mut token = None;
        loop {
            let out = self.eks.list_clusters().set_next_token(token).send().await.api("ListClusters")?;
            names.extend(out.clusters().iter().cloned());
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(names);
            }
        }
    }

    /// The cluster `name`, or `None` if it does not exist.
    pub async fn describe_cluster(&self, name: &str) -> anyhow::Result<Option<ClusterInfo>> {
        let Some(c) = self.describe_eks_cluster(name).await? else { return Ok(None) };
        Ok(Some(ClusterInfo {
            name: name.to_string(),
            status: c.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
            version: c.version().map(str::to_string),
            endpoint: c.endpoint().map(str::to_string),
            arn: c.arn().map(str::to_string),
            created_by_eksup: c.tags().is_some_and(|t| t.get(tag_keys::CLUSTER).is_some_and(|v| v == name)),
        }))
    }

    /// Managed nodegroups of `cluster` and the Auto Scaling groups eksup made for it.
    pub async fn list_nodegroups(&self, cluster: &str) -> anyhow::Result<Vec<NodegroupInfo>> {
        let mut groups = Vec::new();
        if self.describe_eks_cluster(cluster).await?.is_some() {
            for name in self.managed_nodegroup_names(cluster).await? {
                let Some(ng) = self.describe_nodegroup(cluster, &name).await? else { continue };
                let scaling = ng.scaling_config();
                groups.push(NodegroupInfo {
                    name,
                    kind: NodegroupKind::Managed,
                    status: ng.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
                    min_size: scaling.and_then(|s| s.min_size()),
                    desired_size: scaling.and_then(|s| s.desired_size()),
                    max_size: scaling.and_then(|s| s.max_size()),
                    instance_types: ng.instance_types().to_vec(),
                    auto_scaling_group: None,
                });
            }
        }
        for g in self.cluster_asgs(cluster).await? {
            let asg_name = g.auto_scaling_group_name().unwrap_or_default().to_string();
            let name = asg_tag_pairs(&g)
                .find(|(k, _)| *k == NODEGROUP_TAG)
                .map_or(asg_name.clone(), |(_, v)| v.to_string());
            groups.push(NodegroupInfo {
                name,
                kind: NodegroupKind::SelfManaged,
                status: g.status().unwrap_or("ACTIVE").to_string(),
                min_size: g.min_size(),
                desired_size: g.desired_capacity(),
                max_size: g.max_size(),
                instance_types: Vec::new(),
                auto_scaling_group: Some(asg_name),
            });
        }
        Ok(groups)
    }

    pub(crate) async fn managed_nodegroup_names(&self, cluster: &str) -> Result<Vec<String>, CloudError> {
        let mut names = Vec::new();
        let mut token = None;
        loop {
            let out = self
                .eks
                .list_nodegroups()
                .cluster_name(cluster)
                .set_next_token(token)
                .send()
                .await
                .api("ListNodegroups")?;
            names.extend(out.nodegroups().iter().cloned());
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(names);
            }
        }
    }

    /// The Auto Scaling groups tagged `eksup.io/cluster=<cluster>`.
    pub(crate) async fn cluster_asgs(
        &self,
        cluster: &str,
    ) -> Result<Vec<aws_sdk_autoscaling::types::AutoScalingGroup>, CloudError> {
        let mut groups = Vec::new();
        let mut token = None;
        loop {
            let out = self
                .asg
                .describe_auto_scaling_groups()
                .filters(
                    aws_sdk_autoscaling::types::Filter::builder()
                        .name(format!("tag:{}", tag_keys::CLUSTER))
                        .values(cluster)
                        .build(),
                )
                .set_next_token(token)
                .send()
                .await
                .api("DescribeAutoScalingGroups")?;
            groups.extend(out.auto_scaling_groups().iter().cloned());
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(groups);
            }
        }
    }

    pub(super) async fn find_self_managed(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<String>, CloudError> {
        Ok(self.cluster_asgs(cluster).await?.into_iter().find_map(|g| {
            let asg = g.auto_scaling_group_name()?.to_string();
            let tagged = asg_tag_pairs(&g).any(|(k, v)| k == NODEGROUP_TAG && v == name);
            (tagged || asg == name).then_some(asg)
        }))
    }

    /// Set the size of nodegroup `name`: a managed one through EKS, a self-managed one through its
    /// Auto Scaling group.
    ///
    /// # Errors
    /// When no such nodegroup exists, or AWS refuses.
    pub async fn scale_nodegroup(
        &self,
        cluster: &str,
        name: &str,
        min: i32,
        desired: i32,
        max: i32,
    ) -> anyhow::Result<NodegroupKind> {
        if min > desired || desired > max {
            anyhow::bail!(
                "invalid sizes for nodegroup `{name}`: need min `{min}` <= desired `{desired}` <= max `{max}`"
            );
        }
        if self.describe_eks_cluster(cluster).await?.is_some()
            && self.describe_nodegroup(cluster, name).await?.is_some()
        {
            self.update_nodegroup_scaling(cluster, name, min, desired, max).await?;
            return Ok(NodegroupKind::Managed);
        }
        if let Some(asg) = self.find_self_managed(cluster, name).await? {
            self.update_asg_size(&asg, min, Some(desired), max).await?;
            return Ok(NodegroupKind::SelfManaged);
        }
        anyhow::bail!("nodegroup `{name}` not found in cluster `{cluster}`")
    }

    /// Delete nodegroup `name` (managed, or self-managed with its Auto Scaling group, forced so its
    /// instances terminate). Waits until it is gone unless `no_wait`. Returns `false` if there was
    /// no such nodegroup.
    pub async fn delete_nodegroup(
        &self,
        cluster: &str,
        name: &str,
        no_wait: bool,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<bool> {
        let id = format!("nodegroup/{name}");
        let description = format!("nodegroup `{name}`");
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        let eks_cluster = self.describe_eks_cluster(cluster).await?;
        let managed = eks_cluster.is_some() && self.describe_nodegroup(cluster, name).await?.is_some();
        let asg = if managed { None } else { self.find_self_managed(cluster, name).await? };
        if !managed && asg.is_none() {
            return Ok(false);
        }
        // Drain first when the cluster answers, so workloads move before their nodes go.
        if let Some(ec) = &eks_cluster {
            let label = if managed {
                "eks.amazonaws.com/nodegroup"
            } else {
                crate::config::defaults::NODEGROUP_NAME_LABEL
            };
            match self.drain(ec, &format!("{label}={name}")).await {
                Ok(d) if d.nodes > 0 => {
                    progress.waiting(&format!("drained {} node(s), evicted {} pod(s)", d.nodes, d.evicted));
                    if !d.remaining.is_empty() {
                        progress.warn(&format!(
                            "pods not evicted in time (a PodDisruptionBudget kept them): {}",
                            d.remaining.join(", ")
                        ));
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    progress.warn(&format!("nodes not drained (the cluster's API did not answer): {e:#}"))
                }
            }
        }
        if managed {
            let busy = |e: &CloudError| {
                (e.kind() == super::ErrorKind::InUse).then_some("waiting for an update to finish")
            };
            super::retry_while(&progress, limits::NODEGROUP, busy, || async {
                self.eks
                    .delete_nodegroup()
                    .cluster_name(cluster)
                    .nodegroup_name(name)
                    .send()
                    .await
                    .map(|_| ())
                    .api("DeleteNodegroup")
            })
            .await?;
            if !no_wait {
                self.wait_nodegroup_gone(&progress, cluster, name).await?;
            }
        } else if let Some(asg) = &asg {
            self.delete_asg(&progress, asg, no_wait).await?;
        }
        if !no_wait {
            let options = super::DeleteOptions { cancel: cancel.clone(), ..Default::default() };
            let report = self.delete_nodegroup_resources(cluster, name, &options, reporter).await;
            if let Some((what, e)) = report.failed.first() {
                anyhow::bail!("failed to delete {} `{}` of node group `{name}`: {e:#}", what.kind, what.id);
            }
        }
        Ok(true)
    }

    /// The Kubernetes API of `cluster`, with a fresh token.
    pub(super) async fn cluster_api(
        &self,
        cluster: &aws_sdk_eks::types::Cluster,
    ) -> anyhow::Result<crate::kubernetes::ClusterApi> {
        let (Some(endpoint), Some(ca)) =
            (cluster.endpoint(), cluster.certificate_authority().and_then(|c| c.data()))
        else {
            anyhow::bail!("the cluster has no endpoint yet");
        };
        let credentials = super::auth::credentials(&self.sdk).await?;
        let token = super::auth::eks_token(
            &credentials,
            cluster.name().unwrap_or_default(),
            &self.region,
            std::time::SystemTime::now(),
        )?;
        crate::kubernetes::ClusterApi::connect(endpoint, ca, &token).await
    }

    /// Cordon and drain the nodes labelled `selector` through the cluster's API.
    async fn drain(
        &self,
        cluster: &aws_sdk_eks::types::Cluster,
        selector: &str,
    ) -> anyhow::Result<crate::kubernetes::Drained> {
        let api = self.cluster_api(cluster).await?;
        api.drain(selector, &crate::kubernetes::DrainOptions::default()).await
    }

    /// The label that marks the nodes of node group `name` (managed or self-managed), or `None`
    /// when the cluster has no such group.
    async fn nodegroup_selector(&self, cluster: &str, name: &str) -> anyhow::Result<Option<String>> {
        let label = if self.describe_nodegroup(cluster, name).await?.is_some() {
            "eks.amazonaws.com/nodegroup"
        } else if self.find_self_managed(cluster, name).await?.is_some() {
            crate::config::defaults::NODEGROUP_NAME_LABEL
        } else {
            return Ok(None);
        };
        Ok(Some(format!("{label}={name}")))
    }

    /// `drain nodegroup`: cordon the nodes of node group `name` and evict their pods, or with
    /// `undo` make them schedulable again. `None` when the cluster or the group does not exist.
    pub async fn drain_nodegroup(
        &self,
        cluster: &str,
        name: &str,
        undo: bool,
        options: &crate::kubernetes::DrainOptions,
    ) -> anyhow::Result<Option<NodegroupDrain>> {
        let Some(eks_cluster) = self.describe_eks_cluster(cluster).await? else { return Ok(None) };
        let Some(selector) = self.nodegroup_selector(cluster, name).await? else { return Ok(None) };
        let api = self.cluster_api(&eks_cluster).await?;
        Ok(Some(if undo {
            NodegroupDrain::Uncordoned(api.uncordon(&selector).await?)
        } else {
            NodegroupDrain::Drained(api.drain(&selector, options).await?)
        }))
    }

    /// The nodes of node group `name` (for the plan of `drain nodegroup` without `--approve`).
    pub async fn nodegroup_nodes(&self, cluster: &str, name: &str) -> anyhow::Result<Option<Vec<String>>> {
        let Some(eks_cluster) = self.describe_eks_cluster(cluster).await? else { return Ok(None) };
        let Some(selector) = self.nodegroup_selector(cluster, name).await? else { return Ok(None) };
        let api = self.cluster_api(&eks_cluster).await?;
        Ok(Some(api.nodes(&selector).await?.into_iter().map(|n| n.name).collect()))
    }
}

/// What `drain nodegroup` did.
#[derive(Debug, Clone)]
pub enum NodegroupDrain {
    Drained(crate::kubernetes::Drained),
    /// `--undo`: the nodes made schedulable again.
    Uncordoned(Vec<String>),
}
