//! The AWS regions eksup knows: a region outside them is a typo or a region newer than this
//! eksup, and both are better refused before a plan than after a timeout.

/// Every region of every partition with an EKS endpoint, from botocore's `endpoints.json`
/// (botocore 1.44, November 2026).
pub const KNOWN: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "cn-north-1",
    "cn-northwest-1",
    "eu-central-1",
    "eu-central-2",
    "eu-isoe-west-1",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eusc-de-east-1",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-gov-east-1",
    "us-gov-west-1",
    "us-iso-east-1",
    "us-iso-west-1",
    "us-isob-east-1",
    "us-isob-west-1",
    "us-isof-east-1",
    "us-isof-south-1",
    "us-west-1",
    "us-west-2",
];

/// Why `region` is not one to use, and what to do: `None` when it is known.
pub fn problem(region: &str) -> Option<(String, String)> {
    if KNOWN.contains(&region) {
        return None;
    }
    let message = if region.is_empty() {
        "the region is empty".to_string()
    } else {
        format!("`{region}` is not an AWS region")
    };
    let closest = KNOWN
        .iter()
        .map(|k| (strsim::levenshtein(k, region), *k))
        .min()
        .filter(|(d, _)| *d <= 3)
        .map(|(_, k)| k);
    let hint = match closest {
        Some(k) => format!("did you mean `{k}`?"),
        None => "use a region code such as `us-west-2` (`aws ec2 describe-regions` lists them); a region AWS opened after this eksup was released needs a newer eksup".to_string(),
    };
    Some((message, hint))
}

/// Whether `zone` is a zone of `region`: zones are named after their region (`us-west-2a`, local
/// zones `us-west-2-lax-1a`).
/// A Local Zone's name: its region, then a dash and the zone's city code (`us-west-2-lax-1a`),
/// where an availability zone has only a letter (`us-west-2a`). (Wavelength Zones are named
/// alike: EC2 tells them apart by their type.)
pub fn is_local_zone(region: &str, zone: &str) -> bool {
    zone.strip_prefix(region).is_some_and(|rest| rest.starts_with('-') && rest.len() > 2)
}

pub fn zone_in_region(region: &str, zone: &str) -> Result<(), String> {
    let ok = zone.strip_prefix(region).is_some_and(|s| {
        (s.len() == 1 && s.chars().all(|c| c.is_ascii_lowercase())) || (s.starts_with('-') && s.len() > 2)
    });
    if ok { Ok(()) } else { Err(format!("`{zone}` is not a zone of `{region}`")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_regions_pass_and_others_say_what_to_use() {
        assert_eq!(problem("us-west-2"), None);
        assert_eq!(problem("cn-north-1"), None);
        let (m, h) = problem("us-west-99").unwrap();
        assert_eq!(m, "`us-west-99` is not an AWS region");
        assert!(h.contains("did you mean `us-west-"), "{h}");
        let (_, h) = problem("not-a-region").unwrap();
        assert!(h.contains("us-west-2"), "{h}");
        assert_eq!(problem("").unwrap().0, "the region is empty");
    }

    #[test]
    fn zones_belong_to_their_region() {
        assert_eq!(zone_in_region("us-west-2", "us-west-2a"), Ok(()));
        assert_eq!(zone_in_region("us-west-2", "us-west-2-lax-1a"), Ok(()));
        assert!(zone_in_region("us-west-2", "us-east-1a").is_err());
        assert!(zone_in_region("us-west-2", "us-west-2").is_err());
        assert!(zone_in_region("us-west-2", "us-west-21a").is_err());
    }
}
