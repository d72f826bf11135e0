//! The banner at the top of every screen: the name, the privacy promise in one line, where the
//! answers live, and the way between the steps.

use yew::prelude::*;

use super::human_date;
use crate::config::StorageMode;
use crate::ui::hooks::use_assessment;
use crate::ui::state::Screen;

#[component(Header)]
pub fn header() -> Html {
    let handle = use_assessment();
    let state = &handle.state;
    let current = handle.current();
    let first_practice = handle.catalog.practices()[0].id.clone();
    let nav = |id: &'static str, label: &'static str, screen: Screen| {
        let active = std::mem::discriminant(&state.screen) == std::mem::discriminant(&screen);
        let h = handle.clone();
        let onclick = Callback::from(move |_| h.go(screen.clone()));
        html! {
            <li><button type="button" {id} {onclick} aria-current={active.then_some("step")}>{ label }</button></li>
        }
    };
    let has_tier = current.is_some_and(|e| e.assessment.tier.is_some());
    html! {
        <header class="top">
            <div class="brand-row">
                if !handle.config.logo.is_empty() {
                    <img class="logo" src={handle.config.logo.clone()} alt="" height="40" />
                }
                <p class="brand">{ "HICP Check" }
                    if !handle.config.organization.is_empty() {
                        <span class="host" id="host-name">{ format!(" \u{b7} offered by {}", handle.config.organization) }</span>
                    }
                </p>
            </div>
            <p class="promise" id="privacy-line">
                { "Your answers stay in this browser. Nothing is sent anywhere." }
            </p>
            <nav aria-label="Steps">
                <ul>
                    { nav("nav-start", "Start", Screen::Start) }
                    if current.is_some() {
                        { nav("nav-size", "Size", Screen::Size) }
                    }
                    if has_tier {
                        { nav("nav-answer", "Answer", Screen::Answer(first_practice)) }
                        { nav("nav-results", "Results", Screen::Results) }
                    }
                    { nav("nav-library", "Saved assessments", Screen::Library) }
                </ul>
            </nav>
            if let Some(e) = current {
                <p class="storage" id="storage-status">
                    { format!("\u{201c}{}\u{201d} is saved {}. ", display_name(&e.assessment.organization.name),
                        if state.storage_mode == StorageMode::Session { "in this tab only, and is gone when you close it" } else { "in this browser only" }) }
                    { match &e.exported {
                        Some(t) if t >= &e.assessment.updated => format!("Last downloaded {}.", human_date(t.date())),
                        Some(t) => format!("Last downloaded {}; changed since, so download a new copy from Results.", human_date(t.date())),
                        None => "Not downloaded yet: download a copy from Results to keep it safe.".to_owned(),
                    } }
                </p>
            }
        </header>
    }
}

/// The name shown for an assessment whose organization has no name yet.
pub fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "Unnamed organization".into()
    } else {
        name.to_owned()
    }
}
