//! EKS add-ons: the defaults (eksctl's) unless turned off, with the file's entries overriding them.

use std::collections::BTreeMap;

use super::{Builder, bounded_name, partition, slug, step_of};
use crate::plan::*;

/// One add-on to install: a default one, a file entry, or a file entry over a default.
#[derive(Debug, Clone)]
pub(super) struct AddonPlan {
    name: String,
    version: Option<String>,
    configuration_values: Option<String>,
    service_account_role_arn: Option<String>,
    resolve_conflicts: Option<String>,
    /// Installed once the node groups exist (metrics-server), as eksctl does.
    after_nodes: bool,
    /// The policies of a role eksup makes for the add-on's service account.
    policies: AddonPolicies,
    /// The file's `podIdentityAssociations`.
    pod_identities: Vec<crate::config::resolved::PodIdentity>,
    /// `useDefaultPodIdentityAssociations`, or `addonsConfig.autoApplyPodIdentityAssociations`
    /// for an add-on that sets no IAM of its own.
    default_pod_identities: bool,
    /// `namespaceConfig.namespace`.
    namespace: Option<String>,
    /// `owners`, `publishers`, `types`.
    offer: AddonOffer,
}

/// An add-on's own permissions (`attachPolicyARNs`, `attachPolicy`, `wellKnownPolicies`).
#[derive(Debug, Clone, Default)]
struct AddonPolicies {
    arns: Vec<String>,
    inline: Option<String>,
    well_known: crate::config::WellKnownPolicies,
    boundary: Option<String>,
}

impl AddonPolicies {
    fn given(&self) -> bool {
        !self.arns.is_empty()
            || self.inline.is_some()
            || crate::config::resolved::any_well_known(&self.well_known)
    }
}

/// The default add-ons eksctl installs: the networking ones before the node groups, CoreDNS
/// beside them (it turns ACTIVE once nodes run it), metrics-server after them (not in the
/// China, GovCloud and ISO partitions, where eksctl skips it).
pub const DEFAULT_ADDONS: &[&str] = &["vpc-cni", "kube-proxy", "coredns", "metrics-server"];

/// The add-on steps node groups come after (`asked`: created, or ACTIVE when no step of
/// `active` waits for them) and the steps their nodes' readiness waits for (`active`).
#[derive(Default)]
pub(super) struct NodeAddons {
    pub asked: Vec<StepId>,
    pub active: Vec<StepId>,
}

impl Builder<'_> {
    fn addon_plans(&self) -> Vec<AddonPlan> {
        let region = &self.region;
        let metrics = partition(region) == "aws" && !region.starts_with("us-iso");
        // Auto Mode brings its own networking and DNS; nodes of groups, Fargate and hybrid nodes
        // still need eksctl's.
        let res = self.res;
        let auto_only = res.auto_mode.is_some() && !crate::config::resolved::nodes_beside_auto_mode(self.cfg);
        let mut out: Vec<AddonPlan> = if res.disable_default_addons {
            Vec::new()
        } else {
            DEFAULT_ADDONS
                .iter()
                .filter(|n| metrics || **n != "metrics-server")
                .filter(|n| !auto_only || **n == "metrics-server")
                .map(|n| AddonPlan {
                    name: (*n).to_string(),
                    version: None,
                    configuration_values: None,
                    service_account_role_arn: None,
                    resolve_conflicts: None,
                    after_nodes: *n == "metrics-server",
                    policies: AddonPolicies::default(),
                    pod_identities: Vec::new(),
                    default_pod_identities: false,
                    namespace: None,
                    offer: AddonOffer::default(),
                })
                .collect()
        };
        for a in self.cfg.addons.iter().flatten() {
            let name = a.name.clone().unwrap_or_default();
            let plan = AddonPlan {
                name: name.clone(),
                version: a.version.clone().filter(|v| v != "latest"),
                configuration_values: a.configuration_values.clone(),
                service_account_role_arn: a.service_account_role_arn.clone(),
                resolve_conflicts: a.resolve_conflicts.clone(),
                after_nodes: name == "metrics-server",
                policies: AddonPolicies {
                    arns: a.attach_policy_arns.clone().unwrap_or_default(),
                    inline: a.attach_policy.as_ref().map(serde_json::Value::to_string),
                    well_known: a.well_known_policies.clone().unwrap_or_default(),
                    boundary: a.permissions_boundary.clone(),
                },
                pod_identities: a
                    .pod_identity_associations
                    .iter()
                    .flatten()
                    .map(crate::config::resolved::PodIdentity::new)
                    .collect(),
                default_pod_identities: a.use_default_pod_identity_associations == Some(true),
                namespace: a.namespace_config.as_ref().and_then(|n| n.namespace.clone()),
                offer: AddonOffer {
                    owners: a.owners.clone().unwrap_or_default(),
                    publishers: a.publishers.clone().unwrap_or_default(),
                    types: a.types.clone().unwrap_or_default(),
                },
            };
            match out.iter_mut().find(|o| o.name == name) {
                Some(existing) => *existing = plan,
                None => out.push(plan),
            }
        }
        out
    }

    /// The add-ons that do not wait for nodes, and the add-ons to install after the nodes.
    ///
    /// Without the networking ones (vpc-cni, kube-proxy) nodes never turn Ready: node groups are
    /// asked for after them (as eksctl orders it), and when the run waits for nodes, the wait
    /// for them to be ACTIVE is a step of its own that only the nodes' readiness waits for: EKS
    /// installs them while the instances boot, so that the groups need not wait for it.
    pub(super) fn addons_before_nodes(&mut self, cp: &str, wait_nodes: bool) -> (NodeAddons, Vec<AddonPlan>) {
        let mut node_addons = NodeAddons::default();
        let mut after_nodes = Vec::new();
        for a in self.addon_plans() {
            if a.after_nodes {
                after_nodes.push(a);
                continue;
            }
            let name = a.name.clone();
            let id = self.addon(cp, a);
            if !matches!(id.as_str(), "addon-vpc-cni" | "addon-kube-proxy") {
                continue;
            }
            node_addons.asked.push(id.clone());
            if !wait_nodes {
                continue;
            }
            if let Some(Resource::Addon { wait, .. }) =
                self.steps.iter_mut().find(|s| s.id == id).map(|s| &mut s.resource)
            {
                *wait = false;
            }
            node_addons.active.push(self.add(
                format!("addon-ready-{}", slug(&name)),
                format!("add-on `{name}` ACTIVE"),
                Resource::AddonReady { addon_name: name },
                vec![id],
            ));
        }
        // A vpc-cni that takes its role through EKS Pod Identity needs the agent on the nodes
        // (its step waits until it is ACTIVE).
        if self.vpc_cni_pod_identity() && self.steps.iter().any(|s| s.id == "addon-eks-pod-identity-agent") {
            node_addons.asked.push("addon-eks-pod-identity-agent".to_string());
        }
        (node_addons, after_nodes)
    }

    /// The add-ons that wait for every node group.
    pub(super) fn addons_after_nodes(&mut self, cp: &str, addons: Vec<AddonPlan>, nodegroups: &[StepId]) {
        for a in addons {
            let id = self.addon(cp, a);
            if let Some(step) = self.steps.iter_mut().find(|s| s.id == id) {
                step.depends_on.extend(nodegroups.iter().cloned());
                step.depends_on.sort();
                step.depends_on.dedup();
            }
        }
    }

    /// Whether a node group of the file runs Windows.
    fn has_windows_nodes(&self) -> bool {
        let res = self.res;
        res.node_groups
            .iter()
            .map(|n| &n.nodes)
            .chain(res.managed_node_groups.iter().map(|m| &m.nodes))
            .any(|n| crate::config::rules::windows(&n.ami_family).is_some())
    }

    /// An add-on step (and the vpc-cni's service-account role with `withOIDC`), in eksctl's
    /// order: the file's pod identities, the file's IRSA role or policies, AWS's recommended pod
    /// identities (`useDefaultPodIdentityAssociations`, `autoApplyPodIdentityAssociations`), the
    /// default IRSA role with `withOIDC`.
    fn addon(&mut self, cp: &str, a: AddonPlan) -> StepId {
        let mut deps = vec![cp.to_string()];
        let pod_identities = self.pod_identities_of(&a);
        if !pod_identities.is_empty() {
            deps.extend(pod_identities.iter().filter_map(|p| step_of(&p.role)));
            // The associations serve pods only through the agent.
            if self.addon_listed("eks-pod-identity-agent") && a.name != "eks-pod-identity-agent" {
                deps.push("addon-eks-pod-identity-agent".to_string());
            }
        }
        let role = match &a.service_account_role_arn {
            _ if !pod_identities.is_empty() => None,
            Some(arn) => Some(Val::lit(arn.clone())),
            None if a.name == "vpc-cni" && self.res.iam.with_oidc && !a.policies.given() => {
                let arn = self.vpc_cni_role();
                deps.extend(step_of(&arn));
                Some(arn)
            }
            None if self.res.iam.with_oidc => {
                let arn = self.addon_role(&a);
                deps.extend(arn.as_ref().and_then(step_of));
                arn
            }
            None => None,
        };
        let version = a.version.as_ref().map(|v| format!(" {v}")).unwrap_or_default();
        let mut configuration_values = a.configuration_values.or_else(|| {
            (a.name == "coredns" && self.coredns_on_fargate(a.namespace.as_deref().unwrap_or("kube-system")))
                .then(|| r#"{"computeType":"Fargate"}"#.to_string())
        });
        if a.name == "vpc-cni" && self.has_windows_nodes() {
            configuration_values = Some(with_windows_ipam(configuration_values.as_deref()));
        }
        self.add(
            format!("addon-{}", slug(&a.name)),
            format!("add-on `{}`{version}", a.name),
            Resource::Addon {
                // Deployments (CoreDNS, metrics-server) turn ACTIVE only once nodes run them, and
                // nodes come later (or fail): as eksctl, the run does not wait for them; the
                // nodes-ready steps show the cluster works.
                wait: !matches!(a.name.as_str(), "coredns" | "metrics-server"),
                addon_name: a.name,
                version: a.version,
                configuration_values,
                service_account_role_arn: role,
                pod_identities,
                resolve_conflicts: a.resolve_conflicts,
                namespace: a.namespace,
                offer: a.offer,
            },
            deps,
        )
    }

    /// The role eksup makes for an add-on's service account: with the file's policies, or, for
    /// the EBS and EFS CSI drivers given none, the AWS managed policy AWS's guide names (eksctl
    /// gives these two roles by default too). `None` for an add-on eksup knows no service
    /// account of (validation refuses policies for those).
    fn addon_role(&mut self, a: &AddonPlan) -> Option<Val> {
        let (default_namespace, account, pattern) = crate::config::resolved::addon_service_account(&a.name)?;
        let namespace = a.namespace.as_deref().unwrap_or(default_namespace);
        let (mut managed, mut inline) = (a.policies.arns.clone(), BTreeMap::new());
        if let Some(document) = &a.policies.inline {
            inline.insert("attach-policy".to_string(), document.clone());
        }
        let keys = super::iam::well_known_keys(&a.policies.well_known);
        self.grants(keys, &mut managed, &mut inline);
        if managed.is_empty() && inline.is_empty() {
            let default = match a.name.as_str() {
                "aws-ebs-csi-driver" => "service-role/AmazonEBSCSIDriverPolicy",
                "aws-efs-csi-driver" => "service-role/AmazonEFSCSIDriverPolicy",
                _ => return None,
            };
            managed.push(self.policy(default));
        }
        let id = format!("iam-role-addon-{}", slug(&a.name));
        let role_name = bounded_name(&format!("eksup-{}-addon-{}", self.cluster, a.name), 64);
        self.add(
            &id,
            format!("IAM role `{role_name}` (add-on `{}`, service account `{namespace}/{account}`)", a.name),
            Resource::IamRole {
                role_name,
                trust: Trust::ServiceAccount {
                    oidc_provider: Val::out("oidc-provider", keys::ARN),
                    namespace: namespace.into(),
                    name: account.into(),
                    pattern,
                },
                managed_policies: managed,
                permissions_boundary: a.policies.boundary.clone(),
                inline_policies: inline,
                tags: BTreeMap::new(),
            },
            vec!["oidc-provider".to_string()],
        );
        Some(Val::out(&id, keys::ARN))
    }

    /// Whether the plan's vpc-cni takes its role through EKS Pod Identity.
    pub(super) fn vpc_cni_pod_identity(&self) -> bool {
        self.steps.iter().any(|s| {
            matches!(&s.resource, Resource::Addon { addon_name, pod_identities, .. }
                if addon_name == "vpc-cni" && !pod_identities.is_empty())
        })
    }

    /// Whether the file lists add-on `name`.
    fn addon_listed(&self, name: &str) -> bool {
        self.cfg.addons.iter().flatten().any(|a| a.name.as_deref() == Some(name))
    }

    /// An add-on's pod identities: the file's entries, else, when asked for and the add-on sets
    /// no IRSA of its own, one per service account AWS recommends one for, with AWS's policies
    /// (the vpc-cni of an `IPv6` cluster: eksctl's IPv6 policy, inline).
    fn pod_identities_of(&mut self, a: &AddonPlan) -> Vec<AddonPodIdentity> {
        let auto_apply = self.cfg.addons_config.as_ref().and_then(|c| c.auto_apply_pod_identity_associations)
            == Some(true);
        let defaults = (a.default_pod_identities || auto_apply)
            && a.service_account_role_arn.is_none()
            && !a.policies.given();
        let entries: Vec<crate::config::resolved::PodIdentity> = if !a.pod_identities.is_empty() {
            a.pod_identities.clone()
        } else if defaults {
            let recommended =
                crate::config::resolved::recommended_pod_identities(&a.name).unwrap_or_default();
            recommended
                .iter()
                .map(|(account, policies)| {
                    let (policy_arns, inline) = if a.name == "vpc-cni" {
                        self.vpc_cni_permissions()
                    } else {
                        (policies.iter().map(|p| self.policy(p)).collect(), None)
                    };
                    crate::config::resolved::PodIdentity {
                        namespace: a.namespace.clone().unwrap_or_else(|| "kube-system".into()),
                        service_account: (*account).to_string(),
                        policy_arns,
                        permission_policy: inline.map(|d| ("attach-policy".to_string(), d)),
                        ..Default::default()
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        entries
            .iter()
            .map(|pia| {
                let account = &pia.service_account;
                let id = format!("iam-role-addon-{}-{}", slug(&a.name), slug(account));
                let role_name =
                    bounded_name(&format!("eksup-{}-addon-{}-{account}", self.cluster, a.name), 64);
                let whose = format!("add-on `{}`, pod identity of `{account}`", a.name);
                let role = self.pod_identity_role(&id, &whose, role_name, pia);
                AddonPodIdentity { service_account: account.clone(), role }
            })
            .collect()
    }

    /// CoreDNS on a cluster without nodes runs on Fargate, when a profile selects its namespace
    /// (kube-system, or its `namespaceConfig`'s) without labels.
    fn coredns_on_fargate(&self, namespace: &str) -> bool {
        !self.res.has_nodes()
            && self.cfg.fargate_profiles.iter().flatten().flat_map(|f| f.selectors.iter().flatten()).any(
                |s| {
                    s.namespace.as_deref() == Some(namespace)
                        && s.labels.as_ref().is_none_or(|l| l.is_empty())
                },
            )
    }
}

/// vpc-cni's configuration values with Windows IPAM on (`enableWindowsIpam`): the VPC resource
/// controller then gives pods on Windows nodes their addresses, which eksctl turns on in the
/// `amazon-vpc-cni` ConfigMap the add-on owns. Validation keeps the file's values a JSON object
/// that does not turn it off.
fn with_windows_ipam(values: Option<&str>) -> String {
    let mut object = values
        .and_then(|v| serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(v).ok())
        .unwrap_or_default();
    object.entry("enableWindowsIpam").or_insert_with(|| "true".into());
    serde_json::Value::Object(object).to_string()
}
