//! `chanjiao index [--rebuild]`: build or bring the index up to date and say what changed.

use std::io::Write;

use crate::cli::CliError;
use crate::cli::args::IndexArgs;
use crate::cli::open::open;
use crate::index::{OpenOptions, RebuildReason};
use crate::settings::Settings;

pub fn run(settings: &Settings, args: &IndexArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let opts = OpenOptions {
        rebuild: args.rebuild,
        verify: true,
        quick: false,
    };
    let (index, report) = open(settings, opts)?;
    let seconds = report.elapsed.as_secs_f64();
    let mut say = |s: String| writeln!(out, "{s}").map_err(|e| CliError::Other(e.into()));
    if let Some(reason) = report.rebuilt {
        let why = match reason {
            RebuildReason::NoIndex => "built",
            RebuildReason::Requested => "rebuilt",
            RebuildReason::VersionChanged => "rebuilt (made by another version)",
            RebuildReason::Damaged => "rebuilt (the old one was damaged)",
        };
        say(format!(
            "{why}: {} articles from {} files in {seconds:.2}s",
            report.articles, report.files
        ))?;
    } else if report.changed_anything() {
        say(format!(
            "updated in {seconds:.2}s: {} added, {} changed, {} removed; {} articles from {} files",
            report.added.len(),
            report.changed.len(),
            report.removed.len(),
            report.articles,
            report.files
        ))?;
        for (mark, files) in [
            ("+", &report.added),
            ("~", &report.changed),
            ("-", &report.removed),
        ] {
            for f in files {
                say(format!("  {mark} {f}"))?;
            }
        }
    } else {
        say(format!(
            "up to date: {} articles from {} files (checked in {seconds:.2}s)",
            report.articles, report.files
        ))?;
    }
    if report.read_only {
        say("another chanjiao is updating this index; served the last complete one".into())?;
    }
    say(format!("index: {}", index.dir().display()))?;
    Ok(())
}
