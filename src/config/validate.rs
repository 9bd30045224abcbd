//! eksctl's validation rules, plus eksup's own. Every problem is collected; nothing stops early.

use std::collections::{BTreeMap, HashMap, HashSet};

use ipnet::Ipv4Net;

use super::defaults::ALL_LOG_TYPES;
use super::diag::{Diagnostic, did_you_mean};
use super::rules;
use super::types::*;

mod capability;
mod capacity;
pub(crate) mod component_config;
mod efa;
mod instance;
mod ipv6;
mod kubelet;
mod local_zones;
mod private_cluster;
mod windows;

/// The Kubernetes versions EKS offers for new clusters (standard and extended support) that eksup
/// knows: AMIs, add-on versions and user data for each.
const OLDEST_MINOR: u32 = 28;
const NEWEST_MINOR: u32 = 35;
/// The versions eksup accepts, as a JSON Schema pattern: `^1\.(28|29|...|35)$`.
pub(crate) fn version_pattern() -> String {
    let minors: Vec<String> = (OLDEST_MINOR..=NEWEST_MINOR).map(|m| m.to_string()).collect();
    format!("^1\\.({})$", minors.join("|"))
}

/// CloudWatch Logs' retention periods (PutRetentionPolicy); eksctl lists all but 1096, 2192,
/// 2557, 2922 and 3288.
pub(super) const RETENTION_DAYS: &[i64] = &[
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
pub(super) const AMI_FAMILIES: &[&str] = &[
    "AmazonLinux2023",
    "AmazonLinux2",
    "Bottlerocket",
    "BottlerocketFips",
    "WindowsServer2019CoreContainer",
    "WindowsServer2019FullContainer",
    "WindowsServer2022CoreContainer",
    "WindowsServer2022FullContainer",
    "WindowsServer2025CoreContainer",
    "WindowsServer2025FullContainer",
    "Ubuntu2004",
    "Ubuntu2204",
    "Ubuntu2404",
    "Ubuntu2604",
    "UbuntuPro2004",
    "UbuntuPro2204",
    "UbuntuPro2404",
    "UbuntuPro2604",
];
/// The Auto Scaling group metrics EnableMetricsCollection takes.
pub const ASG_METRICS: &[&str] = &[
    "GroupMinSize",
    "GroupMaxSize",
    "GroupDesiredCapacity",
    "GroupInServiceInstances",
    "GroupPendingInstances",
    "GroupStandbyInstances",
    "GroupTerminatingInstances",
    "GroupTotalInstances",
    "GroupInServiceCapacity",
    "GroupPendingCapacity",
    "GroupStandbyCapacity",
    "GroupTerminatingCapacity",
    "GroupTotalCapacity",
    "WarmPoolDesiredCapacity",
    "WarmPoolWarmedCapacity",
    "WarmPoolPendingCapacity",
    "WarmPoolTerminatingCapacity",
    "WarmPoolTotalCapacity",
    "GroupAndWarmPoolDesiredCapacity",
    "GroupAndWarmPoolTotalCapacity",
];
/// The Auto Scaling processes SuspendProcesses takes (eksctl's `validateASGSuspendProcesses`).
pub const ASG_PROCESSES: &[&str] = &[
    "Launch",
    "Terminate",
    "AddToLoadBalancer",
    "AlarmNotification",
    "AZRebalance",
    "HealthCheck",
    "InstanceRefresh",
    "ReplaceUnhealthy",
    "ScheduledActions",
];
/// The longest tag value EC2 and Auto Scaling take (the instances' `Name`).
const MAX_TAG_VALUE: usize = 256;
/// The tags EKS puts on a managed group's Auto Scaling group: `eks:cluster-name`,
/// `eks:nodegroup-name`, `kubernetes.io/cluster/<name>` and Cluster Autoscaler's two.
const EKS_ASG_TAGS: usize = 5;
pub(super) const VOLUME_TYPES: &[&str] = &["gp2", "gp3", "io1", "io2", "sc1", "st1"];
/// An EC2 instance type: a family and a size, like `m5.large` or `u-6tb1.metal`
/// ([`valid_instance_type`] is the same rule).
pub(super) const INSTANCE_TYPE_PATTERN: &str = "^[a-z][a-z0-9-]*\\.[a-z0-9]+$";
pub(super) const TAINT_EFFECTS: &[&str] = &["NoSchedule", "PreferNoSchedule", "NoExecute"];
/// The most tags AWS allows on one resource (EC2, EKS, IAM, Auto Scaling, ELB alike).
pub(super) const AWS_MAX_TAGS: usize = 50;
/// The most tags eksup puts on one resource of its own: `eksup.io/cluster`, `eksup.io/resource`,
/// `Name`, `app.kubernetes.io/managed-by`, `kubernetes.io/cluster/<name>` and, on a self-managed
/// group's Auto Scaling group, `eksup.io/nodegroup` and eksctl's two node group tags.
pub(super) const OWN_TAGS: usize = 8;
/// The most `metadata.tags`: what AWS allows less what eksup adds.
pub(super) const MAX_TAGS: usize = AWS_MAX_TAGS - OWN_TAGS;

struct V {
    out: Vec<Diagnostic>,
}

impl V {
    fn err(&mut self, path: impl Into<String>, msg: impl Into<String>) {
        self.out.push(Diagnostic::error(path, msg));
    }
    fn err_hint(&mut self, path: impl Into<String>, msg: impl Into<String>, hint: impl Into<String>) {
        self.out.push(Diagnostic::error(path, msg).with_hint(hint));
    }
    fn later(&mut self, path: impl Into<String>, what: impl Into<String>) {
        let mut d = Diagnostic::not_supported(path);
        d.message = what.into();
        self.out.push(d);
    }
    fn one_of(&mut self, path: &str, value: &str, allowed: &[&str]) -> bool {
        if allowed.contains(&value) {
            return true;
        }
        let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
        let mut d = Diagnostic::error(path, format!("`{value}` is not one of {list}"));
        if let Some(m) = did_you_mean(value, allowed.iter().copied()) {
            d = d.with_hint(format!("did you mean `{m}`?"));
        }
        self.out.push(d);
        false
    }
    fn cidr(&mut self, path: &str, value: &str) -> Option<Ipv4Net> {
        match value.parse::<Ipv4Net>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.err_hint(path, format!("`{value}` is not an IPv4 CIDR"), "write it like `10.0.0.0/16`");
                None
            }
        }
    }
    /// An IAM role name eksup is to create, unique among those of `whose` kind.
    fn role_name(&mut self, path: &str, role: &str, seen: &mut HashSet<String>, whose: &str) {
        let valid = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
        if role.is_empty() || role.len() > 64 || !role.chars().all(valid) {
            self.err_hint(
                path,
                format!("`{role}` is not an IAM role name"),
                "use 1 to 64 letters, digits and `+=,.@_-`",
            );
        } else if !seen.insert(role.to_string()) {
            self.err_hint(
                path,
                format!("`{role}` is the role of {whose}"),
                "give each its own `roleName`, or leave it out for eksup's",
            );
        }
    }
    /// The tags of one part (`<path>`): with the file's `metadata.tags` and eksup's own they must
    /// fit in what AWS allows on a resource, and no key may start with `aws:` (AWS's own).
    fn part_tags(&mut self, path: &str, tags: Option<&Map>, metadata: Option<&Map>) {
        let Some(tags) = tags else { return };
        for key in tags.keys().filter(|k| k.to_ascii_lowercase().starts_with("aws:")) {
            self.err_hint(
                format!("{path}.{key}"),
                format!("`{key}`: the `aws:` prefix is reserved for AWS's own tags"),
                "use another key",
            );
        }
        let total = tags.len() + metadata.map_or(0, |m| m.keys().filter(|k| !tags.contains_key(*k)).count());
        if total > MAX_TAGS {
            self.err_hint(
                path,
                format!("`{total}` tags with `metadata.tags`, but at most `{MAX_TAGS}` fit: AWS allows `{AWS_MAX_TAGS}` on a resource and eksup adds up to `{OWN_TAGS}` of its own"),
                "keep fewer tags here or in `metadata.tags`",
            );
        }
    }

    fn arn(&mut self, path: &str, value: &str) {
        let parts: Vec<&str> = value.splitn(6, ':').collect();
        if parts.len() < 6 || parts[0] != "arn" || parts[1].is_empty() || parts[2].is_empty() {
            self.err_hint(
                path,
                format!("`{value}` is not an ARN"),
                "ARNs look like `arn:aws:iam::123456789012:role/name`",
            );
        }
    }
}

/// EKS node group and Fargate profile names: letters, digits, `-` and `_`, starting alphanumeric.
fn valid_nodegroup_name(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= 63
        && chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// [`INSTANCE_TYPE_PATTERN`].
fn valid_instance_type(s: &str) -> bool {
    let Some((family, size)) = s.split_once('.') else { return false };
    family.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && family.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !size.is_empty()
        && size.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

fn minor(version: &str) -> Option<u32> {
    version.strip_prefix("1.")?.parse().ok()
}

/// Rules that read the config as the user wrote it, before defaults.
pub fn validate_raw(cfg: &ClusterConfig) -> Vec<Diagnostic> {
    let mut v = V { out: Vec::new() };
    let has_subnets = cfg.vpc.as_ref().and_then(|x| x.subnets.as_ref()).is_some_and(|s| {
        s.public.as_ref().is_some_and(|m| !m.is_empty()) || s.private.as_ref().is_some_and(|m| !m.is_empty())
    });
    // Both may be given when they agree (as in a defaulted config printed by `--dry-run -o yaml`).
    let subnet_zones: std::collections::BTreeSet<String> = cfg
        .vpc
        .iter()
        .filter_map(|x| x.subnets.as_ref())
        .flat_map(|s| s.public.iter().flatten().chain(s.private.iter().flatten()))
        .map(|(k, s)| s.az.clone().unwrap_or_else(|| k.clone()))
        .collect();
    let listed: std::collections::BTreeSet<String> =
        cfg.availability_zones.iter().flatten().cloned().collect();
    if has_subnets && !listed.is_empty() && listed != subnet_zones {
        v.err_hint(
            "availabilityZones",
            "vpc.subnets and availabilityZones cannot be set at the same time",
            "keep one of them: the subnets' zones are used",
        );
    }
    // Zones name their region: one of another region is a copy-paste from another config.
    let region = cfg.metadata.region.as_deref().filter(|r| super::regions::problem(r).is_none());
    let zone_hint =
        |r: &str| format!("use zones of `{r}`, such as `{r}a`, or leave them out to let eksup choose");
    if let Some(r) = region {
        for (i, z) in cfg.availability_zones.iter().flatten().enumerate() {
            if let Err(e) = super::regions::zone_in_region(r, z) {
                v.err_hint(format!("availabilityZones[{i}]"), e, zone_hint(r));
            }
        }
        let ng_zones = cfg
            .managed_node_groups
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, ng)| (format!("managedNodeGroups[{i}]"), ng.availability_zones.as_ref()))
            .chain(
                cfg.node_groups
                    .iter()
                    .flatten()
                    .enumerate()
                    .map(|(i, ng)| (format!("nodeGroups[{i}]"), ng.availability_zones.as_ref())),
            );
        for (p, zones) in ng_zones {
            for (j, z) in zones.into_iter().flatten().enumerate() {
                if let Err(e) = super::regions::zone_in_region(r, z) {
                    v.err_hint(format!("{p}.availabilityZones[{j}]"), e, zone_hint(r));
                }
            }
        }
        let subnets = cfg.vpc.iter().filter_map(|x| x.subnets.as_ref());
        for (kind, map) in
            subnets.flat_map(|s| [("public", s.public.as_ref()), ("private", s.private.as_ref())])
        {
            for (key, subnet) in map.into_iter().flatten() {
                // The key names the zone unless the subnet gives `az`, or it is a name of the
                // user's (`private-one`, found by id or CIDR): a key that starts with a region is
                // a zone.
                let key_is_zone = super::regions::KNOWN.iter().any(|r| key.starts_with(r));
                let Some(z) = subnet.az.as_deref().or_else(|| key_is_zone.then_some(key.as_str())) else {
                    continue;
                };
                if let Err(e) = super::regions::zone_in_region(r, z) {
                    let at = if subnet.az.is_some() {
                        format!("vpc.subnets.{kind}.{key}.az")
                    } else {
                        format!("vpc.subnets.{kind}.{key}")
                    };
                    v.err_hint(at, e, zone_hint(r));
                }
            }
        }
    }
    if let Some(zones) = &cfg.availability_zones
        && zones.len() < 2
    {
        v.err_hint(
            "availabilityZones",
            format!("only {} zone(s) specified, 2 are required (can be non-unique)", zones.len()),
            "list at least two zones, e.g. `[us-west-2a, us-west-2b]`",
        );
    }
    private_cluster::rules(&mut v, cfg);
    if let Some(tags) = &cfg.metadata.tags
        && tags.len() > MAX_TAGS
    {
        v.err_hint(
            "metadata.tags",
            format!(
                "`{}` tags, but at most `{MAX_TAGS}` fit: AWS allows `{AWS_MAX_TAGS}` on a resource and eksup adds up to `{OWN_TAGS}` of its own",
                tags.len()
            ),
            format!("keep at most {MAX_TAGS} tags: every resource eksup creates gets all of them"),
        );
    }
    v.out
}

/// Rules over the defaulted config.
pub fn validate(cfg: &ClusterConfig) -> Vec<Diagnostic> {
    let mut v = V { out: Vec::new() };
    let minor_version = metadata_rules(&mut v, cfg);

    if let Some(knc) = &cfg.kubernetes_network_config {
        if let Some(f) = knc.ip_family.as_deref() {
            v.one_of("kubernetesNetworkConfig.ipFamily", f, &["IPv4", "IPv6"]);
        }
        if let Some(c) = knc.service_ipv4_cidr.as_deref() {
            v.cidr("kubernetesNetworkConfig.serviceIPv4CIDR", c);
        }
        if knc.service_ipv6_cidr.is_some() {
            v.err_hint(
                "kubernetesNetworkConfig.serviceIPv6CIDR",
                "cannot be set: EKS chooses an `IPv6` cluster's service range itself (CreateCluster takes none; eksctl only reads it back)",
                "remove it: EKS gives each `IPv6` cluster a /108 of its own when it creates it",
            );
        }
    }
    if let Some(s) = cfg.upgrade_policy.as_ref().and_then(|u| u.support_type.as_deref()) {
        v.one_of("upgradePolicy.supportType", s, &["STANDARD", "EXTENDED"]);
    }

    vpc_rules(&mut v, cfg);
    iam_rules(&mut v, cfg);
    access_rules(&mut v, cfg);
    nodegroup_rules(&mut v, cfg, minor_version);
    fargate_rules(&mut v, cfg);
    addon_rules(&mut v, cfg);
    ecr_rules(&mut v, cfg);

    logging_rules(&mut v, cfg);
    control_plane_scaling_rules(&mut v, cfg);
    component_config::rules(&mut v, cfg, minor_version);
    auto_mode_rules(&mut v, cfg, minor_version);
    identity_provider_rules(&mut v, cfg);
    remote_network_rules(&mut v, cfg);
    if let Some(se) = &cfg.secrets_encryption {
        match se.key_arn.as_deref() {
            None | Some("") => v.err("secretsEncryption.keyARN", "must be set"),
            Some(a) => v.arn("secretsEncryption.keyARN", a),
        }
    }
    identity_mapping_rules(&mut v, cfg);
    capability::rules(&mut v, cfg);
    windows::rules(&mut v, cfg);
    kubelet::rules(&mut v, cfg);
    instance::rules(&mut v, cfg);
    capacity::rules(&mut v, cfg);
    efa::rules(&mut v, cfg);
    rollback_rules(&mut v, cfg);
    local_zones::rules(&mut v, cfg);
    ipv6::rules(&mut v, cfg);
    v.out
}

/// `metadata`: the cluster's name, its region and its Kubernetes version; the version's minor
/// number, if it is one.
fn metadata_rules(v: &mut V, cfg: &ClusterConfig) -> Option<u32> {
    let meta = &cfg.metadata;
    match meta.name.as_deref() {
        None | Some("") => {
            v.err_hint("metadata.name", "must be set", "give the cluster a name, e.g. `name: demo`")
        }
        Some(n) if !rules::cluster_name(n) => {
            v.err_hint(
                "metadata.name",
                format!("`{n}` is not a valid cluster name"),
                rules::CLUSTER_NAME_HINT,
            );
        }
        _ => {}
    }
    match meta.region.as_deref() {
        None | Some("") => {
            v.err_hint("metadata.region", "must be set", "add `region:` under metadata, or pass `--region`");
        }
        Some(r) => {
            if let Some((message, hint)) = super::regions::problem(r) {
                v.err_hint("metadata.region", message, hint);
            }
        }
    }
    let version = meta.version.clone().unwrap_or_default();
    let minor_version = minor(&version);
    match minor_version {
        None => v.err_hint(
            "metadata.version",
            format!("`{version}` is not a Kubernetes version"),
            "write it quoted, like `version: \"1.34\"`",
        ),
        Some(m) if !(OLDEST_MINOR..=NEWEST_MINOR).contains(&m) => v.err_hint(
            "metadata.version",
            format!("Kubernetes `{version}` is not a version EKS creates clusters with"),
            format!("use `1.{OLDEST_MINOR}` to `1.{NEWEST_MINOR}`, e.g. the default `1.34`"),
        ),
        Some(_) => {}
    }
    minor_version
}

/// The control plane tiers of EKS Provisioned Control Plane (ProvisionedControlPlaneTier).
pub(super) const CONTROL_PLANE_TIERS: &[&str] = &["standard", "tier-xl", "tier-2xl", "tier-4xl", "tier-8xl"];

/// `controlPlaneScalingConfig.tier`: one of EKS's tiers.
fn control_plane_scaling_rules(v: &mut V, cfg: &ClusterConfig) {
    if let Some(tier) = cfg.control_plane_scaling_config.as_ref().and_then(|c| c.tier.as_deref()) {
        v.one_of("controlPlaneScalingConfig.tier", tier, CONTROL_PLANE_TIERS);
    }
}

/// `cloudWatch.clusterLogging`: the log types, and a retention that needs them.
fn logging_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(logging) = cfg.cloud_watch.as_ref().and_then(|c| c.cluster_logging.as_ref()) else { return };
    let mut allowed: Vec<&str> = ALL_LOG_TYPES.to_vec();
    allowed.extend(["all", "*"]);
    for (i, t) in logging.enable_types.iter().flatten().enumerate() {
        v.one_of(&format!("cloudWatch.clusterLogging.enableTypes[{i}]"), t, &allowed);
    }
    if let Some(days) = logging.log_retention_in_days {
        if logging.enable_types.as_ref().is_none_or(Vec::is_empty) {
            v.err(
                "cloudWatch.clusterLogging.logRetentionInDays",
                "needs cloudWatch.clusterLogging.enableTypes",
            );
        } else if !RETENTION_DAYS.contains(&days) {
            v.err_hint(
                "cloudWatch.clusterLogging.logRetentionInDays",
                format!("`{days}` is not a CloudWatch retention period"),
                format!(
                    "use one of {}",
                    RETENTION_DAYS.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                ),
            );
        }
    }
}

/// Each principal mapped once: EKS keeps one access entry per principal, so a second mapping of
/// an ARN (or a mapping of an `accessConfig.accessEntries` principal) would shadow the first,
/// what eksctl's `noDuplicateARNs` refuses.
fn mapped_once_rules(v: &mut V, cfg: &ClusterConfig) {
    let mut mapped: HashMap<&str, String> = cfg
        .access_config
        .iter()
        .flat_map(|a| a.access_entries.iter().flatten())
        .enumerate()
        .filter_map(|(j, e)| Some((e.principal_arn.as_deref()?, format!("accessConfig.accessEntries[{j}]"))))
        .collect();
    for (i, m) in cfg.iam_identity_mappings.iter().flatten().enumerate() {
        let Some(arn) = m.arn.as_deref().filter(|_| m.account.is_none() && m.service_name.is_none()) else {
            continue;
        };
        let p = format!("iamIdentityMappings[{i}]");
        match mapped.get(arn) {
            Some(first) => v.err_hint(
                format!("{p}.arn"),
                format!("`{arn}` is mapped already, at `{first}`: EKS keeps one access entry per principal, so one would shadow the other"),
                "give the principal one mapping, with all its groups",
            ),
            None => {
                mapped.insert(arn, p);
            }
        }
    }
}

/// `iamIdentityMappings`: eksctl's rules of the three forms (`arn`, `serviceName`, `account`),
/// the groups an EKS access entry can grant, and an authentication mode that reads aws-auth for
/// the forms that stay there.
fn identity_mapping_rules(v: &mut V, cfg: &ClusterConfig) {
    let mode = cfg.access_config.as_ref().and_then(|a| a.authentication_mode.as_deref());
    mapped_once_rules(v, cfg);
    for (i, m) in cfg.iam_identity_mappings.iter().flatten().enumerate() {
        let p = format!("iamIdentityMappings[{i}]");
        let arn_fields = [
            ("arn", m.arn.is_some()),
            ("username", m.username.is_some()),
            ("groups", m.groups.as_ref().is_some_and(|g| !g.is_empty())),
        ];
        if let Some(account) = &m.account {
            let others: Vec<&str> = arn_fields
                .iter()
                .chain(&[("serviceName", m.service_name.is_some()), ("namespace", m.namespace.is_some())])
                .filter(|(_, set)| *set)
                .map(|(f, _)| *f)
                .collect();
            if !others.is_empty() {
                v.err_hint(
                    format!("{p}.account"),
                    format!(
                        "account cannot be configured with any other options (`{}`)",
                        others.join("`, `")
                    ),
                    "map the account in an entry of its own",
                );
            }
            if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
                v.err_hint(
                    format!("{p}.account"),
                    format!("`{account}` is not an AWS account id"),
                    "give the 12 digits, quoted: `account: \"123456789012\"`",
                );
            }
            if mode == Some("API") {
                v.err_hint(
                    format!("{p}.account"),
                    "a whole account is mapped in the aws-auth ConfigMap, which EKS does not read with `authenticationMode: API` (no access entry maps an account)",
                    "use `API_AND_CONFIG_MAP` (the default), or give the account's roles and users `accessConfig.accessEntries`",
                );
            }
        } else if let Some(service) = &m.service_name {
            let set: Vec<&str> = arn_fields.iter().filter(|(_, set)| *set).map(|(f, _)| *f).collect();
            if !set.is_empty() {
                v.err_hint(
                    format!("{p}.serviceName"),
                    format!("cannot use `{}` with serviceName", set.join("`, `")),
                    "the service's user and role are known: give `serviceName` and `namespace` alone",
                );
            }
            v.one_of(&format!("{p}.serviceName"), service, &super::services::names());
            match m.namespace.as_deref() {
                None => v.err_hint(
                    format!("{p}.namespace"),
                    "namespace is required when using serviceName",
                    "name the namespace the service runs its work in",
                ),
                Some(ns) if !kubernetes_name(ns, 63, false) => v.err_hint(
                    format!("{p}.namespace"),
                    format!("`{ns}` is not a Kubernetes namespace name"),
                    "use lowercase letters, digits and `-`, at most 63",
                ),
                Some(_) => {}
            }
            if mode == Some("API") {
                v.err_hint(
                    format!("{p}.serviceName"),
                    "a service's service-linked role is mapped in the aws-auth ConfigMap, which EKS does not read with `authenticationMode: API` (EKS takes no access entry for a service-linked role)",
                    "use `API_AND_CONFIG_MAP` (the default)",
                );
            }
        } else if m.namespace.is_some() {
            v.err_hint(
                format!("{p}.namespace"),
                "serviceName is required when using namespace",
                "add `serviceName: emr-containers`, or remove `namespace`",
            );
        } else {
            match m.arn.as_deref() {
                None => v.err(format!("{p}.arn"), "must be set"),
                Some(a) => v.arn(&format!("{p}.arn"), a),
            }
            if cfg.access_config.as_ref().and_then(|a| a.authentication_mode.as_deref()) == Some("CONFIG_MAP")
            {
                v.later(&p, "with `accessConfig.authenticationMode: CONFIG_MAP` (the aws-auth ConfigMap)");
            }
            // EKS refuses access entries with `system:` groups; eksctl's migration maps
            // `system:masters` to the cluster admin access policy and refuses the others.
            let node_role = m.username.as_deref() == Some(super::defaults::NODE_USERNAME);
            for (j, g) in m.groups.iter().flatten().enumerate() {
                if g.starts_with("system:") && g != "system:masters" && !node_role {
                    v.err_hint(
                        format!("{p}.groups[{j}]"),
                        format!("`{g}` cannot be granted through an EKS access entry"),
                        "use `accessConfig.accessEntries` with an access policy, or a group of your own bound by RBAC",
                    );
                }
            }
        }
    }
}

/// `metadata.rollbackConfig.timeoutMinutes`: EKS's bounds (UpdateClusterVersion's RollbackConfig).
fn rollback_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(minutes) = cfg.metadata.rollback_config.as_ref().and_then(|r| r.timeout_minutes) else { return };
    if !(120..=10080).contains(&minutes) {
        v.err_hint(
            "metadata.rollbackConfig.timeoutMinutes",
            format!("`{minutes}` is not between 120 (2 hours) and 10080 (7 days), the minutes EKS takes"),
            "remove it for EKS's default, 720 (12 hours)",
        );
    }
}

fn vpc_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(vpc) = &cfg.vpc else { return };
    vpc_cidr_rules(v, vpc);
    if let Some(mode) = &vpc.control_plane_egress_mode {
        v.one_of("vpc.controlPlaneEgressMode", mode, &["AWS_MANAGED", "CUSTOMER_ROUTED"]);
    }
    if let Some(g) = vpc.nat.as_ref().and_then(|n| n.gateway.as_deref()) {
        v.one_of("vpc.nat.gateway", g, &["HighlyAvailable", "Single", "Disable"]);
    }
    if let Some(e) = &vpc.cluster_endpoints
        && e.public_access == Some(false)
        && e.private_access == Some(false)
    {
        v.err_hint(
            "vpc.clusterEndpoints",
            "Kubernetes API access must have one of public or private clusterEndpoints enabled",
            "set `publicAccess: true` or `privateAccess: true`",
        );
    }
    if vpc.manage_shared_node_security_group_rules == Some(false) && vpc.shared_node_security_group.is_none()
    {
        v.err(
            "vpc.manageSharedNodeSecurityGroupRules",
            "must be enabled when using eksup-managed security groups",
        );
    }
    if let Some(h) = vpc.hostname_type.as_deref()
        && v.one_of("vpc.hostnameType", h, &["ip-name", "resource-name"])
        && vpc.id.is_some()
    {
        v.err("vpc.hostnameType", "can only be set for a VPC that eksup creates");
    }
    if vpc.auto_allocate_ipv6 == Some(true) {
        if vpc.id.is_some() {
            v.err_hint(
                "vpc.autoAllocateIPv6",
                "can only be set for a VPC that eksup creates",
                "associate IPv6 blocks with your own VPC and subnets yourself, or remove the field",
            );
        }
        if cfg.kubernetes_network_config.as_ref().and_then(|k| k.ip_family.as_deref()) == Some("IPv6") {
            v.err_hint(
                "vpc.autoAllocateIPv6",
                "is for IPv4 clusters: an `IPv6` cluster's VPC is IPv6 throughout",
                "remove `autoAllocateIPv6`",
            );
        }
    }
    subnet_rules(v, vpc);
    control_plane_network_rules(v, vpc);
    if vpc.id.is_some() && vpc.network_acls.as_ref().and_then(|n| n.enabled) == Some(true) {
        v.err_hint(
            "vpc.networkAcls",
            "can only be set for a VPC that eksup creates",
            "manage the network ACLs of your own VPC yourself, or remove `vpc.networkAcls`",
        );
    }
    if let Some(id) = &vpc.id
        && !id.starts_with("vpc-")
    {
        v.err("vpc.id", format!("`{id}` is not a VPC id"));
    }
}

/// Where the control plane's network interfaces go: `controlPlaneSubnetIDs` and
/// `controlPlaneSecurityGroupIDs` (an existing VPC's: EKS takes only subnets and groups of the
/// cluster's VPC, which a VPC eksup creates cannot hold yet), or `controlPlaneOnPrivateSubnets`.
fn control_plane_network_rules(v: &mut V, vpc: &ClusterVPC) {
    let subnets = vpc.control_plane_subnet_ids.as_deref().unwrap_or_default();
    let groups = vpc.control_plane_security_group_ids.as_deref().unwrap_or_default();
    for (field, ids, prefix, what) in [
        ("controlPlaneSubnetIDs", subnets, "subnet-", "subnet"),
        ("controlPlaneSecurityGroupIDs", groups, "sg-", "security group"),
    ] {
        if ids.is_empty() {
            continue;
        }
        if vpc.id.is_none() {
            v.err_hint(
                format!("vpc.{field}"),
                format!("names existing {what}s, but eksup creates this cluster's VPC: EKS takes only those of the cluster's VPC"),
                "set `vpc.id` and `vpc.subnets` to build the cluster in your VPC, or remove the field",
            );
        }
        for (i, id) in ids.iter().enumerate() {
            if !id.starts_with(prefix) {
                v.err(format!("vpc.{field}[{i}]"), format!("`{id}` is not a {what} id"));
            }
        }
    }
    if subnets.len() == 1 {
        v.err("vpc.controlPlaneSubnetIDs", "needs at least two subnets, in two zones (EKS's minimum)");
    }
    if groups.len() > 5 {
        v.err("vpc.controlPlaneSecurityGroupIDs", "holds at most 5 security groups (EKS's limit)");
    }
    if vpc.security_group.is_some() && !groups.is_empty() {
        v.err_hint(
            "vpc.controlPlaneSecurityGroupIDs",
            "only one of `vpc.securityGroup` and `vpc.controlPlaneSecurityGroupIDs` can be set",
            "list every group in `controlPlaneSecurityGroupIDs`",
        );
    }
    if vpc.control_plane_on_private_subnets == Some(true) {
        if !subnets.is_empty() {
            v.err_hint(
                "vpc.controlPlaneOnPrivateSubnets",
                "only one of `vpc.controlPlaneSubnetIDs` and `vpc.controlPlaneOnPrivateSubnets` can be set",
                "keep `controlPlaneSubnetIDs` to name the subnets, or `controlPlaneOnPrivateSubnets` for all private ones",
            );
        }
        let zones: std::collections::BTreeSet<String> = vpc
            .subnets
            .iter()
            .flat_map(|s| s.private.iter().flatten())
            .map(|(k, s)| s.az.clone().unwrap_or_else(|| k.clone()))
            .collect();
        if zones.len() < 2 {
            v.err_hint(
                "vpc.controlPlaneOnPrivateSubnets",
                format!("needs private subnets in at least two zones, found `{}`", zones.len()),
                "add private subnets in two zones to `vpc.subnets.private`",
            );
        }
    }
}

/// The VPC's own CIDRs: `cidr` (a /16 to /24 network), `extraCIDRs`, `publicAccessCIDRs`.
fn vpc_cidr_rules(v: &mut V, vpc: &ClusterVPC) {
    if let Some(c) = vpc.cidr.as_deref()
        && let Some(net) = v.cidr("vpc.cidr", c)
    {
        if !(16..=24).contains(&net.prefix_len()) {
            v.err_hint(
                "vpc.cidr",
                format!("`{c}`: the prefix must be /16 to /24"),
                "use e.g. `192.168.0.0/16`",
            );
        } else if net.network() != net.addr() {
            v.err_hint(
                "vpc.cidr",
                format!("`{c}` has host bits set"),
                format!("did you mean `{}`?", net.trunc()),
            );
        }
    }
    for (i, c) in vpc.extra_cidrs.iter().flatten().enumerate() {
        v.cidr(&format!("vpc.extraCIDRs[{i}]"), c);
    }
    for (i, c) in vpc.public_access_cidrs.iter().flatten().enumerate() {
        v.cidr(&format!("vpc.publicAccessCIDRs[{i}]"), c);
    }
    // Narrowed public access without the private endpoint: nodes reach the API server from the
    // VPC's egress addresses, which the CIDRs must hold (AWS's user guide), or they never join.
    let narrowed = vpc
        .public_access_cidrs
        .as_ref()
        .is_some_and(|c| !c.is_empty() && !c.iter().any(|c| c == "0.0.0.0/0" || c == "::/0"));
    let endpoints = vpc.cluster_endpoints.as_ref();
    if narrowed
        && endpoints.and_then(|e| e.private_access) == Some(false)
        && endpoints.and_then(|e| e.public_access) != Some(false)
    {
        v.out.push(
            Diagnostic::warning(
                "vpc.clusterEndpoints.privateAccess",
                "is off while `vpc.publicAccessCIDRs` admit only some networks: nodes reach the API server from the VPC's NAT addresses, and join only if those CIDRs hold them",
            )
            .with_hint("set `privateAccess: true` (the default with narrowed CIDRs), or add your NAT gateways' addresses to `vpc.publicAccessCIDRs`"),
        );
    }
}

/// `vpc.subnets`: either all existing (by `id`) or all created by eksup (with a zone and a
/// CIDR inside the VPC's), in at least two zones.
fn subnet_rules(v: &mut V, vpc: &ClusterVPC) {
    let subnets = vpc.subnets.as_ref();
    let all: Vec<(String, &AZSubnetSpec)> = subnets
        .into_iter()
        .flat_map(|s| {
            s.public
                .iter()
                .flatten()
                .map(|(k, x)| (format!("vpc.subnets.public.{k}"), x))
                .chain(s.private.iter().flatten().map(|(k, x)| (format!("vpc.subnets.private.{k}"), x)))
        })
        .collect();
    if vpc.id.is_some() && all.is_empty() {
        v.err_hint(
            "vpc.subnets",
            "must be set when vpc.id is given",
            "list the VPC's subnets by zone under `vpc.subnets.private` and/or `public`",
        );
    }
    let with_id = all.iter().filter(|(_, s)| s.id.is_some()).count();
    if vpc.id.is_none() && with_id > 0 && with_id < all.len() {
        v.err(
            "vpc.subnets",
            "either every subnet gives an `id` (existing subnets) or none does (subnets eksup creates)",
        );
    }
    if vpc.id.is_some() {
        for (p, s) in &all {
            if s.id.is_none() && s.cidr.is_none() {
                v.err_hint(
                    p.clone(),
                    "a subnet of an existing VPC needs its `id` or its `cidr`",
                    "add `id: subnet-...`",
                );
            }
        }
    }
    let vpc_net = vpc.cidr.as_deref().and_then(|c| c.parse::<Ipv4Net>().ok());
    let mut zones = HashSet::new();
    for (p, s) in &all {
        if let Some(az) = &s.az {
            zones.insert(az.clone());
        } else if s.id.is_none() && vpc.id.is_none() {
            v.err_hint(format!("{p}.az"), "must be set", "name the zone, or use the zone as the key");
        }
        if let Some(c) = s.cidr.as_deref() {
            if let (Some(net), Some(vnet)) = (v.cidr(&format!("{p}.cidr"), c), vpc_net)
                && !vnet.contains(&net)
            {
                v.err(format!("{p}.cidr"), format!("`{c}` is not inside the VPC's `{vnet}`"));
            }
        } else if s.id.is_none() && vpc.id.is_none() {
            v.err(format!("{p}.cidr"), "must be set for a subnet eksup creates");
        }
        if let Some(id) = &s.id
            && !id.starts_with("subnet-")
        {
            v.err(format!("{p}.id"), format!("`{id}` is not a subnet id"));
        }
    }
    if vpc.id.is_none() && with_id == 0 && !all.is_empty() && zones.len() < 2 {
        v.err("vpc.subnets", "subnets must span at least two availability zones");
    }
}

/// `remoteNetworkConfig` (EKS Hybrid Nodes): eksctl's rules (one node network and at most one pod
/// network, a credentials provider) and AWS's (RFC 1918 or CGNAT ranges that overlap neither each
/// other, nor the VPC, nor the service range; the access entry API).
fn remote_network_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(rnc) = &cfg.remote_network_config else { return };
    let p = "remoteNetworkConfig";
    if cfg.removes_remote_networks() {
        // Hybrid nodes off: an existing cluster's remote networks are removed (as eksctl).
        for (field, set) in [("iam", rnc.iam.is_some()), ("vpcGatewayID", rnc.vpc_gateway_id.is_some())] {
            if set {
                v.out.push(
                    Diagnostic::warning(
                        format!("{p}.{field}"),
                        "is not used: `remoteNodeNetworks: []` turns hybrid nodes off",
                    )
                    .with_hint("drop it, or list the hybrid nodes' networks"),
                );
            }
        }
        return;
    }
    let nodes = rnc.remote_node_networks.as_deref().unwrap_or_default();
    let pods = rnc.remote_pod_networks.as_deref().unwrap_or_default();
    if nodes.is_empty() {
        v.err_hint(
            format!("{p}.remoteNodeNetworks"),
            "must be set",
            "list the hybrid nodes' CIDRs: `remoteNodeNetworks: [{cidrs: [10.80.0.0/16]}]`",
        );
    }
    if nodes.len() > 1 {
        v.err(
            format!("{p}.remoteNodeNetworks"),
            "EKS takes one entry (with several `cidrs` if you need them)",
        );
    }
    if pods.len() > 1 {
        v.err(
            format!("{p}.remotePodNetworks"),
            "EKS takes one entry (with several `cidrs` if you need them)",
        );
    }
    if cfg.access_config.as_ref().and_then(|a| a.authentication_mode.as_deref()) == Some("CONFIG_MAP") {
        v.err_hint(
            "accessConfig.authenticationMode",
            "hybrid nodes join through an access entry: `CONFIG_MAP` cannot admit them",
            "use `API` or `API_AND_CONFIG_MAP` (the default)",
        );
    }
    let iam = rnc.iam.clone().unwrap_or_default();
    match iam.provider.as_deref().unwrap_or("SSM") {
        provider if provider.eq_ignore_ascii_case("ssm") => {
            if iam.ca_bundle_cert.is_some() {
                v.err_hint(
                    format!("{p}.iam.caBundleCert"),
                    "is for IAM Roles Anywhere, not `SSM`",
                    "drop it",
                );
            }
        }
        provider if provider.eq_ignore_ascii_case("ira") => roles_anywhere(v, p, &iam),
        other => {
            v.one_of(&format!("{p}.iam.provider"), other, &["SSM", "IRA"]);
        }
    }
    if let Some(role) = &iam.role_arn {
        v.arn(&format!("{p}.iam.roleARN"), role);
    }
    if let Some(gw) = &rnc.vpc_gateway_id {
        if !(gw.starts_with("tgw-") || gw.starts_with("vgw-")) {
            v.err_hint(
                format!("{p}.vpcGatewayID"),
                format!(
                    "`{gw}` is not a transit gateway (`tgw-...`) or virtual private gateway (`vgw-...`) id"
                ),
                "give the id of the gateway to the hybrid nodes' networks",
            );
        } else if cfg.vpc.as_ref().is_some_and(|x| x.id.is_some()) {
            v.err_hint(
                format!("{p}.vpcGatewayID"),
                "is for a VPC eksup creates: eksup does not change the route tables of a VPC of yours",
                "attach the gateway to your VPC and route the remote networks through it yourself, then remove `vpcGatewayID`",
            );
        }
    }
    remote_cidr_rules(v, cfg, nodes, pods);
}

/// The remote networks' CIDRs: private ranges, clear of the VPC, the service range and each other.
fn remote_cidr_rules(
    v: &mut V,
    cfg: &ClusterConfig,
    nodes: &[super::types::RemoteNetwork],
    pods: &[super::types::RemoteNetwork],
) {
    let p = "remoteNetworkConfig";
    // The ranges AWS takes, and those they must stay clear of.
    let allowed: Vec<Ipv4Net> = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"]
        .iter()
        .filter_map(|c| c.parse().ok())
        .collect();
    // The VPC eksup creates (an existing one's range is not known here).
    let vpc_net = match &cfg.vpc {
        Some(x) if x.id.is_some() => None,
        x => x
            .as_ref()
            .and_then(|x| x.cidr.as_deref())
            .unwrap_or(super::defaults::DEFAULT_VPC_CIDR)
            .parse::<Ipv4Net>()
            .ok(),
    };
    let service = cfg.kubernetes_network_config.as_ref().and_then(|k| k.service_ipv4_cidr.clone());
    let service_net = service.as_deref().and_then(|c| c.parse::<Ipv4Net>().ok());
    let mut seen: Vec<(String, Ipv4Net)> = Vec::new();
    for (list, name) in [(nodes, "remoteNodeNetworks"), (pods, "remotePodNetworks")] {
        for (i, network) in list.iter().enumerate() {
            for (j, c) in network.cidrs.iter().flatten().enumerate() {
                let path = format!("{p}.{name}[{i}].cidrs[{j}]");
                let Some(net) = v.cidr(&path, c) else { continue };
                if !allowed.iter().any(|a| a.contains(&net)) {
                    v.err_hint(
                        &path,
                        format!(
                            "`{c}` is not a private range: EKS takes RFC 1918 or CGNAT (`100.64.0.0/10`) ones"
                        ),
                        "use the hybrid network's private addresses",
                    );
                }
                let overlaps =
                    |other: &Ipv4Net| other.contains(&net.network()) || net.contains(&other.network());
                if let Some(vpc) = vpc_net.filter(overlaps) {
                    v.err_hint(
                        &path,
                        format!("`{c}` overlaps the VPC's `{vpc}`: remote networks must be outside it"),
                        "give the VPC another range with `vpc.cidr`, or correct the remote network",
                    );
                }
                if let Some(svc) = service_net.filter(overlaps) {
                    v.err_hint(
                        &path,
                        format!("`{c}` overlaps the Kubernetes service range `{svc}`"),
                        "choose another `kubernetesNetworkConfig.serviceIPv4CIDR`",
                    );
                }
                if let Some((other, _)) = seen.iter().find(|(_, o)| overlaps(o)) {
                    v.err_hint(
                        &path,
                        format!("`{c}` overlaps `{other}`: remote node and pod networks must not overlap"),
                        "give pods a range of their own",
                    );
                }
                seen.push((c.clone(), net));
            }
        }
    }
}

/// `identityProviders`: eksctl's (an OIDC provider with a name, issuer and client) and AWS's (one
/// per cluster, an `https` issuer, no `system:` prefix, at most 10 required claims).
fn identity_provider_rules(v: &mut V, cfg: &ClusterConfig) {
    let providers = cfg.identity_providers.as_deref().unwrap_or_default();
    if providers.len() > 1 {
        v.err_hint(
            "identityProviders[1]",
            "EKS associates one OIDC identity provider with a cluster",
            "keep one provider; several issuers need a broker such as Dex or Cognito in front of them",
        );
    }
    for (i, idp) in providers.iter().enumerate() {
        let p = format!("identityProviders[{i}]");
        match idp.kind.as_deref() {
            Some("oidc") => {}
            None => v.err_hint(format!("{p}.type"), "must be set", "use `type: oidc`"),
            Some(other) => {
                v.one_of(&format!("{p}.type"), other, &["oidc"]);
            }
        }
        for (field, value) in
            [("name", &idp.name), ("issuerURL", &idp.issuer_url), ("clientID", &idp.client_id)]
        {
            if value.as_deref().is_none_or(str::is_empty) {
                v.err(format!("{p}.{field}"), "must be set");
            }
        }
        if let Some(url) = idp.issuer_url.as_deref().filter(|u| !u.is_empty() && !u.starts_with("https://")) {
            v.err_hint(
                format!("{p}.issuerURL"),
                format!("`{url}` is not an `https` URL: EKS takes only those"),
                "use the issuer URL the provider publishes, `https://...`",
            );
        }
        for (field, value) in [("usernamePrefix", &idp.username_prefix), ("groupsPrefix", &idp.groups_prefix)]
        {
            if let Some(prefix) = value.as_deref().filter(|x| x.contains("system:")) {
                v.err_hint(
                    format!("{p}.{field}"),
                    format!(
                        "`{prefix}` contains `system:`, which Kubernetes keeps for itself (EKS refuses it)"
                    ),
                    "use a prefix of your own, such as `oidc:`",
                );
            }
        }
        if idp.required_claims.as_ref().is_some_and(|c| c.len() > 10) {
            v.err_hint(
                format!("{p}.requiredClaims"),
                "EKS takes at most `10` required claims",
                "keep the claims that matter most",
            );
        }
    }
}

/// `autoModeConfig`: eksctl's rules (the node pools EKS has, a role or a boundary for the role
/// eksup makes, only when on) and AWS's (Kubernetes 1.29 or later, the access entry API, no
/// networking add-ons without nodes that need them).
fn auto_mode_rules(v: &mut V, cfg: &ClusterConfig, minor_version: Option<u32>) {
    let Some(auto) = &cfg.auto_mode_config else { return };
    let p = "autoModeConfig";
    if auto.enabled != Some(true) {
        if auto.node_role_arn.is_some()
            || auto.permissions_boundary_arn.is_some()
            || auto.node_pools.as_ref().is_some_and(|n| !n.is_empty())
        {
            v.err_hint(
                p,
                "`nodeRoleARN`, `permissionsBoundaryARN` and `nodePools` apply only with Auto Mode on",
                "set `autoModeConfig.enabled: true`, or drop the other fields",
            );
        }
        return;
    }
    let pools = auto.node_pools.as_deref();
    let mut seen = HashSet::new();
    for (i, pool) in pools.unwrap_or_default().iter().enumerate() {
        if v.one_of(&format!("{p}.nodePools[{i}]"), pool, crate::config::resolved::AUTO_MODE_NODE_POOLS)
            && !seen.insert(pool.as_str())
        {
            v.err(format!("{p}.nodePools[{i}]"), format!("`{pool}` is listed more than once"));
        }
    }
    let no_pools = pools.is_some_and(<[String]>::is_empty);
    if let Some(role) = &auto.node_role_arn {
        v.arn(&format!("{p}.nodeRoleARN"), role);
        if no_pools {
            v.err_hint(
                format!("{p}.nodeRoleARN"),
                "names the nodes' role, but `nodePools` is empty: there are no built-in pools to use it",
                "drop `nodeRoleARN`, or list `general-purpose` and/or `system` under `nodePools`",
            );
        }
    }
    if let Some(boundary) = &auto.permissions_boundary_arn {
        v.arn(&format!("{p}.permissionsBoundaryARN"), boundary);
        if auto.node_role_arn.is_some() || no_pools {
            v.err_hint(
                format!("{p}.permissionsBoundaryARN"),
                "is for the node role eksup makes, and it makes none with `nodeRoleARN` or without pools",
                "drop `permissionsBoundaryARN`",
            );
        }
    }
    if minor_version.is_some_and(|m| m < 29) {
        v.err_hint(
            "metadata.version",
            "EKS Auto Mode needs Kubernetes `1.29` or later",
            "set `metadata.version` to a current version, or leave it out",
        );
    }
    let mode = cfg.access_config.as_ref().and_then(|a| a.authentication_mode.as_deref());
    if mode == Some("CONFIG_MAP") {
        v.err_hint(
            "accessConfig.authenticationMode",
            "EKS Auto Mode needs the access entry API: `CONFIG_MAP` cannot give its nodes access",
            "use `API` or `API_AND_CONFIG_MAP` (the default)",
        );
    }
    // As eksctl: Auto Mode runs its own networking; the add-ons are for nodes of groups or
    // Fargate, or for hybrid nodes.
    let nodes = super::resolved::nodes_beside_auto_mode(cfg);
    if !nodes {
        for (i, a) in cfg.addons.iter().flatten().enumerate() {
            let name = a.name.as_deref().unwrap_or_default();
            if matches!(name, "vpc-cni" | "kube-proxy" | "coredns") {
                v.err_hint(
                    format!("addons[{i}]"),
                    format!("`{name}` is not needed on a cluster using Auto Mode: EKS runs networking and DNS for its nodes"),
                    "drop it; with node groups, Fargate profiles or hybrid nodes in the file, a re-run of `eksup create cluster -f` installs it",
                );
            }
        }
    }
}

fn iam_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(iam) = &cfg.iam else { return };
    for (p, a) in [
        ("iam.serviceRoleARN", &iam.service_role_arn),
        ("iam.fargatePodExecutionRoleARN", &iam.fargate_pod_execution_role_arn),
        ("iam.serviceRolePermissionsBoundary", &iam.service_role_permissions_boundary),
        (
            "iam.fargatePodExecutionRolePermissionsBoundary",
            &iam.fargate_pod_execution_role_permissions_boundary,
        ),
    ] {
        if let Some(a) = a {
            v.arn(p, a);
        }
    }
    service_account_rules(v, iam);
    // Auto Mode runs the agent itself (eksctl asks for the add-on only without it).
    pod_identity_rules(v, iam, has_pod_identity_agent(cfg));
}

/// Whether `name` is a Kubernetes DNS-1123 label (`max` 63) or subdomain (`max` 253, dots
/// between labels).
fn kubernetes_name(name: &str, max: usize, dots: bool) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    name.len() <= max && if dots { name.split('.').all(label) } else { label(name) }
}

/// `iam.podIdentityAssociations`: eksctl's rules (a role or what to put on one, not both) and
/// AWS's (names Kubernetes takes, a session policy only without session tags).
fn pod_identity_rules(v: &mut V, iam: &ClusterIAM, has_agent: bool) {
    let pias = iam.pod_identity_associations.as_deref().unwrap_or_default();
    if !pias.is_empty() && !has_agent {
        v.err_hint(
            "iam.podIdentityAssociations",
            "the `eks-pod-identity-agent` addon must be installed to use pod identity associations",
            "add `- name: eks-pod-identity-agent` under `addons`",
        );
    }
    pod_identity_entries(v, "iam.podIdentityAssociations", pias, &mut HashSet::new());
}

/// The entries of a `podIdentityAssociations` list at `path`: names, one per service account,
/// a role or what to put on one. `role_names` holds the role names given so far.
fn pod_identity_entries(
    v: &mut V,
    path: &str,
    pias: &[super::types::PodIdentityAssociation],
    role_names: &mut HashSet<String>,
) {
    let mut seen = HashSet::new();
    for (i, pia) in pias.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let namespace = pia.namespace.as_deref().unwrap_or_default();
        let account = pia.service_account_name.as_deref().unwrap_or_default();
        if namespace.is_empty() {
            v.err(format!("{p}.namespace"), "must be set");
        } else if !kubernetes_name(namespace, 63, false) {
            v.err_hint(
                format!("{p}.namespace"),
                format!("`{namespace}` is not a Kubernetes namespace name"),
                "use at most 63 lowercase letters, digits and `-`, starting and ending alphanumeric",
            );
        }
        if account.is_empty() {
            v.err(format!("{p}.serviceAccountName"), "must be set");
        } else if !kubernetes_name(account, 253, true) {
            v.err_hint(
                format!("{p}.serviceAccountName"),
                format!("`{account}` is not a Kubernetes service account name"),
                "use lowercase letters, digits, `-` and `.`",
            );
        }
        if !namespace.is_empty() && !account.is_empty() && !seen.insert(format!("{namespace}/{account}")) {
            v.err(p.clone(), format!("`{namespace}/{account}` is listed more than once: EKS takes one association per service account"));
        }
        pod_identity_role_rules(v, &p, pia, role_names);
    }
}

/// One association's role: the file's, or what to put on the one eksup makes, not both.
fn pod_identity_role_rules(
    v: &mut V,
    p: &str,
    pia: &super::types::PodIdentityAssociation,
    role_names: &mut HashSet<String>,
) {
    let well_known = pia.well_known_policies.as_ref().is_some_and(super::resolved::any_well_known);
    let arns = pia.permission_policy_arns.as_ref().is_some_and(|a| !a.is_empty());
    let policies = well_known || arns || pia.permission_policy.is_some();
    let own_role = pia.role_arn.as_deref().is_some_and(|a| !a.is_empty());
    if !policies && !own_role {
        v.err_hint(
            p,
            "the association's role has no permissions",
            "set `roleARN` for a role of your own, or `permissionPolicyARNs`, `permissionPolicy` or `wellKnownPolicies` for a role eksup creates",
        );
    }
    if own_role {
        for (set, field) in [
            (pia.permission_policy.is_some(), "`permissionPolicy`"),
            (arns, "`permissionPolicyARNs`"),
            (well_known, "`wellKnownPolicies`"),
            (pia.role_name.is_some(), "`roleName`"),
            (pia.permissions_boundary_arn.is_some(), "`permissionsBoundaryARN`"),
        ] {
            if set {
                v.err_hint(
                    format!("{p}.roleARN"),
                    format!("{field} cannot be set with `roleARN`: the role is your own and eksup does not change it"),
                    "drop `roleARN` to have eksup make the role, or drop the other fields",
                );
            }
        }
    }
    if let Some(role) = &pia.role_name {
        v.role_name(&format!("{p}.roleName"), role, role_names, "another association");
    }
    for (field, a) in [
        ("roleARN", &pia.role_arn),
        ("targetRoleARN", &pia.target_role_arn),
        ("permissionsBoundaryARN", &pia.permissions_boundary_arn),
    ] {
        if let Some(a) = a.as_deref().filter(|a| !a.is_empty()) {
            v.arn(&format!("{p}.{field}"), a);
        }
    }
    for (j, a) in pia.permission_policy_arns.iter().flatten().enumerate() {
        v.arn(&format!("{p}.permissionPolicyARNs[{j}]"), a);
    }
    if let Some(document) = &pia.permission_policy
        && !document.is_object()
    {
        v.err(format!("{p}.permissionPolicy"), "must be an IAM policy document (a map with `Statement`)");
    }
    if let Some(name) = &pia.permission_policy_name {
        if pia.permission_policy.is_none() {
            v.err_hint(
                format!("{p}.permissionPolicyName"),
                "names the inline policy, but there is no `permissionPolicy`",
                "add `permissionPolicy` or drop the name",
            );
        } else if !name.chars().any(|c| c.is_ascii_alphanumeric()) || name.len() > 128 {
            v.err(format!("{p}.permissionPolicyName"), format!("`{name}` is not an IAM policy name"));
        }
    }
    if let Some(policy) = pia.policy.as_deref().filter(|d| !d.is_empty()) {
        if !serde_json::from_str::<serde_json::Value>(policy).is_ok_and(|d| d.is_object()) {
            v.err_hint(
                format!("{p}.policy"),
                "is not a JSON policy document",
                "give the session policy as a JSON string: `policy: '{\"Version\": \"2012-10-17\", \"Statement\": [...]}'`",
            );
        }
        if pia.disable_session_tags != Some(true) {
            v.err_hint(
                format!("{p}.policy"),
                "a session policy needs the session tags off: EKS refuses it otherwise",
                "set `disableSessionTags: true`",
            );
        }
    }
}

/// `iam.serviceAccounts`: names, roles and policies.
fn service_account_rules(v: &mut V, iam: &ClusterIAM) {
    let sas = iam.service_accounts.as_deref().unwrap_or_default();
    if !sas.is_empty() && iam.with_oidc != Some(true) {
        v.err_hint(
            "iam.serviceAccounts",
            "iam.withOIDC must be enabled explicitly for iam.serviceAccounts to be created",
            "set `iam.withOIDC: true`",
        );
    }
    let mut seen = HashSet::new();
    let mut role_names = HashSet::new();
    for (i, sa) in sas.iter().enumerate() {
        let p = format!("iam.serviceAccounts[{i}]");
        if let Some(role) = &sa.role_name {
            v.role_name(&format!("{p}.roleName"), role, &mut role_names, "another service account");
        }
        let name = sa.metadata.name.as_deref().unwrap_or_default();
        if name.is_empty() {
            v.err(format!("{p}.metadata.name"), "must be set");
        }
        let namespace = sa.metadata.namespace.as_deref().unwrap_or("default");
        if !name.is_empty() && !seen.insert(format!("{namespace}/{name}")) {
            v.err(format!("{p}.metadata"), format!("`{namespace}/{name}` is listed more than once"));
        }
        let well_known = sa.well_known_policies.as_ref().is_some_and(super::resolved::any_well_known);
        let policies = well_known
            || sa.attach_policy_arns.as_ref().is_some_and(|a| !a.is_empty())
            || sa.attach_policy.is_some();
        if !policies && sa.attach_role_arn.is_none() {
            v.err_hint(
                &p,
                "the service account's role has no permissions",
                "set `attachPolicyARNs`, `attachPolicy` or `wellKnownPolicies`, or `attachRoleARN` for a role of your own",
            );
        }
        for (j, a) in sa.attach_policy_arns.iter().flatten().enumerate() {
            v.arn(&format!("{p}.attachPolicyARNs[{j}]"), a);
        }
        if let Some(a) = &sa.permissions_boundary {
            v.arn(&format!("{p}.permissionsBoundary"), a);
        }
        if let Some(role) = &sa.attach_role_arn {
            v.arn(&format!("{p}.attachRoleARN"), role);
            for (set, field) in [
                (policies, "the policies"),
                (sa.role_name.is_some(), "`roleName`"),
                (sa.permissions_boundary.is_some(), "`permissionsBoundary`"),
                (sa.tags.as_ref().is_some_and(|t| !t.is_empty()), "`tags`"),
            ] {
                if set {
                    v.err_hint(
                        format!("{p}.attachRoleARN"),
                        format!("{field} would not apply: the role is your own and eksup does not change it"),
                        "drop `attachRoleARN` to have eksup make the role, or drop the other fields",
                    );
                }
            }
        }
        if let Some(document) = &sa.attach_policy
            && !document.is_object()
        {
            v.err(format!("{p}.attachPolicy"), "must be an IAM policy document (a map with `Statement`)");
        }
    }
}

fn access_rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(ac) = &cfg.access_config else { return };
    let mode = ac.authentication_mode.as_deref().unwrap_or("API_AND_CONFIG_MAP");
    v.one_of("accessConfig.authenticationMode", mode, &["API", "API_AND_CONFIG_MAP", "CONFIG_MAP"]);
    let entries = ac.access_entries.as_deref().unwrap_or_default();
    if mode == "CONFIG_MAP" {
        if !entries.is_empty() {
            v.err("accessConfig.accessEntries", "accessConfig.authenticationMode must be set to either API_AND_CONFIG_MAP or API to use access entries");
        }
        if cfg.node_groups.as_ref().is_some_and(|n| !n.is_empty()) {
            v.later(
                "accessConfig.authenticationMode",
                "`CONFIG_MAP` with self-managed node groups (eksup authorizes nodes with access entries)",
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, e) in entries.iter().enumerate() {
        let p = format!("accessConfig.accessEntries[{i}]");
        match e.principal_arn.as_deref() {
            None | Some("") => v.err(format!("{p}.principalARN"), "must be set"),
            Some(a) => {
                v.arn(&format!("{p}.principalARN"), a);
                if !seen.insert(a.to_string()) {
                    v.err(format!("{p}.principalARN"), format!("`{a}` has more than one access entry"));
                }
            }
        }
        if let Some(t) = e.entry_type.as_deref() {
            v.one_of(&format!("{p}.type"), t, &["STANDARD", "EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX"]);
        }
        access_policy_rules(v, &p, e.access_policies.as_deref().unwrap_or_default());
    }
}

/// The access policies of an access entry at `p` (`<p>.accessPolicies[j]`).
fn access_policy_rules(v: &mut V, p: &str, policies: &[super::types::AccessPolicy]) {
    for (j, pol) in policies.iter().enumerate() {
        let pp = format!("{p}.accessPolicies[{j}]");
        match pol.policy_arn.as_deref() {
            None => v.err(format!("{pp}.policyARN"), "must be set"),
            Some(a) => v.arn(&format!("{pp}.policyARN"), a),
        }
        match pol.access_scope.as_ref() {
            None => {
                v.err_hint(format!("{pp}.accessScope"), "must be set", "use `accessScope: {type: cluster}`");
            }
            Some(s) => match s.scope_type.as_deref() {
                None => v.err(format!("{pp}.accessScope.type"), "must be set"),
                Some(t) => {
                    if v.one_of(&format!("{pp}.accessScope.type"), t, &["cluster", "namespace"])
                        && t == "namespace"
                        && s.namespaces.as_ref().is_none_or(Vec::is_empty)
                    {
                        v.err(
                            format!("{pp}.accessScope.namespaces"),
                            "must list at least one namespace for a `namespace` scope",
                        );
                    }
                }
            },
        }
    }
}

fn reserved_label(key: &str) -> bool {
    let Some((prefix, _)) = key.split_once('/') else { return false };
    let allowed = ["node.kubernetes.io", "node-restriction.kubernetes.io", "kubelet.kubernetes.io"];
    if allowed.iter().any(|a| prefix == *a || prefix.ends_with(&format!(".{a}"))) {
        return false;
    }
    prefix == "kubernetes.io"
        || prefix.ends_with(".kubernetes.io")
        || prefix == "k8s.io"
        || prefix.ends_with(".k8s.io")
}

struct NgView<'a> {
    path: String,
    name: Option<&'a str>,
    ami_family: Option<&'a str>,
    ami: Option<&'a str>,
    min: Option<i64>,
    max: Option<i64>,
    desired: Option<i64>,
    volume_type: Option<&'a str>,
    volume_size: Option<i64>,
    iops: Option<i64>,
    throughput: Option<i64>,
    encrypted: Option<bool>,
    kms: Option<&'a str>,
    azs: Option<&'a Vec<String>>,
    subnets: Option<&'a Vec<String>>,
    labels: Option<&'a Map>,
    taints: Vec<NodeGroupTaint>,
    iam: Option<&'a NodeGroupIAM>,
    ssh: Option<&'a NodeGroupSSH>,
    max_pods: Option<i64>,
    update: Option<&'a NodeGroupUpdateConfig>,
    disable_pod_imds: Option<bool>,
    tags: Option<&'a Map>,
    attach_ids: Option<&'a Vec<String>>,
    bottlerocket: Option<&'a NodeGroupBottlerocket>,
    instance_name: Option<&'a str>,
    instance_prefix: Option<&'a str>,
    propagate_asg_tags: bool,
    suspend_processes: Option<&'a Vec<String>>,
}

macro_rules! ng_view {
    ($path:expr, $ng:expr, $taints:expr) => {
        NgView {
            path: $path,
            name: $ng.name.as_deref(),
            ami_family: $ng.ami_family.as_deref(),
            ami: $ng.ami.as_deref(),
            min: $ng.min_size,
            max: $ng.max_size,
            desired: $ng.desired_capacity,
            volume_type: $ng.volume_type.as_deref(),
            volume_size: $ng.volume_size,
            iops: $ng.volume_iops,
            throughput: $ng.volume_throughput,
            encrypted: $ng.volume_encrypted,
            kms: $ng.volume_kms_key_id.as_deref(),
            azs: $ng.availability_zones.as_ref(),
            subnets: $ng.subnets.as_ref(),
            labels: $ng.labels.as_ref(),
            taints: $taints,
            iam: $ng.iam.as_ref(),
            ssh: $ng.ssh.as_ref(),
            max_pods: $ng.max_pods_per_node,
            update: $ng.update_config.as_ref(),
            disable_pod_imds: $ng.disable_pod_imds,
            tags: $ng.tags.as_ref(),
            attach_ids: $ng.security_groups.as_ref().and_then(|s| s.attach_ids.as_ref()),
            bottlerocket: $ng.bottlerocket.as_ref(),
            instance_name: $ng.instance_name.as_deref().filter(|n| !n.is_empty()),
            instance_prefix: $ng.instance_prefix.as_deref().filter(|p| !p.is_empty()),
            propagate_asg_tags: $ng.propagate_asg_tags == Some(true),
            suspend_processes: $ng.asg_suspend_processes.as_ref(),
        }
    };
}

fn nodegroup_rules(v: &mut V, cfg: &ClusterConfig, minor_version: Option<u32>) {
    let mut views = Vec::new();
    let mut instance_types: Vec<(String, &str)> = Vec::new();
    self_managed_rules(v, cfg, &mut views, &mut instance_types);
    managed_rules(v, cfg, &mut views, &mut instance_types);
    for (p, t) in instance_types {
        if !valid_instance_type(t) {
            v.err_hint(
                p,
                format!("`{t}` is not an EC2 instance type"),
                "instance types look like `m5.large`",
            );
        }
    }
    instance_selector_rules(v, cfg);
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (ng, managed) in &views {
        name_rules(v, ng, &mut names);
        ami_rules(v, ng, minor_version);
        size_rules(v, ng, *managed);
        root_volume_rules(v, ng);
        if ng.azs.is_some_and(|a| !a.is_empty()) && ng.subnets.is_some_and(|s| !s.is_empty()) {
            let p = &ng.path;
            v.err(
                format!("{p}.subnets"),
                format!("only one of {p}.subnets or {p}.availabilityZones should be set"),
            );
        }
        if cfg.vpc.as_ref().is_none_or(|x| x.id.is_none()) && ng.attach_ids.is_some_and(|a| !a.is_empty()) {
            v.err_hint(
                format!("{}.securityGroups.attachIDs", ng.path),
                "names existing security groups, but eksup creates this cluster's VPC: a node takes only groups of its subnet's VPC",
                "set `vpc.id` and `vpc.subnets` to build the cluster in your VPC, or remove the field",
            );
        }
        if cfg.vpc.as_ref().is_none_or(|x| x.id.is_none())
            && ng.ssh.and_then(|s| s.source_security_group_ids.as_ref()).is_some_and(|a| !a.is_empty())
        {
            v.err_hint(
                format!("{}.ssh.sourceSecurityGroupIds", ng.path),
                "names existing security groups, but eksup creates this cluster's VPC: a rule takes groups of its own VPC only (EC2: \"two resources that belong to different networks\")",
                "set `vpc.id` and `vpc.subnets` to build the cluster in your VPC, or remove the field (port 22 is then open to the VPC for private groups, else to anywhere)",
            );
        }
        label_and_taint_rules(v, ng);
        max_pods_rules(v, ng);
        update_config_rules(v, ng, *managed);
        node_iam_rules(v, ng);
        autoscaler_tag_rules(v, ng, *managed);
        instance_name_rules(v, ng, cfg.metadata.name.as_deref().unwrap_or_default());
        // eksctl checks a self-managed group's names only; AWS refuses others for both kinds.
        for (j, process) in ng.suspend_processes.into_iter().flatten().enumerate() {
            v.one_of(&format!("{}.asgSuspendProcesses[{j}]", ng.path), process, ASG_PROCESSES);
        }
        ssh_rules(v, ng, *managed);
        bottlerocket_rules(v, ng, *managed);
    }
}

/// `instanceSelector`: criteria EC2 takes, and not with `instanceType` (eksctl's rules). Types
/// named beside it must be the ones EC2 chooses, checked when EC2 is asked
/// ([`super::instance_selector::apply`]).
fn instance_selector_rules(v: &mut V, cfg: &ClusterConfig) {
    use super::instance_selector::{Criteria, is_zero};
    let managed = cfg.managed_node_groups.iter().flatten().enumerate().map(|(i, ng)| {
        (format!("managedNodeGroups[{i}]"), ng.instance_selector.as_ref(), ng.instance_type.is_some())
    });
    let self_managed = cfg.node_groups.iter().flatten().enumerate().map(|(i, ng)| {
        let named = ng.instance_type.as_deref().is_some_and(|t| t != "mixed");
        (format!("nodeGroups[{i}]"), ng.instance_selector.as_ref(), named)
    });
    for (p, selector, instance_type) in managed.chain(self_managed) {
        let Some(s) = selector else { continue };
        let p = format!("{p}.instanceSelector");
        if is_zero(s) {
            continue;
        }
        if let Err(problems) = Criteria::of(s) {
            for (field, message, hint) in problems {
                v.err_hint(format!("{p}.{field}"), message, hint);
            }
        }
        if instance_type {
            v.err_hint(&p, "cannot be used with `instanceType`", "keep one of them");
        }
    }
}

/// `bottlerocket`: only on Bottlerocket nodes; its `settings` hold what the node group cannot say
/// (eksctl's rules, `pkg/apis/eksctl.io/v1alpha5/validation.go` and
/// `pkg/nodebootstrap/managed_bottlerocket.go`, for both kinds of group). Every value must be one
/// TOML can hold.
fn bottlerocket_rules(v: &mut V, ng: &NgView<'_>, managed: bool) {
    let Some(b) = ng.bottlerocket else { return };
    let p = format!("{}.bottlerocket", ng.path);
    let family = ng.ami_family.unwrap_or(super::defaults::DEFAULT_AMI_FAMILY);
    if super::rules::bottlerocket(family).is_none() {
        v.err_hint(
            &p,
            format!("is for Bottlerocket nodes, but `amiFamily` is `{family}`"),
            "set `amiFamily: Bottlerocket`, or remove `bottlerocket`",
        );
        return;
    }
    let Some(settings) = &b.settings else { return };
    let settings_path = format!("{p}.settings");
    let kubernetes = match settings.get("kubernetes") {
        Some(serde_json::Value::Object(k)) => Some(k),
        Some(_) => {
            v.err_hint(
                format!("{settings_path}.kubernetes"),
                "must be a mapping of Kubernetes settings",
                "write it as `kubernetes: {allowed-unsafe-sysctls: [...]}`, or remove it",
            );
            None
        }
        None => None,
    };
    for (key, field) in [("node-labels", "labels"), ("node-taints", "taints"), ("max-pods", "maxPodsPerNode")]
    {
        if kubernetes.is_some_and(|k| k.contains_key(key)) {
            v.err_hint(
                format!("{settings_path}.kubernetes.{key}"),
                "is set from the node group",
                format!("use `{}.{field}` instead", ng.path),
            );
        }
    }
    // The cluster's own fields: eksup (or EKS, for managed groups) writes them.
    let mut cluster_keys = vec!["cluster-name", "api-server", "cluster-certificate"];
    if managed {
        cluster_keys.push("cluster-dns-ip");
    }
    for key in cluster_keys {
        if kubernetes.is_some_and(|k| k.contains_key(key)) {
            let who = if managed { "EKS" } else { "eksup" };
            v.err_hint(
                format!("{settings_path}.kubernetes.{key}"),
                format!("is the cluster's: {who} writes it into the node's user data"),
                format!("remove `{key}`"),
            );
        }
    }
    let admin = settings.get("host-containers").and_then(|h| h.get("admin")).and_then(|a| a.get("enabled"));
    if b.enable_admin_container.is_some() && admin.is_some() {
        v.err_hint(
            format!("{p}.enableAdminContainer"),
            "cannot be set with `settings.host-containers.admin.enabled`",
            "keep one of them",
        );
    }
    toml_values(v, &settings_path, &serde_json::Value::Object(settings.clone()));
}

/// Refuse what TOML cannot hold (`null`) anywhere under `path`.
fn toml_values(v: &mut V, path: &str, value: &serde_json::Value) {
    match value {
        serde_json::Value::Null => v.err_hint(
            path,
            "is empty (null), which Bottlerocket's TOML settings cannot hold",
            "give it a value, or remove it",
        ),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                toml_values(v, &format!("{path}[{i}]"), item);
            }
        }
        serde_json::Value::Object(map) => {
            for (key, item) in map {
                toml_values(v, &format!("{path}.{key}"), item);
            }
        }
        _ => {}
    }
}

/// Cluster Autoscaler's tags on a group's Auto Scaling group: with `withAddonPolicies.autoScaler`
/// (self-managed) two for discovery, and with it or `propagateASGTags` a template per label and
/// per taint (for scaling from zero). With the group's tags (the cluster's `metadata.tags` are
/// among them once defaulted) and eksup's own (EKS's on a managed group's) they must fit in AWS's
/// 50, as eksctl checks (`MaximumTagNumber`).
fn autoscaler_tag_rules(v: &mut V, ng: &NgView<'_>, managed: bool) {
    let discovery = !managed
        && ng.iam.and_then(|i| i.with_addon_policies.as_ref()).is_some_and(|a| a.auto_scaler == Some(true));
    if !discovery && !ng.propagate_asg_tags {
        return;
    }
    let templates = ng.labels.map_or(0, |l| l.len()) + ng.taints.len();
    let own = if managed { EKS_ASG_TAGS } else { OWN_TAGS + if discovery { 2 } else { 0 } };
    let total = own + ng.tags.map_or(0, |t| t.len()) + templates;
    if total > AWS_MAX_TAGS {
        let (field, whose) = match (ng.propagate_asg_tags, managed) {
            (true, true) => ("propagateASGTags", "EKS's"),
            (true, false) => ("propagateASGTags", "eksup's"),
            (false, _) => ("iam.withAddonPolicies.autoScaler", "eksup's"),
        };
        v.err_hint(
            format!("{}.{field}", ng.path),
            format!(
                "the Auto Scaling group would carry `{total}` tags (`{templates}` for Cluster Autoscaler's templates, one per label and per taint, beside the group's tags and `{own}` of {whose}), but AWS allows `{AWS_MAX_TAGS}`"
            ),
            "use fewer labels, taints or tags on this node group, or fewer `metadata.tags`",
        );
    }
}

/// `instancePrefix` and `instanceName`: the instances' `Name` tag, `<prefix>-<name>`, must fit
/// in a tag value.
fn instance_name_rules(v: &mut V, ng: &NgView<'_>, cluster: &str) {
    if ng.instance_name.is_none() && ng.instance_prefix.is_none() {
        return;
    }
    let group = ng.name.unwrap_or_default();
    let name = ng.instance_name.map_or_else(|| format!("{cluster}-{group}-Node"), str::to_string);
    let full = ng.instance_prefix.map_or_else(|| name.clone(), |p| format!("{p}-{name}"));
    let length = full.chars().count();
    if length > MAX_TAG_VALUE {
        let field = if ng.instance_prefix.is_some() { "instancePrefix" } else { "instanceName" };
        v.err_hint(
            format!("{}.{field}", ng.path),
            format!(
                "makes the instances' `Name` tag `{length}` characters long, but EC2 takes at most `{MAX_TAG_VALUE}`"
            ),
            "shorten `instancePrefix` or `instanceName`",
        );
    }
}

/// The rules only self-managed node groups (`nodeGroups`) have; each group's view and instance
/// type are added for the rules common to both kinds.
fn self_managed_rules<'a>(
    v: &mut V,
    cfg: &'a ClusterConfig,
    views: &mut Vec<(NgView<'a>, bool)>,
    instance_types: &mut Vec<(String, &'a str)>,
) {
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        let p = format!("nodeGroups[{i}]");
        match (&ng.instance_type, &ng.instances_distribution) {
            (Some(t), Some(_)) if t != "mixed" => v.err_hint(
                format!("{p}.instanceType"),
                "should be `mixed` or unset with `instancesDistribution`",
                "list every type in `instancesDistribution.instanceTypes`",
            ),
            // `mixed` for the types an instance selector is to give
            (Some(t), None)
                if t == "mixed" && super::instance_selector::active(ng.instance_selector.as_ref()) => {}
            (Some(t), None) => instance_types.push((format!("{p}.instanceType"), t)),
            _ => {}
        }
        if let Some(d) = &ng.instances_distribution {
            let selected = super::instance_selector::active(ng.instance_selector.as_ref());
            distribution_rules(v, &p, d, instance_types, selected);
        }
        views.push((
            ng_view!(p.clone(), ng, ng.taints.as_ref().map(Taints::to_list).unwrap_or_default()),
            false,
        ));
        if let Some(l) = ng.max_instance_lifetime
            && l < 86_400
        {
            v.err(format!("{p}.maxInstanceLifetime"), "must be at least 86400 seconds (one day)");
        }
        if let Some(ids) = ng.iam.as_ref().and_then(|iam| iam.instance_profile_arn.as_ref()) {
            v.arn(&format!("{p}.iam.instanceProfileARN"), ids);
        }
        for (j, m) in ng.asg_metrics_collection.iter().flatten().enumerate() {
            v.one_of(&format!("{p}.asgMetricsCollection[{j}].granularity"), &m.granularity, &["1Minute"]);
            for (k, name) in m.metrics.iter().flatten().enumerate() {
                v.one_of(&format!("{p}.asgMetricsCollection[{j}].metrics[{k}]"), name, ASG_METRICS);
            }
        }
    }
}

/// The Spot allocation strategies of an Auto Scaling mixed instances policy.
pub(super) const SPOT_ALLOCATION_STRATEGIES: &[&str] =
    &["lowest-price", "capacity-optimized", "capacity-optimized-prioritized", "price-capacity-optimized"];

/// `instancesDistribution`: eksctl's rules, which are Auto Scaling's (1 to 20 types, ranges, pools
/// only with `lowest-price`).
fn distribution_rules<'a>(
    v: &mut V,
    p: &str,
    d: &'a NodeGroupInstancesDistribution,
    instance_types: &mut Vec<(String, &'a str)>,
    selected: bool,
) {
    let p = format!("{p}.instancesDistribution");
    let types = d.instance_types.as_deref().unwrap_or_default();
    if types.is_empty() && !selected {
        v.err_hint(
            format!("{p}.instanceTypes"),
            "must list at least one instance type",
            "list the types, like `[m5.large, m5a.large]`",
        );
    }
    let unique: std::collections::BTreeSet<&String> = types.iter().collect();
    // eksctl's limit for types named by hand (an instance selector may give up to 40).
    if unique.len() > 20 && !selected {
        v.err(
            format!("{p}.instanceTypes"),
            "holds at most 20 instance types (eksctl's limit for types named by hand)",
        );
    }
    for (j, t) in types.iter().enumerate() {
        instance_types.push((format!("{p}.instanceTypes[{j}]"), t));
    }
    if d.on_demand_base_capacity.is_some_and(|b| b < 0) {
        v.err(format!("{p}.onDemandBaseCapacity"), "must be 0 or more");
    }
    if d.on_demand_percentage_above_base_capacity.is_some_and(|x| !(0..=100).contains(&x)) {
        v.err(format!("{p}.onDemandPercentageAboveBaseCapacity"), "must be 0 to 100");
    }
    if d.spot_instance_pools.is_some_and(|x| !(1..=20).contains(&x)) {
        v.err(format!("{p}.spotInstancePools"), "must be 1 to 20");
    }
    if d.max_price.is_some_and(|x| x <= 0.0) {
        v.err(format!("{p}.maxPrice"), "must be more than 0");
    }
    if let Some(strategy) = &d.spot_allocation_strategy
        && v.one_of(&format!("{p}.spotAllocationStrategy"), strategy, SPOT_ALLOCATION_STRATEGIES)
        && strategy != "lowest-price"
        && d.spot_instance_pools.is_some()
    {
        v.err_hint(
            format!("{p}.spotInstancePools"),
            format!("cannot be set with `spotAllocationStrategy: {strategy}`"),
            "remove `spotInstancePools`: only `lowest-price` spreads over a number of pools",
        );
    }
}

/// The rules only managed node groups (`managedNodeGroups`) have; each group's view and instance
/// types are added for the rules common to both kinds.
fn managed_rules<'a>(
    v: &mut V,
    cfg: &'a ClusterConfig,
    views: &mut Vec<(NgView<'a>, bool)>,
    instance_types: &mut Vec<(String, &'a str)>,
) {
    for (i, ng) in cfg.managed_node_groups.iter().flatten().enumerate() {
        let p = format!("managedNodeGroups[{i}]");
        if let Some(t) = &ng.instance_type {
            instance_types.push((format!("{p}.instanceType"), t));
        }
        for (j, t) in ng.instance_types.iter().flatten().enumerate() {
            instance_types.push((format!("{p}.instanceTypes[{j}]"), t));
        }
        views.push((ng_view!(p.clone(), ng, ng.taints.clone().unwrap_or_default()), true));
        if let Some(r) = &ng.node_repair_config {
            node_repair_rules(v, &p, r);
        }
        if ng.instance_type.is_some() && ng.instance_types.as_ref().is_some_and(|t| !t.is_empty()) {
            v.err_hint(
                format!("{p}.instanceTypes"),
                "instanceType and instanceTypes cannot be set at the same time",
                "keep `instanceTypes` for several types",
            );
        }
        if let Some(sgs) = &ng.security_groups
            && (sgs.with_local.is_some() || sgs.with_shared.is_some())
        {
            v.err(
                format!("{p}.securityGroups"),
                "withLocal and withShared are not supported for managed node groups",
            );
        }
        if ng.iam.as_ref().and_then(|i| i.instance_profile_arn.as_ref()).is_some() {
            v.err(format!("{p}.iam.instanceProfileARN"), "is not supported for managed node groups");
        }
        launch_template_rules(v, &p, ng);
        if ng.ami.as_deref().is_some_and(|a| a.starts_with("ami-")) && ng.release_version.is_some() {
            v.err_hint(
                format!("{p}.releaseVersion"),
                "cannot be set with a custom AMI: EKS takes release versions of its own AMIs only",
                "remove `releaseVersion`, or `ami` to run EKS's AMI of that release",
            );
        }
    }
}

/// A managed node group's launch template, if it has one: the template's id, and the fields
/// the template sets instead.
fn launch_template_rules(v: &mut V, p: &str, ng: &ManagedNodeGroup) {
    let Some(lt) = &ng.launch_template else { return };
    if lt.id.as_deref().is_none_or(|id| !id.starts_with("lt-")) {
        v.err(format!("{p}.launchTemplate.id"), "must be a launch template id (`lt-...`)");
    }
    let forbidden = [
        ("instanceType", ng.instance_type.is_some()),
        ("ami", ng.ami.is_some()),
        ("ssh", ng.ssh.is_some()),
        ("volumeSize", ng.volume_size.is_some()),
        ("volumeType", ng.volume_type.is_some()),
        ("preBootstrapCommands", ng.pre_bootstrap_commands.is_some()),
        ("maxPodsPerNode", ng.max_pods_per_node.is_some()),
        ("disableIMDSv1", ng.disable_imdsv1.is_some()),
        ("volumeName", ng.volume_name.is_some()),
        ("additionalVolumes", ng.additional_volumes.is_some()),
        ("placement", ng.placement.is_some()),
        ("ebsOptimized", ng.ebs_optimized.is_some()),
        ("enableDetailedMonitoring", ng.enable_detailed_monitoring.is_some()),
        ("capacityReservation", ng.capacity_reservation.is_some()),
        ("instanceMarketOptions", ng.instance_market_options.is_some()),
        // The instances' `Name` goes in eksup's launch template (eksctl refuses them too).
        ("instanceName", ng.instance_name.is_some()),
        ("instancePrefix", ng.instance_prefix.is_some()),
        // Its user data would go in eksup's launch template, which there is none of.
        ("bottlerocket", ng.bottlerocket.is_some()),
    ];
    for (field, set) in forbidden {
        if set {
            v.err(
                format!("{p}.{field}"),
                "cannot be set in a managed node group when a launch template is supplied",
            );
        }
    }
}

/// A node group's name: set, valid, and unique across both kinds (`names` maps each name seen
/// to the path of its group).
fn name_rules(v: &mut V, ng: &NgView<'_>, names: &mut BTreeMap<String, String>) {
    let p = &ng.path;
    match ng.name {
        None | Some("") => v.err(format!("{p}.name"), "must be set"),
        Some(n) => {
            if !valid_nodegroup_name(n) {
                v.err_hint(
                    format!("{p}.name"),
                    format!("`{n}` is not a valid node group name"),
                    "node group names hold up to 63 letters, digits, `-` and `_`",
                );
            }
            if let Some(first) = names.insert(n.to_string(), p.clone()) {
                v.err_hint(format!("{p}.name"), format!("`{n}` is not unique"), format!("`{first}` has the same name: node group names are unique across nodeGroups and managedNodeGroups"));
            }
        }
    }
}

/// `amiFamily` (known, built, and fit for the Kubernetes version) and `ami`.
fn ami_rules(v: &mut V, ng: &NgView<'_>, minor_version: Option<u32>) {
    let p = &ng.path;
    if let Some(f) = ng.ami_family {
        if v.one_of(&format!("{p}.amiFamily"), f, AMI_FAMILIES)
            && f == "AmazonLinux2"
            && minor_version.is_some_and(|m| m >= 33)
        {
            v.err_hint(
                format!("{p}.amiFamily"),
                "AmazonLinux2 is not supported for Kubernetes 1.33 and later",
                "use `AmazonLinux2023`",
            );
        } else if let Some((min, max)) = rules::ubuntu_minors(f)
            && let Some(m) = minor_version
            && (m < min || max.is_some_and(|max| m > max))
        {
            ubuntu_version_error(v, &format!("{p}.amiFamily"), f, m, (min, max));
        } else if let Some((year, edition)) = rules::windows(f)
            && year == "2025"
            && minor_version.is_some_and(|m| m < 35)
        {
            // eksctl's `ssm_resolver.go`: the first EKS-optimized Windows Server 2025 images are 1.35's.
            v.err_hint(
                format!("{p}.amiFamily"),
                format!("Windows Server 2025 {edition} requires EKS version 1.35 and above"),
                "set `metadata.version: \"1.35\"`, or use `WindowsServer2022CoreContainer`",
            );
        }
    }
    if let Some(ami) = ng.ami {
        if ami.starts_with("ami-") {
            if ng.ami_family.is_none() {
                v.err(
                    format!("{p}.amiFamily"),
                    "when using a custom AMI, amiFamily needs to be explicitly set",
                );
            }
        } else if ami != "auto" && ami != "auto-ssm" {
            v.err_hint(
                format!("{p}.ami"),
                format!("`{ami}` is not an AMI id"),
                "use `ami-...`, `auto` or `auto-ssm`",
            );
        }
    }
}

/// An Ubuntu family on a Kubernetes minor Canonical publishes no EKS image of it for (eksctl's
/// `validateVersionForUbuntu`): which minors it has, and what to use instead.
fn ubuntu_version_error(v: &mut V, path: &str, family: &str, minor: u32, (min, max): (u32, Option<u32>)) {
    let range = match max {
        Some(max) => format!("Kubernetes 1.{min} to 1.{max}"),
        None => format!("Kubernetes 1.{min} and later"),
    };
    let pro = if family.starts_with("UbuntuPro") { "UbuntuPro" } else { "Ubuntu" };
    let first = if pro == "UbuntuPro" { "1.27" } else { "1.21" };
    let releases = format!(
        "use the release Canonical publishes for your version (`{pro}2004`: {first} to 1.29, `{pro}2204`: 1.29 and later, `{pro}2404`: 1.31 and later, `{pro}2604`: 1.35 and later)"
    );
    let hint = if max.is_some_and(|max| minor > max) {
        releases
    } else {
        format!("set `metadata.version` to 1.{min} or later, or {releases}")
    };
    v.err_hint(path, format!("`{family}` requires {range}, not 1.{minor}"), hint);
}

/// `minSize`, `maxSize` and `desiredCapacity`: each in range, and together in order.
fn size_rules(v: &mut V, ng: &NgView<'_>, managed: bool) {
    let p = &ng.path;
    for (field, value) in [("minSize", ng.min), ("maxSize", ng.max), ("desiredCapacity", ng.desired)] {
        if value.is_some_and(|x| x < 0) {
            v.err(format!("{p}.{field}"), "cannot be negative");
        }
        // AWS takes counts as 32-bit integers.
        if let Some(x) = value.filter(|x| i32::try_from(*x).is_err() && *x > 0) {
            v.err(format!("{p}.{field}"), format!("`{x}` is more than AWS accepts (at most `{}`)", i32::MAX));
        }
    }
    if let Some(problem) = rules::sizes(ng.min, ng.desired, ng.max) {
        v.err_hint(format!("{p}.{}", problem.field()), problem.to_string(), rules::SIZES_HINT);
    }
    if managed && ng.max == Some(0) {
        v.err(format!("{p}.maxSize"), "must be at least 1 for a managed node group");
    }
}

/// The nodes' root volume: size, type (with its IOPS and throughput) and encryption key.
fn root_volume_rules(v: &mut V, ng: &NgView<'_>) {
    let p = &ng.path;
    if ng.volume_size.is_some_and(|s| s < 1) {
        v.err(format!("{p}.volumeSize"), "must be at least 1 GiB");
    }
    // EBS: 64 TiB for io2, 16 TiB for the other types.
    let largest = if ng.volume_type == Some("io2") { 65_536 } else { 16_384 };
    if let Some(size) = ng.volume_size.filter(|s| *s > largest) {
        v.err_hint(
            format!("{p}.volumeSize"),
            format!("`{size}` GiB is more than EBS allows for this volume type (at most `{largest}`)"),
            "attach more volumes, or use `io2` for up to 64 TiB",
        );
    }
    if let Some(t) = ng.volume_type
        && v.one_of(&format!("{p}.volumeType"), t, VOLUME_TYPES)
    {
        volume_rules(v, p, t, ng.iops, ng.throughput);
    }
    if ng.kms.is_some() && ng.encrypted != Some(true) {
        v.err_hint(format!("{p}.volumeKmsKeyID"), "needs volumeEncrypted", "set `volumeEncrypted: true`");
    }
}

/// Labels (no reserved prefix) and taints (a key and a known effect).
fn label_and_taint_rules(v: &mut V, ng: &NgView<'_>) {
    let p = &ng.path;
    for key in ng.labels.into_iter().flat_map(|l| l.keys()) {
        if reserved_label(key) {
            v.err_hint(
                format!("{p}.labels[{key:?}]"),
                format!("label `{key}` has a reserved prefix"),
                "labels under `kubernetes.io/` and `k8s.io/` are reserved; use your own prefix",
            );
        }
    }
    for (j, t) in ng.taints.iter().enumerate() {
        let tp = format!("{p}.taints[{j}]");
        if t.key.as_deref().is_none_or(str::is_empty) {
            v.err(format!("{tp}.key"), "must be set");
        }
        match t.effect.as_deref() {
            None | Some("") => v.err_hint(
                format!("{tp}.effect"),
                "must be set",
                "use `NoSchedule`, `PreferNoSchedule` or `NoExecute`",
            ),
            Some(e) => {
                v.one_of(&format!("{tp}.effect"), e, TAINT_EFFECTS);
            }
        }
    }
}

/// `maxPodsPerNode`: at least 1, and what a kubelet accepts.
fn max_pods_rules(v: &mut V, ng: &NgView<'_>) {
    let p = &ng.path;
    if ng.max_pods.is_some_and(|m| m < 1) {
        v.err(format!("{p}.maxPodsPerNode"), "must be at least 1");
    }
    if let Some(m) = ng.max_pods.filter(|m| i32::try_from(*m).is_err() && *m > 0) {
        v.err(
            format!("{p}.maxPodsPerNode"),
            format!("`{m}` is more than a kubelet accepts (at most `{}`)", i32::MAX),
        );
    }
}

/// `nodeRepairConfig` as EKS checks it: each threshold a count or a percentage, counts from 1,
/// percentages 1 to 100, and overrides with all four fields and one of EKS's actions.
fn node_repair_rules(v: &mut V, p: &str, r: &NodeRepairConfig) {
    let p = format!("{p}.nodeRepairConfig");
    for (count, percentage, what) in [
        (
            r.max_unhealthy_node_threshold_count,
            r.max_unhealthy_node_threshold_percentage,
            "maxUnhealthyNodeThreshold",
        ),
        (
            r.max_parallel_nodes_repaired_count,
            r.max_parallel_nodes_repaired_percentage,
            "maxParallelNodesRepaired",
        ),
    ] {
        if count.is_some() && percentage.is_some() {
            v.err_hint(
                format!("{p}.{what}Percentage"),
                format!("`{what}Count` and `{what}Percentage` cannot both be set"),
                "keep one of them",
            );
        }
        if count.is_some_and(|c| c < 1) {
            v.err(format!("{p}.{what}Count"), "must be at least 1");
        }
        if percentage.is_some_and(|x| !(1..=100).contains(&x)) {
            v.err(format!("{p}.{what}Percentage"), "must be 1 to 100");
        }
    }
    for (i, o) in r.node_repair_config_overrides.iter().flatten().enumerate() {
        let q = format!("{p}.nodeRepairConfigOverrides[{i}]");
        for (set, field) in [
            (o.node_monitoring_condition.is_some(), "nodeMonitoringCondition"),
            (o.node_unhealthy_reason.is_some(), "nodeUnhealthyReason"),
            (o.min_repair_wait_time_mins.is_some(), "minRepairWaitTimeMins"),
            (o.repair_action.is_some(), "repairAction"),
        ] {
            if !set {
                v.err(format!("{q}.{field}"), "must be set: EKS needs all four fields of an override");
            }
        }
        if o.min_repair_wait_time_mins.is_some_and(|m| m < 1) {
            v.err(format!("{q}.minRepairWaitTimeMins"), "must be at least 1");
        }
        if let Some(action) = &o.repair_action
            && !REPAIR_ACTIONS.contains(&action.as_str())
        {
            // eksctl's example 44 uses names EKS does not take.
            let instead = match action.as_str() {
                "Terminate" => Some("Replace"),
                "Restart" => Some("Reboot"),
                _ => None,
            };
            let list = REPAIR_ACTIONS.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
            let mut d =
                Diagnostic::error(format!("{q}.repairAction"), format!("`{action}` is not one of {list}"));
            if let Some(i) = instead {
                d = d.with_hint(format!("use `{i}`: EKS's name for this action"));
            }
            v.out.push(d);
        }
    }
}

/// The repair actions EKS takes (RepairAction).
pub(super) const REPAIR_ACTIONS: &[&str] = &["Replace", "Reboot", "NoAction"];

/// `updateConfig`: one of its two limits, a percentage in range; managed node groups only.
fn update_config_rules(v: &mut V, ng: &NgView<'_>, managed: bool) {
    let p = &ng.path;
    let Some(u) = ng.update else { return };
    if u.max_unavailable.is_some() && u.max_unavailable_percentage.is_some() {
        v.err(format!("{p}.updateConfig"), "set only one of maxUnavailable and maxUnavailablePercentage");
    }
    if u.max_unavailable_percentage.is_some_and(|x| !(1..=100).contains(&x)) {
        v.err(format!("{p}.updateConfig.maxUnavailablePercentage"), "must be 1 to 100");
    }
    if !managed {
        v.later(format!("{p}.updateConfig"), "(rolling updates of self-managed node groups)");
    }
}

/// The nodes' IAM role: its ARNs, its name's length, its inline policy, and what a role of the
/// user's own (`instanceRoleARN`) or `disablePodIMDS` would leave without effect.
fn node_iam_rules(v: &mut V, ng: &NgView<'_>) {
    let p = &ng.path;
    let Some(iam) = ng.iam else { return };
    if let Some(a) = &iam.instance_role_arn {
        v.arn(&format!("{p}.iam.instanceRoleARN"), a);
    }
    if let Some(a) = &iam.instance_role_permissions_boundary {
        v.arn(&format!("{p}.iam.instanceRolePermissionsBoundary"), a);
    }
    for (j, a) in iam.attach_policy_arns.iter().flatten().enumerate() {
        v.arn(&format!("{p}.iam.attachPolicyARNs[{j}]"), a);
    }
    if let Some(n) = &iam.instance_role_name
        && n.len() > 64
    {
        v.err(format!("{p}.iam.instanceRoleName"), "is longer than 64 characters");
    }
    if let Some(document) = &iam.attach_policy
        && !document.is_object()
    {
        v.err(format!("{p}.iam.attachPolicy"), "must be an IAM policy document (a map with `Statement`)");
    }
    let flags = iam.with_addon_policies.as_ref().map(NodeGroupIAMAddonPolicies::enabled).unwrap_or_default();
    if iam.instance_role_arn.is_some() {
        let mut own: Vec<String> = [
            (iam.instance_role_name.is_some(), "instanceRoleName"),
            (iam.attach_policy.is_some(), "attachPolicy"),
            (iam.attach_policy_arns.as_ref().is_some_and(|a| !a.is_empty()), "attachPolicyARNs"),
            (iam.instance_role_permissions_boundary.is_some(), "instanceRolePermissionsBoundary"),
        ]
        .into_iter()
        .filter(|(set, _)| *set)
        .map(|(_, f)| f.to_string())
        .collect();
        own.extend(flags.iter().map(|f| format!("withAddonPolicies.{f}")));
        for field in own {
            v.err_hint(
                format!("{p}.iam.{field}"),
                "would not apply: `instanceRoleARN` is a role of your own and eksup does not change it",
                "drop `instanceRoleARN` to have eksup make the node role, or give your role these permissions",
            );
        }
    }
    if ng.disable_pod_imds == Some(true) {
        for f in &flags {
            v.err_hint(
                format!("{p}.iam.withAddonPolicies.{f}"),
                "gives the node role permissions that no pod could use: `disablePodIMDS` blocks pods from the node's credentials",
                "give the add-on its own role in `iam.serviceAccounts` (`wellKnownPolicies`), or drop `disablePodIMDS`",
            );
        }
    }
    if flags.contains(&"albIngress") && flags.contains(&"awsLoadBalancerController") {
        v.err_hint(
            format!("{p}.iam.withAddonPolicies.albIngress"),
            "`albIngress` and `awsLoadBalancerController` grant the same policy",
            "keep `awsLoadBalancerController`: `albIngress` is its old name",
        );
    }
}

/// What EC2's ImportKeyPair takes, in a hint.
pub(super) const PUBLIC_KEY_HINT: &str =
    "give an OpenSSH public key (`ssh-rsa AAAA...` or `ssh-ed25519 AAAA...`), the `.pub` file's line";

/// Why `key` is not a public key EC2 imports (ImportKeyPair: RSA or ED25519, in OpenSSH's
/// format; EC2 checks an RSA key's size), if it is not. Only a key type is echoed, never the
/// text of some other file.
pub(super) fn public_key_problem(key: &str) -> Result<(), String> {
    use base64::Engine as _;
    if key.contains("PRIVATE KEY") {
        return Err("is a private key: give the public one (the `.pub` file)".into());
    }
    if key.starts_with("---- BEGIN SSH2 PUBLIC KEY") {
        return Err("is in RFC 4716 format: convert it with `ssh-keygen -i -f <file>`".into());
    }
    let mut parts = key.split_whitespace();
    let (Some(kind), Some(blob)) = (parts.next(), parts.next()) else {
        return Err("is not an OpenSSH public key".into());
    };
    let key_like = ["ssh-", "ecdsa-", "sk-"].iter().any(|p| kind.starts_with(p)) && kind.len() < 40;
    if !key_like {
        return Err("is not an OpenSSH public key".into());
    }
    if !matches!(kind, "ssh-rsa" | "ssh-ed25519") {
        return Err(format!("`{kind}` keys cannot be imported into EC2, which takes RSA and ED25519 keys"));
    }
    match base64::engine::general_purpose::STANDARD.decode(blob) {
        Ok(bytes) if bytes.len() > 4 + kind.len() && &bytes[4..4 + kind.len()] == kind.as_bytes() => Ok(()),
        _ => Err(format!("is not a valid `{kind}` public key")),
    }
}

/// `ssh`: SSM stays on (eksctl's rules: `enableSsm` is deprecated, and refused on a managed
/// group's custom AMI); access without a key name is not built yet.
fn ssh_rules(v: &mut V, ng: &NgView<'_>, managed: bool) {
    let p = &ng.path;
    let Some(ssh) = ng.ssh else { return };
    match ssh.enable_ssm {
        Some(false) => {
            v.err(format!("{p}.ssh.enableSsm"), "SSM is always enabled on nodes and cannot be turned off");
        }
        Some(true) if managed && ng.ami.is_some_and(|a| a.starts_with("ami-")) => v.err_hint(
            format!("{p}.ssh.enableSsm"),
            "is not supported when using a custom AMI (`ami`), as with eksctl",
            "remove it: the node role has AmazonSSMManagedInstanceCore, and the image must run the SSM agent itself",
        ),
        Some(true) => v.out.push(
            Diagnostic::warning(format!("{p}.ssh.enableSsm"), "is deprecated: SSM is enabled on every node")
                .with_hint("remove it (the node role eksup makes has AmazonSSMManagedInstanceCore unless `iam.attachPolicyARNs` replaces its policies)"),
        ),
        None => {}
    }
    let given: Vec<&str> = [
        ("publicKeyName", ssh.public_key_name.is_some()),
        ("publicKeyPath", ssh.public_key_path.is_some()),
        ("publicKey", ssh.public_key.is_some()),
    ]
    .into_iter()
    .filter_map(|(f, set)| set.then_some(f))
    .collect();
    if given.len() > 1 {
        v.err_hint(
            format!("{p}.ssh.{}", given[1]),
            format!("only one of `{}` can be set", given.join("`, `")),
            "name an EC2 key pair, or give the public key to import, not both",
        );
    }
    if let Some(key) = &ssh.public_key
        && let Err(why) = public_key_problem(key)
    {
        v.err_hint(format!("{p}.ssh.publicKey"), why, PUBLIC_KEY_HINT);
    }
}

fn volume_rules(v: &mut V, p: &str, kind: &str, iops: Option<i64>, throughput: Option<i64>) {
    let range = match kind {
        "gp3" => Some((3000, 16_000)),
        "io1" => Some((100, 64_000)),
        "io2" => Some((100, 256_000)),
        _ => None,
    };
    match (range, iops) {
        (Some((lo, hi)), Some(i)) if !(lo..=hi).contains(&i) => {
            v.err(format!("{p}.volumeIOPS"), format!("`{i}` is out of range for {kind}: {lo} to {hi}"));
        }
        (None, Some(_)) => v.err(
            format!("{p}.volumeIOPS"),
            format!("can only be set for gp3, io1 and io2 volumes, not {kind}"),
        ),
        _ => {}
    }
    match (kind, throughput) {
        ("gp3", Some(t)) if !(125..=1000).contains(&t) => {
            v.err(format!("{p}.volumeThroughput"), format!("`{t}` is out of range for gp3: 125 to 1000"));
        }
        (k, Some(_)) if k != "gp3" => {
            v.err(format!("{p}.volumeThroughput"), "can only be set for gp3 volumes")
        }
        _ => {}
    }
}

fn fargate_rules(v: &mut V, cfg: &ClusterConfig) {
    let mut seen = HashSet::new();
    for (i, fp) in cfg.fargate_profiles.iter().flatten().enumerate() {
        let p = format!("fargateProfiles[{i}]");
        v.part_tags(&format!("{p}.tags"), fp.tags.as_ref(), cfg.metadata.tags.as_ref());
        match fp.name.as_deref() {
            None | Some("") => v.err(format!("{p}.name"), "must be set"),
            Some(n) => {
                if n.starts_with("eks-") {
                    v.err_hint(
                        format!("{p}.name"),
                        "cannot start with `eks-`",
                        "the `eks-` prefix is reserved by AWS",
                    );
                }
                if !seen.insert(n) {
                    v.err(format!("{p}.name"), format!("`{n}` is not unique"));
                }
            }
        }
        let selectors = fp.selectors.as_deref().unwrap_or_default();
        if selectors.is_empty() {
            v.err_hint(
                format!("{p}.selectors"),
                "at least one selector is required",
                "add `- namespace: default`",
            );
        }
        if selectors.len() > 5 {
            v.err(format!("{p}.selectors"), "at most 5 selectors are allowed");
        }
        for (j, s) in selectors.iter().enumerate() {
            if s.namespace.as_deref().is_none_or(str::is_empty) {
                v.err(format!("{p}.selectors[{j}].namespace"), "must be set");
            }
            if s.labels.as_ref().is_some_and(|l| l.len() > 5) {
                v.err(format!("{p}.selectors[{j}].labels"), "at most 5 labels are allowed");
            }
        }
        if let Some(a) = &fp.pod_execution_role_arn {
            v.arn(&format!("{p}.podExecutionRoleARN"), a);
        }
    }
}

fn addon_rules(v: &mut V, cfg: &ClusterConfig) {
    let mut seen = HashSet::new();
    let mut role_names = HashSet::new();
    let auto_apply =
        cfg.addons_config.as_ref().and_then(|c| c.auto_apply_pod_identity_associations) == Some(true);
    if auto_apply && !has_pod_identity_agent(cfg) {
        v.err_hint(
            "addonsConfig.autoApplyPodIdentityAssociations",
            "the `eks-pod-identity-agent` addon must be installed to use pod identity associations",
            "add `- name: eks-pod-identity-agent` under `addons`",
        );
    }
    for (i, a) in cfg.addons.iter().flatten().enumerate() {
        let p = format!("addons[{i}]");
        match a.name.as_deref() {
            None | Some("") => v.err(format!("{p}.name"), "must be set"),
            Some(n) => {
                if !seen.insert(n) {
                    v.err(format!("{p}.name"), format!("`{n}` is listed twice"));
                }
            }
        }
        if let Some(r) = a.resolve_conflicts.as_deref() {
            v.one_of(&format!("{p}.resolveConflicts"), r, &["none", "overwrite", "preserve"]);
        }
        if let Some(r) = &a.service_account_role_arn {
            v.arn(&format!("{p}.serviceAccountRoleARN"), r);
        }
        addon_iam_rules(v, cfg, &p, a);
        addon_pod_identity_rules(v, cfg, &p, a, &mut role_names);
        if let Some(ns) = a.namespace_config.as_ref().and_then(|n| n.namespace.as_deref())
            && !kubernetes_name(ns, 63, false)
        {
            v.err_hint(
                format!("{p}.namespaceConfig.namespace"),
                format!("`{ns}` is not a valid Kubernetes namespace name (a DNS-1123 label: at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit)"),
                "use a name such as `monitoring`",
            );
        }
        for (key, values) in [("owners", &a.owners), ("publishers", &a.publishers), ("types", &a.types)] {
            if values.iter().flatten().any(|x| x.trim().is_empty()) {
                v.err(format!("{p}.{key}"), "has an empty entry");
            }
        }
        if let Some(c) = &a.configuration_values
            && serde_json::from_str::<serde_json::Value>(c).is_err()
            && super::yaml::parse(c).is_err()
        {
            v.err(format!("{p}.configurationValues"), "is neither JSON nor YAML");
        }
    }
}

/// Whether pods can use EKS Pod Identity: the agent add-on is listed, or Auto Mode runs it.
pub(super) fn has_pod_identity_agent(cfg: &ClusterConfig) -> bool {
    cfg.auto_mode_config.as_ref().is_some_and(|a| a.enabled == Some(true))
        || cfg.addons.iter().flatten().any(|a| a.name.as_deref() == Some("eks-pod-identity-agent"))
}

/// An add-on's pod identities (`podIdentityAssociations`, `useDefaultPodIdentityAssociations`):
/// eksctl's rules (not with IRSA, not for the agent itself, each entry as in
/// `iam.podIdentityAssociations`) and the agent they need.
fn addon_pod_identity_rules(
    v: &mut V,
    cfg: &ClusterConfig,
    p: &str,
    a: &Addon,
    role_names: &mut HashSet<String>,
) {
    let pias = a.pod_identity_associations.as_deref().unwrap_or_default();
    let name = a.name.as_deref().unwrap_or_default();
    let defaults = a.use_default_pod_identity_associations == Some(true);
    if pias.is_empty() && !defaults {
        return;
    }
    let path = if pias.is_empty() {
        format!("{p}.useDefaultPodIdentityAssociations")
    } else {
        format!("{p}.podIdentityAssociations")
    };
    let irsa = a.service_account_role_arn.is_some()
        || a.attach_policy_arns.as_ref().is_some_and(|x| !x.is_empty())
        || a.attach_policy.is_some()
        || a.well_known_policies.as_ref().is_some_and(super::resolved::any_well_known);
    if irsa {
        v.err_hint(
            &path,
            "cannot set IRSA config (`serviceAccountRoleARN`, `attachPolicyARNs`, `attachPolicy`, `wellKnownPolicies`) and pod identity associations at the same time",
            "keep one: pod identities (which need no OIDC provider) or the IRSA role",
        );
    }
    if name == "eks-pod-identity-agent" {
        v.err(&path, "cannot set pod identity associations for `eks-pod-identity-agent` addon");
        return;
    }
    if !has_pod_identity_agent(cfg) {
        v.err_hint(
            &path,
            "the `eks-pod-identity-agent` addon must be installed to use pod identity associations",
            "add `- name: eks-pod-identity-agent` under `addons`",
        );
    }
    if pias.is_empty() && super::resolved::recommended_pod_identities(name).is_none() {
        v.err_hint(
            &path,
            format!("eksup knows no pod identity AWS recommends for `{name}`"),
            "list the add-on's service accounts and their roles in its `podIdentityAssociations`",
        );
    }
    pod_identity_entries(v, &format!("{p}.podIdentityAssociations"), pias, role_names);
    // CreateAddon takes service accounts and roles only: EKS makes the associations in the
    // add-on's namespace.
    let home = a.namespace_config.as_ref().and_then(|n| n.namespace.as_deref()).unwrap_or("kube-system");
    for (j, pia) in pias.iter().enumerate() {
        if let Some(ns) = pia.namespace.as_deref().filter(|ns| !ns.is_empty() && *ns != home) {
            v.err_hint(
                format!("{p}.podIdentityAssociations[{j}].namespace"),
                format!("`{ns}` is not the add-on's namespace `{home}`: EKS makes an add-on's pod identity associations in the namespace it installs the add-on in"),
                format!("write `namespace: {home}`, or give the add-on `namespaceConfig: {{namespace: {ns}}}`"),
            );
        }
    }
}

/// An add-on's own role (`attachPolicyARNs`, `attachPolicy`, `wellKnownPolicies`): an IAM role
/// for its service account, so `iam.withOIDC`, a service account eksup knows (a role any account
/// of the cluster could take, as eksctl makes for others, is refused), and no role of the user's.
fn addon_iam_rules(v: &mut V, cfg: &ClusterConfig, p: &str, a: &Addon) {
    for (j, arn) in a.attach_policy_arns.iter().flatten().enumerate() {
        v.arn(&format!("{p}.attachPolicyARNs[{j}]"), arn);
    }
    if let Some(b) = &a.permissions_boundary {
        v.arn(&format!("{p}.permissionsBoundary"), b);
    }
    if a.attach_policy.as_ref().is_some_and(|d| !d.is_object()) {
        v.err(format!("{p}.attachPolicy"), "must be an IAM policy document (a map with `Statement`)");
    }
    let given: Vec<&str> = [
        ("attachPolicyARNs", a.attach_policy_arns.as_ref().is_some_and(|x| !x.is_empty())),
        ("attachPolicy", a.attach_policy.is_some()),
        ("wellKnownPolicies", a.well_known_policies.as_ref().is_some_and(super::resolved::any_well_known)),
    ]
    .into_iter()
    .filter_map(|(f, set)| set.then_some(f))
    .collect();
    let name = a.name.as_deref().unwrap_or_default();
    let with_oidc = cfg.iam.as_ref().and_then(|i| i.with_oidc) == Some(true);
    if given.is_empty()
        && a.service_account_role_arn.is_none()
        && !with_oidc
        && matches!(name, "aws-ebs-csi-driver" | "aws-efs-csi-driver")
    {
        v.out.push(
            Diagnostic::warning(
                format!("{p}.name"),
                format!("`{name}` gets no IAM permissions: its volumes will not be provisioned"),
            )
            .with_hint("set `iam.withOIDC: true` (eksup then makes its role), or give one with `serviceAccountRoleARN`"),
        );
    }
    let Some(first) = given.first() else { return };
    if a.service_account_role_arn.is_some() {
        v.err_hint(
            format!("{p}.{first}"),
            "would not apply: `serviceAccountRoleARN` is a role of your own and eksup does not change it",
            "drop `serviceAccountRoleARN` to have eksup make the role, or drop the policies",
        );
    } else if !with_oidc {
        v.err_hint(
            format!("{p}.{first}"),
            "needs `iam.withOIDC: true`: eksup gives an add-on's service account its role through the cluster's OIDC provider",
            "set `iam.withOIDC: true`, or give a role of your own with `serviceAccountRoleARN`",
        );
    } else if super::resolved::addon_service_account(name).is_none() {
        v.err_hint(
            format!("{p}.{first}"),
            format!("eksup does not know which service account `{name}` runs as, and a role any service account of the cluster could take is too broad"),
            "make the role with `iam.serviceAccounts` (`roleOnly: true`, the add-on's namespace and name) and give it with `serviceAccountRoleARN`",
        );
    }
}

/// ECR's repository name rule.
pub fn valid_repository_name(name: &str) -> bool {
    if name.len() < 2 || name.len() > 256 {
        return false;
    }
    name.split('/').all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
            && part.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && part.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
            && !part.contains("..")
            && !part.contains("--")
            && !part.contains("__")
    })
}

fn ecr_rules(v: &mut V, cfg: &ClusterConfig) {
    let mut seen = HashSet::new();
    for (i, r) in cfg.ecr.iter().flat_map(|e| e.repositories.iter().flatten()).enumerate() {
        let p = format!("ecr.repositories[{i}]");
        if let Some(n) = r.name.as_deref().filter(|n| !n.is_empty())
            && !seen.insert(n)
        {
            v.err(format!("{p}.name"), format!("`{n}` is listed twice"));
        }
        repository_rules(v, &p, r);
    }
}

/// The rules for one repository at `p`.
fn repository_rules(v: &mut V, p: &str, r: &EcrRepositoryConfig) {
    match r.name.as_deref() {
        None | Some("") => v.err(format!("{p}.name"), "must be set"),
        Some(n) => {
            if !valid_repository_name(n) {
                v.err_hint(format!("{p}.name"), format!("`{n}` is not a valid repository name"), "use 2-256 lowercase letters, digits and `.`, `_`, `-`, with `/` between parts, e.g. `team/app`");
            }
        }
    }
    if let Some(m) = r.image_tag_mutability.as_deref() {
        v.one_of(&format!("{p}.imageTagMutability"), m, &["MUTABLE", "IMMUTABLE"]);
    }
    if let Some(e) = &r.encryption {
        let t = e.encryption_type.as_deref().unwrap_or("AES256");
        if v.one_of(&format!("{p}.encryption.type"), t, &["AES256", "KMS"])
            && t == "AES256"
            && e.kms_key.is_some()
        {
            v.err_hint(
                format!("{p}.encryption.kmsKey"),
                "can only be set with `type: KMS`",
                "set `type: KMS` or remove `kmsKey`",
            );
        }
    }
    if let Some(l) = &r.lifecycle_policy {
        let structured = l.keep_last_images.is_some() || l.expire_untagged_after_days.is_some();
        if structured && l.raw.is_some() {
            v.err(
                format!("{p}.lifecyclePolicy"),
                "give either keepLastImages/expireUntaggedAfterDays or raw, not both",
            );
        }
        if l.keep_last_images.is_some_and(|n| n < 1) {
            v.err(format!("{p}.lifecyclePolicy.keepLastImages"), "must be at least 1");
        }
        if l.expire_untagged_after_days.is_some_and(|n| n < 1) {
            v.err(format!("{p}.lifecyclePolicy.expireUntaggedAfterDays"), "must be at least 1");
        }
        if let Some(raw) = &l.raw {
            let ok = serde_json::from_str::<serde_json::Value>(raw)
                .ok()
                .and_then(|d| d.get("rules").and_then(|r| r.as_array().map(|a| !a.is_empty())))
                .unwrap_or(false);
            if !ok {
                v.err_hint(
                    format!("{p}.lifecyclePolicy.raw"),
                    "must be a JSON lifecycle policy with a non-empty `rules` list",
                    "see the ECR lifecycle policy documentation for the rule shape",
                );
            }
        }
    }
    for (j, a) in r.pull_accounts.iter().flatten().enumerate() {
        if a.len() != 12 || !a.chars().all(|c| c.is_ascii_digit()) {
            v.err(format!("{p}.pullAccounts[{j}]"), format!("`{a}` is not a 12-digit AWS account id"));
        }
    }
}

/// Check one repository given outside a config file (`eksup create repository`).
pub fn validate_repository(path: &str, r: &EcrRepositoryConfig) -> Vec<Diagnostic> {
    let mut v = V { out: Vec::new() };
    repository_rules(&mut v, path, r);
    v.out
}

/// `remoteNetworkConfig.iam` with `provider: IRA` (IAM Roles Anywhere), as eksctl checks it: the
/// certificate authority of the hybrid machines is required, as a PEM certificate; with a role
/// of the user's (`roleARN`) eksup makes no trust anchor or profile, and says so.
fn roles_anywhere(v: &mut V, p: &str, iam: &RemoteNodesIAM) {
    const HINT: &str = "give the PEM certificate of the certificate authority that signs your hybrid machines' certificates, as a block: `caBundleCert: |` then the `-----BEGIN CERTIFICATE-----` lines";
    let Some(pem) = &iam.ca_bundle_cert else {
        v.err_hint(format!("{p}.iam.caBundleCert"), "is required with `provider: IRA`", HINT);
        return;
    };
    if let Err(why) = pem_certificates(pem) {
        v.err_hint(format!("{p}.iam.caBundleCert"), why, HINT);
        return;
    }
    if iam.role_arn.is_some() {
        v.out.push(
            Diagnostic::warning(
                format!("{p}.iam.caBundleCert"),
                "is not used: with `roleARN`, a role of your own, eksup makes no IAM Roles Anywhere trust anchor or profile",
            )
            .with_hint("set up IAM Roles Anywhere for that role yourself, or drop `roleARN` to have eksup make the role, trust anchor and profile"),
        );
    }
}

/// The certificates of a PEM bundle (each block's DER bytes), or why it is not one.
fn pem_certificates(pem: &str) -> Result<Vec<Vec<u8>>, String> {
    use base64::Engine as _;
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    let mut out = Vec::new();
    let mut rest = pem.trim();
    while !rest.is_empty() {
        let Some(body) = rest.strip_prefix(BEGIN) else {
            return Err(format!("is not a PEM certificate: expected `{BEGIN}`"));
        };
        let Some((body, after)) = body.split_once(END) else {
            return Err(format!("is not a PEM certificate: `{END}` is missing"));
        };
        let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        match base64::engine::general_purpose::STANDARD.decode(&b64) {
            // A DER certificate is a SEQUENCE.
            Ok(der) if der.first() == Some(&0x30) => out.push(der),
            _ => return Err("is not a PEM certificate: its body is not a base64 DER certificate".to_string()),
        }
        rest = after.trim();
    }
    if out.is_empty() {
        return Err(format!("is empty: expected a `{BEGIN}` block"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(valid_repository_name("team/app"));
        assert!(valid_repository_name("a.b_c-d"));
        assert!(!valid_repository_name("Team/App"));
        assert!(!valid_repository_name("a"));
        assert!(!valid_repository_name("team//app"));
        for t in ["m5.large", "c7gn.16xlarge", "u-6tb1.metal", "t4g.nano"] {
            assert!(valid_instance_type(t), "{t}");
        }
        for t in ["m5large", "M5.large", "m5.", ".large", "m5.lar ge"] {
            assert!(!valid_instance_type(t), "{t}");
        }
    }

    #[test]
    fn reserved_labels() {
        assert!(reserved_label("kubernetes.io/role"));
        assert!(reserved_label("foo.k8s.io/x"));
        assert!(!reserved_label("node.kubernetes.io/lifecycle"));
        assert!(!reserved_label("team/app"));
        assert!(!reserved_label("plain"));
    }
}
