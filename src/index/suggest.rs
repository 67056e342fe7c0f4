//! What a search that finds nothing offers instead: the query with its misspelt English
//! words (`robtos` → `robots`) and Chinese characters typed for others (`养老服物` →
//! `养老服务`) put right, else, or then, without the words that no article holds with the
//! others (`how do colleges train welders` → `colleges train welders`).
//! Only a query that finds articles with the same filters is offered; when none does and
//! the search has filters, what the words put right find without them is said instead.

use tantivy::Searcher;

use super::analyzer::WordNormalizer;
use super::query::{self, Atom, Lex};
use super::search::{SearchRequest, Unfiltered};
use super::spelling::{Misspelt, Speller, put_right, run_may_slip};
use super::{Index, IndexError};
use crate::filter::Filter;
use crate::state::Marks;
use crate::text::is_han;

/// Most searches with all the filters that leaving words out may take.
const MAX_COUNTS: usize = 12;

/// Another query for one that found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The query offered, written as the search reads it.
    pub query: String,
    /// How many articles it finds with the same filters.
    pub total: usize,
    /// The words and phrases of the query it leaves out, as typed.
    pub left_out: Vec<String>,
}

/// What a search that found nothing offers.
#[derive(Debug, Default)]
pub(super) struct Offers {
    /// Another query, with the same filters.
    pub suggestion: Option<Suggestion>,
    /// When there is none and the search has filters: the words put right, and what they
    /// find without the filters.
    pub put_right_alone: Option<Unfiltered>,
}

impl Offers {
    /// Another query, or nothing, to offer.
    fn of(suggestion: Option<Suggestion>) -> Offers {
        Offers {
            suggestion,
            put_right_alone: None,
        }
    }
}

impl Index {
    /// What to offer for `req`, which found nothing.
    pub(super) fn offers(
        &self,
        searcher: &Searcher,
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<Offers, IndexError> {
        let Ok(typed) = query::lexemes(&req.query) else {
            return Ok(Offers::default());
        };
        let mut speller = Speller {
            searcher,
            fields: self.fields,
            norm: WordNormalizer::default(),
        };
        let text_of = |addr| {
            let article = self.load(searcher, addr).ok()??;
            Some(format!("{}\n{}", article.title, article.body))
        };
        let mut misspelt = speller.misspelt(&typed, &text_of);
        for (at, lexeme) in typed.iter().enumerate() {
            if let Lex::Atom {
                neg: false,
                atom: Atom::Words(text) | Atom::Phrase(text),
            } = lexeme
                && !text.is_empty()
                && text.chars().all(is_han)
            {
                misspelt.extend(self.han_slip(searcher, &speller, at, text));
            }
        }
        if misspelt.is_empty() {
            let suggestion = self.with_fewer_words(searcher, &typed, &typed, req, marks)?;
            return Ok(Offers::of(suggestion));
        }
        // The best meaning of each word; when together they find nothing, each word's next
        // meanings in turn, the others kept (`cold chian`: not `china` but `chain`).
        let choice = vec![0; misspelt.len()];
        let mut tries = vec![choice.clone()];
        for (i, m) in misspelt.iter().enumerate() {
            tries.extend((1..m.meant.len()).map(|c| {
                let mut other = choice.clone();
                other[i] = c;
                other
            }));
        }
        for t in &tries {
            let lexemes = put_right(&typed, &misspelt, t);
            let query = query::written(&lexemes);
            let total = self.count(query.clone(), &req.filter, marks)?;
            if total > 0 {
                return Ok(Offers::of(Some(Suggestion {
                    query,
                    total,
                    left_out: Vec::new(),
                })));
            }
        }
        let lexemes = put_right(&typed, &misspelt, &choice);
        let suggestion = self.with_fewer_words(searcher, &lexemes, &typed, req, marks)?;
        let filtered =
            !req.filter.is_empty() || typed.iter().any(|l| matches!(l, Lex::Field { .. }));
        if suggestion.is_some() || !filtered {
            return Ok(Offers::of(suggestion));
        }
        // Nothing with the filters: the same meanings, without them and the reader's marks.
        for t in &tries {
            let Some(words) = query::words_only(put_right(&typed, &misspelt, t)) else {
                continue;
            };
            let words = query::written(&words);
            let total = self.count(words.clone(), &Filter::default(), None)?;
            if total > 0 {
                return Ok(Offers {
                    suggestion: None,
                    put_right_alone: Some(Unfiltered {
                        total,
                        query: Some(words),
                    }),
                });
            }
        }
        Ok(Offers::default())
    }

    /// A character typed for another in `text`, the Han run of token `at`: of the changes
    /// [`Speller::han_slips`] finds (or, for a run that no article holds though each of its
    /// characters is common, [`Speller::han_run_slips`]), the one whose whole run the most
    /// articles hold
    /// (职业教育 rather than 职业教师, though 教师 alone may be the commoner), with the
    /// others at its place as its next meanings.
    fn han_slip(
        &self,
        searcher: &Searcher,
        speller: &Speller,
        at: usize,
        text: &str,
    ) -> Option<Misspelt> {
        // A run that articles hold is no slip, though a character of it may stand alone
        // nowhere (济 of 济南 is never cut alone: 济南 is not 东南).
        if self.count_words(searcher, text) > 0 {
            return None;
        }
        let words = self.han_words(searcher, text);
        // How many articles hold `text` with `range` changed to `word`: its words anywhere,
        // or with `phrase`, side by side as written.
        let count = |range: &std::ops::Range<usize>, word: &str, phrase: bool| {
            let fixed = changed(text, range, word);
            let query = if phrase {
                format!("\"{fixed}\"")
            } else {
                fixed
            };
            self.count_words(searcher, &query)
        };
        // Changes are weighed by the articles that write the changed run as a whole, its
        // words side by side; a change to a run of common characters is taken only so
        // (with its words anywhere, `数字化转型专业` would be offered as `数字化大型专业`).
        // Only when none is written so is a lone character's change weighed by the
        // articles that hold its words anywhere.
        let mut changes: Vec<(std::ops::Range<usize>, String, bool)> =
            (speller.han_slips(text, &words).into_iter())
                .map(|(range, word)| (range, word, true))
                .collect();
        if run_may_slip(text) {
            changes.extend((speller.han_run_slips(text).into_iter()).map(|(r, w)| (r, w, false)));
            let mut seen = std::collections::HashSet::new();
            changes.retain(|(range, word, _)| seen.insert((range.start, range.end, word.clone())));
        }
        let mut slips: Vec<(usize, std::ops::Range<usize>, String)> = (changes.iter())
            .map(|(range, word, _)| (count(range, word, true), range.clone(), word.clone()))
            .filter(|(n, ..)| *n > 0)
            .collect();
        if slips.is_empty() {
            // The changed word must still be written beside a word next to it, or the
            // change is a guess (`校企链条` is not `校企一条` because an article holds 校企
            // and 一条 apart; `养老服物人才` is `养老服务人才`, as articles write 养老服务).
            let beside = |range: &std::ops::Range<usize>, word: &str| {
                let sides = beside_words(&words, range);
                sides.is_empty()
                    || sides.iter().any(|side| {
                        let at = range.start - side.start..range.end - side.start;
                        let local = changed(&text[side.clone()], &at, word);
                        self.count_words(searcher, &format!("\"{local}\"")) > 0
                    })
            };
            // Counted with its words anywhere before it is checked beside its neighbour:
            // that is cheaper, and most changes find nothing so.
            slips = (changes.into_iter())
                .filter(|(.., lone)| *lone)
                .map(|(range, word, _)| (count(&range, &word, false), range, word))
                .filter(|(n, range, word)| *n > 0 && beside(range, word))
                .collect();
        }
        slips.sort_by_key(|s| std::cmp::Reverse(s.0));
        let range = slips.first()?.1.clone();
        let meant = (slips.into_iter())
            .filter(|(_, r, _)| *r == range)
            .map(|(_, _, pair)| pair)
            .collect();
        Some(Misspelt {
            lexeme: at,
            range,
            meant,
        })
    }

    /// The tokens, each with the name it is left out by, with each run of Han text cut into
    /// its words, as if typed apart (Chinese needs no spaces, so a question typed as one run
    /// would otherwise be one word that cannot lose a part). A token is named as `typed`
    /// has it (`typed[i]` for `lexemes[i]`), a word cut from a run as it is.
    fn han_apart(&self, searcher: &Searcher, lexemes: &[Lex], typed: &[Lex]) -> Vec<Part> {
        let mut out = Vec::with_capacity(lexemes.len());
        for (at, (lexeme, as_typed)) in lexemes.iter().zip(typed).enumerate() {
            if let Lex::Atom {
                neg: false,
                atom: Atom::Words(text),
            } = lexeme
                && text.chars().all(is_han)
            {
                // A run that articles hold stays whole: only one that none holds can be
                // a question to take apart.
                let words = self.han_words(searcher, text);
                if words.len() > 1 && self.count_words(searcher, text) == 0 {
                    out.extend(words.into_iter().map(|w| Part {
                        name: w.clone(),
                        stray: w.chars().count() == 1,
                        run: Some((at, as_typed.shown())),
                        lexeme: Lex::Atom {
                            neg: false,
                            atom: Atom::Words(w),
                        },
                    }));
                    continue;
                }
            }
            out.push(Part {
                lexeme: lexeme.clone(),
                name: as_typed.shown(),
                stray: false,
                run: None,
            });
        }
        out
    }

    /// The query without the fewest of its words and phrases that lets it find articles:
    /// first those no article holds, then one more at a time, the most common that will do.
    /// Exclusions and filters stay. `None` for a query of fewer than two of them, or one
    /// joined by `OR` (which asks for any of them already).
    fn with_fewer_words(
        &self,
        searcher: &Searcher,
        lexemes: &[Lex],
        typed: &[Lex],
        req: &SearchRequest,
        marks: Option<&std::sync::Arc<Marks>>,
    ) -> Result<Option<Suggestion>, IndexError> {
        if lexemes.iter().any(|l| matches!(l, Lex::Or)) {
            return Ok(None);
        }
        let parts = self.han_apart(searcher, lexemes, typed);
        let lexemes: Vec<Lex> = parts.iter().map(|p| p.lexeme.clone()).collect();
        let looked_for: Vec<usize> = (lexemes.iter().enumerate())
            .filter(|(_, l)| matches!(l, Lex::Atom { neg: false, .. }))
            .map(|(i, _)| i)
            .collect();
        if looked_for.len() < 2 {
            return Ok(None);
        }
        // How many articles hold each alone, whatever the filters; a stray character counts
        // as none, so that it goes first (`职业教育数字化专业` is not offered as `职业教育 化
        // 专业`, nor `区块链` as `链`).
        let mut held: Vec<(usize, usize)> = (looked_for.iter())
            .map(|&i| match parts.get(i) {
                Some(p) if p.stray => (i, 0),
                _ => (i, self.count_words(searcher, &lexemes[i].shown())),
            })
            .collect();
        // Rarest last; on a tie the later one goes first.
        held.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut out: Vec<usize> = Vec::new();
        while let Some(&(_, n)) = held.last() {
            if n > 0 {
                break;
            }
            out.extend(held.pop().map(|(i, _)| i));
        }
        let offer = |out: &[usize]| -> Result<Option<Suggestion>, IndexError> {
            let kept: Vec<Lex> = (lexemes.iter().enumerate())
                .filter(|(i, _)| !out.contains(i))
                .map(|(_, l)| l.clone())
                .collect();
            let query = query::written(&kept);
            let total = self.count(query.clone(), &req.filter, marks)?;
            let mut named = out.to_vec();
            named.sort_unstable();
            Ok((total > 0).then(|| Suggestion {
                query,
                total,
                left_out: left_out_names(&parts, &named),
            }))
        };
        if !out.is_empty()
            && !held.is_empty()
            && let Some(s) = offer(&out)?
        {
            return Ok(Some(s));
        }
        // One more word out: the most common one whose leaving finds something, as the rare
        // words say most of what is looked for; when none does, the rarest goes, and the
        // next round tries again without it.
        let mut counts = MAX_COUNTS;
        while held.len() > 1 && counts > 0 {
            for &(i, _) in &held {
                if counts == 0 {
                    break;
                }
                counts -= 1;
                let mut trial = out.clone();
                trial.push(i);
                if let Some(s) = offer(&trial)? {
                    return Ok(Some(s));
                }
            }
            out.extend(held.pop().map(|(i, _)| i));
        }
        Ok(None)
    }
}

/// `text` with the bytes at `range` replaced by `word`.
fn changed(text: &str, range: &std::ops::Range<usize>, word: &str) -> String {
    let mut out = text.to_string();
    out.replace_range(range.clone(), word);
    out
}

/// A token of a query with each Han run that no article holds cut into its words.
struct Part {
    lexeme: Lex,
    /// What it is called when left out: as typed, or a word cut from a run as it is.
    name: String,
    /// A single character cut from a longer run (`化` of `数字化`): alone it says nothing.
    stray: bool,
    /// For a word cut from a run: the run's place among the tokens, and the run as typed.
    run: Option<(usize, String)>,
}

/// The names of the parts at `out` (in order): a run whose every word is left out named
/// once, as typed (`济南`, not `济`, `南`), and neighbouring words of a run that are left out
/// together named as one stretch (`如何开展`, not `如`, `何`, `开`, `展`).
fn left_out_names(parts: &[Part], out: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut runs_named: Vec<usize> = Vec::new();
    let in_run = |i: usize, run: usize| {
        (parts.get(i)).is_some_and(|p| p.run.as_ref().is_some_and(|(r, _)| *r == run))
    };
    let mut k = 0;
    while let Some(&i) = out.get(k) {
        k += 1;
        let Some(part) = parts.get(i) else { continue };
        let Some((run, typed)) = &part.run else {
            names.push(part.name.clone());
            continue;
        };
        let whole = (0..parts.len())
            .filter(|&p| in_run(p, *run))
            .all(|p| out.contains(&p));
        if whole {
            if !runs_named.contains(run) {
                runs_named.push(*run);
                names.push(typed.clone());
            }
            continue;
        }
        let mut name = part.name.clone();
        let mut last = i;
        while let Some(&next) = out.get(k).filter(|&&n| n == last + 1 && in_run(n, *run)) {
            name.push_str(&parts[next].name);
            last = next;
            k += 1;
        }
        names.push(name);
    }
    names
}

/// The stretches of a run that hold the changed `range` and the whole word before it, or
/// the whole word after it, where `words` are the run's words in order (none when the
/// change takes the whole run). Byte offsets into the run.
fn beside_words(words: &[String], range: &std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut starts = Vec::with_capacity(words.len());
    let mut at = 0;
    for w in words {
        starts.push(at);
        at += w.len();
    }
    let end = at;
    let mut out = Vec::new();
    if let Some(&before) = starts.iter().rev().find(|&&s| s < range.start) {
        out.push(before..range.end);
    }
    // Where the next word after the change ends: the first word boundary past the change
    // that is past a word start at or after it.
    let bounds = || starts.iter().copied().chain([end]);
    if let Some(next) = bounds().find(|&s| s >= range.end && s < end)
        && let Some(next_end) = bounds().find(|&e| e > next)
    {
        out.push(range.start..next_end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(name: &str, run: Option<usize>) -> Part {
        Part {
            lexeme: Lex::Atom {
                neg: false,
                atom: Atom::Words(name.to_string()),
            },
            name: name.to_string(),
            stray: name.chars().count() == 1,
            run: run.map(|r| (r, "typed".to_string())),
        }
    }

    #[test]
    fn words_of_a_run_left_out_side_by_side_are_named_together() {
        // 职业院校如何开展产教融合 cut into words, then 重庆 typed apart.
        let parts: Vec<Part> = (["职业院校", "如", "何", "开", "展", "产教融合"].iter())
            .map(|w| word(w, Some(0)))
            .chain([word("重庆", None)])
            .collect();
        assert_eq!(left_out_names(&parts, &[1, 2, 3, 4]), ["如何开展"]);
        assert_eq!(left_out_names(&parts, &[1, 3, 6]), ["如", "开", "重庆"]);
        assert_eq!(
            left_out_names(&parts, &[0, 2, 3, 6]),
            ["职业院校", "何开", "重庆"]
        );
        assert_eq!(left_out_names(&parts, &[0, 1, 2, 3, 4, 5]), ["typed"]);
    }

    #[test]
    fn the_words_beside_a_change() {
        let words: Vec<String> = ["养老", "服", "物", "人才"].map(String::from).into();
        // 服物 (bytes 6..12): with 养老 before it, with 人才 after it.
        assert_eq!(beside_words(&words, &(6..12)), vec![0..12, 6..18]);
        // At the start: only the word after; the whole run: nothing.
        assert_eq!(beside_words(&words, &(0..9)), vec![0..12]);
        assert_eq!(
            beside_words(&words, &(0..18)),
            Vec::<std::ops::Range<usize>>::new()
        );
    }
}
