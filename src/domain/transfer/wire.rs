//! The file's shape on the wire, field for field, and the writer: export is deterministic
//! (keys in order, fields in a fixed order, pretty-printed).

use crate::domain::map::Map;

use serde::{Deserialize, Serialize};
use serde_json::{Map as JsonMap, Value};

use super::{requests, FORMAT, FORMAT_VERSION};
use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::domain::date::{Date, Timestamp};
use crate::domain::evidence::{Item, Kind};
use crate::domain::ids::{ChoiceId, FactorId, SubPracticeId, Tier};
use crate::domain::sizing::FactorAnswer;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireContent {
    pub(super) id: String,
    pub(super) version: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireOrganization {
    pub(super) name: String,
    pub(super) sizing: Map<FactorId, FactorAnswer>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireAnswer {
    pub(super) choice: Option<ChoiceId>,
    pub(super) note: String,
    pub(super) since: Option<Date>,
    /// Version 4: who gave it (empty for the assessment's own person) and when.
    #[serde(default)]
    pub(super) by: String,
    #[serde(default)]
    pub(super) at: Option<Timestamp>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WirePlanEntry {
    pub(super) owner: String,
    pub(super) target: Option<Date>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireFile {
    pub(super) format: String,
    pub(super) format_version: u64,
    pub(super) content: WireContent,
    pub(super) created: Timestamp,
    pub(super) updated: Timestamp,
    pub(super) exported: Timestamp,
    pub(super) organization: WireOrganization,
    pub(super) tier: Option<Tier>,
    pub(super) include_optional: bool,
    pub(super) answers: Map<SubPracticeId, WireAnswer>,
    pub(super) plan: Map<SubPracticeId, WirePlanEntry>,
    /// Read and written by hand (`reading::evidence_of`, [`evidence_value`]): serde code of
    /// its own would weigh on every first visit.
    #[serde(default)]
    pub(super) evidence: Value,
    /// Version 4, read and written by hand as evidence is (`requests::requests_of`,
    /// [`requests::requests_value`]): the respondent files prepared from it.
    #[serde(default)]
    pub(super) requests: Value,
    /// Version 4: set on a respondent file.
    #[serde(default)]
    pub(super) asked: Value,
}

/// Writes an assessment as a current-version file, pretty-printed, fields in a fixed order.
pub fn export(catalog: &Catalog, assessment: &Assessment, exported: &Timestamp) -> String {
    export_as(
        catalog,
        &catalog.info().content_version,
        assessment,
        exported,
    )
}

/// [`export`], the file saying content version `version`: a respondent file's seal is made
/// with none, so that a response keeps its seal across an update of the pack.
pub fn export_as(
    catalog: &Catalog,
    version: &str,
    assessment: &Assessment,
    exported: &Timestamp,
) -> String {
    let file = WireFile {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        content: WireContent {
            id: catalog.info().id.clone(),
            version: version.into(),
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
                    by: a.by.clone(),
                    at: a.at.clone(),
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
        evidence: evidence_value(assessment),
        requests: requests::requests_value(&assessment.requests),
        asked: requests::asked_value(assessment.asked.as_ref()),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plain data always serializes");
    text.push('\n');
    text
}

/// The evidence as the file holds it: by sub-practice, each item's fields in name order.
fn evidence_value(assessment: &Assessment) -> Value {
    let mut subs = JsonMap::new();
    for (id, items) in &assessment.evidence {
        let items = items.iter().map(item_value).collect();
        subs.insert(id.to_string(), Value::Array(items));
    }
    Value::Object(subs)
}

fn item_value(item: &Item) -> Value {
    let mut o = JsonMap::new();
    let mut put = |k: &str, v: Value| o.insert(k.to_owned(), v);
    put("id", item.id.clone().into());
    put("title", item.title.clone().into());
    put("as_of", item.as_of.to_string().into());
    put("provided_by", item.provided_by.clone().into());
    put("added", item.added.to_string().into());
    let kind = match &item.kind {
        Kind::File {
            name,
            size,
            media_type,
            sha256,
        } => {
            let mut f = JsonMap::new();
            f.insert("name".into(), name.clone().into());
            f.insert("size".into(), (*size).into());
            f.insert("type".into(), media_type.clone().into());
            f.insert("sha256".into(), sha256.clone().into());
            put("file", Value::Object(f));
            "file"
        }
        Kind::Link { url } => {
            put("url", url.clone().into());
            "link"
        }
        Kind::Record { text } => {
            put("text", text.clone().into());
            "record"
        }
    };
    put("kind", kind.into());
    Value::Object(o)
}
