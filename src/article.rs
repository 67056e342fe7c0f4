//! The article record: what the parser produces, what `--json` prints and what the index
//! stores.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// Which raw layout an article was read from (SPEC §1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// An aggregator page: topic tag, then title / source·date / body entries.
    Listing,
    /// One news item: title, source·date, blank line, body.
    Single,
    /// A whole web page with navigation, byline, share widgets and footer.
    WebPage,
    /// Body first, then title and source·date at the end.
    Reversed,
    /// Anything else: a school page, a journal article, plain prose.
    #[default]
    Plain,
}

/// Citation markers such as `[3][4]` that an English summary attaches to a body line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Index of the body line (0-based, lines split on `\n`) the markers were attached to.
    pub line: usize,
    /// The numbers inside the brackets, in order of appearance.
    pub refs: Vec<u32>,
}

/// One article, clean and tagged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a hash of the article's content, the same across runs and machines.
    pub id: String,
    pub title: String,
    /// The outlet as written in the file.
    pub source: Option<String>,
    /// The outlet's Chinese name when known.
    pub source_zh: Option<String>,
    /// Published time, always at +08:00.
    pub published: Option<DateTime<FixedOffset>>,
    /// The tag of the listing page the article came from.
    pub topic: Option<String>,
    /// English province names, most salient first; empty for national stories.
    pub provinces: Vec<String>,
    /// Sector slugs, most salient first.
    pub sectors: Vec<String>,
    /// Ids of other reports of the same story.
    pub duplicates: Vec<String>,
    /// The file the article came from, as given on the command line or found in the folder.
    pub file: String,
    /// Clean text; paragraphs, headings and bullets are separate lines.
    pub body: String,

    // Extra fields beyond the fixed record.
    /// The outlet's English name when known (`People's Daily`).
    pub source_en: Option<String>,
    /// A sub-headline, when the page had one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub subtitle: Option<String>,
    /// The author named in a byline or a `作者:` line.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub author: Option<String>,
    /// The place named in a byline (`Dalian, Liaoning`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub place: Option<String>,
    /// Keywords listed by a journal article (`[关键词]`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub keywords: Vec<String>,
    /// The editor named in a `(责编:…)` note.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub editor: Option<String>,
    /// Body lines that are headings (`Group 2: Curriculum`), by index.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub headings: Vec<usize>,
    /// The body ended in `...` / `…`: the aggregator cut it short.
    pub truncated: bool,
    /// Citation markers removed from the body, by line.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub citations: Vec<Citation>,
    /// Which raw layout the article was read from.
    pub layout: Layout,
    /// The other files that give this article again (the same text saved twice, one item
    /// on two listing pages), in path order; `file` is the first. Filled when an article
    /// is read from the index, not stored with it.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub also_in: Vec<String>,
}

impl Article {
    /// The publication time as every view shows it: `2025-10-11 09:29` (China time), or the
    /// date alone when the time is exactly midnight, which is how a page dated without a
    /// time is read (a report published at exactly 00:00 shows without its time too).
    pub fn published_label(&self) -> Option<String> {
        self.published.map(|t| {
            let format = if t.time() == chrono::NaiveTime::MIN {
                "%Y-%m-%d"
            } else {
                "%Y-%m-%d %H:%M"
            };
            t.format(format).to_string()
        })
    }

    /// The outlet's names to show, without repeats: the Chinese name first, then the English
    /// name (or the name as written when there is no English one).
    pub fn outlet_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        let english = self.source_en.as_deref().or(self.source.as_deref());
        for n in [self.source_zh.as_deref(), english].into_iter().flatten() {
            if !names.iter().any(|m| m.eq_ignore_ascii_case(n)) {
                names.push(n);
            }
        }
        names
    }

    /// The body's lines: paragraphs, headings and `- ` bullets.
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.body.split('\n')
    }

    /// Published date as `YYYY-MM-DD`, or an empty string when undated.
    pub fn date_label(&self) -> String {
        self.published
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
}

/// The fixed UTC+8 offset every published time carries.
pub fn china_offset() -> FixedOffset {
    // A constant well inside FixedOffset's ±24 h range: this cannot fail.
    #[allow(clippy::unwrap_used)]
    FixedOffset::east_opt(8 * 3600).unwrap()
}

/// Hexadecimal digits in an article id.
pub const ID_DIGITS: usize = 12;

/// A stable id from the parts that make an article what it is: the first [`ID_DIGITS`]
/// hexadecimal digits of their hash.
pub fn article_id(
    title: &str,
    source: Option<&str>,
    published: Option<&str>,
    body: &str,
) -> String {
    let mut h = blake3::Hasher::new();
    for part in [title, source.unwrap_or(""), published.unwrap_or(""), body] {
        h.update(part.as_bytes());
        h.update(&[0u8]);
    }
    let hex = h.finalize().to_hex();
    hex[..ID_DIGITS].to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_date_without_a_time_is_shown_alone() {
        let at = |h, m| Article {
            published: china_offset()
                .with_ymd_and_hms(2025, 4, 18, h, m, 0)
                .single(),
            ..Article::default()
        };
        assert_eq!(at(9, 29).published_label().unwrap(), "2025-04-18 09:29");
        assert_eq!(at(0, 0).published_label().unwrap(), "2025-04-18");
        assert_eq!(Article::default().published_label(), None);
    }
}
