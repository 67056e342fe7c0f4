//! Colours and text styles, in one place. The 16 basic colours only, so the reader looks
//! right in any terminal theme.

use ratatui::style::{Color, Modifier, Style};

pub fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}

pub fn panel_title(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

/// The selected line of a list: reversed when its panel has the focus.
pub fn selected(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().bg(Color::DarkGray)
    }
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn date() -> Style {
    Style::new().fg(Color::Blue)
}

pub fn source() -> Style {
    Style::new().fg(Color::Green)
}

pub fn province() -> Style {
    Style::new().fg(Color::Magenta)
}

pub fn sector() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn citation() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// A search hit.
pub fn hit() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}

pub fn facet_heading() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn group() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC)
}

pub fn checked() -> Style {
    Style::new().fg(Color::Green).add_modifier(Modifier::BOLD)
}

pub fn count() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn error() -> Style {
    Style::new().fg(Color::Red)
}

pub fn error_bar() -> Style {
    Style::new().fg(Color::White).bg(Color::Red)
}

pub fn key() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn bar() -> Style {
    Style::new().fg(Color::White).bg(Color::Blue)
}

/// A notice in the status line.
pub fn notice_bar() -> Style {
    Style::new().fg(Color::Yellow).bg(Color::Blue)
}

/// The mark of an unread article in the list.
pub fn unread() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

/// The mark of a starred article in the list.
pub fn star() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn duplicate() -> Style {
    Style::new().fg(Color::Yellow)
}
