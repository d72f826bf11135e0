//! Scoring golden cases on the small tier (18 sub-practices, 2 points each at best), and the
//! action plan's order.

use hicp_check::domain::{action_plan, score, ChoiceId, PlanKind, SubPracticeId, Tier};

use super::{answered, catalog, ts};

#[test]
fn all_in_place_is_full_coverage_everywhere() {
    let c = catalog();
    let r = score(&c, &answered(&c, Tier::Small, |_, _| Some("in_place")));
    assert_eq!(r.overall.in_scope, 18);
    assert_eq!(r.overall.assessed, 18);
    assert_eq!((r.overall.points, r.overall.max_points), (36, 36));
    assert_eq!(r.overall.percent(), Some(100));
    assert_eq!(r.practices.len(), 10);
    assert!(r.practices.iter().all(|(_, p)| p.percent() == Some(100)));
    assert!(r
        .threats
        .iter()
        .all(|t| t.coverage.percent() == Some(100) && t.gaps.is_empty()));
    assert!(action_plan(&c, &answered(&c, Tier::Small, |_, _| Some("in_place"))).is_empty());
}

#[test]
fn nothing_in_place_is_zero_and_every_sub_practice_is_a_gap() {
    let c = catalog();
    let a = answered(&c, Tier::Small, |_, _| Some("not_in_place"));
    let r = score(&c, &a);
    assert_eq!(r.overall.percent(), Some(0));
    assert_eq!(r.overall.max_points, 36);
    assert_eq!(action_plan(&c, &a).len(), 18);
    let phishing = &r.threats[0];
    assert_eq!(phishing.threat.as_str(), "threat.phishing");
    // Practices 1, 8 and 10 mitigate phishing: 3 + 2 + 1 small sub-practices.
    assert_eq!(phishing.coverage.in_scope, 6);
    assert_eq!(
        phishing
            .gaps
            .iter()
            .map(SubPracticeId::as_str)
            .collect::<Vec<_>>(),
        ["1.S.A", "1.S.B", "1.S.C", "8.S.A", "8.S.B", "10.S.A"]
    );
}

#[test]
fn exactly_on_a_rounding_boundary_rounds_half_up() {
    let c = catalog();
    // 4 answered: one partly (1 point) of 8 possible = 12.5 % -> 13 %.
    let a = answered(&c, Tier::Small, |i, _| match i {
        0 => Some("partly"),
        1..=3 => Some("not_in_place"),
        _ => None,
    });
    let r = score(&c, &a);
    assert_eq!((r.overall.points, r.overall.max_points), (1, 8));
    assert_eq!(r.overall.percent(), Some(13));
    assert_eq!(r.overall.unanswered, 14);
    // Half of everything: 9 in place, 9 not = exactly 50 %.
    let half = answered(&c, Tier::Small, |i, _| {
        Some(if i % 2 == 0 {
            "in_place"
        } else {
            "not_in_place"
        })
    });
    assert_eq!(score(&c, &half).overall.percent(), Some(50));
}

#[test]
fn all_not_applicable_leaves_nothing_to_score() {
    let c = catalog();
    let r = score(
        &c,
        &answered(&c, Tier::Small, |_, _| Some("not_applicable")),
    );
    assert_eq!(r.overall.not_applicable, 18);
    assert_eq!(r.overall.assessed, 0);
    assert_eq!(r.overall.max_points, 0);
    assert_eq!(r.overall.percent(), None);
    assert_eq!(r.overall.answered(), 18);
}

#[test]
fn unanswered_is_reported_never_scored() {
    let c = catalog();
    let none = answered(&c, Tier::Small, |_, _| None);
    let r = score(&c, &none);
    assert_eq!(r.overall.unanswered, 18);
    assert_eq!(r.overall.percent(), None);
    assert!(action_plan(&c, &none).is_empty());
    // Two answered, both in place: 100 % of what was answered, 16 still open.
    let two = answered(&c, Tier::Small, |i, _| (i < 2).then_some("in_place"));
    let r = score(&c, &two);
    assert_eq!(r.overall.percent(), Some(100));
    assert_eq!((r.overall.assessed, r.overall.unanswered), (2, 16));
}

#[test]
fn dont_know_counts_as_not_in_place_and_becomes_a_find_out_task() {
    let c = catalog();
    let a = answered(&c, Tier::Small, |_, id| {
        Some(if id.as_str() == "7.S.A" {
            "dont_know"
        } else {
            "in_place"
        })
    });
    let r = score(&c, &a);
    assert_eq!((r.overall.points, r.overall.max_points), (34, 36));
    assert_eq!(r.overall.tasks, 1);
    let plan = action_plan(&c, &a);
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].sub_practice.as_str(), "7.S.A");
    assert_eq!(plan[0].kind, PlanKind::FindOut);
}

#[test]
fn the_action_plan_puts_the_widest_protection_first_then_smaller_tiers() {
    let c = catalog();
    let mut a = answered(&c, Tier::Large, |_, _| Some("not_in_place"));
    for id in ["9.L.D", "1.L.A", "10.M.A", "8.L.A"] {
        a.edit_answer(&SubPracticeId::new(id), ts("2026-01-02T00:00:00Z"), |x| {
            x.choice = Some(ChoiceId::new("partly"))
        });
    }
    a.edit_plan(
        &SubPracticeId::new("10.M.A"),
        ts("2026-01-02T00:00:00Z"),
        |p| {
            p.owner = "Practice manager".into();
            p.target = Some("2027-03-31".parse().unwrap());
        },
    );
    let plan = action_plan(&c, &a);
    let order: Vec<&str> = plan.iter().map(|p| p.sub_practice.as_str()).collect();
    // Five-threat practices (8, 10) first, medium before large, not-in-place before partly.
    assert_eq!(
        &order[..5],
        ["8.M.A", "8.M.B", "8.M.C", "10.M.A", "8.L.B"],
        "{order:?}"
    );
    assert_eq!(plan.len(), 70);
    assert_eq!(*order.last().unwrap(), "9.L.D");
    assert_eq!(plan[3].owner, "Practice manager");
    assert!(plan.windows(2).all(|w| w[0].threats >= w[1].threats));
}

#[test]
fn answers_outside_the_tier_are_kept_but_not_scored() {
    let c = catalog();
    let mut a = answered(&c, Tier::Small, |_, _| Some("in_place"));
    a.edit_answer(
        &SubPracticeId::new("1.M.A"),
        ts("2026-01-02T00:00:00Z"),
        |x| x.choice = Some(ChoiceId::new("not_in_place")),
    );
    assert_eq!(score(&c, &a).overall.percent(), Some(100));
    a.tier = Some(Tier::Medium);
    let r = score(&c, &a);
    assert_eq!((r.overall.assessed, r.overall.unanswered), (1, 35));
    assert_eq!(r.overall.percent(), Some(0));
}

/// The one-pass scorer agrees with the plainest reading of the rules (each practice and each
/// threat scored over the sub-practices in scope that belong to it), on every tier, with and
/// without the optional set, for mixed answers including unanswered ones.
#[test]
fn the_one_pass_score_equals_the_plain_definition() {
    // The built-in pack, and one whose first practice names a threat twice.
    let mut pack: serde_json::Value =
        serde_json::from_str(hicp_check::content::BUILT_IN[0].1).unwrap();
    let first = pack["practices"][0]["threats"][0].clone();
    pack["practices"][0]["threats"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let repeated = hicp_check::content::load("repeated.json", &pack.to_string()).unwrap();
    for c in [catalog(), repeated] {
        agrees_with_the_plain_definition(&c);
    }
}

fn agrees_with_the_plain_definition(c: &hicp_check::domain::Catalog) {
    use hicp_check::domain::scoring::Coverage;
    let choices = [
        None,
        Some("in_place"),
        Some("partly"),
        Some("not_in_place"),
        Some("dont_know"),
        Some("not_applicable"),
    ];
    for tier in [Tier::Small, Tier::Medium, Tier::Large] {
        for (seed, optional) in [(3usize, false), (7, true), (11, false)] {
            let mut a = answered(c, tier, |i, _| choices[(i * seed + i / 3) % choices.len()]);
            a.include_optional = optional;
            let scope = c.in_scope(tier, optional);
            let cover = |keep: &dyn Fn(&&&hicp_check::domain::SubPractice) -> bool| {
                let mut cov = Coverage::default();
                for s in scope.iter().filter(keep) {
                    cov.add(c, a.choice(&s.id));
                }
                cov
            };
            let r = score(c, &a);
            assert_eq!(r.threats.len(), c.threats().len());
            assert_eq!(r.overall, cover(&|_| true));
            let practices: Vec<_> = c
                .practices()
                .iter()
                .map(|p| (p.id.clone(), cover(&|s| s.practice == p.id)))
                .filter(|(_, cov)| cov.in_scope > 0)
                .collect();
            assert_eq!(r.practices, practices, "{tier:?}");
            for (t, got) in c.threats().iter().zip(&r.threats) {
                let mitigates = |s: &&&hicp_check::domain::SubPractice| {
                    c.practice(&s.practice)
                        .is_some_and(|p| p.threats.contains(&t.id))
                };
                assert_eq!(got.threat, t.id);
                assert_eq!(
                    got.coverage,
                    cover(&mitigates),
                    "{tier:?} {}",
                    t.id.as_str()
                );
                let gaps: Vec<_> = scope
                    .iter()
                    .filter(mitigates)
                    .filter(|s| {
                        a.choice(&s.id)
                            .and_then(|ch| c.scale().choice(ch))
                            .and_then(|ch| ch.points)
                            .is_some_and(|p| p < c.scale().max_points())
                    })
                    .map(|s| s.id.clone())
                    .collect();
                assert_eq!(got.gaps, gaps);
            }
        }
    }
}
