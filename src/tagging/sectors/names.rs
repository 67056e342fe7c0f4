//! Looking a sector up by a name a person typed (`ai-big-data`, `AI`, `人工智能`, `物流`), and
//! suggesting the closest one when nothing matches.

use std::collections::HashMap;

use super::data::{Data, STRONG};

/// How similar a typed name must be to a known one before we suggest it.
const SUGGEST_MIN: f64 = 0.6;

/// Normal form of a sector name: simplified, lowercase, full-width letters folded, with
/// spaces, punctuation and the connectives `and` / 与 / 和 / 及 removed, so that
/// `AI-Big-Data`, `ai big data` and `aibigdata` are one name.
pub(super) fn name_key(s: &str) -> String {
    let folded: String = crate::text::to_simplified(s)
        .chars()
        .map(crate::text::narrow)
        .flat_map(char::to_lowercase)
        .collect();
    let mut out = String::with_capacity(folded.len());
    for token in folded.split(|c: char| !c.is_alphanumeric()) {
        if token == "and" {
            continue;
        }
        out.extend(token.chars().filter(|c| !matches!(c, '与' | '和' | '及')));
    }
    out
}

/// Name tables built from the sector file.
pub(super) struct Names {
    /// Exact names: slug, Chinese and English names, and the extra `names`.
    exact: HashMap<String, usize>,
    /// Strong keywords that belong to exactly one sector; used after the names.
    keywords: HashMap<String, usize>,
    /// Everything above, for suggestions.
    all: Vec<(String, usize)>,
}

impl Names {
    pub fn new(data: &Data, problems: &mut Vec<String>) -> Names {
        let mut exact: HashMap<String, usize> = HashMap::new();
        for (i, s) in data.sectors.iter().enumerate() {
            let extra = data.names.get(i).map(Vec::as_slice).unwrap_or_default();
            let fixed = [s.slug, s.zh, s.en];
            for name in fixed
                .iter()
                .copied()
                .chain(extra.iter().map(String::as_str))
            {
                let key = name_key(name);
                if key.is_empty() {
                    problems.push(format!("sector `{}`: name `{name}` is empty", s.slug));
                    continue;
                }
                match exact.get(&key) {
                    Some(&j) if j != i => problems.push(format!(
                        "name `{name}` belongs to two sectors ({} and {})",
                        data.sectors.get(j).map_or("?", |o| o.slug),
                        s.slug
                    )),
                    _ => {
                        exact.insert(key, i);
                    }
                }
            }
        }
        let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
        for k in data.keywords.iter().filter(|k| k.weight >= STRONG) {
            owners.entry(name_key(&k.text)).or_default().push(k.sector);
        }
        let keywords: HashMap<String, usize> = owners
            .into_iter()
            .filter_map(|(key, mut v)| {
                v.sort_unstable();
                v.dedup();
                match v.as_slice() {
                    [only] if !key.is_empty() && !exact.contains_key(&key) => Some((key, *only)),
                    _ => None,
                }
            })
            .collect();
        let mut all: Vec<(String, usize)> = exact
            .iter()
            .chain(keywords.iter())
            .map(|(k, &i)| (k.clone(), i))
            .collect();
        all.sort();
        Names {
            exact,
            keywords,
            all,
        }
    }

    pub fn lookup(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        self.exact
            .get(&key)
            .or_else(|| self.keywords.get(&key))
            .copied()
    }

    pub fn suggest(&self, name: &str) -> Option<usize> {
        if let Some(i) = self.lookup(name) {
            return Some(i);
        }
        let q = name_key(name);
        let qn = q.chars().count();
        if qn == 0 {
            return None;
        }
        let mut best: Option<(f64, usize, usize)> = None; // (score, key length, sector)
        for (key, sector) in &self.all {
            let kn = key.chars().count();
            let mut score = strsim::normalized_damerau_levenshtein(&q, key)
                .max(0.85 * strsim::jaro_winkler(&q, key));
            if qn >= 2 && kn >= 2 && (key.contains(q.as_str()) || q.contains(key.as_str())) {
                score = score.max(0.7 + 0.3 * qn.min(kn) as f64 / qn.max(kn) as f64);
            }
            let better = match best {
                None => true,
                Some((s, len, _)) => score > s + 1e-9 || ((score - s).abs() <= 1e-9 && kn < len),
            };
            if better {
                best = Some((score, kn, *sector));
            }
        }
        best.filter(|(s, _, _)| *s >= SUGGEST_MIN)
            .map(|(_, _, i)| i)
    }
}
