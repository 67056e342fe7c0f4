//! The reader's colours by role: a dark and a light palette, and names for each role so
//! that the configuration's `[colors]` table can change one of them.

use ratatui::style::Color;

/// One colour per role. Styles (bold, reverse, …) are added by [`super::theme::Theme`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub accent: Color,
    pub border: Color,
    pub dim: Color,
    pub selection: Color,
    pub date: Color,
    pub source: Color,
    pub province: Color,
    pub sector: Color,
    pub checked: Color,
    pub duplicate: Color,
    pub key: Color,
    pub hit: Color,
    pub hit_text: Color,
    pub current_hit: Color,
    pub current_hit_text: Color,
    pub status: Color,
    pub status_text: Color,
    pub error: Color,
    pub error_text: Color,
}

/// The roles by the names the configuration uses, with what each one colours.
pub const ROLES: &[(&str, &str)] = &[
    ("accent", "focused borders and titles, headings"),
    ("border", "borders of panels without the focus"),
    (
        "dim",
        "secondary text: counts, separators, citation markers",
    ),
    (
        "selection",
        "background of the selected line in a panel without the focus",
    ),
    ("date", "dates"),
    ("source", "outlets"),
    ("province", "provinces"),
    ("sector", "sectors"),
    ("checked", "filters that are on"),
    (
        "duplicate",
        "the mark of a story reported by several outlets",
    ),
    ("key", "keys in the help and the search line"),
    ("hit", "background of a search hit"),
    ("hit_text", "text of a search hit"),
    ("current_hit", "background of the hit that `n`/`N` went to"),
    ("current_hit_text", "text of the hit that `n`/`N` went to"),
    ("status", "background of the status line"),
    ("status_text", "text of the status line"),
    (
        "error",
        "error text, and the background of an error in the status line",
    ),
    ("error_text", "text of an error in the status line"),
];

impl Palette {
    /// For terminals with a dark background (the default look).
    pub const DARK: Palette = Palette {
        accent: Color::Cyan,
        border: Color::DarkGray,
        dim: Color::DarkGray,
        selection: Color::DarkGray,
        date: Color::Blue,
        source: Color::Green,
        province: Color::Magenta,
        sector: Color::Yellow,
        checked: Color::Green,
        duplicate: Color::Yellow,
        key: Color::Yellow,
        hit: Color::Yellow,
        hit_text: Color::Black,
        current_hit: Color::LightCyan,
        current_hit_text: Color::Black,
        status: Color::Blue,
        status_text: Color::White,
        error: Color::Red,
        error_text: Color::White,
    };

    /// For terminals with a light background: no yellow or cyan text, a light selection.
    pub const LIGHT: Palette = Palette {
        accent: Color::Blue,
        border: Color::Gray,
        dim: Color::DarkGray,
        selection: Color::Gray,
        date: Color::Blue,
        source: Color::Green,
        province: Color::Magenta,
        sector: Color::Red,
        checked: Color::Green,
        duplicate: Color::Red,
        key: Color::Magenta,
        hit: Color::LightYellow,
        hit_text: Color::Black,
        current_hit: Color::LightCyan,
        current_hit_text: Color::Black,
        status: Color::Blue,
        status_text: Color::White,
        error: Color::Red,
        error_text: Color::White,
    };

    /// The colour of a role by its name, to change it.
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Color> {
        Some(match name {
            "accent" => &mut self.accent,
            "border" => &mut self.border,
            "dim" => &mut self.dim,
            "selection" => &mut self.selection,
            "date" => &mut self.date,
            "source" => &mut self.source,
            "province" => &mut self.province,
            "sector" => &mut self.sector,
            "checked" => &mut self.checked,
            "duplicate" => &mut self.duplicate,
            "key" => &mut self.key,
            "hit" => &mut self.hit,
            "hit_text" => &mut self.hit_text,
            "current_hit" => &mut self.current_hit,
            "current_hit_text" => &mut self.current_hit_text,
            "status" => &mut self.status,
            "status_text" => &mut self.status_text,
            "error" => &mut self.error,
            "error_text" => &mut self.error_text,
            _ => return None,
        })
    }
}
