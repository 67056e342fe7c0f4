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
}

#[allow(clippy::unwrap_used)] // constant patterns, checked by the tests below
static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?P<src>[^·・•]{0,60}?)\s*[·・•]\s*(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?\s*$",
    )
    .unwrap()
});

/// `Xin Hua Wang·` with its date missing: a pinyin outlet, or a short Chinese one, and the
/// separator ending the line.
#[allow(clippy::unwrap_used)]
static OUTLET_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<src>[A-Za-z][A-Za-z0-9 .&'-]{0,58}|\p{Han}{2,16})\s*[·・•]\s*$").unwrap()
});

#[allow(clippy::unwrap_used)]
static DATE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2}))(?:\s*(?P<h>\d{1,2})[:：](?P<mi>\d{2})(?:[:：](?P<s>\d{2}))?)?",
    )
    .unwrap()
});

/// Parses `Ren Min Ri Bao· 2025-12-24 01:20` (the space after `·` may be missing, the
/// outlet may be empty). The line still names its outlet when the date is impossible
/// (`2025-02-30`) or missing (`Xin Hua Wang·`): `published` is then `None`. Anything else is
/// `None`.
pub fn parse_source_line(line: &str) -> Option<SourceLine> {
    let rest = after_separator(line)?;
    if rest.trim().is_empty() {
        let caps = OUTLET_ONLY.captures(line)?;
        return Some(SourceLine {
            source: caps.name("src").map(|s| s.as_str().trim().to_string()),
            published: None,
        });
    }
    if !rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_numeric)
    {
        return None;
    }
    let caps = SOURCE_LINE.captures(line)?;
    let time = caps
        .name("time")
        .and_then(|t| parse_hms(t.as_str()))
        .unwrap_or(NaiveTime::MIN);
    let published =
        parse_ymd(caps.name("date")?.as_str()).and_then(|date| at_china_time(date.and_time(time)));
    let source = caps
        .name("src")
        .map(|s| s.as_str().trim().to_string())
        .filter(|s| !s.is_empty());
    if source.is_none() && published.is_none() {
        return None;
    }
    Some(SourceLine { source, published })
}

/// What follows the line's first separator (the outlet cannot hold one). Checked cheaply
/// before any regex, since every line of every file is asked: names such as 阿卜杜拉·阿齐兹 in
/// prose have neither a digit nor the line's end after it, and fail without running one.
fn after_separator(line: &str) -> Option<&str> {
    let at = line.find(['·', '・', '•'])?;
    let rest = &line[at..];
    let after = rest.chars().next().map_or(rest.len(), char::len_utf8);
    Some(&rest[after..])
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
        r"(?i)^(?:(?P<mon1>[a-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[a-z]{3,9})\.?,?\s+(?P<y2>\d{4}))(?:,?\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2}))?$",
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
        (Some(h), Some(mi)) => NaiveTime::from_hms_opt(h, mi, 0),
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
    let whole = DATE_IN_TEXT.captures(t)?;
    let m = whole.get(0)?;
    (m.start() == 0 && m.end() == t.len()).then(|| date_of(&whole))
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

fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let mut parts = s.split(['-', '/', '.']);
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn parse_hms(s: &str) -> Option<NaiveTime> {
    let mut parts = s.split(':');
    let h = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let sec = parts.next().map_or(Some(0), |p| p.parse().ok())?;
    NaiveTime::from_hms_opt(h, m, sec)
}

fn at_china_time(t: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    china_offset().from_local_datetime(&t).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn may_be_source_line(line: &str) -> bool {
        after_separator(line)
            .is_some_and(|r| r.trim_start().chars().next().is_some_and(char::is_numeric))
    }

    /// The quick check never turns away a line the regex would take.
    #[test]
    fn the_quick_check_keeps_every_source_line() {
        let lines = [
            "Ren Min Ri Bao· 2025-12-24 01:20",
            "·2025-01-02",
            "  新华网 · 2025/1/2  ",
            "中国日报•2025.10.28 05:25",
            "新华网・２０２５-01-02",
            "阿卜杜拉·阿齐兹 2025-01-01",
            "第1期·2025-01-01·附录",
            "no separator 2025-01-01",
            "",
        ];
        for l in lines {
            if SOURCE_LINE.is_match(l) {
                assert!(may_be_source_line(l), "{l}");
            }
        }
        assert!(!may_be_source_line("阿卜杜拉·阿齐兹 2025-01-01"));
        assert!(may_be_source_line("中国日报•2025.10.28 05:25"));
    }

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
