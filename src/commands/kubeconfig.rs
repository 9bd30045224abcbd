//! `eksup utils write-kubeconfig` and `eksup set-context`.

use anyhow::Result;

use crate::cli::{SetContextArgs, WriteKubeconfigArgs};
use crate::error::ExitStatus;
use crate::ops::{self, kubeconfig::KubeconfigRequest};
use crate::output::Printer;
use crate::settings::Settings;

pub fn write_kubeconfig(
    args: WriteKubeconfigArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let WriteKubeconfigArgs {
        cluster,
        kubeconfig,
        set_context: _,
        no_set_context,
        alias,
        role_arn,
        authenticator,
    } = args;
    // `--set-context` and `--no-set-context` override each other: the last one counts.
    let request = KubeconfigRequest {
        kubeconfig: kubeconfig.kubeconfig,
        set_current: !no_set_context,
        alias,
        namespace: None,
        role_arn,
        authenticator,
    };
    ops::finish(ops::kubeconfig::write_kubeconfig(&cluster, &request, settings)?, printer)
}

pub fn set_context(args: SetContextArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let SetContextArgs { cluster, namespace, alias, kubeconfig, role_arn, authenticator } = args;
    let request = KubeconfigRequest {
        kubeconfig: kubeconfig.kubeconfig,
        set_current: true,
        alias,
        namespace,
        role_arn,
        authenticator,
    };
    ops::finish(ops::kubeconfig::write_kubeconfig(&cluster, &request, settings)?, printer)
}
