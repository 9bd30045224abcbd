//! `eksup create cluster`: load the config, build the plan, print it (`--dry-run`) or apply it.

use std::io::Read as _;

use anyhow::{Context as _, Result};

use crate::cli::{ConfigFileArg, CreateClusterArgs, QuickClusterArgs};
use crate::config::{self, Diagnostics, Loaded, Parsed, zones};
use crate::error::{ExitStatus, UserError};
use crate::output::{OutputFormat, Printer};
use crate::plan::{self, PlanOptions, estimate, render};
use crate::settings::Settings;

pub fn create_cluster(args: CreateClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let (text, origin) = read_config(&args.file, &args.quick, settings)?;
    let loaded = load(&text, &origin, settings, printer, args.dry_run)?;
    let plan = plan::build(&loaded, &PlanOptions { write_kubeconfig: args.kubeconfig.write_kubeconfig });
    plan.check().context("eksup built an inconsistent plan; this is a bug, please report it")?;
    if args.dry_run {
        match args.output {
            None | Some(OutputFormat::Table) => printer.data(&render::tree(&plan)),
            Some(OutputFormat::Yaml) => printer.data(&config::to_yaml(&loaded.config)),
            Some(OutputFormat::Json) => {
                let cp = estimate::critical_path(&plan);
                let doc = serde_json::json!({
                    "plan": plan,
                    "criticalPath": cp,
                    "estimatedSeconds": cp.total.as_secs(),
                });
                printer.data(&serde_json::to_string_pretty(&doc)?);
            }
        }
        return Ok(ExitStatus::Success);
    }
    Err(UserError::usage("creating clusters is not implemented yet")
        .hint("run with `--dry-run` to see the plan")
        .into())
}

pub fn print_schema(printer: &Printer) -> Result<ExitStatus> {
    printer.data(&serde_json::to_string_pretty(config::schema())?);
    Ok(ExitStatus::Success)
}

/// The config text and its name for messages: the file, standard input, or the quick flags.
pub fn read_config(
    file: &ConfigFileArg,
    quick: &QuickClusterArgs,
    settings: &Settings,
) -> Result<(String, String)> {
    match &file.config_file {
        Some(path) if path.as_os_str() == "-" => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("failed to read the config from standard input")?;
            Ok((text, "<stdin>".into()))
        }
        Some(path) => {
            if quick_flags_used(quick) {
                return Err(UserError::usage("cluster flags cannot be used with --config-file/-f")
                    .hint("put the settings in the config file, or drop `-f`")
                    .into());
            }
            let text = std::fs::read_to_string(path).map_err(|e| {
                UserError::new(format!("cannot read `{}`: {e}", path.display()))
                    .hint("check the path given to `-f`")
            })?;
            Ok((text, path.display().to_string()))
        }
        None => Ok((quick_config(quick, settings)?, "<flags>".into())),
    }
}

fn quick_flags_used(q: &QuickClusterArgs) -> bool {
    q.name.is_some()
        || q.version.is_some()
        || !q.tags.is_empty()
        || !q.zones.is_empty()
        || q.with_oidc
        || q.without_nodegroup
        || q.nodegroup_name.is_some()
        || q.node_type.is_some()
        || q.nodes.is_some()
        || q.nodes_min.is_some()
        || q.nodes_max.is_some()
        || q.node_volume_size.is_some()
        || q.node_volume_type.is_some()
        || q.node_ami_family.is_some()
        || q.node_private_networking
        || q.spot
        || !q.instance_types.is_empty()
        || q.vpc_cidr.is_some()
        || q.vpc_nat_mode.is_some()
        || q.fargate
        || !q.managed
}

/// The config the quick flags describe, as the YAML a user would write.
fn quick_config(q: &QuickClusterArgs, settings: &Settings) -> Result<String> {
    let Some(name) = &q.name else {
        return Err(UserError::usage("a cluster needs a name: give `--name` or a config file with `-f`")
            .hint("e.g. `eksup create cluster --name demo --region us-west-2 --dry-run`")
            .into());
    };
    let region = settings.region.clone().or_else(env_region);
    let mut meta = serde_json::json!({ "name": name });
    if let Some(r) = region {
        meta["region"] = r.into();
    }
    if let Some(v) = &q.version {
        meta["version"] = v.clone().into();
    }
    if !q.tags.is_empty() {
        let mut tags = serde_json::Map::new();
        for t in &q.tags {
            let (k, v) = t.split_once('=').ok_or_else(|| {
                UserError::usage(format!("tag `{t}` is not `key=value`"))
                    .hint("write tags like `--tags team=infra,env=dev`")
            })?;
            tags.insert(k.to_string(), v.into());
        }
        meta["tags"] = tags.into();
    }
    let mut doc = serde_json::json!({ "apiVersion": config::EKSCTL_API_VERSION, "kind": "ClusterConfig", "metadata": meta });
    if !q.zones.is_empty() {
        doc["availabilityZones"] = q.zones.clone().into();
    }
    if q.with_oidc {
        doc["iam"] = serde_json::json!({ "withOIDC": true });
    }
    if q.vpc_cidr.is_some() || q.vpc_nat_mode.is_some() {
        let mut vpc = serde_json::Map::new();
        if let Some(c) = &q.vpc_cidr {
            vpc.insert("cidr".into(), c.clone().into());
        }
        if let Some(n) = &q.vpc_nat_mode {
            vpc.insert("nat".into(), serde_json::json!({ "gateway": n }));
        }
        doc["vpc"] = vpc.into();
    }
    if !q.without_nodegroup && !q.fargate {
        let mut ng = serde_json::Map::new();
        ng.insert("name".into(), q.nodegroup_name.clone().unwrap_or_else(|| "ng-1".into()).into());
        if !q.instance_types.is_empty() && q.managed {
            ng.insert("instanceTypes".into(), q.instance_types.clone().into());
        } else if let Some(t) = &q.node_type {
            ng.insert("instanceType".into(), t.clone().into());
        }
        for (k, v) in [("desiredCapacity", q.nodes), ("minSize", q.nodes_min), ("maxSize", q.nodes_max)] {
            if let Some(v) = v {
                ng.insert(k.into(), v.into());
            }
        }
        if let Some(s) = q.node_volume_size {
            ng.insert("volumeSize".into(), s.into());
        }
        if let Some(t) = &q.node_volume_type {
            ng.insert("volumeType".into(), t.clone().into());
        }
        if let Some(f) = &q.node_ami_family {
            ng.insert("amiFamily".into(), f.clone().into());
        }
        if q.node_private_networking {
            ng.insert("privateNetworking".into(), true.into());
        }
        if q.spot && q.managed {
            ng.insert("spot".into(), true.into());
        }
        let key = if q.managed { "managedNodeGroups" } else { "nodeGroups" };
        doc[key] = serde_json::json!([ng]);
    }
    if q.fargate {
        doc["fargateProfiles"] = serde_json::json!([{ "name": "fp-default", "selectors": [{ "namespace": "default" }, { "namespace": "kube-system" }] }]);
    }
    Ok(serde_json::to_string_pretty(&doc)?)
}

fn env_region() -> Option<String> {
    ["AWS_REGION", "AWS_DEFAULT_REGION"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
}

/// Print a config's problems and turn them into the command's error.
pub fn config_error(d: &Diagnostics, printer: &Printer) -> anyhow::Error {
    for item in &d.items {
        printer.stderr(&item.render(&d.origin));
    }
    UserError::new(format!("{d}")).hint("fix the problems above and run the command again").into()
}

/// Parse, choose zones, default and validate: the config a command works on.
pub fn load(
    text: &str,
    origin: &str,
    settings: &Settings,
    printer: &Printer,
    dry_run: bool,
) -> Result<Loaded> {
    let parsed = config::parse(text, origin).map_err(|d| config_error(&d, printer))?;
    for w in &parsed.warnings {
        printer.stderr(&w.render(origin));
    }
    let region = parsed.region().map(str::to_string).or_else(|| settings.region.clone()).or_else(env_region);
    let zones = if parsed.needs_zones() && parsed.pending.is_empty() {
        match &region {
            Some(r) => choose_zones(&parsed, r, settings, printer, dry_run)?,
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let loaded = config::finish(parsed, &zones, region.as_deref()).map_err(|d| config_error(&d, printer))?;
    for w in &loaded.warnings {
        printer.stderr(&w.render(origin));
    }
    Ok(loaded)
}

fn choose_zones(
    parsed: &Parsed,
    region: &str,
    settings: &Settings,
    printer: &Printer,
    dry_run: bool,
) -> Result<Vec<String>> {
    let _ = parsed;
    if dry_run && !crate::cloud::credentials_configured(settings) {
        let z = zones::assumed(region);
        printer.warn(&format!("no AWS credentials: assuming zones `{}` for the dry-run", z.join("`, `")));
        return Ok(z);
    }
    let rt = super::runtime()?;
    let found = rt.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, Some(region)).await;
        crate::cloud::availability_zones(&crate::cloud::quick(&sdk)).await
    });
    match found {
        Ok(available) => zones::pick(region, &available).map_err(|e| {
            UserError::new(e).hint("name the zones with `availabilityZones:` in the config").into()
        }),
        Err(e) if dry_run => {
            let z = zones::assumed(region);
            printer.warn(&format!(
                "could not ask AWS for zones ({e:#}): assuming `{}` for the dry-run",
                z.join("`, `")
            ));
            Ok(z)
        }
        Err(e) => Err(e.context(
            UserError::new("cannot choose availability zones")
                .hint("check your AWS credentials and region, or name the zones with `availabilityZones:`"),
        )),
    }
}
