//! The situation report as one self-contained HTML file: no script, no
//! font, no image and no stylesheet from anywhere else, so it opens
//! offline, prints, and can be mailed as an attachment.
//!
//! Same content as the Markdown report. Each figure and timeline line links
//! to its note (`#note-3`), and each note links back; the figure's words
//! are marked in the quoted sentence. Every text from the ledger is escaped
//! with `html-escape`; addresses become links only when they are http(s).

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::report::{Note, Report};
use crate::words;

const STYLE: &str = "
:root { color-scheme: light dark; --line: #8884; --mark: #ffd54f88; }
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta { color: GrayText; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; white-space: nowrap; }
ul.figures { list-style: none; margin: 0; padding: 0; }
.claimant { color: GrayText; }
.warn { font-size: .9em; }
mark { background: var(--mark); color: inherit; }
ol.notes li { margin-bottom: .5rem; }
sup a { text-decoration: none; }
@media (max-width: 40rem) { td, th { display: block; border: 0; padding: .1rem 0; } tr { display: block; border-bottom: 1px solid var(--line); padding: .4rem 0; } thead { display: none; } }
@media print { a { color: inherit; } }
";

/// Renders `report` as a self-contained HTML document.
pub fn html(report: &Report) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, report);
    out
}

fn cite(note: usize) -> String {
    format!("<sup><a href=\"#note-{note}\" aria-label=\"source {note}\">[{note}]</a></sup>")
}

fn write_report(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", text(&report.title))?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>{}</h1>", text(&report.title))?;
    let filters = words::filters(&report.query);
    writeln!(
        out,
        "<p class=\"meta\">{} · {} from {}{}</p>",
        text(&words::span(report.period)),
        words::count(report.documents, "document"),
        words::count(report.outlets.len(), "outlet"),
        if filters.is_empty() {
            String::new()
        } else {
            format!(" · filters: {}", text(&filters))
        }
    )?;
    writeln!(out, "</header>")?;

    writeln!(out, "<section id=\"figures\">")?;
    writeln!(out, "<h2>Contested figures</h2>")?;
    if report.figures.is_empty() {
        writeln!(out, "<p>No figures match.</p>")?;
    } else {
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th scope=\"col\">When</th><th scope=\"col\">What</th><th scope=\"col\">Figures by claimant</th><th scope=\"col\">Low–high</th><th scope=\"col\">Spread</th><th scope=\"col\">Sources</th><th scope=\"col\">Warnings</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for line in &report.figures {
            let f = &line.figure;
            write!(
                out,
                "<tr id=\"{}\"><td>{}</td><td>{}</td><td><ul class=\"figures\">",
                attr(&format!("figure-{}", f.id)),
                text(&words::span(f.date)),
                text(&words::what(f))
            )?;
            for (figure, note) in f.figures.iter().zip(&line.notes) {
                write!(
                    out,
                    "<li><strong>{}</strong> <span class=\"claimant\">{}</span>{}</li>",
                    text(&words::value(figure)),
                    text(&words::claimant(figure)),
                    cite(*note)
                )?;
            }
            writeln!(
                out,
                "</ul></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"warn\">{}</td></tr>",
                text(&words::range(f)),
                text(&words::spread(f)),
                f.sources,
                text(&words::flags(f))
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"timeline\">")?;
    writeln!(out, "<h2>Timeline</h2>")?;
    if report.events.is_empty() {
        writeln!(out, "<p>No events match.</p>")?;
    }
    let mut current_day: Option<String> = None;
    for line in &report.events {
        let day = words::span(line.event.days);
        if current_day.as_deref() != Some(day.as_str()) {
            if current_day.is_some() {
                writeln!(out, "</ul>")?;
            }
            writeln!(out, "<h3>{}</h3>", text(&day))?;
            writeln!(out, "<ul>")?;
            current_day = Some(day);
        }
        let place = line
            .event
            .place
            .as_ref()
            .map_or(String::new(), |p| format!(", at {}", words::place(p)));
        writeln!(
            out,
            "<li id=\"{}\"><strong>{}</strong> — {}{}; {}{}</li>",
            attr(&format!("event-{}", line.event.id)),
            text(&words::event_kind(&line.event)),
            text(&words::actors(&line.event)),
            text(&place),
            text(&words::reports(&line.event)),
            cite(line.note)
        )?;
    }
    if current_day.is_some() {
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"places\">")?;
    writeln!(out, "<h2>Places</h2>")?;
    if report.places.is_empty() {
        writeln!(out, "<p>No placed events.</p>")?;
    } else {
        writeln!(out, "<table>")?;
        writeln!(
            out,
            "<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Province</th><th scope=\"col\">Country</th><th scope=\"col\">Lat, lon</th><th scope=\"col\">Events</th><th scope=\"col\">Dates</th></tr></thead>"
        )?;
        writeln!(out, "<tbody>")?;
        for line in &report.places {
            let p = &line.place;
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                text(&p.name),
                text(p.admin1.as_deref().unwrap_or("—")),
                text(p.country.as_deref().unwrap_or("—")),
                text(&words::coordinates(p)),
                line.events,
                text(&words::span(line.days))
            )?;
        }
        writeln!(out, "</tbody>")?;
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</section>")?;

    writeln!(out, "<section id=\"sources\">")?;
    writeln!(out, "<h2>Sources</h2>")?;
    writeln!(out, "<ol class=\"notes\">")?;
    for note in &report.notes {
        writeln!(out, "{}", source(note))?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</section>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")?;
    Ok(())
}

fn source(note: &Note) -> String {
    let outlet = text(note.outlet.as_deref().unwrap_or("unknown outlet")).into_owned();
    let mut head = format!("<strong>{outlet}</strong>, {}", words::day(note.published));
    if let Some(title) = &note.title {
        let title = text(title);
        match note.url.as_deref().filter(|u| is_web(u)) {
            Some(url) => head.push_str(&format!(", <a href=\"{}\">“{title}”</a>", attr(url))),
            None => head.push_str(&format!(", “{title}”")),
        }
    } else if let Some(url) = note.url.as_deref().filter(|u| is_web(u)) {
        head.push_str(&format!(", <a href=\"{}\">{}</a>", attr(url), text(url)));
    }
    let quote = match &note.highlight {
        Some(h) => match note.quote.split_once(h.as_str()) {
            Some((before, after)) => {
                format!("{}<mark>{}</mark>{}", text(before), text(h), text(after))
            }
            None => text(&note.quote).into_owned(),
        },
        None => text(&note.quote).into_owned(),
    };
    let also = match note.also {
        0 => String::new(),
        1 => " Also in 1 other document.".to_owned(),
        n => format!(" Also in {n} other documents."),
    };
    format!(
        "<li id=\"note-{}\">{head} (document <code>{}</code>): “{quote}”{also}</li>",
        note.number,
        text(&note.document_id)
    )
}

fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_text_is_escaped_and_only_web_addresses_become_links() {
        let note = Note {
            number: 2,
            document_id: "d<1>".into(),
            outlet: Some("A & B".into()),
            published: None,
            title: Some("<script>x</script>".into()),
            url: Some("javascript:alert(1)".into()),
            quote: "He said 5 < 6 \"soldiers\" died.".into(),
            highlight: Some("5".into()),
            also: 1,
        };
        assert_eq!(
            source(&note),
            "<li id=\"note-2\"><strong>A &amp; B</strong>, undated, “&lt;script&gt;x&lt;/script&gt;” \
             (document <code>d&lt;1&gt;</code>): “He said <mark>5</mark> &lt; 6 \"soldiers\" died.” \
             Also in 1 other document.</li>"
        );
    }
}
