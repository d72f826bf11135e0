//! Interface strings as data: one table per language, from `content/i18n/<language>/*.json`
//! (flat objects of key to text). Text may hold named placeholders, `{name}`, filled by
//! [`Texts::fill`]. A key missing from a language falls back to English.
//!
//! English is compiled in (build.rs). Every other language arrives as a [`Bundle`],
//! `lang/<code>.json`, fetched only when someone chooses that language. Pure Rust: tested
//! natively.

use crate::domain::map::Map;

use serde::Deserialize;
use serde_json::Value;

include!(concat!(env!("OUT_DIR"), "/i18n_tables.rs"));

pub mod messages;

/// The language every other falls back to, and the one every key must exist in.
pub const DEFAULT: &str = "en";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    language: String,
    map: Map<String, String>,
    fallback: Map<String, String>,
}

/// The languages with a table, by code.
pub fn languages() -> Vec<&'static str> {
    LANGUAGES.iter().map(|(code, _)| *code).collect()
}

/// One of the few texts known for every language without fetching it: `language.name` (the
/// language named in its own words) and `language.unavailable`.
pub fn about_language(language: &str, key: &str) -> Option<String> {
    let (_, app) = LANGUAGES.iter().find(|(code, _)| *code == language)?;
    let mut table: Map<String, String> = serde_json::from_str(app).ok()?;
    table.remove(key)
}

/// Merges one language's files into one map.
fn merge<'a>(
    language: &str,
    files: impl IntoIterator<Item = (&'a str, Map<String, String>)>,
) -> Result<Map<String, String>, String> {
    let mut map = Map::new();
    for (name, entries) in files {
        for (k, v) in entries {
            if map.insert(k.clone(), v).is_some() {
                return Err(format!(
                    "content/i18n/{language}/{name}: the key {k} is defined twice"
                ));
            }
        }
    }
    Ok(map)
}

/// The whole English table, compiled in: the app's and its parts' (`worker.json` for the
/// package worker, `tools.json` and `packs.json` for the tools part).
///
/// # Errors
/// A message naming the file when a table is not a flat object of strings, or a key repeats.
pub fn english() -> Result<Map<String, String>, String> {
    english_of(&[ENGLISH, ENGLISH_WORKER])
}

/// The English table of the app: without what only its parts say (`worker.json`,
/// `tools.json`, `packs.json`).
fn english_app() -> Result<Map<String, String>, String> {
    english_of(&[ENGLISH])
}

fn english_of(tables: &[&[(&str, &str)]]) -> Result<Map<String, String>, String> {
    let mut files = Vec::new();
    for (name, text) in tables.iter().copied().flatten() {
        let entries: Map<String, String> = serde_json::from_str(text)
            .map_err(|e| format!("content/i18n/{DEFAULT}/{name}: {e}"))?;
        files.push((*name, entries));
    }
    merge(DEFAULT, files)
}

/// One language other than English, as fetched: each of its string tables by file name
/// (`content/i18n/<language>/<name>`) and each content translation overlay by file name
/// (`content/<pack>.<language>.json`), embedded as they are by scripts/postbuild.py.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub language: String,
    tables: Map<String, Map<String, String>>,
    #[serde(default)]
    packs: Map<String, Value>,
}

impl Bundle {
    /// # Errors
    /// A message for the webmaster when the file is not a language bundle.
    pub fn parse(text: &str) -> Result<Bundle, String> {
        serde_json::from_str(text).map_err(|e| format!("not a language file: {e}"))
    }

    /// The bundle's string tables, merged into one.
    ///
    /// # Errors
    /// When a key repeats across its files.
    pub fn table(&self) -> Result<Map<String, String>, String> {
        let files = self.tables.iter().map(|(n, t)| (n.as_str(), t.clone()));
        merge(&self.language, files)
    }

    /// The content translation overlays, by file name.
    pub fn packs(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.packs.iter().map(|(n, v)| (n.as_str(), v))
    }
}

impl Texts {
    /// The English texts.
    pub fn english() -> Texts {
        let map = english_app().unwrap_or_default();
        Texts {
            language: DEFAULT.to_owned(),
            fallback: map.clone(),
            map,
        }
    }

    /// The English texts with what only the parts say (`worker.json`, `tools.json`,
    /// `packs.json`): the parts', and the tests'.
    pub fn english_complete() -> Texts {
        let map = english().unwrap_or_default();
        Texts {
            language: DEFAULT.to_owned(),
            fallback: map.clone(),
            map,
        }
    }

    /// The texts of a fetched language, falling back to English key by key.
    ///
    /// # Errors
    /// As [`Bundle::table`].
    pub fn from_bundle(bundle: &Bundle) -> Result<Texts, String> {
        Ok(Texts {
            language: bundle.language.clone(),
            map: bundle.table()?,
            fallback: english_app().unwrap_or_default(),
        })
    }

    pub fn language(&self) -> &str {
        &self.language
    }

    /// The text for `key`; the key itself when no table has it, so a gap shows, never panics.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map
            .get(key)
            .or_else(|| self.fallback.get(key))
            .map(String::as_str)
            .unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    ///
    /// One pass over the template: a value that itself holds `{something}` (a file name, say)
    /// is never filled again.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let template = self.get(key);
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}').map(|close| (&after[..close], close)) {
                Some((name, close)) if args.iter().any(|(n, _)| *n == name) => {
                    let value = args.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
                    out.push_str(value.unwrap_or_default());
                    rest = &after[close + 1..];
                }
                _ => {
                    out.push('{');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_defined_in_two_files_is_named() {
        let file = |k: &str, v: &str| Map::from([(k.to_owned(), v.to_owned())]);
        let said = merge(
            "en",
            [("a.json", file("k", "1")), ("b.json", file("k", "2"))],
        );
        assert_eq!(
            said,
            Err("content/i18n/en/b.json: the key k is defined twice".to_owned())
        );
        let fine = merge(
            "en",
            [("a.json", file("k", "1")), ("b.json", file("j", "2"))],
        );
        assert_eq!(fine.map(|m| m.len()), Ok(2));
    }

    #[test]
    fn placeholders_are_filled_once_and_unknown_braces_stay() {
        let t = Texts::english();
        let filled = t.fill(
            "files.not_opened",
            &[("why", "{name} is odd."), ("name", "a{why}.json")],
        );
        assert_eq!(filled, "\u{201c}a{why}.json\u{201d} was not opened. {name} is odd. Nothing you saved has changed.");
        assert_eq!(t.get("no.such.key"), "no.such.key");
    }
}
