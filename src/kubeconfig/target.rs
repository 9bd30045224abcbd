//! Which kubeconfig file(s): `--kubeconfig`, else `$KUBECONFIG`, else `~/.kube/config`.
//!
//! The rules are client-go's `ClientConfigLoadingRules` (see the [`super`] docs): the pure
//! [`KubeconfigTarget::from_parts`] is unit-tested; [`KubeconfigTarget::resolve`] reads the
//! environment.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::error::UserError;

/// The kubeconfig files eksup reads and writes, in precedence order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeconfigTarget {
    files: Vec<PathBuf>,
    origin: Origin,
}

/// Where the list of files came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--kubeconfig`
    Flag,
    /// `$KUBECONFIG`
    Env,
    /// `~/.kube/config`
    Home,
}

impl KubeconfigTarget {
    /// `--kubeconfig` (if given), else `$KUBECONFIG`, else `~/.kube/config`.
    pub fn resolve(explicit: Option<&Path>) -> anyhow::Result<Self> {
        let env = std::env::var_os("KUBECONFIG");
        Self::from_parts(explicit, env.as_deref(), std::env::home_dir().as_deref())
    }

    /// The rules without the environment: `kubeconfig_env` is the raw value of `$KUBECONFIG`.
    pub fn from_parts(
        explicit: Option<&Path>,
        kubeconfig_env: Option<&OsStr>,
        home: Option<&Path>,
    ) -> anyhow::Result<Self> {
        if let Some(path) = explicit.filter(|p| !p.as_os_str().is_empty()) {
            return Ok(Self { files: vec![path.to_path_buf()], origin: Origin::Flag });
        }
        if let Some(env) = kubeconfig_env.filter(|v| !v.is_empty()) {
            let mut files: Vec<PathBuf> = Vec::new();
            for path in std::env::split_paths(env) {
                if !path.as_os_str().is_empty() && !files.contains(&path) {
                    files.push(path);
                }
            }
            if !files.is_empty() {
                return Ok(Self { files, origin: Origin::Env });
            }
        }
        let Some(home) = home else {
            return Err(UserError::new("cannot find the kubeconfig: no home directory")
                .hint("pass `--kubeconfig PATH` or set `KUBECONFIG`")
                .into());
        };
        Ok(Self { files: vec![home.join(".kube").join("config")], origin: Origin::Home })
    }

    /// Exactly this file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self { files: vec![path.into()], origin: Origin::Flag }
    }

    /// All files, in precedence order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The file that receives new entries and the current-context (client-go's
    /// `GetDefaultFilename`): the first file that exists, else the first of the list.
    pub fn default_file(&self) -> &Path {
        self.default_file_with(|p| p.exists())
    }

    /// [`Self::default_file`] with an injected existence check (for tests).
    pub fn default_file_with(&self, exists: impl Fn(&Path) -> bool) -> &Path {
        self.files.iter().find(|p| exists(p)).unwrap_or(&self.files[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(explicit: Option<&str>, env: Option<&str>) -> KubeconfigTarget {
        KubeconfigTarget::from_parts(explicit.map(Path::new), env.map(OsStr::new), Some(Path::new("/home/u")))
            .unwrap()
    }

    #[test]
    fn flag_wins_over_env() {
        let t = target(Some("/x/kc"), Some("/a:/b"));
        assert_eq!(t.files(), [PathBuf::from("/x/kc")]);
        assert_eq!(t.origin(), Origin::Flag);
        assert_eq!(t.default_file_with(|_| false), Path::new("/x/kc"));
    }

    #[test]
    fn home_when_nothing_set_or_env_empty() {
        for env in [None, Some(""), Some(":"), Some("::")] {
            let t = target(None, env);
            assert_eq!(t.files(), [PathBuf::from("/home/u/.kube/config")], "{env:?}");
            assert_eq!(t.origin(), Origin::Home);
        }
    }

    #[test]
    fn env_list_is_split_deduplicated_and_empties_dropped() {
        let t = target(None, Some("/a::/b:/a:/c:"));
        assert_eq!(t.files(), [PathBuf::from("/a"), PathBuf::from("/b"), PathBuf::from("/c")]);
        assert_eq!(t.origin(), Origin::Env);
    }

    #[test]
    fn new_entries_go_to_the_first_existing_file() {
        let t = target(None, Some("/a:/b:/c"));
        assert_eq!(t.default_file_with(|p| p == Path::new("/b") || p == Path::new("/c")), Path::new("/b"));
        assert_eq!(t.default_file_with(|p| p == Path::new("/c")), Path::new("/c"));
    }

    #[test]
    fn when_no_file_exists_the_first_is_created() {
        let t = target(None, Some("/a:/b:/c"));
        assert_eq!(t.default_file_with(|_| false), Path::new("/a"));
    }

    #[test]
    fn empty_flag_is_ignored() {
        let t = target(Some(""), Some("/a"));
        assert_eq!(t.files(), [PathBuf::from("/a")]);
    }
}
