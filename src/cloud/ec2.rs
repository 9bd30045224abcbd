//! EC2: the network (VPC, subnets, gateways, routes, security groups) and launch templates.

use std::collections::BTreeMap;

use anyhow::Context as _;
use aws_sdk_ec2::types::{
    AttributeBooleanValue, DomainType, Filter, IpPermission, IpRange, Ipv6Range,
    LaunchTemplateBlockDeviceMappingRequest, LaunchTemplateEbsBlockDeviceRequest,
    LaunchTemplateHttpTokensState, LaunchTemplateIamInstanceProfileSpecificationRequest,
    LaunchTemplateInstanceMetadataEndpointState, LaunchTemplateInstanceMetadataOptionsRequest,
    LaunchTemplateTagSpecificationRequest, PortRange, RequestLaunchTemplateData, ResourceType, RuleAction,
    SecurityGroupRule, Tag, TagSpecification, UserIdGroupPair, VolumeType,
};
use base64::Engine as _;

use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::{AwsCloud, Poll, kubernetes_cluster_tag, limits, owned_by, step_tags, wait_for, while_dependent};
use crate::executor::{Action, Progress, StepContext, StepResult};
use crate::plan::{
    AmiSource, ImportedSubnet, LaunchTemplateSpec, NaclRule, Resource, SgPeer, SgRule, SubnetKind, Val, keys,
    tags as tag_keys,
};

pub(crate) fn filter(name: &str, values: impl IntoIterator<Item = impl Into<String>>) -> Filter {
    Filter::builder().name(name).set_values(Some(values.into_iter().map(Into::into).collect())).build()
}

/// Filters that find the resource a step made.
pub(super) fn owner_filters(ctx: &StepContext<'_>) -> Vec<Filter> {
    vec![
        filter(&format!("tag:{}", tag_keys::CLUSTER), [ctx.plan.cluster.as_str()]),
        filter(&format!("tag:{}", tag_keys::RESOURCE), [ctx.step.id.as_str()]),
    ]
}

/// Filter for everything eksup made for `cluster`.
pub(crate) fn cluster_filter(cluster: &str) -> Filter {
    filter(&format!("tag:{}", tag_keys::CLUSTER), [cluster])
}

pub(crate) fn ec2_tags(tags: &BTreeMap<String, String>) -> Vec<Tag> {
    tags.iter().map(|(k, v)| Tag::builder().key(k).value(v).build()).collect()
}

pub(super) fn tag_spec(kind: ResourceType, tags: &BTreeMap<String, String>) -> TagSpecification {
    TagSpecification::builder().resource_type(kind).set_tags(Some(ec2_tags(tags))).build()
}

pub(crate) fn tag_pairs(tags: &[Tag]) -> impl Iterator<Item = (&str, &str)> {
    tags.iter().map(|t| (t.key().unwrap_or_default(), t.value().unwrap_or_default()))
}

pub(crate) fn has_tag(tags: &[Tag], key: &str, value: &str) -> bool {
    tag_pairs(tags).any(|(k, v)| k == key && v == value)
}

pub(super) fn missing(operation: &'static str, field: &'static str) -> CloudError {
    CloudError::MissingField { operation, field }
}

fn on(value: bool) -> AttributeBooleanValue {
    AttributeBooleanValue::builder().value(value).build()
}

/// Warn when a lookup found more than one resource for a step (should not happen).
fn warn_duplicates(ctx: &StepContext<'_>, kind: &str, ids: &[&str]) {
    if ids.len() > 1 {
        ctx.progress.warn(&format!(
            "found {} {kind}s tagged for this step ({}); using `{}`",
            ids.len(),
            ids.join(", "),
            ids[0]
        ));
    }
}

/// A gateway of the step's that is attached to another VPC than `vpc_id` is drift.
pub(super) fn attached_here(what: &str, attached_to: &[&str], vpc_id: &str) -> Result<(), CloudError> {
    match attached_to.iter().find(|v| **v != vpc_id) {
        Some(other) => Err(CloudError::Drift {
            what: what.to_string(),
            difference: format!("is attached to VPC `{other}`, not `{vpc_id}`"),
        }),
        None => Ok(()),
    }
}

/// Kinds whose create takes no idempotency token and allows copies with the same tags.
#[derive(Debug, Clone, Copy)]
pub(super) enum Copies {
    Vpc,
    InternetGateway,
    ElasticIp,
}

/// What a subnet may have besides its IPv4 block.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct SubnetExtras<'a> {
    pub ipv6: Option<&'a crate::plan::SubnetIpv6>,
    pub hostname_type: Option<&'a str>,
}

/// The routes a route table step wants besides the local one.
pub(super) struct Routes<'a> {
    /// `0.0.0.0/0` to an internet or NAT gateway.
    pub default: Option<&'a Val>,
    /// `::/0` to an internet or egress-only gateway.
    pub ipv6: Option<&'a Val>,
    /// The remote networks through their gateway.
    pub remote: Option<&'a crate::plan::RemoteRoutes>,
}

impl AwsCloud {
    /// A create without an idempotency token may have run twice: AWS committed an attempt whose
    /// answer was lost, and the SDK sent it again. Delete every copy tagged for this step but
    /// `kept` (the one whose answer arrived), and say so.
    pub(super) async fn remove_copies(
        &self,
        ctx: &StepContext<'_>,
        kind: Copies,
        kept: &str,
        attempts: u32,
    ) -> Result<(), CloudError> {
        // Sent once: nothing but `kept` can have been made.
        if attempts <= 1 {
            return Ok(());
        }
        let filters = Some(owner_filters(ctx));
        let copies: Vec<String> = match kind {
            Copies::Vpc => {
                let out = self.ec2.describe_vpcs().set_filters(filters).send().await.api("DescribeVpcs")?;
                out.vpcs().iter().filter_map(|v| v.vpc_id()).map(str::to_string).collect()
            }
            Copies::InternetGateway => {
                let out = self
                    .ec2
                    .describe_internet_gateways()
                    .set_filters(filters)
                    .send()
                    .await
                    .api("DescribeInternetGateways")?;
                out.internet_gateways()
                    .iter()
                    .filter_map(|g| g.internet_gateway_id())
                    .map(str::to_string)
                    .collect()
            }
            Copies::ElasticIp => {
                let out = self
                    .ec2
                    .describe_addresses()
                    .set_filters(filters)
                    .send()
                    .await
                    .api("DescribeAddresses")?;
                out.addresses().iter().filter_map(|a| a.allocation_id()).map(str::to_string).collect()
            }
        };
        for copy in copies.iter().filter(|c| *c != kept) {
            let removed = match kind {
                Copies::Vpc => self.ec2.delete_vpc().vpc_id(copy).send().await.map(|_| ()).api("DeleteVpc"),
                Copies::InternetGateway => self
                    .ec2
                    .delete_internet_gateway()
                    .internet_gateway_id(copy)
                    .send()
                    .await
                    .map(|_| ())
                    .api("DeleteInternetGateway"),
                Copies::ElasticIp => self
                    .ec2
                    .release_address()
                    .allocation_id(copy)
                    .send()
                    .await
                    .map(|_| ())
                    .api("ReleaseAddress"),
            };
            let removed = removed.or_not_found();
            // The step's own resource is made: a copy that will not go is the user's to remove.
            match removed {
                Ok(_) => ctx.progress.warn(&format!(
                    "removed `{copy}`, a copy of `{kept}` that a retried create made (AWS had done the first attempt, whose answer was lost)"
                )),
                Err(e) => ctx.progress.warn(&format!(
                    "`{copy}` is a copy of `{kept}` that a retried create made, and removing it failed ({e}): delete it yourself"
                )),
            }
        }
        Ok(())
    }

    /// Add or update on EC2 resource `id` the tags of `want` that `have` lacks (`metadata.tags`
    /// changed since it was made; tags set outside eksup stay). Whether it tagged.
    pub(super) async fn retag_ec2(
        &self,
        id: &str,
        have: &[Tag],
        want: &BTreeMap<String, String>,
    ) -> Result<bool, CloudError> {
        let missing = crate::plan::drift::tags_to_add(want, tag_pairs(have));
        if missing.is_empty() {
            return Ok(false);
        }
        self.ec2
            .create_tags()
            .resources(id)
            .set_tags(Some(ec2_tags(&missing)))
            .send()
            .await
            .api("CreateTags")?;
        Ok(true)
    }

    pub(super) async fn ensure_vpc(
        &self,
        ctx: &StepContext<'_>,
        cidr: &str,
        ipv6: bool,
        pool: Option<&crate::plan::Ipv6PoolBlock>,
    ) -> anyhow::Result<StepResult> {
        let mut result = self.ensure_vpc_v4(ctx, cidr).await?;
        if ipv6 {
            let id = result.outputs.get(keys::ID).cloned().unwrap_or_default();
            let (block, asked) = self.ensure_vpc_ipv6(&ctx.progress, &id, pool).await?;
            if asked && result.action == Action::Existed {
                result.action = Action::Updated;
            }
            result = result.with(keys::IPV6_CIDR, block);
        }
        Ok(result)
    }

    async fn ensure_vpc_v4(&self, ctx: &StepContext<'_>, cidr: &str) -> anyhow::Result<StepResult> {
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_vpcs::DescribeVpcsOutput::builder().build()
        } else {
            self.ec2.describe_vpcs().set_filters(Some(owner_filters(ctx))).send().await.api("DescribeVpcs")?
        };
        let vpcs = found.vpcs();
        warn_duplicates(ctx, "VPC", &vpcs.iter().filter_map(|v| v.vpc_id()).collect::<Vec<_>>());
        if let Some(vpc) = vpcs.first() {
            let id = vpc.vpc_id().ok_or_else(|| missing("DescribeVpcs", "VpcId"))?;
            if vpc.cidr_block() != Some(cidr) {
                return Err(CloudError::Drift {
                    what: format!("VPC `{id}`"),
                    difference: format!("has CIDR `{}`, not `{cidr}`", vpc.cidr_block().unwrap_or("?")),
                }
                .into());
            }
            let retagged = self.retag_ec2(id, vpc.tags(), &step_tags(ctx)).await?;
            let dns = self.ensure_vpc_dns(id, false).await?;
            let action = if dns || retagged { Action::Updated } else { Action::Existed };
            return Ok(StepResult::new(action).with(keys::ID, id).with("cidr", cidr));
        }
        let create = self
            .ec2
            .create_vpc()
            .cidr_block(cidr)
            .tag_specifications(tag_spec(ResourceType::Vpc, &step_tags(ctx)));
        let (created, attempts) = super::budget::attempts(create.send()).await;
        let created = created.api("CreateVpc")?;
        self.made(ctx);
        let id = created.vpc().and_then(|v| v.vpc_id()).ok_or_else(|| missing("CreateVpc", "VpcId"))?;
        self.remove_copies(ctx, Copies::Vpc, id, attempts).await?;
        self.ensure_vpc_dns(id, true).await?;
        Ok(StepResult::new(Action::Created).with(keys::ID, id).with("cidr", cidr))
    }

    /// Turn DNS support and DNS hostnames on (one attribute per call, as AWS requires); true if
    /// anything changed.
    /// A VPC just made has DNS support on and DNS hostnames off (AWS's defaults): only the
    /// second is set, without asking.
    async fn ensure_vpc_dns(&self, id: &str, fresh: bool) -> Result<bool, CloudError> {
        use aws_sdk_ec2::types::VpcAttributeName;
        let mut changed = false;
        for attr in [VpcAttributeName::EnableDnsSupport, VpcAttributeName::EnableDnsHostnames] {
            if fresh && attr == VpcAttributeName::EnableDnsSupport {
                continue;
            }
            let current = if fresh {
                aws_sdk_ec2::operation::describe_vpc_attribute::DescribeVpcAttributeOutput::builder().build()
            } else {
                super::after_create(|| async {
                    self.ec2
                        .describe_vpc_attribute()
                        .vpc_id(id)
                        .attribute(attr.clone())
                        .send()
                        .await
                        .api("DescribeVpcAttribute")
                })
                .await?
            };
            let enabled = match attr {
                VpcAttributeName::EnableDnsSupport => current.enable_dns_support(),
                _ => current.enable_dns_hostnames(),
            }
            .and_then(AttributeBooleanValue::value)
            .unwrap_or(false);
            if enabled {
                continue;
            }
            super::after_create(|| {
                let req = self.ec2.modify_vpc_attribute().vpc_id(id);
                let req = match attr {
                    VpcAttributeName::EnableDnsSupport => req.enable_dns_support(on(true)),
                    _ => req.enable_dns_hostnames(on(true)),
                };
                async move { req.send().await.api("ModifyVpcAttribute") }
            })
            .await?;
            changed = true;
        }
        Ok(changed)
    }

    /// Check an existing VPC and its subnets (nothing is created). A subnet is given by id, or by
    /// CIDR (and zone) within the VPC; the VPC id may be left empty and is then the VPC of the
    /// subnets given by id. Outputs `id` (the VPC), `cidr`, and each subnet's id under its `key`.
    pub(super) async fn import_vpc(
        &self,
        vpc_id: &str,
        subnets: &[ImportedSubnet],
        ipv6: bool,
    ) -> anyhow::Result<StepResult> {
        let by_id: Vec<String> = subnets.iter().filter_map(|s| s.id.clone()).collect();
        let found_by_id = if by_id.is_empty() {
            Vec::new()
        } else {
            self.ec2
                .describe_subnets()
                .set_subnet_ids(Some(by_id))
                .send()
                .await
                .api("DescribeSubnets")
                .context("failed to look up the given subnets")?
                .subnets()
                .to_vec()
        };
        let vpc_id = if vpc_id.is_empty() {
            found_by_id
                .first()
                .and_then(|s| s.vpc_id())
                .map(str::to_string)
                .ok_or_else(|| anyhow::anyhow!("neither a VPC id nor a subnet id is given"))?
        } else {
            vpc_id.to_string()
        };
        let vpcs =
            self.ec2.describe_vpcs().vpc_ids(&vpc_id).send().await.api("DescribeVpcs").or_not_found()?;
        let vpc = vpcs
            .as_ref()
            .and_then(|v| v.vpcs().first())
            .ok_or_else(|| anyhow::anyhow!("VPC `{vpc_id}` does not exist"))?;
        if ipv6 && let Some((message, hint)) = super::vpc_ipv6::missing_ipv6(Some(vpc), None) {
            return Err(crate::error::UserError::new(message).hint(hint).into());
        }
        let mut result = StepResult::new(Action::Existed).with(keys::ID, &vpc_id);
        if let Some(cidr) = vpc.cidr_block() {
            result = result.with("cidr", cidr);
        }
        for want in subnets {
            let got = match &want.id {
                Some(id) => found_by_id
                    .iter()
                    .find(|s| s.subnet_id() == Some(id.as_str()))
                    .cloned()
                    .ok_or_else(|| anyhow::anyhow!("subnet `{id}` does not exist"))?,
                None => {
                    let cidr = want.cidr.as_deref().ok_or_else(|| {
                        anyhow::anyhow!("subnet `{}` has neither an id nor a CIDR", want.key)
                    })?;
                    let out = self
                        .ec2
                        .describe_subnets()
                        .filters(filter("vpc-id", [vpc_id.as_str()]))
                        .filters(filter("cidr-block", [cidr]))
                        .send()
                        .await
                        .api("DescribeSubnets")?;
                    out.subnets()
                        .first()
                        .cloned()
                        .ok_or_else(|| anyhow::anyhow!("no subnet with CIDR `{cidr}` in VPC `{vpc_id}`"))?
                }
            };
            let id = got.subnet_id().unwrap_or_default();
            if got.vpc_id() != Some(vpc_id.as_str()) {
                anyhow::bail!("subnet `{id}` is in VPC `{}`, not `{vpc_id}`", got.vpc_id().unwrap_or("?"));
            }
            let az = got.availability_zone().unwrap_or_default();
            if let Some(want_az) = &want.az
                && want_az != az
                && got.availability_zone_id() != Some(want_az.as_str())
            {
                anyhow::bail!("subnet `{id}` is in zone `{az}`, not `{want_az}`");
            }
            if let Some(cidr) = &want.cidr
                && got.cidr_block() != Some(cidr.as_str())
            {
                anyhow::bail!("subnet `{id}` has CIDR `{}`, not `{cidr}`", got.cidr_block().unwrap_or("?"));
            }
            if ipv6 && let Some((message, hint)) = super::vpc_ipv6::missing_ipv6(None, Some(&got)) {
                return Err(crate::error::UserError::new(message).hint(hint).into());
            }
            result = result.with(&want.key, id);
        }
        Ok(result)
    }

    pub(super) async fn ensure_subnet(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
        az: &str,
        cidr: &str,
        kind: SubnetKind,
        extras: SubnetExtras<'_>,
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let public = kind == SubnetKind::Public;
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_subnets::DescribeSubnetsOutput::builder().build()
        } else {
            self.ec2
                .describe_subnets()
                .set_filters(Some(owner_filters(ctx)))
                .send()
                .await
                .api("DescribeSubnets")?
        };
        let subnets = found.subnets();
        warn_duplicates(ctx, "subnet", &subnets.iter().filter_map(|s| s.subnet_id()).collect::<Vec<_>>());
        let (id, action) = if let Some(subnet) = subnets.first() {
            let id = subnet.subnet_id().ok_or_else(|| missing("DescribeSubnets", "SubnetId"))?.to_string();
            if subnet.cidr_block() != Some(cidr) || subnet.availability_zone() != Some(az) {
                return Err(CloudError::Drift {
                    what: format!("subnet `{id}`"),
                    difference: format!(
                        "is `{}` in `{}`, not `{cidr}` in `{az}`",
                        subnet.cidr_block().unwrap_or("?"),
                        subnet.availability_zone().unwrap_or("?")
                    ),
                }
                .into());
            }
            if subnet.vpc_id() != Some(vpc_id.as_str()) {
                return Err(CloudError::Drift {
                    what: format!("subnet `{id}`"),
                    difference: format!("is in VPC `{}`, not `{vpc_id}`", subnet.vpc_id().unwrap_or("?")),
                }
                .into());
            }
            let needs_public_ip = public && subnet.map_public_ip_on_launch() != Some(true);
            let retagged = self.retag_ec2(&id, subnet.tags(), &step_tags(ctx)).await?;
            let extra = self.ensure_subnet_extras(ctx, Some(subnet), &id, extras).await?;
            (id, if needs_public_ip || retagged || extra { Action::Updated } else { Action::Existed })
        } else {
            let mut tags = step_tags(ctx);
            let role = if public { "kubernetes.io/role/elb" } else { "kubernetes.io/role/internal-elb" };
            tags.insert(role.to_string(), "1".to_string());
            tags.insert(kubernetes_cluster_tag(&ctx.plan.cluster), "owned".to_string());
            let created = self
                .ec2
                .create_subnet()
                .vpc_id(&vpc_id)
                .cidr_block(cidr)
                .availability_zone(az)
                .tag_specifications(tag_spec(ResourceType::Subnet, &tags))
                .send()
                .await
                .api("CreateSubnet")?;
            let id = created
                .subnet()
                .and_then(|s| s.subnet_id())
                .ok_or_else(|| missing("CreateSubnet", "SubnetId"))?
                .to_string();
            self.made(ctx);
            self.ensure_subnet_extras(ctx, None, &id, extras).await?;
            (id, Action::Created)
        };
        if public && action != Action::Existed {
            self.ec2
                .modify_subnet_attribute()
                .subnet_id(&id)
                .map_public_ip_on_launch(on(true))
                .send()
                .await
                .api("ModifySubnetAttribute")?;
        }
        Ok(StepResult::new(action).with(keys::ID, id).with("az", az).with("cidr", cidr))
    }

    /// The subnet's IPv6 block and hostname type, as the plan has them; true if any changed.
    async fn ensure_subnet_extras(
        &self,
        ctx: &StepContext<'_>,
        subnet: Option<&aws_sdk_ec2::types::Subnet>,
        id: &str,
        extras: SubnetExtras<'_>,
    ) -> anyhow::Result<bool> {
        let mut changed = false;
        if let Some(v6) = extras.ipv6 {
            let block = ctx.resolve(&v6.vpc_block)?;
            let wanted = super::vpc_ipv6::nth_subnet(&block, v6.index).map_err(anyhow::Error::msg)?;
            changed |= self.ensure_subnet_ipv6(subnet, id, &wanted).await?;
            if v6.assign_on_create {
                changed |= self.ensure_subnet_ipv6_on_launch(&ctx.progress, subnet, id).await?;
            }
        }
        if let Some(h) = extras.hostname_type {
            changed |= self.ensure_subnet_hostname(subnet, id, h).await?;
        }
        Ok(changed)
    }

    pub(super) async fn ensure_internet_gateway(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_internet_gateways::DescribeInternetGatewaysOutput::builder()
                .build()
        } else {
            let look = self.ec2.describe_internet_gateways().set_filters(Some(owner_filters(ctx)));
            look.send().await.api("DescribeInternetGateways")?
        };
        let (id, mut action, attached) = if let Some(igw) = found.internet_gateways().first() {
            let id = igw
                .internet_gateway_id()
                .ok_or_else(|| missing("DescribeInternetGateways", "InternetGatewayId"))?;
            let attached_to: Vec<&str> = igw.attachments().iter().filter_map(|a| a.vpc_id()).collect();
            attached_here(&format!("internet gateway `{id}`"), &attached_to, &vpc_id)?;
            let retagged = self.retag_ec2(id, igw.tags(), &step_tags(ctx)).await?;
            (
                id.to_string(),
                if retagged { Action::Updated } else { Action::Existed },
                !attached_to.is_empty(),
            )
        } else {
            let create = self
                .ec2
                .create_internet_gateway()
                .tag_specifications(tag_spec(ResourceType::InternetGateway, &step_tags(ctx)));
            let (created, attempts) = super::budget::attempts(create.send()).await;
            let created = created.api("CreateInternetGateway")?;
            self.made(ctx);
            let id = created
                .internet_gateway()
                .and_then(|g| g.internet_gateway_id())
                .ok_or_else(|| missing("CreateInternetGateway", "InternetGatewayId"))?;
            self.remove_copies(ctx, Copies::InternetGateway, id, attempts).await?;
            (id.to_string(), Action::Created, false)
        };
        if !attached {
            self.ec2
                .attach_internet_gateway()
                .internet_gateway_id(&id)
                .vpc_id(&vpc_id)
                .send()
                .await
                .api("AttachInternetGateway")?;
            if action == Action::Existed {
                action = Action::Updated;
            }
        }
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    pub(super) async fn ensure_elastic_ip(&self, ctx: &StepContext<'_>) -> anyhow::Result<StepResult> {
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_addresses::DescribeAddressesOutput::builder().build()
        } else {
            self.ec2
                .describe_addresses()
                .set_filters(Some(owner_filters(ctx)))
                .send()
                .await
                .api("DescribeAddresses")?
        };
        if let Some(addr) = found.addresses().first() {
            let id = addr.allocation_id().ok_or_else(|| missing("DescribeAddresses", "AllocationId"))?;
            let retagged = self.retag_ec2(id, addr.tags(), &step_tags(ctx)).await?;
            return Ok(StepResult::new(if retagged { Action::Updated } else { Action::Existed })
                .with(keys::ID, id)
                .with("publicIp", addr.public_ip().unwrap_or_default()));
        }
        let create = self
            .ec2
            .allocate_address()
            .domain(DomainType::Vpc)
            .tag_specifications(tag_spec(ResourceType::ElasticIp, &step_tags(ctx)));
        let (created, attempts) = super::budget::attempts(create.send()).await;
        let created = created.api("AllocateAddress")?;
        self.made(ctx);
        let id = created.allocation_id().ok_or_else(|| missing("AllocateAddress", "AllocationId"))?;
        self.remove_copies(ctx, Copies::ElasticIp, id, attempts).await?;
        Ok(StepResult::new(Action::Created)
            .with(keys::ID, id)
            .with("publicIp", created.public_ip().unwrap_or_default()))
    }

    pub(super) async fn ensure_nat_gateway(
        &self,
        ctx: &StepContext<'_>,
        subnet: &Val,
        allocation: &Val,
    ) -> anyhow::Result<StepResult> {
        use aws_sdk_ec2::types::NatGatewayState;
        let subnet_id = ctx.resolve(subnet)?;
        let allocation_id = ctx.resolve(allocation)?;
        // Tag filters on NAT gateways are not reliable everywhere: filter by subnet, then by tags here.
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_nat_gateways::DescribeNatGatewaysOutput::builder().build()
        } else {
            let look = self.ec2.describe_nat_gateways().filter(filter("subnet-id", [subnet_id.as_str()]));
            look.send().await.api("DescribeNatGateways")?
        };
        let existing = found.nat_gateways().iter().find(|n| {
            has_tag(n.tags(), tag_keys::RESOURCE, &ctx.step.id)
                && has_tag(n.tags(), tag_keys::CLUSTER, &ctx.plan.cluster)
                && matches!(n.state(), Some(NatGatewayState::Pending | NatGatewayState::Available))
        });
        let (id, action) = if let Some(nat) = existing {
            let id = nat.nat_gateway_id().ok_or_else(|| missing("DescribeNatGateways", "NatGatewayId"))?;
            let retagged = self.retag_ec2(id, nat.tags(), &step_tags(ctx)).await?;
            (id.to_string(), if retagged { Action::Updated } else { Action::Existed })
        } else {
            let created = self
                .ec2
                .create_nat_gateway()
                .client_token(self.client_token(ctx))
                .subnet_id(&subnet_id)
                .allocation_id(&allocation_id)
                .tag_specifications(tag_spec(ResourceType::Natgateway, &step_tags(ctx)))
                .send()
                .await
                .api("CreateNatGateway")?;
            self.made(ctx);
            let id = created
                .nat_gateway()
                .and_then(|n| n.nat_gateway_id())
                .ok_or_else(|| missing("CreateNatGateway", "NatGatewayId"))?;
            (id.to_string(), Action::Created)
        };
        let what = format!("NAT gateway `{id}`");
        wait_for(&ctx.progress, &what, limits::NAT_AVAILABLE, || async {
            let out = self
                .ec2
                .describe_nat_gateways()
                .nat_gateway_ids(&id)
                .send()
                .await
                .api("DescribeNatGateways")?;
            let Some(nat) = out.nat_gateways().first() else {
                return Ok(Poll::Pending("not visible yet".into()));
            };
            match nat.state() {
                Some(NatGatewayState::Available) => Ok(Poll::Ready(())),
                Some(NatGatewayState::Pending) | None => Ok(Poll::Pending("pending".into())),
                Some(state) => Err(CloudError::Failed {
                    what: what.clone(),
                    status: state.as_str().to_string(),
                    reason: nat.failure_message().map(str::to_string),
                }
                .into()),
            }
        })
        .await?;
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    /// A network ACL with exactly `rules` (entries added, replaced or removed to match) and
    /// associated with `subnets` (moved from whichever ACL they had).
    pub(super) async fn ensure_network_acl(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
        subnets: &[Val],
        rules: &[NaclRule],
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let subnet_ids = ctx.resolve_all(subnets)?;
        let (id, mut action, entries) = self.find_or_create_network_acl(ctx, &vpc_id).await?;
        let entries_changed = self.sync_network_acl_entries(&id, &entries, rules).await?;
        let associations_changed = self.associate_network_acl(&id, &vpc_id, &subnet_ids).await?;
        if (entries_changed || associations_changed) && action == Action::Existed {
            action = Action::Updated;
        }
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    /// The step's network ACL (found by its owner tags, or created in `vpc_id`), whether it was
    /// created, and the entries it already has.
    async fn find_or_create_network_acl(
        &self,
        ctx: &StepContext<'_>,
        vpc_id: &str,
    ) -> anyhow::Result<(String, Action, Vec<aws_sdk_ec2::types::NetworkAclEntry>)> {
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_network_acls::DescribeNetworkAclsOutput::builder().build()
        } else {
            let look = self.ec2.describe_network_acls().set_filters(Some(owner_filters(ctx)));
            look.send().await.api("DescribeNetworkAcls")?
        };
        if let Some(acl) = found.network_acls().first() {
            let id = acl.network_acl_id().ok_or_else(|| missing("DescribeNetworkAcls", "NetworkAclId"))?;
            let retagged = self.retag_ec2(id, acl.tags(), &step_tags(ctx)).await?;
            let action = if retagged { Action::Updated } else { Action::Existed };
            return Ok((id.to_string(), action, acl.entries().to_vec()));
        }
        let created = self
            .ec2
            .create_network_acl()
            .client_token(self.client_token(ctx))
            .vpc_id(vpc_id)
            .tag_specifications(tag_spec(ResourceType::NetworkAcl, &step_tags(ctx)))
            .send()
            .await
            .api("CreateNetworkAcl")?;
        self.made(ctx);
        let id = created
            .network_acl()
            .and_then(|a| a.network_acl_id())
            .ok_or_else(|| missing("CreateNetworkAcl", "NetworkAclId"))?;
        Ok((id.to_string(), Action::Created, Vec::new()))
    }

    /// Brings the entries of ACL `id` (currently `entries`) to exactly `rules`: each rule is
    /// created or replaced, then each of eksup's entries no rule names is deleted. True if
    /// anything changed.
    async fn sync_network_acl_entries(
        &self,
        id: &str,
        entries: &[aws_sdk_ec2::types::NetworkAclEntry],
        rules: &[NaclRule],
    ) -> anyhow::Result<bool> {
        let mut changed = false;
        // AWS's own last rule (32767, deny all) stays; eksup's rules are brought to the plan.
        let ours: Vec<_> = entries.iter().filter(|e| e.rule_number().is_some_and(|n| n < 32767)).collect();
        for rule in rules {
            let protocol = rule.protocol.as_str();
            let same = |e: &&&aws_sdk_ec2::types::NetworkAclEntry| {
                e.rule_number() == Some(rule.rule_number) && e.egress() == Some(rule.egress)
            };
            let ports = (protocol != "-1")
                .then(|| PortRange::builder().from(rule.from_port).to(rule.to_port).build());
            match ours.iter().find(same) {
                Some(e)
                    if e.protocol() == Some(protocol)
                        && e.cidr_block() == Some(rule.cidr.as_str())
                        && e.rule_action() == Some(&RuleAction::Allow)
                        && (protocol == "-1"
                            || e.port_range().map(|p| (p.from(), p.to()))
                                == Some((Some(rule.from_port), Some(rule.to_port)))) => {}
                Some(_) => {
                    self.ec2
                        .replace_network_acl_entry()
                        .network_acl_id(id)
                        .rule_number(rule.rule_number)
                        .egress(rule.egress)
                        .protocol(protocol)
                        .cidr_block(&rule.cidr)
                        .rule_action(RuleAction::Allow)
                        .set_port_range(ports)
                        .send()
                        .await
                        .api("ReplaceNetworkAclEntry")?;
                    changed = true;
                }
                None => {
                    self.ec2
                        .create_network_acl_entry()
                        .network_acl_id(id)
                        .rule_number(rule.rule_number)
                        .egress(rule.egress)
                        .protocol(protocol)
                        .cidr_block(&rule.cidr)
                        .rule_action(RuleAction::Allow)
                        .set_port_range(ports)
                        .send()
                        .await
                        .api("CreateNetworkAclEntry")?;
                    changed = true;
                }
            }
        }
        for e in &ours {
            let wanted =
                rules.iter().any(|r| e.rule_number() == Some(r.rule_number) && e.egress() == Some(r.egress));
            if let (false, Some(n)) = (wanted, e.rule_number()) {
                self.ec2
                    .delete_network_acl_entry()
                    .network_acl_id(id)
                    .rule_number(n)
                    .egress(e.egress().unwrap_or_default())
                    .send()
                    .await
                    .api("DeleteNetworkAclEntry")?;
                changed = true;
            }
        }
        Ok(changed)
    }

    /// Associates each of `subnet_ids` with ACL `id`. A subnet is always associated with one
    /// ACL (the VPC's default at first): it is moved. True if any subnet moved.
    async fn associate_network_acl(
        &self,
        id: &str,
        vpc_id: &str,
        subnet_ids: &[String],
    ) -> anyhow::Result<bool> {
        let mut changed = false;
        let current = self
            .ec2
            .describe_network_acls()
            .filters(filter("vpc-id", [vpc_id]))
            .send()
            .await
            .api("DescribeNetworkAcls")?;
        for subnet in subnet_ids {
            let association = current.network_acls().iter().find_map(|acl| {
                acl.associations()
                    .iter()
                    .find(|a| a.subnet_id() == Some(subnet.as_str()))
                    .map(|a| (acl.network_acl_id().unwrap_or_default(), a.network_acl_association_id()))
            });
            match association {
                Some((acl, _)) if acl == id => {}
                Some((_, Some(association_id))) => {
                    self.ec2
                        .replace_network_acl_association()
                        .association_id(association_id)
                        .network_acl_id(id)
                        .send()
                        .await
                        .api("ReplaceNetworkAclAssociation")
                        .with_context(|| format!("failed to associate subnet `{subnet}`"))?;
                    changed = true;
                }
                _ => anyhow::bail!("subnet `{subnet}` has no network ACL association to replace"),
            }
        }
        Ok(changed)
    }

    /// A [`Resource::RouteTable`] step.
    pub(super) async fn ensure_route_table_of(
        &self,
        ctx: &StepContext<'_>,
        table: &crate::plan::Resource,
    ) -> anyhow::Result<StepResult> {
        let crate::plan::Resource::RouteTable { vpc, default_route, ipv6_route, subnets, remote, .. } = table
        else {
            anyhow::bail!("not a route table: {:?}", table.kind());
        };
        let routes =
            Routes { default: default_route.as_ref(), ipv6: ipv6_route.as_ref(), remote: remote.as_ref() };
        self.ensure_route_table(ctx, vpc, routes, subnets).await
    }

    async fn ensure_route_table(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
        wanted: Routes<'_>,
        subnets: &[Val],
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let target = wanted.default.map(|v| ctx.resolve(v)).transpose()?;
        let ipv6_target = wanted.ipv6.map(|v| ctx.resolve(v)).transpose()?;
        let subnet_ids = ctx.resolve_all(subnets)?;
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_route_tables::DescribeRouteTablesOutput::builder().build()
        } else {
            let look = self.ec2.describe_route_tables().set_filters(Some(owner_filters(ctx)));
            look.send().await.api("DescribeRouteTables")?
        };
        let routes = found.route_tables().first().map(|rt| rt.routes().to_vec()).unwrap_or_default();
        let (id, mut action, current_target, associated) = if let Some(rt) = found.route_tables().first() {
            let id = rt.route_table_id().ok_or_else(|| missing("DescribeRouteTables", "RouteTableId"))?;
            let current = rt
                .routes()
                .iter()
                .find(|r| r.destination_cidr_block() == Some("0.0.0.0/0"))
                .and_then(|r| r.nat_gateway_id().or(r.gateway_id()))
                .map(str::to_string);
            let associated: Vec<String> =
                rt.associations().iter().filter_map(|a| a.subnet_id()).map(str::to_string).collect();
            let retagged = self.retag_ec2(id, rt.tags(), &step_tags(ctx)).await?;
            (id.to_string(), if retagged { Action::Updated } else { Action::Existed }, current, associated)
        } else {
            let created = self
                .ec2
                .create_route_table()
                .client_token(self.client_token(ctx))
                .vpc_id(&vpc_id)
                .tag_specifications(tag_spec(ResourceType::RouteTable, &step_tags(ctx)))
                .send()
                .await
                .api("CreateRouteTable")?;
            self.made(ctx);
            let id = created
                .route_table()
                .and_then(|r| r.route_table_id())
                .ok_or_else(|| missing("CreateRouteTable", "RouteTableId"))?;
            (id.to_string(), Action::Created, None, Vec::new())
        };
        let mut changed = false;
        if let Some(target) = &target
            && current_target.as_deref() != Some(target.as_str())
        {
            let nat = target.starts_with("nat-");
            if current_target.is_some() {
                let req = self.ec2.replace_route().route_table_id(&id).destination_cidr_block("0.0.0.0/0");
                let req = if nat { req.nat_gateway_id(target) } else { req.gateway_id(target) };
                req.send().await.api("ReplaceRoute")?;
            } else {
                let req = self.ec2.create_route().route_table_id(&id).destination_cidr_block("0.0.0.0/0");
                let req = if nat { req.nat_gateway_id(target) } else { req.gateway_id(target) };
                req.send().await.api("CreateRoute")?;
            }
            changed = true;
        }
        if let Some(igw) = &ipv6_target {
            changed |= self.ensure_ipv6_route(&id, &routes, igw).await?;
        }
        if let Some(remote) = wanted.remote {
            changed |= self.ensure_remote_routes(&id, &routes, remote).await?;
        }
        for subnet in subnet_ids.iter().filter(|s| !associated.contains(s)) {
            self.ec2
                .associate_route_table()
                .route_table_id(&id)
                .subnet_id(subnet)
                .send()
                .await
                .api("AssociateRouteTable")
                .with_context(|| format!("failed to associate subnet `{subnet}`"))?;
            changed = true;
        }
        if changed && action == Action::Existed {
            action = Action::Updated;
        }
        Ok(StepResult::new(action).with(keys::ID, id))
    }

    pub(super) async fn ensure_security_group(
        &self,
        ctx: &StepContext<'_>,
        vpc: &Val,
        group_name: &str,
        description: &str,
        rules: &[SgRule],
        kubernetes_owned: bool,
    ) -> anyhow::Result<StepResult> {
        let vpc_id = ctx.resolve(vpc)?;
        let mut tags = step_tags(ctx);
        if kubernetes_owned {
            tags.insert(super::kubernetes_cluster_tag(&ctx.plan.cluster), "owned".into());
        }
        let mut filters = owner_filters(ctx);
        filters.push(filter("vpc-id", [vpc_id.as_str()]));
        let found = if self.absent(ctx, &ctx.step.id) {
            aws_sdk_ec2::operation::describe_security_groups::DescribeSecurityGroupsOutput::builder().build()
        } else {
            self.ec2
                .describe_security_groups()
                .set_filters(Some(filters))
                .send()
                .await
                .api("DescribeSecurityGroups")?
        };
        let (id, action) = if let Some(sg) = found.security_groups().first() {
            let id = sg.group_id().ok_or_else(|| missing("DescribeSecurityGroups", "GroupId"))?;
            let retagged = self.retag_ec2(id, sg.tags(), &tags).await?;
            (id.to_string(), if retagged { Action::Updated } else { Action::Existed })
        } else {
            let created = self
                .ec2
                .create_security_group()
                .group_name(group_name)
                .description(description)
                .vpc_id(&vpc_id)
                .tag_specifications(tag_spec(ResourceType::SecurityGroup, &tags))
                .send()
                .await
                .api("CreateSecurityGroup")?;
            let id = created.group_id().ok_or_else(|| missing("CreateSecurityGroup", "GroupId"))?.to_string();
            self.made(ctx);
            (id, Action::Created)
        };
        let added = self.ensure_rules(ctx, &id, rules, action == Action::Created, true).await?;
        let action = if action == Action::Existed && added > 0 { Action::Updated } else { action };
        Ok(StepResult::new(action).with(keys::ID, id).with(keys::NAME, group_name))
    }

    pub(super) async fn ensure_rules_step(
        &self,
        ctx: &StepContext<'_>,
        group: &Val,
        rules: &[SgRule],
    ) -> anyhow::Result<StepResult> {
        let Some(group_id) = ctx.resolve_opt(group)? else {
            ctx.progress.warn(&format!(
                "the security group `{}` is not known (AWS did not return it); rules not added",
                group.describe()
            ));
            return Ok(StepResult::new(Action::Existed));
        };
        let added = self.ensure_rules(ctx, &group_id, rules, false, false).await?;
        let action = if added == 0 { Action::Existed } else { Action::Created };
        Ok(StepResult::new(action).with(keys::ID, group_id))
    }

    /// Authorize the rules the group lacks; returns how many were added or revoked. A group just
    /// made (`fresh`) is not asked: it holds only AWS's default egress rule, which a planned copy
    /// of meets as a duplicate. In a group of eksup's (`own`), the API's openings to the file's
    /// networks (`vpc.extraCIDRs`, hybrid nodes' networks) that the file no longer has are
    /// revoked: nothing keeps reaching the API server once the file says it should not.
    async fn ensure_rules(
        &self,
        ctx: &StepContext<'_>,
        group_id: &str,
        rules: &[SgRule],
        fresh: bool,
        own: bool,
    ) -> anyhow::Result<usize> {
        if rules.is_empty() && (fresh || !own) {
            return Ok(0);
        }
        let existing = if fresh {
            aws_sdk_ec2::operation::describe_security_group_rules::DescribeSecurityGroupRulesOutput::builder()
                .build()
        } else {
            let look = self.ec2.describe_security_group_rules().filters(filter("group-id", [group_id]));
            look.send().await.api("DescribeSecurityGroupRules")?
        };
        let existing = existing.security_group_rules();
        let mut added = 0;
        for rule in rules {
            let peer = match &rule.peer {
                SgPeer::Cidr(c) => Peer::Cidr(c.clone()),
                SgPeer::Ipv6Cidr(c) => Peer::Ipv6(c.clone()),
                // A rule of a group's own step that refers to the group itself (`nodes to nodes`).
                SgPeer::Group(Val::Out(r)) if r.step == ctx.step.id => Peer::Group(group_id.to_string()),
                SgPeer::Group(v) => match ctx.resolve_opt(v)? {
                    Some(g) => Peer::Group(g),
                    None => {
                        ctx.progress.warn(&format!(
                            "rule `{}` skipped: the peer security group `{}` is not known",
                            rule.description,
                            v.describe()
                        ));
                        continue;
                    }
                },
            };
            if existing.iter().any(|r| rule_matches(r, rule, &peer)) {
                continue;
            }
            let mut perm = IpPermission::builder().ip_protocol(&rule.protocol);
            if rule.protocol != "-1" {
                perm = perm.from_port(rule.from_port).to_port(rule.to_port);
            }
            let perm = match &peer {
                Peer::Cidr(c) => {
                    perm.ip_ranges(IpRange::builder().cidr_ip(c).description(&rule.description).build())
                }
                Peer::Ipv6(c) => {
                    perm.ipv6_ranges(Ipv6Range::builder().cidr_ipv6(c).description(&rule.description).build())
                }
                Peer::Group(g) => perm.user_id_group_pairs(
                    UserIdGroupPair::builder().group_id(g).description(&rule.description).build(),
                ),
            }
            .build();
            // A group created a moment ago (this step's, or a peer) can be NotFound for a while.
            let result = super::after_create(|| async {
                if rule.direction == "egress" {
                    self.ec2
                        .authorize_security_group_egress()
                        .group_id(group_id)
                        .ip_permissions(perm.clone())
                        .send()
                        .await
                        .map(|_| ())
                        .api("AuthorizeSecurityGroupEgress")
                } else {
                    self.ec2
                        .authorize_security_group_ingress()
                        .group_id(group_id)
                        .ip_permissions(perm.clone())
                        .send()
                        .await
                        .map(|_| ())
                        .api("AuthorizeSecurityGroupIngress")
                }
            })
            .await;
            match result {
                Ok(()) => added += 1,
                Err(e) if e.kind() == super::ErrorKind::AlreadyExists => {}
                Err(e) => {
                    return Err(anyhow::Error::new(e)
                        .context(format!("failed to add rule `{}` to `{group_id}`", rule.description)));
                }
            }
        }
        if own && !fresh {
            added += self.revoke_dropped_openings(ctx, group_id, existing, rules).await?;
        }
        Ok(added)
    }

    /// Revoke the group's openings of the API to a network of the file's (rules eksup wrote, as
    /// their description says) that no planned rule has any more; returns how many.
    async fn revoke_dropped_openings(
        &self,
        ctx: &StepContext<'_>,
        group_id: &str,
        existing: &[SecurityGroupRule],
        rules: &[SgRule],
    ) -> anyhow::Result<usize> {
        let dropped: Vec<IpPermission> = existing
            .iter()
            .filter(|r| r.is_egress() == Some(false))
            .filter(|r| r.description().is_some_and(|d| d.starts_with(crate::plan::API_OPENING)))
            .filter(|r| {
                !rules.iter().any(|want| match &want.peer {
                    SgPeer::Cidr(c) => rule_matches(r, want, &Peer::Cidr(c.clone())),
                    SgPeer::Ipv6Cidr(c) => rule_matches(r, want, &Peer::Ipv6(c.clone())),
                    SgPeer::Group(_) => false,
                })
            })
            .filter_map(|r| {
                let perm = IpPermission::builder()
                    .set_ip_protocol(r.ip_protocol().map(str::to_string))
                    .set_from_port(r.from_port())
                    .set_to_port(r.to_port());
                match (r.cidr_ipv4(), r.cidr_ipv6()) {
                    (Some(c), _) => Some(perm.ip_ranges(IpRange::builder().cidr_ip(c).build()).build()),
                    (None, Some(c)) => {
                        Some(perm.ipv6_ranges(Ipv6Range::builder().cidr_ipv6(c).build()).build())
                    }
                    _ => None,
                }
            })
            .collect();
        if dropped.is_empty() {
            return Ok(0);
        }
        let cidrs: Vec<String> = dropped
            .iter()
            .flat_map(|p| {
                p.ip_ranges()
                    .iter()
                    .filter_map(|r| r.cidr_ip())
                    .chain(p.ipv6_ranges().iter().filter_map(|r| r.cidr_ipv6()))
                    .map(|c| format!("`{c}`"))
            })
            .collect();
        let count = dropped.len();
        self.revoke_rules(group_id, dropped, Vec::new()).await.with_context(|| {
            format!("failed to revoke the API's openings to {} in `{group_id}`", cidrs.join(", "))
        })?;
        ctx.progress.warn(&format!(
            "the Kubernetes API is no longer open to {}: the config no longer has them",
            cidrs.join(", ")
        ));
        Ok(count)
    }

    /// A launch template's image, if it names one, and the device of the node's volume: the
    /// image's root device when the spec says so (and EC2 tells it), else the spec's.
    async fn image_and_root(&self, spec: &LaunchTemplateSpec) -> anyhow::Result<(Option<String>, String)> {
        let Some(image) = &spec.image else { return Ok((None, spec.device_name.clone())) };
        let id = match image {
            AmiSource::Id(id) => id.clone(),
            AmiSource::SsmParameter(name) => self.ami_from_ssm(name).await?,
        };
        let root = if spec.root_from_image { self.image_root_device(&id).await? } else { None };
        Ok((Some(id), root.unwrap_or_else(|| spec.device_name.clone())))
    }

    /// The root device of an image (`/dev/xvda`, `/dev/sda1`), if EC2 says.
    async fn image_root_device(&self, id: &str) -> anyhow::Result<Option<String>> {
        let out = self.ec2.describe_images().image_ids(id).send().await.api("DescribeImages")?;
        Ok(out.images().first().and_then(|i| i.root_device_name()).map(str::to_string))
    }

    /// The image and instance type of a launch template version (`$Default` when no version is
    /// given), where it sets them.
    pub(super) async fn launch_template_image(
        &self,
        id: &str,
        version: Option<&str>,
    ) -> Result<(Option<String>, Option<String>), CloudError> {
        let out = self
            .ec2
            .describe_launch_template_versions()
            .launch_template_id(id)
            .versions(version.unwrap_or("$Default"))
            .send()
            .await
            .api("DescribeLaunchTemplateVersions")?;
        let data = out.launch_template_versions().first().and_then(|v| v.launch_template_data());
        Ok((
            data.and_then(|d| d.image_id()).map(str::to_string),
            data.and_then(|d| d.instance_type()).map(|t| t.as_str().to_string()),
        ))
    }

    pub(super) async fn ensure_launch_template(
        &self,
        ctx: &StepContext<'_>,
        spec: &LaunchTemplateSpec,
    ) -> anyhow::Result<StepResult> {
        let found = if self.absent(ctx, &spec.name) {
            aws_sdk_ec2::operation::describe_launch_templates::DescribeLaunchTemplatesOutput::builder()
                .build()
        } else {
            let look = self
                .ec2
                .describe_launch_templates()
                .filters(filter("launch-template-name", [spec.name.as_str()]));
            look.send().await.api("DescribeLaunchTemplates")?
        };
        if let Some(lt) = found.launch_templates().first() {
            let id = lt
                .launch_template_id()
                .ok_or_else(|| missing("DescribeLaunchTemplates", "LaunchTemplateId"))?;
            if !owned_by(tag_pairs(lt.tags()), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("launch template `{}`", spec.name),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let latest = lt.latest_version_number().unwrap_or(1);
            let wanted = self.launch_template_data(ctx, spec).await?;
            let version = self.converge_launch_template(ctx, spec, id, latest, wanted).await?;
            let retagged = self.retag_ec2(id, lt.tags(), &step_tags(ctx)).await?;
            let action = if retagged || version != latest { Action::Updated } else { Action::Existed };
            return Ok(StepResult::new(action)
                .with(keys::ID, id)
                .with(keys::NAME, &spec.name)
                .with(keys::VERSION, version.to_string()));
        }
        let data = self.launch_template_data(ctx, spec).await?;
        let created = self
            .ec2
            .create_launch_template()
            .client_token(self.client_token(ctx))
            .launch_template_name(&spec.name)
            .launch_template_data(data)
            .tag_specifications(tag_spec(ResourceType::LaunchTemplate, &step_tags(ctx)))
            .send()
            .await
            .api("CreateLaunchTemplate")?;
        self.made(ctx);
        let lt =
            created.launch_template().ok_or_else(|| missing("CreateLaunchTemplate", "LaunchTemplate"))?;
        let id =
            lt.launch_template_id().ok_or_else(|| missing("CreateLaunchTemplate", "LaunchTemplateId"))?;
        let version = lt.latest_version_number().unwrap_or(1);
        Ok(StepResult::new(Action::Created)
            .with(keys::ID, id)
            .with(keys::NAME, &spec.name)
            .with(keys::VERSION, version.to_string()))
    }

    async fn launch_template_data(
        &self,
        ctx: &StepContext<'_>,
        spec: &LaunchTemplateSpec,
    ) -> anyhow::Result<RequestLaunchTemplateData> {
        let tokens = if spec.imds_v2_required {
            LaunchTemplateHttpTokensState::Required
        } else {
            LaunchTemplateHttpTokensState::Optional
        };
        let mut data = RequestLaunchTemplateData::builder()
            .set_instance_type(spec.instance_type.as_deref().map(Into::into))
            .metadata_options(
                LaunchTemplateInstanceMetadataOptionsRequest::builder()
                    .http_tokens(tokens)
                    .http_put_response_hop_limit(spec.hop_limit)
                    .http_endpoint(LaunchTemplateInstanceMetadataEndpointState::Enabled)
                    .build(),
            )
            .set_key_name(spec.key_name.clone());
        let (image, root) = self.image_and_root(spec).await?;
        data = data.set_image_id(image).set_block_device_mappings(Some(block_devices(spec, &root)));
        let mut groups = Vec::new();
        for sg in &spec.security_groups {
            match ctx.resolve_opt(sg)? {
                Some(id) => groups.push(id),
                None => {
                    ctx.progress.warn(&format!("security group `{}` is not known; left out", sg.describe()))
                }
            }
        }
        // EC2 takes the groups in the interfaces or at the top, never both.
        data = if spec.efa_instance_types.is_empty() {
            data.set_security_group_ids(Some(groups).filter(|g| !g.is_empty()))
        } else {
            data.set_network_interfaces(Some(self.efa_interfaces(&spec.efa_instance_types, &groups).await?))
        };
        data = instance_options(data, &spec.instance);
        if let Some(profile) = &spec.instance_profile_arn {
            let arn = ctx.resolve(profile)?;
            data = data.iam_instance_profile(
                LaunchTemplateIamInstanceProfileSpecificationRequest::builder().arn(arn).build(),
            );
        }
        let user_data = match (&spec.user_data, &spec.managed_user_data) {
            (Some(u), _) => Some(super::userdata::render_spec(ctx, u)?),
            (None, Some(raw)) => Some(raw.clone()),
            (None, None) => None,
        };
        if let Some(rendered) = user_data {
            data = data.user_data(base64::engine::general_purpose::STANDARD.encode(rendered));
        }
        let mut instance_tags = ctx.plan.tags.clone();
        instance_tags.insert(tag_keys::CLUSTER.to_string(), ctx.plan.cluster.clone());
        instance_tags.insert(kubernetes_cluster_tag(&ctx.plan.cluster), "owned".to_string());
        instance_tags.extend(spec.instance_tags.clone());
        for kind in [ResourceType::Instance, ResourceType::Volume, ResourceType::NetworkInterface] {
            data = data.tag_specifications(
                LaunchTemplateTagSpecificationRequest::builder()
                    .resource_type(kind)
                    .set_tags(Some(ec2_tags(&instance_tags)))
                    .build(),
            );
        }
        Ok(data.build())
    }
}

impl AwsCloud {
    /// An EFA group's network interfaces, as eksctl's `buildNetworkInterfaces`: one `efa`
    /// interface per network card all of `types` have (the fewest `MaximumNetworkCards`), the
    /// first the primary (device 0 on card 0), the others device 1 of cards 1.., each in all of
    /// `groups`.
    async fn efa_interfaces(
        &self,
        types: &[String],
        groups: &[String],
    ) -> anyhow::Result<Vec<aws_sdk_ec2::types::LaunchTemplateInstanceNetworkInterfaceSpecificationRequest>>
    {
        use aws_sdk_ec2::types::LaunchTemplateInstanceNetworkInterfaceSpecificationRequest as Interface;
        let out = self
            .ec2
            .describe_instance_types()
            .set_instance_types(Some(types.iter().map(|t| t.as_str().into()).collect()))
            .send()
            .await
            .api("DescribeInstanceTypes")?;
        let mut cards = i32::MAX;
        for t in types {
            let info = out
                .instance_types()
                .iter()
                .find(|i| i.instance_type().map(|x| x.as_str()) == Some(t.as_str()))
                .and_then(|i| i.network_info());
            if !info.and_then(|n| n.efa_supported()).unwrap_or_default() {
                anyhow::bail!("instance type `{t}` does not support EFA");
            }
            cards = cards.min(info.and_then(|n| n.maximum_network_cards()).unwrap_or(1));
        }
        Ok((0..cards.max(1))
            .map(|card| {
                Interface::builder()
                    .device_index(i32::from(card > 0))
                    .network_card_index(card)
                    .interface_type("efa")
                    .set_groups(Some(groups.to_vec()))
                    .build()
            })
            .collect())
    }
}

enum Peer {
    Cidr(String),
    Ipv6(String),
    Group(String),
}

/// The launch template's volumes: the node's (the AMI's root device, or `volumeName`), then
/// `additionalVolumes`, each deleted with its instance.
fn block_devices(
    spec: &LaunchTemplateSpec,
    root_device: &str,
) -> Vec<LaunchTemplateBlockDeviceMappingRequest> {
    let mut root = LaunchTemplateEbsBlockDeviceRequest::builder()
        .volume_size(spec.volume_size)
        .volume_type(VolumeType::from(spec.volume_type.as_str()))
        .delete_on_termination(true)
        .set_iops(spec.volume_iops)
        .set_throughput(spec.volume_throughput)
        .set_kms_key_id(spec.volume_kms_key_id.clone());
    if spec.volume_encrypted {
        root = root.encrypted(true);
    }
    let mut out = vec![
        LaunchTemplateBlockDeviceMappingRequest::builder().device_name(root_device).ebs(root.build()).build(),
    ];
    for v in &spec.instance.extra_volumes {
        let mut ebs = LaunchTemplateEbsBlockDeviceRequest::builder()
            .volume_size(v.size)
            .volume_type(VolumeType::from(v.kind.as_str()))
            .delete_on_termination(true)
            .set_iops(v.iops)
            .set_throughput(v.throughput)
            .set_kms_key_id(v.kms_key_id.clone())
            .set_snapshot_id(v.snapshot_id.clone());
        if v.encrypted {
            ebs = ebs.encrypted(true);
        }
        out.push(
            LaunchTemplateBlockDeviceMappingRequest::builder()
                .device_name(&v.device)
                .ebs(ebs.build())
                .build(),
        );
    }
    out
}

/// The file's instance options in a launch template: placement group, EBS optimization,
/// detailed monitoring, CPU credits, enclaves.
fn instance_options(
    data: aws_sdk_ec2::types::builders::RequestLaunchTemplateDataBuilder,
    o: &crate::config::InstanceOptions,
) -> aws_sdk_ec2::types::builders::RequestLaunchTemplateDataBuilder {
    use aws_sdk_ec2::types::{
        CreditSpecificationRequest, LaunchTemplateEnclaveOptionsRequest, LaunchTemplatePlacementRequest,
        LaunchTemplatesMonitoringRequest,
    };
    data.set_placement(
        o.placement_group.as_ref().map(|g| LaunchTemplatePlacementRequest::builder().group_name(g).build()),
    )
    .set_ebs_optimized(o.ebs_optimized)
    .set_monitoring(
        o.detailed_monitoring.map(|on| LaunchTemplatesMonitoringRequest::builder().enabled(on).build()),
    )
    .set_credit_specification(
        o.cpu_credits.as_ref().map(|c| CreditSpecificationRequest::builder().cpu_credits(c).build()),
    )
    .set_enclave_options(
        o.enclave.map(|on| LaunchTemplateEnclaveOptionsRequest::builder().enabled(on).build()),
    )
    .set_capacity_reservation_specification(o.capacity.as_ref().map(capacity_reservation))
    .set_instance_market_options(
        crate::config::resolved::CapacityUse::capacity_block(o.capacity.as_ref()).then(|| {
            aws_sdk_ec2::types::LaunchTemplateInstanceMarketOptionsRequest::builder()
                .market_type(aws_sdk_ec2::types::MarketType::CapacityBlock)
                .build()
        }),
    )
}

/// A launch template's `CapacityReservationSpecification`: the preference, or the target.
fn capacity_reservation(
    c: &crate::config::resolved::CapacityUse,
) -> aws_sdk_ec2::types::LaunchTemplateCapacityReservationSpecificationRequest {
    use crate::config::resolved::CapacityUse;
    use aws_sdk_ec2::types::{
        CapacityReservationPreference, CapacityReservationTarget,
        LaunchTemplateCapacityReservationSpecificationRequest as Spec,
    };
    match c {
        CapacityUse::Preference(p) => Spec::builder()
            .capacity_reservation_preference(CapacityReservationPreference::from(p.as_str()))
            .build(),
        CapacityUse::Target { reservation_id, resource_group_arn, .. } => Spec::builder()
            .capacity_reservation_target(
                CapacityReservationTarget::builder()
                    .set_capacity_reservation_id(reservation_id.clone())
                    .set_capacity_reservation_resource_group_arn(resource_group_arn.clone())
                    .build(),
            )
            .build(),
    }
}

fn rule_matches(existing: &SecurityGroupRule, want: &SgRule, peer: &Peer) -> bool {
    let egress = want.direction == "egress";
    if existing.is_egress() != Some(egress) || existing.ip_protocol() != Some(want.protocol.as_str()) {
        return false;
    }
    if want.protocol != "-1"
        && (existing.from_port() != Some(want.from_port) || existing.to_port() != Some(want.to_port))
    {
        return false;
    }
    match peer {
        Peer::Cidr(c) => existing.cidr_ipv4() == Some(c.as_str()),
        Peer::Ipv6(c) => existing.cidr_ipv6() == Some(c.as_str()),
        Peer::Group(g) => existing.referenced_group_info().and_then(|r| r.group_id()) == Some(g.as_str()),
    }
}

/// Deletes, each beside the kind's create above; retried while something else still holds the
/// resource (AWS's `DependencyViolation`).
impl AwsCloud {
    pub(super) async fn delete_vpc(&self, progress: &Progress<'_>, id: &str) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            self.ec2.delete_vpc().vpc_id(id).send().await.map(|_| ()).api("DeleteVpc")
        })
        .await
    }

    pub(super) async fn delete_subnet(&self, progress: &Progress<'_>, id: &str) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            self.ec2.delete_subnet().subnet_id(id).send().await.map(|_| ()).api("DeleteSubnet")
        })
        .await
    }

    /// Detach from `vpcs`, then delete.
    pub(super) async fn delete_internet_gateway(
        &self,
        progress: &Progress<'_>,
        id: &str,
        vpcs: &[String],
    ) -> anyhow::Result<()> {
        for vpc in vpcs {
            while_dependent(progress, || async {
                let call = self.ec2.detach_internet_gateway().internet_gateway_id(id).vpc_id(vpc);
                call.send().await.map(|_| ()).api("DetachInternetGateway")
            })
            .await?;
        }
        while_dependent(progress, || async {
            let call = self.ec2.delete_internet_gateway().internet_gateway_id(id);
            call.send().await.map(|_| ()).api("DeleteInternetGateway")
        })
        .await
    }

    pub(super) async fn release_elastic_ip(&self, progress: &Progress<'_>, id: &str) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            self.ec2.release_address().allocation_id(id).send().await.map(|_| ()).api("ReleaseAddress")
        })
        .await
    }

    /// Delete and wait until it is `deleted` (its Elastic IP is held until then).
    pub(super) async fn delete_nat_gateway(&self, progress: &Progress<'_>, id: &str) -> anyhow::Result<()> {
        use aws_sdk_ec2::types::NatGatewayState;
        self.ec2
            .delete_nat_gateway()
            .nat_gateway_id(id)
            .send()
            .await
            .api("DeleteNatGateway")
            .or_not_found()?;
        wait_for(progress, &format!("NAT gateway `{id}` to be deleted"), limits::NAT_GONE, || async {
            let out = self
                .ec2
                .describe_nat_gateways()
                .nat_gateway_ids(id)
                .send()
                .await
                .api("DescribeNatGateways")
                .or_not_found()?;
            let state = out.as_ref().and_then(|o| o.nat_gateways().first()).and_then(|n| n.state()).cloned();
            Ok(match state {
                None | Some(NatGatewayState::Deleted) => Poll::Ready(()),
                Some(s) => Poll::Pending(s.as_str().to_string()),
            })
        })
        .await
    }

    /// Disassociate its subnets, then delete.
    pub(super) async fn delete_route_table(&self, id: &str, associations: &[String]) -> anyhow::Result<()> {
        for aid in associations {
            let call = self.ec2.disassociate_route_table().association_id(aid);
            call.send().await.api("DisassociateRouteTable").or_not_found()?;
        }
        self.ec2
            .delete_route_table()
            .route_table_id(id)
            .send()
            .await
            .api("DeleteRouteTable")
            .or_not_found()?;
        Ok(())
    }

    /// Move its subnets back to the VPC's default ACL, then delete.
    pub(super) async fn delete_network_acl(
        &self,
        id: &str,
        vpc: &str,
        associations: &[String],
    ) -> anyhow::Result<()> {
        if !associations.is_empty() {
            let default = self
                .ec2
                .describe_network_acls()
                .filters(filter("vpc-id", [vpc]))
                .filters(filter("default", ["true"]))
                .send()
                .await
                .api("DescribeNetworkAcls")?;
            let default_id =
                default.network_acls().first().and_then(|a| a.network_acl_id()).unwrap_or_default();
            for aid in associations {
                let call =
                    self.ec2.replace_network_acl_association().association_id(aid).network_acl_id(default_id);
                call.send().await.api("ReplaceNetworkAclAssociation").or_not_found()?;
            }
        }
        self.ec2
            .delete_network_acl()
            .network_acl_id(id)
            .send()
            .await
            .api("DeleteNetworkAcl")
            .or_not_found()?;
        Ok(())
    }

    pub(super) async fn delete_security_group(
        &self,
        progress: &Progress<'_>,
        id: &str,
    ) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            self.ec2.delete_security_group().group_id(id).send().await.map(|_| ()).api("DeleteSecurityGroup")
        })
        .await
    }

    /// Revoke every rule of the `doomed` groups (they name each other), and the rules of `others`
    /// that name one of them: a group named by another's rule cannot be deleted.
    pub(super) async fn revoke_doomed_rules(
        &self,
        doomed: &[String],
        others: &[String],
    ) -> anyhow::Result<()> {
        for sg in self.security_groups_by_id(doomed).await? {
            let Some(id) = sg.group_id() else { continue };
            let (ingress, egress) = (sg.ip_permissions().to_vec(), sg.ip_permissions_egress().to_vec());
            // A rule that will not go shows as the group's own `DependencyViolation` below.
            let _ = self.revoke_rules(id, ingress, egress).await;
        }
        let names = |p: &IpPermission| {
            p.user_id_group_pairs()
                .iter()
                .any(|g| g.group_id().is_some_and(|x| doomed.iter().any(|d| d == x)))
        };
        for sg in self.security_groups_by_id(others).await? {
            let Some(id) = sg.group_id() else { continue };
            let ingress = sg.ip_permissions().iter().filter(|p| names(p)).cloned().collect();
            let egress = sg.ip_permissions_egress().iter().filter(|p| names(p)).cloned().collect();
            let _ = self.revoke_rules(id, ingress, egress).await;
        }
        Ok(())
    }

    /// The groups of these ids that still exist.
    async fn security_groups_by_id(
        &self,
        ids: &[String],
    ) -> Result<Vec<aws_sdk_ec2::types::SecurityGroup>, CloudError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let all = self.ec2.describe_security_groups().set_group_ids(Some(ids.to_vec())).send().await;
        match all.api("DescribeSecurityGroups") {
            Ok(o) => Ok(o.security_groups().to_vec()),
            // One is gone already: ask for the others one by one.
            Err(e) if e.is_not_found() => {
                let mut found = Vec::new();
                for id in ids {
                    let one = self.ec2.describe_security_groups().group_ids(id).send().await;
                    if let Some(o) = one.api("DescribeSecurityGroups").or_not_found()? {
                        found.extend(o.security_groups().iter().cloned());
                    }
                }
                Ok(found)
            }
            Err(e) => Err(e),
        }
    }

    /// Revoke these ingress and egress permissions of `group` (nothing when both are empty).
    pub(crate) async fn revoke_rules(
        &self,
        group: &str,
        ingress: Vec<IpPermission>,
        egress: Vec<IpPermission>,
    ) -> Result<(), CloudError> {
        if !ingress.is_empty() {
            let call =
                self.ec2.revoke_security_group_ingress().group_id(group).set_ip_permissions(Some(ingress));
            call.send().await.api("RevokeSecurityGroupIngress")?;
        }
        if !egress.is_empty() {
            let call =
                self.ec2.revoke_security_group_egress().group_id(group).set_ip_permissions(Some(egress));
            call.send().await.api("RevokeSecurityGroupEgress")?;
        }
        Ok(())
    }

    /// An SSH public key as an EC2 key pair named `key_name` (ImportKeyPair): one the cluster owns
    /// is kept (the name holds the key's digest, so another key is another pair); one of the same
    /// name that it does not own is refused.
    pub(super) async fn ensure_key_pair(
        &self,
        ctx: &StepContext<'_>,
        key_name: &str,
        public_key: &str,
    ) -> anyhow::Result<StepResult> {
        let found = self
            .ec2
            .describe_key_pairs()
            .filters(filter("key-name", [key_name]))
            .send()
            .await
            .api("DescribeKeyPairs")?;
        if let Some(pair) = found.key_pairs().first() {
            if !owned_by(tag_pairs(pair.tags()), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("EC2 key pair `{key_name}`"),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let id = pair.key_pair_id().unwrap_or(key_name);
            let retagged = self.retag_ec2(id, pair.tags(), &step_tags(ctx)).await?;
            return Ok(StepResult::new(if retagged { Action::Updated } else { Action::Existed })
                .with(keys::NAME, key_name));
        }
        self.ec2
            .import_key_pair()
            .key_name(key_name)
            .public_key_material(aws_sdk_ec2::primitives::Blob::new(public_key.as_bytes()))
            .tag_specifications(tag_spec(ResourceType::KeyPair, &step_tags(ctx)))
            .send()
            .await
            .api("ImportKeyPair")?;
        self.made(ctx);
        Ok(StepResult::new(Action::Created).with(keys::NAME, key_name))
    }

    pub(super) async fn delete_key_pair(&self, name: &str) -> anyhow::Result<()> {
        let call = self.ec2.delete_key_pair().key_name(name);
        call.send().await.api("DeleteKeyPair").or_not_found()?;
        Ok(())
    }

    /// The placement group `group_name` of `strategy` (CreatePlacementGroup): one the cluster
    /// owns is kept; one of the same name that it does not own is refused.
    pub(super) async fn ensure_placement_group(
        &self,
        ctx: &StepContext<'_>,
        group: &Resource,
    ) -> anyhow::Result<StepResult> {
        let Resource::PlacementGroup { group_name, strategy } = group else {
            anyhow::bail!("not a placement group: {group:?}");
        };
        let look = self.ec2.describe_placement_groups().filters(filter("group-name", [group_name]));
        let found = look.send().await.api("DescribePlacementGroups")?;
        if let Some(group) = found.placement_groups().first() {
            if !owned_by(tag_pairs(group.tags()), &ctx.plan.cluster) {
                return Err(CloudError::NotOwned {
                    what: format!("placement group `{group_name}`"),
                    cluster: ctx.plan.cluster.clone(),
                    tag: tag_keys::CLUSTER,
                }
                .into());
            }
            let id = group.group_id().unwrap_or(group_name);
            let retagged = self.retag_ec2(id, group.tags(), &step_tags(ctx)).await?;
            return Ok(StepResult::new(if retagged { Action::Updated } else { Action::Existed })
                .with(keys::NAME, group_name)
                .with(keys::ID, id));
        }
        let created = self
            .ec2
            .create_placement_group()
            .group_name(group_name)
            .strategy(aws_sdk_ec2::types::PlacementStrategy::from(strategy.as_str()))
            .tag_specifications(tag_spec(ResourceType::PlacementGroup, &step_tags(ctx)))
            .send()
            .await
            .api("CreatePlacementGroup")?;
        self.made(ctx);
        let id = created.placement_group().and_then(|g| g.group_id()).unwrap_or(group_name);
        Ok(StepResult::new(Action::Created).with(keys::NAME, group_name).with(keys::ID, id))
    }

    /// Delete placement group `name`, retried while instances (stopping ones too) are in it.
    pub(super) async fn delete_placement_group(
        &self,
        progress: &Progress<'_>,
        name: &str,
    ) -> anyhow::Result<()> {
        while_dependent(progress, || async {
            let call = self.ec2.delete_placement_group().group_name(name);
            call.send().await.map(|_| ()).api("DeletePlacementGroup")
        })
        .await
    }

    pub(super) async fn delete_launch_template(&self, id: &str) -> anyhow::Result<()> {
        let call = self.ec2.delete_launch_template().launch_template_id(id);
        call.send().await.api("DeleteLaunchTemplate").or_not_found()?;
        Ok(())
    }

    /// Delete the network interfaces the VPC CNI left in `vpcs` (`available`, tagged for the
    /// cluster or named `aws-K8S-*`): they hold subnets and security groups. How many went.
    pub(super) async fn delete_cni_leftovers(
        &self,
        progress: &Progress<'_>,
        cluster: &str,
        vpcs: &[String],
    ) -> anyhow::Result<usize> {
        if vpcs.is_empty() {
            return Ok(0);
        }
        let found = self
            .ec2
            .describe_network_interfaces()
            .filters(filter("vpc-id", vpcs.iter().map(String::as_str)))
            .filters(filter("status", ["available"]))
            .send()
            .await
            .api("DescribeNetworkInterfaces")?;
        let mut removed = 0;
        for eni in found.network_interfaces() {
            let Some(id) = eni.network_interface_id() else { continue };
            let cni = eni.description().is_some_and(|d| d.starts_with("aws-K8S-"))
                || eni
                    .tag_set()
                    .iter()
                    .any(|t| t.key() == Some("cluster.k8s.amazonaws.com/name") && t.value() == Some(cluster));
            if !cni {
                continue;
            }
            progress.waiting(&format!("deleting network interface `{id}`"));
            while_dependent(progress, || async {
                let call = self.ec2.delete_network_interface().network_interface_id(id);
                call.send().await.map(|_| ()).api("DeleteNetworkInterface")
            })
            .await?;
            removed += 1;
        }
        Ok(removed)
    }
}
