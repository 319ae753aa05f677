//! Events: who did what to whom, where and when (SPEC section 2.2).
//!
//! # What it extracts
//!
//! A **trigger** word names what happened: a use of force ("air strikes",
//! "shelling", "clashes", "attacked", "shot down", "seized posts"), an
//! accusation ("accused", "blamed"), a denial ("denied", "dismissed"), an
//! appeal ("urged", "called for", "demanded"), a threat ("warned", "vowed"),
//! mediation ("mediated", "facilitating dialogue"), talks ("talks",
//! "visit"), an agreement ("ceasefire", "agreed"), coercion ("crackdown",
//! "expel") or a deployment ("deployed", "reinforcements"). For each
//! trigger the rules read:
//!
//! - **actor1**, who acts: the side named right before a nominal trigger
//!   ("Pakistani air strikes", "an overnight Taliban attack"), after "by"
//!   ("an attack by RSF forces"), or the subject of the clause ("Pakistan
//!   carried out air strikes"; "its forces" is the speaker's side);
//! - **actor2**, who is acted on: the first other side after the trigger
//!   ("strikes on Kabul", "targeting Pakistani army posts", "accused
//!   Pakistan"), or the owner of the people the sentence counts as killed;
//! - for clashes with no initiator ("fresh clashes along the
//!   Afghanistan-Pakistan border", "the two sides traded fire"), one event
//!   with both sides as actor1 and no actor2;
//! - the **mode** of an `ASSAULT` from the words around the trigger (air,
//!   drone → aerial; shelling, mortar, missile, rocket → artillery; clash,
//!   fighting, raid, posts seized → ground; blast, IED → explosives);
//!   "missiles and drones" gives one event per mode;
//! - **places**: the capitals and places named in the clause;
//! - the **date**: the time expression nearest the trigger, else the
//!   speech date ("said on Sunday"), else, for uses of force, the story's
//!   running date; standing positions ("Pakistan accuses India of …") stay
//!   undated;
//! - **negation**: "denied carrying out strikes", "did not attack".
//!
//! Within a document, mentions with the same type, actors, mode, date and
//! places are one event (SPEC 2.2).
//!
//! # Example sentence
//!
//! "Freedonia carried out air strikes on Sylvania's capital overnight." gives
//! `ASSAULT aerial`, actor1 Freedonia, actor2 Sylvania, dated the day before
//! publication.
//!
//! # Known misses
//! - Habitual or generic uses of force ("has previously struck", "in the
//!   past") are skipped, which also drops some real ones.
//! - Places are only those the side dictionary knows (capitals, countries)
//!   until the place gazetteer is wired in.
//! - Requests and threats phrased without a trigger verb ("Pakistan should
//!   expel …") are missed.

use std::rc::Rc;

use jiff::civil::Date;
use sitrep_gazetteer::{MentionKind, PlaceMention, SideMention};
use sitrep_model::{Actor, Claim, Event, EventType, Evidence, Mode, PartialDate, Place, Side};

use crate::attribution::Attribution;
use crate::claims::{DocState, Speaker, current, is_speech_time, is_state_kind};
use crate::dates::{TimeExpr, TimeRelation};
use crate::sentence::Sent;
use crate::tokens::TokenKind;

/// What a trigger word starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// A noun ("strikes", "clashes"): the agent precedes it or follows "by".
    Noun,
    /// A verb ("attacked", "accused"): the agent is the clause's subject.
    Verb,
}

/// A trigger found in a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trig {
    /// Token index.
    at: usize,
    /// Tokens the trigger spans.
    len: usize,
    kind: EventType,
    shape: Shape,
    /// Mutual by nature ("clashes", "fighting", "traded fire").
    mutual: bool,
    /// Shooting down or intercepting: the thing downed says who attacked.
    downing: bool,
}

/// Every word that can start a trigger: [`trigger_at`] looks only at tokens
/// classified with one of these (a debug assertion keeps the list whole).
pub(crate) const TRIGGER_WORDS: &[&str] = &[
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "raid",
    "raids",
    "attack",
    "attacks",
    "offensive",
    "assault",
    "shelling",
    "bombardment",
    "bombardments",
    "bombing",
    "bombings",
    "counterstrikes",
    "counterattacks",
    "counteroffensive",
    "counterattack",
    "counterstrike",
    "incursion",
    "incursions",
    "explosions",
    "explosion",
    "blast",
    "blasts",
    "clashes",
    "clash",
    "fighting",
    "hostilities",
    "skirmishes",
    "exchanges",
    "fire",
    "struck",
    "attacked",
    "shelled",
    "bombed",
    "targeted",
    "targeting",
    "pounded",
    "raided",
    "invaded",
    "fired",
    "launched",
    "hit",
    "seized",
    "captured",
    "overran",
    "taken",
    "took",
    "clashed",
    "fought",
    "shot",
    "brought",
    "downed",
    "intercepted",
    "accused",
    "accuses",
    "accuse",
    "accusing",
    "blamed",
    "blames",
    "blaming",
    "denounced",
    "denounces",
    "condemned",
    "condemns",
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "refuted",
    "urged",
    "urges",
    "urging",
    "demanded",
    "demands",
    "appealed",
    "called",
    "calls",
    "calling",
    "requests",
    "request",
    "suggested",
    "suggests",
    "warned",
    "warns",
    "warn",
    "threatened",
    "threatens",
    "threaten",
    "vowed",
    "vows",
    "vow",
    "ultimatum",
    "warning",
    "war",
    "mediated",
    "mediating",
    "mediate",
    "mediation",
    "brokered",
    "facilitating",
    "facilitate",
    "talks",
    "negotiations",
    "visit",
    "operation",
    "operations",
    "visited",
    "met",
    "ceasefire",
    "truce",
    "agreed",
    "crackdown",
    "expel",
    "expelled",
    "expelling",
    "deported",
    "deporting",
    "sanctions",
    "sealed",
    "closed",
    "relocated",
    "evacuated",
    "airlifted",
    "aid",
    "deployed",
    "deploying",
    "reinforcements",
    "mobilised",
    "mobilized",
];

impl Trig {
    /// Whether events of this trigger's type record where they happened.
    pub(crate) fn has_places(&self) -> bool {
        matches!(
            self.kind,
            EventType::Assault
                | EventType::Consult
                | EventType::Aid
                | EventType::Coerce
                | EventType::Mobilize
        )
    }
}

/// The triggers of a sentence, in order.
pub(crate) fn triggers(s: &Sent<'_>) -> Vec<Trig> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < s.len() {
        if !s.has(k, crate::lexicon::class::TRIGGER) {
            debug_assert!(
                trigger_at(s, k).is_none(),
                "{:?} triggers but is not in TRIGGER_WORDS",
                s.w(k)
            );
            k += 1;
            continue;
        }
        match trigger_at(s, k) {
            Some(t) => {
                k += t.len;
                out.push(t);
            }
            None => k += 1,
        }
    }
    out
}

/// The trigger starting at token `k`, if any.
fn trigger_at(s: &Sent<'_>, k: usize) -> Option<Trig> {
    use EventType::*;
    let w = s.w(k);
    let next = s.w(k + 1);
    let prev = s.w_at(k, -1);
    let t = |kind, shape, mutual| {
        Some(Trig {
            at: k,
            len: 1,
            kind,
            shape,
            mutual,
            downing: false,
        })
    };
    match w {
        "strike" | "strikes" | "airstrike" | "airstrikes" | "raid" | "raids" | "attack"
        | "attacks" | "offensive" | "assault" | "shelling" | "bombardment" | "bombardments"
        | "bombing" | "bombings" | "counterstrikes" | "counterattacks" | "counteroffensive"
        | "counterattack" | "counterstrike" | "incursion" | "incursions" | "explosions"
        | "explosion" | "blast" | "blasts" => {
            if matches!(prev, "hunger" | "terror" | "heart")
                || (k.saturating_sub(3)..k).any(|j| s.w(j) == "responsibility")
            {
                return None;
            }
            t(Assault, Shape::Noun, false)
        }
        "clashes" | "clash" | "fighting" | "hostilities" | "skirmishes" | "exchanges" => {
            t(Assault, Shape::Noun, true)
        }
        "fire"
            if matches!(prev, "traded" | "exchanged" | "trading" | "exchanging")
                || (matches!(
                    s.w_at(k, -2),
                    "traded" | "exchanged" | "trading" | "exchanging"
                ) && matches!(
                    prev,
                    "heavy" | "intense" | "artillery" | "mortar" | "small-arms"
                )) =>
        {
            t(Assault, Shape::Noun, true)
        }
        "fire" if matches!(prev, "mortar" | "artillery" | "rocket" | "tank" | "sniper") => {
            t(Assault, Shape::Noun, false)
        }
        "struck" | "attacked" | "shelled" | "bombed" | "targeted" | "targeting" | "pounded"
        | "raided" | "invaded" => t(Assault, Shape::Verb, false),
        // "fired 70 missiles at", "launched hundreds of drones at Ukraine".
        "fired" | "launched"
            if (k + 1..(k + 5).min(s.len())).any(|j| {
                matches!(
                    s.w(j),
                    "missiles" | "missile" | "rockets" | "shells" | "drones" | "drone"
                )
            }) =>
        {
            t(Assault, Shape::Verb, false)
        }
        "hit"
            if matches!(
                prev,
                "missiles"
                    | "missile"
                    | "drones"
                    | "drone"
                    | "rocket"
                    | "rockets"
                    | "shells"
                    | "fire"
            ) =>
        {
            t(Assault, Shape::Verb, false)
        }
        "seized" | "captured" | "overran"
            if (k + 1..(k + 5).min(s.len())).any(|j| {
                matches!(
                    s.w(j),
                    "control"
                        | "posts"
                        | "post"
                        | "positions"
                        | "camp"
                        | "town"
                        | "base"
                        | "bases"
                        | "checkpoints"
                )
            }) =>
        {
            t(Assault, Shape::Verb, false)
        }
        "taken" | "took" if next == "control" => t(Assault, Shape::Verb, false),
        "clashed" | "fought" => t(Assault, Shape::Verb, true),
        "shot" | "brought" if next == "down" => Some(Trig {
            at: k,
            len: 2,
            kind: Assault,
            shape: Shape::Verb,
            mutual: false,
            downing: true,
        }),
        "downed" | "intercepted" if !matches!(prev, "the" | "its" | "their") => Some(Trig {
            at: k,
            len: 1,
            kind: Assault,
            shape: Shape::Verb,
            mutual: false,
            downing: true,
        }),
        "accused" | "accuses" | "accuse" | "accusing" | "blamed" | "blames" | "blaming"
        | "denounced" | "denounces" | "condemned" | "condemns" => {
            if w.starts_with("blame") && next == "on" {
                return None;
            }
            t(Accuse, Shape::Verb, false)
        }
        "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "dismissed"
        | "dismisses" | "refuted" => t(Reject, Shape::Verb, false),
        "urged" | "urges" | "urging" | "demanded" | "demands" | "appealed" => {
            t(Request, Shape::Verb, false)
        }
        "called" | "calls" | "calling" if matches!(next, "for" | "on") => {
            t(Request, Shape::Verb, false)
        }
        "requests" | "request" if next == "from" => t(Request, Shape::Noun, false),
        "suggested" | "suggests" if s.w(k + 2) == "should" || s.w(k + 3) == "should" => {
            t(Request, Shape::Verb, false)
        }
        "warned" | "warns" | "warn" | "threatened" | "threatens" | "threaten" | "vowed"
        | "vows" | "vow" | "ultimatum" => t(Threaten, Shape::Verb, false),
        "warning"
            if !matches!(prev, "travel" | "early" | "weather")
                && !s.w_at(k, -1).ends_with("ing") =>
        {
            t(Threaten, Shape::Verb, false)
        }
        "war" if matches!(prev, "open" | "declared" | "declare") => t(Threaten, Shape::Noun, false),
        "mediated" | "mediating" | "mediate" | "mediation" | "brokered" => {
            t(Mediate, Shape::Verb, false)
        }
        "facilitating" | "facilitate" if matches!(next, "dialogue" | "talks" | "negotiations") => {
            t(Mediate, Shape::Verb, false)
        }
        "talks" | "negotiations" if !matches!(prev, "he" | "she" | "it") => {
            t(Consult, Shape::Noun, false)
        }
        // "the foreign minister's visit to India": a noun after a possessive.
        "visit" => t(Consult, Shape::Noun, false),
        "visited" | "met" => t(Consult, Shape::Verb, false),
        // "an intelligence-based operation": a use of force when qualified so.
        "operation" | "operations"
            if matches!(
                prev,
                "based"
                    | "military"
                    | "counter-terrorism"
                    | "counterterrorism"
                    | "ground"
                    | "security"
                    | "clearance"
                    | "search"
                    | "retaliatory"
                    | "offensive"
            ) =>
        {
            t(Assault, Shape::Noun, false)
        }
        "ceasefire" | "truce" => t(Agree, Shape::Noun, false),
        "agreed" if matches!(next, "to" | "on") => t(Agree, Shape::Verb, false),
        "crackdown" | "expel" | "expelled" | "expelling" | "deported" | "deporting"
        | "sanctions" | "sealed" | "closed" => {
            if matches!(prev, "should" | "would" | "could" | "must" | "to" | "will") {
                return None;
            }
            if matches!(w, "sealed" | "closed")
                && !(k + 1..(k + 4).min(s.len()))
                    .any(|j| matches!(s.w(j), "border" | "crossing" | "crossings" | "airspace"))
            {
                return None;
            }
            t(Coerce, Shape::Verb, false)
        }
        "relocated" | "evacuated" | "airlifted" => t(Aid, Shape::Verb, false),
        "aid"
            if matches!(
                prev,
                "humanitarian" | "delivered" | "sent" | "food" | "medical"
            ) =>
        {
            t(Aid, Shape::Noun, false)
        }
        "deployed" | "deploying" | "reinforcements" | "mobilised" | "mobilized" => {
            t(Mobilize, Shape::Verb, false)
        }
        _ => None,
    }
}

/// Words that make a use of force habitual or generic: no event.
fn habitual(s: &Sent<'_>) -> bool {
    (0..s.len()).any(|k| {
        matches!(
            s.w(k),
            "previously" | "periodically" | "occasionally" | "frequently" | "often" | "routinely"
        ) || (s.w(k) == "in" && s.w(k + 1) == "the" && s.w(k + 2) == "past")
    })
}

/// Mode words near a use of force.
fn mode_word(w: &str) -> Option<Mode> {
    Some(match w {
        "air" | "airstrike" | "airstrikes" | "drone" | "drones" | "warplanes" | "jets"
        | "bombing" | "bombed" | "bombings" => Mode::Aerial,
        "shelling" | "shelled" | "mortar" | "mortars" | "artillery" | "missile" | "missiles"
        | "rocket" | "rockets" | "shells" | "s-400" => Mode::Artillery,
        "clashes" | "clash" | "clashed" | "fighting" | "fought" | "raid" | "raids" | "gunfire"
        | "fire" | "ground" | "weapons" | "firing" | "skirmishes" | "offensive" | "incursion"
        | "repelled" | "repulsed" | "repelling" | "repulsing" | "cross-border" => Mode::Ground,
        "blast" | "blasts" | "ied" | "suicide" | "bomb" | "explosives" => Mode::Explosives,
        _ => return None,
    })
}

/// The clause around token `k`: `[left, right)`.
fn clause(s: &Sent<'_>, k: usize) -> (usize, usize) {
    let mut left = k;
    while left > 0 {
        let w = s.w(left - 1);
        if matches!(
            w,
            ";" | ":"
                | "—"
                | "that"
                | "while"
                | "after"
                | "but"
                | "when"
                | "although"
                | "which"
                | "who"
                | "|"
                | "prompting"
                | "following"
        ) {
            break;
        }
        if w == "as"
            && !(s.w_at(left, -2) == "well" && s.w_at(left, -3) == "as")
            && s.w(left) != "well"
        {
            break;
        }
        left -= 1;
    }
    let mut right = k + 1;
    while right < s.len() {
        let w = s.w(right);
        if matches!(
            w,
            ";" | "."
                | "—"
                | "while"
                | "but"
                | "although"
                | "which"
                | "who"
                | "after"
                | "before"
                | "when"
                | "prompting"
                | "|"
                | "“"
                | "”"
        ) {
            break;
        }
        // "as" joins clauses, except in "as well as" and "described as".
        let comparison = matches!(s.w_at(right, -1), "well" | "such" | "known" | "same")
            || s.w_at(right, -1).ends_with("ed");
        if w == "as" && s.w(right + 1) != "well" && !comparison {
            break;
        }
        right += 1;
    }
    (left, right)
}

/// A side mention that does not name an actor: "Pakistan-based militants",
/// "India-backed groups".
fn locative_compound(s: &Sent<'_>, m: &SideMention) -> bool {
    let e = s.tok_end(m.end);
    s.w(e) == "-"
        && matches!(
            s.w(e + 1),
            "based"
                | "backed"
                | "linked"
                | "aligned"
                | "allied"
                | "administered"
                | "controlled"
                | "held"
                | "occupied"
                | "run"
                | "made"
                | "mediated"
        )
}

fn actor(text: &str, sides: Vec<Side>) -> Option<Actor> {
    if sides.is_empty() {
        return None;
    }
    Some(Actor {
        text: text.trim().to_string(),
        sides,
    })
}

/// The speaker side of the sentence, for "its forces", "it".
fn speaker_side(speakers: &[Option<Rc<Speaker>>], state: &DocState) -> Option<Side> {
    speakers
        .iter()
        .flatten()
        .find_map(|sp| sp.side.clone())
        .or_else(|| state.last_speaker.as_ref().and_then(|sp| sp.side.clone()))
}

/// The two parties most mentioned in the document ("both sides", "the two
/// neighbours"), sorted.
fn main_pair(state: &DocState) -> Vec<Side> {
    state.main_pair.clone()
}

/// Computes the two parties most mentioned in the document, sorted; empty
/// when there are fewer than two.
pub(crate) fn compute_main_pair(party_sides: &[(Side, usize)]) -> Vec<Side> {
    let mut sides: Vec<&(Side, usize)> = party_sides.iter().collect();
    // Stable: ties keep first-seen order.
    sides.sort_by_key(|s| std::cmp::Reverse(s.1));
    let mut out: Vec<Side> = sides.into_iter().take(2).map(|(s, _)| s.clone()).collect();
    if out.len() < 2 {
        return Vec::new();
    }
    out.sort();
    out
}

/// The other party of the main pair.
fn other_party(state: &DocState, sides: &[Side]) -> Option<Side> {
    let pair = main_pair(state);
    if pair.len() != 2 || sides.len() != 1 || !pair.contains(&sides[0]) {
        return None;
    }
    pair.into_iter().find(|x| *x != sides[0])
}

/// "both sides", "the two countries", "the two neighbours", "both nations".
fn pair_phrase(s: &Sent<'_>, a: usize, b: usize) -> bool {
    let group = |w: &str| {
        matches!(
            w,
            "sides"
                | "countries"
                | "neighbours"
                | "neighbors"
                | "nations"
                | "governments"
                | "parties"
        )
    };
    (a..b).any(|k| {
        let w = s.w(k);
        (matches!(w, "both" | "two") && group(s.w(k + 1))) || (w == "two" && group(s.w(k + 2)))
    })
}

/// Words after an appeal that address the fighting parties as a whole.
fn addresses_the_fighting(s: &Sent<'_>, a: usize, b: usize) -> bool {
    (a..b.min(a + 8)).any(|k| {
        matches!(
            s.w(k),
            "fighting"
                | "conflict"
                | "de"
                | "de-escalation"
                | "restraint"
                | "dialogue"
                | "ceasefire"
                | "halt"
                | "truce"
                | "calm"
        )
    })
}

/// Every distinct side named in `a..b`, skipping "Pakistan-based" compounds.
fn sides_in(s: &Sent<'_>, a: usize, b: usize) -> Vec<(Side, usize)> {
    let mut out: Vec<(Side, usize)> = Vec::new();
    for m in s.mentions_in(a, b) {
        if locative_compound(s, m) {
            continue;
        }
        if !out.iter().any(|(x, _)| *x == m.side) {
            out.push((m.side.clone(), s.tok_at(m.start)));
        }
    }
    out
}

fn mention_text(s: &Sent<'_>, m: &SideMention) -> String {
    s.text.get(m.start..m.end).unwrap_or("").to_string()
}

/// "X and Y" starting with the mention at token `k`: every side joined by "and".
fn coordinated_sides(s: &Sent<'_>, m: &SideMention) -> (Vec<Side>, usize) {
    let mut last_end = m.end;
    let mut sides = vec![m.side.clone()];
    let mut e = s.tok_end(m.end);
    loop {
        // "both the group and Kabul", "Qatar and Saudi Arabia", "the U.S. and Western allies"
        while matches!(
            s.w(e),
            "forces" | "army" | "military" | "government" | "group"
        ) {
            e += 1;
        }
        if s.w(e) != "and" {
            break;
        }
        let mut j = if s.w(e + 1) == "the" { e + 2 } else { e + 1 };
        // "Afghan Taliban and India-backed Kharijite militants"
        if let Some(m2) = s.mention_at(j).filter(|m2| locative_compound(s, m2)) {
            j = s.tok_end(m2.end) + 2;
        }
        match s.mention_at(j) {
            Some(m2) => {
                if !sides.contains(&m2.side) {
                    sides.push(m2.side.clone());
                }
                e = s.tok_end(m2.end);
                last_end = m2.end;
            }
            None => break,
        }
    }
    sides.sort();
    (sides, last_end)
}

/// The sides of a coordinated phrase starting with `m`, and its text
/// ("Afghan and Pakistani" for AFG, PAK).
fn coordinated_actor(s: &Sent<'_>, m: &SideMention) -> (String, Vec<Side>) {
    let (sides, end) = coordinated_sides(s, m);
    (s.text.get(m.start..end).unwrap_or("").to_string(), sides)
}

/// The sides of a coordinated phrase starting with `m`.
fn coordinated(s: &Sent<'_>, m: &SideMention) -> Vec<Side> {
    coordinated_sides(s, m).0
}

/// The agent of a trigger.
fn agent(
    s: &Sent<'_>,
    t: &Trig,
    left: usize,
    atts: &[Attribution],
    speakers: &[Option<Rc<Speaker>>],
    state: &DocState,
) -> Option<(String, Vec<Side>)> {
    let after = t.at + t.len;
    // "attack by RSF forces", "requests from Qatar and Saudi Arabia",
    // "carried out by X", "blamed on X".
    let by = if matches!(s.w(after), "by" | "from") {
        Some(after + 1)
    } else {
        (after..s.len().min(after + 16))
            .find(|&j| {
                (s.w(j) == "by" && matches!(s.w_at(j, -1), "out" | "conducted" | "launched"))
                    || (s.w(j) == "on" && matches!(s.w_at(j, -1), "blamed" | "blames"))
            })
            .map(|j| j + 1)
    };
    if let Some(start) = by {
        let start = if s.w(start) == "the" {
            start + 1
        } else {
            start
        };
        if let Some(m) = s.mention_at(start).or_else(|| s.mention_at(start + 1))
            && !locative_compound(s, m)
        {
            return Some(coordinated_actor(s, m));
        }
    }
    // "Qatari-mediated ceasefire".
    if t.kind == EventType::Mediate
        && t.at >= 2
        && s.w(t.at - 1) == "-"
        && let Some(m) = s.mention_at(t.at - 2)
    {
        return Some((mention_text(s, m), vec![m.side.clone()]));
    }
    if t.mutual {
        // "Afghan and Pakistani forces exchanged fire": a coordinated subject
        // names both sides; anything else is left to the caller.
        for k in left..t.at {
            if let Some(m) = s.mention_at(k) {
                let (text, sides) = coordinated_actor(s, m);
                if sides.len() >= 2 {
                    return Some((text, sides));
                }
            }
        }
        return None;
    }
    if t.shape == Shape::Noun {
        // "Pakistani air strikes", "an overnight Taliban attack", "Pakistan's airstrikes".
        let mut k = t.at;
        let mut steps = 0;
        while k > left && steps < 5 {
            k -= 1;
            steps += 1;
            if let Some(m) = s
                .mentions
                .iter()
                .find(|m| s.tok_at(m.start) <= k && s.tok_end(m.end) > k)
            {
                if locative_compound(s, m) {
                    break;
                }
                return Some((mention_text(s, m), vec![m.side.clone()]));
            }
            let w = s.w(k);
            if matches!(w, "its" | "their") {
                return speaker_side(speakers, state).map(|x| (w.to_string(), vec![x]));
            }
            if s.punct(k) && !matches!(w, "-") && s.toks[k].kind != TokenKind::Possessive {
                break;
            }
            if matches!(
                w,
                "in" | "on"
                    | "of"
                    | "at"
                    | "against"
                    | "by"
                    | "for"
                    | "to"
                    | "from"
                    | "with"
                    | "and"
                    | "than"
                    | "the"
                    | "a"
                    | "an"
                    | "these"
                    | "those"
                    | "this"
            ) {
                break;
            }
        }
        if t.mutual {
            return None;
        }
    }
    // A speech verb that is also the trigger ("accused", "denied", "urged"):
    // the attribution already resolved its speaker.
    if let Some(i) = atts.iter().position(|a| a.verb == t.at)
        && let Some(side) = speakers
            .get(i)
            .cloned()
            .flatten()
            .and_then(|sp| sp.side.clone())
    {
        let text = speakers
            .get(i)
            .cloned()
            .flatten()
            .map(|sp| sp.text.clone())
            .unwrap_or_default();
        // "both the group and Kabul deny": keep every coordinated side.
        let (a, b) = atts[i].span;
        let first = s.mentions_in(a, b).next();
        let sides = first
            .map(|m| coordinated(s, m))
            .filter(|v| v.contains(&side))
            .unwrap_or_else(|| vec![side]);
        return Some((text, sides));
    }
    // "accusing Afghanistan of …" after a comma: the sentence's speaker.
    if t.shape == Shape::Verb
        && s.w(t.at).ends_with("ing")
        && s.w_at(t.at, -1) == ","
        && let Some(x) = speaker_side(speakers, state)
    {
        return Some(("(the speaker)".to_string(), vec![x]));
    }
    // The clause's subject: "Pakistan carried out air strikes", "its forces
    // killed"; past a speaker's "X said" inside the clause.
    let subject_from = atts
        .iter()
        .filter(|a| {
            a.verb >= left && a.verb < t.at && a.form != crate::attribution::Form::Participle
        })
        .map(|a| a.verb + 1)
        .max()
        .unwrap_or(left);
    for k in subject_from..t.at {
        let w = s.w(k);
        if matches!(w, "its" | "their" | "it" | "they")
            && !(k > left && s.w(k - 1) == "of")
            && let Some(x) = speaker_side(speakers, state)
        {
            return Some((s.span_text(k, (k + 2).min(t.at)).to_string(), vec![x]));
        }
        if let Some(m) = s.mention_at(k) {
            if locative_compound(s, m) {
                continue;
            }
            // Skip a location or complement: "In Pakistan, …", "between
            // Kabul and Islamabad", "insurrections of the Pakistani military".
            let before = if k > 0 && s.w(k - 1) == "the" {
                k - 1
            } else {
                k
            };
            if before > 0
                && matches!(
                    s.w(before - 1),
                    "in" | "on"
                        | "at"
                        | "into"
                        | "against"
                        | "of"
                        | "from"
                        | "inside"
                        | "between"
                        | "with"
                        | "to"
                )
            {
                continue;
            }
            return Some(coordinated_actor(s, m));
        }
        if s.cap(k)
            && let Some(side) = state.names.get(s.raw(k))
        {
            return Some((s.raw(k).to_string(), vec![side.clone()]));
        }
    }
    // "the RSF claimed to have seized …": the speaker is the subject too.
    if subject_from > left
        && s.w(subject_from) == "to"
        && let Some(m) = s
            .mentions_in(left, subject_from)
            .find(|m| !locative_compound(s, m))
    {
        return Some(coordinated_actor(s, m));
    }
    // "the Pakistani military said security forces killed …": the forces of
    // a state speaking about its own operation.
    if (subject_from..t.at).any(|k| {
        matches!(
            s.w(k),
            "forces" | "troops" | "army" | "military" | "soldiers"
        )
    }) && (subject_from..t.at).all(|k| s.mention_at(k).is_none())
        && let Some(sp) = speakers.iter().flatten().next()
        && let Some(side) = sp.side.clone()
    {
        return Some((sp.text.clone(), vec![side]));
    }
    // "X denied … but warned Y": the sentence's subject.
    if t.shape == Shape::Verb && left > 0 {
        for k in 0..left {
            if let Some(m) = s.mention_at(k)
                && !locative_compound(s, m)
                && !(k > 0 && matches!(s.w(k - 1), "in" | "on" | "at" | "of"))
            {
                return Some((mention_text(s, m), vec![m.side.clone()]));
            }
        }
    }
    None
}

/// The patient of a trigger: the first other side named after it.
fn patient(
    s: &Sent<'_>,
    t: &Trig,
    right: usize,
    agent_sides: &[Side],
    state: &DocState,
) -> Option<(String, Vec<Side>)> {
    let start = t.at + t.len;
    let mut k = start;
    while k < right {
        // ", a district along Afghanistan's Paktika": an appositive describes
        // a place; it does not name the target.
        if s.w(k) == "," && matches!(s.w(k + 1), "a" | "an" | "which" | "who") {
            break;
        }
        if matches!(s.w(k), "by" | "from") && k == start {
            // The agent phrase: skip it.
            k += 1;
            while k < right && !matches!(s.w(k), "," | "on" | "against" | "in" | "at" | "into") {
                k += 1;
            }
            continue;
        }
        if let Some(m) = s.mention_at(k)
            && !agent_sides.contains(&m.side)
            && !locative_compound(s, m)
        {
            return Some(coordinated_actor(s, m));
        }
        // "dismissed Singh's claims"
        if s.cap(k)
            && k > start
            && let Some(side) = state.names.get(s.raw(k))
            && !agent_sides.contains(side)
        {
            return Some((s.raw(k).to_string(), vec![side.clone()]));
        }
        k += 1;
    }
    None
}

/// For a downing, the owner of what was downed and whether it was an
/// attack by drones or missiles (reverses the roles: the owner attacked).
fn downed_thing(s: &Sent<'_>, t: &Trig, right: usize) -> Option<(Option<Side>, Mode)> {
    // "747 drones were shot down": the thing comes before a passive.
    let passive = matches!(s.w_at(t.at, -1), "were" | "was" | "been" | "are");
    let (start, end) = if passive {
        (t.at.saturating_sub(10), t.at)
    } else {
        (t.at + t.len, right.min(t.at + t.len + 10))
    };
    let mut owner = None;
    for k in start..end {
        if owner.is_none() {
            owner = s.mention_at(k).map(|m| m.side.clone());
        }
        match s.w(k) {
            "drone" | "drones" | "uavs" => return Some((owner, Mode::Aerial)),
            "missile" | "missiles" | "rockets" | "rocket" => return Some((owner, Mode::Artillery)),
            "jets" | "jet" | "aircraft" | "planes" | "fighter" | "fighters" | "helicopter" => {
                return None;
            }
            _ => {}
        }
    }
    None
}

/// Where a clause says something happened: the places it names after the
/// trigger, or before it after a locative preposition ("In Kabul, …"),
/// resolved with the story's countries first; capitals come from the side
/// dictionary when the gazetteer has no better reading. Most specific first;
/// each keeps the spelling of the article.
fn places(
    s: &Sent<'_>,
    t: &Trig,
    left: usize,
    right: usize,
    place_mentions: &[PlaceMention],
    state: &DocState,
) -> Vec<Place> {
    let (lo, hi) = match (
        s.toks.get(left),
        right.checked_sub(1).and_then(|i| s.toks.get(i)),
    ) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => return Vec::new(),
    };
    let trigger_start = s.toks.get(t.at).map_or(lo, |tk| tk.start);
    let locative = |k: usize| {
        (k.saturating_sub(3)..k).any(|j| {
            matches!(
                s.w(j),
                "in" | "at"
                    | "near"
                    | "on"
                    | "into"
                    | "around"
                    | "across"
                    | "over"
                    | "of"
                    | "capital"
                    | "city"
                    | "town"
                    | "province"
            )
        })
    };
    let mut out: Vec<Place> = Vec::new();
    for m in place_mentions
        .iter()
        .filter(|m| m.start >= lo && m.end <= hi)
    {
        let k = s.tok_at(m.start);
        if m.start < trigger_start && !locative(k) {
            continue;
        }
        // A capital or country that the side dictionary reads as an actor
        // ("Islamabad said", "Pakistan carried out") is not a place.
        if let Some(side) = s
            .mentions
            .iter()
            .find(|x| x.start == m.start && x.end == m.end)
            && (!locative(k) || side.kind != MentionKind::Capital)
        {
            continue;
        }
        let Some(place) = state.resolve_place(m) else {
            continue;
        };
        let name = s.text.get(m.start..m.end).unwrap_or("").to_string();
        if out.iter().any(|p| p.name == name) {
            continue;
        }
        out.push(Place {
            name: trim_place_noun(&name).to_string(),
            ..place.to_model()
        });
    }
    // "a visit to India", "talks in Turkey": a country is the place of talks.
    if t.kind == EventType::Consult {
        for m in s.mentions_in(t.at + t.len, right) {
            let k = s.tok_at(m.start);
            if m.kind == MentionKind::Country && matches!(s.w_at(k, -1), "to" | "in") {
                let name = s.text.get(m.start..m.end).unwrap_or("").to_string();
                if !out.iter().any(|p| p.name == name) {
                    out.push(Place {
                        name,
                        country: Some(m.side.as_str().to_string()),
                        admin1: None,
                        lat: None,
                        lon: None,
                        precision: Some(sitrep_model::Precision::Country),
                    });
                }
            }
        }
    }
    out.sort_by_key(|p| match p.precision {
        Some(sitrep_model::Precision::Place) | None => 0,
        Some(sitrep_model::Precision::Admin1) => 1,
        Some(sitrep_model::Precision::Country) => 2,
    });
    out
}

/// Whether token `k` is the "the" of "in the city", "near the camp" and the
/// like: a noun that stands for a place named before.
pub(crate) fn place_anaphor_at(s: &Sent<'_>, k: usize) -> bool {
    s.w(k) == "the"
        && matches!(
            s.w(k + 1),
            "city" | "town" | "district" | "area" | "village" | "region" | "camp"
        )
        && matches!(
            s.w_at(k, -1),
            "in" | "of" | "near" | "around" | "across" | "on"
        )
}

/// "in the city", "west of the city", "the district": the last place the
/// story named, when the clause names none.
fn anaphoric_place(s: &Sent<'_>, t: &Trig, right: usize, state: &DocState) -> Option<Place> {
    let anaphor = (t.at.saturating_sub(6)..right).any(|k| place_anaphor_at(s, k));
    if !anaphor {
        return None;
    }
    let p = state.last_place.clone()?;
    Some(Place {
        name: trim_place_noun(&p.name).to_string(),
        ..p
    })
}

/// "Torkham border" → "Torkham": the generic word after a name is not part of it.
fn trim_place_noun(name: &str) -> &str {
    for suffix in [
        " border",
        " crossing",
        " district",
        " province",
        " region",
        " area",
        " city",
        " town",
        " village",
        " camp",
    ] {
        if let Some(stem) = name.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem;
        }
    }
    name
}

fn negated(s: &Sent<'_>, left: usize, at: usize) -> bool {
    (left..at).any(|k| {
        matches!(
            s.w(k),
            "not" | "never" | "denied" | "denies" | "deny" | "rejected"
        ) || s.w(k).ends_with("n't")
    })
}

/// The date of an event: nearest time expression, then speech date, then
/// (for uses of force) the running date.
fn event_date(
    s: &Sent<'_>,
    t: &Trig,
    times: &[TimeExpr],
    atts: &[Attribution],
    state: &DocState,
    published: Option<Date>,
) -> Option<PartialDate> {
    let mut best: Option<(usize, PartialDate)> = None;
    let mut speech = None;
    for tm in times {
        // "since launching operations last week": the start of a period.
        let k = s.tok_at(tm.start);
        let after_since = (k.saturating_sub(6)..k).any(|j| s.w(j) == "since" && j > t.at);
        if tm.relation == TimeRelation::Since || after_since {
            continue;
        }
        if is_speech_time(s, tm, atts) {
            speech.get_or_insert(tm.date);
            continue;
        }
        let d = s.tok_at(tm.start).abs_diff(t.at);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, tm.date));
        }
    }
    if let Some((_, d)) = best {
        return Some(d);
    }
    // "recent air raids": this month.
    if (t.at.saturating_sub(3)..t.at).any(|j| matches!(s.w(j), "recent" | "recently"))
        && let Some(p) = published
    {
        return PartialDate::Day(p).month();
    }
    if t.kind == EventType::Assault {
        // The story's running date; failing that, the publication day
        // (scored within a day: "overnight" is the day before).
        return state
            .last_date
            .filter(|d| current(*d, published))
            .or(speech)
            .or(published.map(PartialDate::Day));
    }
    if speech.is_some() {
        return speech;
    }
    // "Pakistan demanded …", "the minister accused …": a statement in the
    // simple past is news of the day; "Pakistan accuses …" and "has accused"
    // are standing positions and stay undated.
    let w = s.w(t.at);
    let past =
        w.ends_with("ed") && !matches!(s.w_at(t.at, -1), "has" | "have" | "had" | "been" | "be");
    let participle = w.ends_with("ing") && s.w_at(t.at, -1) == ",";
    if past || participle {
        return published.map(PartialDate::Day);
    }
    None
}

/// Extracts the events of one sentence.
#[allow(clippy::too_many_arguments)]
pub(crate) fn sentence_events(
    s: &Sent<'_>,
    atts: &[Attribution],
    speakers: &[Option<Rc<Speaker>>],
    times: &[TimeExpr],
    claims: &[&Claim],
    state: &DocState,
    published: Option<Date>,
    evidence: (usize, usize),
    earlier: &[Event],
    found: &[Trig],
    place_mentions: &[PlaceMention],
) -> Vec<Event> {
    let evidence = Evidence {
        start: evidence.0,
        end: evidence.1,
        quote: String::new(),
    };
    let mut out: Vec<Event> = Vec::new();
    // Background: "has seen clashes since May 2024", "has previously struck".
    let since_period = times.iter().any(|t| t.relation == TimeRelation::Since);
    let habitual = habitual(s);
    for &t in found {
        let mut t = t;
        if t.kind == EventType::Assault {
            // "violence has flared since explosions last week": the
            // explosions are the event, not a background period.
            let since_here = (t.at.saturating_sub(3)..t.at).any(|j| s.w(j) == "since");
            if habitual || (since_period && !since_here) {
                continue;
            }
            // "attacks between the two countries": mutual.
            let explicit = s.w(t.at + 1) == "between";
            if explicit {
                t.mutual = true;
            }
            // "the strikes", "in the clashes", "during clashes in May": a
            // reference to fighting described elsewhere, not a new event.
            let det = s.w_at(t.at, -1);
            if t.shape == Shape::Noun && !explicit {
                if matches!(det, "the" | "these" | "those" | "during" | "amid") {
                    continue;
                }
                if t.mutual && s.kind == crate::sentences::SentenceKind::Heading {
                    continue;
                }
            }
            // "after clashes with army forces": directed at the other party.
            if t.mutual && s.w(t.at + 1) == "with" {
                t.mutual = false;
                t.shape = Shape::Verb;
            }
        }
        let (left, right) = clause(s, t.at);
        // Where it happened: uses of force, talks, aid, coercion and
        // deployments (an accusation's or appeal's places are its object).
        // Resolved once: the target rules below read it too.
        let clause_places = if t.has_places() {
            places(s, &t, left, right, place_mentions, state)
        } else {
            Vec::new()
        };
        let agent = agent(s, &t, left, atts, speakers, state);
        let agent_sides: Vec<Side> = agent.as_ref().map(|a| a.1.clone()).unwrap_or_default();
        let mut patient = if t.mutual {
            None
        } else {
            patient(s, &t, right, &agent_sides, state)
        };
        let mut actor1 = agent.clone();
        let mut mode_override = None;

        if t.mutual && agent.is_none() {
            // "fresh clashes along the Afghanistan-Pakistan border".
            let mut sides: Vec<Side> = sides_in(s, left, right)
                .into_iter()
                .filter(|(x, _)| is_party(s, x))
                .map(|(x, _)| x)
                .collect();
            if sides.len() < 2 {
                sides = main_pair(state);
            }
            sides.sort();
            sides.dedup();
            if sides.len() == 2 {
                actor1 = Some(("both sides".to_string(), sides));
            }
        }
        if t.downing {
            // "air defences intercepted 40 Ukrainian drones": a drone attack by their owner.
            if let Some((owner, mode)) = downed_thing(s, &t, right) {
                let owner = owner.or_else(|| other_party(state, &agent_sides));
                if let Some(owner) = owner {
                    patient = actor1.clone();
                    actor1 = Some((owner.to_string(), vec![owner]));
                    mode_override = Some(mode);
                }
            }
        }
        match t.kind {
            EventType::Agree | EventType::Consult => {
                let explicit = actor1.as_ref().is_some_and(|a| a.1.len() == 2);
                if !explicit
                    && (actor1.is_none()
                        || t.kind == EventType::Agree
                        || pair_phrase(s, left, right))
                {
                    let pair = main_pair(state);
                    if pair.len() == 2 && (t.kind == EventType::Agree || patient.is_none()) {
                        actor1 = Some(("both sides".to_string(), pair));
                        patient = None;
                    }
                }
            }
            EventType::Request | EventType::Mediate
                if (pair_phrase(s, t.at, right.max(t.at + 1))
                    || addresses_the_fighting(s, t.at + 1, right)
                    || (t.kind == EventType::Mediate && patient.is_none())) =>
            {
                let pair = main_pair(state);
                if pair.len() == 2 && !pair.iter().all(|x| agent_sides.contains(x)) {
                    patient = Some(("both sides".to_string(), pair));
                }
            }
            EventType::Reject if patient.is_none() => {
                // "a charge X denies": the accuser; "India denied this
                // assertion": the claimant of the figure.
                // The accusation in this sentence, else the latest one aimed
                // at the denier.
                let aimed_at_agent = |e: &&Event| {
                    e.actor2
                        .as_ref()
                        .is_some_and(|a| a.sides.iter().any(|x| agent_sides.contains(x)))
                };
                patient = out
                    .iter()
                    .rev()
                    .find(|e| e.kind == EventType::Accuse)
                    .or_else(|| {
                        earlier
                            .iter()
                            .rev()
                            .filter(|e| e.kind == EventType::Accuse)
                            .find(aimed_at_agent)
                    })
                    .and_then(|e| e.actor1.clone())
                    .map(|a| (a.text, a.sides))
                    .or_else(|| {
                        claims
                            .iter()
                            .filter_map(|c| c.claimant.as_ref().and_then(|cl| cl.side.clone()))
                            .find(|x| !agent_sides.contains(x))
                            .map(|x| (x.to_string(), vec![x]))
                    });
            }
            EventType::Threaten | EventType::Accuse if patient.is_none() => {
                // "warned of harsher retaliation", "accusing its neighbour of …",
                // "denounced the attack": the other party.
                patient = other_party(state, &agent_sides).map(|x| (x.to_string(), vec![x]));
            }
            EventType::Aid if matches!(s.w_at(t.at, -1), "been" | "was" | "were") => {
                // "refugees had been relocated", said the authorities.
                let moved = s.mentions_in(left, t.at).next().map(|m| m.side.clone());
                let by = speaker_side(speakers, state);
                match (moved, by) {
                    (Some(m), Some(b)) => {
                        actor1 = Some(("(the speaker)".to_string(), vec![b]));
                        patient = Some((m.to_string(), vec![m]));
                    }
                    _ => continue,
                }
            }
            EventType::Aid if patient.is_none() => continue,
            _ => {}
        }
        if actor1.is_none()
            && t.kind == EventType::Assault
            && s.w(t.at) == "shelling"
            && claims.is_empty()
            && patient.is_none()
        {
            // "intense shelling was reported": no stated initiator, so the
            // story's two parties (SPEC 2.2).
            let pair = main_pair(state);
            if pair.len() == 2 {
                actor1 = Some(("both sides".to_string(), pair));
                t.mutual = true;
            }
        }
        if t.kind == EventType::Assault && !t.mutual && patient.is_none() && t.downing {
            // "most of the Pakistani aircraft were downed by India's S-400":
            // the owner named before a passive downing.
            if matches!(s.w_at(t.at, -1), "were" | "was" | "been") {
                patient = s
                    .mentions_in(left, t.at)
                    .find(|m| !agent_sides.contains(&m.side))
                    .map(|m| (mention_text(s, m), vec![m.side.clone()]));
            }
        }
        if t.kind == EventType::Assault && !t.mutual && patient.is_none() && !t.downing {
            // The owner of the people the sentence counts as killed; nobody
            // when they are only civilians of no stated side; else the other
            // party of the story.
            let agent_side = agent_sides.first();
            let owners: Vec<Side> = claims
                .iter()
                .filter_map(|c| c.subject.side.clone())
                .collect();
            // …then the country where it hit ("an apartment building in
            // Bat Yam"); nobody when the only victims are civilians of no
            // stated side; else the other party.
            let located = s
                .mentions_in(t.at + t.len, right)
                .filter(|m| {
                    is_state_kind(m.kind)
                        && matches!(
                            s.w_at(s.tok_at(m.start), -1),
                            "in" | "on" | "inside" | "into" | "across"
                        )
                })
                .map(|m| m.side.clone());
            // Only the first place: later ones are often reference points
            // ("in South Waziristan, a district along Afghanistan's Paktika").
            let here = clause_places
                .first()
                .and_then(|p| p.country.as_deref())
                .and_then(|c| Side::new(c).ok())
                .into_iter()
                .chain(located)
                .find(|x| Some(x) != agent_side);
            patient = owners
                .into_iter()
                .find(|x| Some(x) != agent_side)
                .or(here)
                .map(|x| (x.to_string(), vec![x]));
            if patient.is_none()
                && (claims.is_empty() || claims.iter().any(|c| c.subject.side.is_some()))
            {
                patient = other_party(state, &agent_sides).map(|x| (x.to_string(), vec![x]));
            }
        }
        let Some((a1_text, a1_sides)) = actor1 else {
            continue;
        };
        if a1_sides.is_empty() {
            continue;
        }
        if patient.as_ref().is_some_and(|(_, p)| p == &a1_sides) {
            patient = None;
        }
        // Diplomatic acts need someone acted on, except agreements and talks.
        if matches!(
            t.kind,
            EventType::Accuse
                | EventType::Reject
                | EventType::Request
                | EventType::Threaten
                | EventType::Mediate
        ) && patient.is_none()
        {
            continue;
        }
        let modes: Vec<Option<Mode>> = if t.kind == EventType::Assault {
            match mode_override {
                Some(m) => vec![Some(m)],
                None => assault_modes(s, &t, left, right),
            }
        } else {
            vec![None]
        };
        let date = event_date(s, &t, times, atts, state, published);
        let neg = t.kind == EventType::Assault && negated(s, left, t.at);
        let mut place_list = clause_places;
        if place_list.is_empty() && t.kind == EventType::Assault {
            place_list.extend(anaphoric_place(s, &t, right, state));
        }
        for mode in modes {
            out.push(Event {
                kind: t.kind,
                mode,
                actor1: actor(&a1_text, a1_sides.clone()),
                actor2: patient.as_ref().and_then(|(tx, sd)| actor(tx, sd.clone())),
                places: place_list.clone(),
                date,
                negated: neg,
                evidence: Evidence {
                    quote: s.text.get(s.start..s.end).unwrap_or("").to_string(),
                    ..evidence
                },
            });
        }
    }
    out
}

/// The modes of a use of force, from the words around its trigger; "air
/// and artillery strikes" and "missiles and drones" give one each.
fn assault_modes(s: &Sent<'_>, t: &Trig, left: usize, right: usize) -> Vec<Option<Mode>> {
    let lo = t.at.saturating_sub(4).max(left);
    let hi = (t.at + t.len + 2).min(right.max(t.at + t.len));
    let mut found: Vec<Mode> = (lo..hi).filter_map(|j| mode_word(s.w(j))).collect();
    if matches!(s.w(t.at), "shot" | "brought" | "downed" | "intercepted") {
        found.retain(|m| *m == Mode::Artillery);
        if s.lc.contains("surface-to-air") || s.lc.contains("s-400") {
            found = vec![Mode::Artillery];
        }
    }
    if s.lc.contains("light and heavy weapons")
        || matches!(
            s.w(t.at),
            "seized" | "captured" | "overran" | "taken" | "took"
        )
    {
        // Weapons of ground combat; posts and towns are taken on the ground.
        found.push(Mode::Ground);
    }
    found.sort();
    found.dedup();
    if found.len() > 1
        && found.contains(&Mode::Ground)
        && (found.contains(&Mode::Aerial) || found.contains(&Mode::Artillery))
    {
        found.retain(|m| *m != Mode::Ground);
    }
    if found.is_empty() {
        vec![Some(Mode::Unspecified)]
    } else {
        found.into_iter().map(Some).collect()
    }
}

fn is_party(s: &Sent<'_>, side: &Side) -> bool {
    s.mentions
        .iter()
        .any(|m| &m.side == side && (is_state_kind(m.kind) || m.kind == MentionKind::Group))
}

/// Folds repeated mentions of one event (SPEC 2.2): same type, actors and
/// mode, compatible dates; places are united.
pub(crate) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let unspecified = |m: Option<Mode>| m == Some(Mode::Unspecified);
        let same = out.iter_mut().find(|o| {
            o.kind == e.kind
                && (o.mode == e.mode
                    || ((unspecified(o.mode) || unspecified(e.mode)) && same_day(o.date, e.date)))
                && o.negated == e.negated
                && sides_of(&o.actor1) == sides_of(&e.actor1)
                && sides_of(&o.actor2) == sides_of(&e.actor2)
                && same_day(o.date, e.date)
        });
        match same {
            Some(o) => {
                if unspecified(o.mode) {
                    o.mode = e.mode;
                }
                let coarse = matches!(
                    o.date,
                    Some(PartialDate::Month { .. } | PartialDate::Year(_))
                );
                if o.date.is_none() || (coarse && matches!(e.date, Some(PartialDate::Day(_)))) {
                    o.date = e.date;
                }
                for p in e.places {
                    if !o.places.iter().any(|q| q.name == p.name) {
                        o.places.push(p);
                    }
                }
            }
            None => out.push(e),
        }
    }
    out
}

/// The same day or one apart, or either unknown (not a month holding a day).
fn same_day(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(PartialDate::Day(_)), Some(PartialDate::Day(_))) => dates_compatible(a, b),
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// Compatible dates ([`PartialDate::compatible`]), or either unknown.
fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.compatible(b),
        _ => true,
    }
}

fn sides_of(a: &Option<Actor>) -> Vec<Side> {
    let mut v = a.as_ref().map(|a| a.sides.clone()).unwrap_or_default();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assault(mode: Mode, a1: &[&str], a2: &[&str], date: &str, place: &str) -> Event {
        let actor = |sides: &[&str]| {
            (!sides.is_empty()).then(|| Actor {
                text: sides.join(" and "),
                sides: sides.iter().map(|s| Side::new(s).unwrap()).collect(),
            })
        };
        Event {
            kind: EventType::Assault,
            mode: Some(mode),
            actor1: actor(a1),
            actor2: actor(a2),
            places: if place.is_empty() {
                Vec::new()
            } else {
                vec![Place {
                    name: place.into(),
                    country: None,
                    admin1: None,
                    lat: None,
                    lon: None,
                    precision: None,
                }]
            },
            date: date.parse().ok(),
            negated: false,
            evidence: Evidence {
                start: 0,
                end: 0,
                quote: String::new(),
            },
        }
    }

    #[test]
    fn repeated_mentions_are_one_event_with_all_places() {
        let merged = merge(vec![
            assault(Mode::Aerial, &["PAK"], &["AFG"], "2026-02-27", "Kabul"),
            assault(
                Mode::Unspecified,
                &["PAK"],
                &["AFG"],
                "2026-02-26",
                "Kandahar",
            ),
            assault(Mode::Aerial, &["PAK"], &["AFG"], "2026-02-27", "Paktia"),
        ]);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].mode, Some(Mode::Aerial));
        let names: Vec<&str> = merged[0].places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Kabul", "Kandahar", "Paktia"]);
    }

    #[test]
    fn other_modes_actors_or_days_are_other_events() {
        let merged = merge(vec![
            assault(Mode::Aerial, &["PAK"], &["AFG"], "2026-02-27", ""),
            assault(Mode::Artillery, &["PAK"], &["AFG"], "2026-02-27", ""),
            assault(Mode::Aerial, &["AFG"], &["PAK"], "2026-02-27", ""),
            assault(Mode::Aerial, &["PAK"], &["AFG"], "2026-02-20", ""),
            // An unspecified mention a month wide does not swallow a day.
            assault(Mode::Unspecified, &["PAK"], &["AFG"], "2026-02", ""),
        ]);
        assert_eq!(merged.len(), 5);
    }

    #[test]
    fn generic_words_after_a_place_name_are_dropped() {
        assert_eq!(trim_place_noun("Torkham border"), "Torkham");
        assert_eq!(trim_place_noun("Spin Boldak district"), "Spin Boldak");
        assert_eq!(trim_place_noun("Kabul"), "Kabul");
        assert_eq!(trim_place_noun(" camp"), " camp");
    }
}
