//! `capabilities`: eksctl's rules (a name and a type; Argo CD needs its Identity Center
//! instance) and the EKS API's (CreateCapability's names and values), checked before anything
//! is made.

use std::collections::HashSet;

use super::{V, access_policy_rules, kubernetes_name};
use crate::config::types::{ArgoCDConfiguration, Capability, ClusterConfig};

/// The capability types EKS offers.
pub const TYPES: &[&str] = &["ACK", "KRO", "ARGOCD"];

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let caps = cfg.capabilities.as_deref().unwrap_or_default();
    if caps.is_empty() {
        return;
    }
    // EKS gives a capability's role its Kubernetes permissions through an access entry.
    let mode = cfg.access_config.as_ref().and_then(|a| a.authentication_mode.as_deref());
    if mode == Some("CONFIG_MAP") {
        v.err_hint(
            "capabilities",
            "capabilities need access entries, which `accessConfig.authenticationMode: CONFIG_MAP` does not take",
            "use `API_AND_CONFIG_MAP` (the default) or `API`",
        );
    }
    let mut names = HashSet::new();
    let mut types = HashSet::new();
    for (i, c) in caps.iter().enumerate() {
        let p = format!("capabilities[{i}]");
        match c.name.as_deref() {
            None | Some("") => v.err(format!("{p}.name"), "must be set"),
            Some(n) if !n.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_') => v
                .err_hint(
                    format!("{p}.name"),
                    format!("`{n}` is not a capability name"),
                    "use letters, digits, `-` and `_`",
                ),
            Some(n) => {
                if !names.insert(n.to_string()) {
                    v.err(
                        format!("{p}.name"),
                        format!("`{n}` names two capabilities: a name is unique in a cluster"),
                    );
                }
            }
        }
        let kind = c.capability_type.as_deref();
        match kind {
            None | Some("") => v.err_hint(format!("{p}.type"), "must be set", "use `ACK`, `KRO` or `ARGOCD`"),
            Some(t) => {
                if v.one_of(&format!("{p}.type"), t, TYPES) && !types.insert(t) {
                    v.err_hint(
                        format!("{p}.type"),
                        format!(
                            "a second `{t}` capability: EKS runs one capability of each type in a cluster"
                        ),
                        "keep one of them",
                    );
                }
            }
        }
        if let Some(d) = c.delete_propagation_policy.as_deref() {
            v.one_of(&format!("{p}.deletePropagationPolicy"), d, &["RETAIN"]);
        }
        role_rules(v, &p, c);
        v.part_tags(&format!("{p}.tags"), c.tags.as_ref(), cfg.metadata.tags.as_ref());
        access_policy_rules(v, &p, c.access_policies.as_deref().unwrap_or_default());
        let argocd = c.configuration.as_ref().and_then(|c| c.argocd.as_ref());
        match (kind, argocd) {
            (Some("ARGOCD"), None) => v.err_hint(
                format!("{p}.configuration.argocd"),
                "must be set for an `ARGOCD` capability",
                "add `configuration.argocd.awsIdc.idcInstanceArn`: the IAM Identity Center instance Argo CD signs users in with",
            ),
            (Some("ARGOCD"), Some(a)) => argocd_rules(v, &format!("{p}.configuration.argocd"), a),
            (Some(t), Some(_)) if t != "ARGOCD" => v.err_hint(
                format!("{p}.configuration.argocd"),
                format!("is only for an `ARGOCD` capability, not `{t}`"),
                "remove `configuration`",
            ),
            _ => {}
        }
    }
}

/// The role: the file's, or what to put on the one eksup makes, not both.
fn role_rules(v: &mut V, p: &str, c: &Capability) {
    let Some(arn) = c.role_arn.as_deref().filter(|a| !a.is_empty()) else {
        if let Some(b) = c.permissions_boundary.as_deref() {
            v.arn(&format!("{p}.permissionsBoundary"), b);
        }
        for (j, a) in c.attach_policy_arns.iter().flatten().enumerate() {
            v.arn(&format!("{p}.attachPolicyARNs[{j}]"), a);
        }
        return;
    };
    v.arn(&format!("{p}.roleArn"), arn);
    for (set, field) in [
        (c.attach_policy_arns.as_ref().is_some_and(|a| !a.is_empty()), "`attachPolicyARNs`"),
        (c.attach_policy.is_some(), "`attachPolicy`"),
        (c.permissions_boundary.is_some(), "`permissionsBoundary`"),
    ] {
        if set {
            v.err_hint(
                format!("{p}.roleArn"),
                format!(
                    "{field} cannot be set with `roleArn`: the role is your own and eksup does not change it"
                ),
                "drop `roleArn` to have eksup make the role, or drop the other fields",
            );
        }
    }
}

/// Whether `arn` is an IAM Identity Center instance ARN (`arn:aws:sso:::instance/ssoins-` and
/// 16 letters, digits, `-` or `.`, the pattern of the SSO Admin API's `InstanceArn`).
fn idc_instance_arn(arn: &str) -> bool {
    let Some(rest) = arn.strip_prefix("arn:") else { return false };
    let Some((partition, rest)) = rest.split_once(':') else { return false };
    let Some(instance) = rest.strip_prefix("sso:::instance/") else { return false };
    let Some(id) = instance.strip_prefix("ssoins-").or_else(|| instance.strip_prefix("ins-")) else {
        return false;
    };
    partition.starts_with("aws")
        && id.len() == 16
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// Whether `id` is an IAM Identity Center user or group id: the Identity Store's pattern, a UUID
/// with an optional 10-digit prefix (`906753b2d1-8cd4c37b-...`).
fn identity_store_id(id: &str) -> bool {
    let hex = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_hexdigit());
    let parts: Vec<&str> = id.split('-').collect();
    let uuid = |p: &[&str]| {
        p.len() == 5 && hex(p[0], 8) && hex(p[1], 4) && hex(p[2], 4) && hex(p[3], 4) && hex(p[4], 12)
    };
    uuid(&parts)
        || (parts.len() == 6
            && parts[0].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && parts[0].len() == 10
            && uuid(&parts[1..]))
}

fn argocd_rules(v: &mut V, p: &str, a: &ArgoCDConfiguration) {
    if let Some(ns) = a.namespace.as_deref()
        && !kubernetes_name(ns, 63, false)
    {
        v.err_hint(
            format!("{p}.namespace"),
            format!("`{ns}` is not a Kubernetes namespace name"),
            "use at most 63 lowercase letters, digits and `-`, starting and ending alphanumeric",
        );
    }
    match a.aws_idc.as_ref().and_then(|i| i.idc_instance_arn.as_deref()) {
        None | Some("") => v.err_hint(
            format!("{p}.awsIdc.idcInstanceArn"),
            "must be set: Argo CD signs users in with IAM Identity Center",
            "find your instance's ARN with `aws sso-admin list-instances`",
        ),
        Some(arn) if !idc_instance_arn(arn) => v.err_hint(
            format!("{p}.awsIdc.idcInstanceArn"),
            format!("`{arn}` is not an IAM Identity Center instance ARN"),
            "use your instance's ARN, like `arn:aws:sso:::instance/ssoins-0123456789abcdef` (`aws sso-admin list-instances`)",
        ),
        Some(_) => {}
    }
    if let Some(r) = a.aws_idc.as_ref().and_then(|i| i.idc_region.as_deref())
        && let Some((message, hint)) = crate::config::regions::problem(r)
    {
        v.err_hint(format!("{p}.awsIdc.idcRegion"), message, hint);
    }
    for (j, id) in a.network_access.iter().flat_map(|n| n.vpce_ids.iter().flatten()).enumerate() {
        let digits = id.strip_prefix("vpce-").unwrap_or_default();
        if !(8..=17).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            v.err_hint(
                format!("{p}.networkAccess.vpceIds[{j}]"),
                format!("`{id}` is not a VPC endpoint id"),
                "VPC endpoint ids look like `vpce-0123456789abcdef0`",
            );
        }
    }
    for (j, m) in a.rbac_role_mappings.iter().flatten().enumerate() {
        let mp = format!("{p}.rbacRoleMappings[{j}]");
        match m.role.as_deref() {
            None => v.err(format!("{mp}.role"), "must be set"),
            Some(r) => {
                v.one_of(&format!("{mp}.role"), r, &["ADMIN", "EDITOR", "VIEWER"]);
            }
        }
        let identities = m.identities.as_deref().unwrap_or_default();
        if identities.is_empty() {
            v.err_hint(
                format!("{mp}.identities"),
                "must list at least one user or group",
                "add `{id: <Identity Store id>, type: SSO_USER}` or `type: SSO_GROUP`",
            );
        }
        for (k, i) in identities.iter().enumerate() {
            let ip = format!("{mp}.identities[{k}]");
            match i.id.as_deref() {
                None | Some("") => v.err(format!("{ip}.id"), "must be set"),
                Some(id) if !identity_store_id(id) => v.err_hint(
                    format!("{ip}.id"),
                    format!("`{id}` is not an IAM Identity Center user or group id"),
                    "use the id `aws identitystore list-users` or `list-groups` gives, like `906753b2d1-8cd4c37b-2bb3-4f51-a2b5-8e8c7f3d5c20`",
                ),
                Some(_) => {}
            }
            match i.identity_type.as_deref() {
                None => v.err(format!("{ip}.type"), "must be set"),
                Some(t) => {
                    v.one_of(&format!("{ip}.type"), t, &["SSO_USER", "SSO_GROUP"]);
                }
            }
        }
    }
}
