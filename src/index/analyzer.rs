//! The text analyzer shared by the title and body fields: full-width→ASCII and
//! traditional→simplified folding,
//! jieba search-mode segmentation of Han runs (with our domain words in the dictionary),
//! plain word splitting elsewhere, lower-casing and English stemming.
//!
//! Positions are "alphanumeric character offsets": the number of letters, digits and Han
//! characters before a token, plus one for each stop between clauses (，。；！ and the like,
//! and line breaks). Overlapping search-mode tokens (产教融合 / 产教 / 融合) thus sit at
//! their real place, and a phrase query built the same way on the query side matches
//! whatever spaces, quotes or brackets stand between its words, but not across the end of
//! a clause: `"订单班今年"` does not find `订单班。今年`.
//!
//! jieba's dictionary takes ~100 ms to load, so it is loaded lazily, once per process, on
//! the first text that needs segmenting. Searching never needs it (see `segment`).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use jieba_rs::Jieba;
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

use super::english_forms::{self, Form};
use crate::text::{fold_for_index, is_han};

/// Name under which the analyzer is registered with tantivy.
pub const NAME: &str = "chanjiao";

/// Bump when the analyzer's output changes: a stamp mismatch triggers a rebuild.
pub const VERSION: u32 = 8;

/// Words of the field that jieba's general dictionary would split.
pub const DOMAIN_WORDS: &[&str] = &[
    "产教融合",
    "产教联合体",
    "市域产教联合体",
    "行业产教融合共同体",
    "产教融合共同体",
    "产教融合型企业",
    "产教融合型城市",
    "校企合作",
    "高技能人才",
    "技能人才",
    "双高计划",
    "双高校",
    "职业本科",
    "职业教育",
    "职业院校",
    "高职院校",
    "中职学校",
    "技工院校",
    "现代学徒制",
    "新型学徒制",
    "订单班",
    "订单式培养",
    "工匠精神",
    "大国工匠",
    "技能大赛",
    "世界技能大赛",
    "职教集团",
    "职教高考",
    "岗课赛证",
    "1+X证书",
    "职业技能等级证书",
    "实训基地",
    "公共实训基地",
    "产业学院",
    "现代产业学院",
    "新质生产力",
    "低空经济",
    "智能制造",
    "新能源汽车",
    "人工智能",
    "集成电路",
    "跨境电商",
    "直播电商",
    "冷链物流",
    "医养结合",
    "银发经济",
    "非遗传承",
    "非物质文化遗产",
    "智能建造",
    "数字经济",
    "数字化转型",
    "职普融通",
    "科教融汇",
    "鲁班工坊",
    "中国特色高水平高职学校",
];

/// Maximum token length in bytes; longer tokens are dropped.
const MAX_TOKEN_BYTES: usize = 60;

/// Finds the domain words of four or more characters inside a longer jieba word: search mode
/// only adds the two- and three-character words it contains, so without this 产教融合 would
/// not be found inside 行业产教融合共同体.
/// (`None` only if the automaton could not be built, which a fixed list of short literals
/// never causes.)
fn inner_domain_words() -> Option<&'static AhoCorasick> {
    static INNER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    INNER
        .get_or_init(|| {
            let long = DOMAIN_WORDS.iter().filter(|w| w.chars().count() >= 4);
            AhoCorasick::new(long).ok()
        })
        .as_ref()
}

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut j = Jieba::new();
        for w in DOMAIN_WORDS {
            j.add_word(w, None, None);
        }
        j
    })
}

/// Loads jieba now (e.g. on a background thread before a build) instead of on first use.
pub fn warm_up() {
    let _ = jieba();
}

/// A short fingerprint of the dictionary additions, part of the version stamp.
pub fn dictionary_fingerprint() -> String {
    let mut h = blake3::Hasher::new();
    for w in DOMAIN_WORDS {
        h.update(w.as_bytes());
        h.update(b"\n");
    }
    h.finalize().to_hex()[..8].to_string()
}

/// The analyzer registered for the title and body fields.
pub fn text_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(SegmentingTokenizer::default())
}

/// Lower-cases and stems one non-Han word exactly as the index does (British spellings and
/// a few words the stemmer would join to others are first brought to one form: see
/// [`english_forms`]), remembering the words it has seen (stemming is the costly part; a
/// corpus has few distinct words).
#[derive(Clone)]
pub struct WordNormalizer {
    lower: TextAnalyzer,
    stemmer: TextAnalyzer,
    cache: FxHashMap<String, String>,
}

impl Default for WordNormalizer {
    fn default() -> Self {
        Self {
            lower: TextAnalyzer::builder(RawTokenizer::default())
                .filter(LowerCaser)
                .build(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            cache: FxHashMap::default(),
        }
    }
}

/// The tokens `analyzer` makes of `text`, one after the other.
fn run(analyzer: &mut TextAnalyzer, text: &str) -> String {
    let mut out = String::new();
    analyzer
        .token_stream(text)
        .process(&mut |t: &Token| out.push_str(&t.text));
    out
}

impl WordNormalizer {
    pub fn normalize(&mut self, word: &str) -> String {
        self.with_normalized(word, str::to_string)
    }

    /// Calls `f` with the word normalised: one hash look-up for a word seen before, none for
    /// a number (lower-casing and stemming leave digits as they are).
    fn with_normalized<R>(&mut self, word: &str, f: impl FnOnce(&str) -> R) -> R {
        if word.bytes().all(|b| b.is_ascii_digit()) {
            return f(word);
        }
        if let Some(done) = self.cache.get(word) {
            return f(done);
        }
        if self.cache.len() > 200_000 {
            self.cache.clear();
        }
        let out = self.uncached(word);
        let result = f(&out);
        self.cache.insert(word.to_string(), out);
        result
    }

    fn uncached(&mut self, word: &str) -> String {
        let lower = run(&mut self.lower, word);
        match english_forms::unify(&lower) {
            Form::Whole(whole) => whole.into_owned(),
            Form::Stem(form) => run(&mut self.stemmer, &form),
        }
    }
}

/// One piece of text: a run of Han characters or a plain word, with its byte range in the
/// text and its position (alphanumeric characters before it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub start: usize,
    pub position: usize,
    pub han: bool,
}

/// Whether `c` ends a clause or a line: words on either side of it are not side by side.
fn ends_clause(c: char) -> bool {
    matches!(
        c,
        ',' | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | '\n'
            | '\r'
            | '，'
            | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '…'
            | '｡'
            | '､'
    )
}

/// Splits text into Han runs and words (runs of other letters and digits); everything else
/// separates them. A stop between clauses counts as a position of its own.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut alnum = 0usize;
    let mut cur: Option<(usize, usize, bool)> = None; // (start byte, position, han)
    for (i, c) in text.char_indices() {
        let kind = if c.is_ascii() {
            c.is_ascii_alphanumeric().then_some(false)
        } else if is_han(c) {
            Some(true)
        } else if c.is_alphanumeric() {
            Some(false)
        } else {
            None
        };
        match (cur, kind) {
            (Some((_, _, h)), Some(k)) if h == k => {}
            (Some((s, p, h)), k) => {
                out.push(Piece {
                    text: &text[s..i],
                    start: s,
                    position: p,
                    han: h,
                });
                cur = k.map(|k| (i, alnum, k));
            }
            (None, Some(k)) => cur = Some((i, alnum, k)),
            (None, None) => {}
        }
        if kind.is_some() || ends_clause(c) {
            alnum += 1;
        }
    }
    if let Some((s, p, h)) = cur {
        out.push(Piece {
            text: &text[s..],
            start: s,
            position: p,
            han: h,
        });
    }
    out
}

/// Words the text writes in two or more pieces that the index also holds as one, at the
/// first piece's position, so that either way of writing finds the other: numbers with
/// thousands separators (`3,000`, `15,000,000` hold `3000`, `15000000`) and pinyin names
/// with a syllable mark (`Gui'an`, `Xi’an` hold `guian`, `xian`). The index and the query
/// take the word as it is here, lower-cased and not stemmed (`Chang'e` is no `change`); a
/// name's pieces are no words of their own, a number's still are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    /// The first and last of its pieces, indexes into the pieces it was found in.
    pub first: usize,
    pub last: usize,
    /// Where its last piece ends in the text.
    pub end: usize,
    /// The pieces joined, lower-cased.
    pub word: String,
    /// A pinyin name, not a number: its pieces stand for it alone.
    pub name: bool,
}

/// The [`Joined`] words of `text`, cut into `pieces`, in order.
pub fn joined_groups(text: &str, pieces: &[Piece<'_>]) -> Vec<Joined> {
    let digits = |p: &Piece<'_>| !p.han && p.text.bytes().all(|b| b.is_ascii_digit());
    let between = |a: &Piece<'_>, b: &Piece<'_>| text.get(a.start + a.text.len()..b.start);
    let mut out = Vec::new();
    let mut k = 0;
    while k < pieces.len() {
        let first = &pieces[k];
        let starts = digits(first) && (1..=3).contains(&first.text.len());
        let mut last = k;
        while starts
            && let Some(next) = pieces.get(last + 1)
            && digits(next)
            && next.text.len() == 3
            && matches!(between(&pieces[last], next), Some("," | "\u{FF0C}"))
        {
            last += 1;
        }
        let name = last == k
            && pieces
                .get(k + 1)
                .is_some_and(|next| syllable_mark(first, next, between(first, next)));
        if name {
            last = k + 1;
        }
        if last > k {
            let word: String = pieces[k..=last].iter().map(|p| p.text).collect();
            out.push(Joined {
                first: k,
                last,
                end: pieces[last].start + pieces[last].text.len(),
                word: word.to_ascii_lowercase(),
                name,
            });
        }
        k = last + 1;
    }
    out
}

/// Whether `a`, a mark and `b` are a pinyin word whose mark parts two syllables: Latin
/// letters on both sides and a syllable after it that starts with a, e or o, as pinyin
/// writes the mark only there (`Xi'an`, `Chang'e`, not `don't` or `Guizhou's`).
fn syllable_mark(a: &Piece<'_>, b: &Piece<'_>, mark: Option<&str>) -> bool {
    let letters = |p: &Piece<'_>| !p.han && p.text.bytes().all(|c| c.is_ascii_alphabetic());
    matches!(mark, Some("'" | "\u{2019}"))
        && letters(a)
        && letters(b)
        && matches!(
            b.text.as_bytes().first(),
            Some(b'a' | b'e' | b'o' | b'A' | b'E' | b'O')
        )
}

/// Tokenizer: folds full-width forms to ASCII and traditional characters to simplified, cuts Han runs with jieba search mode, lower-cases and
/// stems other words. Token buffers are reused from one text to the next.
#[derive(Clone, Default)]
pub struct SegmentingTokenizer {
    words: WordNormalizer,
    tokens: Vec<Token>,
}

impl SegmentingTokenizer {
    fn push(
        tokens: &mut Vec<Token>,
        len: &mut usize,
        text: &str,
        from: usize,
        to: usize,
        position: usize,
    ) {
        if text.len() > MAX_TOKEN_BYTES || text.is_empty() {
            return;
        }
        if *len == tokens.len() {
            tokens.push(Token::default());
        }
        let t = &mut tokens[*len];
        t.text.clear();
        t.text.push_str(text);
        t.offset_from = from;
        t.offset_to = to;
        t.position = position;
        t.position_length = 1;
        *len += 1;
    }
}

/// The tokens of one text.
pub struct SegmentedStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl TokenStream for SegmentedStream<'_> {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        // Only called after `advance` returned true, so `next >= 1` and in range.
        &self.tokens[self.next.saturating_sub(1)]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next.saturating_sub(1)]
    }
}

impl Tokenizer for SegmentingTokenizer {
    type TokenStream<'a> = SegmentedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SegmentedStream<'a> {
        let folded = fold_for_index(text);
        let mut len = 0usize;
        let all = pieces(&folded);
        let mut groups = joined_groups(&folded, &all).into_iter().peekable();
        // The pieces of a pinyin name with a syllable mark are the name alone: `Chang` of
        // Chang'e is no `change`, nor `an` of Xi'an a word of its own.
        let mut name_until = None;
        for (k, piece) in all.iter().enumerate() {
            if let Some(j) = groups.next_if(|g| g.first == k) {
                let (start, position) = (piece.start, piece.position);
                Self::push(&mut self.tokens, &mut len, &j.word, start, j.end, position);
                if j.name {
                    name_until = Some(j.last);
                }
            }
            if name_until.is_some_and(|last| k <= last) {
                continue;
            }
            if piece.han {
                for t in jieba().cut_for_search(piece.text, true) {
                    let (from, position) = (piece.start + t.byte_start, piece.position + t.start);
                    Self::push(
                        &mut self.tokens,
                        &mut len,
                        t.word,
                        from,
                        piece.start + t.byte_end,
                        position,
                    );
                    // Longer than any inner domain word could need (4 Han characters).
                    if t.word.len() <= 12 {
                        continue;
                    }
                    let Some(inner) = inner_domain_words() else {
                        continue;
                    };
                    for m in inner.find_overlapping_iter(t.word) {
                        if m.len() == t.word.len() {
                            continue;
                        }
                        let chars_before = t.word[..m.start()].chars().count();
                        Self::push(
                            &mut self.tokens,
                            &mut len,
                            &t.word[m.range()],
                            from + m.start(),
                            from + m.end(),
                            position + chars_before,
                        );
                    }
                }
            } else {
                self.words.with_normalized(piece.text, |word| {
                    Self::push(
                        &mut self.tokens,
                        &mut len,
                        word,
                        piece.start,
                        piece.start + piece.text.len(),
                        piece.position,
                    )
                });
            }
        }
        SegmentedStream {
            tokens: &mut self.tokens[..len],
            next: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyze(text: &str) -> Vec<(String, usize)> {
        let mut a = text_analyzer();
        let mut s = a.token_stream(text);
        let mut out = Vec::new();
        s.process(&mut |t: &Token| out.push((t.text.clone(), t.position)));
        out
    }

    #[test]
    fn pinyin_names_with_a_syllable_mark_are_also_held_whole() {
        let t = analyze("Gui'an New Area, Xi\u{2019}an");
        assert_eq!(
            t,
            [
                ("guian".to_string(), 0),
                ("new".to_string(), 5),
                ("area".to_string(), 8),
                ("xian".to_string(), 13),
            ]
        );
        let joined = |text: &str| -> Vec<String> {
            joined_groups(text, &pieces(text))
                .into_iter()
                .map(|g| g.word)
                .collect()
        };
        assert_eq!(joined("Chang'e and Yan'an"), ["change", "yanan"]);
        // Held as written, lower-cased, not stemmed: Chang'e is no change.
        assert!(analyze("Chang'e").contains(&("change".to_string(), 0)));
        assert!(!analyze("Chang'e").iter().any(|(w, _)| w == "chang"));
        assert_eq!(joined("3,000 workers"), ["3000"]);
        // English marks: none is a pinyin syllable.
        assert!(joined("don't, Guizhou's, O'Neill, I'm, we're, a' b").is_empty());
    }

    #[test]
    fn pieces_split_han_and_words() {
        let p = pieces("AI赋能, 产教融合 2025年");
        let texts: Vec<&str> = p.iter().map(|p| p.text).collect();
        assert_eq!(texts, ["AI", "赋能", "产教融合", "2025", "年"]);
        let pos: Vec<usize> = p.iter().map(|p| p.position).collect();
        // The comma ends a clause: a position of its own.
        assert_eq!(pos, [0, 2, 5, 9, 13]);
        // Spaces, quotes and brackets do not; stops in Chinese and line breaks do.
        let pos = |t: &str| -> Vec<usize> { pieces(t).iter().map(|p| p.position).collect() };
        assert_eq!(pos("深化“产教融合” (AI)"), [0, 2, 6]);
        assert_eq!(pos("订单班。今年"), [0, 4]);
        assert_eq!(pos("专业，学生"), [0, 3]);
        assert_eq!(pos("one\ntwo"), [0, 4]);
    }

    #[test]
    fn domain_words_and_traditional_folding() {
        let simp = analyze("深化产教融合");
        assert!(simp.iter().any(|(t, _)| t == "产教融合"), "{simp:?}");
        let trad = analyze("深化產教融合");
        assert_eq!(simp, trad);
        let t = analyze("市域产教联合体");
        assert!(t.iter().any(|(t, _)| t == "市域产教联合体"), "{t:?}");
    }

    #[test]
    fn full_width_forms_are_indexed_as_ascii() {
        assert_eq!(
            analyze("５Ｇ＋工业互联网，ＡＩ質檢\u{3000}２０２５"),
            analyze("5G+工业互联网,AI质检 2025")
        );
        let words: Vec<String> = analyze("ＡＩ").into_iter().map(|(w, _)| w).collect();
        assert_eq!(words, ["ai"]);
    }

    #[test]
    fn domain_words_inside_longer_words() {
        let t = analyze("组建行业产教融合共同体");
        assert!(t.contains(&("产教融合".to_string(), 4)), "{t:?}");
        assert!(t.contains(&("产教融合共同体".to_string(), 4)), "{t:?}");
        let t = analyze("市域产教联合体");
        assert!(t.contains(&("产教联合体".to_string(), 2)), "{t:?}");
        // Short words inside are left to jieba, which already adds them once.
        let twice = t.iter().filter(|(w, _)| w == "产教").count();
        assert!(twice <= 1, "{t:?}");
    }

    #[test]
    fn english_is_lowercased_and_stemmed() {
        let t = analyze("Training Skilled Workers");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["train", "skill", "worker"]);
        assert_eq!(WordNormalizer::default().normalize("Workers"), "worker");
    }

    #[test]
    fn spellings_meet_and_unlike_words_part() {
        let mut n = WordNormalizer::default();
        let mut same = |a: &str, b: &str| n.normalize(a) == n.normalize(b);
        assert!(same("Centres", "centers"));
        assert!(same("Labour", "labor"));
        assert!(same("programmes", "Program"));
        assert!(same("Organisations", "organization"));
        assert!(same("modernised", "modernized"));
        assert!(same("Engineers", "engineering"));
        assert!(same("engine", "Engines"));
        assert!(!same("engines", "engineers"));
        assert!(!same("experiments", "experience"));
        assert!(!same("authorities", "authors"));
        assert!(!same("Nanning", "Nan"));
        assert!(!same("Xianning", "Xian"));
        assert!(!same("Daye", "days"));
        assert!(same("cities", "City"));
    }

    #[test]
    fn the_cache_and_the_number_shortcut_change_nothing() {
        let mut cached = WordNormalizer::default();
        for word in [
            "2025", "0", "5G", "COVID19", "Robotics", "robotics", "2025", "Robotics", "Centre",
            "centre",
        ] {
            let plain = WordNormalizer::default().uncached(word);
            assert_eq!(cached.normalize(word), plain, "{word}");
        }
    }
}
