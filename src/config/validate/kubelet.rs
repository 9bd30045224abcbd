//! A self-managed group's kubelet settings: `kubeletExtraConfig` (fields of kubelet's
//! `KubeletConfiguration`, merged into AmazonLinux2023's NodeConfig) and `clusterDNS`, with
//! eksctl's rules (the fields it will not let a file override; none on Bottlerocket or Windows)
//! and the value types kubelet needs to start.

use serde_json::Value;

use super::V;
use crate::config::types::ClusterConfig;

/// Fields eksctl refuses to let a file override, "as it's critical to eksctl functionality"
/// (`validateNodeGroupKubeletExtraConfig`): they would cut the node off from the cluster.
const CRITICAL: &[&str] = &[
    "kind",
    "apiVersion",
    "address",
    "clusterDomain",
    "authentication",
    "authorization",
    "serverTLSBootstrap",
];

/// `KubeletConfiguration` fields whose values are maps of strings (resource quantities,
/// thresholds) or of booleans (feature gates): kubelet does not start with another type.
const STRING_MAPS: &[&str] = &[
    "kubeReserved",
    "systemReserved",
    "evictionHard",
    "evictionSoft",
    "evictionSoftGracePeriod",
    "evictionMinimumReclaim",
];

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let ipv6 = cfg
        .kubernetes_network_config
        .as_ref()
        .and_then(|k| k.ip_family.as_deref())
        .is_some_and(|f| f.eq_ignore_ascii_case("ipv6"));
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        let p = format!("nodeGroups[{i}]");
        let family = ng.ami_family.as_deref().unwrap_or(crate::config::defaults::DEFAULT_AMI_FAMILY);
        if let Some(dns) = &ng.cluster_dns {
            match dns.parse::<std::net::IpAddr>() {
                Ok(ip) if ip.is_ipv6() != ipv6 => v.err_hint(
                    format!("{p}.clusterDNS"),
                    format!("`{dns}` is not an {} address, as the cluster's pods have", if ipv6 { "IPv6" } else { "IPv4" }),
                    "give the address of the DNS server pods should use, e.g. NodeLocal DNSCache's `169.254.20.10`",
                ),
                Ok(_) => {}
                Err(_) => v.err_hint(
                    format!("{p}.clusterDNS"),
                    format!("`{dns}` is not an IP address"),
                    "give the address of the DNS server pods should use, e.g. NodeLocal DNSCache's `169.254.20.10`",
                ),
            }
        }
        let Some(extra) = &ng.kubelet_extra_config else { continue };
        let path = format!("{p}.kubeletExtraConfig");
        if crate::config::rules::bottlerocket(family).is_some() {
            v.err_hint(
                &path,
                "is not supported for Bottlerocket, as with eksctl",
                "set kubelet's settings under `bottlerocket.settings.kubernetes` (e.g. `max-pods`, `kube-reserved`)",
            );
            continue;
        }
        if crate::config::rules::windows(family).is_some() {
            v.err_hint(&path, "is not supported for Windows nodes, as with eksctl", "remove it");
            continue;
        }
        if family == "AmazonLinux2" {
            v.err_hint(
                &path,
                "eksup merges it into AmazonLinux2023's node configuration (nodeadm), which AmazonLinux2 does not read",
                "use `amiFamily: AmazonLinux2023` (the default; EKS publishes AmazonLinux2 images only up to Kubernetes 1.32)",
            );
            continue;
        }
        if crate::config::rules::ubuntu(family).is_some() {
            v.err_hint(
                &path,
                format!("eksup merges it into AmazonLinux2023's node configuration (nodeadm), which `{family}` does not read"),
                "use `amiFamily: AmazonLinux2023` (the default), or remove it",
            );
            continue;
        }
        for (key, value) in extra {
            let at = format!("{path}.{key}");
            if CRITICAL.contains(&key.as_str()) {
                v.err_hint(
                    &at,
                    "cannot be overridden: the node needs eksup's to join the cluster",
                    "remove it",
                );
            } else if key == "clusterDNS" {
                v.err_hint(
                    &at,
                    "is the group's own field",
                    format!("write `clusterDNS` beside `kubeletExtraConfig` in `{p}`"),
                );
            } else if key == "maxPods" && ng.max_pods_per_node.is_some() {
                v.err_hint(&at, "is also set by `maxPodsPerNode`", "keep one of the two");
            } else if let Some(problem) = value_problem(key, value) {
                v.err_hint(
                    &at,
                    problem,
                    "kubelet does not start with it: see kubelet's `KubeletConfiguration` reference",
                );
            }
        }
    }
}

/// Why kubelet would not take `value` for `key`, for the fields whose type eksup knows.
fn value_problem(key: &str, value: &Value) -> Option<String> {
    if STRING_MAPS.contains(&key) {
        let Value::Object(map) = value else { return Some("must be a map of names to quantities".into()) };
        return map
            .iter()
            .find(|(_, v)| !v.is_string())
            .map(|(k, v)| format!("`{k}: {v}` must be a string (a quantity such as `500m` or `1Gi`)"));
    }
    if key == "featureGates" {
        let Value::Object(map) = value else {
            return Some("must be a map of feature names to `true`/`false`".into());
        };
        return map
            .iter()
            .find(|(_, v)| !v.is_boolean())
            .map(|(k, v)| format!("`{k}: {v}` must be `true` or `false`"));
    }
    if key == "maxPods" || key == "podsPerCore" {
        return value.as_i64().is_none_or(|n| n < 0).then(|| format!("`{value}` must be a whole number"));
    }
    None
}
