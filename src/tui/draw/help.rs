//! The `?` overlay, written from the key map: every binding with its description, then the
//! mouse and what a query may hold.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::hints;
use crate::tui::keymap::{MOUSE, QUERY, Scope};
use crate::tui::layout;
use crate::tui::strings;
use crate::tui::text::{self, fit, width};
use crate::tui::theme::Theme;

use super::{fit_title, panel, popup};

/// A section of the overlay that is not written from the key map: its title and rows of
/// keys (or what to type) and what they do.
type Extra = (&'static str, &'static [(&'static str, &'static str)]);

/// The mouse.
const MOUSE_SECTION: Extra = (strings::MOUSE_TITLE, MOUSE);
/// What a query may hold.
const QUERY_SECTION: Extra = (strings::QUERY_TITLE, QUERY);
/// Where they go: after every binding in one column; in two, what a query may hold under
/// the keys that work everywhere (the shorter side), the mouse on the right.
const ONE_COLUMN: &[Extra] = &[MOUSE_SECTION, QUERY_SECTION];
const LEFT: &[Extra] = &[QUERY_SECTION];
const RIGHT: &[Extra] = &[MOUSE_SECTION];

/// The rows of some extra sections.
fn extra_rows(extras: &[Extra]) -> impl Iterator<Item = &(&'static str, &'static str)> {
    extras.iter().flat_map(|(_, rows)| rows.iter())
}

/// The widest key column of some entries and extra sections.
fn keys_width(entries: &[(Scope, String, &'static str)], extras: &[Extra]) -> usize {
    entries
        .iter()
        .map(|(_, k, _)| width(k))
        .chain(extra_rows(extras).map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0)
}

/// Columns a column of these entries and extra sections needs to show every line whole.
fn natural_width(entries: &[(Scope, String, &'static str)], extras: &[Extra]) -> usize {
    let descs = entries
        .iter()
        .map(|(_, _, d)| width(d))
        .chain(extra_rows(extras).map(|(_, d)| width(d)))
        .max()
        .unwrap_or(0);
    let titles = entries
        .iter()
        .map(|(s, _, _)| width(s.title()))
        .chain(extras.iter().map(|(title, _)| width(title)))
        .max()
        .unwrap_or(0);
    (1 + keys_width(entries, extras) + 2 + descs).max(titles)
}

/// Lines for some of the key map's entries and extra sections after them, `w` columns wide.
/// A description wider than its room goes on under itself, never cut.
fn column(
    entries: &[(Scope, String, &'static str)],
    extras: &[Extra],
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let key_w = keys_width(entries, extras).min(w / 3).max(1);
    let desc_w = w.saturating_sub(key_w + 3).max(1);
    let row = |out: &mut Vec<Line<'static>>, keys: &str, desc: &str| {
        for (i, part) in text::wrap(desc, desc_w).into_iter().enumerate() {
            let keys = if i == 0 { keys } else { "" };
            out.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(fit(keys, key_w), t.key()),
                Span::raw("  "),
                Span::raw(text::truncate(&desc[part], desc_w).into_owned()),
            ]));
        }
    };
    let heading = |out: &mut Vec<Line<'static>>, title: &str| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(
            text::truncate(title, w).into_owned(),
            t.facet_heading(),
        )));
    };
    let mut out = Vec::new();
    let mut scope: Option<Scope> = None;
    for (s, keys, desc) in entries {
        if scope != Some(*s) {
            heading(&mut out, s.title());
            scope = Some(*s);
        }
        row(&mut out, keys, desc);
    }
    for (title, rows) in extras {
        heading(&mut out, title);
        for (k, d) in *rows {
            row(&mut out, k, d);
        }
    }
    out
}

/// From this inner width on, the overlay has two columns.
const TWO_COLUMNS: usize = 90;

/// Where the key map's entries split into the two columns: the keys that work everywhere
/// on the left.
fn split(entries: &[(Scope, String, &'static str)]) -> usize {
    entries
        .iter()
        .position(|(s, _, _)| *s != Scope::Global)
        .unwrap_or(entries.len())
}

/// The overlay's lines for a box `w` columns wide (inside its border): one column, or two
/// side by side (the keys that work everywhere on the left) when wide enough. Written from
/// the reader's key map, so rebound keys show as they are.
pub fn lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let entries = app.keys.help_entries();
    let t = &app.theme;
    if w < TWO_COLUMNS {
        return column(&entries, ONE_COLUMN, w, t);
    }
    let split = split(&entries);
    let half = (w - 1) / 2;
    let left = column(&entries[..split], LEFT, half, t);
    let right = column(&entries[split..], RIGHT, w - half - 1, t);
    (0..left.len().max(right.len()))
        .map(|i| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let l = left.get(i).cloned().unwrap_or_default();
            let lw = l.width();
            spans.extend(l.spans);
            spans.push(Span::raw(" ".repeat(half.saturating_sub(lw) + 1)));
            if let Some(r) = right.get(i) {
                spans.extend(r.spans.iter().cloned());
            }
            Line::from(spans)
        })
        .collect()
}

/// The inner width the overlay takes when `room` columns are free: what its longest line
/// needs and a column of margin, in two columns when there is room for them, and no more
/// than there is.
fn inner_width(app: &App, room: usize) -> usize {
    let entries = app.keys.help_entries();
    let title = width(strings::HELP_TITLE) + width(&hints::help_close(&app.keys)) + 2;
    let want = if room >= TWO_COLUMNS {
        let (left, right) = entries.split_at(split(&entries));
        let half = natural_width(left, LEFT).max(natural_width(right, RIGHT));
        (2 * half + 2).max(TWO_COLUMNS)
    } else {
        natural_width(&entries, ONE_COLUMN) + 1
    };
    want.max(title).min(room)
}

/// Where the overlay goes on a screen.
pub fn area(app: &App, screen: Rect) -> Rect {
    let room = screen.width.saturating_sub(4);
    let w = (inner_width(app, room.saturating_sub(2) as usize) as u16 + 2).min(room);
    let content = lines(app, w.saturating_sub(2) as usize).len() as u16 + 2;
    let h = screen.height.saturating_sub(2).min(content);
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// How far the overlay can scroll on a screen.
pub fn max_scroll(app: &App) -> usize {
    let inner = layout::inner(area(app, app.screen()));
    lines(app, inner.width as usize)
        .len()
        .saturating_sub(inner.height as usize)
}

pub fn draw(app: &App, screen: Rect, buf: &mut Buffer) {
    let r = area(app, screen);
    popup::clear(r, buf);
    let title = Line::from(vec![
        Span::styled(strings::HELP_TITLE, app.theme.panel_title(true)),
        Span::styled(hints::help_close(&app.keys), app.theme.dim()),
    ]);
    let inner = layout::inner(r);
    let all = lines(app, inner.width as usize);
    let most = all.len().saturating_sub(inner.height as usize);
    let scroll = app.help.unwrap_or(0).min(most);
    // Where more of the help lies, on the bottom border.
    let more = match (scroll > 0, scroll < most) {
        (true, true) => Some(" ↑↓ more "),
        (false, true) => Some(" ↓ more "),
        (true, false) => Some(" ↑ more "),
        (false, false) => None,
    };
    let mut block = panel(fit_title(title, r.width), true, &app.theme).style(Style::new());
    if let Some(more) = more {
        let more = Line::from(Span::styled(more, app.theme.dim())).right_aligned();
        block = block.title_bottom(fit_title(more, r.width));
    }
    block.render(r, buf);
    for (i, line) in all
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}
