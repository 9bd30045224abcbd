//! Auto Scaling: self-managed node groups.

use aws_sdk_autoscaling::types::{AutoScalingGroup, LaunchTemplateSpecification, Tag};

use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, kubernetes_cluster_tag, owned_by, step_tags};
use crate::executor::{Action, StepContext, StepResult};
use crate::plan::{AutoScalingGroupSpec, keys, tags as tag_keys};

pub(crate) fn asg_tag_pairs(group: &AutoScalingGroup) -> impl Iterator<Item = (&str, &str)> {
    group.tags().iter().map(|t| (t.key().unwrap_or_default(), t.value().unwrap_or_default()))
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

    pub(super) async fn ensure_auto_scaling_group(
        &self,
        ctx: &StepContext<'_>,
        spec: &AutoScalingGroupSpec,
    ) -> anyhow::Result<StepResult> {
        let name = spec.group_name.as_str();
        if let Some(group) = self.describe_asg(name).await? {
            if !owned_by(asg_tag_pairs(&group), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("Auto Scaling group `{name}`"),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let mut action = Action::Existed;
            if group.min_size() != Some(spec.min_size) || group.max_size() != Some(spec.max_size) {
                let desired = group.desired_capacity().map(|d| d.clamp(spec.min_size, spec.max_size));
                self.update_asg_size(name, spec.min_size, desired, spec.max_size).await?;
                action = Action::Updated;
            }
            let mut r = StepResult::new(action).with(keys::NAME, name);
            if let Some(arn) = group.auto_scaling_group_arn() {
                r = r.with(keys::ARN, arn);
            }
            return Ok(r);
        }
        let lt_id = ctx.resolve(&spec.launch_template)?;
        let subnets = ctx.resolve_all(&spec.subnets)?;
        let mut tags = step_tags(ctx);
        tags.insert("Name".to_string(), format!("{}-{}-Node", ctx.plan.cluster, name));
        tags.insert(kubernetes_cluster_tag(&ctx.plan.cluster), "owned".to_string());
        tags.extend(spec.tags.clone());
        let tags: Vec<Tag> = tags
            .iter()
            .map(|(k, v)| {
                Tag::builder()
                    .key(k)
                    .value(v)
                    .propagate_at_launch(true)
                    .resource_id(name)
                    .resource_type("auto-scaling-group")
                    .build()
            })
            .collect();
        // A new instance profile is refused for a few seconds ("Invalid IAM Instance Profile").
        super::retry_while(&ctx.progress, super::limits::IAM_PROPAGATION, super::iam_propagation, || {
            let req = self
                .asg
                .create_auto_scaling_group()
                .auto_scaling_group_name(name)
                .launch_template(
                    LaunchTemplateSpecification::builder()
                        .launch_template_id(&lt_id)
                        .version("$Latest")
                        .build(),
                )
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
        let mut r = StepResult::new(Action::Created).with(keys::NAME, name);
        if let Some(arn) =
            self.describe_asg(name).await?.and_then(|g| g.auto_scaling_group_arn().map(str::to_string))
        {
            r = r.with(keys::ARN, arn);
        }
        Ok(r)
    }
}
