//! Before a create with `efaEnabled` node groups: EC2 launches an `efa` interface only on an
//! instance type that supports EFA (`NetworkInfo.EfaSupported`); on another every launch fails
//! (`UnsupportedOperation`) and the create would wait in vain for nodes. eksctl refuses such a
//! type while building the group's template (`instance type %s does not support EFA`). And an
//! instance launched with more than one network interface (one per network card) gets no public
//! address (EC2 user guide, "Assign a public IPv4 address during instance launch"): in a public
//! subnet its node reaches neither the cluster nor ECR and never turns Ready.

use std::collections::BTreeMap;

use super::AwsCloud;
use super::error::ApiResult as _;
use super::preflight::Findings;
use crate::plan::{Plan, Resource, SubnetKind, Val};

/// An EFA group: its types and whether it launches in a public subnet.
struct EfaGroup {
    types: Vec<String>,
    public: bool,
}

/// Whether subnet `v` is one of the plan's public subnets (made or imported).
fn public_subnet(plan: &Plan, v: &Val) -> bool {
    let Val::Out(r) = v else { return false };
    plan.steps.iter().find(|s| s.id == r.step).is_some_and(|s| match &s.resource {
        Resource::Subnet { kind, .. } => *kind == SubnetKind::Public,
        Resource::ImportVpc { subnets, .. } => {
            subnets.iter().any(|i| i.key == r.key && i.kind == SubnetKind::Public)
        }
        _ => false,
    })
}

/// Each EFA group, by name.
fn efa_groups(plan: &Plan) -> BTreeMap<String, EfaGroup> {
    let mut out = BTreeMap::new();
    for s in &plan.steps {
        if let Resource::LaunchTemplate(lt) = &s.resource
            && !lt.efa_instance_types.is_empty()
        {
            let Some(g) = plan.group_of_template(&s.id) else { continue };
            let public = g.subnets.iter().any(|v| public_subnet(plan, v));
            out.insert(g.name, EfaGroup { types: lt.efa_instance_types.clone(), public });
        }
    }
    out
}

impl AwsCloud {
    /// EFA groups with a type that has no EFA: a problem each.
    pub(super) async fn preflight_efa(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let groups = efa_groups(plan);
        let mut types: Vec<String> = groups.values().flat_map(|g| g.types.clone()).collect();
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
        let info = |t: &str| {
            out.instance_types()
                .iter()
                .find(|i| i.instance_type().map(|x| x.as_str()) == Some(t))
                .and_then(|i| i.network_info())
        };
        for (group, g) in &groups {
            let cards =
                g.types.iter().map(|t| info(t).and_then(|n| n.maximum_network_cards()).unwrap_or(1)).min();
            if g.public
                && let Some(cards @ 2..) = cards
            {
                f.problem(
                    format!("node group `{group}` has `efaEnabled` in public subnets, and its instances get {cards} network interfaces (one per network card): EC2 gives such an instance no public address, so its nodes cannot reach the cluster"),
                    "set `privateNetworking: true` on the group (its subnets then route out through the NAT gateway)",
                );
            }
            for t in &g.types {
                if info(t).and_then(|n| n.efa_supported()) != Some(true) {
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
