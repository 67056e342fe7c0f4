//! The configuration file: the documented default, and each kind of mistake with its line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chanjiao::config::{Config, ConfigError, Problem, default_text};
use chanjiao::tui::backend::Sort;
use chanjiao::tui::bindings::KeyMap;
use chanjiao::tui::key::Key;
use chanjiao::tui::palette::{Palette, ROLES};
use chanjiao::tui::theme::ThemeName;
use crossterm::event::KeyCode;
use ratatui::style::Color;

fn parse(text: &str) -> Result<Config, Vec<Problem>> {
    Config::parse(text, Path::new("/etc/chanjiao"))
}

/// The problems of a text that must fail, as (line, message).
fn problems(text: &str) -> Vec<(Option<usize>, String)> {
    match parse(text) {
        Ok(c) => panic!("expected problems, got {c:?}"),
        Err(ps) => ps.into_iter().map(|p| (p.line, p.message)).collect(),
    }
}

#[test]
fn the_documented_default_is_exactly_the_built_in_default() {
    let text = default_text();
    assert_eq!(parse(&text).unwrap(), Config::default());
    // An empty file is the default too.
    assert_eq!(parse("").unwrap(), Config::default());
}

#[test]
fn the_documented_default_lists_every_action_with_its_keys() {
    let text = default_text();
    for row in KeyMap::default().rows() {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{} = ", row.binding.name)))
            .unwrap_or_else(|| panic!("no line for {}", row.binding.name));
        assert!(line.contains(row.binding.desc), "{line}");
        for k in &row.keys {
            assert!(line.contains(&format!("\"{k}\"")), "{line} lacks {k}");
        }
    }
}

#[test]
fn the_documented_colours_are_the_palettes() {
    let text = default_text();
    for (role, _) in ROLES {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("# {role} = ")))
            .unwrap_or_else(|| panic!("no line for colour {role}"));
        let quoted: Vec<&str> = line.split('"').skip(1).step_by(2).collect();
        let (mut dark, mut light) = (Palette::DARK, Palette::LIGHT);
        assert_eq!(
            Color::from_str(quoted[0]).unwrap(),
            *dark.role_mut(role).unwrap(),
            "{line}"
        );
        assert_eq!(
            Color::from_str(quoted[1]).unwrap(),
            *light.role_mut(role).unwrap(),
            "{line}"
        );
    }
}

#[test]
fn the_default_key_map_is_consistent() {
    let map = KeyMap::default();
    assert_eq!(map.conflicts(), vec![]);
    assert_eq!(map.typing_keys(), vec![]);
    let mut names: Vec<&str> = map.rows().iter().map(|r| r.binding.name).collect();
    assert!(
        names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    );
    let all = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), all, "action names are unique");
}

#[test]
fn settings_are_read() {
    let c = parse(
        "corpus = [\"/srv/news\", \"scrapes\"]\nsample = false\nsort = \"oldest\"\n\
         theme = \"light\"\n[colors]\naccent = \"#ff8800\"\ndate = \"reset\"\n",
    )
    .unwrap();
    assert_eq!(
        c.corpus,
        vec![
            PathBuf::from("/srv/news"),
            PathBuf::from("/etc/chanjiao/scrapes")
        ]
    );
    assert!(!c.sample);
    assert_eq!(c.sort, Sort::Oldest);
    assert_eq!(c.theme, ThemeName::Light);
    assert!(
        c.colors
            .contains(&("accent".to_string(), Color::Rgb(0xff, 0x88, 0)))
    );
    assert!(c.colors.contains(&("date".to_string(), Color::Reset)));
}

#[test]
fn a_home_folder_is_expanded() {
    let c = parse("corpus = [\"~/news\"]").unwrap();
    let home = directories::BaseDirs::new()
        .unwrap()
        .home_dir()
        .to_path_buf();
    assert_eq!(c.corpus, vec![home.join("news")]);
}

/// Mistakes that are the only problem of their file: (text, line, part of the message).
const SINGLE: &[(&str, usize, &str)] = &[
    // Unknown setting.
    (
        "sort = \"newest\"\n\ncolours = 3\n",
        3,
        "unknown field `colours`",
    ),
    // Wrong types.
    (
        "sort = \"newest\"\nsample = \"yes\"\n",
        2,
        "expected a boolean",
    ),
    ("\n\ncorpus = \"/srv/news\"\n", 3, "expected a sequence"),
    (
        "[keys]\nhelp = 5\n",
        2,
        "keys.help: expected a key name in quotes, found integer",
    ),
    // Unknown values, which name the choices.
    (
        "\nsort = \"latest\"\n",
        2,
        "sort: unknown value \"latest\"; use one of \"relevance\"",
    ),
    ("theme = \"solarized\"\n", 1, "\"light\""),
    // The reader has no title order.
    (
        "sort = \"title\"\n",
        1,
        "sort: unknown value \"title\"; use one of \"relevance\", \"newest\", \"oldest\"",
    ),
    // Unknown action, with the closest name.
    (
        "[keys]\nquit = \"Q\"\nnext_pannel = \"Tab\"\n",
        3,
        "unknown action \"next_pannel\" (did you mean next_panel?)",
    ),
    // Keys that do not parse.
    (
        "[keys]\nhelp = \"Shift-1\"\n",
        2,
        "Shift works only with letters",
    ),
    // One key, two actions in one place: on the line that did it.
    (
        "sort = \"newest\"\n[keys]\nhelp = \"?\"\ncycle_sort = \"j\"\n",
        4,
        "key \"j\" is bound to both down and cycle_sort",
    ),
    // Both rebound: the later line.
    (
        "[keys]\nnext_hit = \"x\"\nprev_hit = \"x\"\n",
        3,
        "key \"x\" is bound to both next_hit and prev_hit",
    ),
    // A panel's key that would hide one that works everywhere.
    (
        "[keys]\n\nopen = [\"Enter\", \"c\"]\n",
        3,
        "key \"c\" is bound to both clear_filters and open",
    ),
    // A reader that could not be quit.
    (
        "[keys]\nhelp = \"F1\"\nquit = []\n",
        3,
        "keys.quit: without a key the reader could not be quit",
    ),
    // A search line nothing leads out of.
    (
        "[keys]\nsearch_keep = []\nsearch_cancel = []\nsearch_quit = []\n",
        4,
        "nothing would lead out of the search line",
    ),
    // A plain character in the search line could not be typed any more.
    (
        "[keys]\n\n\nsearch_keep = \"k\"\n",
        4,
        "typed in the search line",
    ),
];

#[test]
fn each_mistake_is_reported_on_its_line() {
    for (text, line, needle) in SINGLE {
        let ps = problems(text);
        assert_eq!(ps.len(), 1, "{text:?}: {ps:?}");
        let (l, msg) = &ps[0];
        assert_eq!(*l, Some(*line), "{text:?}: {msg}");
        assert!(msg.contains(needle), "{text:?}: {msg}");
    }
    // Control keys are fine in the search line (one that edits nothing there yet).
    parse("[keys]\nsearch_keep = \"Ctrl-g\"\n").unwrap();
}

#[test]
fn unknown_colours_and_roles_are_errors_with_their_line() {
    let ps = problems("[colors]\naccent = \"blue\"\nbackground = \"black\"\ndate = \"bluish\"\n");
    assert_eq!(ps.len(), 2, "{ps:?}");
    assert_eq!(ps[0].0, Some(3));
    assert!(
        ps[0].1.contains("unknown colour role \"background\""),
        "{}",
        ps[0].1
    );
    assert_eq!(ps[1].0, Some(4));
    assert!(ps[1].1.contains("unknown colour \"bluish\""), "{}", ps[1].1);
}

#[test]
fn unreadable_keys_and_wrong_key_types_are_errors_with_their_line() {
    let ps = problems("[keys]\nquit = [\"q\", \"Hyper-q\"]\nhelp = 5\nsearch = [\"/\", true]\n");
    let lines: Vec<_> = ps.iter().map(|p| p.0).collect();
    assert_eq!(lines, vec![Some(2), Some(3), Some(4)], "{ps:?}");
    assert!(ps[0].1.contains("\"Hyper-q\""), "{}", ps[0].1);
    assert!(ps[1].1.contains("integer"), "{}", ps[1].1);
    assert!(ps[2].1.contains("boolean"), "{}", ps[2].1);
}

#[test]
fn the_same_key_in_separate_places_is_fine() {
    // The search line and the help have their own keys; two panels do not see each other.
    let c =
        parse("[keys]\nsearch_keep = [\"Enter\", \"Shift-Tab\"]\nhelp_close = \"h\"\n").unwrap();
    assert_eq!(c.keys.keys("search_keep").len(), 2);
    let c = parse("[keys]\ntoggle_filter = \"x\"\nopen = \"x\"\n").unwrap();
    assert_eq!(c.keys.keys("open"), &[Key::plain(KeyCode::Char('x'))]);
}

#[test]
fn a_freed_key_can_be_bound_again() {
    let c = parse("[keys]\nclear_filters = []\ncycle_sort = [\"s\", \"c\"]\n").unwrap();
    assert!(c.keys.keys("clear_filters").is_empty());
    assert_eq!(c.keys.keys("cycle_sort").len(), 2);
}

#[test]
fn every_problem_is_reported_in_line_order() {
    let ps = problems("theme = \"x\"\n[colors]\nhit = \"nope\"\n[keys]\nstarr = \"*\"\n");
    let lines: Vec<_> = ps.iter().map(|p| p.0).collect();
    assert_eq!(lines, vec![Some(1), Some(3), Some(5)]);
}

#[test]
fn every_unknown_setting_is_reported_with_the_other_problems() {
    let p = problems(
        "sort = \"newest\"\nbar = 2\nfoo = 1\ntheme = \"purple\"\n\n[extra]\nx = 1\n\n\
         [keys]\nquit = \"q\"\nhelp = \"q\"\n",
    );
    let lines: Vec<Option<usize>> = p.iter().map(|(l, _)| *l).collect();
    assert_eq!(
        lines,
        [Some(2), Some(3), Some(4), Some(6), Some(11)],
        "{p:?}"
    );
    for (i, name) in [(0, "bar"), (1, "foo"), (3, "extra")] {
        assert!(
            p[i].1.starts_with(&format!("unknown field `{name}`")),
            "{p:?}"
        );
    }
    // With a value of the wrong type, which hides none of the others.
    let p = problems("sort = 3\nfoo = 1\n");
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].1.starts_with("sort: invalid type"), "{p:?}");
    assert!(p[1].1.starts_with("unknown field `foo`"), "{p:?}");
    let p =
        problems("sort = \"random\"\ntheme = 3\nsample = 1\n[colors]\ndate = 5\nhit = \"nope\"\n");
    let lines: Vec<usize> = p.iter().map(|(l, _)| l.unwrap_or(0)).collect();
    assert_eq!(lines, [1, 2, 3, 5, 6], "{p:?}");
    assert!(p[0].1.starts_with("sort: unknown value"), "{p:?}");
    assert!(p[1].1.starts_with("theme: invalid type"), "{p:?}");
    assert!(p[2].1.starts_with("sample: invalid type"), "{p:?}");
    assert!(p[3].1.starts_with("colors.date: invalid type"), "{p:?}");
    assert!(p[4].1.starts_with("colors.hit: "), "{p:?}");
}

#[test]
fn an_error_names_the_file_and_line() {
    let e = ConfigError {
        path: PathBuf::from("config.toml"),
        problems: vec![
            Problem::at(Some(12), "key \"x\" is bound to both a and b"),
            Problem::at(None, "cannot read"),
        ],
    };
    assert_eq!(
        e.to_string(),
        "config.toml:12: key \"x\" is bound to both a and b\nconfig.toml: cannot read"
    );
}

#[test]
fn a_missing_explicit_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.toml");
    let e = chanjiao::config::load(Some(&missing)).unwrap_err();
    assert!(e.to_string().starts_with(&missing.display().to_string()));
}

/// The TOML reader's messages say what type a value has but not whose it is: the key is
/// named, with its table.
#[test]
fn a_value_of_the_wrong_type_names_its_key() {
    let named = |text: &str, want: &str| {
        let p = problems(text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].1.starts_with(want), "{p:?}");
    };
    named(
        "sort = 3\n",
        "sort: invalid type: integer `3`, expected a string",
    );
    named(
        "theme = \"dark\"\n\n[colors]\ndate = true\n",
        "colors.date: invalid type",
    );
    named("sample = \"yes\"\n", "sample: invalid type");
    // A message that names its key already is left as it is.
    named("sampel = true\n", "unknown field `sampel`");
}
