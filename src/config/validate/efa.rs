//! `efaEnabled` (Elastic Fabric Adapter): eksctl's rule of `validateNodeGroupBase` (one subnet
//! or one zone: EFA traffic stays in one subnet) and a refusal eksctl lacks: beside a managed
//! group's own launch template eksctl ignores `efaEnabled`, eksup says so.

use super::V;
use crate::config::types::ClusterConfig;

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let self_managed = cfg.node_groups.iter().flatten().enumerate().map(|(i, n)| {
        let p = format!("nodeGroups[{i}]");
        (p, n.efa_enabled, n.availability_zones.as_ref(), n.subnets.as_ref(), false)
    });
    let managed = cfg.managed_node_groups.iter().flatten().enumerate().map(|(i, n)| {
        let p = format!("managedNodeGroups[{i}]");
        (p, n.efa_enabled, n.availability_zones.as_ref(), n.subnets.as_ref(), n.launch_template.is_some())
    });
    for (p, efa, zones, subnets, own_template) in self_managed.chain(managed) {
        if efa != Some(true) {
            continue;
        }
        let many = |l: Option<&Vec<String>>| l.is_some_and(|l| l.len() > 1);
        if many(zones) || many(subnets) {
            v.err_hint(
                format!("{p}.efaEnabled"),
                "a node group with EFA must have only one subnet or one availability zone",
                "keep one entry in `availabilityZones` or `subnets` (EFA traffic does not leave its subnet)",
            );
        }
        if own_template {
            v.err_hint(
                format!("{p}.efaEnabled"),
                "cannot be set in a managed node group when a launch template is supplied",
                "put the `efa` network interfaces in your launch template and remove `efaEnabled`, or remove `launchTemplate`",
            );
        }
    }
}
