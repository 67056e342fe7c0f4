//! The real binary in a pseudo-terminal: it opens the reader, takes a search typed key by
//! key, quits on `q` and gives the terminal back; marks, views and the session it saves are
//! there when it starts again.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Screen(Arc<Mutex<vt100::Parser>>);

impl Screen {
    fn text(&self) -> String {
        self.0.lock().unwrap().screen().contents()
    }

    fn alternate(&self) -> bool {
        self.0.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until the screen shows all of `needles`, or fails with the screen.
    fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let text = self.text();
            if needles.iter().all(|n| text.contains(n)) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "waited for {needles:?}; screen:\n{text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// The reader running in a pseudo-terminal.
struct Running {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Screen,
    keys: Box<dyn Write + Send>,
}

impl Running {
    /// Starts the binary on the sample corpus with `data` as its data folder.
    fn start(data: &std::path::Path, args: &[&str]) -> Running {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_chanjiao"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("CHANJIAO_DATA_DIR");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let screen = Screen(Arc::clone(&parser));
        let mut reader = pair.master.try_clone_reader().unwrap();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().unwrap();
        Running {
            child,
            screen,
            keys,
        }
    }

    fn send(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits for the reader to end; it must end well.
    fn wait_exit(&mut self) {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the reader did not quit"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "exit status {status:?}");
    }
}

#[test]
fn reader_runs_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Running::start(data.path(), &[]);
    let screen = &run.screen;
    // The reader opens on the embedded sample corpus.
    let first = screen.wait_for(&["文章 Articles", "ready", "sort: relevance"]);
    assert!(screen.alternate(), "the reader uses the alternate screen");
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
    run.wait_exit();
    std::thread::sleep(Duration::from_millis(100));
    assert!(!run.screen.alternate(), "the terminal is given back");
}

#[test]
fn marks_views_and_the_session_outlive_the_reader() {
    let data = tempfile::tempdir().unwrap();
    let mut run = Running::start(data.path(), &[]);
    run.screen
        .wait_for(&["文章 Articles", "ready", "未读 Unread"]);
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
    run.wait_exit();

    let state = std::fs::read_to_string(data.path().join("state").join("state.json")).unwrap();
    assert!(state.contains("\"lianhe\""), "{state}");
    assert!(state.contains("联合体"), "{state}");

    // Again: the search is back, with the star and the view.
    let mut again = Running::start(data.path(), &[]);
    let text = again.screen.wait_for(&["/ 联合体", "ready", "lianhe"]);
    assert!(text.contains("星标 Starred"), "{text}");
    again.send("q");
    again.wait_exit();

    // With --fresh: an empty search, the view still listed.
    let mut fresh = Running::start(data.path(), &["--fresh"]);
    let text = fresh.screen.wait_for(&["search 搜索", "ready", "lianhe"]);
    assert!(!text.contains("/ 联合体"), "{text}");
    fresh.send("q");
    fresh.wait_exit();
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
