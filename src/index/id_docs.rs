//! Between article ids and a segment's document numbers, on the `id` field (indexed, not a
//! fast field). A few ids are looked up one term at a time; many ids, or the ids of many
//! documents, are found in one walk through the segment's id dictionary, which costs about
//! one step per article whatever the number asked for.

use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, SegmentReader, TERMINATED, Term};

use crate::state::IdSet;

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
/// (empty when `ids` is).
pub(crate) fn doc_set(
    reader: &SegmentReader,
    field: Field,
    ids: &IdSet,
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
    walk(reader, field, &mut |id, doc| {
        if let Some(slot) = set.get_mut(doc as usize).filter(|_| ids.contains(id)) {
            *slot = true;
        }
    })?;
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
    let mut ids = Vec::new();
    walk(reader, field, &mut |id, doc| {
        let wanted = docs.get(doc as usize).copied().unwrap_or(false);
        if wanted && ids.last().is_none_or(|last: &String| last != id) {
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
        assert_eq!(docs_of(&doc_set(reader, field, &few).unwrap()), [3, 7, 100]);
        let many: IdSet = (0..50)
            .map(|i| format!("a{}", i * 2))
            .chain(["a7".into()])
            .collect();
        assert!(many.len() * LOOKUPS_PER_WALK > reader.max_doc() as usize);
        let mut expected: Vec<DocId> = (0..50).map(|i| i * 2).chain([7, 100]).collect();
        expected.sort();
        assert_eq!(docs_of(&doc_set(reader, field, &many).unwrap()), expected);
        assert!(
            doc_set(reader, field, &IdSet::default())
                .unwrap()
                .is_empty()
        );
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
