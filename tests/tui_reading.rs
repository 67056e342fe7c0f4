//! Reading state in the reader, key by key: opening marks read, `r`, `*`, `u` (across
//! windows of a long list), the State facet, saved views (`w`, `'`, the sidebar, `d`) and
//! starting where the last session ended.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use chanjiao::filter::{Mark, NATIONAL};
use chanjiao::state::{SavedFilter, SavedSearch, Session, State, View};
use chanjiao::tui::backend::Sort;
use chanjiao::tui::effect::Effect;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::layout::Panel;
use chanjiao::tui::reading::{PromptKind, Restore};
use chanjiao::tui::sidebar::{Entry, Facet};
use crossterm::event::KeyCode;
use insta::assert_snapshot;
use tui_support::{assert_no_overflow, buffer, long_list, reader, sample, saved, screen};

fn selected_id(h: &Harness) -> String {
    h.app.selected_row().unwrap().id.clone()
}

fn row_id(h: &Harness, i: usize) -> String {
    h.app.results.row(i).unwrap().id.clone()
}

fn restored(state: State) -> Harness {
    Harness::restored(sample(), 120, 40, Restore::new(state, true, None))
}

/// The count the sidebar shows for a reading-state value.
fn state_count(h: &Harness, value: &str) -> usize {
    h.app
        .sidebar
        .entries
        .iter()
        .find_map(|e| match e {
            Entry::Item {
                facet: Facet::State,
                value: v,
                count,
                ..
            } if v == value => Some(*count),
            _ => None,
        })
        .unwrap()
}

#[test]
fn opening_an_article_marks_it_read() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    assert_eq!(state_count(&h, "unread"), all);
    h.press(KeyCode::Char('j'));
    let id = selected_id(&h);
    // Moving onto an article shows it but does not mark it.
    assert!(!h.app.reading.marks.is_read(&id));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.focus, Panel::Detail);
    assert!(h.app.reading.marks.is_read(&id));
    assert_eq!(state_count(&h, "unread"), all - 1);
    assert_eq!(saved(&h).read.get(&id), Some(&true));
}

#[test]
fn r_toggles_read_and_star_toggles_starred() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    let id = selected_id(&h);
    h.press(KeyCode::Char('r'));
    assert!(h.app.reading.marks.is_read(&id));
    assert_eq!(state_count(&h, "unread"), all - 1);
    h.press(KeyCode::Char('r'));
    assert!(!h.app.reading.marks.is_read(&id));
    assert_eq!(state_count(&h, "unread"), all);
    assert_eq!(
        saved(&h).read.get(&id),
        Some(&false),
        "the last change wins"
    );

    h.press(KeyCode::Char('*'));
    assert!(h.app.reading.marks.is_starred(&id));
    assert_eq!(state_count(&h, "starred"), 1);
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('*'));
    assert_eq!(state_count(&h, "starred"), 2);
    h.press(KeyCode::Char('*'));
    assert_eq!(state_count(&h, "starred"), 1);
    let d = saved(&h);
    assert_eq!(d.starred.get(&id), Some(&true));
    assert_eq!(d.starred.get(&selected_id(&h)), Some(&false));
}

#[test]
fn the_state_facet_filters_and_counts_with_the_others() {
    let mut h = reader(120, 40);
    let all = h.app.results.total;
    let (first, third) = (row_id(&h, 0), row_id(&h, 2));
    h.press(KeyCode::Char('r'));
    h.press(KeyCode::Char('*'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('*'));
    // To the sidebar: Unread is the first entry.
    h.press(KeyCode::Char('h'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.marks, vec![Mark::Unread]);
    assert_eq!(h.app.results.total, all - 1);
    assert!(h.app.results.rows.iter().all(|r| r.id != first));
    // Counts are disjunctive: Unread's own count stays, Starred counts among all.
    assert_eq!(state_count(&h, "unread"), all - 1);
    assert_eq!(state_count(&h, "starred"), 2);
    // Starred too: unread OR starred (values of one facet are ORed).
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.results.total, all);
    // Only starred.
    h.press(KeyCode::Char('k'));
    h.press(KeyCode::Enter);
    let ids: Vec<String> = h.app.results.rows.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&first) && ids.contains(&third));
    // AND with a province: the starred national stories only.
    let national = h
        .app
        .results
        .rows
        .iter()
        .filter(|r| r.provinces.is_empty())
        .count();
    let at = h
        .app
        .sidebar
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Item { value, .. } if value == NATIONAL))
        .unwrap();
    h.app.sidebar.cursor = at;
    h.press(KeyCode::Enter);
    assert_eq!(h.app.results.total, national);
    assert!(h.app.results.rows.iter().all(|r| r.provinces.is_empty()));
    // The status line names the filter.
    assert!(screen(&h).contains("星标"));
    h.press(KeyCode::Char('c'));
    assert!(h.app.filter.marks.is_empty());
}

#[test]
fn next_unread_looks_beyond_the_loaded_rows() {
    let mut state = State::default();
    // Everything but rows 3, 350 and 351 is read.
    for i in (0..450).filter(|i| ![3, 350, 351].contains(i)) {
        state.read.insert(format!("id{i:04}"));
    }
    let mut h = Harness::restored(
        long_list(450, |_| "校企合作培养技能人才。"),
        120,
        40,
        Restore::new(state, false, None),
    );
    assert_eq!(h.app.results.total, 450);
    assert!(h.app.results.rows.len() < 350, "the list is virtual");
    h.press(KeyCode::Char('u'));
    assert_eq!(h.app.list.selected, 3);
    h.press(KeyCode::Char('u'));
    assert_eq!(h.app.list.selected, 350);
    assert_eq!(selected_id(&h), "id0350");
    // From the article pane, `u` opens the next one (and so marks it read).
    h.press(KeyCode::Enter);
    assert!(h.app.reading.marks.is_read("id0350"));
    h.press(KeyCode::Char('u'));

    assert_eq!(selected_id(&h), "id0351");
    assert_eq!(h.app.focus, Panel::Detail);
    assert!(h.app.reading.marks.is_read("id0351"));
    assert_eq!(
        h.app.detail.article.as_ref().map(|a| a.id.as_str()),
        Some("id0351")
    );
    // None further down: the selection stays and the status line says so.
    h.press(KeyCode::Char('u'));
    assert_eq!(selected_id(&h), "id0351");
    assert!(h.app.reading.notice.is_some());
    assert!(screen(&h).contains("No unread"));
}

#[test]
fn next_unread_asks_the_worker_instead_of_walking_the_list() {
    let mut state = State::default();
    // Everything read but one article far down, and nothing after it.
    for i in (0..3000).filter(|i| *i != 2600) {
        state.read.insert(format!("id{i:04}"));
    }
    let mut h = Harness::restored(
        long_list(3000, |_| "校企合作培养技能人才。"),
        120,
        40,
        Restore::new(state, false, None),
    );
    h.effects.clear();
    h.press(KeyCode::Char('u'));
    assert_eq!(selected_id(&h), "id2600");
    let asked = |h: &Harness| {
        let finds = (h.effects.iter())
            .filter(|e| matches!(e, Effect::FindUnread { .. }))
            .count();
        let searches = (h.effects.iter())
            .filter(|e| matches!(e, Effect::Search { .. }))
            .count();
        (finds, searches)
    };
    // One question to the worker and one window of rows, not a window at a time.
    assert_eq!(asked(&h), (1, 1));
    h.effects.clear();
    h.press(KeyCode::Char('u'));
    assert_eq!(selected_id(&h), "id2600");
    assert_eq!(asked(&h).1, 0);
    assert!(screen(&h).contains("No unread"));
}

#[test]
fn w_saves_a_view_and_quote_recalls_it() {
    let mut h = reader(120, 40);
    h.type_str("/联合体");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('s'));
    let (query, sort, total) = (h.app.query.clone(), h.app.sort, h.app.results.total);
    h.press(KeyCode::Char('w'));
    assert_eq!(
        h.app.reading.prompt.as_ref().map(|p| p.kind),
        Some(PromptKind::SaveView)
    );
    // Letters go to the name, not to the key map (`q` does not quit).
    h.type_str("联合体 quick");
    h.press(KeyCode::Backspace);
    assert!(!h.app.quit);
    assert!(screen(&h).contains("Save view as: 联合体 quic"));
    h.press(KeyCode::Enter);
    assert!(h.app.reading.prompt.is_none());
    let view = h.app.reading.views.first().cloned().unwrap();
    assert_eq!(view.name, "联合体 quic");
    assert_eq!(view.search.query, query);
    assert_eq!(
        saved(&h).views.get("联合体 quic"),
        Some(&Some(view.clone()))
    );
    // The sidebar lists it, ticked as the view shown now.
    assert!(h.app.sidebar.entries.contains(&Entry::View {
        name: "联合体 quic".into(),
        active: true
    }));

    // Somewhere else, then back with `'`, narrowing by name.
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('s'));
    assert_ne!(h.app.sort, sort);
    assert!(h.app.query.is_empty());
    h.press(KeyCode::Char('\''));
    assert_eq!(
        h.app.reading.prompt.as_ref().map(|p| p.kind),
        Some(PromptKind::RecallView)
    );
    h.type_str("QUI");
    assert!(screen(&h).contains("联合体 quic"), "the picker lists it");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.query, query);
    assert_eq!(h.app.sort, sort);
    assert_eq!(h.app.results.total, total);
    assert_no_overflow(&buffer(&h));
}

#[test]
fn views_apply_from_the_sidebar_and_d_deletes() {
    let mut h = reader(120, 40);
    // A view of national stories, saved with the filter on.
    h.press(KeyCode::Char('h'));
    for _ in 0..2 {
        h.press(KeyCode::Char('j'));
    }
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces, vec![NATIONAL]);
    let national = h.app.results.total;
    h.press(KeyCode::Char('w'));
    h.type_str("全国");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('c'));
    assert!(h.app.results.total > national);
    // Enter on the view in the sidebar applies it.
    let at = h
        .app
        .sidebar
        .entries
        .iter()
        .position(|e| matches!(e, Entry::View { .. }))
        .unwrap();
    h.app.sidebar.cursor = at;
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces, vec![NATIONAL]);
    assert_eq!(h.app.results.total, national);
    // `d` on it deletes it, and says so.
    h.press(KeyCode::Char('h'));
    h.app.sidebar.cursor = at;
    h.press(KeyCode::Char('d'));
    assert!(h.app.reading.views.is_empty());
    assert_eq!(saved(&h).views.get("全国"), Some(&None));
    assert!(screen(&h).contains("deleted"));
    // With no views, `'` says how to make one.
    h.press(KeyCode::Char('\''));
    assert!(h.app.reading.prompt.is_none());
    assert!(h.app.reading.notice.is_some());
}

#[test]
fn an_empty_name_saves_nothing_and_esc_cancels() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('w'));
    h.press(KeyCode::Enter);
    assert!(h.app.reading.views.is_empty());
    assert!(h.app.reading.notice.is_some());
    h.press(KeyCode::Char('w'));
    h.type_str("x");
    h.press(KeyCode::Esc);
    assert!(h.app.reading.prompt.is_none());
    assert!(h.app.reading.views.is_empty());
    assert!(saved(&h).views.is_empty());
}

#[test]
fn starts_where_the_last_session_ended() {
    let first = reader(120, 40);
    let target = first.app.results.row(4).unwrap().clone();
    let state = State {
        session: Some(Session {
            search: SavedSearch {
                query: String::new(),
                filters: SavedFilter::default(),
                sort: "oldest".into(),
            },
            panel: "detail".into(),
            selected: Some(target.id.clone()),
            position: 4,
        }),
        ..State::default()
    };
    let h = restored(state.clone());
    assert_eq!(h.app.sort, Sort::Oldest);
    assert_eq!(h.app.focus, Panel::Detail);
    assert_eq!(selected_id(&h), target.id);
    assert_eq!(
        h.app.detail.article.as_ref().map(|a| a.id.clone()),
        Some(target.id.clone())
    );
    // Without resuming: a fresh start, marks and views still there.
    let fresh = Harness::restored(sample(), 120, 40, Restore::new(state, false, None));
    assert_eq!(fresh.app.sort, Sort::default());
    assert_eq!(fresh.app.list.selected, 0);
}

#[test]
fn the_session_is_saved_on_quit() {
    let mut h = reader(120, 40);
    h.type_str("/技能");
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('j'));
    let id = selected_id(&h);
    h.press(KeyCode::Char('q'));
    let session = saved(&h).session.unwrap();
    assert_eq!(session.search.query, "技能");
    assert_eq!(session.selected, Some(id));
    assert_eq!(session.position, 1);
    assert_eq!(session.panel, "list");
    assert!(matches!(h.effects.last(), Some(Effect::Quit)));
}

#[test]
fn quitting_before_the_catalog_opens_keeps_the_last_session() {
    let mut app = chanjiao::tui::App::new();
    let fx = chanjiao::tui::update::update(&mut app, chanjiao::tui::action::Action::Quit);
    assert_eq!(fx, vec![Effect::Quit]);
}

#[test]
fn an_index_open_before_the_saved_state_arrives_waits_for_it() {
    use chanjiao::tui::action::Action;
    use chanjiao::tui::update::update;
    let mut app = chanjiao::tui::App::new();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    // The index is open first: no search yet, which would list without the marks.
    let fx = update(
        &mut app,
        Action::Ready {
            articles: 36,
            skipped: Vec::new(),
            missing: Vec::new(),
            sorts: Sort::ALL,
            news: Default::default(),
        },
    );
    assert!(
        !fx.iter().any(|e| matches!(e, Effect::Search { .. })),
        "{fx:?}"
    );
    // The state comes: one search, with its marks and the last session's query.
    let mut state = State::default();
    state.read.insert("some-id".into());
    state.session = Some(Session {
        search: SavedSearch {
            query: "技能".into(),
            ..SavedSearch::default()
        },
        ..Session::default()
    });
    let fx = update(
        &mut app,
        Action::Restore(Box::new(Restore::new(state, true, None))),
    );
    let searches: Vec<_> = (fx.iter())
        .filter_map(|e| match e {
            Effect::Search { request, .. } => Some(request),
            _ => None,
        })
        .collect();
    assert_eq!(searches.len(), 1, "{fx:?}");
    assert_eq!(searches[0].query, "技能");
    assert!(searches[0].marks.is_read("some-id"));
}

#[test]
fn a_notice_from_loading_shows_until_a_key() {
    let mut h = Harness::restored(
        sample(),
        120,
        40,
        Restore {
            notice: Some("the reading state was damaged".into()),
            ..Restore::default()
        },
    );
    assert!(screen(&h).contains("the reading state was damaged"));
    h.press(KeyCode::Char('j'));
    assert!(!screen(&h).contains("the reading state was damaged"));
}

#[test]
fn screen_with_marks_and_views() {
    let list = reader(120, 30);
    let id = |i: usize| list.app.results.row(i).unwrap().id.clone();
    let mut state = State::default();
    state.read.extend([id(1), id(2), id(4)]);
    state.starred.extend([id(0), id(2)]);
    for name in ["每周 weekly", "山东未读"] {
        state.views.push(View {
            name: name.into(),
            search: SavedSearch {
                query: String::new(),
                filters: SavedFilter {
                    provinces: vec!["Shandong".into()],
                    marks: vec![Mark::Unread],
                    ..SavedFilter::default()
                },
                sort: "newest".into(),
            },
        });
    }
    let mut h = Harness::restored(sample(), 120, 30, Restore::new(state, false, None));
    h.press(KeyCode::Char('h'));
    assert_no_overflow(&buffer(&h));
    let text = screen(&h);
    assert!(text.contains("• ") && text.contains("*"), "{text}");
    assert_snapshot!("reading_marks", text);
}

#[test]
fn keys_that_need_an_article_say_so_before_the_list_arrives() {
    use chanjiao::tui::strings;
    use chanjiao::tui::update::update;
    use chanjiao::tui::{Action, App};
    let mut app = App::new();
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    for action in [
        Action::OpenArticle,
        Action::ToggleStar,
        Action::ToggleRead,
        Action::NextUnread,
        Action::OpenInPager,
    ] {
        app.reading.notice = None;
        let fx = update(&mut app, action.clone());
        assert!(fx.is_empty(), "{action:?} asked for {fx:?}");
        assert_eq!(
            app.reading.notice.as_deref(),
            Some(strings::LIST_LOADING),
            "{action:?}"
        );
    }
    // Once the list is there, the notice goes and the keys act.
    let mut h = Harness::with_app(app, sample(), 100, 30);
    assert_eq!(h.app.reading.notice, None);
    h.press(KeyCode::Char('*'));
    assert!(h.app.reading.marks.is_starred(&selected_id(&h)));
}

#[test]
fn keys_that_need_an_article_say_when_nothing_matches() {
    let mut h = reader(100, 30);
    h.press(KeyCode::Char('/'));
    h.type_str("zzqqxxnothing");
    h.press(KeyCode::Enter);
    assert_eq!(h.app.results.total, 0);
    h.press(KeyCode::Char('*'));
    assert_eq!(
        h.app.reading.notice.as_deref(),
        Some(chanjiao::tui::strings::NO_ARTICLE)
    );
}
