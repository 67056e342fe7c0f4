//! The real binary in a pseudo-terminal: it opens the reader, takes a search typed key by
//! key, quits on `q` and gives the terminal back.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pty_support;

use std::time::Duration;

use pty_support::Session;

#[test]
fn reader_runs_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut term = Session::start(data.path(), &[], &[]);

    // The reader opens on the embedded sample corpus.
    let first = term
        .screen
        .wait_for(&["文章 Articles", "ready", "sort: relevance"]);
    assert!(
        term.screen.alternate(),
        "the reader uses the alternate screen"
    );
    assert!(first.contains("筛选 Filters"), "{first}");

    // Live search, typed key by key.
    term.send("/");
    for c in "联合体".chars() {
        term.send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    let searched = term.screen.wait_for(&["/ 联合体", "/ "]);
    assert!(
        searched
            .lines()
            .any(|l| l.contains("联合体") && l.contains("│")),
        "{searched}"
    );

    // Esc leaves the search line, `?` opens the help, `q` closes it, `q` quits.
    term.send("\x1b");
    term.screen.wait_for(&["search 搜索"]);
    term.send("?");
    term.screen.wait_for(&["帮助 Keys"]);
    term.send("q");
    std::thread::sleep(Duration::from_millis(200));
    term.send("q");

    let status = term.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!term.screen.alternate(), "the terminal is given back");
}

#[test]
fn not_a_terminal_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .arg("--data-dir")
        .arg(data.path())
        .env_remove("CHANJIAO_DATA_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a terminal"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
