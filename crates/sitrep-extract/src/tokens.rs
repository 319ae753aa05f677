//! Word tokens of one sentence, with byte offsets into the document text.
//!
//! The claim rules look at words, numbers and punctuation in order. A token
//! is a run of letters and digits (with inner `.`/`,` between digits, so
//! "2,640" and "2.9" stay whole), or a single punctuation character. The
//! possessive "'s"/"’s" is its own token, and hyphens split words
//! ("India-controlled" is `India`, `-`, `controlled`).
//!
//! This module does not normalise case or spelling: comparisons are made on
//! the original text with ASCII case folding ([`Token::is`]).

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and possibly digits), starting with a letter.
    Word,
    /// Digits, possibly with inner separators.
    Number,
    /// The possessive suffix "'s" or "’s".
    Possessive,
    /// One punctuation or symbol character.
    Punct,
}

/// A token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte, in document coordinates.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: TokenKind,
    /// True when the token starts with an upper-case letter.
    pub capitalized: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Tokenizes `text[start..end]` into `out` (replacing its contents), giving
/// offsets in `text` coordinates.
pub fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let bytes = slice.as_bytes();
    // About one token per four bytes of prose: no regrowth while pushing.
    out.reserve(slice.len() / 4 + 1);
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        let abs = start + i;
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let mut last = i + len;
            let mut all_digits = c.is_ascii_digit();
            loop {
                // A run of ASCII letters and digits, then what stopped it.
                let rest = bytes.get(last..).unwrap_or_default();
                let run = rest
                    .iter()
                    .position(|&b| !ASCII_ALNUM[usize::from(b)])
                    .unwrap_or(rest.len());
                all_digits = all_digits
                    && rest
                        .get(..run)
                        .is_some_and(|r| r.iter().all(u8::is_ascii_digit));
                last += run;
                match bytes.get(last) {
                    Some(b',' | b'.')
                        if all_digits && bytes.get(last + 1).is_some_and(u8::is_ascii_digit) =>
                    {
                        // Keep "2,640" and "2.9" whole: a separator between digits.
                        last += 1;
                    }
                    Some(b) if !b.is_ascii() => match char_at(slice, last) {
                        Some(d) if d.is_alphanumeric() => {
                            all_digits = false;
                            last += d.len_utf8();
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                start: abs,
                end: start + last,
                kind,
                capitalized: c.is_uppercase(),
            });
            i = last;
            continue;
        }
        if c == '\'' || c == '’' {
            // Possessive: "'s" followed by a non-letter.
            let s_at = i + len;
            if matches!(bytes.get(s_at), Some(b's' | b'S'))
                && !char_at(slice, s_at + 1).is_some_and(char::is_alphanumeric)
            {
                out.push(Token {
                    start: abs,
                    end: abs + len + 1,
                    kind: TokenKind::Possessive,
                    capitalized: false,
                });
                i = s_at + 1;
                continue;
            }
        }
        out.push(Token {
            start: abs,
            end: abs + len,
            kind: TokenKind::Punct,
            capitalized: c.is_uppercase(),
        });
        i += len;
    }
}

/// Which bytes are ASCII letters and digits (one lookup in the tokenizer's
/// inner loop instead of three range tests).
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `i` of `text` (`None` at the end), with a fast
/// path for ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(s, 0, s.len(), &mut toks);
        toks.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            texts("The army’s posts: 2,640 and 2.9 million, India-controlled."),
            [
                "The",
                "army",
                "’s",
                "posts",
                ":",
                "2,640",
                "and",
                "2.9",
                "million",
                ",",
                "India",
                "-",
                "controlled",
                "."
            ]
        );
    }

    #[test]
    fn marks_capitalized_tokens() {
        let s = "Kabul’s army, Éire and 5 UN posts";
        let mut toks = Vec::new();
        tokenize(s, 0, s.len(), &mut toks);
        let caps: Vec<(&str, bool)> = toks.iter().map(|t| (t.text(s), t.capitalized)).collect();
        assert_eq!(
            caps,
            [
                ("Kabul", true),
                ("’s", false),
                ("army", false),
                (",", false),
                ("Éire", true),
                ("and", false),
                ("5", false),
                ("UN", true),
                ("posts", false)
            ]
        );
    }

    #[test]
    fn keeps_apostrophes_that_are_not_possessive() {
        assert_eq!(
            texts("the soldiers' 'own' words"),
            ["the", "soldiers", "'", "'", "own", "'", "words"]
        );
    }

    #[test]
    fn offsets_are_in_text_coordinates() {
        let s = "xx «Kyiv» 5";
        let mut toks = vec![Token {
            start: 0,
            end: 1,
            kind: TokenKind::Punct,
            capitalized: false,
        }];
        tokenize(s, 3, s.len(), &mut toks);
        assert_eq!(
            toks.iter().map(|t| t.text(s)).collect::<Vec<_>>(),
            ["«", "Kyiv", "»", "5"]
        );
        assert_eq!(toks[3].kind, TokenKind::Number);
    }
}
