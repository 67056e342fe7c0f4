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
    #[error("the index at {} is damaged ({}); run `chanjiao index` to rebuild it", .0.display(), brief(.1))]
    Corrupt(PathBuf, String),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("{0}")]
    Query(String),
}

/// Longest reason quoted in a one-line message, in characters.
const BRIEF_CHARS: usize = 160;

/// A reason (often a library's message, which can quote a whole damaged file) as one short
/// line: whitespace runs become one space, tantivy's "Data corrupted:" before its own "Data
/// corruption" and the file's content it quotes after "Content:" are left out, and a long
/// reason is cut with `…`.
pub(crate) fn brief(why: &str) -> String {
    let why = why.strip_prefix("Data corrupted: ").unwrap_or(why);
    let why = why.trim_start_matches('\'');
    let why = why
        .split_once(" Content: ")
        .map_or(why, |(before, _)| before);
    let line = why.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(BRIEF_CHARS) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_one_short_line() {
        assert_eq!(brief("meta.json\n  is  bad"), "meta.json is bad");
        let long = format!(
            "Data corrupted: {}",
            "{\n \"index_settings\": 1,".repeat(100)
        );
        let b = brief(&long);
        assert!(!b.contains('\n') && b.ends_with('…'), "{b}");
        assert_eq!(b.chars().count(), BRIEF_CHARS + 1);
        // What tantivy says of a damaged meta.json, without the file it quotes.
        let meta = "Data corrupted: 'Data corruption (in file `\"meta.json\"`): Meta file cannot \
                    be deserialized. Error(\"EOF while parsing\"). Content: \"{\\n  \\\"index\"'";
        assert_eq!(
            brief(meta),
            "Data corruption (in file `\"meta.json\"`): Meta file cannot be deserialized. \
             Error(\"EOF while parsing\")."
        );
    }
}
