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
        wait: true,
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
            "{why}: {} from {} in {seconds:.2}s",
            count(report.articles, "article"),
            count(report.files, "file")
        ))?;
    } else if report.changed_anything() {
        say(format!(
            "updated in {seconds:.2}s: {} added, {} changed, {} removed; {} from {}",
            report.added.len(),
            report.changed.len(),
            report.removed.len(),
            count(report.articles, "article"),
            count(report.files, "file")
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
            "up to date: {} from {} (checked in {seconds:.2}s)",
            count(report.articles, "article"),
            count(report.files, "file")
        ))?;
    }
    say(format!("index: {}", index.dir().display()))?;
    Ok(())
}

/// `1 article`, `2 articles`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
