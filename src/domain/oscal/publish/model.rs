//! The documents HICP Check publishes about HICP itself (catalog, profiles, system security
//! plans, assessment plans, mapping collections), field for field in OSCAL's order, as serde
//! writes them. Empty lists and absent values are left out, as OSCAL's schemas ask.

use serde::Serialize;

pub(super) use crate::domain::oscal::model::{
    BackMatter, Citation, ControlSelection, IncludeAll, Link, Metadata, Prop, Resource,
    ReviewedControls,
};

#[derive(Serialize)]
pub(super) struct Part {
    pub(super) id: String,
    pub(super) name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) prose: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) parts: Vec<Part>,
}

// The catalog.

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Catalog {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) groups: Vec<Group>,
    pub(super) back_matter: BackMatter,
}

#[derive(Serialize)]
pub(super) struct Group {
    pub(super) id: String,
    pub(super) class: &'static str,
    pub(super) title: String,
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<Link>,
    pub(super) parts: Vec<Part>,
    pub(super) controls: Vec<Control>,
}

#[derive(Serialize)]
pub(super) struct Control {
    pub(super) id: String,
    pub(super) class: &'static str,
    pub(super) title: String,
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) links: Vec<Link>,
    pub(super) parts: Vec<Part>,
}

// Profiles.

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Profile {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) imports: Vec<Import>,
    pub(super) merge: Merge,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) modify: Option<Modify>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Import {
    pub(super) href: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) include_all: Option<IncludeAll>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) include_controls: Vec<WithIds>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct WithIds {
    pub(super) with_ids: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Merge {
    pub(super) as_is: bool,
}

#[derive(Serialize)]
pub(super) struct Modify {
    pub(super) alters: Vec<Alter>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Alter {
    pub(super) control_id: String,
    pub(super) adds: Vec<Add>,
}

#[derive(Serialize)]
pub(super) struct Add {
    pub(super) position: &'static str,
    pub(super) props: Vec<Prop>,
}

// The system security plan and the assessment plan of a tier.

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct SystemSecurityPlan {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) import_profile: Href,
    pub(super) system_characteristics: SystemCharacteristics,
    pub(super) system_implementation: SystemImplementation,
    pub(super) control_implementation: ControlImplementation,
}

#[derive(Serialize)]
pub(super) struct Href {
    pub(super) href: String,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct SystemCharacteristics {
    pub(super) system_ids: Vec<SystemId>,
    pub(super) system_name: String,
    pub(super) description: String,
    pub(super) system_information: SystemInformation,
    pub(super) status: State,
    pub(super) authorization_boundary: Description,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct SystemId {
    pub(super) identifier_type: &'static str,
    pub(super) id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct SystemInformation {
    pub(super) information_types: Vec<InformationType>,
}

#[derive(Serialize)]
pub(super) struct InformationType {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
}

#[derive(Serialize)]
pub(super) struct State {
    pub(super) state: &'static str,
}

#[derive(Serialize)]
pub(super) struct Description {
    pub(super) description: String,
}

#[derive(Serialize)]
pub(super) struct SystemImplementation {
    pub(super) users: Vec<User>,
    pub(super) components: Vec<Component>,
}

#[derive(Serialize)]
pub(super) struct User {
    pub(super) uuid: String,
    pub(super) title: String,
    pub(super) description: String,
}

#[derive(Serialize)]
pub(super) struct Component {
    pub(super) uuid: String,
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) title: String,
    pub(super) description: String,
    pub(super) status: State,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ControlImplementation {
    pub(super) description: String,
    pub(super) implemented_requirements: Vec<ImplementedRequirement>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct ImplementedRequirement {
    pub(super) uuid: String,
    pub(super) control_id: String,
    pub(super) remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct AssessmentPlan {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) import_ssp: Href,
    pub(super) reviewed_controls: ReviewedControls,
}

// Mapping collections (OSCAL 1.2).

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct MappingCollection {
    pub(super) uuid: String,
    pub(super) metadata: Metadata,
    pub(super) provenance: Provenance,
    pub(super) mappings: Vec<Mapping>,
    pub(super) back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Provenance {
    pub(super) method: &'static str,
    pub(super) matching_rationale: &'static str,
    pub(super) status: &'static str,
    pub(super) mapping_description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Mapping {
    pub(super) uuid: String,
    pub(super) source_resource: ResourceRef,
    pub(super) target_resource: ResourceRef,
    pub(super) maps: Vec<Map>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    pub(super) remarks: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) source_gap_summary: Option<GapSummary>,
}

#[derive(Serialize)]
pub(super) struct ResourceRef {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct Map {
    pub(super) uuid: String,
    pub(super) relationship: &'static str,
    pub(super) sources: Vec<MapItem>,
    pub(super) targets: Vec<MapItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct MapItem {
    #[serde(rename = "type")]
    pub(super) kind: &'static str,
    pub(super) id_ref: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(super) props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct GapSummary {
    pub(super) uuid: String,
    pub(super) unmapped_controls: Vec<WithIds>,
}
