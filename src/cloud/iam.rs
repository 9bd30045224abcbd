//! IAM (global): roles with trust policies and managed policies, instance profiles, OIDC providers.

use std::collections::BTreeMap;

use anyhow::Context as _;
use aws_sdk_iam::types::Tag;

use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::{AwsCloud, OIDC_CLIENT_ID, OIDC_ROOT_CA_THUMBPRINT, owned_by, step_tags};
use crate::executor::{Action, StepContext, StepResult};
use crate::plan::{Trust, Val, keys, tags as tag_keys};

pub(crate) fn iam_tags(tags: &BTreeMap<String, String>) -> anyhow::Result<Vec<Tag>> {
    tags.iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build().context("failed to build an IAM tag"))
        .collect()
}

pub(crate) fn iam_tag_pairs(tags: &[Tag]) -> impl Iterator<Item = (&str, &str)> {
    tags.iter().map(|t| (t.key(), t.value()))
}

/// The tags of `want` that `have` lacks or holds with another value (`metadata.tags` changed
/// since the resource was made; tags set outside eksup stay).
fn tags_to_add(have: &[Tag], want: &BTreeMap<String, String>) -> anyhow::Result<Vec<Tag>> {
    iam_tags(&crate::plan::drift::tags_to_add(want, iam_tag_pairs(have)))
}

/// The service principal of EKS Pod Identity.
pub const POD_IDENTITY_SERVICE: &str = "pods.eks.amazonaws.com";

/// The service principal of EKS capabilities (the role a capability acts as).
pub const CAPABILITIES_SERVICE: &str = "capabilities.eks.amazonaws.com";

/// The trust policy of a role assumed by `service`, with an optional `Condition`.
pub fn trust_policy(service: &str, condition: Option<&serde_json::Value>) -> String {
    // EKS, EKS Pod Identity and EKS capabilities tag their sessions.
    let actions: Vec<&str> =
        if ["eks.amazonaws.com", POD_IDENTITY_SERVICE, CAPABILITIES_SERVICE].contains(&service) {
            vec!["sts:AssumeRole", "sts:TagSession"]
        } else {
            vec!["sts:AssumeRole"]
        };
    let mut statement = serde_json::json!({
        "Effect": "Allow",
        "Principal": { "Service": service },
        "Action": actions,
    });
    if let (Some(c), Some(obj)) = (condition, statement.as_object_mut()) {
        obj.insert("Condition".to_string(), c.clone());
    }
    serde_json::json!({ "Version": "2012-10-17", "Statement": [statement] }).to_string()
}

/// The service of IAM Roles Anywhere, which hands hybrid machines a role for their certificate.
pub const ROLES_ANYWHERE_SERVICE: &str = "rolesanywhere.amazonaws.com";

/// The trust policy of a role hybrid machines take through IAM Roles Anywhere, as AWS's hybrid
/// nodes guide ("Prepare credentials for hybrid nodes") writes it: only for certificates of
/// `trust_anchor` (its ARN), the service may tag the session and set its source identity, and
/// assume the role for a session named as the certificate's common name, so that a machine
/// cannot join as another node. (eksctl's has no session name condition.)
pub fn roles_anywhere_trust_policy(trust_anchor: &str) -> String {
    let anchor = serde_json::json!({ "aws:SourceArn": trust_anchor });
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": { "Service": ROLES_ANYWHERE_SERVICE },
                "Action": ["sts:TagSession", "sts:SetSourceIdentity"],
                "Condition": { "ArnEquals": anchor },
            },
            {
                "Effect": "Allow",
                "Principal": { "Service": ROLES_ANYWHERE_SERVICE },
                "Action": "sts:AssumeRole",
                "Condition": {
                    "ArnEquals": anchor,
                    "StringEquals": { "sts:RoleSessionName": "${aws:PrincipalTag/x509Subject/CN}" },
                },
            },
        ],
    })
    .to_string()
}

/// The trust policy of a role assumed by a Kubernetes service account through the cluster's IAM
/// OIDC provider (IRSA): `sts:AssumeRoleWithWebIdentity`, conditioned on the token's `sub` and `aud`.
pub fn web_identity_trust_policy(provider_arn: &str, namespace: &str, name: &str, pattern: bool) -> String {
    let issuer = provider_arn.split_once(":oidc-provider/").map_or(provider_arn, |(_, i)| i);
    let subject = format!("system:serviceaccount:{namespace}:{name}");
    let audience = serde_json::json!({ format!("{issuer}:aud"): super::OIDC_CLIENT_ID });
    // A pattern (`subjectPattern`) matches with StringLike, as eksctl does.
    let condition = if pattern {
        serde_json::json!({ "StringEquals": audience, "StringLike": { format!("{issuer}:sub"): subject } })
    } else {
        serde_json::json!({ "StringEquals": {
            format!("{issuer}:sub"): subject,
            format!("{issuer}:aud"): super::OIDC_CLIENT_ID,
        }})
    };
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": { "Federated": provider_arn },
            "Action": ["sts:AssumeRoleWithWebIdentity"],
            "Condition": condition,
        }],
    })
    .to_string()
}

/// Whether a (possibly URL-encoded) trust policy is `want`'s: the same principals and conditions.
pub fn same_trust(document: &str, want: &str) -> bool {
    let parse = |d: &str| serde_json::from_str::<serde_json::Value>(d).ok();
    let (Some(have), Some(want)) = (parse(&percent_decode(document)), parse(want)) else { return false };
    let key = |doc: &serde_json::Value| -> Vec<(String, String)> {
        let statements = match &doc["Statement"] {
            serde_json::Value::Array(a) => a.clone(),
            other => vec![other.clone()],
        };
        let mut k: Vec<(String, String)> =
            statements.iter().map(|s| (s["Principal"].to_string(), s["Condition"].to_string())).collect();
        k.sort();
        k
    };
    key(&have) == key(&want)
}

/// Decode `%XX` escapes (IAM returns policy documents URL-encoded).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) =
                std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The name in a role ARN (`arn:aws:iam::1:role/path/name` -> `name`), or the input.
pub fn role_name_of(role: &str) -> &str {
    if role.starts_with("arn:") { role.rsplit('/').next().unwrap_or(role) } else { role }
}

/// A role step's settings (see [`crate::plan::Resource::IamRole`]).
pub(crate) struct RoleSpec<'a> {
    pub role_name: &'a str,
    pub trust: &'a Trust,
    pub managed_policies: &'a [String],
    pub permissions_boundary: Option<&'a str>,
    pub inline_policies: &'a BTreeMap<String, String>,
    pub tags: &'a BTreeMap<String, String>,
}

impl<'a> RoleSpec<'a> {
    /// The settings of a role step.
    pub(crate) fn of(resource: &'a crate::plan::Resource) -> anyhow::Result<Self> {
        let crate::plan::Resource::IamRole {
            role_name,
            trust,
            managed_policies,
            permissions_boundary,
            inline_policies,
            tags,
        } = resource
        else {
            anyhow::bail!("a `{}` step is not an IAM role", resource.kind().as_str());
        };
        Ok(Self {
            role_name,
            trust,
            managed_policies,
            permissions_boundary: permissions_boundary.as_deref(),
            inline_policies,
            tags,
        })
    }
}

impl AwsCloud {
    pub(super) async fn ensure_role(
        &self,
        ctx: &StepContext<'_>,
        spec: &RoleSpec<'_>,
    ) -> anyhow::Result<StepResult> {
        let RoleSpec { role_name, trust, managed_policies, permissions_boundary, .. } = *spec;
        let document = match trust {
            Trust::Service { service, condition } => trust_policy(service, condition.as_ref()),
            Trust::PodIdentity => trust_policy(POD_IDENTITY_SERVICE, None),
            Trust::RolesAnywhere { trust_anchor } => roles_anywhere_trust_policy(&ctx.resolve(trust_anchor)?),
            Trust::ServiceAccount { oidc_provider, namespace, name, pattern } => {
                web_identity_trust_policy(&ctx.resolve(oidc_provider)?, namespace, name, *pattern)
            }
        };
        let mut want_tags = step_tags(ctx);
        want_tags.extend(spec.tags.clone());
        let existing = if self.absent(ctx, role_name) {
            None
        } else {
            self.iam.get_role().role_name(role_name).send().await.api("GetRole").or_not_found()?
        };
        let (arn, mut action) = if let Some(out) = existing {
            let role = out.role().ok_or(CloudError::MissingField { operation: "GetRole", field: "Role" })?;
            let tags = if role.tags().is_empty() {
                // GetRole may omit tags; ask for them.
                self.iam
                    .list_role_tags()
                    .role_name(role_name)
                    .send()
                    .await
                    .api("ListRoleTags")?
                    .tags()
                    .to_vec()
            } else {
                role.tags().to_vec()
            };
            if !owned_by(iam_tag_pairs(&tags), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("IAM role `{role_name}`"),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let mut action = Action::Existed;
            let retag = tags_to_add(&tags, &want_tags)?;
            if !retag.is_empty() {
                self.iam.tag_role().role_name(role_name).set_tags(Some(retag)).send().await.api("TagRole")?;
                action = Action::Updated;
            }
            if !role.assume_role_policy_document().is_some_and(|d| same_trust(d, &document)) {
                self.iam
                    .update_assume_role_policy()
                    .role_name(role_name)
                    .policy_document(&document)
                    .send()
                    .await
                    .api("UpdateAssumeRolePolicy")?;
                action = Action::Updated;
            }
            (role.arn().to_string(), action)
        } else {
            let created = self
                .iam
                .create_role()
                .role_name(role_name)
                .assume_role_policy_document(&document)
                .description(format!("eksup: {} for cluster {}", ctx.step.id, ctx.plan.cluster))
                .set_permissions_boundary(permissions_boundary.map(str::to_string))
                .set_tags(Some(iam_tags(&want_tags)?))
                .send()
                .await
                .api("CreateRole")?;
            let arn = created
                .role()
                .map(|r| r.arn().to_string())
                .ok_or(CloudError::MissingField { operation: "CreateRole", field: "Role" })?;
            self.made(ctx);
            (arn, Action::Created)
        };
        let fresh = action == Action::Created;
        let managed = self.sync_role_policies(role_name, trust, managed_policies, fresh).await?;
        let inline = self.sync_inline_policies(role_name, trust, spec.inline_policies, fresh).await?;
        if (managed || inline) && action == Action::Existed {
            action = Action::Updated;
        }
        Ok(StepResult::new(action).with(keys::ARN, arn).with(keys::NAME, role_name))
    }

    /// Attach the managed policies a role lacks; a service account's role also loses those the
    /// config no longer has (`fresh`: the role was just made and has none). Whether anything
    /// changed.
    async fn sync_role_policies(
        &self,
        role_name: &str,
        trust: &Trust,
        managed_policies: &[String],
        fresh: bool,
    ) -> anyhow::Result<bool> {
        let mut changed = false;
        // A role just made has no policy yet: only attach.
        let attached = if fresh {
            aws_sdk_iam::operation::list_attached_role_policies::ListAttachedRolePoliciesOutput::builder()
                .build()
        } else {
            let look = self.iam.list_attached_role_policies().role_name(role_name);
            look.send().await.api("ListAttachedRolePolicies")?
        };
        let attached: Vec<&str> =
            attached.attached_policies().iter().filter_map(|p| p.policy_arn()).collect();
        // A workload's role keeps only the config's policies (see `Trust::is_exclusive`).
        if trust.is_exclusive() {
            let wanted: Vec<String> = managed_policies.iter().map(|p| self.managed_policy_arn(p)).collect();
            for gone in attached.iter().filter(|a| !wanted.iter().any(|w| w == *a)) {
                self.iam
                    .detach_role_policy()
                    .role_name(role_name)
                    .policy_arn(*gone)
                    .send()
                    .await
                    .api("DetachRolePolicy")
                    .or_not_found()
                    .with_context(|| format!("failed to detach policy `{gone}`"))?;
                changed = true;
            }
        }
        for policy in managed_policies {
            let policy_arn = self.managed_policy_arn(policy);
            if attached.contains(&policy_arn.as_str()) {
                continue;
            }
            self.iam
                .attach_role_policy()
                .role_name(role_name)
                .policy_arn(&policy_arn)
                .send()
                .await
                .api("AttachRolePolicy")
                .with_context(|| format!("failed to attach policy `{policy_arn}`"))?;
            changed = true;
        }
        Ok(changed)
    }

    /// Put the inline policies a role lacks or holds with another document; a service account's
    /// role also loses those the config no longer has (`fresh`: the role was just made). Whether
    /// anything changed.
    async fn sync_inline_policies(
        &self,
        role_name: &str,
        trust: &Trust,
        want: &BTreeMap<String, String>,
        fresh: bool,
    ) -> anyhow::Result<bool> {
        let exclusive = trust.is_exclusive();
        if want.is_empty() && fresh {
            return Ok(false);
        }
        let have: Vec<String> = if fresh {
            Vec::new()
        } else {
            let pages: Result<Vec<_>, _> =
                self.iam.list_role_policies().role_name(role_name).into_paginator().send().collect().await;
            pages.api("ListRolePolicies")?.iter().flat_map(|p| p.policy_names().to_vec()).collect()
        };
        let mut changed = false;
        for (name, document) in want {
            if have.contains(name) {
                let got = self.iam.get_role_policy().role_name(role_name).policy_name(name).send().await;
                let current = got.api("GetRolePolicy")?.policy_document().to_string();
                if super::ecr::same_json(&percent_decode(&current), document) {
                    continue;
                }
            }
            self.iam
                .put_role_policy()
                .role_name(role_name)
                .policy_name(name)
                .policy_document(document)
                .send()
                .await
                .api("PutRolePolicy")
                .with_context(|| format!("failed to put inline policy `{name}` on role `{role_name}`"))?;
            changed = true;
        }
        // A service account's role holds exactly the file's; others lose only eksup's own grants
        // the file no longer asks for.
        {
            let removable =
                |h: &&String| !want.contains_key(*h) && (exclusive || crate::plan::is_eksup_inline_policy(h));
            for gone in have.iter().filter(removable) {
                let call = self.iam.delete_role_policy().role_name(role_name).policy_name(gone);
                call.send().await.api("DeleteRolePolicy").or_not_found()?;
                changed = true;
            }
        }
        Ok(changed)
    }

    pub(super) async fn ensure_instance_profile(
        &self,
        ctx: &StepContext<'_>,
        profile_name: &str,
        role: &Val,
    ) -> anyhow::Result<StepResult> {
        let role = ctx.resolve(role)?;
        let role_name = role_name_of(&role);
        let existing = if self.absent(ctx, profile_name) {
            None
        } else {
            let look = self.iam.get_instance_profile().instance_profile_name(profile_name);
            look.send().await.api("GetInstanceProfile").or_not_found()?
        };
        let (arn, roles, mut action) =
            if let Some(out) = existing {
                let profile = out.instance_profile().ok_or(CloudError::MissingField {
                    operation: "GetInstanceProfile",
                    field: "InstanceProfile",
                })?;
                let tags = profile.tags().to_vec();
                if !owned_by(iam_tag_pairs(&tags), &ctx.plan.cluster) {
                    return Err(CloudError::NotOwned {
                        what: format!("instance profile `{profile_name}`"),
                        cluster: ctx.plan.cluster.clone(),
                        tag: tag_keys::CLUSTER,
                    }
                    .into());
                }
                let roles: Vec<String> = profile.roles().iter().map(|r| r.role_name().to_string()).collect();
                let retag = tags_to_add(&tags, &step_tags(ctx))?;
                let action = if retag.is_empty() {
                    Action::Existed
                } else {
                    let req = self.iam.tag_instance_profile().instance_profile_name(profile_name);
                    req.set_tags(Some(retag)).send().await.api("TagInstanceProfile")?;
                    Action::Updated
                };
                (profile.arn().to_string(), roles, action)
            } else {
                let created = self
                    .iam
                    .create_instance_profile()
                    .instance_profile_name(profile_name)
                    .set_tags(Some(iam_tags(&step_tags(ctx))?))
                    .send()
                    .await
                    .api("CreateInstanceProfile")?;
                self.made(ctx);
                let arn = created.instance_profile().map(|p| p.arn().to_string()).ok_or(
                    CloudError::MissingField { operation: "CreateInstanceProfile", field: "InstanceProfile" },
                )?;
                (arn, Vec::new(), Action::Created)
            };
        if let Some(other) = roles.iter().find(|r| *r != role_name) {
            return Err(CloudError::Drift {
                what: format!("instance profile `{profile_name}`"),
                difference: format!("holds role `{other}`, not `{role_name}`"),
            }
            .into());
        }
        if roles.is_empty() {
            self.iam
                .add_role_to_instance_profile()
                .instance_profile_name(profile_name)
                .role_name(role_name)
                .send()
                .await
                .api("AddRoleToInstanceProfile")?;
            if action == Action::Existed {
                action = Action::Updated;
            }
        }
        Ok(StepResult::new(action).with(keys::ARN, arn).with(keys::NAME, profile_name))
    }

    pub(super) async fn ensure_oidc_provider(
        &self,
        ctx: &StepContext<'_>,
        issuer: &Val,
    ) -> anyhow::Result<StepResult> {
        let issuer = ctx.resolve(issuer)?;
        let found = if self.absent(ctx, &issuer) { None } else { self.find_oidc_provider(&issuer).await? };
        if let Some(arn) = found {
            let tags = self
                .iam
                .list_open_id_connect_provider_tags()
                .open_id_connect_provider_arn(&arn)
                .send()
                .await
                .api("ListOpenIDConnectProviderTags")?;
            if !owned_by(iam_tag_pairs(tags.tags()), &ctx.plan.cluster) {
                ctx.progress.warn(&format!(
                    "the OIDC provider `{arn}` exists but was not created by eksup for this cluster; using it as is"
                ));
                return Ok(StepResult::new(Action::Existed).with(keys::ARN, arn));
            }
            let retag = tags_to_add(tags.tags(), &step_tags(ctx))?;
            if retag.is_empty() {
                return Ok(StepResult::new(Action::Existed).with(keys::ARN, arn));
            }
            self.iam
                .tag_open_id_connect_provider()
                .open_id_connect_provider_arn(&arn)
                .set_tags(Some(retag))
                .send()
                .await
                .api("TagOpenIDConnectProvider")?;
            return Ok(StepResult::new(Action::Updated).with(keys::ARN, arn));
        }
        let created = self
            .iam
            .create_open_id_connect_provider()
            .url(&issuer)
            .client_id_list(OIDC_CLIENT_ID)
            .thumbprint_list(OIDC_ROOT_CA_THUMBPRINT)
            .set_tags(Some(iam_tags(&step_tags(ctx))?))
            .send()
            .await
            .api("CreateOpenIDConnectProvider")?;
        self.made(ctx);
        let arn = created.open_id_connect_provider_arn().ok_or(CloudError::MissingField {
            operation: "CreateOpenIDConnectProvider",
            field: "OpenIDConnectProviderArn",
        })?;
        Ok(StepResult::new(Action::Created).with(keys::ARN, arn))
    }

    /// The tags of instance profile `name` (from `GetInstanceProfile`), or `None` if it is gone.
    pub(crate) async fn instance_profile_tags(&self, name: &str) -> Result<Option<Vec<Tag>>, CloudError> {
        let out = self
            .iam
            .get_instance_profile()
            .instance_profile_name(name)
            .send()
            .await
            .api("GetInstanceProfile");
        Ok(out.or_not_found()?.and_then(|o| o.instance_profile.map(|p| p.tags.unwrap_or_default())))
    }

    /// The ARN of the OIDC provider for `issuer` (`https://oidc.eks.../id/X`), if any.
    pub(crate) async fn find_oidc_provider(&self, issuer: &str) -> Result<Option<String>, CloudError> {
        let host_path = issuer.trim_start_matches("https://");
        let list =
            self.iam.list_open_id_connect_providers().send().await.api("ListOpenIDConnectProviders")?;
        Ok(list
            .open_id_connect_provider_list()
            .iter()
            .filter_map(|p| p.arn())
            .find(|arn| arn.ends_with(&format!("oidc-provider/{host_path}")))
            .map(str::to_string))
    }
}

/// Deletes, each beside the kind's create above.
impl AwsCloud {
    /// Remove its roles, then delete.
    pub(super) async fn delete_instance_profile(&self, name: &str, roles: &[String]) -> anyhow::Result<()> {
        for role in roles {
            let call =
                self.iam.remove_role_from_instance_profile().instance_profile_name(name).role_name(role);
            call.send().await.api("RemoveRoleFromInstanceProfile").or_not_found()?;
        }
        let call = self.iam.delete_instance_profile().instance_profile_name(name);
        call.send().await.api("DeleteInstanceProfile").or_not_found()?;
        Ok(())
    }

    /// Delete the role of `role_arn` when eksup made it for one part of `cluster` (its ownership
    /// tags name the cluster and a step whose id starts with `step_prefix`); its name if it did.
    pub(super) async fn delete_role_made_for(
        &self,
        cluster: &str,
        role_arn: &str,
        step_prefix: &str,
    ) -> anyhow::Result<Option<String>> {
        let role_name = role_arn.rsplit('/').next().unwrap_or_default().to_string();
        let tags = self
            .iam
            .list_role_tags()
            .role_name(&role_name)
            .send()
            .await
            .api("ListRoleTags")
            .or_not_found()?;
        let made_for_it = tags.is_some_and(|t| {
            let pairs = || t.tags().iter().map(|t| (t.key(), t.value()));
            super::owned_by(pairs(), cluster)
                && pairs().any(|(k, v)| k == tag_keys::RESOURCE && v.starts_with(step_prefix))
        });
        if !made_for_it {
            return Ok(None);
        }
        self.delete_role(&role_name).await?;
        Ok(Some(role_name))
    }

    /// Take the role out of its instance profiles, detach its managed policies, delete its
    /// inline ones, then delete it.
    pub(super) async fn delete_role(&self, name: &str) -> anyhow::Result<()> {
        let profiles = self.iam.list_instance_profiles_for_role().role_name(name).send().await;
        let Some(profiles) = profiles.api("ListInstanceProfilesForRole").or_not_found()? else {
            return Ok(());
        };
        for p in profiles.instance_profiles() {
            let call = self
                .iam
                .remove_role_from_instance_profile()
                .instance_profile_name(p.instance_profile_name())
                .role_name(name);
            call.send().await.api("RemoveRoleFromInstanceProfile").or_not_found()?;
        }
        let attached = self.iam.list_attached_role_policies().role_name(name).send().await;
        for arn in attached
            .api("ListAttachedRolePolicies")?
            .attached_policies()
            .iter()
            .filter_map(|p| p.policy_arn())
        {
            let call = self.iam.detach_role_policy().role_name(name).policy_arn(arn);
            call.send().await.api("DetachRolePolicy").or_not_found()?;
        }
        let inline = self.iam.list_role_policies().role_name(name).send().await.api("ListRolePolicies")?;
        for p in inline.policy_names() {
            let call = self.iam.delete_role_policy().role_name(name).policy_name(p);
            call.send().await.api("DeleteRolePolicy").or_not_found()?;
        }
        self.iam.delete_role().role_name(name).send().await.api("DeleteRole").or_not_found()?;
        Ok(())
    }

    pub(super) async fn delete_oidc_provider(&self, arn: &str) -> anyhow::Result<()> {
        let call = self.iam.delete_open_id_connect_provider().open_id_connect_provider_arn(arn);
        call.send().await.api("DeleteOpenIDConnectProvider").or_not_found()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_service_accounts_a_trust_lets_in() {
        let issuer = "oidc.eks.us-west-2.amazonaws.com/id/ABC";
        let doc = format!(
            r#"{{"Statement":[{{"Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::1:oidc-provider/{issuer}"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"{issuer}:sub":["system:serviceaccount:a:one","system:serviceaccount:b:two"],"{issuer}:aud":"sts.amazonaws.com"}},"StringLike":{{"{issuer}:sub":"system:serviceaccount:kube-system:efs-csi-*"}}}}}},{{"Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::1:oidc-provider/other"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"other:sub":"system:serviceaccount:c:three"}}}}}}]}}"#
        );
        let got = super::trusted_service_accounts(&doc, issuer);
        let want = [("a", "one"), ("b", "two"), ("kube-system", "efs-csi-*")];
        assert_eq!(got, want.map(|(n, a)| (n.to_string(), a.to_string())));
        assert!(super::trusted_service_accounts("{}", issuer).is_empty());
    }

    use super::*;

    #[test]
    fn trust_policies() {
        let doc = trust_policy("eks.amazonaws.com", None);
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["Statement"][0]["Principal"]["Service"], "eks.amazonaws.com");
        assert_eq!(v["Statement"][0]["Action"], serde_json::json!(["sts:AssumeRole", "sts:TagSession"]));
        let cond = serde_json::json!({"ArnLike": {"aws:SourceArn": "arn:aws:eks:us-west-2:1:fargateprofile/demo/*"}});
        let doc = trust_policy("eks-fargate-pods.amazonaws.com", Some(&cond));
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["Statement"][0]["Condition"], cond);
        assert_eq!(v["Statement"][0]["Action"], serde_json::json!(["sts:AssumeRole"]));
        assert!(same_trust(&doc, &trust_policy("eks-fargate-pods.amazonaws.com", Some(&cond))));
        assert!(!same_trust(&doc, &trust_policy("eks-fargate-pods.amazonaws.com", None)));
        assert!(!same_trust(&doc, &trust_policy("ec2.amazonaws.com", Some(&cond))));
    }

    #[test]
    fn service_account_trust_names_the_provider_subject_and_audience() {
        let arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC";
        let doc = web_identity_trust_policy(arn, "kube-system", "aws-node", false);
        let v: serde_json::Value = serde_json::from_str(&doc).unwrap();
        let s = &v["Statement"][0];
        assert_eq!(s["Principal"]["Federated"], arn);
        assert_eq!(s["Action"], serde_json::json!(["sts:AssumeRoleWithWebIdentity"]));
        let eq = &s["Condition"]["StringEquals"];
        assert_eq!(
            eq["oidc.eks.us-west-2.amazonaws.com/id/ABC:sub"],
            "system:serviceaccount:kube-system:aws-node"
        );
        assert_eq!(eq["oidc.eks.us-west-2.amazonaws.com/id/ABC:aud"], "sts.amazonaws.com");
        assert!(same_trust(&doc, &web_identity_trust_policy(arn, "kube-system", "aws-node", false)));
        assert!(!same_trust(&doc, &web_identity_trust_policy(arn, "kube-system", "other", false)));
        // `subjectPattern`: the subject matched with StringLike, the audience still exact.
        let like: serde_json::Value =
            serde_json::from_str(&web_identity_trust_policy(arn, "jobs", "runner-*", true)).unwrap();
        let c = &like["Statement"][0]["Condition"];
        assert_eq!(
            c["StringLike"]["oidc.eks.us-west-2.amazonaws.com/id/ABC:sub"],
            "system:serviceaccount:jobs:runner-*"
        );
        assert_eq!(c["StringEquals"]["oidc.eks.us-west-2.amazonaws.com/id/ABC:aud"], "sts.amazonaws.com");
    }

    #[test]
    fn url_encoded_documents_are_read() {
        let encoded = "%7B%22Statement%22%3A%5B%7B%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%7D%5D%7D";
        assert!(same_trust(encoded, r#"{"Statement":[{"Principal":{"Service":"ec2.amazonaws.com"}}]}"#));
        assert_eq!(percent_decode("a%2Fb%"), "a/b%");
    }

    #[test]
    fn role_names_from_arns() {
        assert_eq!(role_name_of("arn:aws:iam::123:role/path/demo-node"), "demo-node");
        assert_eq!(role_name_of("demo-node"), "demo-node");
    }
}

/// An IAM role that service accounts of a cluster take through its OIDC provider (IRSA), as
/// `get iamserviceaccount` shows it, in eksctl's shape.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountRole {
    pub metadata: ServiceAccountMeta,
    #[serde(rename = "attachPolicyARNs")]
    pub attach_policy_arns: Vec<String>,
    pub status: ServiceAccountStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServiceAccountMeta {
    pub name: String,
    pub namespace: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountStatus {
    #[serde(rename = "roleARN")]
    pub role_arn: String,
    /// Whether eksup made the role for this cluster (its ownership tag).
    pub managed_by_eksup: bool,
}

/// The service accounts (`namespace`, `name`) a trust policy lets take the role through the OIDC
/// provider of `issuer` (host and path, no scheme): its `sub` conditions, `*` patterns included.
pub fn trusted_service_accounts(document: &str, issuer: &str) -> Vec<(String, String)> {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(document) else { return Vec::new() };
    let key = format!("{issuer}:sub");
    let statements = match &doc["Statement"] {
        serde_json::Value::Array(a) => a.clone(),
        one => vec![one.clone()],
    };
    let mut out = Vec::new();
    for st in statements {
        let federated = st["Principal"]["Federated"].as_str().unwrap_or_default();
        if !federated.ends_with(&format!("oidc-provider/{issuer}")) {
            continue;
        }
        for op in ["StringEquals", "StringLike"] {
            let subjects = match &st["Condition"][op][&key] {
                serde_json::Value::String(s) => vec![s.clone()],
                serde_json::Value::Array(a) => {
                    a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
                }
                _ => continue,
            };
            for sub in subjects {
                if let Some(rest) = sub.strip_prefix("system:serviceaccount:")
                    && let Some((ns, name)) = rest.split_once(':')
                {
                    out.push((ns.to_string(), name.to_string()));
                }
            }
        }
    }
    out
}

/// What `delete iamserviceaccount` removed.
#[derive(Debug, Clone)]
pub struct RemovedServiceAccount {
    pub role_arn: String,
    /// Whether the role was eksup's (made for this cluster) and was deleted.
    pub role_deleted: bool,
    /// Whether the Kubernetes ServiceAccount was eksup's and was deleted.
    pub account_deleted: bool,
}

impl AwsCloud {
    /// `delete iamserviceaccount`: the role that `namespace/name` takes through the cluster's
    /// OIDC provider, when eksup made it, and the Kubernetes ServiceAccount, when eksup made it.
    /// `None`: no role trusts that account.
    pub async fn remove_service_account(
        &self,
        cluster: &str,
        namespace: &str,
        name: &str,
    ) -> anyhow::Result<Option<RemovedServiceAccount>> {
        let Some(roles) = self.service_account_roles(cluster).await? else {
            return Err(crate::error::UserError::no_cluster(cluster).into());
        };
        let Some(found) =
            roles.into_iter().find(|r| r.metadata.namespace == namespace && r.metadata.name == name)
        else {
            return Ok(None);
        };
        let role_arn = found.status.role_arn.clone();
        let role_deleted = found.status.managed_by_eksup;
        if role_deleted {
            self.delete_role(role_arn.rsplit('/').next().unwrap_or_default()).await?;
        }
        let eks_cluster = self.describe_eks_cluster(cluster).await?.context("the cluster is gone")?;
        let api = self.cluster_api(&eks_cluster).await?;
        let account_deleted = api.delete_service_account_of_eksup(namespace, name).await?;
        Ok(Some(RemovedServiceAccount { role_arn, role_deleted, account_deleted }))
    }

    /// The IRSA roles of cluster `name`: every role whose trust names the cluster's OIDC provider
    /// with a service account, one entry per account; `None` when there is no such cluster.
    pub async fn service_account_roles(&self, name: &str) -> anyhow::Result<Option<Vec<ServiceAccountRole>>> {
        let Some(cluster) = self.describe_eks_cluster(name).await? else { return Ok(None) };
        let Some(issuer) = cluster.identity().and_then(|i| i.oidc()).and_then(|o| o.issuer()) else {
            return Ok(Some(Vec::new()));
        };
        let issuer = issuer.trim_start_matches("https://").to_string();
        let pages: Result<Vec<_>, _> = self.iam.list_roles().into_paginator().send().collect().await;
        let mut out = Vec::new();
        for role in pages.api("ListRoles")?.iter().flat_map(|p| p.roles().to_vec()) {
            let document = percent_decode(role.assume_role_policy_document().unwrap_or_default());
            let accounts = trusted_service_accounts(&document, &issuer);
            if accounts.is_empty() {
                continue;
            }
            let role_name = role.role_name();
            let attached = self.iam.list_attached_role_policies().role_name(role_name).send().await;
            let mut policies: Vec<String> = attached
                .api("ListAttachedRolePolicies")?
                .attached_policies()
                .iter()
                .filter_map(|p| p.policy_arn().map(str::to_string))
                .collect();
            policies.sort();
            let tags = self.iam.list_role_tags().role_name(role_name).send().await.api("ListRoleTags")?;
            let ours = super::owned_by(tags.tags().iter().map(|t| (t.key(), t.value())), name);
            for (namespace, account) in accounts {
                out.push(ServiceAccountRole {
                    metadata: ServiceAccountMeta { name: account, namespace },
                    attach_policy_arns: policies.clone(),
                    status: ServiceAccountStatus { role_arn: role.arn().to_string(), managed_by_eksup: ours },
                });
            }
        }
        out.sort_by(|a, b| {
            (&a.metadata.namespace, &a.metadata.name).cmp(&(&b.metadata.namespace, &b.metadata.name))
        });
        Ok(Some(out))
    }
}
