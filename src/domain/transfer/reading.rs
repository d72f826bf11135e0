//! Import: from any text, however hostile, to an [`Assessment`] checked against the catalog,
//! or an [`ImportError`] that says what is wrong and where.

use serde_json::Value;

use super::error::{ImportError, ImportWarning, ShapeProblem, TextField, ValueProblem};
use super::json::{fields_are, read_json};
use super::requests::{asked_of, requests_of};
use super::text::{
    plain_text, shorten_quoted, truncated, truncated_to, DETAIL_MAX, PACK_ID_MAX, QUOTE_MAX,
};
use super::upgrade::upgrade;
use super::wire::WireFile;
use super::{FORMAT, FORMAT_VERSION, MAX_FILE_BYTES};
use crate::domain::assessment::{
    Answer, Assessment, Organization, PlanEntry, NAME_MAX, NOTE_MAX, OWNER_MAX,
};
use crate::domain::catalog::Catalog;
use crate::domain::evidence::{
    is_link, Item, Kind, FILE_MAX_BYTES, FILE_NAME_MAX, ITEMS_MAX, LINK_MAX, PROVIDER_MAX,
    RECORD_MAX, TITLE_MAX,
};
use crate::domain::ids::SubPracticeId;
use crate::domain::team::{MESSAGE_MAX, RESPONDENT_MAX};

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
                problem: ShapeProblem::MissingField {
                    field: "format_version",
                },
            })
        }
    };
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion { version });
    }
    let shape = |e: serde_json::Error| ImportError::WrongShape {
        problem: shape_problem(&e),
    };
    // Versions 2 and 3 differ from 4 only by lacking fields that default to none (`evidence`;
    // `requests`, `asked` and who gave an answer): read from the text too.
    let wire: WireFile = if version >= 2 {
        // From the text, so that errors carry a line and column.
        serde_json::from_str(text).map_err(shape)?
    } else {
        // Through text too: one deserializer compiled in, not a second one for `Value`.
        serde_json::from_str(&upgrade(value, version)?.to_string()).map_err(shape)?
    };
    from_wire(catalog, wire)
}

/// serde's message, with quoted values cut short (it repeats a wrong value or name whole, and
/// a file may hold a megabyte in one string), and its place apart.
fn shape_problem(e: &serde_json::Error) -> ShapeProblem {
    let full = e.to_string();
    let (line, column) = (e.line(), e.column());
    let place = if line == 0 {
        String::new()
    } else {
        format!(" at line {line} column {column}")
    };
    let what = full.strip_suffix(place.as_str()).unwrap_or(&full);
    let short = truncated_to(&shorten_quoted(what, QUOTE_MAX), usize::MAX);
    let mut detail = truncated_to(&short, DETAIL_MAX);
    if detail.len() < short.len() {
        detail.push('\u{2026}');
    }
    ShapeProblem::Json {
        detail,
        line,
        column,
    }
}

fn from_wire(
    catalog: &Catalog,
    wire: WireFile,
) -> Result<(Assessment, Vec<ImportWarning>), ImportError> {
    if wire.content.id != catalog.info().id {
        return Err(ImportError::OtherContentPack {
            id: truncated_to(&wire.content.id, PACK_ID_MAX),
        });
    }
    let evidence = evidence_of(&wire.evidence)?;
    let mut requests = requests_of(catalog, &wire.requests)?;
    let mut asked = asked_of(catalog, &wire.asked)?;
    let unknown: Vec<String> = wire
        .answers
        .keys()
        .chain(wire.plan.keys())
        .chain(evidence.iter().map(|(id, _)| id))
        .filter(|id| catalog.sub_practice(id).is_none())
        .map(|id| truncated(id.as_str()))
        .collect();
    let mut unknown = crate::domain::order::sorted_by(unknown, &|a, b| a.cmp(b));
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
                problem: ValueProblem::NoSuchFactor,
            })?;
        if !factor.accepts(answer) {
            return Err(ImportError::BadValue {
                place: place(),
                problem: ValueProblem::NotAnAnswerTo {
                    factor: factor.label.clone(),
                },
            });
        }
    }
    for (id, answer) in &wire.answers {
        if let Some(choice) = &answer.choice {
            if catalog.scale().choice(choice).is_none() {
                return Err(ImportError::BadValue {
                    place: format!("answers[\"{id}\"].choice"),
                    problem: ValueProblem::NotAChoice {
                        choice: truncated(choice.as_str()),
                    },
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
                by: clean(TextField::Team, a.by, RESPONDENT_MAX),
                at: a.at,
            };
            (id, answer)
        })
        .collect();
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
        .collect();
    let evidence = evidence
        .into_iter()
        .map(|(id, items)| {
            let field = TextField::Evidence(id.clone());
            let items = items
                .into_iter()
                .map(|mut i| {
                    let mut clean = |text: &mut String, max| {
                        *text = clean(field.clone(), std::mem::take(text), max)
                    };
                    clean(&mut i.title, TITLE_MAX);
                    clean(&mut i.provided_by, PROVIDER_MAX);
                    match &mut i.kind {
                        Kind::File {
                            name, media_type, ..
                        } => {
                            clean(name, FILE_NAME_MAX);
                            clean(media_type, 100);
                        }
                        Kind::Record { text } => clean(text, RECORD_MAX),
                        Kind::Link { .. } => {}
                    }
                    i
                })
                .collect();
            (id, items)
        })
        .filter(|(_, items): &(_, Vec<Item>)| !items.is_empty())
        .collect();
    for r in requests
        .iter_mut()
        .map(|s| &mut s.request)
        .chain(asked.as_mut().map(|a| &mut a.request))
    {
        r.respondent = clean(
            TextField::Team,
            std::mem::take(&mut r.respondent),
            RESPONDENT_MAX,
        );
        r.message = clean(TextField::Team, std::mem::take(&mut r.message), MESSAGE_MAX);
    }
    let assessment = Assessment {
        organization: Organization {
            name,
            sizing: wire.organization.sizing,
        },
        tier: wire.tier,
        include_optional: wire.include_optional,
        answers,
        plan,
        evidence,
        requests,
        asked,
        created: wire.created,
        updated: wire.updated,
    };
    Ok((assessment, warnings))
}

/// The evidence of a file, read by hand from its JSON (no serde code of its own: the app
/// carries less), refusing what no build of HICP Check writes: an unknown kind or one
/// without its part, a field of another type or name, a link that is not `https://`, an id
/// twice, too many items, an impossible file record.
fn evidence_of(evidence: &Value) -> Result<Vec<(SubPracticeId, Vec<Item>)>, ImportError> {
    let bad = |place: String, problem| ImportError::BadValue { place, problem };
    let subs = match evidence {
        Value::Null => return Ok(Vec::new()),
        Value::Object(subs) => subs,
        _ => return Err(bad("evidence".into(), ValueProblem::NotEvidence)),
    };
    let mut ids: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for (sub, items) in subs {
        let place = |i: usize| format!("evidence[\"{}\"][{i}]", truncated(sub));
        let items = items
            .as_array()
            .ok_or_else(|| bad(place(0), ValueProblem::NotEvidence))?;
        if items.len() > ITEMS_MAX {
            let problem = ValueProblem::TooManyItems { max: ITEMS_MAX };
            return Err(bad(place(ITEMS_MAX), problem));
        }
        let mut list = Vec::new();
        for (i, v) in items.iter().enumerate() {
            let item = item_of(v).map_err(|problem| bad(place(i), problem))?;
            if ids.contains(&item.id.as_str()) {
                return Err(bad(place(i), ValueProblem::BadItemId));
            }
            ids.push(v["id"].as_str().unwrap_or_default());
            list.push(item);
        }
        out.push((SubPracticeId::new(sub.as_str()), list));
    }
    Ok(out)
}

fn item_of(v: &Value) -> Result<Item, ValueProblem> {
    const FIELDS: [&str; 6] = ["id", "kind", "title", "as_of", "provided_by", "added"];
    let text = |v: &Value, k: &str| v[k].as_str().map(str::to_owned);
    if !fields_are(v, &FIELDS, &["file", "url", "text"]) {
        return Err(ValueProblem::NotEvidence);
    }
    let id = text(v, "id").unwrap_or_default();
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !id_ok {
        return Err(ValueProblem::BadItemId);
    }
    let parts = (v.get("file"), v.get("url"), v.get("text"));
    let kind = match (v["kind"].as_str(), parts) {
        (Some("file"), (Some(f), None, None)) => {
            if !fields_are(f, &["name", "size", "type", "sha256"], &[]) {
                return Err(ValueProblem::NotEvidence);
            }
            let sha256 = text(f, "sha256").unwrap_or_default();
            let digest_ok = sha256.len() == 64
                && sha256
                    .bytes()
                    .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
            let size = f["size"].as_u64().ok_or(ValueProblem::NotEvidence)?;
            if size > FILE_MAX_BYTES || !digest_ok {
                return Err(ValueProblem::BadFileRecord);
            }
            Kind::File {
                name: text(f, "name").ok_or(ValueProblem::NotEvidence)?,
                size,
                media_type: text(f, "type").ok_or(ValueProblem::NotEvidence)?,
                sha256,
            }
        }
        (Some("link"), (None, Some(url), None)) => {
            let url = url.as_str().ok_or(ValueProblem::NotEvidence)?;
            if !is_link(url) {
                return Err(ValueProblem::NotAnHttpsLink);
            }
            Kind::Link {
                url: truncated_to(url, LINK_MAX),
            }
        }
        (Some("record"), (None, None, Some(t))) => Kind::Record {
            text: t.as_str().ok_or(ValueProblem::NotEvidence)?.to_owned(),
        },
        _ => return Err(ValueProblem::NotEvidence),
    };
    let parsed = |k: &str| v[k].as_str().ok_or(ValueProblem::NotEvidence);
    Ok(Item {
        title: text(v, "title").ok_or(ValueProblem::NotEvidence)?,
        as_of: parsed("as_of")?
            .parse()
            .map_err(|_| ValueProblem::NotEvidence)?,
        provided_by: text(v, "provided_by").ok_or(ValueProblem::NotEvidence)?,
        added: parsed("added")?
            .parse()
            .map_err(|_| ValueProblem::NotEvidence)?,
        kind,
        id,
    })
}
