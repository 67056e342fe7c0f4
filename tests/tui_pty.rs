//! The real binary in a pseudo-terminal: it opens the reader, takes a search typed key by
//! key, lends the terminal to the pager on `o`, quits on `q` and gives the terminal back;
//! marks, views and the session it saves are there when it starts again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pty_support;

use std::time::Duration;

use pty_support::Session;

#[test]
fn reader_runs_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Session::start(data.path(), &[], &[]);
    // The reader opens on the embedded sample corpus.
    let first = run.screen.wait_for_articles(&["sort: newest"]);
    assert!(
        run.screen.alternate(),
        "the reader uses the alternate screen"
    );
    assert!(first.contains("筛选 Filters"), "{first}");

    // Live search, typed key by key.
    run.send("/");
    for c in "联合体".chars() {
        run.send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    let searched = run.screen.wait_for(&["/ 联合体", "/ "]);
    assert!(
        searched
            .lines()
            .any(|l| l.contains("联合体") && l.contains("│")),
        "{searched}"
    );

    // Esc leaves the search line, `?` opens the help, `q` closes it, `q` quits.
    run.send("\x1b");
    run.screen.wait_for(&["search 搜索"]);
    run.send("?");
    run.screen.wait_for(&["帮助 Keys"]);
    run.send("q");
    std::thread::sleep(Duration::from_millis(200));
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!run.screen.alternate(), "the terminal is given back");
}

#[test]
fn marks_views_and_the_session_outlive_the_reader() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Session::start(data.path(), &[], &[]);
    run.screen.wait_for_articles(&["未读 Unread"]);
    // Star the first article, search, save the view, quit.
    run.send("*");
    let starred = run.screen.wait_for(&["•*"]);
    let count = starred
        .lines()
        .find_map(|l| l.split("星标 Starred").nth(1))
        .and_then(|rest| rest.split('│').next())
        .map(str::trim);
    assert_eq!(count, Some("1"), "{starred}");
    run.send("/");
    for c in "联合体".chars() {
        run.send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    run.send("\r");
    run.send("w");
    run.screen.wait_for(&["Save view as:"]);
    run.send("lianhe\r");
    run.screen.wait_for(&["view 'lianhe' saved"]);
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let state = std::fs::read_to_string(data.path().join("state").join("state.json")).unwrap();
    assert!(state.contains("\"lianhe\""), "{state}");
    assert!(state.contains("联合体"), "{state}");

    // Again: the search is back, with the star and the view.
    let mut again = Session::start(data.path(), &[], &[]);
    let text = again.screen.wait_for(&["/ 联合体", "ready", "lianhe"]);
    assert!(text.contains("星标 Starred"), "{text}");
    again.send("q");
    let status = again.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    // With --fresh: an empty search, the view still listed.
    let mut fresh = Session::start(data.path(), &["--fresh"], &[]);
    let text = fresh.screen.wait_for(&["search 搜索", "ready", "lianhe"]);
    assert!(!text.contains("/ 联合体"), "{text}");
    fresh.send("q");
    let status = fresh.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// The reader asks the terminal to mark pastes, so a paste into the search line arrives
/// whole: a line break in it is not Enter, and what follows is not taken for keys (`q`
/// would quit). The terminal is given back without the marking.
#[test]
fn a_paste_goes_into_the_search_line_whole() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Session::start(data.path(), &[], &[]);
    run.screen.wait_for_articles(&[]);
    assert!(run.screen.bracketed_paste(), "pastes are marked");
    run.send("/");
    run.screen.wait_for(&["/ "]);
    std::thread::sleep(Duration::from_millis(100));
    run.send("\x1b[200~联合体\rq\x1b[201~");
    run.screen.wait_for(&["/ 联合体 q"]);
    assert!(run.running(), "the pasted q did not quit");
    run.send("\x1b");
    run.screen.wait_for(&["search 搜索"]);
    run.send("q");
    let status = run.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        !run.screen.bracketed_paste(),
        "the terminal is given back unmarked"
    );
}

#[cfg(unix)]
#[test]
fn o_hands_the_terminal_to_the_pager_and_takes_it_back() {
    // A pager that keeps what it was given, then reads a line from the terminal: every key
    // typed meanwhile must reach it, none the reader.
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("pager.sh");
    let paged = dir.path().join("paged.txt");
    std::fs::write(
        &script,
        "#!/bin/sh\ncat > \"$1\"\nprintf 'PAGER-WAITING'\nread line < /dev/tty\nprintf '%s' \"$line\" > \"$1.key\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pager = format!("{} {}", script.display(), paged.display());
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start(data.path(), &[], &[("PAGER", pager.as_str())]);
    let first = s.screen.wait_for_articles(&["正文 Article"]);
    std::thread::sleep(Duration::from_millis(300));

    s.send("o");
    s.screen.wait_for(&["PAGER-WAITING"]);
    assert!(!s.screen.alternate(), "the pager runs on the normal screen");
    assert!(
        !s.screen.bracketed_paste(),
        "the pager gets pastes as it expects"
    );
    s.send("jkq\r");
    s.screen.wait_for(&["文章 Articles", "ready"]);
    assert!(s.screen.alternate(), "the reader is back");
    assert!(s.screen.bracketed_paste(), "and pastes are marked again");
    let key = std::fs::read_to_string(dir.path().join("paged.txt.key")).unwrap();
    assert_eq!(key, "jkq", "the reader took none of the pager's keys");
    let text = std::fs::read_to_string(&paged).unwrap();
    // The article on screen is the one paged: title first, then meta and tags.
    let head: String = text.lines().next().unwrap().chars().take(6).collect();
    assert!(!head.trim().is_empty() && first.contains(&head), "{text}");
    assert!(text.contains("地区"), "{text}");

    // Still answering keys: `j` moves, `q` quits.
    s.send("j");
    s.screen.wait_for(&["文章 Articles  2/"]);
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// `Ctrl-z` stops the reader as a job of the shell, with the terminal given back; `fg`
/// brings it back, redrawn and answering keys.
#[cfg(unix)]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_reader_back() {
    let data = tempfile::tempdir().unwrap();
    let mut s = Session::start_shell();
    s.screen.wait_for(&["SHELL-READY$"]);
    s.send(&format!("{}\r", Session::command_line(data.path())));
    s.screen.wait_for_articles(&[]);
    s.send("j");
    s.screen.wait_for(&["文章 Articles  2/"]);
    std::thread::sleep(Duration::from_millis(300));

    s.send("\x1a");
    s.screen.wait_for(&["Stopped"]);
    assert!(!s.screen.alternate(), "the shell has the normal screen");
    assert!(!s.screen.mouse_reporting() && !s.screen.cursor_hidden());

    s.send("fg\r");
    s.screen.wait_for(&["文章 Articles  2/", "ready"]);
    assert!(s.screen.alternate(), "the reader is back");
    assert!(s.screen.mouse_reporting());
    s.send("j");
    s.screen.wait_for(&["文章 Articles  3/"]);
    // From the search line too.
    s.send("/");
    s.send("\x1a");
    s.screen.wait_for(&["Stopped"]);
    s.send("fg\r");
    s.screen.wait_for(&["文章 Articles"]);
    assert!(s.screen.alternate());
    s.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    // Ended, the reader gives the shell back, which waits at a new prompt.
    s.send("q");
    let start = std::time::Instant::now();
    let at_prompt = |s: &Session| {
        let text = s.screen.text();
        !s.screen.alternate()
            && text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(str::trim)
                == Some("SHELL-READY$")
    };
    while !at_prompt(&s) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{}",
            s.screen.text()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    s.send("exit\r");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// `kill` (SIGTERM), a closed terminal window (SIGHUP) and SIGINT sent from outside end the
/// reader as `q` does: the terminal is given back whole and the session is saved.
#[cfg(unix)]
#[test]
fn a_signal_ends_the_reader_as_q_does() {
    for signal in ["TERM", "HUP", "INT"] {
        let data = tempfile::tempdir().unwrap();
        let mut run = Session::start(data.path(), &[], &[]);
        run.screen.wait_for_articles(&[]);
        assert!(run.screen.mouse_reporting() && run.screen.cursor_hidden());
        run.send("/");
        for c in "联合体".chars() {
            run.send(&c.to_string());
            std::thread::sleep(Duration::from_millis(30));
        }
        run.send("\r");
        run.screen.wait_for(&["/ 联合体"]);
        std::thread::sleep(Duration::from_millis(300));
        run.signal(signal);
        let status = run.wait_exit();
        assert!(status.success(), "SIG{signal}: exit status {status:?}");
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            !run.screen.alternate(),
            "SIG{signal}: the screen is given back"
        );
        assert!(!run.screen.mouse_reporting(), "SIG{signal}: the mouse too");
        assert!(!run.screen.cursor_hidden(), "SIG{signal}: the cursor shows");
        assert!(
            !run.screen.bracketed_paste(),
            "SIG{signal}: pastes unmarked"
        );
        let state = std::fs::read_to_string(data.path().join("state").join("state.json"))
            .unwrap_or_default();
        assert!(
            state.contains("联合体"),
            "SIG{signal}: session saved: {state}"
        );
    }
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

/// Keys that come faster than one read takes (a paste without bracketed paste, keys that
/// piled up): all of them are acted on at once, not the last few held back until another
/// key arrives.
#[test]
fn a_long_burst_of_keys_is_read_whole() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Session::start(data.path(), &[], &[]);
    run.screen.wait_for_articles(&[]);
    run.send("/");
    run.screen.wait_for(&["/ "]);
    let burst = format!("{}XYZ", "a".repeat(1022));
    run.send(&burst);
    run.screen.wait_for(&["aaaXYZ"]);
    // Escape alone, then `q`: sent together they read as Alt-q.
    run.send("\u{1b}");
    std::thread::sleep(Duration::from_millis(300));
    run.send("q");
    assert!(run.wait_exit().success());
}
