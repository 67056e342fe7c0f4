//! One Aho–Corasick pass that finds every sector keyword (Chinese and English) in a text.
//!
//! The text is prepared once: traditional characters folded to simplified, hyphens and
//! underscores turned into spaces, and an ASCII-lowercased copy made (same byte offsets, so a
//! hit in the lowercased copy can be checked against the original case). All keywords share
//! one automaton. A hit is kept when
//! - an English keyword sits on word boundaries (a plural `s`/`es` or an `ics` ending is
//!   tolerated: robot, robots, robotics),
//! - a case-sensitive keyword (one written with a capital letter, `AI`) matches exactly,
//! - and no longer kept hit contains it (新能源汽车 hides 新能源, a stop phrase hides the
//!   keyword inside it).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::data::{Keyword, Lang};

/// Endings tolerated after an English keyword that ends in a letter or digit.
const SUFFIXES: [&[u8]; 3] = [b"ics", b"es", b"s"];

/// Normal form of a keyword or stop phrase for the automaton: simplified, hyphens and
/// underscores as spaces, runs of whitespace collapsed, ASCII lowercase.
pub(super) fn match_key(s: &str) -> String {
    let simplified = crate::text::to_simplified(s);
    let spaced: String = simplified
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .collect();
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

/// One meaning of a pattern: a sector and weight, maybe only in an exact letter case.
#[derive(Debug, Clone)]
struct Target {
    sector: usize,
    weight: f32,
    /// For case-sensitive keywords, the exact bytes (after hyphen folding) to require.
    exact: Option<Vec<u8>>,
}

#[derive(Debug, Default)]
struct Pattern {
    /// Empty for stop phrases.
    targets: Vec<Target>,
    /// Needs a word boundary before it (starts with an ASCII letter or digit).
    bound_start: bool,
    /// Needs a word boundary (or a tolerated ending) after it.
    bound_end: bool,
}

/// A kept keyword hit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// Byte range of the hit in the prepared text.
    pub start: usize,
    pub end: usize,
    pub sector: usize,
    pub weight: f32,
}

/// The compiled keyword set.
pub(super) struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
}

/// A text made ready for matching; offsets in both copies are the same.
pub(super) struct Prepared {
    /// Simplified, with `-` and `_` as spaces.
    pub original: Vec<u8>,
    /// The same, ASCII-lowercased.
    pub lower: Vec<u8>,
}

impl Prepared {
    pub fn new(text: &str) -> Prepared {
        let simplified = crate::text::to_simplified(text);
        let mut original = simplified.into_owned().into_bytes();
        for b in &mut original {
            if *b == b'-' || *b == b'_' {
                *b = b' ';
            }
        }
        let lower = original.to_ascii_lowercase();
        Prepared { original, lower }
    }
}

/// The keyword's variants: itself and, for English words ending in consonant + `y`, the
/// `-ies` plural (battery → batteries).
fn variants(k: &str, lang: Lang) -> Vec<String> {
    let mut out = vec![k.to_string()];
    if lang == Lang::En {
        let b = k.as_bytes();
        if b.len() >= 3
            && b[b.len() - 1] == b'y'
            && !matches!(
                b[b.len() - 2].to_ascii_lowercase(),
                b'a' | b'e' | b'i' | b'o' | b'u'
            )
            && b[b.len() - 2].is_ascii_alphabetic()
        {
            out.push(format!("{}ies", &k[..k.len() - 1]));
        }
    }
    out
}

impl Matcher {
    pub fn new(
        keywords: &[Keyword],
        stops: &[String],
    ) -> Result<Matcher, aho_corasick::BuildError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut slot = |key: String, patterns: &mut Vec<Pattern>| -> usize {
            if let Some(&i) = index.get(&key) {
                return i;
            }
            let bytes = key.as_bytes();
            let p = Pattern {
                targets: Vec::new(),
                bound_start: bytes.first().is_some_and(u8::is_ascii_alphanumeric),
                bound_end: bytes.last().is_some_and(u8::is_ascii_alphanumeric),
            };
            patterns.push(p);
            keys.push(key.clone());
            index.insert(key, patterns.len() - 1);
            patterns.len() - 1
        };
        for k in keywords {
            for v in variants(&k.text, k.lang) {
                let key = match_key(&v);
                if key.is_empty() {
                    continue;
                }
                let case_sensitive =
                    k.lang == Lang::En && v.chars().any(|c| c.is_ascii_uppercase());
                let exact = case_sensitive.then(|| {
                    let spaced: String = crate::text::to_simplified(&v)
                        .chars()
                        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
                        .collect();
                    spaced
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .into_bytes()
                });
                let i = slot(key, &mut patterns);
                if let Some(p) = patterns.get_mut(i) {
                    p.targets.push(Target {
                        sector: k.sector,
                        weight: k.weight,
                        exact,
                    });
                }
            }
        }
        for s in stops {
            let key = match_key(s);
            if !key.is_empty() {
                slot(key, &mut patterns);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&keys)?;
        Ok(Matcher { ac, patterns })
    }

    /// Every kept keyword hit in `text`, in order of position.
    pub fn hits(&self, text: &Prepared) -> Vec<Hit> {
        let lower = &text.lower;
        // (start, end, pattern) of every hit that passes its boundary and case checks.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(lower.as_slice()) {
            let (start, end, pid) = (m.start(), m.end(), m.pattern().as_usize());
            let Some(p) = self.patterns.get(pid) else {
                continue;
            };
            if p.bound_start
                && start > 0
                && lower.get(start - 1).is_some_and(u8::is_ascii_alphanumeric)
            {
                continue;
            }
            if p.bound_end && !ends_word(lower.get(end..).unwrap_or_default()) {
                continue;
            }
            let any_target = p.targets.is_empty()
                || p.targets
                    .iter()
                    .any(|t| exact_ok(t, &text.original, start, end));
            if any_target {
                found.push((start, end, pid));
            }
        }
        // Longest first among hits that start together; drop hits inside a kept one.
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut hits = Vec::new();
        let mut reach = 0usize;
        for (start, end, pid) in found {
            if end <= reach {
                continue;
            }
            reach = end;
            let Some(p) = self.patterns.get(pid) else {
                continue;
            };
            for t in &p.targets {
                if exact_ok(t, &text.original, start, end) {
                    hits.push(Hit {
                        start,
                        end,
                        sector: t.sector,
                        weight: t.weight,
                    });
                }
            }
        }
        hits
    }
}

fn exact_ok(t: &Target, original: &[u8], start: usize, end: usize) -> bool {
    match &t.exact {
        None => true,
        Some(exact) => original.get(start..end) == Some(exact.as_slice()),
    }
}

/// True when `rest` (the bytes after an English keyword) starts with a word boundary, or with
/// a tolerated ending followed by one.
fn ends_word(rest: &[u8]) -> bool {
    let boundary = |b: &[u8]| b.first().is_none_or(|c| !c.is_ascii_alphanumeric());
    boundary(rest)
        || SUFFIXES
            .iter()
            .any(|s| rest.starts_with(s) && boundary(&rest[s.len()..]))
}

#[cfg(test)]
mod tests {
    use super::ends_word;

    #[test]
    fn endings() {
        assert!(ends_word(b""));
        assert!(ends_word(b" and"));
        assert!(ends_word(b"s,"));
        assert!(ends_word(b"ics "));
        assert!(ends_word(b"'s"));
        assert!(!ends_word(b"ing"));
        assert!(!ends_word(b"ship"));
    }
}
