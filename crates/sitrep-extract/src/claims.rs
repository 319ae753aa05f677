//! Claims: attributed figures read from a document, sentence by sentence.
//!
//! # What it extracts
//!
//! For every count in the text (from [`crate::numbers`]) the rules look for
//! a **claim word** linking it to a category — a verb before it ("killed
//! 12", "shot down five jets"), a participle or noun after it ("12 were
//! killed", "11 wounded", "26 deaths", "among the wounded"), or a noun
//! phrase ending in "of" ("the deaths of 11 soldiers", "death toll rose to
//! 60") — then read the **subject** (the counted group: head noun → kind,
//! demonyms, countries and groups inside it → side) and the **claimant**
//! (from [`crate::attribution`], resolved to a side). A count with no claim
//! word is not a claim ("six provinces", "nine sites were targeted").
//!
//! Context carried across sentences, always flagged on the claim
//! ([`Flag`]): the paragraph's claimant for unattributed sentences inside an
//! attributed paragraph, pronouns and definite descriptions ("He said", "the
//! ministry said") resolved to earlier claimants, people remembered by name
//! ("Mr Asif"), the side of a coordinated or elliptical group ("eight Afghan
//! soldiers were killed and 11 wounded"), and the date of the previous claim
//! when the sentence gives none.
//!
//! Within a document, a figure stated twice is one claim (SPEC 2.1): a
//! headline or unattributed restatement is folded into the attributed
//! mention, and an ownerless mention into the one that names the owner.
//!
//! # Example sentence
//!
//! "The ministry said it destroyed 19 Freedonian army posts and two bases."
//! gives two `destroyed` claims (posts 19, bases 2), both with the side of
//! "Freedonian" and the ministry's side as claimant.
//!
//! # Known misses
//! - Figures whose owner is only implied by the story ("the attackers" when
//!   the attack is described two paragraphs up) stay without a side unless
//!   an "X attack" was mentioned in the same or the previous sentence.
//! - Local officials named without an affiliation ("an official at the
//!   district hospital") get a side only once places are resolved.
//! - Bare "a"/"an" ("killed a commander") is not read as 1 yet.

use std::collections::HashMap;
use std::rc::Rc;

use jiff::civil::Date;
use sitrep_gazetteer::{MentionKind, PlaceMention, Places, SideMention};
use sitrep_model::{
    Category, Claim, Claimant, Event, Evidence, Flag, Kind, PartialDate, Qualifier, Side, Stance,
    Subject, Value,
};

use crate::attribution::{self, Attribution, Form};
use crate::dates::{TimeExpr, TimeRelation};
use crate::lexicon::{
    active_verb, anonymous_head, head_kind, nominal_of, organ_head, outcome_noun, passive_word,
    title_word, unaffiliated_head,
};
use crate::numbers::{self, NumberExpr, NumberRole};
use crate::sentence::{Sent, SentBuffers};
use crate::sentences::SentenceKind;

/// A claimant as resolved in context.
#[derive(Clone, Debug)]
pub(crate) struct Speaker {
    pub(crate) text: String,
    pub(crate) side: Option<Side>,
    anonymous: bool,
    /// Speaks for a state (country, capital, demonym or state organ).
    state: bool,
    /// Named or titled but with no side found: a weaker attribution.
    unresolved: bool,
    /// The organ noun heading the phrase ("ministry", "army"), lower case.
    head: String,
    /// The side came from an earlier mention, not from the phrase itself.
    side_from_context: bool,
}

/// How a figure is tied to its category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// A verb before the number, its object: "killed 12".
    Active,
    /// A word after the counted group: "12 were killed", "26 deaths".
    Passive,
    /// Shares the verb of the previous figure: "destroyed 19 posts and two bases".
    Coordinated,
    /// A sub-count: "including 27 women".
    Including,
    /// A denial that anything happened: "denied that any soldiers were captured".
    Denial,
}

/// The counted group after a number.
#[derive(Clone, Debug, Default)]
struct Np {
    head: Option<usize>,
    end: usize,
    kind: Option<Kind>,
    side: Option<Side>,
    elliptical: bool,
    mixed: bool,
}

/// A claim with what the merge step needs to know about it.
#[derive(Clone, Debug)]
struct Cand {
    claim: Claim,
    heading: bool,
    unresolved_claimant: bool,
}

/// Per-document state carried from sentence to sentence.
#[derive(Default)]
pub(crate) struct DocState {
    pub(crate) last_speaker: Option<Rc<Speaker>>,
    history: Vec<Rc<Speaker>>,
    pub(crate) names: HashMap<String, Side>,
    paragraph: Option<u32>,
    paragraph_speaker: Option<Rc<Speaker>>,
    pub(crate) last_date: Option<PartialDate>,
    attack_side: Option<Side>,
    pub(crate) state_sides: Vec<(Side, usize)>,
    /// States and armed groups by number of mentions, in first-seen order:
    /// the parties of the story.
    pub(crate) party_sides: Vec<(Side, usize)>,
    /// The two parties most mentioned ("both sides").
    pub(crate) main_pair: Vec<Side>,
    /// The place gazetteer.
    pub(crate) places: Places,
    /// The states of the story, most mentioned first: place names are
    /// resolved to candidates in these countries first.
    pub(crate) countries: Vec<String>,
    /// The last place the story named, for "in the city", "the district",
    /// as of the sentences before `pending_places`.
    pub(crate) last_place: Option<sitrep_model::Place>,
    /// Sentences (byte spans, oldest first) after the one `last_place` comes
    /// from whose places were not looked up: a sentence with a figure but no
    /// event that happens somewhere names places only for `last_place`, which
    /// is seldom asked for. [`DocState::settle_last_place`] looks them up when
    /// a sentence may ask.
    pending_places: Vec<(usize, usize)>,
    /// Claims made so far, for figure coreference.
    figures: Vec<Seen>,
}

/// A claim made earlier in the document:
/// (category, n, n_max, claimant side, subject side, kind).
type Seen = (Category, u64, Option<u64>, Option<Side>, Option<Side>, Kind);

impl DocState {
    /// The place a mention most likely names, given the story's countries.
    ///
    /// A place outside the story's countries is accepted only when it is a
    /// province or a town of some size: "Kashmir" in a story about India
    /// and Pakistan is not the hamlet of that name elsewhere.
    pub(crate) fn resolve_place(&self, m: &PlaceMention) -> Option<sitrep_gazetteer::Place<'_>> {
        // A story names a handful of states: list them without allocating.
        let mut few = [""; 8];
        let many: Vec<&str>;
        let preferred: &[&str] = if self.countries.len() <= few.len() {
            for (slot, c) in few.iter_mut().zip(&self.countries) {
                *slot = c;
            }
            few.get(..self.countries.len()).unwrap_or(&[])
        } else {
            many = self.countries.iter().map(String::as_str).collect();
            &many
        };
        let place = self
            .places
            .best(m, preferred)
            .and_then(|id| self.places.get(id))?;
        let in_story = preferred.is_empty() || preferred.contains(&place.country.as_str());
        let notable = place.population >= 50_000 || place.feature.is_division();
        (in_story || notable).then_some(place)
    }

    /// The place mentions of the sentence `text[start..end]`, in document
    /// coordinates.
    fn sentence_places(&self, text: &str, start: usize, end: usize) -> Vec<PlaceMention> {
        self.places
            .find(text.get(start..end).unwrap_or(""))
            .into_iter()
            .map(|mut m| {
                m.start += start;
                m.end += start;
                m
            })
            .collect()
    }

    /// The most specific place among a sentence's `mentions` ("El-Fasher,
    /// the capital of North Darfur State" is El-Fasher), else the last that
    /// resolves; named as the article spells it.
    fn specific_place(&self, text: &str, mentions: &[PlaceMention]) -> Option<sitrep_model::Place> {
        let mut specific = None;
        for m in mentions {
            let Some(p) = self.resolve_place(m) else {
                continue;
            };
            let is_place = p.feature.precision() == sitrep_model::Precision::Place;
            specific = Some((m, p));
            if is_place {
                break;
            }
        }
        let (m, p) = specific?;
        Some(sitrep_model::Place {
            name: text.get(m.start..m.end).unwrap_or("").to_string(),
            ..p.to_model()
        })
    }

    /// Brings `last_place` up to date with the pending sentences: the place
    /// of the newest one that names any.
    fn settle_last_place(&mut self, text: &str) {
        let pending = std::mem::take(&mut self.pending_places);
        for &(start, end) in pending.iter().rev() {
            let mentions = self.sentence_places(text, start, end);
            if let Some(place) = self.specific_place(text, &mentions) {
                self.last_place = Some(place);
                return;
            }
        }
    }

    /// The country (as a side) of the place a mention names.
    pub(crate) fn place_country(&self, m: &PlaceMention) -> Option<Side> {
        self.resolve_place(m).map(|p| p.country.clone())
    }

    /// The most mentioned state side other than `side`.
    pub(crate) fn adversary(&self, side: &Side) -> Option<Side> {
        self.state_sides
            .iter()
            .filter(|(s, _)| s != side)
            .max_by_key(|(_, n)| *n)
            .map(|(s, _)| s.clone())
    }
}

pub(crate) fn is_state_kind(kind: MentionKind) -> bool {
    matches!(
        kind,
        MentionKind::Country | MentionKind::Demonym | MentionKind::Capital | MentionKind::Organ
    )
}

/// Converts byte offsets to code-point offsets, moving forward only.
struct CharCursor<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCursor<'t> {
    fn new(text: &'t str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Should not happen (sentences are in order); recount from the start.
            self.byte = 0;
            self.chars = 0;
        }
        let upto = byte.min(self.text.len());
        self.chars += self
            .text
            .get(self.byte..upto)
            .map_or(0, |s| s.chars().count());
        self.byte = upto;
        self.chars
    }
}

/// Extracts the claims of one document.
pub(crate) fn extract(
    text: &str,
    published: Option<Date>,
    sentences: &[crate::sentences::Sentence],
    mentions: &[SideMention],
    places: &Places,
) -> (Vec<Claim>, Vec<Event>) {
    let mut state = DocState {
        places: places.clone(),
        ..DocState::default()
    };
    let mut all_events: Vec<Event> = Vec::new();
    for m in mentions.iter().filter(|m| is_state_kind(m.kind)) {
        match state.state_sides.iter_mut().find(|(s, _)| *s == m.side) {
            Some((_, n)) => *n += 1,
            None => state.state_sides.push((m.side.clone(), 1)),
        }
    }
    for m in mentions
        .iter()
        .filter(|m| is_state_kind(m.kind) || m.kind == MentionKind::Group)
    {
        match state.party_sides.iter_mut().find(|(s, _)| *s == m.side) {
            Some((_, n)) => *n += 1,
            None => state.party_sides.push((m.side.clone(), 1)),
        }
    }
    state.main_pair = crate::events::compute_main_pair(&state.party_sides);
    let mut by_count: Vec<&(Side, usize)> = state.state_sides.iter().collect();
    by_count.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    state.countries = by_count
        .into_iter()
        .map(|(x, _)| x.as_str().to_string())
        .collect();
    let mut cursor = CharCursor::new(text);
    let mut cands: Vec<Cand> = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut buffers = SentBuffers::default();
    for sentence in sentences {
        if matches!(
            sentence.kind,
            SentenceKind::Credit | SentenceKind::Boilerplate
        ) {
            continue;
        }
        let lo = mentions.partition_point(|m| m.start < sentence.start);
        let hi = mentions.partition_point(|m| m.start < sentence.end);
        let s = Sent::new(
            buffers,
            text,
            &lower,
            sentence,
            mentions.get(lo..hi).unwrap_or(&[]),
        );
        if state.paragraph != Some(s.paragraph) {
            state.paragraph = Some(s.paragraph);
            state.paragraph_speaker = None;
        }
        let evidence_chars = (cursor.at(s.start), cursor.at(s.end));
        let (found, events) =
            sentence_claims(&s, published, &mut state, evidence_chars, &all_events);
        cands.extend(found);
        all_events.extend(events);
        buffers = s.into_buffers();
    }
    (merge(cands), crate::events::merge(all_events))
}

fn sentence_claims(
    s: &Sent<'_>,
    published: Option<Date>,
    state: &mut DocState,
    evidence_chars: (usize, usize),
    earlier_events: &[Event],
) -> (Vec<Cand>, Vec<Event>) {
    let body = s.text.get(s.start..s.end).unwrap_or("");
    learn_names(s, state);
    let attributions = attribution::find(s);
    let triggers = crate::events::triggers(s);
    let eventful = !triggers.is_empty();
    let countable = might_count(s);
    // Places matter where something happened; a figure's sentence may name
    // the place a later "in the city" means (looked up when one does).
    let places_here = triggers.iter().any(crate::events::Trig::has_places);
    let place_mentions: Vec<PlaceMention> = if places_here {
        state.sentence_places(s.text, s.start, s.end)
    } else {
        Vec::new()
    };
    let speakers: Vec<Option<Rc<Speaker>>> = resolve_all(s, &attributions, state);
    let attack_here = attack_side(s);
    let attack = attack_here.clone().or_else(|| state.attack_side.clone());

    // Most sentences state no figure: skip the number and date scanners
    // unless a token could start a number, or the running date may move.
    if !countable && !eventful && !event_words(s) {
        learn_context(&speakers, attack_here, state);
        return (Vec::new(), Vec::new());
    }
    let (found_numbers, found_times) = numbers::find_with_times(
        body,
        Some(s.lc),
        countable,
        might_date(s).then_some(published),
    );
    let numbers: Vec<NumberExpr> = found_numbers
        .into_iter()
        .filter(|n| n.role == NumberRole::Count)
        .map(|mut n| {
            n.start += s.start;
            n.end += s.start;
            n.number_start += s.start;
            n
        })
        .collect();
    let times: Vec<TimeExpr> = found_times
        .into_iter()
        .map(|mut t| {
            t.start += s.start;
            t.end += s.start;
            t
        })
        .collect();

    let mut figures: Vec<Figure> = Vec::new();
    for (idx, num) in numbers.iter().enumerate() {
        let a = s.tok_at(num.start);
        let b = s.tok_end(num.end);
        if a >= b {
            continue;
        }
        // "four of nine missiles": the total after "of" is not a figure.
        if a >= 2 && s.w(a - 1) == "of" && idx > 0 && numbers[idx - 1].end <= s.toks[a - 1].start {
            let prev_b = s.tok_end(numbers[idx - 1].end);
            if prev_b + 1 == a {
                continue;
            }
        }
        figures.push(Figure {
            a,
            b,
            n: num.n,
            n_max: num.n_max,
            qualifier: num.qualifier,
            text: s.text.get(num.start..num.end).unwrap_or("").to_string(),
            zero: false,
        });
    }
    figures.extend(zero_figures(s));
    figures.sort_by_key(|f| f.a);

    let mut out: Vec<Cand> = Vec::new();
    let mut prev: Option<(Category, Trigger, Np, usize)> = None;
    for fig in &figures {
        let Some((category, trigger, mut np)) = classify(s, fig, prev.as_ref(), &numbers) else {
            continue;
        };
        let mut flags = Vec::new();
        // Who says it.
        let (mut speaker, from_context, attribution_denial) =
            pick_speaker(fig.a, &attributions, &speakers, state);
        if from_context && own_time_differs(s, &times, &attributions, state) {
            // "…, reporting 26 deaths. An attack on April 22 had killed 26": background, not the speaker's.
            speaker = None;
        }
        let from_context = from_context && speaker.is_some();
        if from_context {
            flags.push(Flag::ClaimantFromContext);
        }
        let mut category = category;
        // Kind corrections.
        if np.kind == Some(Kind::Fighters)
            && np
                .head
                .is_some_and(|h| matches!(s.w(h), "fighters" | "fighter"))
            && (s.lc.contains("aircraft") || s.lc.contains(" jet"))
        {
            np.kind = Some(Kind::Aircraft);
        }
        if np.elliptical
            && let Some((_, _, p, _)) = prev.as_ref()
            && (np.kind.is_none() || np.head.is_some_and(|h| s.w(h) == "others"))
        {
            np.kind = p.kind;
            np.mixed = p.mixed;
        }
        let kind = if np.mixed {
            Kind::People
        } else {
            np.kind.unwrap_or(Kind::People)
        };
        // Air defences that "destroyed" drones or missiles shot them down.
        let air_defence = || s.lc.contains("air defen") || s.lc.contains("air-defen");
        if category == Category::Destroyed
            && air_defence()
            && (matches!(kind, Kind::Aircraft | Kind::Drones)
                || np
                    .head
                    .is_some_and(|h| matches!(s.w(h), "missiles" | "missile" | "rockets")))
        {
            category = Category::Downed;
        }
        if matches!(kind, Kind::Aircraft | Kind::Drones) && category == Category::Killed {
            category = Category::Downed;
        }
        if category == Category::Killed
            && trigger == Trigger::Active
            && !matches!(
                kind,
                Kind::Soldiers
                    | Kind::Fighters
                    | Kind::Police
                    | Kind::Civilians
                    | Kind::People
                    | Kind::Refugees
            )
        {
            category = Category::Destroyed;
        }
        // Whose.
        let mut side = np.side.clone();
        let coordinated = matches!(trigger, Trigger::Coordinated)
            || (s.w_at(fig.a, -1) == "and" && np.side.is_none());
        if side.is_none()
            && (np.elliptical || matches!(trigger, Trigger::Including) || coordinated)
            && let Some((_, _, p, _)) = prev.as_ref()
        {
            let compatible = np.elliptical
                || matches!(trigger, Trigger::Including)
                || p.kind.map(family) == Some(family(kind));
            if p.side.is_some() && compatible {
                side = p.side.clone();
                flags.push(Flag::SideFromContext);
            }
        }
        if side.is_none()
            && possessive_before(s, fig.a)
            && let Some(sp) = speaker.as_ref().and_then(|sp| sp.side.clone())
        {
            side = Some(sp);
            flags.push(Flag::SideFromPossessive);
        }
        if side.is_none() && country_possessive_before(s, fig.a) {
            side = s.mentions_in(0, fig.a).last().map(|m| m.side.clone());
            if side.is_some() {
                flags.push(Flag::SideFromContext);
            }
        }
        if side.is_none()
            && np
                .head
                .is_some_and(|h| matches!(s.w(h), "attackers" | "assailants" | "attacker"))
            && let Some(att) = attack.clone()
        {
            side = Some(att);
            flags.push(Flag::SideFromContext);
        }
        if side.is_none() && category == Category::Returned {
            side = returned_to(s, np.end);
        }
        let claimant_side = speaker.as_ref().and_then(|sp| sp.side.clone());
        if side.is_none() {
            // The same figure from the same claimant, stated earlier with its owner.
            if let Some(f) = state.figures.iter().rev().find(|f| {
                f.0 == category
                    && f.1 == fig.n
                    && f.2 == fig.n_max
                    && f.3 == claimant_side
                    && f.4.is_some()
            }) {
                side = f.4.clone();
                flags.push(Flag::SideFromContext);
            }
        }
        if side.is_none()
            && claimant_side.is_some()
            && matches!(kind, Kind::Soldiers | Kind::Fighters | Kind::Police)
        {
            // "nine fighters captured" continuing the same speaker's "133 Afghan fighters".
            if let Some(f) = state
                .figures
                .iter()
                .rev()
                .take(4)
                .find(|f| f.3 == claimant_side && f.5 == kind)
                && f.4.is_some()
            {
                side = f.4.clone();
                flags.push(Flag::SideFromContext);
            }
        }
        if side.is_none()
            && kind == Kind::Soldiers
            && matches!(trigger, Trigger::Passive)
            && matches!(
                category,
                Category::Killed | Category::Injured | Category::Captured | Category::Missing
            )
        {
            // A state reporting soldiers killed, without saying whose, reports its own.
            if let Some(sp) = speaker.as_ref().filter(|sp| sp.state) {
                side = sp.side.clone();
                if side.is_some() {
                    flags.push(Flag::SideFromContext);
                }
            }
        }
        // A passive downing counts only when something downed it ("were shot
        // down", "intercepted"), not when it "crashed".
        let shot = || {
            trigger != Trigger::Passive
                || ["shot down", "intercepted", "downed", "brought down"]
                    .iter()
                    .any(|w| s.lc.contains(w))
        };
        if side.is_none()
            && category == Category::Downed
            && shot()
            && matches!(
                trigger,
                Trigger::Active | Trigger::Coordinated | Trigger::Passive
            )
        {
            // "Our air force downed 50 drones": the other side's.
            if let Some(sp) = speaker
                .as_ref()
                .filter(|sp| sp.state)
                .and_then(|sp| sp.side.clone())
            {
                side = s
                    .mentions
                    .iter()
                    .find(|m| is_state_kind(m.kind) && m.side != sp)
                    .map(|m| m.side.clone())
                    .or_else(|| state.adversary(&sp));
                if side.is_some() {
                    flags.push(Flag::SideFromContext);
                }
            }
        }
        np.side = side.clone();
        np.kind = Some(kind);

        // When.
        let (mut date, date_flag) = pick_date(s, fig.a, &times, &attributions, state);
        if cumulative(s, fig.a) {
            date = date.and_then(|d| d.month().or(Some(d)));
        }
        if date_flag {
            flags.push(Flag::DateFromContext);
        }
        let stance = if fig.zero || attribution_denial {
            Stance::Denied
        } else {
            Stance::Asserted
        };
        let subject_text = subject_text(s, fig, &np);
        if let Some(sp) = speaker.as_ref()
            && sp.side_from_context
        {
            flags.push(Flag::ClaimantSideFromContext);
        }
        let confidence = (0.95 - 0.12 * flags.len() as f32).max(0.3);
        let claim = Claim {
            category,
            subject: Subject {
                text: subject_text,
                side,
                kind,
            },
            value: Value {
                n: fig.n,
                n_max: fig.n_max,
                qualifier: fig.qualifier,
                text: fig.text.clone(),
            },
            stance,
            claimant: speaker.as_ref().map(|sp| Claimant {
                text: sp.text.clone(),
                side: sp.side.clone(),
                anonymous: sp.anonymous,
            }),
            date,
            evidence: Evidence {
                start: evidence_chars.0,
                end: evidence_chars.1,
                quote: s.text.get(s.start..s.end).unwrap_or("").to_string(),
            },
            confidence,
            flags,
        };
        out.push(Cand {
            claim,
            heading: s.kind == SentenceKind::Heading,
            unresolved_claimant: speaker.as_ref().is_some_and(|sp| sp.unresolved),
        });
        state.figures.push((
            category,
            fig.n,
            fig.n_max,
            claimant_side.clone(),
            np.side.clone(),
            kind,
        ));
        let np_end = np.end.max(fig.b);
        prev = Some((category, trigger, np, np_end));
    }

    // "X denied this assertion": X rejects the sentence's main figure.
    for (att, sp) in attributions.iter().zip(&speakers) {
        if !att.denial || att.form != Form::Subject {
            continue;
        }
        let object = s.w(att.verb + 2);
        let refers = matches!(
            s.w(att.verb + 1),
            "this" | "the" | "these" | "that" | "those"
        ) && matches!(
            object,
            "assertion"
                | "claim"
                | "claims"
                | "figure"
                | "figures"
                | "toll"
                | "report"
                | "reports"
                | "numbers"
                | "count"
                | "tally"
        );
        if !refers {
            continue;
        }
        let Some(first) = out
            .iter()
            .find(|c| c.claim.stance == Stance::Asserted)
            .cloned()
        else {
            continue;
        };
        let mut denied = first;
        denied.claim.stance = Stance::Denied;
        denied.claim.claimant = sp.as_ref().map(|sp| Claimant {
            text: sp.text.clone(),
            side: sp.side.clone(),
            anonymous: sp.anonymous,
        });
        denied.unresolved_claimant = sp.as_ref().is_some_and(|sp| sp.unresolved);
        out.push(denied);
    }

    learn_context(&speakers, attack_here, state);
    // The running date follows current events only: background history
    // ("the 1999 hijacking", "an attack on April 22" three weeks earlier)
    // does not date what comes next.
    if let Some(d) = out
        .iter()
        .rev()
        .find_map(|c| c.claim.date)
        .filter(|d| current(*d, published))
    {
        // A cumulative month does not blur a day already known in it.
        let finer = matches!(state.last_date, Some(PartialDate::Day(_)))
            && !matches!(d, PartialDate::Day(_))
            && state.last_date.and_then(PartialDate::month) == d.month();
        if !finer {
            state.last_date = Some(d);
        }
    } else {
        // The day of the fighting, not a dateline's "Oct 12": the time
        // expression closest to a word for the use of force.
        let events: Vec<usize> = (0..s.len())
            .filter(|&k| s.has(k, crate::lexicon::class::EVENT))
            .collect();
        let best = times
            .iter()
            .filter(|t| {
                t.relation == TimeRelation::At
                    && !is_speech_time(s, t, &attributions)
                    && matches!(t.date, PartialDate::Day(_))
                    && current(t.date, published)
            })
            .filter_map(|t| {
                let k = s.tok_at(t.start);
                events
                    .iter()
                    .map(|&e| e.abs_diff(k))
                    .min()
                    .map(|d| (d, t.date))
            })
            .min_by_key(|(d, _)| *d);
        if let Some((_, date)) = best {
            state.last_date = Some(date);
        }
    }
    let events = if eventful {
        if !state.pending_places.is_empty()
            && (0..s.len()).any(|k| crate::events::place_anaphor_at(s, k))
        {
            state.settle_last_place(s.text);
        }
        let claims: Vec<&Claim> = out.iter().map(|c| &c.claim).collect();
        crate::events::sentence_events(
            s,
            &attributions,
            &speakers,
            &times,
            &claims,
            state,
            published,
            evidence_chars,
            earlier_events,
            &triggers,
            &place_mentions,
        )
    } else {
        Vec::new()
    };
    // Remember the last place named (for "in the city" later on).
    if places_here {
        if let Some(place) = state.specific_place(s.text, &place_mentions) {
            state.last_place = Some(place);
            state.pending_places.clear();
        }
    } else if countable {
        state.pending_places.push((s.start, s.end));
    }
    (out, events)
}

/// Carries a sentence's speakers and attack author forward.
fn learn_context(
    speakers: &[Option<Rc<Speaker>>],
    attack_here: Option<Side>,
    state: &mut DocState,
) {
    if let Some(sp) = speakers.iter().rev().flatten().next() {
        state.paragraph_speaker = Some(sp.clone());
    }
    if attack_here.is_some() {
        state.attack_side = attack_here;
    }
}

/// True when some token is one that every time expression holds: digits,
/// a month or weekday name, or a word such as "yesterday", "overnight",
/// "week", "year" (a superset of what [`dates::find`] can return).
fn might_date(s: &Sent<'_>) -> bool {
    s.toks
        .iter()
        .any(|t| t.kind == crate::tokens::TokenKind::Number)
        || s.any(crate::lexicon::class::TIME)
}

/// True when some token could begin a number expression: digits, number
/// words, vague quantities, or the "any"/"no" of a denial. A superset of
/// what [`numbers::find`] can return, so skipping the others loses nothing.
fn might_count(s: &Sent<'_>) -> bool {
    s.toks
        .iter()
        .any(|t| t.kind == crate::tokens::TokenKind::Number)
        || s.any(crate::lexicon::class::NUMBER)
}

/// A number candidate in token coordinates.
#[derive(Clone, Debug)]
struct Figure {
    a: usize,
    b: usize,
    n: u64,
    n_max: Option<u64>,
    qualifier: Qualifier,
    text: String,
    /// "any"/"no" in a denial: n = 0.
    zero: bool,
}

/// Kinds that a coordinated list can share an owner across
/// ("19 army posts and two bases", "five jets and one drone").
fn family(kind: Kind) -> u8 {
    match kind {
        Kind::Posts | Kind::Bases | Kind::Installations => 1,
        Kind::Aircraft | Kind::Drones => 2,
        Kind::Soldiers | Kind::Police => 3,
        Kind::Fighters => 4,
        Kind::Civilians | Kind::People => 5,
        Kind::Refugees => 6,
        Kind::Vehicles => 7,
        Kind::Other => 8,
    }
}

fn claimant_side_of(c: &Claim) -> Option<Side> {
    c.claimant.as_ref().and_then(|c| c.side.clone())
}

/// "denied that any soldiers had been captured", "did not destroy any
/// aircraft", "no soldiers were killed".
fn zero_figures(s: &Sent<'_>) -> Vec<Figure> {
    let mut out = Vec::new();
    for i in 0..s.len() {
        let w = s.w(i);
        if w != "any" && w != "no" {
            continue;
        }
        let negated = (0..i).any(|k| {
            matches!(
                s.w(k),
                "denied" | "denies" | "deny" | "denying" | "not" | "never" | "rejected"
            ) || s.w(k).ends_with("n't")
        });
        if w == "any" && !negated {
            continue;
        }
        out.push(Figure {
            a: i,
            b: i + 1,
            n: 0,
            n_max: None,
            qualifier: Qualifier::Exact,
            text: s.raw(i).to_string(),
            zero: true,
        });
    }
    out
}

/// Decides whether a figure is a claim: its category, how it is triggered
/// and its counted group.
fn classify(
    s: &Sent<'_>,
    fig: &Figure,
    prev: Option<&(Category, Trigger, Np, usize)>,
    numbers: &[NumberExpr],
) -> Option<(Category, Trigger, Np)> {
    let np = parse_np(s, fig.b, numbers);
    if fig.zero {
        // Zero figures need a counted group and a claim word.
        np.head?;
        if let Some(c) = passive_after(s, np.end) {
            return Some((c, Trigger::Denial, np));
        }
        if let Some(c) = active_before(s, fig.a) {
            return Some((c, Trigger::Denial, np));
        }
        return None;
    }
    if let Some(c) = outcome_after(s, fig.b) {
        let np = Np {
            end: fig.b + 1,
            ..np
        };
        return Some((c, Trigger::Passive, np));
    }
    if let Some(c) = active_before(s, fig.a) {
        return Some((c, Trigger::Active, np));
    }
    if let Some(c) = passive_after(s, np.end) {
        return Some((c, Trigger::Passive, np));
    }
    // "747 drones and four missiles were shot down": the verb after a
    // coordinated group.
    if s.w(np.end) == "and" {
        let limit = (np.end + 9).min(s.len());
        if let Some(j) = (np.end + 1..limit)
            .take_while(|&j| !s.punct(j))
            .find(|&j| matches!(s.w(j), "were" | "was" | "had" | "have" | "are"))
            && let Some(c) = passive_after(s, j)
        {
            return Some((c, Trigger::Passive, np));
        }
    }
    let p = prev?;
    let before = s.w_at(fig.a, -1);
    // "including General X and seven deputies": inside the same sub-list.
    let in_including = (fig.a.saturating_sub(8)..fig.a)
        .rev()
        .take_while(|&k| !matches!(s.w(k), "," | ";" | "."))
        .any(|k| s.w(k) == "including");
    if matches!(before, "including" | "among")
        || (before == "them" && s.w_at(fig.a, -2) == "among")
        || in_including
    {
        // A sub-count singles out one group; a list of several is a breakdown.
        if breakdown(s, fig.a) {
            return None;
        }
        let mut np = np;
        if np.kind.is_none() {
            np.kind = p.2.kind;
        }
        return Some((p.0, Trigger::Including, np));
    }
    if matches!(before, "and" | "," | "plus")
        && matches!(p.1, Trigger::Active | Trigger::Coordinated)
        && p.3 + 3 >= fig.a
    {
        return Some((p.0, Trigger::Coordinated, np));
    }
    None
}

/// True when the sub-count after "including" is one of several numbered items.
fn breakdown(s: &Sent<'_>, a: usize) -> bool {
    let mut numbered = 0;
    for k in a..s.len().min(a + 30) {
        let w = s.w(k);
        if matches!(w, "." | ";" | ")" | "—")
            || (w == ","
                && matches!(s.w(k + 1), "and" | "while" | "but" | "as")
                && numbered > 0
                && k > a + 6)
        {
            break;
        }
        if s.toks[k].kind == crate::tokens::TokenKind::Number
            || matches!(
                w,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "a"
            ) && (k == a || s.w(k - 1) == "," || s.w(k - 1) == "and")
        {
            numbered += 1;
        }
    }
    numbered >= 2
}

/// Words skipped between a verb and its number ("killed another 12").
fn object_filler(w: &str) -> bool {
    matches!(
        w,
        "another" | "the" | "all" | "an" | "additional" | "further" | "total" | "a"
    )
}

/// The category of a verb or noun phrase right before token `a`.
fn active_before(s: &Sent<'_>, a: usize) -> Option<Category> {
    let mut j = a;
    // "a total of", "another", "the".
    while j > 0 && (object_filler(s.w(j - 1)) || (s.w(j - 1) == "of" && s.w_at(j, -2) == "total")) {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    let w = s.w(j - 1);
    if w == "down"
        && matches!(
            s.w_at(j, -2),
            "shot" | "shooting" | "shoot" | "shoots" | "brought" | "bringing"
        )
    {
        return Some(Category::Downed);
    }
    if w == "of" {
        let n = s.w_at(j, -2);
        if n == "control"
            && matches!(
                s.w_at(j, -3),
                "took" | "taken" | "taking" | "take" | "seized" | "seizing" | "gained"
            )
        {
            return Some(Category::Captured);
        }
        if n == "lives" && s.w_at(j, -3) == "the" && s.w_at(j, -4).starts_with("claim") {
            return Some(Category::Killed);
        }
        if n == "toll" {
            return Some(Category::Killed);
        }
        return nominal_of(n);
    }
    if w == "to" && matches!(s.w_at(j, -2), "injuries" | "injury") {
        return Some(Category::Injured);
    }
    if matches!(w, "to" | "at" | "reached" | "hit" | "of")
        || (w == "rose" || w == "climbed" || w == "risen")
    {
        // "death toll rose to 60", "the toll at around 130,000".
        let window = (j.saturating_sub(5)..j).any(|k| s.w(k) == "toll");
        if window {
            return Some(Category::Killed);
        }
    }
    if let Some(c) = active_verb(w) {
        // "the 23 martyred soldiers" is adjectival, not a verb before its object.
        if matches!(s.w_at(j, -2), "the" | "their" | "its") && w.ends_with("ed") {
            return None;
        }
        return Some(c);
    }
    None
}

/// "26 deaths", "78 dead", "thousands of deaths".
fn outcome_after(s: &Sent<'_>, b: usize) -> Option<Category> {
    let w = s.w(b);
    if w == "of" {
        return match s.w(b + 1) {
            "deaths" | "fatalities" => Some(Category::Killed),
            "injuries" => Some(Category::Injured),
            _ => None,
        };
    }
    let c = outcome_noun(w)?;
    // "78 dead and over 320 injured", "11 killed": not "11 killed by".
    Some(c)
}

/// The category named after the counted group: "were killed", "wounded",
/// "lost their lives", "among the wounded", "remain missing".
fn passive_after(s: &Sent<'_>, from: usize) -> Option<Category> {
    let n = s.len();
    let mut k = from;
    let mut steps = 0;
    while k < n && steps < 14 {
        steps += 1;
        let w = s.w(k);
        if w == ","
            && matches!(
                s.w(k + 1),
                "including"
                    | "mostly"
                    | "comprising"
                    | "mainly"
                    | "among"
                    | "many"
                    | "most"
                    | "some"
            )
        {
            // Skip the parenthetical up to its closing comma.
            match (k + 1..n.min(k + 25)).find(|&e| s.w(e) == ",") {
                Some(e) => {
                    k = e + 1;
                    continue;
                }
                None => return None,
            }
        }
        if w == "(" {
            match (k + 1..n.min(k + 12)).find(|&e| s.w(e) == ")") {
                Some(e) => {
                    k = e + 1;
                    continue;
                }
                None => return None,
            }
        }
        if matches!(
            w,
            "were"
                | "was"
                | "are"
                | "is"
                | "have"
                | "has"
                | "had"
                | "been"
                | "being"
                | "be"
                | "also"
                | "reportedly"
                | "allegedly"
                | "later"
                | "all"
                | "confirmed"
                | "temporarily"
                | "subsequently"
                | "initially"
                | "now"
                | "who"
                | "that"
                | "remain"
                | "remained"
                | "remains"
                | "left"
                | "reported"
                | "feared"
                | "believed"
                | "presumed"
                | "either"
                | "both"
                | "so"
                | "far"
                | "having"
                | "got"
                | "get"
                | "since"
                | "thought"
                | "said"
                | "to"
                | "officially"
                | "eventually"
                | "critically"
                | "seriously"
                | "severely"
                | "fatally"
                | "mortally"
                | "slightly"
                | "badly"
                | "more"
                | "each"
                | "apparently"
                | "likely"
        ) {
            if w == "said" && s.w(k + 1) != "to" {
                return None;
            }
            if w == "to" && !matches!(s.w_at(k, -1), "said" | "believed" | "feared" | "thought") {
                return None;
            }
            k += 1;
            continue;
        }
        if matches!(w, "at" | "in" | "on" | "near" | "from" | "across") && k == from {
            // "dozens of refugees at the border had been relocated".
            if let Some(e) = (k + 1..n.min(k + 7))
                .find(|&e| matches!(s.w(e), "were" | "was" | "had" | "have" | "has"))
                && (k + 1..e)
                    .all(|x| !s.punct(x) && s.toks[x].kind != crate::tokens::TokenKind::Number)
            {
                k = e;
                continue;
            }
            return None;
        }
        if w == "among" && s.w(k + 1) == "the" {
            return match s.w(k + 2) {
                "dead" | "killed" => Some(Category::Killed),
                "wounded" | "injured" => Some(Category::Injured),
                "missing" => Some(Category::Missing),
                "captured" => Some(Category::Captured),
                _ => None,
            };
        }
        // "sustained injuries", "suffered serious wounds".
        if matches!(w, "sustained" | "suffered" | "received") {
            let next = if matches!(
                s.w(k + 1),
                "serious" | "severe" | "critical" | "minor" | "gunshot" | "shrapnel"
            ) {
                s.w(k + 2)
            } else {
                s.w(k + 1)
            };
            if matches!(next, "injuries" | "wounds" | "injury") {
                return Some(Category::Injured);
            }
            return None;
        }
        if w == "lost"
            && matches!(s.w(k + 1), "their" | "his" | "her")
            && matches!(s.w(k + 2), "lives" | "life")
        {
            return Some(Category::Killed);
        }
        if matches!(
            w,
            "rushed" | "taken" | "admitted" | "hospitalised" | "hospitalized"
        ) {
            if w.starts_with("hospital") {
                return Some(Category::Injured);
            }
            let rest = s.w(k + 1);
            if rest == "to" && s.w(k + 2).starts_with("hospital") {
                return Some(Category::Injured);
            }
            if w == "taken"
                && matches!(
                    rest,
                    "prisoner" | "prisoners" | "captive" | "hostage" | "hostages"
                )
            {
                return Some(Category::Captured);
            }
            if w == "taken" && rest == "into" && s.w(k + 2) == "custody" {
                return Some(Category::Arrested);
            }
            return None;
        }
        if w == "forced"
            && matches!(s.w(k + 1), "to" | "from")
            && matches!(s.w(k + 2), "flee" | "their" | "leave")
        {
            return Some(Category::Displaced);
        }
        if matches!(w, "shot" | "brought") && s.w(k + 1) == "down" {
            return Some(Category::Downed);
        }
        if w == "unaccounted" && s.w(k + 1) == "for" {
            return Some(Category::Missing);
        }
        return passive_word(w);
    }
    None
}

/// Parses the counted group that follows a number ending at token `b`.
fn parse_np(s: &Sent<'_>, b: usize, numbers: &[NumberExpr]) -> Np {
    let n = s.len();
    let mut j = b;
    // "four of nine missiles", "200 of the attackers", "dozens of soldiers".
    if s.w(j) == "of" {
        let next = j + 1;
        if let Some(num) = s
            .toks
            .get(next)
            .and_then(|t| numbers.iter().find(|x| x.start == t.start))
        {
            j = s.tok_end(num.end);
        } else if matches!(
            s.w(next),
            "the" | "its" | "their" | "his" | "her" | "those" | "these"
        ) {
            j = next + 1;
        } else {
            j = next;
        }
    }
    while matches!(s.w(j), "more" | "other" | "additional" | "further") {
        j += 1;
    }
    let start = j;
    let mut head: Option<usize> = None;
    let mut kind: Option<Kind> = None;
    let mut k = j;
    let mut modifiers = 0;
    while k < n {
        let w = s.w(k);
        if let Some(kd) = head_kind(w) {
            // Compounds: "security officials", "police officers", "women and children".
            head = Some(k);
            kind = Some(compound_kind(s, k, kd));
            k += 1;
            continue;
        }
        if let Some(m) = s.mention_at(k) {
            // "10 Israelis", "200 Taliban": a people or group named as the head.
            let end = s.tok_end(m.end);
            let last = s.w(end.saturating_sub(1));
            let plural_people = m.kind == MentionKind::Demonym
                && last.ends_with('s')
                && head_kind(s.w(end)).is_none();
            let group =
                m.kind == MentionKind::Group && head_kind(s.w(end)).is_none() && !s.cap(end);
            if plural_people || group {
                head = Some(end.saturating_sub(1));
                kind = Some(if group { Kind::Fighters } else { Kind::People });
                k = end;
                break;
            }
        }
        if head.is_some() {
            break;
        }
        if w == "(" {
            if let Some(e) = (k + 1..n.min(k + 8)).find(|&e| s.w(e) == ")") {
                k = e + 1;
                continue;
            }
            break;
        }
        let modifier = s.cap(k)
            || w == "-"
            || s.in_mention(k)
            || (s.toks[k].kind == crate::tokens::TokenKind::Word
                && !stop_word(w)
                && passive_word(w).is_none()
                && active_verb(w).is_none()
                && outcome_noun(w).is_none());
        if !modifier || modifiers >= 6 {
            break;
        }
        modifiers += 1;
        k += 1;
    }
    let mut np = Np {
        head,
        end: if head.is_some() { k } else { start },
        kind,
        ..Np::default()
    };
    if head.is_none() {
        np.elliptical = true;
        np.end = start;
        return np;
    }
    if matches!(head.map(|h| s.w(h)), Some("others")) {
        np.elliptical = true;
    }
    // "women and children", "Taliban and affiliated militants": one group;
    // "soldiers, civilians and suspected militants": a mixed group.
    let mut e = np.end;
    loop {
        let w = s.w(e);
        if !(w == "and" || w == "," || w == "or") {
            break;
        }
        let mut f = e + 1;
        while f < n
            && f < e + 4
            && head_kind(s.w(f)).is_none()
            && !s.punct(f)
            && numbers.iter().all(|x| x.start != s.toks[f].start)
            && !stop_word(s.w(f))
            && !matches!(
                s.w(f),
                "including" | "mostly" | "mainly" | "comprising" | "many" | "most" | "some"
            )
        {
            f += 1;
        }
        if s.cap(f) && s.kind != SentenceKind::Heading {
            break;
        }
        let Some(kd) = head_kind(s.w(f)) else { break };
        if numbers
            .iter()
            .any(|x| x.start >= s.toks[e].start && x.start <= s.toks[f].start)
        {
            break;
        }
        // "soldiers, civilians and militants" is a mixed group of people;
        // "posts and training camps" stays the first kind of thing.
        let person = |k: Option<Kind>| {
            matches!(
                k,
                Some(
                    Kind::Soldiers
                        | Kind::Fighters
                        | Kind::Police
                        | Kind::Civilians
                        | Kind::People
                        | Kind::Refugees
                )
            )
        };
        if Some(kd) != kind && person(Some(kd)) && person(kind) {
            np.mixed = true;
        }
        e = f + 1;
        np.end = e;
    }
    // Side from the words of the group, or from a complement:
    // "militants from the paramilitary RSF", "fighters of the Pakistani Taliban".
    let mut side = s.mentions_in(start, np.end).last().map(|m| m.side.clone());
    if matches!(s.w(np.end), "from" | "of" | "belonging") {
        let limit = (np.end + 10).min(n);
        let mut found = None;
        let mut k = np.end + 1;
        while k < limit
            && !matches!(
                s.w(k),
                "," | "."
                    | ";"
                    | "in"
                    | "at"
                    | "near"
                    | "on"
                    | "were"
                    | "was"
                    | "had"
                    | "have"
                    | "who"
            )
        {
            if found.is_none() {
                found = s.mention_at(k);
            }
            k += 1;
        }
        if let Some(m) = found {
            side = side.or_else(|| Some(m.side.clone()));
            np.end = k;
        }
    }
    np.side = side;
    np
}

fn compound_kind(s: &Sent<'_>, k: usize, kd: Kind) -> Kind {
    let before = s.w_at(k, -1);
    let w = s.w(k);
    if before == "security" || before == "border" && w == "guards" {
        return Kind::Soldiers;
    }
    if before == "police" {
        return Kind::Police;
    }
    if (w == "members" || w == "men")
        && (0..k).rev().take(4).any(|i| {
            s.mention_at(i)
                .is_some_and(|m| m.kind == MentionKind::Group)
        })
    {
        return Kind::Fighters;
    }
    if matches!(w, "officers" | "officer") && before.ends_with("police") {
        return Kind::Police;
    }
    kd
}

/// Words that cannot modify a counted group.
fn stop_word(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "in"
            | "on"
            | "at"
            | "from"
            | "of"
            | "by"
            | "with"
            | "during"
            | "after"
            | "since"
            | "across"
            | "along"
            | "near"
            | "and"
            | "or"
            | "while"
            | "but"
            | "to"
            | "for"
            | "as"
            | "who"
            | "which"
            | "that"
            | "the"
            | "a"
            | "an"
            | "this"
            | "its"
            | "their"
            | "over"
            | "under"
            | "into"
            | "per"
            | "than"
            | "times"
            | "said"
            | "says"
            | "say"
            | "remain"
            | "hit"
            | "fired"
            | "launched"
            | "struck"
            | "targeted"
            | "attacked"
            | "also"
            | "later"
            | "before"
            | "when"
            | "where"
            | "within"
            | "between"
            | "among"
            | "around"
            | "about"
            | "out"
            | "up"
            | "so"
            | "far"
            | "inside"
            | "through"
            | "against"
            | "toward"
            | "towards"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "be"
            | "being"
            | "not"
            | "no"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "his"
            | "her"
            | "our"
    )
}

fn possessive_before(s: &Sent<'_>, a: usize) -> bool {
    let w1 = s.w_at(a, -1);
    if matches!(w1, "its" | "their") {
        return true;
    }
    if w1 == "of" && matches!(s.w_at(a, -2), "its" | "their") {
        return false;
    }
    // "its previously reported toll of 78", "their own".
    let lo = a.saturating_sub(6);
    let has_toll = (lo..a).any(|k| matches!(s.w(k), "toll" | "losses" | "casualties"));
    has_toll && (lo..a).any(|k| matches!(s.w(k), "its" | "their"))
}

fn country_possessive_before(s: &Sent<'_>, a: usize) -> bool {
    let lo = a.saturating_sub(6);
    (lo..a).any(|k| {
        s.w(k) == "country"
            && s.toks
                .get(k + 1)
                .is_some_and(|t| t.kind == crate::tokens::TokenKind::Possessive)
    })
}

/// "returned to Afghanistan": returnees go back to their own country.
fn returned_to(s: &Sent<'_>, from: usize) -> Option<Side> {
    let to = (from..s.len().min(from + 6)).find(|&k| s.w(k) == "to")?;
    s.mention_at(to + 1)
        .filter(|m| is_state_kind(m.kind))
        .map(|m| m.side.clone())
}

/// The side named as the author of an attack in this sentence: "an
/// overnight Taliban attack", "attacks by the Afghan Taliban".
fn attack_side(s: &Sent<'_>) -> Option<Side> {
    for k in 0..s.len() {
        let w = s.w(k);
        if !matches!(
            w,
            "attack" | "attacks" | "offensive" | "assault" | "incursion" | "raid"
        ) {
            continue;
        }
        // "attacks by (the) X"
        if s.w(k + 1) == "by" {
            let j = if matches!(s.w(k + 2), "the") {
                k + 3
            } else {
                k + 2
            };
            if let Some(m) = (j..(j + 3).min(s.len())).find_map(|i| s.mention_at(i)) {
                return Some(m.side.clone());
            }
        }
        // "X attack", "an overnight Taliban attack"
        for back in 1..=3 {
            let Some(i) = k.checked_sub(back) else { break };
            if let Some(m) = s.mention_at(i) {
                return Some(m.side.clone());
            }
            if s.punct(i) {
                break;
            }
        }
    }
    None
}

/// Resolves the speakers of a sentence's attributions in order, updating
/// the document state.
fn resolve_all(
    s: &Sent<'_>,
    atts: &[Attribution],
    state: &mut DocState,
) -> Vec<Option<Rc<Speaker>>> {
    let mut out: Vec<Option<Rc<Speaker>>> = Vec::with_capacity(atts.len());
    for (idx, att) in atts.iter().enumerate() {
        let sp = if att.form == Form::Participle {
            out[..idx]
                .iter()
                .rev()
                .flatten()
                .next()
                .cloned()
                .or_else(|| state.last_speaker.clone())
        } else {
            resolve_speaker(s, att.span.0, att.span.1, state)
        };
        if let Some(sp) = sp.as_ref()
            && att.form != Form::Participle
        {
            state.last_speaker = Some(sp.clone());
            state.history.push(sp.clone());
        }
        out.push(sp);
    }
    out
}

fn pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "it" | "they" | "we" | "i")
}

/// Resolves a speaker's noun phrase `a..b` to a claimant.
fn resolve_speaker(s: &Sent<'_>, a: usize, b: usize, state: &DocState) -> Option<Rc<Speaker>> {
    resolve_speaker_value(s, a, b, state).map(Rc::new)
}

fn resolve_speaker_value(s: &Sent<'_>, a: usize, b: usize, state: &DocState) -> Option<Speaker> {
    if a >= b {
        return None;
    }
    let text = s.span_text(a, b).trim().to_string();
    if b == a + 1 && pronoun(s.w(a)) {
        // "Ukraine's air force downed 50 drones, it said": the subject.
        if a > 3 && matches!(s.w(a), "it" | "they") && matches!(s.w(a - 1), "," | "”" | "\"") {
            let lead = (0..a.min(6)).take_while(|&k| {
                !s.punct(k) || s.toks[k].kind == crate::tokens::TokenKind::Possessive
            });
            if let Some(m) = lead.filter_map(|k| s.mention_at(k)).next() {
                return Some(Speaker {
                    text: s.span_text(0, s.tok_end(m.end) + 2).trim().to_string(),
                    side: Some(m.side.clone()),
                    anonymous: false,
                    state: is_state_kind(m.kind),
                    unresolved: false,
                    head: String::new(),
                    side_from_context: true,
                });
            }
        }
        let mut sp = Speaker::clone(state.last_speaker.as_deref()?);
        sp.side_from_context = true;
        return Some(sp);
    }
    // The head: the last word before the first comma, bracket or preposition.
    let mut head: &str = "";
    let mut head_idx = a;
    for k in a..b {
        let w = s.w(k);
        if matches!(
            w,
            "," | "(" | "of" | "for" | "in" | "at" | "from" | "on" | "with" | "to" | "and"
        ) && !head.is_empty()
        {
            break;
        }
        if s.toks[k].kind == crate::tokens::TokenKind::Word {
            head = w;
            head_idx = k;
        }
    }
    let first_mention = s.mentions_in(a, b).next();
    let state_word = (a..b).any(|k| s.w(k) == "state");
    let unaffiliated = unaffiliated_head(head)
        && !state_word
        && !first_mention.is_some_and(|m| {
            matches!(m.kind, MentionKind::International | MentionKind::Organ)
                && s.tok_at(m.start) == head_idx
        });
    let after_preposition = |k: usize| {
        (a..k).rev().take_while(|&j| s.cap(j) || s.punct(j)).count() < k - a
            && matches!(
                s.w(k
                    - 1
                    - (a..k)
                        .rev()
                        .take_while(|&j| s.cap(j))
                        .count()
                        .min(k - a - 1)),
                "in" | "at" | "from" | "of" | "near"
            )
    };
    // "Local media": a capitalised adjective before a lower-case noun.
    let adjective = |k: usize| {
        k + 1 < b && s.toks[k + 1].kind == crate::tokens::TokenKind::Word && !s.cap(k + 1)
    };
    let names: Vec<usize> = (a..b)
        .filter(|&k| {
            !after_preposition(k)
                && !adjective(k)
                && s.cap(k)
                && !title_word(s.w(k))
                && !s.in_mention(k)
                && !unaffiliated_head(s.w(k))
                && !organ_head(s.w(k))
                && s.raw(k).chars().any(char::is_lowercase)
        })
        .collect();
    let anonymous = anonymous_head(head) && names.is_empty();
    let mut sp = Speaker {
        text,
        side: None,
        anonymous,
        state: false,
        unresolved: false,
        head: head.to_string(),
        side_from_context: false,
    };
    if unaffiliated {
        return Some(sp);
    }
    if let Some(m) = first_mention {
        sp.side = Some(m.side.clone());
        sp.state = is_state_kind(m.kind);
        return Some(sp);
    }
    // An official of a place: "the head of the Kyiv city administration",
    // "an official at the Spin Boldak district hospital".
    // (Looked up only here, in the speaker's own words: most speakers
    // resolve before this, and the gazetteer is the costliest lookup.)
    if let (Some(first), Some(last)) = (s.toks.get(a), b.checked_sub(1).and_then(|i| s.toks.get(i)))
    {
        let phrase = s.text.get(first.start..last.end).unwrap_or("");
        if let Some(side) = state
            .places
            .find(phrase)
            .iter()
            .find_map(|m| state.place_country(m))
        {
            sp.side = Some(side);
            sp.state = true;
            sp.side_from_context = true;
            return Some(sp);
        }
    }
    // A person remembered by name ("Mr Asif", "Mujahid").
    for &k in &names {
        if let Some(side) = state.names.get(s.raw(k)) {
            sp.side = Some(side.clone());
            sp.state = side.as_str().len() == 3;
            sp.side_from_context = true;
            return Some(sp);
        }
    }
    // "the ministry", "the military", "A military statement", "the group".
    let definite = matches!(s.w(a), "the" | "a" | "this" | "that" | "its" | "an");
    let organ = organ_head(head) || matches!(head, "military" | "army" | "office");
    if definite && organ {
        // "In Israel, the prime minister's office said": the state named
        // earlier in the same clause.
        let lead = (0..a)
            .rev()
            .take_while(|&k| !matches!(s.w(k), "." | ";" | "”" | "“" | "\"" | "that"));
        if let Some(m) = lead
            .filter_map(|k| s.mention_at(k))
            .find(|m| is_state_kind(m.kind))
        {
            sp.side = Some(m.side.clone());
            sp.state = true;
            sp.side_from_context = true;
            return Some(sp);
        }
    }
    if definite && organ {
        let family = |h: &str| match h {
            "army" | "military" | "forces" | "force" | "command" => "military",
            "spokesman" | "spokesperson" | "spokeswoman" => "spokesperson",
            other => {
                if other == "statement" {
                    ""
                } else {
                    "other"
                }
            }
        };
        let fam = family(head);
        let found = state
            .history
            .iter()
            .rev()
            .find(|h| {
                h.side.is_some()
                    && (fam.is_empty()
                        || family(&h.head) == fam
                        || h.text.to_ascii_lowercase().contains(head))
            })
            // "the ministry" may refer to any earlier speaker; "a spokesman"
            // only to one of its own kind.
            .or_else(|| {
                let indefinite = matches!(s.w(a), "a" | "an");
                state
                    .history
                    .iter()
                    .rev()
                    .find(|h| h.side.is_some() && !indefinite)
            });
        if let Some(h) = found {
            sp.side = h.side.clone();
            sp.state = h.state;
            sp.side_from_context = true;
            return Some(sp);
        }
    }
    if !names.is_empty() || (organ_head(head) && !anonymous) {
        sp.unresolved = true;
    }
    Some(sp)
}

/// Remembers people introduced with their affiliation: "Pakistan's defence
/// minister Khawaja Asif", "Taliban spokesman Zabihullah Mujahid".
fn learn_names(s: &Sent<'_>, state: &mut DocState) {
    if s.kind == SentenceKind::Heading {
        return;
    }
    for m in s.mentions {
        let mut k = s.tok_end(m.end);
        let mut saw_title = false;
        while k < s.len()
            && (title_word(s.w(k))
                || s.toks[k].kind == crate::tokens::TokenKind::Possessive
                || (s.w(k) == "," && !saw_title))
        {
            saw_title |= title_word(s.w(k))
                && !matches!(
                    s.w(k),
                    "the" | "a" | "an" | "of" | "and" | "for" | "in" | "on" | "at"
                );
            k += 1;
        }
        if !saw_title {
            continue;
        }
        let mut added = 0;
        while k < s.len() && added < 6 {
            if s.w(k) == "." && s.raw(k.saturating_sub(1)).chars().count() == 1 {
                k += 1;
                continue;
            }
            if !s.cap(k) || s.in_mention(k) {
                break;
            }
            state.names.insert(s.raw(k).to_string(), m.side.clone());
            added += 1;
            k += 1;
        }
    }
    // "Name Name, a spokesperson for the Freedonian army, said": the name
    // before an appositive that holds a side.
    for k in 1..s.len() {
        if s.w(k) != "," || !matches!(s.w(k + 1), "a" | "an" | "the") {
            continue;
        }
        let close = (k + 2..s.len().min(k + 16)).find(|&e| s.w(e) == ",");
        let Some(close) = close else { continue };
        let Some(m) = s.mentions_in(k + 1, close).next() else {
            continue;
        };
        if !(k + 1..close).any(|e| {
            title_word(s.w(e)) && !matches!(s.w(e), "the" | "a" | "an" | "of" | "for" | "in" | "at")
        }) {
            continue;
        }
        let mut j = k;
        let mut added = 0;
        while j > 0 && s.cap(j - 1) && !s.in_mention(j - 1) && added < 4 {
            j -= 1;
            added += 1;
            state.names.insert(s.raw(j).to_string(), m.side.clone());
        }
    }
}

/// Picks the attribution for the figure at token `a`: the closest speech
/// verb before it, else the first after it, else the paragraph's speaker.
fn pick_speaker(
    a: usize,
    atts: &[Attribution],
    speakers: &[Option<Rc<Speaker>>],
    state: &DocState,
) -> (Option<Rc<Speaker>>, bool, bool) {
    let before = atts
        .iter()
        .enumerate()
        .rev()
        .find(|(_, t)| t.verb < a && !(t.form == Form::Quoting));
    let chosen = before.or_else(|| {
        atts.iter()
            .enumerate()
            .find(|(_, t)| t.verb > a && t.form != Form::Quoting)
    });
    if let Some((idx, att)) = chosen {
        // "…, AP reported, quoting Ukrainian officials": the quoted source.
        let quoted = atts
            .iter()
            .enumerate()
            .skip(idx + 1)
            .find(|(_, t)| t.form == Form::Quoting && t.verb <= att.verb + 8)
            .and_then(|(i, _)| speakers.get(i).cloned().flatten());
        let sp = quoted.or_else(|| speakers.get(idx).cloned().flatten());
        if sp.is_some() {
            let denial = att.denial && att.verb < a;
            return (sp, false, denial);
        }
    }
    (
        state.paragraph_speaker.clone(),
        state.paragraph_speaker.is_some(),
        false,
    )
}

/// True when the sentence dates what it says apart from the claims before
/// it (a different month), so it is background, not the paragraph speaker's.
fn own_time_differs(
    s: &Sent<'_>,
    times: &[TimeExpr],
    atts: &[Attribution],
    state: &DocState,
) -> bool {
    let Some(last) = state.last_date else {
        return false;
    };
    times.iter().any(|t| {
        t.relation == TimeRelation::At
            && !is_speech_time(s, t, atts)
            && t.date.month().is_some()
            && t.date.month() != last.month()
    })
}

/// A time expression attached to a speech verb: "said on Sunday".
pub(crate) fn is_speech_time(s: &Sent<'_>, t: &TimeExpr, atts: &[Attribution]) -> bool {
    let k = s.tok_at(t.start);
    atts.iter()
        .any(|att| att.form != Form::Participle && att.verb < k && k <= att.verb + 3)
}

fn pick_date(
    s: &Sent<'_>,
    a: usize,
    times: &[TimeExpr],
    atts: &[Attribution],
    state: &DocState,
) -> (Option<PartialDate>, bool) {
    // "since February 2022", "since the war began in 2023": an open period.
    let since = |t: &TimeExpr| {
        let k = s.tok_at(t.start);
        t.relation == TimeRelation::Since || (k.saturating_sub(6)..k).any(|j| s.w(j) == "since")
    };
    if times.iter().any(since) {
        return (None, false);
    }
    let mut best: Option<(usize, PartialDate)> = None;
    let mut speech: Option<PartialDate> = None;
    for t in times.iter().filter(|t| t.relation == TimeRelation::At) {
        if is_speech_time(s, t, atts) {
            speech.get_or_insert(t.date);
            continue;
        }
        let k = s.tok_at(t.start);
        let dist = k.abs_diff(a);
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, t.date));
        }
    }
    if let Some((_, d)) = best {
        return (Some(d), false);
    }
    if let Some(d) = speech {
        return (Some(d), false);
    }
    (state.last_date, state.last_date.is_some())
}

/// True when `date` is within two weeks before (or after) the publication day.
pub(crate) fn current(date: PartialDate, published: Option<Date>) -> bool {
    let Some(p) = published else { return true };
    match date {
        PartialDate::Day(d) => p
            .since(d)
            .map(|span| span.get_days().abs() <= 14)
            .unwrap_or(false),
        PartialDate::Month { year, month } => year == p.year() && p.month() == month,
        PartialDate::Year(y) => y == p.year(),
    }
}

/// A cumulative toll ("bringing the total death toll to 13", "so far")
/// covers a period: it is dated to the month, not a day.
fn cumulative(s: &Sent<'_>, a: usize) -> bool {
    let lo = a.saturating_sub(7);
    (lo..a).any(|k| matches!(s.w(k), "total" | "toll" | "cumulative" | "overall"))
        || (a..s.len().min(a + 12)).any(|k| s.w(k) == "so" && s.w(k + 1) == "far")
}

fn event_words(s: &Sent<'_>) -> bool {
    s.any(crate::lexicon::class::EVENT)
}

fn subject_text(s: &Sent<'_>, fig: &Figure, np: &Np) -> String {
    if np.head.is_some() {
        let start = if s.w(fig.b) == "of" { fig.b + 1 } else { fig.b };
        let t = s.span_text(start, np.end).trim();
        if !t.is_empty() {
            return t.to_string();
        }
    }
    s.span_text(fig.a, fig.b).trim().to_string()
}

/// Folds repeated mentions of one figure into one claim (SPEC 2.1).
fn merge(cands: Vec<Cand>) -> Vec<Claim> {
    let n = cands.len();
    let mut dropped = vec![false; n];
    let mut repeated = vec![false; n];
    // "dozens" (24 by convention) and an exact 24 are different statements.
    let figure = |c: &Claim| {
        (
            c.category,
            c.value.n,
            c.value.n_max,
            c.stance,
            c.value.qualifier == Qualifier::Vague,
        )
    };
    for i in 0..n {
        for j in 0..n {
            if i == j || dropped[i] || dropped[j] {
                continue;
            }
            let (a, b) = (&cands[i], &cands[j]);
            if figure(&a.claim) != figure(&b.claim) || !dates_compatible(a.claim.date, b.claim.date)
            {
                continue;
            }
            let side_ok =
                a.claim.subject.side == b.claim.subject.side || a.claim.subject.side.is_none();
            if !side_ok {
                continue;
            }
            let a_cs = claimant_side_of(&a.claim);
            let b_cs = claimant_side_of(&b.claim);
            let same_claimant =
                a_cs == b_cs && a.claim.claimant.is_some() == b.claim.claimant.is_some();
            let drop_a = if same_claimant && a.claim.subject.side == b.claim.subject.side {
                // Exact repeat: keep the better-attributed, more precise one.
                better(b, a, j < i)
            } else if same_claimant
                || (a.claim.claimant.is_none() && b.claim.claimant.is_some())
                || a.heading
            {
                // a has no side where b has one; or a is an unattributed
                // restatement of an attributed figure; or a is a headline
                // summarising the body.
                true
            } else {
                a.unresolved_claimant
                    && b_cs.is_some()
                    && a.claim.subject.kind == b.claim.subject.kind
                    && a.claim.subject.side == b.claim.subject.side
            };
            if drop_a {
                dropped[i] = true;
                repeated[j] = true;
            }
        }
    }
    let mut out: Vec<Claim> = Vec::with_capacity(n);
    for (i, c) in cands.into_iter().enumerate() {
        if !dropped[i] {
            let mut claim = c.claim;
            if repeated[i] {
                claim.flags.push(Flag::Repeated);
            }
            out.push(claim);
        }
    }
    // Qualifiers: a repeat that states "more than 200" refines a bare "200".
    out
}

/// True when `b` is a better mention of the same figure than `a`.
fn better(b: &Cand, a: &Cand, b_first: bool) -> bool {
    let score = |c: &Cand| {
        let mut s = 0;
        if !c.heading {
            s += 4;
        }
        if c.claim.value.qualifier != Qualifier::Exact {
            s += 2;
        }
        if !c.claim.flags.contains(&Flag::ClaimantFromContext) {
            s += 1;
        }
        s
    };
    let (sa, sb) = (score(a), score(b));
    sb > sa || (sb == sa && b_first)
}

/// Compatible dates, or either unknown.
fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.compatible(b),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The places of each event of `text`, in order.
    fn event_places(text: &str) -> Vec<Vec<String>> {
        let doc = sitrep_model::Document {
            id: "t".into(),
            published: "2026-02-27".parse().ok(),
            text: text.into(),
            ..sitrep_model::Document::default()
        };
        crate::Extractor::bundled()
            .extract(&doc)
            .events
            .iter()
            .map(|e| e.places.iter().map(|p| p.name.clone()).collect())
            .collect()
    }

    #[test]
    fn the_city_is_the_place_of_an_earlier_figure() {
        // The first sentence names its place only for "in the district" later.
        assert_eq!(
            event_places(
                "Officials in Kandahar said 12 people were wounded. \
                 Pakistani forces carried out attacks in the district, Mujahid said."
            ),
            [["Kandahar"]]
        );
    }

    #[test]
    fn the_city_is_the_newest_place_named() {
        assert_eq!(
            event_places(
                "Officials in Quetta said 12 people were wounded. \
                 Pakistani jets struck Khost overnight, officials said. \
                 Officials in Jalalabad said 12 people were wounded. \
                 Pakistani forces carried out attacks in the city, Mujahid said."
            ),
            [["Khost"], ["Jalalabad"]]
        );
        assert_eq!(
            event_places(
                "Officials in Quetta said 12 people were wounded. \
                 Pakistani jets struck Khost overnight, officials said. \
                 Pakistani forces carried out attacks in the city, Mujahid said."
            ),
            [["Khost"], ["Khost"]]
        );
    }

    fn cand(n: u64, side: Option<&str>, claimant: Option<&str>, heading: bool) -> Cand {
        Cand {
            claim: Claim {
                category: Category::Killed,
                subject: Subject {
                    text: "soldiers".into(),
                    side: side.map(|s| Side::new(s).unwrap()),
                    kind: Kind::Soldiers,
                },
                value: Value {
                    n,
                    n_max: None,
                    qualifier: Qualifier::Exact,
                    text: n.to_string(),
                },
                stance: Stance::Asserted,
                claimant: claimant.map(|c| Claimant {
                    text: c.into(),
                    side: Side::new(c).ok(),
                    anonymous: false,
                }),
                date: None,
                evidence: Evidence {
                    start: 0,
                    end: 0,
                    quote: String::new(),
                },
                confidence: 0.9,
                flags: Vec::new(),
            },
            heading,
            unresolved_claimant: false,
        }
    }

    fn keys(claims: &[Claim]) -> Vec<(u64, Option<String>, Option<String>, bool)> {
        claims
            .iter()
            .map(|c| {
                (
                    c.value.n,
                    c.subject.side.as_ref().map(|s| s.to_string()),
                    c.claimant
                        .as_ref()
                        .and_then(|x| x.side.as_ref())
                        .map(|s| s.to_string()),
                    c.flags.contains(&Flag::Repeated),
                )
            })
            .collect()
    }

    #[test]
    fn a_restatement_folds_into_the_attributed_figure() {
        let merged = merge(vec![
            cand(23, Some("PAK"), None, true),         // the headline
            cand(23, None, None, false),               // the lead, unattributed
            cand(23, Some("PAK"), Some("PAK"), false), // the body, attributed
        ]);
        assert_eq!(
            keys(&merged),
            [(23, Some("PAK".into()), Some("PAK".into()), true)]
        );
    }

    #[test]
    fn competing_claimants_are_both_kept() {
        let merged = merge(vec![
            cand(58, Some("PAK"), Some("AFG"), false),
            cand(58, Some("PAK"), Some("PAK"), false),
            cand(23, Some("PAK"), Some("PAK"), false),
        ]);
        assert_eq!(merged.len(), 3);
    }

    #[test]
    fn vague_and_exact_figures_stay_apart() {
        let mut dozens = cand(24, None, Some("UN"), false);
        dozens.claim.value.qualifier = Qualifier::Vague;
        let merged = merge(vec![dozens, cand(24, None, None, false)]);
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn different_days_stay_apart() {
        let mut a = cand(26, None, None, false);
        a.claim.date = "2025-04-22".parse().ok();
        let mut b = cand(26, None, Some("PAK"), false);
        b.claim.date = "2025-05-07".parse().ok();
        assert_eq!(merge(vec![a, b]).len(), 2);
    }

    #[test]
    fn running_date_follows_current_events_only() {
        let p: Date = "2025-05-08".parse().unwrap();
        assert!(current("2025-05-06".parse().unwrap(), Some(p)));
        assert!(!current("2025-04-22".parse().unwrap(), Some(p)));
        assert!(!current("1999".parse().unwrap(), Some(p)));
        assert!(current("2025-05".parse().unwrap(), Some(p)));
    }
}
