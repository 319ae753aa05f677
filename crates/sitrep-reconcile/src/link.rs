//! Linking a claim to the event it counts, and so to a place.
//!
//! Within one document, a claim belongs to the first event, in the order
//! given (text order), whose evidence shares its sentence
//! ([`same_sentence`]: "55 soldiers were killed in the strike on Kurram" is
//! both a claim and an event). Negated events ("denied carrying out
//! strikes") are never linked: they did not happen. Callers that want one
//! kind of event (ACLED's fatalities go to ASSAULTs) pass only those.
//!
//! When a claim has no event of its own, [`document_place`] gives the place
//! of the whole document if every placed event in it agrees on one: a
//! report about a single clash places all its figures there.
//!
//! Places compare by [`place_key`]: a place's province (admin1) and name
//! for a town or village, the province for a province; a country alone is
//! too coarse to tell two incidents apart and gives no key.
//!
//! This module does not resolve places (the extractor did) and does not
//! link claims across documents (the grouping rules do).

use sitrep_model::{Event, Evidence, Place, Precision};

/// True when two evidence spans share a character, or are the same empty
/// span: the same sentence.
pub fn same_sentence(a: &Evidence, b: &Evidence) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && a.end == b.end)
}

/// The index in `events` of the event `claim` reports on, if any (see the
/// module doc).
pub fn link_event<'e>(
    claim: &Evidence,
    events: impl IntoIterator<Item = &'e Event>,
) -> Option<usize> {
    events
        .into_iter()
        .position(|event| !event.negated && same_sentence(claim, &event.evidence))
}

/// A key that is equal for two mentions of the same place and different
/// for two places: `"admin1/name"` for a town, `"admin1"` for a province;
/// `None` for a country or an unresolved name.
pub fn place_key(place: &Place) -> Option<String> {
    let country = place.country.as_deref()?;
    match place.precision? {
        Precision::Country => None,
        Precision::Admin1 => Some(format!(
            "{country}/{}",
            place
                .admin1
                .as_deref()
                .unwrap_or(&place.name)
                .to_lowercase()
        )),
        Precision::Place => Some(format!(
            "{country}/{}/{}",
            place.admin1.as_deref().unwrap_or("").to_lowercase(),
            place.name.to_lowercase()
        )),
    }
}

/// The place key shared by every placed, non-negated event of a document,
/// or `None` when they disagree or none is placed.
pub fn document_place<'e>(events: impl IntoIterator<Item = &'e Event>) -> Option<String> {
    let mut found: Option<String> = None;
    for event in events {
        if event.negated {
            continue;
        }
        let Some(key) = event.places.first().and_then(place_key) else {
            continue;
        };
        match &found {
            Some(seen) if *seen != key => return None,
            Some(_) => {}
            None => found = Some(key),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::EventType;

    fn event(start: usize, end: usize, negated: bool, place: Option<Place>) -> Event {
        Event {
            kind: EventType::Assault,
            mode: None,
            actor1: None,
            actor2: None,
            places: place.into_iter().collect(),
            date: None,
            negated,
            evidence: Evidence {
                start,
                end,
                quote: String::new(),
            },
        }
    }

    fn place(name: &str, admin1: &str, precision: Precision) -> Place {
        Place {
            name: name.into(),
            country: Some("PAK".into()),
            admin1: Some(admin1.into()),
            lat: None,
            lon: None,
            precision: Some(precision),
        }
    }

    fn span(start: usize, end: usize) -> Evidence {
        Evidence {
            start,
            end,
            quote: String::new(),
        }
    }

    #[test]
    fn links_the_overlapping_event_and_skips_negated_ones() {
        let events = [
            event(0, 40, false, None),
            event(50, 120, true, None),
            event(50, 120, false, None),
            event(110, 200, false, None),
        ];
        assert_eq!(link_event(&span(50, 120), &events), Some(2));
        assert_eq!(link_event(&span(10, 20), &events), Some(0));
        assert_eq!(link_event(&span(40, 50), &events), None);
    }

    #[test]
    fn place_keys_tell_towns_and_provinces_apart_but_not_countries() {
        let town = place("Parachinar", "Khyber Pakhtunkhwa", Precision::Place);
        let province = place(
            "Khyber Pakhtunkhwa",
            "Khyber Pakhtunkhwa",
            Precision::Admin1,
        );
        let country = place("Pakistan", "", Precision::Country);
        assert_eq!(
            place_key(&town).as_deref(),
            Some("PAK/khyber pakhtunkhwa/parachinar")
        );
        assert_eq!(
            place_key(&province).as_deref(),
            Some("PAK/khyber pakhtunkhwa")
        );
        assert_eq!(place_key(&country), None);
    }

    #[test]
    fn a_document_has_a_place_only_when_its_events_agree() {
        let a = place("Parachinar", "Khyber Pakhtunkhwa", Precision::Place);
        let b = place("Chaman", "Balochistan", Precision::Place);
        let one = [
            event(0, 10, false, Some(a.clone())),
            event(20, 30, false, None),
            event(40, 50, false, Some(a.clone())),
            event(60, 70, true, Some(b.clone())),
        ];
        assert_eq!(
            document_place(&one).as_deref(),
            Some("PAK/khyber pakhtunkhwa/parachinar")
        );
        let two = [event(0, 10, false, Some(a)), event(20, 30, false, Some(b))];
        assert_eq!(document_place(&two), None);
    }
}
