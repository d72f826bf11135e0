//! The assessment as a file the person keeps: its file name, and the download that is
//! remembered (so that the header can say when a copy was last taken).

use super::browser::{files::download, page::now};
use super::hooks::AssessmentHandle;
use super::state::{Action, Entry};
use crate::domain::{export, Assessment, Catalog, Timestamp};

/// The longest organization part of a file name, in characters.
const SLUG_MAX: usize = 40;

/// Downloads an assessment as its JSON file and remembers when.
pub fn download_assessment(handle: &AssessmentHandle, entry: &Entry) {
    let at = download_file(&handle.catalog, &entry.assessment);
    handle.dispatch(Action::Exported {
        id: entry.id.clone(),
        at,
    });
}

/// Downloads an assessment as its JSON file; when it was made.
pub fn download_file(catalog: &Catalog, a: &Assessment) -> Timestamp {
    let at = now();
    let stem = file_stem(&a.organization.name, &at.date().to_string());
    download(
        &format!("{stem}.json"),
        "application/json",
        &export(catalog, a, &at),
    );
    at
}

/// A file name made from the organization's name and a date: `hicp-check-riverside-2026-11-25`.
pub fn file_stem(name: &str, date: &str) -> String {
    let slug: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = if slug.is_empty() {
        "assessment".into()
    } else {
        slug.chars().take(SLUG_MAX).collect()
    };
    format!("hicp-check-{slug}-{date}")
}
