//! A pack's parts as read and deserialized, before validation: threats, practices,
//! sub-practices, the answer scale, the tier rules, lenses and the facts about the pack.

use crate::domain::ids::{ChoiceId, PracticeId, SubPracticeId, ThreatId, Tier};
use crate::domain::sizing::Sizing;

/// How confident the reference is of a 2023-edition name. Only corroborated or verified names
/// are carried at all; anything less stays out of the pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    Verified,
    Corroborated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Citation {
    pub sub_practice: SubPracticeId,
    /// Set where the printed table looks like an editorial slip; shown beside the citation.
    pub flag: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Threat {
    pub id: ThreatId,
    pub number: u32,
    pub name: String,
    pub name_2023: Option<String>,
    pub name_2023_confidence: Option<Confidence>,
    pub summary: String,
    /// The sub-practices HICP's threat table names under "practices to consider".
    pub cited: Vec<Citation>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Practice {
    pub id: PracticeId,
    pub number: u32,
    pub name: String,
    /// The chapter name in Technical Volume 2, where it differs.
    pub name_tv2: Option<String>,
    pub name_2023: Option<String>,
    pub name_2023_confidence: Option<Confidence>,
    pub threats: Vec<ThreatId>,
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SubPractice {
    pub id: SubPracticeId,
    pub practice: PracticeId,
    pub tier: Tier,
    pub title: String,
    /// The NIST CSF v1.1 references HICP prints for it, or why there are none.
    pub nist_csf: NistCsf,
    pub questions: Vec<String>,
    pub in_place: String,
    pub why: String,
    pub technical: String,
}

impl SubPractice {
    /// Its guidance texts: what "in place" means, why it matters, the technical details.
    pub fn guidance(&self) -> [&str; 3] {
        [&self.in_place, &self.why, &self.technical]
    }
}

/// What HICP Check knows of a sub-practice's NIST CSF v1.1 references. "HICP prints none"
/// and "not recorded here yet" are different facts and are never folded into one.
///
/// In a pack (read in `crate::content`): an array of references; `"none printed"` (or `[]`) where HICP prints "N/A";
/// `"not recorded"` (or no field) where the pack has not transcribed what HICP prints.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum NistCsf {
    /// The references as printed, in the printed order (never empty).
    Printed(Vec<NistRef>),
    /// HICP prints "N/A": it gives this sub-practice no reference.
    NonePrinted,
    /// HICP may print references for it, but the pack has not recorded them.
    #[default]
    NotRecorded,
}

impl NistCsf {
    /// The printed references; empty unless [`NistCsf::Printed`].
    pub fn refs(&self) -> &[NistRef] {
        match self {
            NistCsf::Printed(refs) => refs,
            NistCsf::NonePrinted | NistCsf::NotRecorded => &[],
        }
    }
}

/// One reference as HICP prints it. A misprint (10.S.A's "IG.GV-1") is carried as printed,
/// with the reference it stands for and a flag saying why.
#[derive(Clone, Debug, PartialEq)]
pub struct NistRef {
    pub printed: String,
    /// The CSF reference meant, where the printed one is a misprint.
    pub reads_as: Option<String>,
    /// Why the printed value is read as another; set with `reads_as`.
    pub flag: Option<String>,
}

impl NistRef {
    /// The CSF v1.1 reference this stands for: the printed one unless it is read as another.
    pub fn csf(&self) -> &str {
        self.reads_as.as_deref().unwrap_or(&self.printed)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: String,
    pub description: String,
    /// Credit towards coverage; absent for "not applicable", which leaves the denominator.
    pub points: Option<u32>,
    pub applies: bool,
    /// The answer turns into a "find out" task on the action plan.
    pub task: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub id: String,
    pub choices: Vec<Choice>,
}

impl Scale {
    pub fn choice(&self, id: &ChoiceId) -> Option<&Choice> {
        self.choices.iter().find(|c| &c.id == id)
    }

    /// The credit of the best answer, the denominator's unit.
    pub fn max_points(&self) -> u32 {
        self.choices
            .iter()
            .filter_map(|c| c.points)
            .max()
            .unwrap_or(0)
    }
}

/// Which sub-practice tiers an organization of a tier checks itself against.
#[derive(Clone, Debug, PartialEq)]
pub struct TierRule {
    pub id: Tier,
    pub label: String,
    pub source: String,
    pub required: Vec<Tier>,
    pub optional: Vec<Tier>,
}

/// One item of a lens: a goal of another framework and the sub-practices it maps to.
#[derive(Clone, Debug, PartialEq)]
pub struct LensItem {
    pub id: String,
    /// A short label such as "E1".
    pub label: String,
    pub group: String,
    pub name: String,
    /// False where the goal's name is not yet confirmed against its source.
    pub name_confirmed: bool,
    pub sub_practices: Vec<SubPracticeId>,
}

/// Another framework's view of the same answers, such as the HHS Cybersecurity Performance
/// Goals, mapped onto sub-practices.
#[derive(Clone, Debug, PartialEq)]
pub struct Lens {
    pub id: String,
    pub name: String,
    /// The mapping is the pack author's own and not confirmed by the framework's publisher.
    pub provisional: bool,
    pub note: String,
    pub items: Vec<LensItem>,
}

/// Facts about the pack itself, written into every export.
#[derive(Clone, Debug, PartialEq)]
pub struct PackInfo {
    pub id: String,
    pub content_version: String,
    pub edition: String,
    pub language: String,
    pub title: String,
    pub source: String,
}

/// Everything [`Catalog::new`] takes, as read from a pack.
#[derive(Clone, Debug)]
pub struct CatalogParts {
    pub info: PackInfo,
    pub scale: Scale,
    pub tiers: Vec<TierRule>,
    pub sizing: Sizing,
    pub threats: Vec<Threat>,
    pub practices: Vec<Practice>,
    pub sub_practices: Vec<SubPractice>,
    pub lenses: Vec<Lens>,
}
