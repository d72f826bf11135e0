//! The evidence package: a zip of an assessment (`assessment.json`), its evidence files under
//! readable names (`evidence/1.S.A/MFA policy.pdf`), and an `index.html` and `index.csv`.
//! [`write`] makes one; [`read`] opens one, however hostile.
//!
//! Only the package worker (`src/bin/package_worker.rs`, a wasm module of its own run in a Web
//! Worker) calls [`read`] and [`write`]: the zip code stays out of the main app's wasm, so a
//! first visit never downloads it. The worker words a [`PackageError`] itself
//! (`crate::packaging`); its raw `read` and `write` replies give its parts
//! ([`PackageError::kind`] and the rest).
//!
//! Names: a name is a path of `/`-separated segments, each non-empty, not `.` or `..`, with no
//! `\`, `:` (drive letters, alternate streams), NUL or other control character; so nothing in
//! a package can leave its folder when extracted anywhere. Duplicates are refused both when
//! equal and when equal once lower-cased, since Windows and macOS extract `A.pdf` and `a.pdf` to
//! one file (Unicode normalisation forms are not compared).
//!
//! Errors are kinds with their data; names in errors are shortened to [`NAME_SHOWN`] characters.

mod read;
mod write;

pub use read::read;
pub use write::write;

/// One file of a package: its path inside the zip and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// At most this many files (directory entries are not counted).
pub const MAX_ENTRIES: usize = 2000;
/// At most this many bytes in one file once inflated: the most an evidence file may hold, so
/// that every package the app writes opens again.
pub const MAX_ENTRY_BYTES: u64 = super::evidence::FILE_MAX_BYTES;
/// At most this many bytes in all files together once inflated; the whole package is held in
/// memory, twice at times (zip and files), in a browser tab.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;
/// At most this inflated-to-compressed ratio for a file past [`RATIO_FROM_BYTES`]. Text
/// deflates 3 to 20 times; a zip bomb's zeros about 1000 times.
pub const MAX_RATIO: u64 = 200;
/// Files up to this size may deflate as well as they like (a small CSV of blanks does).
pub const RATIO_FROM_BYTES: u64 = 1024 * 1024;
/// How many characters of a name an error carries.
pub const NAME_SHOWN: usize = 48;

/// What [`read`] accepts. Every limit is enforced on the bytes actually inflated, as they come,
/// never on the sizes a zip declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_entries: usize,
    pub max_entry_bytes: u64,
    pub max_total_bytes: u64,
    pub max_ratio: u64,
    /// The ratio is checked once a file has inflated past this many bytes.
    pub ratio_from_bytes: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        max_entries: MAX_ENTRIES,
        max_entry_bytes: MAX_ENTRY_BYTES,
        max_total_bytes: MAX_TOTAL_BYTES,
        max_ratio: MAX_RATIO,
        ratio_from_bytes: RATIO_FROM_BYTES,
    };
}

/// What is damaged in a zip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The central directory (the zip's table of contents) is missing or unreadable: most
    /// often, the file was cut short.
    Directory,
    /// A file's data ends before it should.
    Truncated,
    /// A file's content does not match its checksum.
    Checksum,
    /// A file inflates to more bytes than the zip says it holds.
    Size,
    /// A file's compressed data cannot be inflated.
    Data,
}

/// Why a package was refused. `name` fields hold the entry's name, shortened to
/// [`NAME_SHOWN`] characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// Not a zip at all.
    NotAZip,
    /// A zip, damaged or cut short; `name` is the file concerned, when it is one file.
    Damaged {
        name: Option<String>,
        damage: Damage,
    },
    /// A name that could leave its folder when extracted, or that no system can hold.
    UnsafeName { name: String },
    /// Two files with one name (also when they differ only in case).
    Duplicate { name: String },
    /// More files than `limit`.
    TooManyEntries { limit: u64 },
    /// A file larger than `limit` bytes.
    EntryTooLarge { name: String, limit: u64 },
    /// All files together larger than `limit` bytes.
    TotalTooLarge { limit: u64 },
    /// A file that inflates more than `limit` times its compressed size: a zip bomb.
    CompressionRatio { name: String, limit: u64 },
    /// An encrypted file: not supported.
    Encrypted { name: String },
    /// A file compressed with a method other than deflate (or none): bzip2, LZMA, zstd...
    UnsupportedMethod { name: String },
}

impl Damage {
    /// Its name in the worker's replies.
    pub fn as_str(self) -> &'static str {
        match self {
            Damage::Directory => "directory",
            Damage::Truncated => "truncated",
            Damage::Checksum => "checksum",
            Damage::Size => "size",
            Damage::Data => "data",
        }
    }
}

impl PackageError {
    /// Its kind in the worker's replies: `{kind, name?, limit?, damage?}`.
    pub fn kind(&self) -> &'static str {
        match self {
            PackageError::NotAZip => "not-a-zip",
            PackageError::Damaged { .. } => "damaged",
            PackageError::UnsafeName { .. } => "unsafe-name",
            PackageError::Duplicate { .. } => "duplicate",
            PackageError::TooManyEntries { .. } => "too-many-entries",
            PackageError::EntryTooLarge { .. } => "entry-too-large",
            PackageError::TotalTooLarge { .. } => "total-too-large",
            PackageError::CompressionRatio { .. } => "compression-ratio",
            PackageError::Encrypted { .. } => "encrypted",
            PackageError::UnsupportedMethod { .. } => "unsupported-method",
        }
    }

    /// The entry's name, for the kinds that have one.
    pub fn name(&self) -> Option<&str> {
        match self {
            PackageError::Damaged { name, .. } => name.as_deref(),
            PackageError::UnsafeName { name }
            | PackageError::Duplicate { name }
            | PackageError::EntryTooLarge { name, .. }
            | PackageError::CompressionRatio { name, .. }
            | PackageError::Encrypted { name }
            | PackageError::UnsupportedMethod { name } => Some(name),
            _ => None,
        }
    }

    /// The limit passed, for the kinds that have one.
    pub fn limit(&self) -> Option<u64> {
        match self {
            PackageError::TooManyEntries { limit }
            | PackageError::EntryTooLarge { limit, .. }
            | PackageError::TotalTooLarge { limit }
            | PackageError::CompressionRatio { limit, .. } => Some(*limit),
            _ => None,
        }
    }

    /// What is damaged, for [`PackageError::Damaged`].
    pub fn damage(&self) -> Option<Damage> {
        match self {
            PackageError::Damaged { damage, .. } => Some(*damage),
            _ => None,
        }
    }
}

/// `name` as errors carry it: at most [`NAME_SHOWN`] characters, the cut marked with `…`.
pub fn shown(name: &str) -> String {
    if name.chars().count() <= NAME_SHOWN {
        return name.to_string();
    }
    let mut s: String = name.chars().take(NAME_SHOWN - 1).collect();
    s.push('…');
    s
}

/// Whether `name` is a file's path that stays in its folder wherever it is extracted (see the
/// module's documentation).
pub fn is_safe_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('/').all(|segment| {
            !segment.is_empty()
                && segment != "."
                && segment != ".."
                && !segment
                    .chars()
                    .any(|c| c == '\\' || c == ':' || c.is_control())
        })
}

/// Refuses names that are unsafe or that repeat an earlier one (also in another case).
#[derive(Default)]
struct Names(std::collections::HashSet<String>);

impl Names {
    fn admit(&mut self, name: &str) -> Result<(), PackageError> {
        if !is_safe_name(name) {
            return Err(PackageError::UnsafeName { name: shown(name) });
        }
        if !self.0.insert(name.to_lowercase()) {
            return Err(PackageError::Duplicate { name: shown(name) });
        }
        Ok(())
    }
}
