//! The result: one observation per answered in-scope sub-practice, one finding per answered
//! applicable one, and the coverage props, as the module docs of [`super`] decide.

use super::control_id;
use super::ids::Ids;
use super::markup::{markup_line, markup_text};
use super::model::{
    AssessmentResult, ControlRef, ControlSelection, Finding, ImplementationStatus, IncludeAll,
    Observation, Prop, RelatedObservation, RelevantEvidence, ReviewedControls, Status, Target,
};
use crate::domain::assessment::{Answer, Assessment};
use crate::domain::catalog::{Catalog, Choice, NistCsf, SubPractice};
use crate::domain::evidence::{entry_href, entry_names, Kind};
use crate::domain::report::fingerprint;
use crate::domain::scoring::{score, Coverage};

pub(super) fn result(
    catalog: &Catalog,
    assessment: &Assessment,
    ids: &Ids,
    scope: &[&SubPractice],
    organization: &str,
    observations: Vec<Observation>,
    findings: Vec<Finding>,
) -> AssessmentResult {
    let results = score(catalog, assessment);
    let mut props = vec![
        Prop::own("fingerprint", &fingerprint(catalog, assessment)),
        Prop::own("tier", assessment.tier.map(|t| t.key()).unwrap_or("none")),
    ];
    props.extend(coverage_props(&results.overall, "overall"));
    for (practice, coverage) in &results.practices {
        props.extend(coverage_props(coverage, practice.as_str()));
    }

    let overall = &results.overall;
    let tier_words = match assessment.tier {
        Some(t) if assessment.include_optional && !catalog.tier_rule(t).optional.is_empty() => {
            format!(
                "HICP sets for {} organizations, with the optional ones",
                t.key()
            )
        }
        Some(t) => format!("HICP sets for {} organizations", t.key()),
        None => "in scope (no organization size is chosen yet)".into(),
    };
    let description = format!(
        "{} checked itself against the {} sub-practices {}. {}",
        markup_line(organization),
        scope.len(),
        tier_words,
        match overall.percent() {
            Some(p) => format!(
                "Coverage is {p}% over the {} answers that apply (props with the group \
                 \"overall\"; one group per practice).",
                overall.assessed
            ),
            None => "Nothing that applies has been answered yet, so there is no coverage.".into(),
        }
    );
    let control_selections = if scope.is_empty() {
        // OSCAL asks every selection for include-all or include-controls: with no size
        // chosen there is no plan of sub-practices to select from, and nothing was assessed.
        vec![ControlSelection {
            description: Some(
                "No organization size has been chosen yet, so no sub-practice is in scope: \
                 nothing has been assessed, and there is no observation or finding."
                    .into(),
            ),
            include_all: Some(IncludeAll {}),
            include_controls: Vec::new(),
        }]
    } else {
        vec![ControlSelection {
            description: None,
            include_all: None,
            include_controls: scope
                .iter()
                .map(|s| ControlRef {
                    control_id: control_id(&s.id),
                })
                .collect(),
        }]
    };

    AssessmentResult {
        uuid: ids.content("result"),
        title: match assessment.tier {
            Some(t) => format!("HICP self-assessment, {} organizations", t.key()),
            None => "HICP self-assessment".into(),
        },
        description,
        start: assessment.created.to_string(),
        end: assessment.updated.to_string(),
        props,
        reviewed_controls: ReviewedControls {
            description: "The HICP sub-practices in scope for the organization's size.".into(),
            props: vec![Prop {
                remarks: Some(
                    "Each control id is the HICP sub-practice id in lower case with the prefix \
                     hicp-: hicp-1.s.a is HICP sub-practice 1.S.A."
                        .into(),
                ),
                ..Prop::own("control-id-mapping", "hicp-<practice>.<tier>.<letter>")
            }],
            control_selections,
        },
        observations,
        findings,
        remarks: format!(
            "{} of the {} sub-practices in scope are unanswered and have no observation or \
             finding; {} are answered \"not applicable\" and have an observation but no \
             finding. Coverage is points earned over the most the answered, applicable \
             sub-practices could earn.",
            overall.unanswered, overall.in_scope, overall.not_applicable
        ),
    }
}

pub(super) fn coverage_props(coverage: &Coverage, group: &str) -> Vec<Prop> {
    let mut props = Vec::new();
    if let Some(percent) = coverage.percent() {
        props.push(Prop::own("coverage-percent", &percent.to_string()));
    }
    for (name, value) in [
        ("in-scope", coverage.in_scope),
        ("answered", coverage.answered()),
        ("assessed", coverage.assessed),
        ("not-applicable", coverage.not_applicable),
        ("unanswered", coverage.unanswered),
        ("points", coverage.points),
        ("max-points", coverage.max_points),
    ] {
        props.push(Prop::own(name, &value.to_string()));
    }
    for p in &mut props {
        p.group = Some(group.to_owned());
    }
    props
}

pub(super) fn observation(
    ids: &Ids,
    assessment: &Assessment,
    s: &SubPractice,
    answer: &Answer,
    choice: &Choice,
) -> Observation {
    let mut description = format!("Answered \"{}\".", markup_line(&choice.label));
    if let Some(since) = answer.since {
        description.push_str(&format!(" In place since {since}."));
    }
    if !answer.note.trim().is_empty() {
        description.push_str("\n\nNote:\n\n");
        description.push_str(&markup_text(&answer.note));
    }
    let mut props = vec![
        Prop::own("sub-practice", s.id.as_str()),
        Prop::own("answer", choice.id.as_str()),
    ];
    if let Some(since) = answer.since {
        props.push(Prop::own("in-place-since", &since.to_string()));
    }
    Observation {
        uuid: ids.subject(&format!(
            "observation/{}\u{1f}{}\u{1f}{}\u{1f}{}",
            s.id,
            choice.id,
            answer.since.map(|d| d.to_string()).unwrap_or_default(),
            answer.note
        )),
        title: format!("Answer to {}", s.id),
        description,
        props,
        methods: vec!["INTERVIEW"],
        types: vec!["control-objective"],
        relevant_evidence: relevant_evidence(assessment, s),
        collected: assessment.updated.to_string(),
    }
}

/// The evidence of `s`, self-reported; files point at their entries in the evidence package,
/// relative to the package's top folder.
fn relevant_evidence(assessment: &Assessment, s: &SubPractice) -> Vec<RelevantEvidence> {
    let Some(items) = assessment.evidence.get(&s.id) else {
        return Vec::new();
    };
    let names = entry_names(assessment);
    items
        .iter()
        .map(|i| {
            let (kind, href, text) = match &i.kind {
                Kind::File { name, .. } => (
                    "file",
                    names.get(&i.id).map(|n| entry_href(n)),
                    format!("File \"{}\".", markup_line(name)),
                ),
                Kind::Link { url } => ("link", Some(url.clone()), "A link.".to_owned()),
                Kind::Record { text } => ("record", None, markup_text(text)),
            };
            let mut props = vec![
                Prop::own("evidence-kind", kind),
                Prop::own("evidence-as-of", &i.as_of.to_string()),
            ];
            if !i.provided_by.trim().is_empty() {
                props.push(Prop::own("evidence-provided-by", i.provided_by.trim()));
            }
            RelevantEvidence {
                href,
                description: format!("{}\n\n{text}", markup_line(&i.title)),
                props,
            }
        })
        .collect()
}

pub(super) fn finding(
    catalog: &Catalog,
    ids: &Ids,
    assessment: &Assessment,
    s: &SubPractice,
    choice: &Choice,
    observation: &str,
) -> Finding {
    let best = catalog.scale().max_points();
    let points = choice.points.unwrap_or(0);
    let satisfied = points >= best;
    let reason = if satisfied {
        "pass"
    } else if choice.task {
        "other"
    } else {
        "fail"
    };
    let implementation = if satisfied {
        Some("implemented")
    } else if points > 0 {
        Some("partial")
    } else {
        None
    };
    let remarks = assessment.plan.get(&s.id).and_then(|p| {
        let owner = p.owner.trim();
        let mut text = String::new();
        if !owner.is_empty() {
            text.push_str(&format!("Owner: {}.", markup_line(owner)));
        }
        if let Some(target) = p.target {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&format!("Target date: {target}."));
        }
        (!text.is_empty()).then(|| format!("Action plan. {text}"))
    });
    Finding {
        uuid: ids.subject(&format!("finding/{}", s.id)),
        title: format!("{} {}", s.id, markup_line(&s.title)),
        description: format!(
            "Self-assessed as \"{}\": {}",
            markup_line(&choice.label),
            markup_line(&choice.description)
        ),
        props: [
            Prop::own("sub-practice", s.id.as_str()),
            Prop::own("practice", s.practice.as_str()),
            Prop::own("sub-practice-tier", s.tier.key()),
            Prop::own("answer", choice.id.as_str()),
        ]
        .into_iter()
        .chain(nist_props(&s.nist_csf))
        .collect(),
        target: Target {
            kind: "objective-id",
            target_id: control_id(&s.id),
            status: Status {
                state: if satisfied {
                    "satisfied"
                } else {
                    "not-satisfied"
                },
                reason,
            },
            implementation_status: implementation.map(|state| ImplementationStatus { state }),
        },
        related_observations: vec![RelatedObservation {
            observation_uuid: observation.to_owned(),
        }],
        remarks,
    }
}

/// A finding's NIST CSF references: `nist-csf-references` says whether HICP prints some
/// ("printed"), prints none ("none-printed", its "N/A") or the pack has not recorded them
/// ("not-recorded"); each printed one is a `nist-csf` prop, a misprint under the reference it
/// stands for with the printed value in its remarks.
fn nist_props(refs: &NistCsf) -> Vec<Prop> {
    let status = match refs {
        NistCsf::Printed(_) => "printed",
        NistCsf::NonePrinted => "none-printed",
        NistCsf::NotRecorded => "not-recorded",
    };
    let mut props = vec![Prop::own("nist-csf-references", status)];
    props.extend(refs.refs().iter().map(|r| {
        Prop {
            remarks: r
                .reads_as
                .as_ref()
                .map(|_| format!("Printed in HICP as {}.", markup_line(&r.printed))),
            ..Prop::own("nist-csf", r.csf())
        }
    }));
    props
}
