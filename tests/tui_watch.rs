//! The reader keeps itself up to date while open: a corpus folder that moved starts one
//! background update at a time, and `R` checks the corpus on demand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chanjiao::article::Article;
use chanjiao::tui::action::{Action, Progress};
use chanjiao::tui::backend::{Catalog, Request, Response};
use chanjiao::tui::effect::Effect;
use chanjiao::tui::event::Event;
use chanjiao::tui::watch::Watch;
use crossterm::event::KeyCode;
use tui_support::reader;

fn refreshes(effects: &[Effect]) -> Vec<bool> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Refresh { asked } => Some(*asked),
            _ => None,
        })
        .collect()
}

#[test]
fn a_moved_corpus_starts_one_update_at_a_time() {
    let mut h = reader(120, 40);
    h.effects.clear();
    h.send(Action::CorpusMoved);
    assert_eq!(refreshes(&h.effects), [false]);
    assert!(
        h.app.updating.is_some(),
        "the status line says an update runs"
    );
    // While it runs, neither the watch nor the key starts another.
    h.send(Action::CorpusMoved);
    h.press(KeyCode::Char('R'));
    assert_eq!(refreshes(&h.effects), [false]);
    assert!(
        h.app.reading.notice.is_some(),
        "R says a check is under way"
    );
    // The update arrives; now `R` checks again, as asked.
    let (articles, sorts) = (h.catalog.len(), h.catalog.sorts());
    h.send(Action::Ready {
        articles,
        skipped: Vec::new(),
        sorts,
        missing: Vec::new(),
        news: Default::default(),
    });
    assert!(h.app.updating.is_none());
    h.press(KeyCode::Char('R'));
    assert_eq!(refreshes(&h.effects), [false, true]);
}

#[test]
fn nothing_is_started_before_the_first_open_finishes() {
    let mut app = chanjiao::tui::App::new();
    let fx = chanjiao::tui::update::update(
        &mut app,
        Action::Progress(Progress {
            label: "indexing files".into(),
            done: 1,
            total: 10,
        }),
    );
    assert!(fx.is_empty());
    let fx = chanjiao::tui::update::update(&mut app, Action::CorpusMoved);
    assert!(refreshes(&fx).is_empty(), "{fx:?}");
}

/// A catalog whose corpus has moved, counting how often it was asked.
struct Moved(Mutex<usize>);

impl Catalog for Moved {
    fn search(&self, _: &Request) -> anyhow::Result<Response> {
        anyhow::bail!("not searched here")
    }
    fn get(&self, _: &str) -> Option<Article> {
        None
    }
    fn len(&self) -> usize {
        0
    }
    fn corpus_moved(&self) -> bool {
        *self.0.lock().unwrap() += 1;
        true
    }
}

#[test]
fn the_watch_says_so_once_per_catalog() {
    let (tx, rx) = mpsc::channel();
    let stop = Arc::new(AtomicBool::new(false));
    let watch = Watch::spawn(tx, Arc::clone(&stop), Duration::from_millis(10));
    let moved = |e: Event| matches!(e, Event::App(Action::CorpusMoved));
    // No catalog yet: nothing to ask.
    assert!(rx.recv_timeout(Duration::from_millis(100)).is_err());
    let first = Arc::new(Moved(Mutex::new(0)));
    watch.catalog_setter()(first.clone());
    assert!(moved(rx.recv_timeout(Duration::from_secs(5)).unwrap()));
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "once");
    assert_eq!(*first.0.lock().unwrap(), 1);
    // The update's new catalog is watched afresh.
    watch.catalog_setter()(Arc::new(Moved(Mutex::new(0))));
    assert!(moved(rx.recv_timeout(Duration::from_secs(5)).unwrap()));
    stop.store(true, Ordering::Relaxed);
}
