//! The one integration test binary: the real `eksup` binary, real files, the real emulator.

mod cli;
mod config;
mod emulator;
mod init;
mod kubeconfig;
mod lifecycle;
mod support;
mod token;
