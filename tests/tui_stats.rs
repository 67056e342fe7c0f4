//! The statistics view (`t`): screens on a test terminal and key sequences over the sample
//! corpus.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::tui::action::Action;
use chanjiao::tui::stats::{Chart, Row};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tui_support::{assert_no_overflow, buffer, reader, screen};

fn bars(h: &chanjiao::tui::harness::Harness, chart: Chart) -> Vec<(String, usize)> {
    chanjiao::tui::stats::rows(chart, &h.app.results.facets, &h.app.filter)
        .iter()
        .filter_map(Row::bar)
        .map(|b| (b.value.clone(), b.count))
        .collect()
}

/// The screen, checked to fit its width on every line.
fn fitted(h: &chanjiao::tui::harness::Harness) -> String {
    assert_no_overflow(&buffer(h));
    screen(h)
}

#[test]
fn wide_statistics_view() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    assert!(h.app.stats.open);
    let text = fitted(&h);
    for title in [
        "省份 Provinces",
        "行业 Sectors",
        "时间 Timeline",
        "来源 Top sources",
    ] {
        assert!(text.contains(title), "{title} missing:\n{text}");
    }
    assert!(text.contains("全国 National"), "{text}");
    assert_snapshot!("stats_wide", text);
}

#[test]
fn narrow_statistics_view_shows_one_chart() {
    let mut h = reader(60, 20);
    h.press(KeyCode::Char('t'));
    assert_snapshot!("stats_narrow", fitted(&h));
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.stats.chart, Chart::Months);
    let text = fitted(&h);
    assert!(text.contains("时间 Timeline"), "{text}");
    assert!(text.contains("年 ─"), "a year heading shows: {text}");
    assert_snapshot!("stats_narrow_timeline", text);
}

#[test]
fn classic_terminal_size_fits() {
    let mut h = reader(80, 24);
    h.press(KeyCode::Char('t'));
    for _ in 0..4 {
        assert_no_overflow(&buffer(&h));
        h.press(KeyCode::Tab);
    }
}

#[test]
fn enter_on_a_bar_filters_like_the_sidebar() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    h.press(KeyCode::Char('t'));
    h.press(KeyCode::Tab);
    assert_eq!(h.app.stats.chart, Chart::Sectors);
    h.press(KeyCode::Char('j'));
    let (slug, count) = bars(&h, Chart::Sectors)[1].clone();
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.sectors, vec![slug.as_str()]);
    assert_eq!(h.app.results.total, count);
    assert!(count < all);
    // The sidebar shows the same filter, ticked; the list holds only that sector.
    let ticked = h.app.sidebar.entries.iter().any(|e| {
        matches!(e, chanjiao::tui::sidebar::Entry::Item { value, selected: true, .. } if *value == slug)
    });
    assert!(ticked);
    assert!(h.app.results.rows.iter().all(|r| r.sectors.contains(&slug)));
    // The chart keeps the other sectors (counts are disjunctive) and the cursor stays.
    assert!(bars(&h, Chart::Sectors).len() > 2);
    assert_eq!(h.app.stats.cursor[1].as_deref(), Some(slug.as_str()));
    // Enter again removes it; `t` goes back to the list.
    h.press(KeyCode::Char(' '));
    assert!(h.app.filter.sectors.is_empty());
    assert_eq!(h.app.results.total, all);
    h.press(KeyCode::Char('t'));
    assert!(!h.app.stats.open);
    assert!(screen(&h).contains("文章 Articles"));
}

#[test]
fn provinces_include_national_and_filter_it() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    let first = bars(&h, Chart::Provinces)[0].clone();
    assert_eq!(
        first.0,
        chanjiao::filter::NATIONAL,
        "most stories are national"
    );
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces, vec![chanjiao::filter::NATIONAL]);
    assert_eq!(h.app.results.total, first.1);
    h.press(KeyCode::Esc);
    assert!(!h.app.stats.open, "Esc closes the view");
    assert!(
        screen(&h).contains(&format!("{} / ", first.1)),
        "the list's count"
    );
}

#[test]
fn a_month_becomes_a_date_range() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    h.press(KeyCode::Char('t'));
    for _ in 0..3 {
        h.press(KeyCode::BackTab);
    }
    assert_eq!(h.app.stats.chart, Chart::Months);
    let months = bars(&h, Chart::Months);
    // The cursor starts on the newest month; step back to a month with articles.
    let mut at = months.len() - 1;
    while months[at].1 == 0 {
        h.press(KeyCode::Char('k'));
        at -= 1;
    }
    let (month, count) = months[at].clone();
    h.press(KeyCode::Enter);
    assert_eq!(
        h.app.filter.since.map(|d| d.format("%Y-%m").to_string()),
        Some(month.clone())
    );
    assert_eq!(h.app.results.total, count);
    assert!(h.app.results.rows.iter().all(|r| {
        r.published
            .is_some_and(|t| t.format("%Y-%m").to_string() == month)
    }));
    // The timeline keeps its other months, and the status line names the range.
    assert_eq!(bars(&h, Chart::Months), months);
    assert!(screen(&h).contains(&format!("filters: {month}")));
    h.press(KeyCode::Enter);
    assert!(h.app.filter.since.is_none() && h.app.filter.until.is_none());
    assert_eq!(h.app.results.total, all);
}

#[test]
fn a_topic_bar_filters_by_the_listing_pages_tag() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    while h.app.stats.chart != Chart::Topics {
        h.press(KeyCode::Tab);
    }
    let topics = bars(&h, Chart::Topics);
    assert!(topics.len() > 1, "{topics:?}");
    let (topic, count) = topics[0].clone();
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.topics, [topic]);
    assert_eq!(h.app.results.total, count);
    // The other topics keep their counts, as in the sidebar.
    assert_eq!(bars(&h, Chart::Topics), topics);
}

#[test]
fn the_view_follows_the_search() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    let before: usize = bars(&h, Chart::Provinces).iter().map(|b| b.1).sum();
    h.type_str("/联合体");
    h.press(KeyCode::Enter);
    assert!(h.app.stats.open, "the search line leaves the view open");
    let after: usize = bars(&h, Chart::Provinces).iter().map(|b| b.1).sum();
    assert!(after < before, "{after} < {before}");
}

#[test]
fn clicks_select_a_bar_then_filter() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    let areas = chanjiao::tui::draw::stats::chart_areas(
        chanjiao::tui::draw::stats::body(h.app.screen()),
        h.app.stats.chart,
    );
    let (_, sources) = areas.iter().find(|(c, _)| *c == Chart::Sources).unwrap();
    let third = bars(&h, Chart::Sources)[2].0.clone();
    let (column, row) = (sources.x + 4, sources.y + 3);
    h.send(Action::Click { column, row });
    assert_eq!(h.app.stats.chart, Chart::Sources);
    assert_eq!(
        h.app.stats.cursor[Chart::Sources.index()].as_deref(),
        Some(third.as_str())
    );
    assert!(h.app.filter.sources.is_empty());
    // The cursor moved, so the list scrolled: click where the bar is now.
    let s = chanjiao::tui::draw::stats::shown(&h.app, Chart::Sources, sources.height as usize - 2);
    let line = s.cursor.unwrap() - s.scroll;
    h.send(Action::Click {
        column,
        row: sources.y + 1 + line as u16,
    });
    assert_eq!(h.app.filter.sources, vec![third]);
}

#[test]
fn tiny_terminals_never_panic_in_the_view() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('t'));
    for (w, hh) in [
        (1, 1),
        (10, 3),
        (30, 8),
        (31, 9),
        (45, 12),
        (89, 19),
        (90, 20),
        (0, 0),
    ] {
        h.send(Action::Resize {
            width: w,
            height: hh,
        });
        h.press(KeyCode::Tab);
        tui_support::poke(&mut h, "jkGglh");
        let buf = buffer(&h);
        if w >= 30 && hh >= 8 {
            assert_no_overflow(&buf);
        }
    }
}

/// The four charts show together from a 90×22 terminal (the area between the search and
/// status lines is then 90×20), as the README says; one shows below that.
#[test]
fn every_chart_from_the_size_the_readme_gives() {
    use chanjiao::tui::strings::{
        STATS_MONTHS, STATS_PROVINCES, STATS_SECTORS, STATS_SOURCES, STATS_TOPICS,
    };
    let titles = [
        STATS_PROVINCES,
        STATS_SECTORS,
        STATS_MONTHS,
        STATS_TOPICS,
        STATS_SOURCES,
    ];
    let shown = |w: u16, hh: u16| {
        let mut h = reader(w, hh);
        h.press(KeyCode::Char('t'));
        let text = screen(&h);
        titles.iter().filter(|t| text.contains(t.trim())).count()
    };
    assert_eq!(shown(90, 22), 5);
    assert_eq!(shown(89, 22), 1);
    assert_eq!(shown(90, 21), 1);
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains("from a 90×22 terminal"),
        "the README gives the size"
    );
}
