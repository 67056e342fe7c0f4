//! Drawing: reads `&App`, never changes it, does no I/O.

pub mod detail;
pub mod help;
pub mod list;
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
use super::theme;

/// A panel's frame: rounded, bright when focused.
pub fn panel(title: Line<'static>, focused: bool) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme::border(focused))
        .title(title)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            too_small::draw(area, buf);
            return;
        }
        let a = layout::areas(area, self.focus);
        search_line::draw(self, a.search, buf);
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
        if self.help.is_some() {
            help::draw(self, area, buf);
        }
    }
}

/// Draws a whole frame, and places the cursor in the search line while typing.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(app, area);
    if app.searching && app.help.is_none() && !layout::too_small(area) {
        let a = layout::areas(area, app.focus);
        if let Some(pos) = search_line::cursor(app, a.search) {
            frame.set_cursor_position(pos);
        }
    }
}
