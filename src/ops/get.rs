//! `get cluster`, `get nodegroup` and `get iamserviceaccount`: a table by default, `-o json|yaml`
//! for scripts.

use anyhow::Result;
use serde::Serialize;

use super::Report;
use crate::cloud::{self, AwsCloud, ClusterInfo, NodegroupInfo, NodegroupKind};
use crate::error::UserError;
use crate::output::{OutputFormat, Printer, table};
use crate::settings::Settings;

/// Print `items` as a table of `rows` under `header`, or as JSON or YAML.
pub(super) fn print<T: Serialize>(
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

/// The clusters of `get cluster`.
#[derive(Debug)]
pub struct ClustersReport {
    pub clusters: Vec<ClusterInfo>,
    /// One cluster was asked for.
    pub one: bool,
    pub output: OutputFormat,
}

impl Report for ClustersReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let clusters = &self.clusters;
        if clusters.is_empty() && self.output == OutputFormat::Table {
            printer.info("no clusters found in this region");
            return Ok(());
        }
        if self.one && self.output != OutputFormat::Table {
            return print(printer, self.output, &clusters[0], &[], Vec::new());
        }
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
        print(
            printer,
            self.output,
            clusters,
            &["NAME", "STATUS", "VERSION", "ENDPOINT", "EKSUP CREATED"],
            rows,
        )
    }
}

/// The clusters of the region, or the one named.
pub fn get_clusters(name: Option<&str>, output: OutputFormat, settings: &Settings) -> Result<ClustersReport> {
    let clusters = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let names = match name {
            Some(n) => vec![n.to_string()],
            None => aws.list_clusters().await?,
        };
        let mut out = Vec::new();
        for n in names {
            match aws.describe_cluster(&n).await? {
                Some(c) => out.push(c),
                None if name.is_some() => {
                    return Err(UserError::no_cluster(&n).into());
                }
                None => {}
            }
        }
        anyhow::Ok(out)
    })?;
    Ok(ClustersReport { clusters, one: name.is_some(), output })
}

/// The node groups of `get nodegroup`.
#[derive(Debug)]
pub struct NodegroupsReport {
    pub nodegroups: Vec<NodegroupInfo>,
    pub output: OutputFormat,
}

impl Report for NodegroupsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let num = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_else(|| "-".into());
        let rows = self
            .nodegroups
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
        let header = ["NAME", "TYPE", "STATUS", "MIN", "DESIRED", "MAX", "INSTANCE TYPES"];
        print(printer, self.output, &self.nodegroups, &header, rows)
    }
}

/// The node groups of a cluster, or the one named.
pub fn get_nodegroups(
    cluster: &str,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<NodegroupsReport> {
    let mut nodegroups = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        if aws.describe_cluster(cluster).await?.is_none() {
            return Err(UserError::no_cluster(cluster).into());
        }
        aws.list_nodegroups(cluster).await
    })?;
    if let Some(n) = name {
        nodegroups.retain(|g| g.name == n);
        if nodegroups.is_empty() {
            return Err(UserError::new(format!("no node group `{n}` in cluster `{cluster}`"))
                .hint(format!("list them with `eksup get nodegroup --cluster {cluster}`"))
                .into());
        }
    }
    Ok(NodegroupsReport { nodegroups, output })
}

/// The IRSA roles of `get iamserviceaccount`.
#[derive(Debug)]
pub struct ServiceAccountsReport {
    pub accounts: Vec<cloud::ServiceAccountRole>,
    pub output: OutputFormat,
}

impl Report for ServiceAccountsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let rows = self
            .accounts
            .iter()
            .map(|a| {
                vec![
                    a.metadata.namespace.clone(),
                    a.metadata.name.clone(),
                    a.status.role_arn.clone(),
                    if a.status.managed_by_eksup { "eksup".into() } else { "-".into() },
                ]
            })
            .collect();
        let header = ["NAMESPACE", "NAME", "ROLE ARN", "MADE BY"];
        print(printer, self.output, &self.accounts, &header, rows)
    }
}

/// The providers of `get identityprovider`.
#[derive(Debug)]
pub struct IdentityProvidersReport {
    pub providers: Vec<cloud::IdentityProviderSummary>,
    pub output: OutputFormat,
}

impl Report for IdentityProvidersReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let rows = self
            .providers
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    p.kind.clone(),
                    p.client_id.clone(),
                    p.issuer_url.clone(),
                    p.arn.clone(),
                    p.status.clone(),
                ]
            })
            .collect();
        let header = ["NAME", "TYPE", "CLIENT ID", "ISSUER URL", "ARN", "STATUS"];
        print(printer, self.output, &self.providers, &header, rows)
    }
}

/// The identity providers associated with a cluster (or the one named `name`).
pub fn get_identity_providers(
    cluster: &str,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<IdentityProvidersReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).identity_provider_summaries(cluster, name).await
    })?;
    let Some(providers) = found else {
        return Err(UserError::no_cluster(cluster).into());
    };
    if let Some(name) = name
        && providers.is_empty()
    {
        return Err(UserError::new(format!("no identity provider `{name}` in cluster `{cluster}`"))
            .hint(format!("list them with `eksup get identityprovider --cluster {cluster}`"))
            .into());
    }
    Ok(IdentityProvidersReport { providers, output })
}

/// The associations of `get podidentityassociation`.
#[derive(Debug)]
pub struct PodIdentitiesReport {
    pub associations: Vec<cloud::PodIdentitySummary>,
    pub output: OutputFormat,
}

impl Report for PodIdentitiesReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let dash = |s: &String| if s.is_empty() { "-".to_string() } else { s.clone() };
        let rows = self
            .associations
            .iter()
            .map(|a| {
                vec![
                    a.association_arn.clone(),
                    a.namespace.clone(),
                    a.service_account_name.clone(),
                    a.role_arn.clone(),
                    dash(&a.owner_arn),
                    dash(&a.target_role_arn),
                    if a.managed_by_eksup { "eksup".into() } else { "-".into() },
                ]
            })
            .collect();
        let header = [
            "ASSOCIATION ARN",
            "NAMESPACE",
            "SERVICE ACCOUNT NAME",
            "IAM ROLE ARN",
            "OWNER ARN",
            "TARGET ROLE ARN",
            "MADE BY",
        ];
        print(printer, self.output, &self.associations, &header, rows)
    }
}

/// The pod identity associations of a cluster (of `namespace`, of `service_account` there).
pub fn get_pod_identities(
    cluster: &str,
    namespace: Option<&str>,
    service_account: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<PodIdentitiesReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).pod_identity_summaries(cluster, namespace, service_account).await
    })?;
    let Some(associations) = found else {
        return Err(UserError::no_cluster(cluster).into());
    };
    Ok(PodIdentitiesReport { associations, output })
}

/// The service accounts of a cluster that take an IAM role through its OIDC provider (whoever
/// made the role), or those of `namespace` / named `name`.
pub fn get_service_accounts(
    cluster: &str,
    namespace: Option<&str>,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<ServiceAccountsReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).service_account_roles(cluster).await
    })?;
    let Some(mut accounts) = found else {
        return Err(UserError::no_cluster(cluster).into());
    };
    accounts.retain(|a| {
        namespace.is_none_or(|n| a.metadata.namespace == n) && name.is_none_or(|n| a.metadata.name == n)
    });
    if accounts.is_empty() && name.is_some() {
        return Err(UserError::new(format!(
            "no service account `{}/{}` with an IAM role in cluster `{cluster}`",
            namespace.unwrap_or("default"),
            name.unwrap_or_default()
        ))
        .hint(format!("list them with `eksup get iamserviceaccount --cluster {cluster}`"))
        .into());
    }
    Ok(ServiceAccountsReport { accounts, output })
}

/// A list that is empty, or the one asked for that is missing.
fn none_named(what: &str, name: &str, cluster: &str, verb: &str) -> anyhow::Error {
    UserError::new(format!("no {what} `{name}` in cluster `{cluster}`"))
        .hint(format!("list them with `eksup get {verb} --cluster {cluster}`"))
        .into()
}

/// The add-ons of `get addon`.
#[derive(Debug)]
pub struct AddonsReport {
    pub addons: Vec<cloud::AddonSummary>,
    pub output: OutputFormat,
}

impl Report for AddonsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
        let rows = self
            .addons
            .iter()
            .map(|a| {
                vec![
                    a.name.clone(),
                    a.version.clone(),
                    a.status.clone(),
                    a.issues.len().to_string(),
                    dash(&a.iam_role),
                    dash(&a.configuration_values),
                    a.namespace_config.as_ref().map_or_else(|| "-".to_string(), |n| n.namespace.clone()),
                    if a.made_by_eksup { "eksup".into() } else { "-".into() },
                ]
            })
            .collect();
        let header = [
            "NAME",
            "VERSION",
            "STATUS",
            "ISSUES",
            "IAMROLE",
            "CONFIGURATION VALUES",
            "NAMESPACE",
            "MADE BY",
        ];
        print(printer, self.output, &self.addons, &header, rows)
    }
}

/// The add-ons of a cluster (or the one named `name`), whoever installed them.
pub fn get_addons(
    cluster: &str,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<AddonsReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).addon_summaries(cluster, name).await
    })?;
    let addons = found.ok_or_else(|| UserError::no_cluster(cluster))?;
    if let Some(name) = name
        && addons.is_empty()
    {
        return Err(none_named("add-on", name, cluster, "addon"));
    }
    Ok(AddonsReport { addons, output })
}

/// The capabilities of `get capability`.
#[derive(Debug)]
pub struct CapabilitiesReport {
    pub capabilities: Vec<cloud::CapabilitySummary>,
    pub output: OutputFormat,
}

impl Report for CapabilitiesReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
        let rows = self
            .capabilities
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.kind.clone(),
                    c.status.clone(),
                    dash(&c.version),
                    c.role_arn.clone(),
                    if c.made_by_eksup { "eksup".into() } else { "-".into() },
                ]
            })
            .collect();
        let header = ["NAME", "TYPE", "STATUS", "VERSION", "ROLE ARN", "MADE BY"];
        print(printer, self.output, &self.capabilities, &header, rows)
    }
}

/// The capabilities of a cluster (or the one named `name`), whoever made them.
pub fn get_capabilities(
    cluster: &str,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<CapabilitiesReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).capabilities(cluster, name).await
    })?;
    let capabilities = found.ok_or_else(|| UserError::no_cluster(cluster))?;
    if let Some(name) = name
        && capabilities.is_empty()
    {
        return Err(none_named("capability", name, cluster, "capability"));
    }
    Ok(CapabilitiesReport { capabilities, output })
}

/// The profiles of `get fargateprofile`.
#[derive(Debug)]
pub struct FargateReport {
    pub profiles: Vec<cloud::FargateSummary>,
    pub output: OutputFormat,
}

impl Report for FargateReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let rows = self
            .profiles
            .iter()
            .map(|p| {
                let labels = |l: &std::collections::BTreeMap<String, String>| {
                    l.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(",")
                };
                vec![
                    p.name.clone(),
                    p.selectors.iter().map(|s| s.namespace.clone()).collect::<Vec<_>>().join(","),
                    p.selectors
                        .iter()
                        .map(|s| labels(&s.labels))
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(";"),
                    p.pod_execution_role_arn.clone(),
                    p.subnets.join(","),
                    p.status.clone(),
                ]
            })
            .collect();
        let header =
            ["NAME", "SELECTOR NAMESPACES", "SELECTOR LABELS", "POD EXECUTION ROLE ARN", "SUBNETS", "STATUS"];
        print(printer, self.output, &self.profiles, &header, rows)
    }
}

/// The Fargate profiles of a cluster (or the one named `name`).
pub fn get_fargate_profiles(
    cluster: &str,
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<FargateReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).fargate_summaries(cluster, name).await
    })?;
    let profiles = found.ok_or_else(|| UserError::no_cluster(cluster))?;
    if let Some(name) = name
        && profiles.is_empty()
    {
        return Err(none_named("Fargate profile", name, cluster, "fargateprofile"));
    }
    Ok(FargateReport { profiles, output })
}

/// The entries of `get accessentry`.
#[derive(Debug)]
pub struct AccessEntriesReport {
    pub entries: Vec<cloud::AccessEntrySummary>,
    pub output: OutputFormat,
}

impl Report for AccessEntriesReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let dash = |s: String| if s.is_empty() { "-".to_string() } else { s };
        let rows = self
            .entries
            .iter()
            .map(|e| {
                let policies = e
                    .access_policies
                    .iter()
                    .map(|p| {
                        let name = p.policy_arn.rsplit('/').next().unwrap_or_default();
                        match p.access_scope.namespaces.as_slice() {
                            [] => format!("{name} ({})", p.access_scope.kind),
                            ns => format!("{name} ({}: {})", p.access_scope.kind, ns.join(",")),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                vec![
                    e.principal_arn.clone(),
                    e.kind.clone(),
                    dash(e.kubernetes_groups.join(",")),
                    dash(policies),
                    if e.made_by_eksup { "eksup".into() } else { "-".into() },
                ]
            })
            .collect();
        let header = ["PRINCIPAL ARN", "TYPE", "KUBERNETES GROUPS", "ACCESS POLICIES", "MADE BY"];
        print(printer, self.output, &self.entries, &header, rows)
    }
}

/// The access entries of a cluster (or the one of `principal`), with their access policies.
pub fn get_access_entries(
    cluster: &str,
    principal: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<AccessEntriesReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).access_entry_summaries(cluster, principal).await
    })?;
    let entries = found.ok_or_else(|| UserError::no_cluster(cluster))?;
    if let Some(principal) = principal
        && entries.is_empty()
    {
        return Err(none_named("access entry for", principal, cluster, "accessentry"));
    }
    Ok(AccessEntriesReport { entries, output })
}

/// The mappings of `get iamidentitymapping`.
#[derive(Debug)]
pub struct IdentityMappingsReport {
    pub mappings: Vec<cloud::IdentityMappingSummary>,
    pub output: OutputFormat,
}

impl Report for IdentityMappingsReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let dash = |s: Option<&String>| s.cloned().filter(|s| !s.is_empty()).unwrap_or_else(|| "-".into());
        let rows = self
            .mappings
            .iter()
            .map(|m| {
                vec![
                    dash(m.rolearn.as_ref().or(m.userarn.as_ref())),
                    dash(m.username.as_ref()),
                    dash(Some(&m.groups.join(","))),
                    dash(m.account.as_ref()),
                    m.source.clone(),
                ]
            })
            .collect();
        print(
            printer,
            self.output,
            &self.mappings,
            &["ARN", "USERNAME", "GROUPS", "ACCOUNT", "KEPT IN"],
            rows,
        )
    }
}

/// A cluster's identity mappings (or those of `arn`, an ARN or an account): its access entries
/// and the aws-auth ConfigMap's entries, whoever made them.
pub fn get_identity_mappings(
    cluster: &str,
    arn: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<IdentityMappingsReport> {
    let found = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).identity_mappings(cluster, arn).await
    })?;
    let mappings = found.ok_or_else(|| UserError::no_cluster(cluster))?;
    if let Some(arn) = arn
        && mappings.is_empty()
    {
        return Err(none_named("identity mapping of", arn, cluster, "iamidentitymapping"));
    }
    Ok(IdentityMappingsReport { mappings, output })
}
