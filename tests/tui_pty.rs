//! The real binary in a pseudo-terminal: it opens the reader, takes a search typed key by
//! key, quits on `q` and gives the terminal back.

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

#[test]
fn reader_runs_in_a_terminal() {
    let data = tempfile::tempdir().unwrap();
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
    cmd.arg(data.path());
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("CHANJIAO_DATA_DIR");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
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
    let mut keys = pair.master.take_writer().unwrap();
    let mut send = |s: &str| {
        keys.write_all(s.as_bytes()).unwrap();
        keys.flush().unwrap();
    };

    // The reader opens on the embedded sample corpus.
    let first = screen.wait_for(&["文章 Articles", "ready", "sort: relevance"]);
    assert!(screen.alternate(), "the reader uses the alternate screen");
    assert!(first.contains("筛选 Filters"), "{first}");

    // Live search, typed key by key.
    send("/");
    for c in "联合体".chars() {
        send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    let searched = screen.wait_for(&["/ 联合体", "/ "]);
    assert!(
        searched
            .lines()
            .any(|l| l.contains("联合体") && l.contains("│")),
        "{searched}"
    );

    // Esc leaves the search line, `?` opens the help, `q` closes it, `q` quits.
    send("\x1b");
    screen.wait_for(&["search 搜索"]);
    send("?");
    screen.wait_for(&["帮助 Keys"]);
    send("q");
    std::thread::sleep(Duration::from_millis(200));
    send("q");

    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the reader did not quit"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!screen.alternate(), "the terminal is given back");
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
