//! ECR repositories (an eksup extension): they depend on nothing and start with the network.

use serde_json::json;

use super::{Builder, slug};
use crate::config::defaults::{DEFAULT_ECR_ENCRYPTION, DEFAULT_IMAGE_TAG_MUTABILITY, DEFAULT_SCAN_ON_PUSH};
use crate::config::{EcrLifecyclePolicy, EcrRepositoryConfig};
use crate::plan::*;

impl Builder<'_> {
    pub(super) fn repositories(&mut self) {
        let cfg = self.cfg;
        for repo in cfg.ecr.iter().flat_map(|e| e.repositories.iter().flatten()) {
            let spec = repository_spec(repo, self.partition);
            let name = spec.repository_name.clone();
            self.add(
                repository_step_id(&name),
                format!("ECR repository `{name}`"),
                Resource::EcrRepository(Box::new(spec)),
                vec![],
            );
        }
    }
}

fn lifecycle_document(l: &EcrLifecyclePolicy) -> Option<String> {
    if let Some(raw) = &l.raw {
        return Some(raw.clone());
    }
    let mut rules = Vec::new();
    if let Some(days) = l.expire_untagged_after_days {
        rules.push(json!({"rulePriority": rules.len() + 1, "description": format!("expire untagged images after {days} days"),
            "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": days},
            "action": {"type": "expire"}}));
    }
    if let Some(n) = l.keep_last_images {
        rules.push(
            json!({"rulePriority": rules.len() + 1, "description": format!("keep the last {n} images"),
            "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": n},
            "action": {"type": "expire"}}),
        );
    }
    (!rules.is_empty()).then(|| json!({ "rules": rules }).to_string())
}

/// The step id of a repository (`team/app` -> `ecr-repository-team-app`).
pub fn repository_step_id(name: &str) -> String {
    format!("ecr-repository-{}", slug(name))
}

/// What AWS needs for a declared repository. `repo` may come straight from a command's flags,
/// without [`defaults::apply`](crate::config::defaults::apply): an absent value means the default.
pub fn repository_spec(repo: &EcrRepositoryConfig, partition: &str) -> EcrRepositorySpec {
    let enc = repo.encryption.clone().unwrap_or_default();
    EcrRepositorySpec {
        repository_name: repo.name.clone().unwrap_or_default(),
        image_tag_mutability: repo
            .image_tag_mutability
            .clone()
            .unwrap_or_else(|| DEFAULT_IMAGE_TAG_MUTABILITY.into()),
        scan_on_push: repo.scan_on_push.unwrap_or(DEFAULT_SCAN_ON_PUSH),
        encryption_type: enc.encryption_type.unwrap_or_else(|| DEFAULT_ECR_ENCRYPTION.into()),
        kms_key: enc.kms_key,
        lifecycle_policy: repo.lifecycle_policy.as_ref().and_then(lifecycle_document),
        repository_policy: pull_policy(partition, repo.pull_accounts.as_deref().unwrap_or_default()),
        tags: repo.tags.clone().unwrap_or_default(),
    }
}

/// The repository policy that lets `accounts` pull.
pub fn pull_policy(partition: &str, accounts: &[String]) -> Option<String> {
    if accounts.is_empty() {
        return None;
    }
    let principals: Vec<String> = accounts.iter().map(|a| format!("arn:{partition}:iam::{a}:root")).collect();
    Some(
        json!({"Version": "2012-10-17", "Statement": [{"Sid": "eksup-cross-account-pull", "Effect": "Allow",
            "Principal": {"AWS": principals},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]}]})
        .to_string(),
    )
}
