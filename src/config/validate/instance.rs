//! What a group's launch template sets of its instances beyond the root volume: `volumeName`,
//! `additionalVolumes`, `placement`, and self-managed `cpuCredits` (eksctl's rules, and EC2's for
//! block devices).

use super::V;
use crate::config::types::{ClusterConfig, NodePlacement, VolumeMapping};

const VOLUME_TYPES: &[&str] = &["gp3", "gp2", "io1", "io2", "sc1", "st1", "standard"];

/// A Linux or Windows block device name EC2 takes in a launch template (`/dev/sdf`,
/// `/dev/xvdb`, `/dev/xvdba`).
fn device_name(name: &str) -> bool {
    let Some(rest) = name.strip_prefix("/dev/") else { return false };
    let letters =
        |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.chars().all(|c| c.is_ascii_lowercase());
    rest.strip_prefix("xvd").is_some_and(|s| letters(s, 2))
        || rest.strip_prefix("sd").is_some_and(|s| {
            let (l, d) = s.split_at(s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len()));
            letters(l, 1) && d.chars().all(|c| c.is_ascii_digit())
        })
}

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let self_managed = cfg.node_groups.iter().flatten().enumerate().map(|(i, n)| {
        (
            format!("nodeGroups[{i}]"),
            n.volume_name.as_ref(),
            n.additional_volumes.as_ref(),
            n.placement.as_ref(),
        )
    });
    let managed = cfg.managed_node_groups.iter().flatten().enumerate().map(|(i, n)| {
        (
            format!("managedNodeGroups[{i}]"),
            n.volume_name.as_ref(),
            n.additional_volumes.as_ref(),
            n.placement.as_ref(),
        )
    });
    for (p, root, extra, placement) in self_managed.chain(managed) {
        let mut devices: Vec<&str> = Vec::new();
        if let Some(root) = root {
            check_device(v, &format!("{p}.volumeName"), root);
            devices.push(root);
        }
        for (i, volume) in extra.into_iter().flatten().enumerate() {
            additional_volume(v, &format!("{p}.additionalVolumes[{i}]"), volume, &mut devices);
        }
        if let Some(placement) = placement {
            placement_rules(v, &p, placement);
        }
    }
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        let Some(credits) = &ng.cpu_credits else { continue };
        let p = format!("nodeGroups[{i}].cpuCredits");
        if !["standard", "unlimited"].contains(&credits.to_ascii_lowercase().as_str()) {
            v.one_of(&p, credits, &["standard", "unlimited"]);
        }
        let types: Vec<&String> = ng
            .instance_type
            .iter()
            .chain(ng.instances_distribution.iter().flat_map(|d| d.instance_types.iter().flatten()))
            .filter(|t| t.as_str() != "mixed")
            .collect();
        if !types.is_empty() && !types.iter().any(|t| t.starts_with('t')) {
            v.err_hint(
                &p,
                "is for burstable (T) instance types, and the group has none",
                "use a `t3` or `t4g` instance type, or remove `cpuCredits`",
            );
        }
    }
}

fn check_device(v: &mut V, path: &str, name: &str) {
    if !device_name(name) {
        v.err_hint(
            path,
            format!("`{name}` is not a device name EC2 takes"),
            "write it like `/dev/xvdb` or `/dev/sdf`",
        );
    }
}

fn additional_volume<'a>(v: &mut V, p: &str, volume: &'a VolumeMapping, devices: &mut Vec<&'a str>) {
    match volume.volume_name.as_deref() {
        None | Some("") => {
            v.err_hint(format!("{p}.volumeName"), "must be set", "name its device, e.g. `/dev/xvdb`")
        }
        Some(name) => {
            check_device(v, &format!("{p}.volumeName"), name);
            if devices.contains(&name) {
                v.err(format!("{p}.volumeName"), format!("`{name}` is already another volume's device"));
            }
            devices.push(name);
        }
    }
    match volume.volume_size {
        None => v.err_hint(format!("{p}.volumeSize"), "must be set", "give its size in GiB"),
        Some(n) if !(1..=65536).contains(&n) => {
            v.err(format!("{p}.volumeSize"), format!("`{n}` GiB is not a size EBS makes"));
        }
        Some(_) => {}
    }
    let kind = volume.volume_type.as_deref().unwrap_or("gp3");
    if !VOLUME_TYPES.contains(&kind) {
        v.one_of(&format!("{p}.volumeType"), kind, VOLUME_TYPES);
    }
    if volume.volume_iops.is_some() && !matches!(kind, "io1" | "io2" | "gp3") {
        v.err_hint(
            format!("{p}.volumeIOPS"),
            format!("`{kind}` volumes take no IOPS setting"),
            "use `gp3`, `io1` or `io2`",
        );
    }
    if volume.volume_throughput.is_some() && kind != "gp3" {
        v.err_hint(
            format!("{p}.volumeThroughput"),
            format!("`{kind}` volumes take no throughput setting"),
            "use `gp3`",
        );
    }
    if volume.volume_kms_key_id.is_some() && volume.volume_encrypted != Some(true) {
        v.err_hint(
            format!("{p}.volumeKmsKeyID"),
            "encrypts only an encrypted volume",
            "add `volumeEncrypted: true`",
        );
    }
    if let Some(id) = &volume.snapshot_id
        && !id.starts_with("snap-")
    {
        v.err(format!("{p}.snapshotID"), format!("`{id}` is not a snapshot id (`snap-...`)"));
    }
}

fn placement_rules(v: &mut V, p: &str, placement: &NodePlacement) {
    if placement.group_name.as_deref().is_none_or(str::is_empty) {
        v.err_hint(
            format!("{p}.placement.groupName"),
            "must be set and non-empty",
            "name an existing EC2 placement group",
        );
    }
    if placement.spread_level.is_some() {
        v.err_hint(
            format!("{p}.placement.spreadLevel"),
            "is for placement groups on AWS Outposts, not node groups in a Region",
            "remove it (the placement group's own strategy applies)",
        );
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn device_names() {
        for ok in ["/dev/xvdb", "/dev/xvdba", "/dev/sdf", "/dev/sda1", "/dev/xvda"] {
            assert!(super::device_name(ok), "{ok}");
        }
        for bad in ["xvdb", "/dev/xvd", "/dev/nvme1n1", "/dev/sdF", "/dev/xvdabc", "/dev/sd1"] {
            assert!(!super::device_name(bad), "{bad}");
        }
    }
}
