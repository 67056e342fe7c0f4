//! The statistics view (`t`): bar charts of the current results by province, sector, month,
//! listing-page topic and outlet, built from the facet counts every search returns. Its
//! state is which chart has the cursor and which value the cursor is on in each, so the
//! cursor stays on the same value when the counts change.

use chrono::NaiveDate;

use crate::filter::{Filter, NATIONAL};

use super::backend::{Counts, Facets};
use super::labels;

/// The charts, in the order `Tab` visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chart {
    #[default]
    Provinces,
    Sectors,
    Months,
    /// Listing-page topics.
    Topics,
    Sources,
}

impl Chart {
    pub const ALL: [Chart; 5] = [
        Chart::Provinces,
        Chart::Sectors,
        Chart::Months,
        Chart::Topics,
        Chart::Sources,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The next chart, wrapping around.
    pub fn cycle(self, forward: bool) -> Chart {
        let n = Chart::ALL.len();
        let step = if forward { 1 } else { n - 1 };
        Chart::ALL[(self.index() + step) % n]
    }
}

/// One bar: a facet value and how many of the results carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// English province name, sector slug, outlet name or month (`2025-10`).
    pub value: String,
    /// The label's main part (Chinese name, `10月`).
    pub zh: String,
    /// The label's second part, shown dimmer when there is room (may be empty).
    pub en: String,
    pub count: usize,
    /// The value is one of the active filters.
    pub selected: bool,
}

/// One line of a chart: a bar, or a year heading in the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    Bar(Bar),
}

impl Row {
    pub fn bar(&self) -> Option<&Bar> {
        match self {
            Row::Bar(b) => Some(b),
            Row::Year(_) => None,
        }
    }
}

/// The view: open or not, the chart with the cursor, the value under each chart's cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsView {
    pub open: bool,
    pub chart: Chart,
    pub cursor: [Option<String>; Chart::ALL.len()],
}

fn bar(value: &str, zh: &str, en: &str, count: usize, selected: bool) -> Row {
    Row::Bar(Bar {
        value: value.to_string(),
        zh: zh.to_string(),
        en: en.to_string(),
        count,
        selected,
    })
}

/// Counts with the selected values added (at 0 when absent), largest first, ties in `rank`
/// order.
fn ranked(counts: &Counts, selected: &[String], rank: impl Fn(&str) -> usize) -> Counts {
    let mut v = counts.clone();
    for s in selected {
        if !v.iter().any(|(x, _)| x == s) {
            v.push((s.clone(), 0));
        }
    }
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| rank(&a.0).cmp(&rank(&b.0)))
            .then_with(|| a.0.cmp(&b.0))
    });
    v
}

/// The first and last day of a month given as `YYYY-MM`.
pub fn month_range(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let (y, m) = value.split_once('-')?;
    let first = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    Some((first, last))
}

/// Whether the filter's date range is exactly this month.
pub fn month_selected(filter: &Filter, value: &str) -> bool {
    month_range(value).is_some_and(|(a, b)| filter.since == Some(a) && filter.until == Some(b))
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Months from the first to the last one counted, empty months included, with a heading
/// at each year. A span of more than this many months is shown without the gaps.
const MAX_SPAN: i32 = 600;

fn timeline(months: &Counts, filter: &Filter) -> Vec<Row> {
    let parse = |v: &str| -> Option<(i32, u32)> {
        let (y, m) = v.split_once('-')?;
        Some((y.parse().ok()?, m.parse().ok()?))
    };
    let mut known: Vec<((i32, u32), usize)> = months
        .iter()
        .filter_map(|(v, n)| parse(v).map(|ym| (ym, *n)))
        .filter(|((_, m), _)| (1..=12).contains(m))
        .collect();
    // A selected month with no articles still shows, so that it can be unselected.
    if let Some(a) = filter.since {
        let value = a.format("%Y-%m").to_string();
        if month_selected(filter, &value)
            && let Some(k) = parse(&value)
            && !known.iter().any(|(x, _)| *x == k)
        {
            known.push((k, 0));
        }
    }
    known.sort();
    let (Some(first), Some(last)) = (known.first(), known.last()) else {
        return Vec::new();
    };
    let index = |(y, m): (i32, u32)| y * 12 + m as i32 - 1;
    let span = index(last.0) - index(first.0);
    let all: Vec<((i32, u32), usize)> = if span > MAX_SPAN {
        known.clone()
    } else {
        (index(first.0)..=index(last.0))
            .map(|i| {
                let ym = (i.div_euclid(12), i.rem_euclid(12) as u32 + 1);
                let n = known.iter().find(|(k, _)| *k == ym).map_or(0, |(_, n)| *n);
                (ym, n)
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut year = None;
    for ((y, m), n) in all {
        if year != Some(y) {
            out.push(Row::Year(y));
            year = Some(y);
        }
        let value = format!("{y:04}-{m:02}");
        let selected = month_selected(filter, &value);
        let en = MONTHS_EN.get(m as usize - 1).copied().unwrap_or("");
        out.push(bar(&value, &format!("{m:>2}月"), en, n, selected));
    }
    out
}

/// The rows of one chart for these counts and this filter.
pub fn rows(chart: Chart, facets: &Facets, filter: &Filter) -> Vec<Row> {
    match chart {
        Chart::Provinces => {
            let selected: Vec<String> = filter.provinces.iter().map(|s| s.to_string()).collect();
            ranked(&facets.provinces, &selected, labels::province_rank)
                .iter()
                .map(|(v, n)| {
                    let zh = labels::province_zh(v).unwrap_or("");
                    let en = if v == NATIONAL { "National" } else { v };
                    bar(v, zh, en, *n, selected.contains(v))
                })
                .collect()
        }
        Chart::Sectors => {
            let selected: Vec<String> = filter.sectors.iter().map(|s| s.to_string()).collect();
            let rank = |slug: &str| {
                crate::tagging::sectors::sectors()
                    .iter()
                    .position(|s| s.slug == slug)
                    .unwrap_or(usize::MAX)
            };
            ranked(&facets.sectors, &selected, rank)
                .iter()
                .map(|(v, n)| {
                    let (zh, en) = labels::sector(v).map_or((v.as_str(), ""), |s| {
                        (s.zh, s.en.split(',').next().unwrap_or(s.en))
                    });
                    bar(v, zh, en, *n, selected.contains(v))
                })
                .collect()
        }
        Chart::Months => timeline(&facets.months, filter),
        Chart::Topics => open_bars(&facets.topics, &filter.topics),
        Chart::Sources => open_bars(&facets.sources, &filter.sources),
    }
}

/// The bars of a facet whose values are as the articles write them (outlets, topics).
fn open_bars(counts: &Counts, selected: &[String]) -> Vec<Row> {
    ranked(counts, selected, |_| 0)
        .iter()
        .map(|(v, n)| bar(v, v, "", *n, selected.contains(v)))
        .collect()
}

/// Where the cursor is among `rows`: on its value, else on the first bar (the newest month
/// in the timeline). `None` when the chart has no bars.
pub fn cursor_row(rows: &[Row], chart: Chart, value: Option<&str>) -> Option<usize> {
    let bars = || rows.iter().enumerate().filter(|(_, r)| r.bar().is_some());
    let found = value.and_then(|v| {
        bars()
            .find(|(_, r)| r.bar().is_some_and(|b| b.value == v))
            .map(|(i, _)| i)
    });
    found.or_else(|| {
        if chart == Chart::Months {
            bars().next_back().map(|(i, _)| i)
        } else {
            bars().next().map(|(i, _)| i)
        }
    })
}

/// The value `delta` bars away from the cursor (stopping at the ends).
pub fn stepped(rows: &[Row], at: Option<usize>, delta: isize) -> Option<String> {
    let bars: Vec<usize> = (0..rows.len())
        .filter(|i| rows[*i].bar().is_some())
        .collect();
    let pos = at
        .and_then(|a| bars.iter().position(|i| *i == a))
        .unwrap_or(0);
    let to = pos
        .saturating_add_signed(delta)
        .min(bars.len().checked_sub(1)?);
    rows.get(bars[to])
        .and_then(Row::bar)
        .map(|b| b.value.clone())
}

/// The first line shown of `len` lines in `height`: the cursor kept in the middle.
pub fn scroll(len: usize, height: usize, cursor: Option<usize>) -> usize {
    let c = cursor.unwrap_or(0);
    c.saturating_sub(height / 2).min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets() -> Facets {
        Facets {
            provinces: vec![("Shandong".into(), 3), (NATIONAL.into(), 5)],
            sectors: vec![("food".into(), 2)],
            sources: vec![("人民日报".into(), 4)],
            months: vec![("2024-11".into(), 1), ("2025-02".into(), 2)],
            ..Facets::default()
        }
    }

    #[test]
    fn timeline_fills_gaps_and_marks_years() {
        let rows = rows(Chart::Months, &facets(), &Filter::default());
        let shown: Vec<String> = rows
            .iter()
            .map(|r| match r {
                Row::Year(y) => format!("{y}"),
                Row::Bar(b) => format!("{}={}", b.value, b.count),
            })
            .collect();
        assert_eq!(
            shown,
            [
                "2024",
                "2024-11=1",
                "2024-12=0",
                "2025",
                "2025-01=0",
                "2025-02=2"
            ]
        );
        // The cursor starts on the newest month.
        assert_eq!(cursor_row(&rows, Chart::Months, None), Some(5));
    }

    #[test]
    fn provinces_rank_by_count_and_keep_selected_values() {
        let f = Filter {
            provinces: vec!["Tibet"],
            ..Filter::default()
        };
        let rows = rows(Chart::Provinces, &facets(), &f);
        let values: Vec<(&str, usize, bool)> = rows
            .iter()
            .filter_map(Row::bar)
            .map(|b| (b.value.as_str(), b.count, b.selected))
            .collect();
        assert_eq!(
            values,
            [
                (NATIONAL, 5, false),
                ("Shandong", 3, false),
                ("Tibet", 0, true)
            ]
        );
        assert_eq!(rows[0].bar().map(|b| b.zh.as_str()), Some("全国"));
    }

    #[test]
    fn moving_stops_at_the_ends() {
        let rows = rows(Chart::Months, &facets(), &Filter::default());
        assert_eq!(stepped(&rows, Some(5), 1).as_deref(), Some("2025-02"));
        assert_eq!(stepped(&rows, Some(5), -1).as_deref(), Some("2025-01"));
        assert_eq!(stepped(&rows, Some(5), -99).as_deref(), Some("2024-11"));
        assert_eq!(stepped(&[], None, 1), None);
    }

    #[test]
    fn a_month_is_a_date_range() {
        let (a, b) = month_range("2024-02").unwrap();
        assert_eq!(
            (a.to_string(), b.to_string()),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert!(month_range("2024-13").is_none());
        let f = Filter {
            since: Some(a),
            until: Some(b),
            ..Filter::default()
        };
        assert!(month_selected(&f, "2024-02"));
        assert!(!month_selected(&f, "2024-03"));
    }
}
