//! A [`Catalog`] over articles held in memory: filters, a case- and script-folded AND search
//! over title and body (`"phrases"`, `-exclusion`, `OR`, the `province:`… filters of SPEC §5),
//! four orders and disjunctive facet counts. Fine for thousands of articles; the index-backed
//! catalog takes over for large corpora.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;
use crate::filter::{Filter, FilterError, Known, Mark, NATIONAL, OpenKnown, fold};
use crate::index::Unfiltered;
use crate::index::query::{self, Atom, Clause};
use crate::state::{MarkCounts, Marks};
use crate::tagging::sources::outlet;
use crate::text::{fold_for_search, narrow, offsets_back};

use super::backend::{Catalog, Counts, Facets, Highlighter, NoHits, Request, Response, Row, Sort};

/// Folds case, full-width forms and traditional characters as the index does, character
/// for character: the folded text has as many characters as `text`, each folded from the
/// one at the same place (byte lengths may differ: `Ａ` is `a`; see [`offsets_back`]).
pub fn fold_chars(text: &str) -> String {
    let lower = |c: char| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    };
    let searched = fold_for_search(text);
    if searched.chars().count() == text.chars().count() {
        searched.chars().map(lower).collect()
    } else {
        // Simplification changed the number of characters (never seen): fold width and
        // case only.
        text.chars().map(|c| lower(narrow(c))).collect()
    }
}

/// Lower case, simplified, whitespace collapsed: how query words are compared.
fn fold_query(s: &str) -> String {
    fold_chars(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Highlights folded terms wherever they occur as substrings.
pub struct TermHighlighter {
    terms: Vec<String>,
}

impl TermHighlighter {
    pub fn new(terms: Vec<String>) -> Self {
        let mut terms: Vec<String> = terms.into_iter().filter(|t| !t.is_empty()).collect();
        terms.sort();
        terms.dedup();
        TermHighlighter { terms }
    }
}

impl Highlighter for TermHighlighter {
    fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold_chars(text);
        let map = offsets_back(text, &folded);
        let back = |i: usize| {
            map.as_ref()
                .map_or(i, |m| m.get(i).copied().unwrap_or(text.len()))
        };
        let mut out: Vec<Range<usize>> = Vec::new();
        for t in &self.terms {
            for (i, m) in folded.match_indices(t.as_str()) {
                out.push(back(i)..back(i + m.len()));
            }
        }
        out.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
        for r in out {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        merged
    }
}

/// The whole corpus in memory.
pub struct MemoryCatalog {
    /// Newest first, undated last.
    articles: Vec<Article>,
    /// Folded title, per article.
    titles: Vec<String>,
    /// Folded body, per article.
    bodies: Vec<String>,
    /// The source facet value, per article.
    sources: Vec<Option<String>>,
    /// Folded names of each article's outlet (for the `source` filter).
    source_names: Vec<Vec<String>>,
    /// The outlets and topics, for values given in part (`source:Xinhua`).
    open_known: OpenKnown,
    /// Every folded outlet name: a `source` value that is one is taken as written.
    all_source_names: HashSet<String>,
    by_id: HashMap<String, usize>,
}

/// The outlets (by the value the sources facet shows, with their Chinese and English
/// names and the forms written in `articles`) and the topics of `articles`, each once.
fn open_known(
    articles: &[Article],
    sources: &[Option<String>],
    source_names: &[Vec<String>],
) -> OpenKnown {
    let mut known = OpenKnown::default();
    for (s, written) in sources.iter().zip(source_names) {
        let Some(s) = s else { continue };
        let at = match known.sources.iter().position(|k| &k.value == s) {
            Some(at) => at,
            None => {
                let names = outlet(s)
                    .map(|o| vec![o.zh.to_string(), o.en.to_string()])
                    .unwrap_or_default();
                known.sources.push(Known {
                    value: s.clone(),
                    names,
                });
                known.sources.len() - 1
            }
        };
        // The forms its articles write it in (`Zhong Guo Xin Wen Wang`).
        let names = &mut known.sources[at].names;
        for w in written {
            if !names.contains(w) {
                names.push(w.clone());
            }
        }
    }
    for t in articles.iter().filter_map(|a| a.topic.as_ref()) {
        if !known.topics.iter().any(|k| &k.value == t) {
            known.topics.push(Known {
                value: t.clone(),
                names: Vec::new(),
            });
        }
    }
    known
}

/// The value an article shows under the sources facet: the Chinese name when known.
pub fn source_value(a: &Article) -> Option<String> {
    a.source_zh.clone().or_else(|| a.source.clone())
}

/// One parsed word or phrase, folded.
struct Needle {
    text: String,
}

impl Needle {
    fn new(atom: &Atom) -> Vec<Needle> {
        match atom {
            // Every word must occur; Chinese needs no spaces, so a word is a substring.
            Atom::Words(t) => fold_query(t)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(|w| Needle {
                    text: w.to_string(),
                })
                .collect(),
            Atom::Phrase(t) => {
                let text = fold_query(t);
                if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Needle { text }]
                }
            }
        }
    }
}

/// A query compiled for matching: AND of OR-groups of (AND of needles), minus exclusions.
struct Compiled {
    any: Vec<Vec<Vec<Needle>>>,
    not: Vec<Vec<Needle>>,
    /// Filters written with a dash (`-province:四川`): what they select is left out.
    not_filters: Vec<Filter>,
    filter: Filter,
    /// The dates written in the query (`after:`), which the month counts keep.
    query_dates: Filter,
    /// How values given in part were taken.
    notes: Vec<String>,
    /// The filters written in the query, values given in part taken for what they name.
    written: Filter,
}

impl Compiled {
    fn new(request: &Request, catalog: &MemoryCatalog) -> anyhow::Result<Compiled> {
        let mut parsed = query::parse(&request.query)?;
        let mut notes = catalog.take_open_values(&mut parsed.filter)?;
        for clause in &mut parsed.clauses {
            if let Clause::NotFilter(f) = clause {
                notes.extend(catalog.take_open_values(f)?);
            }
        }
        // Places and terms in both languages, as the index searches them.
        crate::index::across_languages::widen(&mut parsed.clauses);
        let mut any = Vec::new();
        let mut not = Vec::new();
        let mut not_filters = Vec::new();
        for clause in &parsed.clauses {
            match clause {
                Clause::Any(atoms) if atoms.iter().all(Atom::is_blank) => {}
                Clause::Any(atoms) => {
                    // Text the index cannot search for (an emoji, punctuation) is not
                    // looked for here either: the two catalogs answer alike.
                    let alts: Vec<Vec<Needle>> = atoms
                        .iter()
                        .filter(|a| a.is_searchable())
                        .map(Needle::new)
                        .filter(|n| !n.is_empty())
                        .collect();
                    // No word to search for: an empty group, which nothing matches.
                    any.push(alts);
                }
                Clause::Not(atom) if atom.is_searchable() => {
                    let n = Needle::new(atom);
                    if !n.is_empty() {
                        not.push(n);
                    }
                }
                Clause::Not(_) => {}
                Clause::NotFilter(f) => not_filters.push(f.clone()),
            }
        }
        Ok(Compiled {
            any,
            not,
            not_filters,
            filter: query::merge(&request.filter, &parsed.filter),
            query_dates: Filter {
                since: parsed.filter.since,
                until: parsed.filter.until,
                ..Filter::default()
            },
            notes,
            written: parsed.filter,
        })
    }

    fn has_words(&self) -> bool {
        !self.any.is_empty()
    }

    fn terms(&self) -> Vec<String> {
        self.any
            .iter()
            .flatten()
            .flatten()
            .map(|n| n.text.clone())
            .collect()
    }

    /// The relevance of an article, `None` when it does not match the words.
    fn score(&self, title: &str, body: &str) -> Option<f32> {
        let hits = |needles: &[Needle]| -> Option<f32> {
            let mut total = 0.0;
            for n in needles {
                let t = title.matches(n.text.as_str()).count();
                let b = body.matches(n.text.as_str()).count();
                if t + b == 0 {
                    return None;
                }
                total += 3.0 * t as f32 + (b as f32).sqrt();
            }
            Some(total)
        };
        if self.not.iter().any(|n| hits(n).is_some()) {
            return None;
        }
        let mut score = 0.0;
        for group in &self.any {
            let best = group
                .iter()
                .filter_map(|n| hits(n))
                .fold(None, |acc: Option<f32>, s| {
                    Some(acc.map_or(s, |a| a.max(s)))
                });
            score += best?;
        }
        Some(score)
    }
}

impl MemoryCatalog {
    pub fn new(mut articles: Vec<Article>) -> Self {
        crate::filter::sort_newest_first(&mut articles);
        let titles = articles.iter().map(|a| fold_chars(&a.title)).collect();
        let bodies = articles.iter().map(|a| fold_chars(&a.body)).collect();
        let sources: Vec<Option<String>> = articles.iter().map(source_value).collect();
        let source_names: Vec<Vec<String>> = articles
            .iter()
            .map(|a| {
                [&a.source, &a.source_zh, &a.source_en]
                    .into_iter()
                    .flatten()
                    .map(|s| fold(s))
                    .collect()
            })
            .collect();
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let open_known = open_known(&articles, &sources, &source_names);
        let all_source_names = source_names.iter().flatten().cloned().collect();
        MemoryCatalog {
            articles,
            titles,
            bodies,
            sources,
            source_names,
            open_known,
            all_source_names,
            by_id,
        }
    }

    /// Takes outlets and topics given in part for those they name, as the index does.
    fn take_open_values(&self, f: &mut Filter) -> Result<Vec<String>, FilterError> {
        let exact = |facet: &'static str, v: &str| match facet {
            "source" => self.all_source_names.contains(&fold(v)),
            _ => (self.open_known.topics.iter()).any(|k| fold(&k.value) == fold(v)),
        };
        crate::filter::take_open_values(f, &self.open_known, &exact)
    }

    fn province_ok(f: &Filter, a: &Article) -> bool {
        f.provinces.is_empty()
            || f.provinces.iter().any(|p| {
                if *p == NATIONAL {
                    a.provinces.is_empty()
                } else {
                    a.provinces.iter().any(|q| q == p)
                }
            })
    }

    /// The reading-state filter: any of its values.
    fn marks_ok(f: &Filter, marks: &Marks, a: &Article) -> bool {
        f.marks.is_empty()
            || f.marks.iter().any(|m| match m {
                Mark::Unread => !marks.is_read(&a.id),
                Mark::Starred => marks.is_starred(&a.id),
            })
    }

    fn sector_ok(f: &Filter, a: &Article) -> bool {
        f.sectors.is_empty() || f.sectors.iter().any(|s| a.sectors.iter().any(|t| t == s))
    }

    fn source_ok(&self, f: &Filter, i: usize) -> bool {
        f.sources.is_empty()
            || f.sources
                .iter()
                .any(|s| self.source_names[i].contains(&fold(s)))
    }

    /// The topic filter, which facets never relax.
    fn topic_ok(f: &Filter, a: &Article) -> bool {
        let topics = Filter {
            topics: f.topics.clone(),
            ..Filter::default()
        };
        topics.matches(a)
    }

    /// The date range, relaxed only for the month counts.
    fn date_ok(f: &Filter, a: &Article) -> bool {
        let dates = Filter {
            since: f.since,
            until: f.until,
            ..Filter::default()
        };
        dates.matches(a)
    }
}

fn bump(map: &mut HashMap<String, usize>, key: &str) {
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

fn sorted(map: HashMap<String, usize>) -> Counts {
    let mut v: Counts = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn chronological(map: HashMap<String, usize>) -> Counts {
    let mut v: Counts = map.into_iter().collect();
    v.sort();
    v
}

impl Catalog for MemoryCatalog {
    fn search(&self, request: &Request) -> anyhow::Result<Response> {
        let q = Compiled::new(request, self)?;
        let f = &q.filter;
        let (mut provinces, mut sectors, mut sources, mut topics, mut months) = (
            HashMap::new(),
            HashMap::new(),
            HashMap::new(),
            HashMap::new(),
            HashMap::new(),
        );
        let mut marks = MarkCounts::default();
        let mut matched: Vec<(usize, f32)> = Vec::new();
        for (i, a) in self.articles.iter().enumerate() {
            if q.not_filters.iter().any(|n| n.matches(a)) {
                continue;
            }
            let Some(score) = q.score(&self.titles[i], &self.bodies[i]) else {
                continue;
            };
            // Each facet is counted with the filters of the others (disjunctive counts).
            let (p, s, o, t, m) = (
                Self::province_ok(f, a),
                Self::sector_ok(f, a),
                self.source_ok(f, i),
                Self::topic_ok(f, a),
                Self::marks_ok(f, &request.marks, a),
            );
            if p && s && o && t && Self::date_ok(f, a) {
                marks.unread += usize::from(!request.marks.is_read(&a.id));
                marks.starred += usize::from(request.marks.is_starred(&a.id));
            }
            if let (true, true, true, true, true, Some(when)) = (p, s, o, t, m, a.published)
                && Self::date_ok(&q.query_dates, a)
            {
                bump(&mut months, &when.format("%Y-%m").to_string());
            }
            if !m || !Self::date_ok(f, a) {
                continue;
            }
            if s && o && t {
                if a.provinces.is_empty() {
                    bump(&mut provinces, NATIONAL);
                }
                for name in &a.provinces {
                    bump(&mut provinces, name);
                }
            }
            if p && o && t {
                for slug in &a.sectors {
                    bump(&mut sectors, slug);
                }
            }
            if let (true, true, true, Some(src)) = (p, s, t, &self.sources[i]) {
                bump(&mut sources, src);
            }
            if let (true, true, true, Some(topic)) = (p, s, o, &a.topic) {
                bump(&mut topics, topic);
            }
            if p && s && o && t {
                matched.push((i, score));
            }
        }
        let arts = &self.articles;
        match request.sort {
            // Articles are stored newest first: a stable sort keeps that order on ties.
            Sort::Relevance if q.has_words() => {
                matched.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal))
            }
            Sort::Relevance | Sort::Newest => {}
            Sort::Oldest => matched.sort_by(|a, b| {
                let (x, y) = (arts[a.0].published, arts[b.0].published);
                match (x, y) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }),
        }
        let total = matched.len();
        let at = request
            .around
            .as_ref()
            .and_then(|id| matched.iter().position(|(i, _)| arts[*i].id == *id));
        let offset = match at {
            Some(at) if at < request.limit => 0,
            Some(at) => at - request.limit / 2,
            None => request.offset.min(total),
        };
        let rows = matched
            .iter()
            .skip(offset)
            .take(request.limit)
            .map(|(i, _)| Row::from_article(&arts[*i]))
            .collect();
        // As the index does: when the filters leave nothing of a search for words, how
        // many articles the words find without them.
        let filtered = !f.is_empty() || !q.not_filters.is_empty();
        let unfiltered = (total == 0 && filtered && q.has_words())
            .then(|| {
                (0..self.articles.len())
                    .filter(|&i| q.score(&self.titles[i], &self.bodies[i]).is_some())
                    .count()
            })
            .filter(|n| *n > 0)
            .map(|total| Unfiltered { total, query: None });
        let terms = q.terms();
        let hits: Arc<dyn Highlighter> = if terms.is_empty() {
            Arc::new(NoHits)
        } else {
            Arc::new(TermHighlighter::new(terms))
        };
        Ok(Response {
            rows,
            offset,
            total,
            facets: Facets {
                provinces: sorted(provinces),
                sectors: sorted(sectors),
                sources: sorted(sources),
                topics: sorted(topics),
                marks,
                months: chronological(months),
            },
            hits,
            problem: None,
            notes: q.notes.clone(),
            suggestion: None,
            unfiltered,
            written: q.written.clone(),
            anchor: request.around.clone(),
        })
    }

    fn get(&self, id: &str) -> Option<Article> {
        self.by_id.get(id).map(|i| self.articles[*i].clone())
    }

    fn len(&self) -> usize {
        self.articles.len()
    }
}
