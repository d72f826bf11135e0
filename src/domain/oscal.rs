//! An assessment's results as an OSCAL 1.1 `assessment-results` document, for GRC tools that
//! read OSCAL. It owns the mapping from HICP Check's answers to OSCAL's findings and
//! observations, and nothing else: the scoring comes from [`score`], the words from the pack.
//!
//! The mapping, decided once:
//! - A sub-practice `1.S.A` becomes the control token `hicp-1.s.a` (OSCAL ids must be XML
//!   names, which cannot start with a digit); every finding also carries the HICP id in a prop.
//! - The reviewed controls are the sub-practices in scope for the chosen tier.
//! - Every answered in-scope sub-practice gets an observation (method INTERVIEW: the answers are
//!   what the organization says of itself). Every answered, applicable one also gets a finding:
//!   "satisfied" when its answer earns the most points, "not-satisfied" otherwise ("don't know"
//!   included, with the reason "other").
//! - "Not applicable" gets an observation but no finding (OSCAL's finding states are only
//!   satisfied and not-satisfied); unanswered sub-practices get neither. The result's props
//!   count both, so nothing is silently dropped.
//! - UUIDs are version-5 (name-based, SHA-1) under HICP Check's own namespace, so the same
//!   input gives the same document. The document and its result are named after everything
//!   the document says; a finding after the assessment (pack, organization, creation time) and
//!   its sub-practice, so it keeps its UUID across revisions, as OSCAL asks of per-subject ids;
//!   an observation after that and the answer it records; back-matter resources after the
//!   pack and tier alone.
//!
//! Text from people (the organization's name, notes, plan owners) lands in OSCAL's Markdown
//! fields escaped, so that it is read as the text it was, never as markup.
//!
//! Like the rest of the domain: no clock, no randomness, no browser or UI crate.

use serde::Serialize;

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Choice, SubPractice};
use super::date::Timestamp;
use super::ids::SubPracticeId;
use super::report::fingerprint;
use super::scoring::{score, Coverage};

/// The OSCAL version the document is written against: that of the newest OSCAL 1.1 models in
/// compliance-trestle, which `tests/oscal/validate.py` checks every sample document with.
pub const OSCAL_VERSION: &str = "1.1.3";

/// The namespace of HICP Check's own props. A namespace is a name, not a page: nothing is
/// fetched from it.
pub const PROP_NS: &str = "https://hicp-check.example.org/ns/oscal";

/// The namespace under which every UUID of the document is derived (RFC 4122 version 5).
/// Made once at random; it must never change, or every UUID would.
const UUID_NAMESPACE: [u8; 16] = [
    0xe8, 0xf1, 0xfa, 0xd6, 0x61, 0x33, 0x47, 0x20, 0x99, 0x55, 0xd9, 0x39, 0x93, 0x5d, 0x83, 0x4a,
];

const CONTROL_PREFIX: &str = "hicp-";

/// The OSCAL control token of a sub-practice: `1.S.A` becomes `hicp-1.s.a`.
pub fn control_id(id: &SubPracticeId) -> String {
    format!("{CONTROL_PREFIX}{}", id.as_str().to_ascii_lowercase())
}

/// The assessment's results as a pretty-printed OSCAL 1.1 JSON document
/// (`{"assessment-results": {...}}`), stamped as last modified at `generated`.
///
/// Without a tier nothing is in scope: the document then reviews no controls and has no
/// findings.
pub fn assessment_results(
    catalog: &Catalog,
    assessment: &Assessment,
    generated: &Timestamp,
) -> String {
    let document = Document {
        assessment_results: build(catalog, assessment, generated),
    };
    serde_json::to_string_pretty(&document).expect("the document is plain data")
}

fn build(catalog: &Catalog, assessment: &Assessment, generated: &Timestamp) -> AssessmentResults {
    let info = catalog.info();
    let ids = Ids::new(catalog, assessment, generated);
    let scope: Vec<&SubPractice> = assessment
        .tier
        .map(|t| catalog.in_scope(t, assessment.include_optional))
        .unwrap_or_default();
    let organization = match assessment.organization.name.trim() {
        "" => "Unnamed organization",
        name => name,
    };

    let catalog_uuid = fixed_uuid(&format!("catalog/{}/{}", info.id, info.content_version));
    let profile_uuid = fixed_uuid(&format!(
        "profile/{}/{}/{}/{}",
        info.id,
        info.content_version,
        assessment.tier.map(|t| t.key()).unwrap_or("none"),
        assessment.include_optional
    ));

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
        oscal_version: OSCAL_VERSION,
        props: vec![
            Prop::new("content-pack", &info.id),
            Prop::new("content-version", &info.content_version),
        ],
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
        import_ap: ImportAp {
            href: format!("#{profile_uuid}"),
            remarks: "HICP Check has no separate assessment plan: the plan is the set of HICP \
                      sub-practices for the organization's size, described in the back matter."
                .into(),
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
                        Prop::new("resource-type", "catalog"),
                        Prop::new("content-pack", &info.id),
                        Prop::new("content-version", &info.content_version),
                        Prop::new("edition", &info.edition),
                    ],
                    citation: Some(Citation {
                        text: info.source.clone(),
                    }),
                },
                profile_resource(catalog, assessment, &scope, profile_uuid, &catalog_uuid),
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
                Prop::new("resource-type", "profile"),
                Prop::new("catalog", &format!("#{catalog_uuid}")),
            ],
            citation: None,
        };
    };
    let rule = catalog.tier_rule(tier);
    let optional = assessment.include_optional && !rule.optional.is_empty();
    let extra: Vec<&str> = rule.optional.iter().map(|t| t.label()).collect();
    let title = if optional {
        format!(
            "HICP {} organizations, with the optional {} sub-practices",
            rule.label,
            extra.join(" and ")
        )
    } else {
        format!("HICP {} organizations", rule.label)
    };
    Resource {
        uuid,
        title,
        description: format!(
            "The {} sub-practices HICP ({}) sets for {} organizations: {}.",
            listed.len(),
            rule.source,
            tier.key(),
            listed.join(", ")
        ),
        props: vec![
            Prop::new("resource-type", "profile"),
            Prop::new("catalog", &format!("#{catalog_uuid}")),
            Prop::new("tier", tier.key()),
            Prop::new("include-optional", if optional { "true" } else { "false" }),
            Prop::new("sub-practice-count", &listed.len().to_string()),
        ],
        citation: None,
    }
}

fn result(
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
        Prop::new("fingerprint", &fingerprint(catalog, assessment)),
        Prop::new("tier", assessment.tier.map(|t| t.key()).unwrap_or("none")),
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
        vec![ControlSelection {
            description: Some("No sub-practice is in scope.".into()),
            include_controls: Vec::new(),
        }]
    } else {
        vec![ControlSelection {
            description: None,
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
                ..Prop::new("control-id-mapping", "hicp-<practice>.<tier>.<letter>")
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

fn coverage_props(coverage: &Coverage, group: &str) -> Vec<Prop> {
    let mut props = Vec::new();
    if let Some(percent) = coverage.percent() {
        props.push(Prop::new("coverage-percent", &percent.to_string()));
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
        props.push(Prop::new(name, &value.to_string()));
    }
    for p in &mut props {
        p.group = Some(group.to_owned());
    }
    props
}

fn observation(
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
        Prop::new("sub-practice", s.id.as_str()),
        Prop::new("answer", choice.id.as_str()),
    ];
    if let Some(since) = answer.since {
        props.push(Prop::new("in-place-since", &since.to_string()));
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
        collected: assessment.updated.to_string(),
    }
}

fn finding(
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
        props: vec![
            Prop::new("sub-practice", s.id.as_str()),
            Prop::new("practice", s.practice.as_str()),
            Prop::new("sub-practice-tier", s.tier.key()),
            Prop::new("answer", choice.id.as_str()),
        ],
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

/// Where the document's UUIDs come from: a canonical rendering of everything the document
/// says, and one of the assessment's identity alone.
struct Ids {
    content: Vec<u8>,
    subject: Vec<u8>,
}

impl Ids {
    fn new(catalog: &Catalog, assessment: &Assessment, generated: &Timestamp) -> Ids {
        let info = catalog.info();
        let mut subject = Vec::new();
        for field in [
            info.id.as_str(),
            assessment.created.as_str(),
            assessment.organization.name.as_str(),
        ] {
            feed(&mut subject, field);
        }
        let mut content = subject.clone();
        feed(&mut content, &info.content_version);
        feed(&mut content, assessment.updated.as_str());
        feed(&mut content, generated.as_str());
        feed(
            &mut content,
            assessment.tier.map(|t| t.key()).unwrap_or("-"),
        );
        feed(&mut content, &assessment.include_optional.to_string());
        for (id, a) in &assessment.answers {
            feed(&mut content, id.as_str());
            feed(
                &mut content,
                a.choice.as_ref().map(|c| c.as_str()).unwrap_or(""),
            );
            feed(
                &mut content,
                &a.since.map(|d| d.to_string()).unwrap_or_default(),
            );
            feed(&mut content, &a.note);
        }
        for (id, p) in &assessment.plan {
            feed(&mut content, id.as_str());
            feed(&mut content, &p.owner);
            feed(
                &mut content,
                &p.target.map(|d| d.to_string()).unwrap_or_default(),
            );
        }
        Ids { content, subject }
    }

    /// Changes whenever anything in the document does.
    fn content(&self, purpose: &str) -> String {
        uuid_v5(&UUID_NAMESPACE, &named(purpose, &self.content))
    }

    /// Stays the same for one assessment while its answers change.
    fn subject(&self, purpose: &str) -> String {
        uuid_v5(&UUID_NAMESPACE, &named(purpose, &self.subject))
    }
}

/// The same for everyone: for things defined by the pack alone.
fn fixed_uuid(purpose: &str) -> String {
    uuid_v5(&UUID_NAMESPACE, purpose.as_bytes())
}

/// Length-prefixed, so that no two different field lists render the same.
fn feed(out: &mut Vec<u8>, field: &str) {
    out.extend_from_slice(&(field.len() as u64).to_be_bytes());
    out.extend_from_slice(field.as_bytes());
}

fn named(purpose: &str, seed: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(purpose.len() + 9 + seed.len());
    feed(&mut name, purpose);
    name.extend_from_slice(seed);
    name
}

/// An RFC 4122 version-5 UUID: SHA-1 of the namespace and the name, with the version and
/// variant bits set. Lower-case hex, as OSCAL examples write them.
fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// SHA-1 (FIPS 180-4), only to name UUIDs as RFC 4122 version 5 prescribes; not a security
/// measure. Small enough to keep here rather than add a crate to the app.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5a82_7999),
                20..=39 => (b ^ c ^ d, 0x6ed9_eba1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, word) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// Characters that mean something in Markdown wherever they stand.
const MARKDOWN_INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~'];

/// Text for an OSCAL markup-line field: one line, every Markdown character escaped.
fn markup_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            c if MARKDOWN_INLINE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for an OSCAL markup-multiline field: escaped like [`markup_line`], plus what would
/// start a heading, list or rule at the start of a line; the person's line breaks are kept as
/// hard breaks and blank lines as paragraph breaks.
fn markup_text(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text.split('\n').map(markup_text_line).collect();
    let mut out = String::with_capacity(text.len() + lines.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let hard_break = !lines[i - 1].trim().is_empty() && !line.trim().is_empty();
            out.push_str(if hard_break { "\\\n" } else { "\n" });
        }
        out.push_str(line);
    }
    out.trim().to_owned()
}

fn markup_text_line(line: &str) -> String {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let (lead, rest) = line.split_at(indent);
    let mut escaped = markup_line(rest);
    if escaped.starts_with(['#', '-', '+', '=']) {
        escaped.insert(0, '\\');
    } else {
        let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
            escaped.insert(digits, '\\');
        }
    }
    format!("{lead}{escaped}")
}

// The document, field for field in OSCAL's order. Empty lists are left out, as OSCAL's
// schemas ask of every array (minItems 1).

#[derive(Serialize)]
struct Document {
    #[serde(rename = "assessment-results")]
    assessment_results: AssessmentResults,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResults {
    uuid: String,
    metadata: Metadata,
    import_ap: ImportAp,
    results: Vec<AssessmentResult>,
    back_matter: BackMatter,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Metadata {
    title: String,
    last_modified: String,
    version: String,
    oscal_version: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parties: Vec<Party>,
    remarks: String,
}

#[derive(Serialize)]
struct Party {
    uuid: String,
    #[serde(rename = "type")]
    kind: &'static str,
    name: String,
}

#[derive(Serialize)]
struct Prop {
    name: &'static str,
    ns: &'static str,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

impl Prop {
    fn new(name: &'static str, value: &str) -> Prop {
        Prop {
            name,
            ns: PROP_NS,
            value: value.to_owned(),
            group: None,
            remarks: None,
        }
    }
}

#[derive(Serialize)]
struct ImportAp {
    href: String,
    remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AssessmentResult {
    uuid: String,
    title: String,
    description: String,
    start: String,
    end: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    props: Vec<Prop>,
    reviewed_controls: ReviewedControls,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observations: Vec<Observation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    findings: Vec<Finding>,
    remarks: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReviewedControls {
    description: String,
    props: Vec<Prop>,
    control_selections: Vec<ControlSelection>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlSelection {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    include_controls: Vec<ControlRef>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ControlRef {
    control_id: String,
}

#[derive(Serialize)]
struct Observation {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    methods: Vec<&'static str>,
    types: Vec<&'static str>,
    collected: String,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Finding {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    target: Target,
    related_observations: Vec<RelatedObservation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remarks: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct Target {
    #[serde(rename = "type")]
    kind: &'static str,
    target_id: String,
    status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    implementation_status: Option<ImplementationStatus>,
}

#[derive(Serialize)]
struct Status {
    state: &'static str,
    reason: &'static str,
}

#[derive(Serialize)]
struct ImplementationStatus {
    state: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct RelatedObservation {
    observation_uuid: String,
}

#[derive(Serialize)]
struct BackMatter {
    resources: Vec<Resource>,
}

#[derive(Serialize)]
struct Resource {
    uuid: String,
    title: String,
    description: String,
    props: Vec<Prop>,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<Citation>,
}

#[derive(Serialize)]
struct Citation {
    text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_matches_the_standard_test_vectors() {
        let hex = |d: [u8; 20]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn uuid_v5_matches_rfc_4122() {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(&dns, b"python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    #[test]
    fn control_ids_are_xml_names() {
        assert_eq!(control_id(&SubPracticeId::new("10.M.A")), "hicp-10.m.a");
    }

    #[test]
    fn people_text_is_escaped_not_read_as_markdown() {
        assert_eq!(
            markup_line("<img src=x> *bold* [link](x)\nnext"),
            "\\<img src=x\\> \\*bold\\* \\[link\\](x) next"
        );
        assert_eq!(
            markup_text("# not a heading\r\n- not a list\n1. nor this\n\nnew paragraph"),
            "\\# not a heading\\\n\\- not a list\\\n1\\. nor this\n\nnew paragraph"
        );
        assert_eq!(markup_text("a \\ b"), "a \\\\ b");
    }
}
