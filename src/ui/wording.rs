//! Sentences made from data, in the person's language, that more than one screen shows: an
//! assessment's name, a date, and coverage in words.

use super::hooks::AssessmentHandle;
use crate::domain::team::Asked;
use crate::domain::Date;
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
