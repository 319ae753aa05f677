//! The matching rules of the crate doc, one scenario each, on small
//! hand-written claim sets: what an analyst reading a week of reports would
//! expect to see grouped, split, revised and flagged.

use sitrep_model::{
    Category, Claim, Claimant, Evidence, Kind, PartialDate, Qualifier, Stance, Subject, Value,
};
use sitrep_reconcile::{ClaimRecord, ContestFlag, ContestedFigure, Options, Scope, contested};

/// A claim read in a document: the fields a scenario sets.
struct Read {
    claim_id: String,
    document: &'static str,
    syndicate: &'static str,
    outlet: &'static str,
    published: &'static str,
    place: Option<&'static str>,
    claim: Claim,
}

/// `n` `subject_side` `kind` `category`, said by `claimant` (`side`), dated `date`.
fn read(
    document: &'static str,
    published: &'static str,
    n: u64,
    claimant: Option<(&str, &str)>,
) -> Read {
    Read {
        claim_id: format!("{document}#c0"),
        document,
        syndicate: document,
        outlet: "Example Wire",
        published,
        place: None,
        claim: Claim {
            category: Category::Killed,
            subject: Subject {
                text: "soldiers".into(),
                side: "PAK".parse().ok(),
                kind: Kind::Soldiers,
            },
            value: Value {
                n,
                n_max: None,
                qualifier: Qualifier::Exact,
                text: n.to_string(),
            },
            stance: Stance::Asserted,
            claimant: claimant.map(|(text, side)| Claimant {
                text: text.into(),
                side: side.parse().ok(),
                anonymous: false,
            }),
            date: None,
            evidence: Evidence {
                start: 0,
                end: 10,
                quote: format!("{n} soldiers were killed."),
            },
            confidence: 1.0,
            flags: vec![],
        },
    }
}

impl Read {
    fn dated(mut self, date: &str) -> Read {
        self.claim.date = Some(date.parse::<PartialDate>().unwrap());
        self
    }
    fn quote(mut self, quote: &str) -> Read {
        self.claim.evidence.quote = quote.into();
        self
    }
    fn kind(mut self, kind: Kind, text: &str) -> Read {
        self.claim.subject.kind = kind;
        self.claim.subject.text = text.into();
        self
    }
    fn side(mut self, side: &str) -> Read {
        self.claim.subject.side = side.parse().ok();
        self
    }
    fn category(mut self, category: Category) -> Read {
        self.claim.category = category;
        self
    }
    fn denied(mut self) -> Read {
        self.claim.stance = Stance::Denied;
        self
    }
    fn range(mut self, n_max: u64) -> Read {
        self.claim.value.n_max = Some(n_max);
        self.claim.value.qualifier = Qualifier::Range;
        self
    }
    fn syndicate(mut self, syndicate: &'static str, outlet: &'static str) -> Read {
        self.syndicate = syndicate;
        self.outlet = outlet;
        self
    }
    fn at(mut self, place: &'static str) -> Read {
        self.place = Some(place);
        self
    }
    fn ordinal(mut self, ordinal: u32) -> Read {
        self.claim_id = format!("{}#c{ordinal}", self.document);
        self
    }
}

fn reconcile(reads: &[Read]) -> Vec<ContestedFigure> {
    let records: Vec<ClaimRecord<'_>> = reads
        .iter()
        .map(|r| {
            ClaimRecord::new(&r.claim_id, r.document, &r.claim)
                .syndicate(r.syndicate)
                .outlet(Some(r.outlet))
                .published(r.published.parse().ok())
                .place(r.place)
        })
        .collect();
    contested(&records, &Options::default())
}

/// `(claimant side or "-", n)` of each figure, in output order.
fn figures(figure: &ContestedFigure) -> Vec<(String, u64)> {
    figure
        .figures
        .iter()
        .map(|f| {
            (
                f.claimant
                    .side
                    .as_ref()
                    .map_or("-".to_owned(), |s| s.to_string()),
                f.n,
            )
        })
        .collect()
}

fn pairs(list: &[(&str, u64)]) -> Vec<(String, u64)> {
    list.iter().map(|&(s, n)| (s.to_owned(), n)).collect()
}

const AFG: Option<(&str, &str)> = Some(("Afghan defence ministry", "AFG"));
const PAK: Option<(&str, &str)> = Some(("ISPR", "PAK"));

#[test]
fn two_sides_figures_for_one_night_stand_side_by_side() {
    let out = reconcile(&[
        read("a", "2025-10-12", 58, AFG).dated("2025-10-11"),
        read("b", "2025-10-12", 23, PAK).dated("2025-10-12"),
    ]);
    assert_eq!(out.len(), 1, "{out:#?}");
    let f = &out[0];
    assert_eq!(f.id, "killed/PAK/soldiers/incident/2025-10-11");
    assert_eq!(figures(f), pairs(&[("AFG", 58), ("PAK", 23)]));
    assert_eq!((f.low, f.high), (Some(23), Some(58)));
    assert_eq!(f.spread.map(|s| (s * 100.0).round()), Some(252.0));
    assert_eq!((f.claimant_sides, f.sources, f.sightings), (2, 2, 2));
    assert_eq!(f.flags, Vec::<ContestFlag>::new());
    assert_eq!(f.date.from.unwrap().to_string(), "2025-10-11");
    assert_eq!(f.date.to.unwrap().to_string(), "2025-10-12");
}

#[test]
fn two_clashes_in_one_week_are_two_figures() {
    let out = reconcile(&[
        read("a", "2025-10-12", 58, AFG).dated("2025-10-11"),
        read("b", "2025-10-16", 12, AFG).dated("2025-10-15"),
        read("c", "2025-10-16", 3, PAK).dated("2025-10-15"),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(figures(&out[0]), pairs(&[("AFG", 58)]));
    assert!(out[0].flags.contains(&ContestFlag::OneSide));
    assert_eq!(figures(&out[1]), pairs(&[("AFG", 12), ("PAK", 3)]));
    assert_eq!(out[1].id, "killed/PAK/soldiers/incident/2025-10-15");
}

#[test]
fn a_cumulative_toll_is_not_a_single_days_toll() {
    let out = reconcile(&[
        read("a", "2025-10-12", 23, PAK).dated("2025-10-11"),
        read("b", "2025-10-12", 310, PAK)
            .quote("Since the fighting began, 310 soldiers have been killed, the army said."),
        read("c", "2025-10-20", 340, PAK)
            .quote("The army's overall toll now stands at 340 soldiers."),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    let incident = out.iter().find(|f| f.scope == Scope::Incident).unwrap();
    assert_eq!(figures(incident), pairs(&[("PAK", 23)]));
    let total = out.iter().find(|f| f.scope == Scope::Cumulative).unwrap();
    assert_eq!(figures(total), pairs(&[("PAK", 340)]));
    assert_eq!(total.figures[0].revisions.len(), 1);
    assert_eq!(total.figures[0].revisions[0].n, 310);
    assert!(total.flags.contains(&ContestFlag::Revised));
}

#[test]
fn a_rising_toll_is_one_claimants_revisions_oldest_first() {
    let out = reconcile(&[
        read("c", "2025-10-14", 60, AFG).dated("2025-10-11"),
        read("a", "2025-10-12", 40, AFG).dated("2025-10-11"),
        read("b", "2025-10-13", 52, AFG),
        read("d", "2025-10-14", 60, AFG),
    ]);
    assert_eq!(out.len(), 1, "{out:#?}");
    let f = &out[0].figures[0];
    assert_eq!(f.n, 60);
    let history: Vec<u64> = f.revisions.iter().map(|r| r.n).collect();
    assert_eq!(history, [40, 52]);
    assert_eq!(f.revisions[0].document_id, "a");
    assert_eq!(f.documents, ["a", "b", "c", "d"]);
    assert_eq!(f.first_seen.unwrap().to_string(), "2025-10-12");
    assert_eq!(f.last_seen.unwrap().to_string(), "2025-10-14");
    // "b" and "d" have no date: published within two days of the 11th,
    // they join its incident, and the figure says a date was inferred.
    assert!(out[0].flags.contains(&ContestFlag::DateInferred));
}

#[test]
fn an_undated_claim_joins_the_incident_of_the_day_before_publication() {
    let out = reconcile(&[
        read("a", "2025-10-12", 58, AFG).dated("2025-10-11"),
        read("b", "2025-10-12", 20, PAK),
        // Published three days later with no date: another happening.
        read("c", "2025-10-15", 7, PAK),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    assert_eq!(figures(&out[0]), pairs(&[("AFG", 58), ("PAK", 20)]));
    assert!(out[0].flags.contains(&ContestFlag::DateInferred));
    assert_eq!(figures(&out[1]), pairs(&[("PAK", 7)]));
    assert_eq!(out[1].date.from.unwrap().to_string(), "2025-10-15");
}

#[test]
fn syndicated_copies_are_one_source_and_many_sightings() {
    let out = reconcile(&[
        read("w1", "2025-10-12", 58, AFG)
            .dated("2025-10-11")
            .syndicate("w1", "Wire"),
        read("w2", "2025-10-12", 58, AFG)
            .dated("2025-10-11")
            .syndicate("w1", "Daily A"),
        read("w3", "2025-10-13", 58, AFG)
            .dated("2025-10-11")
            .syndicate("w1", "Daily B"),
    ]);
    assert_eq!(out.len(), 1);
    let f = &out[0];
    assert_eq!((f.sources, f.sightings, f.claims), (1, 3, 3));
    assert_eq!(f.figures[0].outlets, ["Wire", "Daily A", "Daily B"]);
    assert_eq!(f.figures[0].sources, 1);
    assert!(f.figures[0].revisions.is_empty());
    assert_eq!(
        f.flags,
        [
            ContestFlag::OneSide,
            ContestFlag::SingleSource,
            ContestFlag::Syndicated
        ]
    );
}

#[test]
fn a_denial_by_the_other_side_is_kept_and_flagged_but_not_counted() {
    let out = reconcile(&[
        read("a", "2025-10-12", 55, AFG)
            .dated("2025-10-11")
            .category(Category::Captured),
        read("b", "2025-10-12", 55, PAK)
            .dated("2025-10-11")
            .category(Category::Captured)
            .denied(),
    ]);
    assert_eq!(out.len(), 1, "{out:#?}");
    let f = &out[0];
    assert_eq!((f.low, f.high), (Some(55), Some(55)));
    assert_eq!(f.claimant_sides, 1);
    assert_eq!(f.figures[1].stance, Stance::Denied);
    assert_eq!(f.flags, [ContestFlag::OneSide, ContestFlag::Denied]);
}

#[test]
fn figures_far_apart_are_flagged_and_ranges_count_by_their_high_end() {
    let out = reconcile(&[
        read("a", "2025-10-12", 40, AFG)
            .dated("2025-10-11")
            .range(50),
        read("b", "2025-10-12", 2, PAK).dated("2025-10-11"),
    ]);
    let f = &out[0];
    assert_eq!((f.low, f.high), (Some(2), Some(50)));
    assert_eq!(f.spread, Some(25.0));
    assert_eq!(f.flags, [ContestFlag::SpreadOver5x]);
}

#[test]
fn one_sides_soldiers_and_fighters_are_one_family_other_kinds_are_not() {
    let out = reconcile(&[
        read("a", "2025-10-12", 9, Some(("Taliban spokesman", "AFG")))
            .dated("2025-10-11")
            .side("AFG"),
        read("b", "2025-10-12", 30, PAK)
            .dated("2025-10-11")
            .side("AFG")
            .kind(Kind::Fighters, "Afghan Taliban fighters"),
        read("c", "2025-10-12", 30, PAK)
            .dated("2025-10-11")
            .side("AFG")
            .kind(Kind::Civilians, "civilians")
            .ordinal(1),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    let combatants = out.iter().find(|f| f.subject.kinds.len() == 2).unwrap();
    assert_eq!(figures(combatants), pairs(&[("AFG", 9), ("PAK", 30)]));
    assert_eq!(combatants.subject.kinds, [Kind::Soldiers, Kind::Fighters]);
    let civilians = out
        .iter()
        .find(|f| f.subject.kind == Kind::Civilians)
        .unwrap();
    assert_eq!(figures(civilians), pairs(&[("PAK", 30)]));
}

#[test]
fn two_places_on_one_day_are_two_incidents_and_a_province_holds_its_towns() {
    let out = reconcile(&[
        read("a", "2025-10-12", 8, PAK)
            .dated("2025-10-12")
            .at("PAK/kp/bannu"),
        read("b", "2025-10-12", 5, PAK)
            .dated("2025-10-12")
            .at("PAK/balochistan/chaman"),
        read("c", "2025-10-13", 11, AFG)
            .dated("2025-10-12")
            .at("PAK/kp"),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    let bannu = out
        .iter()
        .find(|f| f.place.as_deref() == Some("PAK/kp/bannu"))
        .unwrap();
    assert_eq!(figures(bannu), pairs(&[("AFG", 11), ("PAK", 8)]));
    let chaman = out
        .iter()
        .find(|f| f.place.as_deref() == Some("PAK/balochistan/chaman"))
        .unwrap();
    assert_eq!(figures(chaman), pairs(&[("PAK", 5)]));
    assert_ne!(bannu.id, chaman.id);
    assert!(chaman.id.ends_with("~2") || bannu.id.ends_with("~2"));
}

#[test]
fn a_monthly_total_is_a_period_of_its_own() {
    let out = reconcile(&[
        read("a", "2025-10-12", 58, AFG).dated("2025-10-11"),
        read("b", "2025-11-02", 410, Some(("UN mission", "UN"))).dated("2025-10"),
        read("c", "2025-11-05", 450, Some(("monitoring group", ""))).dated("2025-10"),
    ]);
    assert_eq!(out.len(), 2, "{out:#?}");
    let month = out.iter().find(|f| f.scope == Scope::Period).unwrap();
    assert_eq!(month.date.from.unwrap().to_string(), "2025-10-01");
    assert_eq!(month.date.to.unwrap().to_string(), "2025-10-31");
    assert_eq!(figures(month), pairs(&[("UN", 410), ("-", 450)]));
    // A source of unknown side is not a second side.
    assert_eq!(month.claimant_sides, 1);
}

#[test]
fn unattributed_figures_are_the_outlets_own_voice() {
    let out = reconcile(&[
        read("a", "2025-10-12", 14, None).dated("2025-10-12"),
        read("b", "2025-10-12", 16, None).dated("2025-10-12"),
    ]);
    assert_eq!(out.len(), 1);
    let f = &out[0];
    assert_eq!(f.figures.len(), 1);
    assert_eq!(f.figures[0].claimant.text, None);
    assert_eq!(f.figures[0].n, 16);
    assert!(f.flags.contains(&ContestFlag::Unattributed));
}

#[test]
fn every_claim_lands_in_exactly_one_figure_and_output_is_deterministic() {
    let reads: Vec<Read> = (0..40u32)
        .map(|i| {
            let day = format!("2025-10-{:02}", 1 + (i * 7) % 28);
            let published = ["2025-10-10", "2025-10-20", "2025-10-28"][(i % 3) as usize];
            let claimant = if i % 2 == 0 { AFG } else { PAK };
            let r = read("doc", published, u64::from(i) + 1, claimant).ordinal(i);
            if i % 5 == 0 { r } else { r.dated(&day) }
        })
        .collect();
    let out = reconcile(&reads);
    let total: usize = out.iter().map(|f| f.claims).sum();
    assert_eq!(total, reads.len());
    assert_eq!(out, reconcile(&reads));
    let mut ids: Vec<&str> = out.iter().map(|f| f.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), out.len());
}

#[test]
fn the_jsonl_shape_has_the_fields_the_issue_fixes() {
    let out = reconcile(&[
        read("a", "2025-10-12", 40, AFG).dated("2025-10-11"),
        read("b", "2025-10-13", 58, AFG).dated("2025-10-11"),
        read("c", "2025-10-12", 23, PAK).dated("2025-10-12"),
    ]);
    let json = serde_json::to_value(&out[0]).unwrap();
    for field in [
        "category", "subject", "date", "low", "high", "spread", "figures",
    ] {
        assert!(json.get(field).is_some(), "{field} missing in {json}");
    }
    assert_eq!(json["subject"]["side"], "PAK");
    assert_eq!(json["subject"]["kind"], "soldiers");
    assert_eq!(json["date"]["from"], "2025-10-11");
    let afg = &json["figures"][0];
    assert_eq!(afg["claimant"]["side"], "AFG");
    assert_eq!(afg["claimant"]["text"], "Afghan defence ministry");
    assert_eq!(afg["n"], 58);
    assert_eq!(afg["n_max"], serde_json::Value::Null);
    assert_eq!(afg["qualifier"], "exact");
    assert_eq!(afg["stance"], "asserted");
    assert_eq!(afg["first_seen"], "2025-10-12");
    assert_eq!(afg["last_seen"], "2025-10-13");
    assert_eq!(afg["documents"], serde_json::json!(["a", "b"]));
    assert_eq!(afg["revisions"][0]["n"], 40);
    assert_eq!(json["flags"], serde_json::json!(["revised"]));
}

#[test]
fn an_undated_claim_joins_the_latest_incident_still_reported() {
    let out = reconcile(&[
        read("a", "2025-10-12", 58, AFG).dated("2025-10-11"),
        read("b", "2025-10-16", 12, AFG).dated("2025-10-15"),
        // Published the day after the second clash, no date of its own.
        read("c", "2025-10-16", 4, PAK),
        // Nine days after the first clash: too late to be part of it.
        read("d", "2025-10-20", 60, AFG),
    ]);
    let shape: Vec<(String, Vec<(String, u64)>)> = out
        .iter()
        .map(|f| (f.date.from.unwrap().to_string(), figures(f)))
        .collect();
    assert_eq!(
        shape,
        [
            ("2025-10-11".to_owned(), pairs(&[("AFG", 58)])),
            ("2025-10-15".to_owned(), pairs(&[("AFG", 12), ("PAK", 4)])),
            ("2025-10-20".to_owned(), pairs(&[("AFG", 60)])),
        ]
    );
}

#[test]
fn sideless_running_totals_of_two_countries_are_two_figures() {
    let people = |r: Read| r.side("").kind(Kind::People, "people");
    let out = reconcile(&[
        people(read(
            "a",
            "2025-06-20",
            224,
            Some(("health ministry", "IRN")),
        ))
        .quote("Since the strikes began, 224 people have been killed.")
        .at("IRN/tehran"),
        people(read(
            "b",
            "2025-07-26",
            14,
            Some(("health ministry", "THA")),
        ))
        .quote("In total, 14 people have been killed.")
        .at("THA/surin"),
        people(read("c", "2025-06-22", 250, Some(("monitor", "IRN"))))
            .quote("The overall toll rose to 250 people.")
            .at("IRN/isfahan"),
    ]);
    let shape: Vec<Vec<(String, u64)>> = out.iter().map(figures).collect();
    assert_eq!(
        shape,
        [pairs(&[("IRN", 250)]), pairs(&[("THA", 14)])],
        "{out:#?}"
    );
}
