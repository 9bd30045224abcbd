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
