//! The one owner of persistence: the first state read from storage, saving what changed,
//! following another tab, settling a two-tab conflict, erasing, switching between device and
//! tab-only storage, and the records set aside. Components reach it only through the named
//! methods of [`AssessmentHandle`](super::hooks::AssessmentHandle); the reducer never does.

use std::cell::RefCell;
use std::rc::Rc;

use yew::UseReducerHandle;

use super::browser::evidence_store;
use super::browser::files::download;
use super::browser::storage::{self, Meta, SaveError, SetAside};
use super::state::{Action, AppState, Entry, Notice, Screen, SharedTexts, Tone};
use crate::config::StorageMode;
use crate::domain::map::Map;
use crate::domain::{import, Assessment, Catalog};
use crate::i18n::Texts;

/// What storage holds as far as this tab knows: the assessment last written or read for each
/// id, with its exact text, so that only changes are written and another tab's are noticed.
#[derive(Default)]
struct Written {
    assessments: Map<String, (Rc<Assessment>, String)>,
    meta: Option<Meta>,
    /// Assessments whose latest change this tab could not save (a conflict waiting for the
    /// person, storage that refused): another tab's change to one of them raises a conflict
    /// instead of replacing this tab's copy.
    unsaved: Map<String, ()>,
}

/// A handle on persistence, cheap to clone; every clone shares what this tab has written.
#[derive(Clone)]
pub struct Store {
    catalog: Rc<Catalog>,
    written: Rc<RefCell<Written>>,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.written, &other.written)
    }
}

impl Store {
    /// The store of this copy of the app for `catalog`'s pack: every record it reads or
    /// writes is scoped to both.
    pub fn new(catalog: Rc<Catalog>) -> Self {
        storage::use_pack(&catalog.info().id);
        Store {
            catalog,
            written: Rc::default(),
        }
    }

    /// The state at start, from what storage holds.
    pub fn initial_state(&self, texts: &Rc<Texts>) -> AppState {
        let loaded = storage::load(&self.catalog);
        let mut written = self.written.borrow_mut();
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
            erase_asked: false,
            storage_mode: storage::mode(),
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
    pub fn persist(&self, state: &AppState) -> Vec<Action> {
        let mut written = self.written.borrow_mut();
        let mut outcome = Vec::new();
        let mut failed = None;
        let mut lost_files = false;
        for e in &state.entries {
            let known = written.assessments.get(&e.id);
            if known.is_some_and(|(w, _)| Rc::ptr_eq(w, &e.assessment)) {
                continue;
            }
            if let Some((old, _)) = known {
                lost_files |= old
                    .evidence_files()
                    .any(|(_, i)| !e.assessment.evidence_files().any(|(_, j)| j.id == i.id));
            }
            if state.conflict.as_deref() == Some(e.id.as_str()) {
                // The person decides first; nothing is overwritten meanwhile.
                written.unsaved.insert(e.id.clone(), ());
                continue;
            }
            let expected = known.map(|(_, text)| text.as_str());
            match storage::save(&self.catalog, &e.id, &e.assessment, expected) {
                Ok(text) => {
                    written
                        .assessments
                        .insert(e.id.clone(), (e.assessment.clone(), text));
                    written.unsaved.remove(&e.id);
                }
                Err(SaveError::Conflict) => {
                    written.unsaved.insert(e.id.clone(), ());
                    outcome.push(Action::Conflict(e.id.clone()));
                }
                Err(SaveError::Refused) => {
                    written.unsaved.insert(e.id.clone(), ());
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
        // Evidence files no assessment refers to any more: of a removed assessment, of one
        // replaced by an opened file, of a removed item.
        let sweep = !gone.is_empty();
        for id in gone {
            storage::remove(&id);
            written.assessments.remove(&id);
        }
        if sweep || lost_files {
            let entries = state
                .entries
                .iter()
                .map(|e| (e.id.clone(), e.assessment.clone()))
                .collect();
            yew::platform::spawn_local(crate::ui::evidence::sweep(entries));
        }
        if state.entries.is_empty() {
            // Nothing to remember: after "erase everything" not even the meta record may stay.
            if written.meta.take().is_some() {
                storage::remove_meta();
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
                match storage::save_meta(&meta) {
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

    /// From now on, takes in another tab's saves, so that both tabs show the same answers.
    pub fn follow_other_tabs(&self, state: UseReducerHandle<AppState>) {
        let store = self.clone();
        storage::watch_other_tabs(move |id, text| store.take_in(&state, id, text));
    }

    fn take_in(&self, state: &UseReducerHandle<AppState>, id: String, text: Option<String>) {
        if self.written.borrow().unsaved.contains_key(&id) {
            // This tab holds a change to it that is not saved: the person chooses.
            state.dispatch(Action::Conflict(id));
            return;
        }
        let assessment = match text {
            Some(text) => match import(&self.catalog, &text) {
                Ok(a) => {
                    let a = Rc::new(a);
                    self.written
                        .borrow_mut()
                        .assessments
                        .insert(id.clone(), (a.clone(), text));
                    Some(a)
                }
                Err(_) => return,
            },
            None => {
                self.written.borrow_mut().assessments.remove(&id);
                None
            }
        };
        state.dispatch(Action::External { id, assessment });
    }

    /// Ends a two-tab conflict: this tab's answers (`keep_mine`, saved over the other's at
    /// the next save) or the other tab's (taken in).
    pub fn settle_conflict(&self, state: &UseReducerHandle<AppState>, keep_mine: bool) {
        let Some(id) = state.conflict.clone() else {
            return;
        };
        let stored = storage::read(&id);
        let mut w = self.written.borrow_mut();
        w.unsaved.remove(&id);
        match (keep_mine, stored) {
            (false, Some(text)) => {
                if let Ok(a) = import(&self.catalog, &text) {
                    let a = Rc::new(a);
                    w.assessments.insert(id.clone(), (a.clone(), text));
                    state.dispatch(Action::External {
                        id: id.clone(),
                        assessment: Some(a),
                    });
                }
            }
            (false, None) => {
                // The other tab erased it: so be it here too.
                w.assessments.remove(&id);
                state.dispatch(Action::External {
                    id: id.clone(),
                    assessment: None,
                });
            }
            (true, Some(stored)) => {
                // Keep this tab's: take the other text as known, so the next save replaces it.
                if let Some((a, text)) = w.assessments.get_mut(&id) {
                    *text = stored;
                    *a = Rc::new((**a).clone());
                }
            }
            (true, None) => {
                // Keep this tab's, erased elsewhere: saved again as new.
                w.assessments.remove(&id);
            }
        }
        drop(w);
        state.dispatch(Action::ConflictSettled);
    }

    /// Removes everything HICP Check keeps in this browser, and says so.
    pub fn erase_everything(&self, state: &UseReducerHandle<AppState>) {
        storage::erase_all();
        yew::platform::spawn_local(async {
            let _ = evidence_store::erase_copy().await;
        });
        state.dispatch(Action::EraseAll);
    }

    /// Keeps answers on this device or in this tab only, moving every record across.
    /// Evidence files follow: out of IndexedDB into the tab's memory (none left behind on a
    /// shared computer), or back.
    pub fn set_storage_mode(&self, state: &UseReducerHandle<AppState>, mode: StorageMode) {
        let state = state.clone();
        let keys: Vec<String> = state
            .entries
            .iter()
            .flat_map(|e| {
                let id = e.id.clone();
                e.assessment
                    .evidence_files()
                    .map(move |(_, i)| evidence_store::evidence_key(&id, &i.id))
                    .collect::<Vec<_>>()
            })
            .collect();
        yew::platform::spawn_local(async move {
            let mut files = Vec::new();
            for key in keys {
                if let Ok(Some(blob)) = evidence_store::get(&key).await {
                    files.push((key, blob));
                }
            }
            let failed = storage::set_mode(mode);
            if mode == StorageMode::Session {
                let _ = evidence_store::erase_copy().await;
                let _ = evidence_store::put_all(&files).await;
            } else if evidence_store::put_all(&files).await.is_ok() {
                evidence_store::forget_memory();
            }
            Self::mode_set(&state, mode, failed);
        });
    }

    fn mode_set(state: &UseReducerHandle<AppState>, mode: StorageMode, failed: usize) {
        state.dispatch(Action::StorageMode(mode));
        if failed > 0 {
            let text = state
                .texts
                .0
                .fill("app.not_moved", &[("count", &failed.to_string())]);
            state.dispatch(Action::Notify(Some(Notice {
                tone: Tone::Problem,
                text,
            })));
        }
    }

    /// Offers a record that could not be read as a file, exactly as it was stored.
    pub fn download_set_aside(&self, record: &SetAside) {
        if let Some(text) = storage::read_set_aside(record) {
            download(
                "hicp-check-unreadable-record.json",
                "application/json",
                &text,
            );
        }
    }

    pub fn remove_set_aside(&self, state: &UseReducerHandle<AppState>, record: &SetAside) {
        storage::remove_set_aside(record);
        state.dispatch(Action::SetAsideGone(record.key.clone()));
    }
}
