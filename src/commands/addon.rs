//! `eksup update addon`.

use anyhow::Result;

use crate::cli::UpdateAddonArgs;
use crate::error::ExitStatus;
use crate::ops::{self, addon::UpdateAddonOptions};
use crate::output::{OutputFormat, Printer};
use crate::settings::Settings;

pub fn update_addon(args: UpdateAddonArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let resolve = if args.force { Some("overwrite".to_string()) } else { args.resolve_conflicts };
    let options = UpdateAddonOptions {
        cluster: args.cluster,
        name: args.name,
        version: args.version,
        configuration_values: args.configuration_values,
        service_account_role_arn: args.service_account_role_arn,
        resolve_conflicts: resolve.map(|r| r.to_ascii_uppercase()),
        json: args.output == Some(OutputFormat::Json),
        timeout: args.timeout.timeout,
    };
    ops::finish(ops::addon::update_addon(&options, settings, printer)?, printer)
}
