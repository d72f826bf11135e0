//! The built-in pack as the app compiles it in (`content::COMPILED`), the lines a catalogue
//! is carried in (`Catalog::compact`), and translating a catalogue that is never read again.

use hicp_check::content::{
    built_in, built_in_lean, compiled_lean, load, translated, BUILT_IN, COMPILED, COMPILED_FROM,
    GUIDANCE_LATER,
};
use hicp_check::domain::Catalog;

use super::catalog;

/// Two catalogues alike in every part (a catalogue has no `==`: its fields are private).
fn same(a: &Catalog, b: &Catalog) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

#[test]
fn the_compiled_pack_is_made_from_the_pack_as_it_is() {
    let source = std::fs::read(COMPILED_FROM).unwrap();
    let made = compiled_lean(&source).unwrap();
    assert!(
        made == COMPILED,
        "content/hicp-2018.compiled is stale: run `cargo run --bin compile-pack`"
    );
    // It is the validated pack, its guidance to come later, without its lenses, and
    // nothing else.
    let lean = built_in_lean();
    assert!(same(&lean, &catalog().lean(GUIDANCE_LATER)));
    assert!(lean.lenses().is_empty() && !catalog().lenses().is_empty());
    assert_eq!(lean.sub_practices().len(), 88);
}

#[test]
fn a_catalogue_comes_back_from_its_lines_as_it_was() {
    let spanish = super::i18n::bundle("es");
    let es = translated(built_in().unwrap(), spanish.packs()).unwrap();
    for c in [catalog(), es] {
        let back = Catalog::from_compact(&c.compact("-")).expect("reads");
        assert!(same(&c, &back));
    }
}

#[test]
fn texts_that_look_like_the_lines_own_marks_come_back_unchanged() {
    let mut pack: serde_json::Value = serde_json::from_str(BUILT_IN[0].1).unwrap();
    let awkward = [
        "two\nlines",
        "\\-",
        "a \\n that is not a line break",
        "ends with a backslash \\",
        "\\\\",
        "-",
        "0",
        "émoji 🩺 and tab\t",
    ];
    for (i, text) in awkward.iter().enumerate() {
        pack["sub_practices"][i]["title"] = (*text).into();
        pack["sub_practices"][i]["questions"] = serde_json::json!([text, "and another"]);
    }
    pack["sizing"]["factors"][0]["note"] = "\\-".into();
    let c = load("awkward.json", &pack.to_string()).unwrap();
    let back = Catalog::from_compact(&c.compact("-")).unwrap();
    assert!(same(&c, &back));
    for (i, text) in awkward.iter().enumerate() {
        assert_eq!(back.sub_practices()[i].title, *text);
    }
    assert_eq!(back.sizing().factors[0].note.as_deref(), Some("\\-"));
}

#[test]
fn lines_not_shaped_as_written_are_refused_not_guessed() {
    let lines = catalog().compact("-");
    let cut = &lines[..lines.len() / 2];
    let cut_at_line = &lines[..lines[..lines.len() / 2].rfind('\n').unwrap() + 1];
    let other_version = lines.replacen("hicp-check-compiled/1", "hicp-check-compiled/2", 1);
    let more = format!("{lines}one line too many\n");
    // The edition, a text: an escape `compact` never writes.
    let bad_escape = lines.replacen("\n2018\n", "\n20\\q18\n", 1);
    let bad_number = lines.replacen("\n88\n", "\neighty-eight\n", 1);
    let bad_tier = lines.replacen("\nlarge\n", "\nhuge\n", 1);
    let bad_mark = lines.replacen("\np\n", "\nq\n", 1);
    for (what, text) in [
        ("nothing", ""),
        ("half", cut),
        ("half, at a line's end", cut_at_line),
        ("another version", &other_version),
        ("a line too many", &more),
        ("an escape never written", &bad_escape),
        ("a count that is not a number", &bad_number),
        ("a tier that is none", &bad_tier),
        ("a mark of NIST references that is none", &bad_mark),
    ] {
        assert_ne!(text, lines, "{what} changes the lines");
        assert!(Catalog::from_compact(text).is_none(), "{what}");
    }
}

#[test]
fn a_translation_lays_texts_over_and_changes_no_fact() {
    let en = catalog();
    let overlay = serde_json::json!({
        "pack": "hicp-2018",
        "language": "xx",
        "practices": { "practice.1": { "name": "Courriel" } },
        "sub_practices": {
            "1.L.A": { "questions": ["Une ?"], "technical": "Technique" },
            "no.such.id": { "title": "Nowhere" }
        }
    });
    let xx = translated(en.clone(), [("x.xx.json", &overlay)]).expect("usable");
    assert_eq!(xx.info().language, "xx");
    assert_eq!(xx.info().title, en.info().title, "what it lacks stays");
    assert_eq!(xx.practices()[0].name, "Courriel");
    assert_eq!(xx.practices()[0].summary, en.practices()[0].summary);
    let sub = |c: &Catalog, id: &str| {
        let s = c.sub_practices().iter().find(|s| s.id.as_str() == id);
        s.cloned().unwrap()
    };
    assert_eq!(sub(&xx, "1.L.A").questions, ["Une ?"]);
    assert_eq!(sub(&xx, "1.L.A").technical, "Technique");
    assert_eq!(sub(&xx, "1.L.A").id, sub(&en, "1.L.A").id);
    assert_eq!(xx.scale(), en.scale());
    assert_eq!(xx.sub_practices().len(), en.sub_practices().len());
    // What it made validates as a pack, as the app trusts it to, and travels as lines.
    assert_eq!(Catalog::problems(&xx.to_parts()), []);
    assert!(same(&Catalog::from_compact(&xx.compact("-")).unwrap(), &xx));
}

/// A text the pack would refuse (empty, or not text) refuses the whole overlay, as reading
/// the translated pack did: the app then stays in English and says so.
#[test]
fn a_translation_with_a_text_that_cannot_be_used_is_refused_whole() {
    let en = catalog();
    for (what, overlay) in [
        (
            "an empty title",
            serde_json::json!({ "sub_practices": { "1.S.A": { "title": "" } } }),
        ),
        (
            "a blank name",
            serde_json::json!({ "threats": { "threat.ransomware": { "name": "  " } } }),
        ),
        (
            "a number for a text",
            serde_json::json!({ "practices": { "practice.1": { "summary": 7 } } }),
        ),
        (
            "a list for a text",
            serde_json::json!({ "answer_scale": { "in_place": { "label": ["a"] } } }),
        ),
        (
            "no questions",
            serde_json::json!({ "sub_practices": { "1.M.A": { "questions": [] } } }),
        ),
        (
            "an empty question",
            serde_json::json!({ "sub_practices": { "1.M.A": { "questions": ["Une", ""] } } }),
        ),
        (
            "an empty band",
            serde_json::json!({ "sizing": { "size.it-capability": { "bands": { "small": "" } } } }),
        ),
        (
            "an empty lens item's name",
            serde_json::json!({ "lenses": { "lens.hph-cpg": { "items": { "x": "" } } } }),
        ),
        (
            "a null lens name",
            serde_json::json!({ "lenses": { "lens.hph-cpg": { "name": null } } }),
        ),
    ] {
        let mut overlay = overlay;
        overlay["pack"] = "hicp-2018".into();
        // The app's catalogue (no lenses) and its parts' (the whole pack) refuse alike.
        for c in [en.clone(), built_in_lean()] {
            assert!(translated(c, [("x.xx.json", &overlay)]).is_none(), "{what}");
        }
    }
}

/// `domain::case` (kept small for the app) never lowercases a letter otherwise than the
/// standard library, and lowercases every capital of the blocks it covers.
#[test]
fn the_small_lowercase_agrees_with_the_standard_library() {
    use hicp_check::domain::case::{lower, lowercase};
    let covered = |c: char| matches!(c as u32, 0..=0x17F | 0x370..=0x3FF | 0x400..=0x4FF);
    let mut changed = 0;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut std = c.to_lowercase();
        let single = match (std.next(), std.next()) {
            (Some(l), None) => l,
            _ => c,
        };
        let ours = lower(c);
        if ours != c {
            changed += 1;
            assert_eq!(ours, single, "{c} (U+{:04X})", c as u32);
        }
        // Greek's and Cyrillic's rarer capitals (archaic letters, Cyrillic's extended block)
        // and U+0130, which lowercases to two characters, are left as they are.
        let rare = matches!(c as u32, 0x370..=0x385 | 0x3CF..=0x3FF | 0x460..=0x4FF);
        if covered(c) && !rare && single != c {
            assert_eq!(ours, single, "{c} (U+{:04X}) is covered", c as u32);
        }
    }
    assert!(changed > 150, "{changed}");
    assert_eq!(
        lowercase("Clínica ÉTÉ Ñandú ŁÓDŹ ΑΘΗΝΑ МОСКВА"),
        "clínica été ñandú łódź αθηνα москва"
    );
}
