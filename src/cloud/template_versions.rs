//! A re-run and the launch templates eksup made: the data the file now asks for is compared
//! with the template's latest version, and a new version is made when they differ (EC2 never
//! changes a version in place). A self-managed group's Auto Scaling group launches `$Latest`, so
//! its new nodes take it at once; a managed group keeps the version it was made with until
//! `upgrade nodegroup --launch-template-version` rolls it, as EKS copies a version when it takes
//! one. Running nodes stay as they are until rolled, which the run says.

use std::collections::BTreeSet;

use aws_sdk_ec2::types::{RequestLaunchTemplateData, ResponseLaunchTemplateData};

use super::AwsCloud;
use super::error::{ApiResult as _, CloudError};
use crate::executor::StepContext;
use crate::plan::{AmiSource, LaunchTemplateSpec};

/// What of a launch template's data eksup sets, in one comparable form for the request eksup
/// would send and the version EC2 has.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TemplateView {
    fields: Vec<(&'static str, String)>,
}

impl TemplateView {
    /// The fields that differ from `other`'s, by name.
    fn differences(&self, other: &Self) -> Vec<&'static str> {
        let names: BTreeSet<&'static str> =
            self.fields.iter().chain(&other.fields).map(|(name, _)| *name).collect();
        names
            .into_iter()
            .filter(|name| {
                let of = |v: &Self| {
                    v.fields.iter().filter(|(n, _)| n == name).map(|(_, x)| x.clone()).collect::<Vec<_>>()
                };
                of(self) != of(other)
            })
            .collect()
    }

    fn without(mut self, name: &str) -> Self {
        self.fields.retain(|(n, _)| *n != name);
        self
    }
}

/// The view of a request or a response: the two SDK types name their fields alike.
macro_rules! view_of {
    ($d:expr) => {{
        let d = $d;
        let mut f: Vec<(&'static str, String)> = Vec::new();
        let mut put = |name: &'static str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                f.push((name, v));
            }
        };
        put("image", d.image_id().map(str::to_string));
        put("instance type", d.instance_type().map(|t| t.as_str().to_string()));
        put("key pair", d.key_name().map(str::to_string));
        put("user data", d.user_data().map(str::to_string));
        put("EBS optimization", d.ebs_optimized().map(|b| b.to_string()));
        put("detailed monitoring", d.monitoring().and_then(|m| m.enabled()).map(|b| b.to_string()));
        put(
            "instance profile",
            d.iam_instance_profile().and_then(|p| p.arn().or(p.name())).map(str::to_string),
        );
        let mut groups: Vec<String> = d.security_group_ids().to_vec();
        groups.sort();
        put("security groups", Some(groups.join(",")));
        if let Some(m) = d.metadata_options() {
            put("IMDS tokens", m.http_tokens().map(|t| t.as_str().to_string()));
            put("IMDS hop limit", m.http_put_response_hop_limit().map(|h| h.to_string()));
        }
        for b in d.block_device_mappings() {
            let ebs = b.ebs();
            put(
                "volumes",
                Some(format!(
                    "{} {:?} {:?} {:?} {:?} {:?} {:?}",
                    b.device_name().unwrap_or_default(),
                    ebs.and_then(|e| e.volume_size()),
                    ebs.and_then(|e| e.volume_type()).map(|t| t.as_str().to_string()),
                    ebs.and_then(|e| e.iops()),
                    ebs.and_then(|e| e.throughput()),
                    ebs.and_then(|e| e.encrypted()),
                    ebs.and_then(|e| e.kms_key_id()),
                )),
            );
        }
        put("placement group", d.placement().and_then(|p| p.group_name()).map(str::to_string));
        put("CPU credits", d.credit_specification().and_then(|c| c.cpu_credits()).map(str::to_string));
        put("enclaves", d.enclave_options().and_then(|e| e.enabled()).map(|b| b.to_string()));
        if let Some(c) = d.capacity_reservation_specification() {
            put(
                "capacity reservation",
                Some(format!(
                    "{:?} {:?} {:?}",
                    c.capacity_reservation_preference().map(|p| p.as_str().to_string()),
                    c.capacity_reservation_target().and_then(|t| t.capacity_reservation_id()),
                    c.capacity_reservation_target().and_then(|t| t.capacity_reservation_resource_group_arn()),
                )),
            );
        }
        put(
            "market",
            d.instance_market_options().and_then(|m| m.market_type()).map(|t| t.as_str().to_string()),
        );
        for n in d.network_interfaces() {
            let mut groups: Vec<String> = n.groups().to_vec();
            groups.sort();
            put(
                "network interfaces",
                Some(format!(
                    "{:?} {:?} {:?} {:?} {}",
                    n.device_index(),
                    n.network_card_index(),
                    n.interface_type(),
                    n.associate_public_ip_address(),
                    groups.join(","),
                )),
            );
        }
        // The template's own tags are not its data (moto shows them there; they are compared,
        // and mended, as every resource's tags are).
        for t in d
            .tag_specifications()
            .iter()
            .filter(|t| t.resource_type().map(|r| r.as_str()) != Some("launch-template"))
        {
            let mut tags: Vec<String> = t
                .tags()
                .iter()
                .map(|t| format!("{}={}", t.key().unwrap_or_default(), t.value().unwrap_or_default()))
                .collect();
            tags.sort();
            put(
                "tags",
                Some(format!("{:?}: {}", t.resource_type().map(|r| r.as_str().to_string()), tags.join(","))),
            );
        }
        TemplateView { fields: f }
    }};
}

pub(crate) fn request_view(d: &RequestLaunchTemplateData) -> TemplateView {
    view_of!(d)
}

pub(crate) fn response_view(d: &ResponseLaunchTemplateData) -> TemplateView {
    view_of!(d)
}

impl AwsCloud {
    /// A new version of template `id` (at `latest`) when the file asks for other data: its
    /// number, or `latest` when nothing differs. An AMI eksup looks up itself (an EKS-optimized
    /// SSM parameter) is not compared: AWS publishes new ones, and a group moves to one with
    /// `upgrade nodegroup`, not with every re-run.
    pub(super) async fn converge_launch_template(
        &self,
        ctx: &StepContext<'_>,
        spec: &LaunchTemplateSpec,
        id: &str,
        latest: i64,
        wanted: RequestLaunchTemplateData,
    ) -> anyhow::Result<i64> {
        let versions = self
            .ec2
            .describe_launch_template_versions()
            .launch_template_id(id)
            .versions(latest.to_string())
            .send()
            .await
            .api("DescribeLaunchTemplateVersions")?;
        let Some(have) = versions.launch_template_versions().first().and_then(|v| v.launch_template_data())
        else {
            return Ok(latest);
        };
        let (mut want_view, mut have_view) = (request_view(&wanted), response_view(have));
        let mut wanted = wanted;
        if matches!(spec.image, Some(AmiSource::SsmParameter(_))) {
            want_view = want_view.without("image");
            have_view = have_view.without("image");
            // The new version keeps the image the group runs.
            wanted.image_id = have.image_id().map(str::to_string);
        }
        let changed = want_view.differences(&have_view);
        if changed.is_empty() {
            return Ok(latest);
        }
        let made = self
            .ec2
            .create_launch_template_version()
            .launch_template_id(id)
            .client_token(format!("{}-v{}", self.client_token(ctx), latest + 1))
            .launch_template_data(wanted)
            .send()
            .await
            .api("CreateLaunchTemplateVersion")?;
        let version = made.launch_template_version().and_then(|v| v.version_number()).ok_or(
            CloudError::MissingField { operation: "CreateLaunchTemplateVersion", field: "VersionNumber" },
        )?;
        let what = changed.join(", ");
        let group = ctx.plan.group_of_template(&ctx.step.id).map(|g| (g.name, g.managed));
        let how = match group {
            Some((group, true)) => format!(
                "node group `{group}` keeps version {latest} until `eksup upgrade nodegroup --cluster {} --name {group} --launch-template-version {version}` rolls it",
                ctx.plan.cluster
            ),
            Some((group, false)) => format!(
                "new nodes of `{group}` take it; `eksup upgrade nodegroup --cluster {} --name {group}` rolls the running ones",
                ctx.plan.cluster
            ),
            None => "running nodes keep the version they were launched with".to_string(),
        };
        ctx.progress
            .warn(&format!("launch template `{}` changed ({what}): version {version}; {how}", spec.name));
        Ok(version)
    }
}

#[cfg(test)]
mod tests {
    use aws_sdk_ec2::types::{
        LaunchTemplateBlockDeviceMapping, LaunchTemplateBlockDeviceMappingRequest,
        LaunchTemplateEbsBlockDevice, LaunchTemplateEbsBlockDeviceRequest, VolumeType,
    };

    use super::*;

    #[test]
    fn a_request_and_the_version_ec2_keeps_of_it_compare_equal_until_a_field_changes() {
        let request = |size: i32| {
            RequestLaunchTemplateData::builder()
                .image_id("ami-1")
                .user_data("dXNlcg==")
                .security_group_ids("sg-2")
                .security_group_ids("sg-1")
                .block_device_mappings(
                    LaunchTemplateBlockDeviceMappingRequest::builder()
                        .device_name("/dev/xvda")
                        .ebs(
                            LaunchTemplateEbsBlockDeviceRequest::builder()
                                .volume_size(size)
                                .volume_type(VolumeType::Gp3)
                                .build(),
                        )
                        .build(),
                )
                .build()
        };
        let response = ResponseLaunchTemplateData::builder()
            .image_id("ami-1")
            .user_data("dXNlcg==")
            .security_group_ids("sg-1")
            .security_group_ids("sg-2")
            .block_device_mappings(
                LaunchTemplateBlockDeviceMapping::builder()
                    .device_name("/dev/xvda")
                    .ebs(
                        LaunchTemplateEbsBlockDevice::builder()
                            .volume_size(80)
                            .volume_type(VolumeType::Gp3)
                            .build(),
                    )
                    .build(),
            )
            .build();
        assert!(request_view(&request(80)).differences(&response_view(&response)).is_empty());
        assert_eq!(request_view(&request(100)).differences(&response_view(&response)), vec!["volumes"]);
        let mut other = request(80);
        other.image_id = Some("ami-2".into());
        let other_image = request_view(&other);
        assert_eq!(other_image.differences(&response_view(&response)), vec!["image"]);
        assert!(
            other_image.without("image").differences(&response_view(&response).without("image")).is_empty()
        );
    }
}
