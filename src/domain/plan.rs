//! The action plan: every in-scope gap, most protective first.
//!
//! Order: by how many of the five threats the sub-practice's practice mitigates (most first),
//! then by tier (small, medium, large: the foundations before the advanced), then by how far
//! from "in place" the answer is (fewest points first), then in pack order.

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::date::Date;
use super::ids::{ChoiceId, SubPracticeId, Tier};
use super::order::sorted_by;
use super::scoring::is_gap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanKind {
    /// Known not to be (fully) in place.
    Gap,
    /// Answered "don't know": first find out.
    FindOut,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    pub sub_practice: SubPracticeId,
    pub choice: ChoiceId,
    pub kind: PlanKind,
    pub tier: Tier,
    /// How many of the five threats it helps against.
    pub threats: usize,
    pub owner: String,
    pub target: Option<Date>,
}

pub fn action_plan(catalog: &Catalog, assessment: &Assessment) -> Vec<PlanItem> {
    let Some(tier) = assessment.tier else {
        return Vec::new();
    };
    let items: Vec<(u32, usize, PlanItem)> = catalog
        .in_scope(tier, assessment.include_optional)
        .into_iter()
        .filter_map(|s| {
            let choice_id = assessment.choice(&s.id)?;
            if !is_gap(catalog, Some(choice_id)) {
                return None;
            }
            let choice = catalog.scale().choice(choice_id)?;
            let entry = assessment.plan.get(&s.id).cloned().unwrap_or_default();
            let item = PlanItem {
                sub_practice: s.id.clone(),
                choice: choice.id.clone(),
                kind: if choice.task {
                    PlanKind::FindOut
                } else {
                    PlanKind::Gap
                },
                tier: s.tier,
                threats: catalog.threats_of(s).len(),
                owner: entry.owner,
                target: entry.target,
            };
            Some((choice.points.unwrap_or(0), catalog.position(&s.id)?, item))
        })
        .collect();
    // Pack position last makes the order total, so an unstable sort gives the same result.
    let items = sorted_by(items, &|(pa, ia, a), (pb, ib, b)| {
        b.threats
            .cmp(&a.threats)
            .then(a.tier.cmp(&b.tier))
            .then(pa.cmp(pb))
            .then(ia.cmp(ib))
    });
    items.into_iter().map(|(_, _, item)| item).collect()
}
