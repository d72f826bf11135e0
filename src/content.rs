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

/// The built-in pack as the app compiles it in (build.rs): the whole pack but for every
/// sub-practice's guidance texts (`in_place`, `why`, `technical`), which are
/// [`GUIDANCE_LATER`]. The app
/// fetches them once an assessment is open ([`GUIDANCE_FILE`]), so that a first visit does not
/// carry them.
pub const BUILT_IN_LEAN: (&str, &str) = (
    "hicp-2018.json",
    include_str!(concat!(env!("OUT_DIR"), "/hicp-2018-lean.json")),
);

/// A sub-practice's guidance texts, in this order (as build.rs and scripts/postbuild.py
/// write them).
pub const GUIDANCE_FIELDS: [&str; 3] = ["in_place", "why", "technical"];

/// A guidance text of [`BUILT_IN_LEAN`] not fetched yet.
pub const GUIDANCE_LATER: &str = "[guidance-later]";
/// A guidance text of [`BUILT_IN_LEAN`] that could not be fetched (offline before its first
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
        (_, _, Some(bundle)) => built_in_translated(BUILT_IN[0], bundle.packs()).ok()?,
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

/// Finds the entry of `list` whose `key` field is `id`.
fn by_id<'a>(list: &'a mut Value, key: &str, id: &str) -> Option<&'a mut Value> {
    list.as_array_mut()?
        .iter_mut()
        .find(|x| x.get(key).and_then(Value::as_str) == Some(id))
}

/// Copies the string fields `fields` of `from` over `to` (only those present).
fn copy(to: &mut Value, from: &Value, fields: &[&str]) {
    for f in fields {
        if let Some(v) = from.get(*f).filter(|v| v.is_string() || v.is_array()) {
            to[*f] = v.clone();
        }
    }
}

fn entries(v: &Value) -> impl Iterator<Item = (&String, &Value)> {
    v.as_object().into_iter().flatten()
}

/// Lays a translation overlay (`format: "hicp-check-translation"`) over a pack's JSON: every
/// text the overlay has replaces the pack's, matched by id; ids, tiers, points, references and
/// everything else stay the pack's. Text the overlay lacks stays in the pack's language.
pub fn apply_translation(pack: &mut Value, overlay: &Value) {
    copy(pack, overlay, &["title", "source", "language"]);
    for (id, t) in entries(&overlay["answer_scale"]) {
        if let Some(c) = by_id(&mut pack["answer_scale"]["choices"], "id", id) {
            copy(c, t, &["label", "description"]);
        }
    }
    for (id, t) in entries(&overlay["tiers"]) {
        if let Some(x) = by_id(&mut pack["tiers"], "id", id) {
            copy(x, t, &["label", "source"]);
        }
    }
    for (id, t) in entries(&overlay["sizing"]) {
        if let Some(f) = by_id(&mut pack["sizing"]["factors"], "id", id) {
            copy(f, t, &["label", "unit", "note"]);
            for (tier, text) in entries(&t["bands"]) {
                if f["bands"].get(tier).is_some() && text.is_string() {
                    f["bands"][tier] = text.clone();
                }
            }
            for (cid, label) in entries(&t["choices"]) {
                if let (Some(c), true) = (by_id(&mut f["choices"], "id", cid), label.is_string()) {
                    c["label"] = label.clone();
                }
            }
        }
    }
    for (id, t) in entries(&overlay["threats"]) {
        if let Some(x) = by_id(&mut pack["threats"], "id", id) {
            copy(x, t, &["name", "summary"]);
            for (sp, flag) in entries(&t["flags"]) {
                if let (Some(c), true) =
                    (by_id(&mut x["cited"], "sub_practice", sp), flag.is_string())
                {
                    c["flag"] = flag.clone();
                }
            }
        }
    }
    for (id, t) in entries(&overlay["practices"]) {
        if let Some(x) = by_id(&mut pack["practices"], "id", id) {
            copy(x, t, &["name", "summary"]);
        }
    }
    for (id, t) in entries(&overlay["sub_practices"]) {
        if let Some(x) = by_id(&mut pack["sub_practices"], "id", id) {
            copy(
                x,
                t,
                &["title", "questions", "in_place", "why", "technical"],
            );
            for (printed, flag) in entries(&t["nist_flags"]) {
                if let (Some(r), true) = (
                    by_id(&mut x["nist_csf"], "printed", printed),
                    flag.is_string(),
                ) {
                    r["flag"] = flag.clone();
                }
            }
        }
    }
    for (id, t) in entries(&overlay["lenses"]) {
        if let Some(lens) = by_id(&mut pack["lenses"], "id", id) {
            copy(lens, t, &["name", "note"]);
            for (item, name) in entries(&t["items"]) {
                if let (Some(i), true) = (by_id(&mut lens["items"], "id", item), name.is_string()) {
                    i["name"] = name.clone();
                }
            }
        }
    }
}

/// The default pack as the app compiles it in, its guidance texts to be fetched
/// ([`BUILT_IN_LEAN`]).
///
/// # Errors
/// As [`load`]; the native tests make sure it loads.
pub fn built_in_lean() -> Result<Catalog, ContentError> {
    let (file, text) = BUILT_IN_LEAN;
    load(file, text)
}

/// The default pack (`base`: [`BUILT_IN`]'s or [`BUILT_IN_LEAN`]), translated by the first of
/// `overlays` (file name and JSON) made for it; in the pack's own language when none is.
///
/// # Errors
/// As [`load`], naming the overlay's file when the translated pack does not validate.
pub fn built_in_translated<'a>(
    base: (&str, &str),
    overlays: impl IntoIterator<Item = (&'a str, &'a Value)>,
) -> Result<Catalog, ContentError> {
    let (file, text) = base;
    let mut pack: Value = serde_json::from_str(text).map_err(|e| ContentError {
        file: file.into(),
        problem: ContentProblem::json(&e),
    })?;
    let pack_id = pack["id"].as_str().unwrap_or_default().to_owned();
    match overlays
        .into_iter()
        .find(|(_, v)| v["pack"] == pack_id.as_str())
    {
        Some((name, overlay)) => {
            apply_translation(&mut pack, overlay);
            load(name, &pack.to_string())
        }
        None => load(file, text),
    }
}
