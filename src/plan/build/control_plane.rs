//! The control plane: its security groups (and the shared node group), the cluster itself, the
//! rules between the shared node group and the cluster security group, the OIDC provider and the
//! kubeconfig.

use super::network::Net;
use super::{Builder, PlanOptions, bounded_name, step_of};
use crate::plan::*;

/// What the steps after the control plane refer to.
pub(super) struct ControlPlane {
    /// The control plane step.
    pub step: StepId,
    /// The control plane's security group, and the step that creates it (none when given).
    pub security_group: Val,
    pub security_group_deps: Vec<StepId>,
    /// The security group all nodes share, and the step that creates it (none when given).
    pub shared_nodes: Val,
    pub shared_nodes_deps: Vec<StepId>,
    /// The security group EKS creates for the cluster.
    pub cluster_security_group: Val,
}

/// An ingress or egress rule on all ports and protocols.
fn all_traffic(peer: Val, description: &str) -> SgRule {
    SgRule {
        direction: "ingress".into(),
        protocol: "-1".into(),
        from_port: -1,
        to_port: -1,
        peer: SgPeer::Group(peer),
        description: description.into(),
    }
}

impl Builder<'_> {
    pub(super) fn control_plane(&mut self, net: &Net, opts: &PlanOptions) -> ControlPlane {
        let (security_group, security_group_deps) = self.control_plane_group(net);
        let (shared_nodes, shared_nodes_deps) = self.shared_nodes_group(net);
        let role = self.cluster_role();
        let auto_mode = self.auto_mode();
        let mut deps: Vec<StepId> =
            net.subnets.iter().filter(|s| !s.local).filter_map(|s| step_of(&s.id)).collect();
        deps.extend(net.imported_vpc());
        deps.extend(security_group_deps.clone());
        deps.extend(step_of(&role));
        deps.extend(auto_mode.as_ref().and_then(|a| a.node_role.as_ref()).and_then(step_of));
        let res = self.res;
        let version = res.version.clone();
        let step = self.add(
            CONTROL_PLANE,
            format!("EKS control plane `{}` (Kubernetes {version})", self.cluster),
            Resource::ControlPlane(Box::new(ControlPlaneSpec {
                version,
                role,
                subnets: self.control_plane_subnets(net),
                security_groups: if res.vpc.control_plane_security_group_ids.is_empty() {
                    vec![security_group.clone()]
                } else {
                    res.vpc.control_plane_security_group_ids.iter().map(Val::lit).collect()
                },
                endpoint_public_access: res.endpoint_public_access,
                endpoint_private_access: res.endpoint_private_access,
                public_access_cidrs: res.vpc.public_access_cidrs.clone(),
                log_types: res.log_types.clone(),
                authentication_mode: res.authentication_mode.clone(),
                bootstrap_cluster_creator_admin_permissions: res.bootstrap_cluster_creator_admin_permissions,
                secrets_key_arn: self.cfg.secrets_encryption.as_ref().and_then(|s| s.key_arn.clone()),
                service_ipv4_cidr: res.service_ipv4_cidr.clone(),
                ip_family: res.ip_family.to_ascii_lowercase(),
                upgrade_support_type: self.cfg.upgrade_policy.as_ref().and_then(|u| u.support_type.clone()),
                zonal_shift: self.cfg.zonal_shift_config.as_ref().and_then(|z| z.enabled),
                log_retention_days: self
                    .cfg
                    .cloud_watch
                    .as_ref()
                    .and_then(|c| c.cluster_logging.as_ref())
                    .and_then(|l| l.log_retention_in_days)
                    .map(crate::config::resolved::int),
                scaling_tier: self.cfg.control_plane_scaling_config.as_ref().and_then(|c| c.tier.clone()),
                auto_mode,
                remote_network: self.remote_network(),
                components: self.components(),
                egress_mode: self.cfg.vpc.as_ref().and_then(|v| v.control_plane_egress_mode.clone()),
            })),
            deps,
        );
        let cp = ControlPlane {
            cluster_security_group: Val::out(&step, keys::CLUSTER_SG),
            step,
            security_group,
            security_group_deps,
            shared_nodes,
            shared_nodes_deps,
        };
        if res.vpc.manage_shared_node_security_group_rules {
            self.shared_nodes_rules(&cp);
        }
        self.after_control_plane(&cp.step, opts);
        cp
    }

    /// The control plane components' settings the file sets.
    fn components(&self) -> ComponentConfigSpec {
        let int = crate::config::resolved::int;
        let api = self.cfg.kube_api_server_config.as_ref();
        let strategy = self
            .cfg
            .kube_scheduler_config
            .as_ref()
            .and_then(|s| s.node_resources_fit.as_ref())
            .and_then(|n| n.scoring_strategy.as_ref());
        ComponentConfigSpec {
            event_ttl: api.and_then(|a| a.event_ttl.clone()),
            node_port_range: api
                .and_then(|a| a.service_node_port_range.as_ref())
                .and_then(|r| Some((int(r.min_port?), int(r.max_port?)))),
            scoring_type: strategy.and_then(|s| s.strategy_type.clone()),
            scoring_resources: strategy.and_then(|s| s.resources.as_ref()).filter(|l| !l.is_empty()).map(
                |list| {
                    list.iter()
                        .map(|r| (r.name.clone().unwrap_or_default(), r.weight.map_or(0, int)))
                        .collect()
                },
            ),
            hpa_sync_period: self
                .cfg
                .kube_controller_manager_config
                .as_ref()
                .and_then(|c| c.horizontal_pod_autoscaler_controller_config.as_ref())
                .and_then(|h| h.horizontal_pod_autoscaler_sync_period.clone()),
        }
    }

    /// `remoteNetworkConfig`'s node and pod networks; both empty when the file removes them
    /// (`remoteNodeNetworks: []`).
    fn remote_network(&self) -> Option<RemoteNetworkSpec> {
        if self.cfg.removes_remote_networks() {
            return Some(RemoteNetworkSpec { node_cidrs: vec![], pod_cidrs: vec![] });
        }
        let rnc = self.cfg.hybrid_nodes()?;
        let cidrs = |list: &Option<Vec<crate::config::RemoteNetwork>>| -> Vec<String> {
            list.iter().flatten().flat_map(|n| n.cidrs.iter().flatten().cloned()).collect()
        };
        Some(RemoteNetworkSpec {
            node_cidrs: cidrs(&rnc.remote_node_networks),
            pod_cidrs: cidrs(&rnc.remote_pod_networks),
        })
    }

    /// EKS Auto Mode's node pools and their nodes' role: the file's, or one eksup makes (as
    /// eksctl's: EC2 trusted, the minimal node policy and image pulls) when there are pools.
    fn auto_mode(&mut self) -> Option<AutoModeSpec> {
        let auto = self.res.auto_mode.clone()?;
        let node_role = match (&auto.node_role_arn, auto.node_pools.is_empty()) {
            (Some(arn), _) => Some(Val::lit(arn.clone())),
            (None, true) => None,
            (None, false) => {
                let mut policies = vec![
                    self.policy("AmazonEKSWorkerNodeMinimalPolicy"),
                    self.policy("AmazonEC2ContainerRegistryPullOnly"),
                ];
                if self.partition == "aws" {
                    policies.push(self.policy("AmazonElasticContainerRegistryPublicReadOnly"));
                }
                Some(self.role(
                    "iam-role-auto-mode-nodes",
                    "Auto Mode nodes",
                    bounded_name(&format!("eksup-{}-auto-node", self.cluster), 64),
                    Trust::service("ec2.amazonaws.com"),
                    policies,
                    BTreeMap::new(),
                    auto.permissions_boundary.clone(),
                ))
            }
        };
        Some(AutoModeSpec { node_pools: auto.node_pools, node_role })
    }

    /// The subnets of the control plane's network interfaces: the file's
    /// (`vpc.controlPlaneSubnetIDs`), the private ones (`vpc.controlPlaneOnPrivateSubnets`, Auto
    /// Mode), or all of the cluster's.
    fn control_plane_subnets(&self, net: &Net) -> Vec<Val> {
        let vpc = &self.res.vpc;
        if !vpc.control_plane_subnet_ids.is_empty() {
            return vpc.control_plane_subnet_ids.iter().map(Val::lit).collect();
        }
        // Auto Mode launches its nodes in the cluster's subnets: as eksctl, private ones only.
        let private_only = vpc.control_plane_on_private_subnets
            || (self.res.auto_mode.is_some() && net.subnets.iter().any(|s| s.kind == SubnetKind::Private));
        // EKS runs no control plane in a Local Zone.
        net.subnets
            .iter()
            .filter(|s| !s.local && (!private_only || s.kind == SubnetKind::Private))
            .map(|s| s.id.clone())
            .collect()
    }

    /// The control plane's security group: the file's, or one eksup creates (with the API open
    /// to `vpc.extraCIDRs` and `vpc.extraIPv6CIDRs`).
    fn control_plane_group(&mut self, net: &Net) -> (Val, Vec<StepId>) {
        let res = self.res;
        let vpc = &res.vpc;
        if let Some(id) = vpc.security_group.as_ref().or(vpc.control_plane_security_group_ids.first()) {
            return (Val::lit(id.clone()), vec![]);
        }
        let api_from = |c: &String, what: &str| SgRule {
            direction: "ingress".into(),
            protocol: "tcp".into(),
            from_port: 443,
            to_port: 443,
            peer: SgPeer::Cidr(c.clone()),
            description: format!("{}{what}", crate::plan::API_OPENING),
        };
        let mut rules: Vec<SgRule> = vpc.extra_cidrs.iter().map(|c| api_from(c, "an extra CIDR")).collect();
        rules.extend(
            vpc.extra_ipv6_cidrs
                .iter()
                .map(|c| SgRule { peer: SgPeer::Ipv6Cidr(c.clone()), ..api_from(c, "an extra IPv6 CIDR") }),
        );
        // Hybrid nodes and their pods reach the API server from their networks (as eksctl).
        if let Some(remote) = self.remote_network() {
            rules.extend(
                remote.node_cidrs.iter().chain(&remote.pod_cidrs).map(|c| api_from(c, "a remote network")),
            );
        }
        let id = self.add(
            "security-group-control-plane",
            "security group for the control plane",
            Resource::SecurityGroup {
                vpc: net.vpc.clone(),
                group_name: bounded_name(&format!("eksup-{}-control-plane", self.cluster), 255),
                description: "Communication between the control plane and worker nodegroups".into(),
                rules,
                kubernetes_owned: false,
            },
            net.vpc_deps.clone(),
        );
        (Val::out(&id, keys::ID), vec![id])
    }

    /// The security group all nodes share: the file's, or one eksup creates.
    fn shared_nodes_group(&mut self, net: &Net) -> (Val, Vec<StepId>) {
        if let Some(id) = &self.res.vpc.shared_node_security_group {
            return (Val::lit(id.clone()), vec![]);
        }
        let id = "security-group-shared-nodes";
        self.add(
            id,
            "security group shared by all nodes",
            Resource::SecurityGroup {
                vpc: net.vpc.clone(),
                group_name: bounded_name(&format!("eksup-{}-shared-nodes", self.cluster), 255),
                description: "Communication between all nodes in the cluster".into(),
                // eksctl makes this rule whatever `manageSharedNodeSecurityGroupRules` says.
                rules: vec![all_traffic(
                    Val::out(id, keys::ID),
                    "Allow nodes to communicate with each other (all ports)",
                )],
                kubernetes_owned: false,
            },
            net.vpc_deps.clone(),
        );
        (Val::out(id, keys::ID), vec![id.to_string()])
    }

    /// Traffic both ways between the shared node group and the cluster security group.
    fn shared_nodes_rules(&mut self, cp: &ControlPlane) {
        let mut deps = vec![cp.step.clone()];
        deps.extend(cp.shared_nodes_deps.clone());
        self.add(
            "security-group-rules-shared-nodes",
            "rules between the shared node group and the cluster security group",
            Resource::SecurityGroupRules {
                group: cp.shared_nodes.clone(),
                rules: vec![all_traffic(
                    cp.cluster_security_group.clone(),
                    "Allow managed and unmanaged nodes to communicate with each other (all ports)",
                )],
            },
            deps.clone(),
        );
        self.add(
            "security-group-rules-cluster",
            "rules on the EKS cluster security group for the shared node group",
            Resource::SecurityGroupRules {
                group: cp.cluster_security_group.clone(),
                rules: vec![all_traffic(
                    cp.shared_nodes.clone(),
                    "Allow unmanaged nodes to communicate with control plane (all ports)",
                )],
            },
            deps,
        );
    }

    /// The OIDC provider (`withOIDC`) and the kubeconfig step.
    fn after_control_plane(&mut self, cp: &str, opts: &PlanOptions) {
        if self.res.iam.with_oidc {
            self.add(
                "oidc-provider",
                "IAM OIDC provider for the cluster",
                Resource::OidcProvider { issuer: Val::out(cp, keys::OIDC_ISSUER) },
                vec![cp.to_string()],
            );
        }
        if opts.write_kubeconfig {
            self.add(
                "kubeconfig",
                "kubeconfig context",
                Resource::Kubeconfig {
                    endpoint: Val::out(cp, keys::ENDPOINT),
                    certificate_authority: Val::out(cp, keys::CA),
                },
                vec![cp.to_string()],
            );
        }
    }
}
