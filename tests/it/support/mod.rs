//! Shared helpers for the integration tests.
//!
//! Every command a test runs starts from [`hermetic`] (or its plain-process twins): no `AWS_*`
//! or `KUBECONFIG` of the host, a HOME of its own, `NO_COLOR`, `CI`. [`offline::eksup`] is that
//! for tests without AWS; [`Run`] is a finished run; [`Inventory`] is what exists of a cluster.
//!
//! [`Emulator`] runs one local AWS emulator (moto + eksup's extensions, see
//! `tests/moto/eksup_moto.py`) per test and builds `eksup`/`aws` commands pointed at it:
//!
//! ```ignore
//! let emu = Emulator::builder().env("MOTO_EKS_CLUSTER_CREATE_SECONDS", "2").start();
//! emu.eksup().args(["create", "cluster", "-f", "cluster.yaml"]).assert().success();
//! let vpcs = emu.aws(&["ec2", "describe-vpcs"]);
//! ```

// Each test module uses a different subset of the harness.
#![allow(dead_code, unused_imports)]

pub mod emulator;
pub mod hermetic;
pub mod inventory;
pub mod offline;
pub mod run;

pub use emulator::{Emulator, EmulatorBuilder};
pub use hermetic::{hermetic, hermetic_process, hermetic_program};
pub use inventory::Inventory;
pub use run::Run;
