//! Sentences about content packs: a broken pack, a misshapen place in its JSON, and each
//! mistake validation finds, naming the id at fault.

use super::tier;
use crate::content::{ContentError, ContentProblem, PackShape, Want};
use crate::domain::catalog::{CatalogError, ScaleProblem, TierProblem};
use crate::domain::sizing::SizingProblem;
use crate::i18n::Texts;

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
    broken_pack(t, &e.file, &problem)
}

/// A content pack that cannot be used: its `file`, and the `problem` worded.
pub fn broken_pack(t: &Texts, file: &str, problem: &str) -> String {
    t.fill("content.broken", &[("file", file), ("problem", problem)])
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
