//! Attribution: who states what in a sentence.
//!
//! Finds the places where a sentence hands its content to a speaker:
//! "X said (that) …", "… , X said.", "according to X", "X told Y",
//! "X claimed/denied/confirmed …", "AP quoted X as saying", "… was
//! confirmed by X", "…, quoting X". Each [`Attribution`] records the speech
//! verb and the token span of the speaker's noun phrase, with appositives
//! kept ("Mosharraf Ali Zaidi, a spokesperson for the prime minister,
//! denied …").
//!
//! Which figure belongs to which attribution, and what side the speaker
//! stands for, is decided in `claims`: this module only reads the sentence.
//!
//! ## Known misses
//! - Speakers after the verb in inverted order ("said the ministry") are
//!   found only at the end of a sentence.
//! - Attributions spread over several sentences are handled by the document
//!   state in `claims`, not here.

use crate::lexicon::{denial_verb, speech_verb};
use crate::sentence::Sent;

/// How the speaker is attached to the speech verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// "X said …" or "…, X said": the speaker precedes the verb.
    Subject,
    /// "according to X".
    AccordingTo,
    /// "…, quoting X" / "citing X": X is the original source.
    Quoting,
    /// "… was confirmed by X".
    PassiveBy,
    /// "saying", "adding": the speaker is the clause's subject, found in an
    /// earlier attribution of the sentence.
    Participle,
    /// "said the ministry" at the end of a sentence.
    Inverted,
}

/// One speech act in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    /// Token index of the speech verb (or "according", "quoting").
    pub verb: usize,
    /// Token span `[a, b)` of the speaker's noun phrase (empty for participles).
    pub span: (usize, usize),
    /// How the speaker is attached.
    pub form: Form,
    /// True for denials ("denied", "rejected", "dismissed").
    pub denial: bool,
}

/// Words skipped between a speaker and the verb ("has also said").
fn aux(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "long"
            | "also"
            | "later"
            | "officially"
            | "previously"
            | "reportedly"
            | "further"
            | "earlier"
            | "separately"
            | "again"
            | "however"
            | "then"
            | "would"
            | "will"
            | "did"
            | "does"
            | "publicly"
            | "initially"
            | "repeatedly"
            | "formally"
            | "since"
            | "now"
            | "too"
            | "subsequently"
            | "yet"
            | "already"
    )
}

/// Words that end a speaker's noun phrase when scanning backwards.
fn clause_boundary(w: &str) -> bool {
    matches!(
        w,
        ";" | ":"
            | "—"
            | "–"
            | "that"
            | "while"
            | "as"
            | "but"
            | "after"
            | "when"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "since"
            | "if"
            | "and"
            | "”"
            | "\""
            | "“"
            | "|"
            | "."
            | "?"
            | "!"
            | "which"
            | "where"
            | "meanwhile"
            | "however"
            | "instead"
            | "yet"
            | "so"
            | "then"
    )
}

/// Words that make an ambiguous form ("claims", "reports") a noun.
fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "these"
            | "those"
            | "such"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "’s"
            | "'s"
            | "this"
            | "that"
            | "any"
            | "no"
            | "previously"
            | "casualty"
            | "differing"
            | "initial"
            | "earlier"
            | "conflicting"
            | "media"
            | "news"
            | "of"
            | "first"
            | "unverified"
            | "rival"
            | "competing"
            | "in"
            | "to"
            | "by"
            | "for"
            | "with"
            | "on"
            | "from"
            | "and"
    )
}

/// Forms that are also nouns ("the claims", "casualty reports").
fn ambiguous(w: &str) -> bool {
    matches!(
        w,
        "claims"
            | "claim"
            | "reports"
            | "states"
            | "say"
            | "show"
            | "shows"
            | "put"
            | "puts"
            | "estimates"
            | "notes"
            | "reported"
            | "estimated"
            | "documented"
            | "recorded"
            | "counted"
            | "verified"
            | "denies"
            | "deny"
            | "adds"
    )
}

/// Finds the attributions of one sentence, in order of their verbs.
pub(crate) fn find(s: &Sent<'_>) -> Vec<Attribution> {
    let mut out = Vec::new();
    let n = s.len();
    let mut i = 0;
    while i < n {
        if !s.has(
            i,
            crate::lexicon::class::SPEECH | crate::lexicon::class::ATTRIB,
        ) {
            i += 1;
            continue;
        }
        let w = s.w(i);
        // "according to X", "…, quoting X": the speaker follows.
        let forward = match w {
            "according" if s.w(i + 1) == "to" => Some((i + 2, Form::AccordingTo)),
            "quoting" | "citing" => Some((i + 1, Form::Quoting)),
            _ => None,
        };
        if let Some((from, form)) = forward {
            let (a, b) = forward_np(s, from);
            if a < b {
                out.push(Attribution {
                    verb: i,
                    span: (a, b),
                    form,
                    denial: false,
                });
            }
            i = b.max(from);
            continue;
        }
        if w == "quoted" {
            // "AP quoted X as saying"
            if let Some(k) =
                (i + 1..n.min(i + 14)).find(|&k| s.w(k) == "as" && s.w(k + 1) == "saying")
                && k > i + 1
            {
                out.push(Attribution {
                    verb: i,
                    span: (i + 1, k),
                    form: Form::Subject,
                    denial: false,
                });
                i = k + 2;
                continue;
            }
        }
        if !speech_verb(w) || is_noun_use(s, i) {
            i += 1;
            continue;
        }
        // "claimed the lives of": a claim verb, not speech.
        if w.starts_with("claim") && s.w(i + 1) == "the" && s.w(i + 2).starts_with("li") {
            i += 1;
            continue;
        }
        // "confirmed killed", "reported missing": part of the claim, not speech.
        if crate::lexicon::passive_word(s.w(i + 1)).is_some() {
            i += 1;
            continue;
        }
        let denial = denial_verb(w);
        let prev = s.w_at(i, -1);
        if matches!(
            prev,
            "was" | "were" | "is" | "are" | "been" | "being" | "be"
        ) {
            // Passive: only with an agent ("was confirmed to AFP by X").
            if let Some(k) = (i + 1..n.min(i + 5)).find(|&k| s.w(k) == "by") {
                let (a, b) = forward_np(s, k + 1);
                if a < b {
                    out.push(Attribution {
                        verb: i,
                        span: (a, b),
                        form: Form::PassiveBy,
                        denial,
                    });
                    i = b;
                    continue;
                }
            }
            i += 1;
            continue;
        }
        if w.ends_with("ing") {
            out.push(Attribution {
                verb: i,
                span: (i, i),
                form: Form::Participle,
                denial,
            });
            i += 1;
            continue;
        }
        let (a, b) = backward_np(s, i);
        if a < b {
            let form = Form::Subject;
            // "who said": the speaker is the phrase before ", who".
            if b == a + 1 && matches!(s.w(a), "who" | "which") {
                let (a2, b2) = backward_np(s, a);
                if a2 < b2 {
                    out.push(Attribution {
                        verb: i,
                        span: (a2, b2),
                        form,
                        denial,
                    });
                }
            } else {
                out.push(Attribution {
                    verb: i,
                    span: (a, b),
                    form,
                    denial,
                });
            }
        } else if i + 1 < n && is_sentence_final_inversion(s, i) {
            // "…, said the ministry."
            let (a2, b2) = forward_np(s, i + 1);
            if a2 < b2 {
                out.push(Attribution {
                    verb: i,
                    span: (a2, b2),
                    form: Form::Inverted,
                    denial,
                });
            }
        }
        i += 1;
    }
    out
}

/// "said" used as an adjective or the ambiguous forms used as nouns.
fn is_noun_use(s: &Sent<'_>, i: usize) -> bool {
    let w = s.w(i);
    // "Omar Said": a capitalised form after a name, in prose, is a name.
    if i > 0 && s.cap(i) && s.cap(i - 1) && s.kind != crate::sentences::SentenceKind::Heading {
        return true;
    }
    // Skip adverbs between a determiner and the form: "its previously reported toll".
    let mut j = i;
    let mut prev = "";
    while j > 0 {
        j -= 1;
        let p = s.w(j);
        if p.ends_with("ly") && p.len() > 3 {
            continue;
        }
        prev = p;
        break;
    }
    if ambiguous(w) && determiner(prev) {
        return true;
    }
    if w == "said"
        && matches!(
            prev,
            "the" | "its" | "his" | "her" | "their" | "this" | "that" | "a" | "an"
        )
    {
        return true;
    }
    if matches!(
        w,
        "claims" | "claim" | "reports" | "estimates" | "states" | "notes" | "shows" | "show"
    ) {
        // A verb only after a capitalised name, a pronoun or an organ noun,
        // looking past ", however," and similar asides.
        let mut k = i;
        while k > 0
            && (s.punct(k - 1)
                || matches!(
                    s.w(k - 1),
                    "however" | "though" | "also" | "meanwhile" | "too"
                ))
            && s.w(k - 1) != "("
        {
            k -= 1;
        }
        let p = s.w_at(k, -1);
        let ok = k > 0
            && (s.cap(k - 1)
                || s.w_at(k, -1) == ")"
                || matches!(p, "he" | "she" | "it" | "they" | "who")
                || crate::lexicon::organ_head(p)
                || crate::lexicon::anonymous_head(p)
                || crate::lexicon::unaffiliated_head(p));
        return !ok;
    }
    false
}

/// "…, said the ministry." — a verb right after a comma or quote, followed
/// by a short noun phrase that ends the sentence.
fn is_sentence_final_inversion(s: &Sent<'_>, i: usize) -> bool {
    let prev = s.w_at(i, -1);
    if !matches!(prev, "," | "”" | "\"") {
        return false;
    }
    matches!(s.w(i + 1), "the" | "a" | "an") || s.cap(i + 1)
}

/// The noun phrase that starts at token `a` and runs to the next comma,
/// clause boundary or the end, keeping one appositive
/// ("Abdul Jan Barak, an official at the district hospital").
fn forward_np(s: &Sent<'_>, a: usize) -> (usize, usize) {
    let n = s.len();
    let mut b = a;
    let mut crossed = false;
    while b < n {
        let w = s.w(b);
        if w == "," {
            let next = s.w(b + 1);
            if !crossed && matches!(next, "a" | "an" | "the") && !s.w(b + 2).is_empty() {
                crossed = true;
                b += 1;
                continue;
            }
            break;
        }
        if matches!(
            w,
            "." | ";" | ":" | "”" | "\"" | "“" | ")" | "—" | "|" | "who" | "which" | "that"
        ) || (b > a && matches!(w, "as" | "while" | "after" | "when" | "but" | "on")
            || (matches!(w, "said" | "says") && !s.cap(b)))
        {
            // "(ISPR)" stays inside the phrase.
            if w == ")" && (a..b).any(|k| s.w(k) == "(") {
                b += 1;
                continue;
            }
            break;
        }
        b += 1;
    }
    (a, b)
}

/// The speaker's noun phrase that ends right before the verb at `v`,
/// skipping auxiliaries ("has also said") and keeping an appositive set off
/// by commas.
fn backward_np(s: &Sent<'_>, v: usize) -> (usize, usize) {
    let mut end = v;
    while end > 0 && aux(s.w(end - 1)) {
        end -= 1;
    }
    if end == 0 {
        return (0, 0);
    }
    let mut a = end;
    let mut appositive = false;
    let mut crossed = 0;
    // ", denied" — the phrase before is an appositive of a name.
    if s.w(end - 1) == "," {
        appositive = true;
        end -= 1;
        a = end;
    }
    while a > 0 {
        let w = s.w(a - 1);
        if w == "," {
            let content = (a..end).any(|k| !aux(s.w(k)) && !s.punct(k));
            if !content {
                a -= 1;
                continue;
            }
            if appositive && crossed == 0 {
                crossed += 1;
                a -= 1;
                continue;
            }
            break;
        }
        if w == "(" || w == ")" {
            a -= 1;
            continue;
        }
        // "A.P. Singh", "Lt. Gen.": a period after an initial or title.
        if w == "."
            && a >= 2
            && (s.raw(a - 2).chars().count() == 1 || crate::lexicon::title_word(s.w(a - 2)))
            && s.cap(a - 2)
        {
            a -= 1;
            continue;
        }
        if clause_boundary(w) {
            // "the UN and local authorities" keeps its "and".
            if w == "and"
                && a < end
                && (a >= 2 && s.cap(a - 2) || matches!(s.w(a), "local" | "other"))
            {
                a -= 1;
                continue;
            }
            break;
        }
        a -= 1;
        if end - a > 24 {
            break;
        }
    }
    // Drop leading adverbials and punctuation.
    while a < end
        && (s.punct(a) || aux(s.w(a)) || matches!(s.w(a), "meanwhile" | "however" | "but"))
    {
        a += 1;
    }
    if appositive && a < end {
        // Remove the trailing comma we stepped over.
        while end > a && s.punct(end - 1) {
            // "Inter-Services Public Relations (ISPR)" keeps its bracket.
            if s.w(end - 1) == ")" && (a..end).any(|k| s.w(k) == "(") {
                break;
            }
            end -= 1;
        }
    }
    (a, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::SentBuffers;
    use crate::sentences::{Sentence, SentenceKind};

    fn speakers(text: &str) -> Vec<(String, Form)> {
        let lower = text.to_ascii_lowercase();
        let whole = Sentence {
            start: 0,
            end: text.len(),
            paragraph: 0,
            kind: SentenceKind::Prose,
        };
        let s = Sent::new(SentBuffers::default(), text, &lower, &whole, &[]);
        find(&s)
            .into_iter()
            .map(|a| (s.span_text(a.span.0, a.span.1).to_string(), a.form))
            .collect()
    }

    #[test]
    fn subject_before_verb() {
        assert_eq!(
            speakers("The interior ministry said that 12 guards were wounded."),
            [("The interior ministry".to_string(), Form::Subject)]
        );
        assert_eq!(
            speakers("Meanwhile, the provincial governor has also said 4 died."),
            [("the provincial governor".to_string(), Form::Subject)]
        );
    }

    #[test]
    fn appositive_is_kept() {
        assert_eq!(
            speakers(
                "Jane Roe, a spokeswoman for the Freedonian army, denied that any troops were hurt."
            ),
            [(
                "Jane Roe, a spokeswoman for the Freedonian army".to_string(),
                Form::Subject
            )]
        );
    }

    #[test]
    fn trailing_and_according_to() {
        assert_eq!(
            speakers("Nine people died in the blast, a police officer said on Monday."),
            [("a police officer".to_string(), Form::Subject)]
        );
        assert_eq!(
            speakers("Two bridges were destroyed, according to the regional emergency service."),
            [(
                "the regional emergency service".to_string(),
                Form::AccordingTo
            )]
        );
    }

    #[test]
    fn quoted_as_saying_and_passive_agent() {
        assert_eq!(
            speakers("The agency quoted Governor Ann Bell as saying that six were hurt."),
            [("Governor Ann Bell".to_string(), Form::Subject)]
        );
        assert_eq!(
            speakers(
                "The toll was confirmed by Omar Said, an official at the hospital, on Friday."
            ),
            [(
                "Omar Said, an official at the hospital".to_string(),
                Form::PassiveBy
            )]
        );
    }

    #[test]
    fn and_near_the_start_does_not_underflow() {
        // Found by tests/no_panic.rs: "and" as the second token.
        assert_eq!(
            speakers("x and officials said 5 died."),
            [("officials".to_string(), Form::Subject)]
        );
    }

    #[test]
    fn nouns_are_not_verbs() {
        assert!(speakers("The clashes claimed the lives of 20 people.").is_empty());
        assert!(speakers("Both sides issued conflicting claims about the toll.").is_empty());
        assert!(speakers("It kept its previously reported toll.").is_empty());
    }
}
