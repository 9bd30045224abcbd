//! `get-token`: an ExecCredential for kubectl.
//!
//! The cached path reads one small file and prints it: no async runtime, no AWS configuration.
//! It is taken when the region is known from `--region`, `AWS_REGION` or `AWS_DEFAULT_REGION`
//! (the kubeconfig eksup writes always passes `--region`). Otherwise the AWS configuration is
//! loaded, the cache is checked again with the resolved region, and on a miss the credentials
//! are resolved (and the role assumed) and a new token is signed and cached.

use std::time::SystemTime;

use anyhow::Result;

use super::Report;
use crate::cloud::{auth, load_sdk_config};
use crate::error::UserError;
use crate::kubeconfig::token::{CacheKey, ExecCredential, TOKEN_LIFETIME, TokenCache};
use crate::output::Printer;
use crate::settings::Settings;

/// The session name of `--role-arn`.
const ROLE_SESSION_NAME: &str = "eksup-get-token";

/// The credential, printed as JSON on stdout.
#[derive(Debug)]
pub struct TokenReport(pub ExecCredential);

impl Report for TokenReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        printer.data(&self.0.to_json());
        Ok(())
    }
}

/// A token for `cluster`, from the cache unless `no_cache`, else signed (as `role_arn`).
pub fn get_token(
    cluster: &str,
    role_arn: Option<&str>,
    no_cache: bool,
    settings: &Settings,
    printer: &Printer,
) -> Result<TokenReport> {
    let cache = if no_cache { None } else { TokenCache::locate() };
    let profile = settings.effective_profile();
    let access_key_hash =
        env_nonempty("AWS_ACCESS_KEY_ID").map(|id| crate::kubeconfig::token::hash_access_key(&id));
    let key_for = |region: &str| CacheKey {
        cluster: cluster.to_string(),
        region: region.to_string(),
        role_arn: role_arn.map(str::to_string),
        profile: profile.clone(),
        access_key_hash: access_key_hash.clone(),
    };
    if let (Some(cache), Some(region)) = (&cache, &settings.region())
        && let Some(credential) = cache.load(&key_for(region), SystemTime::now())
    {
        return Ok(TokenReport(credential));
    }
    let credential = super::runtime()?.block_on(async {
        let sdk = load_sdk_config(settings, None).await?;
        let Some(region) = sdk.region().map(ToString::to_string) else {
            return Err(UserError::new("no AWS region for the token")
                .hint("pass `--region`, or set `AWS_REGION` or a region in the AWS profile")
                .into());
        };
        let key = key_for(&region);
        if let Some(cache) = &cache
            && let Some(credential) = cache.load(&key, SystemTime::now())
        {
            return Ok(credential);
        }
        let credentials = match role_arn {
            Some(role) => auth::assume_role(&sdk, role, ROLE_SESSION_NAME).await?,
            None => auth::credentials(&sdk).await?,
        };
        let now = SystemTime::now();
        let token = auth::eks_token(&credentials, cluster, &region, now)?;
        let mut expiration = now + TOKEN_LIFETIME;
        if let Some(expiry) = credentials.expiry() {
            expiration = expiration.min(expiry);
        }
        let credential = ExecCredential { token, expiration };
        if let Some(cache) = &cache
            && let Err(e) = cache.store(&key, &credential)
        {
            printer.verbose(&format!("could not cache the token in `{}`: {e:#}", cache.dir().display()));
        }
        anyhow::Ok(credential)
    })?;
    Ok(TokenReport(credential))
}

fn env_nonempty(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
