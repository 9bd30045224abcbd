//! The cluster config: parse, default, validate. Pure: no IO, no AWS ([`source`] reads from the
//! reader it is given).
//!
//! [`source`] turns the bytes of a file or of standard input into text (at most 4 MiB, UTF-8);
//! [`parse`] turns YAML into a checked [`ClusterConfig`] (every unknown key, unsupported field and
//! wrong type reported at once with its line); [`finish`] applies eksctl's defaults for the chosen
//! zones and validates the result.

mod check;
pub mod defaults;
pub mod diag;
pub mod instance_selector;
mod known;
pub mod regions;
pub mod resolved;
pub mod rules;
mod schema;
pub mod services;
pub mod source;
mod ssh_keys;
pub mod types;
mod validate;
pub mod yaml;
pub mod zones;

use std::sync::OnceLock;

use serde::Serialize;

pub use diag::{Diagnostic, Diagnostics, FlagNames, LocIndex, Severity};
pub use resolved::{ExtraVolume, InstanceOptions};
pub use ssh_keys::read_public_keys;
pub use types::*;
pub use validate::{ASG_METRICS, valid_repository_name, validate_repository};

pub const EKSCTL_API_VERSION: &str = "eksctl.io/v1alpha5";
pub const EKSUP_API_VERSION: &str = "eksup.io/v1alpha1";

/// Which dialect the file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Format {
    /// `eksctl.io/v1alpha5`: eksctl's format, unchanged.
    Eksctl,
    /// `eksup.io/v1alpha1`: eksctl's fields plus eksup's extensions.
    Eksup,
}

/// A config that parsed and passed the checks that need no defaults.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub config: ClusterConfig,
    pub format: Format,
    pub index: LocIndex,
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
    /// Errors found while parsing; reported by [`finish`] together with the validation's, so
    /// that every problem is shown at once.
    pub pending: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether eksup must choose the availability zones (the file names none).
    pub fn needs_zones(&self) -> bool {
        let vpc = self.config.vpc.as_ref();
        let subnets = vpc.and_then(|v| v.subnets.as_ref()).is_some_and(|s| {
            s.public.as_ref().is_some_and(|m| !m.is_empty())
                || s.private.as_ref().is_some_and(|m| !m.is_empty())
        });
        !subnets && self.config.availability_zones.as_ref().is_none_or(Vec::is_empty)
    }

    pub fn region(&self) -> Option<&str> {
        self.config.metadata.region.as_deref().filter(|r| !r.is_empty())
    }
}

/// A defaulted, validated config: what the plan is built from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: ClusterConfig,
    pub format: Format,
    pub origin: String,
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    pub fn name(&self) -> &str {
        self.config.metadata.name.as_deref().unwrap_or_default()
    }
    pub fn region(&self) -> &str {
        self.config.metadata.region.as_deref().unwrap_or_default()
    }
}

/// The schema generated from [`types`]: what the loader walks ([`check`]).
fn generated_schema() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::to_value(schemars::schema_for!(ClusterConfig)).unwrap_or_default())
}

/// eksup's JSON Schema of the config for editors (`eksup utils schema`): as strict as the loader.
pub fn schema() -> &'static serde_json::Value {
    static SCHEMA: OnceLock<serde_json::Value> = OnceLock::new();
    SCHEMA.get_or_init(|| schema::editor_schema(generated_schema()))
}

fn diags(origin: &str, items: Vec<Diagnostic>) -> Diagnostics {
    let mut d = Diagnostics { origin: origin.to_string(), items };
    d.sort();
    d
}

/// Parse and check a config. `origin` names the source in messages (a path or `<stdin>`).
pub fn parse(source: &str, origin: &str) -> Result<Parsed, Diagnostics> {
    if source.len() > self::source::MAX_BYTES {
        let d = Diagnostic::error("", "the config is larger than 4 MiB")
            .with_hint("a ClusterConfig is a few kilobytes: check where this text comes from");
        return Err(diags(origin, vec![d]));
    }
    let root = yaml::parse(source).map_err(|e| {
        diags(origin, vec![Diagnostic::error("", format!("invalid YAML: {}", e.message)).at(e.loc)])
    })?;
    let mut items = Vec::new();
    if !matches!(root.value, yaml::Value::Map(_)) {
        return Err(diags(
            origin,
            vec![
                Diagnostic::error("", format!("expected a ClusterConfig mapping, found {}", root.kind()))
                    .at(root.loc)
                    .with_hint(
                        "start the file with `apiVersion: eksctl.io/v1alpha5` and `kind: ClusterConfig`",
                    ),
            ],
        ));
    }
    let format = match root.get("apiVersion") {
        None => {
            items.push(Diagnostic::error("apiVersion", "must be set").at(root.loc).with_hint(format!(
                "add `apiVersion: {EKSCTL_API_VERSION}` (or `{EKSUP_API_VERSION}` for eksup's extensions)"
            )));
            Format::Eksup
        }
        Some(n) => match n.as_str().or(n.raw.as_deref()) {
            Some(EKSCTL_API_VERSION) => Format::Eksctl,
            Some(EKSUP_API_VERSION) => Format::Eksup,
            other => {
                let mut d = Diagnostic::error(
                    "apiVersion",
                    format!("`{}` is not a supported apiVersion", other.unwrap_or("?")),
                )
                .at(n.loc)
                .with_hint(format!("use `{EKSCTL_API_VERSION}` or `{EKSUP_API_VERSION}`"));
                if let Some(o) = other
                    && let Some(m) = diag::did_you_mean(o, [EKSCTL_API_VERSION, EKSUP_API_VERSION])
                {
                    d = d.with_hint(format!("did you mean `{m}`?"));
                }
                items.push(d);
                Format::Eksup
            }
        },
    };
    match root.get("kind") {
        None => items.push(
            Diagnostic::error("kind", "must be set").at(root.loc).with_hint("add `kind: ClusterConfig`"),
        ),
        Some(n) if n.as_str() != Some("ClusterConfig") => items.push(
            Diagnostic::error("kind", format!("`{}` is not supported", n.as_str().unwrap_or("?")))
                .at(n.loc)
                .with_hint("the only kind is `ClusterConfig`"),
        ),
        Some(_) => {}
    }
    if root.get("metadata").is_none() {
        items.push(
            Diagnostic::error("metadata", "must be set")
                .at(root.loc)
                .with_hint("add `metadata:` with `name:` and `region:`"),
        );
    }
    let checked = check::check(&root, generated_schema(), format == Format::Eksctl);
    items.extend(checked.diagnostics);
    let index = checked.index;
    let config: ClusterConfig = match serde_json::from_value(checked.json) {
        Ok(c) => c,
        Err(e) => {
            items.push(Diagnostic::error("", format!("invalid config: {e}")));
            return Err(diags(origin, locate(items, &index)));
        }
    };
    items.extend(validate::validate_raw(&config));
    let (pending, warnings): (Vec<_>, Vec<_>) =
        locate(items, &index).into_iter().partition(Diagnostic::is_error);
    Ok(Parsed { config, format, index, origin: origin.to_string(), warnings, pending })
}

fn locate(items: Vec<Diagnostic>, index: &LocIndex) -> Vec<Diagnostic> {
    items
        .into_iter()
        .map(|mut d| {
            if d.loc.is_none() {
                d.loc = index.find(&d.path);
            }
            d
        })
        .collect()
}

/// Whether `path` is `prefix` or lies under it.
fn under(path: &str, prefix: &str) -> bool {
    path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with(['.', '[']))
}

/// Apply defaults (with `zones` when the file names none, `region` when it has no region) and
/// validate. Returns every problem at once.
pub fn finish(parsed: Parsed, zones: &[String], region: Option<&str>) -> Result<Loaded, Diagnostics> {
    let Parsed { mut config, format, index, origin, mut warnings, pending } = parsed;
    if config.metadata.region.as_deref().is_none_or(str::is_empty) {
        config.metadata.region = region.map(str::to_string);
    }
    warnings.extend(locate(defaults::apply(&mut config, zones), &index));
    let (errors, more_warnings): (Vec<_>, Vec<_>) =
        locate(validate::validate(&config), &index).into_iter().partition(Diagnostic::is_error);
    // A field the parser already refused is not reported again as missing or invalid.
    let mut all: Vec<Diagnostic> = errors
        .into_iter()
        .filter(|e| {
            !pending
                .iter()
                .any(|p| !p.path.is_empty() && (under(&e.path, &p.path) || under(&p.path, &e.path)))
        })
        .collect();
    all.extend(pending);
    if !all.is_empty() {
        return Err(diags(&origin, all));
    }
    warnings.extend(more_warnings);
    Ok(Loaded { config, format, origin, warnings })
}

/// The defaulted config as YAML, in the file's own format.
pub fn to_yaml(config: &ClusterConfig) -> String {
    serde_saphyr::to_string(config).unwrap_or_default()
}

#[cfg(test)]
mod tests;
