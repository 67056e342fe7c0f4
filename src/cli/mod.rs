//! The command-line front end: parses arguments, finds the corpus, runs a command.

pub mod args;
mod argv;
mod completions;
mod config_cmd;
mod export_cmd;
mod format_arg;
mod index_cmd;
mod list;
mod man;
mod offer_arg;
mod open;
mod output;
mod search;
mod select;
mod show;
mod stats;
mod stats_chart;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub use args::Cli;

use crate::config::ConfigError;
use crate::filter::FilterError;
use crate::settings::{NoCorpus, Settings};

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

impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> Self {
        CliError::Usage(e.to_string())
    }
}

impl From<FilterError> for CliError {
    fn from(e: FilterError) -> Self {
        CliError::Usage(e.to_string())
    }
}

/// Parses the process arguments and runs; the exit code follows SPEC §5.
pub fn main() -> ExitCode {
    let cli = match argv::parse(std::env::args_os()) {
        Ok(c) => c,
        Err(e) if e.is_request() => {
            let code = e.error.exit_code();
            let _ = e.error.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "chanjiao: {}", e.one_line());
            return ExitCode::from(u8::try_from(e.error.exit_code()).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // Some errors hold several problems, one a line (a configuration file's):
            // each line is prefixed, so that none reads as output.
            let mut err = std::io::stderr().lock();
            for line in e.to_string().lines() {
                let _ = writeln!(err, "chanjiao: {line}");
            }
            match e {
                CliError::Usage(_) => ExitCode::from(2),
                CliError::Other(_) => ExitCode::from(1),
            }
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    // `config`, `completions` and `man` need no corpus (completions and the manual are made
    // from the command definitions alone) and work without a home directory or a valid
    // configuration file; the others load both first.
    let result = match &cli.command {
        Some(args::Command::Config(a)) => config_cmd::run(a, cli.config.as_deref(), &mut out),
        Some(args::Command::Completions(a)) => completions::run(a, &mut out),
        Some(args::Command::Man(a)) => man::run(a, &mut out),
        Some(args::Command::List(a)) => list::run(&load(&cli)?.0, &a.filters, &mut out),
        Some(args::Command::Show(a)) => show::run(&load(&cli)?.0, a, &mut out),
        Some(args::Command::Search(a)) => search::run(&load(&cli)?.0, a, &mut out),
        Some(args::Command::Index(a)) => index_cmd::run(&load(&cli)?.0, a, &mut out),
        Some(args::Command::Stats(a)) => stats::run(&load(&cli)?.0, a, &mut out),
        Some(args::Command::Export(a)) => export_cmd::run(&load(&cli)?.0, a, &mut out),
        None => {
            drop(out);
            let (settings, config) = load(&cli)?;
            let start = crate::tui::Start { resume: !cli.fresh };
            crate::tui::run(&settings, &config, start).map_err(CliError::Other)
        }
    };
    match result {
        Err(CliError::Other(e)) if is_broken_pipe(&e) => Ok(()),
        other => other,
    }
}

/// The configuration, then where things are; starts the log.
fn load(cli: &Cli) -> Result<(Settings, crate::config::Config), CliError> {
    check_corpus_args(&cli.corpus)?;
    let config = crate::config::load(cli.config.as_deref())?.config;
    let settings = Settings::resolve(cli.data_dir.clone(), &cli.corpus, &config).map_err(|e| {
        if e.is::<NoCorpus>() {
            CliError::Usage(e.to_string())
        } else {
            CliError::Other(e)
        }
    })?;
    crate::logging::init(&settings);
    Ok((settings, config))
}

/// `--corpus` paths that are all missing are a mistake on the command line, not an empty
/// corpus: an error naming them. When some are there, the others are skipped with a notice
/// as the corpus is read, like any path that cannot be read.
fn check_corpus_args(paths: &[PathBuf]) -> Result<(), CliError> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| std::fs::metadata(p).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound))
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() || missing.len() < paths.len() {
        return Ok(());
    }
    let (noun, verb) = if missing.len() == 1 {
        ("path", "does")
    } else {
        ("paths", "do")
    };
    Err(anyhow::anyhow!(
        "nothing to read: the --corpus {noun} {} {verb} not exist",
        missing.join(", ")
    )
    .into())
}

/// The reader of our output went away (`chanjiao list | head`): not an error. The write may
/// have failed inside serde_json, which wraps the I/O error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(|io| io.kind()) == pipe
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
    })
}
