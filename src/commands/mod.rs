//! One thin function per command: resolve inputs, call the library, print through the printer.

pub mod completion;
pub mod create_cluster;
pub mod init;
pub mod man_pages;
pub mod version;

use anyhow::Result;

use crate::cli::{Command, CreateCommand, DeleteCommand, EcrCommand, GetCommand, ScaleCommand, UtilsCommand};
use crate::error::{ExitStatus, not_implemented};
use crate::output::Printer;
use crate::settings::Settings;

pub fn dispatch(command: Command, settings: &Settings, printer: &Printer) -> Result<ExitStatus> {
    match command {
        Command::Create(CreateCommand::Cluster(args)) => {
            create_cluster::create_cluster(*args, settings, printer)
        }
        Command::Create(CreateCommand::Nodegroup(_)) => Err(not_implemented("create nodegroup")),
        Command::Create(CreateCommand::Repository(_)) => Err(not_implemented("create repository")),
        Command::Get(GetCommand::Cluster(_)) => Err(not_implemented("get cluster")),
        Command::Get(GetCommand::Nodegroup(_)) => Err(not_implemented("get nodegroup")),
        Command::Get(GetCommand::Repository(_)) => Err(not_implemented("get repository")),
        Command::Delete(DeleteCommand::Cluster(_)) => Err(not_implemented("delete cluster")),
        Command::Delete(DeleteCommand::Nodegroup(_)) => Err(not_implemented("delete nodegroup")),
        Command::Delete(DeleteCommand::Repository(_)) => Err(not_implemented("delete repository")),
        Command::Scale(ScaleCommand::Nodegroup(_)) => Err(not_implemented("scale nodegroup")),
        Command::Utils(UtilsCommand::WriteKubeconfig(_)) => Err(not_implemented("utils write-kubeconfig")),
        Command::Utils(UtilsCommand::Schema) => create_cluster::print_schema(printer),
        Command::Utils(UtilsCommand::ManPages(args)) => man_pages::man_pages(&args, printer),
        Command::SetContext(_) => Err(not_implemented("set-context")),
        Command::GetToken(_) => Err(not_implemented("get-token")),
        Command::Ecr(EcrCommand::Login(_)) => Err(not_implemented("ecr login")),
        Command::Init(args) => init::init(args, settings, printer),
        Command::Completion(args) => completion::completion(&args, printer),
        Command::Version(args) => version::version(&args, printer),
    }
}

/// A multi-threaded tokio runtime for commands that talk to AWS.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?)
}
