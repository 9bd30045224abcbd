//! The one printer: everything eksup shows goes through here.
//!
//! stdout is for data (`-o json|yaml`, tables, tokens); stderr is for people (status, progress,
//! warnings, errors). `clippy::print_stdout` and `clippy::print_stderr` are denied elsewhere.
#![allow(clippy::print_stdout, clippy::print_stderr)]

pub mod progress;
pub mod summary;
pub mod table;
pub mod timeline;

use std::io::{IsTerminal, Write};

use console::Style;

use crate::error::{UserError, hints_of};

/// How much to say on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// `--color auto|always|never`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The data formats of `-o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    #[default]
    Table,
    Json,
    Yaml,
}

/// The formats of `-o` for commands that build a plan (`create cluster`, `create nodegroup`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanFormat {
    /// The plan as a tree (people)
    #[default]
    Table,
    /// The plan as JSON; with a real run, one event per line
    Json,
    /// The defaulted config (eksctl's format)
    Yaml,
    /// The plan as a Mermaid flowchart (`--dry-run`)
    Mermaid,
    /// The plan as a Graphviz graph for `dot -Tsvg` (`--dry-run`)
    Dot,
}

#[derive(Debug, Clone)]
pub struct Printer {
    verbosity: Verbosity,
    color: bool,
    stderr_tty: bool,
}

impl Printer {
    /// `no_color_env` is whether `NO_COLOR` is set to a non-empty value.
    pub fn new(verbosity: Verbosity, color: ColorChoice, no_color_env: bool) -> Self {
        let stderr_tty = std::io::stderr().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stderr_tty && !no_color_env,
        };
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(color);
        Self { verbosity, color, stderr_tty }
    }

    pub fn verbosity(&self) -> Verbosity {
        self.verbosity
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether stderr is a terminal (progress bars and prompts only then).
    pub fn stderr_is_terminal(&self) -> bool {
        self.stderr_tty
    }

    /// Data on stdout. A closed pipe (`eksup get cluster | head -1`) ends the program quietly.
    pub fn data(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        let res = out
            .write_all(text.as_bytes())
            .and_then(|()| if text.ends_with('\n') { Ok(()) } else { out.write_all(b"\n") });
        if let Err(e) = res.and_then(|()| out.flush())
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
    }

    /// Raw bytes on stdout with no newline added (a token, a password).
    pub fn data_raw(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush())
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
    }

    /// A status line for people: `verb message`, right-aligned green verb like cargo.
    pub fn status(&self, verb: &str, message: &str) {
        if self.verbosity >= Verbosity::Normal {
            let verb = Style::new().green().bold().apply_to(format!("{verb:>12}"));
            eprintln!("{verb} {message}");
        }
    }

    /// A plain line for people on stderr (not shown with `-q`).
    pub fn info(&self, message: &str) {
        if self.verbosity >= Verbosity::Normal {
            eprintln!("{message}");
        }
    }

    /// Shown only with `-v`.
    pub fn verbose(&self, message: &str) {
        if self.verbosity >= Verbosity::Verbose {
            eprintln!("{}", Style::new().dim().apply_to(message));
        }
    }

    pub fn warn(&self, message: &str) {
        eprintln!("{} {message}", Style::new().yellow().bold().apply_to("warning:"));
    }

    pub fn hint(&self, message: &str) {
        eprintln!("{} {message}", Style::new().cyan().bold().apply_to("hint:"));
    }

    /// The one renderer for errors: `error: ...`, its causes, then its hints.
    pub fn error(&self, err: &anyhow::Error) {
        let red = Style::new().red().bold();
        eprintln!("{} {err}", red.apply_to("error:"));
        for cause in err.chain().skip(1) {
            if cause.downcast_ref::<UserError>().is_some() && cause.to_string() == err.to_string() {
                continue;
            }
            eprintln!("  {} {cause}", Style::new().bold().apply_to("caused by:"));
        }
        let hints = hints_of(err);
        if !hints.is_empty() {
            eprintln!();
            for h in hints {
                self.hint(&h);
            }
        }
    }

    /// Ask before something destructive. `--yes` skips the question; on a terminal (and not in
    /// CI) a prompt asks; otherwise it refuses with a hint to add `--yes`.
    pub fn confirm(&self, question: &str, yes: bool) -> anyhow::Result<()> {
        if yes {
            return Ok(());
        }
        if !crate::settings::interactive() {
            return Err(UserError::usage(format!("{question}: refusing without confirmation (no terminal)"))
                .hint("add `--yes` to confirm")
                .into());
        }
        let ok = dialoguer::Confirm::with_theme(&dialoguer::theme::ColorfulTheme::default())
            .with_prompt(question)
            .default(false)
            .interact_on(&console::Term::stderr())?;
        if ok { Ok(()) } else { Err(UserError::new("cancelled: nothing was changed").into()) }
    }

    /// One line on stderr, whatever the verbosity (progress lines decide for themselves).
    pub fn line(text: &str) {
        eprintln!("{text}");
    }

    /// One JSON object per line on stdout (event streams).
    pub fn json_line(value: &impl serde::Serialize) {
        let mut out = std::io::stdout().lock();
        let line = serde_json::to_string(value).unwrap_or_default();
        if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush())
            && e.kind() == std::io::ErrorKind::BrokenPipe
        {
            std::process::exit(0);
        }
    }

    /// Raw text for people on stderr, already formatted (diagnostics, plan trees).
    pub fn stderr(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        if !text.ends_with('\n') {
            let _ = err.write_all(b"\n");
        }
    }
}
