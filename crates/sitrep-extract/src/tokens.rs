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
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the token starts with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

/// Tokenizes `text[start..end]`, giving offsets in `text` coordinates.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let Some(slice) = text.get(start..end) else {
        return out;
    };
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let abs = start + i;
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut last = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    last = j + d.len_utf8();
                    chars.next();
                } else if (d == ',' || d == '.') && all_digits {
                    // Keep "2,640" and "2.9" whole: a separator between digits.
                    let next = slice[j + 1..].chars().next();
                    if next.is_some_and(|n| n.is_ascii_digit()) {
                        last = j + 1;
                        chars.next();
                    } else {
                        break;
                    }
                } else {
                    break;
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
            });
            continue;
        }
        if c == '\'' || c == '’' {
            // Possessive: "'s" followed by a non-letter.
            let rest = &slice[i + c.len_utf8()..];
            let mut rc = rest.chars();
            if matches!(rc.next(), Some('s' | 'S')) && !rc.next().is_some_and(char::is_alphanumeric)
            {
                chars.next();
                out.push(Token {
                    start: abs,
                    end: abs + c.len_utf8() + 1,
                    kind: TokenKind::Possessive,
                });
                continue;
            }
        }
        out.push(Token {
            start: abs,
            end: abs + c.len_utf8(),
            kind: TokenKind::Punct,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
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
    fn keeps_apostrophes_that_are_not_possessive() {
        assert_eq!(
            texts("the soldiers' 'own' words"),
            ["the", "soldiers", "'", "'", "own", "'", "words"]
        );
    }

    #[test]
    fn offsets_are_in_text_coordinates() {
        let s = "xx «Kyiv» 5";
        let toks = tokenize(s, 3, s.len());
        assert_eq!(
            toks.iter().map(|t| t.text(s)).collect::<Vec<_>>(),
            ["«", "Kyiv", "»", "5"]
        );
        assert_eq!(toks[3].kind, TokenKind::Number);
    }
}
