//! HICP's organization-size "best fit" table, and the rule that turns a person's answers to
//! it into a recommended tier.
//!
//! HICP gives no formula: the reader picks the column that fits best. HICP Check counts one
//! vote per answered factor for the tier that factor points to and recommends the tier with
//! the most votes. Two rules, both data in the pack, settle what the printed table leaves
//! open: a tie goes to the pack's `tie_rule` side, and a count that falls between two printed
//! bands (exactly 300 beds: "51-299" and "over 300") goes to the `gap_rule` side. Factors
//! left unanswered, or answered 0 (not a hospital, say), cast no vote. The person may always
//! choose another tier.

use std::collections::BTreeSet;

use crate::domain::map::Map;

use serde::{Deserialize, Serialize};

use super::ids::{FactorId, Tier};

/// The largest count a size answer may give (no organization has ten million beds).
pub const COUNT_MAX: u32 = 10_000_000;

/// Which way an undecided case leans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lean {
    Larger,
    Smaller,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorKind {
    /// The person picks the description that fits (small / medium / large).
    Bands,
    /// The person enters a number; printed ranges map it to a tier.
    Count,
    /// The person picks an organization type; each type names a tier.
    Choices,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactorChoice {
    pub id: String,
    pub label: String,
    pub tier: Tier,
}

/// One row of the size table.
#[derive(Clone, Debug, PartialEq)]
pub struct SizeFactor {
    pub id: FactorId,
    /// "common", "provider" or "other", as HICP groups its rows.
    pub group: String,
    pub label: String,
    pub kind: FactorKind,
    pub bands: Map<Tier, String>,
    pub unit: Option<String>,
    /// Inclusive `[min, max]` per tier; `max` is absent for the open top band.
    pub ranges: Map<Tier, (u32, Option<u32>)>,
    pub choices: Vec<FactorChoice>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    pub gap_rule: Lean,
    pub tie_rule: Lean,
    pub factors: Vec<SizeFactor>,
}

/// What is wrong with a size factor of a pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizingProblem {
    IdTwice,
    EmptyLabel,
    /// A factor of kind bands without exactly a small, a medium and a large band.
    BandsIncomplete,
    CountNeedsRangesAndUnit,
    /// Count ranges that do not run from small to large without overlap.
    RangesOverlap,
    NoChoices,
}

/// A person's answer to one size factor, as saved and exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum FactorAnswer {
    Band(Tier),
    Count(u32),
    Choice(String),
}

/// Why a factor voted as it did, as data, so that the interface can say it in any language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    NotAnswered,
    /// The person picked HICP's description of a tier.
    Band {
        tier: Tier,
        text: String,
    },
    /// A count of 0: the row does not apply.
    DoesNotApply,
    InRange {
        n: u32,
        unit: String,
        tier: Tier,
        min: u32,
        max: Option<u32>,
    },
    /// Between two printed bands, settled by the pack's gap rule.
    InGap {
        n: u32,
        unit: String,
        tier: Tier,
    },
    Choice {
        tier: Tier,
        label: String,
    },
}

impl Reason {
    /// The tier this reason votes for.
    pub fn vote(&self) -> Option<Tier> {
        match self {
            Reason::Band { tier, .. }
            | Reason::InRange { tier, .. }
            | Reason::InGap { tier, .. }
            | Reason::Choice { tier, .. } => Some(*tier),
            Reason::NotAnswered | Reason::DoesNotApply => None,
        }
    }
}

/// How one factor voted, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorReason {
    pub factor: FactorId,
    pub label: String,
    pub vote: Option<Tier>,
    pub why: Reason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// `None` until at least one factor casts a vote.
    pub tier: Option<Tier>,
    /// Votes for small, medium, large.
    pub votes: [u32; 3],
    pub tied: bool,
    pub reasons: Vec<FactorReason>,
}

impl SizeFactor {
    /// The tier a count falls in, leaning by `gap` when it falls between printed bands.
    fn tier_for_count(&self, n: u32, gap: Lean) -> (Tier, bool) {
        let inside = self
            .ranges
            .iter()
            .find(|(_, &(min, max))| n >= min && max.is_none_or(|max| n <= max));
        if let Some((&tier, _)) = inside {
            return (tier, false);
        }
        let above = self.ranges.iter().find(|(_, &(min, _))| min > n);
        let below = self
            .ranges
            .iter()
            .rev()
            .find(|(_, &(_, max))| max.is_some_and(|max| max < n));
        let pick = match gap {
            Lean::Larger => above.or(below),
            Lean::Smaller => below.or(above),
        };
        (pick.map(|(&t, _)| t).unwrap_or(Tier::Small), true)
    }

    fn vote(&self, answer: Option<&FactorAnswer>, gap: Lean) -> Reason {
        match (self.kind, answer) {
            (FactorKind::Bands, Some(FactorAnswer::Band(t))) => Reason::Band {
                tier: *t,
                text: self.bands.get(t).cloned().unwrap_or_default(),
            },
            (FactorKind::Count, Some(FactorAnswer::Count(0))) => Reason::DoesNotApply,
            (FactorKind::Count, Some(FactorAnswer::Count(n))) => {
                let unit = self.unit.clone().unwrap_or_default();
                let (tier, in_gap) = self.tier_for_count(*n, gap);
                match self.ranges.get(&tier) {
                    Some(&(min, max)) if !in_gap => Reason::InRange {
                        n: *n,
                        unit,
                        tier,
                        min,
                        max,
                    },
                    _ => Reason::InGap { n: *n, unit, tier },
                }
            }
            (FactorKind::Choices, Some(FactorAnswer::Choice(c))) => {
                match self.choices.iter().find(|x| &x.id == c) {
                    Some(choice) => Reason::Choice {
                        tier: choice.tier,
                        label: choice.label.clone(),
                    },
                    None => Reason::NotAnswered,
                }
            }
            _ => Reason::NotAnswered,
        }
    }

    /// Whether `answer` is a possible answer to this factor.
    pub fn accepts(&self, answer: &FactorAnswer) -> bool {
        match (self.kind, answer) {
            (FactorKind::Bands, FactorAnswer::Band(t)) => self.bands.contains_key(t),
            (FactorKind::Count, FactorAnswer::Count(n)) => *n <= COUNT_MAX,
            (FactorKind::Choices, FactorAnswer::Choice(c)) => {
                self.choices.iter().any(|x| &x.id == c)
            }
            _ => false,
        }
    }
}

impl Sizing {
    pub fn factor(&self, id: &FactorId) -> Option<&SizeFactor> {
        self.factors.iter().find(|f| &f.id == id)
    }

    /// Every malformed factor, each with the first thing wrong with it, in pack order.
    pub fn problems(&self) -> Vec<(FactorId, SizingProblem)> {
        let mut ids = BTreeSet::new();
        let mut found = Vec::new();
        for f in &self.factors {
            let problem = if !ids.insert(&f.id) {
                Some(SizingProblem::IdTwice)
            } else if f.label.trim().is_empty() {
                Some(SizingProblem::EmptyLabel)
            } else {
                f.shape_problem()
            };
            if let Some(problem) = problem {
                found.push((f.id.clone(), problem));
            }
        }
        found
    }
}

impl SizeFactor {
    fn shape_problem(&self) -> Option<SizingProblem> {
        match self.kind {
            FactorKind::Bands if self.bands.len() != 3 => Some(SizingProblem::BandsIncomplete),
            FactorKind::Count if self.ranges.is_empty() || self.unit.is_none() => {
                Some(SizingProblem::CountNeedsRangesAndUnit)
            }
            FactorKind::Count => {
                let mut last_max: Option<u32> = None;
                for (i, (_, &(min, max))) in self.ranges.iter().enumerate() {
                    let top = i + 1 == self.ranges.len();
                    if max.is_some_and(|max| max < min) || (max.is_none() && !top) {
                        return Some(SizingProblem::RangesOverlap);
                    }
                    if i > 0 && last_max.is_none_or(|last| min <= last) {
                        return Some(SizingProblem::RangesOverlap);
                    }
                    last_max = max;
                }
                None
            }
            FactorKind::Choices if self.choices.is_empty() => Some(SizingProblem::NoChoices),
            _ => None,
        }
    }
}

/// Recommends a tier from the person's answers (see the module docs for the rule).
pub fn recommend(sizing: &Sizing, answers: &Map<FactorId, FactorAnswer>) -> Recommendation {
    let mut votes = [0u32; 3];
    let reasons: Vec<FactorReason> = sizing
        .factors
        .iter()
        .map(|f| {
            let why = f.vote(answers.get(&f.id), sizing.gap_rule);
            let vote = why.vote();
            if let Some(t) = vote {
                votes[t.index()] += 1;
            }
            FactorReason {
                factor: f.id.clone(),
                label: f.label.clone(),
                vote,
                why,
            }
        })
        .collect();
    let best = votes.iter().copied().max().unwrap_or(0);
    let leaders: Vec<Tier> = Tier::ALL
        .into_iter()
        .filter(|t| best > 0 && votes[t.index()] == best)
        .collect();
    let tier = match sizing.tie_rule {
        Lean::Larger => leaders.last().copied(),
        Lean::Smaller => leaders.first().copied(),
    };
    Recommendation {
        tier,
        votes,
        tied: leaders.len() > 1,
        reasons,
    }
}
