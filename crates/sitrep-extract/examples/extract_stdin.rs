//! Reads SPEC JSONL documents on standard input and writes SPEC records:
//! a minimal driver for working on the rules without the CLI
//! (`cargo run -p sitrep-extract --example extract_stdin < docs.jsonl`).
//! It stops at the first malformed line; the `sitrep` binary is the tool
//! that reports and skips them.

use std::io::{BufRead, Write};

use sitrep_extract::Extractor;
use sitrep_model::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = Extractor::bundled();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Document = serde_json::from_str(&line)?;
        serde_json::to_writer(&mut out, &extractor.extract(&doc))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
