//! Reading the raw corpus: files → decoded text → layout → clean, tagged articles.

pub mod boilerplate;
pub mod dateline;
pub mod decode;
pub mod draft;
pub mod finish;
pub mod layout;
pub mod prose;
pub mod sample;
pub mod spam;
pub mod summary;
mod walk;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::tagging::duplicates;

pub(crate) use walk::mtime_ns;
pub use walk::{
    CACHE_TAG, CACHE_TAG_SIGNATURE, ListedFile, Listing, describe as describe_io_error, list, walk,
};

/// Bump when parsing, tagging or duplicate linking changes what an article looks like: an
/// index built by another parser version is rebuilt.
pub const PARSER_VERSION: u32 = 4;

/// A file that was not read, and why (one line, for stderr).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "skipped {}: {}", self.file.display(), self.reason)
    }
}

/// Everything read from a set of files and folders.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// Parses one file's bytes into tagged articles (duplicates not yet linked). `file` is the
/// label stored in each article's `file` field. `Err` is a one-line reason to skip the file.
pub fn parse_file_bytes(file: &Path, bytes: &[u8]) -> Result<Vec<Article>, String> {
    let decoded = decode::decode(bytes)?;
    let all: Vec<&str> = decoded.text.split('\n').collect();
    let had_text = all.iter().any(|l| !l.trim().is_empty());
    let lines: Vec<&str> = all.into_iter().filter(|l| !spam::is_spam_line(l)).collect();
    if had_text && lines.iter().all(|l| l.trim().is_empty()) {
        return Err("nothing but SEO spam".into());
    }
    let label = file.display().to_string();
    let articles: Vec<Article> = layout::split(&lines)
        .into_iter()
        .filter_map(|d| finish::finish(d, &label))
        .collect();
    if articles.is_empty() {
        if had_text
            && lines
                .iter()
                .all(|l| l.trim().is_empty() || layout::portal::is_furniture(l))
        {
            return Err("nothing but page furniture (navigation, share buttons, footer)".into());
        }
        return Err("no article found in it".into());
    }
    Ok(articles)
}

/// Reads every file below the given folders (or the given files), tags the articles and
/// links duplicate stories across all of them.
pub fn load_paths(paths: &[PathBuf]) -> LoadReport {
    let (files, mut skipped) = walk(paths);
    let inputs: Vec<(PathBuf, Result<Vec<u8>, String>)> = files
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).map_err(|e| format!("cannot read: {e}"));
            (f, bytes)
        })
        .collect();
    let mut report = parse_all(
        inputs
            .iter()
            .map(|(f, b)| (f.as_path(), b.as_deref().map_err(String::as_str))),
    );
    skipped.append(&mut report.skipped);
    report.skipped = skipped;
    report
}

/// Reads the embedded sample corpus.
pub fn load_sample() -> LoadReport {
    let files = sample::files();
    parse_all(
        files
            .iter()
            .map(|(name, bytes)| (Path::new(name.as_str()), Ok(*bytes))),
    )
}

fn parse_all<'a>(
    inputs: impl Iterator<Item = (&'a Path, Result<&'a [u8], &'a str>)>,
) -> LoadReport {
    let inputs: Vec<_> = inputs.collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = inputs.len().div_ceil(threads).max(1);
    let results: Vec<(PathBuf, Result<Vec<Article>, String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = inputs
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|(file, bytes)| {
                            let parsed = match bytes {
                                Ok(b) => parse_file_bytes(file, b),
                                Err(e) => Err(e.to_string()),
                            };
                            (file.to_path_buf(), parsed)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut report = LoadReport::default();
    let mut seen = HashSet::new();
    for (file, parsed) in results {
        match parsed {
            Ok(articles) => report
                .articles
                .extend(articles.into_iter().filter(|a| seen.insert(a.id.clone()))),
            Err(reason) => report.skipped.push(Skipped { file, reason }),
        }
    }
    duplicates::link(&mut report.articles);
    report
}
