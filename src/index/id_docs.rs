//! Between article ids and a segment's document numbers. A few ids are looked up one term at
//! a time in the `id` field. Many ids, or the ids of many documents, are read from the
//! `id_key` column, which holds each document's id as a number: one read per article, three
//! to four times quicker than the walk through the segment's id dictionary, which is left
//! for a segment where some document has no key.

use std::cell::OnceCell;
use std::sync::Arc;

use rustc_hash::FxHashSet;

use tantivy::columnar::{Cardinality, ColumnValues};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use super::schema::names;
use crate::article::ID_DIGITS;
use crate::state::IdSet;

/// The id as a number: its twelve lowercase hexadecimal digits, which every id the corpus
/// gives has. `None` for any other string, so that [`id`] gives back exactly the id.
pub(crate) fn key(id: &str) -> Option<u64> {
    if id.len() != ID_DIGITS {
        return None;
    }
    id.bytes().try_fold(0u64, |key, b| {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            _ => return None,
        };
        Some(key << 4 | u64::from(digit))
    })
}

/// The keys of a set of ids.
pub(crate) type KeySet = FxHashSet<u64>;

/// The keys of `ids` (an id without one is in no segment that has the column).
fn key_set(ids: &IdSet) -> KeySet {
    let mut keys = KeySet::with_capacity_and_hasher(ids.len(), Default::default());
    keys.extend(ids.iter().filter_map(|id| key(id)));
    keys
}

/// The id a [`key`] was made from.
pub(crate) fn id(key: u64) -> String {
    format!("{key:0width$x}", width = ID_DIGITS)
}

/// The segment's id keys, one per document, when every document has one.
fn keys(reader: &SegmentReader) -> Option<Arc<dyn ColumnValues<u64>>> {
    let column = reader.fast_fields().u64(names::ID_KEY).ok()?;
    (column.get_cardinality() == Cardinality::Full).then_some(column.values)
}

/// Calls `each` with every document of the segment and its id's key, from the column when
/// there is one; `false` when there is not.
fn each_key(reader: &SegmentReader, each: &mut dyn FnMut(DocId, u64)) -> bool {
    let Some(keys) = keys(reader) else {
        return false;
    };
    for doc in 0..reader.max_doc() {
        each(doc, keys.get_val(doc));
    }
    true
}

/// Looking terms up one by one costs more than a walk of the dictionary once the ids asked
/// for are more than one in this many of the segment's documents.
pub(crate) const LOOKUPS_PER_WALK: usize = 8;

/// Calls `each` with every document of a term's postings.
fn each_doc(postings: &mut tantivy::postings::SegmentPostings, each: &mut dyn FnMut(DocId)) {
    let mut doc = postings.doc();
    while doc != TERMINATED {
        each(doc);
        doc = postings.advance();
    }
}

/// Calls `each` with every id of the segment and each document that holds it (deleted
/// documents included: callers skip those).
fn walk(
    reader: &SegmentReader,
    field: Field,
    each: &mut dyn FnMut(&str, DocId),
) -> tantivy::Result<()> {
    let inverted = reader.inverted_index(field)?;
    let mut stream = inverted.terms().stream()?;
    while stream.advance() {
        let Ok(id) = std::str::from_utf8(stream.key()) else {
            continue;
        };
        let mut postings =
            inverted.read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
        each_doc(&mut postings, &mut |doc| each(id, doc));
    }
    Ok(())
}

/// The documents of the segment that hold one of `ids`, as a set as long as the segment
/// (empty when `ids` is). `keys` keeps the ids' keys, made on first need, for the next
/// segment.
pub(crate) fn doc_set(
    reader: &SegmentReader,
    field: Field,
    ids: &IdSet,
    keys: &OnceCell<KeySet>,
) -> tantivy::Result<Vec<bool>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut set = vec![false; reader.max_doc() as usize];
    if ids.len().saturating_mul(LOOKUPS_PER_WALK) <= reader.max_doc() as usize {
        set_docs(
            reader,
            field,
            &mut set,
            ids.iter().map(|id| (id.as_str(), true)),
        )?;
        return Ok(set);
    }
    let wanted = keys.get_or_init(|| key_set(ids));
    let read = each_key(reader, &mut |doc, key| {
        if let Some(slot) = set.get_mut(doc as usize) {
            *slot = wanted.contains(&key);
        }
    });
    if !read {
        walk(reader, field, &mut |id, doc| {
            if let Some(slot) = set.get_mut(doc as usize).filter(|_| ids.contains(id)) {
                *slot = true;
            }
        })?;
    }
    Ok(set)
}

/// Puts the documents of each id in `changes` in `set` (a set as long as the segment, or
/// empty for none) when its flag is on, and takes them out when it is off.
pub(crate) fn set_docs<'a>(
    reader: &SegmentReader,
    field: Field,
    set: &mut Vec<bool>,
    changes: impl IntoIterator<Item = (&'a str, bool)>,
) -> tantivy::Result<()> {
    let inverted = reader.inverted_index(field)?;
    for (id, on) in changes {
        if set.is_empty() {
            if !on {
                continue;
            }
            *set = vec![false; reader.max_doc() as usize];
        }
        let term = Term::from_field_text(field, id);
        if let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? {
            each_doc(&mut postings, &mut |doc| {
                if let Some(slot) = set.get_mut(doc as usize) {
                    *slot = on;
                }
            });
        }
    }
    Ok(())
}

/// The ids of the segment's documents in `docs` (a set as long as the segment), each once.
pub(crate) fn ids_of(
    reader: &SegmentReader,
    field: Field,
    docs: &[bool],
) -> tantivy::Result<Vec<String>> {
    let wanted = |doc: DocId| docs.get(doc as usize).copied().unwrap_or(false);
    let mut keys = Vec::new();
    if each_key(reader, &mut |doc, key| {
        if wanted(doc) {
            keys.push(key);
        }
    }) {
        keys.sort_unstable();
        keys.dedup();
        return Ok(keys.into_iter().map(id).collect());
    }
    let mut ids = Vec::new();
    walk(reader, field, &mut |id, doc| {
        if wanted(doc) && ids.last().is_none_or(|last: &String| last != id) {
            ids.push(id.to_string());
        }
    })?;
    Ok(ids)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use tantivy::schema::{STRING, Schema};
    use tantivy::{Index, TantivyDocument};

    /// One segment of 100 documents, `a0` … `a99`, and a second document holding `a7`.
    fn segment() -> (Index, Field) {
        let mut b = Schema::builder();
        let id = b.add_text_field("id", STRING);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in (0..100).chain([7]) {
            let mut doc = TantivyDocument::default();
            doc.add_text(id, format!("a{i}"));
            w.add_document(doc).unwrap();
        }
        w.commit().unwrap();
        (index, id)
    }

    fn docs_of(set: &[bool]) -> Vec<DocId> {
        (0..set.len() as DocId)
            .filter(|d| set[*d as usize])
            .collect()
    }

    #[test]
    fn few_and_many_ids_find_the_same_documents() {
        let (index, field) = segment();
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        // Three ids are looked up one by one, fifty by a walk of the dictionary.
        let few: IdSet = ["a3", "a7", "missing"]
            .map(String::from)
            .into_iter()
            .collect();
        assert!(few.len() * LOOKUPS_PER_WALK < reader.max_doc() as usize);
        assert_eq!(
            docs_of(&doc_set(reader, field, &few, &OnceCell::new()).unwrap()),
            [3, 7, 100]
        );
        let many: IdSet = (0..50)
            .map(|i| format!("a{}", i * 2))
            .chain(["a7".into()])
            .collect();
        assert!(many.len() * LOOKUPS_PER_WALK > reader.max_doc() as usize);
        let mut expected: Vec<DocId> = (0..50).map(|i| i * 2).chain([7, 100]).collect();
        expected.sort();
        assert_eq!(
            docs_of(&doc_set(reader, field, &many, &OnceCell::new()).unwrap()),
            expected
        );
        assert!(
            doc_set(reader, field, &IdSet::default(), &OnceCell::new())
                .unwrap()
                .is_empty()
        );
    }

    /// One segment of 100 documents with hexadecimal ids and their keys, and a second
    /// document holding the eighth id; `keyless` leaves the key off document 50.
    fn keyed_segment(keyless: bool) -> (Index, Field, Vec<String>) {
        let mut b = Schema::builder();
        let id = b.add_text_field("id", STRING);
        let key_field = b.add_u64_field(names::ID_KEY, tantivy::schema::FAST);
        let index = Index::create_in_ram(b.build());
        let mut w = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let ids: Vec<String> = (0..100u64).map(|i| id_of_number(i * 7919)).collect();
        for (doc, i) in (0..100).chain([7]).enumerate() {
            let mut d = TantivyDocument::default();
            d.add_text(id, &ids[i]);
            if !(keyless && doc == 50) {
                d.add_u64(key_field, key(&ids[i]).unwrap());
            }
            w.add_document(d).unwrap();
        }
        w.commit().unwrap();
        (index, id, ids)
    }

    fn id_of_number(n: u64) -> String {
        id(0xabc0_0000_0000 + n)
    }

    #[test]
    fn a_key_is_exactly_an_ids_twelve_lowercase_digits() {
        assert_eq!(key("0123456789ab"), Some(0x0123_4567_89ab));
        assert_eq!(id(0x0123_4567_89ab), "0123456789ab");
        assert_eq!(id(5), "000000000005");
        for not_an_id in [
            "0123456789AB",
            "0123456789a",
            "0123456789abc",
            "+123456789ab",
            "a7",
            "",
        ] {
            assert_eq!(key(not_an_id), None, "{not_an_id}");
        }
    }

    #[test]
    fn many_ids_are_read_from_the_key_column_as_from_the_dictionary() {
        for keyless in [false, true] {
            let (index, field, ids) = keyed_segment(keyless);
            let searcher = index.reader().unwrap().searcher();
            let reader = searcher.segment_reader(0);
            assert_eq!(keys(reader).is_some(), !keyless);
            let many: IdSet = (0..50)
                .map(|i| ids[i * 2].clone())
                .chain([ids[7].clone(), "a7".into(), "ffffffffffff".into()])
                .collect();
            assert!(many.len() * LOOKUPS_PER_WALK > reader.max_doc() as usize);
            let mut expected: Vec<DocId> = (0..50).map(|i| i * 2).chain([7, 100]).collect();
            expected.sort();
            let found = doc_set(reader, field, &many, &OnceCell::new()).unwrap();
            assert_eq!(docs_of(&found), expected, "keyless: {keyless}");
            let mut named = ids_of(reader, field, &found).unwrap();
            // Document 100 holds the eighth id again.
            let mut want: Vec<String> = expected
                .iter()
                .filter(|d| **d < 100)
                .map(|d| ids[*d as usize].clone())
                .collect();
            want.sort();
            assert_eq!(named, want, "keyless: {keyless}");
            named.dedup();
            assert_eq!(named.len(), 51);
        }
    }

    #[test]
    fn the_ids_of_documents_are_each_named_once() {
        let (index, field) = segment();
        let searcher = index.reader().unwrap().searcher();
        let reader = searcher.segment_reader(0);
        let mut docs = vec![false; reader.max_doc() as usize];
        for d in [0, 7, 42, 100] {
            docs[d] = true;
        }
        let mut ids = ids_of(reader, field, &docs).unwrap();
        ids.sort();
        assert_eq!(ids, ["a0", "a42", "a7"]);
        assert!(ids_of(reader, field, &[]).unwrap().is_empty());
    }
}
