//! Text from people in OSCAL's Markdown fields, escaped so that it is read as the text it was,
//! never as markup.

/// Characters that mean something in Markdown wherever they stand.
const MARKDOWN_INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~'];

/// Text for an OSCAL markup-line field: one line, every Markdown character escaped.
pub(super) fn markup_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            c if MARKDOWN_INLINE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for an OSCAL markup-multiline field: escaped like [`markup_line`], plus what would
/// start a heading, list or rule at the start of a line; the person's line breaks are kept as
/// hard breaks and blank lines as paragraph breaks.
pub(super) fn markup_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text.split('\n').map(markup_text_line).collect();
    let mut out = String::with_capacity(text.len() + lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let hard_break = !lines[i - 1].trim().is_empty() && !line.trim().is_empty();
            out.push_str(if hard_break { "\\\n" } else { "\n" });
        }
        out.push_str(line);
    }
    out.trim().to_owned()
}

fn markup_text_line(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let (lead, rest) = line.split_at(indent);
    let mut escaped = markup_line(rest);
    if escaped.starts_with(['#', '-', '+', '=']) {
        escaped.insert(0, '\\');
    } else {
        let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
            escaped.insert(digits, '\\');
        }
    }
    format!("{lead}{escaped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_text_is_escaped_not_read_as_markdown() {
        assert_eq!(
            markup_line("<img src=x> *bold* [link](x)\nnext"),
            "\\<img src=x\\> \\*bold\\* \\[link\\](x) next"
        );
        assert_eq!(
            markup_text("# not a heading\r\n- not a list\n1. nor this\n\nnew paragraph"),
            "\\# not a heading\\\n\\- not a list\\\n1\\. nor this\n\nnew paragraph"
        );
        assert_eq!(markup_text("a \\ b"), "a \\\\ b");
    }
}
