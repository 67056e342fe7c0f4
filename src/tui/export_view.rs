//! `e`: the article in the detail pane, or every article of the current view (query and
//! filters, all of them, not only the rows on screen), written as Markdown to a new file.
//! The worker thread fetches and writes; the status line says where the file went.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::article::Article;
use crate::export::{self, Format};

use super::backend::{Catalog, Request};

/// What to write.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportWhat {
    /// One article (the detail pane's).
    Article(Arc<Article>),
    /// Every article this search finds, in its order.
    View(Box<Request>),
}

/// How many names with a `-2`, `-3`… suffix are tried when files of this second exist.
const MAX_SUFFIX: usize = 100;

/// The file name for an export made at `now`: `chanjiao-2026-12-02-153012.md`, and
/// `chanjiao-2026-12-02-153012-2.md` for the second one in the same second.
pub fn file_name(now: NaiveDateTime, nth: usize) -> String {
    let stamp = now.format("%Y-%m-%d-%H%M%S");
    let ext = Format::Markdown.extension();
    if nth <= 1 {
        format!("chanjiao-{stamp}.{ext}")
    } else {
        format!("chanjiao-{stamp}-{nth}.{ext}")
    }
}

/// The articles to write, fetched from the catalog.
pub fn articles(catalog: &dyn Catalog, what: &ExportWhat) -> anyhow::Result<Vec<Article>> {
    match what {
        ExportWhat::Article(a) => Ok(vec![Article::clone(a)]),
        ExportWhat::View(request) => {
            let mut all = Request {
                offset: 0,
                limit: 0,
                ..Request::clone(request)
            };
            all.limit = catalog.search(&all)?.total;
            let rows = catalog.search(&all)?.rows;
            Ok(rows.iter().filter_map(|r| catalog.get(&r.id)).collect())
        }
    }
}

/// Creates a new file in `dir` (never replacing one) and writes `bytes` to it.
fn write_new_in(dir: &Path, now: NaiveDateTime, bytes: &[u8]) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    for nth in 1..=MAX_SUFFIX {
        let path = dir.join(file_name(now, nth));
        let mut file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        return Ok(path);
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many exports in the same second",
    ))
}

/// Writes the Markdown to a new file in the first of `dirs` that takes it.
pub fn write_file(dirs: &[PathBuf], now: NaiveDateTime, bytes: &[u8]) -> Result<PathBuf, String> {
    let mut problems = Vec::new();
    for dir in dirs {
        match write_new_in(dir, now, bytes) {
            Ok(path) => return Ok(path),
            Err(e) => problems.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(if problems.is_empty() {
        "no folder to export to".to_string()
    } else {
        format!("cannot write the export ({})", problems.join("; "))
    })
}

/// Fetches, formats and writes; the message for the status line either way.
pub fn run(catalog: &dyn Catalog, what: &ExportWhat, dirs: &[PathBuf]) -> String {
    let articles = match articles(catalog, what) {
        Ok(a) if a.is_empty() => return "nothing to export: no article matches".to_string(),
        Ok(a) => a,
        Err(e) => return format!("cannot export: {e:#}"),
    };
    let mut bytes = Vec::new();
    if let Err(e) = export::write(Format::Markdown, &articles, &mut bytes) {
        return format!("cannot export: {e}");
    }
    let now = chrono::Local::now().naive_local();
    match write_file(dirs, now, &bytes) {
        Ok(path) => {
            let n = articles.len();
            let noun = if n == 1 { "article" } else { "articles" };
            format!("exported {n} {noun} to {}", path.display())
        }
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noon() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
            .and_then(|d| d.and_hms_opt(15, 30, 12))
            .unwrap()
    }

    #[test]
    fn names_carry_the_time_and_never_replace_a_file() {
        assert_eq!(file_name(noon(), 1), "chanjiao-2026-12-02-153012.md");
        assert_eq!(file_name(noon(), 3), "chanjiao-2026-12-02-153012-3.md");
        let dir = tempfile::tempdir().unwrap();
        let dirs = vec![dir.path().to_path_buf()];
        let a = write_file(&dirs, noon(), b"one").unwrap();
        let b = write_file(&dirs, noon(), b"two").unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"one");
        assert_eq!(fs::read(&b).unwrap(), b"two");
    }

    #[test]
    fn an_unwritable_folder_falls_back_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let fallback = dir.path().join("data").join("exports");
        let path = write_file(&[file.clone(), fallback.clone()], noon(), b"md").unwrap();
        assert!(path.starts_with(&fallback), "{}", path.display());
        let e = write_file(&[file], noon(), b"md").unwrap_err();
        assert!(e.contains("not-a-folder"), "{e}");
    }
}
