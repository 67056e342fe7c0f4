//! What `update` asks the outside world to do: background work, or leaving.

use super::backend::Request;
use crate::state::Delta;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Run a search; the answer comes back as `Action::Searched` with the same `seq`.
    Search { seq: u64, request: Request },
    /// Fetch an article; the answer comes back as `Action::Opened` with the same `seq`.
    Open { seq: u64, id: String },
    /// Write these reading-state changes (off the interface thread).
    Save(Box<Delta>),
    /// Leave the reader.
    Quit,
}
