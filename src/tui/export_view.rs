//! `e`: the article in the detail pane, or every article of the current view (query and
//! filters, all of them, not only the rows on screen), written as Markdown to a new file.
//! The worker thread fetches and writes; the status line says where the file went.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use crate::article::Article;
use crate::export::markdown::{self, Brief};
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

/// How many articles a view has, and whether its search works at all.
fn view_total(catalog: &dyn Catalog, request: &Request) -> anyhow::Result<usize> {
    Ok(catalog.search(&page(request, 0, 0))?.total)
}

/// The request for one page of a view's results.
fn page(request: &Request, offset: usize, limit: usize) -> Request {
    Request {
        offset,
        limit,
        around: None,
        around_row: None,
        ..Request::clone(request)
    }
}

/// Creates a new file in `dir` (never replacing one) and lets `write` fill it; a file left
/// half written is removed. What `write` returns.
fn write_new_in<T>(
    dir: &Path,
    now: NaiveDateTime,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<T>,
) -> io::Result<(PathBuf, T)> {
    fs::create_dir_all(dir)?;
    for nth in 1..=MAX_SUFFIX {
        let path = dir.join(file_name(now, nth));
        let file = match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let mut out = BufWriter::new(file);
        let written = write(&mut out).and_then(|done| {
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            Ok(done)
        });
        return match written {
            Ok(done) => Ok((path, done)),
            Err(e) => {
                let _ = fs::remove_file(&path);
                Err(e)
            }
        };
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many exports in the same second",
    ))
}

/// Writes a new file in the first of `dirs` that takes it; `write` fills it (again for the
/// next folder when one fails) and says what it wrote.
pub fn write_file<T>(
    dirs: &[PathBuf],
    now: NaiveDateTime,
    write: &mut dyn FnMut(&mut dyn Write) -> io::Result<T>,
) -> Result<(PathBuf, T), String> {
    let mut problems = Vec::new();
    for dir in dirs {
        match write_new_in(dir, now, write) {
            Ok(done) => return Ok(done),
            Err(e) => problems.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(if problems.is_empty() {
        "no folder to export to".to_string()
    } else {
        format!("cannot write the export ({})", problems.join("; "))
    })
}

/// Rows of a view fetched at once while it is written: a page of the search, then its
/// articles one by one.
const PAGE: usize = 2000;

/// Writes every article of a view as Markdown, a page of results at a time and an article
/// at a time: however large the view, the export holds one page of rows and one article.
/// How many were written.
fn write_view(
    catalog: &dyn Catalog,
    request: &Request,
    page_rows: usize,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let brief = |id: &str| catalog.get(id).map(|a| Brief::of(&a));
    let mut written = 0;
    let mut offset = 0;
    loop {
        let rows = catalog
            .search(&page(request, offset, page_rows))
            .map_err(|e| io::Error::other(format!("{e:#}")))?;
        for row in &rows.rows {
            // Gone since the search (the index brought up to date meanwhile): left out.
            let Some(article) = catalog.get(&row.id) else {
                continue;
            };
            markdown::write_section(written, &article, &brief, out)?;
            written += 1;
        }
        offset += rows.rows.len();
        if rows.rows.is_empty() || offset >= rows.total {
            return Ok(written);
        }
    }
}

/// Fetches, formats and writes; the message for the status line either way.
pub fn run(catalog: &dyn Catalog, what: &ExportWhat, dirs: &[PathBuf]) -> String {
    let now = chrono::Local::now().naive_local();
    let written = match what {
        ExportWhat::Article(a) => write_file(dirs, now, &mut |out| {
            export::write(Format::Markdown, std::slice::from_ref(a.as_ref()), out).map(|()| 1)
        }),
        ExportWhat::View(request) => {
            match view_total(catalog, request) {
                Ok(0) => return "nothing to export: no article matches".to_string(),
                Ok(_) => {}
                Err(e) => return format!("cannot export: {e:#}"),
            }
            write_file(dirs, now, &mut |out| {
                write_view(catalog, request, PAGE, out)
            })
        }
    };
    match written {
        Ok((path, n)) => {
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
    fn a_view_is_written_page_by_page_in_its_order_each_article_once() {
        let catalog = crate::tui::memory::MemoryCatalog::new(crate::corpus::load_sample().articles);
        let request = Request {
            query: "职业".into(),
            limit: 1000,
            ..Default::default()
        };
        let all = catalog.search(&request).unwrap().rows;
        assert!(all.len() > 7, "{}", all.len());
        let mut out = Vec::new();
        let n = write_view(&catalog, &request, 3, &mut out).unwrap();
        assert_eq!(n, all.len());
        let text = String::from_utf8(out).unwrap();
        let mut at = 0;
        for row in &all {
            let mark = format!("\n`{}`", row.id);
            let found = text[at..].find(&mark).map(|i| at + i);
            assert!(found.is_some(), "{} missing or out of order", row.id);
            at = found.unwrap_or(at) + mark.len();
            assert_eq!(text.matches(&mark).count(), 1, "{} written once", row.id);
        }
    }

    #[test]
    fn names_carry_the_time_and_never_replace_a_file() {
        assert_eq!(file_name(noon(), 1), "chanjiao-2026-12-02-153012.md");
        assert_eq!(file_name(noon(), 3), "chanjiao-2026-12-02-153012-3.md");
        let dir = tempfile::tempdir().unwrap();
        let dirs = vec![dir.path().to_path_buf()];
        let bytes = |b: &'static [u8]| move |out: &mut dyn Write| out.write_all(b);
        let (a, ()) = write_file(&dirs, noon(), &mut bytes(b"one")).unwrap();
        let (b, ()) = write_file(&dirs, noon(), &mut bytes(b"two")).unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"one");
        assert_eq!(fs::read(&b).unwrap(), b"two");
    }

    #[test]
    fn a_file_that_fails_half_written_is_removed_and_the_next_folder_tried() {
        let first = tempfile::tempdir().unwrap();
        let second = tempfile::tempdir().unwrap();
        let dirs = vec![first.path().to_path_buf(), second.path().to_path_buf()];
        let mut tries = 0;
        let mut fails_once = |out: &mut dyn Write| {
            tries += 1;
            out.write_all(b"half")?;
            if tries == 1 {
                return Err(io::Error::other("disk full"));
            }
            out.write_all(b" and whole")
        };
        let (path, ()) = write_file(&dirs, noon(), &mut fails_once).unwrap();
        assert!(path.starts_with(second.path()), "{}", path.display());
        assert_eq!(fs::read(&path).unwrap(), b"half and whole");
        assert_eq!(
            fs::read_dir(first.path()).unwrap().count(),
            0,
            "nothing left half written"
        );
    }

    #[test]
    fn an_unwritable_folder_falls_back_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-folder");
        fs::write(&file, "x").unwrap();
        let fallback = dir.path().join("data").join("exports");
        let mut md = |out: &mut dyn Write| out.write_all(b"md");
        let (path, ()) = write_file(&[file.clone(), fallback.clone()], noon(), &mut md).unwrap();
        assert!(path.starts_with(&fallback), "{}", path.display());
        let e = write_file(&[file], noon(), &mut md).unwrap_err();
        assert!(e.contains("not-a-folder"), "{e}");
    }
}
