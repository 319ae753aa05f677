//! The situation report as Markdown (GitHub-flavoured: tables and
//! footnotes), for reading on a terminal, in a repository or in any editor.
//!
//! Every figure and every timeline line ends with a footnote (`[^3]`) to
//! the sentence it was read in, with outlet, day, title and address.
//! Table cells are escaped (`|` and line breaks); nothing else in the
//! text is interpreted by a Markdown renderer beyond emphasis of the
//! highlighted figure.

use std::fmt::Write;

use crate::report::{Note, Report};
use crate::words;

/// Renders `report` as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, report);
    out
}

fn write_report(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "# {}", inline(&report.title))?;
    writeln!(out)?;
    writeln!(
        out,
        "{} · {} from {}{}.",
        words::span(report.period),
        words::count(report.documents, "document"),
        words::count(report.outlets.len(), "outlet"),
        match words::filters(&report.query) {
            f if f.is_empty() => String::new(),
            f => format!(" · filters: {f}"),
        }
    )?;

    writeln!(out)?;
    writeln!(out, "## Contested figures")?;
    writeln!(out)?;
    if report.figures.is_empty() {
        writeln!(out, "No figures match.")?;
    } else {
        writeln!(
            out,
            "| When | What | Figures by claimant | Low–high | Spread | Sources | Warnings |"
        )?;
        writeln!(out, "|---|---|---|---:|---:|---:|---|")?;
        for line in &report.figures {
            let f = &line.figure;
            let figures: Vec<String> = f
                .figures
                .iter()
                .zip(&line.notes)
                .map(|(figure, note)| {
                    format!(
                        "**{}** — {}[^{note}]",
                        cell(&words::value(figure)),
                        cell(&words::claimant(figure))
                    )
                })
                .collect();
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                words::span(f.date),
                cell(&words::what(f)),
                figures.join("<br>"),
                words::range(f),
                words::spread(f),
                f.sources,
                cell(&words::flags(f)),
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Timeline")?;
    let mut current_day: Option<String> = None;
    if report.events.is_empty() {
        writeln!(out)?;
        writeln!(out, "No events match.")?;
    }
    for line in &report.events {
        let day = words::span(line.event.days);
        if current_day.as_deref() != Some(day.as_str()) {
            writeln!(out)?;
            writeln!(out, "### {day}")?;
            writeln!(out)?;
            current_day = Some(day);
        }
        let place = line
            .event
            .place
            .as_ref()
            .map_or(String::new(), |p| format!(", at {}", words::place(p)));
        writeln!(
            out,
            "- **{}** — {}{}; {}[^{}]",
            inline(&words::event_kind(&line.event)),
            inline(&words::actors(&line.event)),
            inline(&place),
            words::reports(&line.event),
            line.note
        )?;
    }

    writeln!(out)?;
    writeln!(out, "## Places")?;
    writeln!(out)?;
    if report.places.is_empty() {
        writeln!(out, "No placed events.")?;
    } else {
        writeln!(
            out,
            "| Place | Province | Country | Lat, lon | Events | Dates |"
        )?;
        writeln!(out, "|---|---|---|---|---:|---|")?;
        for line in &report.places {
            let p = &line.place;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                cell(&p.name),
                cell(p.admin1.as_deref().unwrap_or("—")),
                cell(p.country.as_deref().unwrap_or("—")),
                words::coordinates(p),
                line.events,
                words::span(line.days),
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "## Sources")?;
    writeln!(out)?;
    for note in &report.notes {
        writeln!(out, "[^{}]: {}", note.number, source(note))?;
    }
    Ok(())
}

/// "Outlet, 2025-10-12, "Title" <url> (document d1): "… **58** …""
fn source(note: &Note) -> String {
    let mut parts = vec![inline(note.outlet.as_deref().unwrap_or("unknown outlet"))];
    parts.push(words::day(note.published));
    if let Some(title) = &note.title {
        parts.push(format!("“{}”", inline(title)));
    }
    let mut head = parts.join(", ");
    if let Some(url) = &note.url {
        head.push_str(&format!(" <{}>", url.replace(['<', '>', ' '], "")));
    }
    let quote = match &note.highlight {
        Some(h) => inline(&note.quote).replacen(&inline(h), &format!("**{}**", inline(h)), 1),
        None => inline(&note.quote),
    };
    let also = match note.also {
        0 => String::new(),
        1 => " Also in 1 other document.".to_owned(),
        n => format!(" Also in {n} other documents."),
    };
    format!(
        "{head} (document `{}`): “{quote}”{also}",
        note.document_id.replace('`', "'")
    )
}

/// Text on one line, with Markdown's emphasis and link characters escaped.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// [`inline`] text that is also safe in a table cell.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_break_the_markup() {
        assert_eq!(inline("a *b*\n[c](d)"), "a \\*b\\* \\[c\\](d)");
        assert_eq!(cell("x | y"), "x \\| y");
    }
}
