//! The one event channel: terminal input from the input thread, and actions from the
//! background threads. Terminal events become actions through the key map.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{
    self as ct, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::action::Action;
use super::app::App;
use super::keymap::Scope;
use super::layout::Panel;
use super::pause::Pause;

/// What arrives on the channel.
#[derive(Debug)]
pub enum Event {
    /// Something the terminal reported.
    Terminal(ct::Event),
    /// Something a background thread finished or reports.
    App(Action),
}

/// Reads the terminal on its own thread until `stop` is set (and not while `pause` holds
/// it), so the interface thread only ever waits on the channel.
pub fn spawn_input(
    tx: Sender<Event>,
    stop: Arc<AtomicBool>,
    pause: Arc<Pause>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            if pause.waiting() {
                continue;
            }
            match ct::poll(Duration::from_millis(100)) {
                Ok(true) => match ct::read() {
                    Ok(ev) => {
                        if tx.send(Event::Terminal(ev)).is_err() {
                            return;
                        }
                    }
                    Err(e) => {
                        tracing::warn!("cannot read the terminal: {e}");
                        return;
                    }
                },
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!("cannot poll the terminal: {e}");
                    return;
                }
            }
        }
    })
}

/// The action a key press means in the reader's current state.
pub fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    // A question on the status line takes the next key: `y` is yes, any other no.
    if app.reading.question().is_some() {
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let yes = plain && matches!(key.code, ct::KeyCode::Char('y' | 'Y'));
        return Some(Action::Answer(yes));
    }
    if app.help.is_some() {
        return app
            .keys
            .lookup(&[Scope::Help, Scope::Global], key)
            .filter(|a| matches!(a, Action::ToggleHelp | Action::Move(_) | Action::Quit));
    }
    // The view prompt edits like the search line.
    if app.searching || app.reading.prompt.is_some() {
        if let Some(a) = app.keys.lookup(&[Scope::Search], key) {
            return Some(a);
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return match key.code {
            ct::KeyCode::Char(c) if plain => Some(Action::Insert(c)),
            _ => None,
        };
    }
    if app.stats.open {
        return app.keys.lookup(&[Scope::Stats, Scope::Global], key);
    }
    let panel = match app.focus {
        Panel::Sidebar => Scope::Sidebar,
        Panel::List => Scope::List,
        Panel::Detail => Scope::Detail,
    };
    app.keys.lookup(&[panel, Scope::Global], key)
}

/// The actions a terminal event means (a paste can be many characters: they go in at the
/// cursor, line breaks inside as spaces, a line break at the end left out).
pub fn translate(app: &App, event: ct::Event) -> Vec<Action> {
    match event {
        ct::Event::Key(k) if k.kind != KeyEventKind::Release => {
            key_action(app, &k).into_iter().collect()
        }
        ct::Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => vec![Action::Scroll {
                column: m.column,
                row: m.row,
                down: true,
            }],
            MouseEventKind::ScrollUp => vec![Action::Scroll {
                column: m.column,
                row: m.row,
                down: false,
            }],
            MouseEventKind::Down(MouseButton::Left) => vec![Action::Click {
                column: m.column,
                row: m.row,
            }],
            _ => Vec::new(),
        },
        ct::Event::Resize(width, height) => vec![Action::Resize { width, height }],
        ct::Event::Paste(text) if app.searching || app.reading.prompt.is_some() => text
            .trim_end_matches(['\r', '\n'])
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .map(Action::Insert)
            .collect(),
        _ => Vec::new(),
    }
}
