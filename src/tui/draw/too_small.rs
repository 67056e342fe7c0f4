//! What a terminal too small for the reader shows: the longest message that fits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::tui::text::width;
use crate::tui::theme::Theme;

/// The message for a screen this size.
pub fn message(area: Rect) -> String {
    let long = format!(
        "Terminal too small ({}×{}): chanjiao needs {MIN_WIDTH}×{MIN_HEIGHT}",
        area.width, area.height
    );
    let candidates = [
        long.as_str(),
        "Terminal too small",
        "too small",
        "small",
        "!",
    ];
    candidates
        .into_iter()
        .find(|m| width(m) <= area.width as usize)
        .unwrap_or("")
        .to_string()
}

pub fn draw(area: Rect, buf: &mut Buffer, t: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let msg = message(area);
    let x = area.x + (area.width.saturating_sub(width(&msg) as u16)) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, &msg, area.width as usize, t.error());
}
