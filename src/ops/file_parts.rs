//! The cluster of a part command (`get|delete <part>`, `get|set|unset labels`): `--cluster`, or
//! the config file that names it and its region; and `delete <part> -f`: the file's entries of
//! that part, chosen by `--include`/`--exclude`, removed one by one after one confirmation.

use anyhow::Result;

use super::Report;
use super::load::{ConfigSource, config_error};
use crate::cli::{ClusterArg, FileSelectArgs};
use crate::cloud::PartRef;
use crate::config::ClusterConfig;
use crate::error::{ExitStatus, UserError};
use crate::output::Printer;
use crate::settings::Settings;

/// The cluster a command acts on, the settings to reach it (the file's region), and the file's
/// config when it came from one.
pub struct Target {
    pub cluster: String,
    pub settings: Settings,
    pub config: Option<ClusterConfig>,
}

/// `--cluster`, or `-f` (read and parsed once: it may be standard input).
pub fn target(arg: &ClusterArg, settings: &Settings, printer: &Printer) -> Result<Target> {
    match (&arg.cluster, &arg.config_file) {
        (Some(cluster), _) => {
            Ok(Target { cluster: cluster.clone(), settings: settings.clone(), config: None })
        }
        (None, Some(path)) => {
            let source = ConfigSource::from_args(Some(path.clone()), None)?;
            let (text, origin) = source.read(settings)?;
            let parsed = crate::config::parse(&text, &origin).map_err(|d| config_error(&d, printer))?;
            let cluster = parsed.config.metadata.name.clone().unwrap_or_default();
            if cluster.is_empty() {
                return Err(UserError::new(format!("`{origin}` names no cluster"))
                    .hint("set `metadata.name`, or use `--cluster`")
                    .into());
            }
            let region = parsed.region().map(str::to_string).or_else(|| settings.region.clone());
            let settings = Settings { region, ..settings.clone() };
            Ok(Target { cluster, settings, config: Some(parsed.config) })
        }
        (None, None) => Err(UserError::usage("which cluster? give `--cluster` or `-f cluster.yaml`").into()),
    }
}

/// A part of a config file that `delete <part> -f` removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilePart {
    Addon,
    FargateProfile,
    AccessEntry,
    Capability,
    IdentityMapping,
    ServiceAccount,
    PodIdentity,
}

impl FilePart {
    /// One of them, and where the file lists them.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Self::Addon => ("add-on", "`addons`"),
            Self::FargateProfile => ("Fargate profile", "`fargateProfiles`"),
            Self::AccessEntry => ("access entry", "`accessConfig.accessEntries`"),
            Self::Capability => ("capability", "`capabilities`"),
            Self::IdentityMapping => ("identity mapping", "`iamIdentityMappings` (by `arn` or `account`)"),
            Self::ServiceAccount => ("service account", "`iam.serviceAccounts`"),
            Self::PodIdentity => ("pod identity association", "`iam.podIdentityAssociations`"),
        }
    }

    /// The keys of the file's entries (names; principal ARNs; `namespace/name`).
    fn keys(self, config: &ClusterConfig) -> Vec<String> {
        let named = |n: &Option<String>| n.clone().filter(|n| !n.is_empty());
        match self {
            Self::Addon => config.addons.iter().flatten().filter_map(|a| named(&a.name)).collect(),
            Self::FargateProfile => {
                config.fargate_profiles.iter().flatten().filter_map(|p| named(&p.name)).collect()
            }
            Self::AccessEntry => config
                .access_config
                .iter()
                .flat_map(|a| a.access_entries.iter().flatten())
                .filter_map(|e| named(&e.principal_arn))
                .collect(),
            Self::Capability => config.capabilities.iter().flatten().filter_map(|c| named(&c.name)).collect(),
            Self::IdentityMapping => config
                .iam_identity_mappings
                .iter()
                .flatten()
                .filter_map(|m| named(&m.arn).or_else(|| named(&m.account)))
                .collect(),
            Self::ServiceAccount => config
                .iam
                .iter()
                .flat_map(|i| i.service_accounts.iter().flatten())
                .filter_map(|sa| {
                    let name = named(&sa.metadata.name)?;
                    let namespace = named(&sa.metadata.namespace).unwrap_or_else(|| "default".into());
                    Some(format!("{namespace}/{name}"))
                })
                .collect(),
            Self::PodIdentity => config
                .iam
                .iter()
                .flat_map(|i| i.pod_identity_associations.iter().flatten())
                .filter_map(|p| Some(format!("{}/{}", named(&p.namespace)?, named(&p.service_account_name)?)))
                .collect(),
        }
    }
}

/// Delete the file's entries of `part` that `select` chooses, after one confirmation.
pub fn delete_from_file(
    part: FilePart,
    target: &Target,
    select: &FileSelectArgs,
    preserve: bool,
    yes: bool,
    timeout: std::time::Duration,
    printer: &Printer,
) -> Result<ExitStatus> {
    let (one, field) = part.words();
    let Some(config) = &target.config else {
        return Err(UserError::usage(format!(
            "which {one}? name it, or give `-f cluster.yaml` to delete the file's"
        ))
        .into());
    };
    let keys: Vec<String> = part
        .keys(config)
        .into_iter()
        .filter(|k| super::nodegroup::matches(k, &select.include, &select.exclude))
        .collect();
    if keys.is_empty() {
        return Err(UserError::new(format!("no {one} of the config matches"))
            .hint(format!("list them in {field}, and check `--include` and `--exclude`"))
            .into());
    }
    let cluster = &target.cluster;
    let list = keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    printer.confirm(&format!("delete from cluster `{cluster}` the config's {one} entries {list}"), yes)?;
    let settings = &target.settings;
    for key in keys {
        match part {
            FilePart::ServiceAccount => {
                let (namespace, name) = key.split_once('/').unwrap_or(("default", key.as_str()));
                super::service_account::delete_service_account(
                    cluster, namespace, name, true, settings, printer,
                )?
                .print(printer)?;
            }
            FilePart::PodIdentity => {
                let (namespace, name) = key.split_once('/').unwrap_or(("default", key.as_str()));
                super::service_account::delete_pod_identity(
                    cluster, namespace, name, true, settings, printer,
                )?
                .print(printer)?;
            }
            _ => {
                let part = match part {
                    FilePart::Addon => PartRef::Addon { name: key, preserve },
                    FilePart::FargateProfile => PartRef::FargateProfile(key),
                    FilePart::AccessEntry => PartRef::AccessEntry(key),
                    FilePart::Capability => PartRef::Capability(key),
                    _ => PartRef::IdentityMapping(key),
                };
                super::parts::delete_part(cluster, part, true, timeout, settings, printer)?.print(printer)?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
