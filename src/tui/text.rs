//! Display-width helpers: Chinese characters take two columns, so every cut, pad and wrap is
//! measured in columns, never in bytes or characters.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The ellipsis that marks a cut.
pub const ELLIPSIS: char = '…';

/// Columns a string takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Columns a character takes (0 for control characters).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// Replaces tabs and line breaks with spaces and drops other control characters, so that
/// nothing in the text can move the terminal's cursor.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// `s` cut to at most `max` columns, ending in `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// `s` cut (with `…`) or padded with spaces to exactly `w` columns.
pub fn fit(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    let mut out = t.into_owned();
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// `s` right-aligned in `w` columns (cut with `…` when too wide).
pub fn fit_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let pad = w.saturating_sub(width(&t));
    let mut out: String = std::iter::repeat_n(' ', pad).collect();
    out.push_str(&t);
    out
}

/// Chinese and Japanese characters, which may be broken between.
fn breaks_anywhere(c: char) -> bool {
    crate::text::is_cjk(c) || matches!(c as u32, 0x3040..=0x30FF | 0xAC00..=0xD7AF)
}

/// Punctuation that never starts a line.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        // Full-width , 。 、 ; : ! ? ) and the closing brackets and quotes.
        '\u{FF0C}'
            | '。'
            | '、'
            | '\u{FF1B}'
            | '\u{FF1A}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF09}'
            | '」'
            | '』'
            | '》'
            | '】'
            | '〉'
            | '”'
            | '’'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '%'
            | '·'
    )
}

/// Punctuation that never ends a line.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '\u{FF08}' | '「' | '『' | '《' | '【' | '〈' | '“' | '‘' | '(' | '['
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Space,
    Word,
}

/// Splits text into units that wrapping never breaks: runs of spaces, Latin words, single
/// CJK characters with their closing punctuation (and an opening punctuation glued to the
/// character after it).
fn units(text: &str) -> Vec<(Range<usize>, Kind, usize)> {
    let mut out: Vec<(Range<usize>, Kind, usize)> = Vec::new();
    let mut glue_next = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let cw = char_width(c);
        let space = c.is_whitespace();
        let kind = if space { Kind::Space } else { Kind::Word };
        let joins = match out.last() {
            Some((r, k, _)) if r.end == i => {
                if glue_next && !space {
                    true
                } else if space {
                    *k == Kind::Space
                } else if *k == Kind::Space {
                    false
                } else if is_closing(c) {
                    true
                } else {
                    // Inside a Latin word, unless either side is a CJK character.
                    let prev = text[r.clone()].chars().next_back();
                    !breaks_anywhere(c) && prev.is_some_and(|p| !breaks_anywhere(p))
                }
            }
            _ => false,
        };
        match out.last_mut() {
            Some((r, _, w)) if joins => {
                r.end = end;
                *w += cw;
            }
            _ => out.push((i..end, kind, cw)),
        }
        glue_next = is_opening(c);
    }
    out
}

/// Wraps `text` into lines of at most `width` columns: at spaces between Latin words,
/// between any two Chinese characters (punctuation stays with the character before it), and
/// inside a word only when it is wider than a line. Returns byte ranges into `text`, without
/// the spaces at the breaks; an empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut line: Option<Range<usize>> = None;
    let mut line_w = 0usize;
    // Spaces seen after the line's last word: kept only if a word follows on the same line.
    let mut pending: Option<(usize, usize)> = None;
    for (r, kind, w) in units(text) {
        if kind == Kind::Space {
            if line.is_some() {
                pending = Some((r.end, w));
            }
            continue;
        }
        let space_w = pending.map_or(0, |(_, w)| w);
        match line.as_mut() {
            Some(l) if line_w + space_w + w <= width => {
                l.end = r.end;
                line_w += space_w + w;
                pending = None;
                continue;
            }
            Some(l) => {
                lines.push(l.clone());
                pending = None;
            }
            None => {}
        }
        if w <= width {
            line = Some(r);
            line_w = w;
            continue;
        }
        // A word wider than the line: cut it after the last slash, hyphen or other joint
        // that fits (a path, an address, relevance/newest/oldest), else by characters.
        let mut start = r.start;
        let mut cw_sum = 0;
        // Just after the last joint on this line, and the line's width up to it.
        let mut joint: Option<(usize, usize)> = None;
        for (i, c) in text[r.clone()].char_indices() {
            let at = r.start + i;
            let cw = char_width(c);
            if cw_sum + cw > width && at > start {
                match joint.take() {
                    // Not when that would leave most of the line empty.
                    Some((j, jw)) if j > start && j <= at && jw * 3 >= width => {
                        lines.push(start..j);
                        start = j;
                        cw_sum -= jw;
                    }
                    _ => {
                        lines.push(start..at);
                        start = at;
                        cw_sum = 0;
                    }
                }
            }
            cw_sum += cw;
            if is_joint(c) {
                joint = Some((at + c.len_utf8(), cw_sum));
            }
        }
        line = Some(start..r.end);
        line_w = cw_sum;
    }
    if let Some(l) = line {
        lines.push(l);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Characters after which a word too wide for a line may be cut.
fn is_joint(c: char) -> bool {
    matches!(c, '/' | '-' | '_' | '.' | '?' | '&' | '=' | '|' | '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn truncates_by_columns() {
        assert_eq!(truncate("产教融合", 5), "产教…");
        assert_eq!(truncate("产教融合", 8), "产教融合");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(fit("产教融合", 6), "产教… ");
        assert_eq!(width(&fit("产教融合", 6)), 6);
    }

    #[test]
    fn wraps_chinese_without_spaces() {
        assert_eq!(
            wrapped("职业教育产教融合", 6),
            vec!["职业教", "育产教", "融合"]
        );
        // Punctuation stays with the character before it.
        assert_eq!(wrapped("产教融合。职业", 8), vec!["产教融", "合。职业"]);
    }

    #[test]
    fn wraps_english_at_spaces() {
        assert_eq!(
            wrapped("vocational education reform", 12),
            vec!["vocational", "education", "reform"]
        );
        assert_eq!(wrapped("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cuts_a_wide_word_after_a_joint() {
        assert_eq!(
            wrapped("cycle (relevance/newest/oldest)", 16),
            vec!["cycle", "(relevance/", "newest/oldest)"]
        );
        assert_eq!(
            wrapped("https://example.org/news/2025/vocational-colleges.html", 20),
            vec![
                "https://example.org/",
                "news/2025/",
                "vocational-colleges.",
                "html"
            ]
        );
        // No joint on the line, or one that would leave most of it empty: by characters.
        assert_eq!(wrapped("abcdefgh/ij", 4), vec!["abcd", "efgh", "/ij"]);
        assert_eq!(wrapped("/abcdefg", 4), vec!["/abc", "defg"]);
    }
}
