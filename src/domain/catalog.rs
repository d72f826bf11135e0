//! What HICP is, as validated data: threats, practices, sub-practices, the answer scale, the
//! tiers and the size table. A [`Catalog`] can only be built through [`Catalog::new`], which
//! checks every id and reference, so the rest of the program may index it without fear.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId, Tier};
use super::sizing::{Sizing, SizingProblem};

/// How confident the reference is of a 2023-edition name. Only corroborated or verified names
/// are carried at all; anything less stays out of the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Verified,
    Corroborated,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    pub sub_practice: SubPracticeId,
    /// Set where the printed table looks like an editorial slip; shown beside the citation.
    #[serde(default)]
    pub flag: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threat {
    pub id: ThreatId,
    pub number: u32,
    pub name: String,
    #[serde(default)]
    pub name_2023: Option<String>,
    #[serde(default)]
    pub name_2023_confidence: Option<Confidence>,
    pub summary: String,
    /// The sub-practices HICP's threat table names under "practices to consider".
    pub cited: Vec<Citation>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    pub id: PracticeId,
    pub number: u32,
    pub name: String,
    /// The chapter name in Technical Volume 2, where it differs.
    #[serde(default)]
    pub name_tv2: Option<String>,
    #[serde(default)]
    pub name_2023: Option<String>,
    #[serde(default)]
    pub name_2023_confidence: Option<Confidence>,
    pub threats: Vec<ThreatId>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubPractice {
    pub id: SubPracticeId,
    pub practice: PracticeId,
    pub tier: Tier,
    pub title: String,
    /// NIST CSF v1.1 references as printed; `None` where the source prints none (the small
    /// tier), empty where it prints "N/A".
    #[serde(default)]
    pub nist_csf: Option<Vec<String>>,
    pub questions: Vec<String>,
    pub in_place: String,
    pub why: String,
    pub technical: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: String,
    pub description: String,
    /// Credit towards coverage; absent for "not applicable", which leaves the denominator.
    #[serde(default)]
    pub points: Option<u32>,
    #[serde(default = "yes")]
    pub applies: bool,
    /// The answer turns into a "find out" task on the action plan.
    #[serde(default)]
    pub task: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub choices: Vec<Choice>,
}

impl Scale {
    pub fn choice(&self, id: &ChoiceId) -> Option<&Choice> {
        self.choices.iter().find(|c| &c.id == id)
    }

    /// The credit of the best answer, the denominator's unit.
    pub fn max_points(&self) -> u32 {
        self.choices
            .iter()
            .filter_map(|c| c.points)
            .max()
            .unwrap_or(0)
    }
}

/// Which sub-practice tiers an organization of a tier checks itself against.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierRule {
    pub id: Tier,
    pub label: String,
    pub source: String,
    pub required: Vec<Tier>,
    pub optional: Vec<Tier>,
}

/// One item of a lens: a goal of another framework and the sub-practices it maps to.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LensItem {
    pub id: String,
    /// A short label such as "E1".
    pub label: String,
    pub group: String,
    pub name: String,
    /// False where the goal's name is not yet confirmed against its source.
    pub name_confirmed: bool,
    pub sub_practices: Vec<SubPracticeId>,
}

/// Another framework's view of the same answers, such as the HHS Cybersecurity Performance
/// Goals, mapped onto sub-practices.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lens {
    pub id: String,
    pub name: String,
    /// The mapping is the pack author's own and not confirmed by the framework's publisher.
    pub provisional: bool,
    pub note: String,
    pub items: Vec<LensItem>,
}

/// Facts about the pack itself, written into every export.
#[derive(Clone, Debug, PartialEq)]
pub struct PackInfo {
    pub id: String,
    pub content_version: String,
    pub edition: String,
    pub language: String,
    pub title: String,
    pub source: String,
}

/// Everything [`Catalog::new`] takes, as read from a pack.
#[derive(Clone, Debug)]
pub struct CatalogParts {
    pub info: PackInfo,
    pub scale: Scale,
    pub tiers: Vec<TierRule>,
    pub sizing: Sizing,
    pub threats: Vec<Threat>,
    pub practices: Vec<Practice>,
    pub sub_practices: Vec<SubPractice>,
    pub lenses: Vec<Lens>,
}

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

/// A validated content pack. Fields are private: every reference inside is known to resolve.
#[derive(Clone, Debug)]
pub struct Catalog {
    info: PackInfo,
    scale: Scale,
    tiers: Vec<TierRule>,
    sizing: Sizing,
    threats: Vec<Threat>,
    practices: Vec<Practice>,
    sub_practices: Vec<SubPractice>,
    lenses: Vec<Lens>,
    sub_index: BTreeMap<SubPracticeId, usize>,
}

impl Catalog {
    /// Validates a pack: unique ids; sub-practice ids agree with their practice and tier;
    /// every reference resolves; texts a person reads are not empty; the scale has at least
    /// two scored choices; every tier has a rule; size factors are well formed.
    ///
    /// # Errors
    /// The first mistake found, naming the id at fault ([`Catalog::problems`] finds them all).
    pub fn new(parts: CatalogParts) -> Result<Catalog, CatalogError> {
        if let Some(first) = Catalog::problems(&parts).into_iter().next() {
            return Err(first);
        }
        let CatalogParts {
            info,
            scale,
            tiers,
            sizing,
            threats,
            practices,
            sub_practices,
            lenses,
        } = parts;
        let sub_index = sub_practices
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Ok(Catalog {
            lenses,
            info,
            scale,
            tiers,
            sizing,
            threats,
            practices,
            sub_practices,
            sub_index,
        })
    }

    /// Every mistake in a pack, in the order [`Catalog::new`] meets them (its error is the
    /// first of these); empty for a pack that validates. A mistake is reported once: an id
    /// that cannot be read is not also reported as disagreeing with its practice.
    pub fn problems(parts: &CatalogParts) -> Vec<CatalogError> {
        let mut found = Vec::new();
        check_scale(&parts.scale, &mut found);
        check_tiers(&parts.tiers, &mut found);
        found.extend(parts.sizing.problems().into_iter().map(|(id, problem)| {
            CatalogError::Sizing {
                id: id.to_string(),
                problem,
            }
        }));
        let mut seen = BTreeSet::new();
        let known = check_entries(parts, &mut seen, &mut found);
        check_citations(parts, &known, &mut found);
        check_lenses(parts, &known, &mut seen, &mut found);
        found
    }

    pub fn info(&self) -> &PackInfo {
        &self.info
    }

    pub fn lenses(&self) -> &[Lens] {
        &self.lenses
    }

    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    pub fn sizing(&self) -> &Sizing {
        &self.sizing
    }

    pub fn threats(&self) -> &[Threat] {
        &self.threats
    }

    pub fn practices(&self) -> &[Practice] {
        &self.practices
    }

    /// All sub-practices, in pack order (practice by practice, small then medium then large).
    pub fn sub_practices(&self) -> &[SubPractice] {
        &self.sub_practices
    }

    pub fn sub_practice(&self, id: &SubPracticeId) -> Option<&SubPractice> {
        self.sub_index.get(id).map(|&i| &self.sub_practices[i])
    }

    /// Position in pack order: the tie-breaker wherever lists are sorted.
    pub fn position(&self, id: &SubPracticeId) -> Option<usize> {
        self.sub_index.get(id).copied()
    }

    pub fn practice(&self, id: &PracticeId) -> Option<&Practice> {
        self.practices.iter().find(|p| &p.id == id)
    }

    pub fn threat(&self, id: &ThreatId) -> Option<&Threat> {
        self.threats.iter().find(|t| &t.id == id)
    }

    pub fn tier_rule(&self, tier: Tier) -> &TierRule {
        self.tiers
            .iter()
            .find(|r| r.id == tier)
            .expect("Catalog::new checked that every tier has a rule")
    }

    /// The threats a sub-practice helps against: those of its practice.
    pub fn threats_of(&self, sub: &SubPractice) -> &[ThreatId] {
        self.practice(&sub.practice)
            .map(|p| p.threats.as_slice())
            .unwrap_or(&[])
    }

    /// How many sub-practices of each tier a practice has (small, medium, large).
    pub fn tier_counts(&self, practice: Option<&PracticeId>) -> [usize; 3] {
        let mut counts = [0; 3];
        for s in &self.sub_practices {
            if practice.is_none_or(|p| &s.practice == p) {
                counts[s.tier.index()] += 1;
            }
        }
        counts
    }

    /// The sub-practices an organization of `tier` checks itself against, in pack order:
    /// the tier's required set, plus its optional set when `include_optional` is set.
    pub fn in_scope(&self, tier: Tier, include_optional: bool) -> Vec<&SubPractice> {
        let rule = self.tier_rule(tier);
        self.sub_practices
            .iter()
            .filter(|s| {
                rule.required.contains(&s.tier)
                    || (include_optional && rule.optional.contains(&s.tier))
            })
            .collect()
    }
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
