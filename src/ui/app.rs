//! The root component: builds the state from the store once, provides the context, runs the
//! effects (saving through the store, following other tabs, the service worker, a frame's
//! host), scores the open assessment once per change, and lays out the screens.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::{embed, page, service_worker, storage};
use super::components::{
    answer::AnswerScreen, banners::Banners, header::header, import_preview::ImportPreview,
    library::Library, respond::respond, size::size_screen, start::start, tools,
};
use super::guidance;
use super::hooks::{AssessmentHandle, Fixed};
use super::state::{Action, Screen};
use super::store::Store;
use crate::config::{ConfigProblem, SiteConfig};
use crate::domain::{score, Assessment, Catalog};
use crate::i18n::Texts;

#[derive(Properties)]
pub struct AppProps {
    pub catalog: Rc<Catalog>,
    pub config: Rc<SiteConfig>,
    pub texts: Rc<Texts>,
    /// Why the host's settings file was not used (the app then runs in its most private
    /// mode), for the webmaster's eyes; empty when it was used or there is none.
    pub config_problems: Rc<Vec<ConfigProblem>>,
    /// The language chosen but not loaded, and a sentence in that language saying so.
    pub language_problem: Option<(String, String)>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.texts, &other.texts)
    }
}

/// An assessment compared by identity: the reducer makes a new one on every change, so
/// identity says whether it changed without comparing every answer.
struct Open(Option<Rc<Assessment>>);

impl PartialEq for Open {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let catalog = props.catalog.clone();
    // Made once; a mutable ref is the lightest hook that keeps it (use_memo costs more bytes).
    let store = use_mut_ref(|| Store::new(catalog.clone()));
    let store = store.borrow().clone();
    let state = use_reducer({
        let (store, texts) = (store.clone(), props.texts.clone());
        move || store.initial_state(&texts)
    });
    let first_screen = use_mut_ref(|| true);
    let results = use_memo(Open(state.current_entry().map(|e| e.assessment.clone())), {
        let catalog = catalog.clone();
        move |open: &Open| open.0.as_ref().map(|a| score(&catalog, a))
    });

    {
        let (store, state, catalog) = (store.clone(), state.clone(), catalog.clone());
        use_effect_with(state.clone(), move |_| {
            for action in store.persist(&state) {
                state.dispatch(action);
            }
            tools::sync(&state, &catalog);
        });
    }
    // The built-in pack's guidance texts come once an assessment is open.
    use_effect_with(state.current.is_some(), {
        let catalog = catalog.clone();
        move |open| {
            if *open {
                guidance::fetch(catalog);
            }
        }
    });
    use_effect_with(state.screen.clone(), move |_| {
        // Moving focus on the first render would pull a screen reader away from the page.
        if !first_screen.replace(false) {
            page::focus("screen-heading");
        }
    });
    {
        let (state, config, store) = (state.clone(), props.config.clone(), store.clone());
        use_effect_with((), move |_| {
            let updates = state.clone();
            page::after_paint(move || {
                storage::ask_for_persistent_storage();
                service_worker::register_service_worker(move || {
                    updates.dispatch(Action::UpdateReady)
                });
            });
            store.follow_other_tabs(state.clone());
            if embed::embedded() {
                let origins = config.embed_origins.clone();
                embed::serve_embedding(
                    origins,
                    config.parent_may_erase,
                    move |erase| match erase {
                        embed::Erase::Now => store.erase_everything(&state),
                        embed::Erase::Ask => state.dispatch(Action::EraseAsked(true)),
                    },
                );
            }
        });
    }

    let handle = AssessmentHandle {
        catalog,
        config: props.config.clone(),
        texts: props.texts.clone(),
        state: state.clone(),
        results,
        store: store.clone(),
    };
    // A respondent file shows only its questions, whatever step was remembered.
    let asked = state
        .current_entry()
        .is_some_and(|e| e.assessment.asked.is_some());
    let body = match (&state.screen, state.current_entry()) {
        (Screen::Library, _) => html! { <Library /> },
        (Screen::Blank(t), _) => tools::blank_screen(&handle, *t),
        (Screen::Start, _) => start(&handle),
        (_, Some(_)) if asked => respond(&handle),
        (Screen::Team, Some(_)) => tools::team_screen(&handle),
        (Screen::Size, Some(_)) => size_screen(&handle),
        (Screen::Answer(p), Some(_)) => html! { <AnswerScreen practice={p.clone()} /> },
        (Screen::Results, Some(e)) => tools::results_screen(&handle, &e.assessment),
        _ => start(&handle),
    };
    let header = header(&handle);
    html! {
        <ContextProvider<Fixed> context={handle.fixed()}>
        <ContextProvider<AssessmentHandle> context={handle}>
            { header }
            <main id="main" tabindex="-1" aria-label="HICP Check">
                <Banners config_problems={props.config_problems.clone()} language_problem={props.language_problem.clone()} />
                <ImportPreview />
                { body }
            </main>
        </ContextProvider<AssessmentHandle>>
        </ContextProvider<Fixed>>
    }
}
