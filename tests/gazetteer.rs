//! The gazetteer, checked against an independent source: the GB/T 2260 division codes of the
//! `gb2260` crate (revision 2016-07).

use std::collections::{HashMap, HashSet};

use chanjiao::tagging::regions::{
    Level, Place, gazetteer, gazetteer_problems, province_by_name, provinces,
};
use gb2260::Division;

/// GB/T 2260 province codes, by the English names of SPEC §3.
const PROVINCE_CODES: &[(u32, &str)] = &[
    (11, "Beijing"),
    (12, "Tianjin"),
    (13, "Hebei"),
    (14, "Shanxi"),
    (15, "Inner Mongolia"),
    (21, "Liaoning"),
    (22, "Jilin"),
    (23, "Heilongjiang"),
    (31, "Shanghai"),
    (32, "Jiangsu"),
    (33, "Zhejiang"),
    (34, "Anhui"),
    (35, "Fujian"),
    (36, "Jiangxi"),
    (37, "Shandong"),
    (41, "Henan"),
    (42, "Hubei"),
    (43, "Hunan"),
    (44, "Guangdong"),
    (45, "Guangxi"),
    (46, "Hainan"),
    (50, "Chongqing"),
    (51, "Sichuan"),
    (52, "Guizhou"),
    (53, "Yunnan"),
    (54, "Tibet"),
    (61, "Shaanxi"),
    (62, "Gansu"),
    (63, "Qinghai"),
    (64, "Ningxia"),
    (65, "Xinjiang"),
    (71, "Taiwan"),
    (81, "Hong Kong"),
    (82, "Macao"),
];

/// Placeholder rows of GB/T 2260 that are not divisions.
const PLACEHOLDERS: &[&str] = &[
    "市辖区",
    "县",
    "省直辖县级行政区划",
    "自治区直辖县级行政区划",
];

/// Prefecture-level divisions of 2016 that no longer exist.
const ABOLISHED_SINCE_2016: &[(&str, &str)] = &[
    // Merged into Jinan in January 2019; now 莱芜区 and 钢城区 of Jinan.
    ("莱芜市", "Jinan"),
];

/// Suffixes a division's official name may carry beyond our short name.
fn is_suffix(rest: &str) -> bool {
    matches!(rest, "市" | "地区" | "盟" | "自治州" | "林区")
        || rest.ends_with("自治州")
        || rest.ends_with("自治县")
}

fn names_match(place: &Place, official: &str) -> bool {
    place.full_zh == official
        || place.aliases.contains(&official)
        || official.strip_prefix(place.zh).is_some_and(is_suffix)
}

fn province_en(place: &Place) -> Option<&'static str> {
    place.province.map(|p| p.en)
}

fn find<'a>(rows: &'a [&'a Place], official: &str, province: &str) -> Option<&'a Place> {
    rows.iter()
        .copied()
        .find(|p| province_en(p) == Some(province) && names_match(p, official))
}

#[test]
fn every_row_parses() {
    let problems = gazetteer_problems();
    assert!(
        problems.is_empty(),
        "malformed gazetteer rows:\n{}",
        problems.join("\n")
    );
    assert!(
        gazetteer().len() > 1000,
        "gazetteer has only {} rows",
        gazetteer().len()
    );
}

#[test]
fn all_34_provinces_are_present_in_spec_order() {
    let spec: Vec<&str> = PROVINCE_CODES.iter().map(|(_, en)| *en).collect();
    let ours: Vec<&str> = provinces().iter().map(|p| p.en).collect();
    assert_eq!(ours, spec);
    let rows: Vec<&Place> = gazetteer()
        .iter()
        .filter(|p| p.level == Level::Province)
        .collect();
    assert_eq!(rows.len(), 34);
    for province in provinces() {
        assert!(
            rows.iter().any(|r| r.en == province.en
                && r.zh == province.zh
                && r.full_zh == province.full_zh),
            "no gazetteer row agrees with {province:?}"
        );
        assert_eq!(
            province_by_name(province.zh).map(|p| p.en),
            Some(province.en)
        );
        assert_eq!(
            province_by_name(province.full_zh).map(|p| p.en),
            Some(province.en)
        );
    }
}

#[test]
fn provinces_agree_with_gb2260() {
    for &(code, en) in PROVINCE_CODES {
        let division = Division::get(&format!("{code:02}0000"));
        assert!(
            division.is_some() || code > 65,
            "gb2260 has no province {code}"
        );
        let Some(division) = division else { continue };
        let ours = province_by_name(division.name).map(|p| p.en);
        assert_eq!(ours, Some(en), "gb2260 {code} {}", division.name);
    }
}

#[test]
fn every_prefecture_of_gb2260_is_in_the_gazetteer() {
    let rows: Vec<&Place> = gazetteer().iter().collect();
    let mut missing = Vec::new();
    let mut checked = 0;
    for &(pp, en) in PROVINCE_CODES {
        for cc in 1..=99u32 {
            let Some(division) = Division::get(&format!("{pp:02}{cc:02}00")) else {
                continue;
            };
            if PLACEHOLDERS.contains(&division.name) {
                continue;
            }
            checked += 1;
            let expected = ABOLISHED_SINCE_2016
                .iter()
                .find(|(name, _)| *name == division.name)
                .map_or(en, |(_, now)| *now);
            let found = if expected == en {
                rows.iter().any(|p| {
                    p.level == Level::Prefecture
                        && province_en(p) == Some(en)
                        && names_match(p, division.name)
                })
            } else {
                // An abolished prefecture must still be known, as a district of its successor.
                let short = division.name.trim_end_matches('市');
                rows.iter()
                    .any(|p| p.aliases.contains(&short) && province_en(p) == Some(en))
            };
            if !found {
                missing.push(format!("{} {} ({en})", division.code, division.name));
            }
        }
    }
    eprintln!("{checked} prefectures checked");
    assert!(checked > 320, "gb2260 gave only {checked} prefectures");
    assert!(
        missing.is_empty(),
        "missing from the gazetteer:\n{}",
        missing.join("\n")
    );
}

#[test]
fn county_level_units_under_direct_provincial_rule_are_in_the_gazetteer() {
    // 省直辖县级行政区划 (Henan's 济源, Hubei's 仙桃…, Hainan's counties) and Xinjiang's
    // corps cities (自治区直辖县级行政区划).
    let rows: Vec<&Place> = gazetteer().iter().collect();
    let mut missing = Vec::new();
    let mut checked = 0;
    for &(pp, en) in PROVINCE_CODES {
        let Some(parent) = Division::get(&format!("{pp:02}9000")) else {
            continue;
        };
        assert!(PLACEHOLDERS.contains(&parent.name), "{}", parent.name);
        for nn in 1..=99u32 {
            let Some(division) = Division::get(&format!("{pp:02}90{nn:02}")) else {
                continue;
            };
            checked += 1;
            if find(&rows, division.name, en).is_none() {
                missing.push(format!("{} {} ({en})", division.code, division.name));
            }
        }
    }
    assert!(
        checked >= 25,
        "gb2260 gave only {checked} directly administered units"
    );
    assert!(
        missing.is_empty(),
        "missing from the gazetteer:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_duplicate_rows() {
    let mut seen = HashSet::new();
    for place in gazetteer() {
        let key = (place.full_zh, place.level, place.province.map(|p| p.en));
        assert!(
            seen.insert(key),
            "duplicate row {}:{} {}",
            place.file,
            place.line,
            place.full_zh
        );
    }
}

#[test]
fn names_shared_by_provinces_are_marked_or_ranked() {
    // A full Chinese name found in two provinces at the same level must be flagged `shared`
    // on every row, so that it never decides a province alone.
    let mut by_name: HashMap<&str, Vec<&Place>> = HashMap::new();
    for place in gazetteer().iter().filter(|p| p.level != Level::Block) {
        by_name.entry(place.full_zh).or_default().push(place);
    }
    for (name, rows) in by_name {
        let provinces: HashSet<_> = rows.iter().filter_map(|p| province_en(p)).collect();
        if provinces.len() > 1 {
            assert!(
                rows.iter().all(|p| p.shared),
                "{name} is in {provinces:?} but not marked shared"
            );
        }
    }
}

#[test]
fn the_national_new_areas_are_present() {
    let expected = [
        ("浦东新区", "Shanghai"),
        ("滨海新区", "Tianjin"),
        ("雄安新区", "Hebei"),
        ("两江新区", "Chongqing"),
        ("舟山群岛新区", "Zhejiang"),
        ("兰州新区", "Gansu"),
        ("南沙新区", "Guangdong"),
        ("西咸新区", "Shaanxi"),
        ("贵安新区", "Guizhou"),
        ("西海岸新区", "Shandong"),
        ("金普新区", "Liaoning"),
        ("天府新区", "Sichuan"),
        ("湘江新区", "Hunan"),
        ("江北新区", "Jiangsu"),
        ("福州新区", "Fujian"),
        ("滇中新区", "Yunnan"),
        ("哈尔滨新区", "Heilongjiang"),
        ("长春新区", "Jilin"),
        ("赣江新区", "Jiangxi"),
    ];
    let rows: Vec<&Place> = gazetteer()
        .iter()
        .filter(|p| p.level == Level::NewArea)
        .collect();
    assert_eq!(rows.len(), expected.len());
    for (name, province) in expected {
        assert!(find(&rows, name, province).is_some(), "{name} ({province})");
    }
}
