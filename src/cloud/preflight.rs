//! Preflight: what makes a create fail half-way on real AWS, checked before the first mutation
//! and reported all at once. Quotas the plan would exceed (Service Quotas), zones without EKS
//! control-plane capacity, the caller's permissions for the plan's actions (IAM policy
//! simulation), names taken by resources eksup does not own, and a service CIDR that overlaps
//! the VPC. A check AWS will not answer (no permission to read quotas or to simulate) is skipped
//! with a note, never guessed.

use std::collections::{BTreeMap, BTreeSet};

use super::ec2::{filter, tag_pairs};
use super::error::{ApiResult as _, CloudError, OrNotFound as _};
use super::iam::iam_tag_pairs;
use super::vpc_ipv6::missing_ipv6;
use super::{AwsCloud, owned_by};
use crate::plan::{Kind, Plan, Resource, Val};

/// Something that would fail the create, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

/// What the preflight found: problems, and notes on the checks it could not make.
#[derive(Debug, Default)]
pub struct Findings {
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}

impl Findings {
    pub(super) fn problem(&mut self, message: String, hint: impl Into<String>) {
        self.problems.push(Problem { message, hint: hint.into() });
    }

    fn merge(&mut self, other: Findings) {
        self.problems.extend(other.problems);
        self.notes.extend(other.notes);
    }
}

/// A quota of the Service Quotas API that a create consumes.
#[derive(Debug, Clone, Copy)]
struct Quota {
    service: &'static str,
    code: &'static str,
    /// What is counted, plural (`Elastic IPs`).
    what: &'static str,
    /// Where it counts (`in the region`, `in zone ...`, `per cluster`).
    scope: &'static str,
    /// What to do besides asking for more.
    hint: &'static str,
}

const ELASTIC_IPS: Quota = Quota {
    service: "ec2",
    code: "L-0263D0A3",
    what: "Elastic IPs",
    scope: "in the region",
    hint: "release Elastic IPs nothing uses, or use one NAT gateway (`vpc.nat.gateway: Single`)",
};
const VPCS: Quota = Quota {
    service: "vpc",
    code: "L-F678F1CE",
    what: "VPCs",
    scope: "in the region",
    hint: "delete VPCs nothing uses, or create the cluster in an existing VPC (`vpc.id`)",
};
const INTERNET_GATEWAYS: Quota = Quota {
    service: "vpc",
    code: "L-A4707A72",
    what: "internet gateways",
    scope: "in the region",
    hint: "delete internet gateways nothing uses, or create the cluster in an existing VPC (`vpc.id`)",
};
const NAT_GATEWAYS: Quota = Quota {
    service: "vpc",
    code: "L-FE5A380F",
    what: "NAT gateways",
    scope: "in the zone",
    hint: "delete NAT gateways nothing uses in that zone, or use `vpc.nat.gateway: Single`",
};
const FARGATE_PROFILES: Quota = Quota {
    service: "eks",
    code: "L-33415657",
    what: "Fargate profiles",
    scope: "in the cluster",
    hint: "merge profiles: one profile takes up to five selectors",
};

const VPC_ENDPOINT: &[&str] = &[
    "ec2:DescribeVpcEndpointServices",
    "ec2:DescribeVpcEndpoints",
    "ec2:CreateVpcEndpoint",
    "ec2:CreateTags",
];
const TRANSIT_ATTACHMENT: &[&str] =
    &["ec2:DescribeTransitGatewayVpcAttachments", "ec2:CreateTransitGatewayVpcAttachment", "ec2:CreateTags"];
const ENDPOINT_ACCESS: &[&str] = &["eks:DescribeCluster", "eks:UpdateClusterConfig", "eks:DescribeUpdate"];
const CAPABILITY_WITH_POLICIES: &[&str] = &[
    "eks:CreateCapability",
    "eks:DescribeCapability",
    "eks:TagResource",
    "eks:DescribeAccessEntry",
    "eks:ListAssociatedAccessPolicies",
    "eks:AssociateAccessPolicy",
    "iam:PassRole",
];

const TRUST_ANCHOR: &[&str] = &[
    "rolesanywhere:ListTrustAnchors",
    "rolesanywhere:CreateTrustAnchor",
    "rolesanywhere:ListTagsForResource",
    "rolesanywhere:TagResource",
];

/// Naming a role in a profile passes it to IAM Roles Anywhere.
const ANYWHERE_PROFILE: &[&str] = &[
    "rolesanywhere:ListProfiles",
    "rolesanywhere:CreateProfile",
    "rolesanywhere:ListTagsForResource",
    "rolesanywhere:TagResource",
    "iam:PassRole",
];

/// A launch template's: `ec2:DescribeImages` reads its image's root device.
const LAUNCH_TEMPLATE_ACTIONS: &[&str] =
    &["ec2:CreateLaunchTemplate", "ssm:GetParameter", "ec2:DescribeImages"];
/// An EFA group's template also reads its types' network cards.
const EFA_LAUNCH_TEMPLATE_ACTIONS: &[&str] =
    &["ec2:CreateLaunchTemplate", "ssm:GetParameter", "ec2:DescribeImages", "ec2:DescribeInstanceTypes"];

/// A managed node group's: the create, then CreateOrUpdateTags (`propagateASGTags`) and
/// SuspendProcesses (`asgSuspendProcesses`) on the Auto Scaling groups EKS made for it.
fn managed_nodegroup_actions(spec: &crate::plan::ManagedNodegroupSpec) -> &'static [&'static str] {
    const CREATE: &[&str] = &["eks:CreateNodegroup", "eks:DescribeNodegroup", "iam:PassRole"];
    const TAGS: &[&str] = &[
        "eks:CreateNodegroup",
        "eks:DescribeNodegroup",
        "iam:PassRole",
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:CreateOrUpdateTags",
    ];
    const SUSPEND: &[&str] = &[
        "eks:CreateNodegroup",
        "eks:DescribeNodegroup",
        "iam:PassRole",
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:SuspendProcesses",
    ];
    const BOTH: &[&str] = &[
        "eks:CreateNodegroup",
        "eks:DescribeNodegroup",
        "iam:PassRole",
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:CreateOrUpdateTags",
        "autoscaling:SuspendProcesses",
    ];
    let suspend = spec.suspend_processes.as_ref().is_some_and(|p| !p.is_empty());
    match (!spec.asg_tags.is_empty(), suspend) {
        (false, false) => CREATE,
        (true, false) => TAGS,
        (false, true) => SUSPEND,
        (true, true) => BOTH,
    }
}

/// An Auto Scaling group's: the create, then EnableMetricsCollection (`asgMetricsCollection`)
/// and SuspendProcesses (`asgSuspendProcesses`) when the file asks for them.
fn auto_scaling_group_actions(spec: &crate::plan::AutoScalingGroupSpec) -> &'static [&'static str] {
    const CREATE: &[&str] = &[
        "autoscaling:CreateAutoScalingGroup",
        "autoscaling:DescribeAutoScalingGroups",
        "ec2:RunInstances",
        "iam:PassRole",
    ];
    const METRICS: &[&str] = &[
        "autoscaling:CreateAutoScalingGroup",
        "autoscaling:DescribeAutoScalingGroups",
        "ec2:RunInstances",
        "iam:PassRole",
        "autoscaling:EnableMetricsCollection",
    ];
    const SUSPEND: &[&str] = &[
        "autoscaling:CreateAutoScalingGroup",
        "autoscaling:DescribeAutoScalingGroups",
        "ec2:RunInstances",
        "iam:PassRole",
        "autoscaling:SuspendProcesses",
    ];
    const BOTH: &[&str] = &[
        "autoscaling:CreateAutoScalingGroup",
        "autoscaling:DescribeAutoScalingGroups",
        "ec2:RunInstances",
        "iam:PassRole",
        "autoscaling:EnableMetricsCollection",
        "autoscaling:SuspendProcesses",
    ];
    let suspend = spec.suspend_processes.as_ref().is_some_and(|p| !p.is_empty());
    match (!spec.metrics_collection.is_empty(), suspend) {
        (false, false) => CREATE,
        (true, false) => METRICS,
        (false, true) => SUSPEND,
        (true, true) => BOTH,
    }
}

/// The IAM actions a resource's create calls, for the policy simulation. Every kind is listed,
/// so a new kind cannot be forgotten here.
fn actions(resource: &Resource) -> &'static [&'static str] {
    match resource {
        Resource::Vpc { ipv6: true, .. } => {
            &["ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:CreateTags", "ec2:AssociateVpcCidrBlock"]
        }
        Resource::Vpc { .. } => &["ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:CreateTags"],
        Resource::ImportVpc { .. } => &["ec2:DescribeVpcs", "ec2:DescribeSubnets"],
        Resource::Subnet { ipv6: Some(_), .. } => {
            &["ec2:CreateSubnet", "ec2:ModifySubnetAttribute", "ec2:AssociateSubnetCidrBlock"]
        }
        Resource::Subnet { .. } => &["ec2:CreateSubnet", "ec2:ModifySubnetAttribute"],
        Resource::InternetGateway { .. } => &["ec2:CreateInternetGateway", "ec2:AttachInternetGateway"],
        Resource::EgressOnlyInternetGateway { .. } => {
            &["ec2:CreateEgressOnlyInternetGateway", "ec2:CreateTags"]
        }
        Resource::ElasticIp { .. } => &["ec2:AllocateAddress"],
        Resource::VpcEndpoint { .. } => VPC_ENDPOINT,
        Resource::TrustAnchor { .. } => TRUST_ANCHOR,
        Resource::AnywhereProfile { .. } => ANYWHERE_PROFILE,
        Resource::EndpointAccess { .. } => ENDPOINT_ACCESS,
        Resource::KeyPair { .. } => &["ec2:DescribeKeyPairs", "ec2:ImportKeyPair", "ec2:CreateTags"],
        Resource::NatGateway { .. } => &["ec2:CreateNatGateway"],
        Resource::GatewayAttachment { gateway_id, .. } if gateway_id.starts_with("tgw-") => {
            TRANSIT_ATTACHMENT
        }
        Resource::GatewayAttachment { .. } => &["ec2:DescribeVpnGateways", "ec2:AttachVpnGateway"],
        Resource::RouteTable { .. } => {
            &["ec2:CreateRouteTable", "ec2:CreateRoute", "ec2:AssociateRouteTable"]
        }
        Resource::NetworkAcl { .. } => {
            &["ec2:CreateNetworkAcl", "ec2:CreateNetworkAclEntry", "ec2:ReplaceNetworkAclAssociation"]
        }
        Resource::SecurityGroup { .. } => &[
            "ec2:CreateSecurityGroup",
            "ec2:AuthorizeSecurityGroupIngress",
            "ec2:AuthorizeSecurityGroupEgress",
            "ec2:RevokeSecurityGroupEgress",
        ],
        Resource::SecurityGroupRules { .. } => {
            &["ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress"]
        }
        Resource::IamRole { inline_policies, .. } if !inline_policies.is_empty() => {
            &["iam:CreateRole", "iam:TagRole", "iam:AttachRolePolicy", "iam:GetRole", "iam:PutRolePolicy"]
        }
        Resource::IamRole { .. } => &["iam:CreateRole", "iam:TagRole", "iam:AttachRolePolicy", "iam:GetRole"],
        Resource::InstanceProfile { .. } => {
            &["iam:CreateInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:PassRole"]
        }
        Resource::ControlPlane(spec) if spec.log_retention_days.is_some() => &[
            "eks:CreateCluster",
            "eks:DescribeCluster",
            "eks:TagResource",
            "iam:PassRole",
            "logs:DescribeLogGroups",
            "logs:PutRetentionPolicy",
        ],
        Resource::ControlPlane(_) => {
            &["eks:CreateCluster", "eks:DescribeCluster", "eks:TagResource", "iam:PassRole"]
        }
        Resource::OidcProvider { .. } => &["iam:CreateOpenIDConnectProvider", "iam:TagOpenIDConnectProvider"],
        Resource::LaunchTemplate(spec) if !spec.efa_instance_types.is_empty() => EFA_LAUNCH_TEMPLATE_ACTIONS,
        Resource::LaunchTemplate(_) => LAUNCH_TEMPLATE_ACTIONS,
        Resource::PlacementGroup { .. } => {
            &["ec2:DescribePlacementGroups", "ec2:CreatePlacementGroup", "ec2:CreateTags"]
        }
        Resource::EfaDevicePlugin { .. } => &["eks:DescribeCluster"],
        Resource::ManagedNodegroup(spec) => managed_nodegroup_actions(spec),
        Resource::AutoScalingGroup(spec) => auto_scaling_group_actions(spec),
        Resource::FargateProfile(_) => &["eks:CreateFargateProfile", "iam:PassRole"],
        Resource::Addon { .. } => &["eks:CreateAddon", "eks:DescribeAddon", "eks:DescribeAddonVersions"],
        Resource::AccessEntry { .. } => &["eks:CreateAccessEntry", "eks:AssociateAccessPolicy"],
        Resource::IdentityProvider(_) => {
            &["eks:AssociateIdentityProviderConfig", "eks:DescribeIdentityProviderConfig", "eks:TagResource"]
        }
        Resource::Capability(spec) if !spec.access_policies.is_empty() => CAPABILITY_WITH_POLICIES,
        Resource::Capability(_) => {
            &["eks:CreateCapability", "eks:DescribeCapability", "eks:TagResource", "iam:PassRole"]
        }
        Resource::PodIdentityAssociation { .. } => &[
            "eks:CreatePodIdentityAssociation",
            "eks:ListPodIdentityAssociations",
            "eks:DescribePodIdentityAssociation",
            "eks:TagResource",
            "iam:GetRole",
            "iam:PassRole",
        ],
        Resource::AddonReady { .. } => &["eks:DescribeAddon"],
        Resource::NodesReady { .. }
        | Resource::ServiceAccount { .. }
        | Resource::ServiceAccess { .. }
        | Resource::AccountMappings { .. } => &["eks:DescribeCluster"],
        Resource::EcrRepository(_) => &["ecr:CreateRepository", "ecr:PutLifecyclePolicy", "ecr:TagResource"],
        Resource::Kubeconfig { .. } => &["eks:DescribeCluster"],
    }
}

/// The available zones of each region [`super::availability_zones`] listed in this process (as
/// `(name, zone id)`): a create that chose its zones from them does not list them again.
static ZONES_SEEN: std::sync::Mutex<Vec<(String, Zones)>> = std::sync::Mutex::new(Vec::new());

/// Zones as `(name, zone id)`.
type Zones = Vec<(String, String)>;

/// A zone that is not an availability zone (a Local Zone, a Wavelength Zone), as listed.
struct OtherZone {
    name: String,
    kind: String,
    group: String,
    opted_in: bool,
}

/// Remember the available zones of `region`, as listed.
pub(super) fn remember_zones(region: &str, zones: &[(String, String)]) {
    if let Ok(mut seen) = ZONES_SEEN.lock() {
        seen.retain(|(r, _)| r != region);
        seen.push((region.to_string(), zones.to_vec()));
    }
}

/// The available zones of `region`, if this process listed them.
fn zones_seen(region: &str) -> Option<Zones> {
    let seen = ZONES_SEEN.lock().ok()?;
    seen.iter().find(|(r, _)| r == region).map(|(_, z)| z.clone())
}

impl AwsCloud {
    /// Check `plan` against the account before anything is created; `caller` is the ARN
    /// `GetCallerIdentity` returned.
    pub async fn preflight(&self, plan: &Plan, caller: &str) -> Findings {
        let (quotas, zones, permissions, names, cidrs, ipv6, egress, capacity, efa) = tokio::join!(
            self.preflight_quotas(plan),
            self.preflight_zones(plan),
            self.preflight_permissions(plan, caller),
            self.preflight_names(plan),
            self.preflight_cidrs(plan),
            self.preflight_ipv6(plan),
            self.preflight_egress(plan),
            self.preflight_capacity(plan),
            self.preflight_efa(plan),
        );
        let mut all = Findings::default();
        for f in [quotas, zones, permissions, names, cidrs, ipv6, egress, capacity, efa] {
            all.merge(f);
        }
        all
    }

    /// The value of a quota: the account's applied value, else AWS's default.
    async fn quota_value(&self, quota: Quota) -> Result<f64, CloudError> {
        let client = aws_sdk_servicequotas::Client::new(&self.sdk);
        let applied = client
            .get_service_quota()
            .service_code(quota.service)
            .quota_code(quota.code)
            .send()
            .await
            .api("GetServiceQuota")
            .or_not_found()?;
        if let Some(v) = applied.as_ref().and_then(|o| o.quota()).and_then(|q| q.value()) {
            return Ok(v);
        }
        let default = client
            .get_aws_default_service_quota()
            .service_code(quota.service)
            .quota_code(quota.code)
            .send()
            .await
            .api("GetAWSDefaultServiceQuota")?;
        default
            .quota()
            .and_then(|q| q.value())
            .ok_or(CloudError::MissingField { operation: "GetAWSDefaultServiceQuota", field: "Quota.Value" })
    }

    /// Quotas the plan's new resources would exceed: those an earlier run made (tagged for the
    /// cluster) are already counted in what is in use.
    async fn preflight_quotas(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let result = async {
            self.region_quotas_over(plan, &mut f).await?;
            self.nat_quotas_over(plan, &mut f).await?;
            self.fargate_quota_over(plan, &mut f).await
        }
        .await;
        if let Err(e) = result {
            f.notes.push(format!("quotas not checked: {e}"));
        }
        f
    }

    /// The quotas counted per region: Elastic IPs, VPCs and internet gateways.
    async fn region_quotas_over(&self, plan: &Plan, f: &mut Findings) -> Result<(), CloudError> {
        let count = |pick: fn(&Resource) -> bool| plan.steps.iter().filter(|s| pick(&s.resource)).count();
        let eips = count(|r| matches!(r, Resource::ElasticIp { .. }));
        let vpcs = count(|r| matches!(r, Resource::Vpc { .. }));
        let igws = count(|r| matches!(r, Resource::InternetGateway { .. }));
        // What the look before the run saw of the region, else a look of its own.
        let seen = self.known.get().map(|k| &k.in_use);
        let ours = |tags: &[aws_sdk_ec2::types::Tag]| owned_by(tag_pairs(tags), &plan.cluster);
        if eips > 0 {
            let all = match seen.and_then(|u| u.addresses.clone()) {
                Some(all) => all,
                None => {
                    self.ec2.describe_addresses().send().await.api("DescribeAddresses")?.addresses().to_vec()
                }
            };
            let owned = all.iter().filter(|a| ours(a.tags())).count();
            self.over(f, ELASTIC_IPS, &plan.region, all.len(), eips.saturating_sub(owned)).await?;
        }
        if vpcs > 0 {
            let all = match seen.and_then(|u| u.vpcs.clone()) {
                Some(all) => all,
                None => self.ec2.describe_vpcs().send().await.api("DescribeVpcs")?.vpcs().to_vec(),
            };
            let owned = all.iter().filter(|v| ours(v.tags())).count();
            self.over(f, VPCS, &plan.region, all.len(), vpcs.saturating_sub(owned)).await?;
        }
        if igws > 0 {
            let all = match seen.and_then(|u| u.internet_gateways.clone()) {
                Some(all) => all,
                None => {
                    let out = self.ec2.describe_internet_gateways().send().await;
                    out.api("DescribeInternetGateways")?.internet_gateways().to_vec()
                }
            };
            let owned = all.iter().filter(|g| ours(g.tags())).count();
            self.over(f, INTERNET_GATEWAYS, &plan.region, all.len(), igws.saturating_sub(owned)).await?;
        }
        Ok(())
    }

    /// The NAT gateway quota, counted per availability zone: the zone of each live gateway is
    /// that of its subnet.
    async fn nat_quotas_over(&self, plan: &Plan, f: &mut Findings) -> Result<(), CloudError> {
        let mut nats: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &plan.steps {
            if let Resource::NatGateway { az, .. } = &s.resource {
                *nats.entry(az.as_str()).or_default() += 1;
            }
        }
        if nats.is_empty() {
            return Ok(());
        }
        let live = match self.known.get().and_then(|k| k.in_use.nat_gateways.clone()) {
            Some(live) => live,
            None => {
                let look = self.ec2.describe_nat_gateways().filter(filter("state", ["pending", "available"]));
                look.send().await.api("DescribeNatGateways")?.nat_gateways().to_vec()
            }
        };
        let subnet_ids: BTreeSet<&str> = live.iter().filter_map(|n| n.subnet_id()).collect();
        let mut zone_of: BTreeMap<String, String> = BTreeMap::new();
        if !subnet_ids.is_empty() {
            let subnets = self
                .ec2
                .describe_subnets()
                .set_subnet_ids(Some(subnet_ids.iter().map(|s| (*s).to_string()).collect()))
                .send()
                .await
                .api("DescribeSubnets")?;
            for s in subnets.subnets() {
                if let (Some(id), Some(az)) = (s.subnet_id(), s.availability_zone()) {
                    zone_of.insert(id.to_string(), az.to_string());
                }
            }
        }
        for (az, planned) in nats {
            let in_zone: Vec<_> = live
                .iter()
                .filter(|n| n.subnet_id().and_then(|s| zone_of.get(s)).is_some_and(|z| z == az))
                .collect();
            let owned = in_zone.iter().filter(|n| owned_by(tag_pairs(n.tags()), &plan.cluster)).count();
            self.over(f, NAT_GATEWAYS, az, in_zone.len(), planned.saturating_sub(owned)).await?;
        }
        Ok(())
    }

    /// The Fargate profile quota, counted per cluster: profiles that already exist are not new.
    async fn fargate_quota_over(&self, plan: &Plan, f: &mut Findings) -> Result<(), CloudError> {
        let fargate: Vec<String> = plan
            .steps
            .iter()
            .filter_map(|s| match &s.resource {
                Resource::FargateProfile(p) => Some(p.profile_name.clone()),
                _ => None,
            })
            .collect();
        if fargate.is_empty() {
            return Ok(());
        }
        let existing: Vec<String> = self
            .eks
            .list_fargate_profiles()
            .cluster_name(&plan.cluster)
            .send()
            .await
            .api("ListFargateProfiles")
            .or_not_found()?
            .map(|o| o.fargate_profile_names().to_vec())
            .unwrap_or_default();
        let new = fargate.iter().filter(|n| !existing.contains(n)).count();
        self.over(f, FARGATE_PROFILES, &plan.cluster, existing.len(), new).await
    }

    /// Add a problem when `in_use + new` exceeds `quota` (looked up only when `new > 0`).
    async fn over(
        &self,
        f: &mut Findings,
        quota: Quota,
        place: &str,
        in_use: usize,
        new: usize,
    ) -> Result<(), CloudError> {
        if new == 0 {
            return Ok(());
        }
        let limit = match self.quota_value(quota).await {
            Ok(v) => v,
            Err(e) => {
                f.notes.push(format!("the quota of {} ({}) not checked: {e}", quota.what, quota.code));
                return Ok(());
            }
        };
        #[allow(clippy::cast_precision_loss)]
        let needed = (in_use + new) as f64;
        if needed > limit {
            f.problem(
                format!(
                    "the plan needs {new} more {} {} (`{place}`), and {in_use} of the {limit} allowed are in use",
                    quota.what, quota.scope
                ),
                format!(
                    "{}; or ask AWS for more: `aws service-quotas request-service-quota-increase --service-code {} --quota-code {} --desired-value {needed}`",
                    quota.hint, quota.service, quota.code
                ),
            );
        }
        Ok(())
    }

    /// Zones of the plan that do not exist in the region, or have no EKS control-plane capacity.
    async fn preflight_zones(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let mut wanted: BTreeSet<&str> = BTreeSet::new();
        for s in &plan.steps {
            match &s.resource {
                Resource::Subnet { az, .. } => {
                    wanted.insert(az);
                }
                Resource::ImportVpc { subnets, .. } => {
                    wanted.extend(subnets.iter().filter_map(|s| s.az.as_deref()))
                }
                _ => {}
            }
        }
        if wanted.is_empty() {
            return f;
        }
        // The zones the config was given from (eksup chose them) were listed moments ago:
        // those are not asked about again.
        let seen =
            zones_seen(&plan.region).filter(|seen| wanted.iter().all(|az| seen.iter().any(|(n, _)| n == az)));
        // The zones of other types than `availability-zone` (Local Zones), as listed.
        let mut others: Vec<OtherZone> = Vec::new();
        let zones: Zones = match seen {
            Some(seen) => seen,
            None => match self
                .ec2
                .describe_availability_zones()
                .all_availability_zones(true)
                .send()
                .await
                .api("DescribeAvailabilityZones")
            {
                Ok(z) => {
                    others = z
                        .availability_zones()
                        .iter()
                        .filter(|z| z.zone_type().is_some_and(|t| t != "availability-zone"))
                        .map(|z| OtherZone {
                            name: z.zone_name().unwrap_or_default().to_string(),
                            kind: z.zone_type().unwrap_or_default().to_string(),
                            group: z.group_name().unwrap_or_default().to_string(),
                            opted_in: z.opt_in_status().is_none_or(|o| o.as_str() != "not-opted-in"),
                        })
                        .collect();
                    z.availability_zones()
                        .iter()
                        .filter_map(|z| {
                            Some((z.zone_name()?.to_string(), z.zone_id().unwrap_or_default().to_string()))
                        })
                        .collect()
                }
                Err(e) => {
                    f.notes.push(format!("zones not checked: {e}"));
                    return f;
                }
            },
        };
        let usable: Vec<&str> = others
            .iter()
            .filter(|z| z.kind == "local-zone" && z.opted_in && wanted.contains(z.name.as_str()))
            .map(|z| z.name.as_str())
            .collect();
        if !usable.is_empty() {
            f.merge(self.local_zone_offerings(plan, &usable).await);
        }
        for zone in others.iter().filter(|z| wanted.contains(z.name.as_str())) {
            let az = &zone.name;
            if zone.kind != "local-zone" {
                f.problem(
                    format!("zone `{az}` is a `{}`, not an availability zone or a Local Zone", zone.kind),
                    "eksup lays out subnets in availability zones and Local Zones only: list it in neither",
                );
            } else if !zone.opted_in {
                f.problem(
                    format!("Local Zone `{az}` is not enabled in this account: its subnets cannot be created"),
                    format!(
                        "opt in to its zone group: `aws ec2 modify-availability-zone-group --region {} --group-name {} --opt-in-status opted-in`",
                        plan.region, zone.group
                    ),
                );
            }
        }
        for az in wanted {
            match zones.iter().find(|(name, _)| name == az) {
                None => f.problem(
                    format!("zone `{az}` does not exist in `{}`", plan.region),
                    "list the region's zones with `aws ec2 describe-availability-zones`, or leave `availabilityZones` out to let eksup choose",
                ),
                Some((_, id)) if crate::config::zones::ZONE_IDS_WITHOUT_EKS_CAPACITY.contains(&id.as_str()) => f.problem(
                    format!("zone `{az}` (`{id}`) has no capacity for EKS control planes: CreateCluster would fail"),
                    "choose other zones in `availabilityZones`, or leave it out to let eksup choose",
                ),
                Some(_) => {}
            }
        }
        f
    }

    /// The instance types of the self-managed groups in Local Zones `lzs`, each offered there:
    /// a Local Zone offers a few families only, and an Auto Scaling group would fail to launch
    /// the others after the control plane's minutes.
    async fn local_zone_offerings(&self, plan: &Plan, lzs: &[&str]) -> Findings {
        use aws_sdk_ec2::types::{Filter, LocationType};
        let mut f = Findings::default();
        let zone_of = |v: &Val| match v {
            Val::Out(r) => match plan.step(&r.step).map(|s| &s.resource) {
                Some(Resource::Subnet { az, .. }) => Some(az.as_str()),
                _ => None,
            },
            Val::Lit(_) => None,
        };
        // (group, type, Local Zone) for each group that runs there.
        let mut wanted: Vec<(String, String, String)> = Vec::new();
        for step in &plan.steps {
            let Resource::AutoScalingGroup(asg) = &step.resource else { continue };
            let zones: BTreeSet<&str> =
                asg.subnets.iter().filter_map(zone_of).filter(|z| lzs.contains(z)).collect();
            if zones.is_empty() {
                continue;
            }
            let template = match &asg.launch_template {
                Val::Out(r) => plan.step(&r.step).map(|s| &s.resource),
                Val::Lit(_) => None,
            };
            let types: Vec<String> = match (&asg.distribution, template) {
                (Some(d), _) => d.instance_types.clone(),
                (None, Some(Resource::LaunchTemplate(lt))) => lt.instance_type.iter().cloned().collect(),
                _ => Vec::new(),
            };
            for t in types {
                for z in &zones {
                    wanted.push((asg.group_name.clone(), t.clone(), (*z).to_string()));
                }
            }
        }
        if wanted.is_empty() {
            return f;
        }
        let types: BTreeSet<&str> = wanted.iter().map(|(_, t, _)| t.as_str()).collect();
        let out = self
            .ec2
            .describe_instance_type_offerings()
            .location_type(LocationType::AvailabilityZone)
            .filters(
                Filter::builder()
                    .name("location")
                    .set_values(Some(lzs.iter().map(|z| (*z).to_string()).collect()))
                    .build(),
            )
            .filters(
                Filter::builder()
                    .name("instance-type")
                    .set_values(Some(types.iter().map(|t| (*t).to_string()).collect()))
                    .build(),
            )
            .send()
            .await
            .api("DescribeInstanceTypeOfferings");
        let offered: BTreeSet<(String, String)> = match out {
            Ok(o) => o
                .instance_type_offerings()
                .iter()
                .filter_map(|o| Some((o.instance_type()?.as_str().to_string(), o.location()?.to_string())))
                .collect(),
            Err(e) => {
                f.notes.push(format!("instance types in Local Zones not checked: {e}"));
                return f;
            }
        };
        for (group, t, z) in wanted {
            if !offered.contains(&(t.clone(), z.clone())) {
                f.problem(
                    format!("instance type `{t}` of `{group}` is not offered in Local Zone `{z}`: its instances could not launch"),
                    format!("choose a type the Local Zone offers: `aws ec2 describe-instance-type-offerings --region {} --location-type availability-zone --filters Name=location,Values={z}`", plan.region),
                );
            }
        }
        f
    }

    /// The plan's actions the caller may not call, by IAM policy simulation.
    async fn preflight_permissions(&self, plan: &Plan, caller: &str) -> Findings {
        let mut f = Findings::default();
        if caller.ends_with(":root") {
            f.notes.push("permissions not checked: the account's root user may do everything".into());
            return f;
        }
        let principal = match self.simulation_principal(caller).await {
            Ok(p) => p,
            Err(e) => {
                f.notes.push(format!(
                    "permissions not checked: the caller `{caller}` cannot be simulated ({e})"
                ));
                return f;
            }
        };
        let wanted: BTreeSet<&str> =
            plan.steps.iter().flat_map(|s| actions(&s.resource).iter().copied()).collect();
        // IAM actions are simulated on the roles and instance profiles the plan names, so that a
        // least-privilege policy scoped to them (`role/eksup-*`) is judged as AWS will judge it;
        // the rest on `*`.
        let account = caller.split(':').nth(4).unwrap_or_default();
        let partition = self.partition();
        let arns = |kind: &str| -> Vec<String> {
            plan.steps
                .iter()
                .filter_map(|s| match (&s.resource, kind) {
                    (Resource::IamRole { role_name, .. }, "role") => Some(role_name.as_str()),
                    (Resource::InstanceProfile { profile_name, .. }, "instance-profile") => {
                        Some(profile_name.as_str())
                    }
                    _ => None,
                })
                .map(|n| format!("arn:{partition}:iam::{account}:{kind}/{n}"))
                .collect()
        };
        let on_profiles = |a: &&str| a.contains("InstanceProfile");
        let on_roles = |a: &&str| a.starts_with("iam:") && a.contains("Role") && !on_profiles(a);
        let groups: [(Vec<&str>, Vec<String>); 3] = [
            (wanted.iter().copied().filter(|a| !on_roles(a) && !on_profiles(a)).collect(), Vec::new()),
            (wanted.iter().copied().filter(on_roles).collect(), arns("role")),
            (wanted.iter().copied().filter(on_profiles).collect(), arns("instance-profile")),
        ];
        let mut results = Vec::new();
        for (names, resources) in groups {
            if names.is_empty() {
                continue;
            }
            let out = self
                .iam
                .simulate_principal_policy()
                .policy_source_arn(&principal)
                .set_action_names(Some(names.iter().map(|a| (*a).to_string()).collect()))
                .set_resource_arns((!resources.is_empty()).then_some(resources))
                .send()
                .await
                .api("SimulatePrincipalPolicy");
            match out {
                Ok(o) => results.extend(o.evaluation_results().iter().cloned()),
                Err(e) => {
                    f.notes.push(format!(
                        "permissions not checked: the caller cannot simulate its policies ({e})"
                    ));
                    return f;
                }
            }
        }
        // A statement with conditions cannot be judged without their context (the simulation
        // says which it missed): a note, not a problem. An explicit deny, or no statement that
        // allows the action on the plan's resources, is a problem.
        let mut denied: Vec<&str> = Vec::new();
        for r in &results {
            let decision = r.eval_decision().as_str();
            if decision == "allowed" || denied.contains(&r.eval_action_name()) {
                continue;
            }
            if decision == "implicitDeny" && !r.missing_context_values().is_empty() {
                f.notes.push(format!(
                    "`{}` may be allowed by a statement with conditions the simulation cannot judge",
                    r.eval_action_name()
                ));
            } else {
                denied.push(r.eval_action_name());
            }
        }
        if !denied.is_empty() {
            f.problem(
                format!(
                    "`{principal}` may not call {}: the create would stop there",
                    denied.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ")
                ),
                "ask for these permissions, or run as a principal that has them (the policy simulation does not see conditions or SCPs: `--skip-preflight` goes on anyway)",
            );
        }
        f
    }

    /// The IAM ARN to simulate for a caller: an assumed role's session becomes its role.
    async fn simulation_principal(&self, caller: &str) -> Result<String, CloudError> {
        let Some(rest) = caller.split(":assumed-role/").nth(1) else { return Ok(caller.to_string()) };
        let role = rest.split('/').next().unwrap_or(rest);
        let out = self.iam.get_role().role_name(role).send().await.api("GetRole")?;
        out.role()
            .map(|r| r.arn().to_string())
            .ok_or(CloudError::MissingField { operation: "GetRole", field: "Role" })
    }

    /// Names the plan gives that resources eksup does not own already have: the cluster, IAM
    /// roles and instance profiles, launch templates, ECR repositories.
    async fn preflight_names(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let cluster = &plan.cluster;
        let not_ours = |what: String| {
            (
                format!(
                    "{what} exists and was not created by eksup for cluster `{cluster}` (no `eksup.io/cluster` tag): the create would stop there"
                ),
                "choose another cluster name, or delete or rename what holds the name",
            )
        };
        let result = async {
            let cluster_absent = self.was_absent(Kind::ControlPlane, cluster);
            if !cluster_absent
                && let Some(c) = self.describe_eks_cluster(cluster).await?
                && !owned_by(c.tags().into_iter().flatten().map(|(k, v)| (k.as_str(), v.as_str())), cluster)
            {
                let (m, h) = not_ours(format!("EKS cluster `{cluster}`"));
                f.problem(m, h);
            }
            for s in &plan.steps {
                if let Some(what) = self.name_held(&s.resource, cluster).await? {
                    let (m, h) = not_ours(what);
                    f.problem(m, h);
                }
            }
            // A key pair the file names (`ssh.publicKeyName`) must exist: without it no node
            // launches, and EC2 says so only in the Auto Scaling activities.
            let imported: Vec<&str> = plan
                .steps
                .iter()
                .filter_map(|s| match &s.resource {
                    Resource::KeyPair { key_name, .. } => Some(key_name.as_str()),
                    _ => None,
                })
                .collect();
            let mut named: Vec<&str> = plan
                .steps
                .iter()
                .filter_map(|s| match &s.resource {
                    Resource::LaunchTemplate(spec) => spec.key_name.as_deref(),
                    _ => None,
                })
                .filter(|k| !imported.contains(k))
                .collect();
            named.sort_unstable();
            named.dedup();
            for key in named {
                if self.key_pair_tags(key).await?.is_none() {
                    f.problem(
                        format!("EC2 key pair `{key}` does not exist in `{}`: no node could launch with it", self.region),
                        "import it (`aws ec2 import-key-pair`), or give the public key itself with `ssh.publicKeyPath` or `ssh.publicKey`",
                    );
                }
            }
            Ok::<(), CloudError>(())
        }
        .await;
        if let Err(e) = result {
            f.notes.push(format!("names not checked: {e}"));
        }
        f
    }

    /// What holds the name `resource` would take, when that is not eksup's for `cluster` (IAM
    /// roles and instance profiles, launch templates, ECR repositories); names the look before
    /// the run did not find are not asked about again.
    async fn name_held(&self, resource: &Resource, cluster: &str) -> Result<Option<String>, CloudError> {
        Ok(match resource {
            Resource::IamRole { role_name, .. } if !self.was_absent(Kind::IamRole, role_name) => {
                let tags = self.iam.list_role_tags().role_name(role_name).send().await;
                let tags = tags.api("ListRoleTags").or_not_found()?;
                tags.filter(|t| !owned_by(iam_tag_pairs(t.tags()), cluster))
                    .map(|_| format!("IAM role `{role_name}`"))
            }
            Resource::InstanceProfile { profile_name, .. }
                if !self.was_absent(Kind::InstanceProfile, profile_name) =>
            {
                let tags = self.instance_profile_tags(profile_name).await?;
                tags.filter(|t| !owned_by(iam_tag_pairs(t), cluster))
                    .map(|_| format!("instance profile `{profile_name}`"))
            }
            Resource::LaunchTemplate(spec) if !self.was_absent(Kind::LaunchTemplate, &spec.name) => {
                let look = self.ec2.describe_launch_templates().launch_template_names(&spec.name);
                let found = look.send().await.api("DescribeLaunchTemplates").or_not_found()?;
                found
                    .as_ref()
                    .and_then(|o| o.launch_templates().first())
                    .filter(|lt| !owned_by(tag_pairs(lt.tags()), cluster))
                    .map(|_| format!("launch template `{}`", spec.name))
            }
            Resource::KeyPair { key_name, .. } => self
                .key_pair_tags(key_name)
                .await?
                .filter(|tags| !owned_by(tag_pairs(tags), cluster))
                .map(|_| format!("EC2 key pair `{key_name}`")),
            Resource::EcrRepository(spec) if !self.was_absent(Kind::EcrRepository, &spec.repository_name) => {
                let look = self.ecr.describe_repositories().repository_names(&spec.repository_name);
                let found = look.send().await.api("DescribeRepositories").or_not_found()?;
                let Some(arn) =
                    found.as_ref().and_then(|o| o.repositories().first()).and_then(|r| r.repository_arn())
                else {
                    return Ok(None);
                };
                let tags = self.ecr.list_tags_for_resource().resource_arn(arn).send().await;
                let tags = tags.api("ListTagsForResource")?;
                (!owned_by(tags.tags().iter().map(|t| (t.key(), t.value())), cluster))
                    .then(|| format!("ECR repository `{}`", spec.repository_name))
            }
            _ => None,
        })
    }

    /// The tags of the key pair `name`, if there is one.
    async fn key_pair_tags(&self, name: &str) -> Result<Option<Vec<aws_sdk_ec2::types::Tag>>, CloudError> {
        let look = self
            .ec2
            .describe_key_pairs()
            .filters(aws_sdk_ec2::types::Filter::builder().name("key-name").values(name).build());
        let out = look.send().await.api("DescribeKeyPairs")?;
        Ok(out.key_pairs().first().map(|k| k.tags().to_vec()))
    }

    /// An existing VPC, or a subnet of it given by id, without an IPv6 block for an `IPv6`
    /// cluster: EKS refuses the cluster (the import step checks the subnets given by CIDR).
    async fn preflight_ipv6(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let Some((vpc_id, subnets)) = plan.steps.iter().find_map(|s| match &s.resource {
            Resource::ImportVpc { vpc_id, subnets, ipv6: true } => Some((vpc_id, subnets)),
            _ => None,
        }) else {
            return f;
        };
        let ids: Vec<String> = subnets.iter().filter_map(|s| s.id.clone()).collect();
        let (vpcs, found) = tokio::join!(
            async {
                if vpc_id.is_empty() {
                    return Ok(None);
                }
                self.ec2.describe_vpcs().vpc_ids(vpc_id).send().await.api("DescribeVpcs").map(Some)
            },
            async {
                if ids.is_empty() {
                    return Ok(None);
                }
                let call = self.ec2.describe_subnets().set_subnet_ids(Some(ids.clone()));
                call.send().await.api("DescribeSubnets").map(Some)
            },
        );
        let gaps = match (vpcs, found) {
            (Ok(vpcs), Ok(found)) => {
                let vpcs = vpcs.iter().flat_map(|o| o.vpcs()).map(|v| missing_ipv6(Some(v), None));
                let subnets = found.iter().flat_map(|o| o.subnets()).map(|s| missing_ipv6(None, Some(s)));
                vpcs.chain(subnets).flatten().collect::<Vec<_>>()
            }
            (Err(e), _) | (_, Err(e)) => {
                f.notes.push(format!("the IPv6 blocks of the VPC and subnets not checked: {e}"));
                Vec::new()
            }
        };
        for (message, hint) in gaps {
            f.problem(message, hint);
        }
        f
    }

    /// A service CIDR that overlaps the VPC's CIDRs: EKS refuses the cluster.
    async fn preflight_cidrs(&self, plan: &Plan) -> Findings {
        let mut f = Findings::default();
        let Some(service) = plan.steps.iter().find_map(|s| match &s.resource {
            Resource::ControlPlane(cp) => cp.service_ipv4_cidr.clone(),
            _ => None,
        }) else {
            return f;
        };
        let Ok(service_net) = service.parse::<ipnet::Ipv4Net>() else { return f };
        let mut vpc_cidrs: Vec<String> = Vec::new();
        for s in &plan.steps {
            match &s.resource {
                Resource::Vpc { cidr, .. } => vpc_cidrs.push(cidr.clone()),
                Resource::ImportVpc { vpc_id, .. } => {
                    match self.ec2.describe_vpcs().vpc_ids(vpc_id).send().await.api("DescribeVpcs") {
                        Ok(out) => {
                            for v in out.vpcs() {
                                vpc_cidrs.extend(
                                    v.cidr_block_association_set()
                                        .iter()
                                        .filter_map(|a| a.cidr_block())
                                        .map(str::to_string),
                                );
                                vpc_cidrs.extend(v.cidr_block().map(str::to_string));
                            }
                        }
                        Err(e) => f.notes.push(format!("the VPC's CIDRs not checked: {e}")),
                    }
                }
                _ => {}
            }
        }
        vpc_cidrs.sort();
        vpc_cidrs.dedup();
        for cidr in vpc_cidrs {
            let Ok(net) = cidr.parse::<ipnet::Ipv4Net>() else { continue };
            if net.contains(&service_net.network()) || service_net.contains(&net.network()) {
                f.problem(
                    format!("the service CIDR `{service}` overlaps the VPC's CIDR `{cidr}`: EKS refuses the cluster"),
                    "choose a `kubernetesNetworkConfig.serviceIPv4CIDR` outside the VPC, e.g. `10.100.0.0/16` or `172.20.0.0/16`",
                );
            }
        }
        f
    }
}
