//! Sentence splitting for English news text, with a kind for every piece.
//!
//! [`split`] cuts a document's text into [`Sentence`]s: byte offsets into the
//! text, trimmed of surrounding white space, in order, never overlapping and
//! never empty. Each sentence also says which *paragraph* it belongs to and
//! what *kind* of text it is (prose, a heading, a photo caption, a photo
//! credit or page furniture), so later stages can read claims from prose and
//! skip "(Saifullah Zahir/AP)" or "Published: October 12, 2025".
//!
//! # Terms
//!
//! - A **line** ends at a line break: `\n`, `\r\n`, a lone `\r`, or one of
//!   Unicode's other mandatory breaks (VT, FF, NEL, U+2028, U+2029).
//! - A **paragraph** is one non-empty line. News text extracted from web pages
//!   puts one paragraph per line, with or without blank lines in between, so
//!   every non-empty line counts as its own paragraph and blank lines only
//!   separate. Sentences never cross a line break.
//! - A **credit** names who took a photo or wrote the wire copy:
//!   "(Saifullah Zahir/AP)", "(Photo: Reuters)", "| Photo: X", "File photo",
//!   "Reuters" alone on a line, "Reporting by …".
//! - A **caption** is the text a credit belongs to: the text before a credit
//!   on the same line, or a line directly followed by a credit-only line.
//!
//! # How boundaries are found
//!
//! A hand-written byte scanner, one pass per line, looks for `.`, `!`, `?`,
//! `…` (and the full stops of a few other scripts). A terminator ends a
//! sentence when it is followed by white space and then by something that can
//! start a sentence (not a lower-case letter, not `,` or `;`), unless:
//!
//! - the word before a single `.` is a title (Mr, Dr, Gen, Lt, St, …): never;
//! - it is "e.g.", "i.e.", "vs.", "approx.": never;
//! - it is "No.", "Jan." … "Dec.", "Rs." followed by a digit: never;
//! - it is an initial ("J. Smith"), a dotted initialism ("U.S.", "U.N.",
//!   "a.m.", "A.P."), or "Jr.", "Inc.", "Sun." and the like: only when the next
//!   word is a closed-class sentence opener ("The", "He", "It", "But", …) or
//!   an opening quote. So "U.S. President" and "10 p.m. Sunday" stay whole
//!   while "…in the U.S. The army said…" splits;
//! - it is an ellipsis: same rule as an initialism;
//! - it sits inside an open double quotation (“…” or "…") that closes later
//!   on the same line, and the quotation has run for at most 400 bytes: the
//!   quote and its attribution ("…run out. Now it is war,” he said.) stay one
//!   sentence.
//!
//! Decimals ("2.9 million") and "U.S.-led" need no rule: a terminator not
//! followed by white space never ends a sentence.
//!
//! Decision: a hand scanner rather than UAX #29 sentence boundaries
//! (`unicode-segmentation`) plus a merge pass. UAX #29 splits "Mr. Asif" and
//! "Lt. Gen." and knows nothing of quotations or credits, so the merge pass
//! would redo most of the work; and UAX #29 alone ran at 57 MB/s on the
//! `sitrep-bench` corpus where this whole module runs at about 300 MB/s (one
//! core of the 2-core development machine; see BENCHMARKS.md). The speed comes
//! from skipping plain ASCII eight bytes at a time and from cheap filters in
//! front of every word-list test. Every rule looks at a bounded window around
//! one position, so the cost is linear in the text length whatever the input
//! (no quadratic case on long lines).
//!
//! # Kinds of lines
//!
//! Each line is classified before it is split, in this order:
//!
//! 1. a leading "date 2025-10-12" or ISO timestamp glued to the line is cut
//!    off as [`SentenceKind::Boilerplate`];
//! 2. bylines, timestamps, dates alone on a line, "Sign up…", "Subscribe…",
//!    "LIVE TV", "Read more", "Advertisement", "Also read:", "Follow us…",
//!    "Share this article": the whole line is one `Boilerplate` sentence;
//! 3. a credit alone on a line: one [`SentenceKind::Credit`] sentence;
//! 4. a line ending with a credit ("… in Afghanistan (Saifullah Zahir/AP)",
//!    "… the strikes. | Photo: X"): the text before is split into
//!    [`SentenceKind::Caption`] sentences and the credit is its own `Credit`
//!    sentence, so it is never glued to the next sentence. A bare agency in
//!    brackets ("(AFP)") is split off the same way, but the text before keeps
//!    its own kind;
//! 5. a line with no sentence-final punctuation, shorter than 120 characters
//!    and followed by a line break: [`SentenceKind::Heading`]. A trailing
//!    ellipsis counts as final punctuation unless the line is in Title Case
//!    (a cut headline). The last line of a text that does not end with a line
//!    break is read as a cut-off sentence, not a heading;
//! 6. otherwise [`SentenceKind::Prose`], or `Caption` when the next line,
//!    after a single line break, is a credit alone, or when the next line is
//!    the same caption followed by its credit.
//!
//! A credit can also sit inside a line whose breaks were lost
//! ("… in Kabul (Name Surname/AP) Mr Asif said …"): it is cut out as a
//! `Credit` sentence, the text before it becomes a `Caption`. And when the
//! last sentence of a line is a credit ("Troops patrol the border. Photo:
//! Reuters"), it becomes `Credit` and the sentence before it `Caption`.
//!
//! # What this module does not do
//!
//! It does not tokenise, find numbers, or decide which sentences hold claims;
//! it does not remove anything (every non-blank byte of the text is in some
//! sentence, boilerplate included); and it knows English conventions only:
//! other languages get a plain split at their full stops.

/// What a stretch of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentenceKind {
    /// Ordinary prose.
    Prose,
    /// A headline or section heading: a short line without final punctuation.
    Heading,
    /// A photo caption (often followed by a credit).
    Caption,
    /// A credit line such as "(Name/AP)" or "| Photo: X", not prose.
    Credit,
    /// Page furniture: bylines, timestamps, "Sign up to…", navigation.
    Boilerplate,
}

/// One sentence: byte offsets into the text, trimmed of surrounding white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the paragraph (blocks separated by line breaks), from 0.
    pub paragraph: u32,
    /// What the sentence is.
    pub kind: SentenceKind,
}

impl Sentence {
    /// The sentence's words in `text`, the string it was split from.
    ///
    /// Returns `""` when the offsets do not fit `text` (a sentence from
    /// another string), never panics.
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_extract::sentences::split;
    /// let text = "Mr. Asif spoke. He left.";
    /// let s = split(text);
    /// assert_eq!(s[0].as_str(text), "Mr. Asif spoke.");
    /// assert_eq!(s[1].as_str(text), "He left.");
    /// ```
    pub fn as_str<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True for prose, headings and captions: text that may state a figure.
    pub fn is_content(&self) -> bool {
        matches!(
            self.kind,
            SentenceKind::Prose | SentenceKind::Heading | SentenceKind::Caption
        )
    }
}

/// Splits `text` into sentences, in order, never overlapping.
///
/// Offsets are byte offsets on `char` boundaries. Every sentence is
/// non-empty and has no leading or trailing white space. See the module
/// documentation for the rules.
///
/// # Example
///
/// ```
/// use sitrep_extract::sentences::{split, SentenceKind};
///
/// let text = "Deepening tensions\n\
///             Lt. Gen. Ahmed said 2.9 million people fled. \u{201c}It is war. We are ready,\u{201d} he said.\n\
///             Smoke rises over a border post (Jane Doe/AP)";
/// let got: Vec<(&str, u32, SentenceKind)> =
///     split(text).iter().map(|s| (s.as_str(text), s.paragraph, s.kind)).collect();
/// assert_eq!(got, [
///     ("Deepening tensions", 0, SentenceKind::Heading),
///     ("Lt. Gen. Ahmed said 2.9 million people fled.", 1, SentenceKind::Prose),
///     ("\u{201c}It is war. We are ready,\u{201d} he said.", 1, SentenceKind::Prose),
///     ("Smoke rises over a border post", 2, SentenceKind::Caption),
///     ("(Jane Doe/AP)", 2, SentenceKind::Credit),
/// ]);
/// ```
pub fn split(text: &str) -> Vec<Sentence> {
    let lines = lines(text);
    let mut out = Vec::with_capacity(text.len() / 96 + 1);
    for (idx, line) in lines.iter().enumerate() {
        let para = u32::try_from(idx).unwrap_or(u32::MAX);
        split_line(text, line, lines.get(idx + 1), para, &mut out);
    }
    out
}

/// A quotation open for longer than this (in bytes) no longer blocks splits:
/// it is more likely an unbalanced mark than one very long quote.
const MAX_QUOTE: usize = 400;

/// Headings are shorter than this many characters.
const MAX_HEADING_CHARS: usize = 120;

// ---------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------

/// A non-empty line, trimmed.
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    /// How many line breaks follow before the next non-empty line (or the end
    /// of the text); 0 when the text ends on this line without a break.
    breaks_after: u32,
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out: Vec<Line> = Vec::with_capacity(text.len() / 256 + 1);
    let mut pos = 0;
    loop {
        let (brk, brk_len) = find_break(bytes, pos);
        let (s, e) = trim_bounds(text, pos, brk);
        if s < e {
            out.push(Line {
                start: s,
                end: e,
                breaks_after: 0,
            });
        }
        if brk_len == 0 {
            break;
        }
        if let Some(last) = out.last_mut() {
            last.breaks_after = last.breaks_after.saturating_add(1);
        }
        pos = brk + brk_len;
    }
    out
}

/// The first offset at or after `pos` of the 8-byte word that holds a byte
/// below `below` (at most 0x80) or a non-ASCII byte; `bytes.len()` rounded
/// down to a word when there is none. Everything skipped is plain ASCII at or
/// above `below`, so callers scan on from the returned offset byte by byte.
///
/// A word-at-a-time ("SWAR") test: on English text it skips eight bytes per
/// step where a byte loop would branch eight times, which doubles the
/// splitter's speed.
fn skip_plain_ascii(bytes: &[u8], pos: usize, below: u8) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let low = ONES.wrapping_mul(u64::from(below));
    let mut i = pos;
    let Some(rest) = bytes.get(pos..) else {
        return pos;
    };
    for chunk in rest.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        // High bit set in a byte lane: a non-ASCII byte, or (for ASCII lanes)
        // a byte below `below` (the classic "has less than" test).
        if (x | (x.wrapping_sub(low) & !x)) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// The next line break at or after `pos`: its offset and its length in bytes,
/// or `(bytes.len(), 0)` when there is none.
fn find_break(bytes: &[u8], pos: usize) -> (usize, usize) {
    let mut i = skip_plain_ascii(bytes, pos, 0x0E);
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\n' | 0x0B | 0x0C => return (i, 1),
            b'\r' => {
                return (
                    i,
                    if bytes.get(i + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    },
                );
            }
            // U+0085 NEXT LINE
            0xC2 if bytes.get(i + 1) == Some(&0x85) => return (i, 2),
            // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                return (i, 3);
            }
            _ => i += 1,
        }
    }
    (bytes.len(), 0)
}

/// White space for trimming: Unicode White_Space plus the invisible marks
/// that web text leaves at line edges (BOM, zero-width space, word joiner).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

/// `a..b` with surrounding white space removed, as offsets into `text`.
fn trim_bounds(text: &str, a: usize, b: usize) -> (usize, usize) {
    let Some(seg) = text.get(a..b) else {
        return (a, a);
    };
    let t = seg.trim_start_matches(is_space);
    let s = a + (seg.len() - t.len());
    let e = s + t.trim_end_matches(is_space).len();
    (s, e)
}

fn push(out: &mut Vec<Sentence>, text: &str, a: usize, b: usize, para: u32, kind: SentenceKind) {
    let (start, end) = trim_bounds(text, a, b);
    if start < end {
        out.push(Sentence {
            start,
            end,
            paragraph: para,
            kind,
        });
    }
}

fn split_line(text: &str, line: &Line, next: Option<&Line>, para: u32, out: &mut Vec<Sentence>) {
    let (mut s, e) = (line.start, line.end);
    let Some(mut l) = text.get(s..e) else {
        return;
    };
    if let Some(n) = date_stamp_prefix(l) {
        push(out, text, s, s + n, para, SentenceKind::Boilerplate);
        s = trim_bounds(text, s + n, e).0;
        l = text.get(s..e).unwrap_or("");
        if l.is_empty() {
            return;
        }
    }
    if is_boilerplate_line(l) {
        push(out, text, s, e, para, SentenceKind::Boilerplate);
        return;
    }
    if is_credit_line(l) {
        push(out, text, s, e, para, SentenceKind::Credit);
        return;
    }
    if let Some((c, captioned)) = credit_suffix(l) {
        let (cs, ce) = trim_bounds(text, s, s + c);
        let kind = if captioned {
            SentenceKind::Caption
        } else {
            line_kind(text.get(cs..ce).unwrap_or(""), true, None)
        };
        split_span(text, cs, ce, para, kind, out);
        push(out, text, s + c, e, para, SentenceKind::Credit);
        return;
    }
    let next_line = next.map(|n| (text.get(n.start..n.end).unwrap_or(""), line.breaks_after));
    let kind = line_kind(l, line.breaks_after > 0, next_line);
    split_span(text, s, e, para, kind, out);
}

/// Heading, caption or prose, for a line that is neither furniture nor credit.
/// `next` is the next non-empty line and the number of breaks before it.
fn line_kind(l: &str, terminated: bool, next: Option<(&str, u32)>) -> SentenceKind {
    if terminated && is_heading(l) {
        return SentenceKind::Heading;
    }
    if let Some((n, breaks)) = next {
        if breaks == 1 && is_credit_line(n) {
            return SentenceKind::Caption;
        }
        if n.len() > l.len()
            && n.starts_with(l)
            && let Some((c, true)) = credit_suffix(n)
            && n.get(..c)
                .is_some_and(|cap| cap.trim_matches(is_space) == l)
        {
            return SentenceKind::Caption;
        }
    }
    SentenceKind::Prose
}

// ---------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------

/// Bytes at which the scanner has something to do: terminators, quotes, `)`
/// and the lead bytes of the multi-byte characters it cares about.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'"' as usize] = true;
    t[b')' as usize] = true;
    t[0xC2] = true; // « »
    t[0xD8] = true; // ؟
    t[0xDB] = true; // ۔
    t[0xE0] = true; // ।
    t[0xE2] = true; // “ ” …
    t[0xE3] = true; // 。
    t[0xEF] = true; // ！ ？
    t
};

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|t| t.chars().next())
}

/// Scans one line (or the caption part of one) and pushes its sentences.
struct Scanner<'t> {
    text: &'t str,
    end: usize,
    para: u32,
    kind: SentenceKind,
    /// Where the open double quotation started, if one is open.
    quote_open: Option<usize>,
    /// Offset of the last closing double quote mark (” " ») in the span,
    /// computed on first need.
    last_close: Option<Option<usize>>,
    /// Offset of the last straight double quote in the span.
    last_straight: Option<Option<usize>>,
}

fn split_span(
    text: &str,
    s: usize,
    e: usize,
    para: u32,
    kind: SentenceKind,
    out: &mut Vec<Sentence>,
) {
    let Some(span) = text.get(s..e) else {
        return;
    };
    if span.is_empty() {
        return;
    }
    let first = out.len();
    let mut sc = Scanner {
        text,
        end: e,
        para,
        kind,
        quote_open: None,
        last_close: None,
        last_straight: None,
    };
    let bytes = text.as_bytes().get(..e).unwrap_or_default();
    let mut start = s;
    let mut i = s;
    while i < e {
        let Some(&b) = bytes.get(i) else { break };
        if !INTERESTING[usize::from(b)] {
            i = skip_boring(bytes, i + 1);
            continue;
        }
        i = match b {
            b'.' | b'!' | b'?' => sc.terminator(i, &mut start, out),
            b'"' => {
                sc.straight_quote(i, s);
                i + 1
            }
            b')' => sc.close_paren(i, &mut start, out),
            // Lead bytes of multi-byte characters: `i` is on a char boundary
            // because only ASCII and these lead bytes stop the scan.
            _ => match char_at(text, i) {
                Some(c) if is_terminator(c) => sc.terminator(i, &mut start, out),
                Some(c) => {
                    match c {
                        '“' | '«' => sc.open_quote(i, s),
                        '”' | '»' => sc.quote_open = None,
                        _ => {}
                    }
                    i + c.len_utf8()
                }
                None => i + 1,
            },
        };
    }
    push(out, text, start, e, para, kind);
    relabel_credits(text, first, out);
}

/// The first offset at or after `pos` of the 8-byte word that may hold a
/// byte the scanner stops at (`.`, `!`, `?`, `"`, `)` or any non-ASCII
/// byte); see [`skip_plain_ascii`] for the technique.
fn skip_boring(bytes: &[u8], pos: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut i = pos;
    let Some(rest) = bytes.get(pos..) else {
        return pos;
    };
    for chunk in rest.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        let hit = (x & HIGH)
            | has_zero(x ^ ONES.wrapping_mul(u64::from(b'.')))
            | has_zero(x ^ ONES.wrapping_mul(u64::from(b'!')))
            | has_zero(x ^ ONES.wrapping_mul(u64::from(b'?')))
            | has_zero(x ^ ONES.wrapping_mul(u64::from(b'"')))
            | has_zero(x ^ ONES.wrapping_mul(u64::from(b')')));
        if hit != 0 {
            break;
        }
        i += 8;
    }
    i
}

impl Scanner<'_> {
    fn sentence(&self, out: &mut Vec<Sentence>, a: usize, b: usize, kind: SentenceKind) {
        push(out, self.text, a, b, self.para, kind);
    }

    fn last_close(&mut self, span_start: usize) -> Option<usize> {
        let (text, end) = (self.text, self.end);
        *self.last_close.get_or_insert_with(|| {
            text.get(span_start..end)
                .and_then(|t| t.rfind(['”', '"', '»']))
                .map(|p| span_start + p)
        })
    }

    fn last_straight(&mut self, span_start: usize) -> Option<usize> {
        let (text, end) = (self.text, self.end);
        *self.last_straight.get_or_insert_with(|| {
            text.get(span_start..end)
                .and_then(|t| t.rfind('"'))
                .map(|p| span_start + p)
        })
    }

    /// An opening curly quote or guillemet: a quotation opens if some mark
    /// later on the line can close it.
    fn open_quote(&mut self, i: usize, span_start: usize) {
        if self.quote_open.is_none() && self.last_close(span_start).is_some_and(|c| c > i) {
            self.quote_open = Some(i);
        }
    }

    /// A straight double quote closes an open quotation, or opens one when
    /// another straight quote follows on the line.
    fn straight_quote(&mut self, i: usize, span_start: usize) {
        if self.quote_open.is_some() {
            self.quote_open = None;
        } else if self.last_straight(span_start).is_some_and(|c| c > i) {
            self.quote_open = Some(i);
        }
    }

    /// Handles a run of terminators starting at `i`; returns where to go on.
    fn terminator(&mut self, i: usize, start: &mut usize, out: &mut Vec<Sentence>) -> usize {
        let text = self.text;
        let e = self.end;
        let mut j = i;
        let (mut dots, mut other, mut ellipsis, mut wide) = (0u32, false, false, false);
        while j < e {
            let Some(c) = char_at(text, j) else { break };
            match c {
                '.' => dots += 1,
                '!' | '?' | '؟' | '۔' | '।' => other = true,
                '…' => ellipsis = true,
                '。' | '！' | '？' => wide = true,
                _ => break,
            }
            j += c.len_utf8();
        }
        if dots >= 2 && !other {
            ellipsis = true;
        }
        let single_period = dots == 1 && !other && !ellipsis && !wide;
        // Closing quotes and brackets stay with the sentence they end.
        while j < e {
            let Some(c) = char_at(text, j) else { break };
            match c {
                '"' | '”' | '»' => self.quote_open = None,
                '’' | '\'' | ')' | ']' | '›' => {}
                _ => break,
            }
            j += c.len_utf8();
        }
        if j >= e {
            return e;
        }
        let Some(c) = char_at(text, j) else { return e };
        if !wide && !is_space(c) {
            return j;
        }
        let k = skip_spaces(text, j, e);
        if k >= e {
            return e;
        }
        let Some(n) = char_at(text, k) else { return e };
        let split = wide || self.may_split(i, single_period, ellipsis, k, n);
        if !split {
            return k;
        }
        self.sentence(out, *start, j, self.kind);
        *start = k;
        k
    }

    /// Whether the terminator at `i`, followed after white space by `n` at
    /// `k`, ends a sentence.
    fn may_split(&self, i: usize, single_period: bool, ellipsis: bool, k: usize, n: char) -> bool {
        if !can_start(n) {
            return false;
        }
        if self
            .quote_open
            .is_some_and(|p| i.saturating_sub(p) <= MAX_QUOTE)
        {
            return false;
        }
        if ellipsis {
            return strong_start(self.text, k, n);
        }
        if single_period {
            match abbreviation(self.text, i) {
                Abbr::Never => return false,
                Abbr::BeforeDigit if n.is_ascii_digit() => return false,
                Abbr::Ambiguous => return strong_start(self.text, k, n),
                Abbr::BeforeDigit | Abbr::No => {}
            }
        }
        true
    }

    /// A `)` closing a credit in the middle of a line ("… (Name/AP) Mr Asif
    /// said …"): cut the credit out as its own sentence.
    fn close_paren(&mut self, i: usize, start: &mut usize, out: &mut Vec<Sentence>) -> usize {
        let (text, e) = (self.text, self.end);
        let after = i + 1;
        if !char_at(text, after).is_some_and(is_space) {
            return after;
        }
        let k = skip_spaces(text, after, e);
        if k >= e {
            return after;
        }
        if !char_at(text, k).is_some_and(|n| n.is_uppercase() || is_open_quote(n)) {
            return after;
        }
        let lo = (*start).max(i.saturating_sub(MAX_CREDIT + 1));
        let Some(open) = text
            .as_bytes()
            .get(lo..i)
            .and_then(|w| w.iter().rposition(|&b| b == b'('))
        else {
            return after;
        };
        let open = lo + open;
        let inner = text.get(open + 1..i).unwrap_or("");
        if !is_credit_group(inner, true) {
            return after;
        }
        self.sentence(out, *start, open, SentenceKind::Caption);
        self.sentence(out, open, after, SentenceKind::Credit);
        self.quote_open = None;
        *start = k;
        k
    }
}

/// After a line is split, a short last sentence that is a credit ("…
/// strikes. Photo: Reuters") becomes `Credit`, and the sentence before it a
/// `Caption`. Only the last: a credit closes its caption.
fn relabel_credits(text: &str, first: usize, out: &mut [Sentence]) {
    let Some(line) = out.get_mut(first..) else {
        return;
    };
    let [.., before, last] = line else {
        return;
    };
    if last.kind == SentenceKind::Credit || last.end - last.start > MAX_CREDIT_LINE {
        return;
    }
    if is_credit_line(last.as_str(text)) {
        last.kind = SentenceKind::Credit;
        if before.kind != SentenceKind::Credit {
            before.kind = SentenceKind::Caption;
        }
    }
}

fn skip_spaces(text: &str, mut j: usize, e: usize) -> usize {
    while j < e {
        match char_at(text, j) {
            Some(c) if is_space(c) => j += c.len_utf8(),
            _ => break,
        }
    }
    j.min(e)
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '؟' | '۔' | '।' | '。' | '！' | '？'
    )
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«')
}

/// Whether `c` may be the first character of a sentence.
fn can_start(c: char) -> bool {
    !c.is_lowercase()
        && !matches!(
            c,
            ',' | ';' | ':' | '.' | ')' | ']' | '}' | '%' | '?' | '!' | '”' | '’' | '»' | '…'
        )
}

/// Closed-class words that usually open a sentence. After an ambiguous
/// abbreviation ("U.S.", "a.m.", an initial) only these make a split.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "A", "According", "After", "Afterwards", "Again", "All", "Also", "Although", "An", "And",
    "Another", "As", "At", "Because", "Before", "Both", "But", "By", "Despite", "During", "Each",
    "Earlier", "Even", "Every", "For", "From", "Further", "Furthermore", "He", "Her", "Here", "His",
    "How", "However", "I", "If", "In", "Instead", "It", "Its", "Last", "Later", "Many", "Meanwhile",
    "Moreover", "Most", "My", "No", "None", "Nor", "Now", "On", "One", "Only", "Or", "Other", "Our",
    "Several", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then",
    "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Today", "Two", "Under",
    "Until", "We", "What", "When", "Where", "Which", "While", "Who", "Why", "With", "Yesterday",
    "Yet", "You",
];

/// An opener word or an opening quote at `k`.
fn strong_start(text: &str, k: usize, n: char) -> bool {
    if is_open_quote(n) {
        return true;
    }
    let word = ascii_word_at(text, k);
    !word.is_empty() && OPENERS.contains(&word)
}

/// The run of ASCII letters at `k`.
fn ascii_word_at(text: &str, k: usize) -> &str {
    let rest = text.get(k..).unwrap_or("");
    let len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    rest.get(..len).unwrap_or("")
}

// ---------------------------------------------------------------------------
// Abbreviations
// ---------------------------------------------------------------------------

/// What the word before a `.` says about a boundary there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbr {
    /// Not an abbreviation: an ordinary boundary.
    No,
    /// Never a boundary (titles, "e.g.").
    Never,
    /// Not a boundary before a digit ("No. 5", "Oct. 12").
    BeforeDigit,
    /// A boundary only before a sentence opener ("U.S.", "J.", "a.m.").
    Ambiguous,
}

/// Titles: never end a sentence ("Lt. Gen. Ahmed", "Mr. Asif", "St. Petersburg").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cpl", "Dr", "Fr", "Gen", "Gov",
    "Hon", "Insp", "Lt", "Maj", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mx", "Pres", "Prof", "Pte",
    "Pvt", "Rep", "Rev", "Sen", "Sgt", "St", "Supt",
];

/// Never end a sentence, in any case.
#[rustfmt::skip]
const NEVER: &[&str] = &[
    "approx", "cf", "e.g", "eg", "esp", "i.e", "ie", "incl", "v", "viz", "vs",
];

/// Not a boundary when a digit follows.
#[rustfmt::skip]
const BEFORE_DIGIT: &[&str] = &[
    "Apr", "Art", "Aug", "Ch", "Dec", "Feb", "Fig", "Jan", "Jul", "Jun", "Mar", "No", "Nos", "Nov",
    "Oct", "Rs", "Sec", "Sep", "Sept", "Vol", "no", "nos", "p", "pp",
];

/// A boundary only before a sentence opener.
#[rustfmt::skip]
const AMBIGUOUS: &[&str] = &[
    "Ave", "Blvd", "Bros", "Co", "Corp", "Dept", "Fri", "Ft", "Govt", "Inc", "Jr", "Ltd", "Mon",
    "Mt", "Rd", "Sat", "Sr", "Sun", "Thu", "Thur", "Thurs", "Tue", "Tues", "Univ", "Wed", "al",
];

/// Classifies the word that ends at the `.` at `dot`.
fn abbreviation(text: &str, dot: usize) -> Abbr {
    const MAX_TOKEN: usize = 24;
    let bytes = text.as_bytes();
    let mut t = dot;
    while t > 0 {
        let Some(&b) = bytes.get(t - 1) else { break };
        // Stop at white space, opening punctuation and any non-ASCII byte
        // (curly quotes, non-breaking spaces): the token is then ASCII and
        // starts on a char boundary.
        if !b.is_ascii() || b.is_ascii_whitespace() || matches!(b, b'(' | b'[' | b'"' | b'\'') {
            break;
        }
        if dot - t >= MAX_TOKEN {
            return Abbr::No;
        }
        t -= 1;
    }
    let Some(word) = text.get(t..dot) else {
        return Abbr::No;
    };
    // Every listed word has at most 6 letters; longer words are abbreviations
    // only as initialisms, which hold a dot.
    if word.is_empty() || (word.len() > 6 && !word.contains('.')) {
        return Abbr::No;
    }
    // Exact, or in capitals ("MR", "JAN"); NEVER words in any case ("E.g").
    let in_list = |list: &[&str], any_case: bool| {
        list.iter().any(|w| {
            *w == word
                || (word.len() > 1
                    && w.eq_ignore_ascii_case(word)
                    && (any_case || is_upper_ascii(word)))
        })
    };
    if in_list(TITLES, false) || in_list(NEVER, true) {
        return Abbr::Never;
    }
    if in_list(BEFORE_DIGIT, false) {
        return Abbr::BeforeDigit;
    }
    if in_list(AMBIGUOUS, false) || is_initial(word) || is_initialism(word) {
        return Abbr::Ambiguous;
    }
    Abbr::No
}

fn is_upper_ascii(word: &str) -> bool {
    word.bytes().all(|b| !b.is_ascii_lowercase())
}

/// A single capital letter: "J" in "J. Smith".
fn is_initial(word: &str) -> bool {
    word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// Letters separated by dots: "U.S", "a.m", "A.P", "U.A.E", "Ph.D".
fn is_initialism(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        if part.is_empty() || part.len() > 2 || !part.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

// ---------------------------------------------------------------------------
// Credits
// ---------------------------------------------------------------------------

/// Longest credit inside brackets, in bytes.
const MAX_CREDIT: usize = 100;
/// Longest line that can be a credit alone.
const MAX_CREDIT_LINE: usize = 120;

/// News and photo agencies whose name alone is a credit ("(AFP)", "Reuters").
#[rustfmt::skip]
const AGENCIES: &[&str] = &[
    "afp", "afp photo", "agence france-presse", "anadolu", "anadolu agency", "ani", "ansa", "ap",
    "ap photo", "app", "associated press", "bernama", "bloomberg", "dpa", "efe", "epa", "epa-efe",
    "getty", "getty images", "ians", "irna", "isna", "kuna", "kyodo", "pti", "qna", "reuters",
    "reuters photo", "ria novosti", "shutterstock", "spa", "sputnik", "tasnim", "tass",
    "the associated press", "uni", "wam", "xinhua", "yonhap",
];

fn is_agency(s: &str) -> bool {
    let s = s.trim_end_matches('.').trim();
    AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(s))
}

/// Credit phrases complete in themselves.
#[rustfmt::skip]
const PHOTO_PHRASES: &[&str] = &[
    "file image", "file photo", "file picture", "handout", "handout photo",
    "image for representation", "photo for representation", "representational image",
    "representational photo", "representational picture", "representative image",
    "representative photo", "representative picture", "screengrab", "video grab",
];

/// Credit labels followed by a name ("Photo: X", "Courtesy of …").
#[rustfmt::skip]
const PHOTO_LABELS: &[&str] = &[
    "courtesy", "credit", "credits", "file photo", "file", "handout photo", "illustration",
    "image courtesy", "image credit", "image source", "image", "images", "photo by",
    "photo courtesy", "photo credit", "photo", "photograph", "photographs", "photos", "pic",
    "picture courtesy", "picture", "pictures", "representational image", "screengrab",
];

/// Lines that close wire copy: "Reporting by …", "(With inputs from PTI)".
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "additional reporting", "compiled by", "edited by", "editing by", "inputs from", "reported by",
    "reporting by", "with agency inputs", "with inputs from", "writing by",
];

/// Whether `s` starts with `prefix`, ignoring ASCII case, and the prefix ends
/// at a word boundary.
fn starts_word_ci(s: &str, prefix: &str) -> bool {
    let (b, p) = (s.as_bytes(), prefix.as_bytes());
    let Some(head) = b.get(..p.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(p) {
        return false;
    }
    let ends_word = p.last().is_some_and(u8::is_ascii_alphanumeric);
    !ends_word || !b.get(p.len()).is_some_and(u8::is_ascii_alphanumeric)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    if starts_word_ci(s, prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

/// "Photo: Reuters", "File photo", "Representational image", "AP Photo/…".
fn is_photo_phrase(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    if PHOTO_PHRASES.iter().any(|p| p.eq_ignore_ascii_case(t)) {
        return true;
    }
    for label in PHOTO_LABELS {
        let Some(rest) = strip_prefix_ci(t, label) else {
            continue;
        };
        let rest = rest.trim_start();
        // "Photo: X", "Photo credit - X", "Photo/AFP", "Photo by X", "Courtesy of X".
        let named = rest.starts_with([':', '-', '–', '—', '/', '|'])
            || label.ends_with(" by")
            || (label.starts_with("courtesy") && starts_word_ci(rest, "of"))
            || (label.contains(' ') && !rest.is_empty());
        if named && rest.len() <= 70 && rest.split_whitespace().count() <= 8 {
            return true;
        }
    }
    false
}

/// The words inside a credit's brackets: "Saifullah Zahir/AP", "Photo:
/// Reuters", "AP Photo/Anjum Naveed", or (unless `strict`) a bare agency.
fn is_credit_group(c: &str, strict: bool) -> bool {
    let c = c.trim();
    if c.is_empty() || c.len() > MAX_CREDIT {
        return false;
    }
    if c.contains(['!', '?', ';', '(', ')', '“', '”', '"']) {
        return false;
    }
    if !strict && is_agency(c) {
        return true;
    }
    if is_photo_phrase(c) {
        return true;
    }
    let Some(slash) = c.rfind('/') else {
        return false;
    };
    let left = c.get(..slash).unwrap_or("").trim();
    let right = c.get(slash + 1..).unwrap_or("").trim();
    let right = strip_prefix_ci(right, "via").map_or(right, str::trim_start);
    if left.is_empty() || right.is_empty() || left.len() > 60 || right.len() > 40 {
        return false;
    }
    let capital = |s: &str| {
        s.chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit())
    };
    if !capital(left) || !capital(right) || right.split_whitespace().count() > 5 {
        return false;
    }
    if is_agency(right) || is_agency(left) || is_photo_phrase(left) || starts_word_ci(left, "photo")
    {
        return true;
    }
    // A photographer's name: two to six capitalised words ("Saifullah Zahir").
    let words = left.split_whitespace().count();
    (2..=6).contains(&words) && left.split_whitespace().all(is_name_word)
}

fn is_name_word(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "bin", "da", "de", "del", "di", "el", "la", "le", "ul", "van", "von",
    ];
    w.chars().next().is_some_and(char::is_uppercase)
        || PARTICLES.iter().any(|p| {
            w.eq_ignore_ascii_case(p)
                || (starts_word_ci(w, p) && w.get(p.len()..).is_some_and(|r| r.starts_with('-')))
        })
}

/// First words of every credit form that has no bracket, bar or slash.
#[rustfmt::skip]
const CREDIT_FIRST_WORDS: &[&str] = &[
    "additional", "afp", "agence", "anadolu", "ani", "ansa", "ap", "app", "associated", "bernama",
    "bloomberg", "compiled", "courtesy", "credit", "credits", "dpa", "edited", "editing", "efe",
    "epa", "file", "getty", "handout", "ians", "illustration", "image", "images", "inputs", "irna",
    "isna", "kuna", "kyodo", "photo", "photograph", "photographs", "photos", "pic", "picture",
    "pictures", "pti", "qna", "reported", "reporting", "representational", "representative",
    "reuters", "ria", "screengrab", "shutterstock", "spa", "sputnik", "tasnim", "tass", "uni",
    "video", "wam", "with", "writing", "xinhua", "yonhap",
];

/// A cheap filter before [`is_credit_line`]'s full test: most sentences fail
/// it on their first word.
fn could_be_credit(t: &str) -> bool {
    if t.starts_with(['(', '|']) || t.contains('/') {
        return true;
    }
    let word = ascii_word_at(t, 0);
    if word.len() > 16 {
        return false;
    }
    if word.eq_ignore_ascii_case("the") {
        return starts_word_ci(t, "the associated press");
    }
    CREDIT_FIRST_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// A line that is only a credit: "(Name/AP)", "Photo: X", "| Photo: X",
/// "File photo", "Reuters", "Reporting by …".
fn is_credit_line(l: &str) -> bool {
    let t = l.trim_matches(is_space);
    if t.is_empty() || t.len() > MAX_CREDIT_LINE || !could_be_credit(t) {
        return false;
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return is_credit_group(inner, false)
            || REPORTING.iter().any(|p| starts_word_ci(inner.trim(), p));
    }
    if let Some(rest) = t.strip_prefix('|') {
        let rest = rest.trim_matches(is_space);
        return is_photo_phrase(rest) || is_agency(rest);
    }
    REPORTING.iter().any(|p| starts_word_ci(t, p))
        || is_credit_group(t.trim_end_matches('.'), false)
}

/// Where a credit at the end of line `l` starts, and whether the text before
/// it is a caption. A bare agency ("… (AFP)") is a credit but does not make
/// a caption.
fn credit_suffix(l: &str) -> Option<(usize, bool)> {
    let bytes = l.as_bytes();
    if l.ends_with(')') {
        let close = l.len() - 1;
        let lo = close.saturating_sub(MAX_CREDIT + 1);
        if let Some(open) = bytes
            .get(lo..close)
            .and_then(|w| w.iter().rposition(|&b| b == b'('))
        {
            let open = lo + open;
            let inner = l.get(open + 1..close).unwrap_or("");
            if open > 0 && is_credit_group(inner, false) {
                return Some((open, !is_agency(inner)));
            }
        }
    }
    let lo = l.len().saturating_sub(MAX_CREDIT);
    if let Some(bar) = bytes
        .get(lo..)
        .and_then(|w| w.iter().rposition(|&b| b == b'|'))
    {
        let bar = lo + bar;
        let after = l.get(bar + 1..).unwrap_or("").trim_matches(is_space);
        if bar > 0 && (is_photo_phrase(after) || is_agency(after)) {
            return Some((bar, true));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------

fn is_heading(l: &str) -> bool {
    if l.len() > MAX_HEADING_CHARS * 4 {
        return false;
    }
    let core = l.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    let Some(last) = core.chars().next_back() else {
        return false;
    };
    let ellipsis = core.ends_with("...") || last == '…';
    if !ellipsis && (is_terminator(last) || matches!(last, ':' | ';' | ',')) {
        return false;
    }
    if l.chars().count() >= MAX_HEADING_CHARS {
        return false;
    }
    !ellipsis || is_title_case(l)
}

/// Most longer words capitalised: "Demands Islamabad To…".
fn is_title_case(l: &str) -> bool {
    let (mut words, mut caps) = (0u32, 0u32);
    for w in l.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if w.chars().filter(|c| c.is_alphabetic()).count() < 4 {
            continue;
        }
        words += 1;
        if first.is_uppercase() {
            caps += 1;
        }
    }
    words >= 2 && caps * 5 >= words * 4
}

// ---------------------------------------------------------------------------
// Boilerplate
// ---------------------------------------------------------------------------

/// Lines that are furniture when they are the whole line (ASCII case ignored,
/// trailing `:`, `.`, `|`, `>` ignored).
#[rustfmt::skip]
const FURNITURE: &[&str] = &[
    "advertisement", "advertisment", "also read", "back to top", "breaking news", "close",
    "comment", "comments", "copy link", "don't miss", "email", "facebook", "follow", "follow us",
    "gallery", "home", "latest", "latest news", "linkedin", "listen", "live", "live blog",
    "live tv", "live updates", "load more", "log in", "login", "menu", "more", "most popular",
    "most read", "news", "newsletter", "next", "open in app", "photos", "previous", "print",
    "promoted", "read also", "read more", "recommended", "register", "related", "related news",
    "search", "share", "share article", "share this", "share this article", "show more", "sign in",
    "sign up", "skip to content", "sponsored", "story continues below", "subscribe", "telegram",
    "top news", "top stories", "trending", "trending now", "twitter", "video", "videos", "whatsapp",
    "world", "you may also like",
];

/// Line openings that make the whole line furniture (ASCII case ignored,
/// word boundary after the last letter).
#[rustfmt::skip]
const FURNITURE_PREFIXES: &[&str] = &[
    "advertisement", "all rights reserved", "also read", "also see", "click here",
    "continue reading", "copyright", "download the", "first published", "follow @", "follow our",
    "follow us", "get the latest", "join our", "last updated", "listen to this", "live updates",
    "live:", "log in", "more:", "posted at", "posted by", "posted on", "posted:", "publish date",
    "published at", "published by", "published on", "published:", "published -", "read also",
    "read more", "read:", "related:", "related articles", "related coverage", "related news",
    "related stories", "see also", "share on", "share this", "sign in", "sign up", "skip to",
    "story continues", "subscribe", "tap here", "updated -", "updated at", "updated on", "updated:",
    "watch:", "watch video", "written by", "©",
];

fn is_boilerplate_line(l: &str) -> bool {
    if l.len() > 300 {
        return false;
    }
    let core = l.trim_end_matches([':', '.', '|', '>', ' ']);
    if FURNITURE.iter().any(|f| f.eq_ignore_ascii_case(core)) {
        return true;
    }
    let first = l.as_bytes().first().map(u8::to_ascii_lowercase);
    let same_first = |p: &str| p.as_bytes().first() == first.as_ref();
    if FURNITURE_PREFIXES
        .iter()
        .any(|p| same_first(p) && starts_word_ci(l, p))
    {
        return true;
    }
    if l.len() <= 160 && contains_ci(l, "newsletter") {
        return true;
    }
    if l.len() <= 40 && contains_ci(l, "min read") {
        return true;
    }
    is_byline(l) || is_date_line(l)
}

/// Whether `hay` contains `needle` (ASCII, lower case), ignoring ASCII case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    let Some(&first) = n.first() else {
        return true;
    };
    let h = hay.as_bytes();
    h.iter().enumerate().any(|(i, b)| {
        b.to_ascii_lowercase() == first
            && h.get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// "By Shivam Verma", "By AP", "By Jane Doe and John Roe".
fn is_byline(l: &str) -> bool {
    let Some(rest) = l.strip_prefix("By ").or_else(|| l.strip_prefix("BY ")) else {
        return false;
    };
    if l.len() > 60 || rest.ends_with(['.', '!', '?']) {
        return false;
    }
    let mut words = 0;
    for w in rest.split([' ', ',', '&']).filter(|w| !w.is_empty()) {
        if w == "and" {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        words += 1;
    }
    (1..=6).contains(&words)
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

#[rustfmt::skip]
const TIME_ZONES: &[&str] = &[
    "AEDT", "AEST", "AFT", "AST", "BDT", "BST", "CDT", "CEST", "CET", "CST", "EAT", "EDT", "EEST",
    "EET", "EST", "GMT", "GST", "HKT", "ICT", "IRST", "IST", "JST", "KST", "MDT", "MSK", "MST",
    "NPT", "PDT", "PHT", "PKT", "PST", "SAST", "SGT", "UTC", "WAT", "WIB", "Z",
];

#[rustfmt::skip]
const DATE_FILLERS: &[&str] = &[
    "am", "a.m", "as", "at", "date", "hrs", "last", "of", "on", "pm", "p.m", "posted", "published",
    "updated",
];

/// A line that is only a date or time: "October 15, 2025 / 14:06 IST",
/// "Wednesday, May 7, 2025", "2025-10-11T21:55:15+00:00".
fn is_date_line(l: &str) -> bool {
    if l.len() > 80 {
        return false;
    }
    let (mut digits, mut named, mut separated) = (false, false, false);
    for raw in l.split_whitespace() {
        let tok = raw.trim_matches(|c: char| matches!(c, ',' | ';' | '|' | '(' | ')' | '[' | ']'));
        let word = tok.trim_end_matches(['.', ':']);
        if tok
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '/' | '|' | '·' | '•' | ':' | ','))
        {
            continue;
        }
        let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
        if is(MONTHS) || is(WEEKDAYS) {
            named = true;
            continue;
        }
        if is(DATE_FILLERS) || TIME_ZONES.contains(&word) {
            continue;
        }
        if let Some(offset) = word
            .strip_prefix("UTC")
            .or_else(|| word.strip_prefix("GMT"))
            && offset
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b':'))
        {
            continue;
        }
        let num = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| word.strip_suffix(s))
            .unwrap_or(word);
        if !num.is_empty()
            && num.bytes().any(|b| b.is_ascii_digit())
            && num.bytes().all(|b| {
                b.is_ascii_digit() || matches!(b, b':' | b'+' | b'-' | b'.' | b'/' | b'T' | b'Z')
            })
        {
            digits = true;
            if num
                .trim_matches(|c: char| !c.is_ascii_digit())
                .contains([':', '-', '/'])
            {
                separated = true;
            }
            continue;
        }
        return false;
    }
    digits && (named || separated)
}

/// The length of a "date 2025-10-12" or ISO timestamp glued to the start of
/// a line before other text; `None` when there is none or nothing follows.
fn date_stamp_prefix(l: &str) -> Option<usize> {
    let b = l.as_bytes();
    let mut p = if starts_word_ci(l, "date") && b.get(4) == Some(&b' ') {
        5
    } else {
        0
    };
    let iso = b.get(p..p + 10)?;
    let shape = iso.iter().enumerate().all(|(i, &c)| match i {
        4 | 7 => c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shape {
        return None;
    }
    p += 10;
    if b.get(p) == Some(&b'T') {
        p += 1;
        while b
            .get(p)
            .is_some_and(|&c| c.is_ascii_digit() || matches!(c, b':' | b'+' | b'-' | b'.' | b'Z'))
        {
            p += 1;
        }
    }
    // Only ASCII so far: `p` is a char boundary.
    let rest = l.get(p..)?;
    let first = rest.chars().next()?;
    if !is_space(first) || rest.trim_matches(is_space).is_empty() {
        return None;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SentenceKind::*;

    /// The sentences of `text` as (words, kind).
    fn kinds(text: &str) -> Vec<(&str, SentenceKind)> {
        split(text)
            .iter()
            .map(|s| (s.as_str(text), s.kind))
            .collect()
    }

    /// The sentences of `text` as words.
    fn words(text: &str) -> Vec<&str> {
        split(text).iter().map(|s| s.as_str(text)).collect()
    }

    #[test]
    fn empty_and_blank_inputs_give_nothing() {
        assert!(split("").is_empty());
        assert!(split("   \n\r\n\t \u{a0}\u{2029}  ").is_empty());
        assert!(split("\u{feff}\u{200b}").is_empty());
    }

    #[test]
    fn exact_offsets_and_trimming() {
        let text = "  The army said 12 soldiers died.   Two more were hurt!  ";
        let got = split(text);
        assert_eq!(
            got,
            [
                Sentence {
                    start: 2,
                    end: 33,
                    paragraph: 0,
                    kind: Prose
                },
                Sentence {
                    start: 36,
                    end: 55,
                    paragraph: 0,
                    kind: Prose
                },
            ]
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            words("Was the post taken? Officials would not say! The army denied it."),
            [
                "Was the post taken?",
                "Officials would not say!",
                "The army denied it."
            ]
        );
        // A question mark followed by a lower-case word is inside the sentence.
        assert_eq!(
            words("\"Why now?\" asked one resident."),
            ["\"Why now?\" asked one resident."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_count_paragraphs() {
        let text = "First line without a stop\r\nSecond one. Third one.\n\n\nFourth\rFifth.";
        let got: Vec<(&str, u32)> = split(text)
            .iter()
            .map(|s| (s.as_str(text), s.paragraph))
            .collect();
        assert_eq!(
            got,
            [
                ("First line without a stop", 0),
                ("Second one.", 1),
                ("Third one.", 1),
                ("Fourth", 2),
                ("Fifth.", 3),
            ]
        );
    }

    #[test]
    fn unicode_line_separators_break_lines() {
        let text = "One here\u{2028}Two there.\u{2029}Three.";
        assert_eq!(words(text), ["One here", "Two there.", "Three."]);
        assert_eq!(split(text)[2].paragraph, 2);
    }

    #[test]
    fn titles_never_end_a_sentence() {
        for text in [
            "Mr. Asif said the talks failed.",
            "Lt. Gen. Ahmed Khan briefed reporters.",
            "Maj. Gen. Rana and Brig. Malik visited the front.",
            "Dr. Noor treated the wounded at St. Mary's hospital.",
            "Prof. Ali met Gov. Shah, Sen. Raza and Rep. Dar.",
            "Capt. Tariq, Col. Aziz, Sgt. Baig and Adm. Rao were named.",
            "Cmdr. Iqbal and Rev. Thomas spoke to Mrs. Ahmed and Ms. Khan.",
        ] {
            assert_eq!(words(text), [text], "{text}");
        }
    }

    #[test]
    fn dotted_initialisms_split_only_before_a_sentence_opener() {
        assert_eq!(
            words("U.S. President Smith called U.K. and U.N. officials."),
            ["U.S. President Smith called U.K. and U.N. officials."]
        );
        assert_eq!(
            words("The envoy flew to the U.S. The talks resumed."),
            ["The envoy flew to the U.S.", "The talks resumed."]
        );
        assert_eq!(
            words("Shelling began at 4 a.m. Sunday and ended at 9 p.m. It resumed later."),
            [
                "Shelling began at 4 a.m. Sunday and ended at 9 p.m.",
                "It resumed later."
            ]
        );
    }

    #[test]
    fn initials_stay_with_their_names() {
        assert_eq!(
            words("A.P. Singh and J. Smith wrote the report. It was long."),
            ["A.P. Singh and J. Smith wrote the report.", "It was long."]
        );
        assert_eq!(
            words("He backed Plan B. The rest agreed."),
            ["He backed Plan B.", "The rest agreed."]
        );
    }

    #[test]
    fn number_and_month_abbreviations_before_digits() {
        assert_eq!(
            words(
                "Resolution No. 2334 passed on Jan. 5 and Sept. 12 in Room No. 4. No. The vote failed."
            ),
            [
                "Resolution No. 2334 passed on Jan. 5 and Sept. 12 in Room No. 4.",
                "No.",
                "The vote failed."
            ]
        );
        assert_eq!(
            words("The strikes came in Oct. Nobody expected them."),
            ["The strikes came in Oct.", "Nobody expected them."]
        );
    }

    #[test]
    fn latin_abbreviations() {
        assert_eq!(
            words(
                "Border towns, e.g. Chaman, and crossings, i.e. Torkham, shut. India vs. Pakistan."
            ),
            [
                "Border towns, e.g. Chaman, and crossings, i.e. Torkham, shut.",
                "India vs. Pakistan."
            ]
        );
        assert_eq!(
            words("Food, fuel, etc. were scarce. They left tents, blankets etc. Aid came later."),
            [
                "Food, fuel, etc. were scarce.",
                "They left tents, blankets etc.",
                "Aid came later."
            ]
        );
    }

    #[test]
    fn decimals_percentages_and_compounds_do_not_split() {
        assert_eq!(
            words(
                "About 2.9 million people, or 3.5% of the total, fled U.S.-backed areas. Aid fell."
            ),
            [
                "About 2.9 million people, or 3.5% of the total, fled U.S.-backed areas.",
                "Aid fell."
            ]
        );
    }

    #[test]
    fn ellipses_inside_and_at_the_end_of_sentences() {
        assert_eq!(
            words("The toll rose to ... Pakistani officials said 40. He paused… Then he left."),
            [
                "The toll rose to ... Pakistani officials said 40.",
                "He paused…",
                "Then he left."
            ]
        );
        assert_eq!(
            words("We waited... and waited."),
            ["We waited... and waited."]
        );
    }

    #[test]
    fn quotation_with_attribution_stays_whole() {
        let text = "“Our patience has run out. Now it is war,” he said. The army agreed.";
        assert_eq!(
            words(text),
            [
                "“Our patience has run out. Now it is war,” he said.",
                "The army agreed."
            ]
        );
        let straight = "\"We will respond. We are ready,\" the minister said. Talks stalled.";
        assert_eq!(
            words(straight),
            [
                "\"We will respond. We are ready,\" the minister said.",
                "Talks stalled."
            ]
        );
    }

    #[test]
    fn period_inside_closing_quote_ends_the_sentence_after_the_quote() {
        assert_eq!(
            words("He called it “an act of war.” The ministry said 'enough.' Then it left."),
            [
                "He called it “an act of war.”",
                "The ministry said 'enough.'",
                "Then it left."
            ]
        );
        assert_eq!(
            words("He said it was “open war”. Fighting went on."),
            ["He said it was “open war”.", "Fighting went on."]
        );
    }

    #[test]
    fn unclosed_or_very_long_quotes_do_not_block_splits() {
        // No closing mark on the line: the opening mark is ignored.
        assert_eq!(
            words("“Recruits were trained here. They left at night"),
            ["“Recruits were trained here.", "They left at night"]
        );
        let long = format!("“{}. Second part.” he said.", "word ".repeat(90).trim_end());
        let got = words(&long);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1], "Second part.” he said.");
    }

    #[test]
    fn credit_at_the_end_of_a_caption_line() {
        let text =
            "Smoke rises after an explosion at a border post (Jane Doe/AP)\nThe army said 3 died.";
        assert_eq!(
            split(text),
            [
                Sentence {
                    start: 0,
                    end: 47,
                    paragraph: 0,
                    kind: Caption
                },
                Sentence {
                    start: 48,
                    end: 61,
                    paragraph: 0,
                    kind: Credit
                },
                Sentence {
                    start: 62,
                    end: 83,
                    paragraph: 1,
                    kind: Prose
                },
            ]
        );
        assert_eq!(
            kinds("Workers clear rubble in Kyiv, September 28, 2025. (Tom Lee/Reuters)\n"),
            [
                ("Workers clear rubble in Kyiv, September 28, 2025.", Caption),
                ("(Tom Lee/Reuters)", Credit)
            ]
        );
        assert_eq!(
            kinds("Troops patrol the valley (AP Photo/Ali Khan)\n"),
            [
                ("Troops patrol the valley", Caption),
                ("(AP Photo/Ali Khan)", Credit)
            ]
        );
        assert_eq!(
            kinds("Rescuers search the site (Photo: Reuters)\n"),
            [
                ("Rescuers search the site", Caption),
                ("(Photo: Reuters)", Credit)
            ]
        );
    }

    #[test]
    fn bar_photo_credit_is_split_off() {
        assert_eq!(
            kinds("A spokesman said 50 people died. | Photo: X\n"),
            [
                ("A spokesman said 50 people died.", Caption),
                ("| Photo: X", Credit)
            ]
        );
    }

    #[test]
    fn bare_agency_suffix_is_a_credit_but_not_a_caption() {
        assert_eq!(
            kinds("Pakistan said on Sunday it had killed 20 militants. (AFP)\n"),
            [
                ("Pakistan said on Sunday it had killed 20 militants.", Prose),
                ("(AFP)", Credit)
            ]
        );
    }

    #[test]
    fn non_credit_brackets_are_left_alone() {
        assert_eq!(
            kinds(
                "The group is known as the Pakistani Taliban (TTP).\nFighting spread (Kabul/Islamabad)\n"
            ),
            [
                ("The group is known as the Pakistani Taliban (TTP).", Prose),
                ("Fighting spread (Kabul/Islamabad)", Heading)
            ]
        );
    }

    #[test]
    fn credit_inside_a_line_is_never_glued_to_the_next_sentence() {
        assert_eq!(
            kinds("Smoke over Kabul (Jane Doe/AP) Mr Asif said the war had begun."),
            [
                ("Smoke over Kabul", Caption),
                ("(Jane Doe/AP)", Credit),
                ("Mr Asif said the war had begun.", Prose),
            ]
        );
    }

    #[test]
    fn credit_lines_alone() {
        for line in [
            "(Jane Doe/AP)",
            "(AFP)",
            "Photo: Reuters",
            "Photo: X",
            "| Photo: X",
            "File photo",
            "File Photo.",
            "Representational image",
            "Reuters",
            "AP Photo/Ali Khan",
            "Photo credit: Getty Images",
            "Reporting by Jane Doe; Editing by John Roe",
            "(With inputs from PTI)",
        ] {
            let text = format!("{line}\n");
            assert_eq!(kinds(&text), [(line, Credit)], "{line}");
        }
    }

    #[test]
    fn line_followed_by_a_credit_line_is_a_caption() {
        assert_eq!(
            kinds("Soldiers guard the crossing at dawn.\nFile photo\n\nThe talks failed.\n"),
            [
                ("Soldiers guard the crossing at dawn.", Caption),
                ("File photo", Credit),
                ("The talks failed.", Prose)
            ]
        );
        // A blank line in between: not a caption.
        assert_eq!(
            kinds("The talks failed.\n\nPhoto: X\n")[0],
            ("The talks failed.", Prose)
        );
        // A caption repeated before the same caption with its credit.
        assert_eq!(
            kinds("Workers clear rubble.\nWorkers clear rubble. (Tom Lee/Reuters)\n"),
            [
                ("Workers clear rubble.", Caption),
                ("Workers clear rubble.", Caption),
                ("(Tom Lee/Reuters)", Credit)
            ]
        );
    }

    #[test]
    fn trailing_credit_sentence_on_a_prose_line() {
        assert_eq!(
            kinds("Troops patrol the border near Chaman. Photo: Reuters\n"),
            [
                ("Troops patrol the border near Chaman.", Caption),
                ("Photo: Reuters", Credit)
            ]
        );
    }

    #[test]
    fn headings() {
        assert_eq!(
            kinds(
                "Deepening tensions\nThe clashes spread.\nBorder Clash Kills 12 Soldiers, Officials Say…\n"
            ),
            [
                ("Deepening tensions", Heading),
                ("The clashes spread.", Prose),
                ("Border Clash Kills 12 Soldiers, Officials Say…", Heading),
            ]
        );
        // A long line without a stop is prose, not a heading.
        let long = format!("{} and then more\n", "the fighting went on ".repeat(6));
        assert_eq!(kinds(&long)[0].1, Prose);
        // Ends with a colon: prose that introduces a quote.
        assert_eq!(kinds("He said:\n")[0].1, Prose);
        // A lower-case trailing ellipsis: prose.
        assert_eq!(kinds("and the army said it would respond…\n")[0].1, Prose);
    }

    #[test]
    fn unterminated_last_line_is_cut_off_prose_not_a_heading() {
        assert_eq!(
            kinds("Deepening tensions\nThrough June 11, there have been over 13,300"),
            [
                ("Deepening tensions", Heading),
                ("Through June 11, there have been over 13,300", Prose)
            ]
        );
    }

    #[test]
    fn boilerplate_lines() {
        for line in [
            "Published By: Jane Doe",
            "Published: October 12, 2025 13:58:13 IST",
            "Updated: 12 Oct 2025, 10:05 AM",
            "Last updated on March 3, 2026",
            "October 15, 2025 / 14:06 IST",
            "Wednesday, May 7, 2025",
            "2025-10-11T21:55:15+00:00",
            "Sign up to get the latest news from the region",
            "Subscribe to our channel",
            "LIVE TV",
            "Read more",
            "Read More: Ceasefire talks resume",
            "Advertisement",
            "Also read: Talks collapse in Doha",
            "Follow us on X and Telegram",
            "Share this article",
            "By Jane Doe and John Roe",
            "New: our weekly newsletter on South Asia",
            "4 min read",
        ] {
            let text = format!("{line}\n");
            assert_eq!(kinds(&text), [(line, Boilerplate)], "{line}");
        }
    }

    #[test]
    fn not_boilerplate() {
        assert_eq!(kinds("By Sunday, the toll had risen to 40.\n")[0].1, Prose);
        assert_eq!(kinds("Subscribers in Kabul lost service.\n")[0].1, Prose);
        assert_eq!(kinds("23 soldiers\n")[0].1, Heading);
        assert_eq!(
            kinds("On October 12, 2025 the army said 23 soldiers died.\n")[0].1,
            Prose
        );
    }

    #[test]
    fn date_stamp_glued_to_a_line_is_cut_off() {
        let text = " date 2025-10-11 Pakistan confirms 23 deaths in border attacks\n";
        assert_eq!(
            split(text),
            [
                Sentence {
                    start: 1,
                    end: 16,
                    paragraph: 0,
                    kind: Boilerplate
                },
                Sentence {
                    start: 17,
                    end: 62,
                    paragraph: 0,
                    kind: Heading
                },
            ]
        );
        assert_eq!(
            kinds("date 2025-10-12 LIVE TV\n"),
            [("date 2025-10-12", Boilerplate), ("LIVE TV", Boilerplate)]
        );
    }

    #[test]
    fn offsets_are_char_boundaries_with_multibyte_text() {
        let text =
            "Çatışma sürüyor. «Biz hazırız.» dedi. 停火失败。下一步？ Пожар… Ещё.\u{a0}Done.";
        for s in split(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(!s.as_str(text).is_empty());
        }
        assert_eq!(words("停火失败。下一步？"), ["停火失败。", "下一步？"]);
    }

    #[test]
    fn word_at_a_time_skips() {
        assert_eq!(skip_plain_ascii(b"abcdefghijklmnop\nqrs", 0, 0x0E), 16);
        assert_eq!(skip_plain_ascii(b"abcdefgh\xc2\x85zzzzzz", 0, 0x0E), 8);
        assert_eq!(skip_plain_ascii(b"abc\rdefghijk", 0, 0x0E), 0);
        assert_eq!(skip_plain_ascii(b"abc", 0, 0x0E), 0);
        assert_eq!(skip_plain_ascii(b"abc", 7, 0x0E), 7);
        assert_eq!(skip_boring(b"abcdefghijklmno.xyz", 0), 8);
        assert_eq!(skip_boring(b"abcdefghijklmnopqrs", 2), 18);
        assert_eq!(skip_boring("abcdefgh“".as_bytes(), 0), 8);
        for c in [b'!', b'?', b'"', b')'] {
            let mut t = *b"abcdefghijklmnopqrstuvwx";
            t[13] = c;
            assert_eq!(skip_boring(&t, 0), 8, "{}", char::from(c));
        }
    }

    #[test]
    fn breaks_and_stops_found_at_every_offset() {
        // Exercise every position of a break or a stop within the 8-byte words.
        for k in 1..40 {
            let line = "a".repeat(k);
            let text = format!("{line}\nB b. C c");
            let got = split(&text);
            assert_eq!(got.len(), 3, "{text:?}");
            assert_eq!((got[0].start, got[0].end), (0, k));
            assert_eq!((got[1].start, got[1].end), (k + 1, k + 5));
            assert_eq!((got[2].start, got[2].end), (k + 6, k + 9));
            let text = format!("{line}. Bb");
            assert_eq!(words(&text), [format!("{line}."), "Bb".to_string()]);
        }
    }

    #[test]
    fn only_punctuation() {
        assert_eq!(words("...!?"), ["...!?"]);
        assert_eq!(words(". . ."), [". . ."]);
        assert_eq!(words("“”\"\")))"), ["“”\"\")))"]);
    }

    #[test]
    fn long_lines_are_linear() {
        // 2 MB of abbreviation-like tokens and open quotes on one line.
        let text = "“a.a.a. ".repeat(250_000);
        let got = split(&text);
        assert!(!got.is_empty());
        let text = "(".repeat(500_000) + &")".repeat(500_000);
        assert_eq!(split(&text).len(), 1);
    }

    #[test]
    fn sentence_helpers() {
        let text = "Advertisement\nThe army said 3 died.";
        let s = split(text);
        assert!(!s[0].is_content());
        assert!(s[1].is_content());
        let foreign = Sentence {
            start: 5,
            end: 500,
            paragraph: 0,
            kind: Prose,
        };
        assert_eq!(foreign.as_str(text), "");
    }
}
