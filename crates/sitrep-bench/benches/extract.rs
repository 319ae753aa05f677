//! Divan benchmarks of the extraction stages, with bytes throughput.
//!
//! ```text
//! cargo bench -p sitrep-bench
//! cargo bench -p sitrep-bench -- sentences    # one benchmark
//! ```
//!
//! Every benchmark runs over the same generated corpus (about 1 MB, seed 1,
//! built once outside the timed loop) and asserts its result inside the loop,
//! so a stage that silently stops working cannot look fast:
//!
//! - `sentences`: `sentences::split` on every document; at least one
//!   sentence per document.
//! - `numbers`: `numbers::find` on every sentence; some number expressions
//!   found (the corpus is full of figures).
//! - `extract`: `Extractor::extract` per document, one thread; the output
//!   id is the input id.
//!
//! The throughput counted is the text each stage reads: whole documents for
//! `sentences` and `extract`, the sentences' bytes for `numbers`.

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use sitrep_extract::{Extractor, numbers, sentences};
use sitrep_model::Document;

fn main() {
    divan::main();
}

/// Corpus size in bytes of article text.
const CORPUS_BYTES: usize = 1_000_000;

static CORPUS: LazyLock<Vec<Document>> = LazyLock::new(|| sitrep_bench::generate(1, CORPUS_BYTES));

/// Every sentence of the corpus, as text.
static SENTENCES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CORPUS
        .iter()
        .flat_map(|d| {
            sentences::split(&d.text)
                .into_iter()
                .map(move |s| s.as_str(&d.text))
        })
        .collect()
});

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::bundled);

fn corpus_bytes() -> usize {
    CORPUS.iter().map(|d| d.text.len()).sum()
}

#[divan::bench]
fn sentences(bencher: Bencher) {
    let docs = &*CORPUS;
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        let mut total = 0;
        for d in docs {
            let n = sentences::split(divan::black_box(&d.text)).len();
            assert!(n > 0, "no sentence in {}", d.id);
            total += n;
        }
        total
    });
}

#[divan::bench]
fn numbers(bencher: Bencher) {
    let sents = &*SENTENCES;
    let bytes: usize = sents.iter().map(|s| s.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut total = 0;
        for s in sents {
            total += numbers::find(divan::black_box(s)).len();
        }
        assert!(total > 0, "no number expression in the corpus");
        total
    });
}

#[divan::bench(sample_count = 20)]
fn extract(bencher: Bencher) {
    let docs = &*CORPUS;
    let ex = &*EXTRACTOR;
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        let mut claims = 0;
        for d in docs {
            let out = ex.extract(divan::black_box(d));
            assert_eq!(out.id, d.id);
            claims += out.claims.len();
        }
        claims
    });
}
