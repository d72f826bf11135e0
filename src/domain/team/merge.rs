//! Taking returned respondent files into the coordinator's assessment: each file is checked
//! ([`check`]) and either refused with the reason or read as a [`Response`]; where the
//! responses and the coordinator's answers differ ([`differences`]), the coordinator picks;
//! [`merge`] then takes everything in and says what changed and from whom.

use crate::domain::map::Map;

use super::{fingerprint, Sent};
use crate::domain::assessment::{Answer, Assessment, NOTE_MAX};
use crate::domain::catalog::Catalog;
use crate::domain::date::Timestamp;
use crate::domain::evidence::{Item, Kind, ITEMS_MAX};
use crate::domain::ids::SubPracticeId;

/// Why a returned file is not merged. The coordinator's assessment is untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// An assessment file, not a respondent file.
    NotAResponse,
    /// A response to another assessment, of the organization named.
    OtherAssessment { organization: String },
    /// A response to a request this assessment has no record of.
    UnknownRequest { respondent: String },
    /// The file as prepared, never answered.
    NotAnswered { respondent: String },
    /// Answers to sub-practices the respondent was not given.
    OutOfScope {
        respondent: String,
        ids: Vec<String>,
    },
    /// Its content does not match its fingerprint: it was changed after it was answered.
    Tampered { respondent: String },
    /// This very response (same request, same answer time) was merged before, or is among
    /// the files chosen twice.
    AlreadyMerged {
        respondent: String,
        answered: Timestamp,
    },
}

/// A returned file that passed every check: what its respondent gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub request: String,
    pub respondent: String,
    pub answered: Timestamp,
    /// The answers the respondent gave (changed in their copy), in id order.
    pub answers: Vec<(SubPracticeId, Answer)>,
    /// Evidence items the coordinator does not hold yet.
    pub evidence: Vec<(SubPracticeId, Item)>,
    /// Evidence items left out because the coordinator (or an earlier file) holds the same.
    pub duplicates: usize,
    /// Sub-practices where the coordinator's own answer differs and is newer than this one.
    pub older: Vec<SubPracticeId>,
}

/// Checks a returned file against the coordinator's assessment and the responses already
/// accepted in this merge, and reads what it brings.
///
/// # Errors
/// A [`Refusal`] saying why the file cannot be merged.
pub fn check(
    catalog: &Catalog,
    mine: &Assessment,
    theirs: &Assessment,
    earlier: &[Response],
) -> Result<Response, Refusal> {
    let asked = theirs.asked.as_ref().ok_or(Refusal::NotAResponse)?;
    let respondent = asked.request.respondent.clone();
    if theirs.created != mine.created {
        return Err(Refusal::OtherAssessment {
            organization: theirs.organization.name.clone(),
        });
    }
    let sent: &Sent = mine
        .requests
        .iter()
        .find(|s| s.request.id == asked.request.id)
        .ok_or_else(|| Refusal::UnknownRequest {
            respondent: respondent.clone(),
        })?;
    let Some(answered) = asked.answered.clone() else {
        return Err(Refusal::NotAnswered { respondent });
    };
    let mut outside: Vec<String> = theirs
        .answers
        .keys()
        .chain(theirs.plan.keys())
        .chain(theirs.evidence.keys())
        .filter(|id| !sent.request.covers(id))
        .map(|id| id.to_string())
        .collect();
    if !outside.is_empty() {
        outside.sort();
        outside.dedup();
        return Err(Refusal::OutOfScope {
            respondent,
            ids: outside,
        });
    }
    if fingerprint(catalog, theirs) != asked.fingerprint {
        return Err(Refusal::Tampered { respondent });
    }
    let again = sent.merged.contains(&answered)
        || earlier
            .iter()
            .any(|r| r.request == asked.request.id && r.answered == answered);
    if again {
        return Err(Refusal::AlreadyMerged {
            respondent,
            answered,
        });
    }
    let answers: Vec<(SubPracticeId, Answer)> = theirs
        .answers
        .iter()
        .filter(|(_, a)| a.by == respondent)
        .map(|(id, a)| (id.clone(), a.clone()))
        .collect();
    let older = answers
        .iter()
        .filter(|(id, theirs)| {
            mine.answers.get(id).is_some_and(|m| {
                !same(m, theirs) && m.at.is_some() && m.at.as_ref() > theirs.at.as_ref()
            })
        })
        .map(|(id, _)| id.clone())
        .collect();
    let mut evidence = Vec::new();
    let mut duplicates = 0;
    for (id, items) in &theirs.evidence {
        for item in items {
            let held = mine.evidence.get(id).into_iter().flatten();
            let taken = earlier
                .iter()
                .flat_map(|r| &r.evidence)
                .chain(&evidence)
                .filter(|(s, _)| s == id)
                .map(|(_, i)| i);
            if held.chain(taken).any(|h| same_evidence(h, item)) {
                duplicates += 1;
            } else {
                evidence.push((id.clone(), item.clone()));
            }
        }
    }
    Ok(Response {
        request: asked.request.id.clone(),
        respondent,
        answered,
        answers,
        evidence,
        duplicates,
        older,
    })
}

/// Whether two answers say the same (whoever gave them, whenever).
pub fn same(a: &Answer, b: &Answer) -> bool {
    a.choice == b.choice && a.note == b.note && a.since == b.since
}

/// Whether two evidence items are the same evidence: the same item, the same file content,
/// the same link or the same record text.
fn same_evidence(a: &Item, b: &Item) -> bool {
    a.id == b.id
        || match (&a.kind, &b.kind) {
            (Kind::File { sha256: x, .. }, Kind::File { sha256: y, .. }) => x == y,
            (Kind::Link { url: x }, Kind::Link { url: y }) => x == y,
            (Kind::Record { text: x }, Kind::Record { text: y }) => x == y,
            _ => false,
        }
}

/// A sub-practice where the answers on offer differ: the coordinator's own (if any) and
/// each response's, by its place in the list of responses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub id: SubPracticeId,
    pub mine: Option<Answer>,
    pub theirs: Vec<(usize, Answer)>,
}

/// Every sub-practice where at least two different answers are on offer, in id order. Where
/// only one is, it is taken without asking.
pub fn differences(mine: &Assessment, responses: &[Response]) -> Vec<Difference> {
    let mut offered: Map<&SubPracticeId, Vec<(usize, &Answer)>> = Map::new();
    for (n, r) in responses.iter().enumerate() {
        for (id, a) in &r.answers {
            offered.get_or_default(id).push((n, a));
        }
    }
    let mut out = Vec::new();
    for (id, theirs) in offered {
        let own = mine.answers.get(id);
        let first = own.or(theirs.first().map(|(_, a)| *a));
        let differ = first.is_some_and(|f| theirs.iter().any(|(_, a)| !same(f, a)));
        if differ {
            out.push(Difference {
                id: id.clone(),
                mine: own.cloned(),
                theirs: theirs.into_iter().map(|(n, a)| (n, a.clone())).collect(),
            });
        }
    }
    out
}

/// The coordinator's choice for one difference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pick {
    /// `None` keeps the coordinator's own answer; `Some(n)` takes response `n`'s.
    pub take: Option<usize>,
    /// Keeps every note on offer, one after the other, whichever answer is taken.
    pub notes_together: bool,
}

/// What one respondent's file changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Taken {
    pub respondent: String,
    pub answered: Timestamp,
    /// Answers of theirs now in the assessment.
    pub answers: usize,
    /// Answers of theirs not taken, where another answer was chosen.
    pub not_taken: usize,
    pub evidence: usize,
    pub duplicates: usize,
    /// Evidence items left out because their sub-practice holds as many as it may.
    pub over_limit: usize,
}

/// Takes the responses into `mine`: answers where nothing differs, the picked answer where
/// something does (where no pick was made, the coordinator's own stays, or none), every new
/// evidence item up to the limit of a sub-practice, and the record that each response was
/// merged. Notes kept together are cut at the note limit.
pub fn merge(
    mine: &Assessment,
    responses: &[Response],
    picks: &Map<SubPracticeId, Pick>,
    now: &Timestamp,
) -> (Assessment, Vec<Taken>) {
    let mut out = mine.clone();
    let diffs = differences(mine, responses);
    let mut summary: Vec<Taken> = responses
        .iter()
        .map(|r| Taken {
            respondent: r.respondent.clone(),
            answered: r.answered.clone(),
            answers: 0,
            not_taken: 0,
            evidence: r.evidence.len(),
            duplicates: r.duplicates,
            over_limit: 0,
        })
        .collect();
    for (n, r) in responses.iter().enumerate() {
        for (id, theirs) in &r.answers {
            let Some(d) = diffs.iter().find(|d| &d.id == id) else {
                // Against what is taken so far: the same answer from two files counts once.
                if out.answers.get(id).is_none_or(|m| !same(m, theirs)) {
                    out.answers.insert(id.clone(), theirs.clone());
                    summary[n].answers += 1;
                }
                continue;
            };
            let pick = picks.get(id).copied().unwrap_or(Pick {
                take: None,
                notes_together: false,
            });
            if pick.take == Some(n) {
                out.answers.insert(id.clone(), theirs.clone());
                summary[n].answers += 1;
            } else {
                summary[n].not_taken += 1;
            }
            if pick.notes_together && pick.take.is_none_or(|t| t == n) {
                if let Some(kept) = out.answers.get_mut(id) {
                    kept.note = notes_together(d, responses)
                        .chars()
                        .take(NOTE_MAX)
                        .collect();
                }
            }
        }
        summary[n].evidence = 0;
        for (id, item) in &r.evidence {
            let items = out.evidence.get_or_default(id.clone());
            if items.len() < ITEMS_MAX {
                items.push(item.clone());
                summary[n].evidence += 1;
            } else {
                summary[n].over_limit += 1;
            }
        }
        if let Some(sent) = out.requests.iter_mut().find(|s| s.request.id == r.request) {
            sent.merged.push(r.answered.clone());
        }
    }
    out.updated = now.clone();
    (out, summary)
}

/// Every distinct note on offer, the coordinator's first, each of the others after a line
/// with its respondent's name.
fn notes_together(d: &Difference, responses: &[Response]) -> String {
    let mut notes: Vec<String> = d
        .mine
        .iter()
        .map(|m| m.note.clone())
        .filter(|n| !n.is_empty())
        .collect();
    for (n, a) in &d.theirs {
        let marked = format!("\u{2014} {}: {}", responses[*n].respondent, a.note);
        if !a.note.is_empty() && !notes.iter().any(|x| x == &a.note || x == &marked) {
            notes.push(marked);
        }
    }
    notes.join("\n\n")
}
