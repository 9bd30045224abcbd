//! SSM: EKS-optimized AMI ids from public parameters.

use super::AwsCloud;
use super::error::{ApiResult as _, CloudError};

impl AwsCloud {
    /// The AMI id stored in the SSM parameter `name`, e.g.
    /// `/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id`.
    pub async fn ami_from_ssm(&self, name: &str) -> anyhow::Result<String> {
        let out = self.ssm.get_parameter().name(name).send().await.api("GetParameter").map_err(|e| {
            let not_found = e.is_not_found();
            let err = anyhow::Error::new(e)
                .context(format!("failed to resolve the AMI from SSM parameter `{name}`"));
            if not_found {
                err.context("no EKS-optimized AMI is published for this version and architecture")
            } else {
                err
            }
        })?;
        let value = out
            .parameter()
            .and_then(|p| p.value())
            .ok_or(CloudError::MissingField { operation: "GetParameter", field: "Parameter.Value" })?;
        Ok(value.to_string())
    }
}
