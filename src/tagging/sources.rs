//! Outlet normalisation (SPEC §2 `source_zh`): from an outlet name as a scraped file writes it
//! (`Ren Min Ri Bao`, `China Daily`, `3 6 Ke`, `人民日报`) to its Chinese and English names.
//!
//! The table is data, `assets/sources.tsv` (embedded, parsed once). Matching ignores case,
//! spaces and punctuation and folds traditional characters (`renminribao`, `RenMin RiBao`,
//! `人民日報` are all 人民日报), and is otherwise exact: `Ren Min Ri Bao Hai Wai Ban` is the
//! overseas edition, never swallowed by `Ren Min Ri Bao`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

/// A known news outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Outlet {
    /// Chinese name (`人民日报`).
    pub zh: &'static str,
    /// English name (`People's Daily`).
    pub en: &'static str,
}

const RAW: &str = include_str!("../../assets/sources.tsv");

/// Endings that name an outlet's app or account rather than another outlet
/// (人民日报客户端 is 人民日报). Tried only when the whole name is unknown.
const CHANNEL_SUFFIXES: [&str; 6] = [
    "客户端",
    "kehuduan",
    "官方微博",
    "微信公众号",
    "公众号",
    "app",
];

struct Table {
    outlets: Vec<Outlet>,
    by_key: HashMap<String, usize>,
    problems: Vec<String>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| load(RAW));

/// The outlet an article's source line names, if we know it.
pub fn outlet(written: &str) -> Option<&'static Outlet> {
    let t = &*TABLE;
    let key = outlet_key(written);
    if key.is_empty() {
        return None;
    }
    let found = t.by_key.get(&key).copied().or_else(|| {
        CHANNEL_SUFFIXES.iter().find_map(|suffix| {
            let stem = key.strip_suffix(suffix)?;
            if stem.is_empty() {
                None
            } else {
                t.by_key.get(stem).copied()
            }
        })
    });
    found.and_then(|i| t.outlets.get(i))
}

/// Every outlet in the table, in file order.
pub fn outlets() -> &'static [Outlet] {
    &TABLE.outlets
}

/// Normal form of an outlet name: simplified, lowercase, full-width letters folded, a leading
/// `http://`, `https://` or `www.` dropped, and only letters and digits kept.
pub fn outlet_key(s: &str) -> String {
    let folded: String = crate::text::to_simplified(s.trim())
        .chars()
        .map(crate::text::narrow)
        .flat_map(char::to_lowercase)
        .collect();
    let mut rest = folded.as_str();
    for prefix in ["https://", "http://", "www."] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn load(raw: &str) -> Table {
    let mut table = Table {
        outlets: Vec::new(),
        by_key: HashMap::new(),
        problems: Vec::new(),
    };
    for (n, line) in raw.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [zh, en, written] = cols.as_slice() else {
            table
                .problems
                .push(format!("line {}: expected 3 tab-separated columns", n + 1));
            continue;
        };
        if zh.is_empty() || en.is_empty() {
            table
                .problems
                .push(format!("line {}: empty Chinese or English name", n + 1));
            continue;
        }
        if crate::text::to_simplified(zh) != *zh {
            table.problems.push(format!(
                "line {}: `{zh}` is not in simplified characters",
                n + 1
            ));
        }
        let idx = table.outlets.len();
        let names = [*zh, *en]
            .into_iter()
            .chain(written.split('|').map(str::trim));
        for name in names.filter(|w| !w.is_empty()) {
            let key = outlet_key(name);
            if key.is_empty() {
                table
                    .problems
                    .push(format!("line {}: `{name}` has no letters", n + 1));
                continue;
            }
            match table.by_key.get(&key) {
                Some(&other) if other != idx => {
                    let other = table.outlets.get(other).map_or("?", |o| o.zh);
                    table.problems.push(format!(
                        "line {}: `{name}` would name both {other} and {zh}",
                        n + 1
                    ));
                }
                _ => {
                    table.by_key.insert(key, idx);
                }
            }
        }
        table.outlets.push(Outlet {
            zh: String::leak(zh.to_string()),
            en: String::leak(en.to_string()),
        });
    }
    table
}

/// Problems found in `assets/sources.tsv` (malformed lines, names claimed by two outlets).
/// Empty for a healthy file; the tests keep it so.
#[doc(hidden)]
pub fn outlet_data_problems() -> &'static [String] {
    &TABLE.problems
}
