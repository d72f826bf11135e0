//! The evidence package as the package worker makes and opens it: the assessment file, each
//! evidence file under its readable name, and the index; opened back into the assessment file
//! and its files by item id, each checked against the SHA-256 its record holds. What goes
//! wrong is worded here, in the person's language: the app only shows it. Pure: tested
//! natively.

use sha2::{Digest, Sha256};

use crate::domain::evidence::{entry_names, Kind};
use crate::domain::package::{self, Entry, Limits, PackageError};
use crate::domain::transfer::{import, thousands};
use crate::domain::{Catalog, Timestamp};
use crate::i18n::{messages, Texts};
use crate::package_index::{self, ASSESSMENT_NAME, CSV_NAME, HTML_NAME};

/// An opened package: the assessment file as it was in the package, the evidence files found
/// (item id, bytes), and how many files its records list that the package lacks.
#[derive(Debug, PartialEq, Eq)]
pub struct Unpacked {
    pub assessment: String,
    pub files: Vec<(String, Vec<u8>)>,
    pub absent: usize,
}

/// The SHA-256 of `bytes` as 64 lowercase hexadecimal digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The zip of an assessment file (`file`, as `export` writes it) and its evidence `files`
/// (item id, bytes); files of items the assessment does not list are left out.
///
/// # Errors
/// Worded: the assessment file does not read, or the zip cannot be written.
pub fn pack(
    catalog: &Catalog,
    t: &Texts,
    file: &str,
    now: &Timestamp,
    files: Vec<(String, Vec<u8>)>,
) -> Result<Vec<u8>, String> {
    let a = import(catalog, file).map_err(|e| messages::import_error(t, &e))?;
    let names = entry_names(&a);
    let mut entries = vec![
        entry(ASSESSMENT_NAME, file.as_bytes().to_vec()),
        entry(
            HTML_NAME,
            package_index::html(catalog, t, &a, now).into_bytes(),
        ),
        entry(CSV_NAME, package_index::csv(catalog, t, &a).into_bytes()),
    ];
    for (id, bytes) in files {
        if let Some(name) = names.get(&id) {
            entries.push(entry(name, bytes));
        }
    }
    package::write(&entries).map_err(|e| refused(t, &e))
}

fn entry(name: &str, bytes: Vec<u8>) -> Entry {
    Entry {
        name: name.to_owned(),
        bytes,
    }
}

/// Opens a package: its assessment file read and checked against `catalog`, and each
/// evidence file it lists found under its name and checked against its SHA-256.
///
/// # Errors
/// Worded: the zip is refused (damaged, hostile), it holds no assessment file or one that does
/// not read, or a file is not the one its record describes.
pub fn unpack(catalog: &Catalog, t: &Texts, bytes: &[u8]) -> Result<Unpacked, String> {
    let mut entries = package::read(bytes, Limits::DEFAULT).map_err(|e| refused(t, &e))?;
    let assessment = entries
        .iter()
        .position(|e| e.name == ASSESSMENT_NAME)
        .map(|i| entries.swap_remove(i).bytes)
        .ok_or_else(|| t.get("evidence.no_assessment").to_owned())?;
    let assessment = String::from_utf8(assessment).map_err(|_| t.get("failure.not_text"))?;
    let a = import(catalog, &assessment).map_err(|e| messages::import_error(t, &e))?;
    let names = entry_names(&a);
    let mut files = Vec::new();
    let mut absent = 0;
    for (_, item) in a.evidence_files() {
        let Kind::File { sha256, .. } = &item.kind else {
            continue;
        };
        let name = names.get(&item.id).map(String::as_str).unwrap_or_default();
        let Some(i) = entries.iter().position(|e| e.name == name) else {
            absent += 1;
            continue;
        };
        let found = entries.swap_remove(i);
        if &sha256_hex(&found.bytes) != sha256 {
            return Err(t.fill("evidence.mismatch", &[("name", name)]));
        }
        files.push((item.id.clone(), found.bytes));
    }
    Ok(Unpacked {
        assessment,
        files,
        absent,
    })
}

/// Why an evidence package was refused, for the person.
fn refused(t: &Texts, e: &PackageError) -> String {
    use PackageError as P;
    let key = match e {
        P::NotAZip => "package.error.not_zip",
        P::Damaged { name: None, .. } => "package.error.damaged",
        P::Damaged { .. } => "package.error.damaged_entry",
        P::UnsafeName { .. } => "package.error.unsafe_name",
        P::Duplicate { .. } => "package.error.duplicate",
        P::TooManyEntries { .. } => "package.error.too_many",
        P::EntryTooLarge { .. } => "package.error.entry_too_large",
        P::TotalTooLarge { .. } => "package.error.total_too_large",
        P::CompressionRatio { .. } => "package.error.bomb",
        P::Encrypted { .. } => "package.error.encrypted",
        P::UnsupportedMethod { .. } => "package.error.method",
    };
    let limit = match e {
        P::EntryTooLarge { limit, .. } | P::TotalTooLarge { limit } => limit / (1024 * 1024),
        _ => e.limit().unwrap_or(0),
    };
    t.fill(
        key,
        &[
            ("name", e.name().unwrap_or("")),
            ("limit", &thousands(limit as usize)),
        ],
    )
}
