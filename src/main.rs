//! The `eksup` binary: parse the command line, run, map the outcome to an exit code.
use std::ffi::OsString;
use std::process::ExitCode;

use clap::{Args as _, FromArgMatches as _};
use eksup::cli::{Cli, GetTokenArgs, GlobalArgs};

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    match get_token(&args) {
        Some(cli) => eksup::run_cli(cli),
        None => eksup::run(args),
    }
}

/// `eksup get-token`, parsed without building the whole command line: kubectl runs it for
/// every request, and the full CLI (every command's arguments) costs more than the cached token
/// itself (README "Performance"). The same global and `get-token` arguments, so what this
/// accepts the full CLI accepts as the same [`Cli`]; anything else (another command, `--help`,
/// `--version`, a mistake) is left to the full CLI, which answers as always.
fn get_token(args: &[OsString]) -> Option<Cli> {
    if !args.iter().skip(1).any(|a| a == "get-token") {
        return None;
    }
    let command = GlobalArgs::augment_args(clap::Command::new("eksup"))
        .subcommand(GetTokenArgs::augment_args(clap::Command::new("get-token")))
        .subcommand_required(true);
    let matches = command.try_get_matches_from(args).ok()?;
    Cli::from_arg_matches(&matches).ok()
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    fn argv(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    #[test]
    fn get_token_parses_as_the_full_command_line_does() {
        for line in [
            "eksup get-token --cluster-name demo",
            "eksup get-token --cluster-name demo --region us-west-2",
            "eksup --region us-west-2 -vv get-token -i demo --no-cache",
            "eksup get-token --cluster-id demo --role-arn arn:aws:iam::123456789012:role/r -q",
            "eksup --profile p get-token --cluster-name=demo --color never",
        ] {
            let full = Cli::try_parse_from(argv(line)).expect(line);
            let fast = get_token(&argv(line)).expect(line);
            assert_eq!(format!("{fast:?}"), format!("{full:?}"), "{line}");
        }
    }

    #[test]
    fn anything_else_is_left_to_the_full_command_line() {
        for line in [
            "eksup get-token",
            "eksup get-token --help",
            "eksup get-token --cluster-name demo -v -q",
            "eksup get-token --cluster-name=",
            "eksup get-token --cluster-name demo extra",
            "eksup --version get-token",
            "eksup help get-token",
            "eksup get cluster --name get-token",
            "eksup get-tokens --cluster-name demo",
        ] {
            assert!(get_token(&argv(line)).is_none(), "{line}");
        }
    }
}
