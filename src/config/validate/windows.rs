//! Windows node groups (`amiFamily: WindowsServer20xx{Core,Full}Container`): eksctl's rules and
//! what Windows nodes need of the cluster.

use super::V;
use crate::config::rules::{is_arm, windows};
use crate::config::types::ClusterConfig;

pub(super) fn rules(v: &mut V, cfg: &ClusterConfig) {
    let self_managed = cfg.node_groups.iter().flatten().enumerate().map(|(i, n)| {
        let types =
            n.instance_type.iter().cloned().chain(
                n.instances_distribution.iter().flat_map(|d| d.instance_types.iter().flatten().cloned()),
            );
        (
            format!("nodeGroups[{i}]"),
            n.ami_family.as_deref(),
            types.collect::<Vec<_>>(),
            n.override_bootstrap_command.is_some(),
            false,
        )
    });
    let managed = cfg.managed_node_groups.iter().flatten().enumerate().map(|(i, n)| {
        let types = n.instance_type.iter().cloned().chain(n.instance_types.iter().flatten().cloned());
        (
            format!("managedNodeGroups[{i}]"),
            n.ami_family.as_deref(),
            types.collect::<Vec<_>>(),
            n.override_bootstrap_command.is_some(),
            true,
        )
    });
    let groups: Vec<_> = self_managed.chain(managed).collect();
    let is_windows = |f: Option<&str>| f.is_some_and(|f| windows(f).is_some());
    // CoreDNS and the VPC resource controller run on Linux: a cluster of Windows nodes alone
    // has no DNS and gives Windows pods no addresses.
    let linux = groups.iter().any(|g| !is_windows(g.1))
        || cfg.fargate_profiles.as_ref().is_some_and(|f| !f.is_empty())
        || cfg.auto_mode_config.as_ref().and_then(|a| a.enabled) == Some(true);
    for (path, family, types, override_command, managed) in &groups {
        if !is_windows(*family) {
            continue;
        }
        let family = family.unwrap_or_default();
        if !linux {
            v.err_hint(
                format!("{path}.amiFamily"),
                "Windows nodes need Linux nodes beside them: CoreDNS and the VPC resource controller run on Linux",
                "add a node group of `AmazonLinux2023` nodes",
            );
        }
        for t in types.iter().filter(|t| is_arm(t)) {
            v.err_hint(
                format!("{path}.instanceType"),
                format!("`{t}` is an ARM instance type, and `{family}` images are for x86_64 only"),
                "use an x86_64 type like `m5.large`",
            );
        }
        if *managed && *override_command {
            v.err_hint(
                format!("{path}.overrideBootstrapCommand"),
                format!("is not supported for `{family}` managed node groups: EKS bootstraps their nodes"),
                "use `preBootstrapCommands` (PowerShell), or a self-managed node group",
            );
        }
    }
    if groups.iter().any(|g| is_windows(g.1)) {
        ipam_rules(v, cfg);
    }
    for (i, n) in cfg.node_groups.iter().flatten().enumerate() {
        let Some(runtime) = n.container_runtime.as_deref() else { continue };
        let p = format!("nodeGroups[{i}].containerRuntime");
        if runtime != "containerd" {
            v.err_hint(
                &p,
                format!("`{runtime}` is not a container runtime of current Kubernetes versions"),
                "use `containerd` (Docker's runtime went with Kubernetes 1.24)",
            );
        } else if n.override_bootstrap_command.is_some() {
            v.err_hint(
                &p,
                "is not applied with `overrideBootstrapCommand`, which starts the node its own way",
                "pass the runtime in the bootstrap command (`-ContainerRuntime containerd`) and remove this field",
            );
        }
    }
}

/// Windows IPAM, which eksup turns on in the vpc-cni add-on's configuration: the add-on must be
/// there, its values a JSON object that leaves it on, and the cluster role must have the VPC
/// resource controller's policy (the controller gives Windows pods their addresses).
fn ipam_rules(v: &mut V, cfg: &ClusterConfig) {
    let listed = cfg.addons.iter().flatten().enumerate().find(|(_, a)| a.name.as_deref() == Some("vpc-cni"));
    let defaults = cfg.addons_config.as_ref().and_then(|a| a.disable_default_addons) != Some(true);
    match listed {
        None if !defaults => v.err_hint(
            "addonsConfig.disableDefaultAddons",
            "Windows nodes need the `vpc-cni` add-on: eksup turns on Windows IPAM in its configuration",
            "add `- name: vpc-cni` under `addons`",
        ),
        Some((i, a)) => {
            if let Some(values) = a.configuration_values.as_deref() {
                let p = format!("addons[{i}].configurationValues");
                match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(values) {
                    Err(_) => v.err_hint(
                        &p,
                        "must be a JSON object beside Windows node groups: eksup adds `enableWindowsIpam` to it",
                        "write the values as JSON, like `{\"enableNetworkPolicy\": \"true\"}`",
                    ),
                    Ok(o) if o.get("enableWindowsIpam").is_some_and(|e| e != "true" && e != true) => v.err_hint(
                        format!("{p}.enableWindowsIpam"),
                        "turns Windows IPAM off, and pods on the Windows nodes would get no IP address",
                        "remove it: eksup sets it to `\"true\"`",
                    ),
                    Ok(_) => {}
                }
            }
        }
        None => {}
    }
    if cfg.iam.as_ref().and_then(|i| i.vpc_resource_controller_policy) == Some(false)
        && cfg.iam.as_ref().and_then(|i| i.service_role_arn.as_deref()).is_none()
    {
        v.err_hint(
            "iam.vpcResourceControllerPolicy",
            "Windows nodes need `AmazonEKSVPCResourceController` on the cluster role: the VPC resource controller gives their pods IP addresses",
            "remove `vpcResourceControllerPolicy: false`",
        );
    }
}
