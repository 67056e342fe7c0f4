//! `chanjiao index [--rebuild]`: build or bring the index up to date and say what changed.

use std::io::Write;

use crate::cli::CliError;
use crate::cli::args::IndexArgs;
use crate::cli::open::open;
use crate::index::{OpenOptions, RebuildReason};
use crate::settings::Settings;

/// Files named one per line after an update; past them, how many more.
const FILES_LISTED: usize = 20;

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
    // Files that gave no article are counted apart (stderr says why, one line each).
    let mut contents = format!(
        "{} from {}",
        count(report.articles, "article"),
        count(
            report.files - report.files_skipped.min(report.files),
            "file"
        )
    );
    if report.copies > 0 {
        let copies = match report.copies {
            1 => "1 copy".to_string(),
            n => format!("{n} copies"),
        };
        contents.push_str(&format!(", {copies} counted once"));
    }
    // Skipped: files that gave no article, and entries that could not be read at all (a
    // link to nowhere, a loop of links), as stderr lists them and the reader counts them.
    let skipped = report.skipped.len().max(report.files_skipped);
    if skipped > 0 {
        contents.push_str(&format!(", {skipped} skipped"));
    }
    let took = if report.waited.as_millis() >= 100 {
        format!(
            "{seconds:.2}s (after waiting {:.1}s for another chanjiao process)",
            report.waited.as_secs_f64()
        )
    } else {
        format!("{seconds:.2}s")
    };
    if let Some(reason) = report.rebuilt {
        let why = match reason {
            RebuildReason::NoIndex => "built",
            RebuildReason::Requested => "rebuilt",
            RebuildReason::VersionChanged => "rebuilt (made by another version)",
            RebuildReason::Damaged => "rebuilt (the old one was damaged)",
        };
        say(format!("{why}: {contents} in {took}"))?;
    } else if report.changed_anything() {
        let mut what = format!(
            "{} added, {} changed, {} removed",
            report.added.len(),
            report.changed.len(),
            report.removed.len(),
        );
        if !report.newly_skipped.is_empty() {
            what.push_str(&format!(", {} skipped", report.newly_skipped.len()));
        }
        say(format!("updated in {took}: {what}; {contents}"))?;
        let lines: Vec<String> = [
            ("+", &report.added),
            ("~", &report.changed),
            ("-", &report.removed),
        ]
        .into_iter()
        .flat_map(|(mark, files)| files.iter().map(move |f| format!("  {mark} {f}")))
        .collect();
        for line in lines.iter().take(FILES_LISTED) {
            say(line.clone())?;
        }
        if lines.len() > FILES_LISTED {
            say(format!("  … {} more", lines.len() - FILES_LISTED))?;
        }
    } else {
        say(format!("up to date: {contents} (checked in {took})"))?;
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
