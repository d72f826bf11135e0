//! Property tests standing in for a fuzzer (cargo-fuzz needs nightly): import and the pack
//! loader take anything, byte-mangled or well-formed but wrong, and answer Ok or Err, never a
//! panic; whatever opens comes back the same through export and import, with clean text.
//!
//! Case counts are set here so that the module stays well under 20 seconds in a debug build;
//! failures are not persisted to files (a failing case is printed with its seed instead).

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

use hicp_check::content::{load, BUILT_IN};
use hicp_check::domain::assessment::{NAME_MAX, NOTE_MAX, OWNER_MAX};
use hicp_check::domain::transfer::{import_with_warnings, is_invisible, ImportWarning};
use hicp_check::domain::{export, Assessment, Catalog, Timestamp};

const GOLDEN: &str = include_str!("../fixtures/golden-export-v2.json");
const V1: &str = include_str!("../fixtures/assessment-v1.json");

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(super::catalog)
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Bytes that matter to JSON and to UTF-8, so that mutations hit the grammar, not only text.
const INTERESTING: &[u8] =
    b"{}[]\":,\\0123456789-+.eEtrufalsn \t\r\n\x00\x1f\x7f\xc3\xa9\xef\xbb\xbf\xed\xa0\x80\xff";

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    /// Copies a run of up to 64 bytes to another place: repeats keys and brackets.
    Duplicate(Index, Index, usize),
    Truncate(Index),
}

fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![any::<u8>(), prop::sample::select(INTERESTING)]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Replace(i, b)),
        4 => (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => any::<Index>().prop_map(Mutation::Delete),
        2 => (any::<Index>(), any::<Index>(), 1..64usize)
            .prop_map(|(a, b, n)| Mutation::Duplicate(a, b, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// `text` with `mutations` applied, read as the browser reads a file (bad UTF-8 replaced).
fn mutated(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        match m {
            Mutation::Replace(i, b) => {
                let i = i.index(bytes.len());
                bytes[i] = *b;
            }
            Mutation::Insert(i, b) => {
                let i = i.index(bytes.len() + 1);
                bytes.insert(i, *b);
            }
            Mutation::Delete(i) => {
                bytes.remove(i.index(bytes.len()));
            }
            Mutation::Duplicate(from, to, n) => {
                let from = from.index(bytes.len());
                let run = bytes[from..(from + n).min(bytes.len())].to_vec();
                let to = to.index(bytes.len() + 1);
                bytes.splice(to..to, run);
            }
            Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Strings a file might plausibly hold, and some it should not.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "", "1.S.A", "1.S.B", "9.S.A", "11.M.A", "in_place", "partly", "dont_know",
            "not_applicable", "small", "medium", "large", "band", "count", "choice",
            "size.physicians", "size.it-capability", "hicp-2018", "hicp-check-assessment",
            "2024-02-29", "2023-02-29", "2026-03-02T10:00:00.000Z", "2026-03-02T10:00:00Z",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "=1+1",
            "\u{feff}", "\r\n", "\u{0}", "\u{202e}", "\u{1f3e5}",
        ])
        .prop_map(str::to_owned),
        2 => any::<String>(),
        1 => "[a-z\\r\\n\\t\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]{0,8}",
        1 => (prop::sample::select(vec!['x', '\u{e9}', '\u{1f600}', '\u{7}']), 190..4100usize)
            .prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "1.S.A", "1.S.B", "2.S.A", "10.S.A", "1.M.A", "1.S.Z", "choice", "note", "since",
            "owner", "target", "band", "count", "name", "sizing", "id", "version", "format",
            "format_version", "size.physicians", "size.beds", "size.it-capability",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value, a few levels deep.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (0u64..5).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Places in the golden file a value may be put: every field, and new entries in its maps.
const PLACES: &[&str] = &[
    "",
    "/format",
    "/format_version",
    "/content",
    "/content/id",
    "/content/version",
    "/created",
    "/updated",
    "/exported",
    "/organization",
    "/organization/name",
    "/organization/sizing",
    "/organization/sizing/size.physicians",
    "/organization/sizing/size.physicians/count",
    "/organization/sizing/size.it-capability/band",
    "/tier",
    "/include_optional",
    "/answers",
    "/answers/1.S.A",
    "/answers/1.S.A/choice",
    "/answers/1.S.A/since",
    "/answers/1.S.B/note",
    "/answers/9.S.A/note",
    "/plan",
    "/plan/1.S.B",
    "/plan/1.S.B/owner",
    "/plan/1.S.B/target",
];

const MAPS: &[&str] = &[
    "",
    "/content",
    "/organization",
    "/organization/sizing",
    "/answers",
    "/answers/1.S.A",
    "/plan",
    "/plan/1.S.B",
];

#[derive(Clone, Debug)]
enum Edit {
    /// Replaces the value at one of [`PLACES`].
    Set(Index, Value),
    /// Adds or replaces an entry in one of [`MAPS`].
    Add(Index, String, Value),
    /// Adds or replaces an entry in the map at a pointer.
    Put(&'static str, String, Value),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<Index>(), json()).prop_map(|(i, v)| Edit::Set(i, v)),
        1 => (any::<Index>(), key(), json()).prop_map(|(i, k, v)| Edit::Add(i, k, v)),
        4 => plausible(),
    ]
}

/// Edits of the right type, mostly with values the app accepts, so that many files open and
/// the round trip is tested on more than the golden file.
fn plausible() -> impl Strategy<Value = Edit> {
    let id = || {
        prop::sample::select(vec![
            "1.S.A", "1.S.C", "2.S.A", "10.S.A", "1.M.A", "9.M.E", "3.L.A", "8.L.B", "1.S.Z",
        ])
        .prop_map(str::to_owned)
    };
    let choice = prop_oneof![
        Just(Value::Null),
        prop::sample::select(vec![
            "in_place",
            "partly",
            "not_in_place",
            "not_applicable",
            "dont_know",
            "yes",
        ])
        .prop_map(Value::from),
    ];
    let date = || {
        prop_oneof![
            3 => Just(Value::Null),
            3 => (1900u16..3000, 1u8..13, 1u8..29)
                .prop_map(|(y, m, d)| Value::from(format!("{y:04}-{m:02}-{d:02}"))),
            1 => prop::sample::select(vec!["2024-02-29", "2023-02-29", "1899-12-31", "2024-4-1"])
                .prop_map(Value::from),
        ]
    };
    let tier = prop::sample::select(vec!["small", "medium", "large"]).prop_map(Value::from);
    prop_oneof![
        text().prop_map(|t| Edit::Put("/organization", "name".into(), t.into())),
        (id(), choice, text(), date()).prop_map(|(id, choice, note, since)| {
            let answer = serde_json::json!({ "choice": choice, "note": note, "since": since });
            Edit::Put("/answers", id, answer)
        }),
        (id(), text(), date()).prop_map(|(id, owner, target)| {
            Edit::Put(
                "/plan",
                id,
                serde_json::json!({ "owner": owner, "target": target }),
            )
        }),
        prop_oneof![Just(Value::Null), tier.clone()].prop_map(|t| Edit::Put("", "tier".into(), t)),
        any::<bool>().prop_map(|b| Edit::Put("", "include_optional".into(), b.into())),
        (
            prop::sample::select(vec!["size.physicians", "size.beds", "size.providers"]),
            0u32..20_000_000
        )
            .prop_map(|(f, n)| {
                Edit::Put(
                    "/organization/sizing",
                    f.into(),
                    serde_json::json!({ "count": n }),
                )
            }),
        (
            prop::sample::select(vec!["size.it-capability", "size.complexity", "size.beds"]),
            tier
        )
            .prop_map(|(f, t)| {
                Edit::Put(
                    "/organization/sizing",
                    f.into(),
                    serde_json::json!({ "band": t }),
                )
            }),
    ]
}

fn apply(doc: &mut Value, edit: &Edit) {
    match edit {
        Edit::Set(i, v) => {
            if let Some(slot) = doc.pointer_mut(PLACES[i.index(PLACES.len())]) {
                *slot = v.clone();
            }
        }
        Edit::Add(i, k, v) => apply(
            doc,
            &Edit::Put(MAPS[i.index(MAPS.len())], k.clone(), v.clone()),
        ),
        Edit::Put(map, k, v) => {
            if let Some(Value::Object(map)) = doc.pointer_mut(map) {
                map.insert(k.clone(), v.clone());
            }
        }
    }
}

fn stamp() -> Timestamp {
    "2026-04-01T00:00:00.000Z"
        .parse()
        .expect("a valid timestamp")
}

fn text_fields(a: &Assessment) -> Vec<(&str, usize)> {
    let mut fields = vec![(a.organization.name.as_str(), NAME_MAX)];
    fields.extend(a.answers.values().map(|x| (x.note.as_str(), NOTE_MAX)));
    fields.extend(a.plan.values().map(|x| (x.owner.as_str(), OWNER_MAX)));
    fields
}

/// Import never panics; what opens has clean text within its limits, and comes back the
/// same, without warnings, through export and import.
fn check_import(text: &str) -> Result<(), TestCaseError> {
    let Ok((a, warnings)) = import_with_warnings(catalog(), text) else {
        return Ok(());
    };
    for (field, max) in text_fields(&a) {
        prop_assert!(field.chars().count() <= max);
        prop_assert!(!field
            .chars()
            .any(|c| (c.is_control() && c != '\t' && c != '\n') || is_invisible(c)));
    }
    for w in &warnings {
        prop_assert!(super::warned(w).ends_with('.'));
    }
    let again = import_with_warnings(catalog(), &export(catalog(), &a, &stamp()));
    prop_assert_eq!(again, Ok((a, Vec::<ImportWarning>::new())));
    Ok(())
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn import_survives_any_string(text in any::<String>()) {
        check_import(&text)?;
    }

    #[test]
    fn import_survives_json_like_noise(text in "[\\[\\]{}\":,0-9a-z\\\\ .-]{0,200}") {
        check_import(&text)?;
    }
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn import_survives_byte_mutations_of_the_golden_file(
        mutations in prop::collection::vec(mutation(), 1..5)
    ) {
        check_import(&mutated(GOLDEN, &mutations))?;
    }

    #[test]
    fn import_survives_byte_mutations_of_a_version_1_file(
        mutations in prop::collection::vec(mutation(), 1..5)
    ) {
        check_import(&mutated(V1, &mutations))?;
    }
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn import_survives_any_json_in_any_field(
        edits in prop::collection::vec(edit(), 1..5),
        pretty in any::<bool>(),
    ) {
        let mut doc: Value = serde_json::from_str(GOLDEN).expect("the golden file is JSON");
        for e in &edits {
            apply(&mut doc, e);
        }
        let text = if pretty {
            serde_json::to_string_pretty(&doc)
        } else {
            serde_json::to_string(&doc)
        };
        check_import(&text.expect("a Value always serializes"))?;
    }

    /// Text the app could have written itself arrives unchanged and without a word.
    #[test]
    fn clean_text_arrives_unchanged(
        name in "[^\\p{Cc}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}]{0,200}",
        note in "([^\\p{Cc}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}]|\\t|\\n){0,300}",
    ) {
        let mut doc: Value = serde_json::from_str(GOLDEN).expect("the golden file is JSON");
        doc["organization"]["name"] = name.clone().into();
        doc["answers"]["1.S.B"]["note"] = note.clone().into();
        let (a, warnings) = import_with_warnings(catalog(), &doc.to_string())
            .expect("the golden file with plain text opens");
        prop_assert_eq!(&a.organization.name, &name);
        prop_assert_eq!(&a.answers[&hicp_check::domain::SubPracticeId::new("1.S.B")].note, &note);
        prop_assert!(warnings.is_empty());
    }
}

fn pack() -> &'static str {
    BUILT_IN[0].1
}

/// Every place in a JSON document, as pointers, so that one can be picked at random.
fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{here}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}

fn pack_places() -> &'static [String] {
    static PLACES: OnceLock<Vec<String>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let doc: Value = serde_json::from_str(pack()).expect("the pack is JSON");
        let mut out = Vec::new();
        pointers(&doc, String::new(), &mut out);
        out
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_pack_loader_survives_byte_mutations(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let _ = load("fuzzed.json", &mutated(pack(), &mutations));
    }

    #[test]
    fn the_pack_loader_survives_any_json_in_any_field(
        places in prop::collection::vec((any::<Index>(), json()), 1..4)
    ) {
        let mut doc: Value = serde_json::from_str(pack()).expect("the pack is JSON");
        for (i, value) in places {
            let all = pack_places();
            if let Some(slot) = doc.pointer_mut(&all[i.index(all.len())]) {
                *slot = value;
            }
        }
        let text = serde_json::to_string(&doc).expect("a Value always serializes");
        if let Ok(catalog) = load("fuzzed.json", &text) {
            // A pack that loads must be one the rest of the app can use.
            let _ = catalog.in_scope(hicp_check::domain::Tier::Medium, true);
            let _ = hicp_check::domain::recommend(catalog.sizing(), &Default::default());
        }
    }
}
