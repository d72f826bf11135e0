//! The document around the results: metadata, the (absent) assessment plan, and the back
//! matter that names the pack and the profile of the chosen tier.

use super::ids::{fixed_uuid, Ids};
use super::markup::markup_line;
use super::model::{
    AssessmentResults, BackMatter, Citation, Document, ImportAp, Metadata, Party, Prop, Resource,
    Rlink,
};
use super::publish::{catalog_path, catalog_uuid, profile_uuid, Baseline};
use super::results::{finding, observation, result};
use super::Version;
use crate::domain::assessment::Assessment;
use crate::domain::catalog::{Catalog, SubPractice};
use crate::domain::date::Timestamp;
use crate::domain::scoring::scope;

/// The assessment's results as a pretty-printed OSCAL JSON document of `version`
/// (`{"assessment-results": {...}}`), stamped as last modified at `generated`.
///
/// `site` is the folder (ending in `/`) this copy of HICP Check is served from, when known.
/// For a pack HICP Check publishes in OSCAL ([`super::publish`]), the document then imports
/// the assessment plan published there for the organization's size, and names the catalog's
/// address, so that a tool can follow each control id to its text.
///
/// Without a tier nothing is in scope: the document then reviews no controls and has no
/// findings.
pub fn assessment_results(
    catalog: &Catalog,
    assessment: &Assessment,
    generated: &Timestamp,
    version: Version,
    site: Option<&str>,
) -> String {
    let document = Document {
        assessment_results: build(catalog, assessment, generated, version, site),
    };
    serde_json::to_string_pretty(&document).expect("the document is plain data")
}

fn build(
    catalog: &Catalog,
    assessment: &Assessment,
    generated: &Timestamp,
    version: Version,
    site: Option<&str>,
) -> AssessmentResults {
    let info = catalog.info();
    let ids = Ids::new(catalog, assessment, generated);
    let scope = scope(catalog, assessment);
    let organization = match assessment.organization.name.trim() {
        "" => "Unnamed organization",
        name => name,
    };

    let catalog_uuid = catalog_uuid(catalog);
    let profile_uuid = match assessment.tier {
        Some(tier) => profile_uuid(catalog, tier, assessment.include_optional),
        None => fixed_uuid(&format!(
            "profile/{}/{}/none/{}",
            info.id, info.content_version, assessment.include_optional
        )),
    };

    let baseline = assessment
        .tier
        .map(|tier| Baseline::of(catalog, tier, assessment.include_optional));
    let plan = baseline
        .as_ref()
        .and_then(|b| b.path(catalog, "ap", version));

    let mut observations = Vec::new();
    let mut findings = Vec::new();
    for s in &scope {
        let Some(answer) = assessment.answers.get(&s.id) else {
            continue;
        };
        let Some(choice) = answer
            .choice
            .as_ref()
            .and_then(|c| catalog.scale().choice(c))
        else {
            continue;
        };
        let observation = observation(&ids, assessment, s, answer, choice);
        if choice.applies {
            findings.push(finding(
                catalog,
                &ids,
                assessment,
                s,
                choice,
                &observation.uuid,
            ));
        }
        observations.push(observation);
    }

    let metadata = Metadata {
        title: format!("HICP Check self-assessment: {}", markup_line(organization)),
        last_modified: generated.to_string(),
        version: info.content_version.clone(),
        oscal_version: version.as_str(),
        props: vec![
            Prop::own("content-pack", &info.id),
            Prop::own("content-version", &info.content_version),
        ],
        links: Vec::new(),
        parties: if assessment.organization.name.trim().is_empty() {
            Vec::new()
        } else {
            vec![Party {
                uuid: ids.subject("party/organization"),
                kind: "organization",
                name: organization.to_owned(),
            }]
        },
        remarks: "Made with HICP Check, a self-assessment against the HHS 405(d) Health \
                  Industry Cybersecurity Practices. The answers are the organization's own: \
                  this is a self-check, not a certification of compliance."
            .into(),
    };

    AssessmentResults {
        uuid: ids.content("document"),
        metadata,
        import_ap: match (site, plan) {
            (Some(site), Some(path)) => ImportAp {
                href: format!("{site}{path}"),
                remarks: "The assessment plan HICP Check publishes for this organization \
                              size. Through its system security plan and profile it leads to \
                              HICP Check's catalog of HICP, where each control id has its text."
                    .into(),
            },
            _ => ImportAp {
                href: format!("#{profile_uuid}"),
                remarks: "HICP Check publishes no assessment plan for this content pack, or no \
                          organization size is chosen: the plan is the set of HICP \
                          sub-practices for the organization's size, described in the back \
                          matter."
                    .into(),
            },
        },
        results: vec![result(
            catalog,
            assessment,
            &ids,
            &scope,
            organization,
            observations,
            findings,
        )],
        back_matter: BackMatter {
            resources: vec![
                Resource {
                    uuid: catalog_uuid.clone(),
                    title: info.title.clone(),
                    description: format!(
                        "The HICP catalogue HICP Check assesses against: content pack {} \
                         version {}, {} edition.",
                        info.id, info.content_version, info.edition
                    ),
                    props: vec![
                        Prop::own("resource-type", "catalog"),
                        Prop::own("content-pack", &info.id),
                        Prop::own("content-version", &info.content_version),
                        Prop::own("edition", &info.edition),
                    ],
                    citation: Some(Citation {
                        text: info.source.clone(),
                    }),
                    rlinks: site
                        .zip(catalog_path(catalog, version))
                        .map(|(site, path)| Rlink {
                            href: format!("{site}{path}"),
                            media_type: "application/oscal.catalog+json",
                        })
                        .into_iter()
                        .collect(),
                    remarks: None,
                },
                profile_resource(
                    catalog,
                    assessment,
                    &scope,
                    profile_uuid,
                    &catalog_uuid,
                    site.zip(baseline.as_ref()).and_then(|(site, b)| {
                        Some(format!("{site}{}", b.path(catalog, "profile", version)?))
                    }),
                ),
            ],
        },
    }
}

fn profile_resource(
    catalog: &Catalog,
    assessment: &Assessment,
    scope: &[&SubPractice],
    uuid: String,
    catalog_uuid: &str,
    published: Option<String>,
) -> Resource {
    let listed: Vec<&str> = scope.iter().map(|s| s.id.as_str()).collect();
    let Some(tier) = assessment.tier else {
        return Resource {
            uuid,
            title: "HICP: no organization size chosen".into(),
            description: "No organization size has been chosen yet, so no HICP sub-practice \
                          is in scope."
                .into(),
            props: vec![
                Prop::own("resource-type", "profile"),
                Prop::own("catalog", &format!("#{catalog_uuid}")),
            ],
            citation: None,
            rlinks: Vec::new(),
            remarks: None,
        };
    };
    let rule = catalog.tier_rule(tier);
    let optional = assessment.include_optional && !rule.optional.is_empty();
    Resource {
        uuid,
        title: Baseline::of(catalog, tier, assessment.include_optional).title(catalog),
        description: format!(
            "The {} sub-practices HICP ({}) sets for {} organizations: {}.",
            listed.len(),
            rule.source,
            tier.key(),
            listed.join(", ")
        ),
        props: vec![
            Prop::own("resource-type", "profile"),
            Prop::own("catalog", &format!("#{catalog_uuid}")),
            Prop::own("tier", tier.key()),
            Prop::own("include-optional", if optional { "true" } else { "false" }),
            Prop::own("sub-practice-count", &listed.len().to_string()),
        ],
        citation: None,
        rlinks: published
            .map(|href| Rlink {
                href,
                media_type: "application/oscal.profile+json",
            })
            .into_iter()
            .collect(),
        remarks: None,
    }
}
