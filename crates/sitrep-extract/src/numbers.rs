//! Number expressions in English news sentences: "at least 133", "2.9 million",
//! "fifty-five", "15–20", "between 10 and 15", "half a dozen", "dozens".
//!
//! [`find`] reads one sentence and returns every number expression in it, in
//! text order and never overlapping. Each carries its value
//! ([`NumberExpr::n`], and [`NumberExpr::n_max`] for a range), the qualifier
//! the text puts on it ("at least", "nearly", "up to", ...) and a
//! [`NumberRole`] saying what the number's own words make of it: a candidate
//! count, or a year, a day of a month, a percentage, a measure, a duration, an
//! amount of money, an ordinal, a fraction or an age.
//!
//! What this module does not do: decide *what* is counted, or whether a count
//! is a claim. That is the claim rules' job, from the words around the number.
//! A bare "a"/"an" is never a number here ("killed a commander" is the claim
//! rules' call). Numbers inside identifiers are skipped, not returned: weapon
//! and aircraft designations ("Su-30", "MiG-29", "F-16s", "S-400"), flight
//! numbers ("IC-814"), "COVID-19", "G7", ISO dates and timestamps
//! ("2025-10-11T21:55:15+00:00"), "24/7", "Resolution 1701".
//!
//! # Vocabulary
//!
//! * *core*: the number itself, in digits ("2,640", "2.9 million", "3 lakh")
//!   or words ("one hundred and twenty", "fifty-five", "a dozen").
//! * *qualifier*: the words before the core that bound it ("more than").
//! * *vague quantity*: a word that stands for an unknown count ("dozens",
//!   "several"); it gets the conventional value of SPEC.md (dozens = 24,
//!   scores = 40, hundreds = 200, thousands = 2000, tens of thousands =
//!   20000, hundreds of thousands = 200000, millions = 2000000, several = 3,
//!   a few = 2) and the qualifier [`Qualifier::Vague`].
//! * *range*: "16-18", "15–20", "10 to 15", "two or three", "between 10 and
//!   15", "from 10 to 15"; `n` is the low end, `n_max` the high end, the
//!   qualifier [`Qualifier::Range`]. A scale on the high end applies to a
//!   bare low end ("2-3 million"). "3-2" (a score) is skipped; "2024-25" is a
//!   range of years.
//!
//! Besides words, glued marks qualify a number: "100+" (more than), "~100"
//! and "40-odd" (about).
//!
//! A four-digit number from 1800 to 2100 without separators is a year when
//! its neighbours say so ("in 1947", "since 2021", "May 7, 2025", "the 2021
//! takeover", "2025 was") and a count otherwise ("2000 people", "at least
//! 2000", "the toll rose to 2000").
//!
//! # Known limits
//!
//! * "one" as a pronoun ("one of the attackers") is a count; the claim rules
//!   decide. "no one", "any one", "one another" are skipped.
//! * "from 10 to 15" is read as a range even when it describes a change.
//! * Fractions of numbers ("one and a half million", "three quarters of a
//!   million") are not combined; "half a million" and "a quarter of a
//!   million" are.
//! * A bare four-digit year-like count in an unusual frame ("in 2000 people")
//!   can be read as a year; reporting writes such counts "2,000".
//!
//! # How
//!
//! One pass cuts the sentence into tokens (digit runs with their separators,
//! words, single punctuation characters), each remembering whether white
//! space precedes it, so that "16-18" (a range), "Su-30" (an identifier) and
//! "12-year-old" (an age) can be told apart by what is glued to what. A small
//! hand-written grammar then reads the tokens left to right.
//!
//! Decision: a token grammar rather than one large regular expression. The
//! interesting cases are decided by neighbours on both sides ("Su-30" vs
//! "16-18", "May 6" vs "6 soldiers", "in 1947" vs "1947 people"), which a
//! regex can only express with look-around that the `regex` crate does not
//! have; and the grammar needs no allocation beyond a reused token buffer.
//! Values are computed with checked arithmetic: a number that does not fit in
//! a `u64` is skipped, never wrapped.

use std::cell::RefCell;

use sitrep_model::Qualifier;

/// What a number in the text counts, as far as its own words tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberRole {
    /// A count of people or things: a candidate figure.
    Count,
    /// A calendar year ("in 1947", "since 2021").
    Year,
    /// Part of a date ("May 6", "22 April", "October 12, 2025").
    DatePart,
    /// A percentage ("90%", "12 percent").
    Percent,
    /// A distance, weight or other measure ("300 kilometers", "1,600 mile-long").
    Measure,
    /// A duration or clock time ("four hours", "88 hours", "10 am").
    Duration,
    /// An amount of money ("$5 million").
    Money,
    /// An ordinal ("third", "21st").
    Ordinal,
    /// A fraction of something ("a third of", "two-thirds").
    Fraction,
    /// An age ("aged 12", "a 45-year-old").
    Age,
}

/// A number expression: a number with its qualifier.
///
/// For most roles `n` is the number as written. Three roles read it
/// differently: for a [`NumberRole::Fraction`] `n` is the numerator and
/// `n_max` the denominator ("two-thirds": 2 and 3); for a clock time
/// ([`NumberRole::Duration`] written "14:06") `n` is the time as `hhmm`
/// (1406); for a decade ("the 1990s", [`NumberRole::Year`]) `n` is its first
/// year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberExpr {
    /// First byte of the expression, qualifier included ("at least 133").
    pub start: usize,
    /// One past the last byte of the expression.
    pub end: usize,
    /// First byte of the number itself, after the qualifier ("133").
    pub number_start: usize,
    /// The number, or the low end of a range.
    pub n: u64,
    /// The high end of a range.
    pub n_max: Option<u64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// What the number counts.
    pub role: NumberRole,
}

/// Finds every number expression in `text`, in order, never overlapping.
///
/// Offsets are byte offsets into `text`. The expression covers the qualifier
/// and the number ("at least 133", "between 10 and 15", "a dozen", "$5
/// million", "90%"), not the unit or noun after it.
///
/// ```
/// use sitrep_extract::numbers::{find, NumberRole};
/// use sitrep_model::Qualifier;
///
/// let found = find("Officials said at least 133 fighters and 15-20 soldiers died.");
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].n, found[0].qualifier), (133, Qualifier::AtLeast));
/// assert_eq!((found[1].n, found[1].n_max), (15, Some(20)));
/// assert_eq!(found[1].role, NumberRole::Count);
/// ```
pub fn find(text: &str) -> Vec<NumberExpr> {
    let mut out = Vec::new();
    with_tokens(text, None, |toks| scan_numbers(toks, &mut out));
    out
}

/// Finds the number expressions among already tokenized text.
fn scan_numbers(toks: &[Tok], out: &mut Vec<NumberExpr>) {
    let scan = Scan { t: toks };
    let mut i = 0;
    while i < toks.len() {
        match scan.at(i) {
            Step::Found(expr, next) => {
                out.push(expr);
                i = next.max(i + 1);
            }
            Step::Skip(next) => i = next.max(i + 1),
            Step::Nothing => i += 1,
        }
    }
}

/// [`find`] and [`crate::dates::find`] in one pass of the tokenizer; either
/// scan can be skipped. Same results as calling both. `lower` is `text`
/// ASCII-lower-cased, when the caller has it at hand.
pub(crate) fn find_with_times(
    text: &str,
    lower: Option<&str>,
    numbers: bool,
    times: Option<Option<jiff::civil::Date>>,
) -> (Vec<NumberExpr>, Vec<crate::dates::TimeExpr>) {
    let mut nums = Vec::new();
    let mut found_times = Vec::new();
    if !numbers && times.is_none() {
        return (nums, found_times);
    }
    with_tokens(text, lower, |toks| {
        if numbers {
            scan_numbers(toks, &mut nums);
        }
        if let Some(published) = times {
            crate::dates::scan_times(toks, published, &mut found_times);
        }
    });
    (nums, found_times)
}

// ---------------------------------------------------------------------------
// Tokens (shared with `dates`)
// ---------------------------------------------------------------------------

/// Longest word kept in lowercase form; longer words never match a keyword.
const LW: usize = 15;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits, with thousands separators and a decimal part.
    Num,
    /// A run of letters.
    Word,
    /// Any other single character that is not white space.
    Punct(char),
}

/// The value of a [`Kind::Num`] token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NumInfo {
    /// The integer part, `None` if it does not fit in a `u64`.
    pub(crate) int: Option<u64>,
    /// The decimal digits as an integer (at most 18 digits kept).
    frac: u64,
    /// How many decimal digits `frac` holds.
    frac_len: u8,
    /// How many digits the integer part has (saturating).
    pub(crate) digits: u8,
    /// True when written with thousands separators ("2,640").
    pub(crate) grouped: bool,
    /// True when written with a decimal part ("2.9").
    pub(crate) decimal: bool,
}

impl NumInfo {
    /// The plain integer, when the token is one (no separators, no decimals).
    pub(crate) fn plain(&self) -> Option<u64> {
        if self.grouped || self.decimal {
            None
        } else {
            self.int
        }
    }

    /// The value times `scale` ("2.9" × 1,000,000), `None` on overflow.
    fn scaled(&self, scale: u64) -> Option<u64> {
        let int = u128::from(self.int?);
        let scale = u128::from(scale);
        let mut v = int.checked_mul(scale)?;
        if self.frac_len > 0 {
            let den = 10u128.checked_pow(u32::from(self.frac_len))?;
            v = v.checked_add(u128::from(self.frac).checked_mul(scale)? / den)?;
        }
        u64::try_from(v).ok()
    }
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// First byte.
    pub(crate) start: usize,
    /// One past the last byte.
    pub(crate) end: usize,
    /// What it is.
    pub(crate) kind: Kind,
    /// True when white space (or the start of the text) precedes it.
    pub(crate) space: bool,
    /// True for a word whose first letter is an ASCII capital.
    pub(crate) cap: bool,
    /// The value of a number token.
    pub(crate) num: NumInfo,
    lw: [u8; LW],
    lwn: u8,
}

impl Tok {
    /// The word in ASCII lowercase, or an empty slice for anything else
    /// (numbers, punctuation, non-ASCII words, words longer than 15 bytes).
    pub(crate) fn w(&self) -> &[u8] {
        self.lw.get(..usize::from(self.lwn)).unwrap_or(&[])
    }
}

/// Cuts `text` into tokens, replacing the contents of `out`. `lower`, when
/// given, is `text` ASCII-lower-cased: the words' lower-case forms are copied
/// from it instead of lower-cased again.
pub(crate) fn tokenize(text: &str, lower: Option<&str>, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let mut tok = Tok {
            start,
            end: start,
            kind: Kind::Num,
            space,
            cap: false,
            num: NumInfo::default(),
            lw: [0; LW],
            lwn: 0,
        };
        if c.is_ascii_digit() {
            let (end, num) = scan_number(b, i);
            tok.end = end;
            tok.num = num;
        } else if c.is_ascii_alphabetic()
            || (c >= 0x80 && char_at(text, i).is_some_and(char::is_alphabetic))
        {
            let mut end = i;
            let mut ascii = true;
            loop {
                end += b
                    .get(end..)
                    .unwrap_or_default()
                    .iter()
                    .position(|d| !d.is_ascii_alphabetic())
                    .unwrap_or(b.len().saturating_sub(end));
                match b.get(end) {
                    Some(&d) if d >= 0x80 => match char_at(text, end) {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            end += ch.len_utf8();
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            tok.kind = Kind::Word;
            tok.end = end;
            tok.cap = c.is_ascii_uppercase();
            if ascii
                && let Some(word) = b.get(start..end)
                && let Some(lw) = tok.lw.get_mut(..word.len())
            {
                match lower
                    .and_then(|l| l.as_bytes().get(start..end))
                    .filter(|l| l.len() == word.len())
                {
                    Some(lowered) => lw.copy_from_slice(lowered),
                    None => {
                        lw.copy_from_slice(word);
                        lw.make_ascii_lowercase();
                    }
                }
                tok.lwn = word.len() as u8;
            }
        } else {
            let ch = char_at(text, i).unwrap_or('\u{FFFD}');
            let len = ch.len_utf8().max(1);
            if ch.is_whitespace() {
                space = true;
                i += len;
                continue;
            }
            tok.kind = Kind::Punct(ch);
            tok.end = i + len;
        }
        i = tok.end.max(i + 1);
        out.push(tok);
        space = false;
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Reads a number starting at the digit at `start`: "55", "2,640",
/// "1,50,000" (Indian grouping), "2.9". Returns the end and the value.
fn scan_number(b: &[u8], start: usize) -> (usize, NumInfo) {
    let digits_end = |mut k: usize| {
        while b.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        k
    };
    // A group ",ddd" (or ",dd") that ends where the digits end.
    let group = |k: usize, n: usize| -> Option<usize> {
        if b.get(k) != Some(&b',') {
            return None;
        }
        let e = digits_end(k + 1);
        (e == k + 1 + n).then_some(e)
    };
    let first_end = digits_end(start);
    let g0 = first_end - start;
    let mut int_end = first_end;
    if g0 <= 3 {
        let mut k = first_end;
        while let Some(e) = group(k, 3) {
            k = e;
        }
        int_end = int_end.max(k);
    }
    if g0 <= 2 {
        let mut k = first_end;
        let mut twos = 0;
        while let Some(e) = group(k, 2) {
            k = e;
            twos += 1;
        }
        if twos > 0
            && let Some(e) = group(k, 3)
        {
            int_end = int_end.max(e);
        }
    }
    let mut info = NumInfo {
        grouped: int_end > first_end,
        ..NumInfo::default()
    };
    let mut int: Option<u64> = Some(0);
    let mut digits: usize = 0;
    for &d in b.get(start..int_end).unwrap_or(&[]) {
        if d.is_ascii_digit() {
            digits += 1;
            int = int
                .and_then(|v| v.checked_mul(10))
                .and_then(|v| v.checked_add(u64::from(d - b'0')));
        }
    }
    info.int = int;
    info.digits = u8::try_from(digits).unwrap_or(u8::MAX);
    let mut end = int_end;
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let frac_end = digits_end(end + 1);
        for &d in b.get(end + 1..frac_end).unwrap_or(&[]) {
            if info.frac_len < 18 {
                info.frac = info.frac * 10 + u64::from(d - b'0');
                info.frac_len += 1;
            }
        }
        info.decimal = true;
        end = frac_end;
    }
    (end, info)
}

thread_local! {
    /// Token buffer reused across calls on one thread, so that `find` does
    /// not allocate for its tokens.
    static SCRATCH: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
}

/// Tokenizes `text` (see [`tokenize`] for `lower`) into a reused buffer and
/// runs `f` over the tokens.
pub(crate) fn with_tokens<R>(text: &str, lower: Option<&str>, f: impl FnOnce(&[Tok]) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut toks) => {
            tokenize(text, lower, &mut toks);
            let r = f(&toks);
            if toks.capacity() > 1 << 14 {
                // Do not keep the buffer of one huge input alive.
                *toks = Vec::new();
            }
            r
        }
        Err(_) => {
            let mut toks = Vec::new();
            tokenize(text, lower, &mut toks);
            f(&toks)
        }
    })
}

/// Whether `c` is a hyphen or dash.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Whether `c` is a hyphen proper (joins words), not a dash.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// The month (1–12) a capitalized word names, and whether it is an
/// abbreviation ("Oct"). "May" is the full name.
pub(crate) fn month(tok: &Tok) -> Option<(i8, bool)> {
    if tok.kind != Kind::Word || !tok.cap {
        return None;
    }
    Some(match tok.w() {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// Whether the 4-digit year-like number spanning tokens `first..end` is used
/// as a year, judging by its neighbours: "in 1947", "since 2021", "May 7,
/// 2025", "the 2021 takeover", "2025 was", but not "2000 people".
pub(crate) fn year_context(t: &[Tok], first: usize, end: usize) -> bool {
    let w = |k: usize| t.get(k).map_or(&[][..], Tok::w);
    // A clock time: "1900 GMT", "0300 hrs".
    if clock_word(w(end)) || matches!(w(end), b"hrs" | b"hours" | b"local") {
        return false;
    }
    if let Some(p) = first.checked_sub(1) {
        let pw = w(p);
        // A toll: "rose to 2000", "a toll of 1900", "killed 2000".
        let tally = |x: &[u8]| {
            matches!(
                x,
                b"toll"
                    | b"total"
                    | b"totalling"
                    | b"totaling"
                    | b"rose"
                    | b"risen"
                    | b"rising"
                    | b"climbed"
                    | b"reached"
                    | b"reaching"
                    | b"increased"
                    | b"jumped"
                    | b"stood"
                    | b"stands"
                    | b"killed"
                    | b"killing"
                    | b"kill"
                    | b"kills"
                    | b"wounded"
                    | b"injured"
                    | b"injuring"
                    | b"lost"
                    | b"claimed"
            )
        };
        if tally(pw)
            || (matches!(pw, b"to" | b"at" | b"of")
                && p.checked_sub(1).is_some_and(|q| tally(w(q))))
        {
            return false;
        }
        let strong = matches!(
            pw,
            b"in"
                | b"since"
                | b"until"
                | b"till"
                | b"through"
                | b"thru"
                | b"before"
                | b"after"
                | b"during"
                | b"early"
                | b"late"
                | b"mid"
                | b"year"
                | b"circa"
                | b"pre"
                | b"post"
                | b"spring"
                | b"summer"
                | b"autumn"
                | b"fall"
                | b"winter"
                | b"by"
                | b"the"
        );
        if strong || t.get(p).and_then(month).is_some() {
            return true;
        }
        match t.get(p).map(|tok| tok.kind) {
            // "May 7, 2025", "Wednesday, 2025"
            Some(Kind::Punct(',')) => {
                if let Some(q) = p.checked_sub(1).and_then(|q| t.get(q)) {
                    let day =
                        q.kind == Kind::Num && q.num.plain().is_some_and(|v| (1..=31).contains(&v));
                    if day || month(q).is_some() || weekday(q).is_some() {
                        return true;
                    }
                }
            }
            // "Pakistan's 2024 budget"
            Some(Kind::Word)
                if pw == b"s"
                    && p.checked_sub(1)
                        .and_then(|q| t.get(q))
                        .is_some_and(|q| matches!(q.kind, Kind::Punct('\'' | '\u{2019}'))) =>
            {
                return true;
            }
            _ => {}
        }
    }
    match t.get(end) {
        None => true,
        Some(tok) => match tok.kind {
            Kind::Punct(c) => c != '%',
            Kind::Num => true,
            Kind::Word => {
                tok.cap
                    || matches!(
                        tok.w(),
                        b"was"
                            | b"is"
                            | b"saw"
                            | b"has"
                            | b"had"
                            | b"will"
                            | b"would"
                            | b"marked"
                            | b"brought"
                            | b"when"
                            | b"while"
                            | b"as"
                            | b"after"
                            | b"before"
                            | b"and"
                            | b"or"
                            | b"to"
                            | b"until"
                            | b"till"
                            | b"through"
                            | b"but"
                            | b"the"
                            | b"a"
                            | b"an"
                            | b"in"
                            | b"on"
                            | b"at"
                            | b"by"
                            | b"for"
                            | b"with"
                            | b"from"
                            | b"that"
                            | b"which"
                            | b"it"
                            | b"he"
                            | b"she"
                            | b"they"
                            | b"we"
                            | b"there"
                            | b"this"
                            | b"his"
                            | b"her"
                            | b"its"
                            | b"their"
                            | b"during"
                            | b"amid"
                    )
            }
        },
    }
}

/// The weekday a capitalized word names.
pub(crate) fn weekday(tok: &Tok) -> Option<jiff::civil::Weekday> {
    use jiff::civil::Weekday;
    if tok.kind != Kind::Word || !tok.cap {
        return None;
    }
    Some(match tok.w() {
        b"monday" => Weekday::Monday,
        b"tuesday" => Weekday::Tuesday,
        b"wednesday" => Weekday::Wednesday,
        b"thursday" => Weekday::Thursday,
        b"friday" => Weekday::Friday,
        b"saturday" => Weekday::Saturday,
        b"sunday" => Weekday::Sunday,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------

/// "one".."nineteen" and "twenty".."ninety": the value and whether it is a
/// multiple of ten from twenty up.
pub(crate) fn small_word(w: &[u8]) -> Option<(u64, bool)> {
    Some(match w {
        b"zero" => (0, false),
        b"one" => (1, false),
        b"two" => (2, false),
        b"three" => (3, false),
        b"four" => (4, false),
        b"five" => (5, false),
        b"six" => (6, false),
        b"seven" => (7, false),
        b"eight" => (8, false),
        b"nine" => (9, false),
        b"ten" => (10, false),
        b"eleven" => (11, false),
        b"twelve" => (12, false),
        b"thirteen" => (13, false),
        b"fourteen" => (14, false),
        b"fifteen" => (15, false),
        b"sixteen" => (16, false),
        b"seventeen" => (17, false),
        b"eighteen" => (18, false),
        b"nineteen" => (19, false),
        b"twenty" => (20, true),
        b"thirty" => (30, true),
        b"forty" | b"fourty" => (40, true),
        b"fifty" => (50, true),
        b"sixty" => (60, true),
        b"seventy" => (70, true),
        b"eighty" => (80, true),
        b"ninety" => (90, true),
        _ => return None,
    })
}

/// Multipliers above a hundred: "thousand", "million", "lakh", "crore", "bn".
fn scale_word(w: &[u8]) -> Option<u64> {
    Some(match w {
        b"thousand" => 1_000,
        b"lakh" | b"lakhs" | b"lac" | b"lacs" => 100_000,
        b"million" | b"mn" | b"mln" => 1_000_000,
        b"crore" | b"crores" => 10_000_000,
        b"billion" | b"bn" | b"bln" => 1_000_000_000,
        b"trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

/// "first" → 1 ... "twentieth" → 20, "hundredth" → 100.
fn ordinal_word(w: &[u8]) -> Option<u64> {
    Some(match w {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"sixtieth" => 60,
        b"seventieth" => 70,
        b"eightieth" => 80,
        b"ninetieth" => 90,
        b"hundredth" => 100,
        b"thousandth" => 1000,
        b"millionth" => 1_000_000,
        _ => return None,
    })
}

/// The denominator a fraction word names, and whether it is plural:
/// "half" (2), "thirds" (3, plural), "quarter" (4), "fifths" (5, plural).
fn fraction_word(w: &[u8]) -> Option<(u64, bool)> {
    match w {
        b"half" => return Some((2, false)),
        b"halves" => return Some((2, true)),
        b"quarter" => return Some((4, false)),
        b"quarters" => return Some((4, true)),
        b"first" | b"second" | b"firsts" | b"seconds" => return None,
        _ => {}
    }
    if let Some(v) = ordinal_word(w) {
        return Some((v, false));
    }
    let stem = w.strip_suffix(b"s")?;
    ordinal_word(stem).map(|v| (v, true))
}

fn duration_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"second"
            | b"seconds"
            | b"sec"
            | b"secs"
            | b"minute"
            | b"minutes"
            | b"min"
            | b"mins"
            | b"hour"
            | b"hours"
            | b"hr"
            | b"hrs"
            | b"day"
            | b"days"
            | b"night"
            | b"nights"
            | b"week"
            | b"weeks"
            | b"fortnight"
            | b"fortnights"
            | b"month"
            | b"months"
            | b"year"
            | b"years"
            | b"yr"
            | b"yrs"
            | b"decade"
            | b"decades"
            | b"century"
            | b"centuries"
    )
}

/// Words after a number that make it a clock time: "10 am", "1400 GMT".
fn clock_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"am" | b"pm" | b"gmt" | b"utc" | b"ist" | b"pkt" | b"bst" | b"cet" | b"edt" | b"est"
    )
}

fn measure_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"km"
            | b"kms"
            | b"kilometre"
            | b"kilometres"
            | b"kilometer"
            | b"kilometers"
            | b"mile"
            | b"miles"
            | b"metre"
            | b"metres"
            | b"meter"
            | b"meters"
            | b"m"
            | b"cm"
            | b"mm"
            | b"centimetres"
            | b"centimeters"
            | b"millimetre"
            | b"millimetres"
            | b"millimeter"
            | b"millimeters"
            | b"ft"
            | b"foot"
            | b"feet"
            | b"inch"
            | b"inches"
            | b"yard"
            | b"yards"
            | b"kg"
            | b"kgs"
            | b"kilo"
            | b"kilos"
            | b"kilogram"
            | b"kilograms"
            | b"gram"
            | b"grams"
            | b"g"
            | b"lb"
            | b"lbs"
            | b"tonne"
            | b"tonnes"
            | b"ton"
            | b"tons"
            | b"kilotons"
            | b"kilotonnes"
            | b"acre"
            | b"acres"
            | b"hectare"
            | b"hectares"
            | b"ha"
            | b"sq"
            | b"square"
            | b"litre"
            | b"litres"
            | b"liter"
            | b"liters"
            | b"gallon"
            | b"gallons"
            | b"barrel"
            | b"barrels"
            | b"bpd"
            | b"megawatt"
            | b"megawatts"
            | b"mw"
            | b"gw"
            | b"kw"
            | b"kwh"
            | b"mwh"
            | b"knots"
            | b"mph"
            | b"kph"
            | b"kmh"
            | b"degree"
            | b"degrees"
            | b"storey"
            | b"storeys"
            | b"nautical"
            | b"calibre"
            | b"caliber"
            | b"magnitude"
    )
}

fn money_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"dollar"
            | b"dollars"
            | b"rupee"
            | b"rupees"
            | b"euro"
            | b"euros"
            | b"pound"
            | b"pounds"
            | b"sterling"
            | b"afghani"
            | b"afghanis"
            | b"yuan"
            | b"renminbi"
            | b"yen"
            | b"riyal"
            | b"riyals"
            | b"rial"
            | b"rials"
            | b"dirham"
            | b"dirhams"
            | b"taka"
            | b"lira"
            | b"liras"
            | b"hryvnia"
            | b"hryvnias"
            | b"ruble"
            | b"rubles"
            | b"rouble"
            | b"roubles"
            | b"shekel"
            | b"shekels"
            | b"cents"
            | b"usd"
            | b"pkr"
            | b"inr"
            | b"eur"
            | b"gbp"
            | b"afn"
            | b"rmb"
            | b"cny"
    )
}

/// Currency codes written before the amount: "Rs 500", "USD 5 million".
fn currency_code(w: &[u8]) -> bool {
    matches!(
        w,
        b"rs"
            | b"usd"
            | b"pkr"
            | b"inr"
            | b"eur"
            | b"gbp"
            | b"afn"
            | b"afs"
            | b"rmb"
            | b"cny"
            | b"sar"
            | b"aed"
    )
}

fn currency_symbol(c: char) -> bool {
    matches!(
        c,
        '$' | '\u{20AC}'
            | '\u{00A3}'
            | '\u{20B9}'
            | '\u{00A5}'
            | '\u{20BD}'
            | '\u{20B4}'
            | '\u{20AA}'
    )
}

/// Capitalized words after which a number is a name, not a count:
/// "Resolution 1701", "Article 370", "Flight 8303".
fn label_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"resolution"
            | b"article"
            | b"articles"
            | b"flight"
            | b"route"
            | b"highway"
            | b"motorway"
            | b"section"
            | b"chapter"
            | b"phase"
            | b"room"
            | b"battalion"
            | b"brigade"
            | b"division"
            | b"corps"
            | b"regiment"
            | b"squadron"
            | b"sector"
            | b"block"
            | b"gate"
            | b"platform"
            | b"terminal"
            | b"no"
            | b"nos"
            | b"number"
            | b"vol"
            | b"volume"
            | b"page"
            | b"level"
            | b"grade"
            | b"class"
            | b"category"
            | b"rule"
            | b"clause"
            | b"paragraph"
            | b"annex"
            | b"item"
            | b"ward"
            | b"tier"
            | b"channel"
            | b"order"
            | b"protocol"
            | b"season"
            | b"episode"
            | b"part"
            | b"stage"
            | b"round"
            | b"version"
            | b"model"
            | b"unit"
            | b"apartment"
    )
}

/// The second word of hyphenated compounds that are not counts:
/// "one-sided", "one-way", "one-off", "one-on-one".
fn non_count_compound(w: &[u8]) -> bool {
    matches!(
        w,
        b"sided"
            | b"way"
            | b"off"
            | b"on"
            | b"time"
            | b"stop"
            | b"liner"
            | b"size"
            | b"shot"
            | b"hit"
    )
}

// ---------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------

enum Step {
    /// An expression, and the token to resume at.
    Found(NumberExpr, usize),
    /// Tokens that hold no expression (an identifier), up to the given one.
    Skip(usize),
    /// Nothing starts at this token.
    Nothing,
}

/// A number core.
#[derive(Clone, Copy, Debug)]
struct Core {
    /// First token.
    first: usize,
    /// One past the last token.
    end: usize,
    n: u64,
    /// Written in digits.
    digits: bool,
    /// The digits as written, before any scale (digits only).
    info: NumInfo,
    /// The scale applied ("million"), 1 if none.
    scale: u64,
    /// A vague quantity ("dozens").
    vague: bool,
    /// The role the core fixes by itself ("21st", "90%", "5km", "14:06").
    role: Option<NumberRole>,
    /// The denominator of a fraction.
    den: Option<u64>,
    /// Money written into the core itself ("$5m" has it from the prefix).
    money: bool,
    /// A year written with a prefix ("mid-2024").
    year: bool,
}

impl Core {
    fn new(first: usize, end: usize, n: u64) -> Core {
        Core {
            first,
            end,
            n,
            digits: false,
            info: NumInfo::default(),
            scale: 1,
            vague: false,
            role: None,
            den: None,
            money: false,
            year: false,
        }
    }

    /// Digits only, no separators, decimals or scale: a year or day candidate.
    fn plain(&self) -> bool {
        self.digits && self.scale == 1 && self.role.is_none() && self.info.plain().is_some()
    }

    fn year_like(&self) -> bool {
        self.plain() && self.info.digits == 4 && (1800..=2100).contains(&self.n)
    }
}

enum CoreStep {
    Core(Core),
    Skip(usize),
    Nothing,
}

/// Read access to a token slice by index, shared by the number and date
/// scanners: out-of-range indices read as nothing, never panic.
pub(crate) trait Tokens {
    /// The tokens.
    fn toks(&self) -> &[Tok];

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks().get(i)
    }

    /// Token `i` in lower case ("" past the end).
    fn w(&self, i: usize) -> &[u8] {
        self.toks().get(i).map_or(&[][..], Tok::w)
    }

    /// Token `i` exists and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        self.toks().get(i).is_some_and(|t| !t.space)
    }

    /// The character of punctuation token `i`.
    fn punct(&self, i: usize) -> Option<char> {
        match self.toks().get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
}

struct Scan<'a> {
    t: &'a [Tok],
}

impl Tokens for Scan<'_> {
    fn toks(&self) -> &[Tok] {
        self.t
    }
}

impl Scan<'_> {
    fn is_num(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Num)
    }

    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn start(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| t.end)
    }

    /// One past the last token glued to token `j` in an identifier-like
    /// chunk ("F-16s", "2025-10-11T21:55:15+00:00", "24/7").
    fn chunk_end(&self, j: usize) -> usize {
        let mut k = j;
        while let Some(t) = self.tok(k + 1) {
            if t.space {
                break;
            }
            let joins = match t.kind {
                Kind::Num | Kind::Word => true,
                Kind::Punct(c) => {
                    (is_hyphen(c) || matches!(c, '/' | ':' | '.' | '+' | '_' | '#' | '&'))
                        && self
                            .tok(k + 2)
                            .is_some_and(|n| !n.space && matches!(n.kind, Kind::Num | Kind::Word))
                }
            };
            if !joins {
                break;
            }
            k += 1;
        }
        k + 1
    }

    fn at(&self, i: usize) -> Step {
        let Some(t) = self.tok(i) else {
            return Step::Nothing;
        };
        match t.kind {
            Kind::Num | Kind::Word => {}
            Kind::Punct(c) if currency_symbol(c) || matches!(c, '~' | '\u{2248}') => {}
            Kind::Punct(_) => return Step::Nothing,
        }
        if let Some(step) = self.between_from(i) {
            return step;
        }
        let (qual, j) = match self.qualifier(i) {
            Some((q, j)) => (Some(q), j),
            None => (None, i),
        };
        let (money, j) = self.currency(j);
        let core = match self.core(j, money, false) {
            CoreStep::Core(c) => c,
            CoreStep::Skip(next) => return Step::Skip(next),
            CoreStep::Nothing => return Step::Nothing,
        };
        // A range: "16-18", "10 to 15", "two or three".
        if let Some(step) = self.range_tail(i, money, &core) {
            return step;
        }
        self.finish(i, qual, money, core, None)
    }

    /// "between 10 and 15", "from 10 to 15".
    fn between_from(&self, i: usize) -> Option<Step> {
        let sep: &[u8] = match self.w(i) {
            b"between" => b"and",
            b"from" => b"to",
            _ => return None,
        };
        let (money, j) = self.currency(i + 1);
        let CoreStep::Core(lo) = self.core(j, money, false) else {
            return None;
        };
        if lo.vague || lo.role.is_some() || lo.den.is_some() {
            return None;
        }
        let dash = self.punct(lo.end).is_some_and(is_dash) && sep == b"and";
        if self.w(lo.end) != sep && !dash {
            return None;
        }
        let (money2, k) = self.currency(lo.end + 1);
        let CoreStep::Core(hi) = self.core(k, money2, true) else {
            return None;
        };
        if hi.vague
            || hi.den.is_some()
            || (hi.role.is_some() && hi.role != Some(NumberRole::Percent))
        {
            return None;
        }
        let (lo_n, hi_n) = share_scale(&lo, &hi)?;
        if hi_n <= lo_n {
            return None;
        }
        let lo = Core { n: lo_n, ..lo };
        let hi = Core { n: hi_n, ..hi };
        Some(self.finish(i, Some(Qualifier::Range), money || money2, lo, Some(hi)))
    }

    /// The qualifier starting at `i`, if a number follows it.
    fn qualifier(&self, i: usize) -> Option<(Qualifier, usize)> {
        use Qualifier as Q;
        if matches!(self.punct(i), Some('~' | '\u{2248}')) {
            // "~100"
            return (self.is_num(i + 1) && self.glued(i + 1)).then_some((Q::About, i + 1));
        }
        let w1 = self.w(i + 1);
        let w2 = self.w(i + 2);
        let (q, len) = match self.w(i) {
            b"at" => match w1 {
                b"least" => (Q::AtLeast, 2),
                b"most" => (Q::AtMost, 2),
                _ => return None,
            },
            b"a" => match (w1, w2) {
                (b"minimum", b"of") => (Q::AtLeast, 3),
                (b"maximum", b"of") => (Q::AtMost, 3),
                _ => return None,
            },
            b"an" => match w1 {
                b"estimated" => (Q::About, 2),
                _ => return None,
            },
            b"no" | b"not" => match (w1, w2) {
                (b"fewer" | b"less", b"than") => (Q::AtLeast, 3),
                (b"more", b"than") => (Q::AtMost, 3),
                _ => return None,
            },
            b"more" => match w1 {
                b"than" => (Q::MoreThan, 2),
                _ => return None,
            },
            b"over" | b"above" | b"exceeding" => (Q::MoreThan, 1),
            b"upwards" => match w1 {
                b"of" => (Q::MoreThan, 2),
                _ => return None,
            },
            b"in" => match (w1, w2) {
                (b"excess", b"of") => (Q::MoreThan, 3),
                _ => return None,
            },
            b"well" => match w1 {
                b"over" | b"above" => (Q::MoreThan, 2),
                b"under" | b"below" => (Q::FewerThan, 2),
                _ => return None,
            },
            b"just" => match (w1, w2) {
                (b"over" | b"above", _) => (Q::MoreThan, 2),
                (b"under" | b"below", _) => (Q::Nearly, 2),
                (b"short", b"of") => (Q::Nearly, 3),
                _ => return None,
            },
            b"up" => match w1 {
                b"to" => (Q::AtMost, 2),
                _ => return None,
            },
            b"as" => match (w1, w2) {
                (b"many" | b"much", b"as") => (Q::AtMost, 3),
                _ => return None,
            },
            b"fewer" | b"less" => match w1 {
                b"than" => (Q::FewerThan, 2),
                _ => return None,
            },
            b"under" | b"below" => (Q::FewerThan, 1),
            b"about" | b"around" | b"some" | b"roughly" | b"approximately" | b"estimated"
            | b"circa" => (Q::About, 1),
            b"approx" => {
                // "approx." keeps its full stop.
                if self.punct(i + 1) == Some('.') && self.glued(i + 1) {
                    (Q::About, 2)
                } else {
                    (Q::About, 1)
                }
            }
            b"nearly" | b"almost" => (Q::Nearly, 1),
            b"close" | b"closer" => match w1 {
                b"to" => (Q::Nearly, 2),
                _ => return None,
            },
            _ => return None,
        };
        let j = i + len;
        // Only a qualifier when a number follows: not "over the weekend",
        // "some of the", "around the city", "under fire".
        let (money, k) = self.currency(j);
        matches!(self.core(k, money, false), CoreStep::Core(_)).then_some((q, j))
    }

    /// A currency symbol or code at `j` that precedes a number: returns
    /// whether there is one and the index of the number.
    fn currency(&self, j: usize) -> (bool, usize) {
        if let Some(c) = self.punct(j) {
            if currency_symbol(c) && self.is_num(j + 1) {
                return (true, j + 1);
            }
            return (false, j);
        }
        let w = self.w(j);
        if w == b"us" && self.punct(j + 1) == Some('$') && self.glued(j + 1) && self.is_num(j + 2) {
            return (true, j + 2);
        }
        if currency_code(w) {
            if self.is_num(j + 1) {
                return (true, j + 1);
            }
            if self.punct(j + 1) == Some('.') && self.glued(j + 1) && self.is_num(j + 2) {
                return (true, j + 2);
            }
        }
        (false, j)
    }

    /// The number core at `j`. `money`: a currency precedes it; `free`: it
    /// is the high end of a range, so what is glued on its left is the
    /// range's dash.
    fn core(&self, j: usize, money: bool, free: bool) -> CoreStep {
        match self.tok(j).map(|t| t.kind) {
            Some(Kind::Num) => self.num_core(j, money, free),
            Some(Kind::Word) => self.word_core(j),
            _ => CoreStep::Nothing,
        }
    }

    fn num_core(&self, j: usize, money: bool, free: bool) -> CoreStep {
        let Some(t) = self.tok(j) else {
            return CoreStep::Nothing;
        };
        let info = t.num;
        let mut core = Core {
            digits: true,
            info,
            ..Core::new(j, j + 1, 0)
        };
        // What is glued on the left.
        if !t.space && j > 0 && !money && !free {
            match self.tok(j - 1).map(|p| p.kind) {
                // "G7", "A320", "M23"
                Some(Kind::Word) => return CoreStep::Skip(self.chunk_end(j)),
                Some(Kind::Punct(c)) if is_hyphen(c) && self.glued(j - 1) && j >= 2 => {
                    if self.is_word(j - 2) {
                        if matches!(
                            self.w(j - 2),
                            b"mid" | b"pre" | b"post" | b"early" | b"late"
                        ) {
                            core.year = true;
                        } else {
                            // "Su-30", "MiG-29", "COVID-19", "IC-814"
                            return CoreStep::Skip(self.chunk_end(j));
                        }
                    } else if self.is_num(j - 2) {
                        return CoreStep::Skip(self.chunk_end(j));
                    }
                }
                Some(Kind::Punct('/' | ':' | '.' | '#' | '+' | '_' | '\\' | '=' | '@' | '&')) => {
                    return CoreStep::Skip(self.chunk_end(j));
                }
                _ => {}
            }
        }
        // A capitalized label before it: "Resolution 1701", "No. 5".
        if !money && !free && j > 0 {
            let p = if self.punct(j - 1) == Some('.') && j >= 2 {
                j - 2
            } else {
                j - 1
            };
            if self.tok(p).is_some_and(|pt| pt.cap) && label_word(self.w(p)) {
                return CoreStep::Skip(self.chunk_end(j));
            }
        }
        // What is glued on the right.
        let k = j + 1;
        if self.glued(k) {
            match self.tok(k).map(|n| n.kind) {
                Some(Kind::Punct('/')) if self.is_num(k + 1) && self.glued(k + 1) => {
                    return CoreStep::Skip(self.chunk_end(j));
                }
                Some(Kind::Punct(':')) if self.is_num(k + 1) && self.glued(k + 1) => {
                    return self.clock(j);
                }
                Some(Kind::Punct('.' | '+')) if self.is_num(k + 1) && self.glued(k + 1) => {
                    // "1.2.3": a version or a dotted date
                    return CoreStep::Skip(self.chunk_end(j));
                }
                Some(Kind::Punct(c))
                    if is_dash(c)
                        && self.is_num(k + 1)
                        && self.glued(k + 1)
                        && self.punct(k + 2).is_some_and(is_dash)
                        && self.glued(k + 2)
                        && self.is_num(k + 3)
                        && self.glued(k + 3) =>
                {
                    // "2025-10-11", "11-10-2025", with any time glued on
                    return CoreStep::Skip(self.chunk_end(j));
                }
                Some(Kind::Word) => return self.num_suffix(core, money),
                _ => {}
            }
        }
        // A scale word after it: "2.9 million", "3 lakh", "two dozen".
        let (scale, end) = match self.w(k) {
            b"hundred" => (100, k + 1),
            b"dozen" => (12, k + 1),
            w => match scale_word(w) {
                Some(s) => (s, k + 1),
                None => (1, k),
            },
        };
        let Some(n) = info.scaled(scale) else {
            return CoreStep::Skip(end);
        };
        core.n = n;
        core.scale = scale;
        core.end = end;
        if money {
            core.money = true;
        }
        CoreStep::Core(core)
    }

    /// A word glued after digits: "21st", "1990s", "5km", "10am", "$5m".
    fn num_suffix(&self, mut core: Core, money: bool) -> CoreStep {
        let j = core.first;
        let k = j + 1;
        let info = core.info;
        let w = self.w(k);
        let role = match w {
            b"st" | b"nd" | b"rd" | b"th" => {
                let Some(v) = info.plain() else {
                    return CoreStep::Skip(self.chunk_end(j));
                };
                core.n = v;
                NumberRole::Ordinal
            }
            b"s" if info.digits == 4 && info.plain().is_some() => {
                core.n = info.int.unwrap_or(0);
                NumberRole::Year
            }
            b"m" | b"mn" | b"bn" | b"k" if money || w != b"m" || self.m_is_million(j) => {
                let scale = match w {
                    b"k" => 1_000,
                    b"bn" => 1_000_000_000,
                    _ => 1_000_000,
                };
                let Some(v) = info.scaled(scale) else {
                    return CoreStep::Skip(k + 1);
                };
                core.n = v;
                core.scale = scale;
                core.end = k + 1;
                core.money = money;
                return CoreStep::Core(core);
            }
            _ if measure_word(w) => {
                core.n = info.int.unwrap_or(0);
                NumberRole::Measure
            }
            _ if clock_word(w) || matches!(w, b"h" | b"hr" | b"hrs" | b"hours") => {
                core.n = info.int.unwrap_or(0);
                NumberRole::Duration
            }
            _ => return CoreStep::Skip(self.chunk_end(j)),
        };
        if info.int.is_none() {
            return CoreStep::Skip(k + 1);
        }
        core.role = Some(role);
        core.end = k + 1;
        CoreStep::Core(core)
    }

    /// Whether "m" glued to the number at `j` means million ("1.5m
    /// people", British usage) rather than metres ("a 5m wall", "10m away").
    fn m_is_million(&self, j: usize) -> bool {
        let k = j + 2;
        if self.glued(k) {
            // "5m-high"
            return false;
        }
        if j > 0 && matches!(self.w(j - 1), b"a" | b"an") {
            return false;
        }
        !matches!(
            self.w(k),
            b"away"
                | b"from"
                | b"high"
                | b"long"
                | b"wide"
                | b"deep"
                | b"tall"
                | b"above"
                | b"below"
                | b"radius"
                | b"square"
                | b"sq"
                | b"up"
                | b"down"
                | b"underground"
                | b"underwater"
                | b"offshore"
                | b"east"
                | b"west"
                | b"north"
                | b"south"
        ) && self.tok(k).is_some_and(|t| t.kind == Kind::Word)
    }

    /// "14:06" (a clock time, n = 1406); "13:58:13" and timestamps are skipped.
    fn clock(&self, j: usize) -> CoreStep {
        let skip = CoreStep::Skip(self.chunk_end(j));
        let (Some(h), Some(m)) = (self.tok(j), self.tok(j + 2)) else {
            return skip;
        };
        let (Some(hh), Some(mm)) = (h.num.plain(), m.num.plain()) else {
            return skip;
        };
        // Three parts, or more glued on ("T21:55:15+00:00") → not a clock time.
        if self.glued(j + 3) && matches!(self.punct(j + 3), Some(':' | '+' | '.' | '-')) {
            return skip;
        }
        if self.glued(j + 3) && self.is_num(j + 3) {
            return skip;
        }
        if hh > 24 || mm > 59 || m.num.digits != 2 {
            return skip;
        }
        let mut end = j + 3;
        if self.glued(end) && (clock_word(self.w(end)) || matches!(self.w(end), b"h" | b"hrs")) {
            end += 1;
        }
        let mut core = Core {
            digits: true,
            info: h.num,
            ..Core::new(j, end, hh * 100 + mm)
        };
        core.role = Some(NumberRole::Duration);
        CoreStep::Core(core)
    }

    fn word_core(&self, j: usize) -> CoreStep {
        let w = self.w(j);
        match w {
            b"a" | b"an" => return self.a_core(j),
            b"half" => {
                // "half a dozen" → 6, "half a million"; "half of", "half the" → ½
                if matches!(self.w(j + 1), b"a" | b"an") {
                    let s = match self.w(j + 2) {
                        b"dozen" => 12,
                        b"hundred" => 100,
                        x => match scale_word(x) {
                            Some(s) => s,
                            None => return CoreStep::Nothing,
                        },
                    };
                    return CoreStep::Core(Core::new(j, j + 3, s / 2));
                }
                if matches!(self.w(j + 1), b"of" | b"the") {
                    let mut c = Core::new(j, j + 1, 1);
                    c.den = Some(2);
                    c.role = Some(NumberRole::Fraction);
                    return CoreStep::Core(c);
                }
                return CoreStep::Nothing;
            }
            b"several" => return self.vague_scaled(j, 3),
            b"dozens" => return vague(j, j + 1, 24),
            b"scores" => {
                let next_ok = matches!(
                    self.w(j + 1),
                    b"of"
                        | b"more"
                        | b"were"
                        | b"had"
                        | b"have"
                        | b"killed"
                        | b"dead"
                        | b"injured"
                        | b"wounded"
                        | b"others"
                        | b"died"
                );
                let prev_bad = j > 0
                    && matches!(
                        self.w(j - 1),
                        b"the"
                            | b"their"
                            | b"his"
                            | b"her"
                            | b"its"
                            | b"our"
                            | b"test"
                            | b"settle"
                            | b"old"
                            | b"high"
                            | b"top"
                            | b"low"
                            | b"settling"
                            | b"exam"
                    );
                return if next_ok && !prev_bad {
                    vague(j, j + 1, 40)
                } else {
                    CoreStep::Nothing
                };
            }
            b"hundreds" => {
                if self.w(j + 1) == b"of" {
                    match self.w(j + 2) {
                        b"thousands" => return vague(j, j + 3, 200_000),
                        b"millions" => return vague(j, j + 3, 200_000_000),
                        _ => {}
                    }
                }
                return vague(j, j + 1, 200);
            }
            b"thousands" => {
                if self.w(j + 1) == b"of" && self.w(j + 2) == b"millions" {
                    return CoreStep::Nothing;
                }
                return vague(j, j + 1, 2_000);
            }
            b"millions" => return vague(j, j + 1, 2_000_000),
            b"billions" => return vague(j, j + 1, 2_000_000_000),
            b"tens" => {
                if self.w(j + 1) == b"of" {
                    match self.w(j + 2) {
                        b"thousands" => return vague(j, j + 3, 20_000),
                        b"millions" => return vague(j, j + 3, 20_000_000),
                        _ => {}
                    }
                }
                return CoreStep::Nothing;
            }
            _ => {}
        }
        // Ordinals: "third", "twenty-first".
        if let Some(v) = ordinal_word(w) {
            let mut c = Core::new(j, j + 1, v);
            c.role = Some(NumberRole::Ordinal);
            return CoreStep::Core(c);
        }
        let Some((_, tens)) = small_word(w) else {
            return CoreStep::Nothing;
        };
        if tens
            && self.punct(j + 1).is_some_and(is_hyphen)
            && self.glued(j + 1)
            && self.glued(j + 2)
            && let Some(u) = ordinal_word(self.w(j + 2)).filter(|u| *u < 10)
        {
            let mut c = Core::new(j, j + 3, small_word(w).map_or(0, |(v, _)| v) + u);
            c.role = Some(NumberRole::Ordinal);
            return CoreStep::Core(c);
        }
        if w == b"one" {
            // "no one", "any one", "every one", "one another"
            let prev = j.checked_sub(1).map_or(&[][..], |p| self.w(p));
            if matches!(prev, b"no" | b"any" | b"every" | b"each") || self.w(j + 1) == b"another" {
                return CoreStep::Skip(j + 1);
            }
        }
        let Some((n, end, scale)) = self.word_cardinal(j) else {
            return CoreStep::Nothing;
        };
        // "two-thirds", "one third of", "three quarters"
        if n > 0 && n < 100 {
            let (fw, fend, hyph) =
                if self.punct(end).is_some_and(is_hyphen) && self.glued(end) && self.glued(end + 1)
                {
                    (self.w(end + 1), end + 2, true)
                } else {
                    (self.w(end), end + 1, false)
                };
            if let Some((den, plural)) = fraction_word(fw) {
                let fits = if n == 1 {
                    !plural && (hyph || self.w(fend) == b"of")
                } else {
                    plural
                };
                if fits && (den > 2 || plural) {
                    let mut c = Core::new(j, fend, n);
                    c.den = Some(den);
                    c.role = Some(NumberRole::Fraction);
                    return CoreStep::Core(c);
                }
            }
        }
        CoreStep::Core(Core {
            scale,
            ..Core::new(j, end, n)
        })
    }

    /// "a dozen", "a hundred", "a few", "a couple of", "a third of".
    fn a_core(&self, j: usize) -> CoreStep {
        let w1 = self.w(j + 1);
        match w1 {
            b"few" => return self.vague_scaled(j + 1, 2).map_first(j),
            b"couple" if self.w(j + 2) == b"of" => return vague(j, j + 2, 2),
            b"hundred" | b"dozen" => {}
            _ if scale_word(w1).is_some() && !matches!(w1, b"mn" | b"bn" | b"mln" | b"bln") => {}
            _ => {
                if let Some((den, false)) = fraction_word(w1)
                    && den > 2
                    && self.w(j + 2) == b"of"
                {
                    // "a quarter of a million" is a number.
                    if matches!(self.w(j + 3), b"a" | b"an")
                        && let Some(s) = scale_word(self.w(j + 4))
                            .filter(|_| !matches!(self.w(j + 4), b"mn" | b"bn" | b"mln" | b"bln"))
                    {
                        return CoreStep::Core(Core::new(j, j + 5, s / den));
                    }
                    let mut c = Core::new(j, j + 2, 1);
                    c.den = Some(den);
                    c.role = Some(NumberRole::Fraction);
                    return CoreStep::Core(c);
                }
                return CoreStep::Nothing;
            }
        }
        match self.word_cardinal(j) {
            Some((n, end, scale)) => CoreStep::Core(Core {
                scale,
                ..Core::new(j, end, n)
            }),
            None => CoreStep::Nothing,
        }
    }

    /// "several" (3) or "few" (2), optionally times "dozen", "hundred",
    /// "thousand", "million": "several hundred" → 300.
    fn vague_scaled(&self, j: usize, base: u64) -> CoreStep {
        let (mult, end) = match self.w(j + 1) {
            b"dozen" => (12, j + 2),
            b"hundred" => (100, j + 2),
            w => match scale_word(w) {
                Some(s) if !matches!(w, b"mn" | b"bn" | b"mln" | b"bln") => (s, j + 2),
                _ => (1, j + 1),
            },
        };
        vague(j, end, base * mult)
    }

    /// A number in words: "one hundred and twenty", "fifty-five", "three
    /// thousand", "a dozen", "two dozen". Returns the value and the end.
    /// The third value is the scale the number ends on ("three thousand":
    /// 1000), 1 if none, so that "two to three thousand" can share it.
    fn word_cardinal(&self, j: usize) -> Option<(u64, usize, u64)> {
        #[derive(Clone, Copy, PartialEq)]
        enum Last {
            Start,
            A,
            Unit,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total: u64 = 0;
        let mut cur: u64 = 0;
        let mut last = Last::Start;
        let mut last_scale = u64::MAX;
        let mut k = j;
        loop {
            let w = self.w(k);
            if let Some((v, tens)) = small_word(w) {
                match last {
                    // "twenty five"
                    Last::Tens if !tens && (1..=9).contains(&v) => {
                        cur += v;
                        last = Last::Unit;
                        k += 1;
                        continue;
                    }
                    Last::Start | Last::Hundred | Last::Scale | Last::And => {}
                    _ => break,
                }
                let mut v = v;
                let mut next = k + 1;
                let mut l = if tens { Last::Tens } else { Last::Unit };
                // "fifty-five"
                if tens
                    && self.punct(next).is_some_and(is_hyphen)
                    && self.glued(next)
                    && self.glued(next + 1)
                    && let Some((u, false)) = small_word(self.w(next + 1))
                    && (1..=9).contains(&u)
                {
                    v += u;
                    next += 2;
                    l = Last::Unit;
                }
                cur = cur.checked_add(v)?;
                last = l;
                k = next;
                continue;
            }
            match w {
                b"a" | b"an"
                    if last == Last::Start
                        && (matches!(self.w(k + 1), b"hundred" | b"dozen")
                            || (scale_word(self.w(k + 1)).is_some()
                                && !matches!(self.w(k + 1), b"mn" | b"bn" | b"mln" | b"bln"))) =>
                {
                    cur = 1;
                    last = Last::A;
                    k += 1;
                }
                b"hundred" if matches!(last, Last::A | Last::Unit | Last::Tens) && cur < 100 => {
                    cur *= 100;
                    last = Last::Hundred;
                    k += 1;
                }
                b"and"
                    if matches!(last, Last::Hundred | Last::Scale)
                        && small_word(self.w(k + 1)).is_some() =>
                {
                    last = Last::And;
                    k += 1;
                }
                b"dozen" if matches!(last, Last::A | Last::Unit | Last::Tens) => {
                    cur = cur.checked_mul(12)?;
                    k += 1;
                    let n = total.checked_add(cur)?;
                    return Some((n, k, 12));
                }
                _ => {
                    let Some(s) = scale_word(w) else { break };
                    if matches!(w, b"mn" | b"bn" | b"mln" | b"bln")
                        || !matches!(last, Last::A | Last::Unit | Last::Tens | Last::Hundred)
                        || s >= last_scale
                    {
                        break;
                    }
                    total = total.checked_add(cur.checked_mul(s)?)?;
                    cur = 0;
                    last_scale = s;
                    last = Last::Scale;
                    k += 1;
                }
            }
        }
        let scale = match last {
            Last::Start | Last::A | Last::And => return None,
            Last::Scale => last_scale,
            Last::Hundred => 100,
            Last::Unit | Last::Tens => 1,
        };
        Some((total.checked_add(cur)?, k, scale))
    }

    /// After a core: "-18", "–20", " to 15", " or three".
    fn range_tail(&self, i: usize, money: bool, lo: &Core) -> Option<Step> {
        if lo.vague || lo.den.is_some() || lo.role.is_some_and(|r| r != NumberRole::Percent) {
            return None;
        }
        let k = lo.end;
        let sep = self.tok(k)?;
        let dash = matches!(sep.kind, Kind::Punct(c) if is_dash(c));
        if !dash && !matches!(self.w(k), b"to" | b"or") {
            return None;
        }
        let (money2, k2) = self.currency(k + 1);
        let CoreStep::Core(hi) = self.core(k2, money2, true) else {
            return None;
        };
        if hi.vague || hi.den.is_some() || hi.digits != lo.digits {
            return None;
        }
        if hi.role.is_some_and(|r| {
            r != NumberRole::Percent && r != NumberRole::Measure && r != NumberRole::Duration
        }) {
            return None;
        }
        let glued = dash && !sep.space && self.glued(k2);
        // "2024-25": a span of years (four-digit ends are judged in `role`).
        if lo.year_like() && hi.plain() && hi.info.digits == 2 && dash && glued {
            let century = lo.n / 100 * 100;
            let mut hi_n = century + hi.n;
            if hi_n < lo.n {
                hi_n += 100;
            }
            if hi_n > lo.n {
                let expr = NumberExpr {
                    start: self.start(i),
                    end: self.end(hi.end - 1),
                    number_start: self.start(lo.first),
                    n: lo.n,
                    n_max: Some(hi_n),
                    qualifier: Qualifier::Range,
                    role: NumberRole::Year,
                };
                return Some(Step::Found(expr, hi.end));
            }
        }
        let Some((lo_n, hi_n)) = share_scale(lo, &hi) else {
            return Some(Step::Skip(hi.end));
        };
        if hi_n <= lo_n {
            // "3-2": a score, not a count; "10 to 5" is not a range.
            return if glued {
                Some(Step::Skip(hi.end))
            } else {
                None
            };
        }
        let lo2 = Core { n: lo_n, ..*lo };
        let mut hi2 = Core { n: hi_n, ..hi };
        if lo.role.is_some() && hi2.role.is_none() {
            hi2.role = lo.role;
        }
        Some(self.finish(i, Some(Qualifier::Range), money || money2, lo2, Some(hi2)))
    }

    /// Builds the expression from `first` (the qualifier or the core) and
    /// decides its role.
    fn finish(
        &self,
        first: usize,
        qual: Option<Qualifier>,
        money: bool,
        core: Core,
        hi: Option<Core>,
    ) -> Step {
        let last = hi.as_ref().unwrap_or(&core);
        let mut end = last.end;
        let mut qualifier = qual.unwrap_or(if core.vague {
            Qualifier::Vague
        } else {
            Qualifier::Exact
        });
        if !core.vague && hi.is_none() && core.role.is_none() {
            if qual.is_none()
                && self.punct(end) == Some('+')
                && self.glued(end)
                && !self.is_num(end + 1)
            {
                // "100+ people"
                qualifier = Qualifier::MoreThan;
                end += 1;
            } else if matches!(qual, None | Some(Qualifier::About))
                && self.punct(end).is_some_and(is_hyphen)
                && self.glued(end)
                && self.glued(end + 1)
                && self.w(end + 1) == b"odd"
            {
                // "40-odd people"
                qualifier = Qualifier::About;
                end += 2;
            }
        }
        let role = match self.role(
            first,
            qual.is_some() && qual != Some(Qualifier::Range),
            money,
            &core,
            last,
            &mut end,
        ) {
            Some(r) => r,
            None => return Step::Skip(end),
        };
        let n_max = match (role, hi) {
            (NumberRole::Fraction, _) => core.den,
            (_, Some(h)) => Some(h.n),
            _ => None,
        };
        let expr = NumberExpr {
            start: self.start(first),
            end: self.end(end - 1),
            number_start: self.start(core.first),
            n: core.n,
            n_max,
            qualifier,
            role,
        };
        Step::Found(expr, end)
    }

    /// The role of a finished expression; `None` to drop it. May extend
    /// `end` over a glued "%".
    fn role(
        &self,
        first: usize,
        qualified: bool,
        money: bool,
        core: &Core,
        last: &Core,
        end: &mut usize,
    ) -> Option<NumberRole> {
        use NumberRole as R;
        let e = *end;
        let day_like = |c: &Core| c.plain() && c.info.digits <= 2 && (1..=31).contains(&c.n);
        // Roles fixed by the core: "21st", "90%", "5km", "14:06", "1990s".
        if let Some(role) = core.role.or(last.role) {
            if role == R::Ordinal && core.digits && (1..=31).contains(&core.n) {
                // "May 21st", "21st of May", "on the 9th"
                let prev_month = core.first > 0 && self.prev_month(core.first);
                let next_month = self.tok(e).and_then(month).is_some()
                    || (self.w(e) == b"of" && self.tok(e + 1).and_then(month).is_some());
                let on_the = core.first >= 2
                    && self.w(core.first - 1) == b"the"
                    && self.w(core.first - 2) == b"on";
                if prev_month || next_month || on_the {
                    return Some(R::DatePart);
                }
            }
            if role == R::Fraction || role == R::Ordinal || role == R::Year {
                return Some(role);
            }
            if role == R::Percent || role == R::Duration || role == R::Measure {
                return Some(if money { R::Money } else { role });
            }
        }
        if money || core.money {
            return Some(R::Money);
        }
        // What follows.
        match self.tok(e).map(|t| t.kind) {
            Some(Kind::Punct('%')) => {
                *end = e + 1;
                return Some(R::Percent);
            }
            Some(Kind::Punct(c))
                if is_hyphen(c) && self.glued(e) && self.glued(e + 1) && self.is_word(e + 1) =>
            {
                // "12-year-old", "two-day", "300-kilometre", "30-strong"
                let w = self.w(e + 1);
                if matches!(
                    w,
                    b"year" | b"years" | b"yr" | b"month" | b"months" | b"week" | b"day"
                ) && self.punct(e + 2).is_some_and(is_hyphen)
                    && self.w(e + 3) == b"old"
                {
                    return Some(R::Age);
                }
                if duration_word(w) {
                    return Some(R::Duration);
                }
                if measure_word(w) {
                    return Some(R::Measure);
                }
                if money_word(w) {
                    return Some(R::Money);
                }
                if matches!(w, b"percent" | b"per") {
                    return Some(R::Percent);
                }
                if non_count_compound(w) {
                    return None;
                }
            }
            Some(Kind::Word) => {
                let w = self.w(e);
                if matches!(w, b"year" | b"years" | b"yr" | b"yrs") && self.w(e + 1) == b"old" {
                    return Some(R::Age);
                }
                if matches!(w, b"percent" | b"pct" | b"percentage")
                    || (w == b"per" && self.w(e + 1) == b"cent")
                {
                    return Some(R::Percent);
                }
                if duration_word(w) {
                    return Some(R::Duration);
                }
                if core.digits
                    && (clock_word(w)
                        || w == b"hrs"
                        || (w == b"o"
                            && matches!(self.punct(e + 1), Some('\'' | '\u{2019}'))
                            && self.w(e + 2) == b"clock")
                        || (matches!(w, b"a" | b"p")
                            && self.punct(e + 1) == Some('.')
                            && self.glued(e + 1)
                            && self.w(e + 2) == b"m"
                            && self.glued(e + 2)))
                {
                    return Some(R::Duration);
                }
                if measure_word(w) && (core.digits || w != b"m") {
                    return Some(R::Measure);
                }
                if money_word(w) || (w == b"of" && money_word(self.w(e + 1))) {
                    return Some(R::Money);
                }
                if !qualified
                    && day_like(core)
                    && day_like(last)
                    && self.tok(e).and_then(month).is_some()
                {
                    // "6 May", "7-10 May"
                    return Some(R::DatePart);
                }
            }
            _ => {}
        }
        // What precedes.
        if let Some(p) = first.checked_sub(1) {
            if matches!(self.w(p), b"aged" | b"age" | b"ages") {
                return Some(R::Age);
            }
            // "Ahmed Khan (45)"
            if !qualified
                && self.punct(p) == Some('(')
                && self.glued(core.first)
                && self.punct(e) == Some(')')
                && self.glued(e)
                && core.plain()
                && (1..=120).contains(&core.n)
                && core.first == last.first
                && p > 0
                && self
                    .tok(p - 1)
                    .is_some_and(|t| t.cap && t.kind == Kind::Word)
            {
                return Some(R::Age);
            }
        }
        if !qualified && day_like(core) && day_like(last) && self.prev_month(core.first) {
            // "May 6", "April 22, 2025", "May 7-10"
            return Some(R::DatePart);
        }
        if core.year && core.plain() {
            return Some(R::Year);
        }
        if !qualified
            && core.year_like()
            && (core.first == last.first || last.year_like())
            && year_context(self.t, first, e)
        {
            return Some(R::Year);
        }
        if core.digits && core.scale == 1 && core.info.decimal {
            // "2.5" alone is no count.
            return Some(R::Measure);
        }
        Some(R::Count)
    }

    /// Whether a month name (capitalized, optionally "Oct.") directly
    /// precedes token `j`.
    fn prev_month(&self, j: usize) -> bool {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        if self.tok(p).and_then(month).is_some() {
            return true;
        }
        self.punct(p) == Some('.')
            && p > 0
            && self
                .tok(p - 1)
                .and_then(month)
                .is_some_and(|(_, abbr)| abbr)
    }
}

impl CoreStep {
    /// Moves the first token of a core back (to include "a" in "a few").
    fn map_first(self, first: usize) -> CoreStep {
        match self {
            CoreStep::Core(c) => CoreStep::Core(Core { first, ..c }),
            other => other,
        }
    }
}

fn vague(first: usize, end: usize, n: u64) -> CoreStep {
    let mut c = Core::new(first, end, n);
    c.vague = true;
    CoreStep::Core(c)
}

/// Applies the high end's scale to a low end written without one ("2-3
/// million" is 2,000,000 to 3,000,000). Returns the two values.
fn share_scale(lo: &Core, hi: &Core) -> Option<(u64, u64)> {
    if hi.scale > 1
        && lo.scale == 1
        && lo.digits
        && hi.digits
        && let Some(v) = lo.info.scaled(hi.scale)
        && v < hi.n
    {
        return Some((v, hi.n));
    }
    if hi.scale > 1
        && lo.scale == 1
        && !lo.digits
        && !hi.digits
        && let Some(v) = lo.n.checked_mul(hi.scale)
        && v < hi.n
    {
        return Some((v, hi.n));
    }
    Some((lo.n, hi.n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberRole as R;
    use Qualifier as Q;

    /// (text, n, n_max, qualifier, role) for each expression found.
    fn f(text: &str) -> Vec<(&str, u64, Option<u64>, Q, R)> {
        find(text)
            .into_iter()
            .map(|e| {
                assert!(e.start <= e.number_start && e.number_start < e.end, "{e:?}");
                (&text[e.start..e.end], e.n, e.n_max, e.qualifier, e.role)
            })
            .collect()
    }

    fn one(text: &str) -> (&str, u64, Option<u64>, Q, R) {
        let v = f(text);
        assert_eq!(v.len(), 1, "{text:?} → {v:?}");
        v[0]
    }

    fn counts(text: &str) -> Vec<(&str, u64)> {
        f(text)
            .into_iter()
            .filter(|e| e.4 == R::Count)
            .map(|e| (e.0, e.1))
            .collect()
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(
            f("Officials said 2,640 people and 55 soldiers, 400,000 refugees and 13,300 homes."),
            vec![
                ("2,640", 2640, None, Q::Exact, R::Count),
                ("55", 55, None, Q::Exact, R::Count),
                ("400,000", 400_000, None, Q::Exact, R::Count),
                ("13,300", 13_300, None, Q::Exact, R::Count),
            ]
        );
        assert_eq!(
            one("About 1,50,000 people left."),
            ("About 1,50,000", 150_000, None, Q::About, R::Count)
        );
        assert_eq!(
            one("a total of 1,000,000 votes"),
            ("1,000,000", 1_000_000, None, Q::Exact, R::Count)
        );
    }

    #[test]
    fn scale_words() {
        assert_eq!(
            one("Some 2.9 million people returned."),
            ("Some 2.9 million", 2_900_000, None, Q::About, R::Count)
        );
        assert_eq!(
            one("15 million others displaced"),
            ("15 million", 15_000_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("home to 1.2 billion people"),
            ("1.2 billion", 1_200_000_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("nearly 3 lakh pilgrims"),
            ("nearly 3 lakh", 300_000, None, Q::Nearly, R::Count)
        );
        assert_eq!(
            one("2 crore voters"),
            ("2 crore", 20_000_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("1.5 lakh troops"),
            ("1.5 lakh", 150_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("two dozen homes"),
            ("two dozen", 24, None, Q::Exact, R::Count)
        );
    }

    #[test]
    fn number_words() {
        assert_eq!(
            one("It said eight soldiers died."),
            ("eight", 8, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("Eight soldiers died."),
            ("Eight", 8, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("One person was killed."),
            ("One", 1, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("fifty-five militants"),
            ("fifty-five", 55, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("twenty one graves"),
            ("twenty one", 21, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("two hundred families"),
            ("two hundred", 200, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("three thousand troops"),
            ("three thousand", 3000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("a hundred houses"),
            ("a hundred", 100, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("a dozen drones"),
            ("a dozen", 12, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("half a dozen posts"),
            ("half a dozen", 6, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("half a million people"),
            ("half a million", 500_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("a quarter of a million people"),
            ("a quarter of a million", 250_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("one hundred and twenty prisoners"),
            ("one hundred and twenty", 120, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("three thousand five hundred and six"),
            (
                "three thousand five hundred and six",
                3506,
                None,
                Q::Exact,
                R::Count
            )
        );
        assert_eq!(
            one("two hundred thousand"),
            ("two hundred thousand", 200_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("ten million"),
            ("ten million", 10_000_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("zero casualties"),
            ("zero", 0, None, Q::Exact, R::Count)
        );
    }

    #[test]
    fn adjacent_words_stay_apart() {
        assert_eq!(
            counts("killed eight and wounded 11"),
            vec![("eight", 8), ("11", 11)]
        );
        assert_eq!(
            counts("downed four of nine missiles and 50 of 62 drones"),
            vec![("four", 4), ("nine", 9), ("50", 50), ("62", 62)]
        );
        assert_eq!(
            counts("one two three"),
            vec![("one", 1), ("two", 2), ("three", 3)]
        );
    }

    #[test]
    fn bare_article_is_not_a_number() {
        assert_eq!(f("Troops killed a commander and an aide."), vec![]);
        assert_eq!(f("A drone hit a house."), vec![]);
        assert_eq!(f("No one was hurt, one another"), vec![]);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            one("16-18 soldiers"),
            ("16-18", 16, Some(18), Q::Range, R::Count)
        );
        assert_eq!(
            one("15–20 Afghan Taliban"),
            ("15–20", 15, Some(20), Q::Range, R::Count)
        );
        assert_eq!(
            one("deaths of 35—40 soldiers"),
            ("35—40", 35, Some(40), Q::Range, R::Count)
        );
        assert_eq!(
            one("between 10 and 15 people"),
            ("between 10 and 15", 10, Some(15), Q::Range, R::Count)
        );
        assert_eq!(
            one("10 to 15 people"),
            ("10 to 15", 10, Some(15), Q::Range, R::Count)
        );
        assert_eq!(
            one("from 10 to 15 people"),
            ("from 10 to 15", 10, Some(15), Q::Range, R::Count)
        );
        assert_eq!(
            one("two or three boats"),
            ("two or three", 2, Some(3), Q::Range, R::Count)
        );
        assert_eq!(
            one("two to three thousand troops"),
            (
                "two to three thousand",
                2000,
                Some(3000),
                Q::Range,
                R::Count
            )
        );
        assert_eq!(
            one("between five and ten million"),
            (
                "between five and ten million",
                5_000_000,
                Some(10_000_000),
                Q::Range,
                R::Count
            )
        );
        assert_eq!(
            one("2-3 million people"),
            (
                "2-3 million",
                2_000_000,
                Some(3_000_000),
                Q::Range,
                R::Count
            )
        );
        assert_eq!(
            one("between 200 and 300 thousand"),
            (
                "between 200 and 300 thousand",
                200_000,
                Some(300_000),
                Q::Range,
                R::Count
            )
        );
        assert_eq!(
            one("about 10-15 people"),
            ("about 10-15", 10, Some(15), Q::Range, R::Count)
        );
        assert_eq!(
            one("10 - 15 people"),
            ("10 - 15", 10, Some(15), Q::Range, R::Count)
        );
        // Not ranges.
        assert_eq!(f("The team won 3-2 at home."), vec![]);
        assert_eq!(counts("raised from 20 to 15"), vec![("20", 20), ("15", 15)]);
    }

    #[test]
    fn year_ranges_and_identifiers_are_not_counts() {
        assert_eq!(
            one("the 2024-25 budget"),
            ("2024-25", 2024, Some(2025), Q::Range, R::Year)
        );
        assert_eq!(
            one("from 2001 to 2021,"),
            ("from 2001 to 2021", 2001, Some(2021), Q::Range, R::Year)
        );
        assert_eq!(
            one("in 1999–2000."),
            ("1999–2000", 1999, Some(2000), Q::Range, R::Year)
        );
        assert_eq!(
            f("help is available 24/7 and on 9/11 and 12/10/2025"),
            vec![]
        );
        assert_eq!(
            f(
                "one Su-30, one MiG-29, three F-16s, an S-400, flight IC-814, COVID-19 and the G7 and M23"
            ),
            vec![
                ("one", 1, None, Q::Exact, R::Count),
                ("one", 1, None, Q::Exact, R::Count),
                ("three", 3, None, Q::Exact, R::Count)
            ]
        );
        assert_eq!(
            f("Published 2025-10-11T21:55:15+00:00 and 2025-10-11 at 13:58:13"),
            vec![]
        );
        assert_eq!(
            f("UN Security Council Resolution 1701 and Article 370"),
            vec![]
        );
    }

    #[test]
    fn qualifiers() {
        let q = |t: &str| one(t).3;
        assert_eq!(
            one("at least 133 fighters"),
            ("at least 133", 133, None, Q::AtLeast, R::Count)
        );
        assert_eq!(q("a minimum of three jets"), Q::AtLeast);
        assert_eq!(q("no fewer than 40 people"), Q::AtLeast);
        assert_eq!(q("no less than 40 people"), Q::AtLeast);
        assert_eq!(q("not less than 40 people"), Q::AtLeast);
        assert_eq!(q("more than 200 wounded"), Q::MoreThan);
        assert_eq!(q("over 40 attackers"), Q::MoreThan);
        assert_eq!(q("upwards of 40 attackers"), Q::MoreThan);
        assert_eq!(q("in excess of 40 attackers"), Q::MoreThan);
        assert_eq!(q("above 40 attackers"), Q::MoreThan);
        assert_eq!(q("up to 40 attackers"), Q::AtMost);
        assert_eq!(q("as many as 40 attackers"), Q::AtMost);
        assert_eq!(q("at most 40 attackers"), Q::AtMost);
        assert_eq!(q("a maximum of 40 attackers"), Q::AtMost);
        assert_eq!(q("no more than 40 attackers"), Q::AtMost);
        assert_eq!(q("fewer than 40 attackers"), Q::FewerThan);
        assert_eq!(q("less than 40 attackers"), Q::FewerThan);
        assert_eq!(q("under 40 attackers"), Q::FewerThan);
        assert_eq!(q("below 40 attackers"), Q::FewerThan);
        assert_eq!(q("about 40 attackers"), Q::About);
        assert_eq!(q("around ten civilians"), Q::About);
        assert_eq!(q("some 200 people"), Q::About);
        assert_eq!(q("roughly 40 attackers"), Q::About);
        assert_eq!(q("an estimated 40 attackers"), Q::About);
        assert_eq!(q("approximately 40 attackers"), Q::About);
        assert_eq!(q("estimated 40 attackers"), Q::About);
        assert_eq!(
            one("approx. 40 attackers"),
            ("approx. 40", 40, None, Q::About, R::Count)
        );
        assert_eq!(q("nearly 80,000 refugees"), Q::Nearly);
        assert_eq!(q("almost 40 attackers"), Q::Nearly);
        assert_eq!(q("close to 40 attackers"), Q::Nearly);
        assert_eq!(q("just under 40 attackers"), Q::Nearly);
        assert_eq!(
            one("more than a dozen"),
            ("more than a dozen", 12, None, Q::MoreThan, R::Count)
        );
        assert_eq!(
            one("At least 35 people"),
            ("At least 35", 35, None, Q::AtLeast, R::Count)
        );
        assert_eq!(
            one("more than $5 million"),
            (
                "more than $5 million",
                5_000_000,
                None,
                Q::MoreThan,
                R::Money
            )
        );
    }

    #[test]
    fn glued_qualifiers() {
        assert_eq!(one("~100 people"), ("~100", 100, None, Q::About, R::Count));
        assert_eq!(
            one("100+ people"),
            ("100+", 100, None, Q::MoreThan, R::Count)
        );
        assert_eq!(
            one("some 40-odd fighters"),
            ("some 40-odd", 40, None, Q::About, R::Count)
        );
        assert_eq!(
            one("40-odd fighters"),
            ("40-odd", 40, None, Q::About, R::Count)
        );
        assert_eq!(f("the 2+2 dialogue and P5+1"), vec![]);
    }

    #[test]
    fn glued_m_is_million_or_metres() {
        assert_eq!(
            one("1.5m people fled"),
            ("1.5m", 1_500_000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("about 2m Afghans"),
            ("about 2m", 2_000_000, None, Q::About, R::Count)
        );
        assert_eq!(one("a 5m wall"), ("5m", 5, None, Q::Exact, R::Measure));
        assert_eq!(
            one("landed 10m away"),
            ("10m", 10, None, Q::Exact, R::Measure)
        );
        assert_eq!(one("a 5m-high wall"), ("5m", 5, None, Q::Exact, R::Measure));
        assert_eq!(
            one("$5m in aid"),
            ("$5m", 5_000_000, None, Q::Exact, R::Money)
        );
    }

    #[test]
    fn qualifier_words_without_numbers() {
        assert_eq!(
            f("Fighting went on over the weekend around the city."),
            vec![]
        );
        assert_eq!(
            f("Some of the troops came under fire, about which little is known."),
            vec![]
        );
        assert_eq!(f("more than that, at least they tried, up to them"), vec![]);
    }

    #[test]
    fn vague_quantities() {
        fn v(t: &str) -> (&str, u64) {
            let e = one(t);
            assert_eq!(e.3, Q::Vague, "{t}");
            (e.0, e.1)
        }
        assert_eq!(v("killing dozens of soldiers"), ("dozens", 24));
        assert_eq!(v("dozens were injured"), ("dozens", 24));
        assert_eq!(v("scores of people"), ("scores", 40));
        assert_eq!(v("hundreds fled"), ("hundreds", 200));
        assert_eq!(v("thousands of deaths"), ("thousands", 2000));
        assert_eq!(
            v("tens of thousands of people"),
            ("tens of thousands", 20_000)
        );
        assert_eq!(
            v("hundreds of thousands fled"),
            ("hundreds of thousands", 200_000)
        );
        assert_eq!(v("several soldiers"), ("several", 3));
        assert_eq!(v("several others were captured"), ("several", 3));
        assert_eq!(v("a few soldiers"), ("a few", 2));
        assert_eq!(v("a couple of drones"), ("a couple", 2));
        assert_eq!(v("millions have crossed"), ("millions", 2_000_000));
        assert_eq!(v("several hundred protesters"), ("several hundred", 300));
        assert_eq!(v("a few dozen posts"), ("a few dozen", 24));
        assert_eq!(
            f("test scores, the old scores, many, multiple, some and a handful"),
            vec![]
        );
    }

    #[test]
    fn roles() {
        let r = |t: &str| one(t).4;
        assert_eq!(r("in 1947"), R::Year);
        assert_eq!(r("since 2021 the group"), R::Year);
        assert_eq!(r("2025 was deadly"), R::Year);
        assert_eq!(r("the 2021 takeover"), R::Year);
        assert_eq!(
            one("2000 people were killed"),
            ("2000", 2000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("at least 2000 people"),
            ("at least 2000", 2000, None, Q::AtLeast, R::Count)
        );
        assert_eq!(
            f("on May 7, 2025 and 6 May"),
            vec![
                ("7", 7, None, Q::Exact, R::DatePart),
                ("2025", 2025, None, Q::Exact, R::Year),
                ("6", 6, None, Q::Exact, R::DatePart)
            ]
        );
        assert_eq!(r("on April 22"), R::DatePart);
        assert_eq!(r("on the 9th"), R::DatePart);
        assert_eq!(r("Oct. 12"), R::DatePart);
        assert_eq!(r("May 21st"), R::DatePart);
        assert_eq!(r("the 5th Division"), R::Ordinal);
        assert_eq!(one("90% of"), ("90%", 90, None, Q::Exact, R::Percent));
        assert_eq!(r("90 percent"), R::Percent);
        assert_eq!(r("12 per cent"), R::Percent);
        assert_eq!(r("300 kilometers"), R::Measure);
        assert_eq!(r("a 1,600 mile-long border"), R::Measure);
        assert_eq!(r("2,640 km"), R::Measure);
        assert_eq!(r("a 300-kilometre range"), R::Measure);
        assert_eq!(r("5km away"), R::Measure);
        assert_eq!(r("four hours"), R::Duration);
        assert_eq!(r("88 hours"), R::Duration);
        assert_eq!(r("three years of war"), R::Duration);
        assert_eq!(r("a two-day truce"), R::Duration);
        assert_eq!(r("at 10 am"), R::Duration);
        assert_eq!(r("at 10 a.m. local time"), R::Duration);
        assert_eq!(r("at 10pm"), R::Duration);
        assert_eq!(
            one("at 14:06 IST"),
            ("14:06", 1406, None, Q::Exact, R::Duration)
        );
        assert_eq!(
            one("$5 million"),
            ("$5 million", 5_000_000, None, Q::Exact, R::Money)
        );
        assert_eq!(r("$5m"), R::Money);
        assert_eq!(r("Rs 500 crore"), R::Money);
        assert_eq!(r("Rs.500"), R::Money);
        assert_eq!(r("500 rupees"), R::Money);
        assert_eq!(r("USD 20 billion"), R::Money);
        assert_eq!(r("US$20"), R::Money);
        assert_eq!(r("€3 billion"), R::Money);
        assert_eq!(r("the 21st century"), R::Ordinal);
        assert_eq!(
            one("the third attack"),
            ("third", 3, None, Q::Exact, R::Ordinal)
        );
        assert_eq!(
            one("the twenty-first"),
            ("twenty-first", 21, None, Q::Exact, R::Ordinal)
        );
        assert_eq!(
            one("a third of"),
            ("a third", 1, Some(3), Q::Exact, R::Fraction)
        );
        assert_eq!(
            one("two-thirds of"),
            ("two-thirds", 2, Some(3), Q::Exact, R::Fraction)
        );
        assert_eq!(
            one("three quarters of"),
            ("three quarters", 3, Some(4), Q::Exact, R::Fraction)
        );
        assert_eq!(
            one("half of the"),
            ("half", 1, Some(2), Q::Exact, R::Fraction)
        );
        assert_eq!(r("a boy aged 12"), R::Age);
        assert_eq!(r("a 12-year-old"), R::Age);
        assert_eq!(r("a three-year-old"), R::Age);
        assert_eq!(r("he was 45 years old"), R::Age);
        assert_eq!(r("Ahmed Khan (45) was"), R::Age);
        assert_eq!(one("the 1990s"), ("1990s", 1990, None, Q::Exact, R::Year));
        assert_eq!(r("mid-2024"), R::Year);
        assert_eq!(r("a 2.5 rise"), R::Measure);
        assert_eq!(r("a 30-strong unit"), R::Count);
    }

    #[test]
    fn years_against_counts() {
        assert_eq!(
            one("The toll rose to 2000."),
            ("2000", 2000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("a death toll of 1900,"),
            ("1900", 1900, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("the raid killed 2000."),
            ("2000", 2000, None, Q::Exact, R::Count)
        );
        assert_eq!(
            one("at 1900 GMT"),
            ("1900", 1900, None, Q::Exact, R::Duration)
        );
        assert_eq!(
            one("postponed to 2027."),
            ("2027", 2027, None, Q::Exact, R::Year)
        );
        assert_eq!(
            one("In 2021, the Taliban"),
            ("2021", 2021, None, Q::Exact, R::Year)
        );
    }

    #[test]
    fn qualified_roles_keep_qualifier() {
        assert_eq!(
            one("about four hours after"),
            ("about four", 4, None, Q::About, R::Duration)
        );
        assert_eq!(
            one("more than 90%"),
            ("more than 90%", 90, None, Q::MoreThan, R::Percent)
        );
        assert_eq!(
            one("10-15% of"),
            ("10-15%", 10, Some(15), Q::Range, R::Percent)
        );
    }

    #[test]
    fn offsets_are_bytes() {
        let text = "Über 12 Menschen — at least 5 people";
        let found = find(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].start..found[0].end], "12");
        assert_eq!(&text[found[1].start..found[1].end], "at least 5");
        assert_eq!(&text[found[1].number_start..found[1].end], "5");
    }

    #[test]
    fn overflow_and_junk_never_panic() {
        let long = "x".repeat(100);
        assert_eq!(f("99999999999999999999999 people"), vec![]);
        assert_eq!(f("18446744073709551615 people").len(), 1);
        assert_eq!(f("99999999999999 billion"), vec![]);
        for text in [
            "",
            " ",
            "-",
            "1",
            "1,",
            "1,0",
            "1.",
            ".5",
            "a",
            "an",
            "at least",
            "between 1 and",
            "from 5 to",
            "half a",
            "a few",
            "twenty-",
            "—40",
            "৩০ জন",
            "١٢ شخصا",
            "🙂 12 🙂",
            "1-",
            "2025-",
            "2025-10-",
            "12:",
            ":30",
            "$",
            "Rs.",
            "(45",
            "45)",
            "1,000,",
            "tens of",
            "hundreds of",
            "a couple",
            "the 1st",
            "\u{0}\u{1}",
            "1\u{301}2",
            "one-",
            "fifty-five-",
            &long,
        ] {
            let _ = find(text);
        }
        // Every prefix of a busy sentence, cut on char boundaries.
        let s = "At least 1,200–1,500 (about 2.5 million) Su-30s hit on May 7, 2025 at 14:06; two-thirds €5bn.";
        for (i, _) in s.char_indices() {
            for e in find(&s[..i]) {
                assert!(e.start <= e.number_start && e.end <= i);
            }
            let _ = find(&s[i..]);
        }
    }
}
