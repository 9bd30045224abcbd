//! `utils nodegroup-health`, `utils describe-addon-versions` and `utils describe-cluster-versions`:
//! AWS's answers, a table by default, `-o json|yaml` for scripts.

use super::Report;
use super::get::print;
use crate::cloud::{self, AddonVersion, AwsCloud, ClusterVersion, NodegroupHealth};
use crate::error::UserError;
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;
use anyhow::Result;

#[derive(Debug)]
pub struct HealthReport {
    pub health: NodegroupHealth,
    pub output: OutputFormat,
}

impl Report for HealthReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let h = &self.health;
        if self.output == OutputFormat::Table && h.issues.is_empty() {
            printer.info(&format!("node group `{}` is `{}` with no health issues", h.nodegroup, h.status));
            return Ok(());
        }
        let rows = h
            .issues
            .iter()
            .map(|i| vec![i.code.clone(), i.message.clone(), i.resource_ids.join(",")])
            .collect();
        print(printer, self.output, h, &["CODE", "MESSAGE", "RESOURCES"], rows)
    }
}

/// The health EKS reports for a managed node group.
pub fn nodegroup_health(
    cluster: &str,
    name: &str,
    output: OutputFormat,
    settings: &Settings,
) -> Result<HealthReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let health = AwsCloud::new(&sdk).nodegroup_health(cluster, name).await?.ok_or_else(|| {
            UserError::new(format!("no managed node group `{name}` in cluster `{cluster}`"))
                .hint(format!("list them with `eksup get nodegroup --cluster {cluster}`"))
        })?;
        Ok(HealthReport { health, output })
    })
}

#[derive(Debug)]
pub struct AddonVersionsReport {
    pub versions: Vec<AddonVersion>,
    pub kubernetes_version: String,
    pub output: OutputFormat,
}

impl Report for AddonVersionsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.output == OutputFormat::Table && self.versions.is_empty() {
            printer.info(&format!("no add-on versions for Kubernetes `{}`", self.kubernetes_version));
            return Ok(());
        }
        let rows = self
            .versions
            .iter()
            .map(|v| {
                vec![
                    v.addon.clone(),
                    v.version.clone(),
                    if v.default { "yes".into() } else { String::new() },
                    v.kind.clone(),
                    v.owner.clone(),
                    v.publisher.clone(),
                    v.default_namespace.clone(),
                ]
            })
            .collect();
        let header = ["ADDON", "VERSION", "DEFAULT", "TYPE", "OWNER", "PUBLISHER", "DEFAULT NAMESPACE"];
        print(printer, self.output, &self.versions, &header, rows)
    }
}

/// The add-on versions EKS offers for a Kubernetes version, or for the version of `cluster`.
pub fn addon_versions(
    kubernetes_version: Option<&str>,
    cluster: Option<&str>,
    name: Option<&str>,
    offer: &crate::plan::AddonOffer,
    output: OutputFormat,
    settings: &Settings,
) -> Result<AddonVersionsReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let k8s = match (kubernetes_version, cluster) {
            (Some(v), _) => v.to_string(),
            (None, Some(c)) => aws.describe_cluster(c).await?.and_then(|c| c.version).ok_or_else(|| {
                UserError::new(format!("no cluster `{c}`")).hint("list them with `eksup get cluster`")
            })?,
            (None, None) => {
                return Err(UserError::usage("give `--kubernetes-version` or `--cluster`").into());
            }
        };
        let versions = aws.offered_addon_versions_of(&k8s, name, offer).await?;
        Ok(AddonVersionsReport { versions, kubernetes_version: k8s, output })
    })
}

#[derive(Debug)]
pub struct ClusterVersionsReport {
    pub versions: Vec<ClusterVersion>,
    pub output: OutputFormat,
}

impl Report for ClusterVersionsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let rows = self
            .versions
            .iter()
            .map(|v| {
                let date = |d: &Option<String>| d.clone().unwrap_or_default();
                vec![
                    v.version.clone(),
                    v.status.clone(),
                    if v.default { "yes".into() } else { String::new() },
                    date(&v.release_date),
                    date(&v.end_of_standard_support),
                    date(&v.end_of_extended_support),
                ]
            })
            .collect();
        let header =
            ["VERSION", "STATUS", "DEFAULT", "RELEASED", "STANDARD SUPPORT UNTIL", "EXTENDED SUPPORT UNTIL"];
        print(printer, self.output, &self.versions, &header, rows)
    }
}

/// The Kubernetes versions EKS offers, newest first: all, only the default one, or those in
/// one support status.
pub fn cluster_versions(
    default_only: bool,
    status: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<ClusterVersionsReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let mut versions = AwsCloud::new(&sdk).cluster_versions().await?;
        versions.retain(|v| (!default_only || v.default) && status.is_none_or(|s| v.status == s));
        Ok(ClusterVersionsReport { versions, output })
    })
}
