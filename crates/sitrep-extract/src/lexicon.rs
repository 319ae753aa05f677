//! The words of war reporting that the claim rules look for.
//!
//! Each function takes one lower-case word (or a short phrase) and says what
//! it means to the rules: a claim verb and its category, the head noun of a
//! counted group and its kind, a speech verb, a word that marks an unnamed
//! or unaffiliated source. Keeping the vocabulary here, apart from the rules
//! that use it, lets an analyst read and extend it in one place.
//!
//! This module holds no place or organisation names: those come from
//! `sitrep-gazetteer`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use sitrep_model::{Category, Kind};

/// Category of a verb form that takes the counted group as its object:
/// "killed 12", "wounding 30", "seized 25 posts".
///
/// `eliminate` and similar are returned as `Killed`; the caller turns them
/// into `Destroyed` when the object is a thing.
pub fn active_verb(w: &str) -> Option<Category> {
    use Category::*;
    Some(match w {
        "kill" | "kills" | "killed" | "killing" | "neutralised" | "neutralized"
        | "neutralising" | "neutralizing" | "neutralise" | "neutralize" | "eliminated"
        | "eliminating" | "eliminate" | "eliminates" | "martyred" | "slew" | "slaying" => Killed,
        "wound" | "wounds" | "wounded" | "wounding" | "injure" | "injures" | "injured"
        | "injuring" => Injured,
        "capture" | "captures" | "captured" | "capturing" | "seize" | "seizes" | "seized"
        | "seizing" | "overran" | "overrunning" => Captured,
        "arrest" | "arrests" | "arrested" | "arresting" | "detain" | "detains" | "detained"
        | "detaining" | "apprehended" | "apprehending" | "nabbed" => Arrested,
        "displace" | "displaces" | "displaced" | "displacing" | "evacuate" | "evacuates"
        | "evacuated" | "evacuating" | "relocated" | "relocating" | "uprooted" => Displaced,
        "deport" | "deports" | "deported" | "deporting" | "repatriated" | "repatriating"
        | "expelled" | "expelling" => Returned,
        "destroy" | "destroys" | "destroyed" | "destroying" | "razed" | "demolished"
        | "demolishing" | "flattened" => Destroyed,
        "downed" | "downing" | "intercepted" | "intercepting" | "intercept" | "intercepts" => {
            Downed
        }
        _ => return None,
    })
}

/// Category of a participle or adjective that follows the counted group:
/// "12 were killed", "11 wounded", "posts were captured", "35 missing".
pub fn passive_word(w: &str) -> Option<Category> {
    use Category::*;
    Some(match w {
        "killed" | "dead" | "died" | "martyred" | "slain" | "perished" | "die" | "dies"
        | "neutralised" | "neutralized" | "eliminated" => Killed,
        "wounded" | "injured" | "hurt" | "hospitalised" | "hospitalized" => Injured,
        "captured" | "seized" => Captured,
        "arrested" | "detained" | "apprehended" => Arrested,
        "missing" => Missing,
        "displaced" | "fled" | "evacuated" | "relocated" | "uprooted" => Displaced,
        "returned" | "deported" | "repatriated" | "expelled" => Returned,
        "destroyed" | "razed" | "demolished" | "flattened" | "wrecked" => Destroyed,
        "downed" | "intercepted" | "crashed" => Downed,
        _ => return None,
    })
}

/// Category of a noun that names the outcome after a number:
/// "26 deaths", "46 injuries", "78 dead".
pub fn outcome_noun(w: &str) -> Option<Category> {
    use Category::*;
    Some(match w {
        "deaths" | "death" | "fatalities" | "dead" | "killed" | "martyrs" => Killed,
        "injuries" | "injured" | "wounded" => Injured,
        "arrests" => Arrested,
        _ => return None,
    })
}

/// Category of a noun phrase ending in "of" before the number:
/// "the deaths of 11 soldiers", "the capture of 25 posts".
pub fn nominal_of(w: &str) -> Option<Category> {
    use Category::*;
    Some(match w {
        "deaths" | "death" | "killing" | "killings" | "lives" => Killed,
        "injuries" | "wounding" => Injured,
        "capture" => Captured,
        "arrest" | "arrests" | "detention" => Arrested,
        "displacement" | "evacuation" | "relocation" => Displaced,
        "return" | "deportation" | "deportations" | "repatriation" => Returned,
        "destruction" => Destroyed,
        "downing" => Downed,
        _ => return None,
    })
}

/// Kind of a head noun ("soldiers" → soldiers, "jets" → aircraft).
pub fn head_kind(w: &str) -> Option<Kind> {
    use Kind::*;
    Some(match w {
        "soldier" | "soldiers" | "troop" | "troops" | "trooper" | "troopers" | "servicemen"
        | "serviceman" | "servicemembers" | "personnel" | "guards" | "guard" | "general"
        | "generals" | "commander" | "commanders" | "sailors" | "marines" | "paratroopers"
        | "conscripts" | "cadets" | "officers" | "officer" | "sepoys" | "jawans" | "army"
        | "forces" | "pilots" | "pilot" => Soldiers,
        "fighter" | "fighters" | "militant" | "militants" | "insurgent" | "insurgents"
        | "terrorist" | "terrorists" | "rebel" | "rebels" | "attacker" | "attackers"
        | "assailants" | "gunmen" | "gunman" | "jihadists" | "jihadis" | "extremists"
        | "combatants" | "taliban" | "khawarij" | "kharijites" | "kharijis" | "separatists"
        | "militiamen" | "mujahideen" | "infiltrators" | "miscreants" | "operatives"
        | "bombers" | "paramilitaries" => Fighters,
        "police" | "policemen" | "policeman" | "policewomen" | "constables" | "cops" => Police,
        "civilian" | "civilians" | "women" | "woman" | "children" | "child" | "kids" | "babies"
        | "infants" | "tourists" | "villagers" | "residents" | "worshippers" | "pilgrims"
        | "students" | "schoolchildren" | "journalists" | "paramedics" | "medics" | "doctors"
        | "nurses" | "farmers" | "labourers" | "laborers" | "workers" | "passengers"
        | "shoppers" | "girls" | "boys" | "minors" | "teachers" | "staff" | "volunteers"
        | "rescuers" | "fishermen" | "hindus" | "muslims" | "christians" | "couple" => Civilians,
        "people" | "persons" | "person" | "individuals" | "others" | "men" | "members"
        | "officials" | "lives" | "victims" | "bodies" | "souls" | "suspects" | "detainees"
        | "prisoners" | "hostages" => People,
        "refugee" | "refugees" | "migrant" | "migrants" | "deportees" | "returnees" | "asylum"
        | "undocumented" => Refugees,
        "post" | "posts" | "checkpost" | "checkposts" | "outpost" | "outposts" | "checkpoints"
        | "checkpoint" | "positions" | "position" | "pickets" | "bunkers" => Posts,
        "base" | "bases" | "airbase" | "airbases" | "garrisons" | "airfields" | "airfield" => Bases,
        "installation" | "installations" | "facility" | "facilities" | "camp" | "camps"
        | "hideout" | "hideouts" | "depot" | "depots" | "launchpads" | "compounds"
        | "strongholds" | "sites" | "infrastructure" | "headquarters" => Installations,
        "aircraft" | "jet" | "jets" | "plane" | "planes" | "warplane" | "warplanes"
        | "helicopter" | "helicopters" | "choppers" | "rafale" | "rafales" => Aircraft,
        "drone" | "drones" | "uav" | "uavs" | "quadcopters" | "quadcopter" => Drones,
        "vehicle" | "vehicles" | "tank" | "tanks" | "truck" | "trucks" | "apcs" | "armoured"
        | "convoys" => Vehicles,
        "missile" | "missiles" | "rocket" | "rockets" | "shells" | "floors" | "buildings"
        | "homes" | "houses" | "targets" | "systems" | "radars" | "radar" | "weapons"
        | "bridges" | "ships" | "vessels" | "boats" | "launchers" | "shops" => Other,
        _ => return None,
    })
}

/// Verbs that introduce what a claimant states ("said", "told", "claimed").
pub fn speech_verb(w: &str) -> bool {
    class(w) & class::SPEECH != 0
}

/// Speech verbs that reject a figure rather than state it.
pub fn denial_verb(w: &str) -> bool {
    matches!(
        w,
        "denied"
            | "denies"
            | "deny"
            | "denying"
            | "rejected"
            | "rejects"
            | "rejecting"
            | "dismissed"
            | "dismisses"
            | "refuted"
            | "refutes"
    )
}

/// Nouns that make a claimant anonymous ("officials said", "sources").
pub fn anonymous_head(w: &str) -> bool {
    matches!(
        w,
        "officials"
            | "official"
            | "sources"
            | "source"
            | "residents"
            | "witnesses"
            | "eyewitnesses"
            | "authorities"
            | "media"
            | "locals"
            | "villagers"
            | "scholars"
            | "researchers"
            | "research"
            | "diplomats"
            | "analysts"
            | "experts"
            | "doctors"
            | "medics"
            | "people"
            | "survivors"
            | "relatives"
            | "activists"
            | "insiders"
            | "observers"
    )
}

/// Nouns for claimants that speak for no side (news media, residents,
/// researchers, monitors): their claims get side null even when a demonym
/// qualifies them ("Israeli media"), unless they are state organs
/// ("state media").
pub fn unaffiliated_head(w: &str) -> bool {
    matches!(
        w,
        "media"
            | "outlet"
            | "outlets"
            | "newspaper"
            | "newspapers"
            | "daily"
            | "reporter"
            | "reporters"
            | "journalist"
            | "journalists"
            | "correspondent"
            | "correspondents"
            | "report"
            | "reports"
            | "press"
            | "residents"
            | "witnesses"
            | "eyewitnesses"
            | "locals"
            | "villagers"
            | "scholars"
            | "researchers"
            | "research"
            | "study"
            | "analysts"
            | "experts"
            | "observers"
            | "observatory"
            | "monitors"
            | "survivors"
            | "relatives"
            | "families"
            | "activists"
            | "reuters"
            | "ap"
            | "afp"
            | "bbc"
            | "cnn"
    )
}

/// Words that name an office or rank rather than a person; they are not
/// remembered as names ("Prime Minister Shehbaz Sharif" remembers "Shehbaz"
/// and "Sharif").
pub fn title_word(w: &str) -> bool {
    matches!(
        w,
        "minister"
            | "ministry"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "president"
            | "prime"
            | "governor"
            | "general"
            | "lieutenant"
            | "lt"
            | "gen"
            | "commander"
            | "chief"
            | "head"
            | "director"
            | "secretary"
            | "ambassador"
            | "envoy"
            | "official"
            | "deputy"
            | "senior"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "marshal"
            | "air"
            | "colonel"
            | "col"
            | "major"
            | "maj"
            | "captain"
            | "capt"
            | "brigadier"
            | "admiral"
            | "mayor"
            | "foreign"
            | "defence"
            | "defense"
            | "information"
            | "interior"
            | "army"
            | "military"
            | "regional"
            | "provincial"
            | "district"
            | "former"
            | "the"
            | "a"
            | "an"
            | "of"
            | "for"
            | "and"
            | "government"
            | "state"
            | "sheikh"
            | "king"
            | "queen"
            | "prince"
            | "emir"
            | "sir"
            | "vice"
            | "supreme"
            | "leader"
            | "media"
            | "wing"
            | "affairs"
            | "press"
            | "office"
            | "council"
            | "national"
            | "security"
            | "adviser"
            | "advisor"
            | "in"
            | "on"
            | "at"
            | "mp"
            | "senator"
            | "sen"
            | "gov"
    )
}

/// Title nouns that mark a claimant as an official or organ (resolved by
/// the anaphora rules: "the ministry", "the army", "the spokesperson").
pub fn organ_head(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "army"
            | "military"
            | "government"
            | "statement"
            | "spokesman"
            | "spokesperson"
            | "spokeswoman"
            | "group"
            | "official"
            | "officials"
            | "authorities"
            | "forces"
            | "office"
            | "department"
            | "directorate"
            | "administration"
            | "command"
            | "force"
            | "agency"
            | "mission"
            | "minister"
            | "movement"
            | "wing"
            | "police"
            | "militia"
            | "regime"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_map_to_categories() {
        assert_eq!(active_verb("killing"), Some(Category::Killed));
        assert_eq!(active_verb("seized"), Some(Category::Captured));
        assert_eq!(active_verb("intercepted"), Some(Category::Downed));
        assert_eq!(passive_word("martyred"), Some(Category::Killed));
        assert_eq!(passive_word("crashed"), Some(Category::Downed));
        assert_eq!(outcome_noun("injuries"), Some(Category::Injured));
        assert_eq!(nominal_of("deaths"), Some(Category::Killed));
        assert_eq!(active_verb("said"), None);
    }

    #[test]
    fn heads_map_to_kinds() {
        assert_eq!(head_kind("troops"), Some(Kind::Soldiers));
        assert_eq!(head_kind("militants"), Some(Kind::Fighters));
        assert_eq!(head_kind("jets"), Some(Kind::Aircraft));
        assert_eq!(head_kind("checkposts"), Some(Kind::Posts));
        assert_eq!(head_kind("provinces"), None);
    }

    #[test]
    fn speech_and_sources() {
        assert!(speech_verb("told") && speech_verb("claimed") && !speech_verb("killed"));
        assert!(denial_verb("rejected") && !denial_verb("said"));
        assert!(anonymous_head("officials") && !anonymous_head("ministry"));
        assert!(unaffiliated_head("media") && !unaffiliated_head("army"));
    }
}

/// Bit flags telling which rules a word can matter to. Every token is
/// classified once, with one hash lookup, so that the rules only look
/// closely at the few tokens that can concern them (a long `match` on
/// strings per token per rule was the extractor's largest cost).
pub(crate) mod class {
    /// Can start a number expression ("two", "dozens", "several").
    pub const NUMBER: u16 = 1 << 0;
    /// Every time expression holds a digit or one of these words.
    pub const TIME: u16 = 1 << 1;
    /// Names a use of force or its toll.
    pub const EVENT: u16 = 1 << 2;
    /// Can start an event trigger ([`crate::events::TRIGGER_WORDS`]).
    pub const TRIGGER: u16 = 1 << 3;
    /// A speech verb.
    pub const SPEECH: u16 = 1 << 4;
    /// "according", "quoting", "citing", "quoted": attribution words.
    pub const ATTRIB: u16 = 1 << 5;
}

pub(crate) const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "telling",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "stated",
    "states",
    "stating",
    "announced",
    "announces",
    "announcing",
    "reported",
    "reports",
    "reporting",
    "noted",
    "notes",
    "noting",
    "added",
    "adds",
    "adding",
    "confirmed",
    "confirms",
    "confirming",
    "denied",
    "denies",
    "deny",
    "denying",
    "disclosed",
    "discloses",
    "revealed",
    "reveals",
    "admitted",
    "admits",
    "admitting",
    "acknowledged",
    "acknowledges",
    "maintained",
    "maintains",
    "insisted",
    "insists",
    "asserted",
    "asserts",
    "asserting",
    "alleged",
    "alleges",
    "estimated",
    "estimates",
    "estimating",
    "wrote",
    "tweeted",
    "declared",
    "explained",
    "accused",
    "accuses",
    "accusing",
    "dismissed",
    "rejected",
    "rejects",
    "put",
    "puts",
    "quoted",
    "informed",
    "briefed",
    "warned",
    "recorded",
    "counted",
    "documented",
    "verified",
    "showed",
    "show",
    "shows",
];

/// Words that can begin a number expression, besides digits.
const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "lakh",
    "lakhs",
    "lac",
    "lacs",
    "crore",
    "crores",
    "dozen",
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "tens",
    "several",
    "few",
    "couple",
    "half",
    "any",
    "no",
];

/// Words of which every time expression without digits holds one.
const TIME_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "overnight",
    "night",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "day",
    "days",
    "ago",
    "morning",
    "afternoon",
    "evening",
    "midnight",
    "hours",
    "autumn",
    "fall",
    "spring",
    "summer",
    "winter",
    "dawn",
    "mid",
    "wee",
];

/// Words for a use of force or its toll (they move the story's running date).
const EVENT_WORDS: &[&str] = &[
    "attack",
    "attacks",
    "attacked",
    "strike",
    "strikes",
    "struck",
    "airstrikes",
    "clash",
    "clashes",
    "clashed",
    "fighting",
    "fought",
    "shelling",
    "raid",
    "bombing",
    "offensive",
    "operation",
    "operations",
    "killed",
    "hostilities",
    "assault",
    "battle",
    "fire",
];

/// The words with [`class`] flags, and a bit for the shape of each (its
/// length, first and last byte): most words of a text have a shape no listed
/// word has, and are answered without hashing them.
struct Vocabulary {
    flags: FxHashMap<&'static str, u16>,
    shapes: Vec<u64>,
}

impl Vocabulary {
    /// The longest word whose shape has a bit; longer words are looked up.
    const SHAPED: usize = 24;

    /// The shape bit of `w`, or `None` for a word too long or empty. Bytes
    /// fold to five bits (all letters stay apart; other bytes may share).
    fn shape(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) if b.len() <= Self::SHAPED => {
                Some(b.len() << 10 | usize::from(first & 31) << 5 | usize::from(last & 31))
            }
            _ => None,
        }
    }

    fn flags(&self, w: &str) -> u16 {
        if let Some(bit) = Self::shape(w)
            && self
                .shapes
                .get(bit / 64)
                .is_none_or(|word| word & (1 << (bit % 64)) == 0)
        {
            return 0;
        }
        self.flags.get(w).copied().unwrap_or(0)
    }
}

// FxHash: these keys are our own word lists, not attacker-chosen, and
// SipHash showed up at 5% of the extractor's time.
static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut flags: FxHashMap<&'static str, u16> = FxHashMap::default();
    let lists: [(&[&'static str], u16); 6] = [
        (NUMBER_WORDS, class::NUMBER),
        (TIME_WORDS, class::TIME),
        (EVENT_WORDS, class::EVENT),
        (crate::events::TRIGGER_WORDS, class::TRIGGER),
        (SPEECH_WORDS, class::SPEECH),
        (&["according", "quoting", "citing", "quoted"], class::ATTRIB),
    ];
    let mut shapes = vec![0u64; ((Vocabulary::SHAPED + 1) << 10) / 64];
    for (words, flag) in lists {
        for &w in words {
            *flags.entry(w).or_insert(0) |= flag;
            if let Some(bit) = Vocabulary::shape(w)
                && let Some(word) = shapes.get_mut(bit / 64)
            {
                *word |= 1 << (bit % 64);
            }
        }
    }
    Vocabulary { flags, shapes }
});

/// The [`class`] flags of a lower-case word (0 for most words).
pub(crate) fn class(w: &str) -> u16 {
    VOCABULARY.flags(w)
}
