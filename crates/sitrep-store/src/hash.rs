//! Content hashes of documents, and the day ranges that dates cover.
//!
//! The hash decides whether a document re-ingested under a known id is the
//! same document (a no-op) or a changed one. It covers every field of
//! [`Document`], each written with a presence tag and a length prefix, so no
//! two different documents encode to the same bytes. It is SHA-256 in lower
//! case hex, stable across sitrep versions and platforms.

use jiff::civil::Date;
use sha2::{Digest, Sha256};
use sitrep_model::{Document, PartialDate};

/// The content hash of a document: hex SHA-256 over all of its fields.
pub fn content_hash(doc: &Document) -> String {
    let mut hasher = Sha256::new();
    let published = doc.published.map(iso_day);
    let fields: [Option<&str>; 6] = [
        Some(doc.id.as_str()),
        doc.url.as_deref(),
        doc.outlet.as_deref(),
        published.as_deref(),
        doc.title.as_deref(),
        Some(doc.text.as_str()),
    ];
    for field in fields {
        match field {
            None => hasher.update([0u8]),
            Some(text) => {
                hasher.update([1u8]);
                hasher.update((text.len() as u64).to_le_bytes());
                hasher.update(text.as_bytes());
            }
        }
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    hex
}

/// A day as `YYYY-MM-DD`, the form every stored day takes.
pub fn iso_day(day: Date) -> String {
    PartialDate::Day(day).to_string()
}

/// The first and last day a partial date covers: a month covers all its
/// days, a year all of its.
pub fn day_range(date: PartialDate) -> (Date, Date) {
    (date.first_day(), date.last_day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: Option<&str>, text: &str) -> Document {
        Document {
            id: id.to_string(),
            title: title.map(str::to_string),
            text: text.to_string(),
            ..Document::default()
        }
    }

    #[test]
    fn hash_is_stable_and_hex() {
        let hash = content_hash(&doc("a", None, "Text."));
        assert_eq!(hash.len(), 64);
        assert!(
            hash.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_eq!(hash, content_hash(&doc("a", None, "Text.")));
    }

    #[test]
    fn every_field_counts_and_fields_do_not_run_together() {
        let base = content_hash(&doc("a", None, "Text."));
        assert_ne!(base, content_hash(&doc("a", None, "Text!")));
        assert_ne!(base, content_hash(&doc("b", None, "Text.")));
        assert_ne!(base, content_hash(&doc("a", Some(""), "Text.")));
        // Moving bytes from one field to the next changes the hash.
        assert_ne!(
            content_hash(&doc("a", Some("xy"), "z")),
            content_hash(&doc("a", Some("x"), "yz"))
        );
        let mut dated = doc("a", None, "Text.");
        dated.published = Date::new(2025, 3, 9).ok();
        assert_ne!(base, content_hash(&dated));
    }

    #[test]
    fn ranges_cover_the_whole_period() {
        let range = |text: &str| {
            let (first, last) = day_range(text.parse().unwrap());
            (iso_day(first), iso_day(last))
        };
        assert_eq!(
            range("2024-02-10"),
            ("2024-02-10".into(), "2024-02-10".into())
        );
        assert_eq!(range("2024-02"), ("2024-02-01".into(), "2024-02-29".into()));
        assert_eq!(range("2023-02"), ("2023-02-01".into(), "2023-02-28".into()));
        assert_eq!(range("2025"), ("2025-01-01".into(), "2025-12-31".into()));
    }
}
