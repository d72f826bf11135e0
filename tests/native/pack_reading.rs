//! Reading a pack's JSON (src/content/reading.rs): every field lands where it belongs, the
//! defaults are the documented ones, and each misshapen place is named by its path.

use hicp_check::content::{load, ContentProblem, PackShape, Want, BUILT_IN};
use hicp_check::domain::catalog::NistCsf;
use hicp_check::domain::sizing::{FactorKind, Lean};
use hicp_check::domain::Tier;
use serde_json::{json, Value};

fn pack() -> Value {
    serde_json::from_str(BUILT_IN[0].1).unwrap()
}

fn problem(edit: impl FnOnce(&mut Value)) -> ContentProblem {
    let mut v = pack();
    edit(&mut v);
    load("p.json", &v.to_string()).unwrap_err().problem
}

fn shape(at: &str, shape: PackShape) -> ContentProblem {
    ContentProblem::Shape {
        at: at.to_owned(),
        shape,
    }
}

#[test]
fn every_field_of_the_built_in_pack_is_read() {
    let v = pack();
    let c = super::catalog();
    assert_eq!(c.info().id, v["id"]);
    assert_eq!(c.info().content_version, v["content_version"]);
    assert_eq!(c.threats().len(), v["threats"].as_array().unwrap().len());
    let sizing = c.sizing();
    assert_eq!(sizing.gap_rule, Lean::Larger);
    assert_eq!(sizing.tie_rule, Lean::Larger);
    assert_eq!(v["sizing"]["gap_rule"], "larger");
    for (f, raw) in sizing
        .factors
        .iter()
        .zip(v["sizing"]["factors"].as_array().unwrap())
    {
        assert_eq!(f.id.as_str(), raw["id"]);
        assert_eq!(f.kind == FactorKind::Count, raw["kind"] == "count");
        assert_eq!(
            f.bands.len(),
            raw["bands"].as_object().map_or(0, |b| b.len())
        );
        assert_eq!(
            f.choices.len(),
            raw["choices"].as_array().map_or(0, Vec::len)
        );
        for (tier, (min, max)) in &f.ranges {
            let r = &raw["ranges"][tier.key()];
            assert_eq!(r[0], *min);
            assert_eq!(r[1].as_u64(), max.map(u64::from));
        }
    }
    for (s, raw) in c
        .sub_practices()
        .iter()
        .zip(v["sub_practices"].as_array().unwrap())
    {
        assert_eq!(s.id.as_str(), raw["id"]);
        assert_eq!(s.tier.key(), raw["tier"]);
        assert_eq!(
            s.questions.len(),
            raw["questions"].as_array().unwrap().len()
        );
        match (&s.nist_csf, &raw["nist_csf"]) {
            (NistCsf::Printed(refs), Value::Array(raw)) => assert_eq!(refs.len(), raw.len()),
            (NistCsf::NonePrinted, raw) => assert!(raw == "none printed" || raw == &json!([])),
            (NistCsf::NotRecorded, raw) => assert!(raw.is_null() || raw == "not recorded"),
            (read, raw) => panic!("{}: {read:?} from {raw}", s.id),
        }
    }
    let scale = c.scale();
    let raw = v["answer_scale"]["choices"].as_array().unwrap();
    for (choice, raw) in scale.choices.iter().zip(raw) {
        assert_eq!(choice.points.map(u64::from), raw["points"].as_u64());
        assert_eq!(choice.applies, raw["applies"].as_bool().unwrap_or(true));
        assert_eq!(choice.task, raw["task"].as_bool().unwrap_or(false));
    }
}

#[test]
fn optional_fields_take_their_documented_defaults() {
    let mut v = pack();
    v["sub_practices"][0]["nist_csf"] = json!([{ "printed": "PR.AC-1", "reads_as": null }]);
    v["sub_practices"][1]["nist_csf"] = json!([]);
    v["sub_practices"][2]
        .as_object_mut()
        .unwrap()
        .remove("nist_csf");
    v["threats"][0]["name_2023"] = Value::Null;
    v.as_object_mut().unwrap().remove("lenses");
    let c = load("p.json", &v.to_string()).unwrap();
    let subs = c.sub_practices();
    assert_eq!(subs[0].nist_csf.refs()[0].csf(), "PR.AC-1");
    assert_eq!(subs[1].nist_csf, NistCsf::NonePrinted);
    assert_eq!(subs[2].nist_csf, NistCsf::NotRecorded);
    assert_eq!(c.threats()[0].name_2023, None);
    assert!(c.lenses().is_empty());
    assert_eq!(subs[0].tier, Tier::Small);
}

type Edit = Box<dyn FnOnce(&mut Value)>;

#[test]
fn each_misshapen_place_is_named_by_its_path() {
    let cases: Vec<(Edit, ContentProblem)> = vec![
        (
            Box::new(|v| v["colour"] = "red".into()),
            shape(
                "",
                PackShape::Unknown {
                    field: "colour".into(),
                },
            ),
        ),
        (
            Box::new(|v| {
                v["threats"][1].as_object_mut().unwrap().remove("summary");
            }),
            shape("threats[1]", PackShape::Missing { field: "summary" }),
        ),
        (
            Box::new(|v| v["practices"][2]["number"] = (-3).into()),
            shape("practices[2].number", PackShape::Type(Want::Number)),
        ),
        (
            Box::new(|v| v["practices"][2]["number"] = 5_000_000_000u64.into()),
            shape("practices[2].number", PackShape::Type(Want::Number)),
        ),
        (
            Box::new(|v| v["sub_practices"][3]["tier"] = "huge".into()),
            shape(
                "sub_practices[3].tier",
                PackShape::Value {
                    found: "huge".into(),
                },
            ),
        ),
        (
            Box::new(|v| v["sub_practices"][3]["questions"] = "one".into()),
            shape("sub_practices[3].questions", PackShape::Type(Want::List)),
        ),
        (
            Box::new(|v| v["sub_practices"][3]["nist_csf"] = "unknown".into()),
            shape(
                "sub_practices[3].nist_csf",
                PackShape::Value {
                    found: "unknown".into(),
                },
            ),
        ),
        (
            Box::new(|v| v["sub_practices"][3]["nist_csf"] = json!([7])),
            shape(
                "sub_practices[3].nist_csf[0]",
                PackShape::Type(Want::Object),
            ),
        ),
        (
            Box::new(|v| v["sizing"]["factors"][5]["ranges"]["medium"] = json!([40])),
            shape(
                "sizing.factors[5].ranges.medium",
                PackShape::Type(Want::Range),
            ),
        ),
        (
            Box::new(|v| v["sizing"]["factors"][5]["ranges"]["huge"] = json!([1, 2])),
            shape(
                "sizing.factors[5].ranges",
                PackShape::Unknown {
                    field: "huge".into(),
                },
            ),
        ),
        (
            Box::new(|v| v["sizing"]["tie_rule"] = "middle".into()),
            shape(
                "sizing.tie_rule",
                PackShape::Value {
                    found: "middle".into(),
                },
            ),
        ),
        (
            Box::new(|v| v["answer_scale"]["choices"][0]["applies"] = "yes".into()),
            shape(
                "answer_scale.choices[0].applies",
                PackShape::Type(Want::Boolean),
            ),
        ),
        (
            Box::new(|v| v["tiers"] = json!({})),
            shape("tiers", PackShape::Type(Want::List)),
        ),
        (
            Box::new(|v| v["threats"][0]["name_2023_confidence"] = "likely".into()),
            shape(
                "threats[0].name_2023_confidence",
                PackShape::Value {
                    found: "likely".into(),
                },
            ),
        ),
        (
            Box::new(|v| v["format_version"] = 2.into()),
            ContentProblem::FormatVersion { found: 2 },
        ),
    ];
    for (edit, expected) in cases {
        assert_eq!(problem(edit), expected);
    }
    assert_eq!(
        super::broken_pack(&load("p.json", "[]").unwrap_err()),
        "The question set p.json is broken: the top level must be an object with named fields."
    );
    let missing = load(
        "p.json",
        &json!({ "format": "hicp-check-content" }).to_string(),
    );
    assert_eq!(
        super::broken_pack(&missing.unwrap_err()),
        "The question set p.json is broken: missing field `format_version` in the top level."
    );
}
