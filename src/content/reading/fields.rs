//! The walker under the pack reader: one object of the pack with where it sits, and its
//! fields read as text, numbers, booleans, lists, names from a fixed set, or objects keyed by
//! tier. Every mistake is a [`ContentProblem::Shape`] naming its path.

use crate::domain::map::Map;

use serde_json::{Map as JsonMap, Value};

use super::super::{ContentProblem, PackShape, Want};
use crate::domain::ids::Tier;

pub(super) type Read<T> = Result<T, ContentProblem>;

/// One object of the pack, with where it sits; refuses a field it does not know.
pub(super) struct Obj<'a> {
    map: &'a JsonMap<String, Value>,
    at: String,
}

pub(super) fn problem(at: &str, shape: PackShape) -> ContentProblem {
    ContentProblem::Shape {
        at: at.to_owned(),
        shape,
    }
}

impl<'a> Obj<'a> {
    pub(super) fn new(value: &'a Value, at: String, known: &[&str]) -> Read<Obj<'a>> {
        let Some(map) = value.as_object() else {
            return Err(problem(&at, PackShape::Type(Want::Object)));
        };
        if let Some(field) = map.keys().find(|k| !known.contains(&k.as_str())) {
            let field = field.clone();
            return Err(problem(&at, PackShape::Unknown { field }));
        }
        Ok(Obj { map, at })
    }

    pub(super) fn at(&self, field: &str) -> String {
        if self.at.is_empty() {
            field.to_owned()
        } else {
            format!("{}.{field}", self.at)
        }
    }

    /// The field, or `None` when it is absent or null.
    pub(super) fn get(&self, field: &str) -> Option<&'a Value> {
        self.map.get(field).filter(|v| !v.is_null())
    }

    pub(super) fn need(&self, field: &'static str) -> Read<&'a Value> {
        self.map
            .get(field)
            .ok_or_else(|| problem(&self.at, PackShape::Missing { field }))
    }

    pub(super) fn string(&self, field: &'static str) -> Read<String> {
        as_string(self.need(field)?, &self.at(field))
    }

    pub(super) fn opt_string(&self, field: &str) -> Read<Option<String>> {
        self.get(field)
            .map(|v| as_string(v, &self.at(field)))
            .transpose()
    }

    pub(super) fn number(&self, field: &'static str) -> Read<u32> {
        as_number(self.need(field)?, &self.at(field))
    }

    pub(super) fn boolean(&self, field: &'static str, absent: Option<bool>) -> Read<bool> {
        let value = match (self.map.get(field), absent) {
            (None, Some(default)) => return Ok(default),
            (value, _) => value.ok_or_else(|| problem(&self.at, PackShape::Missing { field }))?,
        };
        value
            .as_bool()
            .ok_or_else(|| problem(&self.at(field), PackShape::Type(Want::Boolean)))
    }

    pub(super) fn object(&self, field: &'static str, known: &[&str]) -> Read<Obj<'a>> {
        Obj::new(self.need(field)?, self.at(field), known)
    }

    pub(super) fn list<T>(
        &self,
        field: &'static str,
        item: fn(&Value, String) -> Read<T>,
    ) -> Read<Vec<T>> {
        as_list(self.need(field)?, &self.at(field), item)
    }

    pub(super) fn list_or_empty<T>(
        &self,
        field: &str,
        item: fn(&Value, String) -> Read<T>,
    ) -> Read<Vec<T>> {
        match self.map.get(field) {
            None => Ok(Vec::new()),
            Some(v) => as_list(v, &self.at(field), item),
        }
    }

    pub(super) fn strings(&self, field: &'static str) -> Read<Vec<String>> {
        self.list(field, |v, at| as_string(v, &at))
    }

    /// A field whose value is one of `names`, returned as its position in them.
    pub(super) fn one_of(&self, field: &'static str, names: &[&str]) -> Read<usize> {
        let at = self.at(field);
        let name = as_string(self.need(field)?, &at)?;
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| problem(&at, PackShape::Value { found: name }))
    }

    /// An object keyed by tier (`"small"`, …), each value read by `item`.
    pub(super) fn by_tier<T>(
        &self,
        field: &str,
        item: fn(&Value, String) -> Read<T>,
    ) -> Read<Map<Tier, T>> {
        let Some(value) = self.map.get(field) else {
            return Ok(Map::new());
        };
        let tiers = Obj::new(value, self.at(field), &TIERS)?;
        let mut out = Map::new();
        for (key, v) in tiers.map {
            let tier = Tier::from_key(key).expect("Obj::new admits tier keys only");
            out.insert(tier, item(v, tiers.at(key))?);
        }
        Ok(out)
    }
}

pub(super) const TIERS: [&str; 3] = ["small", "medium", "large"];

pub(super) fn as_string(value: &Value, at: &str) -> Read<String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| problem(at, PackShape::Type(Want::Text)))
}

pub(super) fn as_number(value: &Value, at: &str) -> Read<u32> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| problem(at, PackShape::Type(Want::Number)))
}

pub(super) fn as_list<T>(
    value: &Value,
    at: &str,
    item: fn(&Value, String) -> Read<T>,
) -> Read<Vec<T>> {
    let items = value
        .as_array()
        .ok_or_else(|| problem(at, PackShape::Type(Want::List)))?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.iter().enumerate() {
        out.push(item(v, format!("{at}[{i}]"))?);
    }
    Ok(out)
}

/// A tier's name (`"small"`, …) as a [`Tier`].
pub(super) fn as_tier(value: &Value, at: &str) -> Read<Tier> {
    let name = as_string(value, at)?;
    Tier::from_key(&name).ok_or_else(|| problem(at, PackShape::Value { found: name }))
}
