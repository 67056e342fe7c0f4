//! The query analyzer's view of the index: document frequencies from the term dictionary,
//! and the indexed Han words that hold a piece of the query (from `words`).

use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::schema::Fields;
use super::segment::Vocabulary;
use super::words::WordLists;

/// The title and body term dictionaries of one searcher.
pub struct IndexVocabulary<'a> {
    pub searcher: &'a Searcher,
    pub fields: Fields,
    pub lists: &'a WordLists,
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

    fn words_holding(&mut self, keys: &[String]) -> Vec<(String, u64)> {
        if keys.is_empty() {
            return Vec::new();
        }
        let Ok(keys) = AhoCorasick::new(keys) else {
            return Vec::new();
        };
        let mut found: HashSet<String> = HashSet::new();
        for list in self.lists.of(self.searcher, &self.fields.text()) {
            let mut after = 0;
            for m in keys.find_iter(&*list) {
                if m.start() < after {
                    continue;
                }
                let start = list[..m.start()].rfind('\n').map_or(0, |i| i + 1);
                let end = list[m.end()..]
                    .find('\n')
                    .map_or(list.len(), |i| m.end() + i);
                found.insert(list[start..end].to_string());
                after = end;
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
        let count = |q: &dyn Query| self.searcher.search(q, &Count).unwrap_or(0);
        self.fields.text().iter().all(|f| {
            let term = |w: &str| -> Box<dyn Query> {
                Box::new(TermQuery::new(
                    Term::from_field_text(*f, w),
                    IndexRecordOption::Basic,
                ))
            };
            let with_holder = count(term(holder).as_ref());
            with_holder == 0
                || count(&BooleanQuery::intersection(vec![term(holder), term(word)])) == with_holder
        })
    }
}
