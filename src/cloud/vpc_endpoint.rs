//! A fully-private cluster (`privateCluster`): its VPC endpoints, made as eksctl's
//! `vpc_endpoint.go` makes them (the service's type and zones read from
//! DescribeVpcEndpointServices, an interface endpoint in one private subnet per zone the service
//! offers with private DNS and the shared node security group, the S3 gateway endpoint on the
//! private route tables), and its endpoint turned private-only at the end.

use aws_sdk_ec2::types::{ResourceType, ServiceType, State, VpcEndpoint, VpcEndpointType};

use super::ec2::{filter, missing, owner_filters, tag_spec};
use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::update::ClusterChange;
use super::{AwsCloud, Poll, after_create, limits, step_tags, wait_for};
use crate::error::UserError;
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{Resource, SubnetRef, Val, keys};

/// What a VPC endpoint step makes (a [`crate::plan::Resource::VpcEndpoint`]'s fields).
pub(super) struct EndpointSpec<'a> {
    pub vpc: &'a Val,
    pub service: &'a str,
    pub gateway: bool,
    pub subnets: &'a [SubnetRef],
    pub route_tables: &'a [Val],
    pub security_groups: &'a [Val],
}

impl<'a> EndpointSpec<'a> {
    pub fn of(resource: &'a Resource) -> anyhow::Result<Self> {
        match resource {
            Resource::VpcEndpoint { vpc, service, gateway, subnets, route_tables, security_groups } => {
                Ok(Self { vpc, service, gateway: *gateway, subnets, route_tables, security_groups })
            }
            other => anyhow::bail!("not a VPC endpoint: {:?}", other.kind()),
        }
    }
}

/// An endpoint's state, lowercase: AWS answers `available`, `pendingAcceptance`, while the SDK's
/// enum spells them `Available`, `PendingAcceptance`.
pub(super) fn state_of(state: Option<&State>) -> String {
    state.map(|s| s.as_str().to_ascii_lowercase()).unwrap_or_default()
}

/// Whether an endpoint in `state` is there to use or becoming so.
pub(super) fn live(state: Option<&State>) -> bool {
    !matches!(state_of(state).as_str(), "deleting" | "deleted" | "failed" | "rejected" | "expired")
}

/// One subnet per zone of `zones` (the first the plan lists there), as eksctl picks them: an
/// interface endpoint takes at most one subnet per zone.
fn one_per_zone<'a>(subnets: &'a [(String, String)], zones: &[String]) -> Vec<&'a str> {
    let mut picked: Vec<(&str, &str)> = Vec::new();
    for (az, id) in subnets {
        if zones.contains(az) && !picked.iter().any(|(z, _)| z == az) {
            picked.push((az, id));
        }
    }
    picked.into_iter().map(|(_, id)| id).collect()
}

impl AwsCloud {
    /// The endpoint: found by its tags, else made (with an idempotency token), then waited for
    /// until `available`.
    pub(super) async fn ensure_vpc_endpoint(
        &self,
        ctx: &StepContext<'_>,
        spec: &EndpointSpec<'_>,
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(spec.vpc)?;
        let found = if self.absent(ctx, &ctx.step.id) {
            None
        } else {
            let mut filters = owner_filters(ctx);
            filters.push(filter("vpc-id", [vpc_id.as_str()]));
            let look = self.ec2.describe_vpc_endpoints().set_filters(Some(filters));
            let out = look.send().await.api("DescribeVpcEndpoints")?;
            out.vpc_endpoints().iter().find(|e| live(e.state())).cloned()
        };
        let (id, action) = if let Some(endpoint) = found {
            let id =
                endpoint.vpc_endpoint_id().ok_or_else(|| missing("DescribeVpcEndpoints", "VpcEndpointId"))?;
            let retagged = self.retag_ec2(id, endpoint.tags(), &step_tags(ctx)).await?;
            (id.to_string(), if retagged { Action::Updated } else { Action::Existed })
        } else {
            let made = self.create_vpc_endpoint(ctx, spec, &vpc_id).await?;
            self.made(ctx);
            let id = made.vpc_endpoint_id().ok_or_else(|| missing("CreateVpcEndpoint", "VpcEndpointId"))?;
            (id.to_string(), Action::Created)
        };
        let what = format!("VPC endpoint `{id}` ({})", spec.service);
        wait_for(&ctx.progress, &what, limits::VPC_ENDPOINT_AVAILABLE, || async {
            let out = self.ec2.describe_vpc_endpoints().vpc_endpoint_ids(&id).send().await;
            let Some(out) = out.api("DescribeVpcEndpoints").or_not_found()? else {
                return Ok(Poll::Pending("not visible yet".into()));
            };
            let Some(endpoint) = out.vpc_endpoints().first() else {
                return Ok(Poll::Pending("not visible yet".into()));
            };
            let state = state_of(endpoint.state());
            match state.as_str() {
                "available" => Ok(Poll::Ready(())),
                "" => Ok(Poll::Pending("pending".into())),
                _ if live(endpoint.state()) => Ok(Poll::Pending(state)),
                _ => Err(CloudError::Failed {
                    what: what.clone(),
                    status: state,
                    reason: endpoint.last_error().and_then(|e| e.message()).map(str::to_string),
                }
                .into()),
            }
        })
        .await?;
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    async fn create_vpc_endpoint(
        &self,
        ctx: &StepContext<'_>,
        spec: &EndpointSpec<'_>,
        vpc_id: &str,
    ) -> anyhow::Result<VpcEndpoint> {
        let zones = self.endpoint_service_zones(&ctx.plan.region, spec.service, spec.gateway).await?;
        let tags = tag_spec(ResourceType::VpcEndpoint, &step_tags(ctx));
        let mut call = self
            .ec2
            .create_vpc_endpoint()
            .client_token(self.client_token(ctx))
            .vpc_id(vpc_id)
            .service_name(spec.service)
            .tag_specifications(tags);
        if spec.gateway {
            let tables = if spec.route_tables.is_empty() {
                self.route_tables_of(spec.subnets, ctx).await?
            } else {
                ctx.resolve_all(spec.route_tables)?
            };
            call = call.vpc_endpoint_type(VpcEndpointType::Gateway).set_route_table_ids(Some(tables));
        } else {
            let subnets = spec
                .subnets
                .iter()
                .map(|s| Ok((s.az.clone(), ctx.resolve(&s.id)?)))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let picked = one_per_zone(&subnets, &zones);
            if picked.is_empty() {
                let azs: Vec<&str> = subnets.iter().map(|(az, _)| az.as_str()).collect();
                return Err(UserError::new(format!(
                    "`{}` is offered in none of the private subnets' zones (`{}`)",
                    spec.service,
                    azs.join("`, `")
                ))
                .hint(format!("give the cluster private subnets in zones of `{}`", zones.join("`, `")))
                .into());
            }
            call = call
                .vpc_endpoint_type(VpcEndpointType::Interface)
                .set_subnet_ids(Some(picked.into_iter().map(str::to_string).collect()))
                .set_security_group_ids(Some(ctx.resolve_all(spec.security_groups)?))
                .private_dns_enabled(true);
        }
        let out = after_create(|| async { call.clone().send().await.api("CreateVpcEndpoint") }).await?;
        out.vpc_endpoint().cloned().ok_or_else(|| missing("CreateVpcEndpoint", "VpcEndpoint").into())
    }

    /// The zones `service` is offered in with the endpoint type wanted (S3 has both a gateway and
    /// an interface service of one name).
    async fn endpoint_service_zones(
        &self,
        region: &str,
        service: &str,
        gateway: bool,
    ) -> anyhow::Result<Vec<String>> {
        let call = self
            .ec2
            .describe_vpc_endpoint_services()
            .service_names(service)
            .filters(filter("service-name", [service]));
        let out = match call.send().await.api("DescribeVpcEndpointServices") {
            Err(e) if e.code() == Some("InvalidServiceName") => {
                return Err(UserError::new(format!(
                    "fully-private clusters are not supported in region `{region}`: it has no endpoint service `{service}`"
                ))
                .hint("create the cluster in another region, or without `privateCluster`")
                .into());
            }
            other => other?,
        };
        let want = if gateway { ServiceType::Gateway } else { ServiceType::Interface };
        let detail = out.service_details().iter().find(|d| {
            d.service_name() == Some(service)
                && d.service_type().iter().any(|t| t.service_type() == Some(&want))
        });
        let Some(detail) = detail else {
            return Err(UserError::new(format!(
                "the region offers no {} endpoint service `{service}`",
                if gateway { "gateway" } else { "interface" }
            ))
            .hint("create the cluster in another region, or without `privateCluster`")
            .into());
        };
        Ok(detail.availability_zones().to_vec())
    }

    /// The route tables explicitly associated with the subnets of an existing VPC (eksctl's
    /// `importRouteTables`: the VPC's main table is not changed).
    async fn route_tables_of(
        &self,
        subnets: &[SubnetRef],
        ctx: &StepContext<'_>,
    ) -> anyhow::Result<Vec<String>> {
        let ids = subnets.iter().map(|s| ctx.resolve(&s.id)).collect::<anyhow::Result<Vec<_>>>()?;
        let call = self.ec2.describe_route_tables().filters(filter("association.subnet-id", ids.clone()));
        let out = call.send().await.api("DescribeRouteTables")?;
        let mut tables = Vec::new();
        for subnet in &ids {
            let table = out.route_tables().iter().find(|rt| {
                rt.associations()
                    .iter()
                    .any(|a| a.subnet_id() == Some(subnet.as_str()) && a.main() != Some(true))
            });
            let Some(id) = table.and_then(|t| t.route_table_id()) else {
                return Err(UserError::new(format!(
                    "subnet `{subnet}` has no route table of its own: eksup puts the S3 gateway endpoint's routes in the private subnets' tables and leaves the VPC's main table alone"
                ))
                .hint(format!(
                    "associate a route table with it (`aws ec2 associate-route-table --subnet-id {subnet} --route-table-id ...`)"
                ))
                .into());
            };
            if !tables.iter().any(|t| t == id) {
                tables.push(id.to_string());
            }
        }
        Ok(tables)
    }

    /// Delete the endpoint and wait until it is gone: an interface endpoint's network
    /// interfaces hold its subnets and security group until then.
    pub(super) async fn delete_vpc_endpoint(&self, progress: &Progress<'_>, id: &str) -> anyhow::Result<()> {
        let out = self.ec2.delete_vpc_endpoints().vpc_endpoint_ids(id).send().await;
        if let Some(out) = out.api("DeleteVpcEndpoints").or_not_found()? {
            // EC2 answers per endpoint: a refusal is an item, not an error.
            if let Some(err) = out.unsuccessful().iter().filter_map(|u| u.error()).next() {
                let code = err.code().unwrap_or_default();
                if !code.contains("NotFound") {
                    return Err(CloudError::Api {
                        operation: "DeleteVpcEndpoints",
                        code: Some(code.to_string()),
                        message: err.message().map(str::to_string),
                        status: None,
                    }
                    .into());
                }
            }
        }
        let what = format!("VPC endpoint `{id}` to be deleted");
        wait_for(progress, &what, limits::VPC_ENDPOINT_GONE, || async {
            let out = self.ec2.describe_vpc_endpoints().vpc_endpoint_ids(id).send().await;
            let out = out.api("DescribeVpcEndpoints").or_not_found()?;
            let state = out.as_ref().and_then(|o| o.vpc_endpoints().first()).map(|e| state_of(e.state()));
            Ok(match state.as_deref() {
                None | Some("deleted") => Poll::Ready(()),
                Some(s) => Poll::Pending(s.to_string()),
            })
        })
        .await
    }

    /// The cluster's endpoint access as the step wants it (a fully-private cluster's
    /// private-only endpoint), changed with UpdateClusterConfig and waited for.
    pub(super) async fn ensure_endpoint_access(
        &self,
        ctx: &StepContext<'_>,
        public: bool,
        private: bool,
    ) -> anyhow::Result<StepResult> {
        let cluster = ctx.plan.cluster.as_str();
        let live =
            self.cluster_config(cluster).await?.ok_or_else(|| missing("DescribeCluster", "cluster"))?;
        if live.endpoint_public_access == public && live.endpoint_private_access == private {
            return Ok(StepResult::new(Action::Existed));
        }
        let change = ClusterChange::Endpoints { public, private, public_cidrs: None };
        self.update_cluster_config_in(&ctx.progress, cluster, &change).await?;
        Ok(StepResult::new(Action::Updated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interface_endpoint_takes_one_subnet_per_offered_zone() {
        let subnets: Vec<(String, String)> =
            [("us-west-2a", "s-1"), ("us-west-2a", "s-2"), ("us-west-2b", "s-3"), ("us-west-2d", "s-4")]
                .iter()
                .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
                .collect();
        let zones = vec!["us-west-2a".to_string(), "us-west-2b".to_string(), "us-west-2c".to_string()];
        assert_eq!(one_per_zone(&subnets, &zones), ["s-1", "s-3"]);
        assert!(one_per_zone(&subnets, &[]).is_empty());
    }
}
