//! The first screen: what this is, the privacy promise, and the three ways in.

use yew::prelude::*;

use super::files::OpenFile;
use super::header::display_name;
use super::overview::Overview;
use crate::ui::browser;
use crate::ui::hooks::use_assessment;
use crate::ui::state::{Action, Screen};

#[component(Start)]
pub fn start() -> Html {
    let handle = use_assessment();
    let latest = handle.state.entries.first().cloned();
    let on_new = {
        let h = handle.clone();
        Callback::from(move |_| {
            h.dispatch(Action::New {
                id: browser::new_id(),
                now: browser::now(),
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
    html! {
        <>
            <h1 id="screen-heading" tabindex="-1">{ "HICP Check" }</h1>
            <p class="lead">
                { "A self-assessment against the Health Industry Cybersecurity Practices (HICP) that HHS published with the health sector. Find your organization's size, check yourself against the practices for that size, and leave with a prioritized action plan." }
            </p>
            <p class="promise-box" id="privacy-promise">
                <strong>{ "Your answers stay in this browser; nothing is sent." }</strong>
                { " There is no account and no server: HICP Check keeps your work in this browser's storage, and you can download it as a file at any time. It is a self-check, not a certification of compliance." }
            </p>
            <section aria-labelledby="ways-in" class="ways-in">
                <h2 id="ways-in">{ "Get started" }</h2>
                <div class="actions">
                    <button type="button" class="primary" id="start-new" onclick={on_new}>{ "Start a new assessment" }</button>
                    if let (Some(e), Some(onclick)) = (&latest, on_continue) {
                        <button type="button" id="continue-latest" {onclick}>
                            { format!("Continue \u{201c}{}\u{201d}", display_name(&e.assessment.organization.name)) }
                        </button>
                    }
                    if handle.state.entries.len() > 1 {
                        <button type="button" id="open-library" onclick={on_library}>
                            { format!("All {} saved assessments", handle.state.entries.len()) }
                        </button>
                    }
                </div>
                <OpenFile />
            </section>
            <Overview />
        </>
    }
}
