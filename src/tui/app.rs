//! The reader's state. Drawing reads it; only `update` changes it.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::article::Article;
use crate::filter::Filter;
use crate::index::Suggestion;

use super::action::Progress;
use super::backend::{Facets, Highlighter, NoHits, Row, Sort};
use super::bindings::KeyMap;
use super::draw::detail::ArticleView;
use super::layout::{self, Areas, Panel};
use super::line_edit::Caret;
use super::reading::Reading;
use super::sidebar::Sidebar;
use super::stats::StatsView;
use super::strings;
use super::theme::Theme;

/// How many rows one search fetches around the selection.
pub const PAGE: usize = 200;

/// Opening the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    Loading(Progress),
    Ready {
        articles: usize,
        /// The files that gave no article, as paths (the log says why).
        skipped: Vec<String>,
        /// Corpus folders (or files) given that are not there, as given.
        missing: Vec<String>,
    },
    Failed(String),
}

/// The latest search results: a window of rows, the total and the facet counts.
#[derive(Clone)]
pub struct Results {
    pub rows: Vec<Row>,
    /// Index of `rows[0]` in the whole result.
    pub offset: usize,
    pub total: usize,
    pub facets: Facets,
    pub hits: Arc<dyn Highlighter>,
    /// At least one search has answered.
    pub received: bool,
    /// How the search took values given in part (`source '日报' taken as …`).
    pub notes: Vec<String>,
    /// When nothing matches: the query put right, for the search line's Tab.
    pub suggestion: Option<Suggestion>,
    /// When the filters leave nothing: how many articles the words (or the words put
    /// right) find without them.
    pub unfiltered: Option<crate::index::Unfiltered>,
    /// The filters the query writes, as the search took them.
    pub written: crate::filter::Filter,
}

impl Default for Results {
    fn default() -> Self {
        Results {
            rows: Vec::new(),
            offset: 0,
            total: 0,
            facets: Facets::default(),
            hits: Arc::new(NoHits),
            received: false,
            notes: Vec::new(),
            suggestion: None,
            unfiltered: None,
            written: crate::filter::Filter::default(),
        }
    }
}

impl Results {
    /// The row at an index of the whole result, when it is in the window.
    pub fn row(&self, index: usize) -> Option<&Row> {
        index
            .checked_sub(self.offset)
            .and_then(|i| self.rows.get(i))
    }
}

/// The list's selection and first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub scroll: usize,
}

/// The article in the detail pane.
#[derive(Clone, Default)]
pub struct DetailState {
    pub article: Option<Arc<Article>>,
    /// Other reports of the same story.
    pub also: Vec<Row>,
    /// First visible line of the rendered article.
    pub scroll: usize,
    /// The hit last jumped to with `n`/`N`, as an index into `view.hit_rows`: the current
    /// hit, drawn apart from the others. None until `n`/`N` in this article and search.
    pub hit: Option<usize>,
    /// The id last asked for (the answer may still be on its way).
    pub requested: Option<String>,
    /// The article rendered for the pane's width.
    pub view: Option<ArticleView>,
}

/// A search on its way: `reset` when it is a new search (results from the top), not when it
/// only fetches another window of the same results. A new search moves the selection to
/// the top, unless it `keep`s the selected article, when it is among the results (another
/// order or other filters: the reader is still looking at the same article).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub seq: u64,
    pub reset: bool,
    pub keep: bool,
}

/// Everything the reader shows.
#[derive(Clone)]
pub struct App {
    pub width: u16,
    pub height: u16,
    pub focus: Panel,
    /// The help overlay is open, scrolled this far.
    pub help: Option<usize>,
    /// The search line has the keyboard.
    pub searching: bool,
    pub query: String,
    /// The search line's cursor and the part of the query on screen.
    pub caret: Caret,
    /// Sidebar filters.
    pub filter: Filter,
    pub sort: Sort,
    /// Orders the catalog supports.
    pub sorts: &'static [Sort],
    pub load: Load,
    pub results: Results,
    pub list: ListState,
    pub sidebar: Sidebar,
    pub detail: DetailState,
    /// The statistics view (`t`).
    pub stats: StatsView,
    /// Folders `e` writes to, the first that takes the file.
    pub export_dirs: Vec<PathBuf>,
    /// The folders and files the corpus is read from, as given (none: the sample corpus).
    pub corpus: Vec<PathBuf>,
    /// A one-line problem with the last search (shown in the status line).
    pub error: Option<String>,
    /// The status line's notice is what the last open of the index had to tell: the next
    /// open replaces it, or takes it away when it has nothing to tell.
    pub notice_is_news: bool,
    /// The index shown is being brought up to date in the background.
    pub updating: Option<Progress>,
    pub search_seq: u64,
    pub open_seq: u64,
    pub pending: Option<Pending>,
    /// The last search sent (without its window): where a selected row that has not come
    /// yet can be looked up.
    pub last_request: Option<super::backend::Request>,
    pub quit: bool,
    /// Colours and styles for drawing.
    pub theme: Theme,
    /// What each key means.
    pub keys: Arc<KeyMap>,
    /// Read and starred marks, saved views and their prompt.
    pub reading: Reading,
}

impl Default for App {
    fn default() -> Self {
        App::new()
    }
}

impl App {
    pub fn new() -> App {
        App {
            width: 0,
            height: 0,
            focus: Panel::List,
            help: None,
            searching: false,
            query: String::new(),
            caret: Caret::default(),
            filter: Filter::default(),
            sort: Sort::default(),
            sorts: Sort::ALL,
            load: Load::Loading(Progress {
                label: "opening".into(),
                done: 0,
                total: 0,
            }),
            results: Results::default(),
            list: ListState::default(),
            sidebar: Sidebar::default(),
            detail: DetailState::default(),
            stats: StatsView::default(),
            export_dirs: Vec::new(),
            corpus: Vec::new(),
            error: None,
            notice_is_news: false,
            updating: None,
            search_seq: 0,
            open_seq: 0,
            pending: None,
            last_request: None,
            quit: false,
            theme: Theme::default(),
            keys: Arc::new(KeyMap::default()),
            reading: Reading::default(),
        }
    }

    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(self.screen(), self.focus)
    }

    /// Lines inside a panel's border (0 when the panel is not shown).
    pub fn panel_height(&self, panel: Panel) -> usize {
        self.areas()
            .rect(panel)
            .map_or(0, |r| layout::inner(r).height as usize)
    }

    /// Columns inside the detail pane's border, as it would be if shown.
    pub fn detail_width(&self) -> u16 {
        let shown = self
            .areas()
            .detail
            .or_else(|| layout::areas(self.screen(), Panel::Detail).detail);
        shown.map_or(0, |r| layout::inner(r).width)
    }

    /// The selected row, when loaded.
    pub fn selected_row(&self) -> Option<&Row> {
        self.results.row(self.list.selected)
    }

    /// Why no row is selected, for a key that acts on one: the first results have not
    /// arrived, the list is empty, or the selected row's window is still on its way.
    pub fn why_no_selection(&self) -> &'static str {
        if !self.results.received {
            strings::LIST_LOADING
        } else if self.results.total == 0 {
            strings::NO_ARTICLE
        } else {
            strings::STILL_LOADING
        }
    }

    /// Puts [`App::why_no_selection`] in the status bar.
    pub fn say_why_no_selection(&mut self) {
        self.reading.notice = Some(self.why_no_selection().to_string());
    }

    /// The request for the whole list as it stands: query, filters, order and marks.
    pub fn whole_list(&self) -> super::backend::Request {
        super::backend::Request {
            query: self.query.clone(),
            filter: self.filter.clone(),
            sort: self.sort,
            marks: self.reading.marks.clone(),
            ..Default::default()
        }
    }

    pub fn is_ready(&self) -> bool {
        matches!(self.load, Load::Ready { .. })
    }
}
