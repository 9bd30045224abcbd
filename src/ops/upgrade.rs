//! `upgrade cluster` and `upgrade nodegroup`.
//!
//! A control plane moves one minor version at a time, as EKS allows. Before it starts, EKS's
//! upgrade insights and what eksup can see itself (managed node groups behind the control plane,
//! which EKS refuses; add-ons with no version for the new Kubernetes) are checked and every blocker is reported at once; then the
//! control plane is upgraded and waited for, and then every installed add-on whose version does
//! not run on the new Kubernetes is moved to the version EKS installs by default there. Without
//! `--approve` only the plan is shown, as eksctl does.
//!
//! A managed node group is rolled by EKS (UpdateNodegroupVersion: new nodes first, then the old
//! ones drained, PodDisruptionBudgets respected unless `--force-upgrade`); eksup waits for the
//! update and then for the group's nodes to be Ready at the new version.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::load::{ClusterRef, Named};
use super::{Change, Report, RunEnd};
use crate::cloud::{
    self, AddonChange, AwsCloud, Insight, NodegroupKind, NodegroupVersion, NodegroupVersionChange,
    SelfManagedGroup, minor,
};
use crate::config::defaults::NODEGROUP_NAME_LABEL;
use crate::error::UserError;
use crate::executor::Cancel;
use crate::kubernetes::DrainOptions;
use crate::output::Printer;
use crate::output::progress::Progress;
use crate::settings::Settings;

#[derive(Debug, Clone)]
pub struct UpgradeClusterOptions {
    pub cluster: ClusterRef,
    /// The version to reach (default: the config's `metadata.version`, else the next minor).
    pub version: Option<String>,
    pub approve: bool,
    /// Go on although EKS's upgrade insights report errors.
    pub force: bool,
    pub json: bool,
    pub timeout: Duration,
}

/// One add-on moved to the new Kubernetes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddonStep {
    pub addon: String,
    pub from: String,
    pub to: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeClusterReport {
    pub cluster: String,
    pub action: Change,
    pub from: String,
    pub to: String,
    /// EKS's upgrade insights for `to`.
    pub insights: Vec<Insight>,
    /// Add-ons to move (or moved) to versions that run on `to`.
    pub addons: Vec<AddonStep>,
    /// What stops the upgrade; nothing is changed while there is one.
    pub blockers: Vec<String>,
    pub update_id: Option<String>,
    #[serde(skip)]
    pub json: bool,
}

impl Report for UpgradeClusterReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let cluster = format!("cluster `{}`", self.cluster);
        if self.action == Change::Unchanged {
            printer.info(&format!("{cluster} runs Kubernetes `{}` already: nothing to upgrade", self.from));
            return Ok(());
        }
        for i in &self.insights {
            let line = format!("upgrade insight `{}`: {} ({})", i.name, i.status, i.reason);
            if i.blocks() { printer.warn(&line) } else { printer.info(&line) }
        }
        let addons = self
            .addons
            .iter()
            .map(|a| format!("`{}` `{}` -> `{}`", a.addon, a.from, a.to))
            .collect::<Vec<_>>()
            .join(", ");
        match self.action {
            Change::Plan => {
                printer.info(&format!(
                    "would upgrade the control plane of {cluster} from `{}` to `{}`",
                    self.from, self.to
                ));
                if !addons.is_empty() {
                    printer.info(&format!("then would update the add-ons {addons}"));
                }
                if self.blockers.is_empty() {
                    printer.warn("nothing was changed: run again with `--approve` to upgrade");
                }
            }
            _ => {
                printer.status("Upgraded", &format!("{cluster} from `{}` to `{}`", self.from, self.to));
                if !addons.is_empty() {
                    printer.status("Updated", &format!("add-ons {addons}"));
                }
            }
        }
        Ok(())
    }

    fn end(self) -> RunEnd {
        if self.blockers.is_empty() {
            return RunEnd::Done;
        }
        let mut e = UserError::new(format!(
            "cannot upgrade cluster `{}` to `{}`: {}",
            self.cluster,
            self.to,
            self.blockers.join("; ")
        ));
        if self.insights.iter().any(Insight::blocks) {
            e = e.hint("fix what the insights name and run again; `--force` overrides EKS's insights");
        } else {
            e = e.hint("fix what is named above and run again");
        }
        RunEnd::Failed(e)
    }
}

/// The version to reach: asked for, or the next minor one. A skip, a downgrade or a version
/// EKS does not offer is refused with what to do instead.
fn target_version(
    cluster: &str,
    current: &str,
    asked: Option<&str>,
    offered: &[String],
) -> Result<String, UserError> {
    let next = format!("1.{}", minor(current) + 1);
    let Some(asked) = asked else {
        if !offered.contains(&next) {
            return Err(UserError::new(format!(
                "cluster `{cluster}` runs `{current}`, the newest version EKS offers here"
            )));
        }
        return Ok(next);
    };
    let (have, want) = (minor(current), minor(asked));
    if want == 0 || !offered.iter().any(|v| v == asked) {
        return Err(UserError::usage(format!("EKS offers no Kubernetes `{asked}`")).hint(format!(
            "choose one of `{}` (`eksup utils describe-cluster-versions`)",
            offered.join("`, `")
        )));
    }
    if want < have {
        return Err(UserError::usage(format!(
            "cluster `{cluster}` runs `{current}`: EKS cannot go back to `{asked}`"
        ))
        .hint("a control plane only moves forward; create a new cluster for an older version"));
    }
    if want > have + 1 {
        return Err(UserError::usage(format!(
            "cannot upgrade cluster `{cluster}` from `{current}` to `{asked}`: EKS moves one minor version at a time"
        ))
        .hint(format!("upgrade to `{next}` first: `eksup upgrade cluster --name {cluster} --version {next} --approve`")));
    }
    Ok(asked.to_string())
}

/// Upgrade (or plan the upgrade of) a control plane and its add-ons.
pub fn upgrade_cluster(
    options: &UpgradeClusterOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<UpgradeClusterReport> {
    let o = options;
    let Named { name, region, version: configured, force: file_force, rollback_minutes } =
        o.cluster.resolve(settings, printer)?;
    let force = o.force || file_force;
    let rollback = rollback_minutes.map(|m| i32::try_from(m).unwrap_or(i32::MAX));
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, region.as_deref()).await?;
        let aws = AwsCloud::new(&sdk);
        let info = aws.describe_cluster(&name).await?.ok_or_else(|| {
            UserError::new(format!("no cluster `{name}`")).hint("list them with `eksup get cluster`")
        })?;
        let current = info.version.clone().unwrap_or_default();
        let asked = o.version.clone().or(configured);
        let mut report = UpgradeClusterReport {
            cluster: name.clone(),
            action: Change::Plan,
            from: current.clone(),
            to: current.clone(),
            insights: Vec::new(),
            addons: Vec::new(),
            blockers: Vec::new(),
            update_id: None,
            json: o.json,
        };
        if asked.as_deref() == Some(current.as_str()) {
            report.action = Change::Unchanged;
            return Ok(report);
        }
        let offered = aws.cluster_versions().await?.into_iter().map(|v| v.version).collect::<Vec<_>>();
        let to = target_version(&name, &current, asked.as_deref(), &offered)?;
        report.to.clone_from(&to);
        if info.status != "ACTIVE" {
            report.blockers.push(format!("the cluster is `{}`, not `ACTIVE`", info.status));
        }
        report.insights = aws.upgrade_insights(&name, &to).await?;
        if !force {
            report.blockers.extend(
                report.insights.iter().filter(|i| i.blocks()).map(|i| format!("insight `{}`: {}", i.name, i.reason)),
            );
        }
        // EKS refuses to move a control plane while a managed node group is behind it (the
        // kubelets of other nodes are EKS's "Kubelet version skew" insight).
        for ng in aws.list_nodegroups(&name).await? {
            let Some(v) = aws.nodegroup_version(&name, &ng.name).await? else { continue };
            if minor(&v.version) < minor(&current) {
                report.blockers.push(format!(
                    "managed node group `{}` runs `{}`, behind the control plane's `{current}`: upgrade it first (`eksup upgrade nodegroup --cluster {name} --name {}`)",
                    ng.name, v.version, ng.name
                ));
            }
        }
        // Add-ons: each moves to EKS's default for the new version unless its own runs there.
        let offered_addons = aws.offered_addon_versions(&to, None).await?;
        for (addon, version) in aws.installed_addons(&name).await? {
            let versions = offered_addons.iter().filter(|v| v.addon == addon).collect::<Vec<_>>();
            let runs_there = versions.iter().any(|v| v.version == version);
            let default = versions.iter().find(|v| v.default).or_else(|| versions.first());
            match default {
                Some(d) if !runs_there || super::addon::version_key(&d.version) > super::addon::version_key(&version) => {
                    report.addons.push(AddonStep { addon, from: version, to: d.version.clone() });
                }
                Some(_) => {}
                None => report.blockers.push(format!("add-on `{addon}` has no version for Kubernetes `{to}`")),
            }
        }
        if !o.approve || !report.blockers.is_empty() {
            return Ok(report);
        }
        let cancel = Cancel::new();
        super::watch_interrupt(&cancel);
        let work = async {
            let progress = Progress::new(printer, false, "upgrading cluster", &format!("`{name}` to `{to}`"));
            let id = aws.update_cluster_version(&name, &to, (force, rollback), &progress, &cancel).await?;
            progress.finish();
            for step in &report.addons {
                let progress = Progress::new(printer, false, "updating add-on", &format!("`{}`", step.addon));
                let change = AddonChange {
                    version: Some(step.to.clone()),
                    configuration_values: None,
                    service_account_role_arn: None,
                    pod_identities: None,
                    resolve_conflicts: None,
                };
                aws.update_addon(&name, &step.addon, &change, &progress, &cancel).await?;
                progress.finish();
            }
            anyhow::Ok(id)
        };
        let id = tokio::time::timeout(o.timeout, work).await.map_err(|_| {
            UserError::new("timed out")
                .hint("the upgrade goes on in EKS; run the same command again to finish the add-ons")
        })??;
        report.action = Change::Upgraded;
        report.update_id = Some(id);
        Ok(report)
    })
}

#[derive(Debug, Clone)]
pub struct UpgradeNodegroupOptions {
    pub cluster: String,
    pub name: String,
    pub kubernetes_version: Option<String>,
    pub release_version: Option<String>,
    pub launch_template_version: Option<String>,
    pub force: bool,
    /// Wait for the update and for the nodes to be Ready at the new version.
    pub wait: bool,
    pub json: bool,
    pub timeout: Duration,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpgradeNodegroupReport {
    pub cluster: String,
    pub nodegroup: String,
    pub kind: NodegroupKind,
    pub action: Change,
    pub from: String,
    pub to: String,
    /// A managed group's AMI release, once upgraded.
    pub release_version: Option<String>,
    /// EKS's update of a managed group.
    pub update_id: Option<String>,
    /// A self-managed group: its instance refresh, the launch template version it moved to, and
    /// the nodes drained before their instances went.
    pub instance_refresh_id: Option<String>,
    pub launch_template_version: Option<String>,
    pub drained: Vec<String>,
    /// The group's Ready nodes at the new version, once waited for.
    pub nodes: Vec<String>,
    #[serde(skip)]
    pub json: bool,
}

impl Report for UpgradeNodegroupReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.json {
            printer.data(&serde_json::to_string_pretty(self)?);
            return Ok(());
        }
        let group = format!("node group `{}` of cluster `{}`", self.nodegroup, self.cluster);
        if self.action == Change::Unchanged {
            printer
                .info(&format!("{group} runs the newest image of `{}` already: nothing to upgrade", self.to));
            return Ok(());
        }
        let release =
            self.release_version.as_deref().map(|r| format!(" (release `{r}`)")).unwrap_or_default();
        if self.nodes.is_empty() {
            printer.status("Started", &format!("the upgrade of {group} to `{}`{release}", self.to));
        } else {
            printer.status(
                "Upgraded",
                &format!(
                    "{group} from `{}` to `{}`{release}: {} node(s) Ready",
                    self.from,
                    self.to,
                    self.nodes.len()
                ),
            );
        }
        Ok(())
    }
}

/// The version a managed node group moves to and what to ask EKS for; refused when EKS would
/// refuse it (a version for a custom AMI, a template it does not have, ahead of the control
/// plane, backwards).
fn nodegroup_change(
    o: &UpgradeNodegroupOptions,
    now: &NodegroupVersion,
    cluster_version: &str,
) -> Result<(String, NodegroupVersionChange), UserError> {
    if now.custom_ami && (o.kubernetes_version.is_some() || o.release_version.is_some()) {
        return Err(UserError::usage(format!(
            "node group `{}` runs the AMI of its launch template: EKS cannot choose a version for it",
            o.name
        ))
        .hint("put the new AMI in a new launch template version and pass `--launch-template-version`"));
    }
    if o.launch_template_version.is_some() && now.launch_template.is_none() {
        return Err(UserError::usage(format!("node group `{}` has no launch template", o.name))
            .hint("drop `--launch-template-version`"));
    }
    let to = o
        .kubernetes_version
        .clone()
        .unwrap_or_else(|| if now.custom_ami { now.version.clone() } else { cluster_version.to_string() });
    if minor(&to) > minor(cluster_version) {
        return Err(UserError::usage(format!(
            "cluster `{}` runs `{cluster_version}`: node group `{}` cannot go to `{to}` before the control plane",
            o.cluster, o.name
        ))
        .hint(format!("upgrade the control plane first: `eksup upgrade cluster --name {} --approve`", o.cluster)));
    }
    if minor(&to) < minor(&now.version) {
        return Err(UserError::usage(format!(
            "node group `{}` runs `{}`: EKS cannot go back to `{to}`",
            o.name, now.version
        )));
    }
    let change = NodegroupVersionChange {
        version: (!now.custom_ami).then(|| to.clone()),
        release_version: o.release_version.clone(),
        launch_template: match (&now.launch_template, &o.launch_template_version) {
            (Some((id, _)), Some(v)) => Some((id.clone(), v.clone())),
            _ => None,
        },
        force: o.force,
    };
    Ok((to, change))
}

/// Upgrade a node group: a managed one through EKS, a self-managed one by an instance refresh.
pub fn upgrade_nodegroup(
    options: &UpgradeNodegroupOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<UpgradeNodegroupReport> {
    let o = options;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        let info = aws.describe_cluster(&o.cluster).await?.ok_or_else(|| {
            UserError::new(format!("no cluster `{}`", o.cluster)).hint("list them with `eksup get cluster`")
        })?;
        let cluster_version = info.version.unwrap_or_default();
        let cancel = Cancel::new();
        super::watch_interrupt(&cancel);
        let progress = Progress::new(printer, false, "upgrading node group", &format!("`{}`", o.name));
        let work = async {
            if let Some(now) = aws.nodegroup_version(&o.cluster, &o.name).await? {
                return upgrade_managed(&aws, o, &now, &cluster_version, &progress, &cancel).await;
            }
            if let Some(group) = aws.self_managed_group(&o.cluster, &o.name).await? {
                return upgrade_self_managed(&aws, o, &group, &cluster_version, &progress, &cancel).await;
            }
            Err(UserError::new(format!("no node group `{}` in cluster `{}`", o.name, o.cluster))
                .hint(format!("list them with `eksup get nodegroup --cluster {}`", o.cluster))
                .into())
        };
        let report = tokio::time::timeout(o.timeout, work).await.map_err(|_| {
            UserError::new("timed out").hint(format!(
                "the upgrade goes on in AWS; see `eksup get nodegroup --cluster {}` and run the same command again",
                o.cluster
            ))
        })??;
        progress.finish();
        Ok(report)
    })
}

fn new_report(
    o: &UpgradeNodegroupOptions,
    kind: NodegroupKind,
    from: &str,
    to: &str,
) -> UpgradeNodegroupReport {
    UpgradeNodegroupReport {
        cluster: o.cluster.clone(),
        nodegroup: o.name.clone(),
        kind,
        action: Change::Upgraded,
        from: from.to_string(),
        to: to.to_string(),
        release_version: None,
        update_id: None,
        instance_refresh_id: None,
        launch_template_version: None,
        drained: Vec::new(),
        nodes: Vec::new(),
        json: o.json,
    }
}

/// The hint for an update a PodDisruptionBudget stopped.
fn held_by_budget(e: anyhow::Error) -> anyhow::Error {
    let text = format!("{e:#}");
    if !text.contains("PodEvictionFailure") {
        return e;
    }
    UserError::new(text)
        .hint(
            "a PodDisruptionBudget kept pods on the old nodes: let it allow a disruption (more \
             replicas, or a lower `minAvailable`) and run again, or pass `--force-upgrade` to replace \
             the nodes anyway",
        )
        .into()
}

async fn upgrade_managed(
    aws: &AwsCloud,
    o: &UpgradeNodegroupOptions,
    now: &NodegroupVersion,
    cluster_version: &str,
    progress: &Progress,
    cancel: &Cancel,
) -> Result<UpgradeNodegroupReport> {
    let (to, change) = nodegroup_change(o, now, cluster_version)?;
    let mut report = new_report(o, NodegroupKind::Managed, &now.version, &to);
    if !o.wait {
        report.update_id = Some(aws.start_nodegroup_version_update(&o.cluster, &o.name, &change).await?);
        return Ok(report);
    }
    let id = aws
        .update_nodegroup_version(&o.cluster, &o.name, &change, progress, cancel)
        .await
        .map_err(held_by_budget)?;
    report.update_id = Some(id);
    let selector = format!("eks.amazonaws.com/nodegroup={}", o.name);
    let want = usize::try_from(now.desired).unwrap_or(0);
    report.nodes = aws.nodes_at_version(&o.cluster, &selector, want, &to, progress, cancel).await?;
    report.release_version =
        aws.nodegroup_version(&o.cluster, &o.name).await?.and_then(|v| v.release_version);
    Ok(report)
}

async fn upgrade_self_managed(
    aws: &AwsCloud,
    o: &UpgradeNodegroupOptions,
    group: &SelfManagedGroup,
    cluster_version: &str,
    progress: &Progress,
    cancel: &Cancel,
) -> Result<UpgradeNodegroupReport> {
    if o.release_version.is_some() || o.launch_template_version.is_some() {
        return Err(UserError::usage(format!(
            "node group `{}` is self-managed: eksup makes its launch template version itself",
            o.name
        ))
        .hint("drop `--release-version` and `--launch-template-version`; `--kubernetes-version` chooses the image")
        .into());
    }
    if !o.wait {
        return Err(UserError::usage("a self-managed node group is upgraded while eksup drains its nodes")
            .hint("drop `--wait=false`")
            .into());
    }
    let Some((from, parameter)) = cloud::ami_lineage(&group.image_name) else {
        return Err(UserError::new(format!(
            "node group `{}` runs AMI `{}` (`{}`), not an EKS-optimized one: eksup cannot choose its next image",
            o.name, group.image, group.image_name
        ))
        .hint("build the image for the new version, then replace the group: create a new node group and delete this one")
        .into());
    };
    let now = NodegroupVersion {
        nodegroup: o.name.clone(),
        status: String::new(),
        version: from.clone(),
        release_version: None,
        launch_template: None,
        custom_ami: false,
        desired: group.desired,
    };
    let (to, _) = nodegroup_change(o, &now, cluster_version)?;
    let mut report = new_report(o, NodegroupKind::SelfManaged, &from, &to);
    let image = aws.ami_from_ssm(&parameter(&to)).await?;
    if image == group.image {
        report.action = Change::Unchanged;
        return Ok(report);
    }
    let drain = DrainOptions { disable_eviction: o.force, ..DrainOptions::default() };
    let rolled = aws
        .roll_self_managed(&o.cluster, group, &image, &drain, progress, cancel)
        .await
        .map_err(held_by_budget)?;
    report.instance_refresh_id = rolled.refresh_id;
    report.launch_template_version = Some(rolled.launch_template_version);
    report.drained = rolled.drained;
    let selector = format!("{NODEGROUP_NAME_LABEL}={}", o.name);
    let want = usize::try_from(group.desired).unwrap_or(0);
    report.nodes = aws.nodes_at_version(&o.cluster, &selector, want, &to, progress, cancel).await?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{NodegroupVersion, UpgradeNodegroupOptions, nodegroup_change, target_version};

    fn options(version: Option<&str>, template: Option<&str>) -> UpgradeNodegroupOptions {
        UpgradeNodegroupOptions {
            cluster: "c".into(),
            name: "ng".into(),
            kubernetes_version: version.map(Into::into),
            release_version: None,
            launch_template_version: template.map(Into::into),
            force: false,
            wait: true,
            json: false,
            timeout: Duration::from_secs(60),
        }
    }

    fn group(version: &str, custom_ami: bool, template: bool) -> NodegroupVersion {
        NodegroupVersion {
            nodegroup: "ng".into(),
            status: "ACTIVE".into(),
            version: version.into(),
            release_version: None,
            launch_template: template.then(|| ("lt-1".to_string(), "1".to_string())),
            custom_ami,
            desired: 2,
        }
    }

    #[test]
    fn a_node_group_follows_its_control_plane_and_never_passes_it() {
        let (to, change) =
            nodegroup_change(&options(None, None), &group("1.30", false, false), "1.31").unwrap();
        assert_eq!((to.as_str(), change.version.as_deref()), ("1.31", Some("1.31")));
        let ahead = nodegroup_change(&options(Some("1.32"), None), &group("1.30", false, false), "1.31");
        assert!(ahead.unwrap_err().to_string().contains("before the control plane"));
        let back = nodegroup_change(&options(Some("1.29"), None), &group("1.30", false, false), "1.31");
        assert!(back.unwrap_err().to_string().contains("cannot go back"));
    }

    #[test]
    fn a_custom_ami_moves_by_launch_template_version_only() {
        let custom = group("1.30", true, true);
        assert!(nodegroup_change(&options(Some("1.31"), None), &custom, "1.31").is_err());
        let (to, change) = nodegroup_change(&options(None, Some("2")), &custom, "1.31").unwrap();
        assert_eq!(to, "1.30");
        assert_eq!(change.version, None);
        assert_eq!(change.launch_template, Some(("lt-1".into(), "2".into())));
        let no_template = nodegroup_change(&options(None, Some("2")), &group("1.30", false, false), "1.31");
        assert!(no_template.unwrap_err().to_string().contains("has no launch template"));
    }

    fn offered() -> Vec<String> {
        (28..=35).map(|m| format!("1.{m}")).collect()
    }

    #[test]
    fn the_next_minor_version_is_the_default_target() {
        assert_eq!(target_version("c", "1.30", None, &offered()).unwrap(), "1.31");
        assert!(target_version("c", "1.35", None, &offered()).unwrap_err().to_string().contains("newest"));
    }

    #[test]
    fn a_skip_a_downgrade_and_an_unknown_version_are_refused_with_what_to_do() {
        let skip = target_version("c", "1.30", Some("1.32"), &offered()).unwrap_err();
        assert!(skip.to_string().contains("one minor version at a time"), "{skip}");
        assert!(format!("{skip:?}").contains("--version 1.31"), "{skip:?}");
        let back = target_version("c", "1.30", Some("1.29"), &offered()).unwrap_err();
        assert!(back.to_string().contains("cannot go back"), "{back}");
        let unknown = target_version("c", "1.30", Some("1.99"), &offered()).unwrap_err();
        assert!(unknown.to_string().contains("no Kubernetes `1.99`"), "{unknown}");
        assert_eq!(target_version("c", "1.30", Some("1.31"), &offered()).unwrap(), "1.31");
    }
}
