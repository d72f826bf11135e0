//! Browser unit tests (wasm32 only): the app mounted into a fresh element of a real page in
//! headless Chromium, with real local storage. They check the wiring between the reducer,
//! the components and storage; the end-to-end suite walks whole paths.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use hicp_check::ui::app::{App, AppProps};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/evidence.rs"]
mod evidence;

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn click(id: &str) {
    let el: web_sys::HtmlElement = doc()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .dyn_into()
        .unwrap();
    el.click();
}

fn text(id: &str) -> String {
    doc()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} is on the page"))
        .text_content()
        .unwrap_or_default()
}

/// Mounts a fresh app into its own element; the handle is dropped with the test.
async fn mount() -> yew::AppHandle<App> {
    let root = doc().create_element("div").unwrap();
    doc().body().unwrap().append_child(&root).unwrap();
    let catalog = Rc::new(hicp_check::content::built_in().unwrap());
    let props = AppProps {
        catalog,
        config: Rc::new(hicp_check::config::SiteConfig::default()),
        texts: Rc::new(hicp_check::i18n::Texts::english()),
        config_problems: Rc::default(),
        language_problem: None,
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root, props).render();
    settle().await;
    handle
}

/// A storage key of this copy (the test page's folder) and the built-in pack.
fn key(rest: &str) -> String {
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    let folder = &path[..=path.rfind('/').unwrap()];
    format!("hicp-check{folder}#hicp-2018/{rest}")
}

fn saved_records() -> Vec<String> {
    let store = LocalStorage::raw();
    let prefix = key("assessment/");
    (0..store.length().unwrap())
        .filter_map(|i| store.key(i).unwrap())
        .filter(|k| k.starts_with(&prefix))
        .collect()
}

/// Starts a new small-tier assessment and goes to its first practice.
async fn start_small() {
    for id in ["start-new", "tier-small", "size-continue"] {
        click(id);
        settle().await;
    }
}

#[wasm_bindgen_test]
async fn answering_updates_progress_and_is_saved_at_once() {
    LocalStorage::clear();
    let app = mount().await;
    start_small().await;
    assert_eq!(text("progress"), "0 of 18 answered");
    click("a-1-S-A-in_place");
    settle().await;
    click("a-1-S-B-dont_know");
    settle().await;
    assert_eq!(text("progress"), "2 of 18 answered");
    assert!(text("nav-practice-1").ends_with("2 of 3"));
    let keys = saved_records();
    assert_eq!(keys.len(), 1);
    let saved = LocalStorage::raw().get_item(&keys[0]).unwrap().unwrap();
    let v: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(v["answers"]["1.S.A"]["choice"], "in_place");
    assert_eq!(v["answers"]["1.S.B"]["choice"], "dont_know");
    assert_eq!(v["tier"], "small");
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_saved_assessment_is_restored_where_the_person_left_it() {
    LocalStorage::clear();
    let first = mount().await;
    start_small().await;
    click("nav-practice-4");
    settle().await;
    click("a-4-S-A-partly");
    settle().await;
    first.destroy();
    settle().await;

    let second = mount().await;
    assert!(text("screen-heading").starts_with("Practice 4 of 10"));
    let radio: web_sys::HtmlInputElement = doc()
        .get_element_by_id("a-4-S-A-partly")
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(radio.checked());
    assert_eq!(text("progress"), "1 of 18 answered");
    second.destroy();
}

/// A record that cannot be read is moved aside, whether saved under this copy's key or under
/// the unscoped key of the builds before copies were told apart.
#[wasm_bindgen_test]
async fn an_unreadable_record_is_set_aside_and_the_app_starts() {
    for (saved, name) in [
        (key("assessment/broken"), "broken"),
        ("hicp-check/assessment/earlier".to_owned(), "earlier"),
    ] {
        LocalStorage::clear();
        LocalStorage::raw().set_item(&saved, "{not json").unwrap();
        let app = mount().await;
        let banner = doc()
            .query_selector("[data-testid=set-aside]")
            .unwrap()
            .expect("a banner about the set-aside record");
        assert!(banner.text_content().unwrap().contains("could not be read"));
        let store = LocalStorage::raw();
        assert_eq!(store.get_item(&saved).unwrap(), None);
        assert_eq!(
            store
                .get_item(&key(&format!("set-aside/{name}")))
                .unwrap()
                .as_deref(),
            Some("{not json")
        );
        assert!(
            doc().get_element_by_id("start-new").is_some(),
            "the app works as usual"
        );
        app.destroy();
    }
}

/// The tools part hands back its changes a while after they were made (a merge waits for its
/// evidence files to be stored): they go to the assessment it showed, even when another has
/// been opened since, and never to the one open now.
#[wasm_bindgen_test]
fn a_change_from_the_tools_part_goes_to_the_assessment_it_showed() {
    use hicp_check::domain::{SubPracticeId, Tier, Timestamp};
    use hicp_check::ui::state::{Action, Edit};
    use yew::Reducible;
    LocalStorage::clear();
    let catalog = Rc::new(hicp_check::content::built_in().unwrap());
    let texts = Rc::new(hicp_check::i18n::Texts::english());
    let store = hicp_check::ui::store::Store::new(catalog);
    let mut state = Rc::new(store.initial_state(&texts));
    let now: Timestamp = "2026-11-30T12:00:00Z".parse().unwrap();
    for id in ["shown", "opened-since"] {
        let (id, now, tier) = (id.to_owned(), now.clone(), Some(Tier::Small));
        state = state.reduce(Action::New { id, now, tier });
    }
    assert_eq!(state.current.as_deref(), Some("opened-since"));
    let sub = SubPracticeId::new("1.S.A");
    let edit = Edit::Owner(sub.clone(), "Dana".into());
    state = state.reduce(Action::EditOf {
        id: "shown".into(),
        now,
        edit,
    });
    let owner = |id: &str| {
        let e = state.entries.iter().find(|e| e.id == id).unwrap();
        e.assessment.plan.get(&sub).map(|p| p.owner.clone())
    };
    assert_eq!(owner("shown").as_deref(), Some("Dana"));
    assert_eq!(owner("opened-since"), None);
    assert_eq!(state.current.as_deref(), Some("opened-since"));
}
