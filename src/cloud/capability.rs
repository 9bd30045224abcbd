//! EKS capabilities (ACK, kro, Argo CD): made with CreateCapability, waited for until ACTIVE,
//! then given the file's access policies on the access entry EKS makes for the capability's
//! role; listed for `get capability`; deleted and waited for until gone.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use anyhow::Context as _;
use aws_sdk_eks::types::{
    ArgoCdAwsIdcConfigRequest, ArgoCdConfigRequest, ArgoCdNetworkAccessConfigRequest, ArgoCdRole,
    ArgoCdRoleMapping, Capability, CapabilityConfigurationRequest, CapabilityDeletePropagationPolicy,
    CapabilityStatus, CapabilityType, SsoIdentity, SsoIdentityType, UpdateArgoCdConfig,
    UpdateCapabilityConfiguration, UpdateRoleMappings,
};
use serde::Serialize;

use super::eks::{owned, wait_gone};
use super::error::{ApiResult as _, CloudError, ErrorKind, OrNotFound as _};
use super::{AwsCloud, Poll, limits, retry_while, step_tags, wait_for};
use crate::config::types::ArgoCDConfiguration;
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{CapabilitySpec, Kind, keys};

/// A capability, in eksctl's `get capability -o json` fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CapabilitySummary {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(rename = "roleArn")]
    pub role_arn: String,
    #[serde(rename = "Status")]
    pub status: String,
    #[serde(rename = "Version")]
    pub version: String,
    #[serde(skip)]
    pub made_by_eksup: bool,
}

/// Argo CD's settings as CreateCapability takes them.
fn argocd_request(a: &ArgoCDConfiguration) -> anyhow::Result<ArgoCdConfigRequest> {
    let idc = a.aws_idc.as_ref();
    let aws_idc = ArgoCdAwsIdcConfigRequest::builder()
        .set_idc_instance_arn(idc.and_then(|i| i.idc_instance_arn.clone()))
        .set_idc_region(idc.and_then(|i| i.idc_region.clone()))
        .build()
        .context("Argo CD needs `awsIdc.idcInstanceArn`")?;
    let mut mappings = Vec::new();
    for m in a.rbac_role_mappings.iter().flatten() {
        let mut identities = Vec::new();
        for i in m.identities.iter().flatten() {
            let kind = SsoIdentityType::from(i.identity_type.as_deref().unwrap_or_default());
            identities.push(
                SsoIdentity::builder()
                    .set_id(i.id.clone())
                    .r#type(kind)
                    .build()
                    .context("an Argo CD identity needs an id and a type")?,
            );
        }
        mappings.push(
            ArgoCdRoleMapping::builder()
                .role(ArgoCdRole::from(m.role.as_deref().unwrap_or_default()))
                .set_identities(Some(identities))
                .build()
                .context("an Argo CD role mapping needs a role and identities")?,
        );
    }
    let network = a
        .network_access
        .as_ref()
        .map(|n| ArgoCdNetworkAccessConfigRequest::builder().set_vpce_ids(n.vpce_ids.clone()).build());
    Ok(ArgoCdConfigRequest::builder()
        .set_namespace(a.namespace.clone())
        .aws_idc(aws_idc)
        .set_rbac_role_mappings((!mappings.is_empty()).then_some(mappings))
        .set_network_access(network)
        .build())
}

/// What of a live capability differs from the spec in a way EKS cannot change in place: its
/// type, or Argo CD's namespace or Identity Center instance.
fn difference(live: &Capability, spec: &CapabilitySpec) -> Option<String> {
    let kind = live.r#type().map(CapabilityType::as_str).unwrap_or_default();
    if kind != spec.capability_type {
        return Some(format!("has type `{kind}`, not `{}`", spec.capability_type));
    }
    let want = spec.argocd.as_ref();
    let have = live.configuration().and_then(|c| c.argo_cd());
    if let (Some(want), Some(have)) = (want, have) {
        let want_ns = want.namespace.as_deref().unwrap_or("argocd");
        if have.namespace().is_some_and(|n| n != want_ns) {
            return Some(format!(
                "runs Argo CD in namespace `{}`, not `{want_ns}`",
                have.namespace().unwrap_or_default()
            ));
        }
        let want_idc = want.aws_idc.as_ref().and_then(|i| i.idc_instance_arn.as_deref()).unwrap_or_default();
        let have_idc = have.aws_idc().and_then(|i| i.idc_instance_arn()).unwrap_or_default();
        if have_idc != want_idc {
            return Some(format!("signs users in with `{have_idc}`, not `{want_idc}`"));
        }
    }
    None
}

/// Argo CD's role mappings: the identities (id, type) of each role.
type Mappings = BTreeMap<String, BTreeSet<(String, String)>>;

fn live_mappings(have: &aws_sdk_eks::types::ArgoCdConfigResponse) -> Mappings {
    let mut out = Mappings::new();
    for m in have.rbac_role_mappings() {
        let ids = m.identities().iter().map(|i| (i.id().to_string(), i.r#type().as_str().to_string()));
        out.entry(m.role().as_str().to_string()).or_default().extend(ids);
    }
    out
}

fn wanted_mappings(want: &[crate::config::types::ArgoCDRoleMapping]) -> Mappings {
    let mut out = Mappings::new();
    for m in want {
        let ids = m
            .identities
            .iter()
            .flatten()
            .map(|i| (i.id.clone().unwrap_or_default(), i.identity_type.clone().unwrap_or_default()));
        out.entry(m.role.clone().unwrap_or_default()).or_default().extend(ids);
    }
    out
}

/// A role mapping of UpdateCapability: `role` and `identities`.
fn mapping(role: &str, identities: &BTreeSet<(String, String)>) -> anyhow::Result<ArgoCdRoleMapping> {
    let mut ids = Vec::new();
    for (id, kind) in identities {
        ids.push(SsoIdentity::builder().id(id).r#type(SsoIdentityType::from(kind.as_str())).build()?);
    }
    Ok(ArgoCdRoleMapping::builder().role(ArgoCdRole::from(role)).set_identities(Some(ids)).build()?)
}

/// What UpdateCapability must change for Argo CD's role mappings and network access to be the
/// file's, and the change in words; `None` when they are. A file without `rbacRoleMappings` or
/// `networkAccess` leaves that part as it is. Each role gets its missing identities added and
/// its extra ones removed (the API adds or updates, and removes, per role).
fn argocd_update(
    live: &Capability,
    spec: &CapabilitySpec,
) -> anyhow::Result<Option<(UpdateArgoCdConfig, String)>> {
    let (Some(want), Some(have)) = (spec.argocd.as_ref(), live.configuration().and_then(|c| c.argo_cd()))
    else {
        return Ok(None);
    };
    let mut update = UpdateArgoCdConfig::builder();
    let mut said = Vec::new();
    if let Some(wanted) = want.rbac_role_mappings.as_deref() {
        let (wanted, live) = (wanted_mappings(wanted), live_mappings(have));
        let (mut add, mut remove, mut counts) = (Vec::new(), Vec::new(), Vec::new());
        for role in wanted.keys().chain(live.keys()).collect::<BTreeSet<_>>() {
            let (w, l) =
                (wanted.get(role).cloned().unwrap_or_default(), live.get(role).cloned().unwrap_or_default());
            let missing: BTreeSet<_> = w.difference(&l).cloned().collect();
            let extra: BTreeSet<_> = l.difference(&w).cloned().collect();
            if !missing.is_empty() {
                add.push(mapping(role, &w)?);
                counts.push(format!("{} to `{role}`", missing.len()));
            }
            if !extra.is_empty() {
                remove.push(mapping(role, &extra)?);
                counts.push(format!("{} from `{role}`", extra.len()));
            }
        }
        if !add.is_empty() || !remove.is_empty() {
            let mappings = UpdateRoleMappings::builder()
                .set_add_or_update_role_mappings((!add.is_empty()).then_some(add))
                .set_remove_role_mappings((!remove.is_empty()).then_some(remove))
                .build();
            update = update.rbac_role_mappings(mappings);
            said.push(format!("role mappings (identities {})", counts.join(", ")));
        }
    }
    if let Some(access) = &want.network_access {
        let wanted: BTreeSet<String> = access.vpce_ids.iter().flatten().cloned().collect();
        let have: BTreeSet<String> =
            have.network_access().map(|n| n.vpce_ids().iter().cloned().collect()).unwrap_or_default();
        if wanted != have {
            update = update.network_access(
                ArgoCdNetworkAccessConfigRequest::builder()
                    .set_vpce_ids(Some(wanted.into_iter().collect()))
                    .build(),
            );
            said.push("network access".into());
        }
    }
    if said.is_empty() {
        return Ok(None);
    }
    Ok(Some((update.build(), said.join(" and "))))
}

/// The health issues EKS reports for a capability, joined.
fn issues(c: &Capability) -> Option<String> {
    c.health()
        .map(|h| h.issues().iter().filter_map(|i| i.message()).collect::<Vec<_>>().join("; "))
        .filter(|r| !r.is_empty())
}

impl AwsCloud {
    async fn describe_capability(&self, cluster: &str, name: &str) -> Result<Option<Capability>, CloudError> {
        Ok(self
            .eks
            .describe_capability()
            .cluster_name(cluster)
            .capability_name(name)
            .send()
            .await
            .api("DescribeCapability")
            .or_not_found()?
            .and_then(|o| o.capability))
    }

    /// CreateCapability, retried while EKS cannot yet assume a role IAM has just made (it then
    /// says the role's trust policy is invalid, the message it gives a role without the trust).
    async fn create_capability(
        &self,
        ctx: &StepContext<'_>,
        spec: &CapabilitySpec,
        role: &str,
    ) -> anyhow::Result<()> {
        let mut tags: HashMap<String, String> = spec.tags.clone().into_iter().collect();
        tags.extend(step_tags(ctx));
        let configuration = match &spec.argocd {
            Some(a) => Some(CapabilityConfigurationRequest::builder().argo_cd(argocd_request(a)?).build()),
            None => None,
        };
        let cluster = ctx.plan.cluster.as_str();
        let young_role = |e: &CloudError| {
            (e.code() == Some("InvalidParameterException")
                && e.message().is_some_and(|m| m.to_ascii_lowercase().contains("trust policy")))
            .then_some("waiting for IAM to propagate")
        };
        retry_while(&ctx.progress, limits::IAM_PROPAGATION, young_role, || {
            let call = self
                .eks
                .create_capability()
                .cluster_name(cluster)
                .capability_name(&spec.name)
                .r#type(CapabilityType::from(spec.capability_type.as_str()))
                .role_arn(role)
                .delete_propagation_policy(CapabilityDeletePropagationPolicy::from(
                    spec.delete_propagation_policy.as_str(),
                ))
                .set_configuration(configuration.clone())
                .set_tags(Some(tags.clone()))
                .client_request_token(self.client_token(ctx));
            async move { call.send().await.map(|_| ()).api("CreateCapability") }
        })
        .await?;
        self.made(ctx);
        Ok(())
    }

    /// Make the capability (or find it), wait until EKS has it ACTIVE, then associate the file's
    /// access policies with the access entry EKS made for its role.
    pub(super) async fn ensure_capability(
        &self,
        ctx: &StepContext<'_>,
        spec: &CapabilitySpec,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let name = spec.name.as_str();
        let role = ctx.resolve(&spec.role)?;
        let what = format!("capability `{name}`");
        let existing =
            if self.absent(ctx, name) { None } else { self.describe_capability(cluster, name).await? };
        let mut action = Action::Created;
        match &existing {
            Some(live) if live.status() == Some(&CapabilityStatus::Deleting) => {
                ctx.progress.waiting("a capability of that name is being deleted");
                self.wait_capability_gone(&ctx.progress, cluster, name).await?;
            }
            Some(live) => {
                if !owned(live.tags(), cluster) {
                    return Err(CloudError::NotOwned {
                        what,
                        cluster: cluster.to_string(),
                        tag: crate::plan::tags::CLUSTER,
                    }
                    .into());
                }
                if let Some(difference) = difference(live, spec) {
                    return Err(CloudError::Drift { what, difference }.into());
                }
                if let Some(status @ (CapabilityStatus::CreateFailed | CapabilityStatus::DeleteFailed)) =
                    live.status()
                {
                    return Err(CloudError::Failed {
                        what,
                        status: status.as_str().into(),
                        reason: issues(live),
                    }
                    .into());
                }
                action = Action::Existed;
                let new_role = live.role_arn().filter(|r| *r != role).map(|_| role.as_str());
                let argocd = argocd_update(live, spec)?;
                if new_role.is_some() || argocd.is_some() {
                    if let Some((_, words)) = &argocd {
                        ctx.progress.waiting(&format!("changing Argo CD's {words}"));
                    }
                    self.update_capability(ctx, name, new_role, argocd.map(|(u, _)| u)).await?;
                    action = Action::Updated;
                }
            }
            None => {}
        }
        if action == Action::Created {
            self.refuse_second_of_type(cluster, spec).await?;
            self.create_capability(ctx, spec, &role).await?;
        }
        let span = super::Span::making(Kind::Capability, limits::CAPABILITY);
        let live = wait_for(&ctx.progress, &what, span, || async {
            let live = self.describe_capability(cluster, name).await?;
            Ok(match live {
                Some(c) if c.status() == Some(&CapabilityStatus::Active) => Poll::Ready(c),
                // Running, with issues: it is there, and the user is told.
                Some(c) if c.status() == Some(&CapabilityStatus::Degraded) => {
                    let reason = issues(&c).unwrap_or_else(|| "no issue given".into());
                    ctx.progress.warn(&format!("the capability is DEGRADED: {reason}"));
                    Poll::Ready(c)
                }
                Some(c)
                    if matches!(
                        c.status(),
                        Some(CapabilityStatus::CreateFailed | CapabilityStatus::DeleteFailed)
                    ) =>
                {
                    let status = c.status().map_or("", CapabilityStatus::as_str).to_string();
                    return Err(CloudError::Failed { what: what.clone(), status, reason: issues(&c) }.into());
                }
                Some(c) => Poll::Pending(c.status().map_or("CREATING", CapabilityStatus::as_str).to_string()),
                None => Poll::Pending("not listed yet".into()),
            })
        })
        .await?;
        if !spec.access_policies.is_empty() {
            self.wait_capability_entry(&ctx.progress, cluster, &role).await?;
            // EKS's own entry: eksup adds the file's policies and removes none of EKS's.
            let fresh = false;
            if self.sync_access_policies(cluster, &role, &spec.access_policies, fresh, false).await?
                && action == Action::Existed
            {
                action = Action::Updated;
            }
        }
        Ok(StepResult::new(action)
            .with(keys::NAME, name)
            .with(keys::ARN, live.arn().unwrap_or_default())
            .with("role", role))
    }

    /// EKS runs one capability of each type in a cluster: one of the spec's type under another
    /// name stops the run before CreateCapability would.
    async fn refuse_second_of_type(&self, cluster: &str, spec: &CapabilitySpec) -> anyhow::Result<()> {
        for (other, c) in self.cluster_capabilities(cluster).await? {
            if other != spec.name
                && c.r#type().map(CapabilityType::as_str) == Some(spec.capability_type.as_str())
            {
                return Err(crate::error::UserError::new(format!(
                    "cluster `{cluster}` has a `{}` capability already: `{other}`, and EKS runs one of each type",
                    spec.capability_type
                ))
                .hint(format!("delete it with `eksup delete capability --cluster {cluster} --name {other}`, or name it `{other}` in the file"))
                .into());
            }
        }
        Ok(())
    }

    /// Point the capability at another role and change Argo CD's role mappings and network
    /// access, in one UpdateCapability; the wait for ACTIVE follows.
    async fn update_capability(
        &self,
        ctx: &StepContext<'_>,
        name: &str,
        role: Option<&str>,
        argocd: Option<UpdateArgoCdConfig>,
    ) -> anyhow::Result<()> {
        let cluster = ctx.plan.cluster.as_str();
        let call = self
            .eks
            .update_capability()
            .cluster_name(cluster)
            .capability_name(name)
            .set_role_arn(role.map(str::to_string))
            .set_configuration(argocd.map(|a| UpdateCapabilityConfiguration::builder().argo_cd(a).build()))
            .client_request_token(self.client_token(ctx));
        call.send().await.api("UpdateCapability")?;
        Ok(())
    }

    /// The access entry EKS makes for a capability's role once the capability is ACTIVE.
    async fn wait_capability_entry(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        role: &str,
    ) -> anyhow::Result<()> {
        let what = format!("the access entry EKS makes for `{role}`");
        let span = super::Span::new(std::time::Duration::from_secs(10), limits::EVENTUAL);
        wait_for(progress, &what, span, || async {
            let entry = self
                .eks
                .describe_access_entry()
                .cluster_name(cluster)
                .principal_arn(role)
                .send()
                .await
                .api("DescribeAccessEntry")
                .or_not_found()?;
            Ok(if entry.is_some() { Poll::Ready(()) } else { Poll::Pending("not made yet".into()) })
        })
        .await
    }

    async fn wait_capability_gone(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        let what = format!("capability `{name}` to be deleted");
        wait_gone(progress, &what, limits::CAPABILITY_GONE, || async {
            Ok(self
                .describe_capability(cluster, name)
                .await?
                .map(|c| c.status().map(|s| s.as_str().to_string())))
        })
        .await
    }

    /// DeleteCapability (retried while it is still being made or changed) and wait until gone.
    pub(super) async fn delete_capability(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        name: &str,
    ) -> anyhow::Result<()> {
        let busy = |e: &CloudError| (e.kind() == ErrorKind::InUse).then_some("the capability is busy");
        retry_while(progress, limits::CAPABILITY, busy, || {
            let call = self.eks.delete_capability().cluster_name(cluster).capability_name(name);
            async move { call.send().await.api("DeleteCapability").or_not_found().map(|_| ()) }
        })
        .await?;
        self.wait_capability_gone(progress, cluster, name).await
    }

    /// The cluster's capabilities (`name` alone when given); `None` when the cluster is not there.
    pub async fn capabilities(
        &self,
        cluster: &str,
        name: Option<&str>,
    ) -> anyhow::Result<Option<Vec<CapabilitySummary>>> {
        if self.describe_eks_cluster(cluster).await?.is_none() {
            return Ok(None);
        }
        let found = match name {
            Some(n) => {
                self.describe_capability(cluster, n).await?.map(|c| (n.to_string(), c)).into_iter().collect()
            }
            None => self.cluster_capabilities(cluster).await?,
        };
        let summary = |(name, c): (String, Capability)| CapabilitySummary {
            name,
            kind: c.r#type().map(|t| t.as_str().to_string()).unwrap_or_default(),
            role_arn: c.role_arn().unwrap_or_default().to_string(),
            status: c.status().map(|s| s.as_str().to_string()).unwrap_or_default(),
            version: c.version().unwrap_or_default().to_string(),
            made_by_eksup: owned(c.tags(), cluster),
        };
        Ok(Some(found.into_iter().map(summary).collect()))
    }

    /// The role of the cluster's capability `name`; `None` when there is no such capability.
    pub(super) async fn capability_role(
        &self,
        cluster: &str,
        name: &str,
    ) -> Result<Option<String>, CloudError> {
        Ok(self
            .describe_capability(cluster, name)
            .await?
            .map(|c| c.role_arn().unwrap_or_default().to_string()))
    }

    /// The names of the cluster's capabilities (ListCapabilities, every page).
    pub(super) async fn capability_names(&self, cluster: &str) -> Result<Vec<String>, CloudError> {
        let mut names = Vec::new();
        let mut pages = self.eks.list_capabilities().cluster_name(cluster).into_paginator().send();
        while let Some(page) = pages.next().await {
            let page = page.api("ListCapabilities")?;
            names.extend(page.capabilities().iter().filter_map(|c| c.capability_name()).map(str::to_string));
        }
        Ok(names)
    }

    /// Every capability of the cluster, described (whoever made it: the tags tell).
    pub(super) async fn cluster_capabilities(
        &self,
        cluster: &str,
    ) -> Result<Vec<(String, Capability)>, CloudError> {
        let mut out = Vec::new();
        for name in self.capability_names(cluster).await? {
            if let Some(c) = self.describe_capability(cluster, &name).await? {
                out.push((name, c));
            }
        }
        Ok(out)
    }
}
