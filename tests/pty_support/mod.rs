//! Shared by the tests that run the real binary in a pseudo-terminal: start it, read its
//! screen with vt100, type keys, wait for it to end.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

pub struct Screen(pub Arc<Mutex<vt100::Parser>>);

impl Screen {
    pub fn text(&self) -> String {
        self.0.lock().unwrap().screen().contents()
    }

    pub fn alternate(&self) -> bool {
        self.0.lock().unwrap().screen().alternate_screen()
    }

    /// Whether the program asked the terminal to mark pastes (bracketed paste).
    pub fn bracketed_paste(&self) -> bool {
        self.0.lock().unwrap().screen().bracketed_paste()
    }

    /// Whether the program asked for mouse reports.
    pub fn mouse_reporting(&self) -> bool {
        self.0.lock().unwrap().screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None
    }

    /// Whether the program hid the cursor.
    pub fn cursor_hidden(&self) -> bool {
        self.0.lock().unwrap().screen().hide_cursor()
    }

    /// Waits until the screen shows all of `needles`, or fails with the screen.
    pub fn wait_for(&self, needles: &[&str]) -> String {
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

impl Screen {
    /// Waits until the index is ready and the first article is listed and selected (the
    /// status line says `ready` a moment before the first results arrive; keys that act on
    /// the selected article do nothing until then), and the screen shows all of `more`.
    pub fn wait_for_articles(&self, more: &[&str]) -> String {
        let mut needles = vec!["ready", "文章 Articles  1/"];
        needles.extend_from_slice(more);
        self.wait_for(&needles)
    }
}

/// The binary running in a pseudo-terminal.
pub struct Session {
    pub screen: Screen,
    child: Box<dyn Child + Send + Sync>,
    keys: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts the binary with a data directory of its own, these arguments and these
    /// environment variables, on a screen of `ROWS`×`COLS`.
    pub fn start(data: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_chanjiao"));
        cmd.arg("--data-dir");
        cmd.arg(data);
        cmd.args(args);
        Session::spawn(cmd, env)
    }

    /// Starts an interactive shell with job control (bash, without the user's start-up
    /// files), in which a test types the command line that starts the binary
    /// ([`Session::command_line`]).
    pub fn start_shell() -> Session {
        let mut cmd = CommandBuilder::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"]);
        Session::spawn(cmd, &[("PS1", "SHELL-READY$ ")])
    }

    /// The command line that starts the binary with this data directory, for a shell.
    pub fn command_line(data: &std::path::Path) -> String {
        format!(
            "'{}' --data-dir '{}'",
            env!("CARGO_BIN_EXE_chanjiao"),
            data.display()
        )
    }

    /// Runs `cmd` with these environment variables on a screen of `ROWS`×`COLS`.
    fn spawn(mut cmd: CommandBuilder, env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("CHANJIAO_DATA_DIR");
        cmd.env_remove("NO_COLOR");
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
            screen,
            child,
            keys,
            _master: pair.master,
        }
    }

    /// Types keys.
    pub fn send(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    /// The exit status once the program has ended; fails after 20 seconds.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "the program did not end"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends the program a signal (`TERM`, `HUP`, …) with `kill`.
    #[cfg(unix)]
    pub fn signal(&mut self, name: &str) {
        let pid = self.child.process_id().unwrap();
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(pid.to_string())
            .status()
            .unwrap();
        assert!(ok.success(), "kill -{name} {pid}");
    }

    /// Whether the program is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }
}
