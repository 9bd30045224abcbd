//! Who the caller is (STS GetCallerIdentity), assuming a role (STS AssumeRole), how to reach a
//! cluster (EKS DescribeCluster) and the EKS bearer token: a presigned STS GetCallerIdentity
//! URL, the same token `aws eks get-token` and aws-iam-authenticator produce.

use std::time::{Duration, SystemTime};

use anyhow::{Context, Result};
use aws_config::SdkConfig;
use aws_credential_types::Credentials;
use aws_credential_types::provider::ProvideCredentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign};
use aws_sigv4::sign::v4;
use base64::Engine;

use crate::error::UserError;

/// The prefix of an EKS bearer token.
pub const TOKEN_PREFIX: &str = "k8s-aws-v1.";

/// The header that binds a token to one cluster.
pub const CLUSTER_ID_HEADER: &str = "x-k8s-aws-id";

/// How long the presigned URL is valid (`X-Amz-Expires`); EKS itself accepts the token ~15 min.
pub const PRESIGN_EXPIRES: Duration = Duration::from_secs(60);

/// The caller, from STS GetCallerIdentity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerIdentity {
    pub account: String,
    pub arn: String,
    pub user_id: String,
}

/// STS GetCallerIdentity.
pub async fn caller_identity(sdk: &SdkConfig) -> Result<CallerIdentity> {
    // The first call of a run: a wrong endpoint or no network fails in seconds, not after the
    // thirteen patient attempts the rest of the run makes (unless the user chose the retries).
    let attempts = match sdk.retry_config().map(aws_config::retry::RetryConfig::max_attempts) {
        Some(n) if n != super::MAX_ATTEMPTS => n,
        _ => 3,
    };
    let out = aws_sdk_sts::Client::new(sdk)
        .get_caller_identity()
        .customize()
        .config_override(
            aws_sdk_sts::config::Builder::default()
                .retry_config(aws_config::retry::RetryConfig::standard().with_max_attempts(attempts)),
        )
        .send()
        .await
        .context("failed to find out who the caller is (STS GetCallerIdentity)")?;
    let arn = out.arn().unwrap_or_default().to_string();
    if arn.is_empty() {
        anyhow::bail!("STS GetCallerIdentity returned no ARN");
    }
    Ok(CallerIdentity {
        account: out.account().unwrap_or_default().to_string(),
        arn,
        user_id: out.user_id().unwrap_or_default().to_string(),
    })
}

/// The credentials of the AWS configuration (profile, environment, SSO, ...).
pub async fn credentials(sdk: &SdkConfig) -> Result<Credentials> {
    let no_credentials = || {
        UserError::new("no AWS credentials found")
            .hint("run `aws configure` or `aws sso login`, or set `AWS_PROFILE` or `AWS_ACCESS_KEY_ID`")
    };
    let Some(provider) = sdk.credentials_provider() else { return Err(no_credentials().into()) };
    provider.provide_credentials().await.map_err(|e| anyhow::Error::new(e).context(no_credentials()))
}

/// STS AssumeRole with the credentials of `sdk`; the temporary credentials of the role.
pub async fn assume_role(sdk: &SdkConfig, role_arn: &str, session_name: &str) -> Result<Credentials> {
    let out = aws_sdk_sts::Client::new(sdk)
        .assume_role()
        .role_arn(role_arn)
        .role_session_name(session_name)
        .send()
        .await
        .with_context(|| format!("failed to assume role `{role_arn}` (STS AssumeRole)"))?;
    let c = out
        .credentials()
        .with_context(|| format!("STS AssumeRole of `{role_arn}` returned no credentials"))?;
    let expiry = SystemTime::try_from(*c.expiration()).ok();
    Ok(Credentials::new(
        c.access_key_id(),
        c.secret_access_key(),
        Some(c.session_token().to_string()),
        expiry,
        "eksup-assume-role",
    ))
}

/// The regional STS host that EKS expects in a token.
pub fn sts_host(region: &str) -> String {
    let suffix = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else if region.starts_with("us-isob-") {
        "sc2s.sgov.gov"
    } else if region.starts_with("us-iso-") {
        "c2s.ic.gov"
    } else {
        "amazonaws.com"
    };
    format!("sts.{region}.{suffix}")
}

/// The presigned STS GetCallerIdentity URL for `cluster` (pure computation: no network).
pub fn presign_get_caller_identity(
    credentials: &Credentials,
    cluster: &str,
    region: &str,
    now: SystemTime,
) -> Result<String> {
    let url = format!("https://{}/?Action=GetCallerIdentity&Version=2011-06-15", sts_host(region));
    let identity = credentials.clone().into();
    let mut settings = SigningSettings::default();
    settings.signature_location = SignatureLocation::QueryParams;
    settings.expires_in = Some(PRESIGN_EXPIRES);
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("sts")
        .time(now)
        .settings(settings)
        .build()
        .context("failed to set up request signing")?;
    let signable = SignableRequest::new(
        "GET",
        &url,
        std::iter::once((CLUSTER_ID_HEADER, cluster)),
        SignableBody::Bytes(&[]),
    )
    .context("failed to build the STS request to sign")?;
    let (instructions, _signature) =
        sign(signable, &params.into()).context("failed to sign the STS request")?.into_parts();
    // The signing parameters in aws-sigv4's order, with the signature last (the order
    // `aws eks get-token` writes; the order does not change what is signed).
    let (_headers, mut query) = instructions.into_parts();
    query.sort_by_key(|(name, _)| *name == "X-Amz-Signature");
    let mut url = url;
    for (name, value) in query {
        url.push('&');
        url.push_str(name);
        url.push('=');
        url.push_str(&uri_encode(&value));
    }
    Ok(url)
}

/// SigV4 URI encoding of a query value: everything but `A-Za-z0-9-_.~` as `%XX`.
fn uri_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `k8s-aws-v1.` + unpadded base64url of the presigned URL.
pub fn eks_token(credentials: &Credentials, cluster: &str, region: &str, now: SystemTime) -> Result<String> {
    let url = presign_get_caller_identity(credentials, cluster, region, now)?;
    Ok(format!("{TOKEN_PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(url)))
}

/// How to reach a cluster's API server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterConnection {
    pub name: String,
    pub arn: String,
    pub endpoint: String,
    /// Base64 PEM, as DescribeCluster returns it.
    pub certificate_authority: Option<String>,
    pub region: String,
    pub status: String,
}

/// EKS DescribeCluster, reduced to what a kubeconfig needs. A cluster that does not exist or
/// has no endpoint yet is a [`UserError`] with a hint.
pub async fn describe_cluster_connection(sdk: &SdkConfig, cluster: &str) -> Result<ClusterConnection> {
    let region = sdk.region().map(ToString::to_string).unwrap_or_default();
    let out = match aws_sdk_eks::Client::new(sdk).describe_cluster().name(cluster).send().await {
        Ok(out) => out,
        Err(e) if e.as_service_error().is_some_and(|s| s.is_resource_not_found_exception()) => {
            return Err(UserError::new(format!("cluster `{cluster}` not found in `{region}`"))
                .hint(format!(
                    "list the clusters with `eksup get cluster --region {region}`, or pass `--region`"
                ))
                .into());
        }
        Err(e) => {
            return Err(anyhow::Error::new(e)
                .context(format!("failed to describe cluster `{cluster}` (EKS DescribeCluster)")));
        }
    };
    let c =
        out.cluster().with_context(|| format!("EKS DescribeCluster returned no cluster for `{cluster}`"))?;
    let status = c.status().map(|s| s.as_str().to_string()).unwrap_or_default();
    let Some(endpoint) = c.endpoint().filter(|e| !e.is_empty()) else {
        return Err(UserError::new(format!(
            "cluster `{cluster}` has no API endpoint yet (status `{status}`)"
        ))
        .hint(format!(
            "wait until it is `ACTIVE`, then run `eksup utils write-kubeconfig --cluster {cluster}`"
        ))
        .into());
    };
    Ok(ClusterConnection {
        name: c.name().unwrap_or(cluster).to_string(),
        arn: c.arn().unwrap_or_default().to_string(),
        endpoint: endpoint.to_string(),
        certificate_authority: c.certificate_authority().and_then(|ca| ca.data()).map(str::to_string),
        region,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(token: &str) -> String {
        let b64 = token.strip_prefix(TOKEN_PREFIX).unwrap();
        assert!(!b64.contains('='), "unpadded");
        String::from_utf8(base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64).unwrap()).unwrap()
    }

    #[test]
    fn token_is_a_presigned_get_caller_identity_url() {
        let creds =
            Credentials::new("AKIDEXAMPLE", "secret", Some("session/with+special=".into()), None, "test");
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_311_391);
        let url = decode(&eks_token(&creds, "demo", "us-west-2", now).unwrap());
        assert!(
            url.ends_with(&format!("&X-Amz-Signature={}", &url[url.len() - 64..])),
            "signature last: {url}"
        );
        assert!(url.starts_with(
            "https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&"
        ));
        for part in [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=AKIDEXAMPLE%2F20261122%2Fus-west-2%2Fsts%2Faws4_request",
            "X-Amz-Date=20261122T013631Z",
            "X-Amz-Expires=60",
            "X-Amz-SignedHeaders=host%3Bx-k8s-aws-id",
            "X-Amz-Security-Token=session%2Fwith%2Bspecial%3D",
            "X-Amz-Signature=",
        ] {
            assert!(url.contains(part), "{part} in {url}");
        }
        // Deterministic for the same inputs; bound to the cluster.
        assert_eq!(
            eks_token(&creds, "demo", "us-west-2", now).unwrap(),
            eks_token(&creds, "demo", "us-west-2", now).unwrap()
        );
        assert_ne!(
            eks_token(&creds, "demo", "us-west-2", now).unwrap(),
            eks_token(&creds, "other", "us-west-2", now).unwrap()
        );
    }

    #[test]
    fn sts_hosts() {
        assert_eq!(sts_host("us-west-2"), "sts.us-west-2.amazonaws.com");
        assert_eq!(sts_host("cn-north-1"), "sts.cn-north-1.amazonaws.com.cn");
        let creds = Credentials::new("AKID", "secret", None, None, "test");
        let url = decode(&eks_token(&creds, "demo", "cn-northwest-1", SystemTime::now()).unwrap());
        assert!(url.starts_with("https://sts.cn-northwest-1.amazonaws.com.cn/?"));
        assert!(!url.contains("X-Amz-Security-Token"));
    }
}
