//! What `update` asks the outside world to do: background work, or leaving.

use std::path::PathBuf;

use super::backend::Request;
use super::export_view::ExportWhat;
use crate::state::Delta;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search; the answer comes back as `Action::Searched` with the same `seq`.
    Search { seq: u64, request: Request },
    /// Fetch an article; the answer comes back as `Action::Opened` with the same `seq`.
    Open { seq: u64, id: String },
    /// Find where the first unread article at or after place `from` of the search's results
    /// is; the answer comes back as `Action::FoundUnread` with the same `seq`.
    FindUnread {
        seq: u64,
        request: Request,
        from: usize,
    },
    /// Gather the ids of every article the search finds and work out what marking them
    /// would do; it comes back as `Action::Gathered` with the same `seq`.
    Gather { seq: u64, request: Request },
    /// Write these reading-state changes (off the interface thread).
    Save(Box<Delta>),
    /// Show a text in the pager (on the interface thread, which owns the terminal).
    Pager { text: String },
    /// Write an escape sequence to the terminal (OSC 52: copy to the clipboard).
    Clipboard { sequence: String },
    /// Write articles to a new Markdown file in the first of `dirs` that takes it; the
    /// answer comes back as `Action::Notice`.
    Export {
        what: ExportWhat,
        dirs: Vec<PathBuf>,
    },
    /// Open the index again, in the background (it was found damaged and set aside, so it
    /// is rebuilt); the new catalog arrives with `Action::Ready`.
    Reopen,
    /// Bring the index up to date with the corpus, in the background, while the one shown
    /// stays; the new catalog arrives with `Action::Ready`. `asked`: the user asked, and is
    /// told even when nothing changed.
    Refresh { asked: bool },
    /// Stop as a shell's job until continued (on the interface thread, which owns the
    /// terminal).
    Suspend,
    /// Leave the reader.
    Quit,
}
