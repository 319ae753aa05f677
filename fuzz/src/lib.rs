//! Invariant checks shared by the fuzz targets in `fuzz_targets/`.
//!
//! Each check panics (which libFuzzer reports as a crash, with the input
//! saved under `artifacts/`) when an extraction stage returns a malformed
//! span. The checks are the same as those of
//! `crates/sitrep-extract/tests/no_panic.rs`; this crate does not generate
//! inputs, libFuzzer does.
#![deny(missing_docs)]

use jiff::civil::Date;
use sitrep_extract::{dates, numbers, sentences};
use sitrep_model::{Evidence, Extraction};

/// Byte spans are non-empty, inside `text`, on char boundaries, in order and
/// non-overlapping.
pub fn check_byte_spans(text: &str, spans: impl IntoIterator<Item = (usize, usize)>, what: &str) {
    let mut prev_end = 0;
    for (start, end) in spans {
        assert!(
            start < end && end <= text.len(),
            "{what}: bad span {start}..{end}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: {start}..{end} off char boundaries"
        );
        assert!(
            start >= prev_end,
            "{what}: {start}..{end} overlaps or is out of order"
        );
        prev_end = end;
    }
}

/// Sentences: well-formed spans, trimmed, within one line, paragraphs in order.
pub fn check_sentences(text: &str) {
    let got = sentences::split(text);
    check_byte_spans(
        text,
        got.iter().map(|s| (s.start, s.end)),
        "sentences::split",
    );
    let mut para = 0;
    for s in &got {
        let words = s.as_str(text);
        assert_eq!(words, words.trim(), "sentence not trimmed");
        assert!(
            !words.contains(['\n', '\r', '\u{2028}', '\u{2029}']),
            "sentence crosses a line"
        );
        assert!(s.paragraph >= para, "paragraphs go backwards");
        para = s.paragraph;
    }
}

/// Number expressions: well-formed spans, `number_start` inside each.
pub fn check_numbers(text: &str) {
    let got = numbers::find(text);
    check_byte_spans(text, got.iter().map(|n| (n.start, n.end)), "numbers::find");
    for n in &got {
        assert!(
            n.start <= n.number_start && n.number_start < n.end,
            "number_start outside its expression"
        );
        assert!(
            text.is_char_boundary(n.number_start),
            "number_start off a char boundary"
        );
    }
}

/// Time expressions: well-formed spans.
pub fn check_dates(text: &str, published: Option<Date>) {
    let got = dates::find(text, published);
    check_byte_spans(text, got.iter().map(|d| (d.start, d.end)), "dates::find");
}

/// Every evidence of `out` is inside `text` (in code points) and quotes it.
pub fn check_extraction(text: &str, out: &Extraction) {
    let chars: Vec<char> = text.chars().collect();
    let evidence = out
        .claims
        .iter()
        .map(|c| &c.evidence)
        .chain(out.events.iter().map(|e| &e.evidence));
    for ev in evidence {
        check_evidence(&chars, ev);
    }
}

fn check_evidence(chars: &[char], ev: &Evidence) {
    assert!(
        ev.start <= ev.end && ev.end <= chars.len(),
        "evidence {}..{} outside the text",
        ev.start,
        ev.end
    );
    let quote: String = chars
        .get(ev.start..ev.end)
        .unwrap_or_default()
        .iter()
        .collect();
    assert_eq!(ev.quote, quote, "evidence quote differs from the text");
}

/// The publication day selected by the first input byte: none, an ordinary
/// day, a leap day, or the extremes of the calendar (relative dates must not
/// overflow there).
pub fn published_from(selector: u8) -> Option<Date> {
    match selector % 5 {
        0 => None,
        1 => Date::new(2025, 10, 12).ok(),
        2 => Date::new(2024, 2, 29).ok(),
        3 => Some(Date::MIN),
        _ => Some(Date::MAX),
    }
}
