//! The first screen: what this is, the privacy promise, and the three ways in.

use yew::prelude::*;

use super::open_file::OpenFile;
use super::overview::Overview;
use crate::config::StorageMode;
use crate::ui::browser::page::{new_id, now};
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::{Action, Screen};
use crate::ui::wording::display_name;

pub fn start(handle: &AssessmentHandle) -> Html {
    let latest = handle.state.entries.first().cloned();
    let host_heading = if handle.config.organization.is_empty() {
        handle.t("start.from_site")
    } else {
        handle.tf(
            "start.from_organization",
            &[("organization", &handle.config.organization)],
        )
    };
    let on_new = {
        let h = handle.clone();
        Callback::from(move |_| {
            h.dispatch(Action::New {
                id: new_id(),
                now: now(),
                tier: h.config.default_tier,
            })
        })
    };
    let on_continue = latest.as_ref().map(|e| {
        let (h, id) = (handle.clone(), e.id.clone());
        Callback::from(move |_| h.dispatch(Action::Open(id.clone())))
    });
    let on_library = {
        let h = handle.clone();
        Callback::from(move |_| h.go(Screen::Library))
    };
    let on_blank = {
        let h = handle.clone();
        Callback::from(move |_| h.go(Screen::Blank(crate::domain::Tier::Small)))
    };
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ "HICP Check" }</h1>
            <p class="lead">
                { handle.t("start.lead") }
            </p>
            <p class="promise-box" id="privacy-promise">
                <strong>{ handle.t("start.promise") }</strong>
                { handle.t("start.promise_detail") }
            </p>
            <section aria-labelledby="ways-in" class="ways-in">
                <h2 id="ways-in">{ handle.t("start.get_started") }</h2>
                <div class="actions">
                    <button type="button" class="primary" id="start-new" onclick={on_new}>{ handle.t("start.new") }</button>
                    if let (Some(e), Some(onclick)) = (&latest, on_continue) {
                        <button type="button" id="continue-latest" {onclick}>
                            { handle.tf("start.continue", &[("name", &display_name(&handle.texts, &e.assessment.organization.name))]) }
                        </button>
                    }
                    if handle.state.entries.len() > 1 {
                        <button type="button" id="open-library" onclick={on_library}>
                            { handle.tf("start.all_saved", &[("count", &handle.state.entries.len().to_string())]) }
                        </button>
                    }
                </div>
                <OpenFile />
                <p><button type="button" class="link" id="open-blank" onclick={on_blank}>
                    { handle.t("start.blank") }
                </button></p>
            </section>
            if handle.config.storage_choice {
                { storage_choice(handle) }
            }
            if !handle.config.intro.is_empty() || !handle.config.links.is_empty() {
                <section class="host-info" aria-labelledby="host-heading" id="host-info">
                    <h2 id="host-heading">{ host_heading }</h2>
                    if !handle.config.intro.is_empty() { <p>{ handle.config.intro.clone() }</p> }
                    if !handle.config.links.is_empty() {
                        <ul>{ for handle.config.links.iter().map(|l| html! {
                            <li><a href={l.url.clone()} rel="noopener noreferrer">{ l.label.clone() }</a></li>
                        }) }</ul>
                    }
                </section>
            }
            <Overview />
        </>
    }
}

/// Where answers are kept: on this device, or in this tab only (nothing stays after it closes).
fn storage_choice(handle: &AssessmentHandle) -> Html {
    let current = handle.state.storage_mode;
    let option = |mode: StorageMode, id: &'static str, label: String| {
        let h = handle.clone();
        let onchange = Callback::from(move |_| {
            h.set_storage_mode(mode);
        });
        html! {
            <div class="option">
                <input type="radio" name="storage-mode" {id} checked={current == mode} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset id="storage-choice">
            <legend>{ handle.t("start.storage_legend") }</legend>
            { option(StorageMode::Device, "storage-device", handle.t("start.storage_device")) }
            { option(StorageMode::Session, "storage-session", handle.t("start.storage_session")) }
        </fieldset>
    }
}
