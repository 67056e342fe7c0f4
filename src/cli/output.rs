//! How the command line prints articles.

use std::io::Write;

use unicode_width::UnicodeWidthChar;

use crate::article::Article;
use crate::index::{SearchResults, Suggestion, Unfiltered};

const TITLE_COLUMNS: usize = 56;

/// One JSON object on one line.
pub fn json_line(out: &mut dyn Write, a: &Article) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, a)?;
    writeln!(out)?;
    Ok(())
}

/// A search hit: the article record plus `score`, `snippet` and the hits' byte ranges
/// within the snippet.
pub fn json_hit(out: &mut dyn Write, hit: &crate::index::Hit) -> anyhow::Result<()> {
    let mut v = serde_json::to_value(&hit.article)?;
    if let Some(map) = v.as_object_mut() {
        map.insert("score".into(), serde_json::json!(hit.score));
        map.insert("snippet".into(), serde_json::json!(hit.snippet));
        let ranges: Vec<[usize; 2]> = hit.hit_ranges.iter().map(|r| [r.start, r.end]).collect();
        map.insert("snippet_hits".into(), serde_json::json!(ranges));
    }
    serde_json::to_writer(&mut *out, &v)?;
    writeln!(out)?;
    Ok(())
}

/// The snippet with its hits marked: bold on a colour terminal, `«…»` otherwise.
pub fn marked(snippet: &str, hits: &[std::ops::Range<usize>], colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("«", "»")
    };
    let mut out = String::new();
    let mut at = 0;
    for r in hits {
        let (Some(before), Some(hit)) = (snippet.get(at..r.start), snippet.get(r.start..r.end))
        else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(hit);
        out.push_str(close);
        at = r.end;
    }
    out.push_str(snippet.get(at..).unwrap_or_default());
    out.replace('\n', " ")
}

/// Says on stderr that no article matched, so that an empty answer reads as one rather than
/// as a silent failure (with `--json` too); stdout stays empty for scripts, and the exit code
/// is 0 (SPEC). `filtered`: whether filter flags were given; `instead`: what the search
/// offers in its place.
pub fn nothing_matched(query: &[String], filtered: bool, instead: Instead) {
    let line = nothing_matched_line(query, filtered, instead);
    let _ = writeln!(std::io::stderr(), "chanjiao: {line}");
}

/// What a search that found nothing offers: another query, or how many articles its words
/// find without the filters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Instead<'a> {
    pub suggestion: Option<&'a Suggestion>,
    pub unfiltered: Option<&'a Unfiltered>,
}

impl<'a> Instead<'a> {
    pub fn of(results: &'a SearchResults) -> Self {
        Instead {
            suggestion: results.suggestion.as_ref(),
            unfiltered: results.unfiltered.as_ref(),
        }
    }
}

/// What [`nothing_matched`] says, without the prefix.
pub fn nothing_matched_line(query: &[String], filtered: bool, instead: Instead) -> String {
    let what = query.join(" ");
    let line = match (what.trim().is_empty(), filtered) {
        (true, true) => "no articles match the filters".to_string(),
        (true, false) => "the corpus has no articles".to_string(),
        (false, true) => format!("no articles match '{what}' with these filters"),
        (false, false) => format!("no articles match '{what}'"),
    };
    let noun = |n: usize| if n == 1 { "article" } else { "articles" };
    let Some(s) = instead.suggestion else {
        return match instead.unfiltered {
            Some(Unfiltered {
                total,
                query: Some(q),
            }) => format!(
                "{line}; '{q}' finds {total} {} without the filters",
                noun(*total)
            ),
            Some(Unfiltered { total, query: None }) => {
                format!("{line}; {total} {} without the filters", noun(*total))
            }
            None => line,
        };
    };
    let without = if s.left_out.is_empty() {
        String::new()
    } else {
        let quoted: Vec<String> = s.left_out.iter().map(|w| format!("'{w}'")).collect();
        format!("; without {}", quoted.join(", "))
    };
    format!(
        "{line}; did you mean '{}'? ({} {}{without})",
        s.query,
        s.total,
        noun(s.total)
    )
}

/// `id  date  title  source  provinces`, the title cut to a fixed display width.
pub fn list_line(out: &mut dyn Write, a: &Article) -> anyhow::Result<()> {
    let date = a.published.map(|t| t.format("%Y-%m-%d").to_string());
    writeln!(
        out,
        "{}  {:10}  {}  {}  {}",
        a.id,
        date.as_deref().unwrap_or("undated"),
        fit(&a.title, TITLE_COLUMNS),
        a.source_zh
            .as_deref()
            .or(a.source.as_deref())
            .unwrap_or("-"),
        if a.provinces.is_empty() {
            "National".to_string()
        } else {
            a.provinces.join(", ")
        },
    )?;
    Ok(())
}

/// The whole article for reading in a terminal.
pub fn full(out: &mut dyn Write, a: &Article, all: &[Article]) -> anyhow::Result<()> {
    writeln!(out, "{}", a.title)?;
    if let Some(s) = &a.subtitle {
        writeln!(out, "{s}")?;
    }
    let mut meta = Vec::new();
    if let Some(s) = &a.source {
        meta.push(match &a.source_zh {
            Some(zh) if zh != s => format!("{s} ({zh})"),
            _ => s.clone(),
        });
    }
    meta.extend(a.published_label());
    if let Some(au) = &a.author {
        meta.push(format!("by {au}"));
    }
    if let Some(p) = &a.place {
        meta.push(p.clone());
    }
    writeln!(out, "{}", meta.join(" · "))?;
    let provinces = if a.provinces.is_empty() {
        "National".to_string()
    } else {
        a.provinces.join(", ")
    };
    writeln!(
        out,
        "regions: {provinces}   sectors: {}",
        a.sectors.join(", ")
    )?;
    if let Some(t) = &a.topic {
        writeln!(out, "topic: {t}")?;
    }
    writeln!(out, "id: {}   file: {}", a.id, a.file)?;
    writeln!(out)?;
    for line in a.lines() {
        writeln!(out, "{line}")?;
    }
    if a.truncated {
        writeln!(out, "[cut short in the source]")?;
    }
    for d in &a.duplicates {
        if let Some(other) = all.iter().find(|o| &o.id == d) {
            writeln!(
                out,
                "also reported: {} {} — {}",
                other.id,
                other.source.as_deref().unwrap_or("-"),
                other.title
            )?;
        }
    }
    Ok(())
}

/// Pads or cuts `s` to exactly `cols` display columns, ending a cut with `…`.
pub fn fit(s: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= cols {
        out.push_str(s);
        used = total;
    } else {
        for c in s.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > cols {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(used)));
    out
}
