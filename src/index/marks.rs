//! The reading-state facet in the index: the read and starred ids become, per segment, sets
//! of document numbers (one term lookup on the `id` field per id), checked and counted in the
//! same pass as the other facets. A few thousand ids cost a few thousand lookups per segment,
//! whatever the size of the index.

use std::sync::Arc;

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use crate::filter::Mark;
use crate::state::{MarkCounts, Marks};

/// The reader's marks and the reading-state values a search keeps (none: all), on the `id`
/// field.
#[derive(Debug, Clone)]
pub(crate) struct MarkFilter {
    pub field: Field,
    pub marks: Arc<Marks>,
    pub keep: Vec<Mark>,
}

/// One segment's read and starred documents, and the counts so far.
pub(crate) struct SegmentMarks {
    read: Vec<bool>,
    starred: Vec<bool>,
    keep_unread: bool,
    keep_starred: bool,
    active: bool,
    pub counts: MarkCounts,
}

/// Marks the documents of `ids` in a set as long as the segment.
fn doc_set(
    reader: &SegmentReader,
    field: Field,
    ids: &std::collections::HashSet<String>,
) -> tantivy::Result<Vec<bool>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut set = vec![false; reader.max_doc() as usize];
    let inverted = reader.inverted_index(field)?;
    for id in ids {
        let term = Term::from_field_text(field, id);
        let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if let Some(slot) = set.get_mut(doc as usize) {
                *slot = true;
            }
            doc = postings.advance();
        }
    }
    Ok(set)
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
                read: Vec::new(),
                starred: Vec::new(),
                keep_unread: false,
                keep_starred: false,
                active: false,
                counts: MarkCounts::default(),
            });
        };
        Ok(SegmentMarks {
            read: doc_set(reader, f.field, &f.marks.read)?,
            starred: doc_set(reader, f.field, &f.marks.starred)?,
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
        (self.keep_unread && !has(&self.read, doc))
            || (self.keep_starred && has(&self.starred, doc))
    }

    pub fn count(&mut self, doc: DocId) {
        if !self.active {
            return;
        }
        if !has(&self.read, doc) {
            self.counts.unread += 1;
        }
        if has(&self.starred, doc) {
            self.counts.starred += 1;
        }
    }
}
