//! `create addon -f`, `create fargateprofile -f`, `create accessentry -f`, `create capability
//! -f`, `create iamidentitymapping -f`: the file's add-ons, Fargate profiles, access entries or capabilities on its existing cluster, through the cluster's plan reduced
//! to them (and what they need, found again where it exists).

use anyhow::Result;

use super::load;
use super::nodegroup::{CreatePartReport, Part, matches, reduce_to, run_part};
use super::service_account::CreateServiceAccountOptions as CreatePartOptions;
use crate::error::UserError;
use crate::output::Printer;
use crate::plan::{self, PlanOptions, Resource, Val};
use crate::settings::Settings;

/// Which part of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// `wait`: eksctl's `--wait`, every add-on made waited for until ACTIVE, CoreDNS and
    /// metrics-server too (which turn ACTIVE only once nodes run them, so a run does not wait
    /// for them otherwise).
    Addon {
        wait: bool,
    },
    FargateProfile,
    AccessEntry,
    Capability,
    IdentityMapping,
}

impl PartKind {
    /// What the run says it makes, one of them, and where the file holds them.
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Addon { .. } => {
                ("add-ons", "add-on", "`addons` (or the default add-ons of a cluster eksup made)")
            }
            Self::FargateProfile => ("Fargate profiles", "Fargate profile", "`fargateProfiles`"),
            Self::AccessEntry => ("access entries", "access entry", "`accessConfig.accessEntries`"),
            Self::Capability => ("capabilities", "capability", "`capabilities`"),
            Self::IdentityMapping => ("identity mappings", "identity mapping", "`iamIdentityMappings`"),
        }
    }

    /// The name a step of this part goes by (`--include` matches it), if it is one.
    fn name_of(self, r: &Resource) -> Option<String> {
        match (self, r) {
            (Self::Addon { .. }, Resource::Addon { addon_name, .. }) => Some(addon_name.clone()),
            (Self::FargateProfile, Resource::FargateProfile(spec)) => Some(spec.profile_name.clone()),
            // The file's entries name their principal; node groups' roles are the node groups'.
            (Self::AccessEntry, Resource::AccessEntry { principal: Val::Lit(arn), .. }) => Some(arn.clone()),
            (Self::Capability, Resource::Capability(spec)) => Some(spec.name.clone()),
            // A mapping's access entry is told from the file's entries by its ARN (see
            // `create_parts`); the others go by `<service>/<namespace>` and their accounts.
            (Self::IdentityMapping, Resource::ServiceAccess { service, namespace, .. }) => {
                Some(format!("{service}/{namespace}"))
            }
            (Self::IdentityMapping, Resource::AccountMappings { accounts, .. }) => Some(accounts.join(",")),
            _ => None,
        }
    }
}

/// Create the file's parts of `kind` (with `include`/`exclude` by name, or principal ARN for
/// access entries) on its existing cluster.
pub fn create_parts(
    kind: PartKind,
    options: &CreatePartOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreatePartReport> {
    super::create_cluster::graph_needs_dry_run(options.output, options.dry_run)?;
    let loaded = load::load(&options.source, settings, printer, options.dry_run)?;
    let full =
        plan::build(&loaded, &PlanOptions { write_kubeconfig: false, wait_nodes: false, account_id: None });
    let mapped: Vec<&String> =
        loaded.config.iam_identity_mappings.iter().flatten().filter_map(|m| m.arn.as_ref()).collect();
    let name_of = |r: &Resource| match (kind, r) {
        (PartKind::IdentityMapping, Resource::AccessEntry { principal: Val::Lit(arn), .. }) => {
            mapped.contains(&arn).then(|| arn.clone())
        }
        _ => kind.name_of(r),
    };
    let chosen = |r: &Resource| name_of(r).is_some_and(|n| matches(&n, &options.include, &options.exclude));
    let names: Vec<String> =
        full.steps.iter().filter(|s| chosen(&s.resource)).filter_map(|s| name_of(&s.resource)).collect();
    let (what, one, field) = kind.words();
    if names.is_empty() {
        return Err(UserError::new(format!("no {one} of the config matches"))
            .hint(format!("list them in {field}, and check `--include` and `--exclude`"))
            .into());
    }
    let mut plan = reduce_to(&full, chosen);
    if kind == (PartKind::Addon { wait: true }) {
        for step in &mut plan.steps {
            if let Resource::Addon { wait, .. } = &mut step.resource {
                *wait = true;
            }
        }
    }
    let part = Part {
        loaded: &loaded,
        plan,
        what,
        names,
        dry_run: options.dry_run,
        output: options.output,
        timeout: options.timeout,
        detached: options.source.is_part_flags(),
    };
    run_part(part, settings, printer)
}

/// What `delete addon|fargateprofile|accessentry` did.
#[derive(Debug)]
pub struct DeletePartReport {
    pub cluster: String,
    pub part: crate::cloud::PartRef,
    /// It existed (and is gone now).
    pub found: bool,
    /// What went with it (the IAM role eksup made for a capability).
    pub also: Vec<String>,
}

impl super::Report for DeletePartReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let (part, cluster) = (&self.part, &self.cluster);
        if self.found {
            printer.status("Deleted", &format!("{part} of cluster `{cluster}`"));
            for a in &self.also {
                printer.status("Deleted", a);
            }
        } else {
            printer.status("Finished", &format!("nothing to delete: no {part} in cluster `{cluster}`"));
        }
        Ok(())
    }
}

/// Delete one part of a cluster (after confirmation), whoever made it, and wait until it is gone.
pub fn delete_part(
    cluster: &str,
    part: crate::cloud::PartRef,
    yes: bool,
    timeout: std::time::Duration,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeletePartReport> {
    printer.confirm(&format!("delete {part} of cluster `{cluster}`"), yes)?;
    let removed = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, None).await?;
        let aws = crate::cloud::AwsCloud::new(&sdk);
        let cancel = crate::executor::Cancel::new();
        super::watch_interrupt(&cancel);
        let progress = crate::output::progress::Progress::new(printer, false, "deleting", &part.to_string());
        let removing = aws.remove_part(cluster, &part, &progress, &cancel);
        let found = tokio::time::timeout(timeout, removing)
            .await
            .map_err(|_| UserError::new("timed out").hint("run the same command again"))??;
        progress.finish();
        anyhow::Ok(found)
    })?;
    let found = removed.is_some();
    Ok(DeletePartReport { cluster: cluster.to_string(), part, found, also: removed.unwrap_or_default() })
}
