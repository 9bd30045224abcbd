//! What managed and self-managed node groups share: the launch template's base, who may reach
//! the nodes over SSH, and the step that waits for the nodes.

use super::network::Net;
use super::{Builder, bounded_name, slug};
use crate::config::resolved::Nodes;
use crate::plan::*;

/// The launch template both node group kinds share: name, root volume, IMDS, SSH key, security
/// groups and instance tags (self-managed groups add image, type, profile and user data).
pub(super) fn launch_template(cluster: &str, nodes: &Nodes, security_groups: Vec<Val>) -> LaunchTemplateSpec {
    let volume = &nodes.volume;
    LaunchTemplateSpec {
        name: bounded_name(&format!("eksup-{cluster}-{}", nodes.name), 128),
        instance_type: None,
        image: None,
        volume_size: volume.size,
        volume_type: volume.kind.clone(),
        volume_iops: volume.iops,
        volume_throughput: volume.throughput,
        volume_encrypted: volume.encrypted,
        volume_kms_key_id: volume.kms_key_id.clone(),
        // Bottlerocket's size goes on its data volume (the OS volume keeps the AMI's size).
        // The root device of EKS's images: Bottlerocket's data volume, Windows' `C:` (eksctl's
        // `rootDeviceForWindows`), Amazon Linux's root.
        device_name: match (nodes.instance.root_device.clone(), nodes.ami_family.as_str()) {
            (Some(device), _) => device,
            (None, f) if crate::config::rules::bottlerocket(f).is_some() => "/dev/xvdb".into(),
            (None, f) if crate::config::rules::windows(f).is_some() => "/dev/sda1".into(),
            (None, _) => "/dev/xvda".into(),
        },
        root_from_image: nodes.instance.root_device.is_none()
            && crate::config::rules::bottlerocket(&nodes.ami_family).is_none(),
        // Blocking pods from IMDS needs IMDSv2 (hop limit 1): IMDSv1 would let them through.
        imds_v2_required: nodes.disable_imdsv1 || nodes.disable_pod_imds,
        hop_limit: if nodes.disable_pod_imds { 1 } else { 2 },
        // As eksctl: a key pair named with `allow: false` still goes on the instances (port 22
        // stays shut); a key to import is imported only with `allow`.
        key_name: key_pair_name(cluster, nodes).or_else(|| nodes.ssh.public_key_name.clone()),
        security_groups,
        instance_profile_arn: None,
        user_data: None,
        managed_user_data: None,
        instance_tags: instance_tags(cluster, nodes),
        instance: nodes.instance.clone(),
        efa_instance_types: vec![],
    }
}

/// The tags of a group's instances (and their volumes and network interfaces): the group's
/// and their `Name` (`instancePrefix`, `instanceName`), as eksctl tags them.
pub(super) fn instance_tags(cluster: &str, nodes: &Nodes) -> crate::config::Map {
    let mut tags = nodes.tags.clone();
    tags.insert("Name".into(), nodes.instance_name_tag(cluster));
    tags
}

/// Where Cluster Autoscaler reads a group's tags.
pub(super) const AUTOSCALER_TAG_PREFIX: &str = "k8s.io/cluster-autoscaler";

/// The Auto Scaling group tags from which Cluster Autoscaler learns, for scaling up from zero,
/// the labels and taints a node of the group would have (`withAddonPolicies.autoScaler` on a
/// self-managed group, `propagateASGTags`): `node-template/label/<key>` = value per label and
/// `node-template/taint/<key>` = `<value>:<effect>` per taint, the form it parses (eksctl's
/// `GenerateClusterAutoscalerTags` writes the value alone).
pub(super) fn node_template_tags(nodes: &Nodes) -> crate::config::Map {
    let prefix = format!("{AUTOSCALER_TAG_PREFIX}/node-template");
    let mut tags = crate::config::Map::new();
    for (k, v) in &nodes.labels {
        tags.insert(format!("{prefix}/label/{k}"), v.clone());
    }
    for t in &nodes.taints {
        tags.insert(format!("{prefix}/taint/{}", t.key), format!("{}:{}", t.value, t.effect));
    }
    tags
}

/// The EC2 key pair eksup imports for a group's public key: named after the cluster, the group
/// and the key's digest, so that another key is another pair (EC2 never changes a pair's key).
pub(super) fn key_pair_name(cluster: &str, nodes: &Nodes) -> Option<String> {
    use sha2::Digest as _;
    let key = nodes.ssh.public_key.as_ref()?;
    let blob = key.split_whitespace().nth(1).unwrap_or(key);
    let digest = sha2::Sha256::digest(blob.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Some(bounded_name(&format!("eksup-{cluster}-{}-{hex}", nodes.name), 255))
}

impl Builder<'_> {
    /// The user data that joins a node of `nodes` to the cluster, for its AMI family: what a
    /// self-managed group's nodes run, and a managed group's on a custom AMI (EKS adds none then).
    pub(super) fn bootstrap_user_data(
        &self,
        cp: &super::control_plane::ControlPlane,
        nodes: &Nodes,
        labels: std::collections::BTreeMap<String, String>,
        taints: Vec<String>,
    ) -> UserDataSpec {
        let template = match nodes.ami_family.as_str() {
            "AmazonLinux2" => "al2",
            f if crate::config::rules::bottlerocket(f).is_some() => "bottlerocket",
            f if crate::config::rules::windows(f).is_some() => "windows",
            f if crate::config::rules::ubuntu(f).is_some() => "ubuntu",
            _ => "al2023",
        };
        let cp_out = |key| Val::out(&cp.step, key);
        UserDataSpec {
            template: template.into(),
            cluster_name: self.cluster.clone(),
            endpoint: cp_out(keys::ENDPOINT),
            certificate_authority: cp_out(keys::CA),
            service_cidr: cp_out(keys::SERVICE_CIDR),
            labels,
            taints,
            max_pods: nodes.max_pods,
            pre_bootstrap_commands: nodes.pre_bootstrap_commands.clone(),
            override_bootstrap_command: nodes.override_bootstrap_command.clone(),
            settings: nodes.bottlerocket_settings.clone(),
            container_runtime: None,
            cluster_dns: None,
            kubelet_extra: serde_json::Map::new(),
        }
    }

    /// The step importing a group's public key, if it has one to import.
    pub(super) fn key_pair(&mut self, nodes: &Nodes) -> Option<StepId> {
        let key_name = key_pair_name(&self.cluster, nodes)?;
        let public_key = nodes.ssh.public_key.clone()?;
        Some(self.add(
            format!("key-pair-{}", slug(&nodes.name)),
            format!("EC2 key pair `{key_name}` (SSH public key of `{}`)", nodes.name),
            Resource::KeyPair { key_name, public_key },
            vec![],
        ))
    }
}

/// Who may reach the nodes on port 22: the given security groups, else the VPC (private
/// groups) or anywhere.
pub(super) fn ssh_peers(net: &Net, nodes: &Nodes) -> Vec<SgPeer> {
    let given = &nodes.ssh.source_security_group_ids;
    if !given.is_empty() {
        return given.iter().map(|i| SgPeer::Group(Val::lit(i))).collect();
    }
    if nodes.private_networking {
        // An imported VPC whose CIDR the file does not give: no narrower range is known.
        return vec![SgPeer::Cidr(net.vpc_cidr.clone().unwrap_or_else(|| "0.0.0.0/0".into()))];
    }
    vec![SgPeer::Cidr("0.0.0.0/0".into()), SgPeer::Ipv6Cidr("::/0".into())]
}

/// A TCP ingress rule for one port.
pub(super) fn ingress(port: i32, peer: SgPeer, description: String) -> SgRule {
    SgRule {
        direction: "ingress".into(),
        protocol: "tcp".into(),
        from_port: port,
        to_port: port,
        peer,
        description,
    }
}

impl Builder<'_> {
    /// A step that waits until `count` nodes of a node group are Ready: after the group and the
    /// add-ons nodes need to turn Ready (`needs`: the networking ones).
    pub(super) fn nodes_ready(
        &mut self,
        cp: &str,
        after: &str,
        needs: &[StepId],
        name: &str,
        label: &str,
        count: i32,
    ) {
        if count == 0 {
            return;
        }
        self.add(
            format!("nodes-ready-{}", slug(name)),
            format!("{count} node(s) of `{name}` Ready in Kubernetes"),
            Resource::NodesReady {
                nodegroup: name.to_string(),
                selector: format!("{label}={name}"),
                count,
                endpoint: Val::out(cp, keys::ENDPOINT),
                certificate_authority: Val::out(cp, keys::CA),
            },
            std::iter::once(after.to_string()).chain(needs.iter().cloned()).collect(),
        );
    }
}

/// An EFA group's placement group strategy: its instances close together (eksctl's).
const EFA_PLACEMENT_STRATEGY: &str = "cluster";

impl Builder<'_> {
    /// The security group of an EFA group's instances (eksctl's `EFASG`): all traffic from and
    /// to itself, as EFA's OS-bypass traffic needs; no `kubernetes.io/cluster` tag (the load
    /// balancer controller wants one such group per node).
    pub(super) fn efa_security_group(&mut self, net: &Net, nodes: &Nodes) -> StepId {
        let name = &nodes.name;
        let id = format!("security-group-efa-{}", slug(name));
        let own = || SgPeer::Group(Val::out(&id, keys::ID));
        let description =
            format!("Allow worker nodes in group {name} to communicate to itself (EFA-enabled)");
        let rule = |direction: &str| SgRule {
            direction: direction.into(),
            protocol: "-1".into(),
            from_port: -1,
            to_port: -1,
            peer: own(),
            description: description.clone(),
        };
        let rules = vec![rule("ingress"), rule("egress")];
        self.add(
            &id,
            format!("EFA security group for the nodes of `{name}`"),
            Resource::SecurityGroup {
                vpc: net.vpc.clone(),
                group_name: bounded_name(&format!("eksup-{}-{name}-efa", self.cluster), 255),
                description: "EFA-enabled security group".into(),
                rules,
                kubernetes_owned: false,
            },
            net.vpc_deps.clone(),
        )
    }

    /// The `cluster` placement group eksup makes for an EFA group that names none (eksctl's
    /// `NodeGroupPlacementGroup`), named in its launch template.
    pub(super) fn efa_placement_group(&mut self, spec: &mut LaunchTemplateSpec, nodes: &Nodes) -> StepId {
        let name = &nodes.name;
        let group_name = bounded_name(&format!("eksup-{}-{name}", self.cluster), 255);
        spec.instance.placement_group = Some(group_name.clone());
        self.add(
            format!("placement-group-{}", slug(name)),
            format!(
                "placement group `{group_name}` ({EFA_PLACEMENT_STRATEGY}) for the EFA nodes of `{name}`"
            ),
            Resource::PlacementGroup { group_name, strategy: EFA_PLACEMENT_STRATEGY.into() },
            vec![],
        )
    }

    /// eksctl's EFA device plugin, once, when a node group has `efaEnabled`: on the nodes of the
    /// EFA groups' types.
    pub(super) fn efa_device_plugin(&mut self, cp: &str) {
        let managed = self.res.managed_node_groups.iter().filter(|ng| ng.nodes.efa);
        let self_managed = self.res.node_groups.iter().filter(|ng| ng.nodes.efa);
        if managed.clone().count() + self_managed.clone().count() == 0 {
            return;
        }
        let mut types: Vec<String> = managed.flat_map(|ng| ng.instance_types.clone()).collect();
        types.extend(self_managed.flat_map(crate::config::resolved::SelfManaged::instance_types));
        types.sort();
        types.dedup();
        self.add(
            "device-plugin-efa",
            "EFA device plugin (DaemonSet `kube-system/aws-efa-k8s-device-plugin`)",
            Resource::EfaDevicePlugin {
                instance_types: types,
                endpoint: Val::out(cp, keys::ENDPOINT),
                certificate_authority: Val::out(cp, keys::CA),
            },
            vec![cp.to_string()],
        );
    }
}

/// An EFA group's subnets: the first of those chosen (EFA traffic stays in one subnet; eksctl
/// keeps the first where the file names zones or subnets, eksup wherever they come from).
pub(super) fn efa_subnets<'a>(
    nodes: &Nodes,
    subnets: Vec<&'a super::network::Subnet>,
) -> Vec<&'a super::network::Subnet> {
    if nodes.efa { subnets.into_iter().take(1).collect() } else { subnets }
}
