//! The field's terms in both languages (`assets/terms.tsv`): 冷链 and `cold chain`, 产教融合
//! and `industry-education integration`, and a term's other Chinese names (职教 for
//! 职业教育). A query that is one of them, as a whole, also finds the term's other names
//! ([`super::across_languages`]).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::analyzer::WordNormalizer;
use crate::text::{ascii_words, fold_width, to_simplified};

/// The embedded glossary.
const RAW: &str = include_str!("../../assets/terms.tsv");

/// Each name, as [`key`] writes it, and the other language's names of the same term.
static ACROSS: LazyLock<HashMap<String, Vec<&'static str>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
    let mut add = |from: &str, to: &'static str| {
        let names = map.entry(key(from)).or_default();
        if !names.contains(&to) {
            names.push(to);
        }
    };
    for (chinese, english) in entries() {
        for zh in chinese.split('/') {
            for &en in &english {
                add(zh, en);
                add(en, zh);
            }
            for other in chinese.split('/').filter(|other| *other != zh) {
                add(zh, other);
            }
        }
    }
    map
});

/// The words of the English names, lower-cased.
static WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    entries()
        .flat_map(|(_, english)| english)
        .flat_map(ascii_words)
        .collect()
});

/// Whether `word` (any case) is a word of a term's English name: a word the corpus does not
/// write may still be meant (`cold` of `cold chain`, which finds 冷链).
pub fn is_term_word(word: &str) -> bool {
    WORDS.contains(&word.to_ascii_lowercase())
}

/// The words of the terms' English names at most `edits` edits from `word` (a swap of
/// neighbours counting one), lower-cased: what a misspelt one may have been meant as.
pub fn term_words_near(word: &str, edits: usize) -> Vec<&'static str> {
    let word = word.to_ascii_lowercase();
    let mut near: Vec<&'static str> = WORDS
        .iter()
        .filter(|w| w.len().abs_diff(word.len()) <= edits)
        .filter(|w| strsim::osa_distance(w, &word) <= edits)
        .map(String::as_str)
        .collect();
    near.sort_unstable();
    near
}

/// The file's terms: the Chinese names (one, or several split by `/`) and the English ones.
fn entries() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    RAW.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t').map(str::trim);
            let zh = fields.next().filter(|zh| !zh.is_empty())?;
            let english: Vec<&str> = fields.filter(|en| !en.is_empty()).collect();
            (!english.is_empty()).then_some((zh, english))
        })
}

thread_local! {
    static NORMALIZER: RefCell<WordNormalizer> = RefCell::new(WordNormalizer::default());
}

/// How a name is looked up: simplified and half-width, dashes and other marks read as
/// spaces, and each English word lower-cased and stemmed as the index stems it
/// (`Cold-Chains` → `cold chain`, `order classes` → `order class`).
fn key(name: &str) -> String {
    let folded = fold_width(name);
    let folded = to_simplified(&folded);
    NORMALIZER.with_borrow_mut(|norm| {
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                if w.is_ascii() {
                    norm.normalize(w)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The other names (in the other language, or other Chinese names) of the term `name` names
/// as a whole; empty for anything else.
pub fn terms_across(name: &str) -> &'static [&'static str] {
    ACROSS.get(&key(name)).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_finds_its_names_in_the_other_language() {
        assert_eq!(terms_across("冷链"), ["cold chain"]);
        assert_eq!(terms_across("cold chain"), ["冷链"]);
        // Case, hyphens, plurals, spaces, traditional and full-width characters.
        for typed in ["Cold-Chain", "cold chains", " COLD   CHAIN ", "cold-chains"] {
            assert_eq!(terms_across(typed), ["冷链"], "{typed}");
        }
        assert_eq!(
            terms_across("產教融合"),
            [
                "industry-education integration",
                "integration of industry and education"
            ]
        );
        assert_eq!(terms_across("ＵＡＶ"), ["无人机"]);
        // A term's other Chinese names, both ways.
        assert_eq!(terms_across("职教"), ["vocational education", "职业教育"]);
        assert_eq!(terms_across("职业教育"), ["vocational education", "职教"]);
        assert_eq!(terms_across("vocational education"), ["职业教育", "职教"]);
        assert_eq!(terms_across("robots"), ["机器人"]);
        // Only the whole term.
        assert!(terms_across("冷链物流园").is_empty());
        assert!(terms_across("chain").is_empty());
        assert!(terms_across("").is_empty());
    }

    #[test]
    fn the_words_of_english_names_are_known_and_found_near_a_slip() {
        assert!(is_term_word("Cold") && is_term_word("apprenticeship"));
        assert!(!is_term_word("chian") && !is_term_word(""));
        assert_eq!(term_words_near("colt", 1), ["cold"]);
        assert!(term_words_near("chian", 1).contains(&"chain"));
        assert!(term_words_near("welder", 2).is_empty());
    }

    #[test]
    fn english_names_are_looked_up_by_their_stems() {
        for (a, b) in [
            ("order classes", "Order Class"),
            ("vocational colleges", "vocational college"),
            ("Logistics", "logistic"),
            ("industry–education", "industry-education"),
        ] {
            assert_eq!(key(a), key(b), "{a} / {b}");
        }
        assert_ne!(key("business"), key("bus"));
        assert_eq!(key("產教融合"), "产教融合");
    }

    #[test]
    fn every_line_of_the_file_is_a_term() {
        for line in RAW.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 2, "no English name: {line}");
            let chinese: Vec<&str> = fields[0].split('/').collect();
            for zh in &chinese {
                assert!(
                    !zh.is_empty() && zh.chars().all(crate::text::is_han),
                    "not a Chinese name: {line}"
                );
                for other in chinese.iter().filter(|other| *other != zh) {
                    assert!(terms_across(zh).contains(other), "{zh} → {other}");
                }
            }
            for en in &fields[1..] {
                assert!(en.is_ascii() && !en.trim().is_empty(), "{line}");
                assert_eq!(terms_across(en).first(), Some(&chinese[0]), "{line}");
            }
        }
    }
}
