//! Text with styled byte ranges, wrapped by display width into ratatui lines.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::text::{self, width};

/// A text and the styles of parts of it (later runs win where they overlap).
#[derive(Debug, Clone, Default)]
pub struct Styled {
    pub text: String,
    pub runs: Vec<(Range<usize>, Style)>,
}

impl Styled {
    pub fn new() -> Self {
        Styled::default()
    }

    /// Appends a piece of text in a style (control characters become spaces or go away).
    pub fn push(&mut self, s: &str, style: Style) -> &mut Self {
        let s = text::clean(s);
        let start = self.text.len();
        self.text.push_str(&s);
        self.runs.push((start..self.text.len(), style));
        self
    }

    /// Appends text and lays `extra` over the given ranges of it (byte ranges of `s`).
    pub fn push_marked(&mut self, s: &str, style: Style, marks: &[Range<usize>], extra: Style) {
        let start = self.text.len();
        self.push(s, style);
        for r in marks {
            let (a, b) = (start + r.start, start + r.end);
            if b <= self.text.len() && a < b {
                self.runs.push((a..b, style.patch(extra)));
            }
        }
    }

    /// The style at a byte position.
    fn style_at(&self, at: usize) -> Style {
        self.runs
            .iter()
            .rev()
            .find(|(r, _)| r.contains(&at))
            .map_or_else(Style::default, |(_, s)| *s)
    }

    /// Spans for one byte range of the text, cut where the style changes.
    pub fn spans(&self, range: Range<usize>) -> Vec<Span<'static>> {
        let mut out = Vec::new();
        let Some(slice) = self.text.get(range.clone()) else {
            return out;
        };
        let mut run_start = 0;
        let mut cur: Option<Style> = None;
        for (i, _) in slice.char_indices() {
            let s = self.style_at(range.start + i);
            match cur {
                Some(c) if c == s => {}
                Some(c) => {
                    out.push(Span::styled(slice[run_start..i].to_string(), c));
                    run_start = i;
                    cur = Some(s);
                }
                None => cur = Some(s),
            }
        }
        if let Some(c) = cur {
            out.push(Span::styled(slice[run_start..].to_string(), c));
        }
        out
    }

    /// Wraps to `width` columns; the first line starts with `first`, the others with
    /// `rest` (both in `prefix_style`). Also says where each range of `marks` (sorted, not
    /// overlapping) ends up: a range that runs on to the next line begins once, on the line
    /// where it begins, so the number of marks is the same at every width.
    pub fn wrap(
        &self,
        width: usize,
        first: &str,
        rest: &str,
        prefix_style: Style,
        marks: &[Range<usize>],
    ) -> Wrapped {
        let indent = text::width(first).max(text::width(rest));
        let avail = width.saturating_sub(indent).max(1);
        let ranges = text::wrap(&self.text, avail);
        let prefix = |i: usize| if i == 0 { first } else { rest };
        let places = marks
            .iter()
            .filter(|m| !ranges.is_empty() && m.start < m.end && m.end <= self.text.len())
            .map(|m| {
                // A mark belongs to the last line starting at or before it (the spaces
                // dropped at a break belong to the line before them).
                let begins = ranges.iter().rposition(|r| r.start <= m.start).unwrap_or(0);
                let parts = ranges
                    .iter()
                    .enumerate()
                    .skip(begins)
                    .take_while(|(_, r)| r.start < m.end)
                    .filter_map(|(i, r)| {
                        let (a, b) = (m.start.max(r.start), m.end.min(r.end));
                        if a >= b {
                            return None;
                        }
                        let column = |at: usize| {
                            let before = self.text.get(r.start..at)?;
                            Some(text::width(prefix(i)) + text::width(before))
                        };
                        Some((i, column(a)?..column(b)?))
                    })
                    .collect();
                MarkPlace { begins, parts }
            })
            .collect();
        let lines = ranges
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let mut spans = Vec::new();
                if !prefix(i).is_empty() {
                    spans.push(Span::styled(prefix(i).to_string(), prefix_style));
                }
                spans.extend(self.spans(r));
                Line::from(spans)
            })
            .collect();
        Wrapped {
            lines,
            marks: places,
        }
    }
}

/// A [`Styled`] text wrapped into lines, and where its marks are on them.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub lines: Vec<Line<'static>>,
    /// Per mark, in order (which is the order of the lines where they begin).
    pub marks: Vec<MarkPlace>,
}

/// Where a marked range of a wrapped text is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkPlace {
    /// The line where it begins.
    pub begins: usize,
    /// Per line it shows on: that line and the columns it takes there (the prefix counted).
    pub parts: Vec<(usize, Range<usize>)>,
}

/// A line padded or cut to exactly `w` columns from styled pieces, in order; pieces that
/// do not fit are cut with `…`.
pub fn fit_spans(pieces: Vec<(String, Style)>, w: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for (s, style) in pieces {
        if used >= w {
            break;
        }
        let t = text::truncate(&s, w - used).into_owned();
        used += width(&t);
        spans.push(Span::styled(t, style));
    }
    Line::from(spans)
}

/// A label and a list of names, wrapped at the names to `width` columns: the first line
/// starts with the label (in `label_style`), the others with as many spaces, and names are
/// joined by `sep` (also in `label_style`). A name that does not fit on the line goes to the
/// next one whole; only a name wider than a line by itself is broken.
pub fn wrap_list(
    label: &str,
    items: &[(String, Style)],
    sep: &str,
    width: usize,
    label_style: Style,
) -> Vec<Line<'static>> {
    let indent = width_of_prefix(label, width);
    let avail = width.saturating_sub(indent).max(1);
    let pad = " ".repeat(indent);
    let sep_w = text::width(sep);
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    if indent > 0 {
        spans.push(Span::styled(label.to_string(), label_style));
    } else if !label.is_empty() {
        // No room beside the label: it takes a line of its own.
        let cut = text::truncate(label, width).into_owned();
        lines.push(Line::from(Span::styled(cut, label_style)));
    }
    let mut used = 0;
    let mut next_line = |spans: &mut Vec<Span<'static>>, used: &mut usize| {
        lines.push(Line::from(std::mem::take(spans)));
        if !pad.is_empty() {
            spans.push(Span::raw(pad.clone()));
        }
        *used = 0;
    };
    for (item, style) in items {
        let item = text::clean(item);
        let w = text::width(&item);
        if w == 0 {
            continue;
        }
        if used > 0 && used + sep_w + w <= avail {
            spans.push(Span::styled(sep.to_string(), label_style));
            spans.push(Span::styled(item.into_owned(), *style));
            used += sep_w + w;
            continue;
        }
        if used > 0 {
            next_line(&mut spans, &mut used);
        }
        for (k, r) in text::wrap(&item, avail).into_iter().enumerate() {
            if k > 0 {
                next_line(&mut spans, &mut used);
            }
            let piece = &item[r];
            used = text::width(piece);
            spans.push(Span::styled(piece.to_string(), *style));
        }
    }
    lines.push(Line::from(spans));
    lines
}

/// The columns a label takes at the start of each line: its width, or none when the line
/// would have no room left after it.
fn width_of_prefix(label: &str, width: usize) -> usize {
    let w = text::width(label);
    if w < width { w } else { 0 }
}
