//! Reading the `published` field: a day, or a timestamp whose day is taken.
//!
//! SPEC asks for `YYYY-MM-DD`. Scrapers often write a full timestamp
//! (`2025-10-11T21:55:15+00:00`) instead; its date is taken *as written*,
//! not converted to another zone, because the local day of publication is
//! what "yesterday" in the article refers to. Anything else is an error,
//! rather than a guess (`10/11/2025` is ambiguous).

use jiff::civil::Date;

use crate::ErrorKind;

/// Parses a `published` value: `YYYY-MM-DD`, or an RFC 3339 / ISO 8601
/// date-time starting with one (its date is kept, the time and offset are
/// checked and dropped). An empty or all-whitespace string means "unknown"
/// and gives `Ok(None)`.
///
/// # Errors
///
/// [`ErrorKind::InvalidDate`] when the value is not a valid day (`2025-13-01`,
/// `2025-02-30`, `12/10/2025`) or its time part is malformed.
///
/// # Example
///
/// ```
/// use sitrep_ingest::parse_published;
///
/// let day = parse_published("2025-10-11T21:55:15+00:00").unwrap().unwrap();
/// assert_eq!(day.to_string(), "2025-10-11");
/// assert_eq!(parse_published("").unwrap(), None);
/// assert_eq!(
///     parse_published("11/10/2025").unwrap_err().to_string(),
///     r#"invalid date "11/10/2025": expected YYYY-MM-DD"#,
/// );
/// ```
pub fn parse_published(value: &str) -> Result<Option<Date>, ErrorKind> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let invalid = || ErrorKind::InvalidDate {
        value: value.to_owned(),
    };
    let (date, rest) = split_day(trimmed).ok_or_else(invalid)?;
    if rest.is_empty() {
        return Ok(Some(date));
    }
    // A time must follow a 'T' (or a space, as many databases write it), and
    // the whole value must be a valid date-time, with or without an offset.
    if !rest.starts_with(['T', 't', ' ']) {
        return Err(invalid());
    }
    let valid = trimmed.parse::<jiff::Timestamp>().is_ok()
        || trimmed.parse::<jiff::civil::DateTime>().is_ok();
    if valid {
        Ok(Some(date))
    } else {
        Err(invalid())
    }
}

/// Splits a leading `YYYY-MM-DD` off `text`, checking it is a real day.
fn split_day(text: &str) -> Option<(Date, &str)> {
    let head = text.get(..10)?;
    let rest = text.get(10..)?;
    let bytes = head.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i32> {
        let part = bytes.get(range)?;
        part.iter().try_fold(0i32, |acc, &b| {
            b.is_ascii_digit().then(|| acc * 10 + i32::from(b - b'0'))
        })
    };
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let year = i16::try_from(digits(0..4)?).ok()?;
    let month = i8::try_from(digits(5..7)?).ok()?;
    let day = i8::try_from(digits(8..10)?).ok()?;
    let date = Date::new(year, month, day).ok()?;
    Some((date, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(value: &str) -> String {
        match parse_published(value) {
            Ok(Some(date)) => date.to_string(),
            Ok(None) => "none".to_owned(),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn accepts_days() {
        assert_eq!(day("2025-10-12"), "2025-10-12");
        assert_eq!(day(" 2024-02-29 "), "2024-02-29");
    }

    #[test]
    fn takes_the_written_day_of_timestamps() {
        assert_eq!(day("2025-10-11T21:55:15+00:00"), "2025-10-11");
        assert_eq!(day("2025-10-11T23:30:00-05:00"), "2025-10-11");
        assert_eq!(day("2025-10-11T21:55:15Z"), "2025-10-11");
        assert_eq!(day("2025-10-11T21:55:15.250Z"), "2025-10-11");
        assert_eq!(day("2025-10-11 21:55:15"), "2025-10-11");
        assert_eq!(day("2025-10-11T21:55"), "2025-10-11");
    }

    #[test]
    fn empty_means_unknown() {
        assert_eq!(day(""), "none");
        assert_eq!(day("   "), "none");
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "2025-13-01",
            "2025-02-30",
            "2025-1-05",
            "11/10/2025",
            "20251011",
            "2025-10",
            "yesterday",
            "2025-10-11X",
            "2025-10-11T25:00:00Z",
            "2025-10-11Tnoon",
            "２０２５-10-11",
        ] {
            assert_eq!(
                day(bad),
                format!("invalid date \"{bad}\": expected YYYY-MM-DD"),
                "{bad}"
            );
        }
    }
}
