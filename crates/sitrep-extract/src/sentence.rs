//! One sentence prepared for the rules: tokens, lower-cased text and the
//! side mentions inside it.
//!
//! The rules never look past a sentence directly; context from earlier
//! sentences reaches them through the document state in `claims`.

use sitrep_gazetteer::SideMention;

use crate::sentences::{Sentence, SentenceKind};
use crate::tokens::{Token, TokenKind, tokenize};

/// A sentence with its tokens.
pub(crate) struct Sent<'t> {
    /// The whole document text (token offsets point into it).
    pub text: &'t str,
    /// First byte of the sentence.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The sentence, ASCII-lower-cased (same byte length as the original).
    pub lc: &'t str,
    /// Tokens, in document coordinates.
    pub toks: Vec<Token>,
    /// Each token's text, ASCII-lower-cased.
    words: Vec<&'t str>,
    /// What the sentence is.
    pub kind: SentenceKind,
    /// Its paragraph index.
    pub paragraph: u32,
    /// Side mentions inside the sentence.
    pub mentions: &'t [SideMention],
    /// Each token's [`crate::lexicon::class`] flags.
    pub cls: Vec<u16>,
}

/// The vectors of a [`Sent`], kept from one sentence to the next so that a
/// document's sentences allocate them once.
#[derive(Default)]
pub(crate) struct SentBuffers<'t> {
    toks: Vec<Token>,
    words: Vec<&'t str>,
    cls: Vec<u16>,
}

impl<'t> Sent<'t> {
    /// The `sentence` of `text`, with the side `mentions` inside it; `lower`
    /// is the whole of `text` ASCII-lower-cased (once per document, not per
    /// sentence). The vectors are `buffers`, cleared: a document's sentences
    /// reuse one set (see [`Sent::into_buffers`]).
    pub fn new(
        buffers: SentBuffers<'t>,
        text: &'t str,
        lower: &'t str,
        sentence: &Sentence,
        mentions: &'t [SideMention],
    ) -> Sent<'t> {
        let Sentence {
            start,
            end,
            paragraph,
            kind,
        } = *sentence;
        let SentBuffers {
            mut toks,
            mut words,
            mut cls,
        } = buffers;
        tokenize(text, start, end, &mut toks);
        words.clear();
        words.extend(toks.iter().map(|t| lower.get(t.start..t.end).unwrap_or("")));
        cls.clear();
        cls.extend(toks.iter().zip(&words).map(|(t, w)| match t.kind {
            TokenKind::Word => crate::lexicon::class(w),
            _ => 0,
        }));
        Sent {
            text,
            start,
            end,
            lc: lower.get(start..end).unwrap_or(""),
            toks,
            words,
            kind,
            paragraph,
            mentions,
            cls,
        }
    }

    /// The sentence's vectors, for the next sentence to reuse.
    pub fn into_buffers(self) -> SentBuffers<'t> {
        SentBuffers {
            toks: self.toks,
            words: self.words,
            cls: self.cls,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Lower-cased text of token `i`, or "" past either end.
    pub fn w(&self, i: usize) -> &'t str {
        self.words.get(i).copied().unwrap_or("")
    }

    /// Lower-cased text of token `i` counted from `base` by a signed offset.
    pub fn w_at(&self, base: usize, delta: isize) -> &'t str {
        match base.checked_add_signed(delta) {
            Some(i) => self.w(i),
            None => "",
        }
    }

    /// Original text of token `i`.
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    /// True when token `i` has any of the [`crate::lexicon::class`] flags in `flags`.
    pub fn has(&self, i: usize, flags: u16) -> bool {
        self.cls.get(i).is_some_and(|c| c & flags != 0)
    }

    /// True when some token has any of the flags in `flags`.
    pub fn any(&self, flags: u16) -> bool {
        self.cls.iter().any(|c| c & flags != 0)
    }

    /// True when token `i` starts with an upper-case letter.
    pub fn cap(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word && t.capitalized)
    }

    /// True when token `i` is punctuation.
    pub fn punct(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    /// The original text of tokens `a..b`.
    pub fn span_text(&self, a: usize, b: usize) -> &'t str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[a].start..self.toks[b - 1].end)
            .unwrap_or("")
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn tok_at(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.start < pos)
    }

    /// Index one past the last token ending at or before byte `pos`.
    pub fn tok_end(&self, pos: usize) -> usize {
        self.toks.partition_point(|t| t.end <= pos)
    }

    /// Side mentions whose tokens lie within `a..b`.
    pub fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &'t SideMention> + '_ {
        let (lo, hi) = match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|i| self.toks.get(i)),
        ) {
            (Some(x), Some(y)) if a < b => (x.start, y.end),
            _ => (1, 0),
        };
        self.mentions
            .iter()
            .filter(move |m| m.start >= lo && m.end <= hi)
    }

    /// The side mention that starts at token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&'t SideMention> {
        let t = self.toks.get(i)?;
        self.mentions.iter().find(|m| m.start == t.start)
    }

    /// True when token `i` lies inside a side mention.
    pub fn in_mention(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.mentions
                .iter()
                .any(|m| m.start <= t.start && t.end <= m.end)
        })
    }
}
