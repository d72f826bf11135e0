//! The respondent-file fields of version 4, read and written by hand over `serde_json::Value`
//! (serde code of their own would weigh on every first visit): `requests`, the files a
//! coordinator prepared, and `asked`, what a respondent file asks.

use serde_json::{Map, Value};

use super::error::{ImportError, ValueProblem};
use super::json::fields_are;
use crate::domain::catalog::Catalog;
use crate::domain::date::Timestamp;
use crate::domain::ids::SubPracticeId;
use crate::domain::team::{Asked, Request, Sent};

/// The most respondent files one assessment keeps a record of.
pub const REQUESTS_MAX: usize = 200;

pub(super) fn requests_value(requests: &[Sent]) -> Value {
    let list = requests.iter().map(|s| {
        let mut o = request_fields(&s.request);
        let merged = s.merged.iter().map(|t| t.to_string().into()).collect();
        o.insert("merged".into(), Value::Array(merged));
        Value::Object(o)
    });
    Value::Array(list.collect())
}

pub(super) fn asked_value(asked: Option<&Asked>) -> Value {
    let Some(a) = asked else {
        return Value::Null;
    };
    let mut o = request_fields(&a.request);
    let answered = a
        .answered
        .as_ref()
        .map_or(Value::Null, |t| t.to_string().into());
    o.insert("answered".into(), answered);
    o.insert("fingerprint".into(), a.fingerprint.clone().into());
    Value::Object(o)
}

fn request_fields(r: &Request) -> Map<String, Value> {
    let mut o = Map::new();
    o.insert("id".into(), r.id.clone().into());
    o.insert("respondent".into(), r.respondent.clone().into());
    o.insert("message".into(), r.message.clone().into());
    let scope = r.scope.iter().map(|s| s.to_string().into()).collect();
    o.insert("scope".into(), Value::Array(scope));
    o.insert("sent".into(), r.sent.to_string().into());
    o
}

/// The fields of a prepared file's record, and of what a respondent file asks.
const SENT: [&str; 6] = ["id", "respondent", "message", "scope", "sent", "merged"];
const ASKED: [&str; 7] = [
    "id",
    "respondent",
    "message",
    "scope",
    "sent",
    "answered",
    "fingerprint",
];

fn bad(place: String) -> ImportError {
    ImportError::BadValue {
        place,
        problem: ValueProblem::NotARequest,
    }
}

/// The prepared respondent files of a file; none when it has no `requests`.
pub(super) fn requests_of(catalog: &Catalog, v: &Value) -> Result<Vec<Sent>, ImportError> {
    let list = match v {
        Value::Null => return Ok(Vec::new()),
        Value::Array(list) if list.len() <= REQUESTS_MAX => list,
        _ => return Err(bad("requests".into())),
    };
    let mut out: Vec<Sent> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let place = || format!("requests[{i}]");
        if !fields_are(v, &SENT, &[]) {
            return Err(bad(place()));
        }
        let request = request_of(catalog, v).ok_or_else(|| bad(place()))?;
        if out.iter().any(|s| s.request.id == request.id) {
            return Err(bad(place()));
        }
        let mut merged = Vec::new();
        for t in v["merged"].as_array().ok_or_else(|| bad(place()))? {
            merged.push(timestamp(t).ok_or_else(|| bad(place()))?);
        }
        out.push(Sent { request, merged });
    }
    Ok(out)
}

/// What a respondent file asks; `None` for any other file.
pub(super) fn asked_of(catalog: &Catalog, v: &Value) -> Result<Option<Asked>, ImportError> {
    if v.is_null() {
        return Ok(None);
    }
    let bad = || bad("asked".into());
    if !fields_are(v, &ASKED, &[]) {
        return Err(bad());
    }
    let request = request_of(catalog, v).ok_or_else(bad)?;
    let answered = match &v["answered"] {
        Value::Null => None,
        t => Some(timestamp(t).ok_or_else(bad)?),
    };
    let fingerprint = v["fingerprint"].as_str().ok_or_else(bad)?;
    let hex = fingerprint
        .bytes()
        .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !hex || !matches!(fingerprint.len(), 0 | 64) {
        return Err(bad());
    }
    Ok(Some(Asked {
        request,
        answered,
        fingerprint: fingerprint.to_owned(),
    }))
}

fn timestamp(v: &Value) -> Option<Timestamp> {
    v.as_str()?.parse().ok()
}

/// A request's own fields, its scope only of the pack's sub-practices.
fn request_of(catalog: &Catalog, v: &Value) -> Option<Request> {
    let id = v["id"].as_str()?;
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    let mut scope = Vec::new();
    for s in v["scope"].as_array()? {
        let id = SubPracticeId::new(s.as_str()?);
        catalog.sub_practice(&id)?;
        scope.push(id);
    }
    let respondent = v["respondent"].as_str()?;
    if !id_ok || scope.is_empty() || respondent.trim().is_empty() {
        return None;
    }
    Some(Request::new(
        id.to_owned(),
        respondent.to_owned(),
        v["message"].as_str()?.to_owned(),
        scope,
        timestamp(&v["sent"])?,
    ))
}
