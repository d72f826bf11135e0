//! The assessment file: a golden file freezes the wire format, export -> import is the
//! identity, older versions upgrade, and every rejection says what and where.

use hicp_check::domain::transfer::{
    import_with_warnings, ImportWarning, ShapeProblem, TextField, MAX_FILE_BYTES,
};
use hicp_check::domain::{
    export, import, Assessment, ChoiceId, FactorAnswer, FactorId, ImportError, SubPracticeId, Tier,
};

use super::{catalog, ts, JsonEdit};

const GOLDEN: &str = include_str!("../fixtures/golden-export-v2.json");
const V1: &str = include_str!("../fixtures/assessment-v1.json");

/// A small practice part-way through, with every kind of field filled in.
pub fn sample() -> Assessment {
    let mut a = Assessment::new(ts("2026-03-01T08:00:00.000Z"));
    a.organization.name = "Riverside Family Practice".into();
    a.organization
        .sizing
        .insert(FactorId::new("size.physicians"), FactorAnswer::Count(3));
    a.organization.sizing.insert(
        FactorId::new("size.it-capability"),
        FactorAnswer::Band(Tier::Small),
    );
    a.tier = Some(Tier::Small);
    let t = ts("2026-03-02T09:15:00.000Z");
    a.edit_answer(&SubPracticeId::new("1.S.A"), t.clone(), |x| {
        x.choice = Some(ChoiceId::new("in_place"));
        x.since = Some("2024-06-01".parse().unwrap());
    });
    a.edit_answer(&SubPracticeId::new("1.S.B"), t.clone(), |x| {
        x.choice = Some(ChoiceId::new("partly"));
        x.note = "Front desk trained; \"clinical\" staff next.\nSee the binder.".into();
    });
    a.edit_answer(&SubPracticeId::new("7.S.A"), t.clone(), |x| {
        x.choice = Some(ChoiceId::new("dont_know"));
    });
    a.edit_answer(&SubPracticeId::new("9.S.A"), t.clone(), |x| {
        x.note = "Ask the imaging vendor".into();
    });
    a.edit_plan(&SubPracticeId::new("1.S.B"), t, |p| {
        p.owner = "Office manager".into();
        p.target = Some("2026-06-30".parse().unwrap());
    });
    a
}

#[test]
fn the_golden_file_freezes_the_wire_format() {
    let text = export(&catalog(), &sample(), &ts("2026-03-02T10:00:00.000Z"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write("tests/fixtures/golden-export-v2.json", &text).unwrap();
    }
    assert_eq!(text, GOLDEN);
}

#[test]
fn export_then_import_is_the_identity() {
    let c = catalog();
    let a = sample();
    let text = export(&c, &a, &ts("2026-03-02T10:00:00.000Z"));
    assert_eq!(import(&c, &text).unwrap(), a);
    assert_eq!(import(&c, GOLDEN).unwrap(), a);
}

#[test]
fn a_version_1_file_is_upgraded() {
    let a = import(&catalog(), V1).unwrap();
    assert_eq!(a.organization.name, "Old Town Clinic");
    assert_eq!(a.tier, Some(Tier::Small));
    assert_eq!(
        a.choice(&SubPracticeId::new("1.S.A")).unwrap().as_str(),
        "in_place"
    );
    assert_eq!(
        a.choice(&SubPracticeId::new("2.S.A")).unwrap().as_str(),
        "not_in_place"
    );
    assert_eq!(a.answers.len(), 2);
    assert!(a.plan.is_empty());
    assert!(!a.include_optional);
}

fn golden_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    edit(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

fn refused(text: &str) -> ImportError {
    import(&catalog(), text).expect_err("the file is refused")
}

#[test]
fn every_kind_of_bad_file_is_refused_with_what_and_where() {
    let e = refused(&" ".repeat(MAX_FILE_BYTES + 1));
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e:?}");

    assert_eq!(
        refused("{\n  \"format\": "),
        ImportError::NotJson {
            line: 2,
            column: 12
        }
    );
    assert!(super::said(&refused("PK\u{3}\u{4} a zip file")).contains("not valid JSON"));

    assert_eq!(refused("[1, 2, 3]"), ImportError::NotAnAssessment);
    assert_eq!(
        refused(r#"{"format": "survey-results", "answers": {}}"#),
        ImportError::NotAnAssessment
    );

    let e = refused(&golden_with(|v| v["format_version"] = 3.into()));
    assert_eq!(e, ImportError::NewerVersion { version: 3 });
    assert!(super::said(&e).contains("made by a newer version of HICP Check"));

    for (version, shown) in [
        (serde_json::json!(0), "0"),
        (serde_json::json!("2"), "\"2\""),
        (serde_json::json!(-1), "-1"),
    ] {
        let e = refused(&golden_with(|v| v["format_version"] = version));
        assert_eq!(
            e,
            ImportError::UnknownVersion {
                version: shown.into()
            }
        );
    }

    let e = refused(&golden_with(|v| v["content"]["id"] = "acme-pack".into()));
    assert_eq!(
        e,
        ImportError::OtherContentPack {
            id: "acme-pack".into()
        }
    );

    let e = refused(&golden_with(|v| {
        v["answers"]["1.S.Z"] = v["answers"]["1.S.A"].clone();
        v["plan"]["11.M.A"] = v["plan"]["1.S.B"].clone();
    }));
    assert_eq!(
        e,
        ImportError::UnknownSubPractices {
            ids: vec!["1.S.Z".into(), "11.M.A".into()]
        }
    );
    assert_eq!(
        super::said(&e),
        "This file answers sub-practices that do not exist in HICP: 1.S.Z, 11.M.A."
    );

    let e = refused(&golden_with(|v| {
        v["answers"]["1.S.A"]["choice"] = "yes".into()
    }));
    assert_eq!(
        super::said(&e),
        "In answers[\"1.S.A\"].choice: \"yes\" is not one of the answer choices."
    );

    let e = refused(&golden_with(|v| {
        v["organization"]["sizing"]["size.beds"] = serde_json::json!({"band": "small"})
    }));
    assert!(
        super::said(&e)
            .starts_with("In organization.sizing[\"size.beds\"]: that is not a possible answer"),
        "{e:?}"
    );

    let e = refused(&golden_with(|v| {
        v["organization"]["sizing"]["size.staff"] = serde_json::json!({"count": 3})
    }));
    assert!(
        super::said(&e).contains("there is no such size factor"),
        "{e:?}"
    );

    // Over-long text is not refused: it is cut to its limit, and the person is told where.
    let (a, warnings) = import_with_warnings(
        &catalog(),
        &golden_with(|v| {
            v["answers"]["1.S.B"]["note"] = "\u{e9}".repeat(5000).into();
            v["organization"]["name"] = "n".repeat(201).into();
            v["plan"]["1.S.B"]["owner"] = "o".repeat(200).into();
        }),
    )
    .expect("over-long text is shortened, not refused");
    assert_eq!(
        a.answers[&SubPracticeId::new("1.S.B")].note,
        "\u{e9}".repeat(4000)
    );
    assert_eq!(a.organization.name, "n".repeat(200));
    assert_eq!(a.plan[&SubPracticeId::new("1.S.B")].owner, "o".repeat(200));
    let messages: Vec<String> = warnings.iter().map(super::warned).collect();
    assert_eq!(
        messages,
        [
            "The organization name was longer than 200 characters and was shortened.",
            "The note on 1.S.B was longer than 4,000 characters and was shortened.",
        ]
    );
    assert_eq!(
        warnings[1],
        ImportWarning::Shortened {
            field: TextField::Note(SubPracticeId::new("1.S.B")),
            max: 4000
        }
    );

    for (edit, expected) in [
        (
            Box::new(|v: &mut serde_json::Value| {
                v["answers"]["1.S.A"]["since"] = "2024-02-30".into()
            }) as JsonEdit,
            "2024-02 has no day 30",
        ),
        (
            Box::new(|v| v["tier"] = "huge".into()),
            "unknown variant `huge`",
        ),
        (
            Box::new(|v| v["created"] = "yesterday".into()),
            "is not a UTC timestamp",
        ),
        (
            Box::new(|v| v["extra"] = true.into()),
            "unknown field `extra`",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("answers");
            }),
            "missing field `answers`",
        ),
        (
            Box::new(|v| v["include_optional"] = "no".into()),
            "invalid type",
        ),
    ] {
        let e = refused(&golden_with(edit));
        let message = super::said(&e);
        assert!(matches!(e, ImportError::WrongShape { .. }), "{e:?}");
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
        assert!(
            message.contains(" at line "),
            "{message:?} should say where"
        );
    }
}

#[test]
fn a_damaged_version_1_file_is_refused_not_panicked_on() {
    let text =
        r#"{"format": "hicp-check-assessment", "format_version": 1, "answers": {"1.S.A": 7}}"#;
    assert_eq!(
        refused(text),
        ImportError::WrongShape {
            problem: ShapeProblem::NotAChoiceId { id: "1.S.A".into() }
        }
    );
}
