//! The real binary without any AWS settings (dry-runs assume zones and never call AWS), and the
//! YAML files of a folder: shared by the tests that need no emulator.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `eksup` with no `AWS_*` or `KUBECONFIG` from the host, a HOME of its own, no colour, `CI` set.
pub fn eksup() -> Command {
    let mut c = Command::cargo_bin("eksup").expect("the eksup binary is built");
    for (k, _) in std::env::vars() {
        if k.starts_with("AWS_") || k == "KUBECONFIG" {
            c.env_remove(k);
        }
    }
    c.env("HOME", std::env::temp_dir().join("eksup-no-home")).env("NO_COLOR", "1").env("CI", "true");
    c
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
