//! Opening an index: find the live generation, check its stamp and health, bring it up to
//! date, or build it. Every step that writes holds the update lock.
//!
//! Folder layout, under `DATA_DIR/indexes/KEY/`:
//! - `lock` — the update lock;
//! - `CURRENT` — the name of the live generation folder, replaced atomically;
//! - `gen-…/` — a tantivy index plus `chanjiao-state-N.json` (manifest and duplicates) and
//!   `chanjiao-links-N.bin` (what an update needs to link duplicates incrementally);
//! - `damaged-…/` — a generation found damaged, kept for inspection.
//!
//! A full build writes a new generation folder and switches `CURRENT` only after its commit,
//! so a build killed at any moment leaves the previous index (or none) in place. Incremental
//! updates are one tantivy commit whose payload names the state file written just before.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tantivy::{IndexReader, ReloadPolicy};

use super::build::{self, Changes};
use super::contained::contained;
use super::corpus_set::CorpusSet;
use super::error::brief;
use super::links;
use super::lock::UpdateLock;
use super::manifest::{Payload, State, stamp};
use super::read_only_dir::ReadOnlyDir;
use super::schema::{self, Fields};
use super::stories;
use super::tails;
use super::{
    Index, IndexError, OpenOptions, Phase, Progress, RebuildReason, UpdateReport, analyzer, paths,
};

const CURRENT: &str = "CURRENT";
/// How often a process waiting for the update lock looks again.
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// A generation that opened cleanly.
pub(crate) struct Live {
    pub dir: PathBuf,
    pub index: tantivy::Index,
    pub reader: IndexReader,
    pub fields: Fields,
    pub state: State,
    pub state_no: u64,
    /// How the files' ends were checked: by every checksum where no record of them fits.
    pub checked: tails::Checked,
}

enum Problem {
    Missing,
    Stale,
    Damaged(PathBuf, String),
}

fn current_dir(root: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(root.join(CURRENT)).ok()?;
    let name = name.trim();
    if name.is_empty() || name.contains(['/', '\\']) || name == ".." {
        return None;
    }
    Some(root.join(name))
}

fn open_generation(dir: &Path) -> Result<Live, Problem> {
    open_generation_as(dir, false)
}

/// [`open_generation`], `read_only` for a folder that cannot be written ([`ReadOnlyDir`]).
fn open_generation_as(dir: &Path, read_only: bool) -> Result<Live, Problem> {
    let damaged = |why: String| Problem::Damaged(dir.to_path_buf(), why);
    if !dir.join("meta.json").is_file() {
        return Err(damaged("meta.json is missing".into()));
    }
    let index = if read_only {
        ReadOnlyDir::open(dir).and_then(tantivy::Index::open)
    } else {
        tantivy::Index::open_in_dir(dir)
    }
    .map_err(|e| damaged(e.to_string()))?;
    index
        .tokenizers()
        .register(analyzer::NAME, analyzer::text_analyzer());
    let metas = index.load_metas().map_err(|e| damaged(e.to_string()))?;
    let payload = metas
        .payload
        .as_deref()
        .and_then(Payload::parse)
        .ok_or_else(|| damaged("no chanjiao payload in the last commit".into()))?;
    if payload.stamp != stamp() {
        return Err(Problem::Stale);
    }
    let fields = schema::fields_of(&index.schema()).map_err(|e| damaged(e.to_string()))?;
    let state = State::load(dir, payload.state).map_err(damaged)?;
    // Damage where tantivy keeps a file's table of contents can end the process as the
    // segments open: the files' ends are checked first.
    let checked = tails::check(dir, &metas.segments, payload.state, || {
        contained(|| checksum_problem(&index)).unwrap_or_else(Some)
    })
    .map_err(damaged)?;
    // Opening the segments reads their footers and block indexes, where damage can make
    // tantivy panic instead of failing.
    let reader = contained(|| {
        index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
    })
    .map_err(damaged)?
    .map_err(|e: tantivy::TantivyError| damaged(e.to_string()))?;
    let searcher = reader.searcher();
    let docs = searcher.num_docs() as usize;
    if docs != state.article_count() {
        return Err(damaged(format!(
            "it holds {docs} articles where its manifest lists {}",
            state.article_count()
        )));
    }
    Ok(Live {
        dir: dir.to_path_buf(),
        index,
        reader,
        fields,
        state,
        state_no: payload.state,
        checked,
    })
}

/// Why the index's files fail their checksums, if they do (reads every file).
fn checksum_problem(index: &tantivy::Index) -> Option<String> {
    match index.validate_checksum() {
        Err(e) => Some(e.to_string()),
        Ok(bad) => bad
            .iter()
            .next()
            .map(|f| format!("{} fails its checksum", f.display())),
    }
}

fn open_live(root: &Path) -> Result<Live, Problem> {
    open_live_as(root, false)
}

fn open_live_as(root: &Path, read_only: bool) -> Result<Live, Problem> {
    match current_dir(root) {
        None => Err(Problem::Missing),
        Some(d) if !d.is_dir() => Err(Problem::Missing),
        Some(d) => open_generation_as(&d, read_only),
    }
}

/// Waits for the update lock. With `take_built`, an index that another process completes
/// meanwhile is returned instead (`Err`), as it is: a search waiting for the first build
/// need not also wait for a rebuild that another process queued behind it.
fn wait_for_lock(root: &Path, take_built: bool) -> Result<Result<UpdateLock, Live>, IndexError> {
    if !take_built {
        return UpdateLock::acquire(root).map(Ok);
    }
    // The live generation failed to open when the wait began: look again only once
    // `CURRENT` names another one.
    let named = || std::fs::read_to_string(root.join(CURRENT)).ok();
    let mut seen = named();
    loop {
        if let Some(lock) = UpdateLock::try_acquire(root)? {
            return Ok(Ok(lock));
        }
        let now = named();
        if now.is_some() && now != seen {
            if let Ok(live) = open_live(root) {
                return Ok(Err(live));
            }
            seen = now;
        }
        std::thread::sleep(LOCK_POLL);
    }
}

fn stamp_now() -> String {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    format!("{t}-{}", std::process::id())
}

/// Moves a damaged generation aside (keeping only the latest one) and says where.
fn move_aside(root: &Path, dir: &Path) -> String {
    if let Ok(rd) = std::fs::read_dir(root) {
        for e in rd.flatten() {
            if e.file_name().to_string_lossy().starts_with("damaged-") {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    let aside = root.join(format!("damaged-{}", stamp_now()));
    match std::fs::rename(dir, &aside) {
        Ok(()) => aside.display().to_string(),
        Err(_) => {
            let _ = std::fs::remove_dir_all(dir);
            "nowhere (it was deleted)".to_string()
        }
    }
}

/// Sets aside the generation `dir`, which a search found damaged, so that the next open
/// rebuilds the index; nothing is moved if another process has replaced it meanwhile.
/// Returns the notice to show.
pub(crate) fn set_aside(dir: &Path, why: &str) -> Result<String, IndexError> {
    let Some(root) = dir.parent() else {
        return Err(IndexError::Corrupt(dir.to_path_buf(), why.to_string()));
    };
    let _lock = UpdateLock::acquire(root)?;
    if current_dir(root).as_deref() != Some(dir) {
        return Ok(format!(
            "the index at {} was damaged ({}); it has been rebuilt since",
            dir.display(),
            brief(why)
        ));
    }
    let aside = move_aside(root, dir);
    Ok(format!(
        "the index at {} was found damaged while reading it ({}); moved it to {aside} to rebuild it",
        dir.display(),
        brief(why)
    ))
}

/// Removes generation folders other than the live one (left by killed builds or replaced),
/// and the temporary files a killed process left in the live one. Called with the update
/// lock held and no index writer open.
fn clean(root: &Path, live: &Path) {
    paths::remove_stale_temps(live, true);
    let Ok(rd) = std::fs::read_dir(root) else {
        return;
    };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("gen-") && e.path() != live {
            let _ = std::fs::remove_dir_all(e.path());
        }
        if name.starts_with("CURRENT.tmp") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn switch_current(root: &Path, dir: &Path) -> Result<(), IndexError> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    paths::write_atomic(&root.join(CURRENT), name.as_bytes())
        .map_err(|e| IndexError::Io(root.join(CURRENT), e.to_string()))
}

fn into_index(mut live: Live, corpus: &CorpusSet, read_only: bool) -> Index {
    Index {
        corpus: corpus.clone(),
        folders: std::mem::take(&mut live.state.dirs),
        words: super::words::WordLists::new(&live.dir),
        dir: live.dir,
        index: live.index,
        reader: live.reader,
        fields: live.fields,
        stories: stories::Stories::new(live.state.stories),
        files: live.state.file_count,
        state_no: live.state_no,
        copies: live.state.copies,
        also_in: Default::default(),
        read_only,
        mark_cache: Default::default(),
        open_known: Default::default(),
    }
}

/// The last complete index of `corpus`, as it is: no lock, no look at the corpus, no repair.
/// `None` when there is none that opens cleanly at this version.
pub(crate) fn open_as_is(data_dir: &Path, corpus: &CorpusSet) -> Option<Index> {
    let root = data_dir.join("indexes").join(corpus.key());
    open_live(&root)
        .ok()
        .map(|live| into_index(live, corpus, true))
}

/// Marks the folder of indexes as a cache (the Cache Directory Tagging convention): backup
/// tools leave it out, and a corpus walk that comes across it (a data directory inside the
/// corpus folder) does not read the index's own files as articles. Best effort: without the
/// tag only those two conveniences are lost.
fn tag_as_cache(dir: &Path) {
    let tag = dir.join(crate::corpus::CACHE_TAG);
    if !tag.exists() {
        let text = format!(
            "{}\n# This file marks chanjiao's indexes as a cache that can be rebuilt.\n",
            crate::corpus::CACHE_TAG_SIGNATURE
        );
        if let Err(e) = std::fs::write(&tag, text) {
            tracing::debug!("could not write {}: {e}", tag.display());
        }
    }
}

pub(crate) fn open(
    data_dir: &Path,
    corpus: &CorpusSet,
    opts: OpenOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Index, UpdateReport), IndexError> {
    let started = Instant::now();
    let root = data_dir.join("indexes").join(corpus.key());
    if let Err(e) = paths::ensure_writable_dir(data_dir) {
        // A data directory that cannot be written (a read-only mount, another user's) can
        // still be read: a complete index there answers as it stands. Not when the open is
        // asked to bring the index up to date whatever it costs (`chanjiao index`: `wait`),
        // which it cannot do.
        let answer_as_is = !opts.rebuild && !opts.wait;
        return match (&e, answer_as_is, open_live_as(&root, true)) {
            (IndexError::NotWritable(_, why), true, Ok(live)) => {
                let mut report = UpdateReport {
                    read_only: true,
                    articles: live.state.article_count(),
                    copies: live.state.copies,
                    files: live.state.file_count,
                    ..UpdateReport::default()
                };
                report.notices.push(format!(
                    "cannot write to the data directory {} ({why}); answering from its index as \
                     it stands, which may miss recent changes to the corpus",
                    data_dir.display()
                ));
                report.elapsed = started.elapsed();
                Ok((into_index(live, corpus, true), report))
            }
            _ => Err(e),
        };
    }
    std::fs::create_dir_all(&root)
        .map_err(|e| IndexError::NotWritable(root.clone(), e.to_string()))?;
    tag_as_cache(&data_dir.join("indexes"));
    let mut report = UpdateReport::default();

    // The quick check needs no lock when it finds nothing to do: a generation is never
    // changed in a way that a reader could see half done. One-shot commands run side by side
    // then neither wait nor warn about each other.
    if opts.quick
        && !opts.rebuild
        && !opts.verify
        && let Ok(live) = open_live(&root)
        && corpus.folders_unchanged(&live.state.dirs)
    {
        return Ok((finish(live, corpus, &mut report, started), report));
    }

    // Without a rebuild asked for, a complete index that another process holds the lock
    // over is shown as it is rather than waited for.
    let take_built = !opts.rebuild && !opts.wait;
    let read_only = |live: Live, mut report: UpdateReport| {
        report.read_only = true;
        report.articles = live.state.article_count();
        report.copies = live.state.copies;
        report.files = live.state.file_count;
        report.notices.push(
            "another chanjiao process is updating the index; showing the last complete one"
                .to_string(),
        );
        report.elapsed = started.elapsed().saturating_sub(report.waited);
        (into_index(live, corpus, true), report)
    };
    let _lock = match UpdateLock::try_acquire(&root)? {
        Some(lock) => lock,
        None => {
            if take_built && let Ok(live) = open_live(&root) {
                return Ok(read_only(live, report));
            }
            progress(Progress {
                phase: Phase::Waiting,
                done: 0,
                total: 0,
            });
            let waiting = Instant::now();
            let waited = wait_for_lock(&root, take_built)?;
            report.waited = waiting.elapsed();
            match waited {
                Ok(lock) => {
                    report.notices.push(
                        "another chanjiao process was updating the index; waited for it"
                            .to_string(),
                    );
                    lock
                }
                Err(live) => return Ok(read_only(live, report)),
            }
        }
    };

    let live = if opts.rebuild {
        report.rebuilt = Some(RebuildReason::Requested);
        None
    } else {
        match open_live(&root) {
            Ok(l) => Some(l),
            Err(Problem::Missing) => {
                report.rebuilt = Some(RebuildReason::NoIndex);
                None
            }
            Err(Problem::Stale) => {
                report.rebuilt = Some(RebuildReason::VersionChanged);
                None
            }
            Err(Problem::Damaged(dir, why)) => {
                let aside = move_aside(&root, &dir);
                report.notices.push(format!(
                    "the index at {} was damaged ({}); moved it to {aside} and rebuilt it",
                    dir.display(),
                    brief(&why)
                ));
                report.rebuilt = Some(RebuildReason::Damaged);
                None
            }
        }
    };

    if opts.quick
        && !opts.verify
        && let Some(l) = live.as_ref()
        && corpus.folders_unchanged(&l.state.dirs)
        && let Some(l) = live
    {
        let index = finish(l, corpus, &mut report, started);
        return Ok((index, report));
    }
    // With no index, or a folder whose time changed (a file added, removed or replaced),
    // files are about to be parsed and indexed. What that needs is made ready while the
    // corpus is scanned: jieba's dictionary (~100 ms to load), the taggers' automata and
    // the link table. (A file edited in place does not change its folder's time; the update
    // then loads them as it goes.)
    let changed = live
        .as_ref()
        .filter(|l| !corpus.folders_unchanged(&l.state.dirs));
    if live.is_none() || changed.is_some() {
        std::thread::spawn(analyzer::warm_up);
        std::thread::spawn(crate::tagging::warm_up);
    }
    let ahead = changed.map(|l| links::prefetch(&l.dir, l.state_no));
    // The manifest (4 MB of JSON at 100k articles) and the checksum pass, which reads every
    // index file, are done while the corpus is scanned.
    let manifest = live.as_ref().map(|l| {
        let (dir, n, count) = (l.dir.clone(), l.state_no, l.state.file_count);
        std::thread::spawn(move || State::read_files(&dir, n, count))
    });
    let checksums = live.as_ref().filter(|_| opts.verify).map(|l| {
        let index = l.index.clone();
        std::thread::spawn(move || checksum_problem(&index))
    });
    progress(Progress {
        phase: Phase::Scanning,
        done: 0,
        total: 0,
    });
    let scan = corpus.scan();
    tracing::debug!(
        "listed {} corpus files {:.2?} after the start",
        scan.files.len(),
        started.elapsed()
    );
    report.skipped = scan.skipped.clone();
    let files = scan.files.clone();
    let dirs = scan.dirs.clone();

    let live = match live {
        Some(mut live) => {
            let bad = checksums.and_then(|c| {
                c.join()
                    .unwrap_or_else(|_| Some("the checksum pass failed".into()))
            });
            let read = manifest.map(|m| {
                m.join()
                    .unwrap_or_else(|_| Err("reading the manifest failed".into()))
            });
            let usable = match (bad, read) {
                (Some(why), _) => Err(why),
                (None, Some(Ok(files))) => {
                    live.state.files = files;
                    Ok(())
                }
                (None, Some(Err(why))) => Err(why),
                (None, None) => Err("the manifest was not read".into()),
            };
            tracing::debug!(
                "checked the index {:.2?} after the start",
                started.elapsed()
            );
            if let Err(why) = usable {
                // Without its manifest the index cannot be kept fresh: rebuild it.
                let aside = move_aside(&root, &live.dir);
                report.notices.push(format!(
                    "the index at {} was damaged ({}); moved it to {aside} and rebuilt it",
                    live.dir.display(),
                    brief(&why)
                ));
                report.rebuilt = Some(RebuildReason::Damaged);
                drop(live);
                rebuild(&root, &files, dirs, &mut report, progress)?
            } else {
                let changes = build::diff(scan, &live.state);
                if changes.is_empty() {
                    // Nothing to write, but the folders were listed just now: what later
                    // checks of this index compare with (`Index::corpus_moved`).
                    live.state.dirs = dirs;
                    live
                } else {
                    match update(&live, &changes, ahead, &mut report, progress) {
                        Ok(l) => l,
                        Err(e) => {
                            // The live generation failed to take the update: start afresh.
                            let aside = move_aside(&root, &live.dir);
                            report.notices.push(format!(
                            "could not update the index at {} ({}); moved it to {aside} and rebuilt it",
                            live.dir.display(),
                            brief(&e.to_string())
                        ));
                            report.rebuilt = Some(RebuildReason::Damaged);
                            drop(live);
                            rebuild(&root, &files, dirs, &mut report, progress)?
                        }
                    }
                }
            }
        }
        None => rebuild(&root, &files, dirs, &mut report, progress)?,
    };
    clean(&root, &live.dir);
    if live.checked == tails::Checked::Checksums {
        // Every file passed its checksum: record their ends so that the next open need not
        // read them all again.
        tails::record_now(&live.index, &live.dir, live.state_no);
    }
    Ok((finish(live, corpus, &mut report, started), report))
}

fn finish(live: Live, corpus: &CorpusSet, report: &mut UpdateReport, started: Instant) -> Index {
    report.articles = live.state.article_count();
    report.copies = live.state.copies;
    report.files = live.state.file_count;
    for (label, e) in &live.state.files {
        if let Some(reason) = &e.skipped {
            report.files_skipped += 1;
            report.skipped.push(crate::corpus::Skipped {
                file: PathBuf::from(label),
                reason: reason.clone(),
            });
        }
    }
    // An open that did not scan still says which roots are not there, as a scan does.
    for root in corpus.missing_roots() {
        if !report.skipped.iter().any(|s| s.file == root.file) {
            report.skipped.push(root);
        }
    }
    report.elapsed = started.elapsed().saturating_sub(report.waited);
    into_index(live, corpus, false)
}

fn update(
    live: &Live,
    changes: &Changes,
    ahead: Option<links::Prefetch>,
    report: &mut UpdateReport,
    progress: &mut dyn FnMut(Progress),
) -> Result<Live, IndexError> {
    let (state, _) = build::incremental(live, changes, ahead, progress)?;
    let gave_nothing = |label: &String| state.files.get(label).is_some_and(|e| e.skipped.is_some());
    for (files, into) in [
        (&changes.added, &mut report.added),
        (&changes.changed, &mut report.changed),
    ] {
        for f in files {
            if gave_nothing(&f.label) {
                report.newly_skipped.push(f.label.clone());
            } else {
                into.push(f.label.clone());
            }
        }
    }
    report.removed = changes.removed.clone();
    let mut fresh = open_generation(&live.dir).map_err(|p| match p {
        Problem::Damaged(d, why) => IndexError::Corrupt(d, why),
        _ => IndexError::Corrupt(live.dir.clone(), "the update did not take".into()),
    })?;
    fresh.state.files = state.files;
    Ok(fresh)
}

fn rebuild(
    root: &Path,
    files: &[super::corpus_set::SourceFile],
    dirs: std::collections::BTreeMap<String, u64>,
    report: &mut UpdateReport,
    progress: &mut dyn FnMut(Progress),
) -> Result<Live, IndexError> {
    let dir = root.join(format!("gen-{}", stamp_now()));
    let state = build::full_build(&dir, files, dirs, progress)?;
    let (skipped, added): (Vec<_>, Vec<_>) =
        state.files.iter().partition(|(_, e)| e.skipped.is_some());
    report.added = added.into_iter().map(|(f, _)| f.clone()).collect();
    report.newly_skipped = skipped.into_iter().map(|(f, _)| f.clone()).collect();
    let mut live = open_generation(&dir).map_err(|p| match p {
        Problem::Damaged(d, why) => IndexError::Corrupt(d, why),
        _ => IndexError::Corrupt(dir.clone(), "the new index does not open".into()),
    })?;
    live.state.files = state.files;
    switch_current(root, &dir)?;
    Ok(live)
}
