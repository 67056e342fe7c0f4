//! Bytes → text: BOMs, UTF-8, UTF-16, GB18030/GBK and Big5 (detected, never asked), line
//! endings, and the early checks that turn a bad file into a one-line reason instead of a crash.

use std::borrow::Cow;

use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

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
    let (bom, body) = match Encoding::for_bom(bytes) {
        Some((enc, bom_len)) => (Some(enc), &bytes[bom_len..]),
        // UTF-16 saved without its byte-order mark: read as if it had one.
        None => (utf16_without_bom(bytes), bytes),
    };
    let body: Cow<'_, [u8]> = if bom.is_some_and(|e| e == UTF_16LE || e == UTF_16BE) {
        Cow::Borrowed(body)
    } else {
        without_stray_nuls(body).ok_or("binary data, not text")?
    };
    let (encoding, text) = match bom {
        Some(enc) => (enc, enc.decode_without_bom_handling(&body).0),
        None => sniff_and_decode(&body),
    };
    if wrong_share(&text, encoding) > 0.01 {
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

/// Without a BOM: UTF-8 when it validates, or when it nearly does (a stray byte, a cut last
/// character, a line pasted in from a GBK page: see [`mostly_utf8`]), otherwise what chardetng guesses for a Chinese
/// page (GB18030 for the GBK files our users meet). Big5 text read as GBK mostly decodes
/// without an error but lands on private-use and replacement characters: when the guess
/// leaves any, chardetng's unbiased guess and Big5 are tried too, and the reading with the
/// fewest wrong characters wins.
fn sniff_and_decode(bytes: &[u8]) -> (&'static Encoding, Cow<'_, str>) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (UTF_8, Cow::Borrowed(text));
    }
    if mostly_utf8(bytes) {
        return (UTF_8, Cow::Owned(decode_utf8_by_line(bytes)));
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let first = named(det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow));
    let text = first.decode_without_bom_handling(bytes).0;
    if wrong_count(&text) == 0 {
        return (first, text);
    }
    let mut best = (wrong_count(&text), first, text);
    let unbiased = named(det.guess(None, chardetng::Utf8Detection::Allow));
    for enc in [unbiased, BIG5, GB18030] {
        if enc == best.1 {
            continue;
        }
        let other = enc.decode_without_bom_handling(bytes).0;
        let wrong = wrong_count(&other);
        if wrong < best.0 {
            best = (wrong, enc, other);
        }
    }
    (best.1, best.2)
}

/// How a line reads as UTF-8: the characters of more than one byte it holds, and the bytes
/// that belong to no character.
fn utf8_counts(line: &[u8]) -> (usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in line.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    (multibyte, invalid)
}

/// A line that is UTF-8 but for a stray byte or a cut character: at least twice as many
/// characters as bad bytes. A line in a double-byte encoding read as UTF-8 has far more bad
/// bytes than the few characters it happens to form.
fn is_utf8ish(line: &[u8]) -> bool {
    let (multibyte, invalid) = utf8_counts(line);
    invalid == 0 || multibyte >= 2 * invalid
}

/// Whether a file that is not valid UTF-8 is UTF-8 all the same, with a stray byte, a cut
/// last character or a line pasted in from a GBK page: more of its non-ASCII bytes stand in
/// lines that read as UTF-8 than in lines that do not.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut utf8, mut other) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        let non_ascii = line.iter().filter(|b| !b.is_ascii()).count();
        if non_ascii == 0 {
            continue;
        }
        if is_utf8ish(line) {
            utf8 += non_ascii;
        } else {
            other += non_ascii;
        }
    }
    utf8 > other
}

/// A mostly-UTF-8 file, line by line: a valid line as it is; a line that is UTF-8 but for a
/// few bytes without them (a cut last character is dropped); any other line as GB18030 when
/// it is valid Chinese text there, else without the bytes that read as nothing.
fn decode_utf8_by_line(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Ok(text) = std::str::from_utf8(line) {
            out.push_str(text);
            continue;
        }
        if !is_utf8ish(line)
            && let Some(text) = GB18030.decode_without_bom_handling_and_without_replacement(line)
            && reads_as_chinese(&text)
        {
            out.push_str(&text);
            continue;
        }
        for chunk in line.utf8_chunks() {
            out.push_str(chunk.valid());
        }
    }
    out
}

/// Text a GB18030 decoder made of a line: no private-use characters, and nearly all of what
/// is not ASCII Chinese characters and punctuation (`·`, `—` and curly quotes included).
fn reads_as_chinese(text: &str) -> bool {
    let non_ascii: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    let chinese = non_ascii
        .iter()
        .filter(|&&c| crate::text::is_cjk(c) || ('\u{2000}'..='\u{206F}').contains(&c) || c == '·')
        .count();
    !non_ascii.iter().any(|&c| is_wrong(c)) && chinese * 10 >= non_ascii.len() * 9
}

/// The share of its 16-bit units that must be NUL on one side (the ASCII ones: line ends,
/// digits, Latin letters) for a file without a BOM to be looked at as UTF-16.
const UTF16_NUL_SHARE: usize = 2; // percent

/// UTF-16 without a byte-order mark, told by its shape: NUL bytes on one side of the 16-bit
/// units (the high byte of every ASCII character) and hardly any on the other, and text that
/// decodes without an error into characters a Chinese or English page holds. A UTF-8 file
/// with a stray NUL or two has too few of them to pass.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let units = bytes.len() / 2;
    if units < 2 {
        return None;
    }
    let nuls_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls_at(0), nuls_at(1));
    let (enc, main, other) = if odd > even {
        (UTF_16LE, odd, even)
    } else {
        (UTF_16BE, even, odd)
    };
    if main * 100 < units * UTF16_NUL_SHARE || other * 10 > main {
        return None;
    }
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes[..units * 2]);
    let total = text.chars().count().max(1);
    let plausible = text
        .chars()
        .filter(|&c| {
            (c.is_ascii() && (!c.is_control() || matches!(c, '\n' | '\r' | '\t')))
                || crate::text::is_cjk(c)
                || ('\u{2000}'..='\u{206F}').contains(&c)
                || c == '·'
        })
        .count();
    (!had_errors && plausible * 100 >= total * 95).then_some(enc)
}

/// encoding_rs decodes GBK with the GB18030 decoder; say GB18030 for what it is.
fn named(guess: &'static Encoding) -> &'static Encoding {
    if guess == encoding_rs::GBK {
        GB18030
    } else {
        guess
    }
}

/// The most NUL bytes a text file may hold (a byte in twenty, at most this many) and still
/// be read as text, with the NULs dropped: a stray one from a bad copy or a scraper's bug.
const STRAY_NULS: usize = 16;

/// The bytes without their NULs when there are only a few, as they are when there are none,
/// `None` when there are so many the file is binary.
fn without_stray_nuls(bytes: &[u8]) -> Option<Cow<'_, [u8]>> {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls == 0 {
        return Some(Cow::Borrowed(bytes));
    }
    if nuls > STRAY_NULS || nuls * 20 > bytes.len() {
        return None;
    }
    Some(Cow::Owned(
        bytes.iter().copied().filter(|&b| b != 0).collect(),
    ))
}

/// Characters no real text holds: replacement characters from bytes the decoder could not
/// read, and private-use characters, where a wrong double-byte encoding lands.
fn is_wrong(c: char) -> bool {
    c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

fn wrong_count(text: &str) -> usize {
    text.chars().filter(|&c| is_wrong(c)).count()
}

/// The share of wrong characters. Private-use characters only count against a legacy
/// encoding: in Unicode text they were written on purpose.
fn wrong_share(text: &str, encoding: &'static Encoding) -> f32 {
    let total = text.chars().count().max(1);
    let wrong = if encoding == UTF_8 || encoding == UTF_16LE || encoding == UTF_16BE {
        text.chars().filter(|&c| c == '\u{FFFD}').count()
    } else {
        wrong_count(text)
    };
    wrong as f32 / total as f32
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

    /// Found in hands-on testing: UTF-16 saved without its byte-order mark was skipped as
    /// binary data.
    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "Workflow\n产教融合\nSearch documents\n职业院校开设新专业\nXin Hua Wang· 2025-03-05 14:20\n学校与企业签约，共建实训基地。\n";
        for big_endian in [false, true] {
            let b: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if big_endian {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    }
                })
                .collect();
            let d = decode(&b).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.encoding, if big_endian { UTF_16BE } else { UTF_16LE });
        }
        // Chinese text with a single ASCII line end is too little to tell: not UTF-16.
        let mut b = "职业院校开设新专业".as_bytes().to_vec();
        b.insert(9, 0);
        assert_eq!(utf16_without_bom(&b), None);
    }

    #[test]
    fn gbk_detected_without_being_told() {
        let text = "山东省德州市职业教育与产业深度融合,新增七十六个紧缺专业。\n";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn big5_detected_without_being_told() {
        let text = "臺中職業學校攜手機械企業 開設數控加工訂單班\n臺中市多所職業學校與本地機械企業合作，共同培養數控技術人才，推動產教融合。\n";
        let (bytes, _, unmappable) = BIG5.encode(text);
        assert!(!unmappable);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, BIG5);
        assert_eq!(d.text, text);
    }

    #[test]
    fn a_few_stray_nuls_are_dropped_but_binary_is_not_text() {
        let mut b = "职业院校开设新专业\n学校与企业签约。\n".as_bytes().to_vec();
        b.insert(9, 0);
        assert_eq!(
            decode(&b).unwrap().text,
            "职业院校开设新专业\n学校与企业签约。\n"
        );
        let mut many = "职业院校开设新专业。".repeat(10).into_bytes();
        for i in (0..many.len()).step_by(5) {
            many[i] = 0;
        }
        assert!(decode(&many).unwrap_err().contains("binary"));
    }

    #[test]
    fn utf8_with_a_stray_byte_or_a_cut_last_character_is_utf8() {
        let text = "职业院校开设新专业\n学校与企业签约，共建实训基地。\n";
        let mut stray = text.as_bytes().to_vec();
        stray.insert(text.find('学').unwrap(), 0xFF);
        let d = decode(&stray).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, text);
        // `head -c -2` cuts the last character in the middle: the rest is kept.
        let body = "职业院校开设新专业\n学校与企业签约，共建实训基地";
        let cut = &body.as_bytes()[..body.len() - 2];
        let d = decode(cut).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, "职业院校开设新专业\n学校与企业签约，共建实训基");
        // A one-line file with a stray byte as well.
        let d = decode(b"\xe4\xba\xa7\xe6\x95\x99\xe8\x9e\x8d\xe5\x90\x88\xff\n").unwrap();
        assert_eq!(d.text, "产教融合\n");
    }

    #[test]
    fn a_gbk_line_in_a_utf8_file_is_read_as_gbk() {
        let head = "常州职业院校开设机器人专业\nJiang Su Ri Bao· 2025-04-04 09:00\n\n学院与企业合作，开设工业机器人应用与维护专业，建设了二十个工作站。\n";
        let tail = "补充说明：苏州也有类似做法。\n";
        let mut b = head.as_bytes().to_vec();
        b.extend_from_slice(&GB18030.encode(tail).0);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.text, format!("{head}{tail}"));
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
