//! Messages above every screen: a new version, a language that did not load, a broken settings
//! file, storage that refuses, records set aside, an edit made in two tabs at once, and the
//! last notice. Each says what happened in plain words and offers the way out (mostly:
//! download a copy now).

use std::rc::Rc;

use yew::prelude::*;

use super::files::download_assessment;
use crate::domain::import;
use crate::ui::app::SharedWritten;
use crate::ui::browser;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Tone};

#[derive(Properties)]
pub struct BannersProps {
    pub config_problem: Option<String>,
    pub language_problem: Option<(String, String)>,
    pub written: SharedWritten,
}

impl PartialEq for BannersProps {
    fn eq(&self, other: &Self) -> bool {
        self.config_problem == other.config_problem
            && self.language_problem == other.language_problem
            && Rc::ptr_eq(&self.written, &other.written)
    }
}

fn download_current(handle: &AssessmentHandle) -> Callback<MouseEvent> {
    let h = handle.clone();
    Callback::from(move |_| {
        if let Some(e) = h.current().cloned() {
            download_assessment(&h, &e);
        }
    })
}

#[component(Banners)]
pub fn banners(props: &BannersProps) -> Html {
    let handle = use_assessment();
    let state = &handle.state;
    let has_current = handle.current().is_some();
    let resolve = |keep_mine: bool| {
        let (h, written) = (handle.clone(), props.written.clone());
        Callback::from(move |_| {
            let Some(id) = h.state.conflict.clone() else {
                return;
            };
            let stored = browser::read_key(&format!("hicp-check/assessment/{id}"));
            let mut w = written.borrow_mut();
            match (keep_mine, stored) {
                (false, Some(text)) => {
                    if let Ok(a) = import(&h.catalog, &text) {
                        let a = Rc::new(a);
                        w.assessments.insert(id.clone(), (a.clone(), text));
                        h.dispatch(Action::External {
                            id: id.clone(),
                            assessment: Some(a),
                        });
                    }
                }
                (_, stored) => {
                    // Keep this tab's: take the other text as known, so the next save replaces it.
                    if let Some((_, text)) = w.assessments.get_mut(&id) {
                        *text = stored.unwrap_or_default();
                    }
                    if let Some((a, _)) = w.assessments.get_mut(&id) {
                        *a = Rc::new((**a).clone());
                    }
                }
            }
            drop(w);
            h.dispatch(Action::ConflictSettled);
        })
    };
    html! {
        <>
            if state.update_ready {
                <div class="banner" role="status" id="update-ready">
                    { handle.t("banners.update_ready") }
                    <button type="button" id="update-reload" onclick={Callback::from(|_| browser::apply_update())}>{ handle.t("banners.update_reload") }</button>
                </div>
            }
            if let Some((code, problem)) = &props.language_problem {
                <p class="banner problem" role="alert" id="language-problem" lang={code.clone()}>{ problem.clone() }</p>
            }
            if let Some(problem) = &props.config_problem {
                <p class="banner problem" role="alert" id="config-problem">{ problem.clone() }</p>
            }
            if let Some(problem) = state.storage_problem.as_ref().or(state.write_failed.as_ref()) {
                <div class="banner problem" role="alert" id="storage-problem">
                    <p>{ problem.clone() }</p>
                    if has_current {
                        <button type="button" id="storage-download" onclick={download_current(&handle)}>{ handle.t("banners.download_now") }</button>
                    }
                </div>
            }
            { for state.set_aside.iter().map(|x| {
                let (key, h) = (x.key.clone(), handle.clone());
                let on_download = Callback::from(move |_| {
                    if let Some(text) = browser::read_key(&key) {
                        browser::download("hicp-check-unreadable-record.json", "application/json", &text);
                    }
                });
                let (key, h2) = (x.key.clone(), h.clone());
                let on_delete = Callback::from(move |_| {
                    browser::remove_key(&key);
                    h2.dispatch(Action::SetAsideGone(key.clone()));
                });
                html! {
                    <div class="banner problem" role="alert" data-testid="set-aside">
                        <p>{ handle.tf("banners.set_aside", &[("reason", &match &x.reason {
                            Some(e) => crate::i18n::messages::import_error(&handle.texts, e),
                            None => handle.t("banners.set_aside_earlier"),
                        })]) }</p>
                        <div class="actions">
                            <button type="button" onclick={on_download}>{ handle.t("banners.set_aside_download") }</button>
                            <button type="button" onclick={on_delete}>{ handle.t("banners.set_aside_delete") }</button>
                        </div>
                    </div>
                }
            }) }
            if state.conflict.is_some() {
                <div class="banner problem" role="alert" id="conflict">
                    <p>{ handle.t("banners.conflict") }</p>
                    <div class="actions">
                        <button type="button" id="conflict-theirs" onclick={resolve(false)}>{ handle.t("banners.conflict_theirs") }</button>
                        <button type="button" id="conflict-mine" onclick={resolve(true)}>{ handle.t("banners.conflict_mine") }</button>
                        <button type="button" onclick={download_current(&handle)}>{ handle.t("banners.conflict_download") }</button>
                    </div>
                </div>
            }
            if let Some(n) = &state.notice {
                <p class={classes!("banner", (n.tone == Tone::Problem).then_some("problem"))}
                   role={if n.tone == Tone::Problem { "alert" } else { "status" }} id="notice">
                    { n.text.clone() }
                </p>
            }
        </>
    }
}
