//! The contexts the app shares: the catalogue and a handle on the assessment state, reached
//! through [`use_assessment`]; and [`use_fixed`], the part that never changes while the app
//! runs, for components (a question card) that must not re-render on every answer.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::page::now;
use super::browser::storage::SetAside;
use super::state::{Action, AppState, Edit, Entry, Screen};
use super::store::Store;
use crate::config::{SiteConfig, StorageMode};
use crate::domain::{Catalog, Results};
use crate::i18n::Texts;

#[derive(Clone)]
pub struct AssessmentHandle {
    pub catalog: Rc<Catalog>,
    pub config: Rc<SiteConfig>,
    pub texts: Rc<Texts>,
    pub state: UseReducerHandle<AppState>,
    /// The open assessment's results, scored once per change to it (`None`: nothing open).
    pub(in crate::ui) results: Rc<Option<Results>>,
    pub(in crate::ui) store: Store,
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

    /// The open assessment's results, computed once per change to it, not per render.
    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref().as_ref()
    }

    pub fn edit(&self, edit: Edit) {
        self.state.dispatch(edit_now(edit));
    }

    /// Removes everything HICP Check keeps in this browser (after the person confirmed).
    pub fn erase_everything(&self) {
        self.store.erase_everything(&self.state);
    }

    /// Ends a two-tab conflict with this tab's answers (`keep_mine`) or the other tab's.
    pub fn settle_conflict(&self, keep_mine: bool) {
        self.store.settle_conflict(&self.state, keep_mine);
    }

    /// Keeps answers on this device or in this tab only.
    pub fn set_storage_mode(&self, mode: StorageMode) {
        self.store.set_storage_mode(&self.state, mode);
    }

    /// Offers a record that could not be read as a file.
    pub fn download_set_aside(&self, record: &SetAside) {
        self.store.download_set_aside(record);
    }

    /// Deletes a record that could not be read.
    pub fn remove_set_aside(&self, record: &SetAside) {
        self.store.remove_set_aside(&self.state, record);
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
    Action::Edit { now: now(), edit }
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
