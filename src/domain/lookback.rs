//! The recognized-security-practices look-back: Public Law 116-321 asks HHS to consider
//! recognized security practices (HICP among them) that were in place for the previous 12
//! months. From the "in place since" dates, which in-scope sub-practices qualify on a date,
//! and from the evidence's "as of" dates, how far what shows it reaches back. All of it is
//! self-reported.

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::date::Date;
use super::evidence::{cover, Cover};
use super::ids::SubPracticeId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LookBack {
    pub as_of: Date,
    /// The first day of the 12 months before `as_of`.
    pub window_start: Date,
    /// In place since on or before `window_start`.
    pub qualifying: Vec<(SubPracticeId, Date)>,
    /// In place, but since a date inside the window or after `as_of`.
    pub too_recent: Vec<(SubPracticeId, Date)>,
    /// In place, with no "in place since" date.
    pub undated: Vec<SubPracticeId>,
    /// In-scope sub-practices not answered "in place" (including unanswered).
    pub not_in_place: usize,
    /// How far the evidence of every in-scope sub-practice reaches back, in pack order.
    pub evidence: Vec<(SubPracticeId, Cover)>,
}

/// Which sub-practices have been in place for the 12 months before `as_of`.
pub fn look_back(catalog: &Catalog, assessment: &Assessment, as_of: Date) -> LookBack {
    let window_start = as_of.years_before(1);
    let best = catalog.scale().max_points();
    let mut r = LookBack {
        as_of,
        window_start,
        qualifying: Vec::new(),
        too_recent: Vec::new(),
        undated: Vec::new(),
        not_in_place: 0,
        evidence: Vec::new(),
    };
    let Some(tier) = assessment.tier else {
        return r;
    };
    for s in catalog.in_scope(tier, assessment.include_optional) {
        let items = assessment
            .evidence
            .get(&s.id)
            .map_or(&[][..], Vec::as_slice);
        r.evidence
            .push((s.id.clone(), cover(items, as_of, window_start)));
        let answer = assessment.answers.get(&s.id);
        let in_place = answer
            .and_then(|a| a.choice.as_ref())
            .and_then(|c| catalog.scale().choice(c))
            .and_then(|c| c.points)
            .is_some_and(|p| p == best);
        if !in_place {
            r.not_in_place += 1;
            continue;
        }
        match answer.and_then(|a| a.since) {
            Some(d) if d <= window_start => r.qualifying.push((s.id.clone(), d)),
            Some(d) => r.too_recent.push((s.id.clone(), d)),
            None => r.undated.push(s.id.clone()),
        }
    }
    r
}
