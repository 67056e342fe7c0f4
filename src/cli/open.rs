//! Opening the index for a command: progress on a terminal, notices and skipped files on
//! stderr, one line each.

use std::io::{IsTerminal, Write};

use crate::cli::CliError;
use crate::index::{Index, IndexError, OpenOptions, Phase, Progress, UpdateReport};
use crate::settings::Settings;

/// Opens (building or updating as needed) the index, reporting on stderr.
pub fn open(settings: &Settings, opts: OpenOptions) -> Result<(Index, UpdateReport), CliError> {
    let mut err = std::io::stderr();
    let tty = err.is_terminal();
    let mut last = String::new();
    let mut progress = |p: Progress| {
        if !tty {
            return;
        }
        let line = progress_line(p);
        if line != last {
            let _ = write!(err, "\r\x1b[2K{line}");
            let _ = err.flush();
            last = line;
        }
    };
    let opened = Index::open(
        &settings.data_dir,
        &settings.corpus_set(),
        opts,
        &mut progress,
    );
    if tty {
        let _ = write!(std::io::stderr(), "\r\x1b[2K");
    }
    let (index, report) = opened.map_err(index_error)?;
    let mut err = std::io::stderr().lock();
    for s in &report.skipped {
        let _ = writeln!(err, "chanjiao: {s}");
    }
    for n in &report.notices {
        let _ = writeln!(err, "chanjiao: {n}");
    }
    Ok((index, report))
}

fn progress_line(p: Progress) -> String {
    let what = match p.phase {
        Phase::Waiting => "waiting for another chanjiao to finish indexing",
        Phase::Scanning => "scanning the corpus",
        Phase::Parsing => "indexing",
        Phase::Linking => "linking reports of the same story",
        Phase::Committing => "saving the index",
    };
    // Linking gives the number of articles but no steps: a bar would stay empty.
    if p.total == 0 || p.phase != Phase::Parsing {
        return format!("{what}…");
    }
    let width = 30;
    let filled = (p.done * width / p.total.max(1)).min(width);
    format!(
        "{what} [{}{}] {}/{}",
        "#".repeat(filled),
        "-".repeat(width - filled),
        p.done,
        p.total
    )
}

/// Opens for a one-shot command (`list`, `show`, `search`, `stats`): the quick check, which
/// notices files added, removed or replaced but leaves files edited in place to the next
/// full check (`chanjiao index` or the reader).
pub fn open_quick(settings: &Settings) -> Result<Index, CliError> {
    let opts = OpenOptions {
        quick: true,
        ..OpenOptions::default()
    };
    open(settings, opts).map(|(index, _)| index)
}

/// Opens the index for a one-shot command and runs `work` on it. When reading finds the index
/// damaged (damage the quick open cannot see, such as a flipped byte in the document store),
/// the index is set aside with a notice, rebuilt, and `work` runs once more.
pub fn with_index<T>(
    settings: &Settings,
    work: impl Fn(&Index) -> Result<T, IndexError>,
) -> Result<T, CliError> {
    let index = open_quick(settings)?;
    match work(&index) {
        Err(IndexError::Corrupt(_, why)) => {
            let notice = index.set_aside(&why).map_err(index_error)?;
            let _ = writeln!(std::io::stderr(), "chanjiao: {notice}");
            drop(index);
            let index = open_quick(settings)?;
            work(&index).map_err(index_error)
        }
        done => done.map_err(index_error),
    }
}

/// Filter and query mistakes are usage errors; the rest are not.
pub fn index_error(e: IndexError) -> CliError {
    match e {
        IndexError::Filter(f) => CliError::Usage(f.to_string()),
        IndexError::Query(q) => CliError::Usage(q),
        other => CliError::Other(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_indexing_has_a_bar() {
        let at = |phase, done, total| progress_line(Progress { phase, done, total });
        assert!(at(Phase::Parsing, 5, 10).ends_with("] 5/10"));
        assert_eq!(
            at(Phase::Linking, 0, 100_000),
            "linking reports of the same story…"
        );
        assert_eq!(at(Phase::Committing, 0, 0), "saving the index…");
    }
}
