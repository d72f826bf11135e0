//! Sentences about domain results, worded from the string tables so that they read in any
//! language: sizing reasons and recommendations, import errors and warnings, encrypted-file
//! errors, broken content packs, and a host's settings file with mistakes. The domain hands over kinds with their data; every word
//! a person reads is here or in `content/i18n/<language>/messages.json`, never in the domain.

use super::Texts;
use crate::config::{ConfigProblem, Expected};
use crate::content::{ContentError, ContentProblem, PackShape, Want};
use crate::domain::catalog::{CatalogError, ScaleProblem, TierProblem};
use crate::domain::envelope::EnvelopeError;
use crate::domain::sizing::{Reason, Recommendation, SizingProblem};
use crate::domain::transfer::{
    thousands, ImportError, ImportWarning, ShapeProblem, TextField, ValueProblem, FORMAT_VERSION,
    MAX_FILE_BYTES,
};
use crate::domain::Tier;

/// How many unknown sub-practice ids an import error lists before it says "and N more".
pub const UNKNOWN_IDS_SHOWN: usize = 10;

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
        TextField::Evidence(id) => t.fill("field.evidence", &[("id", id.as_str())]),
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
        ImportError::WrongShape { problem } => shape_problem(t, problem),
        ImportError::OtherContentPack { id } => t.fill("import.other_pack", &[("id", id)]),
        ImportError::UnknownSubPractices { ids } => {
            let shown = ids[..ids.len().min(UNKNOWN_IDS_SHOWN)].join(", ");
            if ids.len() > UNKNOWN_IDS_SHOWN {
                let more = thousands(ids.len() - UNKNOWN_IDS_SHOWN);
                t.fill(
                    "import.unknown_ids_more",
                    &[("ids", &shown), ("more", &more)],
                )
            } else {
                t.fill("import.unknown_ids", &[("ids", &shown)])
            }
        }
        ImportError::BadValue { place, problem } => match problem {
            ValueProblem::NoSuchFactor => t.fill("import.no_such_factor", &[("place", place)]),
            ValueProblem::NotAnAnswerTo { factor } => t.fill(
                "import.not_factor_answer",
                &[("place", place), ("factor", factor)],
            ),
            ValueProblem::NotAChoice { choice } => t.fill(
                "import.not_a_choice",
                &[("place", place), ("choice", choice)],
            ),
            ValueProblem::TooManyItems { max } => t.fill(
                "import.too_many_items",
                &[("place", place), ("max", &max.to_string())],
            ),
            other => {
                let key = match other {
                    ValueProblem::NotAnHttpsLink => "import.not_https",
                    ValueProblem::BadItemId => "import.bad_item_id",
                    ValueProblem::BadFileRecord => "import.bad_file_record",
                    _ => "import.not_evidence",
                };
                t.fill(key, &[("place", place)])
            }
        },
        ImportError::TooLong { place, max } => t.fill(
            "import.too_long",
            &[("place", place), ("max", &max.to_string())],
        ),
    }
}

fn shape_problem(t: &Texts, p: &ShapeProblem) -> String {
    match p {
        ShapeProblem::Json {
            detail,
            line: 0,
            column: _,
        } => t.fill("import.damaged", &[("detail", detail)]),
        ShapeProblem::Json {
            detail,
            line,
            column,
        } => t.fill(
            "import.damaged_at",
            &[
                ("detail", detail),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        ShapeProblem::MissingField { field } => t.fill("import.missing_field", &[("field", field)]),
        ShapeProblem::NotAnObject { field: None } => t.get("import.not_an_object").to_owned(),
        ShapeProblem::NotAnObject { field: Some(field) } => {
            t.fill("import.field_not_an_object", &[("field", field)])
        }
        ShapeProblem::NotAChoiceId { id } => t.fill("import.not_a_choice_id", &[("id", id)]),
    }
}

/// A broken content pack, naming its file, as the page that replaces the app says it.
pub fn content_error(t: &Texts, e: &ContentError) -> String {
    let problem = match &e.problem {
        ContentProblem::Json {
            detail,
            line: 0,
            column: _,
        } => detail.clone(),
        ContentProblem::Json {
            detail,
            line,
            column,
        } => t.fill(
            "content.json_at",
            &[
                ("detail", detail),
                ("line", &line.to_string()),
                ("column", &column.to_string()),
            ],
        ),
        ContentProblem::Format { found } => t.fill(
            "content.format",
            &[("found", found), ("expected", crate::content::PACK_FORMAT)],
        ),
        ContentProblem::FormatVersion { found } => t.fill(
            "content.format_version",
            &[
                ("found", &found.to_string()),
                ("current", &crate::content::PACK_FORMAT_VERSION.to_string()),
            ],
        ),
        ContentProblem::Shape { at, shape } => pack_shape(t, at, shape),
        ContentProblem::Catalog(e) => catalog_error(t, e),
        ContentProblem::NotOnSite => t.get("content.not_on_site").to_owned(),
        ContentProblem::Unreachable { detail } => detail.clone(),
    };
    t.fill(
        "content.broken",
        &[("file", &e.file), ("problem", &problem)],
    )
}

/// A misshapen place of a pack: `at` is its path (empty for the top level).
fn pack_shape(t: &Texts, at: &str, shape: &PackShape) -> String {
    let at = if at.is_empty() {
        t.get("content.top_level")
    } else {
        at
    };
    match shape {
        PackShape::Type(want) => {
            let want = t.get(match want {
                Want::Text => "content.want_text",
                Want::Number => "content.want_number",
                Want::Boolean => "content.want_boolean",
                Want::List => "content.want_list",
                Want::Object => "content.want_object",
                Want::Range => "content.want_range",
            });
            t.fill("content.shape_type", &[("at", at), ("want", want)])
        }
        PackShape::Missing { field } => {
            t.fill("content.shape_missing", &[("at", at), ("field", field)])
        }
        PackShape::Unknown { field } => {
            t.fill("content.shape_unknown", &[("at", at), ("field", field)])
        }
        PackShape::Value { found } => {
            t.fill("content.shape_value", &[("at", at), ("found", found)])
        }
    }
}

/// One mistake in a content pack, naming the id at fault: a clause, as
/// [`content_error`] and a pack author's list of mistakes use it.
pub fn catalog_error(t: &Texts, e: &CatalogError) -> String {
    match e {
        CatalogError::DuplicateId { id } => t.fill("catalog.duplicate_id", &[("id", id)]),
        CatalogError::EmptyText { id, field } => {
            t.fill("catalog.empty_text", &[("id", id), ("field", field)])
        }
        CatalogError::BadSubPracticeId { id } => {
            t.fill("catalog.bad_sub_practice_id", &[("id", id)])
        }
        CatalogError::IdDisagrees { id, field } => {
            t.fill("catalog.id_disagrees", &[("id", id), ("field", field)])
        }
        CatalogError::UnknownPractice {
            sub_practice,
            practice,
        } => t.fill(
            "catalog.unknown_practice",
            &[("sub_practice", sub_practice), ("practice", practice)],
        ),
        CatalogError::UnknownThreat { practice, threat } => t.fill(
            "catalog.unknown_threat",
            &[("practice", practice), ("threat", threat)],
        ),
        CatalogError::UnknownCitation {
            threat,
            sub_practice,
        } => t.fill(
            "catalog.unknown_citation",
            &[("threat", threat), ("sub_practice", sub_practice)],
        ),
        CatalogError::UnknownLensReference { item, sub_practice } => t.fill(
            "catalog.unknown_lens_reference",
            &[("item", item), ("sub_practice", sub_practice)],
        ),
        CatalogError::Scale { problem } => match problem {
            ScaleProblem::TooFewScored => t.get("catalog.scale.too_few_scored").to_owned(),
            ScaleProblem::NothingToEarn => t.get("catalog.scale.nothing_to_earn").to_owned(),
            ScaleProblem::ChoiceTwice { choice } => {
                t.fill("catalog.scale.choice_twice", &[("choice", choice)])
            }
            ScaleProblem::PointsDisagree { choice } => {
                t.fill("catalog.scale.points_disagree", &[("choice", choice)])
            }
        },
        CatalogError::Tiers { problem } => match problem {
            TierProblem::NoRule { tier: x } => {
                t.fill("catalog.tiers.no_rule", &[("tier", &tier(t, *x, false))])
            }
            TierProblem::TwoRules { tier: x } => {
                t.fill("catalog.tiers.two_rules", &[("tier", &tier(t, *x, false))])
            }
            TierProblem::NothingRequired => t.get("catalog.tiers.nothing_required").to_owned(),
        },
        CatalogError::Sizing { id, problem } => {
            let key = match problem {
                SizingProblem::IdTwice => "catalog.sizing.id_twice",
                SizingProblem::EmptyLabel => "catalog.sizing.empty_label",
                SizingProblem::BandsIncomplete => "catalog.sizing.bands_incomplete",
                SizingProblem::CountNeedsRangesAndUnit => "catalog.sizing.count_incomplete",
                SizingProblem::RangesOverlap => "catalog.sizing.ranges_overlap",
                SizingProblem::NoChoices => "catalog.sizing.no_choices",
            };
            t.fill(key, &[("id", id)])
        }
    }
}

/// One mistake in a host's settings file, for its webmaster.
pub fn config_problem(t: &Texts, p: &ConfigProblem) -> String {
    match p {
        ConfigProblem::NotJson { line, column } => t.fill(
            "host.settings.not_json",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        ConfigProblem::NotAnObject => t.get("host.settings.not_object").to_owned(),
        ConfigProblem::UnknownField { field } => {
            t.fill("host.settings.unknown_field", &[("field", field)])
        }
        ConfigProblem::WrongValue { field, expected } => t.fill(
            "host.settings.wrong_value",
            &[
                ("field", field),
                ("expected", t.get(expected_key(*expected))),
            ],
        ),
        ConfigProblem::TooLong { field, max } => t.fill(
            "host.settings.too_long",
            &[("field", field), ("max", &thousands(*max))],
        ),
        ConfigProblem::HttpStatus { status } => t.fill(
            "host.settings.http_status",
            &[("status", &status.to_string())],
        ),
        ConfigProblem::Unreachable => t.get("host.settings.unreachable").to_owned(),
    }
}

fn expected_key(e: Expected) -> &'static str {
    match e {
        Expected::Text => "host.expect.text",
        Expected::TrueOrFalse => "host.expect.true_or_false",
        Expected::Tier => "host.expect.tier",
        Expected::StorageMode => "host.expect.storage",
        Expected::List => "host.expect.list",
        Expected::Object => "host.expect.object",
        Expected::HexColor => "host.expect.hex_color",
        Expected::SameSitePath => "host.expect.same_site_path",
        Expected::LinkAddress => "host.expect.link",
        Expected::Origin => "host.expect.origin",
        Expected::NotBlank => "host.expect.not_blank",
    }
}
