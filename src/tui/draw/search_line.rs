//! The search line on top: the program's name, the query (the part around the cursor when
//! it is longer than the line) and a hint.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::hints;
use crate::tui::strings;
use crate::tui::text::{self, width};

fn name_width(total: usize) -> usize {
    if total >= 60 {
        width(strings::APP_NAME)
    } else {
        0
    }
}

/// The prompt and the hint on the right, as the key map names their keys (the hint only
/// from 70 columns on).
fn parts(app: &App, total: usize) -> (String, String) {
    let hint = if total >= 70 {
        // A space before it, so that a query or placeholder cut short never runs into it.
        let h = hints::help_hint(&app.keys);
        if h.is_empty() { h } else { format!(" {h}") }
    } else {
        String::new()
    };
    (hints::search_prompt(&app.keys), hint)
}

/// Columns the query has in a search line `total` columns wide.
fn query_columns(total: usize, prompt: &str, hint: &str) -> usize {
    total.saturating_sub(name_width(total) + width(prompt) + width(hint))
}

/// Columns the query has on the reader's screen.
pub fn columns(app: &App) -> usize {
    let total = app.areas().search.width as usize;
    let (prompt, hint) = parts(app, total);
    query_columns(total, &prompt, &hint)
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, Style::new());
    let total = area.width as usize;
    let mut spans = Vec::new();
    if name_width(total) > 0 {
        spans.push(Span::styled(strings::APP_NAME, app.theme.bar()));
    }
    let prompt_style = if app.searching {
        app.theme.key()
    } else {
        app.theme.dim()
    };
    let (prompt, hint) = parts(app, total);
    let avail = query_columns(total, &prompt, &hint);
    spans.push(Span::styled(prompt, prompt_style));
    if app.query.is_empty() && !app.searching {
        spans.push(Span::styled(
            text::truncate(strings::SEARCH_PLACEHOLDER, avail).into_owned(),
            app.theme.dim(),
        ));
    } else {
        let style = if app.searching {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        spans.push(Span::styled(app.caret.show(&app.query, avail).text, style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if !hint.is_empty() {
        spans.push(Span::raw(
            " ".repeat(total.saturating_sub(used + width(&hint))),
        ));
        spans.push(Span::styled(hint, app.theme.dim()));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// Where the terminal's cursor goes while typing: where the next character goes in.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let total = area.width as usize;
    let (prompt, hint) = parts(app, total);
    let shown = app
        .caret
        .show(&app.query, query_columns(total, &prompt, &hint));
    let x = name_width(total) + width(&prompt) + shown.cursor;
    (x < total).then(|| Position::new(area.x + x as u16, area.y))
}
