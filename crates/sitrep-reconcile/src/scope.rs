//! What a figure counts over: one happening, a stated period, or a running
//! total.
//!
//! The scope is read from the claim's date and its evidence sentence:
//! a date of a whole month or year makes a period total; words of a
//! running total ("since the war began", "so far this year", "in total",
//! "to date", "overall", "cumulative", "over the past three weeks") make a
//! cumulative one; anything else is an incident. The cue words are matched
//! on whole words, case-insensitively, anywhere in the sentence: a sentence
//! that reports a running total rarely also reports a single day's toll.
//!
//! "In the past 24 hours" and "in the past day" are a day's report, not a
//! running total, and stay incidents.

use serde::Serialize;
use sitrep_model::{Claim, PartialDate};

/// What a figure counts over.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// One happening: a strike, a clash, one night's fighting.
    Incident,
    /// A stated month or year ("in October, 300 were killed").
    Period,
    /// A running total ("since the war began", "so far this year").
    Cumulative,
}

impl Scope {
    /// The scope's name in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Incident => "incident",
            Scope::Period => "period",
            Scope::Cumulative => "cumulative",
        }
    }

    /// The scope of a claim (see the module doc).
    pub fn of(claim: &Claim) -> Scope {
        if is_running_total(&claim.evidence.quote) {
            Scope::Cumulative
        } else if matches!(
            claim.date,
            Some(PartialDate::Month { .. } | PartialDate::Year(_))
        ) {
            Scope::Period
        } else {
            Scope::Incident
        }
    }
}

impl std::fmt::Display for Scope {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Word sequences that mark a running total.
const CUES: &[&[&str]] = &[
    &["since"],
    &["so", "far", "this"],
    &["to", "date"],
    &["in", "total"],
    &["in", "all"],
    &["overall"],
    &["cumulative"],
    &["cumulatively"],
    &["this", "year"],
    &["over", "the", "past"],
    &["in", "the", "past"],
    &["over", "the", "last"],
    &["in", "the", "last"],
    &["during", "the", "war"],
    &["tally"],
];

/// Words after "in/over the past/last" that make a single day's report.
const DAY_WINDOWS: &[&[&str]] = &[
    &["24", "hours"],
    &["day"],
    &["twenty-four", "hours"],
    &["night"],
];

fn is_running_total(sentence: &str) -> bool {
    let words: Vec<String> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len()).any(|i| {
        CUES.iter().any(|cue| {
            starts_with(&words[i..], cue) && {
                let rest = &words[i + cue.len()..];
                let window = cue.last().is_some_and(|w| *w == "past" || *w == "last");
                !(window && DAY_WINDOWS.iter().any(|day| starts_with(rest, day)))
            }
        })
    })
}

fn starts_with(words: &[String], cue: &[&str]) -> bool {
    words.len() >= cue.len() && words.iter().zip(cue).all(|(w, c)| w == c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_totals_are_cumulative() {
        for sentence in [
            "Since the war began, 1,240 soldiers have been killed, the ministry said.",
            "So far this year 310 civilians have died in the province.",
            "The monitor put the overall toll at 2,100.",
            "In total, 48 drones were shot down over the past three weeks.",
            "The agency's tally stands at 90 dead.",
            "To date, 12,000 people have fled.",
        ] {
            assert!(is_running_total(sentence), "{sentence}");
        }
    }

    #[test]
    fn a_day_or_an_incident_is_not_cumulative() {
        for sentence in [
            "In the past 24 hours, 14 soldiers were killed in the border clash.",
            "Officials said 55 soldiers were killed in overnight fighting.",
            "The death toll from Saturday's strike rose to 60.",
            "Over the past day, 9 drones were intercepted.",
            // "sincere" and "installed" hold cue letters but not cue words.
            "A sincere apology followed after 3 guards were killed.",
        ] {
            assert!(!is_running_total(sentence), "{sentence}");
        }
    }
}
