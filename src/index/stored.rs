//! Stored articles looked up by an exact value of a string field (`id`, `file`), for the
//! writer's bookkeeping: reading postings and the document store directly, without a search.

use std::collections::HashMap;

use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocSet, IndexReader, TERMINATED, TantivyDocument, Term};

use crate::article::Article;

use super::contained::contained_read;
use super::schema::Fields;

/// The stored JSON of the live documents whose `field` is one of `values`; with
/// `first_only`, at most one document per value.
fn stored_json(
    reader: &IndexReader,
    json_field: Field,
    field: Field,
    values: &[&str],
    first_only: bool,
) -> tantivy::Result<Vec<String>> {
    let mut out = Vec::new();
    if values.is_empty() {
        return Ok(out);
    }
    let mut done = vec![false; values.len()];
    // Damage that makes tantivy panic is reported as damage: the update then rebuilds.
    contained_read("the document store", || {
        let searcher = reader.searcher();
        for seg in searcher.segment_readers() {
            let inverted = seg.inverted_index(field)?;
            let store = seg.get_store_reader(16)?;
            let alive = seg.alive_bitset();
            for (i, value) in values.iter().enumerate() {
                if done.get(i).copied().unwrap_or(true) {
                    continue;
                }
                let term = Term::from_field_text(field, value);
                let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)?
                else {
                    continue;
                };
                let mut doc = postings.doc();
                while doc != TERMINATED {
                    if !alive.is_some_and(|a| a.is_deleted(doc)) {
                        let d: TantivyDocument = store.get(doc)?;
                        if let Some(json) = d.get_first(json_field).and_then(|v| v.as_str()) {
                            out.push(json.to_string());
                            if first_only {
                                if let Some(d) = done.get_mut(i) {
                                    *d = true;
                                }
                                break;
                            }
                        }
                    }
                    doc = postings.advance();
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// The stored articles of `ids` (one per id).
pub(crate) fn by_id(
    reader: &IndexReader,
    fields: &Fields,
    ids: &[&str],
) -> tantivy::Result<HashMap<String, Article>> {
    let found = stored_json(reader, fields.json, fields.id, ids, true)?;
    Ok(found
        .into_iter()
        .filter_map(|json| serde_json::from_str::<Article>(&json).ok())
        .map(|a| (a.id.clone(), a))
        .collect())
}

/// The one part of a stored article that [`ids_in_files`] reads.
#[derive(serde::Deserialize)]
struct IdOnly {
    id: String,
}

/// The ids of the articles indexed from `labels`.
pub(crate) fn ids_in_files(
    reader: &IndexReader,
    fields: &Fields,
    labels: &[&str],
) -> tantivy::Result<Vec<String>> {
    let found = stored_json(reader, fields.json, fields.file, labels, false)?;
    Ok(found
        .into_iter()
        .filter_map(|json| serde_json::from_str::<IdOnly>(&json).ok())
        .map(|a| a.id)
        .collect())
}
