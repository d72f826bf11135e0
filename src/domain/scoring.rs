//! Turns answers into coverage: per sub-practice, per practice, per threat and overall.
//!
//! The rules (also in `content/README.md`, pinned by golden tests):
//! - Only the sub-practices in scope for the chosen tier count.
//! - Each answer earns its choice's points; coverage is points earned over the most that the
//!   answered, applicable sub-practices could earn.
//! - "Not applicable" (a choice that does not apply) leaves the denominator.
//! - "Don't know" earns 0 like "not in place", and becomes a "find out" task.
//! - Unanswered sub-practices earn nothing and cost nothing: they are counted and shown as
//!   unanswered, and coverage says over how many answers it was taken.
//! - A threat's coverage is that of the in-scope sub-practices of the practices that mitigate
//!   it (HICP's practice-level threat map).

use crate::domain::map::Map;

use super::assessment::Assessment;
use super::catalog::{Catalog, SubPractice};
use super::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId, Tier};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Sub-practices in scope.
    pub in_scope: u32,
    /// Answered and applicable: the ones coverage is taken over.
    pub assessed: u32,
    pub not_applicable: u32,
    pub unanswered: u32,
    pub points: u32,
    pub max_points: u32,
    /// Answers that became "find out" tasks.
    pub tasks: u32,
    /// How often each choice was given.
    pub by_choice: Map<ChoiceId, u32>,
}

impl Coverage {
    /// Whole percent, rounded half up; `None` while nothing applicable has been answered.
    pub fn percent(&self) -> Option<u32> {
        (self.max_points > 0).then(|| (self.points * 200 + self.max_points) / (2 * self.max_points))
    }

    /// How many in-scope sub-practices have an answer (including "not applicable").
    pub fn answered(&self) -> u32 {
        self.in_scope - self.unanswered
    }

    /// Counts one in-scope sub-practice with its answer.
    pub fn add(&mut self, catalog: &Catalog, choice: Option<&ChoiceId>) {
        self.in_scope += 1;
        let Some(choice) = choice.and_then(|c| catalog.scale().choice(c)) else {
            self.unanswered += 1;
            return;
        };
        *self.by_choice.get_or_default(choice.id.clone()) += 1;
        match choice.points {
            None => self.not_applicable += 1,
            Some(p) => {
                self.assessed += 1;
                self.points += p;
                self.max_points += catalog.scale().max_points();
            }
        }
        if choice.task {
            self.tasks += 1;
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreatResult {
    pub threat: ThreatId,
    pub coverage: Coverage,
    /// In-scope sub-practices behind this threat that are answered but not fully in place.
    pub gaps: Vec<SubPracticeId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Results {
    pub tier: Option<Tier>,
    pub overall: Coverage,
    /// In pack order, practices with nothing in scope left out.
    pub practices: Vec<(PracticeId, Coverage)>,
    /// In pack order.
    pub threats: Vec<ThreatResult>,
}

/// Whether an answer leaves work to do: it applies and earns less than the best choice.
pub fn is_gap(catalog: &Catalog, choice: Option<&ChoiceId>) -> bool {
    choice
        .and_then(|c| catalog.scale().choice(c))
        .and_then(|c| c.points)
        .is_some_and(|p| p < catalog.scale().max_points())
}

/// The sub-practices in scope for the assessment's tier, in pack order; none without a tier.
pub fn scope<'c>(catalog: &'c Catalog, assessment: &Assessment) -> Vec<&'c SubPractice> {
    assessment
        .tier
        .map(|t| catalog.in_scope(t, assessment.include_optional))
        .unwrap_or_default()
}

/// Scores an assessment against its tier. Without a tier nothing is in scope.
///
/// One pass over the sub-practices in scope, each answer looked up once: this runs on every
/// answer, and its cost must not grow faster than the catalogue.
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Results {
    let scope = scope(catalog, assessment);
    let all_practices = catalog.practices();
    let all_threats = catalog.threats();
    // For each practice, the positions of its threats in the pack's list, each once (a pack
    // may name a threat twice; it still mitigates it once).
    let threats_of: Vec<Vec<usize>> = all_practices
        .iter()
        .map(|p| {
            // In the pack's order and each once, without a sort (each sort's code is a copy of
            // its own in the app's wasm).
            all_threats
                .iter()
                .enumerate()
                .filter(|(_, x)| p.threats.contains(&x.id))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let mut overall = Coverage::default();
    let mut by_practice = vec![Coverage::default(); all_practices.len()];
    let mut by_threat = vec![(Coverage::default(), Vec::new()); all_threats.len()];
    // The scope is in pack order, so a practice's sub-practices mostly come one after another.
    let mut last: Option<usize> = None;
    for s in &scope {
        let choice = assessment.choice(&s.id);
        overall.add(catalog, choice);
        let practice = match last.filter(|&i| all_practices[i].id == s.practice) {
            Some(i) => Some(i),
            None => all_practices.iter().position(|p| p.id == s.practice),
        };
        last = practice;
        let Some(i) = practice else { continue };
        by_practice[i].add(catalog, choice);
        for &t in &threats_of[i] {
            let (coverage, gaps) = &mut by_threat[t];
            coverage.add(catalog, choice);
            if is_gap(catalog, choice) {
                gaps.push(s.id.clone());
            }
        }
    }
    let practices = all_practices
        .iter()
        .zip(by_practice)
        .filter(|(_, c)| c.in_scope > 0)
        .map(|(p, c)| (p.id.clone(), c))
        .collect();
    let threats = all_threats
        .iter()
        .zip(by_threat)
        .map(|(t, (coverage, gaps))| ThreatResult {
            threat: t.id.clone(),
            coverage,
            gaps,
        })
        .collect();
    Results {
        tier: assessment.tier,
        overall,
        practices,
        threats,
    }
}
