//! Write a cluster's kubeconfig entries: `utils write-kubeconfig`, `set-context`, and the step
//! `create cluster` runs once the control plane is active ([`write_connection_kubeconfig`]).

use std::path::PathBuf;

use anyhow::Result;
use aws_config::SdkConfig;

use crate::cli::Authenticator;
use crate::cloud::auth::{self, ClusterConnection};
use crate::cloud::load_sdk_config;
use crate::error::UserError;
use crate::kubeconfig::{
    ClusterEntry, EntryNames, ExecPlugin, KubeconfigTarget, WriteOutcome, iam_user_from_arn,
    write_cluster_entries,
};
use crate::output::Printer;
use crate::settings::Settings;

/// What to write, beyond the cluster itself.
#[derive(Debug, Clone)]
pub struct KubeconfigRequest {
    /// `--kubeconfig`; `None` follows `$KUBECONFIG`, then `~/.kube/config`.
    pub kubeconfig: Option<PathBuf>,
    /// Make the context current.
    pub set_current: bool,
    /// `--alias`: the name of the context, cluster and user entries.
    pub alias: Option<String>,
    /// The context's namespace; `None` keeps the one there.
    pub namespace: Option<String>,
    /// The role the token assumes (`get-token --role-arn`).
    pub role_arn: Option<String>,
    pub authenticator: Authenticator,
}

impl Default for KubeconfigRequest {
    fn default() -> Self {
        Self {
            kubeconfig: None,
            set_current: true,
            alias: None,
            namespace: None,
            role_arn: None,
            authenticator: Authenticator::Eksup,
        }
    }
}

/// What was written: the report of `utils write-kubeconfig` and `set-context`.
#[derive(Debug, Clone)]
pub struct KubeconfigReport(pub WriteOutcome);

impl super::Report for KubeconfigReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        print_outcome(&self.0, printer);
        Ok(())
    }
}

/// Write the entries of `cluster` (in the settings' region) as `request` says.
pub fn write_kubeconfig(
    cluster: &str,
    request: &KubeconfigRequest,
    settings: &Settings,
) -> Result<KubeconfigReport> {
    // Fail before any AWS call if a kubeconfig cannot be parsed (it is checked again under the
    // lock when writing).
    let target = KubeconfigTarget::resolve(request.kubeconfig.as_deref())?;
    for file in target.files() {
        crate::kubeconfig::store::load(file)?;
    }
    let outcome = super::runtime()?.block_on(async {
        let sdk = load_sdk_config(settings, None).await?;
        write_cluster_kubeconfig(&sdk, settings, cluster, request).await
    })?;
    Ok(KubeconfigReport(outcome))
}

/// Tell people what happened (stderr).
pub fn print_outcome(outcome: &WriteOutcome, printer: &Printer) {
    let files: Vec<String> = outcome.files.iter().map(|f| format!("`{}`", f.display())).collect();
    let verb = if outcome.updated { "Updated" } else { "Wrote" };
    printer.status(verb, &format!("context `{}` in {}", outcome.context, files.join(", ")));
    if outcome.current_context_set {
        printer.status("Switched", &format!("to context `{}`", outcome.context));
    }
}

/// DescribeCluster, GetCallerIdentity (for the entry names, unless an alias is given), then
/// merge the entries into the kubeconfig. The region is the one of `sdk`.
pub async fn write_cluster_kubeconfig(
    sdk: &SdkConfig,
    settings: &Settings,
    cluster: &str,
    request: &KubeconfigRequest,
) -> Result<WriteOutcome> {
    if sdk.region().is_none() {
        return Err(UserError::new("no AWS region for the kubeconfig")
            .hint("pass `--region`, or set `AWS_REGION` or a region in the AWS profile")
            .into());
    }
    let connection = auth::describe_cluster_connection(sdk, cluster).await?;
    let iam_user = match &request.alias {
        Some(_) => String::new(),
        None => iam_user_from_arn(&auth::caller_identity(sdk).await?.arn),
    };
    write_connection_kubeconfig(&connection, &iam_user, settings, request)
}

/// Write the entries for a cluster whose connection is already known (no AWS call).
/// `iam_user` names the entries unless `request.alias` is given.
pub fn write_connection_kubeconfig(
    connection: &ClusterConnection,
    iam_user: &str,
    settings: &Settings,
    request: &KubeconfigRequest,
) -> Result<WriteOutcome> {
    let target = KubeconfigTarget::resolve(request.kubeconfig.as_deref())?;
    let entry = cluster_entry(connection, iam_user, settings, request);
    write_cluster_entries(&target, &entry, request.set_current)
}

/// The entries for one cluster.
pub fn cluster_entry(
    connection: &ClusterConnection,
    iam_user: &str,
    settings: &Settings,
    request: &KubeconfigRequest,
) -> ClusterEntry {
    let ClusterConnection { name, endpoint, certificate_authority, region, .. } = connection;
    let names = match &request.alias {
        Some(alias) => EntryNames::alias(alias),
        None => EntryNames::standard(iam_user, name, region),
    };
    let profile = settings.effective_profile();
    let role = request.role_arn.as_deref();
    let exec = match request.authenticator {
        Authenticator::Eksup => ExecPlugin::eksup(name, region, role, profile.as_deref()),
        Authenticator::AwsCli => ExecPlugin::aws_cli(name, region, role, profile.as_deref()),
    };
    ClusterEntry {
        names,
        eks_cluster: name.clone(),
        region: region.clone(),
        server: endpoint.clone(),
        certificate_authority_data: certificate_authority.clone(),
        exec,
        namespace: request.namespace.clone(),
    }
}
