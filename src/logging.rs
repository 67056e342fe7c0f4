//! Logs go to a file (`chanjiao.log` in the data directory), never to the screen. A log
//! past [`MAX_LOG_BYTES`] starts again at the next run, the previous one kept beside it as
//! `chanjiao.log.1`, so that years of runs (or a `debug` level left on) do not fill a disk.

use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;

use crate::settings::Settings;

/// Starts logging to `DATA_DIR/chanjiao.log` at the level `CHANJIAO_LOG` names (default
/// `info`). Logging is best effort: when the file cannot be opened the program runs on.
pub fn init(settings: &Settings) {
    let path = settings.data_dir.join("chanjiao.log");
    if std::fs::create_dir_all(&settings.data_dir).is_err() {
        return;
    }
    roll_over(&path, MAX_LOG_BYTES);
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let filter = EnvFilter::try_from_env("CHANJIAO_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(Mutex::new(file))
        .try_init();
}

/// The size past which a log is set aside at the next start.
pub const MAX_LOG_BYTES: u64 = 4 << 20;

/// Sets `path` aside as `path.1` (replacing an older one) when it is larger than `max`.
/// Best effort, like the logging: two processes starting at once may both try, and the
/// second finds the new, small file or nothing to move.
fn roll_over(path: &Path, max: u64) {
    if std::fs::metadata(path).is_ok_and(|m| m.len() > max) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        let _ = std::fs::rename(path, old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_past_the_limit_is_set_aside_once() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("chanjiao.log");
        let old = dir.path().join("chanjiao.log.1");
        std::fs::write(&log, "a line\n").unwrap();
        roll_over(&log, 100);
        assert!(log.exists() && !old.exists(), "a small log stays");
        std::fs::write(&old, "older still").unwrap();
        std::fs::write(&log, "x".repeat(101)).unwrap();
        roll_over(&log, 100);
        assert!(!log.exists());
        assert_eq!(std::fs::read_to_string(&old).unwrap().len(), 101);
        roll_over(&log, 100);
        assert!(old.exists(), "no log: nothing to do");
    }
}
