//! Read and starred marks in the reader: opening an article marks it read, `r` and `*`
//! toggle, `u` finds the next unread article (the worker finds it beyond the rows loaded).
//!
//! A mark changes the list's look and the sidebar's counts at once (the marked row is among
//! the results, so its count moves by one), but does not search again: the list stays put
//! under the cursor until the next search.

use std::sync::Arc;

use crate::state::Delta;

use super::action::Action;
use super::app::App;
use super::effect::Effect;
use super::layout::Panel;
use super::reading::Seek;
use super::strings;
use super::update::{self, rebuild_sidebar, select};

fn save(delta: Delta) -> Vec<Effect> {
    vec![Effect::Save(Box::new(delta))]
}

/// Marks an article read or unread.
pub fn set_read(app: &mut App, id: &str, read: bool) -> Vec<Effect> {
    if app.reading.marks.is_read(id) == read {
        return Vec::new();
    }
    Arc::make_mut(&mut app.reading.marks).set_read(id, read);
    let counts = &mut app.results.facets.marks;
    counts.unread = if read {
        counts.unread.saturating_sub(1)
    } else {
        counts.unread + 1
    };
    rebuild_sidebar(app);
    let mut d = Delta::default();
    d.read.insert(id.to_string(), read);
    save(d)
}

/// The selected article was opened: it is read now.
pub fn opened(app: &mut App) -> Vec<Effect> {
    match app.selected_row().map(|r| r.id.clone()) {
        Some(id) => set_read(app, &id, true),
        None => Vec::new(),
    }
}

pub fn toggle_read(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.selected_row().map(|r| r.id.clone()) else {
        app.say_why_no_selection();
        return Vec::new();
    };
    let read = !app.reading.marks.is_read(&id);
    set_read(app, &id, read)
}

pub fn toggle_star(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.selected_row().map(|r| r.id.clone()) else {
        app.say_why_no_selection();
        return Vec::new();
    };
    let starred = !app.reading.marks.is_starred(&id);
    Arc::make_mut(&mut app.reading.marks).set_starred(&id, starred);
    let counts = &mut app.results.facets.marks;
    counts.starred = if starred {
        counts.starred + 1
    } else {
        counts.starred.saturating_sub(1)
    };
    rebuild_sidebar(app);
    let mut d = Delta::default();
    d.starred.insert(id, starred);
    save(d)
}

/// `u`: the next unread article after the selection.
pub fn next_unread(app: &mut App) -> Vec<Effect> {
    if !app.results.received {
        app.say_why_no_selection();
        return Vec::new();
    }
    let open = app.focus == Panel::Detail;
    let origin = app.list.selected;
    scan(app, origin + 1, Seek { open, origin })
}

/// Looks for an unread row from `from` on: selects it when it is among the rows loaded,
/// else asks the worker where the next one is in the whole list (however far down), goes
/// there, and selects it when its rows arrive.
fn scan(app: &mut App, from: usize, seek: Seek) -> Vec<Effect> {
    let r = &app.results;
    let end = r.offset + r.rows.len();
    let found = (from.max(r.offset)..end).find(|i| {
        r.row(*i)
            .is_some_and(|row| !app.reading.marks.is_read(&row.id))
    });
    if let Some(i) = found.filter(|_| from >= r.offset) {
        app.reading.seek = None;
        let mut fx = select(app, i);
        if seek.open {
            fx.extend(update::update(app, Action::OpenArticle));
        }
        return fx;
    }
    if end >= r.total && from >= r.offset {
        app.reading.seek = None;
        app.reading.notice = Some(strings::NO_MORE_UNREAD.to_string());
        return select(app, seek.origin);
    }
    app.reading.seek = Some(seek);
    app.reading.unread_seq += 1;
    vec![Effect::FindUnread {
        seq: app.reading.unread_seq,
        request: app.whole_list(),
        from: if from < r.offset { from } else { end },
    }]
}

/// The worker says where the next unread article is: go there (its rows are fetched, and
/// the look goes on when they arrive), or say there is none.
pub fn found(app: &mut App, seq: u64, at: Result<Option<usize>, String>) -> Vec<Effect> {
    let Some(seek) = app.reading.seek.filter(|_| seq == app.reading.unread_seq) else {
        return Vec::new();
    };
    match at {
        Ok(Some(at)) => {
            let mut fx = select(app, at);
            if app.results.row(at).is_some() {
                fx.extend(scan(app, at, seek));
            }
            fx
        }
        Ok(None) => {
            app.reading.seek = None;
            app.reading.notice = Some(strings::NO_MORE_UNREAD.to_string());
            Vec::new()
        }
        Err(e) => {
            app.reading.seek = None;
            app.reading.notice = Some(format!("{}: {e}", strings::CANNOT_FIND_UNREAD));
            Vec::new()
        }
    }
}

/// A window of rows arrived while `u` was looking: look on.
pub fn seek_step(app: &mut App) -> Vec<Effect> {
    let Some(seek) = app.reading.seek else {
        return Vec::new();
    };
    if app.error.is_some() {
        app.reading.seek = None;
        return Vec::new();
    }
    let from = app.list.selected;
    scan(app, from, seek)
}
