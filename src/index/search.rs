//! Searching: the query string and filters become one tantivy query (BM25 over title and
//! body, title boosted) plus facet filters checked in the same pass that counts facets.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::analyzer::WordNormalizer;
use super::collector::{FacetFilters, FacetedTop};
use super::facets::{self, Facets};
use super::marks::MarkFilter;
use super::query::{self, Atom, Clause};
use super::schema::Fields;
use super::segment::{QueryTerm, analyze};
use super::snippet::{HitTerms, hit_ranges, snippet};
use super::{Index, IndexError};
use crate::article::{Article, china_offset};
use crate::filter::{Filter, fold};
use crate::state::MarkCounts;
use crate::state::Marks;

/// How much more a word in the title counts than one in the body.
pub const TITLE_BOOST: f32 = 2.5;
/// Snippet length, in characters.
pub const SNIPPET_CHARS: usize = 120;

/// Result order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum Sort {
    /// Best match first, newest first on ties (all ties when there are no words).
    #[default]
    Relevance,
    /// Newest first, undated last.
    Newest,
    /// Oldest first, undated last.
    Oldest,
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// SPEC §5 query syntax; may be empty (then every article matches).
    pub query: String,
    /// Filters from flags or the sidebar; merged with those written in the query.
    pub filter: Filter,
    pub sort: Sort,
    pub limit: usize,
    pub offset: usize,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            limit: 20,
            ..Default::default()
        }
    }
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub article: Article,
    /// BM25 relevance (0 when sorted by date or with no words).
    pub score: f32,
    /// A one-line excerpt around the hits.
    pub snippet: String,
    /// Byte ranges of the hits within `snippet` (on character boundaries).
    pub hit_ranges: Vec<Range<usize>>,
}

/// The results of a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// How many articles match in all.
    pub total: usize,
    /// Facet counts for this query and filters (disjunctive: see `facets`).
    pub facets: Facets,
    /// The terms that matched, for highlighting elsewhere (`snippet::hit_ranges`).
    pub terms: HitTerms,
    /// Unread and starred counts (disjunctive, like `facets`) when searched with marks.
    #[serde(skip)]
    pub marks: MarkCounts,
}

struct Compiler<'a> {
    searcher: &'a Searcher,
    fields: Fields,
    norm: WordNormalizer,
    n: u64,
    terms: HitTerms,
}

impl Compiler<'_> {
    fn analyze(&mut self, text: &str) -> Vec<QueryTerm> {
        let searcher = self.searcher;
        let fields = self.fields;
        let mut df = |w: &str| {
            let b = searcher
                .doc_freq(&Term::from_field_text(fields.body, w))
                .unwrap_or(0);
            b + searcher
                .doc_freq(&Term::from_field_text(fields.title, w))
                .unwrap_or(0)
        };
        analyze(text, self.n, &mut df, &mut self.norm)
    }

    fn term_query(&self, word: &str) -> Box<dyn Query> {
        let t = |f| TermQuery::new(Term::from_field_text(f, word), IndexRecordOption::WithFreqs);
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(t(self.fields.title)), TITLE_BOOST)),
            ),
            (Occur::Should, Box::new(t(self.fields.body))),
        ]))
    }

    fn phrase_query(&self, terms: &[QueryTerm]) -> Box<dyn Query> {
        let base = terms.iter().map(|t| t.position).min().unwrap_or(0);
        let p = |f| {
            PhraseQuery::new_with_offset(
                terms
                    .iter()
                    .map(|t| (t.position - base, Term::from_field_text(f, &t.text)))
                    .collect(),
            )
        };
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(p(self.fields.title)), TITLE_BOOST)),
            ),
            (Occur::Should, Box::new(p(self.fields.body))),
        ]))
    }

    /// The query for one atom, or `None` when it has no searchable word.
    fn atom(&mut self, atom: &Atom, positive: bool) -> Option<Box<dyn Query>> {
        let (text, phrase) = match atom {
            Atom::Words(t) => (t, false),
            Atom::Phrase(t) => (t, true),
        };
        let terms = self.analyze(text);
        if positive {
            for t in &terms {
                self.terms.add(&t.text, t.han);
            }
        }
        match terms.len() {
            0 => None,
            1 => Some(self.term_query(&terms[0].text)),
            _ if phrase => Some(self.phrase_query(&terms)),
            _ => Some(Box::new(BooleanQuery::new(
                terms
                    .iter()
                    .map(|t| (Occur::Must, self.term_query(&t.text)))
                    .collect(),
            ))),
        }
    }

    fn compile(&mut self, clauses: &[Clause]) -> Box<dyn Query> {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut positive = false;
        for c in clauses {
            match c {
                Clause::Any(atoms) => {
                    let mut alts: Vec<(Occur, Box<dyn Query>)> = atoms
                        .iter()
                        .filter_map(|a| self.atom(a, true))
                        .map(|q| (Occur::Should, q))
                        .collect();
                    match alts.len() {
                        0 => {}
                        1 => {
                            positive = true;
                            if let Some((_, q)) = alts.pop() {
                                parts.push((Occur::Must, q));
                            }
                        }
                        _ => {
                            positive = true;
                            parts.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
                        }
                    }
                }
                Clause::Not(a) => {
                    if let Some(q) = self.atom(a, false) {
                        parts.push((Occur::MustNot, q));
                    }
                }
            }
        }
        if parts.is_empty() {
            return Box::new(AllQuery);
        }
        if !positive {
            parts.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(parts))
    }
}

fn day_start(d: NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(china_offset()).single())
        .map(|t| t.timestamp())
        .unwrap_or(i64::MIN + 1)
}

pub(crate) fn facet_filters(f: &Filter) -> FacetFilters {
    let non_empty = |v: Vec<String>| (!v.is_empty()).then_some(v);
    FacetFilters {
        provinces: non_empty(f.provinces.iter().map(|s| s.to_string()).collect()),
        sectors: non_empty(f.sectors.iter().map(|s| s.to_string()).collect()),
        sources: non_empty(f.sources.iter().map(|s| fold(s)).collect()),
        topics: non_empty(f.topics.iter().map(|s| fold(s)).collect()),
        since: f.since.map(day_start),
        until: f.until.and_then(|d| d.succ_opt()).map(|d| day_start(d) - 1),
    }
}

impl Index {
    /// Runs a search: matching articles in the requested order, the total, facet counts
    /// and the terms to highlight. An unknown province or sector in the query, or a bad
    /// date, is an error that names it.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults, IndexError> {
        self.search_marked(req, None)
    }

    /// [`Index::search`] with the reader's marks: the filter's reading-state values apply,
    /// and the results count unread and starred articles.
    pub fn search_marked(
        &self,
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<SearchResults, IndexError> {
        let parsed = query::parse(&req.query)?;
        let filter = query::merge(&req.filter, &parsed.filter);
        let searcher = self.reader.searcher();
        let mut c = Compiler {
            searcher: &searcher,
            fields: self.fields,
            norm: WordNormalizer::default(),
            n: searcher.num_docs(),
            terms: HitTerms::default(),
        };
        let q = c.compile(&parsed.clauses);
        let terms = c.terms;
        let collector = FacetedTop {
            keep: req.offset + req.limit,
            sort: req.sort,
            filters: facet_filters(&filter),
            marks: marks.map(|m| MarkFilter {
                field: self.fields.id,
                marks: m.clone(),
                keep: filter.marks.clone(),
                cache: self.mark_cache.clone(),
            }),
        };
        let fruit = searcher
            .search(q.as_ref(), &collector)
            .map_err(|e| self.error(e))?;
        let mut hits = Vec::new();
        for cand in fruit.top.into_iter().skip(req.offset) {
            let Some(article) = self.load(&searcher, cand.addr)? else {
                continue;
            };
            let (snip, ranges) = snippet(
                &article.body,
                &hit_ranges(&article.body, &terms),
                SNIPPET_CHARS,
            );
            hits.push(Hit {
                article,
                score: if req.sort == Sort::Relevance {
                    cand.score
                } else {
                    0.0
                },
                snippet: snip,
                hit_ranges: ranges,
            });
        }
        Ok(SearchResults {
            hits,
            total: fruit.total,
            facets: facets::finish(fruit.counts),
            terms,
            marks: fruit.marks,
        })
    }

    /// Articles matching the filters, newest first (SPEC `list`).
    pub fn list(
        &self,
        filter: &Filter,
        limit: usize,
        offset: usize,
    ) -> Result<SearchResults, IndexError> {
        self.search(&SearchRequest {
            query: String::new(),
            filter: filter.clone(),
            sort: Sort::Newest,
            limit,
            offset,
        })
    }

    /// Facet counts and the total for the filters (SPEC `stats`).
    pub fn stats(&self, filter: &Filter) -> Result<(usize, Facets), IndexError> {
        let r = self.search(&SearchRequest {
            query: String::new(),
            filter: filter.clone(),
            sort: Sort::Newest,
            limit: 0,
            offset: 0,
        })?;
        Ok((r.total, r.facets))
    }

    /// One article by id.
    pub fn get(&self, id: &str) -> Result<Option<Article>, IndexError> {
        let searcher = self.reader.searcher();
        let q = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher
            .search(
                &q,
                &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
            )
            .map_err(|e| self.error(e))?;
        match top.first() {
            Some((_, addr)) => self.load(&searcher, *addr),
            None => Ok(None),
        }
    }

    fn load(
        &self,
        searcher: &Searcher,
        addr: tantivy::DocAddress,
    ) -> Result<Option<Article>, IndexError> {
        let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.error(e))?;
        let Some(json) = doc.get_first(self.fields.json).and_then(|v| v.as_str()) else {
            return Ok(None);
        };
        let mut a: Article = serde_json::from_str(json).map_err(|e| {
            IndexError::Corrupt(
                self.dir.clone(),
                format!("a stored article does not read: {e}"),
            )
        })?;
        a.duplicates = self.stories.duplicates(&a.id);
        Ok(Some(a))
    }

    fn error(&self, e: tantivy::TantivyError) -> IndexError {
        match e {
            tantivy::TantivyError::DataCorruption(c) => {
                IndexError::Corrupt(self.dir.clone(), format!("{c:?}"))
            }
            // The files are memory-mapped or read whole: an error reading them (a block of
            // the document store that does not decompress, say) is damage too.
            tantivy::TantivyError::IoError(e) => {
                IndexError::Corrupt(self.dir.clone(), e.to_string())
            }
            e => IndexError::Tantivy(self.dir.clone(), e.to_string()),
        }
    }
}
