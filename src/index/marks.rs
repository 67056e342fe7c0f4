//! The reading-state facet in the index: the read and starred ids become, per segment, sets
//! of document numbers ([`id_docs::doc_set`]), checked and counted in the same pass as the
//! other facets. They are made again only when the marks change: the sets are kept for the
//! marks last searched with, so typing a query does not look them up again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use tantivy::index::SegmentId;
use tantivy::schema::Field;
use tantivy::{DocId, SegmentReader};

use super::id_docs;

use crate::filter::Mark;
use crate::state::{MarkCounts, Marks};

/// The reader's marks and the reading-state values a search keeps (none: all), on the `id`
/// field.
#[derive(Clone)]
pub(crate) struct MarkFilter {
    pub field: Field,
    pub marks: Arc<Marks>,
    pub keep: Vec<Mark>,
    pub cache: Arc<MarkCache>,
}

/// One segment's read and starred documents.
#[derive(Default)]
pub(crate) struct DocSets {
    read: Vec<bool>,
    starred: Vec<bool>,
}

/// The doc sets of the marks last searched with. A segment's documents never change (deleted
/// ones are skipped by the search anyway), so its sets stay right until the marks do. The
/// `Weak` keeps the marks' allocation, so a new set of marks never takes its address.
#[derive(Default)]
pub(crate) struct MarkCache {
    last: Mutex<Option<(Weak<Marks>, BySegment)>>,
}

type BySegment = HashMap<SegmentId, Arc<DocSets>>;

/// Segments remembered at most (old ones pile up as the index is updated).
const MAX_CACHED: usize = 256;

impl MarkCache {
    fn sets(&self, reader: &SegmentReader, f: &MarkFilter) -> tantivy::Result<Arc<DocSets>> {
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let current = Arc::downgrade(&f.marks);
        let fresh = match &*last {
            Some((marks, segments)) => !marks.ptr_eq(&current) || segments.len() > MAX_CACHED,
            None => true,
        };
        if fresh {
            *last = Some((current, HashMap::new()));
        }
        let id = reader.segment_id();
        if let Some(sets) = last.as_ref().and_then(|(_, s)| s.get(&id)) {
            return Ok(sets.clone());
        }
        let sets = Arc::new(DocSets {
            read: id_docs::doc_set(reader, f.field, &f.marks.read)?,
            starred: id_docs::doc_set(reader, f.field, &f.marks.starred)?,
        });
        if let Some((_, segments)) = last.as_mut() {
            segments.insert(id, sets.clone());
        }
        Ok(sets)
    }
}

/// One segment's read and starred documents, and the counts so far.
pub(crate) struct SegmentMarks {
    sets: Arc<DocSets>,
    keep_unread: bool,
    keep_starred: bool,
    active: bool,
    pub counts: MarkCounts,
}

fn has(set: &[bool], doc: DocId) -> bool {
    set.get(doc as usize).copied().unwrap_or(false)
}

impl SegmentMarks {
    pub fn new(
        reader: &SegmentReader,
        filter: Option<&MarkFilter>,
    ) -> tantivy::Result<SegmentMarks> {
        let Some(f) = filter else {
            return Ok(SegmentMarks {
                sets: Arc::default(),
                keep_unread: false,
                keep_starred: false,
                active: false,
                counts: MarkCounts::default(),
            });
        };
        Ok(SegmentMarks {
            sets: f.cache.sets(reader, f)?,
            keep_unread: f.keep.contains(&Mark::Unread),
            keep_starred: f.keep.contains(&Mark::Starred),
            active: true,
            counts: MarkCounts::default(),
        })
    }

    /// Whether the document passes the reading-state filter (any kept value).
    pub fn passes(&self, doc: DocId) -> bool {
        if !self.keep_unread && !self.keep_starred {
            return true;
        }
        (self.keep_unread && !has(&self.sets.read, doc))
            || (self.keep_starred && has(&self.sets.starred, doc))
    }

    pub fn count(&mut self, doc: DocId) {
        if !self.active {
            return;
        }
        if !has(&self.sets.read, doc) {
            self.counts.unread += 1;
        }
        if has(&self.sets.starred, doc) {
            self.counts.starred += 1;
        }
    }
}
