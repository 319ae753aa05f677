//! OpenAPI schemas of the SPEC items the API returns.
//!
//! `sitrep-model` is a pure vocabulary crate and does not depend on utoipa,
//! so its types are described here by mirror types that exist only for the
//! OpenAPI document: they are never built or serialised. Closed
//! vocabularies (categories, kinds, event types, …) take their values from
//! the model's own `ALL` lists, so a new value cannot be forgotten here.
//! The test `openapi_matches_responses` (in `tests`) validates real
//! responses against these schemas, so a field added to the model and not
//! here fails it.

#![allow(dead_code, reason = "mirror types exist for their schemas only")]

use std::borrow::Cow;

use sitrep_model::{Category, EventType, Flag, Kind, Mode, Precision, Qualifier, Stance};
use sitrep_reconcile::{ContestFlag, Scope};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::{KnownFormat, RefOr, SchemaFormat};
use utoipa::{PartialSchema, ToSchema};

/// A string schema whose values are `names`.
fn string_enum(description: &str, names: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .enum_values(Some(names.into_iter().collect::<Vec<_>>()))
        .into()
}

/// Declares a schema-only type for a closed vocabulary of the model.
macro_rules! vocabulary {
    ($( $(#[$meta:meta])* $name:ident = $model:ident, $description:literal; )+) => {
        $(
            $(#[$meta])*
            pub struct $name;

            impl PartialSchema for $name {
                fn schema() -> RefOr<Schema> {
                    string_enum($description, $model::ALL.iter().map(|v| v.as_str()))
                }
            }

            impl ToSchema for $name {
                fn name() -> Cow<'static, str> {
                    Cow::Borrowed(stringify!($name))
                }
            }
        )+
    };
}

vocabulary! {
    /// A claim category.
    CategoryName = Category, "What happened to the counted people or things (SPEC 2.1).";
    /// A subject kind.
    KindName = Kind, "What the counted people or things are (SPEC 2.1).";
    /// A value qualifier.
    QualifierName = Qualifier, "How the number is qualified (SPEC 2.1).";
    /// A stance.
    StanceName = Stance, "Whether the claimant asserts or denies the figure.";
    /// A provenance flag.
    FlagName = Flag, "A field taken from context rather than read in the evidence sentence.";
    /// An event type.
    EventTypeName = EventType, "The PLOVER-aligned event type (SPEC 2.2).";
    /// An assault mode.
    ModeName = Mode, "How an ASSAULT was carried out; null for other types.";
    /// How precisely a place is known.
    PrecisionName = Precision, "How precisely the place is known.";
    /// A warning on a contested figure.
    ContestFlagName = ContestFlag, "What an analyst should know about a contested figure.";
}

/// What a contested figure counts over.
pub struct ScopeName;

impl PartialSchema for ScopeName {
    fn schema() -> RefOr<Schema> {
        string_enum(
            "What a figure counts over: one happening, a stated period, or a running total.",
            [Scope::Incident, Scope::Period, Scope::Cumulative].map(Scope::as_str),
        )
    }
}

impl ToSchema for ScopeName {}

/// A side code: an ISO 3166-1 alpha-3 code for a state, a short uppercase
/// name for a group or an international body (SPEC 3).
#[derive(ToSchema)]
#[schema(example = "PAK")]
pub struct SideCode(String);

/// A date known to the day, the month or the year.
pub struct PartialDay;

impl PartialSchema for PartialDay {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("A day, month or year: YYYY-MM-DD, YYYY-MM or YYYY."))
            .pattern(Some(r"^\d{4}(-\d{2}(-\d{2})?)?$"))
            .examples(["2025-10-12"])
            .into()
    }
}

impl ToSchema for PartialDay {}

/// A calendar day, `YYYY-MM-DD`.
pub struct Day;

impl PartialSchema for Day {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .examples(["2025-10-12"])
            .into()
    }
}

impl ToSchema for Day {}

/// Who or what is counted.
#[derive(ToSchema)]
pub struct Subject {
    /// The words naming the counted group.
    text: String,
    /// Whose they are; null when the text does not say.
    side: Option<SideCode>,
    /// What they are.
    kind: KindName,
}

/// The figure. (Not called `Value`: utoipa reads that name as "any JSON".)
#[derive(ToSchema)]
pub struct ClaimValue {
    /// The number, or the low end of a range.
    #[schema(minimum = 0)]
    n: u64,
    /// The high end of a range.
    #[schema(minimum = 0)]
    n_max: Option<u64>,
    /// How the number is qualified.
    qualifier: QualifierName,
    /// The words of the number.
    text: String,
}

/// Who states a figure.
#[derive(ToSchema)]
pub struct Claimant {
    /// The words naming the claimant.
    text: String,
    /// The claimant's own affiliation.
    side: Option<SideCode>,
    /// True for unnamed sources.
    anonymous: bool,
}

/// The sentence an item was read from: offsets in Unicode code points into
/// the document text, and the sentence itself.
#[derive(ToSchema)]
pub struct Evidence {
    /// First code point of the sentence.
    #[schema(minimum = 0)]
    start: u64,
    /// One past the last code point.
    #[schema(minimum = 0)]
    end: u64,
    /// The sentence.
    quote: String,
}

/// An attributed figure (SPEC 2.1).
#[derive(ToSchema)]
pub struct Claim {
    /// The category.
    category: CategoryName,
    /// Who or what is counted.
    subject: Subject,
    /// The number.
    value: ClaimValue,
    /// Asserted or denied.
    stance: StanceName,
    /// Who states it; null when the article states it in its own voice.
    #[schema(required = true)]
    claimant: Option<Claimant>,
    /// When the counted thing happened.
    #[schema(required = true)]
    date: Option<PartialDay>,
    /// The sentence stating the figure.
    evidence: Evidence,
    /// How sure the rules are, 0 to 1.
    #[schema(minimum = 0, maximum = 1)]
    confidence: f32,
    /// What was taken from context; absent when nothing was.
    #[serde(default)]
    flags: Vec<FlagName>,
}

/// An actor of an event.
#[derive(ToSchema)]
pub struct Actor {
    /// The words naming the actor.
    text: String,
    /// The sides it stands for.
    sides: Vec<SideCode>,
}

/// Where an event happened.
#[derive(ToSchema)]
pub struct Place {
    /// The place name.
    name: String,
    /// ISO 3166-1 alpha-3 code.
    #[schema(required = true)]
    country: Option<String>,
    /// The province or state.
    #[schema(required = true)]
    admin1: Option<String>,
    /// Latitude in degrees.
    #[schema(required = true)]
    lat: Option<f64>,
    /// Longitude in degrees.
    #[schema(required = true)]
    lon: Option<f64>,
    /// How precisely the place is known; absent when unknown.
    precision: Option<PrecisionName>,
}

/// Who did what to whom, where and when (SPEC 2.2).
#[derive(ToSchema)]
pub struct Event {
    /// The event type.
    #[schema(rename = "type")]
    kind: EventTypeName,
    /// The mode of an ASSAULT.
    #[schema(required = true)]
    mode: Option<ModeName>,
    /// Who acts.
    #[schema(required = true)]
    actor1: Option<Actor>,
    /// Who is acted on.
    #[schema(required = true)]
    actor2: Option<Actor>,
    /// Where, most specific first.
    places: Vec<Place>,
    /// When.
    #[schema(required = true)]
    date: Option<PartialDay>,
    /// True when the text says it did not happen.
    negated: bool,
    /// The sentence stating it.
    evidence: Evidence,
}

/// One article (SPEC 1).
#[derive(ToSchema)]
pub struct Document {
    /// The document's id.
    id: String,
    /// Where the article was found.
    url: Option<String>,
    /// The publishing outlet.
    outlet: Option<String>,
    /// The publication day: the anchor for relative dates.
    published: Option<Day>,
    /// The headline.
    title: Option<String>,
    /// The full text; evidence offsets count code points into it.
    text: String,
}

/// The output record for one document (SPEC 2).
#[derive(ToSchema)]
pub struct Extraction {
    /// The document's id.
    id: String,
    /// The document's publication day.
    #[schema(required = true)]
    published: Option<Day>,
    /// Attributed figures, in order of first mention.
    claims: Vec<Claim>,
    /// Events, in order of first mention.
    events: Vec<Event>,
}

/// Who or what a contested figure counts.
#[derive(ToSchema)]
pub struct SubjectKey {
    /// Whose they are; null when no claim says.
    #[schema(required = true)]
    side: Option<SideCode>,
    /// The kind most claims use.
    kind: KindName,
    /// Every kind the claims use.
    kinds: Vec<KindName>,
    /// The words most claims use for the counted group.
    text: String,
}

/// A span of days.
#[derive(ToSchema)]
pub struct DateSpan {
    /// The first day.
    #[schema(required = true)]
    from: Option<Day>,
    /// The last day.
    #[schema(required = true)]
    to: Option<Day>,
}

/// Who states a figure.
#[derive(ToSchema)]
pub struct ClaimantKey {
    /// The claimant's side; null for a source of unknown side and for the
    /// articles' own voice.
    #[schema(required = true)]
    side: Option<SideCode>,
    /// The words naming the claimant; null for the articles' own voice.
    #[schema(required = true)]
    text: Option<String>,
    /// Every name this claimant was given.
    names: Vec<String>,
}

/// A claimant's earlier figure.
#[derive(ToSchema)]
pub struct Revision {
    /// The figure (the low end of a range).
    n: u64,
    /// The high end of a range.
    #[schema(required = true)]
    n_max: Option<u64>,
    /// How it was qualified.
    qualifier: QualifierName,
    /// Asserted or denied.
    stance: StanceName,
    /// The publication day it was first read.
    #[schema(required = true)]
    seen: Option<Day>,
    /// The claim that first stated it.
    claim_id: String,
    /// The document it was read in.
    document_id: String,
}

/// One claimant's figure within a contested figure.
#[derive(ToSchema)]
pub struct Figure {
    /// Who states it.
    claimant: ClaimantKey,
    /// The current figure (the low end of a range).
    n: u64,
    /// The high end of a range.
    #[schema(required = true)]
    n_max: Option<u64>,
    /// How the current figure is qualified.
    qualifier: QualifierName,
    /// The words of the current figure.
    text: String,
    /// Asserted or denied.
    stance: StanceName,
    /// The earliest publication day this claimant's figures were read.
    #[schema(required = true)]
    first_seen: Option<Day>,
    /// The latest.
    #[schema(required = true)]
    last_seen: Option<Day>,
    /// Documents stating this claimant's figures.
    documents: Vec<String>,
    /// Their outlets.
    outlets: Vec<String>,
    /// Independent sources among those documents.
    sources: u64,
    /// The claim stating the current figure.
    claim_id: String,
    /// The document it was read in.
    document_id: String,
    /// The sentence stating it.
    quote: String,
    /// Earlier figures of this claimant, oldest first.
    revisions: Vec<Revision>,
}

/// Claims about one thing from every claimant, side by side (see the
/// sitrep-reconcile crate for the grouping rules).
#[derive(ToSchema)]
pub struct ContestedFigure {
    /// An id within one result (stable for the same claims).
    id: String,
    /// The category.
    category: CategoryName,
    /// Who or what was counted.
    subject: SubjectKey,
    /// What the figure counts over.
    scope: ScopeName,
    /// The days the counted thing happened on.
    date: DateSpan,
    /// Where, as a place key, when known; absent otherwise.
    place: Option<String>,
    /// The lowest current asserted figure; null when every figure is a denial.
    #[schema(required = true)]
    low: Option<u64>,
    /// The highest current asserted figure.
    #[schema(required = true)]
    high: Option<u64>,
    /// high / low, when low is above zero.
    #[schema(required = true)]
    spread: Option<f64>,
    /// How many distinct claimant sides assert a figure.
    claimant_sides: u64,
    /// Independent sources.
    sources: u64,
    /// Documents the claims were read in.
    sightings: u64,
    /// Claims in this figure.
    claims: u64,
    /// The earliest publication day.
    #[schema(required = true)]
    first_seen: Option<Day>,
    /// The latest publication day.
    #[schema(required = true)]
    last_seen: Option<Day>,
    /// One entry per claimant.
    figures: Vec<Figure>,
    /// Warnings.
    flags: Vec<ContestFlagName>,
}
