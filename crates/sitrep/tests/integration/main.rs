//! The one integration-test binary of `sitrep` (STYLE.md 7.3): it runs the
//! built `sitrep` executable as a user would, and checks its standard
//! output, standard error and exit status.
//!
//! One binary rather than one per file: each test binary links the whole
//! dependency graph, so a single one keeps `cargo test` fast. Modules are
//! by feature (`extract`); `hay` holds the project-written sample articles
//! the tests feed in. This file only has the shared helpers.

mod dictionaries;
mod export;
mod extract;
mod hay;
mod ledger;
mod output;
mod reextract;
#[cfg(unix)]
mod reliability;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

/// What a run of `sitrep` produced.
#[derive(Debug)]
pub struct Run {
    /// The exit status code (`None` if killed by a signal).
    pub code: Option<i32>,
    /// Standard output, as text.
    pub stdout: String,
    /// Standard error, as text.
    pub stderr: String,
}

impl Run {
    /// The output lines, each parsed as JSON.
    pub fn records(&self) -> Vec<serde_json::Value> {
        self.stdout
            .lines()
            .map(|line| {
                serde_json::from_str(line)
                    .unwrap_or_else(|err| panic!("output line is not JSON ({err}): {line}"))
            })
            .collect()
    }

    /// The `id` of every output record, in order.
    pub fn ids(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|r| {
                r["id"]
                    .as_str()
                    .expect("every record has a string id")
                    .to_owned()
            })
            .collect()
    }
}

/// Runs `sitrep ARGS…`, feeding `stdin` (or nothing) to its standard input.
pub fn sitrep(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sitrep binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Written from another thread so that a large input cannot deadlock
    // against a full output pipe. sitrep may exit before reading it all.
    let writer = thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("sitrep finishes");
    writer.join().expect("the stdin writer does not panic");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A fresh, empty directory for one test's files, under Cargo's target
/// directory for integration tests.
pub fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("sitrep-integration")
        .join(test);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("old scratch directory can be removed");
    }
    std::fs::create_dir_all(&dir).expect("scratch directory can be created");
    dir
}

/// Writes `bytes` to `dir/name` and returns the path as a string.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("test file can be written");
    path.to_str().expect("test paths are UTF-8").to_owned()
}

/// One JSONL input line (with its `\n`) for a document.
pub fn jsonl(id: &str, published: Option<&str>, text: &str) -> String {
    let mut line =
        serde_json::json!({ "id": id, "published": published, "text": text }).to_string();
    line.push('\n');
    line
}

/// The repository root (the workspace), for the bundled samples.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
