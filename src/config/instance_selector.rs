//! `instanceSelector`: what a node group's instance types have, instead of their names. EC2
//! names the types (GetInstanceTypesFromInstanceRequirements, asked by the operation that loads
//! the config, [`crate::cloud::instance_types_matching`]); here, the pure parts: the criteria as
//! EC2 takes them, eksctl's memory units, and where the chosen types go (eksctl's
//! `pkg/eks/nodegroup_service.go`: a managed group's `instanceTypes`, a self-managed group's
//! `instancesDistribution.instanceTypes`).

use regex::Regex;

use super::types::{ClusterConfig, InstanceSelector};

/// The most types a selection may give a managed group: EKS takes 0 to 20 `instanceTypes`
/// (CreateNodegroup's reference).
pub const MAX_MANAGED_TYPES: usize = 20;
/// The most a self-managed group's Auto Scaling group takes: 40 instance types (as AWS's CDK
/// reference for `launchTemplateOverrides` says; eksctl's selector limit is the same).
pub const MAX_SELF_MANAGED_TYPES: usize = 40;

/// Which accelerators the types have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accelerators {
    /// Not asked: with or without.
    Any,
    /// `gpus: 0` or `neuron_devices: 0`: none at all.
    Without,
    /// Exactly this many GPUs.
    Gpus(i32),
    /// Exactly this many AWS Neuron devices (Inferentia, Trainium).
    Neuron(i32),
}

/// A selector as EC2's instance requirements, and the name filters applied to what EC2 gives.
#[derive(Debug, Clone)]
pub struct Criteria {
    pub vcpus: Option<i32>,
    pub memory_mib: Option<i32>,
    pub accelerators: Accelerators,
    /// `x86_64` or `arm64`.
    pub architecture: String,
    pub allow: Option<Regex>,
    pub deny: Option<Regex>,
}

/// A selector's problems: the field (under `instanceSelector`), what is wrong, and a hint.
pub type Problem = (&'static str, String, &'static str);

impl Criteria {
    /// The criteria of a selector, or its problems.
    pub fn of(s: &InstanceSelector) -> Result<Self, Vec<Problem>> {
        let mut problems: Vec<Problem> = Vec::new();
        let mut count = |field: &'static str, value: Option<i64>, least: i64| -> Option<i32> {
            let n = value?;
            match i32::try_from(n) {
                Ok(n) if i64::from(n) >= least => Some(n),
                _ => {
                    problems.push((
                        field,
                        format!("`{n}` is not a count of {least} or more"),
                        "give a whole number",
                    ));
                    None
                }
            }
        };
        // eksctl: 0 vCPUs is "not asked".
        let vcpus = count("vCPUs", s.vcpus, 0).filter(|n| *n > 0);
        let gpus = count("gpus", s.gpus, 0);
        let neuron = count("neuron_devices", s.neuron_devices, 0);
        let accelerators = match (gpus, neuron) {
            (None, None) => Accelerators::Any,
            (Some(0), None | Some(0)) | (None, Some(0)) => Accelerators::Without,
            (Some(g), None | Some(0)) => Accelerators::Gpus(g),
            (None | Some(0), Some(n)) => Accelerators::Neuron(n),
            (Some(_), Some(_)) => {
                problems.push((
                    "neuron_devices",
                    "cannot be asked for with `gpus`: EC2 counts a type's accelerators together".into(),
                    "ask for one kind of accelerator",
                ));
                Accelerators::Any
            }
        };
        let memory_mib = match s.memory.as_deref().map(memory_mib) {
            None => None,
            Some(Ok(m)) => Some(m),
            Some(Err(e)) => {
                problems.push(("memory", e, "write it like `4` (GiB), `4GiB` or `512MiB`"));
                None
            }
        };
        let architecture = match s.cpu_architecture.as_deref().unwrap_or("x86_64") {
            "x86_64" | "amd64" => "x86_64".to_string(),
            "arm64" => "arm64".to_string(),
            other => {
                problems.push((
                    "cpuArchitecture",
                    format!("`{other}` is not one of `x86_64`, `amd64`, `arm64`"),
                    "use `x86_64` (the default) or `arm64`",
                ));
                String::new()
            }
        };
        let mut regex = |field: &'static str, text: Option<&str>| {
            let text = text?;
            Regex::new(text)
                .map_err(|e| {
                    let last = e.to_string().lines().last().unwrap_or_default().trim().to_string();
                    let first = last.strip_prefix("error: ").unwrap_or(&last).to_string();
                    problems.push((
                        field,
                        format!("`{text}` is not a regular expression: {first}"),
                        "write it like `^[cm][5-7]\\.`",
                    ));
                })
                .ok()
        };
        let allow = regex("allow", s.allow.as_deref());
        let deny = regex("deny", s.deny.as_deref());
        if problems.is_empty() {
            Ok(Self { vcpus, memory_mib, accelerators, architecture, allow, deny })
        } else {
            Err(problems)
        }
    }

    /// What the selector asks for, for people: `2 vCPUs, 4 GiB, x86_64`.
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(v) = self.vcpus {
            parts.push(format!("{v} vCPUs"));
        }
        if let Some(m) = self.memory_mib {
            parts.push(if m % 1024 == 0 { format!("{} GiB", m / 1024) } else { format!("{m} MiB") });
        }
        match self.accelerators {
            Accelerators::Any => {}
            Accelerators::Without => parts.push("no accelerators".into()),
            Accelerators::Gpus(n) => parts.push(format!("{n} GPUs")),
            Accelerators::Neuron(n) => parts.push(format!("{n} Neuron devices")),
        }
        parts.push(self.architecture.clone());
        parts.join(", ")
    }

    /// EC2's types, through the name filters, sorted.
    pub fn choose(&self, types: Vec<String>) -> Vec<String> {
        let mut chosen: Vec<String> = types
            .into_iter()
            .filter(|t| self.allow.as_ref().is_none_or(|r| r.is_match(t)))
            .filter(|t| self.deny.as_ref().is_none_or(|r| !r.is_match(t)))
            .collect();
        chosen.sort();
        chosen.dedup();
        chosen
    }
}

/// Whether a selector asks for nothing (eksctl's `IsZero`; `vCPUs: 0` is "not asked" there too).
/// eksctl's own dry-run prints `instanceSelector: {}` on every node group: such a selector is no
/// selector.
pub fn is_zero(s: &InstanceSelector) -> bool {
    let asked = InstanceSelector { vcpus: s.vcpus.filter(|v| *v != 0), resolved: false, ..s.clone() };
    asked == InstanceSelector::default()
}

/// Whether a node group has a selector that asks for something.
pub fn active(s: Option<&InstanceSelector>) -> bool {
    s.is_some_and(|s| !is_zero(s))
}

/// eksctl's memory (`bytequantity`): a number of up to three decimals, GiB unless a unit follows
/// (`m`, `mb`, `mib`; `g`, `gb`, `gib`; `t`, `tb`, `tib`, any case, binary all), in MiB.
pub fn memory_mib(text: &str) -> Result<i32, String> {
    let t = text.trim().to_ascii_lowercase();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let factor: f64 = match unit.trim_start() {
        "" | "g" | "gb" | "gib" => 1024.0,
        "m" | "mb" | "mib" => 1.0,
        "t" | "tb" | "tib" => 1024.0 * 1024.0,
        _ => return Err(format!("`{text}` is not an amount of memory")),
    };
    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
    let value: f64 = match number.parse() {
        Ok(v) if decimals <= 3 && !number.ends_with('.') => v,
        _ => return Err(format!("`{text}` is not an amount of memory")),
    };
    let mib = (value * factor).round();
    if mib < 1.0 || mib > f64::from(i32::MAX) {
        return Err(format!("`{text}` is not an amount of memory EC2 has"));
    }
    Ok(mib as i32)
}

/// A node group whose types EC2 is to choose: where it is, its zones, its criteria.
#[derive(Debug, Clone)]
pub struct Selection {
    /// `managedNodeGroups[1]` or `nodeGroups[0]`.
    pub path: String,
    pub name: String,
    pub managed: bool,
    pub index: usize,
    /// The group's zones, else the cluster's (empty: not known, no zone filter).
    pub zones: Vec<String>,
    pub criteria: Criteria,
    /// Types the file names beside the selector (eksup's or eksctl's `-o yaml` prints both):
    /// they must be the ones EC2 chooses.
    pub given: Option<Vec<String>>,
}

/// The groups with a valid selector and no `instanceType` of their own (validation reports
/// those), with `cluster_zones` for those that name no zones of their own.
pub fn selections(config: &ClusterConfig, cluster_zones: &[String]) -> Vec<Selection> {
    let mut out = Vec::new();
    let mut add = |path: String,
                   name: Option<&String>,
                   managed,
                   index,
                   s: Option<&InstanceSelector>,
                   zones: Option<&Vec<String>>,
                   named: bool,
                   given: Option<&Vec<String>>| {
        let Some(s) = s.filter(|s| !is_zero(s)) else { return };
        let Ok(criteria) = Criteria::of(s) else { return };
        if named {
            return;
        }
        let given = given.filter(|t| !t.is_empty()).cloned();
        let zones = zones.filter(|z| !z.is_empty()).cloned().unwrap_or_else(|| cluster_zones.to_vec());
        out.push(Selection {
            path,
            name: name.cloned().unwrap_or_default(),
            managed,
            index,
            zones,
            criteria,
            given,
        });
    };
    for (i, ng) in config.managed_node_groups.iter().flatten().enumerate() {
        let path = format!("managedNodeGroups[{i}]");
        add(
            path,
            ng.name.as_ref(),
            true,
            i,
            ng.instance_selector.as_ref(),
            ng.availability_zones.as_ref(),
            ng.instance_type.is_some(),
            ng.instance_types.as_ref(),
        );
    }
    for (i, ng) in config.node_groups.iter().flatten().enumerate() {
        let path = format!("nodeGroups[{i}]");
        add(
            path,
            ng.name.as_ref(),
            false,
            i,
            ng.instance_selector.as_ref(),
            ng.local_zones.as_ref().filter(|l| !l.is_empty()).or(ng.availability_zones.as_ref()),
            ng.instance_type.as_deref().is_some_and(|t| t != "mixed"),
            ng.instances_distribution.as_ref().and_then(|d| d.instance_types.as_ref()),
        );
    }
    out
}

/// Put the chosen types where eksctl puts them, or say why they cannot be used.
pub fn apply(
    config: &mut ClusterConfig,
    sel: &Selection,
    types: Vec<String>,
) -> Result<(), (String, String)> {
    let what = sel.criteria.summary();
    if types.is_empty() {
        return Err((
            format!("no instance type offered in `{}` has {what}", sel.zones.join("`, `")),
            "ask for less (another memory size, `allow`, no `deny`), or name the types".into(),
        ));
    }
    let (most, kind) = if sel.managed {
        (MAX_MANAGED_TYPES, "a managed node group")
    } else {
        (MAX_SELF_MANAGED_TYPES, "an Auto Scaling group")
    };
    if types.len() > most {
        return Err((
            format!("`{}` instance types have {what}, more than the `{most}` {kind} takes", types.len()),
            "narrow it with `allow` or `deny` (regular expressions of type names), or name the types".into(),
        ));
    }
    let types = match &sel.given {
        None => Some(types),
        Some(given) => {
            let mut named = given.clone();
            named.sort();
            named.dedup();
            if named != types {
                let field = if sel.managed { "instanceTypes" } else { "instancesDistribution.instanceTypes" };
                return Err((
                    format!(
                        "EC2 chooses `{}` for {what}, which is not `{field}` (`{}`)",
                        types.join("`, `"),
                        given.join("`, `")
                    ),
                    format!("keep `instanceSelector` or `{field}`, not both"),
                ));
            }
            None
        }
    };
    if sel.managed {
        if let Some(ng) = config.managed_node_groups.as_mut().and_then(|g| g.get_mut(sel.index)) {
            if types.is_some() {
                ng.instance_types = types;
            }
            if let Some(s) = ng.instance_selector.as_mut() {
                s.resolved = true;
            }
        }
    } else if let Some(ng) = config.node_groups.as_mut().and_then(|g| g.get_mut(sel.index)) {
        if types.is_some() {
            ng.instances_distribution.get_or_insert_with(Default::default).instance_types = types;
        }
        if let Some(s) = ng.instance_selector.as_mut() {
            s.resolved = true;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_is_gib_unless_a_unit_says_otherwise() {
        assert_eq!(memory_mib("4"), Ok(4096));
        assert_eq!(memory_mib("2GiB"), Ok(2048));
        assert_eq!(memory_mib("0.5"), Ok(512));
        assert_eq!(memory_mib("512 MiB"), Ok(512));
        assert_eq!(memory_mib("512mb"), Ok(512));
        assert_eq!(memory_mib("1Tb"), Ok(1024 * 1024));
        for bad in ["", "GiB", "4 GB RAM", "1.2345", "-1", "4.", "0"] {
            assert!(memory_mib(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn criteria_as_ec2_takes_them() {
        let s = InstanceSelector {
            vcpus: Some(2),
            memory: Some("4".into()),
            gpus: Some(0),
            cpu_architecture: Some("amd64".into()),
            allow: Some("^c".into()),
            deny: Some("^c5a".into()),
            ..Default::default()
        };
        let c = Criteria::of(&s).unwrap();
        assert_eq!((c.vcpus, c.memory_mib, c.accelerators), (Some(2), Some(4096), Accelerators::Without));
        assert_eq!(c.architecture, "x86_64");
        assert_eq!(c.summary(), "2 vCPUs, 4 GiB, no accelerators, x86_64");
        let chosen =
            c.choose(vec!["m5.large".into(), "c5a.large".into(), "c6i.large".into(), "c5.large".into()]);
        assert_eq!(chosen, ["c5.large", "c6i.large"]);
        let bad = InstanceSelector {
            gpus: Some(1),
            neuron_devices: Some(1),
            cpu_architecture: Some("i386".into()),
            allow: Some("([".into()),
            vcpus: Some(-1),
            ..Default::default()
        };
        let fields: Vec<&str> = Criteria::of(&bad).unwrap_err().iter().map(|p| p.0).collect();
        assert_eq!(fields, ["vCPUs", "neuron_devices", "cpuArchitecture", "allow"]);
    }
}
