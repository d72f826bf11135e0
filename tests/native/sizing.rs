//! Sizing: realistic profiles get the tier HICP's table points to, with a reason per factor.

use hicp_check::domain::map::Map;

use hicp_check::domain::{recommend, FactorAnswer, FactorId, Tier};
use hicp_check::i18n::{messages, Texts};

use super::catalog;

fn profile(answers: &[(&str, FactorAnswer)]) -> hicp_check::domain::Recommendation {
    let answers: Map<FactorId, FactorAnswer> = answers
        .iter()
        .map(|(id, a)| (FactorId::new(*id), a.clone()))
        .collect();
    recommend(catalog().sizing(), &answers)
}

use FactorAnswer::{Band, Choice, Count};

#[test]
fn a_three_physician_practice_is_small() {
    let r = profile(&[
        ("size.exchange-partners", Band(Tier::Small)),
        ("size.it-capability", Band(Tier::Small)),
        ("size.security-investment", Band(Tier::Small)),
        ("size.physicians", Count(3)),
        ("size.complexity", Band(Tier::Small)),
    ]);
    assert_eq!(r.tier, Some(Tier::Small));
    assert_eq!(r.votes, [5, 0, 0]);
    assert!(!r.tied);
    let physicians = r
        .reasons
        .iter()
        .find(|x| x.factor.as_str() == "size.physicians")
        .unwrap();
    assert_eq!(physicians.vote, Some(Tier::Small));
    assert_eq!(
        messages::reason(&Texts::english(), &physicians.why),
        "3 physicians is in HICP's small band (1-10 physicians)."
    );
    assert_eq!(
        messages::summary(&Texts::english(), &r),
        "5 of 5 answers point to Small, more than to any other size."
    );
}

#[test]
fn a_120_bed_hospital_is_medium() {
    let r = profile(&[
        ("size.exchange-partners", Band(Tier::Medium)),
        ("size.it-capability", Band(Tier::Medium)),
        ("size.security-investment", Band(Tier::Small)),
        ("size.beds", Count(120)),
        ("size.providers", Count(200)),
        ("size.complexity", Band(Tier::Medium)),
    ]);
    assert_eq!(r.tier, Some(Tier::Medium));
    assert_eq!(r.votes, [1, 5, 0]);
}

#[test]
fn a_600_bed_health_system_is_large() {
    let r = profile(&[
        ("size.exchange-partners", Band(Tier::Large)),
        ("size.it-capability", Band(Tier::Large)),
        ("size.security-investment", Band(Tier::Medium)),
        ("size.beds", Count(600)),
        ("size.physicians", Count(400)),
        ("size.complexity", Band(Tier::Large)),
    ]);
    assert_eq!(r.tier, Some(Tier::Large));
    assert_eq!(r.votes, [0, 1, 5]);
}

#[test]
fn a_mixed_case_that_ties_goes_to_the_larger_tier() {
    let r = profile(&[
        ("size.exchange-partners", Band(Tier::Small)),
        ("size.it-capability", Band(Tier::Small)),
        ("size.physicians", Count(30)),
        ("size.complexity", Band(Tier::Medium)),
    ]);
    assert_eq!(r.votes, [2, 2, 0]);
    assert!(r.tied);
    assert_eq!(r.tier, Some(Tier::Medium));
    assert_eq!(
        messages::summary(&Texts::english(), &r),
        "Small and Medium are tied at 2 of 4 answers each; HICP Check then recommends Medium."
    );
}

#[test]
fn exactly_300_beds_falls_in_the_printed_gap_and_counts_as_large() {
    let r = profile(&[("size.beds", Count(300))]);
    assert_eq!(r.tier, Some(Tier::Large));
    let beds = r
        .reasons
        .iter()
        .find(|x| x.factor.as_str() == "size.beds")
        .unwrap();
    assert_eq!(
        messages::reason(&Texts::english(), &beds.why),
        "300 beds falls between the bands HICP prints; HICP Check counts it as large."
    );
    for (beds, tier) in [
        (50, Tier::Small),
        (51, Tier::Medium),
        (299, Tier::Medium),
        (301, Tier::Large),
    ] {
        assert_eq!(
            profile(&[("size.beds", Count(beds))]).tier,
            Some(tier),
            "{beds}"
        );
    }
}

#[test]
fn zero_and_unanswered_cast_no_vote_and_nothing_gives_no_recommendation() {
    let r = profile(&[("size.beds", Count(0))]);
    assert_eq!(r.tier, None);
    assert_eq!(r.votes, [0, 0, 0]);
    assert!(r.reasons.iter().all(|x| x.vote.is_none()));
    assert_eq!(profile(&[]).tier, None);
}

#[test]
fn other_organization_types_vote_for_their_listed_tier() {
    assert_eq!(
        profile(&[("size.org-type", Choice("health-plan".into()))]).tier,
        Some(Tier::Large)
    );
    assert_eq!(
        profile(&[("size.org-type", Choice("managed-service".into()))]).tier,
        Some(Tier::Medium)
    );
}
