//! The interface string tables: every language has exactly the English keys with the same
//! placeholders, and every key the interface uses exists (and every key is used).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use std::collections::HashMap;

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

fn table(language: &str) -> Result<HashMap<String, String>, String> {
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

/// In English, the worded messages equal the domain's own sentences, for every hostile file,
/// every sizing reason and every kind of recommendation.
#[test]
fn english_messages_equal_the_domain_sentences() {
    use hicp_check::domain::transfer::import_with_warnings;
    use hicp_check::domain::{recommend, FactorAnswer, FactorId, Tier};
    use hicp_check::i18n::messages;
    use hicp_check::i18n::Texts;
    use std::collections::BTreeMap;

    let en = Texts::english();
    let catalog = super::catalog();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let mut checked = 0;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let bytes = fs::read(entry.path()).unwrap();
        match import_with_warnings(&catalog, &String::from_utf8_lossy(&bytes)) {
            Err(e) => assert_eq!(messages::import_error(&en, &e), e.to_string()),
            Ok((_, warnings)) => {
                for w in warnings {
                    assert_eq!(messages::warning(&en, &w), w.to_string());
                }
            }
        }
        checked += 1;
    }
    assert!(checked >= 30);
    let profiles: Vec<Vec<(&str, FactorAnswer)>> = vec![
        vec![],
        vec![
            ("size.beds", FactorAnswer::Count(300)),
            ("size.physicians", FactorAnswer::Count(3)),
        ],
        vec![
            ("size.beds", FactorAnswer::Count(0)),
            ("size.providers", FactorAnswer::Count(600)),
        ],
        vec![
            ("size.it-capability", FactorAnswer::Band(Tier::Medium)),
            ("size.org-type", FactorAnswer::Choice("health-plan".into())),
        ],
        vec![("size.exchange-partners", FactorAnswer::Band(Tier::Small))],
    ];
    for p in profiles {
        let answers: BTreeMap<FactorId, FactorAnswer> =
            p.into_iter().map(|(k, v)| (FactorId::new(k), v)).collect();
        let r = recommend(catalog.sizing(), &answers);
        assert_eq!(messages::summary(&en, &r), r.summary());
        for reason in &r.reasons {
            assert_eq!(messages::reason(&en, &reason.why), reason.reason);
        }
    }
}
