//! What eksup left behind: across the region, the resources that carry eksup's ownership tag
//! (`eksup.io/cluster`) for a cluster that does not exist, because a create was killed before its
//! control plane, or the control plane was deleted behind eksup's back. One filtered Describe
//! per EC2 type, one for the Auto Scaling groups, IAM roles and instance profiles of eksup's
//! naming (`eksup-`, whose tags are read one by one: IAM cannot filter by tag), and one
//! ListClusters to tell which clusters exist.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::AwsCloud;
use super::autoscaling::asg_tag_pairs;
use super::ec2::{filter, tag_pairs};
use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::iam::iam_tag_pairs;
use crate::plan::tags as tag_keys;

/// IAM names eksup gives: `eksup-<cluster>-...`.
const IAM_PREFIX: &str = "eksup-";

/// One resource left behind.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Orphan {
    /// The cluster its ownership tag names.
    pub cluster: String,
    /// `vpc`, `subnet`, `iam-role`, ...
    pub kind: &'static str,
    /// Its id or name.
    pub id: String,
}

/// The value of the ownership tag among `tags`.
fn owner<'t>(mut tags: impl Iterator<Item = (&'t str, &'t str)>) -> Option<String> {
    tags.find(|(k, _)| *k == tag_keys::CLUSTER).map(|(_, v)| v.to_string())
}

impl AwsCloud {
    /// Every resource in the region tagged for a cluster that does not exist, by cluster.
    ///
    /// # Errors
    /// An AWS call that fails (permissions, the network): a partial answer could pass for "nothing
    /// left".
    pub async fn find_orphans(&self) -> anyhow::Result<BTreeMap<String, Vec<Orphan>>> {
        let mut found = self.tagged_ec2().await?;
        found.extend(self.tagged_groups().await?);
        found.extend(self.tagged_iam().await?);
        for (kind, profiles) in [("trust-anchor", false), ("anywhere-profile", true)] {
            let owned = self.owned_roles_anywhere(None, profiles).await?;
            found.extend(owned.into_iter().map(|f| Orphan { cluster: f.cluster, kind, id: f.id }));
        }
        let live: BTreeSet<String> = self.list_clusters().await?.into_iter().collect();
        let mut by_cluster: BTreeMap<String, Vec<Orphan>> = BTreeMap::new();
        for o in found.into_iter().filter(|o| !live.contains(&o.cluster)) {
            by_cluster.entry(o.cluster.clone()).or_default().push(o);
        }
        for list in by_cluster.values_mut() {
            list.sort();
        }
        Ok(by_cluster)
    }

    /// EC2 resources with the ownership tag, one call per type.
    async fn tagged_ec2(&self) -> Result<Vec<Orphan>, CloudError> {
        let key = || Some(vec![filter("tag-key", [tag_keys::CLUSTER])]);
        let c = &self.ec2;
        let (vpcs, subnets, igws, eigws, eips, nats, rts, acls, sgs, lts, keys, pgs, endpoints, tgw) = tokio::join!(
            async { c.describe_vpcs().set_filters(key()).send().await.api("DescribeVpcs") },
            async { c.describe_subnets().set_filters(key()).send().await.api("DescribeSubnets") },
            async {
                c.describe_internet_gateways().set_filters(key()).send().await.api("DescribeInternetGateways")
            },
            async {
                let call = c.describe_egress_only_internet_gateways().set_filters(key());
                call.send().await.api("DescribeEgressOnlyInternetGateways")
            },
            async { c.describe_addresses().set_filters(key()).send().await.api("DescribeAddresses") },
            async {
                let live = filter("state", ["pending", "available", "failed"]);
                c.describe_nat_gateways()
                    .set_filter(key())
                    .filter(live)
                    .send()
                    .await
                    .api("DescribeNatGateways")
            },
            async { c.describe_route_tables().set_filters(key()).send().await.api("DescribeRouteTables") },
            async { c.describe_network_acls().set_filters(key()).send().await.api("DescribeNetworkAcls") },
            async {
                c.describe_security_groups().set_filters(key()).send().await.api("DescribeSecurityGroups")
            },
            async {
                c.describe_launch_templates().set_filters(key()).send().await.api("DescribeLaunchTemplates")
            },
            async { c.describe_key_pairs().set_filters(key()).send().await.api("DescribeKeyPairs") },
            async {
                c.describe_placement_groups().set_filters(key()).send().await.api("DescribePlacementGroups")
            },
            async {
                let live =
                    filter("vpc-endpoint-state", ["pendingAcceptance", "pending", "available", "failed"]);
                let call = c.describe_vpc_endpoints().set_filters(key()).filters(live);
                call.send().await.api("DescribeVpcEndpoints")
            },
            async {
                let live =
                    filter("state", ["pendingAcceptance", "pending", "available", "modifying", "failed"]);
                let call = c.describe_transit_gateway_vpc_attachments().set_filters(key()).filters(live);
                call.send().await.api("DescribeTransitGatewayVpcAttachments")
            },
        );
        let mut out = Vec::new();
        let mut add = |kind: &'static str, id: Option<&str>, tags: &[aws_sdk_ec2::types::Tag]| {
            if let (Some(id), Some(cluster)) = (id, owner(tag_pairs(tags))) {
                out.push(Orphan { cluster, kind, id: id.to_string() });
            }
        };
        for v in vpcs?.vpcs() {
            add("vpc", v.vpc_id(), v.tags());
        }
        for s in subnets?.subnets() {
            add("subnet", s.subnet_id(), s.tags());
        }
        for g in igws?.internet_gateways() {
            add("internet-gateway", g.internet_gateway_id(), g.tags());
        }
        for g in eigws?.egress_only_internet_gateways() {
            add("egress-only-internet-gateway", g.egress_only_internet_gateway_id(), g.tags());
        }
        for a in eips?.addresses() {
            add("elastic-ip", a.allocation_id(), a.tags());
        }
        for n in nats?.nat_gateways() {
            add("nat-gateway", n.nat_gateway_id(), n.tags());
        }
        for r in rts?.route_tables() {
            add("route-table", r.route_table_id(), r.tags());
        }
        for a in acls?.network_acls() {
            add("network-acl", a.network_acl_id(), a.tags());
        }
        for g in sgs?.security_groups() {
            add("security-group", g.group_id(), g.tags());
        }
        for t in lts?.launch_templates() {
            add("launch-template", t.launch_template_name(), t.tags());
        }
        for k in keys?.key_pairs() {
            add("key-pair", k.key_name(), k.tags());
        }
        for g in pgs?.placement_groups() {
            add("placement-group", g.group_name(), g.tags());
        }
        for e in endpoints?.vpc_endpoints() {
            add("vpc-endpoint", e.vpc_endpoint_id(), e.tags());
        }
        for a in tgw?.transit_gateway_vpc_attachments() {
            add("gateway-attachment", a.transit_gateway_attachment_id(), a.tags());
        }
        Ok(out)
    }

    /// Auto Scaling groups with the ownership tag.
    async fn tagged_groups(&self) -> Result<Vec<Orphan>, CloudError> {
        let key =
            aws_sdk_autoscaling::types::Filter::builder().name("tag-key").values(tag_keys::CLUSTER).build();
        let pages: Result<Vec<_>, _> =
            self.asg.describe_auto_scaling_groups().filters(key).into_paginator().send().collect().await;
        Ok(pages
            .api("DescribeAutoScalingGroups")?
            .iter()
            .flat_map(|p| p.auto_scaling_groups())
            .filter_map(|g| {
                let cluster = owner(asg_tag_pairs(g))?;
                Some(Orphan {
                    cluster,
                    kind: "auto-scaling-group",
                    id: g.auto_scaling_group_name()?.to_string(),
                })
            })
            .collect())
    }

    /// IAM roles and instance profiles named `eksup-...` with the ownership tag.
    async fn tagged_iam(&self) -> Result<Vec<Orphan>, CloudError> {
        let mut out = Vec::new();
        let roles: Result<Vec<_>, _> = self.iam.list_roles().into_paginator().send().collect().await;
        let names: Vec<String> = roles
            .api("ListRoles")?
            .iter()
            .flat_map(|p| p.roles())
            .map(|r| r.role_name().to_string())
            .filter(|n| n.starts_with(IAM_PREFIX))
            .collect();
        for name in names {
            let tags =
                self.iam.list_role_tags().role_name(&name).send().await.api("ListRoleTags").or_not_found()?;
            if let Some(cluster) = tags.and_then(|t| owner(iam_tag_pairs(t.tags()))) {
                out.push(Orphan { cluster, kind: "iam-role", id: name });
            }
        }
        let profiles: Result<Vec<_>, _> =
            self.iam.list_instance_profiles().into_paginator().send().collect().await;
        let names: Vec<String> = profiles
            .api("ListInstanceProfiles")?
            .iter()
            .flat_map(|p| p.instance_profiles())
            .map(|p| p.instance_profile_name().to_string())
            .filter(|n| n.starts_with(IAM_PREFIX))
            .collect();
        for name in names {
            if let Some(cluster) =
                self.instance_profile_tags(&name).await?.and_then(|t| owner(iam_tag_pairs(&t)))
            {
                out.push(Orphan { cluster, kind: "instance-profile", id: name });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_is_the_cluster_tag() {
        let tags = [("Name", "x"), (tag_keys::CLUSTER, "demo"), (tag_keys::RESOURCE, "vpc")];
        assert_eq!(owner(tags.iter().copied()), Some("demo".to_string()));
        assert_eq!(owner([("Name", "x")].iter().copied()), None);
    }
}
