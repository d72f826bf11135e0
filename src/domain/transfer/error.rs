//! Why a file was not imported, and what import changed so that it could open: kinds with
//! their data (places, limits, lines and columns, the values at fault), never sentences. The
//! words are in the i18n tables (`crate::i18n::messages`).

use crate::domain::ids::SubPracticeId;

/// Why a file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`super::MAX_FILE_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// Nothing but white space (or nothing at all).
    Empty,
    NotJson {
        line: usize,
        column: usize,
    },
    /// Objects or arrays nested deeper than [`super::MAX_DEPTH`]; the place is where the limit
    /// was hit.
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
    /// Made by a newer build: a format version over [`super::FORMAT_VERSION`].
    NewerVersion {
        version: u64,
    },
    /// A format version no build ever wrote, as the file gives it.
    UnknownVersion {
        version: String,
    },
    /// The file is damaged or was edited by hand.
    WrongShape {
        problem: ShapeProblem,
    },
    OtherContentPack {
        id: String,
    },
    UnknownSubPractices {
        ids: Vec<String>,
    },
    /// A value the pack does not allow; `place` is where it is in the file, such as
    /// `answers["1.S.A"].choice`.
    BadValue {
        place: String,
        problem: ValueProblem,
    },
    /// No longer returned by [`super::import`], which shortens over-long text with an
    /// [`ImportWarning::Shortened`] instead; kept so that callers matching on it still compile.
    TooLong {
        place: String,
        max: usize,
    },
}

/// How a file is damaged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// serde_json's own description of what does not fit (quoted values cut short), and
    /// where; `line` is 0 when it gives no place.
    Json {
        detail: String,
        line: usize,
        column: usize,
    },
    MissingField {
        field: &'static str,
    },
    /// The file itself (`None`) or one of its fields is not a JSON object.
    NotAnObject {
        field: Option<&'static str>,
    },
    /// A version-1 answer that is not a choice id.
    NotAChoiceId {
        id: String,
    },
}

/// Why a value is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// An answer to a size factor the pack does not have.
    NoSuchFactor,
    /// Not a possible answer to the size factor labelled `factor`.
    NotAnAnswerTo { factor: String },
    /// `choice` is not on the answer scale.
    NotAChoice { choice: String },
    /// An evidence item whose `kind` is unknown, or lacks what its kind needs.
    NotEvidence,
    /// A link that is not an `https://` address.
    NotAnHttpsLink,
    /// An item id used twice, or not letters, digits and dashes (at most 64).
    BadItemId,
    /// More than `max` items for one sub-practice.
    TooManyItems { max: usize },
    /// A file's recorded size over the limit, or its SHA-256 not 64 hexadecimal digits.
    BadFileRecord,
    /// A respondent-file record (`requests` or `asked`) that is not as HICP Check writes it.
    NotARequest,
}

/// A text field of an assessment, as a warning names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextField {
    OrganizationName,
    Note(SubPracticeId),
    Owner(SubPracticeId),
    Evidence(SubPracticeId),
    /// A respondent's name or the message to them.
    Team,
}

/// Something import changed so that the file could open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// The text had more than `max` characters and was cut to `max`.
    Shortened { field: TextField, max: usize },
    /// Control characters other than tab and line breaks were removed.
    ControlCharactersRemoved { field: TextField },
}
