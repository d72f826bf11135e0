//! What leaves the app for people rather than for HICP Check: the findings as CSV for
//! spreadsheet users, and a short fingerprint that ties a printed report to the exact answers
//! behind it.

use super::assessment::{Answer, Assessment};
use super::canonical::Canonical;
use super::catalog::{Catalog, NistCsf};
use super::plan::action_plan;

/// A short, stable fingerprint of the answers, the tier and the content edition: two reports
/// with the same fingerprint were made from the same answers. Not a security measure.
pub fn fingerprint(catalog: &Catalog, assessment: &Assessment) -> String {
    // FNV-1a, 64 bit, over the canonical rendering, each field ended by 0x1f.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |text: &str| {
        for b in text.bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    let canonical = Canonical::new(catalog, assessment);
    feed(canonical.pack());
    feed(canonical.content_version());
    feed(canonical.tier());
    feed(if canonical.include_optional() {
        "+"
    } else {
        ""
    });
    for fields in canonical.answers() {
        fields.iter().for_each(|f| feed(f));
    }
    let hex = format!("{hash:016x}");
    format!("{}-{}", &hex[..4], &hex[4..8]).to_ascii_uppercase()
}

/// A copy fit to share outside the organization: no organization name, no notes, owners,
/// respondents or respondent files. Answers, dates, the tier and the size answers stay.
pub fn sanitized(assessment: &Assessment) -> Assessment {
    let mut a = assessment.clone();
    a.organization.name.clear();
    a.requests.clear();
    a.asked = None;
    for answer in a.answers.values_mut() {
        answer.note.clear();
        answer.by.clear();
        answer.at = None;
    }
    a.answers
        .retain(|_, x| x.choice.is_some() || x.since.is_some());
    for entry in a.plan.values_mut() {
        entry.owner.clear();
    }
    a.plan.retain(|_, p| p.target.is_some());
    a
}

/// One CSV cell: quoted when needed, and defused when a spreadsheet would read it as a formula.
pub fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The NIST CSF references as HICP prints them (a misprint with what it stands for), or which
/// of "HICP prints none" and "not recorded yet" holds: the two are never one empty cell.
fn nist_cell(refs: &NistCsf) -> String {
    match refs {
        NistCsf::Printed(refs) => refs
            .iter()
            .map(|r| match &r.reads_as {
                Some(meant) => format!("{} (as printed; read as {meant})", r.printed),
                None => r.printed.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        NistCsf::NonePrinted => "None printed in HICP (N/A)".to_owned(),
        NistCsf::NotRecorded => "Not yet recorded".to_owned(),
    }
}

/// The findings of every in-scope sub-practice, one row each, in pack order, with the plan
/// priority (1 = first) of those that are gaps. Lines end in CRLF, as RFC 4180 asks.
pub fn findings_csv(catalog: &Catalog, assessment: &Assessment) -> String {
    let plan = action_plan(catalog, assessment);
    let mut out = String::from(
        "ID,Practice,Tier,Sub-practice,Answer,In place since,Note,Threats mitigated,Plan priority,Owner,Target date,NIST CSF references,Answered by,Answered on\r\n",
    );
    let Some(tier) = assessment.tier else {
        return out;
    };
    for s in catalog.in_scope(tier, assessment.include_optional) {
        let answer = assessment.answers.get(&s.id);
        let choice = answer
            .and_then(|a| a.choice.as_ref())
            .and_then(|c| catalog.scale().choice(c))
            .map(|c| c.label.as_str())
            .unwrap_or("Unanswered");
        let practice = catalog
            .practice(&s.practice)
            .map(|p| format!("{}. {}", p.number, p.name))
            .unwrap_or_default();
        let threats: Vec<String> = catalog
            .threats_of(s)
            .iter()
            .filter_map(|t| catalog.threat(t))
            .map(|t| t.name.clone())
            .collect();
        let priority = plan.iter().position(|p| p.sub_practice == s.id);
        let entry = assessment.plan.get(&s.id);
        let row = [
            s.id.to_string(),
            practice,
            s.tier.label().to_owned(),
            s.title.clone(),
            choice.to_owned(),
            answer
                .and_then(|a| a.since)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            answer.map(|a| a.note.clone()).unwrap_or_default(),
            threats.join("; "),
            priority.map(|p| (p + 1).to_string()).unwrap_or_default(),
            entry.map(|e| e.owner.clone()).unwrap_or_default(),
            entry
                .and_then(|e| e.target)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            nist_cell(&s.nist_csf),
            answer.map(given_by).unwrap_or_default(),
            answer
                .and_then(|a| a.at.as_ref())
                .map(|t| t.date().to_string())
                .unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Who gave an answer, for a spreadsheet: the respondent, or "Coordinator" for the
/// assessment's own person once the answer says when it was given.
fn given_by(a: &Answer) -> String {
    match (a.by.as_str(), &a.at) {
        ("", Some(_)) => "Coordinator".into(),
        (by, _) => by.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell as cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("line\nbreak"), "\"line\nbreak\"");
    }
}
