//! Settling what each name found in a text stands for: weak names need a suffix or their
//! province beside them; ambiguous names (a pinyin name of two prefectures, a district name
//! found in several provinces) are decided from context or left uncounted.

use std::collections::HashSet;

use super::gazetteer::Place;
use super::matcher::{Candidate, RawMention, find};
use super::provinces::Province;

/// How far (in bytes) a province or city may stand from an ambiguous name to decide it.
const NEARBY_BYTES: usize = 120;

/// A place name as the scorer sees it.
pub(crate) struct Mention {
    /// Which text of the article (title, byline place, body).
    pub field: usize,
    pub start: usize,
    pub end: usize,
    pub latin: bool,
    pub candidates: Vec<Candidate>,
    /// Weak names without a cue here (据悉，日照今年…): they count only if the article names
    /// the same place elsewhere (see [`confirm_weak`]).
    pub unconfirmed: Vec<Candidate>,
    /// The province it stands for, once decided.
    pub province: Option<&'static Province>,
}

fn provinces_of(candidates: &[Candidate]) -> Vec<&'static Province> {
    let mut out: Vec<&'static Province> = Vec::new();
    for p in candidates.iter().filter_map(|c| c.place.province) {
        if !out.iter().any(|q| std::ptr::eq(*q, p)) {
            out.push(p);
        }
    }
    out
}

/// The province a mention names without help from context, if any.
fn unambiguous(candidates: &[Candidate]) -> Option<&'static Province> {
    let provinces = provinces_of(candidates);
    match provinces.as_slice() {
        [only] if !candidates.iter().any(|c| c.place.shared) => Some(*only),
        _ => None,
    }
}

/// The place names in one text of an article (`field`), weak names checked: those without a
/// cue are set aside as unconfirmed (a mention may have no other candidate).
pub(crate) fn mentions(field: usize, text: &str) -> Vec<Mention> {
    let raw = find(text);
    let mut out = Vec::new();
    for (j, m) in raw.iter().enumerate() {
        let (candidates, unconfirmed): (Vec<Candidate>, Vec<Candidate>) = m
            .candidates
            .iter()
            .partition(|c| !c.weak || weak_ok(text, &raw, j, c));
        if candidates.is_empty() && unconfirmed.is_empty() {
            continue;
        }
        let province = unambiguous(&candidates);
        out.push(Mention {
            field,
            start: m.start,
            end: m.end,
            latin: m.latin,
            candidates,
            unconfirmed,
            province,
        });
    }
    out
}

/// A weak name without a cue counts when the article names that very place with one
/// elsewhere: after 日照职业院校 in the headline, 据悉，日照今年… in the body is the city too.
/// Drops the mentions left with no candidate.
pub(crate) fn confirm_weak(mentions: &mut Vec<Mention>) {
    let named: HashSet<*const Place> = mentions
        .iter()
        .flat_map(|m| m.candidates.iter().map(|c| c.place as *const _))
        .collect();
    for m in mentions.iter_mut() {
        let (confirmed, rest): (Vec<Candidate>, Vec<Candidate>) = m
            .unconfirmed
            .iter()
            .partition(|c| named.contains(&(c.place as *const _)));
        if !confirmed.is_empty() {
            m.candidates.extend(confirmed);
            m.unconfirmed = rest;
            m.province = unambiguous(&m.candidates);
        }
    }
    mentions.retain(|m| !m.candidates.is_empty());
}

/// Schools by kind: after a name, directly or after [`SCHOOL_LINKS`] (日照职业院校, 大同一所
/// 职业学校, 白银的职校), they make it a place. Schools are named by kind, since a bare 学院
/// or 大学 also follows words and brands (阿里学院 is a company's academy, 中山大学 is in
/// Guangzhou); a weak name that is a word (日照时间, 中山装, 大同小异, 白银价格) is followed by
/// none of these.
const SCHOOL_WORDS_ZH: &[&str] = &[
    "职业技术学院",
    "职业技术大学",
    "职业技术学校",
    "职业学院",
    "职业大学",
    "职业院校",
    "职业学校",
    "职业中学",
    "职业中专",
    "职业高中",
    "职教中心",
    "职校",
    "技师学院",
    "技工学校",
    "技工院校",
    "高级技工学校",
    "高职院校",
    "中职学校",
    "中等职业学校",
    "师范学院",
    "高等专科学校",
    "师范高等专科学校",
    "卫生学校",
    "卫生职业学院",
];

/// What may stand between a name and a school word: 日照一所职业学校, 大同的职业院校.
const SCHOOL_LINKS: &[&str] = &["一所", "多所", "两所", "几所", "各所", "的"];

/// Words that make the name right before them a place besides [`SCHOOL_WORDS_ZH`]: vocational
/// education (日照职业教育, 大同高职), a port, a development zone.
const PLACE_WORDS_ZH: &[&str] = &[
    "职业教育",
    "职教",
    "高职",
    "中职",
    "港",
    "新区",
    "高新区",
    "高新技术产业开发区",
    "经开区",
    "经济技术开发区",
    "经济开发区",
    "开发区",
    "保税区",
    "综合保税区",
    "机场",
];

/// A weak name counts when a suffix follows it (市, City …) or a word that makes it a place
/// ([`PLACE_WORDS_ZH`], [`SCHOOL_WORDS_ZH`]), or when its own province or a place of that
/// province stands right next to it (广西来宾, Zhongshan, Guangdong). Where news comes from
/// (记者从X获悉) is no cue: it is as often a company (从阿里获悉) as a place.
fn weak_ok(text: &str, raw: &[RawMention], j: usize, c: &Candidate) -> bool {
    let Some(m) = raw.get(j) else { return false };
    let after = &text[m.end..];
    let suffix = if m.latin {
        let word = after.trim_start_matches(' ');
        [
            "City",
            "Prefecture",
            "League",
            "County",
            "District",
            "city",
            "prefecture",
            "county",
            "district",
        ]
        .iter()
        .any(|s| word.starts_with(s))
    } else {
        // Its own suffix, or 市 (玉树市 is the seat of 玉树州): 兴安盟, but not 兴安县 (a county
        // of Guangxi, not the league).
        ((after.starts_with('市')
            || c.place
                .full_zh
                .chars()
                .last()
                .is_some_and(|own| after.starts_with(own)))
            && !after.starts_with("市场")
            && !after.starts_with("区域"))
            || PLACE_WORDS_ZH.iter().any(|w| after.starts_with(w))
            || before_school(after)
    };
    if suffix {
        return true;
    }
    let Some(province) = c.place.province else {
        return false;
    };
    let same = |n: &RawMention| {
        n.candidates
            .iter()
            .any(|d| !d.weak && d.place.province.is_some_and(|p| std::ptr::eq(p, province)))
    };
    let is_gap = |gap: &str| {
        gap.len() <= 8
            && gap
                .trim_start_matches(['\'', '’'])
                .trim_start_matches('s')
                .chars()
                .all(|ch| ch.is_whitespace() || matches!(ch, ',' | '\u{FF0C}' | '、' | '省' | '市'))
    };
    let before = j.checked_sub(1).and_then(|k| raw.get(k));
    let next = raw.get(j + 1);
    before.is_some_and(|n| n.end <= m.start && is_gap(&text[n.end..m.start]) && same(n))
        || next.is_some_and(|n| m.end <= n.start && is_gap(&text[m.end..n.start]) && same(n))
}

/// Does a school word follow, directly or after a link (一所, 的)?
fn before_school(after: &str) -> bool {
    let school = |rest: &str| SCHOOL_WORDS_ZH.iter().any(|w| rest.starts_with(w));
    school(after)
        || SCHOOL_LINKS
            .iter()
            .filter_map(|link| after.strip_prefix(link))
            .any(school)
}

/// Decides the ambiguous mentions (a pinyin name of two prefectures, a district name found in
/// several provinces) from context, or leaves them undecided (not counted):
/// 1. a province or place of one candidate's province named nearby;
/// 2. otherwise, the candidates of the highest level, if they agree (Pingxiang is 萍乡);
/// 3. otherwise, the very place named unambiguously elsewhere (the Chinese form 泰州);
/// 4. otherwise, the only candidate province the article otherwise names.
pub(crate) fn resolve(mentions: &mut [Mention]) {
    let decided: Vec<(usize, usize, usize, &'static Province)> = mentions
        .iter()
        .filter_map(|m| m.province.map(|p| (m.field, m.start, m.end, p)))
        .collect();
    let known_places: HashSet<*const Place> = mentions
        .iter()
        .filter(|m| m.province.is_some())
        .flat_map(|m| m.candidates.iter().map(|c| c.place as *const _))
        .collect();
    for m in mentions.iter_mut().filter(|m| m.province.is_none()) {
        let options = provinces_of(&m.candidates);
        let contains = |p: &Province| options.iter().any(|q| std::ptr::eq(*q, p));
        // 1. Nearby.
        let nearby = decided
            .iter()
            .filter(|&&(f, s, e, p)| {
                f == m.field
                    && contains(p)
                    && (e <= m.start && m.start - e <= NEARBY_BYTES
                        || s >= m.end && s - m.end <= NEARBY_BYTES)
            })
            .min_by_key(|&&(_, s, e, _)| if e <= m.start { m.start - e } else { s - m.end });
        if let Some(&(_, _, _, p)) = nearby {
            m.province = Some(p);
            continue;
        }
        // 2. Highest level, when no candidate is a shared district name.
        if !m.candidates.iter().any(|c| c.place.shared) {
            let best = m
                .candidates
                .iter()
                .map(|c| c.place.level.rank())
                .min()
                .unwrap_or(u8::MAX);
            let top: Vec<Candidate> = m
                .candidates
                .iter()
                .filter(|c| c.place.level.rank() == best)
                .copied()
                .collect();
            if let [only] = provinces_of(&top).as_slice() {
                m.province = Some(*only);
                continue;
            }
        }
        // 3. The same place, named unambiguously elsewhere.
        let same_place: Vec<Candidate> = m
            .candidates
            .iter()
            .filter(|c| known_places.contains(&(c.place as *const _)))
            .copied()
            .collect();
        if let [only] = provinces_of(&same_place).as_slice() {
            m.province = Some(*only);
            continue;
        }
        // 4. The only candidate province the article names otherwise.
        let named: Vec<&'static Province> = options
            .iter()
            .copied()
            .filter(|p| decided.iter().any(|d| std::ptr::eq(d.3, *p)))
            .collect();
        if let [only] = named.as_slice() {
            m.province = Some(*only);
        }
    }
}
