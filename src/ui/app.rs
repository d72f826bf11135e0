//! The root component: builds the state from storage once, provides the context, keeps
//! storage in step with the state (the only place that saves), and lays out the screens.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use super::browser::{self, Meta};
use super::components::{
    answer::AnswerScreen, files::ImportPreview, header::Header, library::Library, results::Results,
    size::SizeScreen, start::Start,
};
use super::hooks::AssessmentHandle;
use super::state::{Action, AppState, Entry, Notice, Screen, Tone};
use crate::config::SiteConfig;
use crate::domain::{Assessment, Catalog};

#[derive(Properties)]
pub struct AppProps {
    pub catalog: Rc<Catalog>,
    pub config: Rc<SiteConfig>,
    /// Why the host's settings file was not used, for the webmaster's eyes.
    pub config_problem: Option<String>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog) && Rc::ptr_eq(&self.config, &other.config)
    }
}

/// What was last written to storage, to write only what changed.
#[derive(Default)]
struct Written {
    assessments: HashMap<String, Rc<Assessment>>,
    meta: Option<Meta>,
}

fn initial_state(catalog: &Catalog) -> AppState {
    let loaded = browser::load(catalog);
    let entries: Vec<Entry> = loaded
        .assessments
        .into_iter()
        .map(|(id, a)| Entry {
            exported: loaded.meta.exported.get(&id).and_then(|t| t.parse().ok()),
            id,
            assessment: Rc::new(a),
        })
        .collect();
    let current = loaded
        .meta
        .current
        .filter(|id| entries.iter().any(|e| &e.id == id));
    let screen = match (&current, loaded.meta.screen.as_deref()) {
        (Some(_), Some(key)) => Screen::from_key(key),
        _ => Screen::Start,
    };
    let notice = (!loaded.unreadable.is_empty()).then(|| Notice {
        tone: Tone::Problem,
        text: format!(
            "{} saved assessment(s) could not be read and were left untouched: {}",
            loaded.unreadable.len(),
            loaded
                .unreadable
                .iter()
                .map(|(_, why)| why.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ),
    });
    AppState {
        update_ready: false,
        storage_mode: browser::mode(),
        screen,
        entries,
        current,
        notice,
        staged: None,
        storage_problem: loaded.unavailable.map(|why| {
            format!("Your answers are kept only while this tab is open, because {why}. Download a copy before you close it.")
        }),
    }
}

fn persist(catalog: &Catalog, state: &AppState, written: &mut Written) -> Result<(), String> {
    let mut result = Ok(());
    for e in &state.entries {
        let same = written
            .assessments
            .get(&e.id)
            .is_some_and(|w| Rc::ptr_eq(w, &e.assessment));
        if !same {
            match browser::save(catalog, &e.id, &e.assessment) {
                Ok(()) => {
                    written
                        .assessments
                        .insert(e.id.clone(), e.assessment.clone());
                }
                Err(why) => result = Err(why),
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
        return result;
    }
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
        browser::save_meta(&meta)?;
        written.meta = Some(meta);
    }
    result
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let catalog = props.catalog.clone();
    let state = use_reducer({
        let catalog = catalog.clone();
        move || initial_state(&catalog)
    });
    let written = use_mut_ref(|| {
        let mut w = Written::default();
        for e in &state.entries {
            w.assessments.insert(e.id.clone(), e.assessment.clone());
        }
        w
    });
    let first_screen = use_mut_ref(|| true);

    {
        let (catalog, state, written) = (catalog.clone(), state.clone(), written.clone());
        use_effect_with(state.clone(), move |_| {
            save_or_warn(&catalog, &state, &written);
        });
    }
    use_effect_with(state.screen.clone(), move |_| {
        // Moving focus on the first render would pull a screen reader away from the page.
        if !first_screen.replace(false) {
            browser::focus("screen-heading");
        }
    });
    {
        let (state, config) = (state.clone(), props.config.clone());
        use_effect_with((), move |_| {
            browser::ask_for_persistent_storage();
            let updates = state.clone();
            browser::register_service_worker(move || updates.dispatch(Action::UpdateReady));
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
        state: state.clone(),
    };
    let body = match (&state.screen, state.current_entry()) {
        (Screen::Library, _) => html! { <Library /> },
        (Screen::Size, Some(_)) => html! { <SizeScreen /> },
        (Screen::Answer(p), Some(_)) => html! { <AnswerScreen practice={p.clone()} /> },
        (Screen::Results, Some(_)) => html! { <Results /> },
        _ => html! { <Start /> },
    };
    html! {
        <ContextProvider<AssessmentHandle> context={handle}>
            <Header />
            <main id="main" tabindex="-1" aria-label="HICP Check">
                if state.update_ready {
                    <div class="banner" role="status" id="update-ready">
                        { "A new version of HICP Check is ready. Your answers are saved. " }
                        <button type="button" id="update-reload" onclick={Callback::from(|_| browser::apply_update())}>{ "Reload to update" }</button>
                    </div>
                }
                if let Some(problem) = &props.config_problem {
                    <p class="banner problem" role="alert" id="config-problem">{ problem.clone() }</p>
                }
                if let Some(problem) = &state.storage_problem {
                    <p class="banner problem" role="alert" id="storage-problem">{ problem.clone() }</p>
                }
                if let Some(n) = &state.notice {
                    <p class={classes!("banner", (n.tone == Tone::Problem).then_some("problem"))}
                       role={if n.tone == Tone::Problem { "alert" } else { "status" }} id="notice">
                        { n.text.clone() }
                    </p>
                }
                <ImportPreview />
                { body }
            </main>
        </ContextProvider<AssessmentHandle>>
    }
}

fn save_or_warn(
    catalog: &Catalog,
    state: &UseReducerHandle<AppState>,
    written: &Rc<RefCell<Written>>,
) {
    if let Err(why) = persist(catalog, state, &mut written.borrow_mut()) {
        if state.storage_problem.is_none() {
            state.dispatch(Action::StorageProblem(why));
        }
    }
}
