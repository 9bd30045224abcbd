//! `get orphans` and `delete orphans`: what eksup left behind for clusters that no longer exist
//! (a create killed before its control plane, a control plane deleted behind eksup's back).

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Result;

use super::delete_cluster::{DeleteClusterOptions, DeleteClusterReport};
use super::load::ClusterRef;
use super::{Report, RunEnd};
use crate::cloud::{self, AwsCloud, Orphan};
use crate::error::UserError;
use crate::output::{OutputFormat, Printer, table};
use crate::settings::Settings;

/// What `get orphans` found, by cluster.
#[derive(Debug)]
pub struct OrphansReport {
    pub by_cluster: BTreeMap<String, Vec<Orphan>>,
    pub region: String,
    pub output: OutputFormat,
}

impl Report for OrphansReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let all: Vec<&Orphan> = self.by_cluster.values().flatten().collect();
        match self.output {
            OutputFormat::Json => printer.data(&serde_json::to_string_pretty(&all)?),
            OutputFormat::Yaml => printer.data(&serde_saphyr::to_string(&all)?),
            OutputFormat::Table if all.is_empty() => {
                printer.info(&format!("nothing left behind in `{}`", self.region));
            }
            OutputFormat::Table => {
                let rows = all
                    .iter()
                    .map(|o| vec![o.cluster.clone(), o.kind.to_string(), o.id.clone()])
                    .collect::<Vec<_>>();
                printer.data(&table::render(&["CLUSTER", "KIND", "ID"], &rows));
                for (cluster, list) in &self.by_cluster {
                    printer.info(&format!(
                        "{} resource{} of cluster `{cluster}`, which does not exist: `eksup delete orphans --cluster {cluster} --yes` removes them",
                        list.len(),
                        if list.len() == 1 { "" } else { "s" }
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Every resource in the region eksup tagged for a cluster that does not exist.
pub fn get_orphans(output: OutputFormat, settings: &Settings) -> Result<OrphansReport> {
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let by_cluster = AwsCloud::new(&sdk).find_orphans().await?;
        Ok(OrphansReport { by_cluster, region, output })
    })
}

/// What `delete orphans` is asked to do.
#[derive(Debug, Clone)]
pub struct DeleteOrphansOptions {
    pub cluster: String,
    pub yes: bool,
    pub json: bool,
    pub timeout: Duration,
}

/// What `delete orphans` did: nothing was left, or the deletion's report.
#[derive(Debug)]
pub enum OrphansDeleted {
    NothingLeft { cluster: String, region: String },
    Deleted(Box<DeleteClusterReport>),
}

impl Report for OrphansDeleted {
    fn print(&self, printer: &Printer) -> Result<()> {
        match self {
            Self::NothingLeft { cluster, region } => {
                printer.info(&format!("nothing left behind for cluster `{cluster}` in `{region}`"));
                Ok(())
            }
            Self::Deleted(report) => report.print(printer),
        }
    }

    fn end(self) -> RunEnd {
        match self {
            Self::NothingLeft { .. } => RunEnd::Done,
            Self::Deleted(report) => report.end(),
        }
    }
}

/// Delete what eksup left behind for a cluster that no longer exists: the same ordered delete
/// as `delete cluster`, refused while the cluster itself exists.
pub fn delete_orphans(
    options: &DeleteOrphansOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<OrphansDeleted> {
    let cluster = options.cluster.clone();
    let (exists, left, region) = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let exists = aws.describe_cluster(&cluster).await?.is_some();
        let left = if exists { 0 } else { aws.find_orphans().await?.get(&cluster).map_or(0, Vec::len) };
        anyhow::Ok((exists, left, region))
    })?;
    if exists {
        return Err(UserError::new(format!(
            "cluster `{cluster}` exists in `{region}`: what it holds is not left behind"
        ))
        .hint(format!("delete the cluster with `eksup delete cluster --name {cluster}`"))
        .into());
    }
    if left == 0 {
        return Ok(OrphansDeleted::NothingLeft { cluster, region });
    }
    let delete = DeleteClusterOptions {
        cluster: ClusterRef::Name(cluster),
        yes: options.yes,
        no_wait: false,
        delete_repositories: false,
        dry_run: false,
        kubeconfig: None,
        json: options.json,
        timeout: options.timeout,
        timeline: None,
    };
    Ok(OrphansDeleted::Deleted(Box::new(super::delete_cluster::delete_cluster(&delete, settings, printer)?)))
}
