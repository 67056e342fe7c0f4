//! Giving the terminal away and taking it back: to the pager (`o`), or to the shell while
//! the reader is suspended (`Ctrl-z`). Runs on the interface thread, which owns the
//! terminal.

use std::io;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;

use super::pause::Pause;

/// Leaves the reader's screen (the input thread stops reading, the terminal is as the shell
/// left it), runs `elsewhere`, and comes back to a screen the next frame redraws whole.
/// The error is taking the terminal back.
pub fn away<T>(
    terminal: &mut DefaultTerminal,
    pause: &Pause,
    elsewhere: impl FnOnce() -> T,
) -> (T, io::Result<()>) {
    pause.hold();
    let mut out = io::stdout();
    let _ = crossterm::execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
    let _ = terminal.show_cursor();
    let result = elsewhere();
    // Back on a blank alternate screen. Drawing an empty frame first makes the next frame
    // redraw every cell (`Terminal::clear` would ask the terminal where its cursor is, and
    // the answer is not certain to come).
    let back = enable_raw_mode()
        .and_then(|()| {
            crossterm::execute!(
                out,
                EnterAlternateScreen,
                EnableMouseCapture,
                EnableBracketedPaste,
                Clear(ClearType::All)
            )
        })
        .and_then(|()| terminal.draw(|_| {}).map(|_| ()));
    pause.release();
    (result, back)
}

/// Stops the reader as a shell's job (the terminal given back first), and takes the terminal
/// again when the shell continues it (`fg`). A message for the status line when that could
/// not be done.
pub fn suspend(terminal: &mut DefaultTerminal, pause: &Pause) -> Option<String> {
    let (stopped, back) = away(terminal, pause, stop);
    match back {
        Err(e) => Some(format!("cannot take the terminal back: {e}")),
        Ok(()) => stopped.err(),
    }
}

/// Sends this process the terminal's stop signal; returns when it is continued. (Outside a
/// shell with job control, such as a window that runs the reader alone, the system ignores
/// the signal and this returns at once.)
#[cfg(unix)]
fn stop() -> Result<(), String> {
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
        .map_err(|e| format!("cannot suspend: {e}"))
}

#[cfg(not(unix))]
fn stop() -> Result<(), String> {
    Err("suspending is not supported on this system".to_string())
}
