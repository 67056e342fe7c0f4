//! Handing articles over: `o` (pager), `y` (clipboard, OSC 52) and `e` (a Markdown file),
//! driven by keys over the sample corpus. No real pager runs here: the effect is checked.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod tui_support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use base64::Engine;
use chanjiao::tui::backend::Request;
use chanjiao::tui::effect::Effect;
use chanjiao::tui::harness::Harness;
use crossterm::event::KeyCode;
use tui_support::{reader, screen};

#[test]
fn o_asks_for_the_pager_with_the_article() {
    let mut h = reader(120, 40);
    h.press(KeyCode::Char('j'));
    let title = h.app.detail.article.as_ref().unwrap().title.clone();
    h.press(KeyCode::Char('o'));
    let Some(Effect::Pager { text }) = h.effects.last() else {
        panic!("no pager effect: {:?}", h.effects.last());
    };
    assert!(text.starts_with(&title[..title.len().min(12)]), "{text}");
    assert!(text.contains("地区"), "tags are in it: {text}");
    // From the detail pane too.
    h.press(KeyCode::Enter);
    let before = h.effects.len();
    h.press(KeyCode::Char('o'));
    assert!(matches!(h.effects[before..], [Effect::Pager { .. }]));
}

#[test]
fn y_copies_the_article_with_osc52() {
    let mut h = reader(120, 40);
    let article = h.app.detail.article.clone().unwrap();
    h.press(KeyCode::Char('y'));
    let Some(Effect::Clipboard { sequence }) = h.effects.last() else {
        panic!("no clipboard effect");
    };
    let b64 = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    let text = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap(),
    )
    .unwrap();
    assert!(text.starts_with(&article.title));
    assert!(text.contains(article.body.lines().next().unwrap()));
    assert!(!text.contains(&article.file), "no file path");
    assert!(screen(&h).contains("copied the article"));
    // The next key clears the message.
    h.press(KeyCode::Char('j'));
    assert!(h.app.reading.notice.is_none());
}

/// The one file in `dir`, read.
fn only_file(dir: &std::path::Path) -> (PathBuf, String) {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    (files[0].clone(), text)
}

/// Ids of every article the reader's current query and filters find.
fn view_ids(h: &Harness) -> BTreeSet<String> {
    let all = h
        .catalog
        .search(&Request {
            query: h.app.query.clone(),
            filter: h.app.filter.clone(),
            limit: 10_000,
            ..Default::default()
        })
        .unwrap();
    all.rows.iter().map(|r| r.id.clone()).collect()
}

#[test]
fn e_in_the_list_writes_every_article_of_the_view() {
    // A short screen: far fewer rows show than the view holds.
    let mut h = reader(60, 9);
    let dir = tempfile::tempdir().unwrap();
    h.app.export_dirs = vec![dir.path().to_path_buf()];
    h.type_str("/province:national");
    h.press(KeyCode::Enter);
    let expected = view_ids(&h);
    assert!(expected.len() > h.app.panel_height(chanjiao::tui::layout::Panel::List));
    h.press(KeyCode::Char('e'));
    let (path, text) = only_file(dir.path());
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("chanjiao-") && name.ends_with(".md"),
        "{name}"
    );
    assert_eq!(text.matches("\n## ").count() + 1, expected.len(), "{text}");
    for id in &expected {
        assert!(text.contains(&format!("`{id}`")), "{id} missing");
    }
    let others: Vec<String> = h
        .catalog
        .search(&Request {
            limit: 10_000,
            ..Default::default()
        })
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.id)
        .filter(|id| !expected.contains(id))
        .collect();
    assert!(!others.is_empty());
    assert!(others.iter().all(|id| !text.contains(&format!("`{id}`"))));
    let notice = h.app.reading.notice.clone().unwrap_or_default();
    assert_eq!(
        notice,
        format!("exported {} articles to {}", expected.len(), path.display())
    );
}

#[test]
fn e_of_a_view_names_the_other_reports_it_holds_by_date_outlet_and_title() {
    let mut h = reader(100, 30);
    let dir = tempfile::tempdir().unwrap();
    h.app.export_dirs = vec![dir.path().to_path_buf()];
    h.type_str("/市域产教联合体");
    h.press(KeyCode::Enter);
    let rows = h.app.results.rows.clone();
    let story = rows
        .iter()
        .find(|r| r.duplicates > 0)
        .expect("a story told twice");
    let article = h.catalog.get(&story.id).unwrap();
    h.press(KeyCode::Char('e'));
    let (_, text) = only_file(dir.path());
    let section = text
        .split("\n---\n")
        .find(|s| s.contains(&format!("`{}`", story.id)))
        .unwrap();
    let mut named = 0;
    for other in &article.duplicates {
        let Some(row) = rows.iter().find(|r| &r.id == other) else {
            continue;
        };
        let line = section
            .lines()
            .find(|l| l.starts_with("- ") && l.contains(&format!("(`{other}`)")))
            .unwrap_or_else(|| panic!("{other} not listed in {section}"));
        assert!(line.contains(row.title.trim()), "{line}");
        named += 1;
    }
    assert!(named > 0, "{section}");
}

#[test]
fn e_in_the_article_writes_that_article() {
    let mut h = reader(120, 40);
    let dir = tempfile::tempdir().unwrap();
    h.app.export_dirs = vec![dir.path().to_path_buf()];
    h.press(KeyCode::Char('j'));
    h.press(KeyCode::Enter);
    let article = h.app.detail.article.clone().unwrap();
    h.press(KeyCode::Char('e'));
    let (_, text) = only_file(dir.path());
    assert!(
        text.starts_with(&format!("## {}", article.title.trim())),
        "{text}"
    );
    assert!(text.contains(&format!("`{}`", article.id)));
    assert!(!text.contains("\n---\n"), "one article only");
    assert!(screen(&h).contains("exported 1 article to"));
}

#[test]
fn e_says_when_it_cannot_write() {
    let mut h = reader(120, 40);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, "x").unwrap();
    h.app.export_dirs = vec![file];
    h.press(KeyCode::Char('e'));
    let notice = h.app.reading.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("cannot write the export"), "{notice}");
    assert!(notice.contains("plain-file"), "{notice}");
}
