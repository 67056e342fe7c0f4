//! Finding the corpus files below the given paths.

use std::path::{Path, PathBuf};

use super::Skipped;

/// Every corpus file below the given paths (folders are walked for `.txt`/`.text` files and
/// files without an extension, hidden entries skipped; files named directly are taken as
/// they are), sorted, with the paths that could not be read reported instead.
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Skipped>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => visit(p, &mut files, &mut skipped),
            Ok(_) => files.push(p.clone()),
            Err(e) => skipped.push(Skipped {
                file: p.clone(),
                reason: describe(&e),
            }),
        }
    }
    files.sort();
    files.dedup();
    (files, skipped)
}

fn visit(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped {
                file: dir.to_path_buf(),
                reason: describe(&e),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => visit(&path, files, skipped),
            Ok(m) if m.is_file() && is_corpus_name(&path) => files.push(path),
            Ok(_) => {}
            Err(e) => skipped.push(Skipped {
                file: path,
                reason: describe(&e),
            }),
        }
    }
}

/// Scraped digests are `.txt` files (or have no extension); a folder's README or images are
/// not corpus.
pub(crate) fn is_corpus_name(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        None => true,
        Some(e) => e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"),
    }
}

/// Why a path could not be read, in a few words.
pub(crate) fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
