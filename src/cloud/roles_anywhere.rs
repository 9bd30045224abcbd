//! IAM Roles Anywhere for EKS Hybrid Nodes (`remoteNetworkConfig.iam.provider: IRA`), as
//! eksctl's `addIAMRolesAnywhere` makes it: a trust anchor holding the certificate authority of
//! the hybrid machines (`caBundleCert`) and a profile naming the role they take with their
//! certificates. Both have eksup's names and ownership tags: a re-run finds them by name, a
//! delete by name and tags.

use std::collections::BTreeMap;

use aws_sdk_rolesanywhere::types::{
    ProfileDetail, Source, SourceData, Tag, TrustAnchorDetail, TrustAnchorType,
};

use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::{AwsCloud, owned_by, step_tags};
use crate::executor::{Action, StepContext, StepResult};
use crate::plan::{Resource, Val, keys, tags as tag_keys};

/// One of eksup's trust anchors or profiles found in the region: its id, the cluster its
/// ownership tag names, and its tags.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub id: String,
    pub cluster: String,
    pub tags: BTreeMap<String, String>,
}

fn tags_of(tags: &BTreeMap<String, String>) -> anyhow::Result<Vec<Tag>> {
    tags.iter().map(|(k, v)| Ok(Tag::builder().key(k).value(v).build()?)).collect()
}

/// The certificate of a trust anchor's source, compared without line-end or edge whitespace
/// differences.
fn certificate_of(anchor: &TrustAnchorDetail) -> Option<String> {
    match anchor.source()?.source_data()? {
        SourceData::X509CertificateData(pem) => Some(normalized(pem)),
        _ => None,
    }
}

fn normalized(pem: &str) -> String {
    pem.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

impl AwsCloud {
    /// Every trust anchor of the region (the SDK's paginator follows `nextToken`).
    async fn trust_anchors(&self) -> Result<Vec<TrustAnchorDetail>, CloudError> {
        let pages = self.roles_anywhere.list_trust_anchors().into_paginator().items().send();
        pages.collect::<Result<Vec<_>, _>>().await.api("ListTrustAnchors")
    }

    /// Every profile of the region.
    async fn anywhere_profiles(&self) -> Result<Vec<ProfileDetail>, CloudError> {
        let pages = self.roles_anywhere.list_profiles().into_paginator().items().send();
        pages.collect::<Result<Vec<_>, _>>().await.api("ListProfiles")
    }

    async fn anywhere_tags(&self, arn: &str) -> Result<BTreeMap<String, String>, CloudError> {
        let out = self
            .roles_anywhere
            .list_tags_for_resource()
            .resource_arn(arn)
            .send()
            .await
            .api("ListTagsForResource")?;
        Ok(out.tags().iter().map(|t| (t.key().to_string(), t.value().to_string())).collect())
    }

    /// Add the tags of `want` that `have` lacks (ownership tags lost, `metadata.tags` changed).
    async fn retag_anywhere(
        &self,
        arn: &str,
        have: &BTreeMap<String, String>,
        want: &BTreeMap<String, String>,
    ) -> anyhow::Result<bool> {
        let missing: BTreeMap<String, String> = want
            .iter()
            .filter(|(k, v)| have.get(*k) != Some(*v))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if missing.is_empty() {
            return Ok(false);
        }
        let call = self.roles_anywhere.tag_resource().resource_arn(arn).set_tags(Some(tags_of(&missing)?));
        call.send().await.api("TagResource")?;
        Ok(true)
    }

    /// The tags of the trust anchor or profile `arn` that a step found by name, if the cluster's
    /// ownership tag is among them; else the error that it is someone else's.
    async fn owned_tags(
        &self,
        ctx: &StepContext<'_>,
        arn: &str,
        what: String,
    ) -> anyhow::Result<BTreeMap<String, String>> {
        let have = self.anywhere_tags(arn).await?;
        if owned_by(have.iter().map(|(k, v)| (k.as_str(), v.as_str())), &ctx.plan.cluster) {
            return Ok(have);
        }
        Err(CloudError::NotOwned { what, cluster: ctx.plan.cluster.clone(), tag: tag_keys::CLUSTER }.into())
    }

    /// A [`Resource::TrustAnchor`] or [`Resource::AnywhereProfile`] step.
    pub(super) async fn ensure_roles_anywhere(
        &self,
        ctx: &StepContext<'_>,
        resource: &Resource,
    ) -> anyhow::Result<StepResult> {
        match resource {
            Resource::TrustAnchor { name, certificate } => {
                self.ensure_trust_anchor(ctx, name, certificate).await
            }
            Resource::AnywhereProfile { name, roles } => self.ensure_anywhere_profile(ctx, name, roles).await,
            other => anyhow::bail!("a `{}` step is not of IAM Roles Anywhere", other.kind()),
        }
    }

    /// Make the trust anchor `name` with `certificate` (PEM), enabled, or bring the one found
    /// there in line (its certificate, enabled, its tags).
    async fn ensure_trust_anchor(
        &self,
        ctx: &StepContext<'_>,
        name: &str,
        certificate: &str,
    ) -> anyhow::Result<StepResult> {
        let want_tags = step_tags(ctx);
        let source = Source::builder()
            .source_type(TrustAnchorType::CertificateBundle)
            .source_data(SourceData::X509CertificateData(certificate.to_string()))
            .build();
        let found = self.trust_anchors().await?.into_iter().find(|a| a.name() == Some(name));
        let Some(anchor) = found else {
            let out = self
                .roles_anywhere
                .create_trust_anchor()
                .name(name)
                .source(source)
                .enabled(true)
                .set_tags(Some(tags_of(&want_tags)?))
                .send()
                .await
                .api("CreateTrustAnchor")?;
            self.made(ctx);
            let anchor = out
                .trust_anchor()
                .ok_or(CloudError::MissingField { operation: "CreateTrustAnchor", field: "trustAnchor" })?;
            return Ok(anchor_result(Action::Created, anchor));
        };
        let arn = anchor.trust_anchor_arn().unwrap_or_default().to_string();
        let id = anchor.trust_anchor_id().unwrap_or_default().to_string();
        let have_tags =
            self.owned_tags(ctx, &arn, format!("IAM Roles Anywhere trust anchor `{name}`")).await?;
        let mut action = Action::Existed;
        if certificate_of(&anchor).as_deref() != Some(normalized(certificate).as_str()) {
            let call = self.roles_anywhere.update_trust_anchor().trust_anchor_id(&id).source(source);
            call.send().await.api("UpdateTrustAnchor")?;
            action = Action::Updated;
        }
        if anchor.enabled() != Some(true) {
            self.roles_anywhere
                .enable_trust_anchor()
                .trust_anchor_id(&id)
                .send()
                .await
                .api("EnableTrustAnchor")?;
            action = Action::Updated;
        }
        if self.retag_anywhere(&arn, &have_tags, &want_tags).await? {
            action = Action::Updated;
        }
        Ok(anchor_result(action, &anchor))
    }

    /// Make the profile `name` for `roles`, enabled, taking the role session name the machine
    /// asks for, or bring the one found there in line.
    async fn ensure_anywhere_profile(
        &self,
        ctx: &StepContext<'_>,
        name: &str,
        roles: &[Val],
    ) -> anyhow::Result<StepResult> {
        let roles = roles.iter().map(|r| ctx.resolve(r)).collect::<anyhow::Result<Vec<_>>>()?;
        let want_tags = step_tags(ctx);
        let found = self.anywhere_profiles().await?.into_iter().find(|p| p.name() == Some(name));
        let Some(profile) = found else {
            let out = self
                .roles_anywhere
                .create_profile()
                .name(name)
                .set_role_arns(Some(roles))
                .enabled(true)
                .accept_role_session_name(true)
                .set_tags(Some(tags_of(&want_tags)?))
                .send()
                .await
                .api("CreateProfile")?;
            self.made(ctx);
            let profile = out
                .profile()
                .ok_or(CloudError::MissingField { operation: "CreateProfile", field: "profile" })?;
            return Ok(profile_result(Action::Created, profile));
        };
        let arn = profile.profile_arn().unwrap_or_default().to_string();
        let id = profile.profile_id().unwrap_or_default().to_string();
        let have_tags = self.owned_tags(ctx, &arn, format!("IAM Roles Anywhere profile `{name}`")).await?;
        let mut action = Action::Existed;
        let mut have_roles = profile.role_arns().to_vec();
        have_roles.sort();
        let mut want_roles = roles.clone();
        want_roles.sort();
        if have_roles != want_roles || profile.accept_role_session_name() != Some(true) {
            let call = self
                .roles_anywhere
                .update_profile()
                .profile_id(&id)
                .set_role_arns(Some(roles))
                .accept_role_session_name(true);
            call.send().await.api("UpdateProfile")?;
            action = Action::Updated;
        }
        if profile.enabled() != Some(true) {
            self.roles_anywhere.enable_profile().profile_id(&id).send().await.api("EnableProfile")?;
            action = Action::Updated;
        }
        if self.retag_anywhere(&arn, &have_tags, &want_tags).await? {
            action = Action::Updated;
        }
        Ok(profile_result(action, &profile))
    }

    pub(super) async fn delete_trust_anchor(&self, id: &str) -> anyhow::Result<()> {
        let call = self.roles_anywhere.delete_trust_anchor().trust_anchor_id(id);
        call.send().await.api("DeleteTrustAnchor").or_not_found()?;
        Ok(())
    }

    pub(super) async fn delete_anywhere_profile(&self, id: &str) -> anyhow::Result<()> {
        let call = self.roles_anywhere.delete_profile().profile_id(id);
        call.send().await.api("DeleteProfile").or_not_found()?;
        Ok(())
    }

    /// The trust anchors (`profiles: false`) or profiles carrying the ownership tag of `cluster`
    /// (of any cluster: `None`). Only those named like eksup's (`eksup-<cluster>-`) have their
    /// tags read, one call each.
    pub(crate) async fn owned_roles_anywhere(
        &self,
        cluster: Option<&str>,
        profiles: bool,
    ) -> Result<Vec<Found>, CloudError> {
        let prefix = cluster.map_or_else(|| "eksup-".to_string(), |c| format!("eksup-{c}-"));
        let candidates: Vec<(String, String, String)> = if profiles {
            self.anywhere_profiles()
                .await?
                .iter()
                .filter_map(|p| Some((p.profile_id()?.into(), p.name()?.into(), p.profile_arn()?.into())))
                .collect()
        } else {
            self.trust_anchors()
                .await?
                .iter()
                .filter_map(|a| {
                    Some((a.trust_anchor_id()?.into(), a.name()?.into(), a.trust_anchor_arn()?.into()))
                })
                .collect()
        };
        let mut out = Vec::new();
        for (id, _, arn) in candidates.into_iter().filter(|(_, n, _)| n.starts_with(&prefix)) {
            let Some(tags) = self.anywhere_tags(&arn).await.or_not_found()? else { continue };
            let Some(owner) = tags.get(tag_keys::CLUSTER).cloned() else { continue };
            if cluster.is_none_or(|c| c == owner) {
                out.push(Found { id, cluster: owner, tags });
            }
        }
        Ok(out)
    }
}

fn anchor_result(action: Action, anchor: &TrustAnchorDetail) -> StepResult {
    StepResult::new(action)
        .with(keys::ARN, anchor.trust_anchor_arn().unwrap_or_default())
        .with(keys::ID, anchor.trust_anchor_id().unwrap_or_default())
}

fn profile_result(action: Action, profile: &ProfileDetail) -> StepResult {
    StepResult::new(action)
        .with(keys::ARN, profile.profile_arn().unwrap_or_default())
        .with(keys::ID, profile.profile_id().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::normalized;

    #[test]
    fn certificates_compare_without_line_end_differences() {
        let a = "-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n";
        let b = "  -----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
        assert_eq!(normalized(a), normalized(b));
        assert_ne!(normalized(a), normalized("-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----"));
    }
}
