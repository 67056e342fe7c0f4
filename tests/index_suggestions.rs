//! A search that finds nothing offers another query when that finds articles: its misspelt
//! English words put right, or without the words no article holds with the others; the
//! reader's search line takes it with Tab.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod index_common;
mod tui_support;

use chanjiao::filter::Filter;
use chanjiao::index::{Index, SearchRequest, Suggestion};
use chanjiao::tui::harness::Harness;
use crossterm::event::KeyCode;
use index_common::indexed_pages;

fn corpus() -> (tempfile::TempDir, tempfile::TempDir, Index) {
    indexed_pages(&[
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
            "Cold store course in Qingdao",
            "2025-07-01",
            "Qingdao colleges run cold chain instruction for logistics students.",
        ),
        (
            "Trade fair draws vocational schools",
            "2025-06-01",
            "China hosts a trade fair where schools show trades and crafts from across China.",
        ),
        (
            "China opens skills week",
            "2025-05-01",
            "Schools across China open their workshops to families for a week.",
        ),
        (
            "青岛港职业学院开设智能码头课程",
            "2025-08-20",
            "山东青岛的学生在自动化码头实习, learning crane robotics.",
        ),
    ])
}

fn suggestion(index: &Index, query: &str) -> Option<Suggestion> {
    let r = index.search(&SearchRequest::new(query)).unwrap();
    assert_eq!(r.total, 0, "{query}: nothing matches as typed");
    r.suggestion
}

fn offered(query: &str, total: usize) -> Option<Suggestion> {
    offered_without(query, total, &[])
}

fn offered_without(query: &str, total: usize, left_out: &[&str]) -> Option<Suggestion> {
    Some(Suggestion {
        query: query.to_string(),
        total,
        left_out: left_out.iter().map(|w| w.to_string()).collect(),
    })
}

#[test]
fn misspelt_words_are_put_as_articles_write_them() {
    let (_c, _d, index) = corpus();
    // The form nearest to what was typed: `robots`, not the `robot` of the title (and
    // `robots` finds `robotics` too: both are `robot` once stemmed).
    assert_eq!(suggestion(&index, "robtos"), offered("robots", 2));
    assert_eq!(
        suggestion(&index, "Manufacturng"),
        offered("Manufacturing", 1)
    );
    assert_eq!(suggestion(&index, "HYDROGNE"), offered("HYDROGEN", 1));
    // One letter from a word the articles write, three from its stem (`robtic`, `robot`).
    assert_eq!(suggestion(&index, "robtics"), offered("robotics", 2));
    // Only the misspelt words change; phrases, other clauses and Chinese stay as typed.
    assert_eq!(
        suggestion(&index, "\"industrial robtos\" -Foshan"),
        offered("\"industrial robots\" -Foshan", 1)
    );
    assert_eq!(
        suggestion(&index, "hydrogne OR cranne"),
        offered("hydrogen OR crane", 2)
    );
    assert_eq!(suggestion(&index, "青岛 robtos"), offered("青岛 robots", 1));
    // A place the articles name only in Chinese: its English name from the gazetteer.
    assert_eq!(suggestion(&index, "Shandnog"), offered("Shandong", 1));
}

#[test]
fn the_meaning_is_the_one_nearest_to_what_was_typed_that_finds_something() {
    let (_c, _d, index) = corpus();
    // `traning` is stemmed `tran`, one edit from `trade` (stem of `trades`, common here)
    // but two from `train`; as typed it is one letter from `training`, a word of the
    // glossary's names, which finds what `train` finds.
    assert_eq!(suggestion(&index, "traning"), offered("training", 1));
    // `chian` is one swap from `china` (common) and from `chain`: with `cold`, only `chain`
    // finds an article.
    assert_eq!(suggestion(&index, "chian"), offered("china", 2));
    assert_eq!(suggestion(&index, "cold chian"), offered("cold chain", 1));
}

#[test]
fn a_chinese_character_typed_for_another_is_put_right() {
    let (_c, _d, index) = corpus();
    // 斗 is in no article: with its neighbour it was meant as 码头.
    assert_eq!(
        suggestion(&index, "智能码斗课程"),
        offered("智能码头课程", 1)
    );
    assert_eq!(
        suggestion(&index, "自动化码斗 robtos"),
        offered("自动化码头 robots", 1)
    );
    // A run that articles hold is not questioned, only the one beside it; and when the
    // two find nothing together, the one left out is named whole.
    assert_eq!(
        suggestion(&index, "青岛 智能码斗课程"),
        offered("青岛 智能码头课程", 1)
    );
    assert_eq!(
        suggestion(&index, "佛山 智能码斗课程"),
        offered_without("智能码头课程", 1, &["佛山"])
    );
    // With the whole word before it: 自动画 → 自动化 (动画 is no word here).
    assert_eq!(suggestion(&index, "自动画码头"), offered("自动化码头", 1));
    // Put right, then left out: the word left out is named, not a piece of the run, and
    // the run put right, which an article holds, stays whole.
    assert_eq!(
        suggestion(&index, "智能码斗课程 xylophone"),
        offered_without("智能码头课程", 1, &["xylophone"])
    );
}

/// A run whose characters are all common, one typed for another (`材` for `才`, `连` for
/// `链`): put right only when articles write the changed run as it stands.
#[test]
fn a_run_of_common_characters_with_one_typed_for_another_is_put_right() {
    let (_c, _d, index) = indexed_pages(&[
        (
            "高职院校培养技能人才",
            "2025-10-11",
            "学校与企业共建实训基地，培养冷链物流和智能制造领域的技能人才。",
        ),
        (
            "物流企业走进课堂",
            "2025-09-01",
            "企业导师讲授仓储管理，学生连续实习三个月，所用教材由校企合编，材料费全免。\
             校企合作从招生到就业连成一条链。",
        ),
        (
            "大连港口学校开设物流课程",
            "2025-08-01",
            "大连的职业学校与港口企业合作，开设物流课程。",
        ),
        (
            "社区养老服务站开门",
            "2025-06-01",
            "社区养老服务站与职业院校合作，定向培养护理人才。",
        ),
    ]);
    assert_eq!(suggestion(&index, "技能人材"), offered("技能人才", 1));
    // Not 大连物流: an article holds 大连 and 物流, but none writes them side by side.
    assert_eq!(suggestion(&index, "冷连物流"), offered("冷链物流", 1));
    // Two words no article holds together: one is left out, neither is changed.
    assert_eq!(
        suggestion(&index, "技能材料"),
        offered_without("材料", 1, &["技能"])
    );
    // A lone character's change that no article writes whole is taken when the changed
    // word is written beside a word next to it (养老服务), not when its words are only
    // found apart (校企 … 一条).
    assert_eq!(
        suggestion(&index, "养老服物人才"),
        offered("养老服务人才", 1)
    );
    // The characters left out side by side are named as one stretch.
    assert_eq!(
        suggestion(&index, "校企链条"),
        offered_without("校企", 1, &["链条"])
    );
    // A run no article holds, all of whose words are left out, is named as typed.
    assert_eq!(
        suggestion(&index, "重庆 物流"),
        offered_without("物流", 3, &["重庆"])
    );
    // A word no article holds and no change of one character puts right: no offer.
    assert_eq!(suggestion(&index, "区块链"), None);
}

#[test]
fn nothing_is_offered_when_the_words_are_right_or_nothing_is_close() {
    let (_c, _d, index) = corpus();
    let found = index.search(&SearchRequest::new("robots")).unwrap();
    assert_eq!(found.total, 2);
    assert_eq!(found.suggestion, None);
    // No indexed word is near, or the word is too short to guess at.
    assert_eq!(suggestion(&index, "xylophone"), None);
    assert_eq!(suggestion(&index, "bsu"), None);
    // A place the corpus does not name is not taken for one it does (`Hainan`, `Jinan`).
    assert_eq!(suggestion(&index, "Hainan"), None);
    // Words that are excluded are not put right (nor are field values).
    assert_eq!(
        suggestion(&index, "robots -hydrogne Foshan"),
        offered_without("-hydrogne Foshan", 1, &["robots"])
    );
    // With OR, any of the words would do already.
    assert_eq!(suggestion(&index, "xylophone robots OR hydrogen"), None);
}

#[test]
fn words_no_article_holds_with_the_others_are_left_out() {
    let (_c, _d, index) = corpus();
    // Words no article holds at all go first, together.
    assert_eq!(
        suggestion(&index, "how do colleges train robots"),
        offered_without("colleges train robots", 1, &["how", "do"])
    );
    // Then one at a time, the most common that will do: the rarer words say more of what
    // is looked for. Exclusions, phrases and filters stay.
    assert_eq!(
        suggestion(&index, "robots hydrogen -Jinan"),
        offered_without("hydrogen -Jinan", 1, &["robots"])
    );
    // Leaving out Qingdao or robots (two articles each) finds nothing; hydrogen it is.
    assert_eq!(
        suggestion(&index, "Qingdao robots hydrogen"),
        offered_without("Qingdao robots", 1, &["hydrogen"])
    );
    assert_eq!(
        suggestion(&index, "\"industrial robots\" hydrogen province:shandong"),
        offered_without("\"industrial robots\" province:shandong", 1, &["hydrogen"])
    );
    // A Chinese question typed as one run loses a word as if typed apart.
    let s = suggestion(&index, "青岛如何开设智能码头课程").unwrap();
    assert_eq!(s.total, 1, "{s:?}");
    assert!(
        s.query.starts_with("青岛 ") && !s.query.contains('如'),
        "{s:?}"
    );
    assert!(s.left_out.concat().contains('如'), "{s:?}");
    // Put right first, then left out: named as typed.
    assert_eq!(
        suggestion(&index, "robtos hydrogne"),
        offered_without("hydrogen", 1, &["robtos"])
    );
}

#[test]
fn the_offer_must_find_articles_with_the_same_filters() {
    let (_c, _d, index) = corpus();
    let mut req = SearchRequest::new("robtos");
    req.filter = Filter {
        provinces: vec!["Guangdong"],
        ..Default::default()
    };
    let r = index.search(&req).unwrap();
    assert_eq!((r.total, r.suggestion), (0, None));
    req.filter.provinces = vec!["Shandong"];
    assert_eq!(index.search(&req).unwrap().suggestion, offered("robots", 2));
}

#[test]
fn the_search_line_takes_the_offer_with_tab() {
    let mut h = Harness::new(tui_support::indexed_sample(), 100, 30);
    h.press(KeyCode::Char('/'));
    h.type_str("robtos");
    assert_eq!(h.app.results.total, 0);
    let screen = tui_support::screen(&h);
    assert!(screen.contains("Did you mean 'robots' ("), "{screen}");
    h.press(KeyCode::Tab);
    assert_eq!(h.app.query, "robots");
    assert!(h.app.results.total > 0);
    assert_eq!(h.app.results.suggestion, None);
    // With nothing offered, Tab leaves the query alone.
    h.press(KeyCode::Tab);
    assert_eq!(h.app.query, "robots");
}
