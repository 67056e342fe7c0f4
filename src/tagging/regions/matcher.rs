//! Finding place names in text: one Aho–Corasick pass (leftmost-longest, ASCII case folded)
//! over every Chinese and English name of the gazetteer.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::company::in_company_name;
use super::gazetteer::{Level, Place, gazetteer};
use crate::text::{is_han, to_simplified};

/// A gazetteer row a name may stand for, and whether the name is weak for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub place: &'static Place,
    pub weak: bool,
}

/// What one pattern of the automaton stands for.
struct Key {
    candidates: Vec<Candidate>,
    /// The pattern is part of a phrase that is not a place (长安汽车).
    block: bool,
    /// Latin-script pattern: needs word boundaries and a capital initial.
    latin: bool,
}

struct Matcher {
    ac: Option<AhoCorasick>,
    keys: Vec<Key>,
    by_text: HashMap<String, usize>,
}

static MATCHER: LazyLock<Matcher> = LazyLock::new(build);

/// Builds the automaton now rather than on first use.
pub(crate) fn warm_up() {
    LazyLock::force(&MATCHER);
}

/// Spelling variants of a name as it may appear in text.
fn variants(name: &str) -> Vec<String> {
    if name.chars().any(is_han) {
        return vec![to_simplified(name).into_owned()];
    }
    // Without the apostrophe, Ji'an, Lu'an and Xi'an would read as given names (Jian, Luan,
    // Xian); the data lists the apostrophe-free spellings that are safe as aliases.
    let mut out = vec![name.to_string()];
    if name.contains('\'') {
        out.push(name.replace('\'', "’"));
    }
    if name.contains('ü') {
        out.push(name.replace('ü', "u"));
        out.push(name.replace('ü', "v"));
    }
    out
}

fn build() -> Matcher {
    let mut keys: Vec<Key> = Vec::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    let mut patterns: Vec<String> = Vec::new();
    for place in gazetteer() {
        for &(name, weak) in place.matched_names() {
            for text in variants(name) {
                let fold = text.to_ascii_lowercase();
                let id = *by_text.entry(fold).or_insert_with(|| {
                    patterns.push(text.clone());
                    keys.push(Key {
                        candidates: Vec::new(),
                        block: false,
                        latin: !text.chars().any(is_han),
                    });
                    keys.len() - 1
                });
                if let Some(key) = keys.get_mut(id) {
                    if place.level == Level::Block {
                        key.block = true;
                    } else if !key.candidates.iter().any(|c| std::ptr::eq(c.place, place)) {
                        key.candidates.push(Candidate { place, weak });
                    }
                }
            }
        }
    }
    // A full DFA (about 17 MB for ~3,300 patterns) runs twice as fast as the default NFA,
    // and the index tags every article.
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .ok();
    Matcher { ac, keys, by_text }
}

/// One place name found in a text (byte offsets into that text).
#[derive(Clone, Debug)]
pub(crate) struct RawMention {
    pub start: usize,
    pub end: usize,
    pub latin: bool,
    pub candidates: Vec<Candidate>,
}

/// Common Chinese surnames: a pinyin place name right after one is a given name
/// ("Zhang Xinyu", "Li Yuxi"), not a place.
const SURNAMES: &[&str] = &[
    "bai", "cai", "cao", "chen", "cheng", "cui", "dai", "deng", "ding", "dong", "du", "duan",
    "fan", "fang", "feng", "fu", "gao", "gong", "gu", "guo", "han", "hao", "he", "hou", "hu",
    "huang", "jia", "jiang", "jin", "kang", "kong", "lai", "lei", "li", "liang", "liao", "lin",
    "liu", "long", "lu", "luo", "ma", "mao", "meng", "pan", "peng", "qian", "qiao", "qin", "qiu",
    "ren", "shao", "shen", "shi", "song", "su", "sun", "tan", "tang", "tian", "wan", "wang", "wei",
    "wen", "wu", "xia", "xiao", "xie", "xiong", "xu", "xue", "yan", "yang", "yao", "ye", "yi",
    "yin", "yu", "yuan", "zeng", "zhang", "zhao", "zheng", "zhong", "zhou", "zhu", "zou",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_han(c)
}

/// True when the capitalised word right before `start` (one space between) is a surname.
fn after_surname(text: &str, start: usize) -> bool {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return false;
    };
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && SURNAMES.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// The Chinese full names that end in 市 or 区 also end words such as 市场 (market) and 区域
/// (region): 白银市场 is a silver market and 河北区域 the Hebei region. Returns the key of the
/// name without its last character, if that is a name too.
fn shortened(m: &Matcher, text: &str, end: usize, pattern: &str) -> Option<Option<usize>> {
    let next = text.get(end..)?.chars().next()?;
    let trimmed = match (pattern.chars().last()?, next) {
        ('市', '场') | ('区', '域') => pattern.get(..pattern.len() - 3)?,
        _ => return None,
    };
    Some(m.by_text.get(trimmed).copied())
}

/// Characters that end a word before a place name: prepositions, conjunctions and verbs of
/// motion (在山西部署, 赴湖南, 与河北), so the name after them starts a word.
const WORD_BEFORE: &[char] = &[
    '在', '于', '赴', '到', '至', '从', '自', '往', '来', '去', '与', '和', '及', '同', '跟', '向',
    '对', '为', '经', '由', '驻', '的', '是', '或', '暨', '把', '让', '给', '入', '进', '返', '回',
    '了', '将', '被', '以', '等', '省', '援', '助',
];

/// Words that name a bank, side or part of a river, lake or mountain: 黄河南岸, 贺兰山东麓,
/// 燕山西部.
const SIDE_WORDS: &[char] = &['岸', '麓', '侧', '坡', '峰', '畔', '部'];

/// Words that start with a side word but say something else: 山西部署, 湖南部分, 湖北侧重,
/// 山西峰会.
const NOT_SIDES: &[&str] = &[
    "部署", "部分", "部门", "部长", "部委", "部属", "部件", "部队", "部位", "部落", "部级", "侧重",
    "峰会",
];

/// Is a two-character province name made of a landform and a direction (江西, 河南, 湖北,
/// 山东, 海南 …) here only the tail of a river, lake or mountain followed by the side of it
/// (珠江西岸 is the west bank of the Pearl River, 太湖南岸 the south shore of Taihu, 华山西峰
/// a peak of Huashan)? The name is such a tail when a Han character that does not end a word
/// stands right before it and a side word right after it.
fn landform_side(text: &str, start: usize, end: usize, key: &Key) -> bool {
    let mut name = text[start..end].chars();
    let (Some(landform), Some(direction), None) = (name.next(), name.next(), name.next()) else {
        return false;
    };
    if !matches!(landform, '江' | '河' | '湖' | '山' | '海')
        || !matches!(direction, '东' | '西' | '南' | '北')
        || !key
            .candidates
            .iter()
            .any(|c| c.place.level == Level::Province)
    {
        return false;
    }
    let before = text[..start].chars().next_back();
    if !before.is_some_and(|c| is_han(c) && !WORD_BEFORE.contains(&c)) {
        return false;
    }
    let after = &text[end..];
    after.starts_with(SIDE_WORDS) && !NOT_SIDES.iter().any(|w| after.starts_with(w))
}

/// Is the name here the name of a street (上海南京路, 广州北京路步行街, 南京东路)? A street named
/// after a place is not that place. A roadshow (北京路演), a route (江西路线), a stretch of a
/// motorway (高速河南路段) or a path (湖南路径) is not a street.
fn street(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let after = after
        .strip_prefix(['东', '西', '南', '北', '中'])
        .filter(|rest| rest.starts_with('路'))
        .unwrap_or(after);
    if after.starts_with("大道") || after.starts_with("大街") {
        return true;
    }
    let Some(rest) = after.strip_prefix('路') else {
        return false;
    };
    !rest.starts_with(['线', '段', '演', '径', '况', '费', '网', '程', '途', '子'])
}

/// A city name that is also an ordinary word, and the words around it that show the word.
struct WordSense {
    name: &'static str,
    /// Words right after the name that make it the word anywhere (四平八稳, 二十四平方米).
    after: &'static [&'static str],
    /// Characters right before the name that make it the word (未开封, 已开封).
    before: &'static [char],
    /// Words right after the name that make it the word when it continues a word, that is,
    /// a Han character that does not end a word stands before it (食品开封后, but 抵达开封后
    /// and 在开封检测 are the city).
    after_in_word: &'static [&'static str],
}

const WORD_SENSES: &[WordSense] = &[
    // 四平八稳 (steady), 四平方米 and 二十四平米 (an area); 四平方面 (Siping's side) is the city.
    WordSense {
        name: "四平",
        after: &["八稳", "方米", "方公里", "方千米", "米"],
        before: &[],
        after_in_word: &[],
    },
    // 开封 is also "opened" (a package): 食品开封后, 开封即食, 未开封, 开封检测.
    WordSense {
        name: "开封",
        after: &["即食", "即用"],
        before: &['未', '已', '经', '拆', '再', '被'],
        after_in_word: &[
            "后", "前", "即", "检", "使用", "食用", "保存", "储存", "冷藏", "日期", "时间",
        ],
    },
];

/// Is the name here an ordinary word (四平八稳, 食品开封后) rather than the city?
fn word_sense(text: &str, start: usize, end: usize) -> bool {
    let Some(sense) = WORD_SENSES.iter().find(|w| w.name == &text[start..end]) else {
        return false;
    };
    let after = &text[end..];
    if sense.after.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| sense.before.contains(&c)) {
        return true;
    }
    let in_word = before.is_some_and(|c| is_han(c) && !WORD_BEFORE.contains(&c) && c != '达');
    in_word && sense.after_in_word.iter().any(|w| after.starts_with(w))
}

/// Every place name in `text` (already folded to simplified characters), in order.
pub(crate) fn find(text: &str) -> Vec<RawMention> {
    let m = &*MATCHER;
    let Some(ac) = &m.ac else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for hit in ac.find_iter(text) {
        let (start, mut end) = (hit.start(), hit.end());
        let Some(mut key) = m.keys.get(hit.pattern().as_usize()) else {
            continue;
        };
        if key.block {
            continue;
        }
        if key.latin {
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let initial = text[start..].chars().next();
            if before.is_some_and(is_word_char)
                || after.is_some_and(is_word_char)
                || !initial.is_some_and(|c| c.is_uppercase())
            {
                continue;
            }
            let only_provinces = key
                .candidates
                .iter()
                .all(|c| c.place.level == Level::Province);
            if !only_provinces && after_surname(text, start)
                || in_company_name(text, start, end, true)
            {
                continue;
            }
        } else if landform_side(text, start, end, key)
            || street(text, end)
            || word_sense(text, start, end)
            || in_company_name(text, start, end, false)
        {
            continue;
        } else if let Some(short) = shortened(m, text, end, &text[start..end]) {
            let Some(short_id) = short else { continue };
            let Some(short_key) = m.keys.get(short_id) else {
                continue;
            };
            key = short_key;
            end -= '市'.len_utf8();
        }
        out.push(RawMention {
            start,
            end,
            latin: key.latin,
            candidates: key.candidates.clone(),
        });
    }
    out
}
