//! `localZones` and `nodeGroups[].localZones`: eksctl's rules (its `validation.go`), and where
//! eksup keeps the Local Zones out: the control plane, managed node groups (eksctl lays out
//! Local Zone subnets for self-managed groups only, though EKS now runs managed ones there),
//! Fargate (which AWS does not run there).
//! Where eksup is stricter than eksctl it says so: a group naming both `localZones` and
//! `subnets` is refused (eksctl takes the subnets of both), as is a Local Zone in a group's
//! `availabilityZones` (eksctl finds no subnet for it).

use std::collections::BTreeSet;

use super::V;
use crate::config::regions::is_local_zone as is_local_zone_name;
use crate::config::types::ClusterConfig;

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let lzs: Vec<String> = cfg.local_zones.clone().unwrap_or_default();
    let region = cfg.metadata.region.as_deref().unwrap_or_default();
    cluster_rules(v, cfg, &lzs, region);
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        for (j, z) in ng.availability_zones.iter().flatten().enumerate() {
            if is_local_zone_name(region, z) {
                v.err_hint(
                    format!("nodeGroups[{i}].availabilityZones[{j}]"),
                    format!("`{z}` is a Local Zone"),
                    format!("name it in the group's `localZones` (and the cluster's): `localZones: [{z}]`"),
                );
            }
        }
        // An empty list is no list, as in eksctl.
        let Some(mine) = ng.local_zones.as_ref().filter(|l| !l.is_empty()) else { continue };
        let p = format!("nodeGroups[{i}].localZones");
        if ng.availability_zones.as_ref().is_some_and(|a| !a.is_empty()) {
            v.err_hint(
                &p,
                "cannot specify both localZones and availabilityZones",
                "keep `localZones` to run the group in Local Zones, or `availabilityZones` for the region's zones",
            );
        }
        if ng.subnets.as_ref().is_some_and(|s| !s.is_empty()) {
            v.err_hint(
                &p,
                "cannot specify both localZones and subnets",
                "keep `localZones` to use the subnets eksup lays out there, or `subnets` to name yours",
            );
        }
        for (j, z) in mine.iter().enumerate() {
            if !lzs.contains(z) {
                v.err_hint(
                    format!("{p}[{j}]"),
                    format!("`{z}` is not one of the cluster's `localZones`"),
                    format!("add `{z}` to the top-level `localZones`: eksup lays out the Local Zones' subnets there"),
                );
            }
        }
    }
    elsewhere_rules(v, cfg, &lzs, region);
}

/// Managed node groups and Fargate profiles: never in a Local Zone.
fn elsewhere_rules(v: &mut V, cfg: &ClusterConfig, lzs: &[String], region: &str) {
    let in_lz = |z: &String| is_local_zone_name(region, z) || lzs.contains(z);
    for (i, ng) in cfg.managed_node_groups.iter().flatten().enumerate() {
        let named = [("availabilityZones", ng.availability_zones.as_ref()), ("subnets", ng.subnets.as_ref())];
        for (field, list) in named {
            for (j, z) in list.into_iter().flatten().enumerate() {
                if in_lz(z) {
                    v.err_hint(
                        format!("managedNodeGroups[{i}].{field}[{j}]"),
                        format!(
                            "`{z}` is a Local Zone: eksup, as eksctl, runs only self-managed groups there"
                        ),
                        "run the nodes in a self-managed group (`nodeGroups`) with `localZones`",
                    );
                }
            }
        }
    }
    for (i, fp) in cfg.fargate_profiles.iter().flatten().enumerate() {
        for (j, z) in fp.subnets.iter().flatten().enumerate() {
            if in_lz(z) {
                v.err_hint(
                    format!("fargateProfiles[{i}].subnets[{j}]"),
                    format!("Fargate does not run in Local Zones (`{z}`)"),
                    "name subnets of the region's availability zones, or leave `subnets` out",
                );
            }
        }
    }
}

fn cluster_rules(v: &mut V, cfg: &ClusterConfig, lzs: &[String], region: &str) {
    // The control plane and the zones list: never in a Local Zone.
    for (i, z) in cfg.availability_zones.iter().flatten().enumerate() {
        if is_local_zone_name(region, z) {
            v.err_hint(
                format!("availabilityZones[{i}]"),
                format!("`{z}` is a Local Zone: EKS runs no control plane there"),
                "move it to the top-level `localZones` and name it in a node group's `localZones`",
            );
        }
    }
    // An empty list is no list, as in eksctl.
    if lzs.is_empty() {
        return;
    }
    let mut seen = BTreeSet::new();
    for (i, z) in lzs.iter().enumerate() {
        let p = format!("localZones[{i}]");
        if !seen.insert(z) {
            v.err_hint(&p, format!("`{z}` is listed twice"), "list each Local Zone once");
        } else if !region.is_empty() && !is_local_zone_name(region, z) {
            let hint = if super::super::regions::zone_in_region(region, z).is_ok() {
                "an availability zone goes in `availabilityZones`".to_string()
            } else {
                format!(
                    "use a Local Zone of `{region}`, such as `{region}-lax-1a` (`aws ec2 describe-availability-zones --all-availability-zones --filters Name=zone-type,Values=local-zone`)"
                )
            };
            v.err_hint(&p, format!("`{z}` is not a Local Zone of `{region}`"), hint);
        }
    }
    let vpc = cfg.vpc.as_ref();
    let existing = vpc.is_some_and(|x| {
        x.id.is_some()
            || x.subnets.as_ref().is_some_and(|s| {
                s.public.iter().chain(s.private.iter()).flatten().any(|(_, spec)| spec.id.is_some())
            })
    });
    if existing {
        v.err_hint(
            "localZones",
            "localZones are not supported with a pre-existing VPC",
            "make subnets in the Local Zones yourself, list them in `vpc.subnets` with their `az` (eksup keeps the control plane out of them) and name them in a self-managed group's `subnets`",
        );
        return;
    }
    if vpc.and_then(|x| x.nat.as_ref()).and_then(|n| n.gateway.as_deref()) == Some("HighlyAvailable") {
        v.err_hint(
            "vpc.nat.gateway",
            "`HighlyAvailable` NAT gateway is not supported for localZones",
            "use `Single`: the Local Zones' private subnets route through it, as eksctl lays them out",
        );
    }
    if cfg.kubernetes_network_config.as_ref().and_then(|k| k.ip_family.as_deref()) == Some("IPv6") {
        v.err_hint(
            "localZones",
            "localZones are not supported with IPv6",
            "remove `localZones`, or use `ipFamily: IPv4`",
        );
    }
    let laid_out = vpc.and_then(|x| x.local_zone_subnets.as_ref());
    let Some(laid_out) = laid_out else {
        v.err_hint(
            "localZones",
            format!(
                "`vpc.cidr` `{}` cannot hold a public and a private subnet for each zone and Local Zone",
                vpc.and_then(|x| x.cidr.as_deref()).unwrap_or_default()
            ),
            "use at most 8 availability zones and Local Zones in all: eksup, as eksctl, lays out at most 16 subnets",
        );
        return;
    };
    // A new VPC laid out in the file: the Local Zones' blocks must not be the file's subnets'.
    let theirs: Vec<ipnet::Ipv4Net> = vpc
        .and_then(|x| x.subnets.as_ref())
        .into_iter()
        .flat_map(|s| s.public.iter().chain(s.private.iter()).flatten())
        .filter_map(|(_, s)| s.cidr.as_deref()?.parse().ok())
        .collect();
    for (zone, spec) in laid_out.public.iter().chain(laid_out.private.iter()).flatten() {
        let Some(block) = spec.cidr.as_deref().and_then(|c| c.parse::<ipnet::Ipv4Net>().ok()) else {
            continue;
        };
        if let Some(clash) =
            theirs.iter().find(|t| t.contains(&block.network()) || block.contains(&t.network()))
        {
            v.err_hint(
                "localZones",
                format!("the subnet eksup lays out in `{zone}` (`{block}`) overlaps `vpc.subnets` (`{clash}`)"),
                "leave `vpc.subnets` out to let eksup lay out all subnets, or lay them out as eksctl does: public blocks of the zones, then of the Local Zones, then the private ones",
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_local_zone_name;

    #[test]
    fn local_zone_names() {
        assert!(is_local_zone_name("us-west-2", "us-west-2-lax-1a"));
        assert!(!is_local_zone_name("us-west-2", "us-west-2a"));
        assert!(!is_local_zone_name("us-west-2", "us-east-1-bos-1a"));
    }
}
