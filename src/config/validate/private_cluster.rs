//! `privateCluster.enabled`: a fully-private cluster, eksctl's rules (`ValidatePrivateCluster`,
//! the node group check in `validation.go`, the endpoint check in `cmdutils/configfile.go`, and
//! `eks-private-cluster.md`): only private subnets, private node groups said so explicitly, no
//! endpoint settings (the endpoint ends private-only), the optional endpoint services
//! eksctl knows. Read on the file as written (before defaults).
//!
//! Where eksup differs from eksctl it says so: eksctl lays out public subnets in the config it
//! prints and then does not create them, ignores `vpc.nat`, builds an `IPv6` private VPC
//! without telling the vpc-cni how to reach AWS over IPv6, and takes `skipEndpointCreation` for a
//! VPC it creates (with no endpoints, whose nodes never join); eksup refuses what it would not make.

use super::V;
use crate::config::resolved::{self, ipv6_cluster};
use crate::config::types::ClusterConfig;

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let Some(private) = cfg.private_cluster.as_ref().filter(|p| p.enabled == Some(true)) else {
        if let Some(p) = &cfg.private_cluster {
            let set = p.skip_endpoint_creation.is_some()
                || p.additional_endpoint_services.as_ref().is_some_and(|l| !l.is_empty());
            if set {
                v.err_hint(
                    "privateCluster",
                    "endpoint settings without `enabled: true`",
                    "set `privateCluster.enabled: true` for a fully-private cluster, or remove the section",
                );
            }
        }
        return;
    };
    let vpc = cfg.vpc.as_ref();
    if vpc.and_then(|x| x.cluster_endpoints.as_ref()).is_some() {
        v.err_hint(
            "vpc.clusterEndpoints",
            "cannot be set for a fully-private cluster (privateCluster.enabled): its endpoint ends private-only",
            "remove `vpc.clusterEndpoints`; eksup opens the public endpoint while it works and closes it at the end",
        );
    }
    let services = private.additional_endpoint_services.clone().unwrap_or_default();
    if !services.is_empty() && private.skip_endpoint_creation == Some(true) {
        v.err_hint(
            "privateCluster.additionalEndpointServices",
            "cannot be set when `privateCluster.skipEndpointCreation` is true",
            "remove one of them: with `skipEndpointCreation` eksup creates no endpoint",
        );
    }
    if private.skip_endpoint_creation == Some(true) && vpc.and_then(|x| x.id.as_ref()).is_none() {
        v.err_hint(
            "privateCluster.skipEndpointCreation",
            "needs your VPC (`vpc.id`) with its VPC endpoints made: a VPC eksup creates would have none, and its nodes could reach neither EC2, ECR nor STS",
            "set `vpc.id` and `vpc.subnets.private` to a VPC that has the endpoints, or remove `skipEndpointCreation` to have eksup make them",
        );
    }
    for (i, s) in services.iter().enumerate() {
        v.one_of(
            &format!("privateCluster.additionalEndpointServices[{i}]"),
            s,
            resolved::OPTIONAL_ENDPOINT_SERVICES,
        );
    }
    let subnets = vpc.and_then(|x| x.subnets.as_ref());
    if subnets.and_then(|s| s.public.as_ref()).is_some_and(|m| !m.is_empty()) {
        v.err_hint(
            "vpc.subnets.public",
            "a fully-private cluster has no public subnets",
            "list the subnets under `vpc.subnets.private`",
        );
    }
    if vpc.and_then(|x| x.id.as_ref()).is_some()
        && subnets.and_then(|s| s.private.as_ref()).is_none_or(std::collections::BTreeMap::is_empty)
    {
        v.err_hint(
            "vpc.subnets.private",
            "must be specified in a fully-private cluster when a pre-existing VPC is supplied",
            "list the VPC's private subnets by zone, e.g. `us-west-2a: {id: subnet-...}`",
        );
    }
    if let Some(g) = vpc.and_then(|x| x.nat.as_ref()).and_then(|n| n.gateway.as_deref())
        && g != "Disable"
    {
        v.err_hint(
            "vpc.nat.gateway",
            format!("`{g}`: a fully-private cluster has no NAT gateway"),
            "remove `vpc.nat`: nodes reach AWS through VPC endpoints",
        );
    }
    if cfg.local_zones.as_ref().is_some_and(|l| !l.is_empty()) {
        v.err("localZones", "cannot be used in a fully-private cluster");
    }
    if ipv6_cluster(cfg) {
        v.err_hint(
            "privateCluster.enabled",
            "an `IPv6` cluster cannot be fully private with eksup yet: its nodes would need IPv6 VPC endpoints eksup does not make",
            "use `ipFamily: IPv4` for a fully-private cluster, or an `IPv6` cluster with outbound access",
        );
    }
    for (i, ng) in cfg.node_groups.iter().flatten().enumerate() {
        explicit_private(v, &format!("nodeGroups[{i}]"), ng.private_networking);
    }
    for (i, ng) in cfg.managed_node_groups.iter().flatten().enumerate() {
        explicit_private(v, &format!("managedNodeGroups[{i}]"), ng.private_networking);
    }
}

/// eksctl requires `privateNetworking: true` written out, not defaulted, to make it explicit.
fn explicit_private(v: &mut V, path: &str, private_networking: Option<bool>) {
    if private_networking != Some(true) {
        v.err_hint(
            format!("{path}.privateNetworking"),
            "must be enabled for a fully-private cluster",
            "add `privateNetworking: true`: the cluster has private subnets only",
        );
    }
}
