//! `sitrep extract`: documents in, one SPEC output record per document out,
//! in input order, on every core, in bounded memory.
//!
//! # Design
//!
//! A reader thread turns the input files into *chunks* of at most
//! [`CHUNK_DOCS`] documents or [`CHUNK_TEXT_BYTES`] of text, and passes them
//! through a channel that holds one chunk. The main thread extracts each
//! chunk on the rayon pool (`par_iter` keeps the order of the chunk) and
//! writes the results before taking the next. So reading overlaps
//! extraction, output order is input order, and memory holds about three
//! chunks whatever the corpus size.
//!
//! The rejected alternative, `par_bridge` over the record iterator, is
//! simpler but loses the order and would need a reorder buffer of unbounded
//! size when one document is slow.
//!
//! A bad record travels in its chunk as a message, so it is reported at its
//! place among the outputs. A panic in the extractor is caught per document
//! and reported like a bad record: one faulty article must not end a batch.
//!
//! This module does not parse records (`sitrep-ingest` does) or extract
//! (`sitrep-extract` does); it wires them together.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

use anyhow::{Context, anyhow};
use jiff::civil::Date;
use rayon::prelude::*;
use sitrep_extract::Extractor;
use sitrep_ingest::{Document, Format, Limits, SourceName, jsonl_records, txt_document};

use crate::cli::{Dictionaries, ExtractArgs, InputArgs, InputFormat, OutputFormat};

/// Most documents in one chunk.
pub const CHUNK_DOCS: usize = 256;
/// Most text in one chunk, in bytes (one document may pass it alone).
pub const CHUNK_TEXT_BYTES: usize = 8 * 1024 * 1024;
/// Input read buffer per file.
const READ_BUFFER: usize = 256 * 1024;
/// Output buffer.
const WRITE_BUFFER: usize = 64 * 1024;

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Documents extracted and written.
    pub extracted: u64,
    /// Records and files skipped (each reported on standard error).
    pub skipped: u64,
}

/// One input file and how to read it.
#[derive(Debug)]
struct Input {
    path: PathBuf,
    format: Format,
}

/// What the reader passes on: a document to extract, or a message about
/// something skipped.
pub(crate) enum Item {
    Doc {
        /// `FILE:LINE` or `FILE`, for messages about this document.
        position: String,
        doc: Document,
    },
    Skipped(String),
}

/// What the reader sends: a chunk of items and how far it has read.
pub(crate) struct Batch {
    /// The items, in input order.
    pub(crate) items: Vec<Item>,
    /// Bytes read from all inputs so far, this chunk's included (a read
    /// buffer ahead at most), for progress reports.
    pub(crate) bytes_read: u64,
}

/// The bundled extractor, or one whose side dictionary also holds the
/// user's files (each read whole: dictionaries are small).
///
/// # Errors
///
/// When a file cannot be read or a line of it is malformed; the message
/// names the file, the line and the field.
pub(crate) fn build_extractor(
    side_files: &[std::path::PathBuf],
    place_files: &[std::path::PathBuf],
) -> anyhow::Result<Extractor> {
    let sides = if side_files.is_empty() {
        sitrep_gazetteer::Sides::bundled()
    } else {
        let mut texts = Vec::with_capacity(side_files.len());
        for (name, bytes) in read_all(side_files, "side dictionary")? {
            let text = String::from_utf8(bytes).map_err(|e| {
                anyhow::anyhow!(
                    "invalid side dictionary {name}: not UTF-8 ({e}); nothing was extracted"
                )
            })?;
            texts.push((name, text));
        }
        let mut sources: Vec<(&str, &str)> = sitrep_gazetteer::BUNDLED.to_vec();
        sources.extend(
            texts
                .iter()
                .map(|(name, text)| (name.as_str(), text.as_str())),
        );
        sitrep_gazetteer::Sides::from_tsv(&sources)
            .context("invalid side dictionary; nothing was extracted")?
    };
    let places = if place_files.is_empty() {
        sitrep_gazetteer::Places::bundled()
    } else {
        let texts = read_all(place_files, "place gazetteer")?;
        let mut sources: Vec<(&str, &[u8])> = sitrep_gazetteer::BUNDLED_PLACES.to_vec();
        sources.extend(
            texts
                .iter()
                .map(|(name, bytes)| (name.as_str(), bytes.as_slice())),
        );
        sitrep_gazetteer::Places::from_tsv(&sources)
            .context("invalid place gazetteer; nothing was extracted")?
    };
    Ok(Extractor::new(sides, places))
}

/// Reads each file whole (dictionaries are small), naming it in errors.
fn read_all(paths: &[std::path::PathBuf], what: &str) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path)
                .with_context(|| format!("cannot read {what} {}", path.display()))?;
            Ok((path.display().to_string(), bytes))
        })
        .collect()
}

/// Runs `sitrep extract`.
///
/// # Errors
///
/// Only for problems that stop the whole run: the thread pool cannot be
/// built, or the output cannot be written (a closed pipe included, which
/// `main` turns into a quiet exit). Bad records and unreadable files are
/// counted in [`Outcome::skipped`], not returned.
pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let ExtractArgs { format, input } = args;
    let InputArgs {
        files,
        input_format,
        published,
        threads,
        max_text_bytes,
        quiet,
        dictionaries: Dictionaries { sides, places },
    } = input;
    let OutputFormat::Jsonl = format;
    // Dictionaries first: a bad user file stops the run before any input is read.
    let extractor = build_extractor(&sides, &places)?;

    let pool = worker_pool(threads)?;
    let reader = Reader::start(files, input_format, published, max_text_bytes)?;

    let mut out = BufWriter::with_capacity(WRITE_BUFFER, io::stdout().lock());
    let mut outcome = Outcome::default();
    for chunk in reader.chunks() {
        let results: Vec<Result<Vec<u8>, String>> = pool.install(|| {
            chunk
                .items
                .into_par_iter()
                .map(|item| process(&extractor, item))
                .collect()
        });
        for result in results {
            match result {
                Ok(line) => {
                    out.write_all(&line).context("cannot write the output")?;
                    outcome.extracted += 1;
                }
                Err(message) => {
                    outcome.skipped += 1;
                    if !quiet {
                        // Keep the report in place among the outputs when
                        // both go to one terminal.
                        out.flush().context("cannot write the output")?;
                        report(&message);
                    }
                }
            }
        }
    }
    out.flush().context("cannot write the output")?;
    reader.finish()?;
    if outcome.skipped > 0 && !quiet {
        report_summary(outcome);
    }
    Ok(outcome)
}

/// The reader thread and the chunks it sends, shared by the commands that
/// read documents (`extract`, `ingest`).
pub(crate) struct Reader {
    receiver: mpsc::Receiver<Batch>,
    handle: thread::JoinHandle<()>,
    total_bytes: Option<u64>,
}

impl Reader {
    /// Starts reading `files` on a thread of its own.
    pub(crate) fn start(
        files: Vec<PathBuf>,
        input_format: InputFormat,
        published: Option<Date>,
        max_text_bytes: usize,
    ) -> anyhow::Result<Reader> {
        let inputs: Vec<Input> = files
            .into_iter()
            .map(|path| {
                let format = match input_format {
                    InputFormat::Auto => Format::from_path(&path),
                    InputFormat::Jsonl => Format::Jsonl,
                    InputFormat::Txt => Format::Txt,
                };
                Input { path, format }
            })
            .collect();
        let total_bytes = total_size(&inputs);
        let limits = Limits::new(max_text_bytes);
        // One chunk waits in the channel while the reader builds the next.
        let (sender, receiver) = mpsc::sync_channel::<Batch>(1);
        let handle = thread::Builder::new()
            .name("sitrep-read".into())
            .spawn(move || read_inputs(&inputs, published, limits, &sender))
            .context("cannot start the reader thread")?;
        Ok(Reader {
            receiver,
            handle,
            total_bytes,
        })
    }

    /// The chunks, in input order.
    pub(crate) fn chunks(&self) -> mpsc::Iter<'_, Batch> {
        self.receiver.iter()
    }

    /// The size of all inputs together, when every input is a regular
    /// file (not standard input, a pipe or a missing file).
    pub(crate) fn total_bytes(&self) -> Option<u64> {
        self.total_bytes
    }

    /// Waits for the reader thread.
    pub(crate) fn finish(self) -> anyhow::Result<()> {
        drop(self.receiver);
        self.handle
            .join()
            .map_err(|_| anyhow!("the reader thread failed"))
    }
}

/// The summed size of the inputs, if each is a regular file.
fn total_size(inputs: &[Input]) -> Option<u64> {
    inputs.iter().try_fold(0u64, |sum, input| {
        if input.path == Path::new("-") {
            return None;
        }
        let meta = std::fs::metadata(&input.path).ok()?;
        meta.is_file().then(|| sum.saturating_add(meta.len()))
    })
}

/// The rayon pool for extraction: `threads` workers, or one per core.
pub(crate) fn worker_pool(threads: Option<NonZeroUsize>) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads.map_or(0, |n| n.get()))
        .thread_name(|i| format!("sitrep-extract-{i}"))
        .build()
        .context("cannot start the worker threads")
}

/// Extracts one document and serializes its record, or passes a message on.
fn process(extractor: &Extractor, item: Item) -> Result<Vec<u8>, String> {
    let (position, doc, extraction) = extract_item(extractor, item)?;
    let mut line = serde_json::to_vec(&extraction)
        .map_err(|err| format!("{position}: document {:?}: cannot serialize: {err}", doc.id))?;
    line.push(b'\n');
    Ok(line)
}

/// Extracts one document, or passes a message on. A panic in the
/// extractor is caught and reported as this document's error.
pub(crate) fn extract_item(
    extractor: &Extractor,
    item: Item,
) -> Result<(String, Document, sitrep_model::Extraction), String> {
    let (position, doc) = match item {
        Item::Doc { position, doc } => (position, doc),
        Item::Skipped(message) => return Err(message),
    };
    let extraction =
        panic::catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc))).map_err(|payload| {
            let reason = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            format!(
                "{position}: document {:?}: extraction failed (internal error: {reason}); \
                 please report this as a bug",
                doc.id
            )
        })?;
    Ok((position, doc, extraction))
}

/// The reader thread: every input, in order, in chunks. Stops early when
/// the receiver is gone.
fn read_inputs(
    inputs: &[Input],
    published: Option<Date>,
    limits: Limits,
    sender: &mpsc::SyncSender<Batch>,
) {
    let mut chunk = Chunk::default();
    // Bytes read so far, counted under the read buffers by `Counted`.
    let read = Rc::new(Cell::new(0u64));
    let batch = |chunk: &mut Chunk| Batch {
        items: chunk.take(),
        bytes_read: read.get(),
    };
    for input in inputs {
        let keep_going = read_input(input, published, limits, &read, &mut |item| {
            chunk.push(item);
            if chunk.is_full() {
                sender.send(batch(&mut chunk)).is_ok()
            } else {
                true
            }
        });
        if !keep_going {
            return;
        }
    }
    if !chunk.items.is_empty() {
        // The receiver may be gone; there is nothing left to do either way.
        let _ = sender.send(batch(&mut chunk));
    }
}

/// A reader that adds the bytes it reads to a shared count.
struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get().saturating_add(n as u64));
        Ok(n)
    }
}

/// Reads one input, handing each item to `emit`; returns false as soon as
/// `emit` does.
fn read_input(
    input: &Input,
    published: Option<Date>,
    limits: Limits,
    read: &Rc<Cell<u64>>,
    emit: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let counted = |inner: Box<dyn Read>| {
        BufReader::with_capacity(
            READ_BUFFER,
            Counted {
                inner,
                count: Rc::clone(read),
            },
        )
    };
    let (source, reader): (SourceName, Box<dyn BufRead>) = if input.path == Path::new("-") {
        (
            SourceName::Stdin,
            Box::new(counted(Box::new(io::stdin().lock()))),
        )
    } else {
        match open(&input.path) {
            Ok(file) => (
                SourceName::path(&input.path),
                Box::new(counted(Box::new(file))),
            ),
            Err(message) => return emit(Item::Skipped(message)),
        }
    };
    match input.format {
        Format::Jsonl => {
            let mut records = jsonl_records(source, reader, limits);
            while let Some(record) = records.next() {
                let item = match record {
                    Ok(mut doc) => {
                        doc.published = doc.published.or(published);
                        let position = format!("{}:{}", records.source(), records.line());
                        Item::Doc { position, doc }
                    }
                    Err(err) => Item::Skipped(err.to_string()),
                };
                if !emit(item) {
                    return false;
                }
            }
            true
        }
        Format::Txt => {
            let id = match source.as_path() {
                Some(path) => stem(path),
                None => "stdin".to_owned(),
            };
            let item = match txt_document(source.clone(), id, published, reader, limits) {
                Ok(doc) => Item::Doc {
                    position: source.to_string(),
                    doc,
                },
                Err(err) => Item::Skipped(err.to_string()),
            };
            emit(item)
        }
    }
}

/// Opens a file for reading, or says why it cannot be read.
fn open(path: &Path) -> Result<File, String> {
    let fail = |err: io::Error| format!("{}: {err}", path.display());
    let file = File::open(path).map_err(fail)?;
    if file.metadata().map_err(fail)?.is_dir() {
        return Err(format!("{}: is a directory", path.display()));
    }
    Ok(file)
}

/// The id of a text file: its name without the extension.
fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The chunk being filled by the reader.
#[derive(Default)]
struct Chunk {
    items: Vec<Item>,
    text_bytes: usize,
}

impl Chunk {
    fn push(&mut self, item: Item) {
        if let Item::Doc { doc, .. } = &item {
            self.text_bytes = self.text_bytes.saturating_add(doc.text.len());
        }
        self.items.push(item);
    }

    fn is_full(&self) -> bool {
        self.items.len() >= CHUNK_DOCS || self.text_bytes >= CHUNK_TEXT_BYTES
    }

    fn take(&mut self) -> Vec<Item> {
        self.text_bytes = 0;
        std::mem::take(&mut self.items)
    }
}

/// Reports one skipped record or file on standard error.
pub(crate) fn report(message: &str) {
    // Nothing sensible is left to do if standard error is gone.
    let _ = writeln!(io::stderr().lock(), "sitrep: error: {message}");
}

/// Prints `sitrep: N documents extracted, M skipped`.
fn report_summary(outcome: Outcome) {
    let plural = if outcome.extracted == 1 { "" } else { "s" };
    let _ = writeln!(
        io::stderr().lock(),
        "sitrep: {} document{plural} extracted, {} skipped",
        outcome.extracted,
        outcome.skipped
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_name_text_documents() {
        assert_eq!(
            stem(Path::new("data/samples/border-clash.txt")),
            "border-clash"
        );
        assert_eq!(stem(Path::new("notes")), "notes");
        assert_eq!(stem(Path::new("a.b.txt")), "a.b");
    }

    #[test]
    fn chunks_fill_by_count_or_bytes() {
        let doc = |len: usize| Item::Doc {
            position: "x:1".into(),
            doc: Document {
                id: "d".into(),
                text: "a".repeat(len),
                ..Document::default()
            },
        };
        let mut chunk = Chunk::default();
        for _ in 0..CHUNK_DOCS - 1 {
            chunk.push(doc(1));
        }
        assert!(!chunk.is_full());
        chunk.push(Item::Skipped("bad".into()));
        assert!(chunk.is_full());
        assert_eq!(chunk.take().len(), CHUNK_DOCS);
        assert_eq!((chunk.items.len(), chunk.text_bytes), (0, 0));

        chunk.push(doc(CHUNK_TEXT_BYTES - 1));
        assert!(!chunk.is_full());
        chunk.push(doc(1));
        assert!(chunk.is_full());
    }

    #[test]
    fn skipped_items_pass_through_and_documents_become_json_lines() {
        let extractor = Extractor::bundled();
        assert_eq!(
            process(&extractor, Item::Skipped("f:1: bad".into())),
            Err("f:1: bad".into())
        );
        let doc = Document {
            id: "d-1".into(),
            published: Some(jiff::civil::date(2025, 10, 12)),
            text: "Nothing to report.".into(),
            ..Document::default()
        };
        let line = process(
            &extractor,
            Item::Doc {
                position: "f:2".into(),
                doc,
            },
        )
        .unwrap();
        assert_eq!(line.last(), Some(&b'\n'));
        let value: serde_json::Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(value["id"], "d-1");
        assert_eq!(value["published"], "2025-10-12");
    }

    #[test]
    fn the_reader_counts_the_bytes_it_reads() {
        let dir = std::env::temp_dir().join(format!("sitrep-reader-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut lines = String::new();
        for i in 0..CHUNK_DOCS + 10 {
            lines.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Quiet day {i}.\"}}\n"
            ));
        }
        let a = dir.join("a.jsonl");
        let b = dir.join("b.txt");
        std::fs::write(&a, &lines).unwrap();
        std::fs::write(&b, "Nothing happened.").unwrap();
        let size = (lines.len() + "Nothing happened.".len()) as u64;

        let reader =
            Reader::start(vec![a.clone(), b.clone()], InputFormat::Auto, None, 1024).unwrap();
        assert_eq!(reader.total_bytes(), Some(size));
        let batches: Vec<(usize, u64)> = reader
            .chunks()
            .map(|batch| (batch.items.len(), batch.bytes_read))
            .collect();
        reader.finish().unwrap();
        // The first chunk was sent with the whole (small) file read ahead;
        // the last one has read everything.
        assert_eq!(batches, [(CHUNK_DOCS, lines.len() as u64), (11, size)]);

        // Unknown when an input is standard input or missing.
        let input = |path: PathBuf| Input {
            path,
            format: Format::Jsonl,
        };
        assert_eq!(total_size(&[input(a.clone()), input(b)]), Some(size));
        assert_eq!(total_size(&[input(a.clone()), input("-".into())]), None);
        assert_eq!(total_size(&[input(a), input(dir.join("none"))]), None);
        assert_eq!(total_size(&[input(dir.clone())]), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
