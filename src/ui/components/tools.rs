//! Where the app shows the tools part (`ui::tools`, a wasm module of its own): the Work
//! together screen, the results screen and the blank questionnaire. Each is a heading, a
//! status line, and the element the part is mounted into. The part is fetched on
//! first use; when it cannot be (offline before its first use) the status line says so.
//!
//! Not components of their own: each is a plain function and [`sync`] runs in the root's
//! effect, since each component costs code on every first visit. The status line is set
//! directly (it is rendered once and never changed by the app's render).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;
use yew::UseReducerHandle;

use crate::domain::{export, import, Assessment, Catalog, SubPracticeId, Tier};
use crate::i18n::Texts;
use crate::ui::browser::package::with_sources;
use crate::ui::browser::page::now;
use crate::ui::browser::parts;
use crate::ui::evidence::{download_package, put_files, store_failure};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Action, AppState, Edit, Notice, Screen, Tone};
use crate::ui::wording::display_name;

/// The app, its pack, the open assessment's id, and what was last handed to the part (none
/// since its screen was left): the view, the assessment and the texts. Where the part's
/// changes go, and what it shows.
type Target = (
    UseReducerHandle<AppState>,
    Rc<Catalog>,
    String,
    Option<Shown>,
);

type Shown = (View, Option<Rc<Assessment>>, Rc<Texts>);

/// Where the part is shown: its view's name (and tier, for the blank questionnaire), and the
/// ids of its element and status line.
#[derive(Clone, Copy, PartialEq)]
struct View {
    name: &'static str,
    tier: Option<Tier>,
    root: &'static str,
    status: &'static str,
    unavailable: &'static str,
}

const TEAM: View = View {
    name: "team",
    tier: None,
    root: "team-root",
    status: "team-status",
    unavailable: "team.unavailable",
};

const RESULTS: View = View {
    name: "results",
    tier: None,
    root: "results-root",
    status: "results-status",
    unavailable: "results.unavailable",
};

const BLANK: View = View {
    name: "blank",
    tier: None,
    root: "blank-root",
    status: "blank-status",
    unavailable: "blank.unavailable",
};

thread_local! {
    static TARGET: RefCell<Option<Target>> = const { RefCell::new(None) };
    /// The `save(change, done)` function handed to the part; made once, it reads [`TARGET`]
    /// and calls `done` with what became of the change.
    static SAVE: Function = Closure::<dyn Fn(JsValue, Function)>::new(|change: JsValue, done: Function| {
        yew::platform::spawn_local(async move {
            let _ = done.call1(&JsValue::NULL, &saved(change).await);
        });
    })
    .into_js_value()
    .unchecked_into();
}

/// The Work together screen.
pub fn team_screen(handle: &AssessmentHandle) -> Html {
    html! {
        <div class="team">
            <h1 id="screen-heading" tabindex="-1">{ handle.t("team.heading") }</h1>
            <p id={TEAM.status} role="status">{ handle.t("team.loading") }</p>
            <div id={TEAM.root}></div>
        </div>
    }
}

/// The results screen (and report).
pub fn results_screen(handle: &AssessmentHandle, a: &Assessment) -> Html {
    let name = display_name(&handle.texts, &a.organization.name);
    html! {
        <div class="results">
            <h1 id="screen-heading" tabindex="-1">{ handle.tf("results.heading", &[("name", &name)]) }</h1>
            <p id={RESULTS.status} role="status">{ handle.t("results.loading") }</p>
            <div id={RESULTS.root}></div>
        </div>
    }
}

/// The printable blank questionnaire for one tier.
pub fn blank_screen(handle: &AssessmentHandle, tier: Tier) -> Html {
    let size = &handle.catalog.tier_rule(tier).label;
    html! {
        <div class="blank">
            <h1 id="screen-heading" tabindex="-1">{ handle.tf("blank.heading", &[("size", size)]) }</h1>
            <p id={BLANK.status} role="status">{ handle.t("blank.loading") }</p>
            <div id={BLANK.root}></div>
        </div>
    }
}

/// Mounts the part for the open assessment when a screen of it shows, or hands it the
/// assessment (or texts) as changed; nothing when the part has them already. On another
/// screen the part is forgotten: the screen's element is gone, and it is mounted afresh on
/// the next visit.
///
/// Once an assessment is open, the part is fetched in the background, so that its screens
/// (the results above all) work offline afterwards; a visit that opens none never fetches it.
pub fn sync(state: &UseReducerHandle<AppState>, catalog: &Rc<Catalog>) {
    let entry = state
        .current_entry()
        .filter(|e| e.assessment.asked.is_none());
    if entry.is_some() {
        parts::prefetch("tools");
    }
    let view = match (&state.screen, entry) {
        (Screen::Team, Some(e)) => Some((TEAM, Some(e))),
        (Screen::Results, Some(e)) => Some((RESULTS, Some(e))),
        (Screen::Blank(t), _) => Some((
            View {
                tier: Some(*t),
                ..BLANK
            },
            None,
        )),
        _ => None,
    };
    let Some((view, entry)) = view else {
        // Changes still on their way go to the same assessment; the part is mounted afresh.
        TARGET.with(|t| t.borrow_mut().iter_mut().for_each(|t| t.3 = None));
        return;
    };
    // The blank questionnaire shows no assessment.
    let (id, a) = entry.map_or_else(Default::default, |e| {
        (e.id.clone(), Some(e.assessment.clone()))
    });
    let texts = state.texts.0.clone();
    let same = |x: &Option<Rc<Assessment>>| match (x, &a) {
        (Some(x), Some(a)) => Rc::ptr_eq(x, a),
        (x, a) => x.is_none() && a.is_none(),
    };
    let shown = TARGET.with(|t| {
        t.borrow().as_ref().is_some_and(|(_, _, shown_id, shown)| {
            *shown_id == id
                && shown
                    .as_ref()
                    .is_some_and(|(v, x, t)| *v == view && same(x) && Rc::ptr_eq(t, &texts))
        })
    });
    if shown {
        return;
    }
    let target = (state.clone(), catalog.clone(), id, Some((view, a, texts)));
    TARGET.with(|t| *t.borrow_mut() = Some(target.clone()));
    yew::platform::spawn_local(async move {
        let (_, catalog, id, Some((view, a, texts))) = target else {
            return;
        };
        let document = gloo::utils::document();
        let (Some(root), Some(status)) = (
            document.get_element_by_id(view.root),
            document.get_element_by_id(view.status),
        ) else {
            return;
        };
        let Some(mount) = parts::load("tools").await else {
            status.set_text_content(Some(texts.get(view.unavailable)));
            return;
        };
        let input = with_sources("tools");
        let fields = [
            ("view", Some(view.name.to_owned())),
            ("tier", view.tier.map(|t| t.key().to_owned())),
            ("id", Some(id)),
            ("assessment", a.map(|a| export(&catalog, &a, &now()))),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                let _ = Reflect::set(&input, &key.into(), &value.into());
            }
        }
        let _ = mount.call3(&JsValue::NULL, &root, &input, &SAVE.with(Function::clone));
        status.set_text_content(None);
    });
}

/// Takes a change from the part (`ui::tools` lists the kinds). A whole assessment: its
/// evidence files first (all or none), then the assessment. Says why not, in words, when it
/// could not.
async fn saved(change: JsValue) -> JsValue {
    let Some((state, catalog, id, shown)) = TARGET.with(|t| t.borrow().clone()) else {
        return JsValue::NULL;
    };
    let texts = state.texts.0.clone();
    let field = |k: &str| Reflect::get(&change, &k.into()).unwrap_or_default();
    let text = |k: &str| field(k).as_string();
    if let Some(text) = text("notice") {
        let tone = match field("problem").is_truthy() {
            true => Tone::Problem,
            false => Tone::Info,
        };
        state.dispatch(Action::Notify(Some(Notice { tone, text })));
        return JsValue::NULL;
    }
    if let Some(key) = text("go") {
        state.dispatch(Action::Go(Screen::from_key(&key)));
        return JsValue::NULL;
    }
    if let (true, Some((_, Some(a), _))) = (field("package").is_truthy(), shown) {
        let pass = text("passphrase");
        let outcome = download_package(&catalog, &texts, &id, &a, &now(), pass).await;
        let answer = js_sys::Object::new();
        let (ok, said) = match outcome {
            Ok(said) => (true, said),
            Err(said) => (false, said),
        };
        let _ = Reflect::set(&answer, &"ok".into(), &ok.into());
        let _ = Reflect::set(&answer, &"said".into(), &said.into());
        return answer.into();
    }
    if let Some(at) = text("exported").and_then(|at| at.parse().ok()) {
        state.dispatch(Action::Exported { id, at });
        return JsValue::NULL;
    }
    if let (Some(edit), Some(item), Some(value)) = (text("edit"), text("id"), text("value")) {
        let item = SubPracticeId::new(item);
        let edit = match edit.as_str() {
            "owner" => Edit::Owner(item, value),
            _ => Edit::Target(item, value.parse().ok()),
        };
        state.dispatch(Action::Edit { now: now(), edit });
        return JsValue::NULL;
    }
    let (ids, blobs): (Array, Array) = (
        field("ids").unchecked_into(),
        field("blobs").unchecked_into(),
    );
    let files: Vec<_> = (0..ids.length())
        .map(|i| {
            let item = ids.get(i).as_string().unwrap_or_default();
            (item, blobs.get(i).unchecked_into())
        })
        .collect();
    if let Err(f) = put_files(&id, &files).await {
        return store_failure(&texts, f).into();
    }
    match field("assessment")
        .as_string()
        .map(|t| import(&catalog, &t))
    {
        Some(Ok(a)) => {
            state.dispatch(Action::Edit {
                now: now(),
                edit: Edit::Replace(Box::new(a)),
            });
            JsValue::NULL
        }
        _ => texts.get("failure.unreadable").into(),
    }
}
