//! `utils update-cluster-logging` and `utils update-cluster-vpc-config`: change the control
//! plane in place. Without `--approve` only the change is shown, as eksctl does; a change that
//! is already there calls nothing.

use std::collections::BTreeSet;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::{Change, Report};
use crate::cloud::{self, AwsCloud, ClusterChange, ClusterConfig, LOG_TYPES};
use crate::error::UserError;
use crate::executor::Cancel;
use crate::output::Printer;
use crate::settings::Settings;

/// What to change.
#[derive(Debug, Clone)]
pub enum Wanted {
    /// Log types to turn on and off (`all` expanded).
    Logging { enable: Vec<String>, disable: Vec<String> },
    /// Endpoint access; what is not given stays as it is.
    Endpoints { public: Option<bool>, private: Option<bool>, public_cidrs: Option<Vec<String>> },
    /// `API_AND_CONFIG_MAP` or `API`: EKS moves one way only, from `CONFIG_MAP` towards `API`.
    AuthenticationMode(String),
}

#[derive(Debug, Clone)]
pub struct UpdateConfigOptions {
    pub cluster: String,
    pub wanted: Wanted,
    pub approve: bool,
    pub json: bool,
    pub timeout: Duration,
}

/// What was (or would be) changed.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateConfigReport {
    pub cluster: String,
    /// `unchanged`, `plan` (no `--approve`) or `updated`.
    pub action: Change,
    pub before: ClusterConfig,
    pub after: ClusterConfig,
    /// EKS's id of the update, when one was made.
    pub update_id: Option<String>,
    #[serde(skip)]
    pub json: bool,
}

impl Report for UpdateConfigReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let changes = changes(&self.before, &self.after).join(", ");
        match self.action {
            Change::Unchanged => printer.info(&format!(
                "cluster `{}` has this configuration already: nothing to change",
                self.cluster
            )),
            Change::Plan => {
                printer.info(&format!("would change cluster `{}`: {changes}", self.cluster));
                printer.warn("nothing was changed: run again with `--approve` to apply it");
            }
            _ => printer.status("Updated", &format!("cluster `{}`: {changes}", self.cluster)),
        }
        Ok(())
    }
}

/// What differs, one phrase each: `logging of `api` on`, `public endpoint off`.
fn changes(before: &ClusterConfig, after: &ClusterConfig) -> Vec<String> {
    let mut out = Vec::new();
    for t in after.logging.difference(&before.logging) {
        out.push(format!("logging of `{t}` on"));
    }
    for t in before.logging.difference(&after.logging) {
        out.push(format!("logging of `{t}` off"));
    }
    let onoff = |b: bool| if b { "on" } else { "off" };
    if before.endpoint_public_access != after.endpoint_public_access {
        out.push(format!("public endpoint {}", onoff(after.endpoint_public_access)));
    }
    if before.endpoint_private_access != after.endpoint_private_access {
        out.push(format!("private endpoint {}", onoff(after.endpoint_private_access)));
    }
    if before.public_access_cidrs != after.public_access_cidrs {
        out.push(format!("public access CIDRs `{}`", after.public_access_cidrs.join(",")));
    }
    if before.authentication_mode != after.authentication_mode {
        out.push(format!(
            "authentication mode `{}` -> `{}`",
            before.authentication_mode, after.authentication_mode
        ));
    }
    out
}

/// The log types a flag names: `all` (or `*`) is every type; an unknown one is refused.
pub fn log_types(given: &[String], flag: &str) -> Result<Vec<String>, UserError> {
    let mut out = Vec::new();
    for t in given.iter().flat_map(|g| g.split(',')).map(str::trim).filter(|t| !t.is_empty()) {
        if t == "all" || t == "*" {
            out.extend(LOG_TYPES.iter().map(ToString::to_string));
        } else if let Some(known) = LOG_TYPES.iter().find(|k| k.eq_ignore_ascii_case(t)) {
            out.push((*known).to_string());
        } else {
            return Err(UserError::usage(format!("unknown log type `{t}` in `{flag}`"))
                .hint(format!("use `all` or some of `{}`", LOG_TYPES.join("`, `"))));
        }
    }
    Ok(out)
}

/// The configuration `wanted` asks for, from `now`; refused when it asks for what EKS refuses.
fn target(now: &ClusterConfig, wanted: &Wanted) -> Result<(ClusterConfig, ClusterChange), UserError> {
    let mut after = now.clone();
    match wanted {
        Wanted::Logging { enable, disable } => {
            if let Some(both) = enable.iter().find(|t| disable.contains(t)) {
                return Err(UserError::usage(format!(
                    "log type `{both}` is in both `--enable-types` and `--disable-types`"
                )));
            }
            after.logging.extend(enable.iter().cloned());
            after.logging.retain(|t| !disable.contains(t));
            let enable: BTreeSet<String> = after.logging.difference(&now.logging).cloned().collect();
            let disable: BTreeSet<String> = now.logging.difference(&after.logging).cloned().collect();
            Ok((after, ClusterChange::Logging { enable, disable }))
        }
        Wanted::AuthenticationMode(mode) => {
            const ORDER: [&str; 3] = ["CONFIG_MAP", "API_AND_CONFIG_MAP", "API"];
            let rank = |m: &str| ORDER.iter().position(|o| *o == m);
            let (Some(from), Some(to)) = (rank(&now.authentication_mode), rank(mode)) else {
                return Err(UserError::usage(format!("unknown authentication mode `{mode}`"))
                    .hint("use `API_AND_CONFIG_MAP` or `API`"));
            };
            if to < from {
                return Err(UserError::usage(format!(
                    "EKS cannot go back from `{}` to `{mode}`",
                    now.authentication_mode
                ))
                .hint("the authentication mode moves one way only: CONFIG_MAP, then API_AND_CONFIG_MAP, then API"));
            }
            after.authentication_mode.clone_from(mode);
            Ok((after, ClusterChange::AuthenticationMode(mode.clone())))
        }
        Wanted::Endpoints { public, private, public_cidrs } => {
            after.endpoint_public_access = public.unwrap_or(now.endpoint_public_access);
            after.endpoint_private_access = private.unwrap_or(now.endpoint_private_access);
            if let Some(cidrs) = public_cidrs {
                after.public_access_cidrs.clone_from(cidrs);
            }
            if !after.endpoint_public_access && !after.endpoint_private_access {
                return Err(UserError::usage("the API server needs a public or a private endpoint, or both")
                    .hint("keep `--private-access=true` when turning the public endpoint off"));
            }
            if public_cidrs.is_some() && !after.endpoint_public_access {
                return Err(UserError::usage("`--public-access-cidrs` needs the public endpoint on"));
            }
            let change = ClusterChange::Endpoints {
                public: after.endpoint_public_access,
                private: after.endpoint_private_access,
                public_cidrs: public_cidrs.clone(),
            };
            Ok((after, change))
        }
    }
}

/// Show, or apply and wait for, a change of the control plane.
pub fn update_cluster_config(
    options: &UpdateConfigOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<UpdateConfigReport> {
    let o = options;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let before = aws.cluster_config(&o.cluster).await?.ok_or_else(|| {
            UserError::new(format!("no cluster `{}`", o.cluster)).hint("list them with `eksup get cluster`")
        })?;
        let (after, change) = target(&before, &o.wanted)?;
        let mut report = UpdateConfigReport {
            cluster: o.cluster.clone(),
            action: Change::Plan,
            before,
            after,
            update_id: None,
            json: o.json,
        };
        if report.before == report.after {
            report.action = Change::Unchanged;
            return Ok(report);
        }
        if !o.approve {
            return Ok(report);
        }
        let cancel = Cancel::new();
        super::watch_interrupt(&cancel);
        let progress = crate::output::progress::Progress::new(
            printer,
            false,
            "updating cluster",
            &format!("`{}`", o.cluster),
        );
        let updating = aws.update_cluster_config(&o.cluster, &change, &progress, &cancel);
        let id = tokio::time::timeout(o.timeout, updating).await.map_err(|_| {
            UserError::new("timed out").hint("the update goes on in EKS; see `eksup get cluster`")
        })??;
        progress.finish();
        report.action = Change::Updated;
        report.update_id = Some(id);
        Ok(report)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(logging: &[&str]) -> ClusterConfig {
        ClusterConfig {
            logging: logging.iter().map(ToString::to_string).collect(),
            endpoint_public_access: true,
            endpoint_private_access: false,
            public_access_cidrs: vec!["0.0.0.0/0".into()],
            authentication_mode: "API_AND_CONFIG_MAP".into(),
        }
    }

    #[test]
    fn log_types_expand_all_and_refuse_unknown_ones() {
        assert_eq!(log_types(&["all".into()], "--enable-types").unwrap().len(), 5);
        assert_eq!(log_types(&["api,Audit".into()], "--enable-types").unwrap(), ["api", "audit"]);
        let e = log_types(&["apiserver".into()], "--enable-types").unwrap_err().to_string();
        assert!(e.contains("unknown log type `apiserver` in `--enable-types`"), "{e}");
    }

    #[test]
    fn a_logging_change_names_only_what_differs() {
        let now = config(&["api"]);
        let wanted = Wanted::Logging { enable: vec!["api".into(), "audit".into()], disable: vec![] };
        let (after, change) = target(&now, &wanted).unwrap();
        assert_eq!(changes(&now, &after), ["logging of `audit` on"]);
        assert_eq!(
            change,
            ClusterChange::Logging {
                enable: BTreeSet::from(["audit".to_string()]),
                disable: BTreeSet::new()
            }
        );
        let both = Wanted::Logging { enable: vec!["api".into()], disable: vec!["api".into()] };
        assert!(target(&now, &both).is_err());
    }

    #[test]
    fn the_authentication_mode_moves_one_way() {
        let now = config(&[]);
        let api = Wanted::AuthenticationMode("API".into());
        let (after, _) = target(&now, &api).unwrap();
        assert_eq!(changes(&now, &after), ["authentication mode `API_AND_CONFIG_MAP` -> `API`"]);
        let back = Wanted::AuthenticationMode("CONFIG_MAP".into());
        assert!(target(&now, &back).unwrap_err().to_string().contains("cannot go back"));
        assert!(target(&now, &Wanted::AuthenticationMode("OIDC".into())).is_err());
    }

    #[test]
    fn an_api_server_keeps_one_endpoint() {
        let now = config(&[]);
        let off = Wanted::Endpoints { public: Some(false), private: None, public_cidrs: None };
        assert!(target(&now, &off).unwrap_err().to_string().contains("public or a private endpoint"));
        let private = Wanted::Endpoints { public: Some(false), private: Some(true), public_cidrs: None };
        let (after, _) = target(&now, &private).unwrap();
        assert_eq!(changes(&now, &after), ["public endpoint off", "private endpoint on"]);
    }
}
