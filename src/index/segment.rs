//! Query-side analysis without jieba's dictionary.
//!
//! Loading jieba takes 100–300 ms, too slow for a query from a fresh process. The index's
//! own term dictionary already holds every word jieba cut from the corpus, with its document
//! frequency: a Han run of the query is cut into the sequence of indexed words that is most
//! probable under a unigram model of those frequencies (the same model jieba uses, with the
//! corpus as its dictionary).
//!
//! jieba keeps some words whole: `冷链物流` is one word, and search mode adds only the
//! pieces its dictionary knows (`物流`), so where `冷链` occurs inside `冷链物流` the index
//! does not hold it. So an indexed word is also looked for inside the longer words that
//! hold it, unless the index cuts it out of them; and a run that falls apart (a character
//! that is no word, or a single character beside other text) is cut a second time with one
//! more kind of piece, text inside indexed words, which matches any of the words that hold
//! it. Both readings are searched when the plain one could match.

use super::analyzer::{WordNormalizer, pieces};
use crate::text::to_simplified;

/// Longest word, in characters, looked up in the term dictionary.
const MAX_WORD_CHARS: usize = 16;
/// How much less likely (natural log) a piece found inside longer words is than an indexed
/// word of the same document frequency.
const INSIDE_PENALTY: f64 = 1.0;
/// How much less likely than the rarest possible word a single character is when it is no
/// word of the index, or, on the second cut, when it is one but a longer piece could cover it.
const STRAY_PENALTY: f64 = 5.0;

/// What the query analyzer needs to know about the index.
pub trait Vocabulary {
    /// The number of documents.
    fn docs(&self) -> u64;
    /// The number of documents that hold `word` (0 when the index does not).
    fn df(&mut self, word: &str) -> u64;
    /// The indexed Han words that contain at least one of `keys`, each once, with their
    /// document frequencies. Extra words do no harm; a missing one is lost recall.
    fn words_holding(&mut self, keys: &[String]) -> Vec<(String, u64)>;
    /// Whether every document that holds `holder` also holds `word`, which it contains: then
    /// the index cuts `word` out of `holder` wherever it occurs, and `holder` need not be
    /// looked for when `word` is.
    fn cut_out_of(&mut self, word: &str, holder: &str) -> bool;
}

/// An indexed word that holds a query piece, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub word: String,
    /// Characters before the piece within the word.
    pub offset: usize,
    pub df: u64,
}

/// How a query term is found in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// It is an indexed word (or a word the index does not hold, which then matches nothing).
    Word,
    /// It lies inside the words of `holders` (most frequent first), which the index does not
    /// cut it out of. `word`: it is also an indexed word of its own. `chars_indexed`: each
    /// of its characters is an indexed word, so the text can also hold it as single
    /// characters side by side.
    Inside {
        word: bool,
        holders: Vec<Holder>,
        chars_indexed: bool,
    },
}

/// A query term and its position (alphanumeric characters from the start of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub text: String,
    pub position: usize,
    pub han: bool,
    pub lookup: Lookup,
}

impl QueryTerm {
    /// The term for a log line: its text, and how many words hold it when it is looked for
    /// inside them.
    pub fn summary(&self) -> String {
        match &self.lookup {
            Lookup::Word => self.text.clone(),
            Lookup::Inside { holders, .. } => format!("{} (in {} words)", self.text, holders.len()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Inside,
    Stray,
}

/// Indexed words that hold pieces of the query.
struct Holders {
    words: Vec<(String, u64)>,
}

impl Holders {
    /// The summed document frequencies of the longer words that hold `piece` (an upper
    /// bound on the documents that hold it inside one).
    fn weight(&self, piece: &str) -> u64 {
        self.words
            .iter()
            .filter(|(w, _)| w.len() > piece.len() && w.contains(piece))
            .map(|(_, df)| df)
            .sum()
    }

    /// Every occurrence of `piece` inside a longer word, most frequent words first.
    fn holding(&self, piece: &str) -> Vec<Holder> {
        let mut out: Vec<Holder> = Vec::new();
        for (w, df) in &self.words {
            if w.len() <= piece.len() {
                continue;
            }
            for (at, _) in w.match_indices(piece) {
                out.push(Holder {
                    word: w.clone(),
                    offset: w[..at].chars().count(),
                    df: *df,
                });
            }
        }
        out.sort_by(|a, b| {
            b.df.cmp(&a.df)
                .then_with(|| a.word.cmp(&b.word))
                .then(a.offset.cmp(&b.offset))
        });
        out
    }
}

/// One Han run of the query, with the document frequencies of its substrings looked up once.
struct Run<'a> {
    text: &'a str,
    /// Byte offset of each character, and the end.
    bytes: Vec<usize>,
    /// `df[i][k]`: frequency of the `k + 1` characters from `i` (looked up on demand).
    df: Vec<Vec<Option<u64>>>,
}

impl<'a> Run<'a> {
    fn new(text: &'a str) -> Self {
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let len = bytes.len() - 1;
        Run {
            text,
            df: (0..len)
                .map(|i| vec![None; (len - i).min(MAX_WORD_CHARS)])
                .collect(),
            bytes,
        }
    }

    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn slice(&self, i: usize, j: usize) -> &'a str {
        &self.text[self.bytes[i]..self.bytes[j]]
    }

    fn df(&mut self, i: usize, j: usize, vocab: &mut dyn Vocabulary) -> u64 {
        let word = self.slice(i, j);
        let slot = &mut self.df[i][j - i - 1];
        *slot.get_or_insert_with(|| vocab.df(word))
    }

    /// The most probable cut into pieces `(start, end, kind)`, in characters. Without
    /// `holders`, pieces are indexed words or stray characters; with them, also text inside
    /// indexed words, and single characters become a last resort.
    fn cut(
        &mut self,
        vocab: &mut dyn Vocabulary,
        holders: Option<&Holders>,
    ) -> Vec<(usize, usize, Kind)> {
        let len = self.len();
        let total = (vocab.docs().max(1) as f64).ln();
        let stray = -total - STRAY_PENALTY;
        // best[i]: best log-probability of cutting chars i..; next[i]: the first piece.
        let mut best = vec![0f64; len + 1];
        let mut next = vec![(len, Kind::Stray); len + 1];
        for i in (0..len).rev() {
            let mut top = f64::NEG_INFINITY;
            let last = (i + MAX_WORD_CHARS).min(len);
            for (j, &rest) in best.iter().enumerate().take(last + 1).skip(i + 1) {
                let f = self.df(i, j, vocab);
                let single = j == i + 1;
                let (logp, kind) = if f > 0 {
                    let p = if single && holders.is_some() {
                        stray
                    } else {
                        (f as f64).ln() - total
                    };
                    (p, Kind::Word)
                } else {
                    match holders.map(|h| h.weight(self.slice(i, j))) {
                        Some(w) if w > 0 => {
                            ((w as f64).ln() - total - INSIDE_PENALTY, Kind::Inside)
                        }
                        _ if single => (stray, Kind::Stray),
                        _ => continue,
                    }
                };
                let score = logp + rest;
                if score > top {
                    top = score;
                    next[i] = (j, kind);
                }
            }
            best[i] = top;
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < len {
            let (j, kind) = next[i];
            let j = j.max(i + 1);
            out.push((i, j, kind));
            i = j;
        }
        out
    }

    /// Whether the plain cut fell apart: a character that is no word, or a single character
    /// beside other text (the rest of a word the index holds only inside longer ones, as
    /// `成` of `成电路` inside `集成电路`).
    fn fell_apart(cut: &[(usize, usize, Kind)]) -> bool {
        cut.iter().any(|p| p.2 == Kind::Stray)
            || (cut.len() > 1 && cut.iter().any(|p| p.1 - p.0 == 1))
    }

    /// What to look for inside indexed words: each word of two or more characters whole,
    /// and around each single character the pairs it makes with its neighbours (any longer
    /// piece that covers it holds one of them), and the character itself when it is no word.
    fn keys(&self, cut: &[(usize, usize, Kind)]) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for &(i, j, kind) in cut {
            if j - i > 1 {
                keys.push(self.slice(i, j).to_string());
                continue;
            }
            if i > 0 {
                keys.push(self.slice(i - 1, j).to_string());
            }
            if j < self.len() {
                keys.push(self.slice(i, j + 1).to_string());
            }
            if kind == Kind::Stray {
                keys.push(self.slice(i, j).to_string());
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }
}

/// Cuts one Han run into query terms, in one or two readings; `position` is the run's
/// position in the text.
///
/// jieba's search mode adds the 2- and 3-character dictionary words inside a longer word,
/// but a word it found by its statistical model (`冷链` in `冷链运输`) is in no dictionary:
/// the index holds it where it stands alone, and not inside `冷链物流`. So an indexed word
/// is also looked for inside longer words unless the index cuts it out of them.
///
/// When the plain cut falls apart, the run is cut again with pieces inside longer words.
/// Both readings are kept when the plain one could match: `成电路` is `成` + `电路`, or a
/// piece of `集成电路`; `个省份` is `个` + `省份`, or the indexed `个省` + `份` inside `省份`.
fn segment_run(text: &str, position: usize, vocab: &mut dyn Vocabulary) -> Vec<Vec<QueryTerm>> {
    let mut run = Run::new(text);
    let plain = run.cut(vocab, None);
    let fell_apart = Run::fell_apart(&plain);
    if !fell_apart && !plain.iter().any(|p| p.1 - p.0 > 1) {
        return vec![run.terms(&plain, position, None, vocab)];
    }
    let holders = Holders {
        words: vocab.words_holding(&run.keys(&plain)),
    };
    let again = if fell_apart && !holders.words.is_empty() {
        Some(run.cut(vocab, Some(&holders))).filter(|c| *c != plain)
    } else {
        None
    };
    let mut readings = Vec::with_capacity(2);
    // A plain cut with a character that is no word matches nothing.
    if again.is_none() || !plain.iter().any(|p| p.2 == Kind::Stray) {
        readings.push(run.terms(&plain, position, Some(&holders), vocab));
    }
    if let Some(cut) = again {
        readings.push(run.terms(&cut, position, Some(&holders), vocab));
    }
    readings
}

impl Run<'_> {
    /// The query terms of a cut.
    fn terms(
        &mut self,
        cut: &[(usize, usize, Kind)],
        position: usize,
        holders: Option<&Holders>,
        vocab: &mut dyn Vocabulary,
    ) -> Vec<QueryTerm> {
        let mut out = Vec::with_capacity(cut.len());
        for &(i, j, kind) in cut {
            let piece = self.slice(i, j);
            let held = match holders {
                Some(h) if kind == Kind::Inside || (kind == Kind::Word && j - i > 1) => {
                    h.holding(piece)
                }
                _ => Vec::new(),
            };
            let opaque = match held.first() {
                Some(top) => kind == Kind::Inside || !vocab.cut_out_of(piece, &top.word),
                None => false,
            };
            let lookup = if opaque {
                Lookup::Inside {
                    word: kind == Kind::Word,
                    holders: held,
                    chars_indexed: kind == Kind::Inside
                        && j - i > 1
                        && (i..j).all(|c| self.df(c, c + 1, vocab) > 0),
                }
            } else {
                Lookup::Word
            };
            out.push(QueryTerm {
                text: piece.to_string(),
                position: position + i,
                han: true,
                lookup,
            });
        }
        out
    }
}

/// Most readings of one query text (each Han run has one or two); past it, a run's last
/// reading alone is kept.
const MAX_READINGS: usize = 8;

/// Analyzes query text into terms, as the index analyzer would have: one or more readings,
/// each a list of terms; text matches when it matches any reading.
pub fn analyze(
    text: &str,
    vocab: &mut dyn Vocabulary,
    norm: &mut WordNormalizer,
) -> Vec<Vec<QueryTerm>> {
    let folded = to_simplified(text);
    let mut readings: Vec<Vec<QueryTerm>> = vec![Vec::new()];
    for p in pieces(&folded) {
        let mut options = if p.han {
            segment_run(p.text, p.position, vocab)
        } else {
            let w = norm.normalize(p.text);
            if w.is_empty() {
                continue;
            }
            vec![vec![QueryTerm {
                text: w,
                position: p.position,
                han: false,
                lookup: Lookup::Word,
            }]]
        };
        if readings.len() * options.len() > MAX_READINGS {
            options.drain(..options.len() - 1);
        }
        readings = readings
            .iter()
            .flat_map(|r| {
                options.iter().map(move |o| {
                    let mut r = r.clone();
                    r.extend(o.iter().cloned());
                    r
                })
            })
            .collect();
    }
    readings
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A vocabulary from a word list; words in `dict` are cut out of longer words.
    struct Words(Vec<(&'static str, u64)>, Vec<&'static str>);

    impl Vocabulary for Words {
        fn docs(&self) -> u64 {
            1000
        }

        fn df(&mut self, word: &str) -> u64 {
            self.0
                .iter()
                .find(|(w, _)| *w == word)
                .map(|x| x.1)
                .unwrap_or(0)
        }

        fn words_holding(&mut self, keys: &[String]) -> Vec<(String, u64)> {
            self.0
                .iter()
                .filter(|(w, _)| keys.iter().any(|k| w.contains(k.as_str())))
                .map(|(w, df)| (w.to_string(), *df))
                .collect()
        }

        fn cut_out_of(&mut self, word: &str, _holder: &str) -> bool {
            self.1.contains(&word)
        }
    }

    /// The readings of `text`, each as (text, position, inside longer words).
    fn readings(text: &str, vocab: &mut Words) -> Vec<Vec<(String, usize, bool)>> {
        analyze(text, vocab, &mut WordNormalizer::default())
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|t| {
                        let inside = matches!(t.lookup, Lookup::Inside { .. });
                        (t.text, t.position, inside)
                    })
                    .collect()
            })
            .collect()
    }

    /// The one reading of `text`.
    fn cut(text: &str, vocab: &mut Words) -> Vec<(String, usize, bool)> {
        let mut r = readings(text, vocab);
        assert_eq!(r.len(), 1, "{r:?}");
        r.remove(0)
    }

    /// The terms of the one reading of `text`.
    fn terms(text: &str, vocab: &mut Words) -> Vec<QueryTerm> {
        let mut r = analyze(text, vocab, &mut WordNormalizer::default());
        assert_eq!(r.len(), 1, "{r:?}");
        r.remove(0)
    }

    fn s(text: &str, position: usize, inside: bool) -> (String, usize, bool) {
        (text.to_string(), position, inside)
    }

    #[test]
    fn prefers_whole_indexed_words() {
        let mut vocab = Words(
            vec![
                ("产教融合", 50),
                ("产教", 60),
                ("融合", 80),
                ("发展", 90),
                ("职业", 70),
            ],
            vec!["产教", "融合"],
        );
        assert_eq!(
            cut("产教融合发展", &mut vocab),
            [s("产教融合", 0, false), s("发展", 4, false)]
        );
        // A stray character with no word holding it stays a (matchless) word.
        assert_eq!(
            cut("职业X职业", &mut vocab),
            [s("职业", 0, false), s("x", 2, false), s("职业", 3, false)]
        );
        assert_eq!(
            cut("职业山", &mut vocab),
            [s("职业", 0, false), s("山", 2, false)]
        );
    }

    #[test]
    fn unknown_text_falls_back_to_characters() {
        let mut vocab = Words(vec![], vec![]);
        assert_eq!(
            cut("山河", &mut vocab),
            [s("山", 0, false), s("河", 1, false)]
        );
    }

    #[test]
    fn text_inside_longer_words_matches_them() {
        let mut vocab = Words(
            vec![
                ("冷链物流", 40),
                ("物流", 300),
                ("发展", 500),
                ("冷链运输车", 5),
                ("链", 3),
                ("冷", 2),
            ],
            vec!["物流"],
        );
        // `冷链` is no word but lies inside two: one term, held by both.
        // Read as the characters apart, or as one piece inside longer words.
        let mut r = analyze("冷链发展", &mut vocab, &mut WordNormalizer::default());
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].len(), 3);
        let terms = r.remove(1);
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].text, "冷链");
        let Lookup::Inside {
            word: false,
            holders,
            chars_indexed,
        } = &terms[0].lookup
        else {
            panic!("{:?}", terms[0]);
        };
        let words: Vec<(&str, usize)> = holders
            .iter()
            .map(|h| (h.word.as_str(), h.offset))
            .collect();
        assert_eq!(words, [("冷链物流", 0), ("冷链运输车", 0)]);
        assert!(*chars_indexed);
        assert_eq!(terms[1].text, "发展");
        assert_eq!(terms[1].lookup, Lookup::Word);
        // The offset of the piece inside each holder is kept.
        assert_eq!(
            cut("链物", &mut vocab),
            [s("链物", 0, true)],
            "inside 冷链物流 at 1"
        );
        // A lone character that is no word matches the words that hold it.
        assert_eq!(cut("运", &mut vocab), [s("运", 0, true)]);
        // An indexed word that the index cuts out of longer words is looked for alone.
        assert_eq!(cut("物流", &mut vocab), [s("物流", 0, false)]);
    }

    #[test]
    fn words_the_index_does_not_cut_out_are_also_looked_for_inside_others() {
        let mut vocab = Words(
            vec![("冷链", 10), ("冷链物流", 40), ("物流", 300)],
            vec!["物流"],
        );
        let terms = terms("冷链", &mut vocab);
        let [t] = terms.as_slice() else {
            panic!("{terms:?}");
        };
        let Lookup::Inside {
            word: true,
            holders,
            chars_indexed: false,
        } = &t.lookup
        else {
            panic!("{t:?}");
        };
        assert_eq!(holders.len(), 1);
        assert_eq!(holders[0].word, "冷链物流");
    }

    #[test]
    fn a_single_character_beside_a_word_can_join_it_inside_a_longer_one() {
        let mut vocab = Words(
            vec![("集成电路", 30), ("电路", 80), ("成", 400)],
            vec!["电路"],
        );
        // Text with `成` and `电路` apart, or `成电路` inside `集成电路`.
        assert_eq!(
            readings("成电路", &mut vocab),
            [
                vec![s("成", 0, false), s("电路", 1, false)],
                vec![s("成电路", 0, true)]
            ]
        );
    }

    #[test]
    fn frequent_single_characters_do_not_pull_in_holders_needlessly() {
        let mut vocab = Words(vec![("学校", 100), ("我", 900), ("的", 990)], vec![]);
        // Nothing holds `我的`: the characters stay words.
        assert_eq!(
            cut("我的学校", &mut vocab),
            [s("我", 0, false), s("的", 1, false), s("学校", 2, false)]
        );
    }
}
