//! Reading `assets/sectors.toml`: the sectors, their names and their keyword lists.
//!
//! Malformed entries are skipped and described in [`Data::problems`]; a test keeps that list
//! empty for the shipped file.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::Sector;
use super::matcher::match_key;
use crate::text::{is_han, to_simplified};

/// The embedded sector file.
pub(super) const RAW: &str = include_str!("../../../assets/sectors.toml");

/// Score of one mention of a strong keyword.
pub(super) const STRONG: f32 = 1.0;
/// Score of one mention of a weak keyword.
pub(super) const WEAK: f32 = 0.4;

/// Which list a keyword came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    Zh,
    En,
}

/// One keyword of one sector.
#[derive(Debug, Clone)]
pub(super) struct Keyword {
    /// As written in the file.
    pub text: String,
    pub lang: Lang,
    /// Index into [`Data::sectors`].
    pub sector: usize,
    pub weight: f32,
}

/// Everything the file holds, checked.
pub(super) struct Data {
    pub sectors: Vec<Sector>,
    /// Extra names per sector (same order as `sectors`).
    pub names: Vec<Vec<String>>,
    pub keywords: Vec<Keyword>,
    pub stops: Vec<String>,
    pub problems: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSector {
    slug: String,
    zh: String,
    en: String,
    group_en: String,
    group_zh: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    zh_strong: Vec<String>,
    #[serde(default)]
    zh_weak: Vec<String>,
    #[serde(default)]
    en_strong: Vec<String>,
    #[serde(default)]
    en_weak: Vec<String>,
}

fn leak(s: String) -> &'static str {
    // The sector table is built once per process and lives until exit.
    String::leak(s)
}

fn string_list(table: &toml::Table, key: &str, problems: &mut Vec<String>) -> Vec<String> {
    match table.get(key) {
        None => Vec::new(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .filter_map(|v| match v {
                toml::Value::String(s) => Some(s.clone()),
                other => {
                    problems.push(format!("`{key}`: not a string: {other}"));
                    None
                }
            })
            .collect(),
        Some(_) => {
            problems.push(format!("`{key}` is not a list of strings"));
            Vec::new()
        }
    }
}

fn valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks one keyword's form; returns a reason when it is unusable.
fn keyword_problem(k: &str, lang: Lang) -> Option<&'static str> {
    let t = k.trim();
    if t.is_empty() {
        return Some("empty");
    }
    if t != k {
        return Some("leading or trailing space");
    }
    match lang {
        Lang::Zh => {
            if !t.chars().any(is_han) {
                return Some("a Chinese keyword without Chinese characters (put it in en_*)");
            }
            if t.chars().count() < 2 {
                return Some("a single character matches too much");
            }
            if to_simplified(t) != t {
                return Some("not in simplified characters");
            }
        }
        Lang::En => {
            if t.chars().any(is_han) {
                return Some("an English keyword with Chinese characters (put it in zh_*)");
            }
            if t.chars().filter(|c| c.is_ascii_alphanumeric()).count() < 2 {
                return Some("too short");
            }
        }
    }
    None
}

/// Parses and checks the embedded file.
pub(super) fn load() -> Data {
    let mut data = Data {
        sectors: Vec::new(),
        names: Vec::new(),
        keywords: Vec::new(),
        stops: Vec::new(),
        problems: Vec::new(),
    };
    let table: toml::Table = match toml::from_str(RAW) {
        Ok(t) => t,
        Err(e) => {
            data.problems
                .push(format!("sectors.toml does not parse: {e}"));
            return data;
        }
    };
    for key in table.keys() {
        if !matches!(key.as_str(), "shared" | "stop" | "sector") {
            data.problems.push(format!("unknown top-level key `{key}`"));
        }
    }
    let shared = string_list(&table, "shared", &mut data.problems);
    let stops = string_list(&table, "stop", &mut data.problems);

    let entries = match table.get("sector") {
        Some(toml::Value::Array(a)) => a.clone(),
        _ => {
            data.problems.push("no [[sector]] entries".to_string());
            Vec::new()
        }
    };
    let mut slugs = HashSet::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let raw: RawSector = match entry.try_into() {
            Ok(r) => r,
            Err(e) => {
                data.problems.push(format!("sector #{}: {e}", i + 1));
                continue;
            }
        };
        if !valid_slug(&raw.slug) {
            data.problems
                .push(format!("sector #{}: bad slug `{}`", i + 1, raw.slug));
            continue;
        }
        if !slugs.insert(raw.slug.clone()) {
            data.problems
                .push(format!("sector `{}` appears twice", raw.slug));
            continue;
        }
        let fields = [&raw.zh, &raw.en, &raw.group_en, &raw.group_zh];
        if fields.iter().any(|f| f.trim().is_empty()) {
            data.problems
                .push(format!("sector `{}`: an empty name field", raw.slug));
            continue;
        }
        let idx = data.sectors.len();
        let lists = [
            (&raw.zh_strong, Lang::Zh, STRONG, "zh_strong"),
            (&raw.zh_weak, Lang::Zh, WEAK, "zh_weak"),
            (&raw.en_strong, Lang::En, STRONG, "en_strong"),
            (&raw.en_weak, Lang::En, WEAK, "en_weak"),
        ];
        for (list, lang, weight, field) in lists {
            for k in list {
                if let Some(why) = keyword_problem(k, lang) {
                    data.problems
                        .push(format!("{}.{field}: `{k}`: {why}", raw.slug));
                    continue;
                }
                data.keywords.push(Keyword {
                    text: k.clone(),
                    lang,
                    sector: idx,
                    weight,
                });
            }
        }
        if raw.zh_strong.is_empty() || raw.en_strong.is_empty() {
            data.problems.push(format!(
                "sector `{}` needs both Chinese and English strong keywords",
                raw.slug
            ));
        }
        data.names.push(raw.names);
        data.sectors.push(Sector {
            slug: leak(raw.slug),
            zh: leak(raw.zh),
            en: leak(raw.en),
            group_en: leak(raw.group_en),
            group_zh: leak(raw.group_zh),
        });
    }
    check_overlaps(&mut data, &shared);
    for s in stops {
        if s.trim().is_empty() {
            data.problems.push("an empty stop phrase".to_string());
        } else {
            data.stops.push(s);
        }
    }
    check_stops(&mut data);
    data
}

/// A keyword may live in two sectors only when `shared` says so; never twice in one sector.
fn check_overlaps(data: &mut Data, shared: &[String]) {
    let shared: HashSet<String> = shared.iter().map(|s| match_key(s)).collect();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for k in &data.keywords {
        seen.entry(match_key(&k.text)).or_default().push(k.sector);
    }
    let mut keys: Vec<_> = seen.into_iter().collect();
    keys.sort();
    for (key, sectors) in keys {
        let mut distinct = sectors.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() < sectors.len() {
            data.problems
                .push(format!("keyword `{key}` is listed twice in one sector"));
        }
        if distinct.len() > 1 && !shared.contains(&key) {
            let names: Vec<&str> = distinct
                .iter()
                .filter_map(|&i| data.sectors.get(i))
                .map(|s| s.slug)
                .collect();
            data.problems.push(format!(
                "keyword `{key}` is in {} but not in `shared`",
                names.join(", ")
            ));
        }
    }
    for key in shared {
        let n = data
            .keywords
            .iter()
            .filter(|k| match_key(&k.text) == key)
            .count();
        if n < 2 {
            data.problems.push(format!(
                "`shared` lists `{key}`, which is not in two sectors"
            ));
        }
    }
}

/// A stop phrase must not be a keyword itself and must contain one (else it does nothing).
fn check_stops(data: &mut Data) {
    let keys: HashSet<String> = data.keywords.iter().map(|k| match_key(&k.text)).collect();
    let mut problems = Vec::new();
    for stop in &data.stops {
        let s = match_key(stop);
        if keys.contains(&s) {
            problems.push(format!("stop phrase `{stop}` is also a keyword"));
        } else if !keys.iter().any(|k| s.contains(k.as_str())) {
            problems.push(format!("stop phrase `{stop}` contains no keyword"));
        }
    }
    data.problems.extend(problems);
}
