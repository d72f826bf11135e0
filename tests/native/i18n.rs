//! The interface string tables: every language has exactly the English keys with the same
//! placeholders, and every key the interface uses exists (and every key is used).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use hicp_check::domain::map::Map;
use hicp_check::i18n::{about_language, english, languages, Bundle, DEFAULT};

/// A language file as scripts/postbuild.py writes it (`lang/<code>.json`): each string table
/// and each content overlay embedded as it is, under its file name.
pub fn bundle(language: &str) -> Bundle {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let read = |p: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
    };
    let mut tables = serde_json::Map::new();
    for entry in fs::read_dir(root.join("i18n").join(language))
        .unwrap()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        tables.insert(name, read(&entry.path()));
    }
    let mut packs = serde_json::Map::new();
    for entry in fs::read_dir(&root).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(&format!(".{language}.json")) {
            packs.insert(name, read(&entry.path()));
        }
    }
    let json = serde_json::json!({ "language": language, "tables": tables, "packs": packs });
    Bundle::parse(&json.to_string()).unwrap_or_else(|e| panic!("{language}: {e}"))
}

fn table(language: &str) -> Result<Map<String, String>, String> {
    if language == DEFAULT {
        english()
    } else {
        bundle(language).table()
    }
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let english = table(DEFAULT).expect("the English table loads");
    assert!(languages().contains(&DEFAULT));
    let folders: BTreeSet<String> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/i18n"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
    assert_eq!(
        languages()
            .into_iter()
            .map(str::to_owned)
            .collect::<BTreeSet<_>>(),
        folders,
        "every language folder is offered"
    );
    for lang in languages() {
        for key in ["language.name", "language.unavailable"] {
            let text = about_language(lang, key).unwrap_or_default();
            assert_eq!(Some(&text), table(lang).unwrap().get(key), "{lang}: {key}");
        }
        let t = table(lang).unwrap_or_else(|e| panic!("{e}"));
        let missing: BTreeSet<_> = english.keys().filter(|k| !t.contains_key(*k)).collect();
        let extra: BTreeSet<_> = t.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
        for (k, v) in &t {
            assert!(!v.trim().is_empty(), "{lang}: {k} is empty");
            assert_eq!(
                placeholders(v),
                placeholders(&english[k]),
                "{lang}: placeholders of {k}"
            );
        }
    }
}

/// The interface's Rust source, all of it.
fn source() -> String {
    fn walk(dir: &Path, out: &mut String) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_key_looked_up_exists_and_every_key_is_used() {
    let english = english().unwrap();
    let src = source();
    let mut looked_up = BTreeSet::new();
    for marker in [".t(\"", ".tf(\"", "texts.get(\""] {
        for part in src.split(marker).skip(1) {
            if let Some((key, _)) = part.split_once('"') {
                looked_up.insert(key.to_owned());
            }
        }
    }
    let undefined: Vec<_> = looked_up
        .iter()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(
        undefined.is_empty(),
        "looked up but not in content/i18n/en: {undefined:?}"
    );
    // Keys may also travel through a variable, so "used" means written somewhere as a literal.
    let unused: Vec<_> = english
        .keys()
        .filter(|k| !src.contains(&format!("\"{k}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "in content/i18n/en but never used: {unused:?}"
    );
}

/// Every error kind the domain returns is worded from the tables, in every language: no
/// placeholder left unfilled, and no language falls back to the English sentence.
#[test]
fn every_error_kind_is_worded_in_every_language() {
    use hicp_check::content::{ContentError, ContentProblem, PackShape, Want};
    use hicp_check::domain::catalog::{CatalogError, ScaleProblem, TierProblem};
    use hicp_check::domain::envelope::EnvelopeError;
    use hicp_check::domain::sizing::SizingProblem;
    use hicp_check::domain::transfer::{
        ImportError, ImportWarning, ShapeProblem, TextField, ValueProblem,
    };
    use hicp_check::domain::{SubPracticeId, Tier};
    use hicp_check::i18n::{messages, Texts};

    let place = || "answers[\"1.S.A\"].choice".to_owned();
    let shape = |problem| ImportError::WrongShape { problem };
    let imports = vec![
        ImportError::TooLarge { bytes: 3_000_000 },
        ImportError::Empty,
        ImportError::NotJson { line: 1, column: 2 },
        ImportError::TooDeep { line: 1, column: 2 },
        ImportError::DuplicateKey {
            key: "tier".into(),
            within: None,
            line: 1,
            column: 2,
        },
        ImportError::DuplicateKey {
            key: "note".into(),
            within: Some(place()),
            line: 1,
            column: 2,
        },
        ImportError::NotAnAssessment,
        ImportError::NewerVersion { version: 9 },
        ImportError::UnknownVersion {
            version: "x".into(),
        },
        shape(ShapeProblem::Json {
            detail: "d".into(),
            line: 0,
            column: 0,
        }),
        shape(ShapeProblem::Json {
            detail: "d".into(),
            line: 3,
            column: 4,
        }),
        shape(ShapeProblem::MissingField { field: "answers" }),
        shape(ShapeProblem::NotAnObject { field: None }),
        shape(ShapeProblem::NotAnObject {
            field: Some("answers"),
        }),
        shape(ShapeProblem::NotAChoiceId { id: "1.S.A".into() }),
        ImportError::OtherContentPack { id: "acme".into() },
        ImportError::UnknownSubPractices {
            ids: vec!["9.S.Z".into()],
        },
        ImportError::UnknownSubPractices {
            ids: (0..12).map(|i| format!("9.S.{i}")).collect(),
        },
        ImportError::BadValue {
            place: place(),
            problem: ValueProblem::NoSuchFactor,
        },
        ImportError::BadValue {
            place: place(),
            problem: ValueProblem::NotAnAnswerTo {
                factor: "Beds".into(),
            },
        },
        ImportError::BadValue {
            place: place(),
            problem: ValueProblem::NotAChoice {
                choice: "yes".into(),
            },
        },
        ImportError::TooLong {
            place: place(),
            max: 200,
        },
    ];
    let id = || SubPracticeId::new("1.S.A");
    let warnings = [
        ImportWarning::Shortened {
            field: TextField::OrganizationName,
            max: 200,
        },
        ImportWarning::ControlCharactersRemoved {
            field: TextField::Note(id()),
        },
        ImportWarning::ControlCharactersRemoved {
            field: TextField::Owner(id()),
        },
    ];
    let s = || "x".to_owned();
    let catalog = [
        CatalogError::DuplicateId { id: s() },
        CatalogError::EmptyText {
            id: s(),
            field: "name",
        },
        CatalogError::BadSubPracticeId { id: s() },
        CatalogError::IdDisagrees {
            id: s(),
            field: "tier",
        },
        CatalogError::UnknownPractice {
            sub_practice: s(),
            practice: s(),
        },
        CatalogError::UnknownThreat {
            practice: s(),
            threat: s(),
        },
        CatalogError::UnknownCitation {
            threat: s(),
            sub_practice: s(),
        },
        CatalogError::UnknownLensReference {
            item: s(),
            sub_practice: s(),
        },
        CatalogError::Scale {
            problem: ScaleProblem::TooFewScored,
        },
        CatalogError::Scale {
            problem: ScaleProblem::NothingToEarn,
        },
        CatalogError::Scale {
            problem: ScaleProblem::ChoiceTwice { choice: s() },
        },
        CatalogError::Scale {
            problem: ScaleProblem::PointsDisagree { choice: s() },
        },
        CatalogError::Tiers {
            problem: TierProblem::NoRule { tier: Tier::Small },
        },
        CatalogError::Tiers {
            problem: TierProblem::TwoRules { tier: Tier::Large },
        },
        CatalogError::Tiers {
            problem: TierProblem::NothingRequired,
        },
    ]
    .into_iter()
    .chain(
        [
            SizingProblem::IdTwice,
            SizingProblem::EmptyLabel,
            SizingProblem::BandsIncomplete,
            SizingProblem::CountNeedsRangesAndUnit,
            SizingProblem::RangesOverlap,
            SizingProblem::NoChoices,
        ]
        .map(|problem| CatalogError::Sizing { id: s(), problem }),
    );
    let file = || "pack.json".to_owned();
    let mut contents: Vec<ContentError> = [
        ContentProblem::Json {
            detail: s(),
            line: 1,
            column: 2,
        },
        ContentProblem::Format { found: s() },
        ContentProblem::FormatVersion { found: 7 },
        ContentProblem::NotOnSite,
    ]
    .into_iter()
    .chain(
        [
            Want::Text,
            Want::Number,
            Want::Boolean,
            Want::List,
            Want::Object,
            Want::Range,
        ]
        .map(PackShape::Type)
        .into_iter()
        .chain([
            PackShape::Missing { field: "id" },
            PackShape::Unknown { field: s() },
            PackShape::Value { found: s() },
        ])
        .flat_map(|shape| {
            ["", "threats[0]"].map(|at| ContentProblem::Shape {
                at: at.to_owned(),
                shape: shape.clone(),
            })
        }),
    )
    .chain(catalog.map(ContentProblem::Catalog))
    .map(|problem| ContentError {
        file: file(),
        problem,
    })
    .collect();
    contents.dedup();

    let en = Texts::english_complete();
    let word = |t: &Texts| -> Vec<String> {
        let mut all: Vec<String> = imports
            .iter()
            .map(|e| messages::import_error(t, e))
            .collect();
        all.extend(warnings.iter().map(|w| messages::warning(t, w)));
        all.extend(contents.iter().map(|e| messages::content_error(t, e)));
        all.extend(
            [EnvelopeError::Damaged, EnvelopeError::Newer].map(|e| messages::envelope_error(t, e)),
        );
        all
    };
    let english = word(&en);
    for lang in languages() {
        let t = if lang == DEFAULT {
            Texts::english_complete()
        } else {
            Texts::from_bundle(&bundle(lang)).unwrap()
        };
        let worded = word(&t);
        let mut distinct = BTreeSet::new();
        for (text, english) in worded.iter().zip(&english) {
            assert!(placeholders(text).is_empty(), "{lang}: {text}");
            assert!(text.ends_with('.'), "{lang}: {text}");
            if lang != DEFAULT {
                assert_ne!(text, english, "{lang} says it in English");
            }
            distinct.insert(text.clone());
        }
        assert_eq!(
            distinct.len(),
            worded.len(),
            "{lang}: two kinds read the same"
        );
    }
}

/// Every mistake a settings file can have is worded for its webmaster in every language, and
/// says which field is at fault.
#[test]
fn every_settings_problem_is_worded_in_every_language() {
    use hicp_check::config::{ConfigProblem, Expected};
    use hicp_check::i18n::{messages, Texts};

    let field = || "colors.accent".to_owned();
    let expected = [
        Expected::Text,
        Expected::TrueOrFalse,
        Expected::Tier,
        Expected::StorageMode,
        Expected::List,
        Expected::Object,
        Expected::HexColor,
        Expected::SameSitePath,
        Expected::LinkAddress,
        Expected::Origin,
        Expected::NotBlank,
    ];
    let problems: Vec<ConfigProblem> = [
        ConfigProblem::NotJson { line: 3, column: 1 },
        ConfigProblem::NotAnObject,
        ConfigProblem::UnknownField { field: field() },
        ConfigProblem::TooLong {
            field: field(),
            max: 1000,
        },
        ConfigProblem::HttpStatus { status: 500 },
        ConfigProblem::Unreachable,
    ]
    .into_iter()
    .chain(expected.map(|expected| ConfigProblem::WrongValue {
        field: field(),
        expected,
    }))
    .collect();
    let english: Vec<String> = problems
        .iter()
        .map(|p| messages::config_problem(&Texts::english(), p))
        .collect();
    for lang in languages() {
        let t = if lang == DEFAULT {
            Texts::english()
        } else {
            Texts::from_bundle(&bundle(lang)).unwrap()
        };
        let worded: BTreeSet<String> = problems
            .iter()
            .zip(&english)
            .map(|(p, english)| {
                let text = messages::config_problem(&t, p);
                assert!(placeholders(&text).is_empty(), "{lang}: {text}");
                if let Some(f) = p.field() {
                    assert!(text.contains(f), "{lang}: {text} names no field");
                }
                if lang != DEFAULT {
                    assert_ne!(&text, english, "{lang} says it in English");
                }
                text
            })
            .collect();
        assert_eq!(
            worded.len(),
            problems.len(),
            "{lang}: two kinds read the same"
        );
    }
}
