//! Where a group's instances take their capacity: `capacityReservation` and
//! `instanceMarketOptions` (eksctl's `validateNodeGroupBase` rules, and EC2's and EKS's for
//! Capacity Blocks for ML: targeted by id, one instance type, neither spot nor a mix).

use super::V;
use crate::config::types::{CapacityReservation, ClusterConfig, InstanceMarketOptions};

const CAPACITY_BLOCK: &str = "capacity-block";

/// What the rules need of a group of either kind.
struct Group<'a> {
    path: String,
    reservation: Option<&'a CapacityReservation>,
    market: Option<&'a InstanceMarketOptions>,
    /// The instance types the group names (`mixed` and selectors aside).
    types: Vec<&'a String>,
    /// What makes it more than one type bought on demand: `spot`, `instancesDistribution`,
    /// `instanceSelector`.
    mix: Option<&'static str>,
    /// A managed group's own launch template (which sets all of this itself).
    own_template: bool,
}

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let self_managed = cfg.node_groups.iter().flatten().enumerate().map(|(i, n)| Group {
        path: format!("nodeGroups[{i}]"),
        reservation: n.capacity_reservation.as_ref(),
        market: n.instance_market_options.as_ref(),
        types: n.instance_type.iter().filter(|t| t.as_str() != "mixed").collect(),
        mix: if n.instances_distribution.is_some() {
            Some("instancesDistribution")
        } else if n.instance_selector.is_some() {
            Some("instanceSelector")
        } else {
            None
        },
        own_template: false,
    });
    let managed = cfg.managed_node_groups.iter().flatten().enumerate().map(|(i, n)| Group {
        path: format!("managedNodeGroups[{i}]"),
        reservation: n.capacity_reservation.as_ref(),
        market: n.instance_market_options.as_ref(),
        types: n.instance_type.iter().chain(n.instance_types.iter().flatten()).collect(),
        mix: if n.spot == Some(true) {
            Some("spot")
        } else if n.instance_selector.is_some() {
            Some("instanceSelector")
        } else {
            None
        },
        own_template: n.launch_template.is_some(),
    });
    for g in self_managed.chain(managed) {
        group_rules(v, &g);
    }
}

fn group_rules(v: &mut V, g: &Group<'_>) {
    let p = &g.path;
    if g.own_template {
        return; // refused beside the user's launch template (`launch_template_rules`)
    }
    if let Some(r) = g.reservation {
        reservation_rules(v, &format!("{p}.capacityReservation"), r);
    }
    let Some(market) = g.market else { return };
    let mp = format!("{p}.instanceMarketOptions.marketType");
    match market.market_type.as_deref() {
        None => v.err_hint(&mp, "must be set", "write `marketType: capacity-block`"),
        Some(CAPACITY_BLOCK) => {}
        Some(other) => {
            v.err_hint(
                &mp,
                format!("only `capacity-block` is accepted; got `{other}`"),
                "for spot instances use `spot: true` (managed) or `instancesDistribution` (self-managed)",
            );
            return;
        }
    }
    let targeted = g.reservation.and_then(|r| r.capacity_reservation_target.as_ref()).is_some_and(|t| {
        t.capacity_reservation_id.is_some() || t.capacity_reservation_resource_group_arn.is_some()
    });
    if g.reservation.is_none() {
        v.err_hint(
            format!("{p}.instanceMarketOptions"),
            "cannot be set without `capacityReservation`",
            "name the Capacity Block in `capacityReservation.capacityReservationTarget.capacityReservationID`",
        );
    } else if !targeted {
        v.err_hint(
            format!("{p}.capacityReservation"),
            "a Capacity Block is used only when targeted: `capacityReservationTarget` must name it",
            "set `capacityReservationTarget.capacityReservationID` to the block's `cr-...` id",
        );
    }
    if let Some(mix) = g.mix {
        v.err_hint(
            format!("{p}.{mix}"),
            "cannot be used with a Capacity Block: its instances are one type, bought with the block",
            "remove it and name the block's instance type in `instanceType`",
        );
    }
    if g.types.len() > 1 {
        v.err_hint(
            format!("{p}.instanceTypes"),
            "a Capacity Block's group takes one instance type",
            "keep only the block's instance type",
        );
    } else if g.types.is_empty() && g.mix.is_none() {
        v.err_hint(
            format!("{p}.instanceType"),
            "must be the Capacity Block's instance type",
            "set `instanceType`, e.g. `p5.48xlarge`",
        );
    }
}

fn reservation_rules(v: &mut V, p: &str, r: &CapacityReservation) {
    match (&r.capacity_reservation_preference, &r.capacity_reservation_target) {
        (Some(_), Some(_)) => v.err_hint(
            p,
            "takes `capacityReservationPreference` or `capacityReservationTarget`, not both",
            "keep the target to launch into that reservation, or the preference alone",
        ),
        (None, None) => v.err_hint(
            p,
            "sets nothing",
            "add `capacityReservationPreference: open` (or `none`), or a `capacityReservationTarget`",
        ),
        (Some(pref), None) => {
            v.one_of(&format!("{p}.capacityReservationPreference"), pref, &["open", "none"]);
        }
        (None, Some(t)) => {
            let tp = format!("{p}.capacityReservationTarget");
            match (&t.capacity_reservation_id, &t.capacity_reservation_resource_group_arn) {
                (Some(_), Some(_)) => v.err_hint(
                    &tp,
                    "takes `capacityReservationID` or `capacityReservationResourceGroupARN`, not both",
                    "keep one",
                ),
                (None, None) => v.err_hint(
                    &tp,
                    "names no reservation",
                    "set `capacityReservationID` (`cr-...`) or `capacityReservationResourceGroupARN`",
                ),
                (Some(id), None) => {
                    if !reservation_id(id) {
                        v.err_hint(
                            format!("{tp}.capacityReservationID"),
                            format!("`{id}` is not a Capacity Reservation id"),
                            "copy it from `aws ec2 describe-capacity-reservations`: `cr-` and 17 hex digits",
                        );
                    }
                }
                (None, Some(arn)) => {
                    if !group_arn(arn) {
                        v.err_hint(
                            format!("{tp}.capacityReservationResourceGroupARN"),
                            format!("`{arn}` is not a resource group ARN"),
                            "write it as `arn:aws:resource-groups:<region>:<account>:group/<name>`",
                        );
                    }
                }
            }
        }
    }
}

/// `cr-` and 17 hex digits (EC2's ids of Capacity Reservations and Capacity Blocks).
fn reservation_id(id: &str) -> bool {
    id.strip_prefix("cr-").is_some_and(|h| h.len() == 17 && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `arn:<partition>:resource-groups:<region>:<account>:group/<name>`.
fn group_arn(arn: &str) -> bool {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    matches!(parts.as_slice(), ["arn", partition, "resource-groups", region, account, resource]
        if partition.starts_with("aws") && !region.is_empty()
            && account.len() == 12 && account.chars().all(|c| c.is_ascii_digit())
            && resource.strip_prefix("group/").is_some_and(|n| !n.is_empty()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_and_arns() {
        assert!(super::reservation_id("cr-0123456789abcdef0"));
        assert!(!super::reservation_id("cr-123"));
        assert!(!super::reservation_id("lt-0123456789abcdef0"));
        assert!(super::group_arn("arn:aws:resource-groups:us-west-2:123456789012:group/gpus"));
        assert!(!super::group_arn("arn:aws:ec2:us-west-2:123456789012:group/gpus"));
        assert!(!super::group_arn("arn:aws:resource-groups:us-west-2:1234:group/gpus"));
    }
}
