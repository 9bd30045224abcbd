//! ECR as the `repository` commands and `ecr login` see it: read, delete, log in. Creating and
//! converging a repository is a plan step (`ecr.rs`), shared with `create cluster`.

use aws_sdk_ecr::types::Repository;
use base64::Engine as _;
use serde::Serialize;

use super::AwsCloud;
use super::error::{ApiResult as _, OrNotFound as _};
use crate::plan::tags as tag_keys;

/// A repository, for `eksup get repository`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepositoryInfo {
    pub name: String,
    pub uri: String,
    pub arn: String,
    pub image_count: usize,
    pub image_tag_mutability: String,
    pub scan_on_push: bool,
    pub encryption: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kms_key: Option<String>,
    pub lifecycle_policy: bool,
    pub repository_policy: bool,
    /// The cluster it was declared with (`eksup.io/cluster`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    pub created_by_eksup: bool,
}

/// Docker credentials for the account's registry.
#[derive(Debug, Clone)]
pub struct RegistryLogin {
    /// `123456789012.dkr.ecr.us-west-2.amazonaws.com`
    pub registry: String,
    pub username: String,
    pub password: String,
    /// The base64 `user:password`, as Docker's config.json stores it.
    pub auth: String,
}

impl AwsCloud {
    async fn repository_info(&self, repo: &Repository) -> anyhow::Result<RepositoryInfo> {
        let name = repo.repository_name().unwrap_or_default().to_string();
        let arn = repo.repository_arn().unwrap_or_default().to_string();
        let mut image_count = 0;
        let mut token = None;
        loop {
            let out = self
                .ecr
                .list_images()
                .repository_name(&name)
                .set_next_token(token)
                .send()
                .await
                .api("ListImages")?;
            image_count += out.image_ids().len();
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                break;
            }
        }
        let lifecycle = self
            .ecr
            .get_lifecycle_policy()
            .repository_name(&name)
            .send()
            .await
            .api("GetLifecyclePolicy")
            .or_not_found()?
            .is_some_and(|o| o.lifecycle_policy_text.is_some());
        let policy = self
            .ecr
            .get_repository_policy()
            .repository_name(&name)
            .send()
            .await
            .api("GetRepositoryPolicy")
            .or_not_found()?
            .is_some_and(|o| o.policy_text.is_some());
        let tags =
            self.ecr.list_tags_for_resource().resource_arn(&arn).send().await.api("ListTagsForResource")?;
        let tag = |k: &str| tags.tags().iter().find(|t| t.key() == k).map(|t| t.value().to_string());
        let enc = repo.encryption_configuration();
        Ok(RepositoryInfo {
            uri: repo.repository_uri().unwrap_or_default().to_string(),
            arn,
            image_count,
            image_tag_mutability: repo
                .image_tag_mutability()
                .map(|m| m.as_str().to_string())
                .unwrap_or_default(),
            scan_on_push: repo.image_scanning_configuration().is_some_and(|s| s.scan_on_push()),
            encryption: enc
                .map_or_else(|| "AES256".to_string(), |e| e.encryption_type().as_str().to_string()),
            kms_key: enc.and_then(|e| e.kms_key().map(str::to_string)),
            lifecycle_policy: lifecycle,
            repository_policy: policy,
            cluster: tag(tag_keys::CLUSTER).filter(|c| !c.is_empty()),
            created_by_eksup: tag(tag_keys::MANAGED_BY).is_some_and(|v| v == "eksup"),
            name,
        })
    }

    /// The repositories of the registry, or the one named `name` (`None` if it does not exist).
    pub async fn list_repositories(&self, name: Option<&str>) -> anyhow::Result<Vec<RepositoryInfo>> {
        let mut repos = Vec::new();
        let mut token = None;
        loop {
            let out = self
                .ecr
                .describe_repositories()
                .set_repository_names(name.map(|n| vec![n.to_string()]))
                .set_next_token(token)
                .send()
                .await
                .api("DescribeRepositories")
                .or_not_found()?;
            let Some(out) = out else { break };
            repos.extend(out.repositories().iter().cloned());
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                break;
            }
        }
        let mut infos = Vec::with_capacity(repos.len());
        for r in &repos {
            infos.push(self.repository_info(r).await?);
        }
        infos.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(infos)
    }

    /// A Docker login for the account's registry (GetAuthorizationToken).
    pub async fn registry_login(&self) -> anyhow::Result<RegistryLogin> {
        let out = self.ecr.get_authorization_token().send().await.api("GetAuthorizationToken")?;
        let data = out
            .authorization_data()
            .first()
            .ok_or_else(|| anyhow::anyhow!("GetAuthorizationToken returned no authorization data"))?;
        let auth = data.authorization_token().unwrap_or_default().to_string();
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(auth.as_bytes())
            .map_err(|e| anyhow::anyhow!("the registry token is not base64: {e}"))?;
        let decoded = String::from_utf8_lossy(&decoded).to_string();
        let (username, password) = decoded
            .split_once(':')
            .ok_or_else(|| anyhow::anyhow!("the registry token is not `user:password`"))?;
        let endpoint = data.proxy_endpoint().unwrap_or_default();
        let registry = endpoint
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        Ok(RegistryLogin { registry, username: username.to_string(), password: password.to_string(), auth })
    }
}
