//! The queries searched for before: `Enter` in the search line remembers the query (in the
//! saved state, so the list outlives the reader), and `Ctrl-p`/`Ctrl-n` there step back and
//! forth through them, as a shell's history does. Stepping forth past the latest brings back
//! what was being typed.

use crate::state::{Delta, MAX_RECENT};

use super::app::App;
use super::effect::Effect;
use super::strings;
use super::update::put_query;

/// Where the search line is in the list of queries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recall {
    /// The place in the list of the query shown.
    at: usize,
    /// What was in the search line before the first step back.
    draft: String,
    /// The query shown: once the line is edited, the next step starts again from there.
    shown: String,
}

/// The longest query remembered, in characters: a page pasted into the search line is not
/// written into the state file at every save after it.
pub const MAX_QUERY_CHARS: usize = 500;

/// On `Enter` in the search line: the query goes to the front of the list, and is saved.
pub fn keep(app: &mut App) -> Vec<Effect> {
    app.reading.recall = None;
    let query = app.query.trim();
    if query.is_empty() || query.chars().count() > MAX_QUERY_CHARS {
        return Vec::new();
    }
    let query = query.to_string();
    let recent = &mut app.reading.recent;
    recent.retain(|q| *q != query);
    recent.insert(0, query.clone());
    recent.truncate(MAX_RECENT);
    vec![Effect::Save(Box::new(Delta {
        recent: vec![query],
        ..Delta::default()
    }))]
}

/// `Ctrl-p` (`older`) or `Ctrl-n` in the search line: the next query back or forth that
/// differs from the one shown, searched for at once.
pub fn recall(app: &mut App, older: bool) -> Vec<Effect> {
    if !app.searching {
        return Vec::new();
    }
    // Stepping on from a query shown, or from what is typed.
    let (at, draft) = match app.reading.recall.take() {
        Some(r) if r.shown == app.query => (Some(r.at), r.draft),
        _ => (None, app.query.clone()),
    };
    let shown = app.query.clone();
    let differs = |i: &usize| app.reading.recent.get(*i).is_some_and(|q| *q != shown);
    let next = if older {
        (at.map_or(0, |i| i + 1)..app.reading.recent.len()).find(differs)
    } else {
        (0..at.unwrap_or(0)).rev().find(differs)
    };
    match (next, at) {
        (Some(i), _) => {
            let query = app.reading.recent[i].clone();
            app.reading.recall = Some(Recall {
                at: i,
                draft,
                shown: query.clone(),
            });
            put_query(app, query)
        }
        // Forth past the latest: what was being typed.
        (None, Some(_)) if !older => put_query(app, draft),
        (None, at) => {
            app.reading.recall = at.map(|at| Recall { at, draft, shown });
            app.reading.notice = Some(
                if older {
                    strings::NO_OLDER_QUERY
                } else {
                    strings::NO_NEWER_QUERY
                }
                .to_string(),
            );
            Vec::new()
        }
    }
}
