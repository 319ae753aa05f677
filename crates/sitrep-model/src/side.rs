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
///
/// # Design
///
/// The code is kept inline (at most 16 ASCII bytes, zero-padded) rather
/// than in a `Box<str>`: sides are cloned on every claim and event, and an
/// allocation per clone was a measurable share of extraction time. The
/// bytes come first so that the derived ordering is the ordering of the
/// codes as strings.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Side {
    bytes: [u8; 16],
    len: u8,
}

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
        let mut bytes = [0u8; 16];
        for (slot, b) in bytes.iter_mut().zip(code.bytes()) {
            *slot = b.to_ascii_uppercase();
        }
        Ok(Side {
            bytes,
            len: code.len() as u8,
        })
    }

    /// The code, in upper case.
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored (checked in `new`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }
}

impl fmt::Debug for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Side({:?})", self.as_str())
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
        f.write_str(self.as_str())
    }
}

impl Serialize for Side {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
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
    fn orders_like_strings() {
        let mut sides: Vec<Side> = ["UKR", "AB", "ABC", "UN", "A_B"]
            .iter()
            .map(|c| Side::new(c).unwrap())
            .collect();
        sides.sort();
        let codes: Vec<&str> = sides.iter().map(Side::as_str).collect();
        assert_eq!(codes, ["AB", "ABC", "A_B", "UKR", "UN"]);
        assert_eq!(format!("{:?}", sides[0]), "Side(\"AB\")");
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
