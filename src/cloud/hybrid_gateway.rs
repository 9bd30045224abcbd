//! EKS Hybrid Nodes' networking (`remoteNetworkConfig.vpcGatewayID`, eksctl's
//! `addHybridNodesNetworking`): the user's virtual private gateway attached to the VPC eksup
//! makes, or a transit gateway VPC attachment in its private subnets, and the routes to the
//! remote networks through it. The gateway itself is the user's: never made or deleted here.

use aws_sdk_ec2::types::{
    AttachmentStatus, ResourceType, Route, RouteState, TransitGatewayAttachmentState,
    TransitGatewayVpcAttachment,
};

use super::ec2::{filter, missing, tag_spec};
use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::{AwsCloud, Poll, limits, step_tags, wait_for};
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{RemoteRoutes, SubnetRef, Val, keys};

/// Whether `id` names a transit gateway (else a virtual private gateway).
fn transit(id: &str) -> bool {
    id.starts_with("tgw-")
}

/// The states of a transit gateway attachment that is there or becoming so.
const LIVE_TGW_ATTACHMENT: [&str; 4] = ["pendingAcceptance", "pending", "available", "modifying"];

impl AwsCloud {
    /// The gateway attached to the VPC: a VPN gateway attached (AttachVpnGateway) or a transit
    /// gateway attachment made (CreateTransitGatewayVpcAttachment), then waited for.
    pub(super) async fn ensure_gateway_attachment(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
        gateway_id: &str,
        subnets: &[SubnetRef],
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        if transit(gateway_id) {
            self.ensure_transit_attachment(ctx, &vpc_id, gateway_id, subnets).await
        } else {
            self.ensure_vpn_gateway_attached(ctx, &vpc_id, gateway_id).await
        }
    }

    /// The VPN gateway's attachment state to `vpc_id`, if it has one.
    async fn vpn_attachment(
        &self,
        gateway_id: &str,
        vpc_id: &str,
    ) -> Result<Option<AttachmentStatus>, CloudError> {
        let out = self.ec2.describe_vpn_gateways().vpn_gateway_ids(gateway_id).send().await;
        let out = out.api("DescribeVpnGateways")?;
        let gw = out.vpn_gateways().first();
        Ok(gw
            .into_iter()
            .flat_map(|g| g.vpc_attachments())
            .find(|a| a.vpc_id() == Some(vpc_id))
            .and_then(|a| a.state().cloned()))
    }

    async fn ensure_vpn_gateway_attached(
        &self,
        ctx: &StepContext<'_>,
        vpc_id: &str,
        gateway_id: &str,
    ) -> anyhow::Result<StepResult> {
        let state = self.vpn_attachment(gateway_id, vpc_id).await?;
        let action = if matches!(state, Some(AttachmentStatus::Attached | AttachmentStatus::Attaching)) {
            Action::Existed
        } else {
            let call = self.ec2.attach_vpn_gateway().vpn_gateway_id(gateway_id).vpc_id(vpc_id);
            call.send().await.api("AttachVpnGateway")?;
            self.made(ctx);
            Action::Created
        };
        let what = format!("virtual private gateway `{gateway_id}` attached to `{vpc_id}`");
        wait_for(&ctx.progress, &what, limits::GATEWAY_ATTACHED, || async {
            Ok(match self.vpn_attachment(gateway_id, vpc_id).await? {
                Some(AttachmentStatus::Attached) => Poll::Ready(()),
                Some(s) => Poll::Pending(s.as_str().to_string()),
                None => Poll::Pending("not attached yet".into()),
            })
        })
        .await?;
        Ok(StepResult::new(action).with(keys::ID, gateway_id))
    }

    /// The VPC's live attachments to transit gateway `gateway_id`.
    async fn transit_attachments(
        &self,
        vpc_id: &str,
        gateway_id: &str,
    ) -> Result<Vec<TransitGatewayVpcAttachment>, CloudError> {
        let call = self
            .ec2
            .describe_transit_gateway_vpc_attachments()
            .filters(filter("vpc-id", [vpc_id]))
            .filters(filter("transit-gateway-id", [gateway_id]))
            .filters(filter("state", LIVE_TGW_ATTACHMENT));
        let out = call.send().await.api("DescribeTransitGatewayVpcAttachments")?;
        Ok(out.transit_gateway_vpc_attachments().to_vec())
    }

    async fn ensure_transit_attachment(
        &self,
        ctx: &StepContext<'_>,
        vpc_id: &str,
        gateway_id: &str,
        subnets: &[SubnetRef],
    ) -> anyhow::Result<StepResult> {
        let found = self.transit_attachments(vpc_id, gateway_id).await?;
        let (id, action) = if let Some(a) = found.first() {
            let id = a.transit_gateway_attachment_id().ok_or_else(|| {
                missing("DescribeTransitGatewayVpcAttachments", "TransitGatewayAttachmentId")
            })?;
            let retagged = self.retag_ec2(id, a.tags(), &step_tags(ctx)).await?;
            (id.to_string(), if retagged { Action::Updated } else { Action::Existed })
        } else {
            let ids = subnets.iter().map(|s| ctx.resolve(&s.id)).collect::<anyhow::Result<Vec<_>>>()?;
            let out = self
                .ec2
                .create_transit_gateway_vpc_attachment()
                .transit_gateway_id(gateway_id)
                .vpc_id(vpc_id)
                .set_subnet_ids(Some(ids))
                .tag_specifications(tag_spec(ResourceType::TransitGatewayAttachment, &step_tags(ctx)))
                .send()
                .await
                .api("CreateTransitGatewayVpcAttachment")?;
            self.made(ctx);
            let id = out
                .transit_gateway_vpc_attachment()
                .and_then(|a| a.transit_gateway_attachment_id())
                .ok_or_else(|| missing("CreateTransitGatewayVpcAttachment", "TransitGatewayAttachmentId"))?;
            (id.to_string(), Action::Created)
        };
        let what = format!("transit gateway attachment `{id}`");
        wait_for(&ctx.progress, &what, limits::GATEWAY_ATTACHED, || async {
            let out = self.ec2.describe_transit_gateway_vpc_attachments().transit_gateway_attachment_ids(&id);
            let out = out.send().await.api("DescribeTransitGatewayVpcAttachments").or_not_found()?;
            let state = out
                .as_ref()
                .and_then(|o| o.transit_gateway_vpc_attachments().first())
                .and_then(|a| a.state());
            match state {
                Some(TransitGatewayAttachmentState::Available) => Ok(Poll::Ready(())),
                Some(TransitGatewayAttachmentState::PendingAcceptance) => Ok(Poll::Pending(
                    "pendingAcceptance: the transit gateway's owner must accept the attachment".into(),
                )),
                Some(
                    s @ (TransitGatewayAttachmentState::Pending | TransitGatewayAttachmentState::Modifying),
                ) => Ok(Poll::Pending(s.as_str().to_string())),
                None => Ok(Poll::Pending("not visible yet".into())),
                Some(s) => Err(CloudError::Failed {
                    what: what.clone(),
                    status: s.as_str().to_string(),
                    reason: None,
                }
                .into()),
            }
        })
        .await?;
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    /// A route per remote network CIDR to the gateway in route table `table` (whose routes are
    /// `routes`): made, or replaced when it leads elsewhere or is a black hole. Whether any
    /// changed.
    pub(super) async fn ensure_remote_routes(
        &self,
        table: &str,
        routes: &[Route],
        remote: &RemoteRoutes,
    ) -> anyhow::Result<bool> {
        let gw = remote.gateway_id.as_str();
        let mut changed = false;
        for cidr in &remote.cidrs {
            let current = routes.iter().find(|r| r.destination_cidr_block() == Some(cidr.as_str()));
            let right = current.is_some_and(|r| {
                (r.gateway_id() == Some(gw) || r.transit_gateway_id() == Some(gw))
                    && r.state() != Some(&RouteState::Blackhole)
            });
            if right {
                continue;
            }
            if current.is_some() {
                let req = self.ec2.replace_route().route_table_id(table).destination_cidr_block(cidr);
                let req = if transit(gw) { req.transit_gateway_id(gw) } else { req.gateway_id(gw) };
                req.send().await.api("ReplaceRoute")?;
            } else {
                let req = self.ec2.create_route().route_table_id(table).destination_cidr_block(cidr);
                let req = if transit(gw) { req.transit_gateway_id(gw) } else { req.gateway_id(gw) };
                req.send().await.api("CreateRoute")?;
            }
            changed = true;
        }
        Ok(changed)
    }

    /// Detach the VPN gateway from `vpcs` or delete the transit gateway attachment, and wait
    /// until it is so.
    pub(super) async fn delete_gateway_attachment(
        &self,
        progress: &Progress<'_>,
        id: &str,
        vpcs: &[String],
    ) -> anyhow::Result<()> {
        if id.starts_with("tgw-attach-") {
            let call = self.ec2.delete_transit_gateway_vpc_attachment().transit_gateway_attachment_id(id);
            call.send().await.api("DeleteTransitGatewayVpcAttachment").or_not_found()?;
            let what = format!("transit gateway attachment `{id}` to be deleted");
            return wait_for(progress, &what, limits::GATEWAY_DETACHED, || async {
                let out =
                    self.ec2.describe_transit_gateway_vpc_attachments().transit_gateway_attachment_ids(id);
                let out = out.send().await.api("DescribeTransitGatewayVpcAttachments").or_not_found()?;
                let state = out
                    .as_ref()
                    .and_then(|o| o.transit_gateway_vpc_attachments().first())
                    .and_then(|a| a.state())
                    .cloned();
                Ok(match state {
                    None | Some(TransitGatewayAttachmentState::Deleted) => Poll::Ready(()),
                    Some(s) => Poll::Pending(s.as_str().to_string()),
                })
            })
            .await;
        }
        for vpc in vpcs {
            let call = self.ec2.detach_vpn_gateway().vpn_gateway_id(id).vpc_id(vpc);
            match call.send().await.api("DetachVpnGateway") {
                Err(e) if e.is_not_found() || e.code() == Some("InvalidVpnGatewayAttachment.NotFound") => {}
                other => {
                    other?;
                }
            }
            let what = format!("virtual private gateway `{id}` to be detached from `{vpc}`");
            wait_for(progress, &what, limits::GATEWAY_DETACHED, || async {
                Ok(
                    match self
                        .vpn_attachment(id, vpc)
                        .await
                        .or_else(|e| if e.is_not_found() { Ok(None) } else { Err(e) })?
                    {
                        None | Some(AttachmentStatus::Detached) => Poll::Ready(()),
                        Some(s) => Poll::Pending(s.as_str().to_string()),
                    },
                )
            })
            .await?;
        }
        Ok(())
    }
}
