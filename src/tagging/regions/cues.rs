//! Cues in the words around a place name: an institution's name, a meeting's venue, a news
//! agency's dateline, a national scope.

use super::context::Mention;
use crate::text::is_han;

/// Words that mark a national (or international) scope.
const NATIONAL_ZH: &[&str] = &[
    "教育部",
    "全国",
    "我国",
    "国务院",
    "人社部",
    "人力资源社会保障部",
    "人力资源和社会保障部",
    "工业和信息化部",
    "工信部",
    "国家发展改革委",
    "发改委",
    "中共中央",
    "党中央",
    "各地",
    "各省",
];
const NATIONAL_EN: &[&str] = &[
    "ministry of education",
    "ministry of human resources",
    "ministry of industry",
    "state council",
    "nationwide",
    "national",
    "across china",
    "across the country",
    "the country's",
    "china's",
    "china is",
    "chinese",
];
const SCOPE: &[&str] = &[
    "全国",
    "国家级",
    "国际",
    "全球",
    "世界",
    "national",
    "global",
    "world",
    "china's",
];
const HOST_ZH: &[&str] = &[
    "举行", "召开", "举办", "开幕", "闭幕", "落幕", "启幕", "开班",
];
const HOST_EN: &[&str] = &[
    "held in ",
    "hosted in ",
    "took place in ",
    "convened in ",
    "opened in ",
    "kicked off in ",
    "concluded in ",
    "gathered in ",
    "held in the city of ",
];
/// A statement made in a city ("the ministry said in Beijing on Tuesday"): the city is where
/// something was said, which weighs like a meeting's venue.
const SAID_EN: &[&str] = &[
    "said in ",
    "says in ",
    "announced in ",
    "told reporters in ",
    "told journalists in ",
    "press conference in ",
    "news conference in ",
    "press briefing in ",
    "news briefing in ",
];
const INSTITUTION_ZH: &[&str] = &[
    "大学",
    "学院",
    "学校",
    "中学",
    "小学",
    "技校",
    "职校",
    "研究院",
    "研究所",
    "医院",
    "党校",
];
const INSTITUTION_EN: &[&str] = &[
    "University",
    "College",
    "Institute",
    "School",
    "Academy",
    "Polytechnic",
    "Hospital",
];

pub(crate) fn has_national_marker(text: &str) -> bool {
    let lower = text.to_lowercase();
    NATIONAL_ZH.iter().any(|m| text.contains(m)) || NATIONAL_EN.iter().any(|m| lower.contains(m))
}

/// Up to `n` Han characters right after `at`.
fn han_after(text: &str, at: usize, n: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .take(n)
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    &rest[..end]
}

/// Up to `n` Han characters right before `at`.
fn han_before(text: &str, at: usize, n: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take(n)
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(at, |(i, _)| i);
    &head[start..]
}

/// The sentence around a span.
fn sentence(text: &str, start: usize, end: usize) -> &str {
    let stop = |c: char| {
        matches!(
            c,
            '。' | '\u{FF01}' | '\u{FF1F}' | '\u{FF1B}' | '!' | '?' | ';' | '\n'
        )
    };
    let s = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| stop(c) || (c == '.' && text[i + 1..].starts_with(' ')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let e = text[end..]
        .char_indices()
        .find(|&(i, c)| stop(c) || (c == '.' && text[end + i + 1..].starts_with(' ')))
        .map_or(text.len(), |(i, _)| end + i);
    &text[s..e]
}

/// Is the mention part of an institution's name (哈尔滨工业大学, Harbin Institute of
/// Technology, University of Jinan)?
pub(crate) fn in_institution(text: &str, m: &Mention) -> bool {
    if m.candidates.iter().any(|c| c.place.institution) {
        return true;
    }
    if !m.latin {
        return institution_name_zh(han_after(text, m.end, 12));
    }
    let before = &text[..m.start];
    if [
        "University of ",
        "Institute of ",
        "Academy of ",
        "College of ",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return true;
    }
    for word in text[m.end..].split_whitespace().take(6) {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '"', '\'']);
        if INSTITUTION_EN.contains(&bare) {
            return true;
        }
        let capital = bare.chars().next().is_some_and(|c| c.is_uppercase());
        if bare.len() != word.len()
            || !(capital || matches!(bare, "of" | "and" | "&" | "for" | "the"))
        {
            return false;
        }
    }
    false
}

/// Words after a place that make the school after them a school *in* the place, not one
/// named after it: 江苏一所职业技术学院, 深圳多所院校, 澳门的两所院校.
const SCHOOL_OF_PLACE_ZH: &[&str] = &[
    "一所", "两所", "多所", "几所", "数所", "各所", "三所", "四所", "五所", "一批", "多家", "一家",
];

/// Do the Han characters after a Chinese place name make it part of an institution's name
/// (哈尔滨工业大学, 江苏农林职业技术学院)? A school *in* the place (江苏一所职业学院,
/// 苏州的职业院校) and the place's schools in general (江苏职校, 苏州技校) are where the
/// story happens, not a name.
fn institution_name_zh(after: &str) -> bool {
    if SCHOOL_OF_PLACE_ZH.iter().any(|w| after.starts_with(w))
        || ["职校", "技校"].iter().any(|w| after.starts_with(w))
    {
        return false;
    }
    // A name does not run across 的 (苏州的职业学院 is a college in Suzhou).
    let name = after.split('的').next().unwrap_or_default();
    INSTITUTION_ZH.iter().any(|w| name.contains(w))
}

/// Whether a mention is where a meeting is held or a statement made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Venue {
    /// Not a meeting's venue.
    No,
    /// The venue of a meeting (研讨会在北京举行, the forum was held in Beijing) or of a
    /// statement (the department said in Jinan).
    Meeting,
    /// The venue of a national or international meeting (全国…大会在北京召开, the national
    /// forum was held in Wuxi), or of a statement about the whole country (…across the
    /// country, the Ministry of Education said in Beijing).
    National,
}

/// Is the mention the venue of a meeting or a statement, and is it national or international?
pub(crate) fn venue(text: &str, m: &Mention) -> Venue {
    let (meeting, said) = if m.latin {
        let before = &text[..m.start];
        (
            HOST_EN.iter().any(|w| before.ends_with(w)),
            SAID_EN.iter().any(|w| before.ends_with(w)),
        )
    } else {
        let meeting = han_before(text, m.start, 3).contains(['在', '于'])
            && HOST_ZH
                .iter()
                .any(|w| han_after(text, m.end, 8).contains(w));
        (meeting, false)
    };
    if !meeting && !said {
        return Venue::No;
    }
    let s = sentence(text, m.start, m.end).to_lowercase();
    if SCOPE.iter().any(|w| s.contains(w)) || (said && has_national_marker(&s)) {
        Venue::National
    } else {
        Venue::Meeting
    }
}

/// Is the mention a news agency's dateline (新华社北京10月1日电, BEIJING —)? It says where
/// the report was filed, like a byline.
pub(crate) fn is_dateline(text: &str, m: &Mention) -> bool {
    if m.latin {
        let head = &text[..m.start];
        let line_start = head.is_empty() || head.ends_with('\n');
        let name = &text[m.start..m.end];
        return line_start && name.len() > 2 && !name.chars().any(char::is_lowercase);
    }
    let window: String = text[m.end..].chars().take(12).collect();
    let Some(at) = window.find("日电").or_else(|| window.find("日讯")) else {
        return false;
    };
    let date = &window[..at];
    !date.is_empty()
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '月' | ' '))
}
