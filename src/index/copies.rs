//! Articles that more than one corpus file gives — a digest saved twice, one item on two
//! days' listing pages — are indexed once, from the first of those files in label order.
//! The other files list the ids as `copies` in their manifest entries, so that when the
//! first file goes, the next one can take its place.
//!
//! A full build and any history of updates index each article from the same file.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use tantivy::indexer::UserOperation;
use tantivy::schema::Field;
use tantivy::{IndexReader, TantivyDocument, Term};

use crate::article::Article;

use super::build::FileResult;
use super::manifest::FileEntry;
use super::schema::Fields;
use super::stored;

type Op = UserOperation<TantivyDocument>;

fn delete(id_field: Field, id: &str) -> Op {
    UserOperation::Delete(Term::from_field_text(id_field, id))
}

/// A full build's record of which file each article is indexed from so far. Files arrive
/// in the order their parsing finishes, so an article already indexed from a later file is
/// deleted and indexed again from the earlier one.
#[derive(Default)]
pub(crate) struct FirstFiles {
    /// Article id → (file it is indexed from, its place in the build's article list).
    at: HashMap<String, (String, usize)>,
}

impl FirstFiles {
    /// Takes in one parsed file: its entry goes into `files`, its articles into `all` (one
    /// per id), and the operations that index them are returned.
    pub fn take(
        &mut self,
        r: FileResult,
        files: &mut BTreeMap<String, FileEntry>,
        all: &mut Vec<Article>,
        id_field: Field,
    ) -> Vec<Op> {
        let FileResult {
            label,
            mut entry,
            articles,
            docs,
        } = r;
        let mut ops = Vec::with_capacity(docs.len());
        for (a, d) in articles.into_iter().zip(docs) {
            match self.at.get_mut(&a.id) {
                None => {
                    self.at.insert(a.id.clone(), (label.clone(), all.len()));
                    all.push(a);
                    ops.push(UserOperation::Add(d));
                }
                Some((first, place)) if label < *first => {
                    if let Some(e) = files.get_mut(first.as_str()) {
                        e.copies.push(a.id.clone());
                    }
                    ops.push(delete(id_field, &a.id));
                    ops.push(UserOperation::Add(d));
                    first.clone_from(&label);
                    if let Some(slot) = all.get_mut(*place) {
                        *slot = a;
                    }
                }
                Some(_) => entry.copies.push(a.id),
            }
        }
        files.insert(label, entry);
        ops
    }

    /// Puts every file's copies in order (files finished parsing in any order).
    pub fn finish(files: &mut BTreeMap<String, FileEntry>) {
        for e in files.values_mut() {
            e.copies.sort();
        }
    }
}

/// What an update indexes, given the files it parsed.
#[derive(Default)]
pub(crate) struct Resolved {
    /// Deletions by id first, then additions.
    pub ops: Vec<Op>,
    /// The articles indexed anew.
    pub fresh: Vec<Article>,
    /// Ids whose article was indexed from a file that stays, and is now indexed from
    /// another one.
    pub displaced: HashSet<String>,
}

/// A parsed file's articles and their documents, by id, taken one by one.
struct Parsed(HashMap<String, (Article, TantivyDocument)>);

impl Parsed {
    fn new(articles: Vec<Article>, docs: Vec<TantivyDocument>) -> Parsed {
        Parsed(
            articles
                .into_iter()
                .zip(docs)
                .map(|(a, d)| (a.id.clone(), (a, d)))
                .collect(),
        )
    }
}

/// Decides, for an update, which file each article it touches is indexed from.
///
/// `files` is the manifest without the `gone` files (removed or changed); `parsed` are the
/// files added or changed, whose entries go into `files`. `reparse` reads a file that did
/// not change, for an article whose first file went and whose next file takes its place.
pub(crate) fn resolve(
    reader: &IndexReader,
    fields: &Fields,
    gone: &HashSet<&str>,
    parsed: Vec<FileResult>,
    files: &mut BTreeMap<String, FileEntry>,
    reparse: &mut dyn FnMut(&str) -> Option<FileResult>,
) -> tantivy::Result<Resolved> {
    // The files that give each article again, among those that stay.
    let mut later: HashMap<String, Vec<String>> = HashMap::new();
    for (label, e) in files.iter() {
        for id in &e.copies {
            later.entry(id.clone()).or_default().push(label.clone());
        }
    }
    let mut by_file: HashMap<String, Parsed> = HashMap::new();
    let mut new_holders: HashMap<String, Vec<String>> = HashMap::new();
    for r in parsed {
        for a in &r.articles {
            new_holders
                .entry(a.id.clone())
                .or_default()
                .push(r.label.clone());
        }
        files.insert(r.label.clone(), r.entry);
        by_file.insert(r.label, Parsed::new(r.articles, r.docs));
    }
    // Where the articles touched are indexed now: those the new files give, and those
    // indexed from a file that went while a file that stays gives them too.
    let mut touched: BTreeSet<String> = new_holders.keys().cloned().collect();
    if !later.is_empty() {
        let gone: Vec<&str> = gone.iter().copied().collect();
        for id in stored::ids_in_files(reader, fields, &gone)? {
            if later.contains_key(&id) {
                touched.insert(id);
            }
        }
    }
    let ids: Vec<&str> = touched.iter().map(String::as_str).collect();
    let indexed = stored::by_id(reader, fields, &ids)?;

    let mut out = Resolved::default();
    let mut adds: Vec<Op> = Vec::new();
    for id in &touched {
        let stays = indexed
            .get(id)
            .map(|a| a.file.clone())
            .filter(|f| !gone.contains(f.as_str()));
        let mut holders: BTreeSet<String> = stays.iter().cloned().collect();
        holders.extend(later.get(id).into_iter().flatten().cloned());
        holders.extend(new_holders.get(id).into_iter().flatten().cloned());
        let Some(first) = holders.first().cloned() else {
            continue;
        };
        for h in &holders {
            if let Some(e) = files.get_mut(h.as_str()) {
                let listed = e.copies.iter().position(|c| c == id);
                match (h == &first, listed) {
                    (true, Some(i)) => {
                        e.copies.remove(i);
                    }
                    (false, None) => e.copies.push(id.clone()),
                    _ => {}
                }
            }
        }
        if stays.as_deref() == Some(first.as_str()) {
            continue;
        }
        if !by_file.contains_key(&first)
            && let Some(r) = reparse(&first)
        {
            by_file.insert(first.clone(), Parsed::new(r.articles, r.docs));
        }
        let taken = by_file.get_mut(&first).and_then(|p| p.0.remove(id));
        let Some((article, doc)) = taken else {
            // Changed since the corpus was listed: the next update reads it again. Until
            // then the article is counted as a copy, as no document holds it.
            tracing::warn!(
                "{first} no longer gives article {id}: it is left out until the next update"
            );
            if let Some(e) = files.get_mut(first.as_str()) {
                e.copies.push(id.clone());
            }
            continue;
        };
        if stays.is_some() {
            out.ops.push(delete(fields.id, id));
            out.displaced.insert(id.clone());
        }
        adds.push(UserOperation::Add(doc));
        out.fresh.push(article);
    }
    for e in files.values_mut() {
        e.copies.sort();
    }
    out.ops.extend(adds);
    Ok(out)
}
