//! Reads the reading state at start and writes its changes, on a thread of its own, so
//! neither the first frame nor a keystroke waits for a disk. Changes that arrive while a
//! write is under way (or before the state was read) are merged and written next; a failed
//! write is reported on the status line and tried again with the next change.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

use crate::state::{Delta, Store};

use super::action::Action;
use super::event::Event;
use super::reading::Restore;

#[derive(Default)]
struct Slot {
    pending: Delta,
    stop: bool,
}

type Shared = Arc<(Mutex<Slot>, Condvar)>;

fn lock(shared: &Shared) -> MutexGuard<'_, Slot> {
    shared.0.lock().unwrap_or_else(|e| e.into_inner())
}

/// A handle to the saving thread.
pub struct Saver {
    shared: Shared,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    /// Starts the thread, which first reads the state and sends it as `Action::Restore`
    /// (`resume`: go back to the last session); notices go to `tx`.
    pub fn spawn(mut store: Store, tx: Sender<Event>, resume: bool) -> Saver {
        let shared: Shared = Arc::new((Mutex::new(Slot::default()), Condvar::new()));
        let inner = Arc::clone(&shared);
        let thread = thread::spawn(move || {
            let started = std::time::Instant::now();
            let (state, notice) = store.read();
            if let Some(n) = &notice {
                tracing::warn!("{n}");
            }
            let restore = Restore::new(state, resume, notice);
            // Kept to be remembered once the reader has it: the ids' sets share their
            // contents, the rest is small.
            let (rest, marks) = (restore.state.clone(), restore.marks.clone());
            tracing::debug!(elapsed = ?started.elapsed(), "reading state read");
            let _ = tx.send(Event::App(Action::Restore(Box::new(restore))));
            store.remember(rest.with_marks(&marks));
            run(&inner, store, &tx)
        });
        Saver {
            shared,
            thread: Some(thread),
        }
    }

    /// Queues changes to write.
    pub fn submit(&self, delta: Delta) {
        lock(&self.shared).pending.then(delta);
        self.shared.1.notify_all();
    }

    /// Writes what is still waiting and stops the thread.
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        lock(&self.shared).stop = true;
        self.shared.1.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(shared: &Shared, mut store: Store, tx: &Sender<Event>) {
    let mut failed = Delta::default();
    loop {
        let (delta, stop) = {
            let mut s = lock(shared);
            while !s.stop && s.pending.is_empty() {
                s = shared.1.wait(s).unwrap_or_else(|e| e.into_inner());
            }
            (std::mem::take(&mut s.pending), s.stop)
        };
        let mut todo = std::mem::take(&mut failed);
        todo.then(delta);
        let started = std::time::Instant::now();
        match store.save(&todo) {
            Ok(notice) => {
                tracing::debug!(elapsed = ?started.elapsed(), "reading state saved");
                if let Some(n) = notice {
                    let _ = tx.send(Event::App(Action::Notice(n)));
                }
            }
            Err(e) => {
                tracing::warn!("{e}");
                let _ = tx.send(Event::App(Action::Notice(e.to_string())));
                failed = todo;
            }
        }
        if stop {
            return;
        }
    }
}
