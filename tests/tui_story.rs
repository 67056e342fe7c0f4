//! `a` goes through the other reports of the story shown, in the order the article pane's
//! `Also reported by` lists them, keeping the list and the pane on the same article.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use chanjiao::article::Article;
use chanjiao::tui::backend::Catalog;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::memory::MemoryCatalog;
use chanjiao::tui::strings;
use crossterm::event::KeyCode;

fn article(id: &str, title: &str, hours: i64, duplicates: &[&str]) -> Article {
    let base = chrono::DateTime::parse_from_rfc3339("2025-06-01T09:00:00+08:00").unwrap();
    Article {
        id: id.into(),
        title: title.into(),
        published: Some(base - chrono::Duration::hours(hours)),
        body: format!("{title}。学校与企业共建实训基地。"),
        duplicates: duplicates.iter().map(|d| d.to_string()).collect(),
        ..Article::default()
    }
}

fn reader() -> Harness {
    let catalog: Arc<dyn Catalog> = Arc::new(MemoryCatalog::new(vec![
        article("s1", "产教联合体名单公布", 10, &["s2", "s3"]),
        article("x1", "无关报道", 11, &[]),
        article("s2", "联合体名单发布", 12, &["s1", "s3"]),
        article("s3", "新一批联合体入选", 13, &["s1", "s2"]),
    ]));
    Harness::new(catalog, 120, 40)
}

fn shown(h: &Harness) -> String {
    h.app.detail.article.as_ref().map(|a| a.id.clone()).unwrap()
}

fn selected(h: &Harness) -> String {
    h.app.selected_row().map(|r| r.id.clone()).unwrap()
}

#[test]
fn a_goes_round_the_story_keeping_list_and_pane_together() {
    let mut h = reader();
    h.press(KeyCode::Enter);
    assert_eq!(shown(&h), "s1");
    let mut seen = Vec::new();
    for _ in 0..3 {
        h.press(KeyCode::Char('a'));
        assert_eq!(selected(&h), shown(&h));
        seen.push(shown(&h));
    }
    assert_eq!(seen, ["s2", "s3", "s1"], "newest first, round to the first");
}

#[test]
fn a_says_why_when_there_is_nowhere_to_go() {
    let mut h = reader();
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(shown(&h), "x1");
    h.press(KeyCode::Char('a'));
    assert_eq!(shown(&h), "x1");
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some(strings::NO_OTHER_REPORTS)
    );
    // A search that leaves the other reports out of the list.
    let mut h = reader();
    h.press(KeyCode::Char('/'));
    h.type_str("公布");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Enter);
    assert_eq!(shown(&h), "s1");
    h.press(KeyCode::Char('a'));
    assert_eq!(shown(&h), "s1");
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some(strings::OTHER_REPORTS_NOT_LISTED)
    );
}
