//! Hostile zips (`domain::package::read`): each refused with its own kind, a bomb while it
//! inflates, never trusting the sizes a zip declares.

use std::io::Cursor;

use hicp_check::domain::package::{read, write, Damage, Limits, PackageError};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::package::{find, package, refused, zip_of};

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
