//! `A`: every article of the list marked read at once, as a feed reader's "mark all read".
//! The worker gathers the ids of the whole list (not only the rows loaded), the status line
//! asks, and `y` marks them; any other key leaves them as they were. When every article of
//! the list is read already, the question is whether to mark them unread again.

use std::sync::Arc;

use crate::state::{Delta, Marks};

use super::app::App;
use super::effect::Effect;
use super::strings;
use super::update;

/// Where `A` has got to.
#[derive(Debug, Clone)]
pub enum MarkAll {
    /// Waiting for the ids of gathering `seq`.
    Gathering(u64),
    /// Asking whether to do this.
    Asking {
        marking: Box<Marking>,
        question: String,
    },
}

/// What `y` does, worked out on the worker as the ids arrive, so that the interface thread
/// only swaps the marks however long the list.
#[derive(Debug, Clone)]
pub struct Marking {
    /// The marks it was worked out from.
    pub from: Arc<Marks>,
    /// The marks after it.
    pub marks: Arc<Marks>,
    /// The change to save.
    pub delta: Delta,
    /// How many articles it marks, and whether read (else unread).
    pub count: usize,
    pub read: bool,
}

/// The unread ones of `ids` marked read; when there are none, all of them marked unread.
pub fn prepare(ids: Vec<String>, from: &Arc<Marks>) -> Marking {
    let unread: Vec<String> = (ids.iter())
        .filter(|id| !from.is_read(id))
        .cloned()
        .collect();
    let (ids, read) = if unread.is_empty() {
        (ids, false)
    } else {
        (unread, true)
    };
    let mut marks = Marks::clone(from);
    marks.set_read_all(ids.iter(), read);
    let delta = Delta {
        read: ids.iter().map(|id| (id.clone(), read)).collect(),
        ..Delta::default()
    };
    Marking {
        from: from.clone(),
        marks: Arc::new(marks),
        delta,
        count: ids.len(),
        read,
    }
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
    vec![Effect::Gather {
        seq,
        request: app.whole_list(),
    }]
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

/// The worker worked out what `y` would do: ask.
pub fn gathered(app: &mut App, seq: u64, marking: Result<Box<Marking>, String>) {
    if !matches!(app.reading.mark_all, Some(MarkAll::Gathering(s)) if s == seq) {
        return;
    }
    app.reading.mark_all = None;
    app.reading.notice = None;
    let marking = match marking {
        Ok(m) if m.count == 0 => {
            app.reading.notice = Some(strings::NO_ARTICLE.to_string());
            return;
        }
        Ok(m) => m,
        Err(e) => {
            app.reading.notice = Some(format!("{}: {e}", strings::CANNOT_MARK_ALL));
            return;
        }
    };
    let question = question(marking.count, marking.read);
    app.reading.mark_all = Some(MarkAll::Asking { marking, question });
}

/// The answer: `yes` marks the articles asked about and searches again, so that the
/// counts and a reading-state filter follow.
pub fn answer(app: &mut App, yes: bool) -> Vec<Effect> {
    let Some(MarkAll::Asking { marking, .. }) = app.reading.mark_all.take() else {
        return Vec::new();
    };
    if !yes {
        app.reading.notice = Some(strings::NOTHING_MARKED.to_string());
        return Vec::new();
    }
    let Marking {
        from,
        marks,
        delta,
        count,
        read,
    } = *marking;
    if Arc::ptr_eq(&app.reading.marks, &from) {
        app.reading.marks = marks;
    } else {
        // The marks changed while the question was asked: the change goes onto them.
        Arc::make_mut(&mut app.reading.marks).set_read_all(delta.read.keys(), read);
    }
    let state = if read { "read" } else { "unread" };
    let noun = if count == 1 { "article" } else { "articles" };
    app.reading.notice = Some(format!("marked {count} {noun} {state}"));
    let mut fx = vec![Effect::Save(Box::new(delta))];
    fx.extend(update::search_keeping(app));
    fx
}
