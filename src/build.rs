//! Link the `eksup` executable as a position-independent executable (the platform's default, for
//! address-space layout randomisation of the image too) with packed relative relocations
//! (`-z pack-relative-relocs`, DT_RELR).
//!
//! A PIE binary of this size (the AWS SDK clients) carries ~110,000 relative relocations; as
//! classic RELA entries (24 bytes each) the dynamic loader reads and applies ~2.6 MB of them
//! before `main`, which dominated the start-up of `eksup get-token` (the exec credential plugin
//! kubectl runs for every request). DT_RELR encodes them as bitmaps, a few kilobytes, so the
//! loader touches far fewer pages. glibc 2.36 and binutils 2.38 or newer support it; elsewhere
//! the flag is left out and the executable is an ordinary PIE.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux-gnu") && linker_packs_relocations() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-changed=src/build.rs");
}

/// Whether the system linker knows `-z pack-relative-relocs` (GNU ld lists it in `--help`).
fn linker_packs_relocations() -> bool {
    std::process::Command::new("ld")
        .arg("--help")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("pack-relative-relocs"))
}
