//! The compiled side dictionary: merges sources, compiles one automaton over
//! every name, and finds whole-word, longest, non-overlapping mentions.
//!
//! # How a mention is found
//!
//! 1. One Aho-Corasick DFA over all names reports every occurrence, overlapping
//!    ones included, case-sensitively ("US" is not "us").
//! 2. An occurrence counts only as a whole word: the characters just before and
//!    just after it must not be letters or digits (Unicode). Apostrophes
//!    (straight or curly), hyphens, slashes and punctuation are boundaries, so
//!    "Afghanistan’s", "Pakistan-based" and "AFC/M23" match, "Indiana" does
//!    not match "India".
//! 3. Of the whole-word occurrences, the leftmost wins, and at one position the
//!    longest: "Pakistani Taliban" over "Pakistani", "Omani" over "Oman". When
//!    the longest occurrence at a position is not a whole word, a shorter one
//!    at the same position still can be: in "Indian Oceania", "Indian Ocean"
//!    is not a whole word but "Indian" is.
//! 4. An occurrence of a name of kind `none` wins like any other but is not
//!    reported: it only keeps the names inside it from matching ("Indian
//!    Ocean" hides "Indian").
//!
//! Why overlapping search rather than the automaton's own leftmost-longest
//! mode: leftmost-longest reports only the longest name at a position, and
//! when that one fails the word-boundary check ("Indian Ocean" in "Indian
//! Oceania"), the shorter name at the same position ("Indian") is lost;
//! restarting the search one byte later cannot find it either. Overlapping
//! search sees every candidate, and news text has few (the bundled data scans
//! at about 250 MB/s on one core).
//!
//! This module does no I/O: the bundled data is compiled in, other sources
//! come in as text.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use sitrep_model::Side;

use crate::error::{Error, ErrorKind};
use crate::tsv;
use crate::{MentionKind, SideMention};

/// The data bundled with sitrep, as `(source name, TSV text)` pairs, in the
/// order [`Sides::bundled`] loads them: `countries.tsv` (generated from the
/// keshvar crate by `tools/gen-sides`), then the hand-kept `actors.tsv`.
///
/// To extend the bundled dictionary, pass these followed by your own source to
/// [`Sides::from_tsv`].
pub const BUNDLED: [(&str, &str); 2] = [
    (
        "countries.tsv",
        include_str!("../../../data/sides/countries.tsv"),
    ),
    ("actors.tsv", include_str!("../../../data/sides/actors.tsv")),
];

/// The bundled dictionary, compiled once per process on first use.
static BUNDLED_SIDES: LazyLock<Sides> = LazyLock::new(|| {
    // The only `expect` of the crate: the data is compiled in, not input, and
    // the unit test `bundled_data_loads` loads it, so a tested build cannot
    // fail here.
    Sides::from_tsv(&BUNDLED).expect("the bundled side data is valid (see bundled_data_loads)")
});

/// One name the matcher knows.
#[derive(Debug)]
struct Entry {
    name: Box<str>,
    /// `None` for kind none.
    target: Option<(Side, MentionKind)>,
    /// False for the apostrophe variants the compiler adds.
    listed: bool,
}

/// The compiled side dictionary: every name that resolves to a side, and a
/// matcher that finds them in text.
///
/// Cloning is cheap (one reference count): the compiled data is shared.
/// [`Sides::default`] is the empty dictionary.
///
/// # Example
///
/// ```
/// use sitrep_gazetteer::{MentionKind, Sides};
///
/// let sides = Sides::bundled();
/// let text = "Islamabad said the Pakistani Taliban's fighters crossed from Afghanistan’s east.";
/// let mentions = sides.find(text);
/// let found: Vec<(&str, &str, MentionKind)> = mentions
///     .iter()
///     .map(|m| (&text[m.start..m.end], m.side.as_str(), m.kind))
///     .collect();
/// assert_eq!(
///     found,
///     [
///         ("Islamabad", "PAK", MentionKind::Capital),
///         ("Pakistani Taliban", "TTP", MentionKind::Group),
///         ("Afghanistan", "AFG", MentionKind::Country),
///     ]
/// );
/// ```
#[derive(Clone, Default)]
pub struct Sides {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Indexed by the automaton's pattern id.
    entries: Vec<Entry>,
    /// `None` when there are no names.
    automaton: Option<AhoCorasick>,
    by_name: HashMap<Box<str>, usize>,
    /// Per side: the first listed name of kind country, and the first listed
    /// name of any kind (indexes into `entries`).
    display: BTreeMap<Side, (Option<usize>, usize)>,
    /// Names that resolve to a side, variants not counted.
    len: usize,
}

impl fmt::Debug for Sides {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sides")
            .field("names", &self.inner.len)
            .field("sides", &self.inner.display.len())
            .finish_non_exhaustive()
    }
}

impl Sides {
    /// The dictionary bundled with sitrep ([`BUNDLED`]).
    ///
    /// It is compiled once per process, on first use (about 10 ms), and each
    /// call returns a cheap clone of it.
    pub fn bundled() -> Sides {
        BUNDLED_SIDES.clone()
    }

    /// Builds a dictionary from TSV sources, given as `(name, text)` pairs;
    /// the name is only used in error messages.
    ///
    /// Sources are read in order, and a name given again by a later source
    /// replaces the earlier entry, so a user's file after [`BUNDLED`] can
    /// re-map a bundled name or switch it off with kind `none`. Within one
    /// source a name may appear only once. Every name with a straight
    /// apostrophe also matches with a curly one (`’`), and the other way
    /// round, unless that spelling is listed itself.
    ///
    /// The format is described in the bundled `data/sides/actors.tsv`: a
    /// header `side<TAB>kind<TAB>name`, then one name per line; `#` lines are
    /// comments.
    ///
    /// # Errors
    ///
    /// When a source has no header line before its first row, a line without
    /// exactly three fields, an invalid side code ([`Side::new`]), an unknown
    /// kind, kind `none` with a side other than `-`, an empty name, a name
    /// with leading or trailing whitespace or without any letter or digit, or
    /// a name listed twice; and (only for dictionaries far beyond any real
    /// one) when the matcher cannot be compiled.
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_gazetteer::{BUNDLED, MentionKind, Sides};
    ///
    /// let mine = "side\tkind\tname\nFDLR\tgroup\tAbacunguzi\n-\tnone\tWagner\n";
    /// let mut sources = BUNDLED.to_vec();
    /// sources.push(("mine.tsv", mine));
    /// let sides = Sides::from_tsv(&sources).unwrap();
    /// assert_eq!(sides.lookup("Abacunguzi").map(|(s, k)| (s.as_str(), k)), Some(("FDLR", MentionKind::Group)));
    /// assert_eq!(sides.lookup("Wagner"), None);
    ///
    /// let bad = Sides::from_tsv(&[("mine.tsv", "side\tkind\tname\nFDLR\tgang\tFDLR\n")]);
    /// assert_eq!(
    ///     bad.unwrap_err().to_string(),
    ///     "mine.tsv line 2: field kind: unknown kind \"gang\": expected country, demonym, \
    ///      capital, group, international, organ or none"
    /// );
    /// ```
    pub fn from_tsv(sources: &[(&str, &str)]) -> Result<Sides, Error> {
        // Merge: later sources replace earlier entries in place.
        let mut merged: Vec<(&str, Option<(Side, MentionKind)>)> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::new();
        for (source_name, text) in sources {
            for row in tsv::parse(source_name, text)? {
                match position.get(row.name) {
                    Some(&i) => {
                        if let Some(slot) = merged.get_mut(i) {
                            slot.1 = row.target;
                        }
                    }
                    None => {
                        position.insert(row.name, merged.len());
                        merged.push((row.name, row.target));
                    }
                }
            }
        }

        let mut entries: Vec<Entry> = merged
            .iter()
            .map(|(name, target)| Entry {
                name: (*name).into(),
                target: target.clone(),
                listed: true,
            })
            .collect();
        for (name, target) in &merged {
            for variant in apostrophe_variants(name) {
                if !position.contains_key(variant.as_str()) {
                    entries.push(Entry {
                        name: variant.into(),
                        target: target.clone(),
                        listed: false,
                    });
                }
            }
        }
        let mut by_name = HashMap::with_capacity(entries.len());
        for (i, entry) in entries.iter().enumerate() {
            by_name.entry(entry.name.clone()).or_insert(i);
        }
        let mut display: BTreeMap<Side, (Option<usize>, usize)> = BTreeMap::new();
        let mut len = 0;
        for (i, entry) in entries.iter().enumerate() {
            let Some((side, kind)) = &entry.target else {
                continue;
            };
            if !entry.listed {
                continue;
            }
            len += 1;
            let slot = display.entry(side.clone()).or_insert((None, i));
            if *kind == MentionKind::Country && slot.0.is_none() {
                slot.0 = Some(i);
            }
        }
        let automaton = if entries.is_empty() {
            None
        } else {
            Some(compile(&entries, sources)?)
        };
        Ok(Sides {
            inner: Arc::new(Inner {
                entries,
                automaton,
                by_name,
                display,
                len,
            }),
        })
    }

    /// Every mention of a side in `text`: whole words, leftmost first, the
    /// longest at each position, never overlapping; offsets are bytes.
    ///
    /// See [the crate documentation](crate#matching) for the exact rules.
    pub fn find(&self, text: &str) -> Vec<SideMention> {
        let Some(automaton) = &self.inner.automaton else {
            return Vec::new();
        };
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for m in automaton.find_overlapping_iter(text) {
            if is_whole_word(text, m.start(), m.end()) {
                candidates.push((m.start(), m.end(), m.pattern().as_usize()));
            }
        }
        // Leftmost first; at one start, longest first.
        candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut mentions = Vec::new();
        let mut taken_until = 0;
        for (start, end, pattern) in candidates {
            if start < taken_until {
                continue;
            }
            taken_until = end;
            let Some(Entry {
                target: Some((side, kind)),
                ..
            }) = self.inner.entries.get(pattern)
            else {
                continue; // kind none: it only hides what is inside it
            };
            mentions.push(SideMention {
                start,
                end,
                side: side.clone(),
                kind: *kind,
            });
        }
        mentions
    }

    /// The side and kind of exactly this name (case-sensitive), or `None`
    /// when the name is unknown or of kind `none`.
    ///
    /// ```
    /// use sitrep_gazetteer::{MentionKind, Sides};
    ///
    /// let sides = Sides::bundled();
    /// let (side, kind) = sides.lookup("Tehreek-e-Taliban Pakistan").unwrap();
    /// assert_eq!((side.as_str(), kind), ("TTP", MentionKind::Group));
    /// assert_eq!(sides.lookup("tehreek-e-taliban pakistan"), None);
    /// assert_eq!(sides.lookup("Indian Ocean"), None);
    /// ```
    pub fn lookup(&self, name: &str) -> Option<(&Side, MentionKind)> {
        let index = *self.inner.by_name.get(name)?;
        let (side, kind) = self.inner.entries.get(index)?.target.as_ref()?;
        Some((side, *kind))
    }

    /// The display name of a side that is a country: its first name of kind
    /// `country` ("United States" for `USA`, "Russia" for `RUS`); `None` for
    /// a side without country names (`TTP`, `UN`).
    pub fn country_name(&self, side: &Side) -> Option<&str> {
        let (country, _) = self.inner.display.get(side)?;
        Some(&self.inner.entries.get((*country)?)?.name)
    }

    /// A display name for any side: its first listed name of any kind
    /// ("Pakistan" for `PAK`, "Pakistani Taliban" for `TTP`, "UN" for `UN`).
    pub fn display_name(&self, side: &Side) -> Option<&str> {
        let (_, first) = self.inner.display.get(side)?;
        Some(&self.inner.entries.get(*first)?.name)
    }

    /// Every listed name that resolves to a side, in the order of the
    /// sources (the apostrophe variants the matcher adds are not listed).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Side, MentionKind)> {
        self.inner
            .entries
            .iter()
            .filter(|e| e.listed)
            .filter_map(|e| {
                let (side, kind) = e.target.as_ref()?;
                Some((&*e.name, side, *kind))
            })
    }

    /// Every side that has at least one name, in code order.
    pub fn sides(&self) -> impl Iterator<Item = &Side> {
        self.inner.display.keys()
    }

    /// How many listed names resolve to a side.
    pub fn len(&self) -> usize {
        self.inner.len
    }

    /// Whether no name resolves to a side.
    pub fn is_empty(&self) -> bool {
        self.inner.len == 0
    }
}

/// The other spellings of a name with apostrophes: `'` as `’` and back.
fn apostrophe_variants(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if name.contains('\'') {
        out.push(name.replace('\'', "\u{2019}"));
    }
    if name.contains('\u{2019}') {
        out.push(name.replace('\u{2019}', "'"));
    }
    out
}

/// The DFA over every name. A DFA scans fastest; should a huge user
/// dictionary exceed what a DFA may hold, the library's own choice (a
/// contiguous NFA) is taken instead.
fn compile(entries: &[Entry], sources: &[(&str, &str)]) -> Result<AhoCorasick, Error> {
    let names = entries.iter().map(|e| e.name.as_bytes());
    let dfa = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(names.clone());
    match dfa {
        Ok(automaton) => Ok(automaton),
        Err(_) => AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(names)
            .map_err(|e| {
                let last = sources.last().map_or("", |(name, _)| *name);
                Error::new(
                    last,
                    0,
                    ErrorKind::TooLarge {
                        reason: e.to_string(),
                    },
                )
            }),
    }
}

/// Whether `text[start..end]` stands as a whole word: no letter or digit right
/// before or right after it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !word(before.chars().next_back()) && !word(after.chars().next())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(code: &str) -> Side {
        Side::new(code).unwrap()
    }

    /// `(matched text, side, kind)` for every mention.
    fn found(sides: &Sides, text: &str) -> Vec<(String, String, MentionKind)> {
        sides
            .find(text)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.side.to_string(), m.kind))
            .collect()
    }

    fn one(name: &str, code: &str, kind: MentionKind) -> (String, String, MentionKind) {
        (name.to_string(), code.to_string(), kind)
    }

    fn small(extra: &str) -> Sides {
        let text = format!("side\tkind\tname\n{extra}");
        Sides::from_tsv(&[("small.tsv", &text)]).unwrap()
    }

    use MentionKind::*;

    #[test]
    fn bundled_data_loads() {
        let sides = Sides::from_tsv(&BUNDLED).unwrap();
        assert!(sides.len() > 1500, "only {} names", sides.len());
        for (name, code, kind) in [
            ("Pakistan", "PAK", Country),
            ("Afghanistan", "AFG", Country),
            ("India", "IND", Country),
            ("Israel", "ISR", Country),
            ("Iran", "IRN", Country),
            ("Russia", "RUS", Country),
            ("Ukraine", "UKR", Country),
            ("Sudan", "SDN", Country),
            ("Thailand", "THA", Country),
            ("Cambodia", "KHM", Country),
            ("United States", "USA", Country),
            ("U.S.", "USA", Country),
            ("Congo", "COD", Country),
            ("Gaza", "PSE", Country),
            ("Kosovo", "XKX", Country),
            ("Pakistani", "PAK", Demonym),
            ("Afghans", "AFG", Demonym),
            ("Thai", "THA", Demonym),
            ("Cambodian", "KHM", Demonym),
            ("Sudanese", "SDN", Demonym),
            ("Nigerien", "NER", Demonym),
            ("Nigerian", "NGA", Demonym),
            ("Islamabad", "PAK", Capital),
            ("New Delhi", "IND", Capital),
            ("Kyiv", "UKR", Capital),
            ("Kiev", "UKR", Capital),
            ("Tehran", "IRN", Capital),
            ("Moscow", "RUS", Capital),
            ("Taliban", "AFG", Group),
            ("Islamic Emirate", "AFG", Group),
            ("TTP", "TTP", Group),
            ("Kharijites", "TTP", Group),
            ("Tehrik-i-Taliban Pakistan", "TTP", Group),
            ("BLA", "BLA", Group),
            ("ISIS-K", "ISKP", Group),
            ("Daesh", "ISIS", Group),
            ("Hamas", "HAMAS", Group),
            ("Hezbollah", "HEZBOLLAH", Group),
            ("Houthis", "HOUTHIS", Group),
            ("Rapid Support Forces", "RSF", Group),
            ("M23", "M23", Group),
            ("PKK", "PKK", Group),
            ("UN", "UN", International),
            ("UNHCR", "UN", International),
            ("IAEA", "UN", International),
            ("Nato", "NATO", International),
            ("Red Cross", "ICRC", International),
            ("African Union", "AU", International),
            ("ISPR", "PAK", Organ),
            ("Pentagon", "USA", Organ),
            ("Kremlin", "RUS", Organ),
            ("IDF", "ISR", Organ),
            ("IRGC", "IRN", Organ),
            ("Tatmadaw", "MMR", Organ),
            ("SAF", "SDN", Organ),
            ("Xinhua", "CHN", Organ),
            ("Gaza's health ministry", "PSE", Organ),
            ("Palestinian Authority", "PSE", Organ),
        ] {
            assert_eq!(
                sides.lookup(name).map(|(s, k)| (s.as_str(), k)),
                Some((code, kind)),
                "{name}"
            );
        }
        for name in [
            "Jerusalem",
            "England",
            "Jersey",
            "Fars",
            "IAF",
            "Foreign Office",
            "Korean",
        ] {
            assert_eq!(sides.lookup(name), None, "{name}");
        }
    }

    #[test]
    fn bundled_files_do_not_override_each_other() {
        let [(countries_name, countries), (actors_name, actors)] = BUNDLED;
        let countries = tsv::parse(countries_name, countries).unwrap();
        let actors = tsv::parse(actors_name, actors).unwrap();
        let names: std::collections::HashSet<&str> = countries.iter().map(|r| r.name).collect();
        let both: Vec<&str> = actors
            .iter()
            .map(|r| r.name)
            .filter(|n| names.contains(n))
            .collect();
        assert_eq!(both, Vec::<&str>::new());
    }

    #[test]
    fn bundled_side_codes_are_written_in_capitals() {
        for (source, text) in BUNDLED {
            for line in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.is_empty())
                .skip(1)
            {
                let code = line.split('\t').next().unwrap_or_default();
                assert_eq!(code, code.to_ascii_uppercase(), "{source}: {line}");
            }
        }
    }

    #[test]
    fn groups_named_after_a_country_are_not_that_country() {
        let sides = Sides::bundled();
        let text = "The National Resistance Front, the Free Syrian Army, the Sudan People's \
                    Liberation Army and the Russian Volunteer Corps; ISPR said khwarij fled.";
        assert_eq!(
            found(&sides, text),
            vec![
                one("National Resistance Front", "NRF", Group),
                one("Free Syrian Army", "FSA", Group),
                one("Sudan People's Liberation Army", "SSD", Organ),
                one("Russian Volunteer Corps", "RVC", Group),
                one("ISPR", "PAK", Organ),
                one("khwarij", "TTP", Group),
            ]
        );
    }

    #[test]
    fn display_names() {
        let sides = Sides::bundled();
        assert_eq!(sides.country_name(&side("USA")), Some("United States"));
        assert_eq!(sides.country_name(&side("RUS")), Some("Russia"));
        assert_eq!(sides.country_name(&side("PAK")), Some("Pakistan"));
        assert_eq!(
            sides.country_name(&side("COD")),
            Some("Democratic Republic of the Congo")
        );
        assert_eq!(sides.country_name(&side("TTP")), None);
        assert_eq!(sides.country_name(&side("ZZZ")), None);
        assert_eq!(sides.display_name(&side("TTP")), Some("Pakistani Taliban"));
        assert_eq!(sides.display_name(&side("UN")), Some("UN"));
        assert_eq!(sides.display_name(&side("PAK")), Some("Pakistan"));
        assert!(sides.sides().any(|s| s.as_str() == "HOUTHIS"));
    }

    #[test]
    fn finds_every_kind() {
        let sides = Sides::bundled();
        let text = "Pakistan's army and Afghan officials met in Doha, where the TTP, the UN \
                    and the ISPR were discussed.";
        assert_eq!(
            found(&sides, text),
            vec![
                one("Pakistan", "PAK", Country),
                one("Afghan", "AFG", Demonym),
                one("Doha", "QAT", Capital),
                one("TTP", "TTP", Group),
                one("UN", "UN", International),
                one("ISPR", "PAK", Organ),
            ]
        );
    }

    #[test]
    fn longest_name_wins() {
        let sides = Sides::bundled();
        assert_eq!(
            found(&sides, "the Pakistani Taliban's commanders"),
            vec![one("Pakistani Taliban", "TTP", Group)]
        );
        assert_eq!(
            found(
                &sides,
                "Tehrik-i-Taliban Pakistan (TTP) and the Afghan Taliban"
            ),
            vec![
                one("Tehrik-i-Taliban Pakistan", "TTP", Group),
                one("TTP", "TTP", Group),
                one("Afghan Taliban", "AFG", Group),
            ]
        );
        assert_eq!(
            found(
                &sides,
                "Omani and Sudanese mediators, with South Sudanese envoys"
            ),
            vec![
                one("Omani", "OMN", Demonym),
                one("Sudanese", "SDN", Demonym),
                one("South Sudanese", "SSD", Demonym),
            ]
        );
        assert_eq!(
            found(
                &sides,
                "Islamic State Khorasan Province and Palestinian Islamic Jihad"
            ),
            vec![
                one("Islamic State Khorasan Province", "ISKP", Group),
                one("Palestinian Islamic Jihad", "PIJ", Group),
            ]
        );
    }

    #[test]
    fn whole_words_only() {
        let sides = Sides::bundled();
        assert_eq!(
            found(&sides, "Indiana and Omanis"),
            vec![one("Omanis", "OMN", Demonym)]
        );
        assert_eq!(
            found(&sides, "Indians"),
            vec![one("Indians", "IND", Demonym)]
        );
        assert_eq!(
            found(&sides, "a Pakistan-based, anti-Taliban, AFC/M23 group"),
            vec![
                one("Pakistan", "PAK", Country),
                one("Taliban", "AFG", Group),
                one("M23", "M23", Group),
            ]
        );
        assert_eq!(
            found(&sides, "the Hamas-run health ministry said"),
            vec![one("Hamas-run health ministry", "PSE", Organ)]
        );
        // "UN" inside "UNHCR", "US" inside "USA" and "BUS" are not words.
        assert_eq!(
            found(&sides, "UNHCR, USA, BUS, M23x, 2UN"),
            vec![
                one("UNHCR", "UN", International),
                one("USA", "USA", Country)
            ]
        );
        assert_eq!(
            found(&sides, "Chadian"),
            vec![one("Chadian", "TCD", Demonym)]
        );
    }

    #[test]
    fn a_shorter_name_matches_where_the_longest_is_not_a_word() {
        let sides = small("IND\tdemonym\tIndian\n-\tnone\tIndian Ocean\n");
        assert_eq!(found(&sides, "across the Indian Ocean today"), vec![]);
        assert_eq!(
            found(&sides, "the Indian Oceania team"),
            vec![one("Indian", "IND", Demonym)]
        );
        assert_eq!(
            found(&sides, "Indian Oceanic"),
            vec![one("Indian", "IND", Demonym)]
        );
    }

    #[test]
    fn case_sensitive() {
        let sides = Sides::bundled();
        assert_eq!(found(&sides, "let us roast a turkey; who knows"), vec![]);
        assert_eq!(
            found(&sides, "The US and Turkey told the WHO"),
            vec![
                one("US", "USA", Country),
                one("Turkey", "TUR", Country),
                one("WHO", "UN", International),
            ]
        );
        assert_eq!(found(&sides, "PAKISTAN"), vec![]);
    }

    #[test]
    fn apostrophes_straight_and_curly() {
        let sides = Sides::bundled();
        for text in ["Afghanistan's east", "Afghanistan’s east"] {
            assert_eq!(
                found(&sides, text),
                vec![one("Afghanistan", "AFG", Country)],
                "{text}"
            );
        }
        assert_eq!(
            found(&sides, "Gaza’s health ministry said"),
            vec![one("Gaza’s health ministry", "PSE", Organ)]
        );
        assert_eq!(
            found(&sides, "the Kurdistan Workers’ Party"),
            vec![one("Kurdistan Workers’ Party", "PKK", Group)]
        );
        assert_eq!(
            sides
                .lookup("Kurdistan Workers’ Party")
                .map(|(s, _)| s.as_str()),
            Some("PKK")
        );
        assert!(
            sides
                .iter()
                .all(|(name, _, _)| name != "Kurdistan Workers’ Party")
        );
    }

    #[test]
    fn names_of_kind_none_hide_what_is_inside_them() {
        let sides = Sides::bundled();
        assert_eq!(
            found(
                &sides,
                "The Syrian Observatory for Human Rights said, from New Mexico,"
            ),
            vec![]
        );
        assert_eq!(
            found(&sides, "in the Indian Ocean off Somalia"),
            vec![one("Somalia", "SOM", Country)]
        );
        assert_eq!(
            found(
                &sides,
                "Pakistan's National Security Council and the Security Council"
            ),
            vec![
                one("Pakistan", "PAK", Country),
                one("Security Council", "UN", International)
            ]
        );
    }

    #[test]
    fn offsets_are_bytes_in_unicode_text() {
        let sides = Sides::bundled();
        let text = "« Kyiv » — Türkiye’s envoy to Côte d'Ivoire";
        let mentions = sides.find(text);
        let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, vec![(3, 7), (15, 23), (37, 51)]);
        assert_eq!(&text[37..51], "Côte d'Ivoire");
        assert_eq!(
            mentions.iter().map(|m| m.side.as_str()).collect::<Vec<_>>(),
            ["UKR", "TUR", "CIV"]
        );
    }

    #[test]
    fn later_sources_override_earlier_ones() {
        let bundled = "side\tkind\tname\nWAGNER\tgroup\tWagner\nCOD\tcountry\tCongo\nPAK\tcountry\tPakistan\n";
        let user =
            "# mine\nside\tkind\tname\nRUS\torgan\tWagner\n-\tnone\tCongo\nFDLR\tgroup\tFDLR\n";
        let sides = Sides::from_tsv(&[("a.tsv", bundled), ("b.tsv", user)]).unwrap();
        assert_eq!(
            sides.lookup("Wagner").map(|(s, k)| (s.as_str(), k)),
            Some(("RUS", Organ))
        );
        assert_eq!(sides.lookup("Congo"), None);
        assert_eq!(
            found(&sides, "Wagner left Congo for Pakistan; FDLR stayed."),
            vec![
                one("Wagner", "RUS", Organ),
                one("Pakistan", "PAK", Country),
                one("FDLR", "FDLR", Group),
            ]
        );
        assert_eq!(sides.len(), 3);
        assert_eq!(
            sides
                .iter()
                .map(|(n, s, _)| format!("{n}={s}"))
                .collect::<Vec<_>>(),
            ["Wagner=RUS", "Pakistan=PAK", "FDLR=FDLR"]
        );
        assert_eq!(sides.display_name(&side("COD")), None);
    }

    #[test]
    fn errors_name_the_source_they_are_in() {
        let good = "side\tkind\tname\nPAK\tcountry\tPakistan\n";
        let bad = "side\tkind\tname\nPAK\tcountry\tPakistan\nPAK\tdemonym\tPakistani\nTTP\tgroup\n";
        let err = Sides::from_tsv(&[("countries.tsv", good), ("actors.tsv", bad)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "actors.tsv line 4: expected 3 tab-separated fields (side, kind, name), found 2"
        );
        let err = Sides::from_tsv(&[(
            "actors.tsv",
            "side\tkind\tname\n\n\n\n\n\nT T P\tgroup\tTTP\n",
        )])
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "actors.tsv line 7: field side: invalid side code \"T T P\": \
             expected 2 to 16 ASCII letters, digits, '_' or '-'"
        );
    }

    #[test]
    fn empty_dictionaries_find_nothing() {
        for sides in [Sides::default(), Sides::from_tsv(&[]).unwrap(), small("")] {
            assert_eq!(sides.find("Pakistan and the TTP"), vec![]);
            assert_eq!(sides.len(), 0);
            assert!(sides.is_empty());
            assert_eq!(sides.lookup("Pakistan"), None);
        }
        let only_none = small("-\tnone\tIndian Ocean\n");
        assert!(only_none.is_empty());
        assert_eq!(only_none.find("Indian Ocean"), vec![]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        let sides = Sides::bundled();
        for text in [
            "",
            "U",
            "’",
            "\u{0}UN\u{0}",
            "ÜNÜN UN’UN",
            "UNUNUN",
            "US.",
            "U.S.",
        ] {
            let _ = sides.find(text);
        }
        assert_eq!(found(&sides, "U.S."), vec![one("U.S.", "USA", Country)]);
        assert_eq!(
            found(&sides, "\u{0}UN\u{0}"),
            vec![one("UN", "UN", International)]
        );
    }
}
