//! Reading sources into [`Document`]s, and reporting every bad record by
//! source, line and field.
//!
//! This is the edge of sitrep where bytes from files and standard input
//! become documents. Two formats are read (SPEC.md section 1):
//!
//! - **JSONL**: one JSON object per line. Only `id` and `text` are required;
//!   `url`, `outlet`, `title` and `published` are optional and unknown fields
//!   are ignored. [`jsonl_records`] streams the records of any
//!   [`BufRead`](std::io::BufRead): memory holds one line at a time, and a
//!   line longer than the [`Limits`] is consumed in chunks and discarded, so
//!   a single huge line cannot exhaust memory.
//! - **Plain text**: one document per file ([`txt_document`]); the caller
//!   gives its id (usually the file stem) and publication day.
//!
//! A bad record never stops a stream: the iterator yields an
//! [`IngestError`] for it and goes on with the next line. Only a read error
//! of the underlying reader ends the stream, since nothing after it can be
//! trusted.
//!
//! This crate does not open files or decide on threads, and it does not
//! extract anything: the caller (the `sitrep` binary) opens paths, names
//! them with a [`SourceName`], and hands the documents to `sitrep-extract`.
//! HTML and feed readers and duplicate detection are planned, not written.
//!
//! # Example
//!
//! ```
//! use sitrep_ingest::{jsonl_records, Limits, SourceName};
//!
//! let input = concat!(
//!     r#"{"id": "a-1", "published": "2025-10-12", "text": "Two soldiers were killed."}"#,
//!     "\n",
//!     r#"{"id": "a-2", "published": "2025-13-01", "text": "Nothing happened."}"#,
//!     "\n",
//! );
//! let mut records = jsonl_records(SourceName::path("dev.jsonl"), input.as_bytes(), Limits::default());
//!
//! let doc = records.next().unwrap().unwrap();
//! assert_eq!(doc.id, "a-1");
//! assert_eq!(doc.published.unwrap().to_string(), "2025-10-12");
//!
//! let err = records.next().unwrap().unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     r#"dev.jsonl:2: field "published": invalid date "2025-13-01": expected YYYY-MM-DD"#,
//! );
//! assert!(records.next().is_none());
//! ```
#![deny(missing_docs)]

mod error;
mod jsonl;
mod line;
mod published;
mod txt;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use error::{ErrorKind, IngestError};
pub use jsonl::{JsonlRecords, jsonl_records};
pub use published::parse_published;
pub use sitrep_model::Document;
pub use txt::txt_document;

/// Where records come from, as error messages name it: a file path, or
/// `<stdin>`.
///
/// Cheap to clone (the path is shared), because every error carries one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SourceName {
    /// Standard input, shown as `<stdin>`.
    Stdin,
    /// A file, shown as its path.
    Path(Arc<Path>),
}

impl SourceName {
    /// Names a file source.
    pub fn path(path: impl AsRef<Path>) -> SourceName {
        SourceName::Path(Arc::from(path.as_ref()))
    }

    /// Names standard input.
    pub fn stdin() -> SourceName {
        SourceName::Stdin
    }

    /// The file path, or `None` for standard input.
    pub fn as_path(&self) -> Option<&Path> {
        match self {
            SourceName::Stdin => None,
            SourceName::Path(path) => Some(path),
        }
    }
}

impl fmt::Display for SourceName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceName::Stdin => f.write_str("<stdin>"),
            SourceName::Path(path) => write!(f, "{}", path.display()),
        }
    }
}

impl From<PathBuf> for SourceName {
    fn from(path: PathBuf) -> SourceName {
        SourceName::Path(Arc::from(path))
    }
}

impl From<&Path> for SourceName {
    fn from(path: &Path) -> SourceName {
        SourceName::path(path)
    }
}

/// Size limits that protect memory from oversized records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest document text accepted, in bytes of UTF-8. A longer text
    /// is reported as an error for its record and skipped.
    ///
    /// A JSONL line may be up to this plus [`Limits::LINE_OVERHEAD`] bytes
    /// long (room for the other fields and for escapes); a longer line is
    /// read in chunks and discarded without being held in memory.
    pub max_text_bytes: usize,
}

impl Limits {
    /// The default text limit: 8 MiB, far above any news article.
    pub const DEFAULT_MAX_TEXT_BYTES: usize = 8 * 1024 * 1024;

    /// How much longer than `max_text_bytes` a JSONL line may be: 1 MiB.
    pub const LINE_OVERHEAD: usize = 1024 * 1024;

    /// Limits with the given text limit.
    pub fn new(max_text_bytes: usize) -> Limits {
        Limits { max_text_bytes }
    }

    /// The longest JSONL line held in memory, in bytes (without the line
    /// ending).
    pub fn max_line_bytes(&self) -> usize {
        self.max_text_bytes.saturating_add(Limits::LINE_OVERHEAD)
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_text_bytes: Limits::DEFAULT_MAX_TEXT_BYTES,
        }
    }
}

/// The format of an input source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One plain-text document per file.
    Txt,
}

impl Format {
    /// The format a path's extension implies: `.txt` (any case) is
    /// [`Format::Txt`], anything else (`.jsonl`, `.ndjson`, none, …) is
    /// [`Format::Jsonl`].
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_ingest::Format;
    ///
    /// assert_eq!(Format::from_path("notes/Border.TXT".as_ref()), Format::Txt);
    /// assert_eq!(Format::from_path("dev.jsonl".as_ref()), Format::Jsonl);
    /// assert_eq!(Format::from_path("-".as_ref()), Format::Jsonl);
    /// ```
    pub fn from_path(path: &Path) -> Format {
        match path.extension() {
            Some(ext) if ext.eq_ignore_ascii_case("txt") => Format::Txt,
            _ => Format::Jsonl,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_display_as_path_or_stdin() {
        assert_eq!(
            SourceName::path("data/dev.jsonl").to_string(),
            "data/dev.jsonl"
        );
        assert_eq!(SourceName::stdin().to_string(), "<stdin>");
        assert_eq!(SourceName::stdin().as_path(), None);
        assert_eq!(
            SourceName::path("a.txt").as_path(),
            Some(Path::new("a.txt"))
        );
    }

    #[test]
    fn line_limit_is_text_limit_plus_overhead() {
        assert_eq!(Limits::default().max_line_bytes(), 9 * 1024 * 1024);
        assert_eq!(Limits::new(usize::MAX).max_line_bytes(), usize::MAX);
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a.txt")), Format::Txt);
        assert_eq!(Format::from_path(Path::new("a.Txt")), Format::Txt);
        assert_eq!(Format::from_path(Path::new("a.jsonl")), Format::Jsonl);
        assert_eq!(Format::from_path(Path::new("a")), Format::Jsonl);
        assert_eq!(Format::from_path(Path::new("txt")), Format::Jsonl);
    }
}
