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
    let mut said: Option<Phase> = None;
    let mut progress = |p: Progress| {
        if !tty {
            // A log or a pipe gets one line as a long phase starts, so that a first build
            // of a large corpus is not taken for a hang.
            if said != Some(p.phase)
                && let Some(line) = phase_line(&p)
            {
                let _ = writeln!(err, "chanjiao: {line}");
                said = Some(p.phase);
            }
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

/// Files to index from which a phase is said without a terminal.
const FILES_WORTH_SAYING: usize = 200;

/// The line said without a terminal as a phase starts: waiting for another process, or
/// indexing many files; `None` for short work.
fn phase_line(p: &Progress) -> Option<String> {
    match p.phase {
        Phase::Waiting => Some("waiting for another chanjiao to finish indexing…".to_string()),
        Phase::Parsing if p.total >= FILES_WORTH_SAYING => {
            Some(format!("indexing {} files…", p.total))
        }
        _ => None,
    }
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
    fn without_a_terminal_only_waiting_and_long_indexing_are_said() {
        let at = |phase, total| {
            phase_line(&Progress {
                phase,
                done: 0,
                total,
            })
        };
        assert_eq!(
            at(Phase::Parsing, 23_900).as_deref(),
            Some("indexing 23900 files…")
        );
        assert_eq!(at(Phase::Parsing, 3), None);
        assert_eq!(at(Phase::Scanning, 0), None);
        assert!(at(Phase::Waiting, 0).is_some());
    }

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
