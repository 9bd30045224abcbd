//! `eksup create|get|delete repository` and `eksup ecr login`.

use anyhow::Result;

use crate::cli::{CreateRepositoryArgs, DeleteRepositoryArgs, EcrLoginArgs, GetRepositoryArgs};
use crate::config::{EcrEncryption, EcrLifecyclePolicy, EcrRepositoryConfig};
use crate::error::ExitStatus;
use crate::ops::{self, repository::parse_tags};
use crate::output::Printer;
use crate::settings::Settings;

pub fn create_repository(
    args: CreateRepositoryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let lifecycle = args.keep_last_images.is_some() || args.expire_untagged_after_days.is_some();
    let repo = EcrRepositoryConfig {
        name: Some(args.name),
        image_tag_mutability: Some(args.image_tag_mutability.as_str().to_string()),
        scan_on_push: Some(args.scan_on_push),
        encryption: Some(EcrEncryption {
            encryption_type: Some(args.encryption.as_str().to_string()),
            kms_key: args.kms_key,
        }),
        lifecycle_policy: lifecycle.then(|| EcrLifecyclePolicy {
            keep_last_images: args.keep_last_images.map(i64::from),
            expire_untagged_after_days: args.expire_untagged_after_days.map(i64::from),
            raw: None,
        }),
        pull_accounts: (!args.pull_accounts.is_empty()).then_some(args.pull_accounts),
        tags: Some(parse_tags(&args.tags)?),
    };
    ops::finish(ops::repository::create_repository(&repo, args.output, settings, printer)?, printer)
}

pub fn get_repository(args: GetRepositoryArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    ops::finish(
        ops::repository::get_repositories(args.name.as_deref(), args.output.output, settings)?,
        printer,
    )
}

pub fn delete_repository(
    args: DeleteRepositoryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report = ops::repository::delete_repository(&args.name, args.force, args.yes, settings, printer)?;
    ops::finish(report, printer)
}

pub fn ecr_login(args: EcrLoginArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let report = ops::repository::ecr_login(args.password_stdin, args.docker_config.as_deref(), settings)?;
    ops::finish(report, printer)
}
