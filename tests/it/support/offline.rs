//! The real binary without any AWS settings (dry-runs assume zones and never call AWS), and the
//! YAML files of a folder: shared by the tests that need no emulator.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `eksup` with no `AWS_*` or `KUBECONFIG` from the host, a HOME that does not exist, no colour,
/// `CI` set: [`super::hermetic`].
pub fn eksup() -> Command {
    super::hermetic(&std::env::temp_dir().join("eksup-no-home"))
}

/// The `*.yaml` files of `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}
