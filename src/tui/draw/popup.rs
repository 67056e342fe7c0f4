//! Clearing the room for a box drawn over the panels (the help overlay, the view picker).
//!
//! A wide character takes two cells, and a terminal shows it whole whatever the buffer holds
//! in its second cell: ratatui's diff does not even send that cell. So a Chinese character
//! of the panel behind whose first cell lies just left of a box would hide the box's left
//! border, and one whose second cell lies just right of a box would leave half a character
//! behind. Such characters are blanked before the box is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use crate::tui::text;

/// Blanks every wide character that an edge of `area` cuts in two, then clears `area`.
pub fn clear(area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let (left, right) = (area.left(), area.right());
    for y in area.top()..area.bottom() {
        // Walk the row as a terminal reads it, a character at a time, so that the second
        // cell of a wide character is never taken for a character of its own.
        let mut x = buf.area.left();
        while x < buf.area.right() {
            let w = buf
                .cell((x, y))
                .map_or(1, |c| text::width(c.symbol()).max(1) as u16);
            let end = x.saturating_add(w).min(buf.area.right());
            let cut = (x < left && end > left) || (x < right && end > right);
            if cut {
                for c in x..end {
                    if let Some(cell) = buf.cell_mut((c, y)) {
                        cell.set_symbol(" ");
                    }
                }
            }
            x = end.max(x + 1);
        }
    }
    Clear.render(area, buf);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Style;
    use ratatui::widgets::Block;

    use super::*;

    const TEXT: &str = "中文职业教育校企合作产教融合";

    /// Draws rows of Chinese text, every other row shifted by one column, with a bordered
    /// box over them from column 5 to 14; returns what the terminal got.
    fn draw_over_text(clear_first: bool) -> Buffer {
        let mut term = Terminal::new(TestBackend::new(24, 6)).unwrap();
        let popup = Rect::new(5, 1, 10, 4);
        term.draw(|f| {
            let buf = f.buffer_mut();
            for y in 0..6 {
                buf.set_string(y % 2, y, TEXT, Style::new());
            }
            if clear_first {
                clear(popup, buf);
            } else {
                Clear.render(popup, buf);
            }
            Block::bordered().render(popup, buf);
        })
        .unwrap();
        term.backend().buffer().clone()
    }

    fn symbol(buf: &Buffer, x: u16, y: u16) -> &str {
        buf.cell((x, y)).map_or("?", |c| c.symbol())
    }

    #[test]
    fn wide_characters_cut_by_a_box_edge_are_blanked() {
        let buf = draw_over_text(true);
        for y in 1..5 {
            let side = if y == 1 || y == 4 { None } else { Some("│") };
            if let Some(s) = side {
                assert_eq!(symbol(&buf, 5, y), s, "left border, row {y}");
                assert_eq!(symbol(&buf, 14, y), s, "right border, row {y}");
            }
        }
        // Even rows start at column 0: 职 (columns 4 and 5) is cut by the left edge and 企
        // (14 and 15) by the right one.
        for y in [2, 4] {
            assert_eq!(symbol(&buf, 4, y), " ", "row {y}");
            assert_eq!(symbol(&buf, 15, y), " ", "row {y}");
            assert_eq!(symbol(&buf, 2, y), "文", "row {y}: untouched on the left");
            assert_eq!(symbol(&buf, 16, y), "合", "row {y}: untouched on the right");
        }
        // Odd rows start at column 1: nothing is cut, the neighbours stay.
        for y in [1, 3] {
            assert_eq!(symbol(&buf, 3, y), "文", "row {y}");
            assert_eq!(symbol(&buf, 15, y), "企", "row {y}");
        }
        assert_eq!(
            symbol(&buf, 4, 0),
            "职",
            "rows outside the box are left alone"
        );
    }

    #[test]
    fn without_blanking_the_terminal_loses_the_left_border() {
        let buf = draw_over_text(false);
        assert_eq!(symbol(&buf, 4, 2), "职");
        assert_ne!(symbol(&buf, 5, 2), "│");
    }
}
