//! Signals that end the reader from outside (`kill`, a closed terminal window): SIGTERM,
//! SIGHUP and SIGINT arrive on the event channel as [`Action::Terminate`], so the reader
//! ends as on `q` — the session saved, the terminal given back — instead of dying with the
//! alternate screen, mouse reporting and a hidden cursor left behind. (Ctrl-C typed in the
//! reader is a key, not SIGINT: the terminal is in raw mode.)

use std::sync::mpsc::Sender;

use super::action::Action;
use super::event::Event;

/// Stops listening when dropped.
pub struct Listening {
    #[cfg(unix)]
    handle: Option<signal_hook::iterator::Handle>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(h) = self.handle.take() {
            h.close();
        }
    }
}

/// Listens on a thread of its own; each signal sends one [`Action::Terminate`] on `tx`.
#[cfg(unix)]
pub fn listen(tx: Sender<Event>) -> Listening {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = match Signals::new([SIGTERM, SIGHUP, SIGINT]) {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("cannot listen for signals: {e}");
            return Listening { handle: None };
        }
    };
    let handle = signals.handle();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let name = signal_hook::low_level::signal_name(signal).unwrap_or("a signal");
            tracing::info!("{name} received: ending the reader");
            if tx.send(Event::App(Action::Terminate)).is_err() {
                return;
            }
        }
    });
    Listening {
        handle: Some(handle),
    }
}

/// Elsewhere the terminal's own handling stays.
#[cfg(not(unix))]
pub fn listen(tx: Sender<Event>) -> Listening {
    drop(tx);
    Listening {}
}
