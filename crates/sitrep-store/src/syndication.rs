//! Recognising syndicated copies: one wire story printed by many outlets.
//!
//! A wire story reprinted by ten outlets is **one report seen ten times**,
//! not ten confirmations. The store links such copies into a *syndicate*
//! (see [`crate::Store::sightings`]); this module decides what counts as a
//! copy. It is pure: no I/O, no clock, no global state.
//!
//! # The rules
//!
//! A text is read as a sequence of **words**: maximal runs of alphanumeric
//! characters ([`char::is_alphanumeric`]), lower-cased
//! ([`char::to_lowercase`]). Punctuation, spacing and line breaks are
//! ignored; digits are words, so different figures make different texts.
//! A **shingle** is [`SHINGLE_WORDS`] consecutive words.
//!
//! Two texts are copies of one report ([`same_report`]) when
//! - both have at least [`MIN_WORDS`] words and the Jaccard similarity of
//!   their shingle sets (shared shingles / all distinct shingles) is at least
//!   [`THRESHOLD`]; or
//! - both have fewer than [`MIN_WORDS`] (and at least one) words and the
//!   same word sequence: short texts (a one-line brief, "No casualties were
//!   reported.") are too alike by chance to be linked on similarity, so
//!   only the exact text counts.
//!
//! A text without words is nobody's copy. The title is not read: outlets
//! rewrite headlines.
//!
//! Why these numbers: an outlet that reprints a story adds a byline or a
//! dateline, changes the headline, drops the last paragraph or two, edits
//! a few words ("said" to "says"); each edited word changes at most four
//! shingles, so such copies keep a similarity of 0.75–0.95. Two different
//! stories about the same war share stock phrases, background paragraphs
//! and often the same official figures, but stay below about 0.3 (the
//! tests below hold both cases). [`THRESHOLD`] sits between with room on
//! both sides. Four-word shingles keep stock three-word phrases ("the
//! defence ministry", "were killed in") from making unrelated stories look
//! alike, while one edit still touches few shingles.
//!
//! # Finding candidates: the fingerprint
//!
//! Comparing a new document with every stored one would be quadratic. A
//! [`Fingerprint`] is a MinHash sketch of the shingle set: one-permutation
//! MinHash ([Li, Owen and Zhang 2012]) with [`BINS`] bins, empty bins
//! filled by rotation ([Shrivastava and Li 2014]). Two texts agree on a bin
//! with probability about equal to their Jaccard similarity. The bins are
//! cut into [`BANDS`] bands of [`ROWS`] bins; each band is hashed to a
//! 64-bit key ([`Fingerprint::bands`]) that the store indexes. Documents
//! sharing any band key are *candidates*, and only candidates are compared
//! with [`same_report`]. A pair with similarity `s` shares a band with
//! probability `1 - (1 - s^4)^8`: 0.99998 at 0.9, 0.985 at 0.8, 0.89 at 0.7,
//! 0.67 at 0.6, and 0.06 at 0.3, 8·10⁻⁴ at 0.1, so unrelated documents
//! almost never cost a comparison. [`Fingerprint::estimate`] (the share of
//! equal bins) screens candidates before their texts are read. A short
//! text's fingerprint is a hash of its whole word sequence, in the first
//! band only.
//!
//! # Stability
//!
//! Fingerprints are stored, so the hashing is fixed here rather than taken
//! from a library that may change it: a word is hashed with 64-bit FNV-1a
//! over its lower-cased UTF-8 bytes; shingle, band and short-text hashes
//! combine word hashes with the SplitMix64 finaliser. Everything is
//! arithmetic on `u64` with wrapping, the same on every platform; the test
//! `hashes_are_pinned` fixes the values, and changing any of them needs a
//! schema migration that recomputes the stored fingerprints.
//!
//! # What this module does not do
//!
//! It does not find copies that were heavily rewritten or cut to less than
//! about two thirds of the original, translations, or a story quoted inside
//! another; it does not decide which copy is the original (the store takes
//! the earliest stored). Boilerplate-heavy short texts (about 40–80 words,
//! most of them a standard notice) may be linked although their news
//! differs.
//!
//! [Li, Owen and Zhang 2012]: https://arxiv.org/abs/1208.1259
//! [Shrivastava and Li 2014]: https://proceedings.mlr.press/v32/shrivastava14.html

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 4;

/// Texts with fewer words are linked only when their words are identical.
pub const MIN_WORDS: usize = 40;

/// The least Jaccard similarity of shingle sets at which two texts are
/// copies of one report.
pub const THRESHOLD: f64 = 0.6;

/// MinHash bins in a fingerprint.
pub const BINS: usize = 32;

/// Band keys per fingerprint (each over [`ROWS`] bins).
pub const BANDS: usize = 8;

/// Bins per band.
pub const ROWS: usize = BINS / BANDS;

/// The estimated similarity ([`Fingerprint::estimate`]) below which a
/// candidate is not compared word by word. With 32 bins the estimate's
/// standard deviation is at most 0.09, so a pair at [`THRESHOLD`] falls
/// below this less than once in a thousand times.
pub const SCREEN: f64 = 0.3;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Seeds that keep the hash families apart.
const SHINGLE_SEED: u64 = 0x5349_5452_5348_494e; // "SITRSHIN"
const BAND_SEED: u64 = 0x5349_5452_4241_4e44; // "SITRBAND"
const SHORT_SEED: u64 = 0x5349_5452_5348_4f52; // "SITRSHOR"
/// Added per step when an empty bin borrows its neighbour's value.
const ROTATION: u32 = 0x9e37_79b9;

/// The SplitMix64 finaliser (Steele, Lea and Flood 2014): a bijection on
/// `u64` that spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Folds `value` into the running hash `h`.
fn combine(h: u64, value: u64) -> u64 {
    mix(h ^ value).wrapping_add(0x9e37_79b9_7f4a_7c15)
}

/// The hash of every word of `text`, in order (see the module doc).
fn word_hashes(text: &str) -> Vec<u64> {
    let mut words = Vec::with_capacity(text.len() / 6);
    let mut h = FNV_OFFSET;
    let mut in_word = false;
    let feed = |h: &mut u64, byte: u8| {
        *h ^= u64::from(byte);
        *h = h.wrapping_mul(FNV_PRIME);
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            feed(&mut h, c.to_ascii_lowercase() as u8);
            in_word = true;
        } else if !c.is_ascii() && c.is_alphanumeric() {
            let mut buf = [0u8; 4];
            for lower in c.to_lowercase() {
                for &byte in lower.encode_utf8(&mut buf).as_bytes() {
                    feed(&mut h, byte);
                }
            }
            in_word = true;
        } else if in_word {
            words.push(h);
            h = FNV_OFFSET;
            in_word = false;
        }
    }
    if in_word {
        words.push(h);
    }
    words
}

/// The hashes of all shingles of `words`, one per position (repeats kept).
fn shingle_hashes(words: &[u64]) -> impl Iterator<Item = u64> + '_ {
    words
        .windows(SHINGLE_WORDS)
        .map(|window| window.iter().fold(SHINGLE_SEED, |h, &w| combine(h, w)))
}

/// The hash of a whole word sequence (the fingerprint of a short text).
fn sequence_hash(words: &[u64]) -> u64 {
    let h = words.iter().fold(SHORT_SEED, |h, &w| combine(h, w));
    combine(h, words.len() as u64)
}

/// What two documents are compared by: a MinHash sketch, or for a short
/// text the hash of its words. See the module doc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fingerprint {
    /// The text has no words: it is nobody's copy.
    Empty,
    /// Fewer than [`MIN_WORDS`] words: the hash of the word sequence.
    Short(u64),
    /// The MinHash bins of the shingle set.
    Long([u32; BINS]),
}

impl Fingerprint {
    /// The fingerprint of `text`.
    pub fn of(text: &str) -> Fingerprint {
        Fingerprint::from_words(&word_hashes(text))
    }

    fn from_words(words: &[u64]) -> Fingerprint {
        if words.is_empty() {
            return Fingerprint::Empty;
        }
        if words.len() < MIN_WORDS {
            return Fingerprint::Short(sequence_hash(words));
        }
        let mut bins = [u32::MAX; BINS];
        let mut filled = [false; BINS];
        for h in shingle_hashes(words) {
            // The top bits choose the bin, the low bits are its value.
            let bin = (h >> (64 - BINS.trailing_zeros())) as usize % BINS;
            let value = h as u32;
            if let (Some(slot), Some(seen)) = (bins.get_mut(bin), filled.get_mut(bin)) {
                *slot = (*slot).min(value);
                *seen = true;
            }
        }
        // Rotation: an empty bin takes the value of the next filled bin to
        // its right (circularly), plus ROTATION per step. There is at least
        // one filled bin, since a long text has shingles.
        let mut dense = bins;
        for (i, slot) in dense.iter_mut().enumerate() {
            if filled.get(i) == Some(&true) {
                continue;
            }
            for step in 1..BINS {
                let j = (i + step) % BINS;
                if filled.get(j) == Some(&true) {
                    let value = bins.get(j).copied().unwrap_or(u32::MAX);
                    *slot = value.wrapping_add(ROTATION.wrapping_mul(step as u32));
                    break;
                }
            }
        }
        Fingerprint::Long(dense)
    }

    /// The band keys the store indexes: one per band for a long text, the
    /// word-sequence hash in the first band for a short one, none for an
    /// empty text.
    pub fn bands(&self) -> [Option<i64>; BANDS] {
        let mut out = [None; BANDS];
        match self {
            Fingerprint::Empty => {}
            Fingerprint::Short(key) => out[0] = Some(*key as i64),
            Fingerprint::Long(bins) => {
                for (band, (slot, rows)) in out.iter_mut().zip(bins.chunks(ROWS)).enumerate() {
                    let h = rows.iter().fold(combine(BAND_SEED, band as u64), |h, &v| {
                        combine(h, u64::from(v))
                    });
                    *slot = Some(h as i64);
                }
            }
        }
        out
    }

    /// The share of bins two long fingerprints agree on: an estimate of the
    /// similarity of their texts. `None` unless both are long.
    pub fn estimate(&self, other: &Fingerprint) -> Option<f64> {
        match (self, other) {
            (Fingerprint::Long(a), Fingerprint::Long(b)) => {
                let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
                Some(equal as f64 / BINS as f64)
            }
            _ => None,
        }
    }

    /// Whether the pair is worth comparing word by word: both short (the
    /// word comparison decides), or both long and estimated at least
    /// [`SCREEN`] alike.
    pub fn worth_comparing(&self, other: &Fingerprint) -> bool {
        match (self, other) {
            (Fingerprint::Short(a), Fingerprint::Short(b)) => a == b,
            (Fingerprint::Long(_), Fingerprint::Long(_)) => {
                self.estimate(other).is_some_and(|e| e >= SCREEN)
            }
            _ => false,
        }
    }

    /// The stored form: empty, 8 bytes (short) or `4 * BINS` bytes (long),
    /// little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            Fingerprint::Empty => Vec::new(),
            Fingerprint::Short(key) => key.to_le_bytes().to_vec(),
            Fingerprint::Long(bins) => bins.iter().flat_map(|b| b.to_le_bytes()).collect(),
        }
    }

    /// Reads the stored form back; `None` when `bytes` has another length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        match bytes.len() {
            0 => Some(Fingerprint::Empty),
            8 => Some(Fingerprint::Short(u64::from_le_bytes(
                bytes.try_into().ok()?,
            ))),
            n if n == 4 * BINS => {
                let mut bins = [0u32; BINS];
                for (slot, chunk) in bins.iter_mut().zip(bytes.chunks_exact(4)) {
                    *slot = u32::from_le_bytes(chunk.try_into().ok()?);
                }
                Some(Fingerprint::Long(bins))
            }
            _ => None,
        }
    }
}

/// A text read into words once, to fingerprint it and compare it with
/// several others.
#[derive(Clone, Debug)]
pub struct Shingled {
    words: Vec<u64>,
}

impl Shingled {
    /// Reads `text` into words.
    pub fn new(text: &str) -> Shingled {
        Shingled {
            words: word_hashes(text),
        }
    }

    /// How many words the text has.
    pub fn words(&self) -> usize {
        self.words.len()
    }

    /// The text's fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        Fingerprint::from_words(&self.words)
    }

    /// The Jaccard similarity of the two texts' shingle sets, from 0 to 1
    /// (1 when neither has a shingle).
    pub fn similarity(&self, other: &Shingled) -> f64 {
        let (a, b) = (shingle_set(&self.words), shingle_set(&other.words));
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            match x.cmp(y) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - shared;
        if union == 0 {
            1.0
        } else {
            shared as f64 / union as f64
        }
    }

    /// Whether the two texts are copies of one report (see the module doc).
    pub fn same_report(&self, other: &Shingled) -> bool {
        let (a, b) = (&self.words, &other.words);
        match (a.len() >= MIN_WORDS, b.len() >= MIN_WORDS) {
            (true, true) => self.similarity(other) >= THRESHOLD,
            (false, false) => !a.is_empty() && a == b,
            _ => false,
        }
    }
}

fn shingle_set(words: &[u64]) -> Vec<u64> {
    let mut set: Vec<u64> = shingle_hashes(words).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// The Jaccard similarity of the shingle sets of two texts, from 0 to 1
/// (1 when neither has a shingle).
pub fn similarity(a: &str, b: &str) -> f64 {
    Shingled::new(a).similarity(&Shingled::new(b))
}

/// Whether two texts are copies of one report (see the module doc).
pub fn same_report(a: &str, b: &str) -> bool {
    Shingled::new(a).same_report(&Shingled::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire story, written for these tests (six paragraphs, ~300 words).
    const WIRE: &str = "\
Eastport, March 4 (Meridian Wire) - Artillery fire struck the river town of Kessel \
overnight, killing at least 14 civilians and wounding 37 others, the regional governor \
said on Tuesday, in one of the heaviest bombardments of the town since the autumn.

Governor Anja Brehm said rescue crews were still searching the ruins of two apartment \
blocks near the old grain terminal, and that the toll could rise. Three of the dead \
were children, she told reporters at a briefing in Eastport.

The Valdorian defence ministry denied targeting residential areas and said its forces \
had struck a fuel depot and an ammunition store used by the Northern Brigade. It gave \
no figures for casualties.

Hospital staff in Kessel described long queues for blood donations through the night. \
One surgeon, who asked not to be named, said the emergency ward had run out of beds \
before dawn and that patients were being treated in corridors.

The bombardment came a day after talks on a local ceasefire stalled in Lindau, where \
envoys from both sides had met for a week under the auspices of the regional council. \
A council spokesman said the talks would resume next month.

Kessel, which had about 60,000 residents before the fighting, has been shelled \
repeatedly since September. Aid groups say more than 20,000 people have left the \
town, most of them for camps along the southern highway.";

    /// A different story on the same war, sharing the boilerplate background
    /// paragraph, place names, the governor and the figures 14 and 37.
    const OTHER_STORY: &str = "\
Eastport, March 9 (Meridian Wire) - Drones attacked a power station outside Kessel on \
Sunday, cutting electricity to most of the district, the regional governor said, a week \
after shelling killed at least 14 civilians and wounded 37 in the town.

Governor Anja Brehm said engineers hoped to restore supply within three days but warned \
that water pumps in the northern suburbs would stay idle until then. Schools were \
closed and the night curfew was extended by two hours.

The Northern Brigade said its air defences shot down nine of the drones. The Valdorian \
defence ministry said the station powered military workshops and was a legitimate \
target.

Kessel, which had about 60,000 residents before the fighting, has been shelled \
repeatedly since September. Aid groups say more than 20,000 people have left the \
town, most of them for camps along the southern highway.";

    fn paragraphs(text: &str) -> Vec<&str> {
        text.split("\n\n").collect()
    }

    fn variants() -> Vec<(&'static str, String)> {
        let paras = paragraphs(WIRE);
        let all_but_last = paras[..paras.len() - 1].join("\n\n");
        vec![
            (
                "headline added",
                format!("Shelling kills 14 in Kessel, governor says\n\n{WIRE}"),
            ),
            ("last paragraph dropped", all_but_last.clone()),
            (
                "byline and outlet line",
                format!("By Tomas Ruel | The Harbour Gazette | 5 March\n\n{WIRE}"),
            ),
            (
                "words edited",
                WIRE.replace("said on Tuesday", "says")
                    .replace("rescue crews", "rescuers")
                    .replace("long queues", "queues")
                    .replace("next month", "in April"),
            ),
            (
                "all at once",
                format!(
                    "Kessel shelling toll reaches 14\nBy Tomas Ruel\n\n{}",
                    all_but_last.replace("said on Tuesday", "says")
                ),
            ),
            (
                "reflowed and re-punctuated",
                WIRE.replace('\n', " ")
                    .replace(" - ", " — ")
                    .replace(", in one of", "; in one of"),
            ),
        ]
    }

    #[test]
    fn syndicated_variants_are_the_same_report() {
        for (name, text) in variants() {
            let s = similarity(WIRE, &text);
            assert!(s >= 0.75, "{name}: similarity {s}");
            assert!(same_report(WIRE, &text), "{name}");
            assert!(same_report(&text, WIRE), "{name}");
        }
    }

    #[test]
    fn measured_similarities() {
        // Exact values, so that a change in normalisation or shingling shows.
        let sims: Vec<String> = variants()
            .iter()
            .map(|(name, text)| format!("{name}: {:.3}", similarity(WIRE, text)))
            .collect();
        assert_eq!(
            sims,
            [
                "headline added: 0.970",
                "last paragraph dropped: 0.838",
                "byline and outlet line: 0.966",
                "words edited: 0.852",
                "all at once: 0.771",
                "reflowed and re-punctuated: 1.000",
            ]
        );
        assert_eq!(format!("{:.3}", similarity(WIRE, OTHER_STORY)), "0.119");
    }

    #[test]
    fn different_stories_on_the_same_war_are_not() {
        assert!(similarity(WIRE, OTHER_STORY) < 0.3);
        assert!(!same_report(WIRE, OTHER_STORY));
        // Not even when one of them carries the other's first paragraph as
        // a recap.
        let recap = format!("{OTHER_STORY}\n\n{}", paragraphs(WIRE)[0]);
        assert!(
            similarity(WIRE, &recap) < 0.3,
            "{}",
            similarity(WIRE, &recap)
        );
        assert!(!same_report(WIRE, &recap));
    }

    #[test]
    fn short_texts_link_only_when_their_words_are_identical() {
        let brief = "Two soldiers were killed near Kessel on Monday, the army said.";
        assert!(word_hashes(brief).len() < MIN_WORDS);
        assert!(same_report(
            brief,
            "two soldiers were KILLED near Kessel on Monday -- the army said"
        ));
        // One word apart: a different brief, however alike.
        assert!(!same_report(
            brief,
            "Three soldiers were killed near Kessel on Monday, the army said."
        ));
        assert!(!same_report(
            brief,
            "Two soldiers were killed near Kessel on Monday, the army said on Tuesday."
        ));
        // A short text is never a copy of a long one, even its own lead.
        let lead = WIRE.split(' ').take(30).collect::<Vec<_>>().join(" ");
        assert_eq!(word_hashes(&lead).len(), 29);
        let lead = lead.as_str();
        assert!(!same_report(lead, WIRE));
        // No words, no copy.
        assert!(!same_report("", ""));
        assert!(!same_report(" -- ", "..."));
    }

    #[test]
    fn words_are_alphanumeric_runs_lower_cased() {
        let words = |t: &str| word_hashes(t);
        assert_eq!(words("Kessel's 14 dead"), words("kessel S 14   DEAD"));
        assert_eq!(words("Ünïcode ÉTÉ"), words("ünïcode été"));
        assert_ne!(words("14"), words("41"));
        assert_eq!(words("a-b c").len(), 3);
        assert!(words("  ,.;  ").is_empty());
    }

    #[test]
    fn hashes_are_pinned() {
        // Stored fingerprints depend on these values: changing them needs a
        // migration that recomputes every fingerprint.
        assert_eq!(word_hashes("a"), [0xaf63_dc4c_8601_ec8c]);
        assert_eq!(word_hashes("Kessel"), word_hashes("kessel"));
        let words = word_hashes("one two three four");
        assert_eq!(
            shingle_hashes(&words).collect::<Vec<_>>(),
            [0x9966_a2d3_085f_2cb8]
        );
        let short = Fingerprint::of("Two soldiers.");
        let Fingerprint::Long(bins) = Fingerprint::of(WIRE) else {
            panic!("a long text")
        };
        let bands = Fingerprint::of(WIRE).bands();
        assert_eq!(short, Fingerprint::Short(0x890e_b9dd_86f7_1bd9));
        assert_eq!(
            &bins[..4],
            &[0x5d02_6bb6, 0x0256_1422, 0x0f3c_a641, 0x0cd7_572f]
        );
        assert_eq!(
            bands.map(|b| b.map(|k| k as u64)),
            [
                Some(0xdbe3_9265_4ca7_293e),
                Some(0x65fa_085c_9c2e_07be),
                Some(0x664d_1a03_b053_e927),
                Some(0x3568_2ddd_181d_c704),
                Some(0x1679_e262_2c0f_bf4f),
                Some(0x3209_df04_a51f_197c),
                Some(0x8d90_d0b3_e9b4_d23e),
                Some(0x3177_4c0b_b7fe_8926),
            ]
        );
    }

    #[test]
    fn fingerprints_agree_where_texts_agree() {
        let original = Fingerprint::of(WIRE);
        for (name, text) in variants() {
            let copy = Fingerprint::of(&text);
            let estimate = original.estimate(&copy).unwrap();
            assert!(estimate >= 0.5, "{name}: estimate {estimate}");
            assert!(original.worth_comparing(&copy), "{name}");
            let shared = original
                .bands()
                .iter()
                .zip(copy.bands())
                .filter(|(a, b)| **a == *b)
                .count();
            assert!(shared >= 1, "{name}: no band shared");
        }
        let other = Fingerprint::of(OTHER_STORY);
        assert!(original.estimate(&other).unwrap() < SCREEN);
        assert!(!original.worth_comparing(&other));
        assert!(
            original
                .bands()
                .iter()
                .zip(other.bands())
                .all(|(a, b)| *a != b)
        );
    }

    #[test]
    fn fingerprint_kinds_and_bands() {
        assert_eq!(Fingerprint::of(""), Fingerprint::Empty);
        assert_eq!(Fingerprint::of("").bands(), [None; BANDS]);
        let short = Fingerprint::of("Two soldiers were killed.");
        let bands = short.bands();
        assert!(bands[0].is_some() && bands[1..].iter().all(Option::is_none));
        let long = Fingerprint::of(WIRE);
        assert!(long.bands().iter().all(Option::is_some));
        assert_eq!(short.estimate(&long), None);
        assert!(!short.worth_comparing(&long));
        // A 40-word text has empty bins; rotation fills them the same way
        // for the same text.
        let forty = "w ".repeat(0)
            + &(0..40)
                .map(|i| format!("word{i}"))
                .collect::<Vec<_>>()
                .join(" ");
        assert_eq!(
            Fingerprint::of(&forty),
            Fingerprint::of(&forty.to_uppercase())
        );
        assert!(matches!(Fingerprint::of(&forty), Fingerprint::Long(_)));
    }

    #[test]
    fn stored_form_round_trips() {
        for text in ["", "Two soldiers.", WIRE] {
            let fp = Fingerprint::of(text);
            let bytes = fp.to_bytes();
            assert_eq!(Fingerprint::from_bytes(&bytes), Some(fp));
        }
        assert_eq!(Fingerprint::of(WIRE).to_bytes().len(), 4 * BINS);
        assert_eq!(Fingerprint::from_bytes(&[1, 2, 3]), None);
    }
}
