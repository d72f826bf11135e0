//! Older file versions, brought up to the current one step by step.

use serde_json::Value;

use super::error::{ImportError, ShapeProblem};
use super::text::truncated;
use super::FORMAT_VERSION;

/// Brings an older file up to the current version, one step at a time.
///
/// # Errors
/// [`ImportError::UnknownVersion`] for a version no build of HICP Check ever wrote.
pub fn upgrade(mut file: Value, version: u64) -> Result<Value, ImportError> {
    let mut v = version;
    while v < FORMAT_VERSION {
        file = match v {
            1 => v1_to_v2(file)?,
            2 => v2_to_v3(file)?,
            3 => v3_to_v4(file)?,
            _ => {
                return Err(ImportError::UnknownVersion {
                    version: v.to_string(),
                })
            }
        };
        v += 1;
    }
    Ok(file)
}

/// Version 1 kept `answers` as bare choice ids and had no plan.
fn v1_to_v2(mut file: Value) -> Result<Value, ImportError> {
    let shape = |problem| ImportError::WrongShape { problem };
    let obj = file
        .as_object_mut()
        .ok_or_else(|| shape(ShapeProblem::NotAnObject { field: None }))?;
    let answers = obj
        .remove("answers")
        .ok_or_else(|| shape(ShapeProblem::MissingField { field: "answers" }))?;
    let answers = answers.as_object().ok_or_else(|| {
        shape(ShapeProblem::NotAnObject {
            field: Some("answers"),
        })
    })?;
    let mut upgraded = serde_json::Map::new();
    for (id, choice) in answers {
        let choice = choice
            .as_str()
            .ok_or_else(|| shape(ShapeProblem::NotAChoiceId { id: truncated(id) }))?;
        upgraded.insert(
            id.clone(),
            serde_json::json!({ "choice": choice, "note": "", "since": null }),
        );
    }
    obj.insert("answers".into(), Value::Object(upgraded));
    obj.insert("plan".into(), Value::Object(serde_json::Map::new()));
    obj.insert("include_optional".into(), Value::Bool(false));
    obj.insert("format_version".into(), Value::from(2));
    Ok(file)
}

/// Version 2 had no evidence.
fn v2_to_v3(mut file: Value) -> Result<Value, ImportError> {
    let obj = file.as_object_mut().ok_or(ImportError::WrongShape {
        problem: ShapeProblem::NotAnObject { field: None },
    })?;
    obj.insert("evidence".into(), Value::Object(serde_json::Map::new()));
    obj.insert("format_version".into(), Value::from(3));
    Ok(file)
}

/// Version 3 had no respondent files, and its answers did not say who gave them.
fn v3_to_v4(mut file: Value) -> Result<Value, ImportError> {
    let obj = file.as_object_mut().ok_or(ImportError::WrongShape {
        problem: ShapeProblem::NotAnObject { field: None },
    })?;
    if let Some(Value::Object(answers)) = obj.get_mut("answers") {
        for answer in answers.values_mut().filter_map(Value::as_object_mut) {
            answer.insert("by".into(), Value::from(""));
            answer.insert("at".into(), Value::Null);
        }
    }
    obj.insert("requests".into(), Value::Array(Vec::new()));
    obj.insert("asked".into(), Value::Null);
    obj.insert("format_version".into(), Value::from(4));
    Ok(file)
}
