//! The built-in pack as the app compiles it in (issue 20): its guidance texts are left out and
//! fetched once an assessment is open. Filled in from the pack's own texts, it is the whole
//! pack again; a text that cannot come is marked as such, never left empty.

use hicp_check::content::{
    built_in, built_in_lean, GUIDANCE_FIELDS, GUIDANCE_LATER, GUIDANCE_UNAVAILABLE,
};
use hicp_check::domain::SubPracticeId;
use serde_json::Value;

/// What scripts/postbuild.py serves as `hicp-2018-guidance.json`, from the pack itself.
fn served(id: &SubPracticeId) -> Option<[String; 3]> {
    let pack: Value = serde_json::from_str(include_str!("../../content/hicp-2018.json")).unwrap();
    let s = pack["sub_practices"]
        .as_array()?
        .iter()
        .find(|s| s["id"] == id.as_str())?;
    let [a, b, c] = GUIDANCE_FIELDS.map(|k| s[k].as_str().map(str::to_owned));
    Some([a?, b?, c?])
}

#[test]
fn the_lean_pack_is_the_whole_pack_once_its_guidance_is_filled_in() {
    let (whole, lean) = (built_in().unwrap(), built_in_lean());
    assert!(lean.awaits_guidance(GUIDANCE_LATER));
    assert!(!whole.awaits_guidance(GUIDANCE_LATER));
    assert!(lean
        .sub_practices()
        .iter()
        .all(|s| s.guidance() == [GUIDANCE_LATER; 3]));
    let filled = lean.with_guidance(GUIDANCE_LATER, served, GUIDANCE_UNAVAILABLE);
    assert!(!filled.awaits_guidance(GUIDANCE_LATER));
    assert_eq!(filled.sub_practices(), whole.sub_practices());
    assert_eq!(filled.practices(), whole.practices());
    assert_eq!(filled.info(), whole.info());
}

#[test]
fn guidance_that_cannot_come_is_marked_unavailable_and_nothing_else_changes() {
    let lean = built_in_lean();
    let partly = |id: &SubPracticeId| served(id).filter(|_| id.as_str() != "1.S.A");
    let filled = lean.with_guidance(GUIDANCE_LATER, partly, GUIDANCE_UNAVAILABLE);
    for (s, before) in filled.sub_practices().iter().zip(lean.sub_practices()) {
        let unavailable = s.guidance() == [GUIDANCE_UNAVAILABLE; 3];
        assert_eq!(unavailable, s.id.as_str() == "1.S.A", "{}", s.id);
        assert_eq!((&s.title, &s.questions), (&before.title, &before.questions));
    }
    // Once filled (or marked), it waits for nothing more.
    assert!(!filled.awaits_guidance(GUIDANCE_LATER));
}
