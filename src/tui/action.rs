//! Every intent the reader acts on: keys and the mouse become actions through the key map;
//! background work reports back as actions too. `update` is the only place they take effect.

use std::sync::Arc;

use crate::article::Article;

use super::backend::{Response, Row, Sort};

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

#[derive(Debug, Clone)]
pub enum Action {
    // Keys.
    Quit,
    ToggleHelp,
    /// Focus the search line.
    StartSearch,
    /// Leave the search line, keeping the query.
    KeepSearch,
    /// Leave the search line and clear the query.
    CancelSearch,
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
    /// Open or close the statistics view.
    ToggleStats,
    /// Read the article under the cursor in `$PAGER`.
    OpenInPager,
    /// Copy the article under the cursor to the clipboard (OSC 52).
    CopyArticle,
    /// Write the article in the detail pane, or every article of the view, to a file.
    Export,
    // Editing the search line.
    Insert(char),
    Backspace,
    DeleteWord,
    ClearLine,
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
    /// The catalog is open: how many articles, files skipped, orders it supports.
    Ready {
        articles: usize,
        skipped: usize,
        sorts: &'static [Sort],
    },
    LoadFailed(String),
    /// A search finished (`seq` numbers requests; stale ones are dropped).
    Searched {
        seq: u64,
        result: Result<Arc<Response>, String>,
    },
    /// A one-line message for the status line (the pager closed, a file was written).
    Notice(String),
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
                | Action::Progress(_)
                | Action::Ready { .. }
                | Action::LoadFailed(_)
                | Action::Searched { .. }
                | Action::Notice(_)
                | Action::Opened { .. }
        )
    }
}
