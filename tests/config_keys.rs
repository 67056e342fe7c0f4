//! Key names as the configuration writes them: parsing, writing back, matching key presses.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chanjiao::tui::key::Key;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn key(s: &str) -> Key {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn names_parse_to_keys() {
    let ctrl = KeyModifiers::CONTROL;
    let cases = [
        ("q", KeyCode::Char('q'), KeyModifiers::NONE),
        ("G", KeyCode::Char('G'), KeyModifiers::NONE),
        ("Shift-g", KeyCode::Char('G'), KeyModifiers::NONE),
        ("?", KeyCode::Char('?'), KeyModifiers::NONE),
        ("-", KeyCode::Char('-'), KeyModifiers::NONE),
        ("Ctrl--", KeyCode::Char('-'), ctrl),
        ("Ctrl-c", KeyCode::Char('c'), ctrl),
        ("ctrl-C", KeyCode::Char('c'), ctrl),
        ("Alt-x", KeyCode::Char('x'), KeyModifiers::ALT),
        ("Ctrl-Alt-x", KeyCode::Char('x'), ctrl | KeyModifiers::ALT),
        ("Shift-Tab", KeyCode::BackTab, KeyModifiers::NONE),
        ("PageDown", KeyCode::PageDown, KeyModifiers::NONE),
        ("pgdn", KeyCode::PageDown, KeyModifiers::NONE),
        ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
        ("←", KeyCode::Left, KeyModifiers::NONE),
        ("escape", KeyCode::Esc, KeyModifiers::NONE),
        ("F5", KeyCode::F(5), KeyModifiers::NONE),
        ("星", KeyCode::Char('星'), KeyModifiers::NONE),
    ];
    for (s, code, mods) in cases {
        assert_eq!(key(s), Key { code, mods }, "{s}");
    }
}

#[test]
fn bad_names_are_refused() {
    for s in [
        "",
        "Hyper-x",
        "PageSideways",
        "F13",
        "Shift-1",
        "Ctrl-Shift-Tab",
        "ab",
    ] {
        assert!(s.parse::<Key>().is_err(), "{s:?} parsed");
    }
}

#[test]
fn written_keys_parse_back() {
    for s in [
        "q",
        "G",
        "Ctrl-c",
        "Alt-x",
        "Shift-Tab",
        "Enter",
        "Esc",
        "Space",
        "Left",
        "PageUp",
        "Home",
        "F12",
        "Delete",
        "\"",
        "\\",
    ] {
        let k = key(s);
        assert_eq!(k.to_string().parse::<Key>().unwrap(), k, "{s}");
    }
    assert_eq!(key("pgup").to_string(), "PageUp");
    assert_eq!(key("PageUp").label(), "PgUp");
}

#[test]
fn keys_match_presses() {
    let press = |code, mods| KeyEvent::new(code, mods);
    assert!(key("Ctrl-c").matches(&press(KeyCode::Char('C'), KeyModifiers::CONTROL)));
    assert!(!key("Ctrl-c").matches(&press(KeyCode::Char('c'), KeyModifiers::NONE)));
    assert!(key("G").matches(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)));
    assert!(!key("g").matches(&press(KeyCode::Char('G'), KeyModifiers::SHIFT)));
    assert!(key("Alt-x").matches(&press(KeyCode::Char('x'), KeyModifiers::ALT)));
    assert!(!key("x").matches(&press(KeyCode::Char('x'), KeyModifiers::ALT)));
}
