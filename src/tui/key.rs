//! One key of the key map: how it matches a key press, how the help overlay shows it, and
//! how the configuration writes it (`q`, `Ctrl-c`, `Shift-Tab`, `PageDown`, `F5`).

use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key code and the modifiers that must be held. Shift is not among them: characters carry
/// their case, and Shift-Tab is a code of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    /// Only Control and Alt.
    pub mods: KeyModifiers,
}

/// Names of keys without a character, as the configuration writes them, and other
/// spellings that are accepted.
const NAMED: &[(&str, KeyCode, &[&str])] = &[
    ("Enter", KeyCode::Enter, &["return"]),
    ("Esc", KeyCode::Esc, &["escape"]),
    ("Tab", KeyCode::Tab, &[]),
    ("Shift-Tab", KeyCode::BackTab, &["backtab"]),
    ("Backspace", KeyCode::Backspace, &[]),
    ("Space", KeyCode::Char(' '), &[]),
    ("Left", KeyCode::Left, &["←"]),
    ("Right", KeyCode::Right, &["→"]),
    ("Up", KeyCode::Up, &["↑"]),
    ("Down", KeyCode::Down, &["↓"]),
    ("PageUp", KeyCode::PageUp, &["pgup"]),
    ("PageDown", KeyCode::PageDown, &["pgdn"]),
    ("Home", KeyCode::Home, &[]),
    ("End", KeyCode::End, &[]),
    ("Delete", KeyCode::Delete, &["del"]),
    ("Insert", KeyCode::Insert, &["ins"]),
];

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }

    /// Control and a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }

    /// Whether a key press is this key.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let relevant = KeyModifiers::CONTROL | KeyModifiers::ALT;
        let code_eq = match (self.code, ev.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a == b || (self.mods.contains(KeyModifiers::CONTROL) && a.eq_ignore_ascii_case(&b))
            }
            (a, b) => a == b,
        };
        code_eq && (ev.modifiers & relevant) == (self.mods & relevant)
    }

    /// A printable character typed without Control or Alt (it would go into the search line).
    pub fn is_typing(&self) -> bool {
        matches!(self.code, KeyCode::Char(c) if !c.is_control()) && self.mods.is_empty()
    }

    /// How the help overlay writes this key: arrows as arrows, short page keys.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            code => code_name(code),
        };
        with_mods(self.mods, &base)
    }
}

/// The configuration's name of a key code without modifiers.
fn code_name(code: KeyCode) -> String {
    if let Some((name, _, _)) = NAMED.iter().find(|(_, c, _)| *c == code) {
        return (*name).to_string();
    }
    match code {
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

fn with_mods(mods: KeyModifiers, base: &str) -> String {
    let mut s = String::new();
    if mods.contains(KeyModifiers::CONTROL) {
        s.push_str("Ctrl-");
    }
    if mods.contains(KeyModifiers::ALT) {
        s.push_str("Alt-");
    }
    s.push_str(base);
    s
}

/// The configuration's way of writing a key; it parses back to the same key.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&with_mods(self.mods, &code_name(self.code)))
    }
}

/// Why a key name does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0}: write a character (q, ?, G), a name (Enter, Esc, Tab, Shift-Tab, Space, Backspace, \
     Left, Right, Up, Down, PageUp, PageDown, Home, End, Delete, Insert, F1–F12), \
     with Ctrl- or Alt- in front if needed"
)]
pub struct KeyError(pub String);

impl FromStr for Key {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Key, KeyError> {
        let bad = || KeyError(format!("cannot read the key {s:?}"));
        let mut mods = KeyModifiers::NONE;
        let mut shift = false;
        let mut rest = s;
        while let Some((m, tail)) = rest.split_once('-') {
            if tail.is_empty() {
                break;
            }
            match m.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => mods |= KeyModifiers::CONTROL,
                "alt" | "meta" => mods |= KeyModifiers::ALT,
                "shift" => shift = true,
                _ => break,
            }
            rest = tail;
        }
        let lower = rest.to_lowercase();
        let mut chars = rest.chars();
        let single = match (chars.next(), chars.next()) {
            (Some(c), None) => Some(KeyCode::Char(c)),
            _ => None,
        };
        let code = NAMED
            .iter()
            .find(|(name, _, other)| name.eq_ignore_ascii_case(rest) || other.contains(&&*lower))
            .map(|(_, code, _)| *code)
            .or(single)
            .or_else(|| function_key(&lower))
            .ok_or_else(bad)?;
        let code = match (shift, code) {
            (false, code) => code,
            (true, KeyCode::Tab) => KeyCode::BackTab,
            (true, KeyCode::Char(c)) if c.is_alphabetic() => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            (true, KeyCode::BackTab) => KeyCode::BackTab,
            (true, _) => {
                return Err(KeyError(format!(
                    "{s:?}: Shift works only with letters and Tab (write the character itself)"
                )));
            }
        };
        let code = match code {
            // Control letters arrive in either case; keep one spelling.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        if code == KeyCode::BackTab && !mods.is_empty() {
            return Err(bad());
        }
        Ok(Key { code, mods })
    }
}

fn function_key(lower: &str) -> Option<KeyCode> {
    let n: u8 = lower.strip_prefix('f')?.parse().ok()?;
    (1..=12).contains(&n).then_some(KeyCode::F(n))
}
