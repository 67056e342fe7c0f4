//! Key sequences on the reader's state: navigation, live search, filters, order, hits, mouse.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::filter::NATIONAL;
use chanjiao::tui::action::Action;
use chanjiao::tui::backend::Sort;
use chanjiao::tui::effect::Effect;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::layout::Panel;
use std::sync::Arc;

use chanjiao::article::Article;
use chanjiao::tui::app::App;
use chanjiao::tui::memory::MemoryCatalog;
use chanjiao::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tui_support::{buffer, lines, reader, screen};

#[test]
fn opens_with_every_article_newest_first() {
    let h = reader(120, 40);
    let all = h.catalog.len();
    assert!(all >= 30);
    assert_eq!(h.app.results.total, all);
    assert_eq!(h.app.list.selected, 0);
    let dates: Vec<_> = h.app.results.rows.iter().map(|r| r.published).collect();
    let dated: Vec<_> = dates.iter().flatten().collect();
    assert!(dated.windows(2).all(|w| w[0] >= w[1]), "newest first");
    // The first article is open in the detail pane.
    assert_eq!(
        h.app.detail.article.as_ref().map(|a| a.id.clone()),
        h.app.selected_row().map(|r| r.id.clone())
    );
}

#[test]
fn moving_in_the_list_opens_the_selection() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Down);
    assert_eq!(h.app.list.selected, 2);
    h.press(KeyCode::Char('k'));
    assert_eq!(h.app.list.selected, 1);
    let id = h.app.selected_row().map(|r| r.id.clone());
    assert_eq!(h.app.detail.article.as_ref().map(|a| a.id.clone()), id);
    h.press(KeyCode::Char('G'));
    assert_eq!(h.app.list.selected, h.app.results.total - 1);
    h.press(KeyCode::Home);
    assert_eq!(h.app.list.selected, 0);
    h.press(KeyCode::PageDown);
    let page = h.app.list.selected;
    assert!(page > 1, "a page is more than one row");
    h.key(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(h.app.list.selected, 0);
    h.key(KeyCode::Char('d'), KeyModifiers::CONTROL);
    assert_eq!(h.app.list.selected, page);
}

#[test]
fn panels_cycle_and_move() {
    let mut h = reader(120, 40);
    assert_eq!(h.app.focus, Panel::List);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus, Panel::Detail);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus, Panel::Sidebar);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.app.focus, Panel::Detail);
    h.key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(h.app.focus, Panel::List);
    h.press(KeyCode::Left);
    assert_eq!(h.app.focus, Panel::Sidebar);
    h.press(KeyCode::Left);
    assert_eq!(h.app.focus, Panel::Sidebar);
    h.press(KeyCode::Char('l'));
    h.press(KeyCode::Right);
    assert_eq!(h.app.focus, Panel::Detail);
    h.press(KeyCode::Esc);
    assert_eq!(h.app.focus, Panel::List);
}

/// `h` and `l` go to the panel on that side as the screen shows it, whatever the layout:
/// beside the list (wide), above it on a screen of its own (narrow), stacked or alone.
#[test]
fn h_and_l_reach_every_panel_in_every_layout() {
    for (w, hgt) in [(120, 40), (80, 24), (80, 12), (60, 30)] {
        let mut h = reader(w, hgt);
        let first = h.app.selected_row().map(|r| r.id.clone());
        h.press(KeyCode::Enter);
        assert_eq!(h.app.focus, Panel::Detail, "{w}×{hgt}");
        let alone = !h.app.areas().shows(Panel::List);
        h.press(KeyCode::Char('h'));
        if alone {
            // The article alone on screen: the list is the page to its left.
            assert_eq!(h.app.focus, Panel::List, "{w}×{hgt}");
            h.press(KeyCode::Left);
        }
        assert_eq!(
            h.app.focus,
            Panel::Sidebar,
            "{w}×{hgt}: h reaches the filters"
        );
        assert!(h.app.areas().shows(Panel::Sidebar), "{w}×{hgt}");
        // j moves in the filters, not in the list; Space toggles a filter.
        h.press(KeyCode::Char('j'));
        assert_eq!(
            h.app.selected_row().map(|r| r.id.clone()),
            first,
            "{w}×{hgt}"
        );
        h.press(KeyCode::Char('l'));
        assert_eq!(h.app.focus, Panel::List, "{w}×{hgt}");
        h.press(KeyCode::Right);
        assert_eq!(h.app.focus, Panel::Detail, "{w}×{hgt}");
        h.press(KeyCode::Right);
        assert_eq!(
            h.app.focus,
            Panel::Detail,
            "{w}×{hgt}: nothing right of the article"
        );
    }
}

#[test]
fn enter_opens_and_the_article_scrolls() {
    let mut h = reader(100, 24);
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus, Panel::Detail);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.detail.scroll, 2);
    h.press(KeyCode::Char('G'));
    let end = h.app.detail.scroll;
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.detail.scroll, end, "no scrolling past the end");
    h.press(KeyCode::Char('g'));
    assert_eq!(h.app.detail.scroll, 0);
}

#[test]
fn search_is_live_and_esc_clears_it() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    h.press(KeyCode::Char('/'));
    let before = h.effects.len();
    h.type_str("联合体");
    // One search per keystroke, each newer than the last.
    let seqs: Vec<u64> = h.effects[before..]
        .iter()
        .filter_map(|e| match e {
            Effect::Search { seq, .. } => Some(*seq),
            _ => None,
        })
        .collect();
    assert_eq!(seqs.len(), 3);
    assert!(seqs.windows(2).all(|w| w[0] < w[1]));
    let found = h.app.results.total;
    assert!(found > 0 && found < all, "{found} of {all}");
    // `q` is a letter while typing.
    h.type_str("q");
    assert!(!h.app.quit);
    assert_eq!(h.app.query, "联合体q");
    h.press(KeyCode::Backspace);
    assert_eq!(h.app.results.total, found);
    h.press(KeyCode::Esc);
    assert!(!h.app.searching);
    assert!(h.app.query.is_empty());
    assert_eq!(h.app.results.total, all);
}

#[test]
fn enter_keeps_the_query_and_q_quits() {
    let mut h = reader(120, 40);
    h.type_str("/联合体");
    h.press(KeyCode::Enter);
    assert!(!h.app.searching);
    assert_eq!(h.app.query, "联合体");
    assert_eq!(h.app.focus, Panel::List);
    h.press(KeyCode::Esc);
    assert!(h.app.query.is_empty(), "Esc in the list clears the search");
    h.press(KeyCode::Char('q'));
    assert!(h.app.quit);
    assert_eq!(h.effects.last(), Some(&Effect::Quit));
}

#[test]
fn stale_results_are_dropped() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    // A search that answers after a newer one was asked for changes nothing.
    let old = h.app.search_seq;
    h.app.search_seq += 1;
    let resp = h
        .catalog
        .search(&chanjiao::tui::backend::Request {
            query: "联合体".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    h.send(Action::Searched {
        seq: old,
        result: Ok(std::sync::Arc::new(resp)),
    });
    assert_eq!(h.app.results.total, all);
}

#[test]
fn a_bad_query_keeps_the_results_and_says_why() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    h.type_str("/province:Atlantis");
    assert_eq!(h.app.results.total, all);
    let err = h.app.error.clone().unwrap_or_default();
    assert!(err.contains("Atlantis"), "{err}");
    let text = lines(&buffer(&h)).join("\n");
    assert!(
        text.contains("Atlantis"),
        "the status line shows the problem"
    );
    h.press(KeyCode::Esc);
    assert!(h.app.error.is_none());
}

/// A query with a mistake shows the results of its part before the mistake, whether it
/// was typed key by key or arrived at once after a half-typed word that matched nothing,
/// and says what is wrong; dates that exclude each other are such a mistake.
#[test]
fn every_query_mistake_keeps_the_results_of_the_part_before_it() {
    let ids =
        |h: &Harness| -> Vec<String> { h.app.results.rows.iter().map(|r| r.id.clone()).collect() };
    let cases = [
        ("province:xx", "province:", "xx"),
        ("province:Sh", "province:", "Sh"),
        ("after:2025-13", "after:2025-1", "2025-13"),
        ("after:abc", "after:", "abc"),
        ("sector:xyz", "sector:", "xyz"),
        (
            "after:2025 before:2024",
            "after:2025 before:",
            "no article could match",
        ),
    ];
    for (query, before, says) in cases {
        let mut expected = reader(120, 40);
        expected.type_str(&format!("/{before}"));
        assert!(expected.app.error.is_none(), "{before}");

        // Key by key.
        let mut h = reader(120, 40);
        h.type_str(&format!("/{query}"));
        assert_eq!(ids(&h), ids(&expected), "{query}");
        let err = h.app.error.clone().unwrap_or_default();
        assert!(err.contains(says), "{query}: {err}");

        // All at once, after a half-typed word that matched nothing.
        let mut h = reader(120, 40);
        h.type_str("/zzqq");
        assert_eq!(h.app.results.total, 0);
        h.app.query = query[..query.len() - 1].to_string();
        h.type_str(&query[query.len() - 1..]);
        assert_eq!(ids(&h), ids(&expected), "{query} at once");
        assert!(h.app.error.as_deref().unwrap_or_default().contains(says));
        let shown = lines(&buffer(&h)).join("\n");
        assert!(!shown.contains("Nothing matches"), "{query}:\n{shown}");
    }
}

#[test]
fn sidebar_filters_or_within_and_across_facets() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    h.press(KeyCode::Char('h'));
    // Past Unread and Starred to 全国 National, the first province.
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces, vec![NATIONAL]);
    let national = h.app.results.total;
    assert!(national > 0 && national < all);
    assert!(h.app.results.rows.iter().all(|r| r.provinces.is_empty()));
    // Another province widens the result (OR within a facet)…
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char(' '));
    assert_eq!(h.app.filter.provinces.len(), 2);
    let two = h.app.results.total;
    assert!(two > national);
    // …and the province counts stay visible (disjunctive facets).
    let provinces = h.app.results.facets.provinces.len();
    assert!(provinces > 2, "{provinces} province values still listed");
    // A sector narrows it (AND across facets).
    let sector_at = h
        .app
        .sidebar
        .entries
        .iter()
        .position(|e| {
            matches!(
                e,
                chanjiao::tui::sidebar::Entry::Item {
                    facet: chanjiao::tui::sidebar::Facet::Sector,
                    ..
                }
            )
        })
        .unwrap();
    while h.app.sidebar.cursor < sector_at {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.sectors.len(), 1);
    assert!(h.app.results.total <= two);
    // Toggling again removes it; `c` clears everything.
    h.press(KeyCode::Enter);
    assert!(h.app.filter.sectors.is_empty());
    assert_eq!(h.app.results.total, two);
    h.press(KeyCode::Char('c'));
    assert!(h.app.filter.is_empty());
    assert_eq!(h.app.results.total, all);
}

#[test]
fn an_empty_list_says_what_the_words_find_without_the_filters() {
    let mut h = reader(120, 40);
    h.type_str("/无人机");
    let drones = h.app.results.total;
    assert!(drones > 0);
    h.type_str(" province:西藏");
    assert_eq!(h.app.results.total, 0);
    let shown = screen(&h);
    let noun = if drones == 1 { "article" } else { "articles" };
    assert!(
        shown.contains(&format!("{drones} {noun} without the filters.")),
        "{shown}"
    );
}

#[test]
fn an_empty_list_says_what_misspelt_words_put_right_find_without_the_filters() {
    let mut h = chanjiao::tui::harness::Harness::new(tui_support::indexed_sample(), 120, 40);
    h.type_str("/robots");
    let robots = h.app.results.total;
    assert!(robots > 1);
    h.press(KeyCode::Esc);
    h.type_str("/robtos province:西藏");
    assert_eq!(h.app.results.total, 0);
    let shown = screen(&h);
    assert!(
        shown.contains(&format!(
            "'robots' finds {robots} articles without the filters."
        )),
        "{shown}"
    );
}

#[test]
fn a_listing_pages_topic_is_a_filter_in_the_sidebar() {
    use chanjiao::tui::sidebar::{Entry, Facet};
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    let topics = h.app.results.facets.topics.clone();
    assert!(topics.len() > 1, "{topics:?}");
    let (topic, count) = topics[0].clone();
    let at = (h.app.sidebar.entries.iter())
        .position(
            |e| matches!(e, Entry::Item { facet: Facet::Topic, value, .. } if *value == topic),
        )
        .expect("the topic is listed");
    h.press(KeyCode::Char('h'));
    while h.app.sidebar.cursor < at {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.topics, std::slice::from_ref(&topic));
    assert_eq!(h.app.results.total, count);
    assert!(count < all);
    // The other topics keep their counts, to add to this one.
    assert_eq!(h.app.results.facets.topics, topics);
    let shown = screen(&h);
    assert!(shown.contains(&format!("filters: {topic}")), "{shown}");
    assert!(shown.contains("话题 Topics"), "{shown}");
    h.press(KeyCode::Enter);
    assert!(h.app.filter.topics.is_empty());
    assert_eq!(h.app.results.total, all);
}

#[test]
fn values_the_query_names_are_marked_in_the_sidebar() {
    use chanjiao::tui::sidebar::{Entry, Facet};
    let mut h = reader(120, 40);
    h.type_str("/province:江苏 sector:new-energy-vehicles");
    h.press(KeyCode::Enter);
    let marked: Vec<(Facet, String, bool)> = (h.app.sidebar.entries.iter())
        .filter_map(|e| match e {
            Entry::Item {
                facet,
                value,
                selected,
                in_query: true,
                ..
            } => Some((*facet, value.clone(), *selected)),
            _ => None,
        })
        .collect();
    assert_eq!(
        marked,
        [
            (Facet::Province, "Jiangsu".to_string(), false),
            (Facet::Sector, "new-energy-vehicles".to_string(), false),
        ]
    );
    let shown = screen(&h);
    assert!(
        shown.lines().any(|l| l.contains("│/ 江苏 Jiangsu")),
        "{shown}"
    );
    // Without the query, no mark.
    h.press(KeyCode::Esc);
    assert!(!screen(&h).contains("│/ 江苏"));
    // An outlet given in part is marked as the search took it: every outlet it names.
    h.type_str("/source:新华");
    h.press(KeyCode::Enter);
    let mut outlets: Vec<String> = (h.app.sidebar.entries.iter())
        .filter_map(|e| match e {
            Entry::Item {
                facet: Facet::Source,
                value,
                in_query: true,
                ..
            } => Some(value.clone()),
            _ => None,
        })
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["新华日报", "新华网"]);
}

#[test]
fn s_cycles_the_order() {
    let mut h = reader(120, 40);
    assert_eq!(h.app.sort, Sort::Relevance);
    // Without words to rank by, relevance lists the newest first, and says so.
    assert!(screen(&h).contains("sort: newest"), "{}", screen(&h));
    h.press(KeyCode::Char('s'));
    assert_eq!(
        h.app.sort,
        Sort::Oldest,
        "newest again would change nothing"
    );
    assert!(screen(&h).contains("sort: oldest"));
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Relevance);

    h.type_str("/联合体");
    h.press(KeyCode::Enter);
    assert!(screen(&h).contains("sort: relevance"), "{}", screen(&h));
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Newest);
    assert!(screen(&h).contains("sort: newest"));
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Oldest);
    let dated: Vec<_> = h
        .app
        .results
        .rows
        .iter()
        .filter_map(|r| r.published)
        .collect();
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Relevance);
}

#[test]
fn n_and_n_jump_between_hits() {
    let mut h = reader(100, 30);
    h.type_str("/产教");
    h.press(KeyCode::Enter);
    let hits = h.app.detail.view.as_ref().map_or(0, |v| v.hit_rows.len());
    assert!(hits >= 2, "the article has hits: {hits}");
    h.press(KeyCode::Char('n'));
    assert_eq!(h.app.detail.hit, Some(0));
    h.press(KeyCode::Char('n'));
    assert_eq!(h.app.detail.hit, Some(1));
    h.press(KeyCode::Char('N'));
    h.press(KeyCode::Char('N'));
    assert_eq!(h.app.detail.hit, Some(hits - 1), "wraps around");
    // Hits are highlighted on screen.
    let buf = buffer(&h);
    let highlighted = buf
        .content()
        .iter()
        .any(|c| c.bg == ratatui::style::Color::Yellow);
    assert!(highlighted);
}

#[test]
fn help_lists_every_binding_and_closes() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('?'));
    assert!(h.app.help.is_some());
    let all: String = chanjiao::tui::draw::help::lines(&h.app, 200)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    for b in chanjiao::tui::keymap::BINDINGS {
        assert!(all.contains(b.desc), "help lacks {:?}", b.desc);
        for k in b.keys {
            assert!(all.contains(&k.label()), "help lacks key {}", k.label());
        }
    }
    // Keys other than closing and scrolling do nothing while it is open.
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Relevance);
    h.press(KeyCode::Esc);
    assert!(h.app.help.is_none());
}

#[test]
fn mouse_clicks_and_wheel() {
    let mut h = reader(120, 40);
    let areas = h.app.areas();
    let list = areas.list.unwrap();
    // Click the third row of the list: selected; click it again: opened.
    h.send(Action::Click {
        column: list.x + 5,
        row: list.y + 3,
    });
    assert_eq!(h.app.list.selected, 2);
    h.send(Action::Click {
        column: list.x + 5,
        row: list.y + 3,
    });
    assert_eq!(h.app.focus, Panel::Detail);
    // Wheel over the list moves the selection.
    h.send(Action::Scroll {
        column: list.x + 5,
        row: list.y + 3,
        down: true,
    });
    assert_eq!(h.app.list.selected, 5);
    // Click the first province in the sidebar (below the State and Views sections):
    // filtered.
    let side = areas.sidebar.unwrap();
    h.send(Action::Click {
        column: side.x + 3,
        row: side.y + 7,
    });
    assert_eq!(h.app.focus, Panel::Sidebar);
    assert_eq!(h.app.filter.provinces.len(), 1);
    // Wheel over the article scrolls it.
    let detail = areas.detail.unwrap();
    h.send(Action::Scroll {
        column: detail.x + 5,
        row: detail.y + 3,
        down: true,
    });
    assert!(
        h.app.detail.scroll > 0
            || h.app
                .detail
                .view
                .as_ref()
                .is_some_and(|v| v.lines.len() < 30)
    );
    // Click on the search line starts typing.
    h.send(Action::Click { column: 30, row: 0 });
    assert!(h.app.searching);
}

#[test]
fn narrow_layout_shows_one_panel_at_a_time() {
    let mut h = reader(60, 12);
    let a = h.app.areas();
    assert!(a.list.is_some() && a.sidebar.is_none() && a.detail.is_none());
    h.press(KeyCode::Enter);
    let a = h.app.areas();
    assert!(a.detail.is_some() && a.list.is_none());
    h.press(KeyCode::Tab);
    let a = h.app.areas();
    assert!(a.sidebar.is_some() && a.list.is_none());
}

#[test]
fn an_update_in_the_background_keeps_the_place() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    let id = h.app.selected_row().map(|r| r.id.clone());
    h.send(Action::Updating(chanjiao::tui::action::Progress {
        label: "indexing files".into(),
        done: 1,
        total: 4,
    }));
    assert!(
        lines(&buffer(&h))
            .iter()
            .any(|l| l.contains("updating 25%"))
    );
    let articles = h.catalog.len();
    h.send(Action::Ready {
        articles,
        skipped: vec!["/corpus/2025/broken.txt".into(), "/corpus/empty.txt".into()],
        sorts: Sort::ALL,
        missing: Vec::new(),
        news: Default::default(),
    });
    assert_eq!(h.app.list.selected, 2, "the selection stays");
    assert_eq!(h.app.selected_row().map(|r| r.id.clone()), id);
    let screen = lines(&buffer(&h)).join("\n");
    assert!(!screen.contains("updating"), "{screen}");
    // The status line names the first skipped file and how many more there are.
    assert!(
        screen.contains("2 files skipped: broken.txt +1 more"),
        "{screen}"
    );
    h.send(Action::Notice("cannot update the index: disk full".into()));
    assert!(lines(&buffer(&h)).iter().any(|l| l.contains("disk full")));
}

/// The article pane counts the hits in the article (the highlighted stretches of its text),
/// not the wrapped lines that hold one, so the count is the same at any width; `n` moves
/// from hit to hit.
#[test]
fn the_hit_count_does_not_depend_on_the_width() {
    for (w, height) in [(120, 40), (80, 24), (40, 15)] {
        let mut h = Harness::new(tui_support::indexed_sample(), w, height);
        h.type_str("/企业");
        h.press(KeyCode::Enter);
        let at = h
            .app
            .results
            .rows
            .iter()
            .position(|r| r.title.contains("两江新区"))
            .expect("the 两江新区 article matches");
        for _ in 0..at {
            h.press(KeyCode::Char('j'));
        }
        h.press(KeyCode::Enter);
        let a = h.app.detail.article.clone().expect("the article is open");
        let hits = &h.app.results.hits;
        let want = hits.ranges(&a.title).len()
            + a.lines()
                .map(|l| hits.ranges(l.trim()).len())
                .sum::<usize>();
        assert!(
            want >= 3,
            "{w}×{height}: the article has several hits: {want}"
        );
        let rows = h
            .app
            .detail
            .view
            .as_ref()
            .expect("laid out")
            .hit_rows
            .clone();
        assert_eq!(rows.len(), want, "{w}×{height}");
        let header = lines(&buffer(&h))
            .into_iter()
            .find(|l| l.contains("hits"))
            .unwrap_or_default();
        assert!(
            header.contains(&format!("hits {want} ")),
            "{w}×{height}: {header}"
        );
        for k in 0..want {
            h.press(KeyCode::Char('n'));
            assert_eq!(h.app.detail.hit, Some(k));
        }
        let header = lines(&buffer(&h))
            .into_iter()
            .find(|l| l.contains("hits"))
            .unwrap_or_default();
        assert!(
            header.contains(&format!("hits {want}/{want} ")),
            "{w}×{height}: {header}"
        );
    }
}

/// The highlighted stretches of the detail pane in reading order, as (text, current): a run
/// of highlighted characters on one line, split where the current hit begins or ends. The
/// cells a wide character hides are left out.
fn hit_runs(app: &App, buf: &Buffer) -> Vec<(String, bool)> {
    let area = app.areas().detail.expect("the article is shown");
    let mut runs: Vec<(String, bool)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut last: Option<bool> = None;
        let mut hidden = 0;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            hidden = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            let current = match cell.bg {
                Color::Yellow => false,
                Color::LightCyan => true,
                _ => {
                    last = None;
                    continue;
                }
            };
            if current {
                assert!(cell.modifier.contains(Modifier::BOLD), "({x}, {y})");
            }
            match runs.last_mut() {
                Some((text, c)) if last == Some(current) && *c == current => {
                    text.push_str(cell.symbol());
                }
                _ => runs.push((cell.symbol().to_string(), current)),
            }
            last = Some(current);
        }
    }
    runs
}

#[test]
fn the_current_hit_stands_out_from_the_others() {
    let width = Harness::new(Arc::new(MemoryCatalog::new(Vec::new())), 120, 30)
        .app
        .detail_width() as usize;
    // Two hits on one line; then a hit that the pane's width breaks after 产教.
    let filler = "职".repeat(width / 2 - 2);
    let article = |id: &str, title: &str| Article {
        id: id.into(),
        title: title.into(),
        file: format!("{id}.md"),
        body: format!("产教融合 and 产教融合 again.\n\n{filler}产教融合基地。"),
        ..Article::default()
    };
    let catalog = MemoryCatalog::new(vec![article("a1", "First"), article("a2", "Second")]);
    let mut h = Harness::new(Arc::new(catalog), 120, 30);
    h.type_str("/产教融合");
    h.press(KeyCode::Enter);
    // The article's hits as drawn, part by part: the third is broken over two lines.
    let parts = [(0, "产教融合"), (1, "产教融合"), (2, "产教"), (2, "融合")];
    let runs = |current: Option<usize>| -> Vec<(String, bool)> {
        parts
            .iter()
            .map(|&(hit, text)| (text.to_string(), Some(hit) == current))
            .collect()
    };
    // Before any `n`, every hit looks the same.
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(None));
    h.press(KeyCode::Char('n'));
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(Some(0)));
    h.press(KeyCode::Char('n'));
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(Some(1)));
    // A hit broken over two lines is one hit: both of its parts are current.
    h.press(KeyCode::Char('n'));
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(Some(2)));
    // It stays current at another width with the same hits.
    h.send(Action::Resize {
        width: 121,
        height: 30,
    });
    assert_eq!(h.app.detail.hit, Some(2));
    h.send(Action::Resize {
        width: 120,
        height: 30,
    });
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(Some(2)));
    h.press(KeyCode::Char('N'));
    assert_eq!(hit_runs(&h.app, &buffer(&h)), runs(Some(1)));
    // Without colour it is reversed like every hit, and bold and underlined as well.
    let mut p = Harness::new(Arc::new(MemoryCatalog::new(Vec::new())), 120, 30);
    p.app = h.app.clone();
    p.app.theme = Theme::plain();
    p.send(Action::Resize {
        width: 120,
        height: 30,
    });
    let buf = buffer(&p);
    let pane = p.app.areas().detail.expect("the article is shown");
    let styled: Vec<Modifier> = pane
        .positions()
        .map(|at| &buf[at])
        .filter(|c| c.symbol() == "产")
        .map(|c| c.modifier)
        .collect();
    let current = Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED;
    assert_eq!(
        styled,
        vec![Modifier::REVERSED, current, Modifier::REVERSED],
        "{styled:?}"
    );
    // Another article has no current hit until `n`.
    let id = |h: &Harness| h.app.detail.article.as_ref().map(|a| a.id.clone());
    let first = id(&h);
    h.press(KeyCode::Char('j'));
    assert_ne!(id(&h), first);
    assert_eq!(h.app.detail.hit, None);
    assert!(hit_runs(&h.app, &buffer(&h)).iter().all(|(_, c)| !c));
    // Nor has the same article after another search.
    h.press(KeyCode::Char('n'));
    assert_eq!(h.app.detail.hit, Some(0));
    h.type_str("/ again");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.detail.hit, None);
    assert!(hit_runs(&h.app, &buffer(&h)).iter().all(|(_, c)| !c));
}

/// The query of the last search asked for.
fn last_query(h: &Harness) -> Option<String> {
    h.effects.iter().rev().find_map(|e| match e {
        Effect::Search { request, .. } => Some(request.query.clone()),
        _ => None,
    })
}

/// How many searches were asked for so far.
fn searches(h: &Harness) -> usize {
    h.effects
        .iter()
        .filter(|e| matches!(e, Effect::Search { .. }))
        .count()
}

/// The search line is a one-line editor: the cursor moves by whole characters, typing and
/// deleting happen at the cursor, and every change (not a move) is searched for at once.
#[test]
fn the_search_line_edits_at_the_cursor() {
    let ctrl = |h: &mut Harness, c: char| h.key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let mut h = reader(120, 40);
    h.type_str("/产教融合 abc");
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    let focus = h.app.focus;
    let before = searches(&h);
    h.type_str("X");
    assert_eq!(h.app.query, "产教融合 aXbc");
    assert_eq!(searches(&h), before + 1, "an edit is a new search");
    assert_eq!(last_query(&h).as_deref(), Some("产教融合 aXbc"));
    // Moving is not a change: no search, and ←/→ stay in the line.
    let before = searches(&h);
    h.press(KeyCode::Home);
    h.press(KeyCode::Right);
    h.press(KeyCode::Left);
    ctrl(&mut h, 'e');
    ctrl(&mut h, 'a');
    assert_eq!(searches(&h), before);
    assert!(h.app.searching);
    assert_eq!(h.app.focus, focus);
    h.type_str("职");
    assert_eq!(h.app.query, "职产教融合 aXbc");
    ctrl(&mut h, 'e');
    h.type_str("d");
    assert_eq!(h.app.query, "职产教融合 aXbcd");
    ctrl(&mut h, 'a');
    h.press(KeyCode::Delete);
    assert_eq!(h.app.query, "产教融合 aXbcd");
    // A Chinese character is one step.
    h.press(KeyCode::Right);
    h.press(KeyCode::Right);
    ctrl(&mut h, 'k');
    assert_eq!(h.app.query, "产教");
    h.press(KeyCode::End);
    h.type_str(" 校企");
    h.press(KeyCode::Left);
    h.press(KeyCode::Left);
    ctrl(&mut h, 'w');
    assert_eq!(
        h.app.query, "校企",
        "Ctrl-w deletes the word before the cursor"
    );
    h.press(KeyCode::Right);
    ctrl(&mut h, 'u');
    assert_eq!(h.app.query, "企", "Ctrl-u deletes to the start");
    let before = searches(&h);
    h.press(KeyCode::Backspace);
    assert_eq!(h.app.query, "企");
    assert_eq!(searches(&h), before, "nothing deleted, nothing searched");
    h.press(KeyCode::Delete);
    assert!(h.app.query.is_empty());
    assert_eq!(last_query(&h).as_deref(), Some(""));
}

/// `/` again puts the cursor at the end of the kept query, and a query put in place from a
/// saved view is typed on at its end.
#[test]
fn the_cursor_starts_at_the_end_of_the_query() {
    let mut h = reader(120, 40);
    h.type_str("/校企合作");
    h.press(KeyCode::Home);
    h.press(KeyCode::Enter);
    h.type_str("/ 共建");
    assert_eq!(h.app.query, "校企合作 共建");
    h.press(KeyCode::Esc);
    h.app.query = "产教".into();
    h.type_str("/融合");
    assert_eq!(h.app.query, "产教融合");
}

/// A paste goes in at the cursor, line breaks as spaces.
#[test]
fn a_paste_goes_in_at_the_cursor() {
    let mut h = reader(120, 40);
    h.type_str("/产教 合作");
    for _ in 0..2 {
        h.press(KeyCode::Left);
    }
    let paste = crossterm::event::Event::Paste("融合\n校企".into());
    for a in chanjiao::tui::event::translate(&h.app, paste) {
        h.send(a);
    }
    assert_eq!(h.app.query, "产教 融合 校企合作");
    assert_eq!(last_query(&h).as_deref(), Some("产教 融合 校企合作"));
}

/// The view prompt borrows the search line's editing keys.
#[test]
fn the_view_prompt_edits_at_the_cursor() {
    let mut h = reader(120, 40);
    h.type_str("w");
    h.type_str("晨读");
    h.press(KeyCode::Left);
    h.type_str("早");
    h.key(KeyCode::Char('a'), KeyModifiers::CONTROL);
    h.press(KeyCode::Delete);
    let prompt = h.app.reading.prompt.as_ref().unwrap();
    assert_eq!(prompt.text, "早读");
}

/// A line break at the end of a paste (a whole line copied) is left out.
#[test]
fn a_pasted_line_leaves_out_its_line_break() {
    let mut h = reader(120, 40);
    h.type_str("/");
    let paste = crossterm::event::Event::Paste("联合体\r\n".into());
    for a in chanjiao::tui::event::translate(&h.app, paste) {
        h.send(a);
    }
    assert_eq!(h.app.query, "联合体");
}

fn selected_id(h: &Harness) -> Option<String> {
    h.app.selected_row().map(|r| r.id.clone())
}

/// Another order or another filter leaves the article the reader is on selected (and shown)
/// when it is still among the results; a new query starts at the top.
#[test]
fn order_and_filters_keep_the_selected_article() {
    let mut h = reader(120, 40);
    let rows = h.app.results.rows.clone();
    // An article that is not the first of its province's articles.
    let (at, province) = rows
        .iter()
        .enumerate()
        .skip(1)
        .find_map(|(i, r)| {
            let p = r.provinces.first()?;
            let before = rows[..i].iter().any(|o| o.provinces.contains(p));
            before.then(|| (i, p.clone()))
        })
        .expect("an article with a province shared by one above it");
    for _ in 0..at {
        h.press(KeyCode::Char('j'));
    }
    let id = selected_id(&h);
    assert!(id.is_some());

    h.press(KeyCode::Char('s'));
    assert_ne!(h.app.sort, Sort::Relevance);
    assert_eq!(selected_id(&h), id, "s keeps the article");
    h.press(KeyCode::Char('s'));
    assert_eq!(selected_id(&h), id, "s again keeps it");

    h.press(KeyCode::Char('h'));
    assert_eq!(h.app.focus, Panel::Sidebar);
    let entry = h
        .app
        .sidebar
        .entries
        .iter()
        .position(|e| matches!(e, chanjiao::tui::sidebar::Entry::Item { value, .. } if *value == province))
        .unwrap();
    assert!(h.app.sidebar.point(entry));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces.len(), 1);
    assert!(h.app.results.total >= 2);
    assert_eq!(selected_id(&h), id, "a filter it passes keeps it");
    assert_eq!(
        h.app.detail.article.as_ref().map(|a| a.id.clone()),
        id,
        "and it stays in the article pane"
    );
    h.press(KeyCode::Char('c'));
    assert_eq!(selected_id(&h), id, "clearing the filters keeps it");

    // A new query starts at the top.
    h.press(KeyCode::Char('/'));
    h.type_str("职业");
    assert_eq!(h.app.list.selected, 0);
}

/// `n` with nothing to step through says why instead of doing nothing.
#[test]
fn n_without_a_search_says_so() {
    let mut h = reader(120, 30);
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('n'));
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some("no search to step through: / searches")
    );
    h.press(KeyCode::Char('N'));
    assert!(h.app.reading.notice.is_some());
}
