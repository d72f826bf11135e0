//! The content packs compiled into the app, and the loader that reads a pack's JSON and
//! validates it into a [`Catalog`]. `content/README.md` is the contract for a pack's fields.
//!
//! A broken pack is an error that names the file and the id at fault, shown to the person
//! instead of a blank page.

use std::fmt;

use serde::Deserialize;

use crate::domain::catalog::{
    CatalogError, CatalogParts, Lens, PackInfo, Practice, Scale, SubPractice, Threat, TierRule,
};
use crate::domain::{Catalog, Sizing};

/// The `format` every content pack carries.
pub const PACK_FORMAT: &str = "hicp-check-content";
/// The pack format version this build reads.
pub const PACK_FORMAT_VERSION: u32 = 1;

/// Every built-in pack: its file name under `content/` and its text.
pub const BUILT_IN: &[(&str, &str)] =
    &[("hicp-2018.json", include_str!("../content/hicp-2018.json"))];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    format: String,
    format_version: u32,
    id: String,
    content_version: String,
    edition: String,
    language: String,
    title: String,
    source: String,
    answer_scale: Scale,
    tiers: Vec<TierRule>,
    sizing: Sizing,
    threats: Vec<Threat>,
    practices: Vec<Practice>,
    sub_practices: Vec<SubPractice>,
    #[serde(default)]
    lenses: Vec<Lens>,
}

/// A pack that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The question set {} is broken: {}.",
            self.file, self.problem
        )
    }
}

impl std::error::Error for ContentError {}

/// Reads and validates one pack.
///
/// # Errors
/// A [`ContentError`] naming `file` and, where the JSON was valid, the id at fault.
pub fn load(file: &str, text: &str) -> Result<Catalog, ContentError> {
    let err = |problem: String| ContentError {
        file: file.to_owned(),
        problem,
    };
    let raw: RawPack = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
    if raw.format != PACK_FORMAT {
        return Err(err(format!(
            "its format is \"{}\", not \"{PACK_FORMAT}\"",
            raw.format
        )));
    }
    if raw.format_version != PACK_FORMAT_VERSION {
        return Err(err(format!(
            "it has pack format version {}, and this build reads {PACK_FORMAT_VERSION}",
            raw.format_version
        )));
    }
    let parts = CatalogParts {
        info: PackInfo {
            id: raw.id,
            content_version: raw.content_version,
            edition: raw.edition,
            language: raw.language,
            title: raw.title,
            source: raw.source,
        },
        scale: raw.answer_scale,
        tiers: raw.tiers,
        sizing: raw.sizing,
        threats: raw.threats,
        practices: raw.practices,
        sub_practices: raw.sub_practices,
        lenses: raw.lenses,
    };
    Catalog::new(parts).map_err(|e: CatalogError| err(e.to_string()))
}

/// The default pack, the HICP 2018 catalogue.
///
/// # Errors
/// As [`load`]; the native tests make sure the shipped pack loads.
pub fn built_in() -> Result<Catalog, ContentError> {
    let (file, text) = BUILT_IN[0];
    load(file, text)
}
