//! Small text helpers shared by the parser and the taggers.

/// Folds traditional characters to simplified ones, character by character, so that
/// 產教融合 reads as 产教融合 and 廣東 as 广东. Each character maps to exactly one character.
pub fn to_simplified(s: &str) -> String {
    fast2s::convert(s)
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
        if is_han(c) {
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
