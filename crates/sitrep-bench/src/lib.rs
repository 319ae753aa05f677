//! A deterministic generator of war-reporting articles, for measuring
//! sitrep's extraction speed and memory.
//!
//! # Brief overview
//!
//! [`generate`] returns documents until their texts add up to a target size;
//! [`documents`] is the same stream as an endless iterator, for measuring in
//! chunks without holding the corpus. Both are deterministic: the same seed
//! gives the same documents, byte for byte, on every machine (a SplitMix64
//! generator, no `rand` dependency, no clock).
//!
//! Each article (1.5–8 KB) covers one conflict pair (Pakistan/Afghanistan,
//! India/Pakistan, Israel/Iran, Russia/Ukraine, Sudan's army/RSF,
//! Thailand/Cambodia, DR Congo/M23) and mixes what real wire copy holds:
//! attributed figures in digits and words ("at least 23", "fifty-five",
//! "15-20", "dozens of", "2.9 million"), claimants ("the defence ministry
//! said", "according to officials", "a spokesman … told reporters"), dates
//! ("on Sunday", "overnight", "in October"), places, quotations with
//! attributions, denials, headlines and section headings, photo captions with
//! credits ("(Jane Doe/AP)", "| Photo: X"), bylines and timestamps, and
//! background sentences without any figure.
//!
//! What it is not: a test set. The texts are templates filled at random; no
//! expected claims come with them, and nothing here reads or copies real
//! articles. Names of spokespeople and photographers are invented.
//!
//! # Example
//!
//! ```
//! let docs = sitrep_bench::generate(7, 50_000);
//! let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
//! assert!(bytes >= 50_000);
//! assert_eq!(docs, sitrep_bench::generate(7, 50_000)); // deterministic
//! assert!(docs.iter().all(|d| (1_500..=9_000).contains(&d.text.len())));
//! ```
#![deny(missing_docs)]

use std::fmt::Write as _;

use jiff::civil::Date;
use sitrep_model::Document;

/// Documents from `seed` until their texts hold at least `target_bytes`
/// bytes (always at least one document).
pub fn generate(seed: u64, target_bytes: usize) -> Vec<Document> {
    let mut out = Vec::new();
    let mut total = 0;
    for doc in documents(seed) {
        total += doc.text.len();
        out.push(doc);
        if total >= target_bytes {
            break;
        }
    }
    out
}

/// The endless stream of documents for `seed`; [`generate`] takes from it.
pub fn documents(seed: u64) -> Documents {
    Documents {
        rng: Rng::new(seed),
        seed,
        index: 0,
    }
}

/// The iterator returned by [`documents`].
#[derive(Clone, Debug)]
pub struct Documents {
    rng: Rng,
    seed: u64,
    index: u64,
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let id = format!("bench-{:x}-{}", self.seed, self.index);
        self.index += 1;
        Some(Article::new(&mut self.rng).write(id))
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough to
/// pick templates.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5173_7265_7062_656e)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; 0 when `n` is 0.
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        // Every list below is a non-empty constant.
        items[self.below(items.len())]
    }
}

/// One side of a conflict, with the words reporting uses for it.
#[derive(Clone, Copy, Debug)]
struct Party {
    /// "Pakistan"
    name: &'static str,
    /// "Pakistani"
    demonym: &'static str,
    /// A state (false for armed groups such as the RSF).
    state: bool,
    /// Who speaks for the state: "Islamabad".
    capital: &'static str,
    /// "Pakistan's defence ministry"
    ministry: &'static str,
    /// "the Pakistani army"
    army: &'static str,
    /// Its troops as a counted group: "soldiers", "fighters".
    troops: &'static str,
    /// An invented spokesperson and the office.
    spokesperson: (&'static str, &'static str),
    /// Places on its side.
    places: &'static [&'static str],
}

/// Conflict pairs, each with a mediator.
const CONFLICTS: &[(Party, Party, &str)] = &[
    (PAK, AFG, "Qatar"),
    (IND, PAK, "the United States"),
    (ISR, IRN, "Oman"),
    (RUS, UKR, "Turkey"),
    (SDN, RSF, "Saudi Arabia"),
    (THA, KHM, "Malaysia"),
    (COD, M23, "Qatar"),
];

const PAK: Party = Party {
    name: "Pakistan",
    demonym: "Pakistani",
    state: true,
    capital: "Islamabad",
    ministry: "Pakistan's defence ministry",
    army: "the Pakistani army",
    troops: "soldiers",
    spokesperson: (
        "Lt. Gen. Tariq Mahmood",
        "the director general of the army's media wing",
    ),
    places: &[
        "Chaman",
        "Kurram",
        "Bajaur",
        "North Waziristan",
        "Peshawar",
        "Quetta",
    ],
};
const AFG: Party = Party {
    name: "Afghanistan",
    demonym: "Afghan",
    state: true,
    capital: "Kabul",
    ministry: "Afghanistan's Ministry of Defence",
    army: "Afghan forces",
    troops: "fighters",
    spokesperson: ("Farid Ahmadzai", "a spokesman for the Taliban government"),
    places: &[
        "Spin Boldak",
        "Kandahar",
        "Paktika",
        "Khost",
        "Nangarhar",
        "Torkham",
    ],
};
const IND: Party = Party {
    name: "India",
    demonym: "Indian",
    state: true,
    capital: "New Delhi",
    ministry: "India's defence ministry",
    army: "the Indian Army",
    troops: "soldiers",
    spokesperson: ("Col. Anil Mehra", "an army spokesman"),
    places: &["Poonch", "Rajouri", "Kupwara", "Uri", "Jammu", "Amritsar"],
};
const ISR: Party = Party {
    name: "Israel",
    demonym: "Israeli",
    state: true,
    capital: "Jerusalem",
    ministry: "Israel's defence ministry",
    army: "the Israeli military",
    troops: "soldiers",
    spokesperson: ("Yossi Levin", "a military spokesman"),
    places: &["Haifa", "Tel Aviv", "Bat Yam", "Beersheba", "Rehovot"],
};
const IRN: Party = Party {
    name: "Iran",
    demonym: "Iranian",
    state: true,
    capital: "Tehran",
    ministry: "Iran's defence ministry",
    army: "the Revolutionary Guards",
    troops: "troops",
    spokesperson: ("Reza Karimi", "a government spokesman"),
    places: &["Isfahan", "Tabriz", "Kermanshah", "Shiraz", "Mashhad"],
};
const RUS: Party = Party {
    name: "Russia",
    demonym: "Russian",
    state: true,
    capital: "Moscow",
    ministry: "Russia's defence ministry",
    army: "Russian forces",
    troops: "troops",
    spokesperson: ("Oleg Petrov", "a defence ministry spokesman"),
    places: &["Belgorod", "Kursk", "Bryansk", "Rostov", "Crimea"],
};
const UKR: Party = Party {
    name: "Ukraine",
    demonym: "Ukrainian",
    state: true,
    capital: "Kyiv",
    ministry: "Ukraine's general staff",
    army: "Ukraine's armed forces",
    troops: "soldiers",
    spokesperson: ("Andriy Kovalenko", "an air force spokesman"),
    places: &[
        "Kharkiv",
        "Odesa",
        "Zaporizhzhia",
        "Dnipro",
        "Sumy",
        "Kherson",
    ],
};
const SDN: Party = Party {
    name: "Sudan",
    demonym: "Sudanese",
    state: true,
    capital: "Port Sudan",
    ministry: "the Sudanese army",
    army: "the Sudanese Armed Forces",
    troops: "soldiers",
    spokesperson: ("Brig. Nabil Osman", "an army spokesman"),
    places: &["El-Fasher", "Omdurman", "Khartoum", "El-Obeid", "Kordofan"],
};
const RSF: Party = Party {
    name: "the RSF",
    demonym: "RSF",
    state: false,
    capital: "the RSF leadership",
    ministry: "the Rapid Support Forces",
    army: "the paramilitary Rapid Support Forces",
    troops: "fighters",
    spokesperson: ("Adam Yousif", "an RSF adviser"),
    places: &["Nyala", "Zamzam camp", "El-Geneina", "Babanusa"],
};
const THA: Party = Party {
    name: "Thailand",
    demonym: "Thai",
    state: true,
    capital: "Bangkok",
    ministry: "Thailand's defence ministry",
    army: "the Royal Thai Army",
    troops: "soldiers",
    spokesperson: ("Maj. Gen. Somchai Wongsa", "an army spokesman"),
    places: &["Surin", "Sisaket", "Ubon Ratchathani", "Buriram"],
};
const KHM: Party = Party {
    name: "Cambodia",
    demonym: "Cambodian",
    state: true,
    capital: "Phnom Penh",
    ministry: "Cambodia's defence ministry",
    army: "Cambodian forces",
    troops: "soldiers",
    spokesperson: ("Sok Dara", "a defence ministry spokeswoman"),
    places: &["Oddar Meanchey", "Preah Vihear", "Banteay Meanchey"],
};
const COD: Party = Party {
    name: "Congo",
    demonym: "Congolese",
    state: true,
    capital: "Kinshasa",
    ministry: "Congo's army",
    army: "the Congolese army",
    troops: "soldiers",
    spokesperson: ("Jean-Paul Mbala", "an army spokesman"),
    places: &["Goma", "Bukavu", "Uvira", "Masisi"],
};
const M23: Party = Party {
    name: "the M23",
    demonym: "M23",
    state: false,
    capital: "the M23 leadership",
    ministry: "the M23 rebel group",
    army: "M23 rebels",
    troops: "fighters",
    spokesperson: ("Eric Munyaneza", "a rebel spokesman"),
    places: &["Rutshuru", "Sake", "Kiwanja"],
};

#[rustfmt::skip]
const OUTLETS: &[&str] = &[
    "The Daily Ledger", "Frontier Post", "Evening Courier", "Global Wire", "Capital Herald",
    "Regional Times", "Morning Dispatch", "News Desk Online",
];
#[rustfmt::skip]
const AGENCIES: &[&str] = &["AP", "AFP", "Reuters", "Getty Images", "EPA", "Anadolu"];
#[rustfmt::skip]
const PHOTOGRAPHERS: &[&str] = &[
    "Jane Doe", "Ali Khan", "Maria Silva", "Tom Lee", "Omar Saleh", "Lena Novak", "Ravi Kumar",
];
#[rustfmt::skip]
const REPORTERS: &[&str] = &[
    "Sara Malik", "John Roe", "Amina Yusuf", "Peter Hale", "Nadia Rahman",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];
#[rustfmt::skip]
const SMALL: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "twenty-three", "thirty", "forty", "fifty-five", "a dozen",
];
#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "", "", "", "at least ", "at least ", "more than ", "nearly ", "up to ", "about ", "some ",
    "around ", "over ", "an estimated ",
];
#[rustfmt::skip]
const VAGUE_LARGE: &[&str] = &[
    "thousands of", "tens of thousands of", "hundreds of thousands of", "millions of",
];
#[rustfmt::skip]
const VAGUE: &[&str] = &[
    "dozens of", "dozens of", "scores of", "hundreds of", "several", "a few",
];
#[rustfmt::skip]
const MONITORS: &[&str] = &[
    "a UN monitoring mission", "a local rights group", "the UN humanitarian office",
    "an independent monitoring group", "the International Committee of the Red Cross",
];

/// What the figure counts, and the passive verb that goes with it.
#[derive(Clone, Copy)]
enum Outcome {
    Killed,
    Wounded,
    Captured,
    Displaced,
    Destroyed,
    Downed,
}

impl Outcome {
    fn passive(self, rng: &mut Rng) -> &'static str {
        match self {
            Outcome::Killed => rng.pick(&["killed", "killed", "killed", "martyred"]),
            Outcome::Wounded => rng.pick(&["wounded", "injured"]),
            Outcome::Captured => rng.pick(&["captured", "taken prisoner", "seized"]),
            Outcome::Displaced => rng.pick(&["displaced", "evacuated", "forced to flee"]),
            Outcome::Destroyed => "destroyed",
            Outcome::Downed => rng.pick(&["shot down", "intercepted"]),
        }
    }

    /// The verb for "its forces had … them"; `None` when there is none.
    fn active(self, rng: &mut Rng) -> Option<&'static str> {
        Some(match self {
            Outcome::Killed => "killed",
            Outcome::Wounded => rng.pick(&["wounded", "injured"]),
            Outcome::Captured => "captured",
            Outcome::Displaced => return None,
            Outcome::Destroyed => "destroyed",
            Outcome::Downed => rng.pick(&["shot down", "intercepted"]),
        })
    }
}

/// The state of one article being written.
struct Article<'r> {
    rng: &'r mut Rng,
    /// The side whose outlet writes first, and the other.
    a: Party,
    b: Party,
    mediator: &'static str,
    published: Option<Date>,
    outlet: &'static str,
}

impl<'r> Article<'r> {
    fn new(rng: &'r mut Rng) -> Article<'r> {
        let (mut a, mut b, mediator) = rng.pick(CONFLICTS);
        if rng.chance(50) {
            std::mem::swap(&mut a, &mut b);
        }
        let year = i16::try_from(rng.range(2022, 2025)).unwrap_or(2025);
        let month = i8::try_from(rng.range(1, 12)).unwrap_or(1);
        let day = i8::try_from(rng.range(1, 28)).unwrap_or(1);
        let published = if rng.chance(95) {
            Date::new(year, month, day).ok()
        } else {
            None
        };
        let outlet = rng.pick(OUTLETS);
        Article {
            rng,
            a,
            b,
            mediator,
            published,
            outlet,
        }
    }

    fn write(mut self, id: String) -> Document {
        let target = self.rng.range(1_500, 8_000);
        let headline = self.headline();
        let mut text = String::with_capacity(target + 1_024);
        // Page furniture first, as scraped pages have it.
        if self.rng.chance(30) {
            let _ = writeln!(text, "{}\n", headline);
        }
        if self.rng.chance(40) {
            let _ = writeln!(text, "By {}\n", self.rng.pick(REPORTERS));
        }
        if let Some(d) = self.published
            && self.rng.chance(40)
        {
            let (h, m) = (self.rng.range(0, 23), self.rng.range(0, 59));
            let month = MONTHS
                .get(usize::try_from(d.month() - 1).unwrap_or(0))
                .unwrap_or(&"");
            let _ = writeln!(
                text,
                "Published: {month} {}, {} {h:02}:{m:02} IST\n",
                d.day(),
                d.year()
            );
        }
        // The lead: always a claim.
        let lead = self.claim_sentence();
        let _ = writeln!(text, "{lead}\n");
        let mut paragraphs = 1;
        while text.len() < target {
            let roll = self.rng.below(100);
            if roll < 8 {
                let caption = self.caption();
                let _ = writeln!(text, "{caption}\n");
            } else if roll < 12 && paragraphs > 2 {
                let heading = self.section_heading();
                let _ = writeln!(text, "{heading}\n");
            } else if roll < 14 {
                let _ = writeln!(text, "{}\n", self.furniture());
            } else {
                let n = self.rng.range(1, 4);
                let mut para = String::new();
                for i in 0..n {
                    if i > 0 {
                        para.push(' ');
                    }
                    let s = if self.rng.chance(45) {
                        self.claim_sentence()
                    } else {
                        self.filler()
                    };
                    para.push_str(&s);
                }
                let _ = writeln!(text, "{para}\n");
                paragraphs += 1;
            }
        }
        // Trim to at most 8 KB at a line end, keep at least the lead.
        if text.len() > 8_000
            && let Some(cut) = text.get(..8_000).and_then(|t| t.rfind('\n'))
            && cut >= 1_500
        {
            text.truncate(cut + 1);
        }
        if self.rng.chance(15) {
            text.push_str(
                self.rng
                    .pick(&["Reuters\n", "(With inputs from agencies)\n", "AP\n"]),
            );
        }
        Document {
            id,
            url: Some(format!(
                "https://news.example/{}",
                self.rng.next() % 1_000_000
            )),
            outlet: Some(self.outlet.to_string()),
            published: self.published,
            title: Some(headline),
            text,
        }
    }

    /// Either side, at random.
    fn side(&mut self) -> (Party, Party) {
        if self.rng.chance(50) {
            (self.a, self.b)
        } else {
            (self.b, self.a)
        }
    }

    fn place(&mut self) -> &'static str {
        let (p, _) = self.side();
        self.rng.pick(p.places)
    }

    /// A figure as written: digits, words, a range or a vague quantity.
    /// A figure as written: digits, words, a range or a vague quantity.
    /// `large` figures count displaced people: thousands and millions.
    fn figure(&mut self, large: bool) -> String {
        let q = self.rng.pick(QUALIFIERS);
        if large {
            return match self.rng.below(10) {
                0..=3 => format!("{q}{}", thousands(self.rng.range(1_000, 400_000))),
                4 | 5 => format!("{}.{} million", self.rng.range(1, 9), self.rng.range(1, 9)),
                6 | 7 => self.rng.pick(VAGUE_LARGE).to_string(),
                _ => format!("{q}{}", self.rng.range(200, 999)),
            };
        }
        match self.rng.below(20) {
            0..=8 => format!("{q}{}", self.rng.range(2, 160)),
            9..=12 => format!("{q}{}", self.rng.pick(SMALL)),
            13 | 14 => {
                let lo = self.rng.range(5, 40);
                let hi = lo + self.rng.range(2, 15);
                if self.rng.chance(50) {
                    format!("{lo}-{hi}")
                } else {
                    format!("between {lo} and {hi}")
                }
            }
            15..=18 => self.rng.pick(VAGUE).to_string(),
            _ => format!("{q}{}", self.rng.range(160, 900)),
        }
    }

    fn when(&mut self) -> String {
        match self.rng.below(12) {
            0..=3 => format!("on {}", self.rng.pick(WEEKDAYS)),
            4 => "overnight".to_string(),
            5 => format!("late {}", self.rng.pick(WEEKDAYS)),
            6 => format!("on {} morning", self.rng.pick(WEEKDAYS)),
            7 => format!("in {}", self.rng.pick(MONTHS)),
            8 => format!("on {} {}", self.rng.pick(MONTHS), self.rng.range(1, 28)),
            9 => "earlier this week".to_string(),
            10 => format!("in early {}", self.rng.pick(MONTHS)),
            _ => "last week".to_string(),
        }
    }

    /// Who says it, as the end of a sentence: "…, the defence ministry said."
    fn claimant_tail(&mut self, speaker: Party) -> String {
        let (name, office) = speaker.spokesperson;
        match self.rng.below(8) {
            0 => format!("{} said", speaker.ministry),
            1 => "according to officials".to_string(),
            2 => format!("{name}, {office}, told reporters"),
            3 => format!("{} officials said", speaker.demonym),
            4 => format!("according to a statement from {}", speaker.army),
            5 => format!("{} said in a post on X", speaker.capital),
            6 => format!("local officials in {} said", self.rng.pick(speaker.places)),
            _ => format!("hospital officials told {}", self.rng.pick(AGENCIES)),
        }
    }

    /// A sentence stating an attributed figure.
    fn claim_sentence(&mut self) -> String {
        let (speaker, other) = self.side();
        let outcome = self.rng.pick(&[
            Outcome::Killed,
            Outcome::Killed,
            Outcome::Killed,
            Outcome::Wounded,
            Outcome::Wounded,
            Outcome::Captured,
            Outcome::Displaced,
            Outcome::Destroyed,
            Outcome::Downed,
        ]);
        let fig = self.figure(matches!(outcome, Outcome::Displaced));
        let verb = outcome.passive(self.rng);
        let active = outcome.active(self.rng);
        let when = self.when();
        let subject = match outcome {
            Outcome::Killed | Outcome::Wounded | Outcome::Captured => match self.rng.below(5) {
                0 | 1 => format!("{} {}", other.demonym, other.troops),
                2 => "civilians".to_string(),
                3 => "people".to_string(),
                _ => format!("{} {}", speaker.demonym, speaker.troops),
            },
            Outcome::Displaced => self
                .rng
                .pick(&["people", "families", "residents"])
                .to_string(),
            Outcome::Destroyed => {
                let what = self
                    .rng
                    .pick(&["posts", "tanks", "positions", "ammunition depots"]);
                format!("{} {what}", other.demonym)
            }
            Outcome::Downed => self
                .rng
                .pick(&["drones", "missiles", "aircraft"])
                .to_string(),
        };
        let place = self.rng.pick(other.places);
        let tail = self.claimant_tail(speaker);
        let (name, office) = speaker.spokesperson;
        let template = self.rng.below(12);
        match (template, active) {
            (2, Some(act)) => format!(
                "{} said its forces had {act} {fig} {subject} in {place} {when}.",
                capitalise(speaker.army)
            ),
            (3, Some(act)) => {
                let small = self.figure(false);
                format!(
                    "“We have {act} {small} {subject} and we will continue,” {name}, {office}, said."
                )
            }
            (1..=3, _) => {
                format!(
                    "{} {subject} were {verb} in {place} {when}, {tail}.",
                    capitalise(&fig)
                )
            }
            (4, _) => format!(
                "{name} denied that any {} {} had been {verb}, calling the reports propaganda.",
                speaker.demonym, speaker.troops
            ),
            (5, _) => format!(
                "{} said {} {} were killed and {} wounded in the fighting {when}.",
                capitalise(&tail_speaker(speaker, self.rng)),
                self.rng.range(2, 60),
                speaker.troops,
                self.rng.range(3, 90)
            ),
            (6, _) => format!(
                "Hospital officials in {place} said they had received {} bodies and treated {} wounded.",
                self.rng.range(2, 80),
                self.rng.range(5, 300)
            ),
            (7, _) => format!(
                "The death toll from the strikes on {place} rose to {}, {tail}.",
                self.rng.range(5, 400)
            ),
            (8, _) => {
                let large = self.figure(true);
                let since = if self.rng.chance(50) {
                    "since the fighting began".to_string()
                } else {
                    format!(
                        "since {} {}",
                        self.rng.pick(MONTHS),
                        self.rng.range(2021, 2024)
                    )
                };
                format!(
                    "{} people have been displaced {since}, according to {}.",
                    capitalise(&large),
                    self.rng.pick(MONITORS)
                )
            }
            (9, _) => format!(
                "The air force said it had {} {} of {} drones launched {when}.",
                self.rng.pick(&["shot down", "intercepted", "destroyed"]),
                self.rng.range(10, 50),
                self.rng.range(50, 90)
            ),
            (10, _) => format!(
                "In a statement, {} said {fig} {subject} were {verb} near {place} {when}.",
                speaker.army
            ),
            _ => format!(
                "{} said {fig} {subject} were {verb} {when}.",
                capitalise(speaker.ministry)
            ),
        }
    }

    /// A sentence without any figure: diplomacy and background.
    fn filler(&mut self) -> String {
        let (x, y) = self.side();
        let m = self.mediator;
        let place = self.place();
        match self.rng.below(16) {
            0 => format!(
                "{} urged both sides to exercise restraint and return to talks.",
                capitalise(m)
            ),
            1 => format!(
                "{} accused {} of sheltering militants, a charge {} denies.",
                capitalise(x.name),
                y.name,
                y.capital
            ),
            2 => "The claims could not be independently verified.".to_string(),
            3 => format!(
                "Talks mediated by {m} ended without agreement, officials on both sides said."
            ),
            4 => format!(
                "{} has said it will respond to any violation of its territory.",
                capitalise(x.capital)
            ),
            5 => format!("The crossing at {place} remained closed to trade and travellers."),
            6 => "Residents described hearing explosions through the night.".to_string(),
            7 => format!("Schools in {place} were closed as a precaution."),
            8 if x.state && y.state => format!(
                "{}'s foreign ministry summoned {}'s envoy to lodge a protest.",
                x.name, y.name
            ),
            8 => format!(
                "{} said it would not be drawn into a wider war.",
                capitalise(x.name)
            ),
            9 => "Analysts say the escalation risks drawing in regional powers.".to_string(),
            10 => format!(
                "Mr. {} said the U.S. and the U.N. were following the situation closely.",
                surname(x.spokesperson.0)
            ),
            11 => format!(
                "The statement came hours after {} carried out air strikes near {}.",
                x.name,
                self.rng.pick(y.places)
            ),
            12 => format!(
                "“Our patience has limits. We want peace, but we will defend our land,” {} said.",
                x.spokesperson.0
            ),
            13 => format!(
                "Tensions between {} and {} have been high for months, with trade links cut and flights suspended.",
                x.capital, y.capital
            ),
            14 => format!(
                "Both sides issued sharply differing accounts of the clashes {}.",
                self.when()
            ),
            _ => format!(
                "Aid agencies said access to {place} was limited and warned of shortages of food, fuel and medicine."
            ),
        }
    }

    fn headline(&mut self) -> String {
        let (x, y) = self.side();
        let n = self.rng.range(3, 120);
        let place = self.rng.pick(y.places);
        match self.rng.below(5) {
            0 => format!(
                "{} says {n} {} {} killed in {place} clashes",
                capitalise(x.name),
                y.demonym,
                y.troops
            ),
            1 => format!(
                "{} denies losses as fighting with {} spreads",
                capitalise(y.name),
                x.name
            ),
            2 => format!("Death toll rises to {n} after strikes on {place}"),
            3 => format!(
                "{} and {} trade fire along the border; dozens killed",
                capitalise(x.name),
                y.name
            ),
            _ => format!(
                "{} Claims {n} Enemy Fighters Killed In Overnight Attack",
                x.demonym
            ),
        }
    }

    fn section_heading(&mut self) -> String {
        self.rng
            .pick(&[
                "Deepening tensions",
                "Calls for restraint",
                "Humanitarian toll",
                "Background",
                "What happens next",
            ])
            .to_string()
    }

    /// A photo caption with its credit.
    fn caption(&mut self) -> String {
        let place = self.place();
        let scene = self.rng.pick(&[
            "Smoke rises after an explosion near",
            "Soldiers patrol a road outside",
            "Residents inspect a damaged building in",
            "People queue for aid in",
            "Rescue workers search the rubble in",
        ]);
        match self.rng.below(4) {
            0 | 1 => format!(
                "{scene} {place} ({}/{})",
                self.rng.pick(PHOTOGRAPHERS),
                self.rng.pick(AGENCIES)
            ),
            2 => format!("{scene} {place}. | Photo: {}", self.rng.pick(AGENCIES)),
            _ => format!("{scene} {place}.\nFile photo"),
        }
    }

    fn furniture(&mut self) -> String {
        match self.rng.below(4) {
            0 => "Advertisement".to_string(),
            1 => {
                let h = self.headline();
                format!("Also read: {h}")
            }
            2 => "Sign up to our newsletter for the latest updates from the region".to_string(),
            _ => "Follow us on X and Telegram".to_string(),
        }
    }
}

/// A speaker named the way a sentence starts: "the defence ministry".
fn tail_speaker(p: Party, rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => p.ministry.to_string(),
        1 => p.army.to_string(),
        _ => p.spokesperson.0.to_string(),
    }
}

/// "12,345".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first letter in upper case.
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The last word of a name.
fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_the_target_and_is_deterministic() {
        let docs = generate(1, 200_000);
        let total: usize = docs.iter().map(|d| d.text.len()).sum();
        assert!(total >= 200_000);
        // Stops at the first document past the target.
        let before_last = total - docs.last().map_or(0, |d| d.text.len());
        assert!(before_last < 200_000);
        assert_eq!(docs, generate(1, 200_000));
        assert_ne!(docs, generate(2, 200_000));
    }

    #[test]
    fn articles_are_sized_and_varied() {
        let docs = generate(3, 1_000_000);
        for d in &docs {
            assert!(
                (1_500..=9_000).contains(&d.text.len()),
                "{} bytes",
                d.text.len()
            );
            assert!(d.title.is_some() && d.outlet.is_some());
        }
        let with_date = docs.iter().filter(|d| d.published.is_some()).count();
        assert!(
            with_date * 100 > docs.len() * 85,
            "{with_date} of {}",
            docs.len()
        );
        let mut dates: Vec<_> = docs.iter().filter_map(|d| d.published).collect();
        dates.sort();
        dates.dedup();
        assert!(dates.len() > 100, "only {} distinct days", dates.len());
        let all: String = docs.iter().map(|d| d.text.as_str()).collect();
        for needle in [
            "Pakistani",
            "Afghan",
            "Israeli",
            "Ukrainian",
            "RSF",
            "Cambodian",
            "(Jane Doe/",
            "| Photo:",
            "File photo",
            "Published:",
            "at least ",
            "dozens of",
            " million",
            "“",
            "Mr. ",
            "U.S.",
            "overnight",
        ] {
            assert!(all.contains(needle), "{needle:?} never generated");
        }
    }

    #[test]
    fn ids_are_unique_and_the_stream_continues() {
        let first: Vec<String> = documents(9).take(300).map(|d| d.id).collect();
        let mut sorted = first.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 300);
        assert_eq!(first[0], "bench-9-0");
        assert_eq!(first[299], "bench-9-299");
    }

    #[test]
    fn number_formatting() {
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(400_000), "400,000");
        assert_eq!(thousands(12_345), "12,345");
        assert_eq!(thousands(999), "999");
        assert_eq!(capitalise("at least 5"), "At least 5");
        assert_eq!(capitalise(""), "");
        assert_eq!(surname("Lt. Gen. Tariq Mahmood"), "Mahmood");
    }
}
