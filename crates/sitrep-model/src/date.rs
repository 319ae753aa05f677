//! Dates with the granularity the text gives: a day, a month or a year.
//!
//! News rarely dates things to the day ("in October", "last year"), and
//! SPEC asks to keep exactly what is known: `YYYY-MM-DD`, `YYYY-MM` or
//! `YYYY`. A [`PartialDate`] is that value. Resolving "on Sunday" against a
//! publication date is the extractor's job, not this module's.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the day, the month or only the year.
///
/// Ordered by its first day, then by precision (a year sorts before its
/// first month, which sorts before its first day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A whole day.
    Day(Date),
    /// A month of a year; `month` is 1–12.
    Month {
        /// The year.
        year: i16,
        /// The month, 1–12.
        month: i8,
    },
    /// A whole year.
    Year(i16),
}

/// Why a string is not a [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartialDateError {
    text: String,
}

impl fmt::Display for PartialDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?}: expected YYYY-MM-DD, YYYY-MM or YYYY",
            self.text
        )
    }
}

impl std::error::Error for PartialDateError {}

impl PartialDate {
    /// The month that holds this date, or `None` for a whole year.
    pub fn month(self) -> Option<PartialDate> {
        match self {
            PartialDate::Day(d) => Some(PartialDate::Month {
                year: d.year(),
                month: d.month(),
            }),
            m @ PartialDate::Month { .. } => Some(m),
            PartialDate::Year(_) => None,
        }
    }

    /// The year of this date.
    pub fn year(self) -> i16 {
        match self {
            PartialDate::Day(d) => d.year(),
            PartialDate::Month { year, .. } | PartialDate::Year(year) => year,
        }
    }

    /// The first day this date covers.
    pub fn first_day(self) -> Date {
        match self {
            PartialDate::Day(d) => d,
            // The constructors below only ever build valid months and years.
            PartialDate::Month { year, month } => Date::new(year, month, 1).unwrap_or(Date::MIN),
            PartialDate::Year(year) => Date::new(year, 1, 1).unwrap_or(Date::MIN),
        }
    }

    /// The last day this date covers: the day itself, the month's last day
    /// or 31 December.
    pub fn last_day(self) -> Date {
        match self {
            PartialDate::Day(d) => d,
            PartialDate::Month { .. } => self.first_day().last_of_month(),
            PartialDate::Year(year) => Date::new(year, 12, 31).unwrap_or(Date::MAX),
        }
    }

    /// True when the two dates can name the same happening: the same day
    /// or days one apart (reports straddle midnight), or one contains the
    /// other (a day in its month or year, a month in its year).
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_model::PartialDate;
    /// let d = |s: &str| s.parse::<PartialDate>().unwrap();
    /// assert!(d("2025-10-11").compatible(d("2025-10-12")));
    /// assert!(d("2025-10").compatible(d("2025-10-12")));
    /// assert!(!d("2025-10-11").compatible(d("2025-10-13")));
    /// assert!(!d("2024").compatible(d("2025")));
    /// ```
    pub fn compatible(self, other: PartialDate) -> bool {
        match (self, other) {
            (PartialDate::Day(x), PartialDate::Day(y)) => x
                .since(y)
                .map(|span| span.get_days().abs() <= 1)
                .unwrap_or(false),
            (PartialDate::Year(x), d) | (d, PartialDate::Year(x)) => d.year() == x,
            _ => self.month() == other.month(),
        }
    }

    fn rank(self) -> u8 {
        match self {
            PartialDate::Year(_) => 0,
            PartialDate::Month { .. } => 1,
            PartialDate::Day(_) => 2,
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.rank()).cmp(&(other.first_day(), other.rank()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            PartialDate::Year(year) => write!(f, "{year:04}"),
        }
    }
}

impl FromStr for PartialDate {
    type Err = PartialDateError;

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    fn from_str(s: &str) -> Result<PartialDate, PartialDateError> {
        let err = || PartialDateError {
            text: s.to_string(),
        };
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Result<i16, PartialDateError> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err());
            }
            p.parse().map_err(|_| err())
        };
        match parts.as_slice() {
            [y] => {
                let year = num(y, 4)?;
                Ok(PartialDate::Year(year))
            }
            [y, m] => {
                let (year, month) = (num(y, 4)?, num(m, 2)?);
                if !(1..=12).contains(&month) {
                    return Err(err());
                }
                Ok(PartialDate::Month {
                    year,
                    month: month as i8,
                })
            }
            [y, m, d] => {
                let (year, month, day) = (num(y, 4)?, num(m, 2)?, num(d, 2)?);
                Date::new(year, month as i8, day as i8)
                    .map(PartialDate::Day)
                    .map_err(|_| err())
            }
            _ => Err(err()),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PartialDate, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_each_granularity() {
        for text in ["2026-02-26", "2025-10", "2025"] {
            let date: PartialDate = text.parse().unwrap();
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn first_and_last_day_of_each_granularity() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        let day = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2024-02").first_day(), day("2024-02-01"));
        assert_eq!(d("2024-02").last_day(), day("2024-02-29"));
        assert_eq!(d("2025").last_day(), day("2025-12-31"));
        assert_eq!(d("2025-10-12").last_day(), day("2025-10-12"));
    }

    #[test]
    fn rejects_malformed() {
        for text in [
            "",
            "25",
            "2025-13",
            "2025-02-30",
            "2025-1-01",
            "20251",
            "2025-10-01-01",
        ] {
            assert!(text.parse::<PartialDate>().is_err(), "{text}");
        }
        assert_eq!(
            "2025-13".parse::<PartialDate>().unwrap_err().to_string(),
            "invalid date \"2025-13\": expected YYYY-MM-DD, YYYY-MM or YYYY"
        );
    }

    #[test]
    fn compatible_dates() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(d("2025-12-31").compatible(d("2026-01-01")));
        assert!(d("2025-10").compatible(d("2025")));
        assert!(d("2025").compatible(d("2025-03-01")));
        assert!(!d("2025-10").compatible(d("2025-11")));
        assert!(!d("2025-10").compatible(d("2025-11-01")));
        assert!(!d("2024").compatible(d("2025")));
        assert!(!d("2024").compatible(d("2025-01")));
    }

    #[test]
    fn orders_by_first_day_then_precision() {
        let y: PartialDate = "2025".parse().unwrap();
        let m: PartialDate = "2025-01".parse().unwrap();
        let d: PartialDate = "2025-01-01".parse().unwrap();
        let later: PartialDate = "2025-01-02".parse().unwrap();
        assert!(y < m && m < d && d < later);
        assert_eq!(d.month(), Some(m));
    }
}
