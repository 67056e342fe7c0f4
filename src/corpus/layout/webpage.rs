//! Whole web pages (China Daily style): navigation, headline, sub-headline, a byline
//! `By NAME in CITY, PROVINCE | OUTLET | Updated: YYYY-MM-DD HH:MM`, share widgets, photo
//! captions, paragraphs, footer. The article stays; the page furniture goes.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Layout;
use crate::corpus::dateline::source_date;
use crate::corpus::draft::Draft;

#[allow(clippy::unwrap_used)] // constant patterns
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By\s+(?P<author>.+?)(?:\s+in\s+(?P<place>[^|]+?))?\s*\|\s*)?(?P<outlet>[^|]{2,60}?)\s*\|\s*Updated:\s*(?P<date>[^|]{6,40}?)\s*$").unwrap()
});

#[allow(clippy::unwrap_used)]
static CAPTION_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[/\[(]\s*(?:for\s+)?(?:china daily|xinhua|cnsphoto|vcg|cfp|ic|provided to china daily)\s*[\])]?|photo\s*/\s*[a-z .]+|\[photo[^\]]*\]|\(photo[^)]*\))\s*$").unwrap()
});

const SHARE: &[&str] = &[
    "share", "wechat", "weibo", "facebook", "twitter", "linkedin", "mail", "email", "more",
];
const FOOTER_STARTS: &[&str] = &[
    "top",
    "back to the top",
    "copyright",
    "follow us",
    "license for publishing",
    "registration number",
    "note: browsers",
];

/// Reads a web page, or `None` when the lines hold no byline.
pub fn read(lines: &[&str]) -> Option<Vec<Draft>> {
    // Every file is first tried as a web page: the literal every byline holds rules out
    // most lines far more cheaply than the pattern.
    let (b, caps, date) = lines.iter().enumerate().find_map(|(i, l)| {
        if !l.contains("Updated:") {
            return None;
        }
        let caps = BYLINE.captures(l.trim())?;
        // `Updated: 2025-03-12 08:59`, `Updated: Mar 12, 2025 08:59`.
        let date = source_date(caps.name("date")?.as_str())?;
        Some((i, caps, date))
    })?;
    let before = &lines[..b];
    let heads = headline_lines(before);
    let title = heads.first()?;
    let mut d = Draft::new(Layout::WebPage, title);
    d.subtitle = heads.get(1).map(|s| s.to_string());
    d.author = caps.name("author").map(|m| m.as_str().trim().to_string());
    d.place = caps.name("place").map(|m| m.as_str().trim().to_string());
    d.source = caps.name("outlet").map(|m| m.as_str().trim().to_string());
    d.published = date.or_else(|| before.iter().find_map(|l| dated_label(l).flatten()));

    let rest = &lines[b + 1..];
    let end = rest.iter().position(|l| is_footer(l)).unwrap_or(rest.len());
    d.body = rest[..end]
        .iter()
        .filter(|l| !is_share(l) && !is_caption(l) && !is_photo_label(l))
        .map(|l| l.to_string())
        .collect();
    Some(vec![d])
}

/// The headline and sub-headline: the non-blank lines after the navigation, other than a
/// date line such as `Published: 2025-06-12 09:00`.
fn headline_lines<'a>(before: &[&'a str]) -> Vec<&'a str> {
    let after_nav = before
        .iter()
        .rposition(|l| l.contains("Home /") || l.contains(" / ") || l.starts_with("Global Edition"))
        .map_or(0, |i| i + 1);
    before[after_nav..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && dated_label(l).is_none())
        .take(2)
        .collect()
}

/// `Published: Apr 02, 2025 09:41 PM`, `Updated: 2025-06-12 09:00`: a page's date line, and
/// the date it gives (`None` inside when it cannot be placed in time).
#[allow(clippy::unwrap_used)]
static DATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:published|updated|posted|date|time)\s*(?:on|at)?\s*:?\s*(?P<date>.{4,40})$",
    )
    .unwrap()
});

pub(crate) fn dated_label(line: &str) -> Option<Option<chrono::DateTime<chrono::FixedOffset>>> {
    let c = DATED_LABEL.captures(line.trim())?;
    source_date(c.name("date")?.as_str())
}

fn is_footer(line: &str) -> bool {
    let t = line.trim().to_ascii_lowercase();
    FOOTER_STARTS.iter().any(|f| {
        if *f == "top" {
            t == "top"
        } else {
            t.starts_with(f)
        }
    })
}

fn is_share(line: &str) -> bool {
    let t = line.trim().to_ascii_lowercase();
    SHARE.contains(&t.as_str()) || t.starts_with("share -") || t.starts_with("share:")
}

fn is_caption(line: &str) -> bool {
    CAPTION_CREDIT.is_match(line.trim())
}

/// A lone name under a photo (`Li Ming`): two to four capitalised words, no punctuation.
fn is_photo_label(line: &str) -> bool {
    let t = line.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && t.len() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Global Edition\nChina\nHome / China / Education\n\nRiver city trains welders\n\nColleges and shipyards share workshops\n\nBy LI HUA in Nantong, Jiangsu | China Daily | Updated: 2025-11-03 10:15\nShare\nShare - WeChat\nA student welds a hull section at a college workshop in Nantong on Oct 30. XU FENG/FOR CHINA DAILY\n\nNantong has opened three shared workshops.\n\nChen Bo\n\n\"We learn on real hulls,\" a student said.\n\nTop\nBACK TO THE TOP\nCopyright 1995 - . All rights reserved.\nFOLLOW US\n";

    #[test]
    fn byline_headline_and_body() {
        let lines: Vec<&str> = PAGE.lines().collect();
        let d = read(&lines).unwrap().remove(0);
        assert_eq!(d.title, "River city trains welders");
        assert_eq!(
            d.subtitle.as_deref(),
            Some("Colleges and shipyards share workshops")
        );
        assert_eq!(d.author.as_deref(), Some("LI HUA"));
        assert_eq!(d.place.as_deref(), Some("Nantong, Jiangsu"));
        assert_eq!(d.source.as_deref(), Some("China Daily"));
        assert_eq!(
            d.published.unwrap().to_rfc3339(),
            "2025-11-03T10:15:00+08:00"
        );
        let body: Vec<&str> = d
            .body
            .iter()
            .map(String::as_str)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            body,
            vec![
                "Nantong has opened three shared workshops.",
                "\"We learn on real hulls,\" a student said."
            ]
        );
    }

    /// A `Published:` line above the byline is no sub-headline, and a byline may write its
    /// date the English way.
    #[test]
    fn date_lines_and_english_dates_in_the_byline() {
        let page = "Global Edition\nHome / China / Education\n\nRiver city trains welders\nPublished: 2025-06-12 09:00\nBy LI HUA in Nantong, Jiangsu | China Daily | Updated: Mar 12, 2025 08:59\nShare\n\nNantong has opened three shared workshops.\n";
        let lines: Vec<&str> = page.lines().collect();
        let d = read(&lines).unwrap().remove(0);
        assert_eq!(d.title, "River city trains welders");
        assert_eq!(d.subtitle, None);
        assert_eq!(d.source.as_deref(), Some("China Daily"));
        assert_eq!(
            d.published.unwrap().to_rfc3339(),
            "2025-03-12T08:59:00+08:00"
        );
    }

    #[test]
    fn no_byline_no_page() {
        assert!(read(&["Title", "Body."]).is_none());
    }
}
