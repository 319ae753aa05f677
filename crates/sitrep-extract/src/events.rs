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
use sitrep_gazetteer::{MentionKind, SideMention};
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
struct Trig {
    /// Token index.
    at: usize,
    /// Tokens the trigger spans.
    len: usize,
    kind: EventType,
    shape: Shape,
    /// Mutual by nature ("clashes", "fighting", "traded fire").
    mutual: bool,
}

/// Does the sentence hold a word that can start an event? (A cheap gate.)
pub(crate) fn has_trigger(s: &Sent<'_>) -> bool {
    (0..s.len()).any(|k| trigger_at(s, k).is_some())
}

/// The trigger starting at token `k`, if any.
fn trigger_at(s: &Sent<'_>, k: usize) -> Option<Trig> {
    use EventType::*;
    let w = s.w(k);
    let next = s.w(k + 1);
    let t = |kind, shape, mutual| {
        Some(Trig {
            at: k,
            len: 1,
            kind,
            shape,
            mutual,
        })
    };
    match w {
        "strike" | "strikes" | "airstrike" | "airstrikes" | "raid" | "raids" | "attack"
        | "attacks" | "offensive" | "assault" | "shelling" | "bombardment" | "bombardments"
        | "bombing" | "bombings" | "counterstrikes" | "counterattacks" | "counteroffensive"
        | "counterattack" | "counterstrike" | "incursion" | "incursions" | "explosions"
        | "explosion" | "blast" | "blasts" => {
            if w.starts_with("strike") && s.w_at(k, -1) == "hunger" {
                return None;
            }
            t(Assault, Shape::Noun, false)
        }
        "clashes" | "clash" | "fighting" | "hostilities" | "skirmishes" | "exchanges" => {
            t(Assault, Shape::Noun, true)
        }
        "fire" if s.w_at(k, -1) == "traded" || s.w_at(k, -1) == "exchanged" => {
            t(Assault, Shape::Noun, true)
        }
        "fire"
            if matches!(
                s.w_at(k, -1),
                "mortar" | "artillery" | "rocket" | "tank" | "sniper"
            ) =>
        {
            t(Assault, Shape::Noun, false)
        }
        "struck" | "attacked" | "shelled" | "bombed" | "targeted" | "targeting" | "pounded"
        | "raided" | "invaded" => t(Assault, Shape::Verb, false),
        "fired"
            if matches!(next, "missiles" | "rockets" | "shells" | "drones")
                || s.w(k + 2) == "missiles" =>
        {
            t(Assault, Shape::Verb, false)
        }
        "hit"
            if matches!(
                s.w_at(k, -1),
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
        "clashed" | "fought" => t(Assault, Shape::Verb, true),
        "shot" | "brought" if next == "down" => Some(Trig {
            at: k,
            len: 2,
            kind: Assault,
            shape: Shape::Verb,
            mutual: false,
        }),
        "downed" | "intercepted" => t(Assault, Shape::Verb, false),
        "accused" | "accuses" | "accuse" | "accusing" | "blamed" | "blames" | "blaming"
        | "denounced" | "denounces" | "condemned" | "condemns" | "alleged" | "alleges" => {
            t(Accuse, Shape::Verb, false)
        }
        "denied" | "denies" | "deny" | "denying" | "rejected" | "rejects" | "dismissed"
        | "dismisses" | "refuted" => t(Reject, Shape::Verb, false),
        "urged" | "urges" | "urging" | "demanded" | "demands" | "appealed" | "appeals" => {
            t(Request, Shape::Verb, false)
        }
        "called" | "calls" | "calling" if matches!(next, "for" | "on") => {
            t(Request, Shape::Verb, false)
        }
        "requests" | "request" if next == "from" => t(Request, Shape::Noun, false),
        "suggested" | "suggests" if s.w(k + 2) == "should" || s.w(k + 3) == "should" => {
            t(Request, Shape::Verb, false)
        }
        "warned" | "warns" | "warning" | "threatened" | "threatens" | "threatening" | "vowed"
        | "vows" | "ultimatum" => t(Threaten, Shape::Verb, false),
        "war" if s.w_at(k, -1) == "open" || s.w_at(k, -1) == "declared" => {
            t(Threaten, Shape::Noun, false)
        }
        "mediated" | "mediating" | "mediate" | "mediation" | "mediator" | "facilitating"
        | "facilitate" | "brokered" => t(Mediate, Shape::Verb, false),
        "talks" | "negotiations" | "met" | "meeting" | "visit" | "visited" => {
            t(Consult, Shape::Noun, false)
        }
        "ceasefire" | "truce" | "agreed" | "agreement" | "deal" | "accord" => {
            t(Agree, Shape::Noun, false)
        }
        "crackdown" | "expel" | "expelled" | "expelling" | "deported" | "deporting"
        | "sanctions" | "sealed" | "closed" => {
            if matches!(w, "sealed" | "closed")
                && !(k + 1..(k + 4).min(s.len()))
                    .any(|j| matches!(s.w(j), "border" | "crossing" | "crossings" | "airspace"))
            {
                return None;
            }
            t(Coerce, Shape::Verb, false)
        }
        "relocated" | "evacuated" | "aid" | "humanitarian" => t(Aid, Shape::Verb, false),
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
        "air" | "airstrike" | "airstrikes" | "aerial" | "drone" | "drones" | "warplanes"
        | "jets" | "bombing" | "bombed" | "bombings" => Mode::Aerial,
        "shelling" | "shelled" | "mortar" | "mortars" | "artillery" | "missile" | "missiles"
        | "rocket" | "rockets" | "shells" | "s-400" => Mode::Artillery,
        "clashes" | "clash" | "clashed" | "fighting" | "fought" | "raid" | "raids" | "gunfire"
        | "ground" | "weapons" | "firing" | "skirmishes" | "offensive" | "incursion"
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
                | "”"
                | "“"
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
        if w == "as" && s.w(right + 1) != "well" && s.w_at(right, -1) != "well" {
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

/// The two sides most mentioned in the document ("both sides", "the two
/// neighbours").
fn main_pair(state: &DocState) -> Vec<Side> {
    let mut sides = state.state_sides.clone();
    sides.sort_by(|a, b| b.1.cmp(&a.1));
    let mut out: Vec<Side> = sides.into_iter().take(2).map(|(s, _)| s).collect();
    out.sort();
    out
}

/// "both sides", "the two countries", "the two neighbours", "both nations".
fn pair_phrase(s: &Sent<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let w = s.w(k);
        (matches!(w, "both" | "two")
            && matches!(
                s.w(k + 1),
                "sides"
                    | "countries"
                    | "neighbours"
                    | "neighbors"
                    | "nations"
                    | "governments"
                    | "parties"
            ))
            || (w == "two"
                && matches!(
                    s.w(k + 2),
                    "sides" | "countries" | "neighbours" | "neighbors" | "nations"
                ))
    })
}

/// Every distinct state or group side named in `a..b`, skipping
/// "Pakistan-based" compounds.
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

/// The agent of a trigger.
fn agent(
    s: &Sent<'_>,
    t: &Trig,
    left: usize,
    speakers: &[Option<Rc<Speaker>>],
    state: &DocState,
) -> Option<(String, Vec<Side>)> {
    // "attack by RSF forces", "requests from Qatar and Saudi Arabia"
    let after = t.at + t.len;
    if matches!(s.w(after), "by" | "from") || (s.w(after) == "carried" && s.w(after + 2) == "by") {
        let start = if s.w(after) == "carried" {
            after + 3
        } else {
            after + 1
        };
        let end = (start + 8).min(s.len());
        let end = (start..end)
            .find(|&k| {
                matches!(
                    s.w(k),
                    "," | "."
                        | ";"
                        | "in"
                        | "on"
                        | "at"
                        | "west"
                        | "east"
                        | "north"
                        | "south"
                        | "near"
                        | "during"
                        | "yesterday"
                        | "which"
                )
            })
            .unwrap_or(end);
        let sides: Vec<Side> = sides_in(s, start, end)
            .into_iter()
            .map(|(x, _)| x)
            .collect();
        if !sides.is_empty() {
            return Some((s.span_text(start, end).to_string(), sides));
        }
        if s.w(after) == "carried" {
            return None;
        }
    }
    // "Qatari-mediated ceasefire"
    if t.kind == EventType::Mediate && t.at >= 2 && s.w(t.at - 1) == "-" {
        if let Some(m) = s
            .mention_at(t.at - 2)
            .or_else(|| s.mentions_in(t.at.saturating_sub(3), t.at).last())
        {
            return Some((
                s.text.get(m.start..m.end).unwrap_or("").to_string(),
                vec![m.side.clone()],
            ));
        }
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
                return Some((
                    s.text.get(m.start..m.end).unwrap_or("").to_string(),
                    vec![m.side.clone()],
                ));
            }
            let w = s.w(k);
            if matches!(w, "its" | "their") {
                return speaker_side(speakers, state).map(|x| (w.to_string(), vec![x]));
            }
            if s.punct(k)
                && !matches!(w, "-" | "’s" | "'s")
                && s.toks[k].kind != TokenKind::Possessive
            {
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
            ) {
                break;
            }
        }
    }
    // The clause's subject: "Pakistan carried out air strikes", "its forces killed".
    let subject_end = t.at;
    for k in left..subject_end {
        let w = s.w(k);
        if matches!(w, "its" | "their" | "it" | "they") && !(k > left && s.w(k - 1) == "of") {
            if let Some(x) = speaker_side(speakers, state) {
                return Some((
                    s.span_text(k, (k + 2).min(subject_end)).to_string(),
                    vec![x],
                ));
            }
        }
        if let Some(m) = s.mention_at(k) {
            if locative_compound(s, m) {
                continue;
            }
            // Skip a location phrase: "In Pakistan, …".
            if k > left
                && matches!(
                    s.w(k - 1),
                    "in" | "on" | "at" | "into" | "against" | "of" | "from"
                )
            {
                continue;
            }
            return Some((
                s.text.get(m.start..m.end).unwrap_or("").to_string(),
                vec![m.side.clone()],
            ));
        }
        if s.cap(k) {
            if let Some(side) = state.names.get(s.raw(k)) {
                return Some((s.raw(k).to_string(), vec![side.clone()]));
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
) -> Option<(String, Vec<Side>)> {
    let start = t.at + t.len;
    let mut k = start;
    while k < right {
        if matches!(s.w(k), "by" | "from") && k == start {
            // the agent phrase: skip it
            k += 1;
            while k < right && !matches!(s.w(k), "," | "on" | "against" | "in" | "at" | "into") {
                k += 1;
            }
            continue;
        }
        if let Some(m) = s.mention_at(k) {
            if !agent_sides.contains(&m.side) && !locative_compound(s, m) {
                let mut sides = vec![m.side.clone()];
                // "urged Pakistan and Afghanistan"
                let e = s.tok_end(m.end);
                if s.w(e) == "and" {
                    if let Some(m2) = s.mention_at(e + 1) {
                        if m2.side != m.side {
                            sides.push(m2.side.clone());
                        }
                    }
                }
                sides.sort();
                return Some((s.text.get(m.start..m.end).unwrap_or("").to_string(), sides));
            }
        }
        k += 1;
    }
    None
}

/// Places named in the clause: for now the capitals and countries of the
/// side dictionary.
fn places(s: &Sent<'_>, left: usize, right: usize) -> Vec<Place> {
    let mut out: Vec<Place> = Vec::new();
    for m in s.mentions_in(left, right) {
        if m.kind != MentionKind::Capital {
            continue;
        }
        let k = s.tok_at(m.start);
        // A capital used as the government ("Islamabad said") is not a place.
        if k == 0
            || !matches!(
                s.w(k - 1),
                "in" | "on" | "at" | "into" | "near" | "," | "of" | "over" | "across" | "around"
            )
        {
            continue;
        }
        let name = s.text.get(m.start..m.end).unwrap_or("").to_string();
        if out.iter().any(|p| p.name == name) {
            continue;
        }
        out.push(Place {
            name,
            country: Some(m.side.as_str().to_string()),
            admin1: None,
            lat: None,
            lon: None,
            precision: Some(sitrep_model::Precision::Place),
        });
    }
    out
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
        if tm.relation == TimeRelation::Since {
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
    if t.kind == EventType::Assault {
        return state
            .last_date
            .filter(|d| current(*d, published))
            .or(speech);
    }
    speech
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
    evidence: &Evidence,
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let habitual = habitual(s);
    let mut k = 0;
    while k < s.len() {
        let Some(t) = trigger_at(s, k) else {
            k += 1;
            continue;
        };
        k += t.len;
        if t.kind == EventType::Assault && habitual {
            continue;
        }
        // Speech verbs that are triggers too ("denied", "accused") need a
        // side on each end; a denial of a figure is a claim, not an event.
        let (left, right) = clause(s, t.at);
        let agent = agent(s, &t, left, speakers, state);
        let agent_sides: Vec<Side> = agent.as_ref().map(|a| a.1.clone()).unwrap_or_default();
        let mut patient = patient(s, &t, right, &agent_sides);
        let mut actor1 = agent.clone();
        if t.mutual && agent.is_none() {
            // "fresh clashes along the Afghanistan-Pakistan border".
            let mut sides: Vec<Side> = sides_in(s, left, right)
                .into_iter()
                .filter(|(x, _)| is_state_side(s, x))
                .map(|(x, _)| x)
                .collect();
            if sides.len() < 2
                && (pair_phrase(s, 0, s.len())
                    || matches!(s.w(t.at + 1), "between" | "along" | "across")
                    || sides.is_empty())
            {
                sides = main_pair(state);
            }
            sides.sort();
            sides.dedup();
            if sides.len() == 2 {
                actor1 = Some(("both sides".to_string(), sides));
                patient = None;
            }
        }
        if matches!(
            t.kind,
            EventType::Request | EventType::Mediate | EventType::Agree | EventType::Consult
        ) && pair_phrase(s, t.at, right.max(t.at + 1))
        {
            if t.kind == EventType::Agree || t.kind == EventType::Consult {
                actor1 = Some(("both sides".to_string(), main_pair(state)));
                patient = None;
            } else {
                patient = Some(("both sides".to_string(), main_pair(state)));
            }
        }
        if t.kind == EventType::Agree && actor1.is_none() {
            let pair = main_pair(state);
            if pair.len() == 2 {
                actor1 = Some(("both sides".to_string(), pair));
            }
        }
        if t.kind == EventType::Assault && patient.is_none() {
            // The owner of the people this sentence counts as killed.
            let agent_side = agent_sides.first();
            patient = claims
                .iter()
                .filter_map(|c| c.subject.side.clone())
                .find(|x| Some(x) != agent_side)
                .map(|x| (x.to_string(), vec![x]));
        }
        if t.kind == EventType::Reject && patient.is_none() {
            // "a charge X denies": the accuser.
            patient = out
                .iter()
                .rev()
                .find(|e| e.kind == EventType::Accuse)
                .and_then(|e| e.actor1.clone())
                .map(|a| (a.text, a.sides));
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
            let lo = t.at.saturating_sub(3).max(left);
            let hi = (t.at + t.len + 3).min(right.max(t.at + t.len));
            let mut found: Vec<Mode> = (lo..hi).filter_map(|j| mode_word(s.w(j))).collect();
            if matches!(s.w(t.at), "shot" | "brought" | "downed" | "intercepted") {
                found.retain(|m| *m == Mode::Artillery);
            }
            if s.lc.contains("light and heavy weapons") {
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
        } else {
            vec![None]
        };
        let date = event_date(s, &t, times, atts, state, published);
        let neg = t.kind == EventType::Assault && negated(s, left, t.at);
        let place_list = if t.kind == EventType::Assault {
            places(s, left, right)
        } else {
            Vec::new()
        };
        for mode in modes {
            out.push(Event {
                kind: t.kind,
                mode,
                actor1: actor(&a1_text, a1_sides.clone()),
                actor2: patient.as_ref().and_then(|(tx, sd)| actor(tx, sd.clone())),
                places: place_list.clone(),
                date,
                negated: neg,
                evidence: evidence.clone(),
            });
        }
    }
    out
}

fn is_state_side(s: &Sent<'_>, side: &Side) -> bool {
    s.mentions
        .iter()
        .any(|m| &m.side == side && is_state_kind(m.kind))
}

/// Folds repeated mentions of one event (SPEC 2.2): same type, actors and
/// mode, compatible dates; places are united.
pub(crate) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        let same = out.iter_mut().find(|o| {
            o.kind == e.kind
                && o.mode == e.mode
                && o.negated == e.negated
                && sides_of(&o.actor1) == sides_of(&e.actor1)
                && sides_of(&o.actor2) == sides_of(&e.actor2)
                && (o.date == e.date || o.date.is_none() || e.date.is_none())
        });
        match same {
            Some(o) => {
                if o.date.is_none() {
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

fn sides_of(a: &Option<Actor>) -> Vec<Side> {
    let mut v = a.as_ref().map(|a| a.sides.clone()).unwrap_or_default();
    v.sort();
    v
}
