//! ECR: image repositories, with lifecycle and repository policies.

use anyhow::Context as _;
use aws_sdk_ecr::types::{
    EncryptionConfiguration, EncryptionType, ImageScanningConfiguration, ImageTagMutability, Tag,
};

use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::{AwsCloud, owned_by, step_tags};
use crate::executor::{Action, StepContext, StepResult};
use crate::plan::{EcrRepositorySpec, keys, tags as tag_keys};

/// Two JSON documents are the same once parsed (whitespace and key order aside).
pub fn same_json(a: &str, b: &str) -> bool {
    match (serde_json::from_str::<serde_json::Value>(a), serde_json::from_str::<serde_json::Value>(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

impl AwsCloud {
    pub(super) async fn ensure_repository(
        &self,
        ctx: &StepContext<'_>,
        spec: &EcrRepositorySpec,
    ) -> anyhow::Result<StepResult> {
        let name = spec.repository_name.as_str();
        let existing = if self.absent(ctx, name) {
            None
        } else {
            let look = self.ecr.describe_repositories().repository_names(name);
            look.send()
                .await
                .api("DescribeRepositories")
                .or_not_found()?
                .and_then(|o| o.repositories.and_then(|r| r.into_iter().next()))
        };
        let Some(repo) = existing else {
            return self.create_repository(ctx, spec).await;
        };
        let arn = repo
            .repository_arn()
            .ok_or(CloudError::MissingField { operation: "DescribeRepositories", field: "repositoryArn" })?;
        let tags =
            self.ecr.list_tags_for_resource().resource_arn(arn).send().await.api("ListTagsForResource")?;
        if !owned_by(tags.tags().iter().map(|t| (t.key(), t.value())), &ctx.plan.cluster) {
            return Err(CloudError::NotOwned {
                what: format!("ECR repository `{name}`"),
                cluster: ctx.plan.cluster.clone(),
                tag: tag_keys::CLUSTER,
            }
            .into());
        }
        let mut changed = self.retag_repository(ctx, spec, arn, tags.tags()).await?;
        let mutability = ImageTagMutability::from(spec.image_tag_mutability.as_str());
        if repo.image_tag_mutability() != Some(&mutability) {
            self.ecr
                .put_image_tag_mutability()
                .repository_name(name)
                .image_tag_mutability(mutability)
                .send()
                .await
                .api("PutImageTagMutability")?;
            changed = true;
        }
        if repo.image_scanning_configuration().map(ImageScanningConfiguration::scan_on_push)
            != Some(spec.scan_on_push)
        {
            self.ecr
                .put_image_scanning_configuration()
                .repository_name(name)
                .image_scanning_configuration(
                    ImageScanningConfiguration::builder().scan_on_push(spec.scan_on_push).build(),
                )
                .send()
                .await
                .api("PutImageScanningConfiguration")?;
            changed = true;
        }
        if let Some(enc) = repo.encryption_configuration()
            && (enc.encryption_type().as_str() != spec.encryption_type
                || (spec.kms_key.is_some() && enc.kms_key() != spec.kms_key.as_deref()))
        {
            ctx.progress.warn(&format!(
                "repository `{name}` is encrypted with `{}`, the config says `{}`; encryption cannot be changed in place",
                enc.encryption_type().as_str(),
                spec.encryption_type
            ));
        }
        if let Some(policy) = &spec.lifecycle_policy {
            let current = self
                .ecr
                .get_lifecycle_policy()
                .repository_name(name)
                .send()
                .await
                .api("GetLifecyclePolicy")
                .or_not_found()?
                .and_then(|o| o.lifecycle_policy_text);
            if !current.as_deref().is_some_and(|c| same_json(c, policy)) {
                self.put_lifecycle_policy(name, policy).await?;
                changed = true;
            }
        }
        if let Some(policy) = &spec.repository_policy {
            let current = self
                .ecr
                .get_repository_policy()
                .repository_name(name)
                .send()
                .await
                .api("GetRepositoryPolicy")
                .or_not_found()?
                .and_then(|o| o.policy_text);
            if !current.as_deref().is_some_and(|c| same_json(c, policy)) {
                self.set_repository_policy(name, policy).await?;
                changed = true;
            }
        }
        Ok(StepResult::new(if changed { Action::Updated } else { Action::Existed })
            .with(keys::ARN, arn)
            .with(keys::NAME, name)
            .with("uri", repo.repository_uri().unwrap_or_default()))
    }

    /// Add or update the tags the config now gives repository `arn` (tags set outside eksup
    /// stay). Whether it tagged.
    async fn retag_repository(
        &self,
        ctx: &StepContext<'_>,
        spec: &EcrRepositorySpec,
        arn: &str,
        have: &[Tag],
    ) -> anyhow::Result<bool> {
        let mut want = step_tags(ctx);
        want.extend(spec.tags.clone());
        let missing = crate::plan::drift::tags_to_add(&want, have.iter().map(|t| (t.key(), t.value())))
            .iter()
            .map(|(k, v)| Tag::builder().key(k).value(v).build().context("failed to build an ECR tag"))
            .collect::<anyhow::Result<Vec<_>>>()?;
        if missing.is_empty() {
            return Ok(false);
        }
        self.ecr.tag_resource().resource_arn(arn).set_tags(Some(missing)).send().await.api("TagResource")?;
        Ok(true)
    }

    async fn create_repository(
        &self,
        ctx: &StepContext<'_>,
        spec: &EcrRepositorySpec,
    ) -> anyhow::Result<StepResult> {
        let name = spec.repository_name.as_str();
        let mut all_tags = step_tags(ctx);
        all_tags.extend(spec.tags.clone());
        let tags = all_tags
            .iter()
            .map(|(k, v)| Tag::builder().key(k).value(v).build().context("failed to build an ECR tag"))
            .collect::<anyhow::Result<Vec<_>>>()?;
        let encryption = EncryptionConfiguration::builder()
            .encryption_type(EncryptionType::from(spec.encryption_type.as_str()))
            .set_kms_key(spec.kms_key.clone())
            .build()
            .context("failed to build the encryption configuration")?;
        let out = self
            .ecr
            .create_repository()
            .repository_name(name)
            .image_tag_mutability(ImageTagMutability::from(spec.image_tag_mutability.as_str()))
            .image_scanning_configuration(
                ImageScanningConfiguration::builder().scan_on_push(spec.scan_on_push).build(),
            )
            .encryption_configuration(encryption)
            .set_tags(Some(tags))
            .send()
            .await
            .api("CreateRepository")?;
        self.made(ctx);
        let repo = out
            .repository()
            .ok_or(CloudError::MissingField { operation: "CreateRepository", field: "repository" })?;
        if let Some(policy) = &spec.lifecycle_policy {
            self.put_lifecycle_policy(name, policy).await?;
        }
        if let Some(policy) = &spec.repository_policy {
            self.set_repository_policy(name, policy).await?;
        }
        Ok(StepResult::new(Action::Created)
            .with(keys::ARN, repo.repository_arn().unwrap_or_default())
            .with(keys::NAME, name)
            .with("uri", repo.repository_uri().unwrap_or_default()))
    }

    /// The tags of repository `name`, or `None` if there is no such repository.
    pub(super) async fn repository_tags(
        &self,
        name: &str,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>, CloudError> {
        let found = self.ecr.describe_repositories().repository_names(name).send().await;
        let Some(repo) = found
            .api("DescribeRepositories")
            .or_not_found()?
            .and_then(|o| o.repositories?.into_iter().next())
        else {
            return Ok(None);
        };
        let Some(arn) = repo.repository_arn() else { return Ok(None) };
        let tags =
            self.ecr.list_tags_for_resource().resource_arn(arn).send().await.api("ListTagsForResource")?;
        Ok(Some(tags.tags().iter().map(|t| (t.key().to_string(), t.value().to_string())).collect()))
    }

    async fn put_lifecycle_policy(&self, name: &str, policy: &str) -> anyhow::Result<()> {
        self.ecr
            .put_lifecycle_policy()
            .repository_name(name)
            .lifecycle_policy_text(policy)
            .send()
            .await
            .api("PutLifecyclePolicy")
            .with_context(|| format!("failed to set the lifecycle policy of `{name}`"))?;
        Ok(())
    }

    async fn set_repository_policy(&self, name: &str, policy: &str) -> anyhow::Result<()> {
        self.ecr
            .set_repository_policy()
            .repository_name(name)
            .policy_text(policy)
            .send()
            .await
            .api("SetRepositoryPolicy")
            .with_context(|| format!("failed to set the repository policy of `{name}`"))?;
        Ok(())
    }

    /// Delete repository `name`; with `force`, its images too. `false` if there was none.
    pub async fn delete_repository(&self, name: &str, force: bool) -> anyhow::Result<bool> {
        let out = self
            .ecr
            .delete_repository()
            .repository_name(name)
            .force(force)
            .send()
            .await
            .api("DeleteRepository")
            .or_not_found()?;
        Ok(out.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_documents_compare_by_value() {
        assert!(same_json(r#"{"a": 1, "b": [2]}"#, r#"{"b":[2],"a":1}"#));
        assert!(!same_json(r#"{"a": 1}"#, r#"{"a": 2}"#));
    }
}
