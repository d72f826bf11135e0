//! What one organization size checks itself against: its profile, and the system security
//! plan and assessment plan through which assessment results reach that profile.

use super::model::{
    Add, Alter, AssessmentPlan, Component, ControlImplementation, ControlSelection, Description,
    Href, ImplementedRequirement, Import, IncludeAll, InformationType, Link, Merge, Modify,
    Profile, Prop, ReviewedControls, State, SystemCharacteristics, SystemId, SystemImplementation,
    SystemInformation, SystemSecurityPlan, User, WithIds,
};
use super::{catalog_file, fixed_uuid, metadata, pack_uuid, Baseline, Version};
use crate::domain::catalog::Catalog;
use crate::domain::oscal::control_id;
use crate::domain::oscal::markup::markup_line;

impl Baseline {
    /// "HICP medium organizations, with the optional large sub-practices".
    pub(in crate::domain::oscal) fn title(&self, pack: &Catalog) -> String {
        let rule = pack.tier_rule(self.tier);
        let mut title = format!("HICP {} organizations", markup_line(&rule.label));
        if self.optional {
            let extra: Vec<&str> = rule.optional.iter().map(|t| t.label()).collect();
            title.push_str(&format!(
                ", with the optional {} sub-practices",
                extra.join(" and ")
            ));
        }
        title
    }

    /// The baseline's sub-practices, as control ids in pack order.
    fn controls(&self, pack: &Catalog) -> Vec<String> {
        pack.in_scope(self.tier, self.optional)
            .iter()
            .map(|s| control_id(&s.id))
            .collect()
    }

    fn uuid(&self, pack: &Catalog, kind: &str) -> String {
        pack_uuid(pack, kind, &[&self.name(pack)])
    }
}

/// The profile: the tier's sub-practices from the catalog. A tier with an optional set gets a
/// second profile that imports the first and adds the optional sub-practices, each marked
/// `optional`.
pub(super) fn profile(pack: &Catalog, version: Version, b: &Baseline) -> Profile {
    let rule = pack.tier_rule(b.tier);
    let mut metadata = metadata(
        pack,
        version,
        b.title(pack),
        &format!(
            "The {} sub-practices HICP ({}) sets for {} organizations.",
            b.controls(pack).len(),
            markup_line(&rule.source),
            b.tier.key()
        ),
    );
    if !b.optional && !rule.optional.is_empty() {
        let with = Baseline {
            tier: b.tier,
            optional: true,
        };
        metadata.links.push(Link {
            href: with.file(pack, "profile"),
            rel: "related",
            media_type: Some("application/oscal.profile+json"),
            text: format!("{}: the optional set offered", with.title(pack)),
        });
    }
    let (imports, modify) = if b.optional {
        let base = Baseline {
            tier: b.tier,
            optional: false,
        };
        let optional: Vec<String> = pack
            .sub_practices()
            .iter()
            .filter(|s| rule.optional.contains(&s.tier))
            .map(|s| control_id(&s.id))
            .collect();
        let alters = optional
            .iter()
            .map(|id| Alter {
                control_id: id.clone(),
                adds: vec![Add {
                    position: "ending",
                    props: vec![Prop::own("optional", "true")],
                }],
            })
            .collect();
        (
            vec![
                Import {
                    href: base.file(pack, "profile"),
                    include_all: Some(IncludeAll {}),
                    include_controls: Vec::new(),
                },
                Import {
                    href: catalog_file(pack),
                    include_all: None,
                    include_controls: vec![WithIds { with_ids: optional }],
                },
            ],
            Some(Modify { alters }),
        )
    } else {
        (
            vec![Import {
                href: catalog_file(pack),
                include_all: None,
                include_controls: vec![WithIds {
                    with_ids: b.controls(pack),
                }],
            }],
            None,
        )
    };
    Profile {
        uuid: b.profile_uuid(pack),
        metadata,
        imports,
        merge: Merge { as_is: true },
        modify,
    }
}

/// The system security plan: the organization's information systems as one whole, with the
/// profile's controls as its requirements. HICP Check does not describe anyone's systems; this
/// plan is what OSCAL asks for between an assessment plan and its profile.
pub(super) fn ssp(pack: &Catalog, version: Version, b: &Baseline) -> SystemSecurityPlan {
    let uuid = |kind: &str| b.uuid(pack, kind);
    let state = || State {
        state: "operational",
    };
    SystemSecurityPlan {
        uuid: uuid("ssp"),
        metadata: metadata(
            pack,
            version,
            format!("{}: system security plan", b.title(pack)),
            "A template, the same for every organization of this size: the organization's \
             information systems taken as one whole, required to meet the profile's \
             sub-practices. It links an assessment plan to the profile; it describes no one's \
             systems.",
        ),
        import_profile: Href {
            href: b.file(pack, "profile"),
            remarks: "The sub-practices for this organization size.".into(),
        },
        system_characteristics: SystemCharacteristics {
            system_ids: vec![SystemId {
                identifier_type: "https://ietf.org/rfc/rfc4122",
                id: uuid("system"),
            }],
            system_name: "The organization's information systems".into(),
            description: "Everything the organization uses to create, keep, use and share \
                          patient and business information: computers, e-mail, networks, \
                          medical devices, services bought in, and the people who run them."
                .into(),
            system_information: SystemInformation {
                information_types: vec![InformationType {
                    uuid: uuid("information"),
                    title: "Patient and business information".into(),
                    description: "Health records and other protected health information, and \
                                  the organization's own business information."
                        .into(),
                }],
            },
            status: state(),
            authorization_boundary: Description {
                description: "The whole organization: HICP asks an organization to check \
                              itself as a whole against the practices for its size."
                    .into(),
            },
        },
        system_implementation: SystemImplementation {
            users: vec![User {
                uuid: uuid("workforce"),
                title: "Workforce".into(),
                description: "Everyone who works for the organization.".into(),
            }],
            components: vec![Component {
                uuid: uuid("this-system"),
                kind: "this-system",
                title: "The organization's information systems".into(),
                description: "The systems described above, as one component.".into(),
                status: state(),
            }],
        },
        control_implementation: ControlImplementation {
            description: "How the organization meets each sub-practice is what its HICP Check \
                          assessment results record."
                .into(),
            implemented_requirements: b
                .controls(pack)
                .into_iter()
                .map(|id| ImplementedRequirement {
                    uuid: fixed_uuid(&format!("{}/{id}", uuid("requirement"))),
                    control_id: id,
                    remarks: "See the organization's assessment results.".into(),
                })
                .collect(),
        },
    }
}

/// The assessment plan that HICP Check's assessment results for this size import: every
/// control of the system security plan's profile, by the organization itself.
pub(super) fn plan(pack: &Catalog, version: Version, b: &Baseline) -> AssessmentPlan {
    AssessmentPlan {
        uuid: b.uuid(pack, "ap"),
        metadata: metadata(
            pack,
            version,
            format!("{}: assessment plan", b.title(pack)),
            "The plan of a self-assessment with HICP Check: the organization answers HICP \
             Check's questions for every sub-practice of its size. Assessment results exported \
             by HICP Check for this size import this plan.",
        ),
        import_ssp: Href {
            href: b.file(pack, "ssp"),
            remarks: "The template system security plan of this organization size.".into(),
        },
        reviewed_controls: ReviewedControls {
            description: "Every sub-practice of this organization size.".into(),
            props: Vec::new(),
            control_selections: vec![ControlSelection {
                description: Some(
                    "All the controls of the profile the system security plan imports.".into(),
                ),
                include_all: Some(IncludeAll {}),
                include_controls: Vec::new(),
            }],
        },
    }
}
