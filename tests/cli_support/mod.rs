//! Shared by the command-line tests: the real binary with a data directory of its own.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with these arguments and a fresh data directory.
pub fn run(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    run_in(data.path(), args)
}

/// Runs the binary with these arguments and this data directory.
pub fn run_in(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chanjiao"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("CHANJIAO_DATA_DIR")
        .output()
        .unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
