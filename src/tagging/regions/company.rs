//! Company names that begin with a place name (北京银行, 上海电气, 青岛啤酒, Harbin Electric,
//! Bank of Ningbo): the place there is the company's home, not where the story happens, so
//! such a mention does not count (SPEC §3: company names are not places). Brands whose second
//! half is no company word (贵州茅台, 云南白药) are listed in `assets/regions/phrases.tsv`.

use crate::text::is_han;

/// A Chinese company word, how many Han characters may stand between the place and it
/// (山东能源集团, 广东省交通集团, 宁波市轨道交通集团), and words it starts that say something
/// else (集团化办学, 银行业, 电气化, 啤酒节).
struct CompanyWord {
    word: &'static str,
    gap: usize,
    not: &'static [&'static str],
}

const COMPANY_ZH: &[CompanyWord] = &[
    CompanyWord {
        word: "有限责任公司",
        gap: 8,
        not: &[],
    },
    CompanyWord {
        word: "有限公司",
        gap: 8,
        not: &[],
    },
    CompanyWord {
        word: "股份",
        gap: 6,
        not: &["股份制"],
    },
    CompanyWord {
        word: "集团",
        gap: 6,
        not: &["集团化"],
    },
    CompanyWord {
        word: "控股",
        gap: 4,
        not: &[],
    },
    CompanyWord {
        word: "银行",
        gap: 4,
        not: &["银行业"],
    },
    CompanyWord {
        word: "证券",
        gap: 0,
        not: &[],
    },
    CompanyWord {
        word: "电气",
        gap: 0,
        not: &["电气化"],
    },
    CompanyWord {
        word: "啤酒",
        gap: 0,
        not: &["啤酒节"],
    },
];

/// Characters that, between a place and a company word, show the words are not one name: a
/// school or an education group (广东职业教育集团), or a break in the phrase (北京的银行,
/// 宁夏各银行).
const NOT_IN_GAP: &[char] = &[
    '学', '校', '院', '教', '的', '和', '与', '及', '等', '各', '在', '向', '为', '对',
];

/// Words that make what comes before them a school's name (上海电气职业技术学院 is a school).
const SCHOOL_AFTER: &[&str] = &[
    "职业",
    "学院",
    "学校",
    "大学",
    "技师",
    "技工",
    "高等专科",
    "中专",
    "职校",
    "技校",
];

/// English company words: Shanghai Electric, Shandong Energy Group, Hainan Airlines.
const COMPANY_EN: &[&str] = &[
    "Electric",
    "Bank",
    "Group",
    "Co",
    "Company",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "Inc",
    "Motor",
    "Motors",
    "Airlines",
    "Holdings",
    "Pharmaceutical",
    "Pharmaceuticals",
    "Securities",
    "Brewery",
    "Beer",
];

/// Words that make a capitalised run a school's or an education group's name.
const NOT_COMPANY_EN: &[&str] = &[
    "University",
    "College",
    "Institute",
    "School",
    "Academy",
    "Polytechnic",
    "Vocational",
    "Education",
    "Province",
    "City",
];

/// Is the place name at `start..end` of `text` the first part of a company's name?
pub(crate) fn in_company_name(text: &str, start: usize, end: usize, latin: bool) -> bool {
    if latin {
        english(text, start, end)
    } else {
        chinese(&text[end..])
    }
}

fn chinese(after: &str) -> bool {
    let mut gap = 0;
    let mut rest = after;
    loop {
        for c in COMPANY_ZH.iter().filter(|c| gap <= c.gap) {
            if let Some(tail) = rest.strip_prefix(c.word) {
                let other = c.not.iter().any(|w| rest.starts_with(w));
                let school = SCHOOL_AFTER.iter().any(|w| tail.starts_with(w));
                if !other && !school {
                    return true;
                }
            }
        }
        let Some(ch) = rest.chars().next() else {
            return false;
        };
        if !is_han(ch) || NOT_IN_GAP.contains(&ch) || gap >= 8 {
            return false;
        }
        gap += 1;
        rest = &rest[ch.len_utf8()..];
    }
}

fn english(text: &str, start: usize, end: usize) -> bool {
    if text[..start].ends_with("Bank of ") {
        return true;
    }
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    for word in rest.split(' ').take(3) {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')', '"']);
        let bare = bare
            .strip_suffix("'s")
            .or_else(|| bare.strip_suffix("’s"))
            .unwrap_or(bare)
            .trim_end_matches(['\'', '’']);
        if COMPANY_EN.contains(&bare) {
            return true;
        }
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if !capital || NOT_COMPANY_EN.contains(&bare) || bare.len() != word.len() {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap_or(0);
        in_company_name(text, start, start + name.len(), false)
    }

    fn en(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap_or(0);
        in_company_name(text, start, start + name.len(), true)
    }

    #[test]
    fn chinese_company_names() {
        assert!(zh("北京银行向学校捐资", "北京"));
        assert!(zh("与上海电气合作", "上海"));
        assert!(zh("前往青岛啤酒在西安的工厂", "青岛"));
        assert!(zh("山东能源集团招聘", "山东"));
        assert!(zh("广东省交通集团有限公司", "广东"));
        assert!(zh("深圳市某某科技有限公司", "深圳"));
    }

    #[test]
    fn places_before_words_that_are_not_company_names() {
        assert!(!zh("江苏推进职业教育集团化办学", "江苏"));
        assert!(!zh("广东职业教育集团成立", "广东"));
        assert!(!zh("北京银行业协会", "北京"));
        assert!(!zh("四川电气化铁路", "四川"));
        assert!(!zh("青岛啤酒节开幕", "青岛"));
        assert!(!zh("北京的银行网点", "北京"));
        assert!(!zh("上海电气职业技术学院", "上海"));
        assert!(!zh("上海一所职业学院", "上海"));
        assert!(!zh("宁夏银川", "宁夏"));
    }

    #[test]
    fn english_company_names() {
        assert!(en("working with Shanghai Electric to train", "Shanghai"));
        assert!(en("a deal with Harbin Electric.", "Harbin"));
        assert!(en("Shandong Energy Group said", "Shandong"));
        assert!(en("Hainan Airlines' pilots", "Hainan"));
        assert!(en("a grant from the Bank of Ningbo", "Ningbo"));
        assert!(!en("a college in Chengdu, Sichuan province", "Chengdu"));
        assert!(!en(
            "Sichuan Vocational College of Electric Power",
            "Sichuan"
        ));
        assert!(!en("Schools in Shanghai train workers", "Shanghai"));
        assert!(!en("Guangdong Province Group work", "Guangdong"));
    }
}
