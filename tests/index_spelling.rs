//! A search that finds nothing offers the query with its misspelt English words put right,
//! when that finds articles; the reader's search line takes it with Tab.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod index_common;
mod tui_support;

use chanjiao::filter::Filter;
use chanjiao::index::{Index, Respelling, SearchRequest};
use chanjiao::tui::harness::Harness;
use crossterm::event::KeyCode;
use index_common::{open, write_pages};

fn corpus() -> (tempfile::TempDir, tempfile::TempDir, Index) {
    let corpus = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write_pages(
        corpus.path(),
        &[
            (
                "Jinan colleges train robot technicians",
                "2025-10-11",
                "Students program industrial robots on manufacturing lines run with local firms.",
            ),
            (
                "Foshan school opens a hydrogen bus workshop",
                "2025-09-02",
                "Apprentices service hydrogen fuel cell buses and electric vehicles in Guangdong.",
            ),
            (
                "青岛港职业学院开设智能码头课程",
                "2025-08-20",
                "山东青岛的学生在自动化码头实习, learning crane robotics.",
            ),
        ],
    );
    let (index, _) = open(data.path(), corpus.path());
    (corpus, data, index)
}

fn respelling(index: &Index, query: &str) -> Option<Respelling> {
    let r = index.search(&SearchRequest::new(query)).unwrap();
    assert_eq!(r.total, 0, "{query}: nothing matches as typed");
    r.respelling
}

fn offered(query: &str, total: usize) -> Option<Respelling> {
    Some(Respelling {
        query: query.to_string(),
        total,
    })
}

#[test]
fn misspelt_words_are_put_as_articles_write_them() {
    let (_c, _d, index) = corpus();
    // The form nearest to what was typed: `robots`, not the `robot` of the title (and
    // `robots` finds `robotics` too: both are `robot` once stemmed).
    assert_eq!(respelling(&index, "robtos"), offered("robots", 2));
    assert_eq!(
        respelling(&index, "Manufacturng"),
        offered("Manufacturing", 1)
    );
    assert_eq!(respelling(&index, "HYDROGNE"), offered("HYDROGEN", 1));
    // Only the misspelt words change; phrases, other clauses and Chinese stay as typed.
    assert_eq!(
        respelling(&index, "\"industrial robtos\" -Foshan"),
        offered("\"industrial robots\" -Foshan", 1)
    );
    assert_eq!(
        respelling(&index, "hydrogne OR cranne"),
        offered("hydrogen OR crane", 2)
    );
    assert_eq!(respelling(&index, "青岛 robtos"), offered("青岛 robots", 1));
}

#[test]
fn nothing_is_offered_when_the_words_are_right_or_nothing_is_close() {
    let (_c, _d, index) = corpus();
    let found = index.search(&SearchRequest::new("robots")).unwrap();
    assert_eq!(found.total, 2);
    assert_eq!(found.respelling, None);
    // No indexed word is near, or the word is too short to guess at.
    assert_eq!(respelling(&index, "xylophone"), None);
    assert_eq!(respelling(&index, "bsu"), None);
    // Words that are left out or are a field's value are not put right.
    assert_eq!(respelling(&index, "robots -hydrogne Foshan"), None);
}

#[test]
fn the_offer_must_find_articles_with_the_same_filters() {
    let (_c, _d, index) = corpus();
    // Put right, the words still find nothing together.
    assert_eq!(respelling(&index, "robtos hydrogne"), None);
    let mut req = SearchRequest::new("robtos");
    req.filter = Filter {
        provinces: vec!["Guangdong"],
        ..Default::default()
    };
    let r = index.search(&req).unwrap();
    assert_eq!((r.total, r.respelling), (0, None));
    req.filter.provinces = vec!["Shandong"];
    assert_eq!(index.search(&req).unwrap().respelling, offered("robots", 2));
}

#[test]
fn the_search_line_takes_the_offer_with_tab() {
    let mut h = Harness::new(tui_support::indexed_sample(), 100, 30);
    h.press(KeyCode::Char('/'));
    h.type_str("robtos");
    assert_eq!(h.app.results.total, 0);
    let screen = tui_support::screen(&h);
    assert!(screen.contains("Did you mean robots"), "{screen}");
    h.press(KeyCode::Tab);
    assert_eq!(h.app.query, "robots");
    assert!(h.app.results.total > 0);
    assert_eq!(h.app.results.respelling, None);
    // With nothing offered, Tab leaves the query alone.
    h.press(KeyCode::Tab);
    assert_eq!(h.app.query, "robots");
}
