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
    let report = ops::get::get_nodegroups(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_identity_provider(
    args: GetPartArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report =
        ops::get::get_identity_providers(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_pod_identity(
    args: GetPodIdentityArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report = ops::get::get_pod_identities(
        &args.cluster,
        args.namespace.as_deref(),
        args.service_account_name.as_deref(),
        args.output.output,
        settings,
    )?;
    ops::finish(report, printer)
}

pub fn get_service_account(
    args: GetServiceAccountArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    // A name alone is in `default`, as eksctl reads it.
    let namespace = args.namespace.or_else(|| args.name.as_ref().map(|_| "default".to_string()));
    let report = ops::get::get_service_accounts(
        &args.cluster,
        namespace.as_deref(),
        args.name.as_deref(),
        args.output.output,
        settings,
    )?;
    ops::finish(report, printer)
}

pub fn get_addon(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let report = ops::get::get_addons(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_capability(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let report =
        ops::get::get_capabilities(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_fargate_profile(args: GetPartArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let report =
        ops::get::get_fargate_profiles(&args.cluster, args.name.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_identity_mapping(
    args: GetIdentityMappingArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report =
        ops::get::get_identity_mappings(&args.cluster, args.arn.as_deref(), args.output.output, settings)?;
    ops::finish(report, printer)
}

pub fn get_access_entry(
    args: GetAccessEntryArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let report = ops::get::get_access_entries(
        &args.cluster,
        args.principal_arn.as_deref(),
        args.output.output,
        settings,
    )?;
    ops::finish(report, printer)
}
