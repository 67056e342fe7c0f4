//! The search index: a tantivy index per corpus set, built on first use, kept fresh against
//! a manifest, crash-proof, with bilingual ranked search and facet counts.
//!
//! ```no_run
//! use chanjiao::index::{CorpusSet, Index, OpenOptions, SearchRequest};
//! # fn main() -> Result<(), chanjiao::index::IndexError> {
//! let data = chanjiao::index::paths::data_dir(None)?;
//! let (index, report) = Index::open(&data, &CorpusSet::sample(), OpenOptions::default(), &mut |_| {})?;
//! let results = index.search(&SearchRequest::new("产教融合 province:山东"))?;
//! # Ok(()) }
//! ```

use std::path::{Path, PathBuf};
use std::time::Duration;

use tantivy::IndexReader;

use crate::corpus::Skipped;

pub mod across_languages;
pub mod analyzer;
mod build;
mod collector;
mod contained;
mod copies;
mod corpus_set;
mod english_forms;
mod error;
pub mod facets;
mod field_stats;
mod glossary;
mod id_docs;
mod links;
pub(crate) mod lock;
pub mod manifest;
pub mod marks;
mod open;
mod open_values;
pub mod paths;
pub mod query;
mod read_only_dir;
pub mod schema;
pub mod search;
pub mod segment;
pub mod snippet;
mod spelling;
mod stored;
pub mod stories;
mod suggest;
mod tails;
mod vocabulary;
mod words;

pub use contained::panic_is_contained;
pub use corpus_set::CorpusSet;
pub use error::IndexError;
pub use facets::{FacetCount, Facets};
pub use search::{Hit, SearchRequest, SearchResults, Sort, Unfiltered};
pub use snippet::{HitTerms, hit_ranges};
pub use suggest::Suggestion;
pub use tails::checked_len as checked_file_end;

/// How to open an index.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpenOptions {
    /// Build from scratch even if an up-to-date index exists (`chanjiao index --rebuild`).
    pub rebuild: bool,
    /// Check every index file's checksum (reads the whole index; `chanjiao index` does it).
    /// Without it, damage is still caught when files are missing, truncated or disagree
    /// with the manifest.
    pub verify: bool,
    /// Skip the file-by-file comparison when no corpus folder changed its modification
    /// time (no file added, removed or replaced): a few `stat`s instead of one per file.
    /// Files rewritten in place are then noticed only by the next full check. Meant for
    /// one-shot commands (`search`, `list`, `show`); the reader and `index` do full checks.
    pub quick: bool,
    /// When another process is updating the index, wait for it and then check, instead of
    /// opening the last complete index as it is (`chanjiao index`, which is asked for an
    /// index brought up to date).
    pub wait: bool,
}

/// What an open is doing, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Another process holds the update lock and no complete index exists yet.
    Waiting,
    /// Listing the corpus files.
    Scanning,
    /// Reading, parsing and indexing files: `done` of `total` files.
    Parsing,
    /// Linking reports of the same story.
    Linking,
    /// Writing the commit.
    Committing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

/// Why the index was built from scratch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RebuildReason {
    /// There was none.
    NoIndex,
    /// It was asked for.
    Requested,
    /// The index was made by another version (schema, analyzer, dictionary or parser).
    VersionChanged,
    /// The index was damaged; it was moved aside (see the notices).
    Damaged,
}

/// What an open changed.
#[derive(Debug, Clone, Default)]
pub struct UpdateReport {
    /// Set when the index was built from scratch.
    pub rebuilt: Option<RebuildReason>,
    /// Files indexed for the first time (all of them after a rebuild) that gave articles.
    pub added: Vec<String>,
    /// Files indexed again that gave articles.
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Files added or changed by this open that gave no article (their reasons are in
    /// `skipped`): listed, like the rest, so that the next open does not read them again.
    pub newly_skipped: Vec<String>,
    /// Files that gave no article, with the reason.
    pub skipped: Vec<Skipped>,
    /// Articles and files in the index now; `files` includes the `files_skipped` that gave
    /// no article.
    pub articles: usize,
    /// Articles that a file gave again after an earlier file: indexed once, not counted
    /// in `articles`.
    pub copies: usize,
    pub files: usize,
    pub files_skipped: usize,
    /// One-line notices for the user (damage found, another process busy, …).
    pub notices: Vec<String>,
    /// The index was opened as it was because another process is updating it.
    pub read_only: bool,
    /// Time spent opening, without `waited`.
    pub elapsed: Duration,
    /// Time spent waiting for another process to finish updating the index.
    pub waited: Duration,
}

impl UpdateReport {
    /// Whether anything in the index changed.
    pub fn changed_anything(&self) -> bool {
        self.rebuilt.is_some()
            || !self.added.is_empty()
            || !self.changed.is_empty()
            || !self.removed.is_empty()
            || !self.newly_skipped.is_empty()
    }
}

/// A commit of an index ([`Index::generation`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generation {
    dir: PathBuf,
    state: u64,
}

/// An open, searchable index.
pub struct Index {
    dir: PathBuf,
    #[allow(dead_code)]
    index: tantivy::Index,
    reader: IndexReader,
    fields: schema::Fields,
    stories: stories::Stories,
    files: usize,
    /// The number of the state this index was committed with, and how many copies of
    /// articles in other files its manifest lists.
    state_no: u64,
    copies: usize,
    /// Article id → the other files that give it, read from the manifest on first need.
    also_in: std::sync::OnceLock<std::collections::HashMap<String, Vec<String>>>,
    read_only: bool,
    /// Documents of the read and starred ids, per segment, for the last marks searched with.
    mark_cache: std::sync::Arc<marks::MarkCache>,
    /// The segments' Han words, for query words found inside longer ones.
    words: words::WordLists,
    /// The outlets and topics, for values given in part (`open_values`).
    open_known: std::sync::OnceLock<crate::filter::OpenKnown>,
    /// The corpus it indexes, and the modification times of its folders when they were
    /// last listed.
    corpus: CorpusSet,
    folders: std::collections::BTreeMap<String, u64>,
}

impl Index {
    /// Opens the index of `corpus` under `data_dir` (in `indexes/KEY/`), building it on first
    /// use and bringing it up to date with the corpus (added, changed and removed files, in
    /// one commit). A stamp from another version, `opts.rebuild` or damage triggers a full
    /// rebuild. When another process is updating the same index, the last complete one is
    /// opened as it is (`report.read_only`), or, if there is none yet, the call waits.
    pub fn open(
        data_dir: &Path,
        corpus: &CorpusSet,
        opts: OpenOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(Index, UpdateReport), IndexError> {
        open::open(data_dir, corpus, opts, progress)
    }

    /// The last complete index of `corpus` as it stands, without comparing it with the
    /// corpus, taking the update lock or repairing anything: what the reader shows while
    /// [`Index::open`] checks for changes. `None` when there is none at this version (or it
    /// does not open cleanly); [`Index::open`] then builds or repairs it.
    pub fn open_as_is(data_dir: &Path, corpus: &CorpusSet) -> Option<Index> {
        open::open_as_is(data_dir, corpus)
    }

    /// Whether this index may be behind: a folder of the corpus changed its modification
    /// time since it was listed for it (a file was added, removed or replaced; one `stat`
    /// per folder; a file rewritten in place is not seen; never for the embedded sample),
    /// or it was opened as it stood while another process updated it and that process has
    /// finished (its update lock is free).
    pub fn corpus_moved(&self) -> bool {
        !self.corpus.folders_unchanged(&self.folders)
            || (self.read_only
                && self
                    .dir
                    .parent()
                    .is_some_and(|root| matches!(lock::UpdateLock::try_acquire(root), Ok(Some(_)))))
    }

    /// Which commit of which index this is: two opens of an index that did not change in
    /// between give the same.
    pub fn generation(&self) -> Generation {
        Generation {
            dir: self.dir.clone(),
            state: self.state_no,
        }
    }

    /// Keeps this index's sets of read and starred documents in `sets`, shared with the
    /// other indexes given it: an index brought up to date then looks up the marks of its
    /// new segments only, not of every article again (about 60 ms for 100,000 read).
    pub fn share_mark_sets(&mut self, sets: &std::sync::Arc<marks::MarkCache>) {
        self.mark_cache = std::sync::Arc::clone(sets);
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.reader.searcher().num_docs() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of corpus files indexed (including those that gave no article).
    pub fn files(&self) -> usize {
        self.files
    }

    /// The other files that give article `id` again (the same text saved twice, one item
    /// on two listing pages), in path order; the article's own `file` is the first. The
    /// manifest is read once, on the first call, and only when it lists any copies; when
    /// it cannot be read the copies go unnamed (the log says why).
    pub fn other_files(&self, id: &str) -> Vec<String> {
        if self.copies == 0 {
            return Vec::new();
        }
        let map = self.also_in.get_or_init(|| {
            let files = match manifest::State::read_files(&self.dir, self.state_no, self.files) {
                Ok(f) => f,
                Err(why) => {
                    tracing::warn!("cannot name the files that repeat articles: {why}");
                    return Default::default();
                }
            };
            let mut map: std::collections::HashMap<String, Vec<String>> = Default::default();
            for (label, e) in files {
                for c in e.copies {
                    map.entry(c).or_default().push(label.clone());
                }
            }
            map
        });
        map.get(id).cloned().unwrap_or_default()
    }

    /// The generation folder being read.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Opened as it was while another process updates it.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Gets ready what a search for Chinese words inside longer ones reads (the segments'
    /// word lists, made on first use): for a long-running reader to call in the background
    /// after opening, so that its first such search does not wait for them.
    pub fn prepare_search(&self) {
        // Damage that makes reading the words panic is met again, and reported, by the
        // search itself.
        let _ =
            contained::contained(|| self.words.of(&self.reader.searcher(), &self.fields.text()));
    }

    /// Sets this index aside after reading it failed with [`IndexError::Corrupt`] (damage
    /// that the checks made when opening did not catch), so that the next [`Index::open`]
    /// rebuilds it. Returns a one-line notice saying what was moved where.
    pub fn set_aside(&self, why: &str) -> Result<String, IndexError> {
        open::set_aside(&self.dir, why)
    }
}
