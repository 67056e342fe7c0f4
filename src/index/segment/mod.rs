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
//!
//! Text typed across a word boundary (`校企共` of `校企` + `共建`) starts or ends inside a
//! word: a third cut lets a short piece at the run's end be the start of longer words, and
//! one at its start their end, and its pieces must then stand side by side. A short run's
//! cuts across words are all weighed and the likeliest few searched; a long run's are made
//! a few set ways.

use super::analyzer::{Piece, WordNormalizer, joined_groups, pieces};
use crate::text::fold_for_search;

mod across;
mod pieces;
mod run;
mod terms;
#[cfg(test)]
mod tests;

use pieces::{Cut, Edges, Holders, Kind, ends};
use run::Run;

/// Longest word, in characters, looked up in the term dictionary.
const MAX_WORD_CHARS: usize = 16;
/// How much less likely (natural log) a piece found inside longer words is than an indexed
/// word of the same document frequency.
const INSIDE_PENALTY: f64 = 1.0;
/// How much less likely than the rarest possible word a single character is when it is no
/// word of the index, or, on the second cut, when it is one but a longer piece could cover it.
const STRAY_PENALTY: f64 = 5.0;
/// How much less likely than the rarest possible word a piece is that is only the start or
/// end of longer words, at the run's edge, on the cut across words: less than
/// [`STRAY_PENALTY`], so it wins over a lone character, and the same whatever those words'
/// frequencies (a frequent word that ends in `成` says nothing about `成电路`).
const EDGE_PENALTY: f64 = 3.0;
/// Longest piece, in characters, looked for as the start or end of longer words.
const MAX_EDGE_CHARS: usize = 6;
/// Longest run, in characters, whose every cut across words is weighed; a longer one is
/// cut across words a few set ways.
const MAX_WEIGHED_CHARS: usize = 8;
/// Most readings across words of one run.
const MAX_ACROSS: usize = 3;
/// Most longer words that an indexed word at a run's start may be the end of, on a cut
/// across words: a pattern of more would cost more than it finds (the word alone is still
/// looked for).
const MAX_TAILS_OF_A_WORD: usize = 40;

/// Text to look for in the index's words: anywhere in them, at their start or at their end.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Keys {
    pub inside: Vec<String>,
    pub starts: Vec<String>,
    pub ends: Vec<String>,
}

impl Keys {
    pub fn is_empty(&self) -> bool {
        self.inside.is_empty() && self.starts.is_empty() && self.ends.is_empty()
    }

    /// Whether `word` holds one of the keys where it should.
    pub fn held_by(&self, word: &str) -> bool {
        self.inside.iter().any(|k| word.contains(k.as_str()))
            || self.starts.iter().any(|k| word.starts_with(k.as_str()))
            || self.ends.iter().any(|k| word.ends_with(k.as_str()))
    }
}

/// What the query analyzer needs to know about the index.
pub trait Vocabulary {
    /// The number of documents.
    fn docs(&self) -> u64;
    /// The number of documents that hold `word` (0 when the index does not).
    fn df(&mut self, word: &str) -> u64;
    /// The indexed Han words that hold at least one of `keys` ([`Keys::held_by`]), each
    /// once, with their document frequencies. Extra words do no harm; a missing one is lost
    /// recall.
    fn words_holding(&mut self, keys: &Keys) -> Vec<(String, u64)>;
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
    /// cut it out of. `word`: it is also an indexed word of its own. `parts`: shorter indexed
    /// words that make it up, which the text can also hold side by side, as jieba cuts it in
    /// another context (`非遗` as `非` + `遗`; `人才需求` as `人才` + `需求` after `技能人才`).
    Inside {
        word: bool,
        holders: Vec<Holder>,
        parts: Vec<String>,
    },
}

/// A query term and its position (alphanumeric characters from the start of the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub text: String,
    pub position: usize,
    pub han: bool,
    pub lookup: Lookup,
    /// It must follow the term before it side by side (the pieces of a reading that reaches
    /// across words, where the text is one string).
    pub joined: bool,
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

/// Cuts one Han run into query terms, in one to five readings; `position` is the run's
/// position in the text.
///
/// jieba's search mode adds the 2- and 3-character dictionary words inside a longer word,
/// but a word it found by its statistical model (`冷链` in `冷链运输`) is in no dictionary:
/// the index holds it where it stands alone, and not inside `冷链物流`. So an indexed word
/// is also looked for inside longer words unless the index cuts it out of them.
///
/// When the plain cut falls apart, the run is cut again with pieces inside longer words:
/// `成电路` is `成` + `电路`, or a piece of `集成电路`. Other cuts reach across words, their
/// pieces side by side: `业学` is the end of `专业` right before the start of `学生`; a run
/// that holds a word of two characters is cut across words too, as jieba may have cut that
/// word apart (`非遗` as `非` + the start of `遗工坊`). Every reading is kept that could match
/// (a plain cut with a character that is no word cannot).
fn segment_run(text: &str, position: usize, vocab: &mut dyn Vocabulary) -> Vec<Vec<QueryTerm>> {
    let mut run = Run::new(text);
    let plain = run.cut(vocab, None, Edges::NONE);
    let fell_apart = Run::fell_apart(&plain);
    if !fell_apart && !plain.iter().any(|p| p.1 - p.0 > 1) {
        return vec![run.terms(&plain, position, None, vocab)];
    }
    let short = run.len() <= MAX_WEIGHED_CHARS;
    let pairs: Vec<(usize, usize)> = if short {
        plain
            .iter()
            .filter(|&&(i, j, kind)| kind == Kind::Word && j - i == 2)
            .map(|&(i, j, _)| (i, j))
            .collect()
    } else {
        Vec::new()
    };
    let holders = Holders {
        words: vocab.words_holding(&run.keys(&plain, fell_apart || !pairs.is_empty())),
    };
    // A word of two characters that jieba found by its statistical model may stand cut
    // otherwise in an article (`非遗` as `非` + the start of `遗工坊`): such a word is read
    // cut apart too. One of its dictionary is cut out of the longer words that hold it
    // (`职业` of `职业教育`) and is cut apart only where a longer word overlaps it (`兼职` +
    // `业务`), which is not looked for.
    let split: Vec<(usize, usize)> = if fell_apart {
        Vec::new()
    } else {
        pairs
            .into_iter()
            .filter(|&(i, j)| !run.cut_out_of_holders(i, j, &holders, vocab))
            .collect()
    };
    // Across words first: past the cap on readings a run keeps its last one.
    let across = if holders.words.is_empty() || (!fell_apart && split.is_empty()) {
        Vec::new()
    } else if short {
        run.likeliest_across(vocab, &holders)
    } else {
        run.set_across(vocab, &holders)
    };
    let inside = if fell_apart && !holders.words.is_empty() {
        Some(run.cut(vocab, Some(&holders), Edges::NONE)).filter(|c| *c != plain)
    } else {
        None
    };
    // The reading whose words are looked for anywhere: the plain one, or where it holds a
    // character that is no word, the one with text inside longer words.
    let anywhere = [Some(&plain), inside.as_ref()]
        .into_iter()
        .flatten()
        .find(|c| !c.iter().any(|p| p.2 == Kind::Stray));
    // Cuts that another cut across words finds all of are kept even so: whether the index
    // cuts a word out of a longer one is known article by article, not where it stands.
    let mut others: Vec<Cut> = Vec::with_capacity(MAX_ACROSS + 1);
    for cut in across {
        if others.len() == MAX_ACROSS {
            break;
        }
        let e = ends(&cut);
        let apart = split.is_empty()
            || split
                .iter()
                .any(|&(a, b)| e.iter().any(|&x| a < x && x < b));
        if apart && !anywhere.is_some_and(|base| run.covered(&cut, base, vocab)) {
            others.push(cut);
        }
    }
    others.extend(inside);
    let mut readings = Vec::with_capacity(3);
    // A plain cut with a character that is no word matches nothing.
    if others.is_empty() || !plain.iter().any(|p| p.2 == Kind::Stray) {
        readings.push(run.terms(&plain, position, Some(&holders), vocab));
    }
    for cut in &others {
        let mut terms = run.terms(cut, position, Some(&holders), vocab);
        if cut.iter().any(|p| matches!(p.2, Kind::Head | Kind::Tail)) {
            for t in terms.iter_mut().skip(1) {
                t.joined = true;
            }
        }
        readings.push(terms);
    }
    readings
}

/// Most readings of one query text (each Han run has one to five); past it, a run's last
/// reading alone is kept.
const MAX_READINGS: usize = 8;

/// Analyzes query text into terms, as the index analyzer would have: one or more readings,
/// each a list of terms; text matches when it matches any reading.
pub fn analyze(
    text: &str,
    vocab: &mut dyn Vocabulary,
    norm: &mut WordNormalizer,
) -> Vec<Vec<QueryTerm>> {
    let folded = fold_for_search(text);
    let mut readings: Vec<Vec<QueryTerm>> = vec![Vec::new()];
    let mut before: Option<Piece> = None;
    let all = pieces(&folded);
    // A number with thousands separators is one word, its digits alone (`3,000` = `3000`),
    // and a pinyin name with a syllable mark one word without it (`Xi'an` = `Xian`), as
    // the index also holds them.
    let groups = joined_groups(&folded, &all);
    let mut k = 0;
    while k < all.len() {
        let group = groups.iter().find(|g| g.first == k);
        let p = all[k].clone();
        k = group.map_or(k, |g| g.last) + 1;
        let joined = before
            .replace(group.map_or(p.clone(), |g| all[g.last].clone()))
            .is_some_and(|b| joined_words(&folded, &b, &p));
        if let Some(group) = group {
            let term = QueryTerm {
                text: group.word.clone(),
                position: p.position,
                han: false,
                lookup: Lookup::Word,
                joined,
            };
            for r in &mut readings {
                r.push(term.clone());
            }
            continue;
        }
        let mut options = if p.han {
            segment_run(p.text, p.position, vocab)
        } else {
            let w = norm.normalize(p.text);
            if w.is_empty() {
                before = None;
                continue;
            }
            vec![vec![QueryTerm {
                text: w,
                position: p.position,
                han: false,
                lookup: Lookup::Word,
                joined,
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

/// Whether two words of the query are typed as one (`low-carbon`, `e-commerce`, `2,000`,
/// `3.5`): letters or digits joined by a hyphen, or digits by a comma or a point, with no
/// space. The second must then follow the first side by side, as a phrase's words do;
/// searched anywhere, `low-carbon` would find `low income … carbon emissions`.
fn joined_words(text: &str, first: &Piece, second: &Piece) -> bool {
    if first.han || second.han {
        return false;
    }
    let digits = |p: &Piece| p.text.bytes().all(|b| b.is_ascii_digit());
    match text.get(first.start + first.text.len()..second.start) {
        Some("-" | "\u{2010}" | "\u{2011}") => true,
        Some("," | ".") => digits(first) && digits(second),
        _ => false,
    }
}
