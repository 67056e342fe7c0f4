//! Draft → article: the body cleaned (summary structure or prose), notes lifted into fields,
//! the outlet named, regions and sectors tagged, and the stable id computed.

use crate::article::{Article, article_id};
use crate::corpus::draft::Draft;
use crate::corpus::{prose, summary};
use crate::tagging::regions::{RegionInput, tag_regions};
use crate::tagging::sectors::tag_sectors;
use crate::tagging::sources::outlet;
use crate::text::han_ratio;

/// Characters of no width that scraped titles carry (zero-width space, word joiner, BOM).
const INVISIBLE: [char; 3] = ['\u{200B}', '\u{2060}', '\u{FEFF}'];

/// A title as one line of text: invisible characters out, a tab as a space. Other spacing
/// (an ideographic space between two phrases) is the title as written.
fn tidy_title(title: &str) -> String {
    if !title.contains(INVISIBLE) && !title.contains('\t') {
        return title.to_string();
    }
    let visible: String = title.chars().filter(|c| !INVISIBLE.contains(c)).collect();
    visible
        .split('\t')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Turns a draft into a finished article, or `None` when it has no title.
pub fn finish(mut d: Draft, file: &str) -> Option<Article> {
    d.title = tidy_title(&d.title);
    if d.title.is_empty() {
        return None;
    }
    let lines: Vec<&str> = d.body.iter().map(String::as_str).collect();
    let nonblank: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let mut author = d.author;
    let mut source = d.source;
    let mut editor = d.editor;
    let single = match nonblank.as_slice() {
        [one] => summary_candidate(one),
        _ => None,
    };
    let summary = single.and_then(|(text, cut)| summary::parse(text).map(|s| (s, cut)));
    let (body, citations, headings, truncated) = match summary {
        Some((s, cut)) => {
            let (body, cites, heads) = s.render();
            (body, cites, heads, cut)
        }
        None => prose_body(&lines, &mut author, &mut source, &mut editor),
    };
    let known = source.as_deref().and_then(outlet);
    let source_zh = known.map(|o| o.zh.to_string()).or_else(|| {
        source
            .as_ref()
            .filter(|s| han_ratio(s) > 0.5)
            .map(|s| s.to_string())
    });
    let published = d.published.map(|t| t.to_rfc3339());
    let id = article_id(&d.title, source.as_deref(), published.as_deref(), &body);
    let provinces = tag_regions(&RegionInput {
        title: &d.title,
        body: &body,
        place: d.place.as_deref(),
    })
    .into_iter()
    .map(str::to_string)
    .collect();
    let sectors = tag_sectors(&d.title, &body)
        .into_iter()
        .map(str::to_string)
        .collect();
    Some(Article {
        id,
        title: d.title,
        source_en: known.map(|o| o.en.to_string()),
        source,
        source_zh,
        published: d.published,
        topic: d.topic,
        provinces,
        sectors,
        duplicates: Vec::new(),
        file: file.to_string(),
        body,
        subtitle: d.subtitle,
        author,
        place: d.place,
        keywords: d.keywords,
        editor,
        headings,
        truncated,
        citations,
        layout: d.layout,
        also_in: Vec::new(),
    })
}

/// A one-line body that may be an English summary, without a trailing `...` cut mark.
fn summary_candidate(line: &str) -> Option<(&str, bool)> {
    let t = line.trim();
    if han_ratio(t) > 0.3 || !t.contains(" - ") {
        return None;
    }
    match t.strip_suffix("...").or_else(|| t.strip_suffix('…')) {
        Some(rest) => Some((rest.trim_end(), true)),
        None => Some((t, false)),
    }
}

type Body = (String, Vec<crate::article::Citation>, Vec<usize>, bool);

fn prose_body(
    lines: &[&str],
    author: &mut Option<String>,
    source: &mut Option<String>,
    editor: &mut Option<String>,
) -> Body {
    let p = prose::clean(lines);
    for (key, value) in p.notes {
        // Notes in traditional characters (稿件來源, 責編) name the same fields.
        let slot = match crate::text::to_simplified(&key).as_ref() {
            "作者" | "记者" => &mut *author,
            "稿件来源" | "来源" => &mut *source,
            "责编" | "编辑" | "责任编辑" => &mut *editor,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
    (p.paragraphs.join("\n"), Vec::new(), Vec::new(), p.truncated)
}

#[cfg(test)]
mod tests {
    use super::tidy_title;

    #[test]
    fn titles_lose_tabs_and_invisible_characters() {
        assert_eq!(
            tidy_title("青海西宁\t职业院校\u{200B}开设\u{3000}新专业"),
            "青海西宁 职业院校开设\u{3000}新专业"
        );
        assert_eq!(tidy_title("\u{FEFF}\t"), "");
        assert_eq!(tidy_title("Jinan  colleges"), "Jinan  colleges");
    }
}
