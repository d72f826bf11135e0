//! The OSCAL assessment-results export: deterministic, complete over the tier, faithful to the
//! answers. The sample documents are written to `target/oscal/`, where
//! `tests/oscal/validate.py` checks them against compliance-trestle's OSCAL 1.1 models.

use std::collections::{BTreeMap, BTreeSet};

use hicp_check::domain::oscal::{assessment_results, control_id, Version};
use hicp_check::domain::{score, Assessment, Catalog, ChoiceId, SubPracticeId, Tier};
use serde_json::Value;

use super::{catalog, ts};

pub(super) const GENERATED: &str = "2026-03-02T10:00:00.000Z";
/// Where the sample documents say this copy of HICP Check is served from.
pub(super) const SITE: &str = "https://hicp-check.example.org/app/";

/// The assessment results as the app exports them (OSCAL 1.2.3), served from [`SITE`].
pub(super) fn results_text(c: &Catalog, a: &Assessment) -> String {
    assessment_results(c, a, &ts(GENERATED), Version::V1_2_3, Some(SITE))
}

/// The small practice of tests/native/transfer.rs, part-way through, with every kind of field
/// filled in and one "not applicable" more.
pub(super) fn small() -> Assessment {
    // The transfer tests' sample, plus a "not applicable" answer.
    let mut a = super::transfer::sample_with_evidence();
    a.edit_answer(
        &SubPracticeId::new("8.S.A"),
        ts("2026-03-02T09:15:00.000Z"),
        |x| {
            x.choice = Some(ChoiceId::new("not_applicable"));
        },
    );
    a
}

const KINDS: [Option<&str>; 6] = [
    Some("in_place"),
    Some("partly"),
    Some("not_in_place"),
    Some("not_applicable"),
    Some("dont_know"),
    None,
];

/// A hospital system on `tier`, every answer kind in turn, notes that try to be markup.
pub(super) fn hospital(tier: Tier, include_optional: bool) -> Assessment {
    let c = catalog();
    let mut a = Assessment::new(ts("2026-02-01T12:00:00.000Z"));
    a.organization.name = "St. Agnes & \"Mercy\" <Health> *System*".into();
    a.tier = Some(tier);
    a.include_optional = include_optional;
    let t = ts("2026-02-20T16:45:30.250Z");
    for (i, s) in c.in_scope(tier, include_optional).into_iter().enumerate() {
        let kind = KINDS[i % KINDS.len()];
        a.edit_answer(&s.id, t.clone(), |x| {
            x.choice = kind.map(ChoiceId::new);
            if i % 4 == 0 {
                x.note = format!(
                    "Checked by \"IT\" on site {i}.\r\nSecond line: <script>alert(1)</script>\n\n\
                     # not a heading\n- not a list\n1. nor this \u{e9}\u{2603} [x](y) `code`"
                );
            }
            if kind == Some("in_place") && i % 3 == 0 {
                x.since = Some("2023-09-15".parse().unwrap());
            }
        });
        if kind == Some("partly") {
            a.edit_plan(&s.id, t.clone(), |p| {
                p.owner = "CISO's office".into();
                p.target = Some("2026-12-31".parse().unwrap());
            });
        }
    }
    a
}

fn document(c: &Catalog, a: &Assessment) -> Value {
    serde_json::from_str(&results_text(c, a)).expect("the document is JSON")
}

fn in_scope(c: &Catalog, a: &Assessment) -> Vec<SubPracticeId> {
    c.in_scope(a.tier.unwrap(), a.include_optional)
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map(Vec::as_slice).unwrap_or(&[])
}

fn prop<'a>(v: &'a Value, name: &str, group: Option<&str>) -> Option<&'a str> {
    array(v, "props")
        .iter()
        .find(|p| p["name"] == name && p["group"].as_str() == group)
        .and_then(|p| p["value"].as_str())
}

#[test]
fn the_same_input_gives_the_same_document() {
    let c = catalog();
    for a in [small(), hospital(Tier::Large, false)] {
        let first = results_text(&c, &a);
        let second = results_text(&c, &a.clone());
        assert_eq!(first, second);
        assert!(first.starts_with("{\n  \"assessment-results\": {\n    \"uuid\": "));
    }
}

#[test]
fn a_changed_answer_changes_the_document_uuid_but_not_the_finding_uuids() {
    let c = catalog();
    let before = document(&c, &small());
    let mut changed = small();
    changed.edit_answer(
        &SubPracticeId::new("2.S.A"),
        ts("2026-03-03T09:00:00.000Z"),
        |x| x.choice = Some(ChoiceId::new("in_place")),
    );
    let after = document(&c, &changed);
    let ar = |d: &Value| d["assessment-results"].clone();
    assert_ne!(ar(&before)["uuid"], ar(&after)["uuid"]);
    assert_ne!(
        ar(&before)["results"][0]["uuid"],
        ar(&after)["results"][0]["uuid"]
    );
    let finding_uuid = |d: &Value, target: &str| {
        array(&ar(d)["results"][0], "findings")
            .iter()
            .find(|f| f["target"]["target-id"] == target)
            .map(|f| f["uuid"].clone())
            .unwrap()
    };
    assert_eq!(
        finding_uuid(&before, "hicp-1.s.a"),
        finding_uuid(&after, "hicp-1.s.a")
    );
    assert_eq!(
        ar(&before)["back-matter"],
        ar(&after)["back-matter"],
        "the catalogue and tier resources depend on the pack and tier alone"
    );
}

#[test]
fn every_in_scope_sub_practice_is_reviewed_and_nothing_else() {
    let c = catalog();
    for a in [
        small(),
        hospital(Tier::Medium, true),
        hospital(Tier::Large, false),
    ] {
        let d = document(&c, &a);
        let selections = array(
            &d["assessment-results"]["results"][0]["reviewed-controls"],
            "control-selections",
        );
        assert_eq!(selections.len(), 1);
        let reviewed: Vec<&str> = array(&selections[0], "include-controls")
            .iter()
            .map(|x| x["control-id"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = in_scope(&c, &a).iter().map(control_id).collect();
        assert_eq!(reviewed, expected);
        assert!(!reviewed.is_empty());
    }
    assert_eq!(control_id(&SubPracticeId::new("1.S.A")), "hicp-1.s.a");
}

#[test]
fn findings_and_observations_follow_the_answers() {
    let c = catalog();
    for a in [small(), hospital(Tier::Large, false)] {
        let d = document(&c, &a);
        let result = &d["assessment-results"]["results"][0];
        let observations: BTreeMap<&str, &Value> = array(result, "observations")
            .iter()
            .map(|o| (o["uuid"].as_str().unwrap(), o))
            .collect();
        let findings: BTreeMap<&str, &Value> = array(result, "findings")
            .iter()
            .map(|f| (f["target"]["target-id"].as_str().unwrap(), f))
            .collect();
        let observed: BTreeSet<&str> = observations
            .values()
            .map(|o| prop(o, "sub-practice", None).unwrap())
            .collect();
        let (mut answered, mut applicable) = (0, 0);
        for id in in_scope(&c, &a) {
            let token = control_id(&id);
            let finding = findings.get(token.as_str());
            match a.choice(&id).map(ChoiceId::as_str) {
                None => {
                    assert!(finding.is_none(), "{id} is unanswered");
                    assert!(!observed.contains(id.as_str()), "{id} is unanswered");
                }
                Some("not_applicable") => {
                    answered += 1;
                    assert!(finding.is_none(), "{id} does not apply");
                    assert!(observed.contains(id.as_str()), "{id} was answered");
                }
                Some(choice) => {
                    answered += 1;
                    applicable += 1;
                    let f = finding.unwrap_or_else(|| panic!("{id} has a finding"));
                    let state = f["target"]["status"]["state"].as_str().unwrap();
                    let expected = if choice == "in_place" {
                        "satisfied"
                    } else {
                        "not-satisfied"
                    };
                    assert_eq!(state, expected, "{id} answered {choice}");
                    assert_eq!(f["target"]["type"], "objective-id");
                    assert_eq!(prop(f, "sub-practice", None), Some(id.as_str()));
                    assert_eq!(prop(f, "answer", None), Some(choice));
                    let related = f["related-observations"][0]["observation-uuid"]
                        .as_str()
                        .unwrap();
                    let o = observations[related];
                    assert_eq!(prop(o, "sub-practice", None), Some(id.as_str()));
                    assert_eq!(o["collected"], a.updated.as_str());
                }
            }
        }
        assert_eq!(observations.len(), answered);
        assert_eq!(findings.len(), applicable);
        assert!(applicable > 0 && answered > applicable);
    }
}

#[test]
fn coverage_props_are_the_scores() {
    let c = catalog();
    let a = hospital(Tier::Large, false);
    let d = document(&c, &a);
    let result = &d["assessment-results"]["results"][0];
    let results = score(&c, &a);
    let percent = results.overall.percent().unwrap().to_string();
    assert_eq!(
        prop(result, "coverage-percent", Some("overall")),
        Some(percent.as_str())
    );
    for (practice, coverage) in &results.practices {
        let group = Some(practice.as_str());
        assert_eq!(
            prop(result, "coverage-percent", group).map(String::from),
            coverage.percent().map(|p| p.to_string())
        );
        assert_eq!(
            prop(result, "unanswered", group),
            Some(coverage.unanswered.to_string().as_str())
        );
    }
    assert_eq!(
        prop(result, "not-applicable", Some("overall")),
        Some(results.overall.not_applicable.to_string().as_str())
    );
}

#[test]
fn metadata_names_the_organization_pack_and_tier() {
    let c = catalog();
    let d = document(&c, &small());
    let ar = &d["assessment-results"];
    assert_eq!(
        ar["metadata"]["title"],
        "HICP Check self-assessment: Riverside Family Practice"
    );
    assert_eq!(ar["metadata"]["last-modified"], GENERATED);
    assert_eq!(ar["metadata"]["version"], c.info().content_version.as_str());
    assert_eq!(ar["results"][0]["start"], "2026-03-01T08:00:00.000Z");
    let resources = array(&ar["back-matter"], "resources");
    assert_eq!(
        ar["import-ap"]["href"],
        format!("{SITE}oscal/hicp-2018-ap-small.json")
    );
    let profile = resources
        .iter()
        .find(|r| prop(r, "resource-type", None) == Some("profile"))
        .expect("the back matter names the profile");
    assert_eq!(profile["title"], "HICP Small organizations");
    assert!(profile["description"]
        .as_str()
        .unwrap()
        .contains("1.S.A, 1.S.B"));

    let mut unnamed = small();
    unnamed.organization.name.clear();
    let d = document(&c, &unnamed);
    assert_eq!(
        d["assessment-results"]["metadata"]["title"],
        "HICP Check self-assessment: Unnamed organization"
    );
}

#[test]
fn text_from_people_is_escaped_as_markdown() {
    let c = catalog();
    let d = document(&c, &hospital(Tier::Large, false));
    let ar = &d["assessment-results"];
    assert_eq!(
        ar["metadata"]["title"],
        "HICP Check self-assessment: St. Agnes \\& \"Mercy\" \\<Health\\> \\*System\\*"
    );
    assert_eq!(
        ar["metadata"]["parties"][0]["name"],
        "St. Agnes & \"Mercy\" <Health> *System*"
    );
    let noted = array(&ar["results"][0], "observations")
        .iter()
        .map(|o| o["description"].as_str().unwrap())
        .find(|d| d.contains("Note:"))
        .unwrap();
    assert!(
        noted.contains("\\<script\\>alert(1)\\</script\\>"),
        "{noted}"
    );
    assert!(noted.contains("\n\n\\# not a heading\\\n\\- not a list\\\n1\\. nor"));
    assert!(!noted.contains('\r'));
}

/// Every UUID is a distinct RFC 4122 version-5 UUID, and no array or text is empty (OSCAL's
/// schemas require at least one item in every array).
#[test]
fn uuids_are_unique_and_nothing_is_empty() {
    fn walk<'a>(v: &'a Value, key: &str, uuids: &mut Vec<&'a str>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    walk(x, k, uuids);
                }
            }
            Value::Array(items) => {
                assert!(!items.is_empty(), "{key} is an empty array");
                for x in items {
                    walk(x, key, uuids);
                }
            }
            Value::String(s) => {
                assert!(!s.trim().is_empty(), "{key} is empty");
                if key == "uuid" {
                    uuids.push(s);
                }
            }
            _ => {}
        }
    }
    let c = catalog();
    for a in [small(), hospital(Tier::Large, false)] {
        let d = document(&c, &a);
        let mut uuids = Vec::new();
        walk(&d, "", &mut uuids);
        let unique: BTreeSet<&str> = uuids.iter().copied().collect();
        assert_eq!(unique.len(), uuids.len());
        for u in uuids {
            let b = u.as_bytes();
            assert_eq!(u.len(), 36, "{u}");
            assert_eq!(b[14], b'5', "{u} is version 5");
            assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{u} variant");
        }
    }
}

#[test]
fn evidence_is_listed_as_relative_links_into_the_package() {
    let c = catalog();
    let doc = document(&c, &small());
    let result = &array(&doc["assessment-results"], "results")[0];
    let observation = array(result, "observations")
        .iter()
        .find(|o| prop(o, "sub-practice", None) == Some("1.S.A"))
        .expect("1.S.A is answered");
    let evidence = array(observation, "relevant-evidence");
    assert_eq!(evidence.len(), 3);
    assert_eq!(
        evidence[0]["href"], "evidence/1.S.A/filtering%20policy.pdf",
        "relative to the package's top folder"
    );
    assert_eq!(
        prop(&evidence[0], "evidence-as-of", None),
        Some("2025-01-15")
    );
    assert_eq!(evidence[1]["href"], "https://admin.example.org/mfa");
    assert!(evidence[2].get("href").is_none());
    assert!(evidence[2]["description"]
        .as_str()
        .unwrap()
        .contains("Checked all 14 mailboxes."));
}

/// The fingerprint and the OSCAL UUIDs come from one canonical rendering of the assessment;
/// every one already handed out must stay what it was.
#[test]
fn fingerprints_and_uuids_are_frozen() {
    // Handed out under content 1.0.0; the content version is part of both, so a later
    // version gives new ones (pinned in `references`).
    let c = super::catalog_at("1.0.0");
    let mut no_tier = small();
    no_tier.tier = None;
    for (a, fingerprint, document_uuid, result) in [
        (
            small(),
            "5151-EDE8",
            "c34e4a44-43aa-5c10-9052-f25ca415b303",
            "16a42051-b216-56e0-8295-3d16014bdb48",
        ),
        (
            hospital(Tier::Medium, true),
            "BA6D-AACE",
            "7509fdd6-b8cb-51b2-a436-ab33a15b8d0b",
            "489e0621-c19b-5175-b780-d955ae07a8e9",
        ),
        (
            no_tier,
            "76DF-0FD9",
            "14d0d035-6393-51a5-b89d-18c297fa34a9",
            "60e8d763-f104-5860-a4e3-1c76288d45da",
        ),
    ] {
        assert_eq!(hicp_check::domain::fingerprint(&c, &a), fingerprint);
        let d = &document(&c, &a)["assessment-results"];
        assert_eq!(d["uuid"], document_uuid);
        assert_eq!(d["results"][0]["uuid"], result);
    }
    let d = document(&c, &small());
    assert_eq!(
        d["assessment-results"]["results"][0]["findings"][0]["uuid"],
        "07d5eaeb-d56e-5e5a-9a89-ad061be8adf8"
    );
}
