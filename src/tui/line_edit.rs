//! The one-line editor of the search line and the view prompt: a cursor where typing and
//! pasting go, moved by whole characters (a Chinese character is one step of two columns),
//! the usual deleting keys, and the part of a long line shown so that the cursor is always
//! on screen and no character is ever cut in half.

use super::text::{ELLIPSIS, char_width};

/// One change to the line or its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// A character typed or pasted, put in at the cursor.
    Insert(char),
    /// One character to the left.
    Left,
    /// One character to the right.
    Right,
    /// To the start of the line.
    Home,
    /// To the end of the line.
    End,
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor (back to the space before it).
    DeleteWord,
    /// Delete from the start of the line to the cursor.
    DeleteToStart,
    /// Delete from the cursor to the end of the line.
    DeleteToEnd,
}

/// Where typing goes in a line, and where the part of it on screen starts.
///
/// The cursor is counted from the end of the text, so that a line put in place from
/// elsewhere (a saved view, the last session) has its cursor at the end, where typing goes
/// on, without anyone having to move it there.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caret {
    /// Bytes after the cursor.
    after: usize,
    /// The byte where the part on screen starts.
    scroll: usize,
}

/// The part of a line shown in the columns it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The characters shown, with `…` where the line goes on out of sight.
    pub text: String,
    /// Columns from the start of `text` to the cursor.
    pub cursor: usize,
}

impl Caret {
    /// The cursor as a byte offset into `text`.
    pub fn at(&self, text: &str) -> usize {
        floor(text, text.len().saturating_sub(self.after))
    }

    fn set(&mut self, text: &str, at: usize) {
        self.after = text.len().saturating_sub(at);
    }

    /// Applies an edit to `text`; true when the text changed (and a new search is due).
    pub fn apply(&mut self, text: &mut String, edit: Edit) -> bool {
        let at = self.at(text);
        let before = prev(text, at);
        let next = next(text, at);
        let (changed, to) = match edit {
            Edit::Insert(c) if !c.is_control() => {
                text.insert(at, c);
                (true, at + c.len_utf8())
            }
            Edit::Insert(_) => (false, at),
            Edit::Left => (false, before),
            Edit::Right => (false, next),
            Edit::Home => (false, 0),
            Edit::End => (false, text.len()),
            Edit::Backspace => cut(text, before..at, before),
            Edit::Delete => cut(text, at..next, at),
            Edit::DeleteWord => {
                let start = word_start(&text[..at]);
                cut(text, start..at, start)
            }
            Edit::DeleteToStart => cut(text, 0..at, 0),
            Edit::DeleteToEnd => cut(text, at..text.len(), at),
        };
        self.set(text, to);
        changed
    }

    /// Moves the part on screen, `columns` wide, as little as needed to show the cursor, and
    /// back towards the start when the rest of the line leaves room.
    pub fn follow(&mut self, text: &str, columns: usize) {
        self.scroll = scroll(text, self.at(text), self.scroll, columns);
    }

    /// The part of `text` shown in `columns`, and where the cursor is in it.
    pub fn show(&self, text: &str, columns: usize) -> Shown {
        let at = self.at(text);
        let from = scroll(text, at, self.scroll, columns);
        render(text, at, from, columns)
    }
}

/// Removes `range` from `text`; the cursor goes to `to`.
fn cut(text: &mut String, range: std::ops::Range<usize>, to: usize) -> (bool, usize) {
    let changed = !range.is_empty();
    text.replace_range(range, "");
    (changed, to)
}

/// `i`, or the start of the character it falls in.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Columns a piece of the line takes (control characters take none: they are not shown).
fn cols(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The end of the character at `at`, with any marks of no width that ride on it.
fn next(text: &str, at: usize) -> usize {
    let mut chars = text[at..].char_indices();
    let Some((_, first)) = chars.next() else {
        return at;
    };
    let mut end = at + first.len_utf8();
    for (i, c) in chars {
        if char_width(c) > 0 {
            break;
        }
        end = at + i + c.len_utf8();
    }
    end
}

/// The start of the character before `at`, with any marks of no width that ride on it.
fn prev(text: &str, at: usize) -> usize {
    let mut start = at;
    for (i, c) in text[..at].char_indices().rev() {
        start = i;
        if char_width(c) > 0 {
            break;
        }
    }
    start
}

/// Where the word before the end of `s` starts: spaces at the end are passed over, then
/// everything back to the previous space.
fn word_start(s: &str) -> usize {
    let kept = s.trim_end().len();
    s[..kept]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Whether, showing from `from`, the cursor at `at` is on screen: a `…` first when the line
/// starts out of sight, the text up to the cursor, the character under the cursor, and a
/// column after it (for the cursor at the end, or a `…` when the line goes on).
fn fits(text: &str, at: usize, from: usize, columns: usize) -> bool {
    let lead = usize::from(from > 0);
    // `<`: a column is left after the cursor's character.
    lead + cols(&text[from..next(text, at)]) < columns
}

/// Whether the whole line from `from` fits, with a column after it for the cursor.
fn rest_fits(text: &str, from: usize, columns: usize) -> bool {
    let lead = usize::from(from > 0);
    lead + cols(&text[from..]) < columns
}

/// Where the part on screen starts: as near to `from` as shows the cursor, as early as
/// leaves no room unused at the end.
fn scroll(text: &str, at: usize, from: usize, columns: usize) -> usize {
    if rest_fits(text, 0, columns) {
        return 0;
    }
    let mut s = floor(text, from.min(at));
    while s < at && !fits(text, at, s, columns) {
        s = next(text, s);
    }
    while s > 0 {
        let p = prev(text, s);
        if !rest_fits(text, p, columns) {
            break;
        }
        s = p;
    }
    s
}

/// The line from `from` in `columns`: a `…` on each side where it goes on out of sight.
fn render(text: &str, at: usize, from: usize, columns: usize) -> Shown {
    let mut out = String::new();
    if columns == 0 {
        return Shown {
            text: out,
            cursor: 0,
        };
    }
    let mut used = 0;
    if from > 0 {
        out.push(ELLIPSIS);
        used = 1;
    }
    let cursor = used + cols(&text[from..at]);
    let all = rest_fits(text, from, columns);
    for c in text[from..].chars() {
        let w = char_width(c);
        if !all && used + w + 1 > columns {
            if used < columns {
                out.push(ELLIPSIS);
            }
            break;
        }
        if !c.is_control() {
            out.push(c);
        }
        used += w;
    }
    Shown { text: out, cursor }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Applies edits to a line typed from the start; returns the text and the cursor's byte.
    fn run(start: &str, edits: &[Edit]) -> (String, usize) {
        let mut text = start.to_string();
        let mut c = Caret::default();
        for e in edits {
            c.apply(&mut text, *e);
        }
        let at = c.at(&text);
        (text, at)
    }

    #[test]
    fn moves_by_whole_characters() {
        let (t, at) = run("ab职教", &[Edit::Left, Edit::Insert('x')]);
        assert_eq!(t, "ab职x教");
        assert_eq!(at, "ab职x".len());
        let (t, _) = run("职教", &[Edit::Home, Edit::Right, Edit::Delete]);
        assert_eq!(t, "职");
        // A mark of no width goes with the character it rides on.
        let (t, _) = run("ae\u{301}", &[Edit::Left, Edit::Backspace]);
        assert_eq!(t, "e\u{301}");
    }

    #[test]
    fn deletes_around_the_cursor() {
        let left3 = [Edit::Left, Edit::Left, Edit::Left];
        let mut e = left3.to_vec();
        e.push(Edit::DeleteWord);
        assert_eq!(run("产教 融合 abc", &e).0, "产教 abc");
        e.push(Edit::DeleteWord);
        assert_eq!(run("产教 融合 abc", &e).0, "abc");
        let mut e = left3.to_vec();
        e.push(Edit::DeleteToStart);
        assert_eq!(run("产教 融合 abc", &e), ("abc".to_string(), 0));
        let mut e = left3.to_vec();
        e.push(Edit::DeleteToEnd);
        assert_eq!(run("产教 融合 abc", &e).0, "产教 融合 ");
        // Nothing to delete: nothing changes.
        let mut text = "ab".to_string();
        let mut c = Caret::default();
        assert!(!c.apply(&mut text, Edit::Delete));
        assert!(!c.apply(&mut text, Edit::DeleteToEnd));
        c.apply(&mut text, Edit::Home);
        assert!(!c.apply(&mut text, Edit::Backspace));
        assert!(!c.apply(&mut text, Edit::DeleteWord));
        assert!(c.apply(&mut text, Edit::Delete));
    }

    #[test]
    fn a_line_put_in_place_has_its_cursor_at_the_end() {
        let mut c = Caret::default();
        let mut text = "abc".to_string();
        c.apply(&mut text, Edit::Left);
        text = "职教".to_string();
        // One byte from the end falls inside `教`: the cursor goes before it.
        assert_eq!(c.at(&text), "职".len());
        c = Caret::default();
        assert_eq!(c.at(&text), text.len());
    }

    #[test]
    fn a_long_line_scrolls_to_show_the_cursor() {
        let text = "职业教育abc产教融合def".to_string();
        let width = 10;
        let mut c = Caret::default();
        c.follow(&text, width);
        // At the end: the tail, a `…` before it, a cell for the cursor.
        let s = c.show(&text, width);
        assert_eq!(s.text, "…融合def");
        assert_eq!(s.cursor, 8);
        // Left into the shown part: nothing scrolls.
        let mut t = text.clone();
        for _ in 0..4 {
            c.apply(&mut t, Edit::Left);
            c.follow(&t, width);
        }
        let s = c.show(&t, width);
        assert_eq!(s.text, "…融合def");
        assert_eq!(s.cursor, 3);
        // The character after the `…` is still on screen; one more, and the line scrolls
        // by one character.
        for _ in 0..2 {
            c.apply(&mut t, Edit::Left);
            c.follow(&t, width);
        }
        let s = c.show(&t, width);
        assert_eq!(s.text, "…教融合de…");
        assert_eq!(s.cursor, 1);
        // Home shows the start, cut at a whole character.
        c.apply(&mut t, Edit::Home);
        c.follow(&t, width);
        let s = c.show(&t, width);
        assert_eq!(s.text, "职业教育a…");
        assert_eq!(s.cursor, 0);
        // Right again: the line stays until the cursor reaches its right edge.
        for _ in 0..4 {
            c.apply(&mut t, Edit::Right);
            c.follow(&t, width);
        }
        assert_eq!(c.show(&t, width).text, "职业教育a…");
        c.apply(&mut t, Edit::Right);
        c.follow(&t, width);
        assert_eq!(c.show(&t, width).text, "…业教育ab…");
        for s in [0, 3, 5, 9, 10] {
            for at in 0..=t.len() {
                if t.is_char_boundary(at) {
                    let shown = render(&t, at, scroll(&t, at, s, width), width);
                    assert!(cols(&shown.text) <= width, "{shown:?}");
                    assert!(shown.cursor < width, "{shown:?}");
                }
            }
        }
    }
}
