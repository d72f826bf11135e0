//! The slips a review of the pack's wording found (issue 17), each pinned so that it cannot
//! come back, in English and in the Spanish overlay; and files saved under the earlier
//! content version still open.

use hicp_check::content::{built_in, translated};
use hicp_check::domain::{import, Catalog, SubPracticeId};

use super::{catalog, ts};

const SAVED_UNDER_1_0_0: &str = include_str!("../fixtures/saved-content-1.0.0.json");
const GOLDEN: &str = include_str!("../fixtures/golden-export-v2.json");

fn both() -> [Catalog; 2] {
    let spanish = super::i18n::bundle("es");
    [
        catalog(),
        translated(built_in().unwrap(), spanish.packs()).unwrap(),
    ]
}

fn sub<'a>(c: &'a Catalog, id: &str) -> &'a hicp_check::domain::SubPractice {
    c.sub_practice(&SubPracticeId::new(id)).expect("exists")
}

#[test]
fn the_cpg_note_claims_no_negative_and_stays_provisional() {
    let [en, es] = both();
    let note = |c: &Catalog| c.lenses()[0].note.clone();
    assert!(en.lenses()[0].provisional);
    assert!(!note(&en).contains("no official mapping"), "{}", note(&en));
    assert!(note(&en).contains("HICP Check's own") && note(&en).contains("provisional"));
    assert!(note(&en).contains("not been checked against HHS's own alignment"));
    assert!(!note(&es).contains("no ha publicado"), "{}", note(&es));
    assert!(note(&es).contains("provisional") && note(&es).contains("no se ha contrastado"));
}

#[test]
fn practice_10_is_cybersecurity_policies_not_awareness() {
    let [en, es] = both();
    let t = &sub(&en, "10.S.A").technical;
    assert!(!t.contains("security awareness"), "{t}");
    assert!(
        t.contains("practice 10 (Cybersecurity Policies)") && t.contains("1.S.B"),
        "{t}"
    );
    let t = &sub(&es, "10.S.A").technical;
    assert!(!t.contains("concientización en seguridad."), "{t}");
    assert!(
        t.contains("práctica 10 (Políticas de ciberseguridad)") && t.contains("1.S.B"),
        "{t}"
    );
}

#[test]
fn small_tier_figures_from_technical_volume_2_say_so() {
    let [en, es] = both();
    for (c, bare, credited) in [
        (&en, "HICP suggests", "HICP (Technical Volume 2) suggests"),
        (&es, "HICP sugiere", "HICP (Volumen técnico 2) sugiere"),
    ] {
        let small = c
            .sub_practices()
            .iter()
            .filter(|s| s.id.as_str().contains(".S."));
        for s in small {
            let texts = [&s.in_place, &s.why, &s.technical];
            assert!(
                texts.iter().all(|t| !t.contains(bare)),
                "{} credits TV2",
                s.id
            );
        }
        for id in ["1.S.C", "2.S.A", "3.S.A", "7.S.A"] {
            assert!(sub(c, id).technical.contains(credited), "{id}");
        }
    }
    for (c, word, nist) in [
        (&en, "breached", "NIST SP 800-63B also"),
        (&es, "filtradas", "NIST SP 800-63B también"),
    ] {
        let t = &sub(c, "3.S.A").technical;
        let sentence = t
            .split(". ")
            .find(|x| x.contains(word))
            .expect("screening is named");
        assert!(
            sentence.starts_with(nist) && !sentence.contains("HICP"),
            "{sentence}"
        );
    }
}

#[test]
fn guest_wifi_is_asked_in_6_s_b_only() {
    let [en, es] = both();
    for (c, guest) in [(&en, "guest"), (&es, "invitados")] {
        let asks = |id: &str| {
            sub(c, id)
                .questions
                .iter()
                .any(|q| q.to_lowercase().contains(guest))
        };
        assert!(!asks("6.S.A"));
        assert!(asks("6.S.B"));
    }
}

/// The first questions that bundled several checks, now split: each asks one thing.
const SPLIT: &[&str] = &[
    "1.S.A", "2.S.A", "3.S.A", "6.S.B", "9.S.A", "1.M.A", "1.M.C", "2.M.A", "3.M.C", "4.M.B",
    "4.M.C", "4.M.D", "5.M.D", "7.M.D", "10.M.A",
];

#[test]
fn a_first_question_asks_one_thing() {
    let [en, es] = both();
    for s in en.sub_practices() {
        let q = &s.questions[0];
        for second in [
            ", and do ",
            ", and does ",
            ", and is ",
            ", and are ",
            ", and have ",
        ] {
            assert!(!q.contains(second), "{}: {q}", s.id);
        }
        assert!(s.questions.len() <= 3, "{}", s.id);
    }
    let first = |c: &Catalog, id: &str| sub(c, id).questions[0].clone();
    assert_eq!(first(&en, "1.S.A"), "Does your e-mail service filter out spam, phishing and harmful attachments before they reach staff?");
    assert!(
        sub(&en, "1.S.A").questions[1].contains("second step"),
        "MFA moves to also ask"
    );
    assert_eq!(
        first(&en, "2.S.A"),
        "Does every computer and laptop have anti-virus running and kept up to date?"
    );
    assert_eq!(first(&en, "10.M.A"), "Do you have an approved set of cybersecurity policies that covers all ten HICP practice areas?");
    for id in SPLIT {
        assert!(!first(&es, id).contains(", y "), "{id}: {}", first(&es, id));
    }
}

#[test]
fn the_look_back_says_what_the_law_is_about_and_that_dates_are_self_reported() {
    let en = hicp_check::i18n::Texts::english_complete();
    let es = hicp_check::i18n::Texts::from_bundle(&super::i18n::bundle("es")).unwrap();
    let en = en.get("views.look_back.intro");
    for word in [
        "116-321",
        "HIPAA",
        "fines",
        "audits",
        "covered entities",
        "business associates",
        "you entered yourself",
    ] {
        assert!(en.contains(word), "{word}: {en}");
    }
    let es = es.get("views.look_back.intro");
    for word in [
        "116-321",
        "HIPAA",
        "multas",
        "auditorías",
        "entidades cubiertas",
        "socios comerciales",
        "usted mismo",
    ] {
        assert!(es.contains(word), "{word}: {es}");
    }
}

#[test]
fn the_cited_lists_keep_their_flags_in_both_languages() {
    let [en, es] = both();
    for (a, b) in en.threats().iter().zip(es.threats()) {
        assert_eq!(a.cited.len(), b.cited.len());
        for (x, y) in a.cited.iter().zip(&b.cited) {
            assert_eq!(x.sub_practice, y.sub_practice);
            assert_eq!(x.flag.is_some(), y.flag.is_some(), "{}", x.sub_practice);
        }
    }
    let flagged: Vec<&str> = en
        .threats()
        .iter()
        .flat_map(|t| &t.cited)
        .filter(|c| c.flag.is_some())
        .map(|c| c.sub_practice.as_str())
        .collect();
    assert_eq!(flagged, ["3.L.D", "9.M.A", "1.L.A"]);
}

#[test]
fn a_file_saved_under_content_1_0_0_still_opens_with_the_same_answers() {
    let c = catalog();
    assert_eq!(c.info().content_version, "1.1.0");
    assert!(SAVED_UNDER_1_0_0.contains("\"version\": \"1.0.0\""));
    let old = import(&c, SAVED_UNDER_1_0_0).expect("an older content version opens");
    assert_eq!(
        old,
        import(&c, GOLDEN).unwrap(),
        "ids never change, so the answers are the same"
    );
    assert_eq!(
        old,
        super::transfer::unattributed(super::transfer::sample())
    );
    let again = hicp_check::domain::export(&c, &old, &ts("2026-03-02T10:00:00.000Z"));
    assert!(
        again.contains("\"version\": \"1.1.0\""),
        "saved again, it records the new version"
    );
}
