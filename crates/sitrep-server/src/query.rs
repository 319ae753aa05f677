//! Query strings: parsed strictly, every failure naming its parameter.
//!
//! Each endpoint lists the parameters it accepts in an `IntoParams` struct
//! (see `params`), which is also what the OpenAPI document shows; [`Query`]
//! refuses any other name (`unknown_parameter`) and any name given twice,
//! and its typed getters turn each value into the store's filter types or
//! fail with `invalid_parameter` naming the field. An empty value
//! (`side=`) means the parameter is absent, as HTML forms send it.
//!
//! Axum's own `Query<T>` extractor was not used: its serde errors do not
//! reliably name the field, and its rejection is plain text, not the API's
//! JSON error shape.

use std::str::FromStr;

use sitrep_model::{Category, EventType, Kind, Mode, PartialDate, Side, Stance};
use utoipa::IntoParams;
use utoipa::openapi::path::ParameterIn;

use crate::error::ApiError;

/// The names of the query parameters that `P` documents.
pub fn names<P: IntoParams>() -> Vec<String> {
    P::into_params(|| Some(ParameterIn::Query))
        .into_iter()
        .map(|p| p.name)
        .collect()
}

/// A parsed query string whose values are taken one by one.
#[derive(Debug)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Parses `raw` (the part after `?`), accepting only the parameters
    /// `P` documents.
    ///
    /// # Errors
    ///
    /// `unknown_parameter` for a name `P` does not list or a name given
    /// twice.
    pub fn parse<P: IntoParams>(raw: Option<&str>) -> Result<Query, ApiError> {
        let allowed = names::<P>();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if !allowed.iter().any(|name| *name == key) {
                let mut known = allowed.clone();
                known.sort();
                return Err(ApiError::unknown_parameter(
                    &key,
                    format!(
                        "unknown query parameter {key:?}; this endpoint accepts: {}",
                        known.join(", ")
                    ),
                ));
            }
            if pairs.iter().any(|(k, _)| *k == key) {
                return Err(ApiError::unknown_parameter(
                    &key,
                    format!("query parameter {key:?} is given more than once"),
                ));
            }
            pairs.push((key.into_owned(), value.into_owned()));
        }
        Ok(Query { pairs })
    }

    /// The value of `name`, if given and not empty.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, v)| k == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// The value of `name` as an owned string, trimmed of surrounding
    /// spaces; `None` when absent or blank.
    pub fn string(&self, name: &str) -> Option<String> {
        self.text(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    }

    /// A side code (`PAK`, `ttp`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` when the code is malformed.
    pub fn side(&self, name: &str) -> Result<Option<Side>, ApiError> {
        self.text(name)
            .map(|v| {
                Side::from_str(v.trim()).map_err(|e| {
                    ApiError::parameter(name, format!("invalid side {v:?} for {name}: {e}"))
                })
            })
            .transpose()
    }

    /// A day, month or year (`2025-10-12`, `2025-10`, `2025`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` when the date is malformed.
    pub fn date(&self, name: &str) -> Result<Option<PartialDate>, ApiError> {
        self.text(name)
            .map(|v| {
                PartialDate::from_str(v.trim())
                    .map_err(|e| ApiError::parameter(name, format!("{name}: {e}")))
            })
            .transpose()
    }

    /// One of a closed vocabulary, matched ignoring ASCII case.
    fn vocabulary<T: Copy>(
        &self,
        name: &str,
        what: &str,
        all: &[T],
        as_str: impl Fn(T) -> &'static str,
    ) -> Result<Option<T>, ApiError> {
        let Some(v) = self.text(name) else {
            return Ok(None);
        };
        let wanted = v.trim();
        all.iter()
            .copied()
            .find(|item| as_str(*item).eq_ignore_ascii_case(wanted))
            .map(Some)
            .ok_or_else(|| {
                let names: Vec<&str> = all.iter().map(|item| as_str(*item)).collect();
                ApiError::parameter(
                    name,
                    format!(
                        "unknown {what} {v:?} for {name}: expected one of {}",
                        names.join(", ")
                    ),
                )
            })
    }

    /// A claim category (`killed`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for an unknown category.
    pub fn category(&self, name: &str) -> Result<Option<Category>, ApiError> {
        self.vocabulary(name, "category", Category::ALL, Category::as_str)
    }

    /// A subject kind (`soldiers`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for an unknown kind.
    pub fn kind(&self, name: &str) -> Result<Option<Kind>, ApiError> {
        self.vocabulary(name, "kind", Kind::ALL, Kind::as_str)
    }

    /// A stance (`asserted`, `denied`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for an unknown stance.
    pub fn stance(&self, name: &str) -> Result<Option<Stance>, ApiError> {
        self.vocabulary(name, "stance", Stance::ALL, Stance::as_str)
    }

    /// An event type (`ASSAULT`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for an unknown type.
    pub fn event_type(&self, name: &str) -> Result<Option<EventType>, ApiError> {
        self.vocabulary(name, "event type", EventType::ALL, EventType::as_str)
    }

    /// An assault mode (`aerial`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for an unknown mode.
    pub fn mode(&self, name: &str) -> Result<Option<Mode>, ApiError> {
        self.vocabulary(name, "mode", Mode::ALL, Mode::as_str)
    }

    /// `true` or `false` (also `1`/`0`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` for anything else.
    pub fn boolean(&self, name: &str) -> Result<Option<bool>, ApiError> {
        self.text(name)
            .map(|v| match v.trim() {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                _ => Err(ApiError::parameter(
                    name,
                    format!("invalid boolean {v:?} for {name}: expected true or false"),
                )),
            })
            .transpose()
    }

    /// A whole number in `min..=max`.
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` when it is not a whole number or
    /// is out of range.
    pub fn number(&self, name: &str, min: usize, max: usize) -> Result<Option<usize>, ApiError> {
        self.text(name)
            .map(|v| {
                let n: usize = v.trim().parse().map_err(|_| {
                    ApiError::parameter(
                        name,
                        format!("invalid number {v:?} for {name}: expected a whole number"),
                    )
                })?;
                if n < min || n > max {
                    return Err(ApiError::parameter(
                        name,
                        format!("{name} must be between {min} and {max}, got {n}"),
                    ));
                }
                Ok(n)
            })
            .transpose()
    }

    /// An ISO 3166-1 alpha-3 country code, upper-cased (`afg` → `AFG`).
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming `name` unless it is three ASCII letters.
    pub fn country(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.text(name)
            .map(|v| {
                let v = v.trim();
                if v.len() == 3 && v.bytes().all(|b| b.is_ascii_alphabetic()) {
                    Ok(v.to_ascii_uppercase())
                } else {
                    Err(ApiError::parameter(
                        name,
                        format!("invalid country {v:?} for {name}: expected an ISO 3166-1 alpha-3 code such as AFG"),
                    ))
                }
            })
            .transpose()
    }
}

/// A page of a list: how many items, after how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// Items per page.
    pub limit: usize,
    /// Items skipped before this page.
    pub offset: usize,
}

impl Page {
    /// Items per page when `limit` is not given.
    pub const DEFAULT_LIMIT: usize = 100;
    /// The largest `limit` accepted.
    pub const MAX_LIMIT: usize = 1000;
    /// The largest `offset` accepted. SQLite reads and discards every
    /// skipped row, so a deep offset costs as much as reading that many
    /// items; past this, narrow the query with `since`/`until` instead.
    pub const MAX_OFFSET: usize = 100_000;

    /// Reads `limit` and `offset`.
    ///
    /// # Errors
    ///
    /// `invalid_parameter` naming the field when either is not a whole
    /// number or is out of range.
    pub fn from_query(query: &Query) -> Result<Page, ApiError> {
        Ok(Page {
            limit: query
                .number("limit", 1, Page::MAX_LIMIT)?
                .unwrap_or(Page::DEFAULT_LIMIT),
            offset: query.number("offset", 0, Page::MAX_OFFSET)?.unwrap_or(0),
        })
    }
}

/// Checks that `since` is not after `until`.
///
/// # Errors
///
/// `invalid_parameter` naming `until` when the window is empty.
pub fn check_window(
    since: Option<PartialDate>,
    until: Option<PartialDate>,
) -> Result<(), ApiError> {
    if let (Some(since), Some(until)) = (since, until) {
        let last = until.last_day();
        if since.first_day() > last {
            return Err(ApiError::parameter(
                "until",
                format!("until ({until}) is before since ({since})"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[derive(IntoParams)]
    #[into_params(parameter_in = Query)]
    #[allow(dead_code, reason = "only its documentation is used")]
    struct Sample {
        side: Option<String>,
        since: Option<String>,
        limit: Option<u32>,
        category: Option<String>,
    }

    fn q(raw: &str) -> Query {
        Query::parse::<Sample>(Some(raw)).unwrap()
    }

    #[test]
    fn unknown_and_repeated_parameters_are_refused_by_name() {
        let err = Query::parse::<Sample>(Some("side=PAK&colour=red")).unwrap_err();
        assert_eq!(err.code, ErrorCode::UnknownParameter);
        assert_eq!(err.field.as_deref(), Some("colour"));
        assert_eq!(
            err.message,
            "unknown query parameter \"colour\"; this endpoint accepts: category, limit, side, since"
        );
        let err = Query::parse::<Sample>(Some("side=PAK&side=AFG")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("side"));
        assert_eq!(
            err.message,
            "query parameter \"side\" is given more than once"
        );
    }

    #[test]
    fn values_are_typed_and_errors_name_the_field() {
        assert_eq!(q("side=pak").side("side").unwrap().unwrap().as_str(), "PAK");
        assert_eq!(q("side=").side("side").unwrap(), None);
        let err = q("since=2025-13").date("since").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidParameter);
        assert_eq!(err.field.as_deref(), Some("since"));
        assert_eq!(
            q("category=KILLED").category("category").unwrap(),
            Some(Category::Killed)
        );
        let err = q("category=massacred").category("category").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("category"));
        assert!(err.message.starts_with(
            "unknown category \"massacred\" for category: expected one of killed, injured"
        ));
        let err = q("limit=0").number("limit", 1, 10).unwrap_err();
        assert_eq!(err.message, "limit must be between 1 and 10, got 0");
        let err = q("limit=ten").number("limit", 1, 10).unwrap_err();
        assert_eq!(
            err.message,
            "invalid number \"ten\" for limit: expected a whole number"
        );
        assert_eq!(q("limit=%207%20").number("limit", 1, 10).unwrap(), Some(7));
    }

    #[test]
    fn page_defaults_and_bounds() {
        assert_eq!(
            Page::from_query(&q("")).unwrap(),
            Page {
                limit: 100,
                offset: 0
            }
        );
        let err = Page::from_query(&q("limit=1001")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("limit"));
    }

    #[test]
    fn window_must_not_be_empty() {
        let d = |s: &str| Some(PartialDate::from_str(s).unwrap());
        assert!(check_window(d("2025-10-12"), d("2025-10")).is_ok());
        assert!(check_window(d("2025-12-31"), d("2025-12")).is_ok());
        assert!(check_window(d("2025-10"), d("2025-10-01")).is_ok());
        let err = check_window(d("2025-11-01"), d("2025-10")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("until"));
        assert_eq!(err.message, "until (2025-10) is before since (2025-11-01)");
    }
}
