//! IPv6 in the VPC eksup makes: an Amazon-provided /56 for the VPC, the n-th /64 of it for the
//! n-th subnet, `::/0` from the public route table to the internet gateway (`vpc.autoAllocateIPv6`
//! and `IPv6` clusters); for an `IPv6` cluster also addresses assigned on launch and an
//! egress-only internet gateway for the private subnets (eksctl's `vpc_ipv6.go`); and the
//! subnets' `hostnameType`.

use aws_sdk_ec2::types::{
    AttributeBooleanValue, HostnameType, ResourceType, Route, Subnet, Vpc, VpcCidrBlockStateCode,
};
use ipnet::Ipv6Net;

use super::ec2::{missing, owner_filters, tag_spec};
use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, Poll, after_create, step_tags, wait_for, while_dependent};
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{Val, keys};

/// The `index`-th /64 of `block` (a VPC's /56), as CloudFormation's `Fn::Cidr` hands them out.
pub fn nth_subnet(block: &str, index: u32) -> Result<String, String> {
    let net: Ipv6Net = block.parse().map_err(|_| format!("`{block}` is not an IPv6 CIDR"))?;
    let mut subnets = net.subnets(64).map_err(|_| format!("`{block}` is smaller than a /64"))?;
    let nth = usize::try_from(index).ok().and_then(|i| subnets.nth(i));
    nth.map(|n| n.to_string()).ok_or_else(|| format!("`{block}` has no /64 number {index}"))
}

/// The VPC's IPv6 block and its association's state, if it has one that is not going away.
fn vpc_block(vpc: &Vpc) -> Option<(String, VpcCidrBlockStateCode)> {
    vpc.ipv6_cidr_block_association_set().iter().find_map(|a| {
        let state = a.ipv6_cidr_block_state().and_then(|s| s.state())?.clone();
        let live = matches!(state, VpcCidrBlockStateCode::Associated | VpcCidrBlockStateCode::Associating);
        live.then(|| (a.ipv6_cidr_block().unwrap_or_default().to_string(), state))
    })
}

/// Whether an IPv6 block association's state is one that holds the block.
fn associated(state: Option<&str>) -> bool {
    matches!(state, Some("associated" | "associating"))
}

/// What an existing VPC or subnet lacks for an `IPv6` cluster (EKS refuses subnets without an
/// IPv6 block): a message and a hint, or `None`.
pub(super) fn missing_ipv6(vpc: Option<&Vpc>, subnet: Option<&Subnet>) -> Option<(String, String)> {
    if let Some(vpc) = vpc
        && vpc_block(vpc).is_none()
    {
        let id = vpc.vpc_id().unwrap_or_default();
        return Some((
            format!("VPC `{id}` has no IPv6 CIDR block: an `IPv6` cluster's pods and services need one"),
            format!(
                "associate one (`aws ec2 associate-vpc-cidr-block --vpc-id {id} --amazon-provided-ipv6-cidr-block`) and a /64 of it with each subnet, or let eksup create the VPC"
            ),
        ));
    }
    if let Some(subnet) = subnet
        && subnet_block(subnet).is_none()
    {
        let id = subnet.subnet_id().unwrap_or_default();
        return Some((
            format!(
                "subnet `{id}` has no IPv6 CIDR block: EKS runs an `IPv6` cluster only in subnets with one"
            ),
            format!(
                "associate a /64 of the VPC's IPv6 block with it (`aws ec2 associate-subnet-cidr-block --subnet-id {id} --ipv6-cidr-block ...`)"
            ),
        ));
    }
    None
}

/// The subnet's associated IPv6 block, if any.
fn subnet_block(subnet: &Subnet) -> Option<String> {
    subnet.ipv6_cidr_block_association_set().iter().find_map(|a| {
        let state = a.ipv6_cidr_block_state().and_then(|s| s.state())?;
        associated(Some(state.as_str())).then(|| a.ipv6_cidr_block().unwrap_or_default().to_string())
    })
}

impl AwsCloud {
    /// Give VPC `id` an IPv6 block unless it has one: Amazon-provided, or `pool`'s; wait until
    /// it is associated (AWS assigns it asynchronously). Returns the block and whether it was
    /// asked for. Another block than the pool's is drift.
    pub(super) async fn ensure_vpc_ipv6(
        &self,
        progress: &Progress<'_>,
        id: &str,
        pool: Option<&crate::plan::Ipv6PoolBlock>,
    ) -> anyhow::Result<(String, bool)> {
        let describe = || async {
            let out = self.ec2.describe_vpcs().vpc_ids(id).send().await.api("DescribeVpcs")?;
            Ok::<_, CloudError>(out.vpcs().first().and_then(vpc_block))
        };
        let mut asked = false;
        match (describe().await?, pool) {
            (Some((have, _)), Some(p)) if have != p.cidr => {
                return Err(CloudError::Drift {
                    what: format!("VPC `{id}`"),
                    difference: format!("has IPv6 block `{have}`, not `{}` of pool `{}`", p.cidr, p.pool),
                }
                .into());
            }
            (Some(_), _) => {}
            (None, pool) => {
                after_create(|| async {
                    let call = self.ec2.associate_vpc_cidr_block().vpc_id(id);
                    let call = match pool {
                        Some(p) => call.ipv6_pool(&p.pool).ipv6_cidr_block(&p.cidr),
                        None => call.amazon_provided_ipv6_cidr_block(true),
                    };
                    call.send().await.api("AssociateVpcCidrBlock")
                })
                .await?;
                asked = true;
            }
        }
        let what = format!("the IPv6 block of VPC `{id}`");
        let span = super::Span::new(std::time::Duration::from_secs(5), super::limits::EVENTUAL);
        let block = wait_for(progress, &what, span, || async {
            Ok(match describe().await? {
                Some((block, VpcCidrBlockStateCode::Associated)) => Poll::Ready(block),
                Some((_, state)) => Poll::Pending(state.as_str().to_string()),
                None => Poll::Pending("not associated yet".into()),
            })
        })
        .await?;
        Ok((block, asked))
    }

    /// Associate `wanted` (a /64 of the VPC's block) with the subnet unless it has it; another
    /// block is drift. True if it was associated now.
    pub(super) async fn ensure_subnet_ipv6(
        &self,
        subnet: Option<&Subnet>,
        id: &str,
        wanted: &str,
    ) -> anyhow::Result<bool> {
        match subnet.and_then(subnet_block) {
            Some(have) if have == wanted => Ok(false),
            Some(have) => Err(CloudError::Drift {
                what: format!("subnet `{id}`"),
                difference: format!("has IPv6 block `{have}`, not `{wanted}`"),
            }
            .into()),
            None => {
                // A subnet just made may not be visible yet (EC2 is eventually consistent).
                after_create(|| async {
                    let call = self.ec2.associate_subnet_cidr_block().subnet_id(id).ipv6_cidr_block(wanted);
                    call.send().await.api("AssociateSubnetCidrBlock")
                })
                .await?;
                Ok(true)
            }
        }
    }

    /// Set how instances launched in the subnet are named, unless it is so. True if changed.
    pub(super) async fn ensure_subnet_hostname(
        &self,
        subnet: Option<&Subnet>,
        id: &str,
        wanted: &str,
    ) -> anyhow::Result<bool> {
        let have =
            subnet.and_then(|s| s.private_dns_name_options_on_launch()).and_then(|o| o.hostname_type());
        // A new subnet names instances by IP (AWS's default).
        let have = have.map_or("ip-name", HostnameType::as_str);
        if have == wanted {
            return Ok(false);
        }
        after_create(|| async {
            let call = self
                .ec2
                .modify_subnet_attribute()
                .subnet_id(id)
                .private_dns_hostname_type_on_launch(HostnameType::from(wanted));
            call.send().await.api("ModifySubnetAttribute")
        })
        .await?;
        Ok(true)
    }

    /// `::/0` from route table `id` to `target`, an internet gateway or an egress-only one
    /// (`eigw-`), unless there. True if added or replaced.
    pub(super) async fn ensure_ipv6_route(
        &self,
        id: &str,
        routes: &[Route],
        target: &str,
    ) -> anyhow::Result<bool> {
        let current = routes.iter().find(|r| r.destination_ipv6_cidr_block() == Some("::/0"));
        let egress_only = target.starts_with("eigw-");
        match current.and_then(|r| r.gateway_id().or(r.egress_only_internet_gateway_id())) {
            Some(g) if g == target => Ok(false),
            Some(_) => {
                let call = self.ec2.replace_route().route_table_id(id).destination_ipv6_cidr_block("::/0");
                let call = if egress_only {
                    call.egress_only_internet_gateway_id(target)
                } else {
                    call.gateway_id(target)
                };
                call.send().await.api("ReplaceRoute")?;
                Ok(true)
            }
            None => {
                let call = self.ec2.create_route().route_table_id(id).destination_ipv6_cidr_block("::/0");
                let call = if egress_only {
                    call.egress_only_internet_gateway_id(target)
                } else {
                    call.gateway_id(target)
                };
                call.send().await.api("CreateRoute")?;
                Ok(true)
            }
        }
    }

    /// Have instances launched in subnet `id` get an IPv6 address, unless they do. The subnet's
    /// block must be associated first (AWS refuses the attribute on a subnet without one), so
    /// this waits for it. True if changed.
    pub(super) async fn ensure_subnet_ipv6_on_launch(
        &self,
        progress: &Progress<'_>,
        subnet: Option<&Subnet>,
        id: &str,
    ) -> anyhow::Result<bool> {
        if subnet.and_then(Subnet::assign_ipv6_address_on_creation) == Some(true) {
            return Ok(false);
        }
        let what = format!("the IPv6 block of subnet `{id}`");
        let span = super::Span::new(std::time::Duration::from_secs(2), super::limits::EVENTUAL);
        wait_for(progress, &what, span, || async {
            let out = self.ec2.describe_subnets().subnet_ids(id).send().await.api("DescribeSubnets");
            // Not visible yet: EC2 is eventually consistent.
            let out = match out {
                Err(e) if e.kind() == super::error::ErrorKind::NotFound => {
                    return Ok(Poll::Pending("not visible yet".into()));
                }
                other => other?,
            };
            let state = out.subnets().first().and_then(|s| {
                s.ipv6_cidr_block_association_set()
                    .iter()
                    .find_map(|a| a.ipv6_cidr_block_state()?.state().cloned())
            });
            Ok(match state.as_ref().map(|s| s.as_str()) {
                Some("associated") => Poll::Ready(()),
                Some(other) => Poll::Pending(other.to_string()),
                None => Poll::Pending("no IPv6 block yet".into()),
            })
        })
        .await?;
        let on = AttributeBooleanValue::builder().value(true).build();
        let call = self.ec2.modify_subnet_attribute().subnet_id(id).assign_ipv6_address_on_creation(on);
        call.send().await.api("ModifySubnetAttribute")?;
        Ok(true)
    }

    /// The egress-only internet gateway of an `IPv6` cluster's VPC: found by its tags, else made
    /// (with an idempotency token, so a retried create makes no second one).
    pub(super) async fn ensure_egress_only_gateway(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let found = if self.absent(ctx, &ctx.step.id) {
            None
        } else {
            let look =
                self.ec2.describe_egress_only_internet_gateways().set_filters(Some(owner_filters(ctx)));
            let out = look.send().await.api("DescribeEgressOnlyInternetGateways")?;
            out.egress_only_internet_gateways().first().cloned()
        };
        if let Some(gw) = found {
            let id = gw.egress_only_internet_gateway_id().ok_or_else(|| {
                missing("DescribeEgressOnlyInternetGateways", "EgressOnlyInternetGatewayId")
            })?;
            let attached_to: Vec<&str> = gw.attachments().iter().filter_map(|a| a.vpc_id()).collect();
            super::ec2::attached_here(
                &format!("egress-only internet gateway `{id}`"),
                &attached_to,
                &vpc_id,
            )?;
            let retagged = self.retag_ec2(id, gw.tags(), &step_tags(ctx)).await?;
            let action = if retagged { Action::Updated } else { Action::Existed };
            return Ok(StepResult::new(action).with(keys::ID, id));
        }
        let spec = tag_spec(ResourceType::EgressOnlyInternetGateway, &step_tags(ctx));
        let created = after_create(|| async {
            let call = self
                .ec2
                .create_egress_only_internet_gateway()
                .client_token(self.client_token(ctx))
                .vpc_id(&vpc_id)
                .tag_specifications(spec.clone());
            call.send().await.api("CreateEgressOnlyInternetGateway")
        })
        .await?;
        self.made(ctx);
        let id = created
            .egress_only_internet_gateway()
            .and_then(|g| g.egress_only_internet_gateway_id())
            .ok_or_else(|| missing("CreateEgressOnlyInternetGateway", "EgressOnlyInternetGatewayId"))?;
        Ok(StepResult::new(Action::Created).with(keys::ID, id))
    }

    pub(super) async fn delete_egress_only_gateway(
        &self,
        progress: &Progress<'_>,
        id: &str,
    ) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            let call = self.ec2.delete_egress_only_internet_gateway().egress_only_internet_gateway_id(id);
            call.send().await.map(|_| ()).api("DeleteEgressOnlyInternetGateway")
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subnets_take_consecutive_64s_of_the_vpc_block() {
        assert_eq!(nth_subnet("2600:1f14:abc:de00::/56", 0).unwrap(), "2600:1f14:abc:de00::/64");
        assert_eq!(nth_subnet("2600:1f14:abc:de00::/56", 5).unwrap(), "2600:1f14:abc:de05::/64");
        assert!(nth_subnet("2600:1f14:abc:de00::/56", 256).is_err());
        assert!(nth_subnet("10.0.0.0/16", 0).is_err());
    }
}
