//! The `?` overlay, written from the key map: every binding with its description.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::hints;
use crate::tui::keymap::{MOUSE, Scope};
use crate::tui::layout;
use crate::tui::strings;
use crate::tui::text::{self, fit, width};
use crate::tui::theme::Theme;

use super::{panel, popup};

/// Lines for some of the key map's entries (and the mouse, when `mouse`), `w` columns wide.
fn column(
    entries: &[(Scope, String, &'static str)],
    mouse: bool,
    w: usize,
    t: &Theme,
) -> Vec<Line<'static>> {
    let key_w = entries
        .iter()
        .map(|(_, k, _)| width(k))
        .chain(MOUSE.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0)
        .min(w / 3)
        .max(1);
    let row = |keys: &str, desc: &str| {
        Line::from(vec![
            Span::raw(" "),
            Span::styled(fit(keys, key_w), t.key()),
            Span::raw("  "),
            Span::raw(text::truncate(desc, w.saturating_sub(key_w + 3)).into_owned()),
        ])
    };
    let mut out = Vec::new();
    let mut scope: Option<Scope> = None;
    for (s, keys, desc) in entries {
        if scope != Some(*s) {
            if scope.is_some() {
                out.push(Line::default());
            }
            out.push(Line::from(Span::styled(
                text::truncate(s.title(), w).into_owned(),
                t.facet_heading(),
            )));
            scope = Some(*s);
        }
        out.push(row(keys, desc));
    }
    if mouse {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            text::truncate(strings::MOUSE_TITLE, w).into_owned(),
            t.facet_heading(),
        )));
        for (k, d) in MOUSE {
            out.push(row(k, d));
        }
    }
    out
}

/// From this inner width on, the overlay has two columns.
const TWO_COLUMNS: usize = 90;

/// The overlay's lines for a box `w` columns wide (inside its border): one column, or two
/// side by side (the keys that work everywhere on the left) when wide enough. Written from
/// the reader's key map, so rebound keys show as they are.
pub fn lines(app: &App, w: usize) -> Vec<Line<'static>> {
    let entries = app.keys.help_entries();
    let t = &app.theme;
    if w < TWO_COLUMNS {
        return column(&entries, true, w, t);
    }
    let split = entries
        .iter()
        .position(|(s, _, _)| *s != Scope::Global)
        .unwrap_or(entries.len());
    let half = (w - 1) / 2;
    let left = column(&entries[..split], false, half, t);
    let right = column(&entries[split..], true, w - half - 1, t);
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

/// Where the overlay goes on a screen.
pub fn area(app: &App, screen: Rect) -> Rect {
    let w = screen.width.saturating_sub(4).min(108);
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
    panel(title, true, &app.theme)
        .style(Style::new())
        .render(r, buf);
    let inner = layout::inner(r);
    let all = lines(app, inner.width as usize);
    let scroll = app
        .help
        .unwrap_or(0)
        .min(all.len().saturating_sub(inner.height as usize));
    for (i, line) in all
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}
