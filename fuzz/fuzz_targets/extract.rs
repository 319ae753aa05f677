//! Fuzz target: arbitrary bytes, read as lossy UTF-8, through the whole
//! extractor. The first byte picks the publication day (see
//! `sitrep_fuzz::published_from`), the rest is the article text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use sitrep_extract::Extractor;
use sitrep_model::Document;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::bundled);

fuzz_target!(|data: &[u8]| {
    let (published, body) = match data.split_first() {
        Some((&first, rest)) => (sitrep_fuzz::published_from(first), rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(body).into_owned();
    let doc = Document {
        id: "fuzz".into(),
        published,
        text,
        ..Document::default()
    };
    let out = EXTRACTOR.extract(&doc);
    assert_eq!(out.id, doc.id);
    assert_eq!(out.published, doc.published);
    sitrep_fuzz::check_extraction(&doc.text, &out);
});
