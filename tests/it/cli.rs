//! Command-line basics: version, help, exit codes.

use crate::support::offline::eksup;

#[test]
fn version_prints_the_crate_version() {
    eksup().arg("--version").assert().success().stdout(format!("eksup {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_command_is_a_usage_error() {
    eksup().arg("frobnicate").assert().code(2);
}

#[test]
fn shipped_completions_are_current() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "eksup.bash"),
        ("zsh", "_eksup"),
        ("fish", "eksup.fish"),
        ("powershell", "_eksup.ps1"),
        ("elvish", "eksup.elv"),
    ] {
        let out = eksup().args(["completion", shell]).output().unwrap();
        assert!(out.status.success());
        let shipped = std::fs::read(dir.join(file)).unwrap_or_default();
        assert!(shipped == out.stdout, "completions/{file} is stale: run `scripts/completions`");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("write-kubeconfig"),
            "{shell} completes subcommands"
        );
    }
}

#[test]
fn help_carries_examples() {
    let out = eksup().args(["create", "cluster", "--help"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Examples:"));
}

#[test]
fn man_pages_are_generated_per_command() {
    let dir = tempfile::tempdir().unwrap();
    eksup().args(["utils", "man-pages", "--dir"]).arg(dir.path()).assert().success();
    for page in [
        "eksup.1",
        "eksup-create-cluster.1",
        "eksup-delete-cluster.1",
        "eksup-get-token.1",
        "eksup-utils-write-kubeconfig.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|_| panic!("{page} was not written"));
        assert!(text.contains(".TH"), "{page} is roff");
    }
}

/// The executable keeps the platform's hardening: it is position independent (ELF type
/// `ET_DYN` with the `PIE` flag), so its image is address-randomised like its libraries.
#[cfg(target_os = "linux")]
#[test]
fn executable_is_position_independent() {
    let path = assert_cmd::cargo::cargo_bin("eksup");
    let bytes = std::fs::read(&path).expect("the eksup binary is built");
    assert_eq!(&bytes[..4], b"\x7fELF", "{} is not ELF", path.display());
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    assert_eq!(e_type, 3, "ET_DYN expected (a PIE), got ELF type {e_type}");
    let out = std::process::Command::new("readelf").arg("-d").arg(&path).output();
    if let Some(out) = out.ok().filter(|o| o.status.success()) {
        let dynamic = String::from_utf8_lossy(&out.stdout);
        assert!(dynamic.contains("PIE"), "no PIE flag in the dynamic section:\n{dynamic}");
    }
}

#[test]
fn a_namespace_without_a_service_account_name_is_refused_not_ignored() {
    let out = eksup()
        .args(["delete", "iamserviceaccount", "-f", "cluster.yaml", "--namespace", "backend", "-y"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`--namespace` goes with `--name`")
            && stderr.contains("hint: write `--include 'backend/*'`"),
        "{stderr}"
    );
}
