//! The command-line front end: parses arguments, finds the corpus, runs a command.

pub mod args;
mod completions;
mod export_cmd;
mod format_arg;
mod index_cmd;
mod list;
mod man;
mod open;
mod output;
mod search;
mod select;
mod show;
mod stats;
mod stats_chart;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;

use crate::filter::FilterError;
use crate::settings::Settings;

/// An error that ends the program: a usage error (exit 2) or anything else (exit 1).
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Other(#[from] anyhow::Error),
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Other(e.into())
    }
}

impl From<FilterError> for CliError {
    fn from(e: FilterError) -> Self {
        CliError::Usage(e.to_string())
    }
}

/// Parses the process arguments and runs; the exit code follows SPEC §5.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "chanjiao: {e}");
            match e {
                CliError::Usage(_) => ExitCode::from(2),
                CliError::Other(_) => ExitCode::from(1),
            }
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    // Resolved only by the commands that read the corpus: completions and the manual are
    // made from the command definitions alone and work without a home or a config file.
    let settings = || -> Result<Settings, CliError> {
        let s = Settings::resolve(cli.data_dir.clone(), &cli.corpus, cli.config.as_deref())?;
        crate::logging::init(&s);
        Ok(s)
    };
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Some(args::Command::List(a)) => list::run(&settings()?, &a.filters, &mut out),
        Some(args::Command::Show(a)) => show::run(&settings()?, &a, &mut out),
        Some(args::Command::Search(a)) => search::run(&settings()?, &a, &mut out),
        Some(args::Command::Index(a)) => index_cmd::run(&settings()?, &a, &mut out),
        Some(args::Command::Stats(a)) => stats::run(&settings()?, &a, &mut out),
        Some(args::Command::Export(a)) => export_cmd::run(&settings()?, &a, &mut out),
        Some(args::Command::Completions(a)) => completions::run(&a, &mut out),
        Some(args::Command::Man(a)) => man::run(&a, &mut out),
        None => {
            drop(out);
            crate::tui::run(&settings()?).map_err(CliError::Other)
        }
    };
    match result {
        Err(CliError::Other(e)) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
