//! IPv6 beside IPv4 in the VPC eksup makes (`vpc.autoAllocateIPv6`, as eksctl's IPv4 VPC builds
//! it): an Amazon-provided /56 for the VPC, the n-th /64 of it for the n-th subnet, `::/0` from
//! the public route table to the internet gateway; and the subnets' `hostnameType`.

use aws_sdk_ec2::types::{HostnameType, Subnet, Vpc, VpcCidrBlockStateCode};
use ipnet::Ipv6Net;

use super::error::{ApiResult as _, CloudError};
use super::{AwsCloud, Poll, after_create, wait_for};
use crate::executor::Progress;

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

/// The subnet's associated IPv6 block, if any.
fn subnet_block(subnet: &Subnet) -> Option<String> {
    subnet.ipv6_cidr_block_association_set().iter().find_map(|a| {
        let state = a.ipv6_cidr_block_state().and_then(|s| s.state())?;
        matches!(state.as_str(), "associated" | "associating")
            .then(|| a.ipv6_cidr_block().unwrap_or_default().to_string())
    })
}

impl AwsCloud {
    /// Give VPC `id` an Amazon-provided IPv6 block unless it has one, and wait until it is
    /// associated (AWS assigns it asynchronously). Returns the block and whether it was asked for.
    pub(super) async fn ensure_vpc_ipv6(
        &self,
        progress: &Progress<'_>,
        id: &str,
    ) -> anyhow::Result<(String, bool)> {
        let describe = || async {
            let out = self.ec2.describe_vpcs().vpc_ids(id).send().await.api("DescribeVpcs")?;
            Ok::<_, CloudError>(out.vpcs().first().and_then(vpc_block))
        };
        let mut asked = false;
        if describe().await?.is_none() {
            after_create(|| async {
                let call =
                    self.ec2.associate_vpc_cidr_block().vpc_id(id).amazon_provided_ipv6_cidr_block(true);
                call.send().await.api("AssociateVpcCidrBlock")
            })
            .await?;
            asked = true;
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

    /// `::/0` from route table `id` to internet gateway `igw`, unless there. True if added.
    pub(super) async fn ensure_ipv6_route(
        &self,
        id: &str,
        routes: &[aws_sdk_ec2::types::Route],
        igw: &str,
    ) -> anyhow::Result<bool> {
        let current = routes.iter().find(|r| r.destination_ipv6_cidr_block() == Some("::/0"));
        match current.and_then(|r| r.gateway_id()) {
            Some(g) if g == igw => Ok(false),
            Some(_) => {
                let call = self
                    .ec2
                    .replace_route()
                    .route_table_id(id)
                    .destination_ipv6_cidr_block("::/0")
                    .gateway_id(igw);
                call.send().await.api("ReplaceRoute")?;
                Ok(true)
            }
            None => {
                let call = self
                    .ec2
                    .create_route()
                    .route_table_id(id)
                    .destination_ipv6_cidr_block("::/0")
                    .gateway_id(igw);
                call.send().await.api("CreateRoute")?;
                Ok(true)
            }
        }
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
