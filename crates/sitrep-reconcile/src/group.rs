//! Grouping: which claims count the same thing (the rules are in the crate
//! doc, "Matching rules"; this module applies them).
//!
//! Records are bucketed by category, subject side, kind family and scope;
//! within a bucket, incidents are split by date and place, periods by their
//! month or year, and a bucket's cumulative claims form one running total.
//! The output lists record indices only; [`crate::figure`] summarises them.

use jiff::civil::Date;
use sitrep_model::{Category, Kind, PartialDate, Side};

use crate::{ClaimRecord, Options, Scope};

/// Claims that count the same thing: indices into the records.
#[derive(Debug)]
pub(crate) struct Group {
    /// Record indices, in input order.
    pub members: Vec<usize>,
    /// Records placed by their publication day, not a date of their own.
    pub inferred: Vec<usize>,
    /// The scope shared by every member.
    pub scope: Scope,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Bucket {
    category: Category,
    side: Option<Side>,
    family: Kind,
    scope: Scope,
}

/// The kind family of a kind: one side's soldiers and fighters are one
/// (the family is named by [`Kind::Soldiers`]); every other kind is its
/// own family.
pub fn kind_family(kind: Kind) -> Kind {
    match kind {
        Kind::Fighters => Kind::Soldiers,
        other => other,
    }
}

fn bucket(record: &ClaimRecord<'_>) -> Bucket {
    let claim = record.claim;
    Bucket {
        category: claim.category,
        side: claim.subject.side.clone(),
        family: kind_family(claim.subject.kind),
        scope: Scope::of(claim),
    }
}

/// Where a claim whose subject has no side happened, as a country or side
/// code: its named claimant's side when that is a state's code (three
/// letters, as SPEC codes states: a health ministry counts its own
/// country's dead), else its place's country; `None` when the subject has
/// a side or nothing tells. International bodies (UN, ICRC) count
/// everyone's dead and give no theatre; an armed group with a three-letter
/// code is taken for a state, which is rare for sideless victims.
fn theatre<'a>(record: &ClaimRecord<'a>) -> Option<&'a str> {
    let claim = record.claim;
    if claim.subject.side.is_some() {
        return None;
    }
    let state = match &claim.claimant {
        Some(c) if !c.anonymous => c
            .side
            .as_ref()
            .map(|s| s.as_str())
            .filter(|code| code.len() == 3),
        _ => None,
    };
    state.or_else(|| record.place.and_then(|key| key.split('/').next()))
}

/// Splits a group whose members happened in several theatres: one group
/// per theatre, and the members that name none in a group of their own
/// (they cannot be told apart). A group with one theatre or none stays
/// whole.
fn split_by_theatre(records: &[ClaimRecord<'_>], group: Group, out: &mut Vec<Group>) {
    let mut theatres: Vec<Option<&str>> = group
        .members
        .iter()
        .map(|&i| theatre(&records[i]))
        .collect();
    theatres.sort_unstable();
    theatres.dedup();
    if theatres.iter().flatten().count() < 2 {
        out.push(group);
        return;
    }
    for t in theatres {
        let members: Vec<usize> = group
            .members
            .iter()
            .copied()
            .filter(|&i| theatre(&records[i]) == t)
            .collect();
        let inferred = group
            .inferred
            .iter()
            .copied()
            .filter(|i| members.contains(i))
            .collect();
        out.push(Group {
            members,
            inferred,
            scope: group.scope,
        });
    }
}

/// Groups the records (see the module doc); every record is in exactly one
/// group.
pub(crate) fn groups(records: &[ClaimRecord<'_>], options: &Options) -> Vec<Group> {
    let mut order: Vec<(Bucket, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, record)| (bucket(record), i))
        .collect();
    order.sort_unstable();
    let when: Vec<When<'_>> = records.iter().map(When::of).collect();
    let mut grouped = Vec::new();
    for bucket_items in order.chunk_by(|a, b| a.0 == b.0) {
        let Some((bucket, _)) = bucket_items.first() else {
            continue;
        };
        let members: Vec<usize> = bucket_items.iter().map(|&(_, i)| i).collect();
        match bucket.scope {
            Scope::Cumulative => grouped.push(Group {
                members,
                inferred: Vec::new(),
                scope: Scope::Cumulative,
            }),
            Scope::Period => periods(records, members, &mut grouped),
            Scope::Incident => incidents(&when, members, options, &mut grouped),
        }
    }
    let mut out = Vec::with_capacity(grouped.len());
    for group in grouped {
        split_by_theatre(records, group, &mut out);
    }
    out
}

/// Period totals: one group per stated month or year.
fn periods(records: &[ClaimRecord<'_>], mut members: Vec<usize>, out: &mut Vec<Group>) {
    members.sort_by_key(|&i| (records[i].claim.date, i));
    for same in members.chunk_by(|&a, &b| records[a].claim.date == records[b].claim.date) {
        out.push(Group {
            members: same.to_vec(),
            inferred: Vec::new(),
            scope: Scope::Period,
        });
    }
}

struct Incident<'a> {
    /// The earliest day of the group's dated claims, or the publication day
    /// of the undated claim that opened it.
    anchor: Date,
    /// The latest publication day of its claims.
    last_seen: Option<Date>,
    place: Option<&'a str>,
    members: Vec<usize>,
    inferred: Vec<usize>,
}

/// What the incident rules read of an item (a claim or an event).
#[derive(Clone, Copy, Debug)]
pub(crate) struct When<'a> {
    /// The item's own date.
    pub date: Option<PartialDate>,
    /// Its document's publication day.
    pub published: Option<Date>,
    /// Its place key.
    pub place: Option<&'a str>,
}

impl<'a> When<'a> {
    fn of(record: &ClaimRecord<'a>) -> When<'a> {
        When {
            date: record.claim.date,
            published: record.published,
            place: record.place,
        }
    }
}

/// Single happenings: split by day and place (see the crate doc, rule 5).
pub(crate) fn incidents(
    records: &[When<'_>],
    members: Vec<usize>,
    options: &Options,
    out: &mut Vec<Group>,
) {
    let mut dated: Vec<(Date, usize)> = Vec::new();
    let mut undated: Vec<(Date, usize)> = Vec::new();
    let mut nowhere: Vec<usize> = Vec::new();
    for i in members {
        match (records[i].date, records[i].published) {
            (Some(PartialDate::Day(day)), _) => dated.push((day, i)),
            // Months and years are periods; only days reach here, but a
            // coarser date is still better placed by its first day.
            (Some(date), _) => dated.push((date.first_day(), i)),
            (None, Some(day)) => undated.push((day, i)),
            (None, None) => nowhere.push(i),
        }
    }
    dated.sort_unstable();
    undated.sort_unstable();

    let mut open: Vec<Incident<'_>> = Vec::new();
    for &(day, i) in &dated {
        let place = records[i].place;
        let found = open.iter_mut().rev().find(|g| {
            days_between(g.anchor, day).abs() <= options.incident_window_days
                && places_compatible(g.place, place)
        });
        match found {
            Some(group) => {
                group.place = group.place.or(place);
                group.last_seen = group.last_seen.max(records[i].published);
                group.members.push(i);
            }
            None => open.push(Incident {
                anchor: day,
                last_seen: records[i].published,
                place,
                members: vec![i],
                inferred: Vec::new(),
            }),
        }
    }
    for &(published, i) in &undated {
        let place = records[i].place;
        let found = open
            .iter_mut()
            .filter(|g| {
                let since_anchor = days_between(g.anchor, published);
                let recent = since_anchor <= options.undated_lookback_days
                    || g.last_seen.is_some_and(|seen| {
                        days_between(seen, published) <= options.undated_lookback_days
                    });
                (0..=options.story_days).contains(&since_anchor)
                    && recent
                    && places_compatible(g.place, place)
            })
            .max_by_key(|g| g.anchor);
        match found {
            Some(group) => {
                group.place = group.place.or(place);
                group.last_seen = group.last_seen.max(Some(published));
                group.members.push(i);
                group.inferred.push(i);
            }
            None => open.push(Incident {
                anchor: published,
                last_seen: Some(published),
                place,
                members: vec![i],
                inferred: vec![i],
            }),
        }
    }
    for mut group in open {
        group.members.sort_unstable();
        out.push(Group {
            members: group.members,
            inferred: group.inferred,
            scope: Scope::Incident,
        });
    }
    if !nowhere.is_empty() {
        out.push(Group {
            members: nowhere,
            inferred: Vec::new(),
            scope: Scope::Incident,
        });
    }
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub(crate) fn days_between(from: Date, to: Date) -> i64 {
    to.since(from)
        .map(|span| i64::from(span.get_days()))
        .unwrap_or(i64::MAX)
}

/// Two place keys can name one incident's place: either is unknown, they
/// are equal, or one is inside the other (`PAK/kp` holds `PAK/kp/town`).
fn places_compatible(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || inside(a, b) || inside(b, a),
        _ => true,
    }
}

fn inside(inner: &str, outer: &str) -> bool {
    inner
        .strip_prefix(outer)
        .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_nest_by_key_prefix() {
        assert!(places_compatible(Some("PAK/kp/parachinar"), Some("PAK/kp")));
        assert!(places_compatible(Some("PAK/kp"), Some("PAK/kp/parachinar")));
        assert!(places_compatible(None, Some("PAK/kp")));
        assert!(!places_compatible(
            Some("PAK/kp/parachinar"),
            Some("PAK/kp/bannu")
        ));
        // A prefix that is not a whole segment is another place.
        assert!(!places_compatible(Some("PAK/kpx"), Some("PAK/kp")));
    }

    #[test]
    fn days_between_is_signed() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(days_between(d("2025-10-11"), d("2025-10-13")), 2);
        assert_eq!(days_between(d("2025-10-13"), d("2025-10-11")), -2);
        assert_eq!(days_between(d("2025-02-28"), d("2025-03-01")), 1);
    }
}
