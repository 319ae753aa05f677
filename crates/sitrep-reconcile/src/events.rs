//! Event groups: one happening reported in many documents becomes one
//! event with many sightings.
//!
//! Two events are one happening when they have the same type, mode and
//! negation, the same actor sides (compared as sets: "Pakistani jets" and
//! "the Pakistani air force" are both Pakistan), and compatible dates and
//! places by the incident rules of the crate doc (rule 5 and 6; an event's
//! place key is [`crate::place_key`] of its first, most specific place).
//!
//! The group keeps the most specific place and the most precise date any
//! sighting gives, the actor texts of its first sighting, and every
//! sighting with its outlet and sentence, in publication order.
//!
//! This module does not merge events of different types ("strikes" and
//! "clashes" on one day stay two lines of a timeline).

use jiff::civil::Date;
use serde::Serialize;
use sitrep_model::{Event, EventType, Mode, PartialDate, Place, Side};

use crate::group::{When, incidents};
use crate::{DateSpan, Options, place_key};

/// One event as read in one document: the input of [`event_groups`].
#[derive(Clone, Copy, Debug)]
pub struct EventRecord<'a> {
    /// The event's id (`<document id>#e<ordinal>` in the store).
    pub event_id: &'a str,
    /// The document it was read in.
    pub document_id: &'a str,
    /// The document's syndicate (its own id when it has no copies).
    pub syndicate: &'a str,
    /// The document's outlet.
    pub outlet: Option<&'a str>,
    /// The document's publication day.
    pub published: Option<Date>,
    /// The event.
    pub event: &'a Event,
}

/// One happening with every report of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventGroup {
    /// `type/mode/day` of the group, with `~2`… for several on one day.
    pub id: String,
    /// The event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// How force was used, for ASSAULT.
    pub mode: Option<Mode>,
    /// The sides of the actor who acts.
    pub actor1: Vec<Side>,
    /// How the first sighting names that actor.
    pub actor1_text: Option<String>,
    /// The sides of the actor acted upon.
    pub actor2: Vec<Side>,
    /// How the first sighting names that actor.
    pub actor2_text: Option<String>,
    /// The most specific place any sighting gives.
    pub place: Option<Place>,
    /// The most precise date any sighting gives.
    pub date: Option<PartialDate>,
    /// The days the sightings date it to (publication days for undated
    /// sightings).
    pub days: DateSpan,
    /// The event was denied or said not to have happened.
    pub negated: bool,
    /// Independent sources (syndicates).
    pub sources: usize,
    /// Every report of it, in publication order.
    pub sightings: Vec<Sighting>,
}

/// One report of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sighting {
    /// The event id.
    pub event_id: String,
    /// The document.
    pub document_id: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its publication day.
    pub published: Option<Date>,
    /// The sentence.
    pub quote: String,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    kind: EventType,
    mode: Option<Mode>,
    negated: bool,
    actor1: Vec<Side>,
    actor2: Vec<Side>,
}

fn sides(actor: Option<&sitrep_model::Actor>) -> Vec<Side> {
    let mut sides = actor.map(|a| a.sides.clone()).unwrap_or_default();
    sides.sort_unstable();
    sides.dedup();
    sides
}

/// Groups event reports into happenings, ordered by first day, then type.
pub fn event_groups(records: &[EventRecord<'_>], options: &Options) -> Vec<EventGroup> {
    let keys: Vec<String> = records
        .iter()
        .map(|r| {
            r.event
                .places
                .first()
                .and_then(place_key)
                .unwrap_or_default()
        })
        .collect();
    let when: Vec<When<'_>> = records
        .iter()
        .zip(&keys)
        .map(|(r, key)| When {
            date: r.event.date,
            published: r.published,
            place: (!key.is_empty()).then_some(key.as_str()),
        })
        .collect();
    let mut order: Vec<(Key, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let key = Key {
                kind: r.event.kind,
                mode: r.event.mode,
                negated: r.event.negated,
                actor1: sides(r.event.actor1.as_ref()),
                actor2: sides(r.event.actor2.as_ref()),
            };
            (key, i)
        })
        .collect();
    order.sort_unstable();

    let mut groups = Vec::new();
    for same in order.chunk_by(|a, b| a.0 == b.0) {
        let members: Vec<usize> = same.iter().map(|&(_, i)| i).collect();
        incidents(&when, members, options, &mut groups);
    }
    let mut out: Vec<EventGroup> = groups
        .iter()
        .map(|group| summarise(&group.members, records, &when))
        .collect();
    out.sort_by(|a, b| {
        (a.days.from, a.kind, &a.sightings[0].event_id).cmp(&(
            b.days.from,
            b.kind,
            &b.sightings[0].event_id,
        ))
    });
    number_ids(&mut out);
    out
}

fn summarise(members: &[usize], records: &[EventRecord<'_>], when: &[When<'_>]) -> EventGroup {
    let mut members = members.to_vec();
    members.sort_by_key(|&i| {
        (
            records[i].published,
            records[i].document_id,
            records[i].event_id,
        )
    });
    let first = records[members[0]].event;
    let place = members
        .iter()
        .filter_map(|&i| records[i].event.places.first())
        .max_by_key(|p| (when_rank(p), p.lat.is_some()))
        .cloned();
    let date = members
        .iter()
        .filter_map(|&i| records[i].event.date)
        .max_by_key(|d| match d {
            PartialDate::Day(_) => 2,
            PartialDate::Month { .. } => 1,
            PartialDate::Year(_) => 0,
        });
    let days = members.iter().filter_map(|&i| {
        let w = when[i];
        match w.date {
            Some(d) => Some((d.first_day(), d.last_day())),
            None => w.published.map(|p| (p, p)),
        }
    });
    let mut syndicates: Vec<&str> = members.iter().map(|&i| records[i].syndicate).collect();
    syndicates.sort_unstable();
    syndicates.dedup();
    EventGroup {
        id: String::new(),
        kind: first.kind,
        mode: first.mode,
        actor1: sides(first.actor1.as_ref()),
        actor1_text: first.actor1.as_ref().map(|a| a.text.clone()),
        actor2: sides(first.actor2.as_ref()),
        actor2_text: first.actor2.as_ref().map(|a| a.text.clone()),
        place,
        date,
        days: DateSpan::covering(days),
        negated: first.negated,
        sources: syndicates.len(),
        sightings: members
            .iter()
            .map(|&i| {
                let r = &records[i];
                Sighting {
                    event_id: r.event_id.to_owned(),
                    document_id: r.document_id.to_owned(),
                    outlet: r.outlet.map(str::to_owned),
                    published: r.published,
                    quote: r.event.evidence.quote.clone(),
                }
            })
            .collect(),
    }
}

/// How specific a place is: a town over a province over a country.
fn when_rank(place: &Place) -> u8 {
    match place.precision {
        Some(sitrep_model::Precision::Place) => 3,
        Some(sitrep_model::Precision::Admin1) => 2,
        Some(sitrep_model::Precision::Country) => 1,
        None => 0,
    }
}

fn number_ids(groups: &mut [EventGroup]) {
    crate::figure::number_ids(
        groups,
        |group| {
            format!(
                "{}/{}/{}",
                group.kind,
                group.mode.map_or("-", |m| m.as_str()),
                group.days.id_part()
            )
        },
        |group, id| group.id = id,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{Actor, Evidence, Precision};

    fn strike(date: Option<&str>, place: Option<(&str, Precision)>, by: &str) -> Event {
        Event {
            kind: EventType::Assault,
            mode: Some(Mode::Aerial),
            actor1: Some(Actor {
                text: format!("{by} jets"),
                sides: vec![by.parse().unwrap()],
            }),
            actor2: None,
            places: place
                .map(|(name, precision)| Place {
                    name: name.into(),
                    country: Some("AFG".into()),
                    admin1: Some("Paktika".into()),
                    lat: Some(32.5),
                    lon: Some(68.8),
                    precision: Some(precision),
                })
                .into_iter()
                .collect(),
            date: date.map(|d| d.parse().unwrap()),
            negated: false,
            evidence: Evidence {
                start: 0,
                end: 5,
                quote: format!("{by} jets struck."),
            },
        }
    }

    #[test]
    fn reports_of_one_strike_are_one_group_with_every_sighting() {
        let events = [
            strike(
                Some("2025-10-09"),
                Some(("Paktika", Precision::Admin1)),
                "PAK",
            ),
            strike(None, Some(("Barmal", Precision::Place)), "PAK"),
            strike(Some("2025-10-09"), None, "PAK"),
            // Another attacker, same day: another happening.
            strike(Some("2025-10-09"), None, "AFG"),
            // A week later: another strike.
            strike(Some("2025-10-16"), None, "PAK"),
        ];
        let ids = ["a#e0", "b#e0", "c#e0", "c#e1", "d#e0"];
        let docs = ["a", "b", "c", "c", "d"];
        let published = [
            "2025-10-09",
            "2025-10-10",
            "2025-10-10",
            "2025-10-10",
            "2025-10-16",
        ];
        let records: Vec<EventRecord<'_>> = (0..events.len())
            .map(|i| EventRecord {
                event_id: ids[i],
                document_id: docs[i],
                syndicate: docs[i],
                outlet: Some("Wire"),
                published: published[i].parse().ok(),
                event: &events[i],
            })
            .collect();
        let groups = event_groups(&records, &Options::default());
        let shape: Vec<(String, usize, Option<String>)> = groups
            .iter()
            .map(|g| {
                (
                    g.id.clone(),
                    g.sightings.len(),
                    g.place.as_ref().map(|p| p.name.clone()),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (
                    "ASSAULT/aerial/2025-10-09".to_owned(),
                    3,
                    Some("Barmal".to_owned())
                ),
                ("ASSAULT/aerial/2025-10-09~2".to_owned(), 1, None),
                ("ASSAULT/aerial/2025-10-16".to_owned(), 1, None),
            ]
        );
        let pak = &groups[0];
        assert_eq!(pak.sources, 3);
        assert_eq!(
            pak.date.map(|d| d.to_string()).as_deref(),
            Some("2025-10-09")
        );
        assert_eq!(pak.actor1, ["PAK".parse::<Side>().unwrap()]);
    }
}
