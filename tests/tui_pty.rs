//! The real binary in a pseudo-terminal: it opens the reader, takes a search typed key by
//! key, lends the terminal to the pager on `o`, quits on `q` and gives the terminal back.

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

/// The binary running in a pseudo-terminal on the sample corpus.
struct Session {
    child: Box<dyn portable_pty::Child + Send + Sync>,
    screen: Screen,
    keys: Box<dyn Write + Send>,
    _data: tempfile::TempDir,
}

impl Session {
    fn start(env: &[(&str, &str)]) -> Session {
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
        for (k, v) in env {
            cmd.env(k, v);
        }
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
        Session {
            child,
            screen,
            keys,
            _data: data,
        }
    }

    fn send(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// Waits for the program to end and checks that it gave the terminal back.
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
        std::thread::sleep(Duration::from_millis(100));
        assert!(!self.screen.alternate(), "the terminal is given back");
    }
}

#[test]
fn reader_runs_in_a_terminal() {
    let mut s = Session::start(&[]);

    // The reader opens on the embedded sample corpus.
    let first = s
        .screen
        .wait_for(&["文章 Articles", "ready", "sort: relevance"]);
    assert!(s.screen.alternate(), "the reader uses the alternate screen");
    assert!(first.contains("筛选 Filters"), "{first}");

    // Live search, typed key by key.
    s.send("/");
    for c in "联合体".chars() {
        s.send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    let searched = s.screen.wait_for(&["/ 联合体", "/ "]);
    assert!(
        searched
            .lines()
            .any(|l| l.contains("联合体") && l.contains("│")),
        "{searched}"
    );

    // Esc leaves the search line, `?` opens the help, `q` closes it, `q` quits.
    s.send("\x1b");
    s.screen.wait_for(&["search 搜索"]);
    s.send("?");
    s.screen.wait_for(&["帮助 Keys"]);
    s.send("q");
    std::thread::sleep(Duration::from_millis(200));
    s.send("q");
    s.wait_exit();
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
    let mut s = Session::start(&[("PAGER", pager.as_str())]);
    let first = s
        .screen
        .wait_for(&["文章 Articles", "ready", "正文 Article"]);
    std::thread::sleep(Duration::from_millis(300));

    s.send("o");
    s.screen.wait_for(&["PAGER-WAITING"]);
    assert!(!s.screen.alternate(), "the pager runs on the normal screen");
    s.send("jkq\r");
    s.screen.wait_for(&["文章 Articles", "ready"]);
    assert!(s.screen.alternate(), "the reader is back");
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
    s.wait_exit();
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
