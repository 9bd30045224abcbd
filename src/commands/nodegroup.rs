//! `eksup create nodegroup`, `eksup scale nodegroup` and `eksup delete nodegroup`; `eksup create`
//! and `delete` `iamserviceaccount` and `podidentityassociation`, the other parts of a cluster.

use anyhow::Result;

use crate::cli::{
    CreateNodegroupArgs, CreatePartArgs, CreatePodIdentityArgs, CreateServiceAccountArgs,
    DeleteNodegroupArgs, DeletePodIdentityArgs, DeleteServiceAccountArgs, LabelsArgs, ScaleNodegroupArgs,
    SetLabelsArgs, UnsetLabelsArgs,
};
use crate::error::{ExitStatus, UserError};
use crate::ops::nodegroup::{CreateNodegroupOptions, DeleteNodegroupOptions, ScaleOptions};
use crate::ops::{self, load::ConfigSource};
use crate::output::Printer;
use crate::settings::Settings;

pub fn create_nodegroup(
    args: CreateNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let Some(file) = args.file.config_file else {
        return Err(UserError::usage("give the config file with the node groups: `-f cluster.yaml`").into());
    };
    let options = CreateNodegroupOptions {
        source: ConfigSource::from_args(Some(file), None)?,
        include: args.include,
        exclude: args.exclude,
        dry_run: args.dry_run,
        output: args.output,
        timeout: args.timeout.timeout,
        wait_nodes: args.wait_nodes,
    };
    ops::finish(ops::nodegroup::create_nodegroup(&options, settings, printer)?, printer)
}

pub fn scale_nodegroup(
    args: ScaleNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let ScaleNodegroupArgs { cluster, name, nodes, nodes_min, nodes_max } = args;
    let options = ScaleOptions { cluster, name, desired: nodes, min: nodes_min, max: nodes_max };
    ops::finish(ops::nodegroup::scale_nodegroup(&options, settings)?, printer)
}

pub fn delete_nodegroup(
    args: DeleteNodegroupArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let DeleteNodegroupArgs { cluster, name, yes, no_wait, timeout } = args;
    let options = DeleteNodegroupOptions { cluster, name, yes, no_wait, timeout: timeout.timeout };
    ops::finish(ops::nodegroup::delete_nodegroup(&options, settings, printer)?, printer)
}

/// `create iamserviceaccount`, from flags or `-f`.
pub fn create_service_account(
    args: CreateServiceAccountArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = ops::part_flags::options(args.part, &args.flags, settings)?;
    ops::finish(ops::service_account::create_service_accounts(&options, settings, printer)?, printer)
}

/// `create podidentityassociation`, from flags or `-f`.
pub fn create_pod_identity(
    args: CreatePodIdentityArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = ops::part_flags::options(args.part, &args.flags, settings)?;
    ops::finish(ops::service_account::create_pod_identities(&options, settings, printer)?, printer)
}

/// `create addon|fargateprofile|accessentry|iamidentitymapping|capability`, from flags or `-f`.
pub fn create_part<F: ops::part_flags::PartFlags>(
    kind: ops::parts::PartKind,
    part: CreatePartArgs,
    flags: &F,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let options = ops::part_flags::options(part, flags, settings)?;
    ops::finish(ops::parts::create_parts(kind, &options, settings, printer)?, printer)
}

/// Service accounts and pod identity associations are deleted without a time limit (their
/// deletes wait on nothing long).
const NO_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// `delete addon|fargateprofile|accessentry|capability|iamidentitymapping`: the one named, or
/// with `-f` and no name the file's (`part`, chosen by `select`).
pub struct DeletePart {
    pub cluster: crate::cli::ClusterArg,
    pub named: Option<crate::cloud::PartRef>,
    pub part: ops::file_parts::FilePart,
    pub select: crate::cli::FileSelectArgs,
    pub preserve: bool,
    pub yes: bool,
    pub timeout: crate::cli::TimeoutArg,
}

impl DeletePart {
    pub fn new(
        cluster: crate::cli::ClusterArg,
        named: Option<crate::cloud::PartRef>,
        part: ops::file_parts::FilePart,
        select: crate::cli::FileSelectArgs,
        yes: bool,
        timeout: crate::cli::TimeoutArg,
    ) -> Self {
        Self { cluster, named, part, select, preserve: false, yes, timeout }
    }
}

pub fn delete_part(d: DeletePart, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let t = ops::file_parts::target(&d.cluster, settings, printer)?;
    let timeout = d.timeout.timeout;
    let Some(named) = d.named else {
        return ops::file_parts::delete_from_file(d.part, &t, &d.select, d.preserve, d.yes, timeout, printer);
    };
    let report = ops::parts::delete_part(&t.cluster, named, d.yes, timeout, &t.settings, printer)?;
    ops::finish(report, printer)
}

pub fn get_labels(args: LabelsArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let LabelsArgs { cluster, nodegroup, output } = args;
    let t = ops::file_parts::target(&cluster, settings, printer)?;
    ops::finish(ops::nodegroup::get_labels(&t.cluster, &nodegroup, output.output, &t.settings)?, printer)
}

pub fn set_labels(args: SetLabelsArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let SetLabelsArgs { cluster, nodegroup, labels } = args;
    let set = labels
        .iter()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let change = ops::nodegroup::LabelChange { set, remove: vec![] };
    let t = ops::file_parts::target(&cluster, settings, printer)?;
    ops::finish(ops::nodegroup::change_labels(&t.cluster, &nodegroup, change, &t.settings, printer)?, printer)
}

pub fn unset_labels(args: UnsetLabelsArgs, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    let UnsetLabelsArgs { cluster, nodegroup, labels } = args;
    let change = ops::nodegroup::LabelChange { set: Default::default(), remove: labels };
    let t = ops::file_parts::target(&cluster, settings, printer)?;
    ops::finish(ops::nodegroup::change_labels(&t.cluster, &nodegroup, change, &t.settings, printer)?, printer)
}

pub fn delete_service_account(
    args: DeleteServiceAccountArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let DeleteServiceAccountArgs { cluster, namespace, name, select, yes } = args;
    // eksctl ignores it without `--name` (its loader spells it `namepace`): eksup says so.
    if let (None, Some(ns)) = (&name, &namespace) {
        return Err(UserError::usage(
            "`--namespace` goes with `--name`: the file's accounts are chosen with `--include`",
        )
        .hint(format!("write `--include '{ns}/*'` to delete the file's accounts of `{ns}`"))
        .into());
    }
    let t = ops::file_parts::target(&cluster, settings, printer)?;
    let Some(name) = name else {
        let part = ops::file_parts::FilePart::ServiceAccount;
        return ops::file_parts::delete_from_file(part, &t, &select, false, yes, NO_TIMEOUT, printer);
    };
    let report = ops::service_account::delete_service_account(
        &t.cluster,
        namespace.as_deref().unwrap_or("default"),
        &name,
        yes,
        &t.settings,
        printer,
    )?;
    ops::finish(report, printer)
}

pub fn delete_pod_identity(
    args: DeletePodIdentityArgs,
    settings: &Settings,
    printer: &Printer,
) -> Result<ExitStatus> {
    let DeletePodIdentityArgs { cluster, namespace, service_account_name, select, yes } = args;
    let t = ops::file_parts::target(&cluster, settings, printer)?;
    let (Some(namespace), Some(account)) = (namespace, service_account_name) else {
        let part = ops::file_parts::FilePart::PodIdentity;
        return ops::file_parts::delete_from_file(part, &t, &select, false, yes, NO_TIMEOUT, printer);
    };
    let report = ops::service_account::delete_pod_identity(
        &t.cluster,
        &namespace,
        &account,
        yes,
        &t.settings,
        printer,
    )?;
    ops::finish(report, printer)
}
