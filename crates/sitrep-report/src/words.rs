//! The words of a report, shared by the Markdown and HTML renderers: how
//! a date span, a figure, a claimant, a flag or an event reads.
//!
//! Plain text only; each renderer escapes and marks it up.

use jiff::civil::Date;
use sitrep_model::{Place, Side, Stance};
use sitrep_reconcile::{ContestFlag, ContestedFigure, DateSpan, EventGroup, Figure, Scope};

use crate::LedgerQuery;

/// "2025-10-11", "2025-10-11 – 2025-10-12" or "undated".
pub(crate) fn span(span: DateSpan) -> String {
    match (span.from, span.to) {
        (Some(from), Some(to)) if from == to => from.to_string(),
        (Some(from), Some(to)) => format!("{from} – {to}"),
        (Some(day), None) | (None, Some(day)) => day.to_string(),
        (None, None) => "undated".to_owned(),
    }
}

/// "2025-10-12" or "undated".
pub(crate) fn day(day: Option<Date>) -> String {
    day.map_or_else(|| "undated".to_owned(), |d| d.to_string())
}

/// "soldiers/fighters killed (PAK)", with the scope when it is not one
/// happening.
pub(crate) fn what(figure: &ContestedFigure) -> String {
    let side = figure
        .subject
        .side
        .as_ref()
        .map_or(String::new(), |s| format!(" ({s})"));
    let scope = match figure.scope {
        Scope::Incident => "",
        Scope::Period => ", period total",
        Scope::Cumulative => ", running total",
    };
    let kinds: Vec<&str> = figure.subject.kinds.iter().map(|k| k.as_str()).collect();
    let subject = if kinds.is_empty() {
        figure.subject.kind.as_str().to_owned()
    } else {
        kinds.join("/")
    };
    format!("{subject} {}{side}{scope}", figure.category)
}

/// Who states a figure: "AFG: Afghan defence ministry", "unknown side:
/// witnesses" or "no attribution".
pub(crate) fn claimant(figure: &Figure) -> String {
    match (&figure.claimant.side, &figure.claimant.text) {
        (Some(side), Some(text)) => format!("{side}: {text}"),
        (Some(side), None) => side.to_string(),
        (None, Some(text)) => format!("unknown side: {text}"),
        (None, None) => "no attribution".to_owned(),
    }
}

/// The figure as stated ("at least 55"), "denies 55" for a denial, with
/// earlier figures: "60 (earlier 40, 52)".
pub(crate) fn value(figure: &Figure) -> String {
    let stated = if figure.text.is_empty() {
        figure.n.to_string()
    } else {
        figure.text.clone()
    };
    let mut out = match figure.stance {
        Stance::Asserted => stated,
        Stance::Denied => format!("denies {stated}"),
    };
    if !figure.revisions.is_empty() {
        let earlier: Vec<String> = figure
            .revisions
            .iter()
            .map(|r| match r.n_max {
                Some(max) if max != r.n => format!("{}–{max}", r.n),
                _ => r.n.to_string(),
            })
            .collect();
        out.push_str(&format!(" (earlier {})", earlier.join(", ")));
    }
    out
}

/// "23–58", "58" or "—".
pub(crate) fn range(figure: &ContestedFigure) -> String {
    match (figure.low, figure.high) {
        (Some(low), Some(high)) if low == high => low.to_string(),
        (Some(low), Some(high)) => format!("{low}–{high}"),
        _ => "—".to_owned(),
    }
}

/// "2.5×", or "—" when there is no spread (one figure, or none above 0).
pub(crate) fn spread(figure: &ContestedFigure) -> String {
    match figure.spread {
        Some(s) if figure.low != figure.high => format!("{s:.1}×"),
        _ => "—".to_owned(),
    }
}

/// "1 outlet", "2 outlets".
pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What a flag tells the reader.
pub(crate) fn flag(flag: ContestFlag) -> &'static str {
    match flag {
        ContestFlag::OneSide => "one side only",
        ContestFlag::SpreadOver5x => "figures differ more than 5×",
        ContestFlag::Denied => "denied by the other side",
        ContestFlag::SingleSource => "single source",
        ContestFlag::Revised => "revised",
        ContestFlag::DateInferred => "date inferred from publication",
        ContestFlag::Syndicated => "syndicated copies counted once",
        ContestFlag::Unattributed => "no claimant named",
    }
}

/// "one side only; revised" or "".
pub(crate) fn flags(figure: &ContestedFigure) -> String {
    figure
        .flags
        .iter()
        .map(|&f| flag(f))
        .collect::<Vec<_>>()
        .join("; ")
}

/// "ASSAULT (aerial)", "denied ASSAULT (aerial)".
pub(crate) fn event_kind(event: &EventGroup) -> String {
    let mode = event.mode.map_or(String::new(), |m| format!(" ({m})"));
    let negated = if event.negated { "denied: " } else { "" };
    format!("{negated}{}{mode}", event.kind)
}

fn actor(text: Option<&str>, sides: &[Side]) -> Option<String> {
    let codes: Vec<&str> = sides.iter().map(Side::as_str).collect();
    match (text, codes.is_empty()) {
        (Some(text), false) => Some(format!("{text} ({})", codes.join(", "))),
        (Some(text), true) => Some(text.to_owned()),
        (None, false) => Some(codes.join(", ")),
        (None, true) => None,
    }
}

/// "Pakistani jets (PAK) → Afghan Taliban (AFG)".
pub(crate) fn actors(event: &EventGroup) -> String {
    let one = actor(event.actor1_text.as_deref(), &event.actor1);
    let two = actor(event.actor2_text.as_deref(), &event.actor2);
    match (one, two) {
        (Some(a), Some(b)) => format!("{a} → {b}"),
        (Some(a), None) => a,
        (None, Some(b)) => format!("against {b}"),
        (None, None) => "actors not stated".to_owned(),
    }
}

/// "Barmal, Paktika, AFG".
pub(crate) fn place(place: &Place) -> String {
    let mut parts = vec![place.name.clone()];
    if let Some(admin1) = &place.admin1
        && *admin1 != place.name
    {
        parts.push(admin1.clone());
    }
    if let Some(country) = &place.country
        && *country != place.name
    {
        parts.push(country.clone());
    }
    parts.join(", ")
}

/// "32.50, 68.80" or "—".
pub(crate) fn coordinates(place: &Place) -> String {
    match (place.lat, place.lon) {
        (Some(lat), Some(lon)) => format!("{lat:.2}, {lon:.2}"),
        _ => "—".to_owned(),
    }
}

/// "3 reports from 2 sources" or "1 report".
pub(crate) fn reports(event: &EventGroup) -> String {
    let n = event.sightings.len();
    match (n, event.sources) {
        (1, _) => "1 report".to_owned(),
        (n, s) if s == n => format!("{n} reports"),
        (n, s) => format!("{n} reports from {s} sources"),
    }
}

/// The filters of a report in words, or "" when there are none.
pub(crate) fn filters(query: &LedgerQuery) -> String {
    let mut parts = Vec::new();
    if let Some(since) = query.since {
        parts.push(format!("since {since}"));
    }
    if let Some(until) = query.until {
        parts.push(format!("until {until}"));
    }
    if let Some(side) = &query.side {
        parts.push(format!("side {side}"));
    }
    if let Some(claimant) = &query.claimant {
        parts.push(format!("claimant {claimant}"));
    }
    if let Some(category) = query.category {
        parts.push(format!("category {category}"));
    }
    if let Some(kind) = query.kind {
        parts.push(format!("kind {kind}"));
    }
    if let Some(place) = &query.place {
        parts.push(format!("place \"{place}\""));
    }
    if query.min_sides > 0 {
        parts.push(format!("at least {} claimant sides", query.min_sides));
    }
    parts.join(", ")
}
