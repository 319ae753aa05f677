//! Reads the side dictionary's TSV format into flat, validated rows.
//!
//! The format (one file per source, UTF-8):
//!
//! ```text
//! # comment lines start with '#'; blank lines are skipped
//! side<TAB>kind<TAB>name
//! PAK<TAB>country<TAB>Pakistan
//! TTP<TAB>group<TAB>Pakistani Taliban
//! -<TAB>none<TAB>Indian Ocean
//! ```
//!
//! The first line that is not blank or a comment is the header. Each other
//! line has exactly three tab-separated fields: a side code
//! ([`sitrep_model::Side`]), a kind (`country`, `demonym`, `capital`,
//! `group`, `international`, `organ`, or `none` with side `-`), and a name.
//! A trailing `\r` is ignored, and so is a byte-order mark.
//!
//! This module only checks each source on its own (a name may appear once per
//! source). Merging sources and compiling the matcher is `sides.rs`'s job.

use std::collections::HashMap;

use sitrep_model::Side;

use crate::MentionKind;
use crate::error::{Error, ErrorKind};

/// The header line every source starts with.
pub(crate) const HEADER: &str = "side\tkind\tname";

/// One validated line: a name, and its side and kind (`None` for kind none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub(crate) name: &'a str,
    pub(crate) target: Option<(Side, MentionKind)>,
}

/// Parses one source, named `source_name` in errors.
pub(crate) fn parse<'a>(source_name: &str, text: &'a str) -> Result<Vec<Row<'a>>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut rows = Vec::new();
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut header_seen = false;
    for (index, line) in text.split('\n').enumerate() {
        let line_no = index + 1;
        let err = |kind| Error::new(source_name, line_no, kind);
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line != HEADER {
                return Err(err(ErrorKind::Header {
                    found: line.to_string(),
                }));
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [side, kind, name] = fields.as_slice() else {
            return Err(err(ErrorKind::FieldCount {
                found: fields.len(),
            }));
        };
        let kind = parse_kind(kind).ok_or_else(|| {
            err(ErrorKind::Kind {
                found: kind.to_string(),
            })
        })?;
        let target = match kind {
            Some(kind) => Some((Side::new(side).map_err(|e| err(ErrorKind::Side(e)))?, kind)),
            None if *side == "-" => None,
            None => {
                return Err(err(ErrorKind::NoneWithSide {
                    found: side.to_string(),
                }));
            }
        };
        check_name(name).map_err(err)?;
        if let Some(first) = first_line.insert(name, line_no) {
            return Err(err(ErrorKind::Duplicate {
                name: name.to_string(),
                first_line: first,
            }));
        }
        rows.push(Row { name, target });
    }
    // A source with comments only (or nothing) has no header and no rows: an
    // empty dictionary, which is fine.
    Ok(rows)
}

/// `Some(None)` for kind `none`, `None` for an unknown kind.
fn parse_kind(kind: &str) -> Option<Option<MentionKind>> {
    if kind == "none" {
        return Some(None);
    }
    MentionKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .map(Some)
}

fn check_name(name: &str) -> Result<(), ErrorKind> {
    if name.is_empty() {
        return Err(ErrorKind::EmptyName);
    }
    if name.trim() != name {
        return Err(ErrorKind::NameWhitespace {
            name: name.to_string(),
        });
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err(ErrorKind::NameWithoutWord {
            name: name.to_string(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(code: &str) -> Side {
        Side::new(code).unwrap()
    }

    fn message(text: &str) -> String {
        parse("actors.tsv", text).unwrap_err().to_string()
    }

    #[test]
    fn reads_rows_comments_blank_lines_crlf_and_bom() {
        let text = "\u{feff}# made by hand\r\n\r\nside\tkind\tname\r\nPAK\tcountry\tPakistan\r\n\
                    # a comment between rows\n   \nttp\tgroup\tTTP\n-\tnone\tIndian Ocean";
        let rows = parse("t.tsv", text).unwrap();
        assert_eq!(
            rows,
            vec![
                Row {
                    name: "Pakistan",
                    target: Some((side("PAK"), MentionKind::Country))
                },
                Row {
                    name: "TTP",
                    target: Some((side("TTP"), MentionKind::Group))
                },
                Row {
                    name: "Indian Ocean",
                    target: None
                },
            ]
        );
    }

    #[test]
    fn an_empty_source_has_no_rows() {
        assert_eq!(parse("t.tsv", "").unwrap(), vec![]);
        assert_eq!(parse("t.tsv", "# nothing yet\n\n").unwrap(), vec![]);
        assert_eq!(parse("t.tsv", "side\tkind\tname\n").unwrap(), vec![]);
    }

    #[test]
    fn error_messages_name_source_line_and_field() {
        let head = "# actors\nside\tkind\tname\nPAK\torgan\tISPR\n";
        assert_eq!(
            message("PAK\tcountry\tPakistan\n"),
            "actors.tsv line 1: expected the header \"side\\tkind\\tname\", \
             found \"PAK\\tcountry\\tPakistan\""
        );
        assert_eq!(
            message(&format!("{head}PAK\tcountry\n")),
            "actors.tsv line 4: expected 3 tab-separated fields (side, kind, name), found 2"
        );
        assert_eq!(
            message(&format!("{head}PAK\tcountry\tPakistan\textra\n")),
            "actors.tsv line 4: expected 3 tab-separated fields (side, kind, name), found 4"
        );
        assert_eq!(
            message(&format!("{head}\n\nP K\tgroup\tSome Group\n")),
            "actors.tsv line 6: field side: invalid side code \"P K\": \
             expected 2 to 16 ASCII letters, digits, '_' or '-'"
        );
        assert_eq!(
            message(&format!("{head}-\tgroup\tSome Group\n")),
            "actors.tsv line 4: field side: invalid side code \"-\": \
             expected 2 to 16 ASCII letters, digits, '_' or '-'"
        );
        assert_eq!(
            message(&format!("{head}PAK\tnone\tSome Place\n")),
            "actors.tsv line 4: field side: kind none takes side \"-\", found \"PAK\""
        );
        assert_eq!(
            message(&format!("{head}TTP\tgrop\tTTP\n")),
            "actors.tsv line 4: field kind: unknown kind \"grop\": expected country, demonym, \
             capital, group, international, organ or none"
        );
        assert_eq!(
            message(&format!("{head}TTP\tGroup\tTTP\n")),
            "actors.tsv line 4: field kind: unknown kind \"Group\": expected country, demonym, \
             capital, group, international, organ or none"
        );
        assert_eq!(
            message(&format!("{head}TTP\tgroup\t\n")),
            "actors.tsv line 4: field name: empty name"
        );
        assert_eq!(
            message(&format!("{head}TTP\tgroup\tTTP \n")),
            "actors.tsv line 4: field name: \"TTP \" starts or ends with whitespace"
        );
        assert_eq!(
            message(&format!("{head}TTP\tgroup\t--\n")),
            "actors.tsv line 4: field name: \"--\" has no letter or digit"
        );
        assert_eq!(
            message(&format!(
                "{head}TTP\tgroup\tTTP\nTTP\tgroup\tPakistani Taliban\nTTP\tgroup\tTTP\n"
            )),
            "actors.tsv line 6: field name: \"TTP\" is already listed on line 4"
        );
    }

    #[test]
    fn errors_carry_their_parts_as_data() {
        let err = parse(
            "user.tsv",
            "side\tkind\tname\n\nHAMAS\tgroup\tHamas\nHAMAS\tgang\tHamas\n",
        )
        .unwrap_err();
        assert_eq!(err.source_name(), "user.tsv");
        assert_eq!(err.line(), 4);
        assert_eq!(err.field(), Some(crate::Field::Kind));
        assert_eq!(
            err.kind(),
            &ErrorKind::Kind {
                found: "gang".to_string()
            }
        );
    }
}
