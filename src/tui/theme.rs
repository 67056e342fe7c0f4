//! Colours and text styles, in one place. The reader's [`Theme`] lives in the state, so
//! drawing takes its styles from `&App`. The 16 basic colours by default, so the reader looks
//! right in any terminal theme; without colour, emphasis (bold, reverse, underline) still
//! marks the selection, hits and the status line.

use ratatui::style::{Color, Modifier, Style};

use super::palette::Palette;

/// The theme the configuration asks for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// Light when the terminal says its background is light (`COLORFGBG`), else dark.
    #[default]
    Auto,
    Dark,
    Light,
    /// No colour at all, as with `NO_COLOR`.
    Plain,
}

impl ThemeName {
    /// Every theme by its configuration name.
    pub const ALL: &'static [(&'static str, ThemeName)] = &[
        ("auto", ThemeName::Auto),
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("plain", ThemeName::Plain),
    ];
}

/// What the environment says about colour.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
    /// `COLORFGBG` (`"15;0"`: white on black), set by some terminals.
    pub colorfgbg: Option<String>,
}

impl ColorEnv {
    /// Reads `NO_COLOR` and `COLORFGBG`.
    pub fn from_process() -> ColorEnv {
        ColorEnv {
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            colorfgbg: std::env::var("COLORFGBG").ok(),
        }
    }

    /// The terminal's background is light (white or light grey), as far as `COLORFGBG` says.
    fn light_background(&self) -> bool {
        let bg = self
            .colorfgbg
            .as_deref()
            .and_then(|v| v.rsplit(';').next())
            .and_then(|b| b.trim().parse::<u8>().ok());
        matches!(bg, Some(7 | 15))
    }
}

/// The reader's colours and whether to use colour at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    /// False: every style is emphasis only.
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            palette: Palette::DARK,
            color: true,
        }
    }
}

impl Theme {
    /// The theme for a configured name and colour overrides in an environment.
    /// `NO_COLOR` wins over everything.
    pub fn resolve(name: ThemeName, colors: &[(String, Color)], env: &ColorEnv) -> Theme {
        let (mut palette, color) = match name {
            ThemeName::Dark => (Palette::DARK, true),
            ThemeName::Light => (Palette::LIGHT, true),
            ThemeName::Plain => (Palette::DARK, false),
            ThemeName::Auto if env.light_background() => (Palette::LIGHT, true),
            ThemeName::Auto => (Palette::DARK, true),
        };
        for (role, c) in colors {
            if let Some(slot) = palette.role_mut(role) {
                *slot = *c;
            }
        }
        Theme {
            palette,
            color: color && !env.no_color,
        }
    }

    /// No colour: emphasis only.
    pub fn plain() -> Theme {
        Theme {
            palette: Palette::DARK,
            color: false,
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Text on a background; reversed when there is no colour.
    fn on(&self, text: Color, back: Color) -> Style {
        if self.color {
            Style::new().fg(text).bg(back)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn border(&self, focused: bool) -> Style {
        let p = &self.palette;
        self.fg(if focused { p.accent } else { p.border })
    }

    pub fn panel_title(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The selected line of a list: reversed when its panel has the focus.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else if self.color {
            Style::new().bg(self.palette.selection)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn dim(&self) -> Style {
        self.fg(self.palette.dim)
    }

    pub fn date(&self) -> Style {
        self.fg(self.palette.date)
    }

    pub fn source(&self) -> Style {
        self.fg(self.palette.source)
    }

    pub fn province(&self) -> Style {
        self.fg(self.palette.province)
    }

    pub fn sector(&self) -> Style {
        self.fg(self.palette.sector)
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    pub fn citation(&self) -> Style {
        self.fg(self.palette.dim)
    }

    /// A search hit.
    pub fn hit(&self) -> Style {
        self.on(self.palette.hit_text, self.palette.hit)
    }

    /// The hit `n`/`N` went to, laid over [`Theme::hit`]: its own colours and bold, or
    /// without colour bold and underlined as well as reversed.
    pub fn current_hit(&self) -> Style {
        let s = self.on(self.palette.current_hit_text, self.palette.current_hit);
        if self.color {
            s.add_modifier(Modifier::BOLD)
        } else {
            s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn facet_heading(&self) -> Style {
        self.heading()
    }

    pub fn group(&self) -> Style {
        self.fg(self.palette.dim).add_modifier(Modifier::ITALIC)
    }

    pub fn checked(&self) -> Style {
        self.fg(self.palette.checked).add_modifier(Modifier::BOLD)
    }

    pub fn count(&self) -> Style {
        self.fg(self.palette.dim)
    }

    pub fn error(&self) -> Style {
        if self.color {
            self.fg(self.palette.error)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn error_bar(&self) -> Style {
        let s = self.on(self.palette.error_text, self.palette.error);
        if self.color {
            s
        } else {
            s.add_modifier(Modifier::BOLD)
        }
    }

    pub fn key(&self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }

    pub fn bar(&self) -> Style {
        self.on(self.palette.status_text, self.palette.status)
    }

    pub fn duplicate(&self) -> Style {
        self.fg(self.palette.duplicate)
    }

    /// A notice in the status line (the status bar's background, in the key colour).
    pub fn notice_bar(&self) -> Style {
        self.on(self.palette.key, self.palette.status)
            .add_modifier(Modifier::BOLD)
    }

    /// The mark of an unread article in the list.
    pub fn unread(&self) -> Style {
        self.fg(self.palette.accent).add_modifier(Modifier::BOLD)
    }

    /// The mark of a starred article in the list.
    pub fn star(&self) -> Style {
        self.fg(self.palette.key).add_modifier(Modifier::BOLD)
    }
}
