//! `update addon`: a new version (a version, `latest` or `default`), configuration values, the
//! service account's role, applied by one UpdateAddon and waited for until the add-on is
//! `ACTIVE` again. A change already there calls nothing.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::{Change, Report};
use crate::cloud::{self, AddonChange, AddonState, AwsCloud};
use crate::error::UserError;
use crate::executor::Cancel;
use crate::output::Printer;
use crate::settings::Settings;

#[derive(Debug, Clone)]
pub struct UpdateAddonOptions {
    pub cluster: String,
    pub name: String,
    /// A version, `latest` or `default`.
    pub version: Option<String>,
    pub configuration_values: Option<String>,
    pub service_account_role_arn: Option<String>,
    pub resolve_conflicts: Option<String>,
    pub json: bool,
    pub timeout: Duration,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAddonReport {
    pub cluster: String,
    pub addon: String,
    /// `unchanged` or `updated`.
    pub action: Change,
    pub before: AddonState,
    pub after: AddonState,
    pub update_id: Option<String>,
    #[serde(skip)]
    pub json: bool,
}

impl Report for UpdateAddonReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let what = format!("add-on `{}` of cluster `{}`", self.addon, self.cluster);
        if self.action == Change::Unchanged {
            printer.info(&format!("{what} is `{}` as asked already: nothing to change", self.before.version));
        } else {
            printer
                .status("Updated", &format!("{what}: `{}` -> `{}`", self.before.version, self.after.version));
        }
        Ok(())
    }
}

/// The numbers of an add-on version, to order them: `v1.19.6-eksbuild.1` is `[1, 19, 6, 1]`.
pub(crate) fn version_key(version: &str) -> Vec<u64> {
    version.split(|c: char| !c.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect()
}

/// Update an add-on in place.
pub fn update_addon(
    options: &UpdateAddonOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<UpdateAddonReport> {
    let o = options;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let (before, k8s) = aws.addon_state(&o.cluster, &o.name).await?.ok_or_else(|| {
            UserError::new(format!("no add-on `{}` in cluster `{}`", o.name, o.cluster))
                .hint(format!("create it in the config's `addons`, or see `eksup utils describe-addon-versions --cluster {}`", o.cluster))
        })?;
        let version = match o.version.as_deref() {
            Some(v @ ("latest" | "default")) => {
                let versions = aws.offered_addon_versions(&k8s, Some(&o.name)).await?;
                let pick = if v == "latest" {
                    versions.iter().max_by_key(|a| version_key(&a.version))
                } else {
                    versions.iter().find(|a| a.default)
                };
                Some(pick.map(|a| a.version.clone()).ok_or_else(|| {
                    UserError::new(format!("EKS offers no version of `{}` for Kubernetes `{k8s}`", o.name))
                })?)
            }
            other => other.map(str::to_string),
        };
        let after = AddonState {
            version: version.clone().unwrap_or_else(|| before.version.clone()),
            configuration_values: o.configuration_values.clone().or_else(|| before.configuration_values.clone()),
            service_account_role_arn: o.service_account_role_arn.clone().or_else(|| before.service_account_role_arn.clone()),
        };
        let mut report = UpdateAddonReport {
            cluster: o.cluster.clone(),
            addon: o.name.clone(),
            action: Change::Unchanged,
            before,
            after,
            update_id: None,
            json: o.json,
        };
        if report.before == report.after {
            return Ok(report);
        }
        let change = AddonChange {
            version: (report.after.version != report.before.version).then(|| report.after.version.clone()),
            configuration_values: o.configuration_values.clone(),
            service_account_role_arn: o.service_account_role_arn.clone(),
            pod_identities: None,
            resolve_conflicts: o.resolve_conflicts.clone(),
        };
        let cancel = Cancel::new();
        super::watch_interrupt(&cancel);
        let progress = crate::output::progress::Progress::new(printer, false, "updating add-on", &format!("`{}`", o.name));
        let updating = aws.update_addon(&o.cluster, &o.name, &change, &progress, &cancel);
        let id = tokio::time::timeout(o.timeout, updating)
            .await
            .map_err(|_| UserError::new("timed out").hint("the update goes on in EKS; see `eksup utils describe-addon-versions`"))??;
        progress.finish();
        report.action = Change::Updated;
        report.update_id = Some(id);
        Ok(report)
    })
}

#[cfg(test)]
mod tests {
    use super::version_key;

    #[test]
    fn add_on_versions_order_by_their_numbers() {
        let mut v = ["v1.19.6-eksbuild.1", "v1.20.4-eksbuild.2", "v1.9.10-eksbuild.1", "v1.20.4-eksbuild.10"];
        v.sort_by_key(|s| version_key(s));
        assert_eq!(
            v,
            ["v1.9.10-eksbuild.1", "v1.19.6-eksbuild.1", "v1.20.4-eksbuild.2", "v1.20.4-eksbuild.10"]
        );
    }
}
