//! What HICP is, as validated data: threats, practices, sub-practices, the answer scale, the
//! tiers and the size table. A [`Catalog`] can only be built through [`Catalog::new`], which
//! checks every id and reference, so the rest of the program may index it without fear.
//!
//! [`pack`] holds the parts as read; [`check`] finds every mistake in them.

use crate::domain::map::Map;

mod check;
mod compact;
mod pack;
mod translate;

pub use check::{CatalogError, ScaleProblem, TierProblem};
pub use pack::{
    CatalogParts, Choice, Citation, Confidence, Lens, LensItem, NistCsf, NistRef, PackInfo,
    Practice, Scale, SubPractice, Threat, TierRule,
};

use super::ids::{PracticeId, SubPracticeId, ThreatId, Tier};
use super::sizing::Sizing;

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
    sub_index: Map<SubPracticeId, usize>,
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
        Ok(Catalog::assembled(parts))
    }

    /// A catalogue of parts known to validate: made by [`Catalog::new`], or by
    /// [`Catalog::from_compact`] from what [`Catalog::compact`] wrote of one.
    fn assembled(parts: CatalogParts) -> Catalog {
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
        Catalog {
            lenses,
            info,
            scale,
            tiers,
            sizing,
            threats,
            practices,
            sub_practices,
            sub_index,
        }
    }

    /// Whether a sub-practice's guidance text (`in_place`, `why`, `technical`) is `marker`:
    /// a pack whose guidance comes later (`crate::content::COMPILED`).
    pub fn awaits_guidance(&self, marker: &str) -> bool {
        self.sub_practices
            .iter()
            .any(|s| s.guidance().contains(&marker))
    }

    /// The parts this catalogue was made of, to validate again (after a translation, say).
    pub fn to_parts(&self) -> CatalogParts {
        let c = self.clone();
        CatalogParts {
            info: c.info,
            scale: c.scale,
            tiers: c.tiers,
            sizing: c.sizing,
            threats: c.threats,
            practices: c.practices,
            sub_practices: c.sub_practices,
            lenses: c.lenses,
        }
    }

    /// This catalogue as the app carries it: every guidance text `marker` (they come
    /// later), and no lenses (only the tools part shows them, from the whole pack).
    pub fn lean(&self, marker: &str) -> Catalog {
        let mut lean = self.clone();
        for s in &mut lean.sub_practices {
            for field in [&mut s.in_place, &mut s.why, &mut s.technical] {
                marker.clone_into(field);
            }
        }
        lean.lenses.clear();
        lean
    }

    /// This catalogue with every guidance text that is `marker` filled in from `found` (a
    /// sub-practice's `in_place`, `why` and `technical`), or set to `otherwise` where `found`
    /// has none.
    pub fn with_guidance(
        &self,
        marker: &str,
        found: impl Fn(&SubPracticeId) -> Option<[String; 3]>,
        otherwise: &str,
    ) -> Catalog {
        let mut filled = self.clone();
        for s in &mut filled.sub_practices {
            let texts = found(&s.id)
                .filter(|texts| texts.iter().all(|t| !t.is_empty()))
                .unwrap_or_else(|| [(); 3].map(|_| otherwise.to_owned()));
            let fields = [&mut s.in_place, &mut s.why, &mut s.technical];
            for (field, text) in fields.into_iter().zip(texts) {
                if field == marker {
                    *field = text;
                }
            }
        }
        filled
    }

    /// Every mistake in a pack, in the order [`Catalog::new`] meets them (its error is the
    /// first of these); empty for a pack that validates. A mistake is reported once: an id
    /// that cannot be read is not also reported as disagreeing with its practice.
    pub fn problems(parts: &CatalogParts) -> Vec<CatalogError> {
        check::problems(parts)
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
