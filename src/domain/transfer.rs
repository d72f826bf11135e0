//! The assessment file: a versioned JSON document that moves an assessment between browsers
//! and keeps it safe outside one. Export is deterministic; import is strict, never panics, and
//! says what is wrong and where.
//!
//! Versions: 1 held answers only, each a bare choice id; 2 (current) adds notes, "in place
//! since" dates, the plan and the optional-set switch. Every older version is upgraded step by
//! step on import ([`upgrade`]); a newer one is refused with a message that says so.

use std::collections::BTreeMap;
use std::fmt;

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
    TooLarge { bytes: usize },
    NotJson { line: usize, column: usize },
    NotAnAssessment,
    NewerVersion { version: u64 },
    UnknownVersion { version: String },
    WrongShape { detail: String },
    OtherContentPack { id: String },
    UnknownSubPractices { ids: Vec<String> },
    BadValue { place: String, problem: String },
    TooLong { place: String, max: usize },
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
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is not readable as an assessment: it is not valid JSON (the problem is at line {line}, column {column})."
            ),
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
            ImportError::UnknownSubPractices { ids } => write!(
                f,
                "This file answers sub-practices that do not exist in HICP: {}.",
                ids.join(", ")
            ),
            ImportError::BadValue { place, problem } => write!(f, "In {place}: {problem}."),
            ImportError::TooLong { place, max } => {
                write!(f, "In {place}: the text is longer than {max} characters.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

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
            .collect(),
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
            .collect(),
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
            .ok_or_else(|| shape(&format!("answer {id} is not a choice id")))?;
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

/// Reads an assessment file made by any version of HICP Check.
///
/// # Errors
/// An [`ImportError`] that says what is wrong and where; nothing is changed by a failed import.
pub fn import(catalog: &Catalog, text: &str) -> Result<Assessment, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotAnAssessment);
    }
    let version = match value.get("format_version") {
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| ImportError::UnknownVersion {
            version: n.to_string(),
        })?,
        Some(other) => {
            return Err(ImportError::UnknownVersion {
                version: other.to_string().chars().take(40).collect(),
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
        detail: e.to_string(),
    };
    let wire: WireFile = if version == FORMAT_VERSION {
        // From the text, so that errors carry a line and column.
        serde_json::from_str(text).map_err(shape)?
    } else {
        serde_json::from_value(upgrade(value, version)?).map_err(shape)?
    };
    from_wire(catalog, wire)
}

fn from_wire(catalog: &Catalog, wire: WireFile) -> Result<Assessment, ImportError> {
    if wire.content.id != catalog.info().id {
        return Err(ImportError::OtherContentPack {
            id: wire.content.id.chars().take(80).collect(),
        });
    }
    let unknown: Vec<String> = wire
        .answers
        .keys()
        .chain(wire.plan.keys())
        .filter(|id| catalog.sub_practice(id).is_none())
        .map(|id| id.as_str().chars().take(40).collect())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if !unknown.is_empty() {
        return Err(ImportError::UnknownSubPractices { ids: unknown });
    }
    check_len("organization.name", &wire.organization.name, NAME_MAX)?;
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
        check_len(&format!("answers[\"{id}\"].note"), &answer.note, NOTE_MAX)?;
    }
    for (id, entry) in &wire.plan {
        check_len(&format!("plan[\"{id}\"].owner"), &entry.owner, OWNER_MAX)?;
    }
    Ok(Assessment {
        organization: Organization {
            name: wire.organization.name,
            sizing: wire.organization.sizing,
        },
        tier: wire.tier,
        include_optional: wire.include_optional,
        answers: wire
            .answers
            .into_iter()
            .map(|(id, a)| {
                let answer = Answer {
                    choice: a.choice,
                    note: a.note,
                    since: a.since,
                };
                (id, answer)
            })
            .collect(),
        plan: wire
            .plan
            .into_iter()
            .map(|(id, p)| {
                let entry = PlanEntry {
                    owner: p.owner,
                    target: p.target,
                };
                (id, entry)
            })
            .collect(),
        created: wire.created,
        updated: wire.updated,
    })
}

fn truncated(s: &str) -> String {
    s.chars().take(40).collect()
}

fn check_len(place: &str, text: &str, max: usize) -> Result<(), ImportError> {
    if text.chars().count() > max {
        Err(ImportError::TooLong {
            place: place.into(),
            max,
        })
    } else {
        Ok(())
    }
}
