//! The one error type of this crate: why a side dictionary did not load.
//!
//! Every error names the source (the name the caller gave the text, usually a
//! file name), the 1-based line and, where one field is at fault, the field,
//! as data ([`Error::source_name`], [`Error::line`], [`Error::field`]) and in
//! the message: `actors.tsv line 7: field side: invalid side code "P K": …`.
//! This module does not read files; the caller names its sources.

use std::fmt;

use sitrep_model::SideError;

/// Why a side dictionary could not be built from its sources.
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
}

/// The field of a line an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The first column.
    Side,
    /// The second column.
    Kind,
    /// The third column.
    Name,
}

impl Error {
    pub(crate) fn new(source_name: &str, line: usize, kind: ErrorKind) -> Error {
        Error {
            source_name: source_name.to_string(),
            line,
            kind,
        }
    }

    /// The name of the source, as the caller gave it.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// The 1-based line number; 0 when the error is about the whole
    /// dictionary ([`ErrorKind::TooLarge`]).
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The field at fault, when the error is about one field.
    pub fn field(&self) -> Option<Field> {
        match self.kind {
            ErrorKind::Side(_) | ErrorKind::NoneWithSide { .. } => Some(Field::Side),
            ErrorKind::Kind { .. } => Some(Field::Kind),
            ErrorKind::EmptyName
            | ErrorKind::NameWhitespace { .. }
            | ErrorKind::NameWithoutWord { .. }
            | ErrorKind::Duplicate { .. } => Some(Field::Name),
            ErrorKind::Header { .. }
            | ErrorKind::FieldCount { .. }
            | ErrorKind::TooLarge { .. } => None,
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Side => "side",
            Field::Kind => "kind",
            Field::Name => "name",
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
