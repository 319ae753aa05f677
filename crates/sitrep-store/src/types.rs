//! What the store hands back: stored claims and events with their
//! provenance, ingest reports and statistics.

use jiff::civil::Date;
use sitrep_model::{Claim, Event};

/// A claim as stored: the model [`Claim`] plus where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredClaim {
    /// A stable id, `<document id>#c<ordinal>`: the same for the same
    /// document and extraction, whichever store or run wrote it.
    pub id: String,
    /// The document the claim was read from.
    pub document_id: String,
    /// The claim's position in its extraction's claim list, from 0.
    pub ordinal: u32,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication day.
    pub published: Option<Date>,
    /// The document's syndicate: the id of the earliest-stored copy of the
    /// same report (the document's own id when it is nobody's copy). Claims
    /// with the same syndicate are one source, however many outlets
    /// printed it.
    pub syndicate: String,
    /// The claim itself, exactly as ingested.
    pub claim: Claim,
}

/// An event as stored: the model [`Event`] plus where it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    /// A stable id, `<document id>#e<ordinal>`.
    pub id: String,
    /// The document the event was read from.
    pub document_id: String,
    /// The event's position in its extraction's event list, from 0.
    pub ordinal: u32,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication day.
    pub published: Option<Date>,
    /// The document's syndicate (see [`StoredClaim::syndicate`]).
    pub syndicate: String,
    /// The event itself, exactly as ingested.
    pub event: Event,
}

/// One outlet's copy of a report: a document of a syndicate, as
/// [`crate::Store::sightings`] lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sighting {
    /// The document's id.
    pub document_id: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication day.
    pub published: Option<Date>,
    /// Where the document was read.
    pub url: Option<String>,
    /// The document's title.
    pub title: Option<String>,
}

/// The id of the `ordinal`th claim of a document.
pub fn claim_id(document_id: &str, ordinal: u32) -> String {
    format!("{document_id}#c{ordinal}")
}

/// The id of the `ordinal`th event of a document.
pub fn event_id(document_id: &str, ordinal: u32) -> String {
    format!("{document_id}#e{ordinal}")
}

/// What to do with a document whose id is stored with different content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OnConflict {
    /// Keep what is stored; list the id in [`IngestReport::conflicts`].
    /// Nothing stored is ever overwritten by accident.
    #[default]
    Keep,
    /// Overwrite the stored document and replace its claims and events
    /// (an updated article). The earlier content is not kept.
    Replace,
}

/// A record the store refused, with the reason. The rest of its batch is
/// stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The document's id.
    pub document_id: String,
    /// Why it was refused.
    pub reason: String,
}

/// What one [`crate::Store::ingest`] call did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Documents stored for the first time.
    pub inserted: usize,
    /// Documents already stored with the same content and extractor version:
    /// nothing was written for them.
    pub duplicates: usize,
    /// Documents already stored with the same content whose claims and
    /// events were replaced by those of another extractor version.
    pub reextracted: usize,
    /// Documents stored with different content that were overwritten
    /// ([`OnConflict::Replace`]).
    pub replaced: usize,
    /// Ids of documents stored with different content that were left as they
    /// were ([`OnConflict::Keep`]), in batch order.
    pub conflicts: Vec<String>,
    /// Records refused as malformed, in batch order.
    pub rejected: Vec<Rejected>,
    /// Claims written.
    pub claims: usize,
    /// Events written.
    pub events: usize,
    /// Documents stored or replaced in this batch that were linked as
    /// copies of an earlier-stored document (their syndicate is another
    /// document's id).
    pub syndicated: usize,
}

impl IngestReport {
    /// Adds the counts and lists of `other` to this report.
    pub fn merge(&mut self, other: IngestReport) {
        let IngestReport {
            inserted,
            duplicates,
            reextracted,
            replaced,
            conflicts,
            rejected,
            claims,
            events,
            syndicated,
        } = other;
        self.inserted += inserted;
        self.duplicates += duplicates;
        self.reextracted += reextracted;
        self.replaced += replaced;
        self.conflicts.extend(conflicts);
        self.rejected.extend(rejected);
        self.claims += claims;
        self.events += events;
        self.syndicated += syndicated;
    }
}

/// Counts over the whole store.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// The schema version of the database.
    pub schema_version: i64,
    /// Stored documents.
    pub documents: u64,
    /// Stored claims.
    pub claims: u64,
    /// Stored events.
    pub events: u64,
    /// Stored event places.
    pub places: u64,
    /// Distinct syndicates: stored documents, counting the copies of one
    /// report once.
    pub syndicates: u64,
    /// How many documents each extractor version extracted, by version.
    pub extractor_versions: Vec<(String, u64)>,
    /// The earliest publication day of a stored document.
    pub first_published: Option<Date>,
    /// The latest publication day of a stored document.
    pub last_published: Option<Date>,
}
