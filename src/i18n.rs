//! Interface strings as data: one table per language, from `content/i18n/<language>/*.json`
//! (flat objects of key to text, compiled in by build.rs). Text may hold named placeholders,
//! `{name}`, filled by [`Texts::fill`]. A key missing from a language falls back to English.
//! Pure Rust: tested natively.

use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/i18n_tables.rs"));

/// The language every other falls back to, and the one every key must exist in.
pub const DEFAULT: &str = "en";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Texts {
    language: String,
    map: HashMap<String, String>,
    fallback: HashMap<String, String>,
}

/// The languages with a table, by code.
pub fn languages() -> Vec<&'static str> {
    TABLES.iter().map(|(code, _)| *code).collect()
}

/// Reads one language's files into one map.
///
/// # Errors
/// A message naming the file when a table is not a flat object of strings, or a key repeats.
pub fn table(language: &str) -> Result<HashMap<String, String>, String> {
    let files = TABLES
        .iter()
        .find(|(code, _)| *code == language)
        .map(|(_, files)| *files)
        .ok_or_else(|| format!("there is no table for the language {language}"))?;
    let mut map = HashMap::new();
    for (name, text) in files {
        let entries: HashMap<String, String> = serde_json::from_str(text)
            .map_err(|e| format!("content/i18n/{language}/{name}: {e}"))?;
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

impl Texts {
    /// The texts of `language` (falling back to English), or English alone when the
    /// language has no table.
    pub fn new(language: &str) -> Texts {
        let fallback = table(DEFAULT).unwrap_or_default();
        let (language, map) = match table(language) {
            Ok(map) => (language.to_owned(), map),
            Err(_) => (DEFAULT.to_owned(), fallback.clone()),
        };
        Texts {
            language,
            map,
            fallback,
        }
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
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut text = self.get(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}
