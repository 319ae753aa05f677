//! `sitrep-bench`: measures extraction throughput and memory on a generated
//! corpus.
//!
//! ```text
//! cargo run -p sitrep-bench --release -- [--mb 20] [--threads N] [--seed 1]
//! cargo run -p sitrep-bench --release -- --stream --mb 100 [--chunk 1000]
//! ```
//!
//! The default mode generates the whole corpus in memory, then measures, one
//! pass each: `sentences::split`, `numbers::find` over every sentence, and
//! `Extractor::extract` on one thread and on every rayon thread (results
//! collected in document order). It prints MB/s and documents/s per stage,
//! the claims and events found, and the peak resident memory (`VmHWM` from
//! `/proc/self/status`, Linux only).
//!
//! `--stream` never holds the corpus: it generates `--chunk` documents at a
//! time, extracts them in parallel, counts and drops them. Its peak memory
//! does not depend on `--mb`: compare `--stream --mb 20` with
//! `--stream --mb 100`.
//!
//! `--jsonl FILE` writes the corpus as JSON Lines (one document per line,
//! the input format of `sitrep extract` and `sitrep ingest`) instead of
//! measuring, so that whole commands can be timed on it:
//!
//! ```text
//! cargo run -p sitrep-bench --release -- --mb 50 --jsonl /tmp/corpus.jsonl
//! sitrep ingest --db /tmp/bench.db /tmp/corpus.jsonl
//! ```
//!
//! Generation time is reported but never counted in a stage's throughput.
//! Apart from `--jsonl`, this binary does no other I/O than printing and
//! reading `/proc`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sitrep_extract::{Extractor, numbers, sentences};
use sitrep_model::{Document, Extraction};

const USAGE: &str = "\
usage: sitrep-bench [--mb N] [--threads N] [--seed N] [--stream] [--chunk DOCS]

  --mb N        corpus size in megabytes of article text (default 20)
  --threads N   rayon threads for the parallel run (default: all cores)
  --seed N      corpus seed (default 1)
  --stream      generate and extract in chunks; memory stays flat
  --chunk DOCS  documents per chunk in --stream mode (default 1000)
  --jsonl FILE  write the corpus to FILE as JSON Lines and stop";

struct Options {
    mb: f64,
    threads: Option<usize>,
    seed: u64,
    stream: bool,
    chunk: usize,
    jsonl: Option<std::path::PathBuf>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        mb: 20.0,
        threads: None,
        seed: 1,
        stream: false,
        chunk: 1000,
        jsonl: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--mb" => o.mb = parse(&value("--mb")?, "--mb")?,
            "--threads" => o.threads = Some(parse(&value("--threads")?, "--threads")?),
            "--seed" => o.seed = parse(&value("--seed")?, "--seed")?,
            "--chunk" => o.chunk = parse(&value("--chunk")?, "--chunk")?,
            "--stream" => o.stream = true,
            "--jsonl" => o.jsonl = Some(value("--jsonl")?.into()),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if !(o.mb > 0.0 && o.mb.is_finite()) {
        return Err("--mb must be a positive number".into());
    }
    if o.threads == Some(0) || o.chunk == 0 {
        return Err("--threads and --chunk must be at least 1".into());
    }
    Ok(o)
}

fn parse<T: std::str::FromStr>(text: &str, name: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{name}: invalid value {text:?}"))
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("sitrep-bench: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = o.threads {
        pool = pool.num_threads(n);
    }
    if let Err(e) = pool.build_global() {
        eprintln!("sitrep-bench: cannot start the thread pool: {e}");
        return ExitCode::FAILURE;
    }
    let target = (o.mb * 1e6) as usize;
    if let Some(path) = &o.jsonl {
        return match write_jsonl(path, o.seed, target) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("sitrep-bench: cannot write {}: {e}", path.display());
                ExitCode::FAILURE
            }
        };
    }

    let t = Instant::now();
    let extractor = Extractor::bundled();
    println!("extractor built in {:.3} s", secs(t.elapsed()));
    println!(
        "cores: {}, rayon threads: {}",
        cores(),
        rayon::current_num_threads()
    );

    if o.stream {
        stream(&o, &extractor, target)
    } else {
        in_memory(&o, &extractor, target)
    }
    println!("peak RSS (VmHWM): {}", peak_rss());
    ExitCode::SUCCESS
}

fn in_memory(o: &Options, ex: &Extractor, target: usize) {
    let t = Instant::now();
    let docs = sitrep_bench::generate(o.seed, target);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {:.1} MB in {} documents (seed {}), generated in {:.2} s",
        mb(bytes),
        docs.len(),
        o.seed,
        secs(t.elapsed())
    );
    println!("after generation, RSS peak so far: {}", peak_rss());
    println!();
    println!(
        "{:<34} {:>7} {:>9} {:>10} {:>9}",
        "stage", "threads", "MB/s", "docs/s", "seconds"
    );

    // Sentences.
    let t = Instant::now();
    let mut sentence_count = 0;
    for d in &docs {
        sentence_count += sentences::split(&d.text).len();
    }
    row("sentences::split", 1, bytes, docs.len(), t.elapsed());

    // Numbers over every sentence (the sentences are split beforehand and
    // their bytes are what is counted).
    let spans: Vec<(usize, Vec<sentences::Sentence>)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (i, sentences::split(&d.text)))
        .collect();
    let sentence_bytes: usize = spans
        .iter()
        .flat_map(|(_, ss)| ss.iter().map(|s| s.end - s.start))
        .sum();
    let t = Instant::now();
    let mut number_count = 0;
    for (i, ss) in &spans {
        let text = &docs[*i].text;
        for s in ss {
            number_count += numbers::find(s.as_str(text)).len();
        }
    }
    row(
        "numbers::find (per sentence)",
        1,
        sentence_bytes,
        docs.len(),
        t.elapsed(),
    );
    drop(spans);

    // End to end, one thread.
    let t = Instant::now();
    let serial: Vec<Extraction> = docs.iter().map(|d| ex.extract(d)).collect();
    row("extract", 1, bytes, docs.len(), t.elapsed());
    check_order(&docs, &serial);
    let (claims, events) = count(&serial);
    drop(serial);

    // End to end, every rayon thread, results in document order.
    let t = Instant::now();
    let parallel: Vec<Extraction> = docs.par_iter().map(|d| ex.extract(d)).collect();
    row(
        "extract (rayon)",
        rayon::current_num_threads(),
        bytes,
        docs.len(),
        t.elapsed(),
    );
    check_order(&docs, &parallel);
    let (p_claims, p_events) = count(&parallel);
    assert_eq!(
        (claims, events),
        (p_claims, p_events),
        "parallel run found other results"
    );

    println!();
    println!("sentences: {sentence_count}, number expressions: {number_count}");
    println!("claims: {claims}, events: {events}");
}

fn stream(o: &Options, ex: &Extractor, target: usize) {
    println!(
        "streaming {:.1} MB (seed {}) in chunks of {} documents: generate, extract in parallel, drop",
        mb(target),
        o.seed,
        o.chunk
    );
    let mut source = sitrep_bench::documents(o.seed);
    let (mut bytes, mut docs, mut claims, mut events) = (0, 0, 0, 0);
    let (mut gen_time, mut ext_time) = (Duration::ZERO, Duration::ZERO);
    while bytes < target {
        let t = Instant::now();
        let mut chunk = Vec::with_capacity(o.chunk);
        while chunk.len() < o.chunk && bytes < target {
            let Some(d) = source.next() else { break };
            bytes += d.text.len();
            chunk.push(d);
        }
        gen_time += t.elapsed();
        let t = Instant::now();
        let out: Vec<Extraction> = chunk.par_iter().map(|d| ex.extract(d)).collect();
        ext_time += t.elapsed();
        check_order(&chunk, &out);
        let (c, e) = count(&out);
        claims += c;
        events += e;
        docs += chunk.len();
    }
    println!(
        "generated {:.1} MB in {docs} documents in {:.2} s",
        mb(bytes),
        secs(gen_time)
    );
    println!();
    println!(
        "{:<34} {:>7} {:>9} {:>10} {:>9}",
        "stage", "threads", "MB/s", "docs/s", "seconds"
    );
    row(
        "extract (rayon, streamed)",
        rayon::current_num_threads(),
        bytes,
        docs,
        ext_time,
    );
    println!();
    println!("claims: {claims}, events: {events}");
}

fn check_order(docs: &[Document], out: &[Extraction]) {
    assert_eq!(docs.len(), out.len());
    for (d, x) in docs.iter().zip(out) {
        assert_eq!(d.id, x.id, "results out of order");
    }
}

fn count(out: &[Extraction]) -> (usize, usize) {
    out.iter()
        .fold((0, 0), |(c, e), x| (c + x.claims.len(), e + x.events.len()))
}

fn row(stage: &str, threads: usize, bytes: usize, docs: usize, took: Duration) {
    let s = secs(took).max(1e-9);
    println!(
        "{stage:<34} {threads:>7} {:>9.1} {:>10.0} {:>9.3}",
        mb(bytes) / s,
        docs as f64 / s,
        secs(took)
    );
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Megabytes (10^6 bytes).
fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The peak resident set size, from `VmHWM` in `/proc/self/status`.
fn peak_rss() -> String {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return "n/a (no /proc/self/status)".into();
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|kb| kb.trim().parse::<f64>().ok())
        .map_or_else(|| "n/a".into(), |kb| format!("{:.1} MB", kb * 1024.0 / 1e6))
}

/// Writes documents of the corpus to `path`, one JSON object per line,
/// until their text reaches `target` bytes.
fn write_jsonl(path: &std::path::Path, seed: u64, target: usize) -> std::io::Result<()> {
    use std::io::Write;
    let t = Instant::now();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let (mut docs, mut bytes) = (0usize, 0usize);
    for doc in sitrep_bench::documents(seed) {
        if bytes >= target {
            break;
        }
        bytes += doc.text.len();
        docs += 1;
        serde_json::to_writer(&mut out, &doc)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    println!(
        "wrote {docs} documents ({:.1} MB of text) to {} in {:.2} s",
        bytes as f64 / 1e6,
        path.display(),
        secs(t.elapsed())
    );
    Ok(())
}
