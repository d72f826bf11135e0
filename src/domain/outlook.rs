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
use super::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId};
use super::plan::PlanItem;
use super::scoring::{is_gap, scope, score, Coverage, Results};

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
    let scope = scope(catalog, assessment);
    // Each practice's gaps, once, in the order of `results.practices`.
    let gaps: Vec<Vec<SubPracticeId>> = results
        .practices
        .iter()
        .map(|(practice, _)| {
            scope
                .iter()
                .filter(|s| &s.practice == practice && is_gap(catalog, assessment.choice(&s.id)))
                .map(|s| s.id.clone())
                .collect()
        })
        .collect();
    let cells = catalog
        .threats()
        .iter()
        .map(|t| {
            results
                .practices
                .iter()
                .zip(&gaps)
                .map(|((p, coverage), gaps)| {
                    let linked = catalog
                        .practice(p)
                        .is_some_and(|p| p.threats.contains(&t.id));
                    if linked {
                        Cell::Linked {
                            coverage: coverage.clone(),
                            gaps: gaps.clone(),
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

/// The scale's best choice: one that applies and earns the most.
fn best_choice(catalog: &Catalog) -> Option<ChoiceId> {
    let max = catalog.scale().max_points();
    let choices = &catalog.scale().choices;
    let best = choices.iter().find(|c| c.applies && c.points == Some(max));
    best.map(|c| c.id.clone())
}

/// Answers each of `done` in `a` with `best`.
fn mark_done<'a>(
    a: &mut Assessment,
    best: &ChoiceId,
    done: impl IntoIterator<Item = &'a SubPracticeId>,
) {
    for id in done {
        a.answers.get_or_default(id.clone()).choice = Some(best.clone());
    }
}

/// The results once `done` are in place: each answered with the scale's best choice.
pub fn once_done<'a>(
    catalog: &Catalog,
    assessment: &Assessment,
    done: impl IntoIterator<Item = &'a SubPracticeId>,
) -> Results {
    let mut after = assessment.clone();
    if let Some(best) = best_choice(catalog) {
        mark_done(&mut after, &best, done);
    }
    score(catalog, &after)
}

/// The last day of the quarter after the one `end` closes; `None` past the last year a date
/// may have.
fn next_quarter_end(end: Date) -> Option<Date> {
    let next = match end.month() {
        12 => Date::new(end.year() + 1, 1, 1),
        m => Date::new(end.year(), m + 1, 1),
    };
    next.ok().map(Date::quarter_end)
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
    let last = last.max(today).quarter_end();
    let best = best_choice(catalog);
    // One copy, marked further quarter by quarter: what is done by one quarter's end is done
    // by every later one.
    let mut after = assessment.clone();
    let mut out = Vec::new();
    let mut end = Some(today.quarter_end());
    while let Some(e) = end.filter(|e| *e <= last && out.len() < MAX_QUARTERS) {
        if let Some(best) = &best {
            let due = plan.iter().filter(|i| i.target.is_some_and(|t| t <= e));
            mark_done(&mut after, best, due.map(|i| &i.sub_practice));
        }
        out.push((e, score(catalog, &after)));
        end = next_quarter_end(e);
    }
    out
}
