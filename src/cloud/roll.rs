//! `upgrade nodegroup` for a self-managed node group: its launch template gets a new version
//! with the EKS-optimized AMI of the new Kubernetes version (same family, architecture and
//! flavour, from the public SSM parameter), the Auto Scaling group moves to it, and an instance
//! refresh replaces the instances (new ones first: `MaxHealthyPercentage` 200). A termination
//! lifecycle hook holds each old instance in `Terminating:Wait` while eksup drains its node
//! through the Kubernetes API (PodDisruptionBudgets respected), then lets it go. The hook is
//! removed at the end, whatever happened.

use std::collections::BTreeSet;

use aws_sdk_autoscaling::types::{
    AutoScalingGroup, InstanceRefreshStatus, LaunchTemplateSpecification, RefreshPreferences,
};
use aws_sdk_ec2::types::RequestLaunchTemplateData;
use serde::Serialize;

use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, Poll, Span, limits, wait_for};
use crate::executor::{Cancel, Progress, Reporter, Subject};
use crate::kubernetes::DrainOptions;

/// The lifecycle hook that holds an instance for its drain.
const DRAIN_HOOK: &str = "eksup-drain";
/// How long AWS holds an instance for its drain before it terminates it anyway.
const HOOK_SECONDS: i32 = 15 * 60;

/// A self-managed node group as `upgrade nodegroup` needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SelfManagedGroup {
    pub auto_scaling_group: String,
    pub launch_template_id: String,
    pub launch_template_version: String,
    pub image: String,
    pub image_name: String,
    /// The Kubernetes version of its EKS AMI (`None` for an AMI that is not EKS's).
    pub version: Option<String>,
    pub desired: i32,
}

/// What a roll did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rolled {
    pub refresh_id: Option<String>,
    pub launch_template_version: String,
    /// Nodes drained before their instances went.
    pub drained: Vec<String>,
}

/// The Kubernetes version of an EKS-optimized AMI name, and the SSM parameter of the same image
/// for another version: `amazon-eks-node-al2023-x86_64-standard-1.33-v20251112` is 1.33 and
/// `/aws/service/eks/optimized-ami/{v}/amazon-linux-2023/x86_64/standard/recommended/image_id`.
pub fn ami_lineage(name: &str) -> Option<(String, impl Fn(&str) -> String)> {
    let parts: Vec<&str> = name.split('-').collect();
    let version_at = parts.iter().position(|p| is_version(p))?;
    let version = parts[version_at].to_string();
    let head = parts[..version_at].join("-");
    let template = if let Some(rest) = head.strip_prefix("amazon-eks-node-al2023-") {
        let (arch, variant) = rest.split_once('-')?;
        format!(
            "/aws/service/eks/optimized-ami/{{v}}/amazon-linux-2023/{arch}/{variant}/recommended/image_id"
        )
    } else if let Some(flavour) = match head.as_str() {
        "amazon-eks-node" => Some(""),
        "amazon-eks-gpu-node" => Some("-gpu"),
        "amazon-eks-arm64-node" => Some("-arm64"),
        _ => None,
    } {
        format!("/aws/service/eks/optimized-ami/{{v}}/amazon-linux-2{flavour}/recommended/image_id")
    } else if head == "bottlerocket-aws-k8s" {
        // bottlerocket-aws-k8s-1.33[-nvidia]-x86_64-v1.50.0-…
        let after = &parts[version_at + 1..];
        let (flavour, arch) = match after {
            ["nvidia", arch, ..] => ("-nvidia", *arch),
            [arch, ..] => ("", *arch),
            [] => return None,
        };
        let arch = if arch == "aarch64" { "arm64" } else { arch };
        format!("/aws/service/bottlerocket/aws-k8s-{{v}}{flavour}/{arch}/latest/image_id")
    } else {
        return None;
    };
    Some((version, move |v: &str| template.replace("{v}", v)))
}

fn is_version(p: &str) -> bool {
    p.strip_prefix("1.").is_some_and(|m| !m.is_empty() && m.chars().all(|c| c.is_ascii_digit()))
}

/// The group's launch template: its own, or that of its mixed instances policy.
fn template_of(group: &AutoScalingGroup) -> Option<(String, String)> {
    let spec = group.launch_template().or_else(|| {
        group
            .mixed_instances_policy()
            .and_then(|m| m.launch_template())
            .and_then(|t| t.launch_template_specification())
    })?;
    Some((spec.launch_template_id()?.to_string(), spec.version().unwrap_or("$Default").to_string()))
}

impl AwsCloud {
    /// The self-managed node group `name` of `cluster`, or `None` when there is none.
    pub async fn self_managed_group(
        &self,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<Option<SelfManagedGroup>> {
        let Some(asg) = self.find_self_managed(cluster, name).await? else { return Ok(None) };
        let group = self
            .describe_asg(&asg)
            .await?
            .ok_or_else(|| anyhow::anyhow!("Auto Scaling group `{asg}` is gone"))?;
        let (template, version) = template_of(&group)
            .ok_or_else(|| anyhow::anyhow!("Auto Scaling group `{asg}` has no launch template"))?;
        let (image, _) = self.launch_template_image(&template, Some(&version)).await?;
        let image = image.ok_or_else(|| anyhow::anyhow!("launch template `{template}` names no AMI"))?;
        let images = self.ec2.describe_images().image_ids(&image).send().await.api("DescribeImages")?;
        let image_name = images.images().first().and_then(|i| i.name()).unwrap_or_default().to_string();
        Ok(Some(SelfManagedGroup {
            auto_scaling_group: asg,
            launch_template_id: template,
            launch_template_version: version,
            version: ami_lineage(&image_name).map(|(v, _)| v),
            image,
            image_name,
            desired: group.desired_capacity().unwrap_or(0),
        }))
    }

    /// Roll self-managed `group` onto `image`: a new launch template version, then an instance
    /// refresh whose old instances are drained before they go (see the module docs).
    pub async fn roll_self_managed(
        &self,
        cluster: &str,
        group: &SelfManagedGroup,
        image: &str,
        drain: &DrainOptions,
        reporter: &dyn Reporter,
        cancel: &Cancel,
    ) -> anyhow::Result<Rolled> {
        let asg = group.auto_scaling_group.as_str();
        let id = format!("nodegroup/{asg}");
        let description = format!("Auto Scaling group `{asg}`");
        let progress = Progress::of(Subject { id: &id, description: &description }, reporter, cancel);
        let created = self
            .ec2
            .create_launch_template_version()
            .launch_template_id(&group.launch_template_id)
            .source_version(&group.launch_template_version)
            .version_description(format!("eksup upgrade to {image}"))
            .launch_template_data(RequestLaunchTemplateData::builder().image_id(image).build())
            .send()
            .await
            .api("CreateLaunchTemplateVersion")?;
        let version = created
            .launch_template_version()
            .and_then(|v| v.version_number())
            .ok_or(CloudError::MissingField {
                operation: "CreateLaunchTemplateVersion",
                field: "VersionNumber",
            })?
            .to_string();
        self.ec2
            .modify_launch_template()
            .launch_template_id(&group.launch_template_id)
            .default_version(&version)
            .send()
            .await
            .api("ModifyLaunchTemplate")?;
        let spec = LaunchTemplateSpecification::builder()
            .launch_template_id(&group.launch_template_id)
            .version(&version)
            .build();
        self.asg
            .update_auto_scaling_group()
            .auto_scaling_group_name(asg)
            .launch_template(spec)
            .send()
            .await
            .api("UpdateAutoScalingGroup")?;
        self.asg
            .put_lifecycle_hook()
            .auto_scaling_group_name(asg)
            .lifecycle_hook_name(DRAIN_HOOK)
            .lifecycle_transition("autoscaling:EC2_INSTANCE_TERMINATING")
            .heartbeat_timeout(HOOK_SECONDS)
            .default_result("CONTINUE")
            .send()
            .await
            .api("PutLifecycleHook")?;
        let rolled = self.refresh(cluster, asg, drain, &progress).await;
        // The hook goes whatever happened: nothing of the upgrade is left on the group.
        let removed = self
            .asg
            .delete_lifecycle_hook()
            .auto_scaling_group_name(asg)
            .lifecycle_hook_name(DRAIN_HOOK)
            .send()
            .await;
        let (refresh_id, drained) = rolled?;
        removed.api("DeleteLifecycleHook")?;
        Ok(Rolled { refresh_id: Some(refresh_id), launch_template_version: version, drained })
    }

    /// Start the instance refresh and see it through, draining each instance AWS holds for us.
    async fn refresh(
        &self,
        cluster: &str,
        asg: &str,
        drain: &DrainOptions,
        progress: &Progress<'_>,
    ) -> anyhow::Result<(String, Vec<String>)> {
        let preferences = RefreshPreferences::builder()
            .min_healthy_percentage(100)
            .max_healthy_percentage(200)
            .skip_matching(true)
            .build();
        let started = self
            .asg
            .start_instance_refresh()
            .auto_scaling_group_name(asg)
            .preferences(preferences)
            .send()
            .await
            .api("StartInstanceRefresh")?;
        let refresh_id = started
            .instance_refresh_id()
            .ok_or(CloudError::MissingField {
                operation: "StartInstanceRefresh",
                field: "InstanceRefreshId",
            })?
            .to_string();
        let eks = self
            .describe_eks_cluster(cluster)
            .await?
            .ok_or_else(|| anyhow::anyhow!("cluster `{cluster}` is gone"))?;
        let done = std::sync::Mutex::new((BTreeSet::<String>::new(), Vec::<String>::new()));
        let what = format!("instance refresh `{refresh_id}` of `{asg}`");
        let span = Span::new(limits::NODEGROUP_UPGRADED.expected, limits::NODEGROUP_UPGRADED.limit);
        wait_for(progress, &what, span, || async {
            let group = self.describe_asg(asg).await?.ok_or_else(|| anyhow::anyhow!("`{asg}` is gone"))?;
            let waiting: Vec<String> = group
                .instances()
                .iter()
                .filter(|i| i.lifecycle_state().is_some_and(|s| s.as_str() == "Terminating:Wait"))
                .filter_map(|i| i.instance_id().map(str::to_string))
                .filter(|i| done.lock().is_ok_and(|d| !d.0.contains(i)))
                .collect();
            for instance in waiting {
                let api = self.cluster_api(&eks).await?;
                if let Some(node) = api.drain_instance(&instance, drain).await? {
                    if !node.remaining.is_empty() {
                        let _ = self.asg.cancel_instance_refresh().auto_scaling_group_name(asg).send().await;
                        anyhow::bail!(
                            "PodEvictionFailure: a PodDisruptionBudget kept {} on node `{}` (instance `{instance}`); the instance refresh was cancelled, and AWS terminates the instance when its lifecycle hook times out ({} minutes)",
                            node.remaining.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "),
                            node.node,
                            HOOK_SECONDS / 60
                        );
                    }
                    if let Ok(mut d) = done.lock() {
                        d.1.push(node.node);
                    }
                }
                self.asg
                    .complete_lifecycle_action()
                    .auto_scaling_group_name(asg)
                    .lifecycle_hook_name(DRAIN_HOOK)
                    .instance_id(&instance)
                    .lifecycle_action_result("CONTINUE")
                    .send()
                    .await
                    .api("CompleteLifecycleAction")?;
                if let Ok(mut d) = done.lock() {
                    d.0.insert(instance);
                }
            }
            let refreshes = self
                .asg
                .describe_instance_refreshes()
                .auto_scaling_group_name(asg)
                .instance_refresh_ids(&refresh_id)
                .send()
                .await
                .api("DescribeInstanceRefreshes")?;
            let refresh = refreshes.instance_refreshes().first();
            match refresh.and_then(|r| r.status()) {
                Some(InstanceRefreshStatus::Successful) => Ok(Poll::Ready(())),
                Some(s @ (InstanceRefreshStatus::Failed | InstanceRefreshStatus::Cancelled)) => {
                    Err(CloudError::Failed {
                        what: what.clone(),
                        status: s.as_str().into(),
                        reason: refresh.and_then(|r| r.status_reason()).map(str::to_string),
                    }
                    .into())
                }
                s => {
                    let pct = refresh.and_then(|r| r.percentage_complete()).unwrap_or(0);
                    Ok(Poll::Pending(format!("{} ({pct}% done)", s.map_or("Pending", |s| s.as_str()))))
                }
            }
        })
        .await?;
        let drained = done.into_inner().map(|d| d.1).unwrap_or_default();
        Ok((refresh_id, drained))
    }
}

#[cfg(test)]
mod tests {
    use super::ami_lineage;

    fn next(name: &str, to: &str) -> Option<(String, String)> {
        ami_lineage(name).map(|(v, param)| (v, param(to)))
    }

    #[test]
    fn an_eks_ami_name_gives_its_version_and_the_same_image_for_another() {
        assert_eq!(
            next("amazon-eks-node-al2023-arm64-nvidia-1.33-v20251112", "1.34"),
            Some((
                "1.33".into(),
                "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/arm64/nvidia/recommended/image_id"
                    .into()
            ))
        );
        assert_eq!(
            next("amazon-eks-gpu-node-1.31-v20251112", "1.32").unwrap().1,
            "/aws/service/eks/optimized-ami/1.32/amazon-linux-2-gpu/recommended/image_id"
        );
        assert_eq!(
            next("amazon-eks-node-1.31-v20251112", "1.32").unwrap().1,
            "/aws/service/eks/optimized-ami/1.32/amazon-linux-2/recommended/image_id"
        );
        assert_eq!(
            next("bottlerocket-aws-k8s-1.33-nvidia-x86_64-v1.50.0-00000000", "1.34").unwrap(),
            ("1.33".into(), "/aws/service/bottlerocket/aws-k8s-1.34-nvidia/x86_64/latest/image_id".into())
        );
        assert_eq!(
            next("bottlerocket-aws-k8s-1.33-aarch64-v1.50.0-1a2b", "1.34").unwrap().1,
            "/aws/service/bottlerocket/aws-k8s-1.34/arm64/latest/image_id"
        );
        assert_eq!(next("my-golden-image-2025", "1.34"), None);
        assert_eq!(next("ubuntu-eks/k8s_1.33/images/hvm-ssd", "1.34"), None);
    }
}
