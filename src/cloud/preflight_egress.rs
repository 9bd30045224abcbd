//! Before a create in a VPC of the user's: do the nodes' subnets have a way out? A node pulls its
//! images from ECR (layers in S3) and calls EC2 and STS; in a subnet whose route table sends
//! nothing out of the VPC (no `0.0.0.0/0` route; or only to an internet gateway while the subnet
//! gives instances no public address) and a VPC without endpoints for ECR and S3, it never turns
//! Ready, and the create would wait for it in vain (AWS's user guide, "Private cluster
//! requirements": nodes need outbound access or the VPC endpoints).

use std::collections::{BTreeMap, BTreeSet};

use super::AwsCloud;
use super::ec2::filter;
use super::error::ApiResult as _;
use super::preflight::Findings;
use crate::plan::{Plan, Resource, Val};

/// The endpoints that let nodes without a way out pull their images (`<region>` filled in).
const IMAGE_ENDPOINTS: &[&str] = &["ecr.api", "ecr.dkr", "s3"];

/// The node and Fargate subnets of an imported VPC that the plan names by id.
fn node_subnets(plan: &Plan) -> (Option<String>, BTreeSet<String>) {
    let Some((import, vpc_id, subnets)) = plan.steps.iter().find_map(|s| match &s.resource {
        Resource::ImportVpc { vpc_id, subnets, .. } => Some((s.id.clone(), vpc_id.clone(), subnets)),
        _ => None,
    }) else {
        return (None, BTreeSet::new());
    };
    let by_key: BTreeMap<&str, &str> =
        subnets.iter().filter_map(|s| Some((s.key.as_str(), s.id.as_deref()?))).collect();
    let id_of = |v: &Val| match v {
        Val::Lit(id) if id.starts_with("subnet-") => Some(id.clone()),
        Val::Out(r) if r.step == import => by_key.get(r.key.as_str()).map(|id| (*id).to_string()),
        _ => None,
    };
    let mut ids = BTreeSet::new();
    for step in &plan.steps {
        let vals: &[Val] = match &step.resource {
            Resource::ManagedNodegroup(spec) => &spec.subnets,
            Resource::AutoScalingGroup(spec) => &spec.subnets,
            Resource::FargateProfile(spec) => &spec.subnets,
            _ => continue,
        };
        ids.extend(vals.iter().filter_map(id_of));
    }
    (Some(vpc_id), ids)
}

impl AwsCloud {
    /// Node subnets of the user's VPC that reach nothing outside it, in a VPC without the
    /// endpoints that would stand in: a problem each.
    pub(super) async fn preflight_egress(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        // eksup makes the endpoints of a private cluster itself.
        if plan.steps.iter().any(|s| matches!(s.resource, Resource::VpcEndpoint { .. })) {
            return f;
        }
        let (Some(vpc_id), ids) = node_subnets(plan) else { return f };
        if ids.is_empty() || vpc_id.is_empty() {
            return f;
        }
        match self.subnets_without_egress(&vpc_id, &ids).await {
            Ok(stuck) if stuck.is_empty() => {}
            Ok(stuck) => {
                if self.has_image_endpoints(&vpc_id, &plan.region).await.unwrap_or(false) {
                    return f;
                }
                for (subnet, why) in stuck {
                    f.problem(
                        format!(
                            "the node subnet `{subnet}` {why}, and VPC `{vpc_id}` has no endpoints for ECR and S3: nodes there cannot pull their images and never turn Ready"
                        ),
                        "route `0.0.0.0/0` of the subnet's route table to a NAT gateway, or add the VPC endpoints (`privateCluster: {enabled: true}` makes them)",
                    );
                }
            }
            Err(e) => f.notes.push(format!("the node subnets' routes out of the VPC not checked: {e}")),
        }
        f
    }

    /// Each subnet of `ids` with no way out, and why.
    async fn subnets_without_egress(
        &self,
        vpc_id: &str,
        ids: &BTreeSet<String>,
    ) -> Result<Vec<(String, String)>, super::CloudError> {
        let subnets = self.ec2.describe_subnets().set_subnet_ids(Some(ids.iter().cloned().collect()));
        let subnets = subnets.send().await.api("DescribeSubnets")?;
        let tables = self.ec2.describe_route_tables().filters(filter("vpc-id", [vpc_id]));
        let tables = tables.send().await.api("DescribeRouteTables")?;
        let tables = tables.route_tables();
        let main = tables.iter().find(|t| t.associations().iter().any(|a| a.main() == Some(true)));
        let mut stuck = Vec::new();
        for subnet in subnets.subnets() {
            let Some(id) = subnet.subnet_id() else { continue };
            let table =
                tables.iter().find(|t| t.associations().iter().any(|a| a.subnet_id() == Some(id))).or(main);
            let Some(table) = table else {
                stuck.push((id.to_string(), "has no route table".to_string()));
                continue;
            };
            let table_id = table.route_table_id().unwrap_or_default();
            // An IPv6 default route (an egress-only gateway's, in an IPv6 cluster) is a way out too.
            if table.routes().iter().any(|r| r.destination_ipv6_cidr_block() == Some("::/0")) {
                continue;
            }
            let default = table.routes().iter().find(|r| r.destination_cidr_block() == Some("0.0.0.0/0"));
            let public_ips = subnet.map_public_ip_on_launch().unwrap_or_default();
            match default {
                None => stuck.push((id.to_string(), format!("has no `0.0.0.0/0` route (route table `{table_id}`)"))),
                Some(r) if r.gateway_id().is_some_and(|g| g.starts_with("igw-")) && !public_ips => stuck.push((
                    id.to_string(),
                    format!(
                        "routes out only through internet gateway `{}` (route table `{table_id}`) but gives instances no public address",
                        r.gateway_id().unwrap_or_default()
                    ),
                )),
                Some(_) => {}
            }
        }
        Ok(stuck)
    }

    /// Whether the VPC has the endpoints nodes pull their images through.
    async fn has_image_endpoints(&self, vpc_id: &str, region: &str) -> Result<bool, super::CloudError> {
        let call = self.ec2.describe_vpc_endpoints().filters(filter("vpc-id", [vpc_id]));
        let out = call.send().await.api("DescribeVpcEndpoints")?;
        let have: BTreeSet<&str> = out.vpc_endpoints().iter().filter_map(|e| e.service_name()).collect();
        Ok(IMAGE_ENDPOINTS.iter().all(|s| have.contains(format!("com.amazonaws.{region}.{s}").as_str())))
    }
}
