//! The queries searched for before, in the reader: `Enter` remembers a query and saves it,
//! `Ctrl-p`/`Ctrl-n` in the search line step back and forth through them, from the last
//! session's list too.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::state::{Delta, State};
use chanjiao::tui::effect::Effect;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::reading::Restore;
use chanjiao::tui::strings;
use crossterm::event::{KeyCode, KeyModifiers};
use tui_support::{reader, sample, screen};

fn ctrl(h: &mut Harness, c: char) {
    h.key(KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// Types `query` as a new search and keeps it with `Enter`.
fn search_for(h: &mut Harness, query: &str) {
    h.press(KeyCode::Char('/'));
    ctrl(h, 'u');
    h.type_str(query);
    h.press(KeyCode::Enter);
}

/// The queries `update` asked to save, in order.
fn saved_queries(h: &Harness) -> Vec<String> {
    let mut all = Delta::default();
    for e in &h.effects {
        if let Effect::Save(d) = e {
            all.then((**d).clone());
        }
    }
    all.recent
}

#[test]
fn ctrl_p_and_ctrl_n_step_through_the_queries_kept_and_back_to_the_draft() {
    let mut h = reader(120, 40);
    search_for(&mut h, "联合体");
    search_for(&mut h, "无人机");
    assert_eq!(h.app.reading.recent, ["无人机", "联合体"]);
    assert_eq!(saved_queries(&h), ["联合体", "无人机"]);
    let drones = h.app.results.total;

    h.press(KeyCode::Char('/'));
    ctrl(&mut h, 'u');
    h.type_str("机器");
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "无人机");
    assert_eq!(h.app.results.total, drones, "searched for at once");
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "联合体");
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "联合体", "nothing earlier");
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some(strings::NO_OLDER_QUERY)
    );
    ctrl(&mut h, 'n');
    assert_eq!(h.app.query, "无人机");
    ctrl(&mut h, 'n');
    assert_eq!(h.app.query, "机器", "past the latest: what was typed");
    ctrl(&mut h, 'n');
    assert_eq!(h.app.query, "机器");
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some(strings::NO_NEWER_QUERY)
    );
    assert!(h.app.searching, "still in the search line");
}

#[test]
fn a_query_comes_back_once_and_the_one_shown_is_skipped() {
    let mut h = reader(120, 40);
    search_for(&mut h, "联合体");
    search_for(&mut h, "无人机");
    search_for(&mut h, "联合体");
    assert_eq!(h.app.reading.recent, ["联合体", "无人机"]);
    // The line holds 联合体 (kept): one step back is the query before it.
    h.press(KeyCode::Char('/'));
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "无人机");
    // An edit starts the steps again from the latest.
    h.type_str(" 四川");
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "联合体");
    ctrl(&mut h, 'n');
    assert_eq!(h.app.query, "无人机 四川");
    // A blank query is not remembered, nor a page pasted in.
    ctrl(&mut h, 'u');
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('/'));
    h.type_str(&"职".repeat(chanjiao::tui::recent::MAX_QUERY_CHARS + 1));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.reading.recent, ["联合体", "无人机"]);
}

#[test]
fn the_last_sessions_queries_come_back() {
    let state = State {
        recent: vec!["无人机".into(), "联合体".into()],
        ..State::default()
    };
    let mut h = Harness::restored(sample(), 120, 40, Restore::new(state, false, None));
    h.press(KeyCode::Char('/'));
    ctrl(&mut h, 'p');
    assert_eq!(h.app.query, "无人机");
    assert!(screen(&h).contains("/ 无人机"), "{}", screen(&h));
    assert!(h.app.results.total > 0);
}

#[test]
fn outside_the_search_line_and_in_the_view_prompt_nothing_is_recalled() {
    let mut h = reader(120, 40);
    search_for(&mut h, "联合体");
    h.press(KeyCode::Esc);
    assert!(h.app.query.is_empty());
    // In the list, Ctrl-p is not the search line's.
    ctrl(&mut h, 'p');
    assert!(h.app.query.is_empty());
    // The prompt that saves a view borrows the line, not its queries.
    h.press(KeyCode::Char('w'));
    assert!(h.app.reading.prompt.is_some());
    ctrl(&mut h, 'p');
    assert!(h.app.query.is_empty());
    assert_eq!(h.app.reading.prompt.as_ref().unwrap().text, "");
}
