//! Where indexes live: `DATA_DIR/indexes/KEY/`, one folder per corpus set.

use crate::corpus::describe_io_error;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::IndexError;

/// Environment variable that replaces the platform data directory.
pub const DATA_DIR_ENV: &str = "CHANJIAO_DATA_DIR";

/// The data directory: the flag's value, else `CHANJIAO_DATA_DIR`, else the platform's
/// (`~/.local/share/chanjiao` on Linux, `~/Library/Application Support/chanjiao` on macOS,
/// `%APPDATA%\chanjiao\data` on Windows).
pub fn data_dir(flag: Option<&Path>) -> Result<PathBuf, IndexError> {
    if let Some(p) = flag {
        return Ok(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    ProjectDirs::from("", "", "chanjiao")
        .map(|d| d.data_dir().to_path_buf())
        .ok_or(IndexError::NoHomeDir)
}

/// Makes sure `dir` is a writable directory (creating it if needed), or says why not.
pub fn ensure_writable_dir(dir: &Path) -> Result<(), IndexError> {
    if dir.exists() && !dir.is_dir() {
        return Err(IndexError::NotADirectory(dir.to_path_buf()));
    }
    let not_writable =
        |e: std::io::Error| IndexError::NotWritable(dir.to_path_buf(), describe_io_error(&e));
    fs::create_dir_all(dir).map_err(not_writable)?;
    let probe = dir.join(format!(".chanjiao-write-test-{}", std::process::id()));
    let written = fs::File::create(&probe).and_then(|mut f| f.write_all(b"ok"));
    let _ = fs::remove_file(&probe);
    written.map_err(not_writable)
}

/// Writes a file through `fill` into a temporary sibling renamed over the target, without
/// waiting for the disk: for files that check themselves when read (a crash may leave them
/// cut short), such as caches. On failure the target is as it was and the temporary file
/// is gone.
pub fn write_unsynced(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace_via_temp(path, |f| fill(f))
}

/// Writes a file atomically: a temporary sibling, synced, then renamed over the target.
/// On failure the target is as it was and the temporary file is gone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_via_temp(path, |f| {
        f.write_all(bytes)?;
        f.sync_all()
    })?;
    if let Some(parent) = path.parent() {
        // Make the rename itself durable where the platform allows syncing a directory.
        if let Ok(d) = fs::File::open(parent) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// [`write_atomic`] for a file written a piece at a time: `fill` writes it (a buffered
/// writer on the temporary file is a good idea), and a failure leaves `path` as it was.
pub fn write_atomic_with(
    path: &Path,
    fill: &mut dyn FnMut(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace_via_temp(path, |f| {
        fill(f)?;
        f.sync_all()
    })?;
    if let Some(parent) = path.parent()
        && let Ok(d) = fs::File::open(parent)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// What a temporary sibling's extension starts with, before the writing process's id.
const TEMP_MARK: &str = ".tmp-";

/// Fills a temporary sibling of `path` and renames it over `path`; removes it on failure.
fn replace_via_temp(
    path: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("{}{}", &TEMP_MARK[1..], std::process::id()));
    let written = fs::File::create(&tmp)
        .and_then(|mut f| fill(&mut f))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}

/// Removes the temporary files in `dir` that a killed process left behind: our own
/// (`NAME.tmp-PID`, whose writer is no longer running) and, with `tantivy_too`, tantivy's
/// (`.tmpXXXXXX`, from its atomic writes; only safe while no index writer is open in `dir`,
/// which the update lock ensures). Returns how many were removed.
pub(crate) fn remove_stale_temps(dir: &Path, tantivy_too: bool) -> usize {
    let Ok(rd) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let stale = match name.rsplit_once(TEMP_MARK) {
            Some((stem, pid)) if !stem.is_empty() => {
                pid.parse::<u32>().is_ok_and(|pid| writer_gone(pid, &e))
            }
            _ => tantivy_too && name.starts_with(".tmp") && name.len() > 4,
        };
        if stale && e.file_type().is_ok_and(|t| t.is_file()) && fs::remove_file(e.path()).is_ok() {
            tracing::debug!(
                "removed {}, left by a process that was stopped",
                e.path().display()
            );
            removed += 1;
        }
    }
    removed
}

/// Whether process `pid`, which wrote the temporary file `entry`, has ended. Where the
/// system does not say (no `/proc`), a file untouched for an hour counts as left behind.
fn writer_gone(pid: u32, entry: &fs::DirEntry) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if cfg!(target_os = "linux") && proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > std::time::Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_temporary_files_of_ended_writers_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let own = format!("chanjiao-state-3.tmp-{}", std::process::id());
        // No process has this id: it is above any Linux pid limit.
        let dead = "chanjiao-words-abc.tmp-4294967";
        for name in [
            own.as_str(),
            dead,
            ".tmpAbC123",
            "chanjiao-state-3.json",
            "x.tmp-abc",
        ] {
            fs::write(dir.path().join(name), b"x").unwrap();
        }
        let names = || {
            let mut v: Vec<String> = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(
            remove_stale_temps(dir.path(), false),
            usize::from(cfg!(target_os = "linux"))
        );
        assert!(names().contains(&".tmpAbC123".to_string()));
        remove_stale_temps(dir.path(), true);
        let left = names();
        assert!(left.contains(&own), "{left:?}");
        assert!(left.contains(&"chanjiao-state-3.json".to_string()));
        assert!(left.contains(&"x.tmp-abc".to_string()));
        assert!(!left.contains(&".tmpAbC123".to_string()), "{left:?}");
        if cfg!(target_os = "linux") {
            assert!(!left.contains(&dead.to_string()), "{left:?}");
        }
    }
}
