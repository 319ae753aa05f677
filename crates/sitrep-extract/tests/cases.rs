//! Extraction cases written as Markdown: `tests/cases/*.md`.
//!
//! Each case file explains a rule in prose, gives a short project-written
//! article in a fenced `article` block and the expected claims in a fenced
//! `claims` block, one claim per line:
//!
//! ```text
//! killed PAK/soldiers 55 exact asserted by AFG "Afghanistan's Defence Ministry" on 2026-02-26
//! ```
//!
//! that is: category, subject side/kind, value (`n` or `n-n_max`), qualifier,
//! stance, `by SIDE "claimant text"` (`by - "…"` for a claimant without a
//! side, `by nobody` for the article's own voice, `(anon)` after an
//! anonymous claimant), and `on DATE` or `on ?`. The `article` block may
//! start with a `published: YYYY-MM-DD` line.
//!
//! An optional fenced `events` block lists the expected events, one per
//! line: type, mode (`-` for none), actor1 sides `->` actor2 sides (`-` for
//! none), places as `[Name/CTY, …]`, `on DATE` and `(negated)`:
//!
//! ```text
//! ASSAULT aerial PAK -> AFG [Kabul/AFG] on 2026-02-27
//! ```
//!
//! Run `UPDATE_CASES=1 cargo test -p sitrep-extract --test cases` to
//! rewrite the `claims` blocks from the current output, then review the diff.

use std::fmt::Write as _;
use std::path::Path;

use sitrep_extract::Extractor;
use sitrep_model::{Actor, Claim, Document, Event};

fn render(claim: &Claim) -> String {
    let mut line = String::new();
    let side = claim.subject.side.as_ref().map_or("-", |s| s.as_str());
    let value = match claim.value.n_max {
        Some(max) => format!("{}-{max}", claim.value.n),
        None => claim.value.n.to_string(),
    };
    let _ = write!(
        line,
        "{} {side}/{} {value} {} {}",
        claim.category, claim.subject.kind, claim.value.qualifier, claim.stance
    );
    match &claim.claimant {
        None => line.push_str(" by nobody"),
        Some(c) => {
            let side = c.side.as_ref().map_or("-", |s| s.as_str());
            let _ = write!(line, " by {side} {:?}", c.text);
            if c.anonymous {
                line.push_str(" (anon)");
            }
        }
    }
    match claim.date {
        Some(d) => {
            let _ = write!(line, " on {d}");
        }
        None => line.push_str(" on ?"),
    }
    line
}

fn sides(actor: &Option<Actor>) -> String {
    match actor {
        Some(a) if !a.sides.is_empty() => a
            .sides
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("/"),
        _ => "-".to_string(),
    }
}

fn render_event(event: &Event) -> String {
    let places: Vec<String> = event
        .places
        .iter()
        .map(|p| format!("{}/{}", p.name, p.country.as_deref().unwrap_or("?")))
        .collect();
    let mut line = format!(
        "{} {} {} -> {} [{}]",
        event.kind,
        event.mode.map_or("-".to_string(), |m| m.to_string()),
        sides(&event.actor1),
        sides(&event.actor2),
        places.join(", ")
    );
    match event.date {
        Some(d) => {
            let _ = write!(line, " on {d}");
        }
        None => line.push_str(" on ?"),
    }
    if event.negated {
        line.push_str(" (negated)");
    }
    line
}

/// The body of the first fenced block with this info string, and its byte range.
fn block<'a>(md: &'a str, info: &str) -> Option<(&'a str, std::ops::Range<usize>)> {
    let open = format!("```{info}\n");
    let start = md.find(&open)? + open.len();
    let len = md[start..].find("```")?;
    Some((&md[start..start + len], start..start + len))
}

fn run_case(path: &Path, extractor: &Extractor) -> Result<(), String> {
    let md = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (article, _) = block(&md, "article").ok_or("no ```article block")?;
    let (published, text) = match article.strip_prefix("published: ") {
        Some(rest) => {
            let (date, text) = rest.split_once('\n').unwrap_or((rest, ""));
            (
                Some(date.trim().parse().map_err(|e| format!("published: {e}"))?),
                text,
            )
        }
        None => (None, article),
    };
    let doc = Document {
        id: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        published,
        text: text.trim_end().to_string(),
        ..Document::default()
    };
    let out = extractor.extract(&doc);
    for claim in &out.claims {
        let chars: Vec<char> = doc.text.chars().collect();
        let quote: String = chars[claim.evidence.start..claim.evidence.end]
            .iter()
            .collect();
        if quote != claim.evidence.quote {
            return Err(format!(
                "evidence offsets do not match the quote: {quote:?}"
            ));
        }
    }
    let mut md = md;
    let mut errors = Vec::new();
    let got: String = out.claims.iter().map(|c| render(c) + "\n").collect();
    check_block(&mut md, "claims", &got, &mut errors)?;
    if block(&md, "events").is_some() {
        let got: String = out.events.iter().map(|e| render_event(e) + "\n").collect();
        check_block(&mut md, "events", &got, &mut errors)?;
    }
    if std::env::var_os("UPDATE_CASES").is_some() {
        std::fs::write(path, &md).map_err(|e| e.to_string())?;
        return Ok(());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// Compares a block with `got`; with `UPDATE_CASES` set, rewrites it.
fn check_block(
    md: &mut String,
    info: &str,
    got: &str,
    errors: &mut Vec<String>,
) -> Result<(), String> {
    let (want, range) = block(md, info).ok_or(format!("no ```{info} block"))?;
    if got == want {
        return Ok(());
    }
    errors.push(format!("{info} differ\n--- expected\n{want}--- got\n{got}"));
    if std::env::var_os("UPDATE_CASES").is_some() {
        md.replace_range(range, got);
    }
    Ok(())
}

#[test]
fn cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", dir.display());
    let extractor = Extractor::bundled();
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            run_case(p, &extractor)
                .err()
                .map(|e| format!("{}: {e}", p.display()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n\n")
    );
}
