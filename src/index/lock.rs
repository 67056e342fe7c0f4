//! One updater per index folder at a time: an advisory lock on `ROOT/lock`, released by the
//! operating system when the process ends, even by SIGKILL.

use std::fs::{File, OpenOptions};
use std::path::Path;

use fs4::fs_std::FileExt;

use super::IndexError;

/// Held while an index folder is built or updated.
pub struct UpdateLock {
    file: File,
}

impl UpdateLock {
    fn open(root: &Path) -> Result<File, IndexError> {
        let path = root.join("lock");
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| IndexError::NotWritable(path, e.to_string()))
    }

    /// Takes the lock if it is free; `None` when another process holds it.
    pub fn try_acquire(root: &Path) -> Result<Option<UpdateLock>, IndexError> {
        let file = Self::open(root)?;
        match FileExt::try_lock_exclusive(&file) {
            Ok(true) => Ok(Some(UpdateLock { file })),
            Ok(false) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(None),
            Err(e) => Err(IndexError::Io(root.join("lock"), e.to_string())),
        }
    }

    /// Waits for the lock.
    pub fn acquire(root: &Path) -> Result<UpdateLock, IndexError> {
        let file = Self::open(root)?;
        FileExt::lock_exclusive(&file)
            .map_err(|e| IndexError::Io(root.join("lock"), e.to_string()))?;
        Ok(UpdateLock { file })
    }
}

impl Drop for UpdateLock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}
