//! `capabilities`: per capability the IAM role it acts as (unless the file names one), trusted
//! by `capabilities.eks.amazonaws.com`, and the capability itself, whose step also associates the
//! file's access policies with the access entry EKS makes for that role.

use super::{Builder, bounded_name, slug};
use crate::cloud::CAPABILITIES_SERVICE;
use crate::config::defaults::DEFAULT_DELETE_PROPAGATION_POLICY;
use crate::plan::*;

impl Builder<'_> {
    pub(super) fn capabilities(&mut self, cp: &str) {
        let cfg = self.cfg;
        for c in cfg.capabilities.iter().flatten() {
            let name = c.name.clone().unwrap_or_default();
            let id = slug(&name);
            let tags = c.tags.clone().unwrap_or_default();
            let mut deps = vec![cp.to_string()];
            let role = match c.role_arn.as_deref().filter(|a| !a.is_empty()) {
                Some(arn) => Val::lit(arn),
                None => {
                    let step = format!("iam-role-capability-{id}");
                    let role_name = bounded_name(&format!("eksup-{}-capability-{name}", self.cluster), 64);
                    let mut inline = BTreeMap::new();
                    if let Some(document) = &c.attach_policy {
                        inline.insert("attach-policy".to_string(), document.to_string());
                    }
                    self.add(
                        &step,
                        format!("IAM role `{role_name}` (capability `{name}`)"),
                        Resource::IamRole {
                            role_name,
                            trust: Trust::service(CAPABILITIES_SERVICE),
                            managed_policies: c.attach_policy_arns.clone().unwrap_or_default(),
                            permissions_boundary: c.permissions_boundary.clone(),
                            inline_policies: inline,
                            tags: tags.clone(),
                        },
                        vec![],
                    );
                    deps.push(step.clone());
                    Val::out(&step, keys::ARN)
                }
            };
            let access_policies =
                super::access::access_policies(c.access_policies.as_deref().unwrap_or_default());
            let capability_type = c.capability_type.clone().unwrap_or_default();
            self.add(
                format!("capability-{id}"),
                format!("capability `{name}` ({capability_type})"),
                Resource::Capability(Box::new(CapabilitySpec {
                    name,
                    capability_type,
                    role,
                    delete_propagation_policy: c
                        .delete_propagation_policy
                        .clone()
                        .unwrap_or_else(|| DEFAULT_DELETE_PROPAGATION_POLICY.into()),
                    argocd: c.configuration.as_ref().and_then(|c| c.argocd.clone()),
                    access_policies,
                    tags,
                })),
                deps,
            );
        }
    }
}
