//! The built-in pack against the facts in HICP 2018 (main document tables 1-9, TV2), and
//! the loader's refusals of broken packs.

use hicp_check::content::{load, BUILT_IN};
use hicp_check::domain::{PracticeId, ThreatId, Tier};

use super::{catalog, JsonEdit};

const SMALL: &[(&str, &str)] = &[
    ("1.S.A", "E-mail System Configuration"),
    ("1.S.B", "Education"),
    ("1.S.C", "Phishing Simulation"),
    ("2.S.A", "Basic Endpoint Protection"),
    ("3.S.A", "Basic Access Management"),
    ("4.S.A", "Policy"),
    ("4.S.B", "Procedures"),
    ("5.S.A", "Inventory"),
    ("5.S.B", "Procurement"),
    ("5.S.C", "Decommissioning"),
    ("6.S.A", "Network Segmentation"),
    ("6.S.B", "Physical Security and Guest Access"),
    ("6.S.C", "Intrusion Prevention"),
    ("7.S.A", "Vulnerability Management"),
    ("8.S.A", "Incident Response"),
    ("8.S.B", "ISAC/ISAO Participation"),
    ("9.S.A", "Medical Device Security"),
    ("10.S.A", "Policies"),
];

const MEDIUM: &[(&str, &str)] = &[
    ("1.M.A", "Basic E-mail Protection Controls"),
    (
        "1.M.B",
        "Multifactor Authentication for Remote E-mail Access",
    ),
    ("1.M.C", "E-mail Encryption"),
    ("1.M.D", "Workforce Education"),
    ("2.M.A", "Basic Endpoint Protection Controls"),
    ("3.M.A", "Identity"),
    (
        "3.M.B",
        "Provisioning, Transfers, and Deprovisioning Procedures",
    ),
    ("3.M.C", "Authentication"),
    ("3.M.D", "Multifactor Authentication for Remote Access"),
    ("4.M.A", "Classification of Data"),
    ("4.M.B", "Data Use Procedures"),
    ("4.M.C", "Data Security"),
    ("4.M.D", "Backup Strategies"),
    ("4.M.E", "Data Loss Prevention"),
    ("5.M.A", "Inventory of Endpoints and Servers"),
    ("5.M.B", "Procurement"),
    ("5.M.C", "Secure Storage for Inactive Devices"),
    ("5.M.D", "Decommissioning Assets"),
    ("6.M.A", "Network Profiles and Firewalls"),
    ("6.M.B", "Network Segmentation"),
    ("6.M.C", "Intrusion Prevention Systems"),
    ("6.M.D", "Web Proxy Protection"),
    ("6.M.E", "Physical Security of Network Devices"),
    ("7.M.A", "Host/Server Based Scanning"),
    ("7.M.B", "Web Application Scanning"),
    ("7.M.C", "System Placement and Data Classification"),
    (
        "7.M.D",
        "Patch Management, Configuration Management, and Change Management",
    ),
    ("8.M.A", "Security Operations Center"),
    ("8.M.B", "Incident Response"),
    ("8.M.C", "Information Sharing / ISACs/ISAOs"),
    ("9.M.A", "Medical Device Management"),
    ("9.M.B", "Endpoint Protections"),
    ("9.M.C", "Identity and Access Management"),
    ("9.M.D", "Asset Management"),
    ("9.M.E", "Network Management"),
    ("10.M.A", "Policies"),
];

const LARGE: &[(&str, &str)] = &[
    ("1.L.A", "Advanced and Next Generation Tooling"),
    ("1.L.B", "Digital Signatures"),
    ("1.L.C", "Analytics Driven Education"),
    ("2.L.A", "Automate the Provisioning of Endpoints"),
    ("2.L.B", "Mobile Device Management"),
    ("2.L.C", "Host Based Intrusion Detection/Prevention Systems"),
    ("2.L.D", "Endpoint Detection and Response"),
    ("2.L.E", "Application Whitelisting"),
    ("2.L.F", "Micro-segmentation/Virtualization Strategies"),
    ("3.L.A", "Federated Identity Management"),
    ("3.L.B", "Authorization"),
    ("3.L.C", "Access Governance"),
    ("3.L.D", "Single Sign On"),
    ("4.L.A", "Advanced Data Loss Prevention"),
    ("4.L.B", "Mapping of Data Flows"),
    ("5.L.A", "Automated Discovery and Maintenance"),
    ("5.L.B", "Integration with Network Access Control"),
    ("6.L.A", "Additional Network Segmentation"),
    ("6.L.B", "Command and Control Monitoring of Perimeter"),
    ("6.L.C", "Anomalous Network Monitoring and Analytics"),
    ("6.L.D", "Network Based Sandboxing / Malware Execution"),
    ("6.L.E", "Network Access Control"),
    ("7.L.A", "Penetration Testing"),
    ("7.L.B", "Remediation Planning"),
    ("8.L.A", "Advanced Security Operations Centers"),
    ("8.L.B", "Advanced Information Sharing"),
    ("8.L.C", "Incident Response Orchestration"),
    ("8.L.D", "Baseline Network Traffic"),
    ("8.L.E", "User Behavior Analytics"),
    ("8.L.F", "Deception Technologies"),
    ("9.L.A", "Vulnerability Management"),
    ("9.L.B", "Security Operations and Incident Response"),
    ("9.L.C", "Procurement and Security Evaluations"),
    ("9.L.D", "Contacting the FDA"),
];

#[test]
fn every_built_in_pack_loads() {
    for (file, text) in BUILT_IN {
        if let Err(e) = load(file, text) {
            panic!("{}", super::broken_pack(&e));
        }
    }
}

#[test]
fn sub_practices_match_hicp_2018_tables_7_to_9_exactly() {
    let c = catalog();
    for (tier, expected) in [
        (Tier::Small, SMALL),
        (Tier::Medium, MEDIUM),
        (Tier::Large, LARGE),
    ] {
        let actual: Vec<(&str, &str)> = c
            .sub_practices()
            .iter()
            .filter(|s| s.tier == tier)
            .map(|s| (s.id.as_str(), s.title.as_str()))
            .collect();
        assert_eq!(actual, expected, "{tier:?}");
    }
    assert_eq!(c.tier_counts(None), [18, 36, 34]);
    assert_eq!(c.sub_practices().len(), 88);
}

#[test]
fn practice_level_threat_map_matches_hicp_section_4a() {
    let c = catalog();
    let expected: [(u32, &[u32]); 10] = [
        (1, &[1, 2, 4]),
        (2, &[2, 3]),
        (3, &[2, 4, 5]),
        (4, &[2, 3, 4]),
        (5, &[2, 3, 4, 5]),
        (6, &[2, 3, 4, 5]),
        (7, &[2, 4, 5]),
        (8, &[1, 2, 3, 4, 5]),
        (9, &[5]),
        (10, &[1, 2, 3, 4, 5]),
    ];
    assert_eq!(c.practices().len(), 10);
    for (n, threats) in expected {
        let p = c
            .practice(&PracticeId::new(format!("practice.{n}")))
            .expect("practice exists");
        let numbers: Vec<u32> = p
            .threats
            .iter()
            .map(|t| c.threat(t).expect("threat resolves").number)
            .collect();
        assert_eq!(numbers, threats, "practice {n}");
    }
}

#[test]
fn threats_and_their_cited_sub_practices_match_main_document_tables_2_to_6() {
    let c = catalog();
    let expected: [(&str, &str, &str); 5] = [
        ("threat.phishing", "E-mail phishing attacks", "1.S.A 1.S.B 1.S.C 1.L.A 3.M.D 8.M.A 8.S.B 8.M.C"),
        ("threat.ransomware", "Ransomware attacks", "1.S.A 2.S.A 2.M.A 3.S.A 3.M.B 3.M.C 3.L.D 4.M.C 4.M.D 5.S.A 5.M.A 6.S.A 6.M.B 6.L.A 7.S.A 8.S.A 8.S.B 8.M.B 8.M.C"),
        ("threat.loss-theft", "Loss or theft of equipment or data", "3.S.A 4.S.B 4.M.C 4.M.D 4.M.E 4.L.A 5.S.A 5.S.C 5.M.D 9.M.A"),
        ("threat.insider", "Insider, accidental or intentional data loss", "1.S.B 1.M.D 3.M.B 3.M.C 4.M.E 4.L.A"),
        ("threat.medical-devices", "Attacks against connected medical devices that may affect patient safety", "1.L.A 9.M.B 9.M.C 9.M.D 9.M.E 9.L.A 9.L.B 9.L.C"),
    ];
    assert_eq!(c.threats().len(), 5);
    for (id, name, cited) in expected {
        let t = c.threat(&ThreatId::new(id)).expect("threat exists");
        assert_eq!(t.name, name);
        let actual: Vec<&str> = t.cited.iter().map(|x| x.sub_practice.as_str()).collect();
        assert_eq!(actual.join(" "), cited, "{id}");
    }
    let flagged: Vec<(&str, &str)> = c
        .threats()
        .iter()
        .flat_map(|t| {
            t.cited
                .iter()
                .filter(|x| x.flag.is_some())
                .map(move |x| (t.id.as_str(), x.sub_practice.as_str()))
        })
        .collect();
    assert_eq!(
        flagged,
        [
            ("threat.ransomware", "3.L.D"),
            ("threat.loss-theft", "9.M.A"),
            ("threat.medical-devices", "1.L.A")
        ]
    );
}

#[test]
fn only_renamed_and_confirmed_2023_names_are_carried() {
    let c = catalog();
    let renamed: Vec<(u32, &str)> = c
        .practices()
        .iter()
        .filter_map(|p| p.name_2023.as_deref().map(|n| (p.number, n)))
        .collect();
    assert_eq!(
        renamed,
        [
            (1, "Email Protection Systems"),
            (9, "Network Connected Medical Devices"),
            (10, "Cybersecurity Oversight and Governance")
        ]
    );
    let threats: Vec<u32> = c
        .threats()
        .iter()
        .filter(|t| t.name_2023.is_some())
        .map(|t| t.number)
        .collect();
    assert_eq!(threats, [1, 4, 5]);
}

#[test]
fn tier_scopes_follow_hicp_section_5d() {
    let c = catalog();
    assert_eq!(c.in_scope(Tier::Small, false).len(), 18);
    assert_eq!(c.in_scope(Tier::Medium, false).len(), 36);
    assert_eq!(c.in_scope(Tier::Medium, true).len(), 70);
    assert_eq!(c.in_scope(Tier::Large, false).len(), 70);
    assert!(c
        .in_scope(Tier::Large, true)
        .iter()
        .all(|s| s.tier != Tier::Small));
}

#[test]
fn sub_practice_prose_is_plain_text_a_person_can_read() {
    for s in catalog().sub_practices() {
        let texts = s
            .questions
            .iter()
            .chain([&s.in_place, &s.why, &s.technical]);
        for t in texts {
            assert!(
                !t.contains('<') && !t.contains('>'),
                "{}: markup in {t:?}",
                s.id
            );
            assert!(t.len() >= 20, "{}: too short: {t:?}", s.id);
        }
        assert!(s.questions.len() <= 3, "{}", s.id);
    }
}

/// Edits the built-in pack's JSON and returns the loader's message.
fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(BUILT_IN[0].1).unwrap();
    edit(&mut v);
    super::broken_pack(&load("broken.json", &v.to_string()).expect_err("a broken pack is refused"))
}

#[test]
fn broken_packs_are_refused_naming_the_file_and_the_id() {
    let cases: Vec<(JsonEdit, &str)> = vec![
        (
            Box::new(|v| v["sub_practices"][1]["id"] = "1.S.A".into()),
            "the id 1.S.A is used twice",
        ),
        (
            Box::new(|v| v["sub_practices"][0]["practice"] = "practice.99".into()),
            "1.S.A names a practice practice.99 that does not exist",
        ),
        (
            Box::new(|v| v["practices"][0]["threats"][0] = "threat.aliens".into()),
            "practice.1 names a threat threat.aliens that does not exist",
        ),
        (
            Box::new(|v| v["threats"][0]["cited"][0]["sub_practice"] = "1.S.Z".into()),
            "threat.phishing cites a sub-practice 1.S.Z that does not exist",
        ),
        (
            Box::new(|v| v["sub_practices"][0]["tier"] = "large".into()),
            "the id 1.S.A does not agree with its tier",
        ),
        (
            Box::new(|v| v["sub_practices"][0]["why"] = " ".into()),
            "1.S.A has an empty why",
        ),
        (
            Box::new(|v| {
                let choices = v["answer_scale"]["choices"].as_array_mut().unwrap();
                choices.retain(|c| c["id"] == "in_place");
            }),
            "answer scale: it needs at least two choices that carry points",
        ),
        (
            Box::new(|v| v["tiers"].as_array_mut().unwrap().truncate(2)),
            "tiers: no rule for the large tier",
        ),
        (
            Box::new(|v| {
                v["sizing"]["factors"][5]["ranges"]["medium"] = serde_json::json!([40, 299])
            }),
            "size factor size.beds: ranges must run from small to large without overlap",
        ),
        (
            Box::new(|v| v["format"] = "something-else".into()),
            "its format is \"something-else\"",
        ),
        (
            Box::new(|v| v["threats"][0]["colour"] = "red".into()),
            "unknown field `colour`",
        ),
    ];
    for (edit, expected) in cases {
        let message = broken(edit);
        assert!(
            message.starts_with("The question set broken.json is broken: "),
            "{message}"
        );
        assert!(
            message.contains(expected),
            "{message:?} should contain {expected:?}"
        );
    }
    let not_json = super::broken_pack(&load("x.json", "{").unwrap_err());
    assert!(
        not_json.contains("x.json") && not_json.contains("EOF"),
        "{not_json}"
    );
}

#[test]
fn the_spanish_overlay_translates_every_text_and_keeps_every_fact() {
    use hicp_check::content::{built_in, translated};
    let en = catalog();
    let spanish = super::i18n::bundle("es");
    let es = translated(built_in().unwrap(), spanish.packs()).unwrap();
    assert_eq!(es.info().language, "es");
    assert_eq!(
        es.info().id,
        en.info().id,
        "the same pack, so files move between languages"
    );
    assert_eq!(es.sub_practices().len(), 88);
    for (a, b) in en.sub_practices().iter().zip(es.sub_practices()) {
        let refs = |s: &hicp_check::domain::SubPractice| -> Vec<(String, String)> {
            let refs = s.nist_csf.refs().iter();
            refs.map(|r| (r.printed.clone(), r.csf().to_owned()))
                .collect()
        };
        assert_eq!(
            (&a.id, a.tier, &a.practice, refs(a)),
            (&b.id, b.tier, &b.practice, refs(b))
        );
        assert_eq!(a.questions.len(), b.questions.len(), "{}", a.id);
        assert_ne!(a.questions[0], b.questions[0], "{} is translated", a.id);
        assert_ne!(a.technical, b.technical, "{} is translated", a.id);
    }
    for (a, b) in en.threats().iter().zip(es.threats()) {
        assert_eq!(a.id, b.id);
        assert_ne!(a.name, b.name);
        assert_eq!(a.cited.len(), b.cited.len());
    }
    for (a, b) in en.scale().choices.iter().zip(&es.scale().choices) {
        assert_eq!((&a.id, a.points, a.task), (&b.id, b.points, b.task));
        assert_ne!(a.label, b.label);
    }
    for (a, b) in en.lenses()[0].items.iter().zip(&es.lenses()[0].items) {
        assert_eq!(
            (&a.id, &a.sub_practices, a.name_confirmed),
            (&b.id, &b.sub_practices, b.name_confirmed)
        );
        assert_ne!(a.name, b.name, "{}", a.id);
    }
    assert_eq!(es.sizing().factors.len(), en.sizing().factors.len());
    // No overlay for the pack: the pack's own language.
    assert_eq!(
        translated(built_in().unwrap(), []).unwrap().info().language,
        "en"
    );
    let other = serde_json::json!({ "pack": "another-pack", "language": "fr" });
    assert_eq!(
        translated(built_in().unwrap(), [("x.fr.json", &other)])
            .unwrap()
            .info()
            .language,
        "en"
    );
}

/// For a pack's author: every mistake at once, not one per attempt; the app's loader still
/// stops at the first, which is the first of the list.
#[test]
fn check_lists_every_mistake_in_a_pack() {
    use hicp_check::content::{check, ContentProblem};
    use hicp_check::domain::catalog::{CatalogError, ScaleProblem, TierProblem};
    use hicp_check::domain::sizing::SizingProblem;

    assert_eq!(check("hicp-2018.json", BUILT_IN[0].1), []);
    let mut v: serde_json::Value = serde_json::from_str(BUILT_IN[0].1).unwrap();
    v["answer_scale"]["choices"][0]["applies"] = false.into();
    v["tiers"].as_array_mut().unwrap().pop();
    v["sizing"]["factors"][0]["label"] = " ".into();
    v["practices"][0]["name"] = "".into();
    v["sub_practices"][3]["practice"] = "practice.99".into();
    v["threats"][0]["cited"][0]["sub_practice"] = "99.S.A".into();
    let text = v.to_string();
    let found: Vec<CatalogError> = check("several.json", &text)
        .into_iter()
        .map(|e| {
            assert_eq!(e.file, "several.json");
            match e.problem {
                ContentProblem::Catalog(e) => e,
                other => panic!("{other:?}"),
            }
        })
        .collect();
    assert_eq!(
        found,
        [
            CatalogError::Scale {
                problem: ScaleProblem::PointsDisagree {
                    choice: "in_place".into()
                }
            },
            CatalogError::Tiers {
                problem: TierProblem::NoRule { tier: Tier::Large }
            },
            CatalogError::Sizing {
                id: "size.exchange-partners".into(),
                problem: SizingProblem::EmptyLabel
            },
            CatalogError::EmptyText {
                id: "practice.1".into(),
                field: "name"
            },
            CatalogError::UnknownPractice {
                sub_practice: "2.S.A".into(),
                practice: "practice.99".into()
            },
            CatalogError::UnknownCitation {
                threat: "threat.phishing".into(),
                sub_practice: "99.S.A".into()
            },
        ]
    );
    let first = load("several.json", &text).unwrap_err();
    assert_eq!(first.problem, ContentProblem::Catalog(found[0].clone()));
    assert_eq!(
        super::broken_pack(&first),
        "The question set several.json is broken: answer scale: the choice in_place must carry \
         points exactly when it applies."
    );

    let unreadable = check("x.json", "{");
    assert_eq!(unreadable.len(), 1);
    assert!(matches!(
        unreadable[0].problem,
        ContentProblem::Json { line: 1, .. }
    ));
}
