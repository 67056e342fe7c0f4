//! Drawing: reads `&App`, never changes it, does no I/O.

pub mod detail;
pub mod help;
pub mod list;
pub mod popup;
pub mod prompt;
pub mod search_line;
pub mod sidebar;
pub mod stats;
pub mod status;
pub mod styled;
pub mod too_small;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

use super::app::App;
use super::layout;
use super::reading::PromptKind;
use super::theme::Theme;

/// A title for the border of a panel `width` columns wide, cut with `…` to the room between
/// its corners (the border would cut it without saying so).
pub fn fit_title(line: Line<'static>, width: u16) -> Line<'static> {
    let room = width.saturating_sub(2) as usize;
    if line.width() <= room {
        return line;
    }
    let alignment = line.alignment;
    let pieces = line
        .spans
        .into_iter()
        .map(|s| (s.content.into_owned(), s.style))
        .collect();
    let mut fitted = styled::fit_spans(pieces, room);
    fitted.alignment = alignment;
    fitted
}

/// A panel's frame: rounded, bright when focused.
pub fn panel(title: Line<'static>, focused: bool, t: &Theme) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(t.border(focused))
        .title(title)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            too_small::draw(area, buf, &self.theme);
            return;
        }
        let a = layout::areas(area, self.focus);
        match &self.reading.prompt {
            Some(p) => prompt::draw_line(p, a.search, buf, &self.theme),
            None => search_line::draw(self, a.search, buf),
        }
        if self.stats.open {
            stats::draw(self, area, buf);
        } else {
            if let Some(r) = a.sidebar {
                sidebar::draw(self, r, buf);
            }
            if let Some(r) = a.list {
                list::draw(self, r, buf);
            }
            if let Some(r) = a.detail {
                detail::draw(self, r, buf);
            }
        }
        status::draw(self, a.status, buf);
        if let Some(p) = self
            .reading
            .prompt
            .as_ref()
            .filter(|p| p.kind == PromptKind::RecallView)
        {
            let below = Rect {
                y: a.search.y + 1,
                height: a.status.y.saturating_sub(a.search.y + 1),
                ..a.search
            };
            prompt::draw_picker(self, p, below, buf);
        }
        if self.help.is_some() {
            help::draw(self, area, buf);
        }
    }
}

/// Draws a whole frame, and places the cursor in the search line while typing.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(app, area);
    if let Some(p) = &app.reading.prompt {
        if app.help.is_none() && !layout::too_small(area) {
            let a = layout::areas(area, app.focus);
            if let Some(pos) = prompt::cursor(p, a.search) {
                frame.set_cursor_position(pos);
            }
        }
    } else if app.searching && app.help.is_none() && !layout::too_small(area) {
        let a = layout::areas(area, app.focus);
        if let Some(pos) = search_line::cursor(app, a.search) {
            frame.set_cursor_position(pos);
        }
    }
}
