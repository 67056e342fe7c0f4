//! The view prompt in the search line's place (`w`: a name; `'`: a name to look for), and
//! the picker of matching saved views under it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;
use crate::tui::reading::{Prompt, PromptKind};
use crate::tui::strings;
use crate::tui::text::{self, fit, width};
use crate::tui::theme::Theme;
use crate::tui::views::matching;

use super::{panel, popup};

fn label(p: &Prompt) -> &'static str {
    match p.kind {
        PromptKind::SaveView => strings::SAVE_VIEW_PROMPT,
        PromptKind::RecallView => strings::RECALL_VIEW_PROMPT,
    }
}

/// Columns the typed text has in a search line `total` columns wide.
pub fn columns(p: &Prompt, total: usize) -> usize {
    total.saturating_sub(width(&text::truncate(label(p), total)))
}

pub fn draw_line(p: &Prompt, area: Rect, buf: &mut Buffer, t: &Theme) {
    buf.set_style(area, Style::new());
    let total = area.width as usize;
    let head = text::truncate(label(p), total).into_owned();
    let line = Line::from(vec![
        Span::styled(head, t.key()),
        Span::styled(
            p.caret.show(&p.text, columns(p, total)).text,
            Style::new().add_modifier(Modifier::BOLD),
        ),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Where the terminal's cursor goes while typing a name.
pub fn cursor(p: &Prompt, area: Rect) -> Option<Position> {
    let total = area.width as usize;
    let head = width(&text::truncate(label(p), total));
    let x = head + p.caret.show(&p.text, columns(p, total)).cursor;
    (x < total).then(|| Position::new(area.x + x as u16, area.y))
}

/// The picker: a box over the top of `area` listing the views that match.
pub fn draw_picker(app: &App, p: &Prompt, area: Rect, buf: &mut Buffer) {
    let found = matching(&app.reading.views, &p.text);
    let rows = found.len().max(1);
    let height = (rows as u16 + 2).min(area.height);
    let width_ = area.width.min(40);
    if height < 3 || width_ < 8 {
        return;
    }
    let rect = Rect::new(area.x, area.y, width_, height);
    popup::clear(rect, buf);
    let t = &app.theme;
    let block = panel(Line::styled(strings::PICKER_TITLE, t.heading()), true, t);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let w = inner.width as usize;
    if found.is_empty() {
        let line = Line::styled(fit(strings::NO_SUCH_VIEW, w), t.dim());
        buf.set_line(inner.x, inner.y, &line, inner.width);
        return;
    }
    let shown = inner.height as usize;
    let first = (p.chosen + 1).saturating_sub(shown);
    for (i, v) in found.iter().enumerate().skip(first).take(shown) {
        let style = if i == p.chosen {
            t.selected(true)
        } else {
            Style::new()
        };
        let line = Line::styled(fit(&text::clean(&v.name), w), style);
        buf.set_line(inner.x, inner.y + (i - first) as u16, &line, inner.width);
    }
}
