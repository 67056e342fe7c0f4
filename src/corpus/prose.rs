//! Prose bodies, Chinese or English: joins lines the scraper wrapped, removes the stray
//! spaces a wrap left between Chinese characters, drops photo captions and credits, lifts
//! editor and source notes into fields, and notices a body cut short with `...`.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::boilerplate::is_boilerplate;
use crate::text::{at_most_chars, is_cjk};

/// A cleaned prose body.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Prose {
    pub paragraphs: Vec<String>,
    /// The body ended in `...` or `…`: the aggregator cut it.
    pub truncated: bool,
    /// Notes such as `(责编:…)` or `(稿件来源:… 作者:…)`, as (key, value).
    pub notes: Vec<(String, String)>,
}

/// A line at least this long that stops mid-sentence was wrapped, not a heading.
const WRAP_MIN: usize = 36;

/// The longest photo caption: one sentence saying who does what where.
const CAPTION_MAX: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Gap {
    Start,
    Space,
    /// No gap: a credit split off the sentence it was written against (`…课程。记者`).
    Glued,
    Newline {
        wrapped: bool,
    },
    Blank,
}

struct Segment<'a> {
    text: &'a str,
    gap: Gap,
    /// The space before it held a tab: a separator inside a line, never a paragraph break.
    tab: bool,
    /// Part of a photo credit such as `叶 军摄`.
    credit: bool,
}

#[allow(clippy::unwrap_used)] // constant pattern
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(\x{FF08}]\s*((?:责编|責編|编辑|編輯|责任编辑|責任編輯|稿件来源|稿件來源|来源|來源|作者|记者|記者|通讯员|通訊員|审核|審核|校对|校對|审校|審校|摄影|攝影|发布时间|發佈時間|發布時間|发布日期|發布日期|浏览次数|瀏覽次數|点击数|點擊數)\s*[:\x{FF1A}].*?)[)\x{FF09}]")
        .unwrap()
});

/// An outlet's dateline opening a paragraph: `【大公报讯】`, `[本报讯]`.
#[allow(clippy::unwrap_used)]
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[【\[][^】\]]{1,15}[讯訊][】\]]\s*").unwrap());

#[allow(clippy::unwrap_used)]
static NOTE_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(责编|責編|编辑|編輯|责任编辑|責任編輯|稿件来源|稿件來源|来源|來源|作者|记者|記者|通讯员|通訊員|审核|審核|校对|校對|审校|審校|摄影|攝影|发布时间|發佈時間|發布時間|发布日期|發布日期|浏览次数|瀏覽次數|点击数|點擊數)\s*[:\x{FF1A}]\s*((?:\d{1,2}:\d{2}(?::\d{2})?|[^:\x{FF1A}])*?)\s*(?:$|(?:责编|責編|编辑|編輯|责任编辑|責任編輯|稿件来源|稿件來源|来源|來源|作者|记者|記者|通讯员|通訊員|审核|審核|校对|校對|审校|審校|摄影|攝影|发布时间|發佈時間|發布時間|发布日期|發布日期|浏览次数|瀏覽次數|点击数|點擊數)\s*[:\x{FF1A}])")
        .unwrap()
});

/// What an aggregator writes where an entry has no text: `暂无摘要`, `暂无简介`, `No summary`.
#[allow(clippy::unwrap_used)]
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:暂无|暫無|尚无|无|無)(?:摘要|简介|簡介|内容|內容|正文|描述|详情|詳情)|(?i:no\s+(?:summary|abstract|description|content|preview)(?:\s+available)?))\s*[。.…!！]*$").unwrap()
});

/// True for a body that only says there is no body (`暂无摘要`, `No summary available.`).
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && at_most_chars(t, 30) && PLACEHOLDER.is_match(t)
}

/// Cleans the lines of a prose body.
pub fn clean(lines: &[&str]) -> Prose {
    let mut notes = Vec::new();
    // Notes are lifted line by line, before the spaces between Chinese words are closed up
    // (`作者：张三 李四` names two people).
    let lines: Vec<String> = lines
        .iter()
        .filter_map(|l| {
            if let Some(name) = editor_line(l) {
                notes.push(("责任编辑".to_string(), name));
                return None;
            }
            if let Some(name) = author_line(l) {
                notes.push(("作者".to_string(), name));
                return None;
            }
            if is_english_caption(l) || is_bracketed_caption(l) || is_page_note(l) {
                return None;
            }
            if is_pairs_line(l) {
                // `来源：某某日报 编辑：某某` on a line of its own: fields, not text.
                notes.extend(note_pairs(l));
                return None;
            }
            Some(if NOTE.is_match(l) {
                lift_notes(l, &mut notes)
            } else {
                l.to_string()
            })
        })
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut segs = segments(&lines);
    let mut truncated = false;
    strip_truncation(&mut segs, &mut truncated);
    let segs = mark_credits(segs);
    let mut out = Prose {
        truncated,
        notes,
        ..Prose::default()
    };
    // (text, is a credit, the credit shares a line with the text before it)
    let mut paragraphs: Vec<(String, bool, bool)> = Vec::new();
    for (i, seg) in segs.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| &segs[p]);
        let joined = match prev {
            None => false,
            Some(p) => joins(p, seg),
        };
        match paragraphs.last_mut() {
            Some((text, _, _)) if joined => {
                let last = text.chars().next_back();
                let first = seg.text.chars().next();
                let tight = last.is_some_and(sets_tight) && first.is_some_and(sets_tight);
                if !tight || prev.is_some_and(|p| keeps_credit_space(p.text, seg.text)) {
                    text.push(' ');
                }
                text.push_str(seg.text);
            }
            _ => paragraphs.push((
                seg.text.to_string(),
                seg.credit,
                seg.credit && seg.gap == Gap::Space,
            )),
        }
    }
    let mut kept: Vec<String> = Vec::new();
    for (text, credit, inline) in paragraphs {
        if credit {
            // A short sentence just before a credit, alone or after a space, is the photo's
            // caption. A paragraph of several sentences that merely ends in a credit stays.
            if inline && kept.last().is_some_and(|p| is_caption(p)) {
                kept.pop();
            }
            continue;
        }
        let text = lift_notes(&text, &mut out.notes);
        let text = DATELINE.replace(text.trim(), "");
        let text = text.trim();
        if !text.is_empty() && !is_placeholder(text) && !is_boilerplate(text) {
            kept.push(text.to_string());
        }
    }
    out.paragraphs = kept;
    out
}

fn segments<'a>(lines: &[&'a str]) -> Vec<Segment<'a>> {
    let widest = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut gap = Gap::Start;
    let mut prev_len = 0usize;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if gap != Gap::Start {
                gap = Gap::Blank;
            }
            continue;
        }
        if matches!(gap, Gap::Space) {
            // A line the scraper wrapped is long: near the widest line, or longer than any
            // heading. (It also does not end a sentence; `joins` checks that.)
            let wrapped = (widest >= 24 && prev_len * 100 >= widest * 85) || prev_len >= WRAP_MIN;
            gap = Gap::Newline { wrapped };
        }
        for (k, (word, tab)) in words(line).into_iter().enumerate() {
            out.push(Segment {
                text: word,
                gap: if k == 0 { gap } else { Gap::Space },
                tab,
                credit: false,
            });
        }
        gap = Gap::Space;
        prev_len = line.chars().count();
    }
    out
}

/// The words of a trimmed line, each with whether the space before it held a tab.
fn words(line: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut tab = false;
    let mut start = None;
    for (i, c) in line.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((&line[s..i], tab));
                tab = false;
            }
            tab |= c == '\t';
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((&line[s..], tab));
    }
    out
}

/// Who a dateline credits: `（记者 张三 通讯员 李四）` keeps the spaces between the names.
const CREDIT_ROLES: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "实习生",
    "實習生",
    "特约记者",
    "特約記者",
];

/// Whether the space between two words of a credit such as `（记者 张三 通讯员 李四）`
/// stays: between a role and a name (`记者 张三`), or a name and a role (`张三 通讯员`).
fn keeps_credit_space(before: &str, after: &str) -> bool {
    let is_name =
        |w: &str| at_most_chars(w, 4) && !at_most_chars(w, 1) && w.chars().all(crate::text::is_han);
    let name_first = after
        .split([')', '\u{FF09}', '、'])
        .next()
        .is_some_and(is_name);
    (CREDIT_ROLES.iter().any(|r| before.ends_with(r)) && name_first)
        || (CREDIT_ROLES.contains(&after) && is_name(before))
}

/// Notes a page puts in the text about itself: the original title (`原标题：…`), where the
/// pictures came from (`图片来源：网络`), a link to a topic page (`点击进入专题：…`).
fn is_page_note(line: &str) -> bool {
    let t = line.trim();
    if !at_most_chars(t, 80) {
        return false;
    }
    let labelled = |labels: &[&str]| {
        labels.iter().any(|l| {
            t.strip_prefix(l)
                .is_some_and(|r| r.starts_with([':', '\u{FF1A}']))
        })
    };
    labelled(&["原标题", "原標題", "原题", "原題"])
        || (labelled(&[
            "图片来源",
            "圖片來源",
            "图源",
            "圖源",
            "配图来源",
            "封面图来源",
        ]) && t.chars().count() <= 40)
        || (t.starts_with("点击") || t.starts_with("點擊"))
            && ["专题", "專題", "原文", "全文", "查看更多"]
                .iter()
                .any(|w| t.contains(w))
            && t.chars().count() <= 40
            && !t.contains(['。', '\u{FF0C}'])
}

/// A line of nothing but `key：value` notes (`来源：某某日报 编辑：某某`).
fn is_pairs_line(line: &str) -> bool {
    let t = line.trim();
    if !at_most_chars(t, 60) || t.contains(['。', '\u{FF0C}', ',']) {
        return false;
    }
    let pairs = note_pairs(t);
    pairs.len() >= 2 && NOTE_PAIR.find(t).is_some_and(|m| m.start() == 0)
}

/// Characters set without a space between them when a wrap space is removed: Chinese
/// characters and punctuation, not full-width letters and digits (`Ｆｕｌｌ　ｗｉｄｔｈ` keeps
/// its word space).
fn sets_tight(c: char) -> bool {
    (is_cjk(c) && !c.is_alphanumeric()) || crate::text::is_han(c)
}

fn strip_truncation(segs: &mut Vec<Segment<'_>>, truncated: &mut bool) {
    let Some(last) = segs.last_mut() else { return };
    for tail in ["......", "……", "...", "…"] {
        if let Some(rest) = last.text.strip_suffix(tail) {
            *truncated = true;
            if rest.trim().is_empty() {
                segs.pop();
            } else {
                last.text = rest.trim_end();
            }
            return;
        }
    }
}

/// Marks runs like `叶 军摄`, `新华社记者 李 明摄`, `视觉中国供图` that stand after the end of a
/// sentence as photo credits. The credit's first word may be glued to the sentence before it
/// (`…课程。记者 叶 军摄`): that segment is split at the sentence end.
fn mark_credits(mut segs: Vec<Segment<'_>>) -> Vec<Segment<'_>> {
    let mut k = 0;
    while k < segs.len() {
        let t = segs[k].text;
        let is_credit_end = t.ends_with('摄')
            || t.ends_with("供图")
            || t.ends_with("摄影")
            || t.ends_with("摄)")
            || t.ends_with("摄\u{FF09}");
        if !is_credit_end {
            k += 1;
            continue;
        }
        // The whole credit written against the sentence before it, with no space
        // (`…人才5000名。视觉中国供图`): split off after the sentence end.
        if let Some(at) = t
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '。' | '\u{FF01}' | '\u{FF1F}'))
            .map(|(i, c)| i + c.len_utf8())
            && at < t.len()
            && t[at..].chars().count() <= 14
            && t[at..].chars().all(is_cjk)
        {
            segs[k].text = &t[..at];
            segs.insert(
                k + 1,
                Segment {
                    text: &t[at..],
                    gap: Gap::Glued,
                    tab: false,
                    credit: true,
                },
            );
            k += 2;
            continue;
        }
        // Walk back over the short pieces of the name.
        let mut j = k;
        let mut chars = t.chars().count();
        while j > 0
            && k - j < 3
            && segs[j].gap == Gap::Space
            && segs[j - 1].text.chars().count() <= 6
            && !ends_sentence(segs[j - 1].text)
        {
            chars += segs[j - 1].text.chars().count();
            j -= 1;
        }
        let mut starts_fresh =
            j == 0 || segs[j].gap != Gap::Space || ends_sentence(segs[j - 1].text);
        if !starts_fresh
            && k > j
            && let Some(at) = glued_credit_start(segs[j - 1].text)
        {
            // `…课程。记者` `叶` `军摄`: the credit begins after the `。`.
            let whole = segs[j - 1].text;
            chars += whole[at..].chars().count();
            segs[j - 1].text = &whole[..at];
            segs.insert(
                j,
                Segment {
                    text: &whole[at..],
                    // Not a caption's credit: a caption stands apart from its credit, while
                    // a sentence with the credit written against it is the article's own.
                    gap: Gap::Glued,
                    tab: false,
                    credit: false,
                },
            );
            k += 1;
            starts_fresh = true;
        }
        if starts_fresh && chars <= 14 {
            for s in &mut segs[j..=k] {
                s.credit = true;
            }
        }
        k += 1;
    }
    segs
}

/// Where a credit's first word glued to the end of a sentence begins: the byte offset just
/// after the last sentence end, when what follows it is a short word such as `记者`.
fn glued_credit_start(text: &str) -> Option<usize> {
    let (i, c) = text
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '。' | '\u{FF01}' | '\u{FF1F}'))?;
    let at = i + c.len_utf8();
    let tail = &text[at..];
    (!tail.is_empty() && tail.chars().count() <= 6 && tail.chars().all(is_cjk)).then_some(at)
}

/// Whether segment `b` continues the paragraph of segment `a`.
fn joins(a: &Segment<'_>, b: &Segment<'_>) -> bool {
    if a.credit != b.credit {
        return false;
    }
    match b.gap {
        Gap::Start | Gap::Blank | Gap::Glued => false,
        Gap::Newline { wrapped } => wrapped && !ends_sentence(a.text),
        Gap::Space => b.tab || !ends_cjk_sentence(a.text),
    }
}

fn ends_sentence(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '\u{FF01}'
                | '\u{FF1F}'
                | '\u{FF1B}'
                | '…'
                | '.'
                | '!'
                | '?'
                | ';'
                | '"'
                | '”'
                | '’'
                | '」'
                | '』'
                | ')'
                | '\u{FF09}'
        )
    })
}

fn ends_cjk_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some('。' | '\u{FF01}' | '\u{FF1F}' | '!' | '?' | '…') => true,
        Some('”' | '」' | '』' | '"') => {
            matches!(rev.next(), Some('。' | '\u{FF01}' | '\u{FF1F}' | '!' | '?'))
        }
        _ => false,
    }
}

/// `Students practise on a fuselage section. Photo: Courtesy of the college`: an English
/// photo caption, its credit after `Photo:` at the end of the line.
#[allow(clippy::unwrap_used)]
static ENGLISH_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.!?]\s+)(?:Photos?|Picture|Image)\s*:\s*[A-Z][^.!?:]{0,60}$").unwrap()
});

/// The longest English photo caption line.
const ENGLISH_CAPTION_MAX: usize = 400;

/// `Photo: Students fly drones at a training field.`: a caption that says it is one.
#[allow(clippy::unwrap_used)]
static LABELLED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Photos?|Picture|Image|Above|Top|File photo)\s*:\s*[A-Z]").unwrap()
});

fn is_english_caption(line: &str) -> bool {
    let t = line.trim();
    t.len() <= ENGLISH_CAPTION_MAX
        && t.contains(':')
        && (ENGLISH_CAPTION.is_match(t) || (t.len() <= 300 && LABELLED_CAPTION.is_match(t)))
}

/// `（图为学生在实训车间进行整车检测。记者 某某 摄）`: a photo caption in brackets, on a line
/// of its own, that says it is one (`图为…`, `上图：…`) or ends in its credit (`…摄`).
fn is_bracketed_caption(line: &str) -> bool {
    let t = line.trim();
    let Some(inner) = t
        .strip_prefix(['(', '\u{FF08}'])
        .and_then(|r| r.strip_suffix([')', '\u{FF09}']))
    else {
        return false;
    };
    let inner = inner.trim();
    let says_photo = [
        "图为",
        "图片为",
        "图：",
        "图:",
        "上图",
        "下图",
        "左图",
        "右图",
        "圖為",
    ]
    .iter()
    .any(|p| inner.starts_with(p));
    let credited = ["摄", "攝", "供图", "供圖", "摄影", "攝影"]
        .iter()
        .any(|e| inner.ends_with(e));
    inner.chars().count() <= CAPTION_MAX + 20
        && !inner.contains(['(', '\u{FF08}', ')', '\u{FF09}'])
        && (says_photo || credited)
}

/// One short sentence: what a photo caption is.
fn is_caption(p: &str) -> bool {
    let mut inner = p.trim_end().chars();
    inner.next_back();
    p.chars().count() <= CAPTION_MAX
        && ends_sentence(p)
        && !inner
            .as_str()
            .contains(['。', '\u{FF01}', '\u{FF1F}', '!', '?'])
}

/// Removes `(责编:…)`-style notes from a paragraph and records them.
fn lift_notes(text: &str, notes: &mut Vec<(String, String)>) -> String {
    if !NOTE.is_match(text) {
        return text.to_string();
    }
    for caps in NOTE.captures_iter(text) {
        notes.extend(note_pairs(caps.get(1).map_or("", |m| m.as_str())));
    }
    NOTE.replace_all(text, "").trim().to_string()
}

/// A short value of Chinese names: a name written with a space between its characters
/// (`孙 七`, `王 小明`) loses the space, while names of their own (`李明 王芳`) stay apart,
/// one space between them.
fn tidy_names(value: &str) -> String {
    let words: Vec<&str> = value.split_whitespace().collect();
    let names = words.len() > 1
        && value.chars().count() <= 16
        && words.iter().all(|w| w.chars().all(is_cjk));
    if !names {
        return value.to_string();
    }
    if words.iter().any(|w| w.chars().count() == 1) {
        words.concat()
    } else {
        words.join(" ")
    }
}

/// A line that names the editor and nothing else: `责任编辑：孙七`, `【编辑：某某】`.
#[allow(clippy::unwrap_used)]
static EDITOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[]?\s*(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:\x{FF1A}]\s*([^。，,；;:\x{FF1A}【】\[\]]{1,24}?)\s*[】\]]?$").unwrap()
});

/// `Editor: Wang Hui`, `Edited by Li Na`: an English page's editor line.
#[allow(clippy::unwrap_used)]
static ENGLISH_EDITOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:editor|edited\s+by|editor-in-charge|chief\s+editor)\s*:?\s*([A-Z][A-Za-z'-]*(?:\s+[A-Z][A-Za-z'-]*){0,3})$").unwrap()
});

/// The editor a line such as `责任编辑：孙七` or `Editor: Wang Hui` names, when that is all
/// the line says.
pub fn editor_line(line: &str) -> Option<String> {
    if let Some(c) = ENGLISH_EDITOR_LINE.captures(line.trim()) {
        return c.get(1).map(|m| m.as_str().to_string());
    }
    let c = EDITOR_LINE.captures(line.trim())?;
    let name = tidy_names(c.get(1)?.as_str().trim());
    (!name.is_empty()).then_some(name)
}

/// A line that names the author and nothing else: `作者：李明 王芳`, `【作者：某某】`.
#[allow(clippy::unwrap_used)]
static AUTHOR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[【\[]?\s*(?:作者|撰稿)\s*[:\x{FF1A}]\s*([^。，,；;:\x{FF1A}【】\[\]]{1,24}?)\s*[】\]]?$").unwrap()
});

/// The author a line such as `作者：李明 王芳` names, when that is all the line says.
fn author_line(line: &str) -> Option<String> {
    let c = AUTHOR_LINE.captures(line.trim())?;
    let name = tidy_names(c.get(1)?.as_str().trim());
    (!name.is_empty()).then_some(name)
}

/// Brackets a page may put around each `key：value` pair of a metadata line.
pub(crate) const NOTE_BRACKETS: &[char] = &['【', '】', '[', ']', '〔', '〕'];

/// The `key:value` pairs of a metadata note such as `稿件来源:机电学院 作者:孙 七`. A name
/// written with a space between its characters (`孙 七`) loses the space.
pub fn note_pairs(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = NOTE_PAIR.captures(rest) {
        let (Some(k), Some(v)) = (c.get(1), c.get(2)) else {
            break;
        };
        // `【来源：某报】【作者：某某】`: the brackets around each pair are not the value.
        let value = v
            .as_str()
            .trim_matches(|c: char| c.is_whitespace() || NOTE_BRACKETS.contains(&c));
        let value = tidy_names(value);
        if !value.is_empty() {
            out.push((k.as_str().to_string(), value));
        }
        rest = &rest[v.end()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_spaces_between_chinese_are_removed() {
        let p =
            clean(&["校企双方共建实训基地,推动合 作办学走深走实。 学院还与企业共 建了产业学院。"]);
        assert_eq!(
            p.paragraphs,
            vec![
                "校企双方共建实训基地,推动合作办学走深走实。",
                "学院还与企业共建了产业学院。"
            ]
        );
    }

    #[test]
    fn notes_name_several_people_apart() {
        let p = clean(&[
            "学院与企业签约共建实训基地。",
            "（稿件来源：佛山日报 作者：张三 李四）",
            "（责编：王五 赵六）",
        ]);
        assert_eq!(p.paragraphs, vec!["学院与企业签约共建实训基地。"]);
        let note = |k: &str| {
            p.notes
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(note("作者").as_deref(), Some("张三 李四"));
        assert_eq!(note("责编").as_deref(), Some("王五 赵六"));
        let p = clean(&["学院与企业签约共建实训基地。", "作者：李明 王芳"]);
        assert_eq!(p.paragraphs, vec!["学院与企业签约共建实训基地。"]);
        assert_eq!(p.notes, vec![("作者".to_string(), "李明 王芳".to_string())]);
        // A sentence that mentions an author is text.
        let p = clean(&["作者：李明认为，校企合作要落到实处。"]);
        assert!(p.notes.is_empty());
    }

    #[test]
    fn spaces_next_to_latin_words_stay() {
        let p = clean(&["学院与 BYD 合作开设 new energy 课程。"]);
        assert_eq!(p.paragraphs, vec!["学院与 BYD 合作开设 new energy 课程。"]);
    }

    #[test]
    fn photo_caption_and_credit_are_dropped() {
        let p =
            clean(&["学生们在实训车间练习焊接。 图为焊接课堂一角。 王 小明摄 课程将持续到年底。"]);
        assert_eq!(
            p.paragraphs,
            vec!["学生们在实训车间练习焊接。", "课程将持续到年底。"]
        );
        let p = clean(&["学校新建了无人机实训场。", "视觉中国供图"]);
        assert_eq!(p.paragraphs, vec!["学校新建了无人机实训场。"]);
        // Written against the sentence, with no space: the credit goes, the text stays.
        let p = clean(&["学院三年培养数据技术技能人才5000名。视觉中国供图"]);
        assert_eq!(p.paragraphs, vec!["学院三年培养数据技术技能人才5000名。"]);
        let p = clean(&["学生在车间练习焊接。新华社记者张三摄", "课程持续到年底。"]);
        assert_eq!(
            p.paragraphs,
            vec!["学生在车间练习焊接。", "课程持续到年底。"]
        );
        // A sentence that ends in 摄 is not a credit unless it is short and after a stop.
        let p =
            clean(&["学院组织学生开展校园风光拍摄，作品由老师统一审核后在网上展出并参与评选摄"]);
        assert_eq!(p.paragraphs.len(), 1);
    }

    #[test]
    fn a_paragraph_ending_in_a_credit_keeps_its_text() {
        // The credit stands after the paragraph's last sentence, on its line: only the
        // credit goes.
        let p = clean(&[
            "市技师学院与本地电梯企业共建维保实训中心，首批学员四十人。中心设在开发区，开设电梯安装与维保课程。 周 一鸣摄",
        ]);
        assert_eq!(
            p.paragraphs,
            vec![
                "市技师学院与本地电梯企业共建维保实训中心，首批学员四十人。中心设在开发区，开设电梯安装与维保课程。"
            ]
        );
        // Nor is one long sentence, longer than any caption.
        let long = "市技师学院与本地电梯企业共建维保实训中心，首批学员四十人，中心设在城东的经济开发区，开设电梯安装、维修保养和智能监测三门课程。";
        let p = clean(&[&format!("{long} 周 一鸣摄")]);
        assert_eq!(p.paragraphs, vec![long]);
    }

    #[test]
    fn a_credit_glued_to_its_sentence_goes_and_the_next_line_stays_apart() {
        let p = clean(&[
            "市技师学院与本地电梯企业共建维保实训中心，首批学员四十人。中心开设电梯安装与维保课程。记者 周 一鸣摄",
            "下一步：中心还将面向社会开展培训。",
        ]);
        assert_eq!(
            p.paragraphs,
            vec![
                "市技师学院与本地电梯企业共建维保实训中心，首批学员四十人。中心开设电梯安装与维保课程。",
                "下一步：中心还将面向社会开展培训。"
            ]
        );
    }

    /// A credit written against the end of a sentence (`…九成八。（记者 王某 摄）`) goes, and
    /// the sentence stays: it is the article's own text, not a caption standing apart.
    #[test]
    fn a_sentence_with_a_credit_written_against_it_stays() {
        let p = clean(&[
            "订单班扩大到四十二个，毕业生的签约率达到九成八。（记者 王某 摄）",
            "学校与企业共同投入资金建设实训基地，企业工程师每周到校授课。",
        ]);
        assert_eq!(
            p.paragraphs,
            vec![
                "订单班扩大到四十二个，毕业生的签约率达到九成八。",
                "学校与企业共同投入资金建设实训基地，企业工程师每周到校授课。"
            ]
        );
        // A caption with its credit after a space still goes with it.
        let p = clean(&[
            "图为学生在实训车间操作设备。 新华社记者 王某 摄",
            "学校与企业共同投入资金建设实训基地，企业工程师每周到校授课。",
        ]);
        assert_eq!(
            p.paragraphs,
            vec!["学校与企业共同投入资金建设实训基地，企业工程师每周到校授课。"]
        );
    }

    /// An English caption ending in `Photo: CREDIT` goes, and is not joined to the next
    /// paragraph.
    #[test]
    fn a_caption_that_says_it_is_one_goes() {
        let p = clean(&[
            "Photo: Students fly drones at a training field in the city.",
            "The academy will enrol 500 students a year.",
        ]);
        assert_eq!(
            p.paragraphs,
            vec!["The academy will enrol 500 students a year."]
        );
        // A sentence about photos is text.
        let p = clean(&["Photography students won three prizes: the college is proud."]);
        assert_eq!(p.paragraphs.len(), 1);
    }

    #[test]
    fn an_english_photo_caption_goes() {
        let p = clean(&[
            "The college opened a new hangar this spring for its aircraft maintenance students.",
            "Students practise on a wing section in the hangar. Photo: Courtesy of the college",
            "\"We learn on real aircraft,\" one student said.",
        ]);
        assert_eq!(
            p.paragraphs,
            vec![
                "The college opened a new hangar this spring for its aircraft maintenance students.",
                "\"We learn on real aircraft,\" one student said."
            ]
        );
        assert!(!is_english_caption("Photo: a look back at the year"));
        assert!(!is_english_caption(
            "The exhibition's theme: Photos of the future"
        ));
    }

    /// Found in hands-on testing: a caption in brackets with its credit inside lost only the
    /// credit, leaving `（图为…。` in the body.
    #[test]
    fn a_caption_in_brackets_goes_whole() {
        for caption in [
            "（图为学员在实训室调试设备。记者 某 甲 摄）",
            "(图为学员在实训室调试设备)",
            "（学员在实训室调试设备。某某供图）",
        ] {
            let p = clean(&[
                "学院新建了智能制造实训室。",
                caption,
                "学员每周在实训室上课两天。",
            ]);
            assert_eq!(
                p.paragraphs,
                vec!["学院新建了智能制造实训室。", "学员每周在实训室上课两天。"],
                "{caption}"
            );
        }
        // A remark in brackets is text.
        let p = clean(&["（本届大赛共有三十支队伍参加。）"]);
        assert_eq!(p.paragraphs, vec!["（本届大赛共有三十支队伍参加。）"]);
    }

    /// Found in hands-on testing: page notes left in bodies, a metadata line not lifted and
    /// its space removed, the names of a dateline's credit glued together.
    #[test]
    fn page_notes_go_metadata_lines_are_lifted_and_credits_keep_their_spaces() {
        let p = clean(&[
            "原标题：某市高职院校牵手灯饰企业 产业学院揭牌",
            "本报讯（记者 张小军 通讯员 李敏）某市一所高职院校与灯饰企业共建光电产业学院。",
            "学院将开设光电显示专业。",
            "图片来源：网络",
            "点击进入专题：产教融合在某市",
            "来源：某某日报 编辑：王五",
        ]);
        assert_eq!(
            p.paragraphs,
            vec![
                "本报讯（记者 张小军 通讯员 李敏）某市一所高职院校与灯饰企业共建光电产业学院。",
                "学院将开设光电显示专业。"
            ]
        );
        assert_eq!(
            p.notes,
            vec![
                ("来源".to_string(), "某某日报".to_string()),
                ("编辑".to_string(), "王五".to_string())
            ]
        );
        // A wrap space after `本报讯` still closes up, and so does one inside a sentence
        // that merely mentions a reporter.
        let p = clean(&["本报讯 记者从市教育局获悉，新学期职业院校扩招。"]);
        assert_eq!(
            p.paragraphs,
            vec!["本报讯记者从市教育局获悉，新学期职业院校扩招。"]
        );
        // An English page's editor line is the editor.
        let p = clean(&["The college opened the course in May.", "Editor: Wang Hui"]);
        assert_eq!(p.paragraphs, vec!["The college opened the course in May."]);
        assert_eq!(
            p.notes,
            vec![("责任编辑".to_string(), "Wang Hui".to_string())]
        );
        assert_eq!(
            editor_line("Editor: we asked the students what they learned"),
            None
        );
    }

    #[test]
    fn a_tab_inside_a_line_is_a_space_not_a_paragraph_break() {
        let p = clean(&["学院开设盐湖化工专业。\t详见 学院官网 的招生简章。"]);
        assert_eq!(
            p.paragraphs,
            vec!["学院开设盐湖化工专业。详见学院官网的招生简章。"]
        );
        let p = clean(&["Colleges\topened\t\tnew courses."]);
        assert_eq!(p.paragraphs, vec!["Colleges opened new courses."]);
    }

    #[test]
    fn full_width_words_keep_their_space() {
        let p = clean(&["课程名为ＣＮＣ\u{3000}Ｂａｓｉｃｓ，共十二周。"]);
        assert_eq!(
            p.paragraphs,
            vec!["课程名为ＣＮＣ Ｂａｓｉｃｓ，共十二周。"]
        );
        // Between Chinese characters the wrap space still goes.
        let p = clean(&["校企合\u{3000}作走深走实。"]);
        assert_eq!(p.paragraphs, vec!["校企合作走深走实。"]);
    }

    #[test]
    fn editor_note_becomes_a_field() {
        let p = clean(&["订单班今年招收两百人。 (责编:陈一、李二) 后续还将扩招。"]);
        assert_eq!(
            p.paragraphs,
            vec!["订单班今年招收两百人。", "后续还将扩招。"]
        );
        assert_eq!(
            p.notes,
            vec![("责编".to_string(), "陈一、李二".to_string())]
        );
    }

    #[test]
    fn source_and_author_note() {
        let p = clean(&["学院举行开学典礼。", "(稿件来源:机电工程学院 作者:赵 六)"]);
        assert_eq!(p.paragraphs, vec!["学院举行开学典礼。"]);
        assert_eq!(
            p.notes,
            vec![
                ("稿件来源".to_string(), "机电工程学院".to_string()),
                ("作者".to_string(), "赵六".to_string())
            ]
        );
    }

    #[test]
    fn a_placeholder_body_is_no_body() {
        for p in [
            "暂无摘要",
            "暂无简介。",
            " No summary ",
            "No summary available.",
        ] {
            assert!(clean(&[p]).paragraphs.is_empty(), "{p}");
        }
        // A sentence that mentions a summary is text.
        let p = clean(&["暂无摘要的文章将在下周补充。"]);
        assert_eq!(p.paragraphs, vec!["暂无摘要的文章将在下周补充。"]);
    }

    #[test]
    fn several_names_stay_apart_and_a_spread_name_closes_up() {
        assert_eq!(
            note_pairs("作者：李明 王芳"),
            vec![("作者".to_string(), "李明 王芳".to_string())]
        );
        assert_eq!(
            note_pairs("作者：李明\u{3000}王芳 张小燕"),
            vec![("作者".to_string(), "李明 王芳 张小燕".to_string())]
        );
        assert_eq!(
            note_pairs("作者：王 小明"),
            vec![("作者".to_string(), "王小明".to_string())]
        );
    }

    #[test]
    fn an_editor_line_becomes_a_note() {
        let p = clean(&["学院举行开学典礼。", "责任编辑：孙七"]);
        assert_eq!(p.paragraphs, vec!["学院举行开学典礼。"]);
        assert_eq!(p.notes, vec![("责任编辑".to_string(), "孙七".to_string())]);
        assert_eq!(editor_line("【编辑：孙 七】").as_deref(), Some("孙七"));
        // A sentence about editors is text.
        assert_eq!(
            editor_line("编辑：我们在采访中发现，学生很喜欢这门课。"),
            None
        );
    }

    #[test]
    fn pairs_in_brackets_lose_their_brackets() {
        assert_eq!(
            note_pairs("【来源：河北日报】【作者：赵六】"),
            vec![
                ("来源".to_string(), "河北日报".to_string()),
                ("作者".to_string(), "赵六".to_string())
            ]
        );
        assert_eq!(
            note_pairs("[来源:学院新闻网] [作者:孙 七]"),
            vec![
                ("来源".to_string(), "学院新闻网".to_string()),
                ("作者".to_string(), "孙七".to_string())
            ]
        );
    }

    #[test]
    fn trailing_ellipsis_marks_truncation() {
        let p = clean(&["深化产教融合,打造技能高地 ..."]);
        assert!(p.truncated);
        assert_eq!(p.paragraphs, vec!["深化产教融合,打造技能高地"]);
        let p = clean(&["全文完。"]);
        assert!(!p.truncated);
    }

    #[test]
    fn wrapped_lines_are_joined_but_short_lines_end_paragraphs() {
        let lines = [
            "今年以来,市教育局联合十余家龙头企业,围绕新能源汽车和智能制造",
            "两大产业链,新设专业十二个,订单培养学生超过三千人。",
            "一、专业对接产业",
            "各校按照产业地图调整专业布局,撤并了一批就业率偏低的专业点位。",
        ];
        let p = clean(&lines);
        assert_eq!(p.paragraphs.len(), 3, "{:?}", p.paragraphs);
        assert!(p.paragraphs[0].contains("智能制造两大产业链"));
        assert_eq!(p.paragraphs[1], "一、专业对接产业");
    }

    #[test]
    fn long_line_cut_mid_sentence_joins_even_among_longer_paragraphs() {
        let lines = [
            "在一家整车企业的总装车间里,来自区内职业院校的实习生正跟着企业导师调试电驱系统,这已是必修",
            "课。",
            "新区牵头组建产教联合体,推动六所职业院校与四十余家企业共建智能网联汽车产业学院,联合制定课程标准二十八项,共建实训基地十五个,覆盖整车制造、三电系统维修和智能网联测试等岗位。",
            "打通从课堂到产线的最后一段路",
        ];
        let p = clean(&lines);
        assert_eq!(p.paragraphs.len(), 3, "{:?}", p.paragraphs);
        assert!(p.paragraphs[0].ends_with("这已是必修课。"));
        assert_eq!(p.paragraphs[2], "打通从课堂到产线的最后一段路");
    }

    #[test]
    fn english_paragraphs_separated_by_blank_lines() {
        let p = clean(&[
            "First paragraph here.",
            "",
            "Second one, \"quoted\" he said.",
        ]);
        assert_eq!(p.paragraphs.len(), 2);
    }
}
