//! A real `create cluster` run: who is calling, preflight, the plan's run with the kubeconfig
//! step, and what a failure leaves (the rollback policy).

use std::sync::Mutex;

use anyhow::Result;

use super::CreateOptions;
use super::report::{RunReport, phases};
use crate::cloud::auth::{self, ClusterConnection};
use crate::cloud::{self, AwsCloud};
use crate::config::Loaded;
use crate::error::UserError;
use crate::executor::{self, Action, Cancel, Outcome, RunOptions, StepContext, StepResult, WithKubeconfig};
use crate::kubeconfig::{self, WriteOutcome};
use crate::ops::RunEnd;
use crate::ops::kubeconfig::{KubeconfigRequest, write_connection_kubeconfig};
use crate::output::Printer;
use crate::output::progress::Progress;
use crate::plan::{self, Plan, PlanOptions, Resource, Val, keys};
use crate::settings::Settings;

pub(super) async fn apply(
    options: PlanOptions,
    loaded: &Loaded,
    create: &CreateOptions,
    settings: &Settings,
    printer: &Printer,
) -> Result<RunReport> {
    let (name, region) = (loaded.name().to_string(), loaded.region().to_string());
    let sdk = cloud::load_sdk_config(settings, Some(&region)).await?;
    let who = auth::caller_identity(&sdk).await.map_err(|e| {
        e.context(UserError::new("cannot reach AWS with the current credentials").hint(
            "check `AWS_PROFILE`/`--profile` and your credentials, e.g. with `aws sts get-caller-identity`",
        ))
    })?;
    // Trust policies name the account, so the plan applied is built once it is known.
    let plan = &plan::build(loaded, &PlanOptions { account_id: Some(who.account.clone()), ..options });
    let aws = AwsCloud::new(&sdk);
    // One look at what exists, for the preflight's name checks and the steps.
    aws.look_before_create(plan).await;
    if create.skip_preflight {
        printer.warn(
            "preflight skipped (`--skip-preflight`): quotas, zones, permissions and names are not checked",
        );
    } else {
        preflight(&aws, plan, &who.arn, printer).await?;
    }
    let cancel = Cancel::new();
    crate::ops::watch_interrupt(&cancel);
    let progress =
        Progress::new(printer, create.json(), "creating cluster", &format!("`{name}` in `{region}`"));
    let iam_user = kubeconfig::iam_user_from_arn(&who.arn);
    let (outcome, kube) = run(plan, &aws, &iam_user, create, settings, &progress, &cancel).await?;
    progress.finish();
    let tally = progress.tally();
    if let Some(path) = &create.timeline {
        let depends_on = plan.steps.iter().map(|s| (s.id.clone(), s.depends_on.clone())).collect();
        let title = format!("creating cluster `{name}` in `{region}`");
        crate::output::timeline::save(path, &title, &tally, &depends_on, printer);
    }
    let existing = outcome.finished.len();
    let mut end = RunEnd::of_run(&outcome, &format!("creating cluster `{name}`"), create.timeout);
    if create.prune && matches!(end, RunEnd::Done) {
        prune(&aws, plan, create, printer, &cancel).await?;
    }
    if let RunEnd::Failed(_) = end {
        if create.rollback {
            super::rollback::rollback(&aws, plan, &outcome, &cancel, create, printer).await?;
        }
        end = end
            .hint(format!("{existing} of {} steps finished and their resources exist now", plan.steps.len()));
        if !create.rollback {
            end = end.hint(RunReport::RERUN_HINT).hint(RunReport::delete_hint(&name, &region));
        }
    }
    Ok(RunReport {
        phases: phases(plan, &tally),
        cluster: name,
        region,
        json: create.json(),
        tally,
        kubeconfig: kube,
        elapsed: outcome.elapsed,
        steps: plan.steps.len(),
        existing,
        end,
        private_endpoint: plan
            .steps
            .iter()
            .any(|s| matches!(s.resource, crate::plan::Resource::EndpointAccess { .. })),
    })
}

/// `--prune`: once the run is done, delete the cluster's node groups, add-ons and Fargate
/// profiles the config no longer has (those eksup made), each waited for.
async fn prune(
    aws: &AwsCloud,
    plan: &Plan,
    create: &CreateOptions,
    printer: &Printer,
    cancel: &Cancel,
) -> Result<()> {
    let Some((_, removals)) = aws.observe(plan).await? else { return Ok(()) };
    if removals.is_empty() {
        printer.info("nothing to prune: everything of the cluster is in the config");
        return Ok(());
    }
    let progress = Progress::new(printer, create.json(), "pruning", &format!("`{}`", plan.cluster));
    let work = aws.prune(&plan.cluster, &removals, &progress, cancel);
    let pruned = tokio::time::timeout(create.timeout, work)
        .await
        .map_err(|_| UserError::new("timed out while pruning").hint("run the same command again"))??;
    progress.finish();
    for id in pruned {
        printer.status("Pruned", &format!("`{id}`: no longer in the config"));
    }
    Ok(())
}

/// Run the plan; the kubeconfig step writes the entries once the control plane is active.
async fn run(
    plan: &Plan,
    aws: &AwsCloud,
    iam_user: &str,
    create: &CreateOptions,
    settings: &Settings,
    progress: &Progress,
    cancel: &Cancel,
) -> Result<(Outcome, Option<WriteOutcome>)> {
    let request = KubeconfigRequest {
        kubeconfig: create.kubeconfig.clone(),
        set_current: create.set_kubeconfig_context,
        ..KubeconfigRequest::default()
    };
    let written: Mutex<Option<WriteOutcome>> = Mutex::new(None);
    let provider = WithKubeconfig {
        inner: aws,
        kubeconfig: |ctx: &StepContext<'_>| -> Result<StepResult> {
            let Resource::Kubeconfig { endpoint, certificate_authority } = &ctx.step.resource else {
                anyhow::bail!("step `{}` is not a kubeconfig step", ctx.step.id);
            };
            let connection = ClusterConnection {
                name: plan.cluster.clone(),
                arn: ctx.resolve(&Val::out("control-plane", keys::ARN)).unwrap_or_default(),
                endpoint: ctx.resolve(endpoint)?,
                certificate_authority: ctx.resolve_opt(certificate_authority)?,
                region: plan.region.clone(),
                status: "ACTIVE".into(),
            };
            let outcome = write_connection_kubeconfig(&connection, iam_user, settings, &request)?;
            let context = outcome.context.clone();
            let action = if outcome.updated { Action::Updated } else { Action::Created };
            let files = outcome.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
            if let Ok(mut w) = written.lock() {
                *w = Some(outcome);
            }
            Ok(StepResult::new(action).with("context", context).with("files", files))
        },
    };
    let options = RunOptions {
        parallelism: create.parallelism,
        timeout: Some(create.timeout),
        cancel: cancel.clone(),
        rank: crate::plan::estimate::tails(plan),
        ..RunOptions::default()
    };
    let outcome = executor::run(plan, &provider, progress, options)
        .await
        .map_err(|e| crate::ops::bug(e, "eksup built an inconsistent plan"))?;
    let kube = written.lock().ok().and_then(|w| w.clone());
    Ok((outcome, kube))
}

/// Check the plan against the account before the first change; every problem at once.
async fn preflight(aws: &AwsCloud, plan: &Plan, caller: &str, printer: &Printer) -> Result<()> {
    let found = aws.preflight(plan, caller).await;
    for note in &found.notes {
        printer.info(&format!("preflight: {note}"));
    }
    if found.problems.is_empty() {
        return Ok(());
    }
    for p in &found.problems {
        printer.error(&UserError::new(p.message.clone()).hint(p.hint.clone()).into());
    }
    let n = found.problems.len();
    Err(UserError::new(format!(
        "preflight found {n} problem{} with this plan: nothing was created",
        if n == 1 { "" } else { "s" }
    ))
    .hint("fix them and run the command again, or pass `--skip-preflight` to create anyway")
    .into())
}
