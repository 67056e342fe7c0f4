//! Facet counts: how many of the matching articles fall in each province (including
//! national stories), sector, source, topic and month.
//!
//! Counts are disjunctive: the counts of one facet are taken with the filters of every
//! *other* facet applied but not its own, so selecting Shandong keeps Jiangsu's count
//! visible (and selecting it would widen the result to both).

use std::collections::HashMap;

use serde::Serialize;

/// One facet value and how many matching articles carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

/// Counts per facet. Provinces, sectors, sources and topics are sorted by count (then
/// name); months newest first. The province facet has the value
/// [`crate::filter::NATIONAL`] for national stories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub provinces: Vec<FacetCount>,
    pub sectors: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    pub topics: Vec<FacetCount>,
    pub months: Vec<FacetCount>,
}

impl Facets {
    /// The count of one value of a facet list (0 when absent).
    pub fn count(list: &[FacetCount], value: &str) -> usize {
        list.iter()
            .find(|c| c.value == value)
            .map_or(0, |c| c.count)
    }
}

/// The facets, in the order the collector keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Facet {
    Province = 0,
    Sector = 1,
    Source = 2,
    Topic = 3,
    Month = 4,
}

pub(crate) const FACETS: [Facet; 5] = [
    Facet::Province,
    Facet::Sector,
    Facet::Source,
    Facet::Topic,
    Facet::Month,
];

/// Counts by value, merged across segments.
pub(crate) type RawCounts = [HashMap<String, usize>; 5];

pub(crate) fn finish(raw: RawCounts) -> Facets {
    let sorted = |m: &HashMap<String, usize>| {
        let mut v: Vec<FacetCount> = m
            .iter()
            .map(|(k, c)| FacetCount {
                value: k.clone(),
                count: *c,
            })
            .collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        v
    };
    let mut months: Vec<FacetCount> = raw[Facet::Month as usize]
        .iter()
        .map(|(k, c)| FacetCount {
            value: k.clone(),
            count: *c,
        })
        .collect();
    months.sort_by(|a, b| b.value.cmp(&a.value));
    Facets {
        provinces: sorted(&raw[Facet::Province as usize]),
        sectors: sorted(&raw[Facet::Sector as usize]),
        sources: sorted(&raw[Facet::Source as usize]),
        topics: sorted(&raw[Facet::Topic as usize]),
        months,
    }
}
