//! The assessment file: a versioned JSON document that moves an assessment between browsers
//! and keeps it safe outside one. Export is deterministic; import is strict, never panics, and
//! says what is wrong and where.
//!
//! Import reads any text, however hostile: a size limit comes first, then a pre-pass
//! ([`read_json`]) that refuses repeated names and deep nesting before serde sees the file
//! (serde_json keeps the last of two equal keys without a word, and a deeply nested file must
//! not get near the stack). Text fields are taken as plain text, never markup; control
//! characters are removed and over-long text is shortened, each with an [`ImportWarning`].
//!
//! Versions: 1 held answers only, each a bare choice id; 2 adds notes, "in place since"
//! dates, the plan and the optional-set switch; 3 adds evidence items (a file's name, size,
//! type and SHA-256, never its bytes: those travel in an evidence package); 4 (current) adds
//! who gave each answer and when, the respondent files prepared from an assessment
//! (`requests`) and, on a respondent file, what was asked (`asked`). Every older version is
//! upgraded step by step on import ([`upgrade`]); a newer one is refused with a message that
//! says so.
//!
//! The parts: `wire` (the file's shape, and export), `reading` (import), `requests` (the
//! respondent-file fields, read and written by hand), `json` (the
//! pre-pass), `upgrade`, `text` (plain text and quoting) and `error` (what import refuses
//! and what it changed, as kinds with their data; `crate::i18n::messages` words them).

mod error;
mod json;
mod reading;
mod requests;
mod text;
mod upgrade;
mod wire;

pub use error::{ImportError, ImportWarning, ShapeProblem, TextField, ValueProblem};
pub use json::{fields_are, read_json};
pub use reading::{import, import_with_warnings};
pub use requests::REQUESTS_MAX;
pub use text::{is_invisible, thousands, visible, DETAIL_MAX, PACK_ID_MAX, QUOTE_MAX};
pub use upgrade::upgrade;
pub use wire::{export, export_as};

/// The `format` every assessment file carries.
pub const FORMAT: &str = "hicp-check-assessment";
/// The version this build writes.
pub const FORMAT_VERSION: u64 = 4;
/// The largest file import reads. A full assessment with long notes is well under 1 MB.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// How deeply a file may nest objects and arrays. A real file nests 4 deep (the file,
/// `organization`, `sizing`, one factor); serde_json itself gives up at 128.
pub const MAX_DEPTH: usize = 32;
