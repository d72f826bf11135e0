//! One organization's assessment: who it is, its size answers and tier, its answer to each
//! sub-practice and its action-plan entries. Answers are kept for every sub-practice ever
//! answered, also outside the current tier, so switching tiers back and forth loses nothing.

use crate::domain::map::Map;

use super::date::{Date, Timestamp};
use super::evidence::Item;
use super::ids::{ChoiceId, FactorId, SubPracticeId, Tier};
use super::sizing::FactorAnswer;
use super::team::{Asked, Sent};

/// Longest organization name a file may carry.
pub const NAME_MAX: usize = 200;
/// Longest note on one answer.
pub const NOTE_MAX: usize = 4000;
/// Longest owner of a plan item.
pub const OWNER_MAX: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Organization {
    pub name: String,
    pub sizing: Map<FactorId, FactorAnswer>,
}

/// The answer to one sub-practice. A note or a date may be written before a choice is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub choice: Option<ChoiceId>,
    pub note: String,
    /// Since when it has been in place, as far as the person knows.
    pub since: Option<Date>,
    /// Who gave it: empty for this copy's own person (the coordinator), or the name of the
    /// respondent who answered it through a respondent file.
    pub by: String,
    /// When it last changed; `None` for answers from files older than format version 4.
    pub at: Option<Timestamp>,
}

impl Answer {
    fn is_blank(&self) -> bool {
        self.choice.is_none() && self.note.is_empty() && self.since.is_none()
    }
}

/// Who will close a gap, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanEntry {
    pub owner: String,
    pub target: Option<Date>,
}

impl PlanEntry {
    fn is_blank(&self) -> bool {
        self.owner.is_empty() && self.target.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub organization: Organization,
    /// The tier the person settled on; `None` until the size step is done.
    pub tier: Option<Tier>,
    /// For tiers with an optional set (medium: the large sub-practices), whether it is included.
    pub include_optional: bool,
    pub answers: Map<SubPracticeId, Answer>,
    pub plan: Map<SubPracticeId, PlanEntry>,
    /// Evidence items by sub-practice, in the order they were added. A file item's bytes are
    /// kept apart (the browser's IndexedDB), under the item's id.
    pub evidence: Map<SubPracticeId, Vec<Item>>,
    /// The respondent files prepared from this assessment (the coordinator's side).
    pub requests: Vec<Sent>,
    /// Set when this is a respondent file: what was asked, of whom (the respondent's side).
    pub asked: Option<Asked>,
    /// With the pack, which assessment this is: a respondent file carries its coordinator's.
    pub created: Timestamp,
    pub updated: Timestamp,
}

impl Assessment {
    pub fn new(now: Timestamp) -> Assessment {
        Assessment {
            organization: Organization::default(),
            tier: None,
            include_optional: false,
            answers: Map::new(),
            plan: Map::new(),
            evidence: Map::new(),
            requests: Vec::new(),
            asked: None,
            created: now.clone(),
            updated: now,
        }
    }

    pub fn choice(&self, id: &SubPracticeId) -> Option<&ChoiceId> {
        self.answers.get(id).and_then(|a| a.choice.as_ref())
    }

    /// Who answers in this copy: the respondent of a respondent file, or empty for the
    /// assessment's own person.
    pub fn author(&self) -> &str {
        self.asked
            .as_ref()
            .map_or("", |a| a.request.respondent.as_str())
    }

    /// Applies `change` to the answer of `id`, dropping it again if it ends up blank, and
    /// records who changed it and when.
    pub fn edit_answer(
        &mut self,
        id: &SubPracticeId,
        now: Timestamp,
        change: impl FnOnce(&mut Answer),
    ) {
        let by = self.author().to_owned();
        let answer = self.answers.get_or_default(id.clone());
        change(answer);
        if answer.is_blank() {
            self.answers.remove(id);
        } else {
            answer.by = by;
            answer.at = Some(now.clone());
        }
        self.updated = now;
    }

    /// Applies `change` to the plan entry of `id`, dropping it again if it ends up blank.
    pub fn edit_plan(
        &mut self,
        id: &SubPracticeId,
        now: Timestamp,
        change: impl FnOnce(&mut PlanEntry),
    ) {
        let entry = self.plan.get_or_default(id.clone());
        change(entry);
        if entry.is_blank() {
            self.plan.remove(id);
        }
        self.updated = now;
    }

    /// Applies `change` to the evidence of `id`, dropping the list again if it ends up empty.
    pub fn edit_evidence(
        &mut self,
        id: &SubPracticeId,
        now: Timestamp,
        change: impl FnOnce(&mut Vec<Item>),
    ) {
        let items = self.evidence.get_or_default(id.clone());
        change(items);
        if items.is_empty() {
            self.evidence.remove(id);
        }
        self.updated = now;
    }

    /// Every file item, with its sub-practice.
    pub fn evidence_files(&self) -> impl Iterator<Item = (&SubPracticeId, &Item)> {
        self.evidence
            .iter()
            .flat_map(|(sub, items)| items.iter().map(move |i| (sub, i)))
            .filter(|(_, i)| i.is_file())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-01-02T03:04:05.000Z".parse().unwrap()
    }

    #[test]
    fn blank_answers_and_plan_entries_are_not_kept() {
        let mut a = Assessment::new(now());
        let id = SubPracticeId::new("1.S.A");
        a.edit_answer(&id, now(), |x| x.note = "asked our IT firm".into());
        assert_eq!(a.answers.len(), 1);
        a.edit_answer(&id, now(), |x| x.note.clear());
        assert!(a.answers.is_empty());
        a.edit_plan(&id, now(), |p| p.owner = "Dana".into());
        a.edit_plan(&id, now(), |p| p.owner.clear());
        assert!(a.plan.is_empty());
    }
}
