//! Text as import keeps it and quotes it: plain text without control characters, cut to its
//! limit; values quoted in a message, cut short.

use super::error::{ImportWarning, TextField};

/// The most characters of a value (an id, a name, a quoted value) a message quotes.
pub const QUOTE_MAX: usize = 40;
/// The most characters of another pack's id a message quotes.
pub const PACK_ID_MAX: usize = 80;
/// The most characters of serde's description of a damaged file a message quotes.
pub const DETAIL_MAX: usize = 400;

/// At most [`QUOTE_MAX`] characters of `s`, for quoting a value in a message; control
/// characters are left out so that nothing odd reaches the page.
pub(super) fn truncated(s: &str) -> String {
    truncated_to(s, QUOTE_MAX)
}

pub(super) fn truncated_to(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// Digits grouped in threes with commas: `4000` as `4,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What [`plain_text`] changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Change {
    ControlCharacters,
    Shortened { max: usize },
}

impl Change {
    pub(super) fn warning(self, field: TextField) -> ImportWarning {
        match self {
            Change::ControlCharacters => ImportWarning::ControlCharactersRemoved { field },
            Change::Shortened { max } => ImportWarning::Shortened { field, max },
        }
    }
}

/// Characters that change how text around them reads without showing themselves: direction
/// overrides and isolates (U+202A-202E, U+2066-2069) and zero-width characters (U+200B-200F).
/// A name could otherwise read backwards, or two names look alike, in the report and the CSV.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Text a person typed, as the app keeps it: without invisible characters ([`is_invisible`]).
pub fn visible(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

/// A text field as the app keeps it: line breaks as `\n`, no control characters but tab and
/// newline, no invisible characters ([`is_invisible`]), at most `max` characters (cut between
/// characters, never inside one).
pub(super) fn plain_text(text: String, max: usize) -> (String, Vec<Change>) {
    let mut changes = Vec::new();
    let odd = |c: char| (c.is_control() && c != '\t' && c != '\n') || is_invisible(c);
    let mut text = if text.chars().any(odd) {
        let unified = text.replace("\r\n", "\n").replace('\r', "\n");
        if unified.chars().any(odd) {
            changes.push(Change::ControlCharacters);
        }
        unified.chars().filter(|&c| !odd(c)).collect()
    } else {
        text
    };
    if let Some((cut, _)) = text.char_indices().nth(max) {
        text.truncate(cut);
        changes.push(Change::Shortened { max });
    }
    (text, changes)
}

/// Cuts every run of text between double quotes or backticks to `max` characters, marking the
/// cut with an ellipsis inside the quotes. Backslash escapes count inside double quotes only,
/// as serde writes strings with `{:?}` and names raw between backticks.
pub(super) fn shorten_quoted(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(1024));
    let mut open: Option<char> = None;
    let mut run = 0;
    let mut escaped = false;
    for c in text.chars() {
        match open {
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    open = Some(c);
                    run = 0;
                    escaped = false;
                }
            }
            Some(q) if c == q && !escaped => {
                out.push(c);
                open = None;
            }
            Some(q) => {
                escaped = q == '"' && c == '\\' && !escaped;
                run += 1;
                if run <= max {
                    out.push(c);
                } else if run == max + 1 {
                    out.push('\u{2026}');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_unifies_line_breaks_strips_controls_and_cuts_between_characters() {
        assert_eq!(plain_text("a\tb\nc".into(), 10), ("a\tb\nc".into(), vec![]));
        assert_eq!(
            plain_text("a\r\nb\rc".into(), 10),
            ("a\nb\nc".into(), vec![])
        );
        assert_eq!(
            plain_text("a\u{0}b\u{1b}[31mc\u{7f}\u{85}".into(), 10),
            ("ab[31mc".into(), vec![Change::ControlCharacters])
        );
        assert_eq!(
            plain_text("\u{e9}\u{e9}\u{1F600}x".into(), 3),
            (
                "\u{e9}\u{e9}\u{1F600}".into(),
                vec![Change::Shortened { max: 3 }]
            )
        );
        assert_eq!(plain_text("abc".into(), 3), ("abc".into(), vec![]));
    }

    #[test]
    fn shorten_quoted_cuts_inside_the_quotes_only() {
        assert_eq!(
            shorten_quoted(r#"invalid type: string "abcdef", expected a boolean"#, 3),
            "invalid type: string \"abc\u{2026}\", expected a boolean"
        );
        assert_eq!(
            shorten_quoted(r#"string "a\"bcd" and `xyz` and `wxyz`"#, 3),
            "string \"a\\\"\u{2026}\" and `xyz` and `wxy\u{2026}`"
        );
        assert_eq!(
            shorten_quoted("unclosed \"abcdef", 2),
            "unclosed \"ab\u{2026}"
        );
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(200), "200");
        assert_eq!(thousands(4000), "4,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
