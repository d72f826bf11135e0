//! Sentences about domain results, worded from the string tables so that they read in any
//! language: sizing reasons and recommendations, import errors and warnings, encrypted-file
//! errors, a host's settings file with mistakes, and (in `messages/content.rs`) broken
//! content packs. The domain hands over kinds with their data; every word a person reads is
//! here or in `content/i18n/<language>/messages.json`, never in the domain.

use super::Texts;
use crate::config::{ConfigProblem, Expected};
use crate::domain::envelope::EnvelopeError;
use crate::domain::sizing::{Reason, Recommendation};
use crate::domain::transfer::{
    thousands, ImportError, ImportWarning, ShapeProblem, TextField, ValueProblem, FORMAT_VERSION,
    MAX_FILE_BYTES,
};
use crate::domain::Tier;

mod content;
mod team;

pub use content::{broken_pack, catalog_error, content_error};
pub use team::{refusal, taken};

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
                ("label", &crate::domain::case::lowercase(label)),
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
        TextField::Team => t.get("field.team").to_owned(),
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
                    ValueProblem::NotARequest => "import.not_a_request",
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
