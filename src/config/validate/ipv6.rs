//! `kubernetesNetworkConfig.ipFamily: IPv6`: eksctl's rules (its `validation.go`,
//! `validateKubernetesNetworkConfig` and the VPC checks) and AWS's ("IPv6 addresses to clusters,
//! Pods, and services" in the EKS user guide: no Windows pods). `vpc.extraIPv6CIDRs` belongs to
//! `IPv6` clusters only. Where eksup differs from eksctl it says so: eksup installs the default
//! add-ons itself, so they need not be listed, and it refuses `vpc.networkAcls` (an eksup
//! extension whose rules are IPv4 only).

use ipnet::Ipv6Net;

use super::V;
use crate::config::resolved::{ipv6_cluster, nodes_beside_auto_mode};
use crate::config::rules::windows;
use crate::config::types::ClusterConfig;

/// The first vpc-cni that runs in `IPv6` mode (eksctl's `minimumVPCCNIVersionForIPv6`).
const MIN_VPC_CNI: (u32, u32) = (1, 10);

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let vpc = cfg.vpc.as_ref();
    let extra = vpc.and_then(|x| x.extra_ipv6_cidrs.as_ref()).filter(|l| !l.is_empty());
    for (i, c) in extra.into_iter().flatten().enumerate() {
        let p = format!("vpc.extraIPv6CIDRs[{i}]");
        match c.parse::<Ipv6Net>() {
            Ok(net) if net.trunc() != net => {
                v.err_hint(p, format!("`{c}` has host bits set"), format!("did you mean `{}`?", net.trunc()));
            }
            Ok(_) => {}
            Err(_) => {
                v.err_hint(p, format!("`{c}` is not an IPv6 CIDR"), "write it like `2600:1f14:abc:de00::/56`")
            }
        }
    }
    let (block, pool) = (vpc.and_then(|x| x.ipv6_cidr.as_deref()), vpc.and_then(|x| x.ipv6_pool.as_deref()));
    if let Some(c) = block {
        match c.parse::<Ipv6Net>() {
            Ok(net) if net.prefix_len() != 56 || net.trunc() != net => v.err_hint(
                "vpc.ipv6Cidr",
                format!("`{c}` is not a /56: a VPC takes a /56 of a BYOIP pool"),
                format!(
                    "write the /56 of the pool the VPC is to have, like `{}`",
                    Ipv6Net::new(net.network(), 56).map_or(net, |n| n.trunc())
                ),
            ),
            Ok(_) => {}
            Err(_) => v.err_hint(
                "vpc.ipv6Cidr",
                format!("`{c}` is not an IPv6 CIDR"),
                "write it like `2001:db8:1200:ab00::/56`",
            ),
        }
    }
    if let Some(p) = pool
        && !p.starts_with("ipv6pool-")
    {
        v.err_hint(
            "vpc.ipv6Pool",
            format!("`{p}` is not an IPv6 pool id"),
            "give the pool's id, `ipv6pool-ec2-...` (`aws ec2 describe-ipv6-pools`)",
        );
    }
    if block.is_some() || pool.is_some() {
        if !ipv6_cluster(cfg) {
            v.err_hint(
                if block.is_some() { "vpc.ipv6Cidr" } else { "vpc.ipv6Pool" },
                "Ipv6Cidr and Ipv6CidrPool are only supported when IPFamily is set to IPv6",
                "set `kubernetesNetworkConfig.ipFamily: IPv6`, or remove them",
            );
        } else if block.is_none() || pool.is_none() {
            v.err_hint(
                if block.is_none() { "vpc.ipv6Pool" } else { "vpc.ipv6Cidr" },
                "Ipv6Cidr and Ipv6Pool must both be configured to use a custom IPv6 CIDR and address pool",
                "give both `ipv6Pool` and the /56 of it in `ipv6Cidr`, or neither for an Amazon-provided block",
            );
        } else if vpc.is_some_and(|x| x.id.is_some()) {
            v.err_hint(
                "vpc.ipv6Cidr",
                "cannot provide VPC.IPv6Cidr when using a pre-existing VPC.ID",
                "remove `ipv6Cidr` and `ipv6Pool`: your VPC's IPv6 block is used as it is",
            );
        }
    }
    if !ipv6_cluster(cfg) {
        if extra.is_some() {
            v.err_hint(
                "vpc.extraIPv6CIDRs",
                "cannot specify vpc.extraIPv6CIDRs with an IPv4 cluster",
                "set `kubernetesNetworkConfig.ipFamily: IPv6`, or use `vpc.extraCIDRs` for IPv4 blocks",
            );
        }
        return;
    }
    network_rules(v, cfg);
    addon_rules(v, cfg);
    for (i, _) in cfg.node_groups.iter().flatten().enumerate() {
        v.err_hint(
            format!("nodeGroups[{i}]"),
            "self-managed node groups are not supported in `IPv6` clusters",
            "move the group to `managedNodeGroups` (eksctl refuses self-managed groups in IPv6 clusters too)",
        );
    }
    for (i, ng) in cfg.managed_node_groups.iter().flatten().enumerate() {
        if let Some(f) = ng.ami_family.as_deref().filter(|f| windows(f).is_some()) {
            v.err_hint(
                format!("managedNodeGroups[{i}].amiFamily"),
                format!("`{f}` nodes are not supported in `IPv6` clusters: AWS runs no Windows pods there"),
                "use a Linux `amiFamily` such as `AmazonLinux2023`, or an `IPv4` cluster for Windows nodes",
            );
        }
    }
}

/// The network: what EKS assigns itself (the service CIDR), what eksup lays out (the NAT
/// gateway) and what an IPv6 cluster cannot have.
fn network_rules(v: &mut V, cfg: &ClusterConfig) {
    let vpc = cfg.vpc.as_ref();
    if cfg.kubernetes_network_config.as_ref().is_some_and(|k| k.service_ipv4_cidr.is_some()) {
        v.err_hint(
            "kubernetesNetworkConfig.serviceIPv4CIDR",
            "service IPv4 CIDR is not supported with IPv6",
            "remove it: EKS gives an `IPv6` cluster an IPv6 service CIDR of its own",
        );
    }
    if vpc.is_some_and(|x| x.nat.is_some()) {
        v.err_hint(
            "vpc.nat",
            "setting NAT is not supported with IPv6",
            "remove `vpc.nat`: an `IPv6` cluster's VPC has one NAT gateway, for the nodes' IPv4 traffic",
        );
    }
    if vpc.and_then(|x| x.network_acls.as_ref()).and_then(|n| n.enabled) == Some(true) {
        v.err_hint(
            "vpc.networkAcls",
            "eksup's network ACLs hold IPv4 rules only: they would cut off an `IPv6` cluster's pods",
            "remove `vpc.networkAcls`, or use `ipFamily: IPv4`",
        );
    }
    if cfg.hybrid_nodes().is_some() {
        v.err_hint(
            "remoteNetworkConfig",
            "remoteNetworkConfig is not supported on EKS cluster configured with IPv6 address family",
            "remove `remoteNetworkConfig`, or use `ipFamily: IPv4` for hybrid nodes",
        );
    }
}

/// The add-ons an `IPv6` cluster needs: CoreDNS, and a vpc-cni (1.10 or later) with a role of
/// its own, since the node role's AmazonEKS_CNI_Policy cannot assign IPv6 addresses.
fn addon_rules(v: &mut V, cfg: &ClusterConfig) {
    let auto_mode = cfg.auto_mode_config.as_ref().and_then(|a| a.enabled) == Some(true);
    let defaults = cfg.addons_config.as_ref().and_then(|a| a.disable_default_addons) != Some(true);
    let listed = |name: &str| cfg.addons.iter().flatten().position(|a| a.name.as_deref() == Some(name));
    if !auto_mode && !defaults && listed("coredns").is_none() {
        v.err_hint(
            "addons",
            "the default core add-ons must be defined for IPv6; missing add-on `coredns`",
            "add `- name: coredns` to `addons`, or remove `addonsConfig.disableDefaultAddons`",
        );
    }
    let cni = listed("vpc-cni");
    let has_cni = cni.is_some() || (defaults && (!auto_mode || nodes_beside_auto_mode(cfg)));
    let with_oidc = cfg.iam.as_ref().and_then(|i| i.with_oidc) == Some(true);
    let entry = cni.and_then(|i| cfg.addons.as_ref().map(|a| &a[i]));
    let own_role = entry.is_some_and(|a| {
        a.service_account_role_arn.is_some()
            || a.pod_identity_associations.as_ref().is_some_and(|p| !p.is_empty())
            || a.use_default_pod_identity_associations == Some(true)
    });
    let auto_apply =
        cfg.addons_config.as_ref().and_then(|c| c.auto_apply_pod_identity_associations) == Some(true);
    if has_cni && !with_oidc && !own_role && !auto_apply {
        v.err_hint(
            "iam.withOIDC",
            "an `IPv6` cluster's vpc-cni needs a role of its own to assign IPv6 addresses",
            "set `iam.withOIDC: true` or `addonsConfig.autoApplyPodIdentityAssociations: true` (eksup then gives the vpc-cni the IPv6 policy eksctl gives it), or a role on the vpc-cni add-on",
        );
    }
    if let Some(i) = cni
        && let Some(version) = cfg.addons.as_ref().and_then(|a| a[i].version.as_deref())
        && version != "latest"
        && minor_of(version).is_some_and(|m| m < MIN_VPC_CNI)
    {
        v.err_hint(
            format!("addons[{i}].version"),
            format!("vpc-cni version must be at least version `v1.10.0` for IPv6, not `{version}`"),
            "remove the version (EKS's default for the cluster) or use `latest`",
        );
    }
}

/// `v1.9.0-eksbuild.1` → `(1, 9)`.
fn minor_of(version: &str) -> Option<(u32, u32)> {
    let mut parts = version.trim_start_matches('v').split(['.', '-']);
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_addon_versions() {
        assert_eq!(super::minor_of("v1.9.0-eksbuild.1"), Some((1, 9)));
        assert_eq!(super::minor_of("1.19.2"), Some((1, 19)));
        assert_eq!(super::minor_of("latest"), None);
    }
}
