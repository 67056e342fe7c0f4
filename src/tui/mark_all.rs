//! `A`: every article of the list marked read at once, as a feed reader's "mark all read".
//! The worker gathers the ids of the whole list (not only the rows loaded), the status line
//! asks, and `y` marks them; any other key leaves them as they were. When every article of
//! the list is read already, the question is whether to mark them unread again.

use std::sync::Arc;

use crate::state::Delta;

use super::app::App;
use super::backend::Request;
use super::effect::Effect;
use super::strings;
use super::update;

/// Where `A` has got to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkAll {
    /// Waiting for the ids of gathering `seq`.
    Gathering(u64),
    /// Asking whether to mark these articles read (`read`) or unread.
    Asking {
        ids: Vec<String>,
        read: bool,
        question: String,
    },
}

/// `A`: asks the worker for the ids of every article of the list.
pub fn start(app: &mut App) -> Vec<Effect> {
    if !app.results.received || app.results.total == 0 {
        app.say_why_no_selection();
        return Vec::new();
    }
    app.reading.gather_seq += 1;
    let seq = app.reading.gather_seq;
    app.reading.mark_all = Some(MarkAll::Gathering(seq));
    app.reading.notice = Some(strings::GATHERING.to_string());
    let request = Request {
        query: app.query.clone(),
        filter: app.filter.clone(),
        sort: app.sort,
        marks: app.reading.marks.clone(),
        ..Request::default()
    };
    vec![Effect::Gather { seq, request }]
}

/// The question for `n` articles: to mark the unread ones read, or all of them unread.
fn question(n: usize, read: bool) -> String {
    match (read, n) {
        (true, 1) => "标记已读 Mark the one unread article here read? y/n".to_string(),
        (true, n) => format!("标记已读 Mark {n} unread articles read? y/n"),
        (false, 1) => "全部已读 Its one article is read: mark it unread? y/n".into(),
        (false, n) => format!("全部已读 All {n} are read: mark them unread? y/n"),
    }
}

/// The ids arrived: ask about the unread ones, or, when there are none, about all of them.
pub fn gathered(app: &mut App, seq: u64, ids: Result<Vec<String>, String>) {
    if app.reading.mark_all != Some(MarkAll::Gathering(seq)) {
        return;
    }
    app.reading.mark_all = None;
    app.reading.notice = None;
    let ids = match ids {
        Ok(ids) => ids,
        Err(e) => {
            app.reading.notice = Some(format!("{}: {e}", strings::CANNOT_MARK_ALL));
            return;
        }
    };
    let marks = &app.reading.marks;
    let unread: Vec<String> = (ids.iter())
        .filter(|id| !marks.is_read(id))
        .cloned()
        .collect();
    let (ids, read) = if unread.is_empty() {
        (ids, false)
    } else {
        (unread, true)
    };
    if ids.is_empty() {
        app.reading.notice = Some(strings::NO_ARTICLE.to_string());
        return;
    }
    let question = question(ids.len(), read);
    app.reading.mark_all = Some(MarkAll::Asking {
        ids,
        read,
        question,
    });
}

/// The answer: `yes` marks the articles asked about and searches again, so that the
/// counts and a reading-state filter follow.
pub fn answer(app: &mut App, yes: bool) -> Vec<Effect> {
    let Some(MarkAll::Asking { ids, read, .. }) = app.reading.mark_all.take() else {
        return Vec::new();
    };
    if !yes {
        app.reading.notice = Some(strings::NOTHING_MARKED.to_string());
        return Vec::new();
    }
    let marks = Arc::make_mut(&mut app.reading.marks);
    let mut delta = Delta::default();
    for id in &ids {
        marks.set_read(id, read);
        delta.read.insert(id.clone(), read);
    }
    let (n, state) = (ids.len(), if read { "read" } else { "unread" });
    let noun = if n == 1 { "article" } else { "articles" };
    app.reading.notice = Some(format!("marked {n} {noun} {state}"));
    let mut fx = vec![Effect::Save(Box::new(delta))];
    fx.extend(update::search_keeping(app));
    fx
}
