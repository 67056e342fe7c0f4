//! `chanjiao stats` on a terminal: the counts as bar charts scaled to the terminal's width
//! (provinces with 全国/National, sectors, a month-by-month timeline with the years marked,
//! the top outlets, topics). The reader's statistics view builds the same rows. A facet with
//! a filter marks its chosen values with `▸` and says that its counts leave the filter out.

use crate::cli::stats::{Selected, UNDATED, is_chosen};
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

/// What the report shows.
pub struct Report<'a> {
    pub total: usize,
    pub facets: &'a Facets,
    pub filter: &'a Filter,
    pub selected: &'a Selected,
    /// Articles without a date, counted after the months.
    pub undated: usize,
}

/// Said in the heading of a chart whose facet has a filter.
const WITHOUT_FILTER: &str = "(未按此项筛选 counts without this filter)";

/// One chart's lines: a heading, then a bar per value (at most `limit` bars), with the
/// labels padded to one width so that the bars start in one column; a chosen value (with
/// `filtered`, the chart of a facet with a filter) is marked `▸`.
fn section(
    out: &mut Vec<String>,
    heading: &str,
    rows: &[Row],
    limit: usize,
    w: usize,
    filtered: bool,
) {
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
    let heading = if filtered {
        format!("{}  {WITHOUT_FILTER}", heading.trim())
    } else {
        heading.trim().to_string()
    };
    out.push(fit(&heading, w).trim_end().to_string());
    let mut shown = 0;
    for row in rows {
        if shown == limit {
            break;
        }
        match row {
            Row::Year(y) => out.push(format!("  {y}年")),
            Row::Bar(b) => {
                shown += 1;
                let mark = if filtered && b.selected { '▸' } else { ' ' };
                let line = format!(
                    "{mark} {} {} {}",
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
pub fn render(report: &Report, w: usize, limit: Option<usize>) -> String {
    let facets = report.facets;
    let selected = report.selected;
    let tui_facets = backend::Facets {
        provinces: counts(&facets.provinces),
        sectors: counts(&facets.sectors),
        sources: counts(&facets.sources),
        months: counts(&facets.months),
        ..backend::Facets::default()
    };
    let mut out = vec![format!("{} articles", report.total)];
    let all = limit.unwrap_or(usize::MAX);
    // The outlets a filter names are marked by the names they are counted under, which
    // may not be the names typed (`Ren Min Ri Bao` is counted as 人民日报).
    let filter = Filter {
        sources: Vec::new(),
        ..report.filter.clone()
    };
    let charts = [
        (
            Chart::Provinces,
            strings::STATS_PROVINCES,
            all,
            &selected.provinces,
        ),
        (
            Chart::Sectors,
            strings::STATS_SECTORS,
            all,
            &selected.sectors,
        ),
        (Chart::Months, strings::STATS_MONTHS, all, &None),
        (
            Chart::Sources,
            strings::STATS_SOURCES,
            limit.unwrap_or(TOP_SOURCES),
            &selected.sources,
        ),
    ];
    for (chart, heading, n, chosen) in charts {
        let mut rows = stats::rows(chart, &tui_facets, &filter);
        if chart == Chart::Sources {
            for row in &mut rows {
                if let Row::Bar(b) = row {
                    b.selected = is_chosen(chosen, &b.value);
                }
            }
            // A chosen outlet that no article has is still shown, at 0, as the reader's
            // charts show a chosen province or sector.
            for value in chosen.iter().flatten() {
                if !rows
                    .iter()
                    .any(|r| r.bar().is_some_and(|b| &b.value == value))
                {
                    rows.push(Row::Bar(stats::Bar {
                        value: value.clone(),
                        zh: value.clone(),
                        en: String::new(),
                        count: 0,
                        selected: true,
                    }));
                }
            }
        }
        if chart == Chart::Months && report.undated > 0 {
            rows.push(Row::Bar(stats::Bar {
                value: UNDATED.to_string(),
                zh: "无日期".to_string(),
                en: "Undated".to_string(),
                count: report.undated,
                selected: false,
            }));
        }
        section(&mut out, heading, &rows, n, w, chosen.is_some());
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
                selected: is_chosen(&selected.topics, &c.value),
            })
        })
        .collect();
    let filtered = selected.topics.is_some();
    section(&mut out, "话题 Topics", &topics, all, w, filtered);
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

    /// The report of `facets()` (9 articles) for `filter`.
    fn report(filter: &Filter, undated: usize, w: usize) -> String {
        let facets = facets();
        let selected = Selected::new(filter, &facets);
        let r = Report {
            total: 9,
            facets: &facets,
            filter,
            selected: &selected,
            undated,
        };
        render(&r, w, None)
    }

    /// The lines of the timeline chart.
    fn timeline(text: &str) -> Vec<&str> {
        text.lines()
            .skip_while(|l| !l.contains("Timeline"))
            .skip(1)
            .take_while(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn charts_fit_the_width_and_mark_the_years() {
        let text = report(&Filter::default(), 0, 60);
        for line in text.lines() {
            assert!(width(line) <= 60, "{line:?}");
        }
        assert!(text.starts_with("9 articles\n"));
        assert!(text.contains("  全国 National        "), "{text}");
        assert!(text.contains("█"), "{text}");
        // The timeline runs oldest first with the empty month shown and each year marked.
        let months = timeline(&text);
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
        let text = report(&Filter::default(), 0, 80);
        let starts: Vec<usize> = text
            .lines()
            .filter(|l| l.contains("National") || l.contains("Inner Mongolia"))
            .map(|l| width(&l[..l.find('█').unwrap()]))
            .collect();
        assert_eq!(starts.len(), 2);
        assert_eq!(starts[0], starts[1], "{text}");
    }

    #[test]
    fn a_filtered_facet_marks_its_choice_and_says_its_counts_leave_the_filter_out() {
        let filter = Filter {
            provinces: vec!["Inner Mongolia"],
            sources: vec!["outlet 3".into()],
            ..Filter::default()
        };
        let text = report(&filter, 0, 100);
        let line = |start: &str| -> &str {
            text.lines()
                .find(|l| l.contains(start))
                .unwrap_or_else(|| panic!("{start}: {text}"))
        };
        assert!(line("Provinces").ends_with("(未按此项筛选 counts without this filter)"));
        assert!(line("Inner Mongolia").starts_with("▸ "), "{text}");
        assert!(line("National").starts_with("  "), "{text}");
        assert!(line("Top sources").contains("counts without this filter"));
        assert!(line("outlet 3 ").starts_with("▸ "), "{text}");
        assert!(line("outlet 4 ").starts_with("  "), "{text}");
        // Facets without a filter are as before.
        assert_eq!(line("Sectors"), "行业 Sectors");
        assert_eq!(line("Timeline"), "时间 Timeline");
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("▸ ") && l.contains("new-energy"))
        );
    }

    #[test]
    fn undated_articles_come_after_the_months() {
        let text = report(&Filter::default(), 2, 80);
        let months = timeline(&text);
        let last = months.last().unwrap();
        assert!(
            last.contains("无日期 Undated") && last.ends_with(" 2"),
            "{months:?}"
        );
        assert!(months[months.len() - 2].contains("1月 Jan"), "{months:?}");
        assert!(!report(&Filter::default(), 0, 80).contains("Undated"));
    }
}
