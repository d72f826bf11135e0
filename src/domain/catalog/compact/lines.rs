//! The lines a compact catalogue is made of: [`Out`] writes values one per line, [`In`] reads
//! them back (see the parent module for the format).

use crate::domain::map::Map;
use std::str::Split;

use super::super::pack::Confidence;
use crate::domain::ids::Tier;

/// An absent optional text.
const ABSENT: &str = "\\-";

pub(super) struct Out(pub(super) String);

impl Out {
    pub(super) fn raw(&mut self, line: &str) {
        self.0.push_str(line);
        self.0.push('\n');
    }

    pub(super) fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\\' => self.0.push_str("\\\\"),
                '\n' => self.0.push_str("\\n"),
                c => self.0.push(c),
            }
        }
        self.0.push('\n');
    }

    pub(super) fn opt(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.text(text),
            None => self.raw(ABSENT),
        }
    }

    pub(super) fn opt_number(&mut self, n: Option<u32>) {
        self.opt(n.map(|n| n.to_string()).as_deref());
    }

    pub(super) fn number(&mut self, n: u32) {
        self.raw(&n.to_string());
    }

    pub(super) fn flag(&mut self, yes: bool) {
        self.raw(if yes { "1" } else { "0" });
    }

    pub(super) fn confidence(&mut self, c: Option<Confidence>) {
        self.raw(match c {
            None => "-",
            Some(Confidence::Verified) => "v",
            Some(Confidence::Corroborated) => "c",
        });
    }

    pub(super) fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Out, &T)) {
        self.number(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }
}

/// The lines being read; `bad` once one was not what it should be (every read after that
/// gives an empty value).
pub(super) struct In<'a> {
    pub(super) lines: Split<'a, char>,
    pub(super) bad: bool,
}

/// A text as [`Out::text`] wrote it on `line`.
fn unescape(line: &str) -> Option<String> {
    if !line.contains('\\') {
        return Some(line.to_owned());
    }
    let mut text = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        text.push(match c {
            '\\' => match chars.next()? {
                'n' => '\n',
                '\\' => '\\',
                _ => return None,
            },
            c => c,
        });
    }
    Some(text)
}

impl<'a> In<'a> {
    pub(super) fn raw(&mut self) -> &'a str {
        let line = self.lines.next();
        self.bad |= line.is_none();
        line.unwrap_or_default()
    }

    /// `what` of a line, or `T::default()` and the reader marked bad.
    fn ok<T: Default>(&mut self, what: Option<T>) -> T {
        self.bad |= what.is_none();
        what.unwrap_or_default()
    }

    pub(super) fn text(&mut self) -> String {
        let text = unescape(self.raw());
        self.ok(text)
    }

    /// An optional text, `None` when absent.
    pub(super) fn opt(&mut self) -> Option<String> {
        match self.raw() {
            ABSENT => None,
            line => {
                let text = unescape(line);
                Some(self.ok(text))
            }
        }
    }

    pub(super) fn number(&mut self) -> u32 {
        let n = self.raw().parse().ok();
        self.ok(n)
    }

    pub(super) fn opt_number(&mut self) -> Option<u32> {
        match self.raw() {
            ABSENT => None,
            line => {
                let n = line.parse().ok();
                Some(self.ok(n))
            }
        }
    }

    pub(super) fn flag(&mut self) -> bool {
        let line = self.raw();
        self.bad |= line != "1" && line != "0";
        line == "1"
    }

    pub(super) fn tier(&mut self) -> Tier {
        let tier = Tier::from_key(self.raw());
        self.bad |= tier.is_none();
        tier.unwrap_or(Tier::Small)
    }

    pub(super) fn confidence(&mut self) -> Option<Confidence> {
        match self.raw() {
            "v" => Some(Confidence::Verified),
            "c" => Some(Confidence::Corroborated),
            line => {
                self.bad |= line != "-";
                None
            }
        }
    }

    /// A list: its length, then its items. A length past the lines left marks the reader bad
    /// once they run out.
    pub(super) fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.number();
        let mut items = Vec::new();
        for _ in 0..n {
            if self.bad {
                break;
            }
            items.push(each(self));
        }
        items
    }

    /// A map by tier.
    pub(super) fn map<T>(&mut self, mut each: impl FnMut(&mut Self) -> T) -> Map<Tier, T> {
        let n = self.number();
        let mut map = Map::new();
        for _ in 0..n {
            if self.bad {
                break;
            }
            let tier = self.tier();
            map.insert(tier, each(self));
        }
        map
    }
}
