//! Validation of a pack's parts: every mistake, each a kind with the id at fault, in the
//! order the checks meet them (so the first is what [`super::Catalog::new`] refuses with).

use std::collections::BTreeSet;

use super::pack::{CatalogParts, Scale, SubPractice, TierRule};
use crate::domain::ids::{SubPracticeId, Tier};
use crate::domain::sizing::SizingProblem;

/// A mistake in a pack; each kind names the id at fault. `field` is the pack's own field name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogError {
    DuplicateId {
        id: String,
    },
    EmptyText {
        id: String,
        field: &'static str,
    },
    BadSubPracticeId {
        id: String,
    },
    IdDisagrees {
        id: String,
        field: &'static str,
    },
    UnknownPractice {
        sub_practice: String,
        practice: String,
    },
    UnknownThreat {
        practice: String,
        threat: String,
    },
    UnknownCitation {
        threat: String,
        sub_practice: String,
    },
    UnknownLensReference {
        item: String,
        sub_practice: String,
    },
    Scale {
        problem: ScaleProblem,
    },
    Tiers {
        problem: TierProblem,
    },
    Sizing {
        id: String,
        problem: SizingProblem,
    },
}

/// What is wrong with the answer scale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScaleProblem {
    /// Fewer than two choices carry points.
    TooFewScored,
    /// The best choice carries 0 points.
    NothingToEarn,
    ChoiceTwice {
        choice: String,
    },
    /// A choice carries points but does not apply, or applies without points.
    PointsDisagree {
        choice: String,
    },
}

/// What is wrong with the tier rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TierProblem {
    NoRule {
        tier: Tier,
    },
    TwoRules {
        tier: Tier,
    },
    /// A tier requires no set of sub-practices.
    NothingRequired,
}
/// Every mistake in `parts`.
pub(super) fn problems(parts: &CatalogParts) -> Vec<CatalogError> {
    let mut found = Vec::new();
    check_scale(&parts.scale, &mut found);
    check_tiers(&parts.tiers, &mut found);
    found.extend(
        parts
            .sizing
            .problems()
            .into_iter()
            .map(|(id, problem)| CatalogError::Sizing {
                id: id.to_string(),
                problem,
            }),
    );
    let mut seen = BTreeSet::new();
    let known = check_entries(parts, &mut seen, &mut found);
    check_citations(parts, &known, &mut found);
    check_lenses(parts, &known, &mut seen, &mut found);
    found
}

fn non_empty(found: &mut Vec<CatalogError>, id: &str, field: &'static str, text: &str) {
    if text.trim().is_empty() {
        found.push(CatalogError::EmptyText {
            id: id.to_owned(),
            field,
        });
    }
}

/// An id not used before in the pack (`seen` holds those that were).
fn unique(seen: &mut BTreeSet<String>, found: &mut Vec<CatalogError>, id: &str) {
    if !seen.insert(id.to_owned()) {
        found.push(CatalogError::DuplicateId { id: id.to_owned() });
    }
}

/// Threats, practices and sub-practices: ids, texts, and the threats and practice they name.
/// Returns the sub-practice ids.
fn check_entries(
    parts: &CatalogParts,
    seen: &mut BTreeSet<String>,
    found: &mut Vec<CatalogError>,
) -> BTreeSet<SubPracticeId> {
    for t in &parts.threats {
        unique(seen, found, t.id.as_str());
        non_empty(found, t.id.as_str(), "name", &t.name);
        non_empty(found, t.id.as_str(), "summary", &t.summary);
    }
    for p in &parts.practices {
        unique(seen, found, p.id.as_str());
        non_empty(found, p.id.as_str(), "name", &p.name);
        non_empty(found, p.id.as_str(), "summary", &p.summary);
        for t in &p.threats {
            if !parts.threats.iter().any(|x| &x.id == t) {
                found.push(CatalogError::UnknownThreat {
                    practice: p.id.to_string(),
                    threat: t.to_string(),
                });
            }
        }
    }
    let mut known = BTreeSet::new();
    for s in &parts.sub_practices {
        let id = s.id.as_str();
        unique(seen, found, id);
        known.insert(s.id.clone());
        check_sub_practice_id(parts, s, found);
        non_empty(found, id, "title", &s.title);
        if s.questions.is_empty() {
            found.push(CatalogError::EmptyText {
                id: id.to_owned(),
                field: "questions",
            });
        }
        for q in &s.questions {
            non_empty(found, id, "question", q);
        }
        non_empty(found, id, "in_place", &s.in_place);
        non_empty(found, id, "why", &s.why);
        non_empty(found, id, "technical", &s.technical);
        for r in s.nist_csf.refs() {
            non_empty(found, id, "nist_csf", &r.printed);
            if let Some(meant) = &r.reads_as {
                non_empty(found, id, "nist_csf", meant);
                non_empty(found, id, "flag", r.flag.as_deref().unwrap_or_default());
            }
        }
    }
    known
}

/// A sub-practice id reads `<practice>.<S|M|L>.<letter>` and agrees with its practice and tier.
fn check_sub_practice_id(parts: &CatalogParts, s: &SubPractice, found: &mut Vec<CatalogError>) {
    let id = s.id.as_str();
    let Some((number, tier)) = s.id.parts() else {
        found.push(CatalogError::BadSubPracticeId { id: id.to_owned() });
        return;
    };
    let Some(practice) = parts.practices.iter().find(|p| p.id == s.practice) else {
        found.push(CatalogError::UnknownPractice {
            sub_practice: id.to_owned(),
            practice: s.practice.to_string(),
        });
        return;
    };
    if practice.number != number {
        found.push(CatalogError::IdDisagrees {
            id: id.to_owned(),
            field: "practice",
        });
    }
    if tier != s.tier {
        found.push(CatalogError::IdDisagrees {
            id: id.to_owned(),
            field: "tier",
        });
    }
}

/// Threats cite sub-practices that exist.
fn check_citations(
    parts: &CatalogParts,
    known: &BTreeSet<SubPracticeId>,
    found: &mut Vec<CatalogError>,
) {
    for t in &parts.threats {
        for c in t.cited.iter().filter(|c| !known.contains(&c.sub_practice)) {
            found.push(CatalogError::UnknownCitation {
                threat: t.id.to_string(),
                sub_practice: c.sub_practice.to_string(),
            });
        }
    }
}

/// Lenses and their items have their own ids and names, and map to sub-practices that exist.
fn check_lenses(
    parts: &CatalogParts,
    known: &BTreeSet<SubPracticeId>,
    seen: &mut BTreeSet<String>,
    found: &mut Vec<CatalogError>,
) {
    for lens in &parts.lenses {
        unique(seen, found, &lens.id);
        for item in &lens.items {
            unique(seen, found, &item.id);
            non_empty(found, &item.id, "name", &item.name);
            for sp in item.sub_practices.iter().filter(|sp| !known.contains(*sp)) {
                found.push(CatalogError::UnknownLensReference {
                    item: item.id.clone(),
                    sub_practice: sp.to_string(),
                });
            }
        }
    }
}

fn check_scale(scale: &Scale, found: &mut Vec<CatalogError>) {
    let mut problem = |problem| found.push(CatalogError::Scale { problem });
    let scored = scale.choices.iter().filter(|c| c.points.is_some()).count();
    if scored < 2 {
        problem(ScaleProblem::TooFewScored);
    }
    if scale.max_points() == 0 {
        problem(ScaleProblem::NothingToEarn);
    }
    let mut ids = BTreeSet::new();
    for c in &scale.choices {
        if !ids.insert(&c.id) {
            found.push(CatalogError::Scale {
                problem: ScaleProblem::ChoiceTwice {
                    choice: c.id.to_string(),
                },
            });
        }
        non_empty(found, c.id.as_str(), "label", &c.label);
        if c.applies != c.points.is_some() {
            found.push(CatalogError::Scale {
                problem: ScaleProblem::PointsDisagree {
                    choice: c.id.to_string(),
                },
            });
        }
    }
}

fn check_tiers(tiers: &[TierRule], found: &mut Vec<CatalogError>) {
    for tier in Tier::ALL {
        let problem = match tiers.iter().filter(|r| r.id == tier).count() {
            1 => continue,
            0 => TierProblem::NoRule { tier },
            _ => TierProblem::TwoRules { tier },
        };
        found.push(CatalogError::Tiers { problem });
    }
    if tiers.iter().any(|r| r.required.is_empty()) {
        found.push(CatalogError::Tiers {
            problem: TierProblem::NothingRequired,
        });
    }
}
