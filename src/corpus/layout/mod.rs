//! Recognising a file's raw layout (SPEC §1) and splitting it into draft articles.

pub mod entries;
pub mod plain;
pub mod portal;
pub mod webpage;

use crate::corpus::draft::Draft;

const CHROME: &[&str] = &["workflow", "icon"];

/// The aggregator's page furniture above a page's content: `Workflow`, `icon`.
pub(crate) fn is_chrome(line: &str) -> bool {
    CHROME.contains(&line.trim().to_ascii_lowercase().as_str())
}

/// Splits decoded text (spam already removed) into drafts: a web page if it has a byline,
/// an aggregator page if it has a `Search documents` header or source·date lines, otherwise
/// one plain article.
pub fn split(lines: &[&str]) -> Vec<Draft> {
    webpage::read(lines)
        .or_else(|| entries::read(lines))
        .or_else(|| plain::read(lines))
        .unwrap_or_default()
}
