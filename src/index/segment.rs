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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Inside,
    /// The start of longer words (the run's last piece).
    Head,
    /// The end of longer words (the run's first piece).
    Tail,
    Stray,
}

impl Kind {
    /// Where `piece` sits inside the longer word `w`, in characters from its start, when it
    /// does as this kind of piece (an indexed word is looked for anywhere inside others).
    fn offsets(self, w: &str, piece: &str) -> Vec<usize> {
        if w.len() <= piece.len() {
            return Vec::new();
        }
        match self {
            Kind::Head if w.starts_with(piece) => vec![0],
            Kind::Tail if w.ends_with(piece) => {
                vec![w.chars().count() - piece.chars().count()]
            }
            Kind::Head | Kind::Tail => Vec::new(),
            Kind::Word | Kind::Inside | Kind::Stray => w
                .match_indices(piece)
                .map(|(at, _)| w[..at].chars().count())
                .collect(),
        }
    }
}

/// Indexed words that hold pieces of the query.
struct Holders {
    words: Vec<(String, u64)>,
}

impl Holders {
    /// The summed document frequencies of the longer words that hold `piece` as `kind` (an
    /// upper bound on the documents that hold it inside one).
    fn weight(&self, piece: &str, kind: Kind) -> u64 {
        self.words
            .iter()
            .filter(|(w, _)| !kind.offsets(w, piece).is_empty())
            .map(|(_, df)| df)
            .sum()
    }

    /// How many longer words hold `piece` as `kind`.
    fn count(&self, piece: &str, kind: Kind) -> usize {
        self.words
            .iter()
            .filter(|(w, _)| !kind.offsets(w, piece).is_empty())
            .count()
    }

    /// Every occurrence of `piece` as `kind` inside a longer word, most frequent words first.
    fn holding(&self, piece: &str, kind: Kind) -> Vec<Holder> {
        let mut out: Vec<Holder> = Vec::new();
        for (w, df) in &self.words {
            for offset in kind.offsets(w, piece) {
                out.push(Holder {
                    word: w.clone(),
                    offset,
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

/// A cut of a run into pieces `(start, end, kind)`, in characters.
type Cut = Vec<(usize, usize, Kind)>;

/// Where the pieces of a cut end.
fn ends(cut: &[(usize, usize, Kind)]) -> Vec<usize> {
    cut.iter().map(|p| p.1).collect()
}

/// Which pieces at a run's edges may start or end longer words, on a cut across words.
#[derive(Debug, Clone, Copy)]
struct Edges {
    /// The longest such piece, in characters (0: none, the cut is not across words).
    chars: usize,
    /// Both edges must be such pieces, with whole words between them.
    both: bool,
}

impl Edges {
    const NONE: Edges = Edges {
        chars: 0,
        both: false,
    };
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
    /// indexed words, or with `edges` (of some characters) instead the start and end of
    /// longer words at the run's edges, and single characters become a last resort.
    fn cut(
        &mut self,
        vocab: &mut dyn Vocabulary,
        holders: Option<&Holders>,
        edges: Edges,
    ) -> Vec<(usize, usize, Kind)> {
        let len = self.len();
        let total = (vocab.docs().max(1) as f64).ln();
        // best[i]: best log-probability of cutting chars i..; next[i]: the first piece.
        let mut best = vec![0f64; len + 1];
        let mut next = vec![(len, Kind::Stray); len + 1];
        for i in (0..len).rev() {
            let mut top = f64::NEG_INFINITY;
            let last = (i + MAX_WORD_CHARS).min(len);
            for (j, &rest) in best.iter().enumerate().take(last + 1).skip(i + 1) {
                let f = self.df(i, j, vocab);
                let Some((logp, kind)) = self.piece(i, j, f, total, holders, edges) else {
                    continue;
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

    /// Characters `i..j` (`f`: their document frequency as a word) as one piece: its
    /// log-probability and kind, or `None` when they cannot be one. An indexed word of two or
    /// more characters is taken as it is; with `holders`, other text may lie inside longer
    /// words, or with `edges` (above 0) instead start or end them at the run's edges in
    /// pieces of up to that many characters, and a single
    /// character is a last resort.
    fn piece(
        &self,
        i: usize,
        j: usize,
        f: u64,
        total: f64,
        holders: Option<&Holders>,
        edges: Edges,
    ) -> Option<(f64, Kind)> {
        let single = j == i + 1;
        let stray = -total - STRAY_PENALTY;
        let Some(h) = holders else {
            return match f {
                0 if single => Some((stray, Kind::Stray)),
                0 => None,
                f => Some(((f as f64).ln() - total, Kind::Word)),
            };
        };
        let at_edge = edges.both && (i == 0 || j == self.len());
        if f > 0 && !single && !at_edge {
            return Some(((f as f64).ln() - total, Kind::Word));
        }
        let piece = self.slice(i, j);
        let mut options: Vec<(f64, Kind)> = Vec::with_capacity(3);
        match f {
            0 if single => options.push((stray, Kind::Stray)),
            0 => {}
            _ => options.push((stray, Kind::Word)),
        }
        // A single character inside some longer word beside other pieces cannot be the text
        // typed, unless it starts or ends that word at an edge (the reading across words).
        if f == 0 && edges.chars == 0 && !(single && self.len() > 1) {
            let w = h.weight(piece, Kind::Inside);
            if w > 0 {
                options.push(((w as f64).ln() - total - INSIDE_PENALTY, Kind::Inside));
            }
        }
        if j - i <= edges.chars && j - i < self.len() {
            let edge = if j == self.len() {
                Some(Kind::Head)
            } else if i == 0 {
                Some(Kind::Tail)
            } else {
                None
            };
            if let Some(kind) = edge.filter(|k| h.weight(piece, *k) > 0) {
                options.push((-total - EDGE_PENALTY, kind));
            }
        }
        options
            .into_iter()
            .filter(|o| !at_edge || matches!(o.1, Kind::Head | Kind::Tail))
            .max_by(|a, b| a.0.total_cmp(&b.0))
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
    /// With `edges`, also the run's last few characters at the start of words and its first
    /// few at their end.
    fn keys(&self, cut: &[(usize, usize, Kind)], edges: bool) -> Keys {
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
        let len = self.len();
        let edge = if edges {
            MAX_EDGE_CHARS.min(len.saturating_sub(1))
        } else {
            0
        };
        Keys {
            inside: keys,
            starts: (1..=edge)
                .map(|n| self.slice(len - n, len).to_string())
                .collect(),
            ends: (1..=edge).map(|n| self.slice(0, n).to_string()).collect(),
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

impl Run<'_> {
    /// Cuts of a long run across words, made a few set ways: the likeliest favours long
    /// pieces at the edges (`车` + `产业集` in `汽车产业集群`), which may hold the text only
    /// in some other article, so the likeliest with single characters at the edges is a
    /// second (`车` + `产业` + `集`), and the likeliest with both edges inside longer words
    /// and whole words between a third (`准育人` in `精准` + `育` + `人才`, where the others
    /// take `育人` whole).
    fn set_across(&mut self, vocab: &mut dyn Vocabulary, h: &Holders) -> Vec<Cut> {
        let mut cuts: Vec<Cut> = Vec::with_capacity(3);
        for (chars, both) in [(MAX_EDGE_CHARS, false), (1, false), (1, true)] {
            let cut = self.cut(vocab, Some(h), Edges { chars, both });
            let across = if both {
                cut.first().is_some_and(|p| p.2 == Kind::Tail)
                    && cut.last().is_some_and(|p| p.2 == Kind::Head)
                    && !cut.iter().any(|p| p.2 == Kind::Stray)
            } else {
                cut.iter().any(|p| matches!(p.2, Kind::Head | Kind::Tail))
            };
            if across && !cuts.contains(&cut) {
                cuts.push(cut);
            }
        }
        cuts
    }

    /// The cuts of the run across words, likeliest first: its first piece an indexed word or
    /// the end of longer words, its last one a word or their start (one of the two at least
    /// inside longer words), and indexed words between.
    fn likeliest_across(&mut self, vocab: &mut dyn Vocabulary, h: &Holders) -> Vec<Cut> {
        let n = self.len();
        let total = (vocab.docs().max(1) as f64).ln();
        // What each piece can be where it stands: its log-probability and kind.
        let mut pieces: Vec<Vec<(usize, f64, Kind)>> = vec![Vec::new(); n];
        for (i, from) in pieces.iter_mut().enumerate() {
            for j in i + 1..=(i + MAX_WORD_CHARS).min(n) {
                if (i, j) == (0, n) {
                    continue;
                }
                let f = self.df(i, j, vocab);
                let word = match f {
                    0 => None,
                    _ if j - i == 1 => Some(-total - STRAY_PENALTY),
                    f => Some((f as f64).ln() - total),
                };
                let piece = self.slice(i, j);
                let edge = match (i, j) {
                    (_, j) if j == n => Some(Kind::Head),
                    (0, _) => Some(Kind::Tail),
                    _ => None,
                }
                .filter(|&k| {
                    j - i <= MAX_EDGE_CHARS
                        && h.weight(piece, k) > 0
                        && (k == Kind::Head || f == 0 || h.count(piece, k) <= MAX_TAILS_OF_A_WORD)
                });
                match (word, edge) {
                    (w, Some(kind)) => {
                        let p = w.unwrap_or(f64::NEG_INFINITY).max(-total - EDGE_PENALTY);
                        from.push((j, p, kind));
                    }
                    (Some(p), None) => from.push((j, p, Kind::Word)),
                    (None, None) => {}
                }
            }
        }
        // Every cut from the run's start (at most 2^(n-1) of them).
        let mut cuts: Vec<(f64, Cut)> = Vec::new();
        let mut stack: Vec<(usize, f64, Cut)> = vec![(0, 0.0, Vec::new())];
        while let Some((i, score, cut)) = stack.pop() {
            if i == n {
                if cut.iter().any(|p| matches!(p.2, Kind::Head | Kind::Tail)) {
                    cuts.push((score, cut));
                }
                continue;
            }
            for &(j, p, kind) in &pieces[i] {
                let mut longer = cut.clone();
                longer.push((i, j, kind));
                stack.push((j, score + p, longer));
            }
        }
        // Equally likely cuts in the order of their pieces' ends, so that readings are the
        // same from one search to the next.
        cuts.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| ends(&a.1).cmp(&ends(&b.1)))
        });
        cuts.into_iter().map(|(_, cut)| cut).collect()
    }

    /// Whether the cut across words `cut` finds nothing that `base`, whose words are looked
    /// for anywhere in an article, does not: its pieces are `base`'s or words the index cuts
    /// `base`'s out of (`职业院校` of `职业` + `院校`, not `冷链` of `冷` + `链`), and a single
    /// character it takes as the start or end of longer words is one that `base` looks for
    /// inside them too (`共` of `共建` after `校企` is not, where `共` is a word of its own).
    fn covered(
        &self,
        cut: &[(usize, usize, Kind)],
        base: &[(usize, usize, Kind)],
        vocab: &mut dyn Vocabulary,
    ) -> bool {
        let base_ends = ends(base);
        if !ends(cut).iter().all(|x| base_ends.contains(x)) {
            return false;
        }
        cut.iter().all(|&(i, j, kind)| {
            let inner: Vec<&(usize, usize, Kind)> =
                base.iter().filter(|b| i <= b.0 && b.1 <= j).collect();
            match (inner.as_slice(), kind) {
                ([b], Kind::Head | Kind::Tail) if j - i == 1 => b.2 == Kind::Inside,
                ([_], _) => true,
                (_, Kind::Word) => inner.iter().all(|b| {
                    b.2 == Kind::Word && vocab.cut_out_of(self.slice(b.0, b.1), self.slice(i, j))
                }),
                _ => false,
            }
        })
    }

    /// Whether the index cuts the word of characters `i..j` out of the most frequent longer
    /// word that holds it: every article that holds that one holds the word too, as it
    /// would where jieba adds the word inside longer ones (a word of its dictionary).
    fn cut_out_of_holders(
        &self,
        i: usize,
        j: usize,
        h: &Holders,
        vocab: &mut dyn Vocabulary,
    ) -> bool {
        let piece = self.slice(i, j);
        h.holding(piece, Kind::Word)
            .first()
            .is_some_and(|top| vocab.cut_out_of(piece, &top.word))
    }

    /// The likeliest cut of characters `i..j` into two or more indexed words (none when
    /// there is no such cut).
    fn parts(&mut self, i: usize, j: usize, vocab: &mut dyn Vocabulary) -> Vec<String> {
        let n = j - i;
        if n < 2 {
            return Vec::new();
        }
        let total = (vocab.docs().max(1) as f64).ln();
        // best[a]: the best log-probability of cutting chars i + a .. j; next[a]: where the
        // first piece ends.
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        best[n] = 0.0;
        let mut next = vec![n; n + 1];
        for a in (0..n).rev() {
            for b in a + 1..=n {
                if (a, b) == (0, n) || best[b] == f64::NEG_INFINITY {
                    continue;
                }
                let f = self.df(i + a, i + b, vocab);
                if f == 0 {
                    continue;
                }
                let score = (f as f64).ln() - total + best[b];
                if score > best[a] {
                    best[a] = score;
                    next[a] = b;
                }
            }
        }
        if best[0] == f64::NEG_INFINITY {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut a = 0;
        while a < n {
            out.push(self.slice(i + a, i + next[a]).to_string());
            a = next[a];
        }
        out
    }

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
                Some(h) if kind == Kind::Word && j - i > 1 => h.holding(piece, kind),
                Some(h) if matches!(kind, Kind::Inside | Kind::Head | Kind::Tail) => {
                    h.holding(piece, kind)
                }
                _ => Vec::new(),
            };
            let opaque = match held.first() {
                Some(top) => kind != Kind::Word || !vocab.cut_out_of(piece, &top.word),
                None => false,
            };
            // Shorter words side by side: jieba may cut a word it found by its statistical
            // model (`非遗`) into characters in another context, and a word that overlaps the
            // one before it (`人才需求` after `技能人才`) into its parts.
            // (Text inside longer words is found side by side by the cuts across words; only
            // its characters are tried as parts.)
            let parts = match holders {
                None => Vec::new(),
                Some(_) if kind == Kind::Word => self.parts(i, j, vocab),
                Some(_) if j - i > 1 && (i..j).all(|c| self.df(c, c + 1, vocab) > 0) => {
                    (i..j).map(|c| self.slice(c, c + 1).to_string()).collect()
                }
                Some(_) => Vec::new(),
            };
            let lookup = if opaque || (kind == Kind::Word && !parts.is_empty()) {
                Lookup::Inside {
                    // A character at the run's edge may also stand alone.
                    word: kind == Kind::Word || (kind != Kind::Inside && self.df(i, j, vocab) > 0),
                    holders: if opaque { held } else { Vec::new() },
                    parts,
                }
            } else {
                Lookup::Word
            };
            out.push(QueryTerm {
                text: piece.to_string(),
                position: position + i,
                han: true,
                lookup,
                joined: false,
            });
        }
        out
    }
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
                joined: false,
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

        fn words_holding(&mut self, keys: &Keys) -> Vec<(String, u64)> {
            self.0
                .iter()
                .filter(|(w, _)| keys.held_by(w))
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

    /// The reading of `r` whose terms are `texts`, all but the first joined when `across`.
    fn reading_of<'r>(r: &'r [Vec<QueryTerm>], texts: &[&str], across: bool) -> &'r [QueryTerm] {
        r.iter()
            .find(|terms| {
                terms
                    .iter()
                    .map(|t| t.text.as_str())
                    .eq(texts.iter().copied())
                    && terms.iter().skip(1).all(|t| t.joined == across)
            })
            .unwrap_or_else(|| panic!("{texts:?} in {r:?}"))
    }

    /// The holders and parts of a term that is an indexed word looked for in other ways too.
    fn word_looked_for_more_ways(t: &QueryTerm) -> (&[Holder], &[String]) {
        let Lookup::Inside {
            word: true,
            holders,
            parts,
        } = &t.lookup
        else {
            panic!("{t:?}");
        };
        (holders, parts)
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
        // Whole, and also as its parts side by side, as jieba may cut it elsewhere.
        assert_eq!(
            cut("产教融合发展", &mut vocab),
            [s("产教融合", 0, true), s("发展", 4, false)]
        );
        let t = terms("产教融合发展", &mut vocab);
        let (holders, parts) = word_looked_for_more_ways(&t[0]);
        assert!(holders.is_empty());
        assert_eq!(parts, &["产教", "融合"]);
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
            parts,
        } = &terms[0].lookup
        else {
            panic!("{:?}", terms[0]);
        };
        let words: Vec<(&str, usize)> = holders
            .iter()
            .map(|h| (h.word.as_str(), h.offset))
            .collect();
        assert_eq!(words, [("冷链物流", 0), ("冷链运输车", 0)]);
        assert_eq!(parts, &["冷", "链"]);
        assert_eq!(terms[1].text, "发展");
        assert_eq!(terms[1].lookup, Lookup::Word);
        // The offset of the piece inside each holder is kept. (The other reading is `链`
        // and the start of `物流` side by side.)
        let r = analyze("链物", &mut vocab, &mut WordNormalizer::default());
        let [inside] = r.last().unwrap().as_slice() else {
            panic!("{r:?}");
        };
        assert_eq!(holders_of(inside), [("冷链物流", 1)]);
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
        let (holders, parts) = word_looked_for_more_ways(t);
        assert_eq!(holders.len(), 1);
        assert_eq!(holders[0].word, "冷链物流");
        assert!(parts.is_empty(), "{parts:?}");
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

    /// The holders of a term looked for inside longer words, as (word, offset).
    fn holders_of(t: &QueryTerm) -> Vec<(&str, usize)> {
        match &t.lookup {
            Lookup::Inside { holders, .. } => holders
                .iter()
                .map(|h| (h.word.as_str(), h.offset))
                .collect(),
            Lookup::Word => Vec::new(),
        }
    }

    #[test]
    fn text_typed_across_a_word_boundary_starts_or_ends_longer_words() {
        let mut vocab = Words(
            vec![
                ("校企", 50),
                ("共建", 40),
                ("公共", 30),
                ("共", 5),
                ("地", 3),
                ("实训", 60),
                ("实训基地", 20),
                ("合作", 90),
            ],
            vec!["实训"],
        );
        // `校企共` of `校企` + `共建`: `共` standing alone, or the start of a longer word
        // (`共建`, not `公共`).
        let r = analyze("校企共", &mut vocab, &mut WordNormalizer::default());
        assert_eq!(r.len(), 2, "{r:?}");
        let texts: Vec<&str> = r[1].iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["校企", "共"]);
        assert_eq!(r[1][0].lookup, Lookup::Word);
        assert_eq!(holders_of(&r[1][1]), [("共建", 0)]);
        assert!(r[1][1].joined, "side by side with `校企`");
        // `企共建` of `校企` + `共建`: `企` is the end of `校企`, one character into it.
        let r = analyze("企共建", &mut vocab, &mut WordNormalizer::default());
        let last = r.last().unwrap();
        let texts: Vec<&str> = last.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["企", "共建"]);
        assert_eq!(holders_of(&last[0]), [("校企", 1)]);
        // Two characters into the next word: `实训基` starts `实训基地`.
        let r = analyze("共建实训基", &mut vocab, &mut WordNormalizer::default());
        let last = r.last().unwrap();
        let texts: Vec<&str> = last.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["共建", "实训基"]);
        assert_eq!(holders_of(&last[1]), [("实训基地", 0)]);
        // Nothing starts with the last character (an indexed word): no such reading.
        assert_eq!(
            readings("合作地", &mut vocab),
            [vec![s("合作", 0, false), s("地", 2, false)]]
        );
    }

    #[test]
    fn the_end_of_a_long_word_can_be_long_too() {
        // jieba keeps `市域产教联合体` whole (adding `产教联合体`, `联合体`) before `名单`.
        let mut vocab = Words(
            vec![
                ("市域产教联合体", 30),
                ("产教联合体", 45),
                ("联合体", 60),
                ("名单", 200),
            ],
            vec!["联合体"],
        );
        let r = analyze("教联合体名", &mut vocab, &mut WordNormalizer::default());
        let two = reading_of(&r, &["教联合体", "名"], true);
        assert_eq!(
            holders_of(&two[0]),
            [("产教联合体", 1), ("市域产教联合体", 3)]
        );
        assert_eq!(holders_of(&two[1]), [("名单", 0)]);
        assert!(two[1].joined);
    }

    #[test]
    fn single_characters_at_the_edges_are_a_second_reading_across_words() {
        // The index holds `汽车产业` from one article and `汽车` + `产业` + `集群` from
        // another: `车产业集` may end one word and start another in either.
        let mut vocab = Words(
            vec![
                ("汽车产业", 10),
                ("汽车", 90),
                ("产业", 300),
                ("集群", 40),
                ("产业集群", 20),
            ],
            vec!["汽车", "产业", "集群"],
        );
        let r = analyze("车产业集", &mut vocab, &mut WordNormalizer::default());
        let across: Vec<Vec<&str>> = r
            .iter()
            .filter(|terms| terms.iter().any(|t| t.joined))
            .map(|terms| terms.iter().map(|t| t.text.as_str()).collect())
            .collect();
        assert!(across.contains(&vec!["车", "产业", "集"]), "{r:?}");
        let single = r
            .iter()
            .find(|terms| terms.len() == 3 && terms[2].joined)
            .unwrap();
        assert_eq!(holders_of(&single[0]), [("汽车", 1)]);
        assert_eq!(holders_of(&single[2]), [("集群", 0)]);
        // Where the likeliest cut already has single characters at its edges, it is the only
        // reading across words.
        let r = analyze("车产业", &mut vocab, &mut WordNormalizer::default());
        assert_eq!(
            r.iter().filter(|t| t.iter().any(|t| t.joined)).count(),
            1,
            "{r:?}"
        );
    }

    #[test]
    fn both_edges_inside_longer_words_are_a_reading_of_their_own() {
        // One article says `育人` as a word; another is cut `精准` + `育` + `人才`, where
        // `准育人` ends one word, holds a whole one and starts a third.
        let mut vocab = Words(
            vec![
                ("精准", 40),
                ("育", 20),
                ("人才", 300),
                ("育人", 60),
                ("标准", 90),
            ],
            vec![],
        );
        let r = analyze("准育人", &mut vocab, &mut WordNormalizer::default());
        let both = r
            .iter()
            .find(|terms| terms.len() == 3)
            .unwrap_or_else(|| panic!("{r:?}"));
        let texts: Vec<&str> = both.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["准", "育", "人"]);
        assert_eq!(holders_of(&both[0]), [("标准", 1), ("精准", 1)]);
        assert_eq!(both[1].lookup, Lookup::Word);
        assert_eq!(holders_of(&both[2]), [("人才", 0)]);
        assert!(both[1].joined && both[2].joined, "{both:?}");
        // The likelier cut across words, `准` + `育人`, is still read.
        reading_of(&r, &["准", "育人"], true);
    }

    #[test]
    fn a_short_run_is_read_across_words_every_likely_way() {
        // `非遗工`: `非遗` + the start of `工坊`, or `非` + the start of `遗工坊`.
        let mut vocab = Words(
            vec![
                ("非遗", 40),
                ("非", 200),
                ("遗工坊", 5),
                ("工坊", 10),
                ("工", 100),
            ],
            vec![],
        );
        let r = analyze("非遗工", &mut vocab, &mut WordNormalizer::default());
        let split = reading_of(&r, &["非", "遗工"], true);
        assert_eq!(holders_of(&split[1]), [("遗工坊", 0)]);
        assert!(split[1].joined);
        assert_eq!(
            holders_of(&reading_of(&r, &["非遗", "工"], true)[1]),
            [("工坊", 0)]
        );
        // A word at the run's end may also start a longer word where it stands, even where
        // every article that holds the longer word holds the word too (`原` is no word, so
        // the plain reading, all words anywhere, cannot match).
        let mut vocab = Words(
            vec![
                ("高原", 20),
                ("农业", 300),
                ("和", 900),
                ("冷链", 10),
                ("冷链物流", 40),
            ],
            vec!["冷链"],
        );
        let r = analyze("原农业和冷链", &mut vocab, &mut WordNormalizer::default());
        let across = r
            .iter()
            .find(|terms| terms.iter().any(|t| t.joined))
            .unwrap_or_else(|| panic!("{r:?}"));
        let last = across.last().unwrap();
        assert_eq!(last.text, "冷链");
        let (holders, _) = word_looked_for_more_ways(last);
        assert_eq!(holders.len(), 1);
        assert_eq!(holders[0].word, "冷链物流");
    }

    #[test]
    fn a_two_character_word_is_read_cut_apart_where_the_index_keeps_it_inside_others() {
        // `职业` is cut out of `职业教育` (a dictionary word): not read cut apart. `冷链`,
        // which the index keeps inside `冷链物流`, is (`冷` + the start of `链条`).
        let mut vocab = Words(
            vec![
                ("职业", 500),
                ("职业教育", 200),
                ("兼职", 20),
                ("业务", 90),
                ("冷链", 10),
                ("冷链物流", 40),
                ("冷", 30),
                ("链条", 30),
            ],
            vec!["职业"],
        );
        assert_eq!(readings("职业", &mut vocab).len(), 1);
        let r = analyze("冷链", &mut vocab, &mut WordNormalizer::default());
        assert!(
            r.iter()
                .any(|terms| terms.len() == 2 && terms[1].joined && terms[0].text == "冷"),
            "{r:?}"
        );
    }

    #[test]
    fn a_run_inside_one_word_and_across_two_are_separate_readings() {
        let mut vocab = Words(
            vec![
                ("集成电路", 30),
                ("电路", 80),
                ("成", 400),
                ("完成", 900),
                ("形成", 800),
            ],
            vec!["电路"],
        );
        // `成电路`: `成` and `电路` anywhere; the end of `完成` or `形成` right before
        // `电路`; or inside `集成电路` (last, so it is the one kept past the cap on readings).
        let r = analyze("成电路", &mut vocab, &mut WordNormalizer::default());
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r[0].iter().all(|t| t.lookup == Lookup::Word && !t.joined));
        let [tail, word] = r[1].as_slice() else {
            panic!("{r:?}");
        };
        assert_eq!(holders_of(tail), [("完成", 1), ("形成", 1)]);
        assert!(!tail.joined && word.joined, "{r:?}");
        assert_eq!(word.text, "电路");
        let [inside] = r[2].as_slice() else {
            panic!("{r:?}");
        };
        assert_eq!(holders_of(inside), [("集成电路", 1)]);
        // No longer piece holds it: the one reading across words, and `成` itself.
        let mut vocab = Words(vec![("完成", 900), ("任务", 300), ("成", 400)], vec![]);
        let r = analyze("成任务", &mut vocab, &mut WordNormalizer::default());
        let last = r.last().unwrap();
        assert_eq!(
            last.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            ["成", "任务"]
        );
        let Lookup::Inside { word: true, .. } = &last[0].lookup else {
            panic!("{r:?}");
        };
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
