//! Evidence: how far it reaches back for the look-back, the names files get in a package, what
//! counts as a link, and the package's index (HTML with no script, CSV).

use hicp_check::domain::evidence::{
    cover, entry_names, is_link, safe_file_name, Cover, Item, Kind,
};
use hicp_check::domain::lookback::look_back;
use hicp_check::domain::SubPracticeId;
use hicp_check::i18n::Texts;
use hicp_check::package_index;

use super::transfer::sample_with_evidence;
use super::{catalog, d, ts};

fn record(id: &str, as_of: &str) -> Item {
    Item {
        id: id.into(),
        title: format!("item {id}"),
        as_of: d(as_of),
        provided_by: String::new(),
        added: ts("2026-11-01T00:00:00Z"),
        kind: Kind::Record {
            text: "seen".into(),
        },
    }
}

fn file(id: &str, name: &str) -> Item {
    Item {
        kind: Kind::File {
            name: name.into(),
            size: 1,
            media_type: String::new(),
            sha256: "0".repeat(64),
        },
        ..record(id, "2026-01-01")
    }
}

#[test]
fn evidence_covers_the_year_only_from_its_start_to_a_recent_date() {
    let as_of = d("2026-11-30");
    let start = as_of.years_before(1);
    let c = |items: &[Item]| cover(items, as_of, start);
    assert_eq!(c(&[]), Cover::None);
    // Dated after the look-back's date: not evidence of anything yet.
    assert_eq!(c(&[record("a", "2026-12-01")]), Cover::None);
    assert_eq!(c(&[record("a", "2026-10-01")]), Cover::OnlyRecent);
    assert_eq!(c(&[record("a", "2025-11-30")]), Cover::NotRecent);
    assert_eq!(
        c(&[record("a", "2025-11-30"), record("b", "2026-08-30")]),
        Cover::Whole
    );
    assert_eq!(
        c(&[record("a", "2025-11-30"), record("b", "2026-08-29")]),
        Cover::NotRecent,
        "three months before 30 November is 30 August"
    );
    assert_eq!(
        c(&[record("a", "2025-12-01"), record("b", "2026-11-29")]),
        Cover::OnlyRecent,
        "one day short of twelve months"
    );
}

#[test]
fn the_look_back_reports_evidence_for_every_in_scope_sub_practice() {
    let c = catalog();
    let a = sample_with_evidence();
    let r = look_back(&c, &a, d("2026-03-02"));
    let in_scope = c.in_scope(a.tier.unwrap(), false).len();
    assert_eq!(r.evidence.len(), in_scope);
    let of = |id: &str| {
        r.evidence
            .iter()
            .find(|(s, _)| s == &SubPracticeId::new(id))
            .map(|(_, cover)| *cover)
    };
    // 1.S.A: a file as of 2025-01-15 and two items from February 2026.
    assert_eq!(of("1.S.A"), Some(Cover::Whole));
    assert_eq!(of("1.S.B"), Some(Cover::None));
}

#[test]
fn files_get_readable_safe_unique_names_by_sub_practice() {
    assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
    assert_eq!(safe_file_name("C:\\Windows\\x.exe"), "C__Windows_x.exe");
    assert_eq!(safe_file_name(" .hidden "), "hidden");
    assert_eq!(safe_file_name("..."), "file");
    assert_eq!(safe_file_name("a\u{0}b\nc.pdf"), "a_b_c.pdf");
    assert_eq!(safe_file_name(&"x".repeat(300)).chars().count(), 100);

    let mut a = sample_with_evidence();
    let t = ts("2026-03-03T00:00:00Z");
    a.edit_evidence(&SubPracticeId::new("1.S.A"), t.clone(), |l| {
        l.push(file("e-4", "Filtering Policy.PDF"));
        l.push(file("e-5", "filtering policy.pdf"));
        l.push(file("e-6", "roster"));
    });
    a.edit_evidence(&SubPracticeId::new("2.S.A"), t, |l| {
        l.push(file("e-7", "filtering policy.pdf"));
    });
    let names = entry_names(&a);
    assert_eq!(names["e-1"], "evidence/1.S.A/filtering policy.pdf");
    assert_eq!(names["e-4"], "evidence/1.S.A/Filtering Policy (2).PDF");
    assert_eq!(names["e-5"], "evidence/1.S.A/filtering policy (3).pdf");
    assert_eq!(names["e-6"], "evidence/1.S.A/roster");
    assert_eq!(names["e-7"], "evidence/2.S.A/filtering policy.pdf");
    assert_eq!(names.len(), 5, "links and records have no entry");
}

#[test]
fn only_https_addresses_with_a_host_are_links() {
    for ok in ["https://example.org", "https://example.org/a?b#c"] {
        assert!(is_link(ok), "{ok}");
    }
    for bad in [
        "http://example.org",
        "javascript:alert(1)",
        "https://",
        "https:///path",
        "https://exa mple.org",
        "HTTPS://example.org",
        "https://@evil",
        "data:text/html,x",
    ] {
        assert!(!is_link(bad), "{bad}");
    }
}

#[test]
fn the_index_page_runs_no_script_and_escapes_what_people_typed() {
    let c = catalog();
    let mut a = sample_with_evidence();
    a.organization.name = "<script>alert(1)</script> & Co".into();
    a.edit_evidence(
        &SubPracticeId::new("1.S.A"),
        ts("2026-03-03T00:00:00Z"),
        |l| {
            l[2].kind = Kind::Record {
                text: "<img src=x onerror=alert(1)>".into(),
            };
        },
    );
    let html = package_index::html(
        &c,
        &Texts::english_complete(),
        &a,
        &ts("2026-03-04T00:00:00Z"),
    );
    assert!(html.contains("default-src 'none'"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(html.contains("<a href=\"evidence/1.S.A/filtering%20policy.pdf\">"));
    assert!(html.contains("https://admin.example.org/mfa"));
    assert!(html.contains("self-reported"));
    assert!(html.contains("<h2>1. "));
    assert!(html.contains("2025-01-15"), "the as-of date of the file");
}

#[test]
fn the_index_csv_has_a_row_per_item_and_one_per_sub_practice_without() {
    let c = catalog();
    let a = sample_with_evidence();
    let csv = package_index::csv(&c, &Texts::english_complete(), &a);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    let in_scope = c.in_scope(a.tier.unwrap(), false).len();
    // A header, three rows for 1.S.A's items, one for each other in-scope sub-practice.
    assert_eq!(lines.len(), 1 + 3 + (in_scope - 1));
    assert!(lines[0].starts_with("Practice,ID,Sub-practice,Answer,In place since,Evidence"));
    let file_row = lines
        .iter()
        .find(|l| l.contains("Mail filtering policy"))
        .unwrap();
    assert!(file_row.contains("evidence/1.S.A/filtering policy.pdf"));
    assert!(file_row.contains(&"ab".repeat(32)));
    assert!(file_row.contains("2025-01-15"));
    assert!(file_row.contains("2024-06-01"), "the in-place-since date");
}
