//! The content packs compiled into the app, and the loader that reads a pack's JSON and
//! validates it into a [`Catalog`]. `content/README.md` is the contract for a pack's fields.
//!
//! A broken pack is an error that names the file and the id at fault, shown to the person
//! instead of a blank page; [`check`] lists every mistake in a pack, for its author. Errors
//! are kinds with their data: the words are in the i18n tables (`crate::i18n::messages`).

use serde_json::Value;

use crate::domain::catalog::CatalogError;
use crate::domain::Catalog;

mod reading;
pub mod stamp;

use reading::parts;

/// The `format` every content pack carries.
pub const PACK_FORMAT: &str = "hicp-check-content";
/// The pack format version this build reads.
pub const PACK_FORMAT_VERSION: u32 = 1;

/// Every built-in pack: its file name under `content/` and its text (minified by build.rs).
pub const BUILT_IN: &[(&str, &str)] = &[(
    "hicp-2018.json",
    include_str!(concat!(env!("OUT_DIR"), "/hicp-2018.json")),
)];

/// The built-in pack as the app compiles it in: read and validated at build time, and written
/// as the lines [`Catalog::compact`] writes, so that the app neither parses JSON nor
/// validates to start. It is the whole pack but for its lenses, which only the tools part
/// shows (from the whole pack), and every sub-practice's guidance texts (`in_place`, `why`,
/// `technical`), which are [`GUIDANCE_LATER`]: the app fetches them once an assessment is
/// open ([`GUIDANCE_FILE`]), so that a first visit does not carry them ([`Catalog::lean`]).
///
/// `cargo run --bin compile-pack` writes it ([`compiled_lean`]); build.rs refuses to build the
/// app when `content/hicp-2018.json` changed since (its [`stamp`] is the file's second line).
pub const COMPILED: &str = include_str!("../content/hicp-2018.compiled");

/// The file [`COMPILED`] is made from.
pub const COMPILED_FROM: &str = "content/hicp-2018.json";

/// A sub-practice's guidance texts, in this order (as build.rs and scripts/postbuild.py
/// write them).
pub const GUIDANCE_FIELDS: [&str; 3] = ["in_place", "why", "technical"];

/// A guidance text of [`COMPILED`] not fetched yet.
pub const GUIDANCE_LATER: &str = "[guidance-later]";
/// A guidance text of [`COMPILED`] that could not be fetched (offline before its first
/// use).
pub const GUIDANCE_UNAVAILABLE: &str = "[guidance-unavailable]";
/// The guidance texts of the built-in pack, beside the app (scripts/postbuild.py): an object of
/// sub-practice ids, each with its `in_place`, `why` and `technical`.
pub const GUIDANCE_FILE: &str = "hicp-2018-guidance.json";

/// The pack and texts the app made from its sources, made again by a part of it that runs on
/// its own (the package worker, the tools part): the host's pack (`pack_file`, `pack`) and the
/// language file (`bundle`) when the app uses them, else the built-in pack and English (with
/// what only the parts say).
pub fn made_from(sources: &[Option<String>; 3]) -> Option<(Catalog, crate::i18n::Texts)> {
    use crate::i18n::{Bundle, Texts};
    let [pack_file, pack, bundle] = sources;
    let bundle = match bundle {
        Some(b) => Some(Bundle::parse(b).ok()?),
        None => None,
    };
    let catalog = match (pack_file, pack, &bundle) {
        (Some(file), Some(pack), _) => load(file, pack).ok()?,
        (_, _, Some(bundle)) => translated(built_in().ok()?, bundle.packs())?,
        _ => built_in().ok()?,
    };
    let texts = match &bundle {
        Some(bundle) => Texts::from_bundle(bundle).ok()?,
        None => Texts::english_complete(),
    };
    Some((catalog, texts))
}

/// A pack that could not be loaded: the file, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub problem: ContentProblem,
}

/// What is wrong with a pack, as data; `crate::i18n::messages::content_error` words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentProblem {
    /// Not JSON, or not shaped like a pack: serde_json's own description and where (line 0
    /// when it gives no place).
    Json {
        detail: String,
        line: usize,
        column: usize,
    },
    /// A field is missing, unknown or of the wrong kind; `at` is where, as a path such as
    /// `threats[0].cited` (empty for the top level).
    Shape { at: String, shape: PackShape },
    /// The `format` is not [`PACK_FORMAT`].
    Format { found: String },
    /// A `format_version` other than [`PACK_FORMAT_VERSION`].
    FormatVersion { found: u32 },
    /// The pack is read but does not validate.
    Catalog(CatalogError),
    /// A host's settings file names a pack that is not on the site.
    NotOnSite,
    /// A host's pack could not be fetched; the browser's reason, as it gave it.
    Unreachable { detail: String },
}

/// What is wrong with one place of a pack's JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackShape {
    Type(Want),
    Missing {
        field: &'static str,
    },
    Unknown {
        field: String,
    },
    /// A name that is none of the ones allowed there (a tier, a kind, a status…).
    Value {
        found: String,
    },
}

/// What a place of a pack must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    Text,
    Number,
    Boolean,
    List,
    Object,
    /// A size range: `[min, max]`, `max` a number or null.
    Range,
}

impl ContentProblem {
    fn json(e: &serde_json::Error) -> ContentProblem {
        let full = e.to_string();
        let (line, column) = (e.line(), e.column());
        let place = format!(" at line {line} column {column}");
        let detail = match full.strip_suffix(place.as_str()) {
            Some(detail) if line > 0 => detail.to_owned(),
            _ => full,
        };
        ContentProblem::Json {
            detail,
            line,
            column,
        }
    }
}

/// Reads and validates one pack.
///
/// # Errors
/// A [`ContentError`] naming `file` and the first mistake found; [`check`] finds them all.
pub fn load(file: &str, text: &str) -> Result<Catalog, ContentError> {
    let err = |problem| ContentError {
        file: file.to_owned(),
        problem,
    };
    let parts = parts(text).map_err(err)?;
    Catalog::new(parts).map_err(|e| err(ContentProblem::Catalog(e)))
}

/// Every mistake in one pack, in the order [`load`] meets them (its error is the first);
/// empty when the pack loads. A pack that cannot be read as a pack at all has one mistake.
pub fn check(file: &str, text: &str) -> Vec<ContentError> {
    let problems = match parts(text) {
        Ok(parts) => Catalog::problems(&parts)
            .into_iter()
            .map(ContentProblem::Catalog)
            .collect(),
        Err(problem) => vec![problem],
    };
    problems
        .into_iter()
        .map(|problem| ContentError {
            file: file.to_owned(),
            problem,
        })
        .collect()
}

/// The default pack, the HICP 2018 catalogue.
///
/// # Errors
/// As [`load`]; the native tests make sure the shipped pack loads.
pub fn built_in() -> Result<Catalog, ContentError> {
    let (file, text) = BUILT_IN[0];
    load(file, text)
}

/// The default pack as the app compiles it in ([`COMPILED`]), its guidance texts to be
/// fetched.
pub fn built_in_lean() -> Catalog {
    Catalog::from_compact(COMPILED)
        .expect("build.rs checked that the compiled pack is made from the pack as it is")
}

/// The built-in pack as [`COMPILED`] holds it, made from [`BUILT_IN`]: read and validated
/// like any pack, then made lean ([`Catalog::lean`]) and compacted with the [`stamp`] of the
/// pack's file (`cargo run --bin compile-pack` writes it).
///
/// # Errors
/// As [`load`].
pub fn compiled_lean(source: &[u8]) -> Result<String, ContentError> {
    let (file, text) = BUILT_IN[0];
    let lean = load(file, text)?.lean(GUIDANCE_LATER);
    Ok(lean.compact(&stamp::stamp(source)))
}

/// `catalog` translated by the first of `overlays` (file name and JSON) made for it
/// ([`Catalog::translated`]); as it is when none is; `None` when that one gives a text that
/// cannot be used.
pub fn translated<'a>(
    catalog: Catalog,
    overlays: impl IntoIterator<Item = (&'a str, &'a Value)>,
) -> Option<Catalog> {
    let id = catalog.info().id.as_str();
    match overlays.into_iter().find(|(_, v)| v["pack"] == id) {
        Some((_, overlay)) => catalog.translated(overlay),
        None => Some(catalog),
    }
}
