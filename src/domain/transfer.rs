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
//! Versions: 1 held answers only, each a bare choice id; 2 (current) adds notes, "in place
//! since" dates, the plan and the optional-set switch. Every older version is upgraded step by
//! step on import ([`upgrade`]); a newer one is refused with a message that says so.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::assessment::{
    Answer, Assessment, Organization, PlanEntry, NAME_MAX, NOTE_MAX, OWNER_MAX,
};
use super::catalog::Catalog;
use super::date::{Date, Timestamp};
use super::ids::{ChoiceId, FactorId, SubPracticeId, Tier};
use super::sizing::FactorAnswer;

/// The `format` every assessment file carries.
pub const FORMAT: &str = "hicp-check-assessment";
/// The version this build writes.
pub const FORMAT_VERSION: u64 = 2;
/// The largest file import reads. A full assessment with long notes is well under 1 MB.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// How deeply a file may nest objects and arrays. A real file nests 4 deep (the file,
/// `organization`, `sizing`, one factor); serde_json itself gives up at 128.
pub const MAX_DEPTH: usize = 32;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireContent {
    id: String,
    version: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireOrganization {
    name: String,
    sizing: BTreeMap<FactorId, FactorAnswer>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireAnswer {
    choice: Option<ChoiceId>,
    note: String,
    since: Option<Date>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WirePlanEntry {
    owner: String,
    target: Option<Date>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireFile {
    format: String,
    format_version: u64,
    content: WireContent,
    created: Timestamp,
    updated: Timestamp,
    exported: Timestamp,
    organization: WireOrganization,
    tier: Option<Tier>,
    include_optional: bool,
    answers: BTreeMap<SubPracticeId, WireAnswer>,
    plan: BTreeMap<SubPracticeId, WirePlanEntry>,
}

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

/// Writes an assessment as a version-2 file, pretty-printed, fields in a fixed order.
pub fn export(catalog: &Catalog, assessment: &Assessment, exported: &Timestamp) -> String {
    let info = catalog.info();
    let file = WireFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        content: WireContent {
            id: info.id.clone(),
            version: info.content_version.clone(),
        },
        created: assessment.created.clone(),
        updated: assessment.updated.clone(),
        exported: exported.clone(),
        organization: WireOrganization {
            name: assessment.organization.name.clone(),
            sizing: assessment.organization.sizing.clone(),
        },
        tier: assessment.tier,
        include_optional: assessment.include_optional,
        answers: assessment
            .answers
            .iter()
            .map(|(id, a)| {
                let wire = WireAnswer {
                    choice: a.choice.clone(),
                    note: a.note.clone(),
                    since: a.since,
                };
                (id.clone(), wire)
            })
            .fold(BTreeMap::new(), inserted),
        plan: assessment
            .plan
            .iter()
            .map(|(id, p)| {
                let wire = WirePlanEntry {
                    owner: p.owner.clone(),
                    target: p.target,
                };
                (id.clone(), wire)
            })
            .fold(BTreeMap::new(), inserted),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plain data always serializes");
    text.push('\n');
    text
}

/// Brings an older file up to the current version, one step at a time.
///
/// # Errors
/// [`ImportError::UnknownVersion`] for a version no build of HICP Check ever wrote.
pub fn upgrade(mut file: Value, version: u64) -> Result<Value, ImportError> {
    let mut v = version;
    while v < FORMAT_VERSION {
        file = match v {
            1 => v1_to_v2(file)?,
            _ => {
                return Err(ImportError::UnknownVersion {
                    version: v.to_string(),
                })
            }
        };
        v += 1;
    }
    Ok(file)
}

/// Version 1 kept `answers` as bare choice ids and had no plan.
fn v1_to_v2(mut file: Value) -> Result<Value, ImportError> {
    let shape = |detail: &str| ImportError::WrongShape {
        detail: detail.into(),
    };
    let obj = file
        .as_object_mut()
        .ok_or_else(|| shape("it is not an object"))?;
    let answers = obj
        .remove("answers")
        .ok_or_else(|| shape("missing field `answers`"))?;
    let answers = answers
        .as_object()
        .ok_or_else(|| shape("`answers` is not an object"))?;
    let mut upgraded = serde_json::Map::new();
    for (id, choice) in answers {
        let choice = choice
            .as_str()
            .ok_or_else(|| shape(&format!("answer {} is not a choice id", truncated(id))))?;
        upgraded.insert(
            id.clone(),
            serde_json::json!({ "choice": choice, "note": "", "since": null }),
        );
    }
    obj.insert("answers".into(), Value::Object(upgraded));
    obj.insert("plan".into(), Value::Object(serde_json::Map::new()));
    obj.insert("include_optional".into(), Value::Bool(false));
    obj.insert("format_version".into(), Value::from(2));
    Ok(file)
}

/// Reads an assessment file made by any version of HICP Check. Over-long text is shortened
/// and control characters removed, silently; [`import_with_warnings`] says what changed.
///
/// # Errors
/// An [`ImportError`] that says what is wrong and where; nothing is changed by a failed import.
pub fn import(catalog: &Catalog, text: &str) -> Result<Assessment, ImportError> {
    import_with_warnings(catalog, text).map(|(assessment, _)| assessment)
}

/// Reads an assessment file made by any version of HICP Check, and says what had to change
/// for it to open: over-long text shortened (to [`NAME_MAX`], [`NOTE_MAX`] or [`OWNER_MAX`]
/// characters) and control characters other than tab and newline removed. A byte order mark
/// at the start is skipped; Windows and old Mac line endings in text become newlines.
///
/// # Errors
/// An [`ImportError`] that says what is wrong and where; nothing is changed by a failed import.
pub fn import_with_warnings(
    catalog: &Catalog,
    text: &str,
) -> Result<(Assessment, Vec<ImportWarning>), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value = read_json(text)?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAnAssessment);
    }
    let version = match value.get("format_version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| ImportError::UnknownVersion {
            version: n.to_string(),
        })?,
        Some(other) => {
            return Err(ImportError::UnknownVersion {
                version: truncated(&other.to_string()),
            })
        }
        None => {
            return Err(ImportError::WrongShape {
                detail: "missing field `format_version`".into(),
            })
        }
    };
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion { version });
    }
    let shape = |e: serde_json::Error| ImportError::WrongShape {
        detail: shape_detail(&e),
    };
    let wire: WireFile = if version == FORMAT_VERSION {
        // From the text, so that errors carry a line and column.
        serde_json::from_str(text).map_err(shape)?
    } else {
        // Through text too: one deserializer compiled in, not a second one for `Value`.
        serde_json::from_str(&upgrade(value, version)?.to_string()).map_err(shape)?
    };
    from_wire(catalog, wire)
}

/// serde's message, with quoted values cut short: it repeats a wrong value or name whole, and
/// a file may hold a megabyte in one string.
fn shape_detail(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let place = if e.line() == 0 {
        String::new()
    } else {
        format!(" at line {} column {}", e.line(), e.column())
    };
    let what = full.strip_suffix(place.as_str()).unwrap_or(&full);
    let short = truncated_to(&shorten_quoted(what, 40), usize::MAX);
    let mut shown = truncated_to(&short, 400);
    if shown.len() < short.len() {
        shown.push('\u{2026}');
    }
    shown + &place
}

/// Cuts every run of text between double quotes or backticks to `max` characters, marking the
/// cut with an ellipsis inside the quotes. Backslash escapes count inside double quotes only,
/// as serde writes strings with `{:?}` and names raw between backticks.
fn shorten_quoted(text: &str, max: usize) -> String {
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

/// Parses JSON as [`serde_json::from_str`] does, but refuses a name given twice in one object
/// and nesting deeper than [`MAX_DEPTH`], both with the place they were found.
///
/// # Errors
/// [`ImportError::DuplicateKey`], [`ImportError::TooDeep`] or [`ImportError::NotJson`].
pub fn read_json(text: &str) -> Result<Value, ImportError> {
    let found = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Checked {
        path: Path::Root,
        depth: 0,
        found: &found,
    };
    let parsed = seed
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| {
        let (line, column) = (e.line(), e.column());
        match found.take() {
            Some(Found::TooDeep) => ImportError::TooDeep { line, column },
            Some(Found::Duplicate { key, within }) => ImportError::DuplicateKey {
                key,
                within,
                line,
                column,
            },
            None => ImportError::NotJson { line, column },
        }
    })
}

/// What the pre-pass stopped for; serde_json only carries a message, so the seed leaves this
/// beside it.
enum Found {
    TooDeep,
    Duplicate { key: String, within: Option<String> },
}

/// Where a value sits in the file, as a chain back to the top; rendered only for a message.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// `answers["1.S.A"].note`: names as fields, ids and other keys in brackets, as the other
    /// messages write places; `None` at the top level.
    fn render(&self) -> Option<String> {
        match *self {
            Path::Root => None,
            Path::Key(parent, key) => {
                let parent = parent.render();
                let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                Some(match (parent, plain) {
                    (None, true) => truncated(key),
                    (Some(p), true) => format!("{p}.{}", truncated(key)),
                    (p, false) => format!("{}[\"{}\"]", p.unwrap_or_default(), truncated(key)),
                })
            }
            Path::Index(parent, i) => Some(format!("{}[{i}]", parent.render().unwrap_or_default())),
        }
    }
}

/// A JSON value at `path`, `depth` containers deep.
struct Checked<'a> {
    path: Path<'a>,
    depth: usize,
    found: &'a Cell<Option<Found>>,
}

impl Checked<'_> {
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            self.found.set(Some(Found::TooDeep));
            return Err(E::custom("nested too deeply"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Checked<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            let item = Checked {
                path: Path::Index(&self.path, items.len()),
                depth: self.depth + 1,
                found: self.found,
            };
            match seq.next_element_seed(item)? {
                Some(value) => items.push(value),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                self.found.set(Some(Found::Duplicate {
                    key: truncated(&key),
                    within: self.path.render(),
                }));
                return Err(de::Error::custom("a name is given twice"));
            }
            let value = map.next_value_seed(Checked {
                path: Path::Key(&self.path, &key),
                depth: self.depth + 1,
                found: self.found,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

fn from_wire(
    catalog: &Catalog,
    wire: WireFile,
) -> Result<(Assessment, Vec<ImportWarning>), ImportError> {
    if wire.content.id != catalog.info().id {
        return Err(ImportError::OtherContentPack {
            id: truncated_to(&wire.content.id, 80),
        });
    }
    let mut unknown: Vec<String> = wire
        .answers
        .keys()
        .chain(wire.plan.keys())
        .filter(|id| catalog.sub_practice(id).is_none())
        .map(|id| truncated(id.as_str()))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownSubPractices { ids: unknown });
    }
    for (id, answer) in &wire.organization.sizing {
        let place = || format!("organization.sizing[\"{}\"]", truncated(id.as_str()));
        let factor = catalog
            .sizing()
            .factor(id)
            .ok_or_else(|| ImportError::BadValue {
                place: place(),
                problem: "there is no such size factor".into(),
            })?;
        if !factor.accepts(answer) {
            return Err(ImportError::BadValue {
                place: place(),
                problem: format!("that is not a possible answer to \"{}\"", factor.label),
            });
        }
    }
    for (id, answer) in &wire.answers {
        if let Some(choice) = &answer.choice {
            if catalog.scale().choice(choice).is_none() {
                return Err(ImportError::BadValue {
                    place: format!("answers[\"{id}\"].choice"),
                    problem: format!(
                        "\"{}\" is not one of the answer choices",
                        truncated(choice.as_str())
                    ),
                });
            }
        }
    }
    // Only once nothing can be refused any more, so that a refused file gives no warnings.
    let mut warnings = Vec::new();
    let mut clean = |field: TextField, text: String, max: usize| {
        let (text, changes) = plain_text(text, max);
        warnings.extend(
            changes
                .into_iter()
                .map(|change| change.warning(field.clone())),
        );
        text
    };
    let name = clean(
        TextField::OrganizationName,
        wire.organization.name,
        NAME_MAX,
    );
    let answers = wire
        .answers
        .into_iter()
        .map(|(id, a)| {
            let answer = Answer {
                choice: a.choice,
                note: clean(TextField::Note(id.clone()), a.note, NOTE_MAX),
                since: a.since,
            };
            (id, answer)
        })
        .fold(BTreeMap::new(), inserted);
    let plan = wire
        .plan
        .into_iter()
        .map(|(id, p)| {
            let entry = PlanEntry {
                owner: clean(TextField::Owner(id.clone()), p.owner, OWNER_MAX),
                target: p.target,
            };
            (id, entry)
        })
        .fold(BTreeMap::new(), inserted);
    let assessment = Assessment {
        organization: Organization {
            name,
            sizing: wire.organization.sizing,
        },
        tier: wire.tier,
        include_optional: wire.include_optional,
        answers,
        plan,
        created: wire.created,
        updated: wire.updated,
    };
    Ok((assessment, warnings))
}

/// At most 40 characters of `s`, for quoting a value in a message; control characters are
/// left out so that nothing odd reaches the page.
/// Builds a map one entry at a time. `collect()` into a map sorts first, and that sort is
/// compiled anew for every kind of entry: kilobytes of the app each.
fn inserted<K: Ord, V>(mut map: BTreeMap<K, V>, (k, v): (K, V)) -> BTreeMap<K, V> {
    map.insert(k, v);
    map
}

fn truncated(s: &str) -> String {
    truncated_to(s, 40)
}

fn truncated_to(s: &str, max: usize) -> String {
    s.chars().filter(|c| !c.is_control()).take(max).collect()
}

/// `4000` as `4,000`.
/// Digits grouped in threes with commas: 4,000.
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
enum Change {
    ControlCharacters,
    Shortened { max: usize },
}

impl Change {
    fn warning(self, field: TextField) -> ImportWarning {
        match self {
            Change::ControlCharacters => ImportWarning::ControlCharactersRemoved { field },
            Change::Shortened { max } => ImportWarning::Shortened { field, max },
        }
    }
}

/// A text field as the app keeps it: line breaks as `\n`, no control characters but tab and
/// newline, at most `max` characters (cut between characters, never inside one).
fn plain_text(text: String, max: usize) -> (String, Vec<Change>) {
    let mut changes = Vec::new();
    let odd = |c: char| c.is_control() && c != '\t' && c != '\n';
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

    #[test]
    fn read_json_names_the_place_of_a_repeated_name() {
        let e = read_json("{\"a\": {\"b-c\": [{\"x\": 1, \"x\": 2}]}}").unwrap_err();
        assert_eq!(
            e,
            ImportError::DuplicateKey {
                key: "x".into(),
                within: Some("a[\"b-c\"][0]".into()),
                line: 1,
                column: 27
            }
        );
        let e = read_json("{\"tier\": 1,\n \"ti\\u0065r\": 2}").unwrap_err();
        assert!(
            matches!(&e, ImportError::DuplicateKey { key, within: None, line: 2, .. } if key == "tier"),
            "{e:?}"
        );
    }

    #[test]
    fn read_json_stops_at_the_depth_limit_and_not_before() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read_json(&ok).is_ok());
        // The place is the bracket that went one level too deep (serde_json steps over a
        // closing bracket right after it before it reports, hence none here).
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(
            read_json(&deep),
            Err(ImportError::TooDeep {
                line: 1,
                column: MAX_DEPTH + 1
            })
        );
    }

    #[test]
    fn read_json_equals_serde_json_on_ordinary_json() {
        let text = r#"{"a": [1, -2, 3.5, "x\u00e9", null, true, {}], "b": {"c": []}}"#;
        assert_eq!(
            read_json(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(
            read_json("{} x"),
            Err(ImportError::NotJson { line: 1, column: 4 })
        );
    }
}
