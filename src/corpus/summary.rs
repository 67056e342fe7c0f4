//! English machine summaries: `Core Viewpoint - lead [1]. Group 1: Heading - bullet [2]. -
//! bullet [3]. Enrollment Trends - …`, turned into a lead, headings and bullets, with the
//! citation markers taken out of the text and kept as data.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Citation;
use crate::text::han_ratio;

/// One line of a structured summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Lead(String),
    Heading(String),
    Bullet(String),
}

/// A summary split into lines, with the citation markers of each line.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    pub lines: Vec<Line>,
    pub citations: Vec<Vec<u32>>,
}

#[allow(clippy::unwrap_used)] // constant patterns
static LEAD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Core (?:Viewpoints?|Insights?|Points?|Ideas?|Summary|Views?|Conclusions?)|Key (?:Points|Takeaways|Insights|Viewpoints?|Findings)|Summary|Overview|Main Points)$").unwrap()
});

#[allow(clippy::unwrap_used)]
static GROUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^Group\s+\d+(?:\s*:\s*[^\[\]]{0,80})?$").unwrap());

#[allow(clippy::unwrap_used)]
static MARKERS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*(?:\[\d{1,3}\])+").unwrap());

#[allow(clippy::unwrap_used)]
static MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\d{1,3}\]").unwrap());

const SMALL_WORDS: &[&str] = &[
    "and", "of", "for", "the", "in", "on", "to", "with", "a", "an", "&", "at", "by", "from", "vs",
];

/// Parses a body as an English summary, or `None` when it is not one.
pub fn parse(body: &str) -> Option<Summary> {
    let body = body.trim();
    if han_ratio(body) > 0.3 {
        return None;
    }
    let parts: Vec<&str> = body.split(" - ").collect();
    if parts.len() < 2 {
        return None;
    }
    let first = parts[0].trim();
    let mut items: Vec<Line> = Vec::new();
    let mut next_is_lead = false;
    if LEAD_LABEL.is_match(first) {
        next_is_lead = true;
    } else if GROUP.is_match(first) || is_heading(first) {
        items.push(Line::Heading(first.to_string()));
    } else {
        return None;
    }
    let mut carry = String::new();
    let last = parts.len() - 1;
    for (i, part) in parts.iter().enumerate().skip(1) {
        // `… [2]. - Group 2: Outcomes - …`: a group heading written as a bullet of its own.
        if i != last && GROUP.is_match(part.trim()) {
            push_content(&mut items, &std::mem::take(&mut carry), &mut next_is_lead);
            items.push(Line::Heading(part.trim().to_string()));
            continue;
        }
        let text = if carry.is_empty() {
            part.to_string()
        } else {
            format!("{carry} - {part}")
        };
        carry.clear();
        let (content, heading) = if i == last {
            (text.as_str(), None)
        } else {
            match split_tail(&text) {
                Tail::None => (text.as_str(), None),
                Tail::Heading(at) => (text[..at].trim_end(), Some(text[at..].trim())),
                Tail::Inline => {
                    carry = text;
                    continue;
                }
            }
        };
        push_content(&mut items, content, &mut next_is_lead);
        if let Some(h) = heading {
            items.push(Line::Heading(h.to_string()));
        }
    }
    Some(with_citations(items))
}

/// Adds a lead (the first content after a `Core Viewpoint` label) or a bullet.
fn push_content(items: &mut Vec<Line>, content: &str, next_is_lead: &mut bool) {
    let content = content.trim();
    if content.is_empty() {
        return;
    }
    items.push(if std::mem::take(next_is_lead) {
        Line::Lead(content.to_string())
    } else {
        Line::Bullet(content.to_string())
    });
}

enum Tail {
    /// The part ends a sentence: the next part is a new bullet.
    None,
    /// The part ends with a heading starting at this byte offset.
    Heading(usize),
    /// The ` - ` was a dash inside a sentence.
    Inline,
}

fn split_tail(text: &str) -> Tail {
    let trimmed = text.trim_end();
    if trimmed.ends_with(['.', ']', '!', '?', ';', '"', '”']) {
        return Tail::None;
    }
    // The last sentence end followed by a space starts the candidate heading.
    let boundary = trimmed
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | ']' | '!' | '?' | '"' | '”')
                && trimmed[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back();
    match boundary {
        Some(at) => {
            let tail = trimmed[at..].trim();
            if GROUP.is_match(tail) || is_heading(tail) {
                Tail::Heading(at + (trimmed[at..].len() - trimmed[at..].trim_start().len()))
            } else {
                Tail::Inline
            }
        }
        None => Tail::Inline,
    }
}

/// A free heading such as `Enrollment Trends` or `Policy and Resource Investment`.
fn is_heading(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || s.len() > 70 {
        return false;
    }
    if !s.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    if s.ends_with(['.', ',', ';', ':']) || s.contains(". ") {
        return false;
    }
    words.iter().all(|w| {
        let lw = w.to_ascii_lowercase();
        SMALL_WORDS.contains(&lw.as_str())
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    })
}

fn with_citations(items: Vec<Line>) -> Summary {
    let mut out = Summary::default();
    for item in items {
        let (text, make): (&str, fn(String) -> Line) = match &item {
            Line::Lead(t) => (t, Line::Lead),
            Line::Heading(t) => (t, Line::Heading),
            Line::Bullet(t) => (t, Line::Bullet),
        };
        // Plain matches, not captures: the capture engines cost several times as much, and
        // the number is just the match without its brackets.
        let refs: Vec<u32> = MARKER
            .find_iter(text)
            .filter_map(|m| m.as_str().trim_matches(['[', ']']).parse().ok())
            .collect();
        let clean = MARKERS.replace_all(text, "").trim().to_string();
        out.lines.push(make(clean));
        out.citations.push(refs);
    }
    out
}

impl Summary {
    /// The body text: one line per item, bullets prefixed with `- `; and the citations by
    /// line number.
    pub fn render(&self) -> (String, Vec<Citation>, Vec<usize>) {
        let mut lines = Vec::with_capacity(self.lines.len());
        let mut headings = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            match line {
                Line::Lead(t) => lines.push(t.clone()),
                Line::Heading(t) => {
                    headings.push(i);
                    lines.push(t.clone());
                }
                Line::Bullet(t) => lines.push(format!("- {t}")),
            }
        }
        let citations = self
            .citations
            .iter()
            .enumerate()
            .filter(|(_, r)| !r.is_empty())
            .map(|(line, refs)| Citation {
                line,
                refs: refs.clone(),
            })
            .collect();
        (lines.join("\n"), citations, headings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_groups_and_bullets() {
        let s = parse(
            "Core Viewpoint - Changsha is widening its training base network [1][2]. \
             Group 1: Training Bases - Twelve new bases opened this year [3]. \
             - Each base pairs one college with two firms [4]. \
             Group 2: Funding - The city set aside 80 million yuan [5].",
        )
        .unwrap();
        let (body, cites, headings) = s.render();
        assert_eq!(
            body,
            "Changsha is widening its training base network.\n\
             Group 1: Training Bases\n\
             - Twelve new bases opened this year.\n\
             - Each base pairs one college with two firms.\n\
             Group 2: Funding\n\
             - The city set aside 80 million yuan."
        );
        assert_eq!(headings, vec![1, 4]);
        assert_eq!(
            cites[0],
            Citation {
                line: 0,
                refs: vec![1, 2]
            }
        );
        assert_eq!(cites.len(), 4);
    }

    #[test]
    fn bare_group_heading_and_bullets_without_periods() {
        let s = parse("Group 1 - Schools joined the plan [2] - Firms opened their standards [3] Group 2 - Textbooks went digital [4]").unwrap();
        let (body, _, _) = s.render();
        assert_eq!(
            body,
            "Group 1\n- Schools joined the plan\n- Firms opened their standards\nGroup 2\n- Textbooks went digital"
        );
    }

    #[test]
    fn a_group_heading_set_off_like_a_bullet_is_a_heading() {
        let s = parse(
            "Core Insights - Harbin is adding welding classes [1]. \
             Group 1: Training - Colleges opened two workshops [2]. \
             - Group 2: Jobs - Most graduates joined shipyards [3]. - Pay rose [4].",
        )
        .unwrap();
        let (body, _, headings) = s.render();
        assert_eq!(
            body,
            "Harbin is adding welding classes.\n\
             Group 1: Training\n\
             - Colleges opened two workshops.\n\
             Group 2: Jobs\n\
             - Most graduates joined shipyards.\n\
             - Pay rose."
        );
        assert_eq!(headings, vec![1, 3]);
    }

    #[test]
    fn free_headings() {
        let s = parse("Core Insights - Enrollment is rising [1]. Enrollment Trends - Applications grew 12% [2]. Employment Outcomes - Nine in ten graduates found jobs [3].").unwrap();
        let (body, _, headings) = s.render();
        assert_eq!(headings, vec![1, 3]);
        assert!(
            body.contains("\nEnrollment Trends\n- Applications grew 12%.\nEmployment Outcomes\n")
        );
    }

    #[test]
    fn dash_inside_a_sentence_is_kept() {
        let s = parse("Core Points - The school-enterprise model - now in its fifth year - keeps growing [1].").unwrap();
        let (body, _, _) = s.render();
        assert_eq!(
            body,
            "The school-enterprise model - now in its fifth year - keeps growing."
        );
    }

    #[test]
    fn chinese_prose_is_not_a_summary() {
        assert!(parse("校企合作 - 共建产业学院").is_none());
        assert!(parse("Plain English text without structure.").is_none());
    }
}
