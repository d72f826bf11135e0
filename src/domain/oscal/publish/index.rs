//! `oscal/index.html`: a plain page, with no script and no style, that lists every published
//! document with its OSCAL version and what it is for. The app links to it; a person or a tool
//! finds the documents there.

use serde_json::Value;

use super::Published;
use crate::domain::catalog::Catalog;
use crate::package_index::esc;

/// What a document of each kind is for.
fn purpose(kind: &str) -> &'static str {
    match kind {
        "catalog" => {
            "HICP's practices (groups) and sub-practices (controls), each with its size \
                      (tier), the threats it helps against, a statement, guidance and the \
                      questions HICP Check asks."
        }
        "profile" => "The sub-practices for one organization size, imported from the catalog.",
        "system-security-plan" => {
            "A template plan, the same for every organization of one \
                                   size, that links the assessment plan to the profile."
        }
        "assessment-plan" => {
            "The plan HICP Check's assessment results for one size import: \
                              follow it to the profile and the catalog."
        }
        "mapping-collection" => "A crosswalk from HICP's sub-practices to another framework.",
        _ => "",
    }
}

/// The page, listing `documents` (paths under `oscal/`).
pub(super) fn index(catalog: &Catalog, documents: &[Published]) -> Published {
    let info = catalog.info();
    let mut rows = String::new();
    for d in documents {
        let Some(href) = d.path.strip_prefix("oscal/") else {
            continue;
        };
        let json: Value = serde_json::from_str(&d.text).expect("a published document is JSON");
        let Some((kind, body)) = json.as_object().and_then(|o| o.iter().next()) else {
            continue;
        };
        let metadata = &body["metadata"];
        rows.push_str(&format!(
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(href),
            esc(metadata["title"].as_str().unwrap_or_default()),
            esc(kind),
            esc(metadata["oscal-version"].as_str().unwrap_or_default()),
            purpose(kind),
        ));
    }
    let title = format!("{} in OSCAL", esc(&info.title));
    Published {
        path: "oscal/index.html".into(),
        text: format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n\
             <p>HICP Check publishes HICP as OSCAL documents, generated from its content pack \
             {id} {version}. The identifiers and titles are HICP's ({edition} edition); every \
             other word is HICP Check's own.</p>\n\
             <p>Each document is in OSCAL 1.2.3 (this folder) and again in OSCAL 1.1.3 (the \
             1.1.3 folder) for tools that read only OSCAL 1.1; the two differ only in the \
             version they state. Mapping collections are new in OSCAL 1.2 and exist only in \
             1.2.3.</p>\n\
             <p>Assessment results exported by HICP Check import the assessment plan of their \
             size. The plan imports a system security plan, which imports the profile, which \
             imports the catalog: a tool can follow every control id of the results to its \
             text.</p>\n\
             <table>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Kind</th>\
             <th scope=\"col\">OSCAL</th><th scope=\"col\">What it is for</th></tr></thead>\n\
             <tbody>\n{rows}</tbody>\n</table>\n</main>\n</body>\n</html>\n",
            id = esc(&info.id),
            version = esc(&info.content_version),
            edition = esc(&info.edition),
        ),
    }
}
