//! The terms an article is compared by, hashed: English words, Chinese character bigrams
//! and numbers.

/// FNV-1a: a fast, stable hash for terms.
pub fn hash(kind: u8, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(kind);
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const STOP: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "that",
    "this",
    "from",
    "are",
    "was",
    "were",
    "has",
    "have",
    "its",
    "their",
    "into",
    "such",
    "which",
    "while",
    "also",
    "more",
    "than",
    "been",
    "will",
    "through",
    "over",
    "between",
    "including",
    "aims",
    "key",
    "new",
    "group",
    "core",
    "viewpoint",
    "insight",
    "point",
    "these",
    "they",
    "other",
    "both",
    "not",
    "but",
    "can",
    "all",
    "who",
    "her",
    "his",
];

/// One term of a text.
pub enum Term<'a> {
    Word(&'a str),
    Bigram(char, char),
    Number(&'a str),
}

impl Term<'_> {
    pub fn id(&self) -> u64 {
        match self {
            Term::Word(w) => hash(b'w', w.as_bytes()),
            Term::Number(n) => hash(b'#', n.as_bytes()),
            Term::Bigram(a, b) => {
                let mut buf = [0u8; 8];
                let len_a = a.encode_utf8(&mut buf).len();
                let len_b = b.encode_utf8(&mut buf[len_a..]).len();
                hash(b'b', &buf[..len_a + len_b])
            }
        }
    }
}

/// Calls `f` for every term of `text`: English words (lower-cased, a plural `s` dropped,
/// stop words skipped), Chinese character bigrams (traditional folded to simplified) and
/// numbers (thousands separators dropped).
pub fn for_each_term(text: &str, f: &mut dyn FnMut(Term<'_>)) {
    let text = crate::text::to_simplified(text);
    let mut word = String::new();
    let mut num = String::new();
    let mut prev_han: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit()
            || (!num.is_empty()
                && matches!(c, ',' | '.')
                && chars.peek().is_some_and(char::is_ascii_digit))
        {
            flush_word(&mut word, f);
            prev_han = None;
            if c != ',' {
                num.push(c);
            }
            continue;
        }
        if !num.is_empty() {
            f(Term::Number(&num));
            num.clear();
        }
        if crate::text::is_han(c) {
            flush_word(&mut word, f);
            if let Some(p) = prev_han {
                f(Term::Bigram(p, c));
            }
            prev_han = Some(c);
        } else if c.is_alphabetic() {
            prev_han = None;
            word.extend(c.to_lowercase());
        } else {
            flush_word(&mut word, f);
            prev_han = None;
        }
    }
    if !num.is_empty() {
        f(Term::Number(&num));
    }
    flush_word(&mut word, f);
}

fn flush_word(word: &mut String, f: &mut dyn FnMut(Term<'_>)) {
    if word.len() >= 3 && !STOP.contains(&word.as_str()) {
        let stem = word
            .strip_suffix('s')
            .filter(|s| s.len() >= 3)
            .unwrap_or(word);
        f(Term::Word(stem));
    }
    word.clear();
}

/// The figures a text gives — numbers of two digits or more that are not years — hashed,
/// sorted, without repeats. A byte scan: no folding needed for digits.
pub fn figures(texts: &[&str]) -> Vec<u64> {
    let mut out = Vec::new();
    for text in texts {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphabetic()) {
                i += 1;
                continue;
            }
            let mut num = Vec::new();
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b',' | b'.')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                if bytes[i] != b',' {
                    num.push(bytes[i]);
                }
                i += 1;
            }
            if is_figure(&num) {
                out.push(hash(b'#', &num));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A number worth matching on: not a year, not a single digit.
fn is_figure(num: &[u8]) -> bool {
    let text = std::str::from_utf8(num).unwrap_or("0");
    let value: f64 = text.parse().unwrap_or(0.0);
    let year = num.len() == 4 && !num.contains(&b'.') && (1900.0..=2100.0).contains(&value);
    value >= 10.0 && !year
}

/// The terms of a title, sorted, without repeats.
pub fn title_terms(title: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for_each_term(title, &mut |t| out.push(t.id()));
    out.sort_unstable();
    out.dedup();
    out
}

/// Han characters of the two main blocks: every one is a letter without case. Checked first,
/// since the Unicode table look-ups of `is_alphanumeric` and `to_lowercase` are costly.
fn plain_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// `c.to_lowercase()`, without the table look-up for ASCII and Han characters.
fn lowercase(c: char) -> Lowercase {
    if c.is_ascii() {
        Lowercase::One(c.to_ascii_lowercase())
    } else if plain_han(c) {
        Lowercase::One(c)
    } else {
        Lowercase::Table(c.to_lowercase())
    }
}

enum Lowercase {
    One(char),
    Done,
    Table(std::char::ToLowercase),
}

impl Iterator for Lowercase {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Lowercase::One(c) => {
                let c = *c;
                *self = Lowercase::Done;
                Some(c)
            }
            Lowercase::Done => None,
            Lowercase::Table(t) => t.next(),
        }
    }
}

/// A sketch of how a body opens: the smallest hashes of the character 4-grams of its first
/// few hundred characters. Two reports that open with the same sentences share most of it.
pub fn lead_sketch(body: &str, size: usize) -> Vec<u64> {
    let mut window = [0u32; 4];
    let mut grams: Vec<u64> = Vec::with_capacity(300);
    for (i, c) in body
        .chars()
        .filter(|&c| plain_han(c) || c.is_alphanumeric())
        .take(300)
        .flat_map(lowercase)
        .enumerate()
    {
        // Not `rotate_left`: on four elements its out-of-line call costs more than the hash.
        window = [window[1], window[2], window[3], c as u32];
        if i >= 3 {
            let mut bytes = [0u8; 16];
            for (k, w) in window.iter().enumerate() {
                bytes[k * 4..k * 4 + 4].copy_from_slice(&w.to_le_bytes());
            }
            grams.push(hash(b'l', &bytes));
        }
    }
    smallest_distinct(grams, size)
}

/// The `size` smallest distinct values, in order: the same as sorting, deduplicating and
/// truncating, without sorting all of them (a sketch keeps a few dozen of ~300 hashes).
fn smallest_distinct(mut values: Vec<u64>, size: usize) -> Vec<u64> {
    // Twice the size leaves room for repeats; with too many, sort everything.
    let k = size.saturating_mul(2);
    if k > 0 && k < values.len() {
        values.select_nth_unstable(k - 1);
        let mut front = values[..k].to_vec();
        front.sort_unstable();
        front.dedup();
        if front.len() >= size {
            front.truncate(size);
            return front;
        }
    }
    values.sort_unstable();
    values.dedup();
    values.truncate(size);
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_lowercase_matches_the_table() {
        for c in [
            'A', 'z', '7', '产', '\u{3400}', '\u{9FFF}', 'É', 'İ', 'Σ', '國',
        ] {
            assert_eq!(
                lowercase(c).collect::<String>(),
                c.to_lowercase().collect::<String>()
            );
            if plain_han(c) {
                assert!(c.is_alphanumeric(), "{c}");
            }
        }
        for c in (0x3400..=0x4DBF)
            .chain(0x4E00..=0x9FFF)
            .filter_map(char::from_u32)
        {
            assert!(c.is_alphanumeric() && c.to_lowercase().eq([c]), "{c}");
        }
    }

    #[test]
    fn smallest_distinct_equals_sorting_everything() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..2_000 {
            let len = round % 90;
            let values: Vec<u64> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Few distinct values in some rounds, so that repeats crowd the front.
                    seed % if round % 3 == 0 { 12 } else { 1_000 }
                })
                .collect();
            for size in [0, 1, 5, 24, 40] {
                let mut all = values.clone();
                all.sort_unstable();
                all.dedup();
                all.truncate(size);
                assert_eq!(
                    smallest_distinct(values.clone(), size),
                    all,
                    "{values:?} {size}"
                );
            }
        }
    }

    #[test]
    fn figures_skip_years_and_single_digits() {
        let a = figures(&["In 2025, 1,200 firms and 57 colleges joined 3 alliances (v2)."]);
        let b = figures(&["2026年共有1200余家企业、57所院校参与"]);
        assert_eq!(a.len(), 2);
        assert_eq!(a, b);
    }

    #[test]
    fn traditional_and_simplified_titles_share_terms() {
        assert_eq!(title_terms("產教融合"), title_terms("产教融合"));
    }
}
