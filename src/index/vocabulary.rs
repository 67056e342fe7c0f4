//! The query analyzer's view of the index: document frequencies from the term dictionary,
//! and the indexed Han words that hold a piece of the query (from `words`).

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::schema::Fields;
use super::segment::{Keys, Vocabulary};
use super::words::WordLists;

/// The title and body term dictionaries of one searcher.
pub struct IndexVocabulary<'a> {
    pub searcher: &'a Searcher,
    pub fields: Fields,
    pub lists: &'a WordLists,
    /// Answers of [`Vocabulary::cut_out_of`] so far: the readings of one run ask about the
    /// same words again, and each answer counts articles.
    cut_out: HashMap<(String, String), bool>,
}

impl<'a> IndexVocabulary<'a> {
    pub fn new(searcher: &'a Searcher, fields: Fields, lists: &'a WordLists) -> Self {
        IndexVocabulary {
            searcher,
            fields,
            lists,
            cut_out: HashMap::new(),
        }
    }
}

impl Vocabulary for IndexVocabulary<'_> {
    fn docs(&self) -> u64 {
        self.searcher.num_docs()
    }

    fn df(&mut self, word: &str) -> u64 {
        self.fields
            .text()
            .iter()
            .map(|f| {
                self.searcher
                    .doc_freq(&Term::from_field_text(*f, word))
                    .unwrap_or(0)
            })
            .sum()
    }

    fn words_holding(&mut self, keys: &Keys) -> Vec<(String, u64)> {
        if keys.is_empty() {
            return Vec::new();
        }
        // Each list holds its words one per line, each ended by a newline: a key at the start
        // of a word follows a newline (or starts the list), one at the end is followed by one.
        let patterns: Vec<String> = keys
            .inside
            .iter()
            .cloned()
            .chain(keys.starts.iter().map(|k| format!("\n{k}")))
            .chain(keys.ends.iter().map(|k| format!("{k}\n")))
            .collect();
        let Ok(finder) = AhoCorasick::new(&patterns) else {
            return Vec::new();
        };
        let mut found: HashSet<String> = HashSet::new();
        for list in self.lists.of(self.searcher, &self.fields.text()) {
            if let Some(first) = list.lines().next()
                && keys.held_by(first)
            {
                found.insert(first.to_string());
            }
            let mut after = 0;
            // Overlapping: a key ending one word and a key starting the next share a newline.
            for m in finder.find_overlapping_iter(&*list) {
                // Where the word begins: past the newline a start key begins with.
                let at = m.start() + usize::from(list.as_bytes().get(m.start()) == Some(&b'\n'));
                if at < after {
                    continue;
                }
                let start = list[..at].rfind('\n').map_or(0, |i| i + 1);
                let end = list[at..].find('\n').map_or(list.len(), |i| at + i);
                found.insert(list[start..end].to_string());
                after = end + 1;
            }
        }
        found
            .into_iter()
            .map(|w| {
                let df = self.df(&w);
                (w, df)
            })
            .collect()
    }

    fn cut_out_of(&mut self, word: &str, holder: &str) -> bool {
        let key = (word.to_string(), holder.to_string());
        if let Some(&known) = self.cut_out.get(&key) {
            return known;
        }
        let count = |q: &dyn Query| self.searcher.search(q, &Count).unwrap_or(0);
        let known = self.fields.text().iter().all(|f| {
            let term = |w: &str| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(*f, w),
                    IndexRecordOption::Basic,
                ))
            };
            let with_holder = count(term(holder).as_ref());
            with_holder == 0
                || count(&BooleanQuery::intersection(vec![term(holder), term(word)])) == with_holder
        });
        self.cut_out.insert(key, known);
        known
    }
}
