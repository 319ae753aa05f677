//! The plain-text reader: a whole source is one document.
//!
//! The text is kept verbatim (line endings included) apart from a leading
//! UTF-8 byte-order mark, so evidence offsets count into what the file
//! holds. The caller supplies the id (usually the file stem) and the
//! publication day, which a text file cannot carry.

use std::io::{self, Read};

use jiff::civil::Date;
use sitrep_model::Document;

use crate::{ErrorKind, IngestError, Limits, SourceName};

/// Reads all of `reader` as the text of one document.
///
/// At most [`Limits::max_text_bytes`] (plus a byte-order mark) are held in
/// memory; the rest of a longer source is only counted.
///
/// # Errors
///
/// Errors name the source but no line:
///
/// - [`ErrorKind::EmptyFile`] when there are no bytes at all;
/// - [`ErrorKind::Empty`] (field `text`) when there is only whitespace;
/// - [`ErrorKind::InvalidUtf8`] with the byte offset of the first bad byte;
/// - [`ErrorKind::TextTooLong`] (field `text`) over the limit;
/// - [`ErrorKind::Read`] when the reader fails.
///
/// # Example
///
/// ```
/// use sitrep_ingest::{txt_document, Limits, SourceName};
///
/// let date = "2025-07-25".parse().unwrap();
/// let doc = txt_document(SourceName::path("border.txt"), "border", Some(date),
///     "Shelling continued overnight.\n".as_bytes(), Limits::default()).unwrap();
/// assert_eq!((doc.id.as_str(), doc.text.as_str()), ("border", "Shelling continued overnight.\n"));
///
/// let err = txt_document(SourceName::path("blank.txt"), "blank", None, "".as_bytes(),
///     Limits::default()).unwrap_err();
/// assert_eq!(err.to_string(), "blank.txt: empty file");
/// ```
pub fn txt_document<R: Read>(
    source: SourceName,
    id: impl Into<String>,
    published: Option<Date>,
    mut reader: R,
    limits: Limits,
) -> Result<Document, IngestError> {
    let error = |kind| IngestError::new(source.clone(), None, kind);
    let read_error = |err| error(ErrorKind::Read(err));

    const BOM: &[u8] = b"\xef\xbb\xbf";
    // The limit, plus room for a BOM, plus one byte to tell "over".
    let keep = (limits.max_text_bytes as u64).saturating_add(BOM.len() as u64 + 1);
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(keep)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.is_empty() {
        return Err(error(ErrorKind::EmptyFile));
    }
    let bom = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    let body = bytes.get(bom..).unwrap_or_default();
    if body.len() > limits.max_text_bytes {
        let rest = io::copy(&mut reader, &mut io::sink()).map_err(read_error)?;
        let kind = ErrorKind::TextTooLong {
            bytes: (body.len() as u64).saturating_add(rest),
            limit: limits.max_text_bytes as u64,
        };
        return Err(error(kind).with_field("text"));
    }
    if bom > 0 {
        bytes.drain(..bom);
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        error(ErrorKind::InvalidUtf8 {
            offset: bom + err.utf8_error().valid_up_to(),
        })
    })?;
    if text.trim().is_empty() {
        return Err(error(ErrorKind::Empty).with_field("text"));
    }
    Ok(Document {
        id: id.into(),
        url: None,
        outlet: None,
        published,
        title: None,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], limits: Limits) -> Result<Document, String> {
        let date = jiff::civil::date(2025, 7, 25);
        txt_document(
            SourceName::path("notes/border.txt"),
            "border",
            Some(date),
            bytes,
            limits,
        )
        .map_err(|err| err.to_string())
    }

    #[test]
    fn reads_the_whole_text_verbatim() {
        let doc = read(b"Line one.\r\n\r\nLine two.\n", Limits::default()).unwrap();
        assert_eq!(
            doc,
            Document {
                id: "border".into(),
                url: None,
                outlet: None,
                published: Some(jiff::civil::date(2025, 7, 25)),
                title: None,
                text: "Line one.\r\n\r\nLine two.\n".into(),
            }
        );
    }

    #[test]
    fn strips_a_leading_bom() {
        let doc = read(b"\xef\xbb\xbfText.", Limits::default()).unwrap();
        assert_eq!(doc.text, "Text.");
        // The BOM does not count towards the limit.
        assert_eq!(
            read(b"\xef\xbb\xbf12345", Limits::new(5)).unwrap().text,
            "12345"
        );
    }

    #[test]
    fn error_empty_file() {
        assert_eq!(
            read(b"", Limits::default()).unwrap_err(),
            "notes/border.txt: empty file"
        );
    }

    #[test]
    fn error_whitespace_only() {
        assert_eq!(
            read(b" \n\t\r\n", Limits::default()).unwrap_err(),
            r#"notes/border.txt: field "text": empty"#
        );
        assert_eq!(
            read(b"\xef\xbb\xbf", Limits::default()).unwrap_err(),
            r#"notes/border.txt: field "text": empty"#
        );
    }

    #[test]
    fn error_invalid_utf8() {
        assert_eq!(
            read(b"abc\xffdef", Limits::default()).unwrap_err(),
            "notes/border.txt: invalid UTF-8 at byte offset 3"
        );
        assert_eq!(
            read(b"\xef\xbb\xbfab\xc3", Limits::default()).unwrap_err(),
            "notes/border.txt: invalid UTF-8 at byte offset 5"
        );
    }

    #[test]
    fn error_too_long_counts_the_whole_source() {
        let big = vec![b'x'; 1000];
        assert_eq!(
            read(&big, Limits::new(10)).unwrap_err(),
            r#"notes/border.txt: field "text": 1000 bytes exceeds the limit of 10 (--max-text-bytes)"#
        );
        assert_eq!(read(&big[..10], Limits::new(10)).unwrap().text.len(), 10);
        assert_eq!(
            read(&big[..11], Limits::new(10)).unwrap_err(),
            r#"notes/border.txt: field "text": 11 bytes exceeds the limit of 10 (--max-text-bytes)"#
        );
    }

    struct Broken;

    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("Is a directory"))
        }
    }

    #[test]
    fn error_read_failure() {
        let err = txt_document(
            SourceName::path("dir"),
            "dir",
            None,
            Broken,
            Limits::default(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "dir: read error: Is a directory");
        assert!(err.is_fatal());
    }
}
