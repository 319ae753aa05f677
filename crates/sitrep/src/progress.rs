//! The progress bar of long commands (`ingest`, `reextract`), on standard
//! error.
//!
//! A bar is drawn only when standard error is a terminal and `--quiet` was
//! not given; otherwise a [`Progress`] draws nothing and costs nothing, so
//! piped runs and logs stay clean. `ingest` counts bytes read (of the
//! inputs' total size when every input is a regular file, else only the
//! bytes so far); `reextract` counts documents of a known total. Both show
//! documents per second.
//!
//! The commands update the bar once per chunk of documents (up to 256),
//! never per document, so it cannot slow a run down; a ticker thread redraws
//! the spinner and the elapsed time between updates (at most ten times a
//! second). A message printed while the bar is shown must go through
//! [`Progress::suspend`], which clears the bar, prints, and draws it again.
//!
//! The bar fills the terminal's width and its fixed parts fit in 80
//! columns, so it never wraps (a wrapped bar is redrawn line after line).
//!
//! This module does not decide what to count; the commands do.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often the ticker redraws between updates.
const TICK: Duration = Duration::from_millis(100);

/// Bar template of `ingest` when the total size of the inputs is known.
const BYTES_OF_TOTAL: &str =
    "{spinner} {elapsed:>3} [{wide_bar}] {bytes}/{total_bytes}, {msg}, ETA {eta}";
/// Template of `ingest` when it is not (standard input, a pipe).
const BYTES: &str = "{spinner} {elapsed:>3} {bytes} read, {msg}";
/// Template of `reextract`.
const DOCUMENTS_OF_TOTAL: &str =
    "{spinner} {elapsed:>3} [{wide_bar}] {human_pos}/{human_len} docs, {msg}, ETA {eta}";

/// A progress bar on standard error, or nothing.
pub(crate) struct Progress {
    /// `None` when nothing is drawn.
    bar: Option<ProgressBar>,
    started: Instant,
    /// Whether the message counts documents (the position counts bytes).
    count_documents: bool,
}

impl Progress {
    /// A bar for reading `total` bytes (`None`: unknown).
    pub(crate) fn bytes(total: Option<u64>, quiet: bool) -> Progress {
        let template = if total.is_some() {
            BYTES_OF_TOTAL
        } else {
            BYTES
        };
        Progress::new(total, template, quiet, true)
    }

    /// A bar for processing `total` documents.
    pub(crate) fn documents(total: u64, quiet: bool) -> Progress {
        Progress::new(Some(total), DOCUMENTS_OF_TOTAL, quiet, false)
    }

    fn new(total: Option<u64>, template: &str, quiet: bool, count_documents: bool) -> Progress {
        let started = Instant::now();
        if quiet || !io::stderr().is_terminal() {
            return Progress {
                bar: None,
                started,
                count_documents,
            };
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr())
            .with_style(style(template))
            .with_message(rate_message(0, Duration::ZERO, count_documents));
        bar.enable_steady_tick(TICK);
        Progress {
            bar: Some(bar),
            started,
            count_documents,
        }
    }

    /// Moves the bar to `position` (bytes or documents) with `documents`
    /// done so far.
    pub(crate) fn update(&self, position: u64, documents: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(position);
            bar.set_message(rate_message(
                documents,
                self.started.elapsed(),
                self.count_documents,
            ));
        }
    }

    /// Runs `print` with the bar cleared, so that its output does not tear
    /// the bar.
    pub(crate) fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// Removes the bar, before the command prints its summary.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // An error that ends the run must not leave a half-drawn bar in
        // front of its message.
        self.finish();
    }
}

/// The style for `template`; the templates are constants checked by the
/// tests, so the fallback is never used in practice.
fn style(template: &str) -> ProgressStyle {
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// "1,234 docs, 567 docs/s" (or without the count, when the bar already
/// counts documents).
fn rate_message(documents: u64, elapsed: Duration, count_documents: bool) -> String {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 {
        // Saturates: the float-to-int cast cannot overflow or panic.
        (documents as f64 / seconds).round() as u64
    } else {
        0
    };
    if count_documents {
        format!(
            "{} docs, {} docs/s",
            HumanCount(documents),
            HumanCount(rate)
        )
    } else {
        format!("{} docs/s", HumanCount(rate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_valid() {
        for template in [BYTES_OF_TOTAL, BYTES, DOCUMENTS_OF_TOTAL] {
            assert!(ProgressStyle::with_template(template).is_ok(), "{template}");
        }
    }

    #[test]
    fn rate_messages() {
        assert_eq!(rate_message(0, Duration::ZERO, true), "0 docs, 0 docs/s");
        assert_eq!(
            rate_message(12_345, Duration::from_secs(2), true),
            "12,345 docs, 6,173 docs/s"
        );
        assert_eq!(
            rate_message(300, Duration::from_millis(1500), false),
            "200 docs/s"
        );
    }

    #[test]
    fn piped_runs_draw_nothing() {
        // The test harness captures standard error, or --quiet is given:
        // either way no bar exists and every call is a no-op.
        let quiet = Progress::bytes(Some(10), true);
        assert!(quiet.bar.is_none());
        quiet.update(5, 1);
        assert_eq!(quiet.suspend(|| 7), 7);
        quiet.finish();
    }
}
