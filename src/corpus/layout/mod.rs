//! Recognising a file's raw layout (SPEC §1) and splitting it into draft articles.

pub mod entries;
pub mod plain;
pub mod webpage;

use crate::corpus::draft::Draft;

/// Splits decoded text (spam already removed) into drafts: a web page if it has a byline,
/// an aggregator page if it has a `Search documents` header or source·date lines, otherwise
/// one plain article.
pub fn split(lines: &[&str]) -> Vec<Draft> {
    webpage::read(lines)
        .or_else(|| entries::read(lines))
        .or_else(|| plain::read(lines))
        .unwrap_or_default()
}
