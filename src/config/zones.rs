//! Choosing availability zones when the config names none: deterministic, never random, so the
//! same config gives the same plan.

/// Zone ids known to lack EKS capacity (eksctl skips them too).
pub const ZONE_IDS_WITHOUT_EKS_CAPACITY: &[&str] = &["use1-az3", "usw1-az2", "cac1-az3"];

/// How many zones eksup uses in `region`: 2 in us-east-1 (capacity), 3 elsewhere.
pub fn zone_count(region: &str) -> usize {
    if region == "us-east-1" { 2 } else { 3 }
}

/// Pick from the region's available zones `(name, zone id)`: skip ids without EKS capacity, take
/// the first ones by name. Fewer than 2 usable zones is an error.
pub fn pick(region: &str, available: &[(String, String)]) -> Result<Vec<String>, String> {
    let mut usable: Vec<&String> = available
        .iter()
        .filter(|(_, id)| !ZONE_IDS_WITHOUT_EKS_CAPACITY.contains(&id.as_str()))
        .map(|(name, _)| name)
        .collect();
    usable.sort();
    usable.dedup();
    if usable.len() < 2 {
        return Err(format!(
            "region `{region}` has only {} usable availability zone(s), 2 are required",
            usable.len()
        ));
    }
    Ok(usable.into_iter().take(zone_count(region)).cloned().collect())
}

/// The zones assumed when AWS cannot be asked (dry-run without credentials): `<region>a`, `b`, `c`.
pub fn assumed(region: &str) -> Vec<String> {
    ["a", "b", "c"].iter().take(zone_count(region)).map(|s| format!("{region}{s}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn z(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(a, b)| ((*a).to_string(), (*b).to_string())).collect()
    }

    #[test]
    fn skips_zones_without_capacity_and_is_deterministic() {
        let avail = z(&[
            ("us-east-1c", "use1-az3"),
            ("us-east-1b", "use1-az2"),
            ("us-east-1a", "use1-az1"),
            ("us-east-1d", "use1-az4"),
        ]);
        assert_eq!(pick("us-east-1", &avail).unwrap(), ["us-east-1a", "us-east-1b"]);
        let avail = z(&[
            ("us-west-2d", "usw2-az4"),
            ("us-west-2a", "usw2-az2"),
            ("us-west-2c", "usw2-az3"),
            ("us-west-2b", "usw2-az1"),
        ]);
        assert_eq!(pick("us-west-2", &avail).unwrap(), ["us-west-2a", "us-west-2b", "us-west-2c"]);
        assert!(pick("x", &z(&[("xa", "x1")])).is_err());
    }

    #[test]
    fn assumed_zones() {
        assert_eq!(assumed("eu-west-1"), ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        assert_eq!(assumed("us-east-1"), ["us-east-1a", "us-east-1b"]);
    }
}
