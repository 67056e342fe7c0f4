//! Searching: the query string and filters become one tantivy query (BM25 over title and
//! body, title boosted) plus facet filters checked in the same pass that counts facets.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RegexPhraseQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{Searcher, TantivyDocument, Term};

use super::across_languages;
use super::analyzer::WordNormalizer;
use super::collector::{Candidate, EVERY, FacetFilters, FacetedTop, Fruit};
use super::contained::contained;
use super::facets::{self, Facets};
use super::field_stats::SharedWordStats;
use super::id_docs;
use super::marks::MarkFilter;
use super::query::{self, Atom, Clause};
use super::schema::Fields;
use super::segment::{Holder, Lookup, QueryTerm, analyze};
use super::snippet::{HitTerms, hit_ranges, snippet};
use super::suggest::{Offers, Suggestion};
use super::vocabulary::IndexVocabulary;
use super::words::WordLists;
use super::{Index, IndexError};
use crate::article::{Article, china_offset};
use crate::filter::{Filter, fold};
use crate::state::MarkCounts;
use crate::state::Marks;
use tantivy::query::Bm25StatisticsProvider;

/// How much more a word in the title counts than one in the body.
pub const TITLE_BOOST: f32 = 2.5;
/// BM25's k1, as tantivy scores: a word's score grows with its frequency up to its idf times
/// 1 + k1.
const BM25_K1: f32 = 1.2;
/// Snippet length, in characters.
pub const SNIPPET_CHARS: usize = 120;
/// Words holding a query term that are scored one by one; the rest only match.
const MAX_SCORED_HOLDERS: usize = 256;
/// Most ways of placing a phrase's terms inside longer words before the phrase is loosened
/// to "every term, anywhere".
const MAX_PHRASE_WAYS: usize = 32;
/// Most automaton states the pattern of the words that hold a term of such a phrase past
/// their start may take (tantivy refuses more than 1,000, and compiling them is what costs);
/// more, and the phrase is loosened too.
const MAX_SLOT_STATES: usize = 400;
/// Most words the slots of one such phrase may match in a segment. tantivy's default,
/// 16,384, makes the search fail past it; a prefix slot (`学.+`) can match a few thousand
/// words of a large vocabulary, and a phrase may have several.
const MAX_PHRASE_EXPANSIONS: u32 = 1 << 18;

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
    /// Instead of `offset`: the window of `limit` results that holds this article, in its
    /// middle unless it is among the first `limit`. A search in another order or with
    /// other filters finds where the article the reader was looking at went. When it is
    /// not among the results, `offset` is used.
    pub around: Option<String>,
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

/// What the words of a search that its filters left empty find without them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfiltered {
    pub total: usize,
    /// The words put right, when as typed they find nothing even without the filters.
    pub query: Option<String>,
}

/// The results of a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// Where `hits` start among all the results: the request's `offset`, or where its
    /// `around` article put them.
    #[serde(skip)]
    pub offset: usize,
    /// How many articles match in all.
    pub total: usize,
    /// Facet counts for this query and filters (disjunctive: see `facets`).
    pub facets: Facets,
    /// The terms that matched, for highlighting elsewhere (`snippet::hit_ranges`).
    pub terms: HitTerms,
    /// Unread and starred counts (disjunctive, like `facets`) when searched with marks.
    #[serde(skip)]
    pub marks: MarkCounts,
    /// Outlets and topics of the query given in part, and what they were taken for
    /// (`source 'Xinhua' taken as 新华网 or 新华日报`).
    #[serde(skip)]
    pub notes: Vec<String>,
    /// When nothing matches: another query that finds articles, its misspelt words put
    /// right or words left out (`robtos` → `robots`; see `suggest`).
    #[serde(skip)]
    pub suggestion: Option<Suggestion>,
    /// When filters leave nothing of a search for words, and nothing else is offered: how
    /// many articles the words (or the words put right) find without any filter (the
    /// reader's marks included).
    #[serde(skip)]
    pub unfiltered: Option<Unfiltered>,
    /// The filters written in the query, values given in part taken for the values they
    /// stand for (`source:新华` as 新华网 and 新华日报).
    #[serde(skip)]
    pub written: Filter,
}

struct Compiler<'a> {
    searcher: &'a Searcher,
    words: &'a WordLists,
    fields: Fields,
    norm: WordNormalizer,
    terms: HitTerms,
    /// For each clause, how many of its atoms were typed; those after them are names in the
    /// other language ([`across_languages::widen`]), weighed at [`ACROSS_WEIGHT`].
    typed: Vec<usize>,
}

/// The weight of a match on a name the query did not type but its other language gives
/// (`机器人` for `robots`): both are found, and of two equally good matches the one in the
/// language typed ranks first.
const ACROSS_WEIGHT: f32 = 0.7;

/// The weight of `name`, given in the other language for `typed` (the clause's first
/// alternative, as typed): a name of more words than the one typed scores a match on each
/// (`cold chain`, two, for 冷链, one), so it is weighed down by the share of them the typed
/// one has.
fn across_weight(typed: &Atom, name: &Atom) -> f32 {
    let words = |a: &Atom| super::analyzer::pieces(a.text()).len().max(1) as f32;
    ACROSS_WEIGHT * (words(typed) / words(name)).min(1.0)
}

impl Compiler<'_> {
    fn analyze(&mut self, text: &str) -> Vec<Vec<QueryTerm>> {
        let mut vocab = IndexVocabulary::new(self.searcher, self.fields, self.words);
        analyze(text, &mut vocab, &mut self.norm)
    }

    /// Title (boosted) or body: one query per field, either may match.
    fn either_field(&self, q: impl Fn(Field) -> Box<dyn Query>) -> Box<dyn Query> {
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(q(self.fields.title), TITLE_BOOST)),
            ),
            (Occur::Should, q(self.fields.body)),
        ]))
    }

    fn term_query(&self, word: &str) -> Box<dyn Query> {
        self.either_field(|f| {
            Box::new(TermQuery::new(
                Term::from_field_text(f, word),
                IndexRecordOption::WithFreqs,
            ))
        })
    }

    /// Single words at the given offsets, side by side.
    fn phrase_query(&self, words: &[(usize, &str)]) -> Box<dyn Query> {
        let base = words.iter().map(|t| t.0).min().unwrap_or(0);
        self.either_field(|f| {
            Box::new(PhraseQuery::new_with_offset(
                words
                    .iter()
                    .map(|(p, w)| (p - base, Term::from_field_text(f, w)))
                    .collect(),
            ))
        })
    }

    /// A term that lies inside longer indexed words: itself when it is a word, any of them,
    /// scored by BM25 (the most frequent ones; the rest only match), or its parts side by
    /// side.
    fn inside_query(
        &self,
        text: &str,
        word: bool,
        holders: &[Holder],
        parts: &[String],
    ) -> Box<dyn Query> {
        let mut words: Vec<&str> = Vec::new();
        if word {
            words.push(text);
        }
        for h in holders {
            if !words.contains(&h.word.as_str()) {
                words.push(&h.word);
            }
        }
        let scored = words.len().min(MAX_SCORED_HOLDERS);
        let mut alts: Vec<(Occur, Box<dyn Query>)> = words[..scored]
            .iter()
            .map(|w| (Occur::Should, self.term_query(w)))
            .collect();
        if scored < words.len() {
            let rest = words[scored..]
                .iter()
                .flat_map(|w| self.fields.text().map(|f| Term::from_field_text(f, w)));
            alts.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(TermSetQuery::new(rest)), 0.0)),
            ));
        }
        if !parts.is_empty() {
            alts.push((Occur::Should, self.phrase_query(&placed(parts))));
        }
        Box::new(BooleanQuery::new(alts))
    }

    fn term(&self, t: &QueryTerm) -> Box<dyn Query> {
        match &t.lookup {
            Lookup::Word => self.term_query(&t.text),
            Lookup::Inside {
                word,
                holders,
                parts,
            } => self.inside_query(&t.text, *word, holders, parts),
        }
    }

    /// An exact phrase: every way of finding its terms, each a phrase of slots where a slot
    /// is one word or, for text inside longer words, the words that hold it at one offset.
    /// `None` when there are too many ways.
    fn exact_phrase(&self, terms: &[QueryTerm]) -> Option<Box<dyn Query>> {
        if terms.iter().all(|t| t.lookup == Lookup::Word) {
            let words: Vec<(usize, &str)> = terms
                .iter()
                .map(|t| (t.position, t.text.as_str()))
                .collect();
            return Some(self.phrase_query(&words));
        }
        let mut ways: Vec<Vec<Vec<(i64, String)>>> =
            terms.iter().map(phrase_ways).collect::<Option<_>>()?;
        let product = |ways: &[Vec<Vec<(i64, String)>>]| {
            ways.iter()
                .try_fold(1usize, |n, w| n.checked_mul(w.len()))
                .unwrap_or(usize::MAX)
        };
        // Too many ways: a term cut into its parts (its last way) is the first to go.
        let mut count = product(&ways);
        for (k, t) in terms.iter().enumerate() {
            if count <= MAX_PHRASE_WAYS {
                break;
            }
            if matches!(&t.lookup, Lookup::Inside { parts, .. } if !parts.is_empty())
                && ways[k].len() > 1
            {
                ways[k].pop();
                count = product(&ways);
            }
        }
        if count > MAX_PHRASE_WAYS {
            return None;
        }
        let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::with_capacity(count);
        for pick in 0..count {
            let mut slots: Vec<(i64, String)> = Vec::new();
            let mut rest = pick;
            for w in &ways {
                slots.extend(w[rest % w.len()].iter().cloned());
                rest /= w.len();
            }
            let base = slots.iter().map(|s| s.0).min().unwrap_or(0);
            let slots: Vec<(usize, String)> = slots
                .into_iter()
                .map(|(p, re)| (usize::try_from(p - base).unwrap_or(0), re))
                .collect();
            alts.push((
                Occur::Should,
                self.either_field(|f| {
                    let mut q = RegexPhraseQuery::new_with_offset(f, slots.clone());
                    q.set_max_expansions(MAX_PHRASE_EXPANSIONS);
                    Box::new(q)
                }),
            ));
        }
        Some(Box::new(BooleanQuery::new(alts)))
    }

    /// The query for one atom, or `None` when it has no searchable word.
    fn atom(&mut self, atom: &Atom, positive: bool) -> Option<Box<dyn Query>> {
        let (text, phrase) = match atom {
            Atom::Words(t) => (t, false),
            Atom::Phrase(t) => (t, true),
        };
        let readings = self.analyze(text);
        if tracing::enabled!(tracing::Level::DEBUG) {
            let shown: Vec<Vec<String>> = readings
                .iter()
                .map(|r| r.iter().map(QueryTerm::summary).collect())
                .collect();
            tracing::debug!("readings of {text:?}: {shown:?}");
        }
        if positive {
            self.terms.add(text, &readings, phrase);
        }
        let compiled: Vec<(Box<dyn Query>, AsTyped)> = readings
            .iter()
            .filter_map(|terms| self.reading(terms, phrase, positive))
            .collect();
        // An article that holds the text as typed ranks above every article that holds its
        // words only apart, whatever their scores: it scores more than those words could
        // score apart in any of the readings (a reading's phrase of the words as typed
        // then adds its own score, so that in the title it still counts more than in the
        // body). When every reading matches only as typed, nothing needs lifting.
        let apart: f32 = (compiled.iter())
            .map(|(_, typed)| match typed {
                AsTyped::When(_, bound) => *bound,
                AsTyped::Always | AsTyped::Never => 0.0,
            })
            .sum();
        let lifted = |q: Box<dyn Query>| -> Box<dyn Query> {
            if apart > 0.0 {
                Box::new(BooleanQuery::new(vec![
                    (Occur::Must, q),
                    (
                        Occur::Should,
                        Box::new(ConstScoreQuery::new(Box::new(AllQuery), apart)),
                    ),
                ]))
            } else {
                q
            }
        };
        any_of(compiled.into_iter().map(|(q, typed)| match typed {
            AsTyped::Always => lifted(q),
            AsTyped::Never => q,
            AsTyped::When(p, _) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, q),
                (Occur::Should, lifted(p)),
            ])),
        }))
    }

    /// The query for one reading of an atom, or `None` when it has none, and whether what it
    /// matches holds the text as typed. Terms are ANDed, except that joined ones (a reading
    /// across words, words typed as one) must sit side by side, as must all of a phrase's;
    /// with too many ways to place a phrase's terms inside longer words, every term
    /// anywhere. `ranked`: the articles it matches are to be ranked (it is not an exclusion).
    fn reading(
        &self,
        terms: &[QueryTerm],
        phrase: bool,
        ranked: bool,
    ) -> Option<(Box<dyn Query>, AsTyped)> {
        if phrase {
            return match terms {
                [] => None,
                [t] => Some((self.term(t), AsTyped::Always)),
                _ => Some(match self.exact_phrase(terms) {
                    Some(q) => (q, AsTyped::Always),
                    None => (
                        Box::new(BooleanQuery::new(
                            terms.iter().map(|t| (Occur::Must, self.term(t))).collect(),
                        )),
                        AsTyped::Never,
                    ),
                }),
            };
        }
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for chunk in terms.chunk_by(|_, next| next.joined) {
            let q = match chunk {
                [t] => self.term(t),
                // Pieces of text typed across words mean something only side by side: where
                // they cannot be placed so, the reading is left out (the others still match).
                _ => self.exact_phrase(chunk)?,
            };
            parts.push((Occur::Must, q));
        }
        if parts.len() < 2 {
            return parts.pop().map(|(_, q)| (q, AsTyped::Always));
        }
        let all: Box<dyn Query> = Box::new(BooleanQuery::new(parts));
        if !ranked {
            return Some((all, AsTyped::Never));
        }
        // The words as typed, side by side, rank first (each whole or inside longer words:
        // for ranking, the ways of a term's parts are not worth their cost).
        let whole: Vec<QueryTerm> = terms.iter().map(without_parts).collect();
        Some(match self.exact_phrase(&whole) {
            Some(q) => {
                let apart = terms.iter().map(|t| self.term_bound(t)).sum();
                (all, AsTyped::When(q, apart))
            }
            None => (all, AsTyped::Never),
        })
    }

    /// The most a word found in the title or body can add to an article's score: BM25 in
    /// each field at most reaches the word's idf there times 1 + k1 (however often the
    /// word occurs), the title's times its boost. The idf is the one the search scores
    /// with ([`SharedWordStats`]).
    fn word_bound(&self, word: &str, docs: u64) -> f32 {
        let stats = SharedWordStats {
            searcher: self.searcher,
            fields: self.fields,
        };
        [(self.fields.title, TITLE_BOOST), (self.fields.body, 1.0)]
            .into_iter()
            .map(|(field, boost)| {
                let df = stats
                    .doc_freq(&Term::from_field_text(field, word))
                    .unwrap_or(0)
                    .min(docs);
                if df == 0 {
                    return 0.0;
                }
                let spread = ((docs - df) as f32 + 0.5) / (df as f32 + 0.5);
                boost * (1.0 + spread).ln() * (1.0 + BM25_K1)
            })
            .sum()
    }

    /// The most a term can add to an article's score, found any one of its ways (for text
    /// inside longer words: as itself, as the rarest word that holds it, or as its parts).
    fn term_bound(&self, t: &QueryTerm) -> f32 {
        // The number of documents BM25 counts with (deleted ones included).
        let docs: u64 = (self.searcher.segment_readers().iter())
            .map(|s| u64::from(s.max_doc()))
            .sum();
        match &t.lookup {
            Lookup::Word => self.word_bound(&t.text, docs),
            Lookup::Inside {
                word,
                holders,
                parts,
            } => {
                let mut most = if *word {
                    self.word_bound(&t.text, docs)
                } else {
                    0.0
                };
                for h in holders.iter().take(MAX_SCORED_HOLDERS) {
                    most = most.max(self.word_bound(&h.word, docs));
                }
                let parts: f32 = parts.iter().map(|p| self.word_bound(p, docs)).sum();
                most.max(parts)
            }
        }
    }

    /// The articles a filter selects (written with a dash in the query: `-province:四川`),
    /// as a query on the facet fields; `None` when none can match.
    fn filter_query(&self, f: &Filter) -> Option<Box<dyn Query>> {
        let fields = self.fields;
        let mut terms: Vec<Term> = Vec::new();
        terms.extend(
            f.provinces
                .iter()
                .map(|p| Term::from_field_text(fields.province, p)),
        );
        terms.extend(
            f.sectors
                .iter()
                .map(|s| Term::from_field_text(fields.sector, s)),
        );
        terms.extend(
            f.sources
                .iter()
                .map(|s| Term::from_field_text(fields.source_keys, &fold(s))),
        );
        // Topics are kept as written and compared folded: the index's own spellings of it.
        if !f.topics.is_empty() {
            let wanted: Vec<String> = f.topics.iter().map(|t| fold(t)).collect();
            for segment in self.searcher.segment_readers() {
                let Ok(inverted) = segment.inverted_index(fields.topic) else {
                    continue;
                };
                let Ok(mut stream) = inverted.terms().stream() else {
                    continue;
                };
                while stream.advance() {
                    if let Ok(topic) = std::str::from_utf8(stream.key())
                        && wanted.contains(&fold(topic))
                    {
                        terms.push(Term::from_field_text(fields.topic, topic));
                    }
                }
            }
        }
        (!terms.is_empty()).then(|| Box::new(TermSetQuery::new(terms)) as Box<dyn Query>)
    }

    fn compile(&mut self, clauses: &[Clause]) -> Box<dyn Query> {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut positive = false;
        for (at, c) in clauses.iter().enumerate() {
            match c {
                Clause::Any(atoms) if atoms.iter().all(Atom::is_blank) => {}
                Clause::Any(atoms) => {
                    let typed = self.typed.get(at).copied().unwrap_or(atoms.len());
                    let alts: Vec<Box<dyn Query>> = (atoms.iter().enumerate())
                        .filter_map(|(k, a)| {
                            let q = self.atom(a, true)?;
                            Some(match atoms.first() {
                                Some(first) if k >= typed => {
                                    Box::new(BoostQuery::new(q, across_weight(first, a)))
                                        as Box<dyn Query>
                                }
                                _ => q,
                            })
                        })
                        .collect();
                    // Text with no word to search for (`🚀`, `、`) matches nothing, rather
                    // than being left out and the query matching everything.
                    let Some(q) = any_of(alts) else {
                        return Box::new(EmptyQuery);
                    };
                    positive = true;
                    parts.push((Occur::Must, q));
                }
                Clause::Not(a) => {
                    if let Some(q) = self.atom(a, false) {
                        parts.push((Occur::MustNot, q));
                    }
                }
                Clause::NotFilter(f) => {
                    if let Some(q) = self.filter_query(f) {
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

/// Whether the articles a reading of a query's text matches hold that text as typed.
enum AsTyped {
    /// All of them (a single word, a phrase, text typed across words).
    Always,
    /// Those this query of the words side by side matches; the others hold them apart,
    /// which can score at most the bound.
    When(Box<dyn Query>, f32),
    /// Not known (the words as typed cannot be looked for), or not wanted (an exclusion).
    Never,
}

/// One query that matches when any of `queries` does; `None` when there is none.
fn any_of(queries: impl IntoIterator<Item = Box<dyn Query>>) -> Option<Box<dyn Query>> {
    let mut alts: Vec<(Occur, Box<dyn Query>)> =
        queries.into_iter().map(|q| (Occur::Should, q)).collect();
    match alts.len() {
        0 => None,
        1 => alts.pop().map(|(_, q)| q),
        _ => Some(Box::new(BooleanQuery::new(alts))),
    }
}

/// The states of the automaton of a pattern that matches any of `words` whole: one per
/// distinct byte prefix (a trie of the words), and the start.
fn pattern_states(words: &[&str]) -> usize {
    let prefixes: HashSet<&[u8]> = words
        .iter()
        .flat_map(|w| (1..=w.len()).map(|n| &str::as_bytes(w)[..n]))
        .collect();
    prefixes.len() + 1
}

/// The ways one term can sit in a phrase: slots of (position, pattern of the whole word).
///
/// Text found inside longer words is one slot per offset at which the index holds it. At
/// their start, that is any word beginning with the text (a pattern the term dictionary
/// answers from its prefix); further in, the words that hold it there. `None` when those
/// words make too large a pattern.
fn phrase_ways(t: &QueryTerm) -> Option<Vec<Vec<(i64, String)>>> {
    let at =
        |offset: usize| i64::try_from(t.position).unwrap_or(0) - i64::try_from(offset).unwrap_or(0);
    let text = regex::escape(&t.text);
    let Lookup::Inside {
        word,
        holders,
        parts,
    } = &t.lookup
    else {
        return Some(vec![vec![(at(0), text)]]);
    };
    let mut by_offset: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for h in holders {
        by_offset.entry(h.offset).or_default().push(&h.word);
    }
    let mut ways: Vec<Vec<(i64, String)>> = Vec::new();
    if *word && !by_offset.contains_key(&0) {
        ways.push(vec![(at(0), text.clone())]);
    }
    for (offset, words) in by_offset {
        let pattern = match offset {
            0 if *word => format!("{text}.*"),
            0 => format!("{text}.+"),
            _ if pattern_states(&words) > MAX_SLOT_STATES => return None,
            _ => {
                let escaped: Vec<String> = words.into_iter().map(regex::escape).collect();
                format!("(?:{})", escaped.join("|"))
            }
        };
        ways.push(vec![(at(offset), pattern)]);
    }
    if !parts.is_empty() {
        ways.push(
            placed(parts)
                .into_iter()
                .map(|(i, p)| (at(0) + i64::try_from(i).unwrap_or(0), regex::escape(p)))
                .collect(),
        );
    }
    Some(ways)
}

/// `t` without the ways of finding it as its parts.
fn without_parts(t: &QueryTerm) -> QueryTerm {
    let mut t = t.clone();
    if let Lookup::Inside { parts, .. } = &mut t.lookup {
        parts.clear();
    }
    t
}

/// The `parts` of a text, each with its offset in characters.
fn placed(parts: &[String]) -> Vec<(usize, &str)> {
    let mut at = 0;
    parts
        .iter()
        .map(|p| {
            let here = at;
            at += p.chars().count();
            (here, p.as_str())
        })
        .collect()
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

/// A search's matches as the collector found them, and what its query said.
struct Gathered {
    fruit: Fruit,
    /// The query's clauses, place names widened.
    clauses: Vec<Clause>,
    /// The request's filters merged with the query's.
    filter: Filter,
    /// The filters written in the query, as taken.
    written: Filter,
    notes: Vec<String>,
    terms: HitTerms,
}

/// What a search is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// The results wanted, facet counts, and an offer when nothing matches.
    Full,
    /// How many articles match, nothing else (to weigh an offer).
    Count,
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
        // A term dictionary damaged in the middle can make tantivy or the FST it is made of
        // panic (a length read past its buffer) rather than return an error: that is damage
        // too, set aside and rebuilt like any other.
        contained(|| self.search_unguarded(req, marks, Answer::Full))
            .unwrap_or_else(|why| Err(self.does_not_read(why)))
    }

    /// Parses the query, compiles it and runs it through the facet collector, keeping
    /// `keep` of the best matches ([`EVERY`]: all of them, in no order), or only counting.
    fn gather(
        &self,
        searcher: &Searcher,
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
        keep: usize,
        count_only: bool,
    ) -> Result<Gathered, IndexError> {
        let mut parsed = query::parse(&req.query)?;
        let mut notes = self.open_values(&mut parsed.filter)?;
        for clause in &mut parsed.clauses {
            if let query::Clause::NotFilter(f) = clause {
                notes.extend(self.open_values(f)?);
            }
        }
        let filter = query::merge(&req.filter, &parsed.filter);
        let typed = across_languages::widen(&mut parsed.clauses);
        let mut c = Compiler {
            searcher,
            words: &self.words,
            fields: self.fields,
            norm: WordNormalizer::default(),
            terms: HitTerms::default(),
            typed,
        };
        let q = c.compile(&parsed.clauses);
        let terms = c.terms;
        let collector = FacetedTop {
            keep,
            sort: req.sort,
            count_only,
            filters: facet_filters(&filter),
            marks: marks.map(|m| MarkFilter {
                field: self.fields.id,
                marks: m.clone(),
                keep: filter.marks.clone(),
                cache: self.mark_cache.clone(),
            }),
        };
        let stats = SharedWordStats {
            searcher,
            fields: self.fields,
        };
        let fruit = searcher
            .search_with_statistics_provider(q.as_ref(), &collector, &stats)
            .map_err(|e| self.error(e))?;
        Ok(Gathered {
            fruit,
            clauses: parsed.clauses,
            filter,
            written: parsed.filter,
            notes,
            terms,
        })
    }

    fn search_unguarded(
        &self,
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
        answer: Answer,
    ) -> Result<SearchResults, IndexError> {
        let searcher = self.reader.searcher();
        let anchors = match &req.around {
            Some(id) => self.addresses(&searcher, id, 8)?,
            None => Vec::new(),
        };
        // Where the anchor stands is known only once every result is seen.
        let keep = if anchors.is_empty() {
            req.offset + req.limit
        } else {
            EVERY
        };
        let Gathered {
            fruit,
            clauses,
            filter,
            written,
            notes,
            terms,
        } = self.gather(&searcher, req, marks, keep, answer == Answer::Count)?;
        let (offset, top) = if anchors.is_empty() {
            let top: Vec<Candidate> = fruit.top.into_iter().skip(req.offset).collect();
            (req.offset, top)
        } else {
            window_around(fruit.top, &anchors, req.offset, req.limit)
        };
        let mut hits = Vec::new();
        for cand in top.into_iter().take(req.limit) {
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
        let offers = if answer == Answer::Full && fruit.total == 0 {
            self.offers(&searcher, req, marks)?
        } else {
            Offers::default()
        };
        let suggestion = offers.suggestion;
        let unfiltered = if answer == Answer::Full && fruit.total == 0 && suggestion.is_none() {
            self.unfiltered(&searcher, &clauses, &filter)
                .or(offers.put_right_alone)
        } else {
            None
        };
        Ok(SearchResults {
            hits,
            offset: offset.min(fruit.total),
            total: fruit.total,
            facets: facets::finish(fruit.counts),
            terms,
            marks: fruit.marks,
            notes,
            suggestion,
            unfiltered,
            written,
        })
    }

    /// The ids of every article the search finds, in no particular order (its `offset`,
    /// `limit`, `sort` and `around` do not matter): read from the index's id dictionary,
    /// not from the stored articles, so that all of a large corpus costs little.
    pub fn matching_ids(
        &self,
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<Vec<String>, IndexError> {
        let corrupt = |why| self.does_not_read(why);
        let searcher = self.reader.searcher();
        let unranked = SearchRequest {
            sort: Sort::Newest,
            ..req.clone()
        };
        let gathered = contained(|| self.gather(&searcher, &unranked, marks, EVERY, false))
            .map_err(corrupt)??;
        let mut wanted: Vec<Vec<bool>> = (searcher.segment_readers().iter())
            .map(|r| vec![false; r.max_doc() as usize])
            .collect();
        for cand in &gathered.fruit.top {
            let (segment, doc) = (cand.addr.segment_ord as usize, cand.addr.doc_id as usize);
            if let Some(slot) = wanted.get_mut(segment).and_then(|w| w.get_mut(doc)) {
                *slot = true;
            }
        }
        let mut ids = Vec::with_capacity(gathered.fruit.top.len());
        for (reader, docs) in searcher.segment_readers().iter().zip(&wanted) {
            if docs.contains(&true) {
                let found = contained(|| id_docs::ids_of(reader, self.fields.id, docs))
                    .map_err(corrupt)?
                    .map_err(|e| self.error(e))?;
                ids.extend(found);
            }
        }
        Ok(ids)
    }

    /// Where the first unread article at or after place `from` of the search's results is
    /// (in its order; `offset`, `limit` and `around` do not matter), or `None`.
    pub fn next_unread(
        &self,
        req: &SearchRequest,
        marks: &std::sync::Arc<Marks>,
        from: usize,
    ) -> Result<Option<usize>, IndexError> {
        let corrupt = |why| self.does_not_read(why);
        let searcher = self.reader.searcher();
        let gathered = contained(|| self.gather(&searcher, req, Some(marks), EVERY, false))
            .map_err(corrupt)??;
        let mut every = gathered.fruit.top;
        if every.len() <= from {
            return Ok(None);
        }
        every.sort_by(|a, b| b.cmp(a));
        let filter = MarkFilter {
            field: self.fields.id,
            marks: marks.clone(),
            keep: Vec::new(),
            cache: self.mark_cache.clone(),
        };
        let sets = contained(|| {
            (searcher.segment_readers().iter())
                .map(|r| self.mark_cache.sets(r, &filter))
                .collect::<tantivy::Result<Vec<_>>>()
        })
        .map_err(corrupt)?
        .map_err(|e| self.error(e))?;
        let read = |c: &Candidate| {
            (sets.get(c.addr.segment_ord as usize)).is_some_and(|s| s.is_read(c.addr.doc_id))
        };
        Ok((every.iter().enumerate().skip(from))
            .find(|(_, c)| !read(c))
            .map(|(at, _)| at))
    }

    /// The error for an index that made tantivy panic while reading it.
    fn does_not_read(&self, why: String) -> IndexError {
        IndexError::Corrupt(self.dir.clone(), format!("the index does not read ({why})"))
    }

    /// How many articles `query` finds with `filter` and the reader's marks (and no
    /// suggestion of its own).
    pub(super) fn count(
        &self,
        query: String,
        filter: &Filter,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<usize, IndexError> {
        let req = SearchRequest {
            query,
            filter: filter.clone(),
            limit: 0,
            ..Default::default()
        };
        Ok(self.search_unguarded(&req, marks, Answer::Count)?.total)
    }

    /// The words a search cuts a run of Han text into (`职业院校如何开展` → `职业院校`, `如何`,
    /// `开展`), simplified, as they could be typed apart.
    pub(super) fn han_words(&self, searcher: &Searcher, text: &str) -> Vec<String> {
        let mut vocab = IndexVocabulary::new(searcher, self.fields, &self.words);
        let readings = analyze(text, &mut vocab, &mut WordNormalizer::default());
        (readings.into_iter().next().unwrap_or_default().into_iter())
            .map(|t| t.text)
            .collect()
    }

    /// How many articles hold the words of `query`, whatever the filters: a cheap count
    /// with no facets.
    pub(super) fn count_words(&self, searcher: &Searcher, query: &str) -> usize {
        let Ok(mut parsed) = query::parse(query) else {
            return 0;
        };
        across_languages::widen(&mut parsed.clauses);
        self.count_clauses(searcher, &parsed.clauses)
    }

    /// How many articles match `clauses` (widened already), whatever the filters.
    fn count_clauses(&self, searcher: &Searcher, clauses: &[query::Clause]) -> usize {
        // A count has no scores to weigh.
        let mut c = Compiler {
            searcher,
            words: &self.words,
            fields: self.fields,
            norm: WordNormalizer::default(),
            terms: HitTerms::default(),
            typed: Vec::new(),
        };
        let q = c.compile(clauses);
        searcher.search(q.as_ref(), &Count).unwrap_or(0)
    }

    /// For a search that found nothing: how many articles its words find without `filter`
    /// and without the facets it excludes (`-province:四川`), when those are what left
    /// nothing; `None` for a search without words or filters, or when the words alone find
    /// nothing either.
    fn unfiltered(
        &self,
        searcher: &Searcher,
        clauses: &[query::Clause],
        filter: &Filter,
    ) -> Option<Unfiltered> {
        let words: Vec<query::Clause> = (clauses.iter())
            .filter(|c| !matches!(c, query::Clause::NotFilter(_)))
            .cloned()
            .collect();
        let filtered = !filter.is_empty() || words.len() < clauses.len();
        if !filtered || !query::has_words_in(&words) {
            return None;
        }
        let total = self.count_clauses(searcher, &words);
        (total > 0).then_some(Unfiltered { total, query: None })
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
            ..Default::default()
        })
    }

    /// Facet counts and the total for the filters (SPEC `stats`).
    pub fn stats(&self, filter: &Filter) -> Result<(usize, Facets), IndexError> {
        self.stats_marked(filter, None)
    }

    /// [`Index::stats`] with the reader's marks, for the filter's reading-state values.
    pub fn stats_marked(
        &self,
        filter: &Filter,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<(usize, Facets), IndexError> {
        let r = self.search_marked(
            &SearchRequest {
                query: String::new(),
                filter: filter.clone(),
                sort: Sort::Newest,
                limit: 0,
                offset: 0,
                ..Default::default()
            },
            marks,
        )?;
        Ok((r.total, r.facets))
    }

    /// One article by id.
    pub fn get(&self, id: &str) -> Result<Option<Article>, IndexError> {
        let searcher = self.reader.searcher();
        match self.addresses(&searcher, id, 1)?.first() {
            Some(addr) => self.load(&searcher, *addr),
            None => Ok(None),
        }
    }

    /// The ids that start with `prefix`, in order, up to `limit` of them: read from the term
    /// dictionary of the `id` field, not from the articles.
    pub fn ids_starting(&self, prefix: &str, limit: usize) -> Result<Vec<String>, IndexError> {
        let searcher = self.reader.searcher();
        let mut ids: Vec<String> = Vec::new();
        for segment in searcher.segment_readers() {
            let found = contained(|| -> tantivy::Result<Vec<String>> {
                let inverted = segment.inverted_index(self.fields.id)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(prefix.as_bytes())
                    .into_stream()?;
                let mut found = Vec::new();
                while stream.advance() && found.len() < limit {
                    let Ok(id) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if !id.starts_with(prefix) {
                        break;
                    }
                    found.push(id.to_string());
                }
                Ok(found)
            })
            .map_err(|why| self.does_not_read(why))?
            .map_err(|e| self.error(e))?;
            ids.extend(found);
        }
        ids.sort();
        ids.dedup();
        // A term can outlive its deleted documents until its segment is merged.
        let mut alive = Vec::new();
        for id in ids {
            if alive.len() == limit {
                break;
            }
            if !self.addresses(&searcher, &id, 1)?.is_empty() {
                alive.push(id);
            }
        }
        Ok(alive)
    }

    /// Where the documents with an id are, up to `limit` of them.
    fn addresses(
        &self,
        searcher: &Searcher,
        id: &str,
        limit: usize,
    ) -> Result<Vec<tantivy::DocAddress>, IndexError> {
        let q = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = contained(|| {
            searcher.search(
                &q,
                &tantivy::collector::TopDocs::with_limit(limit.max(1)).order_by_score(),
            )
        })
        .map_err(|why| self.does_not_read(why))?
        .map_err(|e| self.error(e))?;
        Ok(top.into_iter().map(|(_, addr)| addr).collect())
    }

    pub(super) fn load(
        &self,
        searcher: &Searcher,
        addr: tantivy::DocAddress,
    ) -> Result<Option<Article>, IndexError> {
        // A damaged block index of the document store can make tantivy panic (an offset
        // that underflows) instead of returning an error: that is damage too.
        let doc: TantivyDocument = contained(|| searcher.doc(addr))
            .map_err(|why| {
                IndexError::Corrupt(
                    self.dir.clone(),
                    format!("the document store does not read ({why})"),
                )
            })?
            .map_err(|e| self.error(e))?;
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
        a.also_in = self.other_files(&a.id);
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

/// From every result, in no order: where the window of `limit` results holding one of the
/// `anchors` starts (in its middle, unless the anchor is among the first `limit`; `offset`
/// when no anchor is among them), and its results, best first. Linear in the results but
/// for the window's own sort.
fn window_around(
    mut every: Vec<Candidate>,
    anchors: &[tantivy::DocAddress],
    offset: usize,
    limit: usize,
) -> (usize, Vec<Candidate>) {
    let best_first = |a: &Candidate, b: &Candidate| b.cmp(a);
    let anchor = every
        .iter()
        .filter(|c| anchors.contains(&c.addr))
        .max()
        .copied();
    let start = match anchor {
        Some(a) => {
            let rank = every.iter().filter(|c| **c > a).count();
            if rank < limit { 0 } else { rank - limit / 2 }
        }
        None => offset,
    };
    if start >= every.len() {
        return (start, Vec::new());
    }
    if start > 0 {
        every.select_nth_unstable_by(start, best_first);
        every.drain(..start);
    }
    if limit < every.len() {
        every.select_nth_unstable_by(limit, best_first);
        every.truncate(limit);
    }
    every.sort_by(best_first);
    (start, every)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::index::segment::Holder;
    use tantivy::query::RegexQuery;

    /// `n` distinct words of three Han characters ending in 亭.
    fn ending_in_ting(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                let c = |k: usize| char::from_u32(0x4E00 + ((i * 7 + k * 13_001) % 20_000) as u32);
                [c(0), c(1)].into_iter().flatten().chain(['亭']).collect()
            })
            .collect()
    }

    fn inside(text: &str, holders: &[(String, usize)]) -> QueryTerm {
        QueryTerm {
            text: text.to_string(),
            position: 4,
            han: true,
            lookup: Lookup::Inside {
                word: false,
                holders: holders
                    .iter()
                    .map(|(w, offset)| Holder {
                        word: w.clone(),
                        offset: *offset,
                        df: 1,
                    })
                    .collect(),
                parts: Vec::new(),
            },
            joined: false,
        }
    }

    /// A count alone (no facets, no scores) is the total the whole search gives, with
    /// filters in the query and beside it, and with reading-state marks.
    #[test]
    fn a_count_is_the_total_of_the_same_search() {
        let data = tempfile::tempdir().unwrap();
        let (index, _) = Index::open(
            data.path(),
            &crate::index::CorpusSet::sample(),
            Default::default(),
            &mut |_| {},
        )
        .unwrap();
        let all = index.list(&Filter::default(), 100, 0).unwrap();
        let mut marks = Marks::default();
        for h in all.hits.iter().step_by(3) {
            marks.read.insert(&h.article.id);
        }
        let marks = std::sync::Arc::new(marks);
        let shandong = Filter {
            provinces: vec!["Shandong"],
            ..Filter::default()
        };
        let unread = Filter {
            marks: vec![crate::filter::Mark::Unread],
            ..Filter::default()
        };
        let mut checked = 0;
        for query in [
            "",
            "产教融合",
            "robots",
            "职业 -学院",
            "sector:logistics-cold-chain 学生",
        ] {
            for filter in [&Filter::default(), &shandong, &unread] {
                let req = SearchRequest {
                    query: query.to_string(),
                    filter: filter.clone(),
                    ..SearchRequest::new(query)
                };
                let total = index.search_marked(&req, Some(&marks)).unwrap().total;
                let count = index
                    .count(query.to_string(), filter, Some(&marks))
                    .unwrap();
                assert_eq!(count, total, "{query} {filter:?}");
                checked += usize::from(total > 0);
            }
        }
        assert!(
            checked >= 8,
            "most of these searches find something: {checked}"
        );
    }

    #[test]
    fn every_slot_pattern_is_one_tantivy_accepts() {
        let mut schema = tantivy::schema::Schema::builder();
        let f = schema.add_text_field("body", tantivy::schema::TEXT);
        let mut holders: Vec<(String, usize)> =
            ending_in_ting(30).into_iter().map(|w| (w, 2)).collect();
        holders.push(("亭台".to_string(), 0));
        let ways = phrase_ways(&inside("亭", &holders)).unwrap();
        // One slot at the words' start, one for the words that end in it.
        assert_eq!(ways.len(), 2, "{ways:?}");
        assert!(ways.contains(&vec![(4, "亭.+".to_string())]), "{ways:?}");
        for way in &ways {
            for (at, pattern) in way {
                assert!(*at == 4 || *at == 2, "{at}");
                assert!(RegexQuery::from_pattern(pattern, f).is_ok(), "{pattern}");
            }
        }
    }

    #[test]
    fn too_many_words_holding_a_term_past_their_start_make_no_slot() {
        let many: Vec<(String, usize)> =
            ending_in_ting(2_000).into_iter().map(|w| (w, 2)).collect();
        let pattern = |n: usize| {
            let words: Vec<String> = many[..n].iter().map(|(w, _)| regex::escape(w)).collect();
            format!("(?:{})", words.join("|"))
        };
        let mut schema = tantivy::schema::Schema::builder();
        let f = schema.add_text_field("body", tantivy::schema::TEXT);
        // As one pattern they are more than tantivy takes: no slot is made of them.
        assert!(RegexQuery::from_pattern(&pattern(2_000), f).is_err());
        assert_eq!(phrase_ways(&inside("亭", &many)), None);
        // Many words at the start are one small pattern.
        let heads: Vec<(String, usize)> = many.iter().map(|(w, _)| (format!("亭{w}"), 0)).collect();
        assert!(phrase_ways(&inside("亭", &heads)).is_some());
    }
}
