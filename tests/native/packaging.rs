//! The evidence package as the worker makes and opens it: a round trip keeps the assessment
//! file and every file's bytes; a file that is not the one its record describes, a package
//! without an assessment, and a hostile zip are refused in words.

use hicp_check::domain::evidence::{Item, Kind};
use hicp_check::domain::package::{self, Entry};
use hicp_check::domain::{export, SubPracticeId};
use hicp_check::i18n::Texts;
use hicp_check::packaging::{pack, sha256_hex, unpack};

use super::transfer::sample_with_evidence;
use super::{catalog, ts};

const POLICY: &[u8] = b"%PDF-1.7 the mail filtering policy";

/// The transfer sample, its file item's record made to fit `POLICY`.
fn file() -> String {
    let mut a = sample_with_evidence();
    a.edit_evidence(
        &SubPracticeId::new("1.S.A"),
        ts("2026-03-02T09:15:00.000Z"),
        |l| {
            let Item { kind, .. } = &mut l[0];
            *kind = Kind::File {
                name: "filtering policy.pdf".into(),
                size: POLICY.len() as u64,
                media_type: "application/pdf".into(),
                sha256: sha256_hex(POLICY),
            };
        },
    );
    export(&catalog(), &a, &ts("2026-03-03T00:00:00.000Z"))
}

#[test]
fn sha256_matches_the_standard_vectors() {
    assert_eq!(
        sha256_hex(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_package_opens_to_its_assessment_file_and_the_exact_bytes_of_each_file() {
    let (c, t) = (catalog(), Texts::english_complete());
    let file = file();
    let files = vec![
        ("e-1".into(), POLICY.to_vec()),
        ("not-listed".into(), b"x".to_vec()),
    ];
    let zip = pack(&c, &t, &file, &ts("2026-03-03T00:00:00.000Z"), files).unwrap();
    let names: Vec<String> = package::read(&zip, package::Limits::DEFAULT)
        .unwrap()
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(
        names,
        [
            "assessment.json",
            "index.html",
            "index.csv",
            "evidence/1.S.A/filtering policy.pdf"
        ]
    );
    let opened = unpack(&c, &t, &zip).unwrap();
    assert_eq!(opened.assessment, file);
    assert_eq!(opened.files, vec![("e-1".to_owned(), POLICY.to_vec())]);
    assert_eq!(opened.absent, 0);

    // Without its file, the item is listed as absent; the package still opens.
    let bare = pack(&c, &t, &file, &ts("2026-03-03T00:00:00.000Z"), Vec::new()).unwrap();
    assert_eq!(unpack(&c, &t, &bare).unwrap().absent, 1);
}

#[test]
fn what_is_wrong_with_a_package_is_said_in_words() {
    let (c, t) = (catalog(), Texts::english_complete());
    let zip = |entries: Vec<(&str, &[u8])>| {
        let entries: Vec<Entry> = entries
            .into_iter()
            .map(|(name, bytes)| Entry {
                name: name.into(),
                bytes: bytes.to_vec(),
            })
            .collect();
        package::write(&entries).unwrap()
    };
    let file = file();
    let swapped = zip(vec![
        ("assessment.json", file.as_bytes()),
        ("evidence/1.S.A/filtering policy.pdf", b"another file"),
    ]);
    assert_eq!(
        unpack(&c, &t, &swapped).unwrap_err(),
        "The evidence package is damaged: “evidence/1.S.A/filtering policy.pdf” is not the file its assessment recorded. Nothing was opened."
    );
    let none = zip(vec![("notes.txt", b"hello")]);
    assert!(unpack(&c, &t, &none)
        .unwrap_err()
        .contains("holds no assessment.json"));
    let broken = zip(vec![("assessment.json", b"{\"format\": 1")]);
    assert!(unpack(&c, &t, &broken)
        .unwrap_err()
        .contains("not valid JSON"));
    assert!(unpack(&c, &t, b"PK\x03\x04 and nothing")
        .unwrap_err()
        .contains("damaged or incomplete zip file"));
    assert!(unpack(&c, &t, b"plain text")
        .unwrap_err()
        .contains("not a zip file"));
}
