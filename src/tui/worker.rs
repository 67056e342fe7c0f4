//! The worker thread that searches and fetches articles. It holds one slot per kind of job
//! and a new request replaces the waiting one, so the newest keystroke wins and stale work
//! is never started.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;

use super::action::Action;
use super::backend::{Catalog, Request, Response, Row};
use super::effect::Effect;
use super::event::Event;
use super::export_view::{self, ExportWhat};
use super::mark_all;
use super::query_check;
use crate::filter::FilterError;
use crate::index::IndexError;

/// Runs one effect against a catalog and says what came of it (`None` for `Quit`). The
/// worker thread and the synchronous test driver both use it.
pub fn perform(catalog: &dyn Catalog, effect: &Effect) -> Option<Action> {
    match effect {
        Effect::Search { seq, request } => Some(search(catalog, *seq, request)),
        Effect::Open { seq, id } => {
            let article = catalog.get(id);
            let also = article
                .as_ref()
                .map(|a| {
                    a.duplicates
                        .iter()
                        .filter_map(|d| catalog.get(d))
                        .map(|d| Row::from_article(&d))
                        .collect()
                })
                .unwrap_or_default();
            Some(Action::Opened {
                seq: *seq,
                article: article.map(Arc::new),
                also,
            })
        }
        Effect::FindUnread { seq, request, from } => Some(Action::FoundUnread {
            seq: *seq,
            at: (catalog.next_unread(request, *from)).map_err(|e| format!("{e:#}")),
        }),
        Effect::Gather { seq, request } => Some(Action::Gathered {
            seq: *seq,
            marking: (catalog.ids(request))
                .map(|ids| Box::new(mark_all::prepare(ids, &request.marks)))
                .map_err(|e| format!("{e:#}")),
        }),
        Effect::Export { what, dirs } => {
            Some(Action::Notice(export_view::run(catalog, what, dirs)))
        }
        Effect::Pager { .. }
        | Effect::Suspend
        | Effect::Clipboard { .. }
        | Effect::Quit
        | Effect::Save(_)
        | Effect::Reopen
        | Effect::Refresh { .. } => None,
    }
}

/// Runs a search. A query with a mistake is searched without it, as its longest beginning
/// that has none, and the answer names the first mistake found. The parser finds some
/// mistakes (an unknown province, a date that is not one), the catalog others (an outlet no
/// article has); each beginning is asked of both, longest first.
fn search(catalog: &dyn Catalog, seq: u64, request: &Request) -> Action {
    let resolved;
    let request = match &request.around_row {
        Some(at) => {
            resolved = Request {
                around: request
                    .around
                    .clone()
                    .or_else(|| row_at(catalog, &at.0, at.1)),
                around_row: None,
                ..request.clone()
            };
            &resolved
        }
        None => request,
    };
    let text = &request.query;
    let mut problem: Option<String> = None;
    let ends = std::iter::once(text.len()).chain(text.char_indices().rev().map(|(i, _)| i));
    for end in ends {
        let beginning = &text[..end];
        if let Some(p) = query_check::problem(beginning, &request.filter) {
            problem.get_or_insert(p);
            continue;
        }
        let attempt = Request {
            query: beginning.to_string(),
            ..request.clone()
        };
        match catalog.search(&attempt) {
            Ok(response) => {
                return Action::Searched {
                    seq,
                    result: Ok(Arc::new(Response {
                        problem,
                        ..response
                    })),
                };
            }
            Err(e) if is_mistake(&e) => {
                problem.get_or_insert_with(|| format!("{e:#}"));
            }
            Err(e) => {
                return match catalog.set_aside_if_damaged(&e) {
                    Some(notice) => Action::Damaged { seq, notice },
                    None => Action::Searched {
                        seq,
                        result: Err(format!("{e:#}")),
                    },
                };
            }
        }
    }
    Action::Searched {
        seq,
        result: Err(problem.unwrap_or_default()),
    }
}

/// The id of the article at place `row` of `request`'s results.
fn row_at(catalog: &dyn Catalog, request: &Request, row: usize) -> Option<String> {
    let one = Request {
        offset: row,
        limit: 1,
        around: None,
        around_row: None,
        ..request.clone()
    };
    catalog
        .search(&one)
        .ok()
        .and_then(|r| r.rows.into_iter().next())
        .map(|r| r.id)
}

/// Whether a catalog refused a search for a mistake in it (an outlet or topic that no
/// article has), not for a failure of its own.
fn is_mistake(e: &anyhow::Error) -> bool {
    e.downcast_ref::<FilterError>().is_some()
        || matches!(e.downcast_ref::<IndexError>(), Some(IndexError::Filter(_)))
}

/// Kinds of job the worker thread runs in turn, one waiting of each.
const KINDS: usize = 4;

/// The slot of a job the worker thread runs itself; `None` for the others.
fn slot(effect: &Effect) -> Option<usize> {
    match effect {
        Effect::Search { .. } => Some(0),
        Effect::Open { .. } => Some(1),
        Effect::Gather { .. } => Some(2),
        Effect::FindUnread { .. } => Some(3),
        _ => None,
    }
}

#[derive(Default)]
struct Slots {
    catalog: Option<Arc<dyn Catalog>>,
    /// The waiting job of each kind, in the order they run.
    jobs: [Option<Effect>; KINDS],
    export: Option<(ExportWhat, Vec<PathBuf>)>,
    stop: bool,
}

type Shared = Arc<(Mutex<Slots>, Condvar)>;

fn lock(shared: &Shared) -> MutexGuard<'_, Slots> {
    shared.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// A handle to the worker thread; dropping it stops the thread after its current job.
pub struct Worker {
    shared: Shared,
}

impl Worker {
    /// Starts the thread; answers go to `tx`. Jobs wait until a catalog is set.
    pub fn spawn(tx: Sender<Event>) -> Worker {
        let shared: Shared = Arc::new((Mutex::new(Slots::default()), Condvar::new()));
        let inner = Arc::clone(&shared);
        thread::spawn(move || run(&inner, &tx));
        Worker { shared }
    }

    /// Gives the worker the catalog to work on.
    pub fn set_catalog(&self, catalog: Arc<dyn Catalog>) {
        lock(&self.shared).catalog = Some(catalog);
        self.shared.1.notify_all();
    }

    /// A cloneable way to set the catalog from another thread.
    pub fn catalog_setter(&self) -> impl Fn(Arc<dyn Catalog>) + Send + 'static {
        let shared = Arc::clone(&self.shared);
        move |c| {
            lock(&shared).catalog = Some(c);
            shared.1.notify_all();
        }
    }

    /// Queues an effect, replacing any waiting job of the same kind.
    pub fn submit(&self, effect: Effect) {
        {
            let mut s = lock(&self.shared);
            match (slot(&effect), effect) {
                (Some(i), job) => s.jobs[i] = Some(job),
                (None, Effect::Export { what, dirs }) => s.export = Some((what, dirs)),
                (None, Effect::Quit) => s.stop = true,
                // The interface thread carries the others out itself.
                (None, _) => {}
            }
        }
        self.shared.1.notify_all();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        lock(&self.shared).stop = true;
        self.shared.1.notify_all();
    }
}

fn run(shared: &Shared, tx: &Sender<Event>) {
    loop {
        let (catalog, jobs, export) = {
            let mut s = lock(shared);
            loop {
                if s.stop {
                    return;
                }
                let work = s.jobs.iter().any(Option::is_some) || s.export.is_some();
                if s.catalog.is_some() && work {
                    break;
                }
                s = shared.1.wait(s).unwrap_or_else(|e| e.into_inner());
            }
            let jobs: Vec<Effect> = s.jobs.iter_mut().filter_map(Option::take).collect();
            (s.catalog.clone(), jobs, s.export.take())
        };
        let Some(catalog) = catalog else { continue };
        // An export of a large view takes seconds: on a thread of its own, so that searches
        // and articles asked for meanwhile are not kept waiting behind it.
        if let Some((what, dirs)) = export {
            let (catalog, tx) = (Arc::clone(&catalog), tx.clone());
            thread::spawn(move || {
                let job = Effect::Export { what, dirs };
                if let Some(action) = perform(&*catalog, &job) {
                    let _ = tx.send(Event::App(action));
                }
            });
        }
        for job in jobs {
            let started = std::time::Instant::now();
            if let Some(action) = perform(&*catalog, &job) {
                tracing::debug!(elapsed = ?started.elapsed(), "worker job done");
                if tx.send(Event::App(action)).is_err() {
                    return;
                }
            }
        }
    }
}
