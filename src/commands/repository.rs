//! `eksup create|get|delete repository` and `eksup ecr login`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use crate::cli::{CreateRepositoryArgs, DeleteRepositoryArgs, EcrLoginArgs, GetRepositoryArgs};
use crate::cloud::{self, AwsCloud};
use crate::config::{self, EcrEncryption, EcrLifecyclePolicy, EcrRepositoryConfig};
use crate::error::{ExitStatus, UserError};
use crate::executor::{self, Action, RunOptions};
use crate::output::progress::Progress;
use crate::output::{OutputFormat, Printer, table};
use crate::plan::{self, Plan, Resource, Step};
use crate::settings::Settings;

fn parse_tags(tags: &[String]) -> Result<BTreeMap<String, String>> {
    tags.iter()
        .map(|t| {
            t.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())).ok_or_else(|| {
                UserError::usage(format!("tag `{t}` is not `key=value`"))
                    .hint("write tags like `--tags team=web`")
                    .into()
            })
        })
        .collect()
}

/// Create the repository, or bring an existing one (made by eksup) to these settings.
pub fn create_repository(
    args: CreateRepositoryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let repo = EcrRepositoryConfig {
        name: Some(args.name.clone()),
        image_tag_mutability: Some(args.image_tag_mutability.clone()),
        scan_on_push: Some(args.scan_on_push),
        encryption: Some(EcrEncryption {
            encryption_type: Some(args.encryption.clone()),
            kms_key: args.kms_key.clone(),
        }),
        lifecycle_policy: (args.keep_last_images.is_some() || args.expire_untagged_after_days.is_some())
            .then(|| EcrLifecyclePolicy {
                keep_last_images: args.keep_last_images.map(i64::from),
                expire_untagged_after_days: args.expire_untagged_after_days.map(i64::from),
                raw: None,
            }),
        pull_accounts: (!args.pull_accounts.is_empty()).then(|| args.pull_accounts.clone()),
        tags: Some(parse_tags(&args.tags)?),
    };
    let problems = config::validate_repository("repository", &repo);
    if let Some(first) = problems.first() {
        for d in &problems {
            printer.stderr(&d.render("<flags>"));
        }
        let mut e = UserError::usage(format!("invalid repository settings: {}", first.message));
        if let Some(h) = &first.hint {
            e = e.hint(h.clone());
        }
        return Err(e.into());
    }
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let spec = plan::repository_spec(&repo, plan::partition(&region));
        // A repository on its own belongs to no cluster: its ownership tag is empty.
        let plan = Plan {
            cluster: String::new(),
            region: region.clone(),
            tags: BTreeMap::from([(plan::tags::MANAGED_BY.to_string(), "eksup".to_string())]),
            steps: vec![Step {
                id: plan::repository_step_id(&args.name),
                description: format!("ECR repository `{}`", args.name),
                resource: Resource::EcrRepository(Box::new(spec)),
                depends_on: vec![],
            }],
        };
        let progress = Progress::new(printer, false, "creating repository", &format!("`{}`", args.name));
        let outcome = executor::run(&plan, &aws, &progress, RunOptions::default()).await?;
        progress.finish();
        if let Some((_, e)) = outcome.failed.first() {
            return Err(UserError::new(format!("cannot create repository `{}`: {e:#}", args.name)).into());
        }
        let uri = outcome.outputs.values().find_map(|o| o.get("uri").cloned()).unwrap_or_default();
        let verb = match outcome.finished.first().map(|(_, a)| *a) {
            Some(Action::Created) => "Created",
            Some(Action::Updated) => "Updated",
            _ => "Unchanged",
        };
        printer.status(verb, &format!("repository `{}`", args.name));
        match args.output {
            Some(OutputFormat::Json) => {
                printer.data(&serde_json::json!({"name": args.name, "uri": uri}).to_string())
            }
            Some(OutputFormat::Yaml) => printer.data(&format!("name: {}\nuri: {uri}\n", args.name)),
            _ => printer.data(&uri),
        }
        Ok(ExitStatus::Success)
    })
}

pub fn get_repository(args: GetRepositoryArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let rt = super::runtime()?;
    let repos = rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).list_repositories(args.name.as_deref()).await
    })?;
    if let Some(n) = &args.name
        && repos.is_empty()
    {
        return Err(UserError::new(format!("no repository `{n}` in this registry"))
            .hint("list them with `eksup get repository`")
            .into());
    }
    match args.output {
        OutputFormat::Table => {
            if repos.is_empty() {
                printer.info("no repositories found in this region");
                return Ok(ExitStatus::Success);
            }
            let rows: Vec<Vec<String>> = repos
                .iter()
                .map(|r| {
                    vec![
                        r.name.clone(),
                        r.uri.clone(),
                        r.image_count.to_string(),
                        r.image_tag_mutability.clone(),
                        r.scan_on_push.to_string(),
                        r.encryption.clone(),
                        r.cluster.clone().unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            printer.data(&table::render(
                &["NAME", "URI", "IMAGES", "TAGS", "SCAN ON PUSH", "ENCRYPTION", "CLUSTER"],
                &rows,
            ));
        }
        OutputFormat::Json if args.name.is_some() => printer.data(&serde_json::to_string_pretty(&repos[0])?),
        OutputFormat::Json => printer.data(&serde_json::to_string_pretty(&repos)?),
        OutputFormat::Yaml if args.name.is_some() => printer.data(&serde_saphyr::to_string(&repos[0])?),
        OutputFormat::Yaml => printer.data(&serde_saphyr::to_string(&repos)?),
    }
    Ok(ExitStatus::Success)
}

pub fn delete_repository(
    args: DeleteRepositoryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let what = if args.force { " and all its images" } else { "" };
    printer.confirm(&format!("delete repository `{}`{what}", args.name), args.yes)?;
    let rt = super::runtime()?;
    rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let aws = AwsCloud::new(&sdk);
        match aws.delete_repository(&args.name, args.force).await {
            Ok(true) => {
                printer.status("Deleted", &format!("repository `{}`", args.name));
                Ok(ExitStatus::Success)
            }
            Ok(false) => {
                printer.status("Finished", &format!("nothing to delete: no repository `{}`", args.name));
                Ok(ExitStatus::Success)
            }
            Err(e) if format!("{e:#}").contains("RepositoryNotEmpty") => {
                Err(UserError::new(format!("repository `{}` still holds images", args.name))
                    .hint("images are data: add `--force` to delete them with the repository")
                    .into())
            }
            Err(e) => Err(e),
        }
    })
}

/// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
fn docker_config_path(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_path_buf());
    }
    if let Some(dir) = std::env::var_os("DOCKER_CONFIG").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir).join("config.json"));
    }
    std::env::home_dir().map(|h| h.join(".docker").join("config.json")).ok_or_else(|| {
        UserError::new("cannot find the home directory").hint("pass `--docker-config PATH`").into()
    })
}

/// Merge the registry's auth into Docker's config.json (other keys kept), atomically, mode 0600.
fn write_docker_auth(path: &Path, registry: &str, auth: &str) -> Result<bool> {
    let mut doc: serde_json::Value = match std::fs::read_to_string(path) {
        Ok(text) if !text.trim().is_empty() => serde_json::from_str(&text).map_err(|e| {
            UserError::new(format!("`{}` is not valid JSON: {e}", path.display()))
                .hint("fix or move the file; it was left unchanged")
        })?,
        Ok(_) => serde_json::json!({}),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => serde_json::json!({}),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot read `{}`", path.display()))),
    };
    let Some(obj) = doc.as_object_mut() else {
        return Err(UserError::new(format!("`{}` is not a JSON object", path.display())).into());
    };
    let uses_store =
        obj.get("credsStore").is_some() || obj.get("credHelpers").and_then(|h| h.get(registry)).is_some();
    let auths = obj.entry("auths").or_insert_with(|| serde_json::json!({}));
    if let Some(a) = auths.as_object_mut() {
        a.insert(registry.to_string(), serde_json::json!({ "auth": auth }));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let tmp = dir.join(format!(".config.json.eksup-{}", std::process::id()));
    let text = serde_json::to_string_pretty(&doc)? + "\n";
    {
        use std::io::Write as _;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp).with_context(|| format!("cannot write `{}`", tmp.display()))?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(uses_store)
}

pub fn ecr_login(args: EcrLoginArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let rt = super::runtime()?;
    let login = rt.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).registry_login().await
    })?;
    if args.password_stdin {
        printer.data_raw(&login.password);
        printer.info(&format!("registry: `{}`, user: `{}`", login.registry, login.username));
        return Ok(ExitStatus::Success);
    }
    let path = docker_config_path(args.docker_config.as_deref())?;
    let uses_store = write_docker_auth(&path, &login.registry, &login.auth)?;
    printer.status("Logged in", &format!("to `{}` (`{}`)", login.registry, path.display()));
    if uses_store {
        printer.warn("Docker is set to use a credential store, which takes precedence over this entry");
        printer.hint(&format!(
            "use `eksup ecr login --password-stdin | docker login --username AWS --password-stdin {}`",
            login.registry
        ));
    }
    Ok(ExitStatus::Success)
}
