//! Reading one line with a memory cap, and measuring the `text` field of a
//! line too long to keep.
//!
//! [`read_line`] is `BufRead::read_until(b'\n')` with a cap: up to the cap a
//! line is collected in the caller's buffer; past it, the rest is consumed
//! chunk by chunk and thrown away, so memory never holds more than the cap.
//! A discarded line is still measured by [`TextMeasure`], a small streaming
//! scanner that finds the top-level `"text"` string of a JSON object and
//! counts its decoded length, so the error can say how long the text was.
//!
//! The scanner is not a JSON validator: on malformed input it gives some
//! answer and never fails. Lines within the cap are parsed by serde_json,
//! which reports every syntax error.

use std::io::{self, BufRead};

/// What [`read_line`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input: not a byte was left.
    Eof,
    /// A whole line is in the buffer, without its `\n`.
    Held,
    /// The line was longer than the cap and was thrown away.
    Discarded {
        /// Its length in bytes, without the line ending.
        bytes: u64,
        /// The decoded length of its top-level `"text"` string, if it has one.
        text_bytes: Option<u64>,
    },
}

/// Reads the next line of `reader` into `buf` (cleared first), holding at
/// most `cap` bytes of it.
///
/// # Errors
///
/// Returns the reader's error; `Interrupted` reads are retried.
pub(crate) fn read_line<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut read_any = false;
    // Set once the line is known to be too long: its length so far, the
    // scanner over it, and whether its last byte was `\r`.
    let mut overflow: Option<(u64, TextMeasure, bool)> = None;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            break;
        }
        read_any = true;
        let (content, used, complete) = match memchr::memchr(b'\n', available) {
            Some(at) => (available.get(..at).unwrap_or_default(), at + 1, true),
            None => (available, available.len(), false),
        };
        match &mut overflow {
            None if buf.len().saturating_add(content.len()) <= cap => {
                buf.extend_from_slice(content);
            }
            None => {
                let mut measure = TextMeasure::default();
                measure.feed(buf);
                measure.feed(content);
                let bytes = (buf.len() as u64).saturating_add(content.len() as u64);
                let cr = content.last().or(buf.last()) == Some(&b'\r');
                overflow = Some((bytes, measure, cr));
                buf.clear();
            }
            Some((bytes, measure, cr)) => {
                measure.feed(content);
                *bytes = bytes.saturating_add(content.len() as u64);
                if let Some(&last) = content.last() {
                    *cr = last == b'\r';
                }
            }
        }
        reader.consume(used);
        if complete {
            break;
        }
    }
    Ok(match overflow {
        Some((bytes, measure, cr)) => Line::Discarded {
            bytes: if cr { bytes.saturating_sub(1) } else { bytes },
            text_bytes: measure.finish(),
        },
        None if read_any => Line::Held,
        None => Line::Eof,
    })
}

/// What the string being scanned is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Role {
    /// A value we do not care about.
    #[default]
    Other,
    /// A key of the top-level object.
    Key,
    /// The value of the top-level `"text"` key.
    Text,
}

/// Where the scanner is inside an escape sequence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Escape {
    #[default]
    None,
    /// Just after a backslash.
    Backslash,
    /// Inside `\uXXXX`, with the digits read so far.
    Hex { digits: u8, value: u32 },
}

/// Streams over a JSON object and measures its top-level `"text"` string in
/// decoded UTF-8 bytes (what `String::len` gives after parsing).
///
/// Feed it the line in any number of pieces; the answer does not depend on
/// where the pieces are cut. If `"text"` occurs more than once, the longest
/// is reported.
#[derive(Clone, Debug, Default)]
pub(crate) struct TextMeasure {
    depth: u32,
    in_string: bool,
    escape: Escape,
    role: Role,
    /// At depth 1, the next string is a key.
    expect_key: bool,
    /// At depth 1, a `:` was just read and no value has started yet.
    after_colon: bool,
    /// The first bytes of the key being read, and its decoded length.
    key: [u8; 4],
    key_len: usize,
    key_escaped: bool,
    /// The last key read at depth 1 was `"text"`.
    key_is_text: bool,
    /// Decoded bytes of the `"text"` string being read.
    count: u64,
    longest: Option<u64>,
}

impl TextMeasure {
    /// Scans the next piece of the line.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while !rest.is_empty() {
            if self.in_string && self.escape == Escape::None {
                // Fast path: plain string content up to the next quote or
                // backslash.
                match memchr::memchr2(b'"', b'\\', rest) {
                    None => {
                        self.plain(rest);
                        return;
                    }
                    Some(at) => {
                        let (plain, tail) = rest.split_at(at);
                        self.plain(plain);
                        rest = tail;
                    }
                }
            }
            if let Some((&byte, tail)) = rest.split_first() {
                self.byte(byte);
                rest = tail;
            }
        }
    }

    /// The decoded length of the longest top-level `"text"` string, or
    /// `None` if there was none. A string cut off by the end of the line
    /// counts as far as it went.
    pub(crate) fn finish(&self) -> Option<u64> {
        if self.in_string && self.role == Role::Text {
            Some(self.longest.map_or(self.count, |n| n.max(self.count)))
        } else {
            self.longest
        }
    }

    /// Unescaped bytes inside a string.
    fn plain(&mut self, bytes: &[u8]) {
        match self.role {
            Role::Text => self.count = self.count.saturating_add(bytes.len() as u64),
            Role::Key => {
                for &b in bytes {
                    if let Some(slot) = self.key.get_mut(self.key_len) {
                        *slot = b;
                    }
                    self.key_len = self.key_len.saturating_add(1);
                }
            }
            Role::Other => {}
        }
    }

    /// An escape sequence that decodes to `len` bytes.
    fn escaped(&mut self, len: u64) {
        match self.role {
            Role::Text => self.count = self.count.saturating_add(len),
            Role::Key => self.key_escaped = true,
            Role::Other => {}
        }
    }

    fn byte(&mut self, b: u8) {
        if self.in_string {
            self.string_byte(b);
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                self.role = if self.depth == 1 && self.expect_key {
                    self.key_len = 0;
                    self.key_escaped = false;
                    Role::Key
                } else if self.depth == 1 && self.after_colon && self.key_is_text {
                    self.count = 0;
                    Role::Text
                } else {
                    Role::Other
                };
                self.expect_key = false;
                self.after_colon = false;
            }
            b'{' | b'[' => {
                self.depth = self.depth.saturating_add(1);
                self.expect_key = self.depth == 1 && b == b'{';
                self.after_colon = false;
            }
            b'}' | b']' => {
                self.depth = self.depth.saturating_sub(1);
                self.after_colon = false;
            }
            b':' => self.after_colon = self.depth == 1,
            b',' => {
                if self.depth == 1 {
                    self.expect_key = true;
                    self.key_is_text = false;
                }
                self.after_colon = false;
            }
            b' ' | b'\t' | b'\r' | b'\n' => {}
            // Any other byte starts a value that is not a string.
            _ => self.after_colon = false,
        }
    }

    fn string_byte(&mut self, b: u8) {
        match self.escape {
            Escape::Backslash => {
                if b == b'u' {
                    self.escape = Escape::Hex {
                        digits: 0,
                        value: 0,
                    };
                } else {
                    self.escape = Escape::None;
                    self.escaped(1);
                }
            }
            Escape::Hex { digits, value } => {
                let value = (value << 4) | char::from(b).to_digit(16).unwrap_or(0);
                if digits == 3 {
                    self.escape = Escape::None;
                    // A surrogate half is 2 bytes: a pair makes the 4 bytes
                    // of its supplementary-plane character.
                    self.escaped(match value {
                        0..=0x7f => 1,
                        0x80..=0x7ff => 2,
                        0xd800..=0xdfff => 2,
                        _ => 3,
                    });
                } else {
                    self.escape = Escape::Hex {
                        digits: digits + 1,
                        value,
                    };
                }
            }
            Escape::None => match b {
                b'\\' => self.escape = Escape::Backslash,
                b'"' => {
                    match self.role {
                        Role::Key => {
                            self.key_is_text =
                                !self.key_escaped && self.key_len == 4 && &self.key == b"text";
                        }
                        Role::Text => {
                            self.longest =
                                Some(self.longest.map_or(self.count, |n| n.max(self.count)));
                        }
                        Role::Other => {}
                    }
                    self.in_string = false;
                    self.role = Role::Other;
                }
                _ => self.plain(&[b]),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(json: &str) -> Option<u64> {
        let mut m = TextMeasure::default();
        m.feed(json.as_bytes());
        m.finish()
    }

    /// The decoded length serde_json gives, for comparison.
    fn serde_len(json: &str) -> Option<u64> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        Some(value.get("text")?.as_str()?.len() as u64)
    }

    #[test]
    fn measures_plain_text() {
        assert_eq!(measure(r#"{"id": "a", "text": "hello"}"#), Some(5));
        assert_eq!(measure(r#"{"text":"","id":"a"}"#), Some(0));
        assert_eq!(measure(r#"{"id": "text", "title": "text"}"#), None);
    }

    #[test]
    fn counts_escapes_as_decoded_bytes() {
        let cases = [
            r#"{"text": "a\nb\"c\\d\/e"}"#,
            r#"{"text": "caf\u00e9 \u0416 \u20ac"}"#,
            r#"{"text": "\ud83d\ude00 ok"}"#,
            r#"{"text": "Kyiv – Київ"}"#,
        ];
        for case in cases {
            assert_eq!(measure(case), serde_len(case), "{case}");
        }
    }

    #[test]
    fn ignores_nested_and_non_string_text_keys() {
        assert_eq!(measure(r#"{"meta": {"text": "nested"}, "id": "x"}"#), None);
        assert_eq!(measure(r#"{"text": null, "title": "abc"}"#), None);
        assert_eq!(measure(r#"{"text": 12, "x": ["text", "abc"]}"#), None);
        assert_eq!(measure(r#"["text", "abcdef"]"#), None);
        assert_eq!(measure(r#"{"te\u0078t": "abc"}"#), None);
        assert_eq!(measure(r#"{"texts": "abc", "tex": "abcd"}"#), None);
    }

    #[test]
    fn reports_the_longest_of_repeated_keys_and_cut_strings() {
        assert_eq!(measure(r#"{"text": "abcdef", "text": "ab"}"#), Some(6));
        assert_eq!(measure(r#"{"id": "a", "text": "abcd"#), Some(4));
    }

    #[test]
    fn answer_does_not_depend_on_chunking() {
        let json = r#"{"id": "a\"b", "title": "t", "text": "x\u00e9\n\ud83d\ude00yz\\", "n": 1}"#;
        let whole = measure(json);
        assert_eq!(whole, serde_len(json));
        let bytes = json.as_bytes();
        for cut in 0..=bytes.len() {
            let (a, b) = bytes.split_at(cut);
            let mut m = TextMeasure::default();
            m.feed(a);
            m.feed(b);
            assert_eq!(m.finish(), whole, "cut at {cut}");
        }
    }

    fn lines(input: &[u8], cap: usize) -> Vec<(Line, Vec<u8>)> {
        // A tiny buffer, so lines span many `fill_buf` calls.
        let mut reader = io::BufReader::with_capacity(3, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let line = read_line(&mut reader, &mut buf, cap).unwrap();
            if line == Line::Eof {
                return out;
            }
            out.push((line, buf.clone()));
        }
    }

    #[test]
    fn reads_lines_with_and_without_final_newline() {
        let got = lines(b"ab\n\ncd", 10);
        assert_eq!(
            got,
            vec![
                (Line::Held, b"ab".to_vec()),
                (Line::Held, b"".to_vec()),
                (Line::Held, b"cd".to_vec()),
            ]
        );
        assert_eq!(lines(b"", 10), vec![]);
        assert_eq!(lines(b"\n", 10), vec![(Line::Held, b"".to_vec())]);
    }

    #[test]
    fn discards_lines_over_the_cap_and_goes_on() {
        let input = b"{\"text\": \"0123456789\"}\r\n{\"text\": \"ok\"}\n";
        let got = lines(input, 16);
        assert_eq!(
            got,
            vec![
                (
                    Line::Discarded {
                        bytes: 22,
                        text_bytes: Some(10)
                    },
                    b"".to_vec()
                ),
                (Line::Held, b"{\"text\": \"ok\"}".to_vec()),
            ]
        );
        // Exactly at the cap is still held.
        assert_eq!(lines(b"12345\n", 5), vec![(Line::Held, b"12345".to_vec())]);
        assert_eq!(
            lines(b"123456\n", 5),
            vec![(
                Line::Discarded {
                    bytes: 6,
                    text_bytes: None
                },
                b"".to_vec()
            )]
        );
    }

    /// A reader that fails once with `Interrupted`, then with a real error.
    struct Flaky(u8);

    impl io::Read for Flaky {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            self.0 += 1;
            match self.0 {
                1 => Err(io::Error::from(io::ErrorKind::Interrupted)),
                _ => Err(io::Error::other("device gone")),
            }
        }
    }

    #[test]
    fn retries_interrupted_reads_and_returns_other_errors() {
        let mut reader = io::BufReader::new(Flaky(0));
        let err = read_line(&mut reader, &mut Vec::new(), 10).unwrap_err();
        assert_eq!(err.to_string(), "device gone");
    }
}
