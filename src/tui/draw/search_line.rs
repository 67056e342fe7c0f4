//! The search line on top: the program's name, the query (its end stays visible while
//! typing) and a hint.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::text::{self, char_width, width};

const PROMPT: &str = " / ";

/// The query's tail that fits in `avail` columns (with a leading `…` when cut), leaving one
/// column for the cursor.
fn visible_query(query: &str, avail: usize) -> String {
    let q = text::clean(query);
    if width(&q) < avail {
        return q.into_owned();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut w = 1; // the leading `…`
    for c in q.chars().rev() {
        if w + char_width(c) >= avail {
            break;
        }
        w += char_width(c);
        tail.push(c);
    }
    std::iter::once(text::ELLIPSIS)
        .chain(tail.into_iter().rev())
        .collect()
}

fn name_width(area: Rect) -> usize {
    if area.width >= 60 {
        width(strings::APP_NAME)
    } else {
        0
    }
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, Style::new());
    let total = area.width as usize;
    let mut spans = Vec::new();
    let name = name_width(area);
    if name > 0 {
        spans.push(Span::styled(strings::APP_NAME, app.theme.bar()));
    }
    let prompt_style = if app.searching {
        app.theme.key()
    } else {
        app.theme.dim()
    };
    spans.push(Span::styled(PROMPT, prompt_style));
    let hint = if total >= 70 { strings::HELP_HINT } else { "" };
    let avail = total.saturating_sub(name + PROMPT.len() + width(hint));
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
        spans.push(Span::styled(visible_query(&app.query, avail), style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if !hint.is_empty() {
        spans.push(Span::raw(
            " ".repeat(total.saturating_sub(used + width(hint))),
        ));
        spans.push(Span::styled(hint, app.theme.dim()));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// Where the terminal's cursor goes while typing.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    let total = area.width as usize;
    let hint = if total >= 70 { strings::HELP_HINT } else { "" };
    let avail = total.saturating_sub(name_width(area) + PROMPT.len() + width(hint));
    let x = name_width(area) + PROMPT.len() + width(&visible_query(&app.query, avail));
    (x < total).then(|| Position::new(area.x + x as u16, area.y))
}
