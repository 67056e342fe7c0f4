//! The reader's boundary to the data: a [`Catalog`] answers searches and hands out articles.
//!
//! The reader only ever talks to a `dyn Catalog`, on a worker thread. The first
//! implementation is [`super::memory::MemoryCatalog`] (the whole corpus in memory); an
//! index-backed one implements the same trait.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};

use crate::article::Article;
use crate::filter::Filter;
use crate::index::{Suggestion, Unfiltered};
use crate::state::{MarkCounts, Marks};

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Best match first, newest first on ties (newest first when the query has no words).
    #[default]
    Relevance,
    /// Newest first, undated last.
    Newest,
    /// Oldest first, undated last.
    Oldest,
}

impl Sort {
    /// Every order, in the order `s` cycles through them.
    pub const ALL: &'static [Sort] = &[Sort::Relevance, Sort::Newest, Sort::Oldest];

    /// The next order among `supported` (the first one when `self` is not among them).
    pub fn next_in(self, supported: &[Sort]) -> Sort {
        let at = supported.iter().position(|s| *s == self);
        let next = at.map_or(0, |i| (i + 1) % supported.len().max(1));
        supported.get(next).copied().unwrap_or(self)
    }

    /// The order the list is in: relevance lists the newest first when the query has no
    /// words.
    pub fn as_listed(self, has_words: bool) -> Sort {
        match self {
            Sort::Relevance if !has_words => Sort::Newest,
            other => other,
        }
    }
}

/// One search: the reader's query line, its sidebar filters, order and the window of rows
/// it wants.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Request {
    /// SPEC §5 query syntax; empty matches everything.
    pub query: String,
    /// Sidebar filters; merged with filters written in the query (the values of one facet
    /// ORed, as in the sidebar; date bounds narrowed).
    pub filter: Filter,
    pub sort: Sort,
    /// First row wanted (0-based, in result order).
    pub offset: usize,
    /// At most this many rows.
    pub limit: usize,
    /// Instead of `offset`: the rows around this article when it is among the results (the
    /// response's `offset` says where they start).
    pub around: Option<String>,
    /// The article for `around` given by its place in an earlier search, when the reader
    /// had not yet received it (the list jumped far down, and the order changed before the
    /// rows came): the worker looks it up first.
    pub around_row: Option<Box<(Request, usize)>>,
    /// The read and starred ids, for the filter's reading-state values and their counts.
    pub marks: Arc<Marks>,
}

/// One line of the article list: what the list shows, without the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: String,
    pub title: String,
    pub published: Option<DateTime<FixedOffset>>,
    /// The outlet as written.
    pub source: Option<String>,
    /// The outlet's Chinese name when known.
    pub source_zh: Option<String>,
    /// English province names, most salient first; empty for national stories.
    pub provinces: Vec<String>,
    /// Sector slugs, most salient first.
    pub sectors: Vec<String>,
    /// How many other reports of the same story there are.
    pub duplicates: usize,
}

impl Row {
    pub fn from_article(a: &Article) -> Row {
        Row {
            id: a.id.clone(),
            title: a.title.clone(),
            published: a.published,
            source: a.source.clone(),
            source_zh: a.source_zh.clone(),
            provinces: a.provinces.clone(),
            sectors: a.sectors.clone(),
            duplicates: a.duplicates.len(),
        }
    }
}

/// How many matching articles carry each value of a facet.
pub type Counts = Vec<(String, usize)>;

/// Facet counts of a search, disjunctive: each facet is counted with every *other* facet's
/// filter applied but not its own, so selecting one province keeps the others' counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// English province names, and [`crate::filter::NATIONAL`] for national stories.
    pub provinces: Counts,
    /// Sector slugs.
    pub sectors: Counts,
    /// Outlet names (the Chinese name when known, else as written).
    pub sources: Counts,
    /// The topics of listing pages (their tags).
    pub topics: Counts,
    /// Unread and starred articles.
    pub marks: MarkCounts,
    /// Dated articles by month (`2025-10`), oldest first. Counted with every filter but the
    /// date range, so a timeline keeps its other months when one month is selected.
    pub months: Counts,
}

impl Facets {
    /// The count of `value` in `list`, 0 when absent.
    pub fn count(list: &Counts, value: &str) -> usize {
        list.iter().find(|(v, _)| v == value).map_or(0, |(_, n)| *n)
    }
}

/// Finds where a search's hits are in a text, for highlighting.
pub trait Highlighter: Send + Sync {
    /// Byte ranges of the hits in `text`: sorted, not overlapping, on character boundaries.
    fn ranges(&self, text: &str) -> Vec<Range<usize>>;
}

/// A highlighter that finds nothing (no words in the query).
pub struct NoHits;

impl Highlighter for NoHits {
    fn ranges(&self, _: &str) -> Vec<Range<usize>> {
        Vec::new()
    }
}

/// What a search found.
#[derive(Clone)]
pub struct Response {
    /// The requested window of results.
    pub rows: Vec<Row>,
    /// Where `rows` starts in the whole result.
    pub offset: usize,
    /// How many articles match in all.
    pub total: usize,
    pub facets: Facets,
    /// Highlights the query's hits in an article's text.
    pub hits: Arc<dyn Highlighter>,
    /// The query has a mistake: the results are those of its part before the mistake, and
    /// this says what is wrong (set by the reader, not by a catalog).
    pub problem: Option<String>,
    /// How values given in part were taken (`source '日报' taken as 人民日报 or 光明日报`).
    pub notes: Vec<String>,
    /// When nothing matches: the query with its misspelt words put right, when that finds
    /// articles.
    pub suggestion: Option<Suggestion>,
    /// When the filters leave nothing of a search for words and nothing else is offered:
    /// how many articles the words (or, when they find nothing anywhere, the words put
    /// right) find without them.
    pub unfiltered: Option<Unfiltered>,
    /// The filters written in the query as the search took them (`source:新华` as 新华网
    /// and 新华日报), for the sidebar to mark.
    pub written: Filter,
    /// The article the rows were placed around (the request's `around`), which the reader
    /// keeps selected when it is among them.
    pub anchor: Option<String>,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("rows", &self.rows.len())
            .field("offset", &self.offset)
            .field("total", &self.total)
            .field("facets", &self.facets)
            .finish_non_exhaustive()
    }
}

/// The reader's data: searched and read on a worker thread, never on the interface thread.
pub trait Catalog: Send + Sync {
    /// Runs a search. `Err` is a one-line message for the status line (an unknown province in
    /// `province:`, a broken index); the reader keeps its previous results.
    fn search(&self, request: &Request) -> anyhow::Result<Response>;

    /// One whole article by id.
    fn get(&self, id: &str) -> Option<Article>;

    /// The ids of every article the search finds, in no particular order (its window, order
    /// and `around` aside): what acting on a whole list needs.
    fn ids(&self, request: &Request) -> anyhow::Result<Vec<String>> {
        let all = Request {
            offset: 0,
            limit: usize::MAX,
            around: None,
            around_row: None,
            ..request.clone()
        };
        Ok(self.search(&all)?.rows.into_iter().map(|r| r.id).collect())
    }

    /// Where the first unread article (by the request's marks) at or after place `from` of
    /// the search's results is, or `None` (its window and `around` aside).
    fn next_unread(&self, request: &Request, from: usize) -> anyhow::Result<Option<usize>> {
        let rest = Request {
            offset: from,
            limit: usize::MAX,
            around: None,
            around_row: None,
            ..request.clone()
        };
        let rows = self.search(&rest)?.rows;
        Ok((rows.iter())
            .position(|r| !request.marks.is_read(&r.id))
            .map(|i| from + i))
    }

    /// How many articles there are in all.
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The orders this catalog can sort by, in the order `s` cycles through them.
    fn sorts(&self) -> &'static [Sort] {
        Sort::ALL
    }

    /// Gets ready in the background what searches will need (see [`Index::prepare_search`]).
    ///
    /// [`Index::prepare_search`]: crate::index::Index::prepare_search
    fn prepare(&self) {}

    /// Whether a corpus folder changed since the catalog was made (a file added, removed
    /// or replaced): the reader then brings itself up to date.
    fn corpus_moved(&self) -> bool {
        false
    }

    /// When `error` (from [`Catalog::search`]) means the catalog's files are damaged: sets
    /// them aside so that opening again rebuilds them, and returns a one-line notice.
    fn set_aside_if_damaged(&self, error: &anyhow::Error) -> Option<String> {
        let _ = error;
        None
    }
}
