//! Starting where the last session ended, and remembering where this one ends: the query,
//! filters, order, focused panel and selected article.

use std::sync::Arc;

use crate::state::{Delta, Session};

use super::app::App;
use super::effect::Effect;
use super::layout::Panel;
use super::reading::{Restore, Resume};
use super::update::{rebuild_sidebar, search, select};
use super::views;

fn panel_name(p: Panel) -> &'static str {
    match p {
        Panel::Sidebar => "sidebar",
        Panel::List => "list",
        Panel::Detail => "detail",
    }
}

fn panel_by_name(name: &str) -> Option<Panel> {
    Panel::ORDER.into_iter().find(|p| panel_name(*p) == name)
}

/// Takes in the saved state at start; with `resume`, goes back to the last session.
pub fn restore(app: &mut App, r: Restore) -> Vec<Effect> {
    app.reading.restored = true;
    app.reading.marks = Arc::new(r.marks);
    app.reading.views = r.state.views;
    app.reading.recent = r.state.recent;
    app.reading.notice = r.notice;
    let mut resume = None;
    if let (true, Some(s)) = (r.resume, r.state.session) {
        views::put(app, &s.search);
        if let Some(p) = panel_by_name(&s.panel) {
            app.focus = p;
        }
        resume = s.selected.map(|id| Resume {
            id,
            position: s.position,
            looked_near: false,
        });
    }
    rebuild_sidebar(app);
    let fx = if app.is_ready() {
        search(app, true)
    } else {
        Vec::new()
    };
    // After the search: a new search stops the lookup, but not this first one.
    app.reading.resume = resume;
    fx
}

/// Where the reader is now, to be saved when it closes.
pub fn snapshot(app: &App) -> Session {
    Session {
        search: views::current(app),
        panel: panel_name(app.focus).to_string(),
        selected: app.selected_row().map(|r| r.id.clone()),
        position: app.list.selected,
    }
}

/// The save to make on quitting: none before the first results arrived (quitting while the
/// index is still being built keeps the last session as it was).
pub fn save_on_quit(app: &App) -> Option<Effect> {
    app.results.received.then(|| {
        Effect::Save(Box::new(Delta {
            session: Some(snapshot(app)),
            ..Delta::default()
        }))
    })
}

/// Selects the last session's article once it is among the loaded rows: first in the first
/// window, then around its old position. When it is gone, the selection stays near there.
pub fn resume_step(app: &mut App) -> Vec<Effect> {
    let Some(resume) = app.reading.resume.clone() else {
        return Vec::new();
    };
    if !app.results.received {
        return Vec::new();
    }
    let r = &app.results;
    let found = r
        .rows
        .iter()
        .position(|row| row.id == resume.id)
        .map(|i| r.offset + i);
    let loaded = r.offset..r.offset + r.rows.len();
    match found {
        Some(i) => {
            app.reading.resume = None;
            select(app, i)
        }
        None if !resume.looked_near && !loaded.contains(&resume.position) => {
            app.reading.resume = Some(Resume {
                looked_near: true,
                ..resume
            });
            select(app, resume.position)
        }
        None => {
            app.reading.resume = None;
            select(app, resume.position)
        }
    }
}
