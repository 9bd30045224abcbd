//! The one base of every command a test runs: nothing of the developer's machine leaks in (as
//! `just`'s `Test` builder). The offline builder ([`super::offline::eksup`]), the emulator's
//! commands ([`super::Emulator::eksup`], its `aws` and `kubectl`) and the token tests' builder
//! all start here and add only what they are about.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command as StdCommand;

/// The host variables no test command may see: every `AWS_*` (region, profile, credentials,
/// endpoints, CA bundle), `KUBECONFIG`, and `XDG_CACHE_HOME` (where eksup caches tokens).
pub fn host_vars() -> Vec<String> {
    std::env::vars_os()
        .filter_map(|(key, _)| key.into_string().ok())
        .filter(|key| key.starts_with("AWS_") || key == "KUBECONFIG" || key == "XDG_CACHE_HOME")
        .collect()
}

/// `program` as a test runs it: without the [`host_vars`], `HOME=home` (a directory of the
/// test's own, or one that does not exist), `NO_COLOR=1`, `CI=true`.
pub fn hermetic_program(program: impl AsRef<OsStr>, home: &Path) -> StdCommand {
    let mut cmd = StdCommand::new(program);
    for key in host_vars() {
        cmd.env_remove(key);
    }
    cmd.env("HOME", home).env("NO_COLOR", "1").env("CI", "true");
    cmd
}

/// The real `eksup` binary, hermetic (see [`hermetic_program`]), as a plain process (to stream
/// its output or signal it).
pub fn hermetic_process(home: &Path) -> StdCommand {
    hermetic_program(assert_cmd::cargo::cargo_bin("eksup"), home)
}

/// The real `eksup` binary, hermetic (see [`hermetic_program`]).
pub fn hermetic(home: &Path) -> assert_cmd::Command {
    assert_cmd::Command::from_std(hermetic_process(home))
}
