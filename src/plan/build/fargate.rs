//! Fargate profiles: one at a time (EKS allows one in progress per cluster), in the private
//! subnets, with the file's pod execution role or a shared one.

use super::network::{Net, ids};
use super::{Builder, PlanOptions, slug, step_of};
use crate::plan::*;

impl Builder<'_> {
    pub(super) fn fargate_profiles(&mut self, net: &Net, cp: &str, opts: &PlanOptions) {
        let cfg = self.cfg;
        let profiles = cfg.fargate_profiles.as_deref().unwrap_or_default();
        let shared_role =
            profiles.iter().any(|f| f.pod_execution_role_arn.is_none()).then(|| self.fargate_role(opts));
        let mut previous: Option<StepId> = None;
        for fp in profiles {
            let name = fp.name.clone().unwrap_or_default();
            let role = fp
                .pod_execution_role_arn
                .clone()
                .map(Val::lit)
                .or_else(|| shared_role.clone())
                .unwrap_or_else(|| Val::lit(""));
            let subnets = net.select(true, &[], fp.subnets.as_deref().unwrap_or_default());
            let mut deps = vec![cp.to_string()];
            deps.extend(net.deps(&subnets));
            deps.extend(step_of(&role));
            deps.extend(previous.clone());
            let id = self.add(
                format!("fargate-profile-{}", slug(&name)),
                format!("Fargate profile `{name}`"),
                Resource::FargateProfile(Box::new(FargateProfileSpec {
                    profile_name: name.clone(),
                    pod_execution_role: role,
                    subnets: ids(&subnets),
                    selectors: fp
                        .selectors
                        .iter()
                        .flatten()
                        .map(|s| FargateSelectorSpec {
                            namespace: s.namespace.clone().unwrap_or_default(),
                            labels: s.labels.clone().unwrap_or_default(),
                        })
                        .collect(),
                    tags: fp.tags.clone().unwrap_or_default(),
                })),
                deps,
            );
            previous = Some(id);
        }
    }
}
