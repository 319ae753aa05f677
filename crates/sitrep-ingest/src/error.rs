//! The one error type of this crate: what went wrong with which record.
//!
//! An [`IngestError`] carries its position as data (source, line, field) and
//! a specific [`ErrorKind`]; its `Display` puts them together in the form
//! compilers use, so a message can be pasted into an editor's "go to":
//!
//! ```text
//! dev.jsonl:7: field "published": invalid date "2025-13-01": expected YYYY-MM-DD
//! ```
//!
//! This module only describes errors; the readers decide when to raise them.

use std::fmt;
use std::io;

use crate::SourceName;

/// A record (or a whole source) that could not be read into a document.
///
/// `Display` gives `SOURCE[:LINE][: field "NAME"]: MESSAGE`.
#[derive(Debug)]
#[non_exhaustive]
pub struct IngestError {
    /// The file (or `<stdin>`) the record came from.
    pub source: SourceName,
    /// The 1-based line of a JSONL record; `None` for a whole `.txt` file.
    pub line: Option<u64>,
    /// The JSON field at fault, when the error is about one field.
    pub field: Option<&'static str>,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl IngestError {
    /// An error about a whole record or source.
    pub fn new(source: SourceName, line: Option<u64>, kind: ErrorKind) -> IngestError {
        IngestError {
            source,
            line,
            field: None,
            kind,
        }
    }

    /// The same error, about one field of the record.
    pub fn with_field(mut self, field: &'static str) -> IngestError {
        self.field = Some(field);
        self
    }

    /// True when the reader could not go on after this error (an I/O
    /// failure); every other error only skips its own record.
    pub fn is_fatal(&self) -> bool {
        matches!(self.kind, ErrorKind::Read(_))
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = self.field {
            write!(f, ": field \"{field}\"")?;
        }
        write!(f, ": {}", self.kind)
    }
}

// Written by hand rather than derived: thiserror would take the field named
// `source` for the error's cause. The kind's message is part of `Display`,
// so no cause is returned (printing a chain would repeat it).
impl std::error::Error for IngestError {}

/// What is wrong with a record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The underlying reader failed; the stream ends here.
    #[error("read error: {0}")]
    Read(io::Error),
    /// The line is not valid UTF-8. `offset` counts bytes from the start of
    /// the line (or file, for `.txt`), from 0.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// The line is not JSON.
    #[error("invalid JSON at column {column}: {message}")]
    Json {
        /// serde_json's message, without its position.
        message: String,
        /// The 1-based column (in bytes) where parsing failed.
        column: usize,
    },
    /// The line is JSON, but not an object.
    #[error("expected a JSON object, found {found}")]
    NotAnObject {
        /// What was found instead ("an array", "a string", …).
        found: &'static str,
    },
    /// A required field is absent.
    #[error("missing")]
    Missing,
    /// A required string field is empty or only whitespace.
    #[error("empty")]
    Empty,
    /// A field has the wrong JSON type.
    #[error("expected {expected}, found {found}")]
    WrongType {
        /// What the field must be ("a string", "a string or null").
        expected: &'static str,
        /// What it is ("a number", "null", …).
        found: &'static str,
    },
    /// `published` is not a date.
    #[error("invalid date \"{value}\": expected YYYY-MM-DD")]
    InvalidDate {
        /// The value as given.
        value: String,
    },
    /// The text is longer than [`Limits::max_text_bytes`](crate::Limits).
    #[error("{bytes} bytes exceeds the limit of {limit} (--max-text-bytes)")]
    TextTooLong {
        /// The length of the text in bytes of UTF-8.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The line is longer than [`Limits::max_line_bytes`](crate::Limits)
    /// although its text is within the limit (huge other fields, or heavily
    /// escaped text).
    #[error(
        "line is {bytes} bytes long, more than the limit of {limit} \
         (--max-text-bytes plus 1 MiB for the other fields)"
    )]
    LineTooLong {
        /// The length of the line in bytes, without its ending.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// A `.txt` source holds no bytes at all.
    #[error("empty file")]
    EmptyFile,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: Option<u64>, field: Option<&'static str>, kind: ErrorKind) -> String {
        let mut e = IngestError::new(SourceName::path("dev.jsonl"), line, kind);
        if let Some(field) = field {
            e = e.with_field(field);
        }
        e.to_string()
    }

    #[test]
    fn display_with_line_and_field() {
        assert_eq!(
            err(
                Some(7),
                Some("published"),
                ErrorKind::InvalidDate {
                    value: "2025-13-01".into()
                }
            ),
            r#"dev.jsonl:7: field "published": invalid date "2025-13-01": expected YYYY-MM-DD"#
        );
    }

    #[test]
    fn display_without_line_or_field() {
        assert_eq!(
            err(None, None, ErrorKind::EmptyFile),
            "dev.jsonl: empty file"
        );
        let stdin = IngestError::new(SourceName::Stdin, Some(2), ErrorKind::Missing)
            .with_field("id")
            .to_string();
        assert_eq!(stdin, r#"<stdin>:2: field "id": missing"#);
    }

    #[test]
    fn only_read_errors_are_fatal() {
        let read = IngestError::new(
            SourceName::Stdin,
            Some(1),
            ErrorKind::Read(io::Error::other("disk on fire")),
        );
        assert!(read.is_fatal());
        assert_eq!(read.to_string(), "<stdin>:1: read error: disk on fire");
        assert!(!IngestError::new(SourceName::Stdin, None, ErrorKind::EmptyFile).is_fatal());
    }

    #[test]
    fn too_long_messages_name_the_flag() {
        assert_eq!(
            err(
                Some(3),
                Some("text"),
                ErrorKind::TextTooLong {
                    bytes: 20_971_520,
                    limit: 8_388_608
                }
            ),
            r#"dev.jsonl:3: field "text": 20971520 bytes exceeds the limit of 8388608 (--max-text-bytes)"#
        );
        assert_eq!(
            err(
                Some(4),
                None,
                ErrorKind::LineTooLong {
                    bytes: 10_000_000,
                    limit: 9_437_184
                }
            ),
            "dev.jsonl:4: line is 10000000 bytes long, more than the limit of 9437184 \
             (--max-text-bytes plus 1 MiB for the other fields)"
        );
    }
}
