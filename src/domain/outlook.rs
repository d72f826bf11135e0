//! The results at a glance: the threat × practice map, and what the action plan would achieve
//! once its first items are done, or quarter by quarter as its dated items fall due.
//!
//! The map follows HICP's practice-level threat map, as scoring does: a practice either
//! mitigates a threat, and then its cell is the coverage of that practice's in-scope
//! sub-practices, or it does not, and the cell is "not linked". A projection scores the
//! assessment again with the chosen plan items answered with the best choice of the scale.

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::date::Date;
use super::ids::{PracticeId, SubPracticeId, ThreatId};
use super::plan::PlanItem;
use super::scoring::{is_gap, score, Coverage, Results};

/// The most quarters a dated projection runs over (three years).
pub const MAX_QUARTERS: usize = 12;

/// One cell of the map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// HICP does not link the practice to the threat.
    NotLinked,
    /// The practice mitigates the threat: its coverage, and its answered gaps in scope.
    Linked {
        coverage: Coverage,
        gaps: Vec<SubPracticeId>,
    },
}

/// Threats down, practices across, in pack order; practices with nothing in scope left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreatMap {
    pub threats: Vec<ThreatId>,
    pub practices: Vec<PracticeId>,
    /// One row per threat, one cell per practice.
    pub cells: Vec<Vec<Cell>>,
}

/// The threat × practice map of `results`, with each linked cell's gaps from `assessment`.
pub fn threat_map(catalog: &Catalog, assessment: &Assessment, results: &Results) -> ThreatMap {
    let scope = assessment
        .tier
        .map(|t| catalog.in_scope(t, assessment.include_optional))
        .unwrap_or_default();
    let gaps_of = |practice: &PracticeId| -> Vec<SubPracticeId> {
        scope
            .iter()
            .filter(|s| &s.practice == practice && is_gap(catalog, assessment.choice(&s.id)))
            .map(|s| s.id.clone())
            .collect()
    };
    let cells = catalog
        .threats()
        .iter()
        .map(|t| {
            results
                .practices
                .iter()
                .map(|(p, coverage)| {
                    let linked = catalog
                        .practice(p)
                        .is_some_and(|p| p.threats.contains(&t.id));
                    if linked {
                        Cell::Linked {
                            coverage: coverage.clone(),
                            gaps: gaps_of(p),
                        }
                    } else {
                        Cell::NotLinked
                    }
                })
                .collect()
        })
        .collect();
    ThreatMap {
        threats: catalog.threats().iter().map(|t| t.id.clone()).collect(),
        practices: results.practices.iter().map(|(p, _)| p.clone()).collect(),
        cells,
    }
}

/// The results once `done` are in place: each answered with the scale's best choice.
pub fn once_done<'a>(
    catalog: &Catalog,
    assessment: &Assessment,
    done: impl IntoIterator<Item = &'a SubPracticeId>,
) -> Results {
    let best = catalog
        .scale()
        .choices
        .iter()
        .find(|c| c.applies && c.points == Some(catalog.scale().max_points()));
    let mut after = assessment.clone();
    if let Some(best) = best {
        for id in done {
            after.answers.entry(id.clone()).or_default().choice = Some(best.id.clone());
        }
    }
    score(catalog, &after)
}

/// The last day of the quarter `date` falls in.
pub fn quarter_end(date: Date) -> Date {
    let month = (date.month() - 1) / 3 * 3 + 3;
    let day = if month == 3 || month == 12 { 31 } else { 30 };
    Date::new(date.year(), month, day).expect("a quarter's last day exists")
}

/// The day after `date` when `date` ends a quarter: the next quarter's first day.
fn next_quarter(end: Date) -> Date {
    match end.month() {
        12 => Date::new(end.year() + 1, 1, 1),
        m => Date::new(end.year(), m + 1, 1),
    }
    .expect("a quarter's first day exists")
}

/// Coverage expected at each quarter's end, from the quarter of `today` to that of the last
/// target date in `plan` (at most [`MAX_QUARTERS`]): each item counts as done from the
/// quarter its target date falls in, an overdue one from this quarter. Empty when no item of
/// the plan has a target date.
pub fn by_quarter(
    catalog: &Catalog,
    assessment: &Assessment,
    plan: &[PlanItem],
    today: Date,
) -> Vec<(Date, Results)> {
    let Some(last) = plan.iter().filter_map(|i| i.target).max() else {
        return Vec::new();
    };
    let last = quarter_end(last.max(today));
    let mut out = Vec::new();
    let mut end = quarter_end(today);
    while end <= last && out.len() < MAX_QUARTERS {
        let done = plan
            .iter()
            .filter(|i| i.target.is_some_and(|t| t <= end))
            .map(|i| &i.sub_practice);
        out.push((end, once_done(catalog, assessment, done)));
        end = quarter_end(next_quarter(end));
    }
    out
}
