//! Sentences made from data, in the person's language, that more than one screen shows: an
//! assessment's name, a date, and coverage in words.

use super::hooks::AssessmentHandle;
use crate::domain::team::Asked;
use crate::domain::{Coverage, Date};
use crate::i18n::Texts;

/// The name shown for an assessment, also when its organization has no name yet.
pub fn display_name(t: &Texts, name: &str) -> String {
    if name.trim().is_empty() {
        t.get("org.unnamed").to_owned()
    } else {
        name.to_owned()
    }
}

/// A date for people, in their language: "25 Nov 2026".
pub fn human_date(t: &Texts, date: Date) -> String {
    let month = t
        .get("date.months")
        .split(',')
        .nth(usize::from(date.month() - 1))
        .unwrap_or_default();
    t.fill(
        "date.format",
        &[
            ("day", &date.day().to_string()),
            ("month", month),
            ("year", &date.year().to_string()),
        ],
    )
}

/// What a respondent file is: from whom, for whom, how many questions.
pub fn file_for(handle: &AssessmentHandle, organization: &str, asked: &Asked) -> String {
    handle.tf(
        "team.file_for",
        &[
            ("organization", organization),
            ("name", &asked.request.respondent),
            ("count", &asked.request.scope.len().to_string()),
        ],
    )
}

/// Coverage in words: each count a clause of its own, listed with the language's separator;
/// the things to find out only where `with_tasks` asks for them.
pub fn coverage_text(handle: &AssessmentHandle, c: &Coverage, with_tasks: bool) -> String {
    let head = match c.percent() {
        Some(p) => handle.tf(
            "results.coverage.scored",
            &[
                ("percent", &p.to_string()),
                ("answered", &c.assessed.to_string()),
            ],
        ),
        None => handle.t("results.coverage.nothing_scored"),
    };
    let mut parts = vec![head];
    if c.not_applicable > 0 {
        let n = c.not_applicable.to_string();
        parts.push(handle.tf("results.coverage.not_applicable", &[("count", &n)]));
    }
    if c.unanswered > 0 {
        let n = c.unanswered.to_string();
        parts.push(handle.tf("results.coverage.unanswered", &[("count", &n)]));
    }
    if with_tasks && c.tasks > 0 {
        let n = c.tasks.to_string();
        parts.push(handle.tf("results.coverage.to_find_out", &[("count", &n)]));
    }
    parts.join(&handle.t("results.coverage.separator"))
}
