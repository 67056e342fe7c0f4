//! What an index folder knows about itself: the version stamp and state number in the
//! commit payload (atomic with the documents), and per state number a file beside the index
//! with the manifest (one entry per corpus file) and the duplicate links.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::paths::write_atomic;
use super::{analyzer, schema};

/// The version stamp: schema, analyzer, dictionary and parser. A different stamp in an
/// index means it was built by another version and must be rebuilt.
pub fn stamp() -> String {
    format!(
        "schema={} analyzer={} dict={} parser={}.{}",
        schema::VERSION,
        analyzer::VERSION,
        analyzer::dictionary_fingerprint(),
        env!("CARGO_PKG_VERSION"),
        crate::corpus::PARSER_VERSION,
    )
}

/// Stored as the tantivy commit payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    pub stamp: String,
    /// Number of the state file that goes with this commit.
    pub state: u64,
}

impl Payload {
    pub fn parse(s: &str) -> Option<Payload> {
        serde_json::from_str(s).ok()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// One corpus file as indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub size: u64,
    pub mtime: u64,
    pub hash: String,
    /// How many articles the file gave, copies included.
    pub articles: usize,
    /// Ids of the articles it gave that an earlier file (in label order) gives too: the
    /// same article saved twice, or one item on two days' listing pages. Each article is
    /// indexed once, from the first file that gives it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<String>,
    /// Why the file gave nothing, when it was skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<String>,
}

/// The manifest and the duplicate links of one committed state. Saved as two files: a
/// small head (`chanjiao-state-N.json`: counts, folder times, duplicates), read on every
/// open, and the per-file manifest (`chanjiao-files-N.json`), read only to compare the
/// corpus file by file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    #[serde(skip)]
    pub files: BTreeMap<String, FileEntry>,
    /// Reports of the same story, each distinct set once.
    pub stories: Vec<super::stories::Story>,
    /// Folders of the corpus and their modification times, for the quick check.
    #[serde(default)]
    pub dirs: BTreeMap<String, u64>,
    /// Articles in the index and files in the manifest (kept in the head so that it can be
    /// checked against the index without reading the manifest).
    pub articles: usize,
    pub file_count: usize,
    /// Articles that files gave again after an earlier file (not in `articles`).
    #[serde(default)]
    pub copies: usize,
}

pub fn state_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("chanjiao-state-{n}.json"))
}

pub fn files_path(dir: &Path, n: u64) -> PathBuf {
    dir.join(format!("chanjiao-files-{n}.json"))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

impl State {
    /// Reads the head of state `n` (not the per-file manifest: see `read_files`).
    pub fn load(dir: &Path, n: u64) -> Result<State, String> {
        read_json(&state_path(dir, n))
    }

    /// Reads the per-file manifest of state `n`, which must list `count` files (the head's
    /// `file_count`).
    pub fn read_files(
        dir: &Path,
        n: u64,
        count: usize,
    ) -> Result<BTreeMap<String, FileEntry>, String> {
        let files: BTreeMap<String, FileEntry> = read_json(&files_path(dir, n))?;
        if files.len() != count {
            return Err(format!(
                "{} lists {} files where {count} were recorded",
                files_path(dir, n).display(),
                files.len(),
            ));
        }
        Ok(files)
    }

    /// Saves both files of state `n` (counts taken from `files`).
    pub fn save(&mut self, dir: &Path, n: u64) -> std::io::Result<()> {
        self.copies = self.files.values().map(|f| f.copies.len()).sum();
        let given: usize = self.files.values().map(|f| f.articles).sum();
        self.articles = given.saturating_sub(self.copies);
        self.file_count = self.files.len();
        let files = serde_json::to_vec(&self.files).map_err(std::io::Error::other)?;
        write_atomic(&files_path(dir, n), &files)?;
        let head = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        write_atomic(&state_path(dir, n), &head)
    }

    /// Removes the state files (and link tables, records of file ends) other than those of
    /// `keep`.
    pub fn remove_others(dir: &Path, keep: u64) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let numbered = ["state", "files", "tails", "links"]
                .iter()
                .find_map(|kind| name.strip_prefix(&format!("chanjiao-{kind}-")))
                .and_then(|rest| {
                    [".json", ".bin"]
                        .iter()
                        .find_map(|ext| rest.strip_suffix(ext))
                });
            if let Some(n) = numbered.and_then(|n| n.parse::<u64>().ok())
                && n != keep
            {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }

    pub fn article_count(&self) -> usize {
        self.articles
    }
}
