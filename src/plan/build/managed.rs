//! EKS managed node groups: the node role, a launch template (unless the file names its own)
//! with the SSH security group, and the node group.

use super::addons::NodeAddons;
use super::ami::{ami_type, ssm_parameter};
use super::control_plane::ControlPlane;
use super::network::{Net, ids};
use super::nodegroups::{efa_subnets, ingress, launch_template, node_template_tags, ssh_peers};
use super::{Builder, PlanOptions, bounded_name, slug, step_of};
use crate::config::resolved::{CapacityUse, Managed, Nodes};
use crate::config::rules::ubuntu;
use crate::plan::*;

impl Builder<'_> {
    pub(super) fn managed_nodegroup(
        &mut self,
        net: &Net,
        cp: &ControlPlane,
        node_addons: &NodeAddons,
        ng: &Managed,
        opts: &PlanOptions,
    ) -> StepId {
        let nodes = &ng.nodes;
        let name = &nodes.name;
        let s = slug(name);
        let role = match &nodes.iam.instance_role_arn {
            Some(arn) => Val::lit(arn.clone()),
            None => self.node_role(&format!("iam-role-{s}"), nodes, false),
        };
        let subnets = efa_subnets(
            nodes,
            net.select(nodes.private_networking, &nodes.availability_zones, &nodes.subnets),
        );
        let (lt_val, lt_version, lt_deps) = match &ng.launch_template {
            // The user's own template: EKS takes its id and version apart.
            Some(lt) => (Val::lit(lt.id.clone().unwrap_or_default()), lt.version.clone(), vec![]),
            None => {
                let id = self.managed_launch_template(net, cp, ng);
                (Val::out(&id, keys::ID), None, vec![id])
            }
        };
        let mut deps = vec![cp.step.clone()];
        deps.extend(lt_deps);
        deps.extend(net.deps(&subnets));
        deps.extend(node_addons.asked.iter().cloned());
        deps.extend(step_of(&role));
        let ami_instance_type = super::ami::ami_instance_type(&ng.instance_types, "").to_string();
        let capacity_block = CapacityUse::capacity_block(nodes.instance.capacity.as_ref());
        let step = self.add(
            format!("nodegroup-{s}"),
            format!(
                "managed node group `{name}` ({} x {})",
                nodes.desired_capacity,
                if let Some(selector) = &nodes.unresolved_selector {
                    format!("types EC2 chooses for instanceSelector: {selector}")
                } else if ng.instance_types.is_empty() {
                    "the launch template's type".to_string()
                } else {
                    ng.instance_types.join(",")
                }
            ),
            Resource::ManagedNodegroup(Box::new(ManagedNodegroupSpec {
                nodegroup_name: name.clone(),
                node_role: role,
                subnets: ids(&subnets),
                min_size: nodes.min_size,
                max_size: nodes.max_size,
                desired_size: nodes.desired_capacity,
                // A custom AMI's type is EKS's `CUSTOM`, which CreateNodegroup takes by leaving
                // the type out (Ubuntu's images are custom ones too: `ami_type` gives none).
                ami_type: if ng.ami.is_some() {
                    String::new()
                } else {
                    ami_type(&nodes.ami_family, &ami_instance_type)
                },
                // A Capacity Block's one type goes in the launch template, as eksctl puts it
                // (EKS's guide: the template names the block's type).
                instance_types: if capacity_block { vec![] } else { ng.instance_types.clone() },
                capacity_type: match (capacity_block, ng.spot) {
                    (true, _) => "CAPACITY_BLOCK".into(),
                    (false, true) => "SPOT".into(),
                    (false, false) => "ON_DEMAND".into(),
                },
                labels: nodes.labels.clone(),
                taints: nodes
                    .taints
                    .iter()
                    .map(|t| Taint { key: t.key.clone(), value: t.value.clone(), effect: t.effect.clone() })
                    .collect(),
                launch_template: lt_val,
                launch_template_version: lt_version,
                release_version: ng.release_version.clone(),
                max_unavailable: ng.max_unavailable,
                max_unavailable_percentage: ng.max_unavailable_percentage,
                node_repair: ng.node_repair.clone(),
                // As eksctl's `propagateManagedNodeGroupTagsToASGTask`: the templates, then the
                // group's tags.
                asg_tags: if nodes.propagate_asg_tags {
                    let mut tags = node_template_tags(nodes);
                    tags.extend(nodes.tags.clone());
                    tags
                } else {
                    std::collections::BTreeMap::new()
                },
                suspend_processes: nodes.suspend_processes.clone(),
            })),
            deps,
        );
        if opts.wait_nodes {
            let label = "eks.amazonaws.com/nodegroup";
            self.nodes_ready(&cp.step, &step, &node_addons.active, name, label, nodes.desired_capacity);
        }
        step
    }

    /// The launch template eksup makes for a managed node group, with its security groups.
    fn managed_launch_template(&mut self, net: &Net, cp: &ControlPlane, ng: &Managed) -> StepId {
        let nodes = &ng.nodes;
        let mut sgs: Vec<Val> = Vec::new();
        let mut deps = Vec::new();
        let attach = &nodes.attach_security_group_ids;
        let ssh_sg = nodes.ssh.allow.then(|| self.remote_access_group(net, nodes));
        if !attach.is_empty() || ssh_sg.is_some() || nodes.efa {
            // With explicit groups EKS no longer adds the cluster group itself.
            sgs.push(cp.cluster_security_group.clone());
            sgs.extend(attach.iter().map(Val::lit));
            deps.push(cp.step.clone());
        }
        if let Some(id) = ssh_sg {
            sgs.push(Val::out(&id, keys::ID));
            deps.push(id);
        }
        // From Kubernetes 1.33 the cluster security group lets EFA traffic out to itself: eksctl
        // makes the EFA group only before.
        if nodes.efa && !efa_in_cluster_security_group(&self.res.version) {
            let id = self.efa_security_group(net, nodes);
            sgs.push(Val::out(&id, keys::ID));
            deps.push(id);
        }
        deps.extend(self.key_pair(nodes));
        let mut spec = launch_template(&self.cluster, nodes, sgs);
        if CapacityUse::capacity_block(nodes.instance.capacity.as_ref()) {
            spec.instance_type = ng.instance_types.first().cloned();
        }
        if nodes.efa {
            spec.efa_instance_types = ng.instance_types.clone();
            // A reservation comes with its own placement group (eksctl's reading).
            if spec.instance.placement_group.is_none() && spec.instance.capacity.is_none() {
                deps.push(self.efa_placement_group(&mut spec, nodes));
            }
        }
        match &ng.ami {
            // A custom AMI: EKS adds no bootstrap, so the template's user data joins the node,
            // with the labels EKS would give it (as eksctl does).
            Some(ami) => {
                let mut labels = nodes.labels.clone();
                labels.insert("eks.amazonaws.com/nodegroup".into(), nodes.name.clone());
                labels.insert("eks.amazonaws.com/nodegroup-image".into(), ami.clone());
                spec.image = Some(AmiSource::Id(ami.clone()));
                spec.user_data = Some(self.bootstrap_user_data(cp, nodes, labels, vec![]));
                deps.push(cp.step.clone());
            }
            // EKS has no Ubuntu AMI type: as eksctl, Canonical's image (its SSM parameter) is
            // the template's custom AMI, and the template's user data joins the node.
            None if ubuntu(&nodes.ami_family).is_some() => {
                let mut labels = nodes.labels.clone();
                labels.insert("eks.amazonaws.com/nodegroup".into(), nodes.name.clone());
                let instance_type = super::ami::ami_instance_type(&ng.instance_types, "m5.large");
                let parameter = ssm_parameter(&nodes.ami_family, &self.res.version, instance_type);
                spec.image = Some(AmiSource::SsmParameter(parameter));
                spec.user_data = Some(self.bootstrap_user_data(cp, nodes, labels, vec![]));
                deps.push(cp.step.clone());
            }
            None => {
                spec.managed_user_data = crate::cloud::userdata::managed(
                    &nodes.ami_family,
                    &nodes.pre_bootstrap_commands,
                    nodes.max_pods,
                    nodes.override_bootstrap_command.as_deref(),
                    &nodes.bottlerocket_settings,
                );
            }
        }
        deps.sort();
        deps.dedup();
        let name = &nodes.name;
        self.add(
            format!("launch-template-{}", slug(name)),
            format!("launch template for `{name}`"),
            Resource::LaunchTemplate(Box::new(spec)),
            deps,
        )
    }

    /// The remote-access security group of a managed node group with `ssh.allow` (eksctl's
    /// `<stack>-remoteAccess`): port 22 from the given groups, the VPC (private groups) or anywhere.
    fn remote_access_group(&mut self, net: &Net, nodes: &Nodes) -> StepId {
        let name = &nodes.name;
        let what = if nodes.private_networking { " (private, only inside VPC)" } else { "" };
        let rules = ssh_peers(net, nodes)
            .into_iter()
            .map(|peer| {
                ingress(22, peer, format!("Allow SSH access to managed worker nodes in group {name}{what}"))
            })
            .collect();
        self.add(
            format!("security-group-remote-access-{}", slug(name)),
            format!("security group for SSH to the nodes of `{name}`"),
            Resource::SecurityGroup {
                vpc: net.vpc.clone(),
                group_name: bounded_name(&format!("eksup-{}-{name}-remote-access", self.cluster), 255),
                description: "Allow SSH access".into(),
                rules,
                kubernetes_owned: false,
            },
            net.vpc_deps.clone(),
        )
    }
}

/// Whether the cluster security group of a cluster of `version` has EFA's rules (EKS adds the
/// egress to itself from 1.33; eksctl's `EFABuiltInSupportVersion`). A version that does not
/// parse is taken as older, as eksctl does.
fn efa_in_cluster_security_group(version: &str) -> bool {
    let mut parts = version.split('.').map(str::parse::<u32>);
    matches!((parts.next(), parts.next()), (Some(Ok(major)), Some(Ok(minor))) if (major, minor) >= (1, 33))
}
