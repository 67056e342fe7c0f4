//! Reading the raw corpus: files → decoded text → layout → clean, tagged articles.

use std::path::{Path, PathBuf};

use crate::article::Article;

pub mod sample;

/// A file that was not read, and why (one line, for stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: PathBuf,
    pub reason: String,
}

/// Everything read from a set of files and folders.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// Reads every file below the given folders (or the given files), tags the articles and
/// links duplicate stories across all of them.
pub fn load_paths(_paths: &[PathBuf]) -> LoadReport {
    LoadReport::default()
}

/// Parses one file's bytes into tagged articles (duplicates not yet linked).
/// `file` is the label stored in each article's `file` field.
pub fn parse_file_bytes(_file: &Path, _bytes: &[u8]) -> Result<Vec<Article>, String> {
    Ok(Vec::new())
}

/// Every regular file below the given paths (folders are walked, files taken as they are),
/// sorted, with the paths that could not be read reported instead.
pub fn walk(_paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    (Vec::new(), Vec::new())
}
