//! Hostile and broken files (tests/fixtures/hostile/): each one either opens, with the
//! warnings a person sees, or is refused with the sentence a person sees; none panics.
//! tests/fixtures/hostile/EXPECTED.md documents the same outcomes, and is checked against
//! this table, so a file added to the folder without an expectation fails here.

use std::collections::BTreeSet;
use std::path::Path;

use hicp_check::domain::transfer::{import_with_warnings, MAX_DEPTH, MAX_FILE_BYTES};
use hicp_check::domain::{Assessment, ImportError, SubPracticeId, Tier};

use super::catalog;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
const GOLDEN: &str = include_str!("../fixtures/golden-export-v2.json");

enum Outcome {
    /// The exact sentence a person sees.
    Refused(&'static str),
    /// The warnings a person sees, in order, and what must be true of the assessment.
    Opens(&'static [&'static str], fn(&Assessment)),
}

use Outcome::{Opens, Refused};

fn note(a: &Assessment, id: &str) -> String {
    a.answers[&SubPracticeId::new(id)].note.clone()
}

fn owner(a: &Assessment, id: &str) -> String {
    a.plan[&SubPracticeId::new(id)].owner.clone()
}

/// The golden file's assessment, as every file built from it starts out.
fn is_golden(a: &Assessment) {
    assert_eq!(a.organization.name, "Riverside Family Practice");
    assert_eq!(a.tier, Some(Tier::Small));
    assert_eq!(a.answers.len(), 4);
    assert_eq!(owner(a, "1.S.B"), "Office manager");
}

const EXPECTED: &[(&str, Outcome)] = &[
    ("array.json", Refused("This file is not an HICP Check assessment. It may come from another program.")),
    ("bad-choice.json", Refused("In answers[\"1.S.A\"].choice: \"yes\" is not one of the answer choices.")),
    ("bad-date.json", Refused("This assessment file is damaged or was edited by hand: 2024-02 has no day 30 at line 29 column 5.")),
    ("bad-size-answer.json", Refused("This assessment file is damaged or was edited by hand: invalid value: integer `-3`, expected u32 at line 18 column 19.")),
    ("binary-junk.json", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 1, column 1).")),
    ("byte-order-mark.json", Opens(&[], is_golden)),
    ("control-characters.json", Opens(
        &[
            "The organization name contained invisible control characters, which were removed.",
            "The note on 9.S.A contained invisible control characters, which were removed.",
        ],
        |a| {
            assert_eq!(a.organization.name, "Riverside Family[31m Practice");
            // A zero-width space changes nothing a person sees: it goes too.
            assert_eq!(note(a, "9.S.A"), "Ask the imaging vendor");
        },
    )),
    ("direction-overrides.json", Opens(
        &[
            "The organization name contained invisible control characters, which were removed.",
            "The note on 1.S.A contained invisible control characters, which were removed.",
            "The owner of the plan item for 1.S.B contained invisible control characters, which were removed.",
        ],
        |a| {
            // Shown as it is stored: the override that made it read "Riverside Family Practice" is gone.
            assert_eq!(a.organization.name, "Riverside ecitcarP ylimaF");
            assert_eq!(note(a, "1.S.A"), "Ask the imaging vendor");
            assert_eq!(a.plan[&SubPracticeId::new("1.S.B")].owner, "Office manager");
        },
    )),
    ("crlf-line-endings.json", Opens(&[], |a| {
        assert_eq!(note(a, "1.S.B"), "First line\nSecond line\nThird line");
        assert_eq!(a.organization.name, "Riverside Family Practice");
    })),
    ("deep-nesting.json", Refused("This file is not readable as an assessment: it is nested far more deeply than an assessment file ever is (the problem is at line 22, column 42).")),
    ("duplicate-answer.json", Refused("The entry \"1.S.B\" appears twice in answers (the second time at line 35, column 11), so HICP Check cannot tell which one is meant. The file may have been edited by hand.")),
    ("duplicate-note.json", Refused("The entry \"note\" appears twice in answers[\"9.S.A\"] (the second time at line 43, column 12), so HICP Check cannot tell which one is meant. The file may have been edited by hand.")),
    ("duplicate-tier.json", Refused("The entry \"tier\" appears twice at the top level of the file (the second time at line 23, column 8), so HICP Check cannot tell which one is meant. The file may have been edited by hand.")),
    ("empty.json", Refused("This file is empty: it holds no assessment.")),
    ("findings.csv", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 1, column 1).")),
    ("future-version.json", Refused("This file was made by a newer version of HICP Check (file format 5; this version reads up to 4). Open it with the newer version.")),
    ("lone-surrogate.json", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 42, column 45).")),
    ("long-name-and-owner.json", Opens(
        &[
            "The organization name was longer than 200 characters and was shortened.",
            "The owner of the plan item for 1.S.B was longer than 200 characters and was shortened.",
        ],
        |a| {
            assert_eq!(a.organization.name.chars().count(), 200);
            assert!(a.organization.name.starts_with("Riverside Family Practice and"));
            assert_eq!(owner(a, "1.S.B"), "Office manager ".repeat(20)[..200]);
        },
    )),
    ("long-note.json", Opens(
        &["The note on 1.S.B was longer than 4,000 characters and was shortened."],
        |a| {
            let expected: String = "We train the front desk every spring. ".repeat(120).chars().take(4000).collect();
            assert_eq!(note(a, "1.S.B"), expected);
        },
    )),
    ("long-wrong-value.json", Refused("This assessment file is damaged or was edited by hand: invalid type: string \"no no no no no no no no no no no no no n\u{2026}\", expected a boolean at line 23 column 3024.")),
    ("null.json", Refused("This file is not an HICP Check assessment. It may come from another program.")),
    ("number-too-big.json", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 18, column 22).")),
    ("other-content-pack.json", Refused("This assessment was made with another question set (\"acme-security-pack\"), which this copy of HICP Check does not have.")),
    ("request-unknown-scope.json", Refused("In requests[0]: this is not a record of a respondent file as HICP Check writes it.")),
    ("asked-bad-fingerprint.json", Refused("In asked: this is not a record of a respondent file as HICP Check writes it.")),
    ("respondent-controls.json", Opens(
        &[
            "A respondent's name or the message to them contained invisible control characters, which were removed.",
            "A respondent's name or the message to them contained invisible control characters, which were removed.",
        ],
        |a| {
            let asked = a.asked.as_ref().expect("a respondent file");
            assert_eq!(asked.request.respondent, "Dana (IT)");
            assert_eq!(asked.request.message, "Please answer");
            assert_eq!(a.author(), "Dana (IT)");
        },
    )),
    ("script-payloads.json", Opens(&[], |a| {
        assert_eq!(a.organization.name, "<script>alert(1)</script>");
        assert_eq!(
            note(a, "1.S.B"),
            "\"><img src=x onerror=alert(1)> and {{constructor.constructor('alert(1)')()}} and =HYPERLINK(\"http://example.invalid\")"
        );
        assert_eq!(owner(a, "1.S.B"), "<b onmouseover=alert(1)>Dana</b> & 'Sam'");
    })),
    ("survey-tool.json", Refused("This file is not an HICP Check assessment. It may come from another program.")),
    ("truncated.json", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 26, column 2).")),
    ("unicode-text.json", Opens(&[], |a| {
        assert_eq!(a.organization.name, "Cl\u{ed}nica Se\u{f1}ora de Guadalupe \u{8a3a}\u{7642}\u{6240} \u{1f3e5}");
        assert!(note(a, "9.S.A").contains("\tcolumn\n"));
    })),
    ("unknown-field.json", Refused("This assessment file is damaged or was edited by hand: unknown field `signature`, expected one of `format`, `format_version`, `content`, `created`, `updated`, `exported`, `organization`, `tier`, `include_optional`, `answers`, `plan`, `evidence`, `requests`, `asked` at line 52 column 13.")),
    ("unknown-sub-practices.json", Refused("This file answers sub-practices that do not exist in HICP: 1.S.Z, 11.M.A.")),
    ("version-0.json", Refused("This file has a format version HICP Check does not know (0).")),
    ("version-1.json", Opens(&[], |a| {
        assert_eq!(a.organization.name, "Old Town Clinic");
        assert_eq!(a.answers.len(), 2);
        assert!(a.plan.is_empty());
    })),
    ("version-as-text.json", Refused("This file has a format version HICP Check does not know (\"2\").")),
    ("web-page.html", Refused("This file is not readable as an assessment: it is not valid JSON (the problem is at line 1, column 1).")),
    ("whitespace-only.json", Refused("This file is empty: it holds no assessment.")),
];

/// What a person sees for `file`: "refused" and the sentence, or "opens" and the warnings
/// (each a sentence, joined by a space; "-" when there are none).
fn seen(file: &str) -> (&'static str, String, Option<Assessment>) {
    let bytes = std::fs::read(Path::new(DIR).join(file)).expect("the fixture is readable");
    // As the browser reads a file: UTF-8, bad bytes replaced.
    let text = String::from_utf8_lossy(&bytes);
    match import_with_warnings(&catalog(), &text) {
        Ok((a, warnings)) => {
            let words: Vec<String> = warnings.iter().map(super::warned).collect();
            let words = if words.is_empty() {
                "-".into()
            } else {
                words.join(" ")
            };
            ("opens", words, Some(a))
        }
        Err(e) => ("refused", super::said(&e), None),
    }
}

#[test]
fn every_hostile_file_opens_or_is_refused_as_expected() {
    for (file, outcome) in EXPECTED {
        let (verdict, words, assessment) = seen(file);
        match outcome {
            Refused(expected) => {
                assert_eq!((verdict, words.as_str()), ("refused", *expected), "{file}")
            }
            Opens(warnings, check) => {
                let expected = if warnings.is_empty() {
                    "-".into()
                } else {
                    warnings.join(" ")
                };
                assert_eq!((verdict, words), ("opens", expected), "{file}");
                check(&assessment.expect("it opened"));
            }
        }
    }
}

#[test]
fn every_file_in_the_folder_has_an_expectation_here_and_in_expected_md() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(DIR)
        .expect("the hostile folder exists")
        .map(|e| {
            e.expect("a directory entry")
                .file_name()
                .into_string()
                .expect("a UTF-8 name")
        })
        .filter(|name| name != "EXPECTED.md" && !name.starts_with('.'))
        .collect();
    let here: BTreeSet<String> = EXPECTED.iter().map(|(f, _)| f.to_string()).collect();
    assert_eq!(
        on_disk, here,
        "files on disk vs. the table in tests/native/hostile.rs"
    );
    assert!(on_disk.len() >= 15);

    // EXPECTED.md: | `file` | opens or refused | what a person sees |
    let md = std::fs::read_to_string(Path::new(DIR).join("EXPECTED.md")).expect("EXPECTED.md");
    let mut documented = BTreeSet::new();
    for line in md.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line
            .trim_matches('|')
            .splitn(3, " | ")
            .map(str::trim)
            .collect();
        let [file, verdict, words] = cells[..] else {
            panic!("a row of three cells: {line}");
        };
        let file = file.trim_matches('`');
        let (actual_verdict, actual_words, _) = seen(file);
        assert_eq!(
            (verdict, words),
            (actual_verdict, actual_words.as_str()),
            "EXPECTED.md row for {file}"
        );
        assert!(
            documented.insert(file.to_owned()),
            "{file} is listed twice in EXPECTED.md"
        );
    }
    assert_eq!(
        documented, on_disk,
        "files listed in EXPECTED.md vs. on disk"
    );
}

// Cases too large to commit, generated here.

fn refused(text: &str) -> ImportError {
    import_with_warnings(&catalog(), text).expect_err("the file is refused")
}

#[test]
fn a_file_nested_100000_levels_deep_is_refused_without_overflowing_the_stack() {
    const LEVELS: usize = 100_000;
    let arrays = format!("{}{}", "[".repeat(LEVELS), "]".repeat(LEVELS));
    let objects = format!("{}1{}", "{\"a\":".repeat(LEVELS), "}".repeat(LEVELS));
    let unclosed = "[{\"a\":".repeat(LEVELS);
    let in_a_field = GOLDEN.replace("\"tier\": \"small\"", &format!("\"tier\": {arrays}"));
    let v1 = include_str!("../fixtures/assessment-v1.json").replace("\"in_place\"", &objects);
    for text in [&arrays, &objects, &unclosed, &in_a_field, &v1] {
        let e = refused(text);
        assert!(matches!(e, ImportError::TooDeep { .. }), "{e:?}");
        assert!(super::said(&e).contains("nested far more deeply"), "{e:?}");
    }
    assert_eq!(
        refused(&arrays),
        ImportError::TooDeep {
            line: 1,
            column: MAX_DEPTH + 1
        }
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let note = "x".repeat(MAX_FILE_BYTES);
    let text = GOLDEN.replace("Ask the imaging vendor", &note);
    let e = refused(&text);
    assert!(matches!(e, ImportError::TooLarge { .. }), "{e:?}");
    assert_eq!(
        super::said(&e),
        format!(
            "This file is too large to be an HICP Check assessment ({} KB; the limit is 2048 KB).",
            text.len() / 1024
        )
    );
}

#[test]
fn thousands_of_unknown_ids_make_a_short_message() {
    let mut v: serde_json::Value = serde_json::from_str(GOLDEN).unwrap();
    for i in 0..5000 {
        v["answers"][format!("99.S.{i}")] = v["answers"]["1.S.A"].clone();
    }
    let e = refused(&v.to_string());
    let ImportError::UnknownSubPractices { ids } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(ids.len(), 5000);
    let message = super::said(&e);
    assert!(message.ends_with(" and 4,990 more."), "{message}");
    assert!(message.len() < 300, "{message}");
}

#[test]
fn a_file_whose_answers_come_in_reverse_order_is_read_in_one_sort() {
    // Keys in reverse used to be placed one by one, each moving every pair before it: this
    // test took 32 s in a debug build then, 1.2 s now that domain::map sorts them once; a
    // file with shorter lines froze the tab for longer. Written by hand: serde_json would
    // order the keys.
    const COUNT: usize = 80_000;
    let answers: String = (0..COUNT)
        .rev()
        .map(|i| format!("\"99.S.{i:05}\":{{\"note\":\"\"}},"))
        .collect();
    let text = GOLDEN.replacen("\"answers\": {", &format!("\"answers\": {{{answers}"), 1);
    assert!(text.len() < MAX_FILE_BYTES, "{}", text.len());
    let e = refused(&text);
    let ImportError::UnknownSubPractices { ids } = &e else {
        panic!("{e:?}");
    };
    assert_eq!(ids.len(), COUNT);
    assert_eq!(ids[0], "99.S.00000");
}
