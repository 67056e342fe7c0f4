//! Logs go to a file (`chanjiao.log` in the data directory), never to the screen.

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
