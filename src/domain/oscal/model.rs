//! The OSCAL `assessment-results` document, field for field in OSCAL's order, as serde writes
//! it, and the parts every OSCAL document shares (metadata, props, back matter, reviewed
//! controls), which the documents about HICP itself use too (`publish::model`). Empty lists
//! and absent values are left out, as OSCAL's schemas ask of every array (minItems 1).

use serde::Serialize;

use super::PROP_NS;

#[derive(Serialize)]
pub(super) struct Document {
    #[serde(rename = "assessment-results")]
    pub(super) assessment_results: AssessmentResults,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct AssessmentResults {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) import_ap: ImportAp,
    pub(super) results: Vec<AssessmentResult>,
    pub(super) back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Metadata {
    pub(super) title: String,
    pub(super) last_modified: String,
    pub(super) version: String,
    pub(super) oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) parties: Vec<Party>,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Link {
    pub(super) href: String,
    pub(super) rel: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) media_type: Option<&'static str>,
    pub(super) text: String,
}

#[derive(Serialize)]
pub(super) struct Party {
    pub(super) uuid: String,
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) name: String,
}

#[derive(Serialize)]
pub(super) struct Prop {
    pub(super) name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) ns: Option<&'static str>,
    pub(super) value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

impl Prop {
    /// One of HICP Check's own props (in its namespace).
    pub(super) fn own(name: &'static str, value: &str) -> Prop {
        Prop {
            ns: Some(PROP_NS),
            ..Prop::oscal(name, value)
        }
    }

    /// One of OSCAL's own props (`label`, `sort-id`), without a namespace.
    pub(super) fn oscal(name: &'static str, value: &str) -> Prop {
        Prop {
            name,
            ns: None,
            value: value.to_owned(),
            group: None,
            remarks: None,
        }
    }
}

#[derive(Serialize)]
pub(super) struct ImportAp {
    pub(super) href: String,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct AssessmentResult {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) start: String,
    pub(super) end: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    pub(super) reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) findings: Vec<Finding>,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ReviewedControls {
    pub(super) description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    pub(super) control_selections: Vec<ControlSelection>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ControlSelection {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    /// `{}` when set: every control of the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) include_all: Option<IncludeAll>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) include_controls: Vec<ControlRef>,
}

/// OSCAL's `{}`: "all of them".
#[derive(Serialize)]
pub(super) struct IncludeAll {}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ControlRef {
    pub(super) control_id: String,
}

#[derive(Serialize)]
pub(super) struct Observation {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) props: Vec<Prop>,
    pub(super) methods: Vec<&'static str>,
    pub(super) types: Vec<&'static str>,
    #[serde(rename = "relevant-evidence", skip_serializing_if = "Vec::is_empty")]
    pub(super) relevant_evidence: Vec<RelevantEvidence>,
    pub(super) collected: String,
}

/// An evidence item: a file as a relative link to its entry in the evidence package, a link
/// as itself, a written record as its description.
#[derive(Serialize)]
pub(super) struct RelevantEvidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) href: Option<String>,
    pub(super) description: String,
    pub(super) props: Vec<Prop>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Finding {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) props: Vec<Prop>,
    pub(super) target: Target,
    pub(super) related_observations: Vec<RelatedObservation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Target {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) target_id: String,
    pub(super) status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) implementation_status: Option<ImplementationStatus>,
}

#[derive(Serialize)]
pub(super) struct Status {
    pub(super) state: &'static str,
    pub(super) reason: &'static str,
}

#[derive(Serialize)]
pub(super) struct ImplementationStatus {
    pub(super) state: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct RelatedObservation {
    pub(super) observation_uuid: String,
}

#[derive(Serialize)]
pub(super) struct BackMatter {
    pub(super) resources: Vec<Resource>,
}

#[derive(Serialize)]
pub(super) struct Resource {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) citation: Option<Citation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) rlinks: Vec<Rlink>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Rlink {
    pub(super) href: String,
    pub(super) media_type: &'static str,
}

#[derive(Serialize)]
pub(super) struct Citation {
    pub(super) text: String,
}
