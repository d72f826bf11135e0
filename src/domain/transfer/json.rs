//! The strict JSON pre-pass: refuses a name given twice in one object and nesting deeper than
//! [`MAX_DEPTH`] before serde sees the file, each with the place it was found.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::error::ImportError;
use super::text::truncated;
use super::MAX_DEPTH;

/// Parses JSON as [`serde_json::from_str`] does, but refuses a name given twice in one object
/// and nesting deeper than [`MAX_DEPTH`], both with the place they were found.
///
/// # Errors
/// [`ImportError::DuplicateKey`], [`ImportError::TooDeep`] or [`ImportError::NotJson`].
pub fn read_json(text: &str) -> Result<Value, ImportError> {
    let found = Cell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = Checked {
        path: Path::Root,
        depth: 0,
        found: &found,
    };
    let parsed = seed
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    parsed.map_err(|e| {
        let (line, column) = (e.line(), e.column());
        match found.take() {
            Some(Found::TooDeep) => ImportError::TooDeep { line, column },
            Some(Found::Duplicate { key, within }) => ImportError::DuplicateKey {
                key,
                within,
                line,
                column,
            },
            None => ImportError::NotJson { line, column },
        }
    })
}

/// Whether `v` is an object with exactly the fields `required`, plus any of `optional`.
pub fn fields_are(v: &Value, required: &[&str], optional: &[&str]) -> bool {
    v.as_object().is_some_and(|o| {
        required.iter().all(|k| o.contains_key(*k))
            && o.keys()
                .all(|k| required.contains(&k.as_str()) || optional.contains(&k.as_str()))
    })
}

/// What the pre-pass stopped for; serde_json only carries a message, so the seed leaves this
/// beside it.
enum Found {
    TooDeep,
    Duplicate { key: String, within: Option<String> },
}

/// Where a value sits in the file, as a chain back to the top; rendered only for a message.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// `answers["1.S.A"].note`: names as fields, ids and other keys in brackets, as the other
    /// messages write places; `None` at the top level.
    fn render(&self) -> Option<String> {
        match *self {
            Path::Root => None,
            Path::Key(parent, key) => {
                let parent = parent.render();
                let plain = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                Some(match (parent, plain) {
                    (None, true) => truncated(key),
                    (Some(p), true) => format!("{p}.{}", truncated(key)),
                    (p, false) => format!("{}[\"{}\"]", p.unwrap_or_default(), truncated(key)),
                })
            }
            Path::Index(parent, i) => Some(format!("{}[{i}]", parent.render().unwrap_or_default())),
        }
    }
}

/// A JSON value at `path`, `depth` containers deep.
struct Checked<'a> {
    path: Path<'a>,
    depth: usize,
    found: &'a Cell<Option<Found>>,
}

impl Checked<'_> {
    fn enter<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            self.found.set(Some(Found::TooDeep));
            return Err(E::custom("nested too deeply"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Checked<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Checked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        loop {
            let item = Checked {
                path: Path::Index(&self.path, items.len()),
                depth: self.depth + 1,
                found: self.found,
            };
            match seq.next_element_seed(item)? {
                Some(value) => items.push(value),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                self.found.set(Some(Found::Duplicate {
                    key: truncated(&key),
                    within: self.path.render(),
                }));
                return Err(de::Error::custom("a name is given twice"));
            }
            let value = map.next_value_seed(Checked {
                path: Path::Key(&self.path, &key),
                depth: self.depth + 1,
                found: self.found,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_json_names_the_place_of_a_repeated_name() {
        let e = read_json("{\"a\": {\"b-c\": [{\"x\": 1, \"x\": 2}]}}").unwrap_err();
        assert_eq!(
            e,
            ImportError::DuplicateKey {
                key: "x".into(),
                within: Some("a[\"b-c\"][0]".into()),
                line: 1,
                column: 27
            }
        );
        let e = read_json("{\"tier\": 1,\n \"ti\\u0065r\": 2}").unwrap_err();
        assert!(
            matches!(&e, ImportError::DuplicateKey { key, within: None, line: 2, .. } if key == "tier"),
            "{e:?}"
        );
    }

    #[test]
    fn read_json_stops_at_the_depth_limit_and_not_before() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(read_json(&ok).is_ok());
        // The place is the bracket that went one level too deep (serde_json steps over a
        // closing bracket right after it before it reports, hence none here).
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert_eq!(
            read_json(&deep),
            Err(ImportError::TooDeep {
                line: 1,
                column: MAX_DEPTH + 1
            })
        );
    }

    #[test]
    fn read_json_equals_serde_json_on_ordinary_json() {
        let text = r#"{"a": [1, -2, 3.5, "x\u00e9", null, true, {}], "b": {"c": []}}"#;
        assert_eq!(
            read_json(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
        assert_eq!(
            read_json("{} x"),
            Err(ImportError::NotJson { line: 1, column: 4 })
        );
    }
}
