//! Generates `data/sides/countries.tsv`, the country part of sitrep's side
//! dictionary, from the `keshvar` crate plus the hand-kept
//! `tools/gen-sides/countries-extra.tsv`.
//!
//! What it does: for every ISO 3166-1 entry keshvar knows, it takes the
//! English names (ISO short name, English translation, ISO long name without
//! its leading "The", and those unofficial names that look English: keshvar
//! mixes in German, French, Spanish, Dutch and Japanese ones), the
//! nationality (split at commas, with a generated plural), and then applies
//! the hand file: `drop` rows remove a derived name (a drop row that removes
//! nothing is an error, so stale rows show), `add` rows add names keshvar
//! lacks (capitals, "US", "Kyiv", "Afghans"), `display` rows choose the
//! display name written first. A name that keshvar gives to several sides is
//! kept only for the one that is a UN member (when exactly one is), otherwise
//! dropped unless an `add` row settles it; every such decision is printed to
//! standard error. `-v` also prints every row with where it came from.
//!
//! The output is deterministic: sides in code order; per side the display
//! name, then names by kind (country, demonym, capital) and alphabetically.
//!
//! What it does not do: it is never run by a build script, and the main
//! workspace does not compile it (this folder is its own Cargo workspace, so
//! keshvar is not a dependency of sitrep). Groups, international bodies,
//! state organs and names that resolve to no side live in the hand-kept
//! `data/sides/actors.tsv`, not here.
//!
//! Run from the repository root:
//!
//! ```text
//! cargo run --release --manifest-path tools/gen-sides/Cargo.toml -- [-v] \
//!     tools/gen-sides/countries-extra.tsv data/sides/countries.tsv
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;

use keshvar::CountryIterator;

/// Kinds written to `countries.tsv`, in output order.
const KINDS: [&str; 3] = ["country", "demonym", "capital"];

/// Function words of the other languages keshvar's unofficial names use
/// ("Antigua et Barbuda", "Saint Vincent und die Grenadinen").
const FOREIGN_WORDS: [&str; 14] = [
    "et", "und", "y", "en", "de", "del", "die", "du", "des", "les", "la", "le", "van", "der",
];

/// The languages, besides English and Japanese, that keshvar's unofficial
/// names are in.
const FOREIGN_LANGUAGES: [&str; 4] = ["de", "fr", "es", "nl"];

/// One name of one side, with where it came from (for the review log).
#[derive(Clone, Debug)]
struct Row {
    side: String,
    kind: &'static str,
    name: String,
    origin: &'static str,
}

/// A parsed row of `countries-extra.tsv`.
#[derive(Debug)]
struct Extra {
    op: String,
    side: String,
    kind: String,
    name: String,
    line: usize,
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.first().is_some_and(|a| a == "-v");
    if verbose {
        args.remove(0);
    }
    let [extra_path, out_path] = args.as_slice() else {
        return Err("usage: gen-sides [-v] EXTRA.tsv OUT.tsv".into());
    };
    let extra_text = std::fs::read_to_string(extra_path)?;
    let extras = parse_extra(&extra_text)?;

    let mut members = BTreeSet::new();
    let mut rows = Vec::new();
    let mut default_display = BTreeMap::new();
    // Kosovo: no ISO 3166-1 code, so not in keshvar; XKX is the code the EU,
    // the IMF and CLDR use, and the hand file gives its names.
    let mut known = BTreeSet::from(["XKX".to_string()]);
    for country in CountryIterator::new() {
        let side = country.alpha3().to_string();
        known.insert(side.clone());
        if country.un_member() {
            members.insert(side.clone());
        }
        rows.extend(derive_rows(&country, &side, &mut default_display, verbose));
    }

    let rows = apply_drops(rows, &extras)?;
    let rows = resolve_collisions(rows, &members, &extras);
    let rows = apply_adds(rows, &extras, &known)?;
    let display = choose_display(&extras, &default_display, &rows);
    if verbose {
        for r in &rows {
            eprintln!("{}\t{}\t{}\t({})", r.side, r.kind, r.name, r.origin);
        }
    }
    let text = render(&rows, &display)?;
    std::fs::write(out_path, text)?;
    Ok(())
}

/// Parses the hand file: `op side kind name`, `#` comments, one header line.
fn parse_extra(text: &str) -> Result<Vec<Extra>, Box<dyn Error>> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line != "op\tside\tkind\tname" {
                return Err(format!("extra line {line_no}: expected header").into());
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [op, side, kind, name] = fields.as_slice() else {
            return Err(format!("extra line {line_no}: expected 4 fields").into());
        };
        if !["add", "drop", "display"].contains(op) {
            return Err(format!("extra line {line_no}: unknown op {op:?}").into());
        }
        if *op != "drop" && !KINDS.contains(kind) {
            return Err(format!("extra line {line_no}: unknown kind {kind:?}").into());
        }
        if name.trim() != *name || name.is_empty() {
            return Err(format!("extra line {line_no}: bad name {name:?}").into());
        }
        out.push(Extra {
            op: op.to_string(),
            side: side.to_string(),
            kind: kind.to_string(),
            name: name.to_string(),
            line: line_no,
        });
    }
    Ok(out)
}

/// The English names and demonyms keshvar has for one country.
fn derive_rows(
    country: &keshvar::Country,
    side: &str,
    display: &mut BTreeMap<String, String>,
    verbose: bool,
) -> Vec<Row> {
    let mut rows = Vec::new();
    let foreign: BTreeSet<String> = country
        .translations()
        .iter()
        .filter(|(lang, _)| FOREIGN_LANGUAGES.contains(lang))
        .map(|(_, name)| name.to_lowercase())
        .collect();
    let english: BTreeSet<String> = country
        .translations()
        .iter()
        .filter(|(lang, _)| lang.starts_with("en"))
        .map(|(_, name)| name.to_lowercase())
        .collect();
    let mut push = |name: &str, kind: &'static str, origin: &'static str| {
        let name = strip_article(name);
        if is_clean(name) {
            rows.push(Row {
                side: side.to_string(),
                kind,
                name: name.to_string(),
                origin,
            });
        }
    };

    let short = country.iso_short_name();
    push(short, "country", "iso_short_name");
    let en = country.translations().get("en").copied();
    if let Some(en) = en {
        push(en, "country", "translation en");
    }
    push(country.iso_long_name(), "country", "iso_long_name");
    for name in country.unofficial_name_list() {
        // keshvar mixes in German, French, Spanish, Dutch, Japanese... names:
        // keep a name only when English gives it, or when it is ASCII, no
        // other language gives it and it has no foreign function word.
        let lower = name.to_lowercase();
        let foreign_word = lower.split([' ', '-']).any(|w| FOREIGN_WORDS.contains(&w));
        if english.contains(&lower)
            || (name.is_ascii() && !foreign.contains(&lower) && !foreign_word)
        {
            push(name, "country", "unofficial_name_list");
        } else if verbose {
            eprintln!("{side}: unofficial name {name:?} taken as foreign");
        }
    }
    let first_clean = [en.unwrap_or(""), short]
        .into_iter()
        .map(strip_article)
        .find(|n| is_clean(n));
    if let Some(name) = first_clean {
        display.insert(side.to_string(), name.to_string());
    }

    if let Some(nationality) = country.maybe_nationality() {
        for demonym in nationality.split(", ") {
            push(demonym, "demonym", "nationality");
            if let Some(plural) = plural(demonym) {
                push(&plural, "demonym", "nationality, plural rule");
            }
        }
    }
    rows
}

/// "The Kingdom of Spain" -> "Kingdom of Spain": the matcher finds the name
/// after any article, so articles are not part of names.
fn strip_article(name: &str) -> &str {
    name.strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(name)
}

/// A name as it can appear in English running text: no catalogue
/// punctuation ("Korea (Republic of)", "Palestine, State of"), Latin script.
fn is_clean(name: &str) -> bool {
    !name.is_empty()
        && name.chars().any(char::is_alphabetic)
        && !name.contains(['(', ')', '[', ']', ',', '\t', ';'])
        && name
            .chars()
            .all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

/// The plural of a demonym used as a noun ("Afghan" -> "Afghans"), or `None`
/// when English uses the same form ("Chinese", "Swiss", "Dutch", "Burmese")
/// or the demonym joins two ("Kittian and Nevisian"). Irregular plurals
/// ("Batswana") are `add` rows of the hand file, wrong ones `drop` rows.
fn plural(demonym: &str) -> Option<String> {
    let invariant = ["ese", "ish", "ch", "sh", "ss", "x", "z", "s"];
    if invariant.iter().any(|end| demonym.ends_with(end)) || demonym.contains(" and ") {
        return None;
    }
    Some(format!("{demonym}s"))
}

fn apply_drops(rows: Vec<Row>, extras: &[Extra]) -> Result<Vec<Row>, Box<dyn Error>> {
    let mut out = rows;
    for drop in extras.iter().filter(|e| e.op == "drop") {
        let before = out.len();
        out.retain(|r| {
            !(r.name == drop.name
                && (drop.side == "*" || drop.side == r.side)
                && (drop.kind == "*" || drop.kind == r.kind))
        });
        if out.len() == before {
            return Err(format!(
                "extra line {}: drop {:?} matches no derived name (stale row?)",
                drop.line, drop.name
            )
            .into());
        }
    }
    Ok(out)
}

/// Keeps a name given to several sides only for the UN member among them.
fn resolve_collisions(rows: Vec<Row>, members: &BTreeSet<String>, extras: &[Extra]) -> Vec<Row> {
    let settled: BTreeSet<&str> = extras
        .iter()
        .filter(|e| e.op == "add")
        .map(|e| e.name.as_str())
        .collect();
    let mut by_name: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        by_name
            .entry(r.name.clone())
            .or_default()
            .insert(r.side.clone());
    }
    let mut keep: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (name, sides) in &by_name {
        if sides.len() < 2 {
            continue;
        }
        let member: Vec<&String> = sides.iter().filter(|s| members.contains(*s)).collect();
        let winner = if settled.contains(name.as_str()) {
            None
        } else if let [only] = member.as_slice() {
            Some((*only).clone())
        } else {
            None
        };
        eprintln!(
            "collision {name:?}: {sides:?} -> {}",
            winner
                .as_deref()
                .unwrap_or(if settled.contains(name.as_str()) {
                    "settled by an add row"
                } else {
                    "dropped"
                })
        );
        keep.insert(name.clone(), winner);
    }
    rows.into_iter()
        .filter(|r| match keep.get(&r.name) {
            None => true,
            Some(winner) => winner.as_deref() == Some(r.side.as_str()),
        })
        .collect()
}

fn apply_adds(
    mut rows: Vec<Row>,
    extras: &[Extra],
    known: &BTreeSet<String>,
) -> Result<Vec<Row>, Box<dyn Error>> {
    for add in extras.iter().filter(|e| e.op != "drop") {
        if !known.contains(&add.side) {
            return Err(format!("extra line {}: unknown side {:?}", add.line, add.side).into());
        }
        let kind = KINDS
            .iter()
            .find(|k| **k == add.kind)
            .ok_or_else(|| format!("extra line {}: unknown kind", add.line))?;
        // An add row settles the name: it now means this side only.
        rows.retain(|r| r.name != add.name || r.side == add.side);
        rows.push(Row {
            side: add.side.clone(),
            kind,
            name: add.name.clone(),
            origin: "countries-extra.tsv",
        });
    }
    Ok(rows)
}

/// The display name of each side: the `display` row, else the English or
/// ISO short name when a drop row left it, else none (then `render` takes the
/// first country name in alphabetical order).
fn choose_display(
    extras: &[Extra],
    defaults: &BTreeMap<String, String>,
    rows: &[Row],
) -> BTreeMap<String, String> {
    let mut display: BTreeMap<String, String> = defaults
        .iter()
        .filter(|(side, name)| rows.iter().any(|r| &r.side == *side && &r.name == *name))
        .map(|(side, name)| (side.clone(), name.clone()))
        .collect();
    for e in extras.iter().filter(|e| e.op == "display") {
        display.insert(e.side.clone(), e.name.clone());
    }
    display
}

/// Writes the TSV: per side, the display name first, then every other name
/// by kind (country, demonym, capital) and alphabetically. A name listed
/// under several kinds of one side keeps the first kind in that order.
fn render(rows: &[Row], display: &BTreeMap<String, String>) -> Result<String, Box<dyn Error>> {
    let mut per_side: BTreeMap<&str, Vec<(usize, &str, &str)>> = BTreeMap::new();
    let mut seen: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (KINDS.iter().position(|k| *k == r.kind), r.name.as_str()));
    for r in sorted {
        if !seen.insert((r.side.as_str(), r.name.as_str())) {
            continue;
        }
        let rank = KINDS
            .iter()
            .position(|k| *k == r.kind)
            .unwrap_or(KINDS.len());
        per_side
            .entry(&r.side)
            .or_default()
            .push((rank, r.kind, &r.name));
    }
    let mut out = String::new();
    out.push_str(
        "# Generated by tools/gen-sides from the keshvar crate 0.7.0 (BSD-3-Clause, see data/NOTICE)\n\
         # plus the hand-kept tools/gen-sides/countries-extra.tsv. Do not edit by hand: edit the\n\
         # extra file and rerun the generator (see tools/gen-sides/README.md).\n",
    );
    out.push_str("side\tkind\tname\n");
    let mut names_seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (side, mut names) in per_side {
        // Without a clean English or ISO short name (BES), the display name
        // is the first country name in alphabetical order.
        let shown = display.get(side).map(String::as_str);
        names.sort_by_key(|(rank, _, name)| (Some(*name) != shown, *rank, *name));
        if shown.is_some_and(|shown| names.first().map(|n| n.2) != Some(shown)) {
            return Err(format!("{side}: display name {shown:?} is not among its names").into());
        }
        if names.first().map(|n| n.1) != Some("country") {
            return Err(format!("{side}: no country name").into());
        }
        for (_, kind, name) in names {
            if let Some(other) = names_seen.insert(name, side) {
                return Err(format!("{name:?} listed for {other} and {side}").into());
            }
            writeln!(out, "{side}\t{kind}\t{name}")?;
        }
    }
    Ok(out)
}
