//! The 12-month look-back: which practices have been in place long enough to count as
//! "recognized security practices" on a chosen date, and how far the evidence of each
//! sub-practice reaches back. Printable on its own.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evidence::Cover;
use crate::domain::lookback::look_back;
use crate::domain::Assessment;
use crate::ui::browser::page::{now, print};
use crate::ui::dom::date_change;
use crate::ui::tools::use_part;
use crate::ui::wording::human_date;

#[derive(Properties, PartialEq)]
pub struct LookBackViewProps {
    pub assessment: Rc<Assessment>,
}

#[component(LookBackView)]
pub fn look_back_view(props: &LookBackViewProps) -> Html {
    let handle = use_part();
    let catalog = handle.catalog.clone();
    let as_of = use_state(|| now().date());
    let on_date = {
        let as_of = as_of.clone();
        Callback::from(move |e: Event| {
            if let Some(Some(d)) = date_change(&e) {
                as_of.set(d);
            }
        })
    };
    let r = look_back(&catalog, &props.assessment, *as_of);
    let summary = handle.tf(
        "views.look_back.summary",
        &[
            ("qualifying", &r.qualifying.len().to_string()),
            ("date", &human_date(&handle.texts, r.window_start)),
            ("recent", &r.too_recent.len().to_string()),
            ("undated", &r.undated.len().to_string()),
            ("not_in_place", &r.not_in_place.to_string()),
        ],
    );
    let since = |id: &dyn std::fmt::Display, d: crate::domain::Date| {
        handle.tf(
            "views.look_back.since",
            &[
                ("id", &id.to_string()),
                ("date", &human_date(&handle.texts, d)),
            ],
        )
    };
    let count = |c: Cover| {
        r.evidence
            .iter()
            .filter(|(_, x)| *x == c)
            .count()
            .to_string()
    };
    let evidence_summary = handle.tf(
        "views.look_back.evidence_summary",
        &[
            ("whole", &count(Cover::Whole)),
            ("not_recent", &count(Cover::NotRecent)),
            ("only_recent", &count(Cover::OnlyRecent)),
            ("none", &count(Cover::None)),
        ],
    );
    let on_print = Callback::from(|_| {
        // Only this section is printed (app.css, `[data-print=look-back]`).
        let root = gloo::utils::document_element();
        let _ = root.set_attribute("data-print", "look-back");
        print();
        let _ = root.remove_attribute("data-print");
    });
    let list = |items: Vec<String>| html! { <ul>{ for items.into_iter().map(|t| html! { <li>{ t }</li> }) }</ul> };
    html! {
        <section id="look-back" aria-labelledby="look-back-h">
            <h3 id="look-back-h">{ handle.t("views.look_back.heading") }</h3>
            <p>{ handle.t("views.look_back.intro") }</p>
            <div class="field">
                <label for="look-back-date">{ handle.t("views.look_back.as_of") }</label>
                <input type="date" id="look-back-date" value={as_of.to_string()} onchange={on_date} />
            </div>
            <p id="look-back-summary">{ summary }</p>
            if !r.qualifying.is_empty() {
                <p>{ handle.t("views.look_back.qualifying") }</p>
                { list(r.qualifying.iter().map(|(id, d)| since(id, *d)).collect()) }
            }
            if !r.too_recent.is_empty() {
                <p>{ handle.t("views.look_back.too_recent") }</p>
                { list(r.too_recent.iter().map(|(id, d)| since(id, *d)).collect()) }
            }
            if !r.undated.is_empty() {
                <p>{ handle.t("views.look_back.undated") }</p>
                { list(r.undated.iter().map(|id| id.to_string()).collect()) }
            }
            <h4 id="look-back-evidence-h">{ handle.t("views.look_back.evidence_heading") }</h4>
            <p id="look-back-evidence-summary">{ evidence_summary }</p>
            { for [
                (Cover::Whole, "views.look_back.cover_whole", "cover-whole"),
                (Cover::NotRecent, "views.look_back.cover_not_recent", "cover-not-recent"),
                (Cover::OnlyRecent, "views.look_back.cover_only_recent", "cover-only-recent"),
                (Cover::None, "views.look_back.cover_none", "cover-none"),
            ].into_iter().map(|(cover, key, id)| {
                let ids: Vec<String> = r.evidence.iter().filter(|(_, c)| *c == cover).map(|(id, _)| id.to_string()).collect();
                html! { <p {id}><strong>{ handle.t(key) }</strong>{ ": " }{ if ids.is_empty() { "-".to_owned() } else { ids.join(", ") } }</p> }
            }) }
            <p class="hint">{ handle.t("package.self_reported") }</p>
            <button type="button" id="look-back-print" onclick={on_print}>{ handle.t("views.look_back.print") }</button>
        </section>
    }
}
