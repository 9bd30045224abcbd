//! Access entries: the file's, then its `iamIdentityMappings` as eksctl's access-entry
//! migration turns them into entries.

use std::collections::BTreeMap;

use super::{Builder, PlanOptions, slug};
use crate::config::defaults::{DEFAULT_ACCESS_ENTRY_TYPE, DEFAULT_ACCESS_SCOPE, NODE_USERNAME};
use crate::config::{AccessEntry, IAMIdentityMapping};
use crate::plan::*;

/// An access entry to add.
struct Entry {
    principal: String,
    entry_type: String,
    groups: Vec<String>,
    username: Option<String>,
    policies: Vec<AccessPolicyAssoc>,
}

/// The step of the hybrid nodes' role eksup makes.
const HYBRID_ROLE: &str = "iam-role-hybrid-nodes";

impl Builder<'_> {
    /// `identityProviders`: the OIDC provider associated with the cluster. Last, after every
    /// other step that asks EKS for something: the association is a cluster update of 15 to 30
    /// minutes, during which the cluster is UPDATING.
    pub(super) fn identity_providers(&mut self, cp: &str) {
        let mut after = vec![cp.to_string()];
        after.extend(
            self.steps
                .iter()
                .filter(|s| {
                    matches!(
                        s.resource.kind(),
                        Kind::Addon
                            | Kind::ManagedNodegroup
                            | Kind::FargateProfile
                            | Kind::AccessEntry
                            | Kind::PodIdentityAssociation
                    )
                })
                .map(|s| s.id.clone()),
        );
        for idp in self.cfg.identity_providers.iter().flatten() {
            let name = idp.name.clone().unwrap_or_default();
            self.add(
                format!("identity-provider-{}", slug(&name)),
                format!("OIDC identity provider `{name}`"),
                Resource::IdentityProvider(Box::new(IdentityProviderSpec {
                    name,
                    issuer_url: idp.issuer_url.clone().unwrap_or_default(),
                    client_id: idp.client_id.clone().unwrap_or_default(),
                    username_claim: idp.username_claim.clone(),
                    username_prefix: idp.username_prefix.clone(),
                    groups_claim: idp.groups_claim.clone(),
                    groups_prefix: idp.groups_prefix.clone(),
                    required_claims: idp.required_claims.clone().unwrap_or_default(),
                    tags: idp.tags.clone().unwrap_or_default(),
                })),
                after.clone(),
            );
        }
    }

    /// EKS Hybrid Nodes: the role the machines get (the file's, or one eksup makes, as eksctl's)
    /// through SSM hybrid activations or IAM Roles Anywhere (`iam.provider: IRA`: with its trust
    /// anchor and profile), and its `HYBRID_LINUX` access entry, which lets them join.
    pub(super) fn hybrid_nodes(&mut self, cp: &str, opts: &PlanOptions) {
        let Some(rnc) = self.cfg.hybrid_nodes() else { return };
        let iam = rnc.iam.clone().unwrap_or_default();
        let (role, mut deps) = match iam.role_arn.clone() {
            Some(arn) => (Val::lit(arn), vec![]),
            None => {
                let roles_anywhere = iam.provider.as_deref().is_some_and(|p| p.eq_ignore_ascii_case("ira"));
                let certificate = iam.ca_bundle_cert.clone().filter(|_| roles_anywhere);
                let role = self.hybrid_nodes_role(opts, certificate);
                (role, vec![HYBRID_ROLE.to_string()])
            }
        };
        deps.push(cp.to_string());
        self.add(
            "access-entry-hybrid-nodes",
            "access entry for the hybrid nodes (`HYBRID_LINUX`)",
            Resource::AccessEntry {
                principal: role,
                entry_type: "HYBRID_LINUX".into(),
                kubernetes_groups: vec![],
                username: None,
                policies: vec![],
            },
            deps,
        );
    }

    /// The hybrid nodes' role eksup makes: for SSM hybrid activations, or, given the certificate
    /// authority of the machines (`caBundleCert`), for IAM Roles Anywhere with the trust anchor
    /// and profile it takes.
    fn hybrid_nodes_role(&mut self, opts: &PlanOptions, roles_anywhere: Option<String>) -> Val {
        let (partition, region, cluster) = (self.partition, self.region.clone(), self.cluster.clone());
        let account = opts.account_id.as_deref().unwrap_or("<account>");
        let statement = |actions: &[&str], resource: String| {
            serde_json::json!({ "Version": "2012-10-17", "Statement": [{ "Effect": "Allow", "Action": actions, "Resource": resource }] })
                .to_string()
        };
        let cluster_arn = format!("arn:{partition}:eks:{region}:{account}:cluster/{cluster}");
        // nodeadm describes the cluster and lists its access entries (AWS's guide; eksctl's allows
        // DescribeCluster on every cluster: the nodes need only theirs).
        let mut inline = BTreeMap::from([(
            "eks-describe-cluster".to_string(),
            statement(&["eks:DescribeCluster", "eks:ListAccessEntries"], cluster_arn),
        )]);
        let mut policies = vec![self.policy("AmazonEC2ContainerRegistryPullOnly")];
        let name = hybrid_node_role_name(&cluster);
        let Some(certificate) = roles_anywhere else {
            // AWS's guide: with SSM, its managed-instance policy and deregistering on uninstall
            // (DescribeInstanceInformation takes no resource; deregistering, only the account's
            // managed instances; eksctl's allows both on `*`).
            inline.insert(
                "ssm-describe".to_string(),
                statement(&["ssm:DescribeInstanceInformation"], "*".into()),
            );
            inline.insert(
                "ssm-deregister".to_string(),
                statement(
                    &["ssm:DeregisterManagedInstance"],
                    format!("arn:{partition}:ssm:{region}:{account}:managed-instance/*"),
                ),
            );
            policies.insert(0, self.policy("AmazonSSMManagedInstanceCore"));
            // AWS's guide for hybrid nodes: SSM of this account and region only.
            let trust = Trust::Service {
                service: "ssm.amazonaws.com".into(),
                condition: Some(serde_json::json!({
                    "StringEquals": { "aws:SourceAccount": account },
                    "ArnEquals": { "aws:SourceArn": format!("arn:{partition}:ssm:{region}:{account}:*") },
                })),
            };
            return self.role(HYBRID_ROLE, "hybrid nodes", name, trust, policies, inline, None);
        };
        // IAM Roles Anywhere (eksctl's `addIAMRolesAnywhere`): the machines' certificate authority,
        // the role only its certificates may take (no SSM policy: AWS's guide asks for it with
        // SSM alone, eksctl attaches it anyway), and the profile that hands the role out.
        let anchor = self.add(
            "trust-anchor-hybrid-nodes",
            "IAM Roles Anywhere trust anchor of the hybrid nodes",
            Resource::TrustAnchor {
                name: super::bounded_name(&format!("eksup-{cluster}-hybrid-ca"), 255),
                certificate,
            },
            vec![],
        );
        let trust = Trust::RolesAnywhere { trust_anchor: Val::out(&anchor, keys::ARN) };
        let role = self.role(HYBRID_ROLE, "hybrid nodes", name, trust, policies, inline, None);
        self.add(
            "anywhere-profile-hybrid-nodes",
            "IAM Roles Anywhere profile of the hybrid nodes",
            Resource::AnywhereProfile {
                name: super::bounded_name(&format!("eksup-{cluster}-hybrid-nodes"), 255),
                roles: vec![role.clone()],
            },
            vec![HYBRID_ROLE.to_string()],
        );
        role
    }

    pub(super) fn access_entries(&mut self, cp: &str) {
        let cfg = self.cfg;
        let mut entries: Vec<Entry> = cfg
            .access_config
            .iter()
            .flat_map(|a| a.access_entries.iter().flatten())
            .map(config_entry)
            .collect();
        entries.extend(cfg.iam_identity_mappings.iter().flatten().filter_map(|m| self.mapping_entry(m)));
        // Step ids by the principal's last name part, numbered when two share one.
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for e in entries {
            let principal = &e.principal;
            let base =
                format!("access-entry-{}", slug(principal.rsplit(['/', ':']).next().unwrap_or(principal)));
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            self.add(
                id,
                format!("access entry for `{principal}`"),
                Resource::AccessEntry {
                    principal: Val::lit(principal),
                    entry_type: e.entry_type,
                    kubernetes_groups: e.groups,
                    username: e.username,
                    policies: e.policies,
                },
                vec![cp.to_string()],
            );
        }
    }

    /// The identity mappings EKS takes no access entry for, kept where eksctl keeps them, in
    /// the aws-auth ConfigMap: a service's (`serviceName`: its service-linked role mapped to its
    /// user, and its RBAC in `namespace`) and whole accounts (`account`).
    pub(super) fn kubernetes_access(&mut self, cp: &str) {
        let mappings = self.cfg.iam_identity_mappings.iter().flatten();
        let mut accounts: Vec<String> = Vec::new();
        let mut services: Vec<(&String, &String)> = Vec::new();
        // One step after the other: each rewrites the ConfigMap.
        let mut after = vec![cp.to_string()];
        for m in mappings {
            if let Some(account) = &m.account {
                if !accounts.contains(account) {
                    accounts.push(account.clone());
                }
                continue;
            }
            let (Some(name), Some(namespace)) = (&m.service_name, &m.namespace) else { continue };
            let Some(service) = crate::config::services::service(name) else { continue };
            // eksctl adds a mapping once (`AddIdentityIfNotPresent`).
            if services.contains(&(name, namespace)) {
                continue;
            }
            services.push((name, namespace));
            let step = self.add(
                format!("service-access-{}-{}", slug(name), slug(namespace)),
                format!(
                    "`{name}`'s access to namespace `{namespace}` (RBAC, and `{}` in aws-auth)",
                    service.service_linked_role
                ),
                Resource::ServiceAccess {
                    service: name.clone(),
                    user: service.user.clone(),
                    namespace: namespace.clone(),
                    service_linked_role: service.service_linked_role.clone(),
                    cluster_arn: Val::out(cp, keys::ARN),
                    endpoint: Val::out(cp, keys::ENDPOINT),
                    certificate_authority: Val::out(cp, keys::CA),
                },
                after.clone(),
            );
            after = vec![cp.to_string(), step];
        }
        if !accounts.is_empty() {
            self.add(
                "aws-auth-accounts",
                format!(
                    "accounts {} in aws-auth (`mapAccounts`)",
                    accounts.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                ),
                Resource::AccountMappings {
                    accounts,
                    endpoint: Val::out(cp, keys::ENDPOINT),
                    certificate_authority: Val::out(cp, keys::CA),
                },
                after,
            );
        }
    }

    /// An identity mapping as an access entry. EKS refuses `system:` groups in access entries:
    /// as eksctl's access-entry migration does, `system:masters` becomes the cluster admin
    /// access policy (validation refuses the other `system:` groups), and a node role becomes
    /// an EC2 entry, which EKS maps itself.
    fn mapping_entry(&self, m: &IAMIdentityMapping) -> Option<Entry> {
        let arn = m.arn.clone()?;
        let (masters, groups): (Vec<String>, Vec<String>) =
            m.groups.clone().unwrap_or_default().into_iter().partition(|g| g == "system:masters");
        if m.username.as_deref() == Some(NODE_USERNAME) {
            let windows = groups.iter().any(|g| g == "eks:kube-proxy-windows");
            let kind = if windows { "EC2_WINDOWS" } else { "EC2_LINUX" };
            return Some(Entry {
                principal: arn,
                entry_type: kind.into(),
                groups: vec![],
                username: None,
                policies: vec![],
            });
        }
        let policies = if masters.is_empty() {
            vec![]
        } else {
            vec![AccessPolicyAssoc {
                policy_arn: format!(
                    "arn:{}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                    self.partition
                ),
                scope: "cluster".into(),
                namespaces: vec![],
            }]
        };
        Some(Entry {
            principal: arn,
            entry_type: "STANDARD".into(),
            groups,
            username: m.username.clone(),
            policies,
        })
    }
}

/// A file's access policies as AssociateAccessPolicy takes them (scope `cluster` by default).
pub(super) fn access_policies(policies: &[crate::config::AccessPolicy]) -> Vec<AccessPolicyAssoc> {
    policies
        .iter()
        .map(|p| {
            let scope = p.access_scope.clone().unwrap_or_default();
            AccessPolicyAssoc {
                policy_arn: p.policy_arn.clone().unwrap_or_default(),
                scope: scope.scope_type.unwrap_or_else(|| DEFAULT_ACCESS_SCOPE.into()),
                namespaces: scope.namespaces.unwrap_or_default(),
            }
        })
        .collect()
}

fn config_entry(e: &AccessEntry) -> Entry {
    let policies = access_policies(e.access_policies.as_deref().unwrap_or_default());
    Entry {
        principal: e.principal_arn.clone().unwrap_or_default(),
        entry_type: e.entry_type.clone().unwrap_or_else(|| DEFAULT_ACCESS_ENTRY_TYPE.into()),
        groups: e.kubernetes_groups.clone().unwrap_or_default(),
        username: e.kubernetes_username.clone(),
        policies,
    }
}

/// The name of the role eksup makes for the hybrid nodes of `cluster` (a delete looks for it to
/// know whether the cluster had IAM Roles Anywhere parts).
pub fn hybrid_node_role_name(cluster: &str) -> String {
    super::bounded_name(&format!("eksup-{cluster}-hybrid-node"), 64)
}
