//! What HICP is, as validated data: threats, practices, sub-practices, the answer scale, the
//! tiers and the size table. A [`Catalog`] can only be built through [`Catalog::new`], which
//! checks every id and reference, so the rest of the program may index it without fear.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;

use super::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId, Tier};
use super::sizing::Sizing;

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

/// A pack that failed validation; each variant names the id at fault.
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
        problem: String,
    },
    Tiers {
        problem: String,
    },
    Sizing {
        id: String,
        problem: String,
    },
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogError::DuplicateId { id } => write!(f, "the id {id} is used twice"),
            CatalogError::EmptyText { id, field } => write!(f, "{id} has an empty {field}"),
            CatalogError::BadSubPracticeId { id } => write!(
                f,
                "{id} is not a sub-practice id of the form <practice>.<S|M|L>.<letter>"
            ),
            CatalogError::IdDisagrees { id, field } => {
                write!(f, "the id {id} does not agree with its {field}")
            }
            CatalogError::UnknownPractice {
                sub_practice,
                practice,
            } => write!(
                f,
                "{sub_practice} names a practice {practice} that does not exist"
            ),
            CatalogError::UnknownThreat { practice, threat } => {
                write!(f, "{practice} names a threat {threat} that does not exist")
            }
            CatalogError::UnknownCitation {
                threat,
                sub_practice,
            } => write!(
                f,
                "{threat} cites a sub-practice {sub_practice} that does not exist"
            ),
            CatalogError::UnknownLensReference { item, sub_practice } => write!(
                f,
                "{item} maps to a sub-practice {sub_practice} that does not exist"
            ),
            CatalogError::Scale { problem } => write!(f, "answer scale: {problem}"),
            CatalogError::Tiers { problem } => write!(f, "tiers: {problem}"),
            CatalogError::Sizing { id, problem } => write!(f, "size factor {id}: {problem}"),
        }
    }
}

impl std::error::Error for CatalogError {}

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
    /// The first problem found, naming the id at fault.
    pub fn new(parts: CatalogParts) -> Result<Catalog, CatalogError> {
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
        check_scale(&scale)?;
        check_tiers(&tiers)?;
        sizing.validate()?;

        let mut seen = BTreeSet::new();
        let mut unique = |id: &str| {
            if seen.insert(id.to_owned()) {
                Ok(())
            } else {
                Err(CatalogError::DuplicateId { id: id.to_owned() })
            }
        };
        for t in &threats {
            unique(t.id.as_str())?;
            non_empty(t.id.as_str(), "name", &t.name)?;
            non_empty(t.id.as_str(), "summary", &t.summary)?;
        }
        for p in &practices {
            unique(p.id.as_str())?;
            non_empty(p.id.as_str(), "name", &p.name)?;
            non_empty(p.id.as_str(), "summary", &p.summary)?;
            for t in &p.threats {
                if !threats.iter().any(|x| &x.id == t) {
                    return Err(CatalogError::UnknownThreat {
                        practice: p.id.to_string(),
                        threat: t.to_string(),
                    });
                }
            }
        }
        let mut sub_index = BTreeMap::new();
        for (i, s) in sub_practices.iter().enumerate() {
            let id = s.id.as_str();
            unique(id)?;
            let (number, tier) =
                s.id.parts()
                    .ok_or_else(|| CatalogError::BadSubPracticeId { id: id.to_owned() })?;
            let practice = practices
                .iter()
                .find(|p| p.id == s.practice)
                .ok_or_else(|| CatalogError::UnknownPractice {
                    sub_practice: id.to_owned(),
                    practice: s.practice.to_string(),
                })?;
            if practice.number != number {
                return Err(CatalogError::IdDisagrees {
                    id: id.to_owned(),
                    field: "practice",
                });
            }
            if tier != s.tier {
                return Err(CatalogError::IdDisagrees {
                    id: id.to_owned(),
                    field: "tier",
                });
            }
            non_empty(id, "title", &s.title)?;
            if s.questions.is_empty() {
                return Err(CatalogError::EmptyText {
                    id: id.to_owned(),
                    field: "questions",
                });
            }
            for q in &s.questions {
                non_empty(id, "question", q)?;
            }
            non_empty(id, "in_place", &s.in_place)?;
            non_empty(id, "why", &s.why)?;
            non_empty(id, "technical", &s.technical)?;
            sub_index.insert(s.id.clone(), i);
        }
        for t in &threats {
            for c in &t.cited {
                if !sub_index.contains_key(&c.sub_practice) {
                    return Err(CatalogError::UnknownCitation {
                        threat: t.id.to_string(),
                        sub_practice: c.sub_practice.to_string(),
                    });
                }
            }
        }
        for lens in &lenses {
            unique(&lens.id)?;
            for item in &lens.items {
                unique(&item.id)?;
                non_empty(&item.id, "name", &item.name)?;
                for sp in &item.sub_practices {
                    if !sub_index.contains_key(sp) {
                        return Err(CatalogError::UnknownLensReference {
                            item: item.id.clone(),
                            sub_practice: sp.to_string(),
                        });
                    }
                }
            }
        }
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

fn non_empty(id: &str, field: &'static str, text: &str) -> Result<(), CatalogError> {
    if text.trim().is_empty() {
        Err(CatalogError::EmptyText {
            id: id.to_owned(),
            field,
        })
    } else {
        Ok(())
    }
}

fn check_scale(scale: &Scale) -> Result<(), CatalogError> {
    let problem = |p: &str| {
        Err(CatalogError::Scale {
            problem: p.to_owned(),
        })
    };
    let scored = scale.choices.iter().filter(|c| c.points.is_some()).count();
    if scored < 2 {
        return problem("it needs at least two choices that carry points");
    }
    if scale.max_points() == 0 {
        return problem("the best choice must carry more than 0 points");
    }
    let mut ids = BTreeSet::new();
    for c in &scale.choices {
        if !ids.insert(&c.id) {
            return problem(&format!("the choice {} is listed twice", c.id));
        }
        non_empty(c.id.as_str(), "label", &c.label)?;
        if c.applies != c.points.is_some() {
            return problem(&format!(
                "the choice {} must carry points exactly when it applies",
                c.id
            ));
        }
    }
    Ok(())
}

fn check_tiers(tiers: &[TierRule]) -> Result<(), CatalogError> {
    for tier in Tier::ALL {
        match tiers.iter().filter(|r| r.id == tier).count() {
            1 => {}
            0 => {
                return Err(CatalogError::Tiers {
                    problem: format!("no rule for the {} tier", tier.key()),
                })
            }
            _ => {
                return Err(CatalogError::Tiers {
                    problem: format!("two rules for the {} tier", tier.key()),
                })
            }
        }
    }
    if tiers.iter().any(|r| r.required.is_empty()) {
        return Err(CatalogError::Tiers {
            problem: "every tier must require at least one set of sub-practices".into(),
        });
    }
    Ok(())
}
