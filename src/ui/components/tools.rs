//! Where the app shows the tools part (`ui::tools`, a wasm module of its own): the Work
//! together screen, the results screen and the blank questionnaire. Each is a heading, a
//! status line, and the element the part is mounted into. The part is fetched once an
//! assessment is open, or when one of these screens opens first; when it cannot be (offline
//! before then) the status line says so, and says so too when the part cannot show a screen.
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
use crate::ui::browser::package::with_sources;
use crate::ui::browser::page::now;
use crate::ui::browser::parts;
use crate::ui::evidence::{download_package, put_files, store_failure};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Action, AppState, Edit, Notice, Screen, Tone};
use crate::ui::wording::display_name;

/// The app, its pack, the open assessment's id, and what was last handed to the part (none
/// since its screen was left): the view and the assessment. Where the part's changes go, and
/// what it shows.
type Target = (
    UseReducerHandle<AppState>,
    Rc<Catalog>,
    String,
    Option<Shown>,
);

type Shown = (View, Option<Rc<Assessment>>);

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
    screen(handle, &TEAM, handle.t("team.heading"), "team.loading")
}

/// The results screen (and report).
pub fn results_screen(handle: &AssessmentHandle, a: &Assessment) -> Html {
    let name = display_name(&handle.texts, &a.organization.name);
    let heading = handle.tf("results.heading", &[("name", &name)]);
    screen(handle, &RESULTS, heading, "results.loading")
}

/// The printable blank questionnaire for one tier.
pub fn blank_screen(handle: &AssessmentHandle, tier: Tier) -> Html {
    let size = &handle.catalog.tier_rule(tier).label;
    let heading = handle.tf("blank.heading", &[("size", size)]);
    screen(handle, &BLANK, heading, "blank.loading")
}

/// A screen of the part's: its heading, its status line (`loading` until the part is in), and
/// the element the part is mounted into.
fn screen(handle: &AssessmentHandle, view: &View, heading: String, loading: &str) -> Html {
    html! {
        <div class={view.name}>
            <h1 id="screen-heading" tabindex="-1">{ heading }</h1>
            <p id={view.status} role="status">{ handle.t(loading) }</p>
            <div id={view.root}></div>
        </div>
    }
}

/// Mounts the part for the open assessment when a screen of it shows, or hands it the
/// assessment as changed; nothing when the part has them already. On another
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
        // Changes still on their way go to the assessment they were made to. The part is
        // taken off the page with what it held (a passphrase typed, a file compared), and
        // mounted afresh on the next visit.
        let left = TARGET.with(|t| t.borrow_mut().as_mut().and_then(|t| t.3.take()));
        if left.is_some() {
            let window = gloo::utils::window();
            if let Ok(unmount) = Reflect::get(&window, &"hicp-tools-unmount".into()) {
                if let Some(unmount) = unmount.dyn_ref::<Function>() {
                    let _ = unmount.call0(&JsValue::NULL);
                }
            }
        }
        return;
    };
    // The blank questionnaire shows no assessment.
    let (id, a) = entry.map_or_else(Default::default, |e| {
        (e.id.clone(), Some(e.assessment.clone()))
    });
    let same = |x: &Option<Rc<Assessment>>| match (x, &a) {
        (Some(x), Some(a)) => Rc::ptr_eq(x, a),
        (x, a) => x.is_none() && a.is_none(),
    };
    let shown = TARGET.with(|t| {
        t.borrow().as_ref().is_some_and(|(_, _, shown_id, shown)| {
            *shown_id == id && shown.as_ref().is_some_and(|(v, x)| *v == view && same(x))
        })
    });
    if shown {
        return;
    }
    let target = (state.clone(), catalog.clone(), id, Some((view, a)));
    TARGET.with(|t| *t.borrow_mut() = Some(target.clone()));
    yew::platform::spawn_local(async move {
        let (state, catalog, _, Some((view, a))) = target else {
            return;
        };
        let texts = &state.texts.0;
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
            ("assessment", a.map(|a| export(&catalog, &a, &now()))),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                let _ = Reflect::set(&input, &key.into(), &value.into());
            }
        }
        let shown = mount.call3(&JsValue::NULL, &root, &input, &SAVE.with(Function::clone));
        match shown.ok().and_then(|s| s.as_bool()) {
            Some(true) => status.set_text_content(None),
            _ => status.set_text_content(Some(texts.get("results.part_failed"))),
        }
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
    let unreadable = || JsValue::from_str(texts.get("failure.unreadable"));
    // To the assessment the part showed, whichever is open when the change arrives.
    let edit = |edit| {
        let (id, now) = (id.clone(), now());
        state.dispatch(Action::EditOf { id, now, edit });
    };
    if field("package").is_truthy() {
        let outcome = match shown.and_then(|(_, a)| a) {
            Some(a) => {
                let pass = text("passphrase");
                download_package(&catalog, &texts, &id, &a, &now(), pass).await
            }
            None => Err(texts.get("failure.unreadable").to_owned()),
        };
        let (ok, said) = match outcome {
            Ok(said) => (true, said),
            Err(said) => (false, said),
        };
        let answer = js_sys::Object::new();
        let _ = Reflect::set(&answer, &"ok".into(), &ok.into());
        let _ = Reflect::set(&answer, &"said".into(), &said.into());
        return answer.into();
    }
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
    if let Some(at) = text("exported") {
        return match at.parse() {
            Ok(at) => {
                state.dispatch(Action::Exported { id, at });
                JsValue::NULL
            }
            Err(_) => unreadable(),
        };
    }
    if let (Some(kind), Some(item), Some(value)) = (text("edit"), text("id"), text("value")) {
        let item = SubPracticeId::new(item);
        edit(match kind.as_str() {
            "owner" => Edit::Owner(item, value),
            _ => Edit::Target(item, value.parse().ok()),
        });
        return JsValue::NULL;
    }
    let Some(file) = text("assessment") else {
        return unreadable();
    };
    let list = |k: &str| {
        field(k)
            .dyn_into::<Array>()
            .unwrap_or_else(|_| Array::new())
    };
    let (ids, blobs) = (list("ids"), list("blobs"));
    let files: Vec<_> = (0..ids.length())
        .filter_map(|i| Some((ids.get(i).as_string()?, blobs.get(i).dyn_into().ok()?)))
        .collect();
    if let Err(f) = put_files(&id, &files).await {
        return store_failure(&texts, f).into();
    }
    match import(&catalog, &file) {
        Ok(a) => {
            edit(Edit::Replace(Box::new(a)));
            JsValue::NULL
        }
        Err(_) => unreadable(),
    }
}
