//! The config an operation works on: read it (a file, standard input or the quick flags),
//! parse it, choose the zones, default and validate it.

use std::path::PathBuf;

use anyhow::{Context as _, Result};

use crate::cli::QuickClusterArgs;
use crate::config::{self, Diagnostics, Loaded, zones};
use crate::error::UserError;
use crate::output::Printer;
use crate::settings::Settings;

/// Where the config comes from.
#[derive(Debug, Clone)]
pub enum ConfigSource {
    /// `-f FILE`.
    File(PathBuf),
    /// `-f -`.
    Stdin,
    /// No `-f`: the quick flags of `create cluster` describe the cluster.
    Flags(Box<QuickClusterArgs>),
    /// No `-f`: the flags of `create <part>` describe one part of an existing cluster.
    PartFlags(Box<super::part_flags::FlagConfig>),
}

impl ConfigSource {
    /// `-f` (`None` when not given), and the quick flags of the commands that have them: they
    /// cannot go with a file.
    pub fn from_args(file: Option<PathBuf>, quick: Option<QuickClusterArgs>) -> Result<Self> {
        match (file, quick) {
            (Some(path), _) if path.as_os_str() == "-" => Ok(Self::Stdin),
            (Some(_), Some(q)) if quick_flags_used(&q) => {
                Err(UserError::usage("cluster flags cannot be used with --config-file/-f")
                    .hint("put the settings in the config file, or drop `-f`")
                    .into())
            }
            (Some(path), _) => Ok(Self::File(path)),
            (None, Some(q)) => Ok(Self::Flags(Box::new(q))),
            (None, None) => Err(UserError::usage("give the config file with `-f`").into()),
        }
    }

    /// The flags of a `create <part>` (no file): the config knows the cluster by name only.
    pub fn is_part_flags(&self) -> bool {
        matches!(self, Self::PartFlags(_))
    }

    /// The config text and its name for messages.
    pub fn read(&self, settings: &Settings) -> Result<(String, String)> {
        match self {
            Self::Stdin => {
                let bytes = config::source::read_capped(std::io::stdin().lock())
                    .context("failed to read the config from standard input")?;
                Ok((config::source::decode(bytes, "<stdin>")?, "<stdin>".into()))
            }
            Self::File(path) => {
                // At most 4 MiB + 1 byte is read: `-f /dev/zero` fails at once.
                let bytes = std::fs::File::open(path).and_then(config::source::read_capped).map_err(|e| {
                    UserError::new(format!("cannot read `{}`: {e}", path.display()))
                        .hint("check the path given to `-f`")
                })?;
                let origin = path.display().to_string();
                Ok((config::source::decode(bytes, &origin)?, origin))
            }
            Self::Flags(q) => Ok((quick_config(q, settings)?, "<flags>".into())),
            Self::PartFlags(f) => Ok((f.text()?, "<flags>".into())),
        }
    }

    /// A problem of this config as the user reads it: a flag-built part's names its flag.
    fn render(&self, d: &config::Diagnostic, origin: &str) -> String {
        match self {
            Self::PartFlags(f) => d.render_flags(&f.flags, origin),
            _ => d.render(origin),
        }
    }

    /// Print the config's problems and turn them into the operation's error: a flag-built
    /// part's are the command line's (a usage error).
    fn error(&self, d: &Diagnostics, printer: &Printer) -> anyhow::Error {
        let Self::PartFlags(_) = self else { return config_error(d, printer) };
        for item in &d.items {
            printer.stderr(&self.render(item, &d.origin));
        }
        let n = d.errors().count();
        UserError::usage(format!("the flags have {n} problem{}", if n == 1 { "" } else { "s" }))
            .hint("fix the flags above and run the command again")
            .into()
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
        || !q.node_labels.is_empty()
        || !q.node_zones.is_empty()
        || q.max_pods_per_node.is_some()
        || q.ssh_access
        || q.ssh_public_key.is_some()
        || !q.vpc_private_subnets.is_empty()
        || !q.vpc_public_subnets.is_empty()
        || q.enable_auto_mode
        || q.instance_selector_vcpus.is_some()
        || q.instance_selector_memory.is_some()
        || q.instance_selector_cpu_architecture.is_some()
        || q.instance_selector_gpus.is_some()
        || q.instance_selector_neuron_devices.is_some()
}

/// `key=value` pairs (already checked by the argument parser) as a map.
fn pairs(list: &[String]) -> serde_json::Map<String, serde_json::Value> {
    list.iter().filter_map(|t| t.split_once('=')).map(|(k, v)| (k.to_string(), v.into())).collect()
}

/// The config the quick flags describe, as the YAML a user would write.
fn quick_config(q: &QuickClusterArgs, settings: &Settings) -> Result<String> {
    let Some(name) = &q.name else {
        return Err(UserError::usage("a cluster needs a name: give `--name` or a config file with `-f`")
            .hint("e.g. `eksup create cluster --name demo --region us-west-2 --dry-run`")
            .into());
    };
    let mut meta = serde_json::json!({ "name": name });
    if let Some(r) = settings.region() {
        meta["region"] = r.into();
    }
    if let Some(v) = &q.version {
        meta["version"] = v.clone().into();
    }
    // `--tags` pairs were checked by the argument parser.
    if !q.tags.is_empty() {
        meta["tags"] = pairs(&q.tags).into();
    }
    let mut doc = serde_json::json!({ "apiVersion": config::EKSCTL_API_VERSION, "kind": "ClusterConfig", "metadata": meta });
    if !q.zones.is_empty() {
        doc["availabilityZones"] = q.zones.clone().into();
    }
    if q.with_oidc {
        doc["iam"] = serde_json::json!({ "withOIDC": true });
    }
    let mut vpc = serde_json::Map::new();
    if let Some(c) = &q.vpc_cidr {
        vpc.insert("cidr".into(), c.clone().into());
    }
    if let Some(n) = &q.vpc_nat_mode {
        vpc.insert("nat".into(), serde_json::json!({ "gateway": n.as_str() }));
    }
    // Subnets of an existing VPC, by id (eksup finds their VPC and zones), keyed by id.
    let mut subnets = serde_json::Map::new();
    for (side, ids) in [("private", &q.vpc_private_subnets), ("public", &q.vpc_public_subnets)] {
        if !ids.is_empty() {
            let by_id: serde_json::Map<String, serde_json::Value> =
                ids.iter().map(|id| (id.clone(), serde_json::json!({ "id": id }))).collect();
            subnets.insert(side.into(), by_id.into());
        }
    }
    if !subnets.is_empty() {
        vpc.insert("subnets".into(), subnets.into());
    }
    if !vpc.is_empty() {
        doc["vpc"] = vpc.into();
    }
    if q.enable_auto_mode {
        doc["autoModeConfig"] = serde_json::json!({ "enabled": true });
    }
    if !q.without_nodegroup && !q.fargate && !q.enable_auto_mode {
        let key = if q.managed { "managedNodeGroups" } else { "nodeGroups" };
        doc[key] = serde_json::json!([quick_nodegroup(q)]);
    }
    if q.fargate {
        doc["fargateProfiles"] = serde_json::json!([{ "name": "fp-default", "selectors": [{ "namespace": "default" }, { "namespace": "kube-system" }] }]);
    }
    Ok(serde_json::to_string_pretty(&doc)?)
}

/// The one node group of the quick flags.
fn quick_nodegroup(q: &QuickClusterArgs) -> serde_json::Map<String, serde_json::Value> {
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
    if !q.node_labels.is_empty() {
        ng.insert("labels".into(), pairs(&q.node_labels).into());
    }
    if !q.node_zones.is_empty() {
        ng.insert("availabilityZones".into(), q.node_zones.clone().into());
    }
    if let Some(n) = q.max_pods_per_node {
        ng.insert("maxPodsPerNode".into(), n.into());
    }
    // `--instance-selector-*`: eksctl's `instanceSelector`, EC2 picks the types.
    let mut selector = serde_json::Map::new();
    for (key, value) in [
        ("vCPUs", q.instance_selector_vcpus.map(serde_json::Value::from)),
        ("memory", q.instance_selector_memory.clone().map(serde_json::Value::from)),
        ("cpuArchitecture", q.instance_selector_cpu_architecture.clone().map(serde_json::Value::from)),
        ("gpus", q.instance_selector_gpus.map(serde_json::Value::from)),
        ("neuron_devices", q.instance_selector_neuron_devices.map(serde_json::Value::from)),
    ] {
        if let Some(v) = value {
            selector.insert(key.into(), v);
        }
    }
    if !selector.is_empty() {
        ng.insert("instanceSelector".into(), selector.into());
    }
    if q.ssh_access || q.ssh_public_key.is_some() {
        let mut ssh = serde_json::Map::new();
        ssh.insert("allow".into(), true.into());
        // As eksctl: a file there is imported; anything else names an EC2 key pair.
        if let Some(key) = &q.ssh_public_key {
            let home = std::env::home_dir();
            let path = match (key.strip_prefix("~/"), &home) {
                (Some(rest), Some(h)) => h.join(rest),
                _ => std::path::PathBuf::from(key),
            };
            let field = if path.is_file() { "publicKeyPath" } else { "publicKeyName" };
            ssh.insert(field.into(), key.clone().into());
        }
        ng.insert("ssh".into(), ssh.into());
    }
    ng
}

/// Print a config's problems and turn them into the operation's error.
pub fn config_error(d: &Diagnostics, printer: &Printer) -> anyhow::Error {
    for item in &d.items {
        printer.stderr(&item.render(&d.origin));
    }
    UserError::new(format!("{d}")).hint("fix the problems above and run the command again").into()
}

/// Read, parse, choose zones, default and validate: the config an operation works on.
/// A dry run may assume zones when AWS cannot be asked.
pub fn load(source: &ConfigSource, settings: &Settings, printer: &Printer, dry_run: bool) -> Result<Loaded> {
    let (text, origin) = source.read(settings)?;
    let mut parsed = config::parse(&text, &origin).map_err(|d| source.error(&d, printer))?;
    config::read_public_keys(&mut parsed, std::env::home_dir().as_deref(), |p| {
        let bytes = config::source::read_capped(std::fs::File::open(p)?)?;
        String::from_utf8(bytes)
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
    });
    for w in &parsed.warnings {
        printer.stderr(&source.render(w, &origin));
    }
    let region = parsed.region().map(str::to_string).or_else(|| settings.region());
    let zones = match &region {
        // A part made from flags is made in the cluster's network as it is: the zones the
        // defaults need are not asked for (`part_flags::detach`).
        Some(r) if matches!(source, ConfigSource::PartFlags(_)) => zones::assumed(r),
        Some(r) if parsed.needs_zones() && parsed.pending.is_empty() => {
            choose_zones(r, settings, printer, dry_run)?
        }
        _ => Vec::new(),
    };
    if let Some(r) = &region {
        let cluster_zones =
            parsed.config.availability_zones.clone().filter(|z| !z.is_empty()).unwrap_or(zones.clone());
        let selections = config::instance_selector::selections(&parsed.config, &cluster_zones);
        if !selections.is_empty() && parsed.pending.is_empty() {
            select_instance_types(&mut parsed, selections, r, settings, printer, dry_run)?;
        }
    }
    let loaded = config::finish(parsed, &zones, region.as_deref()).map_err(|d| source.error(&d, printer))?;
    for w in &loaded.warnings {
        printer.stderr(&source.render(w, &origin));
    }
    Ok(loaded)
}

/// Ask EC2 for the instance types of each `instanceSelector` and put them in the config. A
/// dry-run without AWS shows the selectors' criteria instead, with a warning.
fn select_instance_types(
    parsed: &mut config::Parsed,
    selections: Vec<config::instance_selector::Selection>,
    region: &str,
    settings: &Settings,
    printer: &Printer,
    dry_run: bool,
) -> Result<()> {
    let names = || selections.iter().map(|s| format!("`{}`", s.name)).collect::<Vec<_>>().join(", ");
    if dry_run && !crate::cloud::credentials_configured(settings) {
        printer.warn(&format!(
            "no AWS credentials: the dry-run shows the instance selectors of {}, not the types EC2 would choose",
            names()
        ));
        return Ok(());
    }
    let found = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, Some(region)).await?;
        let sdk = if dry_run { crate::cloud::quick(&sdk) } else { sdk };
        let mut found = Vec::new();
        for s in &selections {
            found.push(crate::cloud::instance_types_matching(&sdk, &s.criteria, &s.zones).await?);
        }
        anyhow::Ok(found)
    });
    let found = match found {
        Ok(found) => found,
        Err(e) if dry_run => {
            printer.warn(&format!(
                "could not ask EC2 for instance types ({e:#}): the dry-run shows the instance selectors of {}",
                names()
            ));
            return Ok(());
        }
        Err(e) => {
            return Err(e.context(
                UserError::new("cannot choose the instance types of `instanceSelector`")
                    .hint("check your AWS credentials and region, or name the types"),
            ));
        }
    };
    let mut problems = Vec::new();
    for (s, types) in selections.iter().zip(found) {
        if let Err((message, hint)) = config::instance_selector::apply(&mut parsed.config, s, types) {
            let path = format!("{}.instanceSelector", s.path);
            let loc = parsed.index.find(&path);
            let mut d = config::Diagnostic::error(path, message).with_hint(hint);
            d.loc = loc;
            problems.push(d);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(config_error(&Diagnostics { origin: parsed.origin.clone(), items: problems }, printer))
    }
}

fn choose_zones(region: &str, settings: &Settings, printer: &Printer, dry_run: bool) -> Result<Vec<String>> {
    if dry_run && !crate::cloud::credentials_configured(settings) {
        let z = zones::assumed(region);
        printer.warn(&format!("no AWS credentials: assuming zones `{}` for the dry-run", z.join("`, `")));
        return Ok(z);
    }
    let found = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, Some(region)).await?;
        crate::cloud::availability_zones(&if dry_run { crate::cloud::quick(&sdk) } else { sdk }).await
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

/// Which cluster: a name, or the config file that names it.
#[derive(Debug, Clone)]
pub enum ClusterRef {
    Name(String),
    Config(ConfigSource),
}

/// A cluster as a command names it: from `--name`, or a config file's `metadata`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    /// The config's region (else `--region` and the environment's).
    pub region: Option<String>,
    /// The config's `metadata.version`.
    pub version: Option<String>,
    /// The config's `metadata.forceUpdateVersion`.
    pub force: bool,
    /// The config's `metadata.rollbackConfig.timeoutMinutes`.
    pub rollback_minutes: Option<i64>,
}

impl ClusterRef {
    /// `--name` or `-f`, not both, not neither; `example` shows the command in the hint.
    pub fn from_args(file: Option<PathBuf>, name: Option<String>, example: &str) -> Result<Self> {
        match (file, name) {
            (Some(_), Some(_)) => Err(UserError::usage("give either `--name` or `-f`, not both").into()),
            (Some(file), None) => Ok(Self::Config(ConfigSource::from_args(Some(file), None)?)),
            (None, Some(name)) => Ok(Self::Name(name)),
            (None, None) => Err(UserError::usage("which cluster? give `--name` or `-f cluster.yaml`")
                .hint(format!("e.g. `{example}`"))
                .into()),
        }
    }

    /// The cluster's name, region and version; a config file is only parsed (a cluster that
    /// exists is named by it, whatever else it asks for).
    pub fn resolve(&self, settings: &Settings, printer: &Printer) -> Result<Named> {
        let source = match self {
            Self::Name(n) => {
                return Ok(Named {
                    name: n.clone(),
                    region: settings.region.clone(),
                    version: None,
                    force: false,
                    rollback_minutes: None,
                });
            }
            Self::Config(source) => source,
        };
        let (text, origin) = source.read(settings)?;
        let parsed = crate::config::parse(&text, &origin).map_err(|d| config_error(&d, printer))?;
        let name = parsed.config.metadata.name.clone().unwrap_or_default();
        if name.is_empty() {
            return Err(UserError::new(format!("`{origin}` names no cluster"))
                .hint("set `metadata.name`, or use `--name`")
                .into());
        }
        Ok(Named {
            name,
            region: parsed.region().map(str::to_string).or_else(|| settings.region.clone()),
            version: parsed.config.metadata.version.clone(),
            force: parsed.config.metadata.force_update_version == Some(true),
            rollback_minutes: parsed.config.metadata.rollback_config.as_ref().and_then(|r| r.timeout_minutes),
        })
    }
}
