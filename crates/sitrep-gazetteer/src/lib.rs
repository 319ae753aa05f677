//! Names in news text that resolve to sitrep *sides*: countries, demonyms,
//! capitals, armed groups, international bodies and state organs.
//!
//! A side is an affiliation code (SPEC section 3, [`sitrep_model::Side`]):
//! ISO 3166-1 alpha-3 for a state and every organ of it (`PAK`, `AFG`), a
//! short uppercase code for a non-state armed group or an authority that does
//! not hold the capital (`TTP`, `HOUTHIS`, `RSF`; Gaza's authorities are
//! `PSE`), or an international body (`UN`, `EU`, `NATO`, `ICRC`).
//!
//! # Brief overview
//!
//! [`Sides`] is the compiled dictionary. [`Sides::bundled`] gives the one
//! shipped with sitrep; [`Sides::from_tsv`] builds one from TSV text (the
//! bundled sources, [`BUNDLED`], plus a user's own file, say).
//! [`Sides::find`] returns every [`SideMention`] in a text: where it is, its
//! side, and its [`MentionKind`] (a country's name, a demonym, a capital used
//! for its government, a group, an international body, a state organ).
//! [`Sides::lookup`] resolves one exact name.
//!
//! [`Places`] is the place gazetteer: towns, provinces, districts, border
//! crossings, camps and sites with country, province, position and population
//! ([`Places::bundled`], from GeoNames and a hand-kept file). [`Places::find`]
//! returns every [`PlaceMention`] with its candidate places; [`Places::best`]
//! picks one from the article's countries. See the [`places`] module for the
//! rules.
//!
//! The bundled data (`data/sides/`) is `countries.tsv`, generated from the
//! `keshvar` crate by `tools/gen-sides` (BSD-3-Clause, see `data/NOTICE`),
//! and the hand-kept `actors.tsv`.
//!
//! # Matching
//!
//! - Names match **case-sensitively**: "US" is not "us", "Turkey" is not
//!   "turkey", "WHO" is not "who". All-caps headlines are not matched unless
//!   the name is itself in capitals ("TTP", "NATO").
//! - A name matches only as a **whole word**: the characters right before and
//!   after it must not be letters or digits. Apostrophes (straight or curly),
//!   hyphens and punctuation are boundaries: "Afghanistan’s" and
//!   "Pakistan-based" match "Afghanistan" and "Pakistan"; "Indiana" does not
//!   match "India".
//! - The **leftmost** mention wins, and at one position the **longest**:
//!   "the Pakistani Taliban's" is one mention, `TTP`, not `PAK` and `AFG`. A
//!   shorter name still matches where a longer one starting at the same place
//!   is not a whole word ("Indian" in "Indian Oceania", although "Indian
//!   Ocean" is listed).
//! - Names of kind `none` ("Indian Ocean", "Syrian Observatory for Human
//!   Rights") are matched but never reported: they only stop the names inside
//!   them from matching.
//! - Offsets are bytes into the text; mentions never overlap and come in text
//!   order.
//!
//! What this crate does not do: it does not decide whether a mention is the
//! claimant, the subject or a place (a capital is also a city; "Kabul" in
//! "strikes on Kabul" is a place), and it does not resolve generic organs
//! ("the Defence Ministry") to the nearest country: that is the extractor's
//! job, with [`MentionKind`] to go on. Places other than capitals belong to
//! the place gazetteer, [`Places`]. It does no I/O.
//!
//! # Example
//!
//! ```
//! use sitrep_gazetteer::{MentionKind, Sides};
//!
//! let sides = Sides::bundled();
//! let text = "The ISPR said Fitna al-Khawarij fighters attacked a post; Kabul denied it.";
//! let mentions = sides.find(text);
//! let found: Vec<(&str, &str, MentionKind)> = mentions
//!     .iter()
//!     .map(|m| (&text[m.start..m.end], m.side.as_str(), m.kind))
//!     .collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("ISPR", "PAK", MentionKind::Organ),
//!         ("Fitna al-Khawarij", "TTP", MentionKind::Group),
//!         ("Kabul", "AFG", MentionKind::Capital),
//!     ]
//! );
//! assert_eq!(sides.country_name(&"AFG".parse().unwrap()), Some("Afghanistan"));
//! ```
#![deny(missing_docs)]
#![deny(clippy::disallowed_methods, reason = "pure crate: callers do I/O")]
#![doc(test(attr(deny(warnings))))]

mod error;
pub mod places;
mod sides;
mod tsv;

use std::fmt;

use sitrep_model::Side;

pub use error::{Error, ErrorKind, Field};
pub use places::{
    BUNDLED_PLACES, BUNDLED_STOPLISTS, Feature, Place, PlaceId, PlaceMention, Places,
};
pub use sides::{BUNDLED, Sides};

/// What kind of name a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MentionKind {
    /// A country's name ("Pakistan", "the United States").
    Country,
    /// A demonym or adjective ("Pakistani", "Afghan", "Israelis").
    Demonym,
    /// A capital used for its government ("Islamabad", "Kabul").
    Capital,
    /// A non-state armed group or de facto authority ("TTP", "Pakistani Taliban", "Taliban").
    Group,
    /// An international body ("UN", "UNHCR", "the UN refugee agency", "NATO").
    International,
    /// A state organ known by its own name ("ISPR", "Inter-Services Public Relations", "Pentagon").
    Organ,
}

impl MentionKind {
    /// Every kind, in declaration order.
    pub const ALL: [MentionKind; 6] = [
        MentionKind::Country,
        MentionKind::Demonym,
        MentionKind::Capital,
        MentionKind::Group,
        MentionKind::International,
        MentionKind::Organ,
    ];

    /// The kind as written in the dictionary's `kind` column: `country`,
    /// `demonym`, `capital`, `group`, `international` or `organ`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Country => "country",
            MentionKind::Demonym => "demonym",
            MentionKind::Capital => "capital",
            MentionKind::Group => "group",
            MentionKind::International => "international",
            MentionKind::Organ => "organ",
        }
    }
}

impl fmt::Display for MentionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The side it resolves to.
    pub side: Side,
    /// What kind of name it is.
    pub kind: MentionKind,
}
