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
    let short = format!("too small: needs {MIN_WIDTH}×{MIN_HEIGHT}");
    let candidates = [
        long.as_str(),
        short.as_str(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_size_needed_is_said_while_it_fits() {
        let at = |w: u16| message(Rect::new(0, 0, w, 5));
        assert!(at(60).contains("chanjiao needs 30×8"), "{}", at(60));
        assert_eq!(at(25), "too small: needs 30×8");
        assert_eq!(at(12), "too small");
    }
}
