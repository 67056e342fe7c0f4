//! The reader keeps its place when the list is refreshed under it: the index brought up to
//! date in the background, a search answered again, the sidebar's counts reordered.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::sync::Arc;

use chanjiao::article::Article;
use chanjiao::tui::action::Action;
use chanjiao::tui::backend::{Catalog, Sort};
use chanjiao::tui::harness::Harness;
use chanjiao::tui::layout::Panel;
use chanjiao::tui::memory::MemoryCatalog;
use chanjiao::tui::sidebar::{Entry, Facet};
use crossterm::event::KeyCode;
use tui_support::reader;

/// An article `hours` before a fixed time, with a body long enough to scroll.
fn article(id: &str, hours: i64) -> Article {
    let base = chrono::DateTime::parse_from_rfc3339("2025-06-01T09:00:00+08:00").unwrap();
    let body: Vec<String> = (0..60)
        .map(|i| format!("第{i}段 校企合作培养技能人才。"))
        .collect();
    Article {
        id: id.into(),
        title: format!("职业教育新闻 {id}"),
        published: Some(base - chrono::Duration::hours(hours)),
        body: body.join("\n"),
        ..Article::default()
    }
}

fn catalog(articles: Vec<Article>) -> Arc<dyn Catalog> {
    Arc::new(MemoryCatalog::new(articles))
}

/// The catalog is replaced by `next` and says it is ready, as the background update does.
fn updated(h: &mut Harness, next: Arc<dyn Catalog>) {
    h.catalog = next;
    let articles = h.catalog.len();
    h.send(Action::Ready {
        articles,
        skipped: Vec::new(),
        sorts: Sort::ALL,
        missing: Vec::new(),
        news: Default::default(),
    });
}

fn selected(h: &Harness) -> Option<String> {
    h.app.selected_row().map(|r| r.id.clone())
}

fn shown(h: &Harness) -> Option<String> {
    h.app.detail.article.as_ref().map(|a| a.id.clone())
}

#[test]
fn the_article_being_read_stays_selected_when_newer_ones_arrive() {
    let old: Vec<Article> = (0..8).map(|i| article(&format!("a{i}"), 10 + i)).collect();
    let mut h = Harness::new(catalog(old.clone()), 120, 40);
    for _ in 0..4 {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus, Panel::Detail);
    for _ in 0..5 {
        h.press(KeyCode::Char('j'));
    }
    assert_eq!(selected(&h).as_deref(), Some("a4"));
    assert_eq!(h.app.detail.scroll, 5);

    // Two newer files came in while the reader showed the last complete index.
    let mut new = vec![article("n1", 1), article("n2", 2)];
    new.extend(old);
    h.effects.clear();
    updated(&mut h, catalog(new));

    assert_eq!(h.app.results.total, 10);
    assert_eq!(selected(&h).as_deref(), Some("a4"), "the same article");
    assert_eq!(h.app.list.selected, 6, "two rows further down");
    assert_eq!(shown(&h).as_deref(), Some("a4"), "the pane keeps it");
    assert_eq!(h.app.detail.scroll, 5, "read as far as before");
    assert!(
        !h.effects
            .iter()
            .any(|e| matches!(e, chanjiao::tui::effect::Effect::Open { id, .. } if id != "a4")),
        "no other article was asked for: {:?}",
        h.effects
    );
}

/// After an update the article shown is fetched again: a new report of its story is listed
/// under it, and the reader stays where it was in the text.
#[test]
fn the_article_shown_gets_its_new_other_reports_after_an_update() {
    let old: Vec<Article> = (0..4).map(|i| article(&format!("a{i}"), 10 + i)).collect();
    let mut h = Harness::new(catalog(old.clone()), 120, 40);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    for _ in 0..3 {
        h.press(KeyCode::Char('j'));
    }
    assert_eq!(shown(&h).as_deref(), Some("a1"));
    assert!(h.app.detail.also.is_empty());
    assert_eq!(h.app.detail.scroll, 3);

    // The update linked a new report to it.
    let mut new = old;
    new[1].duplicates = vec!["b1".into()];
    let mut report = article("b1", 12);
    report.duplicates = vec!["a1".into()];
    new.push(report);
    updated(&mut h, catalog(new));
    assert_eq!(shown(&h).as_deref(), Some("a1"));
    let also: Vec<&str> = h.app.detail.also.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(also, ["b1"]);
    assert_eq!(h.app.detail.scroll, 3, "read as far as before");
}

/// An article whose file was edited while it was read comes back with a new id (made from
/// its text): the pane shows the new text from where the reader was.
#[test]
fn an_article_edited_in_its_file_keeps_the_place_in_it() {
    let mut old: Vec<Article> = (0..4).map(|i| article(&format!("a{i}"), 10 + i)).collect();
    for a in &mut old {
        a.file = format!("{}.txt", a.id);
    }
    let mut h = Harness::new(catalog(old.clone()), 120, 40);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    for _ in 0..4 {
        h.press(KeyCode::Char('j'));
    }
    assert_eq!(shown(&h).as_deref(), Some("a1"));
    assert_eq!(h.app.detail.scroll, 4);
    let mut new = old;
    new[1].id = "a1-edited".into();
    new[1].body.push_str("\n补充说明：学校新增两个专业。");
    updated(&mut h, catalog(new));
    assert_eq!(shown(&h).as_deref(), Some("a1-edited"));
    assert_eq!(h.app.detail.scroll, 4, "read on from where the reader was");
}

#[test]
fn a_removed_article_leaves_the_selection_on_the_nearest_row() {
    let old: Vec<Article> = (0..8).map(|i| article(&format!("a{i}"), 10 + i)).collect();
    let mut h = Harness::new(catalog(old.clone()), 120, 40);
    for _ in 0..4 {
        h.press(KeyCode::Char('j'));
    }
    let fewer: Vec<Article> = old.into_iter().filter(|a| a.id != "a4").collect();
    updated(&mut h, catalog(fewer));
    assert_eq!(h.app.list.selected, 4);
    assert_eq!(selected(&h).as_deref(), Some("a5"));
    assert_eq!(shown(&h).as_deref(), Some("a5"));
}

/// The sidebar value under the cursor, as (facet, value).
fn cursor_value(h: &Harness) -> Option<(Facet, String)> {
    match h.app.sidebar.current() {
        Some(Entry::Item { facet, value, .. }) => Some((*facet, value.clone())),
        _ => None,
    }
}

#[test]
fn the_sidebar_cursor_follows_its_value_through_searches() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Tab);
    h.press(KeyCode::Tab);
    assert_eq!(h.app.focus, Panel::Sidebar);
    // Down to the last province listed.
    let last = h
        .app
        .sidebar
        .entries
        .iter()
        .rposition(|e| {
            matches!(
                e,
                Entry::Item {
                    facet: Facet::Province,
                    ..
                }
            )
        })
        .unwrap();
    while h.app.sidebar.cursor < last {
        h.press(KeyCode::Char('j'));
    }
    let province = cursor_value(&h).unwrap();
    assert_eq!(province.0, Facet::Province);

    // A half-typed query that matches nothing leaves no province to stay on ...
    h.type_str("/zzqqxx");
    assert_eq!(h.app.results.total, 0);
    assert_ne!(cursor_value(&h), Some(province.clone()));
    // ... and the cursor goes back to it when it is listed again, wherever it is now.
    h.press(KeyCode::Esc);
    assert!(h.app.query.is_empty());
    assert_eq!(cursor_value(&h), Some(province.clone()));

    // Moving by hand makes the new value the one to follow.
    h.press(KeyCode::Char('k'));
    let other = cursor_value(&h).unwrap();
    h.type_str("/zzqqxx");
    h.press(KeyCode::Esc);
    assert_eq!(cursor_value(&h), Some(other));
}

/// A search that leaves out the value under the sidebar's cursor sends the cursor and the
/// view to the top, not onto whatever value now has the cursor's row; the value comes back
/// under the cursor when a later search lists it again.
#[test]
fn a_sidebar_value_left_out_by_a_search_sends_the_cursor_to_the_top() {
    // Sixty outlets, far more than the sidebar shows; the last one's article alone says 茶艺.
    let articles: Vec<Article> = (0..60)
        .map(|i| Article {
            source: Some(format!("outlet-{i:02}")),
            title: if i == 59 {
                format!("茶艺新闻 {i}")
            } else {
                format!("职业教育新闻 {i}")
            },
            ..article(&format!("a{i:02}"), i)
        })
        .collect();
    let mut h = Harness::new(catalog(articles), 120, 30);
    h.press(KeyCode::Char('h'));
    h.press(KeyCode::Char('G'));
    let last = cursor_value(&h).unwrap();
    assert_eq!(last.0, Facet::Source);
    h.press(KeyCode::Char('l'));

    h.type_str("/职业");
    assert_eq!(h.app.results.total, 59);
    assert!(
        !h.app
            .sidebar
            .entries
            .iter()
            .any(|e| matches!(e, Entry::Item { value, .. } if *value == last.1))
    );
    let first = h.app.sidebar.entries.iter().position(Entry::is_item);
    assert_eq!(Some(h.app.sidebar.cursor), first, "not another outlet");
    assert_eq!(
        h.app.sidebar.scroll, 0,
        "the top of the sidebar is on screen"
    );
    let screen = tui_support::screen(&h);
    assert!(screen.contains("状态 State"), "{screen}");

    h.press(KeyCode::Esc);
    h.press(KeyCode::Esc);
    assert!(h.app.query.is_empty());
    assert_eq!(cursor_value(&h), Some(last), "back on its value");
}

/// Another order keeps the selected article selected however far down the list it is,
/// beyond the rows the list holds at a time.
#[test]
fn another_order_keeps_an_article_far_down_the_list() {
    let many: Vec<Article> = (0..600).map(|i| article(&format!("a{i}"), i)).collect();
    let mut h = Harness::new(catalog(many), 120, 40);
    for _ in 0..10 {
        h.press(KeyCode::PageDown);
    }
    while h.app.list.selected < 420 {
        h.press(KeyCode::Char('j'));
    }
    let id = selected(&h);
    assert_eq!(id.as_deref(), Some("a420"));
    let first = h.app.sort;

    while h.app.sort != Sort::Oldest {
        h.press(KeyCode::Char('s'));
        assert_eq!(
            selected(&h),
            id,
            "the same article in {:?} order",
            h.app.sort
        );
    }
    assert_eq!(h.app.list.selected, 179);
    while h.app.sort != first {
        h.press(KeyCode::Char('s'));
    }
    assert_eq!(selected(&h), id, "and back");
    assert_eq!(h.app.list.selected, 420);
    assert_eq!(shown(&h), id);
}

/// The order changes before the rows of a far jump have come (`G` and `s` in one burst):
/// the article jumped to is still the one kept.
#[test]
fn an_order_change_right_after_a_far_jump_keeps_the_article_jumped_to() {
    let many: Vec<Article> = (0..600).map(|i| article(&format!("a{i}"), i)).collect();
    let mut h = Harness::new(catalog(many), 120, 40);
    // `G`: the window around the last row is asked for, but not answered yet.
    let jump = chanjiao::tui::event::key_action(
        &h.app,
        &crossterm::event::KeyEvent::new(KeyCode::End, crossterm::event::KeyModifiers::NONE),
    )
    .unwrap();
    let unanswered = chanjiao::tui::update::update(&mut h.app, jump);
    assert!(!unanswered.is_empty(), "the window is asked for");
    assert_eq!(h.app.list.selected, 599);
    assert!(selected(&h).is_none(), "its row has not come");
    let first = h.app.sort;
    h.press(KeyCode::Char('s'));
    assert_ne!(h.app.sort, first);
    assert_eq!(selected(&h).as_deref(), Some("a599"));
    assert_eq!(shown(&h).as_deref(), Some("a599"));
}
