//! Bytes → text: BOMs, UTF-8, UTF-16, GB18030/GBK (detected, never asked), line endings, and
//! the early checks that turn a bad file into a one-line reason instead of a crash.

use encoding_rs::{Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// The longest line an article file may hold; a file with a longer line is not news text.
pub const MAX_LINE_BYTES: usize = 256 * 1024;

/// Decoded text (LF line endings) and the encoding it was read as.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
}

/// Decodes a raw file, or says in one line why it is not text we can read.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (enc, &bytes[bom_len..]),
        None => (sniff(bytes), bytes),
    };
    if encoding != UTF_16LE && encoding != UTF_16BE && looks_binary(body) {
        return Err("binary data, not text".into());
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors && replacement_share(&text) > 0.01 {
        return Err(format!(
            "not valid {} text (and no other encoding fits)",
            encoding.name()
        ));
    }
    let text = normalise_newlines(&text);
    if let Some((n, len)) = overlong_line(&text) {
        return Err(format!(
            "line {n} is {} KB long: not a news text",
            len.div_ceil(1024)
        ));
    }
    if text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        .count()
        * 50
        > text.chars().count().max(1)
    {
        return Err("binary data, not text".into());
    }
    Ok(Decoded { text, encoding })
}

/// Without a BOM: UTF-8 when it validates, otherwise what chardetng guesses (GB18030 for
/// the GBK files our users meet).
fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
    // encoding_rs decodes GBK with the GB18030 decoder; say GB18030 for what it is.
    if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}

fn replacement_share(text: &str) -> f32 {
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    bad as f32 / total as f32
}

fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The first line longer than [`MAX_LINE_BYTES`]: its number (1-based) and length.
fn overlong_line(text: &str) -> Option<(usize, usize)> {
    text.split('\n')
        .enumerate()
        .find(|(_, l)| l.len() > MAX_LINE_BYTES)
        .map(|(i, l)| (i + 1, l.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("产教融合\n".as_bytes()).unwrap().text, "产教融合\n");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("产教融合".as_bytes());
        assert_eq!(decode(&b).unwrap().text, "产教融合");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "职业教育\r\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "职业教育\n");
        assert_eq!(d.encoding, UTF_16LE);
    }

    #[test]
    fn gbk_detected_without_being_told() {
        let text = "山东省德州市职业教育与产业深度融合,新增七十六个紧缺专业。\n";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn bad_files_get_reasons() {
        assert_eq!(decode(b"").unwrap_err(), "empty file");
        assert_eq!(decode(b" \n\r\n").unwrap_err(), "empty file");
        assert!(
            decode(&[0x7f, 0x45, 0x4c, 0x46, 0, 1, 2])
                .unwrap_err()
                .contains("binary")
        );
        let long = "a".repeat(3 * 1024 * 1024);
        assert!(
            decode(long.as_bytes())
                .unwrap_err()
                .contains("line 1 is 3072 KB")
        );
    }
}
