//! ECR repositories on their own: create, list, delete; and `ecr login`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::Report;
use crate::cloud::registry::RepositoryInfo;
use crate::cloud::{self, AwsCloud};
use crate::config::{self, EcrRepositoryConfig};
use crate::error::UserError;
use crate::executor::{self, Action, RunOptions};
use crate::output::progress::Progress;
use crate::output::{OutputFormat, Printer, table};
use crate::plan::{self, Plan, Resource, Step};
use crate::settings::Settings;

/// The tags of `--tags k1=v1,k2=v2`.
pub fn parse_tags(tags: &[String]) -> Result<BTreeMap<String, String>> {
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

/// What `create repository` did.
#[derive(Debug)]
pub struct CreateRepositoryReport {
    pub name: String,
    pub uri: String,
    /// `Created`, `Updated` or `Unchanged`.
    pub verb: &'static str,
    pub output: Option<OutputFormat>,
}

impl Report for CreateRepositoryReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let (name, uri) = (&self.name, &self.uri);
        printer.status(self.verb, &format!("repository `{name}`"));
        match self.output {
            Some(OutputFormat::Json) => {
                printer.data(&serde_json::json!({"name": name, "uri": uri}).to_string())
            }
            Some(OutputFormat::Yaml) => printer.data(&format!("name: {name}\nuri: {uri}\n")),
            _ => printer.data(uri),
        }
        Ok(())
    }
}

/// Create the repository, or bring an existing one (made by eksup) to these settings.
pub fn create_repository(
    repo: &EcrRepositoryConfig,
    output: Option<OutputFormat>,
    settings: &Settings,
    printer: &Printer,
) -> Result<CreateRepositoryReport> {
    let name = repo.name.clone().unwrap_or_default();
    let problems = config::validate_repository("repository", repo);
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
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        let region = sdk.region().map(ToString::to_string).unwrap_or_default();
        let aws = AwsCloud::new(&sdk);
        let spec = plan::repository_spec(repo, plan::partition(&region));
        // A repository on its own belongs to no cluster: its ownership tag is empty.
        let plan = Plan {
            cluster: String::new(),
            region: region.clone(),
            tags: BTreeMap::from([(plan::tags::MANAGED_BY.to_string(), "eksup".to_string())]),
            steps: vec![Step {
                id: plan::repository_step_id(&name),
                description: format!("ECR repository `{name}`"),
                resource: Resource::EcrRepository(Box::new(spec)),
                depends_on: vec![],
            }],
        };
        let progress = Progress::new(printer, false, "creating repository", &format!("`{name}`"));
        let outcome = executor::run(&plan, &aws, &progress, RunOptions::default()).await?;
        progress.finish();
        if let Some((_, e)) = outcome.failed.first() {
            return Err(UserError::new(format!("cannot create repository `{name}`: {e:#}")).into());
        }
        let uri = outcome.outputs.values().find_map(|o| o.get("uri").cloned()).unwrap_or_default();
        let verb = match outcome.finished.first().map(|(_, a)| *a) {
            Some(Action::Created) => "Created",
            Some(Action::Updated) => "Updated",
            _ => "Unchanged",
        };
        Ok(CreateRepositoryReport { name, uri, verb, output })
    })
}

/// The repositories of `get repository`.
#[derive(Debug)]
pub struct RepositoriesReport {
    pub repositories: Vec<RepositoryInfo>,
    /// One repository was asked for.
    pub one: bool,
    pub output: OutputFormat,
}

impl Report for RepositoriesReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        let repos = &self.repositories;
        match self.output {
            OutputFormat::Table if repos.is_empty() => printer.info("no repositories found in this region"),
            OutputFormat::Table => {
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
                let header = ["NAME", "URI", "IMAGES", "TAGS", "SCAN ON PUSH", "ENCRYPTION", "CLUSTER"];
                printer.data(&table::render(&header, &rows));
            }
            OutputFormat::Json if self.one => printer.data(&serde_json::to_string_pretty(&repos[0])?),
            OutputFormat::Json => printer.data(&serde_json::to_string_pretty(repos)?),
            OutputFormat::Yaml if self.one => printer.data(&serde_saphyr::to_string(&repos[0])?),
            OutputFormat::Yaml => printer.data(&serde_saphyr::to_string(repos)?),
        }
        Ok(())
    }
}

/// The repositories of the registry, or the one named.
pub fn get_repositories(
    name: Option<&str>,
    output: OutputFormat,
    settings: &Settings,
) -> Result<RepositoriesReport> {
    let repositories = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).list_repositories(name).await
    })?;
    if let Some(n) = name
        && repositories.is_empty()
    {
        return Err(UserError::new(format!("no repository `{n}` in this registry"))
            .hint("list them with `eksup get repository`")
            .into());
    }
    Ok(RepositoriesReport { repositories, one: name.is_some(), output })
}

/// What `delete repository` did.
#[derive(Debug)]
pub struct DeleteRepositoryReport {
    pub name: String,
    pub found: bool,
}

impl Report for DeleteRepositoryReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        if self.found {
            printer.status("Deleted", &format!("repository `{}`", self.name));
        } else {
            printer.status("Finished", &format!("nothing to delete: no repository `{}`", self.name));
        }
        Ok(())
    }
}

/// Delete a repository (with its images when `force`), after confirmation.
pub fn delete_repository(
    name: &str,
    force: bool,
    yes: bool,
    settings: &Settings,
    printer: &Printer,
) -> Result<DeleteRepositoryReport> {
    let what = if force { " and all its images" } else { "" };
    printer.confirm(&format!("delete repository `{name}`{what}"), yes)?;
    super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        match AwsCloud::new(&sdk).delete_repository(name, force).await {
            Ok(found) => Ok(DeleteRepositoryReport { name: name.to_string(), found }),
            Err(e) if format!("{e:#}").contains("RepositoryNotEmpty") => {
                Err(UserError::new(format!("repository `{name}` still holds images"))
                    .hint("images are data: add `--force` to delete them with the repository")
                    .into())
            }
            Err(e) => Err(e),
        }
    })
}

/// What `ecr login` did.
#[derive(Debug)]
pub enum EcrLoginReport {
    /// `--password-stdin`: the password, for `docker login`.
    Password { password: String, registry: String, username: String },
    /// Docker's config file holds the registry's auth now.
    Written { registry: String, path: PathBuf, uses_store: bool },
}

impl Report for EcrLoginReport {
    fn print(&self, printer: &Printer) -> Result<()> {
        match self {
            Self::Password { password, registry, username } => {
                printer.data_raw(password);
                printer.info(&format!("registry: `{registry}`, user: `{username}`"));
            }
            Self::Written { registry, path, uses_store } => {
                printer.status("Logged in", &format!("to `{registry}` (`{}`)", path.display()));
                if *uses_store {
                    printer.warn(
                        "Docker is set to use a credential store, which takes precedence over this entry",
                    );
                    printer.hint(&format!(
                        "use `eksup ecr login --password-stdin | docker login --username AWS --password-stdin {registry}`"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// Log Docker in to the account's registry: the password on stdout (`password_stdin`), or an
/// entry in Docker's config file (`docker_config`, else the default one).
pub fn ecr_login(
    password_stdin: bool,
    docker_config: Option<&Path>,
    settings: &Settings,
) -> Result<EcrLoginReport> {
    let login = super::runtime()?.block_on(async {
        let sdk = cloud::load_sdk_config(settings, None).await?;
        AwsCloud::new(&sdk).registry_login().await
    })?;
    if password_stdin {
        return Ok(EcrLoginReport::Password {
            password: login.password,
            registry: login.registry,
            username: login.username,
        });
    }
    let path = docker_config_path(docker_config)?;
    let uses_store = write_docker_auth(&path, &login.registry, &login.auth)?;
    Ok(EcrLoginReport::Written { registry: login.registry, path, uses_store })
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
/// Whether Docker uses a credential store for it instead.
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
    let dir = crate::fs::parent_dir(path);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let text = serde_json::to_string_pretty(&doc)? + "\n";
    crate::fs::write_atomic(path, text.as_bytes(), 0o600)
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(uses_store)
}
