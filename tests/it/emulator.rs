//! Tests of the local AWS emulator itself (`tests/moto/eksup_moto.py` + the Rust harness):
//! they prove the extensions behave like AWS, driven through awscli.

use crate::support::Emulator;

#[test]
fn emulator_starts_and_answers_awscli() {
    let emu = Emulator::start();
    let vpcs = emu.aws(&["ec2", "describe-vpcs"]);
    let default = vpcs["Vpcs"].as_array().expect("Vpcs is an array");
    assert_eq!(default.len(), 1, "only the default VPC exists: {vpcs}");
    assert_eq!(default[0]["IsDefault"], true);
    assert!(emu.endpoint().starts_with("http://127.0.0.1:"));
    assert_eq!(emu.region(), "us-west-2");
}

#[test]
fn eksup_command_runs_with_the_emulator_environment() {
    let emu = Emulator::start();
    emu.eksup().arg("--version").assert().success();
}
