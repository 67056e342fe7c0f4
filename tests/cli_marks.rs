//! `--unread` and `--starred` on the command line: `list`, `search`, `stats` and `export`
//! keep the articles the reader marked, from the same reading state; a state that does not
//! parse is an error naming it, and is left as it was.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli_support;

use std::collections::BTreeSet;
use std::process::Output;

use chanjiao::article::Article;
use chanjiao::state::{Delta, Store};
use cli_support::run_in as chanjiao;

fn ok(o: Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// The ids of `list`-style JSON lines.
fn ids(lines: &str) -> BTreeSet<String> {
    lines
        .lines()
        .map(|l| serde_json::from_str::<Article>(l).unwrap().id)
        .collect()
}

#[test]
fn the_readers_marks_filter_every_command() {
    let data = tempfile::tempdir().unwrap();
    let all = ids(&ok(chanjiao(data.path(), &["list", "--json"])));
    assert!(all.len() >= 30);
    // Nothing marked yet: every article is unread, none starred.
    assert_eq!(
        ids(&ok(chanjiao(data.path(), &["list", "--unread", "--json"]))),
        all
    );
    let none = chanjiao(data.path(), &["list", "--starred"]);
    assert_eq!(none.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&none.stderr).contains("filters"));

    // Three read, two starred (one of them read), as the reader saves them.
    let list: Vec<&String> = all.iter().collect();
    let read: BTreeSet<String> = list[..3].iter().map(|s| s.to_string()).collect();
    let starred: BTreeSet<String> = [list[2], list[7]].map(|s| s.to_string()).into();
    let mut d = Delta::default();
    d.read.extend(read.iter().map(|id| (id.clone(), true)));
    d.starred
        .extend(starred.iter().map(|id| (id.clone(), true)));
    Store::in_data_dir(data.path()).save(&d).unwrap();

    let unread: BTreeSet<String> = all.difference(&read).cloned().collect();
    let run = |args: &[&str]| ids(&ok(chanjiao(data.path(), args)));
    assert_eq!(run(&["list", "--unread", "--json"]), unread);
    assert_eq!(run(&["list", "--starred", "--json"]), starred);
    // Both: either, as in the reader's sidebar.
    let either: BTreeSet<String> = unread.union(&starred).cloned().collect();
    assert_eq!(run(&["list", "--unread", "--starred", "--json"]), either);
    // With other filters and a search.
    let searched = run(&["search", "产教", "--limit", "100", "--json"]);
    let searched_unread = run(&["search", "产教", "--unread", "--limit", "100", "--json"]);
    assert_eq!(
        searched_unread,
        searched.difference(&read).cloned().collect::<BTreeSet<_>>()
    );

    // `stats` counts them; `export` writes them.
    let stats: serde_json::Value =
        serde_json::from_str(&ok(chanjiao(data.path(), &["stats", "--unread", "--json"]))).unwrap();
    assert_eq!(
        stats["total"].as_u64(),
        Some(unread.len() as u64),
        "{stats}"
    );
    let exported: Vec<Article> = serde_json::from_str(&ok(chanjiao(
        data.path(),
        &["export", "--starred", "--format", "json"],
    )))
    .unwrap();
    let exported: BTreeSet<String> = exported.into_iter().map(|a| a.id).collect();
    assert_eq!(exported, starred);
}

#[test]
fn a_damaged_state_is_an_error_naming_it_and_is_left_alone() {
    let data = tempfile::tempdir().unwrap();
    let path = Store::in_data_dir(data.path()).path();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "{not json").unwrap();
    let o = chanjiao(data.path(), &["list", "--unread"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(&path.display().to_string()), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
    // Commands that do not ask about marks do not read it.
    assert!(!ok(chanjiao(data.path(), &["list"])).is_empty());
}
