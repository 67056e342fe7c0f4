//! The read and starred ids, in sets for quick lookups while drawing and searching, and
//! cheap to copy.

use super::IdSet;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: IdSet,
    pub starred: IdSet,
}

impl Marks {
    pub fn is_read(&self, id: &str) -> bool {
        self.read.contains(id)
    }

    pub fn is_starred(&self, id: &str) -> bool {
        self.starred.contains(id)
    }

    /// Marks an article read or unread.
    pub fn set_read(&mut self, id: &str, read: bool) {
        set(&mut self.read, id, read);
    }

    /// Marks many articles read or unread at once.
    pub fn set_read_all<'a>(&mut self, ids: impl ExactSizeIterator<Item = &'a String>, read: bool) {
        self.read.set_all(ids, read);
    }

    /// Stars an article or takes its star away.
    pub fn set_starred(&mut self, id: &str, starred: bool) {
        set(&mut self.starred, id, starred);
    }
}

fn set(ids: &mut IdSet, id: &str, on: bool) {
    if on {
        ids.insert(id);
    } else {
        ids.remove(id);
    }
}

/// How many of the articles that match a search's other filters are unread, and starred.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkCounts {
    pub unread: usize,
    pub starred: usize,
}
