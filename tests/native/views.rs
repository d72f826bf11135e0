//! Other views of the same answers: lenses (HHS CPGs, NIST CSF functions), the 12-month
//! look-back, comparing two assessments, and the sanitized copy.

use hicp_check::domain::compare::{compare, Change};
use hicp_check::domain::lens::{csf_results, lens_results};
use hicp_check::domain::lookback::look_back;
use hicp_check::domain::{sanitized, ChoiceId, SubPracticeId, Tier};

use super::{answered, catalog, ts};

#[test]
fn the_cpg_lens_has_ten_essential_and_ten_enhanced_goals_and_is_provisional() {
    let c = catalog();
    let lens = &c.lenses()[0];
    assert!(lens.provisional);
    assert!(lens.note.contains("provisional"));
    let groups: Vec<&str> = lens.items.iter().map(|i| i.group.as_str()).collect();
    assert_eq!(groups.iter().filter(|g| **g == "Essential").count(), 10);
    assert_eq!(groups.iter().filter(|g| **g == "Enhanced").count(), 10);
    let e2 = lens.items.iter().find(|i| i.label == "E2").unwrap();
    assert_eq!(e2.name, "Email Security");
    let unconfirmed: Vec<&str> = lens
        .items
        .iter()
        .filter(|i| !i.name_confirmed)
        .map(|i| i.label.as_str())
        .collect();
    assert_eq!(
        unconfirmed,
        ["N1", "N3", "N5", "N6", "N7", "N8", "N9", "N10"]
    );
}

#[test]
fn lens_coverage_counts_only_mapped_sub_practices_in_scope() {
    let c = catalog();
    let a = answered(&c, Tier::Small, |_, id| {
        Some(match id.as_str() {
            "1.S.A" => "in_place",
            "1.S.B" => "partly",
            _ => "not_in_place",
        })
    });
    let results = lens_results(&c, &a, &c.lenses()[0]);
    let e2 = results.iter().find(|r| r.item.label == "E2").unwrap();
    // E2 maps 1.S.A, 1.M.A, 1.L.A: only 1.S.A is in the small scope.
    assert_eq!(e2.in_scope, [SubPracticeId::new("1.S.A")]);
    assert_eq!(e2.coverage.percent(), Some(100));
    let e4 = results.iter().find(|r| r.item.label == "E4").unwrap();
    // 1.S.B partly, 1.S.C not, 10.S.A not: 1 of 6 points.
    assert_eq!(e4.in_scope.len(), 3);
    assert_eq!(e4.coverage.percent(), Some(17));
    let n4 = results.iter().find(|r| r.item.label == "N4").unwrap();
    assert!(n4.in_scope.is_empty());
    assert_eq!(n4.coverage.percent(), None);
}

#[test]
fn csf_functions_count_the_references_recorded() {
    let c = catalog();
    let small = csf_results(&c, &answered(&c, Tier::Small, |_, _| Some("in_place")));
    let counts: Vec<u32> = small.iter().map(|(_, _, cov)| cov.in_scope).collect();
    // TV1's references recorded so far: 1.S.A, 2.S.A, 3.S.A (all PR) and 10.S.A (ID.GV-1 read
    // from the misprinted IG.GV-1, ID.AM-6, PR.AT, PR.AT-1, RS.CO-1).
    assert_eq!(counts, [1, 4, 0, 1, 0]);
    let large = csf_results(&c, &answered(&c, Tier::Large, |_, _| Some("in_place")));
    let names: Vec<&str> = large.iter().map(|(_, n, _)| *n).collect();
    assert_eq!(
        names,
        ["Identify", "Protect", "Detect", "Respond", "Recover"]
    );
    let respond = large.iter().find(|(p, _, _)| *p == "RS").unwrap();
    // RS references: 8.M.A (RS.RP), 8.M.B, 2.L.D, 7.L.A, 9.L.A, 9.L.D.
    assert_eq!(respond.2.in_scope, 6);
    let recover = large.iter().find(|(p, _, _)| *p == "RC").unwrap();
    assert_eq!(recover.2.in_scope, 1, "only 8.M.B cites RC");
}

#[test]
fn look_back_sorts_dates_before_and_after_the_twelve_month_window() {
    let c = catalog();
    let mut a = answered(&c, Tier::Small, |i, _| {
        Some(if i < 5 { "in_place" } else { "partly" })
    });
    let t = ts("2026-06-01T00:00:00Z");
    for (id, since) in [
        ("1.S.A", "2025-06-01"),
        ("1.S.B", "2025-06-02"),
        ("1.S.C", "2020-01-15"),
        ("2.S.A", "2026-12-01"),
    ] {
        a.edit_answer(&SubPracticeId::new(id), t.clone(), |x| {
            x.since = Some(since.parse().unwrap())
        });
    }
    let r = look_back(&c, &a, "2026-06-01".parse().unwrap());
    assert_eq!(r.window_start.to_string(), "2025-06-01");
    let ids = |v: &[(SubPracticeId, hicp_check::domain::Date)]| {
        v.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&r.qualifying),
        ["1.S.A", "1.S.C"],
        "on the window's first day counts"
    );
    assert_eq!(
        ids(&r.too_recent),
        ["1.S.B", "2.S.A"],
        "a day late, or after the chosen date"
    );
    assert_eq!(r.undated, [SubPracticeId::new("3.S.A")]);
    assert_eq!(r.not_in_place, 13);
}

#[test]
fn comparing_two_years_shows_what_improved_slipped_and_is_new() {
    let c = catalog();
    let last_year = answered(&c, Tier::Small, |i, _| match i {
        0 => Some("partly"),
        1 => Some("in_place"),
        2 => Some("not_applicable"),
        3 => Some("in_place"),
        _ => None,
    });
    let mut this_year = answered(&c, Tier::Small, |i, _| match i {
        0 => Some("in_place"),
        1 => Some("not_in_place"),
        2 => Some("partly"),
        3 => Some("not_applicable"),
        4 => Some("dont_know"),
        _ => None,
    });
    this_year.edit_answer(
        &SubPracticeId::new("10.S.A"),
        ts("2026-01-01T00:00:00Z"),
        |x| x.choice = Some(ChoiceId::new("in_place")),
    );
    let cmp = compare(&c, &last_year, &this_year);
    let got: Vec<(&str, Change)> = cmp
        .changes
        .iter()
        .map(|x| (x.sub_practice.as_str(), x.change))
        .collect();
    assert_eq!(
        got,
        [
            ("1.S.A", Change::Improved),
            ("1.S.B", Change::Slipped),
            ("1.S.C", Change::New),
            ("2.S.A", Change::NowNotApplicable),
            ("3.S.A", Change::New),
            ("10.S.A", Change::New),
        ]
    );
    assert_eq!(cmp.count(Change::New), 3);
    assert_eq!(cmp.overall, (Some(83), Some(50)));
    let practice1 = &cmp.practices[0];
    assert_eq!((practice1.1, practice1.2), (Some(75), Some(50)));
}

#[test]
fn the_sanitized_copy_keeps_answers_but_no_name_notes_or_people() {
    let c = catalog();
    let mut a = answered(&c, Tier::Small, |_, _| Some("partly"));
    let t = ts("2026-01-01T00:00:00Z");
    a.organization.name = "Riverside Family Practice".into();
    a.edit_answer(&SubPracticeId::new("1.S.A"), t.clone(), |x| {
        x.note = "Ask Dr. Lee".into()
    });
    a.edit_answer(&SubPracticeId::new("9.S.A"), t.clone(), |x| {
        x.choice = None;
        x.note = "only a note".into();
    });
    a.edit_plan(&SubPracticeId::new("1.S.B"), t.clone(), |p| {
        p.owner = "Dana Smith".into();
        p.target = Some("2026-09-30".parse().unwrap());
    });
    a.edit_plan(&SubPracticeId::new("1.S.C"), t, |p| p.owner = "Sam".into());
    let s = sanitized(&a);
    let text = hicp_check::domain::export(&c, &s, &ts("2026-01-02T00:00:00Z"));
    for secret in ["Riverside", "Dr. Lee", "only a note", "Dana", "Sam"] {
        assert!(
            !text.contains(secret),
            "{secret} left in the sanitized file"
        );
    }
    assert_eq!(s.answers.len(), 17);
    assert_eq!(s.plan.len(), 1);
    assert_eq!(
        s.plan[&SubPracticeId::new("1.S.B")]
            .target
            .unwrap()
            .to_string(),
        "2026-09-30"
    );
}
