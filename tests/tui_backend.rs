//! The in-memory catalog behind the reader: search syntax, folding, orders, paging, facets.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::filter::{Filter, NATIONAL};
use chanjiao::tui::backend::{Catalog, Facets, Request, Sort};
use chanjiao::tui::memory::fold_chars;

fn search(query: &str) -> chanjiao::tui::backend::Response {
    tui_support::sample()
        .search(&Request {
            query: query.into(),
            limit: 1000,
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn empty_query_matches_everything() {
    let c = tui_support::sample();
    assert_eq!(search("").total, c.len());
}

#[test]
fn words_are_anded_and_traditional_folds() {
    let a = search("产教").total;
    let ab = search("产教 联合体").total;
    assert!(a > 0 && ab > 0 && ab <= a);
    assert_eq!(
        search("產教").total,
        a,
        "traditional characters match simplified"
    );
    assert_eq!(search("ROBOTS").total, search("robots").total, "case folds");
}

#[test]
fn phrases_exclusion_and_or() {
    let phrase = search("\"产教联合体\"").total;
    assert!(phrase > 0);
    let all = search("").total;
    let not = search("-产教联合体").total;
    assert_eq!(phrase + not, all);
    let or = search("联合体 OR robots").total;
    assert!(or >= search("联合体").total);
}

#[test]
fn a_filter_with_a_dash_excludes() {
    let all = search("").total;
    let national = search("province:national").total;
    assert!(national > 0 && national < all);
    assert_eq!(search("-province:national").total, all - national);
    assert!(
        search("-province:national")
            .rows
            .iter()
            .all(|r| !r.provinces.is_empty())
    );
}

#[test]
fn text_with_no_word_to_search_for_matches_nothing() {
    assert_eq!(search("🚀").total, 0);
    // Beside a word to search for, it is left out.
    assert_eq!(search("产教 🚀").total, search("产教").total);
    assert!(search("产教 -🚀").total > 0);
    // A quote just opened has nothing in it yet: it is left out.
    assert_eq!(search("\"").total, search("").total);

    // Even where an article holds it: the index cannot search for it, and the reader's
    // catalog before the index is ready answers as the index does.
    let mut articles = chanjiao::corpus::load_sample().articles;
    articles[0].body.push_str(" 🚀");
    let catalog = chanjiao::tui::memory::MemoryCatalog::new(articles);
    let total = |query: &str| {
        catalog
            .search(&Request {
                query: query.into(),
                limit: 1000,
                ..Default::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(total("🚀"), 0);
    assert_eq!(total("-🚀"), total(""));
}

#[test]
fn query_filters_apply() {
    let national = search(&format!("province:{NATIONAL}"));
    assert!(national.total > 0);
    assert!(national.rows.iter().all(|r| r.provinces.is_empty()));
    assert!(
        tui_support::sample()
            .search(&Request {
                query: "province:Atlantis".into(),
                limit: 5,
                ..Default::default()
            })
            .is_err()
    );
}

#[test]
fn relevance_puts_title_hits_first() {
    let r = search("联合体");
    let first = &r.rows[0];
    assert!(first.title.contains("联合体"), "{}", first.title);
}

#[test]
fn paging_returns_windows_of_the_same_order() {
    let c = tui_support::sample();
    let req = |offset, limit| Request {
        sort: Sort::Newest,
        offset,
        limit,
        ..Default::default()
    };
    let all = c.search(&req(0, 1000)).unwrap();
    let page = c.search(&req(5, 7)).unwrap();
    assert_eq!(page.offset, 5);
    assert_eq!(page.total, all.total);
    assert_eq!(page.rows, all.rows[5..12].to_vec());
    let past = c.search(&req(10_000, 7)).unwrap();
    assert!(past.rows.is_empty());
}

#[test]
fn facets_are_disjunctive() {
    let c = tui_support::sample();
    let none = c
        .search(&Request {
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    let filter = Filter {
        provinces: vec![NATIONAL],
        ..Default::default()
    };
    let some = c
        .search(&Request {
            filter,
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    // Selecting a province keeps the other provinces' counts as they were…
    assert_eq!(some.facets.provinces, none.facets.provinces);
    // …while the other facets count only national stories.
    let total_national = Facets::count(&none.facets.provinces, NATIONAL);
    assert_eq!(some.total, total_national);
    let sector_sum: usize = some.facets.sectors.iter().map(|(_, n)| n).sum();
    let sector_sum_all: usize = none.facets.sectors.iter().map(|(_, n)| n).sum();
    assert!(sector_sum < sector_sum_all);
}

#[test]
fn highlights_fold_case_and_script() {
    let r = search("产教 robots");
    let text = "產教融合 and ROBOTS";
    let ranges = r.hits.ranges(text);
    let words: Vec<&str> = ranges.iter().map(|x| &text[x.clone()]).collect();
    assert_eq!(words, vec!["產教", "ROBOTS"]);
    assert_eq!(fold_chars(text).len(), text.len());
}

#[test]
fn get_returns_whole_articles() {
    let c = tui_support::sample();
    let r = search("");
    let a = c.get(&r.rows[0].id).unwrap();
    assert_eq!(a.title, r.rows[0].title);
    assert!(c.get("no-such-id").is_none());
}
