//! HICP in OSCAL as HICP Check publishes it (`domain::oscal::publish`): generated from the
//! pack, byte for byte the same each time, and what assessment results point at. The
//! validators and trestle's profile resolver check the same documents (`scripts/test`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use hicp_check::domain::catalog::NistCsf;
use hicp_check::domain::oscal::publish::{published, Published};
use hicp_check::domain::oscal::{assessment_results, control_id, Version};
use hicp_check::domain::{Assessment, ChoiceId, Tier};
use serde_json::Value;

use super::oscal::{hospital, small, GENERATED, SITE};
use super::{catalog, catalog_at, ts};

fn documents() -> Vec<Published> {
    published(&catalog()).expect("the built-in pack is published")
}

fn doc(path: &str) -> Value {
    let d = documents();
    let found = d
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("{path} is published"));
    serde_json::from_str(&found.text).expect("JSON")
}

fn strs<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v[key]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn the_same_pack_gives_byte_identical_documents_in_both_versions() {
    let first = documents();
    let second = documents();
    assert_eq!(first.len(), 29);
    for (a, b) in first.iter().zip(&second) {
        assert_eq!((&a.path, &a.text), (&b.path, &b.text));
    }
    // The 1.1.3 copy of each document differs only in the version it states.
    for old in first.iter().filter(|p| p.path.starts_with("oscal/1.1.3/")) {
        let new_path = old.path.replace("oscal/1.1.3/", "oscal/");
        let new = first.iter().find(|p| p.path == new_path).unwrap();
        assert_eq!(
            old.text.replace(
                "\"oscal-version\": \"1.1.3\"",
                "\"oscal-version\": \"1.2.3\""
            ),
            new.text
        );
        assert!(old.text.contains("\"oscal-version\": \"1.1.3\""));
    }
    // Mapping collections are OSCAL 1.2 only.
    assert!(first
        .iter()
        .all(|p| !(p.path.starts_with("oscal/1.1.3/") && p.path.contains("-to-"))));
}

#[test]
fn the_catalog_and_a_profile_keep_their_uuids() {
    let catalog = doc("oscal/hicp-2018-catalog.json");
    // The UUID assessment results have named the catalog by (content 1.1.0).
    assert_eq!(
        catalog["catalog"]["uuid"],
        "bb2cd3a6-afcb-5b7c-953d-e008d0465755"
    );
    let small = doc("oscal/hicp-2018-profile-small.json");
    assert_eq!(
        small["profile"]["uuid"],
        "1fbf4995-d901-5810-9743-9bcde5661b38"
    );
}

#[test]
fn results_link_the_published_profile_of_their_size_even_with_a_stale_optional_tick() {
    // Medium with the optional set ticked, then large: the tick stays in the file, and the
    // results keep the profile UUID they have always given it, but link the large profile.
    let c = catalog();
    let mut a = Assessment::new(ts("2026-02-01T12:00:00.000Z"));
    a.tier = Some(Tier::Large);
    a.include_optional = true;
    let ar: Value = serde_json::from_str(&super::oscal::results_text(&c, &a)).unwrap();
    let profile = ar["assessment-results"]["back-matter"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"] == "HICP Large organizations")
        .unwrap()
        .clone();
    assert_eq!(
        profile["rlinks"][0]["href"],
        format!("{SITE}oscal/hicp-2018-profile-large.json")
    );
    assert_ne!(
        profile["uuid"],
        doc("oscal/hicp-2018-profile-large.json")["profile"]["uuid"]
    );
    assert_eq!(
        ar["assessment-results"]["import-ap"]["href"],
        format!("{SITE}oscal/hicp-2018-ap-large.json")
    );
}

#[test]
fn the_index_page_lists_every_document_with_its_version() {
    let d = documents();
    let index = d.iter().find(|p| p.path == "oscal/index.html").unwrap();
    for p in d.iter().filter(|p| p.path.ends_with(".json")) {
        let href = p.path.strip_prefix("oscal/").unwrap();
        assert!(
            index.text.contains(&format!("<a href=\"{href}\">")),
            "{href}"
        );
    }
    assert_eq!(index.text.matches("<td>1.1.3</td>").count(), 13);
    assert_eq!(index.text.matches("<td>1.2.3</td>").count(), 15);
    assert!(!index.text.contains("<script") && !index.text.contains("style"));
}

#[test]
fn the_catalog_holds_every_practice_and_sub_practice_of_the_pack() {
    let c = catalog();
    let d = &doc("oscal/hicp-2018-catalog.json")["catalog"];
    let groups = d["groups"].as_array().unwrap();
    assert_eq!(groups.len(), c.practices().len());
    let threats: BTreeSet<String> = d["back-matter"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("#{}", r["uuid"].as_str().unwrap()))
        .collect();
    let mut controls = Vec::new();
    for (g, p) in groups.iter().zip(c.practices()) {
        assert_eq!(g["title"], p.name.as_str());
        for control in g["controls"].as_array().unwrap() {
            let id = control["id"].as_str().unwrap();
            let sub = c
                .sub_practices()
                .iter()
                .find(|s| control_id(&s.id) == id)
                .unwrap();
            assert_eq!(sub.practice, p.id);
            assert_eq!(control["title"], sub.title.as_str());
            let props = control["props"].as_array().unwrap();
            let value = |name: &str| -> Vec<&str> {
                props
                    .iter()
                    .filter(|x| x["name"] == name)
                    .map(|x| x["value"].as_str().unwrap())
                    .collect()
            };
            assert_eq!(value("label"), [sub.id.as_str()]);
            assert_eq!(value("tier"), [sub.tier.key()]);
            let expected: Vec<&str> = c.threats_of(sub).iter().map(|t| t.as_str()).collect();
            assert_eq!(value("threat"), expected);
            assert!(!expected.is_empty());
            // Every link to a threat resolves to the back matter.
            for link in control["links"].as_array().unwrap() {
                assert!(threats.contains(link["href"].as_str().unwrap()));
            }
            let parts: Vec<&str> = control["parts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["name"].as_str().unwrap())
                .collect();
            assert_eq!(parts, ["statement", "guidance", "assessment-objective"]);
            assert_eq!(control["parts"][0]["prose"], sub.in_place.as_str());
            controls.push(id.to_owned());
        }
    }
    let all: Vec<String> = c
        .sub_practices()
        .iter()
        .map(|s| control_id(&s.id))
        .collect();
    assert_eq!(controls.len(), 88);
    assert_eq!(
        controls.iter().collect::<BTreeSet<_>>(),
        all.iter().collect()
    );
    assert!(d["metadata"]["remarks"]
        .as_str()
        .unwrap()
        .contains("every other word is HICP Check's own"));
}

#[test]
fn each_profile_selects_its_size_and_has_the_uuid_assessment_results_name() {
    let c = catalog();
    for (name, tier, optional) in [
        ("small", Tier::Small, false),
        ("medium", Tier::Medium, false),
        ("large", Tier::Large, false),
    ] {
        let p = &doc(&format!("oscal/hicp-2018-profile-{name}.json"))["profile"];
        let expected: Vec<String> = c
            .in_scope(tier, optional)
            .iter()
            .map(|s| control_id(&s.id))
            .collect();
        assert_eq!(p["imports"][0]["href"], "hicp-2018-catalog.json");
        assert_eq!(
            strs(&p["imports"][0]["include-controls"][0], "with-ids"),
            expected
        );
        // The profile the assessment results' back matter has named since the first export.
        let mut a = Assessment::new(ts("2026-02-01T12:00:00.000Z"));
        a.tier = Some(tier);
        let ar: Value = serde_json::from_str(&super::oscal::results_text(&c, &a)).unwrap();
        let resources = ar["assessment-results"]["back-matter"]["resources"]
            .as_array()
            .unwrap();
        assert!(resources.iter().any(|r| r["uuid"] == p["uuid"]));
    }
    // Medium with the optional large set: the medium profile, plus every large sub-practice
    // marked optional.
    let p = &doc("oscal/hicp-2018-profile-medium-with-large.json")["profile"];
    assert_eq!(p["imports"][0]["href"], "hicp-2018-profile-medium.json");
    assert!(p["imports"][0]["include-all"].is_object());
    let large: Vec<String> = c
        .sub_practices()
        .iter()
        .filter(|s| s.tier == Tier::Large)
        .map(|s| control_id(&s.id))
        .collect();
    assert_eq!(
        strs(&p["imports"][1]["include-controls"][0], "with-ids"),
        large
    );
    let alters = p["modify"]["alters"].as_array().unwrap();
    assert_eq!(alters.len(), large.len());
    assert!(alters
        .iter()
        .all(|a| a["adds"][0]["props"][0]["name"] == "optional"));
}

#[test]
fn the_nist_csf_mapping_is_the_references_hicp_prints() {
    let c = catalog();
    let d = &doc("oscal/hicp-2018-to-nist-csf-1.1.json")["mapping-collection"];
    let mapping = &d["mappings"][0];
    let maps = mapping["maps"].as_array().unwrap();
    let mut unmapped = Vec::new();
    for sub in c.sub_practices() {
        let id = control_id(&sub.id);
        let map = maps
            .iter()
            .find(|m| m["sources"][0]["id-ref"] == id.as_str());
        match &sub.nist_csf {
            NistCsf::Printed(refs) => {
                let targets: Vec<&str> = map.unwrap()["targets"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t["id-ref"].as_str().unwrap())
                    .collect();
                let expected: Vec<&str> = refs.iter().map(|r| r.csf()).collect();
                assert_eq!(targets, expected, "{id}");
            }
            _ => {
                assert!(map.is_none());
                unmapped.push(id);
            }
        }
    }
    // 10.S.A's misprint is mapped as the reference it stands for, and says so.
    let s10 = maps
        .iter()
        .find(|m| m["sources"][0]["id-ref"] == "hicp-10.s.a")
        .unwrap();
    assert_eq!(s10["targets"][0]["id-ref"], "ID.GV-1");
    assert!(s10["targets"][0]["remarks"]
        .as_str()
        .unwrap()
        .contains("IG.GV-1"));
    let gaps: BTreeSet<&str> = strs(
        &mapping["source-gap-summary"]["unmapped-controls"][0],
        "with-ids",
    )
    .into_iter()
    .collect();
    assert_eq!(gaps, unmapped.iter().map(String::as_str).collect());
    assert!(!gaps.is_empty());
    assert_eq!(d["provenance"]["status"], "not-complete");
    assert!(maps.iter().all(|m| m["relationship"] == "intersects-with"));
}

#[test]
fn the_cpg_mapping_is_the_lens_and_is_marked_provisional() {
    let c = catalog();
    let lens = &c.lenses()[0];
    assert!(lens.provisional);
    let d = &doc("oscal/hicp-2018-to-hph-cpg.json")["mapping-collection"];
    assert_eq!(d["provenance"]["status"], "draft");
    for props in [&d["metadata"]["props"], &d["mappings"][0]["props"]] {
        assert!(props
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "provisional" && p["value"] == "true"));
    }
    // The sub-practices the lens relates to no goal are the gap summary.
    let related: BTreeSet<String> = lens
        .items
        .iter()
        .flat_map(|i| i.sub_practices.iter().map(control_id))
        .collect();
    let gaps: BTreeSet<&str> = strs(
        &d["mappings"][0]["source-gap-summary"]["unmapped-controls"][0],
        "with-ids",
    )
    .into_iter()
    .collect();
    let expected: BTreeSet<String> = c
        .sub_practices()
        .iter()
        .map(|s| control_id(&s.id))
        .filter(|id| !related.contains(id))
        .collect();
    assert_eq!(gaps, expected.iter().map(String::as_str).collect());
    assert!(!gaps.is_empty());
    assert_eq!(d["provenance"]["mapping-description"], lens.note.as_str());
    assert!(d["metadata"]["title"]
        .as_str()
        .unwrap()
        .ends_with("(provisional)"));
    let maps = d["mappings"][0]["maps"].as_array().unwrap();
    assert_eq!(maps.len(), lens.items.len());
    for (m, item) in maps.iter().zip(&lens.items) {
        assert_eq!(m["targets"][0]["id-ref"], item.id.as_str());
        let sources: Vec<&str> = m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id-ref"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = item.sub_practices.iter().map(control_id).collect();
        assert_eq!(sources, expected);
    }
}

#[test]
fn assessment_results_import_the_plan_of_their_size_in_their_version() {
    let c = catalog();
    let mut a = Assessment::new(ts("2026-02-01T12:00:00.000Z"));
    for (tier, optional, version, plan) in [
        (
            Tier::Small,
            false,
            Version::V1_2_3,
            "oscal/hicp-2018-ap-small.json",
        ),
        (
            Tier::Small,
            true,
            Version::V1_2_3,
            "oscal/hicp-2018-ap-small.json",
        ),
        (
            Tier::Medium,
            true,
            Version::V1_2_3,
            "oscal/hicp-2018-ap-medium-with-large.json",
        ),
        (
            Tier::Large,
            false,
            Version::V1_1_3,
            "oscal/1.1.3/hicp-2018-ap-large.json",
        ),
    ] {
        a.tier = Some(tier);
        a.include_optional = optional;
        let text = assessment_results(&c, &a, &ts("2026-03-02T10:00:00.000Z"), version, Some(SITE));
        let ar: Value = serde_json::from_str(&text).unwrap();
        let ar = &ar["assessment-results"];
        assert_eq!(ar["import-ap"]["href"], format!("{SITE}{plan}"));
        assert_eq!(ar["metadata"]["oscal-version"], version.as_str());
        assert!(documents().iter().any(|p| p.path == plan));
    }
    // Where the site is not known, or the pack is not one HICP Check publishes (here the
    // same pack under another edition), the plan is the back matter's description.
    for (catalog, site) in [(catalog(), None), (catalog_at("9.9.9"), Some(SITE))] {
        let text = assessment_results(
            &catalog,
            &a,
            &ts("2026-03-02T10:00:00.000Z"),
            Version::V1_2_3,
            site,
        );
        let ar: Value = serde_json::from_str(&text).unwrap();
        assert!(ar["assessment-results"]["import-ap"]["href"]
            .as_str()
            .unwrap()
            .starts_with('#'));
    }
    assert!(published(&catalog_at("9.9.9")).is_err());
}

/// Writes the sample documents for the validators, in both OSCAL versions
/// (`target/oscal/<version>/`); see `scripts/test`.
#[test]
fn write_the_sample_documents_for_the_validator() {
    let c = catalog();
    let mut no_tier = small();
    no_tier.tier = None;
    let mut not_applicable = hospital(Tier::Small, false);
    for s in c.in_scope(Tier::Small, false) {
        not_applicable.edit_answer(&s.id, ts("2026-02-21T08:00:00.000Z"), |x| {
            x.choice = Some(ChoiceId::new("not_applicable"));
        });
    }
    for version in [Version::V1_2_3, Version::V1_1_3] {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target/oscal")
            .join(version.as_str());
        std::fs::create_dir_all(&dir).unwrap();
        for (name, a) in [
            ("small", small()),
            ("medium-optional", hospital(Tier::Medium, true)),
            ("large", hospital(Tier::Large, false)),
            ("no-tier", no_tier.clone()),
            ("all-not-applicable", not_applicable.clone()),
        ] {
            let path = dir.join(format!("{name}.json"));
            let text = assessment_results(&c, &a, &ts(GENERATED), version, Some(SITE));
            std::fs::write(&path, &text).unwrap();
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }
}
