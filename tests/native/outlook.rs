//! The threat × practice map and the plan's projections (src/domain/outlook.rs), on a known
//! small-tier answer set whose figures are worked out by hand below. The end-to-end tests
//! check the screen against these same figures.

use hicp_check::domain::outlook::{by_quarter, once_done, threat_map, Cell, MAX_QUARTERS};
use hicp_check::domain::{action_plan, score, PracticeId, SubPracticeId, ThreatId, Tier};

use super::{answered, catalog, d, ts};

fn ids(list: &[&str]) -> Vec<SubPracticeId> {
    list.iter().map(|s| SubPracticeId::new(*s)).collect()
}

/// Small tier: practice 1 half in place (1.S.A in place, 1.S.B partly, 1.S.C not), 3.S.A
/// "don't know", 4.S.A not applicable and 4.S.B partly, 9.S.A not in place, the rest in
/// place. 17 answers count; 26 of 34 points: 76 %.
pub fn known() -> hicp_check::domain::Assessment {
    answered(&catalog(), Tier::Small, |_, id| {
        Some(match id.as_str() {
            "1.S.B" | "4.S.B" => "partly",
            "1.S.C" | "9.S.A" => "not_in_place",
            "3.S.A" => "dont_know",
            "4.S.A" => "not_applicable",
            _ => "in_place",
        })
    })
}

fn percent(r: &hicp_check::domain::Results, threat: &str) -> Option<u32> {
    let t = r
        .threats
        .iter()
        .find(|t| t.threat.as_str() == threat)
        .unwrap();
    t.coverage.percent()
}

#[test]
fn the_map_shows_each_linked_practice_with_its_coverage_and_gaps() {
    let c = catalog();
    let a = known();
    let map = threat_map(&c, &a, &score(&c, &a));
    assert_eq!(map.threats.len(), 5);
    assert_eq!(map.practices.len(), 10);
    let cell = |t: &str, p: &str| {
        let row = map
            .threats
            .iter()
            .position(|x| x == &ThreatId::new(t))
            .unwrap();
        let col = map
            .practices
            .iter()
            .position(|x| x == &PracticeId::new(p))
            .unwrap();
        &map.cells[row][col]
    };
    let linked = |t: &str, p: &str| match cell(t, p) {
        Cell::Linked { coverage, gaps } => (coverage.percent(), gaps.clone()),
        Cell::NotLinked => panic!("{t} × {p} is linked in HICP"),
    };
    assert_eq!(
        linked("threat.phishing", "practice.1"),
        (Some(50), ids(&["1.S.B", "1.S.C"]))
    );
    assert_eq!(
        linked("threat.ransomware", "practice.3"),
        (Some(0), ids(&["3.S.A"]))
    );
    assert_eq!(
        linked("threat.ransomware", "practice.4"),
        (Some(50), ids(&["4.S.B"]))
    );
    assert_eq!(
        linked("threat.medical-devices", "practice.9"),
        (Some(0), ids(&["9.S.A"]))
    );
    assert_eq!(
        linked("threat.insider", "practice.10"),
        (Some(100), ids(&[]))
    );
    assert_eq!(cell("threat.phishing", "practice.2"), &Cell::NotLinked);
    assert_eq!(cell("threat.ransomware", "practice.9"), &Cell::NotLinked);
    // Every threat row links exactly the practices HICP's map gives it.
    for (row, t) in map.threats.iter().enumerate() {
        for (col, p) in map.practices.iter().enumerate() {
            let hicp = c.practice(p).unwrap().threats.contains(t);
            assert_eq!(hicp, map.cells[row][col] != Cell::NotLinked, "{t} × {p}");
        }
    }
}

#[test]
fn the_first_plan_items_done_raise_overall_and_threat_coverage() {
    let c = catalog();
    let a = known();
    let plan = action_plan(&c, &a);
    let order: Vec<&str> = plan.iter().map(|i| i.sub_practice.as_str()).collect();
    assert_eq!(order, ["1.S.C", "3.S.A", "1.S.B", "4.S.B", "9.S.A"]);
    let before = score(&c, &a);
    assert_eq!(before.overall.percent(), Some(76));
    assert_eq!(percent(&before, "threat.ransomware"), Some(81));
    assert_eq!(percent(&before, "threat.medical-devices"), Some(83));
    assert_eq!(percent(&before, "threat.phishing"), Some(75));
    assert_eq!(percent(&before, "threat.insider"), Some(80));
    assert_eq!(percent(&before, "threat.loss-theft"), Some(95));
    let after = once_done(&c, &a, plan.iter().take(2).map(|i| &i.sub_practice));
    assert_eq!(after.overall.percent(), Some(88));
    assert_eq!(percent(&after, "threat.ransomware"), Some(94));
    assert_eq!(percent(&after, "threat.medical-devices"), Some(92));
    assert_eq!(percent(&after, "threat.phishing"), Some(92));
    assert_eq!(percent(&after, "threat.insider"), Some(93));
    assert_eq!(percent(&after, "threat.loss-theft"), Some(95));
    let all = once_done(&c, &a, plan.iter().map(|i| &i.sub_practice));
    assert_eq!(all.overall.percent(), Some(100));
    // Nothing done changes nothing.
    assert_eq!(once_done(&c, &a, []), before);
}

#[test]
fn dated_items_give_coverage_by_quarter_end() {
    for (day, end) in [
        ("2026-02-10", "2026-03-31"),
        ("2026-06-30", "2026-06-30"),
        ("2026-07-01", "2026-09-30"),
        ("2026-11-01", "2026-12-31"),
    ] {
        assert_eq!(d(day).quarter_end(), d(end));
    }
    let c = catalog();
    let mut a = known();
    for (id, target) in [
        ("1.S.C", "2026-02-10"),
        ("3.S.A", "2026-05-01"),
        ("9.S.A", "2026-11-30"),
    ] {
        a.edit_plan(
            &SubPracticeId::new(id),
            ts("2026-01-01T00:00:00.000Z"),
            |e| e.target = Some(d(target)),
        );
    }
    let plan = action_plan(&c, &a);
    let quarters: Vec<(String, Option<u32>)> = by_quarter(&c, &a, &plan, d("2026-01-15"))
        .into_iter()
        .map(|(end, r)| (end.to_string(), r.overall.percent()))
        .collect();
    let expected = [
        ("2026-03-31", Some(82)),
        ("2026-06-30", Some(88)),
        ("2026-09-30", Some(88)),
        ("2026-12-31", Some(94)),
    ]
    .map(|(e, p)| (e.to_owned(), p));
    assert_eq!(quarters, expected);
    // An overdue item counts from this quarter.
    let late = by_quarter(&c, &a, &plan, d("2026-04-15"));
    assert_eq!(late[0].0, d("2026-06-30"));
    assert_eq!(late[0].1.overall.percent(), Some(88));
    // No target date, no projection; a far target stops at the cap.
    assert!(by_quarter(&c, &known(), &action_plan(&c, &known()), d("2026-01-15")).is_empty());
    a.edit_plan(
        &SubPracticeId::new("1.S.B"),
        ts("2026-01-01T00:00:00.000Z"),
        |e| e.target = Some(d("2035-01-01")),
    );
    let plan = action_plan(&c, &a);
    assert_eq!(
        by_quarter(&c, &a, &plan, d("2026-01-15")).len(),
        MAX_QUARTERS
    );
}
