//! The evidence package's zip (`domain::package`): what it writes reads back the same, is the
//! same every time, and opens with the default limits; a zip written by another tool opens.
//! Hostile zips: `package_hostile.rs`.

use std::io::{Cursor, Write};

use hicp_check::domain::package::{
    read, write, Entry, Limits, PackageError, MAX_ENTRIES, NAME_SHOWN,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

pub fn entry(name: &str, bytes: &[u8]) -> Entry {
    Entry {
        name: name.into(),
        bytes: bytes.to_vec(),
    }
}

pub fn package() -> Vec<Entry> {
    vec![
        entry(
            "assessment.json",
            br#"{"format":"hicp-check-assessment"}"#.repeat(50).as_slice(),
        ),
        entry("evidence/1.S.A/MFA policy.pdf", b"%PDF-1.7\n% not really\n"),
        entry(
            "evidence/1.S.A/screen.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        ),
        entry("index.html", b"<!DOCTYPE html><title>Evidence</title>"),
        entry("index.csv", b"practice,file\n1.S.A,MFA policy.pdf\n"),
        entry("evidence/empty.txt", b""),
    ]
}

/// A zip written by the zip crate itself, as a hostile tool would: any name, any method.
pub fn zip_of(files: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes, method) in files {
        zip.start_file(
            *name,
            SimpleFileOptions::default().compression_method(*method),
        )
        .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

pub fn refused(bytes: &[u8]) -> PackageError {
    read(bytes, Limits::DEFAULT).expect_err("refused")
}

/// Where `what` first occurs in `bytes`.
pub fn find(bytes: &[u8], what: &[u8]) -> usize {
    bytes
        .windows(what.len())
        .position(|w| w == what)
        .expect("found")
}

#[test]
fn a_package_reads_back_as_it_was_written_and_is_written_the_same_every_time() {
    let zip = write(&package()).unwrap();
    assert_eq!(read(&zip, Limits::DEFAULT).unwrap(), package());
    assert_eq!(write(&package()).unwrap(), zip, "deterministic");
    // Text is deflated, a PNG stored: the JSON's repeats shrink the zip below its content.
    let content: usize = package().iter().map(|e| e.bytes.len()).sum();
    assert!(zip.len() < content, "{} >= {content}", zip.len());
    let mut archive = zip::ZipArchive::new(Cursor::new(&zip)).unwrap();
    assert_eq!(
        archive.by_name("assessment.json").unwrap().compression(),
        CompressionMethod::Deflated
    );
    assert_eq!(
        archive
            .by_name("evidence/1.S.A/screen.png")
            .unwrap()
            .compression(),
        CompressionMethod::Stored
    );
    // An empty package is a zip too.
    assert_eq!(read(&write(&[]).unwrap(), Limits::DEFAULT).unwrap(), vec![]);
}

#[test]
fn a_large_file_that_deflates_past_the_ratio_is_stored_so_that_its_package_opens() {
    let zeros = entry("evidence/blank.bmp", &vec![0u8; 3 * 1024 * 1024]);
    let zip = write(std::slice::from_ref(&zeros)).unwrap();
    assert_eq!(read(&zip, Limits::DEFAULT).unwrap(), vec![zeros]);
    let log: String = (0..100_000)
        .map(|i| format!("{i}: a line of a log\n"))
        .collect();
    let text = entry("evidence/log.txt", log.as_bytes());
    let zip = write(std::slice::from_ref(&text)).unwrap();
    assert!(zip.len() < text.bytes.len() / 4, "deflated");
    assert_eq!(read(&zip, Limits::DEFAULT).unwrap(), vec![text]);
}

#[test]
fn write_refuses_unsafe_and_duplicate_names_itself() {
    for name in [
        "../x",
        "a/../../x",
        "/etc/passwd",
        "\\x",
        "a\\..\\x",
        "C:/x",
        "c:x",
        "a//b",
        "a/",
        "",
        "a\0b",
        "./a",
        "a/.",
    ] {
        assert_eq!(
            write(&[entry(name, b"x")]),
            Err(PackageError::UnsafeName { name: name.into() }),
            "{name:?}"
        );
    }
    let twice = [entry("evidence/A.pdf", b"1"), entry("evidence/a.PDF", b"2")];
    assert_eq!(
        write(&twice),
        Err(PackageError::Duplicate {
            name: "evidence/a.PDF".into()
        })
    );
    let long = format!("{}/../x", "é".repeat(100));
    let Err(PackageError::UnsafeName { name }) = write(&[entry(&long, b"")]) else {
        panic!()
    };
    assert_eq!(name.chars().count(), NAME_SHOWN);
    assert!(name.ends_with('…'), "{name}");
}

#[test]
fn write_refuses_what_read_would_refuse() {
    let many: Vec<Entry> = (0..=MAX_ENTRIES)
        .map(|i| entry(&format!("{i}.txt"), b""))
        .collect();
    assert_eq!(
        write(&many),
        Err(PackageError::TooManyEntries {
            limit: MAX_ENTRIES as u64
        })
    );
    let big = entry("big.bin", &vec![1u8; 25 * 1024 * 1024 + 1]);
    assert_eq!(
        write(&[big]),
        Err(PackageError::EntryTooLarge {
            name: "big.bin".into(),
            limit: 25 * 1024 * 1024
        })
    );
}

#[test]
fn a_zip_written_by_python_reads_and_its_folder_entry_is_skipped() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/packages/python-zipfile.zip"
    ))
    .unwrap();
    let entries = read(&bytes, Limits::DEFAULT).unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "assessment.json",
            "evidence/1.S.A/MFA policy.txt",
            "evidence/1.S.A/Politique d'accès.txt"
        ]
    );
    assert_eq!(
        entries[0].bytes,
        br#"{"format":"hicp-check-assessment","version":2}"#
            .iter()
            .chain(b"\n")
            .copied()
            .cycle()
            .take(188)
            .collect::<Vec<u8>>()
    );
    assert_eq!(
        entries[1].bytes,
        "Every remote login asks for a second factor. é\n".as_bytes()
    );
    assert_eq!(entries[2].bytes, b"Acces\n".repeat(20));
}

#[test]
fn what_is_not_a_zip_is_said_so() {
    for bytes in [&b""[..], b"P", b"hello", b"%PDF-1.7", b"\x1F\x8B\x08\0"] {
        assert_eq!(refused(bytes), PackageError::NotAZip, "{bytes:?}");
    }
}

/// Regression: Python's zipfile writes two files of one name; the zip crate kept one of them
/// and the package opened.
#[test]
fn two_files_of_one_name_written_by_python_are_refused() {
    let bytes = std::fs::read("tests/fixtures/packages/duplicate-names.zip").unwrap();
    assert_eq!(
        refused(&bytes),
        PackageError::Duplicate {
            name: "index.csv".into()
        }
    );
}
