//! EKS add-ons: the defaults (eksctl's) unless turned off, with the file's entries overriding them.

use super::{Builder, partition, slug, step_of};
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
}

/// The default add-ons eksctl installs: the networking ones before the node groups, CoreDNS
/// beside them (it turns ACTIVE once nodes run it), metrics-server after them (not in the
/// China, GovCloud and ISO partitions, where eksctl skips it).
pub const DEFAULT_ADDONS: &[&str] = &["vpc-cni", "kube-proxy", "coredns", "metrics-server"];

impl Builder<'_> {
    fn addon_plans(&self) -> Vec<AddonPlan> {
        let region = &self.region;
        let metrics = partition(region) == "aws" && !region.starts_with("us-iso");
        let mut out: Vec<AddonPlan> = if self.res.disable_default_addons {
            Vec::new()
        } else {
            DEFAULT_ADDONS
                .iter()
                .filter(|n| metrics || **n != "metrics-server")
                .map(|n| AddonPlan {
                    name: (*n).to_string(),
                    version: None,
                    configuration_values: None,
                    service_account_role_arn: None,
                    resolve_conflicts: None,
                    after_nodes: *n == "metrics-server",
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
            };
            match out.iter_mut().find(|o| o.name == name) {
                Some(existing) => *existing = plan,
                None => out.push(plan),
            }
        }
        out
    }

    /// The add-ons that do not wait for nodes. Returns the steps node groups wait for (the
    /// networking ones) and the add-ons to install after the nodes.
    pub(super) fn addons_before_nodes(&mut self, cp: &str) -> (Vec<StepId>, Vec<AddonPlan>) {
        let mut before_nodes = Vec::new();
        let mut after_nodes = Vec::new();
        for a in self.addon_plans() {
            if a.after_nodes {
                after_nodes.push(a);
                continue;
            }
            let id = self.addon(cp, a);
            if matches!(id.as_str(), "addon-vpc-cni" | "addon-kube-proxy") {
                before_nodes.push(id);
            }
        }
        (before_nodes, after_nodes)
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

    /// An add-on step (and the vpc-cni's service-account role with `withOIDC`).
    fn addon(&mut self, cp: &str, a: AddonPlan) -> StepId {
        let mut deps = vec![cp.to_string()];
        let role = match a.service_account_role_arn {
            Some(arn) => Some(Val::lit(arn)),
            None if a.name == "vpc-cni" && self.res.iam.with_oidc => {
                let arn = self.vpc_cni_role();
                deps.extend(step_of(&arn));
                Some(arn)
            }
            None => None,
        };
        let version = a.version.as_ref().map(|v| format!(" {v}")).unwrap_or_default();
        let configuration_values = a.configuration_values.or_else(|| {
            (a.name == "coredns" && self.coredns_on_fargate())
                .then(|| r#"{"computeType":"Fargate"}"#.to_string())
        });
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
                resolve_conflicts: a.resolve_conflicts,
            },
            deps,
        )
    }

    /// CoreDNS on a cluster without nodes runs on Fargate, when a profile selects kube-system.
    fn coredns_on_fargate(&self) -> bool {
        !self.res.has_nodes()
            && self.cfg.fargate_profiles.iter().flatten().flat_map(|f| f.selectors.iter().flatten()).any(
                |s| {
                    s.namespace.as_deref() == Some("kube-system")
                        && s.labels.as_ref().is_none_or(|l| l.is_empty())
                },
            )
    }
}
