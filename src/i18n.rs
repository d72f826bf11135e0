//! Interface strings as data: one table per language, from `content/i18n/<language>/*.json`
//! (flat objects of key to text). Text may hold named placeholders, `{name}`, filled by
//! [`Texts::fill`]. A key missing from a language falls back to English.
//!
//! English is compiled in (build.rs). Every other language arrives as a [`Bundle`],
//! `lang/<code>.json`, fetched only when someone chooses that language. Pure Rust: tested
//! natively.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::Value;

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
    LANGUAGES.iter().map(|(code, _)| *code).collect()
}

/// One of the few texts known for every language without fetching it: `language.name` (the
/// language named in its own words) and `language.unavailable`.
pub fn about_language(language: &str, key: &str) -> Option<String> {
    let (_, app) = LANGUAGES.iter().find(|(code, _)| *code == language)?;
    let mut table: HashMap<String, String> = serde_json::from_str(app).ok()?;
    table.remove(key)
}

/// Merges one language's files into one map.
fn merge<'a>(
    language: &str,
    files: impl IntoIterator<Item = (&'a str, HashMap<String, String>)>,
) -> Result<HashMap<String, String>, String> {
    let mut map = HashMap::new();
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

/// The English table, compiled in.
///
/// # Errors
/// A message naming the file when a table is not a flat object of strings, or a key repeats.
pub fn english() -> Result<HashMap<String, String>, String> {
    let mut files = Vec::new();
    for (name, text) in ENGLISH {
        let entries: HashMap<String, String> = serde_json::from_str(text)
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
    tables: BTreeMap<String, HashMap<String, String>>,
    #[serde(default)]
    packs: BTreeMap<String, Value>,
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
    pub fn table(&self) -> Result<HashMap<String, String>, String> {
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
            fallback: english().unwrap_or_default(),
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

/// Sentences about domain results, worded from the string tables so that they read in any
/// language. In English each equals the domain's own `Display` (a native test checks).
pub mod messages {
    use super::Texts;
    use crate::domain::envelope::EnvelopeError;
    use crate::domain::sizing::{Reason, Recommendation};
    use crate::domain::transfer::{
        thousands, ImportError, ImportWarning, TextField, FORMAT_VERSION, MAX_FILE_BYTES,
    };
    use crate::domain::Tier;

    /// "small", "medium", "large" (or capitalized with `capital`).
    pub fn tier(t: &Texts, tier: Tier, capital: bool) -> String {
        let key = match (tier, capital) {
            (Tier::Small, false) => "tier.small",
            (Tier::Medium, false) => "tier.medium",
            (Tier::Large, false) => "tier.large",
            (Tier::Small, true) => "tier.Small",
            (Tier::Medium, true) => "tier.Medium",
            (Tier::Large, true) => "tier.Large",
        };
        t.get(key).to_owned()
    }

    pub fn reason(t: &Texts, r: &Reason) -> String {
        match r {
            Reason::NotAnswered => t.get("reason.not_answered").to_owned(),
            Reason::DoesNotApply => t.get("reason.does_not_apply").to_owned(),
            Reason::Band { tier: x, text } => t.fill(
                "reason.band",
                &[("text", text), ("tier", &tier(t, *x, false))],
            ),
            Reason::InRange {
                n,
                unit,
                tier: x,
                min,
                max,
            } => {
                let (n, min) = (n.to_string(), min.to_string());
                let tier = tier(t, *x, false);
                match max {
                    Some(max) => t.fill(
                        "reason.in_range",
                        &[
                            ("n", &n),
                            ("unit", unit),
                            ("tier", &tier),
                            ("min", &min),
                            ("max", &max.to_string()),
                        ],
                    ),
                    None => t.fill(
                        "reason.in_open_range",
                        &[("n", &n), ("unit", unit), ("tier", &tier), ("min", &min)],
                    ),
                }
            }
            Reason::InGap { n, unit, tier: x } => t.fill(
                "reason.in_gap",
                &[
                    ("n", &n.to_string()),
                    ("unit", unit),
                    ("tier", &tier(t, *x, false)),
                ],
            ),
            Reason::Choice { tier: x, label } => t.fill(
                "reason.choice",
                &[
                    ("label", &label.to_lowercase()),
                    ("tier", &tier(t, *x, false)),
                ],
            ),
        }
    }

    pub fn summary(t: &Texts, r: &Recommendation) -> String {
        let total = r.votes.iter().sum::<u32>().to_string();
        let Some(best) = r.tier else {
            return t.get("summary.none").to_owned();
        };
        let n = r.votes[best.index()];
        if r.tied {
            let tied: Vec<String> = Tier::ALL
                .into_iter()
                .filter(|x| r.votes[x.index()] == n)
                .map(|x| tier(t, x, true))
                .collect();
            t.fill(
                "summary.tied",
                &[
                    ("tiers", &tied.join(t.get("summary.and"))),
                    ("n", &n.to_string()),
                    ("total", &total),
                    ("tier", &tier(t, best, true)),
                ],
            )
        } else {
            t.fill(
                "summary.lead",
                &[
                    ("n", &n.to_string()),
                    ("total", &total),
                    ("tier", &tier(t, best, true)),
                ],
            )
        }
    }

    fn field(t: &Texts, f: &TextField) -> String {
        match f {
            TextField::OrganizationName => t.get("field.name").to_owned(),
            TextField::Note(id) => t.fill("field.note", &[("id", id.as_str())]),
            TextField::Owner(id) => t.fill("field.owner", &[("id", id.as_str())]),
        }
    }

    pub fn envelope_error(t: &Texts, e: EnvelopeError) -> String {
        t.get(match e {
            EnvelopeError::Damaged => "envelope.damaged",
            EnvelopeError::Newer => "envelope.newer",
        })
        .to_owned()
    }

    pub fn warning(t: &Texts, w: &ImportWarning) -> String {
        match w {
            ImportWarning::Shortened { field: f, max } => t.fill(
                "warning.shortened",
                &[("field", &field(t, f)), ("max", &thousands(*max))],
            ),
            ImportWarning::ControlCharactersRemoved { field: f } => {
                t.fill("warning.control", &[("field", &field(t, f))])
            }
        }
    }

    pub fn import_error(t: &Texts, e: &ImportError) -> String {
        let line_col = |l: &usize, c: &usize| (l.to_string(), c.to_string());
        match e {
            ImportError::TooLarge { bytes } => t.fill(
                "import.too_large",
                &[
                    ("kb", &(bytes / 1024).to_string()),
                    ("limit", &(MAX_FILE_BYTES / 1024).to_string()),
                ],
            ),
            ImportError::Empty => t.get("import.empty").to_owned(),
            ImportError::NotJson { line, column } => {
                let (l, c) = line_col(line, column);
                t.fill("import.not_json", &[("line", &l), ("column", &c)])
            }
            ImportError::TooDeep { line, column } => {
                let (l, c) = line_col(line, column);
                t.fill("import.too_deep", &[("line", &l), ("column", &c)])
            }
            ImportError::DuplicateKey {
                key,
                within,
                line,
                column,
            } => {
                let (l, c) = line_col(line, column);
                match within {
                    Some(place) => t.fill(
                        "import.duplicate_in",
                        &[("key", key), ("place", place), ("line", &l), ("column", &c)],
                    ),
                    None => t.fill(
                        "import.duplicate_top",
                        &[("key", key), ("line", &l), ("column", &c)],
                    ),
                }
            }
            ImportError::NotAnAssessment => t.get("import.not_assessment").to_owned(),
            ImportError::NewerVersion { version } => t.fill(
                "import.newer",
                &[
                    ("version", &version.to_string()),
                    ("current", &FORMAT_VERSION.to_string()),
                ],
            ),
            ImportError::UnknownVersion { version } => {
                t.fill("import.unknown_version", &[("version", version)])
            }
            ImportError::WrongShape { detail } => t.fill("import.damaged", &[("detail", detail)]),
            ImportError::OtherContentPack { id } => t.fill("import.other_pack", &[("id", id)]),
            ImportError::UnknownSubPractices { ids } => {
                const SHOWN: usize = 10;
                let shown = ids[..ids.len().min(SHOWN)].join(", ");
                if ids.len() > SHOWN {
                    t.fill(
                        "import.unknown_ids_more",
                        &[("ids", &shown), ("more", &thousands(ids.len() - SHOWN))],
                    )
                } else {
                    t.fill("import.unknown_ids", &[("ids", &shown)])
                }
            }
            ImportError::BadValue { place, problem } => t.fill(
                "import.bad_value",
                &[("place", place), ("problem", problem)],
            ),
            ImportError::TooLong { place, max } => t.fill(
                "import.too_long",
                &[("place", place), ("max", &max.to_string())],
            ),
        }
    }
}
