//! Colour values of the `[colors]` table.

use std::str::FromStr;

use ratatui::style::Color;

use crate::tui::palette::ROLES;

/// A colour as the configuration writes it: a name, `reset` (or `default`), 0–255, or
/// `#rrggbb`.
pub fn parse_color(value: &str) -> Result<Color, String> {
    let v = value.trim();
    if v.eq_ignore_ascii_case("default") {
        return Ok(Color::Reset);
    }
    Color::from_str(v).map_err(|_| {
        format!(
            "unknown colour {value:?}: use a name (red, lightblue, darkgray, …), \
             \"reset\", a number from 0 to 255, or \"#rrggbb\""
        )
    })
}

/// Checks a role name.
pub fn check_role(role: &str) -> Result<(), String> {
    if ROLES.iter().any(|(r, _)| *r == role) {
        return Ok(());
    }
    let names: Vec<&str> = ROLES.iter().map(|(r, _)| *r).collect();
    Err(format!(
        "unknown colour role {role:?}; the roles are {}",
        names.join(", ")
    ))
}
