//! Deterministic fuzz-style test: no input makes the extraction core panic,
//! and every span it returns is well formed.
//!
//! Thousands of generated strings (random Unicode, token soups built from
//! news vocabulary, numbers too large for `u64`, nested and unbalanced quotes,
//! weekdays and month names, photo credits, huge repetitions) go through
//! [`sentences::split`], [`numbers::find`], [`dates::find`] and
//! [`Extractor::extract`]. The test checks:
//!
//! - byte spans are on `char` boundaries, inside the text, non-empty, in
//!   order and non-overlapping; sentences are trimmed and never cross a line
//!   break, and their paragraph numbers never decrease;
//! - a number's `number_start` lies inside its expression;
//! - every evidence has `start <= end <= text.chars().count()` and a `quote`
//!   equal to those code points of the text; the output `id` and `published`
//!   are the input's; extracting twice gives the same result.
//!
//! It is seeded, so a failure names the case and reproduces exactly. It does
//! not check that anything is *found*: the unit tests of each module do that.
//! `cargo fuzz` (see `fuzz/README.md`) explores further with coverage
//! guidance; this test is what runs on every `cargo test`.

use jiff::civil::Date;
use sitrep_extract::{Extractor, dates, numbers, sentences};
use sitrep_model::{Document, Evidence, Extraction};

/// SplitMix64: a tiny, good-enough deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Words and pieces that exercise the number, date, credit and attribution
/// rules, including their edges.
#[rustfmt::skip]
const VOCAB: &[&str] = &[
    // numbers
    "0", "1", "7", "12", "23", "133", "1,600", "2,635", "13,300", "400,000", "1,00,000", "2.9",
    "3.5%", "90%", "15-20", "35–40", "16 - 18", "1e9", "007", "12th", "21st", "$5",
    "99999999999999999999999", "18446744073709551615", "18446744073709551616",
    "9,999,999,999,999,999,999", "1,2,3,4,5", "1..2", "1.2.3", ",5", "5,", "-7", "+8", "½", "five",
    "eleven", "twenty-three", "fifty-five", "one hundred and twenty", "a dozen", "half a dozen",
    "dozens", "scores", "hundreds", "thousands", "tens of thousands", "millions", "several",
    "a few", "million", "billion", "trillion", "lakh", "crore", "million million million",
    "between 10 and 15", "between", "and", "at least", "more than", "over", "up to", "as many as",
    "nearly", "almost", "about", "around", "some", "fewer than", "under", "an estimated",
    "two-thirds", "a third of", "aged 12", "45-year-old", "Su-30", "MiG-29", "F-16s", "S-400",
    "IC-814", "COVID-19", "G7", "24/7", "Resolution 1701",
    // dates
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan.", "Sept.", "Oct.", "on Sunday", "last Sunday", "next Friday",
    "overnight", "yesterday", "today", "tomorrow", "last week", "last month", "last year",
    "this year", "earlier this month", "in October", "since February 2022", "through June 11",
    "until Friday", "May 6", "22 April", "October 12, 2025", "2025-10-12", "2025-02-30",
    "2025-13-01", "0000-00-00", "9999-12-31", "-9999-01-01", "in 1947", "since 2021", "the 1990s",
    "31 February", "0 May", "99 June", "June 99999", "February 29", "29 February 2023",
    "late Thursday", "early Saturday morning", "at dawn", "midnight", "10 am", "14:06",
    "13:58:13 IST", "2025-10-11T21:55:15+00:00", "Ramadan",
    // claims and attribution
    "killed", "dead", "died", "martyred", "wounded", "injured", "captured", "arrested", "missing",
    "displaced", "fled", "destroyed", "shot down", "intercepted", "soldiers", "fighters",
    "militants", "civilians", "people", "refugees", "posts", "bases", "drones", "jets", "tanks",
    "Pakistani", "Afghan", "Indian", "Israeli", "Iranian", "Russian", "Ukrainian", "Sudanese",
    "RSF", "TTP", "Hamas", "Taliban", "UN", "the defence ministry", "said", "says",
    "told reporters", "according to", "officials said", "a spokesman for", "denied that any",
    "He said", "It said", "its", "their", "the army", "ISPR",
    // sentence pieces
    "Mr.", "Mr", "Dr.", "Lt. Gen.", "U.S.", "U.N.", "a.m.", "p.m.", "No.", "e.g.", "i.e.", "etc.",
    "vs.", "A.P.", "J.", ".", ". ", "!", "?", "…", "...", ",", ";", ":", "-", "—", "(", ")", "[",
    "]", "\"", "“", "”", "‘", "’", "'", "«", "»", "|", "/", "(Jane Doe/AP)", "(AP Photo/Ali Khan)",
    "(Photo: Reuters)", "(AFP)", "| Photo: X", "Photo: X", "File photo", "Representational image",
    "Reuters", "Published By:", "Published: October 12, 2025 13:58:13 IST", "date 2025-10-12",
    "LIVE TV", "Sign up to", "Advertisement", "Also read:",
    // white space
    " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2028}", "\u{2029}",
    "\u{feff}", "\u{200b}", "\u{0b}", "\u{0c}", "\u{85}",
    // other scripts
    "é", "Ä", "ß", "ﬁ", "İ", "ı", "Ω", "Ж", "ё", "中文", "。", "？", "！", "؟", "۔", "।", "مرحبا",
    "שלום", "\u{202e}", "\u{200f}", "🙂", "👩‍👩‍👧", "e\u{301}", "\u{fffd}", "\u{10ffff}", "٣", "۵",
    "१२", "३", "Ⅻ", "²", "①",
];

/// Characters drawn for random Unicode strings: every kind of byte length,
/// the characters the rules look at, and combining marks.
fn random_char(rng: &mut Rng) -> char {
    #[rustfmt::skip]
    const SPECIAL: &[char] = &[
        '.', '!', '?', '…', '"', '“', '”', '‘', '’', '\'', '(', ')', '/', '|', ',', ':', '-', '–',
        '0', '1', '5', '9', ' ', '\n', '\r', '\t', '\u{a0}', '\u{2028}', '\u{2029}', '\u{85}',
        '\u{301}', '\u{feff}', '«', '»', '。', '؟', '۔', '।', '٣', '½',
    ];
    match rng.below(4) {
        0 => SPECIAL[rng.below(SPECIAL.len())],
        1 => char::from(b' ' + rng.below(95) as u8),
        2 => char::from_u32(0x80 + rng.below(0x2000) as u32).unwrap_or('x'),
        _ => loop {
            if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                break c;
            }
        },
    }
}

fn random_unicode(rng: &mut Rng, len: usize) -> String {
    (0..len).map(|_| random_char(rng)).collect()
}

fn token_soup(rng: &mut Rng, tokens: usize) -> String {
    let mut s = String::new();
    for _ in 0..tokens {
        s.push_str(rng.pick(VOCAB));
        if rng.below(3) != 0 {
            s.push(' ');
        }
    }
    s
}

/// Sentences that read like reporting, with random figures and dates.
fn newsy(rng: &mut Rng, sentences: usize) -> String {
    const OPEN: &[&str] = &[
        "The defence ministry said",
        "Officials said",
        "According to local sources,",
        "A spokesman for the army told reporters that",
        "Mr. Asif said on X that",
        "“Our patience has run out,” he said, adding that",
        "Lt. Gen. Khan denied that",
        "The U.S. State Department said",
    ];
    const QUAL: &[&str] = &["", "at least ", "more than ", "nearly ", "up to ", "about "];
    const NUM: &[&str] = &[
        "55",
        "eight",
        "1,600",
        "2.9 million",
        "dozens of",
        "15-20",
        "133",
    ];
    const WHO: &[&str] = &[
        "Pakistani soldiers",
        "Afghan fighters",
        "civilians",
        "people",
    ];
    const WHAT: &[&str] = &[
        "were killed",
        "were wounded",
        "were captured",
        "died",
        "fled",
    ];
    const WHEN: &[&str] = &[
        "on Sunday",
        "overnight",
        "in October",
        "on May 6",
        "last week",
        "",
    ];
    let mut s = String::new();
    for i in 0..sentences {
        let sentence = format!(
            "{} {}{} {} {} {}.",
            rng.pick(OPEN),
            rng.pick(QUAL),
            rng.pick(NUM),
            rng.pick(WHO),
            rng.pick(WHAT),
            rng.pick(WHEN)
        );
        s.push_str(&sentence);
        s.push_str(if i % 3 == 2 { "\n\n" } else { " " });
    }
    s
}

/// Hand-written adversarial inputs.
fn fixed_cases() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\n",
        "\r\n\r\n",
        ".",
        "...",
        "…",
        "?!",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "()",
        "(/)",
        "|",
        "| Photo:",
        "Photo:",
        "date ",
        "date 2025-10-1",
        "date 2025-10-12",
        "2025-10-12T",
        "99999999999999999999999",
        "99999999999999999999999 soldiers were killed.",
        "18446744073709551615 people died",
        "18446744073709551616 people died",
        "between 18446744073709551615 and 99999999999999999999 soldiers",
        "1,000,000,000,000,000,000,000,000 killed",
        "a million million million million people",
        "9.99999999999999999999 million",
        "0.0000000001 million",
        "ninety-nine quintillion",
        "On Sunday on Monday on Tuesday on Wednesday on Thursday on Friday on Saturday.",
        "January February March April May June July August September October November December",
        "31 February 2025. 30 February. 0 January. 32 May.",
        "since February 29, 2023 through June 31",
        "in 9999, in 10000, in 0, in -1, in 2147483648",
        "“He said “they said “we said” ” ”",
        "\"\"\"\"\"\"\"\"\"\"\"",
        "“”“”“”“”“”. “.”.“.”",
        "(Jane Doe/AP) (Jane Doe/AP) (Jane Doe/AP)",
        "Smoke rises (Jane Doe/AP) Mr Asif said 55 soldiers were killed.",
        "Caption here (Photo: Reuters)\nFile photo\nReuters",
        "Mr. Mr. Mr. Mr. Dr. Lt. Gen. U.S. U.S. a.m. p.m. No. 5 Jan. 6",
        "e\u{301}\u{301}\u{301}. \u{301}. \u{200d}\u{200d}.",
        "\u{feff}\u{feff}Text with BOM.\u{feff}",
        "中文。中文。中文！",
        "killed killed killed killed 5 5 5 5",
        "The army said. It said. He said. They said 5 were killed.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Huge repetitions: long lines and many lines.
    for (unit, times) in [
        ("9", 60_000),
        ("1,", 30_000),
        ("(", 40_000),
        ("“", 20_000),
        (". ", 30_000),
        ("Mr. ", 15_000),
        ("U.S. ", 12_000),
        ("a.a.a.", 10_000),
        ("killed ", 8_000),
        ("million ", 8_000),
        ("Monday ", 8_000),
        ("\n", 50_000),
        ("x\n", 30_000),
        ("55 soldiers were killed, the army said. ", 2_000),
        ("(Jane Doe/AP)\n", 3_000),
    ] {
        v.push(unit.repeat(times));
    }
    v
}

fn check_byte_spans(text: &str, spans: &[(usize, usize)], what: &str) {
    let mut prev_end = 0;
    for &(start, end) in spans {
        assert!(
            start < end,
            "{what}: empty or reversed span {start}..{end} in {text:?}"
        );
        assert!(
            end <= text.len(),
            "{what}: span {start}..{end} past the end in {text:?}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: span {start}..{end} not on char boundaries in {text:?}"
        );
        assert!(
            start >= prev_end,
            "{what}: span {start}..{end} overlaps or is out of order in {text:?}"
        );
        prev_end = end;
    }
}

fn check_sentences(text: &str) -> Vec<sentences::Sentence> {
    let got = sentences::split(text);
    let spans: Vec<(usize, usize)> = got.iter().map(|s| (s.start, s.end)).collect();
    check_byte_spans(text, &spans, "sentences::split");
    let mut para = 0;
    for s in &got {
        let words = &text[s.start..s.end];
        assert_eq!(words, words.trim(), "sentence not trimmed in {text:?}");
        assert!(
            !words.contains([
                '\n', '\r', '\u{2028}', '\u{2029}', '\u{0b}', '\u{0c}', '\u{85}'
            ]),
            "sentence crosses a line break: {words:?}"
        );
        assert!(s.paragraph >= para, "paragraphs go backwards in {text:?}");
        para = s.paragraph;
    }
    assert_eq!(got, sentences::split(text), "split is not deterministic");
    got
}

fn check_numbers(text: &str) {
    let got = numbers::find(text);
    let spans: Vec<(usize, usize)> = got.iter().map(|n| (n.start, n.end)).collect();
    check_byte_spans(text, &spans, "numbers::find");
    for n in &got {
        assert!(
            n.start <= n.number_start && n.number_start < n.end,
            "number_start {} outside {}..{} in {text:?}",
            n.number_start,
            n.start,
            n.end
        );
        assert!(
            text.is_char_boundary(n.number_start),
            "number_start off a boundary in {text:?}"
        );
    }
}

fn check_dates(text: &str, published: Option<Date>) {
    let got = dates::find(text, published);
    let spans: Vec<(usize, usize)> = got.iter().map(|d| (d.start, d.end)).collect();
    check_byte_spans(text, &spans, "dates::find");
}

fn check_evidence(chars: &[char], ev: &Evidence, text: &str) {
    assert!(
        ev.start <= ev.end && ev.end <= chars.len(),
        "evidence {}..{} outside 0..{} in {text:?}",
        ev.start,
        ev.end,
        chars.len()
    );
    let quote: String = chars[ev.start..ev.end].iter().collect();
    assert_eq!(
        ev.quote, quote,
        "evidence quote differs from the text in {text:?}"
    );
}

fn check_extract(ex: &Extractor, doc: &Document) -> Extraction {
    let out = ex.extract(doc);
    assert_eq!(out.id, doc.id);
    assert_eq!(out.published, doc.published);
    let chars: Vec<char> = doc.text.chars().collect();
    for c in &out.claims {
        check_evidence(&chars, &c.evidence, &doc.text);
        assert!(
            (0.0..=1.0).contains(&c.confidence),
            "confidence {} in {:?}",
            c.confidence,
            doc.text
        );
    }
    for e in &out.events {
        check_evidence(&chars, &e.evidence, &doc.text);
    }
    out
}

/// Publication days, ordinary and extreme (relative dates must not overflow).
fn published(rng: &mut Rng) -> Option<Date> {
    match rng.below(6) {
        0 => None,
        1 => Some(Date::MIN),
        2 => Some(Date::MAX),
        3 => Date::new(2024, 2, 29).ok(),
        4 => Date::new(2025, 1, 1).ok(),
        _ => Date::new(2025, 10, 12).ok(),
    }
}

/// Runs every check on `text`; a failure (panic) is returned as a line
/// naming the case, the message and the start of the text, so one run lists
/// every failing case instead of stopping at the first.
fn check_all(ex: &Extractor, rng: &mut Rng, case: usize, text: String) -> Option<String> {
    let shown: String = text.chars().take(200).collect();
    let run = std::panic::AssertUnwindSafe(|| check_case(ex, rng, case, text));
    let panic = std::panic::catch_unwind(run).err()?;
    let msg = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    let msg: String = msg.chars().take(300).collect();
    Some(format!("case {case}: {msg}\n    text: {shown:?}"))
}

fn check_case(ex: &Extractor, rng: &mut Rng, case: usize, text: String) {
    check_sentences(&text);
    check_numbers(&text);
    let anchor = published(rng);
    check_dates(&text, anchor);
    check_dates(&text, None);
    let doc = Document {
        id: format!("case-{case}"),
        published: anchor,
        title: (rng.below(4) == 0).then(|| token_soup(rng, 6)),
        text,
        ..Document::default()
    };
    let first = check_extract(ex, &doc);
    if case.is_multiple_of(16) {
        assert_eq!(
            first,
            ex.extract(&doc),
            "extraction is not deterministic for {:?}",
            doc.text
        );
    }
}

#[test]
fn no_input_panics_and_spans_are_well_formed() {
    let ex = Extractor::bundled();
    let mut rng = Rng(0x5173_7265_7000_0001);
    let mut case = 0;
    let mut failures = Vec::new();
    for text in fixed_cases() {
        failures.extend(check_all(&ex, &mut rng, case, text));
        case += 1;
    }
    for round in 0..1_500 {
        let text = match round % 3 {
            0 => {
                let len = rng.below(300);
                random_unicode(&mut rng, len)
            }
            1 => {
                let n = rng.below(120);
                token_soup(&mut rng, n)
            }
            _ => {
                let n = 1 + rng.below(12);
                newsy(&mut rng, n)
            }
        };
        failures.extend(check_all(&ex, &mut rng, case, text));
        case += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {case} cases failed:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn sentences_cover_every_non_blank_character() {
    // Splitting never drops text: everything outside the sentences is
    // white space (or the invisible marks trimmed with it).
    let mut rng = Rng(42);
    for _ in 0..500 {
        let n = rng.below(80);
        let text = token_soup(&mut rng, n);
        let got = check_sentences(&text);
        let mut pos = 0;
        for s in got
            .iter()
            .map(|s| (s.start, s.end))
            .chain([(text.len(), text.len())])
        {
            let gap = &text[pos..s.0];
            assert!(
                gap.chars().all(|c| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')),
                "text {gap:?} dropped from {text:?}"
            );
            pos = s.1;
        }
    }
}
