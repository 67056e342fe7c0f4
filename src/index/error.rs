//! What can go wrong with the index, each said in one line that names the path.

use std::path::PathBuf;

use thiserror::Error;

use crate::filter::FilterError;

#[derive(Debug, Error)]
pub enum IndexError {
    #[error(
        "the data directory {0} is not a directory; pass --data-dir or set CHANJIAO_DATA_DIR to a folder"
    )]
    NotADirectory(PathBuf),
    #[error(
        "cannot write to the data directory {0} ({1}); pass --data-dir or set CHANJIAO_DATA_DIR to a writable folder"
    )]
    NotWritable(PathBuf, String),
    #[error("no home directory to keep the index in; pass --data-dir or set CHANJIAO_DATA_DIR")]
    NoHomeDir,
    #[error("{0}: {1}")]
    Io(PathBuf, String),
    #[error("index at {0}: {1}")]
    Tantivy(PathBuf, String),
    #[error("the index at {0} is damaged ({1}); run `chanjiao index` to rebuild it")]
    Corrupt(PathBuf, String),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("{0}")]
    Query(String),
}
