//! How to run: region, profile, verbosity. Resolved once from global flags and the environment.

use crate::cli::GlobalArgs;
use crate::output::{Printer, Verbosity};

#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--region`; `None` lets the config file or the AWS environment decide.
    pub region: Option<String>,
    /// `--profile`; `None` lets `AWS_PROFILE` decide.
    pub profile: Option<String>,
}

impl Settings {
    pub fn resolve(global: &GlobalArgs) -> Self {
        let GlobalArgs { region, profile, verbose: _, quiet: _, color: _ } = global;
        Self { region: region.clone(), profile: profile.clone() }
    }

    /// The region in effect without asking the AWS config files: `--region`, else `AWS_REGION`,
    /// else `AWS_DEFAULT_REGION` (the profile's region is the SDK's to read).
    pub fn region(&self) -> Option<String> {
        self.region.clone().or_else(|| {
            ["AWS_REGION", "AWS_DEFAULT_REGION"]
                .iter()
                .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        })
    }

    /// The profile in effect: `--profile`, else `AWS_PROFILE`.
    pub fn effective_profile(&self) -> Option<String> {
        self.profile.clone().or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()))
    }
}

pub fn printer(global: &GlobalArgs) -> Printer {
    let verbosity = if global.quiet {
        Verbosity::Quiet
    } else if global.verbose > 0 {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Printer::new(verbosity, global.color, no_color)
}

/// Whether prompts may be shown: stdin and stderr are terminals and `CI` is not set.
pub fn interactive() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none_or(|v| v.is_empty() || v == "false")
}
