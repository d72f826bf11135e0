//! The file's shape on the wire, field for field, and the writer: export is deterministic
//! (`BTreeMap` order, fields in a fixed order, pretty-printed).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{FORMAT, FORMAT_VERSION};
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
    pub(super) sizing: BTreeMap<FactorId, FactorAnswer>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireAnswer {
    pub(super) choice: Option<ChoiceId>,
    pub(super) note: String,
    pub(super) since: Option<Date>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WirePlanEntry {
    pub(super) owner: String,
    pub(super) target: Option<Date>,
}

/// A file item's file: what was attached, never its bytes.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireAttached {
    pub(super) name: String,
    pub(super) size: u64,
    #[serde(rename = "type")]
    pub(super) media_type: String,
    pub(super) sha256: String,
}

/// One evidence item. `kind` says which of `file`, `url` and `text` it holds.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WireEvidence {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) title: String,
    pub(super) as_of: Date,
    pub(super) provided_by: String,
    pub(super) added: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) file: Option<WireAttached>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
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
    pub(super) answers: BTreeMap<SubPracticeId, WireAnswer>,
    pub(super) plan: BTreeMap<SubPracticeId, WirePlanEntry>,
    #[serde(default)]
    pub(super) evidence: BTreeMap<SubPracticeId, Vec<WireEvidence>>,
}

/// Writes an assessment as a current-version file, pretty-printed, fields in a fixed order.
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
        evidence: assessment
            .evidence
            .iter()
            .map(|(id, items)| (id.clone(), items.iter().map(wire_item).collect()))
            .fold(BTreeMap::new(), inserted),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("plain data always serializes");
    text.push('\n');
    text
}

fn wire_item(item: &Item) -> WireEvidence {
    let mut wire = WireEvidence {
        id: item.id.clone(),
        kind: String::new(),
        title: item.title.clone(),
        as_of: item.as_of,
        provided_by: item.provided_by.clone(),
        added: item.added.clone(),
        file: None,
        url: None,
        text: None,
    };
    wire.kind = match &item.kind {
        Kind::File {
            name,
            size,
            media_type,
            sha256,
        } => {
            wire.file = Some(WireAttached {
                name: name.clone(),
                size: *size,
                media_type: media_type.clone(),
                sha256: sha256.clone(),
            });
            "file"
        }
        Kind::Link { url } => {
            wire.url = Some(url.clone());
            "link"
        }
        Kind::Record { text } => {
            wire.text = Some(text.clone());
            "record"
        }
    }
    .into();
    wire
}

/// Builds a map one entry at a time. `collect()` into a map sorts first, and that sort is
/// compiled anew for every kind of entry: kilobytes of the app each.
pub(super) fn inserted<K: Ord, V>(mut map: BTreeMap<K, V>, (k, v): (K, V)) -> BTreeMap<K, V> {
    map.insert(k, v);
    map
}
