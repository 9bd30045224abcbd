//! The SSH public keys a config names by file (`ssh.publicKeyPath`, or `~/.ssh/id_rsa.pub` for
//! `ssh.allow: true` alone, as eksctl does), read once when the config is loaded so that the plan
//! holds the key to import and a missing or wrong file is reported with its line.

use std::path::{Path, PathBuf};

use super::Parsed;
use super::diag::Diagnostic;
use super::validate::{PUBLIC_KEY_HINT, public_key_problem};

/// The key eksctl imports for `ssh.allow: true` without a key.
pub const DEFAULT_PUBLIC_KEY: &str = "~/.ssh/id_rsa.pub";

/// `path` with a leading `~/` in `home`.
fn expand(path: &str, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(path),
    }
}

/// Read the public key files of every node group through `read`; each problem (a file that
/// cannot be read, one that is not a public key EC2 imports) joins the config's errors.
pub fn read_public_keys(
    parsed: &mut Parsed,
    home: Option<&Path>,
    read: impl Fn(&Path) -> std::io::Result<String>,
) {
    let cfg = &mut parsed.config;
    let groups = cfg
        .node_groups
        .iter_mut()
        .flatten()
        .enumerate()
        .map(|(i, ng)| (format!("nodeGroups[{i}]"), &mut ng.ssh))
        .chain(
            cfg.managed_node_groups
                .iter_mut()
                .flatten()
                .enumerate()
                .map(|(i, ng)| (format!("managedNodeGroups[{i}]"), &mut ng.ssh)),
        );
    let mut problems = Vec::new();
    for (p, ssh) in groups {
        let Some(ssh) = ssh else { continue };
        // As eksctl, a key is imported only for SSH access (`allow`, on by default with a key).
        if ssh.allow == Some(false) {
            continue;
        }
        let (path, field) = match &ssh.public_key_path {
            Some(path) => (path.clone(), "publicKeyPath"),
            None if ssh.allow == Some(true) && ssh.public_key_name.is_none() && ssh.public_key.is_none() => {
                (DEFAULT_PUBLIC_KEY.to_string(), "allow")
            }
            None => continue,
        };
        let at = format!("{p}.ssh.{field}");
        let file = expand(&path, home);
        match read(&file) {
            Ok(text) => {
                let key = text.trim().to_string();
                match public_key_problem(&key) {
                    Ok(()) => ssh.key_read = Some(key),
                    Err(why) => problems
                        .push(Diagnostic::error(&at, format!("`{path}` {why}")).with_hint(PUBLIC_KEY_HINT)),
                }
            }
            Err(e) => {
                let hint = if field == "allow" {
                    "name an EC2 key pair with `publicKeyName`, give a key with `publicKeyPath` or `publicKey`, or make one with `ssh-keygen`".to_string()
                } else {
                    format!("check the path (`{}`), or give the key itself with `publicKey`", file.display())
                };
                let what = if field == "allow" { "`allow: true` without a key imports" } else { "reads" };
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "there is no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => e.to_string(),
                };
                problems.push(Diagnostic::error(&at, format!("{what} `{path}`, but {why}")).with_hint(hint));
            }
        }
    }
    for mut d in problems {
        d.loc = parsed.index.find(&d.path);
        parsed.pending.push(d);
    }
}
