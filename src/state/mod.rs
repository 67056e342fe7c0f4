//! Reading state that outlives the reader: which articles are read and starred, saved
//! views, the queries searched for and where the last session ended. It lives in
//! `DATA_DIR/state/state.json`, beside the indexes rather than inside them, and is keyed by
//! article id (a hash of the content), so marks survive re-indexing and files re-saved
//! unchanged.
//!
//! Writes are atomic (temporary file, fsync, rename) and merge: a save re-reads the file
//! under a lock and applies only this process's changes ([`Delta`]), so two readers open at
//! once keep each other's marks. A missing file is an empty state; an unreadable one is moved
//! aside with a one-line notice.

mod delta;
mod file;
mod id_set;
mod marks;
mod store;
mod view;

use std::collections::BTreeSet;

use serde::{Deserialize, Deserializer, Serialize};

pub use delta::Delta;
pub use file::{FILE_NAME, peek, write_state};
pub use id_set::IdSet;
pub use marks::{MarkCounts, Marks};
pub use store::Store;
pub use view::{SavedFilter, SavedSearch, Session, View};

/// The version written into the file.
pub const VERSION: u32 = 1;

/// How many queries the state remembers.
pub const MAX_RECENT: usize = 100;

/// Everything the state file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    #[serde(default)]
    pub version: u32,
    /// Ids of articles read.
    #[serde(default, deserialize_with = "id_list")]
    pub read: BTreeSet<String>,
    /// Ids of starred articles.
    #[serde(default, deserialize_with = "id_list")]
    pub starred: BTreeSet<String>,
    /// Saved views, by name.
    #[serde(default)]
    pub views: Vec<View>,
    /// Where the last session ended.
    #[serde(default)]
    pub session: Option<Session>,
    /// Queries searched for, the latest first, at most [`MAX_RECENT`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recent: Vec<String>,
}

impl State {
    /// The read and starred ids as sets to look ids up in.
    pub fn marks(&self) -> Marks {
        Marks {
            read: self.read.iter().cloned().collect(),
            starred: self.starred.iter().cloned().collect(),
        }
    }

    /// The read and starred ids moved out of the state into sets (no copy of each id).
    pub fn take_marks(&mut self) -> Marks {
        Marks {
            read: std::mem::take(&mut self.read).into_iter().collect(),
            starred: std::mem::take(&mut self.starred).into_iter().collect(),
        }
    }

    /// This state with the ids of `marks` as its read and starred ones.
    pub fn with_marks(mut self, marks: &Marks) -> State {
        self.read = marks.read.iter().cloned().collect();
        self.starred = marks.starred.iter().cloned().collect();
        self
    }

    /// The saved view of this name.
    pub fn view(&self, name: &str) -> Option<&View> {
        self.views.iter().find(|v| v.name == name)
    }
}

/// A list of ids as a set, sorted once and built in one go: the file lists them in order, so
/// that is one pass, where putting 100,000 ids into the set one by one took about three
/// times as long.
fn id_list<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<String>, D::Error> {
    Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
}
