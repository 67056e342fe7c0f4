//! Copying text to the clipboard through the terminal: the OSC 52 escape sequence, which
//! works over SSH and needs no clipboard program. Terminals refuse very long sequences, so
//! the text is cut to fit.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The longest sequence sent, in bytes: terminals commonly accept about this much.
pub const MAX_SEQUENCE: usize = 100_000;

/// What to write to the terminal to copy a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// The escape sequence.
    pub sequence: String,
    /// Bytes of the text that fit in the sequence.
    pub copied: usize,
    /// Whether the text was cut to fit.
    pub truncated: bool,
}

/// The OSC 52 sequence that puts `text` on the clipboard: `ESC ] 52 ; c ; BASE64 BEL`,
/// with the text cut at a character boundary when its encoding would pass
/// [`MAX_SEQUENCE`].
pub fn osc52(text: &str) -> Copy {
    const FRAME: usize = "\x1b]52;c;\x07".len();
    // Base64 turns every 3 bytes into 4.
    let room = (MAX_SEQUENCE - FRAME) / 4 * 3;
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let kept = &text[..end];
    Copy {
        sequence: format!("\x1b]52;c;{}\x07", STANDARD.encode(kept)),
        copied: kept.len(),
        truncated: end < text.len(),
    }
}

/// Writes the sequence to the terminal; a message for the status line when it cannot.
pub fn send(sequence: &str) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(sequence.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to the terminal: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(seq: &str) -> String {
        let b64 = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        String::from_utf8(STANDARD.decode(b64).unwrap()).unwrap()
    }

    #[test]
    fn sequence_carries_the_text_in_base64() {
        let c = osc52("产教融合 Shandong\nline two");
        assert_eq!(
            c.sequence,
            "\x1b]52;c;5Lqn5pWZ6J6N5ZCIIFNoYW5kb25nCmxpbmUgdHdv\x07"
        );
        assert_eq!(payload(&c.sequence), "产教融合 Shandong\nline two");
        assert!(!c.truncated);
    }

    #[test]
    fn long_texts_are_cut_at_a_character_boundary() {
        let text = "职".repeat(50_000); // 150 kB
        let c = osc52(&text);
        assert!(c.truncated);
        assert!(c.sequence.len() <= MAX_SEQUENCE, "{}", c.sequence.len());
        let back = payload(&c.sequence);
        assert_eq!(back.len(), c.copied);
        assert!(back.chars().all(|ch| ch == '职'));
        assert!(back.len() > 70_000);
    }
}
