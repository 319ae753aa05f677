//! Temporal expressions in English news sentences, resolved against the
//! article's publication day: "on Sunday", "late Thursday", "overnight",
//! "yesterday", "last week", "in October", "May 7, 2025", "since February
//! 2022", "through June 11".
//!
//! [`find`] returns each expression with the [`PartialDate`] it names, at the
//! granularity the text gives (a day, a month or a year), and its
//! [`TimeRelation`] (at, since, until). Offsets are bytes into the sentence;
//! an expression covers its prepositions and modifiers ("on Friday
//! morning", "In the early hours of Sunday", "earlier this month").
//!
//! Conventions (from the project's annotation guide, SPEC.md section 2.1):
//!
//! * "today", "tonight", "this morning" are the publication day `P`;
//!   "yesterday" and "last night" are `P - 1`.
//! * Bare "overnight" is the night before the report: `P - 1`. "Overnight
//!   into Sunday" is the Saturday; "overnight Saturday" the Saturday.
//! * A weekday ("on Sunday", "late Thursday", "Tuesday's operation") is the
//!   latest such day on or before `P`; "last Sunday" the latest strictly
//!   before `P`; "next Sunday" the first strictly after.
//! * "last week" is the month of `P - 7 days`; "this week", "earlier in the
//!   week" the month of `P` (the day is unknown). "this month", "last month",
//!   "this year", "last year" are that month or year.
//! * A month without a year ("in October") is the latest such month on or
//!   before `P`'s month; a day without a year ("May 6") the latest such day on
//!   or before `P`. "last October" is the latest October before `P`'s month.
//! * Day ranges ("7-10 May") give the month, except "the night of 9-10 May",
//!   which is the 9th.
//!
//! Relative expressions need `P`; without it they are skipped, and absolute
//! ones ("May 7, 2025", "in 1947", "2025-10-11") are still returned.
//!
//! What this module does not do: decide which event an expression dates
//! (the claim and event rules do), read clock times ("14:06" is a
//! [`crate::numbers::NumberRole::Duration`]), or date durations ("for three
//! days", "in the past 24 hours"). Anaphoric expressions ("since then",
//! "the previous day", "that evening") are skipped: they need the
//! narrative, not the publication day.
//!
//! False positives it avoids: "May" the modal and "March" the noun (a bare
//! month needs a preposition or determiner before it unless it is another
//! month), names such as "Black September", "Sunday Times" or "India Today",
//! and lowercase weekday or month names.
//!
//! It reads the same tokens as [`crate::numbers`] (one pass, reused buffer,
//! no allocation beyond the result). Date arithmetic is jiff's checked
//! arithmetic: a date that would leave jiff's range is skipped, never a
//! panic.

use jiff::Span;
use jiff::civil::{Date, Weekday};
use sitrep_model::PartialDate;

use crate::numbers::{
    Kind, Tok, Tokens, is_dash, month, small_word, weekday, with_tokens, year_context,
};

/// How a time expression relates what it dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeRelation {
    /// It happened then ("on Sunday", "in October", "overnight").
    At,
    /// An open period starting then ("since February 2022").
    Since,
    /// A period ending then ("through June 11", "until Friday").
    Until,
}

/// A time expression resolved against the publication day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The date it names, with the granularity the text gives.
    pub date: PartialDate,
    /// At, since or until.
    pub relation: TimeRelation,
}

/// Finds the time expressions in `text`, resolving relative ones against
/// `published`; relative expressions are skipped when `published` is `None`.
///
/// Returned in text order, never overlapping.
///
/// ```
/// use jiff::civil::date;
/// use sitrep_extract::dates::{find, TimeRelation};
/// use sitrep_model::PartialDate;
///
/// // Published on Friday 27 February 2026.
/// let found = find("Fighting began late Thursday, the ministry said.", Some(date(2026, 2, 27)));
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].date, PartialDate::Day(date(2026, 2, 26)));
/// assert_eq!(found[0].relation, TimeRelation::At);
/// ```
pub fn find(text: &str, published: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    with_tokens(text, None, |toks| scan_times(toks, published, &mut out));
    out
}

/// Finds the time expressions among already tokenized text.
pub(crate) fn scan_times(toks: &[Tok], published: Option<Date>, out: &mut Vec<TimeExpr>) {
    let scan = Scan {
        t: toks,
        p: published,
    };
    let mut i = 0;
    while i < toks.len() {
        match scan.at(i) {
            Some((expr, next)) => {
                out.push(expr);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// "last", "this", "next" before a weekday, month, week or year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Det {
    Last,
    This,
    Next,
    /// "the", only meaningful in "earlier in the week", "over the weekend".
    The,
}

/// The words before a core expression.
#[derive(Clone, Copy, Debug, Default)]
struct Prefix {
    relation: Option<TimeRelation>,
    /// The relation word was "by" (dropped before a possessive).
    by: bool,
    /// "on", "in", "during", "over".
    conn: Option<usize>,
    /// "the night of", "the early hours of".
    night_of: bool,
    /// "early", "late", "mid", "earlier", "later".
    modifier: Option<usize>,
    det: Option<Det>,
}

impl Prefix {
    fn any(&self) -> bool {
        self.relation.is_some()
            || self.conn.is_some()
            || self.night_of
            || self.modifier.is_some()
            || self.det.is_some()
    }
}

struct Scan<'a> {
    t: &'a [Tok],
    p: Option<Date>,
}

/// Words a capitalized word before a month or weekday may be without making
/// it part of a name ("In October" yes, "Black September" no).
fn function_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"in"
            | b"on"
            | b"at"
            | b"since"
            | b"until"
            | b"till"
            | b"by"
            | b"during"
            | b"from"
            | b"to"
            | b"of"
            | b"and"
            | b"or"
            | b"last"
            | b"this"
            | b"next"
            | b"early"
            | b"late"
            | b"mid"
            | b"for"
            | b"before"
            | b"after"
            | b"through"
            | b"between"
            | b"every"
            | b"each"
            | b"that"
            | b"as"
            | b"with"
            | b"but"
            | b"so"
            | b"when"
            | b"while"
            | b"published"
            | b"updated"
            | b"posted"
            | b"dated"
    )
}

fn part_of_day(w: &[u8]) -> bool {
    matches!(
        w,
        b"morning" | b"afternoon" | b"evening" | b"night" | b"midnight"
    )
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_months(n).ok()?).ok()
}

fn month_of(d: Date) -> PartialDate {
    PartialDate::Month {
        year: d.year(),
        month: d.month(),
    }
}

/// The latest `wd` on or before `p` (`strict`: strictly before).
fn weekday_before(p: Date, wd: Weekday, strict: bool) -> Option<Date> {
    let mut back = i64::from(p.weekday().since(wd));
    if strict && back == 0 {
        back = 7;
    }
    add_days(p, -back)
}

/// The first `wd` strictly after `p`.
fn weekday_after(p: Date, wd: Weekday) -> Option<Date> {
    let mut fwd = i64::from(p.weekday().until(wd));
    if fwd == 0 {
        fwd = 7;
    }
    add_days(p, fwd)
}

fn year_ok(n: u64) -> Option<i16> {
    if (1800..=2100).contains(&n) {
        i16::try_from(n).ok()
    } else {
        None
    }
}

impl Tokens for Scan<'_> {
    fn toks(&self) -> &[Tok] {
        self.t
    }
}

impl Scan<'_> {
    /// A plain integer token (no separators, no decimals) and its digit count.
    fn int(&self, i: usize) -> Option<(u64, u8)> {
        let t = self.t.get(i)?;
        if t.kind != Kind::Num {
            return None;
        }
        Some((t.num.plain()?, t.num.digits))
    }

    /// "'s" glued after token `i - 1`: returns the index after it.
    fn possessive(&self, i: usize) -> usize {
        if matches!(self.punct(i), Some('\'' | '\u{2019}'))
            && self.glued(i)
            && self.w(i + 1) == b"s"
            && self.glued(i + 1)
        {
            i + 2
        } else {
            i
        }
    }

    /// The previous token is a capitalized word that is no function word:
    /// the name-like context of "Black September", "Aurat March".
    fn name_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        self.tok(p)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !function_word(t.w()))
    }

    fn at(&self, i: usize) -> Option<(TimeExpr, usize)> {
        let t = self.tok(i)?;
        if matches!(t.kind, Kind::Punct(_)) {
            return None;
        }
        let mut pre = Prefix::default();
        let mut k = i;
        for _ in 0..6 {
            let w = self.w(k);
            match w {
                b"since" if k == i => {
                    pre.relation = Some(TimeRelation::Since);
                    k += 1;
                }
                b"until" | b"till" | b"through" | b"thru" if k == i => {
                    pre.relation = Some(TimeRelation::Until);
                    k += 1;
                }
                b"by" if k == i => {
                    pre.relation = Some(TimeRelation::Until);
                    pre.by = true;
                    k += 1;
                }
                b"up" if k == i && matches!(self.w(k + 1), b"until" | b"till") => {
                    pre.relation = Some(TimeRelation::Until);
                    k += 2;
                }
                b"on" | b"in" | b"during" | b"between" if pre.conn.is_none() => {
                    pre.conn = Some(k);
                    k += 1;
                }
                b"over"
                    if pre.conn.is_none()
                        && self.w(k + 1) == b"the"
                        && self.w(k + 2) == b"weekend" =>
                {
                    pre.conn = Some(k);
                    k += 1;
                }
                b"the"
                    if !pre.night_of
                        && matches!(
                            self.w(k + 1),
                            b"night" | b"morning" | b"evening" | b"afternoon"
                        )
                        && self.w(k + 2) == b"of" =>
                {
                    pre.night_of = true;
                    k += 3;
                }
                b"the"
                    if !pre.night_of
                        && matches!(self.w(k + 1), b"early" | b"small" | b"wee")
                        && self.w(k + 2) == b"hours"
                        && self.w(k + 3) == b"of" =>
                {
                    pre.night_of = true;
                    k += 4;
                }
                b"early"
                    if !pre.night_of && self.w(k + 1) == b"hours" && self.w(k + 2) == b"of" =>
                {
                    pre.night_of = true;
                    k += 3;
                }
                b"early" | b"late" | b"mid" | b"earlier" | b"later" if pre.modifier.is_none() => {
                    pre.modifier = Some(k);
                    // "mid-October", "late-2024"
                    if self.punct(k + 1).is_some_and(is_dash)
                        && self.glued(k + 1)
                        && self.glued(k + 2)
                    {
                        k += 2;
                    } else {
                        k += 1;
                    }
                }
                b"last" | b"past" | b"previous" if pre.det.is_none() => {
                    pre.det = Some(Det::Last);
                    k += 1;
                }
                b"this" | b"coming" if pre.det.is_none() => {
                    pre.det = Some(Det::This);
                    k += 1;
                }
                b"next" if pre.det.is_none() => {
                    pre.det = Some(Det::Next);
                    k += 1;
                }
                b"the"
                    if pre.det.is_none()
                        && matches!(self.w(k + 1), b"week" | b"month" | b"year" | b"weekend") =>
                {
                    pre.det = Some(Det::The);
                    k += 1;
                }
                _ => break,
            }
        }
        let (date, end, possessive) = self.core(i, k, &pre)?;
        let (start, relation) = if pre.by && possessive {
            // "by Sunday's strike": the strike's day, not a deadline.
            let first = [pre.conn, pre.modifier]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(k)
                .max(i + 1);
            (first, TimeRelation::At)
        } else if pre.conn == Some(i)
            && self.w(i) == b"in"
            && matches!(
                self.w(k),
                b"overnight" | b"today" | b"tonight" | b"yesterday"
            )
        {
            // "in overnight clashes": "in" belongs to the clashes.
            (i + 1, TimeRelation::At)
        } else {
            (i, pre.relation.unwrap_or(TimeRelation::At))
        };
        let expr = TimeExpr {
            start: self.tok(start)?.start,
            end: self.tok(end.checked_sub(1)?)?.end,
            date,
            relation,
        };
        Some((expr, end))
    }

    /// The core expression at `k`, after the prefix words `i..k`: the date,
    /// one past its last token, and whether it ended in a possessive.
    fn core(&self, i: usize, k: usize, pre: &Prefix) -> Option<(PartialDate, usize, bool)> {
        let t = self.tok(k)?;
        match t.kind {
            Kind::Num => self.num_core(i, k, pre).map(|(d, e)| (d, e, false)),
            Kind::Word => self.word_core(i, k, pre),
            Kind::Punct(_) => None,
        }
    }

    fn word_core(&self, i: usize, k: usize, pre: &Prefix) -> Option<(PartialDate, usize, bool)> {
        let t = self.tok(k)?;
        let w = t.w();
        let day = |d: Option<Date>| d.map(PartialDate::Day);
        // Month names and weekdays first: they are capitalized.
        if let Some(wd) = weekday(t) {
            return self.weekday_core(k, pre, wd);
        }
        if month(t).is_some() {
            return self.month_core(k, pre);
        }
        let p = self.p;
        match w {
            b"today" | b"tonight" | b"yesterday" | b"tomorrow" => {
                if t.cap && k == i && self.name_before(k) {
                    // "India Today", "USA Today"
                    return None;
                }
                let p = p?;
                let d = match w {
                    b"yesterday" => add_days(p, -1)?,
                    b"tomorrow" => add_days(p, 1)?,
                    _ => p,
                };
                let mut end = self.possessive(k + 1);
                let poss = end > k + 1;
                if !poss && part_of_day(self.w(end)) && w != b"tonight" {
                    end += 1;
                }
                Some((PartialDate::Day(d), end, poss))
            }
            b"overnight" => {
                let p = p?;
                // "overnight into Sunday": the night before Sunday.
                if self.w(k + 1) == b"into"
                    && let Some(wd) = self.tok(k + 2).and_then(weekday)
                {
                    let d = add_days(weekday_before(p, wd, false)?, -1);
                    return day(d).map(|d| (d, k + 3, false));
                }
                // "overnight Saturday", "overnight on Saturday"
                let j = if self.w(k + 1) == b"on" { k + 2 } else { k + 1 };
                if let Some(wd) = self.tok(j).and_then(weekday) {
                    return day(weekday_before(p, wd, false)).map(|d| (d, j + 1, false));
                }
                day(add_days(p, -1)).map(|d| (d, k + 1, false))
            }
            b"night" | b"evening" | b"morning" | b"afternoon" => {
                let p = p?;
                let d = match pre.det {
                    Some(Det::Last) if pre.modifier.is_none() || w == b"night" => add_days(p, -1)?,
                    Some(Det::This) => p,
                    _ => return None,
                };
                Some((PartialDate::Day(d), k + 1, false))
            }
            b"week" | b"weekend" | b"month" | b"year" => {
                let p = p?;
                let det = pre.det?;
                if det == Det::The {
                    // "earlier in the week", "over the weekend"
                    let ok = matches!(pre.modifier.map(|m| self.w(m)), Some(b"earlier" | b"later"))
                        || (w == b"weekend" && pre.conn.is_some());
                    if !ok {
                        return None;
                    }
                }
                if self.w(k.saturating_sub(1)) == b"past" {
                    // "the past week": a stretch of days, not a calendar unit.
                    return None;
                }
                let det = if det == Det::The { Det::This } else { det };
                let date = match (w, det) {
                    (b"week", Det::Last) => month_of(add_days(p, -7)?),
                    (b"week", Det::Next) => month_of(add_days(p, 7)?),
                    (b"week", _) => month_of(p),
                    (b"weekend", Det::Next) => month_of(weekday_after(p, Weekday::Saturday)?),
                    (b"weekend", d) => {
                        // The latest Saturday on or before P (the weekend
                        // that ended on Sunday P counts as this weekend).
                        let mut sat = weekday_before(p, Weekday::Saturday, false)?;
                        if d == Det::Last
                            && matches!(p.weekday(), Weekday::Saturday | Weekday::Sunday)
                        {
                            sat = add_days(sat, -7)?;
                        }
                        month_of(sat)
                    }
                    (b"month", Det::Last) => month_of(add_months(p.first_of_month(), -1)?),
                    (b"month", Det::Next) => month_of(add_months(p.first_of_month(), 1)?),
                    (b"month", _) => month_of(p),
                    (_, Det::Last) => PartialDate::Year(p.year().checked_sub(1)?),
                    (_, Det::Next) => PartialDate::Year(p.year().checked_add(1)?),
                    _ => PartialDate::Year(p.year()),
                };
                let end = self.possessive(k + 1);
                Some((date, end, end > k + 1))
            }
            b"the" if pre.conn.is_some_and(|c| self.w(c) == b"on") => {
                // "on the 9th": a day of the publication month (or the one before)
                if let Some((r, end)) = self.day_month(k + 1) {
                    return self.resolve_day_or_range(r, pre).map(|d| (d, end, false));
                }
                let (dnum, end) = self.day_at(k + 1)?;
                if end != k + 3 {
                    return None; // no ordinal suffix
                }
                let p = p?;
                let this_month = Date::new(p.year(), p.month(), dnum)
                    .ok()
                    .filter(|d| *d <= p);
                let d = match this_month {
                    Some(d) => d,
                    None => {
                        let prev = add_months(p.first_of_month(), -1)?;
                        Date::new(prev.year(), prev.month(), dnum).ok()?
                    }
                };
                Some((PartialDate::Day(d), end, false))
            }
            b"spring" | b"summer" | b"autumn" | b"fall" | b"winter" => {
                // "the summer of 2024", "winter 2023"
                let j = if self.w(k + 1) == b"of" { k + 2 } else { k + 1 };
                let (n, digits) = self.int(j)?;
                let y = year_ok(n).filter(|_| digits == 4)?;
                Some((PartialDate::Year(y), j + 1, false))
            }
            _ => {
                // "two days ago", "a week ago"
                let n = match w {
                    b"a" | b"an" => 1,
                    _ => small_word(w).map(|(v, _)| v)?,
                };
                self.ago(k, n).map(|(d, e)| (d, e, false))
            }
        }
    }

    /// "N days|weeks|months|years ago" with the number at `k`.
    fn ago(&self, k: usize, n: u64) -> Option<(PartialDate, usize)> {
        if self.w(k + 2) != b"ago" {
            return None;
        }
        let p = self.p?;
        let n = i64::try_from(n).ok()?;
        let date = match self.w(k + 1) {
            b"day" | b"days" => PartialDate::Day(add_days(p, -n)?),
            b"week" | b"weeks" => month_of(add_days(p, n.checked_mul(-7)?)?),
            b"month" | b"months" => month_of(add_months(p, -n)?),
            b"year" | b"years" => PartialDate::Year(p.year().checked_sub(i16::try_from(n).ok()?)?),
            _ => return None,
        };
        Some((date, k + 3))
    }

    fn weekday_core(
        &self,
        k: usize,
        pre: &Prefix,
        wd: Weekday,
    ) -> Option<(PartialDate, usize, bool)> {
        // A full date after the weekday: "Wednesday, May 7, 2025", "Sunday 12 October".
        let j = if self.punct(k + 1) == Some(',') {
            k + 2
        } else {
            k + 1
        };
        if let Some((date, end)) = self.month_day(j).or_else(|| self.day_month(j))
            && let Some(date) = self.resolve_day(date)
        {
            return Some((date, end, false));
        }
        if !pre.any() {
            // "Black Sunday", "Sunday Times", "Good Friday" (as a name)
            if self.name_before(k) {
                return None;
            }
            if let Some(n) = self.tok(k + 1) {
                let capital_next = n.kind == Kind::Word
                    && n.cap
                    && month(n).is_none()
                    && weekday(n).is_none()
                    && !part_of_day(n.w())
                    && !function_word(n.w());
                if capital_next {
                    return None;
                }
            }
        }
        let p = self.p?;
        let d = match pre.det {
            Some(Det::Last) => weekday_before(p, wd, true)?,
            Some(Det::Next) => weekday_after(p, wd)?,
            _ => weekday_before(p, wd, false)?,
        };
        let mut end = self.possessive(k + 1);
        let poss = end > k + 1;
        if !poss && part_of_day(self.w(end)) {
            end += 1;
        }
        Some((PartialDate::Day(d), end, poss))
    }

    fn month_core(&self, k: usize, pre: &Prefix) -> Option<(PartialDate, usize, bool)> {
        let t = self.tok(k)?;
        let (m, abbr) = month(t)?;
        // "May 7, 2025", "May 7", "May 7-10"
        if let Some((date, end)) = self.month_day(k) {
            return self
                .resolve_day_or_range(date, pre)
                .map(|d| (d, end, false));
        }
        // "October 2023", "October, 2023", "October of 2023"
        let mut j = k + 1;
        if abbr && self.punct(j) == Some('.') && self.glued(j) {
            j += 1;
        }
        let jy = match (self.punct(j), self.w(j)) {
            (Some(','), _) => j + 1,
            (_, b"of") => j + 1,
            _ => j,
        };
        if let Some((n, 4)) = self.int(jy)
            && let Some(y) = year_ok(n)
            && (!self.glued(jy + 1) || self.punct(jy + 1).is_some_and(|c| !is_dash(c)))
        {
            return Some((PartialDate::Month { year: y, month: m }, jy + 1, false));
        }
        if abbr {
            return None;
        }
        // A month alone: needs context when it is "May" or "March".
        let end = self.possessive(k + 1);
        let poss = end > k + 1;
        let context = pre.any() || poss;
        if !context && self.name_before(k) {
            // "Black September", "Aurat March"
            return None;
        }
        if k > 0
            && self
                .int(k - 1)
                .is_some_and(|(n, digits)| digits <= 2 && n <= 31)
        {
            // "31 April": an impossible day, already rejected.
            return None;
        }
        if !context {
            if matches!(m, 3 | 5) {
                return None;
            }
            if self
                .tok(k + 1)
                .is_some_and(|n| n.kind == Kind::Word && n.cap && month(n).is_none())
            {
                // "April Smith"
                return None;
            }
        }
        let p = self.p?;
        let (py, pm) = (p.year(), p.month());
        let year = match pre.det {
            Some(Det::Last) => {
                if m < pm {
                    py
                } else {
                    py.checked_sub(1)?
                }
            }
            Some(Det::Next) => {
                if m > pm {
                    py
                } else {
                    py.checked_add(1)?
                }
            }
            Some(Det::This) => py,
            _ => {
                if m <= pm {
                    py
                } else {
                    py.checked_sub(1)?
                }
            }
        };
        Some((PartialDate::Month { year, month: m }, end, poss))
    }

    fn num_core(&self, i: usize, k: usize, pre: &Prefix) -> Option<(PartialDate, usize)> {
        let t = self.tok(k)?;
        // Glued on the left to letters ("G7", "Su-30"): not a date, unless
        // it is "mid-2024" (the modifier was read as a prefix).
        if !t.space && k > 0 && pre.modifier.is_none_or(|m| m + 2 != k) {
            let bad = match self.tok(k - 1).map(|p| p.kind) {
                Some(Kind::Word | Kind::Num) => true,
                Some(Kind::Punct(c)) => is_dash(c) || matches!(c, '/' | ':' | '.' | '#'),
                None => false,
            };
            if bad {
                return None;
            }
        }
        // ISO: "2025-10-11", "2025-10-11T21:55:15+00:00"
        if let Some(d) = self.iso(k) {
            return Some(d);
        }
        // "15 April 2023", "9-10 May", "7th of May"
        if let Some((date, end)) = self.day_month(k) {
            return self.resolve_day_or_range(date, pre).map(|d| (d, end));
        }
        // "N days ago"
        if let Some((n, _)) = self.int(k)
            && !self.glued(k + 1)
            && let Some(r) = self.ago(k, n)
        {
            return Some(r);
        }
        // Years ("on the 9th" is read at "the", in `word_core`).
        let (n, digits) = self.int(k)?;
        let y = year_ok(n).filter(|_| digits == 4)?;
        let mut end = k + 1;
        if self.glued(end) {
            match self.tok(end).map(|n| n.kind) {
                // "2023-24", "2023–2024": the first year
                Some(Kind::Punct(c))
                    if is_dash(c) && self.glued(end + 1) && self.int(end + 1).is_some() =>
                {
                    let (_, d2) = self.int(end + 1)?;
                    let three_parts =
                        self.punct(end + 2).is_some_and(is_dash) && self.glued(end + 2);
                    if (d2 != 2 && d2 != 4) || three_parts {
                        return None;
                    }
                    end += 2;
                }
                Some(Kind::Punct('%' | '/' | ':')) => return None,
                Some(Kind::Punct(_)) => {}
                // "1990s", "2025km", "2025T"
                _ => return None,
            }
        }
        // "February 30, 2025": the rest of an impossible date.
        if k >= 3
            && self.punct(k - 1) == Some(',')
            && self.int(k - 2).is_some_and(|(n, _)| n <= 31)
            && self.tok(k - 3).and_then(month).is_some()
        {
            return None;
        }
        // A qualifier before it makes it a count ("at least 2000").
        if let Some(prev) = i.checked_sub(1) {
            if matches!(
                self.w(prev),
                b"least"
                    | b"most"
                    | b"than"
                    | b"about"
                    | b"around"
                    | b"some"
                    | b"nearly"
                    | b"almost"
                    | b"over"
                    | b"under"
                    | b"roughly"
                    | b"approximately"
                    | b"estimated"
                    | b"killed"
                    | b"killing"
            ) && !pre.any()
            {
                return None;
            }
            // "Resolution 2231", "Flight 2025"
            if !pre.any()
                && self.tok(prev).is_some_and(|p| {
                    p.cap
                        && matches!(
                            p.w(),
                            b"resolution" | b"article" | b"flight" | b"no" | b"number"
                        )
                })
            {
                return None;
            }
        }
        let context = pre.relation.is_some()
            || pre.conn.is_some()
            || pre.modifier.is_some()
            || year_context(self.t, k, end);
        context.then_some((PartialDate::Year(y), end))
    }

    /// "2025-10-11" (with any time glued on): the day and the end.
    fn iso(&self, k: usize) -> Option<(PartialDate, usize)> {
        let (y, 4) = self.int(k)? else { return None };
        let ok = |j: usize| self.punct(j) == Some('-') && self.glued(j) && self.glued(j + 1);
        if !ok(k + 1) || !ok(k + 3) {
            return None;
        }
        let (m, md) = self.int(k + 2)?;
        let (d, dd) = self.int(k + 4)?;
        if md > 2 || dd > 2 {
            return None;
        }
        let date = Date::new(
            i16::try_from(y).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        )
        .ok()?;
        let mut end = k + 5;
        // "T21:55:15+00:00", "T21:55Z"
        while let Some(t) = self.tok(end) {
            if t.space {
                break;
            }
            let joins = match t.kind {
                Kind::Num | Kind::Word => true,
                Kind::Punct(c) => {
                    matches!(c, ':' | '+' | '-' | '.')
                        && self.glued(end + 1)
                        && self.tok(end + 1).is_some_and(|n| n.kind == Kind::Num)
                }
            };
            if !joins {
                break;
            }
            end += 1;
        }
        Some((PartialDate::Day(date), end))
    }

    /// A day number (1–31) at `j`, optionally with a glued ordinal suffix:
    /// the day and the index after it.
    fn day_at(&self, j: usize) -> Option<(i8, usize)> {
        let (n, digits) = self.int(j)?;
        if digits > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut end = j + 1;
        if self.glued(end) {
            match self.w(end) {
                b"st" | b"nd" | b"rd" | b"th" => end += 1,
                _ => {
                    if self.tok(end).is_some_and(|t| t.kind == Kind::Word) {
                        return None;
                    }
                    // "7:30", "7/10", "7.5": not a day
                    if matches!(self.punct(end), Some(':' | '/' | '.' | '%'))
                        && self.tok(end + 1).is_some_and(|t| !t.space)
                    {
                        return None;
                    }
                }
            }
        }
        Some((i8::try_from(n).ok()?, end))
    }

    /// A day range continuation at `j`: "-10", "–10th", " to 10", " and 10".
    fn day_range(&self, j: usize) -> Option<(i8, usize)> {
        let sep = self.punct(j).is_some_and(is_dash) || matches!(self.w(j), b"to" | b"and");
        if !sep {
            return None;
        }
        self.day_at(j + 1)
    }

    /// A year after a date at `j`: "2025", ", 2025".
    fn year_after(&self, j: usize) -> Option<(i16, usize)> {
        let jy = if self.punct(j) == Some(',') { j + 1 } else { j };
        let (n, 4) = self.int(jy)? else { return None };
        let y = year_ok(n)?;
        if self.glued(jy + 1)
            && !matches!(
                self.punct(jy + 1),
                Some(',' | '.' | ';' | ')' | ':' | '"' | '\u{201D}')
            )
        {
            return None;
        }
        Some((y, jy + 1))
    }

    /// "May 7", "May 7, 2025", "Oct. 12", "May 7-10", "May 21st".
    fn month_day(&self, k: usize) -> Option<(DayRef, usize)> {
        let (m, abbr) = month(self.tok(k)?)?;
        let mut j = k + 1;
        if abbr && self.punct(j) == Some('.') && self.glued(j) {
            j += 1;
        }
        if self.glued(j) {
            return None;
        }
        let (d, mut end) = self.day_at(j)?;
        let mut d2 = None;
        if let Some((e2, end2)) = self.day_range(end).filter(|(e2, _)| *e2 > d) {
            d2 = Some(e2);
            end = end2;
        }
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        Some((
            DayRef {
                year,
                month: m,
                day: d,
                day2: d2,
            },
            end,
        ))
    }

    /// "15 April 2023", "7th of May", "9-10 May", "7 May".
    fn day_month(&self, k: usize) -> Option<(DayRef, usize)> {
        let (d, mut j) = self.day_at(k)?;
        let mut d2 = None;
        if let Some((e2, end2)) = self.day_range(j).filter(|(e2, _)| *e2 > d) {
            d2 = Some(e2);
            j = end2;
        }
        if self.w(j) == b"of" {
            j += 1;
        }
        let (m, abbr) = month(self.tok(j)?)?;
        let mut end = j + 1;
        if abbr && self.punct(end) == Some('.') && self.glued(end) {
            end += 1;
        }
        let mut year = None;
        if let Some((y, e)) = self.year_after(end) {
            year = Some(y);
            end = e;
        }
        Some((
            DayRef {
                year,
                month: m,
                day: d,
                day2: d2,
            },
            end,
        ))
    }

    /// A day with or without a year, resolved: without one, the latest such
    /// day on or before the publication day.
    fn resolve_day(&self, r: DayRef) -> Option<PartialDate> {
        if r.day2.is_some() {
            return None;
        }
        self.resolve_date(r).map(PartialDate::Day)
    }

    fn resolve_date(&self, r: DayRef) -> Option<Date> {
        match r.year {
            Some(y) => Date::new(y, r.month, r.day).ok(),
            None => {
                let p = self.p?;
                let this_year = Date::new(p.year(), r.month, r.day).ok();
                match this_year {
                    Some(d) if d <= p => Some(d),
                    _ => Date::new(p.year().checked_sub(1)?, r.month, r.day).ok(),
                }
            }
        }
    }

    /// A day, or for a range of days its month ("7-10 May"), except the
    /// night of two consecutive days ("the night of 9-10 May" is the 9th).
    fn resolve_day_or_range(&self, r: DayRef, pre: &Prefix) -> Option<PartialDate> {
        let first = self.resolve_date(DayRef { day2: None, ..r })?;
        match r.day2 {
            None => Some(PartialDate::Day(first)),
            Some(d2) if pre.night_of && i16::from(d2) == i16::from(r.day) + 1 => {
                Some(PartialDate::Day(first))
            }
            Some(_) => Some(month_of(first)),
        }
    }
}

/// A day of a month as written, before resolution.
#[derive(Clone, Copy, Debug)]
struct DayRef {
    year: Option<i16>,
    month: i8,
    day: i8,
    /// The last day of a range ("7-10 May").
    day2: Option<i8>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartialDate::{Day, Month, Year};
    use TimeRelation::{At, Since, Until};
    use jiff::civil::date;

    /// Friday 27 February 2026.
    const FRI: Date = date(2026, 2, 27);
    /// Sunday 12 October 2025.
    const SUN: Date = date(2025, 10, 12);

    fn f(text: &str, p: Option<Date>) -> Vec<(&str, PartialDate, TimeRelation)> {
        find(text, p)
            .into_iter()
            .map(|e| (&text[e.start..e.end], e.date, e.relation))
            .collect()
    }

    fn one(text: &str, p: Date) -> (&str, PartialDate, TimeRelation) {
        let v = f(text, Some(p));
        assert_eq!(v.len(), 1, "{text:?} → {v:?}");
        v[0]
    }

    fn d(y: i16, m: i8, dd: i8) -> PartialDate {
        Day(date(y, m, dd))
    }

    #[test]
    fn today_yesterday_overnight() {
        assert_eq!(
            one("The army said today that", FRI),
            ("today", d(2026, 2, 27), At)
        );
        assert_eq!(
            one("Earlier today, forces took", FRI),
            ("Earlier today", d(2026, 2, 27), At)
        );
        assert_eq!(
            one("He spoke this morning.", FRI),
            ("this morning", d(2026, 2, 27), At)
        );
        assert_eq!(one("a vote tonight", FRI), ("tonight", d(2026, 2, 27), At));
        assert_eq!(
            one("repelled an attack yesterday", FRI),
            ("yesterday", d(2026, 2, 26), At)
        );
        assert_eq!(
            one("late last night", FRI),
            ("late last night", d(2026, 2, 26), At)
        );
        assert_eq!(
            one("killed overnight, officials said", FRI),
            ("overnight", d(2026, 2, 26), At)
        );
        assert_eq!(
            one("in overnight border clashes", SUN),
            ("overnight", d(2025, 10, 11), At)
        );
        assert_eq!(
            one("fighting overnight into Sunday", SUN),
            ("overnight into Sunday", d(2025, 10, 11), At)
        );
        assert_eq!(
            one("strikes overnight Saturday", SUN),
            ("overnight Saturday", d(2025, 10, 11), At)
        );
        assert_eq!(f("the paper India Today reported", Some(FRI)), vec![]);
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            one("said on Sunday that", FRI),
            ("on Sunday", d(2026, 2, 22), At)
        );
        assert_eq!(
            one("began late Thursday", FRI),
            ("late Thursday", d(2026, 2, 26), At)
        );
        assert_eq!(
            one("on Thursday night", FRI),
            ("on Thursday night", d(2026, 2, 26), At)
        );
        assert_eq!(
            one("early Sunday morning", FRI),
            ("early Sunday morning", d(2026, 2, 22), At)
        );
        assert_eq!(
            one("on Friday morning", FRI),
            ("on Friday morning", d(2026, 2, 27), At)
        );
        assert_eq!(
            one("In the early hours of Sunday, a missile hit", FRI),
            ("In the early hours of Sunday", d(2026, 2, 22), At)
        );
        assert_eq!(
            one("Sunday's attack", FRI),
            ("Sunday's", d(2026, 2, 22), At)
        );
        assert_eq!(
            one("Tuesday’s operation", FRI),
            ("Tuesday’s", d(2026, 2, 24), At)
        );
        assert_eq!(
            one("said Wednesday", date(2024, 12, 25)),
            ("Wednesday", d(2024, 12, 25), At)
        );
        assert_eq!(one("last Friday", FRI), ("last Friday", d(2026, 2, 20), At));
        assert_eq!(one("last Sunday", FRI), ("last Sunday", d(2026, 2, 22), At));
        assert_eq!(one("next Monday", FRI), ("next Monday", d(2026, 3, 2), At));
        assert_eq!(
            one("until Friday", date(2026, 2, 25)),
            ("until Friday", d(2026, 2, 20), Until)
        );
        assert_eq!(
            one("killed by Sunday's strike", FRI),
            ("Sunday's", d(2026, 2, 22), At)
        );
        assert_eq!(
            one("talks ended by Sunday", FRI),
            ("by Sunday", d(2026, 2, 22), Until)
        );
        assert_eq!(
            f("on Saturday and Sunday", Some(SUN)),
            vec![
                ("on Saturday", d(2025, 10, 11), At),
                ("Sunday", d(2025, 10, 12), At)
            ]
        );
    }

    #[test]
    fn weekday_false_positives() {
        assert_eq!(f("the Sunday Times reported", Some(FRI)), vec![]);
        assert_eq!(f("marking Black Friday sales", Some(FRI)), vec![]);
        assert_eq!(f("every sunday and monday", Some(FRI)), vec![]);
        assert_eq!(f("said on Sunday", None), vec![]);
    }

    #[test]
    fn weeks_months_years() {
        assert_eq!(
            one("an offensive last week", date(2025, 10, 15)),
            (
                "last week",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("last week", date(2025, 10, 3)),
            (
                "last week",
                Month {
                    year: 2025,
                    month: 9
                },
                At
            )
        );
        assert_eq!(
            one("earlier this week", FRI),
            (
                "earlier this week",
                Month {
                    year: 2026,
                    month: 2
                },
                At
            )
        );
        assert_eq!(
            one("Earlier in the week, a bomb", SUN),
            (
                "Earlier in the week",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("Earlier this month, the RSF", date(2025, 4, 24)),
            (
                "Earlier this month",
                Month {
                    year: 2025,
                    month: 4
                },
                At
            )
        );
        assert_eq!(
            one("last month", date(2025, 1, 10)),
            (
                "last month",
                Month {
                    year: 2024,
                    month: 12
                },
                At
            )
        );
        assert_eq!(one("Last year alone", FRI), ("Last year", Year(2025), At));
        assert_eq!(one("so far this year", FRI), ("this year", Year(2026), At));
        assert_eq!(
            one("since last year", FRI),
            ("since last year", Year(2025), Since)
        );
        assert_eq!(
            one("over the weekend", SUN),
            (
                "over the weekend",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("three days ago", FRI),
            ("three days ago", d(2026, 2, 24), At)
        );
        assert_eq!(one("a year ago", FRI), ("a year ago", Year(2025), At));
        assert_eq!(
            one("2 weeks ago", date(2026, 3, 5)),
            (
                "2 weeks ago",
                Month {
                    year: 2026,
                    month: 2
                },
                At
            )
        );
        assert_eq!(
            f(
                "a week of talks and the year ahead, the past week",
                Some(FRI)
            ),
            vec![]
        );
    }

    #[test]
    fn months() {
        assert_eq!(
            one("clashes in October killing", FRI),
            (
                "in October",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("in November", FRI),
            (
                "in November",
                Month {
                    year: 2025,
                    month: 11
                },
                At
            )
        );
        assert_eq!(
            one("in February", FRI),
            (
                "in February",
                Month {
                    year: 2026,
                    month: 2
                },
                At
            )
        );
        assert_eq!(
            one("the October ceasefire", FRI),
            (
                "October",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("October’s clashes", FRI),
            (
                "October’s",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("in October 2023 to expel", FRI),
            (
                "in October 2023",
                Month {
                    year: 2023,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("since February 2022.", FRI),
            (
                "since February 2022",
                Month {
                    year: 2022,
                    month: 2
                },
                Since
            )
        );
        assert_eq!(
            one("since May 2024", FRI),
            (
                "since May 2024",
                Month {
                    year: 2024,
                    month: 5
                },
                Since
            )
        );
        assert_eq!(
            one("in May", FRI),
            (
                "in May",
                Month {
                    year: 2025,
                    month: 5
                },
                At
            )
        );
        assert_eq!(
            one("mid-October", FRI),
            (
                "mid-October",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("last October", date(2025, 10, 20)),
            (
                "last October",
                Month {
                    year: 2024,
                    month: 10
                },
                At
            )
        );
        assert_eq!(
            one("last October", FRI),
            (
                "last October",
                Month {
                    year: 2025,
                    month: 10
                },
                At
            )
        );
        // Absolute months resolve without a publication day; bare ones do not.
        assert_eq!(
            f("in October 2023", None),
            vec![(
                "in October 2023",
                Month {
                    year: 2023,
                    month: 10
                },
                At
            )]
        );
        assert_eq!(f("in October", None), vec![]);
    }

    #[test]
    fn month_false_positives() {
        assert_eq!(
            f("May God protect them. Casualties may rise.", Some(FRI)),
            vec![]
        );
        assert_eq!(
            f("March organisers said the march went ahead", Some(FRI)),
            vec![]
        );
        assert_eq!(f("the Aurat March and Black September", Some(FRI)), vec![]);
        assert_eq!(f("April Smith said", Some(FRI)), vec![]);
        assert_eq!(f("in october", Some(FRI)), vec![]);
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            one("on May 7, 2025 in", FRI),
            ("on May 7, 2025", d(2025, 5, 7), At)
        );
        assert_eq!(one("7 May 2025", FRI), ("7 May 2025", d(2025, 5, 7), At));
        assert_eq!(
            one("Since 15 April 2023, the RSF", FRI),
            ("Since 15 April 2023", d(2023, 4, 15), Since)
        );
        assert_eq!(
            one("Wednesday, May 7, 2025: Pakistan", FRI),
            ("Wednesday, May 7, 2025", d(2025, 5, 7), At)
        );
        assert_eq!(
            one("Published: October 12, 2025 13:58:13 IST", FRI),
            ("October 12, 2025", d(2025, 10, 12), At)
        );
        assert_eq!(
            one("a deadly attack on April 22, 2025,", FRI),
            ("on April 22, 2025", d(2025, 4, 22), At)
        );
        assert_eq!(
            one("after midnight on May 6", date(2025, 5, 13)),
            ("on May 6", d(2025, 5, 6), At)
        );
        assert_eq!(
            one("on May 9", date(2025, 3, 1)),
            ("on May 9", d(2024, 5, 9), At)
        );
        assert_eq!(
            one("a deadly April 22 attack", date(2025, 5, 13)),
            ("April 22", d(2025, 4, 22), At)
        );
        assert_eq!(
            one("the night of May 9", date(2025, 5, 13)),
            ("the night of May 9", d(2025, 5, 9), At)
        );
        assert_eq!(
            one("on the night of 9-10 May", date(2025, 5, 13)),
            ("on the night of 9-10 May", d(2025, 5, 9), At)
        );
        assert_eq!(
            one("Between 7 and 10 May, the sides", date(2025, 5, 13)),
            (
                "Between 7 and 10 May",
                Month {
                    year: 2025,
                    month: 5
                },
                At
            )
        );
        assert_eq!(
            one("fighting on 7-10 May", date(2025, 5, 13)),
            (
                "on 7-10 May",
                Month {
                    year: 2025,
                    month: 5
                },
                At
            )
        );
        assert_eq!(
            one("through June 11, there", date(2025, 6, 28)),
            ("through June 11", d(2025, 6, 11), Until)
        );
        assert_eq!(
            one("DUBAI June 15: Tensions", date(2025, 6, 16)),
            ("June 15", d(2025, 6, 15), At)
        );
        assert_eq!(
            one("Oct. 12, 2025", FRI),
            ("Oct. 12, 2025", d(2025, 10, 12), At)
        );
        assert_eq!(
            one("the 21st of May", date(2025, 6, 1)),
            ("21st of May", d(2025, 5, 21), At)
        );
        assert_eq!(
            one("on the 9th of May", date(2025, 6, 1)),
            ("on the 9th of May", d(2025, 5, 9), At)
        );
        assert_eq!(
            one("on the 9th, troops", date(2025, 6, 12)),
            ("on the 9th", d(2025, 6, 9), At)
        );
        assert_eq!(
            one("on the 19th", date(2025, 6, 12)),
            ("on the 19th", d(2025, 5, 19), At)
        );
        assert_eq!(
            one("Sunday, October 12", FRI),
            ("Sunday, October 12", d(2025, 10, 12), At)
        );
        // Without a publication day only dates with a year resolve.
        assert_eq!(
            f("on May 9 and on May 7, 2025", None),
            vec![("on May 7, 2025", d(2025, 5, 7), At)]
        );
        // Impossible days are skipped.
        assert_eq!(f("February 30, 2025 and 31 April", Some(FRI)), vec![]);
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            one(" date 2025-10-11 Kabul", FRI),
            ("2025-10-11", d(2025, 10, 11), At)
        );
        assert_eq!(
            one("posted 2025-10-11T21:55:15+00:00 by", FRI),
            ("2025-10-11T21:55:15+00:00", d(2025, 10, 11), At)
        );
        assert_eq!(f("2025-13-45", Some(FRI)), vec![]);
    }

    #[test]
    fn years() {
        assert_eq!(
            one("independence in 1947.", FRI),
            ("in 1947", Year(1947), At)
        );
        assert_eq!(
            one("since 2021 the group", FRI),
            ("since 2021", Year(2021), Since)
        );
        assert_eq!(one("the 1999 hijacking", FRI), ("1999", Year(1999), At));
        assert_eq!(one("by 2030", FRI), ("by 2030", Year(2030), Until));
        assert_eq!(one("in mid-2024", FRI), ("in mid-2024", Year(2024), At));
        assert_eq!(
            one("the summer of 2024", FRI),
            ("summer of 2024", Year(2024), At)
        );
        assert_eq!(one("in 2023-24", FRI), ("in 2023-24", Year(2023), At));
        assert_eq!(
            f(
                "2000 people died and at least 2025 were hurt in the 1990s",
                Some(FRI)
            ),
            vec![]
        );
        assert_eq!(
            f("Resolution 1701 and the Su-2025 and 1,947", Some(FRI)),
            vec![]
        );
        assert_eq!(
            f("The toll rose to 2000. It began at 1900 GMT", Some(FRI)),
            vec![]
        );
    }

    #[test]
    fn the_dev_style_sentence() {
        let s = "Afghanistan said that its military launched its attack late Thursday into Pakistan, \
                 and that the fighting ended around midnight, about four hours after it began on Thursday.";
        assert_eq!(
            f(s, Some(FRI)),
            vec![
                ("late Thursday", d(2026, 2, 26), At),
                ("on Thursday", d(2026, 2, 26), At)
            ]
        );
    }

    #[test]
    fn never_panics() {
        let edge = [Date::MIN, Date::MAX, date(2000, 2, 29), date(1, 1, 1)];
        let texts = [
            "yesterday",
            "tomorrow",
            "overnight",
            "last week",
            "next week",
            "last month",
            "next month",
            "last year",
            "next year",
            "on Sunday",
            "last Sunday",
            "next Sunday",
            "in October",
            "last October",
            "next October",
            "May 7",
            "7 May",
            "February 29",
            "99999 days ago",
            "9999999999999999999 years ago",
            "two days ago",
            "over the weekend",
            "last weekend",
            "next weekend",
            "the night of 9-10 May",
            "since",
            "by",
            "the",
            "in the early hours of",
            "mid-",
            "2025-",
            "2025-10-",
            "-2025",
            "",
        ];
        for p in edge {
            for t in texts {
                let _ = find(t, Some(p));
                let _ = find(t, None);
            }
        }
        let s = "Since early Sunday, May 7, 2025–10 and 2024-25 — overnight into Monday’s 12th of Oct. 2025-10-11T21:5";
        for (i, _) in s.char_indices() {
            for e in find(&s[..i], Some(FRI)) {
                assert!(e.start < e.end && e.end <= i);
            }
            let _ = find(&s[i..], Some(FRI));
        }
    }
}
