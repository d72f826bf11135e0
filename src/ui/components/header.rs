//! The banner at the top of every screen: the name, the privacy promise in one line, where the
//! answers live, and the way between the steps.

use yew::prelude::*;

use crate::config::StorageMode;
use crate::ui::browser::language::set_language;
use crate::ui::hooks::AssessmentHandle;
use crate::ui::state::Screen;
use crate::ui::wording::{display_name, human_date};

pub fn header(handle: &AssessmentHandle) -> Html {
    let state = &handle.state;
    let current = handle.current();
    let first_practice = handle.catalog.practices()[0].id.clone();
    let nav = |id: &'static str, key: &str, screen: Screen| {
        let label = handle.t(key);
        let active = std::mem::discriminant(&state.screen) == std::mem::discriminant(&screen);
        let h = handle.clone();
        let onclick = Callback::from(move |_| h.go(screen.clone()));
        html! {
            <li><button type="button" {id} {onclick} aria-current={active.then_some("step")}>{ label }</button></li>
        }
    };
    let asked = current.is_some_and(|e| e.assessment.asked.is_some());
    let has_tier = !asked && current.is_some_and(|e| e.assessment.tier.is_some());
    html! {
        <header class="top">
            <div class="brand-row">
                if !handle.config.logo.is_empty() {
                    <img class="logo" src={handle.config.logo.clone()} alt="" height="40" />
                }
                <p class="brand">{ "HICP Check" }
                    if !handle.config.organization.is_empty() {
                        <span class="host" id="host-name">{ handle.tf("header.offered_by", &[("organization", &handle.config.organization)]) }</span>
                    }
                </p>
            </div>
            { language_choice(handle) }
            <p class="promise" id="privacy-line">
                { handle.t("header.promise") }
            </p>
            <nav aria-label={handle.t("header.steps")}>
                <ul>
                    { nav("nav-start", "nav.start", Screen::Start) }
                    if asked {
                        { nav("nav-respond", "team.respond.nav", Screen::Results) }
                    } else if current.is_some() {
                        { nav("nav-size", "nav.size", Screen::Size) }
                    }
                    if has_tier {
                        { nav("nav-answer", "nav.answer", Screen::Answer(first_practice)) }
                        { nav("nav-results", "nav.results", Screen::Results) }
                        { nav("nav-team", "team.nav", Screen::Team) }
                    }
                    { nav("nav-library", "nav.library", Screen::Library) }
                </ul>
            </nav>
            if let Some(e) = current {
                <p class="storage" id="storage-status">
                    { {
                        let name = display_name(&handle.texts, &e.assessment.organization.name);
                        let key = if state.storage_mode == StorageMode::Session { "header.saved_session" } else { "header.saved_device" };
                        handle.tf(key, &[("name", &name)])
                    } }
                    { match &e.exported {
                        Some(t) if t >= &e.assessment.updated => handle.tf("header.downloaded", &[("date", &human_date(&handle.texts, t.date()))]),
                        Some(t) => handle.tf("header.changed_since", &[("date", &human_date(&handle.texts, t.date()))]),
                        None => handle.t("header.not_downloaded"),
                    } }
                </p>
            }
        </header>
    }
}

/// The interface language, when there is more than one: each named in its own language.
fn language_choice(handle: &AssessmentHandle) -> Html {
    let languages = crate::i18n::languages();
    if languages.len() < 2 {
        return html! {};
    }
    let onchange = Callback::from(|e: Event| {
        let code = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        set_language(&code);
    });
    html! {
        <div class="language">
            <label for="language">{ handle.t("language.label") }</label>
            <select id="language" {onchange}>
                { for languages.into_iter().map(|code| {
                    let name = crate::i18n::about_language(code, "language.name").unwrap_or_else(|| code.to_owned());
                    html! { <option value={code} selected={code == handle.texts.language()} lang={code}>{ name }</option> }
                }) }
            </select>
        </div>
    }
}
