//! The reader's share of the reading state: marks, saved views, the queries searched for,
//! the view-name prompt, a notice for the status line, what `u` and session restore are
//! still looking for, and where `A` has got to.
//!
//! After a search answers, [`after_search`] lets those pending lookups take their next step.

use std::sync::Arc;

use crate::state::{Marks, State, View};

use super::app::App;
use super::effect::Effect;
use super::line_edit::Caret;
use super::mark_all::MarkAll;
use super::{marking, session};

/// What the prompt on the search line is asking for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A name to save the current view under (`w`).
    SaveView,
    /// A saved view to recall, picked by name (`'`).
    RecallView,
}

/// The prompt that takes the search line's place while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// The cursor in `text` and the part of it on screen.
    pub caret: Caret,
    /// In the picker: the highlighted one among the views that match `text`.
    pub chosen: usize,
}

/// `u` is looking beyond the loaded rows for an unread article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seek {
    /// Open the article found (pressed in the article pane).
    pub open: bool,
    /// The selection when `u` was pressed, to go back to when there is none.
    pub origin: usize,
}

/// The article selected when the last session ended, to select again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resume {
    pub id: String,
    /// Where it was in the list.
    pub position: usize,
    /// The rows around `position` were fetched already.
    pub looked_near: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub marks: Arc<Marks>,
    /// Saved views, by name.
    pub views: Vec<View>,
    pub prompt: Option<Prompt>,
    /// A one-line message for the status line, until the next key.
    pub notice: Option<String>,
    pub seek: Option<Seek>,
    pub resume: Option<Resume>,
    /// Queries searched for, the latest first.
    pub recent: Vec<String>,
    /// Where `Ctrl-p`/`Ctrl-n` are among them.
    pub recall: Option<super::recent::Recall>,
    /// `A` waits for the list's ids, or asks what to do with them.
    pub mark_all: Option<MarkAll>,
    /// Numbers `A`'s requests, so that an answer to an abandoned one is dropped.
    pub gather_seq: u64,
    /// Numbers `u`'s requests to the worker, likewise.
    pub unread_seq: u64,
    /// The saved state has arrived (the first search waits for it: it holds the marks and
    /// where the last session ended).
    pub restored: bool,
}

impl Reading {
    /// The question the status line asks, waiting for `y` or any other key.
    pub fn question(&self) -> Option<&str> {
        match &self.mark_all {
            Some(MarkAll::Asking { question, .. }) => Some(question),
            _ => None,
        }
    }
}

/// What the reader starts with: the saved state, whether to go back to where the last
/// session ended, and a notice from loading it.
#[derive(Debug, Clone, Default)]
pub struct Restore {
    /// The state without its read and starred ids, which are in `marks`.
    pub state: State,
    pub marks: Marks,
    pub resume: bool,
    pub notice: Option<String>,
}

impl Restore {
    /// The state's ids are moved into sets here, on the thread that read it, rather than
    /// on the interface thread (about 7 ms for 100,000 ids).
    pub fn new(mut state: State, resume: bool, notice: Option<String>) -> Restore {
        let marks = state.take_marks();
        Restore {
            state,
            marks,
            resume,
            notice,
        }
    }
}

/// The next step of whatever waits for search results.
pub fn after_search(app: &mut App) -> Vec<Effect> {
    if app.pending.is_some() {
        return Vec::new();
    }
    let mut fx = session::resume_step(app);
    fx.extend(marking::seek_step(app));
    fx
}
