//! Link the `eksup` executable without position independence (`-no-pie`).
//!
//! A PIE binary of this size (the AWS SDK clients) makes the dynamic loader apply ~110,000
//! relative relocations and touch hundreds of pages before `main`, which dominated the start-up
//! time of `eksup get-token` (the exec credential plugin kubectl runs for every request). A
//! fixed-address executable has those addresses resolved at link time. The trade-off: the
//! executable image itself is not address-randomised (shared libraries, stack and heap still
//! are), as with eksctl and most Go binaries.
fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=src/build.rs");
}
