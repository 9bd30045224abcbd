//! `eksup get cluster` and `eksup get nodegroup`: a table by default, `-o json|yaml` for scripts.

use anyhow::Result;
use serde::Serialize;

use crate::cli::{GetClusterArgs, GetNodegroupArgs};
use crate::cloud::{self, AwsCloud, ClusterInfo, NodegroupInfo, NodegroupKind};
use crate::error::{ExitStatus, UserError};
use crate::output::{OutputFormat, Printer, table};
use crate::settings::Settings;

fn print<T: Serialize>(
    printer: &Printer,
    format: OutputFormat,
    items: &T,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<()> {
    match format {
        OutputFormat::Table => printer.data(&table::render(header, &rows)),
        OutputFormat::Json => printer.data(&serde_json::to_string_pretty(items)?),
        OutputFormat::Yaml => printer.data(&serde_saphyr::to_string(items)?),
    }
    Ok(())
}

pub fn get_cluster(args: GetClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let name = args.name_pos.clone().or_else(|| args.name.clone());
    let rt = super::runtime()?;
    let clusters: Vec<ClusterInfo> = rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let names = match &name {
            Some(n) => vec![n.clone()],
            None => aws.list_clusters().await?,
        };
        let mut out = Vec::new();
        for n in names {
            match aws.describe_cluster(&n).await? {
                Some(c) => out.push(c),
                None if name.is_some() => {
                    return Err(UserError::new(format!("no cluster `{n}` in this region"))
                        .hint("list the region's clusters with `eksup get cluster`, or check `--region`")
                        .into());
                }
                None => {}
            }
        }
        anyhow::Ok(out)
    })?;
    let rows = clusters
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.status.clone(),
                c.version.clone().unwrap_or_default(),
                c.endpoint.clone().unwrap_or_default(),
                if c.created_by_eksup { "yes".into() } else { "no".into() },
            ]
        })
        .collect();
    if clusters.is_empty() && args.output == OutputFormat::Table {
        printer.info("no clusters found in this region");
        return Ok(ExitStatus::Success);
    }
    if let (Some(_), OutputFormat::Json | OutputFormat::Yaml) = (&name, args.output) {
        print(printer, args.output, &clusters[0], &[], Vec::new())?;
    } else {
        print(
            printer,
            args.output,
            &clusters,
            &["NAME", "STATUS", "VERSION", "ENDPOINT", "EKSUP CREATED"],
            rows,
        )?;
    }
    Ok(ExitStatus::Success)
}

pub fn get_nodegroup(args: GetNodegroupArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let rt = super::runtime()?;
    let mut groups: Vec<NodegroupInfo> = rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        if aws.describe_cluster(&args.cluster).await?.is_none() {
            return Err(UserError::new(format!("no cluster `{}` in this region", args.cluster))
                .hint("list the region's clusters with `eksup get cluster`, or check `--region`")
                .into());
        }
        aws.list_nodegroups(&args.cluster).await
    })?;
    if let Some(n) = &args.name {
        groups.retain(|g| &g.name == n);
        if groups.is_empty() {
            return Err(UserError::new(format!("no node group `{n}` in cluster `{}`", args.cluster))
                .hint(format!("list them with `eksup get nodegroup --cluster {}`", args.cluster))
                .into());
        }
    }
    let num = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.name.clone(),
                match g.kind {
                    NodegroupKind::Managed => "managed".into(),
                    NodegroupKind::SelfManaged => "self-managed".into(),
                },
                g.status.clone(),
                num(g.min_size),
                num(g.desired_size),
                num(g.max_size),
                g.instance_types.join(","),
            ]
        })
        .collect();
    print(
        printer,
        args.output,
        &groups,
        &["NAME", "TYPE", "STATUS", "MIN", "DESIRED", "MAX", "INSTANCE TYPES"],
        rows,
    )?;
    Ok(ExitStatus::Success)
}
