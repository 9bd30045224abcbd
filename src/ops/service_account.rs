//! `create iamserviceaccount -f` and `create podidentityassociation -f`: the file's service
//! accounts (`iam.serviceAccounts`) or pod identity associations (`iam.podIdentityAssociations`)
//! on its existing cluster, with their IAM roles.

use std::time::Duration;

use anyhow::Result;

use super::load::{self, ConfigSource};
use super::nodegroup::{CreatePartReport, Part, matches, reduce_to, run_part};
use crate::error::UserError;
use crate::output::{PlanFormat, Printer};
use crate::plan::{self, PlanOptions, Resource, Trust};
use crate::settings::Settings;

/// What `create iamserviceaccount` or `create podidentityassociation` is asked to do.
#[derive(Debug, Clone)]
pub struct CreateServiceAccountOptions {
    pub source: ConfigSource,
    /// `namespace/name` or globs (`kube-system/*`) of the accounts to create (empty: all) and to
    /// skip.
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub dry_run: bool,
    pub output: Option<PlanFormat>,
    pub timeout: Duration,
}

/// Create the file's service accounts (with `include`/`exclude`) and their roles on its existing
/// cluster: the cluster's plan, reduced to them and what they need (the OIDC provider among it).
/// What exists is found again, so only the new accounts are made.
pub fn create_service_accounts(
    options: &CreateServiceAccountOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreatePartReport> {
    super::create_cluster::graph_needs_dry_run(options.output, options.dry_run)?;
    let loaded = load::load(&options.source, settings, printer, options.dry_run)?;
    let accounts: Vec<(String, String, String)> = loaded
        .config
        .iam
        .iter()
        .flat_map(|i| i.service_accounts.iter().flatten())
        .map(|sa| {
            let name = sa.metadata.name.clone().unwrap_or_default();
            let namespace = sa.metadata.namespace.clone().unwrap_or_else(|| "default".into());
            let subject = sa.subject_pattern.clone().unwrap_or_else(|| name.clone());
            (namespace, name, subject)
        })
        .filter(|(ns, name, _)| matches(&format!("{ns}/{name}"), &options.include, &options.exclude))
        .collect();
    if accounts.is_empty() {
        return Err(UserError::new("no service account of the config matches")
            .hint("list them in `iam.serviceAccounts`, and check `--include` and `--exclude`")
            .into());
    }
    let full =
        plan::build(&loaded, &PlanOptions { write_kubeconfig: false, wait_nodes: false, account_id: None });
    // A step belongs to an account by the names the plan carries: the role's trust, the
    // Kubernetes object's namespace and name.
    let reduced = reduce_to(&full, |r| match r {
        Resource::IamRole { trust: Trust::ServiceAccount { namespace, name, .. }, .. } => {
            accounts.iter().any(|(ns, _, subject)| ns == namespace && subject == name)
        }
        Resource::ServiceAccount { namespace, name, .. } => {
            accounts.iter().any(|(ns, n, _)| ns == namespace && n == name)
        }
        _ => false,
    });
    let names: Vec<String> = accounts.iter().map(|(ns, n, _)| format!("{ns}/{n}")).collect();
    let part = Part {
        loaded: &loaded,
        plan: reduced,
        what: "service accounts",
        names,
        dry_run: options.dry_run,
        output: options.output,
        timeout: options.timeout,
        detached: options.source.is_part_flags(),
    };
    run_part(part, settings, printer)
}

/// Create the file's pod identity associations (with `include`/`exclude` by
/// `namespace/serviceAccountName`), their roles and the service accounts they ask for on its
/// existing cluster, with the `eks-pod-identity-agent` add-on they need.
pub fn create_pod_identities(
    options: &CreateServiceAccountOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreatePartReport> {
    super::create_cluster::graph_needs_dry_run(options.output, options.dry_run)?;
    let loaded = load::load(&options.source, settings, printer, options.dry_run)?;
    let names: Vec<String> = loaded
        .config
        .iam
        .iter()
        .flat_map(|i| i.pod_identity_associations.iter().flatten())
        .map(|p| {
            let namespace = p.namespace.as_deref().unwrap_or_default();
            format!("{namespace}/{}", p.service_account_name.as_deref().unwrap_or_default())
        })
        .filter(|name| matches(name, &options.include, &options.exclude))
        .collect();
    if names.is_empty() {
        return Err(UserError::new("no pod identity association of the config matches")
            .hint("list them in `iam.podIdentityAssociations`, and check `--include` and `--exclude`")
            .into());
    }
    let full =
        plan::build(&loaded, &PlanOptions { write_kubeconfig: false, wait_nodes: false, account_id: None });
    let chosen = |ns: &str, account: &str| names.iter().any(|n| *n == format!("{ns}/{account}"));
    // The association pulls in its role; the account it asks for has no IRSA role.
    let reduced = reduce_to(&full, |r| match r {
        Resource::PodIdentityAssociation { namespace, service_account, .. } => {
            chosen(namespace, service_account)
        }
        Resource::ServiceAccount { namespace, name, role: None, .. } => chosen(namespace, name),
        Resource::Addon { addon_name, .. } => addon_name == "eks-pod-identity-agent",
        _ => false,
    });
    let part = Part {
        loaded: &loaded,
        plan: reduced,
        what: "pod identity associations",
        names,
        dry_run: options.dry_run,
        output: options.output,
        timeout: options.timeout,
        detached: options.source.is_part_flags(),
    };
    run_part(part, settings, printer)
}

/// What `delete podidentityassociation` did.
#[derive(Debug)]
pub struct DeletePodIdentityReport {
    pub cluster: String,
    pub account: String,
    pub removed: Option<crate::cloud::RemovedPodIdentity>,
}

impl crate::ops::Report for DeletePodIdentityReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let (account, cluster) = (&self.account, &self.cluster);
        match &self.removed {
            None => printer.status(
                "Finished",
                &format!(
                    "nothing to delete: no pod identity association of `{account}` in cluster `{cluster}`"
                ),
            ),
            Some(r) => {
                printer.status(
                    "Deleted",
                    &format!("pod identity association of `{account}` in cluster `{cluster}`"),
                );
                match &r.role_deleted {
                    Some(role) => {
                        printer.status("Deleted", &format!("IAM role `{role}`, which eksup made for it"))
                    }
                    None => {
                        printer.status("Kept", &format!("IAM role `{}`: eksup did not make it", r.role_arn))
                    }
                }
            }
        }
        Ok(())
    }
}

/// Delete the association of `namespace/account` (whoever made it), and its role when eksup
/// made that role for it.
pub fn delete_pod_identity(
    cluster: &str,
    namespace: &str,
    account: &str,
    yes: bool,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeletePodIdentityReport> {
    let name = format!("{namespace}/{account}");
    printer
        .confirm(&format!("delete the pod identity association of `{name}` in cluster `{cluster}`"), yes)?;
    let removed = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, None).await?;
        crate::cloud::AwsCloud::new(&sdk).remove_pod_identity(cluster, namespace, account).await
    })?;
    Ok(DeletePodIdentityReport { cluster: cluster.to_string(), account: name, removed })
}

/// What `delete iamserviceaccount` did.
#[derive(Debug)]
pub struct DeleteServiceAccountReport {
    pub cluster: String,
    pub account: String,
    pub removed: Option<crate::cloud::RemovedServiceAccount>,
}

impl crate::ops::Report for DeleteServiceAccountReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let (account, cluster) = (&self.account, &self.cluster);
        let Some(r) = &self.removed else {
            printer.status(
                "Finished",
                &format!(
                    "nothing to delete: no IAM role trusts service account `{account}` of cluster `{cluster}`"
                ),
            );
            return Ok(());
        };
        if r.role_deleted {
            printer.status("Deleted", &format!("IAM role `{}` of service account `{account}`", r.role_arn));
        } else {
            printer.status("Kept", &format!("IAM role `{}`: eksup did not make it", r.role_arn));
        }
        if r.account_deleted {
            printer.status("Deleted", &format!("Kubernetes service account `{account}`"));
        } else {
            printer.status("Kept", &format!("Kubernetes service account `{account}`: eksup did not make it"));
        }
        Ok(())
    }
}

/// Delete the IAM role of service account `namespace/name` and the account itself, each when
/// eksup made it.
pub fn delete_service_account(
    cluster: &str,
    namespace: &str,
    name: &str,
    yes: bool,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeleteServiceAccountReport> {
    let account = format!("{namespace}/{name}");
    printer.confirm(
        &format!("delete service account `{account}` of cluster `{cluster}` and its IAM role"),
        yes,
    )?;
    let removed = super::runtime()?.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, None).await?;
        crate::cloud::AwsCloud::new(&sdk).remove_service_account(cluster, namespace, name).await
    })?;
    Ok(DeleteServiceAccountReport { cluster: cluster.to_string(), account, removed })
}
