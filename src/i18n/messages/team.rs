//! Sentences about returned respondent files: why one is not merged, and what one changed.

use super::super::Texts;
use crate::domain::team::merge::{Refusal, Taken};

/// Why a returned file is not merged, and what to do instead.
pub fn refusal(t: &Texts, r: &Refusal) -> String {
    match r {
        Refusal::NotAResponse => t.get("team.refused.not_a_response").to_owned(),
        Refusal::OtherAssessment { organization } => t.fill(
            "team.refused.other_assessment",
            &[("organization", organization)],
        ),
        Refusal::UnknownRequest { respondent } => {
            t.fill("team.refused.unknown_request", &[("name", respondent)])
        }
        Refusal::NotAnswered { respondent } => {
            t.fill("team.refused.not_answered", &[("name", respondent)])
        }
        Refusal::OutOfScope { respondent, ids } => t.fill(
            "team.refused.out_of_scope",
            &[("name", respondent), ("ids", &ids.join(", "))],
        ),
        Refusal::Tampered { respondent } => {
            t.fill("team.refused.tampered", &[("name", respondent)])
        }
        Refusal::AlreadyMerged {
            respondent,
            answered,
        } => t.fill(
            "team.refused.already_merged",
            &[("name", respondent), ("date", &answered.date().to_string())],
        ),
    }
}

/// What one respondent's file changed; `date` is when they answered, worded for people.
pub fn taken(t: &Texts, x: &Taken, date: &str) -> String {
    let over = match x.over_limit {
        0 => String::new(),
        n => format!(
            " {}",
            t.fill("team.merge.over_limit", &[("count", &n.to_string())])
        ),
    };
    let taken = t.fill(
        "team.merge.taken",
        &[
            ("name", &x.respondent),
            ("date", date),
            ("answers", &x.answers.to_string()),
            ("not_taken", &x.not_taken.to_string()),
            ("evidence", &x.evidence.to_string()),
            ("duplicates", &x.duplicates.to_string()),
        ],
    );
    taken + &over
}
