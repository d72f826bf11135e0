//! An assessment's results as an OSCAL `assessment-results` document (1.2.3, or 1.1.3 for
//! older tools), for GRC tools that
//! read OSCAL. It owns the mapping from HICP Check's answers to OSCAL's findings and
//! observations, and nothing else: the scoring comes from [`score`], the words from the pack.
//!
//! The mapping, decided once:
//! - A sub-practice `1.S.A` becomes the control token `hicp-1.s.a` (OSCAL ids must be XML
//!   names, which cannot start with a digit); every finding also carries the HICP id in a prop.
//! - The reviewed controls are the sub-practices in scope for the chosen tier.
//! - Every answered in-scope sub-practice gets an observation (method INTERVIEW: the answers are
//!   what the organization says of itself). Every answered, applicable one also gets a finding:
//!   "satisfied" when its answer earns the most points, "not-satisfied" otherwise ("don't know"
//!   included, with the reason "other").
//! - "Not applicable" gets an observation but no finding (OSCAL's finding states are only
//!   satisfied and not-satisfied); unanswered sub-practices get neither. The result's props
//!   count both, so nothing is silently dropped.
//! - UUIDs are version-5 (name-based, SHA-1) under HICP Check's own namespace, so the same
//!   input gives the same document. The document and its result are named after everything
//!   the document says; a finding after the assessment (pack, organization, creation time) and
//!   its sub-practice, so it keeps its UUID across revisions, as OSCAL asks of per-subject ids;
//!   an observation after that and the answer it records; back-matter resources after the
//!   pack and tier alone.
//!
//! Text from people (the organization's name, notes, plan owners) lands in OSCAL's Markdown
//! fields escaped, so that it is read as the text it was, never as markup.
//!
//! Like the rest of the domain: no clock, no randomness, no browser or UI crate.

mod document;
mod ids;
mod markup;
mod model;
pub mod publish;
mod results;

pub use document::assessment_results;

use super::ids::SubPracticeId;

/// The OSCAL release a document is written in. Every document is written in 1.2.3, the
/// current release, which oscal-bindings' models of NIST's schema check
/// (`tests/oscal/validate_bindings.py`); and in 1.1.3 for tools that read only OSCAL 1.1,
/// which compliance-trestle 3's models check (`tests/oscal/validate.py`). The two differ only
/// in the version they state and in where they point (each to documents of its own release).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    V1_2_3,
    V1_1_3,
}

impl Version {
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_2_3 => "1.2.3",
            Version::V1_1_3 => "1.1.3",
        }
    }
}

/// The namespace of HICP Check's own props. A namespace is a name, not a page: nothing is
/// fetched from it.
pub const PROP_NS: &str = "https://hicp-check.example.org/ns/oscal";

const CONTROL_PREFIX: &str = "hicp-";

/// The OSCAL control token of a sub-practice: `1.S.A` becomes `hicp-1.s.a`.
pub fn control_id(id: &SubPracticeId) -> String {
    format!("{CONTROL_PREFIX}{}", id.as_str().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_ids_are_xml_names() {
        assert_eq!(control_id(&SubPracticeId::new("10.M.A")), "hicp-10.m.a");
    }
}
