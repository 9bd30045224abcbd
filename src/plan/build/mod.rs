//! Build the plan from a defaulted, validated config. Pure: the same config gives the same plan.

use std::collections::BTreeMap;

use serde_json::json;

use super::*;
use crate::config::defaults::looks_like_zone;
use crate::config::{ClusterConfig, Loaded};

/// What the plan builder needs besides the config.
#[derive(Debug, Clone, Default)]
pub struct PlanOptions {
    /// Add a step that writes the kubeconfig once the control plane is active.
    pub write_kubeconfig: bool,
    /// Add a step per node group that waits until its nodes are Ready in Kubernetes.
    pub wait_nodes: bool,
    /// The AWS account the cluster is created in (trust conditions name it); `None` offline.
    pub account_id: Option<String>,
}

/// One add-on to install: a default one, a file entry, or a file entry over a default.
#[derive(Debug, Clone)]
struct AddonPlan {
    name: String,
    version: Option<String>,
    configuration_values: Option<String>,
    service_account_role_arn: Option<String>,
    resolve_conflicts: Option<String>,
    /// Installed once the node groups exist (metrics-server), as eksctl does.
    after_nodes: bool,
}

/// The default add-ons eksctl installs: the networking ones before the node groups, CoreDNS
/// beside them (it turns ACTIVE once nodes run it), metrics-server after them (not in the
/// China, GovCloud and ISO partitions, where eksctl skips it).
pub const DEFAULT_ADDONS: &[&str] = &["vpc-cni", "kube-proxy", "coredns", "metrics-server"];

fn addon_plans(cfg: &ClusterConfig, region: &str) -> Vec<AddonPlan> {
    let disabled = cfg.addons_config.as_ref().and_then(|a| a.disable_default_addons) == Some(true);
    let metrics = partition(region) == "aws" && !region.starts_with("us-iso");
    let mut out: Vec<AddonPlan> = if disabled {
        Vec::new()
    } else {
        DEFAULT_ADDONS
            .iter()
            .filter(|n| metrics || **n != "metrics-server")
            .map(|n| AddonPlan {
                name: (*n).to_string(),
                version: None,
                configuration_values: None,
                service_account_role_arn: None,
                resolve_conflicts: None,
                after_nodes: *n == "metrics-server",
            })
            .collect()
    };
    for a in cfg.addons.iter().flatten() {
        let name = a.name.clone().unwrap_or_default();
        let plan = AddonPlan {
            name: name.clone(),
            version: a.version.clone().filter(|v| v != "latest"),
            configuration_values: a.configuration_values.clone(),
            service_account_role_arn: a.service_account_role_arn.clone(),
            resolve_conflicts: a.resolve_conflicts.clone(),
            after_nodes: name == "metrics-server",
        };
        match out.iter_mut().find(|o| o.name == name) {
            Some(existing) => *existing = plan,
            None => out.push(plan),
        }
    }
    out
}

/// The AWS partition of a region.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

/// `name` if it fits in `max` characters, else a prefix plus a stable hash of the whole name.
pub fn bounded_name(name: &str, max: usize) -> String {
    if name.len() <= max {
        return name.to_string();
    }
    // FNV-1a: stable across runs and platforms.
    let hash = name
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let suffix = format!("-{:08x}", hash & 0xffff_ffff);
    let keep = max - suffix.len();
    format!("{}{suffix}", name[..keep].trim_end_matches('-'))
}

/// A step id fragment from free text (`team/app` -> `team-app`).
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c.to_ascii_lowercase() } else { '-' })
        .collect()
}

/// The ownership tags every resource gets, then the user's `metadata.tags`.
pub fn ownership_tags(cfg: &ClusterConfig) -> BTreeMap<String, String> {
    let mut t: BTreeMap<String, String> = cfg.metadata.tags.clone().unwrap_or_default();
    t.insert(tags::CLUSTER.into(), cfg.metadata.name.clone().unwrap_or_default());
    t.insert(tags::MANAGED_BY.into(), "eksup".into());
    t
}

struct Builder<'a> {
    cfg: &'a ClusterConfig,
    cluster: String,
    region: String,
    partition: &'static str,
    steps: Vec<Step>,
}

struct Net {
    /// `(key, az, kind, id value, route-table step)`.
    subnets: Vec<(String, String, SubnetKind, Val, Option<StepId>)>,
    /// Steps that produce the subnets (for dependencies).
    subnet_steps: BTreeMap<String, StepId>,
    vpc: Val,
    vpc_deps: Vec<StepId>,
    vpc_cidr: Option<String>,
    /// Configured subnet ids by key, for node groups that name subnets by id.
    ids: BTreeMap<String, String>,
}

impl Builder<'_> {
    fn add(
        &mut self,
        id: impl Into<String>,
        description: impl Into<String>,
        resource: Resource,
        deps: Vec<StepId>,
    ) -> StepId {
        let id = id.into();
        let mut depends_on = deps;
        depends_on.sort();
        depends_on.dedup();
        self.steps.push(Step { id: id.clone(), description: description.into(), resource, depends_on });
        id
    }

    /// An add-on step (and the vpc-cni's service-account role with `withOIDC`).
    fn addon(&mut self, cp: &str, with_oidc: bool, a: AddonPlan, has_nodes: bool) -> StepId {
        let mut deps = vec![cp.to_string()];
        let role = match a.service_account_role_arn {
            Some(arn) => Some(Val::lit(arn)),
            // eksctl gives aws-node its own role with IRSA instead of the node role's policy.
            None if a.name == "vpc-cni" && with_oidc => {
                let role_name = bounded_name(&format!("eksup-{}-vpc-cni", self.cluster), 64);
                let policy = self.policy("AmazonEKS_CNI_Policy");
                let arn = self.role(
                    "iam-role-vpc-cni",
                    "service account `kube-system/aws-node`",
                    role_name,
                    Trust::ServiceAccount {
                        oidc_provider: Val::out("oidc-provider", keys::ARN),
                        namespace: "kube-system".into(),
                        name: "aws-node".into(),
                    },
                    vec![policy],
                    None,
                );
                deps.push("iam-role-vpc-cni".into());
                Some(arn)
            }
            None => None,
        };
        let version = a.version.as_ref().map(|v| format!(" {v}")).unwrap_or_default();
        // CoreDNS on a cluster without nodes runs on Fargate, when a profile selects kube-system.
        let fargate_dns = a.name == "coredns"
            && !has_nodes
            && self.cfg.fargate_profiles.iter().flatten().flat_map(|f| f.selectors.iter().flatten()).any(
                |s| {
                    s.namespace.as_deref() == Some("kube-system")
                        && s.labels.as_ref().is_none_or(|l| l.is_empty())
                },
            );
        let configuration_values = a
            .configuration_values
            .or_else(|| fargate_dns.then(|| r#"{"computeType":"Fargate"}"#.to_string()));
        self.add(
            format!("addon-{}", slug(&a.name)),
            format!("add-on `{}`{version}", a.name),
            Resource::Addon {
                // Deployments (CoreDNS, metrics-server) turn ACTIVE only once nodes run them, and
                // nodes come later (or fail): as eksctl, the run does not wait for them; the
                // nodes-ready steps show the cluster works.
                wait: !matches!(a.name.as_str(), "coredns" | "metrics-server"),
                addon_name: a.name,
                version: a.version,
                configuration_values,
                service_account_role_arn: role,
                resolve_conflicts: a.resolve_conflicts,
            },
            deps,
        )
    }

    /// The remote-access security group of a managed node group with `ssh.allow` (eksctl's
    /// `<stack>-remoteAccess`): port 22 from the given groups, the VPC (private groups) or anywhere.
    fn remote_access_group(
        &mut self,
        net: &Net,
        name: &str,
        private: bool,
        ssh: &crate::config::NodeGroupSSH,
    ) -> StepId {
        let peers: Vec<SgPeer> = match ssh.source_security_group_ids.clone().filter(|x| !x.is_empty()) {
            Some(ids) => ids.into_iter().map(|i| SgPeer::Group(Val::lit(i))).collect(),
            None if private => vec![SgPeer::Cidr(net.vpc_cidr.clone().unwrap_or_else(|| "0.0.0.0/0".into()))],
            None => vec![SgPeer::Cidr("0.0.0.0/0".into()), SgPeer::Ipv6Cidr("::/0".into())],
        };
        let what = if private { " (private, only inside VPC)" } else { "" };
        let rules = peers
            .into_iter()
            .map(|peer| SgRule {
                direction: "ingress".into(),
                protocol: "tcp".into(),
                from_port: 22,
                to_port: 22,
                peer,
                description: format!("Allow SSH access to managed worker nodes in group {name}{what}"),
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

    /// A step that waits until `count` nodes of a node group are Ready.
    fn nodes_ready(&mut self, cp: &str, after: &str, name: &str, label: &str, count: Option<i64>) {
        let count = i32::try_from(count.unwrap_or(0)).unwrap_or(i32::MAX);
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
            vec![after.to_string()],
        );
    }

    fn policy(&self, name: &str) -> String {
        format!("arn:{}:iam::aws:policy/{name}", self.partition)
    }

    fn network(&mut self) -> Net {
        let vpc_cfg = self.cfg.vpc.clone().unwrap_or_default();
        let subnets_cfg = vpc_cfg.subnets.clone().unwrap_or_default();
        let kinds = [
            (SubnetKind::Public, subnets_cfg.public.clone()),
            (SubnetKind::Private, subnets_cfg.private.clone()),
        ];
        let existing = vpc_cfg.id.is_some()
            || kinds.iter().any(|(_, m)| m.iter().flatten().any(|(_, s)| s.id.is_some()));
        if existing {
            let mut imported = Vec::new();
            let mut subnets = Vec::new();
            for (kind, map) in &kinds {
                let label = match kind {
                    SubnetKind::Public => "public",
                    SubnetKind::Private => "private",
                };
                for (key, s) in map.iter().flatten() {
                    let az = s.az.clone().or_else(|| looks_like_zone(key).then(|| key.clone()));
                    let output = format!("subnet-{label}-{}", slug(key));
                    imported.push(ImportedSubnet {
                        key: output.clone(),
                        id: s.id.clone(),
                        az: az.clone(),
                        cidr: s.cidr.clone(),
                        kind: *kind,
                    });
                    subnets.push((
                        key.clone(),
                        az.unwrap_or_default(),
                        *kind,
                        Val::out("existing-vpc", &output),
                        None,
                    ));
                }
            }
            let vpc_id = vpc_cfg.id.clone().unwrap_or_default();
            let desc = if vpc_id.is_empty() {
                "existing VPC of the given subnets".to_string()
            } else {
                format!("existing VPC `{vpc_id}`")
            };
            let step =
                self.add("existing-vpc", desc, Resource::ImportVpc { vpc_id, subnets: imported }, vec![]);
            let ids = kinds
                .iter()
                .flat_map(|(_, m)| m.iter().flatten().filter_map(|(k, s)| Some((k.clone(), s.id.clone()?))))
                .collect();
            return Net {
                ids,
                subnets,
                subnet_steps: BTreeMap::new(),
                vpc: Val::out(&step, keys::ID),
                vpc_deps: vec![step],
                vpc_cidr: vpc_cfg.cidr.clone(),
            };
        }

        let cidr = vpc_cfg.cidr.clone().unwrap_or_default();
        let vpc = self.add("vpc", format!("VPC `{cidr}`"), Resource::Vpc { cidr: cidr.clone() }, vec![]);
        let vpc_val = Val::out(&vpc, keys::ID);
        let mut subnets = Vec::new();
        let mut subnet_steps = BTreeMap::new();
        for (kind, map) in &kinds {
            let label = match kind {
                SubnetKind::Public => "public",
                SubnetKind::Private => "private",
            };
            for (key, s) in map.iter().flatten() {
                let az = s.az.clone().unwrap_or_else(|| key.clone());
                let id = format!("subnet-{label}-{}", slug(key));
                let c = s.cidr.clone().unwrap_or_default();
                self.add(
                    &id,
                    format!("{label} subnet `{c}` in `{az}`"),
                    Resource::Subnet { vpc: vpc_val.clone(), az: az.clone(), cidr: c, kind: *kind },
                    vec![vpc.clone()],
                );
                subnet_steps.insert(id.clone(), id.clone());
                subnets.push((key.clone(), az, *kind, Val::out(&id, keys::ID), None));
            }
        }
        let public: Vec<usize> = (0..subnets.len()).filter(|i| subnets[*i].2 == SubnetKind::Public).collect();
        let private: Vec<usize> =
            (0..subnets.len()).filter(|i| subnets[*i].2 == SubnetKind::Private).collect();
        let step_of = |v: &Val| match v {
            Val::Out(r) => r.step.clone(),
            Val::Lit(s) => s.clone(),
        };
        if !public.is_empty() {
            let igw = self.add(
                "internet-gateway",
                "internet gateway",
                Resource::InternetGateway { vpc: vpc_val.clone() },
                vec![vpc.clone()],
            );
            let mut deps = vec![vpc.clone(), igw.clone()];
            deps.extend(public.iter().map(|i| step_of(&subnets[*i].3)));
            let rt = self.add(
                "route-table-public",
                "public route table (0.0.0.0/0 via the internet gateway)",
                Resource::RouteTable {
                    vpc: vpc_val.clone(),
                    kind: SubnetKind::Public,
                    az: None,
                    default_route: Some(Val::out(&igw, keys::ID)),
                    subnets: public.iter().map(|i| subnets[*i].3.clone()).collect(),
                },
                deps,
            );
            for i in &public {
                subnets[*i].4 = Some(rt.clone());
            }
        }
        let nat_mode =
            vpc_cfg.nat.as_ref().and_then(|n| n.gateway.clone()).unwrap_or_else(|| "Single".into());
        let mut nats: BTreeMap<String, StepId> = BTreeMap::new();
        if nat_mode != "Disable" && !public.is_empty() && !private.is_empty() {
            let zones: Vec<usize> =
                if nat_mode == "HighlyAvailable" { public.clone() } else { vec![public[0]] };
            for i in zones {
                let (_, az, _, subnet, _) = subnets[i].clone();
                let suffix =
                    if nat_mode == "HighlyAvailable" { format!("-{}", slug(&az)) } else { String::new() };
                let eip = self.add(
                    format!("elastic-ip{suffix}"),
                    format!("elastic IP for the NAT gateway in `{az}`"),
                    Resource::ElasticIp { az: az.clone() },
                    vec![],
                );
                let mut deps = vec![eip.clone(), step_of(&subnet)];
                deps.extend(self.steps.iter().filter(|s| s.id == "internet-gateway").map(|s| s.id.clone()));
                let nat = self.add(
                    format!("nat-gateway{suffix}"),
                    format!("NAT gateway in `{az}`"),
                    Resource::NatGateway { az: az.clone(), subnet, allocation: Val::out(&eip, keys::ID) },
                    deps,
                );
                nats.insert(az, nat);
            }
        }
        if vpc_cfg.network_acls.as_ref().and_then(|n| n.enabled) == Some(true) {
            for (kind, members) in [(SubnetKind::Public, &public), (SubnetKind::Private, &private)] {
                if members.is_empty() {
                    continue;
                }
                let label = if kind == SubnetKind::Public { "public" } else { "private" };
                let mut deps = vec![vpc.clone()];
                deps.extend(members.iter().map(|i| step_of(&subnets[*i].3)));
                let rules = nacl_rules(kind, &cidr);
                self.add(
                    format!("network-acl-{label}"),
                    format!("network ACL for the {label} subnets ({} rules)", rules.len()),
                    Resource::NetworkAcl {
                        vpc: vpc_val.clone(),
                        kind,
                        subnets: members.iter().map(|i| subnets[*i].3.clone()).collect(),
                        rules,
                    },
                    deps,
                );
            }
        }
        let first_nat = nats.values().next().cloned();
        for i in private {
            let (key, az, _, subnet, _) = subnets[i].clone();
            let nat = nats.get(&az).cloned().or_else(|| first_nat.clone());
            let mut deps = vec![vpc.clone(), step_of(&subnet)];
            deps.extend(nat.clone());
            let route = nat.as_ref().map(|n| Val::out(n, keys::ID));
            let via = if route.is_some() { "0.0.0.0/0 via the NAT gateway" } else { "no internet route" };
            let rt = self.add(
                format!("route-table-private-{}", slug(&key)),
                format!("private route table for `{az}` ({via})"),
                Resource::RouteTable {
                    vpc: vpc_val.clone(),
                    kind: SubnetKind::Private,
                    az: Some(az.clone()),
                    default_route: route,
                    subnets: vec![subnet],
                },
                deps,
            );
            subnets[i].4 = Some(rt);
        }
        Net {
            subnets,
            subnet_steps,
            vpc: vpc_val,
            vpc_deps: vec![vpc],
            vpc_cidr: Some(cidr),
            ids: BTreeMap::new(),
        }
    }

    fn role(
        &mut self,
        id: &str,
        what: &str,
        role_name: String,
        trust: Trust,
        policies: Vec<String>,
        boundary: Option<String>,
    ) -> Val {
        let deps = match &trust {
            Trust::ServiceAccount { oidc_provider: Val::Out(r), .. } => vec![r.step.clone()],
            _ => vec![],
        };
        self.add(
            id,
            format!("IAM role `{role_name}` ({what})"),
            Resource::IamRole {
                role_name,
                trust,
                managed_policies: policies,
                permissions_boundary: boundary,
            },
            deps,
        );
        Val::out(id, keys::ARN)
    }
}

/// The subnets a node group or Fargate profile uses.
fn select_subnets(
    net: &Net,
    private: bool,
    azs: Option<&Vec<String>>,
    names: Option<&Vec<String>>,
) -> Vec<usize> {
    if let Some(names) = names.filter(|n| !n.is_empty()) {
        return (0..net.subnets.len())
            .filter(|i| {
                let (key, _, _, _, _) = &net.subnets[*i];
                names.iter().any(|n| n == key || net.ids.get(key).is_some_and(|id| id == n))
            })
            .collect();
    }
    let kind = if private { SubnetKind::Private } else { SubnetKind::Public };
    (0..net.subnets.len())
        .filter(|i| net.subnets[*i].2 == kind)
        .filter(|i| azs.is_none_or(|a| a.is_empty() || a.contains(&net.subnets[*i].1)))
        .collect()
}

fn subnet_deps(net: &Net, idx: &[usize]) -> Vec<StepId> {
    let mut deps = Vec::new();
    for i in idx {
        let (_, _, _, id, rt) = &net.subnets[*i];
        if let Val::Out(r) = id {
            deps.push(r.step.clone());
        }
        deps.extend(rt.clone());
    }
    deps.extend(net.vpc_deps.iter().filter(|d| *d == "existing-vpc").cloned());
    deps
}

/// The managed node group AMI type for a family and instance type.
/// Instance families by what their AMI needs (eksctl's generated instance table,
/// `pkg/utils/instance/instance_types.go`, read by `amitype.go`).
const ARM_FAMILIES: &[&str] = &[
    "a1", "c6g", "c6gd", "c6gn", "c7g", "c7gd", "c7gn", "c8g", "c8gb", "c8gd", "c8gn", "c9g", "c9gd", "g5g",
    "hpc7g", "i4g", "i8g", "i8ge", "im4gn", "is4gen", "m6g", "m6gd", "m7g", "m7gd", "m8g", "m8gb", "m8gd",
    "m8gn", "m9g", "m9gd", "r6g", "r6gd", "r7g", "r7gd", "r8g", "r8gb", "r8gd", "r8gn", "t4g", "x2gd", "x8g",
];
const NVIDIA_FAMILIES: &[&str] = &[
    "g4dn", "g5", "g5g", "g6", "g6e", "g6f", "g7", "g7e", "gr6", "gr6f", "p3dn", "p4d", "p4de", "p5", "p5e",
    "p5en", "p6-b200", "p6-b300",
];
const NEURON_FAMILIES: &[&str] = &["inf1", "inf2", "trn1", "trn1n", "trn2"];

/// The EKS AMI type for a family and instance type, as eksctl maps them: ARM, NVIDIA (also on
/// ARM: g5g) and Neuron (Inferentia, Trainium) get their own images.
pub fn ami_type(family: &str, instance_type: &str) -> String {
    let class = instance_type.split('.').next().unwrap_or_default();
    let arm = ARM_FAMILIES.contains(&class);
    let nvidia = NVIDIA_FAMILIES.contains(&class);
    let neuron = NEURON_FAMILIES.contains(&class);
    match family {
        "AmazonLinux2" if arm => "AL2_ARM_64",
        "AmazonLinux2" if nvidia || neuron => "AL2_x86_64_GPU",
        "AmazonLinux2" => "AL2_x86_64",
        "Bottlerocket" if arm && nvidia => "BOTTLEROCKET_ARM_64_NVIDIA",
        "Bottlerocket" if arm => "BOTTLEROCKET_ARM_64",
        "Bottlerocket" if nvidia => "BOTTLEROCKET_x86_64_NVIDIA",
        "Bottlerocket" => "BOTTLEROCKET_x86_64",
        _ if arm && nvidia => "AL2023_ARM_64_NVIDIA",
        _ if arm => "AL2023_ARM_64_STANDARD",
        _ if nvidia => "AL2023_x86_64_NVIDIA",
        _ if neuron => "AL2023_x86_64_NEURON",
        _ => "AL2023_x86_64_STANDARD",
    }
    .to_string()
}

pub fn ssm_parameter(family: &str, version: &str, instance_type: &str) -> String {
    let t = ami_type(family, instance_type);
    let arch = if t.contains("ARM") { "arm64" } else { "x86_64" };
    match family {
        "AmazonLinux2" => {
            let flavour = if t.contains("ARM") {
                "-arm64"
            } else if t.contains("GPU") {
                "-gpu"
            } else {
                ""
            };
            format!("/aws/service/eks/optimized-ami/{version}/amazon-linux-2{flavour}/recommended/image_id")
        }
        "Bottlerocket" => {
            let nvidia = if t.contains("NVIDIA") { "-nvidia" } else { "" };
            format!("/aws/service/bottlerocket/aws-k8s-{version}{nvidia}/{arch}/latest/image_id")
        }
        _ => {
            let flavour = if t.contains("NVIDIA") {
                "nvidia"
            } else if t.contains("NEURON") {
                "neuron"
            } else {
                "standard"
            };
            format!(
                "/aws/service/eks/optimized-ami/{version}/amazon-linux-2023/{arch}/{flavour}/recommended/image_id"
            )
        }
    }
}

fn lifecycle_document(l: &crate::config::EcrLifecyclePolicy) -> Option<String> {
    if let Some(raw) = &l.raw {
        return Some(raw.clone());
    }
    let mut rules = Vec::new();
    if let Some(days) = l.expire_untagged_after_days {
        rules.push(json!({"rulePriority": rules.len() + 1, "description": format!("expire untagged images after {days} days"),
            "selection": {"tagStatus": "untagged", "countType": "sinceImagePushed", "countUnit": "days", "countNumber": days},
            "action": {"type": "expire"}}));
    }
    if let Some(n) = l.keep_last_images {
        rules.push(
            json!({"rulePriority": rules.len() + 1, "description": format!("keep the last {n} images"),
            "selection": {"tagStatus": "any", "countType": "imageCountMoreThan", "countNumber": n},
            "action": {"type": "expire"}}),
        );
    }
    (!rules.is_empty()).then(|| json!({ "rules": rules }).to_string())
}

/// The step id of a repository (`team/app` -> `ecr-repository-team-app`).
pub fn repository_step_id(name: &str) -> String {
    format!("ecr-repository-{}", slug(name))
}

/// What AWS needs for a declared repository (defaults already applied or applied here).
pub fn repository_spec(repo: &crate::config::EcrRepositoryConfig, partition: &str) -> EcrRepositorySpec {
    let enc = repo.encryption.clone().unwrap_or_default();
    EcrRepositorySpec {
        repository_name: repo.name.clone().unwrap_or_default(),
        image_tag_mutability: repo.image_tag_mutability.clone().unwrap_or_else(|| "IMMUTABLE".into()),
        scan_on_push: repo.scan_on_push.unwrap_or(true),
        encryption_type: enc.encryption_type.unwrap_or_else(|| "AES256".into()),
        kms_key: enc.kms_key,
        lifecycle_policy: repo.lifecycle_policy.as_ref().and_then(lifecycle_document),
        repository_policy: pull_policy(partition, repo.pull_accounts.as_deref().unwrap_or_default()),
        tags: repo.tags.clone().unwrap_or_default(),
    }
}

/// The repository policy that lets `accounts` pull.
pub fn pull_policy(partition: &str, accounts: &[String]) -> Option<String> {
    if accounts.is_empty() {
        return None;
    }
    let principals: Vec<String> = accounts.iter().map(|a| format!("arn:{partition}:iam::{a}:root")).collect();
    Some(
        json!({"Version": "2012-10-17", "Statement": [{"Sid": "eksup-cross-account-pull", "Effect": "Allow",
            "Principal": {"AWS": principals},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]}]})
        .to_string(),
    )
}

/// The launch template both node group kinds share: name, root volume, IMDS, SSH key, security
/// groups and instance tags (self-managed groups add image, type, profile and user data). A
/// macro because `NodeGroup` and `ManagedNodeGroup` are distinct types with the same fields.
macro_rules! node_launch_template {
    ($ng:expr, $cluster:expr, $name:expr, $ssh:expr, $sgs:expr) => {
        LaunchTemplateSpec {
            name: bounded_name(&format!("eksup-{}-{}", $cluster, $name), 128),
            instance_type: None,
            image: None,
            volume_size: $ng.volume_size.unwrap_or(80) as i32,
            volume_type: $ng.volume_type.clone().unwrap_or_else(|| "gp3".into()),
            volume_iops: $ng.volume_iops.map(|x| x as i32),
            volume_throughput: $ng.volume_throughput.map(|x| x as i32),
            volume_encrypted: $ng.volume_encrypted.unwrap_or(false),
            volume_kms_key_id: $ng.volume_kms_key_id.clone(),
            // Bottlerocket's size goes on its data volume (the OS volume keeps the AMI's size).
            device_name: if $ng.ami_family.as_deref() == Some("Bottlerocket") {
                "/dev/xvdb".into()
            } else {
                "/dev/xvda".into()
            },
            // Blocking pods from IMDS needs IMDSv2 (hop limit 1): IMDSv1 would let them through.
            imds_v2_required: $ng.disable_imdsv1 != Some(false) || $ng.disable_pod_imds == Some(true),
            hop_limit: if $ng.disable_pod_imds == Some(true) { 1 } else { 2 },
            key_name: if $ssh.allow == Some(true) { $ssh.public_key_name.clone() } else { None },
            security_groups: $sgs,
            instance_profile_arn: None,
            user_data: None,
            managed_user_data: None,
            instance_tags: $ng.tags.clone().unwrap_or_default(),
        }
    };
}

/// Build the plan for creating the cluster of `loaded`.
#[allow(clippy::too_many_lines)]
pub fn build(loaded: &Loaded, opts: &PlanOptions) -> Plan {
    let cfg = &loaded.config;
    let cluster = loaded.name().to_string();
    let region = loaded.region().to_string();
    let mut b = Builder {
        cfg,
        cluster: cluster.clone(),
        region: region.clone(),
        partition: partition(&region),
        steps: Vec::new(),
    };

    // ECR repositories depend on nothing: they start with the network.
    for repo in cfg.ecr.iter().flat_map(|e| e.repositories.iter().flatten()) {
        let spec = repository_spec(repo, b.partition);
        let name = spec.repository_name.clone();
        b.add(
            repository_step_id(&name),
            format!("ECR repository `{name}`"),
            Resource::EcrRepository(Box::new(spec)),
            vec![],
        );
    }

    let net = b.network();
    let vpc_cfg = cfg.vpc.clone().unwrap_or_default();
    let iam = cfg.iam.clone().unwrap_or_default();

    // Security groups.
    let (cp_sg, cp_sg_deps) = match &vpc_cfg.security_group {
        Some(id) => (Val::lit(id.clone()), vec![]),
        None => {
            let rules = vpc_cfg
                .extra_cidrs
                .iter()
                .flatten()
                .map(|c| SgRule {
                    direction: "ingress".into(),
                    protocol: "tcp".into(),
                    from_port: 443,
                    to_port: 443,
                    peer: SgPeer::Cidr(c.clone()),
                    description: "Kubernetes API from an extra CIDR".into(),
                })
                .collect();
            let id = b.add(
                "security-group-control-plane",
                "security group for the control plane",
                Resource::SecurityGroup {
                    vpc: net.vpc.clone(),
                    group_name: bounded_name(&format!("eksup-{cluster}-control-plane"), 255),
                    description: "Communication between the control plane and worker nodegroups".into(),
                    rules,
                    kubernetes_owned: false,
                },
                net.vpc_deps.clone(),
            );
            (Val::out(&id, keys::ID), vec![id])
        }
    };
    let (shared_sg, shared_sg_deps) = match &vpc_cfg.shared_node_security_group {
        Some(id) => (Val::lit(id.clone()), vec![]),
        None => {
            let id = "security-group-shared-nodes";
            b.add(
                id,
                "security group shared by all nodes",
                Resource::SecurityGroup {
                    vpc: net.vpc.clone(),
                    group_name: bounded_name(&format!("eksup-{cluster}-shared-nodes"), 255),
                    description: "Communication between all nodes in the cluster".into(),
                    // eksctl makes this rule whatever `manageSharedNodeSecurityGroupRules` says.
                    rules: vec![SgRule {
                        direction: "ingress".into(),
                        protocol: "-1".into(),
                        from_port: -1,
                        to_port: -1,
                        peer: SgPeer::Group(Val::out(id, keys::ID)),
                        description: "Allow nodes to communicate with each other (all ports)".into(),
                    }],
                    kubernetes_owned: false,
                },
                net.vpc_deps.clone(),
            );
            (Val::out(id, keys::ID), vec![id.to_string()])
        }
    };

    // The cluster role.
    let cluster_role = match &iam.service_role_arn {
        Some(arn) => Val::lit(arn.clone()),
        None => {
            let mut policies = vec![b.policy("AmazonEKSClusterPolicy")];
            if iam.vpc_resource_controller_policy != Some(false) {
                policies.push(b.policy("AmazonEKSVPCResourceController"));
            }
            b.role(
                "iam-role-cluster",
                "cluster",
                bounded_name(&format!("eksup-{cluster}-cluster"), 64),
                Trust::service("eks.amazonaws.com"),
                policies,
                iam.service_role_permissions_boundary.clone(),
            )
        }
    };

    // The control plane.
    let endpoints = vpc_cfg.cluster_endpoints.clone().unwrap_or_default();
    let all_subnets: Vec<usize> = (0..net.subnets.len()).collect();
    let mut cp_deps: Vec<StepId> = net
        .subnets
        .iter()
        .filter_map(|s| match &s.3 {
            Val::Out(r) => Some(r.step.clone()),
            Val::Lit(_) => None,
        })
        .collect();
    cp_deps.extend(net.vpc_deps.iter().filter(|d| *d == "existing-vpc").cloned());
    cp_deps.extend(cp_sg_deps.clone());
    if let Val::Out(r) = &cluster_role {
        cp_deps.push(r.step.clone());
    }
    let logging = cfg.cloud_watch.as_ref().and_then(|c| c.cluster_logging.as_ref());
    let access = cfg.access_config.clone().unwrap_or_default();
    let knc = cfg.kubernetes_network_config.clone().unwrap_or_default();
    let version = cfg.metadata.version.clone().unwrap_or_default();
    let cp = b.add(
        "control-plane",
        format!("EKS control plane `{cluster}` (Kubernetes {version})"),
        Resource::ControlPlane(Box::new(ControlPlaneSpec {
            version: version.clone(),
            role: cluster_role,
            subnets: all_subnets.iter().map(|i| net.subnets[*i].3.clone()).collect(),
            security_groups: vec![cp_sg.clone()],
            endpoint_public_access: endpoints.public_access.unwrap_or(true),
            endpoint_private_access: endpoints.private_access.unwrap_or(false),
            public_access_cidrs: vpc_cfg.public_access_cidrs.clone().unwrap_or_default(),
            log_types: logging.and_then(|l| l.enable_types.clone()).unwrap_or_default(),
            authentication_mode: access
                .authentication_mode
                .clone()
                .unwrap_or_else(|| "API_AND_CONFIG_MAP".into()),
            bootstrap_cluster_creator_admin_permissions: access
                .bootstrap_cluster_creator_admin_permissions
                .unwrap_or(true),
            secrets_key_arn: cfg.secrets_encryption.as_ref().and_then(|s| s.key_arn.clone()),
            service_ipv4_cidr: knc.service_ipv4_cidr.clone(),
            ip_family: knc.ip_family.clone().unwrap_or_else(|| "IPv4".into()).to_ascii_lowercase(),
            upgrade_support_type: cfg.upgrade_policy.as_ref().and_then(|u| u.support_type.clone()),
            zonal_shift: cfg.zonal_shift_config.as_ref().and_then(|z| z.enabled),
        })),
        cp_deps,
    );
    let cluster_sg = Val::out(&cp, keys::CLUSTER_SG);

    if vpc_cfg.manage_shared_node_security_group_rules != Some(false) {
        let mut deps = vec![cp.clone()];
        deps.extend(shared_sg_deps.clone());
        b.add(
            "security-group-rules-shared-nodes",
            "rules between the shared node group and the cluster security group",
            Resource::SecurityGroupRules {
                group: shared_sg.clone(),
                rules: vec![SgRule {
                    direction: "ingress".into(),
                    protocol: "-1".into(),
                    from_port: -1,
                    to_port: -1,
                    peer: SgPeer::Group(cluster_sg.clone()),
                    description:
                        "Allow managed and unmanaged nodes to communicate with each other (all ports)".into(),
                }],
            },
            deps.clone(),
        );
        b.add(
            "security-group-rules-cluster",
            "rules on the EKS cluster security group for the shared node group",
            Resource::SecurityGroupRules {
                group: cluster_sg.clone(),
                rules: vec![SgRule {
                    direction: "ingress".into(),
                    protocol: "-1".into(),
                    from_port: -1,
                    to_port: -1,
                    peer: SgPeer::Group(shared_sg.clone()),
                    description: "Allow unmanaged nodes to communicate with control plane (all ports)".into(),
                }],
            },
            deps,
        );
    }

    if iam.with_oidc == Some(true) {
        b.add(
            "oidc-provider",
            "IAM OIDC provider for the cluster",
            Resource::OidcProvider { issuer: Val::out(&cp, keys::OIDC_ISSUER) },
            vec![cp.clone()],
        );
    }
    if opts.write_kubeconfig {
        b.add(
            "kubeconfig",
            "kubeconfig context",
            Resource::Kubeconfig {
                endpoint: Val::out(&cp, keys::ENDPOINT),
                certificate_authority: Val::out(&cp, keys::CA),
            },
            vec![cp.clone()],
        );
    }

    let with_oidc = iam.with_oidc == Some(true);
    let node_policies =
        |b: &Builder<'_>, ng_iam: Option<&crate::config::NodeGroupIAM>, self_managed: bool| {
            let mut p: Vec<String> =
                match ng_iam.and_then(|i| i.attach_policy_arns.clone()).filter(|a| !a.is_empty()) {
                    Some(arns) => arns,
                    None => {
                        let mut d = vec![
                            b.policy("AmazonEKSWorkerNodePolicy"),
                            b.policy("AmazonEC2ContainerRegistryPullOnly"),
                            b.policy("AmazonSSMManagedInstanceCore"),
                        ];
                        if !with_oidc {
                            d.push(b.policy("AmazonEKS_CNI_Policy"));
                        }
                        d
                    }
                };
            let pull = b.policy("AmazonEC2ContainerRegistryPullOnly");
            if self_managed && !p.contains(&pull) {
                p.push(pull);
            }
            if let Some(ap) = ng_iam.and_then(|i| i.with_addon_policies.as_ref()) {
                if ap.image_builder == Some(true) {
                    p.push(b.policy("AmazonEC2ContainerRegistryPowerUser"));
                }
                if ap.cloud_watch == Some(true) {
                    p.push(b.policy("CloudWatchAgentServerPolicy"));
                }
                if ap.ebs == Some(true) {
                    p.push(b.policy("service-role/AmazonEBSCSIDriverPolicy"));
                }
            }
            p
        };

    // Add-ons: the defaults (eksctl's) unless turned off, with the file's entries overriding them.
    // The networking add-ons come before the node groups: without them nodes never turn Ready.
    let addons = addon_plans(cfg, &region);
    let mut pre_node_addons: Vec<StepId> = Vec::new();
    let mut post_node_addons: Vec<AddonPlan> = Vec::new();
    let has_nodes = cfg.managed_node_groups.iter().flatten().any(|n| n.desired_capacity.unwrap_or(0) > 0)
        || cfg.node_groups.iter().flatten().any(|n| n.desired_capacity.unwrap_or(0) > 0);
    for a in addons {
        if a.after_nodes {
            post_node_addons.push(a);
            continue;
        }
        let id = b.addon(&cp, with_oidc, a, has_nodes);
        if matches!(id.as_str(), "addon-vpc-cni" | "addon-kube-proxy") {
            pre_node_addons.push(id);
        }
    }
    let mut nodegroup_steps: Vec<StepId> = Vec::new();

    // Managed node groups.
    for ng in cfg.managed_node_groups.iter().flatten() {
        let name = ng.name.clone().unwrap_or_default();
        let s = slug(&name);
        let role = match ng.iam.as_ref().and_then(|i| i.instance_role_arn.clone()) {
            Some(arn) => Val::lit(arn),
            None => {
                let role_name = ng
                    .iam
                    .as_ref()
                    .and_then(|i| i.instance_role_name.clone())
                    .unwrap_or_else(|| bounded_name(&format!("eksup-{cluster}-{name}-node"), 64));
                let policies = node_policies(&b, ng.iam.as_ref(), false);
                b.role(
                    &format!("iam-role-{s}"),
                    &format!("nodes of `{name}`"),
                    role_name,
                    Trust::service("ec2.amazonaws.com"),
                    policies,
                    ng.iam.as_ref().and_then(|i| i.instance_role_permissions_boundary.clone()),
                )
            }
        };
        let idx = select_subnets(
            &net,
            ng.private_networking == Some(true),
            ng.availability_zones.as_ref(),
            ng.subnets.as_ref(),
        );
        let instance_types = ng
            .instance_types
            .clone()
            .filter(|t| !t.is_empty())
            .or_else(|| ng.instance_type.clone().map(|t| vec![t]))
            .unwrap_or_default();
        let first_type = instance_types.first().cloned().unwrap_or_default();
        let (lt_val, lt_version, lt_deps) = match &ng.launch_template {
            // The user's own template: EKS takes its id and version apart.
            Some(lt) => (Val::lit(lt.id.clone().unwrap_or_default()), lt.version.clone(), vec![]),
            None => {
                let mut sgs: Vec<Val> = Vec::new();
                let mut deps = Vec::new();
                let attach =
                    ng.security_groups.as_ref().and_then(|g| g.attach_ids.clone()).unwrap_or_default();
                let ssh = ng.ssh.clone().unwrap_or_default();
                let ssh_sg = (ssh.allow == Some(true))
                    .then(|| b.remote_access_group(&net, &name, ng.private_networking == Some(true), &ssh));
                if !attach.is_empty() || ssh_sg.is_some() {
                    // With explicit groups EKS no longer adds the cluster group itself.
                    sgs.push(cluster_sg.clone());
                    sgs.extend(attach.into_iter().map(Val::lit));
                    deps.push(cp.clone());
                }
                if let Some(id) = ssh_sg {
                    sgs.push(Val::out(&id, keys::ID));
                    deps.push(id);
                }
                let mut spec = node_launch_template!(ng, cluster, name, ssh, sgs);
                spec.managed_user_data = crate::cloud::userdata::managed(
                    ng.ami_family.as_deref().unwrap_or("AmazonLinux2023"),
                    ng.pre_bootstrap_commands.as_deref().unwrap_or_default(),
                    ng.max_pods_per_node.map(|x| x as i32),
                    ng.override_bootstrap_command.as_deref(),
                );
                let id = b.add(
                    format!("launch-template-{s}"),
                    format!("launch template for `{name}`"),
                    Resource::LaunchTemplate(Box::new(spec)),
                    deps,
                );
                (Val::out(&id, keys::ID), None, vec![id])
            }
        };
        let mut deps = vec![cp.clone()];
        deps.extend(lt_deps);
        deps.extend(subnet_deps(&net, &idx));
        deps.extend(pre_node_addons.iter().cloned());
        if let Val::Out(r) = &role {
            deps.push(r.step.clone());
        }
        let update = ng.update_config.clone().unwrap_or_default();
        let ng_step = b.add(
            format!("nodegroup-{s}"),
            format!(
                "managed node group `{name}` ({} x {})",
                ng.desired_capacity.unwrap_or(0),
                instance_types.join(",")
            ),
            Resource::ManagedNodegroup(Box::new(ManagedNodegroupSpec {
                nodegroup_name: name.clone(),
                node_role: role,
                subnets: idx.iter().map(|i| net.subnets[*i].3.clone()).collect(),
                min_size: ng.min_size.unwrap_or(0) as i32,
                max_size: ng.max_size.unwrap_or(1) as i32,
                desired_size: ng.desired_capacity.unwrap_or(0) as i32,
                ami_type: ami_type(ng.ami_family.as_deref().unwrap_or("AmazonLinux2023"), &first_type),
                instance_types,
                capacity_type: if ng.spot == Some(true) { "SPOT".into() } else { "ON_DEMAND".into() },
                labels: ng.labels.clone().unwrap_or_default(),
                taints: ng
                    .taints
                    .iter()
                    .flatten()
                    .map(|t| Taint {
                        key: t.key.clone().unwrap_or_default(),
                        value: t.value.clone().unwrap_or_default(),
                        effect: t.effect.clone().unwrap_or_default(),
                    })
                    .collect(),
                launch_template: lt_val,
                launch_template_version: lt_version,
                release_version: ng.release_version.clone(),
                max_unavailable: update.max_unavailable.map(|x| x as i32),
                max_unavailable_percentage: update.max_unavailable_percentage.map(|x| x as i32),
            })),
            deps,
        );
        nodegroup_steps.push(ng_step.clone());
        if opts.wait_nodes {
            b.nodes_ready(&cp, &ng_step, &name, "eks.amazonaws.com/nodegroup", ng.desired_capacity);
        }
    }

    // Self-managed node groups.
    for ng in cfg.node_groups.iter().flatten() {
        let name = ng.name.clone().unwrap_or_default();
        let s = slug(&name);
        let (role, role_name_val) = match ng.iam.as_ref().and_then(|i| i.instance_role_arn.clone()) {
            Some(arn) => {
                let n = arn.rsplit('/').next().unwrap_or_default().to_string();
                (Val::lit(arn), Val::lit(n))
            }
            None => {
                let role_name = ng
                    .iam
                    .as_ref()
                    .and_then(|i| i.instance_role_name.clone())
                    .unwrap_or_else(|| bounded_name(&format!("eksup-{cluster}-{name}-node"), 64));
                let policies = node_policies(&b, ng.iam.as_ref(), true);
                let id = format!("iam-role-{s}");
                let arn = b.role(
                    &id,
                    &format!("nodes of `{name}`"),
                    role_name,
                    Trust::service("ec2.amazonaws.com"),
                    policies,
                    ng.iam.as_ref().and_then(|i| i.instance_role_permissions_boundary.clone()),
                );
                (arn, Val::out(&id, keys::NAME))
            }
        };
        let profile = match ng.iam.as_ref().and_then(|i| i.instance_profile_arn.clone()) {
            Some(arn) => Val::lit(arn),
            None => {
                let id = format!("instance-profile-{s}");
                let mut deps = Vec::new();
                if let Val::Out(r) = &role_name_val {
                    deps.push(r.step.clone());
                }
                let pname = bounded_name(&format!("eksup-{cluster}-{name}"), 128);
                b.add(
                    &id,
                    format!("instance profile `{pname}`"),
                    Resource::InstanceProfile { profile_name: pname, role: role_name_val.clone() },
                    deps,
                );
                Val::out(&id, keys::ARN)
            }
        };
        let sgs_cfg = ng.security_groups.clone().unwrap_or_default();
        let mut sgs: Vec<Val> =
            sgs_cfg.attach_ids.clone().unwrap_or_default().into_iter().map(Val::lit).collect();
        let mut lt_deps = vec![cp.clone()];
        if sgs_cfg.with_shared != Some(false) {
            sgs.push(shared_sg.clone());
            lt_deps.extend(shared_sg_deps.clone());
        }
        let ssh = ng.ssh.clone().unwrap_or_default();
        if sgs_cfg.with_local != Some(false) {
            let sg_id = format!("security-group-{s}");
            let mut rules = vec![
                SgRule { direction: "ingress".into(), protocol: "tcp".into(), from_port: 1025, to_port: 65535, peer: SgPeer::Group(cp_sg.clone()), description: "Allow worker nodes in group to communicate with control plane (kubelet and workload TCP ports)".into() },
                SgRule { direction: "ingress".into(), protocol: "tcp".into(), from_port: 443, to_port: 443, peer: SgPeer::Group(cp_sg.clone()), description: "Allow worker nodes in group to communicate with control plane (workloads using HTTPS port)".into() },
            ];
            if ssh.allow == Some(true) {
                let peers: Vec<SgPeer> = match ssh.source_security_group_ids.clone().filter(|x| !x.is_empty())
                {
                    Some(ids) => ids.into_iter().map(|i| SgPeer::Group(Val::lit(i))).collect(),
                    None if ng.private_networking == Some(true) => {
                        vec![SgPeer::Cidr(net.vpc_cidr.clone().unwrap_or_else(|| "0.0.0.0/0".into()))]
                    }
                    None => vec![SgPeer::Cidr("0.0.0.0/0".into()), SgPeer::Ipv6Cidr("::/0".into())],
                };
                rules.extend(peers.into_iter().map(|peer| SgRule {
                    direction: "ingress".into(),
                    protocol: "tcp".into(),
                    from_port: 22,
                    to_port: 22,
                    peer,
                    description: "Allow SSH access".into(),
                }));
            }
            let mut deps = net.vpc_deps.clone();
            deps.extend(cp_sg_deps.clone());
            b.add(
                &sg_id,
                format!("security group for the nodes of `{name}`"),
                Resource::SecurityGroup {
                    vpc: net.vpc.clone(),
                    group_name: bounded_name(&format!("eksup-{cluster}-{name}-nodes"), 255),
                    description: format!(
                        "Communication between the control plane and worker nodes in group {name}"
                    ),
                    rules,
                    kubernetes_owned: true,
                },
                deps,
            );
            let node_sg = Val::out(&sg_id, keys::ID);
            let mut rdeps = vec![sg_id.clone()];
            rdeps.extend(cp_sg_deps.clone());
            b.add(
                format!("security-group-rules-{s}"),
                format!("control plane rules for the nodes of `{name}`"),
                Resource::SecurityGroupRules {
                    group: cp_sg.clone(),
                    rules: vec![
                        SgRule { direction: "egress".into(), protocol: "tcp".into(), from_port: 1025, to_port: 65535, peer: SgPeer::Group(node_sg.clone()), description: "Allow control plane to communicate with worker nodes (kubelet and workload TCP ports)".into() },
                        SgRule { direction: "egress".into(), protocol: "tcp".into(), from_port: 443, to_port: 443, peer: SgPeer::Group(node_sg.clone()), description: "Allow control plane to communicate with worker nodes (workloads using HTTPS port)".into() },
                        SgRule { direction: "ingress".into(), protocol: "tcp".into(), from_port: 443, to_port: 443, peer: SgPeer::Group(node_sg.clone()), description: "Allow control plane to receive API requests from worker nodes".into() },
                    ],
                },
                rdeps,
            );
            sgs.push(node_sg);
            lt_deps.push(sg_id);
        }
        if let Val::Out(r) = &profile {
            lt_deps.push(r.step.clone());
        }
        let family = ng.ami_family.clone().unwrap_or_else(|| "AmazonLinux2023".into());
        let instance_type = ng.instance_type.clone().unwrap_or_default();
        let image = match ng.ami.as_deref() {
            Some(a) if a.starts_with("ami-") => AmiSource::Id(a.to_string()),
            _ => AmiSource::SsmParameter(ssm_parameter(&family, &version, &instance_type)),
        };
        let template = match family.as_str() {
            "AmazonLinux2" => "al2",
            "Bottlerocket" => "bottlerocket",
            _ => "al2023",
        };
        let mut instance_tags = ng.tags.clone().unwrap_or_default();
        instance_tags.insert(
            "Name".into(),
            ng.instance_name.clone().unwrap_or_else(|| format!("{cluster}-{name}-Node")),
        );
        instance_tags.insert(format!("kubernetes.io/cluster/{cluster}"), "owned".into());
        let lt_id = format!("launch-template-{s}");
        b.add(
            &lt_id,
            format!("launch template for `{name}` ({instance_type})"),
            Resource::LaunchTemplate(Box::new(LaunchTemplateSpec {
                instance_type: Some(instance_type.clone()),
                image: Some(image),
                instance_profile_arn: Some(profile),
                user_data: Some(UserDataSpec {
                    template: template.into(),
                    cluster_name: cluster.clone(),
                    endpoint: Val::out(&cp, keys::ENDPOINT),
                    certificate_authority: Val::out(&cp, keys::CA),
                    service_cidr: Val::out(&cp, keys::SERVICE_CIDR),
                    labels: ng.labels.clone().unwrap_or_default(),
                    taints: ng
                        .taints
                        .as_ref()
                        .map(crate::config::Taints::to_list)
                        .unwrap_or_default()
                        .iter()
                        .map(|t| {
                            format!(
                                "{}={}:{}",
                                t.key.clone().unwrap_or_default(),
                                t.value.clone().unwrap_or_default(),
                                t.effect.clone().unwrap_or_default()
                            )
                        })
                        .collect(),
                    max_pods: ng.max_pods_per_node.map(|x| x as i32),
                    pre_bootstrap_commands: ng.pre_bootstrap_commands.clone().unwrap_or_default(),
                    override_bootstrap_command: ng.override_bootstrap_command.clone(),
                }),
                instance_tags: instance_tags.clone(),
                ..node_launch_template!(ng, cluster, name, ssh, sgs)
            })),
            lt_deps,
        );
        let mut ae_deps = vec![cp.clone()];
        if let Val::Out(r) = &role {
            ae_deps.push(r.step.clone());
        }
        let ae = b.add(
            format!("access-entry-nodes-{s}"),
            format!("access entry (EC2_LINUX) for the nodes of `{name}`"),
            Resource::AccessEntry {
                principal: role.clone(),
                entry_type: "EC2_LINUX".into(),
                kubernetes_groups: vec![],
                username: None,
                policies: vec![],
            },
            ae_deps,
        );
        let idx = select_subnets(
            &net,
            ng.private_networking == Some(true),
            ng.availability_zones.as_ref(),
            ng.subnets.as_ref(),
        );
        let mut deps = vec![lt_id.clone(), ae];
        deps.extend(subnet_deps(&net, &idx));
        deps.extend(pre_node_addons.iter().cloned());
        let mut asg_tags = instance_tags;
        asg_tags.insert(defaults_tag::NODEGROUP_NAME.into(), name.clone());
        asg_tags.insert(tags::NODEGROUP.into(), name.clone());
        let asg_step = b.add(
            format!("auto-scaling-group-{s}"),
            format!(
                "Auto Scaling group for `{name}` ({} x {instance_type})",
                ng.desired_capacity.unwrap_or(0)
            ),
            Resource::AutoScalingGroup(Box::new(AutoScalingGroupSpec {
                group_name: bounded_name(&format!("eksup-{cluster}-{name}"), 255),
                launch_template: Val::out(&lt_id, keys::ID),
                subnets: idx.iter().map(|i| net.subnets[*i].3.clone()).collect(),
                min_size: ng.min_size.unwrap_or(0) as i32,
                max_size: ng.max_size.unwrap_or(1) as i32,
                desired_capacity: ng.desired_capacity.map(|x| x as i32),
                target_group_arns: ng.target_group_arns.clone().unwrap_or_default(),
                load_balancer_names: ng.classic_load_balancer_names.clone().unwrap_or_default(),
                max_instance_lifetime: ng.max_instance_lifetime.map(|x| x as i32),
                tags: asg_tags,
            })),
            deps,
        );
        nodegroup_steps.push(asg_step.clone());
        if opts.wait_nodes {
            let label = crate::config::defaults::NODEGROUP_NAME_LABEL;
            b.nodes_ready(&cp, &asg_step, &name, label, ng.desired_capacity);
        }
    }
    for a in post_node_addons {
        let id = b.addon(&cp, with_oidc, a, has_nodes);
        if let Some(step) = b.steps.iter_mut().find(|s| s.id == id) {
            step.depends_on.extend(nodegroup_steps.iter().cloned());
            step.depends_on.sort();
            step.depends_on.dedup();
        }
    }

    // Fargate profiles: one at a time (EKS allows one in progress per cluster).
    let mut previous_profile: Option<StepId> = None;
    let fargate = cfg.fargate_profiles.clone().unwrap_or_default();
    let shared_fargate_role = if fargate.iter().any(|f| f.pod_execution_role_arn.is_none()) {
        Some(match &iam.fargate_pod_execution_role_arn {
            Some(arn) => Val::lit(arn.clone()),
            None => {
                // AWS's confused-deputy guidance: only this account's Fargate profiles of this cluster.
                let account = opts.account_id.as_deref().unwrap_or("<account>");
                let condition = json!({"ArnLike": {"aws:SourceArn": format!("arn:{}:eks:{region}:{account}:fargateprofile/{cluster}/*", b.partition)}});
                let policy = b.policy("AmazonEKSFargatePodExecutionRolePolicy");
                b.role(
                    "iam-role-fargate",
                    "Fargate pod execution",
                    bounded_name(&format!("eksup-{cluster}-fargate"), 64),
                    Trust::Service {
                        service: "eks-fargate-pods.amazonaws.com".into(),
                        condition: Some(condition),
                    },
                    vec![policy],
                    iam.fargate_pod_execution_role_permissions_boundary.clone(),
                )
            }
        })
    } else {
        None
    };
    for fp in &fargate {
        let name = fp.name.clone().unwrap_or_default();
        let role = fp
            .pod_execution_role_arn
            .clone()
            .map(Val::lit)
            .or_else(|| shared_fargate_role.clone())
            .unwrap_or_else(|| Val::lit(""));
        let idx = select_subnets(&net, true, None, fp.subnets.as_ref());
        let mut deps = vec![cp.clone()];
        deps.extend(subnet_deps(&net, &idx));
        if let Val::Out(r) = &role {
            deps.push(r.step.clone());
        }
        deps.extend(previous_profile.clone());
        let id = b.add(
            format!("fargate-profile-{}", slug(&name)),
            format!("Fargate profile `{name}`"),
            Resource::FargateProfile(Box::new(FargateProfileSpec {
                profile_name: name.clone(),
                pod_execution_role: role,
                subnets: idx.iter().map(|i| net.subnets[*i].3.clone()).collect(),
                selectors: fp
                    .selectors
                    .iter()
                    .flatten()
                    .map(|s| FargateSelectorSpec {
                        namespace: s.namespace.clone().unwrap_or_default(),
                        labels: s.labels.clone().unwrap_or_default(),
                    })
                    .collect(),
            })),
            deps,
        );
        previous_profile = Some(id);
    }

    let mut entry_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut entry = |b: &mut Builder<'_>,
                     principal: &str,
                     groups: Vec<String>,
                     username: Option<String>,
                     entry_type: String,
                     policies: Vec<AccessPolicyAssoc>| {
        let base = format!("access-entry-{}", slug(principal.rsplit(['/', ':']).next().unwrap_or(principal)));
        let n = entry_ids.entry(base.clone()).or_insert(0);
        *n += 1;
        let id = if *n == 1 { base } else { format!("{base}-{n}") };
        b.add(
            id,
            format!("access entry for `{principal}`"),
            Resource::AccessEntry {
                principal: Val::lit(principal),
                entry_type,
                kubernetes_groups: groups,
                username,
                policies,
            },
            vec![cp.clone()],
        );
    };
    for e in cfg.access_config.iter().flat_map(|a| a.access_entries.iter().flatten()) {
        let policies = e
            .access_policies
            .iter()
            .flatten()
            .map(|p| {
                let scope = p.access_scope.clone().unwrap_or_default();
                AccessPolicyAssoc {
                    policy_arn: p.policy_arn.clone().unwrap_or_default(),
                    scope: scope.scope_type.unwrap_or_else(|| "cluster".into()),
                    namespaces: scope.namespaces.unwrap_or_default(),
                }
            })
            .collect();
        entry(
            &mut b,
            e.principal_arn.as_deref().unwrap_or_default(),
            e.kubernetes_groups.clone().unwrap_or_default(),
            e.kubernetes_username.clone(),
            e.entry_type.clone().unwrap_or_else(|| "STANDARD".into()),
            policies,
        );
    }
    for m in cfg.iam_identity_mappings.iter().flatten() {
        if let Some(arn) = &m.arn {
            // EKS refuses `system:` groups in access entries: as eksctl's access-entry migration
            // does, `system:masters` becomes the cluster admin access policy (validation refuses
            // the other `system:` groups).
            let (masters, groups): (Vec<String>, Vec<String>) =
                m.groups.clone().unwrap_or_default().into_iter().partition(|g| g == "system:masters");
            let policies = if masters.is_empty() {
                vec![]
            } else {
                vec![AccessPolicyAssoc {
                    policy_arn: format!(
                        "arn:{}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                        b.partition
                    ),
                    scope: "cluster".into(),
                    namespaces: vec![],
                }]
            };
            if m.username.as_deref() == Some(crate::config::defaults::NODE_USERNAME) {
                // A node role: EKS maps it itself from an EC2 access entry.
                let windows = groups.iter().any(|g| g == "eks:kube-proxy-windows");
                let kind = if windows { "EC2_WINDOWS" } else { "EC2_LINUX" };
                entry(&mut b, arn, vec![], None, kind.into(), vec![]);
                continue;
            }
            entry(&mut b, arn, groups, m.username.clone(), "STANDARD".into(), policies);
        }
    }

    let _ = (&net.subnet_steps, &b.cluster, &b.region);
    let tags = ownership_tags(cfg);
    Plan { cluster, region, tags, steps: b.steps }
}

mod defaults_tag {
    pub const NODEGROUP_NAME: &str = crate::config::defaults::NODEGROUP_NAME_LABEL;
}

/// The rules that keep EKS working behind network ACLs (which are stateless: replies need rules
/// too). Inside the VPC: HTTPS (nodes and the control plane's interfaces), the kubelet (10250) and
/// DNS; from anywhere: ephemeral ports (1024-65535, the replies to what nodes and the NAT gateway
/// sent out); out: HTTPS and HTTP (AWS APIs, images), the same VPC ports, ephemeral ports (replies,
/// and what the NAT gateway forwards back to private nodes). The public subnets also take HTTP and
/// HTTPS from the internet, for load balancers and the NAT gateway's traffic from private nodes.
/// Pods have addresses of the subnets, so all traffic within the VPC is allowed last.
fn nacl_rules(kind: SubnetKind, vpc_cidr: &str) -> Vec<crate::plan::NaclRule> {
    const ANY: &str = "0.0.0.0/0";
    let rule = |n: i32, egress: bool, proto: &str, cidr: &str, ports: (i32, i32), what: &str| {
        crate::plan::NaclRule {
            rule_number: n,
            egress,
            protocol: proto.to_string(),
            cidr: cidr.to_string(),
            from_port: ports.0,
            to_port: ports.1,
            description: what.to_string(),
        }
    };
    let mut rules = Vec::new();
    for egress in [false, true] {
        rules.extend([
            rule(100, egress, "6", vpc_cidr, (443, 443), "HTTPS within the VPC (API server, nodes)"),
            rule(110, egress, "6", vpc_cidr, (10250, 10250), "kubelet within the VPC"),
            rule(120, egress, "6", vpc_cidr, (53, 53), "DNS over TCP within the VPC"),
            rule(130, egress, "17", vpc_cidr, (53, 53), "DNS within the VPC"),
            rule(140, egress, "6", ANY, (1024, 65535), "ephemeral ports (replies, NAT return traffic)"),
            rule(150, egress, "17", ANY, (1024, 65535), "ephemeral UDP ports (DNS and NTP replies)"),
        ]);
    }
    rules.extend([
        rule(200, true, "6", ANY, (443, 443), "HTTPS out (AWS APIs, registries)"),
        rule(210, true, "6", ANY, (80, 80), "HTTP out (packages)"),
        rule(220, true, "17", ANY, (123, 123), "NTP out"),
    ]);
    if kind == SubnetKind::Public {
        rules.extend([
            rule(200, false, "6", ANY, (443, 443), "HTTPS in (load balancers, NAT traffic)"),
            rule(210, false, "6", ANY, (80, 80), "HTTP in (load balancers, NAT traffic)"),
        ]);
    }
    // Pods get addresses of the subnets and talk to each other on any port.
    for egress in [false, true] {
        rules.push(rule(300, egress, "-1", vpc_cidr, (0, 0), "pod to pod within the VPC"));
    }
    rules.sort_by_key(|r| (r.egress, r.rule_number));
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(body: &str) -> Plan {
        let yaml = format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n{body}"
        );
        let zones = vec!["us-west-2a".to_string(), "us-west-2b".into(), "us-west-2c".into()];
        let loaded =
            crate::config::finish(crate::config::parse(&yaml, "c.yaml").unwrap(), &zones, None).unwrap();
        build(
            &loaded,
            &PlanOptions {
                write_kubeconfig: false,
                wait_nodes: true,
                account_id: Some("123456789012".into()),
            },
        )
    }

    fn resource<'p>(plan: &'p Plan, id: &str) -> &'p Resource {
        &plan
            .step(id)
            .unwrap_or_else(|| {
                panic!("no step `{id}` in {:?}", plan.steps.iter().map(|s| &s.id).collect::<Vec<_>>())
            })
            .resource
    }

    #[test]
    fn default_addons_come_before_the_nodes_and_can_be_overridden_or_turned_off() {
        let p = plan_of("managedNodeGroups:\n  - name: ng\n");
        let ng = p.step("nodegroup-ng").unwrap();
        assert!(
            ng.depends_on.contains(&"addon-vpc-cni".to_string())
                && ng.depends_on.contains(&"addon-kube-proxy".to_string())
        );
        assert!(
            !ng.depends_on.contains(&"addon-coredns".to_string()),
            "coredns needs nodes, not the reverse"
        );
        assert!(p.step("addon-metrics-server").unwrap().depends_on.contains(&"nodegroup-ng".to_string()));
        assert!(matches!(resource(&p, "addon-coredns"), Resource::Addon { wait: false, .. }));
        assert!(matches!(resource(&p, "nodes-ready-ng"), Resource::NodesReady { count: 2, .. }));

        let p = plan_of(
            "addons:\n  - name: vpc-cni\n    version: v1.19.0-eksbuild.1\nmanagedNodeGroups:\n  - name: ng\n",
        );
        assert!(
            matches!(resource(&p, "addon-vpc-cni"), Resource::Addon { version: Some(v), .. } if v == "v1.19.0-eksbuild.1")
        );
        assert_eq!(p.steps.iter().filter(|s| s.id == "addon-vpc-cni").count(), 1);

        let p = plan_of("addonsConfig:\n  disableDefaultAddons: true\nmanagedNodeGroups:\n  - name: ng\n");
        assert!(!p.steps.iter().any(|s| s.id.starts_with("addon-")));
    }

    #[test]
    fn with_oidc_vpc_cni_gets_a_service_account_role_and_nodes_lose_the_cni_policy() {
        let p = plan_of("iam:\n  withOIDC: true\nmanagedNodeGroups:\n  - name: ng\n");
        let Resource::IamRole { trust, managed_policies, .. } = resource(&p, "iam-role-vpc-cni") else {
            panic!()
        };
        assert!(
            matches!(trust, Trust::ServiceAccount { namespace, name, .. } if namespace == "kube-system" && name == "aws-node")
        );
        assert_eq!(managed_policies, &["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy".to_string()]);
        assert!(
            matches!(resource(&p, "addon-vpc-cni"), Resource::Addon { service_account_role_arn: Some(Val::Out(r)), .. } if r.step == "iam-role-vpc-cni")
        );
        let Resource::IamRole { managed_policies, .. } = resource(&p, "iam-role-ng") else { panic!() };
        assert!(!managed_policies.iter().any(|m| m.ends_with("AmazonEKS_CNI_Policy")));
    }

    #[test]
    fn launch_template_details_match_eksctl() {
        let p = plan_of(
            "nodeGroups:\n  - name: br\n    instanceType: m5.large\n    amiFamily: Bottlerocket\n    volumeSize: 50\n    disableIMDSv1: false\n    disablePodIMDS: true\n",
        );
        let Resource::LaunchTemplate(lt) = resource(&p, "launch-template-br") else { panic!() };
        assert_eq!(
            (lt.device_name.as_str(), lt.volume_size),
            ("/dev/xvdb", 50),
            "Bottlerocket's data volume"
        );
        assert!(lt.imds_v2_required && lt.hop_limit == 1, "disablePodIMDS forces IMDSv2 with hop limit 1");
        let Resource::SecurityGroup { kubernetes_owned, .. } = resource(&p, "security-group-br") else {
            panic!()
        };
        assert!(kubernetes_owned);
    }

    #[test]
    fn fargate_trust_names_the_account() {
        let p = plan_of("fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: default\n");
        let Resource::IamRole { trust: Trust::Service { condition: Some(c), .. }, .. } =
            resource(&p, "iam-role-fargate")
        else {
            panic!()
        };
        assert_eq!(c["ArnLike"]["aws:SourceArn"], "arn:aws:eks:us-west-2:123456789012:fargateprofile/demo/*");
    }

    #[test]
    fn identity_mappings_become_access_entries_as_eksctl_migrates_them() {
        let p = plan_of(
            "iamIdentityMappings:\n  - arn: arn:aws:iam::123456789012:role/admins\n    username: admin\n    groups: [system:masters]\n  - arn: arn:aws:iam::123456789012:role/nodes\n    username: system:node:{{EC2PrivateDNSName}}\n    groups: [system:bootstrappers, system:nodes]\n",
        );
        let Resource::AccessEntry { kubernetes_groups, policies, entry_type, .. } =
            resource(&p, "access-entry-admins")
        else {
            panic!()
        };
        assert!(kubernetes_groups.is_empty() && entry_type == "STANDARD");
        assert_eq!(
            policies[0].policy_arn,
            "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
        );
        let Resource::AccessEntry { kubernetes_groups, entry_type, .. } = resource(&p, "access-entry-nodes")
        else {
            panic!()
        };
        assert!(kubernetes_groups.is_empty() && entry_type == "EC2_LINUX");
    }

    #[test]
    fn coredns_runs_on_fargate_when_only_fargate_runs_kube_system() {
        let p = plan_of("fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: kube-system\n");
        assert!(
            matches!(resource(&p, "addon-coredns"), Resource::Addon { configuration_values: Some(v), .. } if v.contains("Fargate"))
        );
    }

    #[test]
    fn names_stay_within_limits() {
        let long = "eksup-".to_string() + &"x".repeat(80) + "-node";
        let n = bounded_name(&long, 64);
        assert_eq!(n.len(), 64);
        assert_eq!(n, bounded_name(&long, 64));
        assert_eq!(bounded_name("short", 64), "short");
    }

    #[test]
    fn ami_types_and_parameters() {
        assert_eq!(ami_type("AmazonLinux2023", "m5.large"), "AL2023_x86_64_STANDARD");
        assert_eq!(ami_type("AmazonLinux2023", "m6g.large"), "AL2023_ARM_64_STANDARD");
        assert_eq!(ami_type("AmazonLinux2023", "g5.xlarge"), "AL2023_x86_64_NVIDIA");
        assert_eq!(ami_type("Bottlerocket", "c7g.large"), "BOTTLEROCKET_ARM_64");
        // eksctl's mapping: Neuron for Inferentia and Trainium, NVIDIA on ARM for g5g.
        assert_eq!(ami_type("AmazonLinux2023", "inf2.xlarge"), "AL2023_x86_64_NEURON");
        assert_eq!(ami_type("AmazonLinux2023", "trn1.32xlarge"), "AL2023_x86_64_NEURON");
        assert_eq!(ami_type("AmazonLinux2023", "g5g.xlarge"), "AL2023_ARM_64_NVIDIA");
        assert_eq!(ami_type("Bottlerocket", "g5g.xlarge"), "BOTTLEROCKET_ARM_64_NVIDIA");
        assert_eq!(ami_type("AmazonLinux2023", "g4ad.xlarge"), "AL2023_x86_64_STANDARD");
        assert_eq!(
            ssm_parameter("AmazonLinux2023", "1.34", "inf2.xlarge"),
            "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/neuron/recommended/image_id"
        );
        assert_eq!(
            ssm_parameter("AmazonLinux2023", "1.34", "m5.large"),
            "/aws/service/eks/optimized-ami/1.34/amazon-linux-2023/x86_64/standard/recommended/image_id"
        );
        assert_eq!(
            ssm_parameter("AmazonLinux2", "1.30", "t4g.small"),
            "/aws/service/eks/optimized-ami/1.30/amazon-linux-2-arm64/recommended/image_id"
        );
        assert_eq!(
            ssm_parameter("Bottlerocket", "1.33", "m5.large"),
            "/aws/service/bottlerocket/aws-k8s-1.33/x86_64/latest/image_id"
        );
    }

    #[test]
    fn partitions() {
        assert_eq!(partition("cn-north-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
        assert_eq!(partition("eu-west-1"), "aws");
    }
}
