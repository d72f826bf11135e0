//! The Work together screen as the app holds it: a heading, a status line, and the element
//! the team part (`ui::team`, a wasm module of its own) is mounted into. The part is fetched
//! on first use; when it cannot be (offline before its first use) the status line says so.
//!
//! Not a component of its own: the screen is a plain function and [`sync`] runs in the
//! root's effect, since each component costs code on every first visit. The status line is
//! set directly (the screen renders it once and never changes it).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;
use yew::UseReducerHandle;

use crate::domain::{export, import, Assessment, Catalog};
use crate::ui::browser::package::with_sources;
use crate::ui::browser::page::now;
use crate::ui::browser::parts;
use crate::ui::evidence::{put_files, store_failure};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Action, AppState, Edit, Screen};

/// The app, its pack, and the open assessment's id and the assessment last handed to the
/// part (none since the screen was left): where the part's changes go, and what it shows.
type Target = (
    UseReducerHandle<AppState>,
    Rc<Catalog>,
    String,
    Option<Rc<Assessment>>,
);

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

pub fn screen(handle: &AssessmentHandle) -> Html {
    html! {
        <div class="team">
            <h1 id="screen-heading" tabindex="-1">{ handle.t("team.heading") }</h1>
            <p id="team-status" role="status">{ handle.t("team.loading") }</p>
            <div id="team-root"></div>
        </div>
    }
}

/// Mounts the part for the open assessment when the screen shows it, or hands it the
/// assessment as changed; nothing when the part has it already. On another screen the part
/// is forgotten: the screen's element is gone, and it is mounted afresh on the next visit.
pub fn sync(state: &UseReducerHandle<AppState>, catalog: &Rc<Catalog>) {
    let Some(e) = state
        .current_entry()
        .filter(|_| state.screen == Screen::Team)
    else {
        // Changes still on their way go to the same assessment; the part is mounted afresh.
        TARGET.with(|t| t.borrow_mut().iter_mut().for_each(|t| t.3 = None));
        return;
    };
    let shown = TARGET.with(|t| {
        t.borrow().as_ref().is_some_and(|(_, _, id, a)| {
            *id == e.id && a.as_ref().is_some_and(|a| Rc::ptr_eq(a, &e.assessment))
        })
    });
    if shown {
        return;
    }
    let target = (
        state.clone(),
        catalog.clone(),
        e.id.clone(),
        Some(e.assessment.clone()),
    );
    TARGET.with(|t| *t.borrow_mut() = Some(target.clone()));
    yew::platform::spawn_local(async move {
        let (state, catalog, _, Some(a)) = target else {
            return;
        };
        let document = gloo::utils::document();
        let (Some(root), Some(status)) = (
            document.get_element_by_id("team-root"),
            document.get_element_by_id("team-status"),
        ) else {
            return;
        };
        let Some(mount) = parts::load("team").await else {
            status.set_text_content(Some(state.texts.0.get("team.unavailable")));
            return;
        };
        let input = with_sources("team");
        let _ = Reflect::set(
            &input,
            &"assessment".into(),
            &export(&catalog, &a, &now()).into(),
        );
        let _ = mount.call3(&JsValue::NULL, &root, &input, &SAVE.with(Function::clone));
        status.set_text_content(None);
    });
}

/// Takes a change from the part: its evidence files first (all or none), then the
/// assessment. Says why not, in words, when it could not.
async fn saved(change: JsValue) -> JsValue {
    let Some((state, catalog, id, _)) = TARGET.with(|t| t.borrow().clone()) else {
        return JsValue::NULL;
    };
    let texts = state.texts.0.clone();
    let field = |k: &str| Reflect::get(&change, &k.into()).unwrap_or_default();
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
