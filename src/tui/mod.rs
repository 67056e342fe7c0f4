//! The full-screen reader (SPEC §6).
//!
//! Key or mouse → [`Action`] (through the data in [`keymap`]) → [`update::update`] changes
//! the [`App`] and returns [`Effect`]s → the [`worker`] runs searches and fetches on its own
//! thread against a [`backend::Catalog`] and answers on the one event channel → drawing
//! ([`draw`]) reads `&App` only. The catalog opens on a background thread ([`loader`]), so
//! the first frame appears at once with a progress gauge.

pub mod action;
pub mod app;
mod app_config;
pub mod article_text;
pub mod away;
pub mod backend;
pub mod bindings;
pub mod clipboard;
pub mod draw;
pub mod effect;
pub mod event;
pub mod export_view;
pub mod handoff;
pub mod harness;
pub mod hints;
pub mod index_catalog;
pub mod key;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod line_edit;
pub mod loader;
pub mod mark_all;
pub mod marking;
pub mod memory;
pub mod news;
pub mod pager;
pub mod palette;
pub mod pause;
pub mod query_check;
pub mod reading;
pub mod reading_sidebar;
pub mod recent;
pub mod saver;
pub mod session;
pub mod sidebar;
pub mod signals;
pub mod stats;
pub mod stats_update;
pub mod strings;
pub mod text;
pub mod theme;
pub mod timing;
pub mod update;
pub mod views;
pub mod watch;
pub mod worker;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::Instant;

use anyhow::{Context, bail};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::DefaultTerminal;

pub use action::Action;
pub use app::App;
pub use effect::Effect;

use crate::config::Config;
use crate::settings::Settings;
use crate::state::Store;
use event::Event;
use loader::Opening;
use saver::Saver;
use timing::Timings;
use watch::Watch;
use worker::Worker;

/// How the reader starts.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    /// Go back to where the last session ended (query, filters, order, selection).
    pub resume: bool,
}

impl Default for Start {
    fn default() -> Self {
        Start { resume: true }
    }
}

/// Opens the reader on the configured corpus, with the configuration's theme, keys and
/// order, resuming the last session or not, and runs it until the user quits.
pub fn run(settings: &Settings, config: &Config, start: Start) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(strings::NOT_A_TERMINAL);
    }
    let mut timings = Timings::new(Instant::now());
    let (tx, rx) = mpsc::channel::<Event>();
    let worker = Worker::spawn(tx.clone());
    let stop = Arc::new(AtomicBool::new(false));
    let watch = Watch::spawn(tx.clone(), Arc::clone(&stop), watch::EVERY);
    // A catalog opened goes to the worker, which searches it, and to the watch, which asks it
    // whether the corpus moved.
    let give = || {
        let (to_worker, to_watch) = (worker.catalog_setter(), watch.catalog_setter());
        move |c: Arc<dyn backend::Catalog>| {
            to_watch(Arc::clone(&c));
            to_worker(c);
        }
    };
    let mark_sets = loader::MarkSets::default();
    loader::spawn(
        settings.clone(),
        mark_sets.clone(),
        tx.clone(),
        give(),
        Opening::Launch,
    );
    // The reading state is read on the saver's thread and arrives as `Action::Restore`.
    let store = Store::in_data_dir(&settings.data_dir);
    let saver = Saver::spawn(store, tx.clone(), start.resume);
    let pause = Arc::new(pause::Pause::default());

    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    install_mouse_restore();
    // Pastes arrive whole, marked as pastes: a line break in one is not Enter, and the
    // text after it is not taken for keys (a `q` would quit).
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let reopen_tx = tx.clone();
    let reopen = |start: Opening| {
        loader::spawn(
            settings.clone(),
            mark_sets.clone(),
            reopen_tx.clone(),
            give(),
            start,
        );
    };
    let _signals = signals::listen(tx.clone());
    let input = event::spawn_input(tx, Arc::clone(&stop), Arc::clone(&pause));

    let mut app = App::configured(config, &theme::ColorEnv::from_process());
    app.export_dirs = export_dirs(settings);
    app.corpus = match &settings.corpus {
        crate::settings::CorpusChoice::Paths(p) => p.clone(),
        crate::settings::CorpusChoice::Sample => Vec::new(),
    };
    let services = Services {
        worker: &worker,
        saver: &saver,
        pause: &pause,
        reopen: &reopen,
    };
    let result = event_loop(&mut terminal, app, &rx, &services, &mut timings);
    tracing::info!("reader timings: {}", timings.summary());

    stop.store(true, Ordering::Relaxed);
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    let _ = input.join();
    saver.finish();
    result
}

/// Where `e` writes: the current folder, else the data directory's `exports/`.
fn export_dirs(settings: &Settings) -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = std::env::current_dir().into_iter().collect();
    dirs.push(settings.data_dir.join("exports"));
    dirs
}

/// Makes a panic give the mouse back too (ratatui's own hook restores the rest). A panic
/// the index contains (damage tantivy trips over) is only logged: the reader goes on.
fn install_mouse_restore() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if crate::index::panic_is_contained() {
            tracing::warn!("contained a panic: {info}");
            return;
        }
        let _ = crossterm::execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        previous(info);
    }));
}

/// What carries out the effects `update` asks for, besides the loop itself.
struct Services<'a> {
    /// Searches, fetches and exports, off the interface thread.
    worker: &'a Worker,
    /// Writes the reading state.
    saver: &'a Saver,
    /// Stops the input thread while the pager has the terminal.
    pause: &'a pause::Pause,
    /// Opens the index again on the loader thread: after it was found damaged and set aside
    /// ([`Opening::Reopen`]), or to bring it up to date ([`Opening::Refresh`]).
    reopen: &'a dyn Fn(Opening),
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    mut app: App,
    rx: &Receiver<Event>,
    services: &Services,
    timings: &mut Timings,
) -> anyhow::Result<()> {
    let Services {
        worker,
        saver,
        pause,
        reopen,
    } = *services;
    let size = terminal.size().context("cannot read the terminal size")?;
    update::update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut input_since: Option<Instant> = None;
    let mut answered: Vec<u64> = Vec::new();
    loop {
        terminal
            .draw(|f| draw::draw(f, &app))
            .context("cannot draw")?;
        timings.drawn(app.results.received && !app.results.rows.is_empty());
        if let Some(since) = input_since.take() {
            timings.frame(since);
        }
        for seq in answered.drain(..) {
            timings.answered(seq);
        }
        // Wait for something to happen, then take everything that is already there before
        // drawing again: a burst of keys costs one frame.
        let Ok(first) = rx.recv() else { return Ok(()) };
        let since = Instant::now();
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        for ev in batch {
            let actions = match ev {
                Event::Terminal(t) => {
                    input_since.get_or_insert(since);
                    event::translate(&app, t)
                }
                Event::App(a) => {
                    if let Action::Searched { seq, .. } = &a {
                        answered.push(*seq);
                    }
                    vec![a]
                }
            };
            let mut queue = actions;
            while !queue.is_empty() {
                let a = queue.remove(0);
                for effect in update::update(&mut app, a) {
                    match effect {
                        Effect::Quit => return Ok(()),
                        Effect::Search { seq, .. } => {
                            timings.asked(seq);
                            worker.submit(effect);
                        }
                        Effect::Save(delta) => saver.submit(*delta),
                        Effect::Suspend => {
                            queue.extend(away::suspend(terminal, pause).map(Action::Notice));
                            if let Ok(size) = terminal.size() {
                                queue.push(Action::Resize {
                                    width: size.width,
                                    height: size.height,
                                });
                            }
                        }
                        Effect::Pager { text } => {
                            queue.extend(pager::show(terminal, pause, &text).map(Action::Notice));
                            if let Ok(size) = terminal.size() {
                                queue.push(Action::Resize {
                                    width: size.width,
                                    height: size.height,
                                });
                            }
                        }
                        Effect::Clipboard { sequence } => {
                            queue.extend(clipboard::send(&sequence).err().map(Action::Notice));
                        }
                        Effect::Reopen => reopen(Opening::Reopen),
                        Effect::Refresh { asked: false } => reopen(Opening::Refresh),
                        Effect::Refresh { asked: true } => reopen(Opening::Check),
                        other => worker.submit(other),
                    }
                }
            }
        }
    }
}
