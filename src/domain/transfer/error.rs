//! Why a file was not imported, and what import changed so that it could open.

use std::fmt;

use super::text::thousands;
use super::{FORMAT_VERSION, MAX_FILE_BYTES};
use crate::domain::ids::SubPracticeId;

/// Why a file was not imported, in words for the person who chose it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Nothing but white space (or nothing at all).
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Objects or arrays nested deeper than [`MAX_DEPTH`]; the place is where the limit was hit.
    TooDeep {
        line: usize,
        column: usize,
    },
    /// The same name twice in one object. `within` is the object's place, `None` for the top
    /// level; the line and column are those of the second occurrence.
    DuplicateKey {
        key: String,
        within: Option<String>,
        line: usize,
        column: usize,
    },
    NotAnAssessment,
    NewerVersion {
        version: u64,
    },
    UnknownVersion {
        version: String,
    },
    WrongShape {
        detail: String,
    },
    OtherContentPack {
        id: String,
    },
    UnknownSubPractices {
        ids: Vec<String>,
    },
    BadValue {
        place: String,
        problem: String,
    },
    /// No longer returned by [`import`], which shortens over-long text with an
    /// [`ImportWarning::Shortened`] instead; kept so that callers matching on it still compile.
    TooLong {
        place: String,
        max: usize,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is too large to be an HICP Check assessment ({} KB; the limit is {} KB).",
                bytes / 1024,
                MAX_FILE_BYTES / 1024
            ),
            ImportError::Empty => f.write_str("This file is empty: it holds no assessment."),
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is not readable as an assessment: it is not valid JSON (the problem is at line {line}, column {column})."
            ),
            ImportError::TooDeep { line, column } => write!(
                f,
                "This file is not readable as an assessment: it is nested far more deeply than an assessment file ever is (the problem is at line {line}, column {column})."
            ),
            ImportError::DuplicateKey {
                key,
                within,
                line,
                column,
            } => {
                let place = match within {
                    Some(place) => format!("in {place}"),
                    None => "at the top level of the file".into(),
                };
                write!(
                    f,
                    "The entry \"{key}\" appears twice {place} (the second time at line {line}, column {column}), so HICP Check cannot tell which one is meant. The file may have been edited by hand."
                )
            }
            ImportError::NotAnAssessment => f.write_str(
                "This file is not an HICP Check assessment. It may come from another program.",
            ),
            ImportError::NewerVersion { version } => write!(
                f,
                "This file was made by a newer version of HICP Check (file format {version}; this version reads up to {FORMAT_VERSION}). Open it with the newer version."
            ),
            ImportError::UnknownVersion { version } => {
                write!(f, "This file has a format version HICP Check does not know ({version}).")
            }
            ImportError::WrongShape { detail } => {
                write!(f, "This assessment file is damaged or was edited by hand: {detail}.")
            }
            ImportError::OtherContentPack { id } => write!(
                f,
                "This assessment was made with another question set (\"{id}\"), which this copy of HICP Check does not have."
            ),
            ImportError::UnknownSubPractices { ids } => {
                const SHOWN: usize = 10;
                write!(
                    f,
                    "This file answers sub-practices that do not exist in HICP: {}",
                    ids[..ids.len().min(SHOWN)].join(", ")
                )?;
                if ids.len() > SHOWN {
                    write!(f, " and {} more", thousands(ids.len() - SHOWN))?;
                }
                f.write_str(".")
            }
            ImportError::BadValue { place, problem } => write!(f, "In {place}: {problem}."),
            ImportError::TooLong { place, max } => {
                write!(f, "In {place}: the text is longer than {max} characters.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A text field of an assessment, as a warning names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextField {
    OrganizationName,
    Note(SubPracticeId),
    Owner(SubPracticeId),
}

impl fmt::Display for TextField {
    /// Written to start a sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TextField::OrganizationName => f.write_str("The organization name"),
            TextField::Note(id) => write!(f, "The note on {id}"),
            TextField::Owner(id) => write!(f, "The owner of the plan item for {id}"),
        }
    }
}

/// Something import changed so that the file could open, in words for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The text had more than `max` characters and was cut to `max`.
    Shortened { field: TextField, max: usize },
    /// Control characters other than tab and line breaks were removed.
    ControlCharactersRemoved { field: TextField },
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::Shortened { field, max } => write!(
                f,
                "{field} was longer than {} characters and was shortened.",
                thousands(*max)
            ),
            ImportWarning::ControlCharactersRemoved { field } => write!(
                f,
                "{field} contained invisible control characters, which were removed."
            ),
        }
    }
}
