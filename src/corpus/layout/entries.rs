//! The aggregator layouts: tag listing pages (topic, then title / source·date / body
//! entries), single news pages (title, source·date, body) and reversed pages (body, then
//! title, then source·date).

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Layout;
use crate::corpus::dateline::{SourceLine, parse_source_line};
use crate::corpus::draft::Draft;
use crate::corpus::layout::is_chrome;
use crate::corpus::prose::is_placeholder;
use crate::text::han_ratio;

#[allow(clippy::unwrap_used)] // constant pattern
static SUMMARY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Core [A-Z][a-z]+s?|Key [A-Z][a-z]+s?|Group \d+(?::[^-]{0,80})?)\s+-\s")
        .unwrap()
});

fn is_search_header(line: &str) -> bool {
    line.trim().eq_ignore_ascii_case("search documents")
}

/// Reads the lines as an aggregator page, or `None` when they are not one.
pub fn read(lines: &[&str]) -> Option<Vec<Draft>> {
    let nonblank: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let header = nonblank
        .iter()
        .take(6)
        .copied()
        .find(|&i| is_search_header(lines[i]));
    let (start, topic) = match header {
        Some(h) => {
            let topic = (0..h)
                .rev()
                .map(|i| lines[i].trim())
                .find(|l| !l.is_empty() && !is_chrome(l))
                .map(str::to_string);
            (h + 1, topic)
        }
        None => {
            let first = nonblank.first().copied()?;
            (
                if is_chrome(lines[first]) {
                    first + 1
                } else {
                    first
                },
                None,
            )
        }
    };
    let mut sources: Vec<(usize, SourceLine)> = (start..lines.len())
        .filter_map(|i| parse_source_line(lines[i]).map(|s| (i, s)))
        .collect();
    // A line such as `Outlet | 2025-03-05` or `某某网 2025.03.10` is an entry's source line
    // in a listing, where entries are expected; elsewhere only the aggregator's dotted form
    // makes a page an aggregator page, and in a single page the other forms are text.
    let dotted = sources.iter().filter(|(_, s)| s.dotted).count();
    // Nor is such a line after a sentence (`活动现场 | 2025年3月5日` under a paragraph):
    // the line above a source line is an entry's title, which does not end as a sentence.
    let ends_sentence = |i: usize| {
        (start..i)
            .rev()
            .map(|k| lines[k].trim())
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.ends_with(['。', '！', '？', '；']))
    };
    sources.retain(|(i, s)| s.dotted || !ends_sentence(*i));
    if header.is_none() {
        if dotted == 0 {
            return None;
        }
        if dotted < 2 {
            sources.retain(|(_, s)| s.dotted);
        }
    }
    let content: Vec<usize> = nonblank.iter().copied().filter(|&i| i >= start).collect();
    // A reversed page: body, title, source line last, or followed only by a short note or
    // two (`附记：…`, `（完）`).
    if header.is_none()
        && let [(s, src)] = sources.as_slice()
        && let Some(at) = content.iter().position(|i| i == s)
        && at >= 2
        && content[at - 1] > content[0]
        && content[at + 1..].len() <= MAX_TRAILING_NOTES
        && content[at + 1..].iter().all(|&i| is_short_note(lines[i]))
    {
        return Some(vec![reversed(lines, &content, at, src)]);
    }

    // Each source line's title is the non-blank line just above it.
    let mut starts: Vec<(usize, Option<&SourceLine>)> = Vec::new();
    for (s, src) in &sources {
        let title = content.iter().rev().copied().find(|&i| i < *s)?;
        if starts.last().is_some_and(|(t, _)| *t >= title) {
            continue; // two source lines in a row: the second is not a new entry
        }
        starts.push((title, Some(src)));
    }
    // A listing's first line is always a title, with or without its source line.
    if header.is_some()
        && let Some(&first) = content.first()
        && starts.first().is_none_or(|(t, _)| *t > first)
    {
        starts.insert(0, (first, None));
    }
    // Only a listing page holds several entries; in a single page, a short line between
    // two paragraphs is a sub-heading of its one article.
    let listing = header.is_some() || starts.len() >= 2;
    let mut drafts = Vec::new();
    for (k, &(title, src)) in starts.iter().enumerate() {
        let body_from = match src {
            Some(_) => title + 2,
            None => title + 1,
        };
        let body_to = starts.get(k + 1).map_or(lines.len(), |(t, _)| *t);
        let mut d = Draft::new(Layout::Listing, lines[title]);
        d.topic = topic.clone();
        if let Some(s) = src {
            d.source = s.source.clone();
            d.published = s.published;
        }
        split_unsourced(
            &mut drafts,
            d,
            &lines[body_from.min(body_to)..body_to],
            listing,
        );
    }
    if header.is_none() && drafts.len() == 1 {
        drafts[0].layout = Layout::Single;
    }
    drafts.retain(|d| !d.title.is_empty());
    Some(drafts)
}

/// Most lines a reversed page may have after its source line.
const MAX_TRAILING_NOTES: usize = 2;

/// A line short enough to be a note after a reversed page's source line, not a body.
fn is_short_note(line: &str) -> bool {
    line.trim().chars().count() <= 40
}

/// The reversed page whose source line is `content[at]`: the title just above it, the body
/// above that, and any notes after it at the end of the body.
fn reversed(lines: &[&str], content: &[usize], at: usize, src: &SourceLine) -> Draft {
    let title = content[at - 1];
    let mut d = Draft::new(Layout::Reversed, lines[title]);
    d.source = src.source.clone();
    d.published = src.published;
    d.body = lines[content[0]..title]
        .iter()
        .chain(content[at + 1..].iter().map(|&i| &lines[i]))
        .map(|l| l.to_string())
        .collect();
    d
}

/// Gives `draft` its body, splitting off entries whose source line is missing: a short
/// title-like line directly followed by the start of a summary (`Group 1 - …`), or, in a
/// `listing` page, a short Chinese headline between the end of one prose body and the
/// start of the next.
fn split_unsourced(out: &mut Vec<Draft>, mut draft: Draft, body: &[&str], listing: bool) {
    let mut body_lines = 0usize;
    let mut prev: Option<&str> = None;
    for (j, line) in body.iter().enumerate() {
        let mut rest = body[j + 1..].iter().filter(|l| !l.trim().is_empty());
        let next = rest.next();
        let next_is_last = rest.next().is_none();
        let starts_entry = body_lines > 0
            && is_title_like(line)
            && next.is_some_and(|n| {
                SUMMARY_START.is_match(n.trim())
                    || (listing
                        && prev.is_some_and(|p| {
                            is_chinese_headline_between(
                                Around {
                                    prev: p,
                                    prev_alone: body_lines == 1,
                                    next: n,
                                    next_last: next_is_last,
                                },
                                line,
                            )
                        }))
            });
        if starts_entry {
            let mut fresh = Draft::new(draft.layout, line);
            fresh.topic = draft.topic.clone();
            out.push(std::mem::replace(&mut draft, fresh));
            body_lines = 0;
            continue;
        }
        if !line.trim().is_empty() {
            body_lines += 1;
            prev = Some(line);
        }
        draft.body.push(line.to_string());
    }
    out.push(draft);
}

/// The body lines around a line that may be the headline of an entry without a source line.
struct Around<'a> {
    /// The body line before it, and whether it is its entry's only body line.
    prev: &'a str,
    prev_alone: bool,
    /// The body line after it, and whether it is the last one before the next sourced entry.
    next: &'a str,
    next_last: bool,
}

/// The most characters of a body too short to end in a full stop (`短`, `详见原文`).
const STUB_BODY: usize = 6;

/// A body with nothing to say: a placeholder such as `暂无摘要`, or a few characters.
fn is_stub_body(t: &str) -> bool {
    is_placeholder(t) || t.chars().count() <= STUB_BODY
}

/// Whether `line` is the headline of an entry that lost its source line: a short Chinese
/// line with no full stop, not a credit, a note or a numbered sub-heading, after a line that
/// ends a body (a sentence, a cut `...`, a credit, a note, or a stub body such as `暂无摘要`
/// that is its entry's only line) and before a longer line of prose, or before a stub body
/// that is the last line before the next entry.
fn is_chinese_headline_between(around: Around<'_>, line: &str) -> bool {
    let (p, t, n) = (around.prev.trim(), line.trim(), around.next.trim());
    let len = t.chars().count();
    let opens_aside = |s: &str| s.starts_with(['(', '\u{FF08}', '[', '【', '〔', '“', '"']);
    let headline = (8..=40).contains(&len)
        && han_ratio(t) > 0.5
        && !t.contains('。')
        && !opens_aside(t)
        && !starts_numbered(t)
        && !t.ends_with(['摄', '图', ')', '\u{FF09}', '】', '”'])
        // A place and a date (`活动现场 | 2025年3月5日`) is a caption, not a headline.
        && parse_source_line(t).is_none();
    let prev_ends_body = p.ends_with([
        '。', '\u{FF01}', '\u{FF1F}', '…', '”', '摄', '图', ')', '\u{FF09}', '.',
    ]) || (around.prev_alone && is_stub_body(p));
    let next_is_prose = han_ratio(n) > 0.5
        && !opens_aside(n)
        && n.chars().count() > len
        && (n.chars().count() >= 40
            || n.ends_with(['。', '\u{FF01}', '\u{FF1F}', '…'])
            || n.ends_with("..."));
    let next_is_stub = around.next_last && !opens_aside(n) && is_stub_body(n);
    headline && prev_ends_body && (next_is_prose || next_is_stub)
}

/// `一、`, `（二）`, `3.`, `第四，`: a numbered sub-heading inside a body.
fn starts_numbered(t: &str) -> bool {
    let mut chars = t.chars();
    match chars.next() {
        Some(c) if "一二三四五六七八九十".contains(c) => chars
            .next()
            .is_some_and(|c| matches!(c, '、' | '是' | '要')),
        Some('第') => true,
        Some(c) if c.is_ascii_digit() => true,
        _ => false,
    }
}

fn is_title_like(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().count();
    if n == 0 || n > 60 || t.starts_with("- ") {
        return false;
    }
    if t.ends_with(['。', '.', ';', ',', '\u{FF0C}', '\u{FF1B}', ':', '\u{FF1A}'])
        || t.ends_with("...")
        || t.ends_with('…')
    {
        return false;
    }
    han_ratio(t) > 0.5 || t.split_whitespace().count() <= 15
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(d: &[Draft]) -> Vec<&str> {
        d.iter().map(|d| d.title.as_str()).collect()
    }

    #[test]
    fn listing_with_topic_and_entries() {
        let text = "Workflow\n职业本科\nicon\nSearch documents\n标题一\nRen Min Ri Bao· 2025-12-24 01:20\nCore Viewpoint - A [1].\n标题二\nXin Hua Wang·2025-12-20 08:00\n正文第一行。\n正文第二行。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["标题一", "标题二"]);
        assert_eq!(d[0].topic.as_deref(), Some("职业本科"));
        assert_eq!(d[1].source.as_deref(), Some("Xin Hua Wang"));
        assert_eq!(d[1].body, vec!["正文第一行。", "正文第二行。"]);
        assert_eq!(d[0].layout, Layout::Listing);
    }

    #[test]
    fn entry_without_source_line() {
        let text = "产教融合\nSearch documents\n第一篇\nJing Ji Ri Bao· 2025-10-27 22:21\nCore Viewpoint - One [1].\n第二篇没有来源行\nGroup 1 - Two [2]\n第三篇\nHuan Qiu Wang· 2025-10-26 10:21\nGroup 1 - Three [3]\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["第一篇", "第二篇没有来源行", "第三篇"]);
        assert_eq!(d[1].source, None);
        assert_eq!(d[1].published, None);
        assert_eq!(d[1].body, vec!["Group 1 - Two [2]"]);
    }

    #[test]
    fn entry_without_source_line_and_with_a_chinese_body() {
        let text = "职业本科\nSearch documents\n甲市技师学院开设氢能专业\nXin Hua Wang· 2025-10-20 08:00\n甲市技师学院今年新开设氢能装备专业，学生在园区企业实习。\n乙市职校联合车企培养智能网联人才\n乙市职校与车企签署合作协议，共同培养智能网联汽车技术人才，计划三年内培养三千名...\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(
            titles(&d),
            vec![
                "甲市技师学院开设氢能专业",
                "乙市职校联合车企培养智能网联人才"
            ]
        );
        assert_eq!(
            d[0].body,
            vec!["甲市技师学院今年新开设氢能装备专业，学生在园区企业实习。"]
        );
        assert_eq!(d[1].source, None);
        assert_eq!(d[1].body.len(), 1);
    }

    /// An entry whose body is a stub (`暂无摘要`, one character) does not swallow the next
    /// entry when that one lost its source line, nor does an entry swallow a next one whose
    /// body is a stub.
    #[test]
    fn a_stub_body_ends_its_entry() {
        let text = "产教融合\nSearch documents\n甲市职业院校开设智能网联汽车专业\nXin Hua She· 2025-05-01 09:00\n暂无摘要\n乙市职业院校开设港口物流专业\n乙市一所职业院校开设港口物流专业，与港口企业合作培养人才。\n丙市职业院校开设集成电路专业\nRen Min Ri Bao· 2025-05-03 09:00\n短\n丁市职业院校与车企共建汽车产业学院\n据悉，丁市今年新增汽车相关专业五个。\n戊市职业院校与船厂共建船舶产业学院\n戊市一所职业技术学院与船厂签约，共建船舶实训基地，首批招收订单班学生一百二十名...\n己市职业院校与港口共建冷链物流学院\n短\n庚市职业院校开设无人机专业\nXin Hua She· 2025-05-06 09:00\n庚市一所职业院校开设无人机应用技术专业。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(
            titles(&d),
            vec![
                "甲市职业院校开设智能网联汽车专业",
                "乙市职业院校开设港口物流专业",
                "丙市职业院校开设集成电路专业",
                "丁市职业院校与车企共建汽车产业学院",
                "戊市职业院校与船厂共建船舶产业学院",
                "己市职业院校与港口共建冷链物流学院",
                "庚市职业院校开设无人机专业",
            ]
        );
        assert_eq!(d[0].body, vec!["暂无摘要"]);
        assert_eq!(d[2].body, vec!["短"]);
        assert_eq!(d[5].body, vec!["短"]);
    }

    #[test]
    fn sub_headings_notes_and_captions_stay_in_the_body() {
        let text = "职业本科\nSearch documents\n甲市技师学院开设氢能专业\nXin Hua Wang· 2025-10-20 08:00\n甲市技师学院今年新开设氢能装备专业，学生在园区企业实习。\n一、专业设置对接园区产业\n学院按照园区企业的岗位需求设置课程，首批招生一百二十人，全部签订订单培养协议。\n（责编：某甲、某乙）\n下一步，学院还将与更多企业合作，扩大订单班的规模和覆盖面。\n学生在氢能实训室练习装配。 新华社记者 某 丙摄\n学院还计划建设氢能公共实训基地，面向社会开展技能培训。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["甲市技师学院开设氢能专业"]);
        assert_eq!(d[0].body.len(), 7);
    }

    /// In a single news page a short line between two paragraphs is a sub-heading of the
    /// page's one article, not the headline of another.
    #[test]
    fn a_single_page_keeps_its_sub_headings() {
        let text = "Workflow\n甲市职教订单班扩容\nZhong Guo Qing Nian Bao· 2025-06-12 07:45\n\n学院与企业合作开设的订单班扩大到四十个，毕业生签约率很高。\n校企共建实训基地\n学校与企业共同投入资金建设实训基地，企业工程师每周到校授课。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["甲市职教订单班扩容"]);
        assert_eq!(d[0].layout, Layout::Single);
        assert_eq!(d[0].body.iter().filter(|l| !l.is_empty()).count(), 3);
    }

    #[test]
    fn single_page() {
        let text = "Workflow\n一篇新闻\nZhong Guo Xin Wen Wang· 2025-05-06 10:00\n\n正文。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].layout, Layout::Single);
        assert_eq!(d[0].title, "一篇新闻");
        // A Chinese outlet and date: the outlet is the source, the line no part of the body.
        let text = "一篇新闻\n新华网· 2025年3月5日\n\n正文。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(d[0].layout, Layout::Single);
        assert_eq!(d[0].source.as_deref(), Some("新华网"));
        assert_eq!(d[0].body, vec!["", "正文。"]);
    }

    #[test]
    fn a_source_line_with_a_bad_or_missing_date_still_gives_the_source() {
        for src in ["Xin Hua Wang·", "Xin Hua Wang·2025-02-29 10:00"] {
            let text = format!("Workflow\n某职校开设新专业\n{src}\n\n学校举行签约仪式。\n");
            let lines: Vec<&str> = text.lines().collect();
            let d = read(&lines).unwrap();
            assert_eq!(d.len(), 1, "{src}");
            assert_eq!(d[0].layout, Layout::Single);
            assert_eq!(d[0].title, "某职校开设新专业");
            assert_eq!(d[0].source.as_deref(), Some("Xin Hua Wang"));
            assert_eq!(d[0].published, None);
            assert_eq!(d[0].body, vec!["", "学校举行签约仪式。"]);
        }
        let text = "产教融合\nSearch documents\n甲校签约\nXin Hua Wang· 2025-02-30 10:00\n甲校举行签约仪式。\n乙校开课\nXin Hua Wang· 2025-03-01 10:00\n乙校开课。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["甲校签约", "乙校开课"]);
        assert_eq!(d[0].source.as_deref(), Some("Xin Hua Wang"));
        assert_eq!(d[0].published, None);
        assert_eq!(d[0].body, vec!["甲校举行签约仪式。"]);
    }

    /// An entry whose source line is written another way (a Chinese or English date, a
    /// relative time, a bar, no separator) is an entry of its own, not part of the body of
    /// the entry above it.
    #[test]
    fn every_way_of_writing_a_source_line_starts_an_entry() {
        for src in [
            "新华网 · 2025年3月5日",
            "Xin Hua Wang· 2025年03月05日 14:20",
            "Xin Hua Wang· 3月5日 14:20",
            "Xin Hua Wang· 03-05 14:20",
            "Xin Hua Wang· 昨天 14:20",
            "Xin Hua Wang· 2小时前",
            "China Daily· March 8, 2025",
            "Si Chuan Ri Bao· 5 March 2025",
            "Xin Hua Wang· 2025-03-05 02:20 PM",
            "Shan Xi Ri Bao· 2025-03-11T06:20:00Z",
            "Xin Hua Wang | 2025-03-05 14:20",
            "Xin Hua Wang \u{FF5C} 2025-03-05 14:20",
            "Guang Ming Ri Bao\u{2027} 2025-03-05 14:20",
            "广西新闻网 2025.03.10",
            "南方日报 - 3月7日",
        ] {
            let text = format!(
                "Workflow\n产教融合\nicon\nSearch documents\n甲市职校与车企共建实训中心\nGuang Ming Ri Bao· 2025-02-01 10:00\n甲市一所职校与车企共建实训中心。\n乙市技工学校建设焊接实训基地\n{src}\n乙市技工学校建设焊接实训基地，首批学员五十人。\n丙市职校开设订单班\nJing Ji Ri Bao· 2025-02-03 09:00\n丙市职校与港口企业开设订单班。\n"
            );
            let lines: Vec<&str> = text.lines().collect();
            let d = read(&lines).unwrap();
            assert_eq!(
                titles(&d),
                vec![
                    "甲市职校与车企共建实训中心",
                    "乙市技工学校建设焊接实训基地",
                    "丙市职校开设订单班"
                ],
                "{src}"
            );
            assert!(d[1].source.is_some(), "{src}");
            assert_eq!(
                d[1].body,
                vec!["乙市技工学校建设焊接实训基地，首批学员五十人。"],
                "{src}"
            );
            assert_eq!(d[0].body, vec!["甲市一所职校与车企共建实训中心。"], "{src}");
        }
    }

    /// Outside a listing, a line such as `Outlet | date` does not make a page an aggregator
    /// page (the plain reader takes it as the page's metadata), nor split a single page.
    /// A place and a date under a paragraph of a listing is neither an entry's source line
    /// nor the headline of one.
    #[test]
    fn a_bar_line_under_a_sentence_stays_in_the_body() {
        let text = "Workflow\n产教融合\nicon\nSearch documents\n宜宾职校开设锂电订单班\n\
                    Si Chuan Ri Bao· 2025-03-04 10:00\n\
                    宜宾一所职业学校与电池企业合作开设订单班，首批学生三十人。\n\
                    活动现场 | 2025年3月5日\n\
                    学校负责人表示，订单班学生将在企业完成一年的跟岗实习。\n\
                    泸州技师学院共建白酒酿造实训基地\n\
                    Jiu Cheng Xin Wen Wang | 2025-03-06 09:30\n\
                    泸州一所技师学院与酒企共建实训基地。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(
            titles(&d),
            ["宜宾职校开设锂电订单班", "泸州技师学院共建白酒酿造实训基地"]
        );
        assert!(
            d[0].body.iter().any(|l| l.contains("活动现场")),
            "{:?}",
            d[0].body
        );
    }

    #[test]
    fn a_bar_line_alone_is_no_aggregator_page() {
        let lines = [
            "某职校开设新专业",
            "Xin Hua Wang | 2025-03-05 14:20",
            "学校开设新专业。",
        ];
        assert!(read(&lines).is_none());
        let lines = [
            "某职校开设新专业",
            "Xin Hua Wang· 2025-03-05 14:20",
            "学校开设新专业。",
            "某某新闻网 2025.03.10",
            "学校还将开设更多专业。",
        ];
        let d = read(&lines).unwrap();
        assert_eq!(titles(&d), vec!["某职校开设新专业"]);
        assert_eq!(d[0].body.len(), 3);
    }

    #[test]
    fn reversed_page() {
        let text = "Core Viewpoint - Body first [1].\n标题在后\nXin Hua Wang·2026-01-06 22:31\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(d[0].layout, Layout::Reversed);
        assert_eq!(d[0].title, "标题在后");
        assert_eq!(d[0].body, vec!["Core Viewpoint - Body first [1]."]);
        // A note after the source line stays a note at the end of the body.
        let text = "Core Viewpoint - Body first [1].\n标题在后\nXin Hua Wang·2026-01-06 22:31\n附记：本文有补充。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(d[0].layout, Layout::Reversed);
        assert_eq!(d[0].title, "标题在后");
        assert_eq!(
            d[0].body,
            vec!["Core Viewpoint - Body first [1].", "附记：本文有补充。"]
        );
        // The date may be written the Chinese way.
        let text =
            "Core Viewpoint - Body first [1].\n标题在后\nDa Zhong Wang· 2025年11月20日 10:30\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_eq!(d[0].layout, Layout::Reversed);
        assert_eq!(d[0].title, "标题在后");
        assert_eq!(d[0].source.as_deref(), Some("Da Zhong Wang"));
        assert_eq!(
            d[0].published.map(|t| t.to_rfc3339()).as_deref(),
            Some("2025-11-20T10:30:00+08:00")
        );
        // A page whose source line is followed by a body is a single page, not reversed.
        let text = "网站首页\n标题在前\nXin Hua Wang·2026-01-06 22:31\n正文很长，说明学校与企业共建实训基地的情况和下一步打算，共有三百多字的内容在这里。\n";
        let lines: Vec<&str> = text.lines().collect();
        let d = read(&lines).unwrap();
        assert_ne!(d[0].layout, Layout::Reversed);
    }

    #[test]
    fn plain_text_is_not_an_aggregator_page() {
        let lines = ["学院召开大会", "今天学院召开大会。"];
        assert!(read(&lines).is_none());
    }
}
