//! `eksup get-token`: print an ExecCredential for kubectl.

use anyhow::Result;

use crate::cli::GetTokenArgs;
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;
use crate::settings::Settings;

pub fn get_token(args: GetTokenArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let GetTokenArgs { cluster_name, role_arn, no_cache } = args;
    let report = ops::token::get_token(&cluster_name, role_arn.as_deref(), no_cache, settings, printer)?;
    ops::finish(report, printer)
}
