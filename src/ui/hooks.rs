//! The contexts the app shares: the catalogue and a handle on the assessment state, reached
//! through [`use_assessment`]; and [`use_fixed`], the part that never changes while the app
//! runs, for components (a question card) that must not re-render on every answer.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::state::{Action, AppState, Edit, Entry, Screen};
use crate::config::SiteConfig;
use crate::domain::Catalog;
use crate::i18n::Texts;

#[derive(Clone)]
pub struct AssessmentHandle {
    pub catalog: Rc<Catalog>,
    pub config: Rc<SiteConfig>,
    pub texts: Rc<Texts>,
    pub state: UseReducerHandle<AppState>,
}

impl PartialEq for AssessmentHandle {
    fn eq(&self, other: &Self) -> bool {
        // The catalogue never changes after start: identity is enough.
        Rc::ptr_eq(&self.catalog, &other.catalog) && self.state == other.state
    }
}

impl AssessmentHandle {
    /// The interface text for `key` in the person's language.
    pub fn t(&self, key: &str) -> String {
        self.texts.get(key).to_owned()
    }

    /// The interface text for `key` with its `{name}` placeholders filled.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.texts.fill(key, args)
    }

    pub fn current(&self) -> Option<&Entry> {
        self.state.current_entry()
    }

    pub fn edit(&self, edit: Edit) {
        self.state.dispatch(edit_now(edit));
    }

    /// The part of this handle that never changes while the app runs.
    pub fn fixed(&self) -> Fixed {
        Fixed {
            catalog: self.catalog.clone(),
            texts: self.texts.clone(),
            dispatcher: self.state.dispatcher(),
        }
    }

    pub fn go(&self, screen: Screen) {
        self.state.dispatch(Action::Go(screen));
    }

    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }
}

fn edit_now(edit: Edit) -> Action {
    Action::Edit {
        now: browser::now(),
        edit,
    }
}

/// The catalogue, the texts and a way to make edits: all fixed from start to finish, so a
/// component that reads only these (and gets the rest by props) re-renders only when its
/// props change, not on every change to the assessment.
#[derive(Clone)]
pub struct Fixed {
    pub catalog: Rc<Catalog>,
    pub texts: Rc<Texts>,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for Fixed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.texts, &other.texts)
            && self.dispatcher == other.dispatcher
    }
}

impl Fixed {
    pub fn t(&self, key: &str) -> String {
        self.texts.get(key).to_owned()
    }

    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.texts.fill(key, args)
    }

    pub fn edit(&self, edit: Edit) {
        self.dispatcher.dispatch(edit_now(edit));
    }
}

#[hook]
pub fn use_fixed() -> Fixed {
    use_context::<Fixed>().expect("use_fixed needs the App's ContextProvider")
}

#[hook]
pub fn use_assessment() -> AssessmentHandle {
    use_context::<AssessmentHandle>().expect("use_assessment needs the App's ContextProvider")
}
