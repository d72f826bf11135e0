//! NIST CSF references (issue 19): what Technical Volume 1 prints for small sub-practices, as
//! far as it has been read; "HICP prints none" kept apart from "not recorded yet" in the pack,
//! the catalogue, the CSF view, the CSV and the OSCAL export.

use hicp_check::content::{built_in, translated, BUILT_IN};
use hicp_check::domain::catalog::NistCsf;
use hicp_check::domain::lens::{csf_unreferenced, CsfUnreferenced};
use hicp_check::domain::{findings_csv, SubPracticeId, Tier};

use super::{answered, catalog};

fn printed(id: &str) -> Vec<(String, String)> {
    let c = catalog();
    let s = c.sub_practice(&SubPracticeId::new(id)).expect("exists");
    let refs = s.nist_csf.refs().iter();
    refs.map(|r| (r.printed.clone(), r.csf().to_owned()))
        .collect()
}

fn same(refs: &[&str]) -> Vec<(String, String)> {
    refs.iter()
        .map(|r| (r.to_string(), r.to_string()))
        .collect()
}

#[test]
fn tv1_references_are_carried_as_printed() {
    assert_eq!(printed("1.S.A"), same(&["PR.DS-2", "PR.IP-1", "PR.AC-7"]));
    assert_eq!(
        printed("2.S.A"),
        same(&["PR.AT", "PR.IP-1", "PR.AC-4", "PR.IP-12", "PR.DS-1", "PR.DS-2", "PR.AC-3"])
    );
    assert_eq!(
        printed("3.S.A"),
        same(&["PR.AT", "PR.AC-1", "PR.AC-6", "PR.AC-4", "PR.IP-11", "PR.IP-1", "PR.AC-7"])
    );
    let mut policies = same(&["IG.GV-1", "ID.AM-6", "PR.AT", "PR.AT-1", "RS.CO-1"]);
    policies[0].1 = "ID.GV-1".into();
    assert_eq!(
        printed("10.S.A"),
        policies,
        "the misprint is kept, read as ID.GV-1"
    );
    let c = catalog();
    let s = c.sub_practice(&SubPracticeId::new("10.S.A")).unwrap();
    let flag = s.nist_csf.refs()[0].flag.as_deref().unwrap_or_default();
    assert!(
        flag.contains("IG.GV-1") && flag.contains("ID.GV-1"),
        "{flag}"
    );
}

#[test]
fn none_printed_is_not_the_same_as_not_recorded() {
    let c = catalog();
    let kind = |s: &hicp_check::domain::SubPractice| match s.nist_csf {
        NistCsf::Printed(_) => "printed",
        NistCsf::NonePrinted => "none printed",
        NistCsf::NotRecorded => "not recorded",
    };
    let ids = |k: &str| -> Vec<&str> {
        let all = c.sub_practices().iter();
        all.filter(|s| kind(s) == k)
            .map(|s| s.id.as_str())
            .collect()
    };
    assert_eq!(
        ids("none printed"),
        ["8.L.A", "8.L.F"],
        "TV2 prints N/A for these two"
    );
    let not_recorded = ids("not recorded");
    assert_eq!(not_recorded.len(), 14);
    assert!(not_recorded.iter().all(|id| id.contains(".S.")));
    assert_eq!(ids("printed").len(), 88 - 2 - 14);
}

#[test]
fn the_pack_says_so_for_every_sub_practice() {
    let pack: serde_json::Value = serde_json::from_str(BUILT_IN[0].1).unwrap();
    for s in pack["sub_practices"].as_array().unwrap() {
        let refs = &s["nist_csf"];
        let explicit = refs == "none printed"
            || refs == "not recorded"
            || refs.as_array().is_some_and(|r| !r.is_empty());
        assert!(
            explicit,
            "{} states its references explicitly: {refs}",
            s["id"]
        );
    }
}

#[test]
fn every_reference_names_a_csf_function_or_is_flagged() {
    let c = catalog();
    let known = |r: &str| {
        // A subcategory (PR.AC-7), a category (PR.AT) or a bare function (8.M.B prints RC).
        let (function, rest) = r.split_once('.').unwrap_or((r, "AA"));
        ["ID", "PR", "DE", "RS", "RC"].contains(&function) && rest.len() >= 2
    };
    for s in c.sub_practices() {
        for r in s.nist_csf.refs() {
            assert!(
                known(r.csf()),
                "{}: {} is a CSF v1.1 reference",
                s.id,
                r.csf()
            );
            if !known(&r.printed) {
                assert!(
                    r.flag.is_some(),
                    "{}: printed {} is flagged",
                    s.id,
                    r.printed
                );
            }
        }
    }
}

#[test]
fn the_spanish_overlay_translates_the_flag_and_keeps_the_references() {
    let spanish = super::i18n::bundle("es");
    let es = translated(built_in().unwrap(), spanish.packs()).unwrap();
    let en = catalog();
    let id = SubPracticeId::new("10.S.A");
    let (a, b) = (en.sub_practice(&id).unwrap(), es.sub_practice(&id).unwrap());
    let strip = |s: &hicp_check::domain::SubPractice| -> Vec<(String, Option<String>)> {
        let refs = s.nist_csf.refs().iter();
        refs.map(|r| (r.printed.clone(), r.reads_as.clone()))
            .collect()
    };
    assert_eq!(strip(a), strip(b));
    assert_ne!(a.nist_csf.refs()[0].flag, b.nist_csf.refs()[0].flag);
}

#[test]
fn the_csf_view_counts_what_has_no_references_and_why() {
    let c = catalog();
    let small = answered(&c, Tier::Small, |_, _| None);
    assert_eq!(
        csf_unreferenced(&c, &small),
        CsfUnreferenced {
            in_scope: 18,
            none_printed: 0,
            not_recorded: 14
        }
    );
    let large = answered(&c, Tier::Large, |_, _| None);
    assert_eq!(
        csf_unreferenced(&c, &large),
        CsfUnreferenced {
            in_scope: 70,
            none_printed: 2,
            not_recorded: 0
        }
    );
}

#[test]
fn the_csv_tells_none_printed_from_not_recorded() {
    let c = catalog();
    let small = findings_csv(&c, &answered(&c, Tier::Small, |_, _| None));
    let row = |csv: &str, id: &str| {
        let found = csv.lines().find(|l| l.starts_with(&format!("{id},")));
        found.unwrap().to_owned()
    };
    assert!(
        small.starts_with("ID,")
            && small
                .lines()
                .next()
                .unwrap()
                .ends_with(",NIST CSF references,Answered by,Answered on")
    );
    assert!(row(&small, "1.S.A").ends_with(",PR.DS-2; PR.IP-1; PR.AC-7,,"));
    assert!(row(&small, "10.S.A")
        .ends_with(",IG.GV-1 (as printed; read as ID.GV-1); ID.AM-6; PR.AT; PR.AT-1; RS.CO-1,,"));
    assert!(row(&small, "4.S.A").ends_with(",Not yet recorded,,"));
    let large = findings_csv(&c, &answered(&c, Tier::Large, |_, _| None));
    assert!(row(&large, "8.L.F").ends_with(",None printed in HICP (N/A),,"));
}

#[test]
fn oscal_findings_carry_the_references_and_say_which_kind_they_are() {
    let c = catalog();
    let a = answered(&c, Tier::Small, |_, _| Some("partly"));
    let doc: serde_json::Value = serde_json::from_str(&super::oscal::results_text(&c, &a)).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"]
        .as_array()
        .unwrap();
    let props = |id: &str| -> Vec<(String, String, bool)> {
        let f = findings.iter().find(|f| {
            let ps = f["props"].as_array().unwrap();
            ps.iter()
                .any(|p| p["name"] == "sub-practice" && p["value"] == id)
        });
        let ps = f.unwrap()["props"].as_array().unwrap().iter();
        ps.filter(|p| p["name"].as_str().unwrap().starts_with("nist-csf"))
            .map(|p| {
                (
                    p["name"].as_str().unwrap().into(),
                    p["value"].as_str().unwrap().into(),
                    p.get("remarks").is_some(),
                )
            })
            .collect()
    };
    let p = |n: &str, v: &str, r: bool| (n.to_owned(), v.to_owned(), r);
    assert_eq!(
        props("4.S.A"),
        [p("nist-csf-references", "not-recorded", false)]
    );
    assert_eq!(
        props("10.S.A")[..3],
        [
            p("nist-csf-references", "printed", false),
            p("nist-csf", "ID.GV-1", true),
            p("nist-csf", "ID.AM-6", false)
        ]
    );
}

#[test]
fn fingerprints_under_content_1_1_0_are_pinned_too() {
    let c = catalog();
    let a = super::transfer::sample();
    assert_eq!(c.info().content_version, "1.1.0");
    let now = hicp_check::domain::fingerprint(&c, &a);
    assert_ne!(
        now,
        hicp_check::domain::fingerprint(&super::catalog_at("1.0.0"), &a),
        "the version is part of it"
    );
}
