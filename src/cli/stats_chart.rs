//! `chanjiao stats` on a terminal: the counts as bar charts scaled to the terminal's width
//! (provinces with 全国/National, sectors, a month-by-month timeline with the years marked,
//! the top outlets, topics). The reader's statistics view builds the same rows.

use crate::filter::Filter;
use crate::index::{FacetCount, Facets};
use crate::tui::backend::{self, Counts};
use crate::tui::draw::stats::bar_text;
use crate::tui::stats::{self, Chart, Row};
use crate::tui::strings;
use crate::tui::text::{fit, fit_right, width};

/// Outlets shown unless `--limit` says otherwise.
pub const TOP_SOURCES: usize = 15;

fn counts(list: &[FacetCount]) -> Counts {
    list.iter().map(|c| (c.value.clone(), c.count)).collect()
}

/// One chart's lines: a heading, then a bar per value (at most `limit` bars), with the
/// labels padded to one width so that the bars start in one column.
fn section(out: &mut Vec<String>, heading: &str, rows: &[Row], limit: usize, w: usize) {
    let bars: Vec<&stats::Bar> = rows.iter().filter_map(Row::bar).collect();
    if bars.is_empty() {
        return;
    }
    let label = |b: &stats::Bar| {
        if b.en.is_empty() {
            b.zh.clone()
        } else {
            format!("{} {}", b.zh, b.en)
        }
    };
    let max = bars.iter().map(|b| b.count).max().unwrap_or(0);
    let count_w = width(&max.to_string());
    let avail = w.saturating_sub(2 + 1 + 1 + count_w);
    let label_w = bars
        .iter()
        .map(|b| width(&label(b)))
        .max()
        .unwrap_or(0)
        .min(avail / 2);
    let bar_w = avail - label_w;
    out.push(String::new());
    out.push(heading.trim().to_string());
    let mut shown = 0;
    for row in rows {
        if shown == limit {
            break;
        }
        match row {
            Row::Year(y) => out.push(format!("  {y}年")),
            Row::Bar(b) => {
                shown += 1;
                let line = format!(
                    "  {} {} {}",
                    fit(&label(b), label_w),
                    fit(&bar_text(b.count, max, bar_w), bar_w),
                    fit_right(&b.count.to_string(), count_w)
                );
                out.push(line.trim_end().to_string());
            }
        }
    }
    if bars.len() > shown {
        out.push(format!("  … {} more", bars.len() - shown));
    }
}

/// The whole report for a terminal `w` columns wide.
pub fn render(
    total: usize,
    facets: &Facets,
    filter: &Filter,
    w: usize,
    limit: Option<usize>,
) -> String {
    let tui_facets = backend::Facets {
        provinces: counts(&facets.provinces),
        sectors: counts(&facets.sectors),
        sources: counts(&facets.sources),
        months: counts(&facets.months),
        ..backend::Facets::default()
    };
    let mut out = vec![format!("{total} articles")];
    let all = limit.unwrap_or(usize::MAX);
    let charts = [
        (Chart::Provinces, strings::STATS_PROVINCES, all),
        (Chart::Sectors, strings::STATS_SECTORS, all),
        (Chart::Months, strings::STATS_MONTHS, all),
        (
            Chart::Sources,
            strings::STATS_SOURCES,
            limit.unwrap_or(TOP_SOURCES),
        ),
    ];
    for (chart, heading, n) in charts {
        let rows = stats::rows(chart, &tui_facets, filter);
        section(&mut out, heading, &rows, n, w);
    }
    let topics: Vec<Row> = facets
        .topics
        .iter()
        .map(|c| {
            Row::Bar(stats::Bar {
                value: c.value.clone(),
                zh: c.value.clone(),
                en: String::new(),
                count: c.count,
                selected: false,
            })
        })
        .collect();
    section(&mut out, "话题 Topics", &topics, all, w);
    out.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fc(value: &str, count: usize) -> FacetCount {
        FacetCount {
            value: value.into(),
            count,
        }
    }

    fn facets() -> Facets {
        Facets {
            provinces: vec![fc("National", 6), fc("Inner Mongolia", 3)],
            sectors: vec![fc("new-energy-vehicles", 2)],
            sources: (0..20)
                .map(|i| fc(&format!("outlet {i}"), 20 - i))
                .collect(),
            topics: vec![fc("产教融合", 4)],
            months: vec![fc("2026-01", 2), fc("2025-11", 5)],
        }
    }

    #[test]
    fn charts_fit_the_width_and_mark_the_years() {
        let text = render(9, &facets(), &Filter::default(), 60, None);
        for line in text.lines() {
            assert!(width(line) <= 60, "{line:?}");
        }
        assert!(text.starts_with("9 articles\n"));
        assert!(text.contains("  全国 National        "), "{text}");
        assert!(text.contains("█"), "{text}");
        // The timeline runs oldest first with the empty month shown and each year marked.
        let months: Vec<&str> = text
            .lines()
            .skip_while(|l| !l.contains("Timeline"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect();
        assert_eq!(months.len(), 5, "{months:?}");
        assert_eq!(months[0].trim(), "2025年");
        assert!(months[1].contains("11月 Nov"));
        assert!(
            months[2].contains("12月 Dec") && months[2].ends_with(" 0"),
            "{months:?}"
        );
        assert_eq!(months[3].trim(), "2026年");
        // Top sources only, with what was left out.
        assert!(text.contains("outlet 14"));
        assert!(!text.contains("outlet 15"));
        assert!(text.contains("… 5 more"));
    }

    #[test]
    fn bars_are_aligned_across_cjk_and_latin_labels() {
        let text = render(9, &facets(), &Filter::default(), 80, None);
        let starts: Vec<usize> = text
            .lines()
            .filter(|l| l.contains("National") || l.contains("Inner Mongolia"))
            .map(|l| width(&l[..l.find('█').unwrap()]))
            .collect();
        assert_eq!(starts.len(), 2);
        assert_eq!(starts[0], starts[1], "{text}");
    }
}
