//! The worker thread: searches run off the interface thread and the newest request wins.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chanjiao::article::Article;
use chanjiao::tui::Action;
use chanjiao::tui::backend::{Catalog, Facets, NoHits, Request, Response};
use chanjiao::tui::effect::Effect;
use chanjiao::tui::event::Event;
use chanjiao::tui::worker::Worker;

/// A catalog that takes its time and remembers every query it ran.
struct Slow {
    ran: Mutex<Vec<String>>,
}

impl Catalog for Slow {
    fn search(&self, request: &Request) -> anyhow::Result<Response> {
        self.ran.lock().unwrap().push(request.query.clone());
        std::thread::sleep(Duration::from_millis(150));
        Ok(answer(request.query.len()))
    }

    fn get(&self, _: &str) -> Option<Article> {
        None
    }

    fn len(&self) -> usize {
        0
    }
}

/// An answer with no rows and `total` matches.
fn answer(total: usize) -> Response {
    Response {
        rows: Vec::new(),
        offset: 0,
        total,
        facets: Facets::default(),
        hits: Arc::new(NoHits),
        problem: None,
        notes: Vec::new(),
        suggestion: None,
        unfiltered: None,
        written: Default::default(),
        anchor: None,
    }
}

fn search(seq: u64, query: &str) -> Effect {
    Effect::Search {
        seq,
        request: Request {
            query: query.into(),
            ..Default::default()
        },
    }
}

#[test]
fn newest_request_wins_and_stale_ones_never_run() {
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(tx);
    let slow = Arc::new(Slow {
        ran: Mutex::new(Vec::new()),
    });
    // Requests made before the catalog is open wait for it.
    worker.submit(search(1, "a"));
    worker.set_catalog(slow.clone());
    while slow.ran.lock().unwrap().is_empty() {
        std::thread::sleep(Duration::from_millis(5));
    }
    // While "a" runs, three more keystrokes arrive: only the last one is run.
    worker.submit(search(2, "ab"));
    worker.submit(search(3, "abc"));
    worker.submit(search(4, "abcd"));
    let mut answered = Vec::new();
    while answered.last() != Some(&4) {
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            Event::App(Action::Searched { seq, .. }) => answered.push(seq),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(answered, vec![1, 4]);
    assert_eq!(
        *slow.ran.lock().unwrap(),
        vec!["a".to_string(), "abcd".to_string()]
    );
}

/// A catalog whose searches wait until the test opens the gate.
struct Gated {
    open: Mutex<bool>,
    cv: std::sync::Condvar,
    started: std::sync::atomic::AtomicBool,
}

impl Catalog for Gated {
    fn search(&self, request: &Request) -> anyhow::Result<Response> {
        let mut open = self.open.lock().unwrap();
        self.started
            .store(true, std::sync::atomic::Ordering::SeqCst);
        while !*open {
            open = self.cv.wait(open).unwrap();
        }
        Ok(answer(request.query.len()))
    }

    fn get(&self, _: &str) -> Option<Article> {
        None
    }

    fn len(&self) -> usize {
        0
    }
}

#[test]
fn submitting_never_waits_for_a_search() {
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(tx);
    let gated = Arc::new(Gated {
        open: Mutex::new(false),
        cv: std::sync::Condvar::new(),
        started: Default::default(),
    });
    worker.set_catalog(gated.clone());
    worker.submit(search(0, "first"));
    while !gated.started.load(std::sync::atomic::Ordering::SeqCst) {
        std::thread::sleep(Duration::from_millis(5));
    }
    // The first search is stuck behind the gate; submitting more still returns.
    for i in 1..=100 {
        worker.submit(search(i, "x"));
    }
    *gated.open.lock().unwrap() = true;
    gated.cv.notify_all();
    let mut answered = Vec::new();
    while answered.last() != Some(&100) {
        match rx.recv_timeout(Duration::from_secs(10)).unwrap() {
            Event::App(Action::Searched { seq, .. }) => answered.push(seq),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(answered, vec![0, 100]);
}

/// A catalog whose searches for `slow` wait until the test opens the gate; others answer
/// at once.
struct SlowExport {
    gate: Mutex<bool>,
    cv: std::sync::Condvar,
}

impl Catalog for SlowExport {
    fn search(&self, request: &Request) -> anyhow::Result<Response> {
        if request.query == "slow" {
            let mut open = self.gate.lock().unwrap();
            while !*open {
                open = self.cv.wait(open).unwrap();
            }
        }
        Ok(answer(0))
    }

    fn get(&self, _: &str) -> Option<Article> {
        None
    }

    fn len(&self) -> usize {
        0
    }
}

/// An export of a large view takes its time: a search asked for meanwhile is answered
/// before it ends.
#[test]
fn a_search_does_not_wait_for_an_export() {
    let (tx, rx) = mpsc::channel();
    let worker = Worker::spawn(tx);
    let catalog = Arc::new(SlowExport {
        gate: Mutex::new(false),
        cv: std::sync::Condvar::new(),
    });
    worker.set_catalog(catalog.clone());
    let dir = tempfile::tempdir().unwrap();
    worker.submit(Effect::Export {
        what: chanjiao::tui::export_view::ExportWhat::View(Box::new(Request {
            query: "slow".into(),
            ..Default::default()
        })),
        dirs: vec![dir.path().to_path_buf()],
    });
    std::thread::sleep(Duration::from_millis(50));
    worker.submit(search(1, "quick"));
    match rx.recv_timeout(Duration::from_secs(5)).unwrap() {
        Event::App(Action::Searched { seq: 1, .. }) => {}
        other => panic!("the search waited: {other:?}"),
    }
    *catalog.gate.lock().unwrap() = true;
    catalog.cv.notify_all();
    match rx.recv_timeout(Duration::from_secs(5)).unwrap() {
        Event::App(Action::Notice(_)) => {}
        other => panic!("unexpected {other:?}"),
    }
}
