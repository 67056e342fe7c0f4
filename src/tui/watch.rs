//! Keeps the reader up to date while it is open: every few seconds, on a thread of its own,
//! asks the catalog shown whether a corpus folder changed (one `stat` per folder), and says
//! so once per catalog. The update itself runs on the loader's thread, as at launch.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::action::Action;
use super::backend::Catalog;
use super::event::Event;

/// How often the corpus folders are looked at.
pub const EVERY: Duration = Duration::from_secs(5);

type Slot = Arc<Mutex<Option<Arc<dyn Catalog>>>>;

/// The watching thread; it stops when `stop` is set.
pub struct Watch {
    slot: Slot,
}

impl Watch {
    pub fn spawn(tx: Sender<Event>, stop: Arc<AtomicBool>, every: Duration) -> Watch {
        let slot: Slot = Arc::default();
        let watched = Arc::clone(&slot);
        thread::spawn(move || {
            // The catalog that last said its corpus moved: asked again only once replaced.
            let mut told: Option<Arc<dyn Catalog>> = None;
            let mut next = Instant::now() + every;
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(200).min(every));
                if Instant::now() < next {
                    continue;
                }
                next = Instant::now() + every;
                let current = watched.lock().unwrap_or_else(|e| e.into_inner()).clone();
                let Some(catalog) = current else { continue };
                if told.as_ref().is_some_and(|t| Arc::ptr_eq(t, &catalog)) {
                    continue;
                }
                if catalog.corpus_moved() {
                    told = Some(catalog);
                    if tx.send(Event::App(Action::CorpusMoved)).is_err() {
                        return;
                    }
                }
            }
        });
        Watch { slot }
    }

    /// A cloneable way to give the thread the catalog shown.
    pub fn catalog_setter(&self) -> impl Fn(Arc<dyn Catalog>) + Send + 'static {
        let slot = Arc::clone(&self.slot);
        move |c| *slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(c)
    }
}
