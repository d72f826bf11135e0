//! The catalog: practices as groups, sub-practices as controls, threats in the back matter.

use super::model::{BackMatter, Catalog, Citation, Control, Group, Link, Part, Prop, Resource};
use super::{catalog_uuid, metadata, pack_uuid, Version};
use crate::domain::catalog::{Catalog as Pack, Practice, SubPractice};
use crate::domain::ids::ThreatId;
use crate::domain::oscal::control_id;
use crate::domain::oscal::markup::{markup_line, markup_text};

pub(super) fn catalog(pack: &Pack, version: Version) -> Catalog {
    let info = pack.info();
    Catalog {
        uuid: catalog_uuid(pack),
        metadata: metadata(
            pack,
            version,
            format!("{} (HICP Check's catalog)", markup_line(&info.title)),
            "HICP's practices as groups and its sub-practices as controls, each with the \
             organization size it is for (tier) and the threats it helps against. A control's \
             statement says what the sub-practice looks like in place, its guidance why it \
             matters and how to do it, and its assessment objective the questions HICP Check \
             asks.",
        ),
        groups: pack.practices().iter().map(|p| group(pack, p)).collect(),
        back_matter: BackMatter {
            resources: std::iter::once(source(pack))
                .chain(pack.threats().iter().map(|t| Resource {
                    uuid: threat_uuid(pack, &t.id),
                    title: markup_line(&t.name),
                    description: markup_text(&t.summary),
                    props: vec![
                        Prop::own("threat-number", &t.number.to_string()),
                        Prop::own("threat", t.id.as_str()),
                    ],
                    citation: None,
                    rlinks: Vec::new(),
                    remarks: None,
                }))
                .collect(),
        },
    }
}

fn threat_uuid(pack: &Pack, threat: &ThreatId) -> String {
    pack_uuid(pack, "threat", &[threat.as_str()])
}

fn source(pack: &Pack) -> Resource {
    let info = pack.info();
    Resource {
        uuid: pack_uuid(pack, "source", &[]),
        title: markup_line(&info.title),
        description: format!(
            "The publication this catalog follows: HICP, {} edition.",
            markup_line(&info.edition)
        ),
        props: vec![Prop::own("edition", &info.edition)],
        citation: Some(Citation {
            text: markup_line(&info.source),
        }),
        rlinks: Vec::new(),
        remarks: None,
    }
}

fn threat_links(pack: &Pack, threats: &[ThreatId]) -> Vec<Link> {
    threats
        .iter()
        .filter_map(|id| pack.threat(id))
        .map(|t| Link {
            href: format!("#{}", threat_uuid(pack, &t.id)),
            rel: "reference",
            media_type: None,
            text: format!("Threat: {}", markup_line(&t.name)),
        })
        .collect()
}

fn threat_props(threats: &[ThreatId]) -> impl Iterator<Item = Prop> + '_ {
    threats.iter().map(|t| Prop::own("threat", t.as_str()))
}

fn group(pack: &Pack, practice: &Practice) -> Group {
    let id = format!("hicp-practice-{}", practice.number);
    Group {
        parts: vec![Part {
            id: format!("{id}_ovw"),
            name: "overview",
            prose: Some(markup_text(&practice.summary)),
            parts: Vec::new(),
        }],
        id,
        class: "practice",
        title: markup_line(&practice.name),
        props: std::iter::once(Prop::oscal("label", &practice.number.to_string()))
            .chain(threat_props(&practice.threats))
            .collect(),
        links: threat_links(pack, &practice.threats),
        controls: pack
            .sub_practices()
            .iter()
            .filter(|s| s.practice == practice.id)
            .map(|s| control(pack, s))
            .collect(),
    }
}

fn control(pack: &Pack, sub: &SubPractice) -> Control {
    let id = control_id(&sub.id);
    let threats = pack.threats_of(sub);
    let rule = pack.tier_rule(sub.tier);
    let questions = sub
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| Part {
            id: format!("{id}_obj.{}", i + 1),
            name: "assessment-objective",
            prose: Some(markup_text(q)),
            parts: Vec::new(),
        })
        .collect();
    Control {
        class: "sub-practice",
        title: markup_line(&sub.title),
        props: [
            Prop::oscal("label", sub.id.as_str()),
            Prop::own("tier", sub.tier.key()),
            Prop::own("source", &rule.source),
        ]
        .into_iter()
        .chain(threat_props(threats))
        .collect(),
        links: threat_links(pack, threats),
        parts: vec![
            Part {
                id: format!("{id}_smt"),
                name: "statement",
                prose: Some(markup_text(&sub.in_place)),
                parts: Vec::new(),
            },
            Part {
                id: format!("{id}_gdn"),
                name: "guidance",
                prose: Some(format!(
                    "{}\n\n{}",
                    markup_text(&sub.why),
                    markup_text(&sub.technical)
                )),
                parts: Vec::new(),
            },
            Part {
                id: format!("{id}_obj"),
                name: "assessment-objective",
                prose: None,
                parts: questions,
            },
        ],
        id,
    }
}
