//! The full-screen reader (SPEC §6).
//!
//! Key or mouse → [`Action`] (through the data in [`keymap`]) → [`update::update`] changes
//! the [`App`] and returns [`Effect`]s → the [`worker`] runs searches and fetches on its own
//! thread against a [`backend::Catalog`] and answers on the one event channel → drawing
//! ([`draw`]) reads `&App` only. The catalog opens on a background thread ([`loader`]), so
//! the first frame appears at once with a progress gauge.

pub mod action;
pub mod app;
pub mod article_text;
pub mod backend;
pub mod clipboard;
pub mod draw;
pub mod effect;
pub mod event;
pub mod export_view;
pub mod handoff;
pub mod harness;
pub mod index_catalog;
pub mod keymap;
pub mod labels;
pub mod layout;
pub mod loader;
pub mod memory;
pub mod pager;
pub mod pause;
pub mod sidebar;
pub mod stats;
pub mod stats_update;
pub mod strings;
pub mod text;
pub mod theme;
pub mod update;
pub mod worker;

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};

use anyhow::{Context, bail};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::DefaultTerminal;

pub use action::Action;
pub use app::App;
pub use effect::Effect;

use crate::settings::Settings;
use event::Event;
use worker::Worker;

/// Opens the reader on the configured corpus and runs it until the user quits.
pub fn run(settings: &Settings) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(strings::NOT_A_TERMINAL);
    }
    let (tx, rx) = mpsc::channel::<Event>();
    let worker = Worker::spawn(tx.clone());
    loader::spawn(settings.clone(), tx.clone(), worker.catalog_setter());
    let stop = Arc::new(AtomicBool::new(false));
    let pause = Arc::new(pause::Pause::default());

    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    install_mouse_restore();
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let input = event::spawn_input(tx, Arc::clone(&stop), Arc::clone(&pause));

    let result = event_loop(&mut terminal, &rx, &worker, &pause, export_dirs(settings));

    stop.store(true, Ordering::Relaxed);
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = input.join();
    result
}

/// Where `e` writes: the current folder, else the data directory's `exports/`.
fn export_dirs(settings: &Settings) -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<std::path::PathBuf> = std::env::current_dir().into_iter().collect();
    dirs.push(settings.data_dir.join("exports"));
    dirs
}

/// Makes a panic give the mouse back too (ratatui's own hook restores the rest).
fn install_mouse_restore() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    rx: &Receiver<Event>,
    worker: &Worker,
    pause: &pause::Pause,
    export_dirs: Vec<std::path::PathBuf>,
) -> anyhow::Result<()> {
    let mut app = App::new();
    app.export_dirs = export_dirs;
    let size = terminal.size().context("cannot read the terminal size")?;
    update::update(
        &mut app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    loop {
        terminal
            .draw(|f| draw::draw(f, &app))
            .context("cannot draw")?;
        // Wait for something to happen, then take everything that is already there before
        // drawing again: a burst of keys costs one frame.
        let Ok(first) = rx.recv() else { return Ok(()) };
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        for ev in batch {
            let actions = match ev {
                Event::Terminal(t) => event::translate(&app, t),
                Event::App(a) => vec![a],
            };
            let mut queue = actions;
            while !queue.is_empty() {
                let a = queue.remove(0);
                for effect in update::update(&mut app, a) {
                    match effect {
                        Effect::Quit => return Ok(()),
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
                        other => worker.submit(other),
                    }
                }
            }
        }
    }
}
