//! Messages above every screen: a new version, a language that did not load, a broken settings
//! file, storage that refuses, records set aside, an edit made in two tabs at once, and the
//! last notice. Each says what happened in plain words and offers the way out (mostly:
//! download a copy now).

use std::rc::Rc;

use yew::prelude::*;

use crate::config::ConfigProblem;
use crate::i18n::messages;

use crate::ui::browser::page::focus_soon;
use crate::ui::browser::service_worker::apply_update;
use crate::ui::downloads::download_assessment;
use crate::ui::hooks::{use_assessment, AssessmentHandle};
use crate::ui::state::{Action, Tone};

#[derive(Properties, PartialEq)]
pub struct BannersProps {
    pub config_problems: Rc<Vec<ConfigProblem>>,
    pub language_problem: Option<(String, String)>,
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
    use_effect_with(state.erase_asked, |asked| {
        if *asked {
            focus_soon("embed-erase-no");
        }
    });
    let erase = |yes: bool| {
        let h = handle.clone();
        Callback::from(move |_| {
            if yes {
                h.erase_everything();
            } else {
                h.dispatch(Action::EraseAsked(false));
            }
        })
    };
    let resolve = |keep_mine: bool| {
        let h = handle.clone();
        Callback::from(move |_| h.settle_conflict(keep_mine))
    };
    html! {
        <>
            if state.update_ready {
                <div class="banner" role="status" id="update-ready">
                    { handle.t("banners.update_ready") }
                    <button type="button" id="update-reload" onclick={Callback::from(|_| apply_update())}>{ handle.t("banners.update_reload") }</button>
                </div>
            }
            if let Some((code, problem)) = &props.language_problem {
                <p class="banner problem" role="alert" id="language-problem" lang={code.clone()}>{ problem.clone() }</p>
            }
            if !props.config_problems.is_empty() {
                <div class="banner problem" role="alert" id="config-problem">
                    <p>{ handle.t("host.settings_notice") }</p>
                    <p>{ handle.t("host.settings_for_webmaster") }</p>
                    <ul>{ for props.config_problems.iter().map(|p| html! {
                        <li>{ messages::config_problem(&handle.texts, p) }</li>
                    }) }</ul>
                </div>
            }
            if state.erase_asked {
                <div class="banner problem" role="alert" id="embed-erase-ask">
                    <p>{ handle.t("host.erase_ask") }</p>
                    <div class="actions">
                        <button type="button" class="danger" id="embed-erase-yes" onclick={erase(true)}>{ handle.t("host.erase_yes") }</button>
                        <button type="button" id="embed-erase-no" onclick={erase(false)}>{ handle.t("host.erase_no") }</button>
                    </div>
                </div>
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
                let (record, h) = (x.clone(), handle.clone());
                let on_download = Callback::from(move |_| h.download_set_aside(&record));
                let (record, h) = (x.clone(), handle.clone());
                let on_delete = Callback::from(move |_| h.remove_set_aside(&record));
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
