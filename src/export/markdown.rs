//! Markdown: one document, an article a `##` section, with a rule between articles. Meant
//! to read as well in a pager as rendered: no HTML, few marks, a blank line between blocks.
//!
//! An article's section holds its title, the sub-headline, a meta line (date, outlet in
//! Chinese and English, author, place), a tags line (regions with their Chinese names,
//! sectors, topic), then the body with its structure kept: heading lines become `###`
//! headings, `- ` bullets stay bullets, and citation markers such as `[1][2]` go back to
//! the end of the lines they were taken from. Other reports of the same story and the
//! article's id and file (and any other files holding the same text) close the section.

use std::collections::HashMap;
use std::io::{self, Write};

use chrono::{DateTime, FixedOffset};

use crate::article::Article;
use crate::tagging::{regions, sectors};
use crate::tui::text::clean;

/// Between two fields of the meta and tags lines.
const SEP: &str = " · ";

/// What an article's section says of another report of the same story that is exported
/// with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub published: Option<DateTime<FixedOffset>>,
    /// The outlet's Chinese name, else as written.
    pub outlet: Option<String>,
    pub title: String,
}

impl Brief {
    pub fn of(a: &Article) -> Brief {
        Brief {
            published: a.published,
            outlet: a.source_zh.clone().or_else(|| a.source.clone()),
            title: a.title.clone(),
        }
    }
}

pub fn write(articles: &[Article], out: &mut dyn Write) -> io::Result<()> {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let brief = |id: &str| by_id.get(id).map(|a| Brief::of(a));
    for (i, a) in articles.iter().enumerate() {
        write_section(i, a, &brief, out)?;
    }
    Ok(())
}

/// Writes the `index`-th article of an export (a rule before all but the first), one at a
/// time, so that a long export never holds every article. `brief` tells of the other
/// reports of the same story that are exported too.
pub fn write_section(
    index: usize,
    a: &Article,
    brief: &dyn Fn(&str) -> Option<Brief>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if index > 0 {
        writeln!(out, "\n---\n")?;
    }
    section(a, brief, out)
}

fn section(
    a: &Article,
    brief: &dyn Fn(&str) -> Option<Brief>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "## {}", clean(a.title.trim()))?;
    if let Some(sub) = &a.subtitle {
        writeln!(out, "\n{}", escape_block(&clean(sub.trim())))?;
    }
    let meta = meta_line(a);
    if !meta.is_empty() {
        writeln!(out, "\n{meta}")?;
    }
    writeln!(out, "\n{}", tags_line(a))?;
    body(a, out)?;
    if a.truncated {
        writeln!(out, "\n*(cut short in the source)*")?;
    }
    if !a.duplicates.is_empty() {
        writeln!(out, "\nAlso reported:\n")?;
        for id in &a.duplicates {
            writeln!(out, "- {}", other_report(id, brief(id)))?;
        }
    }
    write!(out, "\n`{}`{SEP}`{}`", a.id, clean(&a.file))?;
    if !a.also_in.is_empty() {
        let copies: Vec<String> = a
            .also_in
            .iter()
            .map(|f| format!("`{}`", clean(f)))
            .collect();
        write!(out, " (the same text is also in {})", copies.join(", "))?;
    }
    writeln!(out)
}

/// `2025-10-11 09:29 · 人民日报 (People's Daily) · by NAME · Dalian, Liaoning`.
fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    parts.extend(a.published_label());
    match a.outlet_names()[..] {
        [first, second] => parts.push(format!("{first} ({second})")),
        [name] => parts.push(name.to_string()),
        _ => {}
    }
    if let Some(author) = &a.author {
        parts.push(format!("by {author}"));
    }
    parts.extend(a.place.clone());
    escape_block(&clean(&parts.join(SEP)))
}

/// `Regions: 山东 Shandong, 香港 Hong Kong · Sectors: 新能源汽车 (new-energy-vehicles) · Topic: …`.
fn tags_line(a: &Article) -> String {
    let regions = if a.provinces.is_empty() {
        "全国 National".to_string()
    } else {
        a.provinces
            .iter()
            .map(|en| match regions::province_by_name(en) {
                Some(p) => format!("{} {en}", p.zh),
                None => en.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = vec![format!("Regions: {regions}")];
    if !a.sectors.is_empty() {
        let names: Vec<String> = a
            .sectors
            .iter()
            .map(|slug| match sectors::sector_by_name(slug) {
                Some(s) => format!("{} ({slug})", s.zh),
                None => slug.clone(),
            })
            .collect();
        parts.push(format!("Sectors: {}", names.join(", ")));
    }
    if let Some(topic) = &a.topic {
        parts.push(format!("Topic: {topic}"));
    }
    if !a.keywords.is_empty() {
        parts.push(format!("Keywords: {}", a.keywords.join(", ")));
    }
    clean(&parts.join(SEP)).into_owned()
}

/// The body's lines as Markdown blocks: a blank line between blocks, none between the
/// bullets of one list.
fn body(a: &Article, out: &mut dyn Write) -> io::Result<()> {
    let cites: HashMap<usize, &[u32]> = a
        .citations
        .iter()
        .map(|c| (c.line, c.refs.as_slice()))
        .collect();
    let mut in_list = false;
    for (i, raw) in a.lines().enumerate() {
        let line = clean(raw.trim());
        if line.is_empty() {
            continue;
        }
        let markers = match cites.get(&i) {
            Some(refs) if !refs.is_empty() => {
                let refs: String = refs.iter().map(|r| format!("[{r}]")).collect();
                format!(" {refs}")
            }
            _ => String::new(),
        };
        let bullet = line
            .strip_prefix("- ")
            .or_else(|| line.strip_prefix("• "))
            .map(str::trim_start);
        let text = match (a.headings.contains(&i), bullet) {
            (true, _) => format!("### {line}{markers}"),
            (false, Some(item)) => format!("- {}{markers}", escape_block(item)),
            (false, None) => format!("{}{markers}", escape_block(&line)),
        };
        let item = bullet.is_some() && !a.headings.contains(&i);
        if !(item && in_list) {
            writeln!(out)?;
        }
        in_list = item;
        writeln!(out, "{text}")?;
    }
    Ok(())
}

/// Another report of the same story: its date, outlet and title when they are known (the
/// report is among the exported articles, or the reader looked it up), its id in any case.
fn other_report(id: &str, brief: Option<Brief>) -> String {
    let Some(o) = brief else {
        return format!("`{id}`");
    };
    let mut parts = Vec::new();
    if let Some(t) = o.published {
        parts.push(t.format("%Y-%m-%d").to_string());
    }
    parts.extend(o.outlet);
    parts.push(o.title);
    format!("{} (`{id}`)", clean(&parts.join(SEP)))
}

/// Keeps a line of text from starting a Markdown block it does not mean (a heading, a
/// quote, a list item, a rule, a fence, HTML) with a backslash before the mark.
fn escape_block(line: &str) -> String {
    let starts_block = line
        .chars()
        .next()
        .is_some_and(|c| "#>+-*_=|<`~".contains(c));
    if starts_block {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let rest = &line[digits..];
    let numbered = (1..=9).contains(&digits)
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")");
    if numbered {
        return format!("{}\\{rest}", &line[..digits]);
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Citation;
    use crate::export::fixtures::tricky;

    /// An English summary with a heading, bullets, citations and lines that look like
    /// Markdown marks.
    fn summary() -> Article {
        let lines = [
            "Colleges in Jinan are rebuilding their workshops.",
            "Group 1: Workshops",
            "- Robots arrive",
            "- CNC lines follow",
            "# not a heading",
            "2. not a list",
        ];
        let cite = |line, refs: &[u32]| Citation {
            line,
            refs: refs.to_vec(),
        };
        Article {
            title: "Jinan colleges put robots at the heart of training".into(),
            body: lines.join("\n"),
            headings: vec![1],
            citations: vec![cite(0, &[1, 2]), cite(3, &[3])],
            duplicates: Vec::new(),
            ..tricky()
        }
    }

    fn export(articles: &[Article]) -> String {
        let mut out = Vec::new();
        write(articles, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn keeps_headings_bullets_and_citations() {
        let md = export(&[summary()]);
        let expected = "## Jinan colleges put robots at the heart of training\n\
            \n\
            2025-10-11 09:29 · 人民日报 (People's Daily)\n\
            \n\
            Regions: 山东 Shandong, 香港 Hong Kong · \
            Sectors: 智能制造与装备 (smart-manufacturing), 新能源与储能 (new-energy) · \
            Topic: 产教融合\n\
            \n\
            Colleges in Jinan are rebuilding their workshops. [1][2]\n\
            \n\
            ### Group 1: Workshops\n\
            \n\
            - Robots arrive\n\
            - CNC lines follow [3]\n\
            \n\
            \\# not a heading\n\
            \n\
            2\\. not a list\n\
            \n\
            `0123456789ab` · `corpus/2025, autumn.txt` \
            (the same text is also in `corpus/copy.txt`, `corpus/copy (2).txt`)\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn one_section_per_article_with_a_rule_between() {
        let mut other = summary();
        other.id = "ba9876543210".into();
        other.title = "另一篇 第二篇报道".into();
        other.provinces.clear();
        other.published = None;
        other.source = None;
        other.source_zh = None;
        other.source_en = None;
        other.truncated = true;
        other.also_in.clear();
        let mut first = summary();
        first.duplicates = vec![other.id.clone(), "ffffffffffff".into()];
        let md = export(&[first, other]);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings,
            [
                "## Jinan colleges put robots at the heart of training",
                "## 另一篇 第二篇报道"
            ]
        );
        assert_eq!(md.matches("\n\n---\n\n").count(), 1);
        assert!(md.contains("Regions: 全国 National"), "{md}");
        assert!(md.contains("*(cut short in the source)*"), "{md}");
        assert!(md.contains("- 另一篇 第二篇报道 (`ba9876543210`)"), "{md}");
        assert!(md.contains("- `ffffffffffff`"), "{md}");
        assert!(md.ends_with("`corpus/2025, autumn.txt`\n"), "{md}");
    }

    #[test]
    fn control_characters_cannot_reach_the_terminal() {
        let mut a = summary();
        a.title = "Bell\u{7} and escape\u{1b}[2J".into();
        a.body = "tab\there\u{1b}]52;c;x\u{7}".into();
        let md = export(&[a]);
        assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{md:?}");
    }

    #[test]
    fn block_marks_at_a_line_start_are_escaped() {
        assert_eq!(escape_block("> quote"), "\\> quote");
        assert_eq!(escape_block("---"), "\\---");
        assert_eq!(escape_block("12) item"), "12\\) item");
        assert_eq!(escape_block("2025年10月"), "2025年10月");
        assert_eq!(escape_block("1.5 million"), "1.5 million");
        assert_eq!(escape_block("普通文字 # 不变"), "普通文字 # 不变");
    }

    #[test]
    fn no_articles_is_an_empty_document() {
        assert_eq!(export(&[]), "");
    }
}
