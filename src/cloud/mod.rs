//! The seam to AWS: the only module that names `aws-sdk-*`.
//!
//! eksup reaches AWS (or a local emulator) through the standard settings only: region, profile,
//! credentials and `AWS_ENDPOINT_URL`, all resolved by `aws-config`.

pub mod auth;

use aws_config::{BehaviorVersion, Region, SdkConfig};

use crate::settings::Settings;

/// Load the AWS configuration: `region` (from the config file or `--region`) wins over the
/// environment and profile; `--profile` over `AWS_PROFILE`.
pub async fn load_sdk_config(settings: &Settings, region: Option<&str>) -> SdkConfig {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    if let Some(profile) = &settings.profile {
        loader = loader.profile_name(profile);
    }
    if let Some(region) = region.map(str::to_string).or_else(|| settings.region.clone()) {
        loader = loader.region(Region::new(region));
    }
    loader.load().await
}

/// Whether AWS credentials are visibly configured (environment, profile or shared files), so a
/// dry-run can decide to ask AWS without waiting on the instance-metadata fallback.
pub fn credentials_configured(settings: &Settings) -> bool {
    let env = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if env("AWS_ACCESS_KEY_ID")
        || env("AWS_WEB_IDENTITY_TOKEN_FILE")
        || settings.effective_profile().is_some()
    {
        return true;
    }
    let file = |var: &str, default: &str| {
        std::env::var_os(var)
            .map(std::path::PathBuf::from)
            .or_else(|| std::env::home_dir().map(|h| h.join(".aws").join(default)))
            .is_some_and(|p| p.is_file())
    };
    file("AWS_SHARED_CREDENTIALS_FILE", "credentials") || file("AWS_CONFIG_FILE", "config")
}

/// The region's availability zones as `(name, zone id)`, available and of type
/// `availability-zone` only.
pub async fn availability_zones(sdk: &SdkConfig) -> anyhow::Result<Vec<(String, String)>> {
    use anyhow::Context as _;
    use aws_sdk_ec2::types::Filter;
    let ec2 = aws_sdk_ec2::Client::new(sdk);
    let out = ec2
        .describe_availability_zones()
        .filters(Filter::builder().name("state").values("available").build())
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(aws_sdk_ec2::error::DisplayErrorContext(e).to_string()))
        .context("failed to list the region's availability zones")?;
    Ok(out
        .availability_zones()
        .iter()
        .filter(|z| z.zone_type().is_none_or(|t| t == "availability-zone"))
        .filter_map(|z| Some((z.zone_name()?.to_string(), z.zone_id().unwrap_or_default().to_string())))
        .collect())
}

/// Fail fast (one attempt, short timeouts): for look-ups that have a fallback.
pub fn quick(sdk: &SdkConfig) -> SdkConfig {
    use aws_config::retry::RetryConfig;
    use aws_config::timeout::TimeoutConfig;
    sdk.to_builder()
        .retry_config(RetryConfig::standard().with_max_attempts(1))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(std::time::Duration::from_secs(2))
                .operation_timeout(std::time::Duration::from_secs(5))
                .build(),
        )
        .build()
}
