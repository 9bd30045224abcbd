//! Rules that more than one input obeys (the config file, `init`'s answers, command-line flags),
//! written once.

/// What a cluster name must look like (as eksctl: a letter, then letters, digits and `-`; at most
/// 100 characters, EKS's limit).
pub const CLUSTER_NAME_HINT: &str = "names start with a letter and hold only letters, digits and `-`";

/// Whether `name` is a valid cluster name.
pub fn cluster_name(name: &str) -> bool {
    let mut chars = name.chars();
    name.len() <= 100
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// What is wrong with a node group's sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sizes {
    MinOverMax { min: i64, max: i64 },
    DesiredUnderMin { desired: i64, min: i64 },
    DesiredOverMax { desired: i64, max: i64 },
}

/// The hint for every [`Sizes`] problem.
pub const SIZES_HINT: &str = "make minSize <= desiredCapacity <= maxSize";

/// `min <= desired <= max`, judged on the sizes that are set; desired is judged only once min and
/// max agree.
pub fn sizes(min: Option<i64>, desired: Option<i64>, max: Option<i64>) -> Option<Sizes> {
    match (min, desired, max) {
        (Some(min), _, Some(max)) if min > max => Some(Sizes::MinOverMax { min, max }),
        (Some(min), Some(desired), _) if desired < min => Some(Sizes::DesiredUnderMin { desired, min }),
        (_, Some(desired), Some(max)) if desired > max => Some(Sizes::DesiredOverMax { desired, max }),
        _ => None,
    }
}

impl Sizes {
    /// The field the problem is reported at.
    pub fn field(self) -> &'static str {
        match self {
            Self::MinOverMax { .. } => "minSize",
            Self::DesiredUnderMin { .. } | Self::DesiredOverMax { .. } => "desiredCapacity",
        }
    }
}

impl std::fmt::Display for Sizes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MinOverMax { min, max } => write!(f, "minSize `{min}` is greater than maxSize `{max}`"),
            Self::DesiredUnderMin { desired, min } => {
                write!(f, "desiredCapacity `{desired}` is less than minSize `{min}`")
            }
            Self::DesiredOverMax { desired, max } => {
                write!(f, "desiredCapacity `{desired}` is greater than maxSize `{max}`")
            }
        }
    }
}

/// Instance families with ARM (Graviton) processors (eksctl's generated instance table,
/// `pkg/utils/instance/instance_types.go`).
pub const ARM_FAMILIES: &[&str] = &[
    "a1", "c6g", "c6gd", "c6gn", "c7g", "c7gd", "c7gn", "c8g", "c8gb", "c8gd", "c8gn", "c9g", "c9gd", "g5g",
    "hpc7g", "i4g", "i8g", "i8ge", "im4gn", "is4gen", "m6g", "m6gd", "m7g", "m7gd", "m8g", "m8gb", "m8gd",
    "m8gn", "m9g", "m9gd", "r6g", "r6gd", "r7g", "r7gd", "r8g", "r8gb", "r8gd", "r8gn", "t4g", "x2gd", "x8g",
];

/// Whether `instance_type` runs ARM (Graviton) processors.
pub fn is_arm(instance_type: &str) -> bool {
    ARM_FAMILIES.contains(&instance_type.split('.').next().unwrap_or_default())
}

/// A Bottlerocket family: `Some(fips)` for `Bottlerocket` (`false`) and `BottlerocketFips`
/// (`true`, FIPS 140-3 validated images); `None` for the others.
pub fn bottlerocket(family: &str) -> Option<bool> {
    match family {
        "Bottlerocket" => Some(false),
        "BottlerocketFips" => Some(true),
        _ => None,
    }
}

/// A Windows family's server year and edition (`WindowsServer2022CoreContainer`: `("2022",
/// "Core")`); `None` for the Linux families.
pub fn windows(family: &str) -> Option<(&str, &str)> {
    let rest = family.strip_prefix("WindowsServer")?.strip_suffix("Container")?;
    let (year, edition) = rest.split_at_checked(4)?;
    matches!(edition, "Core" | "Full").then_some((year, edition))
}

/// A single-unit duration as EKS takes the control plane's (`30m`, `1h`, `15s`): its seconds.
pub fn single_unit_duration(s: &str) -> Option<u64> {
    let unit = s.chars().last()?;
    let digits = &s[..s.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    n.checked_mul(match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        _ => return None,
    })
}

/// A duration as Go writes it (`1h0m0s`, `90s`, `1h30m`), or a single-unit one: its seconds, to
/// compare what EKS returns with what a file asks.
pub fn duration_seconds(s: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut digits = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let scale = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return None,
        };
        let n: u64 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(scale)?)?;
        digits.clear();
    }
    (digits.is_empty() && !s.is_empty()).then_some(total)
}

/// An Ubuntu family's release and whether it is Ubuntu Pro (`UbuntuPro2204`: `("22.04", true)`);
/// `None` for the other families.
pub fn ubuntu(family: &str) -> Option<(&'static str, bool)> {
    let (rest, pro) = match family.strip_prefix("UbuntuPro") {
        Some(rest) => (rest, true),
        None => (family.strip_prefix("Ubuntu")?, false),
    };
    let release = match rest {
        "2004" => "20.04",
        "2204" => "22.04",
        "2404" => "24.04",
        "2604" => "26.04",
        _ => return None,
    };
    Some((release, pro))
}

/// The Kubernetes minors (`1.<min>` to `1.<max>`, `None`: no end) Canonical publishes EKS images
/// of an Ubuntu family for, as eksctl's `validateVersionForUbuntu` (`pkg/ami/ssm_resolver.go`)
/// allows them.
pub fn ubuntu_minors(family: &str) -> Option<(u32, Option<u32>)> {
    let (release, pro) = ubuntu(family)?;
    Some(match (release, pro) {
        ("20.04", false) => (21, Some(29)),
        ("20.04", true) => (27, Some(29)),
        ("22.04", _) => (29, None),
        ("24.04", _) => (31, None),
        _ => (35, None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(cluster_name("demo-1"));
        assert!(!cluster_name("1demo") && !cluster_name("de_mo") && !cluster_name(""));
        assert!(cluster_name(&"a".repeat(100)) && !cluster_name(&"a".repeat(101)));
    }

    #[test]
    fn ubuntu_families() {
        assert_eq!(ubuntu("Ubuntu2204"), Some(("22.04", false)));
        assert_eq!(ubuntu("UbuntuPro2604"), Some(("26.04", true)));
        assert_eq!(ubuntu("Ubuntu1804"), None);
        assert_eq!(ubuntu("AmazonLinux2023"), None);
        assert_eq!(ubuntu_minors("UbuntuPro2004"), Some((27, Some(29))));
        assert_eq!(ubuntu_minors("Ubuntu2404"), Some((31, None)));
    }

    #[test]
    fn sizes_are_judged_in_order() {
        assert_eq!(sizes(Some(3), Some(1), Some(2)), Some(Sizes::MinOverMax { min: 3, max: 2 }));
        assert_eq!(sizes(Some(2), Some(1), Some(3)), Some(Sizes::DesiredUnderMin { desired: 1, min: 2 }));
        assert_eq!(sizes(None, Some(4), Some(3)), Some(Sizes::DesiredOverMax { desired: 4, max: 3 }));
        assert_eq!(sizes(Some(1), Some(2), Some(3)), None);
        assert_eq!(sizes(None, None, None), None);
        assert_eq!(
            Sizes::MinOverMax { min: 3, max: 2 }.to_string(),
            "minSize `3` is greater than maxSize `2`"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(single_unit_duration("30m"), Some(1800));
        assert_eq!(single_unit_duration("15s"), Some(15));
        assert_eq!(single_unit_duration("1h"), Some(3600));
        for bad in ["", "m", "1h30m", "1.5h", "-1m", "10d", "10"] {
            assert_eq!(single_unit_duration(bad), None, "{bad}");
        }
        assert_eq!(duration_seconds("1h0m0s"), Some(3600));
        assert_eq!(duration_seconds("60m"), Some(3600));
        assert_eq!(duration_seconds("1h30m"), Some(5400));
        assert_eq!(duration_seconds("10"), None);
        assert_eq!(duration_seconds(""), None);
    }
}
