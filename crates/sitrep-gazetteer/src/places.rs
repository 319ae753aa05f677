//! The place gazetteer: towns, provinces, districts, border crossings, camps
//! and sites, with their country, province, position and population, and a
//! matcher that finds their names in news text.
//!
//! # Data
//!
//! A source is TSV text (plain, or gzip-compressed: sources that start with
//! the gzip magic bytes are unpacked first) with the header
//! `name<TAB>country<TAB>admin1<TAB>lat<TAB>lon<TAB>population<TAB>feature<TAB>alt_names`
//! and one place a line; `#` lines are comments. The bundled sources
//! ([`BUNDLED_PLACES`]) are `data/gazetteer/places.tsv.gz`, generated from
//! GeoNames by `tools/gen-places` (every populated place of 500 or more
//! people, and one row per province and per district; CC BY 4.0, see
//! `data/NOTICE`), and the hand-kept `data/gazetteer/extra.tsv` (border
//! crossings, camps, sites and districts GeoNames lacks). Every row is a place
//! of its own: many places share a name.
//!
//! # Matching
//!
//! [`Places::find`] reports every place name in a text, with all the places
//! of that name as candidates:
//!
//! - Names match **case-sensitively** ("Sale" the town, not "sale" the
//!   noun) and as **whole words**: the characters right before and after must
//!   not be letters or digits; apostrophes, hyphens and punctuation are
//!   boundaries ("Kabul's", "Kandahar-based").
//! - The **leftmost** name wins, and at one position the **longest** ("Bat
//!   Yam" over "Bat", "Rafah crossing" over "Rafah"). Where the longest name
//!   at a position is not a whole word, a shorter one still can be.
//! - A name on a **stoplist** is never matched: ordinary English words that
//!   are also place names ("Mobile", "Police", "Man"), names the side
//!   dictionary resolves ("Lebanon", "Taliban"), months, titles and personal
//!   names ("May", "President", "Asif"). The bundled lists
//!   ([`BUNDLED_STOPLISTS`]) are `data/gazetteer/stoplist.txt` (generated) and
//!   `stoplist-extra.txt` (hand-kept; `!Name` lines take a name back).
//!   Names shorter than three characters and names without a capital letter
//!   are never matched either. Stopped names are still found by
//!   [`Places::lookup`].
//! - A name followed by "province", "state", "region", "oblast" or
//!   "governorate", or preceded by "province of" and the like, carries the
//!   **cue** [`Feature::Admin1`]; "district", "agency", "county" (after) or
//!   "district of" (before) the cue [`Feature::Admin2`].
//!
//! Offsets are bytes; mentions never overlap and come in text order.
//!
//! Which candidate is meant is the caller's decision; [`Places::best`] gives
//! a reasonable default from the article's countries and the cue.
//!
//! # How it is stored
//!
//! Every distinct name (and province name) is kept once, in one string arena;
//! places refer to names by number, and each name has the list of its places,
//! most populous first.
//!
//! Matching does not use an automaton. A name only matches as a whole word, so
//! it can only start where a word starts and end where a word ends. At each
//! word start, the matcher hashes the text word by word and looks the span up
//! in a table of every matchable name, extending the span only while it is
//! the beginning of some longer name (a second table holds every name's
//! word-prefixes). The longest hit wins; a hit is checked against the name's
//! text, so a hash collision cannot produce a false match. Straight and curly
//! apostrophes hash alike, so "Ma'rib" also matches "Ma’rib". Two small tables
//! that stay in the processor's cache turn most words away before the large
//! ones are probed: a bit for the first three bytes of every name, and a Bloom
//! filter over the hashes of every name and word-prefix.
//!
//! Why not Aho-Corasick, as for the side dictionary: over the bundled half a
//! million names, building a contiguous NFA took 1.2 s and peaked at 215 MB
//! of memory (a non-contiguous one 1.0 s and 190 MB; a DFA over millions of
//! states would need gigabytes), against about 0.1 s and 20 MB for the two
//! tables, which scan news text about as fast (some 130 MB/s on one core).
//!
//! This module does no I/O: the bundled data is compiled in, other sources
//! come in as bytes.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::{Arc, LazyLock};

use sitrep_model::{Precision, Side};

use crate::error::{Error, ErrorKind, Field};

/// The place data bundled with sitrep, as `(source name, bytes)` pairs, in the
/// order [`Places::bundled`] loads them: the generated `places.tsv.gz`, then
/// the hand-kept `extra.tsv`.
///
/// To extend the bundled gazetteer, pass these followed by your own source to
/// [`Places::from_tsv`].
pub const BUNDLED_PLACES: [(&str, &[u8]); 2] = [
    (
        "places.tsv.gz",
        include_bytes!("../../../data/gazetteer/places.tsv.gz"),
    ),
    (
        "extra.tsv",
        include_bytes!("../../../data/gazetteer/extra.tsv"),
    ),
];

/// The stoplists bundled with sitrep, as `(source name, text)` pairs: the
/// generated `stoplist.txt`, then the hand-kept `stoplist-extra.txt`.
///
/// [`Places::from_tsv`] uses these; pass them followed by your own list to
/// [`Places::from_tsv_with_stoplists`] to stop more names or take some back.
pub const BUNDLED_STOPLISTS: [(&str, &str); 2] = [
    (
        "stoplist.txt",
        include_str!("../../../data/gazetteer/stoplist.txt"),
    ),
    (
        "stoplist-extra.txt",
        include_str!("../../../data/gazetteer/stoplist-extra.txt"),
    ),
];

/// The header line every place source starts with.
const HEADER: &str = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names";

/// Names shorter than this (in characters) are never matched in free text.
const MIN_MATCH_CHARS: usize = 3;

/// A place more populous than a tenth of a division of the same name, and
/// with at least this many people, is the division's namesake seat, and is
/// preferred to it when no cue says otherwise ("Kandahar" is the city).
const NAMESAKE_MIN_POPULATION: u64 = 10_000;

/// The bundled gazetteer, compiled once per process on first use.
static BUNDLED: LazyLock<Places> = LazyLock::new(|| {
    // The data is compiled in, not input, and the unit test
    // `bundled_data_loads` loads it, so a tested build cannot fail here.
    Places::from_tsv(&BUNDLED_PLACES)
        .expect("the bundled place data is valid (see bundled_data_loads)")
});

/// What kind of place a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// A populated place: city, town, village, or a section of a city.
    Place,
    /// A first-order division: province, state, oblast, governorate.
    Admin1,
    /// A second-order division: district, former tribal agency, raion.
    Admin2,
    /// A border crossing (one row per side of the border).
    Crossing,
    /// A camp for displaced people or refugees.
    Camp,
    /// A landmark: temple, air base, power plant, bridge.
    Site,
}

impl Feature {
    /// Every feature, in declaration order.
    pub const ALL: [Feature; 6] = [
        Feature::Place,
        Feature::Admin1,
        Feature::Admin2,
        Feature::Crossing,
        Feature::Camp,
        Feature::Site,
    ];

    /// The feature as written in the `feature` column: `place`, `admin1`,
    /// `admin2`, `crossing`, `camp` or `site`.
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::Place => "place",
            Feature::Admin1 => "admin1",
            Feature::Admin2 => "admin2",
            Feature::Crossing => "crossing",
            Feature::Camp => "camp",
            Feature::Site => "site",
        }
    }

    /// Whether this is an administrative division (admin1 or admin2).
    pub fn is_division(self) -> bool {
        matches!(self, Feature::Admin1 | Feature::Admin2)
    }

    /// How precisely an event at such a place is located (SPEC's
    /// `precision`): [`Precision::Admin1`] for a province, [`Precision::Place`]
    /// for everything smaller.
    pub fn precision(self) -> Precision {
        match self {
            Feature::Admin1 => Precision::Admin1,
            _ => Precision::Place,
        }
    }

    fn parse(text: &str) -> Option<Feature> {
        Feature::ALL.into_iter().find(|f| f.as_str() == text)
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The number of a place in one [`Places`]; meaningful only for the
/// gazetteer that gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(u32);

impl PlaceId {
    /// The place's position in the gazetteer (0-based, in source order).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One place, borrowed from its gazetteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place<'a> {
    /// The display name ("Kandahār", "North Darfur", "Torkham").
    pub name: &'a str,
    /// ISO 3166-1 alpha-3 code.
    pub country: &'a Side,
    /// The first-order division's name; for an admin1 row, its own name.
    pub admin1: Option<&'a str>,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
    /// Inhabitants; 0 when unknown or not a settlement. For a division, the
    /// sum over its places in the gazetteer (a lower bound).
    pub population: u64,
    /// What kind of place it is.
    pub feature: Feature,
}

impl Place<'_> {
    /// The place as SPEC's event place, with its precision.
    ///
    /// ```
    /// use sitrep_gazetteer::Places;
    /// use sitrep_model::Precision;
    ///
    /// let tsv = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///            Torkham\tAFG\tNangarhar\t34.11\t71.09\t0\tcrossing\tTorkham border\n";
    /// let places = Places::from_tsv(&[("mine.tsv", tsv.as_bytes())]).unwrap();
    /// let id = places.lookup("Torkham border")[0];
    /// let place = places.get(id).unwrap().to_model();
    /// assert_eq!(place.name, "Torkham");
    /// assert_eq!(place.country.as_deref(), Some("AFG"));
    /// assert_eq!(place.admin1.as_deref(), Some("Nangarhar"));
    /// assert_eq!(place.precision, Some(Precision::Place));
    /// ```
    pub fn to_model(&self) -> sitrep_model::Place {
        sitrep_model::Place {
            name: self.name.to_string(),
            country: Some(self.country.as_str().to_string()),
            admin1: self.admin1.map(str::to_string),
            lat: Some(self.lat),
            lon: Some(self.lon),
            precision: Some(self.feature.precision()),
        }
    }
}

/// A place name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Every place of that name, most populous first (ties: divisions last,
    /// then gazetteer order). Never empty for a mention from
    /// [`Places::find`].
    pub candidates: Vec<PlaceId>,
    /// What the words around the name say it is: [`Feature::Admin1`] for
    /// "Paktia province" or "the province of Paktia", [`Feature::Admin2`] for
    /// "Kurram district"; `None` otherwise.
    pub cue: Option<Feature>,
}

/// One row, compactly.
#[derive(Clone, Copy, Debug)]
struct Record {
    /// String id of the display name.
    name: u32,
    /// Index into `countries`.
    country: u16,
    feature: Feature,
    /// String id of the admin1 name, or `NONE`.
    admin1: u32,
    lat: f64,
    lon: f64,
    population: u64,
    /// The place's alternate names: `alt_ids[alt_start..alt_start + alt_len]`.
    alt_start: u32,
    alt_len: u32,
}

const NONE: u32 = u32::MAX;

/// The compiled place gazetteer.
///
/// Cloning is cheap (one reference count): the compiled data is shared.
/// [`Places::default`] is the empty gazetteer.
///
/// # Example
///
/// ```
/// use sitrep_gazetteer::{Feature, Places};
///
/// let places = Places::bundled();
/// let text = "Shelling hit Spin Boldak and the province of Paktia, officials in Kabul said.";
/// let mentions = places.find(text);
/// let found: Vec<(&str, &str, Feature)> = mentions
///     .iter()
///     .map(|m| {
///         let best = places.get(places.best(m, &["AFG", "PAK"]).unwrap()).unwrap();
///         (&text[m.start..m.end], best.country.as_str(), best.feature)
///     })
///     .collect();
/// assert_eq!(
///     found,
///     [
///         ("Spin Boldak", "AFG", Feature::Place),
///         ("Paktia", "AFG", Feature::Admin1),
///         ("Kabul", "AFG", Feature::Place),
///     ]
/// );
/// ```
#[derive(Clone, Default)]
pub struct Places {
    inner: Arc<Inner>,
}

#[derive(Default)]
struct Inner {
    /// Every distinct string (names, alternate names, admin1 names), end to end.
    arena: String,
    /// String `i` is `arena[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    /// String id by hash of the string; see `Interner`.
    by_hash: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    /// Strings whose hash another string already has (none in practice).
    collided: Vec<u32>,
    /// The places named by string `i`: `postings[posting_starts[i]..posting_starts[i + 1]]`,
    /// most populous first.
    posting_starts: Vec<u32>,
    postings: Vec<PlaceId>,
    records: Vec<Record>,
    /// Alternate-name string ids of all places, end to end.
    alt_ids: Vec<u32>,
    countries: Vec<Side>,
    /// Whether string `i` is stopped.
    stopped: Vec<bool>,
    /// Every name the stoplists stop, in the gazetteer or not.
    stop_names: HashSet<String>,
    /// The matcher's tables.
    matcher: Matcher,
}

impl Matcher {
    /// The bit of `first_three` for a text or name that starts with `bytes`.
    fn start_key(bytes: &[u8]) -> Option<usize> {
        match bytes {
            [a, b, c, ..] => {
                let three = u64::from(*a) << 16 | u64::from(*b) << 8 | u64::from(*c);
                let x = three.wrapping_mul(0x9e37_79b9_7f4a_7c15);
                Some((x >> (64 - START_BITS)) as usize)
            }
            _ => None,
        }
    }

    /// Marks the first three bytes of `name` in every spelling of the
    /// apostrophes among its first three characters.
    fn add_start(&mut self, name: &str) {
        if self.first_three.is_empty() {
            self.first_three = vec![0; (1 << START_BITS) / 64];
        }
        let mut spellings = vec![String::new()];
        for c in name.chars().take(3) {
            if c == '\'' || c == '\u{2019}' {
                spellings = spellings
                    .into_iter()
                    .flat_map(|s| ['\'', '\u{2019}'].map(|a| format!("{s}{a}")))
                    .collect();
            } else {
                for s in &mut spellings {
                    s.push(c);
                }
            }
        }
        for spelling in spellings {
            if let Some(key) = Matcher::start_key(spelling.as_bytes())
                && let Some(word) = self.first_three.get_mut(key / 64)
            {
                *word |= 1 << (key % 64);
            }
        }
    }

    /// Whether a name may start at byte `start` of `text` (false only when
    /// none can).
    fn may_start_name(&self, text: &str, start: usize) -> bool {
        let Some(key) = text.as_bytes().get(start..).and_then(Matcher::start_key) else {
            return false; // names have three characters or more
        };
        self.first_three
            .get(key / 64)
            .is_some_and(|word| word & (1 << (key % 64)) != 0)
    }
}

/// `first_three` has `2^START_BITS` bits (16 KB).
const START_BITS: u32 = 17;

/// The tables [`Places::find`] works with; see the module documentation.
#[derive(Default)]
struct Matcher {
    /// Hash of a matchable name, apostrophes normalised -> its string id.
    names: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    /// Matchable names whose hash another name already has (none in
    /// practice): checked one by one when the table's name is not the text.
    collided: Vec<u32>,
    /// Names that differ from the table's name only in apostrophes ("Ma'rib"
    /// and "Ma’rib" both listed): their places are candidates too.
    twins: HashMap<u32, Vec<u32>>,
    /// Hashes of every word-prefix of every matchable name ("Bat" of "Bat
    /// Yam", "El" of "El-Fasher").
    prefixes: HashSet<u64, BuildHasherDefault<PassThrough>>,
    /// Every hash in `names` and `prefixes`, in a table small enough to
    /// stay in the processor's cache: most words of a text are in neither,
    /// and are turned away here without probing the two large tables.
    known: HashFilter,
    /// Characters other than letters and digits that start a matchable name.
    leading: Vec<char>,
    /// Characters other than letters and digits that end a matchable name
    /// (or a word-prefix of one).
    trailing: Vec<char>,
    /// The longest matchable name, in bytes.
    max_len: usize,
    /// A bit for the first three bytes of each matchable name (hashed, in
    /// every spelling of its apostrophes): a word whose first three bytes'
    /// bit is clear starts no name, and most lower-case words are skipped at
    /// once.
    first_three: Vec<u64>,
    /// How many names are matchable.
    len: usize,
}

impl fmt::Debug for Places {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Places")
            .field("places", &self.inner.records.len())
            .field("names", &self.inner.offsets.len().saturating_sub(1))
            .field("matchable", &self.inner.matcher.len)
            .finish_non_exhaustive()
    }
}

impl Places {
    /// The gazetteer bundled with sitrep ([`BUNDLED_PLACES`], with the
    /// [`BUNDLED_STOPLISTS`]).
    ///
    /// It is compiled once per process, on first use (about 0.4 s in a
    /// release build, 90 MB), and each call returns a cheap clone of it.
    pub fn bundled() -> Places {
        BUNDLED.clone()
    }

    /// Builds a gazetteer from place sources, given as `(name, bytes)` pairs,
    /// with the bundled stoplists; the name is only used in error messages.
    ///
    /// A source is UTF-8 TSV, plain or gzip-compressed (recognised by its
    /// first two bytes). Its first line that is not blank or a `#` comment is
    /// the header
    /// `name<TAB>country<TAB>admin1<TAB>lat<TAB>lon<TAB>population<TAB>feature<TAB>alt_names`;
    /// each other line is one place:
    ///
    /// - `name`: not empty, no leading or trailing whitespace, at least one
    ///   letter or digit;
    /// - `country`: an ISO 3166-1 alpha-3 code in capitals;
    /// - `admin1`: the province or state, or empty;
    /// - `lat`, `lon`: decimal degrees, -90 to 90 and -180 to 180;
    /// - `population`: a whole number, or empty for 0;
    /// - `feature`: `place`, `admin1`, `admin2`, `crossing`, `camp` or `site`;
    /// - `alt_names`: other names separated by `|`, or empty.
    ///
    /// A trailing `\r` and a byte-order mark are ignored. Every row adds a
    /// place; rows of later sources do not replace earlier ones.
    ///
    /// # Errors
    ///
    /// When a source does not unpack (bad gzip) or is not UTF-8, has no
    /// header before its first row, or has a line with the wrong number of
    /// fields or a bad field; the error names the source, the line and the
    /// field. And (only for gazetteers far beyond any real one) when the
    /// matcher cannot be compiled.
    ///
    /// # Example
    ///
    /// To add places to the bundled ones, pass [`BUNDLED_PLACES`] first:
    /// `let mut sources = BUNDLED_PLACES.to_vec(); sources.push(("mine.tsv", bytes));`.
    ///
    /// ```
    /// use sitrep_gazetteer::{Feature, Field, Places};
    ///
    /// let mine = "# my own places\n\
    ///             name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///             Kharlachi\tPAK\tKhyber Pakhtunkhwa\t33.88\t69.93\t\tcrossing\tKharlachi border\n";
    /// let places = Places::from_tsv(&[("mine.tsv", mine.as_bytes())]).unwrap();
    /// let found = places.find("Trucks queued at the Kharlachi border on Monday.");
    /// let place = places.get(found[0].candidates[0]).unwrap();
    /// assert_eq!((place.name, place.feature), ("Kharlachi", Feature::Crossing));
    ///
    /// let bad = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///            Kharlachi\tPAK\t\t133.88\t69.93\t0\tcrossing\t\n";
    /// let err = Places::from_tsv(&[("mine.tsv", bad.as_bytes())]).unwrap_err();
    /// assert_eq!(err.field(), Some(Field::Lat));
    /// assert_eq!(
    ///     err.to_string(),
    ///     "mine.tsv line 2: field lat: expected a latitude from -90 to 90, found \"133.88\""
    /// );
    /// ```
    pub fn from_tsv(sources: &[(&str, &[u8])]) -> Result<Places, Error> {
        Places::from_tsv_with_stoplists(sources, &BUNDLED_STOPLISTS)
    }

    /// Like [`Places::from_tsv`], with the given stoplists instead of the
    /// bundled ones (pass none to match every name).
    ///
    /// A stoplist is text with one name a line, case-sensitive; `#` lines are
    /// comments. `Name` stops the name, `!Name` takes it back; lists are read
    /// in order, so a later list can take back a name an earlier one stopped.
    ///
    /// # Errors
    ///
    /// As [`Places::from_tsv`], and when a stoplist line has leading or
    /// trailing whitespace or no letter or digit.
    ///
    /// # Example
    ///
    /// ```
    /// use sitrep_gazetteer::{BUNDLED_STOPLISTS, Places};
    ///
    /// let tsv = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///            Khost\tAFG\tKhost\t33.34\t69.92\t96123\tplace\t\n\
    ///            Victoria\tSYC\t\t-4.62\t55.45\t22881\tplace\t\n\
    ///            Mobile\tUSA\tAlabama\t30.69\t-88.04\t183289\tplace\t\n";
    /// let mut lists = BUNDLED_STOPLISTS.to_vec();
    /// lists.push(("mine.txt", "# my newsroom's own\nKhost\n!Victoria\n"));
    /// let places = Places::from_tsv_with_stoplists(&[("mine.tsv", tsv.as_bytes())], &lists).unwrap();
    /// assert!(places.is_stopped("Khost"));
    /// assert!(!places.is_stopped("Victoria"));
    /// assert!(places.is_stopped("Mobile"));
    /// assert_eq!(places.find("Khost, Victoria and Mobile").len(), 1);
    ///
    /// let everything = Places::from_tsv_with_stoplists(&[("mine.tsv", tsv.as_bytes())], &[]).unwrap();
    /// assert_eq!(everything.find("Khost, Victoria and Mobile").len(), 3);
    /// ```
    pub fn from_tsv_with_stoplists(
        sources: &[(&str, &[u8])],
        stoplists: &[(&str, &str)],
    ) -> Result<Places, Error> {
        let mut builder = Builder::default();
        for (source_name, bytes) in sources {
            let text = unpack(source_name, bytes)?;
            builder.add_source(source_name, &text)?;
        }
        let stop = read_stoplists(stoplists)?;
        builder.finish(&stop)
    }

    /// How many places there are.
    pub fn len(&self) -> usize {
        self.inner.records.len()
    }

    /// Whether there are no places.
    pub fn is_empty(&self) -> bool {
        self.inner.records.is_empty()
    }

    /// The place with this id, or `None` for an id of another gazetteer that
    /// is out of range.
    pub fn get(&self, id: PlaceId) -> Option<Place<'_>> {
        let record = self.inner.records.get(id.index())?;
        Some(Place {
            name: self.inner.string(record.name),
            country: self.inner.countries.get(usize::from(record.country))?,
            admin1: (record.admin1 != NONE).then(|| self.inner.string(record.admin1)),
            lat: record.lat,
            lon: record.lon,
            population: record.population,
            feature: record.feature,
        })
    }

    /// The alternate names of a place, in the order of its source.
    pub fn alt_names(&self, id: PlaceId) -> impl Iterator<Item = &str> {
        let ids = self
            .inner
            .records
            .get(id.index())
            .and_then(|r| {
                let start = r.alt_start as usize;
                self.inner.alt_ids.get(start..start + r.alt_len as usize)
            })
            .unwrap_or_default();
        ids.iter().map(|&s| self.inner.string(s))
    }

    /// Every place whose name or alternate name is exactly `name`
    /// (case-sensitive), most populous first; stopped names included.
    ///
    /// ```
    /// use sitrep_gazetteer::Places;
    ///
    /// let tsv = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///            Odessa\tUSA\tTexas\t31.85\t-102.37\t114428\tplace\t\n\
    ///            Odesa\tUKR\tOdesa\t46.49\t30.74\t1010537\tplace\tOdessa\n";
    /// let places = Places::from_tsv(&[("mine.tsv", tsv.as_bytes())]).unwrap();
    /// let odessa = places.lookup("Odessa");
    /// let countries: Vec<&str> = odessa.iter().map(|&id| places.get(id).unwrap().country.as_str()).collect();
    /// assert_eq!(countries, ["UKR", "USA"]);
    /// assert!(places.lookup("odessa").is_empty());
    /// ```
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        self.inner
            .string_id(name)
            .map_or(&[], |id| self.inner.places_of(id))
    }

    /// Whether a name is on a stoplist, or too short or without a capital
    /// letter, so that [`Places::find`] never reports it (whether or not the
    /// gazetteer has a place of that name).
    pub fn is_stopped(&self, name: &str) -> bool {
        self.inner.stop_names.contains(name) || !matchable_shape(name)
    }

    /// Every place-name mention in `text`: whole words, case-sensitive,
    /// leftmost first, the longest at each position, never overlapping,
    /// stopped names left out; offsets are bytes.
    ///
    /// See [the module documentation](self) for the rules.
    pub fn find(&self, text: &str) -> Vec<PlaceMention> {
        let inner = &*self.inner;
        let mut mentions = Vec::new();
        if inner.matcher.len == 0 {
            return mentions;
        }
        let bytes = text.as_bytes();
        let mut taken_until = 0;
        let mut previous_is_word = false;
        let mut next = 0;
        while let Some(c) = char_at(text, next) {
            let start = next;
            next += c.len_utf8();
            let is_word = c.is_alphanumeric();
            let may_start = !previous_is_word && (is_word || inner.matcher.leading.contains(&c));
            previous_is_word = is_word;
            if is_word {
                // The rest of a word starts no name: skip its ASCII letters
                // and digits at once.
                next += run_of_ascii_word_bytes(bytes.get(next..).unwrap_or_default());
            }
            if !may_start || start < taken_until || !inner.matcher.may_start_name(text, start) {
                continue;
            }
            let Some((end, name)) = inner.longest_at(text, start) else {
                continue;
            };
            let mut candidates = inner.places_of(name).to_vec();
            if let Some(twins) = inner.matcher.twins.get(&name) {
                for &twin in twins {
                    candidates.extend_from_slice(inner.places_of(twin));
                }
                candidates.sort_by(|a, b| candidate_order(&inner.records, *a, *b));
                candidates.dedup();
            }
            if candidates.is_empty() {
                continue;
            }
            taken_until = end;
            mentions.push(PlaceMention {
                start,
                end,
                candidates,
                cue: cue(text, start, end),
            });
        }
        mentions
    }

    /// The candidate most likely meant, or `None` when there is none:
    ///
    /// 1. Candidates in one of `preferred_countries` (ISO 3166-1 alpha-3
    ///    codes: the article's countries, say) come before all others.
    /// 2. With a cue, candidates of the cued feature come first: "Kandahar
    ///    province" is the province, "Kurram district" the district.
    /// 3. Then the most populous. Without a cue, a populated place of at least
    ///    10,000 people in the same country beats a division of the same name
    ///    that is less than ten times its size: "Kandahar" alone is the city,
    ///    "Paktia" the province (no town of that name).
    ///
    /// ```
    /// use sitrep_gazetteer::{Feature, Places};
    ///
    /// let tsv = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n\
    ///            Kandahar\tAFG\tKandahar\t31.61\t65.71\t523300\tplace\t\n\
    ///            Kandahar\tAFG\tKandahar\t31.61\t65.71\t1200000\tadmin1\t\n\
    ///            Punjab\tPAK\tPunjab\t31.42\t73.09\t50694236\tadmin1\t\n\
    ///            Punjab\tIND\tPunjab\t31.1\t75.59\t10607916\tadmin1\t\n";
    /// let places = Places::from_tsv(&[("mine.tsv", tsv.as_bytes())]).unwrap();
    /// let text = "Strikes were reported in Kandahar province, in Kandahar and in Punjab.";
    /// let mentions = places.find(text);
    /// let best = |i: usize, countries: &[&str]| {
    ///     let place = places.get(places.best(&mentions[i], countries).unwrap()).unwrap();
    ///     (place.feature, place.country.as_str())
    /// };
    /// assert_eq!(best(0, &["AFG"]), (Feature::Admin1, "AFG"));
    /// assert_eq!(best(1, &["AFG"]), (Feature::Place, "AFG"));
    /// assert_eq!(best(2, &[]), (Feature::Admin1, "PAK"));
    /// assert_eq!(best(2, &["IND"]), (Feature::Admin1, "IND"));
    /// ```
    pub fn best(&self, mention: &PlaceMention, preferred_countries: &[&str]) -> Option<PlaceId> {
        let records = &self.inner.records;
        let record = |id: &PlaceId| records.get(id.index());
        let preferred = |id: &PlaceId| {
            record(id)
                .and_then(|r| self.inner.countries.get(usize::from(r.country)))
                .is_some_and(|c| preferred_countries.contains(&c.as_str()))
        };
        // The pool: the known candidates in a preferred country, or all known
        // candidates when none is. Each pick below is the pool's first in
        // candidate order (most populous first, whatever order the caller's
        // list is in), found without sorting or copying the list.
        let any_preferred = mention.candidates.iter().any(preferred);
        let pool = || {
            mention
                .candidates
                .iter()
                .filter(move |id| record(id).is_some() && (!any_preferred || preferred(id)))
        };
        if let Some(cue) = mention.cue
            && let Some(id) = first_in_order(
                records,
                pool().filter(|id| record(id).is_some_and(|r| r.feature == cue)),
            )
        {
            return Some(id);
        }
        let first = first_in_order(records, pool())?;
        let top = record(&first)?;
        if top.feature.is_division() {
            let seat = first_in_order(
                records,
                pool().filter(|id| {
                    record(id).is_some_and(|r| {
                        !r.feature.is_division()
                            && r.country == top.country
                            && r.population >= NAMESAKE_MIN_POPULATION
                            && r.population.saturating_mul(10) >= top.population
                    })
                }),
            );
            if let Some(seat) = seat {
                return Some(seat);
            }
        }
        Some(first)
    }

    /// Every place with its id, in source order.
    pub fn iter(&self) -> impl Iterator<Item = (PlaceId, Place<'_>)> {
        (0..self.inner.records.len()).filter_map(|i| {
            let id = PlaceId(u32::try_from(i).ok()?);
            Some((id, self.get(id)?))
        })
    }
}

impl Inner {
    fn string(&self, id: u32) -> &str {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.arena.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn string_id(&self, s: &str) -> Option<u32> {
        let id = *self.by_hash.get(&hash(s))?;
        if self.string(id) == s {
            return Some(id);
        }
        self.collided.iter().copied().find(|&c| self.string(c) == s)
    }

    /// The longest matchable name starting at byte `start` of `text` and
    /// ending where a word ends: its end and its string id.
    fn longest_at(&self, text: &str, start: usize) -> Option<(usize, u32)> {
        let m = &self.matcher;
        let rest = text.get(start..)?;
        let bytes = rest.as_bytes();
        let mut h = FNV_OFFSET;
        let mut best = None;
        // Whether the character before `offset` may end a name (a letter,
        // a digit or a trailing character); `None` before the first one.
        let mut previous_ends: Option<bool> = None;
        let mut offset = 0;
        loop {
            let next_char = char_at(rest, offset);
            let word_end =
                previous_ends == Some(true) && !next_char.is_some_and(char::is_alphanumeric);
            if word_end {
                if !m.known.may_contain(h) {
                    break; // neither a name nor the beginning of one
                }
                let span = rest.get(..offset).unwrap_or_default();
                if let Some(id) = self.matchable_name(h, span) {
                    best = Some((start + offset, id));
                }
                if !m.prefixes.contains(&h) {
                    break;
                }
            }
            let Some(c) = next_char else { break };
            if offset >= m.max_len {
                break;
            }
            h = hash_char(h, c);
            offset += c.len_utf8();
            previous_ends = Some(c.is_alphanumeric() || m.trailing.contains(&c));
            if c.is_alphanumeric() {
                // Inside a word no name ends: hash its ASCII letters and
                // digits at once (up to the longest name).
                let inside = bytes
                    .get(offset..m.max_len.min(bytes.len()))
                    .unwrap_or_default();
                let run = inside
                    .get(..run_of_ascii_word_bytes(inside))
                    .unwrap_or_default();
                for &b in run {
                    h = hash_byte(h, b);
                }
                offset += run.len();
            }
        }
        best
    }

    /// The matchable name that is `span` (apostrophes aside), given the
    /// span's hash.
    fn matchable_name(&self, h: u64, span: &str) -> Option<u32> {
        let m = &self.matcher;
        let id = *m.names.get(&h)?;
        if same_apart_from_apostrophes(self.string(id), span) {
            return Some(id);
        }
        m.collided
            .iter()
            .copied()
            .find(|&c| same_apart_from_apostrophes(self.string(c), span))
    }

    fn places_of(&self, id: u32) -> &[PlaceId] {
        let i = id as usize;
        match (self.posting_starts.get(i), self.posting_starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.postings.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The first of `ids` in [`candidate_order`].
fn first_in_order<'a>(
    records: &[Record],
    ids: impl Iterator<Item = &'a PlaceId>,
) -> Option<PlaceId> {
    ids.min_by(|a, b| candidate_order(records, **a, **b))
        .copied()
}

/// Most populous first; at equal population places before divisions; then
/// gazetteer order.
fn candidate_order(records: &[Record], a: PlaceId, b: PlaceId) -> std::cmp::Ordering {
    let key = |id: PlaceId| {
        records
            .get(id.index())
            .map(|r| (std::cmp::Reverse(r.population), r.feature.is_division()))
    };
    key(a).cmp(&key(b)).then(a.cmp(&b))
}

/// Collects rows into the compact form.
#[derive(Default)]
struct Builder {
    interner: Interner,
    records: Vec<Record>,
    alt_ids: Vec<u32>,
    countries: Vec<Side>,
    country_index: HashMap<[u8; 3], u16>,
    /// Whether string `i` names a place (as its name or an alternate name).
    is_name: Vec<bool>,
}

impl Builder {
    fn add_source(&mut self, source_name: &str, text: &str) -> Result<(), Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // About 75 bytes a row and two names a row in the generated data.
        let rows = text.len() / 75;
        self.records.reserve(rows);
        self.alt_ids.reserve(rows.saturating_mul(2));
        self.interner
            .reserve(rows.saturating_mul(2), text.len() / 3);
        let mut header_seen = false;
        for (index, line) in text.split('\n').enumerate() {
            let line_no = index + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line != HEADER {
                    return Err(Error::new(
                        source_name,
                        line_no,
                        ErrorKind::PlaceHeader {
                            found: line.to_string(),
                        },
                    ));
                }
                header_seen = true;
                continue;
            }
            self.add_row(source_name, line_no, line)?;
        }
        Ok(())
    }

    fn add_row(&mut self, source_name: &str, line_no: usize, line: &str) -> Result<(), Error> {
        let err = |kind| Error::new(source_name, line_no, kind);
        let in_field = |field, kind| Error::in_field(source_name, line_no, field, kind);
        let mut fields = [""; 8];
        let mut count = 0;
        for field in line.split('\t') {
            if let Some(slot) = fields.get_mut(count) {
                *slot = field;
            }
            count += 1;
        }
        if count != 8 {
            return Err(err(ErrorKind::PlaceFieldCount { found: count }));
        }
        let [
            name,
            country,
            admin1,
            lat,
            lon,
            population,
            feature,
            alt_names,
        ] = fields;
        check_name(name).map_err(|k| in_field(Field::Name, k))?;
        let country = self.country(country).ok_or_else(|| {
            err(ErrorKind::Country {
                found: country.to_string(),
            })
        })?;
        let admin1 = if admin1.is_empty() {
            NONE
        } else {
            check_name(admin1).map_err(|k| in_field(Field::Admin1, k))?;
            self.interner.intern(admin1)
        };
        let lat = parse_degrees(lat, 90.0).ok_or_else(|| {
            err(ErrorKind::Latitude {
                found: lat.to_string(),
            })
        })?;
        let lon = parse_degrees(lon, 180.0).ok_or_else(|| {
            err(ErrorKind::Longitude {
                found: lon.to_string(),
            })
        })?;
        let population = if population.is_empty() {
            0
        } else if population.bytes().all(|b| b.is_ascii_digit()) {
            population.parse::<u64>().map_err(|_| {
                err(ErrorKind::Population {
                    found: population.to_string(),
                })
            })?
        } else {
            return Err(err(ErrorKind::Population {
                found: population.to_string(),
            }));
        };
        let feature = Feature::parse(feature).ok_or_else(|| {
            err(ErrorKind::Feature {
                found: feature.to_string(),
            })
        })?;
        let name = self.interner.intern(name);
        self.mark_name(name);
        let alt_start = self.alt_ids.len();
        if !alt_names.is_empty() {
            for alt in alt_names.split('|') {
                check_name(alt).map_err(|k| in_field(Field::AltNames, k))?;
                let id = self.interner.intern(alt);
                if id != name
                    && !self
                        .alt_ids
                        .get(alt_start..)
                        .unwrap_or_default()
                        .contains(&id)
                {
                    self.mark_name(id);
                    self.alt_ids.push(id);
                }
            }
        }
        let too_large = || {
            err(ErrorKind::TooLarge {
                reason: "more than 4 billion names or places".to_string(),
            })
        };
        let alt_len = u32::try_from(self.alt_ids.len() - alt_start).map_err(|_| too_large())?;
        let alt_start = u32::try_from(alt_start).map_err(|_| too_large())?;
        if self.records.len() >= NONE as usize {
            return Err(too_large());
        }
        self.records.push(Record {
            name,
            country,
            feature,
            admin1,
            lat,
            lon,
            population,
            alt_start,
            alt_len,
        });
        Ok(())
    }

    fn mark_name(&mut self, id: u32) {
        let i = id as usize;
        if self.is_name.len() <= i {
            self.is_name.resize(i + 1, false);
        }
        if let Some(slot) = self.is_name.get_mut(i) {
            *slot = true;
        }
    }

    /// The index of a valid ISO 3166-1 alpha-3 code, adding it when new.
    fn country(&mut self, code: &str) -> Option<u16> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        if let Some(&i) = self.country_index.get(&bytes) {
            return Some(i);
        }
        let i = u16::try_from(self.countries.len()).ok()?;
        self.countries.push(Side::new(code).ok()?);
        self.country_index.insert(bytes, i);
        Some(i)
    }

    fn finish(self, stop: &StopSet) -> Result<Places, Error> {
        let Builder {
            interner,
            records,
            alt_ids,
            countries,
            is_name,
            ..
        } = self;
        let Interner {
            arena,
            offsets,
            by_hash,
            collided,
        } = interner;
        let strings = offsets.len().saturating_sub(1);

        // Postings: for every string, the places it names, most populous
        // first. A counting sort by string, then a sort within each string's
        // (mostly one-place) list.
        let names_of = |r: &Record| {
            let start = r.alt_start as usize;
            std::iter::once(r.name).chain(
                alt_ids
                    .get(start..start + r.alt_len as usize)
                    .unwrap_or_default()
                    .iter()
                    .copied(),
            )
        };
        let mut counts = vec![0u32; strings + 1];
        for r in &records {
            for s in names_of(r) {
                if let Some(c) = counts.get_mut(s as usize + 1) {
                    *c += 1;
                }
            }
        }
        for i in 1..counts.len() {
            let previous = counts.get(i - 1).copied().unwrap_or(0);
            if let Some(c) = counts.get_mut(i) {
                *c += previous;
            }
        }
        let posting_starts = counts;
        let mut fill: Vec<u32> = posting_starts.clone();
        let mut postings =
            vec![PlaceId(NONE); posting_starts.last().copied().unwrap_or(0) as usize];
        for (i, r) in records.iter().enumerate() {
            let id = PlaceId(u32::try_from(i).unwrap_or(NONE));
            for s in names_of(r) {
                if let Some(slot) = fill.get_mut(s as usize) {
                    if let Some(p) = postings.get_mut(*slot as usize) {
                        *p = id;
                    }
                    *slot += 1;
                }
            }
        }
        for w in posting_starts.windows(2) {
            if let [a, b] = *w
                && b - a > 1
                && let Some(list) = postings.get_mut(a as usize..b as usize)
            {
                list.sort_by(|x, y| candidate_order(&records, *x, *y));
            }
        }

        let mut inner = Inner {
            arena,
            offsets,
            by_hash,
            collided,
            posting_starts,
            postings,
            records,
            alt_ids,
            countries,
            stopped: vec![false; strings],
            stop_names: stop
                .names
                .iter()
                .filter(|(_, stopped)| **stopped)
                .map(|(name, _)| name.clone())
                .collect(),
            matcher: Matcher::default(),
        };
        for (name, stopped) in &stop.names {
            if let Some(id) = inner.string_id(name)
                && let Some(slot) = inner.stopped.get_mut(id as usize)
            {
                *slot = *stopped;
            }
        }

        inner.matcher = build_matcher(&inner, &is_name);
        Ok(Places {
            inner: Arc::new(inner),
        })
    }
}

/// Distinct strings, end to end in one arena, found again by hash.
#[derive(Default)]
struct Interner {
    arena: String,
    offsets: Vec<u32>,
    by_hash: HashMap<u64, u32, BuildHasherDefault<PassThrough>>,
    collided: Vec<u32>,
}

impl Interner {
    fn string(&self, id: u32) -> &str {
        let i = id as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.arena.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    fn reserve(&mut self, strings: usize, bytes: usize) {
        self.offsets.reserve(strings);
        self.by_hash.reserve(strings);
        self.arena.reserve(bytes);
    }

    fn intern(&mut self, s: &str) -> u32 {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let h = hash(s);
        let existing = self.by_hash.get(&h).copied();
        if let Some(id) = existing {
            if self.string(id) == s {
                return id;
            }
            if let Some(&c) = self.collided.iter().find(|&&c| self.string(c) == s) {
                return c;
            }
        }
        let id = u32::try_from(self.offsets.len() - 1).unwrap_or(NONE);
        self.arena.push_str(s);
        self.offsets
            .push(u32::try_from(self.arena.len()).unwrap_or(NONE));
        if existing.is_some() {
            self.collided.push(id);
        } else {
            self.by_hash.insert(h, id);
        }
        id
    }
}

/// A 64-bit FNV-1a hash of a string: the key of the interner's map.
fn hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// The map's keys are hashes already: use them as they are.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The stoplists, read: name and whether it ends up stopped.
#[derive(Default)]
struct StopSet {
    names: std::collections::BTreeMap<String, bool>,
}

fn read_stoplists(lists: &[(&str, &str)]) -> Result<StopSet, Error> {
    let mut set = StopSet::default();
    for (source_name, text) in lists {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (index, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, stopped) = match line.strip_prefix('!') {
                Some(name) => (name, false),
                None => (line, true),
            };
            check_name(name)
                .map_err(|k| Error::in_field(source_name, index + 1, Field::Name, k))?;
            set.names.insert(name.to_string(), stopped);
        }
    }
    Ok(set)
}

/// The text of a source: unpacked when it is gzip, checked to be UTF-8.
fn unpack<'a>(source_name: &str, bytes: &'a [u8]) -> Result<std::borrow::Cow<'a, str>, Error> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        // A generated source packs about 3.5:1.
        let mut raw = Vec::with_capacity(bytes.len().saturating_mul(4));
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| {
                Error::new(
                    source_name,
                    0,
                    ErrorKind::Gzip {
                        reason: e.to_string(),
                    },
                )
            })?;
        return match String::from_utf8(raw) {
            Ok(text) => Ok(std::borrow::Cow::Owned(text)),
            Err(e) => Err(utf8_error(source_name, e.as_bytes(), e.utf8_error())),
        };
    }
    std::str::from_utf8(bytes)
        .map(std::borrow::Cow::Borrowed)
        .map_err(|e| utf8_error(source_name, bytes, e))
}

/// The error for a source that is not UTF-8, at the line of the first bad
/// byte.
fn utf8_error(source_name: &str, bytes: &[u8], e: std::str::Utf8Error) -> Error {
    let line = 1 + bytes
        .get(..e.valid_up_to())
        .unwrap_or_default()
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    Error::new(source_name, line, ErrorKind::Utf8)
}

fn check_name(name: &str) -> Result<(), ErrorKind> {
    if name.is_empty() {
        return Err(ErrorKind::EmptyName);
    }
    if name.trim() != name {
        return Err(ErrorKind::NameWhitespace {
            name: name.to_string(),
        });
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err(ErrorKind::NameWithoutWord {
            name: name.to_string(),
        });
    }
    Ok(())
}

/// A decimal number of degrees within `-limit..=limit`.
fn parse_degrees(text: &str, limit: f64) -> Option<f64> {
    let value: f64 = text.parse().ok()?;
    (value.is_finite() && (-limit..=limit).contains(&value)).then_some(value)
}

/// Whether a name may be matched in free text at all: three characters or
/// more, and at least one capital letter.
fn matchable_shape(name: &str) -> bool {
    name.chars().count() >= MIN_MATCH_CHARS && name.chars().any(char::is_uppercase)
}

/// The matcher's tables over the matchable names: not stopped, of a
/// matchable shape, and naming a place (not only an admin1 column).
fn build_matcher(inner: &Inner, is_name: &[bool]) -> Matcher {
    let mut m = Matcher::default();
    let strings = inner.offsets.len().saturating_sub(1);
    let matchable: Vec<u32> = (0..strings)
        .filter(|&s| {
            is_name.get(s).copied().unwrap_or(false)
                && !inner.stopped.get(s).copied().unwrap_or(true)
        })
        .filter_map(|s| u32::try_from(s).ok())
        .filter(|&id| matchable_shape(inner.string(id)))
        .collect();
    m.known = HashFilter::with_capacity(matchable.len());
    for &id in &matchable {
        let name = inner.string(id);
        let (Some(first), Some(last)) = (name.chars().next(), name.chars().next_back()) else {
            continue;
        };
        if !first.is_alphanumeric() && !m.leading.contains(&first) {
            m.leading.push(first);
        }
        if !last.is_alphanumeric() && !m.trailing.contains(&last) {
            m.trailing.push(last);
        }
        m.max_len = m.max_len.max(name.len());
        m.add_start(name);
    }
    for &id in &matchable {
        let name = inner.string(id);
        let mut h = FNV_OFFSET;
        let mut previous: Option<char> = None;
        for c in name.chars() {
            if let Some(p) = previous
                && (p.is_alphanumeric() || m.trailing.contains(&p))
                && !c.is_alphanumeric()
            {
                m.prefixes.insert(h);
                m.known.insert(h);
            }
            h = hash_char(h, c);
            previous = Some(c);
        }
        m.known.insert(h);
        match m.names.get(&h).copied() {
            None => {
                m.names.insert(h, id);
            }
            Some(other) if same_apart_from_apostrophes(inner.string(other), name) => {
                m.twins.entry(other).or_default().push(id);
            }
            Some(_) => {
                let twin_of = m
                    .collided
                    .iter()
                    .copied()
                    .find(|&c| same_apart_from_apostrophes(inner.string(c), name));
                match twin_of {
                    Some(other) => m.twins.entry(other).or_default().push(id),
                    None => m.collided.push(id),
                }
            }
        }
        m.len += 1;
    }
    m
}

/// A Bloom filter over 64-bit hashes: [`HashFilter::may_contain`] is true
/// for every hash inserted, and for about one in fifty others with the
/// bundled gazetteer (1 MB, 13 % of the bits set by half a million names and
/// their prefixes). Each hash sets two bits of one 64-bit word, so a test
/// reads one word.
#[derive(Default)]
struct HashFilter {
    words: Vec<u64>,
}

impl HashFilter {
    /// An empty filter for the hashes of `keys` names and their word-prefixes
    /// (one 64-bit word for every four names).
    fn with_capacity(keys: usize) -> HashFilter {
        HashFilter {
            words: vec![0; (keys / 4).max(1).next_power_of_two()],
        }
    }

    /// The word and the two bits of `h`. FNV's low bits mix poorly, so the
    /// hash is remixed and only the well-mixed high bits of the product are
    /// used.
    fn slot(&self, h: u64) -> (usize, u64) {
        let x = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The number of words is a power of two.
        let word = (x >> 32) as usize & self.words.len().saturating_sub(1);
        let bits = (1 << ((x >> 52) & 63)) | (1 << ((x >> 58) & 63));
        (word, bits)
    }

    fn insert(&mut self, h: u64) {
        let (word, bits) = self.slot(h);
        if let Some(w) = self.words.get_mut(word) {
            *w |= bits;
        }
    }

    fn may_contain(&self, h: u64) -> bool {
        let (word, bits) = self.slot(h);
        self.words.get(word).is_some_and(|w| w & bits == bits)
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Extends a 64-bit FNV-1a hash by one character, a curly apostrophe counting
/// as a straight one.
fn hash_char(mut h: u64, c: char) -> u64 {
    if let Ok(b) = u8::try_from(c)
        && b.is_ascii()
    {
        return hash_byte(h, b);
    }
    let c = if c == '\u{2019}' { '\'' } else { c };
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = hash_byte(h, b);
    }
    h
}

/// Extends a 64-bit FNV-1a hash by one byte.
fn hash_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// How many bytes at the start of `bytes` are ASCII letters and digits.
fn run_of_ascii_word_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !ASCII_WORD_BYTE[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// Which bytes are ASCII letters and digits (one lookup instead of three
/// range tests).
static ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `i` of `text` (`None` at the end, or inside a
/// character), with a fast path for ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// Whether two strings are equal once curly apostrophes are straightened.
fn same_apart_from_apostrophes(a: &str, b: &str) -> bool {
    let straight = |c: char| if c == '\u{2019}' { '\'' } else { c };
    a.chars().map(straight).eq(b.chars().map(straight))
}

/// Words that, right after a name, say it is a division.
const CUES_AFTER: [(&str, Feature); 20] = [
    ("province", Feature::Admin1),
    ("Province", Feature::Admin1),
    ("provinces", Feature::Admin1),
    ("state", Feature::Admin1),
    ("State", Feature::Admin1),
    ("region", Feature::Admin1),
    ("Region", Feature::Admin1),
    ("oblast", Feature::Admin1),
    ("Oblast", Feature::Admin1),
    ("governorate", Feature::Admin1),
    ("Governorate", Feature::Admin1),
    ("district", Feature::Admin2),
    ("District", Feature::Admin2),
    ("districts", Feature::Admin2),
    ("agency", Feature::Admin2),
    ("Agency", Feature::Admin2),
    ("county", Feature::Admin2),
    ("County", Feature::Admin2),
    ("raion", Feature::Admin2),
    ("tehsil", Feature::Admin2),
];

/// Words that, followed by "of", say the next name is a division.
const CUES_BEFORE: [(&str, Feature); 8] = [
    ("province", Feature::Admin1),
    ("Province", Feature::Admin1),
    ("state", Feature::Admin1),
    ("region", Feature::Admin1),
    ("governorate", Feature::Admin1),
    ("Governorate", Feature::Admin1),
    ("district", Feature::Admin2),
    ("District", Feature::Admin2),
];

/// The division a mention's neighbouring words name, if any.
fn cue(text: &str, start: usize, end: usize) -> Option<Feature> {
    let after = text.get(end..).unwrap_or_default();
    let after = after.trim_start_matches([' ', '\u{a0}']);
    if after.len() < text.len().saturating_sub(end) {
        for (word, feature) in CUES_AFTER {
            if let Some(rest) = after.strip_prefix(word)
                && !rest.chars().next().is_some_and(char::is_alphanumeric)
            {
                return Some(feature);
            }
        }
    }
    let before = text.get(..start).unwrap_or_default();
    let before = before.trim_end_matches([' ', '\u{a0}']);
    let before = before.strip_suffix("of")?;
    if before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let before = before.trim_end_matches([' ', '\u{a0}']);
    for (word, feature) in CUES_BEFORE {
        if let Some(rest) = before.strip_suffix(word)
            && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
        {
            return Some(feature);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const HEAD: &str = "name\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\talt_names\n";

    /// A gazetteer from rows (after the header), with no stoplist.
    fn small(rows: &str) -> Places {
        let text = format!("{HEAD}{rows}");
        Places::from_tsv_with_stoplists(&[("small.tsv", text.as_bytes())], &[]).unwrap()
    }

    /// `(matched text, first candidate's country, cue)` for every mention.
    fn found(places: &Places, text: &str) -> Vec<(String, String, Option<Feature>)> {
        places
            .find(text)
            .into_iter()
            .map(|m| {
                let first = m.candidates.first().and_then(|&id| places.get(id));
                (
                    text[m.start..m.end].to_string(),
                    first.map(|p| p.country.to_string()).unwrap_or_default(),
                    m.cue,
                )
            })
            .collect()
    }

    fn one(name: &str, country: &str) -> (String, String, Option<Feature>) {
        (name.to_string(), country.to_string(), None)
    }

    fn message(source: &str) -> String {
        Places::from_tsv_with_stoplists(&[("mine.tsv", source.as_bytes())], &[])
            .unwrap_err()
            .to_string()
    }

    /// The best place for the first mention in `text`.
    fn best_in(places: &Places, text: &str, countries: &[&str]) -> (String, String, Feature) {
        let mentions = places.find(text);
        let mention = mentions.first().expect("a mention");
        let place = places
            .get(places.best(mention, countries).unwrap())
            .unwrap();
        (
            place.name.to_string(),
            place.country.to_string(),
            place.feature,
        )
    }

    /// `(name, country, admin1, feature)` of every place of a name.
    fn rows(places: &Places, name: &str) -> Vec<(String, String, String, Feature)> {
        places
            .lookup(name)
            .iter()
            .filter_map(|&id| places.get(id))
            .map(|p| {
                (
                    p.name.to_string(),
                    p.country.to_string(),
                    p.admin1.unwrap_or_default().to_string(),
                    p.feature,
                )
            })
            .collect()
    }

    fn has(places: &Places, name: &str, country: &str, admin1: &str, feature: Feature) -> bool {
        rows(places, name)
            .iter()
            .any(|(_, c, a, f)| c == country && a == admin1 && *f == feature)
    }

    #[test]
    fn bundled_data_loads() {
        // The same call as the LazyLock's, so a bad bundled file fails here.
        let places = Places::from_tsv(&BUNDLED_PLACES).unwrap();
        assert!(places.len() > 250_000, "only {} places", places.len());
        let counts = |feature| places.iter().filter(|(_, p)| p.feature == feature).count();
        assert!(counts(Feature::Place) > 230_000);
        assert!(counts(Feature::Admin1) > 3_500);
        assert!(counts(Feature::Admin2) > 30_000);
        assert!(counts(Feature::Crossing) >= 10);
        for (name, country, admin1, feature) in [
            ("Kabul", "AFG", "Kabul", Feature::Place),
            ("Kabul", "AFG", "Kabul", Feature::Admin1),
            ("Kandahar", "AFG", "Kandahar", Feature::Place),
            ("Kandahar", "AFG", "Kandahar", Feature::Admin1),
            ("Paktika", "AFG", "Paktika", Feature::Admin1),
            ("Paktia", "AFG", "Paktia", Feature::Admin1),
            ("Khost", "AFG", "Khost", Feature::Admin1),
            ("Spin Boldak", "AFG", "Kandahar", Feature::Place),
            ("Torkham", "AFG", "Nangarhar", Feature::Crossing),
            ("Torkham", "PAK", "Khyber Pakhtunkhwa", Feature::Crossing),
            ("Chaman", "PAK", "Balochistan", Feature::Place),
            (
                "South Waziristan",
                "PAK",
                "Khyber Pakhtunkhwa",
                Feature::Admin2,
            ),
            ("Kurram", "PAK", "Khyber Pakhtunkhwa", Feature::Admin2),
            ("Mohmand", "PAK", "Khyber Pakhtunkhwa", Feature::Admin2),
            ("Rawalpindi", "PAK", "Punjab", Feature::Place),
            ("Muridke", "PAK", "Punjab", Feature::Place),
            ("Noor Khan Airbase", "PAK", "Punjab", Feature::Site),
            (
                "Pakistan-administered Kashmir",
                "PAK",
                "Azad Kashmir",
                Feature::Admin1,
            ),
            ("Pahalgam", "IND", "Jammu and Kashmir", Feature::Place),
            ("Rajouri", "IND", "Jammu and Kashmir", Feature::Place),
            ("Odesa", "UKR", "Odesa", Feature::Place),
            ("Odessa", "UKR", "Odesa", Feature::Place),
            ("Kharkov", "UKR", "Kharkiv", Feature::Place),
            ("Kursk", "RUS", "Kursk Oblast", Feature::Place),
            ("Bat Yam", "ISR", "Tel Aviv", Feature::Place),
            ("Khan Younis", "PSE", "Gaza Strip", Feature::Place),
            ("Rafah crossing", "EGY", "North Sinai", Feature::Crossing),
            ("El Fasher", "SDN", "North Darfur", Feature::Place),
            ("El-Fasher", "SDN", "North Darfur", Feature::Place),
            ("al-Fashir", "SDN", "North Darfur", Feature::Place),
            ("Zamzam", "SDN", "North Darfur", Feature::Camp),
            ("Sisaket", "THA", "Sisaket", Feature::Admin1),
            ("Oddar Meanchey", "KHM", "Oddar Meanchey", Feature::Admin1),
            ("Ta Muen Thom", "THA", "Surin", Feature::Site),
        ] {
            assert!(
                has(&places, name, country, admin1, feature),
                "{name} {country} {admin1} {feature}: {:?}",
                rows(&places, name)
            );
        }
        // Display names keep GeoNames' spelling; the English one is an alternate.
        let kandahar = places.get(places.lookup("Kandahar")[0]).unwrap();
        assert!(kandahar.name.starts_with("Kandah"));
        let kabul = places
            .lookup("Kabul")
            .iter()
            .filter_map(|&id| places.get(id))
            .find(|p| p.feature == Feature::Place)
            .unwrap();
        assert!((kabul.lat - 34.53).abs() < 0.01 && (kabul.lon - 69.17).abs() < 0.01);
        assert!(kabul.population > 3_000_000);
    }

    #[test]
    fn bundled_is_shared_and_stoplists_apply() {
        let a = Places::bundled();
        let b = Places::bundled();
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        for name in [
            "Sale", "Mobile", "Police", "Man", "May", "Asif", "Victoria", "Said",
        ] {
            assert!(a.is_stopped(name), "{name}");
        }
        for name in ["Kabul", "Tyre", "Swat", "Acre", "Torkham"] {
            assert!(!a.is_stopped(name), "{name}");
        }
        // Stopped names are still looked up.
        assert!(!a.lookup("Mobile").is_empty());
    }

    #[test]
    fn extra_rows_name_known_provinces() {
        // Every admin1 of the hand-kept file is an admin1 row of its country
        // in the generated data, so that places group by province.
        let places = Places::bundled();
        let extra = BUNDLED_PLACES[1].1;
        let text = std::str::from_utf8(extra).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
        {
            let fields: Vec<&str> = line.split('\t').collect();
            let (country, admin1) = (fields[1], fields[2]);
            assert!(
                has(&places, admin1, country, admin1, Feature::Admin1),
                "{line}"
            );
        }
    }

    #[test]
    fn finds_conflict_places_in_news_text() {
        let places = Places::bundled();
        let text = "Officials said the Torkham crossing stayed shut after shelling near \
                    Spin Boldak; Kabul's envoy flew to Bat Yam, and aid reached El-Fasher \
                    and the Zamzam camp. Drones hit Odesa.";
        let mentions: Vec<String> = places
            .find(text)
            .iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect();
        assert_eq!(
            mentions,
            [
                "Torkham crossing",
                "Spin Boldak",
                "Kabul",
                "Bat Yam",
                "El-Fasher",
                "Zamzam camp",
                "Odesa"
            ]
        );
    }

    #[test]
    fn stoplisted_words_are_not_places_in_news_text() {
        let places = Places::bundled();
        let text = "Sale of arms was halted. Mobile phones were cut. Police said on Monday, \
                    in May, that President Asif and General Victoria met the Union. Man \
                    held. Hope remains.";
        assert_eq!(found(&places, text), vec![]);
        // Lower-case words never match a capitalised name.
        assert_eq!(found(&places, "kabul, odesa and bat yam"), vec![]);
    }

    #[test]
    fn best_prefers_the_articles_country_and_the_cue() {
        let places = Places::bundled();
        let place =
            |name: &str, country: &str, feature| (name.to_string(), country.to_string(), feature);
        let b = |text: &str, countries: &[&str]| best_in(&places, text, countries);
        assert_eq!(b("Kabul", &[]).2, Feature::Place);
        assert_eq!(b("Kabul", &[]).1, "AFG");
        assert_eq!(b("Kandahar", &["AFG"]).2, Feature::Place);
        assert_eq!(
            b("in Kandahar province", &["AFG"]),
            place("Kandahar", "AFG", Feature::Admin1)
        );
        assert_eq!(
            b("the province of Kandahar", &[]),
            place("Kandahar", "AFG", Feature::Admin1)
        );
        assert_eq!(b("Paktia", &[]), place("Paktia", "AFG", Feature::Admin1));
        assert_eq!(b("Torkham", &["PAK"]).1, "PAK");
        assert_eq!(b("Torkham", &["AFG"]).1, "AFG");
        assert_eq!(b("Odessa", &[]).1, "UKR");
        assert_eq!(b("Odessa", &["USA"]).1, "USA");
        assert_eq!(
            b("Punjab", &["IND"]),
            place("Punjab", "IND", Feature::Admin1)
        );
        assert_eq!(
            b("Punjab", &["PAK"]),
            place("Punjab", "PAK", Feature::Admin1)
        );
        assert_eq!(b("Kursk", &[]).2, Feature::Place);
        assert_eq!(b("the Kursk region", &[]).2, Feature::Admin1);
        assert_eq!(b("Kurram district", &["PAK"]).2, Feature::Admin2);
        assert_eq!(
            b("El-Fasher", &[]),
            place("El Fasher", "SDN", Feature::Place)
        );
    }

    #[test]
    fn whole_words_longest_leftmost() {
        let places = small(
            "Bat\tISR\t\t32\t34.7\t900\tplace\t\n\
             Bat Yam\tISR\tTel Aviv\t32.02\t34.75\t129012\tplace\tBat-Yam\n\
             Yam\tISR\t\t32\t34\t600\tplace\t\n\
             Kabul\tAFG\tKabul\t34.53\t69.17\t4434550\tplace\tKaboul\n\
             Kabul Bank\tAFG\tKabul\t34.5\t69.1\t0\tsite\t\n",
        );
        assert_eq!(
            found(
                &places,
                "Bat Yam, Bat-Yam, Bat and Yam; Kabul's, Kabul-based, Kaboul."
            ),
            vec![
                one("Bat Yam", "ISR"),
                one("Bat-Yam", "ISR"),
                one("Bat", "ISR"),
                one("Yam", "ISR"),
                one("Kabul", "AFG"),
                one("Kabul", "AFG"),
                one("Kaboul", "AFG"),
            ]
        );
        // Not inside words; a longer name that is not a whole word leaves the
        // shorter one ("Kabul Banks" is not "Kabul Bank").
        assert_eq!(
            found(
                &places,
                "Kabulistan, BatYam, 2Kabul, Kabul Banks, Kabul Bank."
            ),
            vec![one("Kabul", "AFG"), one("Kabul Bank", "AFG")]
        );
        // Curly and straight apostrophes after a name are boundaries.
        assert_eq!(
            found(&places, "Kabul’s and Bat Yam's"),
            vec![one("Kabul", "AFG"), one("Bat Yam", "ISR")]
        );
    }

    #[test]
    fn apostrophes_match_either_way() {
        let places = small(
            "Ma'rib\tYEM\tMarib\t15.46\t45.32\t16794\tplace\tMarib\n\
             Sa’dah\tYEM\tSaada\t16.94\t43.76\t51870\tplace\t\n\
             Ma’rib\tYEM\tMarib\t15.5\t45.3\t500\tplace\t\n",
        );
        let spans = |text: &str| -> Vec<(String, usize)> {
            places
                .find(text)
                .iter()
                .map(|m| (text[m.start..m.end].to_string(), m.candidates.len()))
                .collect()
        };
        assert_eq!(
            spans("Ma’rib, Ma'rib, Sa'dah, Sa’dah, Marib"),
            vec![
                ("Ma’rib".to_string(), 2),
                ("Ma'rib".to_string(), 2),
                ("Sa'dah".to_string(), 1),
                ("Sa’dah".to_string(), 1),
                ("Marib".to_string(), 1),
            ]
        );
        // Twins are one list, most populous first.
        let m = &places.find("Ma’rib")[0];
        let pops: Vec<u64> = m
            .candidates
            .iter()
            .map(|&id| places.get(id).unwrap().population)
            .collect();
        assert_eq!(pops, [16794, 500]);
    }

    #[test]
    fn hash_filter_keeps_every_hash_and_few_others() {
        // SplitMix64: well-spread test hashes.
        let mut state = 7u64;
        let mut next = move || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        let names = 4_000;
        let keys: Vec<u64> = (0..names * 5 / 4).map(|_| next()).collect();
        let mut filter = HashFilter::with_capacity(names);
        for &k in &keys {
            filter.insert(k);
        }
        assert!(keys.iter().all(|&k| filter.may_contain(k)));
        let others = 100_000;
        let false_hits = (0..others).filter(|_| filter.may_contain(next())).count();
        assert!(false_hits < others / 20, "{false_hits} false hits");
        // FNV hashes of similar words differ in their low bits only: the
        // filter still spreads them.
        let mut filter = HashFilter::with_capacity(names);
        for i in 0..names {
            filter.insert(hash(&format!("Town{i}")));
        }
        let false_hits = (0..others)
            .filter(|i| filter.may_contain(hash(&format!("Village{i}"))))
            .count();
        assert!(false_hits < others / 20, "{false_hits} false hits");
    }

    #[test]
    fn candidates_are_ordered_by_population() {
        let places = small(
            "Odessa\tUSA\tTexas\t31.85\t-102.37\t114428\tplace\t\n\
             Odesa\tUKR\tOdesa\t46.49\t30.74\t1010537\tplace\tOdessa\n\
             Odessa\tUSA\tMissouri\t39\t-93.95\t5178\tplace\tOdesa\n\
             Odesa\tUKR\tOdesa\t46.72\t29.98\t2465961\tadmin1\tOdessa Oblast\n",
        );
        let m = &places.find("Odessa")[0];
        let got: Vec<(String, u64)> = m
            .candidates
            .iter()
            .map(|&id| {
                let p = places.get(id).unwrap();
                (p.admin1.unwrap_or_default().to_string(), p.population)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Odesa".to_string(), 1010537),
                ("Texas".to_string(), 114428),
                ("Missouri".to_string(), 5178)
            ]
        );
        // Without a cue, the city beats its namesake oblast; with one, not.
        let best = |text: &str| {
            let m = places.find(text).remove(0);
            let p = places.get(places.best(&m, &[]).unwrap()).unwrap();
            (p.feature, p.population)
        };
        assert_eq!(best("Odesa"), (Feature::Place, 1010537));
        assert_eq!(best("Odesa Oblast"), (Feature::Admin1, 2465961));
        assert_eq!(best("the Odesa region"), (Feature::Admin1, 2465961));
        assert_eq!(best("Odessa Oblast"), (Feature::Admin1, 2465961));
    }

    #[test]
    fn a_small_place_does_not_beat_its_district() {
        let places = small(
            "Kurram\tPAK\tKhyber Pakhtunkhwa\t33.9\t70.1\t3334\tadmin2\tKurram District\n\
             Kurram\tPAK\tKhyber Pakhtunkhwa\t33.5\t70.3\t600\tplace\t\n",
        );
        let m = places.find("fighting in Kurram").remove(0);
        let p = places.get(places.best(&m, &["PAK"]).unwrap()).unwrap();
        assert_eq!(p.feature, Feature::Admin2);
        // A caller's own candidate list in any order is ranked the same.
        let reversed = PlaceMention {
            candidates: m.candidates.iter().rev().copied().collect(),
            ..m.clone()
        };
        assert_eq!(places.best(&reversed, &["PAK"]), places.best(&m, &["PAK"]));
        let none = PlaceMention {
            candidates: vec![],
            ..m
        };
        assert_eq!(places.best(&none, &[]), None);
    }

    #[test]
    fn cues() {
        let places = small("Paktia\tAFG\tPaktia\t33.6\t69.4\t0\tadmin1\t\n");
        let cue_of = |text: &str| places.find(text).first().and_then(|m| m.cue);
        assert_eq!(cue_of("in Paktia province"), Some(Feature::Admin1));
        assert_eq!(cue_of("the Province of Paktia"), Some(Feature::Admin1));
        assert_eq!(cue_of("the province of  Paktia"), Some(Feature::Admin1));
        assert_eq!(cue_of("Paktia Governorate"), Some(Feature::Admin1));
        assert_eq!(cue_of("Paktia state"), Some(Feature::Admin1));
        assert_eq!(cue_of("Paktia district"), Some(Feature::Admin2));
        assert_eq!(cue_of("the district of Paktia"), Some(Feature::Admin2));
        assert_eq!(cue_of("Paktia"), None);
        assert_eq!(cue_of("Paktia provincial police"), None);
        assert_eq!(cue_of("Paktiaprovince"), None);
        assert_eq!(cue_of("proof Paktia"), None);
        assert_eq!(cue_of("Paktia, province"), None);
    }

    #[test]
    fn short_and_lower_case_names_are_not_matched() {
        let places = small(
            "Ur\tIRQ\t\t30.96\t46.1\t0\tsite\t\n\
             zuba\tNGA\t\t9.1\t7.2\t600\tplace\t\n\
             Ürü\tTUR\t\t40\t30\t500\tplace\t\n",
        );
        assert_eq!(found(&places, "Ur, zuba and Ürü"), vec![one("Ürü", "TUR")]);
        assert!(places.is_stopped("Ur"));
        assert!(places.is_stopped("zuba"));
        assert!(!places.is_stopped("Ürü"));
        assert_eq!(places.lookup("Ur").len(), 1);
    }

    #[test]
    fn stoplists_stop_and_take_back() {
        let text = format!(
            "{HEAD}Sale\tGBR\tEngland\t53.42\t-2.32\t62550\tplace\t\n\
             Victoria\tSYC\t\t-4.62\t55.45\t22881\tplace\t\n"
        );
        let sources = [("p.tsv", text.as_bytes())];
        let places = Places::from_tsv_with_stoplists(
            &sources,
            &[
                ("a.txt", "Sale\nVictoria\n"),
                ("b.txt", "# mine\n!Victoria\r\n"),
            ],
        )
        .unwrap();
        assert_eq!(
            found(&places, "Sale, Victoria"),
            vec![one("Victoria", "SYC")]
        );
        let err =
            Places::from_tsv_with_stoplists(&sources, &[("a.txt", "Sale\n Man\n")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt line 2: field name: \" Man\" starts or ends with whitespace"
        );
        let err = Places::from_tsv_with_stoplists(&sources, &[("a.txt", "!\n")]).unwrap_err();
        assert_eq!(err.to_string(), "a.txt line 1: field name: empty name");
    }

    #[test]
    fn later_sources_add_places() {
        let a = format!("{HEAD}Torkham\tAFG\tNangarhar\t34.11\t71.09\t0\tcrossing\t\n");
        let b = format!(
            "# mine\n\n{HEAD}Torkham\tPAK\tKhyber Pakhtunkhwa\t34.11\t71.1\t\tcrossing\t\n"
        );
        let places = Places::from_tsv_with_stoplists(
            &[("a.tsv", a.as_bytes()), ("b.tsv", b.as_bytes())],
            &[],
        )
        .unwrap();
        assert_eq!(places.len(), 2);
        assert_eq!(
            rows(&places, "Torkham")
                .iter()
                .map(|r| r.1.as_str())
                .collect::<Vec<_>>(),
            ["AFG", "PAK"]
        );
        let ids: Vec<usize> = places.iter().map(|(id, _)| id.index()).collect();
        assert_eq!(ids, [0, 1]);
    }

    #[test]
    fn gzip_and_plain_sources_load_alike() {
        let text = format!(
            "\u{feff}{HEAD}Spin Boldak\tAFG\tKandahar\t31.01\t66.4\t0\tplace\tSpin Buldak|Spīn Bōldak\r\n"
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let plain = Places::from_tsv_with_stoplists(&[("a.tsv", text.as_bytes())], &[]).unwrap();
        let packed = Places::from_tsv_with_stoplists(&[("a.tsv.gz", &gz)], &[]).unwrap();
        for places in [plain, packed] {
            let id = places.lookup("Spin Buldak")[0];
            let place = places.get(id).unwrap();
            assert_eq!(place.name, "Spin Boldak");
            assert_eq!(place.admin1, Some("Kandahar"));
            assert_eq!((place.lat, place.lon, place.population), (31.01, 66.4, 0));
            assert_eq!(
                places.alt_names(id).collect::<Vec<_>>(),
                ["Spin Buldak", "Spīn Bōldak"]
            );
        }
        let err = Places::from_tsv(&[("bad.gz", &[0x1f, 0x8b, 0, 1, 2, 3])]).unwrap_err();
        assert_eq!(err.line(), 0);
        assert!(matches!(err.kind(), ErrorKind::Gzip { .. }), "{err}");
        assert!(
            err.to_string().starts_with("bad.gz: not valid gzip: "),
            "{err}"
        );
    }

    #[test]
    fn malformed_sources_name_source_line_and_field() {
        let row = |fields: &str| format!("# mine\n{HEAD}\n{fields}\n");
        assert_eq!(
            message("Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace\t\n"),
            "mine.tsv line 1: expected the header \
             \"name\\tcountry\\tadmin1\\tlat\\tlon\\tpopulation\\tfeature\\talt_names\", \
             found \"Kabul\\tAFG\\tKabul\\t34.5\\t69.1\\t1\\tplace\\t\""
        );
        assert_eq!(
            message(&row("Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace")),
            "mine.tsv line 4: expected 8 tab-separated fields (name, country, admin1, lat, \
             lon, population, feature, alt_names), found 7"
        );
        for (fields, expected) in [
            (
                "Kabul\tAfg\tKabul\t34.5\t69.1\t1\tplace\t",
                "field country: expected an ISO 3166-1 alpha-3 code (three capital letters), \
                 found \"Afg\"",
            ),
            (
                "Kabul\tAF\tKabul\t34.5\t69.1\t1\tplace\t",
                "field country: expected an ISO 3166-1 alpha-3 code (three capital letters), \
                 found \"AF\"",
            ),
            (
                "Kabul\tAFG\t Kabul\t34.5\t69.1\t1\tplace\t",
                "field admin1: \" Kabul\" starts or ends with whitespace",
            ),
            (
                "Kabul\tAFG\tKabul\t94.5\t69.1\t1\tplace\t",
                "field lat: expected a latitude from -90 to 90, found \"94.5\"",
            ),
            (
                "Kabul\tAFG\tKabul\tNaN\t69.1\t1\tplace\t",
                "field lat: expected a latitude from -90 to 90, found \"NaN\"",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t\t1\tplace\t",
                "field lon: expected a longitude from -180 to 180, found \"\"",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69,1\t1\tplace\t",
                "field lon: expected a longitude from -180 to 180, found \"69,1\"",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69.1\t-4\tplace\t",
                "field population: expected a whole number or nothing, found \"-4\"",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69.1\t99999999999999999999999\tplace\t",
                "field population: expected a whole number or nothing, \
                 found \"99999999999999999999999\"",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69.1\t1\tcity\t",
                "field feature: unknown feature \"city\": expected place, admin1, admin2, \
                 crossing, camp or site",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace\tKaboul||Cabul",
                "field alt_names: empty name",
            ),
            (
                "Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace\tKaboul|Cabul ",
                "field alt_names: \"Cabul \" starts or ends with whitespace",
            ),
            (
                "\tAFG\tKabul\t34.5\t69.1\t1\tplace\t",
                "field name: empty name",
            ),
            (
                "--\tAFG\tKabul\t34.5\t69.1\t1\tplace\t",
                "field name: \"--\" has no letter or digit",
            ),
        ] {
            assert_eq!(
                message(&row(fields)),
                format!("mine.tsv line 4: {expected}"),
                "{fields}"
            );
        }
        let err = Places::from_tsv_with_stoplists(
            &[(
                "mine.tsv",
                row("Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace\tKaboul|").as_bytes(),
            )],
            &[],
        )
        .unwrap_err();
        assert_eq!((err.source_name(), err.line()), ("mine.tsv", 4));
        assert_eq!(err.field(), Some(Field::AltNames));
        assert_eq!(err.kind(), &ErrorKind::EmptyName);
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line() {
        let mut bytes = format!("{HEAD}Kabul\tAFG\tKabul\t34.5\t69.1\t1\tplace\t\n").into_bytes();
        bytes.extend_from_slice(b"Ka\xffbul\tAFG\t\t34\t69\t1\tplace\t\n");
        let err = Places::from_tsv(&[("mine.tsv", &bytes)]).unwrap_err();
        assert_eq!(err.to_string(), "mine.tsv line 3: not valid UTF-8");
        assert_eq!(err.field(), None);
    }

    #[test]
    fn empty_gazetteers_find_nothing() {
        let header_only = format!("# nothing\n{HEAD}");
        for places in [
            Places::default(),
            Places::from_tsv(&[]).unwrap(),
            Places::from_tsv(&[("a.tsv", b"")]).unwrap(),
            Places::from_tsv(&[("a.tsv", header_only.as_bytes())]).unwrap(),
        ] {
            assert!(places.is_empty());
            assert_eq!(places.len(), 0);
            assert_eq!(places.find("Kabul and Kandahar"), vec![]);
            assert!(places.lookup("Kabul").is_empty());
            assert_eq!(places.get(PlaceId(0)), None);
            assert_eq!(places.alt_names(PlaceId(0)).count(), 0);
        }
    }

    #[test]
    fn ids_of_another_gazetteer_do_not_panic() {
        let places = small("Kabul\tAFG\tKabul\t34.53\t69.17\t4434550\tplace\t\n");
        let foreign = PlaceMention {
            start: 0,
            end: 5,
            candidates: vec![PlaceId(7), PlaceId(0), PlaceId(u32::MAX)],
            cue: Some(Feature::Admin1),
        };
        assert_eq!(places.best(&foreign, &["AFG"]), Some(PlaceId(0)));
        assert_eq!(places.get(PlaceId(u32::MAX)), None);
    }

    #[test]
    fn offsets_are_bytes_in_unicode_text() {
        let places = small(
            "Spīn Bōldak\tAFG\tKandahar\t31.01\t66.4\t0\tplace\t\n\
             Kabul\tAFG\tKabul\t34.53\t69.17\t4434550\tplace\t\n",
        );
        let text = "« Kabul » — Spīn Bōldak’s gate; Kabul";
        let spans: Vec<(usize, usize)> =
            places.find(text).iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(spans, vec![(3, 8), (16, 29), (40, 45)]);
        assert_eq!(&text[16..29], "Spīn Bōldak");
    }

    #[test]
    fn odd_text_does_not_panic() {
        let places = Places::bundled();
        for text in [
            "",
            "K",
            "’",
            "'",
            "\u{0}Kabul\u{0}",
            "Kabul",
            "KabulKabul Kabul",
            "Bat Yam Bat Yam Bat",
            "Ma’",
            "e\u{301}Kabul",
            "Kabul\u{301}",
            &"Ab ".repeat(1000),
            &"A".repeat(10_000),
        ] {
            let _ = places.find(text);
        }
        assert_eq!(places.find("\u{0}Kabul\u{0}").len(), 1);
        // Boundaries are about letters and digits: a combining mark is neither.
        assert_eq!(places.find("Kabul\u{301}").len(), 1);
    }

    #[test]
    fn features_and_precision() {
        for feature in Feature::ALL {
            assert_eq!(Feature::parse(feature.as_str()), Some(feature));
            assert_eq!(feature.to_string(), feature.as_str());
        }
        assert_eq!(Feature::Admin1.precision(), Precision::Admin1);
        assert_eq!(Feature::Admin2.precision(), Precision::Place);
        assert_eq!(Feature::Crossing.precision(), Precision::Place);
        assert!(Feature::Admin2.is_division() && !Feature::Camp.is_division());
    }
}
