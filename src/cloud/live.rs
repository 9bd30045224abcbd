//! What AWS has of a plan's resources, for the plan against a live cluster
//! ([`crate::plan::drift`]): the one-pass inventory of a create (`known`) says which exist; the
//! control plane, managed node groups and add-ons are described for their fields; what belongs
//! to the cluster and is not in the plan is listed for removal.

use std::collections::{BTreeMap, BTreeSet};

use super::AwsCloud;
use super::autoscaling::asg_tag_pairs;
use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::inventory::NODEGROUP_TAG;
use crate::plan::drift::{
    Live, LiveAccessEntry, LiveAddon, LiveControlPlane, LiveFargate, LiveNodegroup, Mark, Marked,
    access_policy, eks_effect, fargate_selectors,
};
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
        | Resource::EgressOnlyInternetGateway { .. }
        | Resource::ElasticIp { .. }
        | Resource::NatGateway { .. }
        | Resource::RouteTable { .. }
        | Resource::NetworkAcl { .. }
        | Resource::VpcEndpoint { .. }
        | Resource::SecurityGroup { .. } => Some(step.id.clone()),
        Resource::IamRole { role_name, .. } => Some(role_name.clone()),
        Resource::InstanceProfile { profile_name, .. } => Some(profile_name.clone()),
        Resource::ControlPlane(_) => Some(cluster.to_string()),
        Resource::LaunchTemplate(spec) => Some(spec.name.clone()),
        Resource::KeyPair { key_name, .. } => Some(key_name.clone()),
        Resource::ManagedNodegroup(spec) => Some(spec.nodegroup_name.clone()),
        Resource::AutoScalingGroup(spec) => Some(spec.group_name.clone()),
        Resource::FargateProfile(spec) => Some(spec.profile_name.clone()),
        Resource::Addon { addon_name, .. } => Some(addon_name.clone()),
        Resource::EcrRepository(spec) => Some(spec.repository_name.clone()),
        Resource::AccessEntry { principal, .. } => lit(principal),
        Resource::IdentityProvider(spec) => Some(spec.name.clone()),
        Resource::Capability(spec) => Some(spec.name.clone()),
        Resource::PodIdentityAssociation { namespace, service_account, .. } => {
            Some(format!("{namespace}/{service_account}"))
        }
        Resource::ImportVpc { .. }
        | Resource::SecurityGroupRules { .. }
        | Resource::OidcProvider { .. }
        | Resource::NodesReady { .. }
        | Resource::AddonReady { .. }
        | Resource::EndpointAccess { .. }
        | Resource::GatewayAttachment { .. }
        | Resource::ServiceAccount { .. }
        | Resource::ServiceAccess { .. }
        | Resource::AccountMappings { .. }
        | Resource::PlacementGroup { .. }
        | Resource::EfaDevicePlugin { .. }
        | Resource::TrustAnchor { .. }
        | Resource::AnywhereProfile { .. }
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
        secrets_key_arn: eks
            .encryption_config()
            .iter()
            .find_map(|c| c.provider())
            .and_then(|p| p.key_arn())
            .map(str::to_string),
        scaling_tier: eks
            .control_plane_scaling_config()
            .and_then(|c| c.tier())
            .map_or("standard", |t| t.as_str())
            .to_string(),
        log_retention_days: None,
        remote_node_cidrs: remote_cidrs(eks, true),
        remote_pod_cidrs: remote_cidrs(eks, false),
        auto_mode_pools: eks
            .compute_config()
            .filter(|c| c.enabled() == Some(true))
            .map(|c| c.node_pools().to_vec()),
        components: super::component_config::live(eks),
        egress_mode: vpc
            .and_then(|v| v.control_plane_egress_mode())
            .map_or("AWS_MANAGED", |m| m.as_str())
            .to_string(),
    }
}

/// The cluster's remote node (`nodes`) or pod networks, every CIDR of them.
fn remote_cidrs(eks: &aws_sdk_eks::types::Cluster, nodes: bool) -> Vec<String> {
    let Some(remote) = eks.remote_network_config() else { return vec![] };
    if nodes {
        remote.remote_node_networks().iter().flat_map(|n| n.cidrs().iter().cloned()).collect()
    } else {
        remote.remote_pod_networks().iter().flat_map(|n| n.cidrs().iter().cloned()).collect()
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
        version: ng.version().unwrap_or_default().to_string(),
        release_version: ng.release_version().unwrap_or_default().to_string(),
        max_unavailable: ng.update_config().and_then(|u| u.max_unavailable()),
        max_unavailable_percentage: ng.update_config().and_then(|u| u.max_unavailable_percentage()),
        node_repair: ng.node_repair_config().map(|r| crate::config::NodeRepairConfig {
            enabled: r.enabled(),
            max_unhealthy_node_threshold_count: r.max_unhealthy_node_threshold_count().map(i64::from),
            max_unhealthy_node_threshold_percentage: r
                .max_unhealthy_node_threshold_percentage()
                .map(i64::from),
            max_parallel_nodes_repaired_count: r.max_parallel_nodes_repaired_count().map(i64::from),
            max_parallel_nodes_repaired_percentage: r.max_parallel_nodes_repaired_percentage().map(i64::from),
            node_repair_config_overrides: Some(
                r.node_repair_config_overrides()
                    .iter()
                    .map(|o| crate::config::NodeRepairConfigOverride {
                        node_monitoring_condition: o.node_monitoring_condition().map(str::to_string),
                        node_unhealthy_reason: o.node_unhealthy_reason().map(str::to_string),
                        min_repair_wait_time_mins: o.min_repair_wait_time_mins().map(i64::from),
                        repair_action: o.repair_action().map(|a| a.as_str().to_string()),
                    })
                    .collect(),
            ),
        }),
    }
}

/// An add-on's fields a config sets.
pub(super) fn live_addon(a: &aws_sdk_eks::types::Addon) -> LiveAddon {
    LiveAddon {
        version: a.addon_version().unwrap_or_default().to_string(),
        configuration_values: a.configuration_values().map(str::to_string),
        service_account_role_arn: a.service_account_role_arn().map(str::to_string),
        namespace: a.namespace_config().and_then(|n| n.namespace()).map(str::to_string),
        tags: a.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
    }
}

/// A Fargate profile's fields a config sets.
pub(super) fn live_fargate(p: &aws_sdk_eks::types::FargateProfile) -> LiveFargate {
    let labels: Vec<(String, BTreeMap<String, String>)> = p
        .selectors()
        .iter()
        .map(|s| {
            let labels = s.labels().map(|l| l.clone().into_iter().collect()).unwrap_or_default();
            (s.namespace().unwrap_or_default().to_string(), labels)
        })
        .collect();
    LiveFargate {
        selectors: fargate_selectors(labels.iter().map(|(n, l)| (n.as_str(), l))),
        subnets: p.subnets().to_vec(),
        pod_execution_role: p.pod_execution_role_arn().unwrap_or_default().to_string(),
        tags: p.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
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
                Resource::ControlPlane(spec) => {
                    let mut cp = live_control_plane(&eks);
                    if spec.log_retention_days.is_some() {
                        cp.log_retention_days = self.log_retention(cluster).await?;
                    }
                    Live::ControlPlane(cp)
                }
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
                Resource::FargateProfile(spec) => {
                    match self.describe_fargate(cluster, &spec.profile_name).await? {
                        None => Live::Missing,
                        Some(p) => Live::Fargate(live_fargate(&p)),
                    }
                }
                _ if known.looked(kind) => Live::Exists,
                _ => continue,
            };
            live.insert(step.id.clone(), found);
        }
        // What else exists is compared by its tags.
        let tagged = self.tags_of(plan, &live).await?;
        for (id, tags) in tagged {
            if let Some(l @ Live::Exists) = live.get_mut(&id) {
                *l = Live::Tagged(tags);
            }
        }
        // The OIDC provider: found by the live cluster's issuer.
        let issuer = eks.identity().and_then(|i| i.oidc()).and_then(|o| o.issuer());
        if let (Some(step), Some(issuer)) =
            (plan.steps.iter().find(|s| matches!(s.resource, Resource::OidcProvider { .. })), issuer)
        {
            let found = match self.find_oidc_provider(issuer).await? {
                None => Live::Missing,
                Some(arn) => {
                    let out =
                        self.iam.list_open_id_connect_provider_tags().open_id_connect_provider_arn(&arn);
                    let out = out.send().await.api("ListOpenIDConnectProviderTags")?;
                    let tags: BTreeMap<String, String> =
                        super::iam::iam_tag_pairs(out.tags()).map(|(k, v)| (k.into(), v.into())).collect();
                    // One eksup did not make is used as it is.
                    if tags.get(tag_keys::CLUSTER).is_some_and(|c| c == cluster) {
                        Live::Tagged(tags)
                    } else {
                        Live::Exists
                    }
                }
            };
            live.insert(step.id.clone(), found);
        }
        // Access entries: their groups, user name and policies.
        for step in &plan.steps {
            let Resource::AccessEntry { principal: Val::Lit(principal), .. } = &step.resource else {
                continue;
            };
            if !matches!(live.get(&step.id), Some(Live::Exists)) {
                continue;
            }
            if let Some(entry) = self.live_access_entry(cluster, principal).await? {
                live.insert(step.id.clone(), Live::AccessEntry(entry));
            }
        }
        // Roles: their policies too.
        for step in &plan.steps {
            let Resource::IamRole { role_name, .. } = &step.resource else { continue };
            let Some(Live::Tagged(tags)) = live.get(&step.id) else { continue };
            let role = self.live_role(role_name, tags.clone()).await?;
            live.insert(step.id.clone(), role);
        }
        let removals = self.not_in_plan(plan).await?;
        Ok(Some((live, removals)))
    }

    /// Role `role_name` (its `tags` read already) with its managed and inline policies.
    async fn live_role(&self, role_name: &str, tags: BTreeMap<String, String>) -> Result<Live, CloudError> {
        let pages: Result<Vec<_>, _> = self
            .iam
            .list_attached_role_policies()
            .role_name(role_name)
            .into_paginator()
            .send()
            .collect()
            .await;
        let policies = pages
            .api("ListAttachedRolePolicies")?
            .iter()
            .flat_map(|p| p.attached_policies())
            .filter_map(|p| p.policy_arn().map(str::to_string))
            .collect();
        let names: Result<Vec<_>, _> =
            self.iam.list_role_policies().role_name(role_name).into_paginator().send().collect().await;
        let mut inline = BTreeMap::new();
        for name in names.api("ListRolePolicies")?.iter().flat_map(|p| p.policy_names().to_vec()) {
            let got = self.iam.get_role_policy().role_name(role_name).policy_name(&name).send().await;
            let document = super::iam::percent_decode(got.api("GetRolePolicy")?.policy_document());
            inline.insert(name, document);
        }
        Ok(Live::Role { tags, policies, inline })
    }

    /// The access entry of `principal` as EKS has it, with its associated policies.
    async fn live_access_entry(
        &self,
        cluster: &str,
        principal: &str,
    ) -> Result<Option<LiveAccessEntry>, CloudError> {
        let found =
            self.eks.describe_access_entry().cluster_name(cluster).principal_arn(principal).send().await;
        let Some(entry) = found.api("DescribeAccessEntry").or_not_found()?.and_then(|o| o.access_entry)
        else {
            return Ok(None);
        };
        let associated = self
            .eks
            .list_associated_access_policies()
            .cluster_name(cluster)
            .principal_arn(principal)
            .send()
            .await
            .api("ListAssociatedAccessPolicies")?;
        let mut policies: Vec<String> = associated
            .associated_access_policies()
            .iter()
            .map(|p| {
                let scope = p.access_scope();
                access_policy(
                    p.policy_arn().unwrap_or_default(),
                    scope.and_then(|s| s.r#type()).map_or("cluster", |t| t.as_str()),
                    scope.map(|s| s.namespaces()).unwrap_or_default(),
                )
            })
            .collect();
        policies.sort();
        Ok(Some(LiveAccessEntry {
            kubernetes_groups: entry.kubernetes_groups().to_vec(),
            username: entry.username().map(str::to_string),
            policies,
            tags: entry.tags().map(|t| t.clone().into_iter().collect()).unwrap_or_default(),
        }))
    }

    /// The tags of the plan's EC2, IAM, Auto Scaling and ECR resources that
    /// exist (`live` says [`Live::Exists`]), by step id: EC2's in two `DescribeTags` calls (the
    /// cluster's resources, then all their tags), the others one call each.
    async fn tags_of(
        &self,
        plan: &Plan,
        live: &BTreeMap<String, Live>,
    ) -> Result<BTreeMap<String, BTreeMap<String, String>>, CloudError> {
        use super::ec2::filter;
        let cluster = plan.cluster.as_str();
        let mut out = BTreeMap::new();
        let exists = |s: &&Step| matches!(live.get(&s.id), Some(Live::Exists));
        // EC2 (launch templates included): the ids carrying the cluster's tag, then their tags.
        let mine = filter("key", [tag_keys::CLUSTER]);
        let pages: Result<Vec<_>, _> = self
            .ec2
            .describe_tags()
            .filters(mine)
            .filters(filter("value", [cluster]))
            .into_paginator()
            .send()
            .collect()
            .await;
        let ids: Vec<String> = pages
            .api("DescribeTags")?
            .iter()
            .flat_map(|p| p.tags())
            .filter_map(|t| t.resource_id().map(str::to_string))
            .collect();
        let mut by_id: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for chunk in ids.chunks(200) {
            let pages: Result<Vec<_>, _> = self
                .ec2
                .describe_tags()
                .filters(filter("resource-id", chunk.iter().cloned()))
                .into_paginator()
                .send()
                .collect()
                .await;
            for t in pages.api("DescribeTags")?.iter().flat_map(|p| p.tags()) {
                if let (Some(id), Some(k)) = (t.resource_id(), t.key()) {
                    by_id
                        .entry(id.to_string())
                        .or_default()
                        .insert(k.to_string(), t.value().unwrap_or_default().to_string());
                }
            }
        }
        for tags in by_id.into_values() {
            if let Some(step) = tags.get(tag_keys::RESOURCE).cloned() {
                out.insert(step, tags);
            }
        }
        for step in plan.steps.iter().filter(exists) {
            let tags: Option<BTreeMap<String, String>> = match &step.resource {
                Resource::IamRole { role_name, .. } => {
                    let out = self.iam.list_role_tags().role_name(role_name).send().await;
                    Some(
                        super::iam::iam_tag_pairs(out.api("ListRoleTags")?.tags())
                            .map(|(k, v)| (k.into(), v.into()))
                            .collect(),
                    )
                }
                Resource::InstanceProfile { profile_name, .. } => {
                    self.instance_profile_tags(profile_name).await?.map(|tags| {
                        super::iam::iam_tag_pairs(&tags).map(|(k, v)| (k.into(), v.into())).collect()
                    })
                }
                Resource::AutoScalingGroup(spec) => self
                    .describe_asg(&spec.group_name)
                    .await?
                    .map(|g| asg_tag_pairs(&g).map(|(k, v)| (k.into(), v.into())).collect()),
                Resource::EcrRepository(spec) => self.repository_tags(&spec.repository_name).await?,
                _ => None,
            };
            if let Some(tags) = tags {
                out.insert(step.id.clone(), tags);
            }
        }
        Ok(out)
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
