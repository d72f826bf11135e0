//! Reads a pack's JSON into its parts, by hand over [`serde_json::Value`].
//!
//! Serde's derives would do the same in far more code: a pack has a dozen record types, and
//! every one of them became its own copy of serde_json's parser in the app's wasm. The app
//! parses JSON into a `Value` anyway (files, settings), so walking that costs little. A
//! mistake names where it is, as a path such as `threats[0].cited[2]`, and what is wrong.

use serde_json::Value;

use super::{ContentProblem, PackShape, Want, PACK_FORMAT, PACK_FORMAT_VERSION};
use crate::domain::catalog::{
    CatalogParts, Choice, Citation, Confidence, Lens, LensItem, NistCsf, NistRef, PackInfo,
    Practice, Scale, SubPractice, Threat, TierRule,
};
use crate::domain::ids::{ChoiceId, FactorId, PracticeId, SubPracticeId, ThreatId, Tier};
use crate::domain::sizing::{FactorChoice, FactorKind, Lean, SizeFactor, Sizing};

mod fields;

use fields::{as_list, as_number, as_string, as_tier, problem, Obj, Read, TIERS};

/// The pack in `text`, as read, before any validation.
pub(super) fn parts(text: &str) -> Read<CatalogParts> {
    let value: Value = serde_json::from_str(text).map_err(|e| ContentProblem::json(&e))?;
    let top = Obj::new(&value, String::new(), TOP)?;
    let format = top.string("format")?;
    if format != PACK_FORMAT {
        return Err(ContentProblem::Format { found: format });
    }
    let version = top.number("format_version")?;
    if version != PACK_FORMAT_VERSION {
        return Err(ContentProblem::FormatVersion { found: version });
    }
    Ok(CatalogParts {
        info: PackInfo {
            id: top.string("id")?,
            content_version: top.string("content_version")?,
            edition: top.string("edition")?,
            language: top.string("language")?,
            title: top.string("title")?,
            source: top.string("source")?,
        },
        scale: scale(&top.object("answer_scale", &["id", "choices"])?)?,
        tiers: top.list("tiers", tier_rule)?,
        sizing: sizing(&top.object("sizing", &["gap_rule", "tie_rule", "factors"])?)?,
        threats: top.list("threats", threat)?,
        practices: top.list("practices", practice)?,
        sub_practices: top.list("sub_practices", sub_practice)?,
        lenses: top.list_or_empty("lenses", lens)?,
    })
}

const TOP: &[&str] = &[
    "format",
    "format_version",
    "id",
    "content_version",
    "edition",
    "language",
    "title",
    "source",
    "answer_scale",
    "tiers",
    "sizing",
    "threats",
    "practices",
    "sub_practices",
    "lenses",
];

/// A tier field (`"small"`, …).
fn tier(o: &Obj, field: &'static str) -> Read<Tier> {
    o.one_of(field, &TIERS).map(|i| Tier::ALL[i])
}

/// How confident a 2023-edition name is; absent or null when the pack gives none.
fn confidence(o: &Obj, field: &'static str) -> Read<Option<Confidence>> {
    if o.get(field).is_none() {
        return Ok(None);
    }
    let all = [Confidence::Verified, Confidence::Corroborated];
    o.one_of(field, &["verified", "corroborated"])
        .map(|i| Some(all[i]))
}

fn scale(o: &Obj) -> Read<Scale> {
    Ok(Scale {
        id: o.string("id")?,
        choices: o.list("choices", |v, at| {
            let known = ["id", "label", "description", "points", "applies", "task"];
            let o = Obj::new(v, at, &known)?;
            Ok(Choice {
                id: ChoiceId::new(o.string("id")?),
                label: o.string("label")?,
                description: o.string("description")?,
                points: o
                    .get("points")
                    .map(|v| as_number(v, &o.at("points")))
                    .transpose()?,
                applies: o.boolean("applies", Some(true))?,
                task: o.boolean("task", Some(false))?,
            })
        })?,
    })
}

fn tier_rule(v: &Value, at: String) -> Read<TierRule> {
    let o = Obj::new(v, at, &["id", "label", "source", "required", "optional"])?;
    let tiers = |field| o.list(field, |v, at| as_tier(v, &at));
    Ok(TierRule {
        id: tier(&o, "id")?,
        label: o.string("label")?,
        source: o.string("source")?,
        required: tiers("required")?,
        optional: tiers("optional")?,
    })
}

fn sizing(o: &Obj) -> Read<Sizing> {
    let lean = |field| {
        o.one_of(field, &["larger", "smaller"])
            .map(|i| [Lean::Larger, Lean::Smaller][i])
    };
    Ok(Sizing {
        gap_rule: lean("gap_rule")?,
        tie_rule: lean("tie_rule")?,
        factors: o.list("factors", size_factor)?,
    })
}

fn size_factor(v: &Value, at: String) -> Read<SizeFactor> {
    let known = [
        "id", "group", "label", "kind", "bands", "unit", "ranges", "choices", "note",
    ];
    let o = Obj::new(v, at, &known)?;
    let kinds = [FactorKind::Bands, FactorKind::Count, FactorKind::Choices];
    Ok(SizeFactor {
        id: FactorId::new(o.string("id")?),
        group: o.string("group")?,
        label: o.string("label")?,
        kind: kinds[o.one_of("kind", &["bands", "count", "choices"])?],
        bands: o.by_tier("bands", |v, at| as_string(v, &at))?,
        unit: o.opt_string("unit")?,
        ranges: o.by_tier("ranges", |v, at| match v.as_array().map(Vec::as_slice) {
            Some([min, max]) => Ok((
                as_number(min, &format!("{at}[0]"))?,
                (!max.is_null())
                    .then(|| as_number(max, &format!("{at}[1]")))
                    .transpose()?,
            )),
            _ => Err(problem(&at, PackShape::Type(Want::Range))),
        })?,
        choices: o.list_or_empty("choices", |v, at| {
            let o = Obj::new(v, at, &["id", "label", "tier"])?;
            Ok(FactorChoice {
                id: o.string("id")?,
                label: o.string("label")?,
                tier: tier(&o, "tier")?,
            })
        })?,
        note: o.opt_string("note")?,
    })
}

fn threat(v: &Value, at: String) -> Read<Threat> {
    let known = [
        "id",
        "number",
        "name",
        "name_2023",
        "name_2023_confidence",
        "summary",
        "cited",
    ];
    let o = Obj::new(v, at, &known)?;
    Ok(Threat {
        id: ThreatId::new(o.string("id")?),
        number: o.number("number")?,
        name: o.string("name")?,
        name_2023: o.opt_string("name_2023")?,
        name_2023_confidence: confidence(&o, "name_2023_confidence")?,
        summary: o.string("summary")?,
        cited: o.list("cited", |v, at| {
            let o = Obj::new(v, at, &["sub_practice", "flag"])?;
            Ok(Citation {
                sub_practice: SubPracticeId::new(o.string("sub_practice")?),
                flag: o.opt_string("flag")?,
            })
        })?,
    })
}

fn practice(v: &Value, at: String) -> Read<Practice> {
    let known = [
        "id",
        "number",
        "name",
        "name_tv2",
        "name_2023",
        "name_2023_confidence",
        "threats",
        "summary",
    ];
    let o = Obj::new(v, at, &known)?;
    Ok(Practice {
        id: PracticeId::new(o.string("id")?),
        number: o.number("number")?,
        name: o.string("name")?,
        name_tv2: o.opt_string("name_tv2")?,
        name_2023: o.opt_string("name_2023")?,
        name_2023_confidence: confidence(&o, "name_2023_confidence")?,
        threats: o
            .strings("threats")?
            .into_iter()
            .map(ThreatId::new)
            .collect(),
        summary: o.string("summary")?,
    })
}

fn sub_practice(v: &Value, at: String) -> Read<SubPractice> {
    let known = [
        "id",
        "practice",
        "tier",
        "title",
        "nist_csf",
        "questions",
        "in_place",
        "why",
        "technical",
    ];
    let o = Obj::new(v, at, &known)?;
    Ok(SubPractice {
        id: SubPracticeId::new(o.string("id")?),
        practice: PracticeId::new(o.string("practice")?),
        tier: tier(&o, "tier")?,
        title: o.string("title")?,
        nist_csf: nist_csf(o.get("nist_csf"), &o.at("nist_csf"))?,
        questions: o.strings("questions")?,
        in_place: o.string("in_place")?,
        why: o.string("why")?,
        technical: o.string("technical")?,
    })
}

/// `"none printed"`, `"not recorded"` (or no field), or the references: each a string, or an
/// object with the printed value and what it reads as.
fn nist_csf(value: Option<&Value>, at: &str) -> Read<NistCsf> {
    let Some(value) = value else {
        return Ok(NistCsf::NotRecorded);
    };
    if let Some(status) = value.as_str() {
        return match status {
            "none printed" => Ok(NistCsf::NonePrinted),
            "not recorded" => Ok(NistCsf::NotRecorded),
            found => Err(problem(
                at,
                PackShape::Value {
                    found: found.to_owned(),
                },
            )),
        };
    }
    let refs = as_list(value, at, |v, at| {
        if let Some(printed) = v.as_str() {
            return Ok(NistRef {
                printed: printed.to_owned(),
                reads_as: None,
                flag: None,
            });
        }
        let o = Obj::new(v, at, &["printed", "reads_as", "flag"])?;
        Ok(NistRef {
            printed: o.string("printed")?,
            reads_as: o.opt_string("reads_as")?,
            flag: o.opt_string("flag")?,
        })
    })?;
    Ok(if refs.is_empty() {
        NistCsf::NonePrinted
    } else {
        NistCsf::Printed(refs)
    })
}

fn lens(v: &Value, at: String) -> Read<Lens> {
    let o = Obj::new(v, at, &["id", "name", "provisional", "note", "items"])?;
    Ok(Lens {
        id: o.string("id")?,
        name: o.string("name")?,
        provisional: o.boolean("provisional", None)?,
        note: o.string("note")?,
        items: o.list("items", |v, at| {
            let known = [
                "id",
                "label",
                "group",
                "name",
                "name_confirmed",
                "sub_practices",
            ];
            let o = Obj::new(v, at, &known)?;
            Ok(LensItem {
                id: o.string("id")?,
                label: o.string("label")?,
                group: o.string("group")?,
                name: o.string("name")?,
                name_confirmed: o.boolean("name_confirmed", None)?,
                sub_practices: o
                    .strings("sub_practices")?
                    .into_iter()
                    .map(SubPracticeId::new)
                    .collect(),
            })
        })?,
    })
}
