//! The one integration test binary: the real `eksup` binary, real files, the real emulator.

mod bad_input;
mod calls;
mod ci;
mod cli;
mod config;
mod delete_plan;
mod drain;
mod ecr;
mod eksctl_examples;
mod emulator;
mod engine;
mod faults;
mod init;
mod interrupt;
mod kubeconfig;
mod lifecycle;
mod nacl;
mod orphans;
mod pictures;
mod preflight;
mod rate;
mod real_aws;
mod rollback;
mod schema;
mod support;
mod token;
