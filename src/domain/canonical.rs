//! The one canonical rendering of an assessment: what it says, field by field, as text in a
//! fixed order (key order for answers and plan entries). The report's fingerprint and
//! the OSCAL document's UUIDs are both computed from it, so that they agree on what makes two
//! assessments the same.
//!
//! It owns the order and the spelling of every field: an absent choice, date or target is
//! empty, no tier is `-`. How the fields are framed and hashed belongs to each user. None of
//! this may change, or every fingerprint and every OSCAL UUID already handed out would.

use super::assessment::Assessment;
use super::catalog::Catalog;

/// An assessment as the fields that identify its content.
pub struct Canonical<'a> {
    catalog: &'a Catalog,
    assessment: &'a Assessment,
}

impl<'a> Canonical<'a> {
    pub fn new(catalog: &'a Catalog, assessment: &'a Assessment) -> Canonical<'a> {
        Canonical {
            catalog,
            assessment,
        }
    }

    /// Which assessment this is, whatever its answers: the pack, the creation time and the
    /// organization's name.
    pub fn identity(&self) -> [&'a str; 3] {
        [
            self.catalog.info().id.as_str(),
            self.assessment.created.as_str(),
            self.assessment.organization.name.as_str(),
        ]
    }

    pub fn pack(&self) -> &'a str {
        &self.catalog.info().id
    }

    pub fn content_version(&self) -> &'a str {
        &self.catalog.info().content_version
    }

    /// The tier's key, `-` when none is chosen.
    pub fn tier(&self) -> &'static str {
        self.assessment.tier.map(|t| t.key()).unwrap_or("-")
    }

    /// Whether the tier's optional sub-practices are in scope; each user spells it its own
    /// way, as it always has.
    pub fn include_optional(&self) -> bool {
        self.assessment.include_optional
    }

    /// Every answer as its sub-practice, choice, "in place since" date and note.
    pub fn answers(&self) -> impl Iterator<Item = [String; 4]> + 'a {
        self.assessment.answers.iter().map(|(id, a)| {
            [
                id.to_string(),
                a.choice
                    .as_ref()
                    .map(|c| c.as_str().to_owned())
                    .unwrap_or_default(),
                a.since.map(|d| d.to_string()).unwrap_or_default(),
                a.note.clone(),
            ]
        })
    }

    /// Every plan entry as its sub-practice, owner and target date.
    pub fn plan(&self) -> impl Iterator<Item = [String; 3]> + 'a {
        self.assessment.plan.iter().map(|(id, p)| {
            [
                id.to_string(),
                p.owner.clone(),
                p.target.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
    }
}
