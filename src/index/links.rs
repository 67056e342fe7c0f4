//! The link table of a state (`chanjiao-links-N.bin` beside `chanjiao-state-N.json`): what
//! linking duplicates needs to take in a change without reading every stored article. It is
//! only a cache: it is written while the commit that names its number goes ahead, without
//! waiting for the disk, and a table that is missing or fails its checksum is rebuilt from
//! the stored articles.

use std::path::{Path, PathBuf};

use crate::tagging::duplicates::{self, LinkTable};

use super::paths::write_unsynced;

pub fn links_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("chanjiao-links-{n}.bin"))
}

pub(crate) fn load(dir: &Path, n: u64) -> Result<LinkTable, String> {
    let path = links_path(dir, n);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    duplicates::decode(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The link table of a state being read on a thread of its own: started while the corpus
/// is scanned, when a change is likely, so that an update finds it read.
pub(crate) struct Prefetch(std::thread::JoinHandle<Result<LinkTable, String>>);

pub(crate) fn prefetch(dir: &Path, n: u64) -> Prefetch {
    let dir = dir.to_path_buf();
    Prefetch(std::thread::spawn(move || load(&dir, n)))
}

impl Prefetch {
    pub(crate) fn wait(self) -> Result<LinkTable, String> {
        self.0
            .join()
            .unwrap_or_else(|_| Err("reading the link table failed".into()))
    }
}

pub(crate) fn save(dir: &Path, n: u64, table: &LinkTable) -> std::io::Result<()> {
    write_unsynced(&links_path(dir, n), |w| duplicates::encode_to(table, w))
}

/// Gives state `to` the link table of state `from` when nothing was relinked (a hard link,
/// else a copy). The table only saves work: without it the next update links afresh.
pub(crate) fn carry(dir: &Path, from: u64, to: u64) {
    let (old, new) = (links_path(dir, from), links_path(dir, to));
    let _ = std::fs::remove_file(&new);
    if std::fs::hard_link(&old, &new).is_err()
        && let Ok(bytes) = std::fs::read(&old)
    {
        let _ = write_unsynced(&new, |w| w.write_all(&bytes));
    }
}
