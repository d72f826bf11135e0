//! Answering together: respondent files hold only what was given, a respondent's answers say
//! who gave them, returned files are checked (every kind of refusal), and merging takes what
//! does not differ and the coordinator's picks where it does.

use hicp_check::domain::map::Map;

use hicp_check::domain::evidence::{Item, Kind};
use hicp_check::domain::team::merge::{check, differences, merge, Pick, Refusal, Response};
use hicp_check::domain::team::{answered, respondent_file, Request, Sent};
use hicp_check::domain::{
    export, import, Assessment, Catalog, ChoiceId, FactorAnswer, FactorId, SubPracticeId, Tier,
};

use super::{catalog, ts};

fn id(s: &str) -> SubPracticeId {
    SubPracticeId::new(s)
}

fn choose(a: &mut Assessment, sub: &str, choice: &str, at: &str) {
    a.edit_answer(&id(sub), ts(at), |x| x.choice = Some(ChoiceId::new(choice)));
}

/// A medium clinic's coordinator: two answers, a note, a plan entry, evidence, a size answer.
fn coordinator() -> Assessment {
    let mut a = Assessment::new(ts("2026-11-01T09:00:00.000Z"));
    a.organization.name = "Lakeside Clinic".into();
    a.organization
        .sizing
        .insert(FactorId::new("size.physicians"), FactorAnswer::Count(40));
    a.tier = Some(Tier::Medium);
    choose(&mut a, "1.M.A", "in_place", "2026-11-02T10:00:00.000Z");
    choose(&mut a, "2.M.A", "partly", "2026-11-02T10:00:00.000Z");
    a.edit_answer(&id("1.M.A"), ts("2026-11-02T10:00:00.000Z"), |x| {
        x.note = "Gateway filters attachments".into()
    });
    a.edit_plan(&id("2.M.A"), ts("2026-11-02T10:00:00.000Z"), |p| {
        p.owner = "Sam".into()
    });
    a.edit_evidence(&id("2.M.A"), ts("2026-11-02T10:00:00.000Z"), |l| {
        l.push(record("e-own", "Asset list reviewed"))
    });
    a
}

fn record(item: &str, text: &str) -> Item {
    Item {
        id: item.into(),
        title: "Record".into(),
        as_of: "2026-11-01".parse().unwrap(),
        provided_by: String::new(),
        added: ts("2026-11-03T00:00:00.000Z"),
        kind: Kind::Record { text: text.into() },
    }
}

/// Prepares a request in the coordinator's copy, as the app does, and returns the file.
fn ask(a: &mut Assessment, req: &str, who: &str, scope: &[&str]) -> Assessment {
    let request = Request::new(
        req.into(),
        who.into(),
        "Please answer by Friday.".into(),
        scope.iter().map(|s| id(s)).collect(),
        ts("2026-11-03T08:00:00.000Z"),
    );
    a.requests.push(Sent {
        request: request.clone(),
        merged: Vec::new(),
    });
    respondent_file(a, &request)
}

/// The file as it travels: exported, then opened in the respondent's copy.
fn travel(c: &Catalog, a: &Assessment) -> Assessment {
    import(c, &export(c, a, &ts("2026-11-03T08:00:01.000Z"))).expect("it opens")
}

/// The respondent's side: opens `file`, makes `edit`, and sends it back answered at `at`.
fn answer_back(
    c: &Catalog,
    file: &Assessment,
    at: &str,
    edit: impl FnOnce(&mut Assessment),
) -> Assessment {
    let mut mine = travel(c, file);
    edit(&mut mine);
    travel(c, &answered(c, &mine, &ts(at)).expect("a respondent file"))
}

fn respond(c: &Catalog, file: &Assessment, edits: &[(&str, &str)], at: &str) -> Assessment {
    answer_back(c, file, at, |mine| {
        for (sub, choice) in edits {
            choose(mine, sub, choice, at);
        }
    })
}

/// Dana is asked `scope` (request r-1) and answers `edits` on 4 November: her file, and the
/// copy she sends back.
fn dana(
    c: &Catalog,
    a: &mut Assessment,
    scope: &[&str],
    edits: &[(&str, &str)],
) -> (Assessment, Assessment) {
    let file = ask(a, "r-1", "Dana", scope);
    let back = respond(c, &file, edits, "2026-11-04T12:00:00.000Z");
    (file, back)
}

#[test]
fn a_respondent_file_holds_only_what_was_given() {
    let c = catalog();
    let mut a = coordinator();
    let file = travel(&c, &ask(&mut a, "r-1", "Dana", &["1.M.A", "1.M.B"]));
    assert_eq!(file.created, a.created, "the assessment's identity travels");
    assert_eq!(file.organization.name, "Lakeside Clinic");
    assert_eq!(file.tier, Some(Tier::Medium));
    assert_eq!(file.answers.keys().collect::<Vec<_>>(), [&id("1.M.A")]);
    assert_eq!(
        file.answers[&id("1.M.A")].note,
        "Gateway filters attachments"
    );
    assert!(file.organization.sizing.is_empty());
    assert!(file.plan.is_empty() && file.evidence.is_empty() && file.requests.is_empty());
    let asked = file.asked.as_ref().unwrap();
    assert_eq!(asked.request.respondent, "Dana");
    assert_eq!(asked.request.scope, [id("1.M.A"), id("1.M.B")]);
    assert_eq!(asked.answered, None);
}

#[test]
fn a_respondents_answers_carry_their_name_and_time_and_the_seal_holds() {
    let c = catalog();
    let mut a = coordinator();
    let (_, back) = dana(&c, &mut a, &["1.M.A", "1.M.B"], &[("1.M.B", "in_place")]);
    let given = &back.answers[&id("1.M.B")];
    assert_eq!(given.by, "Dana");
    assert_eq!(given.at, Some(ts("2026-11-04T12:00:00.000Z")));
    assert_eq!(
        back.answers[&id("1.M.A")].by,
        "",
        "untouched answers keep theirs"
    );
    let asked = back.asked.as_ref().unwrap();
    assert_eq!(asked.answered, Some(ts("2026-11-04T12:00:00.000Z")));
    assert_eq!(asked.fingerprint.len(), 64);
    let r = check(&c, &a, &back, &[]).expect("an answered file is accepted");
    assert_eq!(r.answers.len(), 1, "only what Dana gave");
}

#[test]
fn every_kind_of_wrong_return_is_refused() {
    let c = catalog();
    let mut a = coordinator();
    let (file, back) = dana(&c, &mut a, &["1.M.B"], &[("1.M.B", "in_place")]);
    let refused =
        |mine: &Assessment, theirs: &Assessment| check(&c, mine, theirs, &[]).unwrap_err();
    let dana = || "Dana".to_owned();

    assert_eq!(refused(&a, &a), Refusal::NotAResponse);

    let mut other = Assessment::new(ts("2026-10-01T00:00:00.000Z"));
    other.requests = a.requests.clone();
    assert!(
        matches!(refused(&other, &back), Refusal::OtherAssessment { organization } if organization == "Lakeside Clinic")
    );

    let mut forgot = a.clone();
    forgot.requests.clear();
    assert_eq!(
        refused(&forgot, &back),
        Refusal::UnknownRequest { respondent: dana() }
    );

    assert_eq!(
        refused(&a, &travel(&c, &file)),
        Refusal::NotAnswered { respondent: dana() }
    );

    let mut wider = back.clone();
    choose(&mut wider, "4.M.A", "in_place", "2026-11-04T12:00:00.000Z");
    let wider = answered(&c, &wider, &ts("2026-11-04T12:30:00.000Z")).unwrap();
    assert_eq!(
        refused(&a, &wider),
        Refusal::OutOfScope {
            respondent: dana(),
            ids: vec!["4.M.A".into()]
        }
    );

    // Edited in a text editor after it was answered: the note changed, the seal did not.
    let text = export(&c, &back, &ts("2026-11-04T12:00:00.000Z"));
    let edited = import(&c, &text.replace("\"in_place\"", "\"not_in_place\"")).unwrap();
    assert_eq!(
        refused(&a, &edited),
        Refusal::Tampered { respondent: dana() }
    );

    let r = check(&c, &a, &back, &[]).unwrap();
    let twice = check(&c, &a, &back, std::slice::from_ref(&r)).unwrap_err();
    assert!(
        matches!(twice, Refusal::AlreadyMerged { .. }),
        "the same file chosen twice"
    );
    let (merged, _) = merge(&a, &[r], &Map::new(), &ts("2026-11-05T00:00:00.000Z"));
    assert_eq!(
        refused(&merged, &back),
        Refusal::AlreadyMerged {
            respondent: dana(),
            answered: ts("2026-11-04T12:00:00.000Z")
        }
    );
    // Answered again later, the same request's new response is welcome.
    let again = respond(
        &c,
        &back,
        &[("1.M.B", "partly")],
        "2026-11-06T09:00:00.000Z",
    );
    assert!(check(&c, &merged, &again, &[]).is_ok());
}

#[test]
fn three_respondents_merge_with_one_difference_picked_and_notes_kept_together() {
    let c = catalog();
    let mut a = coordinator();
    let dana = ask(&mut a, "r-dana", "Dana", &["1.M.A", "1.M.B"]);
    let eli = ask(&mut a, "r-eli", "Eli", &["4.M.A"]);
    let sam = ask(&mut a, "r-sam", "Sam", &["2.M.A", "9.M.A"]);
    let dana = answer_back(&c, &dana, "2026-11-04T12:05:00.000Z", |copy| {
        let at = "2026-11-04T12:00:00.000Z";
        choose(copy, "1.M.A", "partly", at);
        copy.edit_answer(&id("1.M.A"), ts(at), |x| {
            x.note = "Only the main site".into()
        });
        choose(copy, "1.M.B", "in_place", at);
    });
    let eli = respond(
        &c,
        &eli,
        &[("4.M.A", "not_in_place")],
        "2026-11-04T13:00:00.000Z",
    );
    // Sam gives the same as the coordinator on 2.M.A and adds the evidence the coordinator
    // already holds, plus a new item.
    let sam = answer_back(&c, &sam, "2026-11-04T14:05:00.000Z", |copy| {
        let at = "2026-11-04T14:00:00.000Z";
        choose(copy, "2.M.A", "partly", at);
        choose(copy, "9.M.A", "dont_know", at);
        copy.edit_evidence(&id("2.M.A"), ts(at), |l| {
            l.push(record("e-sam-1", "Asset list reviewed"));
            l.push(record("e-sam-2", "Inventory tool in use"));
        });
    });

    let mut responses: Vec<Response> = Vec::new();
    for file in [&dana, &eli, &sam] {
        let r = check(&c, &a, file, &responses).expect("each file is accepted");
        responses.push(r);
    }
    assert_eq!(responses[2].duplicates, 1);
    assert!(responses[0].older.is_empty());
    let diffs = differences(&a, &responses);
    assert_eq!(diffs.len(), 1, "only 1.M.A differs: {diffs:?}");
    assert_eq!(diffs[0].id, id("1.M.A"));
    assert_eq!(diffs[0].theirs[0].0, 0);

    let picks = Map::from([(
        id("1.M.A"),
        Pick {
            take: Some(0),
            notes_together: true,
        },
    )]);
    let (m, summary) = merge(&a, &responses, &picks, &ts("2026-11-05T00:00:00.000Z"));
    let taken = &m.answers[&id("1.M.A")];
    assert_eq!(taken.choice, Some(ChoiceId::new("partly")));
    assert_eq!(taken.by, "Dana");
    assert_eq!(
        taken.note,
        "Gateway filters attachments\n\n\u{2014} Dana: Only the main site"
    );
    assert_eq!(m.answers[&id("4.M.A")].by, "Eli");
    assert_eq!(m.answers[&id("9.M.A")].by, "Sam");
    assert_eq!(
        m.answers[&id("2.M.A")].by,
        "",
        "the same answer is not Sam's change"
    );
    assert_eq!(m.evidence[&id("2.M.A")].len(), 2);
    assert_eq!(m.plan, a.plan, "the plan is the coordinator's");
    assert!(m.requests.iter().all(|s| s.merged.len() == 1));
    let counts: Vec<(&str, usize, usize, usize, usize)> = summary
        .iter()
        .map(|t| {
            (
                t.respondent.as_str(),
                t.answers,
                t.not_taken,
                t.evidence,
                t.duplicates,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("Dana", 2, 0, 0, 0),
            ("Eli", 1, 0, 0, 0),
            ("Sam", 1, 0, 1, 1)
        ]
    );
    // The merged assessment is saved and opened again with everything said.
    assert_eq!(travel(&c, &m), m);

    // Keeping the coordinator's answer instead leaves it as it was.
    let keep = Map::from([(
        id("1.M.A"),
        Pick {
            take: None,
            notes_together: false,
        },
    )]);
    let (k, summary) = merge(&a, &responses, &keep, &ts("2026-11-05T00:00:00.000Z"));
    assert_eq!(k.answers[&id("1.M.A")], a.answers[&id("1.M.A")]);
    assert_eq!((summary[0].answers, summary[0].not_taken), (1, 1));
}

#[test]
fn a_response_older_than_the_coordinators_answer_says_so() {
    let c = catalog();
    let mut a = coordinator();
    let (_, back) = dana(&c, &mut a, &["1.M.A"], &[("1.M.A", "not_in_place")]);
    choose(&mut a, "1.M.A", "partly", "2026-11-06T12:00:00.000Z");
    let r = check(&c, &a, &back, &[]).unwrap();
    assert_eq!(r.older, [id("1.M.A")]);
}

#[test]
fn a_shared_copy_names_no_respondent() {
    let c = catalog();
    let mut a = coordinator();
    let (_, back) = dana(&c, &mut a, &["1.M.B"], &[("1.M.B", "in_place")]);
    let r = check(&c, &a, &back, &[]).unwrap();
    let (m, _) = merge(&a, &[r], &Map::new(), &ts("2026-11-05T00:00:00.000Z"));
    let shared = hicp_check::domain::sanitized(&m);
    assert!(shared.requests.is_empty());
    assert!(shared.answers.values().all(|x| x.by.is_empty()));
}

/// Regression: the same answer from two respondents was taken, and counted, twice.
#[test]
fn the_same_answer_from_two_respondents_is_taken_once() {
    let c = catalog();
    let mut a = coordinator();
    let dana = ask(&mut a, "r-dana", "Dana", &["1.M.B"]);
    let eli = ask(&mut a, "r-eli", "Eli", &["1.M.B"]);
    let dana = respond(
        &c,
        &dana,
        &[("1.M.B", "in_place")],
        "2026-11-04T12:00:00.000Z",
    );
    let eli = respond(
        &c,
        &eli,
        &[("1.M.B", "in_place")],
        "2026-11-04T13:00:00.000Z",
    );
    let first = check(&c, &a, &dana, &[]).unwrap();
    let second = check(&c, &a, &eli, std::slice::from_ref(&first)).unwrap();
    let responses = [first, second];
    assert!(differences(&a, &responses).is_empty(), "they agree");
    let (m, summary) = merge(&a, &responses, &Map::new(), &ts("2026-11-05T00:00:00.000Z"));
    assert_eq!(m.answers[&id("1.M.B")].by, "Dana", "the first to give it");
    assert_eq!((summary[0].answers, summary[1].answers), (1, 0));
}

/// Regression: items over a sub-practice's limit were dropped, yet counted as added.
#[test]
fn evidence_over_the_limit_is_counted_as_left_out() {
    let c = catalog();
    let mut a = coordinator();
    a.edit_evidence(&id("1.M.B"), ts("2026-11-02T10:00:00.000Z"), |l| {
        for n in 0..hicp_check::domain::evidence::ITEMS_MAX - 1 {
            l.push(record(&format!("e-own-{n}"), &format!("Check {n}")));
        }
    });
    let file = ask(&mut a, "r-1", "Dana", &["1.M.B"]);
    let back = answer_back(&c, &file, "2026-11-04T12:05:00.000Z", |copy| {
        copy.edit_evidence(&id("1.M.B"), ts("2026-11-04T12:00:00.000Z"), |l| {
            l.push(record("e-d-1", "Dana's first"));
            l.push(record("e-d-2", "Dana's second"));
        });
    });
    let r = check(&c, &a, &back, &[]).unwrap();
    let (m, summary) = merge(&a, &[r], &Map::new(), &ts("2026-11-05T00:00:00.000Z"));
    assert_eq!(
        m.evidence[&id("1.M.B")].len(),
        hicp_check::domain::evidence::ITEMS_MAX
    );
    assert_eq!((summary[0].evidence, summary[0].over_limit), (1, 1));
}

/// A response keeps its seal when the respondent's copy has another edition of the pack than
/// the coordinator's (a host updated it while the file was out).
#[test]
fn the_seal_does_not_depend_on_the_packs_edition() {
    let c = catalog();
    let (file_name, text) = hicp_check::content::BUILT_IN[0];
    let earlier = text.replacen(
        "\"content_version\":\"1.1.0\"",
        "\"content_version\":\"1.0.0\"",
        1,
    );
    assert_ne!(earlier, text);
    let c0 =
        hicp_check::content::load(file_name, &earlier).expect("the same pack, an earlier edition");
    let mut a = coordinator();
    let file = ask(&mut a, "r-1", "Dana", &["1.M.B"]);
    let mut copy = travel(&c0, &file);
    choose(&mut copy, "1.M.B", "in_place", "2026-11-04T12:00:00.000Z");
    let sealed = answered(&c0, &copy, &ts("2026-11-04T12:00:00.000Z")).unwrap();
    let text = export(&c0, &sealed, &ts("2026-11-04T12:00:00.000Z"));
    assert!(text.contains("\"version\": \"1.0.0\""));
    assert!(check(&c, &a, &import(&c, &text).unwrap(), &[]).is_ok());
}

#[test]
fn a_respondent_file_without_a_respondent_is_refused() {
    let c = catalog();
    let mut a = coordinator();
    let file = ask(&mut a, "r-1", "Dana", &["1.M.B"]);
    let text = export(&c, &file, &ts("2026-11-03T08:00:01.000Z"));
    let nameless = text.replace("\"respondent\": \"Dana\"", "\"respondent\": \" \"");
    assert!(import(&c, &nameless).is_err());
}
