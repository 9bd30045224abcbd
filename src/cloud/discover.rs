//! Delete everything eksup created for a cluster, without local state: find what exists, build
//! the delete graph ([`crate::plan::teardown`]) and walk it with the executor, as a create.
//!
//! Resources are found by the ownership tag `eksup.io/cluster=<cluster>`, by the cluster's own
//! description (its node groups, Fargate profiles, roles, OIDC issuer) and by names that contain
//! the cluster name (IAM, which cannot filter by tag). Anything without the ownership tag is left
//! alone: a VPC given in the config, a role passed by ARN. Each kind's delete lives beside its
//! create (`delete_*` beside `ensure_*` in the service files).

use serde::Serialize;

use super::autoscaling::asg_tag_pairs;
use super::ec2::{cluster_filter, filter, has_tag, tag_pairs};
use super::error::{ApiResult as _, CloudError, ErrorKind, OrNotFound as _};
use super::iam::{iam_tag_pairs, role_name_of};
use super::{AwsCloud, owned_by};
use crate::executor::{self, Action, Cancel, Event, Outcome, Reporter, RunOptions, Subject};
use crate::plan::teardown::{self, Detail, Doomed};
use crate::plan::{Kind, tags as tag_keys};

#[derive(Debug, Clone, Default)]
pub struct DeleteOptions {
    /// Also force-delete the ECR repositories eksup created (kept by default: they hold images).
    pub delete_repositories: bool,
    /// Return once the control plane's deletion started; what must wait for it to be gone (the
    /// network, IAM roles) is left for a later run (reported in [`DeleteReport::pending`]).
    pub no_wait: bool,
    pub cancel: Cancel,
}

/// One resource: its kind (`vpc`, `iam-role`) and id or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub kind: &'static str,
    pub id: String,
}

impl From<&Doomed> for Removed {
    fn from(d: &Doomed) -> Self {
        Self { kind: d.label(), id: d.name.clone() }
    }
}

/// What a delete did.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteReport {
    /// Deleted, in order.
    pub removed: Vec<Removed>,
    /// Deletion started but not waited for (`no_wait`), or left for a later run.
    pub pending: Vec<Removed>,
    /// Found but kept on purpose (ECR repositories without `delete_repositories`).
    pub kept: Vec<Removed>,
    pub warnings: Vec<String>,
    /// What could not be deleted, with the error; what depends on it was not attempted.
    #[serde(serialize_with = "serialize_failed")]
    pub failed: Vec<(Removed, anyhow::Error)>,
    /// The control plane existed when the delete started.
    pub cluster_found: bool,
}

fn serialize_failed<S: serde::Serializer>(
    failed: &[(Removed, anyhow::Error)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(failed.len()))?;
    for (r, e) in failed {
        seq.serialize_element(&serde_json::json!({"kind": r.kind, "id": r.id, "error": format!("{e:#}")}))?;
    }
    seq.end()
}

impl DeleteReport {
    /// Nothing failed and nothing is left pending.
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty() && self.pending.is_empty()
    }
}

/// What a delete would do.
#[derive(Debug)]
pub struct DeletePlan {
    /// What exists, each after what must go before it.
    pub plan: crate::plan::Plan<Doomed>,
    /// What must wait for the control plane to be gone, left for a later run (`no_wait`).
    pub pending: Vec<Doomed>,
    /// What was kept, the warnings, and what could not be looked at.
    pub report: DeleteReport,
}

/// Looking for what exists failed: nothing is deleted.
struct Failed(Removed, anyhow::Error);

type Found<T = ()> = Result<T, Failed>;

/// An AWS call that looks for resources of `kind` failed.
fn failed(kind: &'static str, id: &str, e: impl Into<anyhow::Error>) -> Failed {
    let what = if id == "*" { format!("`{kind}` resources") } else { format!("{kind} `{id}`") };
    Failed(Removed { kind, id: id.to_string() }, e.into().context(format!("failed to look for {what}")))
}

/// Which resources a delete takes.
enum Scope {
    /// Everything eksup made for the cluster.
    All,
    /// Those whose `eksup.io/resource` tag is one of these step ids (one node group's, or what a
    /// failed run created). When the control plane is among them, everything inside it goes.
    Steps(Vec<String>),
    /// Those of these kinds only, by their step ids (what one node group used).
    KindsOf(&'static [Kind], Vec<String>),
}

/// What the control plane says about the rest.
struct Facts {
    /// The control plane exists (and is eksup's, or kept by a rollback).
    exists: bool,
    /// The VPC it is in and those eksup made for it.
    vpcs: Vec<String>,
    /// The security group EKS made for it.
    cluster_sg: Option<String>,
    /// Its OIDC issuer.
    issuer: Option<String>,
    /// It exists and has hybrid nodes' networks: what they use of IAM Roles Anywhere is looked for.
    hybrid: bool,
}

/// Finds what a delete takes.
struct Finder<'a> {
    cloud: &'a AwsCloud,
    cluster: &'a str,
    scope: Scope,
    delete_repositories: bool,
    /// The control plane is within the scope: everything inside it (node groups, add-ons,
    /// Fargate profiles, load balancers Kubernetes made) goes with it whatever their tags.
    plane: bool,
    found: Vec<Doomed>,
    /// Roles the cluster, its node groups and Fargate profiles use.
    roles: Vec<String>,
    report: DeleteReport,
}

impl AwsCloud {
    /// Delete everything eksup created for `cluster` in this region, reporting each resource to
    /// `reporter` (`StepStarted` / `StepWaiting` / `StepFinished { action: Deleted }` /
    /// `StepFailed`). Running it again, or on a half-created cluster, succeeds and reports what it
    /// removed (possibly nothing).
    ///
    /// # Errors
    /// Never: failures, including a cluster eksup did not create, are in
    /// [`DeleteReport::failed`].
    pub async fn delete_cluster(
        &self,
        cluster: &str,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> anyhow::Result<DeleteReport> {
        Ok(self.teardown(cluster, Scope::All, options, reporter).await)
    }

    /// Roll back a failed create: delete only what that run made, `created` being the ids of the
    /// plan steps it made, found by their `eksup.io/resource` tags. When the run made the control
    /// plane, everything inside it goes too; resources an earlier run made, or the user's own,
    /// stay.
    pub async fn rollback(
        &self,
        cluster: &str,
        created: Vec<String>,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeleteReport {
        self.teardown(cluster, Scope::Steps(created), options, reporter).await
    }

    /// Delete what only node group `nodegroup` used, once the group itself is gone: its launch
    /// template, security groups (rules that reference them revoked first; an EFA group's too),
    /// placement group (an EFA group's), access entry, instance profile and IAM role, found by
    /// their `eksup.io/resource` tags.
    pub async fn delete_nodegroup_resources(
        &self,
        cluster: &str,
        nodegroup: &str,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeleteReport {
        let s = crate::plan::slug(nodegroup);
        let steps = [
            "launch-template",
            "security-group",
            "security-group-remote-access",
            "security-group-efa",
            "placement-group",
            "iam-role",
            "instance-profile",
            "access-entry-nodes",
        ]
        .iter()
        .map(|kind| format!("{kind}-{s}"))
        .collect();
        let kinds = &[
            Kind::AccessEntry,
            Kind::LaunchTemplate,
            Kind::SecurityGroup,
            Kind::PlacementGroup,
            Kind::IamRole,
            Kind::InstanceProfile,
        ];
        self.teardown(cluster, Scope::KindsOf(kinds, steps), options, reporter).await
    }

    /// What `delete_cluster` would delete, in its order, deleting nothing: the plan, what it
    /// would leave for a later run (`no_wait`), and what it would keep.
    pub async fn plan_delete(
        &self,
        cluster: &str,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeletePlan {
        self.find_plan(cluster, Scope::All, options, reporter).await
    }

    async fn teardown(
        &self,
        cluster: &str,
        scope: Scope,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeleteReport {
        let DeletePlan { plan, mut report, .. } = self.find_plan(cluster, scope, options, reporter).await;
        if !report.failed.is_empty() {
            return report;
        }
        // Waits (node groups, NAT gateways) hold a slot for minutes: every independent delete
        // starts at once, as the old engine started every node group's; the request budget keeps
        // the calls within AWS's rate limits.
        let run = RunOptions {
            parallelism: 256,
            cancel: options.cancel.clone(),
            keep_going: true,
            ..RunOptions::default()
        };
        match executor::run(&plan, self, reporter, run).await {
            Ok(outcome) => record(&mut report, &plan, outcome),
            Err(e) => report.failed.push((Removed { kind: "cluster", id: cluster.to_string() }, e.into())),
        }
        report
    }

    async fn find_plan(
        &self,
        cluster: &str,
        scope: Scope,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeletePlan {
        let mut finder = Finder {
            cloud: self,
            cluster,
            plane: matches!(scope, Scope::All),
            scope,
            delete_repositories: options.delete_repositories,
            found: Vec::new(),
            roles: Vec::new(),
            report: DeleteReport::default(),
        };
        if let Err(Failed(what, error)) = finder.find(!options.no_wait).await {
            let id = format!("{}/{}", what.kind, what.id);
            let subject = Subject { id: &id, description: &id };
            reporter.event(&Event::StepStarted { step: subject });
            reporter.event(&Event::StepFailed { step: subject, error: &error, elapsed: Default::default() });
            finder.report.failed.push((what, error));
            return DeletePlan {
                plan: teardown::plan(cluster, &self.region, Vec::new(), true).0,
                pending: Vec::new(),
                report: finder.report,
            };
        }
        for w in &finder.report.warnings {
            let id = format!("cluster/{cluster}");
            reporter.event(&Event::StepWarning { step: Subject { id: &id, description: &id }, message: w });
        }
        let mut report = finder.report;
        let (plan, pending) = teardown::plan(cluster, &self.region, finder.found, !options.no_wait);
        report.pending = pending.iter().map(Removed::from).collect();
        DeletePlan { plan, pending, report }
    }
}

/// What the walk of the delete plan did, into the report.
fn record(report: &mut DeleteReport, plan: &crate::plan::Plan<Doomed>, outcome: Outcome) {
    let doomed = |id: &str| plan.step(id).map(|s| Removed::from(&s.resource));
    report.removed.extend(
        outcome.finished.iter().filter(|(_, a)| *a == Action::Deleted).filter_map(|(id, _)| doomed(id)),
    );
    report.failed.extend(outcome.failed.into_iter().filter_map(|(id, e)| Some((doomed(&id)?, e))));
    // Not started (Ctrl-C, or after a failure): left for the next run, so the delete is not
    // complete.
    report.pending.extend(outcome.skipped.iter().filter_map(|(id, _)| doomed(id)));
}

impl Finder<'_> {
    /// Whether a resource with these tags is within the scope of this delete.
    fn in_scope<'t>(&self, mut tags: impl Iterator<Item = (&'t str, &'t str)>) -> bool {
        match &self.scope {
            Scope::All => true,
            Scope::Steps(ids) | Scope::KindsOf(_, ids) => {
                tags.any(|(k, v)| k == tag_keys::RESOURCE && ids.iter().any(|i| i == v))
            }
        }
    }

    /// Whether a resource inside the control plane (a node group, add-on, Fargate profile) with
    /// these tags is within the scope: all of them when the control plane is.
    fn inside_scope<'t, K, V>(&self, tags: Option<&'t std::collections::HashMap<K, V>>) -> bool
    where
        K: AsRef<str> + 't,
        V: AsRef<str> + 't,
    {
        self.plane || tags.is_some_and(|t| self.in_scope(t.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))))
    }

    fn doom(&mut self, d: Doomed) {
        self.found.push(d);
    }

    async fn find(&mut self, wait: bool) -> Found {
        use strum::IntoEnumIterator as _;
        let facts = self.cluster_facts().await?;
        // IAM last: the roles the cluster, its node groups and Fargate profiles name are
        // gathered on the way; a role before the instance profiles that hold it.
        let mut kinds: Vec<Kind> = Kind::iter().collect();
        // IAM Roles Anywhere after the roles: with the cluster gone, the hybrid nodes' role
        // found tells whether there is any (it is deleted after them).
        kinds.sort_by_key(|k| match k {
            Kind::IamRole => 1,
            Kind::InstanceProfile => 2,
            Kind::TrustAnchor | Kind::AnywhereProfile => 3,
            _ => 0,
        });
        if let Scope::KindsOf(only, _) = &self.scope {
            kinds.retain(|k| only.contains(k));
        }
        for kind in kinds {
            self.find_kind(kind, &facts, wait).await?;
        }
        Ok(())
    }

    /// Look for the resources of one kind.
    async fn find_kind(&mut self, kind: Kind, facts: &Facts, wait: bool) -> Found {
        let inside = facts.exists;
        match kind {
            Kind::KubernetesLoadBalancer if self.plane => self.load_balancers(&facts.vpcs).await,
            Kind::FargateProfile if inside => self.fargate_profiles().await,
            Kind::ManagedNodegroup if inside => self.managed_nodegroups().await,
            Kind::AccessEntry if inside => self.access_entries().await,
            Kind::PodIdentityAssociation if inside => self.pod_identities().await,
            Kind::Capability if inside => self.capabilities().await,
            Kind::Addon if inside => self.addons().await,
            Kind::ControlPlane if inside && self.plane => {
                let vpcs = facts.vpcs.clone();
                self.doom(
                    Doomed::new(Kind::ControlPlane, self.cluster).with(Detail::ControlPlane { vpcs, wait }),
                );
                Ok(())
            }
            Kind::NetworkInterface if self.plane && !facts.vpcs.is_empty() => {
                let vpcs = facts.vpcs.clone();
                self.doom(Doomed::new(Kind::NetworkInterface, "cni").with(Detail::Leftovers { vpcs }));
                Ok(())
            }
            Kind::AutoScalingGroup => self.auto_scaling_groups().await,
            Kind::OidcProvider => self.oidc_providers(facts.issuer.as_deref()).await,
            Kind::LaunchTemplate => self.launch_templates().await,
            Kind::KeyPair => self.key_pairs().await,
            Kind::PlacementGroup => self.placement_groups().await,
            Kind::TrustAnchor | Kind::AnywhereProfile if self.may_have_roles_anywhere(facts) => {
                self.roles_anywhere(kind).await
            }
            Kind::NatGateway => self.nat_gateways().await,
            Kind::ElasticIp => self.elastic_ips().await,
            Kind::InternetGateway => self.internet_gateways().await,
            Kind::EgressOnlyInternetGateway => self.egress_only_gateways().await,
            Kind::VpcEndpoint => self.vpc_endpoints().await,
            Kind::GatewayAttachment => self.gateway_attachments().await,
            Kind::RouteTable => self.route_tables().await,
            Kind::NetworkAcl => self.network_acls().await,
            Kind::Subnet => self.subnets().await,
            Kind::Vpc => self.owned_vpcs().await,
            Kind::SecurityGroup => self.security_groups(&facts.vpcs, facts.cluster_sg.clone()).await,
            Kind::IamRole => self.roles().await,
            Kind::InstanceProfile => self.instance_profiles().await,
            Kind::EcrRepository => self.repositories().await,
            // Inside a control plane that is not there or not in scope.
            Kind::KubernetesLoadBalancer
            | Kind::FargateProfile
            | Kind::ManagedNodegroup
            | Kind::AccessEntry
            | Kind::PodIdentityAssociation
            | Kind::Capability
            | Kind::Addon
            | Kind::ControlPlane
            | Kind::NetworkInterface => Ok(()),
            // Found with the security groups they name.
            Kind::SecurityGroupRules => Ok(()),
            // The cluster has no hybrid nodes' networks.
            Kind::TrustAnchor | Kind::AnywhereProfile => Ok(()),
            // Not made by eksup, or a setting of the control plane: nothing to delete.
            Kind::ExistingVpc
            | Kind::NodesReady
            | Kind::AddonReady
            | Kind::EndpointAccess
            | Kind::Kubeconfig => Ok(()),
            // Inside the cluster: it goes with the control plane.
            // In the cluster: gone with it.
            Kind::ServiceAccount | Kind::KubernetesAccess | Kind::DevicePlugin | Kind::IdentityProvider => {
                Ok(())
            }
        }
    }

    /// The control plane: whether it exists and is eksup's, and what it names.
    async fn cluster_facts(&mut self) -> Found<Facts> {
        let c = self.cloud;
        let scoped = !matches!(self.scope, Scope::All);
        let mut eks_cluster =
            c.describe_eks_cluster(self.cluster).await.map_err(|e| failed("cluster", self.cluster, e))?;
        if let Some(ec) = &eks_cluster {
            let owned =
                ec.tags().is_some_and(|t| t.get(tag_keys::CLUSTER).is_some_and(|v| v == self.cluster));
            if !owned && scoped {
                // A rollback of a run that met someone else's cluster of that name: what the run
                // made around it goes, the cluster stays.
                self.report
                    .warnings
                    .push(format!("cluster `{}` was not created by eksup: kept", self.cluster));
                eks_cluster = None;
            } else if !owned {
                let error = anyhow::anyhow!(
                    "cluster `{}` was not created by eksup (no `{}` tag); nothing deleted",
                    self.cluster,
                    tag_keys::CLUSTER
                );
                return Err(Failed(Removed { kind: "cluster", id: self.cluster.to_string() }, error));
            }
        }
        // A full delete takes everything; a rollback the control plane only if its run made it.
        self.plane = !scoped || eks_cluster.as_ref().is_some_and(|ec| self.inside_scope(ec.tags()));
        let config = eks_cluster.as_ref().and_then(|c| c.resources_vpc_config());
        let vpcs = self.vpcs(config.and_then(|v| v.vpc_id())).await?;
        if let Some(ec) = &eks_cluster {
            self.report.cluster_found = true;
            if self.plane {
                self.roles.extend(ec.role_arn().map(str::to_string));
                // Auto Mode's node role: its name may not hold the cluster's (a long one is cut).
                self.roles.extend(ec.compute_config().and_then(|c| c.node_role_arn()).map(str::to_string));
            }
        }
        Ok(Facts {
            exists: eks_cluster.is_some(),
            vpcs,
            cluster_sg: config.and_then(|v| v.cluster_security_group_id()).map(str::to_string),
            issuer: eks_cluster.as_ref().and_then(|ec| ec.identity()?.oidc()?.issuer()).map(str::to_string),
            hybrid: eks_cluster.as_ref().is_some_and(|ec| ec.remote_network_config().is_some()),
        })
    }

    /// The cluster's VPCs: the one the control plane is in, and those eksup made for it.
    async fn vpcs(&self, cluster_vpc: Option<&str>) -> Found<Vec<String>> {
        let mut vpcs: Vec<String> = cluster_vpc.map(str::to_string).into_iter().collect();
        let out = self
            .cloud
            .ec2
            .describe_vpcs()
            .filters(cluster_filter(self.cluster))
            .send()
            .await
            .api("DescribeVpcs")
            .map_err(|e| failed("vpc", "*", e))?;
        for id in out.vpcs().iter().filter_map(|v| v.vpc_id()) {
            if !vpcs.iter().any(|v| v == id) {
                vpcs.push(id.to_string());
            }
        }
        Ok(vpcs)
    }

    /// The load balancers (and target groups) Kubernetes made for the cluster in `vpcs`: they go
    /// first, as eksctl does, since their interfaces and security groups hold the VPC.
    async fn load_balancers(&mut self, vpcs: &[String]) -> Found {
        for vpc in vpcs {
            match self.cloud.kubernetes_load_balancers(self.cluster, vpc).await {
                Ok(found) => {
                    for lb in found {
                        self.doom(
                            Doomed::new(Kind::KubernetesLoadBalancer, lb.name())
                                .with(Detail::LoadBalancer(lb)),
                        );
                    }
                }
                Err(e) if e.kind() == ErrorKind::Unsupported => self.report.warnings.push(format!(
                    "load balancers cannot be listed here ({e}); delete those Kubernetes made by hand"
                )),
                Err(e) => return Err(failed("load-balancer", "*", e)),
            }
        }
        Ok(())
    }

    async fn fargate_profiles(&mut self) -> Found {
        let c = self.cloud;
        let names = c
            .eks
            .list_fargate_profiles()
            .cluster_name(self.cluster)
            .send()
            .await
            .api("ListFargateProfiles")
            .map_err(|e| failed("fargate-profile", "*", e))?
            .fargate_profile_names()
            .to_vec();
        for name in names {
            let profile = c
                .describe_fargate(self.cluster, &name)
                .await
                .map_err(|e| failed("fargate-profile", &name, e))?;
            if !self.inside_scope(profile.as_ref().and_then(|p| p.tags())) {
                continue;
            }
            self.roles.extend(profile.as_ref().and_then(|p| p.pod_execution_role_arn()).map(str::to_string));
            self.doom(Doomed::new(Kind::FargateProfile, name));
        }
        Ok(())
    }

    async fn managed_nodegroups(&mut self) -> Found {
        let c = self.cloud;
        let names = c.managed_nodegroup_names(self.cluster).await.map_err(|e| failed("nodegroup", "*", e))?;
        for name in names {
            let group =
                c.describe_nodegroup(self.cluster, &name).await.map_err(|e| failed("nodegroup", &name, e))?;
            if !self.inside_scope(group.as_ref().and_then(|g| g.tags())) {
                continue;
            }
            self.roles.extend(group.as_ref().and_then(|g| g.node_role()).map(str::to_string));
            self.doom(Doomed::new(Kind::ManagedNodegroup, name));
        }
        Ok(())
    }

    async fn auto_scaling_groups(&mut self) -> Found {
        let groups =
            self.cloud.cluster_asgs(self.cluster).await.map_err(|e| failed("auto-scaling-group", "*", e))?;
        for g in groups {
            if !owned_by(asg_tag_pairs(&g), self.cluster) || !self.in_scope(asg_tag_pairs(&g)) {
                continue;
            }
            if let Some(name) = g.auto_scaling_group_name() {
                self.doom(Doomed::new(Kind::AutoScalingGroup, name));
            }
        }
        Ok(())
    }

    async fn access_entries(&mut self) -> Found {
        let c = self.cloud;
        let principals = match c
            .eks
            .list_access_entries()
            .cluster_name(self.cluster)
            .send()
            .await
            .api("ListAccessEntries")
        {
            Ok(o) => o.access_entries().to_vec(),
            Err(e) if e.kind() == ErrorKind::Unsupported => {
                self.report.warnings.push("access entries cannot be listed here (`ListAccessEntries` is not supported); the control plane's deletion removes them".into());
                return Ok(());
            }
            Err(e) => return Err(failed("access-entry", "*", e)),
        };
        for principal in principals {
            let entry = c
                .eks
                .describe_access_entry()
                .cluster_name(self.cluster)
                .principal_arn(&principal)
                .send()
                .await
                .api("DescribeAccessEntry")
                .or_not_found()
                .map_err(|e| failed("access-entry", &principal, e))?;
            let ours = entry.and_then(|o| o.access_entry()?.tags().cloned()).is_some_and(|t| {
                t.get(tag_keys::CLUSTER).is_some_and(|v| v == self.cluster)
                    && self.in_scope(t.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            });
            if ours {
                self.doom(Doomed::new(Kind::AccessEntry, principal));
            }
        }
        Ok(())
    }

    /// The pod identity associations eksup made for the cluster (by their tags).
    async fn pod_identities(&mut self) -> Found {
        let c = self.cloud;
        let associations = match c.pod_identity_associations(self.cluster, None, None).await {
            Ok(all) => all,
            Err(e) if e.kind() == ErrorKind::Unsupported => {
                self.report.warnings.push("pod identity associations cannot be listed here (`ListPodIdentityAssociations` is not supported); the control plane's deletion removes them".into());
                return Ok(());
            }
            Err(e) => return Err(failed("pod-identity-association", "*", e)),
        };
        for a in associations {
            // Its role, whatever its name (`roleName`): `roles` keeps those tagged for the cluster.
            self.roles.extend(a.role_arn().map(str::to_string));
            // An add-on's own association goes with the add-on (EKS deletes it).
            let ours = a.owner_arn().is_none()
                && a.tags().is_some_and(|t| {
                    t.get(tag_keys::CLUSTER).is_some_and(|v| v == self.cluster)
                        && self.in_scope(t.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                });
            if ours {
                let name = format!(
                    "{}/{}",
                    a.namespace().unwrap_or_default(),
                    a.service_account().unwrap_or_default()
                );
                let id = a.association_id().unwrap_or_default().to_string();
                self.doom(Doomed::new(Kind::PodIdentityAssociation, name).with(Detail::AssociationId { id }));
            }
        }
        Ok(())
    }

    /// The capabilities to delete: all of them when the control plane goes (EKS refuses to delete a
    /// cluster that has any, as with node groups), else those eksup made in scope (by their tags).
    /// The roles eksup made for them go after them.
    async fn capabilities(&mut self) -> Found {
        let c = self.cloud;
        let capabilities = match c.cluster_capabilities(self.cluster).await {
            Ok(all) => all,
            Err(e) if e.kind() == ErrorKind::Unsupported => {
                self.report.warnings.push("capabilities cannot be listed here (`ListCapabilities` is not supported); delete them before the cluster".into());
                return Ok(());
            }
            Err(e) => return Err(failed("capability", "*", e)),
        };
        for (name, capability) in capabilities {
            if self.inside_scope(capability.tags()) {
                self.doom(Doomed::new(Kind::Capability, name));
            }
        }
        Ok(())
    }

    async fn addons(&mut self) -> Found {
        let c = self.cloud;
        let names = match c.eks.list_addons().cluster_name(self.cluster).send().await.api("ListAddons") {
            Ok(o) => o.addons().to_vec(),
            Err(e) if e.kind() == ErrorKind::Unsupported => {
                self.report.warnings.push("add-ons cannot be listed here (`ListAddons` is not supported); the control plane's deletion removes them".into());
                return Ok(());
            }
            Err(e) => return Err(failed("addon", "*", e)),
        };
        for name in names {
            if !self.plane {
                let addon = c
                    .eks
                    .describe_addon()
                    .cluster_name(self.cluster)
                    .addon_name(&name)
                    .send()
                    .await
                    .api("DescribeAddon")
                    .or_not_found()
                    .map_err(|e| failed("addon", &name, e))?;
                if !self.inside_scope(addon.as_ref().and_then(|a| a.addon()).and_then(|a| a.tags())) {
                    continue;
                }
            }
            self.doom(Doomed::new(Kind::Addon, name));
        }
        Ok(())
    }

    async fn oidc_providers(&mut self, issuer: Option<&str>) -> Found {
        let c = self.cloud;
        let list = c
            .iam
            .list_open_id_connect_providers()
            .send()
            .await
            .api("ListOpenIDConnectProviders")
            .map_err(|e| failed("oidc-provider", "*", e))?;
        let arns: Vec<String> =
            list.open_id_connect_provider_list().iter().filter_map(|p| p.arn()).map(str::to_string).collect();
        for arn in arns {
            let tags = c
                .iam
                .list_open_id_connect_provider_tags()
                .open_id_connect_provider_arn(&arn)
                .send()
                .await
                .api("ListOpenIDConnectProviderTags")
                .or_not_found()
                .map_err(|e| failed("oidc-provider", &arn, e))?;
            let ours = tags.is_some_and(|t| {
                owned_by(iam_tag_pairs(t.tags()), self.cluster) && self.in_scope(iam_tag_pairs(t.tags()))
            });
            if ours {
                self.doom(Doomed::new(Kind::OidcProvider, arn));
            } else if matches!(self.scope, Scope::All)
                && issuer.is_some_and(|i| arn.ends_with(i.trim_start_matches("https://")))
            {
                self.report.warnings.push(format!(
                    "the OIDC provider `{arn}` of this cluster was not created by eksup; kept"
                ));
            }
        }
        Ok(())
    }

    async fn launch_templates(&mut self) -> Found {
        let call = self.cloud.ec2.describe_launch_templates().filters(cluster_filter(self.cluster));
        let out = call
            .send()
            .await
            .api("DescribeLaunchTemplates")
            .map_err(|e| failed("launch-template", "*", e))?;
        // People know a template by its name; its delete needs the id.
        self.doom_tagged(Kind::LaunchTemplate, out.launch_templates(), |lt| {
            let id = lt.launch_template_id()?;
            Some((
                lt.launch_template_name().unwrap_or(id),
                lt.tags(),
                Detail::TemplateId { id: id.to_string() },
            ))
        });
        Ok(())
    }

    /// Whether the cluster may have IAM Roles Anywhere resources: it has hybrid nodes' networks,
    /// or eksup's role for hybrid nodes is still there (the cluster is gone, or its networks were
    /// removed: the role is deleted after them), so that a delete of any other cluster asks IAM
    /// Roles Anywhere nothing.
    fn may_have_roles_anywhere(&self, facts: &Facts) -> bool {
        let role = crate::plan::hybrid_node_role_name(self.cluster);
        facts.hybrid || self.found.iter().any(|d| d.kind == Kind::IamRole && d.name == role)
    }

    /// IAM Roles Anywhere trust anchors or profiles of the cluster (hybrid nodes with `IRA`).
    async fn roles_anywhere(&mut self, kind: Kind) -> Found {
        let profiles = kind == Kind::AnywhereProfile;
        let found = self
            .cloud
            .owned_roles_anywhere(Some(self.cluster), profiles)
            .await
            .map_err(|e| failed(kind.as_str(), "*", e))?;
        for f in found {
            if self.in_scope(f.tags.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
                self.doom(Doomed::new(kind, f.id));
            }
        }
        Ok(())
    }

    async fn key_pairs(&mut self) -> Found {
        let call = self.cloud.ec2.describe_key_pairs().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeKeyPairs").map_err(|e| failed("key-pair", "*", e))?;
        self.doom_tagged(Kind::KeyPair, out.key_pairs(), |k| Some((k.key_name()?, k.tags(), Detail::None)));
        Ok(())
    }

    async fn placement_groups(&mut self) -> Found {
        let call = self.cloud.ec2.describe_placement_groups().filters(cluster_filter(self.cluster));
        let out = call
            .send()
            .await
            .api("DescribePlacementGroups")
            .map_err(|e| failed("placement-group", "*", e))?;
        self.doom_tagged(Kind::PlacementGroup, out.placement_groups(), |g| {
            Some((g.group_name()?, g.tags(), Detail::None))
        });
        Ok(())
    }

    async fn nat_gateways(&mut self) -> Found {
        use aws_sdk_ec2::types::NatGatewayState;
        // Tag filters are not reliable on NAT gateways everywhere: the tags are read here.
        let call = self.cloud.ec2.describe_nat_gateways();
        let out = call.send().await.api("DescribeNatGateways").map_err(|e| failed("nat-gateway", "*", e))?;
        let cluster = self.cluster;
        self.doom_tagged(Kind::NatGateway, out.nat_gateways(), |nat| {
            let gone = matches!(nat.state(), Some(NatGatewayState::Deleted | NatGatewayState::Failed));
            let ours = has_tag(nat.tags(), tag_keys::CLUSTER, cluster);
            (ours && !gone).then_some((nat.nat_gateway_id()?, nat.tags(), Detail::None))
        });
        Ok(())
    }

    /// Doom each of `items` that is in scope: `each` gives its id, its tags and what its delete
    /// needs.
    fn doom_tagged<'t, T>(
        &mut self,
        kind: Kind,
        items: &'t [T],
        each: impl Fn(&'t T) -> Option<(&'t str, &'t [aws_sdk_ec2::types::Tag], Detail)>,
    ) {
        for (id, tags, detail) in items.iter().filter_map(each) {
            if self.in_scope(tag_pairs(tags)) {
                self.doom(Doomed::new(kind, id).with(detail));
            }
        }
    }

    async fn elastic_ips(&mut self) -> Found {
        let call = self.cloud.ec2.describe_addresses().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeAddresses").map_err(|e| failed("elastic-ip", "*", e))?;
        self.doom_tagged(Kind::ElasticIp, out.addresses(), |a| {
            Some((a.allocation_id()?, a.tags(), Detail::None))
        });
        Ok(())
    }

    async fn internet_gateways(&mut self) -> Found {
        let call = self.cloud.ec2.describe_internet_gateways().filters(cluster_filter(self.cluster));
        let out = call
            .send()
            .await
            .api("DescribeInternetGateways")
            .map_err(|e| failed("internet-gateway", "*", e))?;
        self.doom_tagged(Kind::InternetGateway, out.internet_gateways(), |igw| {
            let vpcs = igw.attachments().iter().filter_map(|a| a.vpc_id()).map(str::to_string).collect();
            Some((igw.internet_gateway_id()?, igw.tags(), Detail::Attachments { vpcs }))
        });
        Ok(())
    }

    async fn egress_only_gateways(&mut self) -> Found {
        let call =
            self.cloud.ec2.describe_egress_only_internet_gateways().filters(cluster_filter(self.cluster));
        let out = call
            .send()
            .await
            .api("DescribeEgressOnlyInternetGateways")
            .map_err(|e| failed("egress-only-internet-gateway", "*", e))?;
        self.doom_tagged(Kind::EgressOnlyInternetGateway, out.egress_only_internet_gateways(), |gw| {
            Some((gw.egress_only_internet_gateway_id()?, gw.tags(), Detail::None))
        });
        Ok(())
    }

    /// The transit gateway attachments tagged for the cluster, and the VPN gateways attached to
    /// the VPCs eksup made for it (a VPN gateway's attachment carries no tags).
    async fn gateway_attachments(&mut self) -> Found {
        let live = filter("state", ["pendingAcceptance", "pending", "available", "modifying", "failed"]);
        let call = self
            .cloud
            .ec2
            .describe_transit_gateway_vpc_attachments()
            .filters(cluster_filter(self.cluster))
            .filters(live);
        let out = call
            .send()
            .await
            .api("DescribeTransitGatewayVpcAttachments")
            .map_err(|e| failed("gateway-attachment", "*", e))?;
        self.doom_tagged(Kind::GatewayAttachment, out.transit_gateway_vpc_attachments(), |a| {
            Some((a.transit_gateway_attachment_id()?, a.tags(), Detail::None))
        });
        let call = self.cloud.ec2.describe_vpcs().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeVpcs").map_err(|e| failed("vpc", "*", e))?;
        let owned: Vec<String> = out
            .vpcs()
            .iter()
            .filter(|v| self.in_scope(tag_pairs(v.tags())))
            .filter_map(|v| v.vpc_id().map(str::to_string))
            .collect();
        if owned.is_empty() {
            return Ok(());
        }
        let call = self.cloud.ec2.describe_vpn_gateways().filters(filter("attachment.vpc-id", owned.clone()));
        let out =
            call.send().await.api("DescribeVpnGateways").map_err(|e| failed("gateway-attachment", "*", e))?;
        for gw in out.vpn_gateways() {
            let vpcs: Vec<String> = gw
                .vpc_attachments()
                .iter()
                .filter(|a| {
                    matches!(
                        a.state(),
                        Some(
                            aws_sdk_ec2::types::AttachmentStatus::Attached
                                | aws_sdk_ec2::types::AttachmentStatus::Attaching
                        )
                    )
                })
                .filter_map(|a| a.vpc_id().map(str::to_string))
                .filter(|v| owned.contains(v))
                .collect();
            if let (Some(id), false) = (gw.vpn_gateway_id(), vpcs.is_empty()) {
                self.doom(Doomed::new(Kind::GatewayAttachment, id).with(Detail::Attachments { vpcs }));
            }
        }
        Ok(())
    }

    async fn vpc_endpoints(&mut self) -> Found {
        let call = self.cloud.ec2.describe_vpc_endpoints().filters(cluster_filter(self.cluster));
        let out =
            call.send().await.api("DescribeVpcEndpoints").map_err(|e| failed("vpc-endpoint", "*", e))?;
        let gone =
            |e: &aws_sdk_ec2::types::VpcEndpoint| super::vpc_endpoint::state_of(e.state()) == "deleted";
        self.doom_tagged(Kind::VpcEndpoint, out.vpc_endpoints(), |e| {
            (!gone(e)).then_some(())?;
            Some((e.vpc_endpoint_id()?, e.tags(), Detail::None))
        });
        Ok(())
    }

    async fn route_tables(&mut self) -> Found {
        let call = self.cloud.ec2.describe_route_tables().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeRouteTables").map_err(|e| failed("route-table", "*", e))?;
        self.doom_tagged(Kind::RouteTable, out.route_tables(), |rt| {
            let associations = rt.associations().iter().filter(|a| a.main() != Some(true));
            let ids =
                associations.filter_map(|a| a.route_table_association_id()).map(str::to_string).collect();
            Some((rt.route_table_id()?, rt.tags(), Detail::Associations { ids }))
        });
        Ok(())
    }

    async fn network_acls(&mut self) -> Found {
        let call = self.cloud.ec2.describe_network_acls().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeNetworkAcls").map_err(|e| failed("network-acl", "*", e))?;
        self.doom_tagged(Kind::NetworkAcl, out.network_acls(), |acl| {
            let ids = acl.associations().iter().filter_map(|a| a.network_acl_association_id());
            let ids = ids.map(str::to_string).collect();
            let vpc = acl.vpc_id().unwrap_or_default().to_string();
            Some((acl.network_acl_id()?, acl.tags(), Detail::AclAssociations { vpc, ids }))
        });
        Ok(())
    }

    async fn subnets(&mut self) -> Found {
        let call = self.cloud.ec2.describe_subnets().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeSubnets").map_err(|e| failed("subnet", "*", e))?;
        self.doom_tagged(Kind::Subnet, out.subnets(), |s| Some((s.subnet_id()?, s.tags(), Detail::None)));
        Ok(())
    }

    async fn owned_vpcs(&mut self) -> Found {
        let call = self.cloud.ec2.describe_vpcs().filters(cluster_filter(self.cluster));
        let out = call.send().await.api("DescribeVpcs").map_err(|e| failed("vpc", "*", e))?;
        self.doom_tagged(Kind::Vpc, out.vpcs(), |v| Some((v.vpc_id()?, v.tags(), Detail::None)));
        Ok(())
    }

    /// The security groups in scope: eksup's (all, or those of a node group or of a failed run),
    /// and, with the control plane, EKS's cluster group and those Kubernetes made for load
    /// balancers in `vpcs`. One step revokes their rules and the rules of the other groups (and,
    /// when the control plane stays, of the EKS cluster group) that name them, before any goes.
    async fn security_groups(&mut self, vpcs: &[String], cluster_sg: Option<String>) -> Found {
        let c = self.cloud;
        let all = c
            .ec2
            .describe_security_groups()
            .filters(cluster_filter(self.cluster))
            .send()
            .await
            .api("DescribeSecurityGroups")
            .map_err(|e| failed("security-group", "*", e))?
            .security_groups()
            .to_vec();
        let (mut mine, others): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|g| self.in_scope(tag_pairs(g.tags())));
        let mut others: Vec<String> =
            others.iter().filter_map(|g| g.group_id()).map(str::to_string).collect();
        if self.plane {
            for g in self
                .kubernetes_security_groups(vpcs, cluster_sg.as_deref())
                .await
                .map_err(|e| failed("security-group", "*", e))?
            {
                if !mine.iter().any(|x| x.group_id() == g.group_id()) {
                    mine.push(g);
                }
            }
        } else {
            others.extend(cluster_sg);
        }
        let doomed: Vec<String> = mine.iter().filter_map(|g| g.group_id()).map(str::to_string).collect();
        if doomed.is_empty() {
            return Ok(());
        }
        self.doom(Doomed::new(Kind::SecurityGroupRules, "rules").with(Detail::Rules { doomed, others }));
        for sg in &mine {
            if let Some(id) = sg.group_id() {
                let name = sg.group_name().unwrap_or(id).to_string();
                self.doom(Doomed::new(Kind::SecurityGroup, id).with(Detail::GroupName { name }));
            }
        }
        Ok(())
    }

    /// Security groups Kubernetes made for load balancers in `vpcs`, and EKS's cluster group.
    async fn kubernetes_security_groups(
        &self,
        vpcs: &[String],
        cluster_sg: Option<&str>,
    ) -> Result<Vec<aws_sdk_ec2::types::SecurityGroup>, CloudError> {
        use super::ec2::filter;
        let c = self.cloud;
        let mut out: Vec<aws_sdk_ec2::types::SecurityGroup> = Vec::new();
        if let Some(id) = cluster_sg {
            let found = c
                .ec2
                .describe_security_groups()
                .group_ids(id)
                .send()
                .await
                .api("DescribeSecurityGroups")
                .or_not_found()?;
            out.extend(found.iter().flat_map(|f| f.security_groups()).cloned());
        }
        if vpcs.is_empty() {
            return Ok(out);
        }
        let legacy = format!("tag:{}", super::kubernetes_cluster_tag(self.cluster));
        // Each maker's tag, and the names it gives its groups: a group of the user's that merely
        // carries `kubernetes.io/cluster/<name>` is not Kubernetes' to delete.
        let by = [
            (filter(&format!("tag:{}", super::elb::ELBV2_CLUSTER_TAG), [self.cluster]), "k8s-"),
            (filter(&legacy, ["owned"]), "k8s-elb-"),
            // EKS's own cluster security group, if EKS could not delete it with an earlier
            // delete of the cluster (an interface still used it).
            (filter("tag:aws:eks:cluster-name", [self.cluster]), "eks-cluster-sg-"),
        ];
        for (f, prefix) in by {
            let found = c
                .ec2
                .describe_security_groups()
                .filters(filter("vpc-id", vpcs.iter().map(String::as_str)))
                .filters(f)
                .send()
                .await
                .api("DescribeSecurityGroups")?;
            for sg in found
                .security_groups()
                .iter()
                .filter(|g| g.group_name().is_some_and(|n| n.starts_with(prefix)))
            {
                if !out.iter().any(|x| x.group_id() == sg.group_id()) {
                    out.push(sg.clone());
                }
            }
        }
        Ok(out)
    }

    /// IAM cannot filter by tag: the roles referenced by the cluster and the roles whose name
    /// contains the cluster name, tagged for this cluster.
    async fn roles(&mut self) -> Found {
        let c = self.cloud;
        let mut candidates: Vec<String> = self.roles.iter().map(|r| role_name_of(r).to_string()).collect();
        let mut marker = None;
        loop {
            let out = c
                .iam
                .list_roles()
                .set_marker(marker)
                .send()
                .await
                .api("ListRoles")
                .map_err(|e| failed("iam-role", "*", e))?;
            candidates.extend(
                out.roles().iter().map(|r| r.role_name().to_string()).filter(|n| n.contains(self.cluster)),
            );
            marker = out.marker().map(str::to_string);
            if !out.is_truncated() || marker.is_none() {
                break;
            }
        }
        candidates.sort();
        candidates.dedup();
        for name in candidates {
            let tags = c
                .iam
                .list_role_tags()
                .role_name(&name)
                .send()
                .await
                .api("ListRoleTags")
                .or_not_found()
                .map_err(|e| failed("iam-role", &name, e))?;
            if tags.is_some_and(|t| {
                owned_by(iam_tag_pairs(t.tags()), self.cluster) && self.in_scope(iam_tag_pairs(t.tags()))
            }) {
                self.doom(Doomed::new(Kind::IamRole, name));
            }
        }
        Ok(())
    }

    /// The instance profiles that hold eksup's roles or are named after the cluster, tagged for it.
    async fn instance_profiles(&mut self) -> Found {
        let c = self.cloud;
        let ours: Vec<String> =
            self.found.iter().filter(|d| d.kind == Kind::IamRole).map(|d| d.name.clone()).collect();
        let mut marker = None;
        let mut profiles = Vec::new();
        loop {
            let out = c
                .iam
                .list_instance_profiles()
                .set_marker(marker)
                .send()
                .await
                .api("ListInstanceProfiles")
                .map_err(|e| failed("instance-profile", "*", e))?;
            for p in out.instance_profiles() {
                let name = p.instance_profile_name();
                let holds_ours = p.roles().iter().any(|r| ours.iter().any(|o| o == r.role_name()));
                if holds_ours || name.contains(self.cluster) {
                    let names = p.roles().iter().map(|r| r.role_name().to_string()).collect();
                    profiles.push((name.to_string(), names));
                }
            }
            marker = out.marker().map(str::to_string);
            if !out.is_truncated() || marker.is_none() {
                break;
            }
        }
        for (name, names) in profiles {
            let tags =
                c.instance_profile_tags(&name).await.map_err(|e| failed("instance-profile", &name, e))?;
            if tags.is_some_and(|t| {
                owned_by(iam_tag_pairs(&t), self.cluster) && self.in_scope(iam_tag_pairs(&t))
            }) {
                self.doom(Doomed::new(Kind::InstanceProfile, name).with(Detail::Roles { names }));
            }
        }
        Ok(())
    }

    /// eksup's ECR repositories: deleted with `delete_repositories`, else kept (they hold images).
    /// Without `delete_repositories` they are only listed as kept, so a
    /// failure to look (no ECR permission) is a warning, not a reason to delete nothing.
    async fn repositories(&mut self) -> Found {
        match self.find_repositories().await {
            Err(Failed(_, e)) if !self.delete_repositories => {
                self.report
                    .warnings
                    .push(format!("ECR repositories were not looked at (they are kept anyway): {e:#}"));
                Ok(())
            }
            other => other,
        }
    }

    async fn find_repositories(&mut self) -> Found {
        let c = self.cloud;
        let mut token = None;
        loop {
            let out = c
                .ecr
                .describe_repositories()
                .set_next_token(token)
                .send()
                .await
                .api("DescribeRepositories")
                .map_err(|e| failed("ecr-repository", "*", e))?;
            for r in out.repositories() {
                let (Some(arn), Some(name)) = (r.repository_arn(), r.repository_name()) else { continue };
                let tags = match c
                    .ecr
                    .list_tags_for_resource()
                    .resource_arn(arn)
                    .send()
                    .await
                    .api("ListTagsForResource")
                {
                    Ok(t) => t.tags().to_vec(),
                    Err(e) if e.is_not_found() => continue,
                    Err(e) => return Err(failed("ecr-repository", name, e)),
                };
                let pairs = || tags.iter().map(|t| (t.key(), t.value()));
                if !owned_by(pairs(), self.cluster) || !self.in_scope(pairs()) {
                    continue;
                }
                if self.delete_repositories {
                    self.doom(Doomed::new(Kind::EcrRepository, name).with(Detail::Repository));
                } else {
                    self.report.kept.push(Removed { kind: "ecr-repository", id: name.to_string() });
                }
            }
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                return Ok(());
            }
        }
    }
}
