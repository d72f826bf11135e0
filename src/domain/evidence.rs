//! Evidence: what shows that a sub-practice is in place. Three kinds: a file (its bytes live in
//! the browser's IndexedDB, never in the assessment), a link, and a short written record. Each
//! item says as of when what it shows was true, separately from when it was added, so that the
//! look-back can tell whether the evidence covers the 12 months Public Law 116-321 asks about.
//!
//! Also here: the readable names a file item gets inside an evidence package
//! ([`entry_names`]); the writer and the reader of a package both use them.

use super::assessment::Assessment;
use super::date::{Date, Timestamp};
use super::ids::SubPracticeId;

/// Longest title of an item.
pub const TITLE_MAX: usize = 200;
/// Longest "provided by".
pub const PROVIDER_MAX: usize = 200;
/// Longest written record.
pub const RECORD_MAX: usize = 2000;
/// Longest link.
pub const LINK_MAX: usize = 2000;
/// Longest file name kept.
pub const FILE_NAME_MAX: usize = 200;
/// The largest evidence file accepted, in bytes (25 MiB): a scanned policy or a screenshot is
/// far smaller, and browsers keep this much without trouble.
pub const FILE_MAX_BYTES: u64 = 25 * 1024 * 1024;
/// The most items one sub-practice may carry.
pub const ITEMS_MAX: usize = 50;
/// Evidence as of a date within this many months before the look-back's date is recent.
pub const RECENT_MONTHS: u8 = 3;

/// What an item is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A file kept in this browser; `sha256` (lowercase hex) ties the bytes to the item.
    File {
        name: String,
        size: u64,
        media_type: String,
        sha256: String,
    },
    /// An `https://` address.
    Link { url: String },
    /// A short written record.
    Record { text: String },
}

/// One piece of evidence for one sub-practice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Unique within the assessment; also names the file's bytes in storage.
    pub id: String,
    pub title: String,
    /// When what it shows was true.
    pub as_of: Date,
    /// Who provided it; may be empty.
    pub provided_by: String,
    /// When it was added (kept automatically).
    pub added: Timestamp,
    pub kind: Kind,
}

impl Item {
    pub fn is_file(&self) -> bool {
        matches!(self.kind, Kind::File { .. })
    }
}

/// Whether `url` is a link evidence may hold: `https://` and a host, no spaces or controls.
pub fn is_link(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with('@')
        && url.len() <= LINK_MAX
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// How far the evidence for one sub-practice reaches back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cover {
    /// The earliest "as of" is at the window's start or before, and the latest is recent.
    Whole,
    /// Evidence from 12 months ago or more, but none recent.
    NotRecent,
    /// Only evidence from inside the 12 months.
    OnlyRecent,
    /// No evidence dated on or before the look-back's date.
    None,
}

/// Whether `items` cover the 12 months before `as_of`, which start on `window_start`.
pub fn cover(items: &[Item], as_of: Date, window_start: Date) -> Cover {
    let dates = items.iter().map(|i| i.as_of).filter(|d| *d <= as_of);
    let (Some(earliest), Some(latest)) = (dates.clone().min(), dates.max()) else {
        return Cover::None;
    };
    if earliest > window_start {
        Cover::OnlyRecent
    } else if latest >= as_of.months_before(RECENT_MONTHS) {
        Cover::Whole
    } else {
        Cover::NotRecent
    }
}

/// A file name as a package holds it: no folder separators, no characters Windows refuses,
/// no control characters, not empty, at most 100 characters, never starting with a dot.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    let mut out: String = trimmed.chars().take(100).collect();
    if out.is_empty() {
        out.push_str("file");
    }
    out
}

/// The package entries of file items, by item id (in a list, not a map: the app carries no
/// map code for so few).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryNames(Vec<(String, String)>);

impl EntryNames {
    pub fn get(&self, item: &str) -> Option<&String> {
        self.0.iter().find(|(id, _)| id == item).map(|(_, n)| n)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&str> for EntryNames {
    type Output = String;

    fn index(&self, item: &str) -> &String {
        self.get(item).expect("a file item of the assessment")
    }
}

/// The package entry of every file item: `evidence/<sub-practice>/<file name>`, with ` (2)`,
/// ` (3)` … before the extension where two files of one sub-practice share a name (compared
/// without case, as Windows and macOS do).
pub fn entry_names(assessment: &Assessment) -> EntryNames {
    let mut names = Vec::new();
    for (sub, items) in &assessment.evidence {
        let mut taken = Vec::new();
        for item in items {
            if let Kind::File { name, .. } = &item.kind {
                let entry = unique(sub, &safe_file_name(name), &mut taken);
                names.push((item.id.clone(), entry));
            }
        }
    }
    EntryNames(names)
}

fn unique(sub: &SubPracticeId, name: &str, taken: &mut Vec<String>) -> String {
    let (stem, ext) = match name.rfind('.') {
        Some(i) if i > 0 => name.split_at(i),
        _ => (name, ""),
    };
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            name.to_owned()
        } else {
            format!("{stem} ({n}){ext}")
        };
        let folded = candidate.to_lowercase();
        if !taken.contains(&folded) {
            taken.push(folded);
            return format!("evidence/{sub}/{candidate}");
        }
        n += 1;
    }
}

/// An entry name as a relative URL: every byte but letters, digits and `/-._~` percent-encoded.
pub fn entry_href(entry: &str) -> String {
    let mut out = String::new();
    for b in entry.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
