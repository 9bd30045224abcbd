//! Self-managed node groups: the node role and instance profile, the nodes' security group and
//! its control plane rules, a launch template with the bootstrap user data, the EC2 access entry
//! and the Auto Scaling group.

use super::addons::NodeAddons;
use super::ami::ssm_parameter;
use super::control_plane::ControlPlane;
use super::network::{Net, ids};
use super::nodegroups::{
    AUTOSCALER_TAG_PREFIX, efa_subnets, ingress, instance_tags, launch_template, node_template_tags,
    ssh_peers,
};
use super::{Builder, PlanOptions, bounded_name, slug, step_of};
use crate::config::defaults::NODEGROUP_NAME_LABEL;
use crate::config::resolved::{SelfManaged, int};
use crate::plan::*;

impl Builder<'_> {
    pub(super) fn self_managed_nodegroup(
        &mut self,
        net: &Net,
        cp: &ControlPlane,
        node_addons: &NodeAddons,
        ng: &SelfManaged,
        opts: &PlanOptions,
    ) -> StepId {
        let name = &ng.nodes.name;
        let s = slug(name);
        let (role, role_name) = self.self_managed_role(ng);
        let profile = self.instance_profile(ng, &role_name);
        let (sgs, mut lt_deps) = self.node_security_groups(net, cp, ng);
        lt_deps.extend(step_of(&profile));
        lt_deps.extend(self.key_pair(&ng.nodes));
        let instance_tags = self.instance_tags(ng);
        let lt = self.self_managed_launch_template(cp, ng, profile, sgs, instance_tags.clone(), lt_deps);
        let mut ae_deps = vec![cp.step.clone()];
        ae_deps.extend(step_of(&role));
        // Windows nodes join through an EC2_WINDOWS entry (EKS gives it the Windows groups).
        let entry_type = if crate::config::rules::windows(&ng.nodes.ami_family).is_some() {
            "EC2_WINDOWS"
        } else {
            "EC2_LINUX"
        };
        let ae = self.add(
            format!("access-entry-nodes-{s}"),
            format!("access entry ({entry_type}) for the nodes of `{name}`"),
            Resource::AccessEntry {
                principal: role.clone(),
                entry_type: entry_type.into(),
                kubernetes_groups: vec![],
                username: None,
                policies: vec![],
            },
            ae_deps,
        );
        let subnets = efa_subnets(
            &ng.nodes,
            net.select(ng.nodes.private_networking, &ng.nodes.availability_zones, &ng.nodes.subnets),
        );
        let mut deps = vec![lt.clone(), ae];
        deps.extend(net.deps(&subnets));
        deps.extend(node_addons.asked.iter().cloned());
        let mut tags = instance_tags;
        tags.insert(NODEGROUP_NAME_LABEL.into(), name.clone());
        tags.insert(crate::plan::tags::NODEGROUP.into(), name.clone());
        tags.extend(self.autoscaler_tags(ng));
        let step = self.add(
            format!("auto-scaling-group-{s}"),
            format!(
                "Auto Scaling group for `{name}` ({} x {})",
                ng.nodes.desired_capacity,
                match &ng.nodes.unresolved_selector {
                    Some(selector) => format!("types EC2 chooses for instanceSelector: {selector}"),
                    None => ng
                        .distribution
                        .as_ref()
                        .and_then(|d| d.instance_types.as_ref())
                        .map_or_else(|| ng.instance_type.clone(), |t| t.join("|")),
                }
            ),
            Resource::AutoScalingGroup(Box::new(AutoScalingGroupSpec {
                group_name: bounded_name(&format!("eksup-{}-{name}", self.cluster), 255),
                launch_template: Val::out(&lt, keys::ID),
                subnets: ids(&subnets),
                min_size: ng.nodes.min_size,
                max_size: ng.nodes.max_size,
                desired_capacity: Some(ng.nodes.desired_capacity),
                target_group_arns: ng.target_group_arns.clone(),
                load_balancer_names: ng.classic_load_balancer_names.clone(),
                max_instance_lifetime: ng.max_instance_lifetime,
                metrics_collection: ng.metrics_collection.clone(),
                distribution: ng.distribution.as_ref().map(|d| Distribution {
                    instance_types: d.instance_types.clone().unwrap_or_default(),
                    spot_max_price: d.max_price.map(|p| format!("{p}")),
                    on_demand_base_capacity: d.on_demand_base_capacity.map(int),
                    on_demand_percentage_above_base_capacity: d
                        .on_demand_percentage_above_base_capacity
                        .map(int),
                    spot_instance_pools: d.spot_instance_pools.map(int),
                    spot_allocation_strategy: d.spot_allocation_strategy.clone(),
                    capacity_rebalance: d.capacity_rebalance.unwrap_or_default(),
                }),
                tags,
                suspend_processes: ng.nodes.suspend_processes.clone(),
            })),
            deps,
        );
        if opts.wait_nodes {
            let count = ng.nodes.desired_capacity;
            self.nodes_ready(&cp.step, &step, &node_addons.active, name, NODEGROUP_NAME_LABEL, count);
        }
        step
    }

    /// The node role's ARN and name: the file's role, or one eksup creates.
    fn self_managed_role(&mut self, ng: &SelfManaged) -> (Val, Val) {
        if let Some(arn) = &ng.nodes.iam.instance_role_arn {
            let name = arn.rsplit('/').next().unwrap_or_default().to_string();
            return (Val::lit(arn), Val::lit(name));
        }
        let id = format!("iam-role-{}", slug(&ng.nodes.name));
        let arn = self.node_role(&id, &ng.nodes, true);
        (arn, Val::out(&id, keys::NAME))
    }

    /// The instance profile: the file's, or one eksup creates for the node role.
    fn instance_profile(&mut self, ng: &SelfManaged, role_name: &Val) -> Val {
        if let Some(arn) = &ng.nodes.iam.instance_profile_arn {
            return Val::lit(arn);
        }
        let name = &ng.nodes.name;
        let id = format!("instance-profile-{}", slug(name));
        let pname = bounded_name(&format!("eksup-{}-{name}", self.cluster), 128);
        self.add(
            &id,
            format!("instance profile `{pname}`"),
            Resource::InstanceProfile { profile_name: pname, role: role_name.clone() },
            step_of(role_name).into_iter().collect(),
        );
        Val::out(&id, keys::ARN)
    }

    /// The nodes' security groups (attached, shared, their own) and the steps the launch
    /// template needs for them.
    fn node_security_groups(
        &mut self,
        net: &Net,
        cp: &ControlPlane,
        ng: &SelfManaged,
    ) -> (Vec<Val>, Vec<StepId>) {
        let mut sgs: Vec<Val> = ng.nodes.attach_security_group_ids.iter().map(Val::lit).collect();
        let mut deps = vec![cp.step.clone()];
        if ng.with_shared_security_group {
            sgs.push(cp.shared_nodes.clone());
            deps.extend(cp.shared_nodes_deps.clone());
        }
        if ng.with_local_security_group {
            let id = self.local_security_group(net, cp, ng);
            sgs.push(Val::out(&id, keys::ID));
            deps.push(id);
        }
        // Self-managed nodes are not in the cluster security group: theirs always (eksctl's).
        if ng.nodes.efa {
            let id = self.efa_security_group(net, &ng.nodes);
            sgs.push(Val::out(&id, keys::ID));
            deps.push(id);
        }
        (sgs, deps)
    }

    /// The group's own security group (traffic with the control plane, SSH) and the matching
    /// rules on the control plane's group.
    fn local_security_group(&mut self, net: &Net, cp: &ControlPlane, ng: &SelfManaged) -> StepId {
        let name = &ng.nodes.name;
        let sg_id = format!("security-group-{}", slug(name));
        let cp_sg = || SgPeer::Group(cp.security_group.clone());
        let mut rules = vec![
            SgRule { direction: "ingress".into(), protocol: "tcp".into(), from_port: 1025, to_port: 65535, peer: cp_sg(), description: "Allow worker nodes in group to communicate with control plane (kubelet and workload TCP ports)".into() },
            ingress(443, cp_sg(), "Allow worker nodes in group to communicate with control plane (workloads using HTTPS port)".into()),
        ];
        if ng.nodes.ssh.allow {
            rules.extend(
                ssh_peers(net, &ng.nodes)
                    .into_iter()
                    .map(|peer| ingress(22, peer, "Allow SSH access".into())),
            );
        }
        let mut deps = net.vpc_deps.clone();
        deps.extend(cp.security_group_deps.clone());
        self.add(
            &sg_id,
            format!("security group for the nodes of `{name}`"),
            Resource::SecurityGroup {
                vpc: net.vpc.clone(),
                group_name: bounded_name(&format!("eksup-{}-{name}-nodes", self.cluster), 255),
                description: format!(
                    "Communication between the control plane and worker nodes in group {name}"
                ),
                rules,
                kubernetes_owned: true,
            },
            deps,
        );
        let node_sg = || SgPeer::Group(Val::out(&sg_id, keys::ID));
        let mut rdeps = vec![sg_id.clone()];
        rdeps.extend(cp.security_group_deps.clone());
        self.add(
            format!("security-group-rules-{}", slug(name)),
            format!("control plane rules for the nodes of `{name}`"),
            Resource::SecurityGroupRules {
                group: cp.security_group.clone(),
                rules: vec![
                    SgRule { direction: "egress".into(), protocol: "tcp".into(), from_port: 1025, to_port: 65535, peer: node_sg(), description: "Allow control plane to communicate with worker nodes (kubelet and workload TCP ports)".into() },
                    SgRule { direction: "egress".into(), protocol: "tcp".into(), from_port: 443, to_port: 443, peer: node_sg(), description: "Allow control plane to communicate with worker nodes (workloads using HTTPS port)".into() },
                    ingress(443, node_sg(), "Allow control plane to receive API requests from worker nodes".into()),
                ],
            },
            rdeps,
        );
        sg_id
    }

    /// With `withAddonPolicies.autoScaler`, the tags Cluster Autoscaler finds the group by
    /// (auto-discovery); with it or `propagateASGTags`, the nodes' labels and taints it would
    /// otherwise learn from a running node (for scaling up from zero).
    fn autoscaler_tags(&self, ng: &SelfManaged) -> crate::config::Map {
        let on = ng.nodes.iam.with_addon_policies.as_ref().is_some_and(|a| a.auto_scaler == Some(true));
        let mut tags = crate::config::Map::new();
        if on {
            tags.insert(format!("{AUTOSCALER_TAG_PREFIX}/enabled"), "true".into());
            tags.insert(format!("{AUTOSCALER_TAG_PREFIX}/{}", self.cluster), "owned".into());
        }
        if on || ng.nodes.propagate_asg_tags {
            tags.extend(node_template_tags(&ng.nodes));
        }
        tags
    }

    /// The instances' tags: the group's, their `Name` and the cluster's ownership.
    fn instance_tags(&self, ng: &SelfManaged) -> crate::config::Map {
        let cluster = &self.cluster;
        let mut tags = instance_tags(cluster, &ng.nodes);
        tags.insert(format!("kubernetes.io/cluster/{cluster}"), "owned".into());
        tags
    }

    fn self_managed_launch_template(
        &mut self,
        cp: &ControlPlane,
        ng: &SelfManaged,
        profile: Val,
        sgs: Vec<Val>,
        instance_tags: crate::config::Map,
        deps: Vec<StepId>,
    ) -> StepId {
        let nodes = &ng.nodes;
        let (name, family, instance_type) = (&nodes.name, &nodes.ami_family, &ng.instance_type);
        let image = match ng.ami.as_deref() {
            Some(a) if a.starts_with("ami-") => AmiSource::Id(a.to_string()),
            _ => {
                let types =
                    ng.distribution.as_ref().and_then(|d| d.instance_types.clone()).unwrap_or_default();
                let t = super::ami::ami_instance_type(&types, instance_type);
                AmiSource::SsmParameter(ssm_parameter(family, &self.res.version, t))
            }
        };
        let taints = nodes.taints.iter().map(|t| format!("{}={}:{}", t.key, t.value, t.effect)).collect();
        let user_data = UserDataSpec {
            container_runtime: ng.container_runtime.clone(),
            cluster_dns: ng.cluster_dns.clone(),
            kubelet_extra: ng.kubelet_extra.clone(),
            ..self.bootstrap_user_data(cp, nodes, nodes.labels.clone(), taints)
        };
        let mut spec = LaunchTemplateSpec {
            instance_type: Some(instance_type.clone()),
            image: Some(image),
            instance_profile_arn: Some(profile),
            user_data: Some(user_data),
            instance_tags,
            ..launch_template(&self.cluster, nodes, sgs)
        };
        let mut deps = deps;
        if nodes.efa {
            spec.efa_instance_types = ng.instance_types();
            if spec.instance.placement_group.is_none() {
                deps.push(self.efa_placement_group(&mut spec, nodes));
            }
        }
        self.add(
            format!("launch-template-{}", slug(name)),
            format!("launch template for `{name}` ({instance_type})"),
            Resource::LaunchTemplate(Box::new(spec)),
            deps,
        )
    }
}
