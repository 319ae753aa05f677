//! Documents in, extractions out: the two ends of `sitrep extract`.
//!
//! A [`Document`] is one article as SPEC section 1 describes it; an
//! [`Extraction`] is the output record of SPEC section 2. [`Evidence`] ties
//! every extracted item to the sentence it came from.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::{Claim, Event};

/// One article. Only `id` and `text` are required.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's identifier, copied to the output record.
    pub id: String,
    /// Where the article was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publishing outlet ("Dawn", "Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The publication day: the anchor for every relative date in the text.
    #[serde(default)]
    pub published: Option<Date>,
    /// The headline, when it is given apart from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The full article text. Evidence offsets count code points into it.
    pub text: String,
}

/// Where an item was read: a sentence of the document text.
///
/// `start` and `end` count Unicode code points (not bytes) from the start of
/// [`Document::text`]; `quote` is the text between them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// First code point of the sentence.
    pub start: usize,
    /// One past the last code point of the sentence.
    pub end: usize,
    /// The sentence itself.
    pub quote: String,
}

/// The output record for one document (SPEC section 2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document's `id`.
    pub id: String,
    /// The document's `published` day, or null.
    pub published: Option<Date>,
    /// Attributed figures, in order of first mention.
    pub claims: Vec<Claim>,
    /// Events, in order of first mention.
    pub events: Vec<Event>,
}
