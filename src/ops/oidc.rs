//! `utils associate-iam-oidc-provider`: the IAM OIDC provider that lets the cluster's service
//! accounts take IAM roles, made by the same step a create with `iam.withOIDC` runs (tagged for
//! the cluster, found again by a re-run, removed by `delete cluster`). Without `--approve` only
//! the plan is shown, as eksctl does.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use super::{Change, Report};
use crate::cloud::{self, AwsCloud};
use crate::error::UserError;
use crate::executor::{self, RunOptions};
use crate::output::Printer;
use crate::plan::{Plan, Resource, Step, Val, keys, tags};
use crate::settings::Settings;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OidcReport {
    pub cluster: String,
    pub issuer: String,
    /// `exists`, `plan` (no `--approve`) or `created`.
    pub action: Change,
    pub provider_arn: Option<String>,
    #[serde(skip)]
    pub json: bool,
}

impl Report for OidcReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let arn = self.provider_arn.as_deref().unwrap_or_default();
        match self.action {
            Change::Exists => {
                printer.info(&format!("cluster `{}` has an IAM OIDC provider already: `{arn}`", self.cluster))
            }
            Change::Plan => {
                printer.info(&format!("would create an IAM OIDC provider for `{}`", self.issuer));
                printer.warn("nothing was changed: run again with `--approve` to create it");
            }
            _ => printer
                .status("Created", &format!("IAM OIDC provider `{arn}` for cluster `{}`", self.cluster)),
        }
        Ok(())
    }
}

/// Show, or create, the IAM OIDC provider of `cluster`.
pub fn associate_oidc_provider(
    cluster: &str,
    approve: bool,
    json: bool,
    settings: &Settings,
    printer: &Printer,
) -> Result<OidcReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let (issuer, provider) = aws.oidc_of(cluster).await?.ok_or_else(|| {
            UserError::new(format!("no cluster `{cluster}`")).hint("list them with `eksup get cluster`")
        })?;
        let issuer = issuer.ok_or_else(|| {
            UserError::new(format!("cluster `{cluster}` has no OIDC issuer yet"))
                .hint("wait until it is `ACTIVE`")
        })?;
        let mut report = OidcReport {
            cluster: cluster.to_string(),
            issuer,
            action: Change::Plan,
            provider_arn: provider,
            json,
        };
        if report.provider_arn.is_some() {
            report.action = Change::Exists;
            return Ok(report);
        }
        if !approve {
            return Ok(report);
        }
        let owner = BTreeMap::from([
            (tags::CLUSTER.to_string(), cluster.to_string()),
            (tags::MANAGED_BY.to_string(), "eksup".to_string()),
        ]);
        let plan = Plan {
            cluster: cluster.to_string(),
            region: region.clone(),
            tags: owner,
            steps: vec![Step {
                id: "oidc-provider".into(),
                description: "IAM OIDC provider for the cluster".into(),
                resource: Resource::OidcProvider { issuer: Val::lit(report.issuer.clone()) },
                depends_on: Vec::new(),
            }],
        };
        let progress =
            crate::output::progress::Progress::new(printer, false, "associating", &format!("`{cluster}`"));
        let outcome = executor::run(&plan, &aws, &progress, RunOptions::default())
            .await
            .map_err(|e| super::bug(e, "eksup built an inconsistent plan"))?;
        progress.finish();
        if let Some((_, e)) = outcome.failed.into_iter().next() {
            return Err(e);
        }
        report.action = Change::Created;
        report.provider_arn = outcome.outputs.get("oidc-provider").and_then(|o| o.get(keys::ARN)).cloned();
        Ok(report)
    })
}
