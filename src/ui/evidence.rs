//! Evidence files on their way between the page, the browser's storage and the evidence
//! package: keeping a chosen file, opening a kept one, writing the package, reading one back,
//! and sweeping away files no assessment refers to any more. Components show the outcome.

use std::rc::Rc;

use js_sys::Uint8Array;

use super::browser::evidence_store::{self as store, StoreFailure};
use super::browser::package::{self, PackageFailure};
use super::browser::{crypto, files};
use super::downloads::file_stem;
use super::state::Staged;
use crate::domain::evidence::{Item, Kind, FILE_MAX_BYTES, FILE_NAME_MAX};
use crate::domain::transfer::import_with_warnings;
use crate::domain::{export, score, Assessment, Catalog, Timestamp};
use crate::i18n::{messages, Texts};

/// Megabytes, one decimal: `25.0`. In integers: formatting a float would compile in
/// kilobytes of float printing.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10).div_ceil(1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Why a file could not be stored, for the person.
pub fn store_failure(t: &Texts, f: StoreFailure) -> String {
    t.get(match f {
        StoreFailure::Full => "evidence.full",
        StoreFailure::Unavailable => "evidence.unavailable",
        StoreFailure::Failed => "evidence.failed",
    })
    .to_owned()
}

/// Keeps `file` as evidence item `item_id` of assessment `assessment_id`: checked against
/// the size limit, fingerprinted (SHA-256), stored. Returns what the item records of it.
///
/// # Errors
/// What went wrong, worded; nothing was kept then.
pub async fn keep_file(
    t: &Texts,
    assessment_id: &str,
    item_id: &str,
    file: &web_sys::File,
) -> Result<Kind, String> {
    let name: String = file.name().chars().take(FILE_NAME_MAX).collect();
    let size = file.size() as u64;
    if size > FILE_MAX_BYTES {
        return Err(t.fill(
            "evidence.too_big",
            &[
                ("name", &name),
                ("size", &megabytes(size)),
                ("max", &megabytes(FILE_MAX_BYTES)),
            ],
        ));
    }
    let bytes = files::read_bytes(file)
        .await
        .map_err(|e| t.get(e.key()).to_owned())?;
    let sha256 = crypto::sha256(&bytes)
        .await
        .map_err(|e| t.get(e.key()).to_owned())?;
    store::put(&store::evidence_key(assessment_id, item_id), file)
        .await
        .map_err(|f| store_failure(t, f))?;
    Ok(Kind::File {
        name,
        size,
        media_type: file.type_().chars().take(100).collect(),
        sha256,
    })
}

/// Offers a kept evidence file as a download, under its own name.
///
/// # Errors
/// Worded: the file is not kept in this browser, or storage cannot be read.
pub async fn open_file(t: &Texts, assessment_id: &str, item: &Item) -> Result<(), String> {
    let Kind::File { name, .. } = &item.kind else {
        return Ok(());
    };
    match store::get(&store::evidence_key(assessment_id, &item.id)).await {
        Ok(Some(blob)) => {
            files::download_blob(name, &blob);
            Ok(())
        }
        Ok(None) => Err(t.get("evidence.not_here").to_owned()),
        Err(f) => Err(store_failure(t, f)),
    }
}

/// Writes the evidence package of one assessment and offers it as a download: the
/// assessment file, every kept evidence file, and the index as HTML and CSV; sealed under
/// `passphrase` when one is given. Returns what to tell the person (files missing, say).
///
/// # Errors
/// Worded; nothing was downloaded then.
pub async fn download_package(
    catalog: &Catalog,
    t: &Texts,
    assessment_id: &str,
    a: &Assessment,
    at: &Timestamp,
    passphrase: Option<String>,
) -> Result<String, String> {
    let mut files = Vec::new();
    let mut missing = 0;
    for (_, item) in a.evidence_files() {
        let key = store::evidence_key(assessment_id, &item.id);
        match store::get(&key).await.map_err(|f| store_failure(t, f))? {
            Some(blob) => {
                let bytes = files::read_bytes(&blob)
                    .await
                    .map_err(|e| t.get(e.key()).to_owned())?;
                files.push((item.id.clone(), bytes));
            }
            None => missing += 1,
        }
    }
    let zip = package::pack(&export(catalog, a, at), at.as_str(), files)
        .await
        .map_err(|f| package_failure(t, &f))?;
    let stem = file_stem(&a.organization.name, &at.date().to_string());
    let blob = match passphrase {
        Some(pass) => {
            let sealed = crypto::encrypt_bytes(&pass, &zip.to_vec())
                .await
                .map_err(|e| t.get(e.key()).to_owned())?;
            files::download(
                &format!("{stem}-evidence-protected.json"),
                "application/json",
                &sealed,
            );
            None
        }
        None => files::blob_of(&zip, "application/zip"),
    };
    if let Some(blob) = blob {
        files::download_blob(&format!("{stem}-evidence.zip"), &blob);
    }
    Ok(if missing > 0 {
        t.fill(
            "evidence.package_missing",
            &[("count", &missing.to_string())],
        )
    } else {
        t.get("evidence.package_done").to_owned()
    })
}

pub fn package_failure(t: &Texts, f: &PackageFailure) -> String {
    match f {
        PackageFailure::Refused(why) => why.clone(),
        PackageFailure::Unavailable => t.get("evidence.worker_unavailable").to_owned(),
    }
}

/// Whether `bytes` begin as a zip does.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads an evidence package: its assessment, checked like any file, and its evidence files,
/// each checked against the fingerprint the assessment records for it. Nothing is stored yet:
/// the person decides first (see [`keep_staged`]).
///
/// # Errors
/// Worded: what is wrong with the package.
pub async fn read_package(
    catalog: &Catalog,
    t: &Texts,
    file_name: String,
    bytes: Uint8Array,
) -> Result<Staged, String> {
    let (text, found, absent) = package::unpack(bytes)
        .await
        .map_err(|f| package_failure(t, &f))?;
    let (a, mut warnings) = match import_with_warnings(catalog, &text) {
        Ok((a, w)) => (
            a,
            w.iter()
                .map(|w| messages::warning(t, w))
                .collect::<Vec<_>>(),
        ),
        Err(e) => return Err(messages::import_error(t, &e)),
    };
    let mut kept = Vec::new();
    for (id, bytes) in found {
        let media_type = a.evidence_files().find_map(|(_, i)| match &i.kind {
            Kind::File { media_type, .. } if i.id == id => Some(media_type.as_str()),
            _ => None,
        });
        if let Some(blob) = files::blob_of(&bytes, media_type.unwrap_or_default()) {
            kept.push((id, blob));
        }
    }
    if absent > 0 {
        warnings.push(t.fill("evidence.absent", &[("count", &absent.to_string())]));
    }
    Ok(Staged {
        file_name,
        percent: score(catalog, &a).overall.percent(),
        assessment: Rc::new(a),
        warnings,
        files: Rc::new(kept),
    })
}

/// Stores the evidence files of a staged package under the assessment it becomes, all or
/// none.
///
/// # Errors
/// Worded; nothing of the package was kept then, and nothing saved before changed.
pub async fn keep_staged(t: &Texts, staged: &Staged, assessment_id: &str) -> Result<(), String> {
    if staged.files.is_empty() {
        return Ok(());
    }
    put_files(assessment_id, &staged.files)
        .await
        .map_err(|f| match f {
            StoreFailure::Full => t.get("evidence.package_full").to_owned(),
            other => store_failure(t, other),
        })
}

/// Stores evidence files (item id, bytes) under the assessment `assessment_id`, all or none.
///
/// # Errors
/// What the store refused; nothing of `files` was kept then.
pub async fn put_files(
    assessment_id: &str,
    files: &[(String, web_sys::Blob)],
) -> Result<(), StoreFailure> {
    let items: Vec<(String, web_sys::Blob)> = files
        .iter()
        .map(|(id, blob)| (store::evidence_key(assessment_id, id), blob.clone()))
        .collect();
    store::put_all(&items).await
}

/// Copies the kept evidence files of one assessment to another (a duplicate).
pub async fn copy_files(from: &str, to: &str, a: &Assessment) {
    for (_, item) in a.evidence_files() {
        if let Ok(Some(blob)) = store::get(&store::evidence_key(from, &item.id)).await {
            let _ = store::put(&store::evidence_key(to, &item.id), &blob).await;
        }
    }
}

/// Removes every kept evidence file of this copy that no assessment in `entries` refers to:
/// after an assessment is removed, replaced or erased, or an item removed.
pub async fn sweep(entries: Vec<(String, Rc<Assessment>)>) {
    let mut referenced = Vec::new();
    for (id, a) in &entries {
        referenced.extend(
            a.evidence_files()
                .map(|(_, i)| store::evidence_key(id, &i.id)),
        );
    }
    let Ok(keys) = store::keys(&store::pack_prefix()).await else {
        return;
    };
    for key in keys.iter().filter(|k| !referenced.contains(*k)) {
        let _ = store::remove(key).await;
    }
}
