//! Small text helpers shared by the parser and the taggers.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};

/// Folds traditional characters to simplified ones, character by character, so that
/// 產教融合 reads as 产教融合 and 廣東 as 广东. Each character maps to exactly one character.
///
/// Nearly all text is simplified already and comes back borrowed: a per-process table says
/// which characters folding may change, and only those are handed to the converter, each
/// with the characters beside it (which is all the converter looks at). Text is copied only
/// when a character actually changes.
pub fn to_simplified(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    // Bytes of `s` before this offset are in `out` already.
    let mut copied = 0;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        // The converter only changes three-byte characters (lead bytes E0–EF); ASCII,
        // continuation bytes and two-byte leads are stepped over one at a time.
        if lead < 0xE0 {
            i += 1;
            continue;
        }
        if lead >= 0xF0 {
            i += 4;
            continue;
        }
        if let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2)) {
            let code =
                (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if let Some(c) = char::from_u32(code).filter(|&c| may_fold(c)) {
                let prev = s.get(..i).and_then(|p| p.chars().next_back());
                let next = s.get(i + 3..).and_then(|n| n.chars().next());
                let folded = fold_in_context(prev, c, next);
                if folded != c {
                    let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
                    o.push_str(s.get(copied..i).unwrap_or_default());
                    o.push(folded);
                    copied = i + 3;
                }
            }
        }
        i += 3;
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(s.get(copied..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// The runs of ASCII letters in `name`, lower-cased: the words of an English or pinyin name
/// (`Gui'an New Area` → `gui`, `an`, `new`, `area`).
pub fn ascii_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// The ASCII form of a full-width letter, digit or sign (U+FF01–U+FF5E, `Ａ` `５` `＋`)
/// and of the ideographic space; any other character as it is.
pub fn narrow(c: char) -> char {
    match u32::from(c) {
        code @ 0xFF01..=0xFF5E => char::from_u32(code - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Folds full-width ASCII forms and the ideographic space to ASCII ([`narrow`]), character
/// for character, so that `５Ｇ` reads as `5G`. Text without them comes back borrowed.
pub fn fold_width(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| narrow(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.chars().map(narrow).collect())
    }
}

/// Text as search sees it: full-width forms folded to ASCII and traditional characters to
/// simplified ones, character for character (byte lengths may change: see
/// [`offsets_back`]).
pub fn fold_for_search(s: &str) -> Cow<'_, str> {
    match fold_width(s) {
        Cow::Borrowed(b) => to_simplified(b),
        Cow::Owned(o) => Cow::Owned(to_simplified(&o).into_owned()),
    }
}

/// A full-width letter or digit (`Ａ`, `５`): U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A.
fn is_wide_alnum(c: char) -> bool {
    matches!(u32::from(c), 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}

/// Text as the index's analyzer sees it: [`fold_for_search`] for what the analyzer keeps
/// (letters and digits; it leaves signs and spaces out either way), so that Chinese text,
/// whose commas and brackets are full-width signs, is not copied only to fold them.
pub fn fold_for_index(s: &str) -> Cow<'_, str> {
    // Full-width letters and digits are encoded EF BC 90..EF BD 9A: look at the bytes.
    let b = s.as_bytes();
    let wide = b.windows(2).enumerate().any(|(i, w)| {
        w[0] == 0xEF
            && (w[1] == 0xBC || w[1] == 0xBD)
            && s.get(i..)
                .and_then(|t| t.chars().next())
                .is_some_and(is_wide_alnum)
    });
    if wide {
        let narrowed: String = s
            .chars()
            .map(|c| if is_wide_alnum(c) { narrow(c) } else { c })
            .collect();
        Cow::Owned(to_simplified(&narrowed).into_owned())
    } else {
        to_simplified(s)
    }
}

/// For `folded`, made from `original` character for character: the byte offset in
/// `original` of each byte offset of `folded` (meaningful where a character starts, and at
/// the end). `None` when every character kept its byte length, so that offsets are the same.
pub fn offsets_back(original: &str, folded: &str) -> Option<Vec<usize>> {
    let same = original.len() == folded.len()
        && original
            .chars()
            .zip(folded.chars())
            .all(|(a, b)| a.len_utf8() == b.len_utf8());
    if same {
        return None;
    }
    let mut map = vec![original.len(); folded.len() + 1];
    let mut orig = original.char_indices().map(|(i, _)| i);
    for (fi, c) in folded.char_indices() {
        let at = orig.next().unwrap_or(original.len());
        for slot in map.iter_mut().skip(fi).take(c.len_utf8()) {
            *slot = at;
        }
    }
    Some(map)
}

/// What the converter makes of `c` between `prev` and `next`.
fn fold_in_context(prev: Option<char>, c: char, next: Option<char>) -> char {
    let window: String = prev.into_iter().chain([c]).chain(next).collect();
    let folded = fast2s::convert(&window);
    let mut chars = folded.chars();
    if prev.is_some() {
        chars.next();
    }
    chars.next().unwrap_or(c)
}

/// Characters whose folding depends on the characters beside them (藉 stays in 慰藉, 著 folds
/// only in 看著 ...): folding one alone says nothing about how it folds in text.
const CONTEXTUAL: &[char] = &[
    '兒', '覆', '夥', '藉', '瞭', '麽', '幺', '於', '乾', '著', '苧', '闔', '鍾', '讎', '畫',
];

/// What is known about each three-byte character (the only ones the converter changes):
/// 0 not yet looked at, 1 never changed by folding, 2 may be changed.
static FOLDS: [AtomicU8; 0x10000] = [const { AtomicU8::new(0) }; 0x10000];

/// True when folding may change `c`. The answer for a character is worked out on first
/// sight, by folding it alone, and remembered.
#[inline]
fn may_fold(c: char) -> bool {
    let code = c as usize;
    if !(0x800..0x10000).contains(&code) {
        return false;
    }
    let Some(slot) = FOLDS.get(code) else {
        return false;
    };
    match slot.load(Ordering::Relaxed) {
        1 => false,
        2 => true,
        _ => {
            let mut buf = [0u8; 4];
            let alone: &str = c.encode_utf8(&mut buf);
            let changes = CONTEXTUAL.contains(&c) || fast2s::convert(alone) != alone;
            slot.store(if changes { 2 } else { 1 }, Ordering::Relaxed);
            changes
        }
    }
}

/// True for the Han ideographs and CJK punctuation that never take spaces between them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF     // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xF900..=0xFAFF   // CJK Compatibility Ideographs
        | 0x20000..=0x2EBEF // Extensions B–F
        | 0x3000..=0x303F   // CJK punctuation (、。「」…)
        | 0xFF00..=0xFFEF   // full-width forms (,:()…)
    )
}

/// True for Han ideographs only (no punctuation).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF)
}

/// The share of Han characters among the letters of `s` (0.0 when it has no letters).
pub fn han_ratio(s: &str) -> f32 {
    let mut han = 0usize;
    let mut letters = 0usize;
    for c in s.chars() {
        if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
        } else if is_han(c) {
            han += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 {
        0.0
    } else {
        han as f32 / letters as f32
    }
}

/// Whether `t` has at most `n` characters, without counting past them (paragraphs run long,
/// and every line of every file is asked such things).
pub fn at_most_chars(t: &str, n: usize) -> bool {
    t.chars().nth(n).is_none()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The quick path must give exactly what the converter gives, context rules included.
    #[test]
    fn folding_equals_the_converter() {
        let texts = [
            "产教融合",
            "產教融合與校企合作",
            "廣東職業技術學院",
            "看著他们",
            "看着他们",
            "慰藉与狼藉",
            "乾隆年间的芒果乾",
            "計畫和企畫",
            "ASCII only, 2025-01-01",
            "Café über 東莞",
            "",
            "𠀀 outside the basic plane",
        ];
        for t in texts {
            assert_eq!(to_simplified(t), fast2s::convert(t), "{t}");
        }
        assert!(matches!(to_simplified("产教融合 robots"), Cow::Borrowed(_)));
        for (text, folded) in [("看著", "看着"), ("显著", "显著"), ("慰藉", "慰藉")] {
            assert_eq!(to_simplified(text), folded, "{text}");
        }
        assert!(matches!(to_simplified("產教融合"), Cow::Owned(_)));
        assert!(matches!(to_simplified("效果显著"), Cow::Borrowed(_)));
    }

    /// Random mixes of simplified, traditional and context-dependent characters, ASCII and
    /// characters outside the basic plane fold exactly as the converter folds them.
    #[test]
    fn random_mixes_fold_as_the_converter_does() {
        let pool: Vec<char> =
            "产教融合產業學實設職與訓著看覆答乾隆坤藉口慰畫計企於樊兒寬 a-Z1,\u{3002}\u{FF0C}é𠀀"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..5_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 12) as usize;
            let text: String = (0..len)
                .map(|k| pool[((seed >> (k * 5)) as usize) % pool.len()])
                .collect();
            assert_eq!(to_simplified(&text), fast2s::convert(&text), "{text}");
        }
    }

    /// Every character that the converter changes on its own is seen as one that may fold.
    #[test]
    fn every_changed_character_is_flagged() {
        let mut changed = 0;
        for code in 0x800u32..0x10000 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let alone = c.to_string();
            if fast2s::convert(&alone) != alone {
                changed += 1;
                assert!(may_fold(c), "{c}");
            }
        }
        assert!(changed > 2000, "{changed}");
    }

    #[test]
    fn full_width_forms_fold_to_ascii_one_character_each() {
        let text = "５Ｇ＋工业互联网\u{3000}ＡＩ质检，２０２５年";
        let folded = fold_for_search(text);
        assert_eq!(folded, "5G+工业互联网 AI质检,2025年");
        assert_eq!(folded.chars().count(), text.chars().count());
        assert!(matches!(fold_for_search("5G 产教融合"), Cow::Borrowed(_)));
        assert_eq!(fold_for_search("產教融合ＡＢ"), "产教融合AB");
        // The full-width comma (U+FF0C) folds; U+FF00 and U+FF5F, outside the range, do not.
        assert_eq!(fold_width("\u{ff00}\u{ff5f}\u{ff0c}"), "\u{ff00}\u{ff5f},");
    }

    #[test]
    fn the_index_folds_what_its_analyzer_keeps_as_search_does() {
        use crate::index::analyzer::pieces;
        for text in [
            "５Ｇ＋工业互联网\u{3000}ＡＩ质检，２０２５年（试点）",
            "產教融合：ａｂｃ－ＸＹＺ！",
            "plain 文本, no wide forms",
            "",
        ] {
            let (index, search) = (fold_for_index(text), fold_for_search(text));
            let words =
                |t: &str| -> Vec<String> { pieces(t).iter().map(|p| p.text.to_string()).collect() };
            assert_eq!(words(&index), words(&search), "{text}");
        }
        assert!(matches!(
            fold_for_index("职业院校（试点）：招生"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn offsets_back_point_at_the_original_characters() {
        let text = "ＡＩ质检 2025";
        let folded = fold_for_search(text);
        let map = offsets_back(text, &folded).unwrap();
        let at = folded.find("质检").unwrap();
        let (from, to) = (map[at], map[at + "质检".len()]);
        assert_eq!(&text[from..to], "质检");
        assert_eq!(&text[map[0]..map[2]], "ＡＩ");
        assert_eq!(map[folded.len()], text.len());
        assert!(offsets_back("產教", "产教").is_none());
    }

    #[test]
    fn han_ratio_counts_letters() {
        assert_eq!(han_ratio("产教 ab"), 0.5);
        assert_eq!(han_ratio("12 – !"), 0.0);
        assert_eq!(han_ratio("Café"), 0.0);
    }
}
