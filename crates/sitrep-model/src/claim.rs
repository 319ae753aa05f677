//! Claims: attributed figures (SPEC section 2.1).
//!
//! A claim says "`claimant` states that `value` `subject` were `category`"
//! ("Afghanistan's Defence Ministry says 55 Pakistani soldiers were
//! killed"), with the date of the counted thing and the sentence it came
//! from. The enums here are exactly SPEC's value lists; their JSON names are
//! the strings SPEC fixes.

use serde::{Deserialize, Serialize};

use crate::{Evidence, PartialDate, Side};

macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $text:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $text)] $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The SPEC name of this value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The value with this SPEC name.
            pub fn from_name(name: &str) -> Option<$name> {
                match name { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_enum;

string_enum! {
    /// What happened to the counted people or things.
    pub enum Category {
        /// Killed, dead, died, martyred, death toll.
        Killed => "killed",
        /// Injured, wounded.
        Injured => "injured",
        /// Taken prisoner in combat; also posts or positions seized.
        Captured => "captured",
        /// Arrested or detained.
        Arrested => "arrested",
        /// Missing, unaccounted for.
        Missing => "missing",
        /// Fled, evacuated, relocated.
        Displaced => "displaced",
        /// Refugees or migrants going back, or deported.
        Returned => "returned",
        /// Destroyed.
        Destroyed => "destroyed",
        /// Aircraft, drones or missiles shot down or intercepted.
        Downed => "downed",
    }
}

string_enum! {
    /// What kind of people or things are counted.
    pub enum Kind {
        /// Armed forces, troops, border guards, security personnel.
        Soldiers => "soldiers",
        /// Militants, insurgents, "terrorists", rebels, fighters.
        Fighters => "fighters",
        /// Police.
        Police => "police",
        /// Civilians, including women and children named as such.
        Civilians => "civilians",
        /// Persons of unstated status.
        People => "people",
        /// Refugees, migrants, deportees.
        Refugees => "refugees",
        /// Border posts, check posts, positions.
        Posts => "posts",
        /// Military bases and air bases.
        Bases => "bases",
        /// Installations, facilities, camps, hideouts.
        Installations => "installations",
        /// Aircraft: jets, planes, helicopters.
        Aircraft => "aircraft",
        /// Drones.
        Drones => "drones",
        /// Vehicles: tanks, trucks.
        Vehicles => "vehicles",
        /// Anything else (missiles, buildings, targets).
        Other => "other",
    }
}

string_enum! {
    /// How the number is qualified in the text.
    pub enum Qualifier {
        /// A plain number.
        Exact => "exact",
        /// "at least".
        AtLeast => "at_least",
        /// "more than", "over".
        MoreThan => "more_than",
        /// "up to", "as many as".
        AtMost => "at_most",
        /// "fewer than", "under".
        FewerThan => "fewer_than",
        /// "about", "around", "some", "roughly", "an estimated".
        About => "about",
        /// "nearly", "almost", "close to".
        Nearly => "nearly",
        /// "16-18", "between 10 and 15".
        Range => "range",
        /// Words, not numbers: "dozens", "hundreds", "several".
        Vague => "vague",
    }
}

string_enum! {
    /// Whether the claimant asserts or denies the figure.
    pub enum Stance {
        /// The claimant states the figure.
        Asserted => "asserted",
        /// The claimant rejects the figure ("denied that any … were captured").
        Denied => "denied",
    }
}

/// Who or what is counted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// The words naming the counted group ("Pakistani soldiers").
    pub text: String,
    /// Whose they are, when the text says so.
    pub side: Option<Side>,
    /// What they are.
    pub kind: Kind,
}

/// The figure itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    /// The number, or the low end of a range.
    pub n: u64,
    /// The high end of a range.
    pub n_max: Option<u64>,
    /// How the number is qualified.
    pub qualifier: Qualifier,
    /// The words of the number with its qualifier ("at least 133").
    pub text: String,
}

/// Who states the figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claimant {
    /// The words naming the claimant, as precise as the document gives them.
    pub text: String,
    /// The claimant's own affiliation.
    pub side: Option<Side>,
    /// True for unnamed sources ("officials said", "security sources").
    pub anonymous: bool,
}

string_enum! {
    /// How a field of an extracted item was obtained when it was not read
    /// directly from the evidence sentence: sitrep never guesses silently.
    pub enum Flag {
        /// The claimant comes from an earlier sentence (reported speech,
        /// "He said", a paragraph that opens with the attribution).
        ClaimantFromContext => "claimant_from_context",
        /// The subject's side comes from a coordinated or earlier mention
        /// ("killed eight and wounded 11" takes the side of the first group).
        SideFromContext => "side_from_context",
        /// The subject's side is the claimant's own ("its soldiers").
        SideFromPossessive => "side_from_possessive",
        /// The date comes from an earlier sentence, not the evidence sentence.
        DateFromContext => "date_from_context",
        /// The figure was stated more than once; the evidence is the most
        /// precisely attributed mention.
        Repeated => "repeated",
        /// The claimant's side was resolved from an earlier mention of the
        /// same person or organ ("Mr Asif", "the ministry").
        ClaimantSideFromContext => "claimant_side_from_context",
    }
}

/// An attributed figure (SPEC section 2.1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// What happened to the counted people or things.
    pub category: Category,
    /// Who or what is counted.
    pub subject: Subject,
    /// The number.
    pub value: Value,
    /// Asserted or denied.
    pub stance: Stance,
    /// Who states it; `None` when the article states it in its own voice.
    pub claimant: Option<Claimant>,
    /// When the counted thing happened.
    pub date: Option<PartialDate>,
    /// The sentence stating the figure.
    pub evidence: Evidence,
    /// How sure the rules are, from 0 to 1 (1: every field read directly).
    pub confidence: f32,
    /// What was taken from context rather than read in the sentence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
}
