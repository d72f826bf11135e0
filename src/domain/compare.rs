//! Comparing two assessments of the same organization (last year's and this year's, say):
//! what improved, what slipped, and what is new, per sub-practice, practice and threat. The
//! scope is the later assessment's tier.

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId};
use super::scoring::{scope, score};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Improved,
    Slipped,
    /// Answered now, unanswered or not applicable before.
    New,
    /// Not applicable now, answered before.
    NowNotApplicable,
    /// Unanswered now, answered before.
    NowUnanswered,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange {
    pub sub_practice: SubPracticeId,
    pub before: Option<ChoiceId>,
    pub after: Option<ChoiceId>,
    pub change: Change,
}

/// Coverage percent before and after.
pub type Delta<T> = (T, Option<u32>, Option<u32>);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Only the sub-practices whose answer changed, in pack order.
    pub changes: Vec<ItemChange>,
    /// Per practice and per threat, in pack order.
    pub practices: Vec<Delta<PracticeId>>,
    pub threats: Vec<Delta<ThreatId>>,
    pub overall: (Option<u32>, Option<u32>),
}

impl Comparison {
    pub fn count(&self, change: Change) -> usize {
        self.changes.iter().filter(|c| c.change == change).count()
    }
}

/// Compares `before` with `after`, over `after`'s scope (`before` is scored on it too).
pub fn compare(catalog: &Catalog, before: &Assessment, after: &Assessment) -> Comparison {
    // Outer None: unanswered; inner None: not applicable.
    let points = |a: &Assessment, id: &SubPracticeId| {
        a.choice(id)
            .and_then(|c| catalog.scale().choice(c))
            .map(|c| c.points)
    };
    let scope = scope(catalog, after);
    let mut changes = Vec::new();
    for s in scope {
        let change = match (points(before, &s.id), points(after, &s.id)) {
            (Some(Some(b)), Some(Some(a))) if a > b => Change::Improved,
            (Some(Some(b)), Some(Some(a))) if a < b => Change::Slipped,
            (None | Some(None), Some(Some(_))) => Change::New,
            (Some(Some(_)), Some(None)) => Change::NowNotApplicable,
            (Some(_), None) => Change::NowUnanswered,
            _ => continue,
        };
        changes.push(ItemChange {
            sub_practice: s.id.clone(),
            before: before.choice(&s.id).cloned(),
            after: after.choice(&s.id).cloned(),
            change,
        });
    }
    let mut rescoped = before.clone();
    rescoped.tier = after.tier;
    rescoped.include_optional = after.include_optional;
    let (b, a) = (score(catalog, &rescoped), score(catalog, after));
    Comparison {
        changes,
        practices: a
            .practices
            .iter()
            .zip(&b.practices)
            .map(|((id, ca), (_, cb))| (id.clone(), cb.percent(), ca.percent()))
            .collect(),
        threats: a
            .threats
            .iter()
            .zip(&b.threats)
            .map(|(ta, tb)| {
                let before = tb.coverage.percent();
                (ta.threat.clone(), before, ta.coverage.percent())
            })
            .collect(),
        overall: (b.overall.percent(), a.overall.percent()),
    }
}
