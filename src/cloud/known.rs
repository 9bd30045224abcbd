//! What exists before a create, found in one pass: a filtered Describe or List call per resource
//! type (EC2 by the ownership tag, IAM, launch templates, Auto Scaling groups and ECR by name, the
//! EKS cluster and what is inside it), instead of one look-up per step. A step whose resource the
//! pass did not find creates it without looking; a step whose kind the pass could not look at
//! (an error, no permission) looks for itself, as before.
//!
//! A fresh 100-node-group create makes 14 calls here where it made some 400 look-ups, one or
//! more per step. What the pass saw is a snapshot: a step that this run already made, or whose
//! create was refused as a duplicate, looks again ([`super::AwsCloud::absent`]).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use aws_sdk_ec2::types::Tag;
use aws_sdk_eks::types::AddonInfo;

use super::AwsCloud;
use super::ec2::{cluster_filter, filter, has_tag, tag_pairs};
use super::error::{ApiResult as _, CloudError};
use crate::plan::{Kind, Plan, Resource, Val, tags as tag_keys};

/// Per kind looked at, the keys found: step ids (`eksup.io/resource`) for EC2 resources, names
/// for the rest (IAM, launch templates, Auto Scaling groups, ECR, EKS), principal ARNs for
/// access entries. A kind that is missing was not looked at.
#[derive(Debug, Default)]
pub(crate) struct Known {
    kinds: HashMap<Kind, HashSet<String>>,
    /// Calls the pass made.
    pub(crate) calls: usize,
    /// What the whole region holds of the kinds the preflight counts against quotas.
    pub(crate) in_use: InUse,
    /// The add-ons EKS offers, per Kubernetes version: every add-on in one
    /// `DescribeAddonVersions` (all pages), asked when the first add-on step needs a default
    /// version, instead of one call per add-on ([`AwsCloud::addon_catalogue`]).
    pub(crate) addon_versions: tokio::sync::Mutex<HashMap<String, Arc<[AddonInfo]>>>,
}

/// Every VPC, internet gateway, Elastic IP and live NAT gateway of the region, not only the
/// cluster's: the preflight counts them against their quotas (each `None` if the look failed).
#[derive(Debug, Default)]
pub(crate) struct InUse {
    pub(crate) vpcs: Option<Vec<aws_sdk_ec2::types::Vpc>>,
    pub(crate) internet_gateways: Option<Vec<aws_sdk_ec2::types::InternetGateway>>,
    pub(crate) addresses: Option<Vec<aws_sdk_ec2::types::Address>>,
    pub(crate) nat_gateways: Option<Vec<aws_sdk_ec2::types::NatGateway>>,
}

impl Known {
    /// Whether the resource of `kind` keyed `key` certainly did not exist when the pass looked.
    pub(crate) fn absent(&self, kind: Kind, key: &str) -> bool {
        self.kinds.get(&kind).is_some_and(|keys| !keys.contains(key))
    }

    /// Whether the pass could look at `kind`.
    pub(crate) fn looked(&self, kind: Kind) -> bool {
        self.kinds.contains_key(&kind)
    }

    fn record(&mut self, kind: Kind, found: Result<HashSet<String>, CloudError>) {
        if let Ok(keys) = found {
            self.kinds.insert(kind, keys);
        }
    }
}

/// The step ids of EC2 resources carrying the cluster's ownership tag.
fn step_ids<'t>(tags: impl Iterator<Item = &'t [Tag]>) -> HashSet<String> {
    tags.filter_map(|t| tag_pairs(t).find(|(k, _)| *k == tag_keys::RESOURCE).map(|(_, v)| v.to_string()))
        .collect()
}

/// The answer of `look`, if `ask`; else no call is made.
async fn asked<T>(ask: bool, look: impl std::future::Future<Output = T>) -> Option<T> {
    if ask { Some(look.await) } else { None }
}

/// Whether every step of `kind` (subnets, route tables, network ACLs, security groups) is in the
/// VPC the plan makes, and the look at the region's VPCs (`found`: the step ids of the cluster's)
/// did not find that VPC: then none of them exists yet, as nothing is inside a VPC before it.
/// False when the plan makes no VPC (an existing one is used) or a step names another VPC.
fn in_new_vpc(plan: &Plan, kind: Kind, found: &HashSet<String>) -> bool {
    let Some(vpc) = plan.steps.iter().find(|s| matches!(s.resource, Resource::Vpc { .. })) else {
        return false;
    };
    if found.contains(&vpc.id) {
        return false;
    }
    plan.steps.iter().filter(|s| s.resource.kind() == kind).all(|s| {
        let in_vpc = match &s.resource {
            Resource::Subnet { vpc, .. }
            | Resource::RouteTable { vpc, .. }
            | Resource::NetworkAcl { vpc, .. }
            | Resource::SecurityGroup { vpc, .. }
            | Resource::VpcEndpoint { vpc, .. }
            | Resource::EgressOnlyInternetGateway { vpc } => Some(vpc),
            _ => None,
        };
        matches!(in_vpc, Some(Val::Out(r)) if r.step == vpc.id)
    })
}

/// The names the plan gives resources of one kind.
fn plan_names(plan: &Plan, pick: impl Fn(&Resource) -> Option<&str>) -> Vec<String> {
    plan.steps.iter().filter_map(|s| pick(&s.resource)).map(str::to_string).collect()
}

impl AwsCloud {
    /// Look at everything `plan` would create, once (see the module docs). Never fails: a kind
    /// that cannot be looked at is left to its steps.
    pub(crate) async fn take_stock(&self, plan: &Plan) -> Known {
        let cluster = plan.cluster.as_str();
        let kinds: HashSet<Kind> = plan.steps.iter().map(|s| s.resource.kind()).collect();
        let has = |k: Kind| kinds.contains(&k);
        let mut known = Known::default();
        let (ec2, iam, named, eks) = tokio::join!(
            self.stock_ec2(plan, &has),
            self.stock_iam(&has),
            self.stock_named(plan),
            self.stock_eks(cluster, &has)
        );
        let (ec2, in_use) = ec2;
        known.in_use = in_use;
        for (kind, found, calls) in ec2.into_iter().chain(iam).chain(named).chain(eks) {
            known.record(kind, found);
            known.calls += calls;
        }
        known
    }

    /// The EC2 resources tagged for the cluster, by step id: one call per kind. VPCs, internet
    /// gateways, Elastic IPs and NAT gateways are asked for region-wide (tags read here): the
    /// preflight counts them against their quotas. Then what lives in a VPC ([`Self::stock_in_vpc`]).
    async fn stock_ec2(&self, plan: &Plan, has: &impl Fn(Kind) -> bool) -> (Vec<Stock>, InUse) {
        let cluster = plan.cluster.as_str();
        let ours = |tags: &[Tag]| has_tag(tags, tag_keys::CLUSTER, cluster);
        let (vpcs, igws, eips, nats) = tokio::join!(
            async { self.ec2.describe_vpcs().send().await.api("DescribeVpcs") },
            async { self.ec2.describe_internet_gateways().send().await.api("DescribeInternetGateways") },
            async { self.ec2.describe_addresses().send().await.api("DescribeAddresses") },
            async {
                // A deleted NAT gateway stays visible for an hour: it is not there. Tags are read
                // here, not filtered on, as the NAT gateway step looks (by subnet).
                let live = filter("state", ["pending", "available"]);
                let pages: Result<Vec<_>, _> =
                    self.ec2.describe_nat_gateways().filter(live).into_paginator().send().collect().await;
                pages.api("DescribeNatGateways")
            },
        );
        let vpc_ids =
            vpcs.as_ref().ok().map(|o| step_ids(o.vpcs().iter().map(|v| v.tags()).filter(|t| ours(t))));
        let mut out = self.stock_in_vpc(plan, vpc_ids.as_ref(), has).await;
        let in_use = InUse {
            vpcs: vpcs.as_ref().ok().map(|o| o.vpcs().to_vec()),
            internet_gateways: igws.as_ref().ok().map(|o| o.internet_gateways().to_vec()),
            addresses: eips.as_ref().ok().map(|o| o.addresses().to_vec()),
            nat_gateways: nats
                .as_ref()
                .ok()
                .map(|p| p.iter().flat_map(|p| p.nat_gateways()).cloned().collect()),
        };
        let mut add = |kind: Kind, found: Result<HashSet<String>, CloudError>| {
            if has(kind) {
                out.push((kind, found, 1));
            }
        };
        add(Kind::Vpc, vpcs.map(|o| step_ids(o.vpcs().iter().map(|v| v.tags()).filter(|t| ours(t)))));
        add(
            Kind::InternetGateway,
            igws.map(|o| step_ids(o.internet_gateways().iter().map(|v| v.tags()).filter(|t| ours(t)))),
        );
        add(
            Kind::ElasticIp,
            eips.map(|o| step_ids(o.addresses().iter().map(|v| v.tags()).filter(|t| ours(t)))),
        );
        add(
            Kind::NatGateway,
            nats.map(|pages| {
                step_ids(pages.iter().flat_map(|p| p.nat_gateways()).map(|n| n.tags()).filter(|t| ours(t)))
            }),
        );
        (out, in_use)
    }

    /// The cluster's subnets, route tables, network ACLs, security groups, egress-only
    /// gateways and VPC endpoints, by step id: one
    /// call per kind. These live in a VPC: a kind whose steps are all in the VPC the plan makes,
    /// when the look at the VPCs (`vpc_ids`, the step ids of the cluster's) did not find it, has
    /// nothing to find and is not asked for ([`in_new_vpc`]).
    async fn stock_in_vpc(
        &self,
        plan: &Plan,
        vpc_ids: Option<&HashSet<String>>,
        has: &impl Fn(Kind) -> bool,
    ) -> Vec<Stock> {
        let f = || Some(vec![cluster_filter(&plan.cluster)]);
        let ask = |kind: Kind| has(kind) && !vpc_ids.is_some_and(|found| in_new_vpc(plan, kind, found));
        let (subnets, rts, acls, sgs, eigws, endpoints) = tokio::join!(
            asked(ask(Kind::Subnet), async {
                let out = self.ec2.describe_subnets().set_filters(f()).send().await;
                out.api("DescribeSubnets").map(|o| step_ids(o.subnets().iter().map(|v| v.tags())))
            }),
            asked(ask(Kind::RouteTable), async {
                let out = self.ec2.describe_route_tables().set_filters(f()).send().await;
                out.api("DescribeRouteTables").map(|o| step_ids(o.route_tables().iter().map(|v| v.tags())))
            }),
            asked(ask(Kind::NetworkAcl), async {
                let out = self.ec2.describe_network_acls().set_filters(f()).send().await;
                out.api("DescribeNetworkAcls").map(|o| step_ids(o.network_acls().iter().map(|v| v.tags())))
            }),
            asked(ask(Kind::SecurityGroup), async {
                let out = self.ec2.describe_security_groups().set_filters(f()).send().await;
                out.api("DescribeSecurityGroups")
                    .map(|o| step_ids(o.security_groups().iter().map(|v| v.tags())))
            }),
            asked(ask(Kind::EgressOnlyInternetGateway), async {
                let out = self.ec2.describe_egress_only_internet_gateways().set_filters(f()).send().await;
                out.api("DescribeEgressOnlyInternetGateways")
                    .map(|o| step_ids(o.egress_only_internet_gateways().iter().map(|v| v.tags())))
            }),
            asked(ask(Kind::VpcEndpoint), async {
                let out = self.ec2.describe_vpc_endpoints().set_filters(f()).send().await;
                out.api("DescribeVpcEndpoints").map(|o| {
                    let live = o.vpc_endpoints().iter().filter(|e| super::vpc_endpoint::live(e.state()));
                    step_ids(live.map(|v| v.tags()))
                })
            }),
        );
        let mut out = Vec::new();
        for (kind, found) in [
            (Kind::Subnet, subnets),
            (Kind::RouteTable, rts),
            (Kind::NetworkAcl, acls),
            (Kind::SecurityGroup, sgs),
            (Kind::EgressOnlyInternetGateway, eigws),
            (Kind::VpcEndpoint, endpoints),
        ] {
            match found {
                Some(found) => out.push((kind, found, 1)),
                // In a VPC not made yet: nothing there.
                None if has(kind) => out.push((kind, Ok(HashSet::new()), 0)),
                None => {}
            }
        }
        out
    }

    /// Every IAM role and instance profile name in the account (IAM cannot filter by tag; a
    /// page holds 1,000).
    async fn stock_iam(&self, has: &impl Fn(Kind) -> bool) -> Vec<Stock> {
        let mut out = Vec::new();
        if has(Kind::IamRole) {
            let pages = self.iam.list_roles().max_items(1000).into_paginator().send().collect();
            let (calls, names) = names_in("ListRoles", pages, |p| {
                p.roles().iter().map(|r| r.role_name().to_string()).collect()
            })
            .await;
            out.push((Kind::IamRole, names, calls));
        }
        if has(Kind::InstanceProfile) {
            let pages = self.iam.list_instance_profiles().max_items(1000).into_paginator().send().collect();
            let (calls, names) = names_in("ListInstanceProfiles", pages, |p| {
                p.instance_profiles().iter().map(|p| p.instance_profile_name().to_string()).collect()
            })
            .await;
            out.push((Kind::InstanceProfile, names, calls));
        }
        out
    }

    /// Launch templates, Auto Scaling groups and ECR repositories of the plan's names.
    async fn stock_named(&self, plan: &Plan) -> Vec<Stock> {
        let templates = plan_names(plan, |r| match r {
            Resource::LaunchTemplate(spec) => Some(spec.name.as_str()),
            _ => None,
        });
        let groups = plan_names(plan, |r| match r {
            Resource::AutoScalingGroup(spec) => Some(spec.group_name.as_str()),
            _ => None,
        });
        let repositories = plan_names(plan, |r| match r {
            Resource::EcrRepository(spec) => Some(spec.repository_name.as_str()),
            _ => None,
        });
        let mut out = Vec::new();
        // An EC2 filter takes at most 200 values.
        for chunk in templates.chunks(200) {
            let found = self
                .ec2
                .describe_launch_templates()
                .filters(filter("launch-template-name", chunk.iter().cloned()))
                .send()
                .await
                .api("DescribeLaunchTemplates")
                .map(|o| {
                    o.launch_templates()
                        .iter()
                        .filter_map(|t| t.launch_template_name())
                        .map(str::to_string)
                        .collect()
                });
            out.push((Kind::LaunchTemplate, found, 1));
        }
        // DescribeAutoScalingGroups takes at most 50 names.
        for chunk in groups.chunks(50) {
            let found = self
                .asg
                .describe_auto_scaling_groups()
                .set_auto_scaling_group_names(Some(chunk.to_vec()))
                .send()
                .await
                .api("DescribeAutoScalingGroups")
                .map(|o| {
                    o.auto_scaling_groups()
                        .iter()
                        .filter_map(|g| g.auto_scaling_group_name())
                        .map(str::to_string)
                        .collect()
                });
            out.push((Kind::AutoScalingGroup, found, 1));
        }
        if !repositories.is_empty() {
            let pages = self.ecr.describe_repositories().into_paginator().send().collect();
            let (calls, names) = names_in("DescribeRepositories", pages, |p| {
                p.repositories().iter().filter_map(|r| r.repository_name()).map(str::to_string).collect()
            })
            .await;
            out.push((Kind::EcrRepository, names, calls));
        }
        merge_chunks(out)
    }

    /// The EKS cluster and, when it exists, its node groups, add-ons, Fargate profiles and access
    /// entries. When it does not, nothing inside it exists either, its OIDC provider included.
    async fn stock_eks(&self, cluster: &str, has: &impl Fn(Kind) -> bool) -> Vec<Stock> {
        let inside = [
            Kind::ManagedNodegroup,
            Kind::Addon,
            Kind::FargateProfile,
            Kind::AccessEntry,
            Kind::PodIdentityAssociation,
            Kind::IdentityProvider,
            Kind::Capability,
            Kind::OidcProvider,
        ];
        let exists = match self.describe_eks_cluster(cluster).await {
            Ok(c) => c.is_some(),
            Err(e) => return vec![(Kind::ControlPlane, Err(e), 1)],
        };
        let mut out = vec![(
            Kind::ControlPlane,
            Ok(if exists { HashSet::from([cluster.to_string()]) } else { HashSet::new() }),
            1,
        )];
        if !exists {
            out.extend(inside.into_iter().filter(|k| has(*k)).map(|k| (k, Ok(HashSet::new()), 0)));
            return out;
        }
        let eks = &self.eks;
        let (groups, addons, profiles, entries, optional) = tokio::join!(
            names_in(
                "ListNodegroups",
                eks.list_nodegroups().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.nodegroups().to_vec(),
            ),
            names_in(
                "ListAddons",
                eks.list_addons().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.addons().to_vec(),
            ),
            names_in(
                "ListFargateProfiles",
                eks.list_fargate_profiles().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.fargate_profile_names().to_vec(),
            ),
            names_in(
                "ListAccessEntries",
                eks.list_access_entries().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.access_entries().to_vec(),
            ),
            self.stock_eks_optional(cluster, has),
        );
        out.extend(optional);
        for (kind, (calls, found)) in [
            (Kind::ManagedNodegroup, groups),
            (Kind::Addon, addons),
            (Kind::FargateProfile, profiles),
            (Kind::AccessEntry, entries),
        ] {
            if has(kind) {
                out.push((kind, found, calls));
            }
        }
        out
    }

    /// The parts of an existing cluster that a plan has only sometimes (pod identity
    /// associations, identity providers, capabilities): listed when the plan has them.
    async fn stock_eks_optional(&self, cluster: &str, has: &impl Fn(Kind) -> bool) -> Vec<Stock> {
        let eks = &self.eks;
        let associations = asked(
            has(Kind::PodIdentityAssociation),
            names_in(
                "ListPodIdentityAssociations",
                eks.list_pod_identity_associations().cluster_name(cluster).into_paginator().send().collect(),
                |p| {
                    p.associations()
                        .iter()
                        .map(|a| {
                            format!(
                                "{}/{}",
                                a.namespace().unwrap_or_default(),
                                a.service_account().unwrap_or_default()
                            )
                        })
                        .collect()
                },
            ),
        );
        let providers = asked(
            has(Kind::IdentityProvider),
            names_in(
                "ListIdentityProviderConfigs",
                eks.list_identity_provider_configs().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.identity_provider_configs().iter().map(|c| c.name().to_string()).collect(),
            ),
        );
        let capabilities = asked(
            has(Kind::Capability),
            names_in(
                "ListCapabilities",
                eks.list_capabilities().cluster_name(cluster).into_paginator().send().collect(),
                |p| p.capabilities().iter().filter_map(|c| c.capability_name()).map(str::to_string).collect(),
            ),
        );
        let (associations, providers, capabilities) = tokio::join!(associations, providers, capabilities);
        [
            (Kind::PodIdentityAssociation, associations),
            (Kind::IdentityProvider, providers),
            (Kind::Capability, capabilities),
        ]
        .into_iter()
        .filter_map(|(kind, stock)| stock.map(|(calls, found)| (kind, found, calls)))
        .collect()
    }
}

impl AwsCloud {
    /// The add-ons EKS offers for Kubernetes `k8s` (every version EKS lists if `k8s` is empty):
    /// asked once per run, for all add-ons at once, when a create has looked before its run;
    /// otherwise only `addon` is asked about. Concurrent callers wait for the one call.
    pub(crate) async fn addon_catalogue(
        &self,
        addon: &str,
        k8s: &str,
    ) -> Result<Arc<[AddonInfo]>, CloudError> {
        let Some(known) = self.known.get() else {
            return self.describe_addon_catalogue(Some(addon), k8s).await;
        };
        let mut cache = known.addon_versions.lock().await;
        if let Some(all) = cache.get(k8s) {
            return Ok(all.clone());
        }
        let all = self.describe_addon_catalogue(None, k8s).await?;
        cache.insert(k8s.to_string(), all.clone());
        Ok(all)
    }

    /// `DescribeAddonVersions` of `addon`, or of every add-on, for `k8s`: all pages.
    async fn describe_addon_catalogue(
        &self,
        addon: Option<&str>,
        k8s: &str,
    ) -> Result<Arc<[AddonInfo]>, CloudError> {
        let pages: Result<Vec<_>, _> = self
            .eks
            .describe_addon_versions()
            .set_addon_name(addon.map(str::to_string))
            .set_kubernetes_version((!k8s.is_empty()).then(|| k8s.to_string()))
            .max_results(100)
            .into_paginator()
            .send()
            .collect()
            .await;
        let pages = pages.api("DescribeAddonVersions")?;
        Ok(pages.iter().flat_map(|p| p.addons()).cloned().collect())
    }
}

/// Every page of a listing: the calls it took, and the names `each` reads off each page (or why
/// they could not be had).
async fn names_in<O, E>(
    operation: &'static str,
    pages: impl std::future::Future<
        Output = Result<
            Vec<O>,
            aws_smithy_runtime_api::client::result::SdkError<E, aws_sdk_ec2::config::http::HttpResponse>,
        >,
    >,
    each: impl Fn(&O) -> Vec<String>,
) -> (usize, Result<HashSet<String>, CloudError>)
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let pages = pages.await;
    let calls = pages.as_ref().map_or(1, Vec::len);
    let names = pages.api(operation).map(|pages| pages.iter().flat_map(&each).collect());
    (calls, names)
}

/// One kind's answer: what was found (or why not) and the calls it took.
type Stock = (Kind, Result<HashSet<String>, CloudError>, usize);

/// Kinds looked up in chunks: the union of the chunks, or the first error.
fn merge_chunks(stocks: Vec<Stock>) -> Vec<Stock> {
    let mut merged: Vec<Stock> = Vec::new();
    for (kind, found, calls) in stocks {
        match merged.iter_mut().find(|(k, ..)| *k == kind) {
            Some((_, acc, n)) => {
                *n += calls;
                match (acc.as_mut(), found) {
                    (Ok(keys), Ok(more)) => keys.extend(more),
                    (Ok(_), Err(e)) => *acc = Err(e),
                    (Err(_), _) => {}
                }
            }
            None => merged.push((kind, found, calls)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_not_looked_at_is_never_absent() {
        let mut known = Known::default();
        assert!(!known.absent(Kind::Vpc, "vpc"));
        known.record(Kind::Vpc, Ok(HashSet::from(["vpc".to_string()])));
        known.record(
            Kind::Subnet,
            Err(CloudError::MissingField { operation: "DescribeSubnets", field: "Subnets" }),
        );
        known.record(Kind::IamRole, Ok(HashSet::new()));
        assert!(!known.absent(Kind::Vpc, "vpc"), "found");
        assert!(known.absent(Kind::Vpc, "other"), "looked at, not found");
        assert!(!known.absent(Kind::Subnet, "subnet-a"), "the look failed");
        assert!(known.absent(Kind::IamRole, "eksup-ng-1"));
    }

    fn plan_of(body: &str) -> Plan {
        let yaml = format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n{body}"
        );
        let zones = vec!["us-west-2a".to_string(), "us-west-2b".into(), "us-west-2c".into()];
        let parsed = crate::config::parse(&yaml, "c.yaml").unwrap();
        let loaded = crate::config::finish(parsed, &zones, None).unwrap();
        crate::plan::build(&loaded, &crate::plan::PlanOptions::default())
    }

    #[test]
    fn nothing_is_inside_a_vpc_the_plan_makes_before_it_exists() {
        let plan = plan_of("managedNodeGroups:\n  - name: ng\n");
        let vpc = plan.steps.iter().find(|s| s.resource.kind() == Kind::Vpc).unwrap().id.clone();
        let inside = [Kind::Subnet, Kind::RouteTable, Kind::NetworkAcl, Kind::SecurityGroup];
        for kind in [Kind::Subnet, Kind::RouteTable, Kind::SecurityGroup] {
            assert!(plan.steps.iter().any(|s| s.resource.kind() == kind), "{kind:?}");
        }
        for kind in inside {
            assert!(in_new_vpc(&plan, kind, &HashSet::new()), "{kind:?} in a VPC not found");
            assert!(!in_new_vpc(&plan, kind, &HashSet::from([vpc.clone()])), "{kind:?} in a VPC found");
        }
        // An existing VPC: its subnets and groups are looked for.
        let plan = plan_of(
            "vpc:\n  id: vpc-0abc\n  subnets:\n    private:\n      us-west-2a: { id: subnet-a }\n      us-west-2b: { id: subnet-b }\nmanagedNodeGroups:\n  - name: ng\n",
        );
        assert!(plan.steps.iter().all(|s| s.resource.kind() != Kind::Vpc));
        for kind in inside {
            assert!(!in_new_vpc(&plan, kind, &HashSet::new()), "{kind:?} with an existing VPC");
        }
    }

    #[test]
    fn chunks_merge_and_an_error_in_any_chunk_spoils_the_kind() {
        let set = |s: &[&str]| s.iter().map(ToString::to_string).collect::<HashSet<_>>();
        let err = || CloudError::MissingField { operation: "DescribeLaunchTemplates", field: "x" };
        let merged = merge_chunks(vec![
            (Kind::LaunchTemplate, Ok(set(&["a"])), 1),
            (Kind::AutoScalingGroup, Ok(set(&["g"])), 1),
            (Kind::LaunchTemplate, Ok(set(&["b"])), 1),
            (Kind::AutoScalingGroup, Err(err()), 1),
        ]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].1.as_ref().ok(), Some(&set(&["a", "b"])));
        assert_eq!(merged[0].2, 2);
        assert!(merged[1].1.is_err());
    }
}
