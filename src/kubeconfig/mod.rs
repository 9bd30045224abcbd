//! kubeconfig: which file, the entries eksup writes, a locked atomic merge, and the exec token
//! cache. Nothing here talks to AWS: callers pass in what `cloud::auth` found out.
//!
//! # API for `create cluster` and `delete cluster`
//! ```ignore
//! use eksup::kubeconfig::{self, ClusterEntry, EntryNames, ExecPlugin, KubeconfigTarget};
//! // create: once the control plane is ACTIVE (see `ops::kubeconfig::write_cluster_kubeconfig`,
//! // which also runs DescribeCluster and GetCallerIdentity for you)
//! let target = KubeconfigTarget::resolve(args.kubeconfig.as_deref())?;
//! let entry = ClusterEntry {
//!     names: EntryNames::standard(&iam_user, "demo", "us-west-2"),
//!     eks_cluster: "demo".into(), region: "us-west-2".into(),
//!     server: endpoint, certificate_authority_data: Some(ca_base64),
//!     exec: ExecPlugin::eksup("demo", "us-west-2", None, profile.as_deref()),
//!     namespace: None,
//! };
//! let outcome = kubeconfig::write_cluster_entries(&target, &entry, true)?; // -> WriteOutcome
//! // delete: every file of the target is cleaned, a current-context that pointed at a removed
//! // context is cleared
//! let removed = kubeconfig::remove_cluster_entries(&target, "demo", "us-west-2")?; // -> RemoveOutcome
//! ```
//!
//! # Which file ([`KubeconfigTarget`], the rules of client-go's `ClientConfigLoadingRules`)
//! 1. `--kubeconfig PATH`: only that file.
//! 2. else `$KUBECONFIG`, a list split on `:` (`;` on Windows), empty items dropped, duplicates
//!    dropped (first kept). An entry that already exists is updated in the first existing file
//!    that defines it (the one kubectl uses). A new entry and the current-context go to the
//!    first file of the list that exists, or, when none exists, to the **first** file of the list.
//!    (kubectl's help text says "the last file", but client-go's `GetDefaultFilename` and
//!    `ModifyConfig` use the first; eksup follows the code.)
//! 3. else `~/.kube/config`.
//!
//! Directories are created as needed (0700 for new ones), files are written with mode 0600.
//!
//! # Names ([`EntryNames`])
//! Like eksctl's, with `eksup.io` instead of `eksctl.io`:
//! - cluster entry `<cluster>.<region>.eksup.io`
//! - user and context `<iam-user>@<cluster>.<region>.eksup.io`, where `<iam-user>` is the last
//!   `/` segment of the caller ARN from STS GetCallerIdentity: the IAM user name, the session
//!   name for an assumed role, `iam-root-account` for the root user ([`iam_user_from_arn`]).
//! - `--alias NAME` names all three entries `NAME`.
//!
//! # What a merge keeps ([`Document::merge`])
//! Every other cluster, user and context, `preferences`, `extensions` and unknown keys, in
//! their order, with every scalar as written (`0x1F`, `1.0`, `~`, a quoted `'42'`, a number too
//! big for `f64`: see [`yaml`]). Not kept: comments, flow style, anchors. In eksup's own entries: the cluster keeps its other fields (`proxy-url`,
//! `tls-server-name`, ...) and gets `server`, `certificate-authority-data` and an extension
//! named `eksup.io` that records the EKS cluster and region (so `delete cluster` also finds
//! entries written with `--alias`); the user is replaced (another credential would conflict);
//! the context gets `cluster` and `user`, and keeps its `namespace` unless one is given.
//!
//! # How a write happens ([`store`])
//! An exclusive lock (`File::lock`) on a sidecar `.<file>.eksup.lock` next to the kubeconfig
//! (not `<file>.lock`, which kubectl creates and deletes itself), read, merge, write a temporary
//! file in the same directory, fsync, rename over the kubeconfig, fsync the directory. A
//! symbolic link is followed and its target replaced, so a linked kubeconfig stays linked. A
//! file that does not parse (YAML, structure, or bytes that are not UTF-8) is never written; the
//! error names the file, line and column. The new text is read back before it is written: one
//! that does not read back as the same data is never written. Temporary files left by a killed
//! writer are removed by the next write ([`store`] says which).
//!
//! # The exec plugin ([`ExecPlugin`])
//! `eksup get-token --cluster-name NAME --region R [--role-arn ARN]`, apiVersion
//! `client.authentication.k8s.io/v1beta1`, `interactiveMode: Never`, `provideClusterInfo:
//! false`, `AWS_PROFILE` in `env` when a profile was used. The command is the bare name `eksup`
//! when an `eksup` is on `PATH` (like eksctl; it keeps working across upgrades and package
//! managers that move the binary), else the absolute path of the running binary
//! ([`eksup_command`]). `--authenticator aws-cli` writes
//! `aws eks get-token --output json --cluster-name NAME --region R` instead.

pub mod document;
pub mod store;
pub mod target;
pub mod token;
pub mod yaml;

use serde_json::{Map, Value, json};

pub use document::{Document, ParseError, Removed, Section};
pub use store::{RemoveOutcome, WriteOutcome, remove_cluster_entries, write_cluster_entries};
pub use target::KubeconfigTarget;

/// The name of the extension eksup adds to the cluster entries it writes.
pub const EKSUP_EXTENSION: &str = "eksup.io";

/// The exec credential API version written into users and printed by `get-token`.
pub const EXEC_API_VERSION: &str = "client.authentication.k8s.io/v1beta1";

/// The names of the cluster, user and context entries for one EKS cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryNames {
    pub cluster: String,
    pub user: String,
    pub context: String,
}

impl EntryNames {
    /// `<cluster>.<region>.eksup.io` and `<iam-user>@<cluster>.<region>.eksup.io`.
    pub fn standard(iam_user: &str, cluster: &str, region: &str) -> Self {
        let cluster_entry = cluster_entry_name(cluster, region);
        let user = format!("{iam_user}@{cluster_entry}");
        Self { cluster: cluster_entry, context: user.clone(), user }
    }

    /// `--alias NAME`: all three entries are `NAME`.
    pub fn alias(alias: &str) -> Self {
        Self { cluster: alias.to_string(), user: alias.to_string(), context: alias.to_string() }
    }
}

/// `<cluster>.<region>.eksup.io`.
pub fn cluster_entry_name(cluster: &str, region: &str) -> String {
    format!("{cluster}.{region}.{EKSUP_EXTENSION}")
}

/// The user part of entry names from a caller ARN: its last `/` segment
/// (`arn:aws:iam::1:user/dev/alice` -> `alice`, `arn:aws:sts::1:assumed-role/Admin/bob` ->
/// `bob`); the root user is `iam-root-account`, as in eksctl.
pub fn iam_user_from_arn(arn: &str) -> String {
    let resource = arn.splitn(6, ':').nth(5).unwrap_or(arn);
    if resource == "root" {
        return "iam-root-account".into();
    }
    let last = resource.rsplit('/').next().unwrap_or(resource);
    if last.is_empty() { "iam-root-account".into() } else { last.to_string() }
}

/// Everything eksup writes for one EKS cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterEntry {
    pub names: EntryNames,
    /// The EKS cluster name.
    pub eks_cluster: String,
    pub region: String,
    /// The API server endpoint (`https://...`).
    pub server: String,
    /// Base64 PEM of the cluster CA, as DescribeCluster returns it.
    pub certificate_authority_data: Option<String>,
    pub exec: ExecPlugin,
    /// The context's namespace (`set-context --namespace`); `None` keeps what is there.
    pub namespace: Option<String>,
}

/// The exec credential plugin of a kubeconfig user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecPlugin {
    pub command: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl ExecPlugin {
    /// `eksup get-token --cluster-name NAME --region R [--role-arn ARN]`, with `AWS_PROFILE`.
    pub fn eksup(cluster: &str, region: &str, role_arn: Option<&str>, profile: Option<&str>) -> Self {
        Self::eksup_with_command(eksup_command(), cluster, region, role_arn, profile)
    }

    pub fn eksup_with_command(
        command: String,
        cluster: &str,
        region: &str,
        role_arn: Option<&str>,
        profile: Option<&str>,
    ) -> Self {
        let mut args: Vec<String> =
            ["get-token", "--cluster-name", cluster, "--region", region].map(str::to_string).into();
        if let Some(role) = role_arn {
            args.extend(["--role-arn".to_string(), role.to_string()]);
        }
        let env = profile.map(|p| vec![("AWS_PROFILE".to_string(), p.to_string())]).unwrap_or_default();
        Self { command, args, env }
    }

    /// `aws eks get-token --output json --cluster-name NAME --region R [--role-arn ARN]`, with
    /// `AWS_STS_REGIONAL_ENDPOINTS=regional` (as eksctl) and `AWS_PROFILE`.
    pub fn aws_cli(cluster: &str, region: &str, role_arn: Option<&str>, profile: Option<&str>) -> Self {
        let mut args: Vec<String> =
            ["eks", "get-token", "--output", "json", "--cluster-name", cluster, "--region", region]
                .map(str::to_string)
                .into();
        if let Some(role) = role_arn {
            args.extend(["--role-arn".to_string(), role.to_string()]);
        }
        let mut env = vec![("AWS_STS_REGIONAL_ENDPOINTS".to_string(), "regional".to_string())];
        if let Some(p) = profile {
            env.push(("AWS_PROFILE".to_string(), p.to_string()));
        }
        Self { command: "aws".into(), args, env }
    }

    /// The `exec` mapping of a kubeconfig user.
    pub fn to_value(&self) -> Value {
        let mut exec = Map::new();
        exec.insert("apiVersion".into(), EXEC_API_VERSION.into());
        exec.insert("command".into(), self.command.clone().into());
        exec.insert("args".into(), json!(self.args));
        if !self.env.is_empty() {
            let env: Vec<Value> = self.env.iter().map(|(k, v)| json!({ "name": k, "value": v })).collect();
            exec.insert("env".into(), Value::Array(env));
        }
        exec.insert("interactiveMode".into(), "Never".into());
        exec.insert("provideClusterInfo".into(), false.into());
        Value::Object(exec)
    }
}

/// The command the exec plugin runs: `eksup` when an executable `eksup` is on `PATH`, else the
/// absolute path of the running binary (for a binary run from a build directory).
pub fn eksup_command() -> String {
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| is_executable(&dir.join(exe_name("eksup"))))
    });
    if on_path {
        return "eksup".into();
    }
    std::env::current_exe()
        .ok()
        .and_then(|p| p.canonicalize().ok())
        .map_or_else(|| "eksup".into(), |p| p.to_string_lossy().into_owned())
}

fn exe_name(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}

fn is_executable(path: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

#[cfg(test)]
mod tests;
