//! Command-line basics: version, help, exit codes.

use assert_cmd::Command;

fn eksup() -> Command {
    Command::cargo_bin("eksup").unwrap()
}

#[test]
fn version_prints_the_crate_version() {
    eksup().arg("--version").assert().success().stdout(format!("eksup {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_command_is_a_usage_error() {
    eksup().arg("frobnicate").assert().code(2);
}
