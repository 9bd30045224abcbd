//! `init`: write a commented cluster config from `templates/init/`, asking on a terminal.
//!
//! Every question has a flag; with `--non-interactive`, without a terminal, or when `CI` is set
//! it uses the flags and defaults and never blocks. What it writes is loaded and validated before
//! the file is written (atomically), so it always loads.

use anyhow::{Context as _, Result};
use clap::ValueEnum as _;
use console::Term;
use dialoguer::theme::ColorfulTheme;
use dialoguer::{Confirm, Input, Select};

use super::create_cluster::{CreateOptions, CreateReport};
use super::load::config_error;
use super::{Report, RunEnd};
use crate::cli::{CreateClusterArgs, InitArgs, NatMode, NodeKind};
use crate::config::{self, defaults, rules, valid_repository_name, zones};
use crate::error::UserError;
use crate::output::Printer;
use crate::plan::{self, PlanOptions, render};
use crate::settings::{self, Settings};

const HEADER: &str = include_str!("../../templates/init/header.yaml");
const MANAGED: &str = include_str!("../../templates/init/managed.yaml");
const SELF_MANAGED: &str = include_str!("../../templates/init/self-managed.yaml");
const FARGATE: &str = include_str!("../../templates/init/fargate.yaml");
const ECR: &str = include_str!("../../templates/init/ecr.yaml");
const ECR_REPOSITORY: &str = include_str!("../../templates/init/ecr-repository.yaml");

/// The answers, from flags, defaults and questions.
#[derive(Debug, Clone)]
pub struct Answers {
    pub name: String,
    pub region: String,
    pub version: String,
    pub node_kind: NodeKind,
    pub instance_type: String,
    pub min: u32,
    pub desired: u32,
    pub max: u32,
    pub private_networking: bool,
    pub nat: NatMode,
    pub repositories: Vec<String>,
}

/// What `init` did: the file is written; `--create` (or a yes on a terminal) created the cluster.
#[derive(Debug)]
pub struct InitReport {
    pub created: Option<CreateReport>,
}

impl Report for InitReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        self.created.as_ref().map_or(Ok(()), |c| c.print(printer))
    }

    fn end(self) -> RunEnd {
        self.created.map_or(RunEnd::Done, Report::end)
    }
}

fn check_name(s: &str) -> Result<(), String> {
    if rules::cluster_name(s) {
        Ok(())
    } else {
        Err(format!("`{s}` is not a valid cluster name: {}", rules::CLUSTER_NAME_HINT))
    }
}

fn check_sizes(min: u32, desired: u32, max: u32) -> Result<(), String> {
    if let Some(problem) = rules::sizes(Some(min.into()), Some(desired.into()), Some(max.into())) {
        return Err(format!("need min <= desired <= max, got {min} / {desired} / {max}: {problem}"));
    }
    if max == 0 {
        return Err("max must be at least 1".into());
    }
    Ok(())
}

fn check_repositories(list: &[String]) -> Result<(), String> {
    match list.iter().find(|r| !valid_repository_name(r)) {
        Some(bad) => {
            Err(format!("`{bad}` is not a valid ECR repository name (lowercase, digits, `.`, `_`, `-`, `/`)"))
        }
        None => Ok(()),
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty()).map(str::to_string).collect()
}

/// The answers from flags and defaults only.
pub fn answers_from_flags(args: &InitArgs, settings: &Settings) -> Result<Answers> {
    let region = settings.region().unwrap_or_else(|| "us-west-2".into());
    let desired = args.nodes.unwrap_or(2);
    let a = Answers {
        name: args.name.clone().unwrap_or_else(|| "my-cluster".into()),
        region,
        version: args
            .kubernetes_version
            .clone()
            .unwrap_or_else(|| defaults::DEFAULT_KUBERNETES_VERSION.into()),
        node_kind: args.node_kind.unwrap_or_default(),
        instance_type: args.instance_type.clone().unwrap_or_else(|| defaults::DEFAULT_INSTANCE_TYPE.into()),
        min: args.nodes_min.unwrap_or(desired.min(args.nodes_max.unwrap_or(desired))),
        desired,
        max: args.nodes_max.unwrap_or(desired.max(args.nodes_min.unwrap_or(desired)).max(1)),
        private_networking: args.private_networking.unwrap_or(false),
        nat: args.nat.unwrap_or_default(),
        repositories: args.repositories.clone(),
    };
    let bad = |m: String| -> anyhow::Error { UserError::usage(m).into() };
    check_name(&a.name).map_err(&bad)?;
    check_sizes(a.min, a.desired, a.max).map_err(&bad)?;
    check_repositories(&a.repositories).map_err(bad)?;
    Ok(a)
}

/// Ask what the flags leave open.
fn ask(args: &InitArgs, defaults: Answers) -> Result<Answers> {
    let theme = ColorfulTheme::default();
    let term = Term::stderr();
    let mut a = defaults;
    if args.name.is_none() {
        a.name = Input::with_theme(&theme)
            .with_prompt("cluster name")
            .default(a.name.clone())
            .validate_with(|s: &String| check_name(s))
            .interact_text_on(&term)?;
    }
    a.region =
        Input::with_theme(&theme).with_prompt("region").default(a.region.clone()).interact_text_on(&term)?;
    if args.kubernetes_version.is_none() {
        a.version = Input::with_theme(&theme)
            .with_prompt("Kubernetes version")
            .default(a.version.clone())
            .validate_with(|s: &String| {
                if s.strip_prefix("1.").is_some_and(|m| m.parse::<u32>().is_ok()) {
                    Ok(())
                } else {
                    Err(format!("`{s}` is not a version like `1.34`"))
                }
            })
            .interact_text_on(&term)?;
    }
    if args.node_kind.is_none() {
        let i = Select::with_theme(&theme)
            .with_prompt("node kind")
            .items([
                "managed (EKS runs the nodes)",
                "self-managed (launch template + Auto Scaling group)",
                "fargate (no nodes)",
                "mixed (all three)",
            ])
            .default(0)
            .interact_on(&term)?;
        a.node_kind = NodeKind::value_variants()[i];
    }
    if a.node_kind != NodeKind::Fargate {
        ask_nodes(args, &mut a, &theme, &term)?;
    }
    if args.nat.is_none() {
        let i = Select::with_theme(&theme)
            .with_prompt("NAT gateways")
            .items([
                "Single (one, cheapest)",
                "HighlyAvailable (one per zone)",
                "Disable (no internet from private subnets)",
            ])
            .default(0)
            .interact_on(&term)?;
        a.nat = NatMode::value_variants()[i];
    }
    if args.repositories.is_empty() {
        let repos: String = Input::with_theme(&theme)
            .with_prompt("ECR repositories (comma separated, empty for none)")
            .allow_empty(true)
            .validate_with(|s: &String| check_repositories(&split_list(s)))
            .interact_text_on(&term)?;
        a.repositories = split_list(&repos);
    }
    Ok(a)
}

/// The questions about nodes: instance type, sizes, private subnets.
fn ask_nodes(args: &InitArgs, a: &mut Answers, theme: &ColorfulTheme, term: &Term) -> Result<()> {
    if args.instance_type.is_none() {
        a.instance_type = Input::with_theme(theme)
            .with_prompt("instance type")
            .default(a.instance_type.clone())
            .interact_text_on(term)?;
    }
    if args.nodes_min.is_none() && args.nodes.is_none() && args.nodes_max.is_none() {
        loop {
            let sizes: String = Input::with_theme(theme)
                .with_prompt("nodes min/desired/max")
                .default(format!("{}/{}/{}", a.min, a.desired, a.max))
                .validate_with(|s: &String| {
                    let parts: Vec<Result<u32, _>> = s.split('/').map(|p| p.trim().parse::<u32>()).collect();
                    match parts.as_slice() {
                        [Ok(min), Ok(d), Ok(max)] => check_sizes(*min, *d, *max),
                        _ => Err("write three numbers like `1/2/4`".to_string()),
                    }
                })
                .interact_text_on(term)?;
            let n: Vec<u32> = sizes.split('/').filter_map(|p| p.trim().parse().ok()).collect();
            if let [min, d, max] = n[..] {
                (a.min, a.desired, a.max) = (min, d, max);
                break;
            }
        }
    }
    if args.private_networking.is_none() {
        a.private_networking = Confirm::with_theme(theme)
            .with_prompt("nodes in private subnets only?")
            .default(a.private_networking)
            .interact_on(term)?;
    }
    Ok(())
}

/// The commented YAML for `answers`.
pub fn render(a: &Answers, file: &str) -> String {
    let eksup_format = !a.repositories.is_empty();
    let fill = |t: &str, ng: &str| {
        t.replace("{{name}}", &a.name)
            .replace("{{region}}", &a.region)
            .replace("{{version}}", &a.version)
            .replace("{{file}}", file)
            .replace("{{nat}}", a.nat.as_str())
            .replace("{{nodegroup}}", ng)
            .replace("{{instance_type}}", &a.instance_type)
            .replace("{{min}}", &a.min.to_string())
            .replace("{{desired}}", &a.desired.to_string())
            .replace("{{max}}", &a.max.to_string())
            .replace("{{private}}", &a.private_networking.to_string())
            .replace(
                "{{api_version}}",
                if eksup_format { config::EKSUP_API_VERSION } else { config::EKSCTL_API_VERSION },
            )
            .replace(
                "{{eksctl_note}}",
                if eksup_format {
                    " after setting `apiVersion: eksctl.io/v1alpha5` and removing `ecr`"
                } else {
                    ""
                },
            )
    };
    let mut out = fill(HEADER, "");
    match a.node_kind {
        NodeKind::Managed => out.push_str(&fill(MANAGED, "ng-1")),
        NodeKind::SelfManaged => out.push_str(&fill(SELF_MANAGED, "ng-1")),
        NodeKind::Fargate => out.push_str(&fill(FARGATE, "")),
        NodeKind::Mixed => {
            out.push_str(&fill(MANAGED, "ng-managed"));
            out.push_str(&fill(SELF_MANAGED, "ng-self-managed"));
            out.push_str(&fill(FARGATE, ""));
        }
    }
    if eksup_format {
        out.push_str(ECR);
        for r in &a.repositories {
            out.push_str(&ECR_REPOSITORY.replace("{{repository}}", r));
        }
    }
    out
}

/// Write the config `args` and the answers describe, then create the cluster if asked.
pub fn init(args: &InitArgs, settings: &Settings, printer: &Printer) -> Result<InitReport> {
    let interactive = !args.non_interactive && settings::interactive();
    let defaults = if interactive {
        // flags are checked as the questions are answered
        answers_from_flags(
            &InitArgs { name: args.name.clone().or(Some("my-cluster".into())), ..args.clone() },
            settings,
        )?
    } else {
        answers_from_flags(args, settings)?
    };
    let answers = if interactive { ask(args, defaults)? } else { defaults };
    let file = args.file.display().to_string();
    if args.file.exists()
        && !args.force
        && !(interactive && confirm(&format!("`{file}` exists: overwrite it?"))?)
    {
        return Err(UserError::new(format!("`{file}` already exists"))
            .hint("pass `--force` to overwrite it, or `-f` to choose another file")
            .into());
    }
    let text = render(&answers, &file);
    // What we write must load: check it before the file exists.
    let parsed = config::parse(&text, &file).map_err(|d| config_error(&d, printer))?;
    let loaded = config::finish(parsed, &zones::assumed(&answers.region), None)
        .map_err(|d| config_error(&d, printer))?;
    let dir = crate::fs::parent_dir(&args.file);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    crate::fs::write_atomic(&args.file, text.as_bytes(), 0o644)
        .with_context(|| format!("cannot write `{file}`"))?;
    printer.status("Wrote", &format!("`{file}` for cluster `{}` in `{}`", answers.name, answers.region));
    let create = if args.create {
        true
    } else if interactive {
        let options = PlanOptions { write_kubeconfig: true, wait_nodes: true, account_id: None };
        printer.stderr(&render::tree(&plan::build(&loaded, &options)));
        confirm("create the cluster now?")?
    } else {
        printer.hint(&format!("see the plan with `eksup create cluster -f {file} --dry-run`"));
        false
    };
    if !create {
        return Ok(InitReport { created: None });
    }
    // `create cluster -f FILE` with the command line's defaults.
    let create_args = CreateClusterArgs::for_file(&args.file)
        .map_err(|e| super::bug(e, "`create cluster -f` does not parse"))?;
    let options = CreateOptions::from_args(create_args)?;
    let created = super::create_cluster::create_cluster(&options, settings, printer)?;
    Ok(InitReport { created: Some(created) })
}

/// A yes/no question on the terminal; no is the default.
fn confirm(question: &str) -> Result<bool> {
    Ok(Confirm::with_theme(&ColorfulTheme::default())
        .with_prompt(question)
        .default(false)
        .interact_on(&Term::stderr())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(kind: NodeKind, repos: &[&str]) -> Answers {
        Answers {
            name: "demo".into(),
            region: "eu-west-1".into(),
            version: "1.34".into(),
            node_kind: kind,
            instance_type: "m5.large".into(),
            min: 1,
            desired: 2,
            max: 3,
            private_networking: true,
            nat: NatMode::HighlyAvailable,
            repositories: repos.iter().map(|s| (*s).to_string()).collect(),
        }
    }

    #[test]
    fn every_rendering_loads_and_validates() {
        for kind in NodeKind::value_variants() {
            for repos in [&[][..], &["team/app", "team/worker"][..]] {
                let text = render(&answers(*kind, repos), "c.yaml");
                let parsed = config::parse(&text, "c.yaml")
                    .unwrap_or_else(|d| panic!("{kind:?}: {:?}\n{text}", d.items));
                let loaded = config::finish(parsed, &zones::assumed("eu-west-1"), None)
                    .unwrap_or_else(|d| panic!("{kind:?}: {:?}", d.items));
                assert_eq!(loaded.name(), "demo");
                assert_eq!(loaded.config.ecr.is_some(), !repos.is_empty(), "{kind:?}");
            }
        }
    }

    #[test]
    fn answers_are_checked() {
        assert!(check_name("1abc").is_err());
        assert!(check_sizes(3, 2, 4).is_err());
        assert!(check_sizes(1, 2, 4).is_ok());
        assert!(check_repositories(&["Bad".into()]).is_err());
    }
}
