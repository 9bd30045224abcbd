//! `create cluster --rollback`: after a failed run, delete what this run created.

use anyhow::Result;

use super::CreateOptions;
use crate::cloud::{self, AwsCloud};
use crate::executor::{Action, Cancel, Outcome};
use crate::kubeconfig::{self, KubeconfigTarget};
use crate::output::Printer;
use crate::output::progress::Progress;
use crate::plan::{Plan, Resource};

/// Delete what this run created (the steps it reported as created, and the failed steps, whose
/// resource may exist half-made), keep what it found, and say which is which.
pub(super) async fn rollback(
    aws: &AwsCloud,
    plan: &Plan,
    outcome: &Outcome,
    cancel: &Cancel,
    create: &CreateOptions,
    printer: &Printer,
) -> Result<()> {
    let (name, region) = (plan.cluster.as_str(), plan.region.as_str());
    // What the run reported as created, and what it made in steps that then failed or timed out
    // (a node group that never became healthy): never what a step found.
    let mut created = aws.made_this_run();
    created.extend(outcome.finished.iter().filter(|(_, a)| *a == Action::Created).map(|(s, _)| s.clone()));
    let kept: Vec<&str> = outcome
        .finished
        .iter()
        .filter(|(s, a)| *a != Action::Created && !created.contains(s))
        .map(|(s, _)| s.as_str())
        .collect();
    let created: Vec<String> = created.into_iter().collect();
    if !kept.is_empty() {
        printer.warn(&format!(
            "keeping {} resources that existed before this run: {}",
            kept.len(),
            kept.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
        ));
    }
    if created.is_empty() {
        printer.warn("nothing to roll back: this run created nothing");
        return Ok(());
    }
    printer.warn(&format!("rolling back: deleting what this run created ({} steps)", created.len()));
    let plane_created = created
        .iter()
        .any(|s| plan.step(s).is_some_and(|st| matches!(st.resource, Resource::ControlPlane(_))));
    let report = aws
        .rollback(
            name,
            created,
            &cloud::DeleteOptions { cancel: cancel.clone(), ..Default::default() },
            &Progress::new(printer, create.json(), "rolling back", &format!("`{name}`")),
        )
        .await;
    for k in &report.kept {
        printer.info(&format!(
            "kept {} `{}`: it may hold data (`eksup delete cluster --delete-repositories` removes it)",
            k.kind.replace('-', " "),
            k.id
        ));
    }
    if !report.is_complete() {
        printer.warn("the rollback did not remove everything");
        printer.hint(&format!("remove it all with `eksup delete cluster --name {name} --region {region}`"));
        return Ok(());
    }
    printer.status("Rolled back", &format!("removed {} resources", report.removed.len()));
    if plane_created {
        // The kubeconfig entries of the removed cluster would point at nothing.
        remove_kubeconfig_entries(create, name, region, printer);
    }
    Ok(())
}

fn remove_kubeconfig_entries(create: &CreateOptions, name: &str, region: &str, printer: &Printer) {
    let target = KubeconfigTarget::resolve(create.kubeconfig.as_deref());
    match target.and_then(|t| kubeconfig::remove_cluster_entries(&t, name, region)) {
        Ok(k) if !k.names().is_empty() => printer.status(
            "Removed",
            &format!(
                "kubeconfig entries {}",
                k.names().iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
            ),
        ),
        Ok(_) => {}
        Err(e) => printer.warn(&format!("the kubeconfig was left as it is: {e:#}")),
    }
}
