//! One thin function per command: map the arguments to an operation's options, call the
//! operation (`crate::ops`), and hand its report to [`crate::ops::finish`]. No command imports
//! another.

pub mod addon;
pub mod cluster_config;
pub mod completion;
pub mod create_cluster;
pub mod delete_cluster;
pub mod drain;
pub mod get;
pub mod get_token;
pub mod health;
pub mod init;
pub mod kubeconfig;
pub mod man_pages;
pub mod nodegroup;
pub mod orphans;
pub mod repository;
pub mod upgrade;
pub mod version;

use anyhow::Result;

use crate::cli::{
    Command, CreateCommand, DeleteCommand, DrainCommand, EcrCommand, GetCommand, ScaleCommand, SetCommand,
    UnsetCommand, UpdateCommand, UpgradeCommand, UtilsCommand,
};
use crate::error::ExitStatus;
use crate::ops::parts::PartKind;
use crate::output::Printer;
use crate::settings::Settings;

pub fn dispatch(command: Command, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match command {
        Command::Create(c) => create(c, settings, printer),
        Command::Get(c) => get(c, settings, printer),
        Command::Delete(c) => delete(c, settings, printer),
        Command::Scale(ScaleCommand::Nodegroup(args)) => nodegroup::scale_nodegroup(args, settings, printer),
        Command::Set(SetCommand::Labels(args)) => nodegroup::set_labels(args, settings, printer),
        Command::Unset(UnsetCommand::Labels(args)) => nodegroup::unset_labels(args, settings, printer),
        Command::Drain(DrainCommand::Nodegroup(args)) => drain::drain_nodegroup(args, settings, printer),
        Command::Update(UpdateCommand::Addon(args)) => addon::update_addon(args, settings, printer),
        Command::Upgrade(UpgradeCommand::Cluster(args)) => upgrade::upgrade_cluster(args, settings, printer),
        Command::Upgrade(UpgradeCommand::Nodegroup(args)) => {
            upgrade::upgrade_nodegroup(args, settings, printer)
        }
        Command::Utils(UtilsCommand::WriteKubeconfig(args)) => {
            kubeconfig::write_kubeconfig(args, settings, printer)
        }
        Command::Utils(UtilsCommand::Schema) => create_cluster::print_schema(printer),
        Command::Utils(UtilsCommand::NodegroupHealth(args)) => {
            health::nodegroup_health(args, settings, printer)
        }
        Command::Utils(UtilsCommand::DescribeClusterVersions(args)) => {
            health::describe_cluster_versions(args, settings, printer)
        }
        Command::Utils(UtilsCommand::DescribeAddonVersions(args)) => {
            health::describe_addon_versions(args, settings, printer)
        }
        Command::Utils(UtilsCommand::UpdateClusterLogging(args)) => {
            cluster_config::update_cluster_logging(args, settings, printer)
        }
        Command::Utils(UtilsCommand::AssociateIamOidcProvider(args)) => {
            cluster_config::associate_oidc_provider(args, settings, printer)
        }
        Command::Utils(UtilsCommand::UpdateAuthenticationMode(args)) => {
            cluster_config::update_authentication_mode(args, settings, printer)
        }
        Command::Utils(UtilsCommand::UpdateClusterVpcConfig(args)) => {
            cluster_config::update_cluster_vpc_config(args, settings, printer)
        }
        Command::Utils(UtilsCommand::ManPages(args)) => man_pages::man_pages(&args, printer),
        Command::SetContext(args) => kubeconfig::set_context(args, settings, printer),
        Command::GetToken(args) => get_token::get_token(args, settings, printer),
        Command::Ecr(EcrCommand::Login(args)) => repository::ecr_login(args, settings, printer),
        Command::Init(args) => init::init(args, settings, printer),
        Command::Completion(args) => completion::completion(&args, printer),
        Command::Version(args) => version::version(&args, printer),
    }
}

fn create(command: CreateCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match command {
        CreateCommand::Cluster(args) => create_cluster::create_cluster(*args, settings, printer),
        CreateCommand::Iamserviceaccount(args) => nodegroup::create_service_account(args, settings, printer),
        CreateCommand::Podidentityassociation(args) => {
            nodegroup::create_pod_identity(args, settings, printer)
        }
        CreateCommand::Addon(args) => {
            let kind = PartKind::Addon { wait: args.wait };
            nodegroup::create_part(kind, args.part, &args.flags, settings, printer)
        }
        CreateCommand::Fargateprofile(args) => {
            nodegroup::create_part(PartKind::FargateProfile, args.part, &args.flags, settings, printer)
        }
        CreateCommand::Accessentry(args) => {
            nodegroup::create_part(PartKind::AccessEntry, args.part, &args.flags, settings, printer)
        }
        CreateCommand::Iamidentitymapping(args) => {
            nodegroup::create_part(PartKind::IdentityMapping, args.part, &args.flags, settings, printer)
        }
        CreateCommand::Capability(args) => {
            nodegroup::create_part(PartKind::Capability, args.part, &args.flags, settings, printer)
        }
        CreateCommand::Nodegroup(args) => nodegroup::create_nodegroup(args, settings, printer),
        CreateCommand::Repository(args) => repository::create_repository(args, settings, printer),
    }
}

fn get(command: GetCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match command {
        GetCommand::Cluster(args) => get::get_cluster(args, settings, printer),
        GetCommand::Nodegroup(args) => get::get_nodegroup(args, settings, printer),
        GetCommand::Iamserviceaccount(args) => get::get_service_account(args, settings, printer),
        GetCommand::Addon(args) => get::get_addon(args, settings, printer),
        GetCommand::Fargateprofile(args) => get::get_fargate_profile(args, settings, printer),
        GetCommand::Accessentry(args) => get::get_access_entry(args, settings, printer),
        GetCommand::Iamidentitymapping(args) => get::get_identity_mapping(args, settings, printer),
        GetCommand::Capability(args) => get::get_capability(args, settings, printer),
        GetCommand::Identityprovider(args) => get::get_identity_provider(args, settings, printer),
        GetCommand::Podidentityassociation(args) => get::get_pod_identity(args, settings, printer),
        GetCommand::Repository(args) => repository::get_repository(args, settings, printer),
        GetCommand::Orphans(args) => orphans::get_orphans(args, settings, printer),
        GetCommand::Labels(args) => nodegroup::get_labels(args, settings, printer),
    }
}

fn delete(command: DeleteCommand, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    use crate::ops::file_parts::FilePart;
    use nodegroup::DeletePart;
    match command {
        DeleteCommand::Cluster(args) => delete_cluster::delete_cluster(args, settings, printer),
        DeleteCommand::Nodegroup(args) => nodegroup::delete_nodegroup(args, settings, printer),
        DeleteCommand::Iamserviceaccount(args) => nodegroup::delete_service_account(args, settings, printer),
        DeleteCommand::Addon(args) => {
            let named = args.name.map(|name| crate::cloud::PartRef::Addon { name, preserve: args.preserve });
            let d =
                DeletePart::new(args.cluster, named, FilePart::Addon, args.select, args.yes, args.timeout);
            nodegroup::delete_part(DeletePart { preserve: args.preserve, ..d }, settings, printer)
        }
        DeleteCommand::Fargateprofile(args) => {
            let named = args.name.map(crate::cloud::PartRef::FargateProfile);
            let d = DeletePart::new(
                args.cluster,
                named,
                FilePart::FargateProfile,
                args.select,
                args.yes,
                args.timeout,
            );
            nodegroup::delete_part(d, settings, printer)
        }
        DeleteCommand::Accessentry(args) => {
            let named = args.principal_arn.map(crate::cloud::PartRef::AccessEntry);
            let d = DeletePart::new(
                args.cluster,
                named,
                FilePart::AccessEntry,
                args.select,
                args.yes,
                args.timeout,
            );
            nodegroup::delete_part(d, settings, printer)
        }
        DeleteCommand::Iamidentitymapping(args) => {
            let named = args.arn.or(args.account).map(crate::cloud::PartRef::IdentityMapping);
            let d = DeletePart::new(
                args.cluster,
                named,
                FilePart::IdentityMapping,
                args.select,
                args.yes,
                args.timeout,
            );
            nodegroup::delete_part(d, settings, printer)
        }
        DeleteCommand::Capability(args) => {
            let named = args.name.map(crate::cloud::PartRef::Capability);
            let d = DeletePart::new(
                args.cluster,
                named,
                FilePart::Capability,
                args.select,
                args.yes,
                args.timeout,
            );
            nodegroup::delete_part(d, settings, printer)
        }
        DeleteCommand::Podidentityassociation(args) => {
            nodegroup::delete_pod_identity(args, settings, printer)
        }
        DeleteCommand::Repository(args) => repository::delete_repository(args, settings, printer),
        DeleteCommand::Orphans(args) => orphans::delete_orphans(args, settings, printer),
    }
}
