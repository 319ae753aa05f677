//! Names that resolve to sides. (Interface stub: to be implemented.)
#![deny(missing_docs)]
#![deny(clippy::disallowed_methods, reason = "pure crate: callers do I/O")]

use sitrep_model::Side;

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

/// The compiled side dictionary.
#[derive(Clone, Debug, Default)]
pub struct Sides {}

impl Sides {
    /// The dictionary bundled with sitrep.
    pub fn bundled() -> Sides {
        Sides {}
    }

    /// Every mention in `text`, leftmost-longest, in order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<SideMention> {
        let _ = text;
        Vec::new()
    }
}
