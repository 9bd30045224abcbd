//! `localZones` and `nodeGroups[].localZones`: eksctl's rules (its `validation.go`), and what
//! AWS allows in a Local Zone (no control plane, no NAT gateway of eksup's, no managed nodes).

use std::collections::BTreeSet;

use super::V;
use crate::config::types::ClusterConfig;

/// A Local Zone's name: its region, then a dash and the zone's city code (`us-west-2-lax-1a`),
/// where an availability zone has only a letter (`us-west-2a`).
fn is_local_zone_name(region: &str, zone: &str) -> bool {
    zone.strip_prefix(region).is_some_and(|rest| rest.starts_with('-') && rest.len() > 2)
}

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let lzs: Vec<String> = cfg.local_zones.clone().unwrap_or_default();
    let region = cfg.metadata.region.as_deref().unwrap_or_default();
    cluster_rules(v, cfg, &lzs, region);
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        let Some(mine) = ng.local_zones.as_ref() else { continue };
        let p = format!("nodeGroups[{i}].localZones");
        if mine.is_empty() {
            v.err_hint(&p, "is empty", "name Local Zones of the cluster's `localZones`, or remove the field");
        }
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
    if lzs.is_empty() {
        if cfg.local_zones.is_some() {
            v.err_hint(
                "localZones",
                "is empty",
                "name the Local Zones to lay out subnets in, or remove the field",
            );
        }
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
            "make subnets in the Local Zones yourself, list them in `vpc.subnets` and name them in the node group's `subnets`",
        );
        return;
    }
    if vpc.and_then(|x| x.nat.as_ref()).and_then(|n| n.gateway.as_deref()) == Some("HighlyAvailable") {
        v.err_hint(
            "vpc.nat.gateway",
            "HighlyAvailable NAT gateway is not supported for localZones",
            "use `Single`: the Local Zones' private subnets route through it, as eksctl lays them out",
        );
    }
    if cfg.kubernetes_network_config.as_ref().and_then(|k| k.ip_family.as_deref()) == Some("IPv6") {
        v.err("localZones", "localZones are not supported with IPv6");
    }
    let laid_out = vpc.and_then(|x| x.local_zone_subnets.as_ref());
    let Some(laid_out) = laid_out else {
        v.err_hint(
            "localZones",
            format!(
                "`vpc.cidr` `{}` cannot hold a public and a private subnet for each zone and Local Zone",
                vpc.and_then(|x| x.cidr.as_deref()).unwrap_or_default()
            ),
            "use a larger `vpc.cidr` (a /16 holds 8 zones), or fewer zones",
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
