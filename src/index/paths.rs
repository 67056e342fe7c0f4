//! Where indexes live: `DATA_DIR/indexes/KEY/`, one folder per corpus set.

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
    fs::create_dir_all(dir)
        .map_err(|e| IndexError::NotWritable(dir.to_path_buf(), e.to_string()))?;
    let probe = dir.join(format!(".chanjiao-write-test-{}", std::process::id()));
    let written = fs::File::create(&probe).and_then(|mut f| f.write_all(b"ok"));
    let _ = fs::remove_file(&probe);
    written.map_err(|e| IndexError::NotWritable(dir.to_path_buf(), e.to_string()))
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

/// Fills a temporary sibling of `path` and renames it over `path`; removes it on failure.
fn replace_via_temp(
    path: &Path,
    fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let written = fs::File::create(&tmp)
        .and_then(|mut f| fill(&mut f))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written
}
