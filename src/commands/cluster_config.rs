//! `eksup utils update-cluster-logging` and `eksup utils update-cluster-vpc-config`.

use anyhow::Result;

use crate::cli::{
    ApproveArgs, AssociateIamOidcProviderArgs, UpdateAuthenticationModeArgs, UpdateClusterLoggingArgs,
    UpdateClusterVpcConfigArgs,
};
use crate::error::{ExitStatus, UserError};
use crate::ops::{self, cluster_config as op};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn update_cluster_logging(
    args: UpdateClusterLoggingArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    if args.enable_types.is_empty() && args.disable_types.is_empty() {
        return Err(UserError::usage("give `--enable-types`, `--disable-types`, or both")
            .hint("e.g. `--enable-types all`")
            .into());
    }
    let wanted = op::Wanted::Logging {
        enable: op::log_types(&args.enable_types, "--enable-types")?,
        disable: op::log_types(&args.disable_types, "--disable-types")?,
    };
    run(args.cluster, wanted, &args.apply, settings, printer)
}

pub fn update_cluster_vpc_config(
    args: UpdateClusterVpcConfigArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    if args.private_access.is_none() && args.public_access.is_none() && args.public_access_cidrs.is_none() {
        return Err(UserError::usage(
            "give `--private-access`, `--public-access` or `--public-access-cidrs`",
        )
        .into());
    }
    let wanted = op::Wanted::Endpoints {
        public: args.public_access,
        private: args.private_access,
        public_cidrs: args.public_access_cidrs,
    };
    run(args.cluster, wanted, &args.apply, settings, printer)
}

pub fn update_authentication_mode(
    args: UpdateAuthenticationModeArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let wanted = op::Wanted::AuthenticationMode(args.authentication_mode.to_ascii_uppercase());
    run(args.cluster, wanted, &args.apply, settings, printer)
}

pub fn associate_oidc_provider(
    args: AssociateIamOidcProviderArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let json = args.output == Some(OutputFormat::Json);
    ops::finish(
        ops::oidc::associate_oidc_provider(&args.cluster, args.approve, json, settings, printer)?,
        printer,
    )
}

fn run(
    cluster: String,
    wanted: op::Wanted,
    apply: &ApproveArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = op::UpdateConfigOptions {
        cluster,
        wanted,
        approve: apply.approve,
        json: apply.output == Some(OutputFormat::Json),
        timeout: apply.timeout.timeout,
    };
    ops::finish(op::update_cluster_config(&options, settings, printer)?, printer)
}
