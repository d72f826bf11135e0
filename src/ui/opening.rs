//! One way to open an assessment file, whatever the way in (the picker, drag and drop, the
//! passphrase dialog, the comparison): read it, see whether it is protected, import it, and
//! word what went wrong. Components only show the [`Opened`] outcome.

use std::rc::Rc;

use super::browser::{crypto, files};
use super::evidence::{is_zip, megabytes, read_package};
use super::state::{Locked, Staged};
use crate::domain::envelope::Envelope;
use crate::domain::package::MAX_TOTAL_BYTES;
use crate::domain::transfer::{import_with_warnings, ImportError, MAX_FILE_BYTES};
use crate::domain::{score, Catalog};
use crate::i18n::{messages, Texts};

/// The largest evidence package opened, in bytes.
const PACKAGE_MAX_BYTES: usize = MAX_TOTAL_BYTES as usize;

/// How much of a file's name is shown (and kept with a staged file).
const FILE_NAME_SHOWN: usize = 80;

/// What became of a file.
pub enum Opened {
    /// Protected: it needs its passphrase (see [`unlock`]).
    Locked(Locked),
    /// Read and understood: its preview can be shown.
    Staged(Staged),
    /// Not opened; `why` is worded for the person.
    Refused { file_name: String, why: String },
}

/// Reads a chosen or dropped file and opens it as far as it can without the person: an
/// assessment file, an evidence package, or either of them protected.
pub async fn open(catalog: &Catalog, texts: &Texts, file: web_sys::File) -> Opened {
    let file_name: String = file.name().chars().take(FILE_NAME_SHOWN).collect();
    let size = file.size() as usize;
    // Refuse a huge file before reading it into memory at all. Packages, and protected ones
    // (a third larger, as base64), may be far larger than an assessment file.
    let limit = if size > MAX_FILE_BYTES {
        PACKAGE_MAX_BYTES / 3 * 4 + 4096
    } else {
        MAX_FILE_BYTES
    };
    if size > limit {
        let why = texts.fill(
            "evidence.package_too_large",
            &[("max", &megabytes(PACKAGE_MAX_BYTES as u64))],
        );
        return Opened::Refused { file_name, why };
    }
    let Ok(head) = files::read_bytes(
        &file
            .slice_with_i32_and_i32(0, 4)
            .unwrap_or(file.clone().into()),
    )
    .await
    else {
        return Opened::Refused {
            file_name,
            why: texts.get("failure.unreadable").to_owned(),
        };
    };
    if is_zip(&head.to_vec()) && size <= PACKAGE_MAX_BYTES {
        return match files::read_bytes(&file).await {
            Ok(bytes) => package(catalog, texts, file_name, bytes).await,
            Err(e) => Opened::Refused {
                file_name,
                why: texts.get(e.key()).to_owned(),
            },
        };
    }
    let text = match files::read_text(file).await {
        Ok(text) => text,
        Err(e) => {
            let why = texts.get(e.key()).to_owned();
            return Opened::Refused { file_name, why };
        }
    };
    match Envelope::parse(&text) {
        Ok(Some(envelope)) => Opened::Locked(Locked {
            file_name,
            envelope: Rc::new(envelope),
        }),
        Ok(None) if text.len() > MAX_FILE_BYTES => {
            let why = messages::import_error(texts, &ImportError::TooLarge { bytes: size });
            Opened::Refused { file_name, why }
        }
        Ok(None) => staged(catalog, texts, file_name, &text),
        Err(e) => {
            let why = messages::envelope_error(texts, e);
            Opened::Refused { file_name, why }
        }
    }
}

/// Opens a protected file with the passphrase the person gave.
pub async fn unlock(catalog: &Catalog, texts: &Texts, locked: &Locked, passphrase: &str) -> Opened {
    let file_name = locked.file_name.clone();
    match crypto::decrypt(passphrase, &locked.envelope).await {
        Ok(bytes) if is_zip(&bytes) => {
            package(
                catalog,
                texts,
                file_name,
                js_sys::Uint8Array::from(&bytes[..]),
            )
            .await
        }
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => staged(catalog, texts, file_name, &text),
            Err(_) => Opened::Refused {
                file_name,
                why: texts.get("failure.not_text").to_owned(),
            },
        },
        Err(e) => {
            let why = texts.get(e.key()).to_owned();
            Opened::Refused { file_name, why }
        }
    }
}

async fn package(
    catalog: &Catalog,
    texts: &Texts,
    file_name: String,
    bytes: js_sys::Uint8Array,
) -> Opened {
    match read_package(catalog, texts, file_name.clone(), bytes).await {
        Ok(staged) => Opened::Staged(staged),
        Err(why) => Opened::Refused { file_name, why },
    }
}

fn staged(catalog: &Catalog, texts: &Texts, file_name: String, text: &str) -> Opened {
    match import_with_warnings(catalog, text) {
        Ok((a, warnings)) => Opened::Staged(Staged {
            file_name,
            percent: score(catalog, &a).overall.percent(),
            assessment: Rc::new(a),
            warnings: warnings
                .iter()
                .map(|w| messages::warning(texts, w))
                .collect(),
            files: Rc::default(),
        }),
        Err(e) => Opened::Refused {
            file_name,
            why: messages::import_error(texts, &e),
        },
    }
}
