//! Reading and writing the state file: a missing file is an empty state; a file that does
//! not parse is moved aside (never lost) and reported in one line; writes are atomic.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::State;
use crate::index::paths::write_atomic;

/// The state file's name inside the state folder.
pub const FILE_NAME: &str = "state.json";

/// Reads the state file: no file is an empty state; a file that does not parse is moved
/// aside, and the state is empty with a notice that says where the file went and, in
/// `instead`, what was done instead. `Err` (one line) when the file cannot be read at all
/// (permissions, a folder in its place).
pub(crate) fn read(path: &Path, instead: &str) -> Result<(State, Option<String>), String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok((State::default(), None)),
        Err(e) => {
            return Err(format!(
                "cannot read the reading state {}: {e}",
                path.display()
            ));
        }
    };
    match parse(&bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) => {
            let aside = aside_name(path);
            let moved = std::fs::rename(path, &aside);
            let notice = match moved {
                Ok(()) => format!(
                    "the reading state {} was damaged ({e}); kept it as {} and {instead}",
                    path.display(),
                    aside.display()
                ),
                Err(m) => format!(
                    "the reading state {} was damaged ({e}) and could not be moved aside ({m}); {instead}",
                    path.display()
                ),
            };
            Ok((State::default(), Some(notice)))
        }
    }
}

/// The state in a file's bytes, or why they are not one.
fn parse(bytes: &[u8]) -> Result<State, String> {
    // Every state written holds its version: JSON without one (`{}`, `[]`) is not a state
    // that was cleared but a file something else wrote.
    let s = serde_json::from_slice::<State>(bytes).map_err(|e| e.to_string())?;
    if s.version == 0 {
        return Err("it holds no version".to_string());
    }
    Ok(s)
}

/// Reads the state file and changes nothing, for a command that only looks at the marks:
/// no file is an empty state; a file that cannot be read or does not parse is an error (one
/// line, naming it).
pub fn peek(path: &Path) -> Result<State, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(State::default()),
        Err(e) => {
            return Err(format!(
                "cannot read the reading state {}: {e}",
                path.display()
            ));
        }
    };
    parse(&bytes).map_err(|e| {
        format!(
            "the reading state {} is damaged ({e}); open the reader to set it aside",
            path.display()
        )
    })
}

/// A name beside `path` for a damaged copy: `state.json.damaged-20251224T012000`.
fn aside_name(path: &Path) -> PathBuf {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let base = path.file_name().map_or_else(
        || FILE_NAME.to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut candidate = path.with_file_name(format!("{base}.damaged-{stamp}"));
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = path.with_file_name(format!("{base}.damaged-{stamp}-{n}"));
    }
    candidate
}

/// Writes the state atomically (temporary file, fsync, rename).
pub fn write_state(path: &Path, state: &State) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
    write_atomic(path, &json)
}
