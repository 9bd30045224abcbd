//! Auto Scaling: self-managed node groups.

use aws_sdk_autoscaling::types::{
    AutoScalingGroup, InstancesDistribution, LaunchTemplate, LaunchTemplateOverrides,
    LaunchTemplateSpecification, MixedInstancesPolicy, Tag,
};

use std::collections::BTreeMap;

use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, Poll, kubernetes_cluster_tag, limits, owned_by, step_tags, wait_for};
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{AutoScalingGroupSpec, Distribution, keys, tags as tag_keys};

pub(crate) fn asg_tag_pairs(group: &AutoScalingGroup) -> impl Iterator<Item = (&str, &str)> {
    group.tags().iter().map(|t| (t.key().unwrap_or_default(), t.value().unwrap_or_default()))
}

/// The tags of a node group's Auto Scaling group, each propagated to its instances: the
/// ownership tags, the Kubernetes cluster tag and the group's own (with the instances' `Name`).
fn group_tags(ctx: &StepContext<'_>, spec: &AutoScalingGroupSpec) -> BTreeMap<String, String> {
    let mut tags = step_tags(ctx);
    tags.insert(kubernetes_cluster_tag(&ctx.plan.cluster), "owned".to_string());
    tags.extend(spec.tags.clone());
    tags
}

/// The most tags AWS allows on an Auto Scaling group.
const MAX_GROUP_TAGS: usize = 50;
/// Tags sent per CreateOrUpdateTags, as eksctl sends them (`MaximumCreatedTagNumberPerCall`).
const TAGS_PER_CALL: usize = 25;
/// Cluster Autoscaler's templates of a group's labels and taints: derived from the file, so one
/// the file no longer gives is removed.
const NODE_TEMPLATE_PREFIX: &str = "k8s.io/cluster-autoscaler/node-template/";

/// The mixed instances policy of a group's `distribution`, on launch template `lt_id`.
fn mixed_instances_policy(lt_id: &str, d: &Distribution) -> MixedInstancesPolicy {
    let template =
        LaunchTemplateSpecification::builder().launch_template_id(lt_id).version("$Latest").build();
    let overrides =
        d.instance_types.iter().map(|t| LaunchTemplateOverrides::builder().instance_type(t).build());
    // Every field, Auto Scaling's default where the file gives none, so that an update also
    // resets what the file no longer sets ("" clears a maximum price).
    let lowest = strategy(d) == "lowest-price";
    MixedInstancesPolicy::builder()
        .launch_template(
            LaunchTemplate::builder()
                .launch_template_specification(template)
                .set_overrides(Some(overrides.collect()))
                .build(),
        )
        .instances_distribution(
            InstancesDistribution::builder()
                .spot_max_price(d.spot_max_price.clone().unwrap_or_default())
                .on_demand_base_capacity(d.on_demand_base_capacity.unwrap_or(0))
                .on_demand_percentage_above_base_capacity(
                    d.on_demand_percentage_above_base_capacity.unwrap_or(100),
                )
                .set_spot_instance_pools(lowest.then(|| d.spot_instance_pools.unwrap_or(2)))
                .spot_allocation_strategy(strategy(d))
                .build(),
        )
        .build()
}

/// The Spot allocation strategy: the file's, or Auto Scaling's default.
fn strategy(d: &Distribution) -> &str {
    d.spot_allocation_strategy.as_deref().unwrap_or("lowest-price")
}

/// Whether a group's mixed instances policy is `d`'s (the fields the file sets; Auto Scaling's
/// defaults for the others).
fn same_distribution(group: &AutoScalingGroup, d: &Distribution) -> bool {
    let Some(policy) = group.mixed_instances_policy() else { return false };
    let types: Vec<&str> = policy
        .launch_template()
        .map(|lt| lt.overrides().iter().filter_map(|o| o.instance_type()).collect())
        .unwrap_or_default();
    let have = policy.instances_distribution();
    let price = |p: Option<&str>| p.filter(|p| !p.is_empty()).and_then(|p| p.parse::<f64>().ok());
    let lowest = strategy(d) == "lowest-price";
    types == d.instance_types.iter().map(String::as_str).collect::<Vec<_>>()
        && have.and_then(|h| h.on_demand_base_capacity()).unwrap_or(0)
            == d.on_demand_base_capacity.unwrap_or(0)
        && have.and_then(|h| h.on_demand_percentage_above_base_capacity()).unwrap_or(100)
            == d.on_demand_percentage_above_base_capacity.unwrap_or(100)
        && (!lowest
            || have.and_then(|h| h.spot_instance_pools()).unwrap_or(2) == d.spot_instance_pools.unwrap_or(2))
        && have.and_then(|h| h.spot_allocation_strategy()).unwrap_or("lowest-price") == strategy(d)
        && price(have.and_then(|h| h.spot_max_price())) == price(d.spot_max_price.as_deref())
        && group.capacity_rebalance().unwrap_or_default() == d.capacity_rebalance
}

fn group_tag(group: &str, key: &str, value: &str) -> Tag {
    propagated_tag(group, key, value, true)
}

fn propagated_tag(group: &str, key: &str, value: &str, propagate: bool) -> Tag {
    Tag::builder()
        .key(key)
        .value(value)
        .propagate_at_launch(propagate)
        .resource_id(group)
        .resource_type("auto-scaling-group")
        .build()
}

impl AwsCloud {
    pub(crate) async fn describe_asg(&self, name: &str) -> Result<Option<AutoScalingGroup>, CloudError> {
        let out = self
            .asg
            .describe_auto_scaling_groups()
            .auto_scaling_group_names(name)
            .send()
            .await
            .api("DescribeAutoScalingGroups")?;
        Ok(out.auto_scaling_groups().first().cloned())
    }

    /// EnableMetricsCollection: `metrics` at `granularity` (no metrics: all of them).
    async fn enable_metrics(
        &self,
        name: &str,
        granularity: &str,
        metrics: &[String],
    ) -> Result<(), CloudError> {
        self.asg
            .enable_metrics_collection()
            .auto_scaling_group_name(name)
            .granularity(granularity)
            .set_metrics((!metrics.is_empty()).then(|| metrics.to_vec()))
            .send()
            .await
            .api("EnableMetricsCollection")?;
        Ok(())
    }

    /// SuspendProcesses: `processes` of group `name` (eksctl's `suspendProcesses` task).
    async fn suspend_processes(&self, name: &str, processes: &[String]) -> Result<(), CloudError> {
        self.asg
            .suspend_processes()
            .auto_scaling_group_name(name)
            .set_scaling_processes(Some(processes.to_vec()))
            .send()
            .await
            .api("SuspendProcesses")?;
        Ok(())
    }

    /// A re-run: the processes suspended on the group made the file's `asgSuspendProcesses`
    /// (missing ones suspended, others resumed); without the field, left as they are, with a
    /// warning when some are suspended. Whether it changed any.
    pub(crate) async fn converge_suspended(
        &self,
        ctx: &StepContext<'_>,
        group: &AutoScalingGroup,
        want: Option<&[String]>,
    ) -> Result<bool, CloudError> {
        let name = group.auto_scaling_group_name().unwrap_or_default();
        let suspended: Vec<String> =
            group.suspended_processes().iter().filter_map(|p| p.process_name().map(str::to_string)).collect();
        let Some(want) = want else {
            if !suspended.is_empty() {
                ctx.progress.warn(&format!(
                    "Auto Scaling group `{name}` has processes suspended (`{}`) that the file does not list: left as they are; hint: `asgSuspendProcesses: []` resumes them",
                    suspended.join("`, `")
                ));
            }
            return Ok(false);
        };
        let missing: Vec<String> = want.iter().filter(|p| !suspended.contains(*p)).cloned().collect();
        let extra: Vec<String> = suspended.iter().filter(|p| !want.contains(*p)).cloned().collect();
        if !missing.is_empty() {
            self.suspend_processes(name, &missing).await?;
        }
        if !extra.is_empty() {
            self.asg
                .resume_processes()
                .auto_scaling_group_name(name)
                .set_scaling_processes(Some(extra.clone()))
                .send()
                .await
                .api("ResumeProcesses")?;
        }
        Ok(!missing.is_empty() || !extra.is_empty())
    }

    /// Bring a group's tags to `want` (CreateOrUpdateTags, in eksctl's batches of 25, each tag
    /// `propagate`d to instances or not): missing or different ones set, Cluster Autoscaler
    /// templates `want` no longer has deleted; tags set outside eksup stay. Refused before any
    /// call when the group would carry more than AWS's 50 tags, as eksctl's `checkASGTagsNumber`.
    /// Whether it changed any.
    pub(crate) async fn sync_group_tags(
        &self,
        group: &AutoScalingGroup,
        want: &BTreeMap<String, String>,
        propagate: bool,
    ) -> anyhow::Result<bool> {
        let name = group.auto_scaling_group_name().unwrap_or_default();
        let set = crate::plan::drift::tags_to_add(want, asg_tag_pairs(group));
        let stale: Vec<Tag> = asg_tag_pairs(group)
            .filter(|(k, _)| k.starts_with(NODE_TEMPLATE_PREFIX) && !want.contains_key(*k))
            .map(|(k, v)| propagated_tag(name, k, v, propagate))
            .collect();
        let mut keys: std::collections::BTreeSet<&str> = asg_tag_pairs(group).map(|(k, _)| k).collect();
        for t in &stale {
            keys.remove(t.key().unwrap_or_default());
        }
        keys.extend(set.keys().map(String::as_str));
        if keys.len() > MAX_GROUP_TAGS {
            anyhow::bail!(
                "Auto Scaling group `{name}` would carry `{}` tags, but AWS allows `{MAX_GROUP_TAGS}`; hint: use fewer labels, taints or tags on the node group",
                keys.len()
            );
        }
        if !stale.is_empty() {
            self.asg.delete_tags().set_tags(Some(stale.clone())).send().await.api("DeleteTags")?;
        }
        let tags: Vec<Tag> = set.iter().map(|(k, v)| propagated_tag(name, k, v, propagate)).collect();
        for chunk in tags.chunks(TAGS_PER_CALL) {
            let req = self.asg.create_or_update_tags().set_tags(Some(chunk.to_vec()));
            req.send().await.api("CreateOrUpdateTags")?;
        }
        Ok(!stale.is_empty() || !tags.is_empty())
    }

    pub(crate) async fn update_asg_size(
        &self,
        name: &str,
        min: i32,
        desired: Option<i32>,
        max: i32,
    ) -> Result<(), CloudError> {
        self.asg
            .update_auto_scaling_group()
            .auto_scaling_group_name(name)
            .min_size(min)
            .max_size(max)
            .set_desired_capacity(desired)
            .send()
            .await
            .api("UpdateAutoScalingGroup")?;
        Ok(())
    }

    /// A re-run on an existing group: the tags, metrics, mix of instances and sizes the file now
    /// asks for.
    async fn converge_asg(
        &self,
        ctx: &StepContext<'_>,
        spec: &AutoScalingGroupSpec,
        group: &AutoScalingGroup,
    ) -> anyhow::Result<StepResult> {
        let name = spec.group_name.as_str();
        let mut action = Action::Existed;
        // Tags the config now gives it (added or updated; tags set outside eksup stay).
        if self.sync_group_tags(group, &group_tags(ctx, spec), true).await? {
            action = Action::Updated;
        }
        if self.converge_suspended(ctx, group, spec.suspend_processes.as_deref()).await? {
            action = Action::Updated;
        }
        // Metrics the file asks for that are not collected (others collected stay).
        let enabled: Vec<&str> = group.enabled_metrics().iter().filter_map(|m| m.metric()).collect();
        for (granularity, metrics) in &spec.metrics_collection {
            // None named means all of them.
            let missing = if metrics.is_empty() {
                crate::config::ASG_METRICS.iter().any(|m| !enabled.contains(m))
            } else {
                metrics.iter().any(|m| !enabled.contains(&m.as_str()))
            };
            if missing {
                self.enable_metrics(name, granularity, metrics).await?;
                action = Action::Updated;
            }
        }
        // No mix any more: back to the launch template alone.
        if spec.distribution.is_none() && group.mixed_instances_policy().is_some() {
            let lt_id = ctx.resolve(&spec.launch_template)?;
            self.asg
                .update_auto_scaling_group()
                .auto_scaling_group_name(name)
                .launch_template(
                    LaunchTemplateSpecification::builder()
                        .launch_template_id(&lt_id)
                        .version("$Latest")
                        .build(),
                )
                .send()
                .await
                .api("UpdateAutoScalingGroup")?;
            action = Action::Updated;
        }
        // Another mix of instance types or purchase options: Auto Scaling applies it to the
        // instances it launches next.
        if let Some(d) = &spec.distribution
            && !same_distribution(group, d)
        {
            let lt_id = ctx.resolve(&spec.launch_template)?;
            self.asg
                .update_auto_scaling_group()
                .auto_scaling_group_name(name)
                .mixed_instances_policy(mixed_instances_policy(&lt_id, d))
                .capacity_rebalance(d.capacity_rebalance)
                .send()
                .await
                .api("UpdateAutoScalingGroup")?;
            action = Action::Updated;
        }
        if group.min_size() != Some(spec.min_size) || group.max_size() != Some(spec.max_size) {
            let desired = group.desired_capacity().map(|d| d.clamp(spec.min_size, spec.max_size));
            self.update_asg_size(name, spec.min_size, desired, spec.max_size).await?;
            action = Action::Updated;
        }
        let mut r = StepResult::new(action).with(keys::NAME, name);
        if let Some(arn) = group.auto_scaling_group_arn() {
            r = r.with(keys::ARN, arn);
        }
        Ok(r)
    }

    pub(super) async fn ensure_auto_scaling_group(
        &self,
        ctx: &StepContext<'_>,
        spec: &AutoScalingGroupSpec,
    ) -> anyhow::Result<StepResult> {
        let name = spec.group_name.as_str();
        let existing = if self.absent(ctx, name) { None } else { self.describe_asg(name).await? };
        if let Some(group) = existing {
            if !owned_by(asg_tag_pairs(&group), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("Auto Scaling group `{name}`"),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            return self.converge_asg(ctx, spec, &group).await;
        }
        let lt_id = ctx.resolve(&spec.launch_template)?;
        let subnets = ctx.resolve_all(&spec.subnets)?;
        let tags: Vec<Tag> = group_tags(ctx, spec).iter().map(|(k, v)| group_tag(name, k, v)).collect();
        // A new instance profile is refused for a few seconds ("Invalid IAM Instance Profile").
        super::retry_while(&ctx.progress, super::limits::IAM_PROPAGATION, super::iam_propagation, || {
            let mut req = self.asg.create_auto_scaling_group().auto_scaling_group_name(name);
            req = match &spec.distribution {
                Some(d) => req
                    .mixed_instances_policy(mixed_instances_policy(&lt_id, d))
                    .capacity_rebalance(d.capacity_rebalance),
                None => req.launch_template(
                    LaunchTemplateSpecification::builder()
                        .launch_template_id(&lt_id)
                        .version("$Latest")
                        .build(),
                ),
            };
            let req = req
                .vpc_zone_identifier(subnets.join(","))
                .min_size(spec.min_size)
                .max_size(spec.max_size)
                .set_desired_capacity(spec.desired_capacity)
                .set_target_group_arns(
                    (!spec.target_group_arns.is_empty()).then(|| spec.target_group_arns.clone()),
                )
                .set_load_balancer_names(
                    (!spec.load_balancer_names.is_empty()).then(|| spec.load_balancer_names.clone()),
                )
                .set_max_instance_lifetime(spec.max_instance_lifetime)
                .set_tags(Some(tags.clone()));
            async move { req.send().await.map(|_| ()).api("CreateAutoScalingGroup") }
        })
        .await?;
        self.made(ctx);
        for (granularity, metrics) in &spec.metrics_collection {
            self.enable_metrics(name, granularity, metrics).await?;
        }
        if let Some(processes) = spec.suspend_processes.as_deref().filter(|p| !p.is_empty()) {
            self.suspend_processes(name, processes).await?;
        }
        let mut r = StepResult::new(Action::Created).with(keys::NAME, name);
        if let Some(arn) =
            self.describe_asg(name).await?.and_then(|g| g.auto_scaling_group_arn().map(str::to_string))
        {
            r = r.with(keys::ARN, arn);
        }
        Ok(r)
    }
}

/// Deletes, beside the kind's create above.
impl AwsCloud {
    /// Force-delete an Auto Scaling group and (unless `no_wait`) wait until it and its instances
    /// are gone.
    pub(crate) async fn delete_asg(
        &self,
        progress: &Progress<'_>,
        name: &str,
        no_wait: bool,
    ) -> anyhow::Result<()> {
        let instances: Vec<String> = self
            .describe_asg(name)
            .await?
            .map(|g| g.instances().iter().filter_map(|i| i.instance_id().map(str::to_string)).collect())
            .unwrap_or_default();
        match self
            .asg
            .delete_auto_scaling_group()
            .auto_scaling_group_name(name)
            .force_delete(true)
            .send()
            .await
            .api("DeleteAutoScalingGroup")
        {
            Ok(_) => {}
            Err(e) if e.message().unwrap_or_default().contains("not found") => return Ok(()),
            Err(e) if e.kind() == super::ErrorKind::InUse => {}
            Err(e) => return Err(e.into()),
        }
        if no_wait {
            return Ok(());
        }
        wait_for(
            progress,
            &format!("Auto Scaling group `{name}` to be deleted"),
            limits::NODEGROUP_GONE,
            || async {
                if let Some(g) = self.describe_asg(name).await? {
                    return Ok(Poll::Pending(g.status().unwrap_or("Delete in progress").to_string()));
                }
                if instances.is_empty() {
                    return Ok(Poll::Ready(()));
                }
                let out = self
                    .ec2
                    .describe_instances()
                    .set_instance_ids(Some(instances.clone()))
                    .send()
                    .await
                    .api("DescribeInstances")?;
                let running = out
                    .reservations()
                    .iter()
                    .flat_map(|r| r.instances())
                    .filter(|i| {
                        !matches!(
                            i.state().and_then(|s| s.name()),
                            Some(aws_sdk_ec2::types::InstanceStateName::Terminated)
                        )
                    })
                    .count();
                Ok(if running == 0 {
                    Poll::Ready(())
                } else {
                    Poll::Pending(format!("{running} instances terminating"))
                })
            },
        )
        .await
    }
}
