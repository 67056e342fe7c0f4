//! The real binary in a pseudo-terminal with a configuration: its first order, a rebound
//! key, and NO_COLOR.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pty_support;

use std::time::Duration;

use pty_support::{COLS, ROWS, Session};

#[test]
fn the_reader_follows_the_configuration_and_no_color() {
    let data = tempfile::tempdir().unwrap();
    let config = data.path().join("config.toml");
    std::fs::write(
        &config,
        "sort = \"newest\"\ntheme = \"light\"\n[keys]\nquit = \"Ctrl-q\"\n",
    )
    .unwrap();
    let mut term = Session::start(
        data.path(),
        &["--config", config.to_str().unwrap()],
        &[("NO_COLOR", "1")],
    );
    term.screen.wait_for_articles(&["sort: newest"]);

    // No colour anywhere, but the selected row is still reversed.
    {
        let parser = term.screen.0.lock().unwrap();
        let screen = parser.screen();
        let mut reversed = false;
        for row in 0..ROWS {
            for col in 0..COLS {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "({row}, {col})");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "({row}, {col})");
                reversed |= cell.inverse();
            }
        }
        assert!(reversed, "the selection is reversed");
    }

    // `q` no longer quits; the rebound Ctrl-q does.
    term.send("q");
    std::thread::sleep(Duration::from_millis(300));
    assert!(term.running(), "q was rebound away from quit");
    term.send("\x11");
    let status = term.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}
