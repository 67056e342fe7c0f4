//! `A` in the reader: the whole list (not only the rows loaded) marked read after a `y`,
//! any other key leaving it as it was, all of a read list marked unread, the counts and a
//! reading-state filter following, and the question on the status line at any width.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::sync::Arc;

use chanjiao::filter::Mark;
use chanjiao::state::State;
use chanjiao::tui::backend::Catalog;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::reading::Restore;
use crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{assert_no_overflow, buffer, long_list, reader, saved, screen};

/// Half of the articles are about 冷链.
fn body(i: usize) -> &'static str {
    if i.is_multiple_of(2) {
        "冷链物流专业校企合作。"
    } else {
        "校企合作培养技能人才。"
    }
}

fn with_read(catalog: Arc<dyn Catalog>, read: &[&str]) -> Harness {
    let mut state = State::default();
    state.read.extend(read.iter().map(|s| s.to_string()));
    Harness::restored(catalog, 120, 40, Restore::new(state, false, None))
}

#[test]
fn y_marks_every_article_of_the_list_read_even_those_not_loaded() {
    let mut h = with_read(long_list(450, body), &["id0002"]);
    h.type_str("/冷链");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.results.total, 225);
    h.type_str("A");
    // 224 unread of the 225 found; the question has the status line.
    let s = screen(&h);
    assert!(s.contains("Mark 224 unread articles read? y/n"), "{s}");
    assert!(
        h.app.reading.marks.read.len() == 1,
        "nothing marked before the answer"
    );
    h.type_str("y");
    let marks = &h.app.reading.marks;
    assert!(
        (0..450)
            .step_by(2)
            .all(|i| marks.is_read(&format!("id{i:04}")))
    );
    assert!(
        (1..450)
            .step_by(2)
            .all(|i| !marks.is_read(&format!("id{i:04}")))
    );
    // What is saved is what changed, each once; the sidebar's count follows.
    let d = saved(&h);
    assert_eq!(d.read.len(), 224);
    assert!(d.read.values().all(|read| *read) && !d.read.contains_key("id0002"));
    assert_eq!(h.app.results.facets.marks.unread, 0);
    assert!(screen(&h).contains("marked 224 articles read"));
}

#[test]
fn any_other_key_leaves_the_marks_and_does_its_own_work_no_more() {
    let mut h = reader(120, 40);
    let total = h.app.results.total;
    let selected = h.app.list.selected;
    h.type_str("A");
    assert!(screen(&h).contains(&format!("Mark {total} unread articles read? y/n")));
    // `j` answers no: it does not also move.
    h.type_str("j");
    assert_eq!(h.app.list.selected, selected);
    assert!(h.app.reading.marks.read.is_empty());
    assert!(saved(&h).read.is_empty());
    assert!(screen(&h).contains("nothing marked"));
    // Nor does Ctrl-y, nor a click.
    h.type_str("A");
    h.key(KeyCode::Char('y'), KeyModifiers::CONTROL);
    assert!(h.app.reading.marks.read.is_empty());
    h.type_str("A");
    h.send(chanjiao::tui::action::Action::Click { column: 60, row: 5 });
    assert_eq!(h.app.reading.question(), None);
    h.type_str("y");
    assert!(h.app.reading.marks.read.is_empty(), "the question was gone");
}

#[test]
fn a_list_read_already_is_offered_to_be_marked_unread() {
    let catalog = long_list(6, body);
    let mut h = with_read(catalog, &["id0000", "id0002", "id0004"]);
    h.type_str("/冷链");
    h.press(KeyCode::Enter);
    h.type_str("A");
    assert!(screen(&h).contains("All 3 are read: mark them unread? y/n"));
    h.press(KeyCode::Char('Y'));
    assert!(h.app.reading.marks.read.is_empty());
    let d = saved(&h);
    assert_eq!(d.read.len(), 3);
    assert!(d.read.values().all(|read| !*read));
    assert!(screen(&h).contains("marked 3 articles unread"));
}

#[test]
fn with_the_unread_filter_the_list_empties() {
    let mut h = reader(120, 40);
    h.app.filter.marks = vec![Mark::Unread];
    h.type_str("/技能");
    h.press(KeyCode::Enter);
    let found = h.app.results.total;
    assert!(found > 1);
    h.type_str("Ay");
    assert_eq!(h.app.results.total, 0, "read articles leave an Unread list");
    h.press(KeyCode::Char('c'));
    assert!(h.app.filter.marks.is_empty());
    assert_eq!(h.app.results.total, found);
    assert_eq!(h.app.results.facets.marks.unread, 0);
    // Nothing in the list: nothing to ask about.
    h.type_str("/无此词汇zzz");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.results.total, 0);
    h.type_str("A");
    assert_eq!(h.app.reading.question(), None);
    assert!(h.app.reading.notice.is_some());
}

#[test]
fn the_question_fits_a_narrow_status_line() {
    for (w, h) in [(120, 40), (60, 20), (44, 24), (40, 12), (30, 12)] {
        let mut r = with_read(long_list(2000, body), &[]);
        r.send(chanjiao::tui::action::Action::Resize {
            width: w,
            height: h,
        });
        r.type_str("A");
        let buf = buffer(&r);
        assert_no_overflow(&buf);
        let s = screen(&r);
        if w >= 40 {
            assert!(
                s.contains("Mark 2000 unread articles read? y/n"),
                "{w}×{h}:\n{s}"
            );
        }
        // The Chinese label goes first when the line is short.
        assert_eq!(s.contains("标记已读"), w >= 60, "{w}×{h}:\n{s}");
        r.type_str("n");
    }
}

#[test]
fn marks_changed_while_asking_are_kept() {
    let mut h = with_read(long_list(6, body), &[]);
    h.type_str("A");
    assert!(h.app.reading.question().is_some());
    // Something else marked an article that is not in the question meanwhile.
    let mut now = (*h.app.reading.marks).clone();
    now.set_starred("id0003", true);
    h.app.reading.marks = std::sync::Arc::new(now);
    h.type_str("y");
    let marks = &h.app.reading.marks;
    assert!((0..6).all(|i| marks.is_read(&format!("id{i:04}"))));
    assert!(marks.is_starred("id0003"));
}
