//! `eksup create cluster`: load the config, build the plan, print it (`--dry-run`) or apply it.

use anyhow::{Context as _, Result};

use crate::cli::{ConfigFileArg, CreateClusterArgs, QuickClusterArgs};
use crate::config::{self, Diagnostics, Loaded, Parsed, zones};
use crate::error::{ExitStatus, UserError};
use crate::output::{PlanFormat, Printer};
use std::sync::Mutex;

use crate::cloud::auth::{self, ClusterConnection};
use crate::cloud::{self, AwsCloud};
use crate::commands::kubeconfig::{self as commands_kubeconfig, KubeconfigRequest};
use crate::executor::{self, Action, Cancel, RunOptions, StepContext, StepResult, WithKubeconfig};
use crate::kubeconfig::{self, WriteOutcome};
use crate::output::progress::{Progress, Tally, short};
use crate::output::timeline;
use crate::plan::estimate::human;
use crate::plan::{self, Plan, PlanOptions, Resource, Val, estimate, keys, render};
use crate::settings::Settings;

pub fn create_cluster(args: CreateClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    graph_needs_dry_run(args.output, args.dry_run)?;
    let (text, origin) = read_config(&args.file, Some(&args.quick), settings)?;
    let loaded = load(&text, &origin, settings, printer, args.dry_run)?;
    let options = PlanOptions {
        write_kubeconfig: args.kubeconfig.write_kubeconfig,
        wait_nodes: args.wait_nodes,
        account_id: None,
    };
    let plan = plan::build(&loaded, &options);
    plan.check().context("eksup built an inconsistent plan; this is a bug, please report it")?;
    if args.dry_run {
        match args.output {
            None | Some(PlanFormat::Table) => printer.data(&render::tree(&plan)),
            Some(PlanFormat::Yaml) => printer.data(&config::to_yaml(&loaded.config)),
            Some(PlanFormat::Mermaid) => printer.data(&render::mermaid(&plan)),
            Some(PlanFormat::Dot) => printer.data(&render::dot(&plan)),
            Some(PlanFormat::Json) => {
                let cp = estimate::critical_path(&plan);
                let doc = serde_json::json!({
                    "plan": plan,
                    "criticalPath": cp,
                    "estimatedSeconds": cp.total.as_secs(),
                });
                printer.data(&serde_json::to_string_pretty(&doc)?);
            }
        }
        return Ok(ExitStatus::Success);
    }
    let json = args.output == Some(PlanFormat::Json);
    let rt = super::runtime()?;
    rt.block_on(apply(options, &loaded, &args, settings, printer, json))
}

/// Write the run's timeline; a failure to write it is a warning, not the run's failure.
pub fn write_timeline(
    path: &std::path::Path,
    title: &str,
    tally: &Tally,
    depends_on: &std::collections::BTreeMap<String, Vec<String>>,
    printer: &Printer,
) {
    let rows = timeline::rows(tally);
    let critical = timeline::critical_path(&rows, depends_on);
    match timeline::write(path, &timeline::svg(title, &rows, &critical)) {
        Ok(()) => printer.status("Wrote", &format!("timeline `{}` ({} steps)", path.display(), rows.len())),
        Err(e) => printer.warn(&format!("{e:#}")),
    }
}

/// `-o mermaid` and `-o dot` draw the plan: they go with `--dry-run`.
pub fn graph_needs_dry_run(output: Option<PlanFormat>, dry_run: bool) -> Result<()> {
    let name = match output {
        Some(PlanFormat::Mermaid) => "mermaid",
        Some(PlanFormat::Dot) => "dot",
        _ => return Ok(()),
    };
    if dry_run {
        return Ok(());
    }
    Err(UserError::usage(format!("`-o {name}` draws the plan and needs `--dry-run`"))
        .hint("add `--dry-run`, or use `--timeline FILE` for a picture of a real run")
        .into())
}

/// Ctrl-C: the first one stops new steps and lets calls in flight settle; a second one exits.
pub fn watch_interrupt(cancel: &Cancel) {
    let cancel = cancel.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            cancel.cancel();
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(i32::from(ExitStatus::Interrupted.code()));
            }
        }
    });
}

async fn apply(
    options: PlanOptions,
    loaded: &Loaded,
    args: &CreateClusterArgs,
    settings: &Settings,
    printer: &Printer,
    json: bool,
) -> Result<ExitStatus> {
    let name = loaded.name().to_string();
    let region = loaded.region().to_string();
    let sdk = cloud::load_sdk_config(settings, Some(&region)).await?;
    let who = auth::caller_identity(&sdk).await.map_err(|e| {
        e.context(UserError::new("cannot reach AWS with the current credentials").hint(
            "check `AWS_PROFILE`/`--profile` and your credentials, e.g. with `aws sts get-caller-identity`",
        ))
    })?;
    let iam_user = kubeconfig::iam_user_from_arn(&who.arn);
    // Trust policies name the account, so the plan applied is built once it is known.
    let plan = &plan::build(loaded, &PlanOptions { account_id: Some(who.account.clone()), ..options });
    let aws = AwsCloud::new(&sdk);
    if args.skip_preflight {
        printer.warn(
            "preflight skipped (`--skip-preflight`): quotas, zones, permissions and names are not checked",
        );
    } else {
        preflight(&aws, plan, &who.arn, printer).await?;
    }
    let cancel = Cancel::new();
    watch_interrupt(&cancel);
    let progress = Progress::new(printer, json, "creating cluster", &format!("`{name}` in `{region}`"));
    let request = KubeconfigRequest {
        kubeconfig: args.kubeconfig.kubeconfig.clone(),
        set_current: args.kubeconfig.set_kubeconfig_context,
        ..KubeconfigRequest::default()
    };
    let written: Mutex<Option<WriteOutcome>> = Mutex::new(None);
    let provider = WithKubeconfig {
        inner: &aws,
        kubeconfig: |ctx: &StepContext<'_>| -> Result<StepResult> {
            let Resource::Kubeconfig { endpoint, certificate_authority } = &ctx.step.resource else {
                anyhow::bail!("step `{}` is not a kubeconfig step", ctx.step.id);
            };
            let connection = ClusterConnection {
                name: name.clone(),
                arn: ctx.resolve(&Val::out("control-plane", keys::ARN)).unwrap_or_default(),
                endpoint: ctx.resolve(endpoint)?,
                certificate_authority: ctx.resolve_opt(certificate_authority)?,
                region: region.clone(),
                status: "ACTIVE".into(),
            };
            let outcome =
                commands_kubeconfig::write_connection_kubeconfig(&connection, &iam_user, settings, &request)?;
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
        parallelism: args.parallelism,
        timeout: Some(args.timeout),
        cancel: cancel.clone(),
        ..RunOptions::default()
    };
    let outcome = executor::run(plan, &provider, &progress, options)
        .await
        .context("eksup built an inconsistent plan; this is a bug, please report it")?;
    progress.finish();
    let tally = progress.tally();
    let kube = written.lock().ok().and_then(|w| w.clone());
    if let Some(path) = &args.timeline {
        let depends_on = plan.steps.iter().map(|s| (s.id.clone(), s.depends_on.clone())).collect();
        write_timeline(
            path,
            &format!("creating cluster `{name}` in `{region}`"),
            &tally,
            &depends_on,
            printer,
        );
    }

    let result = if outcome.is_success() {
        "created"
    } else if outcome.interrupted {
        "interrupted"
    } else {
        "failed"
    };
    if json {
        Progress::json_line(&serde_json::json!({
            "event": "summary",
            "cluster": name,
            "region": region,
            "result": result,
            "counts": tally.counts(),
            "phases": phases(plan, &tally).iter().map(|(p, d)| serde_json::json!({"phase": p, "seconds": d.as_secs_f64()})).collect::<Vec<_>>(),
            "failed": tally.failed,
            "skipped": tally.skipped,
            "kubeconfigContext": kube.as_ref().map(|k| k.context.clone()),
            "elapsedSeconds": outcome.elapsed.as_secs_f64(),
        }));
    }
    if outcome.is_success() {
        if !json {
            let counts = tally.counts();
            let what = counts
                .iter()
                .map(|(a, n)| format!("{n} {}", if *a == "existed" { "already there" } else { a }))
                .collect::<Vec<_>>()
                .join(", ");
            printer.status(
                "Finished",
                &format!("cluster `{name}` in `{region}` is ready in {} ({what})", human(outcome.elapsed)),
            );
            for (phase, d) in phases(plan, &tally) {
                printer.info(&format!("{:>14}  {phase}", short(d)));
            }
            if let Some(k) = &kube {
                commands_kubeconfig::report(k, printer);
            }
        }
        return Ok(ExitStatus::Success);
    }

    // What exists now, and the two ways out.
    let existing = outcome.finished.len();
    let delete_hint = format!("remove it all with `eksup delete cluster --name {name} --region {region}`");
    let rerun_hint =
        "run the same command again: it finds what exists and creates only what is missing".to_string();
    if outcome.interrupted {
        printer.warn(&format!(
            "interrupted: {existing} of {} steps had finished; nothing new was started",
            plan.steps.len()
        ));
        printer.hint(&rerun_hint);
        printer.hint(&delete_hint);
        return Ok(ExitStatus::Interrupted);
    }
    if args.rollback {
        rollback(&aws, plan, &outcome, &cancel, args, printer, json).await?;
    }
    let mut err = UserError::new(match outcome.failed.first() {
        Some((step, e)) => format!("creating cluster `{name}` failed at step `{step}`: {e:#}"),
        None if outcome.timed_out => {
            format!("creating cluster `{name}` timed out after {}", human(args.timeout))
        }
        None => format!("creating cluster `{name}` did not finish"),
    });
    for (step, e) in outcome.failed.iter().skip(1) {
        err = err.hint(format!("step `{step}` failed too: {e:#}"));
    }
    err =
        err.hint(format!("{existing} of {} steps finished and their resources exist now", plan.steps.len()));
    if !args.rollback {
        err = err.hint(rerun_hint).hint(delete_hint);
    }
    Err(err.into())
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

/// Delete what this run created (the steps it reported as created, and the failed steps, whose
/// resource may exist half-made), keep what it found, and say which is which.
async fn rollback(
    aws: &AwsCloud,
    plan: &Plan,
    outcome: &executor::Outcome,
    cancel: &Cancel,
    args: &CreateClusterArgs,
    printer: &Printer,
    json: bool,
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
            &Progress::new(printer, json, "rolling back", &format!("`{name}`")),
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
        let target = crate::kubeconfig::KubeconfigTarget::resolve(args.kubeconfig.kubeconfig.as_deref());
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
    Ok(())
}

/// How long each phase of the run took, wall clock: network, IAM, control plane, nodes, extras.
fn phases(plan: &Plan, tally: &Tally) -> Vec<(&'static str, std::time::Duration)> {
    let phase_of =
        |id: &str| -> &'static str { plan.step(id).map_or(plan::PHASES[4], |s| s.resource.phase()) };
    let mut spans: Vec<(&'static str, f64, f64)> = Vec::new();
    for s in &tally.finished {
        let p = phase_of(&s.step);
        let (start, end) = (s.started_at, s.started_at + s.seconds);
        match spans.iter_mut().find(|(n, _, _)| *n == p) {
            Some(span) => {
                span.1 = span.1.min(start);
                span.2 = span.2.max(end);
            }
            None => spans.push((p, start, end)),
        }
    }
    spans.sort_by(|a, b| a.1.total_cmp(&b.1));
    spans.into_iter().map(|(p, a, b)| (p, std::time::Duration::from_secs_f64((b - a).max(0.0)))).collect()
}

pub fn print_schema(printer: &Printer) -> Result<ExitStatus> {
    printer.data(&serde_json::to_string_pretty(config::schema())?);
    Ok(ExitStatus::Success)
}

/// The config text and its name for messages: the file, standard input, or the quick flags.
pub fn read_config(
    file: &ConfigFileArg,
    quick: Option<&QuickClusterArgs>,
    settings: &Settings,
) -> Result<(String, String)> {
    match &file.config_file {
        Some(path) if path.as_os_str() == "-" => {
            let bytes = config::source::read_capped(std::io::stdin().lock())
                .context("failed to read the config from standard input")?;
            Ok((config::source::decode(bytes, "<stdin>")?, "<stdin>".into()))
        }
        Some(path) => {
            if quick.is_some_and(quick_flags_used) {
                return Err(UserError::usage("cluster flags cannot be used with --config-file/-f")
                    .hint("put the settings in the config file, or drop `-f`")
                    .into());
            }
            // At most 4 MiB + 1 byte is read: `-f /dev/zero` fails at once.
            let bytes = std::fs::File::open(path).and_then(config::source::read_capped).map_err(|e| {
                UserError::new(format!("cannot read `{}`: {e}", path.display()))
                    .hint("check the path given to `-f`")
            })?;
            let origin = path.display().to_string();
            Ok((config::source::decode(bytes, &origin)?, origin))
        }
        None => match quick {
            Some(q) => Ok((quick_config(q, settings)?, "<flags>".into())),
            None => Err(UserError::usage("give the config file with `-f`").into()),
        },
    }
}

fn quick_flags_used(q: &QuickClusterArgs) -> bool {
    q.name.is_some()
        || q.version.is_some()
        || !q.tags.is_empty()
        || !q.zones.is_empty()
        || q.with_oidc
        || q.without_nodegroup
        || q.nodegroup_name.is_some()
        || q.node_type.is_some()
        || q.nodes.is_some()
        || q.nodes_min.is_some()
        || q.nodes_max.is_some()
        || q.node_volume_size.is_some()
        || q.node_volume_type.is_some()
        || q.node_ami_family.is_some()
        || q.node_private_networking
        || q.spot
        || !q.instance_types.is_empty()
        || q.vpc_cidr.is_some()
        || q.vpc_nat_mode.is_some()
        || q.fargate
        || !q.managed
}

/// The config the quick flags describe, as the YAML a user would write.
fn quick_config(q: &QuickClusterArgs, settings: &Settings) -> Result<String> {
    let Some(name) = &q.name else {
        return Err(UserError::usage("a cluster needs a name: give `--name` or a config file with `-f`")
            .hint("e.g. `eksup create cluster --name demo --region us-west-2 --dry-run`")
            .into());
    };
    let region = settings.region();
    let mut meta = serde_json::json!({ "name": name });
    if let Some(r) = region {
        meta["region"] = r.into();
    }
    if let Some(v) = &q.version {
        meta["version"] = v.clone().into();
    }
    if !q.tags.is_empty() {
        let mut tags = serde_json::Map::new();
        for t in &q.tags {
            let (k, v) = t.split_once('=').ok_or_else(|| {
                UserError::usage(format!("tag `{t}` is not `key=value`"))
                    .hint("write tags like `--tags team=infra,env=dev`")
            })?;
            tags.insert(k.to_string(), v.into());
        }
        meta["tags"] = tags.into();
    }
    let mut doc = serde_json::json!({ "apiVersion": config::EKSCTL_API_VERSION, "kind": "ClusterConfig", "metadata": meta });
    if !q.zones.is_empty() {
        doc["availabilityZones"] = q.zones.clone().into();
    }
    if q.with_oidc {
        doc["iam"] = serde_json::json!({ "withOIDC": true });
    }
    if q.vpc_cidr.is_some() || q.vpc_nat_mode.is_some() {
        let mut vpc = serde_json::Map::new();
        if let Some(c) = &q.vpc_cidr {
            vpc.insert("cidr".into(), c.clone().into());
        }
        if let Some(n) = &q.vpc_nat_mode {
            vpc.insert("nat".into(), serde_json::json!({ "gateway": n }));
        }
        doc["vpc"] = vpc.into();
    }
    if !q.without_nodegroup && !q.fargate {
        let mut ng = serde_json::Map::new();
        ng.insert("name".into(), q.nodegroup_name.clone().unwrap_or_else(|| "ng-1".into()).into());
        if !q.instance_types.is_empty() && q.managed {
            ng.insert("instanceTypes".into(), q.instance_types.clone().into());
        } else if let Some(t) = &q.node_type {
            ng.insert("instanceType".into(), t.clone().into());
        }
        for (k, v) in [("desiredCapacity", q.nodes), ("minSize", q.nodes_min), ("maxSize", q.nodes_max)] {
            if let Some(v) = v {
                ng.insert(k.into(), v.into());
            }
        }
        if let Some(s) = q.node_volume_size {
            ng.insert("volumeSize".into(), s.into());
        }
        if let Some(t) = &q.node_volume_type {
            ng.insert("volumeType".into(), t.clone().into());
        }
        if let Some(f) = &q.node_ami_family {
            ng.insert("amiFamily".into(), f.clone().into());
        }
        if q.node_private_networking {
            ng.insert("privateNetworking".into(), true.into());
        }
        if q.spot && q.managed {
            ng.insert("spot".into(), true.into());
        }
        let key = if q.managed { "managedNodeGroups" } else { "nodeGroups" };
        doc[key] = serde_json::json!([ng]);
    }
    if q.fargate {
        doc["fargateProfiles"] = serde_json::json!([{ "name": "fp-default", "selectors": [{ "namespace": "default" }, { "namespace": "kube-system" }] }]);
    }
    Ok(serde_json::to_string_pretty(&doc)?)
}

/// Print a config's problems and turn them into the command's error.
pub fn config_error(d: &Diagnostics, printer: &Printer) -> anyhow::Error {
    for item in &d.items {
        printer.stderr(&item.render(&d.origin));
    }
    UserError::new(format!("{d}")).hint("fix the problems above and run the command again").into()
}

/// Parse, choose zones, default and validate: the config a command works on.
pub fn load(
    text: &str,
    origin: &str,
    settings: &Settings,
    printer: &Printer,
    dry_run: bool,
) -> Result<Loaded> {
    let parsed = config::parse(text, origin).map_err(|d| config_error(&d, printer))?;
    for w in &parsed.warnings {
        printer.stderr(&w.render(origin));
    }
    let region = parsed.region().map(str::to_string).or_else(|| settings.region());
    let zones = if parsed.needs_zones() && parsed.pending.is_empty() {
        match &region {
            Some(r) => choose_zones(&parsed, r, settings, printer, dry_run)?,
            None => Vec::new(),
        }
    } else {
        Vec::new()
    };
    let loaded = config::finish(parsed, &zones, region.as_deref()).map_err(|d| config_error(&d, printer))?;
    for w in &loaded.warnings {
        printer.stderr(&w.render(origin));
    }
    Ok(loaded)
}

fn choose_zones(
    parsed: &Parsed,
    region: &str,
    settings: &Settings,
    printer: &Printer,
    dry_run: bool,
) -> Result<Vec<String>> {
    let _ = parsed;
    if dry_run && !crate::cloud::credentials_configured(settings) {
        let z = zones::assumed(region);
        printer.warn(&format!("no AWS credentials: assuming zones `{}` for the dry-run", z.join("`, `")));
        return Ok(z);
    }
    let rt = super::runtime()?;
    let found = rt.block_on(async {
        let sdk = crate::cloud::load_sdk_config(settings, Some(region)).await?;
        crate::cloud::availability_zones(&if dry_run { crate::cloud::quick(&sdk) } else { sdk }).await
    });
    match found {
        Ok(available) => zones::pick(region, &available).map_err(|e| {
            UserError::new(e).hint("name the zones with `availabilityZones:` in the config").into()
        }),
        Err(e) if dry_run => {
            let z = zones::assumed(region);
            printer.warn(&format!(
                "could not ask AWS for zones ({e:#}): assuming `{}` for the dry-run",
                z.join("`, `")
            ));
            Ok(z)
        }
        Err(e) => Err(e.context(
            UserError::new("cannot choose availability zones")
                .hint("check your AWS credentials and region, or name the zones with `availabilityZones:`"),
        )),
    }
}
