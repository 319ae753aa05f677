//! Measures the bundled place gazetteer: load time (gunzip, parse, automaton
//! build), memory (the process's peak resident set, read from
//! `/proc/self/status` on Linux) and matching speed on news-like text.
//!
//! Run with `cargo run --release -p sitrep-gazetteer --example places_speed`,
//! optionally followed by text files to scan instead of the built-in sample
//! (they are repeated to about 16 MB). It does not check anything; the unit
//! tests do.

use std::time::Instant;

use sitrep_gazetteer::{BUNDLED_PLACES, Places};

/// Sentences in the style of conflict reporting, written for this example.
const SAMPLE: &str = "Pakistani officials said on Tuesday that security forces had closed the \
Torkham crossing after clashes near Spin Boldak, while Afghan authorities in Kabul blamed \
Islamabad. The province of Paktia saw heavy shelling overnight, and residents of Khost fled \
towards Gardez. In Ukraine, drones struck Odesa and Kharkiv; the governor of the Kursk region \
said two people were injured in Belgorod. Sudan's army said the Rapid Support Forces shelled \
El-Fasher and the Zamzam camp in North Darfur. An Iranian missile hit Bat Yam, south of Tel \
Aviv, the Israeli military said. Thai and Cambodian troops exchanged fire near the Ta Muen Thom \
temple in Surin province, officials in Bangkok and Phnom Penh said. Sale of arms to the region \
was suspended in May, a Police spokesman said at the University of Mobile. ";

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let before = peak_rss_mb();
    let start = Instant::now();
    let places = match Places::from_tsv(&BUNDLED_PLACES) {
        Ok(places) => places,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let load = start.elapsed();
    println!("{places:?}");
    println!("load: {:.3} s", load.as_secs_f64());
    println!(
        "peak RSS: {:.0} MB before load, {:.0} MB after",
        before.unwrap_or(f64::NAN),
        peak_rss_mb().unwrap_or(f64::NAN)
    );

    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    let base = if files.is_empty() {
        SAMPLE.to_string()
    } else {
        files.join("\n\n")
    };
    let text = base.repeat((16_000_000 / base.len().max(1)).max(1));
    let start = Instant::now();
    let mentions = places.find(&text);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "find: {} mentions in {:.1} MB, {:.3} s, {:.0} MB/s",
        mentions.len(),
        text.len() as f64 / 1e6,
        secs,
        text.len() as f64 / 1e6 / secs
    );
    println!(
        "peak RSS after matching: {:.0} MB",
        peak_rss_mb().unwrap_or(f64::NAN)
    );
    for m in places.find(SAMPLE) {
        let best = m.candidates.first().and_then(|&id| places.get(id));
        if let Some(p) = best {
            println!(
                "  {:<20} {} candidates, first: {} {} {:?} {}",
                &SAMPLE[m.start..m.end],
                m.candidates.len(),
                p.name,
                p.country,
                p.admin1,
                p.feature
            );
        }
    }
}
