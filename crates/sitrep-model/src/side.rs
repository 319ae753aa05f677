//! Sides: the affiliation codes of SPEC section 3.
//!
//! A [`Side`] is a short uppercase code. This module checks only its shape
//! (ASCII letters, digits, `_` or `-`, 2 to 16 characters); which codes exist
//! and what names map to them is the gazetteer's business.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An affiliation code: `PAK`, `AFG`, `TTP`, `UN`, …
///
/// Always stored in upper case, so `"pak".parse::<Side>()` equals `PAK`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Side(Box<str>);

/// Why a string is not a valid [`Side`] code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideError {
    text: String,
}

impl fmt::Display for SideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid side code {:?}: expected 2 to 16 ASCII letters, digits, '_' or '-'",
            self.text
        )
    }
}

impl std::error::Error for SideError {}

impl Side {
    /// Makes a side from a code, upper-casing it.
    ///
    /// # Errors
    ///
    /// When the code is shorter than 2 or longer than 16 characters, or holds
    /// anything but ASCII letters, digits, `_` and `-`.
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_model::Side;
    /// assert_eq!(Side::new("Hamas").unwrap().as_str(), "HAMAS");
    /// assert!(Side::new("P").is_err());
    /// assert!(Side::new("not a code").is_err());
    /// ```
    pub fn new(code: &str) -> Result<Side, SideError> {
        let ok = (2..=16).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !ok {
            return Err(SideError {
                text: code.to_string(),
            });
        }
        Ok(Side(code.to_ascii_uppercase().into_boxed_str()))
    }

    /// The code, in upper case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Side {
    type Err = SideError;
    fn from_str(s: &str) -> Result<Side, SideError> {
        Side::new(s)
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Side {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Side {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Side, D::Error> {
        let text = String::deserialize(d)?;
        Side::new(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_cases_and_round_trips() {
        let side = Side::new("hezbollah").unwrap();
        assert_eq!(side.as_str(), "HEZBOLLAH");
        let json = serde_json::to_string(&side).unwrap();
        assert_eq!(json, "\"HEZBOLLAH\"");
        assert_eq!(serde_json::from_str::<Side>(&json).unwrap(), side);
    }

    #[test]
    fn rejects_bad_codes() {
        assert!(Side::new("").is_err());
        assert!(Side::new("A").is_err());
        assert!(Side::new("ABCDEFGHIJKLMNOPQ").is_err());
        assert!(Side::new("P K").is_err());
        assert_eq!(
            Side::new("é!").unwrap_err().to_string(),
            "invalid side code \"é!\": expected 2 to 16 ASCII letters, digits, '_' or '-'"
        );
    }
}
