//! Crosswalks as OSCAL 1.2 mapping collections: HICP to NIST CSF 1.1 (the references HICP
//! prints under each sub-practice), and HICP to each lens of the pack (the HPH CPGs in the
//! HICP 2018 pack), marked provisional exactly where the lens is.

use super::model::{
    BackMatter, Citation, GapSummary, Map, MapItem, Mapping, MappingCollection, Prop, Provenance,
    Resource, ResourceRef, WithIds,
};
use super::{catalog_file, catalog_uuid, metadata, pack_uuid, Version};
use crate::domain::catalog::Catalog;
use crate::domain::catalog::{Lens, NistCsf};
use crate::domain::oscal::control_id;
use crate::domain::oscal::markup::{markup_line, markup_text};

/// Each collection with its file name.
pub(super) fn collections(pack: &Catalog, version: Version) -> Vec<(String, MappingCollection)> {
    std::iter::once((csf_file(pack), nist_csf(pack, version)))
        .chain(
            pack.lenses()
                .iter()
                .map(|lens| (lens_file(pack, lens), lens_collection(pack, version, lens))),
        )
        .collect()
}

pub(super) fn csf_file(pack: &Catalog) -> String {
    format!("{}-to-nist-csf-1.1.json", pack.info().id)
}

pub(super) fn lens_file(pack: &Catalog, lens: &Lens) -> String {
    let name = lens.id.strip_prefix("lens.").unwrap_or(&lens.id);
    format!("{}-to-{name}.json", pack.info().id)
}

fn uuid(pack: &Catalog, what: &str) -> String {
    pack_uuid(pack, "mapping", &[what])
}

fn control(id: String, remarks: Option<String>) -> MapItem {
    MapItem {
        kind: "control",
        id_ref: id,
        props: Vec::new(),
        remarks,
    }
}

fn source_resource(pack: &Catalog) -> ResourceRef {
    ResourceRef {
        kind: "catalog",
        href: catalog_file(pack),
    }
}

fn nist_csf(pack: &Catalog, version: Version) -> MappingCollection {
    let target = uuid(pack, "nist-csf-1.1/target");
    let mut maps = Vec::new();
    let (mut none_printed, mut not_recorded) = (Vec::new(), Vec::new());
    for sub in pack.sub_practices() {
        let id = control_id(&sub.id);
        match &sub.nist_csf {
            NistCsf::Printed(refs) => maps.push(Map {
                uuid: uuid(pack, &format!("nist-csf-1.1/{id}")),
                relationship: "intersects-with",
                sources: vec![control(id, None)],
                targets: refs
                    .iter()
                    .map(|r| control(r.csf().to_owned(), r.flag.as_deref().map(markup_line)))
                    .collect(),
                remarks: None,
            }),
            NistCsf::NonePrinted => none_printed.push(id),
            NistCsf::NotRecorded => not_recorded.push(id),
        }
    }
    let mut gaps = Vec::new();
    if !none_printed.is_empty() {
        gaps.push(format!(
            " HICP prints no reference (N/A) for {}.",
            none_printed.join(", ")
        ));
    }
    if !not_recorded.is_empty() {
        gaps.push(format!(
            " HICP may print references for {}; HICP Check has not transcribed them yet.",
            not_recorded.join(", ")
        ));
    }
    let unmapped: Vec<String> = none_printed.into_iter().chain(not_recorded).collect();
    let complete = pack
        .sub_practices()
        .iter()
        .all(|s| s.nist_csf != NistCsf::NotRecorded);
    MappingCollection {
        uuid: uuid(pack, "nist-csf-1.1"),
        metadata: metadata(
            pack,
            version,
            "HICP to the NIST Cybersecurity Framework 1.1".into(),
            "For each sub-practice, the NIST CSF 1.1 subcategories (or categories) HICP prints \
             under it as its framework references.",
        ),
        provenance: Provenance {
            method: "human",
            matching_rationale: "semantic",
            status: if complete { "complete" } else { "not-complete" },
            mapping_description:
                "The references are HICP's, transcribed by HICP Check, which did not judge \
                      them. HICP calls them references, not equivalences: each is mapped as \
                      intersecting. Sub-practices whose references are not transcribed yet, or \
                      for which HICP prints none, are listed as unmapped."
                    .into(),
        },
        mappings: vec![Mapping {
            uuid: uuid(pack, "nist-csf-1.1/mapping"),
            source_resource: source_resource(pack),
            target_resource: ResourceRef {
                kind: "catalog",
                href: format!("#{target}"),
            },
            maps,
            props: Vec::new(),
            remarks: format!(
                "Source: the catalog {} (UUID {}). Target: NIST CSF 1.1, by its subcategory \
                 identifiers; NIST publishes no OSCAL catalog of CSF 1.1, so the target is the \
                 back matter's citation of it.{}",
                catalog_file(pack),
                catalog_uuid(pack),
                gaps.concat()
            ),
            source_gap_summary: (!unmapped.is_empty()).then(|| GapSummary {
                uuid: uuid(pack, "nist-csf-1.1/gaps"),
                unmapped_controls: vec![WithIds { with_ids: unmapped }],
            }),
        }],
        back_matter: BackMatter {
            resources: vec![Resource {
                uuid: target,
                title: "Framework for Improving Critical Infrastructure Cybersecurity, \
                        Version 1.1"
                    .into(),
                description: "The NIST Cybersecurity Framework 1.1, whose subcategory \
                              identifiers (such as PR.AC-7) are the targets of this mapping."
                    .into(),
                props: Vec::new(),
                citation: Some(Citation {
                    text: "National Institute of Standards and Technology, Framework for \
                           Improving Critical Infrastructure Cybersecurity, Version 1.1, \
                           April 16, 2018. doi:10.6028/NIST.CSWP.04162018."
                        .into(),
                }),
                rlinks: Vec::new(),
                remarks: None,
            }],
        },
    }
}

fn lens_collection(pack: &Catalog, version: Version, lens: &Lens) -> MappingCollection {
    let name = markup_line(&lens.name);
    let key = format!("lens/{}", lens.id);
    let target = uuid(pack, &format!("{key}/target"));
    let provisional = if lens.provisional {
        " (provisional)"
    } else {
        ""
    };
    // The sub-practices the lens relates to no item.
    let unrelated: Vec<String> = pack
        .sub_practices()
        .iter()
        .filter(|s| !lens.items.iter().any(|i| i.sub_practices.contains(&s.id)))
        .map(|s| control_id(&s.id))
        .collect();
    let maps = lens
        .items
        .iter()
        .map(|item| Map {
            uuid: uuid(pack, &format!("{key}/{}", item.id)),
            relationship: "intersects-with",
            sources: item
                .sub_practices
                .iter()
                .map(|s| control(control_id(s), None))
                .collect(),
            targets: vec![MapItem {
                kind: "control",
                id_ref: item.id.clone(),
                props: vec![
                    Prop::oscal("label", &item.label),
                    Prop::own("group", &item.group),
                ],
                remarks: Some(if item.name_confirmed {
                    markup_line(&item.name)
                } else {
                    format!(
                        "{} (this name is not yet confirmed against the published text)",
                        markup_line(&item.name)
                    )
                }),
            }],
            remarks: None,
        })
        .collect();
    let mut props = Vec::new();
    if lens.provisional {
        props.push(Prop::own("provisional", "true"));
    }
    let mut metadata = metadata(
        pack,
        version,
        format!("HICP to the {name}{provisional}"),
        &format!(
            "For each item of the {name}, the HICP sub-practices that HICP Check relates to it.{}",
            if lens.provisional {
                " Provisional: see the mapping description of the provenance."
            } else {
                ""
            }
        ),
    );
    metadata
        .props
        .extend(props.iter().map(|p| Prop::own(p.name, &p.value)));
    MappingCollection {
        uuid: uuid(pack, &key),
        metadata,
        provenance: Provenance {
            method: "human",
            matching_rationale: "semantic",
            status: if lens.provisional {
                "draft"
            } else {
                "complete"
            },
            mapping_description: markup_text(&lens.note),
        },
        mappings: vec![Mapping {
            uuid: uuid(pack, &format!("{key}/mapping")),
            source_resource: source_resource(pack),
            target_resource: ResourceRef {
                kind: "catalog",
                href: format!("#{target}"),
            },
            maps,
            props,
            remarks: format!(
                "Source: the catalog {}. Target: the {name}, by HICP Check's identifiers of its \
                 items (labels as HICP Check shows them); there is no OSCAL catalog of them, so \
                 the target is the back matter's description.",
                catalog_file(pack)
            ),
            source_gap_summary: (!unrelated.is_empty()).then(|| GapSummary {
                uuid: uuid(pack, &format!("{key}/gaps")),
                unmapped_controls: vec![WithIds {
                    with_ids: unrelated,
                }],
            }),
        }],
        back_matter: BackMatter {
            resources: vec![Resource {
                uuid: target,
                title: name.clone(),
                description: format!("The {name}, the target of this mapping."),
                props: Vec::new(),
                citation: None,
                rlinks: Vec::new(),
                remarks: Some(markup_text(&lens.note)),
            }],
        },
    }
}
