//! A [`Catalog`] over the tantivy index: ranked search, facet counts and articles come from
//! [`crate::index::Index`], so the reader scales to corpora too big to hold in memory.

use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use crate::index::{self, FacetCount, HitTerms, Index, IndexError, SearchRequest};

use super::backend::{Catalog, Counts, Facets, Highlighter, NoHits, Request, Response, Row, Sort};

/// Highlights the terms a search matched on ([`index::hit_ranges`]).
pub struct IndexHighlighter {
    terms: HitTerms,
}

impl IndexHighlighter {
    pub fn new(terms: HitTerms) -> Self {
        IndexHighlighter { terms }
    }
}

impl Highlighter for IndexHighlighter {
    fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        index::hit_ranges(text, &self.terms)
    }
}

/// The reader's catalog over an open index.
pub struct IndexCatalog {
    index: Index,
}

impl IndexCatalog {
    pub fn new(index: Index) -> Self {
        IndexCatalog { index }
    }

    /// The index underneath.
    pub fn index(&self) -> &Index {
        &self.index
    }
}

/// The index's order for the reader's.
fn index_sort(sort: Sort, query: &str) -> index::Sort {
    match sort {
        // With no query at all, list newest first (relevance would tie everything anyway).
        Sort::Relevance if query.trim().is_empty() => index::Sort::Newest,
        Sort::Relevance => index::Sort::Relevance,
        Sort::Newest => index::Sort::Newest,
        Sort::Oldest => index::Sort::Oldest,
    }
}

fn counts(list: Vec<FacetCount>) -> Counts {
    list.into_iter().map(|c| (c.value, c.count)).collect()
}

fn oldest_first(months: Vec<FacetCount>) -> Counts {
    let mut v = counts(months);
    v.sort();
    v
}

impl IndexCatalog {
    /// Month counts with the sidebar's date range left out (the index counts months inside
    /// it only): one more pass, and only while a date range is selected.
    fn months_without_dates(&self, request: &Request) -> anyhow::Result<Vec<FacetCount>> {
        let mut filter = request.filter.clone();
        filter.since = None;
        filter.until = None;
        let wide = self
            .index
            .search_marked(
                &SearchRequest {
                    query: request.query.clone(),
                    filter,
                    sort: index::Sort::Newest,
                    limit: 0,
                    ..Default::default()
                },
                Some(&request.marks),
            )
            .map_err(anyhow::Error::from)?;
        Ok(wide.facets.months)
    }
}

impl Catalog for IndexCatalog {
    fn prepare(&self) {
        self.index.prepare_search();
    }

    fn search(&self, request: &Request) -> anyhow::Result<Response> {
        let results = self
            .index
            .search_marked(
                &SearchRequest {
                    query: request.query.clone(),
                    filter: request.filter.clone(),
                    sort: index_sort(request.sort, &request.query),
                    limit: request.limit,
                    offset: request.offset,
                    around: request.around.clone(),
                },
                Some(&request.marks),
            )
            .map_err(anyhow::Error::from)?;
        let total = results.total;
        let rows = results
            .hits
            .iter()
            .map(|h| Row::from_article(&h.article))
            .collect();
        let hits: Arc<dyn Highlighter> = if results.terms.is_empty() {
            Arc::new(NoHits)
        } else {
            Arc::new(IndexHighlighter::new(results.terms))
        };
        let f = results.facets;
        let months = if request.filter.since.is_some() || request.filter.until.is_some() {
            self.months_without_dates(request)?
        } else {
            f.months
        };
        Ok(Response {
            rows,
            offset: results.offset,
            total,
            facets: Facets {
                provinces: counts(f.provinces),
                sectors: counts(f.sectors),
                sources: counts(f.sources),
                topics: counts(f.topics),
                marks: results.marks,
                months: oldest_first(months),
            },
            hits,
            problem: None,
            notes: results.notes,
            suggestion: results.suggestion,
            unfiltered: results.unfiltered,
            written: results.written,
            anchor: request.around.clone(),
        })
    }

    fn ids(&self, request: &Request) -> anyhow::Result<Vec<String>> {
        let ids = self.index.matching_ids(
            &SearchRequest {
                query: request.query.clone(),
                filter: request.filter.clone(),
                ..Default::default()
            },
            Some(&request.marks),
        )?;
        Ok(ids)
    }

    fn next_unread(&self, request: &Request, from: usize) -> anyhow::Result<Option<usize>> {
        let req = SearchRequest {
            query: request.query.clone(),
            filter: request.filter.clone(),
            sort: index_sort(request.sort, &request.query),
            ..Default::default()
        };
        Ok(self.index.next_unread(&req, &request.marks, from)?)
    }

    fn get(&self, id: &str) -> Option<Article> {
        match self.index.get(id) {
            Ok(a) => a,
            Err(e) => {
                tracing::warn!("cannot read article {id}: {e}");
                None
            }
        }
    }

    fn len(&self) -> usize {
        self.index.len()
    }

    fn corpus_moved(&self) -> bool {
        self.index.corpus_moved()
    }

    fn set_aside_if_damaged(&self, error: &anyhow::Error) -> Option<String> {
        let Some(IndexError::Corrupt(_, why)) = error.downcast_ref::<IndexError>() else {
            return None;
        };
        match self.index.set_aside(why) {
            Ok(notice) => {
                tracing::warn!("{notice}");
                Some(notice)
            }
            Err(e) => {
                tracing::error!("cannot set the damaged index aside: {e}");
                None
            }
        }
    }
}
