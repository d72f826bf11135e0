//! Lenses: the same answers seen through another framework. A pack's own lenses (such as the
//! HHS Cybersecurity Performance Goals, mapped by the pack's author) and the NIST
//! Cybersecurity Framework functions, from the references printed with each sub-practice.
//! Coverage follows the scoring rules of [`super::scoring`], over the in-scope sub-practices.

use super::assessment::Assessment;
use super::catalog::{Catalog, Lens, LensItem, NistCsf};
use super::ids::SubPracticeId;
use super::scoring::{scope, Coverage};

/// One lens item with its coverage over the sub-practices in scope.
#[derive(Clone, Debug, PartialEq)]
pub struct LensItemResult<'a> {
    pub item: &'a LensItem,
    /// Mapped sub-practices that are in scope for the assessment's tier.
    pub in_scope: Vec<SubPracticeId>,
    pub coverage: Coverage,
}

fn scope_ids(catalog: &Catalog, assessment: &Assessment) -> Vec<SubPracticeId> {
    scope(catalog, assessment)
        .into_iter()
        .map(|s| s.id.clone())
        .collect()
}

/// Every item of `lens`, in the lens's order.
pub fn lens_results<'a>(
    catalog: &Catalog,
    assessment: &Assessment,
    lens: &'a Lens,
) -> Vec<LensItemResult<'a>> {
    let scope = scope_ids(catalog, assessment);
    lens.items
        .iter()
        .map(|item| {
            let in_scope: Vec<SubPracticeId> = item
                .sub_practices
                .iter()
                .filter(|id| scope.contains(id))
                .cloned()
                .collect();
            let mut coverage = Coverage::default();
            for id in &in_scope {
                coverage.add(catalog, assessment.choice(id));
            }
            LensItemResult {
                item,
                in_scope,
                coverage,
            }
        })
        .collect()
}

/// The five NIST CSF v1.1 functions, by the prefix of their references.
pub const CSF_FUNCTIONS: [(&str, &str); 5] = [
    ("ID", "Identify"),
    ("PR", "Protect"),
    ("DE", "Detect"),
    ("RS", "Respond"),
    ("RC", "Recover"),
];

/// How many in-scope sub-practices count under no CSF function, and why: HICP prints none for
/// them ("N/A"), or the pack has not recorded what HICP prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CsfUnreferenced {
    pub in_scope: usize,
    pub none_printed: usize,
    pub not_recorded: usize,
}

/// The in-scope sub-practices that have no references to count in [`csf_results`].
pub fn csf_unreferenced(catalog: &Catalog, assessment: &Assessment) -> CsfUnreferenced {
    let scope = scope_ids(catalog, assessment);
    let mut out = CsfUnreferenced {
        in_scope: scope.len(),
        ..CsfUnreferenced::default()
    };
    for s in scope.iter().filter_map(|id| catalog.sub_practice(id)) {
        match s.nist_csf {
            NistCsf::Printed(_) => {}
            NistCsf::NonePrinted => out.none_printed += 1,
            NistCsf::NotRecorded => out.not_recorded += 1,
        }
    }
    out
}

/// Coverage per NIST CSF function: every in-scope sub-practice counts once under each function
/// its printed references name (a misprint under the reference it stands for). Sub-practices
/// with no references (none printed, or none recorded yet) are not counted.
pub fn csf_results(
    catalog: &Catalog,
    assessment: &Assessment,
) -> Vec<(&'static str, &'static str, Coverage)> {
    let scope = scope_ids(catalog, assessment);
    CSF_FUNCTIONS
        .iter()
        .map(|&(prefix, name)| {
            let mut coverage = Coverage::default();
            for id in &scope {
                let refs = catalog.sub_practice(id).map(|s| s.nist_csf.refs());
                if refs.is_some_and(|r| r.iter().any(|x| x.csf().split('.').next() == Some(prefix)))
                {
                    coverage.add(catalog, assessment.choice(id));
                }
            }
            (prefix, name, coverage)
        })
        .collect()
}
