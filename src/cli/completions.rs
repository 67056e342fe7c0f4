//! `chanjiao completions SHELL`: a completion script made from the command definitions.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::CliError;
use crate::cli::args::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    // The generators give up on a failed write by panicking, so they write into memory and
    // the script is copied out from there (a closed pipe is then an ordinary error).
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "chanjiao", &mut script);
    out.write_all(&script)?;
    Ok(())
}
