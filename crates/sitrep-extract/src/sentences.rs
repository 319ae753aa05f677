//! Sentence splitting. (Interface stub: to be implemented.)

/// What a stretch of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentenceKind {
    /// Ordinary prose.
    Prose,
    /// A headline or section heading: a short line without final punctuation.
    Heading,
    /// A photo caption (often followed by a credit).
    Caption,
    /// A credit line such as "(Name/AP)" or "| Photo: X", not prose.
    Credit,
    /// Page furniture: bylines, timestamps, "Sign up to…", navigation.
    Boilerplate,
}

/// One sentence: byte offsets into the text, trimmed of surrounding white space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the paragraph (blocks separated by line breaks), from 0.
    pub paragraph: u32,
    /// What the sentence is.
    pub kind: SentenceKind,
}

/// Splits `text` into sentences, in order, never overlapping.
pub fn split(text: &str) -> Vec<Sentence> {
    let _ = text;
    Vec::new()
}
