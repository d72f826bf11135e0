//! The evidence package's zip (`domain::package`): what it writes reads back the same, and
//! every hostile zip is refused with its own kind, never trusted for its declared sizes.

use std::io::{Cursor, Write};

use hicp_check::domain::package::{
    read, write, Damage, Entry, Limits, PackageError, MAX_ENTRIES, NAME_SHOWN,
};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn entry(name: &str, bytes: &[u8]) -> Entry {
    Entry {
        name: name.into(),
        bytes: bytes.to_vec(),
    }
}

fn package() -> Vec<Entry> {
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
fn zip_of(files: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
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

fn refused(bytes: &[u8]) -> PackageError {
    read(bytes, Limits::DEFAULT).expect_err("refused")
}

/// Where `what` first occurs in `bytes`.
fn find(bytes: &[u8], what: &[u8]) -> usize {
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

#[test]
fn a_zip_cut_short_anywhere_is_damaged() {
    let zip = write(&package()).unwrap();
    for cut in [
        4,
        30,
        zip.len() / 3,
        zip.len() / 2,
        zip.len() - 30,
        zip.len() - 1,
    ] {
        assert!(
            matches!(refused(&zip[..cut]), PackageError::Damaged { .. }),
            "cut at {cut} of {}: {:?}",
            zip.len(),
            refused(&zip[..cut])
        );
    }
}

#[test]
fn a_changed_byte_in_a_file_is_a_checksum_or_data_error_naming_the_file() {
    let stored = zip_of(&[("notes.txt", b"hello, world", CompressionMethod::Stored)]);
    let mut bad = stored.clone();
    let at = find(&bad, b"hello");
    bad[at] = b'j';
    assert_eq!(
        refused(&bad),
        PackageError::Damaged {
            name: Some("notes.txt".into()),
            damage: Damage::Checksum
        }
    );

    let text = "some text to deflate, some text to deflate\n".repeat(100);
    let deflated = zip_of(&[("notes.txt", text.as_bytes(), CompressionMethod::Deflated)]);
    let header = find(&deflated, b"notes.txt") + "notes.txt".len();
    for offset in [0, 5, 20] {
        let mut bad = deflated.clone();
        bad[header + offset] ^= 0xFF;
        let PackageError::Damaged { name, damage } = refused(&bad) else {
            panic!("{offset}")
        };
        assert_eq!(name.as_deref(), Some("notes.txt"));
        assert!(
            matches!(damage, Damage::Checksum | Damage::Data | Damage::Size),
            "{damage:?}"
        );
    }
}

#[test]
fn a_broken_central_directory_is_damaged() {
    let mut zip = write(&package()).unwrap();
    let directory = find(&zip, b"PK\x01\x02");
    zip[directory + 2] = 0x09;
    assert_eq!(
        refused(&zip),
        PackageError::Damaged {
            name: None,
            damage: Damage::Directory
        }
    );
}

#[test]
fn a_name_that_leaves_its_folder_is_refused() {
    for name in [
        "../evil.txt",
        "a/../../evil.txt",
        "/etc/evil",
        "..\\evil.txt",
        "\\evil",
        "C:/evil",
        "D:evil",
        "a\0b",
        "a//b",
    ] {
        let zip = zip_of(&[
            ("ok.txt", b"fine", CompressionMethod::Stored),
            (name, b"evil", CompressionMethod::Stored),
        ]);
        assert_eq!(
            refused(&zip),
            PackageError::UnsafeName { name: name.into() },
            "{name:?}"
        );
    }
}

#[test]
fn duplicate_names_are_refused_also_when_they_differ_in_case() {
    let mut zip = zip_of(&[
        ("Evidence/a.pdf", b"1", CompressionMethod::Stored),
        ("evidence/b.pdf", b"2", CompressionMethod::Stored),
    ]);
    assert!(read(&zip, Limits::DEFAULT).is_ok());
    // The zip crate refuses to write two equal names: the second is renamed in place.
    for at in [
        find(&zip, b"evidence/b.pdf"),
        find(&zip[find(&zip, b"PK\x01\x02")..], b"evidence/b.pdf") + find(&zip, b"PK\x01\x02"),
    ] {
        zip[at + "evidence/".len()] = b'a';
    }
    assert_eq!(
        refused(&zip),
        PackageError::Duplicate {
            name: "evidence/a.pdf".into()
        }
    );
    let folder_and_file = zip_of(&[
        ("a.txt", b"1", CompressionMethod::Stored),
        ("A.TXT", b"2", CompressionMethod::Stored),
    ]);
    assert_eq!(
        refused(&folder_and_file),
        PackageError::Duplicate {
            name: "A.TXT".into()
        }
    );
}

#[test]
fn too_many_files_are_refused_folders_not_counted() {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    zip.add_directory("folder/", SimpleFileOptions::default())
        .unwrap();
    for i in 0..5 {
        zip.start_file(format!("folder/{i}.txt"), SimpleFileOptions::default())
            .unwrap();
    }
    let zip = zip.finish().unwrap().into_inner();
    let limits = |max_entries| Limits {
        max_entries,
        ..Limits::DEFAULT
    };
    assert_eq!(read(&zip, limits(5)).unwrap().len(), 5);
    assert_eq!(
        read(&zip, limits(4)),
        Err(PackageError::TooManyEntries { limit: 4 })
    );
}

/// 50 MB of zeros, deflated to about 50 KB: a zip bomb.
fn bomb() -> Vec<u8> {
    zip_of(&[(
        "zeros.bin",
        &vec![0u8; 50_000_000],
        CompressionMethod::Deflated,
    )])
}

#[test]
fn a_zip_bomb_is_refused_while_it_inflates() {
    let bomb = bomb();
    assert!(bomb.len() < 100_000);
    assert_eq!(
        refused(&bomb),
        PackageError::CompressionRatio {
            name: "zeros.bin".into(),
            limit: 200
        }
    );
    // Without the ratio, the size limits stop it.
    let no_ratio = Limits {
        max_ratio: u64::MAX,
        ..Limits::DEFAULT
    };
    assert_eq!(
        read(&bomb, no_ratio),
        Err(PackageError::EntryTooLarge {
            name: "zeros.bin".into(),
            limit: 25 * 1024 * 1024
        })
    );
    let small_total = Limits {
        max_ratio: u64::MAX,
        max_total_bytes: 1_000_000,
        ..Limits::DEFAULT
    };
    assert_eq!(
        read(&bomb, small_total),
        Err(PackageError::TotalTooLarge { limit: 1_000_000 })
    );
    // Many small files add up to the total.
    let ten: Vec<(String, Vec<u8>)> = (0..10)
        .map(|i| (format!("{i}.txt"), vec![b'x'; 200_000]))
        .collect();
    let files: Vec<(&str, &[u8], CompressionMethod)> = ten
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice(), CompressionMethod::Deflated))
        .collect();
    let total = Limits {
        max_total_bytes: 1_500_000,
        ..Limits::DEFAULT
    };
    assert_eq!(
        read(&zip_of(&files), total),
        Err(PackageError::TotalTooLarge { limit: 1_500_000 })
    );
}

#[test]
fn a_zip_bomb_that_declares_small_sizes_is_refused_all_the_same() {
    let mut bomb = bomb();
    // Declares 10 bytes inflated, in the file's header and in the central directory.
    let local = find(&bomb, b"PK\x03\x04");
    bomb[local + 22..local + 26].copy_from_slice(&10u32.to_le_bytes());
    let central = find(&bomb, b"PK\x01\x02");
    bomb[central + 24..central + 28].copy_from_slice(&10u32.to_le_bytes());
    assert_eq!(
        refused(&bomb),
        PackageError::Damaged {
            name: Some("zeros.bin".into()),
            damage: Damage::Size
        }
    );
    // Declaring a huge compressed size (to pass the ratio) is no help.
    let mut bomb = self::bomb();
    let central = find(&bomb, b"PK\x01\x02");
    bomb[central + 20..central + 24].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(
        matches!(
            refused(&bomb),
            PackageError::Damaged { .. } | PackageError::CompressionRatio { .. }
        ),
        "{:?}",
        refused(&bomb)
    );
}

#[test]
fn an_encrypted_file_is_refused() {
    let mut zip = zip_of(&[("secret.txt", b"x", CompressionMethod::Stored)]);
    // General purpose flag bit 0, in the file's header and in the central directory.
    let local = find(&zip, b"PK\x03\x04");
    zip[local + 6] |= 1;
    let central = find(&zip, b"PK\x01\x02");
    zip[central + 8] |= 1;
    assert_eq!(
        refused(&zip),
        PackageError::Encrypted {
            name: "secret.txt".into()
        }
    );
}

#[test]
fn a_file_compressed_otherwise_than_deflate_is_refused() {
    let mut zip = zip_of(&[("notes.txt", b"x", CompressionMethod::Stored)]);
    // Method 12 (bzip2), in the file's header and in the central directory.
    let local = find(&zip, b"PK\x03\x04");
    zip[local + 8] = 12;
    let central = find(&zip, b"PK\x01\x02");
    zip[central + 10] = 12;
    assert_eq!(
        refused(&zip),
        PackageError::UnsupportedMethod {
            name: "notes.txt".into()
        }
    );
}

#[test]
fn every_error_comes_back_from_its_parts_as_the_worker_sends_them() {
    let name = || "evidence/a.pdf".to_string();
    let every = [
        PackageError::NotAZip,
        PackageError::Damaged {
            name: None,
            damage: Damage::Directory,
        },
        PackageError::Damaged {
            name: Some(name()),
            damage: Damage::Truncated,
        },
        PackageError::Damaged {
            name: Some(name()),
            damage: Damage::Checksum,
        },
        PackageError::Damaged {
            name: Some(name()),
            damage: Damage::Size,
        },
        PackageError::Damaged {
            name: Some(name()),
            damage: Damage::Data,
        },
        PackageError::UnsafeName { name: name() },
        PackageError::Duplicate { name: name() },
        PackageError::TooManyEntries { limit: 2000 },
        PackageError::EntryTooLarge {
            name: name(),
            limit: 1,
        },
        PackageError::TotalTooLarge { limit: 2 },
        PackageError::CompressionRatio {
            name: name(),
            limit: 200,
        },
        PackageError::Encrypted { name: name() },
        PackageError::UnsupportedMethod { name: name() },
    ];
    for e in every {
        let back = PackageError::from_parts(
            e.kind(),
            e.name().map(String::from),
            e.limit(),
            e.damage().map(|d| d.as_str()),
        );
        assert_eq!(back, Some(e));
    }
    assert_eq!(
        PackageError::from_parts("bad-request", None, None, None),
        None
    );
    assert_eq!(
        PackageError::from_parts("unsafe-name", None, None, None),
        None
    );
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
