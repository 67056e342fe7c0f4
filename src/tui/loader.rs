//! Opening the catalog on a background thread, with progress for the gauge: the first frame
//! never waits for the corpus. The reader searches the index ([`open_index`]); the
//! in-memory catalog ([`open_memory`]) remains for tests and small tools.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crate::corpus::{self, LoadReport};
use crate::index::{self, Index, OpenOptions, Phase};
use crate::settings::{CorpusChoice, Settings};
use crate::tagging::duplicates;

use super::action::{Action, Changes, News, Progress};
use super::backend::Catalog;
use super::event::Event;
use super::index_catalog::IndexCatalog;
use super::memory::MemoryCatalog;
use super::strings;

/// Reads every file of `paths`, in parallel, reporting how many are done.
pub fn load_with_progress(paths: &[PathBuf], progress: &mut dyn FnMut(Progress)) -> LoadReport {
    progress(Progress {
        label: "listing files".into(),
        done: 0,
        total: 0,
    });
    let (files, mut skipped) = corpus::walk(paths);
    let total = files.len();
    let done = AtomicUsize::new(0);
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let chunk = total.div_ceil(threads).max(1);
    let results: Vec<_> = thread::scope(|s| {
        let done = &done;
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|f| {
                            let parsed = std::fs::read(f)
                                .map_err(|e| format!("cannot read: {e}"))
                                .and_then(|b| corpus::parse_file_bytes(f, &b));
                            done.fetch_add(1, Ordering::Relaxed);
                            (f.clone(), parsed)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        while handles.iter().any(|h| !h.is_finished()) {
            progress(Progress {
                label: "reading files".into(),
                done: done.load(Ordering::Relaxed),
                total,
            });
            thread::sleep(Duration::from_millis(50));
        }
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    progress(Progress {
        label: "linking reports of the same story".into(),
        done: total,
        total,
    });
    let mut report = LoadReport::default();
    let mut seen = HashSet::new();
    for (file, parsed) in results {
        match parsed {
            Ok(articles) => report
                .articles
                .extend(articles.into_iter().filter(|a| seen.insert(a.id.clone()))),
            Err(reason) => skipped.push(corpus::Skipped { file, reason }),
        }
    }
    duplicates::link(&mut report.articles);
    report.skipped = skipped;
    report
}

/// Opens the in-memory catalog of the configured corpus.
pub fn open_memory(
    settings: &Settings,
    progress: &mut dyn FnMut(Progress),
) -> (MemoryCatalog, Vec<String>) {
    let report = match &settings.corpus {
        CorpusChoice::Sample => {
            progress(Progress {
                label: "reading the sample corpus".into(),
                done: 0,
                total: 0,
            });
            corpus::load_sample()
        }
        CorpusChoice::Paths(paths) => load_with_progress(paths, progress),
    };
    for s in &report.skipped {
        tracing::warn!("{s}");
    }
    let skipped = skipped_paths(&report.skipped);
    (MemoryCatalog::new(report.articles), skipped)
}

/// The gauge's label for a phase of opening the index.
fn phase_label(phase: Phase) -> &'static str {
    match phase {
        Phase::Waiting => "waiting for another chanjiao to finish indexing",
        Phase::Scanning => "scanning the corpus",
        Phase::Parsing => "indexing files",
        Phase::Linking => "linking reports of the same story",
        Phase::Committing => "saving the index",
    }
}

/// What the gauge shows of the index's progress. Only indexing files is counted: linking
/// comes with the number of articles but no steps, so a share of it would sit at 0% until
/// the end; it and the other phases show their label alone.
fn gauge_progress(p: index::Progress) -> Progress {
    let (done, total) = match p.phase {
        Phase::Parsing => (p.done, p.total),
        Phase::Waiting | Phase::Scanning | Phase::Linking | Phase::Committing => (0, 0),
    };
    Progress {
        label: phase_label(p.phase).into(),
        done,
        total,
    }
}

/// An open index, the files that gave no article, the corpus paths not found and what the
/// open has to tell.
pub struct Opened {
    pub catalog: IndexCatalog,
    pub skipped: Vec<String>,
    pub missing: Vec<String>,
    pub news: News,
}

/// Opens the index of the configured corpus (building or updating it as needed), with the
/// files skipped, the open's notices and what it changed in the index. The error is one
/// line.
pub fn open_index(
    settings: &Settings,
    sets: &MarkSets,
    progress: &mut dyn FnMut(Progress),
) -> Result<Opened, String> {
    let mut last: Option<index::Progress> = None;
    let mut report_progress = |p: index::Progress| {
        // Parsing reports every file: pass on only what changes the gauge.
        let same = last.is_some_and(|l| {
            l.phase == p.phase
                && l.total == p.total
                && l.done * 200 / l.total.max(1) == p.done * 200 / p.total.max(1)
        });
        if same {
            return;
        }
        last = Some(p);
        progress(gauge_progress(p));
    };
    let (mut index, report) = Index::open(
        &settings.data_dir,
        &settings.corpus_set(),
        OpenOptions::default(),
        &mut report_progress,
    )
    .map_err(|e| e.to_string())?;
    index.share_mark_sets(sets);
    for s in &report.skipped {
        tracing::warn!("{s}");
    }
    for n in &report.notices {
        tracing::warn!("{n}");
    }
    tracing::info!(
        rebuilt = ?report.rebuilt,
        added = report.added.len(),
        changed = report.changed.len(),
        removed = report.removed.len(),
        elapsed = ?report.elapsed,
        "index open"
    );
    // An upgrade's rebuild takes a while with no other word of why; damage has its notice.
    let version = (report.rebuilt == Some(index::RebuildReason::VersionChanged))
        .then(|| strings::REBUILT_FOR_VERSION.to_string());
    let news = News {
        notices: report.notices.iter().cloned().chain(version).collect(),
        changes: report.changed_anything().then(|| Changes {
            rebuilt: report.rebuilt.is_some(),
            added: report.added.len(),
            changed: report.changed.len(),
            removed: report.removed.clone(),
            newly_skipped: report.newly_skipped.clone(),
        }),
        asked: false,
        unchanged: false,
    };
    let (missing, skipped) = split_missing(&settings.corpus_set(), &report.skipped);
    Ok(Opened {
        catalog: IndexCatalog::new(index),
        skipped,
        missing,
        news,
    })
}

/// Why the catalog is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// The reader starts.
    Launch,
    /// The index was found damaged and set aside: it is built again.
    Reopen,
    /// The corpus changed while the reader was open.
    Refresh,
    /// The user asked for the corpus to be checked.
    Check,
}

/// The sets of read and starred documents that every index a reader opens shares: they are
/// kept by segment, so the index brought up to date, or opened again after the corpus
/// changed, looks up the marks of its new segments only.
pub type MarkSets = Arc<index::marks::MarkCache>;

/// Opens the catalog on a new thread; progress and the outcome arrive on `tx` as actions,
/// and the catalog goes to `give` (the worker).
///
/// When a complete index already exists it is handed over at once, as it stands, so the
/// first screen of articles does not wait for the corpus check; the full open (which brings
/// the index up to date) then runs and replaces it, and the reader searches again unless
/// the open found it as it was. A refresh skips that first step (the index shown is that
/// one) and says what changed.
pub fn spawn(
    settings: Settings,
    sets: MarkSets,
    tx: Sender<Event>,
    give: impl Fn(Arc<dyn Catalog>) + Send + 'static,
    start: Opening,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let started = std::time::Instant::now();
        let send = |a: Action| {
            let _ = tx.send(Event::App(a));
        };
        let as_is = match start {
            Opening::Refresh | Opening::Check => None,
            Opening::Launch | Opening::Reopen => {
                Index::open_as_is(&settings.data_dir, &settings.corpus_set())
            }
        };
        let shown = as_is.map(|mut index| {
            index.share_mark_sets(&sets);
            let generation = index.generation();
            let catalog: Arc<dyn Catalog> = Arc::new(IndexCatalog::new(index));
            tracing::info!(articles = catalog.len(), elapsed = ?started.elapsed(), "last index shown");
            let ready = ready(catalog.as_ref(), Vec::new(), Vec::new(), News::default());
            give(catalog);
            send(ready);
            generation
        });
        // Articles are on screen (just handed over, or shown before a reopen or refresh):
        // progress goes to the status line, not the full-screen gauge.
        let on_screen = shown.is_some() || start != Opening::Launch;
        let mut progress = |p: Progress| {
            send(if on_screen {
                Action::Updating(p)
            } else {
                Action::Progress(p)
            })
        };
        let opened = match open_index(&settings, &sets, &mut progress) {
            Ok(opened) => opened,
            Err(e) => {
                tracing::error!("cannot open the index: {e}");
                send(if on_screen {
                    Action::UpdateFailed(format!("{}: {e}", strings::UPDATE_FAILED))
                } else {
                    Action::LoadFailed(e)
                });
                return;
            }
        };
        let unchanged = shown.is_some_and(|g| g == opened.catalog.index().generation());
        let catalog: Arc<dyn Catalog> = Arc::new(opened.catalog);
        tracing::info!(articles = catalog.len(), skipped = opened.skipped.len(), elapsed = ?started.elapsed(), "catalog open");
        // Handed over even when nothing changed (a second reader on the same index, cheap):
        // `Ready` then brings the skipped-file count, ends the "updating" state and says
        // what the open found (the status line tells what changed only when articles were
        // already on screen).
        let news = News {
            asked: start == Opening::Check,
            unchanged,
            ..opened.news
        };
        let ready = ready(catalog.as_ref(), opened.skipped, opened.missing, news);
        give(catalog.clone());
        send(ready);
        // This thread has nothing else to do: it readies what the first searches read.
        let t = std::time::Instant::now();
        catalog.prepare();
        tracing::debug!("search prepared in {:.2?}", t.elapsed());
    })
}

/// The corpus paths given that are not there (a folder removed, a name mistyped), apart
/// from the files that gave no article: the status line says `folder not found` for them.
fn split_missing(
    corpus: &index::CorpusSet,
    skipped: &[corpus::Skipped],
) -> (Vec<String>, Vec<String>) {
    let roots: &[PathBuf] = match corpus {
        index::CorpusSet::Paths(roots) => roots,
        index::CorpusSet::Sample => &[],
    };
    let (missing, skipped): (Vec<&corpus::Skipped>, Vec<&corpus::Skipped>) =
        skipped.iter().partition(|s| {
            roots.contains(&s.file)
                && std::fs::symlink_metadata(&s.file)
                    .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        });
    let paths = |v: Vec<&corpus::Skipped>| v.iter().map(|s| s.file.display().to_string()).collect();
    (paths(missing), paths(skipped))
}

/// The paths of the skipped files, for the status line.
fn skipped_paths(skipped: &[corpus::Skipped]) -> Vec<String> {
    skipped
        .iter()
        .map(|s| s.file.display().to_string())
        .collect()
}

fn ready(catalog: &dyn Catalog, skipped: Vec<String>, missing: Vec<String>, news: News) -> Action {
    Action::Ready {
        articles: catalog.len(),
        skipped,
        missing,
        sorts: catalog.sorts(),
        news,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(phase: Phase, done: usize, total: usize) -> Progress {
        gauge_progress(index::Progress { phase, done, total })
    }

    #[test]
    fn corpus_paths_not_there_are_told_from_files_that_gave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let here = dir.path().join("here");
        let gone = dir.path().join("gone");
        std::fs::create_dir(&here).unwrap();
        let set = index::CorpusSet::Paths(vec![here.clone(), gone.clone()]);
        let skip = |file: PathBuf| corpus::Skipped {
            file,
            reason: "no such file or folder".into(),
        };
        // A dangling link inside a folder is a file that gave nothing.
        let skipped = [skip(gone.clone()), skip(here.join("dangling.txt"))];
        let (missing, rest) = split_missing(&set, &skipped);
        assert_eq!(missing, vec![gone.display().to_string()]);
        assert_eq!(rest, vec![here.join("dangling.txt").display().to_string()]);
    }

    #[test]
    fn only_indexing_files_is_measured() {
        let parsing = at(Phase::Parsing, 30, 120);
        assert_eq!((parsing.done, parsing.total), (30, 120));
        assert_eq!(parsing.label, "indexing files");
        // Linking knows how many articles it links, never how many it has linked.
        let linking = at(Phase::Linking, 0, 100_000);
        assert_eq!((linking.done, linking.total), (0, 0));
        assert_eq!(linking.label, "linking reports of the same story");
        for phase in [Phase::Waiting, Phase::Scanning, Phase::Committing] {
            assert_eq!(at(phase, 0, 0).total, 0, "{phase:?}");
        }
    }
}
