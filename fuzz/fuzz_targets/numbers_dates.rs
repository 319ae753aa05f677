//! Fuzz target: arbitrary bytes, read as lossy UTF-8, through the sentence
//! splitter, the number finder and the time-expression finder. The first
//! byte picks the publication day, the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (published, body) = match data.split_first() {
        Some((&first, rest)) => (sitrep_fuzz::published_from(first), rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(body);
    sitrep_fuzz::check_sentences(&text);
    sitrep_fuzz::check_numbers(&text);
    sitrep_fuzz::check_dates(&text, published);
    sitrep_fuzz::check_dates(&text, None);
});
