//! Delete everything eksup created for a cluster, without local state.
//!
//! Resources are found by the ownership tag `eksup.io/cluster=<cluster>`, by the cluster's own
//! description (its nodegroups, Fargate profiles, roles, OIDC issuer) and by names that contain the
//! cluster name (IAM, which cannot filter by tag). Anything without the ownership tag is left alone:
//! a VPC given in the config, a role passed by ARN.
//!
//! Order (reverse of creation, waiting where AWS needs it): Fargate profiles one at a time; managed
//! nodegroups and Auto Scaling groups (forced; instances terminate); access entries; add-ons; the
//! control plane (until gone); the OIDC provider; launch templates; NAT gateways, then their
//! Elastic IPs; internet gateways (detached first); route tables (disassociated first); security
//! groups (cross-references revoked first); network ACLs (subnets back to the VPC's default ACL
//! first); subnets; VPCs; instance profiles; IAM roles (policies
//! detached first); ECR repositories only with [`DeleteOptions::delete_repositories`].

use serde::Serialize;
use std::cell::{Cell, RefCell};
use tokio::time::Instant;

use super::autoscaling::asg_tag_pairs;
use super::ec2::{cluster_filter, has_tag, tag_pairs};
use super::error::{ApiResult as _, CloudError, ErrorKind, OrNotFound as _};
use super::iam::{iam_tag_pairs, role_name_of};
use super::{AwsCloud, Backoff, Poll, limits, owned_by, wait_for};
use crate::executor::{Action, Cancel, Event, Progress, Reporter, StepOutputs, Subject};
use crate::plan::tags as tag_keys;

#[derive(Debug, Clone, Default)]
pub struct DeleteOptions {
    /// Also force-delete the ECR repositories eksup created (kept by default: they hold images).
    pub delete_repositories: bool,
    /// Return once the control plane's deletion started; the network and IAM roles are then left
    /// for a later run (reported in [`DeleteReport::pending`]).
    pub no_wait: bool,
    pub cancel: Cancel,
}

/// One resource: its kind (`vpc`, `iam-role`) and id or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    pub kind: &'static str,
    pub id: String,
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
    /// What could not be deleted, with the error; later stages were not attempted.
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

/// A stage failed: stop before the stages that depend on it.
#[derive(Debug, Clone, Copy)]
struct Stop;

struct Deleter<'a> {
    cloud: &'a AwsCloud,
    cluster: &'a str,
    reporter: &'a dyn Reporter,
    options: &'a DeleteOptions,
    report: RefCell<DeleteReport>,
    /// Only resources whose `eksup.io/resource` tag is one of these (one node group's, or what a
    /// failed run created); all when `None`.
    scope: Option<Vec<String>>,
    /// The control plane is within the scope: everything inside it (node groups, add-ons,
    /// Fargate profiles, load balancers Kubernetes made) goes with it whatever their tags.
    plane: Cell<bool>,
    /// The EKS-made cluster security group, once known: rules on it that name a group in scope
    /// are revoked before that group is deleted.
    cluster_sg: RefCell<Option<String>>,
}

/// Reports one resource's deletion.
struct Tracked {
    id: String,
    description: String,
    kind: &'static str,
    name: String,
    started: Instant,
}

impl Tracked {
    fn progress<'a>(&'a self, d: &'a Deleter<'_>) -> Progress<'a> {
        Progress {
            subject: Subject { id: &self.id, description: &self.description },
            reporter: d.reporter,
            cancel: &d.options.cancel,
            started: self.started,
        }
    }
}

impl<'a> Deleter<'a> {
    fn start(&self, kind: &'static str, name: &str, description: String) -> Tracked {
        let t = Tracked {
            id: format!("{kind}/{name}"),
            description,
            kind,
            name: name.to_string(),
            started: Instant::now(),
        };
        self.reporter.event(&Event::StepStarted { step: Subject { id: &t.id, description: &t.description } });
        t
    }

    /// Record the result of deleting `t`.
    fn finish(&self, t: Tracked, result: anyhow::Result<()>) -> Result<(), Stop> {
        let subject = Subject { id: &t.id, description: &t.description };
        let removed = Removed { kind: t.kind, id: t.name.clone() };
        match result {
            Ok(()) => {
                let outputs = StepOutputs::new();
                self.reporter.event(&Event::StepFinished {
                    step: subject,
                    action: Action::Deleted,
                    outputs: &outputs,
                    elapsed: t.started.elapsed(),
                });
                self.report.borrow_mut().removed.push(removed);
                Ok(())
            }
            Err(error) => {
                let error = error.context(format!("failed to delete {}", t.description));
                self.reporter.event(&Event::StepFailed {
                    step: subject,
                    error: &error,
                    elapsed: t.started.elapsed(),
                });
                self.report.borrow_mut().failed.push((removed, error));
                Err(Stop)
            }
        }
    }

    fn pending(&self, kind: &'static str, id: &str) {
        self.report.borrow_mut().pending.push(Removed { kind, id: id.to_string() });
    }

    fn warn(&self, message: String) {
        let id = format!("cluster/{}", self.cluster);
        self.reporter
            .event(&Event::StepWarning { step: Subject { id: &id, description: &id }, message: &message });
        self.report.borrow_mut().warnings.push(message);
    }

    /// Retry `op` while AWS says something still depends on the resource.
    async fn while_dependent<F, Fut>(&self, progress: &Progress<'_>, mut op: F) -> anyhow::Result<()>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<(), CloudError>>,
    {
        let started = Instant::now();
        let mut backoff = Backoff::new();
        loop {
            match op().await {
                Ok(()) => return Ok(()),
                Err(e) if e.is_not_found() => return Ok(()),
                Err(e)
                    if matches!(e.kind(), ErrorKind::DependencyViolation | ErrorKind::InUse)
                        || e.code() == Some("InvalidIPAddress.InUse")
                        || e.code() == Some("AuthFailure") =>
                {
                    if started.elapsed() >= limits::DEPENDENCY {
                        return Err(e.into());
                    }
                    progress.waiting(e.code().unwrap_or("DependencyViolation"));
                    progress.sleep(backoff.next_delay()).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
}

impl AwsCloud {
    /// Delete everything eksup created for `cluster` in this region, reporting each resource to
    /// `reporter` (`StepStarted` / `StepWaiting` / `StepFinished { action: Deleted }` /
    /// `StepFailed`). Running it again, or on a half-created cluster, succeeds and reports what it
    /// removed (possibly nothing).
    ///
    /// # Errors
    /// When the cluster exists but was not created by eksup. Failures to delete a resource are in
    /// [`DeleteReport::failed`].
    pub async fn delete_cluster(
        &self,
        cluster: &str,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> anyhow::Result<DeleteReport> {
        let d = Deleter {
            cloud: self,
            cluster,
            reporter,
            options,
            report: RefCell::new(DeleteReport::default()),
            scope: None,
            plane: Cell::new(true),
            cluster_sg: RefCell::new(None),
        };
        let _ = d.run().await;
        Ok(d.report.into_inner())
    }

    /// Roll back a failed create: delete only what that run made, `created` being the ids of the
    /// plan steps it reported as created, found by their `eksup.io/resource` tags. When the run
    /// made the control plane, everything inside it goes too; resources an earlier run made, or
    /// the user's own, stay.
    pub async fn rollback(
        &self,
        cluster: &str,
        created: Vec<String>,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeleteReport {
        let d = Deleter {
            cloud: self,
            cluster,
            reporter,
            options,
            report: RefCell::new(DeleteReport::default()),
            scope: Some(created),
            plane: Cell::new(false),
            cluster_sg: RefCell::new(None),
        };
        let _ = d.run().await;
        d.report.into_inner()
    }

    /// Delete what only node group `nodegroup` used, once the group itself is gone: its launch
    /// template, security groups (rules that reference them revoked first), access entry,
    /// instance profile and IAM role, found by their `eksup.io/resource` tags.
    pub async fn delete_nodegroup_resources(
        &self,
        cluster: &str,
        nodegroup: &str,
        options: &DeleteOptions,
        reporter: &dyn Reporter,
    ) -> DeleteReport {
        let s = crate::plan::slug(nodegroup);
        let scope = [
            "launch-template",
            "security-group",
            "security-group-remote-access",
            "iam-role",
            "instance-profile",
            "access-entry-nodes",
        ]
        .iter()
        .map(|kind| format!("{kind}-{s}"))
        .collect();
        let d = Deleter {
            cloud: self,
            cluster,
            reporter,
            options,
            report: RefCell::new(DeleteReport::default()),
            scope: Some(scope),
            plane: Cell::new(false),
            cluster_sg: RefCell::new(None),
        };
        let _ = async {
            d.access_entries().await?;
            d.launch_templates().await?;
            d.security_groups(&[]).await?;
            d.iam(&[]).await
        }
        .await;
        d.report.into_inner()
    }
}

impl Deleter<'_> {
    /// Whether a resource with these tags is within the scope of this delete.
    fn in_scope<'t>(&self, mut tags: impl Iterator<Item = (&'t str, &'t str)>) -> bool {
        match &self.scope {
            None => true,
            Some(ids) => tags.any(|(k, v)| k == tag_keys::RESOURCE && ids.iter().any(|i| i == v)),
        }
    }

    /// Whether a resource inside the control plane (a node group, add-on, Fargate profile) with
    /// these tags is within the scope: all of them when the control plane is.
    fn inside_scope<'t, K, V>(&self, tags: Option<&'t std::collections::HashMap<K, V>>) -> bool
    where
        K: AsRef<str> + 't,
        V: AsRef<str> + 't,
    {
        self.plane.get()
            || tags.is_some_and(|t| self.in_scope(t.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))))
    }

    async fn run(&self) -> Result<(), Stop> {
        let c = self.cloud;
        let mut eks_cluster = match c.describe_eks_cluster(self.cluster).await {
            Ok(x) => x,
            Err(e) => {
                return self.finish(self.start("cluster", self.cluster, self.cluster_desc()), Err(e.into()));
            }
        };
        let mut roles: Vec<String> = Vec::new();
        let mut issuer = None;
        if let Some(ec) = &eks_cluster {
            let owned =
                ec.tags().is_some_and(|t| t.get(tag_keys::CLUSTER).is_some_and(|v| v == self.cluster));
            if !owned && self.scope.is_some() {
                // A rollback of a run that met someone else's cluster of that name: what the run
                // made around it goes, the cluster stays.
                self.warn(format!("cluster `{}` was not created by eksup: kept", self.cluster));
                eks_cluster = None;
            } else if !owned {
                let t = self.start("cluster", self.cluster, self.cluster_desc());
                return self.finish(
                    t,
                    Err(anyhow::anyhow!(
                        "cluster `{}` was not created by eksup (no `{}` tag); nothing deleted",
                        self.cluster,
                        tag_keys::CLUSTER
                    )),
                );
            }
        }
        // A full delete takes everything; a rollback the control plane only if its run made it.
        self.plane
            .set(self.scope.is_none() || eks_cluster.as_ref().is_some_and(|ec| self.inside_scope(ec.tags())));
        *self.cluster_sg.borrow_mut() = ec_cluster_sg(eks_cluster.as_ref());
        // Load balancers Kubernetes made for the cluster go first, as eksctl does: their network
        // interfaces and security groups would keep the VPC from being deleted.
        let vpcs = self.vpcs(eks_cluster.as_ref().and_then(|c| c.resources_vpc_config()?.vpc_id())).await?;
        if self.plane.get() {
            self.kubernetes_load_balancers(&vpcs).await?;
        }
        if let Some(ec) = &eks_cluster {
            self.report.borrow_mut().cluster_found = true;
            if self.plane.get() {
                roles.extend(ec.role_arn().map(str::to_string));
            }
            issuer = ec.identity().and_then(|i| i.oidc()).and_then(|o| o.issuer()).map(str::to_string);
            self.fargate_profiles(&mut roles).await?;
        }
        let (a, b) = tokio::join!(
            self.managed_nodegroups(eks_cluster.is_some(), &mut roles),
            self.auto_scaling_groups()
        );
        a?;
        b?;
        if eks_cluster.is_some() && !self.plane.get() {
            // A rollback that keeps the control plane: what this run added inside it.
            self.access_entries().await?;
            self.addons().await?;
        } else if eks_cluster.is_some() {
            self.access_entries().await?;
            self.addons().await?;
            // Rules between eksup's groups and the EKS-made cluster security group: EKS cannot
            // delete its group while another group's rule references it, nor can eksup delete its
            // own groups while the cluster group's rules reference them.
            if let Some(sg) = ec_cluster_sg(eks_cluster.as_ref()) {
                self.cross_references(&sg).await?;
            }
            // Interfaces the VPC CNI left use the cluster security group: EKS could not delete it.
            self.leftover_interfaces(&vpcs).await?;
            let t = self.start("cluster", self.cluster, self.cluster_desc());
            let result = self.control_plane(&t).await;
            self.finish(t, result)?;
            if self.options.no_wait {
                self.pending("network", self.cluster);
                self.pending("iam", self.cluster);
                return Ok(());
            }
        }
        self.oidc_providers(issuer.as_deref()).await?;
        self.launch_templates().await?;
        if self.plane.get() {
            self.leftover_interfaces(&vpcs).await?;
        }
        // IAM and the registries depend on nothing in the network: all three are tried.
        let network = self.network(&vpcs).await;
        let iam = self.iam(&roles).await;
        let repositories = self.repositories().await;
        network.and(iam).and(repositories)
    }

    fn cluster_desc(&self) -> String {
        format!("control plane `{}`", self.cluster)
    }

    async fn fargate_profiles(&self, roles: &mut Vec<String>) -> Result<(), Stop> {
        let c = self.cloud;
        let names = match c
            .eks
            .list_fargate_profiles()
            .cluster_name(self.cluster)
            .send()
            .await
            .api("ListFargateProfiles")
        {
            Ok(o) => o.fargate_profile_names().to_vec(),
            Err(e) => {
                let t = self.start("fargate-profile", "*", "Fargate profiles".into());
                return self.finish(t, Err(e.into()));
            }
        };
        // EKS deletes one Fargate profile per cluster at a time.
        let mut stop = Ok(());
        for name in names {
            let profile = match c.describe_fargate(self.cluster, &name).await {
                Ok(p) => p,
                Err(e) => {
                    let t = self.start("fargate-profile", &name, format!("Fargate profile `{name}`"));
                    stop = stop.and(self.finish(t, Err(e.into())));
                    continue;
                }
            };
            if !self.inside_scope(profile.as_ref().and_then(|p| p.tags())) {
                continue;
            }
            roles.extend(profile.as_ref().and_then(|p| p.pod_execution_role_arn()).map(str::to_string));
            let t = self.start("fargate-profile", &name, format!("Fargate profile `{name}`"));
            let result = async {
                c.eks
                    .delete_fargate_profile()
                    .cluster_name(self.cluster)
                    .fargate_profile_name(&name)
                    .send()
                    .await
                    .api("DeleteFargateProfile")
                    .or_not_found()?;
                let progress = t.progress(self);
                wait_for(
                    &progress,
                    &format!("Fargate profile `{name}` to be deleted"),
                    limits::FARGATE,
                    || async {
                        Ok(match c.describe_fargate(self.cluster, &name).await? {
                            None => Poll::Ready(()),
                            Some(p) => {
                                Poll::Pending(p.status().map_or("DELETING", |s| s.as_str()).to_string())
                            }
                        })
                    },
                )
                .await
            }
            .await;
            stop = stop.and(self.finish(t, result));
        }
        stop
    }

    async fn managed_nodegroups(&self, cluster_exists: bool, roles: &mut Vec<String>) -> Result<(), Stop> {
        if !cluster_exists {
            return Ok(());
        }
        let c = self.cloud;
        let names = match c.managed_nodegroup_names(self.cluster).await {
            Ok(n) => n,
            Err(e) => return self.finish(self.start("nodegroup", "*", "nodegroups".into()), Err(e.into())),
        };
        let mut started = Vec::new();
        let mut stop = Ok(());
        for name in names {
            let group = match c.describe_nodegroup(self.cluster, &name).await {
                Ok(g) => g,
                Err(e) => {
                    let t = self.start("nodegroup", &name, format!("managed nodegroup `{name}`"));
                    stop = stop.and(self.finish(t, Err(e.into())));
                    continue;
                }
            };
            if !self.inside_scope(group.as_ref().and_then(|g| g.tags())) {
                continue;
            }
            roles.extend(group.as_ref().and_then(|g| g.node_role()).map(str::to_string));
            let t = self.start("nodegroup", &name, format!("managed nodegroup `{name}`"));
            let result = async {
                // ResourceInUseException while the group is still being created or updated.
                self.while_dependent(&t.progress(self), || async {
                    c.eks
                        .delete_nodegroup()
                        .cluster_name(self.cluster)
                        .nodegroup_name(&name)
                        .send()
                        .await
                        .api("DeleteNodegroup")
                        .map(|_| ())
                })
                .await
            }
            .await;
            match result {
                Ok(()) => started.push((t, name)),
                Err(e) => stop = stop.and(self.finish(t, Err(e))),
            }
        }
        for (t, name) in started {
            let result = c.wait_nodegroup_gone(&t.progress(self), self.cluster, &name).await;
            if self.finish(t, result).is_err() {
                stop = Err(Stop);
            }
        }
        stop
    }

    async fn auto_scaling_groups(&self) -> Result<(), Stop> {
        let c = self.cloud;
        let groups = match c.cluster_asgs(self.cluster).await {
            Ok(g) => g,
            Err(e) => {
                return self.finish(
                    self.start("auto-scaling-group", "*", "Auto Scaling groups".into()),
                    Err(e.into()),
                );
            }
        };
        let mut stop = Ok(());
        for g in groups {
            if !owned_by(asg_tag_pairs(&g), self.cluster) || !self.in_scope(asg_tag_pairs(&g)) {
                continue;
            }
            let Some(name) = g.auto_scaling_group_name() else { continue };
            let t = self.start("auto-scaling-group", name, format!("Auto Scaling group `{name}`"));
            // Nodegroup deletions must finish before the control plane goes: always wait here.
            let result = c.delete_asg(&t.progress(self), name, false).await;
            stop = stop.and(self.finish(t, result));
        }
        stop
    }

    async fn access_entries(&self) -> Result<(), Stop> {
        let mut failed = false;
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
                self.warn("access entries cannot be listed here (`ListAccessEntries` is not supported); the control plane's deletion removes them".into());
                return Ok(());
            }
            Err(e) => {
                return self.finish(self.start("access-entry", "*", "access entries".into()), Err(e.into()));
            }
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
                .or_not_found();
            let ours = match entry {
                Ok(Some(o)) => o.access_entry().and_then(|e| e.tags()).is_some_and(|t| {
                    t.get(tag_keys::CLUSTER).is_some_and(|v| v == self.cluster)
                        && self.in_scope(t.iter().map(|(k, v)| (k.as_str(), v.as_str())))
                }),
                Ok(None) => false,
                Err(e) => {
                    return self.finish(
                        self.start("access-entry", &principal, format!("access entry `{principal}`")),
                        Err(e.into()),
                    );
                }
            };
            if !ours {
                continue;
            }
            let t = self.start("access-entry", &principal, format!("access entry `{principal}`"));
            let result = c
                .eks
                .delete_access_entry()
                .cluster_name(self.cluster)
                .principal_arn(&principal)
                .send()
                .await
                .api("DeleteAccessEntry")
                .or_not_found()
                .map(|_| ())
                .map_err(Into::into);
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    async fn addons(&self) -> Result<(), Stop> {
        let c = self.cloud;
        let names = match c.eks.list_addons().cluster_name(self.cluster).send().await.api("ListAddons") {
            Ok(o) => o.addons().to_vec(),
            Err(e) if e.kind() == ErrorKind::Unsupported => {
                self.warn("add-ons cannot be listed here (`ListAddons` is not supported); the control plane's deletion removes them".into());
                return Ok(());
            }
            Err(e) => return self.finish(self.start("addon", "*", "add-ons".into()), Err(e.into())),
        };
        let mut stop = Ok(());
        for name in names {
            if !self.plane.get() {
                let addon = c
                    .eks
                    .describe_addon()
                    .cluster_name(self.cluster)
                    .addon_name(&name)
                    .send()
                    .await
                    .api("DescribeAddon")
                    .or_not_found();
                match addon {
                    Ok(a) if self.inside_scope(a.as_ref().and_then(|a| a.addon()).and_then(|a| a.tags())) => {
                    }
                    Ok(_) => continue,
                    Err(e) => {
                        let t = self.start("addon", &name, format!("add-on `{name}`"));
                        stop = stop.and(self.finish(t, Err(e.into())));
                        continue;
                    }
                }
            }
            let t = self.start("addon", &name, format!("add-on `{name}`"));
            // ResourceInUseException while the add-on is still being created or updated.
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.eks
                        .delete_addon()
                        .cluster_name(self.cluster)
                        .addon_name(&name)
                        .send()
                        .await
                        .api("DeleteAddon")
                        .map(|_| ())
                })
                .await;
            stop = stop.and(self.finish(t, result));
        }
        stop
    }

    async fn control_plane(&self, t: &Tracked) -> anyhow::Result<()> {
        let c = self.cloud;
        let progress = t.progress(self);
        let busy = |e: &CloudError| (e.kind() == ErrorKind::InUse).then_some("waiting for nodegroups to go");
        super::retry_while(&progress, limits::NODEGROUP, busy, || async {
            c.eks
                .delete_cluster()
                .name(self.cluster)
                .send()
                .await
                .api("DeleteCluster")
                .or_not_found()
                .map(|_| ())
        })
        .await?;
        if self.options.no_wait {
            return Ok(());
        }
        wait_for(
            &progress,
            &format!("control plane `{}` to be deleted", self.cluster),
            limits::CLUSTER,
            || async {
                Ok(match c.describe_eks_cluster(self.cluster).await? {
                    None => Poll::Ready(()),
                    Some(cl) => Poll::Pending(cl.status().map_or("DELETING", |s| s.as_str()).to_string()),
                })
            },
        )
        .await
    }

    async fn oidc_providers(&self, issuer: Option<&str>) -> Result<(), Stop> {
        let mut failed = false;
        let c = self.cloud;
        let list = match c.iam.list_open_id_connect_providers().send().await.api("ListOpenIDConnectProviders")
        {
            Ok(l) => l,
            Err(e) => {
                return self.finish(self.start("oidc-provider", "*", "OIDC providers".into()), Err(e.into()));
            }
        };
        let arns: Vec<String> =
            list.open_id_connect_provider_list().iter().filter_map(|p| p.arn()).map(str::to_string).collect();
        for arn in arns {
            // Look at the cluster's own issuer first, then at every provider's tags.
            let tags =
                c.iam.list_open_id_connect_provider_tags().open_id_connect_provider_arn(&arn).send().await;
            let ours = match tags.api("ListOpenIDConnectProviderTags").or_not_found() {
                Ok(Some(t)) => {
                    owned_by(iam_tag_pairs(t.tags()), self.cluster) && self.in_scope(iam_tag_pairs(t.tags()))
                }
                Ok(None) => false,
                Err(e) => {
                    return self.finish(
                        self.start("oidc-provider", &arn, format!("OIDC provider `{arn}`")),
                        Err(e.into()),
                    );
                }
            };
            if !ours {
                if self.scope.is_none()
                    && issuer.is_some_and(|i| arn.ends_with(i.trim_start_matches("https://")))
                {
                    self.warn(format!(
                        "the OIDC provider `{arn}` of this cluster was not created by eksup; kept"
                    ));
                }
                continue;
            }
            let t = self.start("oidc-provider", &arn, format!("OIDC provider `{arn}`"));
            let result = c
                .iam
                .delete_open_id_connect_provider()
                .open_id_connect_provider_arn(&arn)
                .send()
                .await
                .api("DeleteOpenIDConnectProvider")
                .or_not_found()
                .map(|_| ())
                .map_err(Into::into);
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    async fn launch_templates(&self) -> Result<(), Stop> {
        let mut failed = false;
        let c = self.cloud;
        let found = match c
            .ec2
            .describe_launch_templates()
            .filters(cluster_filter(self.cluster))
            .send()
            .await
            .api("DescribeLaunchTemplates")
        {
            Ok(f) => f,
            Err(e) => {
                return self
                    .finish(self.start("launch-template", "*", "launch templates".into()), Err(e.into()));
            }
        };
        for lt in found.launch_templates() {
            let (Some(id), name) = (lt.launch_template_id(), lt.launch_template_name().unwrap_or_default())
            else {
                continue;
            };
            if !self.in_scope(tag_pairs(lt.tags())) {
                continue;
            }
            let t = self.start("launch-template", name, format!("launch template `{name}`"));
            let result = c
                .ec2
                .delete_launch_template()
                .launch_template_id(id)
                .send()
                .await
                .api("DeleteLaunchTemplate")
                .or_not_found()
                .map(|_| ())
                .map_err(Into::into);
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    async fn network(&self, vpcs: &[String]) -> Result<(), Stop> {
        let mut failed = false;
        let c = self.cloud;
        let tagged = cluster_filter(self.cluster);
        let ec2_err = |what: &'static str, e: CloudError| {
            self.finish(self.start(what, "*", what.into()), Err(e.into()))
        };

        // NAT gateways: tag filters are not reliable on them everywhere; filter by tags here.
        let nats = match c.ec2.describe_nat_gateways().send().await.api("DescribeNatGateways") {
            Ok(n) => n,
            Err(e) => return ec2_err("nat-gateway", e),
        };
        let mut deleting = Vec::new();
        for nat in nats.nat_gateways() {
            use aws_sdk_ec2::types::NatGatewayState;
            let Some(id) = nat.nat_gateway_id() else { continue };
            if !has_tag(nat.tags(), tag_keys::CLUSTER, self.cluster)
                || !self.in_scope(tag_pairs(nat.tags()))
                || matches!(nat.state(), Some(NatGatewayState::Deleted | NatGatewayState::Failed))
            {
                continue;
            }
            let t = self.start("nat-gateway", id, format!("NAT gateway `{id}`"));
            match c
                .ec2
                .delete_nat_gateway()
                .nat_gateway_id(id)
                .send()
                .await
                .api("DeleteNatGateway")
                .or_not_found()
            {
                Ok(_) => deleting.push((t, id.to_string())),
                Err(e) => failed |= self.finish(t, Err(e.into())).is_err(),
            }
        }
        for (t, id) in deleting {
            let result = wait_for(
                &t.progress(self),
                &format!("NAT gateway `{id}` to be deleted"),
                limits::NAT,
                || async {
                    use aws_sdk_ec2::types::NatGatewayState;
                    let out = c
                        .ec2
                        .describe_nat_gateways()
                        .nat_gateway_ids(&id)
                        .send()
                        .await
                        .api("DescribeNatGateways")
                        .or_not_found()?;
                    let state =
                        out.as_ref().and_then(|o| o.nat_gateways().first()).and_then(|n| n.state()).cloned();
                    Ok(match state {
                        None | Some(NatGatewayState::Deleted) => Poll::Ready(()),
                        Some(s) => Poll::Pending(s.as_str().to_string()),
                    })
                },
            )
            .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        // Elastic IPs.
        let addresses =
            match c.ec2.describe_addresses().filters(tagged.clone()).send().await.api("DescribeAddresses") {
                Ok(a) => a,
                Err(e) => return ec2_err("elastic-ip", e),
            };
        for addr in addresses.addresses() {
            let Some(id) = addr.allocation_id() else { continue };
            if !self.in_scope(tag_pairs(addr.tags())) {
                continue;
            }
            let t = self.start("elastic-ip", id, format!("Elastic IP `{}`", addr.public_ip().unwrap_or(id)));
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.ec2.release_address().allocation_id(id).send().await.map(|_| ()).api("ReleaseAddress")
                })
                .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        // Internet gateways: detach, then delete.
        let igws = match c
            .ec2
            .describe_internet_gateways()
            .filters(tagged.clone())
            .send()
            .await
            .api("DescribeInternetGateways")
        {
            Ok(i) => i,
            Err(e) => return ec2_err("internet-gateway", e),
        };
        for igw in igws.internet_gateways() {
            let Some(id) = igw.internet_gateway_id() else { continue };
            if !self.in_scope(tag_pairs(igw.tags())) {
                continue;
            }
            let t = self.start("internet-gateway", id, format!("internet gateway `{id}`"));
            let progress = t.progress(self);
            let result = async {
                for vpc in igw.attachments().iter().filter_map(|a| a.vpc_id()) {
                    self.while_dependent(&progress, || async {
                        c.ec2
                            .detach_internet_gateway()
                            .internet_gateway_id(id)
                            .vpc_id(vpc)
                            .send()
                            .await
                            .map(|_| ())
                            .api("DetachInternetGateway")
                    })
                    .await?;
                }
                self.while_dependent(&progress, || async {
                    c.ec2
                        .delete_internet_gateway()
                        .internet_gateway_id(id)
                        .send()
                        .await
                        .map(|_| ())
                        .api("DeleteInternetGateway")
                })
                .await
            }
            .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        // Route tables: disassociate, then delete.
        let tables = match c
            .ec2
            .describe_route_tables()
            .filters(tagged.clone())
            .send()
            .await
            .api("DescribeRouteTables")
        {
            Ok(r) => r,
            Err(e) => return ec2_err("route-table", e),
        };
        for rt in tables.route_tables() {
            let Some(id) = rt.route_table_id() else { continue };
            if !self.in_scope(tag_pairs(rt.tags())) {
                continue;
            }
            let t = self.start("route-table", id, format!("route table `{id}`"));
            let result = async {
                for assoc in rt.associations().iter().filter(|a| a.main() != Some(true)) {
                    if let Some(aid) = assoc.route_table_association_id() {
                        c.ec2
                            .disassociate_route_table()
                            .association_id(aid)
                            .send()
                            .await
                            .api("DisassociateRouteTable")
                            .or_not_found()?;
                    }
                }
                c.ec2
                    .delete_route_table()
                    .route_table_id(id)
                    .send()
                    .await
                    .api("DeleteRouteTable")
                    .or_not_found()?;
                Ok(())
            }
            .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        self.security_groups(vpcs).await?;

        if failed {
            return Err(Stop);
        }
        // Network ACLs: their subnets go back to the VPC's default ACL first.
        let acls = match c
            .ec2
            .describe_network_acls()
            .filters(tagged.clone())
            .send()
            .await
            .api("DescribeNetworkAcls")
        {
            Ok(a) => a,
            Err(e) => return ec2_err("network-acl", e),
        };
        for acl in acls.network_acls() {
            let Some(id) = acl.network_acl_id() else { continue };
            if !self.in_scope(tag_pairs(acl.tags())) {
                continue;
            }
            let t = self.start("network-acl", id, format!("network ACL `{id}`"));
            let result = async {
                if !acl.associations().is_empty() {
                    let vpc = acl.vpc_id().unwrap_or_default();
                    let default = c
                        .ec2
                        .describe_network_acls()
                        .filters(aws_sdk_ec2::types::Filter::builder().name("vpc-id").values(vpc).build())
                        .filters(aws_sdk_ec2::types::Filter::builder().name("default").values("true").build())
                        .send()
                        .await
                        .api("DescribeNetworkAcls")?;
                    let default_id =
                        default.network_acls().first().and_then(|a| a.network_acl_id()).unwrap_or_default();
                    for assoc in acl.associations() {
                        let Some(aid) = assoc.network_acl_association_id() else { continue };
                        c.ec2
                            .replace_network_acl_association()
                            .association_id(aid)
                            .network_acl_id(default_id)
                            .send()
                            .await
                            .api("ReplaceNetworkAclAssociation")
                            .or_not_found()?;
                    }
                }
                c.ec2
                    .delete_network_acl()
                    .network_acl_id(id)
                    .send()
                    .await
                    .api("DeleteNetworkAcl")
                    .or_not_found()?;
                Ok(())
            }
            .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        // Subnets.
        let subnets =
            match c.ec2.describe_subnets().filters(tagged.clone()).send().await.api("DescribeSubnets") {
                Ok(s) => s,
                Err(e) => return ec2_err("subnet", e),
            };
        for s in subnets.subnets() {
            let Some(id) = s.subnet_id() else { continue };
            if !self.in_scope(tag_pairs(s.tags())) {
                continue;
            }
            let t =
                self.start("subnet", id, format!("subnet `{id}` ({})", s.cidr_block().unwrap_or_default()));
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.ec2.delete_subnet().subnet_id(id).send().await.map(|_| ()).api("DeleteSubnet")
                })
                .await;
            failed |= self.finish(t, result).is_err();
        }

        if failed {
            return Err(Stop);
        }
        // VPCs.
        let vpcs = match c.ec2.describe_vpcs().filters(tagged).send().await.api("DescribeVpcs") {
            Ok(v) => v,
            Err(e) => return ec2_err("vpc", e),
        };
        for vpc in vpcs.vpcs() {
            let Some(id) = vpc.vpc_id() else { continue };
            if !self.in_scope(tag_pairs(vpc.tags())) {
                continue;
            }
            if !owned_by(tag_pairs(vpc.tags()), self.cluster) {
                continue;
            }
            let t = self.start("vpc", id, format!("VPC `{id}` ({})", vpc.cidr_block().unwrap_or_default()));
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.ec2.delete_vpc().vpc_id(id).send().await.map(|_| ()).api("DeleteVpc")
                })
                .await;
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    /// The security groups in scope: eksup's (all, or those of a node group or of a failed run),
    /// and, with the control plane, those Kubernetes made for load balancers in `vpcs`. Their own
    /// rules are revoked first (groups reference each other), then the rules of the groups out of
    /// scope (and of the EKS cluster group) that reference them; then they are deleted, retried
    /// while instances or interfaces still hold them.
    async fn security_groups(&self, vpcs: &[String]) -> Result<(), Stop> {
        use aws_sdk_ec2::types::IpPermission;
        let c = self.cloud;
        let failed = |e: CloudError| {
            self.finish(self.start("security-group", "*", "security groups".into()), Err(e.into()))
        };
        let all = match c
            .ec2
            .describe_security_groups()
            .filters(cluster_filter(self.cluster))
            .send()
            .await
            .api("DescribeSecurityGroups")
        {
            Ok(g) => g.security_groups().to_vec(),
            Err(e) => return failed(e),
        };
        let (mut mine, mut others): (Vec<_>, Vec<_>) =
            all.into_iter().partition(|g| self.in_scope(tag_pairs(g.tags())));
        if self.plane.get() {
            match self.kubernetes_security_groups(vpcs).await {
                Ok(more) => {
                    for g in more {
                        if !mine.iter().any(|x| x.group_id() == g.group_id()) {
                            mine.push(g);
                        }
                    }
                }
                Err(e) => return failed(e),
            }
        }
        let cluster_sg = self.cluster_sg.borrow().clone();
        if let Some(id) = cluster_sg.filter(|_| self.scope.is_some()) {
            match c
                .ec2
                .describe_security_groups()
                .group_ids(&id)
                .send()
                .await
                .api("DescribeSecurityGroups")
                .or_not_found()
            {
                Ok(found) => others.extend(found.iter().flat_map(|f| f.security_groups()).cloned()),
                Err(e) => return failed(e),
            }
        }
        for sg in &mine {
            let Some(id) = sg.group_id() else { continue };
            let _ =
                c.revoke_rules(id, sg.ip_permissions().to_vec(), sg.ip_permissions_egress().to_vec()).await;
        }
        let ids: Vec<&str> = mine.iter().filter_map(|g| g.group_id()).collect();
        let refers = |p: &IpPermission| {
            p.user_id_group_pairs().iter().any(|g| g.group_id().is_some_and(|x| ids.contains(&x)))
        };
        for g in &others {
            let Some(id) = g.group_id() else { continue };
            let ingress = g.ip_permissions().iter().filter(|p| refers(p)).cloned().collect();
            let egress = g.ip_permissions_egress().iter().filter(|p| refers(p)).cloned().collect();
            let _ = c.revoke_rules(id, ingress, egress).await;
        }
        self.delete_groups(&mine).await
    }

    /// Delete these security groups, retried while something still depends on them.
    async fn delete_groups<'g>(
        &self,
        groups: impl IntoIterator<Item = &'g aws_sdk_ec2::types::SecurityGroup>,
    ) -> Result<(), Stop> {
        let c = self.cloud;
        let mut stop = Ok(());
        for sg in groups {
            let Some(id) = sg.group_id() else { continue };
            let t = self.start(
                "security-group",
                id,
                format!("security group `{}` ({id})", sg.group_name().unwrap_or(id)),
            );
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.ec2
                        .delete_security_group()
                        .group_id(id)
                        .send()
                        .await
                        .map(|_| ())
                        .api("DeleteSecurityGroup")
                })
                .await;
            stop = stop.and(self.finish(t, result));
        }
        stop
    }

    /// The cluster's VPCs: the one the control plane is in, and those eksup made for it.
    async fn vpcs(&self, cluster_vpc: Option<&str>) -> Result<Vec<String>, Stop> {
        let c = self.cloud;
        let mut vpcs: Vec<String> = cluster_vpc.map(str::to_string).into_iter().collect();
        match c.ec2.describe_vpcs().filters(cluster_filter(self.cluster)).send().await.api("DescribeVpcs") {
            Ok(out) => {
                for id in out.vpcs().iter().filter_map(|v| v.vpc_id()) {
                    if !vpcs.iter().any(|v| v == id) {
                        vpcs.push(id.to_string());
                    }
                }
                Ok(vpcs)
            }
            Err(e) => self.finish(self.start("vpc", "*", "VPCs".into()), Err(e.into())).map(|()| Vec::new()),
        }
    }

    /// Delete the load balancers (and target groups) Kubernetes made for the cluster in `vpcs`.
    async fn kubernetes_load_balancers(&self, vpcs: &[String]) -> Result<(), Stop> {
        let mut failed = false;
        let c = self.cloud;
        for vpc in vpcs {
            let found = match c.kubernetes_load_balancers(self.cluster, vpc).await {
                Ok(f) => f,
                Err(e) if e.kind() == ErrorKind::Unsupported => {
                    self.warn(format!(
                        "load balancers cannot be listed here ({e}); delete those Kubernetes made by hand"
                    ));
                    continue;
                }
                Err(e) => {
                    return self
                        .finish(self.start("load-balancer", "*", "load balancers".into()), Err(e.into()));
                }
            };
            for lb in found {
                let t = self.start(
                    lb.kind(),
                    lb.name(),
                    format!("{} `{}` made by Kubernetes", lb.kind().replace('-', " "), lb.name()),
                );
                // A target group stays in use for a moment after its load balancer is deleted.
                let result =
                    self.while_dependent(&t.progress(self), || c.delete_kubernetes_load_balancer(&lb)).await;
                failed |= self.finish(t, result).is_err();
            }
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    /// Revoke the rules that cross between the EKS cluster security group `cluster_sg` and any
    /// other group: the rules on it that name another group, and the rules of eksup's groups
    /// that name it.
    async fn cross_references(&self, cluster_sg: &str) -> Result<(), Stop> {
        use aws_sdk_ec2::types::IpPermission;
        let c = self.cloud;
        let t = self.start(
            "security-group-rules",
            cluster_sg,
            format!("rules that reference the cluster security group `{cluster_sg}`"),
        );
        let result = async {
            let names = |p: &IpPermission, group: &str| {
                p.user_id_group_pairs().iter().any(|g| g.group_id() == Some(group))
            };
            let others =
                |p: &IpPermission| p.user_id_group_pairs().iter().any(|g| g.group_id() != Some(cluster_sg));
            let own = c
                .ec2
                .describe_security_groups()
                .group_ids(cluster_sg)
                .send()
                .await
                .api("DescribeSecurityGroups")
                .or_not_found()?;
            let mut revokes: Vec<(String, Vec<IpPermission>, Vec<IpPermission>)> = Vec::new();
            for sg in own.iter().flat_map(|o| o.security_groups()) {
                let ingress: Vec<IpPermission> =
                    sg.ip_permissions().iter().filter(|p| others(p)).cloned().collect();
                let egress: Vec<IpPermission> =
                    sg.ip_permissions_egress().iter().filter(|p| others(p)).cloned().collect();
                revokes.push((cluster_sg.to_string(), ingress, egress));
            }
            let tagged = c
                .ec2
                .describe_security_groups()
                .filters(cluster_filter(self.cluster))
                .send()
                .await
                .api("DescribeSecurityGroups")?;
            for sg in tagged.security_groups() {
                let Some(id) = sg.group_id() else { continue };
                let ingress: Vec<IpPermission> =
                    sg.ip_permissions().iter().filter(|p| names(p, cluster_sg)).cloned().collect();
                let egress: Vec<IpPermission> =
                    sg.ip_permissions_egress().iter().filter(|p| names(p, cluster_sg)).cloned().collect();
                revokes.push((id.to_string(), ingress, egress));
            }
            for (group, ingress, egress) in revokes {
                c.revoke_rules(&group, ingress, egress).await.or_not_found()?;
            }
            Ok::<(), CloudError>(())
        }
        .await;
        self.finish(t, result.map_err(Into::into))
    }

    /// Security groups Kubernetes made for load balancers in `vpcs`, and EKS's cluster group if
    /// it outlived the cluster.
    async fn kubernetes_security_groups(
        &self,
        vpcs: &[String],
    ) -> Result<Vec<aws_sdk_ec2::types::SecurityGroup>, CloudError> {
        use super::ec2::filter;
        let c = self.cloud;
        let mut out = Vec::new();
        if vpcs.is_empty() {
            return Ok(out);
        }
        let legacy = format!("tag:{}", super::kubernetes_cluster_tag(self.cluster));
        // Each maker's tag, and the names it gives its groups: a group of the user's that merely
        // carries `kubernetes.io/cluster/<name>` is not Kubernetes' to delete.
        let by = [
            (filter(&format!("tag:{}", super::elb::ELBV2_CLUSTER_TAG), [self.cluster]), "k8s-"),
            (filter(&legacy, ["owned"]), "k8s-elb-"),
            // EKS's own cluster security group, if EKS could not delete it with the cluster (an
            // interface still used it): this stage runs once the control plane is gone.
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
                if !out.iter().any(|x: &aws_sdk_ec2::types::SecurityGroup| x.group_id() == sg.group_id()) {
                    out.push(sg.clone());
                }
            }
        }
        Ok(out)
    }

    /// Network interfaces the VPC CNI left behind (`available`, tagged for the cluster or named
    /// `aws-K8S-*`): they keep subnets and security groups from being deleted.
    async fn leftover_interfaces(&self, vpcs: &[String]) -> Result<(), Stop> {
        let mut failed = false;
        use super::ec2::filter;
        let c = self.cloud;
        if vpcs.is_empty() {
            return Ok(());
        }
        let found = match c
            .ec2
            .describe_network_interfaces()
            .filters(filter("vpc-id", vpcs.iter().map(String::as_str)))
            .filters(filter("status", ["available"]))
            .send()
            .await
            .api("DescribeNetworkInterfaces")
        {
            Ok(f) => f,
            Err(e) => {
                return self.finish(
                    self.start("network-interface", "*", "network interfaces".into()),
                    Err(e.into()),
                );
            }
        };
        for eni in found.network_interfaces() {
            let Some(id) = eni.network_interface_id() else { continue };
            let cni = eni.description().is_some_and(|d| d.starts_with("aws-K8S-"))
                || eni.tag_set().iter().any(|t| {
                    t.key() == Some("cluster.k8s.amazonaws.com/name") && t.value() == Some(self.cluster)
                });
            if !cni {
                continue;
            }
            let t =
                self.start("network-interface", id, format!("network interface `{id}` left by the VPC CNI"));
            let result = self
                .while_dependent(&t.progress(self), || async {
                    c.ec2
                        .delete_network_interface()
                        .network_interface_id(id)
                        .send()
                        .await
                        .map(|_| ())
                        .api("DeleteNetworkInterface")
                })
                .await;
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }

    async fn iam(&self, referenced: &[String]) -> Result<(), Stop> {
        let c = self.cloud;
        // IAM cannot filter by tag: look at roles referenced by the cluster and at roles whose name
        // contains the cluster name, and delete those tagged for this cluster.
        let mut candidates: Vec<String> = referenced.iter().map(|r| role_name_of(r).to_string()).collect();
        let mut marker = None;
        loop {
            let out = match c.iam.list_roles().set_marker(marker).send().await.api("ListRoles") {
                Ok(o) => o,
                Err(e) => return self.finish(self.start("iam-role", "*", "IAM roles".into()), Err(e.into())),
            };
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
        let mut roles = Vec::new();
        for name in candidates {
            match c.iam.list_role_tags().role_name(&name).send().await.api("ListRoleTags").or_not_found() {
                Ok(Some(t))
                    if owned_by(iam_tag_pairs(t.tags()), self.cluster)
                        && self.in_scope(iam_tag_pairs(t.tags())) =>
                {
                    roles.push(name);
                }
                Ok(_) => {}
                Err(e) => {
                    return self
                        .finish(self.start("iam-role", &name, format!("IAM role `{name}`")), Err(e.into()));
                }
            }
        }

        // Instance profiles: those holding our roles, or named after the cluster, and tagged for it.
        let mut profiles_failed = false;
        let mut profiles = Vec::new();
        let mut marker = None;
        loop {
            let out = match c
                .iam
                .list_instance_profiles()
                .set_marker(marker)
                .send()
                .await
                .api("ListInstanceProfiles")
            {
                Ok(o) => o,
                Err(e) => {
                    return self.finish(
                        self.start("instance-profile", "*", "instance profiles".into()),
                        Err(e.into()),
                    );
                }
            };
            for p in out.instance_profiles() {
                let name = p.instance_profile_name();
                let holds_ours = p.roles().iter().any(|r| roles.iter().any(|o| o == r.role_name()));
                if holds_ours || name.contains(self.cluster) {
                    profiles.push((
                        name.to_string(),
                        p.roles().iter().map(|r| r.role_name().to_string()).collect::<Vec<_>>(),
                    ));
                }
            }
            marker = out.marker().map(str::to_string);
            if !out.is_truncated() || marker.is_none() {
                break;
            }
        }
        for (name, profile_roles) in profiles {
            let ours = match c.instance_profile_tags(&name).await {
                Ok(Some(tags)) => {
                    owned_by(iam_tag_pairs(&tags), self.cluster) && self.in_scope(iam_tag_pairs(&tags))
                }
                Ok(None) => continue,
                Err(e) => {
                    return self.finish(
                        self.start("instance-profile", &name, format!("instance profile `{name}`")),
                        Err(e.into()),
                    );
                }
            };
            if !ours {
                continue;
            }
            let t = self.start("instance-profile", &name, format!("instance profile `{name}`"));
            let result = async {
                for role in &profile_roles {
                    c.iam
                        .remove_role_from_instance_profile()
                        .instance_profile_name(&name)
                        .role_name(role)
                        .send()
                        .await
                        .api("RemoveRoleFromInstanceProfile")
                        .or_not_found()?;
                }
                c.iam
                    .delete_instance_profile()
                    .instance_profile_name(&name)
                    .send()
                    .await
                    .api("DeleteInstanceProfile")
                    .or_not_found()?;
                Ok(())
            }
            .await;
            profiles_failed |= self.finish(t, result).is_err();
        }

        let mut stop = if profiles_failed { Err(Stop) } else { Ok(()) };
        for name in roles {
            let t = self.start("iam-role", &name, format!("IAM role `{name}`"));
            let result = self.delete_role(&name).await;
            stop = stop.and(self.finish(t, result));
        }
        stop
    }

    async fn delete_role(&self, name: &str) -> anyhow::Result<()> {
        let c = self.cloud;
        let profiles = c
            .iam
            .list_instance_profiles_for_role()
            .role_name(name)
            .send()
            .await
            .api("ListInstanceProfilesForRole");
        let Some(profiles) = profiles.or_not_found()? else { return Ok(()) };
        for p in profiles.instance_profiles() {
            c.iam
                .remove_role_from_instance_profile()
                .instance_profile_name(p.instance_profile_name())
                .role_name(name)
                .send()
                .await
                .api("RemoveRoleFromInstanceProfile")
                .or_not_found()?;
        }
        let attached = c
            .iam
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await
            .api("ListAttachedRolePolicies")?;
        for p in attached.attached_policies() {
            if let Some(arn) = p.policy_arn() {
                c.iam
                    .detach_role_policy()
                    .role_name(name)
                    .policy_arn(arn)
                    .send()
                    .await
                    .api("DetachRolePolicy")
                    .or_not_found()?;
            }
        }
        let inline = c.iam.list_role_policies().role_name(name).send().await.api("ListRolePolicies")?;
        for p in inline.policy_names() {
            c.iam
                .delete_role_policy()
                .role_name(name)
                .policy_name(p)
                .send()
                .await
                .api("DeleteRolePolicy")
                .or_not_found()?;
        }
        c.iam.delete_role().role_name(name).send().await.api("DeleteRole").or_not_found()?;
        Ok(())
    }

    async fn repositories(&self) -> Result<(), Stop> {
        let mut failed = false;
        let c = self.cloud;
        let mut token = None;
        let mut ours = Vec::new();
        loop {
            let out = match c
                .ecr
                .describe_repositories()
                .set_next_token(token)
                .send()
                .await
                .api("DescribeRepositories")
            {
                Ok(o) => o,
                Err(e) => {
                    return self
                        .finish(self.start("ecr-repository", "*", "ECR repositories".into()), Err(e.into()));
                }
            };
            for r in out.repositories() {
                let (Some(arn), Some(name)) = (r.repository_arn(), r.repository_name()) else { continue };
                match c.ecr.list_tags_for_resource().resource_arn(arn).send().await.api("ListTagsForResource")
                {
                    Ok(t)
                        if owned_by(t.tags().iter().map(|t| (t.key(), t.value())), self.cluster)
                            && self.in_scope(t.tags().iter().map(|t| (t.key(), t.value()))) =>
                    {
                        ours.push(name.to_string())
                    }
                    Ok(_) => {}
                    Err(e) if e.is_not_found() => {}
                    Err(e) => {
                        return self.finish(
                            self.start("ecr-repository", name, format!("ECR repository `{name}`")),
                            Err(e.into()),
                        );
                    }
                }
            }
            token = out.next_token().map(str::to_string);
            if token.is_none() {
                break;
            }
        }
        for name in ours {
            if !self.options.delete_repositories {
                self.report.borrow_mut().kept.push(Removed { kind: "ecr-repository", id: name });
                continue;
            }
            let t = self.start("ecr-repository", &name, format!("ECR repository `{name}`"));
            let result = c
                .ecr
                .delete_repository()
                .repository_name(&name)
                .force(true)
                .send()
                .await
                .api("DeleteRepository")
                .or_not_found()
                .map(|_| ())
                .map_err(Into::into);
            failed |= self.finish(t, result).is_err();
        }
        if failed { Err(Stop) } else { Ok(()) }
    }
}

/// The EKS-made cluster security group of a described cluster.
fn ec_cluster_sg(cluster: Option<&aws_sdk_eks::types::Cluster>) -> Option<String> {
    cluster?.resources_vpc_config()?.cluster_security_group_id().map(str::to_string)
}

impl AwsCloud {
    /// Revoke these ingress and egress permissions of `group` (nothing when both are empty).
    pub(crate) async fn revoke_rules(
        &self,
        group: &str,
        ingress: Vec<aws_sdk_ec2::types::IpPermission>,
        egress: Vec<aws_sdk_ec2::types::IpPermission>,
    ) -> Result<(), CloudError> {
        if !ingress.is_empty() {
            self.ec2
                .revoke_security_group_ingress()
                .group_id(group)
                .set_ip_permissions(Some(ingress))
                .send()
                .await
                .api("RevokeSecurityGroupIngress")?;
        }
        if !egress.is_empty() {
            self.ec2
                .revoke_security_group_egress()
                .group_id(group)
                .set_ip_permissions(Some(egress))
                .send()
                .await
                .api("RevokeSecurityGroupEgress")?;
        }
        Ok(())
    }
}
