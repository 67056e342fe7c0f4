//! Writing the index: a full build into a fresh folder, or an incremental update of the live
//! one — in both cases one tantivy commit whose payload names the matching state file.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use tantivy::indexer::{NoMergePolicy, UserOperation};
use tantivy::schema::Value;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::article::Article;
use crate::corpus;
use crate::tagging::duplicates::LinkTable;

use super::contained::contained_read;
use super::copies::{self, FirstFiles};
use super::corpus_set::{Scan, SourceFile, content_hash};
use super::manifest::{FileEntry, Payload, State, stamp};
use super::schema::{self, Fields};
use super::{IndexError, Phase, Progress, analyzer, links};

/// Threads that read and parse files; tantivy gets as many indexing threads.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8)
}

/// Memory for a full build's indexing threads, all together.
const FULL_BUILD_HEAP: usize = 384 << 20;
/// Memory for an incremental update.
const UPDATE_HEAP: usize = 64 << 20;

/// One file read, parsed and turned into documents.
pub(crate) struct FileResult {
    pub label: String,
    pub entry: FileEntry,
    pub articles: Vec<Article>,
    pub docs: Vec<TantivyDocument>,
}

fn parse_one(f: &SourceFile, fields: &Fields) -> FileResult {
    let skipped = |reason: String, hash: String| FileResult {
        label: f.label.clone(),
        entry: FileEntry {
            size: f.size,
            mtime: f.mtime,
            hash,
            articles: 0,
            copies: Vec::new(),
            skipped: Some(reason),
        },
        articles: Vec::new(),
        docs: Vec::new(),
    };
    let bytes = match f.read() {
        Ok(b) => b,
        Err(e) => return skipped(corpus::describe_io_error(&e), String::new()),
    };
    let hash = content_hash(&bytes);
    match corpus::parse_file_bytes(Path::new(&f.label), &bytes) {
        Err(reason) => skipped(reason, hash),
        Ok(mut articles) => {
            let mut docs = Vec::with_capacity(articles.len());
            // An item a page lists twice is one article (the manifest's copies are those
            // of other files).
            let mut ids: HashSet<String> = HashSet::with_capacity(articles.len());
            articles.retain_mut(|a| {
                if !ids.insert(a.id.clone()) {
                    return false;
                }
                a.file = f.label.clone();
                match schema::document(fields, a, &f.label) {
                    Ok(d) => {
                        docs.push(d);
                        true
                    }
                    Err(_) => false,
                }
            });
            FileResult {
                label: f.label.clone(),
                entry: FileEntry {
                    size: f.size,
                    mtime: f.mtime,
                    hash,
                    articles: articles.len(),
                    copies: Vec::new(),
                    skipped: None,
                },
                articles,
                docs,
            }
        }
    }
}

/// A parse worker hands on its files in batches of about this many articles (or files), so
/// that the calling thread is woken once per batch, not once per file.
const BATCH_ARTICLES: usize = 64;
const BATCH_FILES: usize = 16;

/// Reads and parses files on worker threads; `each` runs on the calling thread, in the order
/// files finish.
pub(crate) fn parse_parallel(
    files: &[&SourceFile],
    fields: &Fields,
    mut each: impl FnMut(FileResult) -> Result<(), IndexError>,
) -> Result<(), IndexError> {
    if files.is_empty() {
        return Ok(());
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::sync_channel::<Vec<FileResult>>(64);
    let workers = threads().min(files.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let next = &next;
            s.spawn(move || {
                let mut batch: Vec<FileResult> = Vec::new();
                let mut articles = 0;
                while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let r = parse_one(f, fields);
                    articles += r.articles.len();
                    batch.push(r);
                    if articles >= BATCH_ARTICLES || batch.len() >= BATCH_FILES {
                        articles = 0;
                        if tx.send(std::mem::take(&mut batch)).is_err() {
                            return;
                        }
                    }
                }
                if !batch.is_empty() {
                    let _ = tx.send(batch);
                }
            });
        }
        drop(tx);
        let mut result = Ok(());
        for r in rx.iter().flatten() {
            if result.is_ok() {
                result = each(r);
                if result.is_err() {
                    // Stop the workers: they see the closed channel on their next send.
                    next.store(files.len(), Ordering::Relaxed);
                }
            }
        }
        result
    })
}

/// Hands operations to tantivy's indexing threads in batches of about `FEED_OPS`: one
/// message and one wake-up of an indexing thread per batch, not per file or document.
/// Operations keep their order: a deletion applies to the documents added before it.
struct Feed<'w> {
    writer: &'w IndexWriter<TantivyDocument>,
    pending: Vec<UserOperation<TantivyDocument>>,
}

const FEED_OPS: usize = 256;

impl<'w> Feed<'w> {
    fn new(writer: &'w IndexWriter<TantivyDocument>) -> Self {
        Feed {
            writer,
            pending: Vec::new(),
        }
    }

    fn add(&mut self, ops: Vec<UserOperation<TantivyDocument>>) -> tantivy::Result<()> {
        self.pending.extend(ops);
        if self.pending.len() >= FEED_OPS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> tantivy::Result<()> {
        if !self.pending.is_empty() {
            self.writer.run(std::mem::take(&mut self.pending))?;
        }
        Ok(())
    }
}

fn tantivy_err(dir: &Path) -> impl Fn(tantivy::TantivyError) -> IndexError + '_ {
    move |e| IndexError::Tantivy(dir.to_path_buf(), e.to_string())
}

/// Linking to do while tantivy flushes: how many articles it concerns, and the work.
type Relink<'a> = (
    usize,
    Box<dyn FnOnce() -> Result<LinkTable, IndexError> + Send + 'a>,
);

/// Commits the writer's work with a payload naming state `n`, after saving that state.
///
/// When there is `relink` work, duplicates are linked on a thread of their own while tantivy
/// flushes its segments (`prepare_commit`); the stories go into the state, which is saved
/// before the commit that names its number, so a kill at any moment leaves either the
/// previous commit or this one, each with its state. The link table is a cache that checks
/// itself: it is written while the state is saved and the commit goes ahead, and one that a
/// kill cut short is rebuilt by the next update.
fn commit(
    dir: &Path,
    mut writer: IndexWriter<TantivyDocument>,
    state: &mut State,
    n: u64,
    relink: Option<Relink<'_>>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), IndexError> {
    if relink.is_some() {
        // A table numbered `n` may be left by an earlier attempt at this update that was
        // killed before its commit: it checks out but describes other files. It must not
        // outlive this commit in case this attempt is killed before its own table is written.
        let _ = std::fs::remove_file(links::links_path(dir, n));
    }
    std::thread::scope(|s| -> Result<(), IndexError> {
        let linker = relink.map(|(total, work)| {
            progress(Progress {
                phase: Phase::Linking,
                done: 0,
                total,
            });
            s.spawn(move || {
                let t = Instant::now();
                let table = work()?;
                let stories = super::stories::from_groups(&table);
                tracing::debug!("linked duplicates in {:.2?}", t.elapsed());
                let saver = s.spawn(move || {
                    let t = Instant::now();
                    let saved = links::save(dir, n, &table);
                    tracing::debug!("saved the link table in {:.2?}", t.elapsed());
                    // Freeing a table of 100k entries takes tens of milliseconds: not on
                    // the way out.
                    std::thread::spawn(move || drop(table));
                    saved
                });
                Ok::<_, IndexError>((stories, saver))
            })
        });
        let t = Instant::now();
        let prepared = writer.prepare_commit().map_err(tantivy_err(dir));
        tracing::debug!("tantivy prepared its commit in {:.2?}", t.elapsed());
        let saver = match linker {
            Some(h) => {
                let (stories, saver) = h.join().map_err(|_| {
                    IndexError::Corrupt(dir.to_path_buf(), "linking duplicates failed".into())
                })??;
                state.stories = stories;
                Some(saver)
            }
            None => None,
        };
        progress(Progress {
            phase: Phase::Committing,
            done: 0,
            total: 0,
        });
        let mut prepared = prepared?;
        let t = Instant::now();
        state
            .save(dir, n)
            .map_err(|e| IndexError::Io(super::manifest::state_path(dir, n), e.to_string()))?;
        prepared.set_payload(
            &Payload {
                stamp: stamp(),
                state: n,
            }
            .to_json(),
        );
        let saved = t.elapsed();
        prepared.commit().map_err(tantivy_err(dir))?;
        tracing::debug!(
            "saved the state in {saved:.2?}, committed in {:.2?}",
            t.elapsed() - saved
        );
        // Without its link table the next update links every article afresh: slower, but
        // nothing is lost, so a failure to write it is only logged.
        match saver.map(|h| h.join()) {
            Some(Ok(Err(e))) => tracing::warn!(
                "could not save the link table {}: {e}",
                links::links_path(dir, n).display()
            ),
            Some(Err(_)) => tracing::warn!("saving the link table failed"),
            _ => {}
        }
        Ok(())
    })?;
    let index = writer.index().clone();
    writer.wait_merging_threads().map_err(tantivy_err(dir))?;
    super::tails::record_now(&index, dir, n);
    State::remove_others(dir, n);
    Ok(())
}

/// Builds a complete index of `files` in the empty folder `dir`.
pub(crate) fn full_build(
    dir: &Path,
    files: &[SourceFile],
    dirs: BTreeMap<String, u64>,
    progress: &mut dyn FnMut(Progress),
) -> Result<State, IndexError> {
    // jieba's dictionary takes ~100 ms to load: load it while the first files are parsed,
    // not on the first tantivy thread that needs it.
    std::thread::spawn(analyzer::warm_up);
    std::fs::create_dir_all(dir).map_err(|e| IndexError::Io(dir.to_path_buf(), e.to_string()))?;
    let (schema, fields) = schema::build();
    // The document store compresses each 16 KB block on the indexing thread that filled it,
    // not on a thread of its own: handing every block over cost a wake-up each (about 20,000
    // on 100k articles), on a machine whose cores are all busy parsing and indexing anyway.
    let settings = tantivy::IndexSettings {
        docstore_compress_dedicated_thread: false,
        ..Default::default()
    };
    let index = tantivy::Index::builder()
        .schema(schema)
        .settings(settings)
        .create_in_dir(dir)
        .map_err(tantivy_err(dir))?;
    index
        .tokenizers()
        .register(analyzer::NAME, analyzer::text_analyzer());
    let n = threads();
    let writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(n, FULL_BUILD_HEAP)
        .map_err(tantivy_err(dir))?;
    writer.set_merge_policy(Box::new(NoMergePolicy));

    let refs: Vec<&SourceFile> = files.iter().collect();
    let total = refs.len();
    let mut state = State {
        dirs,
        ..Default::default()
    };
    let mut all: Vec<Article> = Vec::new();
    let mut done = 0usize;
    progress(Progress {
        phase: Phase::Parsing,
        done,
        total,
    });
    let mut feed = Feed::new(&writer);
    let mut first = FirstFiles::default();
    parse_parallel(&refs, &fields, |r| {
        let ops = first.take(r, &mut state.files, &mut all, fields.id);
        feed.add(ops).map_err(tantivy_err(dir))?;
        done += 1;
        progress(Progress {
            phase: Phase::Parsing,
            done,
            total,
        });
        Ok(())
    })?;
    feed.flush().map_err(tantivy_err(dir))?;
    drop(feed);
    FirstFiles::finish(&mut state.files);
    let count = all.len();
    let work = move || Ok(LinkTable::build(&all));
    commit(
        dir,
        writer,
        &mut state,
        1,
        Some((count, Box::new(work))),
        progress,
    )?;
    Ok(state)
}

/// What differs between the corpus and the manifest.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub added: Vec<SourceFile>,
    pub changed: Vec<SourceFile>,
    pub removed: Vec<String>,
    /// Files whose size or time changed but whose content did not: manifest-only updates.
    pub touched: Vec<(String, FileEntry)>,
    /// The folders' times, when they differ from the manifest's.
    pub dirs: Option<BTreeMap<String, u64>>,
    /// The files whose content did not change (touched ones included): read again only
    /// when one of them becomes the first file of an article that another file gave.
    pub kept: Vec<SourceFile>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.touched.is_empty()
            && self.dirs.is_none()
    }
}

/// Compares a scan with the manifest; files whose size or time differ are hashed. A file
/// that could not be read last time (no hash: permission denied, say) is tried again, since
/// making it readable changes neither; while it still cannot be read nothing has changed.
pub(crate) fn diff(scan: Scan, state: &State) -> Changes {
    let files = scan.files;
    let mut c = Changes {
        dirs: (scan.dirs != state.dirs).then_some(scan.dirs),
        ..Default::default()
    };
    let mut seen: HashSet<&str> = HashSet::new();
    for f in &files {
        seen.insert(f.label.as_str());
    }
    c.removed = state
        .files
        .keys()
        .filter(|k| !seen.contains(String::as_str(k)))
        .cloned()
        .collect();
    for f in files {
        match state.files.get(&f.label) {
            None => c.added.push(f),
            Some(e) if e.size == f.size && e.mtime == f.mtime && !e.hash.is_empty() => {
                c.kept.push(f);
            }
            Some(e) => {
                let same = match f.read() {
                    Ok(b) => content_hash(&b) == e.hash,
                    Err(_) if e.hash.is_empty() && e.size == f.size && e.mtime == f.mtime => {
                        continue;
                    }
                    Err(_) => false,
                };
                if same {
                    let mut e = e.clone();
                    e.size = f.size;
                    e.mtime = f.mtime;
                    c.touched.push((f.label.clone(), e));
                    c.kept.push(f);
                } else {
                    c.changed.push(f);
                }
            }
        }
    }
    c
}

/// Every stored article, read on worker threads.
pub(crate) fn stored_articles(
    reader: &tantivy::IndexReader,
    fields: &Fields,
) -> tantivy::Result<Vec<Article>> {
    let searcher = reader.searcher();
    let mut out = Vec::new();
    for seg in searcher.segment_readers() {
        // Damage that makes tantivy panic is reported as damage: the update then rebuilds.
        let store = contained_read("the document store", || Ok(seg.get_store_reader(64)?))?;
        let alive = seg.alive_bitset();
        let max = seg.max_doc();
        let parts = threads();
        let chunk = (max as usize).div_ceil(parts).max(1) as u32;
        let results: Vec<tantivy::Result<Vec<Article>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..parts as u32)
                .map(|p| {
                    let store = &store;
                    s.spawn(move || {
                        contained_read("the document store", || {
                            let mut v = Vec::new();
                            let from = p * chunk;
                            let to = ((p + 1) * chunk).min(max);
                            for doc in from..to {
                                if alive.is_some_and(|a| a.is_deleted(doc)) {
                                    continue;
                                }
                                let d: TantivyDocument = store.get(doc)?;
                                if let Some(json) =
                                    d.get_first(fields.json).and_then(|v| v.as_str())
                                    && let Ok(a) = serde_json::from_str::<Article>(json)
                                {
                                    v.push(a);
                                }
                            }
                            Ok(v)
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(tantivy::TantivyError::InternalError(
                            "reader thread failed".into(),
                        ))
                    })
                })
                .collect()
        });
        for r in results {
            out.extend(r?);
        }
    }
    Ok(out)
}

/// Which articles leave the link table in an update: those of the files removed or
/// changed, and those now indexed from another file.
pub(crate) struct Leaving<'a> {
    pub files: HashSet<&'a str>,
    pub ids: HashSet<String>,
}

/// The links after an update: the last state's link table with the change taken in, reading
/// only the stored articles that need scoring; without a readable table, every stored
/// article is read and linked afresh.
fn relink_update(
    live: &super::open::Live,
    leaving: &Leaving<'_>,
    fresh: Vec<Article>,
    ahead: Option<links::Prefetch>,
) -> Result<LinkTable, IndexError> {
    let (dir, reader, fields) = (live.dir.as_path(), &live.reader, &live.fields);
    let loaded = match ahead {
        Some(p) => p.wait(),
        None => links::load(dir, live.state_no),
    };
    match loaded {
        Ok(mut table) => {
            let mut fetch = |ids: &[&str]| super::stored::by_id(reader, fields, ids);
            table
                .update(&leaving.files, &leaving.ids, &fresh, &mut fetch)
                .map_err(tantivy_err(dir))?;
            Ok(table)
        }
        Err(why) => {
            tracing::info!("link table not usable ({why}): linking every article afresh");
            let mut all = stored_articles(reader, fields).map_err(tantivy_err(dir))?;
            all.retain(|a| {
                !leaving.files.contains(a.file.as_str()) && !leaving.ids.contains(&a.id)
            });
            all.extend(fresh);
            Ok(LinkTable::build(&all))
        }
    }
}

/// Applies the changes to the live index in `dir` in one commit; returns the new state and
/// its number.
/// `ahead` is the live state's link table if its reading was started already.
pub(crate) fn incremental(
    live: &super::open::Live,
    changes: &Changes,
    ahead: Option<links::Prefetch>,
    progress: &mut dyn FnMut(Progress),
) -> Result<(State, u64), IndexError> {
    let (dir, index, fields) = (live.dir.as_path(), &live.index, &live.fields);
    let (old, old_n) = (&live.state, live.state_no);
    let mut state = old.clone();
    for (label, e) in &changes.touched {
        state.files.insert(label.clone(), e.clone());
    }
    if let Some(dirs) = &changes.dirs {
        state.dirs = dirs.clone();
    }
    let docs_change =
        !(changes.added.is_empty() && changes.changed.is_empty() && changes.removed.is_empty());
    let writer: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(1, UPDATE_HEAP)
        .map_err(tantivy_err(dir))?;
    let mut relink = None;
    if docs_change {
        let mut gone: HashSet<&str> = HashSet::new();
        for label in changes
            .removed
            .iter()
            .chain(changes.changed.iter().map(|f| &f.label))
        {
            writer.delete_term(Term::from_field_text(fields.file, label));
            state.files.remove(label);
            gone.insert(label.as_str());
        }
        let refs: Vec<&SourceFile> = changes.added.iter().chain(changes.changed.iter()).collect();
        let total = refs.len();
        let mut done = 0;
        let mut parsed: Vec<FileResult> = Vec::with_capacity(total);
        let t = Instant::now();
        parse_parallel(&refs, fields, |r| {
            parsed.push(r);
            done += 1;
            progress(Progress {
                phase: Phase::Parsing,
                done,
                total,
            });
            Ok(())
        })?;
        tracing::debug!("parsed {total} files in {:.2?}", t.elapsed());
        let mut reparse = |label: &str| {
            let f = changes.kept.iter().find(|f| f.label == label)?;
            Some(parse_one(f, fields))
        };
        let resolved = copies::resolve(
            &live.reader,
            fields,
            &gone,
            parsed,
            &mut state.files,
            &mut reparse,
        )
        .map_err(tantivy_err(dir))?;
        let mut feed = Feed::new(&writer);
        feed.add(resolved.ops).map_err(tantivy_err(dir))?;
        feed.flush().map_err(tantivy_err(dir))?;
        drop(feed);
        let leaving = Leaving {
            files: gone,
            ids: resolved.displaced,
        };
        let fresh = resolved.fresh;
        let articles = state.files.values().map(|f| f.articles).sum();
        let work = move || relink_update(live, &leaving, fresh, ahead);
        relink = Some((articles, Box::new(work) as Box<_>));
    }
    let n = old_n + 1;
    if relink.is_none() {
        links::carry(dir, old_n, n);
    }
    commit(dir, writer, &mut state, n, relink, progress)?;
    Ok((state, n))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::corpus_set::Origin;
    use super::*;

    fn entry(size: u64, mtime: u64, hash: &str) -> FileEntry {
        FileEntry {
            size,
            mtime,
            hash: hash.to_string(),
            articles: 0,
            copies: Vec::new(),
            skipped: hash.is_empty().then(|| "Permission denied".to_string()),
        }
    }

    /// What [`diff`] makes of a file now 10 bytes long and modified at 7, recorded as `e`.
    fn changed_and_touched(path: &Path, e: FileEntry) -> (usize, usize) {
        let f = SourceFile {
            label: "a.txt".into(),
            size: 10,
            mtime: 7,
            origin: Origin::Disk(path.to_path_buf()),
        };
        let mut state = State::default();
        state.files.insert("a.txt".into(), e);
        let c = diff(
            Scan {
                files: vec![f],
                skipped: Vec::new(),
                dirs: BTreeMap::new(),
            },
            &state,
        );
        (c.changed.len(), c.touched.len())
    }

    #[test]
    fn a_file_that_could_not_be_read_is_tried_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "标题\n正文").unwrap();
        let hash = content_hash(&std::fs::read(&path).unwrap());
        // Read last time, same size and time: not even read again.
        assert_eq!(changed_and_touched(&path, entry(10, 7, &hash)), (0, 0));
        // Unreadable last time, readable now with the same size and time: read.
        assert_eq!(changed_and_touched(&path, entry(10, 7, "")), (1, 0));
        // Still unreadable: nothing new to say.
        let gone = dir.path().join("gone.txt");
        assert_eq!(changed_and_touched(&gone, entry(10, 7, "")), (0, 0));
        // Another size and unreadable: changed, so that its skip is reported anew.
        assert_eq!(changed_and_touched(&gone, entry(11, 7, &hash)), (1, 0));
        assert_eq!(changed_and_touched(&gone, entry(11, 7, "")), (1, 0));
    }
}
