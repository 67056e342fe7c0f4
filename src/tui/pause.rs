//! Stopping the input thread from reading the terminal while another program (the pager)
//! has it, so that no key meant for that program is taken.

use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How long `hold` waits for the input thread to notice at most (it polls every 100 ms).
const HOLD_WAIT: Duration = Duration::from_secs(1);

/// Shared by the interface thread (which holds and releases) and the input thread (which
/// checks before each read).
#[derive(Debug, Default)]
pub struct Pause {
    paused: AtomicBool,
    /// The input thread has seen `paused` and is not reading.
    idle: AtomicBool,
}

impl Pause {
    /// Asks the input thread to stop reading and waits until it has.
    pub fn hold(&self) {
        self.paused.store(true, Ordering::SeqCst);
        let start = Instant::now();
        while !self.idle.load(Ordering::SeqCst) && start.elapsed() < HOLD_WAIT {
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// Lets the input thread read again.
    pub fn release(&self) {
        self.idle.store(false, Ordering::SeqCst);
        self.paused.store(false, Ordering::SeqCst);
    }

    /// For the input thread, before each read: `true` means do not read now (it has slept a
    /// little; ask again).
    pub fn waiting(&self) -> bool {
        if self.paused.load(Ordering::SeqCst) {
            self.idle.store(true, Ordering::SeqCst);
            thread::sleep(Duration::from_millis(20));
            return true;
        }
        self.idle.store(false, Ordering::SeqCst);
        // Held between the two looks: say so before reading.
        self.paused.load(Ordering::SeqCst)
    }
}
