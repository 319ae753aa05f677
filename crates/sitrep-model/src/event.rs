//! Events: who did what to whom, where and when (SPEC section 2.2).
//!
//! Event types follow PLOVER; `ASSAULT` events carry a mode (aerial,
//! artillery, ground, explosives). Places carry a country code, the
//! province when known, coordinates and a precision like ACLED's
//! `geo_precision`.

use serde::{Deserialize, Serialize};

use crate::claim::string_enum;
use crate::{Evidence, PartialDate, Side};

string_enum! {
    /// The PLOVER-aligned event type.
    pub enum EventType {
        /// Use of force: strikes, shelling, clashes, raids, bombings.
        Assault => "ASSAULT",
        /// Threats, ultimatums, declarations of war.
        Threaten => "THREATEN",
        /// Blame, allegations.
        Accuse => "ACCUSE",
        /// Denials, rejection of proposals.
        Reject => "REJECT",
        /// Appeals, demands, calls.
        Request => "REQUEST",
        /// Offers or acts of mediation.
        Mediate => "MEDIATE",
        /// Talks, negotiations, meetings.
        Consult => "CONSULT",
        /// Ceasefires, agreements, deals.
        Agree => "AGREE",
        /// Arrests, deportations, expulsions, closures, sanctions.
        Coerce => "COERCE",
        /// Humanitarian help, evacuations.
        Aid => "AID",
        /// Troop deployments, alerts, reinforcements.
        Mobilize => "MOBILIZE",
    }
}

string_enum! {
    /// How force was used in an `ASSAULT`.
    pub enum Mode {
        /// Air or drone strike.
        Aerial => "aerial",
        /// Shelling, mortars, rockets, missiles.
        Artillery => "artillery",
        /// Armed clash, cross-border attack, gunfire, raid.
        Ground => "ground",
        /// IED, suicide or car bomb, blast.
        Explosives => "explosives",
        /// Not stated.
        Unspecified => "unspecified",
    }
}

string_enum! {
    /// How precisely a place is known (as ACLED's `geo_precision`).
    pub enum Precision {
        /// A named town, village, crossing or site.
        Place => "place",
        /// Only the province or state.
        Admin1 => "admin1",
        /// Only the country.
        Country => "country",
    }
}

/// An actor of an event: the words naming it and the sides it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The words naming the actor ("Pakistan", "both sides").
    pub text: String,
    /// Its sides; several for "both sides".
    pub sides: Vec<Side>,
}

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// The place name as resolved.
    pub name: String,
    /// ISO 3166-1 alpha-3 code.
    pub country: Option<String>,
    /// The province or state.
    pub admin1: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// How precisely the place is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
}

/// Who did what to whom, where and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The mode of an `ASSAULT`; `None` for other types.
    pub mode: Option<Mode>,
    /// Who acts.
    pub actor1: Option<Actor>,
    /// Who is acted on.
    pub actor2: Option<Actor>,
    /// Where, most specific first.
    pub places: Vec<Place>,
    /// When.
    pub date: Option<PartialDate>,
    /// True when the text says it did not happen.
    pub negated: bool,
    /// The sentence stating it.
    pub evidence: Evidence,
}
