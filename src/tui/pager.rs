//! Reading an article in the user's pager (`$PAGER`, else `less -R`, else `more`): the
//! reader gives the terminal to the pager and takes it back when the pager exits.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use ratatui::DefaultTerminal;

use super::away::away;
use super::pause::Pause;

/// The pagers to try, in order: `$PAGER` alone when it is set, else the defaults.
pub fn candidates(env: Option<&str>) -> Vec<String> {
    match env.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => vec![p.to_string()],
        None => vec!["less -R".into(), "more".into()],
    }
}

/// Runs one pager command line (program and arguments split at spaces) with `text` on its
/// input. `Ok(false)` when the program does not exist.
fn run_one(command: &str, text: &str) -> io::Result<bool> {
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return Ok(false);
    };
    let child = Command::new(program)
        .args(words)
        .stdin(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    if let Some(mut input) = child.stdin.take() {
        // The pager may quit before reading everything: that is not an error.
        match input.write_all(text.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    let status = child.wait()?;
    if status.success() {
        Ok(true)
    } else {
        Err(io::Error::other(status.to_string()))
    }
}

/// Shows `text` in the first pager that exists. Returns a message for the status line when
/// none could show it.
pub fn show_text(text: &str, env: Option<&str>) -> Option<String> {
    let list = candidates(env);
    for command in &list {
        match run_one(command, text) {
            Ok(true) => return None,
            Ok(false) => continue,
            Err(e) => return Some(format!("the pager '{command}' failed: {e}")),
        }
    }
    Some(format!(
        "no pager found (tried {}): set $PAGER",
        list.join(", ")
    ))
}

/// Leaves the reader's screen, runs the pager, and comes back. Returns a message for the
/// status line when something went wrong.
pub fn show(terminal: &mut DefaultTerminal, pause: &Pause, text: &str) -> Option<String> {
    let env = std::env::var("PAGER").ok();
    let (result, back) = away(terminal, pause, || show_text(text, env.as_deref()));
    match back {
        Err(e) => Some(format!("cannot take the terminal back from the pager: {e}")),
        Ok(()) => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_is_pager_env_else_less_then_more() {
        assert_eq!(candidates(Some("most -s")), ["most -s"]);
        assert_eq!(candidates(Some("  ")), ["less -R", "more"]);
        assert_eq!(candidates(None), ["less -R", "more"]);
    }

    #[test]
    fn a_missing_or_failing_pager_is_a_message() {
        let msg = show_text("x", Some("chanjiao-no-such-pager")).unwrap_or_default();
        assert!(msg.contains("no pager found"), "{msg}");
        assert!(msg.contains("chanjiao-no-such-pager"), "{msg}");
        let msg = show_text("x", Some("false")).unwrap_or_default();
        assert!(msg.contains("'false' failed"), "{msg}");
        assert_eq!(show_text("text", Some("true")), None);
    }
}
