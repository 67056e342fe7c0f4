//! One pass over the matching documents: facet filters checked on fast fields, the total,
//! disjunctive facet counts and the top hits in the requested order.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::facets::{FACETS, Facet, RawCounts};
use super::marks::{MarkFilter, SegmentMarks};
use super::schema::{UNDATED, names};
use super::search::Sort;
use crate::filter::fold;
use crate::state::MarkCounts;

/// Resolved facet filters: for each facet, the accepted values (`None` = no filter).
#[derive(Debug, Clone, Default)]
pub(crate) struct FacetFilters {
    pub provinces: Option<Vec<String>>,
    pub sectors: Option<Vec<String>>,
    /// Folded outlet names, matched against `source_keys`.
    pub sources: Option<Vec<String>>,
    /// Folded topics.
    pub topics: Option<Vec<String>>,
    /// Published range, inclusive, in seconds.
    pub since: Option<i64>,
    pub until: Option<i64>,
}

/// A hit candidate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub score: Score,
    pub addr: DocAddress,
    /// Bigger is better.
    key: (f32, i64),
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Greater = ranks higher. Ties: earlier document first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .0
            .total_cmp(&other.key.0)
            .then(self.key.1.cmp(&other.key.1))
            .then_with(|| other.addr.segment_ord.cmp(&self.addr.segment_ord))
            .then_with(|| other.addr.doc_id.cmp(&self.addr.doc_id))
    }
}

fn rank_key(sort: Sort, score: Score, published: i64) -> (f32, i64) {
    match sort {
        Sort::Relevance => (score, published),
        Sort::Newest => (0.0, published),
        Sort::Oldest => (
            0.0,
            if published == UNDATED {
                i64::MIN
            } else {
                -published
            },
        ),
    }
}

/// Where the reading-state facet stands among the facets a document can fail.
const MARKS: usize = FACETS.len();

pub(crate) struct Fruit {
    pub top: Vec<Candidate>,
    pub total: usize,
    pub counts: RawCounts,
    /// Reading-state counts (zero without marks).
    pub marks: MarkCounts,
}

/// [`FacetedTop::keep`] for every result, in no order (a window around one article is
/// found from them).
pub(crate) const EVERY: usize = usize::MAX;

pub(crate) struct FacetedTop {
    /// How many of the best results to keep, best first; [`EVERY`] keeps them all, in no
    /// order.
    pub keep: usize,
    pub sort: Sort,
    /// Only the total: no facet counts, no scores.
    pub count_only: bool,
    pub filters: FacetFilters,
    /// The reading-state facet, on the `id` field.
    pub marks: Option<MarkFilter>,
}

/// A facet's column in one segment, with the accepted ordinals when it is filtered.
struct FacetColumn {
    column: Option<StrColumn>,
    /// For filtered facets: accepted[ord].
    accepted: Option<Vec<bool>>,
    counts: Vec<usize>,
}

impl FacetColumn {
    fn new(
        column: Option<StrColumn>,
        filter: Option<&dyn Fn(&str) -> bool>,
    ) -> tantivy::Result<Self> {
        let n = column.as_ref().map_or(0, |c| c.num_terms());
        let accepted = match (filter, &column) {
            (Some(pred), Some(col)) => {
                let mut acc = vec![false; n];
                let mut s = String::new();
                for (ord, slot) in acc.iter_mut().enumerate() {
                    s.clear();
                    if col.ord_to_str(ord as u64, &mut s)? {
                        *slot = pred(&s);
                    }
                }
                Some(acc)
            }
            (Some(_), None) => Some(Vec::new()),
            (None, _) => None,
        };
        Ok(FacetColumn {
            column,
            accepted,
            counts: vec![0; n],
        })
    }

    /// Whether the document passes this facet's filter.
    fn passes(&self, doc: DocId) -> bool {
        match (&self.accepted, &self.column) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(acc), Some(col)) => col
                .term_ords(doc)
                .any(|o| acc.get(o as usize).copied().unwrap_or(false)),
        }
    }

    fn count(&mut self, doc: DocId) {
        if let Some(col) = &self.column {
            for o in col.term_ords(doc) {
                if let Some(c) = self.counts.get_mut(o as usize) {
                    *c += 1;
                }
            }
        }
    }

    fn harvest(&self, into: &mut HashMap<String, usize>) {
        let Some(col) = &self.column else { return };
        let mut s = String::new();
        for (ord, &c) in self.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            s.clear();
            if col.ord_to_str(ord as u64, &mut s).unwrap_or(false) {
                *into.entry(s.clone()).or_default() += c;
            }
        }
    }
}

pub(crate) struct SegmentTop {
    segment: SegmentOrdinal,
    keep: usize,
    sort: Sort,
    count_only: bool,
    published: Column<i64>,
    since: i64,
    until: i64,
    /// Counted columns, in `FACETS` order.
    counted: Vec<FacetColumn>,
    /// The source filter works on the folded-names column.
    source_keys: FacetColumn,
    marks: SegmentMarks,
    heap: BinaryHeap<std::cmp::Reverse<Candidate>>,
    /// Every result, when all are kept ([`EVERY`]).
    every: Vec<Candidate>,
    total: usize,
}

impl Collector for FacetedTop {
    type Fruit = Fruit;
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        let ff = reader.fast_fields();
        let f = &self.filters;
        let list = |v: &Option<Vec<String>>| v.clone();
        let provinces = list(&f.provinces);
        let sectors = list(&f.sectors);
        let topics = list(&f.topics);
        let sources = list(&f.sources);
        let in_list = |l: Vec<String>| move |s: &str| l.iter().any(|x| x == s);
        let province_pred = provinces.map(in_list);
        let sector_pred = sectors.map(in_list);
        let topic_pred = topics.map(|l| move |s: &str| l.contains(&fold(s)));
        let source_pred = sources.map(in_list);
        let counted = vec![
            FacetColumn::new(
                ff.str(names::PROVINCE)?,
                province_pred.as_ref().map(|p| p as &dyn Fn(&str) -> bool),
            )?,
            FacetColumn::new(
                ff.str(names::SECTOR)?,
                sector_pred.as_ref().map(|p| p as &dyn Fn(&str) -> bool),
            )?,
            // The source facet counts display names; its filter runs on `source_keys`.
            FacetColumn::new(ff.str(names::SOURCE)?, None)?,
            FacetColumn::new(
                ff.str(names::TOPIC)?,
                topic_pred.as_ref().map(|p| p as &dyn Fn(&str) -> bool),
            )?,
            FacetColumn::new(ff.str(names::MONTH)?, None)?,
        ];
        let source_keys = FacetColumn::new(
            ff.str(names::SOURCE_KEYS)?,
            source_pred.as_ref().map(|p| p as &dyn Fn(&str) -> bool),
        )?;
        Ok(SegmentTop {
            segment,
            keep: self.keep,
            sort: self.sort,
            count_only: self.count_only,
            published: ff.i64(names::PUBLISHED)?,
            since: f.since.unwrap_or(i64::MIN + 1),
            until: f.until.unwrap_or(i64::MAX),
            counted,
            source_keys,
            marks: SegmentMarks::new(reader, self.marks.as_ref())?,
            heap: BinaryHeap::new(),
            every: Vec::new(),
            total: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        !self.count_only && self.sort == Sort::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<Fruit>) -> tantivy::Result<Fruit> {
        let mut top: Vec<Candidate> = Vec::new();
        let mut total = 0;
        let mut counts: RawCounts = Default::default();
        let mut marks = MarkCounts::default();
        for f in fruits {
            top.extend(f.top);
            total += f.total;
            marks.unread += f.marks.unread;
            marks.starred += f.marks.starred;
            for (i, m) in f.counts.into_iter().enumerate() {
                for (k, v) in m {
                    *counts[i].entry(k).or_default() += v;
                }
            }
        }
        if self.keep != EVERY {
            top.sort_by(|a, b| b.cmp(a));
            top.truncate(self.keep);
        }
        Ok(Fruit {
            top,
            total,
            counts,
            marks,
        })
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = Fruit;

    fn collect(&mut self, doc: DocId, score: Score) {
        let published = self.published.first(doc).unwrap_or(UNDATED);
        if (self.since > i64::MIN + 1 || self.until < i64::MAX)
            && (published == UNDATED || published < self.since || published > self.until)
        {
            return;
        }
        // Which facet filters fail: none → a hit; exactly one → counts for that facet only.
        let mut failed: Option<usize> = None;
        for (i, fc) in self.counted.iter().enumerate() {
            let ok = if i == Facet::Source as usize {
                self.source_keys.passes(doc)
            } else {
                fc.passes(doc)
            };
            if !ok {
                if failed.is_some() {
                    return;
                }
                failed = Some(i);
            }
        }
        if !self.marks.passes(doc) {
            if failed.is_some() {
                return;
            }
            failed = Some(MARKS);
        }
        if self.count_only {
            if failed.is_none() {
                self.total += 1;
            }
            return;
        }
        match failed {
            Some(MARKS) => self.marks.count(doc),
            Some(i) => self.counted[i].count(doc),
            None => {
                self.total += 1;
                self.marks.count(doc);
                for fc in &mut self.counted {
                    fc.count(doc);
                }
                if self.keep > 0 {
                    let c = Candidate {
                        score,
                        addr: DocAddress::new(self.segment, doc),
                        key: rank_key(self.sort, score, published),
                    };
                    if self.keep == EVERY {
                        self.every.push(c);
                    } else if self.heap.len() < self.keep {
                        self.heap.push(std::cmp::Reverse(c));
                    } else if let Some(min) = self.heap.peek()
                        && c > min.0
                    {
                        self.heap.pop();
                        self.heap.push(std::cmp::Reverse(c));
                    }
                }
            }
        }
    }

    fn harvest(self) -> Fruit {
        let mut counts: RawCounts = Default::default();
        for (i, fc) in self.counted.iter().enumerate() {
            fc.harvest(&mut counts[i]);
        }
        debug_assert_eq!(FACETS.len(), counts.len());
        Fruit {
            top: self
                .heap
                .into_iter()
                .map(|r| r.0)
                .chain(self.every)
                .collect(),
            total: self.total,
            counts,
            marks: self.marks.counts,
        }
    }
}
