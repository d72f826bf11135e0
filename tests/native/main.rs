//! Native tests of the domain and the built-in content: one binary, a module per concern.

mod compiled;
mod config;
mod content;
mod corrections;
mod evidence;
// proptest is a native-only dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
mod fuzz;
mod guidance;
mod hostile;
mod i18n;
mod oscal;
mod oscal_publish;
mod outlook;
mod pack_reading;
mod package;
mod package_hostile;
mod packaging;
mod postbuild;
mod references;
mod scoring;
mod sizing;
mod team;
mod transfer;
mod views;

use hicp_check::domain::{Assessment, Catalog, ChoiceId, Date, SubPracticeId, Tier, Timestamp};
use hicp_check::i18n::{messages, Texts};

/// What a person reads, in English, for a refused file.
pub fn said(e: &hicp_check::domain::ImportError) -> String {
    messages::import_error(&Texts::english(), e)
}

/// What a person reads, in English, for something import changed.
pub fn warned(w: &hicp_check::domain::transfer::ImportWarning) -> String {
    messages::warning(&Texts::english(), w)
}

/// What a person reads, in English, for a broken content pack.
pub fn broken_pack(e: &hicp_check::content::ContentError) -> String {
    messages::content_error(&Texts::english_complete(), e)
}

/// A change made to a JSON document to break it on purpose.
pub type JsonEdit = Box<dyn FnOnce(&mut serde_json::Value)>;

/// The built-in HICP 2018 pack; every test starts from it.
pub fn catalog() -> Catalog {
    hicp_check::content::built_in().expect("the built-in pack loads")
}

/// The built-in pack as it was at an earlier content version: its texts are today's, its
/// version the old one, as the fingerprint and the OSCAL ids of files made then saw it.
pub fn catalog_at(version: &str) -> Catalog {
    let (file, text) = hicp_check::content::BUILT_IN[0];
    let mut pack: serde_json::Value = serde_json::from_str(text).unwrap();
    pack["content_version"] = version.into();
    hicp_check::content::load(file, &pack.to_string()).expect("the pack loads")
}

pub fn ts(s: &str) -> Timestamp {
    s.parse().expect("a valid timestamp")
}

pub fn d(s: &str) -> Date {
    s.parse().expect("a valid date")
}

/// An assessment of `tier` with every in-scope sub-practice answered by `pick`.
pub fn answered(
    catalog: &Catalog,
    tier: Tier,
    mut pick: impl FnMut(usize, &SubPracticeId) -> Option<&'static str>,
) -> Assessment {
    let mut a = Assessment::new(ts("2026-01-01T00:00:00.000Z"));
    a.tier = Some(tier);
    let ids: Vec<SubPracticeId> = catalog
        .in_scope(tier, false)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for (i, id) in ids.iter().enumerate() {
        if let Some(choice) = pick(i, id) {
            a.edit_answer(id, ts("2026-01-01T00:00:00.000Z"), |x| {
                x.choice = Some(ChoiceId::new(choice))
            });
        }
    }
    a
}
