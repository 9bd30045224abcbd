//! What AWS has of a plan's resources, for the plan against a live cluster
//! ([`crate::plan::drift`]): the one-pass inventory of a create (`known`) says which exist; the
//! control plane, managed node groups and add-ons are described for their fields; what belongs
//! to the cluster and is not in the plan is listed for removal.

use std::collections::{BTreeMap, BTreeSet};

use super::AwsCloud;
use super::autoscaling::asg_tag_pairs;
use super::error::{ApiResult as _, CloudError};
use super::inventory::NODEGROUP_TAG;
use crate::plan::drift::{Live, LiveAddon, LiveControlPlane, LiveNodegroup, Mark, Marked, eks_effect};
use crate::plan::{Plan, Resource, Step, Taint, Val, tags as tag_keys};

/// The key the inventory knows a step's resource by, as its step looks it up: the step id for
/// EC2 resources, the name for the rest; `None` when it is only known once the run is under
/// way (an output of another step) or the step makes nothing to look up.
fn key(step: &Step, cluster: &str) -> Option<String> {
    let lit = |v: &Val| match v {
        Val::Lit(s) => Some(s.clone()),
        Val::Out(_) => None,
    };
    match &step.resource {
        Resource::Vpc { .. }
        | Resource::Subnet { .. }
        | Resource::InternetGateway { .. }
        | Resource::ElasticIp { .. }
        | Resource::NatGateway { .. }
        | Resource::RouteTable { .. }
        | Resource::NetworkAcl { .. }
        | Resource::SecurityGroup { .. } => Some(step.id.clone()),
        Resource::IamRole { role_name, .. } => Some(role_name.clone()),
        Resource::InstanceProfile { profile_name, .. } => Some(profile_name.clone()),
        Resource::ControlPlane(_) => Some(cluster.to_string()),
        Resource::LaunchTemplate(spec) => Some(spec.name.clone()),
        Resource::ManagedNodegroup(spec) => Some(spec.nodegroup_name.clone()),
        Resource::AutoScalingGroup(spec) => Some(spec.group_name.clone()),
        Resource::FargateProfile(spec) => Some(spec.profile_name.clone()),
        Resource::Addon { addon_name, .. } => Some(addon_name.clone()),
        Resource::EcrRepository(spec) => Some(spec.repository_name.clone()),
        Resource::AccessEntry { principal, .. } => lit(principal),
        Resource::ImportVpc { .. }
        | Resource::SecurityGroupRules { .. }
        | Resource::OidcProvider { .. }
        | Resource::NodesReady { .. }
        | Resource::Kubeconfig { .. } => None,
    }
}

/// The control plane's fields a config sets and a re-run changes in place.
pub(super) fn live_control_plane(eks: &aws_sdk_eks::types::Cluster) -> LiveControlPlane {
    let vpc = eks.resources_vpc_config();
    LiveControlPlane {
        version: eks.version().unwrap_or_default().to_string(),
        logging: eks
            .logging()
            .map(|l| l.cluster_logging())
            .unwrap_or_default()
            .iter()
            .filter(|s| s.enabled() == Some(true))
            .flat_map(|s| s.types().iter().map(|t| t.as_str().to_string()))
            .collect(),
        endpoint_public_access: vpc.is_none_or(|v| v.endpoint_public_access()),
        endpoint_private_access: vpc.is_some_and(|v| v.endpoint_private_access()),
        public_access_cidrs: vpc.map(|v| v.public_access_cidrs().to_vec()).unwrap_or_default(),
        tags: eks.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
    }
}

/// A managed node group's fields a config sets.
pub(super) fn live_nodegroup(ng: &aws_sdk_eks::types::Nodegroup) -> LiveNodegroup {
    let scaling = ng.scaling_config();
    LiveNodegroup {
        min_size: scaling.and_then(|s| s.min_size()).unwrap_or(0),
        max_size: scaling.and_then(|s| s.max_size()).unwrap_or(0),
        desired_size: scaling.and_then(|s| s.desired_size()).unwrap_or(0),
        instance_types: ng.instance_types().to_vec(),
        labels: ng.labels().map(|l| l.clone().into_iter().collect()).unwrap_or_default(),
        taints: ng
            .taints()
            .iter()
            .map(|t| Taint {
                key: t.key().unwrap_or_default().to_string(),
                value: t.value().unwrap_or_default().to_string(),
                effect: eks_effect(t.effect().map_or("", |e| e.as_str())),
            })
            .collect(),
        tags: ng.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
    }
}

/// An add-on's fields a config sets.
pub(super) fn live_addon(a: &aws_sdk_eks::types::Addon) -> LiveAddon {
    LiveAddon {
        version: a.addon_version().unwrap_or_default().to_string(),
        configuration_values: a.configuration_values().map(str::to_string),
        tags: a.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
    }
}

impl AwsCloud {
    /// What AWS has of `plan`'s resources, by step id, and what of the cluster's is not in the
    /// plan; `None` when the cluster does not exist (everything would be created).
    pub async fn observe(
        &self,
        plan: &Plan,
    ) -> anyhow::Result<Option<(BTreeMap<String, Live>, Vec<Marked>)>> {
        let cluster = plan.cluster.as_str();
        let Some(eks) = self.describe_eks_cluster(cluster).await? else { return Ok(None) };
        let known = self.take_stock(plan).await;
        let mut live = BTreeMap::new();
        for step in &plan.steps {
            let kind = step.resource.kind();
            let Some(key) = key(step, cluster) else { continue };
            if known.absent(kind, &key) {
                live.insert(step.id.clone(), Live::Missing);
                continue;
            }
            let found = match &step.resource {
                Resource::ControlPlane(_) => Live::ControlPlane(live_control_plane(&eks)),
                Resource::ManagedNodegroup(spec) => {
                    match self.describe_nodegroup(cluster, &spec.nodegroup_name).await? {
                        None => Live::Missing,
                        Some(ng) => Live::Nodegroup(live_nodegroup(&ng)),
                    }
                }
                Resource::Addon { addon_name, .. } => match self.describe_addon(cluster, addon_name).await? {
                    None => Live::Missing,
                    Some(a) => Live::Addon(live_addon(&a)),
                },
                _ if known.looked(kind) => Live::Exists,
                _ => continue,
            };
            live.insert(step.id.clone(), found);
        }
        let removals = self.not_in_plan(plan).await?;
        Ok(Some((live, removals)))
    }

    /// The cluster's node groups, add-ons and Fargate profiles that the plan does not have:
    /// those eksup made (its ownership tag), which `--prune` would remove.
    async fn not_in_plan(&self, plan: &Plan) -> Result<Vec<Marked>, CloudError> {
        let cluster = plan.cluster.as_str();
        let mut planned = BTreeSet::new();
        for step in &plan.steps {
            match &step.resource {
                Resource::ManagedNodegroup(s) => planned.insert(("nodegroup", s.nodegroup_name.clone())),
                Resource::AutoScalingGroup(s) => planned.insert(("group", s.group_name.clone())),
                Resource::Addon { addon_name, .. } => planned.insert(("addon", addon_name.clone())),
                Resource::FargateProfile(s) => planned.insert(("fargate", s.profile_name.clone())),
                _ => false,
            };
        }
        let owned = |tags: Option<&std::collections::HashMap<String, String>>| {
            tags.is_some_and(|t| t.get(tag_keys::CLUSTER).is_some_and(|v| v == cluster))
        };
        let gone = |kind: &str, id: String, what: String| Marked {
            id: format!("{kind}/{id}"),
            description: what,
            mark: Mark::Remove,
            changes: Vec::new(),
        };
        let mut out = Vec::new();
        for name in self.managed_nodegroup_names(cluster).await? {
            if !planned.contains(&("nodegroup", name.clone()))
                && let Some(ng) = self.describe_nodegroup(cluster, &name).await?
                && owned(ng.tags())
            {
                out.push(gone("nodegroup", name.clone(), format!("managed node group `{name}`")));
            }
        }
        for group in self.cluster_asgs(cluster).await? {
            let Some(name) = group.auto_scaling_group_name() else { continue };
            let nodegroup = asg_tag_pairs(&group).find(|(k, _)| *k == NODEGROUP_TAG).map_or(name, |(_, v)| v);
            if !planned.contains(&("group", name.to_string())) {
                out.push(gone(
                    "nodegroup",
                    nodegroup.to_string(),
                    format!("self-managed node group `{nodegroup}`"),
                ));
            }
        }
        let addons: Result<Vec<_>, _> =
            self.eks.list_addons().cluster_name(cluster).into_paginator().send().collect().await;
        for page in addons.api("ListAddons")? {
            for name in page.addons() {
                if !planned.contains(&("addon", name.clone()))
                    && let Some(a) = self.describe_addon(cluster, name).await?
                    && owned(a.tags())
                {
                    out.push(gone("addon", name.clone(), format!("add-on `{name}`")));
                }
            }
        }
        let profiles: Result<Vec<_>, _> =
            self.eks.list_fargate_profiles().cluster_name(cluster).into_paginator().send().collect().await;
        for page in profiles.api("ListFargateProfiles")? {
            for name in page.fargate_profile_names() {
                if !planned.contains(&("fargate", name.clone())) {
                    out.push(gone("fargate", name.clone(), format!("Fargate profile `{name}`")));
                }
            }
        }
        Ok(out)
    }
}
