//! IAM roles: the cluster's, the nodes', the Fargate pods' and the vpc-cni service account's.

use serde_json::json;

use super::{Builder, PlanOptions, bounded_name, slug, step_of};
use crate::config::NodeGroupIAM;
use crate::config::resolved::Nodes;
use crate::plan::*;

/// The managed policies AWS's user guide gives an Auto Mode cluster's role, beside
/// AmazonEKSClusterPolicy.
pub const AUTO_MODE_CLUSTER_POLICIES: &[&str] = &[
    "AmazonEKSComputePolicy",
    "AmazonEKSBlockStoragePolicy",
    "AmazonEKSLoadBalancingPolicy",
    "AmazonEKSNetworkingPolicy",
];

impl Builder<'_> {
    /// The ARN of an AWS managed policy in the cluster's partition.
    pub(super) fn policy(&self, name: &str) -> String {
        format!("arn:{}:iam::aws:policy/{name}", self.partition)
    }

    pub(super) fn role(
        &mut self,
        id: &str,
        what: &str,
        role_name: String,
        trust: Trust,
        policies: Vec<String>,
        inline_policies: BTreeMap<String, String>,
        boundary: Option<String>,
    ) -> Val {
        let deps = match &trust {
            Trust::ServiceAccount { oidc_provider: Val::Out(r), .. }
            | Trust::RolesAnywhere { trust_anchor: Val::Out(r) } => vec![r.step.clone()],
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
                inline_policies,
                tags: BTreeMap::new(),
            },
            deps,
        );
        Val::out(id, keys::ARN)
    }

    /// The cluster's role: the file's, or one eksup creates.
    pub(super) fn cluster_role(&mut self) -> Val {
        let res = self.res;
        let iam = &res.iam;
        if let Some(arn) = &iam.service_role_arn {
            return Val::lit(arn.clone());
        }
        let boundary = iam.service_role_permissions_boundary.clone();
        let mut policies = vec![self.policy("AmazonEKSClusterPolicy")];
        if iam.vpc_resource_controller_policy {
            policies.push(self.policy("AmazonEKSVPCResourceController"));
        }
        // Auto Mode: EKS runs the nodes, volumes, load balancers and their network for you.
        if res.auto_mode.is_some() {
            for p in AUTO_MODE_CLUSTER_POLICIES {
                policies.push(self.policy(p));
            }
        }
        self.role(
            "iam-role-cluster",
            "cluster",
            bounded_name(&format!("eksup-{}-cluster", self.cluster), 64),
            Trust::service("eks.amazonaws.com"),
            policies,
            BTreeMap::new(),
            boundary,
        )
    }

    /// The role eksup creates for the nodes of a group that names none (step `iam-role-<slug>`).
    pub(super) fn node_role(&mut self, id: &str, nodes: &Nodes, self_managed: bool) -> Val {
        let name = &nodes.name;
        let role_name = nodes
            .iam
            .instance_role_name
            .clone()
            .unwrap_or_else(|| bounded_name(&format!("eksup-{}-{name}-node", self.cluster), 64));
        let (policies, inline) = self.node_policies(&nodes.iam, self_managed);
        self.role(
            id,
            &format!("nodes of `{name}`"),
            role_name,
            Trust::service("ec2.amazonaws.com"),
            policies,
            inline,
            nodes.iam.instance_role_permissions_boundary.clone(),
        )
    }

    /// The nodes' managed and inline policies: the file's or eksctl's, the file's inline policy
    /// (`attach-policy`), and eksctl's grants for each `withAddonPolicies` flag.
    fn node_policies(
        &self,
        ng_iam: &NodeGroupIAM,
        self_managed: bool,
    ) -> (Vec<String>, BTreeMap<String, String>) {
        let mut p: Vec<String> = match ng_iam.attach_policy_arns.clone().filter(|a| !a.is_empty()) {
            Some(arns) => arns,
            None => {
                let mut d = vec![
                    self.policy("AmazonEKSWorkerNodePolicy"),
                    self.policy("AmazonEC2ContainerRegistryPullOnly"),
                    self.policy("AmazonSSMManagedInstanceCore"),
                ];
                // With OIDC or a pod identity the vpc-cni has its own role (see `addon`).
                if !self.vpc_cni_has_own_role() {
                    d.push(self.policy("AmazonEKS_CNI_Policy"));
                }
                d
            }
        };
        let pull = self.policy("AmazonEC2ContainerRegistryPullOnly");
        if self_managed && !p.contains(&pull) {
            p.push(pull);
        }
        let mut inline = BTreeMap::new();
        if let Some(document) = &ng_iam.attach_policy {
            inline.insert("attach-policy".to_string(), document.to_string());
        }
        let flags =
            ng_iam.with_addon_policies.as_ref().map(crate::config::NodeGroupIAMAddonPolicies::enabled);
        // The catalogue's names: `ebs` is `ebsCSIController`, `albIngress` the load balancer
        // controller's old name.
        let keys = flags.into_iter().flatten().map(|f| match f {
            "ebs" => "ebsCSIController",
            "albIngress" => "awsLoadBalancerController",
            f => f,
        });
        self.grants(keys, &mut p, &mut inline);
        (p, inline)
    }

    /// The pod execution role of the Fargate profiles that name none: the file's, or one eksup
    /// creates.
    pub(super) fn fargate_role(&mut self, opts: &PlanOptions) -> Val {
        let res = self.res;
        let iam = &res.iam;
        if let Some(arn) = &iam.fargate_pod_execution_role_arn {
            return Val::lit(arn.clone());
        }
        let boundary = iam.fargate_pod_execution_role_permissions_boundary.clone();
        let (cluster, region) = (self.cluster.clone(), self.region.clone());
        // AWS's confused-deputy guidance: only this account's Fargate profiles of this cluster.
        let account = opts.account_id.as_deref().unwrap_or("<account>");
        let condition = json!({"ArnLike": {"aws:SourceArn": format!("arn:{}:eks:{region}:{account}:fargateprofile/{cluster}/*", self.partition)}});
        let policy = self.policy("AmazonEKSFargatePodExecutionRolePolicy");
        self.role(
            "iam-role-fargate",
            "Fargate pod execution",
            bounded_name(&format!("eksup-{cluster}-fargate"), 64),
            Trust::Service { service: "eks-fargate-pods.amazonaws.com".into(), condition: Some(condition) },
            vec![policy],
            BTreeMap::new(),
            boundary,
        )
    }

    /// The service-account role of aws-node (the vpc-cni) with `withOIDC`, which eksctl gives
    /// it instead of the node role's policy: AmazonEKS_CNI_Policy, or in an `IPv6` cluster,
    /// which that policy cannot serve (it grants no `ec2:AssignIpv6Addresses`), eksctl's inline
    /// IPv6 policy.
    pub(super) fn vpc_cni_role(&mut self) -> Val {
        let role_name = bounded_name(&format!("eksup-{}-vpc-cni", self.cluster), 64);
        let (managed, inline) = self.vpc_cni_permissions();
        let inline = inline.map(|d| ("attach-policy".to_string(), d)).into_iter().collect();
        self.role(
            "iam-role-vpc-cni",
            "service account `kube-system/aws-node`",
            role_name,
            Trust::ServiceAccount {
                oidc_provider: Val::out("oidc-provider", keys::ARN),
                namespace: "kube-system".into(),
                name: "aws-node".into(),
                pattern: false,
            },
            managed,
            inline,
            None,
        )
    }
}

/// What the vpc-cni needs in `IPv6` mode (eksctl's `makeIPv6VPCCNIPolicyDocument`, after the
/// CNI's `docs/iam-policy.md`): assign IPv6 addresses, the reads of ipamd (subnet and security
/// group discovery included) and tags on the network interfaces it makes.
fn ipv6_cni_policy(partition: &str) -> serde_json::Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": [
                    "ec2:AssignIpv6Addresses",
                    "ec2:DescribeInstances",
                    "ec2:DescribeTags",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups"
                ],
                "Resource": "*"
            },
            {
                "Effect": "Allow",
                "Action": ["ec2:CreateTags"],
                "Resource": format!("arn:{partition}:ec2:*:*:network-interface/*")
            }
        ]
    })
}

/// Whether an inline policy of that name is one eksup puts on roles it makes: the file's
/// (`attach-policy`) or a grant of the catalogue. A re-run removes such a policy from a role when
/// the file no longer asks for it; others, added outside eksup, stay.
pub fn is_eksup_inline_policy(name: &str) -> bool {
    name == "attach-policy"
        || GRANTS
            .as_object()
            .into_iter()
            .flatten()
            .any(|(_, entry)| entry["inline"].as_object().is_some_and(|i| i.contains_key(name)))
}

/// The catalogue's keys of the `wellKnownPolicies` flags turned on.
pub(super) fn well_known_keys(w: &crate::config::WellKnownPolicies) -> impl Iterator<Item = &'static str> {
    [
        ("imageBuilder", w.image_builder),
        ("autoScaler", w.auto_scaler),
        ("awsLoadBalancerController", w.aws_load_balancer_controller),
        ("externalDNS", w.external_dns),
        ("certManager", w.cert_manager),
        ("ebsCSIController", w.ebs_csi_controller),
        ("efsCSIController", w.efs_csi_controller),
    ]
    .into_iter()
    .filter(|(_, on)| *on == Some(true))
    .map(|(key, _)| key)
}

/// eksctl's grants for add-ons (`wellKnownPolicies`, `withAddonPolicies`), per flag: managed
/// policy names and inline policies (see the file's `_comment`), parsed once.
static GRANTS: std::sync::LazyLock<serde_json::Value> = std::sync::LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../templates/iam/well-known-policies.json"))
        .expect("templates/iam/well-known-policies.json is JSON (checked by the plan's tests)")
});

impl Builder<'_> {
    /// `iam.serviceAccounts`: per service account a role its pods take through the cluster's
    /// OIDC provider (unless it names its own, `attachRoleARN`), and, unless `roleOnly`, the
    /// Kubernetes ServiceAccount annotated with it.
    pub(super) fn service_accounts(&mut self, cp: &str) {
        let res = self.res;
        let mut ids = std::collections::BTreeSet::new();
        for sa in &res.iam.service_accounts {
            // `a-b/c` and `a/b-c` slug alike: the later one gets a number.
            let base = slug(&format!("{}-{}", sa.namespace, sa.name));
            let id = (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| ids.insert(id.clone()))
                .unwrap_or(base);
            let (role, after) = match &sa.attach_role_arn {
                Some(arn) => (Val::lit(arn.clone()), cp.to_string()),
                None => {
                    let step = format!("iam-role-sa-{id}");
                    let (managed, inline) = self.service_account_policies(sa);
                    let role_name = sa.role_name.clone().unwrap_or_else(|| {
                        bounded_name(&format!("eksup-{}-sa-{}-{}", self.cluster, sa.namespace, sa.name), 64)
                    });
                    let trust = Trust::ServiceAccount {
                        oidc_provider: Val::out("oidc-provider", keys::ARN),
                        namespace: sa.namespace.clone(),
                        name: sa.subject_pattern.clone().unwrap_or_else(|| sa.name.clone()),
                        pattern: sa.subject_pattern.is_some(),
                    };
                    self.add(
                        &step,
                        format!("IAM role `{role_name}` (service account `{}/{}`)", sa.namespace, sa.name),
                        Resource::IamRole {
                            role_name,
                            trust,
                            managed_policies: managed,
                            permissions_boundary: sa.permissions_boundary.clone(),
                            inline_policies: inline,
                            tags: sa.tags.clone(),
                        },
                        vec!["oidc-provider".to_string()],
                    );
                    (Val::out(&step, keys::ARN), step)
                }
            };
            if sa.role_only {
                continue;
            }
            let mut deps = vec![cp.to_string()];
            if after != cp {
                deps.push(after);
            }
            self.add(
                format!("service-account-{id}"),
                format!("Kubernetes service account `{}/{}`", sa.namespace, sa.name),
                Resource::ServiceAccount {
                    namespace: sa.namespace.clone(),
                    name: sa.name.clone(),
                    labels: sa.labels.clone(),
                    annotations: sa.annotations.clone(),
                    role: Some(role),
                    endpoint: Val::out(cp, keys::ENDPOINT),
                    certificate_authority: Val::out(cp, keys::CA),
                },
                deps,
            );
        }
    }

    /// `iam.podIdentityAssociations`: per association a role trusted by EKS Pod Identity (unless
    /// it names its own, `roleARN`), the association, and with `createServiceAccount` the
    /// Kubernetes ServiceAccount (with no annotation: EKS finds the association by its name).
    pub(super) fn pod_identities(&mut self, cp: &str) {
        let res = self.res;
        let mut ids = std::collections::BTreeSet::new();
        for pia in &res.iam.pod_identities {
            let (namespace, account) = (&pia.namespace, &pia.service_account);
            // `a.b` and `a-b` slug alike: the later one gets a number.
            let base = slug(&format!("{namespace}-{account}"));
            let id = (1..)
                .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                .find(|id| ids.insert(id.clone()))
                .unwrap_or(base);
            let mut deps = vec![cp.to_string()];
            // Namespaces hold no `.`: `<namespace>.<account>` names one account alone.
            let role_name = bounded_name(&format!("eksup-{}-pod-{namespace}.{account}", self.cluster), 64);
            let whose = format!("pod identity of `{namespace}/{account}`");
            let role = self.pod_identity_role(&format!("iam-role-pod-identity-{id}"), &whose, role_name, pia);
            deps.extend(step_of(&role));
            self.add(
                format!("pod-identity-{id}"),
                format!("pod identity association of `{namespace}/{account}`"),
                Resource::PodIdentityAssociation {
                    namespace: namespace.clone(),
                    service_account: account.clone(),
                    role,
                    target_role_arn: pia.target_role_arn.clone(),
                    disable_session_tags: pia.disable_session_tags,
                    policy: pia.policy.clone(),
                    tags: pia.tags.clone(),
                },
                deps,
            );
            if pia.create_service_account {
                self.add(
                    format!("service-account-pod-identity-{id}"),
                    format!("Kubernetes service account `{namespace}/{account}`"),
                    Resource::ServiceAccount {
                        namespace: namespace.clone(),
                        name: account.clone(),
                        labels: BTreeMap::new(),
                        annotations: BTreeMap::new(),
                        role: None,
                        endpoint: Val::out(cp, keys::ENDPOINT),
                        certificate_authority: Val::out(cp, keys::CA),
                    },
                    vec![cp.to_string()],
                );
            }
        }
    }

    /// The role of a pod identity: the entry's own (`roleARN`), or one eksup makes as step `id`,
    /// trusted by EKS Pod Identity, with the entry's policies and named `role_name` unless the
    /// entry names it.
    pub(super) fn pod_identity_role(
        &mut self,
        id: &str,
        whose: &str,
        role_name: String,
        pia: &crate::config::resolved::PodIdentity,
    ) -> Val {
        if let Some(arn) = &pia.role_arn {
            return Val::lit(arn.clone());
        }
        let mut managed = pia.policy_arns.clone();
        let mut inline = BTreeMap::new();
        if let Some((name, document)) = &pia.permission_policy {
            inline.insert(name.clone(), document.clone());
        }
        self.grants(well_known_keys(&pia.well_known), &mut managed, &mut inline);
        let role_name = pia.role_name.clone().unwrap_or(role_name);
        self.add(
            id,
            format!("IAM role `{role_name}` ({whose})"),
            Resource::IamRole {
                role_name,
                trust: Trust::PodIdentity,
                managed_policies: managed,
                permissions_boundary: pia.permissions_boundary.clone(),
                inline_policies: inline,
                tags: pia.tags.clone(),
            },
            vec![],
        );
        Val::out(id, keys::ARN)
    }

    /// What the vpc-cni's own role holds, by IRSA or EKS Pod Identity: AmazonEKS_CNI_Policy, or
    /// in an `IPv6` cluster, which that policy cannot serve, eksctl's inline IPv6 policy
    /// (managed policies, inline document).
    pub(super) fn vpc_cni_permissions(&self) -> (Vec<String>, Option<String>) {
        if self.res.vpc.ipv6_cluster {
            (Vec::new(), Some(ipv6_cni_policy(self.partition).to_string()))
        } else {
            (vec![self.policy("AmazonEKS_CNI_Policy")], None)
        }
    }

    /// Whether the vpc-cni has a role of its own (IRSA with `withOIDC`, or EKS Pod Identity),
    /// so the nodes' role needs no AmazonEKS_CNI_Policy.
    fn vpc_cni_has_own_role(&self) -> bool {
        self.res.iam.with_oidc || self.vpc_cni_pod_identity()
    }

    /// A service account's managed policies (`attachPolicyARNs`, well-known ones) and inline
    /// policies (`attachPolicy` as `attach-policy`, well-known ones by name).
    fn service_account_policies(
        &self,
        sa: &crate::config::resolved::ServiceAccount,
    ) -> (Vec<String>, BTreeMap<String, String>) {
        let mut managed = sa.attach_policy_arns.clone();
        let mut inline = BTreeMap::new();
        if let Some(document) = &sa.attach_policy {
            inline.insert("attach-policy".to_string(), document.clone());
        }
        self.grants(well_known_keys(&sa.well_known), &mut managed, &mut inline);
        (managed, inline)
    }

    /// Adds the catalogue's managed policies (once each) and inline policies for `keys`.
    pub(super) fn grants<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k str>,
        managed: &mut Vec<String>,
        inline: &mut BTreeMap<String, String>,
    ) {
        for key in keys {
            let entry = &GRANTS[key];
            for name in entry["managed"].as_array().into_iter().flatten().filter_map(|n| n.as_str()) {
                let arn = self.policy(name);
                if !managed.contains(&arn) {
                    managed.push(arn);
                }
            }
            for (name, statements) in entry["inline"].as_object().into_iter().flatten() {
                let document = json!({ "Version": "2012-10-17", "Statement": statements })
                    .to_string()
                    .replace("${Partition}", self.partition);
                inline.insert(name.clone(), document);
            }
        }
    }
}
