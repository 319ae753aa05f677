//! The JSONL reader: one document per line, streamed from any `BufRead`.
//!
//! Each line goes through the same steps, and the first that fails names
//! the record's error: length cap ([`Limits`]) → UTF-8 → JSON syntax →
//! object shape → fields (`id`, `text`, `published`, then the optional
//! strings). Blank lines are skipped silently; a UTF-8 byte-order mark at
//! the start of the stream and `\r\n` line endings are accepted.
//!
//! Not done here: opening files, choosing the format, deduplication.

use std::io::BufRead;

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use sitrep_model::Document;

use crate::line::{Line, read_line};
use crate::{ErrorKind, IngestError, Limits, SourceName, parse_published};

/// Streams the documents of a JSONL source, one item per non-blank line.
///
/// `source` only names the input in errors. Memory holds one line at a
/// time, at most [`Limits::max_line_bytes`]; longer lines are consumed in
/// chunks, discarded and reported.
///
/// # Errors
///
/// Each bad line yields one `Err` and the stream goes on with the next
/// line. Every error names the source and the 1-based line, and the field
/// when one field is at fault:
///
/// - a line that is not UTF-8 ([`ErrorKind::InvalidUtf8`]), not JSON
///   ([`ErrorKind::Json`]) or not an object ([`ErrorKind::NotAnObject`]);
/// - `id` or `text` absent ([`ErrorKind::Missing`]), not a string
///   ([`ErrorKind::WrongType`]) or blank ([`ErrorKind::Empty`]);
/// - `text` longer than [`Limits::max_text_bytes`], or the whole line longer
///   than [`Limits::max_line_bytes`] ([`ErrorKind::TextTooLong`],
///   [`ErrorKind::LineTooLong`]);
/// - `published` neither null nor a date ([`ErrorKind::InvalidDate`],
///   [`ErrorKind::WrongType`]); `url`, `outlet` or `title` neither null nor a
///   string.
///
/// A failure of the reader itself yields [`ErrorKind::Read`] and ends the
/// stream.
///
/// # Example
///
/// ```
/// use sitrep_ingest::{jsonl_records, Limits, SourceName};
///
/// let input = "\u{feff}{\"id\": \"x\", \"text\": \"Shelling resumed.\"}\r\n\r\n[1, 2]\r\n";
/// let results: Vec<_> = jsonl_records(SourceName::Stdin, input.as_bytes(), Limits::default())
///     .map(|r| r.map(|doc| doc.id).map_err(|e| e.to_string()))
///     .collect();
/// assert_eq!(
///     results,
///     [Ok("x".to_owned()), Err("<stdin>:3: expected a JSON object, found an array".to_owned())],
/// );
/// ```
pub fn jsonl_records<R: BufRead>(source: SourceName, reader: R, limits: Limits) -> JsonlRecords<R> {
    JsonlRecords {
        source,
        reader,
        limits,
        line: 0,
        buf: Vec::new(),
        done: false,
    }
}

/// The iterator returned by [`jsonl_records`].
#[derive(Debug)]
pub struct JsonlRecords<R> {
    source: SourceName,
    reader: R,
    limits: Limits,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R> JsonlRecords<R> {
    /// The 1-based line of the item returned last (0 before the first).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// The name of the source being read.
    pub fn source(&self) -> &SourceName {
        &self.source
    }

    fn error(&self, kind: ErrorKind) -> IngestError {
        IngestError::new(self.source.clone(), Some(self.line), kind)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let cap = self.limits.max_line_bytes();
            let read = read_line(&mut self.reader, &mut self.buf, cap);
            self.line += 1;
            match read {
                Err(err) => {
                    self.done = true;
                    return Some(Err(self.error(ErrorKind::Read(err))));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    self.line -= 1;
                    return None;
                }
                Ok(Line::Discarded { bytes, text_bytes }) => {
                    let limit = self.limits.max_text_bytes as u64;
                    let err = match text_bytes {
                        Some(text) if text > limit => self
                            .error(ErrorKind::TextTooLong { bytes: text, limit })
                            .with_field("text"),
                        _ => self.error(ErrorKind::LineTooLong {
                            bytes,
                            limit: cap as u64,
                        }),
                    };
                    return Some(Err(err));
                }
                Ok(Line::Held) => {}
            }
            let mut line = self.buf.as_slice();
            let mut offset = 0;
            if self.line == 1
                && let Some(rest) = line.strip_prefix(b"\xef\xbb\xbf")
            {
                line = rest;
                offset = 3;
            }
            if let Some(rest) = line.strip_suffix(b"\r") {
                line = rest;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = match std::str::from_utf8(line) {
                Ok(text) => parse_record(text, self.limits),
                Err(err) => Err((
                    None,
                    ErrorKind::InvalidUtf8 {
                        offset: offset + err.valid_up_to(),
                    },
                )),
            };
            return Some(parsed.map_err(|(field, kind)| {
                let err = self.error(kind);
                match field {
                    Some(field) => err.with_field(field),
                    None => err,
                }
            }));
        }
    }
}

/// The fields of a record as they came, before checking.
///
/// Each is `Some` when present, even if `null`, so that a missing `id` and
/// an `id` of `null` get different messages. Unknown fields are skipped by
/// serde without being stored.
#[derive(Deserialize)]
struct RawRecord {
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    url: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    outlet: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    published: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    title: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    text: Option<Value>,
}

fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

type FieldError = (Option<&'static str>, ErrorKind);

/// Turns one line (UTF-8, without its ending) into a document.
fn parse_record(line: &str, limits: Limits) -> Result<Document, FieldError> {
    // serde's derived struct would also accept a JSON array (fields by
    // position), so the object shape is checked first.
    if !line.trim_start().starts_with('{') {
        return Err(match serde_json::from_str::<Value>(line) {
            Ok(value) => (
                None,
                ErrorKind::NotAnObject {
                    found: describe(&value),
                },
            ),
            Err(err) => (None, json_error(&err)),
        });
    }
    let raw: RawRecord = serde_json::from_str(line).map_err(|err| (None, json_error(&err)))?;

    let id = required_string("id", raw.id)?;
    let text = required_string("text", raw.text)?;
    if text.len() > limits.max_text_bytes {
        let kind = ErrorKind::TextTooLong {
            bytes: text.len() as u64,
            limit: limits.max_text_bytes as u64,
        };
        return Err((Some("text"), kind));
    }
    let published = match optional_string("published", raw.published)? {
        Some(value) => parse_published(&value).map_err(|kind| (Some("published"), kind))?,
        None => None,
    };
    Ok(Document {
        id,
        url: optional_string("url", raw.url)?,
        outlet: optional_string("outlet", raw.outlet)?,
        published,
        title: optional_string("title", raw.title)?,
        text,
    })
}

/// A field that must be a non-blank string.
fn required_string(field: &'static str, value: Option<Value>) -> Result<String, FieldError> {
    match value {
        None => Err((Some(field), ErrorKind::Missing)),
        Some(Value::String(s)) if s.trim().is_empty() => Err((Some(field), ErrorKind::Empty)),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err((
            Some(field),
            ErrorKind::WrongType {
                expected: "a string",
                found: describe(&other),
            },
        )),
    }
}

/// A field that may be absent or null, and is otherwise a string.
fn optional_string(
    field: &'static str,
    value: Option<Value>,
) -> Result<Option<String>, FieldError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err((
            Some(field),
            ErrorKind::WrongType {
                expected: "a string or null",
                found: describe(&other),
            },
        )),
    }
}

/// "a number", "an array", …: the JSON type of a value, for messages.
fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json's message without its "at line 1 column N" (the JSONL line
/// is already in the error's position), and the column apart.
fn json_error(err: &serde_json::Error) -> ErrorKind {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    ErrorKind::Json {
        message,
        column: err.column(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::{self, BufRead, Read};

    use super::*;

    /// Reads `input` as `dev.jsonl` and shows each item: the document's id
    /// or the error message.
    fn read(input: &str) -> Vec<String> {
        read_with(input.as_bytes(), Limits::default())
    }

    fn read_with(input: &[u8], limits: Limits) -> Vec<String> {
        jsonl_records(SourceName::path("dev.jsonl"), input, limits)
            .map(|item| match item {
                Ok(doc) => format!("ok {}", doc.id),
                Err(err) => err.to_string(),
            })
            .collect()
    }

    #[test]
    fn reads_all_fields() {
        let line = r#"{"id": "d1", "url": "https://example.org/a", "outlet": "Sample Wire", "published": "2025-10-12", "title": "Clashes", "text": "Text here.", "extra": {"x": [1, 2]}}"#;
        let docs: Vec<Document> =
            jsonl_records(SourceName::Stdin, line.as_bytes(), Limits::default())
                .collect::<Result<_, _>>()
                .unwrap();
        assert_eq!(
            docs,
            vec![Document {
                id: "d1".into(),
                url: Some("https://example.org/a".into()),
                outlet: Some("Sample Wire".into()),
                published: Some(jiff::civil::date(2025, 10, 12)),
                title: Some("Clashes".into()),
                text: "Text here.".into(),
            }]
        );
    }

    #[test]
    fn optional_fields_may_be_absent_or_null() {
        let input = "{\"id\": \"a\", \"text\": \"t\"}\n\
                     {\"id\": \"b\", \"text\": \"t\", \"published\": null, \"url\": null, \"title\": null, \"outlet\": null}\n";
        let docs: Vec<Document> =
            jsonl_records(SourceName::Stdin, input.as_bytes(), Limits::default())
                .collect::<Result<_, _>>()
                .unwrap();
        assert_eq!(docs.len(), 2);
        for doc in docs {
            assert_eq!(
                (doc.url, doc.outlet, doc.published, doc.title),
                (None, None, None, None)
            );
        }
    }

    #[test]
    fn text_is_kept_verbatim() {
        let input = r#"{"id": "a", "text": "  Line one.\r\nLine two.  "}"#;
        let doc = jsonl_records(SourceName::Stdin, input.as_bytes(), Limits::default())
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(doc.text, "  Line one.\r\nLine two.  ");
    }

    #[test]
    fn timestamps_give_their_day() {
        let input = r#"{"id": "a", "text": "t", "published": "2025-10-11T21:55:15+00:00"}"#;
        let doc = jsonl_records(SourceName::Stdin, input.as_bytes(), Limits::default())
            .next()
            .unwrap()
            .unwrap();
        assert_eq!(doc.published, Some(jiff::civil::date(2025, 10, 11)));
    }

    #[test]
    fn blank_lines_bom_and_crlf() {
        let input = "\u{feff}{\"id\": \"a\", \"text\": \"t\"}\r\n\r\n   \n\t\r\n{\"id\": \"b\", \"text\": \"t\"}\r\n";
        assert_eq!(read(input), ["ok a", "ok b"]);
        // A BOM after the first line is not skipped: it is not JSON.
        let late = "{\"id\": \"a\", \"text\": \"t\"}\n\u{feff}{\"id\": \"b\", \"text\": \"t\"}\n";
        assert_eq!(
            read(late),
            [
                "ok a",
                "dev.jsonl:2: invalid JSON at column 1: expected value"
            ]
        );
    }

    #[test]
    fn line_numbers_count_blank_lines() {
        let input = "\n\n{\"id\": \"a\"}\n\n{\"id\": \"b\", \"text\": \"t\"}";
        assert_eq!(
            read(input),
            [r#"dev.jsonl:3: field "text": missing"#, "ok b"]
        );
        let mut records = jsonl_records(SourceName::Stdin, input.as_bytes(), Limits::default());
        assert_eq!(records.line(), 0);
        records.next();
        assert_eq!(records.line(), 3);
        records.next();
        assert_eq!(records.line(), 5);
        assert!(records.next().is_none());
        assert_eq!(records.line(), 5);
        assert!(records.next().is_none());
    }

    #[test]
    fn error_malformed_json() {
        assert_eq!(
            read("{\"id\": \"a\", \"text\": \"t\"\n"),
            ["dev.jsonl:1: invalid JSON at column 23: EOF while parsing an object"]
        );
        assert_eq!(
            read("{\"id\": \"a\" \"text\": \"t\"}\n"),
            ["dev.jsonl:1: invalid JSON at column 12: expected `,` or `}`"]
        );
        assert_eq!(
            read("nonsense\n"),
            ["dev.jsonl:1: invalid JSON at column 2: expected ident"]
        );
        assert_eq!(
            read("{\"id\": \"a\", \"id\": \"b\", \"text\": \"t\"}"),
            ["dev.jsonl:1: invalid JSON at column 16: duplicate field `id`"]
        );
        assert_eq!(
            read("{\"id\": \"a\", \"text\": \"t\"} trailing"),
            ["dev.jsonl:1: invalid JSON at column 26: trailing characters"]
        );
    }

    #[test]
    fn error_not_an_object() {
        assert_eq!(
            read("[\"a\", \"text\"]\n\"text\"\n42\nnull\ntrue\n"),
            [
                "dev.jsonl:1: expected a JSON object, found an array",
                "dev.jsonl:2: expected a JSON object, found a string",
                "dev.jsonl:3: expected a JSON object, found a number",
                "dev.jsonl:4: expected a JSON object, found null",
                "dev.jsonl:5: expected a JSON object, found a boolean",
            ]
        );
    }

    #[test]
    fn error_id() {
        assert_eq!(
            read(concat!(
                "{\"text\": \"t\"}\n",
                "{\"id\": 7, \"text\": \"t\"}\n",
                "{\"id\": null, \"text\": \"t\"}\n",
                "{\"id\": \" \", \"text\": \"t\"}\n",
            )),
            [
                r#"dev.jsonl:1: field "id": missing"#,
                r#"dev.jsonl:2: field "id": expected a string, found a number"#,
                r#"dev.jsonl:3: field "id": expected a string, found null"#,
                r#"dev.jsonl:4: field "id": empty"#,
            ]
        );
    }

    #[test]
    fn error_text() {
        assert_eq!(
            read(concat!(
                "{\"id\": \"a\"}\n",
                "{\"id\": \"b\", \"text\": \"\"}\n",
                "{\"id\": \"c\", \"text\": \" \\n\\t \"}\n",
                "{\"id\": \"d\", \"text\": null}\n",
                "{\"id\": \"e\", \"text\": [\"para\"]}\n",
            )),
            [
                r#"dev.jsonl:1: field "text": missing"#,
                r#"dev.jsonl:2: field "text": empty"#,
                r#"dev.jsonl:3: field "text": empty"#,
                r#"dev.jsonl:4: field "text": expected a string, found null"#,
                r#"dev.jsonl:5: field "text": expected a string, found an array"#,
            ]
        );
    }

    #[test]
    fn error_published() {
        assert_eq!(
            read(concat!(
                "{\"id\": \"a\", \"text\": \"t\", \"published\": \"2025-13-01\"}\n",
                "{\"id\": \"b\", \"text\": \"t\", \"published\": 20251012}\n",
                "{\"id\": \"c\", \"text\": \"t\", \"published\": \"Oct 12, 2025\"}\n",
                "{\"id\": \"d\", \"text\": \"t\", \"published\": \"\"}\n",
            )),
            [
                r#"dev.jsonl:1: field "published": invalid date "2025-13-01": expected YYYY-MM-DD"#,
                r#"dev.jsonl:2: field "published": expected a string or null, found a number"#,
                r#"dev.jsonl:3: field "published": invalid date "Oct 12, 2025": expected YYYY-MM-DD"#,
                "ok d",
            ]
        );
    }

    #[test]
    fn error_optional_strings() {
        assert_eq!(
            read(concat!(
                "{\"id\": \"a\", \"text\": \"t\", \"url\": 1}\n",
                "{\"id\": \"b\", \"text\": \"t\", \"outlet\": {}}\n",
                "{\"id\": \"c\", \"text\": \"t\", \"title\": false}\n",
            )),
            [
                r#"dev.jsonl:1: field "url": expected a string or null, found a number"#,
                r#"dev.jsonl:2: field "outlet": expected a string or null, found an object"#,
                r#"dev.jsonl:3: field "title": expected a string or null, found a boolean"#,
            ]
        );
    }

    #[test]
    fn error_invalid_utf8_names_the_byte_offset() {
        let mut input = b"{\"id\": \"a\", \"text\": \"caf".to_vec();
        input.extend_from_slice(b"\xe9\"}\n{\"id\": \"b\", \"text\": \"t\"}\n");
        assert_eq!(
            read_with(&input, Limits::default()),
            ["dev.jsonl:1: invalid UTF-8 at byte offset 24", "ok b"]
        );
        // The offset counts from the start of the line, BOM included.
        let mut bom = b"\xef\xbb\xbf{\"id\": \"\xff\"}".to_vec();
        bom.push(b'\n');
        assert_eq!(
            read_with(&bom, Limits::default()),
            ["dev.jsonl:1: invalid UTF-8 at byte offset 11"]
        );
    }

    #[test]
    fn error_text_over_the_limit_after_parsing() {
        // The line fits in the line cap; the decoded text does not fit the
        // text limit.
        let input =
            "{\"id\": \"a\", \"text\": \"0123456789\"}\n{\"id\": \"b\", \"text\": \"0123\"}\n";
        assert_eq!(
            read_with(input.as_bytes(), Limits::new(8)),
            [
                r#"dev.jsonl:1: field "text": 10 bytes exceeds the limit of 8 (--max-text-bytes)"#,
                "ok b"
            ]
        );
    }

    /// A reader producing one line of `{"id": "big", "text": "aaa…"}` with
    /// `text_len` bytes of text, then a good line, without ever holding the
    /// big line in memory.
    struct HugeThenGood {
        head: io::Cursor<Vec<u8>>,
        body_left: u64,
        tail: io::Cursor<Vec<u8>>,
        chunk: Vec<u8>,
        max_buffered: usize,
    }

    impl HugeThenGood {
        fn new(text_len: u64) -> HugeThenGood {
            HugeThenGood {
                head: io::Cursor::new(b"{\"id\": \"big\", \"text\": \"".to_vec()),
                body_left: text_len,
                tail: io::Cursor::new(b"\"}\n{\"id\": \"good\", \"text\": \"fine\"}\n".to_vec()),
                chunk: vec![b'a'; 64 * 1024],
                max_buffered: 0,
            }
        }
    }

    impl Read for HugeThenGood {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.head.read(out)?;
            if n > 0 {
                return Ok(n);
            }
            if self.body_left > 0 {
                let n = out.len().min(self.chunk.len()).min(self.body_left as usize);
                out[..n].copy_from_slice(&self.chunk[..n]);
                self.body_left -= n as u64;
                return Ok(n);
            }
            self.tail.read(out)
        }
    }

    impl BufRead for HugeThenGood {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            if (self.head.position() as usize) < self.head.get_ref().len() {
                return self.head.fill_buf();
            }
            if self.body_left > 0 {
                let n = self.chunk.len().min(self.body_left as usize);
                self.max_buffered = self.max_buffered.max(n);
                return Ok(&self.chunk[..n]);
            }
            self.tail.fill_buf()
        }

        fn consume(&mut self, amount: usize) {
            if (self.head.position() as usize) < self.head.get_ref().len() {
                self.head.consume(amount);
            } else if self.body_left > 0 {
                self.body_left -= amount as u64;
            } else {
                self.tail.consume(amount);
            }
        }
    }

    #[test]
    fn streaming_a_huge_line_is_skipped_and_the_next_is_read() {
        let reader = HugeThenGood::new(20 * 1024 * 1024);
        let mut records = jsonl_records(SourceName::path("dev.jsonl"), reader, Limits::default());
        let first = records.next().unwrap().unwrap_err();
        assert_eq!(
            first.to_string(),
            r#"dev.jsonl:1: field "text": 20971520 bytes exceeds the limit of 8388608 (--max-text-bytes)"#
        );
        assert!(!first.is_fatal());
        let good = records.next().unwrap().unwrap();
        assert_eq!((good.id.as_str(), good.text.as_str()), ("good", "fine"));
        assert_eq!(records.line(), 2);
        assert!(records.next().is_none());
        // The line buffer never grew past the line cap.
        assert!(records.buf.capacity() <= 2 * Limits::default().max_line_bytes());
    }

    #[test]
    fn error_line_too_long_but_text_within_limit() {
        // A huge title makes the line too long while the text is short.
        let title = "t".repeat(40);
        let input = format!(
            "{{\"id\": \"a\", \"title\": \"{title}\", \"text\": \"short\"}}\n{{\"id\": \"b\", \"text\": \"t\"}}\n"
        );
        let limits = Limits::new(8);
        let cap = limits.max_line_bytes();
        let huge = input.replace(&title, &"t".repeat(cap + 10));
        let first_len = huge.lines().next().unwrap().len();
        let got = read_with(huge.as_bytes(), limits);
        assert_eq!(
            got,
            [
                format!(
                    "dev.jsonl:1: line is {first_len} bytes long, more than the limit of {cap} \
                     (--max-text-bytes plus 1 MiB for the other fields)"
                ),
                "ok b".to_owned(),
            ]
        );
    }

    /// A reader whose first line is fine and which then fails.
    struct FailAfterFirst(io::Cursor<&'static [u8]>);

    impl Read for FailAfterFirst {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            match self.0.read(out)? {
                0 => Err(io::Error::other("connection reset")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn error_read_failure_ends_the_stream() {
        let reader = io::BufReader::new(FailAfterFirst(io::Cursor::new(
            b"{\"id\": \"a\", \"text\": \"t\"}\n",
        )));
        let items: Vec<String> = jsonl_records(SourceName::Stdin, reader, Limits::default())
            .map(|item| match item {
                Ok(doc) => format!("ok {}", doc.id),
                Err(err) => format!("{err} (fatal: {})", err.is_fatal()),
            })
            .collect();
        assert_eq!(
            items,
            [
                "ok a",
                "<stdin>:2: read error: connection reset (fatal: true)"
            ]
        );
    }
}
