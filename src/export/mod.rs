//! Writing articles out for other programs and people: one Markdown document to read or
//! share, a JSON array of the article records, or a CSV table for a spreadsheet.
//!
//! ```
//! use chanjiao::article::Article;
//! use chanjiao::export::{self, Format};
//!
//! let articles = vec![Article { title: "示例".into(), ..Article::default() }];
//! let mut out = Vec::new();
//! export::write(Format::Json, &articles, &mut out).unwrap();
//! let back: Vec<Article> = serde_json::from_slice(&out).unwrap();
//! assert_eq!(back, articles);
//! ```

mod csv;
#[cfg(test)]
mod fixtures;
mod json;
pub mod markdown;
mod stream;

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::article::Article;

pub use self::csv::HEADER as CSV_COLUMNS;
pub use self::stream::Stream;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One Markdown document, an article a section.
    Markdown,
    /// One JSON array of the article records.
    Json,
    /// A CSV table with a header row, an article a row.
    Csv,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Csv];

    /// The file name extension, which is also the format's short name (`md`, `json`, `csv`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The format a file name's extension asks for (`notes.md`, `data.JSON`), if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// A format name that is not `md`, `markdown`, `json` or `csv`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format '{0}' (use md, json or csv)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// `md` or `markdown`, `json`, `csv`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "csv" => Ok(Format::Csv),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Writes the articles in this format.
pub fn write(
    format: Format,
    articles: &[Article],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Markdown => markdown::write(articles, out),
        Format::Json => json::write(articles, out),
        Format::Csv => csv::write(articles, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_in_any_case_and_print_as_the_extension() {
        for (name, format) in [
            ("md", Format::Markdown),
            ("Markdown", Format::Markdown),
            ("JSON", Format::Json),
            ("csv", Format::Csv),
        ] {
            assert_eq!(name.parse::<Format>(), Ok(format));
        }
        for f in Format::ALL {
            assert_eq!(f.to_string(), f.extension());
            assert_eq!(f.extension().parse::<Format>(), Ok(f));
        }
    }

    #[test]
    fn an_unknown_name_is_an_error_that_names_it() {
        let e = "xlsx".parse::<Format>().unwrap_err();
        assert_eq!(e, UnknownFormat("xlsx".into()));
        assert!(e.to_string().contains("'xlsx'"));
    }

    #[test]
    fn the_format_follows_the_file_extension() {
        assert_eq!(
            Format::from_path(Path::new("out/notes.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("a.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a.json")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("a.txt")), None);
        assert_eq!(Format::from_path(Path::new("csv")), None);
    }
}
