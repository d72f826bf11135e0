//! The root component: builds the state from storage once, provides the context, keeps
//! storage in step with the state (the only place that saves), follows other tabs, and lays
//! out the screens.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::browser::{self, Meta, SaveError};
use super::components::{
    answer::AnswerScreen, banners::Banners, blank::Blank, files::ImportPreview, header::Header,
    library::Library, results::Results, size::SizeScreen, start::Start,
};
use super::hooks::{AssessmentHandle, Fixed};
use super::state::{Action, AppState, Entry, Screen, SharedTexts};
use crate::config::SiteConfig;
use crate::domain::{import, Assessment, Catalog};
use crate::i18n::Texts;

#[derive(Properties)]
pub struct AppProps {
    pub catalog: Rc<Catalog>,
    pub config: Rc<SiteConfig>,
    pub texts: Rc<Texts>,
    /// Why the host's settings file was not used, for the webmaster's eyes.
    pub config_problem: Option<String>,
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

/// What storage holds as far as this tab knows: the assessment last written or read for each
/// id, with its exact text, so that only changes are written and another tab's are noticed.
#[derive(Default)]
pub struct Written {
    pub assessments: HashMap<String, (Rc<Assessment>, String)>,
    meta: Option<Meta>,
}

pub type SharedWritten = Rc<RefCell<Written>>;

fn initial_state(catalog: &Catalog, texts: &Rc<Texts>, written: &mut Written) -> AppState {
    let loaded = browser::load(catalog);
    let mut entries = Vec::new();
    for (id, a, text) in loaded.assessments {
        let assessment = Rc::new(a);
        written
            .assessments
            .insert(id.clone(), (assessment.clone(), text));
        entries.push(Entry {
            exported: loaded.meta.exported.get(&id).and_then(|t| t.parse().ok()),
            id,
            assessment,
        });
    }
    let current = loaded
        .meta
        .current
        .filter(|id| entries.iter().any(|e| &e.id == id));
    let screen = match (&current, loaded.meta.screen.as_deref()) {
        (Some(_), Some(key)) => Screen::from_key(key),
        _ => Screen::Start,
    };
    AppState {
        texts: SharedTexts(texts.clone()),
        update_ready: false,
        storage_mode: browser::mode(),
        screen,
        entries,
        current,
        notice: None,
        staged: None,
        locked: None,
        storage_problem: loaded
            .unavailable
            .map(|_| texts.get("app.storage_unavailable").to_owned()),
        write_failed: None,
        set_aside: loaded.set_aside,
        conflict: None,
    }
}

/// Writes what changed since the last write, and says what went wrong, if anything.
fn persist(catalog: &Catalog, state: &AppState, written: &mut Written) -> Vec<Action> {
    let mut outcome = Vec::new();
    let mut failed = None;
    for e in &state.entries {
        let known = written.assessments.get(&e.id);
        if known.is_some_and(|(w, _)| Rc::ptr_eq(w, &e.assessment)) {
            continue;
        }
        if state.conflict.as_deref() == Some(e.id.as_str()) {
            continue; // The person decides first; nothing is overwritten meanwhile.
        }
        let expected = known.map(|(_, text)| text.as_str());
        match browser::save(catalog, &e.id, &e.assessment, expected) {
            Ok(text) => {
                written
                    .assessments
                    .insert(e.id.clone(), (e.assessment.clone(), text));
            }
            Err(SaveError::Conflict { .. }) => outcome.push(Action::Conflict(e.id.clone())),
            Err(SaveError::Refused) => {
                failed = Some(state.texts.0.get("app.storage_refused").to_owned())
            }
        }
    }
    let gone: Vec<String> = written
        .assessments
        .keys()
        .filter(|id| !state.entries.iter().any(|e| &e.id == *id))
        .cloned()
        .collect();
    for id in gone {
        browser::remove(&id);
        written.assessments.remove(&id);
    }
    if state.entries.is_empty() {
        // Nothing to remember: after "erase everything" not even the meta record may stay.
        if written.meta.take().is_some() {
            browser::remove_meta();
        }
    } else {
        let meta = Meta {
            current: state.current.clone(),
            screen: Some(state.screen.key()),
            exported: state
                .entries
                .iter()
                .filter_map(|e| Some((e.id.clone(), e.exported.as_ref()?.to_string())))
                .collect(),
        };
        if written.meta.as_ref() != Some(&meta) {
            match browser::save_meta(&meta) {
                Ok(()) => written.meta = Some(meta),
                Err(_) => failed = Some(state.texts.0.get("app.storage_refused").to_owned()),
            }
        }
    }
    match (failed, &state.write_failed) {
        (Some(why), None) if state.storage_problem.is_none() => {
            outcome.push(Action::WriteFailed(why))
        }
        (None, Some(_)) => outcome.push(Action::WriteRecovered),
        _ => {}
    }
    outcome
}

/// Takes in another tab's save of an assessment, so that both tabs show the same answers.
fn follow_other_tab(
    catalog: &Catalog,
    written: &SharedWritten,
    state: &UseReducerHandle<AppState>,
    id: String,
    text: Option<String>,
) {
    let assessment = match text {
        Some(text) => match import(catalog, &text) {
            Ok(a) => {
                let a = Rc::new(a);
                written
                    .borrow_mut()
                    .assessments
                    .insert(id.clone(), (a.clone(), text));
                Some(a)
            }
            Err(_) => return,
        },
        None => {
            written.borrow_mut().assessments.remove(&id);
            None
        }
    };
    state.dispatch(Action::External { id, assessment });
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let catalog = props.catalog.clone();
    let written: SharedWritten = use_mut_ref(Written::default);
    let state = use_reducer({
        let (catalog, written, texts) = (catalog.clone(), written.clone(), props.texts.clone());
        move || initial_state(&catalog, &texts, &mut written.borrow_mut())
    });
    let first_screen = use_mut_ref(|| true);

    {
        let (catalog, state, written) = (catalog.clone(), state.clone(), written.clone());
        use_effect_with(state.clone(), move |_| {
            for action in persist(&catalog, &state, &mut written.borrow_mut()) {
                state.dispatch(action);
            }
        });
    }
    use_effect_with(state.screen.clone(), move |_| {
        // Moving focus on the first render would pull a screen reader away from the page.
        if !first_screen.replace(false) {
            browser::focus("screen-heading");
        }
    });
    {
        let (state, config, catalog, written) = (
            state.clone(),
            props.config.clone(),
            catalog.clone(),
            written.clone(),
        );
        use_effect_with((), move |_| {
            browser::ask_for_persistent_storage();
            let updates = state.clone();
            browser::register_service_worker(move || updates.dispatch(Action::UpdateReady));
            let tabs = state.clone();
            browser::watch_other_tabs(move |id, text| {
                follow_other_tab(&catalog, &written, &tabs, id, text)
            });
            if browser::embedded() {
                browser::serve_embedding(config.embed_origins.clone(), move || {
                    browser::erase_all();
                    state.dispatch(Action::EraseAll);
                });
            }
        });
    }

    let handle = AssessmentHandle {
        catalog,
        config: props.config.clone(),
        texts: props.texts.clone(),
        state: state.clone(),
    };
    let body = match (&state.screen, state.current_entry()) {
        (Screen::Library, _) => html! { <Library /> },
        (Screen::Blank(t), _) => html! { <Blank tier={*t} /> },
        (Screen::Size, Some(_)) => html! { <SizeScreen /> },
        (Screen::Answer(p), Some(_)) => html! { <AnswerScreen practice={p.clone()} /> },
        (Screen::Results, Some(_)) => html! { <Results /> },
        _ => html! { <Start /> },
    };
    html! {
        <ContextProvider<Fixed> context={handle.fixed()}>
        <ContextProvider<AssessmentHandle> context={handle}>
            <Header />
            <main id="main" tabindex="-1" aria-label="HICP Check">
                <Banners config_problem={props.config_problem.clone()} language_problem={props.language_problem.clone()} written={written.clone()} />
                <ImportPreview />
                { body }
            </main>
        </ContextProvider<AssessmentHandle>>
        </ContextProvider<Fixed>>
    }
}
