//! The 34 provincial-level divisions and lookups by name (filters, error messages).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::gazetteer::{Level, gazetteer};
use crate::text::to_simplified;

/// A provincial-level division: English name of SPEC §3, short and full Chinese names.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Province {
    /// English name, as used in article records (`Shandong`, `Inner Mongolia`).
    pub en: &'static str,
    /// Short Chinese name (`山东`).
    pub zh: &'static str,
    /// Full Chinese name (`山东省`).
    pub full_zh: &'static str,
}

const fn p(en: &'static str, zh: &'static str, full_zh: &'static str) -> Province {
    Province { en, zh, full_zh }
}

static PROVINCES: [Province; 34] = [
    p("Beijing", "北京", "北京市"),
    p("Tianjin", "天津", "天津市"),
    p("Hebei", "河北", "河北省"),
    p("Shanxi", "山西", "山西省"),
    p("Inner Mongolia", "内蒙古", "内蒙古自治区"),
    p("Liaoning", "辽宁", "辽宁省"),
    p("Jilin", "吉林", "吉林省"),
    p("Heilongjiang", "黑龙江", "黑龙江省"),
    p("Shanghai", "上海", "上海市"),
    p("Jiangsu", "江苏", "江苏省"),
    p("Zhejiang", "浙江", "浙江省"),
    p("Anhui", "安徽", "安徽省"),
    p("Fujian", "福建", "福建省"),
    p("Jiangxi", "江西", "江西省"),
    p("Shandong", "山东", "山东省"),
    p("Henan", "河南", "河南省"),
    p("Hubei", "湖北", "湖北省"),
    p("Hunan", "湖南", "湖南省"),
    p("Guangdong", "广东", "广东省"),
    p("Guangxi", "广西", "广西壮族自治区"),
    p("Hainan", "海南", "海南省"),
    p("Chongqing", "重庆", "重庆市"),
    p("Sichuan", "四川", "四川省"),
    p("Guizhou", "贵州", "贵州省"),
    p("Yunnan", "云南", "云南省"),
    p("Tibet", "西藏", "西藏自治区"),
    p("Shaanxi", "陕西", "陕西省"),
    p("Gansu", "甘肃", "甘肃省"),
    p("Qinghai", "青海", "青海省"),
    p("Ningxia", "宁夏", "宁夏回族自治区"),
    p("Xinjiang", "新疆", "新疆维吾尔自治区"),
    p("Taiwan", "台湾", "台湾省"),
    p("Hong Kong", "香港", "香港特别行政区"),
    p("Macao", "澳门", "澳门特别行政区"),
];

/// The 34 provincial-level divisions, in SPEC §3 order.
pub fn provinces() -> &'static [Province] {
    &PROVINCES
}

/// Position of a province in SPEC order (for stable sorting).
pub(crate) fn order(province: &Province) -> usize {
    PROVINCES
        .iter()
        .position(|p| std::ptr::eq(p, province))
        .unwrap_or(PROVINCES.len())
}

/// The province whose English name is exactly `en` (used by the gazetteer parser).
pub(crate) fn by_english(en: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.en == en)
}

/// Words that may follow a province's name in a filter without changing it.
const SUFFIXES: &[&str] = &[
    "specialadministrativeregion",
    "autonomousregion",
    "municipality",
    "province",
    "sheng",
    "city",
    "shi",
    "sar",
    "特别行政区",
    "自治区",
    "特区",
    "省",
    "市",
];

/// Folds a name for lookup: simplified characters, lower case, no spaces, hyphens,
/// underscores, apostrophes or dots.
fn fold(name: &str) -> String {
    to_simplified(name.trim())
        .chars()
        .filter(|c| !(c.is_whitespace() || matches!(c, '-' | '_' | '\'' | '’' | '.' | '·')))
        .flat_map(char::to_lowercase)
        .collect()
}

fn strip_suffix(key: &str) -> Option<&str> {
    SUFFIXES
        .iter()
        .find_map(|s| key.strip_suffix(s))
        .filter(|rest| !rest.is_empty())
}

/// Every folded name of every province: English, Chinese, full Chinese, and the aliases of
/// the gazetteer's province rows.
static NAMES: LazyLock<HashMap<String, &'static Province>> = LazyLock::new(|| {
    let mut names = HashMap::new();
    for province in &PROVINCES {
        for name in [province.en, province.zh, province.full_zh] {
            names.insert(fold(name), province);
        }
    }
    for place in gazetteer().iter().filter(|p| p.level == Level::Province) {
        if let Some(province) = place.province {
            for name in place
                .aliases
                .iter()
                .chain([&place.en, &place.zh, &place.full_zh])
            {
                names.entry(fold(name)).or_insert(province);
            }
        }
    }
    names
});

/// Looks a province up by any of its names, in any case, simplified or traditional:
/// `Shandong`, `shandong`, `山东`, `山东省`, `廣東`, `Inner Mongolia`, `inner-mongolia`,
/// `内蒙古自治区`, `Shandong Province`, `Macau`, `Xizang`.
pub fn province_by_name(name: &str) -> Option<&'static Province> {
    let key = fold(name);
    if key.is_empty() {
        return None;
    }
    NAMES
        .get(&key)
        .or_else(|| strip_suffix(&key).and_then(|k| NAMES.get(k)))
        .copied()
}

/// The province whose name is closest to `name`, for an error message ("did you mean …?").
/// `Shandon` → Shandong, `山冬` → 山东. `None` when nothing is reasonably close.
pub fn suggest_province(name: &str) -> Option<&'static Province> {
    if let Some(province) = province_by_name(name) {
        return Some(province);
    }
    let key = fold(name);
    let key = strip_suffix(&key).unwrap_or(&key);
    if key.chars().count() < 2 {
        return None;
    }
    let mut best: Option<(f64, u32, &'static Province)> = None;
    for (candidate, province) in NAMES.iter() {
        let score = strsim::normalized_levenshtein(key, candidate);
        if score < 0.5 {
            continue;
        }
        let tie = glyph_distance(key, candidate);
        let better = match best {
            None => true,
            Some((s, t, p)) => {
                score > s
                    || (score == s && tie < t)
                    || (score == s && tie == t && order(province) < order(p))
            }
        };
        if better {
            best = Some((score, tie, province));
        }
    }
    best.map(|(_, _, p)| p)
}

/// The provinces with a name that starts with `name`, in the usual order, for a hint while a
/// name is still being typed: `Sh` gives Shandong, Shanghai, Shanxi and Shaanxi.
pub fn provinces_starting(name: &str) -> Vec<&'static Province> {
    let key = fold(name);
    if key.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<&'static Province> = NAMES
        .iter()
        .filter(|(n, _)| n.starts_with(&key))
        .map(|(_, p)| *p)
        .collect();
    found.sort_by_key(|p| order(p));
    found.dedup_by(|a, b| std::ptr::eq(*a, *b));
    found
}

/// Tie-break between equally distant names: the summed code-point distance of the characters
/// that differ. CJK code points are ordered by radical and stroke count, so 冬 is nearer to 东
/// than to 西; for Latin names it prefers the nearer letter.
fn glyph_distance(a: &str, b: &str) -> u32 {
    a.chars()
        .zip(b.chars())
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x as u32).abs_diff(y as u32))
        .sum::<u32>()
        + (a.chars().count().abs_diff(b.chars().count()) as u32) * 0x10000
}
