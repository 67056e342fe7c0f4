//! Dates and the `Outlet· YYYY-MM-DD HH:MM` line that follows a title in aggregator pages.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;

use crate::article::china_offset;

/// What a source·date line says.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    pub source: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    /// The outlet and the date are set apart by a middle dot, as aggregator pages write
    /// them. A line written otherwise (`Outlet | date`, `Outlet - date`, `某某网 2025.03.10`)
    /// is an entry's source line inside a listing, but alone does not make a page one.
    pub dotted: bool,
}

/// The middle dots an aggregator puts between an outlet and its date.
const DOTS: [char; 5] = ['·', '・', '•', '\u{2027}', '\u{FF65}'];

/// A bar between an outlet and its date.
const BARS: [char; 2] = ['|', '\u{FF5C}'];

/// Dashes with a space on each side between an outlet and its date.
const DASHES: [&str; 3] = [" - ", " \u{2013} ", " \u{2014} "];

/// The most characters of an outlet written before a bar, a dash or only a space.
const WEAK_OUTLET_MAX: usize = 30;

/// The longest line, in bytes, taken for an outlet and a date joined by a bar, a dash or a
/// space: a weak outlet's characters and a date with its time, in Chinese characters.
const SHORT_SOURCE_LINE_BYTES: usize = 3 * (WEAK_OUTLET_MAX + 40);

/// `Xin Hua Wang·` with its date missing: a pinyin outlet, or a short Chinese one, and the
/// separator ending the line.
#[allow(clippy::unwrap_used)]
static OUTLET_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<src>[A-Za-z][A-Za-z0-9 .&'-]{0,58}|\p{Han}{2,16})\s*[·・•\x{2027}\x{FF65}]\s*$",
    )
    .unwrap()
});

/// A year, month and day (`2025-03-05`, `2025/3/5`, `2025.03.05`, `2025年3月5日`), perhaps
/// a time (`14:20`, `14:20:00`, `T06:20:00Z`, `02:20 PM`, `14时20分`) and a zone.
#[allow(clippy::unwrap_used)]
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<y>\d{4})(?:\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))(?:(?:T|\s*)(?P<h>\d{1,2})[:时](?P<mi>\d{2})分?(?::(?P<s>\d{2})(?:\.\d+)?)?(?:\s*(?P<ampm>[ap]\.?m\.?))?)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?$",
    )
    .unwrap()
});

/// A day written without its year (`3月5日`, `03-05 14:20`): a date, but not one to give.
#[allow(clippy::unwrap_used)]
static NO_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}[-/]\d{1,2})(?:\s*\d{1,2}[:时]\d{2}分?(?::\d{2})?)?$")
        .unwrap()
});

/// A time told from the moment of scraping (`昨天 14:20`, `2小时前`, `3 hours ago`): what
/// moment that was is not known, so there is no date to give.
#[allow(clippy::unwrap_used)]
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:昨天|前天|今天|昨日|今日|刚刚)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d+\s*(?:秒|秒钟|分钟|小时|个小时|天|周|个月)前|(?:yesterday|today)(?:,?\s+(?:at\s+)?\d{1,2}:\d{2})?|\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|just\s+now)$").unwrap()
});

/// Outlets written before a date with nothing but a space between: a short Chinese name
/// that ends as outlets' names do.
const OUTLET_ENDS: &[&str] = &[
    "网",
    "報",
    "網",
    "报",
    "社",
    "台",
    "臺",
    "新闻",
    "新聞",
    "客户端",
    "在线",
    "频道",
    "号",
    "刊",
];

#[allow(clippy::unwrap_used)]
static DATE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))(?:\s*(?P<h>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?)?",
    )
    .unwrap()
});

/// Parses the line under an entry's title that names its outlet and date:
/// `Ren Min Ri Bao· 2025-12-24 01:20` (the space after the dot may be missing, the outlet
/// may be empty), and as aggregators also write it, `Outlet | 2025-03-05 14:20`,
/// `南方日报 - 3月7日`, `广西新闻网 2025.03.10`. The date may be written the Chinese way
/// (`2025年3月5日`), the English way (`March 8, 2025`, `5 March 2025`), with a zone
/// (`2025-03-11T06:20:00Z`, moved to +08:00) or in full-width digits. The line still names
/// its outlet when the date is impossible (`2025-02-30`), missing (`Xin Hua Wang·`) or cannot
/// be placed in time (`昨天 14:20`, `2小时前`, `3月5日` with no year): `published` is then
/// `None`. Anything else is `None`.
pub fn parse_source_line(line: &str) -> Option<SourceLine> {
    let t = line.trim();
    if let Some(at) = t.find(DOTS) {
        let rest = after_char(&t[at..]);
        if rest.trim().is_empty() {
            let caps = OUTLET_ONLY.captures(line)?;
            return Some(SourceLine {
                source: caps.name("src").map(|s| s.as_str().trim().to_string()),
                published: None,
                dotted: true,
            });
        }
        return sourced(&t[..at], rest, true);
    }
    // A short outlet and a date: a line longer than that is prose (every line of every file
    // comes here, paragraphs included).
    if t.len() > SHORT_SOURCE_LINE_BYTES {
        return None;
    }
    if let Some(at) = t.find(BARS) {
        return weak_outlet(&t[..at]).and_then(|o| sourced(o, after_char(&t[at..]), false));
    }
    if let Some((at, dash)) = DASHES
        .iter()
        .find_map(|d| t.find(d).map(|at| (at, d.len())))
    {
        return weak_outlet(&t[..at]).and_then(|o| sourced(o, &t[at + dash..], false));
    }
    spaced_outlet_date(t)
}

/// What follows the separator character at the start of `s`.
fn after_char(s: &str) -> &str {
    let n = s.chars().next().map_or(s.len(), char::len_utf8);
    &s[n..]
}

/// An outlet written before a bar or a dash: short, not a number, not a `key:` label.
fn weak_outlet(outlet: &str) -> Option<&str> {
    let o = outlet.trim();
    let ok = !o.is_empty()
        && o.chars().count() <= WEAK_OUTLET_MAX
        && !o.starts_with(|c: char| c.is_numeric())
        && !o.contains([':', '\u{FF1A}']);
    ok.then_some(o)
}

/// The source line of `outlet` and the date written in `rest`, when `rest` is a date.
fn sourced(outlet: &str, rest: &str, dotted: bool) -> Option<SourceLine> {
    if !may_be_date(rest) {
        return None;
    }
    let published = source_date(rest)?;
    let source = Some(outlet.trim())
        .filter(|s| !s.is_empty() && s.chars().count() <= 60)
        .map(str::to_string);
    if source.is_none() && published.is_none() {
        return None;
    }
    Some(SourceLine {
        source,
        published,
        dotted,
    })
}

/// `广西新闻网 2025.03.10`, `星島日報 2025年7月8日`: a short Chinese outlet, a space and a
/// full date.
pub(crate) fn spaced_outlet_date(t: &str) -> Option<SourceLine> {
    // Checked cheaply first, since every line of every file comes here.
    if !t.ends_with(|c: char| c.is_numeric() || c == '日') || !t.starts_with(crate::text::is_han) {
        return None;
    }
    let at = t.find(|c: char| c.is_numeric())?;
    let (outlet, rest) = (&t[..at], &t[at..]);
    if !outlet.ends_with(char::is_whitespace) {
        return None;
    }
    let outlet = outlet.trim_end();
    let named = outlet.chars().count() <= 16
        && outlet.chars().all(crate::text::is_han)
        && OUTLET_ENDS.iter().any(|e| outlet.ends_with(e));
    if !named {
        return None;
    }
    let published = Some(source_date(rest)??);
    Some(SourceLine {
        source: Some(outlet.to_string()),
        published,
        dotted: false,
    })
}

/// Whether `rest` can begin a date at all: a digit, a relative day (`昨天`), or a month's or
/// a relative day's English name. Checked before any regex, since lines such as
/// `阿卜杜拉·阿齐兹` in prose come here.
fn may_be_date(rest: &str) -> bool {
    let r = rest.trim_start();
    let Some(first) = r.chars().next() else {
        return false;
    };
    if first.is_numeric() || "昨前今刚".contains(first) {
        return true;
    }
    if !first.is_ascii_alphabetic() {
        return false;
    }
    let word: String = r
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .take(10)
        .collect::<String>()
        .to_ascii_lowercase();
    month_number(&word).is_some() || matches!(word.as_str(), "yesterday" | "today" | "just")
}

/// What a date under a title says: `Some(Some(t))` for a time, `Some(None)` for a date that
/// cannot be placed (no year, relative to the scrape, impossible, or ambiguous), `None` for
/// text that is no date.
pub fn source_date(text: &str) -> Option<Option<DateTime<FixedOffset>>> {
    let folded = crate::text::fold_width(text.trim());
    let t = folded.trim();
    if let Some(c) = NUMERIC_DATE.captures(t) {
        return Some(numeric_date(&c));
    }
    if NO_YEAR.is_match(t) || RELATIVE.is_match(t) {
        return Some(None);
    }
    written_date(t)
}

/// The time a [`NUMERIC_DATE`] match gives, at +08:00 (a time given in another zone is
/// moved there).
fn numeric_date(c: &regex::Captures<'_>) -> Option<DateTime<FixedOffset>> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = c.name("y")?.as_str().parse::<i32>().ok()?;
    let m = num("m1").or_else(|| num("m2"))?;
    let d = num("d1").or_else(|| num("d2"))?;
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    let time = match (num("h"), num("mi")) {
        (Some(h), Some(mi)) => clock(h, mi, num("s").unwrap_or(0), c.name("ampm"))?,
        _ => NaiveTime::MIN,
    };
    let local = date.and_time(time);
    match c.name("tz").map(|z| z.as_str().to_ascii_uppercase()) {
        None => at_china_time(local),
        Some(z) => {
            let offset = if matches!(z.as_str(), "Z" | "UTC" | "GMT") {
                FixedOffset::east_opt(0)?
            } else {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let digits: String = z.chars().filter(char::is_ascii_digit).collect();
                let hh: i32 = digits.get(..2)?.parse().ok()?;
                let mm: i32 = digits.get(2..)?.parse().ok()?;
                FixedOffset::east_opt(sign * (hh * 3600 + mm * 60))?
            };
            let at = offset.from_local_datetime(&local).single()?;
            Some(at.with_timezone(&china_offset()))
        }
    }
}

/// A clock time, twelve-hour when `ampm` is given (`02:20 PM`).
fn clock(h: u32, mi: u32, s: u32, ampm: Option<regex::Match<'_>>) -> Option<NaiveTime> {
    let h = match ampm.map(|m| m.as_str().to_ascii_lowercase().starts_with('p')) {
        None => h,
        Some(_) if h == 0 || h > 12 => return None,
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    NaiveTime::from_hms_opt(h, mi, s)
}

/// True when the line is a source·date line.
pub fn is_source_line(line: &str) -> bool {
    parse_source_line(line).is_some()
}

/// The first date written in the text (`2025年10月11日`, `2025-10-11 09:29`, `2025/10/11`),
/// as a time at +08:00.
pub fn find_date(text: &str) -> Option<DateTime<FixedOffset>> {
    DATE_IN_TEXT.captures_iter(text).find_map(|c| date_of(&c))
}

/// A line that holds nothing but a date (`2025/06/18 09:30`, `2025年6月18日`): its time.
pub fn date_line(line: &str) -> Option<DateTime<FixedOffset>> {
    let t = line.trim();
    let c = DATE_IN_TEXT.captures(t)?;
    let whole = c.get(0)?;
    (whole.start() == 0 && whole.end() == t.len())
        .then(|| date_of(&c))
        .flatten()
}

/// Splits a trailing date off a value such as `中国教育报 2025-06-18`: the rest (trimmed,
/// `None` when nothing is left) and the date.
pub fn split_trailing_date(value: &str) -> (Option<&str>, Option<DateTime<FixedOffset>>) {
    let t = value.trim();
    let last = DATE_IN_TEXT.captures_iter(t).last();
    match last {
        Some(c)
            if c.get(0).is_some_and(|m| m.end() == t.len())
                && c.get(0).is_some_and(|m| {
                    !t[..m.start()].ends_with(|c: char| c.is_ascii_alphanumeric())
                }) =>
        {
            let at = c.get(0).map_or(0, |m| m.start());
            let rest = t[..at].trim();
            ((!rest.is_empty()).then_some(rest), date_of(&c))
        }
        _ => ((!t.is_empty()).then_some(t), None),
    }
}

fn date_of(c: &regex::Captures<'_>) -> Option<DateTime<FixedOffset>> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let y = c.name("y")?.as_str().parse::<i32>().ok()?;
    let m = num("m1").or_else(|| num("m2"))?;
    let d = num("d1").or_else(|| num("d2"))?;
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    let time = match (num("h"), num("mi")) {
        (Some(h), Some(mi)) => NaiveTime::from_hms_opt(h, mi, num("s").unwrap_or(0))?,
        _ => NaiveTime::MIN,
    };
    at_china_time(date.and_time(time))
}

#[allow(clippy::unwrap_used)]
static ENGLISH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?P<mon1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[a-z]{3,9})\.?,?\s+(?P<y2>\d{4}))(?:,?\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?)?$",
    )
    .unwrap()
});

#[allow(clippy::unwrap_used)]
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?:\s+(?P<h>\d{1,2}):(?P<mi>\d{2}))?$")
        .unwrap()
});

/// `China Daily | 03/05/2025`, `Xinhua | 2025-03-05 10:00`: an outlet and a date under a
/// title, a bar between them.
#[allow(clippy::unwrap_used)]
static OUTLET_BAR_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<src>[^|\x{FF5C}\d:\x{FF1A}][^|\x{FF5C}:\x{FF1A}]{1,39}?)\s*[|\x{FF5C}]\s*(?P<date>[^|\x{FF5C}]{6,30})$").unwrap()
});

/// `Posted on March 9, 2025 by admin`: a blog's date line, with the account that posted.
#[allow(clippy::unwrap_used)]
static POSTED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted|published)\s+on\s+(?P<date>.+?)(?:\s+by\s+(?P<by>[^|]{1,40}))?$")
        .unwrap()
});

fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS.iter().position(|m| lower.starts_with(m))?;
    // `Mar`, `March`, `Sept`: a prefix of the month's full name, at least three letters.
    (full[i].starts_with(&lower) || (lower == "sept" && i == 8)).then_some(i as u32 + 1)
}

/// What a date written as English-language pages write it says: `Some(Some(t))` for a date,
/// `Some(None)` for a date whose day and month cannot be told apart (`03/05/2025` is 3 May
/// in Britain and March 5 in America; with no way to know which the page meant, it stays
/// undated) or that does not exist, `None` for text that is not a date at all.
pub fn written_date(text: &str) -> Option<Option<DateTime<FixedOffset>>> {
    let t = text.trim();
    let num = |c: &regex::Captures<'_>, name: &str| {
        c.name(name).and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let time = |c: &regex::Captures<'_>| match (num(c, "h"), num(c, "mi")) {
        (Some(h), Some(mi)) => clock(h, mi, 0, c.name("ampm")),
        _ => Some(NaiveTime::MIN),
    };
    if let Some(c) = ENGLISH_DATE.captures(t) {
        let month = c.name("mon1").or_else(|| c.name("mon2"))?.as_str();
        let m = month_number(month)?;
        let d = num(&c, "d1").or_else(|| num(&c, "d2"))?;
        let y = num(&c, "y1").or_else(|| num(&c, "y2"))? as i32;
        return Some(
            NaiveDate::from_ymd_opt(y, m, d)
                .zip(time(&c))
                .and_then(|(d, t)| at_china_time(d.and_time(t))),
        );
    }
    if let Some(c) = SLASH_DATE.captures(t) {
        let (a, b, y) = (num(&c, "a")?, num(&c, "b")?, num(&c, "y")? as i32);
        let (m, d) = match (a, b) {
            (a, b) if a == b => (a, b),
            (a, b) if a > 12 => (b, a),
            (a, b) if b > 12 => (a, b),
            _ => return Some(None),
        };
        return Some(
            NaiveDate::from_ymd_opt(y, m, d)
                .zip(time(&c))
                .and_then(|(d, t)| at_china_time(d.and_time(t))),
        );
    }
    NUMERIC_DATE.captures(t).map(|c| numeric_date(&c))
}

/// `China Daily | 03/05/2025`: the outlet and the date (`None` when it is ambiguous).
pub fn outlet_date_line(line: &str) -> Option<(String, Option<DateTime<FixedOffset>>)> {
    let c = OUTLET_BAR_DATE.captures(line.trim())?;
    let date = written_date(c.name("date")?.as_str())?;
    Some((c.name("src")?.as_str().trim().to_string(), date))
}

/// Account names that say nothing about who wrote a post.
const NO_AUTHOR: &[&str] = &[
    "admin",
    "administrator",
    "webmaster",
    "editor",
    "root",
    "管理员",
];

/// `Posted on March 9, 2025 by admin`: the date, and the author when the account is a name.
pub fn posted_on_line(line: &str) -> Option<(Option<DateTime<FixedOffset>>, Option<String>)> {
    let c = POSTED_ON.captures(line.trim())?;
    let date = written_date(c.name("date")?.as_str())?;
    let by = c
        .name("by")
        .map(|m| m.as_str().trim().to_string())
        .filter(|b| !b.is_empty() && !NO_AUTHOR.contains(&b.to_lowercase().as_str()));
    Some((date, by))
}

/// Parses `2025-03-12 08:59` as written in a byline.
pub fn parse_datetime(text: &str) -> Option<DateTime<FixedOffset>> {
    find_date(text)
}

fn at_china_time(t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    china_offset().from_local_datetime(&t).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(t: Option<DateTime<FixedOffset>>) -> String {
        t.map(|t| t.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn source_line_forms() {
        let s = parse_source_line("Zhe Jiang Ri Bao· 2025-11-02 07:45").unwrap();
        assert_eq!(s.source.as_deref(), Some("Zhe Jiang Ri Bao"));
        assert_eq!(rfc(s.published), "2025-11-02T07:45:00+08:00");
        let s = parse_source_line("Da Zhong Ri Bao·2026-01-06 22:31").unwrap();
        assert_eq!(s.source.as_deref(), Some("Da Zhong Ri Bao"));
        let s = parse_source_line("3 6 Ke· 2025-05-01").unwrap();
        assert_eq!(rfc(s.published), "2025-05-01T00:00:00+08:00");
        assert!(parse_source_line("Group 1 - the plan · 2025 goals").is_none());
        assert!(parse_source_line("2025-13-40 10:00").is_none());
        assert!(parse_source_line("阿卜杜拉·阿齐兹").is_none());
        assert!(parse_source_line("·2025-02-30").is_none());
    }

    /// The ways aggregators write an entry's outlet and date, found in hands-on testing:
    /// each is a source line, with the date read when it can be placed in time.
    #[test]
    fn source_lines_written_other_ways() {
        for (line, source, published, dotted) in [
            (
                "新华网 · 2025年3月5日",
                "新华网",
                "2025-03-05T00:00:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang· 2025年3月5日",
                "Xin Hua Wang",
                "2025-03-05T00:00:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang· 2025年03月05日 14:20",
                "Xin Hua Wang",
                "2025-03-05T14:20:00+08:00",
                true,
            ),
            ("Xin Hua Wang· 3月5日 14:20", "Xin Hua Wang", "", true),
            ("Xin Hua Wang· 03-05 14:20", "Xin Hua Wang", "", true),
            ("Xin Hua Wang· 昨天 14:20", "Xin Hua Wang", "", true),
            ("Xin Hua Wang· 2小时前", "Xin Hua Wang", "", true),
            (
                "China Daily· March 8, 2025",
                "China Daily",
                "2025-03-08T00:00:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang· Mar 5, 2025",
                "Xin Hua Wang",
                "2025-03-05T00:00:00+08:00",
                true,
            ),
            (
                "Hai Nan Ri Bao· Mar. 12, 2025, 10:05",
                "Hai Nan Ri Bao",
                "2025-03-12T10:05:00+08:00",
                true,
            ),
            (
                "Si Chuan Ri Bao· 5 March 2025",
                "Si Chuan Ri Bao",
                "2025-03-05T00:00:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang· 2025-03-05 02:20 PM",
                "Xin Hua Wang",
                "2025-03-05T14:20:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang· 2025-03-05 12:05 am",
                "Xin Hua Wang",
                "2025-03-05T00:05:00+08:00",
                true,
            ),
            (
                "Shan Xi Ri Bao· 2025-03-11T06:20:00Z",
                "Shan Xi Ri Bao",
                "2025-03-11T14:20:00+08:00",
                true,
            ),
            (
                "Shan Xi Ri Bao· 2025-03-11T23:20:00Z",
                "Shan Xi Ri Bao",
                "2025-03-12T07:20:00+08:00",
                true,
            ),
            (
                "Shan Xi Ri Bao· 2025-03-11T14:20:00+08:00",
                "Shan Xi Ri Bao",
                "2025-03-11T14:20:00+08:00",
                true,
            ),
            (
                "Guang Ming Ri Bao\u{2027} 2025-03-05 14:20",
                "Guang Ming Ri Bao",
                "2025-03-05T14:20:00+08:00",
                true,
            ),
            (
                "Guang Ming Ri Bao· ２０２５-０３-０５ １４:２０",
                "Guang Ming Ri Bao",
                "2025-03-05T14:20:00+08:00",
                true,
            ),
            (
                "Xin Hua Wang | 2025-03-05 14:20",
                "Xin Hua Wang",
                "2025-03-05T14:20:00+08:00",
                false,
            ),
            (
                "Xin Hua Wang \u{FF5C} 2025-03-05 14:20",
                "Xin Hua Wang",
                "2025-03-05T14:20:00+08:00",
                false,
            ),
            ("南方日报 - 3月7日", "南方日报", "", false),
            (
                "广西新闻网 2025.03.10",
                "广西新闻网",
                "2025-03-10T00:00:00+08:00",
                false,
            ),
        ] {
            let s = parse_source_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(s.source.as_deref(), Some(source), "{line}");
            assert_eq!(rfc(s.published), published, "{line}");
            assert_eq!(s.dotted, dotted, "{line}");
        }
        for line in [
            "截至 2025年3月5日",
            "学校 2025-03-05",
            "Core Viewpoint - The plan runs to 2030",
            "来源：某某日报 | 2025-03-05",
            "2025-03-05 | 某某日报",
            "Xin Hua Wang· 昨天下午参加了活动",
            "·昨天 14:20",
            "阿卜杜拉·阿齐兹",
            "Group 1 - the plan · 2025 goals",
        ] {
            assert!(parse_source_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn an_impossible_or_missing_date_still_names_the_outlet() {
        for line in [
            "Guang Ming Ri Bao· 2025-02-30 10:00",
            "Guang Ming Ri Bao·2025-02-29",
            "Guang Ming Ri Bao·",
            "Guang Ming Ri Bao · ",
        ] {
            let s = parse_source_line(line).unwrap();
            assert_eq!(s.source.as_deref(), Some("Guang Ming Ri Bao"), "{line}");
            assert_eq!(s.published, None, "{line}");
        }
        assert_eq!(
            parse_source_line("光明日报·").unwrap().source.as_deref(),
            Some("光明日报")
        );
        assert!(parse_source_line("学校举行签约仪式，学生参加·").is_none());
    }

    #[test]
    fn dates_in_text() {
        assert_eq!(
            rfc(find_date("发布时间:2024年3月8日 14:05 来源:学院新闻网")),
            "2024-03-08T14:05:00+08:00"
        );
        assert_eq!(
            rfc(find_date("Updated: 2025-03-12 08:59")),
            "2025-03-12T08:59:00+08:00"
        );
        assert_eq!(find_date("第14个五年规划"), None);
    }

    #[test]
    fn lines_that_are_only_a_date() {
        assert_eq!(
            rfc(date_line(" 2025/06/18 09:30 ")),
            "2025-06-18T09:30:00+08:00"
        );
        assert_eq!(rfc(date_line("2025.06.18")), "2025-06-18T00:00:00+08:00");
        assert_eq!(rfc(date_line("2025年6月18日")), "2025-06-18T00:00:00+08:00");
        assert_eq!(date_line("2025年6月18日，学校举行签约仪式。"), None);
        assert_eq!(date_line("2025-02-30"), None);
    }

    #[test]
    fn dates_written_the_english_way() {
        let day = |s: &str| {
            written_date(s)
                .flatten()
                .map(|t| t.date_naive().to_string())
        };
        assert_eq!(day("March 9, 2025").as_deref(), Some("2025-03-09"));
        assert_eq!(day("Mar. 9 2025").as_deref(), Some("2025-03-09"));
        assert_eq!(day("9 March 2025").as_deref(), Some("2025-03-09"));
        assert_eq!(day("Sept 30, 2025").as_deref(), Some("2025-09-30"));
        assert_eq!(day("2025-03-09").as_deref(), Some("2025-03-09"));
        // Only one reading of the day and month is possible.
        assert_eq!(day("25/03/2025").as_deref(), Some("2025-03-25"));
        assert_eq!(day("03/25/2025").as_deref(), Some("2025-03-25"));
        assert_eq!(day("05/05/2025").as_deref(), Some("2025-05-05"));
        // Two readings: a date, but no day to give.
        assert_eq!(written_date("03/05/2025"), Some(None));
        assert_eq!(written_date("Marching 9, 2025"), None);
        assert_eq!(written_date("the plan for 2025"), None);
    }

    #[test]
    fn outlet_bar_date_and_posted_on_lines() {
        let (src, date) = outlet_date_line("China Daily | 03/25/2025").unwrap();
        assert_eq!(src, "China Daily");
        assert_eq!(rfc(date), "2025-03-25T00:00:00+08:00");
        let (src, date) = outlet_date_line("China Daily | 03/05/2025").unwrap();
        assert_eq!(src, "China Daily");
        assert_eq!(date, None);
        assert!(outlet_date_line("Training | Jobs | Skills").is_none());
        assert!(outlet_date_line("来源：某某日报 | 2025-03-05").is_none());
        assert!(outlet_date_line("学院开设“订单班 | 学徒制”两种模式。").is_none());
        let (date, by) = posted_on_line("Posted on March 9, 2025 by admin").unwrap();
        assert_eq!(rfc(date), "2025-03-09T00:00:00+08:00");
        assert_eq!(by, None);
        let (_, by) = posted_on_line("Published on 9 March 2025 by Li Hua").unwrap();
        assert_eq!(by.as_deref(), Some("Li Hua"));
        assert!(posted_on_line("Posted on the school website").is_none());
    }

    #[test]
    fn a_trailing_date_is_split_off_a_value() {
        let (rest, date) = split_trailing_date("中国教育报 2025-06-18");
        assert_eq!(rest, Some("中国教育报"));
        assert_eq!(rfc(date), "2025-06-18T00:00:00+08:00");
        assert_eq!(
            split_trailing_date("中国教育报"),
            (Some("中国教育报"), None)
        );
        assert_eq!(split_trailing_date("新华网2025-06-18").0, Some("新华网"));
        assert_eq!(split_trailing_date("No2025-06-18").1, None);
    }
}
