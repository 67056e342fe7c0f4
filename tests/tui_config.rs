//! The reader as the configuration sets it up: rebound keys, the help written from them,
//! the first order, and colour (NO_COLOR, light and dark).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::path::Path;

use chanjiao::config::Config;
use chanjiao::tui::App;
use chanjiao::tui::backend::Sort;
use chanjiao::tui::harness::Harness;
use chanjiao::tui::palette::Palette;
use chanjiao::tui::theme::{ColorEnv, Theme, ThemeName};
use crossterm::event::{KeyCode, KeyModifiers};
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};
use tui_support::{assert_no_overflow, buffer, reader, sample, screen};

fn config(text: &str) -> Config {
    Config::parse(text, Path::new("/")).unwrap()
}

fn reader_with(text: &str, env: &ColorEnv, width: u16, height: u16) -> Harness {
    Harness::with_app(App::configured(&config(text), env), sample(), width, height)
}

const REBOUND: &str = "[keys]\ndown = [\"Ctrl-n\", \"Down\"]\nup = [\"Ctrl-p\", \"Up\"]\n\
                       cycle_sort = \"O\"\nquit = \"Ctrl-q\"\n";

#[test]
fn rebound_keys_work_and_the_old_ones_do_not() {
    let mut h = reader_with(REBOUND, &ColorEnv::default(), 120, 40);
    h.key(KeyCode::Char('n'), KeyModifiers::CONTROL);
    h.key(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(h.app.list.selected, 2);
    h.key(KeyCode::Char('p'), KeyModifiers::CONTROL);
    assert_eq!(h.app.list.selected, 1);
    h.press(KeyCode::Char('j'));
    assert_eq!(h.app.list.selected, 1, "j is no longer down");
    h.press(KeyCode::Down);
    assert_eq!(h.app.list.selected, 2, "Down still is");
    h.press(KeyCode::Char('s'));
    assert_eq!(h.app.sort, Sort::Relevance, "s is no longer the order");
    h.press(KeyCode::Char('O'));
    assert_eq!(
        h.app.sort,
        Sort::Oldest,
        "without words, past newest (the same list)"
    );
    h.press(KeyCode::Char('q'));
    assert!(!h.app.quit, "q no longer quits");
    h.key(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(h.app.quit);
}

#[test]
fn the_help_shows_the_rebound_keys() {
    let mut h = reader_with(REBOUND, &ColorEnv::default(), 120, 40);
    h.type_str("?");
    assert!(h.app.help.is_some());
    let s = screen(&h);
    assert!(s.contains("Ctrl-n ↓"), "{s}");
    assert!(s.contains("Ctrl-q"), "{s}");
    assert_no_overflow(&buffer(&h));
    assert_snapshot!("help_rebound", s);
}

#[test]
fn an_action_without_keys_leaves_the_help() {
    let mut h = reader_with(
        "[keys]\nclear_filters = []\n",
        &ColorEnv::default(),
        120,
        40,
    );
    h.type_str("?");
    assert!(!screen(&h).contains("clear all filters"));
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('h'));
    // Past Unread and Starred to the first province.
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    assert_eq!(h.app.filter.provinces.len(), 1);
    h.press(KeyCode::Char('c'));
    assert_eq!(
        h.app.filter.provinces.len(),
        1,
        "c no longer clears the filters"
    );
}

const MOVED: &str = "[keys]\nhelp = \"F1\"\nhelp_close = [\"F1\", \"x\"]\nsearch = \"F2\"\n\
                     clear_filters = \"C\"\nsave_view = \"Alt-w\"\nstats_close = \"F3\"\n";

#[test]
fn every_key_named_on_screen_is_the_key_as_bound() {
    let mut h = reader_with(MOVED, &ColorEnv::default(), 120, 40);
    let top = screen(&h).lines().next().unwrap().to_string();
    assert!(top.contains(" F2 search 搜索"), "{top}");
    assert!(top.contains("F1 help 帮助"), "{top}");
    assert!(!top.contains(" / ") && !top.contains("? help"), "{top}");

    h.key(KeyCode::F(1), KeyModifiers::NONE);
    assert!(h.app.help.is_some());
    let s = screen(&h);
    assert!(s.contains("F1 or x closes"), "{s}");
    assert!(!s.contains("Esc or ?"), "{s}");
    h.press(KeyCode::Char('x'));
    assert!(h.app.help.is_none());

    // A filter that leaves nothing: the way out is the rebound key.
    h.key(KeyCode::F(2), KeyModifiers::NONE);
    h.type_str("zzzqqq");
    h.press(KeyCode::Enter);
    let s = screen(&h);
    assert!(s.contains("Esc clears the search"), "{s}");
    assert!(!s.contains("clears the filters"), "no filter is set: {s}");
    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('h'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    h.press(KeyCode::Char('l'));
    h.key(KeyCode::F(2), KeyModifiers::NONE);
    h.type_str("zzzqqq");
    let s = screen(&h);
    assert!(s.contains("C clears the filters"), "{s}");
    assert!(!s.contains(", c clears"), "{s}");

    h.press(KeyCode::Esc);
    h.press(KeyCode::Char('\''));
    let notice = h.app.reading.notice.clone().unwrap_or_default();
    assert!(notice.contains("Alt-w saves"), "{notice}");

    h.press(KeyCode::Char('t'));
    let s = screen(&h);
    assert!(s.contains("F3 back"), "{s}");
    assert!(!s.contains("t back"), "{s}");
}

#[test]
fn the_first_order_comes_from_the_configuration() {
    let h = reader_with("sort = \"oldest\"\n", &ColorEnv::default(), 120, 40);
    assert_eq!(h.app.sort, Sort::Oldest);
    assert!(
        screen(&h).contains("oldest"),
        "the status line names the order"
    );
    // The same rows as a default reader switched to the oldest first.
    let mut d = reader(120, 40);
    d.type_str("s");
    assert_eq!(d.app.sort, Sort::Oldest);
    let ids =
        |h: &Harness| -> Vec<String> { h.app.results.rows.iter().map(|r| r.id.clone()).collect() };
    assert_eq!(ids(&h), ids(&d));
    assert_ne!(ids(&h), ids(&reader(120, 40)));
}

fn no_color() -> ColorEnv {
    ColorEnv {
        no_color: true,
        colorfgbg: None,
    }
}

#[test]
fn no_color_draws_without_colour_but_keeps_the_selection_visible() {
    let h = reader_with(
        "theme = \"light\"\n[colors]\naccent = \"red\"\n",
        &no_color(),
        120,
        40,
    );
    assert!(!h.app.theme.color);
    let buf = buffer(&h);
    for c in buf.content() {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset), "{c:?}");
    }
    let list = h.app.areas().list.unwrap();
    let selected = &buf[(list.x + 2, list.y + 1)];
    assert!(selected.modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_keeps_hits_and_the_status_line_visible() {
    let t = Theme::resolve(ThemeName::Dark, &[], &no_color());
    assert!(t.hit().add_modifier.contains(Modifier::REVERSED));
    assert!(t.bar().add_modifier.contains(Modifier::REVERSED));
    assert!(
        t.selected(false)
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    assert_eq!(t.date().fg, None);
    // An empty NO_COLOR does not count; reading the process sees it the same way.
    let t = Theme::resolve(ThemeName::Dark, &[], &ColorEnv::default());
    assert_eq!(t.date().fg, Some(Color::Blue));
}

#[test]
fn the_plain_theme_is_like_no_color() {
    let t = Theme::resolve(ThemeName::Plain, &[], &ColorEnv::default());
    assert_eq!(t, Theme::plain());
}

#[test]
fn auto_follows_the_terminal_background() {
    let env = |v: &str| ColorEnv {
        no_color: false,
        colorfgbg: Some(v.into()),
    };
    let light = Theme::resolve(ThemeName::Auto, &[], &env("0;15"));
    assert_eq!(light.palette, Palette::LIGHT);
    let light = Theme::resolve(ThemeName::Auto, &[], &env("0;default;7"));
    assert_eq!(light.palette, Palette::LIGHT);
    let dark = Theme::resolve(ThemeName::Auto, &[], &env("15;0"));
    assert_eq!(dark.palette, Palette::DARK);
    let unknown = Theme::resolve(ThemeName::Auto, &[], &ColorEnv::default());
    assert_eq!(unknown.palette, Palette::DARK);
}

#[test]
fn single_colours_override_the_theme() {
    let h = reader_with(
        "theme = \"light\"\n[colors]\ndate = \"#102030\"\n",
        &ColorEnv::default(),
        120,
        40,
    );
    assert_eq!(h.app.theme.palette.date, Color::Rgb(0x10, 0x20, 0x30));
    assert_eq!(h.app.theme.palette.accent, Palette::LIGHT.accent);
    let buf = buffer(&h);
    assert!(
        buf.content()
            .iter()
            .any(|c| c.fg == Color::Rgb(0x10, 0x20, 0x30))
    );
}
