//! Before a create with `efaEnabled` node groups: EC2 launches an `efa` interface only on an
//! instance type that supports EFA (`NetworkInfo.EfaSupported`); on another every launch fails
//! (`UnsupportedOperation`) and the create would wait in vain for nodes. eksctl refuses such a
//! type while building the group's template (`instance type %s does not support EFA`).

use std::collections::BTreeMap;

use super::AwsCloud;
use super::error::ApiResult as _;
use super::preflight::Findings;
use crate::plan::{Plan, Resource};

/// Each EFA group's types, by group.
fn efa_groups(plan: &Plan) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for s in &plan.steps {
        if let Resource::LaunchTemplate(lt) = &s.resource
            && !lt.efa_instance_types.is_empty()
        {
            let group = lt.name.strip_prefix(&format!("eksup-{}-", plan.cluster)).unwrap_or(&lt.name);
            out.insert(group.to_string(), lt.efa_instance_types.clone());
        }
    }
    out
}

impl AwsCloud {
    /// EFA groups with a type that has no EFA: a problem each.
    pub(super) async fn preflight_efa(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let groups = efa_groups(plan);
        let mut types: Vec<String> = groups.values().flatten().cloned().collect();
        types.sort();
        types.dedup();
        if types.is_empty() {
            return f;
        }
        let call = self
            .ec2
            .describe_instance_types()
            .set_instance_types(Some(types.iter().map(|t| t.as_str().into()).collect()));
        let out = match call.send().await.api("DescribeInstanceTypes") {
            Ok(out) => out,
            Err(e) => {
                f.notes.push(format!("EFA support of {} not checked: {e}", types.join(", ")));
                return f;
            }
        };
        let efa = |t: &str| {
            out.instance_types()
                .iter()
                .find(|i| i.instance_type().map(|x| x.as_str()) == Some(t))
                .and_then(|i| i.network_info())
                .and_then(|n| n.efa_supported())
        };
        for (group, types) in &groups {
            for t in types {
                if efa(t) != Some(true) {
                    f.problem(
                        format!("node group `{group}` has `efaEnabled`, and its instance type `{t}` does not support EFA"),
                        format!(
                            "choose a type with EFA (`aws ec2 describe-instance-types --filters Name=network-info.efa-supported,Values=true --region {}`), or remove `efaEnabled`",
                            plan.region
                        ),
                    );
                }
            }
        }
        f
    }
}
