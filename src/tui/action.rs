//! Every intent the reader acts on: keys and the mouse become actions through the key map;
//! background work reports back as actions too. `update` is the only place they take effect.

use std::sync::Arc;

use crate::article::Article;

use super::backend::{Response, Row, Sort};
use super::line_edit::Edit;
use super::reading::Restore;

/// A movement within a panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// How far background loading has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// What is being done (`reading files`).
    pub label: String,
    pub done: usize,
    pub total: usize,
}

/// What an open of the index has to tell (see [`super::news`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct News {
    /// The open's one-line notices: damage found and rebuilt, another chanjiao process
    /// updating the index or waited for.
    pub notices: Vec<String>,
    /// What this open changed in the index; `None` when nothing.
    pub changes: Option<Changes>,
    /// The user asked for the check (`R`): told even when nothing changed.
    pub asked: bool,
    /// The index is the one already shown, at the same commit: nothing to search again.
    pub unchanged: bool,
}

/// What an open changed in the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Built from scratch.
    pub rebuilt: bool,
    /// Files added or changed that gave articles.
    pub added: usize,
    pub changed: usize,
    /// Files gone from the corpus, as the skipped lists name them.
    pub removed: Vec<String>,
    /// Files added or changed that gave no article.
    pub newly_skipped: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum Action {
    // Keys.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT) asks the reader to end: as `Quit`, whatever is open.
    Terminate,
    ToggleHelp,
    /// Focus the search line.
    StartSearch,
    /// Leave the search line, keeping the query.
    KeepSearch,
    /// Leave the search line and clear the query.
    CancelSearch,
    /// Put the query as the search offers when nothing matches (`robtos` → `robots`).
    TakeSuggestion,
    /// In the search line, the query searched for before the one shown (`older`), or after.
    RecallQuery {
        older: bool,
    },
    /// Esc outside the search line: back from the article, else clear the query.
    Back,
    NextPanel,
    PrevPanel,
    PanelLeft,
    PanelRight,
    Move(Motion),
    /// Toggle the filter under the sidebar's cursor.
    ToggleFilter,
    /// Open the selected article in the detail pane.
    OpenArticle,
    ClearFilters,
    CycleSort,
    NextHit,
    PrevHit,
    // Reading state and saved views.
    /// Mark the selected article read, or unread again.
    ToggleRead,
    /// Star the selected article, or take its star away.
    ToggleStar,
    /// Select the next unread article in the list (in the article pane: open it).
    NextUnread,
    /// Mark every article of the list read (or, when all are, unread), once asked.
    MarkAll,
    /// The answer to the question on the status line: yes, or anything else.
    Answer(bool),
    /// Ask for a name and save the query, filters and order under it.
    SaveView,
    /// Pick a saved view by name and apply it.
    RecallView,
    /// Delete the saved view under the sidebar's cursor.
    DeleteView,
    /// The saved reading state, at start.
    Restore(Box<Restore>),
    /// A one-line notice for the status line (saving the state failed, a file was written,
    /// the pager could not run, …); it lasts until the next key.
    Notice(String),
    /// Open or close the statistics view.
    ToggleStats,
    /// Read the article under the cursor in `$PAGER`.
    OpenInPager,
    /// Stop as a shell's job (`Ctrl-z`), until `fg`.
    Suspend,
    /// Copy the article under the cursor to the clipboard (OSC 52).
    CopyArticle,
    /// Write the article in the detail pane, or every article of the view, to a file.
    Export,
    /// Check the corpus for new, changed and removed files now (every file, also those
    /// rewritten in place).
    CheckCorpus,
    /// Select the next report of the story of the article shown (`Also reported by`).
    NextReport,
    // Editing the search line (and the view prompt, which borrows it).
    /// A character typed or pasted, put in at the cursor.
    Insert(char),
    /// Moving the cursor or deleting around it.
    Edit(Edit),
    // Mouse and terminal.
    /// Wheel at a screen position; `down` scrolls towards the end.
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Left click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    // Background work.
    Progress(Progress),
    /// The catalog is open: how many articles, the files skipped (as paths), the corpus
    /// folders not found, orders it
    /// supports, and what the open has to tell.
    Ready {
        articles: usize,
        skipped: Vec<String>,
        /// Corpus paths given that are not there (as given).
        missing: Vec<String>,
        sorts: &'static [Sort],
        news: News,
    },
    LoadFailed(String),
    /// Progress of bringing the index up to date while an older complete one is shown.
    Updating(Progress),
    /// Bringing the index up to date failed (one line); the index shown stays.
    UpdateFailed(String),
    /// A corpus folder changed while the reader was open: bring the index up to date.
    CorpusMoved,
    /// A search finished (`seq` numbers requests; stale ones are dropped).
    Searched {
        seq: u64,
        result: Result<Arc<Response>, String>,
    },
    /// Search `seq` found the index damaged; it was set aside (the notice says where) and
    /// must be opened again, which rebuilds it.
    Damaged {
        seq: u64,
        notice: String,
    },
    /// Where the first unread article from a place of the list is (for `NextUnread`,
    /// numbered `seq`): `None` when there is none.
    FoundUnread {
        seq: u64,
        at: Result<Option<usize>, String>,
    },
    /// The ids of every article of a list were gathered for `MarkAll` (numbered `seq`), and
    /// what marking them would do worked out.
    Gathered {
        seq: u64,
        marking: Result<Box<super::mark_all::Marking>, String>,
    },
    /// An article was fetched, with the other reports of the same story.
    Opened {
        seq: u64,
        article: Option<Arc<Article>>,
        also: Vec<Row>,
    },
}

impl Action {
    /// Whether the user asked for it (a key, the mouse), rather than background work or the
    /// terminal reporting a new size.
    pub fn from_user(&self) -> bool {
        !matches!(
            self,
            Action::Resize { .. }
                | Action::Terminate
                | Action::Progress(_)
                | Action::Ready { .. }
                | Action::LoadFailed(_)
                | Action::Searched { .. }
                | Action::Damaged { .. }
                | Action::Notice(_)
                | Action::Opened { .. }
                | Action::Gathered { .. }
                | Action::FoundUnread { .. }
                | Action::Restore(_)
                | Action::Updating(_)
                | Action::UpdateFailed(_)
                | Action::CorpusMoved
        )
    }
}
