//! The evidence package's index, for people: per practice and sub-practice, the answer, the
//! "in place since" date and each evidence item with its dates. Two renderings of one list of
//! rows: a printable HTML page that opens offline and runs no script (its own CSP forbids
//! any), and a CSV. Pure: tested natively.

use crate::domain::evidence::{entry_href, entry_names, Item, Kind};
use crate::domain::report::csv_cell;
use crate::domain::scoring::scope;
use crate::domain::{Assessment, Catalog, SubPractice, Timestamp};
use crate::i18n::Texts;

/// The package's entry names of the index.
pub const HTML_NAME: &str = "index.html";
pub const CSV_NAME: &str = "index.csv";
/// The assessment file inside a package.
pub const ASSESSMENT_NAME: &str = "assessment.json";

/// The sub-practices the index lists, in pack order: those in scope, and any other with
/// evidence.
fn listed<'c>(catalog: &'c Catalog, a: &Assessment) -> Vec<&'c SubPractice> {
    let scope = scope(catalog, a);
    catalog
        .sub_practices()
        .iter()
        .filter(|s| scope.iter().any(|x| x.id == s.id) || a.evidence.contains_key(&s.id))
        .collect()
}

fn answer_of(catalog: &Catalog, t: &Texts, a: &Assessment, s: &SubPractice) -> [String; 2] {
    let answer = a.answers.get(&s.id);
    let choice = answer
        .and_then(|x| x.choice.as_ref())
        .and_then(|c| catalog.scale().choice(c))
        .map_or_else(
            || t.get("package.unanswered").to_owned(),
            |c| c.label.clone(),
        );
    let since = answer
        .and_then(|x| x.since)
        .map(|d| d.to_string())
        .unwrap_or_default();
    [choice, since]
}

fn kind_word(t: &Texts, item: &Item) -> String {
    t.get(match item.kind {
        Kind::File { .. } => "package.kind_file",
        Kind::Link { .. } => "package.kind_link",
        Kind::Record { .. } => "package.kind_record",
    })
    .to_owned()
}

/// The index as CSV: one row per evidence item, and one for each listed sub-practice with
/// none. Lines end in CRLF.
pub fn csv(catalog: &Catalog, t: &Texts, a: &Assessment) -> String {
    let names = entry_names(a);
    let header = t.get("package.csv_header");
    let mut out = format!("{header}\r\n");
    for s in listed(catalog, a) {
        let practice = catalog
            .practice(&s.practice)
            .map(|p| format!("{}. {}", p.number, p.name))
            .unwrap_or_default();
        let [choice, since] = answer_of(catalog, t, a, s);
        let lead = [practice, s.id.to_string(), s.title.clone(), choice, since];
        let items = a.evidence.get(&s.id).map_or(&[][..], Vec::as_slice);
        let mut rows: Vec<Vec<String>> = items
            .iter()
            .map(|i| {
                let (what, sha) = match &i.kind {
                    Kind::File { sha256, .. } => (
                        names.get(&i.id).cloned().unwrap_or_default(),
                        sha256.clone(),
                    ),
                    Kind::Link { url } => (url.clone(), String::new()),
                    Kind::Record { text } => (text.clone(), String::new()),
                };
                vec![
                    i.title.clone(),
                    kind_word(t, i),
                    i.as_of.to_string(),
                    i.provided_by.clone(),
                    i.added.date().to_string(),
                    what,
                    sha,
                ]
            })
            .collect();
        if rows.is_empty() {
            rows.push(vec![String::new(); 7]);
        }
        for row in rows {
            let cells: Vec<String> = lead.iter().chain(&row).map(|c| csv_cell(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Text for HTML: `&`, `<`, `>` and quotes escaped.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;color:#1a1a1a;max-width:60rem;margin:1.5rem auto;padding:0 1rem}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem;border-bottom:2px solid #0b5563}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .45rem;text-align:left;vertical-align:top}\
th{background:#eef4f5}ul{margin:0;padding-left:1.1rem}.note{border-left:4px solid #0b5563;padding:.4rem .7rem;background:#f4f8f8}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}a{color:inherit}}";

/// The index as a printable HTML page with no script.
pub fn html(catalog: &Catalog, t: &Texts, a: &Assessment, made: &Timestamp) -> String {
    let names = entry_names(a);
    let org = if a.organization.name.is_empty() {
        t.get("package.no_name").to_owned()
    } else {
        a.organization.name.clone()
    };
    let title = t.fill("package.title", &[("org", &org)]);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><style>{STYLE}</style></head><body>\
<h1>{title}</h1><p>{made}</p><p class=\"note\">{note}</p>",
        lang = esc(t.language()),
        title = esc(&title),
        made = esc(&t.fill(
            "package.made",
            &[
                ("date", &made.date().to_string()),
                ("pack", &catalog.info().title),
                ("version", &catalog.info().content_version),
            ],
        )),
        note = esc(t.get("package.self_reported")),
    );
    let head = [
        "package.col_id",
        "package.col_sub",
        "package.col_answer",
        "package.col_since",
        "package.col_evidence",
    ]
    .map(|k| format!("<th scope=\"col\">{}</th>", esc(t.get(k))))
    .concat();
    let subs = listed(catalog, a);
    for p in catalog.practices() {
        let rows: Vec<&&SubPractice> = subs.iter().filter(|s| s.practice == p.id).collect();
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "<h2>{}. {}</h2><table><thead><tr>{head}</tr></thead><tbody>",
            p.number,
            esc(&p.name)
        ));
        for s in rows {
            let [choice, since] = answer_of(catalog, t, a, s);
            let items = a.evidence.get(&s.id).map_or(&[][..], Vec::as_slice);
            let list = if items.is_empty() {
                esc(t.get("package.no_evidence"))
            } else {
                let lis: String = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", item_html(t, i, names.get(&i.id))))
                    .collect();
                format!("<ul>{lis}</ul>")
            };
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{list}</td></tr>",
                esc(s.id.as_str()),
                esc(&s.title),
                esc(&choice),
                esc(&since),
            ));
        }
        out.push_str("</tbody></table>");
    }
    out.push_str("</body></html>\n");
    out
}

fn item_html(t: &Texts, i: &Item, entry: Option<&String>) -> String {
    let what = match (&i.kind, entry) {
        (Kind::File { .. }, Some(entry)) => {
            format!("<a href=\"{}\">{}</a>", entry_href(entry), esc(entry))
        }
        (Kind::Link { url }, _) => format!(
            "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
            esc(url),
            esc(url)
        ),
        (Kind::Record { text }, _) => esc(text),
        (Kind::File { name, .. }, None) => esc(name),
    };
    let dates = t.fill(
        "package.item_dates",
        &[
            ("kind", &kind_word(t, i)),
            ("as_of", &i.as_of.to_string()),
            ("added", &i.added.date().to_string()),
        ],
    );
    let by = if i.provided_by.is_empty() {
        String::new()
    } else {
        t.fill("package.provided_by", &[("who", &i.provided_by)])
    };
    format!(
        "<strong>{}</strong> ({}{}): {what}",
        esc(&i.title),
        esc(&dates),
        esc(&by)
    )
}
