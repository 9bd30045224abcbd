//! `eksup get cluster`, `eksup get nodegroup`, `eksup get iamserviceaccount`, `eksup get
//! podidentityassociation`, `eksup get identityprovider`, `eksup get addon`, `eksup get
//! fargateprofile` and `eksup get accessentry`.

use anyhow::Result;

use crate::cli::{
    GetAccessEntryArgs, GetClusterArgs, GetIdentityMappingArgs, GetNodegroupArgs, GetPartArgs,
    GetPodIdentityArgs, GetServiceAccountArgs,
};
use crate::error::ExitStatus;
use crate::ops;
use crate::output::Printer;
use crate::settings::Settings;

pub fn get_cluster(args: GetClusterArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let name = args.name_pos.or(args.name);
    ops::finish(ops::get::get_clusters(name.as_deref(), args.output.output, settings)?, printer)
}

pub fn get_nodegroup(args: GetNodegroupArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report = ops::get::get_nodegroups(&t.cluster, args.name.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_identity_provider(
    args: GetPartArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report =
        ops::get::get_identity_providers(&t.cluster, args.name.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_pod_identity(
    args: GetPodIdentityArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report = ops::get::get_pod_identities(
        &t.cluster,
        args.namespace.as_deref(),
        args.service_account_name.as_deref(),
        args.output.output,
        &t.settings,
    )?;
    ops::finish(report, printer)
}

pub fn get_service_account(
    args: GetServiceAccountArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    // A name alone is in `default`, as eksctl reads it.
    let namespace = args.namespace.or_else(|| args.name.as_ref().map(|_| "default".to_string()));
    let report = ops::get::get_service_accounts(
        &t.cluster,
        namespace.as_deref(),
        args.name.as_deref(),
        args.output.output,
        &t.settings,
    )?;
    ops::finish(report, printer)
}

pub fn get_addon(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report = ops::get::get_addons(&t.cluster, args.name.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_capability(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report =
        ops::get::get_capabilities(&t.cluster, args.name.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_fargate_profile(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report =
        ops::get::get_fargate_profiles(&t.cluster, args.name.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_identity_mapping(
    args: GetIdentityMappingArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report =
        ops::get::get_identity_mappings(&t.cluster, args.arn.as_deref(), args.output.output, &t.settings)?;
    ops::finish(report, printer)
}

pub fn get_access_entry(
    args: GetAccessEntryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&args.cluster, settings, printer)?;
    let report = ops::get::get_access_entries(
        &t.cluster,
        args.principal_arn.as_deref(),
        args.output.output,
        &t.settings,
    )?;
    ops::finish(report, printer)
}
