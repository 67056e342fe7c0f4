//! Misspelt English words of a query that found nothing, put as the closest words that
//! articles hold (`robtos` → `robots`), for the query `suggest` offers.
//!
//! Words are compared as the index keeps them (lower-cased and stemmed); the word offered
//! is the form an article writes, the one nearest to what was typed.

use std::collections::HashMap;
use std::ops::Range;

use tantivy::collector::TopDocs;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::analyzer::WordNormalizer;
use super::glossary::{is_term_word, term_words_near};
use super::query::{Atom, Lex};
use super::schema::Fields;
use crate::tagging::regions::{is_place_word, place_names_near};
use crate::text::is_han;

/// Words shorter than this are left alone: a short word one letter off is another word.
const MIN_LETTERS: usize = 4;
/// Articles read for the forms of a word.
const FORM_ARTICLES: usize = 5;
/// Indexed words near a misspelt one that are looked up as articles write them.
const STEMS_WRITTEN_OUT: usize = 8;
/// Most meanings kept for a misspelt word.
const MAX_MEANT: usize = 4;
/// Longest Han run whose parts [`Speller::han_run_slips`] tries.
const MAX_RUN_CHARS: usize = 8;
/// Most changes of a Han run weighed (each is a search).
const MAX_RUN_SLIPS: usize = 16;
/// Words up to this long may be one letter off; longer ones two.
const ONE_EDIT_UP_TO: usize = 5;

/// The byte ranges of the words of a query's text (a word or a phrase) that may be
/// misspelt: runs of at least [`MIN_LETTERS`] ASCII letters, not glued to a digit (`5G`,
/// `H20`: model names).
pub fn plain_words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_alphabetic(), run) {
            (true, None) => run = Some(i),
            (false, Some(from)) => {
                let glued = |at: Option<char>| at.is_some_and(|c| c.is_ascii_digit());
                let before = text[..from].chars().next_back();
                if i - from >= MIN_LETTERS && !glued(before) && !glued(Some(c)) {
                    out.push(from..i);
                }
                run = None;
            }
            _ => {}
        }
    }
    out
}

/// Every word one edit from the lower-case ASCII word `word`: a letter left out, two side
/// by side swapped, one replaced, one put in.
fn one_edit(word: &str) -> Vec<String> {
    let b = word.as_bytes();
    let mut out = Vec::new();
    let with = |parts: &[&[u8]]| String::from_utf8(parts.concat()).ok();
    for i in 0..=b.len() {
        let (head, tail) = b.split_at(i);
        if let Some((&first, rest)) = tail.split_first() {
            out.extend(with(&[head, rest]));
            if let Some((&second, after)) = rest.split_first() {
                out.extend(with(&[head, &[second, first], after]));
            }
            for c in (b'a'..=b'z').filter(|&c| c != first) {
                out.extend(with(&[head, &[c], rest]));
            }
        }
        for c in b'a'..=b'z' {
            out.extend(with(&[head, &[c], tail]));
        }
    }
    out
}

/// Whether [`Speller::han_run_slips`] tries `text`: a Han run of two to
/// [`MAX_RUN_CHARS`] characters.
pub fn run_may_slip(text: &str) -> bool {
    (2..=MAX_RUN_CHARS).contains(&text.chars().count()) && text.chars().all(is_han)
}

/// Finds the closest indexed words of a searcher.
pub struct Speller<'a> {
    pub searcher: &'a Searcher,
    pub fields: Fields,
    pub norm: WordNormalizer,
}

impl Speller<'_> {
    /// The words of the query's words and phrases (not those it leaves out, nor filter
    /// values) that no article holds, each with the words articles write that it may have
    /// been meant as, best first. `text_of` gives an article's text by address, to find the
    /// forms it writes a word in.
    pub fn misspelt(
        &mut self,
        lexemes: &[Lex],
        text_of: &dyn Fn(tantivy::DocAddress) -> Option<String>,
    ) -> Vec<Misspelt> {
        let mut out = Vec::new();
        for (at, lexeme) in lexemes.iter().enumerate() {
            let Lex::Atom {
                neg: false,
                atom: Atom::Words(text) | Atom::Phrase(text),
            } = lexeme
            else {
                continue;
            };
            for range in plain_words(text) {
                let typed = &text[range.clone()];
                let meant = self.candidates(typed, text_of);
                if !meant.is_empty() {
                    out.push(Misspelt {
                        lexeme: at,
                        range,
                        meant,
                    });
                }
            }
        }
        out
    }

    /// What a character of a Chinese query that no article holds may be a slip for
    /// (`养老服物`: 服 stands alone, where 物 was typed for 务), in a token's `text`,
    /// simplified, cut by the search into `words`: for the first such character, the pairs it
    /// forms with a neighbouring character and the runs it forms with a neighbouring word,
    /// each with one character replaced so that it is an indexed word (`服物` → `服务`, `老服`
    /// → `老师`, `订单斑` → `订单班`), as (range in `text`, new text). The caller weighs
    /// them in their context.
    pub fn han_slips(&self, text: &str, words: &[String]) -> Vec<(Range<usize>, String)> {
        if words.concat() != text {
            return Vec::new();
        }
        let mut at = 0;
        for (k, word) in words.iter().enumerate() {
            let start = at;
            at += word.len();
            if word.chars().count() != 1 || self.df(word) > 0 {
                continue;
            }
            // The character with its neighbour (either may be the slip: 服 stands alone in
            // 养老服物 because 物 was typed for 务), or with the whole word before or after
            // it (订单斑 → 订单班, where 单班 is no word).
            let n = |c: char| c.len_utf8();
            let mut windows: Vec<(Range<usize>, usize)> = Vec::new();
            if let Some(prev) = k.checked_sub(1).map(|p| &words[p]) {
                let last = prev.chars().next_back().map_or(0, n);
                windows.push((start - last..at, 1));
                windows.push((start - last..at, 0));
                if prev.chars().count() > 1 {
                    windows.push((start - prev.len()..at, prev.chars().count()));
                }
            }
            if let Some(next) = words.get(k + 1) {
                let first = next.chars().next().map_or(0, n);
                windows.push((start..at + first, 0));
                windows.push((start..at + first, 1));
                if next.chars().count() > 1 {
                    windows.push((start..at + next.len(), 0));
                }
            }
            let mut out = Vec::new();
            for (range, wrong) in windows {
                for word in self.han_neighbours(&text[range.clone()], wrong) {
                    out.push((range.clone(), word));
                }
            }
            return out;
        }
        Vec::new()
    }

    /// What a Han run that no article holds may be a slip for when every character of it is
    /// common (`双高计化`, `技能人材`, `冷连物流`: 化, 材 and 连 are everywhere): each part
    /// of the run two characters long or more that, with one character replaced, is an
    /// indexed word (`计化` → `计划`, `人材` → `人才`), as (range in `text`, new text);
    /// longer parts first, at most [`MAX_RUN_SLIPS`]. The caller keeps only changes whose
    /// whole run articles hold.
    pub fn han_run_slips(&self, text: &str) -> Vec<(Range<usize>, String)> {
        if !run_may_slip(text) {
            return Vec::new();
        }
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        let at = |k: usize| starts.get(k).copied().unwrap_or(text.len());
        let mut out: Vec<(Range<usize>, String)> = Vec::new();
        for len in (2..=n).rev() {
            for first in 0..=n - len {
                let range = at(first)..at(first + len);
                let window = &text[range.clone()];
                let mut found: Vec<(String, u64)> = self
                    .near(window, 1, false, &|word| {
                        word.chars().count() == len
                            && word.chars().all(is_han)
                            && word
                                .chars()
                                .zip(window.chars())
                                .filter(|(a, b)| a != b)
                                .count()
                                == 1
                    })
                    .into_iter()
                    .collect();
                found.sort_by(|(a, fa), (b, fb)| fb.cmp(fa).then(a.cmp(b)));
                out.extend(
                    (found.into_iter().take(MAX_MEANT)).map(|(word, _)| (range.clone(), word)),
                );
                if out.len() >= MAX_RUN_SLIPS {
                    out.truncate(MAX_RUN_SLIPS);
                    return out;
                }
            }
        }
        out
    }

    /// The indexed words that are `window` with its `wrong`-th character replaced, the
    /// most common first; at most [`MAX_MEANT`].
    fn han_neighbours(&self, window: &str, wrong: usize) -> Vec<String> {
        let keep: Vec<char> = window.chars().collect();
        let found = self.near(window, 1, false, &|word| {
            let chars: Vec<char> = word.chars().collect();
            chars.len() == keep.len()
                && chars.iter().all(|c| is_han(*c))
                && (0..keep.len()).all(|i| (i == wrong) != (chars[i] == keep[i]))
        });
        let mut words: Vec<(String, u64)> = found.into_iter().collect();
        words.sort_by(|(a, fa), (b, fb)| fb.cmp(fa).then(a.cmp(b)));
        words.into_iter().take(MAX_MEANT).map(|(w, _)| w).collect()
    }

    /// The indexed words (title and body) at most `edits` edits from `word` that `keep`
    /// takes, with how many articles hold each.
    fn near(
        &self,
        word: &str,
        edits: u8,
        swap_is_one: bool,
        keep: &dyn Fn(&str) -> bool,
    ) -> HashMap<String, u64> {
        let mut found: HashMap<String, u64> = HashMap::new();
        for field in self.fields.text() {
            let query = FuzzyTermQuery::new(Term::from_field_text(field, word), edits, swap_is_one);
            let Ok(automaton) = query.automaton() else {
                return found;
            };
            for segment in self.searcher.segment_readers() {
                let Ok(inverted) = segment.inverted_index(field) else {
                    continue;
                };
                let Ok(mut stream) = inverted.terms().search(&automaton).into_stream() else {
                    continue;
                };
                while stream.advance() {
                    if let Ok(w) = std::str::from_utf8(stream.key())
                        && keep(w)
                    {
                        *found.entry(w.to_string()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
            }
        }
        found
    }

    /// How many articles hold `word` (an indexed form) in the title or the body.
    fn df(&self, word: &str) -> u64 {
        (self.fields.text().iter())
            .map(|f| {
                self.searcher
                    .doc_freq(&Term::from_field_text(*f, word))
                    .unwrap_or(0)
            })
            .sum()
    }

    /// The words articles write that `typed` may have been meant as, when no article holds
    /// it: the indexed words one or two edits from its stem, each as articles write it, the
    /// fewest edits from what was typed first, then the most common; at most
    /// [`MAX_MEANT`].
    fn candidates(
        &mut self,
        typed: &str,
        text_of: &dyn Fn(tantivy::DocAddress) -> Option<String>,
    ) -> Vec<String> {
        let lower = typed.to_ascii_lowercase();
        let stem = self.norm.normalize(&lower);
        // A place the corpus does not name is no misspelling of one it does (`Hainan` is
        // not `Jinan`), nor a word of a term searched in both languages (`cold` of `cold
        // chain`, which finds 冷链).
        if stem.is_empty() || self.df(&stem) > 0 || is_place_word(&lower) || is_term_word(&lower) {
            return Vec::new();
        }
        let edits = if lower.len() <= ONE_EDIT_UP_TO { 1 } else { 2 };
        let mut found = self.near(&stem, edits, true, &|w| {
            w.bytes().all(|b| b.is_ascii_lowercase())
        });
        // Words one letter from what was typed, stemmed: a slip can put the stem further
        // off than the word (`robtics` stems to `robtic`, three edits from `robot`, while
        // `robotics` is one letter away). They rank as one edit away.
        let mut one_letter_off: Vec<String> = Vec::new();
        for variant in one_edit(&lower) {
            let s = self.norm.normalize(&variant);
            if s.len() > 1 && !found.contains_key(&s) && !one_letter_off.contains(&s) {
                let df = self.df(&s);
                if df > 0 {
                    found.insert(s.clone(), df);
                    one_letter_off.push(s);
                }
            }
        }
        // The stems nearest to the typed one, then the most common, are written out; they are
        // then ranked by how far what was typed is from what articles write (`traning` is
        // nearer `training` than `trades`, though its stem `tran` is nearer `trade`).
        let mut stems: Vec<(String, u64)> = found.into_iter().collect();
        stems.sort_by(|(a, fa), (b, fb)| {
            let d = |w: &str| {
                let off = strsim::osa_distance(&stem, w);
                if one_letter_off.iter().any(|o| o == w) {
                    off.min(1)
                } else {
                    off
                }
            };
            (d(a), std::cmp::Reverse(*fa), a.as_str()).cmp(&(
                d(b),
                std::cmp::Reverse(*fb),
                b.as_str(),
            ))
        });
        let mut written: Vec<(usize, u64, String)> = Vec::new();
        for (candidate, df) in stems.into_iter().take(STEMS_WRITTEN_OUT) {
            let form = self
                .written_form(&candidate, &lower, text_of)
                .unwrap_or(candidate);
            if !written.iter().any(|(_, _, w)| *w == form) {
                written.push((strsim::osa_distance(&lower, &form), df, form));
            }
        }
        // Places and terms named in the other language only are in no English term
        // dictionary (`Jinann` for 济南, `colt chain` for 冷链): their names are candidates
        // too, after the corpus's words.
        let edits = usize::from(edits);
        for name in place_names_near(&lower, edits)
            .into_iter()
            .chain(term_words_near(&lower, edits))
        {
            if !written.iter().any(|(_, _, w)| w == name) {
                written.push((strsim::osa_distance(&lower, name), 0, name.to_string()));
            }
        }
        written.sort_by_key(|w| (w.0, std::cmp::Reverse(w.1)));
        (written.into_iter().take(MAX_MEANT))
            .map(|(_, _, w)| same_case(typed, &w))
            .collect()
    }

    /// How articles write the indexed word `stem`: of its forms in the first few articles
    /// that hold it, the one nearest to `typed` (`robotics` rather than `robot` for
    /// `robtics`).
    fn written_form(
        &mut self,
        stem: &str,
        typed: &str,
        text_of: &dyn Fn(tantivy::DocAddress) -> Option<String>,
    ) -> Option<String> {
        let mut addrs = Vec::new();
        for f in self.fields.text() {
            let q = TermQuery::new(Term::from_field_text(f, stem), IndexRecordOption::Basic);
            let top = TopDocs::with_limit(FORM_ARTICLES).order_by_score();
            for (_, addr) in self.searcher.search(&q, &top).unwrap_or_default() {
                if !addrs.contains(&addr) {
                    addrs.push(addr);
                }
            }
        }
        let text: String = (addrs.into_iter().take(FORM_ARTICLES))
            .filter_map(text_of)
            .collect::<Vec<_>>()
            .join("\n");
        let mut best: Option<(usize, String)> = None;
        for word in text.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.is_empty() {
                continue;
            }
            let lower = word.to_ascii_lowercase();
            if self.norm.normalize(&lower) != stem {
                continue;
            }
            let d = strsim::osa_distance(typed, &lower);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, lower));
            }
        }
        best.map(|(_, w)| w)
    }
}

/// A word of a query that no article holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelt {
    /// Which of the query's tokens holds it.
    pub lexeme: usize,
    /// Where in that token's text.
    pub range: Range<usize>,
    /// What it may have been meant as, best first; never empty.
    pub meant: Vec<String>,
}

/// `lexemes` with each misspelt word put as its `choice`-th meaning (`choice[i]` for
/// `misspelt[i]`).
pub fn put_right(lexemes: &[Lex], misspelt: &[Misspelt], choice: &[usize]) -> Vec<Lex> {
    let mut out = lexemes.to_vec();
    // From the end of each text, so that the ranges before stay where they were.
    for (m, &c) in misspelt.iter().zip(choice).rev() {
        if let Some(Lex::Atom {
            atom: Atom::Words(text) | Atom::Phrase(text),
            ..
        }) = out.get_mut(m.lexeme)
            && let Some(word) = m.meant.get(c)
            && text.get(m.range.clone()).is_some()
        {
            text.replace_range(m.range.clone(), word);
        }
    }
    out
}

/// `word` written in the case of `typed`: all capitals, a capital first, or as it is.
fn same_case(typed: &str, word: &str) -> String {
    let upper = |c: char| c.is_ascii_uppercase();
    if typed.len() > 1 && typed.chars().all(upper) {
        word.to_ascii_uppercase()
    } else if typed.chars().next().is_some_and(upper) {
        let mut out = word.to_string();
        if let Some(first) = out.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        out
    } else {
        word.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<&str> {
        plain_words(q).into_iter().map(|r| &q[r]).collect()
    }

    #[test]
    fn plain_words_are_long_enough_and_not_model_names() {
        assert_eq!(words("smart manufacturng AI"), ["smart", "manufacturng"]);
        assert_eq!(words("产教融合robtos 5G H20 chips"), ["robtos", "chips"]);
        assert_eq!(words("low-carbon"), ["carbon"]);
    }

    #[test]
    fn one_edit_makes_every_word_a_letter_away() {
        let all = one_edit("robtics");
        for meant in ["robotics", "robtic", "rbotics", "robtice"] {
            assert!(all.iter().any(|w| w == meant), "{meant}");
        }
        assert!(all.iter().all(|w| strsim::osa_distance(w, "robtics") == 1));
        // Deletions, swaps, replacements and insertions: 3 + 2 + 3·25 + 4·26.
        assert_eq!(one_edit("abc").len(), 3 + 2 + 75 + 104);
    }

    #[test]
    fn same_case_follows_what_was_typed() {
        assert_eq!(same_case("Robtos", "robots"), "Robots");
        assert_eq!(same_case("ROBTOS", "robots"), "ROBOTS");
        assert_eq!(same_case("robtos", "robots"), "robots");
    }
}
