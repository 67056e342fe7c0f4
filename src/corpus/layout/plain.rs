//! Any other text: a school's news page, a journal article, a page in traditional
//! characters. One article; a short first line is its title (otherwise the first sentence); the
//! first date in the text is its published time; metadata lines become fields.

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Layout;
use chrono::{DateTime, FixedOffset};

use crate::corpus::dateline::{
    date_line, find_date, outlet_date_line, posted_on_line, source_date, spaced_outlet_date,
    split_trailing_date,
};
use crate::corpus::draft::Draft;
use crate::corpus::layout::{is_chrome, portal};
use crate::corpus::prose::{NOTE_BRACKETS, editor_line, note_pairs};
use crate::tagging::sources::outlet;

#[allow(clippy::unwrap_used)] // constant patterns
static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[【]\s*(摘\s*要|关键词|關鍵詞|关键字|作者简介|作者簡介|中图分类号|文献标识码|文章编号|基金项目|收稿日期|DOI)\s*[\]】]\s*[:\x{FF1A}]?\s*(.*)$").unwrap()
});

#[allow(clippy::unwrap_used)]
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(摘\s*要|关键词|關鍵詞|关键字|作者简介|作者簡介|中图分类号|文献标识码|文章编号|基金项目|收稿日期|来源|來源|作者|发布时间|發佈時間|发布日期|更新时间|时间|日期|編輯|编辑|浏览次数|点击数|(?i:updated|published|posted|date|source|author|editor))\s*[:\x{FF1A}]\s*(.*)$").unwrap()
});

/// Reads the lines as one article; `None` only when nothing is left.
pub fn read(lines: &[&str]) -> Option<Vec<Draft>> {
    // The aggregator's `Workflow` (or `icon`) line above the title is page furniture.
    let lead = lines
        .iter()
        .take_while(|l| l.trim().is_empty() || is_chrome(l))
        .count();
    let lines = portal::strip(&lines[lead..]);
    let text = lines.join("\n");
    let mut abstract_: Option<String> = None;
    let mut keywords = Vec::new();
    let mut m = Meta::default();
    let mut kept: Vec<&str> = Vec::new();
    for line in &lines {
        let t = line.trim();
        if let Some(name) = editor_line(t) {
            m.editor = m.editor.or(Some(name));
            continue;
        }
        if let Some(who) = by_line(t) {
            // `By Global Times`, `By Shenzhen Daily`: the outlet when it is one, or is named
            // as papers are; else the author.
            if outlet(who).is_some() || names_an_outlet(who) {
                m.source = m.source.or(Some(who.to_string()));
            } else {
                m.author = m.author.or(Some(who.to_string()));
            }
            continue;
        }
        if let Some(b) = bar_byline(t) {
            m.author = m.author.or(Some(b.author));
            m.place = m.place.or(b.place);
            m.source = m.source.or(b.outlet);
            m.dated = m.dated.or(b.date);
            continue;
        }
        if let Some((outlet, date)) = outlet_date_line(t) {
            m.source = m.source.or(Some(outlet));
            m.dated = m.dated.or(date);
            continue;
        }
        // `星島日報 2025年7月8日` under the title: the outlet and the date.
        if kept.len() <= 2
            && let Some(src) = spaced_outlet_date(t)
        {
            m.source = m.source.or(src.source);
            m.dated = m.dated.or(src.published);
            continue;
        }
        if let Some((date, by)) = posted_on_line(t) {
            m.dated = m.dated.or(date);
            m.author = m.author.or(by);
            continue;
        }
        let caps = BRACKETED.captures(t).or_else(|| LABELLED.captures(t));
        let Some(c) = caps else {
            if let Some(date) = date_line(t) {
                m.dated = m.dated.or(Some(date));
            } else if is_meta_line(t) {
                take_pairs(t, &mut m);
            } else {
                kept.push(line);
            }
            continue;
        };
        let key: String = c
            .get(1)
            .map_or("", |m| m.as_str())
            .split_whitespace()
            .collect();
        let value = c.get(2).map_or("", |m| m.as_str()).trim();
        match key.to_ascii_lowercase().as_str() {
            "摘要" => abstract_ = Some(value.to_string()),
            "关键词" | "關鍵詞" | "关键字" => {
                keywords = value
                    .split([';', '\u{FF1B}', ',', '\u{FF0C}', '、', ' ', '\u{3000}'])
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            "作者简介" | "作者簡介" => {
                m.author = value
                    .split([',', '\u{FF0C}', '(', '\u{FF08}'])
                    .next()
                    .map(|a| a.split_whitespace().collect::<String>())
                    .filter(|a| !a.is_empty());
            }
            "updated" | "published" | "posted" | "date" | "发布时间" | "發佈時間" | "发布日期"
            | "更新时间" | "时间" | "日期" => {
                m.dated = m
                    .dated
                    .or_else(|| find_date(value))
                    .or_else(|| source_date(value).flatten());
                take_pairs(t, &mut m);
            }
            "source" => m.source = split_trailing_date(value).0.map(str::to_string),
            "author" => m.author = Some(value.to_string()).filter(|a| !a.is_empty()),
            _ => take_pairs(t, &mut m),
        }
    }
    let first = kept.iter().position(|l| !l.trim().is_empty())?;
    let head = kept[first].trim();
    let (title, body_from) = if is_short_title(head) {
        (head.to_string(), first + 1)
    } else {
        (first_sentence(head), first)
    };
    let mut d = Draft::new(Layout::Plain, &title);
    // A `——以某地为例` line right under the title is its sub-title.
    let mut body_from = body_from;
    if let Some(next) = kept.get(body_from).map(|l| l.trim())
        && body_from > first
        && next.starts_with('—')
    {
        d.subtitle = Some(next.to_string());
        body_from += 1;
    }
    // A date given as the page's metadata wins over one met first in the text.
    d.published = m.dated.or_else(|| find_date(&text));
    d.keywords = keywords;
    d.author = m.author;
    d.place = m.place;
    d.editor = m.editor;
    d.source = m.source;
    if let Some(a) = abstract_ {
        d.body.push(a);
        d.body.push(String::new());
    }
    d.body
        .extend(kept[body_from..].iter().map(|l| l.to_string()));
    Some(vec![d])
}

/// A short line such as `2025年9月18日 来源:某某网` or `作者:某某 编辑:某某`: page metadata.
/// (A note in brackets at the end of the text is the prose cleaner's.)
fn is_meta_line(t: &str) -> bool {
    t.chars().count() <= 60
        && !t.starts_with(['(', '\u{FF08}'])
        && note_pairs(t).iter().any(|(k, _)| {
            matches!(
                k.as_str(),
                "来源" | "來源" | "作者" | "发布时间" | "發佈時間"
            )
        })
}

/// The fields a page's metadata lines give.
#[derive(Default)]
struct Meta {
    source: Option<String>,
    author: Option<String>,
    editor: Option<String>,
    place: Option<String>,
    dated: Option<DateTime<FixedOffset>>,
}

/// `By Li Wen in Ningbo, Zhejiang | Xinhua | 2025-03-05`: a byline under the title, the
/// outlet optional, the date written any way a source line may write it.
#[allow(clippy::unwrap_used)] // constant pattern
static BAR_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^By\s+(?P<author>[^|\x{FF5C}]{2,60}?)\s*[|\x{FF5C}]\s*(?:(?P<outlet>[^|\x{FF5C}]{2,40}?)\s*[|\x{FF5C}]\s*)?(?:(?:updated|published|posted)\s*:\s*)?(?P<date>[^|\x{FF5C}]{4,40})$").unwrap()
});

/// What a bar byline says.
struct Byline {
    author: String,
    place: Option<String>,
    outlet: Option<String>,
    date: Option<DateTime<FixedOffset>>,
}

/// `By Global Times`, `By LI HUA`: a line that names who wrote the page and nothing else,
/// a few capitalised words.
fn by_line(t: &str) -> Option<&str> {
    let who = t
        .strip_prefix("By ")
        .or_else(|| t.strip_prefix("BY "))?
        .trim();
    let words: Vec<&str> = who.split_whitespace().collect();
    let named = (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars()
                    .all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '\'' | '-'))
        });
    named.then_some(who)
}

/// Whether a byline's name is written as an outlet's (`Shenzhen Daily`, `China News
/// Service`): its last word is one that names papers, agencies and sites, not people.
fn names_an_outlet(who: &str) -> bool {
    const OUTLET_WORDS: &[&str] = &[
        "Daily", "Times", "News", "Post", "Herald", "Journal", "Weekly", "Gazette", "Tribune",
        "Review", "Press", "Agency", "Service", "Network", "Online", "Net", "Media",
    ];
    who.split_whitespace()
        .last()
        .is_some_and(|w| OUTLET_WORDS.contains(&w))
}

fn bar_byline(t: &str) -> Option<Byline> {
    if !t.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("by ")) {
        return None;
    }
    let c = BAR_BYLINE.captures(t)?;
    let date = source_date(c.name("date")?.as_str())?;
    let who = c.name("author")?.as_str().trim();
    let (author, place) = match who.split_once(" in ") {
        Some((a, p)) => (a.trim(), Some(p.trim().to_string())),
        None => (who, None),
    };
    Some(Byline {
        author: author.to_string(),
        place,
        outlet: c.name("outlet").map(|o| o.as_str().trim().to_string()),
        date,
    })
}

/// Takes the fields of a metadata line. A source written with its date (`来源：中国教育报
/// 2025-06-18`) gives both.
fn take_pairs(t: &str, m: &mut Meta) {
    for (k, v) in note_pairs(t) {
        match k.as_str() {
            "来源" | "來源" => {
                let (outlet, date) = split_trailing_date(&v);
                // `【来源：光明网】 2025/3/5`: the bracket closing the pair is no part of the
                // outlet.
                let outlet = outlet
                    .map(|o| {
                        o.trim_matches(|c: char| c.is_whitespace() || NOTE_BRACKETS.contains(&c))
                    })
                    .filter(|o| !o.is_empty());
                if let Some(o) = outlet {
                    m.source = Some(o.to_string());
                }
                m.dated = m.dated.or(date);
            }
            "作者" => m.author = Some(v),
            "编辑" | "編輯" | "责任编辑" | "責任編輯" | "责编" | "責編" => {
                m.editor = m.editor.take().or(Some(v));
            }
            "发布时间" | "發佈時間" | "发布日期" => {
                m.dated = m.dated.or_else(|| find_date(&v))
            }
            _ => {}
        }
    }
}

fn is_short_title(line: &str) -> bool {
    let n = line.chars().count();
    n <= 50 && !line.ends_with(['。', '\u{FF01}', '\u{FF1F}', '!', '?', '.', ';', '\u{FF1B}'])
        || (n <= 100 && line.is_ascii() && !line.ends_with('.'))
}

fn first_sentence(line: &str) -> String {
    let end = line
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '。' | '\u{FF01}' | '\u{FF1F}' | '!' | '?')
                || (c == '.' && line[i + 1..].starts_with(' '))
        })
        .map_or(line.len(), |(i, _)| i);
    let s: String = line[..end].chars().take(80).collect();
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_first_line_is_the_title() {
        let d = read(&[
            "机电学院举行校企合作签约仪式",
            "发布时间:2024-03-08 作者:王五",
            "3月8日,学院与企业签约。",
        ])
        .unwrap();
        assert_eq!(d[0].title, "机电学院举行校企合作签约仪式");
        assert_eq!(d[0].author.as_deref(), Some("王五"));
        assert_eq!(
            d[0].published.unwrap().to_rfc3339(),
            "2024-03-08T00:00:00+08:00"
        );
        assert_eq!(d[0].body, vec!["3月8日,学院与企业签约。"]);
    }

    #[test]
    fn workflow_above_the_title_is_not_the_title() {
        let d = read(&[
            "Workflow",
            "技师学院开设氢能装备专业",
            "",
            "学院今年首次招生。",
        ])
        .unwrap();
        assert_eq!(d[0].title, "技师学院开设氢能装备专业");
        assert_eq!(d[0].body, vec!["", "学院今年首次招生。"]);
        assert!(read(&["icon"]).is_none());
        assert!(read(&["", "Workflow", "icon", ""]).is_none());
    }

    #[test]
    fn metadata_lines_become_fields_not_body() {
        let body = "技师学院今年新开设氢能装备专业，学生踊跃报名。";
        for (meta, source) in [
            ("来源：中国职业教育报 2025-06-18", Some("中国职业教育报")),
            ("Updated: 2025-06-18 09:30", None),
            ("2025/06/18 09:30", None),
            ("2025.06.18", None),
            ("日期：2025-6-18", None),
        ] {
            let d = read(&["技师学院开设氢能装备专业", meta, body]).unwrap();
            assert_eq!(d[0].body, vec![body], "{meta}");
            assert_eq!(d[0].source.as_deref(), source, "{meta}");
            assert_eq!(
                d[0].published.unwrap().date_naive().to_string(),
                "2025-06-18",
                "{meta}"
            );
        }
        // A date met in the text comes after the page's own.
        let d = read(&[
            "技师学院开设氢能装备专业",
            "2024年5月1日，学校立项。",
            "发布时间：2025-06-18",
        ])
        .unwrap();
        assert_eq!(
            d[0].published.unwrap().date_naive().to_string(),
            "2025-06-18"
        );
    }

    /// Source lines found in hands-on testing: a source with a time after it, a source in
    /// brackets with a date after them, a byline set apart by bars.
    #[test]
    fn source_lines_with_times_brackets_and_bars_give_their_fields() {
        let body = "宁波一所职业学院与汽车企业共建电池检测实训室。";
        for (meta, source, date) in [
            (
                "来源：新华网  2025-03-05 14:20",
                "新华网",
                "2025-03-05T14:20:00+08:00",
            ),
            (
                "【来源：光明网】 2025/3/5",
                "光明网",
                "2025-03-05T00:00:00+08:00",
            ),
            (
                "By Li Wen | Xinhua | 2025-03-05",
                "Xinhua",
                "2025-03-05T00:00:00+08:00",
            ),
        ] {
            let d = read(&["宁波职校共建实训室", meta, "", body]).unwrap();
            assert_eq!(d[0].title, "宁波职校共建实训室", "{meta}");
            assert_eq!(d[0].source.as_deref(), Some(source), "{meta}");
            assert_eq!(d[0].published.unwrap().to_rfc3339(), date, "{meta}");
            assert_eq!(d[0].body, vec!["", body], "{meta}");
        }
        let d = read(&[
            "宁波职校共建实训室",
            "By Li Wen in Ningbo, Zhejiang | Xinhua | Updated: March 5, 2025",
            body,
        ])
        .unwrap();
        assert_eq!(d[0].author.as_deref(), Some("Li Wen"));
        assert_eq!(d[0].place.as_deref(), Some("Ningbo, Zhejiang"));
        assert_eq!(d[0].body, vec![body]);
    }

    /// An English news site's page without a China Daily byline: skip link, menu, search
    /// box, breadcrumb, date and `By OUTLET` lines, share buttons, a captioned photo, the
    /// related list, comment box and footer. Found in hands-on testing.
    #[test]
    fn an_outlet_and_a_date_under_the_title_are_read() {
        let d = read(&[
            "香港職訓局與深圳企業合辦人工智能課程",
            "星島日報 2025年7月8日",
            "香港一所職業培訓機構與深圳科技企業合作，開設人工智能應用課程。",
        ])
        .unwrap();
        assert_eq!(d[0].source.as_deref(), Some("星島日報"));
        assert_eq!(
            d[0].published.map(|p| p.to_rfc3339()).as_deref(),
            Some("2025-07-08T00:00:00+08:00")
        );
        assert_eq!(d[0].body.len(), 1, "{:?}", d[0].body);
        // Further down, such a line is the text's.
        let d = read(&[
            "学院动态",
            "第一段，学院开设新课程。",
            "第二段，学生参加实训。",
            "第三段，企业导师授课。",
            "校园广播台 2025年7月8日",
        ])
        .unwrap();
        assert!(d[0].source.is_none());
    }

    #[test]
    fn an_english_site_page_keeps_its_article_alone() {
        let page = [
            "Skip to main content",
            "NEWS | PROVINCES | BUSINESS | OPINION | SCIENCE | CULTURE | SPORTS | TRAVEL",
            "Search",
            "Home > Provinces > Education",
            "Lanzhou college opens rail signalling workshop with operator",
            "Published: Sep 18, 2025 07:15 PM",
            "By Global Times",
            "Share:",
            "Facebook",
            "Twitter",
            "Email",
            "A vocational college in Lanzhou has opened a signalling workshop with the city's rail operator.",
            "Trainees wire a relay cabinet in the new workshop. Photo: Courtesy of the operator",
            "\"Our graduates will maintain the lines they trained on,\" the college's dean said.",
            "Related articles:",
            "Gansu trains more rail technicians",
            "Comments (2)",
            "Log in to comment",
            "About Us | Contact Us | Privacy Policy | Terms of Use",
            "Copyright © 2025 Some Site. All Rights Reserved.",
        ];
        let d = read(&page).unwrap();
        assert_eq!(
            d[0].title,
            "Lanzhou college opens rail signalling workshop with operator"
        );
        assert_eq!(d[0].source.as_deref(), Some("Global Times"));
        assert_eq!(
            d[0].published.unwrap().to_rfc3339(),
            "2025-09-18T19:15:00+08:00"
        );
        assert_eq!(
            d[0].body,
            vec![
                "A vocational college in Lanzhou has opened a signalling workshop with the city's rail operator.",
                "Trainees wire a relay cabinet in the new workshop. Photo: Courtesy of the operator",
                "\"Our graduates will maintain the lines they trained on,\" the college's dean said.",
            ]
        );
        // A `By` line naming a person gives the author.
        let d = read(&[
            "Lanzhou college opens a workshop",
            "By Zhang Min",
            "Text here.",
        ])
        .unwrap();
        assert_eq!(d[0].author.as_deref(), Some("Zhang Min"));
        assert_eq!(d[0].body, vec!["Text here."]);
        // A sentence that starts with `By` is text.
        let d = read(&[
            "Lanzhou college opens a workshop",
            "By 2030, the college will train 500.",
        ])
        .unwrap();
        assert_eq!(d[0].body, vec!["By 2030, the college will train 500."]);
        // A row of share buttons on one line goes; a paper named in a `By` line that the
        // outlet list does not know is still the source.
        let d = read(&[
            "Harbin school opens ice-sculpture workshop",
            "Published: Jan 9, 2025 08:30 AM",
            "By Harbin Evening News",
            "Share on Facebook  Share on X  Share on WeChat",
            "The workshop trains carvers for the winter festival.",
        ])
        .unwrap();
        assert_eq!(d[0].source.as_deref(), Some("Harbin Evening News"));
        assert!(d[0].author.is_none());
        assert_eq!(
            d[0].body,
            vec!["The workshop trains carvers for the winter festival."]
        );
    }

    #[test]
    fn the_editor_line_fills_the_editor() {
        let d = read(&[
            "技师学院开设氢能装备专业",
            "学院今年首次招生，学生踊跃报名。",
            "责任编辑：孙七",
        ])
        .unwrap();
        assert_eq!(d[0].editor.as_deref(), Some("孙七"));
        assert_eq!(d[0].body, vec!["学院今年首次招生，学生踊跃报名。"]);
        let d = read(&[
            "技师学院开设氢能装备专业",
            "2025年3月5日 来源：某某日报 作者：李明 王芳 编辑：孙 七",
            "学院今年首次招生，学生踊跃报名。",
        ])
        .unwrap();
        assert_eq!(d[0].author.as_deref(), Some("李明 王芳"));
        assert_eq!(d[0].editor.as_deref(), Some("孙七"));
        assert_eq!(d[0].source.as_deref(), Some("某某日报"));
    }

    #[test]
    fn english_date_lines_become_fields() {
        let d = read(&[
            "Vocational college in Xi'an trains aircraft fitters",
            "China Daily | 03/25/2025",
            "",
            "A vocational college in Xi'an has opened an aircraft assembly centre.",
        ])
        .unwrap();
        assert_eq!(d[0].source.as_deref(), Some("China Daily"));
        assert_eq!(
            d[0].published.unwrap().date_naive().to_string(),
            "2025-03-25"
        );
        assert_eq!(
            d[0].body,
            vec![
                "",
                "A vocational college in Xi'an has opened an aircraft assembly centre."
            ]
        );
        let d = read(&[
            "稀土新材料产业学院揭牌",
            "Posted on March 9, 2025 by admin",
            "学院与稀土企业共建产业学院。",
        ])
        .unwrap();
        assert_eq!(
            d[0].published.unwrap().date_naive().to_string(),
            "2025-03-09"
        );
        assert_eq!(d[0].author, None);
        assert_eq!(d[0].body, vec!["学院与稀土企业共建产业学院。"]);
    }

    #[test]
    fn bracketed_metadata_pairs_become_fields() {
        let d = read(&[
            "【来源：某某日报】【作者：赵六】",
            "技师学院与钢铁企业共建智能炼钢实训基地",
            "2025-02-28 09:00",
            "学院与企业共建实训基地，学生学习高炉智能控制。",
        ])
        .unwrap();
        assert_eq!(d[0].title, "技师学院与钢铁企业共建智能炼钢实训基地");
        assert_eq!(d[0].source.as_deref(), Some("某某日报"));
        assert_eq!(d[0].author.as_deref(), Some("赵六"));
        assert_eq!(
            d[0].body,
            vec!["学院与企业共建实训基地，学生学习高炉智能控制。"]
        );
    }

    #[test]
    fn long_first_line_gives_its_first_sentence() {
        let d = read(&["学院与本地十家企业签订合作协议,共建三个产业学院和一个实训基地,覆盖智能制造等领域。后续将扩大规模。"]).unwrap();
        assert_eq!(
            d[0].title,
            "学院与本地十家企业签订合作协议,共建三个产业学院和一个实训基地,覆盖智能制造等领域"
        );
    }

    #[test]
    fn journal_metadata_becomes_fields() {
        let d = read(&[
            "市域产教联合体的运行机制研究",
            "[摘要]本文讨论联合体的治理结构。",
            "[关键词]产教融合;市域产教联合体;治理",
            "[作者简介]张三,男,某职业技术学院副教授。",
            "一、引言",
        ])
        .unwrap();
        assert_eq!(d[0].keywords, vec!["产教融合", "市域产教联合体", "治理"]);
        assert_eq!(d[0].author.as_deref(), Some("张三"));
        assert_eq!(d[0].body[0], "本文讨论联合体的治理结构。");
        assert!(!d[0].body.iter().any(|l| l.contains("关键词")));
    }
}
