//! Contested figures: one group of claims summarised per claimant, with
//! the overall range and what an analyst should be warned about.
//!
//! This module builds the output of [`crate::contested`] from the groups
//! [`crate::group`] forms; the rules for "latest figure", revisions, low,
//! high, spread and flags are in the crate doc.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;
use sitrep_model::{Category, Kind, Qualifier, Side, Stance};

use crate::group::Group;
use crate::{ClaimRecord, Options, Scope};

/// Claims about one thing from every claimant, side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestedFigure {
    /// An id for this figure within one result:
    /// `category/side/kind/scope/first-day`, with `~2`, `~3` … when several
    /// figures share it (two places on one day). It is stable for the same
    /// claims, not across stores.
    pub id: String,
    /// What happened to the counted people or things.
    pub category: Category,
    /// Who or what was counted.
    pub subject: SubjectKey,
    /// What the figure counts over.
    pub scope: Scope,
    /// The days the counted thing happened on, as the claims date it.
    pub date: DateSpan,
    /// Where, as a place key (see [`crate::place_key`]), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The lowest current asserted figure; `None` when every figure is a
    /// denial.
    pub low: Option<u64>,
    /// The highest current asserted figure (a range counts by its high end).
    pub high: Option<u64>,
    /// `high / low`, when `low` is above zero.
    pub spread: Option<f64>,
    /// How many distinct claimant sides assert a figure.
    pub claimant_sides: usize,
    /// Independent sources: syndicates (one wire story reprinted by ten
    /// outlets counts once).
    pub sources: usize,
    /// Documents the claims were read in (every copy counts).
    pub sightings: usize,
    /// Claims in this figure.
    pub claims: usize,
    /// The earliest publication day of those documents.
    pub first_seen: Option<Date>,
    /// The latest publication day of those documents.
    pub last_seen: Option<Date>,
    /// One entry per claimant: a side, a source of unknown side, or the
    /// articles' own voice.
    pub figures: Vec<Figure>,
    /// What an analyst should know about this figure.
    pub flags: Vec<ContestFlag>,
}

/// Who or what a contested figure counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SubjectKey {
    /// Whose they are; `None` when no claim says.
    pub side: Option<Side>,
    /// The kind most claims use.
    pub kind: Kind,
    /// Every kind the claims use (soldiers and fighters of one side are one
    /// family), in declaration order.
    pub kinds: Vec<Kind>,
    /// The words most claims use for the counted group.
    pub text: String,
}

/// A span of days; both ends `None` when no claim has a date or a
/// publication day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateSpan {
    /// The first day.
    pub from: Option<Date>,
    /// The last day.
    pub to: Option<Date>,
}

impl DateSpan {
    /// No days at all.
    pub const NONE: DateSpan = DateSpan {
        from: None,
        to: None,
    };

    /// The span from the earliest first day to the latest last day of
    /// `days` (`(first, last)` pairs).
    pub fn covering(days: impl IntoIterator<Item = (Date, Date)>) -> DateSpan {
        days.into_iter()
            .fold(DateSpan::NONE, |span, (first, last)| {
                span.union(DateSpan {
                    from: Some(first),
                    to: Some(last),
                })
            })
    }

    /// The smallest span holding both (an open end takes the other's).
    #[must_use]
    pub fn union(self, other: DateSpan) -> DateSpan {
        let earliest = match (self.from, other.from) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        DateSpan {
            from: earliest,
            to: self.to.max(other.to),
        }
    }

    /// `"undated"` or the first day, for ids.
    pub(crate) fn id_part(self) -> String {
        self.from
            .map_or_else(|| "undated".to_owned(), |d| d.to_string())
    }
}

/// Gives each item the id `base`, or `base~2`, `base~3`… when earlier
/// items (in output order) already took it.
pub(crate) fn number_ids<T>(
    items: &mut [T],
    base: impl Fn(&T) -> String,
    set: impl Fn(&mut T, String),
) {
    let mut used: HashMap<String, usize> = HashMap::new();
    for item in items {
        let base = base(item);
        let count = used.entry(base.clone()).or_insert(0);
        *count += 1;
        let id = if *count == 1 {
            base
        } else {
            format!("{base}~{count}")
        };
        set(item, id);
    }
}

/// Who states a figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimantKey {
    /// The claimant's side; `None` for a source of unknown side and for the
    /// articles' own voice.
    pub side: Option<Side>,
    /// The words naming the claimant in its current figure; `None` when
    /// the articles state the figure in their own voice.
    pub text: Option<String>,
    /// Every name this claimant was given, in order of first use.
    pub names: Vec<String>,
}

/// One claimant's figure within a contested figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Who states it.
    pub claimant: ClaimantKey,
    /// The current figure (the low end of a range).
    pub n: u64,
    /// The high end of a range.
    pub n_max: Option<u64>,
    /// How the current figure is qualified.
    pub qualifier: Qualifier,
    /// The words of the current figure ("at least 55").
    pub text: String,
    /// Asserted or denied.
    pub stance: Stance,
    /// The earliest publication day this claimant's figures were read.
    pub first_seen: Option<Date>,
    /// The latest.
    pub last_seen: Option<Date>,
    /// Documents stating this claimant's figures, in order of publication.
    pub documents: Vec<String>,
    /// Their outlets, each once, in order of first appearance.
    pub outlets: Vec<String>,
    /// Independent sources among those documents.
    pub sources: usize,
    /// The claim stating the current figure.
    pub claim_id: String,
    /// The document it was read in.
    pub document_id: String,
    /// The sentence stating it.
    pub quote: String,
    /// Earlier figures of this claimant, oldest first.
    pub revisions: Vec<Revision>,
}

/// A claimant's earlier figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Revision {
    /// The figure (the low end of a range).
    pub n: u64,
    /// The high end of a range.
    pub n_max: Option<u64>,
    /// How it was qualified.
    pub qualifier: Qualifier,
    /// Asserted or denied.
    pub stance: Stance,
    /// The publication day it was first read.
    pub seen: Option<Date>,
    /// The claim that first stated it.
    pub claim_id: String,
    /// The document it was read in.
    pub document_id: String,
}

macro_rules! flags {
    ($( $(#[$meta:meta])* $variant:ident => $text:literal, )+) => {
        /// A warning attached to a contested figure.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum ContestFlag {
            $( $(#[$meta])* #[serde(rename = $text)] $variant, )+
        }

        impl ContestFlag {
            /// Every flag, in output order.
            pub const ALL: &'static [ContestFlag] = &[$(ContestFlag::$variant),+];

            /// The flag's name in output.
            pub fn as_str(self) -> &'static str {
                match self { $(ContestFlag::$variant => $text,)+ }
            }
        }
    };
}

flags! {
    /// Fewer than two claimant sides assert a figure: there is nothing to
    /// compare it with.
    OneSide => "one_side",
    /// The highest figure is more than five times the lowest (or the lowest
    /// is zero).
    SpreadOver5x => "spread_over_5x",
    /// A claimant denies what another side asserts.
    Denied => "denied",
    /// Every claim comes from one independent source.
    SingleSource => "single_source",
    /// A claimant changed its figure over time.
    Revised => "revised",
    /// Some claims had no date and were placed by their publication day.
    DateInferred => "date_inferred",
    /// Copies of one syndicated story were counted once.
    Syndicated => "syndicated",
    /// No claim names a claimant: the figures are the outlets' own.
    Unattributed => "unattributed",
}

impl std::fmt::Display for ContestFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How claims are split into claimants.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Who {
    Side(Side),
    /// A named or anonymous source of unknown side, by lower-cased name.
    Unknown(String),
    OwnVoice,
}

fn who(record: &ClaimRecord<'_>) -> Who {
    match &record.claim.claimant {
        Some(claimant) => match &claimant.side {
            Some(side) => Who::Side(side.clone()),
            None => Who::Unknown(claimant.text.to_lowercase()),
        },
        None => Who::OwnVoice,
    }
}

/// Summarises one group (see the crate doc). `id` is filled in by
/// [`number_figure_ids`] once all figures are sorted.
pub(crate) fn summarise(
    group: &Group,
    records: &[ClaimRecord<'_>],
    options: &Options,
) -> ContestedFigure {
    let members: Vec<&ClaimRecord<'_>> = group.members.iter().map(|&i| &records[i]).collect();
    let first = members.first().map(|r| r.claim);

    let mut by_who: Vec<(Who, Vec<&ClaimRecord<'_>>)> = Vec::new();
    for record in &members {
        let key = who(record);
        match by_who.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(record),
            None => by_who.push((key, vec![record])),
        }
    }
    by_who.sort_by(|a, b| a.0.cmp(&b.0));
    let figures: Vec<Figure> = by_who.iter().map(|(_, list)| figure(list)).collect();

    let asserted = || figures.iter().filter(|f| f.stance == Stance::Asserted);
    let low = asserted().map(|f| f.n).min();
    let high = asserted().map(|f| f.n_max.unwrap_or(f.n).max(f.n)).max();
    let spread = match (low, high) {
        (Some(low), Some(high)) if low > 0 => Some(high as f64 / low as f64),
        _ => None,
    };
    let mut sides: Vec<Side> = asserted().filter_map(|f| f.claimant.side.clone()).collect();
    sides.sort_unstable();
    sides.dedup();

    let sources = distinct(members.iter().map(|r| r.syndicate));
    let sightings = distinct(members.iter().map(|r| r.document_id));
    let seen = || members.iter().filter_map(|r| r.published);

    let mut flags = Vec::new();
    if sides.len() < 2 {
        flags.push(ContestFlag::OneSide);
    }
    let wide = match (low, high) {
        (Some(0), Some(high)) => high > 0,
        (Some(low), Some(high)) => high as f64 > low as f64 * options.spread_ratio,
        _ => false,
    };
    if wide {
        flags.push(ContestFlag::SpreadOver5x);
    }
    let denied_by_other = figures.iter().any(|denial| {
        denial.stance == Stance::Denied
            && asserted().any(|f| f.claimant.side != denial.claimant.side)
    });
    if denied_by_other {
        flags.push(ContestFlag::Denied);
    }
    if sources == 1 {
        flags.push(ContestFlag::SingleSource);
    }
    if figures.iter().any(|f| !f.revisions.is_empty()) {
        flags.push(ContestFlag::Revised);
    }
    if !group.inferred.is_empty() {
        flags.push(ContestFlag::DateInferred);
    }
    if sightings > sources {
        flags.push(ContestFlag::Syndicated);
    }
    if figures.iter().all(|f| f.claimant.text.is_none()) {
        flags.push(ContestFlag::Unattributed);
    }

    let inferred = |i: usize| group.inferred.contains(&i);
    let days = group.members.iter().filter_map(|&i| {
        let record = &records[i];
        match record.claim.date {
            Some(date) if !inferred(i) => Some((date.first_day(), date.last_day())),
            _ => record.published.map(|day| (day, day)),
        }
    });

    ContestedFigure {
        id: String::new(),
        category: first.map_or(sitrep_model::Category::Killed, |c| c.category),
        subject: subject(&members),
        scope: group.scope,
        date: DateSpan::covering(days),
        place: members
            .iter()
            .filter_map(|r| r.place)
            .max_by_key(|key| key.len())
            .map(str::to_owned),
        low,
        high,
        spread,
        claimant_sides: sides.len(),
        sources,
        sightings,
        claims: members.len(),
        first_seen: seen().min(),
        last_seen: seen().max(),
        figures,
        flags,
    }
}

fn distinct<'a>(items: impl Iterator<Item = &'a str>) -> usize {
    let mut items: Vec<&str> = items.collect();
    items.sort_unstable();
    items.dedup();
    items.len()
}

/// The subject most claims name, with every kind used.
fn subject(members: &[&ClaimRecord<'_>]) -> SubjectKey {
    let mut kinds: Vec<Kind> = members.iter().map(|r| r.claim.subject.kind).collect();
    let kind = most_common(kinds.iter().copied()).unwrap_or(Kind::People);
    kinds.sort_unstable();
    kinds.dedup();
    let text = most_common(members.iter().map(|r| r.claim.subject.text.as_str())).unwrap_or("");
    SubjectKey {
        side: members.first().and_then(|r| r.claim.subject.side.clone()),
        kind,
        kinds,
        text: text.to_owned(),
    }
}

/// The most frequent item; the first seen among equals.
fn most_common<T: PartialEq + Copy>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for item in items {
        match counts.iter_mut().find(|(seen, _)| *seen == item) {
            Some((_, n)) => *n += 1,
            None => counts.push((item, 1)),
        }
    }
    // `max_by_key` keeps the last of equal maxima; reversing keeps the first.
    counts
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(item, _)| item)
}

/// One claimant's figure from its claims (see the crate doc for the order).
fn figure(list: &[&ClaimRecord<'_>]) -> Figure {
    let mut list = list.to_vec();
    list.sort_by(|a, b| {
        let key = |r: &ClaimRecord<'_>| {
            let v = &r.claim.value;
            (r.published, v.n_max.unwrap_or(v.n).max(v.n), v.n)
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.document_id.cmp(b.document_id))
            .then_with(|| a.claim_id.cmp(b.claim_id))
    });

    let value_of = |r: &ClaimRecord<'_>| (r.claim.value.n, r.claim.value.n_max, r.claim.stance);
    let mut revisions: Vec<Revision> = Vec::new();
    let mut current: Option<&ClaimRecord<'_>> = None;
    for &record in &list {
        match current {
            Some(previous) if value_of(previous) == value_of(record) => {}
            Some(previous) => {
                revisions.push(revision(previous));
                current = Some(record);
            }
            None => current = Some(record),
        }
    }
    // `list` is never empty: a claimant exists because a claim names it.
    let latest = list.last().copied();

    let mut documents: Vec<String> = Vec::new();
    let mut outlets: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for record in &list {
        push_new(&mut documents, record.document_id);
        if let Some(outlet) = record.outlet {
            push_new(&mut outlets, outlet);
        }
        if let Some(claimant) = &record.claim.claimant {
            push_new(&mut names, &claimant.text);
        }
    }
    let claimant = latest.and_then(|r| r.claim.claimant.as_ref());
    let value = latest.map(|r| &r.claim.value);
    Figure {
        claimant: ClaimantKey {
            side: claimant.and_then(|c| c.side.clone()),
            text: claimant.map(|c| c.text.clone()),
            names,
        },
        n: value.map_or(0, |v| v.n),
        n_max: value.and_then(|v| v.n_max),
        qualifier: value.map_or(Qualifier::Exact, |v| v.qualifier),
        text: value.map(|v| v.text.clone()).unwrap_or_default(),
        stance: latest.map_or(Stance::Asserted, |r| r.claim.stance),
        first_seen: list.iter().filter_map(|r| r.published).min(),
        last_seen: list.iter().filter_map(|r| r.published).max(),
        sources: distinct(list.iter().map(|r| r.syndicate)),
        documents,
        outlets,
        claim_id: latest.map(|r| r.claim_id.to_owned()).unwrap_or_default(),
        document_id: latest.map(|r| r.document_id.to_owned()).unwrap_or_default(),
        quote: latest
            .map(|r| r.claim.evidence.quote.clone())
            .unwrap_or_default(),
        revisions,
    }
}

fn revision(record: &ClaimRecord<'_>) -> Revision {
    let value = &record.claim.value;
    Revision {
        n: value.n,
        n_max: value.n_max,
        qualifier: value.qualifier,
        stance: record.claim.stance,
        seen: record.published,
        claim_id: record.claim_id.to_owned(),
        document_id: record.document_id.to_owned(),
    }
}

fn push_new(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|seen| seen == item) {
        list.push(item.to_owned());
    }
}

/// Gives every figure its id (see [`ContestedFigure::id`]); `figures` are
/// in output order.
pub(crate) fn number_figure_ids(figures: &mut [ContestedFigure]) {
    number_ids(
        figures,
        |figure| {
            format!(
                "{}/{}/{}/{}/{}",
                figure.category,
                figure.subject.side.as_ref().map_or("-", |s| s.as_str()),
                crate::kind_family(figure.subject.kind),
                figure.scope,
                figure.date.id_part(),
            )
        },
        |figure, id| figure.id = id,
    );
}
