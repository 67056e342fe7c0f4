//! Word statistics for ranking, shared by the title and the body.
//!
//! BM25 weighs a word by how rare it is, field by field. A word that many titles hold but
//! only one body (`产教融合` in a listing of headlines) would then count for little in each
//! title and for much in that one body, and an article mentioning it in passing would rank
//! above every article with it in its title. Here a word is as rare in either field as in
//! the field where it is commonest, so the title's boost decides between the two.

use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, Type};
use tantivy::{Searcher, Term};

use super::schema::Fields;

/// Statistics from a searcher, with one document frequency per word for title and body.
pub(crate) struct SharedWordStats<'a> {
    pub searcher: &'a Searcher,
    pub fields: Fields,
}

impl SharedWordStats<'_> {
    /// The other text field, for a term of the title or the body.
    fn other(&self, field: Field) -> Option<Field> {
        if field == self.fields.title {
            Some(self.fields.body)
        } else if field == self.fields.body {
            Some(self.fields.title)
        } else {
            None
        }
    }
}

impl Bm25StatisticsProvider for SharedWordStats<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        self.searcher.total_num_tokens(field)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        let own = self.searcher.doc_freq(term)?;
        match (self.other(term.field()), term.typ()) {
            (Some(other), Type::Str) => {
                let twin = match std::str::from_utf8(term.serialized_value_bytes()) {
                    Ok(text) => Term::from_field_text(other, text),
                    Err(_) => return Ok(own),
                };
                Ok(own.max(self.searcher.doc_freq(&twin)?))
            }
            _ => Ok(own),
        }
    }
}
