//! The one error type of this crate: why a side dictionary or a place
//! gazetteer did not load.
//!
//! Every error names the source (the name the caller gave the text, usually a
//! file name), the 1-based line and, where one field is at fault, the field,
//! as data ([`Error::source_name`], [`Error::line`], [`Error::field`]) and in
//! the message: `actors.tsv line 7: field side: invalid side code "P K": …`,
//! `extra.tsv line 12: field lat: expected a latitude from -90 to 90, found "91.5"`.
//! This module does not read files; the caller names its sources.

use std::fmt;

use sitrep_model::SideError;

/// Why a side dictionary or a place gazetteer could not be built from its
/// sources.
///
/// # Example
///
/// ```
/// use sitrep_gazetteer::{Field, Sides};
///
/// let err = Sides::from_tsv(&[("mine.tsv", "side\tkind\tname\nPAK\tcountri\tPakistan\n")]).unwrap_err();
/// assert_eq!(err.field(), Some(Field::Kind));
///
/// let err = Sides::from_tsv(&[("mine.tsv", "side\tkind\tname\nPAK\tcountry\n")]).unwrap_err();
/// assert_eq!(err.source_name(), "mine.tsv");
/// assert_eq!(err.line(), 2);
/// assert_eq!(err.field(), None);
/// assert_eq!(
///     err.to_string(),
///     "mine.tsv line 2: expected 3 tab-separated fields (side, kind, name), found 2"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    source_name: String,
    line: usize,
    kind: ErrorKind,
    /// The field, when the kind alone does not tell it (a place's admin1 or
    /// alternate names are checked like names).
    field: Option<Field>,
}

/// What exactly is wrong; see [`Error`] for where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The first line that is neither blank nor a `#` comment is not the
    /// header `side<TAB>kind<TAB>name`.
    #[error("expected the header \"side\\tkind\\tname\", found {found:?}")]
    Header {
        /// The line found instead.
        found: String,
    },
    /// A line does not have exactly three tab-separated fields.
    #[error("expected 3 tab-separated fields (side, kind, name), found {found}")]
    FieldCount {
        /// How many fields it has.
        found: usize,
    },
    /// The side is not a valid side code.
    #[error("{0}")]
    Side(SideError),
    /// A name of kind `none` has a side other than `-`.
    #[error("kind none takes side \"-\", found {found:?}")]
    NoneWithSide {
        /// The side given.
        found: String,
    },
    /// The kind is not one of the known kinds.
    #[error(
        "unknown kind {found:?}: expected country, demonym, capital, group, international, \
         organ or none"
    )]
    Kind {
        /// The kind given.
        found: String,
    },
    /// The name is empty.
    #[error("empty name")]
    EmptyName,
    /// The name starts or ends with whitespace.
    #[error("{name:?} starts or ends with whitespace")]
    NameWhitespace {
        /// The name given.
        name: String,
    },
    /// The name has no letter or digit, so it could never be a whole word.
    #[error("{name:?} has no letter or digit")]
    NameWithoutWord {
        /// The name given.
        name: String,
    },
    /// The name is listed twice in one source.
    #[error("{name:?} is already listed on line {first_line}")]
    Duplicate {
        /// The name.
        name: String,
        /// The line it was first listed on.
        first_line: usize,
    },
    /// The matcher could not be compiled (only for dictionaries far larger
    /// than any real one).
    #[error("the dictionary is too large to compile: {reason}")]
    TooLarge {
        /// The matcher library's reason.
        reason: String,
    },
    /// The first line of a place source that is neither blank nor a `#`
    /// comment is not the header
    /// `name<TAB>country<TAB>admin1<TAB>lat<TAB>lon<TAB>population<TAB>feature<TAB>alt_names`.
    #[error(
        "expected the header \"name\\tcountry\\tadmin1\\tlat\\tlon\\tpopulation\\tfeature\\talt_names\", \
         found {found:?}"
    )]
    PlaceHeader {
        /// The line found instead.
        found: String,
    },
    /// A line of a place source does not have exactly eight tab-separated
    /// fields.
    #[error(
        "expected 8 tab-separated fields (name, country, admin1, lat, lon, population, feature, \
         alt_names), found {found}"
    )]
    PlaceFieldCount {
        /// How many fields it has.
        found: usize,
    },
    /// The country is not an ISO 3166-1 alpha-3 code in capitals.
    #[error("expected an ISO 3166-1 alpha-3 code (three capital letters), found {found:?}")]
    Country {
        /// The code given.
        found: String,
    },
    /// The latitude is not a number from -90 to 90.
    #[error("expected a latitude from -90 to 90, found {found:?}")]
    Latitude {
        /// The text given.
        found: String,
    },
    /// The longitude is not a number from -180 to 180.
    #[error("expected a longitude from -180 to 180, found {found:?}")]
    Longitude {
        /// The text given.
        found: String,
    },
    /// The population is neither empty nor a whole number.
    #[error("expected a whole number or nothing, found {found:?}")]
    Population {
        /// The text given.
        found: String,
    },
    /// The feature is not one of the known features.
    #[error("unknown feature {found:?}: expected place, admin1, admin2, crossing, camp or site")]
    Feature {
        /// The feature given.
        found: String,
    },
    /// A source starts like gzip but does not unpack.
    #[error("not valid gzip: {reason}")]
    Gzip {
        /// The decoder's reason.
        reason: String,
    },
    /// A source is not valid UTF-8 (the line is where the first bad byte is).
    #[error("not valid UTF-8")]
    Utf8,
}

/// The field of a line an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The side dictionary's first column.
    Side,
    /// The side dictionary's second column.
    Kind,
    /// The name: the side dictionary's third column, a place source's first,
    /// or a line of a stoplist.
    Name,
    /// A place's ISO 3166-1 alpha-3 code.
    Country,
    /// A place's first-order division.
    Admin1,
    /// A place's latitude.
    Lat,
    /// A place's longitude.
    Lon,
    /// A place's population.
    Population,
    /// A place's feature.
    Feature,
    /// A place's alternate names.
    AltNames,
}

impl Error {
    pub(crate) fn new(source_name: &str, line: usize, kind: ErrorKind) -> Error {
        Error {
            source_name: source_name.to_string(),
            line,
            kind,
            field: None,
        }
    }

    /// An error about one field, named explicitly.
    pub(crate) fn in_field(source_name: &str, line: usize, field: Field, kind: ErrorKind) -> Error {
        Error {
            field: Some(field),
            ..Error::new(source_name, line, kind)
        }
    }

    /// The name of the source, as the caller gave it.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The 1-based line number; 0 when the error is about the whole
    /// dictionary ([`ErrorKind::TooLarge`]) or the whole source
    /// ([`ErrorKind::Gzip`]).
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The field at fault, when the error is about one field.
    pub fn field(&self) -> Option<Field> {
        if self.field.is_some() {
            return self.field;
        }
        match self.kind {
            ErrorKind::Side(_) | ErrorKind::NoneWithSide { .. } => Some(Field::Side),
            ErrorKind::Kind { .. } => Some(Field::Kind),
            ErrorKind::EmptyName
            | ErrorKind::NameWhitespace { .. }
            | ErrorKind::NameWithoutWord { .. }
            | ErrorKind::Duplicate { .. } => Some(Field::Name),
            ErrorKind::Country { .. } => Some(Field::Country),
            ErrorKind::Latitude { .. } => Some(Field::Lat),
            ErrorKind::Longitude { .. } => Some(Field::Lon),
            ErrorKind::Population { .. } => Some(Field::Population),
            ErrorKind::Feature { .. } => Some(Field::Feature),
            ErrorKind::Header { .. }
            | ErrorKind::FieldCount { .. }
            | ErrorKind::TooLarge { .. }
            | ErrorKind::PlaceHeader { .. }
            | ErrorKind::PlaceFieldCount { .. }
            | ErrorKind::Gzip { .. }
            | ErrorKind::Utf8 => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Side => "side",
            Field::Kind => "kind",
            Field::Name => "name",
            Field::Country => "country",
            Field::Admin1 => "admin1",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Population => "population",
            Field::Feature => "feature",
            Field::AltNames => "alt_names",
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.source_name)?;
        if self.line > 0 {
            write!(f, " line {}", self.line)?;
        }
        f.write_str(": ")?;
        if let Some(field) = self.field() {
            write!(f, "field {field}: ")?;
        }
        write!(f, "{}", self.kind)
    }
}

/// The message already holds the [`ErrorKind`]'s, so no `source()`: a
/// chain printer (`anyhow`'s `{:#}`) would print it twice.
impl std::error::Error for Error {}
