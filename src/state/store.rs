//! The state folder: loading at start, and saves that merge this reader's changes into what
//! the file holds now, one process at a time.

use std::path::{Path, PathBuf};

use super::file;
use super::{Delta, FILE_NAME, State};
use crate::index::lock::UpdateLock;

/// The folder under the data directory that holds the state.
pub const DIR_NAME: &str = "state";

/// Where the reading state lives.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// The file could not be read at start: never overwrite what we could not read.
    frozen: bool,
    /// The state as this process last read or wrote it. Where a save finds the file
    /// damaged, the changes go onto this rather than onto an empty state, so the marks and
    /// views this reader has seen are written back instead of lost with the file.
    known: State,
}

/// A save failed: one line naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SaveError(pub String);

impl Store {
    /// The state of the data directory `data_dir`.
    pub fn in_data_dir(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join(DIR_NAME),
            frozen: false,
            known: State::default(),
        }
    }

    /// The state file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the state and remembers it ([`Store::read`], then [`Store::remember`]).
    pub fn load(&mut self) -> (State, Option<String>) {
        let (state, notice) = self.read();
        self.remember(state.clone());
        (state, notice)
    }

    /// Reads the state, with a one-line notice when it could not be used as it was. A missing
    /// file is an empty state; a damaged one is moved aside; an unreadable one leaves the
    /// state empty and stops saves from replacing it. What it read is for the caller to
    /// [`Store::remember`], once it has handed the state on (a copy of 100,000 ids costs
    /// time the reader need not wait for).
    pub fn read(&mut self) -> (State, Option<String>) {
        match file::read(&self.path(), "started afresh") {
            Ok(read) => read,
            Err(n) => {
                self.frozen = true;
                (
                    State::default(),
                    Some(format!("{n}; reading state will not be saved")),
                )
            }
        }
    }

    /// Takes `state` as the state this process last saw: where a save finds the file damaged,
    /// its changes go onto this.
    pub fn remember(&mut self, state: State) {
        self.known = state;
    }

    /// Applies `delta` to the file as it is now and writes it back atomically, holding the
    /// state folder's lock so that two readers saving at once do not lose each other's
    /// changes. Returns a notice when the file had to be moved aside first; the changes then
    /// go onto the state as this process last knew it.
    pub fn save(&mut self, delta: &Delta) -> Result<Option<String>, SaveError> {
        if self.frozen || delta.is_empty() {
            return Ok(None);
        }
        let path = self.path();
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            SaveError(format!(
                "cannot create the state folder {}: {e}",
                self.dir.display()
            ))
        })?;
        let _lock = UpdateLock::acquire(&self.dir).map_err(|e| SaveError(e.to_string()))?;
        let (read, notice) = file::read(&path, "saved this reader's marks and views in its place")
            .map_err(SaveError)?;
        let mut state = if notice.is_some() {
            self.known.clone()
        } else {
            read
        };
        delta.apply(&mut state);
        file::write_state(&path, &state).map_err(|e| {
            SaveError(format!(
                "cannot save the reading state {}: {e}",
                path.display()
            ))
        })?;
        self.known = state;
        Ok(notice)
    }
}
