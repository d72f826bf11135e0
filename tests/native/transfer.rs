//! The assessment file: a golden file freezes the wire format, export -> import is the
//! identity, older versions upgrade, and every rejection says what and where.

use hicp_check::domain::team::{Request, Sent};
use hicp_check::domain::transfer::{
    import_with_warnings, ImportWarning, ShapeProblem, TextField, MAX_FILE_BYTES,
};
use hicp_check::domain::{
    evidence, export, import, Assessment, ChoiceId, FactorAnswer, FactorId, ImportError,
    SubPracticeId, Tier,
};

use super::{catalog, ts, JsonEdit};

const GOLDEN: &str = include_str!("../fixtures/golden-export-v4.json");
const V3: &str = include_str!("../fixtures/golden-export-v3.json");
const V2: &str = include_str!("../fixtures/golden-export-v2.json");
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
    a.edit_plan(&SubPracticeId::new("1.S.B"), t.clone(), |p| {
        p.owner = "Office manager".into();
        p.target = Some("2026-06-30".parse().unwrap());
    });
    a
}

/// [`sample`] with one evidence item of each kind.
pub fn sample_with_evidence() -> Assessment {
    let mut a = sample();
    let t = ts("2026-03-02T09:15:00.000Z");
    let item = |id: &str, title: &str, as_of: &str, kind| evidence::Item {
        id: id.into(),
        title: title.into(),
        as_of: as_of.parse().unwrap(),
        provided_by: "IT firm".into(),
        added: t.clone(),
        kind,
    };
    let items = vec![
        item(
            "e-1",
            "Mail filtering policy",
            "2025-01-15",
            evidence::Kind::File {
                name: "filtering policy.pdf".into(),
                size: 12_345,
                media_type: "application/pdf".into(),
                sha256: "ab".repeat(32),
            },
        ),
        item(
            "e-2",
            "Admin console",
            "2026-02-20",
            evidence::Kind::Link {
                url: "https://admin.example.org/mfa".into(),
            },
        ),
        item(
            "e-3",
            "MFA on every mailbox",
            "2026-02-21",
            evidence::Kind::Record {
                text: "Checked all 14 mailboxes.".into(),
            },
        ),
    ];
    a.edit_evidence(&SubPracticeId::new("1.S.A"), t.clone(), |list| {
        *list = items
    });
    a
}

/// [`sample_with_evidence`] with a respondent file prepared and merged back: one answer
/// given by the respondent.
pub fn sample_v4() -> Assessment {
    let mut a = sample_with_evidence();
    let request = Request::new(
        "r-1a2b".into(),
        "Dana (IT firm)".into(),
        "Please answer the e-mail questions.".into(),
        vec![SubPracticeId::new("1.S.B"), SubPracticeId::new("1.S.A")],
        ts("2026-03-02T09:20:00.000Z"),
    );
    a.requests.push(Sent {
        request,
        merged: vec![ts("2026-03-02T09:40:00.000Z")],
    });
    let dana = a.answers.get_mut(&SubPracticeId::new("1.S.B")).unwrap();
    dana.by = "Dana (IT firm)".into();
    dana.at = Some(ts("2026-03-02T09:40:00.000Z"));
    a
}

#[test]
fn the_golden_file_freezes_the_wire_format() {
    let text = export(&catalog(), &sample_v4(), &ts("2026-03-02T10:00:00.000Z"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write("tests/fixtures/golden-export-v4.json", &text).unwrap();
    }
    assert_eq!(text, GOLDEN);
}

#[test]
fn a_version_2_file_opens_with_no_evidence_and_its_lines_still_placed() {
    assert_eq!(import(&catalog(), V2).unwrap(), unattributed(sample()));
    let bad = V2.replace("\"2024-06-01\"", "\"2024-06-31\"");
    let e = refused(&bad);
    let ImportError::WrongShape {
        problem: ShapeProblem::Json { line, .. },
    } = e
    else {
        panic!("{e:?}");
    };
    assert!(line > 20, "the line is that of the file as written: {line}");
}

/// An assessment as a file from before version 4 holds it: no answer says who gave it, or
/// when.
pub fn unattributed(mut a: Assessment) -> Assessment {
    for answer in a.answers.values_mut() {
        answer.by.clear();
        answer.at = None;
    }
    a
}

#[test]
fn a_version_3_file_opens_with_no_one_named_and_no_respondent_files() {
    let a = import(&catalog(), V3).unwrap();
    assert_eq!(a, unattributed(sample_with_evidence()));
    assert!(a.requests.is_empty() && a.asked.is_none());
    let bad = V3.replace("\"2024-06-01\"", "\"2024-06-31\"");
    let ImportError::WrongShape {
        problem: ShapeProblem::Json { line, .. },
    } = refused(&bad)
    else {
        panic!("a wrong date is a shape problem");
    };
    assert!(line > 20, "the line is that of the file as written: {line}");
}

#[test]
fn export_then_import_is_the_identity() {
    let c = catalog();
    let a = sample_v4();
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

/// Regression: each way an evidence item can be wrong is refused, with its place.
#[test]
fn malformed_evidence_is_refused_with_its_place() {
    let item = |edit: &dyn Fn(&mut serde_json::Value)| {
        refused(&golden_with(|v| edit(&mut v["evidence"]["1.S.A"][1])))
    };
    type Break = dyn Fn(&mut serde_json::Value);
    let cases: [(&Break, &str); 9] = [
        (&|i| i["colour"] = "red".into(), "not a file, a link"),
        (&|i| i["as_of"] = "yesterday".into(), "not a file, a link"),
        (&|i| i["title"] = 7.into(), "not a file, a link"),
        (
            &|i| i["url"] = "http://plain.example.org".into(),
            "https://",
        ),
        (&|i| i["url"] = "javascript:alert(1)".into(), "https://"),
        (&|i| i["kind"] = "video".into(), "not a file, a link"),
        (&|i| i["text"] = "both".into(), "not a file, a link"),
        (&|i| i["id"] = "e-1".into(), "used twice"),
        (&|i| i["id"] = "../x".into(), "malformed"),
    ];
    for (edit, words) in cases {
        let said = super::said(&item(edit));
        assert!(said.contains("evidence[\"1.S.A\"][1]"), "{said}");
        assert!(said.contains(words), "{said}");
    }
    let e = refused(&golden_with(|v| {
        v["evidence"]["1.S.A"][0]["file"]["size"] = (evidence::FILE_MAX_BYTES + 1).into()
    }));
    assert!(super::said(&e).contains("over the limit"), "{e:?}");
    let e = refused(&golden_with(|v| {
        v["evidence"]["1.S.A"][0]["file"]["sha256"] = "not hex".into()
    }));
    assert!(super::said(&e).contains("checksum"), "{e:?}");
    let e = refused(&golden_with(|v| v["evidence"] = serde_json::json!([])));
    assert!(super::said(&e).starts_with("In evidence:"), "{e:?}");
    let e = refused(&golden_with(|v| {
        v["evidence"]["99.S.Z"] = serde_json::json!([]);
    }));
    assert!(
        matches!(e, ImportError::UnknownSubPractices { .. }),
        "{e:?}"
    );
    let e = refused(&golden_with(|v| {
        let one = v["evidence"]["1.S.A"][2].clone();
        let many: Vec<_> = (0..=evidence::ITEMS_MAX)
            .map(|n| {
                let mut x = one.clone();
                x["id"] = format!("r-{n}").into();
                x
            })
            .collect();
        v["evidence"]["1.S.A"] = many.into();
    }));
    assert!(super::said(&e).contains("at most 50"), "{e:?}");
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

    let e = refused(&golden_with(|v| v["format_version"] = 5.into()));
    assert_eq!(e, ImportError::NewerVersion { version: 5 });
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
