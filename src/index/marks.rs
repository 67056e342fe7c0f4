//! The reading-state facet in the index: the read and starred ids become, per segment, sets
//! of document numbers ([`id_docs::doc_set`]), checked and counted in the same pass as the
//! other facets. They are kept for the marks last searched with, so typing a query does not
//! look them up again, and changed by the ids that changed when the marks do.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

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
#[derive(Default, Clone)]
pub(crate) struct DocSets {
    read: Vec<bool>,
    starred: Vec<bool>,
}

impl DocSets {
    pub(crate) fn is_read(&self, doc: DocId) -> bool {
        has(&self.read, doc)
    }

    /// The sets of `marks`, looked up afresh.
    fn of(
        reader: &SegmentReader,
        field: Field,
        marks: &Marks,
        keys: &Keys,
    ) -> tantivy::Result<DocSets> {
        Ok(DocSets {
            read: id_docs::doc_set(reader, field, &marks.read, &keys.read)?,
            starred: id_docs::doc_set(reader, field, &marks.starred, &keys.starred)?,
        })
    }

    /// These sets with `changes` made to them.
    fn changed(
        &self,
        reader: &SegmentReader,
        field: Field,
        changes: &Changes,
    ) -> tantivy::Result<DocSets> {
        fn each(list: &[(String, bool)]) -> impl Iterator<Item = (&str, bool)> {
            list.iter().map(|(id, on)| (id.as_str(), *on))
        }
        let mut sets = self.clone();
        id_docs::set_docs(reader, field, &mut sets.read, each(&changes.read))?;
        id_docs::set_docs(reader, field, &mut sets.starred, each(&changes.starred))?;
        Ok(sets)
    }
}

/// The ids whose marks differ between two sets of marks, each with its new mark.
#[derive(Default)]
struct Changes {
    read: Vec<(String, bool)>,
    starred: Vec<(String, bool)>,
}

/// More changed ids than this, and the sets are made afresh rather than changed (listing
/// every id of a corpus marked read at once would cost more than it saves).
const MAX_CHANGES: usize = 4096;

impl Changes {
    fn between(before: &Marks, after: &Marks) -> Option<Changes> {
        Some(Changes {
            read: after.read.changes_from(&before.read, MAX_CHANGES)?,
            starred: after.starred.changes_from(&before.starred, MAX_CHANGES)?,
        })
    }

    fn len(&self) -> usize {
        self.read.len() + self.starred.len()
    }
}

/// The doc sets of the marks last searched with. A segment's documents never change (deleted
/// ones are skipped by the search anyway), so its sets stay right until the marks do. When
/// they do, by a few ids (an article opened, `r`, `*`), each segment's sets are the last
/// ones with those ids changed, rather than made again from every id.
///
/// Sets are kept by segment, and a segment's id is its own whatever index holds it, so
/// one cache may serve several opens of an index ([`super::Index::share_mark_sets`]).
#[derive(Default)]
pub struct MarkCache {
    last: Mutex<Option<Last>>,
}

type BySegment = HashMap<SegmentId, Arc<DocSets>>;

/// The keys of the read and starred ids, made once for all the segments.
#[derive(Default)]
struct Keys {
    read: OnceCell<id_docs::KeySet>,
    starred: OnceCell<id_docs::KeySet>,
}

struct Last {
    /// The marks the sets are for (held, so that new marks never take their address).
    marks: Arc<Marks>,
    segments: BySegment,
    /// The sets made for the marks before these, and what changed since.
    before: BySegment,
    changes: Changes,
    keys: Keys,
}

/// Segments remembered at most (old ones pile up as the index is updated).
const MAX_CACHED: usize = 256;

impl MarkCache {
    /// The segment's read and starred documents under `f`'s marks.
    pub(crate) fn sets(
        &self,
        reader: &SegmentReader,
        f: &MarkFilter,
    ) -> tantivy::Result<Arc<DocSets>> {
        let mut guard = self.last.lock().unwrap_or_else(|e| e.into_inner());
        let fresh = guard
            .as_ref()
            .is_none_or(|l| !Arc::ptr_eq(&l.marks, &f.marks) || l.segments.len() > MAX_CACHED);
        if fresh {
            let kept = guard
                .take()
                .filter(|l| !l.segments.is_empty() && l.segments.len() <= MAX_CACHED);
            let (before, changes) = kept
                .and_then(|l| Some((l.segments, Changes::between(&l.marks, &f.marks)?)))
                .unwrap_or_default();
            *guard = Some(Last {
                marks: f.marks.clone(),
                segments: HashMap::new(),
                before,
                changes,
                keys: Keys::default(),
            });
        }
        let Some(last) = guard.as_mut() else {
            return Ok(Arc::new(DocSets::of(
                reader,
                f.field,
                &f.marks,
                &Keys::default(),
            )?));
        };
        let id = reader.segment_id();
        if let Some(sets) = last.segments.get(&id) {
            return Ok(sets.clone());
        }
        // Changing the last sets costs a look-up per changed id; making them afresh, one
        // per marked id or a walk of the dictionary, whichever is less.
        let ids = f.marks.read.len() + f.marks.starred.len();
        let few = last.changes.len() < ids
            && last.changes.len() * id_docs::LOOKUPS_PER_WALK <= reader.max_doc() as usize;
        let sets = match last.before.get(&id) {
            Some(before) if few => before.changed(reader, f.field, &last.changes)?,
            _ => DocSets::of(reader, f.field, &f.marks, &last.keys)?,
        };
        let sets = Arc::new(sets);
        last.segments.insert(id, sets.clone());
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use tantivy::schema::{STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    fn docs(set: &[bool]) -> Vec<usize> {
        (0..set.len()).filter(|d| set[*d]).collect()
    }

    fn marks(read: impl IntoIterator<Item = usize>, starred: &[usize]) -> Arc<Marks> {
        let mut m = Marks::default();
        for i in read {
            m.set_read(&format!("a{i}"), true);
        }
        for i in starred {
            m.set_starred(&format!("a{i}"), true);
        }
        Arc::new(m)
    }

    #[test]
    fn sets_changed_by_a_few_ids_are_the_sets_made_afresh() {
        let mut b = Schema::builder();
        let field = b.add_text_field("id", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..400 {
            let mut doc = TantivyDocument::default();
            doc.add_text(field, format!("a{i}"));
            w.add_document(doc).unwrap();
        }
        w.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let cache = Arc::new(MarkCache::default());
        let filter = |m: &Arc<Marks>| MarkFilter {
            field,
            marks: m.clone(),
            keep: Vec::new(),
            cache: cache.clone(),
        };
        // From nothing; then one read and one star more, one read less (changed in place);
        // then most of the segment (made again); then nothing again.
        let steps = [
            marks(0..100, &[]),
            marks((1..100).chain([250]), &[7]),
            marks((1..100).chain([250]), &[7, 8]),
            marks(0..390, &[7]),
            marks([], &[]),
            marks([5], &[5]),
        ];
        for m in &steps {
            let got = cache.sets(reader, &filter(m)).unwrap();
            let fresh = DocSets::of(reader, field, m, &Keys::default()).unwrap();
            assert_eq!(docs(&got.read), docs(&fresh.read));
            assert_eq!(docs(&got.starred), docs(&fresh.starred));
            // Asked again with the same marks: the same sets.
            let again = cache.sets(reader, &filter(m)).unwrap();
            assert!(Arc::ptr_eq(&got, &again));
        }
    }
}
