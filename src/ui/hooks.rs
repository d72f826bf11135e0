//! The context the app shares: the catalogue and a handle on the assessment state, reached
//! through [`use_assessment`].

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
        self.state.dispatch(Action::Edit {
            now: browser::now(),
            edit,
        });
    }

    pub fn go(&self, screen: Screen) {
        self.state.dispatch(Action::Go(screen));
    }

    pub fn dispatch(&self, action: Action) {
        self.state.dispatch(action);
    }
}

#[hook]
pub fn use_assessment() -> AssessmentHandle {
    use_context::<AssessmentHandle>().expect("use_assessment needs the App's ContextProvider")
}
